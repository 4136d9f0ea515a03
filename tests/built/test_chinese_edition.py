"""The Chinese edition (``_build/html/zh/``): every page of the English edition, in Chinese,
linked to its English twin both ways, with its tables and charts drawn in Chinese and its prose
in the book's fixed vocabulary -- and no English sentence of the book's own left over."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import built_pages
from support.chinese import competing_renderings

CJK = re.compile(r"[\u4e00-\u9fff]")
# Four English words in a row is a sentence, or a phrase of one, left untranslated.
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z']+(?:[ ,;:-]+[A-Za-z][a-z']+){3,}")
# Names the Chinese edition writes in Latin letters, as Chinese scholarship does.
NAMES = ["The YRD Governance Book project", "Active Docking in the Yangtze River Delta",
         "an executable companion to a paper on regional governance", "Citation File Format",
         "Noto Serif", "Noto Sans", "Jupyter Book"]
# What is not prose: code, data and BibTeX blocks, the charts' own markup, the other edition's
# name in the switcher, references to the book's English title.
NOT_PROSE = ["pre", "code", "script", "style", "svg", ".highlight", ".yrd-bibtex", ".yrd-gbt7714",
             ".yrd-chart", "[lang=en]", ".cell_input", ".headerlink", "span.pre", "cite"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def editions(built_html) -> tuple[list[str], list[str]]:
    zh = built_html / "zh"
    english = sorted(p.relative_to(built_html).as_posix() for p in built_pages(built_html) if zh not in p.parents)
    chinese = sorted(p.relative_to(zh).as_posix() for p in built_pages(zh))
    return english, chinese


def article_text(page: BeautifulSoup) -> str:
    article = page.select_one("article") or page.select_one("main")
    for selector in NOT_PROSE:
        for element in article.select(selector):
            element.decompose()
    return " ".join(article.get_text(" ").split())


def test_every_page_has_its_chinese_edition(editions):
    english, chinese = editions
    assert chinese == english, f"only in English: {sorted(set(english) - set(chinese))}; " \
                               f"only in Chinese: {sorted(set(chinese) - set(english))}"


def test_chinese_pages_are_marked_chinese(built_html, editions):
    for name in editions[1]:
        html = soup(built_html / "zh" / name).find("html")
        if html is None:  # zh/index.html only redirects to the landing page
            continue
        assert html.get("lang") == "zh-CN", f"zh/{name}: <html lang={html.get('lang')}>"
    assert soup(built_html / "book" / "intro.html").find("html").get("lang") == "en"


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_every_page_links_to_itself_in_the_other_edition(built_html, editions, edition):
    root = built_html if edition == "en" else built_html / "zh"
    names = editions[0] if edition == "en" else editions[1]
    other = "zh-CN" if edition == "en" else "en"
    for name in names:
        page = soup(root / name)
        if name in ("index.html",) and page.find("meta", attrs={"http-equiv": "Refresh"}):
            continue  # the redirect to the landing page
        alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
        assert set(alternates) == {"en", "zh-CN"}, f"{edition}/{name}: hreflang {sorted(alternates)}"
        for language, href in alternates.items():
            target = ((root / name).parent / href).resolve()
            assert target.exists(), f"{edition}/{name}: hreflang {language} -> {href} does not exist"
        if not name.startswith("book/"):
            continue  # the index and search pages have hreflang links, the book's pages a switcher too
        switch = page.select_one("nav.yrd-editions a[hreflang]")
        assert switch is not None and switch["hreflang"] == other, f"{edition}/{name}: no language switcher"
        assert ((root / name).parent / switch["href"]).resolve() == ((root / name).parent / alternates[other]).resolve()
        expected = (built_html / "zh" / name) if edition == "en" else (built_html / name)
        assert ((root / name).parent / switch["href"]).resolve() == expected.resolve(), \
            f"{edition}/{name}: the switcher leads to {switch['href']}, not the same page"


def test_no_english_prose_on_chinese_pages(built_html, editions, book):
    # The glossary gives each term's English rendering, the book's English, as data.
    names = NAMES + sorted(book.glossary.term_en, key=len, reverse=True)
    left = {}
    for name in editions[1]:
        if name in ("genindex.html", "search.html") or not name.startswith("book/"):
            continue
        text = article_text(soup(built_html / "zh" / name))
        for known in names:
            text = text.replace(known, "")
        runs = [run for run in ENGLISH_RUN.findall(text)]
        if runs:
            left[name] = runs[:5]
    assert not left, f"English left on Chinese pages: {left}"


def test_chinese_pages_use_the_books_vocabulary(built_html, editions):
    found = {}
    for name in editions[1]:
        if name.startswith("book/"):
            bad = competing_renderings(article_text(soup(built_html / "zh" / name)))
            if bad:
                found[name] = bad
    assert not found, found


def test_charts_are_drawn_in_chinese(built_html, editions):
    charts = 0
    for name in editions[1]:
        for script in soup(built_html / "zh" / name).select("div.yrd-chart script.yrd-chart-spec"):
            spec = json.loads(script.string)
            charts += 1
            assert CJK.search(spec["description"]), f"zh/{name}: alt text not Chinese: {spec['description'][:60]}"
            fields = re.findall(r'"field":\s*"([^"]+)"', script.string)
            assert not [f for f in fields if f.endswith("_en")], f"zh/{name}: a chart draws English columns {fields}"
            titles = [t for t in re.findall(r'"title":\s*"([^"]*)"', script.string) if t]
            assert all(CJK.search(t) for t in titles), f"zh/{name}: titles not Chinese: {titles}"
    english = sum(len(soup(p).select("div.yrd-chart")) for p in built_pages(built_html) if "zh" not in p.relative_to(built_html).parts)
    assert charts == english, f"{charts} charts in Chinese for {english} in English"


def test_tables_are_drawn_in_chinese(built_html, editions):
    for name in editions[1]:
        for table in soup(built_html / "zh" / name).select("article table"):
            caption = table.find("caption")
            if caption is not None:
                assert CJK.search(caption.get_text()), f"zh/{name}: caption {caption.get_text()[:60]!r}"
                assert "Data:" not in caption.get_text() and "Table " not in caption.get_text()
            for heading in table.select("thead th"):
                words = heading.get_text(" ", strip=True)
                assert not words or CJK.search(words) or not ENGLISH_RUN.search(words), f"zh/{name}: heading {words!r}"


def test_numbers_read_as_chinese_numbers(built_html):
    """Figures and tables are 图 1.1 and 表 1.1; glued values are Chinese (2017年12月6—7日, not 6–7 December 2017)."""
    page = article_text(soup(built_html / "zh" / "book" / "evolution.html"))
    assert re.search(r"图 ?1\.1", page) and re.search(r"表 ?1\.1", page)
    assert "years and" not in page and "December" not in page
    docking = article_text(soup(built_html / "zh" / "book" / "docking.html"))
    assert not re.search(r"\d+ (January|February|March|April|May|June|July|August|September|October|November|December)", docking)


def test_the_table_of_contents_is_chinese(built_html, editions):
    """The captions of the book's parts, in the sidebar of every Chinese page."""
    for name in editions[1]:
        if not name.startswith("book/"):
            continue
        captions = [c.get_text(strip=True) for c in soup(built_html / "zh" / name).select("p.caption span.caption-text")]
        assert captions and all(CJK.search(c) for c in captions), f"zh/{name}: {captions}"
