"""Chapter 3 (paper section II.4): the framework drawn from data, and the book's coding of events."""

from yrdbook.chapters import drivers


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
