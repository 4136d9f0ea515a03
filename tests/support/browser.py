"""Read the built book as a reader does: served on loopback, opened in headless Chromium.

Used by the browser tests (tests/browser/) and the benchmark (scripts/bench.py).
Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright for Python; nothing is
downloaded, and the flags keep Chromium from calling home.
"""

import contextlib
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from . import built_pages

CHROMIUM = Path(os.environ.get("YRD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
VIEWPORT = {"width": 1280, "height": 900}

# True once every chart of the page has been drawn (the chart loader sets data-rendered).
CHARTS_RENDERED = "[...document.querySelectorAll('div.yrd-chart')].every(c => c.dataset.rendered === 'true')"
# Milliseconds from navigation start: the page's load event, and the last chart drawn.
TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const charts = [...document.querySelectorAll("div.yrd-chart")].map(c => parseFloat(c.dataset.renderedMs));
  return {load_ms: nav.loadEventEnd, dom_content_loaded_ms: nav.domContentLoadedEventEnd,
          charts: charts.length, last_chart_ms: charts.length ? Math.max(...charts) : null};
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a page closed while a file was still on its way: no concern of the reader's
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(root: Path):
    """Serve ``root`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def chromium():
    """Debian's Chromium under Playwright; yields the browser."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} not found: install Debian's chromium (./tasks.sh setup does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def pages(html: Path) -> list[str]:
    """Every reader-facing page of the built book, as paths relative to its root."""
    return [str(p.relative_to(html)) for p in built_pages(html)]
