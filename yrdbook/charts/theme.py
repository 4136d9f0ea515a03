"""The book's single chart theme: a CJK-capable font and a colour-blind-safe palette."""

import altair as alt

FONT = "Noto Sans CJK SC"

# Okabe–Ito palette: distinguishable under the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MUTED = "#BBBBBB"

WIDTH = 600
# The widest a figure is drawn, in CSS pixels. The PDF sets a figure this wide at the text width
# (453 pt), so text of MIN_FONT_SIZE px prints at 10 x 453 / 640 = 7.1 pt, above the 6.5 pt floor.
PRINT_WIDTH = 640
MIN_FONT_SIZE = 10


def count_axis(title: str, **options) -> alt.Axis:
    """An axis of counts: whole-number ticks only."""
    return alt.Axis(title=title, format="d", tickMinStep=1, **options)


@alt.theme.register("yrdbook", enable=False)
def yrdbook_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": 300, "stroke": None},
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "grid": False, "domainColor": "#444"},
            # Legends below the chart, wrapped into rows of at most three entries, so that a legend
            # is never wider than the print width.
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "direction": "horizontal",
                       "columns": 3, "labelLimit": 170,
                       # Two legends below a chart go one above the other, not side by side.
                       "layout": {"bottom": {"anchor": "start", "direction": "vertical", "margin": 6}}},
            "title": {"fontSize": 14, "anchor": "start", "fontWeight": "normal"},
            "header": {"labelFontSize": 12, "titleFontSize": 12},
        }
    }


def wrapped(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters, for a text mark with
    ``lineBreak="\\n"``: at spaces where it has them, else (Chinese) anywhere."""
    if " " in text.strip():
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "\n".join([*lines, line])
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))
