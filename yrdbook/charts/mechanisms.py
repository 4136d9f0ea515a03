"""Figures of chapter 4 (paper section III): mechanisms and evidence, Haimen's 55580, domain coverage,
responsibilities. Each is drawn in English and in Chinese (``in_both_languages``); the Chinese
edition labels with the data's ``*_zh`` columns only."""

import altair as alt
import pandas as pd

from ..language import field, in_both_languages, join, say
from .render import data_files
from .theme import PALETTE, count_axis, wrapped

ROLE_ORDER = ["lead leader", "overall lead unit", "responsible unit", "cooperating unit"]


@in_both_languages
def mechanism_evidence(evidence: pd.DataFrame) -> alt.Chart:
    """Evidence items per mechanism, stacked by kind; each row labelled with its measures."""
    frame = evidence.assign(row=say(evidence.mechanism_zh + " " + evidence.mechanism_en, evidence.mechanism_zh)
                            + " ← " + evidence.measures_zh)
    order = list(frame.sort_values("mechanism_order").row.unique())
    kind = say("evidence_kind", "evidence_kind_zh")
    kinds = list(dict.fromkeys(frame[kind]))
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("row:N", title=None, sort=order, axis=alt.Axis(labelLimit=360)),
        x=alt.X("count():Q", axis=count_axis(say("Evidence items (the book's assignment)", "证据条目数（由本书归属）"))),
        color=alt.Color(f"{kind}:N", title=say("Evidence", "证据类型"), sort=kinds,
                        scale=alt.Scale(domain=kinds, range=PALETTE[:len(kinds)])),
        tooltip=[alt.Tooltip("mechanism_zh:N", title="机制"), alt.Tooltip(f"{kind}:N", title=say("Kind", "类型")),
                 alt.Tooltip("count():Q", title=say("Items", "条目数"))],
    )
    per = frame.groupby(field("mechanism"), sort=False).size()
    return chart.properties(
        width=345, height=alt.Step(40),
        usermeta=data_files("mechanisms.csv", "measures.csv", "events.csv", "lists.csv", "paper_tables.csv", "organisations.csv"),
        description=say(
            "Stacked bars of the evidence items the book assigns to each mechanism from the documents the paper "
            "names, labelled with the measures that build it: " + ", ".join(f"{m} {n}" for m, n in per.items()) + ".",
            "条形图：本书从原文提及的文件中归于各项机制的证据条目，按证据类型堆叠，每行标注构建该机制的举措："
            + join(f"{m}{n}项" for m, n in per.items()) + "。"),
    )


@in_both_languages
def haimen_55580(plan: pd.DataFrame) -> alt.LayerChart:
    """The '55580' plan decoded: three columns of five items each."""
    column = say(plan.part_zh + " " + plan.part_en, plan.part_zh)
    parts = list(dict.fromkeys(column))
    frame = plan.assign(column=column,
                        label=plan.text_zh.str.replace("对接工程", "", regex=False).map(lambda t: wrapped(t, 13)))
    x = alt.X("column:N", title=None, sort=parts, axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=12, labelLimit=240))
    y = alt.Y("item_no:O", title=None, axis=None)
    # The English edition's tooltip adds the book's translation; the Chinese gives the plan's words only.
    tooltip = [alt.Tooltip("text_zh:N", title="内容")] + say([alt.Tooltip("text_en:N", title="English")], [])
    boxes = alt.Chart(frame).mark_rect(cornerRadius=4, stroke="white", strokeWidth=3).encode(
        x=x, y=y, color=alt.Color("column:N", sort=parts, legend=None, scale=alt.Scale(domain=parts, range=[PALETTE[0], PALETTE[2], PALETTE[5]])),
        tooltip=tooltip)
    text = alt.Chart(frame).mark_text(color="white", fontSize=11, lineBreak="\n", limit=alt.ExprRef("width / 3 - 10")).encode(
        x=x, y=y, text="label:N")
    targets = int((plan.target_percent == 80).sum())
    hedged = int(plan.qualifier.isin(["at_least", "more_than"]).sum())
    return alt.layer(boxes, text).properties(
        width=620, height=230, usermeta=data_files("list_items.csv", "amounts.csv"),
        description=say(
            "Grid decoding Haimen's '55580' action plan: a column of five docking projects, a column of five "
            f"bases and a column of {targets} targets of 80 per cent, {hedged} of them 'at least' or 'more than' 80.",
            f"解读海门“55580”行动计划的网格图：一列为五大对接工程，一列为五大基地，一列为{targets}个80%的目标，"
            f"其中{hedged}项表述为“以上”或“超过”80%。"),
    )


@in_both_languages
def domain_coverage(coverage: pd.DataFrame) -> alt.LayerChart:
    """Cities × shared domains, hard domains first; cell = number of the city's docking items."""
    # Hard domains on the left, then soft, each in the vocabulary's own order.
    frame = coverage.assign(
        domain=say(coverage.domain_zh + " " + coverage.domain_en + " (" + coverage["class"] + ")",
                   coverage.domain_zh + "（" + coverage.class_zh + "）"),
        klass=say(coverage["class"] + " (classed by the " + coverage.class_basis + ")",
                  coverage.class_zh + "（" + coverage.class_basis_zh + "的归类）"),
        hard_first=coverage["class"].map({"hard": 0, "soft": 1}))
    domain_order = list(frame.sort_values(["hard_first"], kind="stable").domain.drop_duplicates())
    city = field("city")
    cities = list(dict.fromkeys(frame[city]))  # Jiaxing above Nantong: the English sorts so by itself
    base = alt.Chart(frame).encode(
        x=alt.X("domain:N", title=None, sort=domain_order, axis=alt.Axis(labelAngle=-40, labelLimit=200)),
        y=alt.Y(f"{city}:N", title=None, sort=say(alt.Undefined, cities)))
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("items:Q", title=say("Docking items", "对接条目数"), scale=alt.Scale(scheme="blues", domainMin=0),
                        legend=alt.Legend(format="d", tickMinStep=1)),
        tooltip=[alt.Tooltip("city_zh:N", title="城市"), alt.Tooltip("domain:N", title=say("Domain", "领域")),
                 alt.Tooltip("klass:N", title=say("Class (classed by)", "类别（归类出处）")),
                 alt.Tooltip("items:Q", title=say("Items", "条目数"))])
    counts = base.mark_text(fontSize=12).encode(
        text="items:Q", color=alt.condition("datum.items >= 2", alt.value("white"), alt.value("#222")))
    hard = frame[frame["class"] == "hard"].domain_id.nunique()
    covered = frame[frame["items"] > 0].groupby(city, sort=False).domain_id.nunique()
    return alt.layer(cells, counts).properties(
        width=530, height=110, usermeta=data_files("domain_map.csv", "domains.csv", "list_items.csv"),
        description=say(
            f"Heat map of Jiaxing's and Nantong's docking items over {frame.domain_id.nunique()} shared domains, "
            f"the {hard} hard domains on the left and the soft ones on the right; "
            + "; ".join(f"{c} covers {n} domains" for c, n in covered.items()) + ".",
            f"热力图：嘉兴与南通的对接条目在{frame.domain_id.nunique()}个共用领域中的分布，左侧为{hard}个硬件领域，"
            "右侧为软件领域；" + "；".join(f"{c}覆盖{n}个领域" for c, n in covered.items()) + "。"),
    )


@in_both_languages
def responsibilities(resp: pd.DataFrame) -> alt.Chart:
    """Persons and units (rows) by task (columns), coloured by their role."""
    task = say(resp.table_id.str.replace("table", "T"), resp.table_id.str.replace("table", "表"))
    frame = resp.assign(task=task + "·" + resp.task_no.astype(str),
                        party=say(resp.party_zh + " " + resp.party_en.str.slice(0, 40), resp.party_zh))
    tasks = list(dict.fromkeys(frame.sort_values(["table_id", "task_no"]).task))
    role, kind = field("role"), say("party_kind", "party_kind_zh")
    roles = dict(zip(frame.role_en, frame[role]))
    role_order = [roles[r] for r in ROLE_ORDER]
    kinds = dict(zip(frame.party_kind, frame[kind]))
    chart = alt.Chart(frame).mark_point(size=200, filled=True, opacity=1).encode(
        x=alt.X("task:N", title=say(["Task", "T1·0: Table 1's key project", "T2·0: Table 2's action group"],
                                    ["任务", "表1·0：表1的重点项目", "表2·0：表2的对接行动"]), sort=tasks,
                axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("party:N", title=None, sort=alt.EncodingSortField("party_order"), axis=alt.Axis(labelLimit=290)),
        color=alt.Color(f"{role}:N", title=say("Role", "角色"), sort=role_order,
                        scale=alt.Scale(domain=role_order, range=PALETTE[:4]), legend=alt.Legend(columns=2)),
        shape=alt.Shape(f"{kind}:N", title=say("Kind", "类别"),
                        scale=alt.Scale(domain=[kinds["person"], kinds["unit"]], range=["circle", "square"])),
        tooltip=[alt.Tooltip("task_zh:N", title="任务"), alt.Tooltip("party_zh:N", title="负责方"),
                 alt.Tooltip("role_zh:N", title="角色")] + say([alt.Tooltip("role_en:N", title="Role")], []),
    )
    per_role = frame.groupby(role).size().reindex(role_order).dropna().astype(int)
    return chart.properties(
        width=300, height=alt.Step(24), usermeta=data_files("responsibilities.csv", "table_tasks.csv", "people.csv", "organisations.csv"),
        description=say(
            f"Matrix of the {frame.party.nunique()} persons and units of Tables 1 and 2 against the "
            f"{len(tasks)} tasks, coloured by role: " + ", ".join(f"{r} {n}" for r, n in per_role.items()) + " assignments.",
            f"矩阵图：表1和表2中的{frame.party.nunique()}个人员和单位对应{len(tasks)}项任务，按角色着色，各角色的分工项数为："
            + "，".join(f"{r}{n}项" for r, n in per_role.items()) + "。"),
    )
