"""The Chinese edition inside Sphinx: which text the catalogs translate, and which the code draws.

Two kinds of text reach a page:

- the book's prose (Markdown cells and pages: narrative, captions, admonitions, the cite page),
  which Sphinx's gettext catalogs translate (``locales/zh_CN/LC_MESSAGES/<page>.po``);
- cell outputs (tables, charts, glued values), which the notebooks draw in both languages in one
  run (``yrdbook.language``). The catalogs never see them: a table drawn from the data's
  ``*_zh`` fields is not translated a second time, and ``book.pot`` holds prose only.
"""

from docutils import nodes
from sphinx.transforms import SphinxTransform


def in_cell_output(node: nodes.Node) -> bool:
    """Inside the output of a notebook cell or a glued value (myst-nb marks both containers)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.container) and (
            parent.get("nb_element") in ("cell_code_output", "mime_bundle") or "mime_type" in parent.attributes
        ):
            return True
        parent = parent.parent
    return False


class OutputsAreNotMessages(SphinxTransform):
    """Mark every text of a cell output untranslatable, before Sphinx's ``Locale`` (priority 20)
    translates and before the gettext builder extracts messages."""

    default_priority = 15

    def apply(self, **kwargs) -> None:
        for node in self.document.findall(nodes.Element):
            if isinstance(node, nodes.TextElement) and in_cell_output(node):
                node["translatable"] = False


def setup(app) -> None:
    app.add_config_value("yrd_edition", "en", "env")
    app.add_transform(OutputsAreNotMessages)
