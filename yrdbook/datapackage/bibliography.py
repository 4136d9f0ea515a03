"""references.bib, read with pybtex: its keys (for validation) and its entries as a table."""

import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from pybtex.database import BibliographyDataError, parse_file
from pybtex.scanner import PybtexSyntaxError

KEY = r"[A-Za-z][A-Za-z0-9_]*"  # the keys of references.bib: source_paper, ref01 … ref27, and the like

from . import paths
from .problems import DataPackageError, Problem


def bib_keys(bib: Path | None = None) -> set[str]:
    bib = Path(bib or paths.bib_path())
    try:
        keys = set(parse_file(str(bib)).entries)
    except BibliographyDataError as error:  # e.g. the same key twice
        raise DataPackageError([Problem(bib.name, None, None, f"{error}: every entry needs a key of its own")]) from None
    except (OSError, PybtexSyntaxError) as error:
        raise DataPackageError([Problem(bib.name, None, None, f"cannot be read as BibTeX: {error}")]) from None
    malformed = sorted(k for k in keys if not re.fullmatch(KEY, k))
    if malformed:
        raise DataPackageError([Problem(bib.name, None, None, f"key '{k}' is malformed: use letters, digits and "
                                                              "underscores, starting with a letter") for k in malformed])
    return keys



def references(bib: Path | None = None) -> pd.DataFrame:
    """One row per bib entry: key, entry type, title, date or year, URL and its web domain."""
    entries = parse_file(str(bib or paths.bib_path())).entries
    rows = []
    for key, entry in entries.items():
        url = entry.fields.get("url", "")
        rows.append({
            "key": key,
            "entry_type": entry.type,
            "title": entry.fields.get("title", ""),
            "date": entry.fields.get("date", entry.fields.get("year", "")),
            "url": url,
            "domain": urlparse(url).hostname or "",
        })
    return pd.DataFrame(rows)


def paper_references(bib: Path | None = None) -> pd.DataFrame:
    """The paper's numbered references [1]..[n] (keys refNN), in the paper's order."""
    refs = references(bib)
    refs = refs[refs.key.str.fullmatch(r"ref\d{2}")].copy()
    refs["number"] = refs.key.str[3:].astype(int)
    return refs.sort_values("number").reset_index(drop=True)
