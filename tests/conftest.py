import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUILT_HTML = Path(os.environ.get("YRD_BUILT_HTML", REPO / "_build" / "html"))  # override: a scratch build


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
