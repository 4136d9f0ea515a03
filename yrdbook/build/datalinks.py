"""Links from figures and tables to the files of the data package they were computed from.

The data package and references.bib are served under ``_static/data/`` (staged by
``yrdbook.build.assets``). The ``yrd-data`` role and the "Data: ..." lines of charts write
``yrd-data:<file>`` links, and a chart's spec may load a file by such a URL;
``ResolveDataLinks`` makes them page-relative in HTML and plain file names in LaTeX.
"""

import html
import json
import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from ..datapackage import files as datafiles


def data_file_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{yrd-data}`eras.csv`: a link to a file of the data package as served with the book."""
    file = text.strip()
    try:
        datafiles.check([file])
    except datafiles.UnknownDataFile as error:
        message = inliner.reporter.error(str(error), line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    link = nodes.reference(rawtext, "", nodes.literal(file, file), refuri=datafiles.LINK_SCHEME + file,
                           internal=True, classes=["yrd-data-link"])
    return [link], []


_RAW_DATA_LINK = re.compile(r'href="' + re.escape(datafiles.LINK_SCHEME) + r'([^"]+)"')
# A file a chart's spec loads by URL (the maps' boundaries): a JSON string in the chart's container.
_SPEC_DATA_URL = re.compile(r'"url":"' + re.escape(datafiles.LINK_SCHEME) + r'([^"]+)"')


class ResolveDataLinks(SphinxPostTransform):
    """``yrd-data:<file>`` links become page-relative links to _static/data/<file> in HTML,
    and plain file names elsewhere (LaTeX). Runs after myst-nb chose each output's format."""
    default_priority = 900

    def run(self, **kwargs) -> None:
        is_html = self.app.builder.format == "html"
        page = self.app.builder.get_target_uri(self.env.docname) if is_html else ""

        def target(file: str) -> str:
            return relative_uri(page, f"{datafiles.SERVED_DIR}/{file}")

        for ref in list(self.document.findall(nodes.reference)):
            uri = ref.get("refuri", "")
            if uri.startswith(datafiles.LINK_SCHEME):
                if is_html:
                    ref["refuri"] = target(uri[len(datafiles.LINK_SCHEME):])
                else:
                    ref.replace_self(ref.children)
        for raw in list(self.document.findall(nodes.raw)):
            text = raw.astext()
            if datafiles.LINK_SCHEME not in text or "html" not in raw.get("format", "").split():
                continue
            if is_html:
                text = _RAW_DATA_LINK.sub(lambda m: f'href="{html.escape(target(m.group(1)))}"', text)
                text = _SPEC_DATA_URL.sub(lambda m: f'"url":{json.dumps(target(m.group(1)))}', text)
                raw.replace_self(nodes.raw(text, text, format=raw["format"]))



def setup(app):
    app.add_role("yrd-data", data_file_role)
    app.add_post_transform(ResolveDataLinks)
