"""Tables as MyST ``list-table`` directives, emitted as ``text/markdown`` cell outputs.

myst-nb parses such output as MyST (``nb_render_markdown_format: myst``), so each table
becomes a real, numbered, captioned docutils table in HTML and in LaTeX alike, and
citations inside cells resolve like any other.
"""

from dataclasses import dataclass, field

import pandas as pd


def _cell(value) -> str:
    """One list-table cell; a newline in the value becomes a hard line break."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    lines = [line for line in text.split("\n") if line.strip()]
    return "\\\n    ".join(lines) if lines else "–"


@dataclass
class BookTable:
    frame: pd.DataFrame
    caption: str
    name: str
    widths: list[int] | None = None
    header_rows: int = 1
    stub_columns: int = 0
    classes: list[str] = field(default_factory=list)

    def to_myst(self) -> str:
        options = [f":name: {self.name}", f":header-rows: {self.header_rows}"]
        if self.stub_columns:
            options.append(f":stub-columns: {self.stub_columns}")
        if self.widths:
            options.append(f":widths: {' '.join(map(str, self.widths))}")
        if self.classes:
            options.append(f":class: {' '.join(self.classes)}")
        lines = [f":::{{list-table}} {self.caption}", *options, ""]
        rows = [list(self.frame.columns)] + self.frame.astype(object).values.tolist()
        for row in rows:
            lines.append(f"* - {_cell(row[0])}")
            lines += [f"  - {_cell(value)}" for value in row[1:]]
        lines.append(":::")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.to_myst()

    def __repr__(self) -> str:
        return f"Table {self.name}: {self.caption} ({len(self.frame)} rows)"


def bilingual(zh: str, en: str) -> str:
    """A cell that gives the Chinese term first and the English on its own line."""
    return f"{zh}\n{en}"


def cite(key: str) -> str:
    return f"{{cite:p}}`{key}`"
