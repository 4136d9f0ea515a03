"""Charts: one theme, one offline renderer, and the figures of each chapter."""

from . import conclusion, docking, drivers, evolution, mechanisms, overview
from .render import enable

__all__ = ["conclusion", "docking", "drivers", "enable", "evolution", "mechanisms", "overview"]
