"""Notebook execution that sees the data: myst-nb's cache, kept honest and filled in parallel.

myst-nb's execution cache (jupyter-cache) keys on notebook code only. Here the cache is
cleared whenever anything else a notebook's output depends on changes (data/,
references.bib, the helper package, the book's pages and table of contents), and every
page is then re-read. Before Sphinx reads the pages, the notebooks run in parallel into
that same cache, using every core.
"""

import logging as std_logging
import re
import shutil
from pathlib import Path

from sphinx.errors import ExtensionError

from ..datapackage.fingerprint import code_and_data_files, digest, files_under

FINGERPRINT_FILE = "yrd-inputs.sha256"


def input_fingerprint(source_dir: Path | None = None) -> str:
    """Hash of everything a notebook's output depends on besides its own code.

    The book's own pages count too: the appendices are generated from the chapters' text.
    """
    files = code_and_data_files()
    if source_dir is not None:
        files += files_under(Path(source_dir) / "book", {".ipynb", ".md"})
        toc = Path(source_dir) / "_toc.yml"
        files += [toc] if toc.exists() else []
    return digest(files)


def progress(message: str) -> None:
    """A line of progress for ./tasks.sh, which shows the lines that start with '==> '."""
    print(f"==> {message}", flush=True)


def _announce_writing(app, env) -> None:
    progress(f"Writing {app.builder.name.upper()} pages")


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
    notebooks = files_under(source / "book", {".ipynb"})
    cache = get_cache(str(_cache_dir(app)))
    records = [cache.add_nb_to_project(str(nb)) for nb in notebooks]
    executor = load_executor("local-parallel", cache=cache, logger=std_logging.getLogger("yrdbook.execute"))
    stale = [nb for nb, record in zip(notebooks, records) if cache.get_cached_project_nb(record.uri) is None]
    progress(f"Running notebooks: {len(stale)} of {len(notebooks)} need running"
             + (f" ({', '.join(nb.relative_to(source).as_posix() for nb in stale)})" if stale else ""))
    options = {"timeout": app.config.nb_execution_timeout, "allow_errors": app.config.nb_execution_allow_errors}
    result = executor.run_and_cache(filter_pks=[r.pk for r in records], **options)
    failed = result.excepted  # a cell raised or timed out: it would again
    if result.errored:
        # The run failed outside the notebook's cells: a kernel that died while starting (two
        # starting at once on a busy machine: "Kernel died before replying to kernel_info") is no
        # fault of the notebook. Those run again, one by one, before anything is reported.
        again = [r.pk for r in records if r.uri in set(result.errored)]
        retry = load_executor("local-serial", cache=cache, logger=std_logging.getLogger("yrdbook.execute"))
        rerun = retry.run_and_cache(filter_pks=again, **options)
        failed = failed + rerun.excepted + rerun.errored
    if failed:
        # One readable line per notebook instead of a page with a traceback and blanks.
        raise ExtensionError("A notebook failed, so the book was not built:\n"
                             + "\n".join(f"  - {failure_summary(cache, uri, source)}" for uri in failed))


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failure_summary(cache, uri: str, source: Path) -> str:
    """'book/evolution.ipynb: the cell starting "growth = ..." raised KeyError: 'x'' from the cached traceback."""
    name = Path(uri).relative_to(source) if Path(uri).is_relative_to(source) else Path(uri)
    try:
        text = ANSI.sub("", cache.get_project_record(uri).traceback or "")
    except Exception:  # noqa: BLE001 - the record may be gone; the notebook's name is still worth giving
        text = ""
    lines = [line for line in text.splitlines() if line.strip()]
    cell = ""
    if "------------------" in lines:
        start = lines.index("------------------") + 1
        cell = f' starting "{lines[start].strip()[:60]}"' if start < len(lines) else ""
    error = next((line.strip() for line in reversed(lines) if re.match(r"^\w+(Error|Exception|Warning)?:", line.strip())),
                 lines[-1].strip() if lines else "an error")
    return f"{name}: the cell{cell} raised {error}"


def setup(app):
    app.connect("config-inited", _check_inputs, priority=200)
    app.connect("builder-inited", _execute_notebooks_in_parallel)
    app.connect("env-get-outdated", _outdated_documents)
    app.connect("env-updated", _announce_writing)
    app.connect("build-finished", _record_inputs)
