"""Searching the book for a Chinese term finds every page of its edition that contains it,
in the English edition and in the Chinese one (``zh/``).

Sphinx indexes a run of Chinese characters as one word unless its search language segments
it; the book's index is built with jieba and the book's own terms (``yrdbook.build.search``).
Each search is run in the book's own search page, in Chromium, and its results are compared
with the pages whose text holds the term.
"""

import urllib.parse

import pytest
from bs4 import BeautifulSoup

from support import BUILT_HTML as HTML
from support import browser

TERMS = ["嘉兴", "示范区", "主动对接", "南通", "长三角"]


EDITIONS = {"en": "", "zh": "zh/"}  # edition -> its folder in the built book


def in_edition(name: str, edition: str) -> bool:
    return name.startswith("zh/") == (edition == "zh")


def pages_containing(term: str, edition: str) -> set[str]:
    """Pages of the edition whose indexed text (the article, without scripts or chart alt text)
    holds the term."""
    found = set()
    for name in browser.pages(HTML):
        if not in_edition(name, edition):
            continue
        soup = BeautifulSoup((HTML / name).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.bd-article")
        if article is None:
            continue
        for hidden in article.select("script, style, noscript"):
            hidden.decompose()
        if term in article.get_text():
            found.add(name)
    return found


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("term", TERMS)
def test_a_chinese_term_finds_every_page_that_contains_it(chromium, site, term, edition):
    page = chromium.new_page()
    try:
        page.goto(f"{site}{EDITIONS[edition]}search.html?q={urllib.parse.quote(term)}", wait_until="load")
        # the summary is written once the last result is listed (in the Chinese edition, in Chinese)
        page.wait_for_function("(document.querySelector('#search-results .search-summary') || {}).textContent"
                               "?.match(/Search finished|did not match|搜索完成|没有匹配/)", timeout=30_000)
        links = page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
    finally:
        page.close()
    found = {urllib.parse.urlparse(link).path.lstrip("/").split("#")[0] for link in links}
    expected = pages_containing(term, edition)
    assert len(expected) >= 3, f"{term} is on too few pages to test the search: {sorted(expected)}"
    assert found == expected, (f"search for {term}: missing {sorted(expected - found)}, "
                               f"not containing it {sorted(found - expected)}")
