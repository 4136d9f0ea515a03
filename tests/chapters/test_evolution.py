"""Chapter 1 (paper section I): numbers computed from data/, checked against what the paper states."""

from yrdbook.chapters import evolution


def test_council_growth_matches_the_paper(book):
    growth = evolution.council_growth(book)
    # Paper, section I.2: 14 cities (1992), 15 (1997), 16 (2003), 22 (2010), 30 (2013).
    assert list(growth.date.str[:4]) == ["1992", "1997", "2003", "2010", "2013"]
    assert list(growth.members) == [14, 15, 16, 22, 30]
    assert list(growth.admitted) == [14, 1, 1, 6, 8]
    # The paper states the size after 1992, 1997 and 2013 only; where it does, the roster agrees.
    stated = growth[growth.stated_by_paper.notna()]
    assert list(stated.date.str[:4]) == ["1992", "1997", "2013"]
    assert (stated.members == stated.stated_by_paper).all()
    assert growth.stated_by_paper.isna().sum() == 2


def test_council_coverage_grows_from_two_plus_one_to_three_plus_one(book):
    growth = evolution.council_growth(book)
    assert growth.coverage_zh.iloc[0] == "两省一市"
    assert growth.coverage_zh.iloc[-1] == "三省一市"
    waves = evolution.provinces_by_wave(book)
    assert waves.set_index("date").newly_reached["2010-03"] == "AH"


def test_named_admissions(book):
    roster = evolution.members_by_wave(book).set_index("name_zh")
    assert roster.wave["台州"] == "2003-08"
    assert roster.wave["泰州"] == "1997"
    assert set(roster[roster.wave == "2010-03"].index) == {"合肥", "盐城", "马鞍山", "金华", "淮安", "衢州"}
    assert set(roster[roster.wave == "2013-04-13"].index) == {"徐州", "芜湖", "滁州", "淮南", "丽水", "温州", "宿迁", "连云港"}


def test_planned_scopes_match_the_paper(book):
    scopes = evolution.scope_summary(book).set_index("group_id")
    assert scopes.cities["plan_2010"] == 16  # 《长江三角洲地区区域规划》: 16 cities, 两省一市
    assert scopes.coverage_zh["plan_2010"] == "两省一市"
    assert scopes.cities["plan_2016"] == 26  # 《长江三角洲城市群发展规划》: 26 cities, 三省一市
    assert scopes.coverage_zh["plan_2016"] == "三省一市"
    # Shanghai plus the eight cities listed in I.1, plus Shaoxing added later.
    assert scopes.cities["sez_1983"] == 10


def test_five_metropolitan_circles(book):
    circles = book.groupings[book.groupings.kind == "metropolitan_circle"]
    assert evolution.circle_count(book) == 5
    assert set(circles.name_zh) == {"南京都市圈", "杭州都市圈", "合肥都市圈", "苏锡常都市圈", "宁波都市圈"}
    members = book.memberships[book.memberships.group_id.isin(circles.group_id)]
    plan = set(book.memberships[book.memberships.group_id == "plan_2016"].city_id)
    assert set(members.city_id) <= plan, "every circle city lies in the 2016 plan"


def test_era_comparison_carries_the_papers_phrases(book):
    eras = evolution.era_comparison(book).set_index("era_id")
    assert list(eras.index) == ["segmented", "economic_cooperation", "integrated_collaborative", "active_docking"]
    # Three governance modes; active docking is a mode of cooperation within the third, with no performance phrase.
    assert list(eras.kind) == ["governance_mode"] * 3 + ["cooperation_mode"]
    assert book.eras.set_index("era_id").within_era_id["active_docking"] == "integrated_collaborative"
    assert eras.performance_zh.isna()["active_docking"] or eras.performance_zh["active_docking"] == ""
    assert eras.performance_zh["segmented"] == "分而不合"
    assert eras.performance_zh["economic_cooperation"] == "议而不决、决而不行"
    assert eras.performance_zh["integrated_collaborative"] == "议而有决、决而有行"
    assert eras.period["segmented"] == "1982–1988"
    assert "joint meeting of 14 cities (1992) → council of 15 (1997) → 30 cities (2013)" in eras.scope_en["economic_cooperation"]
    assert "Shanghai and 8 cities, 1 added later" in eras.scope_en["segmented"]
    assert "16 cities" in eras.scope_en["integrated_collaborative"]
    assert "26 cities" in eras.scope_en["integrated_collaborative"]


def test_segmented_era_dates(book):
    events = book.events.set_index("event_id")
    assert events.date["sez_notice_1982"] == "1982-12-22"
    assert events.date["sez_office_1983"] == "1983-03-22"
    assert events.date["sez_abolished_1988"] == "1988-06-01"
    assert evolution.era_length_years(book, "segmented") == 6


def test_timeline_covers_every_section_one_event(book):
    timeline = evolution.timeline_events(book)
    assert len(timeline) == (book.events.section.str.startswith("I.") | (book.events.section == "I")).sum()
    assert timeline.when.is_monotonic_increasing
    assert timeline.when.iloc[0].year == 1982


def test_tables_name_and_caption(book):
    table = evolution.era_table(evolution.era_comparison(book))
    text = table.to_myst()
    assert text.startswith(":::{list-table} ")
    assert ":name: tbl-era-comparison" in text
    assert "分而不合\\\n" in text and "divided and never combined" in text
    assert "{cite:p}`source_paper`" in text


def test_facts_glued_into_the_prose(book):
    facts = {name: (str(f), f.kind, f.detail) for name, f in evolution.facts(book).items()}
    # The paper states 14 (1992), 30 (2013), 16 and 26 plan cities and five circles (I.2, I.3).
    assert (facts["council_first"], facts["council_last"]) == (("14", "paper", "I.2"), ("30", "paper", "I.2"))
    assert [facts[k] for k in ("n_plan_2010", "n_plan_2016", "n_circles")] == [
        ("16", "paper", "I.3"), ("26", "paper", "I.3"), ("5", "paper", "I.3")]
    # 22 March 1983 to 1 June 1988, computed; three governance modes, the book's count of the paper's names.
    assert facts["sez_office_span"] == ("5 years and 2 months", "computed", "")
    assert facts["n_governance_modes"] == ("3", "computed", "") and facts["n_waves"][:2] == ("5", "computed")
    assert facts["n_sez_notice_cities"][0] == "8" and facts["n_sez_cities"][0] == "10"
