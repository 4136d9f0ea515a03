"""Whole-book builds in a scratch copy: bad data stops the build, builds are reproducible,
and a data edit shows up in the next build despite the execution cache."""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from yrdbook.paths import REPO_ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
BOOK_INPUTS = ["_config.yml", "_toc.yml", "references.bib", "CITATION.cff", "book", "data"]


def scratch_book(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in BOOK_INPUTS:
        source = REPO_ROOT / name
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


def test_invalid_data_stops_the_build_before_any_chapter(tmp_path):
    book = scratch_book(tmp_path / "book")
    cities = book / "data" / "cities.csv"
    cities.write_text(cities.read_text(encoding="utf-8").replace("121.47,31.23", "121.47,39.90"), encoding="utf-8")
    result = build(book)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/cities.csv, row 2, field 'lat': value '39.90' fails constraint error" in output
    assert not (book / "_build" / "jupyter_execute").exists(), "a notebook ran on invalid data"
    assert not (book / "_build" / "html" / "book" / "evolution.html").exists()


@pytest.fixture(scope="module")
def two_clean_builds(tmp_path_factory):
    first = scratch_book(tmp_path_factory.mktemp("first") / "book")
    second = scratch_book(tmp_path_factory.mktemp("second") / "book")
    for book in (first, second):
        result = build(book)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return first, second


def test_two_builds_give_identical_output(two_clean_builds):
    first, second = (html_files(b) for b in two_clean_builds)
    assert first.keys() == second.keys()
    differing = [name for name in first if not filecmp.cmp(first[name], second[name], shallow=False)]
    assert not differing, f"outputs differ between identical builds: {differing[:10]}"


def test_a_data_edit_shows_up_in_the_next_build(two_clean_builds):
    book = two_clean_builds[0]
    eras = book / "data" / "eras.csv"
    eras.write_text(eras.read_text(encoding="utf-8").replace("pushed mainly by administrative means",
                                                             "driven chiefly by administrative orders"), encoding="utf-8")
    result = build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    page = (book / "_build" / "html" / "book" / "evolution.html").read_text(encoding="utf-8")
    assert "driven chiefly by administrative orders" in page
    assert "pushed mainly by administrative means" not in page
