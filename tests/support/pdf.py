"""Reading the PDF edition as it was typeset: the LaTeX log's overfull boxes."""

import re
from dataclasses import dataclass


# --- the LaTeX log -----------------------------------------------------------------------------

@dataclass
class Overfull:
    points: float  # how far the box runs past its width, in TeX points
    where: str  # "in paragraph at lines 16539--16542" (lines of book.tex)
    material: str  # the start of the box as TeX shows it

    def __str__(self) -> str:
        return f"{self.points:.1f}pt {self.where}: {self.material}"


OVERFULL = re.compile(r"^Overfull \\hbox \(([\d.]+)pt too wide\) (.*)\n(.*)", re.M)


def overfull_boxes(log: str) -> list[Overfull]:
    """Every overfull \\hbox that the log reports (TeX's own check: underfull boxes are only loose)."""
    return [Overfull(float(points), where.strip(), material.strip())
            for points, where, material in OVERFULL.findall(log)]
