"""Small helpers: partial dates, MyST tables, the build's input fingerprint."""

import pandas as pd
import pytest

from yrdbook import dates
from yrdbook.build.execution import input_fingerprint
from yrdbook.tables import BookTable, bilingual, bilingual_column


@pytest.mark.parametrize("value, english, chinese", [
    ("1992", "1992", "1992年"),
    ("2003-08", "August 2003", "2003年8月"),
    ("2013-04-13", "13 April 2013", "2013年4月13日"),
    (None, "date not stated", "日期不详"),
])
def test_partial_dates(value, english, chinese):
    assert dates.english(value) == english
    assert dates.chinese(value) == chinese


def test_partial_dates_sit_at_the_start_of_their_period():
    assert dates.plot_position("1992") == pd.Timestamp("1992-01-01")
    assert dates.plot_position("2003-08") == pd.Timestamp("2003-08-01")


def test_book_table_is_a_named_list_table_with_line_breaks():
    table = BookTable(pd.DataFrame({"Mode": [bilingual("分割式", "segmented")], "n": [1]}),
                      caption="A caption with `code`", name="tbl-x", widths=[70, 30])
    text = table.to_myst()
    assert text.splitlines()[0] == ":::{list-table} A caption with `code`"
    assert ":name: tbl-x" in text and ":widths: 70 30" in text
    assert "* - Mode\n  - n\n* - 分割式\\\n    segmented\n  - 1\n:::" in text
    assert repr(table) == "Table tbl-x: A caption with `code` (1 rows)"


def test_book_table_caption_links_its_data_files():
    table = BookTable(pd.DataFrame({"a": [1]}), caption="Eras.", name="tbl-x", data=["eras.csv", "references.bib"])
    assert table.to_myst().splitlines()[0] == \
        ":::{list-table} Eras. Data: {yrd-data}`eras.csv`, {yrd-data}`references.bib`."
    with pytest.raises(ValueError, match="nope.csv"):
        BookTable(pd.DataFrame({"a": [1]}), caption="c", name="t", data=["nope.csv"])


def test_bilingual_column_pairs_chinese_with_english():
    assert bilingual_column(["分割式", "协同式"], ["segmented", "integrated"]) == ["分割式\nsegmented", "协同式\nintegrated"]


def test_empty_cells_show_a_dash():
    text = BookTable(pd.DataFrame({"a": [None]}), caption="c", name="t").to_myst()
    assert "* - –" in text


def test_fingerprint_follows_the_data(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "t.csv").write_text("a\n1\n")
    bib = tmp_path / "references.bib"
    bib.write_text("@misc{k, title={t}}\n")
    monkeypatch.setenv("YRD_DATA_DIR", str(data))
    monkeypatch.setenv("YRD_BIB", str(bib))
    before = input_fingerprint()
    assert input_fingerprint() == before
    (data / "t.csv").write_text("a\n2\n")
    assert input_fingerprint() != before
    after_data = input_fingerprint()
    bib.write_text("@misc{k, title={u}}\n")
    assert input_fingerprint() != after_data
