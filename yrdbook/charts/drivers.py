"""Figures of chapter 3 (paper section II.4): the compound-driver framework and evidence by driver."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import PALETTE, count_axis, wrapped

RELATIONS = {"leads_to": "the paper: leads to", "projected": "the paper: expects it to open (projected)"}
RELATION_LABELS = str(RELATIONS).replace("'", '"')
# Dark enough for white labels.
LAYER_COLORS = [PALETTE[0], PALETTE[3], "#B07000", "#00795A", PALETTE[5], "#A54800"]


def framework(nodes: pd.DataFrame, links: pd.DataFrame) -> alt.LayerChart:
    """Drivers → mode → measures → mechanisms → outcomes, drawn from the framework tables."""
    x_scale = alt.Scale(domain=[-0.5, nodes.layer.max() + 0.5])
    y_scale = alt.Scale(domain=[nodes.y.max() + 0.7, nodes.y.min() - 0.9])
    edges = links.drop_duplicates(["from_id", "to_id"])
    x = alt.X("layer:Q", axis=None, scale=x_scale)
    y = alt.Y("y:Q", axis=None, scale=y_scale)
    arrows = alt.Chart(links).mark_rule(color="#888", strokeWidth=1.2).encode(
        x=alt.X("x:Q", axis=None, scale=x_scale), y=alt.Y("y:Q", axis=None, scale=y_scale),
        x2=alt.X2("x2"), y2=alt.Y2("y2"),
        strokeDash=alt.StrokeDash("relation:N", title="Arrow", sort=list(RELATIONS),
                                  scale=alt.Scale(domain=list(RELATIONS), range=[[1, 0], [5, 3]]),
                                  legend=alt.Legend(labelExpr=f"{RELATION_LABELS}[datum.label]", labelLimit=320)))
    boxes = alt.Chart(nodes).mark_rect(opacity=1, cornerRadius=4, stroke="white", strokeWidth=2).encode(
        x=alt.X("left:Q", scale=alt.Scale(domain=[-0.5, nodes.layer.max() + 0.5]), axis=None), x2="right:Q",
        y=alt.Y("top:Q", scale=alt.Scale(domain=[nodes.y.max() + 0.7, nodes.y.min() - 0.9]), axis=None), y2="bottom:Q",
        color=alt.Color("layer_label:N", sort=list(dict.fromkeys(nodes.layer_label)), legend=None,
                        scale=alt.Scale(range=LAYER_COLORS)),
        tooltip=[alt.Tooltip("layer_label:N", title="Layer"), alt.Tooltip("name_zh:N", title="中文"),
                 alt.Tooltip("name_en:N", title="English"), alt.Tooltip("section:N", title="Paper section")],
    ).transform_calculate(left="datum.layer - 0.44", right="datum.layer + 0.44",
                          top="datum.y - 0.38", bottom="datum.y + 0.38")
    # Labels as wide as a box at most (the chart is fitted to its column); English on two lines.
    box = alt.ExprRef(f"width / {nodes.layer.max() + 1} - 8")
    nodes = nodes.assign(label_en=nodes.label_en.map(lambda t: wrapped(t, 14)),
                         header=nodes.layer_label.str.replace(r" (?=[\u4e00-\u9fff])", "\n", n=1, regex=True))
    labels_zh = alt.Chart(nodes).mark_text(color="white", fontSize=11, fontWeight="bold", dy=-12, limit=box).encode(
        x=x, y=y, text="label_zh:N")
    labels_en = alt.Chart(nodes).mark_text(color="white", fontSize=10, dy=3, baseline="top", lineBreak="\n",
                                           limit=box).encode(x=x, y=y, text="label_en:N")
    header_row = nodes.drop_duplicates("layer").assign(y=nodes.y.min() - 0.75)
    headers = alt.Chart(header_row).mark_text(fontSize=11, color="#333", dy=-8, lineBreak="\n", limit=box).encode(
        x=x, y=y, text="header:N")
    counts = nodes.groupby("layer_label", sort=False).size()
    return alt.layer(arrows, boxes, labels_zh, labels_en, headers).properties(
        width=760, height=370,
        usermeta=data_files("drivers.csv", "eras.csv", "measures.csv", "mechanisms.csv", "outcomes.csv",
                            "framework_edges.csv"),
        description=("Framework diagram drawn from data, left to right: "
                     + "; ".join(f"{label} ({n})" for label, n in counts.items())
                     + f"; {int((edges.relation == 'leads_to').sum())} arrows from framework_edges.csv link each "
                     "column to the next, and dashed lines below the boxes lead from the mode to the "
                     f"{int((edges.relation == 'projected').sum())} prospects the paper projects."),
    )


def evidence(coded: pd.DataFrame, drivers: pd.DataFrame) -> alt.LayerChart:
    """Cumulative count of events evidencing each driver, one step line per driver."""
    order = list(drivers.sort_values("driver_order").short_en)
    coded = coded.sort_values(["when", "event_id"])
    coded = coded.assign(cumulative=coded.groupby("driver_id").cumcount() + 1)
    color = alt.Color("driver_en:N", title="Driver", sort=order, scale=alt.Scale(domain=order, range=PALETTE[:3]))
    base = alt.Chart(coded).encode(
        x=alt.X("when:T", title="Date of event", axis=alt.Axis(format="%Y", tickCount=12)),
        y=alt.Y("cumulative:Q", axis=count_axis("Events evidencing the driver (cumulative)")), color=color)
    steps = base.mark_line(interpolate="step-after", strokeWidth=2)
    points = base.mark_circle(size=55, opacity=1).encode(
        tooltip=[alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("driver_en:N", title="Driver"),
                 alt.Tooltip("title_zh:N", title="事件"), alt.Tooltip("title_en:N", title="Event"),
                 alt.Tooltip("rules:N", title="Codebook rule(s)"), alt.Tooltip("source:N", title="Source")])
    per_driver = coded.groupby("driver_en").event_id.nunique()
    return alt.layer(steps, points).properties(
        width=560, height=260, usermeta=data_files("events.csv", "driver_codebook.csv", "drivers.csv"),
        description=("Step lines counting, over time, the events of sections I–II that evidence each driver under "
                     "the book's codebook: " + ", ".join(f"{d} {per_driver.get(d, 0)} events" for d in order)
                     + f"; from {coded.when.min().year} to {coded.when.max().year}, most of them in 2016–2017."),
    )
