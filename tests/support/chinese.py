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
