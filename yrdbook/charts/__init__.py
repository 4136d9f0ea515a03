"""Charts: one theme, one offline renderer, and the figures of each chapter."""

from . import evolution, overview
from .render import enable

__all__ = ["enable", "evolution", "overview"]
