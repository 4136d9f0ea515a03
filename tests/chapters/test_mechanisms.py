"""Chapter 4 (paper section III): the mechanisms and the paper's Tables 1 and 2, checked against the paper."""

import pytest

from yrdbook.chapters import mechanisms


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
