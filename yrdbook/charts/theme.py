"""The book's single chart theme: a CJK-capable font and a colour-blind-safe palette."""

import altair as alt

FONT = "Noto Sans CJK SC"

# Okabe–Ito palette: distinguishable under the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MUTED = "#BBBBBB"

WIDTH = 600


@alt.theme.register("yrdbook", enable=False)
def yrdbook_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": 300, "stroke": None},
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "grid": False, "domainColor": "#444"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "direction": "horizontal"},
            "title": {"fontSize": 14, "anchor": "start", "fontWeight": "normal"},
            "header": {"labelFontSize": 12, "titleFontSize": 12},
        }
    }
