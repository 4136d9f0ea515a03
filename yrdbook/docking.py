"""Chapter II: the active-docking practice of Shanghai, Jiaxing and Nantong (paper section II)."""

import pandas as pd

from . import dates
from .data import BookData
from .tables import BookTable, bilingual, cite

DOCKING_CITIES = ["jiaxing", "nantong"]
# Which event kinds count as planning documents when measuring 密集规划 (the book's rule).
PLANNING_KINDS = ("plan", "approval", "document")
LEVEL_NAMES = {"city": "city 市级", "provincial": "province 省级", "joint": "joint 联合", "national": "national 国家",
               "regional": "regional 区域"}


def _with_names(events: pd.DataFrame, data: BookData) -> pd.DataFrame:
    cities = data.cities.set_index("city_id")
    return events.assign(
        city_zh=events.docking_city.map(cities.name_zh), city_en=events.docking_city.map(cities.name_en),
        date_en=events.date.map(dates.english), date_zh=events.date.map(dates.chinese),
        when=events.date.map(dates.plot_position),
    )


def chronology(data: BookData, cities=DOCKING_CITIES) -> pd.DataFrame:
    """Every dated step of the given cities' docking with Shanghai, oldest first."""
    events = data.events[data.events.docking_city.isin(cities)]
    events = _with_names(events, data).sort_values(["when", "event_id"]).reset_index(drop=True)
    # Steps in the same city and month are drawn side by side rather than on top of each other.
    events["same_month_rank"] = events.groupby(["docking_city", events.when.dt.to_period("M")]).cumcount()
    return events


def half_year(when: pd.Timestamp) -> str:
    return f"{when.year} H{1 if when.month <= 6 else 2}"


def planning_intensity(data: BookData, first_year: int = 2014, last_year: int = 2017) -> pd.DataFrame:
    """Planning documents per half-year and city: the book's measure of 密集规划.

    Counts events of kinds PLANNING_KINDS (plans, approvals, other documents); conferences,
    agreements and investment events are left out. Every half-year of the window appears,
    with zero where a city issued nothing.
    """
    steps = chronology(data)
    steps = steps[steps.kind.isin(PLANNING_KINDS) & steps.date_precision.isin(["month", "day"])]
    steps = steps.assign(half_year=steps.when.map(half_year))
    halves = [f"{y} H{h}" for y in range(first_year, last_year + 1) for h in (1, 2)]
    counts = steps.groupby(["docking_city", "half_year"]).size()
    names = data.cities.set_index("city_id")
    rows = [{"city_id": c, "city_en": names.name_en[c], "city_zh": names.name_zh[c], "half_year": h,
             "documents": int(counts.get((c, h), 0))} for c in DOCKING_CITIES for h in halves]
    return pd.DataFrame(rows)


def planning_documents_before(data: BookData, year: int) -> pd.DataFrame:
    steps = chronology(data)
    return steps[steps.kind.isin(PLANNING_KINDS) & (steps.when.dt.year < year)]


def outcome_amounts(data: BookData) -> pd.DataFrame:
    """The amounts of money, area and counts (the percentage targets belong to chapter III)."""
    frame = amounts(data)
    return frame[frame.quantity != "share"].reset_index(drop=True)


def amounts(data: BookData) -> pd.DataFrame:
    """Every amount in the paper's value and unit, with its value in the base unit of the same quantity."""
    units = data.units.set_index("unit")
    frame = data.amounts.merge(data.units[["unit", "quantity", "base_unit", "multiplier", "divisor"]], on="unit")
    base = frame.value * frame.multiplier / frame.divisor
    return frame.assign(base_value=base.astype(float),
                        unit_en=frame.unit.map(units.name_en)).drop(columns=["multiplier", "divisor"])


def format_value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


QUALIFIER_TEXT = {"exact": "", "more_than": "more than ", "at_least": "at least ", "expected": "expected "}


def amount(data: BookData, amount_id: str) -> pd.Series:
    return amounts(data).set_index("amount_id").loc[amount_id]


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


def list_items(data: BookData, list_id: str) -> pd.DataFrame:
    return data.list_items[data.list_items.list_id == list_id].sort_values("item_no")


def event(data: BookData, event_id: str) -> pd.Series:
    return _with_names(data.events[data.events.event_id == event_id], data).iloc[0]


# --- tables shown to readers -------------------------------------------------

CHRONOLOGY_CAPTION = ("Every dated step of Jiaxing's and Nantong's docking with Shanghai that the paper names, "
                      "from `events.csv`.")


def chronology_table(steps: pd.DataFrame, name: str = "tbl-docking-chronology",
                     caption: str = CHRONOLOGY_CAPTION) -> BookTable:
    frame = pd.DataFrame({
        "City 城市": steps.city_zh + "\n" + steps.city_en,
        "Date 日期": steps.date_en + "\n" + steps.date_zh,
        "Level": steps.level.map(LEVEL_NAMES),
        "Kind": steps.kind,
        "Step 事项": [bilingual(z, e) for z, e in zip(steps.title_zh, steps.title_en)],
        "Source": [f"{s}, {cite(k)}" for s, k in zip(steps.section, steps.source)],
    })
    return BookTable(frame, name=name, widths=[10, 14, 10, 10, 44, 12], data=["events.csv", "cities.csv"],
                     caption=caption)


def amounts_table(frame: pd.DataFrame) -> BookTable:
    shown = pd.DataFrame({
        "What 对象": [bilingual(z, e) for z, e in zip(frame.subject_zh, frame.subject_en)],
        "Measure": frame.measure.str.replace("_", " "),
        "Paper's figure": [f"{QUALIFIER_TEXT[q]}{format_value(v)} {u}" for q, v, u in zip(frame.qualifier, frame.value, frame.unit)],
        "In base unit": [f"{format_value(b)} {u}" for b, u in zip(frame.base_value, frame.base_unit)],
        "Source": [f"{s}, {cite(k)}" for s, k in zip(frame.section, frame.source)],
    })
    return BookTable(shown, name="tbl-outcomes", widths=[36, 14, 16, 22, 12], data=["amounts.csv", "units.csv"],
                     caption="Targets and outcomes as the paper states them and in base units of the same quantity "
                             "(yuan, US dollars, square metres; no currency conversion). From `amounts.csv` and `units.csv`.")


def ratios_table(ratios: pd.DataFrame) -> BookTable:
    shown = pd.DataFrame({"Ratio (the book's own)": ratios.label_en, "Value": ratios.apply(format_ratio, axis=1),
                          "Computed from": ratios.inputs.map(", ".join)})
    return BookTable(shown, name="tbl-derived-ratios", widths=[50, 15, 35], data=["amounts.csv", "units.csv"],
                     caption="Ratios derived by the book from the paper's amounts. They are not the paper's figures.")


def lists_table(data: BookData, list_ids: list[str], name: str, caption: str) -> BookTable:
    lists = data.lists.set_index("list_id")
    rows = []
    for list_id in list_ids:
        for item in list_items(data, list_id).itertuples():
            rows.append({"List": bilingual(lists.title_zh[list_id], lists.title_en[list_id]) if item.item_no == 1 else "",
                         "No.": item.item_no, "Item 内容": bilingual(item.text_zh, item.text_en),
                         "Source": f"{item.section}, {cite(item.source)}"})
    return BookTable(pd.DataFrame(rows), name=name, caption=caption, widths=[30, 6, 50, 14],
                     data=["lists.csv", "list_items.csv"])
