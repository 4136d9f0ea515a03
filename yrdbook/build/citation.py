"""The book's citation metadata as BibTeX: one source, ``CITATION.cff``.

- ``book_entry``: the whole book (the "How to cite" page);
- ``chapter_entry``: one chapter, for the box that ends every numbered chapter; its key
  and title come from the page itself, so a new chapter gets its entry with no extra work;
- ``bib_entry``: an entry exactly as written in ``references.bib`` (the source paper).

Entries compile with plain BibTeX and its standard styles without warnings.
"""

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..datapackage import paths

BOOK_KEY = "yrd_governance_book"
CITATION_FILE = "CITATION.cff"
_SPECIAL = re.compile(r"([&%#_$])")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class BookCitation:
    title: str
    authors: tuple[str, ...]  # BibTeX names: entities braced, persons "Family, Given"
    publisher: str
    version: str
    date_released: str  # ISO 8601 day

    @property
    def year(self) -> str:
        return self.date_released[:4]

    @property
    def month(self) -> int:
        return int(self.date_released[5:7])

    def as_dict(self) -> dict:
        return {"title": self.title, "authors": list(self.authors), "publisher": self.publisher,
                "version": self.version, "date_released": self.date_released}


def _name(author: dict) -> str:
    if "name" in author:  # an entity: braced so BibTeX keeps it whole
        return "{" + escape(author["name"]) + "}"
    given, family = author.get("given-names", ""), author.get("family-names", "")
    return escape(f"{family}, {given}" if given else family)


def load(path: Path | str | None = None) -> BookCitation:
    """Read CITATION.cff (the repository's, unless a path is given)."""
    cff = yaml.safe_load(Path(path or paths.REPO_ROOT / CITATION_FILE).read_text(encoding="utf-8"))
    preferred = cff.get("preferred-citation", cff)
    released = cff["date-released"]
    released = released.isoformat() if isinstance(released, _dt.date) else str(released)
    publisher = preferred.get("publisher", {}).get("name") or cff["authors"][0].get("name", "")
    return BookCitation(title=preferred["title"], authors=tuple(_name(a) for a in preferred["authors"]),
                        publisher=publisher, version=str(cff["version"]), date_released=released)


def from_dict(values: dict) -> BookCitation:
    return BookCitation(**{**values, "authors": tuple(values["authors"])})


def escape(text: str) -> str:
    """Escape BibTeX/LaTeX special characters in a field value."""
    return _SPECIAL.sub(r"\\\1", text)


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in fields)
    # month is a BibTeX macro (nov), every other value is braced
    body = ",\n".join(f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'}"
                      for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def _common(book: BookCitation) -> list[tuple[str, str]]:
    return [("publisher", escape(book.publisher)), ("year", book.year), ("month", _MONTHS[book.month - 1]),
            ("date", book.date_released), ("version", book.version), ("note", f"Version {book.version}")]


def book_entry(book: BookCitation) -> str:
    return _entry("book", BOOK_KEY, [
        ("author", " and ".join(book.authors)),
        ("title", "{" + escape(book.title) + "}"),
        *_common(book),
    ])


def chapter_key(docname: str) -> str:
    """``book/evolution`` -> ``yrd_governance_book_evolution``."""
    stem = docname.split("/")[-1]
    return f"{BOOK_KEY}_{re.sub(r'[^A-Za-z0-9]+', '_', stem).strip('_').lower()}"


def chapter_entry(book: BookCitation, docname: str, title: str, number: str | None) -> str:
    fields = [("author", " and ".join(book.authors)), ("title", "{" + escape(title) + "}"),
              ("booktitle", "{" + escape(book.title) + "}")]
    if number:
        fields.append(("chapter", number))
    return _entry("incollection", chapter_key(docname), fields + _common(book))


def bib_entry(key: str, bib: Path | str | None = None) -> str:
    """The entry ``key`` exactly as written in references.bib."""
    text = Path(bib or paths.bib_path()).read_text(encoding="utf-8")
    start = re.search(r"@\w+\s*\{\s*" + re.escape(key) + r"\s*,", text)
    if start is None:
        raise KeyError(f"{key} is not in {bib or paths.bib_path()}")
    depth = 0
    for end in range(text.index("{", start.start()), len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            return text[start.start(): end + 1]
    raise ValueError(f"unbalanced braces in the entry {key}")
