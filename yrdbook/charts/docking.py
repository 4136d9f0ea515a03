"""Figures of chapter 2 (paper sections II.1–II.3): docking chronologies, planning intensity, outcomes."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import PALETTE, WIDTH, count_axis

PANEL_WIDTH = 300  # a panel of the outcomes figure: with its labels, within the print width

LEVEL_ORDER = ["city", "provincial", "joint"]
KIND_ORDER = ["visit", "plan", "approval", "document", "conference", "agreement", "investment"]


def chronologies(steps: pd.DataFrame, start: str = "2014-01-01") -> alt.Chart:
    """Both cities' docking steps on one time axis, one lane per city, coloured by level."""
    shown = steps[steps.when >= pd.Timestamp(start)]
    left_out = steps[steps.when < pd.Timestamp(start)]
    chart = alt.Chart(shown).mark_point(filled=True, size=110, opacity=0.9).encode(
        x=alt.X("when:T", title="Date (partial dates at the start of their month)",
                scale=alt.Scale(domain=[start, "2018-01-01"]), axis=alt.Axis(format="%Y-%m", tickCount=8)),
        y=alt.Y("city_en:N", title=None, sort=["Jiaxing", "Nantong"], axis=alt.Axis(labelFontSize=12)),
        yOffset=alt.YOffset("same_month_rank:O"),
        color=alt.Color("level:N", title="Level", sort=LEVEL_ORDER, scale=alt.Scale(domain=LEVEL_ORDER, range=PALETTE[:3])),
        shape=alt.Shape("kind:N", title="Kind", sort=KIND_ORDER, scale=alt.Scale(domain=KIND_ORDER)),
        tooltip=[alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("city_zh:N", title="城市"),
                 alt.Tooltip("title_zh:N", title="事项"), alt.Tooltip("title_en:N", title="Step"),
                 alt.Tooltip("level:N", title="Level"), alt.Tooltip("source:N", title="Source")],
    )
    counts = shown.groupby("city_en").size()
    note = (f" {len(left_out)} earlier step(s) before {start[:4]} are listed in the table but not drawn."
            if len(left_out) else "")
    return chart.properties(
        width=570, height=200, usermeta=data_files("events.csv", "cities.csv"),
        description=("Dot chart of the docking steps of Jiaxing and Nantong with Shanghai on one time axis from "
                     f"{start[:4]} to 2017: " + ", ".join(f"{c} {n} steps" for c, n in counts.items())
                     + ", coloured by city, provincial or joint level." + note),
    )


def planning_intensity(intensity: pd.DataFrame) -> alt.Chart:
    """Planning documents per half-year, the two cities side by side."""
    cities = list(dict.fromkeys(intensity.city_en))
    bars = alt.Chart(intensity).mark_bar().encode(
        x=alt.X("half_year:N", title="Half-year", sort=list(dict.fromkeys(intensity.half_year)), axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("city_en:N", sort=cities),
        y=alt.Y("documents:Q", axis=count_axis("Planning documents")),
        color=alt.Color("city_en:N", title="City", sort=cities, scale=alt.Scale(domain=cities, range=[PALETTE[1], PALETTE[4]])),
        tooltip=[alt.Tooltip("city_zh:N", title="城市"), alt.Tooltip("half_year:N", title="Half-year"),
                 alt.Tooltip("documents:Q", title="Documents")],
    )
    busiest = intensity.loc[intensity.documents.idxmax()]
    return bars.properties(
        width=WIDTH - 80, height=220, usermeta=data_files("events.csv"),
        description=(f"Grouped bars of planning documents per half-year for Jiaxing and Nantong, "
                     f"{intensity.half_year.iloc[0]} to {intensity.half_year.iloc[-1]}. Totals: "
                     + ", ".join(f"{c} {n}" for c, n in intensity.groupby('city_en').documents.sum().items())
                     + f". The busiest half-year is {busiest.half_year} for {busiest.city_en} with {busiest.documents}."),
    )


STATUS = {False: "achieved or set", True: "expected (预计)"}
QUANTITY_TITLES = {"money_cny": "Yuan, in 亿元 (10⁸ yuan)", "money_usd": "US dollars, in 万美元 (10⁴ dollars)",
                   "count": "Count (个)"}


def outcomes(amounts: pd.DataFrame) -> alt.VConcatChart:
    """One bar chart per quantity, one above the other, each on an axis in the paper's unit for it
    (``axis_unit``); labels give the paper's own figure and hedge. Amounts without an axis unit
    (a single area) are left to the table."""
    drawn = amounts[amounts.axis_unit.notna()]
    shown = drawn.assign(
        label=drawn.stated,
        item=drawn.short_en + " · " + drawn.measure.str.replace("_", " "),
        status=drawn.qualifier.map(lambda q: STATUS[q == "expected"]),
    )
    panels = []
    for quantity, title in QUANTITY_TITLES.items():
        frame = shown[shown.quantity == quantity]
        if frame.empty:
            continue
        unit = frame.axis_unit.iloc[0]
        axis = count_axis(title) if quantity == "count" else alt.Axis(title=title, format=",~r")
        base = alt.Chart(frame).encode(
            y=alt.Y("item:N", title=None, sort=alt.EncodingSortField("axis_value", order="descending"),
                  axis=alt.Axis(labelLimit=250)),
            x=alt.X("axis_value:Q", axis=axis, scale=alt.Scale(nice=True)),
            tooltip=[alt.Tooltip("subject_zh:N", title="对象"), alt.Tooltip("subject_en:N", title="What"),
                     alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("label:N", title="Stated by the paper"),
                     alt.Tooltip("axis_value:Q", title=f"In {unit}", format=",~r"),
                     alt.Tooltip("qualifier:N", title="Qualifier"), alt.Tooltip("source:N", title="Source")],
        )
        bars = base.mark_bar().encode(color=alt.Color("status:N", title="As the paper states it", sort=list(STATUS.values()),
                                                        scale=alt.Scale(domain=list(STATUS.values()), range=[PALETTE[0], PALETTE[4]])))
        text = base.mark_text(align="left", dx=3, fontSize=11).encode(text="label:N")
        panels.append(alt.layer(bars, text).properties(width=PANEL_WIDTH, height=alt.Step(20)))
    money = shown[shown.quantity == "money_cny"]
    left_out = amounts[amounts.axis_unit.isna()]
    return alt.vconcat(*panels, spacing=18).resolve_scale(x="independent", color="shared").properties(
        usermeta=data_files("amounts.csv", "units.csv"),
        description=(f"Bar charts of {len(shown)} of the {len(amounts)} amounts of sections II and III.1, one panel per "
                     "quantity, each axis in the paper's unit for it ("
                     + ", ".join(dict.fromkeys(shown.axis_unit)) + "); no currency is converted, and expected values "
                     "are lighter. The largest is "
                     f"{money.loc[money.axis_value.idxmax(), 'label']} for {money.loc[money.axis_value.idxmax(), 'subject_en']}."
                     + (" Not drawn, a single value: " + "; ".join(f"{r.short_en} {r.measure.replace('_', ' ')} {r.stated}"
                                                                   for r in left_out.itertuples()) + " (in the table)."
                        if len(left_out) else "")),
    )
