"""Where the packaged eval suite, baselines, cassettes and prompts live.

In a source checkout they are the top-level ``evals/`` and ``prompts/`` folders; in a wheel hatchling
force-includes them as ``coach/evals`` and ``coach/prompts``. ``coach._resources.resource_dir`` is used
when it exists; this private lookup is the fallback so the eval harness never depends on it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_dir", "default_suite", "default_cassette_dir"]

_PACKAGE = Path(__file__).resolve().parent.parent  # coach/


def resource_dir(name: str) -> Path:
    """The folder holding ``name`` ("prompts" or "evals"): packaged copy first, then the source checkout."""
    try:
        from .._resources import resource_dir as shared  # type: ignore[import-not-found]
    except ImportError:
        shared = None
    if shared is not None:
        try:
            found = Path(shared(name))
            if found.is_dir():
                return found
        except Exception:  # noqa: BLE001 - fall back to our own lookup
            pass
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / name


def default_suite() -> Path:
    return resource_dir("evals") / "gold.jsonl"


def default_cassette_dir() -> Path:
    return resource_dir("evals") / "cassettes"
