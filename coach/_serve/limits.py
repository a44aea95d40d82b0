"""The service's limits: request body size, draft length, batch size and concurrent model calls."""

from __future__ import annotations

from dataclasses import dataclass, fields

from .._core.checker import MAX_DRAFT_CHARS

__all__ = ["Limits", "MIB"]

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one request may ask for, and how many model calls all requests together may have in flight."""

    max_body_bytes: int = MIB
    max_draft_chars: int = MAX_DRAFT_CHARS
    max_batch_items: int = 100
    max_model_calls: int = 8

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{spec.name} must be a whole number of at least 1, not {value!r}")
        if self.max_draft_chars > MAX_DRAFT_CHARS:
            raise ValueError(f"max_draft_chars cannot exceed the coach's own limit, {MAX_DRAFT_CHARS:,}")
