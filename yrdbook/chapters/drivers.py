"""Chapter 3 · Three compound drivers (paper section II.4): the framework drawn from data,
and the book's own coding of events to the driver they evidence."""

import pandas as pd

from .. import dates
from ..data import FRAMEWORK_NODE_TABLES, BookData, with_reading_b
from ..language import field, in_both_languages, say
from ..provenance import coded, computed
from ..tables import BookTable, bilingual, bilingual_column, source_cell
from ..vocabulary import word

SECTION_NOTE = "zhejiang_plan_verb"  # source_notes.csv: the one event whose paper section is in dispute
# The framework's columns: the table of their nodes, and their heading in each edition.
LAYERS = [("drivers", "Compound driver 复合动力", "复合动力"), ("eras", "Mode 模式", "模式"),
          ("measures", "Measures 举措", "举措"), ("mechanisms", "Mechanisms 机制", "机制"),
          ("outcomes", "Paradigm 范式", "范式"), ("outcomes", "Prospects 前景 (projected)", "前景（预期）")]
# The words of driver_components.csv's kinds (its enumeration), in each edition.
COMPONENT_KINDS = {"strategy": ("strategy", "战略"), "goal": ("goal", "目标"), "plan": ("plan", "规划"),
                   "principle": ("principle", "原则"), "force": ("force", "力量"), "advantage": ("advantage", "优势")}


def framework_nodes(data: BookData) -> pd.DataFrame:
    """Every node of the framework figure, with its layer (column) and position within the layer.

    The paradigm shift (outcome_order 0) gets a column of its own after the mechanisms; the
    four prospects the paper projects (a new governance space, tasks, goals, performance, which
    it expects the new mode to open) stand in the last column.
    """
    edges = data.framework_edges
    used = set(edges.from_id) | set(edges.to_id)
    frames = []
    for layer_index, (table, label, label_zh) in enumerate(LAYERS):
        key = FRAMEWORK_NODE_TABLES[table]
        frame = getattr(data, table)
        frame = frame[frame[key].isin(used)]
        if table == "outcomes":
            frame = frame[(frame.outcome_order == 0) == label.startswith("Paradigm")]
        order_column = next(c for c in frame.columns if c.endswith("_order"))
        frame = frame.sort_values(order_column)
        frames.append(pd.DataFrame({
            "node_id": frame[key].values, "layer": layer_index, "layer_label": label, "layer_label_zh": label_zh,
            "position": range(len(frame)), "name_zh": frame.name_zh.values, "name_en": frame.name_en.values,
            "label_zh": frame.get("short_zh", frame.name_zh).values, "label_en": frame.get("short_en", frame.name_en).values,
            "section": frame.section.values, "source": frame.source.values,
        }))
    nodes = pd.concat(frames, ignore_index=True)
    # Centre each layer vertically so arrows run level across the figure.
    size = nodes.groupby("layer").position.transform("max")
    return nodes.assign(y=nodes.position - size / 2)


def framework_links(data: BookData, nodes: pd.DataFrame) -> pd.DataFrame:
    """The arrows of the framework as line segments, one row each.

    An arrow the paper states (``leads_to``) joins two neighbouring columns. A projection
    (``projected``: the mode opening the prospects) runs below the boxes, from the mode down,
    across and up to each prospect, so that it crosses no box.
    """
    at = nodes.set_index("node_id")
    edges = data.framework_edges
    stated = edges[edges.relation == "leads_to"]
    segments = [stated.assign(x=stated.from_id.map(at.layer), y=stated.from_id.map(at.y),
                              x2=stated.to_id.map(at.layer), y2=stated.to_id.map(at.y))]
    below = nodes.y.max() + 0.55
    for edge in edges[edges.relation == "projected"].itertuples():
        (x1, y1), (x2, y2) = (at.layer[edge.from_id], at.y[edge.from_id]), (at.layer[edge.to_id], at.y[edge.to_id])
        turn = x2 - 0.5
        path = [(x1, y1, x1, below), (x1, below, turn, below), (turn, below, turn, y2), (turn, y2, x2, y2)]
        segments.append(pd.DataFrame([{"from_id": edge.from_id, "to_id": edge.to_id, "relation": edge.relation,
                                       "section": edge.section, "source": edge.source,
                                       "x": a, "y": b, "x2": c, "y2": d} for a, b, c, d in path]))
    return pd.concat(segments, ignore_index=True)


def _matches(events: pd.DataFrame, field: str, pattern: str) -> pd.Series:
    values = events[field]
    if pattern == "*":
        return values.notna() & (values.astype(str) != "")
    wanted = set(pattern.split("|"))
    return values.astype(str).str.lower().isin({w.lower() for w in wanted})


def code_events(data: BookData, sections: tuple[str, ...] = ("I", "II")) -> pd.DataFrame:
    """Apply the codebook: one row per (event, driver) the event evidences, with the rules that fired.

    This is the book's operationalisation of the paper's argument, not a coding the paper made.
    """
    events = data.events[data.events.section.str.split(".").str[0].isin(sections)]
    rows = []
    for rule in data.driver_codebook.itertuples():
        hit = events[_matches(events, rule.field, rule.matches)]
        rows += [{"event_id": e, "driver_id": rule.driver_id, "rule_id": rule.rule_id} for e in hit.event_id]
    coded = pd.DataFrame(rows).groupby(["event_id", "driver_id"], as_index=False).agg(rules=("rule_id", ", ".join))
    drivers = data.drivers.set_index("driver_id")
    info = events.set_index("event_id")
    return coded.assign(
        date=coded.event_id.map(info.date), when=coded.event_id.map(info.date).map(dates.plot_position),
        date_en=[dates.english_range(info.date[e], info.end_date[e]) for e in coded.event_id],
        date_zh=[dates.chinese_range(info.date[e], info.end_date[e]) for e in coded.event_id],
        title_zh=coded.event_id.map(info.title_zh), title_en=coded.event_id.map(info.title_en),
        source=coded.event_id.map(info.source), section=coded.event_id.map(info.section),
        driver_en=coded.driver_id.map(drivers.short_en), driver_zh=coded.driver_id.map(drivers.short_zh),
        driver_order=coded.driver_id.map(drivers.driver_order),
    ).sort_values(["when", "driver_order"]).reset_index(drop=True)


def uncoded_events(data: BookData, coded: pd.DataFrame, sections=("I", "II")) -> pd.DataFrame:
    events = data.events[data.events.section.str.split(".").str[0].isin(sections)]
    return events[~events.event_id.isin(coded.event_id)]


def evidence_summary(data: BookData, coded: pd.DataFrame) -> pd.DataFrame:
    """Per driver: events coded, first and last year, and how many also evidence another driver."""
    per_event = coded.groupby("event_id").driver_id.nunique()
    coded = coded.assign(shared=coded.event_id.map(per_event) > 1)
    summary = coded.groupby("driver_id").agg(events=("event_id", "nunique"), first=("when", "min"),
                                             last=("when", "max"), shared=("shared", "sum")).reset_index()
    drivers = data.drivers.set_index("driver_id")
    return summary.assign(name_zh=summary.driver_id.map(drivers.name_zh), short_en=summary.driver_id.map(drivers.short_en),
                          order=summary.driver_id.map(drivers.driver_order)).sort_values("order")


# --- tables shown to readers -------------------------------------------------

@in_both_languages
def components_table(data: BookData) -> BookTable:
    drivers = data.drivers.set_index("driver_id")
    rows = []
    for comp in data.driver_components.itertuples():
        rows.append({"driver": drivers[field("short")][comp.driver_id], "group": bilingual(comp.group_zh, comp.group_en),
                     "component": bilingual(comp.name_zh, comp.name_en), "kind": word(COMPONENT_KINDS, comp.kind),
                     "source": source_cell(comp.section, comp.source)})
    frame = pd.DataFrame(rows)
    # Show a driver's and a group's name once, at the first of its rows.
    frame.loc[frame.driver.duplicated(), "driver"] = ""
    frame.loc[frame.group.eq(frame.group.shift()) & frame.driver.eq(""), "group"] = ""
    frame.columns = [say("Driver", "动力"), say("Group", "类别"), say("Component", "构成要素"), say("Kind", "类型"),
                     say("Source", "来源")]
    return BookTable(frame, name="tbl-driver-components", widths=[16, 24, 38, 10, 12], data=["driver_components.csv"],
                     caption=say("The components the paper names for each compound driver, from `driver_components.csv`.",
                                 "原文为复合创新动力的每一种动力列出的构成要素，取自`driver_components.csv`。"))


@in_both_languages
def codebook_table(data: BookData, coded: pd.DataFrame) -> BookTable:
    fired = coded.rules.str.split(", ").explode().value_counts()
    drivers = data.drivers.set_index("driver_id")
    book = data.driver_codebook
    frame = pd.DataFrame({
        say("Rule", "规则"): book.rule_id, say("Driver", "动力"): book.driver_id.map(drivers[field("short")]),
        say("Field = value", "字段 = 取值"): book.field + " = " + book.matches.str.replace("|", say(" or ", " 或 "), regex=False),
        say("Rule in words", "规则说明"): book[field("rule")],
        say("Events matched", "匹配事件数"): book.rule_id.map(fired).fillna(0).astype(int),
    })
    return BookTable(frame, name="tbl-codebook", widths=[14, 16, 20, 38, 12], data=["driver_codebook.csv", "events.csv"],
                     caption=say("The book's codebook (`driver_codebook.csv`): how an event is coded to the driver it "
                                 "evidences, and how many events of sections I–II each rule matched.",
                                 "本书的编码表（`driver_codebook.csv`）：事件如何编码到其所佐证的动力，以及每条规则"
                                 "匹配了原文第一、二部分的多少个事件。"))


@in_both_languages
def summary_table(summary: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        say("Driver 动力", "动力"): bilingual_column(summary.name_zh, summary.short_en),
        say("Events", "事件数"): summary.events, say("First", "最早年份"): summary["first"].dt.year,
        say("Last", "最晚年份"): summary["last"].dt.year,
        say("Also coded to another driver", "同时编码到其他动力"): summary.shared,
    })
    return BookTable(frame, name="tbl-evidence-summary", widths=[46, 12, 12, 12, 18],
                     data=["events.csv", "driver_codebook.csv", "drivers.csv"],
                     caption=say("Evidence by driver under the book's coding: events coded, the years they span, and "
                                 "how many also evidence another driver.",
                                 "本书编码下各动力的证据：编码的事件数、事件所跨的年份，以及其中同时佐证其他动力的事件数。"))


def facts(data: BookData) -> dict:
    """The counts chapter 3's prose states, by glue name, each with its provenance."""
    coded_events = code_events(data)
    values = {
        "n_nodes": computed(len(framework_nodes(data))),
        "n_links": computed(len(data.framework_edges)),
        "n_coded_events": coded(coded_events.event_id.nunique()),
        "n_uncoded_events": coded(len(uncoded_events(data, coded_events))),
        "n_multi_driver": coded(int((coded_events.groupby("event_id").size() > 1).sum())),
    }
    # Under the other reading of the Zhejiang implementation plan (section II.1, not III.1) it
    # joins the events the codebook reads.
    other = code_events(with_reading_b(data, [SECTION_NOTE]))
    values["n_coded_events_b"] = coded(other.event_id.nunique())
    values["n_multi_driver_b"] = coded(int((other.groupby("event_id").size() > 1).sum()))
    return values
