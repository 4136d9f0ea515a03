"""Figures of chapter 3 (paper section II.4): the compound-driver framework and evidence by driver."""

import json

import altair as alt
import pandas as pd

from ..language import current, field, in_both_languages, join, say
from .render import data_files
from .theme import PALETTE, count_axis, wrapped

# framework_edges.csv's relations (its enumeration) as the legend words them, in each edition.
RELATIONS = {"leads_to": ("the paper: leads to", "原文：通向"),
             "projected": ("the paper: expects it to open (projected)", "原文：预期其开辟（展望）")}
# Dark enough for white labels.
LAYER_COLORS = [PALETTE[0], PALETTE[3], "#B07000", "#00795A", PALETTE[5], "#A54800"]


@in_both_languages
def framework(nodes: pd.DataFrame, links: pd.DataFrame) -> alt.LayerChart:
    """Drivers → mode → measures → mechanisms → outcomes, drawn from the framework tables, left
    to right; with the same figure top to bottom for narrow columns (``usermeta.yrdbook.narrow``,
    which the page's chart loader draws where the column is too narrow for the columns)."""
    edges = links.drop_duplicates(["from_id", "to_id"])
    counts = nodes.groupby(say("layer_label", "layer_label_zh"), sort=False).size()
    wide = framework_layout(nodes, links, vertical=False).properties(width=628, height=370)
    narrow = framework_layout(nodes, links, vertical=True).properties(width=300, height=680)
    usermeta = data_files("drivers.csv", "eras.csv", "measures.csv", "mechanisms.csv", "outcomes.csv", "framework_edges.csv")
    stated, projected = int((edges.relation == "leads_to").sum()), int((edges.relation == "projected").sum())
    description = say(
        "Framework diagram drawn from data, left to right: " + "; ".join(f"{label} ({n})" for label, n in counts.items())
        + f"; {stated} arrows from framework_edges.csv link each column to the next, and dashed lines below the boxes "
          f"lead from the mode to the {projected} prospects the paper projects.",
        "由数据绘制的框架图，自左至右：" + "；".join(f"{label}{n}个" for label, n in counts.items())
        + f"；framework_edges.csv中的{stated}个箭头将每一列连向下一列，方框下方的虚线由模式引向原文预期的{projected}个前景。")
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

    chinese = current() == "zh"
    layer_label = say("layer_label", "layer_label_zh")
    relation_labels = json.dumps({code: say(*words) for code, words in RELATIONS.items()}, ensure_ascii=False)
    arrows = alt.Chart(links).mark_rule(color="#888", strokeWidth=1.2).encode(
        **place("x", "y", "x2", "y2"),
        strokeDash=alt.StrokeDash("relation:N", title=say("Arrow", "箭头"), sort=list(RELATIONS),
                                  scale=alt.Scale(domain=list(RELATIONS), range=[[1, 0], [5, 3]]),
                                  legend=alt.Legend(labelExpr=f"{relation_labels}[datum.label]", labelLimit=320)))
    tooltip = ([alt.Tooltip("layer_label_zh:N", title="层级"), alt.Tooltip("name_zh:N", title="名称"),
                alt.Tooltip("section:N", title="原文章节")] if chinese else
               [alt.Tooltip("layer_label:N", title="Layer"), alt.Tooltip("name_zh:N", title="中文"),
                alt.Tooltip("name_en:N", title="English"), alt.Tooltip("section:N", title="Paper section")])
    # Each edition's data carries the columns of its own language only (the English's also name_zh).
    nodes = nodes.drop(columns=say(["layer_label_zh"], ["layer_label", "name_en", "label_en"]))
    boxes = alt.Chart(nodes).mark_rect(opacity=1, cornerRadius=4, stroke="white", strokeWidth=2).encode(
        **place("low", "top", "high", "bottom"),
        color=alt.Color(f"{layer_label}:N", sort=list(dict.fromkeys(nodes[layer_label])), legend=None,
                        scale=alt.Scale(range=LAYER_COLORS)),
        tooltip=tooltip,
    ).transform_calculate(low=f"datum.layer - {0.38 if vertical else 0.44}", high=f"datum.layer + {0.38 if vertical else 0.44}",
                          top=f"datum.y - {0.46 if vertical else 0.38}", bottom=f"datum.y + {0.46 if vertical else 0.38}")
    # Labels as wide as a box at most (the chart is fitted to its column); English on two lines,
    # and Chinese too where the boxes stand side by side in a row. (The Chinese edition, which has
    # no English line, sets Chinese four characters a line there, and a long label so in columns.)
    if vertical:
        box = alt.ExprRef(f"width / {nodes.y.max() - nodes.y.min() + 1.6} * 0.9 - 4")
        shown = nodes.assign(label_zh=nodes.label_zh.map(lambda t: wrapped(t, 4 if chinese else 3)))
        if not chinese:
            shown = shown.assign(label_en=nodes.label_en.map(lambda t: wrapped(t, 9)))
    else:
        box = alt.ExprRef(f"width / {layers} - 8")
        shown = (nodes.assign(label_zh=nodes.label_zh.map(lambda t: wrapped(t, 4) if len(t) > 6 else t)) if chinese
                 else nodes.assign(label_en=nodes.label_en.map(lambda t: wrapped(t, 14))))
    shown = shown.assign(header=nodes.layer_label_zh if chinese else
                         nodes.layer_label.str.replace(r" (?=[\u4e00-\u9fff])", "\n", n=1, regex=True))
    # Chinese above the box's middle, English below it, each block of lines growing outwards;
    # in the Chinese edition, the Chinese alone, centred on the box's middle.
    # (Vega sets the first line of a block at the mark's position: a block of n lines moves up n - 1,
    # or half that to be centred.)
    lines = shown.label_zh.str.count("\n") + 1

    def raised(n: int) -> float:
        return -13 * (n - 1) / 2 if chinese else -1 - 13 * (n - 1)

    labels_zh = [alt.Chart(shown[lines == n]).mark_text(
        color="white", fontSize=11, fontWeight="bold", baseline="middle" if chinese else "bottom", dy=raised(n),
        lineBreak="\n", limit=box).encode(**place("layer", "y"), text="label_zh:N") for n in sorted(set(lines))]
    labels_en = [] if chinese else [alt.Chart(shown).mark_text(
        color="white", fontSize=10, baseline="top", dy=3, lineBreak="\n", limit=box).encode(
        **place("layer", "y"), text="label_en:N")]
    header_row = shown.drop_duplicates("layer").assign(y=nodes.y.min() - 0.75)
    headers = alt.Chart(header_row).mark_text(
        fontSize=11, color="#333", lineBreak="\n", **({"angle": 270, "dy": -4} if vertical else {"dy": -8, "limit": box}),
    ).encode(**place("layer", "y"), text="header:N")
    return alt.layer(arrows, boxes, *labels_zh, *labels_en, headers)


@in_both_languages
def evidence(coded: pd.DataFrame, drivers: pd.DataFrame) -> alt.LayerChart:
    """Cumulative count of events evidencing each driver, one step line per driver."""
    driver = field("driver")
    order = list(drivers.sort_values("driver_order")[field("short")])
    coded = coded.sort_values(["when", "event_id"])
    coded = coded.assign(cumulative=coded.groupby("driver_id").cumcount() + 1)
    color = alt.Color(f"{driver}:N", title=say("Driver", "动力"), sort=order, scale=alt.Scale(domain=order, range=PALETTE[:3]))
    event = ([alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("driver_en:N", title="Driver"),
              alt.Tooltip("title_zh:N", title="事件"), alt.Tooltip("title_en:N", title="Event")] if driver == "driver_en" else
             [alt.Tooltip("date_zh:N", title="日期"), alt.Tooltip("driver_zh:N", title="动力"),
              alt.Tooltip("title_zh:N", title="事件")])
    # Each edition's data carries the columns of its own language only.
    chart_data = coded.drop(columns=say(["date_zh", "driver_zh"], ["date_en", "driver_en", "title_en"]))
    base = alt.Chart(chart_data).encode(
        x=alt.X("when:T", title=say("Date of event", "事件日期"), axis=alt.Axis(format="%Y", tickCount=12)),
        y=alt.Y("cumulative:Q", axis=count_axis(say("Events evidencing the driver (cumulative)", "佐证该动力的事件数（累计）"))),
        color=color)
    steps = base.mark_line(interpolate="step-after", strokeWidth=2)
    points = base.mark_circle(size=55, opacity=1).encode(
        tooltip=[*event, alt.Tooltip("rules:N", title=say("Codebook rule(s)", "编码规则")),
                 alt.Tooltip("source:N", title=say("Source", "来源"))])
    per_driver = coded.groupby(driver).event_id.nunique()
    first, last = coded.when.min().year, coded.when.max().year
    return alt.layer(steps, points).properties(
        width=560, height=260, usermeta=data_files("events.csv", "driver_codebook.csv", "drivers.csv"),
        description=say(
            "Step lines counting, over time, the events of sections I–II that evidence each driver under "
            "the book's codebook: " + ", ".join(f"{d} {per_driver.get(d, 0)} events" for d in order)
            + f"; from {first} to {last}, most of them in 2016–2017.",
            "阶梯线按时间累计原文第一、二部分中依本书编码表佐证各动力的事件数："
            + join(f"{d}{per_driver.get(d, 0)}个事件" for d in order)
            + f"；时间自{first}年至{last}年，多数在2016—2017年。"),
    )
