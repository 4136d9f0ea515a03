"""A data problem as a person can act on it: which file, which row (or feature), which field, and why."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # line number in the file (the header is line 1); None for file-level problems
    field: str | None
    reason: str
    feature: str | None = None  # in a file of features rather than rows: which one ("cities #8 嘉兴市")

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.feature:
            where.append(f"feature {self.feature}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.reason}"


FOREIGN_KEY = "refers to"  # the start of every reason about a reference to another table's row


class DataPackageError(Exception):
    """Raised when data/ is not valid; the message lists every problem found."""

    def __init__(self, problems: list[Problem]):
        # Causes first; a broken reference to another row is usually the consequence of a
        # problem with that row, so those come after, grouped as follow-ons.
        follow_ons = [p for p in problems if p.reason.startswith(FOREIGN_KEY)]
        causes = [p for p in problems if p not in follow_ons]
        self.problems = causes + follow_ons
        lines = [f"data/ is invalid ({len(problems)} problem{'s' if len(problems) != 1 else ''}):"]
        lines += [f"  - {p}" for p in causes]
        if causes and follow_ons:
            lines.append("  Follow-on problems (they may go once the problems above are fixed):")
        lines += [f"  - {p}" for p in follow_ons]
        lines.append("Fix the rows above; the book is not built from invalid data.")
        super().__init__("\n".join(lines))
