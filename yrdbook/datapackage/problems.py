"""A data problem as a person can act on it: which file, which row, which field, and why."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # line number in the file (the header is line 1); None for file-level problems
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.reason}"


class DataPackageError(Exception):
    """Raised when data/ is not valid; the message lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [f"data/ is invalid ({len(problems)} problem{'s' if len(problems) != 1 else ''}):"]
        lines += [f"  - {p}" for p in problems]
        lines.append("Fix the rows above; the book is not built from invalid data.")
        super().__init__("\n".join(lines))
