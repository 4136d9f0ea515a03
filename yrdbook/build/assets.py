"""What the HTML pages load: the chart library, the book's stylesheet and favicon, and
nothing from the network. Also repairs theme markup that axe-core finds inaccessible.

The chart library is vega, vega-lite and vega-embed from vl-convert, wrapped with the
book's chart loader (``static/chart-loader.js``) into one local script, ``yrd-charts.js``,
which only pages that hold charts load.
"""

import hashlib
import json
import os
import shutil
from pathlib import Path

import altair as alt
import vl_convert as vlc

from ..charts.render import VEGALITE_VERSION
from ..datapackage.files import stage_served_files

STATIC = Path(__file__).parent / "static"
CHART_SCRIPT = "yrd-charts.js"
CHART_LOADER = STATIC / "chart-loader.js"
STYLESHEET = "yrd-book.css"
FAVICON = "favicon.svg"


def _provide_static_files(app, config) -> None:
    static = Path(app.outdir).parent / ".yrd_static"
    script = static / CHART_SCRIPT
    version = static / "version.json"
    loader = CHART_LOADER.read_text(encoding="utf-8")
    wanted = json.dumps({"vl": VEGALITE_VERSION, "vl_convert": vlc.__version__, "altair": alt.__version__,
                         "loader": hashlib.sha256(loader.encode()).hexdigest(), "wrapper": 1})
    if not script.exists() or not version.exists() or version.read_text() != wanted:
        static.mkdir(parents=True, exist_ok=True)
        bundle = vlc.javascript_bundle(loader, vl_version=VEGALITE_VERSION)
        # The bundle has no import/export, so a function scope turns it into a classic script:
        # its names stay private and it also runs when the book is opened from file://.
        script.write_text(f"(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
        version.write_text(wanted)
    stage_served_files(static / "data")
    shutil.copyfile(STATIC / STYLESHEET, static / STYLESHEET)
    if not config.html_favicon:  # else every browser asks for /favicon.ico and logs a 404
        config.html_favicon = os.path.relpath(STATIC / FAVICON, app.confdir)
    # Relative to the configuration directory, so the build's config hash is path-independent.
    config.html_static_path.append(os.path.relpath(static, app.confdir))


def _add_chart_script(app, pagename, templatename, context, doctree) -> None:
    if 'class="yrd-chart"' in context.get("body", ""):
        app.add_js_file(CHART_SCRIPT, defer="defer")


def _drop_remote_scripts(app, pagename, templatename, context, doctree) -> None:
    """sphinx-thebe (always enabled by Jupyter Book 1.x) inlines an unpkg.com URL in every
    page even with launch buttons off; the book must not reference the network."""
    def remote(script) -> bool:
        body = str(getattr(script, "attributes", {}).get("body", ""))
        return "://" in str(script) or "https://" in body
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not remote(s)]


def _accessible_markup(app, pagename, templatename, context, doctree) -> None:
    """docutils marks bibliography entries with the deprecated ARIA role doc-biblioentry
    inside a role="list"; axe-core rates that critical (a list must hold list items)."""
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.add_css_file(STYLESHEET)
    app.connect("config-inited", _provide_static_files, priority=300)
    app.connect("html-page-context", _accessible_markup)
    app.connect("html-page-context", _add_chart_script)
    app.connect("html-page-context", _drop_remote_scripts, priority=900)
