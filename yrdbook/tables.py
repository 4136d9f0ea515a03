"""Tables as MyST ``list-table`` directives, emitted as ``text/markdown`` cell outputs.

myst-nb parses such output as MyST (``nb_render_markdown_format: myst``), so each table
becomes a real, numbered, captioned docutils table in HTML and in LaTeX alike, and
citations inside cells resolve like any other. A table names the data files it was
computed from (``data=[...]``); its caption then ends with "Data: ..." linking them.
"""

import re
from dataclasses import dataclass, field

import pandas as pd

from .datapackage import files as datafiles
from .language import current


# A line that starts like a list item, heading or quote ("1. Learn from ...") would open
# that block inside the cell (a list in the middle of a cell, which LaTeX cannot typeset
# in a table); escaping the marker keeps it text.
_NUMBERED = re.compile(r"^(\s*\d{1,9})(?=[.)](\s|$))")
_MARKED = re.compile(r"^(\s*)(?=[-+*>#](\s|$))")


def _line(text: str) -> str:
    return _MARKED.sub(r"\1\\", _NUMBERED.sub(r"\1\\", text))


# Characters that MyST would read as markup (emphasis, code, roles, links, HTML, math,
# tables, entities): in text from the data they are escaped, so that it renders literally.
_ACTIVE = re.compile(r"([\\`*_{}\[\]<>$|~&])")
# Text the book's code writes as MyST (a citation, a cross-reference) starts with this mark,
# which survives pandas' string columns where a str subclass would not.
_MARKUP = "\ue000"


def escape(text: str) -> str:
    """Text from the data as MyST that renders it literally."""
    return _ACTIVE.sub(r"\\\1", str(text))


def markup(text: str) -> str:
    """MyST written by the book's code, to be used as it is in a table cell."""
    return _MARKUP + text


def _cell(value) -> str:
    """One list-table cell; a newline in the value becomes a hard line break. Text from the
    data is escaped; text marked with ``markup`` is MyST and kept."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = text[1:] if text.startswith(_MARKUP) else escape(text)
    lines = [_line(line) for line in text.split("\n") if line.strip()]
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
    data: list[str] = field(default_factory=list)  # files of data/ it was computed from

    def __post_init__(self):
        if self.data:  # fail in the cell that builds the table, not silently in its display
            datafiles.check(self.data)

    def full_caption(self) -> str:
        gap = "" if current() == "zh" else " "  # Chinese runs on after its full stop
        return f"{self.caption}{gap}{datafiles.markdown_line(self.data)}" if self.data else self.caption

    def to_myst(self) -> str:
        options = [f":name: {self.name}", f":header-rows: {self.header_rows}"]
        if self.stub_columns:
            options.append(f":stub-columns: {self.stub_columns}")
        if self.widths:
            options.append(f":widths: {' '.join(map(str, self.widths))}")
        if self.classes:
            options.append(f":class: {' '.join(self.classes)}")
        lines = [f":::{{list-table}} {self.full_caption()}", *options, ""]
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
    """A cell of the English edition gives the Chinese term first and the English on its own
    line; the Chinese edition's gives the Chinese only."""
    return zh if current() == "zh" else f"{zh}\n{en}"


def bilingual_column(zh, en) -> list[str]:
    """A column of bilingual cells from a Chinese and an English column."""
    return [bilingual(z, e) for z, e in zip(zh, en)]


def source_cell(section: str, key: str) -> str:
    """'II.3, [ref 15]' (in the Chinese edition 'II.3，[15]'): a fact row's paper section and source."""
    return markup(f"{escape(section)}{'，' if current() == 'zh' else ', '}{cite(key)}")


def source_column(frame: pd.DataFrame) -> list[str]:
    return [source_cell(section, key) for section, key in zip(frame.section, frame.source)]


def cite(key: str) -> str:
    return f"{{cite:p}}`{key}`"
