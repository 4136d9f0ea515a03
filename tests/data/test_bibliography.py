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


def test_dates_and_urls_are_well_formed(bib):
    for key, entry in bib.entries.items():
        url = entry.fields.get("url", "")
        assert not re.search(r"\s|[\uff00-\uffef]", url), f"{key}: {url!r}"
        if "date" in entry.fields:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.fields["date"]), key
            assert entry.fields["date"][:4] == entry.fields["year"], key


def test_paper_reference_dates_as_printed(bib):
    # Spot checks against the paper's list: [1] 2016-6-1, [5] 2017-12-08, [27] 2017-04-01.
    assert bib.entries["ref01"].fields["date"] == "2016-06-01"
    assert bib.entries["ref05"].fields["date"] == "2017-12-08"
    assert bib.entries["ref27"].fields["date"] == "2017-04-01"


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
