"""Charts: one theme (``theme``), one renderer (``render``), the maps' layers (``maps``), and
one module of figures per chapter, named like the chapter's module in ``yrdbook.chapters``."""

from . import appendices, conclusion, docking, drivers, evolution, mechanisms, overview
from .render import enable

__all__ = ["appendices", "conclusion", "docking", "drivers", "enable", "evolution", "mechanisms", "overview"]
