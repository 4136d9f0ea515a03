"""The book's Altair renderer: every chart as one spec and one static image.

Each chart becomes a MIME bundle with
- ``application/vnd.vegalite.v6+json``: the Vega-Lite spec, stored once. In the HTML book,
  ``yrdbook.build.chart_output`` turns it into a container that the book's own, locally
  served script draws (no CDN, no random element id); Jupyter draws it with its own
  Vega-Lite renderer where it has one;
- ``image/png``: a static image drawn by vl-convert, for the PDF and for readers without
  a Vega-Lite renderer;
- ``text/plain``: the chart's description, which is also its alt text.

A chart names the files of data/ it was computed from with
``.properties(usermeta=data_files("eras.csv", "events.csv"))``; the book links them under it.
"""

import base64
import functools
import io
import json
import re
from pathlib import Path

import altair as alt
import vl_convert as vlc
from PIL import Image

from ..datapackage import files as datafiles
from . import theme as _theme  # noqa: F401  (registers the theme)
from .theme import PRINT_WIDTH

CJK_FONT_DIRS = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto")]
CJK_FONT_FILE = "NotoSansCJK-Regular.ttc"
VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
SPEC_MIME = f"application/vnd.vegalite.v{VEGALITE_VERSION.split('.')[0]}+json"
PNG_PPI = 144  # twice 72 ppi: sharp in print, natural size on the page
PNG_SCALE = PNG_PPI / 72  # PNG pixels per CSS pixel of the drawing
PANEL_KEYS = ("hconcat", "vconcat", "concat", "facet", "repeat")


class ChartError(RuntimeError):
    pass


def _register_cjk_font() -> None:
    for directory in CJK_FONT_DIRS:
        if (directory / CJK_FONT_FILE).exists():
            vlc.register_font_directory(str(directory))
            return
    raise ChartError(
        f"No CJK font found ({CJK_FONT_FILE} in {', '.join(map(str, CJK_FONT_DIRS))}); "
        "Chinese labels would render as empty boxes. Install Debian's fonts-noto-cjk."
    )


def data_files(*names: str) -> dict:
    """``usermeta`` naming the files of data/ a chart was computed from, for ``.properties()``:
    ``chart.properties(description=..., usermeta=data_files("eras.csv", "events.csv"))``."""
    return {"yrdbook": {"data": datafiles.check(names)}}


def chart_data_files(spec: dict) -> list[str]:
    return list(spec.get("usermeta", {}).get("yrdbook", {}).get("data", []))


def single_view(spec: dict) -> bool:
    """True for a chart of one view (layers included): Vega-Lite can fit those to a width."""
    return not any(key in spec for key in PANEL_KEYS)


def with_plot_width(spec: dict, width: int) -> dict:
    """The spec with its plotting area ``width`` px wide (its height kept, or in proportion
    where the chart asks for it, as maps do)."""
    fit = {**spec, "width": width}
    aspect = spec.get("usermeta", {}).get("yrdbook", {}).get("aspect")
    if aspect:
        fit["height"] = round(width * aspect)
    return fit


def svg_width(spec: dict) -> float:
    """The drawing's width in CSS pixels, from its SVG (half the work of a PNG)."""
    svg = vlc.vegalite_to_svg(inline_data_files(spec), vl_version=VEGALITE_VERSION)
    return float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))


def png_width(drawn: bytes) -> float:
    """The drawing's width in CSS pixels."""
    return Image.open(io.BytesIO(drawn)).width / PNG_SCALE


def for_print(spec: dict) -> tuple[dict, bytes]:
    """The spec at most PRINT_WIDTH wide, and its PNG.

    Every figure is designed for the print width, at which the PDF sets it at the text width
    (smaller figures in proportion), so its text prints at the same size in every figure. A
    single view that comes out wider gets a narrower plotting area, its text at full size:
    Vega's default autosize ("pad") grows the drawing to hold every axis, legend and label, so
    what is over the width is taken from the plotting area until the whole fits. Charts of
    panels must be designed to fit.
    """
    drawn = png(spec)
    for _ in range(4):
        total = png_width(drawn)
        if total <= PRINT_WIDTH + 0.5:
            return spec, drawn
        if not single_view(spec):
            raise ChartError(f"A chart of panels is {total:.0f} px wide, more than the print width of "
                             f"{PRINT_WIDTH} px: make its panels narrower or wrap them into more rows. "
                             f"({spec.get('description', '')[:80]})")
        # A width given as a step per category is replaced by a width in pixels.
        plot = spec["width"] if isinstance(spec.get("width"), (int, float)) else total / 2
        spec = with_plot_width(spec, int(plot - (total - PRINT_WIDTH)) - 1)
        drawn = png(spec)
    raise ChartError(f"A chart could not be fitted to {PRINT_WIDTH} px ({spec.get('description', '')[:80]}).")


def with_width(spec: dict, width: float) -> dict:
    """The spec with its drawn width recorded, for the page's chart loader (usermeta.yrdbook.width);
    and its layout for narrow columns too, where it has one (usermeta.yrdbook.narrow)."""
    meta = spec.get("usermeta", {}).get("yrdbook", {})
    meta = {**meta, "width": round(width)}
    if "narrow" in meta:
        meta["narrow"] = with_width(meta["narrow"], svg_width(meta["narrow"]))
    return {**spec, "usermeta": {**spec.get("usermeta", {}), "yrdbook": meta}}


@functools.lru_cache(maxsize=4)
def _data_file(path: Path, modified: float) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def inline_data_files(node):
    """The spec with the data files it loads by URL (``yrd-data:<file>``, e.g. the maps'
    boundaries) read into it: vl-convert draws the static image without a server."""
    if isinstance(node, list):
        return [inline_data_files(item) for item in node]
    if not isinstance(node, dict):
        return node
    url = node.get("url")
    if isinstance(url, str) and url.startswith(datafiles.LINK_SCHEME):
        path = datafiles.servable()[datafiles.check([url[len(datafiles.LINK_SCHEME):]])[0]]
        inlined = {key: inline_data_files(value) for key, value in node.items() if key != "url"}
        return {**inlined, "values": _data_file(path, path.stat().st_mtime)}
    return {key: inline_data_files(value) for key, value in node.items()}


def png(spec: dict) -> bytes:
    """The chart as PNG at PNG_PPI, recompressed losslessly (the same pixels, a third of the bytes)."""
    drawn = Image.open(io.BytesIO(vlc.vegalite_to_png(inline_data_files(spec), vl_version=VEGALITE_VERSION,
                                                      scale=1, ppi=PNG_PPI)))
    packed = io.BytesIO()
    drawn.save(packed, "PNG", optimize=True, dpi=(PNG_PPI, PNG_PPI))
    return packed.getvalue()


def render(spec: dict, **_metadata) -> dict:
    if not spec.get("description"):
        raise ChartError("Every chart needs a description: it is the figure's alt text.")
    spec, drawn = for_print(spec)
    return {
        SPEC_MIME: with_width(spec, png_width(drawn)),
        "image/png": base64.b64encode(drawn).decode("ascii"),
        "text/plain": f"Chart: {spec['description']}",
    }


def enable() -> None:
    """Use the book's theme and renderer for every chart from here on."""
    _register_cjk_font()
    alt.renderers.register("yrdbook", render)
    alt.renderers.enable("yrdbook")
    alt.theme.enable("yrdbook")
