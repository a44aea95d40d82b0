"""Where the data folders shipped with the coach live (``prompts``, ``evals``).

In a wheel, hatchling force-includes the top-level folders as ``coach/prompts`` and ``coach/evals``;
in a source or editable checkout they are the repository's top-level ``prompts/`` and ``evals/``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_dir"]

_PACKAGE = Path(__file__).resolve().parents[1]  # coach/


def resource_dir(name: str) -> Path:
    """The folder ``name``: the packaged copy when installed from a wheel, else the checkout's top-level one."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the coach's {name!r} folder is missing (looked in {_PACKAGE} and {_PACKAGE.parent})")
