"""Sphinx extension that guards and equips the book build.

- Validates data/ before any page is read: invalid data stops the build with the
  file, row, field and reason of every problem.
- Keeps myst-nb's execution cache honest: the cache keys on notebook code only, so when
  data/, references.bib or the helper package change, the cache is cleared and every
  notebook is re-read and re-executed.
- Serves the chart library (vega, vega-lite, vega-embed from vl-convert) as one local,
  self-contained script, loaded only by pages that hold charts.
"""

import hashlib
import os
import json
import shutil
from pathlib import Path

import altair as alt
import vl_convert as vlc
from sphinx.errors import ExtensionError

from . import bibstyle, paths
from .charts.render import VEGALITE_VERSION
from .problems import DataPackageError
from .validate import validate

CHART_SCRIPT = "yrd-charts.js"
FINGERPRINT_FILE = "yrd-inputs.sha256"

# Runs inside the bundle, where vegaEmbed is in scope and nothing leaks to window.
CHART_LOADER = """
for (const container of document.querySelectorAll("div.yrd-chart")) {
  const spec = JSON.parse(container.querySelector("script.yrd-chart-spec").textContent);
  const view = container.querySelector("div.yrd-chart-view");
  vegaEmbed(view, spec, {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}})
    .then(() => container.setAttribute("data-rendered", "true"))
    .catch((error) => { view.textContent = "This chart could not be drawn: " + error; console.error(error); });
}
"""


def input_fingerprint() -> str:
    """Hash of everything a notebook's output depends on besides its own code."""
    digest = hashlib.sha256()
    roots = [paths.data_dir(), paths.REPO_ROOT / "yrdbook"]
    for root in roots:
        for file in sorted(f for f in root.rglob("*") if f.is_file() and f.suffix in {".csv", ".json", ".py"}):
            digest.update(f"{root.name}/{file.relative_to(root).as_posix()}".encode())
            digest.update(file.read_bytes())
    digest.update(paths.bib_path().read_bytes())
    return digest.hexdigest()


def _validate_data(app, config) -> None:
    try:
        validate()
    except DataPackageError as error:
        raise ExtensionError(str(error)) from None


def _cache_dir(app) -> Path:
    return Path(app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")


def _check_inputs(app, config) -> None:
    stamp = _cache_dir(app) / FINGERPRINT_FILE
    app.yrd_fingerprint = input_fingerprint()
    app.yrd_inputs_changed = not stamp.exists() or stamp.read_text() != app.yrd_fingerprint
    if app.yrd_inputs_changed and _cache_dir(app).exists():
        shutil.rmtree(_cache_dir(app))


def _outdated_documents(app, env, added, changed, removed):
    """After an input change every page is re-read: notebooks re-execute, citations re-resolve."""
    if not app.yrd_inputs_changed:
        return []
    return sorted(env.found_docs - added - changed)


def _record_inputs(app, exception) -> None:
    if exception is None:
        _cache_dir(app).mkdir(parents=True, exist_ok=True)
        (_cache_dir(app) / FINGERPRINT_FILE).write_text(app.yrd_fingerprint)


def _provide_chart_script(app, config) -> None:
    static = Path(app.outdir).parent / ".yrd_static"
    script = static / CHART_SCRIPT
    version = static / "version.json"
    wanted = json.dumps({"vl": VEGALITE_VERSION, "vl_convert": vlc.__version__, "altair": alt.__version__,
                         "loader": hashlib.sha256(CHART_LOADER.encode()).hexdigest(), "wrapper": 1})
    if not script.exists() or not version.exists() or version.read_text() != wanted:
        static.mkdir(parents=True, exist_ok=True)
        bundle = vlc.javascript_bundle(CHART_LOADER, vl_version=VEGALITE_VERSION)
        # The bundle has no import/export, so a function scope turns it into a classic script:
        # its names stay private and it also runs when the book is opened from file://.
        script.write_text(f"(function () {{\n{bundle}\n}})();\n", encoding="utf-8")
        version.write_text(wanted)
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


def setup(app):
    bibstyle.register()
    app.connect("config-inited", _validate_data, priority=100)
    app.connect("config-inited", _check_inputs, priority=200)
    app.connect("config-inited", _provide_chart_script, priority=300)
    app.connect("env-get-outdated", _outdated_documents)
    app.connect("html-page-context", _add_chart_script)
    app.connect("html-page-context", _drop_remote_scripts, priority=900)
    app.connect("build-finished", _record_inputs)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
