"""The book made citable from CITATION.cff: the ``yrd-bibtex`` directive (book, source
paper, every chapter), a "Cite this chapter" box at the end of every numbered chapter, and
Highwire ``citation_*`` meta tags on the landing page. The bibliography's labels and order
come from ``bibstyle``."""

import html
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..datapackage import paths
from . import bibstyle, citation
from .i18n import words

CHAPTER_CITATIONS = "yrd-chapter-citations"


def _load_citation(app, config) -> None:
    path = Path(app.confdir) / citation.CITATION_FILE
    config.yrd_citation = citation.load(path if path.exists() else None).as_dict()


def _book(app) -> citation.BookCitation:
    return citation.from_dict(app.config.yrd_citation)


def _bibtex_block(entry: str) -> nodes.literal_block:
    return nodes.literal_block(entry, entry, language="bibtex", classes=["yrd-bibtex"])


class BibtexDirective(SphinxDirective):
    """```{yrd-bibtex} book``` -- or ``chapters``, or any key of references.bib (``source_paper``)."""
    required_arguments = 1

    def run(self):
        what = self.arguments[0]
        if what == "book":
            return [_bibtex_block(citation.book_entry(citation.from_dict(self.config.yrd_citation)))]
        if what == "chapters":  # filled in once every chapter's title and number is known
            return [nodes.container(classes=[CHAPTER_CITATIONS])]
        self.env.note_dependency(str(paths.bib_path()))
        try:
            return [_bibtex_block(citation.bib_entry(what))]
        except KeyError as error:
            raise self.error(f"yrd-bibtex: {error}") from None


class GbtDirective(SphinxDirective):
    """```{yrd-gbt7714} book``` (or a key of references.bib): the GB/T 7714-2015 reference,
    formatted from the same BibTeX entry by the bibliography's own style."""
    required_arguments = 1

    def run(self):
        what = self.arguments[0]
        if what == "book":
            text = bibstyle.book_reference(citation.from_dict(self.config.yrd_citation))
        else:
            self.env.note_dependency(str(paths.bib_path()))
            try:
                text = bibstyle.reference(citation.bib_entry(what))
            except KeyError as error:
                raise self.error(f"yrd-gbt7714: {error}") from None
        # A reference, not a message: the catalogs do not translate it.
        return [nodes.paragraph(text, text, classes=["yrd-gbt7714"], translatable=False)]


def chapters(env) -> list[tuple[str, str, str]]:
    """(docname, title, number) of every numbered chapter, in the order of the table of contents."""
    order, seen = [], set()

    def walk(doc):
        for child in env.toctree_includes.get(doc, []):
            if child not in seen:
                seen.add(child)
                order.append(child)
                walk(child)
    walk(env.config.root_doc)
    found = []
    for doc in order:
        number = env.toc_secnumbers.get(doc, {}).get("")
        if number and doc in env.titles:
            found.append((doc, env.titles[doc].astext(), ".".join(map(str, number))))
    return found


class CitationBoxes(SphinxPostTransform):
    """A "Cite this chapter" box at the end of every numbered chapter (HTML), and the list of
    all chapter entries wherever ``yrd-bibtex`` ``chapters`` asks for it."""
    default_priority = 901

    def run(self, **kwargs) -> None:
        book = _book(self.app)
        entries = chapters(self.env)
        for placeholder in list(self.document.findall(nodes.container)):
            if CHAPTER_CITATIONS in placeholder["classes"]:
                items = nodes.bullet_list()
                for doc, title, number in entries:
                    link = nodes.reference("", "", nodes.Text(words(f"Chapter {number}: {title}", f"第{number}章：{title}")), internal=True,
                                           refuri=self.app.builder.get_relative_uri(self.env.docname, doc))
                    items += nodes.list_item("", nodes.paragraph("", "", link),
                                             _bibtex_block(citation.chapter_entry(book, doc, title, number)))
                placeholder += items
        if self.app.builder.format != "html":
            return
        this = {doc: (title, number) for doc, title, number in entries}.get(self.env.docname)
        sections = list(self.document.findall(nodes.section))
        if this is None or not sections:
            return
        title, number = this
        box = nodes.admonition(classes=["yrd-cite-chapter", "tip"])
        box += nodes.title("", words("Cite this chapter", "引用本章"))
        box += nodes.paragraph("", words("BibTeX for this chapter. Cite the source paper as well: the "
                                         "“How to cite” page gives its entry and the book’s.",
                                         "本章的BibTeX条目。请同时引用原文：“如何引用”一页给出原文与本书的条目。"))
        box += _bibtex_block(citation.chapter_entry(book, self.env.docname, title, number))
        sections[0] += box


def citation_tags(book: citation.BookCitation, language: str, pdf_url: str | None) -> list[tuple[str, str]]:
    """Highwire Press tags (read by Google Scholar, Zotero and others); the PDF's only if its URL is known."""
    tags = [("citation_title", book.title)]
    tags += [("citation_author", author.strip("{}")) for author in book.authors]
    tags += [("citation_publication_date", book.date_released.replace("-", "/")),
             ("citation_publisher", book.publisher), ("citation_language", language)]
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


def _citation_meta_tags(app, pagename, templatename, context, doctree) -> None:
    """The tags, on the landing page. citation_pdf_url must be absolute: it is given only when
    the book has a base URL (``html.baseurl`` in _config.yml) and a PDF edition."""
    if pagename != app.config.root_doc:
        return
    from .pdf import pdf_exists  # the PDF edition's own module knows where its file is
    base = app.config.html_baseurl
    pdf_url = f"{base.rstrip('/')}/{app.config.yrd_pdf_path}" if base and pdf_exists(app) else None
    book = _book(app)
    if app.config.yrd_edition == "zh":  # the Chinese edition's landing page, in Chinese
        from dataclasses import replace

        book = replace(book, title=app.config.project.replace(" · ", "："))
    tags = citation_tags(book, (app.config.language or "en").replace("_", "-"), pdf_url)
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta name="{name}" content="{html.escape(value, quote=True)}" />' for name, value in tags)


def setup(app):
    bibstyle.register()
    app.add_config_value("yrd_citation", {}, "env")
    app.add_directive("yrd-bibtex", BibtexDirective)
    app.add_directive("yrd-gbt7714", GbtDirective)
    app.add_post_transform(CitationBoxes)
    app.connect("config-inited", _load_citation, priority=400)
    app.connect("html-page-context", _citation_meta_tags)
