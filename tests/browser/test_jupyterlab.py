"""A chapter run in JupyterLab, with the project's environment, shows its figures.

JupyterLab serves a scratch copy of the book's notebooks (it saves what it runs); the notebook
imports the helper package and reads data/ as in the book. JupyterLab 4.6 draws Vega-Lite up to
version 5, so the charts (Vega-Lite 6) show as their PNG images.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from support import REPO, browser

JUPYTER = Path(sys.executable).parent / "jupyter"
CHAPTER = "conclusion"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(REPO / "book", root / "book")
    # Without their stored outputs: the figures must come from running the cells.
    for path in (root / "book").glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nbformat.write(notebook, path)
    port = free_port()
    server = subprocess.Popen([str(JUPYTER), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                               f"--ServerApp.root_dir={root}", "--IdentityProvider.token=", "--ServerApp.password=",
                               "--LabApp.news_url=", "--ServerApp.disable_check_xsrf=True",
                               *(["--allow-root"] if os.geteuid() == 0 else [])],
                              cwd=root, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "api/status", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start")
    yield url
    server.terminate()
    server.wait(timeout=20)


def test_a_chapter_run_in_jupyterlab_shows_its_figures(lab):
    figures = (REPO / "book" / f"{CHAPTER}.ipynb").read_text(encoding="utf-8").count("notebook.figure(")
    assert figures >= 1
    with browser.chromium() as chromium:
        page = chromium.new_page(viewport=browser.VIEWPORT)
        page.goto(f"{lab}lab/tree/book/{CHAPTER}.ipynb", wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-KernelStatus", timeout=60_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        page.wait_for_function(f"document.querySelectorAll('.jp-OutputArea-output img, .jp-OutputArea-output .vega-embed')"
                               f".length >= {figures}", timeout=120_000)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        drawn = page.evaluate("[...document.querySelectorAll('.jp-OutputArea-output img')]"
                              ".filter(i => i.complete && i.naturalWidth > 100).length")
        page.close()
    assert drawn >= figures, f"{drawn} of {figures} figures drawn"
    assert errors == 0
