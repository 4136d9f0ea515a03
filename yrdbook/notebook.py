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

from . import charts, data, language
from .provenance import Fact


def start(glue: Callable[[data.BookData], dict] | None = None) -> data.BookData:
    """Load data/ (validated: a bad row stops here with file, row, field and reason), enable
    the book's charts, and glue the values ``glue(book)`` returns. Returns the tables."""
    charts.enable()
    book = data.load()
    if glue is not None:
        with language.using("en"):
            english = glue(book)
        with language.using("zh"):
            chinese = glue(book)
        glue_values(english, chinese)
    return book


def _markdown(value) -> Markdown:
    return Markdown(value.markdown() if isinstance(value, Fact) else str(value))


def glue_values(english: dict, chinese: dict | None = None) -> None:
    """Keep each value for the page's ``{glue:md}`name:myst``` roles without showing it in the
    notebook: a ``Fact`` with its provenance mark, anything else as its text; where the
    Chinese edition's value reads differently ("2 years and 2 months", "2年2个月"), both."""
    chinese = chinese or {}
    for name, value in english.items():
        other = chinese.get(name, value)
        if _markdown(other).data == _markdown(value).data:
            glue(name, _markdown(value), display=False)
        else:
            glue(name, language.Editions(_markdown(value), _markdown(other)), display=False)


def figure(name: str, chart) -> None:
    """Show ``chart`` here and keep it as ``name`` for the page's ``{glue:figure}``."""
    glue(name, chart, display=True)
