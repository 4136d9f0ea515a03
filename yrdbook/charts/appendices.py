"""Figures of the appendices: how much of each section of the paper the book carries."""

import altair as alt
import pandas as pd

from ..language import current, field, in_both_languages, say
from .render import data_files
from .theme import MUTED, PALETTE, count_axis

UNNUMBERED = {"abstract": "摘要", "intro": "引言", "references": "参考文献"}  # parts without a section number


def statuses() -> list[str]:
    """The two states of a claim in the book, carried first (the bars' order in either edition)."""
    return say(["carried", "not carried (reason given)"], ["已呈现", "未呈现（已说明理由）"])


def section_label(section: str, title: str) -> str:
    """A bar's label: "I.1 · heading"; in Chinese the parts without a number (摘要, 引言,
    参考文献) are named by their heading alone."""
    return title if current() == "zh" and section in UNNUMBERED else f"{section} · {title}"


@in_both_languages
def claim_coverage(coverage: pd.DataFrame) -> alt.Chart:
    """Claims per section of the paper, stacked: carried by the book, or excused with a reason."""
    title = field("title")
    status = statuses()
    coverage = coverage.assign(label=[section_label(s, t) for s, t in zip(coverage.section, coverage[title])])
    if current() == "zh":  # the parts without a number go by their Chinese names
        coverage = coverage.assign(section=coverage.section.replace(UNNUMBERED))
    long = coverage.melt(id_vars=["section", title, "section_order", "label"], value_vars=["carried", "excused"],
                         var_name="status", value_name="claims")
    long = long.assign(status=long.status.map({"carried": status[0], "excused": status[1]}))[
        ["section", title, "section_order", "status", "claims", "label"]]
    order = list(coverage.sort_values("section_order").label)
    totals = coverage.carried + coverage.excused
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=330)),
        x=alt.X("claims:Q", axis=count_axis(say("Claims of the paper", "原文论断数"))),
        color=alt.Color("status:N", title=say("In the book", "本书是否呈现"), sort=status,
                        scale=alt.Scale(domain=status, range=[PALETTE[0], MUTED])),
        # Alphabetical order puts the carried claims first in both editions ("carried" < "not ...",
        # 已 < 未), as the colour's sort does.
        order=alt.Order("status:N", sort="ascending"),
        tooltip=[alt.Tooltip("section:N", title=say("Section", "原文章节")),
                 alt.Tooltip(f"{title}:N", title=say("Heading", "标题")),
                 alt.Tooltip("status:N", title=say("In the book", "本书是否呈现")),
                 alt.Tooltip("claims:Q", title=say("Claims", "论断数"))],
    )
    shown = [r for r in coverage.itertuples() if r.carried + r.excused]
    return chart.properties(
        width=290, height=alt.Step(18), usermeta=data_files("claims.csv", "paper_sections.csv"),
        description=say(
            f"Stacked bars of the {int(totals.sum())} claims of the paper, one bar per section, split into "
            f"those the book carries ({int(coverage.carried.sum())}) and those it does not, with a reason "
            f"({int(coverage.excused.sum())}). "
            + "; ".join(f"{r.section}: {r.carried} of {r.carried + r.excused}" for r in shown) + ".",
            f"原文{int(totals.sum())}条论断的堆叠条形图，每节一条，分为本书呈现的（{int(coverage.carried.sum())}条）"
            f"和未呈现但说明了理由的（{int(coverage.excused.sum())}条）。"
            + "；".join(f"{r.section}：呈现{r.carried}条，共{r.carried + r.excused}条" for r in shown) + "。"),
    )
