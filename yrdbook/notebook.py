"""What a chapter's notebook calls: ``start`` once, ``figure`` for each chart.

    from yrdbook import notebook
    from yrdbook.chapters import evolution

    book = notebook.start(glue=evolution.facts)

``start`` validates and loads data/, switches on the book's chart theme and renderer, and
glues the chapter's facts, the numbers its prose shows with ``{glue:md}`` (each with the mark
of its provenance, ``yrdbook.provenance``), so no cell of the chapter exists only to glue. ``figure`` shows a chart in the notebook and keeps it for
the page's ``{glue:figure}``; a cell that calls it carries the ``remove-output`` tag, so the
book shows the chart once, in its numbered figure.
"""

from collections.abc import Callable

from IPython.display import Markdown
from myst_nb import glue

from . import charts, data
from .provenance import Fact


def start(glue: Callable[[data.BookData], dict] | None = None) -> data.BookData:
    """Load data/ (validated: a bad row stops here with file, row, field and reason), enable
    the book's charts, and glue the values ``glue(book)`` returns. Returns the tables."""
    charts.enable()
    book = data.load()
    if glue is not None:
        glue_values(glue(book))
    return book


def glue_values(values: dict) -> None:
    """Keep each value for the page's ``{glue:md}`name:myst``` roles without showing it in the
    notebook: a ``Fact`` with its provenance mark, anything else as its text."""
    for name, value in values.items():
        glue(name, Markdown(value.markdown()) if isinstance(value, Fact) else value, display=False)


def figure(name: str, chart) -> None:
    """Show ``chart`` here and keep it as ``name`` for the page's ``{glue:figure}``."""
    glue(name, chart, display=True)
