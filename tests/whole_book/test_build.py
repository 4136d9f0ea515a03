"""Whole-book builds in a scratch copy: bad data stops the build, builds are reproducible,
and a data edit shows up in the next build despite the execution cache."""

import filecmp
import re

import pytest
from bs4 import BeautifulSoup

from support.scratch import build, html_files, scratch_book


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
    # The new text also holds characters that MyST, HTML and TeX would read as markup: shown as text.
    new = "administrative regions held *cooperation* back <b>$x$</b> \\textbf{y} & {cite}`z`"
    eras.write_text(eras.read_text(encoding="utf-8").replace("the administrative-region economy blocks regional cooperation",
                                                             f'"{new}"'), encoding="utf-8")
    result = build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    page = (book / "_build" / "html" / "book" / "evolution.html").read_text(encoding="utf-8")
    text = BeautifulSoup(page, "html.parser").select_one("#tbl-era-comparison").get_text(" ")
    assert new in re.sub(r"\s+", " ", text)
    assert "the administrative-region economy blocks regional cooperation" not in page
