"""Chapter 2 (paper sections II.1–II.3): facts computed from data/, checked against the paper's figures;
the Chinese edition's tables and figures."""

import re

import pytest

from yrdbook import charts, data, language
from yrdbook.chapters import common, docking
from yrdbook.charts import render, theme
from support.chinese import CJK, MYST_OPTIONS, chart_words, english_words, fields


def test_delegation(book):
    visit = data.event(book, "shanghai_delegation_2017")
    assert (visit.date, visit.end_date) == ("2017-12-06", "2017-12-07")  # 2017年12月6—7日
    assert "李强" in visit.actor_zh and "应勇" in visit.actor_zh
    assert "安徽、江苏、浙江" in visit.title_zh
    assert len(data.list_items(book, "delegation_priorities")) == 5


def test_chronologies_cover_2004_to_2017(book):
    steps = common.chronology(book)
    assert steps.when.min().year == 2004 and steps.when.max().year == 2017
    jiaxing = steps[steps.docking_city == "jiaxing"].set_index("event_id")
    assert jiaxing.date["zhejiang_approves_zone_2017"] == "2017-03"
    assert jiaxing.date["zhejiang_implementation_plan_2017"] == "2017-05-26"
    assert jiaxing.level["zhejiang_approves_zone_2017"] == "provincial"
    nantong = steps[steps.docking_city == "nantong"].set_index("event_id")
    assert nantong.date["jiangsu_approves_gateway_2017"] == "2017-05"
    assert nantong.date["haimen_55580_plan_2017"] == "2017-01"
    assert set(steps.level) <= {"city", "provincial", "joint"}


def test_planning_intensity(book):
    intensity = docking.planning_intensity(book).set_index(["city_id", "half_year"]).documents
    assert intensity["jiaxing", "2014 H1"] == 1  # the 2014 three-year action plan
    assert intensity["nantong", "2017 H1"] == 4  # Haimen plan, 13th FYP, police measures, provincial approval
    assert intensity["jiaxing", "2017 H1"] == 3  # approval, implementation plan, finance plan
    assert intensity[["nantong"]].loc[:, ["2014 H1", "2014 H2", "2015 H1", "2015 H2", "2016 H1", "2016 H2"]].sum() == 0


def test_amounts_match_the_paper(book):
    a = data.amounts(book).set_index("amount_id")
    # Nantong's 2017 investment week: 94 projects, 1 772 亿元.
    assert (a.value["nantong_week_projects"], a.unit["nantong_week_projects"]) == (94, "个")
    assert (a.value["nantong_week_investment"], a.unit["nantong_week_investment"]) == (1772, "亿元")
    assert a.base_value["nantong_week_investment"] == 177_200_000_000
    # The Zhongtong project's five figures: 150 亩, 7500 万美元, 5000 万美元, 8 亿元, 3 800 万元.
    zhongtong = {k: (a.value[k], a.unit[k]) for k in a.index if k.startswith("zhongtong")}
    assert zhongtong == {"zhongtong_area": (150, "亩"), "zhongtong_investment": (7500, "万美元"),
                         "zhongtong_registered_capital": (5000, "万美元"), "zhongtong_output": (8, "亿元"),
                         "zhongtong_tax": (3800, "万元")}
    assert a.base_value["zhongtong_area"] == pytest.approx(100_000)  # 150 × 10000/15 m²
    assert a.base_unit["zhongtong_investment"] == "US dollar"  # no exchange rate applied
    assert a.base_value["zhongtong_tax"] == 38_000_000
    # Xiangjiadang: 15 亿元 investment, 27 亿元 output, 1 亿元 tax; Jiaxing conference: 30+ agreements.
    assert [a.value[k] for k in ("xiangjiadang_investment", "xiangjiadang_output", "xiangjiadang_tax")] == [15, 27, 1]
    assert (a.value["jiaxing_conference_agreements"], a.qualifier["jiaxing_conference_agreements"]) == (30, "more_than")
    assert (a.value["jiaxing_finance_target"], a.qualifier["jiaxing_finance_target"]) == (45, "at_least")


def test_derived_ratios_are_labelled_as_the_books(book):
    ratios = docking.derived_ratios(book).set_index("ratio_id")
    assert ratios.value["xiangjiadang_output_per_investment"] == pytest.approx(27 / 15)
    assert ratios.value["zhongtong_tax_share_of_output"] == pytest.approx(0.38 / 8)
    table = docking.ratios_table(docking.derived_ratios(book)).to_myst()
    assert "the book's own" in table and "not the paper's" in table


@pytest.mark.parametrize("list_id, count", [
    ("jiaxing_2020_goals", 5), ("nantong_five_bases", 5), ("jiaxing_five_demonstrations", 5),
    ("jiaxing_conference_areas", 4), ("g60_five_areas", 5), ("g60_three_fields", 3),
])
def test_enumerations_have_the_papers_length(book, list_id, count):
    assert len(data.list_items(book, list_id)) == count


def test_facts_glued_into_the_prose(book):
    facts = {name: str(f) for name, f in docking.facts(book).items()}
    kinds = {name: f.kind for name, f in docking.facts(book).items()}
    assert facts["delegation_dates"] == "6–7 December 2017"  # 2017年12月6—7日, a range
    assert facts["nantong_investment"] == "1,772 亿元" and facts["nantong_projects"] == "94"
    assert facts["zhongtong_investment"] == "7,500 万美元" and facts["zhongtong_area"] == "150 亩"
    assert facts["jiaxing_agreements"] == "more than 30"  # 三十多个: the hedge is kept
    assert kinds["nantong_investment"] == "paper" and kinds["jiaxing_docs_2017"] == "coded"
    # Nantong's outline: 2017-02 in the text, 2016-02-06 in reference [12]; the counts under both readings.
    assert (facts["nantong_docs_2017"], facts["nantong_docs_before"]) == ("5", "0")
    assert (facts["nantong_docs_2017_b"], facts["nantong_docs_before_b"]) == ("4", "1")


# --- the Chinese edition's tables and figures ------------------------------------------------

def numbers(text: str) -> list[str]:
    """The numbers of a description, the months and days of a Chinese date and the H of a
    half-year ("2017 H1") left out: they are the same numbers in both editions."""
    text = re.sub(r"\bH[12]\b|\d+月|\d+日", "", text)
    return sorted(re.findall(r"\d+(?:\.\d+)?", re.sub(r"(?<=\d),(?=\d{3})", "", text)))


def figures(book):
    return {
        "chronologies": charts.docking.chronologies(common.chronology(book)),
        "planning_intensity": charts.docking.planning_intensity(docking.planning_intensity(book)),
        "outcomes": charts.docking.outcomes(docking.outcome_amounts(book)),
    }


def tables(book):
    return {
        "amounts": docking.amounts_table(docking.outcome_amounts(book)),
        "planning_readings": docking.planning_readings_table(book),
        "ratios": docking.ratios_table(docking.derived_ratios(book)),
    }


def test_chinese_tables_have_no_english_word(book):
    for name, table in tables(book).items():
        with language.using("zh"):
            text = MYST_OPTIONS.sub("", table.zh.to_myst())
        assert CJK.search(table.zh.caption), name
        assert not english_words(text), f"{name}: {english_words(text)}"
        assert all(CJK.search(str(heading)) for heading in table.zh.frame.columns if heading != "序号"), name


def test_english_tables_are_unchanged(book):
    amounts = tables(book)["amounts"].en
    assert list(amounts.frame.columns) == ["What 对象", "Measure", "Stated by the paper (with its hedge)",
                                           "In a base unit (computed)", "Source"]
    assert "more than 30 个" in amounts.to_myst() and "expected 3,800 万元" in amounts.to_myst()
    assert list(tables(book)["planning_readings"].en.frame["Half-year"])[0] == "2014 H1"


def test_chinese_amounts_keep_the_papers_wording_and_hedges(book):
    with language.using("zh"):
        text = tables(book)["amounts"].zh.to_myst()
    for stated in ("30多个", "预计27亿元", "预计3800万元", "7500万美元", "1772亿元", "45亿元以上", "150亩"):
        assert f"  - {stated}\n" in text, stated  # as the paper prints them (3 800万 is 3800万)
    assert "177,200,000,000元" in text and "100,000平方米" in text


@pytest.mark.parametrize("name", ["chronologies", "planning_intensity", "outcomes"])
def test_chinese_figures_are_worded_in_chinese(book, name):
    drawing = figures(book)[name]
    chinese, english = drawing.zh.to_dict(), drawing.en.to_dict()
    words = chart_words(chinese)
    assert words and all(CJK.search(w) for w in words), [w for w in words if not CJK.search(w)]
    assert not [w for w in words if english_words(w)], [w for w in words if english_words(w)]
    assert not {f for f in fields(chinese) if f.endswith("_en")}, "an English column is drawn"
    assert numbers(chinese["description"]) == numbers(english["description"])


def test_chinese_figures_fit_the_print_width(book):
    charts.enable()
    for name, drawing in figures(book).items():
        spec = render.render(drawing.zh.to_dict())[render.SPEC_MIME]
        assert spec["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH, name


def test_chinese_facts(book):
    with language.using("zh"):
        facts = {name: str(f) for name, f in docking.facts(book).items()}
    assert facts["delegation_dates"] == "2017年12月6—7日"
    assert facts["jiaxing_agreements"] == "30多"  # 三十多个 (协议): the hedge is kept, the count reads as a number
    assert (facts["nantong_investment"], facts["nantong_projects"]) == ("1772亿元", "94")
    assert (facts["zhongtong_investment"], facts["zhongtong_area"]) == ("7500万美元", "150亩")
