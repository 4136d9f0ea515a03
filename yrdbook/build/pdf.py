"""The PDF edition: Sphinx's LaTeX builder (xelatex) turned into a print book.

Jupyter Book's own LaTeX layer (sphinx-jupyterbook-latex) is switched off in ``_config.yml``
because its document class needs texlive-fonts-extra; this module does the part of its
work the book needs, on the doctree the LaTeX builder assembles from ``_toc.yml``:

- the root page (the introduction) becomes an unnumbered chapter in front of Part I,
  instead of its sections each becoming a chapter;
- each part of ``_toc.yml`` starts with a ``\\part``; chapters of a part that is not
  numbered in ``_toc.yml`` are unnumbered in print too, and their figures and tables are
  numbered 1, 2, ... as in the HTML;
- the back of the title page states the version, the date of the edition and how to
  cite the book (from CITATION.cff); the PDF's metadata (title, author, subject,
  keywords) is filled in;
- tables get column widths and may continue on the next page (``PrintTables``);
- every figure is set at the width of the text (``PrintFigures``), and figures float to
  where they fit near the text that shows them (``tex/yrdbook-layout.tex``).

Fonts, paper and the Chinese set-up (xeCJK, Noto CJK) are plain configuration in
``_config.yml``. The HTML book links to the PDF from its download menu; the PDF is copied
into the HTML output at ``yrd_pdf_path`` (``./tasks.sh pdf`` runs ``python -m yrdbook.build.pdf``
after the LaTeX build; every later HTML build copies it again).
"""

import datetime as dt
import shutil
from pathlib import Path

import yaml
from docutils import nodes
from PIL import Image
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import escape as tex_escape

from ..charts import render, theme
from . import citation
from .i18n import EDITION, translated, words

LATEX_TARGET = "book"  # _config.yml: latex.latex_documents.targetname is book.tex
PDF_PATH = "_downloads/yrd-governance-book.pdf"  # where the PDF edition sits in the HTML output

TEX = Path(__file__).parent / "tex"


def tex_file(name: str, **values: str) -> str:
    """A TeX file of ``tex/`` with each ``@@name@@`` replaced by its value (already escaped)."""
    text = (TEX / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    if "@@" in text:
        raise ValueError(f"tex/{name}: a placeholder was left unfilled")
    return text


class PrintStructure(SphinxPostTransform):
    """Arrange the assembled LaTeX doctree as front matter, parts and chapters."""

    default_priority = 200
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        if self.env.docname != self.config.root_doc:
            return
        root = next(iter(self.document.findall(nodes.section)), None)
        if root is None or not isinstance(root[0], nodes.title):
            return
        wrappers = [child for child in root.children
                    if isinstance(child, nodes.compound) and "toctree-wrapper" in child["classes"]]
        body = [child for child in root.children[1:] if child not in wrappers]

        # The root page's own content becomes an unnumbered chapter titled like the page.
        intro = nodes.section("", root[0].deepcopy(), *body, ids=list(root["ids"]), names=list(root["names"]))
        root["ids"], root["names"] = [], []
        title = root[0]
        root.children = []
        root += [title, raw(r"\yrdunnumbered\yrdnewdocument"), intro]

        site_map = getattr(self.config, "external_site_map", None)  # _toc.yml, read by sphinx-external-toc
        parts = {str(item): tree for tree in (site_map.root.subtrees if site_map else []) for item in tree.items}
        current = None
        for wrapper in wrappers:
            for index, start in reversed(list(enumerate(wrapper.children))):
                if isinstance(start, addnodes.start_of_file):
                    wrapper.insert(index, raw(r"\yrdnewdocument"))
            first = next((c for c in wrapper.children if isinstance(c, addnodes.start_of_file)), None)
            tree = parts.get(first["docname"]) if first is not None else None
            if tree is not None and tree is not current:
                current = tree
                numbering = r"\yrdnumbered" if tree.numbered else r"\yrdunnumbered"
                caption = tree.caption and translated(tree.caption, self.config.root_doc, self.app.srcdir)
                caption = f"\\yrdpart{{{escape(caption)}}}" if caption else ""
                wrapper.insert(0, raw(numbering + caption))
            root.append(wrapper)


class PrintTables(SphinxPostTransform):
    """Tables that typeset well and break across pages.

    - A hard line break (between the Chinese and English halves of a bilingual cell) is
      ``\\\\`` in LaTeX, which ends the whole row in a tabulary table; ``\\newline`` ends
      the line within the cell in every kind of table.
    - Every table becomes a longtable, so a long table continues on the next page instead
      of running off the bottom of this one (Sphinx only does this past 30 rows). A longtable
      needs column widths: a table without ``:widths:`` gets them from its text.
    """

    default_priority = 200
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        for entry in self.document.findall(nodes.entry):
            for node in list(entry.findall(nodes.raw)):
                if "latex" in node.get("format", "").split() and node.astext().strip() == "\\\\":
                    node.replace_self(raw(r"\newline"))
        for table in self.document.findall(nodes.table):
            if "colwidths-given" not in table["classes"]:
                self._set_widths(table)
            if "longtable" not in table["classes"]:
                table["classes"].append("longtable")

    @staticmethod
    def _set_widths(table: nodes.table) -> None:
        groups = list(table.findall(nodes.tgroup))
        if len(groups) != 1:
            return
        specs = [c for c in groups[0].children if isinstance(c, nodes.colspec)]
        longest = [4] * len(specs)
        for row in groups[0].findall(nodes.row):
            for index, entry in enumerate(c for c in row.children if isinstance(c, nodes.entry)):
                if index < len(specs) and not entry.get("morecols"):
                    for line in entry.astext().splitlines():
                        # a Chinese character is about twice as wide as a Latin letter
                        width = sum(2 if "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" else 1
                                    for char in line.strip())
                        longest[index] = max(longest[index], min(width, 45))
        for spec, width in zip(specs, longest):
            spec["colwidth"] = width
        table["classes"].append("colwidths-given")


class PrintFigures(SphinxPostTransform):
    """Every chart printed at one scale: a chart drawn at the print width (``PRINT_WIDTH`` CSS
    px, ``yrdbook.charts.theme``) fills the text width (``\\linewidth``), a narrower one the same
    fraction of it as of the print width.

    A chart's PNG (``yrdbook.charts.render``) is drawn at 144 ppi; LaTeX would print it at that
    size, or shrink it to the text width if it is wider, so that charts came out at different
    scales and the text in them at different sizes. At one scale the text of every chart prints
    at the same size, which the PDF tests check against a smallest size of text. An image
    that gives its own width or scale keeps it.
    """

    default_priority = 200
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        for figure in self.document.findall(nodes.figure):
            for image in figure.findall(nodes.image):
                if not any(image.get(key) for key in ("width", "height", "scale")):
                    image["width"] = f"{100 * self.share_of_text_width(image):.1f}%"

    def share_of_text_width(self, image: nodes.image) -> float:
        path = Path(image["uri"])
        if not path.is_absolute():
            path = Path(self.env.srcdir) / path
        try:
            with Image.open(path) as drawn:
                css_width = drawn.width / render.PNG_SCALE
        except OSError:
            return 1.0
        return min(1.0, css_width / theme.PRINT_WIDTH)


def raw(latex: str) -> nodes.raw:
    return nodes.raw("", latex + "\n", format="latex")


def escape(text: str) -> str:
    return tex_escape(text, latex_engine="xelatex")


def _long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return words(f"{day.day} {day:%B %Y}", f"{day.year}年{day.month}月{day.day}日")


def _keywords(confdir: Path) -> list[str]:
    path = confdir / citation.CITATION_FILE
    return list(yaml.safe_load(path.read_text(encoding="utf-8")).get("keywords", [])) if path.exists() else []


def front_matter(config, keywords: list[str]) -> tuple[str, str]:
    """LaTeX for the preamble (PDF metadata) and for the title pages (title page; edition
    page with version, date and how to cite), from CITATION.cff via ``yrd_citation``."""
    book = citation.from_dict(config.yrd_citation)
    authors = " and ".join(a.strip("{}") for a in book.authors)
    date = _long_date(book.date_released)
    chinese = EDITION["current"] == "zh"
    preamble = "\n" + tex_file("metadata.tex", title=escape(config.project), authors=escape(authors),
                               subject=escape(config.yrd_pdf_subject or book.title),
                               keywords=escape(", ".join(keywords)), language="zh-CN" if chinese else "en")
    if chinese:
        from .bibstyle import book_reference

        maketitle = tex_file("title-pages-zh.tex", version=escape(book.version), date=date,
                             book_title=escape(config.project.replace(TITLE_SEPARATOR, "：")),
                             reference=escape(book_reference(book)), bibtex=citation.book_entry(book))
        return preamble, maketitle
    maketitle = tex_file("title-pages.tex", version=escape(book.version), date=date, book_title=escape(book.title),
                         authors=escape(authors), year=book.year, publisher=escape(book.publisher),
                         bibtex=citation.book_entry(book))
    return preamble, maketitle


def _configure(app, config) -> None:
    preamble, maketitle = front_matter(config, _keywords(Path(app.confdir)))
    elements = dict(config.latex_elements)
    elements["preamble"] = (elements.get("preamble", "") + "\n" + tex_file("yrdbook-structure.tex")
                            + tex_file("yrdbook-layout.tex") + preamble)
    if EDITION["current"] == "zh":  # Chinese headings, captions, running heads and line breaking
        elements["preamble"] += tex_file("yrdbook-chinese.tex")
        elements["fncychap"] = ""  # the chapter heads are ctex's (第1章)
    elements.setdefault("maketitle", maketitle)
    config.latex_elements = elements


TITLE_SEPARATOR = " · "  # between the English and the Chinese title in _config.yml


def _title_with_break(app, env) -> None:
    """The book's one title (``_config.yml``), its halves separated by ``\\yrdtitlesep``: a line
    break on the title page, a middle dot elsewhere. Jupyter Book sets ``latex_documents``
    after the extensions are set up, so this runs once the pages are read, before writing."""
    if app.builder.format != "latex":
        return
    app.config.latex_documents = [
        (doc, target, (app.config.project if EDITION["current"] == "zh" else title)
         .replace(TITLE_SEPARATOR, "\\yrdtitlesep "), *rest)
        for doc, target, title, *rest in app.config.latex_documents]


def pdf_exists(app) -> bool:
    """Whether this build has a PDF edition to link to (built before the HTML, or published)."""
    build_dir = Path(app.outdir).parent
    return built_pdf(build_dir, EDITION["current"]).exists() or (Path(app.outdir) / app.config.yrd_pdf_path).exists()


def _link_from_html(app, pagename, templatename, context, doctree) -> None:
    """Add the whole book's PDF to the download menu of every page (sphinx-book-theme), if there is one."""
    if not pdf_exists(app):
        return
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].append({
                "type": "link",
                "url": context["pathto"](app.config.yrd_pdf_path, 1),
                "text": words("Book (PDF)", "全书（PDF）"),
                "tooltip": words("Download the whole book as a PDF", "下载全书PDF"),
                "icon": "fas fa-book",
                "label": "download-book-pdf-button",
            })


def edition_folder(builder: str, edition: str) -> str:
    """The build folder of a builder's output: "latex", or "latex-zh" for the Chinese edition."""
    return builder if edition == "en" else f"{builder}-{edition}"


def built_pdf(build_dir: Path, edition: str = "en") -> Path:
    return build_dir / edition_folder("latex", edition) / f"{LATEX_TARGET}.pdf"


def publish(build_dir: Path, target: str, edition: str = "en") -> Path | None:
    """Copy the built PDF into the HTML output (at ``target``), where the book links to it."""
    source, published = built_pdf(build_dir, edition), build_dir / edition_folder("html", edition) / target
    if not source.exists():
        return None
    published.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, published)
    return published


def _publish_after_html(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        publish(Path(app.outdir).parent, app.config.yrd_pdf_path, EDITION["current"])


def setup(app):
    app.add_config_value("yrd_pdf_subject", "", "")
    app.add_config_value("yrd_pdf_path", PDF_PATH, "html")
    app.connect("config-inited", _configure, priority=500)
    app.connect("env-updated", _title_with_break)
    app.add_post_transform(PrintStructure)
    app.add_post_transform(PrintTables)
    app.add_post_transform(PrintFigures)
    app.connect("html-page-context", _link_from_html, priority=600)
    app.connect("build-finished", _publish_after_html)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":  # ./tasks.sh pdf: python -m yrdbook.build.pdf _build
    import sys

    target = publish(Path(sys.argv[1] if len(sys.argv) > 1 else "_build"), PDF_PATH)
    if target is None:
        sys.exit("No PDF in _build/latex: the LaTeX build failed or has not run.")
    print(f"PDF book: {target.resolve()}")
