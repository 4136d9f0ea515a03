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
