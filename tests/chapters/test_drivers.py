"""Chapter 3 (paper section II.4): the framework drawn from data, and the book's coding of events,
in both editions; and the Chinese edition of the tables of ``chapters/common.py``."""

import json
import re

from support import REPO

from yrdbook import charts, language
from yrdbook.chapters import common, drivers
from yrdbook.charts import render, theme
from yrdbook.vocabulary import EVENT_KINDS


def test_framework_is_drawn_from_data(book):
    nodes = drivers.framework_nodes(book)
    assert list(nodes[nodes.layer == 0].node_id) == ["planning_lead", "consensus_synergy", "pull_push"]
    assert list(nodes[nodes.layer == 3].name_zh) == ["主动对接", "全面对接", "深度对接"]
    triad = book.measures[book.measures.in_papers_triad]
    assert list(triad.name_zh) == ["密集规划", "精准接轨", "深化落实"]
    links = drivers.framework_links(book, nodes)
    assert links[["x", "x2"]].notna().all().all()
    stated = links[links.relation == "leads_to"]
    assert (stated.x2 - stated.x).isin([1]).all(), "every arrow the paper states goes one column to the right"
    # The prospects are projected, and opened by the mode, not by the paradigm shift (abstract, IV).
    projected = book.framework_edges[book.framework_edges.relation == "projected"]
    assert set(projected.from_id) == {"active_docking"}
    assert set(projected.to_id) == {"new_space", "new_tasks", "new_goals", "new_performance"}


def test_coding_covers_every_event_but_the_segmented_era(book):
    coded = drivers.code_events(book)
    uncoded = drivers.uncoded_events(book, coded)
    # The chapter's prose says the uncoded events are those of the segmented era.
    assert set(uncoded.era_id) == {"segmented"}
    assert set(coded.driver_id) == {"planning_lead", "consensus_synergy", "pull_push"}
    pairs = set(zip(coded.event_id, coded.driver_id))
    assert ("shanghai_delegation_2017", "pull_push") in pairs
    assert ("joint_meeting_1992", "consensus_synergy") in pairs
    assert ("plan_2016_issued", "planning_lead") in pairs


def test_facts_glued_into_the_prose(book):
    facts = {name: int(str(f)) for name, f in drivers.facts(book).items()}
    coded = drivers.code_events(book)
    assert facts["n_coded_events"] == coded.event_id.nunique()
    assert facts["n_coded_events"] + facts["n_uncoded_events"] == len(
        book.events[book.events.section.str.split(".").str[0].isin(["I", "II"])])
    assert facts["n_links"] == len(book.framework_edges)
    # Filed under II.1 (the other reading of the paper), the Zhejiang plan joins the coded events.
    assert facts["n_coded_events_b"] == facts["n_coded_events"] + 1
    assert all(f.kind == "coded" for name, f in drivers.facts(book).items() if "coded" in name or "multi" in name)


# --- the Chinese edition ----------------------------------------------------------------

# What may stay Latin in the Chinese edition: MyST roles and code spans (citations, file and
# field names), section locators (II.4), the data's identifiers and codes, and file names.
ROLE_OR_CODE = re.compile(r"\{[\w:-]+\}`[^`]*`|`[^`]*`")
FILE_NAME = re.compile(r"[A-Za-z0-9_-]+\.(?:csv|bib|json|topojson)(?![A-Za-z])")
NUMBER = re.compile(r"\d+")
CJK = re.compile(r"[\u4e00-\u9fff]")
CODES = {"relation", "leads_to", "projected", "datum", "label"}  # the legend's lookup of the relations' words


def english_words(text, identifiers=()) -> list[str]:
    text = FILE_NAME.sub("", ROLE_OR_CODE.sub("", str(text)))
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if not re.fullmatch(r"[IVX]+", w) and w not in identifiers]


def chinese_caption_and_headings(table) -> list[str]:
    with language.using("zh"):
        caption = table.zh.full_caption()
    return english_words(caption) + [w for heading in table.zh.frame.columns for w in english_words(heading)]


def chart_words(spec: dict) -> list[str]:
    """Every title (axis, legend, tooltip), legend label expression and the description of a chart."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description", "labelExpr") and isinstance(value, (str, list)):
                    found.extend([value] if isinstance(value, str) else value)
                elif key not in ("datasets", "data", "usermeta"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return found


def assert_chinese_chart(chart, identifiers=()):
    zh, en = chart.zh.to_dict(), chart.en.to_dict()
    words = chart_words(zh)
    assert words and all(CJK.search(w) for w in words if not w.startswith("{")), words
    assert not [w for text in words for w in english_words(text, identifiers)]
    # The alt text says the same numbers in both editions.
    assert sorted(NUMBER.findall(zh["description"])) == sorted(NUMBER.findall(en["description"]))
    # The Chinese data carries no English column.
    columns = {c for rows in zh.get("datasets", {}).values() for row in rows for c in row}
    assert not [c for c in columns if c.endswith("_en")], columns
    # Drawn, it fits the print width.
    charts.enable()
    assert render.render(zh)[render.SPEC_MIME]["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH
    return zh



def test_chinese_framework_in_both_layouts(book):
    nodes = drivers.framework_nodes(book)
    chart = charts.drivers.framework(nodes, drivers.framework_links(book, nodes))
    zh = assert_chinese_chart(chart, CODES)
    narrow = zh["usermeta"]["yrdbook"]["narrow"]
    assert narrow["description"] == zh["description"] and "自左至右" in zh["description"]
    assert render.render(narrow)[render.SPEC_MIME]["usermeta"]["yrdbook"]["width"] <= 360
    assert not [w for text in chart_words(narrow) for w in english_words(text, CODES)]
    for spec in (zh, narrow):
        texts = [layer["encoding"]["text"]["field"] for layer in spec["layer"] if "text" in layer.get("encoding", {})]
        assert set(texts) == {"label_zh", "header"}, "the Chinese boxes carry Chinese labels only"
        rows = [row for rows in spec["datasets"].values() for row in rows]
        assert {row["header"] for row in rows if "header" in row} == {label for _, _, label in drivers.LAYERS}
        assert not [row["label_zh"] for row in rows if "label_zh" in row and not CJK.search(row["label_zh"])]
    # The English edition is unchanged: its boxes carry both names and its headers both languages.
    english = chart.en.to_dict()
    assert "Compound driver\n复合动力" in json.dumps(english, ensure_ascii=False).replace("\\n", "\n")


def test_chinese_evidence_chart(book):
    coded = drivers.code_events(book)
    zh = assert_chinese_chart(charts.drivers.evidence(coded, book.drivers))
    assert zh["layer"][0]["encoding"]["color"]["scale"]["domain"] == list(book.drivers.sort_values("driver_order").short_zh)
    assert "规划引领动力9个事件" in zh["description"]


def test_chinese_tables(book):
    coded = drivers.code_events(book)
    tables = [drivers.components_table(book), drivers.codebook_table(book, coded),
              drivers.summary_table(drivers.evidence_summary(book, coded))]
    for table in tables:
        assert chinese_caption_and_headings(table) == [], table.name
        assert table.zh.frame.shape == table.en.frame.shape and table.zh.name == table.en.name
    components, codebook, summary = (table.zh.frame for table in tables)
    assert set(components["类型"]) <= {zh for _, zh in drivers.COMPONENT_KINDS.values()}
    assert set(components["动力"]) - {""} == set(book.drivers.short_zh)
    assert list(codebook["规则说明"]) == list(book.driver_codebook.rule_zh)
    assert "level = regional 或 provincial 或 joint" in set(codebook["字段 = 取值"])
    assert list(summary["动力"]) == list(book.drivers.sort_values("driver_order").name_zh)
    assert list(summary["事件数"]) == list(tables[2].en.frame["Events"])


def test_component_kinds_have_chinese_words():
    package = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    components = next(r for r in package["resources"] if r["name"] == "driver_components")
    kind = next(f for f in components["schema"]["fields"] if f["name"] == "kind")
    assert set(kind["constraints"]["enum"]) == set(drivers.COMPONENT_KINDS)
    assert set(charts.drivers.RELATIONS) == {"leads_to", "projected"}


# --- tables of chapters/common.py (drawn by chapters 2 and 4) ----------------------------

def test_chinese_chronology_and_lists(book):
    steps = common.chronology(book)
    table = common.chronology_table(steps)
    assert chinese_caption_and_headings(table) == []
    zh = table.zh.frame
    assert list(zh["城市"]) == list(steps.city_zh) and list(zh["日期"]) == list(steps.date_zh)
    assert set(zh["类型"]) <= {word for _, word in EVENT_KINDS.values()}
    assert not [w for cell in zh["层级（本书的分类）"] for w in english_words(cell)]
    # A caller that draws in both languages words its own caption.
    with language.using("zh"):
        assert common.chronology_table.__wrapped__(steps, caption="题注").caption == "题注"


def test_every_list_table_of_the_notebooks_has_a_chinese_caption(book):
    calls = re.compile(r'common\.lists_table\(book, (\[[^\]]*\]),\s*name="([\w-]+)"')
    shown = {}
    for notebook in (REPO / "book").glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for ids, name in calls.findall("".join(cell["source"])):
                shown[name] = json.loads(ids)
    assert set(shown) == set(common.LIST_CAPTIONS_ZH)
    for name, ids in shown.items():
        table = common.lists_table(book, ids, name=name, caption="English caption")
        assert chinese_caption_and_headings(table) == [], name
        assert not [w for cell in table.zh.frame.iloc[:, [0, 2]].stack() for w in english_words(cell)], name
