"""The bibliography's pybtex style: GB/T 7714-2015 entries, labelled by the paper's numbering.

Labels and order: ``source_paper`` is labelled [paper]; the paper's reference [n] (key
``refNN``) is labelled [ref n], so a reader can match a citation in the book to the paper's
list (in the Chinese edition [原文] and [n]). Entries are listed in that order too: the paper, then its references 1..27.

Entries: GB/T 7714-2015, with its type markers, in the order the paper prints its elements::

    @article     于迎. 题名[J]. 行政论坛, 2017(5): 45-52.
    @online      题名[EB/OL]. http://... 2016-06-01.   (URL before the date, as the paper prints it)
    @newspaper   题名[N]. 解放日报, 2017-12-08.

Titles are printed as recorded, except that a full-width colon before other title
information becomes the ": " that GB/T 7714-2015 (4.2) prescribes. Dates are printed as
recorded in ``date`` (ISO 8601, at the precision the paper prints them), ``year`` only where
there is no ``date``. Pages are printed with a plain hyphen (45-52). A space between two
Chinese characters is kept as a no-break space, which xeCJK prints in the PDF.

``@newspaper`` is the type of the GB/T BibTeX style (gbt7714) and of biblatex-gb7714-2015.
pybtex has no template for it, and a pybtex style fails on an entry type it has no template
for (``format_entry`` raises AttributeError, which sphinxcontrib-bibtex does not catch), so
this style formats every type: the ones above, ``@misc`` (no type marker: its type is not
known, which is the case of the source paper) and any other type in a generic form with its
GB/T marker.

The ``note`` of an entry is the book's, not the paper's (an English gloss of a Chinese
title, or what the book knows about the source paper): it follows the GB/T text in
parentheses and says that it is the book's.
"""

import re

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import FieldIsMissing, field, href, join, node, optional

STYLE_NAME = "yrdbook"
BY_THE_BOOK = "by the book"  # a note that says this is already marked as the book's

# GB/T 7714-2015 document type codes for the entry types not formatted by their own template.
TYPE_CODES = {
    "book": "M", "inbook": "M", "incollection": "M", "collection": "G", "proceedings": "C",
    "inproceedings": "C", "conference": "C", "phdthesis": "D", "mastersthesis": "D", "thesis": "D",
    "techreport": "R", "report": "R", "standard": "S", "patent": "P", "periodical": "J",
    "dataset": "DS", "software": "CP", "webpage": "EB", "electronic": "EB", "www": "EB",
}


def _label(key: str) -> str:
    """[paper] and [ref n]; in the Chinese edition [原文] and [n], the paper's own numbers, in the
    order the paper cites them (GB/T 7714-2015's numeric system, 顺序编码制)."""
    from .i18n import EDITION

    chinese = EDITION["current"] == "zh"
    if key == "source_paper":
        return "原文" if chinese else "paper"
    if key.startswith("ref") and key[3:].isdigit():
        return str(int(key[3:])) if chinese else f"ref {int(key[3:])}"
    return key


class PaperLabelStyle(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield _label(entry.key)


class PaperOrderSortingStyle(BaseSortingStyle):
    def sorting_key(self, entry):
        number = int(entry.key[3:]) if entry.key.startswith("ref") and entry.key[3:].isdigit() else -1
        return (number, entry.key)


# --- template pieces -------------------------------------------------------------------------

def _gbt_name(person) -> Text:
    """A name as GB/T 7714 writes it: a one-token name (a brace-protected Chinese name such as
    {于迎}) as written; a Western name as FAMILY name and initials without full stops."""
    if not (person.first_names or person.middle_names):
        return Text.from_latex(str(person))
    family = Text.from_latex(" ".join(person.prelast_names + person.last_names)).upper()
    initials = " ".join(Text.from_latex(name).render_as("text")[:1].upper()
                        for name in person.first_names + person.middle_names)
    return Text(family, " ", initials)


@node
def authors(children, context):
    """Up to three authors, then 等 (GB/T 7714-2015 8.1.2)."""
    if children:
        raise ValueError(children)
    entry = context["entry"]
    persons = entry.persons.get("author")
    if not persons:
        raise FieldIsMissing("author", entry)
    names = [_gbt_name(person) for person in persons[:3]]
    if len(persons) > 3:
        names.append(Text("等"))
    return Text(", ").join(names)


@node
def year(children, context):
    """The year: ``year``, or the year of ``date``."""
    entry = context["entry"]
    if "year" in entry.fields:
        return Text(entry.fields["year"])
    if "date" in entry.fields:
        return Text(entry.fields["date"][:4])
    raise FieldIsMissing("year", entry)


@node
def date(children, context):
    """The date as recorded: ``date`` (ISO 8601, at its own precision), else ``year``."""
    entry = context["entry"]
    for name in ("date", "year"):
        if name in entry.fields:
            return Text(entry.fields[name])
    raise FieldIsMissing("date", entry)


def _pages(pages: str) -> Text:
    return Text(re.sub(r"\s*-+\s*", "-", pages))


pages = field("pages", raw=True, apply_func=_pages)
url = href(field("url", raw=True))[field("url", raw=True)]
lead = optional[authors, ". "]  # "于迎. "


CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef《》“”"
CJK_SPACE = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")


def _cjk_spaces(latex: str) -> str:
    """A space between two Chinese characters ("人才接轨上海 心动更要行动", [21]) as a no-break
    space: xeCJK drops an ordinary one, and the PDF would lose a space the HTML shows."""
    return CJK_SPACE.sub("\u00a0", latex)


def _title(latex: str) -> Text:
    """A title, its full-width colon written as the separator GB/T 7714-2015 (4.2) prescribes
    before other title information: "从经济优先型到整体性规划: 中国城市群...". Nothing else changes."""
    return Text.from_latex(_cjk_spaces(re.sub(r"\s*：\s*", ": ", latex)))


title = field("title", raw=True, apply_func=_title)


def marked_title(code: str):
    return join[title, f"[{code}]"]


# --- the style -------------------------------------------------------------------------------

class PaperStyle(BaseStyle):
    default_label_style = PaperLabelStyle
    default_sorting_style = PaperOrderSortingStyle

    def get_article_template(self, e):
        # 作者. 题名[J]. 刊名, 年, 卷(期): 页码.
        return join[lead, marked_title("J"), ". ", field("journal"), ", ", year,
                    optional[", ", field("volume")], optional["(", field("number"), ")"],
                    optional[": ", pages], "."]

    def get_online_template(self, e):
        # 作者. 题名[EB/OL]. 网址. 日期.  -- the paper prints the URL before the date.
        return join[lead, marked_title("EB/OL"), ". ", url, optional[". ", date], "."]

    def get_newspaper_template(self, e):
        # 作者. 题名[N]. 报纸名, 出版日期(版次).
        return join[lead, marked_title("N"), ". ", field("journal"), ", ", date,
                    optional["(", field("pages", raw=True), ")"], "."]

    def get_book_template(self, e):
        # 主要责任者. 题名[M]. 版本项. 出版地: 出版者, 出版年.  An unknown place is "[S.l.]" (a
        # work in a Western language) or "[出版地不详]" (GB/T 7714-2015 8.4.1.3), never guessed.
        chinese = e.fields.get("language", "").lower() == "chinese" or re.search(f"[{CJK}]", e.fields.get("title", ""))
        unknown = "[出版地不详]" if chinese else "[S.l.]"
        place = field("address") if "address" in e.fields else Text(unknown)
        return join[lead, marked_title("M"), optional[". ", field("version"), " ed"], ". ", place, ": ",
                    field("publisher"), ", ", year, "."]

    def get_misc_template(self, e):
        # No type marker: the type of the work is not known.
        return join[lead, title, optional[". ", field("howpublished")], optional[", ", date],
                    optional[". ", url], "."]

    def get_generic_template(self, e):
        code = TYPE_CODES.get(e.type)
        if code is None:
            return self.get_misc_template(e)
        if "url" in e.fields:
            code += "/OL"
        return join[lead, marked_title(code), optional[". ", field("publisher")], optional[", ", date],
                    optional[". ", url], "."]

    def template(self, entry):
        get_template = getattr(self, f"get_{entry.type}_template", self.get_generic_template)
        return get_template(entry)

    def format_gbt(self, entry, bib_data=None) -> Text:
        """The entry in GB/T 7714-2015 form, without the book's note."""
        return self.template(entry).format_data({"entry": entry, "style": self, "bib_data": bib_data})

    def format_note(self, entry) -> Text:
        """The book's note, marked as the book's. The Chinese edition gives the note's Chinese
        (``notezh``) and leaves out an English gloss of a Chinese title, which its readers need not."""
        from .i18n import EDITION

        name = "note"
        if EDITION["current"] == "zh":
            name = "notezh" if "notezh" in entry.fields else None
        if name is None or name not in entry.fields:
            return Text()
        text = entry.fields[name]
        if name == "notezh":  # its lines break after a full-width mark, where Chinese has no space
            text = re.sub(r"(?<=[。；，：、])\s+", "", text)
        note = Text.from_latex(_cjk_spaces(text))
        if BY_THE_BOOK not in str(note):
            from .i18n import words

            note = Text(words("Note by the book: ", "本书注："), note)
        return Text("（", note, "）") if name == "notezh" else Text("(", note, ")")

    def format_entry(self, label, entry, bib_data=None):
        text = self.format_gbt(entry, bib_data)
        note = self.format_note(entry)
        return FormattedEntry(entry.key, Text(text, " ", note) if note else text, label)


Style = PaperStyle


def reference(bibtex: str) -> str:
    """One BibTeX entry as a GB/T 7714-2015 reference in plain text (without the book's note)."""
    from pybtex.database import parse_string

    entry = next(iter(parse_string(bibtex, "bibtex").entries.values()))
    return PaperStyle().format_gbt(entry).render_as("text")


def book_reference(book) -> str:
    """The book's own GB/T 7714-2015 reference (from CITATION.cff, as its BibTeX entry)."""
    from .citation import book_entry

    return reference(book_entry(book))


def register() -> None:
    register_plugin("pybtex.style.labels", "yrd-paper-labels", PaperLabelStyle, force=True)
    register_plugin("pybtex.style.sorting", "yrd-paper-order", PaperOrderSortingStyle, force=True)
    register_plugin("pybtex.style.formatting", STYLE_NAME, PaperStyle, force=True)
