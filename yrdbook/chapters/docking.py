"""Chapter 2 · Active docking in practice (paper sections II.1–II.3): Shanghai's delegation,
the docking chronologies of Jiaxing and Nantong, their planning, and the outcomes."""

import pandas as pd

from ..data import BookData, amount, amounts, event, format_value, list_items, with_reading_b
from ..language import in_both_languages, join, say
from ..provenance import coded, computed, stated
from ..tables import BookTable, bilingual_column, source_column
from .common import DOCKING_CITIES, chronology, planning_documents


def half_year(when: pd.Timestamp) -> str:
    return f"{when.year} H{1 if when.month <= 6 else 2}"


def half_year_zh(label: str) -> str:
    """'2017 H1' → '2017年上半年'."""
    year, half = label.split(" H")
    return f"{year}年{'上' if half == '1' else '下'}半年"


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
             "half_year_zh": half_year_zh(h), "documents": int(counts.get((c, h), 0))}
            for c in DOCKING_CITIES for h in halves]
    return pd.DataFrame(rows)


def planning_documents_before(data: BookData, year: int) -> pd.DataFrame:
    steps = planning_documents(chronology(data))
    return steps[steps.when.dt.year < year]


# The unit in which the figure draws each quantity: the paper's own unit for most of its amounts
# of that quantity. The land area (one amount, in 亩) has no panel: it is a row of the table.
AXIS_UNITS = {"money_cny": "亿元", "money_usd": "万美元", "count": "个"}

# The Chinese edition's words for the codes of amounts.csv (``measure``, ``qualifier``) and for the
# base units of units.csv; the English words of a measure are its code with spaces.
MEASURES = {"agreements": ("agreements", "协议数"), "investment": ("investment", "总投资"),
            "annual_output": ("annual output", "年产值"), "annual_tax": ("annual tax", "年税收"),
            "land_area": ("land area", "占地面积"), "registered_capital": ("registered capital", "注册资金"),
            "projects": ("projects", "项目数"), "capital_target": ("capital target", "引进资本目标"),
            "share_target": ("share target", "占比目标")}
QUALIFIERS_ZH = {"exact": "无", "more_than": "多于", "at_least": "不少于", "expected": "预计"}
# An amount with its hedge as the paper words it: 30多个 (三十多个协议), 45亿元以上, 预计27亿元 (预计年产值达到27亿元).
HEDGES_ZH = {"exact": "{value}{unit}", "more_than": "{value}多{unit}", "at_least": "{value}{unit}以上",
             "expected": "预计{value}{unit}"}
BASE_UNITS_ZH = {"yuan": "元", "US dollar": "美元", "square metre": "平方米", "item": "个", "per cent": "%"}


def stated_zh(qualifier: str, value: float, unit: str) -> str:
    """An amount as the paper prints it: '1772亿元', '30多个' (no thousands separator)."""
    return HEDGES_ZH[qualifier].format(value=format_value(value).replace(",", ""), unit=unit)


def outcome_amounts(data: BookData) -> pd.DataFrame:
    """The amounts of money, area and counts (the percentage targets belong to chapter 4), each
    also in its quantity's axis unit (``axis_unit``, ``axis_value``; empty where none), and with
    its words for the Chinese edition (``*_zh``)."""
    frame = amounts(data)
    frame = frame[frame.quantity != "share"].reset_index(drop=True)
    units = data.units.set_index("unit")
    axis_unit = frame.quantity.map(AXIS_UNITS)
    per_axis_unit = axis_unit.map(lambda u: units.multiplier[u] / units.divisor[u] if isinstance(u, str) else None)
    return frame.assign(
        axis_unit=axis_unit, axis_value=frame.base_value / per_axis_unit.astype(float),
        measure_en=frame.measure.map(lambda m: MEASURES[m][0]), measure_zh=frame.measure.map(lambda m: MEASURES[m][1]),
        qualifier_zh=frame.qualifier.map(QUALIFIERS_ZH),
        stated_zh=[stated_zh(q, v, u) for q, v, u in zip(frame.qualifier, frame.value, frame.unit)],
        base_zh=[HEDGES_ZH[q].format(value=format_value(b), unit=BASE_UNITS_ZH[u])
                 for q, b, u in zip(frame.qualifier, frame.base_value, frame.base_unit)],
    )


def derived_ratios(data: BookData) -> pd.DataFrame:
    """Ratios the book derives from the paper's amounts; the paper states none of them."""
    a = amounts(data).set_index("amount_id").base_value
    rows = [
        ("xiangjiadang_output_per_investment", "Xiangjiadang projects: expected annual output ÷ total investment",
         "湘家荡签约项目：预计年产值÷总投资",
         a["xiangjiadang_output"] / a["xiangjiadang_investment"], "ratio", ["xiangjiadang_output", "xiangjiadang_investment"]),
        ("zhongtong_tax_share_of_output", "Zhongtong project: expected tax ÷ expected annual output",
         "中通吉项目：预计税收÷预计年产值",
         a["zhongtong_tax"] / a["zhongtong_output"], "share", ["zhongtong_tax", "zhongtong_output"]),
        ("zhongtong_capital_share_of_investment", "Zhongtong project: registered capital ÷ total investment",
         "中通吉项目：注册资金÷总投资",
         a["zhongtong_registered_capital"] / a["zhongtong_investment"], "share", ["zhongtong_registered_capital", "zhongtong_investment"]),
        ("nantong_investment_per_project", "Nantong investment week: total investment per project (亿元)",
         "南通投资促进周：平均每个项目的总投资（亿元）",
         a["nantong_week_investment"] / a["nantong_week_projects"] / 1e8, "亿元", ["nantong_week_investment", "nantong_week_projects"]),
    ]
    return pd.DataFrame(rows, columns=["ratio_id", "label_en", "label_zh", "value", "kind", "inputs"])


def format_ratio(row) -> str:
    if row.kind == "share":
        return f"{row.value:.2%}"
    if row.kind == "亿元":
        return say(f"{row.value:.2f} 亿元", f"{row.value:.2f}亿元")
    return f"{row.value:.2f}"


# --- tables shown to readers -------------------------------------------------

@in_both_languages
def amounts_table(frame: pd.DataFrame) -> BookTable:
    shown = pd.DataFrame({
        say("What 对象", "对象"): bilingual_column(frame.subject_zh, frame.subject_en),
        say("Measure", "指标"): say(frame.measure_en, frame.measure_zh),
        say("Stated by the paper (with its hedge)", "原文所述（含其限定语）"): say(frame.stated, frame.stated_zh),
        say("In a base unit (computed)", "折合基本单位（计算）"): say(frame.base, frame.base_zh),
        say("Source", "来源"): source_column(frame),
    })
    return BookTable(shown, name="tbl-outcomes", widths=[36, 14, 16, 22, 12], data=["amounts.csv", "units.csv"],
                     caption=say("Targets, expectations and outcomes as the paper states them, hedges included "
                                 "(more than, at least, expected), and converted by the book into base units of the same "
                                 "quantity (yuan, US dollars, square metres; no currency conversion).",
                                 "原文所述的目标、预期与成果，保留原文的限定语（多、以上、预计），并由本书换算为同一量的"
                                 "基本单位（元、美元、平方米；不作币种换算）。"))


@in_both_languages
def planning_readings_table(data: BookData) -> BookTable:
    """Planning documents per city and half-year under the paper's text (reading A) and under the
    dates of its reference list where the two disagree (reading B; see the critical apparatus)."""
    a = planning_intensity(data)
    b = planning_intensity(with_reading_b(data))
    frame = a.merge(b, on=["city_id", "city_en", "city_zh", "half_year", "half_year_zh"], suffixes=("_a", "_b"))
    frame = frame[(frame.documents_a > 0) | (frame.documents_b > 0)]
    shown = pd.DataFrame({
        say("City 城市", "城市"): bilingual_column(frame.city_zh, frame.city_en),
        say("Half-year", "半年"): say(frame.half_year, frame.half_year_zh),
        say("Documents, dates of the paper's text (A)", "文件数，按原文正文的日期（A）"): frame.documents_a,
        say("Documents, dates of the reference list (B)", "文件数，按参考文献列表的日期（B）"): frame.documents_b,
        say("Differs", "有差异"): (frame.documents_a != frame.documents_b).map({True: say("yes", "是"), False: ""}),
    })
    return BookTable(shown, name="tbl-planning-readings", widths=[18, 14, 26, 26, 16],
                     data=["events.csv", "source_notes.csv"],
                     caption=say("The book's count of planning documents per half-year under both readings of the dates "
                                 "the paper's text and its reference list give differently. Half-years with no document "
                                 "under either reading are left out.",
                                 "原文正文与其参考文献列表所给日期不一致之处，按两种读法分别给出本书计算的每半年规划文件数。"
                                 "两种读法下均无文件的半年从略。"))


@in_both_languages
def ratios_table(ratios: pd.DataFrame) -> BookTable:
    shown = pd.DataFrame({say("Ratio (the book's own)", "比率（本书自行计算）"): say(ratios.label_en, ratios.label_zh),
                          say("Value", "数值"): ratios.apply(format_ratio, axis=1),
                          say("Computed from", "计算所据"): ratios.inputs.map(join)})
    return BookTable(shown, name="tbl-derived-ratios", widths=[50, 15, 35], data=["amounts.csv", "units.csv"],
                     caption=say("Ratios derived by the book from the paper's amounts. They are not the paper's figures.",
                                 "本书由原文的数额推算的比率，并非原文的数字。"))




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
        "delegation_dates": stated(say(visit.date_en, visit.date_zh), visit.section, visit.source),
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
        text = say(row.stated.removesuffix(" 个"), stated_zh(row.qualifier, row.value, row.unit).removesuffix("个"))
        values[key] = stated(text, row.section, row.source)  # a count reads as a number: "30多" (个协议)
    ratios = derived_ratios(data).set_index("ratio_id").value
    values["xiangjiadang_output_ratio"] = computed(f"{ratios['xiangjiadang_output_per_investment']:.1f}")
    return values
