"""The bibliography's pybtex style: labels that say which reference of the paper is meant.

``source_paper`` is labelled [paper]; the paper's reference [n] (key ``refNN``) is
labelled [ref n], so a reader can match a citation in the book to the paper's list.
Entries are listed in that order too: the paper, then its references 1..27.
"""

from pybtex.plugin import register_plugin
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle


def _label(key: str) -> str:
    if key == "source_paper":
        return "paper"
    if key.startswith("ref") and key[3:].isdigit():
        return f"ref {int(key[3:])}"
    return key


class PaperLabelStyle(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield _label(entry.key)


class PaperOrderSortingStyle(BaseSortingStyle):
    def sorting_key(self, entry):
        number = int(entry.key[3:]) if entry.key.startswith("ref") and entry.key[3:].isdigit() else -1
        return (number, entry.key)


class PaperStyle(UnsrtStyle):
    default_label_style = "yrd-paper-labels"
    default_sorting_style = "yrd-paper-order"


def register() -> None:
    register_plugin("pybtex.style.labels", "yrd-paper-labels", PaperLabelStyle, force=True)
    register_plugin("pybtex.style.sorting", "yrd-paper-order", PaperOrderSortingStyle, force=True)
    register_plugin("pybtex.style.formatting", "yrdbook", PaperStyle, force=True)
