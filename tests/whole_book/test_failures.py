"""Nothing wrong ever ships: bad input stops every command with one readable message, no
traceback, a non-zero exit, and the last good _build/html untouched.

./tasks.sh runs in a scratch copy of the repository that shares this repository's virtual
environment, with a marked "last good build" in its _build/html, once for every corruption of
tests/data/test_validation.py and a few more.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "tests" / "data"))
from test_validation import CORRUPTIONS  # noqa: E402

REPO_FILES = ["tasks.sh", "_config.yml", "_toc.yml", "pyproject.toml", "requirements.txt",
              "requirements-cffconvert.txt", "CITATION.cff", "references.bib"]
REPO_DIRS = ["book", "data", "scripts"]
LAST_GOOD = "<html><body>the last good build</body></html>"


def corrupt(data_dir: Path, corruption) -> None:
    file, edit = corruption
    path = data_dir / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def scratch_repo(tmp_path) -> Path:
    """A copy of the repository's inputs (file times kept, so set-up finds nothing to install)
    with this repository's .venv and a _build/html that stands for the last good build."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in REPO_FILES:
        shutil.copy2(REPO / name, root / name)
    for name in REPO_DIRS:
        shutil.copytree(REPO / name, root / name, copy_function=shutil.copy2)
    (root / ".venv").symlink_to(REPO / ".venv")
    html = root / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text(LAST_GOOD, encoding="utf-8")
    return root


def tasks(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, YRD_DATA_DIR=str(root / "data"), YRD_BIB=str(root / "references.bib"))
    return subprocess.run(["bash", str(root / "tasks.sh"), *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=timeout)


def assert_failed_cleanly(result: subprocess.CompletedProcess, root: Path, *messages: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    for message in messages:
        assert message in output, f"{message!r} not in:\n{output[-3000:]}"
    assert "Traceback (most recent call last)" not in output, output[-3000:]
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == LAST_GOOD


def repeat_a_key(bib: Path) -> None:
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{ref01,\n  title = {again}\n}\n", encoding="utf-8")


# Beyond the corruptions of the data tests: a stray file, a repeated and a malformed BibTeX key.
MORE = [
    ("undescribed-file", lambda root: (root / "data" / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8"),
     "data/notes.csv: is not described in datapackage.json"),
    ("repeated-bib-key", lambda root: repeat_a_key(root / "references.bib"), "every entry needs a key of its own"),
    ("malformed-bib-key", lambda root: (root / "references.bib").write_text(
        (root / "references.bib").read_text(encoding="utf-8") + "\n@misc{1st,\n  title = {t}\n}\n", encoding="utf-8"),
     "key '1st' is malformed"),
]


@pytest.mark.parametrize("name, corruption, expected", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_every_corruption_stops_the_book_with_one_message(scratch_repo, name, corruption, expected):
    corrupt(scratch_repo / "data", corruption)
    result = tasks(scratch_repo, "book", timeout=120)
    assert_failed_cleanly(result, scratch_repo, expected[0], "_build/html is unchanged")
    # One leading message: the count line, then the first problem naming the file.
    problems = result.stderr[result.stderr.index("data/ is invalid"):].splitlines()
    assert problems[1].startswith("  - data/"), result.stderr


@pytest.mark.parametrize("name, corrupt_repo, expected", MORE, ids=[m[0] for m in MORE])
def test_more_bad_input_stops_the_book(scratch_repo, name, corrupt_repo, expected):
    corrupt_repo(scratch_repo)
    result = tasks(scratch_repo, "book", timeout=120)
    assert_failed_cleanly(result, scratch_repo, expected, "_build/html is unchanged")


def test_bad_data_stops_the_book_and_keeps_the_last_build(scratch_repo):
    cities = scratch_repo / "data" / "cities.csv"
    cities.write_text(cities.read_text(encoding="utf-8").replace("121.47,31.23", "121.47,39.90"), encoding="utf-8")
    result = tasks(scratch_repo, "book")
    assert_failed_cleanly(result, scratch_repo, "data/cities.csv, row 2, field 'lat'",
                          "_build/html is unchanged and still holds the last good build")


def test_a_failing_notebook_is_named_with_its_cell_and_the_last_build_is_kept(scratch_repo):
    notebook = scratch_repo / "book" / "conclusion.ipynb"
    text = notebook.read_text(encoding="utf-8")
    notebook.write_text(text.replace('"plans = conclusion.cluster_plans(book)\\n"',
                                     '"plans = conclusion.cluster_plans(book)\\n",\n    "raise KeyError(\'boom\')\\n"', 1),
                        encoding="utf-8")
    assert "raise KeyError" in notebook.read_text(encoding="utf-8")
    result = tasks(scratch_repo, "book")
    assert_failed_cleanly(result, scratch_repo, "book/conclusion.ipynb: the cell", "raised KeyError: 'boom'",
                          "_build/html is unchanged")


def test_a_misspelled_notebook_is_named(scratch_repo):
    result = tasks(scratch_repo, "execute", "book/evolutoin.ipynb")
    assert_failed_cleanly(result, scratch_repo, "No notebook 'book/evolutoin.ipynb' in the book", "evolution")


def test_a_failing_notebook_is_reported_by_execute_and_left_as_it_was(scratch_repo):
    notebook = scratch_repo / "book" / "glossary.ipynb"
    original = notebook.read_text(encoding="utf-8").replace(
        '"from yrdbook import notebook\\n"', '"raise ValueError(\'bad cell\')\\n",\n    "from yrdbook import notebook\\n"', 1)
    notebook.write_text(original, encoding="utf-8")
    result = tasks(scratch_repo, "execute", "glossary")
    assert_failed_cleanly(result, scratch_repo, "book/glossary.ipynb, cell", "ValueError: bad cell")
    assert notebook.read_text(encoding="utf-8") == original


def test_re_running_unchanged_notebooks_changes_no_byte(scratch_repo):
    before = {p.name: p.read_bytes() for p in (scratch_repo / "book").glob("*.ipynb")}
    result = tasks(scratch_repo, "execute")  # nothing changed since the notebooks were stored
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ran in" not in result.stdout and result.stdout.count("up to date") == len(before), result.stdout
    forced = tasks(scratch_repo, "execute", "intro", "conclusion")  # run for real: the same bytes again
    assert forced.returncode == 0 and "outputs unchanged" in forced.stdout, forced.stdout + forced.stderr
    after = {p.name: p.read_bytes() for p in (scratch_repo / "book").glob("*.ipynb")}
    assert after == before
