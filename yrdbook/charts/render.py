"""An Altair renderer that works offline and gives the same output on every run.

Each chart becomes a MIME bundle with
- ``text/html``: a container holding the Vega-Lite spec as JSON; the book's own static
  script (see ``yrdbook.sphinx_ext``) draws it with a locally served vega-embed, so no
  CDN is needed and no random element id is written. The drawn SVG carries the chart's
  description as its accessible name (Vega sets it); a ``<noscript>`` paragraph gives the
  same text without JavaScript. Below the chart, "Data: ..." links the files of data/
  the chart was computed from, named with ``.properties(usermeta=data_files(...))``;
- ``image/png``: a static image drawn by vl-convert, for PDF and for readers without
  JavaScript;
- ``text/plain``: the chart's description, which is also its alt text.
"""

import base64
import hashlib
import html
import json
from pathlib import Path

import altair as alt
import vl_convert as vlc

from .. import datafiles
from . import theme as _theme  # noqa: F401  (registers the theme)

CJK_FONT_DIRS = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto")]
CJK_FONT_FILE = "NotoSansCJK-Regular.ttc"
VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
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


def chart_id(spec: dict) -> str:
    """A stable element id derived from the spec, so re-runs give identical HTML."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"yrd-chart-{digest[:12]}"


def data_files(*names: str) -> dict:
    """``usermeta`` naming the files of data/ a chart was computed from, for ``.properties()``:
    ``chart.properties(description=..., usermeta=data_files("eras.csv", "events.csv"))``."""
    return {"yrdbook": {"data": datafiles.check(names)}}


def chart_data_files(spec: dict) -> list[str]:
    return list(spec.get("usermeta", {}).get("yrdbook", {}).get("data", []))


def html_container(spec: dict) -> str:
    payload = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("</", "<\\/")  # keep the JSON from closing its <script>
    description = html.escape(spec["description"], quote=False)
    data = chart_data_files(spec)
    # No role="img" on the container: the chart's action menu is focusable, and an image
    # may not contain controls. The SVG that Vega draws is named by the description.
    return (
        f'<div class="yrd-chart" id="{chart_id(spec)}">'
        f'<script type="application/json" class="yrd-chart-spec">{payload}</script>'
        f'<div class="yrd-chart-view"></div>'
        f'<noscript><p class="yrd-chart-alt">{description}</p></noscript></div>'
        + (datafiles.html_line(data) if data else "")
    )


def png(spec: dict) -> bytes:
    return vlc.vegalite_to_png(spec, vl_version=VEGALITE_VERSION, scale=1, ppi=PNG_PPI)


def render(spec: dict, **_metadata) -> dict:
    if not spec.get("description"):
        raise ChartError("Every chart needs a description: it is the figure's alt text.")
    return {
        "text/html": html_container(spec),
        "image/png": base64.b64encode(png(spec)).decode("ascii"),
        "text/plain": f"Chart: {spec['description']}",
    }


def enable() -> None:
    """Use the book's theme and renderer for every chart from here on."""
    _register_cjk_font()
    alt.renderers.register("yrdbook", render)
    alt.renderers.enable("yrdbook")
    alt.theme.enable("yrdbook")
