"""Checks of the files themselves, before frictionless reads a row: every file in data/ is
described and there, and every table readable as UTF-8, comma-separated with the schema's
header, well quoted and not empty. A problem here is the first cause of everything after it,
so validation stops here. (The file that is not a table, the maps' boundaries, has its own
checks in ``boundaries``.)"""

import csv
import io
from pathlib import Path

from .problems import Problem
from .read import is_table

# Files in data/ that are not tables of the package.
NOT_TABLES = {"datapackage.json", "README.md"}
OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def check_files(data_dir: Path, resources: list[dict]) -> list[Problem]:
    """Problems with the package's files, one per file at most (its first)."""
    data_dir = Path(data_dir)
    described = {r["path"] for r in resources}
    problems = [Problem(f"data/{p.name}", None, None,
                        "is not described in datapackage.json: describe it there (with a schema) or remove it")
                for p in sorted(data_dir.iterdir()) if p.is_file() and p.name not in described | NOT_TABLES]
    for resource in resources:
        if not is_table(resource):
            exists = (data_dir / resource["path"]).is_file()
            problem = None if exists else Problem(f"data/{resource['path']}", None, None, "file is missing")
        else:
            problem = check_table_file(data_dir / resource["path"], [f["name"] for f in resource["schema"]["fields"]])
        if problem:
            problems.append(problem)
    return problems


def check_table_file(path: Path, fields: list[str]) -> Problem | None:
    label = f"data/{path.name}"
    if not path.exists():
        return Problem(label, None, None, "file is missing")
    raw = path.read_bytes()
    if not raw.strip():
        return Problem(label, None, None, "file is empty; it needs a header row and at least one row")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(label, line, None, f"is not UTF-8 (byte {error.start}); save the file as UTF-8")
    text = text.removeprefix("\ufeff")
    header_line = text.splitlines()[0]
    header = next(csv.reader([header_line]))
    if header != fields:
        for delimiter, name in OTHER_DELIMITERS.items():
            if next(csv.reader([header_line], delimiter=delimiter)) == fields:
                return Problem(label, 1, None, f"separates its columns with {name}; the package's CSV files use commas")
        extra = [h for h in header if h not in fields]
        missing = [f for f in fields if f not in header]
        if extra:
            return Problem(label, 1, extra[0], f"column '{extra[0]}' is not in the schema of {path.stem} "
                                              "(datapackage.json): remove it, or describe it there")
        if missing:
            return Problem(label, 1, missing[0], f"column '{missing[0]}' of the schema is missing from the header")
        return Problem(label, 1, None, f"the header's columns are not in the schema's order: {', '.join(fields)}")
    reader = csv.reader(io.StringIO(text), strict=True)
    rows, start = 0, 1
    try:
        for number, row in enumerate(reader, start=1):
            start = reader.line_num + 1  # where the next row starts: a broken quote is reported there
            if number == 1 or not row:
                continue
            rows += 1
            if len(row) != len(fields):
                cause = ("an unquoted comma inside a value, or a missing quote" if len(row) > len(fields)
                         else "a missing comma or a line break inside an unquoted value")
                missing = fields[len(row)] if len(row) < len(fields) else None
                return Problem(label, reader.line_num, missing,
                               f"has {len(row)} values where the header has {len(fields)} columns: "
                               f"probably {cause}")
    except csv.Error as error:
        return Problem(label, start, None, f"is not well-formed CSV ({error}): check the quotes of the row "
                                          "that starts on this line")
    if rows == 0:
        return Problem(label, None, None, "has a header but no rows; the chapters need its rows")
    return None
