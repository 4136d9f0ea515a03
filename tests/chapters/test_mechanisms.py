"""Chapter 4 (paper section III): the mechanisms and the paper's Tables 1 and 2, checked against the paper;
and the chapter's tables and figures in the Chinese edition."""

import re

import pytest

from yrdbook import charts, language
from yrdbook.chapters import mechanisms
from yrdbook.charts import render, theme


# Table 1 and Table 2 as printed in the paper (section III.3), cell by cell.
TABLE_1 = {
    "heading": "嘉兴市2016年深化接轨上海重点项目",
    "project": "加快创建全面接轨上海示范区",
    "contents": [
        "上半年制订嘉兴市全面接轨上海示范区建设方案，上报省委、省政府，推动省级层面建立接轨上海协调推进工作机制，并给予政策支持",
        "三季度梳理明确需要省协调解决的接轨上海重点难点清单",
        "学习上海改革经验，探索建设政府服务“单一窗口”，全面推行政府目标管理，继续深化审批制度改革，努力实现服务规则、政务环境与上海“无差别”",
    ],
    "牵头领导": "孙贤龙、楼建明",
    "责任单位": "市委政研室、市发展改革委",
    "配合单位": "市行政服务中心、市市场监管局、嘉兴经济技术开发区（国际商务区）、嘉兴港区、各县（市、区）",
}
TABLE_2_ROWS = [
    ("加快创建全面接轨上海示范区", "见表1重点项目一", None),
    ("年内完成新一轮嘉兴市域总体规划以及嘉兴南站综合交通枢纽规划", "市建委", "嘉通集团"),
    ("上半年完成沪嘉边界区域发展及规划研究课题", "市建委、市发展改革委", ""),
    ("试点探索企业名称预核准申报制度，年内全面启动对审批部门和申请人的“双告知”制度", "市市场监管局", "市行政服务中心、各县（市、区）"),
]


def test_table_1_cells(book):
    meta = book.paper_tables.set_index("table_id").loc["table1"]
    assert (meta.number, meta.title_zh, meta.heading_zh) == (1, "规划政策对接重点项目表", TABLE_1["heading"])
    tasks = book.table_tasks.query("table_id == 'table1'").set_index("task_no").content_zh
    assert tasks[0] == TABLE_1["project"]
    assert [tasks[n] for n in (1, 2, 3)] == TABLE_1["contents"]
    for role_zh, role in (("牵头领导", "lead_leader"), ("责任单位", "responsible_unit"), ("配合单位", "cooperating_unit")):
        assert mechanisms.parties(book, "table1", 0, role, "zh") == TABLE_1[role_zh]
    rendered = mechanisms.paper_table_1(book).to_myst()
    for text in [TABLE_1["heading"], TABLE_1["project"], *TABLE_1["contents"], TABLE_1["牵头领导"], TABLE_1["配合单位"]]:
        assert text in rendered
    assert "表1 规划政策对接重点项目表" in rendered


def test_table_2_cells(book):
    meta = book.paper_tables.set_index("table_id").loc["table2"]
    assert (meta.number, meta.title_zh, meta.heading_zh) == (2, "规划政策对接任务分解表", "嘉兴市2016年深化接轨上海工作任务分解表")
    tasks = book.table_tasks.query("table_id == 'table2'").set_index("task_no")
    assert tasks.content_zh[0] == "规划政策对接行动"
    assert mechanisms.parties(book, "table2", 0, "overall_lead_unit", "zh") == "市发展改革委、市委政研室"
    for number, (content, responsible, cooperating) in enumerate(TABLE_2_ROWS, start=1):
        assert tasks.content_zh[number] == content
        if number == 1:
            assert tasks.refers_to[number] == "table1"
            continue
        assert mechanisms.parties(book, "table2", number, "responsible_unit", "zh") == responsible
        assert mechanisms.parties(book, "table2", number, "cooperating_unit", "zh") == cooperating
    rendered = mechanisms.paper_table_2(book).to_myst()
    assert "规划政策对接行动（总牵头单位：市发展改革委、市委政研室）" in rendered
    assert "见表1重点项目一" in rendered
    for content, responsible, cooperating in TABLE_2_ROWS:
        assert content in rendered and responsible in rendered and (cooperating or "") in rendered


def test_lead_leaders_and_roles(book):
    people = book.people.set_index("name_zh")
    assert people.title_zh["孙贤龙"] == "嘉兴市委副书记、政法委书记"
    assert people.title_zh["楼建明"] == "嘉兴市委常委、常务副市长"
    counts = mechanisms.role_counts(mechanisms.responsibility_table(book)).set_index("role").assignments
    assert counts.to_dict() == {"lead_leader": 2, "overall_lead_unit": 2, "responsible_unit": 6, "cooperating_unit": 8}
    resp = mechanisms.responsibility_table(book)
    # The chapter says these two units appear both as overall leads and as responsible units.
    for unit in ("市发展改革委", "市委政研室"):
        assert {"overall_lead_unit", "responsible_unit"} <= set(resp[resp.party_zh == unit].role)


def test_haimen_55580(book):
    plan = mechanisms.haimen_55580(book)
    assert plan.groupby("part").size().to_dict() == {"haimen_five_projects": 5, "haimen_five_bases": 5, "haimen_five_targets": 5}
    assert (plan.dropna(subset=["target_percent"]).target_percent == 80).all()
    assert len(plan.dropna(subset=["target_percent"])) == 5


def test_comprehensive_docking_lists(book):
    items = book.list_items.groupby("list_id").size()
    assert items["jiaxing_six_domains"] == 6
    assert items["nantong_five_principles"] == 5
    assert items["nantong_eight_tasks"] == 8
    coverage = mechanisms.domain_coverage(book)
    shares = mechanisms.hard_soft_shares(coverage).set_index("city_id")
    assert shares["items"].to_dict() == {"jiaxing": 6, "nantong": 13}
    assert shares.hard_share["jiaxing"] + shares.soft_share["jiaxing"] == pytest.approx(1)
    # Infrastructure and transport are hard, ecology and culture soft, as the paper says.
    classes = book.domains.set_index("domain_id")["class"]
    assert classes[["infrastructure", "transport"]].eq("hard").all()
    assert classes[["planning_policy", "market", "public_service", "ecology", "culture_tourism"]].eq("soft").all()


def test_finance_and_police(book):
    assert len(book.list_items.query("list_id == 'jiaxing_finance_tasks'")) == 4
    police = book.lists.set_index("list_id").loc["nantong_police_measures"]
    assert (police.stated_count, police.completeness) == (8, "examples")


def test_facts_glued_into_the_prose(book):
    facts = {name: str(f) for name, f in mechanisms.facts(book).items()}
    assert facts["haimen_target"] == "80 per cent" and facts["haimen_hedged"] == "2"  # 80% 以上, 超过 80%
    assert facts["finance_target"] == "at least 45 亿元"  # 45 亿元以上
    assert (facts["n_assignments"], facts["n_parties"]) == ("18", "11")
    assert mechanisms.facts(book)["jiaxing_soft"].kind == "coded"  # rests on the book's classes


def test_soft_shares_under_three_codings(book):
    coverage = mechanisms.domain_coverage(book)
    shares = {c: mechanisms.hard_soft_shares(coverage, c).set_index("city_id") for c in mechanisms.CODINGS}
    # Counting only the paper's own classes leaves out the items in the book's four classes.
    assert (shares["paper"]["items"] < shares["book"]["items"]).all()
    assert shares["book"].soft_share["jiaxing"] == pytest.approx(0.5)
    # In every coding both cities have soft items.
    assert all((s.soft_items > 0).all() for s in shares.values())


# --- the Chinese edition ---------------------------------------------------------------

# What may stay Latin in Chinese: MyST roles ({cite:p}`ref22`), code spans (file names) and the
# paper's section locators (III.1).
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
CODE = re.compile(r"`[^`]*`")
LOCATOR = re.compile(r"(?<![A-Za-z])[IVX]+(\.\d+)?(?![A-Za-z])")  # not \b: 至III is one word to re
CJK = re.compile(r"[\u4e00-\u9fff]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def english_words(text) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", LOCATOR.sub("", CODE.sub("", ROLE.sub("", str(text)))))


TABLES = {
    "tbl-intensive-planning": lambda b: mechanisms.intensive_planning_table(mechanisms.intensive_planning_sequence(b)),
    "tbl-domains": lambda b: mechanisms.domains_table(b),
    "tbl-hard-soft": lambda b: mechanisms.coverage_table(mechanisms.hard_soft_shares(mechanisms.domain_coverage(b))),
    "tbl-hard-soft-codings": lambda b: mechanisms.codings_table(mechanisms.domain_coverage(b)),
    "tbl-paper-table-1": lambda b: mechanisms.paper_table_1(b),
    "tbl-paper-table-2": lambda b: mechanisms.paper_table_2(b),
    "tbl-responsibilities": lambda b: mechanisms.responsibility_matrix_table(mechanisms.responsibility_table(b)),
    "tbl-role-counts": lambda b: mechanisms.role_counts_table(mechanisms.role_counts(mechanisms.responsibility_table(b))),
    "tbl-coordination-bodies": lambda b: mechanisms.coordination_bodies_table(b),
}
@pytest.mark.parametrize("name", TABLES)
def test_chinese_table_caption_is_chinese(book, name):
    table = TABLES[name](book)
    assert (table.en.name, table.zh.name) == (name, name)
    with language.using("zh"):
        caption = table.zh.full_caption()
    assert CJK.search(caption) and not english_words(caption), caption
    assert "数据：" in caption


@pytest.mark.parametrize("name", TABLES)
def test_chinese_table_headings_and_cells_are_chinese(book, name):
    frame = TABLES[name](book).zh.frame
    assert all(CJK.search(str(heading)) and not english_words(heading) for heading in frame.columns), list(frame.columns)
    english = [cell for cell in frame.astype(str).values.ravel() if english_words(cell)]
    assert not english, english


def test_chinese_tables_1_and_2_use_the_papers_headings(book):
    table_1 = mechanisms.paper_table_1(book).zh.frame
    assert list(table_1.columns) == [TABLE_1["heading"], TABLE_1["project"]]
    assert list(table_1.iloc[:, 0]) == ["具体内容", "牵头领导", "责任单位", "配合单位"]
    assert table_1.iloc[0, 1].split("\n") == [f"{n}．{text}" for n, text in enumerate(TABLE_1["contents"], start=1)]
    assert list(table_1.iloc[1:, 1]) == [TABLE_1["牵头领导"], TABLE_1["责任单位"], TABLE_1["配合单位"]]
    table_2 = mechanisms.paper_table_2(book).zh.frame
    assert list(table_2.columns) == ["内容", "责任单位", "配合单位"]
    assert table_2.iloc[0, 0] == "规划政策对接行动（总牵头单位：市发展改革委、市委政研室）"
    assert table_2.iloc[1, 1] == "见表1重点项目一"
    for (content, responsible, cooperating), row in zip(TABLE_2_ROWS[1:], table_2.iloc[2:].itertuples(index=False)):
        assert content in row[0] and list(row[1:]) == [responsible, cooperating]
    with language.using("zh"):
        assert "表1 规划政策对接重点项目表" in mechanisms.paper_table_1(book).zh.caption
        assert "嘉兴市2016年深化接轨上海工作任务分解表" in mechanisms.paper_table_2(book).zh.caption


def test_english_tables_unchanged_by_the_chinese_edition(book):
    codings = mechanisms.codings_table(mechanisms.domain_coverage(book)).en.frame
    assert list(codings.columns) == ["Coding (the book's)", "City", "Items counted", "Hard share", "Soft share"]
    assert list(codings["Coding (the book's)"] != "") == [True, False] * 3
    assert list(mechanisms.domains_table(book).en.frame.columns) == ["Domain 领域", "Class", "Classed by", "Why"]
    table_2 = mechanisms.paper_table_2(book).en.frame
    assert table_2.iloc[1, 2] == "(the paper's cell spans both unit columns)"
    assert "Specific contents" in mechanisms.paper_table_1(book).en.to_myst()


FIGURES = {
    "fig-mechanism-evidence": lambda b: charts.mechanisms.mechanism_evidence(mechanisms.mechanism_evidence(b)),
    "fig-haimen-55580": lambda b: charts.mechanisms.haimen_55580(mechanisms.haimen_55580(b)),
    "fig-domain-coverage": lambda b: charts.mechanisms.domain_coverage(mechanisms.domain_coverage(b)),
    "fig-responsibilities": lambda b: charts.mechanisms.responsibilities(mechanisms.responsibility_table(b)),
}


def titles(spec) -> list[str]:
    """Every title of a chart (axes, legends, tooltips, the chart's own), lines of a title apart."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("datasets", "usermeta", "config"):
                continue
            if key == "title" and value is not None:
                found += value if isinstance(value, list) else [value]
            else:
                found += titles(value)
    elif isinstance(spec, list):
        for item in spec:
            found += titles(item)
    return found


def labels(spec) -> list[str]:
    """The text values of every field a chart shows as a category, a tooltip or a text mark."""
    fields = set()

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") in ("nominal", "ordinal") and "field" in node:
                fields.add(node["field"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in spec.items() if k != "datasets"})
    rows = [row for dataset in spec["datasets"].values() for row in dataset]
    return [row[f] for row in rows for f in fields if isinstance(row.get(f), str)]


@pytest.fixture(scope="module")
def figures(book):
    charts.enable()
    return {name: make(book) for name, make in FIGURES.items()}


@pytest.mark.parametrize("name", FIGURES)
def test_chinese_figure_words_are_chinese(figures, name):
    with language.using("zh"):
        spec = figures[name].zh.to_dict()
    assert CJK.search(spec["description"]) and not english_words(spec["description"]), spec["description"]
    english = [t for t in titles(spec) if not CJK.search(t) or english_words(t)]
    assert not english, english
    english = sorted({label for label in labels(spec) if english_words(label)})
    assert not english, english


@pytest.mark.parametrize("name", FIGURES)
def test_chinese_description_states_the_english_numbers(figures, name):
    english, chinese = figures[name].en.to_dict()["description"], figures[name].zh.to_dict()["description"]
    assert not CJK.search(english.replace("55580", ""))
    assert sorted(NUMBER.findall(chinese)) == sorted(NUMBER.findall(english)), (english, chinese)


@pytest.mark.parametrize("name", FIGURES)
def test_chinese_figure_fits_the_print_width(figures, name):
    with language.using("zh"):
        bundle = render.render(figures[name].zh.to_dict())  # raises if a chart of panels is too wide
    assert bundle[render.SPEC_MIME]["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH


def test_chinese_facts(book):
    with language.using("zh"):
        facts = {name: str(f) for name, f in mechanisms.facts(book).items()}
    assert facts["haimen_target"] == "80%"
    assert facts["finance_target"] == "45亿元以上"  # the paper: 全年引进金融资本45亿元以上
    assert (facts["n_assignments"], facts["n_parties"]) == ("18", "11")
