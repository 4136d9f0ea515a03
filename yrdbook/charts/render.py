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
import io
from pathlib import Path

import altair as alt
import vl_convert as vlc
from PIL import Image

from ..datapackage import files as datafiles
from . import theme as _theme  # noqa: F401  (registers the theme)

CJK_FONT_DIRS = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto")]
CJK_FONT_FILE = "NotoSansCJK-Regular.ttc"
VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
SPEC_MIME = f"application/vnd.vegalite.v{VEGALITE_VERSION.split('.')[0]}+json"
PNG_PPI = 144  # twice 72 ppi: sharp in print, natural size on the page


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


def png(spec: dict) -> bytes:
    """The chart as PNG at PNG_PPI, recompressed losslessly (the same pixels, a third of the bytes)."""
    drawn = Image.open(io.BytesIO(vlc.vegalite_to_png(spec, vl_version=VEGALITE_VERSION, scale=1, ppi=PNG_PPI)))
    packed = io.BytesIO()
    drawn.save(packed, "PNG", optimize=True, dpi=(PNG_PPI, PNG_PPI))
    return packed.getvalue()


def render(spec: dict, **_metadata) -> dict:
    if not spec.get("description"):
        raise ChartError("Every chart needs a description: it is the figure's alt text.")
    return {
        SPEC_MIME: spec,
        "image/png": base64.b64encode(png(spec)).decode("ascii"),
        "text/plain": f"Chart: {spec['description']}",
    }


def enable() -> None:
    """Use the book's theme and renderer for every chart from here on."""
    _register_cjk_font()
    alt.renderers.register("yrdbook", render)
    alt.renderers.enable("yrdbook")
    alt.theme.enable("yrdbook")
