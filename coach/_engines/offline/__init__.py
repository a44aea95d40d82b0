"""The offline engine: a deterministic rewrite that needs no model."""

from .engine import rewrite_offline

__all__ = ["rewrite_offline"]
