"""The engines' command-line options, shared by `coach rewrite`, `coach critique`, `coach eval` and `coach serve`."""

from __future__ import annotations

import argparse
from typing import Any

from .base import DEFAULT_ENGINE, DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT, ENGINE_NAMES

__all__ = ["add_engine_options", "positive_int", "positive_seconds"]


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def add_engine_options(p: Any, *, max_tokens: bool = True) -> None:
    """``--engine``, ``--model``, ``--base-url``, ``--timeout`` and (unless told not to) ``--max-tokens``."""
    p.add_argument("--engine", choices=ENGINE_NAMES, default=DEFAULT_ENGINE,
                   help="auto uses a model when OPENAI_API_KEY or a base URL is set, else offline")
    p.add_argument("--model", help="model name (default: $COACH_MODEL)")
    p.add_argument("--base-url", help="OpenAI-compatible server URL (default: $OPENAI_BASE_URL)")
    p.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT,
                   help=f"seconds per model request (default: {DEFAULT_TIMEOUT:g})")
    if max_tokens:
        p.add_argument("--max-tokens", type=positive_int, default=DEFAULT_MAX_TOKENS,
                       help=f"longest model answer, in tokens (default: {DEFAULT_MAX_TOKENS})")
