"""references.bib: parses, holds the paper and its 27 references, and matches the book's citations."""

import re

import pytest
from pybtex.database import parse_file
from pybtex.richtext import Text

from yrdbook.chapters import intro
from yrdbook.datapackage import paths
from yrdbook.datapackage.bibliography import paper_references
from yrdbook.pages import book_pages

CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def as_text(person) -> str:
    return Text.from_latex(str(person)).render_as("text")


@pytest.fixture(scope="module")
def bib():
    return parse_file(str(paths.bib_path()))


def book_sources() -> list[str]:
    """Every text a citation can live in: the pages' prose, their notebooks' code and table outputs."""
    texts = []
    for page in book_pages():
        # Tables are emitted as MyST markdown outputs whose cells cite sources.
        texts += [page.markdown, page.output_markdown, *page.code]
    return texts


def cited_keys() -> set[str]:
    keys = set()
    for text in book_sources():
        for group in CITE_ROLE.findall(text):
            keys.update(k.strip() for k in group.split(","))
    return keys


def test_paper_and_all_27_references(bib):
    assert len(bib.entries) == 28
    assert "source_paper" in bib.entries
    assert [k for k in bib.entries if k != "source_paper"] == [f"ref{n:02d}" for n in range(1, 28)]


def test_source_paper_invents_nothing(bib):
    paper = bib.entries["source_paper"]
    assert not paper.persons, "the text names no author"
    for field in ("journal", "year", "doi", "pages", "volume"):
        assert field not in paper.fields, f"{field} is not in the paper's text"
    assert "unknown" in paper.fields["note"]


def test_named_authors_only_where_the_paper_names_them(bib):
    with_authors = {k: [as_text(p) for p in e.persons.get("author", [])] for k, e in bib.entries.items() if e.persons}
    # One brace-protected token each, so no style splits or reverses the name.
    assert all(not p.first_names for e in bib.entries.values() for p in e.persons.get("author", []))
    assert with_authors == {"ref04": ["于迎"], "ref19": ["唐亚林"], "ref25": ["王海岳"]}


# The paper's list, as printed (PDF spacing removed): its dates, type markers, journals and pages.
PRINTED_DATES = {
    1: "2016-6-1", 2: "2010-6-27", 3: "2016-08-22", 5: "2017-12-08", 6: "2017-04-05", 7: "2014-05-12",
    8: "2016-08-04", 9: "2017-03-30", 10: "2017-05-31", 11: "2017-07-27", 12: "2016-02-06", 13: "2017-04-17",
    14: "2017-05-16", 15: "2017-07-29", 16: "2017-07-19", 17: "2017-09-19", 18: "2017-09-20", 20: "2016-05-25",
    21: "2017-09-26", 22: "2017-01-22", 23: "2017-04-26", 24: "2017-06-30", 25: "2017-04-27", 26: "2017-03-24",
    27: "2017-04-01",
}
JOURNAL_ARTICLES = {  # [J]: journal, year, issue, pages as printed ("2017，( 5) : 45 － 52")
    "ref04": ("行政论坛", "2017", "5", "45--52"),
    "ref19": ("行政论坛", "2016", "4", "19--24, 2"),
}
CHINESE_FIELDS = ("title", "journal", "howpublished", "booktitle", "publisher", "institution")


def iso(printed: str) -> str:
    year, month, day = printed.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def test_dates_and_urls_are_well_formed(bib):
    for key, entry in bib.entries.items():
        url = entry.fields.get("url", "")
        assert not re.search(r"\s|[\uff00-\uffef]", url), f"{key}: {url!r}"
        if "date" in entry.fields:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.fields["date"]), key
            assert entry.fields["date"][:4] == entry.fields["year"], key
        # The date is recorded once, to the day: no month field for styles to shorten it to.
        assert "month" not in entry.fields, key


def test_paper_reference_dates_as_printed(bib):
    dated = {int(k[3:]): e.fields["date"] for k, e in bib.entries.items() if k != "source_paper" and "date" in e.fields}
    assert dated == {n: iso(printed) for n, printed in PRINTED_DATES.items()}
    assert bib.entries["ref01"].fields["date"] == "2016-06-01"


def test_no_access_dates(bib):
    # The paper prints no access date ([引用日期]) for any entry; none is recorded.
    for key, entry in bib.entries.items():
        assert not {"urldate", "accessed", "lastchecked"} & set(entry.fields), key


def test_entry_types_are_the_printed_gbt7714_types(bib):
    # [EB/OL] -> @online, [J] -> @article, [N] -> @newspaper: the types the GB/T styles (gbt7714
    # BibTeX, biblatex-gb7714-2015) map to those markers. The source paper's type is not in its text.
    types = {key: entry.type for key, entry in bib.entries.items()}
    assert types.pop("source_paper") == "misc"
    assert types.pop("ref04") == types.pop("ref19") == "article"
    assert types.pop("ref05") == "newspaper"
    assert set(types.values()) == {"online"}
    assert all("url" in bib.entries[key].fields for key in types), "every [EB/OL] entry has its address"


def test_journal_articles_keep_issue_and_pages(bib):
    for key, (journal, year, issue, pages) in JOURNAL_ARTICLES.items():
        fields = bib.entries[key].fields
        assert (fields["journal"], fields["year"], fields["number"], fields["pages"]) == (journal, year, issue, pages)
        assert "volume" not in fields, f"{key}: the paper prints no volume"


def test_newspaper_article_as_printed(bib):
    # [5] 共同做好长三角一体化发展大文章[N]. 解放日报, 2017-12-08.
    entry = bib.entries["ref05"]
    assert entry.type == "newspaper"
    assert entry.fields["journal"] == "解放日报"
    assert entry.fields["date"] == "2017-12-08"
    assert not {"howpublished", "url", "pages", "number"} & set(entry.fields), "nothing the paper does not print"
    assert not entry.persons


def test_no_english_inserted_into_chinese_fields(bib):
    # Latin letters in a Chinese field only where the paper prints them ("G60" in [16]).
    for key, entry in bib.entries.items():
        assert entry.fields["language"] == "chinese", key
        for name in CHINESE_FIELDS:
            value = Text.from_latex(entry.fields.get(name, "")).render_as("text")
            assert not re.search(r"[A-Za-z]{2,}", value), f"{key}.{name}: {value!r}"
        for person in entry.persons.get("author", []):
            assert not re.search(r"[A-Za-z]", as_text(person)), key


def test_glosses_read_as_the_books(bib):
    for key, entry in bib.entries.items():
        if key != "source_paper":
            assert entry.fields["note"].startswith("English gloss by the book: "), key
    # biblatex-gb7714-2015 types an @article whose note contains "news" as a newspaper [N].
    for key in JOURNAL_ARTICLES:
        assert "news" not in bib.entries[key].fields["note"].lower(), key


def test_every_cited_key_exists(bib):
    missing = cited_keys() - set(bib.entries)
    assert not missing, f"cited but not in references.bib: {sorted(missing)}"


def test_every_entry_is_cited(bib):
    uncited = set(bib.entries) - cited_keys()
    assert not uncited, f"in references.bib but never cited: {sorted(uncited)}"


def test_every_data_source_key_exists(bib, book):
    used = set()
    for name in book.names:
        if "source" in getattr(book, name).columns:
            used |= set(getattr(book, name).source)
    assert used <= set(bib.entries)


def test_references_grouped_by_site_cover_all():
    refs = paper_references()
    grouped = intro.by_domain(refs)
    assert grouped.references.sum() == 27
    # [6]-[8], [10], [11], [15], [16], [20], [21] are pages of jiaxing.gov.cn.
    assert grouped.set_index("site").references["jiaxing.gov.cn"] == 9
