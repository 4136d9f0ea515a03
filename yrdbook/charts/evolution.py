"""Figures of chapter 1 (paper section I): timeline, council growth, spatial expansion, planned scopes."""

import altair as alt
import pandas as pd

from . import maps
from .render import data_files
from .theme import PALETTE, WIDTH, count_axis

NOT_MEMBER = "not a member"
OUTSIDE, NO_CIRCLE = "outside", "in plan, no circle"
IN_SCOPE = "#8C8C8C"  # a city in a scope outside any circle: between the circles' colours and "outside"
MAP_WIDTH = 460  # a map of the four provinces is taller than wide: this fits it on a printed page
SCOPE_PANEL_WIDTH = 184  # three maps in a row within the print width
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
        width=340, height=170, usermeta=data_files("eras.csv", "events.csv"),
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
        y=alt.Y("size:Q", axis=count_axis("Member cities"), stack=True),
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
    """Today's city polygons coloured by the wave in which each member city joined the council."""
    waves = list(dict.fromkeys(members.sort_values("wave").wave_en))
    domain = [*waves, NOT_MEMBER]
    color = alt.Color("wave_en:N", title="Joined the council", sort=domain,
                      scale=alt.Scale(domain=domain, range=[*PALETTE[:len(waves)], maps.OTHER]))
    tooltip = [alt.Tooltip("name_en:N", title="City"), alt.Tooltip("province_en:N", title="Province"),
               alt.Tooltip("wave_en:N", title="Joined")]
    layers = maps.city_layers(members[["city_id", "name_en", "province_en", "wave_en"]], "wave_en", color, tooltip,
                              maps.key_city_labels(members), missing=NOT_MEMBER)
    return maps.map_view(
        layers, width=MAP_WIDTH,
        usermeta=data_files("memberships.csv", "cities.csv", "events.csv", "provinces.csv", maps.BOUNDARY_FILE),
        description=(f"Map of Shanghai, Jiangsu, Zhejiang and Anhui by prefecture-level city, today's boundaries, the "
                     f"{len(members)} council member cities coloured by admission wave: "
                     + "; ".join(f"{w}: {n} cities" for w, n in members.groupby('wave_en', sort=False).size().items())
                     + "; other cities grey. Named: " + ", ".join(maps.key_city_labels(members, "en").label) + "."),
    )


def planned_scopes(scopes: pd.DataFrame) -> alt.ConcatChart:
    """One map per planned scope: the cities it covered (2016 circles coloured), today's boundaries."""
    circles = [c for c in dict.fromkeys(scopes.circle_en) if c not in (OUTSIDE, NO_CIRCLE)]
    domain = [NO_CIRCLE, *circles, OUTSIDE]
    color = alt.Color("circle_en:N", title="Cities in the scope; in 2016, by metropolitan circle", sort=domain,
                      scale=alt.Scale(domain=domain, range=[IN_SCOPE, *PALETTE[: len(circles)], maps.OTHER]),
                      legend=alt.Legend(columns=2, labelLimit=300, titleLimit=600))
    labels = maps.key_city_labels(scopes.drop_duplicates("city_id"), "en")
    panels = []
    for _, frame in scopes.groupby("scope", sort=False):
        title = [frame.scope_zh.iloc[0], f"{frame.scope_en.iloc[0]} · {int(frame.inside.sum())} cities"]
        tooltip = [alt.Tooltip("name_en:N", title="City"), alt.Tooltip("inside:N", title="In scope"),
                   alt.Tooltip("circle_en:N", title="Circle")]
        layers = maps.city_layers(frame[["city_id", "name_en", "inside", "circle_en"]], "circle_en", color, tooltip,
                                  labels, missing=OUTSIDE)
        panels.append(maps.map_view(layers, width=SCOPE_PANEL_WIDTH,
                                    title=alt.TitleParams(title, fontSize=11, anchor="middle")))
    summary = "; ".join(f"{f.scope_en.iloc[0]}: {int(f.inside.sum())} cities" for _, f in scopes.groupby("scope", sort=False))
    return alt.concat(*panels, columns=len(panels), spacing=8).properties(
        usermeta=maps.with_aspect(data_files("memberships.csv", "groupings.csv", "cities.csv", maps.BOUNDARY_FILE)),
        description=(f"Three maps of Shanghai, Jiangsu, Zhejiang and Anhui by prefecture-level city, today's boundaries, "
                     f"each colouring the cities inside one planned scope ({summary}); the 2016 map colours the five "
                     "metropolitan circles. Named: " + ", ".join(labels.label) + "."),
    )
