"""Figures of the appendices: how much of each section of the paper the book carries."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import MUTED, PALETTE, count_axis

STATUS = ["carried", "not carried (reason given)"]


def claim_coverage(coverage: pd.DataFrame) -> alt.Chart:
    """Claims per section of the paper, stacked: carried by the book, or excused with a reason."""
    long = coverage.melt(id_vars=["section", "title_en", "section_order"], value_vars=["carried", "excused"],
                         var_name="status", value_name="claims")
    long = long.assign(status=long.status.map({"carried": STATUS[0], "excused": STATUS[1]}),
                       label=long.section + " · " + long.title_en)
    order = list(coverage.sort_values("section_order").pipe(lambda f: f.section + " · " + f.title_en))
    totals = coverage.carried + coverage.excused
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=330)),
        x=alt.X("claims:Q", axis=count_axis("Claims of the paper")),
        color=alt.Color("status:N", title="In the book", sort=STATUS,
                        scale=alt.Scale(domain=STATUS, range=[PALETTE[0], MUTED])),
        order=alt.Order("status:N", sort="ascending"),
        tooltip=[alt.Tooltip("section:N", title="Section"), alt.Tooltip("title_en:N", title="Heading"),
                 alt.Tooltip("status:N", title="In the book"), alt.Tooltip("claims:Q", title="Claims")],
    )
    return chart.properties(
        width=290, height=alt.Step(18), usermeta=data_files("claims.csv", "paper_sections.csv"),
        description=(f"Stacked bars of the {int(totals.sum())} claims of the paper, one bar per section, split into "
                     f"those the book carries ({int(coverage.carried.sum())}) and those it does not, with a reason "
                     f"({int(coverage.excused.sum())}). "
                     + "; ".join(f"{r.section}: {r.carried} of {r.carried + r.excused}" for r in coverage.itertuples()
                                 if r.carried + r.excused) + "."),
    )
