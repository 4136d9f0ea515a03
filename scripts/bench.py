"""Benchmark the book build: ``./tasks.sh bench`` writes _build/bench.json and prints it.

Measures (median of N runs): a clean HTML build of the English edition alone (no _build/, so
every notebook executes), a clean build of both editions (the English, then the Chinese from
the same execution cache, as ./tasks.sh book builds them), and a no-change rebuild of both; one
PDF build (after the HTML builds, so notebooks come from the
execution cache, as in ./tasks.sh test); the size of every page and of the shared static
assets; and, per page in Debian's Chromium, the time from navigation start until every chart
is drawn (the chart loader stamps each chart with performance.now() when it is done).
Targets on the 2-core reference machine (reported, not enforced): clean build <= 60 s, both
editions' clean build <= 1.6 x the English one's measured in the same run, no-change rebuild
of both <= 10 s, heaviest page <= 250 KB not counting the shared chart library,
every chart of a page drawn within 1.5 s.
"""

import json
import os
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
TARGETS = {"clean_build_s": 60, "both_editions_ratio": 1.6, "rebuild_s": 10, "heaviest_page_kb": 250,
           "charts_drawn_ms": 1500}


def timed_build() -> float:
    start = time.perf_counter()
    subprocess.run([str(JUPYTER_BOOK), "build", str(ROOT), "--warningiserror", "--nitpick", "--keep-going", "--quiet"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def timed_chinese_build() -> float:
    """The Chinese edition, after the English one, from the same execution cache."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "yrdbook.build.editions", "zh", "html", str(ROOT)],
                   check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def pdf_available() -> str | None:
    """Why the PDF edition cannot be built here, or None if it can."""
    missing = [tool for tool in ("xelatex", "latexmk") if shutil.which(tool) is None]
    return f"missing {', '.join(missing)}" if missing else None


def timed_pdf_build() -> float:
    """The PDF edition as ./tasks.sh pdf makes it (LaTeX builder, xelatex, copy into the HTML)."""
    start = time.perf_counter()
    subprocess.run([str(JUPYTER_BOOK), "build", str(ROOT), "--builder", "pdflatex", "--warningiserror", "--nitpick",
                    "--keep-going", "--quiet"], check=True, capture_output=True, cwd=ROOT,
                   env=dict(os.environ, LATEXMKOPTS="-silent"))
    subprocess.run([sys.executable, "-m", "yrdbook.build.pdf", str(BUILD)], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def chart_times(html: Path, runs: int) -> dict[str, dict]:
    """Per page with charts, medians over ``runs`` in Debian's Chromium, in ms from navigation
    start: the last chart drawn on a first visit (a fresh browser profile, nothing cached) and
    on a second visit (chart library cached), and the first visit's load event."""
    sys.path.insert(0, str(ROOT / "tests"))  # the browser helper the browser tests use
    from support import browser

    def visit(page, url) -> dict:
        page.goto(url, wait_until="load")
        page.wait_for_function(browser.CHARTS_RENDERED, timeout=30_000)
        return page.evaluate(browser.TIMINGS)

    results = {}
    with browser.serve(html) as site, browser.chromium() as chromium:
        for name in browser.pages(html):
            if 'class="yrd-chart"' not in (html / name).read_text(encoding="utf-8"):
                continue
            first, second = [], []
            for _ in range(runs):
                context = chromium.new_context(viewport=browser.VIEWPORT)
                page = context.new_page()
                first.append(visit(page, site + name))
                second.append(visit(page, site + name))
                context.close()
            results[name] = {
                "charts": first[0]["charts"],
                "last_chart_ms": round(statistics.median(x["last_chart_ms"] for x in first)),
                "last_chart_ms_runs": [round(x["last_chart_ms"]) for x in first],
                "last_chart_ms_cached": round(statistics.median(x["last_chart_ms"] for x in second)),
                "load_event_ms": round(statistics.median(x["load_ms"] for x in first)),
            }
    return results


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
    clean, both = [], []
    for _ in range(runs):
        shutil.rmtree(BUILD, ignore_errors=True)
        clean.append(timed_build())
        both.append(clean[-1] + timed_chinese_build())
    rebuild = [timed_build() + timed_chinese_build() for _ in range(runs)]
    no_pdf = pdf_available()
    pdf = None if no_pdf else timed_pdf_build()
    html = BUILD / "html"
    try:
        charts, charts_error = chart_times(html, runs), None
    except Exception as error:  # no Chromium or Playwright: report it, keep the other numbers
        charts, charts_error = {}, f"{type(error).__name__}: {error}"
    slowest = max(charts, key=lambda name: charts[name]["last_chart_ms"]) if charts else None
    pages = page_sizes(html)
    static = {str(p.relative_to(html / "_static")): p.stat().st_size for p in (html / "_static").rglob("*") if p.is_file()}
    report = {
        "runs": runs,
        "clean_build_s": {"runs": [round(t, 2) for t in clean], "median": round(statistics.median(clean), 2)},
        "clean_build_both_editions_s": {"runs": [round(t, 2) for t in both], "median": round(statistics.median(both), 2)},
        "both_editions_ratio": round(statistics.median(b / c for b, c in zip(both, clean)), 2),
        "rebuild_s": {"runs": [round(t, 2) for t in rebuild], "median": round(statistics.median(rebuild), 2),
                      "what": "both editions, nothing changed"},
        "pdf_build_s": round(pdf, 2) if pdf is not None else None,
        **({"pdf_not_built": no_pdf} if no_pdf else {}),
        "page_bytes": pages,
        "heaviest_page": max(pages, key=pages.get),
        "heaviest_page_kb": round(max(pages.values()) / 1024, 1),
        "chart_library_kb": round(static.get(CHART_LIBRARY, 0) / 1024, 1),
        "static_assets_kb": round(sum(static.values()) / 1024, 1),
        "charts_drawn_ms": charts,
        "slowest_charts_page": slowest,
        "slowest_charts_drawn_ms": charts[slowest]["last_chart_ms"] if slowest else None,
        **({"charts_not_measured": charts_error} if charts_error else {}),
        "targets": TARGETS,
    }
    report["within_targets"] = {
        "clean_build_s": report["clean_build_s"]["median"] <= TARGETS["clean_build_s"],
        "both_editions_ratio": report["both_editions_ratio"] <= TARGETS["both_editions_ratio"],
        "rebuild_s": report["rebuild_s"]["median"] <= TARGETS["rebuild_s"],
        "heaviest_page_kb": report["heaviest_page_kb"] <= TARGETS["heaviest_page_kb"],
        "charts_drawn_ms": (report["slowest_charts_drawn_ms"] <= TARGETS["charts_drawn_ms"]) if slowest else None,
    }
    (BUILD / "bench.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=2))
