"""Search that understands Chinese: Sphinx's Chinese search language, which segments runs of
Chinese with jieba (and stems English words as the English one does), with the book's own terms
added to jieba's dictionary so that each is found as a word.

Without it Sphinx indexes a run of Chinese characters as one word: 嘉兴 would not find a page
that says 嘉兴南湖 or 嘉兴市. The terms are the Chinese forms of the glossary (``glossary.csv``)
and the names of the cities (``cities.csv``), written to a dictionary file named by its content
in the system's temporary folder.
"""

import hashlib
import logging
import tempfile
from pathlib import Path

from ..datapackage import paths, read

SEARCH_LANGUAGE = "zh"


def book_terms() -> list[str]:
    """The Chinese terms jieba must keep whole: the glossary's and the cities' names."""
    tables = read.read_tables(paths.data_dir())
    terms = set(tables["glossary"].term_zh.dropna()) | set(tables["cities"].name_zh.dropna())
    return sorted(t.strip() for t in terms if t.strip() and " " not in t.strip())


def write_dictionary() -> Path:
    """jieba's user dictionary format: one word a line (jieba suggests its frequency). Named by
    its content, so that the same terms give the same path: the path is part of Sphinx's
    configuration, which the build records (.buildinfo), and two builds of the same inputs
    give identical output."""
    text = "".join(f"{term}\n" for term in book_terms())
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"yrdbook-search-terms-{digest}.txt"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def configure(app, config) -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" lines in every build's output
    config.html_search_language = SEARCH_LANGUAGE
    options = dict(config.html_search_options or {})
    options["dict"] = str(write_dictionary())
    config.html_search_options = options


def setup(app) -> None:
    app.connect("config-inited", configure)
