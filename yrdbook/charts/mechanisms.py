"""Figures of chapter 4 (paper section III): mechanisms and evidence, Haimen's 55580, domain coverage, responsibilities."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import PALETTE, count_axis, wrapped

ROLE_ORDER = ["lead leader", "overall lead unit", "responsible unit", "cooperating unit"]


def mechanism_evidence(evidence: pd.DataFrame) -> alt.Chart:
    """Evidence items per mechanism, stacked by kind; each row labelled with its measures."""
    frame = evidence.assign(row=evidence.mechanism_zh + " " + evidence.mechanism_en + " ← " + evidence.measures_zh)
    order = list(frame.sort_values("mechanism_order").row.unique())
    kinds = list(dict.fromkeys(frame.evidence_kind))
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("row:N", title=None, sort=order, axis=alt.Axis(labelLimit=360)),
        x=alt.X("count():Q", axis=count_axis("Evidence items (the book's assignment)")),
        color=alt.Color("evidence_kind:N", title="Evidence", sort=kinds, scale=alt.Scale(domain=kinds, range=PALETTE[:len(kinds)])),
        tooltip=[alt.Tooltip("mechanism_zh:N", title="机制"), alt.Tooltip("evidence_kind:N", title="Kind"),
                 alt.Tooltip("count():Q", title="Items")],
    )
    per = frame.groupby("mechanism_en", sort=False).size()
    return chart.properties(
        width=345, height=alt.Step(40),
        usermeta=data_files("mechanisms.csv", "measures.csv", "events.csv", "lists.csv", "paper_tables.csv", "organisations.csv"),
        description=("Stacked bars of the evidence items the book assigns to each mechanism from the documents the paper "
                     "names, labelled with the measures that build it: " + ", ".join(f"{m} {n}" for m, n in per.items()) + "."),
    )


def haimen_55580(plan: pd.DataFrame) -> alt.LayerChart:
    """The '55580' plan decoded: three columns of five items each."""
    parts = list(dict.fromkeys(plan.part_zh + " " + plan.part_en))
    frame = plan.assign(column=plan.part_zh + " " + plan.part_en,
                        label=plan.text_zh.str.replace("对接工程", "", regex=False).map(lambda t: wrapped(t, 13)))
    x = alt.X("column:N", title=None, sort=parts, axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=12, labelLimit=240))
    y = alt.Y("item_no:O", title=None, axis=None)
    boxes = alt.Chart(frame).mark_rect(cornerRadius=4, stroke="white", strokeWidth=3).encode(
        x=x, y=y, color=alt.Color("column:N", sort=parts, legend=None, scale=alt.Scale(domain=parts, range=[PALETTE[0], PALETTE[2], PALETTE[5]])),
        tooltip=[alt.Tooltip("text_zh:N", title="内容"), alt.Tooltip("text_en:N", title="English")])
    text = alt.Chart(frame).mark_text(color="white", fontSize=11, lineBreak="\n", limit=alt.ExprRef("width / 3 - 10")).encode(
        x=x, y=y, text="label:N")
    return alt.layer(boxes, text).properties(
        width=620, height=230, usermeta=data_files("list_items.csv", "amounts.csv"),
        description=("Grid decoding Haimen's '55580' action plan: a column of five docking projects, a column of five "
                     f"bases and a column of {int((plan.target_percent == 80).sum())} targets of 80 per cent, "
                     f"{int(plan.qualifier.isin(['at_least', 'more_than']).sum())} of them 'at least' or 'more than' 80."),
    )


def domain_coverage(coverage: pd.DataFrame) -> alt.LayerChart:
    """Cities × shared domains, hard domains first; cell = number of the city's docking items."""
    # Hard domains on the left, then soft, each in the vocabulary's own order.
    frame = coverage.assign(domain=coverage.domain_zh + " " + coverage.domain_en + " (" + coverage["class"] + ")",
                            klass=coverage["class"] + " (classed by the " + coverage.class_basis + ")",
                            hard_first=coverage["class"].map({"hard": 0, "soft": 1}))
    domain_order = list(frame.sort_values(["hard_first"], kind="stable").domain.drop_duplicates())
    base = alt.Chart(frame).encode(
        x=alt.X("domain:N", title=None, sort=domain_order, axis=alt.Axis(labelAngle=-40, labelLimit=200)),
        y=alt.Y("city_en:N", title=None))
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("items:Q", title="Docking items", scale=alt.Scale(scheme="blues", domainMin=0),
                        legend=alt.Legend(format="d", tickMinStep=1)),
        tooltip=[alt.Tooltip("city_zh:N", title="城市"), alt.Tooltip("domain:N", title="Domain"),
                 alt.Tooltip("klass:N", title="Class (classed by)"), alt.Tooltip("items:Q", title="Items")])
    counts = base.mark_text(fontSize=12).encode(
        text="items:Q", color=alt.condition("datum.items >= 2", alt.value("white"), alt.value("#222")))
    hard = frame[frame["class"] == "hard"].domain_id.nunique()
    return alt.layer(cells, counts).properties(
        width=530, height=110, usermeta=data_files("domain_map.csv", "domains.csv", "list_items.csv"),
        description=(f"Heat map of Jiaxing's and Nantong's docking items over {frame.domain_id.nunique()} shared domains, "
                     f"the {hard} hard domains on the left and the soft ones on the right; "
                     + "; ".join(f"{c} covers {n} domains" for c, n in frame[frame['items'] > 0].groupby('city_en').domain_id.nunique().items())
                     + "."),
    )


def responsibilities(resp: pd.DataFrame) -> alt.Chart:
    """Persons and units (rows) by task (columns), coloured by their role."""
    frame = resp.assign(task=resp.table_id.str.replace("table", "T") + "·" + resp.task_no.astype(str),
                        party=resp.party_zh + " " + resp.party_en.str.slice(0, 40))
    tasks = list(dict.fromkeys(frame.sort_values(["table_id", "task_no"]).task))
    chart = alt.Chart(frame).mark_point(size=200, filled=True, opacity=1).encode(
        x=alt.X("task:N", title=["Task", "T1·0: Table 1's key project", "T2·0: Table 2's action group"], sort=tasks,
                axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("party:N", title=None, sort=alt.EncodingSortField("party_order"), axis=alt.Axis(labelLimit=290)),
        color=alt.Color("role_en:N", title="Role", sort=ROLE_ORDER, scale=alt.Scale(domain=ROLE_ORDER, range=PALETTE[:4]),
                        legend=alt.Legend(columns=2)),
        shape=alt.Shape("party_kind:N", title="Kind", scale=alt.Scale(domain=["person", "unit"], range=["circle", "square"])),
        tooltip=[alt.Tooltip("task_zh:N", title="任务"), alt.Tooltip("party_zh:N", title="负责方"),
                 alt.Tooltip("role_zh:N", title="角色"), alt.Tooltip("role_en:N", title="Role")],
    )
    return chart.properties(
        width=300, height=alt.Step(24), usermeta=data_files("responsibilities.csv", "table_tasks.csv", "people.csv", "organisations.csv"),
        description=(f"Matrix of the {frame.party.nunique()} persons and units of Tables 1 and 2 against the "
                     f"{len(tasks)} tasks, coloured by role: "
                     + ", ".join(f"{r} {n}" for r, n in frame.groupby('role_en').size().reindex(ROLE_ORDER).dropna().astype(int).items())
                     + " assignments."),
    )
