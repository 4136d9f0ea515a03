"""Table cells stay text: a line that starts like a list item must not open a list in a cell
(the HTML would show a stray list, and LaTeX cannot typeset it inside a table)."""

import pandas as pd
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from yrdbook.tables import BookTable


def parse(table: BookTable) -> nodes.document:
    return publish_doctree(table.to_myst(), parser=Parser(),
                           settings_overrides={"myst_enable_extensions": ["colon_fence"], "report_level": 4})


def test_lines_that_look_like_list_items_stay_text():
    cells = {"zh_en": ["1．上半年制订方案\n1. In the first half-year, draw up the plan\n2) then report"],
             "marks": ["- a dash\n* a star\n# not a heading\n> not a quote"]}
    doc = parse(BookTable(pd.DataFrame(cells), caption="Cells", name="tbl-cells"))
    assert len(list(doc.findall(nodes.table))) == 1
    for block in (nodes.enumerated_list, nodes.bullet_list, nodes.section, nodes.block_quote):
        assert not list(doc.findall(block)), f"a {block.__name__} was opened inside a table cell"
    text = doc.astext()
    for phrase in ("1. In the first half-year", "2) then report", "- a dash", "* a star", "# not a heading"):
        assert phrase in text


def test_text_from_the_data_renders_literally():
    raw = r"*bold* _em_ `code` {cite:p}`x` <b>tag</b> $x^2$ [link](http://x) \textbf{y} & a|b ~z~"
    doc = parse(BookTable(pd.DataFrame({"title": [raw]}), caption="Literal", name="tbl-literal"))
    cell = list(doc.findall(nodes.entry))[-1]
    assert cell.astext() == raw
    for markup in (nodes.emphasis, nodes.strong, nodes.literal, nodes.reference, nodes.raw, nodes.math):
        assert not list(cell.findall(markup)), f"a {markup.__name__} was made from text in the data"


def test_the_books_own_markup_is_kept():
    from yrdbook.tables import cite, markup
    doc = parse(BookTable(pd.DataFrame({"source": [markup(f"I.2, {cite('ref01')}")]}), caption="c", name="tbl-m"))
    # the role is parsed as a role (an unknown one outside Sphinx), not shown as text
    assert "{cite:p}" not in list(doc.findall(nodes.entry))[-1].astext()
