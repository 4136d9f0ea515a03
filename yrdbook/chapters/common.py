"""What more than one chapter shows: the docking chronology (chapter 2, reused for the
intensive planning of chapter 4) and tables of the paper's enumerations."""

import pandas as pd

from ..data import BookData, list_items, with_dates_and_cities
from ..tables import BookTable, bilingual, bilingual_column, cite, escape, markup, source_column

DOCKING_CITIES = ["jiaxing", "nantong"]
# Which event kinds count as planning documents when measuring 密集规划 (the book's rule).
PLANNING_KINDS = ("plan", "approval", "document")
LEVEL_NAMES = {"city": "city 市级", "provincial": "province 省级", "joint": "joint 联合", "national": "national 国家",
               "regional": "regional 区域"}


def chronology(data: BookData, cities=DOCKING_CITIES) -> pd.DataFrame:
    """Every dated step of the given cities' docking with Shanghai, oldest first."""
    events = data.events[data.events.docking_city.isin(cities)]
    events = with_dates_and_cities(events, data).sort_values(["when", "event_id"]).reset_index(drop=True)
    # Steps in the same city and month are drawn side by side rather than on top of each other.
    events["same_month_rank"] = events.groupby(["docking_city", events.when.dt.to_period("M")]).cumcount()
    return events


def planning_documents(steps: pd.DataFrame) -> pd.DataFrame:
    """The steps that are planning documents under the book's rule (PLANNING_KINDS)."""
    return steps[steps.kind.isin(PLANNING_KINDS)]


CHRONOLOGY_CAPTION = ("Every dated step of Jiaxing's and Nantong's docking with Shanghai that the paper names, "
                      "from `events.csv`.")


def chronology_table(steps: pd.DataFrame, name: str = "tbl-docking-chronology",
                     caption: str = CHRONOLOGY_CAPTION) -> BookTable:
    frame = pd.DataFrame({
        "City 城市": steps.city_zh + "\n" + steps.city_en,
        "Date 日期": steps.date_en + "\n" + steps.date_zh,
        "Level (the book's classification)": steps.level.map(LEVEL_NAMES),
        "Kind": steps.kind,
        "Step 事项": bilingual_column(steps.title_zh, steps.title_en),
        "Source": source_column(steps),
    })
    return BookTable(frame, name=name, widths=[10, 14, 12, 10, 42, 12], data=["events.csv", "cities.csv"],
                     caption=caption)


def lists_table(data: BookData, list_ids: list[str], name: str, caption: str) -> BookTable:
    """One or more of the paper's enumerations, item by item, each list's title at its first item."""
    lists = data.lists.set_index("list_id")
    rows = []
    for list_id in list_ids:
        for item in list_items(data, list_id).itertuples():
            rows.append({"List": bilingual(lists.title_zh[list_id], lists.title_en[list_id]) if item.item_no == 1 else "",
                         "No.": item.item_no, "Item 内容": bilingual(item.text_zh, item.text_en),
                         "Source": markup(f"{escape(item.section)}, {cite(item.source)}")})
    return BookTable(pd.DataFrame(rows), name=name, caption=caption, widths=[30, 6, 50, 14],
                     data=["lists.csv", "list_items.csv"])
