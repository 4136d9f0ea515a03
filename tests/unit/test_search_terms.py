"""The search index's Chinese terms (yrdbook.build.search): the glossary's and the cities' names."""

from yrdbook.build import search


def test_the_books_terms_are_in_the_dictionary(book):
    terms = search.book_terms()
    assert set(book.glossary.term_zh) <= set(terms)
    assert {"嘉兴", "南通", "上海"} <= set(terms)
    assert all(" " not in term for term in terms)


def test_the_dictionary_path_depends_only_on_its_terms():
    # the path is part of Sphinx's configuration: two builds of the same inputs must agree
    first, second = search.write_dictionary(), search.write_dictionary()
    assert first == second
    assert first.read_text(encoding="utf-8").splitlines() == search.book_terms()
