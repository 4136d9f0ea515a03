"""The appendices (glossary, paper-to-book map, claim ledger, critical apparatus, data
dictionary), generated from the data package and the book's own pages. Nothing here is
maintained by hand."""

import json
import re
from pathlib import Path

import pandas as pd
from IPython.display import Markdown
from pypinyin import Style, lazy_pinyin, load_phrases_dict

from ..data import BookData
from ..datapackage import paths
from ..datapackage.read import file_resources, table_resources
from ..pages import book_pages
from ..provenance import computed, note_label
from ..tables import BookTable, bilingual_column, escape, markup

SECTION_IN_TITLE = re.compile(r"\(paper section ([^)]+)\)")


def chapters(root: Path | None = None) -> pd.DataFrame:
    """The book's pages in table-of-contents order, with their titles and texts."""
    return pd.DataFrame([{"order": order, "doc": p.doc, "path": p.path, "title": p.title, "text": p.text}
                         for order, p in enumerate(book_pages(root))])


# Readings pypinyin's phrase dictionary gets wrong for these terms (长 in 长三角 is cháng).
load_phrases_dict({"长三角": [["cháng"], ["sān"], ["jiǎo"]]})


def pinyin(term: str, tones: bool = True) -> str:
    """Hanyu pinyin of a term, one syllable per character, with tone marks by default."""
    return " ".join(lazy_pinyin(term, style=Style.TONE if tones else Style.NORMAL, errors="ignore"))


def glossary(data: BookData, pages: pd.DataFrame, exclude: tuple[str, ...] = ("glossary",)) -> pd.DataFrame:
    """Glossary terms with computed pinyin and the first chapter whose text uses them."""
    pages = pages[~pages.doc.isin(exclude)]
    rows = []
    for term in data.glossary.itertuples():
        variants = [term.term_zh] + (term.term_zh.split("与") if "与" in term.term_zh else [])
        first = pages[pages.text.map(lambda text: any(v in text for v in variants))]
        rows.append({"term_zh": term.term_zh, "pinyin": pinyin(term.term_zh), "term_en": term.term_en,
                     "definition_en": term.definition_en, "section": term.section,
                     "first_doc": first.doc.iloc[0] if len(first) else None,
                     "first_title": first.title.iloc[0] if len(first) else None})
    frame = pd.DataFrame(rows)
    order = frame.term_zh.map(lambda t: pinyin(t, tones=False))
    return frame.assign(order=order).sort_values("order").drop(columns="order").reset_index(drop=True)


def glossary_table(terms: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        "Term 术语": terms.term_zh, "Pinyin": terms.pinyin, "English": terms.term_en, "Definition": terms.definition_en,
        "Paper section": terms.section,
        "First used": [markup(f"{{doc}}`{doc}`") if pd.notna(doc) else "not used in a chapter" for doc in terms.first_doc],
    })
    return BookTable(frame, name="tbl-glossary", widths=[14, 14, 18, 30, 8, 16],
                     caption="Glossary of key terms, in pinyin order. Pinyin is generated with pypinyin and "
                             "'First used' by searching the chapters in reading order.", data=["glossary.csv"])


def _expand(spec: str, sections: list[str]) -> list[str]:
    """'II.1–II.3' → [II.1, II.2, II.3]; 'I' → [I, I.1, I.2, I.3]."""
    if "–" in spec:
        start, end = spec.split("–")
        major = start.split(".")[0]
        return [s for s in sections if s.split(".")[0] == major and start <= s <= end]
    return [s for s in sections if s == spec or s.startswith(spec + ".")]


def paper_map(data: BookData, pages: pd.DataFrame) -> pd.DataFrame:
    """Every section and table of the paper, with the chapter reproducing it and the data rows citing it."""
    sections = data.paper_sections.sort_values("section_order")
    ids = list(sections.section_id)
    covered: dict[str, list[str]] = {s: [] for s in ids}
    for page in pages.itertuples():
        match = SECTION_IN_TITLE.search(page.title)
        if match:
            for s in _expand(match.group(1), ids):
                covered[s].append(page.doc)
    for parent in [s for s in ids if "." not in s]:  # a section is reproduced where its subsections are
        if not covered[parent]:
            children = [doc for s in ids if s.startswith(parent + ".") for doc in covered[s]]
            covered[parent] = list(dict.fromkeys(children))
    for opening in ("abstract", "intro"):  # the book's introduction presents the paper's argument
        covered[opening].append(pages.doc.iloc[0])
    covered["references"] += list(pages[pages.text.str.contains(r"\{bibliography\}", regex=True)].doc)
    fact_rows = pd.concat([getattr(data, n)[["section"]] for n in data.names if "section" in getattr(data, n).columns])
    per_section = fact_rows.section.value_counts()
    rows = [{"item": f"§ {s.section_id}" if s.section_id not in ("abstract", "intro", "references") else s.title_en,
             "title_zh": s.title_zh, "title_en": s.title_en, "docs": covered[s.section_id],
             "data_rows": int(per_section.get(s.section_id, 0))} for s in sections.itertuples()]
    for t in data.paper_tables.itertuples():
        docs = list(pages[pages.text.str.contains(f":name: tbl-paper-table-{t.number}", regex=False)].doc)
        rows.append({"item": f"Table {t.number}", "title_zh": f"表{t.number} {t.title_zh}", "title_en": t.title_en,
                     "docs": docs, "data_rows": int((data.table_tasks.table_id == t.table_id).sum())})
    return pd.DataFrame(rows)


def paper_map_table(mapping: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        "Paper": mapping["item"], "Heading 标题": bilingual_column(mapping.title_zh, mapping.title_en),
        "Reproduced in": mapping.docs.map(lambda docs: markup(", ".join(f"{{doc}}`{d}`" for d in docs)) if docs else "not reproduced"),
        "Data rows citing it": mapping.data_rows,
    })
    return BookTable(frame, name="tbl-paper-map", widths=[12, 46, 26, 16],
                     caption="Every section and table of the paper and where the book reproduces it, computed from "
                             "the chapters' titles and tables and from the data rows' section column.",
                     data=["paper_sections.csv", "paper_tables.csv"])


def _constraints(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of " + ", ".join(map(str, c["enum"])))
    if "minimum" in c or "maximum" in c:
        parts.append(f"range {c.get('minimum', '…')} to {c.get('maximum', '…')}")
    if "pattern" in c:
        # Non-ASCII characters of a pattern (the CJK range ends on an unassigned code point)
        # are shown as escapes, so that every font can print them.
        pattern = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch):04x}" for ch in c["pattern"])
        parts.append(f"pattern `{pattern}`".replace("|", "\\|"))
    return "; ".join(parts)


def data_dictionary(data_dir: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tables and fields of datapackage.json, with row counts of the CSVs."""
    data_dir = Path(data_dir or paths.data_dir())
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables, fields = [], []
    for res in table_resources(package):
        schema = res["schema"]
        rows = sum(1 for _ in (data_dir / res["path"]).open(encoding="utf-8")) - 1
        keys = ", ".join(schema["primaryKey"]) if isinstance(schema["primaryKey"], list) else schema["primaryKey"]
        links = "; ".join(f"{', '.join(fk['fields'])} → {fk['reference']['resource']}" for fk in schema.get("foreignKeys", []))
        tables.append({"table": res["name"], "file": res["path"], "title": res.get("title", ""),
                       "description": res.get("description", ""), "rows": rows, "primary_key": keys, "foreign_keys": links})
        for f in schema["fields"]:
            fields.append({"table": res["name"], "field": f["name"], "type": f["type"], "title": f.get("title", ""),
                           "description": f.get("description", ""), "constraints": _constraints(f)})
    return pd.DataFrame(tables), pd.DataFrame(fields)


def data_files(data_dir: Path | None = None) -> pd.DataFrame:
    """The package's files that are not tables (the maps' boundaries): what each holds, its
    source, licence and how it was derived, from datapackage.json."""
    data_dir = Path(data_dir or paths.data_dir())
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    rows = []
    for res in file_resources(package):
        how = res.get("derivation", {})
        rows.append({"name": res["name"], "file": res["path"], "title": res.get("title", ""),
                     "description": res.get("description", ""), "format": res.get("format", ""),
                     "kilobytes": round((data_dir / res["path"]).stat().st_size / 1000),
                     "sources": [(s.get("title", ""), s.get("path", "")) for s in res.get("sources", [])],
                     "licenses": [lic.get("title") or lic.get("name", "") for lic in res.get("licenses", [])],
                     "derivation": how})
    return pd.DataFrame(rows)


def _derivation_text(how: dict) -> str:
    if not how:
        return ""
    return (f"{how['command']} ({how['script']}), from {how['package']} {how['version']}. "
            f"{how['simplification']}; tolerance {how['tolerance_degrees']}°, coordinates on a grid of "
            f"{how['quantization']:,} steps across the map. sha256 {how['sha256'][:12]}…")


def files_table(files: pd.DataFrame, usage: dict[str, list[str]] | None = None) -> BookTable:
    """One column per file, one row per thing to know about it (a file has no fields to list)."""
    usage = usage if usage is not None else data_usage()
    aspects = ["File (download)", "What it holds", "Source", "Licence", "How it was made", "Size", "Shown in"]
    frame = pd.DataFrame({"About the file": aspects})
    for f in files.itertuples():
        frame[f.title] = [
            markup(f"{{yrd-data}}`{f.file}`"),
            f.description,
            markup("; ".join(f"{escape(title)}, [{escape(url)}]({url})" if url else escape(title) for title, url in f.sources)),
            ", ".join(f.licenses),
            _derivation_text(f.derivation),
            f"{f.kilobytes} kB ({f.format})",
            markup(", ".join(f"{{numref}}`{n}`" for n in usage[f.file])) if usage.get(f.file)
            else "no figure or table (read by the validator)",
        ]
    return BookTable(frame, name="tbl-data-files", stub_columns=1,
                     widths=[20] + [80 // len(files)] * len(files),
                     caption="The files of the data package that are not tables, generated from `datapackage.json`; "
                             "each name links to the file served with the book.", data=["datapackage.json"])


DATA_LINE = re.compile(r"Data: ((?:\{yrd-data\}`[^`]+`(?:, )?)+)")
TABLE_NAME = re.compile(r":name: (tbl-[a-z0-9-]+)")


def data_usage(root: Path | None = None) -> dict[str, list[str]]:
    """For each file of the package, the figures and tables of the book computed from it, read
    from the "Data: ..." lines of the tables and the data files of the charts in the notebooks."""
    from ..charts.render import SPEC_MIME, chart_data_files
    used: dict[str, list[str]] = {}
    for page in book_pages(root):
        for cell in page.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                text = "".join(data.get("text/markdown", ""))
                for block in text.split(":::{list-table}")[1:]:
                    name, line = TABLE_NAME.search(block), DATA_LINE.search(block.split("\n", 1)[0])
                    if name and line:
                        for file in re.findall(r"`([^`]+)`", line.group(1)):
                            used.setdefault(file, []).append(name.group(1))
                spec = data.get(SPEC_MIME)
                figure = output.get("metadata", {}).get("scrapbook", {}).get("name")
                if spec and figure:
                    for file in chart_data_files(spec):
                        used.setdefault(file, []).append(figure)
    return {file: list(dict.fromkeys(names)) for file, names in used.items()}


def tables_table(tables: pd.DataFrame, usage: dict[str, list[str]] | None = None) -> BookTable:
    usage = usage if usage is not None else data_usage()
    shown_in = tables.file.map(lambda f: markup(", ".join(f"{{numref}}`{n}`" for n in usage[f])) if usage.get(f)
                               else "no figure or table (read by the validator or the appendices)")
    frame = pd.DataFrame({
        "Table (download)": tables.file.map(lambda f: markup(f"{{yrd-data}}`{f}`")), "Rows": tables.rows,
        "What it holds": tables.title + ". " + tables.description,
        "Keys": tables.primary_key + tables.foreign_keys.map(lambda fk: f"\nlinks: {fk}" if fk else ""),
        "Shown in": shown_in,
    })
    # In print a column is at least as wide as its longest word: "Rows", "components.csv".
    return BookTable(frame, name="tbl-data-tables", widths=[18, 9, 36, 19, 18],
                     caption="The tables of the data package, generated from `datapackage.json`; each name links to "
                             "the CSV file served with the book, and 'Shown in' lists the figures and tables computed "
                             "from it, read from their 'Data' lines.", data=["datapackage.json"])


def fields_table(fields: pd.DataFrame, table: str) -> BookTable:
    chosen = fields[fields.table == table]
    frame = pd.DataFrame({"Field": chosen.field.map(lambda f: markup(f"`{f}`")), "Type": chosen.type,
                          "Meaning": (chosen.title + ". " + chosen.description).str.strip(". ").replace("", "–"),
                          "Constraints": chosen.constraints.map(markup)})
    # In print the field column holds the longest part of a name between underscores ("municipalities").
    return BookTable(frame, name=f"tbl-fields-{table.replace('_', '-')}", widths=[22, 10, 38, 30],
                     caption=f"Fields of `{table}`.", data=[f"{table}.csv"])


def glossary_facts(data: BookData) -> dict:
    return {"n_terms": computed(len(data.glossary))}


def paper_map_facts(data: BookData) -> dict:
    mapping = paper_map(data, chapters())
    return {"n_items": computed(len(mapping)), "n_reproduced": computed(int(mapping.docs.map(bool).sum()))}


def data_dictionary_facts(data: BookData) -> dict:
    tables, _ = data_dictionary()
    return {"n_tables": computed(len(tables)), "n_rows": computed(int(tables.rows.sum()))}


# --- the critical apparatus -----------------------------------------------------------

def apparatus(data: BookData) -> pd.DataFrame:
    """The notes of the critical apparatus in the book's order."""
    return data.source_notes.sort_values("note_order").reset_index(drop=True)


BOOK_USES = {"a": "reading A", "b": "reading B", "both": "both readings, each where it applies",
             "neither": "neither: the book does not carry the statement"}


def apparatus_markdown(notes: pd.DataFrame) -> Markdown:
    """Every note as a labelled block, so that a ``{source-note}`` anywhere in the book links to it."""
    blocks = []
    for note in notes.itertuples():
        lines = [f"({note_label(note.note_id)})=",
                 f"**Note {note.note_order}. {escape(note.topic_en)}**",
                 "",
                 f"- Reading A ({_where(note.where_a)}): 「{escape(note.reading_a_zh)}」",
                 f"- Reading B ({_where(note.where_b)}): 「{escape(note.reading_b_zh)}」",
                 f"- The book uses {BOOK_USES[note.book_uses]}. {escape(note.why_en)}"]
        if isinstance(note.affects_en, str) and note.affects_en:
            lines.append(f"- What depends on it: {escape(note.affects_en)}")
        if isinstance(note.value_b, str) and note.value_b:
            lines.append(f"- Under reading B, {escape(note.table)}.csv row {escape(note.row_key)} would have "
                         f"{escape(note.field)} {escape(note.value_b)}; results that depend on it are shown under "
                         "both readings.")
        blocks.append("\n".join(lines))
    return Markdown("\n\n".join(blocks))


def _where(place: str) -> str:
    """'ref12' → '[ref 12] in the reference list'; 'II.2 p1' → 'section II.2, paragraph 1'."""
    head, _, rest = place.partition(" ")
    if head.startswith("ref"):
        return f"reference list, {{cite:p}}`{head}`"
    words = {"h": "heading", "T1": "Table 1", "T2": "Table 2"}
    detail = words.get(rest, f"paragraph {rest[1:]}" if rest.startswith("p") else rest)
    return f"section {head}" + (f", {detail}" if detail else "")


def apparatus_facts(data: BookData) -> dict:
    notes = data.source_notes
    return {"n_notes": computed(len(notes)),
            "n_notes_with_values": computed(int(notes.value_b.notna().sum()))}


# --- the claim ledger -------------------------------------------------------------------

LOCATION_KINDS = {"page": "page", "fig": "figure", "tbl": "table", "data": "data row", "note": "note"}


def claims(data: BookData) -> pd.DataFrame:
    """The paper's claims in the paper's order, with whether the book carries each."""
    order = data.paper_sections.set_index("section_id").section_order
    frame = data.claims.assign(section_order=data.claims.section.map(order),
                               carried=data.claims.carried_in.notna() & data.claims.carried_in.ne(""))
    return frame.sort_values(["section_order", "paragraph", "claim_id"]).reset_index(drop=True)


def claim_coverage(ledger: pd.DataFrame, data: BookData) -> pd.DataFrame:
    """Claims per section of the paper: how many the book carries and how many it excuses."""
    sections = data.paper_sections.sort_values("section_order")
    counts = ledger.groupby(["section", "carried"]).size().unstack(fill_value=0).reindex(columns=[True, False], fill_value=0)
    rows = [{"section": s.section_id, "title_en": s.title_en, "section_order": s.section_order,
             "carried": int(counts.loc[s.section_id, True]) if s.section_id in counts.index else 0,
             "excused": int(counts.loc[s.section_id, False]) if s.section_id in counts.index else 0}
            for s in sections.itertuples()]
    return pd.DataFrame(rows)


def _location_markdown(location: str) -> str:
    kind, _, target = location.strip().partition(":")
    if kind == "page":
        return f"{{doc}}`{target}`"
    if kind in ("fig", "tbl"):
        return f"{{numref}}`{target}`"
    if kind == "note":
        return f"{{source-note}}`{target}`"
    table, _, key = target.partition("/")
    return f"{{yrd-data}}`{table}.csv` `{key}`"


def claims_table(ledger: pd.DataFrame, section: str, title: str) -> BookTable:
    rows = ledger[ledger.section == section]
    frame = pd.DataFrame({
        "Claim": rows.claim_id,
        "Kind": rows.kind,
        "The claim (the book's paraphrase)": rows.claim_en,
        "Key words 原文": rows.quote_zh,
        "Where the book carries it, or why not": [
            markup("; ".join(_location_markdown(p) for p in c.split(";"))) if isinstance(c, str) and c
            else f"not carried: {r}"
            for c, r in zip(rows.carried_in, rows.not_carried_reason)],
    })
    return BookTable(frame, name=f"tbl-claims-{section.lower().replace('.', '-')}", widths=[10, 9, 35, 18, 28],
                     data=["claims.csv"], caption=f"The claims of {escape(title)}, in the paper's order.")


def claims_tables(ledger: pd.DataFrame, data: BookData, parts: tuple[str, ...]) -> list[tuple[Markdown, BookTable]]:
    """A heading and a table for each section of the paper whose top-level part is in ``parts``
    (``abstract``, ``intro``, ``I`` … ``IV``, ``references``), in the paper's order."""
    shown = []
    for section in data.paper_sections.sort_values("section_order").itertuples():
        if section.section_id.split(".")[0] in parts and (ledger.section == section.section_id).any():
            table = claims_table(ledger, section.section_id, f"section {section.section_id}, {section.title_en}")
            heading = (f"**{escape(section.section_id)} · {escape(section.title_zh)} · {escape(section.title_en)}** "
                       f"({{numref}}`{table.name}`)")
            shown.append((Markdown(heading), table))
    return shown


def claims_facts(data: BookData) -> dict:
    ledger = claims(data)
    return {"n_claims": computed(len(ledger)), "n_claims_carried": computed(int(ledger.carried.sum())),
            "n_claims_excused": computed(int((~ledger.carried).sum())),
            "n_claim_sections": computed(ledger.section.nunique())}
