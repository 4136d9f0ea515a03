"""Where a number the book shows comes from: one of four kinds, carried with the value.

- ``paper``: stated by the paper (with its section);
- ``ref``: stated by one of the paper's references (with its number);
- ``computed``: computed by the book from facts the paper states;
- ``coded``: the book's own coding or classification.

A chapter's ``facts`` return ``Fact`` values; ``notebook.start`` glues each as Markdown with
its mark (the ``prov`` role of ``yrdbook.build.apparatus``), and the prose pastes it with
``{glue:md}`name:myst```.
"""

from dataclasses import dataclass

KINDS = ("paper", "ref", "computed", "coded")


@dataclass(frozen=True)
class Fact:
    text: str
    kind: str
    detail: str = ""  # the paper's section, or the reference's number

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"provenance must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.kind in ("paper", "ref") and not self.detail:
            raise ValueError(f"a value stated by the {self.kind} names its {'section' if self.kind == 'paper' else 'reference'}")

    def markdown(self) -> str:
        from .tables import escape  # the value may hold text from the data
        mark = f"{self.kind} {self.detail}".strip()
        return f"{escape(self.text)}{{prov}}`{mark}`"

    def __str__(self) -> str:
        return self.text


def paper(value, section: str) -> Fact:
    return Fact(str(value), "paper", section)


def ref(value, key_or_number) -> Fact:
    number = str(key_or_number).removeprefix("ref").lstrip("0") or "0"
    return Fact(str(value), "ref", number)


def computed(value) -> Fact:
    return Fact(str(value), "computed")


def coded(value) -> Fact:
    return Fact(str(value), "coded")


def stated(value, section: str, source: str) -> Fact:
    """A value a data row states: the paper's (in the row's section), even where the paper cites
    a reference for it, unless only the reference list gives it (section ``references``)."""
    return ref(value, source) if section == "references" else paper(value, section)


def note_label(note_id: str) -> str:
    """The label of a note of the critical apparatus (``source_notes.csv``), which the
    ``{source-note}`` role links to: ``nantong_outline_date`` → ``note-nantong-outline-date``."""
    return "note-" + note_id.replace("_", "-")
