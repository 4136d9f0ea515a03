"""Helpers for the executable book on Yangtze River Delta (长三角) regional governance.

Chapters call these functions; nothing here is chapter-specific state.
"""

__version__ = "0.1.0"
