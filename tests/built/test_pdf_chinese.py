"""The Chinese edition's PDF (``./tasks.sh pdf`` builds it beside the English one, into
``_build/latex/zh/``): the whole book in Chinese, set the Chinese way -- 第1章 headings, 图 1.1
and 表 1.1 captions, 目录 and 参考文献, Chinese running heads and title pages with the GB/T
7714-2015 reference -- in embedded fonts, with nothing in the margin."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import BUILD, built_pages
from support import pdf as printed
from yrdbook.build.pdf import PDF_PATH

LATEX = BUILD / "latex" / "zh"
PDF, TEX, LOG = LATEX / "book.pdf", LATEX / "book.tex", LATEX / "book.log"
RUN = "run ./tasks.sh pdf (./tasks.sh test builds both PDFs before its tests)"
OVERFULL_LIMIT = 5.0  # pt, as for the English PDF
CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
BROKEN_OUTPUT = ["alt.Chart(", "<IPython.core.display", "Traceback (most recent call last)",
                 "Chart: ", "{list-table}", "{glue:figure}", "{glue:md}"]


def squeeze(text: str) -> str:
    """Whitespace to single spaces; none left between two Chinese characters or a Chinese
    character and a digit (xeCJK's spacing shows as a space in pdftotext)."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(f"(?<=[{CJK}\\d]) (?=[{CJK}\\d])", "", text)


@pytest.fixture(scope="module")
def pdf() -> Path:
    if not PDF.exists():
        pytest.fail(f"No Chinese PDF at {PDF}: {RUN}.")
    assert PDF.stat().st_mtime >= TEX.stat().st_mtime, f"the PDF is older than its LaTeX source: {RUN}"
    return PDF


@pytest.fixture(scope="module")
def text(pdf) -> str:
    return squeeze(printed.poppler("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"))


@pytest.fixture(scope="module")
def chinese_pages(built_html) -> dict[str, BeautifulSoup]:
    return {p.relative_to(built_html / "zh").as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in built_pages(built_html / "zh" / "book")}


def test_no_broken_output_and_no_missing_character(pdf, text):
    log = LOG.read_text(encoding="utf-8", errors="replace")
    for marker in BROKEN_OUTPUT:
        assert marker not in text, f"the Chinese PDF contains {marker!r}"
    assert "Missing character" not in log, "a character no font has was left out (see latex/zh/book.log)"
    assert not re.findall(r"(?:Hyper r|R)eference `([^']+)' on page \d+ undefined", log)


def test_fonts_are_embedded_and_chinese(pdf):
    rows = printed.poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert any("CJK" in row.split()[0] for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows), "a font is not embedded"


def test_title_pages_are_chinese_with_the_gbt7714_reference(pdf):
    from yrdbook.build import citation
    from yrdbook.build.bibstyle import book_reference

    front = squeeze(printed.poppler("pdftotext", "-enc", "UTF-8", "-l", "3", str(pdf), "-"))
    book = citation.load()
    assert "长三角主动对接式区域合作" in front and f"版本{book.version}" in front.replace(" ", "")
    released = book.date_released
    assert f"{int(released[:4])}年{int(released[5:7])}月{int(released[8:])}日" in front
    assert "如何引用本书" in front and "GB/T 7714-2015" in front and "@book{" in front
    assert squeeze(book_reference(book)).replace(" ", "") in front.replace(" ", "")
    assert "目录" in front and "Contents" not in front
    info = printed.poppler("pdfinfo", str(pdf))
    assert re.search(r"^Title:\s+长三角主动对接式区域合作", info, re.M)


def test_chapters_parts_and_captions_are_numbered_the_chinese_way(text):
    assert [int(n) for n in re.findall(r"第(\d+)章", text)][:5] == [1, 2, 3, 4, 5]
    assert re.search(r"第[一二三]部分", text), "parts are headed 第一部分 ..."
    figures, tables = re.findall(r"图 ?(\d+\.\d+)(?![\d.])", text), re.findall(r"表 ?(\d+\.\d+)(?![\d.])", text)
    assert "1.1" in figures and "1.1" in tables
    for english in ("Chapter ", "Figure ", "Fig. ", "Table ", "Contents", "Bibliography", "Part I"):
        assert english not in text, f"the Chinese PDF still says {english!r}"


def test_every_page_is_there_with_its_chinese_title(text, chinese_pages):
    flat = text.replace(" ", "")
    for name, page in chinese_pages.items():
        title = page.find("h1").get_text(" ", strip=True).rstrip("#").strip()
        title = re.sub(r"^\d+\.\s*", "", title)  # the HTML numbers chapters 1., the PDF 第1章
        assert squeeze(title).replace(" ", "") in flat, f"{name}: {title!r} is not in the Chinese PDF"


def test_nothing_runs_into_the_margin(pdf):
    boxes = [box for box in printed.overfull_boxes(LOG.read_text(encoding="utf-8", errors="replace"))
             if box.points > OVERFULL_LIMIT]
    assert not boxes, "\n".join(map(str, boxes))


def test_the_chinese_html_links_its_own_pdf(pdf, built_html):
    published = built_html / "zh" / PDF_PATH
    assert published.exists() and published.read_bytes() == pdf.read_bytes(), f"{published}: {RUN}"


def test_figures_are_the_chinese_drawings(pdf):
    """Every figure of the Chinese PDF is the chart's Chinese PNG, none the English one."""
    include = re.compile(r"\\sphinxincludegraphics(?:\[[^\]]*\])?\{(\{[^}]+\}\.\w+|[^}]+)\}")

    def images(folder: Path) -> list[Path]:  # {name}.png, as Sphinx writes a file name with dots
        tex = (folder / "book.tex").read_text(encoding="utf-8")
        return [folder / name.replace("{", "").replace("}", "") for name in include.findall(tex)]

    chinese, english = images(LATEX), images(BUILD / "latex")
    assert chinese and len(chinese) == len(english), f"{len(chinese)} figures in Chinese, {len(english)} in English"
    english_images = {path.read_bytes() for path in english}
    reused = [path.name for path in chinese if path.read_bytes() in english_images]
    assert not reused, f"English drawings in the Chinese PDF: {reused}"
