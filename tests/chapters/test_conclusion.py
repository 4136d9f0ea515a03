"""Chapter 5 (paper section IV): the city-cluster plans and the seven dimensions, checked against the paper;
the Chinese edition's tables and figures."""

import re

import pytest

from yrdbook import charts, language
from yrdbook.chapters import conclusion
from yrdbook.charts import render, theme
from support.chinese import CJK, MYST_OPTIONS, chart_words, english_words


def test_cluster_plans(book):
    plans = conclusion.cluster_plans(book).set_index("plan_id")
    assert plans.date.to_dict() == {"jingjinji_outline_2015": "2015-04", "pan_prd_guidance_2016": "2016-03",
                                    "yrd_cluster_plan_2016": "2016-06", "gba_plan_2017": "2017-03", "xiongan_2017": "2017-04"}
    assert plans.stated_scope_zh["gba_plan_2017"] == "“9+2”"
    assert "雄县、容城、安新" in plans.stated_scope_zh["xiongan_2017"]


def test_seven_dimensions(book):
    dims = conclusion.integration_dimensions(book)
    assert len(dims) == 7
    assert dims.text_zh.iloc[0] == "区域发展规划一体化" and dims.text_zh.iloc[-1] == "区域合作制度体系一体化"
    links = conclusion.dimension_links(book)
    assert set(links.item_no) == set(range(1, 8)), "every dimension is linked"


def test_facts_glued_into_the_prose(book):
    facts = conclusion.facts(book)
    assert (str(facts["n_dimensions"]), facts["n_dimensions"].kind) == ("7", "computed")  # the list ends in 等
    assert str(facts["n_cluster_plans"]) == "5" and facts["n_comprehensive_links"].kind == "coded"


# --- the Chinese edition's tables and figures ------------------------------------------------

def numbers(text: str) -> list[str]:
    """The numbers of a description, the months of a Chinese date left out (the English names them)."""
    return sorted(re.findall(r"\d+", re.sub(r"\d+月", "", text)))


def figures(book):
    return {"cluster_plans": charts.conclusion.cluster_plans(conclusion.cluster_plans(book)),
            "dimension_links": charts.conclusion.dimension_links(conclusion.dimension_links(book))}


def tables(book):
    return {"cluster_plans": conclusion.cluster_plans_table(conclusion.cluster_plans(book)),
            "dimensions": conclusion.dimensions_table(book, conclusion.dimension_links(book))}


def test_chinese_tables_have_no_english_word(book):
    for name, table in tables(book).items():
        with language.using("zh"):
            text = MYST_OPTIONS.sub("", table.zh.to_myst())
        assert CJK.search(table.zh.caption), name
        assert not english_words(text), f"{name}: {english_words(text)}"
        assert all(CJK.search(str(heading)) for heading in table.zh.frame.columns), name
    with language.using("zh"):
        dimensions = tables(book)["dimensions"].zh.to_myst()
    assert "全面对接；共识协同动力" in dimensions and "“等”" in dimensions


def test_english_tables_are_unchanged(book):
    plans, dimensions = (table.en for table in tables(book).values())
    assert list(plans.frame.columns) == ["Date 日期", "Cluster 城市群", "Plan or decision 文件", "Scope the paper states", "Source"]
    assert plans.frame["Date 日期"].iloc[0] == "April 2015"
    assert "全面对接 comprehensive docking; 共识协同动力 consensus synergy" in dimensions.to_myst()


@pytest.mark.parametrize("name", ["cluster_plans", "dimension_links"])
def test_chinese_figures_are_worded_in_chinese(book, name):
    drawing = figures(book)[name]
    chinese, english = drawing.zh.to_dict(), drawing.en.to_dict()
    words = chart_words(chinese)
    assert words and all(CJK.search(w) for w in words), [w for w in words if not CJK.search(w)]
    assert not [w for w in words if english_words(w)], [w for w in words if english_words(w)]
    assert "_en" not in str({k: v for k, v in chinese.items() if k != "datasets"}), "an English column is drawn"
    assert numbers(chinese["description"]) == numbers(english["description"])


def test_chinese_figures_fit_the_print_width(book):
    charts.enable()
    for name, drawing in figures(book).items():
        spec = render.render(drawing.zh.to_dict())[render.SPEC_MIME]
        assert spec["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH, name


def test_the_books_linkage_gives_its_reasons_in_chinese(book):
    links = conclusion.dimension_links(book)
    assert links.rationale_zh.map(lambda text: bool(CJK.search(str(text)))).all()
    tooltips = str(figures(book)["dimension_links"].zh.to_dict())
    assert "rationale_zh" in tooltips and "理由（本书的推理）" in tooltips
