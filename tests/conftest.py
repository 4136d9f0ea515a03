"""Fixtures shared by every kind of test, and each test's kind, from its folder:

- ``unit/``, ``data/``, ``chapters/``, ``i18n/``: marker ``unit``; need no build (``./tasks.sh test-unit``);
- ``built/``: marker ``built``; read the built HTML and PDF (``test_pdf.py`` also ``pdf``);
- ``browser/``: marker ``browser``; open the built book in Chromium;
- ``whole_book/``: marker ``build``; build scratch copies of the whole book;
- the notebooks of ``book/`` (nbval): marker ``notebooks``.
"""

import shutil
from pathlib import Path

import pytest

from support import BUILT_HTML, REPO

TESTS = Path(__file__).resolve().parent
KIND_OF_FOLDER = {"unit": "unit", "data": "unit", "chapters": "unit", "built": "built", "browser": "browser",
                  "whole_book": "build", "i18n": "unit"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb":
            item.add_marker("notebooks")
            continue
        item.add_marker(KIND_OF_FOLDER[path.relative_to(TESTS).parts[0]])
        if path.name == "test_pdf.py":
            item.add_marker("pdf")


@pytest.fixture(scope="session")
def book():
    """The validated tables of data/."""
    from yrdbook import data
    return data.load()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ and references.bib that a test may corrupt."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    shutil.copy(REPO / "references.bib", tmp_path / "references.bib")
    return target


@pytest.fixture(scope="session")
def built_html() -> Path:
    if not (BUILT_HTML / "index.html").exists():
        pytest.fail("No built book in _build/html: run ./tasks.sh book (./tasks.sh test does it first).")
    return BUILT_HTML
