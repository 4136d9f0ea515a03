"""How the book marks what it says: provenance marks on numbers, the book's readings, and
numbered notes of the critical apparatus. The same marks in HTML and PDF.

- ``{prov}`paper I.2``` (also ``ref 12``, ``computed``, ``coded``): a small mark after a number
  saying where it comes from. The marks are explained in the introduction and in
  ``PROVENANCE``; tables say it in their column headings instead.
- ```{book-reading}```: a paragraph that goes beyond the paper (the book's interpretation,
  arrangement or coding), set apart under the title "The book's reading".
- ``{source-note}`note_id```: "[note n]", a link to the note of the critical apparatus
  (``source_notes.csv``) where the paper disagrees with itself or its references.
"""

from docutils import nodes
from docutils.parsers.rst.directives.admonitions import BaseAdmonition
from sphinx.util.docutils import SphinxRole

from .. import data
from ..provenance import note_label
from .i18n import words

# kind -> (mark, explanation, the Chinese edition's explanation)
PROVENANCE = {
    "paper": ("P", "stated by the paper", "原文所述"),
    "ref": ("R", "stated by a reference of the paper", "原文参考文献所述"),
    "computed": ("C", "computed by the book from facts the paper states", "本书据原文所述事实计算"),
    "coded": ("B", "the book's own coding or classification", "本书自己的编码或分类"),
}
READING_TITLE = ("The book's reading", "本书的解读")


class ProvenanceRole(SphinxRole):
    """``{prov}`paper I.2```: a superscript mark naming the kind of source, explained on hover."""

    def run(self):
        kind, _, detail = self.text.strip().partition(" ")
        if kind not in PROVENANCE:
            message = self.inliner.reporter.error(
                f"prov: '{kind}' is not one of {', '.join(PROVENANCE)}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        mark, english, chinese = PROVENANCE[kind]
        explanation = words(english, chinese)
        if detail:
            explanation += words(f" ({'section ' if kind == 'paper' else 'reference '}{detail})",
                                 f"（{'第' + detail + '节' if kind == 'paper' else '参考文献[' + detail + ']'}）")
        abbr = nodes.abbreviation(mark, mark, explanation=explanation)
        return [nodes.superscript("", "", abbr, classes=["yrd-prov", f"yrd-prov-{kind}"])], []


class SourceNoteRole(SphinxRole):
    """``{source-note}`nantong_outline_date```: '[note n]' linking to the apparatus."""

    def run(self):
        note_id = self.text.strip()
        notes = data.load().source_notes.set_index("note_id")
        if note_id not in notes.index:
            message = self.inliner.reporter.error(f"source-note: no note '{note_id}' in source_notes.csv",
                                                  line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        number = int(notes.note_order[note_id])
        from sphinx import addnodes
        xref = addnodes.pending_xref("", nodes.inline("", words(f"note {number}", f"注{number}")), refdomain="std", reftype="ref",
                                     reftarget=note_label(note_id), refexplicit=True, refwarn=True)
        return [nodes.superscript("", "", nodes.Text("["), xref, nodes.Text("]"),
                                  classes=["yrd-source-note"])], []


class BookReading(BaseAdmonition):
    """A paragraph that is the book's reading, not the paper's claim."""

    node_class = nodes.admonition
    has_content = True
    required_arguments = 0
    optional_arguments = 0

    def run(self):
        self.arguments = [words(*READING_TITLE)]
        self.options["class"] = ["yrd-reading"]
        return super().run()


def setup(app):
    app.add_role("prov", ProvenanceRole())
    app.add_role("source-note", SourceNoteRole())
    app.add_directive("book-reading", BookReading)
