"""Where the packaged eval suite and cassettes live (see ``coach._resources``)."""

from __future__ import annotations

from pathlib import Path

from .._core.resources import resource_dir

__all__ = ["resource_dir", "default_suite", "default_cassette_dir"]


def default_suite() -> Path:
    return resource_dir("evals") / "gold.jsonl"


def default_cassette_dir() -> Path:
    return resource_dir("evals") / "cassettes"
