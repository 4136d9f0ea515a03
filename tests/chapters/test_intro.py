"""The introduction: its overview figure and its table of the paper's sources, in both editions."""

import re

from yrdbook import charts, language
from yrdbook.chapters import evolution, intro
from yrdbook.charts import overview, render, theme

CJK = re.compile(r"[\u4e00-\u9fff]")
# Latin that may stay in the Chinese edition: MyST roles and code spans, file names.
ROLE_OR_CODE = re.compile(r"\{[\w:-]+\}`[^`]*`|`[^`]*`")
FILE_NAME = re.compile(r"[A-Za-z0-9_-]+\.(?:csv|bib|json|topojson)(?![A-Za-z])")
NUMBER = re.compile(r"\d+")


def english_words(text) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z_]+", FILE_NAME.sub("", ROLE_OR_CODE.sub("", str(text))))


def test_chinese_overview(book):
    modes = evolution.mode_overview(book)
    chart = overview.argument_overview(modes)
    zh, en = chart.zh.to_dict(), chart.en.to_dict()
    shown = {row["text"] for rows in zh["datasets"].values() for row in rows if "text" in row}
    assert shown and all(CJK.search(text) for text in shown if not re.fullmatch(r"\d+", text))
    assert not [w for text in shown for w in english_words(text)]
    assert set(modes.reach_zh) <= shown and set(modes.short_zh) <= shown and "1982年至1988年" in shown
    assert not {c for rows in zh["datasets"].values() for row in rows for c in row if c.endswith("_en")}
    # The alt text: Chinese, with the same numbers as the English one.
    assert CJK.search(zh["description"]) and not english_words(zh["description"])
    assert sorted(NUMBER.findall(zh["description"])) == sorted(NUMBER.findall(en["description"]))
    assert "本书的安排" in zh["description"]
    # The English edition keeps its seven lines a box, both languages in them.
    english = {row["text"] for rows in en["datasets"].values() for row in rows if "text" in row}
    assert {"governance mode 治理模式", "up to 10 cities", "分而不合"} <= english
    # Drawn, the Chinese fits the print width as the English does.
    charts.enable()
    assert render.render(zh)[render.SPEC_MIME]["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH


def test_chinese_periods():
    assert overview.chinese_period("1982–1988") == "1982年至1988年"
    assert overview.chinese_period("2017–") == "2017年起"


def test_chinese_sources_by_site():
    table = intro.by_domain_table(intro.paper_references())
    with language.using("zh"):
        caption = table.zh.full_caption()
    assert not english_words(caption) and not [w for h in table.zh.frame.columns for w in english_words(h)]
    zh, en = table.zh.frame, table.en.frame
    assert list(zh.columns) == ["网站", "参考文献数", "文献条目"]
    assert "印刷文献（无网址）" in set(zh["网站"]) and "print (no URL)" in set(en["Web site"])
    assert list(zh["参考文献数"]) == list(en["References"]) and list(zh["文献条目"]) == list(en["Keys"])


def test_facts_glued_into_the_prose(book):
    with language.using("zh"):
        chinese = {name: str(f) for name, f in intro.facts(book).items()}
    assert chinese == {name: str(f) for name, f in intro.facts(book).items()} == {"n_governance_modes": "3", "n_refs": "27"}
