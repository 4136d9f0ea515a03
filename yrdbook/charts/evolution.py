"""Figures of chapter 1 (paper section I): timeline, council growth, spatial expansion, planned scopes."""

import altair as alt
import pandas as pd

from ..language import field, in_both_languages, join, say
from . import maps
from .render import data_files
from .theme import PALETTE, WIDTH, count_axis



def not_member() -> str:
    return say("not a member", "非成员")


def outside() -> str:
    return say("outside", "规划范围外")


def no_circle() -> str:
    return say("in plan, no circle", "规划范围内，不属都市圈")

IN_SCOPE = "#8C8C8C"  # a city in a scope outside any circle: between the circles' colours and "outside"
MAP_WIDTH = 460  # a map of the four provinces is taller than wide: this fits it on a printed page
SCOPE_PANEL_WIDTH = 184  # three maps in a row within the print width
ERA_COLORS = alt.Scale(range=PALETTE[:4])


@in_both_languages
def timeline(bands: pd.DataFrame, events: pd.DataFrame) -> alt.LayerChart:
    """Eras as bands in their own lanes, every dated event as a mark with a tooltip."""
    lane = alt.Y("label:N", sort=alt.SortField("era_order"), title=None,
                 axis=alt.Axis(labelLimit=320))
    era_color = alt.Color("label:N", sort=alt.SortField("era_order"), scale=ERA_COLORS, legend=None)
    if field("x") == "x_zh":  # the Chinese edition's lanes: the modes' Chinese names only
        bands = bands.assign(label=bands.name_zh)
        events = events.assign(label=events.era_zh)
    else:
        events = events.assign(label=events.era_zh + " " + events.era_short_en)
    mode_tooltips = [alt.Tooltip("name_zh:N", title="模式")] + (
        [alt.Tooltip("name_en:N", title="Mode")] if field("x") == "x_en" else [])
    band = alt.Chart(bands).mark_bar(opacity=0.35, height=22).encode(
        x=alt.X("start:T", title=say("Year", "年份"), axis=alt.Axis(format="%Y", tickCount=10)),
        x2="end:T", y=lane, color=era_color,
        tooltip=[*mode_tooltips, alt.Tooltip("start_year:Q", title=say("From", "起始年份"), format="d")],
    )
    event_tooltips = ([alt.Tooltip("date_en:N", title="Date"), alt.Tooltip("title_zh:N", title="事件"),
                       alt.Tooltip("title_en:N", title="Event")] if field("x") == "x_en" else
                      [alt.Tooltip("date_zh:N", title="日期"), alt.Tooltip("title_zh:N", title="事件")])
    marks = alt.Chart(events).mark_point(
        filled=True, size=90, opacity=1, stroke="white", strokeWidth=1).encode(
        x="when:T", y=lane, color=era_color,
        shape=alt.Shape(f"{field('kind_label')}:N", title=say("Event kind", "事件类型")),
        tooltip=[*event_tooltips, alt.Tooltip("source:N", title=say("Source (references.bib)", "来源（references.bib）"))],
    )
    modes = bands[bands.kind == "governance_mode"]
    cooperation = bands[bands.kind == "cooperation_mode"]
    return alt.layer(band, marks).properties(
        width=340, height=170, usermeta=data_files("eras.csv", "events.csv"),
        description=say(
            "Timeline from 1982 to 2018 with one lane for each of the paper's governance modes: "
            + join(modes.name_en) + "; and, in a lane set apart as the book's arrangement, the "
            + join(cooperation.name_en)
            + f", which the paper places within the third. Bands show the periods the paper gives, open ones "
              f"drawn to 2018; {len(events)} dated events of section I are marked in their mode's lane.",
            "1982年至2018年的时间轴，原文的每种治理模式各占一道：" + join(modes.name_zh)
            + "；另有一道单列" + join(cooperation.name_zh)
            + f"（单列是本书的安排，原文将其置于第三种模式之内）。色带表示原文所给的时期，未言终止者画至2018年；"
              f"原文第一部分的{len(events)}个有日期的事件标在其所属模式的一道上。"),
    )


@in_both_languages
def council_growth(growth: pd.DataFrame, roster: pd.DataFrame) -> alt.LayerChart:
    """Members after each admission, stacked by province, with the paper's stated totals."""
    province = field("province")
    stacked = roster.merge(growth[["event_id", "date"]], how="cross", suffixes=("_city", "")) \
        .query("wave <= date")
    counts = stacked.groupby(["date", province], as_index=False).size()
    order = say(["Shanghai", "Jiangsu", "Zhejiang", "Anhui"], ["上海市", "江苏省", "浙江省", "安徽省"])
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("date:N", title=say("Admission (date as the paper states it)", "入会（原文所述日期）"), sort=list(growth.date)),
        y=alt.Y("size:Q", axis=count_axis(say("Member cities", "成员城市数")), stack=True),
        color=alt.Color(f"{province}:N", title=say("Province", "省级单位"), sort=order,
                        scale=alt.Scale(domain=order, range=PALETTE[:4])),
        order=alt.Order("province_order:Q"),
        tooltip=[alt.Tooltip("date:N", title=say("Date", "日期")), alt.Tooltip(f"{province}:N", title=say("Province", "省级单位")),
                 alt.Tooltip("size:Q", title=say("Members", "成员数"))],
    ).transform_calculate(province_order=f"indexof({order}, datum.{province})")
    totals = alt.Chart(growth).mark_text(dy=-8, fontSize=12).encode(
        x=alt.X("date:N", sort=list(growth.date)), y="members:Q", text="members:Q")
    return alt.layer(bars, totals).properties(
        width=WIDTH - 200, height=260,
        usermeta=data_files("memberships.csv", "events.csv", "cities.csv", "provinces.csv"),
        description=say(
            "Stacked bars of the council's member cities after each admission, by province: "
            + "; ".join(f"{r.date_en}: {r.members}" for r in growth.itertuples()) + ". Anhui appears from March 2010.",
            "协调会每次接纳新成员后的成员城市数，按省级单位堆叠："
            + "；".join(f"{r.date_zh}：{r.members}个" for r in growth.itertuples()) + "。安徽自2010年3月起出现。"),
    )


@in_both_languages
def members_map(members: pd.DataFrame) -> alt.LayerChart:
    """Today's city polygons coloured by the wave in which each member city joined the council."""
    wave = field("wave")
    waves = list(dict.fromkeys(members.sort_values("wave")[wave]))
    domain = [*waves, not_member()]
    color = alt.Color(f"{wave}:N", title=say("Joined the council", "入会批次"), sort=domain,
                      scale=alt.Scale(domain=domain, range=[*PALETTE[:len(waves)], maps.OTHER]))
    tooltip = ([alt.Tooltip("name_en:N", title="City"), alt.Tooltip("province_en:N", title="Province"),
                alt.Tooltip("wave_en:N", title="Joined")] if wave == "wave_en" else
               [alt.Tooltip("province_zh:N", title="省级单位"), alt.Tooltip("wave_zh:N", title="入会")])
    columns = ["city_id", "name_en", "province_en", "wave_en"] if wave == "wave_en" else ["city_id", "province_zh", "wave_zh"]
    layers = maps.city_layers(members[columns], wave, color, tooltip, maps.key_city_labels(members), missing=not_member())
    named = maps.key_city_labels(members, "en").label
    return maps.map_view(
        layers, width=MAP_WIDTH,
        usermeta=data_files("memberships.csv", "cities.csv", "events.csv", "provinces.csv", maps.BOUNDARY_FILE),
        description=say(
            f"Map of Shanghai, Jiangsu, Zhejiang and Anhui by prefecture-level city, today's boundaries, the "
            f"{len(members)} council member cities coloured by admission wave: "
            + "; ".join(f"{w}: {n} cities" for w, n in members.groupby('wave_en', sort=False).size().items())
            + "; other cities grey. Named: " + ", ".join(named) + ".",
            f"上海、江苏、浙江、安徽四地按地级市绘制的地图（今日边界），协调会的{len(members)}个成员城市按入会批次着色："
            + "；".join(f"{w}{n}个城市" for w, n in members.groupby('wave_zh', sort=False).size().items())
            + "；其他城市为灰色。标注城市：" + "、".join(maps.key_city_labels(members, "zh").label) + "。"),
    )


@in_both_languages
def planned_scopes(scopes: pd.DataFrame) -> alt.ConcatChart:
    """One map per planned scope: the cities it covered (2016 circles coloured), today's boundaries."""
    circle = field("circle")
    circles = [c for c in dict.fromkeys(scopes[circle]) if c not in (outside(), no_circle())]
    domain = [no_circle(), *circles, outside()]
    color = alt.Color(f"{circle}:N", title=say("Cities in the scope; in 2016, by metropolitan circle",
                                               "规划范围内的城市；2016年按都市圈"), sort=domain,
                      scale=alt.Scale(domain=domain, range=[IN_SCOPE, *PALETTE[: len(circles)], maps.OTHER]),
                      legend=alt.Legend(columns=2, labelLimit=300, titleLimit=600))
    labels = maps.key_city_labels(scopes.drop_duplicates("city_id"), "en")
    panels = []
    for _, frame in scopes.groupby("scope", sort=False):
        count = int(frame.inside.sum())
        title = say([frame.scope_zh.iloc[0], f"{frame.scope_en.iloc[0]} · {count} cities"],
                    [frame.scope_zh.iloc[0], f"{count}个城市"])
        frame = frame.assign(in_scope=frame.inside.map({True: say("yes", "是"), False: say("no", "否")}))
        tooltip = ([alt.Tooltip("name_en:N", title="City")] if circle == "circle_en" else []) + [
            alt.Tooltip("in_scope:N", title=say("In scope", "在规划范围内")), alt.Tooltip(f"{circle}:N", title=say("Circle", "都市圈"))]
        columns = ["city_id", "in_scope", circle] + (["name_en"] if circle == "circle_en" else [])
        layers = maps.city_layers(frame[columns], circle, color, tooltip, labels, missing=outside())
        panels.append(maps.map_view(layers, width=SCOPE_PANEL_WIDTH,
                                    title=alt.TitleParams(title, fontSize=11, anchor="middle")))
    groups = list(scopes.groupby("scope", sort=False))
    return alt.concat(*panels, columns=len(panels), spacing=8).properties(
        usermeta=maps.with_aspect(data_files("memberships.csv", "groupings.csv", "cities.csv", maps.BOUNDARY_FILE)),
        description=say(
            "Three maps of Shanghai, Jiangsu, Zhejiang and Anhui by prefecture-level city, today's boundaries, "
            "each colouring the cities inside one planned scope ("
            + "; ".join(f"{f.scope_en.iloc[0]}: {int(f.inside.sum())} cities" for _, f in groups)
            + "); the 2016 map colours the five metropolitan circles. Named: " + ", ".join(labels.label) + ".",
            "三幅上海、江苏、浙江、安徽按地级市绘制的地图（今日边界），各为一个规划范围内的城市着色（"
            + "；".join(f"{f.scope_zh.iloc[0]}{int(f.inside.sum())}个城市" for _, f in groups)
            + "）；2016年一图为五个都市圈分别着色。标注城市："
            + "、".join(maps.key_city_labels(scopes.drop_duplicates("city_id"), "zh").label) + "。"),
    )
