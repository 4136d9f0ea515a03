"""Where the book's inputs live. ``YRD_DATA_DIR``, ``YRD_BIB`` and ``YRD_PAPER_TEXT`` override for tests."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return Path(os.environ.get("YRD_DATA_DIR", REPO_ROOT / "data"))


# The package's data files besides datapackage.json: its tables and the maps' boundaries.
DATA_FILE_SUFFIXES = {".csv", ".topojson"}


def bib_path() -> Path:
    return Path(os.environ.get("YRD_BIB", REPO_ROOT / "references.bib"))


# The paper's text (not part of the repository): beside the repository in ../shared/seed/.
PAPER_TEXT_NAME = "000_886a87ef8ec00bfd.txt"


def paper_text() -> Path | None:
    """The plain text of the source paper if it is at hand (``YRD_PAPER_TEXT`` overrides), else None."""
    override = os.environ.get("YRD_PAPER_TEXT")
    candidate = Path(override) if override else REPO_ROOT.parent / "shared" / "seed" / PAPER_TEXT_NAME
    return candidate if candidate.is_file() else None
