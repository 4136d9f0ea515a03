"""Figures of chapter 5 (paper section IV): the national city-cluster plans and the seven integration dimensions."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import PALETTE


def cluster_plans(plans: pd.DataFrame) -> alt.LayerChart:
    clusters = list(dict.fromkeys(plans.sort_values("when").cluster_en))
    base = alt.Chart(plans).encode(
        x=alt.X("when:T", title="Date (month)", scale=alt.Scale(domain=["2015-01-01", "2018-01-01"]),
                axis=alt.Axis(format="%Y-%m", tickCount=6)),
        y=alt.Y("cluster_en:N", title=None, sort=clusters, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("cluster_en:N", legend=None, sort=clusters, scale=alt.Scale(domain=clusters, range=PALETTE[:len(clusters)])))
    points = base.mark_point(filled=True, size=150, opacity=1).encode(
        shape=alt.Shape("kind:N", title="Kind"),
        tooltip=[alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("title_zh:N", title="文件"),
                 alt.Tooltip("title_en:N", title="Document"), alt.Tooltip("stated_scope_zh:N", title="范围"),
                 alt.Tooltip("source:N", title="Source")])
    labels = base.mark_text(align="left", dx=9, fontSize=10, color="#333", limit=260).encode(text="short_zh:N")
    return alt.layer(points, labels).properties(
        width=365, height=200, usermeta=data_files("cluster_plans.csv"),
        description=(f"Timeline of {len(plans)} national plans and decisions for China's city clusters from "
                     f"{plans.when.min():%B %Y} to {plans.when.max():%B %Y}: "
                     + "; ".join(f"{r.date_en} {r.cluster_en}" for r in plans.sort_values('when').itertuples()) + "."),
    )


def dimension_links(links: pd.DataFrame) -> alt.LayerChart:
    """Which mechanism or driver each integration dimension extends (the book's linkage)."""
    dims = list(dict.fromkeys(links.sort_values("item_no").dimension))
    targets = list(dict.fromkeys(links.sort_values(["target_kind", "target_order"], ascending=[False, True]).target))
    base = alt.Chart(links).encode(
        x=alt.X("target:N", title=None, sort=targets, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=140)),
        y=alt.Y("dimension:N", title=None, sort=dims, axis=alt.Axis(labelLimit=300)))
    cells = base.mark_square(size=300, opacity=1).encode(
        color=alt.Color("target_kind:N", title="Extends a", scale=alt.Scale(domain=["mechanism", "driver"], range=[PALETTE[2], PALETTE[0]])),
        tooltip=[alt.Tooltip("dimension:N", title="Dimension"), alt.Tooltip("target:N", title="Extends"),
                 alt.Tooltip("rationale_en:N", title="Why (the book's reasoning)")])
    return cells.properties(
        width=450, height=alt.Step(30), usermeta=data_files("dimension_links.csv", "list_items.csv", "mechanisms.csv", "drivers.csv"),
        description=(f"Matrix linking the {len(dims)} integrations the paper lists in section IV to the mechanisms and "
                     f"drivers they extend, {len(links)} links in all, under the book's own linkage."),
    )
