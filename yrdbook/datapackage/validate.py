"""Validate data/ before any chapter runs: ``python -m yrdbook.datapackage.validate``.

Frictionless checks everything the Table Schemas say (types, required fields, keys,
foreign keys, enums, ranges); ``checks`` and ``consistency`` add what a schema cannot say.
The file that is not a table, the maps' boundaries, is checked by ``boundaries``.
"""

import json
import os
import re
import sys
from pathlib import Path

import pandas as pd
from frictionless import Checklist, Package

from . import paths
from .bibliography import bib_keys
from .boundaries import check_boundaries
from .checks import BibKeyCheck, ChineseEditionCheck, DatePrecisionCheck
from .consistency import check_all
from .files_check import check_files
from .fingerprint import digest, files_under
from .problems import FOREIGN_KEY, DataPackageError, Problem
from .read import file_resources, primary_keys, read_tables, table_resources

# The checks of each resource that is a file rather than a table, by resource name.
FILE_CHECKS = {"boundaries": check_boundaries}


def _problem_from(error, file: str) -> Problem:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    if error.type == "foreign-key" and not field:
        field = ", ".join(getattr(error, "field_names", []) or []) or None
    reason = error.note or error.description.split(". ")[0].rstrip(".")
    if error.type == "foreign-key":
        # frictionless: 'for "city_id": values "hefei" not found in the lookup table "cities" as "city_id"'
        found = re.search(r'values? "([^"]*)" not found in the lookup table "([^"]*)" as "([^"]*)"', reason)
        if found:
            value, table, key = found.groups()
            reason = f"{FOREIGN_KEY} '{value}', which is not a {key} of {table}.csv"
        else:
            reason = f"{FOREIGN_KEY} a row that does not exist: {reason}"
    elif error.type in ("type-error", "constraint-error", "primary-key", "unique-error"):
        reason = f"{error.title.lower()}: {reason}"
    cell = getattr(error, "cell", None)
    if cell not in (None, "") and error.type == "type-error":
        kind = re.search(r'type is "(\w+)', error.note or "")  # frictionless: 'type is "boolean/default"'
        kind = kind.group(1) if kind else "?"
        wanted = TYPE_WORDS.get(kind, f"of type {kind}")
        reason = f"value '{cell}' is not {wanted}"
    elif cell not in (None, "") and error.type == "constraint-error":
        reason = f"value '{cell}' fails {reason}"
    return Problem(file, row, field, reason)


TYPE_WORDS = {"boolean": "true or false", "integer": "a whole number", "number": "a number",
              "date": "a date (YYYY-MM-DD)", "year": "a year (YYYY)", "string": "text"}


def validate(data_dir: Path | None = None, bib: Path | None = None) -> dict[str, pd.DataFrame]:
    """Return the package's tables, or raise DataPackageError naming every problem."""
    data_dir = Path(data_dir or paths.data_dir())
    bib = Path(bib or paths.bib_path())
    try:
        descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
        # Frictionless reads the tables only; the other files have checks of their own (FILE_CHECKS).
        package = Package({**descriptor, "resources": table_resources(descriptor)}, basepath=str(data_dir))
        files = file_resources(descriptor)
    except Exception as error:  # bad JSON, or a descriptor frictionless cannot read (FrictionlessException)
        raise DataPackageError([Problem("data/datapackage.json", None, None, f"cannot be read: {error}")]) from error

    # The files themselves first: a broken file is the cause of every error frictionless would find after it.
    problems = check_files(data_dir, [r.to_descriptor() for r in package.resources] + files)
    problems += [Problem("data/datapackage.json", None, None, f"resource '{r.get('name')}' is not a table "
                         "(profile tabular-data-resource) and the validator has no checks for it")
                 for r in files if r.get("name") not in FILE_CHECKS]
    if problems:
        raise DataPackageError(problems)

    checklist = Checklist(checks=[DatePrecisionCheck(), BibKeyCheck(bib_keys(bib)), ChineseEditionCheck()])
    report = package.validate(checklist=checklist)
    for task in report.tasks:
        file = f"data/{task.place}"
        problems += [_problem_from(error, file) for error in task.errors]
    problems += [_problem_from(error, "data/datapackage.json") for error in report.errors]
    if problems:
        raise DataPackageError(problems)

    tables = read_tables(data_dir)
    problems = check_all(tables, primary_keys(data_dir))
    for resource in files:
        problems += FILE_CHECKS[resource["name"]](data_dir, resource, tables)
    if problems:
        raise DataPackageError(problems)
    return tables


VALIDATED_ENV = "YRD_VALIDATED_INPUTS"


def inputs_digest(data_dir: Path, bib: Path) -> str:
    """Hash of data/ and the bibliography: what a validation result is valid for."""
    return digest([*files_under(data_dir), Path(bib)])


def mark_validated(data_dir: Path, bib: Path) -> None:
    """Tell processes started from here (notebook kernels of the build) that these inputs passed."""
    os.environ[VALIDATED_ENV] = inputs_digest(data_dir, bib)


def already_validated(data_dir: Path, bib: Path) -> bool:
    return os.environ.get(VALIDATED_ENV) == inputs_digest(data_dir, bib)


def main(argv: list[str] | None = None) -> int:
    data_dir = Path(argv[0]) if argv else None
    try:
        tables = validate(data_dir)
    except DataPackageError as error:
        print(error, file=sys.stderr)
        return 1
    rows = sum(len(t) for t in tables.values())
    print(f"data/ is valid: {len(tables)} tables, {rows} rows.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
