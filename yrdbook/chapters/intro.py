"""The introduction: what the paper argues, and where its evidence comes from (its
reference list, read from references.bib)."""

import pandas as pd

from ..data import BookData
from ..datapackage import paths
from ..datapackage.bibliography import paper_references
from ..provenance import computed
from ..tables import BookTable, cite, markup


def by_domain(refs: pd.DataFrame) -> pd.DataFrame:
    """How many references each web domain supplied (print sources grouped as 'print')."""
    site = refs.domain.replace("", "print (no URL)").str.removeprefix("www.")
    grouped = refs.assign(site=site).groupby("site", sort=False)
    table = grouped.agg(references=("key", "size"), keys=("key", list), first=("number", "min"))
    return table.sort_values(["references", "first"], ascending=[False, True]).reset_index()


def by_domain_table(refs: pd.DataFrame):
    """The paper's references grouped by the web site they were published on, each cited."""
    grouped = by_domain(refs)
    frame = pd.DataFrame({
        "Web site": grouped.site,
        "References": grouped.references,
        "Keys": grouped["keys"].map(lambda keys: markup(", ".join(cite(k) for k in keys))),
    })
    return BookTable(frame, name="tbl-sources-by-site", widths=[30, 12, 58], data=[paths.bib_path().name],
                     caption="The paper's references by the web site of their URL, computed from references.bib.")


def facts(data: BookData) -> dict:
    """The counts the introduction's prose states, by glue name, each with its provenance."""
    governance_modes = int((data.eras.kind == "governance_mode").sum())
    return {"n_governance_modes": computed(governance_modes), "n_refs": computed(len(paper_references()))}
