"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the paper states them."""

import pandas as pd

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def plot_position(value: str) -> pd.Timestamp:
    """Where a partial date sits on a time axis: the first day of the stated period."""
    parts = value.split("-") + ["01", "01"]
    return pd.Timestamp(f"{parts[0]}-{parts[1]}-{parts[2]}")


def english(value: str | None) -> str:
    """'2013-04-13' → '13 April 2013'; '2003-08' → 'August 2003'; '1992' → '1992'."""
    if not value or pd.isna(value):
        return "date not stated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def chinese(value: str | None) -> str:
    """'2013-04-13' → '2013年4月13日'."""
    if not value or pd.isna(value):
        return "日期不详"
    parts = value.split("-")
    suffixes = ["年", "月", "日"]
    return "".join(f"{int(p) if i else p}{suffixes[i]}" for i, p in enumerate(parts))


def english_range(start: str | None, end: str | None) -> str:
    """'2017-09-11', '2017-09-15' → '11–15 September 2017'; no end → as ``english``."""
    if end is None or pd.isna(end) or not end:
        return english(start)
    s, e = start.split("-"), end.split("-")
    if len(s) == len(e) == 3 and s[:2] == e[:2]:
        return f"{int(s[2])}–{int(e[2])} {MONTHS[int(s[1]) - 1]} {s[0]}"
    return f"{english(start)} – {english(end)}"


def chinese_range(start: str | None, end: str | None) -> str:
    """'2017-09-11', '2017-09-15' → '2017年9月11—15日'."""
    if end is None or pd.isna(end) or not end:
        return chinese(start)
    s, e = start.split("-"), end.split("-")
    if len(s) == len(e) == 3 and s[:2] == e[:2]:
        return f"{s[0]}年{int(s[1])}月{int(s[2])}—{int(e[2])}日"
    return f"{chinese(start)}—{chinese(end)}"
