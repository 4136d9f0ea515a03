"""Figures of chapter 1 (paper section I): timeline, council growth, spatial expansion, planned scopes."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import MUTED, PALETTE, WIDTH

PROJECTION = {"type": "mercator"}
ERA_COLORS = alt.Scale(range=PALETTE[:4])


def timeline(bands: pd.DataFrame, events: pd.DataFrame) -> alt.LayerChart:
    """Eras as bands in their own lanes, every dated event as a mark with a tooltip."""
    lane = alt.Y("label:N", sort=alt.SortField("era_order"), title=None,
                 axis=alt.Axis(labelLimit=320))
    era_color = alt.Color("label:N", sort=alt.SortField("era_order"), scale=ERA_COLORS, legend=None)
    band = alt.Chart(bands).mark_bar(opacity=0.35, height=22).encode(
        x=alt.X("start:T", title="Year", axis=alt.Axis(format="%Y", tickCount=10)),
        x2="end:T", y=lane, color=era_color,
        tooltip=[alt.Tooltip("name_zh:N", title="模式"), alt.Tooltip("name_en:N", title="Mode"),
                 alt.Tooltip("start_year:Q", title="From", format="d")],
    )
    marks = alt.Chart(events.assign(label=events.era_zh + " " + events.era_short_en)).mark_point(
        filled=True, size=90, opacity=1, stroke="white", strokeWidth=1).encode(
        x="when:T", y=lane, color=era_color,
        shape=alt.Shape("kind:N", title="Event kind"),
        tooltip=[alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("title_zh:N", title="事件"),
                 alt.Tooltip("title_en:N", title="Event"), alt.Tooltip("source:N", title="Source (references.bib)")],
    )
    return alt.layer(band, marks).properties(
        width=WIDTH - 100, height=170, usermeta=data_files("eras.csv", "events.csv"),
        description=("Timeline from 1982 to 2018 with one lane for each of the paper's governance modes: "
                     + ", ".join(bands[bands.kind == "governance_mode"].name_en)
                     + "; and, in a lane set apart as the book's arrangement, the "
                     + ", ".join(bands[bands.kind == "cooperation_mode"].name_en)
                     + f", which the paper places within the third. Bands show the periods the paper gives, open ones "
                       f"drawn to 2018; {len(events)} dated events of section I are marked in their mode's lane."),
    )


def council_growth(growth: pd.DataFrame, roster: pd.DataFrame) -> alt.LayerChart:
    """Members after each admission, stacked by province, with the paper's stated totals."""
    stacked = roster.merge(growth[["event_id", "date"]], how="cross", suffixes=("_city", "")) \
        .query("wave <= date")
    counts = stacked.groupby(["date", "province_en"], as_index=False).size()
    order = ["Shanghai", "Jiangsu", "Zhejiang", "Anhui"]
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("date:N", title="Admission (date as the paper states it)", sort=list(growth.date)),
        y=alt.Y("size:Q", title="Member cities", stack=True),
        color=alt.Color("province_en:N", title="Province", sort=order, scale=alt.Scale(domain=order, range=PALETTE[:4])),
        order=alt.Order("province_order:Q"),
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("province_en:N", title="Province"),
                 alt.Tooltip("size:Q", title="Members")],
    ).transform_calculate(province_order=f"indexof({order}, datum.province_en)")
    totals = alt.Chart(growth).mark_text(dy=-8, fontSize=12).encode(
        x=alt.X("date:N", sort=list(growth.date)), y="members:Q", text="members:Q")
    return alt.layer(bars, totals).properties(
        width=WIDTH - 200, height=260,
        usermeta=data_files("memberships.csv", "events.csv", "cities.csv", "provinces.csv"),
        description=("Stacked bars of the council's member cities after each admission, by province: "
                     + "; ".join(f"{r.date_en}: {r.members}" for r in growth.itertuples())
                     + ". Anhui appears from March 2010."),
    )


def members_map(members: pd.DataFrame) -> alt.LayerChart:
    """Member cities at their coordinates, coloured by the wave in which they joined."""
    waves = list(dict.fromkeys(members.sort_values("wave").wave_en))
    color = alt.Color("wave_en:N", title="Joined", sort=waves, scale=alt.Scale(domain=waves, range=PALETTE[:len(waves)]))
    base = alt.Chart(members).encode(longitude="lon:Q", latitude="lat:Q")
    points = base.mark_circle(size=110, opacity=0.95, stroke="white", strokeWidth=0.8).encode(
        color=color, tooltip=[alt.Tooltip("name_zh:N", title="城市"), alt.Tooltip("name_en:N", title="City"),
                              alt.Tooltip("province_en:N", title="Province"), alt.Tooltip("wave_en:N", title="Joined")])
    labels = base.mark_text(align="left", dx=7, fontSize=10, color="#333").encode(text="name_zh:N")
    return alt.layer(points, labels).project(**PROJECTION).properties(
        width=WIDTH - 120, height=460,
        usermeta=data_files("memberships.csv", "cities.csv", "events.csv", "provinces.csv"),
        description=(f"Map of the {len(members)} council member cities at their approximate locations, coloured by "
                     "admission wave: " + "; ".join(f"{w}: {n} cities" for w, n in
                                                   members.groupby('wave_en', sort=False).size().items()) + "."),
    )


def planned_scopes(scopes: pd.DataFrame) -> alt.HConcatChart:
    """One small map per planned scope: which cities it covered (2016 circles coloured)."""
    circles = [c for c in dict.fromkeys(scopes.circle_en) if c not in ("outside", "in plan, no circle")]
    domain = ["outside", "in plan, no circle", *circles]
    colors = [MUTED, "#555555", *PALETTE[: len(circles)]]
    panels = []
    for scope, frame in scopes.groupby("scope", sort=False):
        title = f"{frame.scope_zh.iloc[0]} {frame.scope_en.iloc[0]} · {int(frame.inside.sum())}"
        base = alt.Chart(frame).encode(longitude="lon:Q", latitude="lat:Q")
        dots = base.mark_circle(size=60, opacity=1).encode(
            color=alt.Color("circle_en:N", title="2016 plan", scale=alt.Scale(domain=domain, range=colors)),
            tooltip=[alt.Tooltip("name_zh:N", title="城市"), alt.Tooltip("name_en:N", title="City"),
                     alt.Tooltip("inside:N", title="In scope"), alt.Tooltip("circle_en:N", title="Circle")])
        panels.append(alt.layer(dots).project(**PROJECTION).properties(width=190, height=240, title=title))
    summary = "; ".join(f"{f.scope_en.iloc[0]}: {int(f.inside.sum())} cities" for _, f in scopes.groupby("scope", sort=False))
    return alt.hconcat(*panels).properties(
        usermeta=data_files("memberships.csv", "groupings.csv", "cities.csv"),
        description=(f"Three small maps of the same {scopes.city_id.nunique()} cities, highlighting the cities inside "
                     f"each planned scope ({summary}); the 2016 panel colours the five metropolitan circles."),
    )
