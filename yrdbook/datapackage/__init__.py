"""The data package in ``data/``: where it lives, how it is read, and how it is validated.

- ``paths``: where data/ and references.bib are (``YRD_DATA_DIR`` and ``YRD_BIB`` override);
- ``validate``: the whole check, ``python -m yrdbook.datapackage.validate`` (``./tasks.sh validate``);
- ``checks``: row rules a Table Schema cannot express, as frictionless checks;
- ``consistency``: cross-table rules (stated counts against member lists, ...);
- ``boundaries``: the maps' boundaries (TopoJSON, not a table) against cities.csv and provinces.csv;
- ``problems``: a problem as file, row, field and reason;
- ``read``: the CSVs as typed pandas frames (no validation); which resources are tables;
- ``bibliography``: references.bib read with pybtex;
- ``files``: the files the book serves and the "Data: ..." lines that link them;
- ``fingerprint``: one hash of a set of input files.

Nothing here knows about chapters, charts or Sphinx.
"""
