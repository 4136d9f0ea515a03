"""Nothing wrong ever ships: bad input stops every command with one readable message, no
traceback, a non-zero exit, and the last good _build/html untouched.

The validator is run on every corruption of tests/data/test_validation.py (and a few more);
./tasks.sh itself is run in a scratch copy of the repository that shares this repository's
virtual environment, with a marked "last good build" in its _build/html.
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

from yrdbook.datapackage.validate import main  # noqa: E402

REPO_FILES = ["tasks.sh", "_config.yml", "_toc.yml", "pyproject.toml", "requirements.txt",
              "requirements-cffconvert.txt", "CITATION.cff", "references.bib"]
REPO_DIRS = ["book", "data", "scripts"]
LAST_GOOD = "<html><body>the last good build</body></html>"


def corrupt(data_dir: Path, corruption) -> None:
    file, edit = corruption
    path = data_dir / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize("name, corruption, expected", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_the_validator_names_the_first_cause_without_a_traceback(data_copy, capsys, monkeypatch, name, corruption,
                                                                  expected):
    monkeypatch.setenv("YRD_BIB", str(data_copy.parent / "references.bib"))
    corrupt(data_copy, corruption)
    assert main([str(data_copy)]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0].startswith("data/ is invalid"), err
    assert lines[1].startswith(f"  - data/{corruption[0]}") or lines[1].startswith("  - data/"), err
    assert expected[0] in lines[1] or any(expected[0] in line for line in lines[1:3]), err
    assert "Traceback" not in err


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
