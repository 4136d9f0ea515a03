"""The data files a figure or table was computed from, and the "Data: ..." line that links them.

The book serves every file of the data package (each CSV, the maps' boundaries and
``datapackage.json``) and ``references.bib`` under ``_static/data/`` (staged by
``stage_served_files``). A figure or table names the files it was computed from; its page
then shows a line such as "Data: eras.csv, events.csv" whose links open those very files.

- Charts: ``.properties(usermeta=data_files("eras.csv", "events.csv"))``; the book writes
  the line under the chart (``yrdbook.build.chart_output``).
- Tables: ``BookTable(..., data=["eras.csv"])``; the line ends the table's caption.

Links are written as ``yrd-data:<file>`` and made relative to each page by
``yrdbook.build.datalinks``, so the same notebook output works on a page at any depth (and in LaTeX, where
the file name is printed as text).
"""

import shutil
from pathlib import Path

from . import paths

SERVED_DIR = "_static/data"
LINK_SCHEME = "yrd-data:"
ROLE = "yrd-data"


class UnknownDataFile(ValueError):
    pass


def servable() -> dict[str, Path]:
    """File name -> path of everything the book serves under _static/data/."""
    data = paths.data_dir()
    files = {p.name: p for p in sorted(data.glob("*")) if p.suffix in paths.DATA_FILE_SUFFIXES}
    if (data / "datapackage.json").exists():
        files["datapackage.json"] = data / "datapackage.json"
    files[paths.bib_path().name] = paths.bib_path()
    return files


def check(names) -> list[str]:
    """The names, unchanged, once each is known to be a served file; else a helpful error."""
    names = list(names)
    if not names:
        raise UnknownDataFile("Name at least one data file the figure or table was computed from.")
    known = servable()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UnknownDataFile(f"Not a file of the data package or the bibliography: {', '.join(unknown)}. "
                              f"Known files: {', '.join(known)}.")
    return names


def markdown_line(names) -> str:
    """'Data: {yrd-data}`a.csv`, {yrd-data}`b.csv`.' for MyST output (tables)."""
    from ..language import say  # the caption's language: "Data:" or "数据："

    links = [f"{{{ROLE}}}`{name}`" for name in check(names)]
    return say("Data: " + ", ".join(links) + ".", "数据：" + "、".join(links) + "。")


def stage_served_files(target: Path) -> None:
    """Copy the served files into ``target`` (the book's _static/data/), dropping stale ones."""
    wanted = servable()
    target.mkdir(parents=True, exist_ok=True)
    for stale in {p.name for p in target.iterdir()} - set(wanted):
        (target / stale).unlink()
    for name, source in wanted.items():
        if not (target / name).exists() or (target / name).read_bytes() != source.read_bytes():
            shutil.copyfile(source, target / name)
