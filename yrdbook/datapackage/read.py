"""Read every CSV of the package with the column types its schema declares (no validation).

The package also holds a file that is not a table (the maps' boundaries, TopoJSON): resources
are tables only where their profile says so, and only tables are read here."""

import json
from pathlib import Path

import pandas as pd

# Table Schema types -> pandas dtypes; booleans are parsed by a converter.
DTYPES = {"integer": "Int64", "number": "Float64", "string": "string"}


def descriptor(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))


TABLE_PROFILE = "tabular-data-resource"


def is_table(resource: dict) -> bool:
    return resource.get("profile") == TABLE_PROFILE


def table_resources(package: dict) -> list[dict]:
    return [r for r in package["resources"] if is_table(r)]


def file_resources(package: dict) -> list[dict]:
    """The resources that are files rather than tables (the maps' boundaries)."""
    return [r for r in package["resources"] if not is_table(r)]


def read_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    return {r["name"]: _frame(Path(data_dir) / r["path"], r["schema"]["fields"]) for r in table_resources(descriptor(data_dir))}


def primary_keys(data_dir: Path) -> dict[str, list[str]]:
    """Each table's primary key, as a list of fields."""
    keys = {}
    for r in table_resources(descriptor(data_dir)):
        key = r["schema"]["primaryKey"]
        keys[r["name"]] = [key] if isinstance(key, str) else list(key)
    return keys


def _frame(path: Path, schema_fields: list[dict]) -> pd.DataFrame:
    fields = {f["name"]: f.get("type", "string") for f in schema_fields}
    booleans = {name: _parse_boolean for name, kind in fields.items() if kind == "boolean"}
    types = {name: DTYPES.get(kind, "string") for name, kind in fields.items() if name not in booleans}
    return pd.read_csv(path, dtype=types, converters=booleans, keep_default_na=False,
                       na_values={c: [""] for c in types})


def _parse_boolean(value: str) -> bool | None:
    # Frictionless' default true/false values; validation has already rejected anything else.
    return {"true": True, "false": False, "1": True, "0": False}.get(value.strip().lower())
