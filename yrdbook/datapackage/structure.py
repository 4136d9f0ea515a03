"""Facts about the package's structure that its Table Schemas cannot state."""

# framework_edges.csv joins nodes of several tables: each table and its key column.
FRAMEWORK_NODE_TABLES = {"drivers": "driver_id", "eras": "era_id", "measures": "measure_id",
                         "mechanisms": "mechanism_id", "outcomes": "outcome_id"}
