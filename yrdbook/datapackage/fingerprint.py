"""One hash of a set of input files: what a validation result or an execution cache is valid for."""

import hashlib
from collections.abc import Iterable
from pathlib import Path


def files_under(root: Path, suffixes: set[str] | None = None) -> list[Path]:
    """Every file below ``root`` (with one of ``suffixes``, if given), sorted, checkpoints left out."""
    return sorted(f for f in Path(root).rglob("*") if f.is_file() and ".ipynb_checkpoints" not in f.parts
                  and (suffixes is None or f.suffix in suffixes))


def digest(files: Iterable[Path], base: Path | None = None) -> str:
    """SHA-256 over each file's name (relative to ``base`` if given) and bytes, in the order given."""
    hasher = hashlib.sha256()
    for file in files:
        file = Path(file)
        name = file.relative_to(base).as_posix() if base is not None else file.name
        hasher.update(name.encode())
        hasher.update(file.read_bytes())
    return hasher.hexdigest()


PACKAGE_SUFFIXES = {".py", ".js", ".tex", ".css", ".svg"}


def code_and_data_files() -> list[Path]:
    """What every computed output depends on besides its own code: the data package (its
    descriptor, tables and the maps' boundaries), references.bib and the helper package (its
    Python, JavaScript, TeX, CSS and SVG)."""
    from . import paths
    return (files_under(paths.data_dir(), {".json", *paths.DATA_FILE_SUFFIXES}) + [paths.bib_path()]
            + files_under(paths.REPO_ROOT / "yrdbook", PACKAGE_SUFFIXES))
