"""The book's own pages: their order in ``_toc.yml``, their files, titles and text.

The one place that reads the table of contents and the text of notebooks; the appendices,
``./tasks.sh execute`` and the tests all go through it.
"""

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from .datapackage.paths import REPO_ROOT

SUFFIXES = (".ipynb", ".md")


def _toc(root: Path | None) -> dict:
    return yaml.safe_load((Path(root or REPO_ROOT) / "_toc.yml").read_text(encoding="utf-8"))


def toc_files(root: Path | None = None) -> list[str]:
    """Every page of the book in ``_toc.yml`` order (the root, then each part's chapters and
    their sections), as file names without suffix, e.g. ``book/evolution``."""
    toc = _toc(root)
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def numbered_files(root: Path | None = None) -> list[str]:
    """The chapters of the parts that ``_toc.yml`` numbers (the book's chapters 1, 2, ...)."""
    return [c["file"] for part in _toc(root).get("parts", []) if part.get("numbered") for c in part["chapters"]]


@dataclass(frozen=True)
class Page:
    file: str  # as _toc.yml names it: book/evolution
    path: Path

    @property
    def doc(self) -> str:
        return Path(self.file).name

    @property
    def is_notebook(self) -> bool:
        return self.path.suffix == ".ipynb"

    @cached_property
    def cells(self) -> list[dict]:
        if not self.is_notebook:
            return [{"cell_type": "markdown", "source": self.path.read_text(encoding="utf-8"), "metadata": {}}]
        return json.loads(self.path.read_text(encoding="utf-8"))["cells"]

    @cached_property
    def markdown(self) -> str:
        """The page's own prose: its Markdown file, or its notebook's Markdown cells."""
        return "\n\n".join(_text(c["source"]) for c in self.cells if c["cell_type"] == "markdown")

    @cached_property
    def output_markdown(self) -> str:
        """The Markdown its code cells output: tables are cell outputs."""
        return "\n\n".join(_text(o.get("data", {}).get("text/markdown", ""))
                           for c in self.cells for o in c.get("outputs", []))

    @property
    def code(self) -> list[str]:
        return [_text(c["source"]) for c in self.cells if c["cell_type"] == "code"]

    @property
    def text(self) -> str:
        """Prose and table outputs together, as a reader meets them."""
        return "\n\n".join(t for t in (self.markdown, self.output_markdown) if t)

    @property
    def title(self) -> str:
        for line in self.markdown.splitlines():
            if line.startswith("# "):
                return re.sub(r"[`*]", "", line[2:]).strip()
        raise ValueError(f"{self.path} has no '# ' title")


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else source


def page(file: str, root: Path | None = None) -> Page:
    root = Path(root or REPO_ROOT)
    for suffix in SUFFIXES:
        if (root / f"{file}{suffix}").exists():
            return Page(file, root / f"{file}{suffix}")
    raise FileNotFoundError(f"_toc.yml lists {file}, which has no .ipynb or .md file")


def book_pages(root: Path | None = None) -> list[Page]:
    """Every page of the book, in reading order."""
    return [page(file, root) for file in toc_files(root)]


def notebooks(root: Path | None = None) -> list[Path]:
    """The notebooks of the book in reading order (``./tasks.sh execute`` runs them so)."""
    return [p.path for p in book_pages(root) if p.is_notebook]


if __name__ == "__main__":  # ./tasks.sh execute: the notebooks to run, one per line
    print("\n".join(str(path.relative_to(REPO_ROOT)) for path in notebooks()))
