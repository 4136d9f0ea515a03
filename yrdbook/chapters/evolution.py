"""Chapter 1 · From segmented to integrated governance (paper section I): the modes of YRD
governance, the coordination council's growth, and the planned scopes."""

import pandas as pd

from .. import dates
from ..data import BookData
from ..language import in_both_languages, say
from ..provenance import computed, paper, stated
from ..vocabulary import EVENT_KINDS, word
from ..tables import BookTable, bilingual, bilingual_column, cite, markup, source_cell

OPEN_END_YEAR = 2018  # the paper's vantage point; open-ended modes are drawn up to here
PROVINCE_ORDER = ["SH", "JS", "ZJ", "AH"]


def province_mix(province_ids: pd.Series, data: BookData) -> dict:
    """Count the provinces and municipalities that a set of cities lies in."""
    kinds = data.provinces.set_index("province_id")["admin_kind"]
    present = [p for p in PROVINCE_ORDER if p in set(province_ids)]
    mix = pd.Series([kinds[p] for p in present]).value_counts()
    return {"provinces": int(mix.get("province", 0)), "municipalities": int(mix.get("municipality", 0)),
            "province_ids": present}


def mix_label(mix: dict, lang: str = "en") -> str:
    """'2 provinces + 1 municipality' or the paper's own '两省一市'."""
    if lang == "zh":
        numerals = "零一两三四五"
        return f"{numerals[mix['provinces']]}省{numerals[mix['municipalities']]}市"
    p, m = mix["provinces"], mix["municipalities"]
    return f"{p} province{'s' if p != 1 else ''} + {m} municipalit{'ies' if m != 1 else 'y'}"


def group_members(data: BookData, group_id: str) -> pd.DataFrame:
    members = data.memberships[data.memberships.group_id == group_id]
    return members.merge(data.cities, on="city_id", how="left", suffixes=("", "_city"))


def council_growth(data: BookData) -> pd.DataFrame:
    """The cooperation body's size after each admission, computed from the member roster.

    ``members`` is counted from memberships.csv; ``stated_by_paper`` is the size the paper
    states after that admission, where it states one (empty elsewhere).
    """
    roster = group_members(data, "city_council")
    events = data.events[data.events.event_id.isin(roster.event_id)]
    rows = []
    for _, event in events.sort_values("date").iterrows():
        admitted = roster[roster.event_id == event.event_id]
        so_far = roster[roster.event_id.isin(events[events.date <= event.date].event_id)]
        mix = province_mix(so_far.province_id, data)
        rows.append({
            "event_id": event.event_id,
            "date": event.date,
            "date_en": dates.english(event.date),
            "date_zh": dates.chinese(event.date),
            "title_zh": event.title_zh,
            "title_en": event.title_en,
            "admitted": len(admitted),
            "admitted_zh": "、".join(admitted.name_zh),
            "admitted_en": ", ".join(admitted.name_en),
            "members": len(so_far),
            "stated_by_paper": event.stated_member_count,
            "coverage_en": mix_label(mix),
            "coverage_zh": mix_label(mix, "zh"),
            "source": event.source,
        })
    return pd.DataFrame(rows)


def members_by_wave(data: BookData) -> pd.DataFrame:
    """Each council member with its coordinates and the admission wave it joined in."""
    roster = group_members(data, "city_council")
    waves = data.events.set_index("event_id")
    roster = roster.assign(
        wave=roster.event_id.map(waves.date),
        wave_en=roster.event_id.map(lambda e: dates.english(waves.date[e])),
        wave_zh=roster.event_id.map(lambda e: dates.chinese(waves.date[e])),
        province_en=roster.province_id.map(data.provinces.set_index("province_id").name_en),
        province_zh=roster.province_id.map(data.provinces.set_index("province_id").name_zh),
    )
    return roster[["city_id", "name_zh", "name_en", "province_id", "province_en", "province_zh", "lon", "lat",
                   "wave", "wave_en", "wave_zh", "event_id", "source"]].sort_values(["wave", "city_id"]).reset_index(drop=True)


def provinces_by_wave(data: BookData) -> pd.DataFrame:
    """Which provincial-level units each wave reached, new and cumulative."""
    growth = council_growth(data)
    roster = members_by_wave(data)
    short_zh = data.provinces.set_index("province_id").name_zh
    rows, seen = [], set()
    for _, wave in growth.iterrows():
        new = [p for p in PROVINCE_ORDER if p in set(roster[roster.event_id == wave.event_id].province_id)]
        fresh = [p for p in new if p not in seen]
        seen.update(new)
        rows.append({"date": wave.date, "date_en": wave.date_en, "date_zh": wave.date_zh,
                     "provinces_reached": ", ".join(new), "newly_reached": ", ".join(fresh) or "none",
                     "provinces_reached_zh": "、".join(short_zh[p] for p in new),
                     "newly_reached_zh": "、".join(short_zh[p] for p in fresh) or "无",
                     "coverage_en": wave.coverage_en, "coverage_zh": wave.coverage_zh})
    return pd.DataFrame(rows)


PLANNED_SCOPES = ["sez_1983", "plan_2010", "plan_2016"]


def planned_scopes(data: BookData) -> pd.DataFrame:
    """For every city in any planned scope: is it inside each scope, and in which 2016 circle."""
    members = data.memberships
    scope_cities = members[members.group_id.isin(PLANNED_SCOPES)].city_id.unique()
    circles = data.groupings[data.groupings.kind == "metropolitan_circle"].set_index("group_id")
    circle_of = members[members.group_id.isin(circles.index)].set_index("city_id").group_id
    cities = data.cities[data.cities.city_id.isin(scope_cities)]
    groups = data.groupings.set_index("group_id")
    rows = []
    for scope in PLANNED_SCOPES:
        inside = set(members[members.group_id == scope].city_id)
        for _, city in cities.iterrows():
            circle = circle_of.get(city.city_id) if scope == "plan_2016" else None
            rows.append({
                "scope": scope, "scope_en": groups.short_en[scope], "scope_zh": groups.short_zh[scope],
                "scope_date": groups.date[scope],
                "city_id": city.city_id, "name_zh": city.name_zh, "name_en": city.name_en,
                "lon": city.lon, "lat": city.lat, "inside": city.city_id in inside,
                "circle_en": circles.name_en[circle] if circle else ("in plan, no circle" if city.city_id in inside else "outside"),
                "circle_zh": circles.name_zh[circle] if circle else ("规划范围内，不属都市圈" if city.city_id in inside else "规划范围外"),
            })
    return pd.DataFrame(rows)


def scope_summary(data: BookData) -> pd.DataFrame:
    """City count and provincial coverage of each scope, computed, beside what the paper states."""
    rows = []
    for _, group in data.groupings[data.groupings.kind != "metropolitan_circle"].iterrows():
        members = group_members(data, group.group_id)
        mix = province_mix(members.province_id, data)
        rows.append({
            "group_id": group.group_id, "kind": group.kind, "era_id": group.era_id,
            "short_zh": group.short_zh, "short_en": group.short_en,
            "date": group.date, "cities": len(members),
            # members the paper says joined later, without a date (Shaoxing in the Shanghai Economic Zone)
            "later": int((members.date_precision == "unknown").sum()),
            "stated_city_count": group.stated_city_count, "coverage_en": mix_label(mix), "coverage_zh": mix_label(mix, "zh"),
            "source": group.source,
        })
    return pd.DataFrame(rows)


def era_comparison(data: BookData) -> pd.DataFrame:
    """The paper's three governance modes and, beside them, the cooperation mode the paper
    places within the third; the spatial scope is computed from the member lists."""
    scopes = scope_summary(data)
    growth = council_growth(data)
    rows = []
    for _, era in data.eras.sort_values("era_order").iterrows():
        end = "" if pd.isna(era.end_year) else str(era.end_year)
        in_era = scopes[scopes.era_id == era.era_id]
        scope_en, scope_zh = [], []
        for _, s in in_era.iterrows():
            if s.group_id == "city_council":
                first, second, last = growth.iloc[0], growth.iloc[1], growth.iloc[-1]
                scope_en.append(f"joint meeting of {first.members} cities ({first.date}) → council of {second.members} "
                                f"({second.date}) → {last.members} cities ({last.date[:4]}); "
                                f"{first.coverage_en} → {last.coverage_en}")
                scope_zh.append(f"{first.members}城市联席会（{first.date}）→协调会{second.members}城（{second.date}）"
                                f"→{last.members}城（{last.date[:4]}）；{first.coverage_zh}→{last.coverage_zh}")
            elif s.kind == "docking_partnership":
                scope_en.append(f"{s.short_en}: {s.cities} cities the paper names, 'and others' (等); {s.coverage_en}")
                scope_zh.append(f"{s.short_zh}：原文举出{s.cities}城，并称“等”；{s.coverage_zh}")
            elif s.later:
                scope_en.append(f"{s.short_en}: Shanghai and {s.cities - s.later - 1} cities, {s.later} added later "
                                f"(undated): {s.cities} in all; {s.coverage_en}")
                scope_zh.append(f"{s.short_zh}：上海及{s.cities - s.later - 1}市，后增{s.later}市（未注明时间），"
                                f"共{s.cities}城；{s.coverage_zh}")
            else:
                scope_en.append(f"{s.short_en}: {s.cities} cities, {s.coverage_en}")
                scope_zh.append(f"{s.short_zh}：{s.cities}城，{s.coverage_zh}")
        rows.append({
            "era_id": era.era_id, "kind": era.kind, "name_zh": era.name_zh, "name_en": era.name_en,
            "period": f"{era.start_year}–{end}",
            "driver_zh": era.driver_zh, "driver_en": era.driver_en,
            "institution_zh": era.institution_zh, "institution_en": era.institution_en,
            "scope_zh": "；".join(scope_zh), "scope_en": "; ".join(scope_en),
            "performance_zh": era.performance_zh, "performance_en": era.performance_en,
            "section": era.section, "source": era.source,
        })
    return pd.DataFrame(rows)


def timeline_events(data: BookData, sections: tuple[str, ...] = ("I",)) -> pd.DataFrame:
    """Dated events of the given paper sections, placed on a time axis."""
    events = data.events[data.events.section.str.split(".").str[0].isin(sections)]
    eras = data.eras.set_index("era_id")
    return events.assign(
        when=events.date.map(dates.plot_position),
        date_en=events.date.map(dates.english),
        date_zh=events.date.map(dates.chinese),
        kind_label_en=events.kind.map(lambda k: word(EVENT_KINDS, k, "en")),
        kind_label_zh=events.kind.map(lambda k: word(EVENT_KINDS, k, "zh")),
        era_en=events.era_id.map(eras.name_en),
        era_short_en=events.era_id.map(eras.short_en),
        era_zh=events.era_id.map(eras.name_zh),
        era_order=events.era_id.map(eras.era_order),
    ).sort_values("when").reset_index(drop=True)


def era_bands(data: BookData) -> pd.DataFrame:
    eras = data.eras.sort_values("era_order")
    return eras.assign(
        start=eras.start_year.map(lambda y: pd.Timestamp(f"{y}-01-01")),
        end=eras.end_year.fillna(OPEN_END_YEAR).map(lambda y: pd.Timestamp(f"{int(y)}-12-31")),
        label=eras.name_zh + " " + eras.short_en,
        open_ended=eras.end_year.isna(),
    )


def era_length_years(data: BookData, era_id: str) -> int:
    era = data.eras.set_index("era_id").loc[era_id]
    return int(era.end_year - era.start_year)


def circle_count(data: BookData) -> int:
    return int((data.groupings.kind == "metropolitan_circle").sum())


# --- tables shown to readers -------------------------------------------------

NOT_GIVEN = "–"


def cooperation_mode_note() -> str:
    return say(bilingual("（第三种治理模式新阶段中的区域合作新模式）",
                         "(a mode of regional cooperation within the third governance mode's new stage; "
                         "set beside the three by the book)"),
               "（第三种治理模式新阶段中的区域合作新模式；与三种模式并列是本书的安排）")


@in_both_languages
def era_table(eras: pd.DataFrame) -> BookTable:
    """The era comparison: one column per mode, one row per aspect, Chinese above English.

    The three governance modes are the paper's; the active-docking cooperation mode stands
    beside them as the book's arrangement, with no period or performance the paper does not give.
    """
    def period(e):
        if e.kind == "cooperation_mode":
            return say(f"{e.period} (the practice; the paper dates the docking to the first half of 2017)",
                       f"{e.period}（指实践；原文将对接定于2017年上半年）")
        return e.period

    def performance(e):
        if not isinstance(e.performance_zh, str) or not e.performance_zh:
            return say("– (the paper gives none: its sequence of performance covers the three governance modes)",
                       "–（原文未给出：其绩效序列只涵盖三种治理模式）")
        return bilingual(e.performance_zh, e.performance_en)

    aspects = [
        (say("Period 时期 (the paper's dates)", "时期（原文所给年份）"), period),
        (say("Section heading: what drives or blocks cooperation 标题所言动力", "标题所言的合作动力或阻力"),
         lambda e: bilingual(e.driver_zh, e.driver_en)),
        (say("Key institution 关键机构 (the book's summary)", "关键机构（本书的概括）"),
         lambda e: bilingual(e.institution_zh, e.institution_en)),
        (say("Spatial scope 空间范围 (computed by the book from the member lists)", "空间范围（本书据成员名单计算）"),
         lambda e: bilingual(e.scope_zh, e.scope_en)),
        (say("Performance 治理绩效 (the paper's summary, section I)", "治理绩效（原文第一部分的概括）"), performance),
        (say("Paper section, source", "原文章节、来源"), lambda e: source_cell(e.section, e.source)),
    ]
    header = [say("Aspect", "方面")] + [
        bilingual(e.name_zh, e.name_en) + ("\n" + cooperation_mode_note() if e.kind == "cooperation_mode" else "")
        for e in eras.itertuples()]
    rows = [[label] + [render(e) for e in eras.itertuples()] for label, render in aspects]
    return BookTable(pd.DataFrame(rows, columns=header), name="tbl-era-comparison", stub_columns=1,
                     data=["eras.csv", "groupings.csv", "memberships.csv", "cities.csv", "provinces.csv", "events.csv"],
                     caption=say("The paper's three governance modes (治理模式) compared, with the active-docking mode of "
                                 "regional cooperation beside them: the paper places it within the new stage of the third, "
                                 "and setting it beside the three is the book's arrangement. Scope rows are counted by the "
                                 "book from `memberships.csv`; other cells come from `eras.csv`.",
                                 "原文三种治理模式的比较，旁列主动对接式区域合作新模式：原文将其置于第三种模式的新阶段之内，"
                                 "与三者并列是本书的安排。空间范围一行由本书据`memberships.csv`计数，其余各格取自`eras.csv`。"))


@in_both_languages
def council_growth_table(growth: pd.DataFrame) -> BookTable:
    stated = growth.stated_by_paper.map(lambda n: str(int(n)) if pd.notna(n) else say("– (not stated)", "–（未言）"))
    frame = pd.DataFrame({
        say("Date 日期", "日期"): say(growth.date_en + "\n\n" + growth.date_zh, growth.date_zh),
        say("Admitted 新成员", "新成员"): bilingual_column(growth.admitted_zh, growth.admitted_en),
        say("New (computed)", "新增（计算）"): growth.admitted,
        say("Members (computed from the roster)", "成员数（据名单计算）"): growth.members,
        say("Members stated by the paper", "原文所述成员数"): stated,
        say("Coverage 覆盖范围 (computed)", "覆盖范围（计算）"): bilingual_column(growth.coverage_zh, growth.coverage_en),
        say("Source", "来源"): growth.source.map(lambda key: markup(cite(key))),
    })
    # In print a column is at least as wide as its longest word: "(com-puted)", "Source".
    return BookTable(frame, name="tbl-council-growth", widths=[14, 31, 10, 12, 12, 18, 11],
                     data=["events.csv", "memberships.csv", "cities.csv", "provinces.csv"],
                     caption=say("Growth of the YRD city coordination body, counted by the book from the member roster, "
                                 "beside the sizes the paper states (after 1992, 1997 and 2013; it states none after "
                                 "2003 and 2010).",
                                 "长三角城市协调机构的扩展：本书据成员名单计数，旁列原文所述的规模（1992年、1997年和2013年之后；"
                                 "2003年和2010年之后原文未言）。"))


@in_both_languages
def provinces_by_wave_table(data: BookData) -> BookTable:
    waves = provinces_by_wave(data)
    frame = pd.DataFrame({
        say("Wave", "批次"): say(waves.date_en, waves.date_zh),
        say("Provincial units reached", "所及省级单位"): say(waves.provinces_reached, waves.provinces_reached_zh),
        say("Newly reached", "新及"): say(waves.newly_reached, waves.newly_reached_zh),
        say("Coverage after the wave", "该批次后的覆盖范围"): bilingual_column(waves.coverage_zh, waves.coverage_en),
    })
    return BookTable(frame, name="tbl-provinces-by-wave", data=["events.csv", "memberships.csv", "cities.csv", "provinces.csv"],
                     caption=say("Provincial-level units reached by each admission wave (SH Shanghai, JS Jiangsu, "
                                 "ZJ Zhejiang, AH Anhui), computed from the roster.",
                                 "每批入会所及的省级单位，据成员名单计算。"))


def mode_overview(data: BookData) -> pd.DataFrame:
    """One row per mode for the overview figure, with its widest computed reach in cities;
    the cooperation mode keeps only what the paper gives it (no performance phrase)."""
    eras = era_comparison(data)
    scopes = scope_summary(data)
    reach = scopes.groupby("era_id").cities.max()
    order = data.eras.set_index("era_id").era_order
    names = data.eras.set_index("era_id")
    performance_zh = eras.performance_zh.fillna("").replace("", "（原文未列）")
    performance_en = eras.performance_en.fillna("").replace("", "(none given)")
    return eras.assign(
        era_order=eras.era_id.map(order), short_en=eras.era_id.map(names.short_en),
        short_zh=eras.era_id.map(names.short_zh),
        performance_zh=performance_zh, performance_en=performance_en,
        reach=[f"up to {reach[e]} cities" if k == "governance_mode" else f"{reach[e]} cities named, and others"
               for e, k in zip(eras.era_id, eras.kind)],
        reach_zh=[f"至多{reach[e]}个城市" if k == "governance_mode" else f"举出{reach[e]}个城市，并称“等”"
                  for e, k in zip(eras.era_id, eras.kind)],
    )


def governance_modes(data: BookData) -> pd.DataFrame:
    """The paper's governance modes (治理模式), without the cooperation mode."""
    return data.eras[data.eras.kind == "governance_mode"].sort_values("era_order")


def facts(data: BookData) -> dict:
    """The numbers chapter 1's prose states, by glue name, each with its provenance."""
    scopes = scope_summary(data).set_index("group_id")
    growth = council_growth(data)
    events = data.events.set_index("event_id")
    first, last = growth.iloc[0], growth.iloc[-1]
    sez = scopes.loc["sez_1983"]
    opened, abolished = (pd.Timestamp(events.date[e]) for e in ("sez_office_1983", "sez_abolished_1988"))
    months = (abolished.year - opened.year) * 12 + abolished.month - opened.month - (abolished.day < opened.day)
    groups = data.groupings.set_index("group_id")
    circles = data.groupings[data.groupings.kind == "metropolitan_circle"].group_id
    return {
        "n_events_section_1": computed(len(timeline_events(data))),
        "n_sez_notice_cities": computed(int(sez.cities - sez.later - 1)),
        "n_sez_cities": computed(int(sez.cities)),
        "sez_office_span": computed(say(f"{months // 12} years and {months % 12} months", f"{months // 12}年{months % 12}个月")),
        "council_first": stated(int(first.stated_by_paper), events.section[first.event_id], events.source[first.event_id]),
        "council_last": stated(int(last.stated_by_paper), events.section[last.event_id], events.source[last.event_id]),
        "n_waves": computed(len(growth)),
        "n_plan_2010": stated(int(groups.stated_city_count["plan_2010"]), groups.section["plan_2010"], "source_paper"),
        "n_plan_2016": stated(int(groups.stated_city_count["plan_2016"]), groups.section["plan_2016"], "source_paper"),
        "n_circles": paper(circle_count(data), "I.3"),
        "n_circle_cities": computed(int(data.memberships[data.memberships.group_id.isin(circles)].city_id.nunique())),
        "n_governance_modes": computed(len(governance_modes(data))),
    }
