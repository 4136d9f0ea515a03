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
- tables get column widths and may continue on the next page (``PrintTables``).

Fonts, paper and the Chinese set-up (xeCJK, Noto CJK) are plain configuration in
``_config.yml``. The HTML book links to the PDF from its download menu; the PDF is copied
into the HTML output at ``yrd_pdf_path`` (``./tasks.sh pdf`` runs ``python -m yrdbook.pdf``
after the LaTeX build; every later HTML build copies it again).
"""

import datetime as dt
import shutil
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import escape as tex_escape

from . import citation

LATEX_TARGET = "book"  # _config.yml: latex.latex_documents.targetname is book.tex

# Used by the transform below; \yrd@... names cannot clash with Sphinx's or LaTeX's.
STRUCTURE_MACROS = r"""
% --- yrdbook.pdf: book structure -------------------------------------------
\makeatletter
\newcounter{yrddoc}
\newif\ifyrd@numbered \yrd@numberedtrue
\AtBeginDocument{%
  \edef\yrd@secnumdepth{\the\c@secnumdepth}%
  \let\yrd@thefigure\thefigure \let\yrd@thetable\thetable
  \let\yrd@theHfigure\theHfigure \let\yrd@theHtable\theHtable}
% Chapters of an unnumbered part (and the introduction): no chapter number, and figures
% and tables counted per chapter from 1, with hyperref anchors unique per chapter.
\newcommand{\yrdunnumbered}{%
  \ifyrd@numbered\edef\yrd@chapter{\the\c@chapter}\fi
  \yrd@numberedfalse
  \setcounter{secnumdepth}{-1}\setcounter{chapter}{0}%
  \def\thefigure{\arabic{figure}}\def\thetable{\arabic{table}}%
  \def\theHfigure{yrd.\arabic{yrddoc}.\arabic{figure}}%
  \def\theHtable{yrd.\arabic{yrddoc}.\arabic{table}}}
\newcommand{\yrdnumbered}{%
  \ifyrd@numbered\else\setcounter{chapter}{\yrd@chapter}\fi
  \yrd@numberedtrue
  \setcounter{secnumdepth}{\yrd@secnumdepth}%
  \let\thefigure\yrd@thefigure \let\thetable\yrd@thetable
  \let\theHfigure\yrd@theHfigure \let\theHtable\yrd@theHtable}
\newcommand{\yrdnewdocument}{%
  \stepcounter{yrddoc}%
  \ifyrd@numbered\else\setcounter{figure}{0}\setcounter{table}{0}\fi}
\newcommand{\yrdpart}[1]{\part{#1}}
% The title in _config.yml (latex.latex_documents.title) separates its English and Chinese
% halves with \yrdtitlesep: a line break on the title page, a middle dot elsewhere.
\newcommand{\yrdtitlesepinline}{\ \textperiodcentered\ }
\let\yrdtitlesep\yrdtitlesepinline
\pdfstringdefDisableCommands{\def\yrdtitlesep{ · }}
% Sphinx names the table of contents after the first part's caption; it is the contents.
\addto\captionsenglish{\renewcommand{\contentsname}{Contents}}
% The bibliography page already has its chapter title: no second "Bibliography" heading.
\renewenvironment{sphinxthebibliography}[1]{%
  \let\yrd@chapter@cmd\chapter \def\chapter*##1{}%
  \begin{thebibliography}{#1}\let\chapter\yrd@chapter@cmd}{\end{thebibliography}}
% Tables one size smaller; identifiers (national_strategy) may break after an underscore.
\g@addto@macro\sphinxattablestart{\small}
\g@addto@macro\sphinxatlongtablestart{\small}
\DeclareRobustCommand{\_}{\ifmmode\nfss@text{\textunderscore}\else\textunderscore\allowbreak\fi}
\pdfstringdefDisableCommands{\def\_{\textunderscore}}
% Captions are moving arguments (they go to the list of figures): a citation in a caption
% is a \hyperlink, which breaks there unless it is robust.
\AtBeginDocument{\MakeRobust{\hyperlink}}
\makeatother
"""


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
                caption = f"\\yrdpart{{{escape(tree.caption)}}}" if tree.caption else ""
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


def raw(latex: str) -> nodes.raw:
    return nodes.raw("", latex + "\n", format="latex")


def escape(text: str) -> str:
    return tex_escape(text, latex_engine="xelatex")


def _long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _keywords(confdir: Path) -> list[str]:
    path = confdir / citation.CITATION_FILE
    return list(yaml.safe_load(path.read_text(encoding="utf-8")).get("keywords", [])) if path.exists() else []


def front_matter(config, keywords: list[str]) -> tuple[str, str]:
    """LaTeX for the preamble (PDF metadata) and for the title pages (title page; edition
    page with version, date and how to cite), from CITATION.cff via ``yrd_citation``."""
    book = citation.from_dict(config.yrd_citation)
    authors = " and ".join(a.strip("{}") for a in book.authors)
    date = _long_date(book.date_released)
    preamble = rf"""
% --- yrdbook.pdf: PDF metadata (\sphinxmaketitle sets the title and author again) ---
\hypersetup{{pdftitle={{{escape(config.project)}}}, pdfauthor={{{escape(authors)}}},
  pdfsubject={{{escape(config.yrd_pdf_subject or book.title)}}},
  pdfkeywords={{{escape(", ".join(keywords))}}}, pdflang={{en}}}}
"""
    maketitle = rf"""\renewcommand{{\releasename}}{{Version}}\release{{{escape(book.version)}}}\date{{{date}}}
\let\yrdtitlesep\\\sphinxmaketitle\let\yrdtitlesep\yrdtitlesepinline
\begingroup\small\parindent=0pt\parskip=0.6\baselineskip
\vspace*{{\fill}}
\textbf{{{escape(book.title)}}}

Version {escape(book.version)}, {date}. This PDF edition is built from the same executed
notebooks as the HTML edition of the book.

\textbf{{How to cite this book}}

{escape(authors)} ({book.year}). \emph{{{escape(book.title)}}}. Version {escape(book.version)}.
{escape(book.publisher)}.

In BibTeX:
\begin{{sphinxVerbatim}}
{citation.book_entry(book)}
\end{{sphinxVerbatim}}

Every claim about the Yangtze River Delta is the source paper's unless the book says that
it is its own analysis: cite the source paper as well (bibliography entry [paper]).
\endgroup
\clearpage
"""
    return preamble, maketitle


def _configure(app, config) -> None:
    preamble, maketitle = front_matter(config, _keywords(Path(app.confdir)))
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + STRUCTURE_MACROS + preamble
    elements.setdefault("maketitle", maketitle)
    config.latex_elements = elements


def _link_from_html(app, pagename, templatename, context, doctree) -> None:
    """Add the whole book's PDF to the download menu of every page (sphinx-book-theme)."""
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].append({
                "type": "link",
                "url": context["pathto"](app.config.yrd_pdf_path, 1),
                "text": "Book (PDF)",
                "tooltip": "Download the whole book as a PDF",
                "icon": "fas fa-book",
                "label": "download-book-pdf-button",
            })


def built_pdf(build_dir: Path) -> Path:
    return build_dir / "latex" / f"{LATEX_TARGET}.pdf"


def publish(build_dir: Path, target: str) -> Path | None:
    """Copy the built PDF into the HTML output (at ``target``), where the book links to it."""
    source, published = built_pdf(build_dir), build_dir / "html" / target
    if not source.exists():
        return None
    published.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, published)
    return published


def _publish_after_html(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        publish(Path(app.outdir).parent, app.config.yrd_pdf_path)


def setup(app):
    app.setup_extension("yrdbook.sphinx_ext")  # yrd_citation, yrd_pdf_path
    app.add_config_value("yrd_pdf_subject", "", "")
    app.connect("config-inited", _configure, priority=500)
    app.add_post_transform(PrintStructure)
    app.add_post_transform(PrintTables)
    app.connect("html-page-context", _link_from_html, priority=600)
    app.connect("build-finished", _publish_after_html)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":  # ./tasks.sh pdf: python -m yrdbook.pdf _build
    import sys

    from .sphinx_ext import PDF_PATH

    target = publish(Path(sys.argv[1] if len(sys.argv) > 1 else "_build"), PDF_PATH)
    if target is None:
        sys.exit("No PDF in _build/latex: the LaTeX build failed or has not run.")
    print(f"PDF book: {target.resolve()}")
