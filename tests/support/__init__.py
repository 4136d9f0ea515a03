"""Helpers for the tests (and the benchmark): where things are, the browser, scratch builds,
the typeset PDF."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("YRD_BUILD_DIR", REPO / "_build"))
BUILT_HTML = Path(os.environ.get("YRD_BUILT_HTML", BUILD / "html"))  # override: a scratch build


def built_pages(html: Path) -> list[Path]:
    """Every reader-facing page of a built book."""
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)
