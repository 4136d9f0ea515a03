"""The built HTML book: offline, complete, every figure and table numbered, numbers glued."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from support import built_pages

REMOTE = re.compile(r"^(https?:)?//", re.I)
BROKEN_OUTPUT = ["alt.Chart(", "<IPython.core.display", "Traceback (most recent call last)",
                 "could not be drawn", "Chart: "]


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def chapter_pages(built_html):
    return [p for p in built_pages(built_html / "book")]


def test_every_chapter_is_built(built_html):
    names = {p.stem for p in built_pages(built_html / "book")}
    assert {"intro", "evolution", "bibliography"} <= names


def test_nothing_loads_from_the_network(built_html):
    for page in built_pages(built_html):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in doc.find_all(tag):
                value = element.get(attr, "")
                assert not REMOTE.match(value), f"{page.name}: <{tag} {attr}={value}>"
        for script in doc.find_all("script"):
            assert "://" not in (script.string or "") or script.get("type") == "application/json", \
                f"{page.name}: inline script mentions a URL: {(script.string or '')[:120]}"
        for style in doc.find_all("style"):
            assert not re.search(r"url\((['\"])?https?:", style.string or ""), page.name


def test_no_python_reprs_or_tracebacks(built_html):
    for page in built_pages(built_html):
        text = page.read_text(encoding="utf-8")
        for marker in BROKEN_OUTPUT:
            assert marker not in text, f"{page.name} contains {marker!r}"


def test_pages_declare_language(built_html):
    for page in built_pages(built_html):
        doc = soup(page)
        if doc.html is None:  # the root index.html is only a redirect
            assert doc.find("meta", attrs={"http-equiv": "Refresh"}), page.name
            continue
        chinese = "zh" in page.relative_to(built_html).parts  # the Chinese edition, _build/html/zh/
        assert doc.html.get("lang") == ("zh-CN" if chinese else "en"), page.name


def test_every_chart_is_a_numbered_captioned_figure_with_alt_text(chapter_pages):
    seen = 0
    for page in chapter_pages:
        doc = soup(page)
        containers = doc.select("div.yrd-chart")
        if containers:
            scripts = [s.get("src", "") for s in doc.find_all("script")]
            assert any("yrd-charts.js" in s for s in scripts), f"{page.name} lacks the chart library"
        for chart in containers:
            seen += 1
            # the text alternative: the spec's description, which the chart loader makes the drawing's
            # accessible name (tests/test_browser.py checks that), and a <noscript> copy of it
            spec = json.loads(chart.select_one("script.yrd-chart-spec").string.replace("<\\/", "</"))
            assert len(spec["description"]) > 40, f"{page.name}: chart without a real description"
            assert chart.select_one("noscript").get_text(strip=True) == spec["description"]
            assert chart.get("role") is None, "a role=img container may not hold the chart's menu button"
            figure = chart.find_parent("figure")
            assert figure is not None, f"{page.name}: chart outside a figure"
            caption = figure.find("figcaption")
            assert caption and re.search(r"Fig\. \d+(\.\d+)?", caption.get_text()), f"{page.name}: unnumbered figure"
            assert caption.find("a", href=re.compile("bibliography")), f"{page.name}: figure without a citation"
            assert figure.get("id"), f"{page.name}: figure cannot be referenced"
    assert seen >= 5


def test_every_figure_and_table_links_its_data(chapter_pages):
    """Every chart and table says which files of data/ it was computed from, as links into
    _static/data/ (tests/browser/ fetches them)."""
    missing = []
    for page in chapter_pages:
        doc = soup(page)
        for chart in doc.select("div.yrd-chart"):
            line = chart.find_next_sibling("p", class_="yrd-data")
            links = line.select("a.yrd-data-link") if line else []
            if not links:
                missing.append(f"{page.name}: chart {chart.get('id')} (.properties(usermeta=data_files(...)))")
        for table in doc.select("article table"):
            if "citation" in " ".join(table.get("class", [])) or table.find("caption") is None:
                continue
            links = table.find("caption").select("a.yrd-data-link")
            if not links:
                missing.append(f"{page.name}: table {table.get('id')} (BookTable(..., data=[...]))")
        for link in doc.select("a.yrd-data-link"):
            assert link["href"].startswith("../_static/data/"), f"{page.name}: {link['href']}"
    assert not missing, "figures and tables without their data files: " + "; ".join(missing)


def test_every_table_is_numbered_and_captioned(chapter_pages):
    for page in chapter_pages:
        for table in soup(page).select("article table"):
            if "citation" in " ".join(table.get("class", [])):
                continue
            caption = table.find("caption")
            assert caption and re.search(r"Table \d+(\.\d+)?", caption.get_text()), f"{page.name}: table without number"


def test_every_figure_and_table_is_referenced_in_the_text(chapter_pages):
    for page in chapter_pages:
        doc = soup(page)
        targets = [f.get("id") for f in doc.select("figure[id]")] + [t.get("id") for t in doc.select("table[id]")]
        links = {a.get("href", "").split("#")[-1] for a in doc.find_all("a")}
        for target in targets:
            assert target in links, f"{page.name}: {target} is never referenced"


def text_of(built_html, name):
    return re.sub(r"\s+", " ", soup(built_html / "book" / f"{name}.html").get_text(" "))


def test_glued_numbers_appear_in_prose_with_their_provenance(built_html):
    text = text_of(built_html, "evolution")
    # Stated by the paper (P), computed by the book (C): the mark follows the number.
    for phrase in ("covered 16 P cities", "covered 26 P cities", "required 5 P named metropolitan circles",
                   "14 P in 1992", "30 P after the April 2013 wave", "named cities make 10 C by the book’s count",
                   "5 years and 2 months C after it opened"):
        assert phrase in text, phrase


def test_every_glued_number_carries_a_provenance_mark(built_html, chapter_pages):
    from yrdbook import pages
    for page in pages.book_pages():
        glued = page.markdown.count("{glue:md}")
        if not glued:
            continue
        marks = soup(built_html / f"{page.file}.html").select("sup.yrd-prov abbr[title]")
        assert len(marks) >= glued, f"{page.doc}: {glued} glued values, {len(marks)} provenance marks"
        assert {m.get_text() for m in marks} <= {"P", "R", "C", "B"}


def test_chinese_text_is_present(built_html):
    text = text_of(built_html, "evolution")
    for term in ("分割式治理模式", "经济协作式治理模式", "分而不合", "议而有决、决而有行", "三省一市"):
        assert term in text


def test_bibliography_lists_every_entry_with_names_as_written(built_html):
    from pybtex.database import parse_file

    from yrdbook.build.bibstyle import Style
    from yrdbook.datapackage import paths

    text = text_of(built_html, "bibliography")
    assert "于迎" in text and "唐亚林" in text and "王海岳" in text
    assert "迎 于" not in text and "迎, 于" not in text
    labels = re.findall(r"\[\s*(paper|ref \d+)\s*\]", text)
    assert len(set(labels)) == 28
    # Every entry as the book's pybtex style renders it: GB/T 7714-2015, with its type marker
    # ([EB/OL], [J], [N]), its full date, issue and pages, then the book's gloss.
    flat = re.sub(r"\s+", "", text)
    for entry in Style().format_entries(parse_file(str(paths.bib_path())).entries.values()):
        shown = f"[{entry.label}]{entry.text.render_as('text')}"
        assert re.sub(r"\s+", "", shown) in flat, f"{entry.key}: not shown as the style renders it: {shown}"


def test_pages_carry_no_build_date(built_html):
    # A build date would make two builds of the same inputs differ from one day to the next.
    for page in built_pages(built_html):
        assert "Last updated" not in page.read_text(encoding="utf-8"), page.name


def test_every_place_the_claim_ledger_names_is_in_the_book(built_html, book):
    """A claim carried in a figure, table or page points at one the reader can open."""
    from yrdbook.chapters import appendices
    ids = set()
    for page in built_pages(built_html):
        ids |= {tag.get("id") for tag in soup(page).select("[id]")}
    docs = {p.stem for p in built_pages(built_html / "book")}
    ledger = appendices.claims(book)
    missing = []
    for claim in ledger[ledger.carried].itertuples():
        for place in claim.carried_in.split(";"):
            kind, _, target = place.strip().partition(":")
            if (kind in ("fig", "tbl") and target not in ids) or (kind == "page" and target not in docs):
                missing.append(f"{claim.claim_id}: {place.strip()}")
    assert not missing, f"the ledger names places the book does not have: {missing}"
    assert len(ledger) > 100 and (~ledger.carried).sum() > 0
    # Every claim not carried says why.
    assert ledger[~ledger.carried].not_carried_reason.notna().all()
