"""The Chinese edition's fixed vocabulary, for the tests of catalogs, data and pages."""

import re

# Renderings a translator might reach for, against the form the book (and the paper) uses.
COMPETING = {
    "积极对接": "主动对接", "主动衔接": "主动对接", "全方位对接": "全面对接", "深入对接": "深度对接",
    "复合型创新动力": "复合创新动力", "分割型治理": "分割式治理模式", "割裂式治理": "分割式治理模式",
    "经济合作式治理": "经济协作式治理模式", "一体化协同治理模式": "经济社会一体化协同式治理模式",
    "长三角洲": "长三角", "上海都市圈": "上海大都市圈", "共识协同力": "共识协同动力",
    "规划引领力": "规划引领动力", "区域良治": "区域善治", "北翼门户": "上海大都市北翼门户城市",
}


def glossary_forms(glossary) -> list[tuple[str, list[str]]]:
    """(English term as it runs in prose, accepted Chinese forms): the glossary's Chinese term,
    and for a mode or a driver also its short form without 模式/动力, as the paper itself writes."""
    forms = []
    for zh, en in zip(glossary.term_zh, glossary.term_en):
        core = re.sub(r"\s*\(.*?\)", "", en).strip().lower()
        accepted = [zh] + [zh.removesuffix(s) for s in ("模式", "动力", "新模式") if zh.endswith(s)]
        forms.append((core, accepted))
    return forms


def competing_renderings(text: str) -> list[tuple[str, str]]:
    return [(bad, good) for bad, good in COMPETING.items() if bad in text.replace(good, "")]


# --- the Chinese drawings of tables and charts (tests/chapters) ---------------------------------

# What may stay in Latin letters in the Chinese edition: roles ({cite:p}`ref15`), code spans,
# identifiers (xiangjiadang_output), file names, section locators (II.3) and readings (A), (B).
ALLOWED_LATIN = re.compile(r"\{[\w:-]+\}`[^`]*`|`[^`]*`|[A-Za-z]*(\\?_[A-Za-z]+)+|[\w-]+\.(csv|bib)"
                           r"|(?<![A-Za-z])[IV]+(\.\d)?(?![A-Za-z])|（[AB]）")
MYST_OPTIONS = re.compile(r"^:::(\{list-table\})?|^:\w[\w-]*:.*$", re.MULTILINE)  # the directive, not its words
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def english_words(text: str) -> list[str]:
    return ENGLISH_WORD.findall(ALLOWED_LATIN.sub("", text))


def chart_words(spec) -> list[str]:
    """The words a chart shows: titles (axes, legends, tooltips), description, category labels."""
    words = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "description") and isinstance(value, str):
                words.append(value)
            elif key in ("domain", "sort") and isinstance(value, list) and all(isinstance(v, str) for v in value):
                words += [v for v in value if not re.fullmatch(r"[\d-]+", v)]  # not dates of a time scale
            elif key != "datasets":
                words += chart_words(value)
    elif isinstance(spec, list):
        for item in spec:
            words += chart_words(item)
    return words


def fields(spec) -> set[str]:
    if isinstance(spec, dict):
        found = {spec["field"]} if isinstance(spec.get("field"), str) else set()
        return found.union(*(fields(v) for k, v in spec.items() if k != "datasets"))
    if isinstance(spec, list):
        return set().union(*(fields(v) for v in spec))
    return set()
