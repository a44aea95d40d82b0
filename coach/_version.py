"""The coach's version, in one place (the package root and the eval stamps read it from here)."""

__version__ = "0.1.0"
