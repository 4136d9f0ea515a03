"""Row checks a Table Schema cannot express, written as frictionless checks.

They report through frictionless like its own errors, so every problem carries
the file, row and field it belongs to.
"""

import datetime as dt

from frictionless import Check, errors

# Which column holds the date that ``date_precision`` describes, per table.
DATE_COLUMNS = ("date", "joined")
PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}


def _date_problem(value: str | None, precision: str | None) -> str | None:
    """Why a (partial ISO date, precision) pair is wrong, or None if it is right."""
    if precision == "unknown":
        return None if not value else f"date '{value}' given but its precision is 'unknown'"
    if not value:
        return f"no date, but its precision is '{precision}'"
    if precision not in PRECISION_LENGTH:
        return None  # the enum constraint reports a bad precision
    if len(value) != PRECISION_LENGTH[precision]:
        return f"date '{value}' does not have the stated precision '{precision}'"
    padded = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return f"'{value}' is not a calendar date"
    return None


class DatePrecisionCheck(Check):
    """A date must exist in the calendar and be written at exactly its stated precision."""

    type = "date-precision"
    Errors = [errors.CellError]

    def validate_row(self, row):
        if "date_precision" not in row.field_names:
            return
        precision = row["date_precision"]
        for column in DATE_COLUMNS:
            if column in row.field_names:
                note = _date_problem(row[column], precision)
                if note:
                    yield errors.CellError.from_row(row, note=note, field_name=column)
        end = row["end_date"] if "end_date" in row.field_names else None
        if end:
            note = _date_problem(end, precision)
            if not note and row["date"] and end < row["date"]:
                note = f"end date '{end}' is before the start date '{row['date']}'"
            if note:
                yield errors.CellError.from_row(row, note=note, field_name="end_date")


class BibKeyCheck(Check):
    """Every ``source`` must be a key of references.bib."""

    type = "bib-key"
    Errors = [errors.CellError]

    def __init__(self, keys: set[str]):
        super().__init__()
        self.keys = frozenset(keys)

    def validate_row(self, row):
        if "source" in row.field_names and row["source"] and row["source"] not in self.keys:
            yield errors.CellError.from_row(
                row, note=f"'{row['source']}' is not a key of references.bib", field_name="source"
            )


# A text column the Chinese edition shows, and the English one it stands beside, where the
# names do not pair as ``x_en`` / ``x_zh``.
CHINESE_TWINS = {"not_carried_reason_zh": "not_carried_reason", "basis_note_zh": "basis_note"}


def english_twin(field_name: str, field_names) -> str | None:
    """The English column a Chinese one translates: ``note_zh`` for ``note_en``, or as listed."""
    if field_name in CHINESE_TWINS:
        return CHINESE_TWINS[field_name]
    twin = field_name.removesuffix("_zh") + "_en"
    return twin if field_name.endswith("_zh") and twin in field_names else None


class ChineseEditionCheck(Check):
    """The Chinese edition shows a row's Chinese wherever the English edition shows its English:
    a text translated into a ``*_zh`` column must be there whenever its English is."""

    type = "chinese-edition"
    Errors = [errors.CellError]

    def validate_row(self, row):
        for name in row.field_names:
            english = english_twin(name, row.field_names)
            if english and row[english] and not row[name]:
                yield errors.CellError.from_row(
                    row, note=f"the Chinese edition needs the Chinese of '{english}' here", field_name=name)
