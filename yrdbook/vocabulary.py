"""The words for the data's codes (enumerations of ``datapackage.json``) in both editions."""

from .language import current

EVENT_KINDS = {
    "abolition": ("abolition", "撤销"), "agreement": ("agreement", "协议"), "approval": ("approval", "批复"),
    "conference": ("conference", "会议"), "document": ("document", "文件"), "establishment": ("establishment", "成立"),
    "investment": ("investment", "投资"), "membership": ("membership", "入会"), "plan": ("plan", "规划"),
    "visit": ("visit", "考察"),
}


def word(vocabulary: dict, code: str, language: str | None = None) -> str:
    """The word for ``code`` in ``language`` (the current edition's by default)."""
    en, zh = vocabulary[code]
    return zh if (language or current()) == "zh" else en
