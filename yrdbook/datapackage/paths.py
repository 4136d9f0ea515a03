"""Where the book's inputs live. ``YRD_DATA_DIR`` and ``YRD_BIB`` override for tests."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return Path(os.environ.get("YRD_DATA_DIR", REPO_ROOT / "data"))


def bib_path() -> Path:
    return Path(os.environ.get("YRD_BIB", REPO_ROOT / "references.bib"))
