"""The data files a figure or table was computed from, and the "Data: ..." line that links them.

The book serves every file of the data package (each CSV and ``datapackage.json``) and
``references.bib`` under ``_static/data/`` (see ``yrdbook.sphinx_ext``). A figure or table
names the files it was computed from; its page then shows a line such as
"Data: eras.csv, events.csv" whose links open those very files.

- Charts: ``.properties(usermeta=data_files("eras.csv", "events.csv"))``; the renderer
  writes the line under the chart.
- Tables: ``BookTable(..., data=["eras.csv"])``; the line ends the table's caption.

Links are written as ``yrd-data:<file>`` and made relative to each page by the Sphinx
extension, so the same notebook output works on a page at any depth (and in LaTeX, where
the file name is printed as text).
"""

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
    files = {p.name: p for p in sorted(data.glob("*.csv"))}
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
    return "Data: " + ", ".join(f"{{{ROLE}}}`{name}`" for name in check(names)) + "."


def html_line(names) -> str:
    """The same line as HTML (charts), with links the Sphinx extension resolves per page."""
    links = ", ".join(f'<a class="yrd-data-link reference internal" href="{LINK_SCHEME}{name}">'
                      f'<code class="docutils literal notranslate"><span class="pre">{name}</span></code></a>'
                      for name in check(names))
    return f'<p class="yrd-data">Data: {links}.</p>'
