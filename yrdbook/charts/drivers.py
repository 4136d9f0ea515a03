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
    """Drivers → mode → measures → mechanisms → outcomes, drawn from the framework tables, left
    to right; with the same figure top to bottom for narrow columns (``usermeta.yrdbook.narrow``,
    which the page's chart loader draws where the column is too narrow for the columns)."""
    edges = links.drop_duplicates(["from_id", "to_id"])
    counts = nodes.groupby("layer_label", sort=False).size()
    wide = framework_layout(nodes, links, vertical=False).properties(width=628, height=370)
    narrow = framework_layout(nodes, links, vertical=True).properties(width=300, height=680)
    usermeta = data_files("drivers.csv", "eras.csv", "measures.csv", "mechanisms.csv", "outcomes.csv", "framework_edges.csv")
    description = ("Framework diagram drawn from data, left to right: "
                   + "; ".join(f"{label} ({n})" for label, n in counts.items())
                   + f"; {int((edges.relation == 'leads_to').sum())} arrows from framework_edges.csv link each "
                   "column to the next, and dashed lines below the boxes lead from the mode to the "
                   f"{int((edges.relation == 'projected').sum())} prospects the paper projects.")
    narrow_spec = narrow.properties(usermeta=usermeta, description=description).to_dict()
    return wide.properties(usermeta={"yrdbook": {**usermeta["yrdbook"], "narrow": narrow_spec}}, description=description)


def framework_layout(nodes: pd.DataFrame, links: pd.DataFrame, vertical: bool) -> alt.LayerChart:
    """The framework's layers as columns (``vertical=False``) or as rows, top to bottom.

    ``layer`` places a node across the layers, ``y`` along its layer; the arrows' ends (x, y,
    x2, y2 of ``links``) are in the same two coordinates.
    """
    layers = nodes.layer.max() + 1
    across = alt.Scale(domain=[-0.5, layers - 0.5] if not vertical else [layers - 0.5, -0.5])
    along = alt.Scale(domain=[nodes.y.max() + 0.7, nodes.y.min() - 0.9] if not vertical
                      else [nodes.y.min() - 0.9, nodes.y.max() + 0.7])

    def place(across_field: str, along_field: str, across2: str | None = None, along2: str | None = None) -> dict:
        a, b = alt.X if not vertical else alt.Y, alt.Y if not vertical else alt.X
        a2, b2 = (alt.X2, alt.Y2) if not vertical else (alt.Y2, alt.X2)
        channels = {("x" if not vertical else "y"): a(f"{across_field}:Q", axis=None, scale=across),
                    ("y" if not vertical else "x"): b(f"{along_field}:Q", axis=None, scale=along)}
        if across2:
            channels["x2" if not vertical else "y2"] = a2(across2)
        if along2:
            channels["y2" if not vertical else "x2"] = b2(along2)
        return channels

    arrows = alt.Chart(links).mark_rule(color="#888", strokeWidth=1.2).encode(
        **place("x", "y", "x2", "y2"),
        strokeDash=alt.StrokeDash("relation:N", title="Arrow", sort=list(RELATIONS),
                                  scale=alt.Scale(domain=list(RELATIONS), range=[[1, 0], [5, 3]]),
                                  legend=alt.Legend(labelExpr=f"{RELATION_LABELS}[datum.label]", labelLimit=320)))
    boxes = alt.Chart(nodes).mark_rect(opacity=1, cornerRadius=4, stroke="white", strokeWidth=2).encode(
        **place("low", "top", "high", "bottom"),
        color=alt.Color("layer_label:N", sort=list(dict.fromkeys(nodes.layer_label)), legend=None,
                        scale=alt.Scale(range=LAYER_COLORS)),
        tooltip=[alt.Tooltip("layer_label:N", title="Layer"), alt.Tooltip("name_zh:N", title="中文"),
                 alt.Tooltip("name_en:N", title="English"), alt.Tooltip("section:N", title="Paper section")],
    ).transform_calculate(low=f"datum.layer - {0.38 if vertical else 0.44}", high=f"datum.layer + {0.38 if vertical else 0.44}",
                          top=f"datum.y - {0.46 if vertical else 0.38}", bottom=f"datum.y + {0.46 if vertical else 0.38}")
    # Labels as wide as a box at most (the chart is fitted to its column); English on two lines,
    # and Chinese too where the boxes stand side by side in a row.
    if vertical:
        box = alt.ExprRef(f"width / {nodes.y.max() - nodes.y.min() + 1.6} * 0.9 - 4")
        shown = nodes.assign(label_zh=nodes.label_zh.map(lambda t: wrapped(t, 3)),
                             label_en=nodes.label_en.map(lambda t: wrapped(t, 9)))
    else:
        box = alt.ExprRef(f"width / {layers} - 8")
        shown = nodes.assign(label_en=nodes.label_en.map(lambda t: wrapped(t, 14)))
    shown = shown.assign(header=nodes.layer_label.str.replace(r" (?=[\u4e00-\u9fff])", "\n", n=1, regex=True))
    # Chinese above the box's middle, English below it, each block of lines growing outwards.
    # (Vega sets the first line of a block at the mark's position: a block of n lines moves up n - 1.)
    lines = shown.label_zh.str.count("\n") + 1
    labels_zh = [alt.Chart(shown[lines == n]).mark_text(
        color="white", fontSize=11, fontWeight="bold", baseline="bottom", dy=-1 - 13 * (n - 1), lineBreak="\n",
        limit=box).encode(**place("layer", "y"), text="label_zh:N") for n in sorted(set(lines))]
    labels_en = alt.Chart(shown).mark_text(color="white", fontSize=10, baseline="top", dy=3, lineBreak="\n",
                                           limit=box).encode(**place("layer", "y"), text="label_en:N")
    header_row = shown.drop_duplicates("layer").assign(y=nodes.y.min() - 0.75)
    headers = alt.Chart(header_row).mark_text(
        fontSize=11, color="#333", lineBreak="\n", **({"angle": 270, "dy": -4} if vertical else {"dy": -8, "limit": box}),
    ).encode(**place("layer", "y"), text="header:N")
    return alt.layer(arrows, boxes, *labels_zh, labels_en, headers)


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
