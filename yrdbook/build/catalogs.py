"""Keep the Chinese edition's message catalogs in step with the book: ``./tasks.sh catalogs``.

Extracts the prose of every page with Sphinx's gettext builder (cell outputs are not messages,
``yrdbook.build.i18n``), then updates ``locales/zh_CN/LC_MESSAGES/<page>.po``, one catalog per
page, as ``sphinx-intl update`` does: a translation is kept while its English message is
unchanged; a changed or new message starts untranslated (no fuzzy guesses), and a message no
longer on the page is dropped. Prints how many messages each catalog still lacks.
"""

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import editions

LANGUAGE = editions.CATALOG_LANGUAGE
CATALOG_DIR = editions.ROOT / editions.LOCALES / LANGUAGE / "LC_MESSAGES"


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=LANGUAGE if path.suffix == ".po" else None)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, no_location=True, include_previous=False)


def update(template: Path, target: Path) -> Catalog:
    """The catalog for ``template`` (a .pot) with every translation ``target`` already has."""
    old = read(target) if target.exists() else None
    new = Catalog(locale=LANGUAGE, domain=target.stem, project="Active docking in the Yangtze River Delta",
                  copyright_holder="The YRD Governance Book project", fuzzy=False,
                  last_translator="The YRD Governance Book project", language_team="The YRD Governance Book project")
    for message in read(template):
        if not message.id:
            continue
        kept = old.get(message.id) if old is not None else None
        new.add(message.id, kept.string if kept is not None and not kept.fuzzy else "")
    if old is not None:  # keep the dates of a catalog whose messages are unchanged
        new.creation_date, new.revision_date = old.creation_date, old.revision_date
    return new


def untranslated(catalog: Catalog) -> list[str]:
    return [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", type=Path, help="the build stage (its execution cache is reused)")
    args = parser.parse_args(argv)
    stage = args.stage.resolve()
    if editions.build("en", "gettext", stage, strict=False) != 0:
        print("Extracting the messages failed.", file=sys.stderr)
        return 1
    templates = editions.output_dir("en", "gettext", stage)
    pages = sorted(templates.rglob("*.pot"))
    wanted = {CATALOG_DIR / p.relative_to(templates).with_suffix(".po") for p in pages}
    for stale in set(CATALOG_DIR.rglob("*.po")) - wanted:
        stale.unlink()
        print(f"removed {stale.relative_to(editions.ROOT)} (no such page)")
    total = missing = 0
    for template in pages:
        target = CATALOG_DIR / template.relative_to(templates).with_suffix(".po")
        catalog = update(template, target)
        write(catalog, target)
        lacking = untranslated(catalog)
        total += len([m for m in catalog if m.id])
        missing += len(lacking)
        print(f"{target.relative_to(editions.ROOT)}: {len([m for m in catalog if m.id])} messages, {len(lacking)} untranslated")
    print(f"{total} messages, {total - missing} translated ({100 * (total - missing) / max(total, 1):.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
