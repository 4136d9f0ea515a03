"""The introduction's overview figure: the paper's three governance modes in order, and the
active-docking mode of cooperation set apart beside the third (the book's arrangement)."""

import re

import altair as alt
import pandas as pd

from ..language import current, in_both_languages, say
from .render import data_files
from .theme import PALETTE

# Which column goes on which line of a mode's box, and how it is set: the English edition's
# lines, and the Chinese edition's (Chinese only).
LINES = [("kind_label", 10, "normal"), ("short_zh", 14, "bold"), ("short_en", 12, "normal"), ("period", 12, "normal"),
         ("performance_zh", 13, "normal"), ("performance_en", 10, "normal"), ("reach", 11, "normal")]
LINES_ZH = [("kind_label", 11, "normal"), ("short_zh", 14, "bold"), ("period_zh", 12, "normal"),
            ("performance_zh", 13, "normal"), ("reach_zh", 11, "normal")]
# eras.csv's kinds (its enumeration) as a box's first line words them, in each edition ("; "
# breaks the line).
KIND_LABELS = {"governance_mode": ("governance mode 治理模式", "治理模式"),
               "cooperation_mode": ("合作模式 · within the third", "合作模式; 在第三种模式之内")}


def chinese_period(period: str) -> str:
    """'1982–1988' → '1982年至1988年'; '1992–' (open) → '1992年起'."""
    start, _, end = period.partition("–")
    return f"{start}年至{end}年" if end else (f"{start}年起" if re.fullmatch(r"\d{4}", start) else period)


@in_both_languages
def argument_overview(modes: pd.DataFrame) -> alt.LayerChart:
    """One box per mode, left to right, with its period, performance and reach; the cooperation
    mode's box is outlined with a dashed line and labelled as set beside the three by the book.

    ``modes`` needs era_order, kind, short_zh, short_en, period, performance_zh, performance_en,
    reach and reach_zh.
    """
    chinese = current() == "zh"
    lines = LINES_ZH if chinese else LINES
    modes = modes.assign(kind_label=modes.kind.map(lambda kind: say(*KIND_LABELS[kind])))
    if chinese:
        modes = modes.assign(period_zh=modes.period.map(chinese_period))
    text = pd.concat([
        modes.assign(line=i, text=modes[column].astype(str)) for i, (column, _, _) in enumerate(lines)
    ])[["era_order", "line", "text"]]
    x = alt.X("era_order:O", axis=None, scale=alt.Scale(paddingInner=0.15))
    y = alt.Y("line:O", axis=None, scale=alt.Scale(padding=0.6))
    color = alt.Color("era_order:O", scale=alt.Scale(range=PALETTE[:4]), legend=None)
    governance = modes[modes.kind == "governance_mode"]
    cooperation = modes[modes.kind == "cooperation_mode"]
    # The boxes need only era_order; the Chinese edition's data carries no English words.
    boxes = alt.Chart(governance[["era_order"]] if chinese else governance).mark_rect(
        opacity=0.18, cornerRadius=6).encode(x=x, color=color)
    apart = alt.Chart(cooperation[["era_order"]] if chinese else cooperation).mark_rect(
        fillOpacity=0.1, cornerRadius=6, strokeDash=[6, 4], strokeWidth=1.5, stroke="#555555").encode(x=x, color=color)
    labels = [
        alt.Chart(text[text.line == i]).mark_text(limit=170, fontSize=size, fontWeight=weight, lineBreak="; ").encode(
            x=x, y=y, text="text:N")
        for i, (_, size, weight) in enumerate(lines)
    ]
    paper_modes = len(governance)
    return alt.layer(boxes, apart, *labels).properties(
        width=628, height=240, usermeta=data_files("eras.csv", "groupings.csv", "memberships.csv"),
        description=say(
            f"Overview of the paper's argument: its {paper_modes} governance modes from left to right, "
            + " Then ".join(f"{m.short_en} ({m.period}), performance {m.performance_en}, {m.reach}."
                            for m in governance.itertuples())
            + " Set apart on the right, as the book's arrangement: "
            + " ".join(f"the {m.short_en} mode of regional cooperation, which the paper places within the "
                       f"third mode's new stage ({m.period}; {m.reach})." for m in cooperation.itertuples()),
            f"原文论证概览。其{paper_modes}种治理模式自左至右排列："
            + "其后，".join(f"{m.name_zh}（{chinese_period(m.period)}），绩效为“{m.performance_zh}”，{m.reach_zh}。"
                          for m in governance.itertuples())
            + "右侧单列（本书的安排）："
            + "".join(f"{m.name_zh}，原文将其置于第三种模式的新阶段之内（{chinese_period(m.period)}；{m.reach_zh}）。"
                      for m in cooperation.itertuples())),
    )
