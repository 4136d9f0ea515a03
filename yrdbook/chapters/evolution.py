"""Chapter 1 · From segmented to integrated governance (paper section I): the modes of YRD
governance, the coordination council's growth, and the planned scopes."""

import pandas as pd

from .. import dates
from ..data import BookData
from ..tables import BookTable, bilingual, bilingual_column, cite

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
        province_en=roster.province_id.map(data.provinces.set_index("province_id").name_en),
    )
    return roster[["city_id", "name_zh", "name_en", "province_id", "province_en", "lon", "lat",
                   "wave", "wave_en", "event_id", "source"]].sort_values(["wave", "city_id"]).reset_index(drop=True)


def provinces_by_wave(data: BookData) -> pd.DataFrame:
    """Which provincial-level units each wave reached, new and cumulative."""
    growth = council_growth(data)
    roster = members_by_wave(data)
    rows, seen = [], set()
    for _, wave in growth.iterrows():
        new = [p for p in PROVINCE_ORDER if p in set(roster[roster.event_id == wave.event_id].province_id)]
        fresh = [p for p in new if p not in seen]
        seen.update(new)
        rows.append({"date": wave.date, "date_en": wave.date_en, "provinces_reached": ", ".join(new),
                     "newly_reached": ", ".join(fresh) or "none", "coverage_en": wave.coverage_en,
                     "coverage_zh": wave.coverage_zh})
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
            })
    return pd.DataFrame(rows)


def scope_summary(data: BookData) -> pd.DataFrame:
    """City count and provincial coverage of each scope, computed, beside what the paper states."""
    rows = []
    for _, group in data.groupings[data.groupings.kind != "metropolitan_circle"].iterrows():
        members = group_members(data, group.group_id)
        mix = province_mix(members.province_id, data)
        rows.append({
            "group_id": group.group_id, "era_id": group.era_id, "short_zh": group.short_zh, "short_en": group.short_en,
            "date": group.date, "cities": len(members),
            "stated_city_count": group.stated_city_count, "coverage_en": mix_label(mix), "coverage_zh": mix_label(mix, "zh"),
            "source": group.source,
        })
    return pd.DataFrame(rows)


def era_comparison(data: BookData) -> pd.DataFrame:
    """The four modes side by side; the spatial scope is computed from the member lists."""
    scopes = scope_summary(data)
    growth = council_growth(data)
    rows = []
    for _, era in data.eras.sort_values("era_order").iterrows():
        end = "" if pd.isna(era.end_year) else str(era.end_year)
        in_era = scopes[scopes.era_id == era.era_id]
        scope_en, scope_zh = [], []
        for _, s in in_era.iterrows():
            if s.group_id == "city_council":
                first, last = growth.iloc[0], growth.iloc[-1]
                scope_en.append(f"council: {first.members} → {last.members} cities, "
                                f"{first.coverage_en} → {last.coverage_en}")
                scope_zh.append(f"协调会：{first.members}城→{last.members}城，{first.coverage_zh}→{last.coverage_zh}")
            else:
                scope_en.append(f"{s.short_en}: {s.cities} cities, {s.coverage_en}")
                scope_zh.append(f"{s.short_zh}：{s.cities}城，{s.coverage_zh}")
        rows.append({
            "era_id": era.era_id, "name_zh": era.name_zh, "name_en": era.name_en,
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

def era_table(eras: pd.DataFrame) -> BookTable:
    """The era comparison: one column per mode, one row per aspect, Chinese above English."""
    aspects = [
        ("Period 时期", lambda e: e.period),
        ("What drove cooperation 动力", lambda e: bilingual(e.driver_zh, e.driver_en)),
        ("Key institution 关键机构", lambda e: bilingual(e.institution_zh, e.institution_en)),
        ("Spatial scope (computed) 空间范围", lambda e: bilingual(e.scope_zh, e.scope_en)),
        ("Performance 治理绩效", lambda e: bilingual(e.performance_zh, e.performance_en)),
        ("Paper section, source", lambda e: f"{e.section}, {cite(e.source)}"),
    ]
    header = ["Aspect"] + [bilingual(e.name_zh, e.name_en) for e in eras.itertuples()]
    rows = [[label] + [render(e) for e in eras.itertuples()] for label, render in aspects]
    return BookTable(pd.DataFrame(rows, columns=header), name="tbl-era-comparison", stub_columns=1,
                     data=["eras.csv", "groupings.csv", "memberships.csv", "cities.csv", "provinces.csv", "events.csv"],
                     caption="The governance modes of the YRD compared. Scope rows are counted from "
                             "`memberships.csv`; other cells come from `eras.csv`.")


def council_growth_table(growth: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        "Date 日期": growth.date_en + "\n\n" + growth.date_zh,
        "Admitted 新成员": bilingual_column(growth.admitted_zh, growth.admitted_en),
        "New": growth.admitted,
        "Members (computed)": growth.members,
        "Members (paper)": growth.stated_by_paper,
        "Coverage 覆盖范围": bilingual_column(growth.coverage_zh, growth.coverage_en),
        "Source": growth.source.map(cite),
    })
    return BookTable(frame, name="tbl-council-growth", widths=[14, 36, 8, 12, 12, 18, 10],
                     data=["events.csv", "memberships.csv", "cities.csv", "provinces.csv"],
                     caption="Growth of the YRD city coordination body, counted from the member roster "
                             "and compared with the counts the paper states.")


def provinces_by_wave_table(data: BookData) -> BookTable:
    waves = provinces_by_wave(data)
    frame = pd.DataFrame({
        "Wave": waves.date_en,
        "Provincial units reached": waves.provinces_reached,
        "Newly reached": waves.newly_reached,
        "Coverage after the wave": bilingual_column(waves.coverage_zh, waves.coverage_en),
    })
    return BookTable(frame, name="tbl-provinces-by-wave", data=["events.csv", "memberships.csv", "cities.csv", "provinces.csv"],
                     caption="Provincial-level units reached by each admission wave (SH Shanghai, JS Jiangsu, "
                             "ZJ Zhejiang, AH Anhui), computed from the roster.")


def mode_overview(data: BookData) -> pd.DataFrame:
    """One row per mode for the overview figure, with its widest computed reach in cities."""
    eras = era_comparison(data)
    scopes = scope_summary(data)
    reach = scopes.groupby("era_id").cities.max()
    order = data.eras.set_index("era_id").era_order
    names = data.eras.set_index("era_id")
    return eras.assign(
        era_order=eras.era_id.map(order), short_en=eras.era_id.map(names.short_en),
        short_zh=eras.era_id.map(names.short_zh),
        reach=eras.era_id.map(lambda e: f"up to {reach[e]} cities"),
    )


def facts(data: BookData) -> dict:
    """The numbers chapter 1's prose states, by glue name."""
    scopes = scope_summary(data).set_index("group_id")
    growth = council_growth(data)
    return {
        "n_events_section_1": len(timeline_events(data)),
        "n_sez_cities": int(scopes.loc["sez_1983", "cities"]),
        "sez_years": era_length_years(data, "segmented"),
        "council_first": int(growth.members.iloc[0]),
        "council_last": int(growth.members.iloc[-1]),
        "n_waves": len(growth),
        "n_plan_2010": int(scopes.loc["plan_2010", "cities"]),
        "n_plan_2016": int(scopes.loc["plan_2016", "cities"]),
        "n_circles": circle_count(data),
    }
