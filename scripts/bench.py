"""Benchmark the book build: ``./tasks.sh bench`` writes _build/bench.json and prints it.

Measures (median of N runs): a clean HTML build (no _build/, so every notebook executes)
and a no-change rebuild; then the size of every page and of the shared static assets.
Targets on the 2-core reference machine: clean build <= 60 s, no-change rebuild <= 10 s,
heaviest page <= 250 KB not counting the shared chart library.
"""

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
CHART_LIBRARY = "yrd-charts.js"
TARGETS = {"clean_build_s": 60, "rebuild_s": 10, "heaviest_page_kb": 250}


def timed_build() -> float:
    start = time.perf_counter()
    subprocess.run([str(JUPYTER_BOOK), "build", str(ROOT), "--warningiserror", "--nitpick", "--keep-going", "--quiet"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def page_sizes(html: Path) -> dict[str, int]:
    """Bytes a reader downloads for each page: its HTML plus the images it embeds."""
    sizes = {}
    for page in sorted(html.rglob("*.html")):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        images = sum((html / "_images" / name).stat().st_size for name in set(_image_names(text))
                     if (html / "_images" / name).exists())
        sizes[str(page.relative_to(html))] = page.stat().st_size + images
    return sizes


def _image_names(text: str) -> list[str]:
    import re
    return re.findall(r'_images/([^"\'?#]+)', text)


def main(runs: int = 3) -> dict:
    clean = []
    for _ in range(runs):
        shutil.rmtree(BUILD, ignore_errors=True)
        clean.append(timed_build())
    rebuild = [timed_build() for _ in range(runs)]
    html = BUILD / "html"
    pages = page_sizes(html)
    static = {str(p.relative_to(html / "_static")): p.stat().st_size for p in (html / "_static").rglob("*") if p.is_file()}
    report = {
        "runs": runs,
        "clean_build_s": {"runs": [round(t, 2) for t in clean], "median": round(statistics.median(clean), 2)},
        "rebuild_s": {"runs": [round(t, 2) for t in rebuild], "median": round(statistics.median(rebuild), 2)},
        "page_bytes": pages,
        "heaviest_page": max(pages, key=pages.get),
        "heaviest_page_kb": round(max(pages.values()) / 1024, 1),
        "chart_library_kb": round(static.get(CHART_LIBRARY, 0) / 1024, 1),
        "static_assets_kb": round(sum(static.values()) / 1024, 1),
        "targets": TARGETS,
    }
    report["within_targets"] = {
        "clean_build_s": report["clean_build_s"]["median"] <= TARGETS["clean_build_s"],
        "rebuild_s": report["rebuild_s"]["median"] <= TARGETS["rebuild_s"],
        "heaviest_page_kb": report["heaviest_page_kb"] <= TARGETS["heaviest_page_kb"],
    }
    (BUILD / "bench.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=2))
