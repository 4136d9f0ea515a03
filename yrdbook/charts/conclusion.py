"""Figures of chapter 5 (paper section IV): the national city-cluster plans and the seven integration dimensions."""

import altair as alt
import pandas as pd

from ..language import current, field, in_both_languages, say
from ..vocabulary import word
from .render import data_files
from .theme import PALETTE

# The kind of a city-cluster plan (cluster_plans.csv ``kind``); the English edition shows the code itself.
PLAN_KINDS = {"outline": ("outline", "纲要"), "guidance": ("guidance", "指导意见"), "plan": ("plan", "规划"),
              "new_area": ("new_area", "新区")}
# What an integration dimension extends (dimension_links.csv ``target_kind``).
TARGET_KINDS = {"mechanism": ("mechanism", "机制"), "driver": ("driver", "动力")}


@in_both_languages
def cluster_plans(plans: pd.DataFrame) -> alt.LayerChart:
    cluster = field("cluster")
    plans = plans.assign(kind=plans.kind.map(lambda code: word(PLAN_KINDS, code)))
    clusters = list(dict.fromkeys(plans.sort_values("when")[cluster]))
    tooltip = ([alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("title_zh:N", title="文件"),
                alt.Tooltip("title_en:N", title="Document"), alt.Tooltip("stated_scope_zh:N", title="范围"),
                alt.Tooltip("source:N", title="Source")]
               if current() == "en" else
               [alt.Tooltip("date_zh:N", title="日期"), alt.Tooltip("title_zh:N", title="文件"),
                alt.Tooltip("stated_scope_zh:N", title="范围"), alt.Tooltip("source:N", title="来源（references.bib）")])
    base = alt.Chart(plans).encode(
        x=alt.X("when:T", title=say("Date (month)", "日期（月）"), scale=alt.Scale(domain=["2015-01-01", "2018-01-01"]),
                axis=alt.Axis(format="%Y-%m", tickCount=6)),
        y=alt.Y(f"{cluster}:N", title=None, sort=clusters, axis=alt.Axis(labelLimit=260)),
        color=alt.Color(f"{cluster}:N", legend=None, sort=clusters, scale=alt.Scale(domain=clusters, range=PALETTE[:len(clusters)])))
    points = base.mark_point(filled=True, size=150, opacity=1).encode(
        shape=alt.Shape("kind:N", title=say("Kind", "类型")), tooltip=tooltip)
    labels = base.mark_text(align="left", dx=9, fontSize=10, color="#333", limit=260).encode(text="short_zh:N")
    ordered = plans.sort_values("when")
    return alt.layer(points, labels).properties(
        width=365, height=200, usermeta=data_files("cluster_plans.csv"),
        description=say(
            f"Timeline of {len(plans)} national plans and decisions for China's city clusters from "
            f"{plans.when.min():%B %Y} to {plans.when.max():%B %Y}: "
            + "; ".join(f"{r.date_en} {r.cluster_en}" for r in ordered.itertuples()) + ".",
            f"中国城市群的{len(plans)}项国家规划与决策的时间轴，{ordered.date_zh.iloc[0]}至{ordered.date_zh.iloc[-1]}："
            + "；".join(f"{r.date_zh}{r.cluster_zh}" for r in ordered.itertuples()) + "。"),
    )


@in_both_languages
def dimension_links(links: pd.DataFrame) -> alt.LayerChart:
    """Which mechanism or driver each integration dimension extends (the book's linkage)."""
    dims = list(dict.fromkeys(links.sort_values("item_no").dimension))
    targets = list(dict.fromkeys(links.sort_values(["target_kind", "target_order"], ascending=[False, True]).target))
    links = links.assign(target_kind=links.target_kind.map(lambda code: word(TARGET_KINDS, code)))
    kinds = [word(TARGET_KINDS, code) for code in ("mechanism", "driver")]
    base = alt.Chart(links).encode(
        x=alt.X("target:N", title=None, sort=targets, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=140)),
        y=alt.Y("dimension:N", title=None, sort=dims, axis=alt.Axis(labelLimit=300)))
    cells = base.mark_square(size=300, opacity=1).encode(
        color=alt.Color("target_kind:N", title=say("Extends a", "延伸对象"), scale=alt.Scale(domain=kinds, range=[PALETTE[2], PALETTE[0]])),
        tooltip=[alt.Tooltip("dimension:N", title=say("Dimension", "维度")), alt.Tooltip("target:N", title=say("Extends", "延伸")),
                 alt.Tooltip(f"{field('rationale')}:N", title=say("Why (the book's reasoning)", "理由（本书的推理）"))])
    return cells.properties(
        width=450, height=alt.Step(30), usermeta=data_files("dimension_links.csv", "list_items.csv", "mechanisms.csv", "drivers.csv"),
        description=say(
            f"Matrix linking the {len(dims)} integrations the paper lists in section IV to the mechanisms and "
            f"drivers they extend, {len(links)} links in all, under the book's own linkage.",
            f"矩阵图：按本书自己的关联，把原文第四部分列举的{len(dims)}项一体化与其所延伸的机制和动力相连，共{len(links)}条关联。"),
    )
