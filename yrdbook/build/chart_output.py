"""How a chart output of a notebook becomes HTML: a myst-nb mime renderer for the
Vega-Lite spec that ``yrdbook.charts.render`` stores (registered in pyproject.toml under
``myst_nb.mime_renderers``).

The HTML is a container holding the spec as JSON, which the book's chart script draws
(``static/chart-loader.js``); its element id comes from the spec, so re-runs give identical
HTML. The drawn SVG carries the chart's description as its accessible name; a
``<noscript>`` paragraph gives the same text without JavaScript. Below the chart, "Data: ..."
links the files of data/ the chart was computed from. Other builders (LaTeX) take the
chart's PNG: the spec is preferred only by HTML builders.
"""

import hashlib
import html
import json

from docutils import nodes

from ..charts.render import SPEC_MIME, chart_data_files
from ..datapackage import files as datafiles
from .i18n import EDITION, edition_output

HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


def chart_id(spec: dict) -> str:
    """A stable element id derived from the spec, so re-runs give identical HTML."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"yrd-chart-{digest[:12]}"


def data_line(names) -> str:
    """'Data: a.csv, b.csv.' as HTML, with links that ``datalinks`` resolves per page."""
    links = ", ".join(f'<a class="yrd-data-link reference internal" href="{datafiles.LINK_SCHEME}{name}">'
                      f'<code class="docutils literal notranslate"><span class="pre">{name}</span></code></a>'
                      for name in datafiles.check(names))
    if EDITION["current"] == "zh":
        return f'<p class="yrd-data">数据：{links.replace(", ", "、")}。</p>'
    return f'<p class="yrd-data">Data: {links}.</p>'


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
        + (data_line(data) if data else "")
    )


class ChartRenderer:
    """myst-nb mime renderer plugin: the spec of a chart as the book's HTML container."""

    mime_priority_overrides = [(builder, SPEC_MIME, 5) for builder in HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline) -> list[nodes.Element] | None:
        edition = edition_output(renderer, data, inline)
        if edition is not None:
            return edition
        if data.mime_type != SPEC_MIME:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        return [nodes.raw(text=html_container(spec), format="html", classes=["output", "text_html"])]
