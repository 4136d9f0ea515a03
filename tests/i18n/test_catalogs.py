"""The Chinese edition's message catalogs (locales/zh_CN/LC_MESSAGES/<page>.po): complete,
faithful to the markup of the English, and in the book's fixed vocabulary."""

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from support import REPO
from support.chinese import competing_renderings, glossary_forms

CATALOGS = sorted((REPO / "locales" / "zh_CN" / "LC_MESSAGES").rglob("*.po"))
# A MyST role with its target ({cite:p}`a,b`), inline code, and a link's address.
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
# Roles and code spans read left to right, as MyST does: `\bibliographystyle{x}` is code, not a role.
TOKEN = re.compile(r"(?P<role>\{[\w:-]+\}`[^`]*`)|(?P<code>`[^`]+`)")
LINK = re.compile(r"\]\(([^)]+)\)")
CJK = re.compile(r"[\u4e00-\u9fff]")


def markup(text: str, kind: str) -> list[str]:
    if kind == "link":
        return LINK.findall(text)
    return [m.group(kind) for m in TOKEN.finditer(text) if m.group(kind)]


def messages(path: Path):
    with path.open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def page(path: Path) -> str:
    return path.relative_to(REPO / "locales").as_posix()


def test_every_page_has_a_catalog():
    pages = sorted(p.relative_to(REPO).with_suffix("").as_posix() for p in (REPO / "book").glob("*.*")
                   if p.suffix in (".md", ".ipynb"))
    names = sorted(p.relative_to(REPO / "locales" / "zh_CN" / "LC_MESSAGES").with_suffix("").as_posix()
                   for p in CATALOGS)
    assert names == pages


@pytest.mark.parametrize("path", CATALOGS, ids=page)
def test_every_message_is_translated(path):
    lacking = [m.id[:70] for m in messages(path) if not m.string or m.fuzzy]
    assert not lacking, f"{page(path)}: {len(lacking)} untranslated or fuzzy:\n" + "\n".join(lacking)


@pytest.mark.parametrize("path", CATALOGS, ids=page)
def test_translations_keep_the_markup(path):
    """Every role, code span and link of the English is in the Chinese, unchanged: a citation,
    a glued number or a cross-reference is never lost or retyped."""
    problems = []
    for m in messages(path):
        if not m.string:
            continue
        for kind in ("role", "code", "link"):
            english, chinese = Counter(markup(m.id, kind)), Counter(markup(m.string, kind))
            if english != chinese:
                problems.append(f"{m.id[:50]!r}: {kind}s lost {sorted(english - chinese)} added {sorted(chinese - english)}")
        if m.id.count("**") != m.string.count("**"):
            problems.append(f"{m.id[:50]!r}: bold markers differ")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGS, ids=page)
def test_translations_are_chinese(path):
    """A translation that kept the English sentence is no translation."""
    english = [m.id[:60] for m in messages(path) if m.string and not CJK.search(ROLE.sub("", m.string))
               and re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", ROLE.sub("", m.id))]
    assert not english, "\n".join(english)


@pytest.mark.parametrize("path", CATALOGS, ids=page)
def test_glossary_terms_in_their_fixed_form(path, book):
    """Where the English uses a glossary term, the Chinese uses the glossary's Chinese form, and
    no competing rendering of any term appears."""
    forms = glossary_forms(book.glossary)
    problems = []
    for m in messages(path):
        if not m.string:
            continue
        text = ROLE.sub("", m.id).lower()
        for english, chinese in forms:
            if english in text and not any(form in m.string for form in chinese):
                problems.append(f"{m.id[:50]!r}: uses {english!r} but not {chinese[0]}")
        problems += [f"{m.string[:50]!r}: {bad} (the book writes {good})"
                     for bad, good in competing_renderings(m.string)]
    assert not problems, "\n".join(problems)
