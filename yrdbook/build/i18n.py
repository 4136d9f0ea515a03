"""The Chinese edition inside Sphinx: which text the catalogs translate, and which the code draws.

Two kinds of text reach a page:

- the book's prose (Markdown cells and pages: narrative, captions, admonitions, the cite page),
  which Sphinx's gettext catalogs translate (``locales/zh_CN/LC_MESSAGES/<page>.po``);
- cell outputs (tables, charts, glued values), which the notebooks draw in both languages in one
  run (``yrdbook.language``). The catalogs never see them: a table drawn from the data's
  ``*_zh`` fields is not translated a second time, and the catalogs hold prose only.

Here: outputs kept out of the catalogs (``OutputsAreNotMessages``); each output's drawing in the
edition's language (``edition_output``, called by the book's mime renderer); glued values in
translated paragraphs (``ChineseGluedMarkdown``); the table of contents' captions
(``TranslatedTocCaptions``); the words the book's own Sphinx code writes (``words``,
``translated``); and the links between the editions (``hreflang`` and the switcher).
"""

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from myst_nb.core.render import MimeData, base_render_priority
from myst_nb.core.variables import RetrievalError
from myst_nb.ext.glue.utils import retrieve_glue_data
from myst_nb.ext.glue.domain import NbGlueDomain
from myst_nb.ext.glue.roles import PasteMarkdownRole
from sphinx.transforms import SphinxTransform

from ..language import EDITIONS_MARK, original_mime, zh_mime

EDITION = {"current": "en"}  # the edition this Sphinx process builds (config yrd_edition)
EDITIONS = {"en": ("English", "en"), "zh": ("中文", "zh-CN")}  # name, language tag (hreflang)
CHINESE_FOLDER = "zh"  # the Chinese edition sits in this folder of the English one


def words(en: str, zh: str) -> str:
    """The words of the edition being built, for what the book's Sphinx code writes itself."""
    return zh if EDITION["current"] == "zh" else en


def translated(text: str, docname: str, srcdir) -> str:
    """``text`` of page ``docname`` as the Chinese edition's catalog translates it (for text that
    the book's own code places, e.g. a part's caption in the PDF); unchanged in English."""
    if EDITION["current"] != "zh":
        return text
    from babel.messages.pofile import read_po

    from .editions import CATALOG_LANGUAGE, LOCALES

    path = Path(srcdir) / LOCALES / CATALOG_LANGUAGE / "LC_MESSAGES" / f"{docname}.po"
    with path.open("rb") as handle:
        message = read_po(handle).get(text)
    if message is None or not message.string:
        raise ValueError(f"{path}: no translation of {text!r}")
    return message.string


def edition_url(pagename: str, edition: str, from_edition: str) -> str:
    """The address of ``pagename`` in ``edition``, relative to that page in ``from_edition``."""
    up = "../" * (pagename.count("/") + (1 if from_edition == "zh" else 0))
    return up + (f"{CHINESE_FOLDER}/" if edition == "zh" else "") + pagename + ".html"


def _language_links(app, pagename, templatename, context, doctree) -> None:
    """Every page links to itself in the other edition: ``hreflang`` alternates in its head,
    and a switcher at the top of the article naming both editions in their own languages."""
    here = app.config.yrd_edition
    links = "".join(f'\n<link rel="alternate" hreflang="{tag}" href="{edition_url(pagename, edition, here)}" />'
                    for edition, (_name, tag) in EDITIONS.items())
    context["metatags"] = context.get("metatags", "") + links
    if "body" not in context:
        return
    items = []
    for edition, (name, tag) in EDITIONS.items():
        if edition == here:
            items.append(f'<span class="yrd-edition-current" aria-current="page" lang="{tag}">{name}</span>')
        else:
            items.append(f'<a class="yrd-edition-other" href="{edition_url(pagename, edition, here)}" '
                         f'hreflang="{tag}" lang="{tag}">{name}</a>')
    label = words("Language of this edition", "本版语言")
    context["body"] = (f'<nav class="yrd-editions" aria-label="{label}">' + " · ".join(items) + "</nav>\n"
                       + context["body"])


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


def edition_output(renderer, data: MimeData, inline: bool):
    """Of an output drawn in both languages, render the edition's own drawing and drop the other
    one (``None``: not an output of two editions, render as usual)."""
    chinese_of = original_mime(data.mime_type)
    if chinese_of is None:
        both = bool((data.output_metadata or {}).get(EDITIONS_MARK))
        return [] if both and EDITION["current"] == "zh" else None
    if EDITION["current"] != "zh":
        return []
    drawing = MimeData(chinese_of, data.content, cell_metadata=data.cell_metadata,
                       output_metadata={}, cell_index=data.cell_index, output_index=data.output_index,
                       line=data.line)
    return renderer.render_mime_type_inline(drawing) if inline else renderer.render_mime_type(drawing)


def chinese_mime_priorities(english: list[tuple[str, str, int | None]]) -> list[tuple[str, str, int]]:
    """The Chinese edition prefers each Chinese drawing as the English edition prefers the
    drawing it stands for (myst-nb's defaults, then the book's overrides)."""
    priorities = {builder: dict(table) for builder, table in base_render_priority().items()}
    for builder, mime_type, priority in english:
        for name in (priorities if builder == "*" else [builder]):
            priorities.setdefault(name, {})[mime_type] = priority
    return [(builder, zh_mime(mime_type), priority) for builder, table in priorities.items()
            for mime_type, priority in table.items() if priority is not None]


class TranslatedTocCaptions(SphinxTransform):
    """The captions of the table of contents ("The paper, reproduced") in the Chinese edition:
    sphinx-external-toc inserts the toctrees (priority 100) after Sphinx has translated the page
    (``Locale``, priority 20), so their captions are translated here, from the root page's catalog."""

    default_priority = 101

    def apply(self, **kwargs) -> None:
        if EDITION["current"] != "zh":
            return
        for toctree in self.document.findall(addnodes.toctree):
            if toctree.get("caption"):
                toctree["caption"] = translated(toctree["caption"], self.env.docname, self.app.srcdir)


NOTEBOOK_OF_PAGE: dict[str, object] = {}  # docname -> myst-nb's renderer, which holds the glued values


class ChineseGluedMarkdown(PasteMarkdownRole):
    """``{glue:md}`` in the Chinese edition: in a translated paragraph, it pastes the page's
    glued value, and of a value glued in both languages, its Chinese.

    Sphinx parses a translation as a document of its own, a notebook with nothing glued; the
    page's own renderer is kept when the page's English text uses the role first, as it does
    for every message that holds one."""

    def run(self):
        docname = self.document.settings.env.docname
        key = self.text.rsplit(":", 1)[0]
        own = self.document.get("nb_renderer")
        if own is not None and key in own.renderer.nb_client.glue_data:
            NOTEBOOK_OF_PAGE[docname] = own
            return self._paste()
        page = NOTEBOOK_OF_PAGE.get(docname)
        if page is None:
            return self._paste()
        self.document["nb_renderer"] = page  # for this role only: a doctree is pickled
        try:
            return self._paste()
        finally:
            if own is None:
                del self.document["nb_renderer"]
            else:
                self.document["nb_renderer"] = own

    def _paste(self):
        try:
            result = retrieve_glue_data(self.document, self.text.rsplit(":", 1)[0])
        except RetrievalError:
            return super().run()  # which reports the missing key as usual
        chinese = result.data.get(zh_mime("text/markdown"))
        if chinese is not None:
            result.data["text/markdown"] = chinese
        return super().run()


def configure(app, config) -> None:
    EDITION["current"] = config.yrd_edition
    if config.yrd_edition == "zh":
        config.project = config.html_title = config.yrd_title_zh
        config.html_theme_options = {**config.html_theme_options,
                                     "search_bar_text": "搜索本书"}
        NbGlueDomain.roles = {**NbGlueDomain.roles, "md": ChineseGluedMarkdown()}
        from .chart_output import ChartRenderer

        english = list(ChartRenderer.mime_priority_overrides) + list(config.nb_mime_priority_overrides or [])
        config.nb_mime_priority_overrides = english + chinese_mime_priorities(english)


def setup(app) -> None:
    app.add_config_value("yrd_edition", "en", "env")
    app.add_config_value("yrd_title_zh", "", "env")
    app.connect("config-inited", configure, priority=100)  # before the PDF's set-up reads the edition
    app.connect("html-page-context", _language_links)
    app.add_transform(OutputsAreNotMessages)
    app.add_transform(TranslatedTocCaptions)
