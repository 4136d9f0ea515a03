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
