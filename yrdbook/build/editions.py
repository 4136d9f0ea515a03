"""Build one edition of the book with one Sphinx builder, from the one source.

    python -m yrdbook.build.editions {en,zh} {html,latex,gettext} STAGE

Both editions read the same pages and notebooks and share one execution cache (the
notebooks draw every output in both languages in one run, ``yrdbook.language``). The Chinese
edition differs only in Sphinx's configuration: ``language`` (Sphinx's catalogs for its own
words, the book's for the prose), the title, and which of each output's two drawings it takes.
Each edition keeps its own Sphinx environment, so neither rebuild disturbs the other.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from ..datapackage import paths

ROOT = paths.REPO_ROOT
LOCALES = "locales"
CATALOG_LANGUAGE = "zh_CN"


def overrides(edition: str, stage: Path) -> dict:
    """Sphinx configuration values of an edition, over those of _config.yml."""
    shared = {
        "external_toc_path": "_toc.yml",
        "latex_individualpages": False,
        "nitpicky": True,
        "nb_execution_cache_path": str(stage / "_build" / ".jupyter_cache"),
        "locale_dirs": [LOCALES],
        "gettext_compact": False,  # one catalog per page: locales/zh_CN/LC_MESSAGES/book/<page>.po
        "gettext_uuid": False,
        "gettext_location": False,  # no line numbers in the catalogs: editing a page moves no msgid
        "gettext_last_translator": "The YRD Governance Book project",
        "gettext_language_team": "The YRD Governance Book project",
        "yrd_edition": edition,
    }
    if edition == "zh":
        shared["language"] = CATALOG_LANGUAGE
    return shared


def output_dir(edition: str, builder: str, stage: Path) -> Path:
    name = builder if edition == "en" else f"{builder}-{edition}"
    return stage / "_build" / name


def build(edition: str, builder: str, stage: Path, strict: bool = True) -> int:
    from jupyter_book.sphinx import build_sphinx

    outdir = output_dir(edition, builder, stage)
    result = build_sphinx(
        str(ROOT), str(outdir),
        noconfig=True, path_config=str(ROOT / "_config.yml"),
        confoverrides=overrides(edition, stage),
        doctreedir=str(stage / "_build" / (".doctrees" if edition == "en" and builder != "gettext"
                                            else f".doctrees-{edition}-{builder}")),
        builder=builder, warningiserror=strict, keep_going=True, quiet=True,
    )
    if not (result is None or result == 0):
        return 1
    if builder == "latex":  # typeset the PDF as Jupyter Book's pdflatex builder does (Sphinx's Makefile, latexmk)
        return subprocess.run([os.environ.get("MAKE", "make"), "all-pdf"], cwd=outdir).returncode
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", choices=["en", "zh"])
    parser.add_argument("builder", choices=["html", "latex", "gettext"])
    parser.add_argument("stage", type=Path)
    args = parser.parse_args(argv)
    return build(args.edition, args.builder, args.stage.resolve(), strict=args.builder != "gettext")


if __name__ == "__main__":
    sys.exit(main())
