"""The introduction: what the paper argues, and where its evidence comes from (its
reference list, read from references.bib)."""

import pandas as pd

from ..data import BookData
from ..datapackage import paths
from ..datapackage.bibliography import paper_references
from ..language import field, in_both_languages, say
from ..provenance import computed
from ..tables import BookTable, cite, markup


def by_domain(refs: pd.DataFrame) -> pd.DataFrame:
    """How many references each web domain supplied (print sources grouped as 'print'; the
    Chinese edition's name of that group in ``site_zh``)."""
    site = refs.domain.replace("", "print (no URL)").str.removeprefix("www.")
    grouped = refs.assign(site=site).groupby("site", sort=False)
    table = grouped.agg(references=("key", "size"), keys=("key", list), first=("number", "min"))
    table = table.sort_values(["references", "first"], ascending=[False, True]).reset_index()
    return table.assign(site_en=table.site, site_zh=table.site.replace("print (no URL)", "印刷文献（无网址）"))


@in_both_languages
def by_domain_table(refs: pd.DataFrame):
    """The paper's references grouped by the web site they were published on, each cited."""
    grouped = by_domain(refs)
    frame = pd.DataFrame({
        say("Web site", "网站"): grouped[field("site")],
        say("References", "参考文献数"): grouped.references,
        say("Keys", "文献条目"): grouped["keys"].map(lambda keys: markup(", ".join(cite(k) for k in keys))),
    })
    return BookTable(frame, name="tbl-sources-by-site", widths=[30, 12, 58], data=[paths.bib_path().name],
                     caption=say("The paper's references by the web site of their URL, computed from references.bib.",
                                 "原文参考文献按其网址所属网站分组，据references.bib计算。"))


def facts(data: BookData) -> dict:
    """The counts the introduction's prose states, by glue name, each with its provenance."""
    governance_modes = int((data.eras.kind == "governance_mode").sum())
    return {"n_governance_modes": computed(governance_modes), "n_refs": computed(len(paper_references()))}
