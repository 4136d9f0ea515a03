"""Chapter 2 · Active docking in practice (paper sections II.1–II.3): Shanghai's delegation,
the docking chronologies of Jiaxing and Nantong, their planning, and the outcomes."""

import pandas as pd

from ..data import BookData, amount, amounts, event, list_items, with_reading_b
from ..provenance import coded, computed, stated
from ..tables import BookTable, bilingual_column, source_column
from .common import DOCKING_CITIES, chronology, planning_documents


def half_year(when: pd.Timestamp) -> str:
    return f"{when.year} H{1 if when.month <= 6 else 2}"


def planning_intensity(data: BookData, first_year: int = 2014, last_year: int = 2017) -> pd.DataFrame:
    """Planning documents per half-year and city: the book's measure of 密集规划.

    Counts events of kinds ``common.PLANNING_KINDS`` (plans, approvals, other documents); conferences,
    agreements and investment events are left out. Every half-year of the window appears,
    with zero where a city issued nothing.
    """
    steps = planning_documents(chronology(data))
    steps = steps[steps.date_precision.isin(["month", "day"])]
    steps = steps.assign(half_year=steps.when.map(half_year))
    halves = [f"{y} H{h}" for y in range(first_year, last_year + 1) for h in (1, 2)]
    counts = steps.groupby(["docking_city", "half_year"]).size()
    names = data.cities.set_index("city_id")
    rows = [{"city_id": c, "city_en": names.name_en[c], "city_zh": names.name_zh[c], "half_year": h,
             "documents": int(counts.get((c, h), 0))} for c in DOCKING_CITIES for h in halves]
    return pd.DataFrame(rows)


def planning_documents_before(data: BookData, year: int) -> pd.DataFrame:
    steps = planning_documents(chronology(data))
    return steps[steps.when.dt.year < year]


# The unit in which the figure draws each quantity: the paper's own unit for most of its amounts
# of that quantity. The land area (one amount, in 亩) has no panel: it is a row of the table.
AXIS_UNITS = {"money_cny": "亿元", "money_usd": "万美元", "count": "个"}


def outcome_amounts(data: BookData) -> pd.DataFrame:
    """The amounts of money, area and counts (the percentage targets belong to chapter 4), each
    also in its quantity's axis unit (``axis_unit``, ``axis_value``; empty where none)."""
    frame = amounts(data)
    frame = frame[frame.quantity != "share"].reset_index(drop=True)
    units = data.units.set_index("unit")
    axis_unit = frame.quantity.map(AXIS_UNITS)
    per_axis_unit = axis_unit.map(lambda u: units.multiplier[u] / units.divisor[u] if isinstance(u, str) else None)
    return frame.assign(axis_unit=axis_unit, axis_value=frame.base_value / per_axis_unit.astype(float))


def derived_ratios(data: BookData) -> pd.DataFrame:
    """Ratios the book derives from the paper's amounts; the paper states none of them."""
    a = amounts(data).set_index("amount_id").base_value
    rows = [
        ("xiangjiadang_output_per_investment", "Xiangjiadang projects: expected annual output ÷ total investment",
         a["xiangjiadang_output"] / a["xiangjiadang_investment"], "ratio", ["xiangjiadang_output", "xiangjiadang_investment"]),
        ("zhongtong_tax_share_of_output", "Zhongtong project: expected tax ÷ expected annual output",
         a["zhongtong_tax"] / a["zhongtong_output"], "share", ["zhongtong_tax", "zhongtong_output"]),
        ("zhongtong_capital_share_of_investment", "Zhongtong project: registered capital ÷ total investment",
         a["zhongtong_registered_capital"] / a["zhongtong_investment"], "share", ["zhongtong_registered_capital", "zhongtong_investment"]),
        ("nantong_investment_per_project", "Nantong investment week: total investment per project (亿元)",
         a["nantong_week_investment"] / a["nantong_week_projects"] / 1e8, "亿元", ["nantong_week_investment", "nantong_week_projects"]),
    ]
    return pd.DataFrame(rows, columns=["ratio_id", "label_en", "value", "kind", "inputs"])


def format_ratio(row) -> str:
    if row.kind == "share":
        return f"{row.value:.2%}"
    if row.kind == "亿元":
        return f"{row.value:.2f} 亿元"
    return f"{row.value:.2f}"


# --- tables shown to readers -------------------------------------------------

def amounts_table(frame: pd.DataFrame) -> BookTable:
    shown = pd.DataFrame({
        "What 对象": bilingual_column(frame.subject_zh, frame.subject_en),
        "Measure": frame.measure.str.replace("_", " "),
        "Stated by the paper (with its hedge)": frame.stated,
        "In a base unit (computed)": frame.base,
        "Source": source_column(frame),
    })
    return BookTable(shown, name="tbl-outcomes", widths=[36, 14, 16, 22, 12], data=["amounts.csv", "units.csv"],
                     caption="Targets, expectations and outcomes as the paper states them, hedges included "
                             "(more than, at least, expected), and converted by the book into base units of the same "
                             "quantity (yuan, US dollars, square metres; no currency conversion).")


def planning_readings_table(data: BookData) -> BookTable:
    """Planning documents per city and half-year under the paper's text (reading A) and under the
    dates of its reference list where the two disagree (reading B; see the critical apparatus)."""
    a = planning_intensity(data)
    b = planning_intensity(with_reading_b(data))
    frame = a.merge(b, on=["city_id", "city_en", "city_zh", "half_year"], suffixes=("_a", "_b"))
    frame = frame[(frame.documents_a > 0) | (frame.documents_b > 0)]
    shown = pd.DataFrame({
        "City 城市": frame.city_zh + "\n" + frame.city_en, "Half-year": frame.half_year,
        "Documents, dates of the paper's text (A)": frame.documents_a,
        "Documents, dates of the reference list (B)": frame.documents_b,
        "Differs": (frame.documents_a != frame.documents_b).map({True: "yes", False: ""}),
    })
    return BookTable(shown, name="tbl-planning-readings", widths=[18, 14, 26, 26, 16],
                     data=["events.csv", "source_notes.csv"],
                     caption="The book's count of planning documents per half-year under both readings of the dates "
                             "the paper's text and its reference list give differently. Half-years with no document "
                             "under either reading are left out.")


def ratios_table(ratios: pd.DataFrame) -> BookTable:
    shown = pd.DataFrame({"Ratio (the book's own)": ratios.label_en, "Value": ratios.apply(format_ratio, axis=1),
                          "Computed from": ratios.inputs.map(", ".join)})
    return BookTable(shown, name="tbl-derived-ratios", widths=[50, 15, 35], data=["amounts.csv", "units.csv"],
                     caption="Ratios derived by the book from the paper's amounts. They are not the paper's figures.")




# Amounts the prose states, by glue name; counts (个) are shown without their unit.
PROSE_AMOUNTS = {"jiaxing_agreements": "jiaxing_conference_agreements", "xiangjiadang_investment": "xiangjiadang_investment",
                 "zhongtong_area": "zhongtong_area", "zhongtong_investment": "zhongtong_investment",
                 "nantong_projects": "nantong_week_projects", "nantong_investment": "nantong_week_investment"}


def facts(data: BookData) -> dict:
    """The numbers and dates chapter 2's prose states, by glue name, each with its provenance.

    The counts of planning documents depend on dates the paper gives differently in its body
    and in its reference list (see the critical apparatus): they are given under both readings.
    """
    visit = event(data, "shanghai_delegation_2017")
    per_city = chronology(data).groupby("docking_city").size()
    values = {
        "delegation_dates": stated(visit.date_en, visit.section, visit.source),
        "n_priorities": computed(len(list_items(data, "delegation_priorities"))),
        "n_jiaxing_steps": computed(int(per_city["jiaxing"])),
        "n_nantong_steps": computed(int(per_city["nantong"])),
    }
    for reading, tables in (("", data), ("_b", with_reading_b(data))):
        intensity = planning_intensity(tables)
        in_2017 = intensity[intensity.half_year.str.startswith("2017")].groupby("city_id").documents.sum()
        before = planning_documents_before(tables, 2017).groupby("docking_city").size()
        for city in DOCKING_CITIES:
            values[f"{city}_docs_2017{reading}"] = coded(int(in_2017[city]))
            values[f"{city}_docs_before{reading}"] = coded(int(before.get(city, 0)))
    for key, amount_id in PROSE_AMOUNTS.items():
        row = amount(data, amount_id)
        values[key] = stated(row.stated.removesuffix(" 个"), row.section, row.source)  # a count reads as a number
    ratios = derived_ratios(data).set_index("ratio_id").value
    values["xiangjiadang_output_ratio"] = computed(f"{ratios['xiangjiadang_output_per_investment']:.1f}")
    return values
