"""Re-run the book's notebooks and store their outputs: ``./tasks.sh execute [notebook ...]``.

With no names, every notebook whose inputs changed since it was last run (its code, the data
package, references.bib, the helper package, and for the appendices the text of the book's
pages); with names, those notebooks. Notebooks are written without volatile metadata (no
execution timestamps), so re-running an unchanged notebook changes no byte. A cell that
raises is reported as one readable line (notebook, cell, exception) and the notebook on disk
is left as it was.
"""

import hashlib
import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from . import pages
from .datapackage import paths
from .datapackage.fingerprint import code_and_data_files, digest

STAMP = "yrdbook"  # notebook metadata: {"inputs": <sha256 of what the outputs were computed from>}
TIMEOUT = 300


class ExecutionFailed(Exception):
    pass


def book_root() -> Path:
    """The book being run: the current folder if it holds a _toc.yml (./tasks.sh runs from the
    repository it belongs to), else the repository of this package."""
    return Path.cwd() if (Path.cwd() / "_toc.yml").exists() else paths.REPO_ROOT


def reads_pages(notebook: nbformat.NotebookNode) -> bool:
    """The appendices are computed from the text of the book's pages."""
    return any("appendices." in cell.source for cell in notebook.cells if cell.cell_type == "code")


def inputs_digest(notebook: nbformat.NotebookNode, path: Path | None = None) -> str:
    """What the notebook's outputs depend on: its code and the files it reads (for an appendix,
    also the other pages of the book, whose text and outputs it reads)."""
    files = code_and_data_files()
    code = json.dumps([c.source for c in notebook.cells if c.cell_type == "code"], ensure_ascii=False)
    extra = ""
    if reads_pages(notebook):
        extra = json.dumps([_content(page) for page in pages.book_pages(book_root())], ensure_ascii=False)
    return hashlib.sha256("\n".join([digest(files), code, extra]).encode()).hexdigest()


def _content(page: pages.Page) -> list:
    """What an appendix reads of a page: its cells' text and outputs (not the metadata, which
    holds its own stamp). Pages that themselves read pages (the other appendices) count by
    their code only, so that the appendices do not keep each other out of date."""
    if not page.is_notebook:
        return [page.markdown]
    cells = nbformat.read(page.path, as_version=4).cells
    if reads_pages(nbformat.from_dict({"cells": cells})):
        return [c.source for c in cells if c.cell_type == "code"]
    return [[c.source, c.get("outputs", [])] for c in cells]


def is_current(path: Path) -> bool:
    notebook = nbformat.read(path, as_version=4)
    return notebook.metadata.get(STAMP, {}).get("inputs") == inputs_digest(notebook, path)


def run(path: Path) -> bool:
    """Execute one notebook in its folder and store it; True if its file changed."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as error:
        raise ExecutionFailed(describe_failure(path, notebook, error)) from None
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata[STAMP] = {"inputs": inputs_digest(notebook, path)}
    text = nbformat.writes(notebook) + "\n"
    if path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def describe_failure(path: Path, notebook, error: CellExecutionError) -> str:
    failed = next((i for i, c in enumerate(notebook.cells) if c.cell_type == "code"
                   and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
    where = f"cell {failed + 1}" if failed is not None else "a cell"
    first_line = ""
    if failed is not None:
        first_line = next((line for line in notebook.cells[failed].source.splitlines() if line.strip()), "")
    name, value = getattr(error, "ename", "Error"), getattr(error, "evalue", str(error))
    return (f"{_relative(path)}, {where} ({first_line.strip()[:60]}): {name}: {value}\n"
            "The notebook on disk is unchanged. If the message names a data file, ./tasks.sh validate shows more.")


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(book_root().resolve()))
    except ValueError:
        return str(path)


def resolve(names: list[str]) -> list[Path]:
    """Notebooks of the book by path or name ('book/evolution.ipynb', 'evolution'), or an error naming them all."""
    known = {p.stem: p for p in pages.notebooks(book_root())}
    chosen = []
    for name in names:
        stem = Path(name).name.removesuffix(".ipynb")
        if stem not in known:
            raise ExecutionFailed(f"No notebook '{name}' in the book (_toc.yml). Its notebooks are: "
                                  f"{', '.join(known)}.")
        chosen.append(known[stem])
    return chosen


def main(argv: list[str]) -> int:
    try:
        chosen = resolve(argv) if argv else pages.notebooks(book_root())
        for path in chosen:
            if not argv and is_current(path):
                print(f"  {_relative(path)}: up to date")
                continue
            start = time.perf_counter()
            changed = run(path)
            state = "outputs stored" if changed else "outputs unchanged"
            print(f"  {_relative(path)}: ran in {time.perf_counter() - start:.1f} s, {state}", flush=True)
    except ExecutionFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
