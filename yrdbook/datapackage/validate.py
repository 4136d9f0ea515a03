"""Validate data/ before any chapter runs: ``python -m yrdbook.datapackage.validate``.

Frictionless checks everything the Table Schemas say (types, required fields, keys,
foreign keys, enums, ranges); ``checks`` and ``consistency`` add what a schema cannot say.
"""

import os
import sys
from pathlib import Path

import pandas as pd
from frictionless import Checklist, Package

from . import paths
from .bibliography import bib_keys
from .checks import BibKeyCheck, DatePrecisionCheck
from .consistency import check_all
from .fingerprint import digest, files_under
from .problems import DataPackageError, Problem
from .read import primary_keys, read_tables


def _problem_from(error, file: str) -> Problem:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    if error.type == "foreign-key" and not field:
        field = ", ".join(getattr(error, "field_names", []) or []) or None
    reason = error.note or error.description.split(". ")[0].rstrip(".")
    if error.type in ("type-error", "constraint-error", "foreign-key", "primary-key", "unique-error"):
        reason = f"{error.title.lower()}: {reason}"
    cell = getattr(error, "cell", None)
    if cell not in (None, "") and error.type in ("type-error", "constraint-error"):
        reason = f"value '{cell}' fails {reason}"
    return Problem(file, row, field, reason)


def _readable_utf8(package_dir: Path, resource_path: str) -> Problem | None:
    """Frictionless would guess at a non-UTF-8 file; say plainly what is wrong instead."""
    file = package_dir / resource_path
    label = f"data/{resource_path}"
    if not file.exists():
        return Problem(label, None, None, "file is missing")
    raw = file.read_bytes()
    if not raw.strip():
        return Problem(label, None, None, "file is empty; it needs at least a header row")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(label, line, None, f"not UTF-8 (byte {error.start}); save the file as UTF-8")
    return None


def validate(data_dir: Path | None = None, bib: Path | None = None) -> dict[str, pd.DataFrame]:
    """Return the package's tables, or raise DataPackageError naming every problem."""
    data_dir = Path(data_dir or paths.data_dir())
    bib = Path(bib or paths.bib_path())
    descriptor = data_dir / "datapackage.json"
    try:
        package = Package(str(descriptor), basepath=str(data_dir))
    except Exception as error:  # frictionless raises its own FrictionlessException on bad JSON
        raise DataPackageError([Problem("data/datapackage.json", None, None, f"cannot be read: {error}")]) from error

    problems = [p for r in package.resources if (p := _readable_utf8(data_dir, r.path))]
    if problems:
        raise DataPackageError(problems)

    checklist = Checklist(checks=[DatePrecisionCheck(), BibKeyCheck(bib_keys(bib))])
    report = package.validate(checklist=checklist)
    for task in report.tasks:
        file = f"data/{task.place}"
        problems += [_problem_from(error, file) for error in task.errors]
    problems += [_problem_from(error, "data/datapackage.json") for error in report.errors]
    if problems:
        raise DataPackageError(problems)

    tables = read_tables(data_dir)
    problems = check_all(tables, primary_keys(data_dir))
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
