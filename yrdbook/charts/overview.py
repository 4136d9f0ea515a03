"""The introduction's overview figure: the paper's argument as a sequence of modes."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import PALETTE

# Which column goes on which line of a mode's box, and how it is set.
LINES = [("short_zh", 14, "bold"), ("short_en", 12, "normal"), ("period", 12, "normal"),
         ("performance_zh", 13, "normal"), ("performance_en", 10, "normal"), ("reach", 11, "normal")]


def argument_overview(modes: pd.DataFrame) -> alt.LayerChart:
    """Four boxes, one per mode, left to right, each with its period, performance and reach.

    ``modes`` needs era_order, short_zh, short_en, period, performance_zh, performance_en and reach.
    """
    text = pd.concat([
        modes.assign(line=i, text=modes[column].astype(str)) for i, (column, _, _) in enumerate(LINES)
    ])[["era_order", "line", "text"]]
    x = alt.X("era_order:O", axis=None, scale=alt.Scale(paddingInner=0.15))
    y = alt.Y("line:O", axis=None, scale=alt.Scale(padding=0.6))
    boxes = alt.Chart(modes).mark_rect(opacity=0.18, cornerRadius=6).encode(
        x=x, color=alt.Color("era_order:O", scale=alt.Scale(range=PALETTE[:4]), legend=None))
    labels = [
        alt.Chart(text[text.line == i]).mark_text(limit=170, fontSize=size, fontWeight=weight, lineBreak="; ").encode(
            x=x, y=y, text="text:N")
        for i, (_, size, weight) in enumerate(LINES)
    ]
    return alt.layer(boxes, *labels).properties(
        width=680, height=220, usermeta=data_files("eras.csv", "groupings.csv", "memberships.csv"),
        description="Overview of the paper's argument: four modes of YRD governance from left to right. "
        + " Then ".join(f"{m.short_en} ({m.period}), performance {m.performance_en}, {m.reach}."
                        for m in modes.itertuples()),
    )
