"""The book's two editions, English and Chinese, drawn by the same code in the same run.

A chart or table function decorated with ``@in_both_languages`` is called once per edition,
with ``current()`` set to "en" and then "zh"; it picks its words with ``say(en=..., zh=...)``
and its data columns with ``field("name")`` (``name_en`` or ``name_zh``). What it returns is an
``Editions`` of the two results: the notebook shows the English, and the cell's output holds
the Chinese as well, under MIME types of its own (``zh_mime``), which only the Chinese
edition's build takes (``yrdbook.build.i18n``). So every notebook runs once for both editions,
and no notebook differs by language.

The prose of the pages is translated by Sphinx's message catalogs instead (``locales/``).
"""

import base64
import contextlib
import functools
from contextvars import ContextVar

LANGUAGES = ("en", "zh")
_current: ContextVar[str] = ContextVar("yrdbook_language", default="en")
_drawing: ContextVar[bool] = ContextVar("yrdbook_drawing", default=False)  # inside an in_both_languages call
ZH_PREFIX = "application/vnd.yrdbook.zh."
EDITIONS_MARK = "yrdbook_editions"  # in an output's metadata: the output holds both editions


def current() -> str:
    return _current.get()


@contextlib.contextmanager
def using(language: str):
    """Draw in ``language`` ("en" or "zh") inside the block."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def say(en: str, zh: str) -> str:
    """The words of the current edition."""
    return zh if current() == "zh" else en


def field(stem: str) -> str:
    """The data column of the current edition: ``field("name")`` is "name_en" or "name_zh"."""
    return f"{stem}_{current()}"


def join(items) -> str:
    """A list in running text: "a, b, c" or "甲、乙、丙"."""
    return say(", ", "、").join(str(item) for item in items)


def zh_mime(mime_type: str) -> str:
    """Where a cell output keeps its Chinese drawing of ``mime_type``: a JSON type stays JSON
    (nbformat stores it as an object), any other is a string."""
    return ZH_PREFIX + mime_type.replace("/", ".")


def original_mime(mime_type: str) -> str | None:
    """The MIME type a Chinese drawing stands for, or None for any other type."""
    if not mime_type.startswith(ZH_PREFIX):
        return None
    kind, _, subtype = mime_type[len(ZH_PREFIX):].partition(".")
    return f"{kind}/{subtype}"


def mime_bundle(obj) -> dict:
    """What Jupyter would display for ``obj``: its MIME bundle, without metadata."""
    from IPython.core.formatters import format_display_data

    data, _metadata = format_display_data(obj)
    return data


class Editions:
    """A chart or table drawn in both languages. Shown, it is the English with the Chinese
    alongside; otherwise it stands for the English one (``editions.en``, ``editions.zh``)."""

    def __init__(self, en, zh):
        self.en, self.zh = en, zh

    def __getattr__(self, name):  # the English object's attributes (e.g. a chart's to_dict)
        return getattr(self.__dict__["en"], name)

    def __repr__(self) -> str:
        return repr(self.en)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """The English bundle, the Chinese under ``zh_mime`` types, and a mark in the output's
        metadata that the output has both (the Chinese build then drops the English)."""
        with using("en"):
            english = mime_bundle(self.en)
        with using("zh"):  # what is worded at display time (a table's "Data:" line) is Chinese too
            chinese = mime_bundle(self.zh)
        for mime_type, content in chinese.items():
            if mime_type == "text/plain":
                continue
            if isinstance(content, bytes):
                content = base64.b64encode(content).decode("ascii")
            english[zh_mime(mime_type)] = content
        return english, {EDITIONS_MARK: True}


def in_both_languages(draw):
    """Make ``draw`` return ``Editions`` of what it draws in English and in Chinese."""

    @functools.wraps(draw)
    def both(*args, **kwargs):
        if _drawing.get():  # called by another drawing: draw in its language only
            return draw(*args, **kwargs)
        token = _drawing.set(True)
        try:
            with using("en"):
                english = draw(*args, **kwargs)
            with using("zh"):
                chinese = draw(*args, **kwargs)
        finally:
            _drawing.reset(token)
        return Editions(english, chinese)

    return both
