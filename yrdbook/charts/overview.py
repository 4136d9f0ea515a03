"""The introduction's overview figure: the paper's three governance modes in order, and the
active-docking mode of cooperation set apart beside the third (the book's arrangement)."""

import altair as alt
import pandas as pd

from .render import data_files
from .theme import PALETTE

# Which column goes on which line of a mode's box, and how it is set.
LINES = [("kind_label", 10, "normal"), ("short_zh", 14, "bold"), ("short_en", 12, "normal"), ("period", 12, "normal"),
         ("performance_zh", 13, "normal"), ("performance_en", 10, "normal"), ("reach", 11, "normal")]
KIND_LABELS = {"governance_mode": "governance mode 治理模式",
               "cooperation_mode": "合作模式 · within the third"}


def argument_overview(modes: pd.DataFrame) -> alt.LayerChart:
    """One box per mode, left to right, with its period, performance and reach; the cooperation
    mode's box is outlined with a dashed line and labelled as set beside the three by the book.

    ``modes`` needs era_order, kind, short_zh, short_en, period, performance_zh, performance_en and reach.
    """
    modes = modes.assign(kind_label=modes.kind.map(KIND_LABELS))
    text = pd.concat([
        modes.assign(line=i, text=modes[column].astype(str)) for i, (column, _, _) in enumerate(LINES)
    ])[["era_order", "line", "text"]]
    x = alt.X("era_order:O", axis=None, scale=alt.Scale(paddingInner=0.15))
    y = alt.Y("line:O", axis=None, scale=alt.Scale(padding=0.6))
    color = alt.Color("era_order:O", scale=alt.Scale(range=PALETTE[:4]), legend=None)
    governance = modes[modes.kind == "governance_mode"]
    cooperation = modes[modes.kind == "cooperation_mode"]
    boxes = alt.Chart(governance).mark_rect(opacity=0.18, cornerRadius=6).encode(x=x, color=color)
    apart = alt.Chart(cooperation).mark_rect(fillOpacity=0.1, cornerRadius=6, strokeDash=[6, 4], strokeWidth=1.5,
                                             stroke="#555555").encode(x=x, color=color)
    labels = [
        alt.Chart(text[text.line == i]).mark_text(limit=170, fontSize=size, fontWeight=weight, lineBreak="; ").encode(
            x=x, y=y, text="text:N")
        for i, (_, size, weight) in enumerate(LINES)
    ]
    paper_modes = len(governance)
    return alt.layer(boxes, apart, *labels).properties(
        width=628, height=240, usermeta=data_files("eras.csv", "groupings.csv", "memberships.csv"),
        description=(f"Overview of the paper's argument: its {paper_modes} governance modes from left to right, "
                     + " Then ".join(f"{m.short_en} ({m.period}), performance {m.performance_en}, {m.reach}."
                                     for m in governance.itertuples())
                     + " Set apart on the right, as the book's arrangement: "
                     + " ".join(f"the {m.short_en} mode of regional cooperation, which the paper places within the "
                                f"third mode's new stage ({m.period}; {m.reach})." for m in cooperation.itertuples())),
    )
