"""The appendices (glossary, paper-to-book map, claim ledger, critical apparatus, data
dictionary), generated from the data package and the book's own pages. Nothing here is
maintained by hand.

Every table, chart and block of notes a page shows is drawn in both editions
(``yrdbook.language``): the Chinese from the data's ``*_zh`` columns, and for the data
dictionary from the ``title_zh`` and ``description_zh`` of ``datapackage.json`` where the
schema has them (else from its English)."""

import json
import re
from pathlib import Path

import pandas as pd
from IPython.display import Markdown
from pypinyin import Style, lazy_pinyin, load_phrases_dict

from ..data import BookData
from ..datapackage import paths
from ..datapackage.read import file_resources, table_resources
from ..language import Editions, current, field, in_both_languages, join, say
from ..pages import book_pages
from ..provenance import computed, note_label
from ..tables import BookTable, bilingual_column, escape, markup

SECTION_IN_TITLE = re.compile(r"\(paper section ([^)]+)\)")
UNNUMBERED = {"abstract": "摘要", "intro": "引言", "references": "参考文献"}  # parts without a section number
PARTS_ZH = {"I": "第一部分", "II": "第二部分", "III": "第三部分", "IV": "第四部分"}


def section_zh(section: str) -> str:
    """A section of the paper in Chinese prose: 'II' → '第二部分', 'II.1' → 'II.1节', 'abstract' → '摘要'."""
    return UNNUMBERED.get(section) or PARTS_ZH.get(section) or f"{section}节"


def _text(value) -> str:
    """A cell of the data as text: "" where it is empty."""
    return value if isinstance(value, str) else ""


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
                     "definition_en": term.definition_en, "definition_zh": term.definition_zh,
                     "section": term.section,
                     "first_doc": first.doc.iloc[0] if len(first) else None,
                     "first_title": first.title.iloc[0] if len(first) else None})
    frame = pd.DataFrame(rows)
    order = frame.term_zh.map(lambda t: pinyin(t, tones=False))
    return frame.assign(order=order).sort_values("order").drop(columns="order").reset_index(drop=True)


@in_both_languages
def glossary_table(terms: pd.DataFrame) -> BookTable:
    """The glossary. Its column of the English renderings the book uses is the one place where
    the Chinese edition shows English words: they are what the page says it lists."""
    frame = pd.DataFrame({
        say("Term 术语", "术语"): terms.term_zh, say("Pinyin", "拼音"): terms.pinyin,
        say("English", "英文译名"): terms.term_en, say("Definition", "定义"): terms[field("definition")],
        say("Paper section", "原文章节"): terms.section,
        say("First used", "首次使用"): [markup(f"{{doc}}`{doc}`") if pd.notna(doc)
                                       else say("not used in a chapter", "未在各章中使用") for doc in terms.first_doc],
    })
    return BookTable(frame, name="tbl-glossary", widths=[14, 14, 18, 30, 8, 16], data=["glossary.csv"],
                     caption=say("Glossary of key terms, in pinyin order. Pinyin is generated with pypinyin and "
                                 "'First used' by searching the chapters in reading order.",
                                 "关键术语表，按拼音排序。拼音由pypinyin生成，“首次使用”由本书按阅读顺序检索各章得出。"))


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
    rows = [{"item": s.title_en if s.section_id in UNNUMBERED else f"§ {s.section_id}",
             "item_zh": s.title_zh if s.section_id in UNNUMBERED else f"§ {s.section_id}",
             "title_zh": s.title_zh, "title_en": s.title_en, "docs": covered[s.section_id],
             "data_rows": int(per_section.get(s.section_id, 0))} for s in sections.itertuples()]
    for t in data.paper_tables.itertuples():
        docs = list(pages[pages.text.str.contains(f":name: tbl-paper-table-{t.number}", regex=False)].doc)
        rows.append({"item": f"Table {t.number}", "item_zh": f"表{t.number}",
                     "title_zh": f"表{t.number} {t.title_zh}", "title_en": t.title_en,
                     "docs": docs, "data_rows": int((data.table_tasks.table_id == t.table_id).sum())})
    return pd.DataFrame(rows)


@in_both_languages
def paper_map_table(mapping: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        say("Paper", "原文"): say(mapping["item"], mapping.item_zh),
        say("Heading 标题", "标题"): bilingual_column(mapping.title_zh, mapping.title_en),
        say("Reproduced in", "本书复现之处"): mapping.docs.map(
            lambda docs: markup(join(f"{{doc}}`{d}`" for d in docs)) if docs else say("not reproduced", "未复现")),
        say("Data rows citing it", "引用它的数据行"): mapping.data_rows,
    })
    return BookTable(frame, name="tbl-paper-map", widths=[12, 46, 26, 16],
                     caption=say("Every section and table of the paper and where the book reproduces it, computed from "
                                 "the chapters' titles and tables and from the data rows' section column.",
                                 "原文的每一节和每一张表及其在本书中的复现之处，由本书据各章的标题和表格以及数据行的"
                                 "`section`列计算得出。"),
                     data=["paper_sections.csv", "paper_tables.csv"])


# --- the data dictionary --------------------------------------------------------------

FIELD_TYPES = {"string": "字符串", "integer": "整数", "number": "数值", "boolean": "布尔值",
               "date": "日期", "year": "年份"}  # the schema's field types in the Chinese edition


def _constraints(field: dict, language: str = "en") -> str:
    c = field.get("constraints", {})
    zh = language == "zh"
    parts = []
    if c.get("required"):
        parts.append("必填" if zh else "required")
    if c.get("unique"):
        parts.append("唯一" if zh else "unique")
    if "enum" in c:
        values = list(map(str, c["enum"]))
        parts.append(f"取值为{'、'.join(f'`{v}`' for v in values)}之一" if zh else "one of " + ", ".join(values))
    if "minimum" in c or "maximum" in c:
        low, high = c.get("minimum", "…"), c.get("maximum", "…")
        parts.append(f"范围{low}至{high}" if zh else f"range {low} to {high}")
    if "pattern" in c:
        # Non-ASCII characters of a pattern (the CJK range ends on an unassigned code point)
        # are shown as escapes, so that every font can print them.
        pattern = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch):04x}" for ch in c["pattern"])
        parts.append((f"正则表达式`{pattern}`" if zh else f"pattern `{pattern}`").replace("|", "\\|"))
    return ("；" if zh else "; ").join(parts)


def data_dictionary(data_dir: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tables and fields of datapackage.json, with row counts of the CSVs. ``title_zh`` and
    ``description_zh`` are the schema's Chinese, empty where it has none."""
    data_dir = Path(data_dir or paths.data_dir())
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables, fields = [], []
    for res in table_resources(package):
        schema = res["schema"]
        rows = sum(1 for _ in (data_dir / res["path"]).open(encoding="utf-8")) - 1
        key = schema["primaryKey"] if isinstance(schema["primaryKey"], list) else [schema["primaryKey"]]
        links = [(fk["fields"], fk["reference"]["resource"]) for fk in schema.get("foreignKeys", [])]
        tables.append({"table": res["name"], "file": res["path"], "title": res.get("title", ""),
                       "description": res.get("description", ""), "rows": rows, "primary_key": ", ".join(key),
                       "foreign_keys": "; ".join(f"{', '.join(f)} → {r}" for f, r in links),
                       "title_zh": res.get("title_zh", ""), "description_zh": res.get("description_zh", ""),
                       "primary_key_zh": "、".join(key),
                       "foreign_keys_zh": "；".join(f"{'、'.join(f)} → {r}" for f, r in links)})
        for f in schema["fields"]:
            fields.append({"table": res["name"], "field": f["name"], "type": f["type"], "title": f.get("title", ""),
                           "description": f.get("description", ""), "constraints": _constraints(f),
                           "title_zh": f.get("title_zh", ""), "description_zh": f.get("description_zh", ""),
                           "constraints_zh": _constraints(f, "zh")})
    return pd.DataFrame(tables), pd.DataFrame(fields)


def data_files(data_dir: Path | None = None) -> pd.DataFrame:
    """The package's files that are not tables (the maps' boundaries): what each holds, its
    source, licence and how it was derived, from datapackage.json (with the schema's
    ``title_zh``, ``description_zh`` and ``simplification_zh`` where it has them)."""
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
                     "derivation": how,
                     "title_zh": res.get("title_zh", ""), "description_zh": res.get("description_zh", ""),
                     "sources_zh": [(s.get("title_zh", ""), s.get("path", "")) for s in res.get("sources", [])],
                     "licenses_zh": [lic.get("title_zh", "") for lic in res.get("licenses", [])]})
    return pd.DataFrame(rows)


def _chinese_or(zh: str, en: str) -> str:
    """The schema's Chinese where it has it, else its English (the Chinese edition's fallback)."""
    return zh or en


def _derivation_text(how: dict) -> str:
    if not how:
        return ""
    if current() == "zh":
        return (f"{how['command']}（{how['script']}），取自{how['package']} {how['version']}。"
                f"{_chinese_or(how.get('simplification_zh', ''), how['simplification'])}；容差{how['tolerance_degrees']}°，"
                f"坐标取整到横贯全图{how['quantization']}级的网格上。sha256 {how['sha256'][:12]}…")
    return (f"{how['command']} ({how['script']}), from {how['package']} {how['version']}. "
            f"{how['simplification']}; tolerance {how['tolerance_degrees']}°, coordinates on a grid of "
            f"{how['quantization']:,} steps across the map. sha256 {how['sha256'][:12]}…")


def _shown_in(names: list[str] | None, none: str) -> str:
    """The figures and tables computed from a file, as cross-references, or ``none``."""
    return markup(join(f"{{numref}}`{n}`" for n in names)) if names else none


@in_both_languages
def files_table(files: pd.DataFrame, usage: dict[str, list[str]] | None = None) -> BookTable:
    """One column per file, one row per thing to know about it (a file has no fields to list)."""
    usage = usage if usage is not None else data_usage()
    zh = current() == "zh"
    aspects = say(["File (download)", "What it holds", "Source", "Licence", "How it was made", "Size", "Shown in"],
                  ["文件（下载）", "内容", "来源", "许可", "生成方法", "大小", "所见图表"])
    frame = pd.DataFrame({say("About the file", "文件信息"): aspects})
    for f in files.itertuples():
        sources = [(_chinese_or(zt, t), url) for (zt, _), (t, url) in zip(f.sources_zh, f.sources)] if zh else f.sources
        licenses = [_chinese_or(z, e) for z, e in zip(f.licenses_zh, f.licenses)] if zh else f.licenses
        frame[_chinese_or(f.title_zh, f.title) if zh else f.title] = [
            markup(f"{{yrd-data}}`{f.file}`"),
            _chinese_or(f.description_zh, f.description) if zh else f.description,
            markup(say("; ", "；").join(f"{escape(title)}, [{escape(url)}]({url})" if url else escape(title)
                                       for title, url in sources)),
            join(licenses),
            _derivation_text(f.derivation),
            say(f"{f.kilobytes} kB ({f.format})", f"{f.kilobytes} kB（{f.format}）"),
            _shown_in(usage.get(f.file), say("no figure or table (read by the validator)", "无图表（供校验程序读取）")),
        ]
    return BookTable(frame, name="tbl-data-files", stub_columns=1,
                     widths=[20] + [80 // len(files)] * len(files),
                     caption=say("The files of the data package that are not tables, generated from `datapackage.json`; "
                                 "each name links to the file served with the book.",
                                 "数据包中不是表的文件，由`datapackage.json`生成；每个文件名都链接到随本书提供的该文件。"),
                     data=["datapackage.json"])


DATA_LINE = re.compile(r"Data: ((?:\{yrd-data\}`[^`]+`(?:, )?)+)")
TABLE_NAME = re.compile(r":name: (tbl-[a-z0-9-]+)")


def data_usage(root: Path | None = None) -> dict[str, list[str]]:
    """For each file of the package, the figures and tables of the book computed from it, read
    from the "Data: ..." lines of the tables and the data files of the charts in the notebooks
    (their English drawings; the Chinese are computed from the same files)."""
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


def _meaning(title: str, description: str, title_zh: str, description_zh: str) -> str:
    """What a table or field holds in the Chinese edition: the schema's Chinese, or where it
    has none its English, as the English edition gives it."""
    chinese = [text.rstrip("。") for text in (title_zh, description_zh) if text]
    if chinese:
        return "。".join(chinese) + "。"
    return (title + ". " + description).strip(". ") or "–"


@in_both_languages
def tables_table(tables: pd.DataFrame, usage: dict[str, list[str]] | None = None) -> BookTable:
    usage = usage if usage is not None else data_usage()
    none = say("no figure or table (read by the validator or the appendices)", "无图表（供校验程序或附录读取）")
    shown_in = tables.file.map(lambda f: _shown_in(usage.get(f), none))
    if current() == "zh":
        holds = [_meaning(t.title, t.description, t.title_zh, t.description_zh) for t in tables.itertuples()]
        keys = tables.primary_key_zh + tables.foreign_keys_zh.map(lambda fk: f"\n关联：{fk}" if fk else "")
    else:
        holds = tables.title + ". " + tables.description
        keys = tables.primary_key + tables.foreign_keys.map(lambda fk: f"\nlinks: {fk}" if fk else "")
    frame = pd.DataFrame({
        say("Table (download)", "表（下载）"): tables.file.map(lambda f: markup(f"{{yrd-data}}`{f}`")),
        say("Rows", "行数"): tables.rows, say("What it holds", "内容"): holds, say("Keys", "键"): keys,
        say("Shown in", "所见图表"): shown_in,
    })
    # In print a column is at least as wide as its longest word: "Rows", "components.csv"; the
    # Chinese edition's names break only at the full stop ("responsibilities.").
    return BookTable(frame, name="tbl-data-tables", widths=say([18, 9, 36, 19, 18], [26, 8, 32, 17, 17]),
                     caption=say("The tables of the data package, generated from `datapackage.json`; each name links to "
                                 "the CSV file served with the book, and 'Shown in' lists the figures and tables computed "
                                 "from it, read from their 'Data' lines.",
                                 "数据包中的各表，由`datapackage.json`生成；每个表名都链接到随本书提供的CSV文件，"
                                 "“所见图表”列出据该表计算的图表，读自这些图表的“数据”一行。"),
                     data=["datapackage.json"])


@in_both_languages
def fields_table(fields: pd.DataFrame, table: str) -> BookTable:
    chosen = fields[fields.table == table]
    if current() == "zh":
        kinds = chosen.type.map(lambda kind: FIELD_TYPES[kind])
        meaning = [_meaning(f.title, f.description, f.title_zh, f.description_zh) for f in chosen.itertuples()]
        constraints = chosen.constraints_zh
    else:
        kinds = chosen.type
        meaning = (chosen.title + ". " + chosen.description).str.strip(". ").replace("", "–")
        constraints = chosen.constraints
    frame = pd.DataFrame({say("Field", "字段"): chosen.field.map(lambda f: markup(f"`{f}`")), say("Type", "类型"): kinds,
                          say("Meaning", "含义"): meaning, say("Constraints", "约束"): constraints.map(markup)})
    # In print the field column holds the longest part of a name between underscores ("municipalities").
    return BookTable(frame, name=f"tbl-fields-{table.replace('_', '-')}", widths=[22, 10, 38, 30],
                     caption=say(f"Fields of `{table}`.", f"`{table}`的字段。"), data=[f"{table}.csv"])


@in_both_languages
def fields_heading(table) -> Markdown:
    """The heading over a table's fields (a row of ``data_dictionary``'s tables), in either
    edition; the English is the one the data dictionary page writes itself."""
    name = f"tbl-fields-{table.table.replace('_', '-')}"
    if current() == "zh":
        return Markdown(f"**{_chinese_or(table.title_zh, table.title)}**（{{numref}}`{name}`，{{yrd-data}}`{table.file}`）")
    return Markdown(f"**{table.title}** ({{numref}}`{name}`, {{yrd-data}}`{table.file}`)")


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
BOOK_USES_ZH = {"a": "本书采用读法A。", "b": "本书采用读法B。", "both": "本书两种读法都采用，各用于其适用之处。",
                "neither": "本书两种读法都不采用：本书不呈现该陈述。"}


@in_both_languages
def apparatus_markdown(notes: pd.DataFrame) -> Markdown:
    """Every note as a labelled block, so that a ``{source-note}`` anywhere in the book links to it."""
    note_lines = _note_lines_zh if current() == "zh" else _note_lines
    return Markdown("\n\n".join("\n".join([f"({note_label(note.note_id)})=", *note_lines(note)])
                                for note in notes.itertuples()))


def _note_lines(note) -> list[str]:
    lines = [f"**Note {note.note_order}. {escape(note.topic_en)}**",
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
    return lines


def _note_lines_zh(note) -> list[str]:
    """A note in the Chinese edition: the paper's words in “ ”, the book's from the ``*_zh`` columns."""
    lines = [f"**校记{note.note_order}　{escape(_text(note.topic_zh))}**",
             "",
             f"- 读法A（{_where(note.where_a)}）：“{escape(note.reading_a_zh)}”",
             f"- 读法B（{_where(note.where_b)}）：“{escape(note.reading_b_zh)}”",
             f"- {BOOK_USES_ZH[note.book_uses]}{escape(_text(note.why_zh))}"]
    if _text(note.affects_en):
        lines.append(f"- 取决于此的内容：{escape(_text(note.affects_zh))}")
    if _text(note.value_b):
        lines.append(f"- 按读法B，{escape(note.table)}.csv中{escape(note.row_key)}一行的{escape(note.field)}"
                     f"将为{escape(note.value_b)}；依赖于它的结果按两种读法分别给出。")
    return lines


def _where(place: str) -> str:
    """'ref12' → '[ref 12] in the reference list'; 'II.2 p1' → 'section II.2, paragraph 1'
    ('参考文献[12]', 'II.2节第1段', and 'IV p1' → '第四部分第1段' in Chinese)."""
    head, _, rest = place.partition(" ")
    if head.startswith("ref"):
        return say(f"reference list, {{cite:p}}`{head}`", f"参考文献{{cite:p}}`{head}`")
    if current() == "zh":
        words = {"h": "标题", "T1": "表1", "T2": "表2"}
        detail = words.get(rest, f"第{rest[1:]}段" if rest.startswith("p") else rest)
        return section_zh(head) + detail
    words = {"h": "heading", "T1": "Table 1", "T2": "Table 2"}
    detail = words.get(rest, f"paragraph {rest[1:]}" if rest.startswith("p") else rest)
    return f"section {head}" + (f", {detail}" if detail else "")


def apparatus_facts(data: BookData) -> dict:
    notes = data.source_notes
    return {"n_notes": computed(len(notes)),
            "n_notes_with_values": computed(int(notes.value_b.notna().sum()))}


# --- the claim ledger -------------------------------------------------------------------

LOCATION_KINDS = {"page": "page", "fig": "figure", "tbl": "table", "data": "data row", "note": "note"}
CLAIM_KINDS = {"fact": "事实", "count": "数量", "date": "日期", "definition": "定义", "causal": "因果论断",
               "evaluation": "评价", "projection": "预测"}  # claims.csv's kinds in the Chinese edition


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
    rows = [{"section": s.section_id, "title_en": s.title_en, "title_zh": s.title_zh, "section_order": s.section_order,
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


def _not_carried(reason_en, reason_zh) -> str:
    if current() == "zh":
        return f"未呈现：{reason_zh}" if _text(reason_zh) else "未呈现"
    return f"not carried: {reason_en}"


def _section_name(section) -> str:
    """'section I.1, <heading>', or in Chinese '原文I.1节“<heading>”' (of a row of paper_sections)."""
    if current() == "zh":
        name = f"原文{section_zh(section.section_id)}"
        return name if section.section_id in UNNUMBERED else f"{name}“{section.title_zh}”"
    return f"section {section.section_id}, {section.title_en}"


@in_both_languages
def claims_table(ledger: pd.DataFrame, section) -> BookTable:
    """The claims of one section of the paper (a row of ``paper_sections``)."""
    rows = ledger[ledger.section == section.section_id]
    frame = pd.DataFrame({
        say("Claim", "编号"): rows.claim_id,
        say("Kind", "类型"): say(rows.kind, rows.kind.map(CLAIM_KINDS)),
        say("The claim (the book's paraphrase)", "论断（本书的转述）"): rows[field("claim")],
        say("Key words 原文", "原文关键词"): rows.quote_zh,
        say("Where the book carries it, or why not", "本书呈现之处，或未呈现的理由"): [
            markup(say("; ", "；").join(_location_markdown(p) for p in c.split(";"))) if isinstance(c, str) and c
            else _not_carried(r, z)
            for c, r, z in zip(rows.carried_in, rows.not_carried_reason, rows.not_carried_reason_zh)],
    })
    return BookTable(frame, name=f"tbl-claims-{section.section_id.lower().replace('.', '-')}", widths=[10, 9, 35, 18, 28],
                     data=["claims.csv"], caption=say(f"The claims of {escape(_section_name(section))}, in the paper's order.",
                                                      f"{escape(_section_name(section))}中的论断，按原文顺序排列。"))


@in_both_languages
def claims_heading(section, table: str) -> Markdown:
    """The heading over the claims of a section of the paper, referring to their table."""
    if current() == "zh":
        words = [section.title_zh] if section.section_id in UNNUMBERED else [section.section_id, section.title_zh]
        return Markdown(f"**{' · '.join(escape(w) for w in words)}**（{{numref}}`{table}`）")
    return Markdown(f"**{escape(section.section_id)} · {escape(section.title_zh)} · {escape(section.title_en)}** "
                    f"({{numref}}`{table}`)")


def claims_tables(ledger: pd.DataFrame, data: BookData, parts: tuple[str, ...]) -> list[tuple[Editions, Editions]]:
    """A heading and a table for each section of the paper whose top-level part is in ``parts``
    (``abstract``, ``intro``, ``I`` … ``IV``, ``references``), in the paper's order; each drawn
    in both editions."""
    shown = []
    for section in data.paper_sections.sort_values("section_order").itertuples():
        if section.section_id.split(".")[0] in parts and (ledger.section == section.section_id).any():
            table = claims_table(ledger, section)
            shown.append((claims_heading(section, table.name), table))
    return shown


def claims_facts(data: BookData) -> dict:
    ledger = claims(data)
    return {"n_claims": computed(len(ledger)), "n_claims_carried": computed(int(ledger.carried.sum())),
            "n_claims_excused": computed(int((~ledger.carried).sum())),
            "n_claim_sections": computed(ledger.section.nunique())}
