"""Chapter 5 (paper section IV): the city-cluster plans and the seven dimensions, checked against the paper."""

from yrdbook.chapters import conclusion


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
