"""The PDF edition (``./tasks.sh pdf``; ``./tasks.sh test`` builds it before the tests).

Checks the LaTeX source, the LaTeX log and the PDF itself (with poppler's pdftotext,
pdffonts, pdfimages, pdftohtml and pdfinfo): the whole book is there, chapter by chapter as
``_toc.yml`` lists it, with Chinese text in real fonts, every figure as an image, every
table as a searchable table, the bibliography with names as written, and no broken output.
And it is fit to print: nothing runs into the margin, every figure is as wide as the text
with its smallest text legible at that size, and no page is left mostly empty before a
figure (``support/pdf.py`` reads the log, the placed images and the page layout).
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file
from pybtex.richtext import Text

from support import BUILD, REPO
from support import pdf as printed
from yrdbook import __version__, pages
from yrdbook.build.pdf import PDF_PATH
from yrdbook.charts import render, theme
from yrdbook.datapackage import paths

LATEX = BUILD / "latex"
PDF, TEX, LOG = LATEX / "book.pdf", LATEX / "book.tex", LATEX / "book.log"
ARTIFACTS = REPO / "test-artifacts" / "pdf"
RUN = "run ./tasks.sh pdf (./tasks.sh test builds the PDF before its tests)"

OVERFULL_LIMIT = 5.0  # pt: a line may run this far into the margin, no further
SMALLEST_TEXT = 6.5  # pt: the smallest printed text in a figure
MOSTLY_EMPTY = 0.5  # a page whose content ends above this fraction of the text block is mostly empty

BROKEN_OUTPUT = ["alt.Chart(", "<IPython.core.display", "Traceback (most recent call last)",
                 "could not be drawn", "Chart: ", "{list-table}", "{glue:figure}"]
KEY_TERMS = ["长三角", "分割式治理模式", "经济协作式治理模式", "三省一市", "主动对接式区域合作"]
CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
FIGURE_DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{(?:glue:figure|figure)\}", re.M)
TABLE_DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{(?:list-table|table|csv-table)\}", re.M)


# --- the book's sources, as _toc.yml lists them ---------------------------------------

def page_texts(docname: str) -> tuple[str, str]:
    """(the page's markdown, the markdown its cells output) -- tables are cell outputs."""
    page = pages.page(docname)
    return page.markdown, page.output_markdown


def page_title(docname: str) -> str:
    return pages.page(docname).title


def chinese_phrases(docname: str) -> set[str]:
    """Every run of two or more Chinese characters in a page's prose, captions and tables."""
    text = re.sub(r"<!--.*?-->", "", "\n".join(page_texts(docname)), flags=re.S)
    return set(re.findall(f"[{CJK}]{{2,}}", text))


def count(pattern: re.Pattern) -> int:
    return sum(len(pattern.findall(text)) for doc in pages.toc_files() for text in page_texts(doc))


# --- the built PDF ------------------------------------------------------------------------

def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install Debian's poppler-utils (./tasks.sh pdf does)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True, timeout=120).stdout


def squeeze(text: str) -> str:
    """Whitespace to single spaces, except that Chinese broken across lines is joined again."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(f"(?<=[{CJK}]) (?=[{CJK}])", "", text)


def loose(text: str) -> str:
    """For titles: case, spacing, line-end hyphens and typographic quotes/dashes do not count."""
    for plain, fancy in (("'", "‘’"), ('"', "“”"), ("–", "—")):
        for char in fancy:
            text = text.replace(char, plain)
    text = text.replace("---", "–").replace("--", "–")
    return re.sub(r"[\s\-‐]+", "", text).casefold()


@pytest.fixture(scope="module")
def pdf() -> Path:
    if not PDF.exists():
        pytest.fail(f"No PDF edition at {PDF.relative_to(REPO) if PDF.is_relative_to(REPO) else PDF}: {RUN}.")
    assert TEX.exists() and LOG.exists(), f"the LaTeX source or log is missing: {RUN}"
    assert PDF.stat().st_mtime >= TEX.stat().st_mtime, f"the PDF is older than its LaTeX source: {RUN}"
    return PDF


@pytest.fixture(scope="module")
def pdf_text(pdf) -> str:
    # -raw keeps the order of the content stream: a table cell's lines stay together.
    return squeeze(poppler("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"))


@pytest.fixture(scope="module")
def latex(pdf) -> str:
    return TEX.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def latex_log(pdf) -> str:
    return LOG.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def text_block(latex_log) -> dict[str, float]:
    return printed.text_block(latex_log)


@pytest.fixture(scope="module")
def figures(latex, pdf) -> list[printed.PrintedFigure]:
    """Every figure as printed, with its chart's smallest text (the chart's Vega-Lite spec,
    stored in its notebook beside the PNG that LaTeX includes, drawn to SVG by vl-convert)."""
    import vl_convert

    from yrdbook.charts import render

    render.enable()  # the CJK font, as when the PNG was drawn
    notebooks = [REPO / f"{doc}.ipynb" for doc in pages.toc_files() if (REPO / f"{doc}.ipynb").exists()]
    charts = printed.notebook_charts(notebooks, render.SPEC_MIME)
    found, problems = printed.printed_figures(
        latex, pdf, charts,
        lambda spec: vl_convert.vegalite_to_svg(render.inline_data_files(spec), vl_version=render.VEGALITE_VERSION))
    assert not problems, "figures that could not be measured:\n" + "\n".join(problems)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "figures.txt").write_text("\n".join(map(str, found)) + "\n", encoding="utf-8")
    assert len(found) == count(FIGURE_DIRECTIVE), f"{len(found)} figures measured for {count(FIGURE_DIRECTIVE)}"
    return found


# --- tests ----------------------------------------------------------------------------------

def test_no_broken_output_in_the_latex_source_or_the_pdf(latex, pdf_text):
    for marker in BROKEN_OUTPUT:
        assert marker not in latex, f"book.tex contains {marker!r}: a cell output did not render"
        assert marker not in pdf_text, f"the PDF contains {marker!r}: a cell output did not render"
    assert not re.search(r"Traceback|Error: .*line \d+", pdf_text), "the PDF shows a Python error"


def test_latex_log_reports_no_missing_character_or_undefined_reference(pdf):
    log = LOG.read_text(encoding="utf-8", errors="replace")
    missing = sorted(set(re.findall(r"Missing character: There is no (.*?) \((U\+[0-9A-F]+)\)", log)))
    assert not missing, f"characters no font has, left out of the PDF (see book.log): {missing[:10]}"
    assert "Missing character" not in log, "book.log reports a missing character"
    undefined = re.findall(r"(?:Hyper r|R)eference `([^']+)' on page \d+ undefined", log)
    assert not undefined, f"unresolved cross-references in the PDF: {sorted(set(undefined))}"


def test_an_embedded_cjk_font_is_used(pdf):
    rows = poppler("pdffonts", str(pdf)).splitlines()[2:]
    cjk = [row for row in rows if "CJK" in row.split()[0]]
    assert cjk, "no CJK font in the PDF: Chinese would not show (install fonts-noto-cjk; see _config.yml)"
    for row in rows:  # name, type, encoding, emb, sub, uni, object ID (two numbers)
        fields = row.split()
        assert fields[-5] == "yes", f"font not embedded: {fields[0]}"


def test_every_page_of_the_toc_is_in_the_pdf_with_its_title(pdf_text):
    text = loose(pdf_text)
    for doc in pages.toc_files():
        assert loose(page_title(doc)) in text, f"{doc}: its title {page_title(doc)!r} is not in the PDF"


def test_every_chinese_phrase_of_every_page_is_searchable_in_the_pdf(pdf_text):
    for term in KEY_TERMS:
        assert term in pdf_text, f"key term {term} is not in the PDF text"
    for doc in pages.toc_files():
        missing = sorted(p for p in chinese_phrases(doc) if p not in pdf_text)
        assert not missing, f"{doc}: Chinese text missing from the PDF (or not searchable): {missing[:10]}"


def test_front_matter_gives_version_date_and_how_to_cite(pdf):
    front = squeeze(poppler("pdftotext", "-enc", "UTF-8", "-l", "3", str(pdf), "-"))
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    released = cff["date-released"]
    assert f"Version {__version__}" in front
    assert f"{released.day} {released:%B %Y}" in front, "the edition date (CITATION.cff date-released) is missing"
    assert "How to cite this book" in front and "@book{" in front
    assert "contents" in front.casefold()


def test_pdf_metadata(pdf):
    info = dict(line.split(":", 1) for line in poppler("pdfinfo", str(pdf)).splitlines() if ":" in line)
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    assert info["Title"].strip() == config["title"]
    assert info["Author"].strip() == config["author"]
    assert "Yangtze River Delta" in info.get("Subject", "")
    assert "Jupyter Book" in info.get("Keywords", "")
    assert int(info["Pages"]) >= 10
    assert "A4" in info["Page size"]


def test_every_figure_is_an_image_with_a_numbered_caption(latex, pdf, pdf_text):
    figures = count(FIGURE_DIRECTIVE)
    assert figures >= 5
    images = [row for row in poppler("pdfimages", "-list", str(pdf)).splitlines()[2:] if row.split()[2] == "image"]
    assert len(images) >= figures, f"{len(images)} images in the PDF for {figures} figures in the book"
    assert latex.count(r"\begin{figure}") >= figures
    captions = re.findall(r"Fig\. \d+(?:\.\d+)?: ", pdf_text)
    assert len(captions) >= figures, f"{len(captions)} numbered figure captions for {figures} figures"


def test_nothing_runs_into_the_margin(latex_log):
    """TeX reports every line it could not break within its measure as an overfull box; a
    few points are invisible, more is text in the margin or across a table's column."""
    boxes = [box for box in printed.overfull_boxes(latex_log) if box.points > OVERFULL_LIMIT]
    assert not boxes, (f"{len(boxes)} overfull boxes wider than {OVERFULL_LIMIT} pt in book.log (lines of book.tex):\n"
                       + "\n".join(map(str, boxes)))


def test_every_figure_is_printed_at_one_scale(figures, text_block):
    """A chart drawn at the print width fills the text width, a narrower one the same share of
    it, so that every chart prints at one scale: its PNG at the resolution that makes it that
    wide, to the whole pixel per inch that pdfimages gives."""
    width = text_block["width"]
    off = []
    for figure in figures:
        share = min(1.0, figure.png_size[0] / render.PNG_SCALE / theme.PRINT_WIDTH)
        expected_ppi = figure.png_size[0] * 72 / (share * width)
        if abs(expected_ppi - figure.printed_ppi) > 0.5:
            off.append(f"{figure.label}: {figure.printed_ppi:g} ppi, {figure.placed_width:.1f} pt wide "
                       f"(at {share:.0%} of the text width: {expected_ppi:.1f} ppi)")
    assert not off, f"figures not at one scale (text width {width:.1f} pt):\n" + "\n".join(off)


def test_the_smallest_text_in_every_figure_prints_at_6_5_pt_or_more(figures):
    """A chart's smallest font, scaled as its PNG is printed: font px x 72 / printed ppi, in
    the PNG's pixels (the chart's own pixels x the PNG's scale, 144/72)."""
    small = [figure for figure in figures if figure.printed_pt < SMALLEST_TEXT]
    assert not small, (
        f"{len(small)} of {len(figures)} figures print text smaller than {SMALLEST_TEXT} pt:\n"
        + "\n".join(f"{figure}; needs {figure.font_px_for(SMALLEST_TEXT):.1f} px fonts at this width, "
                     f"or a chart at most {figure.chart_width_for(SMALLEST_TEXT):.0f} px wide" for figure in small)
        + "\nevery figure:\n" + "\n".join(map(str, figures)))


def test_no_page_is_left_mostly_empty_before_a_figure(pdf, text_block, latex_log):
    """The page before a page that starts with a figure is at least half full: no figure that
    did not fit where it was set cut that page short (as with placement [H]), and none was
    held back to a page of its own at the end of its chapter. (The page before one that
    starts with a figure is never a chapter's last page: a chapter starts with its title.)"""
    assert "Package yrdbook Warning" not in latex_log, \
        "book.log: a patch of yrdbook/build/tex/yrdbook-layout.tex did not apply (see its warning)"
    top, height = text_block["top"], text_block["height"]
    pages = printed.page_layout(pdf)

    def body(page):  # the text block: no running head (above it) or foot (below it)
        return [box for box in page.boxes if top - 6 <= box.top < top + height]

    empty = []
    for before, page in zip(pages, pages[1:]):
        content = body(page)
        if content and content[0].kind == "image":
            end = max((box.bottom for box in body(before)), default=top)
            if end - top < MOSTLY_EMPTY * height:
                empty.append(f"page {before.number} ends {(end - top) / height:.0%} down its text block, "
                             f"page {page.number} starts with a figure")
    assert not empty, "pages left mostly empty before a figure:\n" + "\n".join(empty)


def test_every_table_is_a_real_numbered_table(latex, pdf_text):
    tables = count(TABLE_DIRECTIVE)
    assert tables >= 3
    environments = len(re.findall(r"\\begin\{(?:tabulary|longtable|tabular)\}", latex))
    assert environments >= tables, f"{environments} LaTeX tables for {tables} tables in the book"
    captions = re.findall(r"Table \d+(?:\.\d+)?: ", pdf_text)
    assert len(captions) >= tables, f"{len(captions)} numbered table captions for {tables} tables"
    assert "议而有决、决而有行" in pdf_text  # a cell of the era table: tables are text, not images


def as_text(latex: str) -> str:
    return squeeze(Text.from_latex(latex).render_as("text"))


def test_bibliography_lists_every_entry_with_names_as_written(pdf, pdf_text):
    """Each entry is its label ([paper], [ref n]) followed by its authors as written, then its
    title; an in-text citation has the same label but is followed by something else. The whole
    entry reads as the book's pybtex style renders it, in the PDF as in the HTML."""
    from yrdbook.build.bibstyle import Style

    bib = parse_file(str(paths.bib_path()))
    for key, entry in bib.entries.items():
        label = "paper" if key == "source_paper" else f"ref {int(key[3:])}"
        authors = " ".join(as_text(str(person)) for person in entry.persons.get("author", []))
        # The style writes a title's full-width colon as GB/T 7714's ": " separator.
        title = loose(as_text(entry.fields["title"]).replace("：", ":"))[:12]
        windows = [pdf_text[m.end():m.end() + 400] for m in re.finditer(re.escape(f"[{label}] "), pdf_text)]
        listed = [w for w in windows if title in loose(w)]
        assert listed, f"{key}: no bibliography entry [{label}] with its title in the PDF"
        assert any(w.startswith(authors) for w in listed), \
            f"{key}: the entry does not start with its authors as written ({authors})"
    assert "于迎" in pdf_text and "迎 于" not in pdf_text and "迎, 于" not in pdf_text
    # The text area of each page only (A4, in points): no running header or footer splits an
    # entry that runs across a page break.
    body = loose(squeeze(poppler("pdftotext", "-raw", "-enc", "UTF-8", "-x", "0", "-y", "60", "-W", "596",
                                 "-H", "720", str(pdf), "-")))
    for formatted in Style().format_entries(bib.entries.values()):
        expected = f"[{formatted.label}] {formatted.text.render_as('text')}"
        assert loose(expected) in body, f"{formatted.key}: not in the PDF as the style renders it: {expected}"


def test_html_book_links_to_the_pdf(pdf, built_html):
    published = built_html / PDF_PATH
    assert published.exists(), f"{PDF_PATH} is missing from _build/html: {RUN}"
    assert published.read_bytes() == pdf.read_bytes(), f"_build/html/{PDF_PATH} is not the latest PDF: {RUN}"
    for page in [built_html / f"{doc}.html" for doc in pages.toc_files()]:
        hrefs = re.findall(r'href="([^"]*\.pdf)"', page.read_text(encoding="utf-8"))
        targets = {(page.parent / href).resolve() for href in hrefs}
        assert published.resolve() in targets, f"{page.name} does not link to the PDF edition"
