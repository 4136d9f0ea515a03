"""The package's layers and the notebooks' shape, as the README describes them.

- ``yrdbook.datapackage`` (loading, validation) knows nothing of the layers above it;
- only ``yrdbook.build`` runs inside Sphinx or LaTeX (imports sphinx or docutils);
- a chapter module never imports another chapter's (shared code is in ``common`` or ``data``);
- every chapter starts with one ``notebook.start`` call, no cell of a notebook glues by hand,
  and a cell that shows a figure hides its output on the page (the figure appears once, numbered).
"""

import ast
from pathlib import Path

import pytest

from support import REPO
from yrdbook import pages

PACKAGE = REPO / "yrdbook"
CHAPTERS = {p.stem for p in (PACKAGE / "chapters").glob("*.py") if p.stem != "__init__"}


def imports(path: Path) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    module = ".".join(path.relative_to(REPO).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found |= {f"{base}.{alias.name}" for alias in node.names} | {base}
    return found


def modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_imports_are_resolved_as_expected():
    found = imports(PACKAGE / "chapters" / "docking.py")
    assert "yrdbook.chapters.common" in found and "yrdbook.data" in found


def test_the_data_package_layer_knows_nothing_above_it():
    above = ("yrdbook.chapters", "yrdbook.charts", "yrdbook.build", "yrdbook.data.", "yrdbook.notebook",
             "yrdbook.tables", "yrdbook.pages")
    for path in modules(PACKAGE / "datapackage"):
        wrong = sorted(name for name in imports(path) if name.startswith(above) or name == "yrdbook.data")
        assert not wrong, f"{path.relative_to(REPO)} imports {wrong}"


def test_only_the_build_layer_runs_inside_sphinx():
    for path in modules(PACKAGE):
        if "build" in path.relative_to(PACKAGE).parts:
            continue
        wrong = sorted(n for n in imports(path) if n.split(".")[0] in {"sphinx", "docutils"})
        assert not wrong, f"{path.relative_to(REPO)} imports {wrong}: Sphinx code belongs in yrdbook/build/"


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_a_chapter_module_imports_no_other_chapter(chapter):
    found = imports(PACKAGE / "chapters" / f"{chapter}.py")
    others = sorted(n for n in found for other in CHAPTERS - {chapter, "common"}
                    if n == f"yrdbook.chapters.{other}" or n.startswith(f"yrdbook.chapters.{other}."))
    assert not others, f"chapters/{chapter}.py imports {others}; move what they share to chapters/common.py"


NOTEBOOK_PAGES = [p for p in pages.book_pages() if p.is_notebook]


@pytest.mark.parametrize("page", NOTEBOOK_PAGES, ids=lambda p: p.doc)
def test_notebook_starts_once_and_never_glues_by_hand(page):
    code = page.code
    assert "notebook.start(" in code[0], f"{page.doc}: the first code cell calls notebook.start(...)"
    assert sum("notebook.start(" in c for c in code) == 1
    for cell in code:
        assert "display=False" not in cell and "glue(" not in cell, f"{page.doc}: glue in a cell:\n{cell}"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES, ids=lambda p: p.doc)
def test_a_figure_cell_shows_its_figure_only_in_the_numbered_figure(page):
    for cell in page.cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and "notebook.figure(" in source:
            assert "remove-output" in cell.get("metadata", {}).get("tags", []), \
                f"{page.doc}: a cell calling notebook.figure needs the remove-output tag:\n{source}"
            glued = source.split('notebook.figure("')[1].split('"')[0]
            assert f"{{glue:figure}} {glued}" in page.markdown, f"{page.doc}: {glued} is never placed as a figure"
