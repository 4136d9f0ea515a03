"""A scratch copy of the book's inputs, and a whole-book build of it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import REPO

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
BOOK_INPUTS = ["_config.yml", "_toc.yml", "references.bib", "CITATION.cff", "book", "data"]


def scratch_book(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in BOOK_INPUTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy(source, target / name)
    return target


def build(book: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, YRD_DATA_DIR=str(book / "data"), YRD_BIB=str(book / "references.bib"))
    return subprocess.run([str(JUPYTER_BOOK), "build", str(book), "--warningiserror", "--nitpick", "--keep-going"],
                          env=env, capture_output=True, text=True, timeout=600)


def html_files(book: Path) -> dict[str, Path]:
    root = book / "_build" / "html"
    return {str(p.relative_to(root)): p for p in root.rglob("*") if p.is_file()}
