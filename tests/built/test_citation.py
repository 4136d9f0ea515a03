"""Citing the built book: BibTeX entries on its pages that real BibTeX and LaTeX runs accept
and typeset, one entry per chapter, and Highwire tags on the landing page."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from yrdbook import pages
from yrdbook.build import citation



def run(command, cwd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, **kwargs)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def bibtex_blocks(page: Path) -> list[str]:
    return [block.get_text() for block in soup(page).select("div.yrd-bibtex pre")]


def numbered_chapters(built_html: Path) -> list[str]:
    """Chapters of the numbered parts of the table of contents the book was built from."""
    return pages.numbered_files(built_html.parent.parent)


# --- the built book ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cite_page(built_html) -> Path:
    page = built_html / "book" / "cite.html"
    assert page.exists(), "book/cite.md is not in the book: it must be listed in _toc.yml"
    return page


def test_cite_page_gives_book_and_paper(cite_page, built_html):
    blocks = bibtex_blocks(cite_page)
    book = citation.book_entry(citation.load())
    assert blocks[0].strip() == book
    assert blocks[1].strip() == citation.bib_entry("source_paper")
    keys = {key for block in blocks for key in parse_string(block, "bibtex").entries}
    assert {"yrd_governance_book", "source_paper"} <= keys
    assert {citation.chapter_key(doc) for doc in numbered_chapters(built_html)} <= keys


def test_every_numbered_chapter_offers_its_own_entry(built_html):
    chapters = numbered_chapters(built_html)
    assert chapters
    for number, doc in enumerate(chapters, start=1):
        page = built_html / f"{doc}.html"
        box = soup(page).select_one("div.yrd-cite-chapter")
        assert box is not None, f"{doc} has no 'Cite this chapter' box"
        entry = parse_string(box.select_one("div.yrd-bibtex pre").get_text(), "bibtex").entries
        heading = soup(page).select_one("article h1")
        title = heading.get_text().rstrip("#").strip().removeprefix(f"{number}. ").strip()
        assert list(entry) == [citation.chapter_key(doc)]
        fields = entry[citation.chapter_key(doc)].fields
        assert fields["title"] == "{" + citation.escape(title) + "}"
        assert fields["chapter"] == str(number)
    for other in ("intro", "bibliography", "cite"):
        assert soup(built_html / "book" / f"{other}.html").select_one("div.yrd-cite-chapter") is None


def test_landing_page_has_highwire_tags(built_html):
    page = soup(built_html / "book" / "intro.html")
    tags = {}
    for meta in page.find_all("meta", attrs={"name": re.compile("^citation_")}):
        tags.setdefault(meta["name"], []).append(meta["content"])
    book = citation.load()
    assert tags["citation_title"] == [book.title]
    assert tags["citation_author"] == ["The YRD Governance Book project"]
    assert tags["citation_publication_date"] == ["2026/11/26"]
    assert tags["citation_language"] == ["en"]
    # The book has no base URL configured, and Highwire wants an absolute URL: no citation_pdf_url.
    assert "citation_pdf_url" not in tags


def test_chinese_landing_page_has_highwire_tags_in_chinese(built_html):
    page = soup(built_html / "zh" / "book" / "intro.html")
    tags = {}
    for meta in page.find_all("meta", attrs={"name": re.compile("^citation_")}):
        tags.setdefault(meta["name"], []).append(meta["content"])
    assert tags["citation_title"] == ["长三角主动对接式区域合作：一篇区域治理论文的可执行复现"]
    assert tags["citation_language"] == ["zh-CN"]
    assert tags["citation_author"] == ["The YRD Governance Book project"]
    assert tags["citation_publication_date"] == ["2026/11/26"]


def test_the_pdf_tag_is_absolute_and_only_with_a_pdf():
    from yrdbook.build.citing import citation_tags
    book = citation.load()
    with_pdf = dict(citation_tags(book, "en", "https://books.example/yrd/_downloads/yrd-governance-book.pdf"))
    assert with_pdf["citation_pdf_url"].startswith("https://")
    assert "citation_pdf_url" not in dict(citation_tags(book, "en", None))


# --- real BibTeX and LaTeX ----------------------------------------------------------------------

LATIN = r"""\documentclass{article}
\begin{document}
The book is \cite{yrd_governance_book}; its first chapter is \cite{%(chapter)s}.
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""

CHINESE = r"""\documentclass{article}
\usepackage{xeCJK}
\setCJKmainfont{Noto Sans CJK SC}
\begin{document}
The book \cite{yrd_governance_book} reproduces the paper \cite{source_paper}; chapters: \nocite{*}.
\bibliographystyle{unsrt}
\bibliography{refs}
\end{document}
"""


def compile_with_bibtex(folder: Path, engine: str, source: str, bib: str) -> str:
    for tool in (engine, "bibtex"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: ./tasks.sh setup installs TeX Live")
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.tex").write_text(source, encoding="utf-8")
    latex = [engine, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for step in (latex, ["bibtex", "doc"], latex, latex):
        result = run(step, cwd=folder)
        assert result.returncode == 0, f"{' '.join(step)} failed:\n{result.stdout[-3000:]}"
    log = (folder / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "undefined" not in log.lower(), "a citation or reference stayed undefined"
    blg = (folder / "doc.blg").read_text(encoding="utf-8")
    assert "Warning--" not in blg and "error message" not in blg, blg
    return (folder / "doc.bbl").read_text(encoding="utf-8")


def test_book_entry_compiles_with_latex_and_bibtex(cite_page, built_html, tmp_path):
    blocks = bibtex_blocks(cite_page)
    chapter = citation.chapter_key(numbered_chapters(built_html)[0])
    bbl = compile_with_bibtex(tmp_path, "latex", LATIN % {"chapter": chapter}, "\n\n".join(blocks))
    assert r"\bibitem{yrd_governance_book}" in bbl and rf"\bibitem{{{chapter}}}" in bbl
    flat = " ".join(bbl.split())
    assert "Active Docking in the Yangtze River Delta: an executable companion to a paper on regional governance" in flat
    assert "The YRD Governance Book project" in flat
    assert (tmp_path / "doc.dvi").stat().st_size > 0


def test_all_entries_with_chinese_compile_with_xelatex_and_bibtex(cite_page, tmp_path):
    blocks = bibtex_blocks(cite_page)
    bbl = compile_with_bibtex(tmp_path, "xelatex", CHINESE, "\n\n".join(blocks))
    assert "……治理新模式的复合动力与机制创新" in bbl
    assert bbl.count(r"\bibitem") == len(parse_string("\n".join(blocks), "bibtex").entries)
    fonts = run(["pdffonts", "doc.pdf"], cwd=tmp_path) if shutil.which("pdffonts") else None
    if fonts is not None:
        assert "NotoSansCJK" in fonts.stdout


# --- GB/T 7714-2015: the Chinese edition's cite page, with gbt7714 and biblatex-gb7714-2015 ------

GBT7714 = r"""\documentclass{article}
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}
\usepackage{gbt7714}
\bibliographystyle{gbt7714-numerical}
\begin{document}
本书\cite{yrd_governance_book}复现原文\cite{source_paper}。\nocite{*}
\bibliography{refs}
\end{document}
"""

BIBLATEX_GB7714 = r"""\documentclass{article}
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}
\usepackage[backend=biber,style=gb7714-2015]{biblatex}
\addbibresource{refs.bib}
\begin{document}
本书\cite{yrd_governance_book}复现原文\cite{source_paper}。\nocite{*}
\printbibliography
\end{document}
"""

# What the source paper's entry cannot give (its text shows neither author nor year): the only
# warnings gbt7714 may give.
UNKNOWN_OF_THE_PAPER = {"Warning--empty year in source_paper", "Warning--empty author and editor in source_paper"}


@pytest.fixture(scope="module")
def chinese_cite_page(built_html) -> Path:
    page = built_html / "zh" / "book" / "cite.html"
    assert page.exists(), "the Chinese edition has no cite page: _build/html/zh/book/cite.html"
    return page


def require(*tools):
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: ./tasks.sh test installs it (texlive-bibtex-extra, biber)")


def test_cite_pages_give_the_gbt7714_references(cite_page, chinese_cite_page):
    from yrdbook.build.bibstyle import book_reference, reference

    expected = [book_reference(citation.load()), reference(citation.bib_entry("source_paper"))]
    for page in (cite_page, chinese_cite_page):
        assert [p.get_text() for p in soup(page).select("p.yrd-gbt7714")] == expected, page
    assert expected[0].endswith("[M]. 0.1.0 ed. [S.l.]: The YRD Governance Book project, 2026.")


def test_entries_compile_with_the_gbt7714_bibtex_style(chinese_cite_page, tmp_path):
    require("xelatex", "bibtex", "kpsewhich")
    assert run(["kpsewhich", "gbt7714-numerical.bst"], cwd=tmp_path).stdout.strip(), "gbt7714 is not installed"
    blocks = bibtex_blocks(chinese_cite_page)
    (tmp_path / "refs.bib").write_text("\n\n".join(blocks), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(GBT7714, encoding="utf-8")
    latex = ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for step in (latex, ["bibtex", "doc"], latex, latex):
        result = run(step, cwd=tmp_path)
        assert result.returncode == 0, f"{' '.join(step)} failed:\n{result.stdout[-3000:]}"
    warnings = {line.strip() for line in (tmp_path / "doc.blg").read_text(encoding="utf-8").splitlines()
                if line.startswith("Warning--")}
    assert warnings <= UNKNOWN_OF_THE_PAPER, warnings
    bbl = " ".join((tmp_path / "doc.bbl").read_text(encoding="utf-8").split())
    book = citation.load()
    assert (f"{{{book.title}}}\\allowbreak[M]. \\newblock {book.publisher}, {book.year}.") in bbl
    assert "……治理新模式的复合动力与机制创新\\allowbreak[Z]." in bbl  # type unknown: [Z]
    chapters = len(parse_string("\n".join(blocks), "bibtex").entries) - 2
    assert bbl.count("\\allowbreak[M]//\\allowbreak") == chapters  # a chapter: [M]// the book
    assert "undefined" not in (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace").lower()


def test_entries_compile_with_biblatex_gb7714_2015(chinese_cite_page, tmp_path):
    require("xelatex", "biber", "pdftotext")
    blocks = bibtex_blocks(chinese_cite_page)
    (tmp_path / "refs.bib").write_text("\n\n".join(blocks), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(BIBLATEX_GB7714, encoding="utf-8")
    latex = ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for step in (latex, ["biber", "doc"], latex, latex):
        result = run(step, cwd=tmp_path)
        assert result.returncode == 0, f"{' '.join(step)} failed:\n{result.stdout[-3000:]}"
    blg = (tmp_path / "doc.blg").read_text(encoding="utf-8")
    assert "WARN" not in blg and "ERROR" not in blg, blg
    text = " ".join(run(["pdftotext", "doc.pdf", "-"], cwd=tmp_path).stdout.split())
    book = citation.load()
    assert f"[1] {book.publisher}. {book.title}[M]. {book.version}. {book.publisher}, {book.year}." in text
    assert "治理新模式的复合动力与机制创新[Z]." in text
    chapters = len(parse_string("\n".join(blocks), "bibtex").entries) - 2
    assert text.count("[G]//") == chapters  # a chapter: [G]// the book
