"""The paper's reference list, read from references.bib with pybtex."""

from urllib.parse import urlparse

import pandas as pd
from pybtex.database import parse_file

from . import paths
from .tables import BookTable, cite


def references(bib=None) -> pd.DataFrame:
    """One row per bib entry: key, entry type, title, date or year, URL and its web domain."""
    entries = parse_file(str(bib or paths.bib_path())).entries
    rows = []
    for key, entry in entries.items():
        url = entry.fields.get("url", "")
        rows.append({
            "key": key,
            "entry_type": entry.type,
            "title": entry.fields.get("title", ""),
            "date": entry.fields.get("date", entry.fields.get("year", "")),
            "url": url,
            "domain": urlparse(url).hostname or "",
        })
    return pd.DataFrame(rows)


def paper_references(bib=None) -> pd.DataFrame:
    """The paper's numbered references [1]..[n] (keys refNN), in the paper's order."""
    refs = references(bib)
    refs = refs[refs.key.str.fullmatch(r"ref\d{2}")].copy()
    refs["number"] = refs.key.str[3:].astype(int)
    return refs.sort_values("number").reset_index(drop=True)


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
        "Keys": grouped["keys"].map(lambda keys: ", ".join(cite(k) for k in keys)),
    })
    return BookTable(frame, name="tbl-sources-by-site", widths=[30, 12, 58], data=[paths.bib_path().name],
                     caption="The paper's references by the web site of their URL, computed from references.bib.")
