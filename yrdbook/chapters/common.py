"""What more than one chapter shows: the docking chronology (chapter 2, reused for the
intensive planning of chapter 4) and tables of the paper's enumerations, in both editions."""

import pandas as pd

from ..data import BookData, list_items, with_dates_and_cities
from ..language import in_both_languages, say
from ..tables import BookTable, bilingual, bilingual_column, source_cell, source_column
from ..vocabulary import EVENT_KINDS, word

DOCKING_CITIES = ["jiaxing", "nantong"]
# Which event kinds count as planning documents when measuring 密集规划 (the book's rule).
PLANNING_KINDS = ("plan", "approval", "document")
# events.csv's levels (its enumeration), as the chronology words them in each edition.
LEVEL_NAMES = {"city": ("city 市级", "市级"), "provincial": ("province 省级", "省级"), "joint": ("joint 联合", "联合"),
               "national": ("national 国家", "国家"), "regional": ("regional 区域", "区域")}


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
CHRONOLOGY_CAPTION_ZH = "原文提及的嘉兴、南通与上海对接的每一个有日期的步骤，取自`events.csv`。"
# The Chinese captions of the list tables that notebooks draw with an English caption only, by
# table name (a caller may give its own as ``caption_zh``).
LIST_CAPTIONS_ZH = {
    "tbl-delegation-priorities": "上海市党政代表团2017年12月提出的重点（`list_items.csv`）。",
    "tbl-docking-goals": "嘉兴、南通为自身确定的角色（`lists.csv`、`list_items.csv`）。",
    "tbl-docking-agreements": "嘉兴2017年7月所签协议涉及的方面、示范与领域（`list_items.csv`）。",
    "tbl-departmental-plans": "各部门规划的内容，以原文提及者为限；其中公安清单给出原文就八项措施提及的内容。",
    "tbl-deep-docking-lists": "深度对接的要求：嘉兴的“两个无差别，三个更好”及规划政策对接领域，以及南通的强调之处。",
}


@in_both_languages
def chronology_table(steps: pd.DataFrame, name: str = "tbl-docking-chronology", caption: str | None = None) -> BookTable:
    """The chronology as a table; ``caption`` in the edition's language (a caller that draws in
    both languages passes ``say(...)``), by default the docking chronology's."""
    frame = pd.DataFrame({
        say("City 城市", "城市"): say(steps.city_zh + "\n" + steps.city_en, steps.city_zh),
        say("Date 日期", "日期"): say(steps.date_en + "\n" + steps.date_zh, steps.date_zh),
        say("Level (the book's classification)", "层级（本书的分类）"): steps.level.map(lambda level: word(LEVEL_NAMES, level)),
        say("Kind", "类型"): steps.kind.map(lambda kind: word(EVENT_KINDS, kind)),
        say("Step 事项", "事项"): bilingual_column(steps.title_zh, steps.title_en),
        say("Source", "来源"): source_column(steps),
    })
    return BookTable(frame, name=name, widths=[10, 14, 12, 10, 42, 12], data=["events.csv", "cities.csv"],
                     caption=caption or say(CHRONOLOGY_CAPTION, CHRONOLOGY_CAPTION_ZH))


@in_both_languages
def lists_table(data: BookData, list_ids: list[str], name: str, caption: str, caption_zh: str | None = None) -> BookTable:
    """One or more of the paper's enumerations, item by item, each list's title at its first item.

    The Chinese edition's caption is ``caption_zh``, else the table's in ``LIST_CAPTIONS_ZH``,
    else ``caption`` (from a caller that words it for the edition with ``say``)."""
    lists = data.lists.set_index("list_id")
    rows = []
    for list_id in list_ids:
        for item in list_items(data, list_id).itertuples():
            rows.append({"list": bilingual(lists.title_zh[list_id], lists.title_en[list_id]) if item.item_no == 1 else "",
                         "number": item.item_no, "item": bilingual(item.text_zh, item.text_en),
                         "source": source_cell(item.section, item.source)})
    frame = pd.DataFrame(rows).set_axis([say("List", "清单"), say("No.", "序号"), say("Item 内容", "内容"),
                                         say("Source", "来源")], axis=1)
    return BookTable(frame, name=name, caption=say(caption, caption_zh or LIST_CAPTIONS_ZH.get(name, caption)),
                     widths=[30, 6, 50, 14], data=["lists.csv", "list_items.csv"])
