"""The paper's own words for a stated value, and whether a value follows from them.

The text of the paper comes from a PDF: characters are separated by stray spaces and lines
break anywhere ("扩容至 30 个", "1 772亿元", "2017 年 9 月 11—15 日"). Quotes are kept as
printed; comparisons drop all white space first.
"""

import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMBER = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+")
ARABIC_NUMBER = re.compile(r"\d+(?:\.\d+)?")
DATE = re.compile(r"(\d{4})年(?:(\d{1,2})(?:[—–-](\d{1,2}))?月(?:(\d{1,2})(?:[—–-](\d{1,2}))?日)?)?")
# A reference entry's date as the list prints it: 2016 － 02 － 06, 2016 － 6 － 1.
NUMERIC_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def squeeze(text: str) -> str:
    """The text without any white space: how quotes and the paper are compared."""
    return re.sub(r"\s+", "", text or "")


def comparable(text: str) -> str:
    """Text as quotes and the paper are matched: no white space, full-width forms folded
    (NFKC: '（' is '(', '：' is ':'), and the paper's line-end hyphens kept as they are."""
    return squeeze(unicodedata.normalize("NFKC", text or ""))


def chinese_number(text: str) -> int:
    """'三十' → 30, '十四' → 14, '二十六' → 26, '八' → 8."""
    total, digit = 0, 0
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        else:
            total += (digit or 1) * UNITS[char]
            digit = 0
    return total + digit


def numbers(quote: str) -> list[float]:
    """Every number a quote states, in Arabic or Chinese numerals."""
    text = squeeze(quote)
    found = [float(n) for n in ARABIC_NUMBER.findall(text)]
    found += [float(chinese_number(n)) for n in CHINESE_NUMBER.findall(text)]
    return found


def dates(quote: str) -> list[tuple[str, str | None]]:
    """Every date a quote states, as (ISO start, ISO end or None) at the precision stated."""
    found = []
    for year, month, day in NUMERIC_DATE.findall(comparable(quote)):
        found.append((f"{year}-{int(month):02d}-{int(day):02d}", None))
    for match in DATE.finditer(squeeze(quote)):
        year, month, month_end, day, day_end = match.groups()
        if month is None:
            found.append((year, None))
        elif day is None:
            start = f"{year}-{int(month):02d}"
            found.append((start, f"{year}-{int(month_end):02d}" if month_end else None))
        else:
            start = f"{year}-{int(month):02d}-{int(day):02d}"
            end_month = int(month_end) if month_end else int(month)
            found.append((start, f"{year}-{end_month:02d}-{int(day_end):02d}" if day_end else None))
    return found


def states(quote: str, value, kind: str) -> bool:
    """Whether ``quote`` states ``value``: kind 'number' (counts, amounts, years), 'date' or 'end_date'."""
    if kind == "number":
        return float(value) in numbers(quote)
    if kind == "date":
        return any(start == value for start, _ in dates(quote))
    if kind == "end_date":
        return any(end == value for _, end in dates(quote))
    raise ValueError(f"unknown kind of value: {kind}")
