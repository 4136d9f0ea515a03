"""Citing the book: CITATION.cff validated by cffconvert, and the BibTeX entries made from it."""

import os
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_string

from support import REPO
from yrdbook.build import citation

CFF = REPO / "CITATION.cff"
# cffconvert pins jsonschema 3, the book needs 4: it lives in its own environment (tasks.sh).
CFFCONVERT = Path(os.environ.get("YRD_CFFCONVERT", REPO / ".venv" / "cffconvert" / "bin" / "cffconvert"))


def run(command, cwd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, **kwargs)


# --- CITATION.cff ------------------------------------------------------------------------

def test_citation_file_is_valid_cff():
    if not CFFCONVERT.exists():
        pytest.fail(f"{CFFCONVERT} is missing: ./tasks.sh setup installs cffconvert")
    result = run([str(CFFCONVERT), "--validate", "-i", str(CFF)], cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_cffconvert_rejects_a_broken_file(tmp_path):
    broken = tmp_path / "CITATION.cff"
    broken.write_text(CFF.read_text(encoding="utf-8").replace("date-released: 2026-11-26", "date-released: soon", 1))
    assert run([str(CFFCONVERT), "--validate", "-i", str(broken)], cwd=tmp_path).returncode != 0


def test_citation_file_matches_the_package_and_is_honest_about_the_paper():
    cff = yaml.safe_load(CFF.read_text(encoding="utf-8"))
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert str(cff["version"]) == version
    assert cff["title"] == cff["preferred-citation"]["title"] == \
        "Active Docking in the Yangtze River Delta: an executable companion to a paper on regional governance"
    assert cff["authors"] == [{"name": "The YRD Governance Book project"}]
    assert cff["license"] == "MIT"
    paper = cff["references"][0]
    assert paper["title"] == "……治理新模式的复合动力与机制创新"
    assert set(paper) <= {"type", "title", "authors", "languages", "notes"}, "only what the paper's text shows"
    assert paper["authors"][0]["name"].startswith("Unknown")


# --- the entries themselves -----------------------------------------------------------------

def test_bibtex_helpers():
    assert citation.escape("R&D 100% #1 a_b $") == r"R\&D 100\% \#1 a\_b \$"
    assert citation.chapter_key("book/evolution") == "yrd_governance_book_evolution"
    assert citation.chapter_key("book/Part 2-Docking") == "yrd_governance_book_part_2_docking"
    assert citation.bib_entry("source_paper").startswith("@misc{source_paper,")
    with pytest.raises(KeyError):
        citation.bib_entry("no_such_key")


def test_entries_parse_and_carry_the_metadata():
    book = citation.load()
    entries = parse_string(citation.book_entry(book) + "\n"
                           + citation.chapter_entry(book, "book/x", "A chapter & more", "2"), "bibtex").entries
    whole = entries["yrd_governance_book"]
    assert whole.type == "book" and whole.fields["year"] == "2026" and whole.fields["version"] == "0.1.0"
    assert whole.persons["author"][0].last_names == ["{The YRD Governance Book project}"]
    chapter = entries["yrd_governance_book_x"]
    assert chapter.type == "incollection" and chapter.fields["chapter"] == "2"
    assert chapter.fields["title"] == r"{A chapter \& more}"




def test_the_book_has_one_title():
    """_config.yml holds the title (English · Chinese); the citation's title begins with its English half."""
    title = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))["title"]
    english, chinese = title.split(" · ")
    assert yaml.safe_load(CFF.read_text(encoding="utf-8"))["title"].startswith(f"{english}: ")
    assert "长三角" in chinese
