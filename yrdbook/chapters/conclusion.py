"""Chapter 5 · Toward good regional governance (paper section IV): the YRD among China's
city-cluster plans, and the integrations the paper projects (seven items, by the book's count)."""

import pandas as pd

from .. import dates
from ..data import BookData, list_items
from ..language import in_both_languages, say
from ..provenance import coded, computed
from ..tables import BookTable, bilingual, bilingual_column, cite, source_column


def cluster_plans(data: BookData) -> pd.DataFrame:
    plans = data.cluster_plans
    return plans.assign(when=plans.date.map(dates.plot_position), date_en=plans.date.map(dates.english),
                        date_zh=plans.date.map(dates.chinese),
                        short_zh=plans.cluster_zh + " " + plans.date.str[:7]).sort_values("when")


def integration_dimensions(data: BookData) -> pd.DataFrame:
    return list_items(data, "integration_dimensions")


def dimension_links(data: BookData) -> pd.DataFrame:
    dims = integration_dimensions(data).set_index("item_no")
    mechanisms = data.mechanisms.set_index("mechanism_id")
    drivers = data.drivers.set_index("driver_id")
    links = data.dimension_links

    def target(row):
        if row.target_kind == "mechanism":
            m = mechanisms.loc[row.target_id]
            return m.name_zh, m.name_en, m.mechanism_order
        d = drivers.loc[row.target_id]
        return d.short_zh, d.short_en, d.driver_order

    names = links.apply(target, axis=1, result_type="expand")
    return links.assign(dimension=links.item_no.map(lambda n: f"{n}. {dims.text_zh[n]}"),
                        dimension_en=links.item_no.map(dims.text_en), target=names[0], target_en=names[1],
                        target_order=names[2])


@in_both_languages
def cluster_plans_table(plans: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        say("Date 日期", "日期"): say(plans.date_en, plans.date_zh),
        say("Cluster 城市群", "城市群"): bilingual_column(plans.cluster_zh, plans.cluster_en),
        say("Plan or decision 文件", "规划或决策"): bilingual_column(plans.title_zh, plans.title_en),
        say("Scope the paper states", "原文所述范围"): [bilingual(z, e) if isinstance(z, str) else ""
                                                  for z, e in zip(plans.stated_scope_zh, plans.stated_scope_en)],
        say("Source", "来源"): source_column(plans),
    })
    return BookTable(frame, name="tbl-cluster-plans", widths=[12, 18, 38, 20, 12],
                     caption=say("National plans and decisions for China's three great city-cluster regions, 2015–2017.",
                                 "2015—2017年中国三大城市群区域的国家规划与决策。"),
                     data=["cluster_plans.csv"])


@in_both_languages
def dimensions_table(data: BookData, links: pd.DataFrame) -> BookTable:
    dims = integration_dimensions(data)
    extends = say(links.target + " " + links.target_en, links.target).groupby(links.item_no).apply(say("; ", "；").join)
    frame = pd.DataFrame({say("No.", "序号"): dims.item_no,
                          say("Item 一体化", "一体化"): bilingual_column(dims.text_zh, dims.text_en),
                          say("Extends (the book's linkage)", "所延伸的机制或动力（本书的关联）"): dims.item_no.map(extends).fillna("")})
    return BookTable(frame, name="tbl-dimensions", widths=[6, 50, 44],
                     caption=say(f"The integrations the paper expects at the core of a new governance space, tasks, goals "
                                 f"and performance {cite('source_paper')}; the list ends in 等 ('and so on'). The count of "
                                 "seven, the word 'dimension' and the links to mechanisms and drivers are the book's.",
                                 f"原文预期成为新型治理空间、任务、目标与绩效之核心的各项一体化{cite('source_paper')}；"
                                 "这一列举以“等”结尾。“七项”这一计数、“维度”一词以及与机制和动力的关联均属本书。"),
                     data=["list_items.csv", "dimension_links.csv"])


def facts(data: BookData) -> dict:
    """The counts chapter 5's prose states, by glue name, each with its provenance."""
    links = dimension_links(data)
    return {
        "n_cluster_plans": computed(len(cluster_plans(data))),
        "n_dimensions": computed(len(integration_dimensions(data))),
        "n_comprehensive_links": coded(int((links.target_id == "comprehensive_docking").sum())),
    }
