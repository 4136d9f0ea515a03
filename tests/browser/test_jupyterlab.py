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

import json

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
    # JupyterLab's settings and workspaces of its own: a workspace saved by an earlier run (or a
    # reader's) must not decide what this one opens.
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / ".jupyter"),
               JUPYTERLAB_SETTINGS_DIR=str(root / ".jupyter" / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / ".jupyter" / "workspaces"))
    server = subprocess.Popen([str(JUPYTER), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                               f"--ServerApp.root_dir={root}", "--IdentityProvider.token=", "--ServerApp.password=",
                               "--LabApp.news_url=", "--ServerApp.disable_check_xsrf=True",
                               *(["--allow-root"] if os.geteuid() == 0 else [])],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def kernel_state(lab: str, notebook: str) -> str | None:
    """The execution state of the kernel of the session running ``notebook``, from Jupyter's API."""
    with urllib.request.urlopen(lab + "api/sessions", timeout=5) as response:
        sessions = json.load(response)
    for session in sessions:
        if session.get("path", "").endswith(notebook) and session.get("kernel"):
            return session["kernel"].get("execution_state")
    return None


def wait_for_idle_kernel(lab: str, notebook: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if kernel_state(lab, notebook) == "idle":
            return
        time.sleep(0.5)
    pytest.fail(f"the kernel of {notebook} was not idle after {timeout:.0f} s "
                f"(state: {kernel_state(lab, notebook)})")


def test_a_chapter_run_in_jupyterlab_shows_its_figures(lab, tmp_path):
    figures = (REPO / "book" / f"{CHAPTER}.ipynb").read_text(encoding="utf-8").count("notebook.figure(")
    assert figures >= 1
    with browser.chromium() as chromium:
        page = chromium.new_page(viewport=browser.VIEWPORT)
        page.goto(f"{lab}lab/tree/book/{CHAPTER}.ipynb", wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        # Run only once the kernel is up: a run asked for while it starts can be lost on a busy machine.
        wait_for_idle_kernel(lab, f"{CHAPTER}.ipynb", timeout=120)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        shown = ("document.querySelectorAll('.jp-OutputArea-output img, .jp-OutputArea-output .vega-embed')"
                 f".length >= {figures}")
        try:
            page.wait_for_function(shown, timeout=180_000)
        except Exception:
            page.screenshot(path=tmp_path / "jupyterlab.png")
            pytest.fail(f"the figures did not show; kernel {kernel_state(lab, f'{CHAPTER}.ipynb')}, "
                        f"screenshot {tmp_path / 'jupyterlab.png'}, page text: "
                        f"{page.inner_text('body')[:1500]!r}")
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        drawn = page.evaluate("[...document.querySelectorAll('.jp-OutputArea-output img')]"
                              ".filter(i => i.complete && i.naturalWidth > 100).length")
        page.close()
    assert drawn >= figures, f"{drawn} of {figures} figures drawn"
    assert errors == 0
