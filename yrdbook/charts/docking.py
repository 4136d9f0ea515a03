"""Figures of chapter 2 (paper sections II.1–II.3): docking chronologies, planning intensity, outcomes."""

import altair as alt
import pandas as pd

from ..language import current, field, in_both_languages, join, say
from ..vocabulary import EVENT_KINDS, word
from .render import data_files
from .theme import PALETTE, WIDTH, count_axis

PANEL_WIDTH = 300  # a panel of the outcomes figure: with its labels, within the print width

LEVEL_ORDER = ["city", "provincial", "joint"]
KIND_ORDER = ["visit", "plan", "approval", "document", "conference", "agreement", "investment"]
# The level of a docking step (events.csv ``level``); the English edition shows the code itself.
LEVELS = {"city": ("city", "市级"), "provincial": ("provincial", "省级"), "joint": ("joint", "联合")}


@in_both_languages
def chronologies(steps: pd.DataFrame, start: str = "2014-01-01") -> alt.Chart:
    """Both cities' docking steps on one time axis, one lane per city, coloured by level."""
    steps = steps.assign(level=steps.level.map(lambda code: word(LEVELS, code)),
                         kind=steps.kind.map(lambda code: word(EVENT_KINDS, code)))
    levels = [word(LEVELS, code) for code in LEVEL_ORDER]
    kinds = [word(EVENT_KINDS, code) for code in KIND_ORDER]
    shown = steps[steps.when >= pd.Timestamp(start)]
    left_out = steps[steps.when < pd.Timestamp(start)]
    tooltip = ([alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("city_zh:N", title="城市"),
                alt.Tooltip("title_zh:N", title="事项"), alt.Tooltip("title_en:N", title="Step"),
                alt.Tooltip("level:N", title="Level"), alt.Tooltip("source:N", title="Source")]
               if current() == "en" else
               [alt.Tooltip("date_zh:N", title="日期"), alt.Tooltip("city_zh:N", title="城市"),
                alt.Tooltip("title_zh:N", title="事项"), alt.Tooltip("level:N", title="层级"),
                alt.Tooltip("source:N", title="来源（references.bib）")])
    chart = alt.Chart(shown).mark_point(filled=True, size=110, opacity=0.9).encode(
        x=alt.X("when:T", title=say("Date (partial dates at the start of their month)", "日期（只有年月者画在当月月初）"),
                scale=alt.Scale(domain=[start, "2018-01-01"]), axis=alt.Axis(format="%Y-%m", tickCount=8)),
        y=alt.Y(f"{field('city')}:N", title=None, sort=say(["Jiaxing", "Nantong"], ["嘉兴", "南通"]),
                axis=alt.Axis(labelFontSize=12)),
        yOffset=alt.YOffset("same_month_rank:O"),
        color=alt.Color("level:N", title=say("Level", "层级"), sort=levels, scale=alt.Scale(domain=levels, range=PALETTE[:3])),
        shape=alt.Shape("kind:N", title=say("Kind", "类型"), sort=kinds, scale=alt.Scale(domain=kinds)),
        tooltip=tooltip,
    )
    counts = shown.groupby(["city_en", "city_zh"]).size()
    note = say(f" {len(left_out)} earlier step(s) before {start[:4]} are listed in the table but not drawn.",
               f"{start[:4]}年以前的{len(left_out)}项较早步骤列于表中，未画出。") if len(left_out) else ""
    return chart.properties(
        width=570, height=200, usermeta=data_files("events.csv", "cities.csv"),
        description=say(
            "Dot chart of the docking steps of Jiaxing and Nantong with Shanghai on one time axis from "
            f"{start[:4]} to 2017: " + ", ".join(f"{en} {n} steps" for (en, _), n in counts.items())
            + ", coloured by city, provincial or joint level." + note,
            f"嘉兴、南通对接上海的各项步骤在同一时间轴上的点图，{start[:4]}年至2017年："
            + "，".join(f"{zh}{n}项" for (_, zh), n in counts.items()) + "；按市级、省级或联合层级着色。" + note),
    )


@in_both_languages
def planning_intensity(intensity: pd.DataFrame) -> alt.Chart:
    """Planning documents per half-year, the two cities side by side."""
    city, half = field("city"), say("half_year", "half_year_zh")
    cities = list(dict.fromkeys(intensity[city]))
    # "2017年上半年" on two lines, "2017年" above "上半年": on one line eight of them would overlap.
    x_axis = say(alt.Axis(labelAngle=0),
                 alt.Axis(labelAngle=0, labelExpr="[substring(datum.label, 0, 5), substring(datum.label, 5)]"))
    bars = alt.Chart(intensity).mark_bar().encode(
        x=alt.X(f"{half}:N", title=say("Half-year", "半年"), sort=list(dict.fromkeys(intensity[half])), axis=x_axis),
        xOffset=alt.XOffset(f"{city}:N", sort=cities),
        y=alt.Y("documents:Q", axis=count_axis(say("Planning documents", "规划文件数"))),
        color=alt.Color(f"{city}:N", title=say("City", "城市"), sort=cities,
                        scale=alt.Scale(domain=cities, range=[PALETTE[1], PALETTE[4]])),
        tooltip=[alt.Tooltip("city_zh:N", title="城市"), alt.Tooltip(f"{half}:N", title=say("Half-year", "半年")),
                 alt.Tooltip("documents:Q", title=say("Documents", "文件数"))],
    )
    busiest = intensity.loc[intensity.documents.idxmax()]
    totals = intensity.groupby(["city_en", "city_zh"]).documents.sum()
    return bars.properties(
        width=WIDTH - 80, height=220, usermeta=data_files("events.csv"),
        description=say(
            f"Grouped bars of planning documents per half-year for Jiaxing and Nantong, "
            f"{intensity.half_year.iloc[0]} to {intensity.half_year.iloc[-1]}. Totals: "
            + ", ".join(f"{en} {n}" for (en, _), n in totals.items())
            + f". The busiest half-year is {busiest.half_year} for {busiest.city_en} with {busiest.documents}.",
            f"嘉兴、南通每半年规划文件数的分组柱状图，{intensity.half_year_zh.iloc[0]}至{intensity.half_year_zh.iloc[-1]}。合计："
            + "，".join(f"{zh}{n}份" for (_, zh), n in totals.items())
            + f"。文件最多的半年是{busiest.city_zh}的{busiest.half_year_zh}，共{busiest.documents}份。"),
    )


# Whether the paper states an amount as expected (预计), and the axis title of each quantity.
STATUS = {False: ("achieved or set", "已实现或已设定"), True: ("expected (预计)", "预计")}
QUANTITY_TITLES = {"money_cny": ("Yuan, in 亿元 (10⁸ yuan)", "人民币，单位：亿元"),
                   "money_usd": ("US dollars, in 万美元 (10⁴ dollars)", "美元，单位：万美元"),
                   "count": ("Count (个)", "数量（个）")}


@in_both_languages
def outcomes(amounts: pd.DataFrame) -> alt.VConcatChart:
    """One bar chart per quantity, one above the other, each on an axis in the paper's unit for it
    (``axis_unit``); labels give the paper's own figure and hedge. Amounts without an axis unit
    (a single area) are left to the table."""
    drawn = amounts[amounts.axis_unit.notna()]
    statuses = [word(STATUS, expected) for expected in (False, True)]
    shown = drawn.assign(
        label=say(drawn.stated, drawn.stated_zh),
        item=say(drawn.short_en + " · " + drawn.measure.str.replace("_", " "), drawn.short_zh + "·" + drawn.measure_zh),
        status=drawn.qualifier.map(lambda q: word(STATUS, q == "expected")),
    )
    panels = []
    for quantity, titles in QUANTITY_TITLES.items():
        frame = shown[shown.quantity == quantity]
        if frame.empty:
            continue
        unit, title = frame.axis_unit.iloc[0], word(QUANTITY_TITLES, quantity)
        axis = count_axis(title) if quantity == "count" else alt.Axis(title=title, format=",~r")
        tooltip = ([alt.Tooltip("subject_zh:N", title="对象"), alt.Tooltip("subject_en:N", title="What"),
                    alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("label:N", title="Stated by the paper"),
                    alt.Tooltip("axis_value:Q", title=f"In {unit}", format=",~r"),
                    alt.Tooltip("qualifier:N", title="Qualifier"), alt.Tooltip("source:N", title="Source")]
                   if current() == "en" else
                   [alt.Tooltip("subject_zh:N", title="对象"), alt.Tooltip("measure_zh:N", title="指标"),
                    alt.Tooltip("label:N", title="原文所述"), alt.Tooltip("axis_value:Q", title=f"数值（{unit}）", format=",~r"),
                    alt.Tooltip("qualifier_zh:N", title="限定语"), alt.Tooltip("source:N", title="来源（references.bib）")])
        base = alt.Chart(frame).encode(
            y=alt.Y("item:N", title=None, sort=alt.EncodingSortField("axis_value", order="descending"),
                  axis=alt.Axis(labelLimit=250)),
            x=alt.X("axis_value:Q", axis=axis, scale=alt.Scale(nice=True)),
            tooltip=tooltip,
        )
        bars = base.mark_bar().encode(color=alt.Color("status:N", title=say("As the paper states it", "原文的表述"), sort=statuses,
                                                        scale=alt.Scale(domain=statuses, range=[PALETTE[0], PALETTE[4]])))
        text = base.mark_text(align="left", dx=3, fontSize=11).encode(text="label:N")
        panels.append(alt.layer(bars, text).properties(width=PANEL_WIDTH, height=alt.Step(20)))
    money = shown[shown.quantity == "money_cny"]
    largest = money.loc[money.axis_value.idxmax()]
    left_out = amounts[amounts.axis_unit.isna()]
    return alt.vconcat(*panels, spacing=18).resolve_scale(x="independent", color="shared").properties(
        usermeta=data_files("amounts.csv", "units.csv"),
        description=say(
            f"Bar charts of {len(shown)} of the {len(amounts)} amounts of sections II and III.1, one panel per "
            "quantity, each axis in the paper's unit for it ("
            + ", ".join(dict.fromkeys(shown.axis_unit)) + "); no currency is converted, and expected values "
            f"are lighter. The largest is {largest.label} for {largest.subject_en}."
            + (" Not drawn, a single value: " + "; ".join(f"{r.short_en} {r.measure.replace('_', ' ')} {r.stated}"
                                                          for r in left_out.itertuples()) + " (in the table)."
               if len(left_out) else ""),
            f"原文第二部分及III.1节的{len(amounts)}项数额中{len(shown)}项的条形图，每种量一个分图，各轴采用原文对该量所用的单位（"
            + join(dict.fromkeys(shown.axis_unit)) + "）；不作币种换算，预计值颜色较浅。"
            f"最大者为{largest.subject_zh}的{largest.label}。"
            + ("未画出的单一数值：" + "；".join(f"{r.short_zh}{r.measure_zh}{r.stated_zh}" for r in left_out.itertuples())
               + "（见表）。" if len(left_out) else "")),
    )
