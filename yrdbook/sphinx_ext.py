"""Sphinx extension that guards and equips the book build.

- Validates data/ before any page is read: invalid data stops the build with the
  file, row, field and reason of every problem.
- Keeps myst-nb's execution cache honest: the cache keys on notebook code only, so when
  data/, references.bib or the helper package change, the cache is cleared and every
  notebook is re-read and re-executed.
- Serves the chart library (vega, vega-lite, vega-embed from vl-convert) as one local,
  self-contained script, loaded only by pages that hold charts.
- Serves the data package and references.bib under _static/data/ and resolves the
  "Data: ..." links of figures and tables to them (see ``yrdbook.datafiles``).
- Makes the book citable from CITATION.cff: the ``yrd-bibtex`` directive (book, source
  paper, every chapter), a "Cite this chapter" box at the end of every numbered chapter,
  and Highwire ``citation_*`` meta tags on the landing page.
- Repairs the theme's markup where axe-core finds it inaccessible (``_accessible_markup``)
  and adds the book's stylesheet ``static/yrd-book.css``.
"""

import hashlib
import logging as std_logging
import html
import os
import json
import re
import shutil
from pathlib import Path

import altair as alt
import vl_convert as vlc
from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from . import bibstyle, citation, datafiles, paths
from .charts.render import VEGALITE_VERSION
from .problems import DataPackageError
from .validate import mark_validated, validate

logger = logging.getLogger(__name__)

CHART_SCRIPT = "yrd-charts.js"
STYLESHEET = "yrd-book.css"
FAVICON = "favicon.svg"
FINGERPRINT_FILE = "yrd-inputs.sha256"
PDF_PATH = "_downloads/yrd-governance-book.pdf"  # where the PDF edition sits in the HTML output
CHAPTER_CITATIONS = "yrd-chapter-citations"

# Runs inside the bundle, where vegaEmbed is in scope and nothing leaks to window.
CHART_LOADER = """
for (const container of document.querySelectorAll("div.yrd-chart")) {
  const spec = JSON.parse(container.querySelector("script.yrd-chart-spec").textContent);
  const view = container.querySelector("div.yrd-chart-view");
  vegaEmbed(view, spec, {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}})
    .then(() => {
      // The drawing is one image named by the chart's description (its alt text).
      const svg = view.querySelector("svg.marks");
      if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", spec.description); }
      // vega-embed's menu button is an icon without a name; screen readers need one.
      const menu = view.querySelector("details > summary");
      if (menu) menu.setAttribute("aria-label", "Save this chart as SVG or PNG");
      container.setAttribute("data-rendered-ms", performance.now().toFixed(1));  // for the benchmark
      container.setAttribute("data-rendered", "true");
    })
    .catch((error) => { view.textContent = "This chart could not be drawn: " + error; console.error(error); });
}
"""


def input_fingerprint(source_dir: Path | None = None) -> str:
    """Hash of everything a notebook's output depends on besides its own code.

    The book's own pages count too: the appendices are generated from the chapters' text.
    """
    digest = hashlib.sha256()
    roots = [(paths.data_dir(), {".csv", ".json"}), (paths.REPO_ROOT / "yrdbook", {".py"})]
    if source_dir is not None:
        roots.append((Path(source_dir) / "book", {".ipynb", ".md"}))
    for root, suffixes in roots:
        for file in sorted(f for f in root.rglob("*") if f.is_file() and f.suffix in suffixes
                           and ".ipynb_checkpoints" not in f.parts):
            digest.update(f"{root.name}/{file.relative_to(root).as_posix()}".encode())
            digest.update(file.read_bytes())
    if source_dir is not None and (Path(source_dir) / "_toc.yml").exists():
        digest.update((Path(source_dir) / "_toc.yml").read_bytes())
    digest.update(paths.bib_path().read_bytes())
    return digest.hexdigest()


def _validate_data(app, config) -> None:
    try:
        validate()
    except DataPackageError as error:
        raise ExtensionError(str(error)) from None
    mark_validated(paths.data_dir(), paths.bib_path())


def _execute_notebooks_in_parallel(app) -> None:
    """Fill myst-nb's execution cache using every core before Sphinx reads the pages.

    myst-nb executes notebooks one by one as it reads them; run first, in parallel, with the
    same cache, they are found there. A notebook that fails here is simply not cached, and
    myst-nb then runs it again itself and reports the error as usual.
    """
    if app.config.nb_execution_mode != "cache" or app.builder.name not in ("html", "dirhtml", "latex"):
        return
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    source = Path(app.srcdir)
    notebooks = sorted(p for p in (source / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    cache = get_cache(str(_cache_dir(app)))
    records = [cache.add_nb_to_project(str(nb)) for nb in notebooks]
    executor = load_executor("local-parallel", cache=cache, logger=std_logging.getLogger("yrdbook.execute"))
    executor.run_and_cache(filter_pks=[r.pk for r in records], timeout=app.config.nb_execution_timeout,
                           allow_errors=app.config.nb_execution_allow_errors)


def _cache_dir(app) -> Path:
    return Path(app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")


def _check_inputs(app, config) -> None:
    stamp = _cache_dir(app) / FINGERPRINT_FILE
    app.yrd_fingerprint = input_fingerprint(Path(app.srcdir))
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
    _stage_data_files(static / "data")
    shutil.copyfile(Path(__file__).parent / "static" / STYLESHEET, static / STYLESHEET)
    if not config.html_favicon:  # else every browser asks for /favicon.ico and logs a 404
        config.html_favicon = os.path.relpath(Path(__file__).parent / "static" / FAVICON, app.confdir)
    # Relative to the configuration directory, so the build's config hash is path-independent.
    config.html_static_path.append(os.path.relpath(static, app.confdir))


def _stage_data_files(target: Path) -> None:
    """The data package and references.bib, served as _static/data/<file>."""
    wanted = datafiles.servable()
    target.mkdir(parents=True, exist_ok=True)
    for stale in {p.name for p in target.iterdir()} - set(wanted):
        (target / stale).unlink()
    for name, source in wanted.items():
        if not (target / name).exists() or (target / name).read_bytes() != source.read_bytes():
            shutil.copyfile(source, target / name)


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


# --- data links ----------------------------------------------------------------------

def data_file_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{yrd-data}`eras.csv`: a link to a file of the data package as served with the book."""
    file = text.strip()
    try:
        datafiles.check([file])
    except datafiles.UnknownDataFile as error:
        message = inliner.reporter.error(str(error), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    link = nodes.reference(rawtext, "", nodes.literal(file, file), refuri=datafiles.LINK_SCHEME + file,
                           internal=True, classes=["yrd-data-link"])
    return [link], []


_RAW_DATA_LINK = re.compile(r'href="' + re.escape(datafiles.LINK_SCHEME) + r'([^"]+)"')


class ResolveDataLinks(SphinxPostTransform):
    """``yrd-data:<file>`` links become page-relative links to _static/data/<file> in HTML,
    and plain file names elsewhere (LaTeX). Runs after myst-nb chose each output's format."""
    default_priority = 900

    def run(self, **kwargs) -> None:
        is_html = self.app.builder.format == "html"
        page = self.app.builder.get_target_uri(self.env.docname) if is_html else ""

        def target(file: str) -> str:
            return relative_uri(page, f"{datafiles.SERVED_DIR}/{file}")

        for ref in list(self.document.findall(nodes.reference)):
            uri = ref.get("refuri", "")
            if uri.startswith(datafiles.LINK_SCHEME):
                if is_html:
                    ref["refuri"] = target(uri[len(datafiles.LINK_SCHEME):])
                else:
                    ref.replace_self(ref.children)
        for raw in list(self.document.findall(nodes.raw)):
            text = raw.astext()
            if datafiles.LINK_SCHEME not in text or "html" not in raw.get("format", "").split():
                continue
            if is_html:
                text = _RAW_DATA_LINK.sub(lambda m: f'href="{html.escape(target(m.group(1)))}"', text)
                raw.replace_self(nodes.raw(text, text, format=raw["format"]))


# --- citing --------------------------------------------------------------------------

def _load_citation(app, config) -> None:
    path = Path(app.confdir) / citation.CITATION_FILE
    config.yrd_citation = citation.load(path if path.exists() else None).as_dict()


def _book(app) -> citation.BookCitation:
    return citation.from_dict(app.config.yrd_citation)


def _bibtex_block(entry: str) -> nodes.literal_block:
    return nodes.literal_block(entry, entry, language="bibtex", classes=["yrd-bibtex"])


class BibtexDirective(SphinxDirective):
    """```{yrd-bibtex} book``` -- or ``chapters``, or any key of references.bib (``source_paper``)."""
    required_arguments = 1

    def run(self):
        what = self.arguments[0]
        if what == "book":
            return [_bibtex_block(citation.book_entry(citation.from_dict(self.config.yrd_citation)))]
        if what == "chapters":  # filled in once every chapter's title and number is known
            return [nodes.container(classes=[CHAPTER_CITATIONS])]
        self.env.note_dependency(str(paths.bib_path()))
        try:
            return [_bibtex_block(citation.bib_entry(what))]
        except KeyError as error:
            raise self.error(f"yrd-bibtex: {error}") from None


def chapters(env) -> list[tuple[str, str, str]]:
    """(docname, title, number) of every numbered chapter, in the order of the table of contents."""
    order, seen = [], set()

    def walk(doc):
        for child in env.toctree_includes.get(doc, []):
            if child not in seen:
                seen.add(child)
                order.append(child)
                walk(child)
    walk(env.config.root_doc)
    found = []
    for doc in order:
        number = env.toc_secnumbers.get(doc, {}).get("")
        if number and doc in env.titles:
            found.append((doc, env.titles[doc].astext(), ".".join(map(str, number))))
    return found


class CitationBoxes(SphinxPostTransform):
    """A "Cite this chapter" box at the end of every numbered chapter (HTML), and the list of
    all chapter entries wherever ``yrd-bibtex`` ``chapters`` asks for it."""
    default_priority = 901

    def run(self, **kwargs) -> None:
        book = _book(self.app)
        entries = chapters(self.env)
        for placeholder in list(self.document.findall(nodes.container)):
            if CHAPTER_CITATIONS in placeholder["classes"]:
                items = nodes.bullet_list()
                for doc, title, number in entries:
                    link = nodes.reference("", "", nodes.Text(f"Chapter {number}: {title}"), internal=True,
                                           refuri=self.app.builder.get_relative_uri(self.env.docname, doc))
                    items += nodes.list_item("", nodes.paragraph("", "", link),
                                             _bibtex_block(citation.chapter_entry(book, doc, title, number)))
                placeholder += items
        if self.app.builder.format != "html":
            return
        this = {doc: (title, number) for doc, title, number in entries}.get(self.env.docname)
        sections = list(self.document.findall(nodes.section))
        if this is None or not sections:
            return
        title, number = this
        box = nodes.admonition(classes=["yrd-cite-chapter", "tip"])
        box += nodes.title("", "Cite this chapter")
        box += nodes.paragraph("", "BibTeX for this chapter. Cite the source paper as well: the "
                                   "“How to cite” page gives its entry and the book’s.")
        box += _bibtex_block(citation.chapter_entry(book, self.env.docname, title, number))
        sections[0] += box


def _citation_meta_tags(app, pagename, templatename, context, doctree) -> None:
    """Highwire Press tags (read by Google Scholar, Zotero and others) on the landing page."""
    if pagename != app.config.root_doc:
        return
    book = _book(app)
    pdf = app.config.yrd_pdf_path
    base = app.config.html_baseurl
    pdf_url = f"{base.rstrip('/')}/{pdf}" if base else context["pathto"](pdf, 1)
    tags = [("citation_title", book.title)]
    tags += [("citation_author", author.strip("{}")) for author in book.authors]
    tags += [("citation_publication_date", book.date_released.replace("-", "/")),
             ("citation_publisher", book.publisher), ("citation_language", app.config.language or "en"),
             ("citation_pdf_url", pdf_url)]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta name="{name}" content="{html.escape(value, quote=True)}" />' for name, value in tags)


def setup(app):
    bibstyle.register()
    app.add_config_value("yrd_citation", {}, "env")
    app.add_config_value("yrd_pdf_path", PDF_PATH, "html")
    app.add_role("yrd-data", data_file_role)
    app.add_directive("yrd-bibtex", BibtexDirective)
    app.add_post_transform(ResolveDataLinks)
    app.add_post_transform(CitationBoxes)
    app.add_css_file(STYLESHEET)
    app.connect("config-inited", _load_citation, priority=400)
    app.connect("html-page-context", _accessible_markup)
    app.connect("html-page-context", _citation_meta_tags)
    app.connect("config-inited", _validate_data, priority=100)
    app.connect("config-inited", _check_inputs, priority=200)
    app.connect("config-inited", _provide_chart_script, priority=300)
    app.connect("builder-inited", _execute_notebooks_in_parallel)
    app.connect("env-get-outdated", _outdated_documents)
    app.connect("html-page-context", _add_chart_script)
    app.connect("html-page-context", _drop_remote_scripts, priority=900)
    app.connect("build-finished", _record_inputs)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
