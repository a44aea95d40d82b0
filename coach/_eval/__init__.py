"""The eval harness behind ``coach eval`` (private: the CLI is the interface).

One small function is documented for bots and notebooks::

    >>> from coach import run_eval
    >>> run = run_eval(engine="offline")          # the packaged gold suite
    >>> run.aggregates.scorers["guard"].rate      # doctest: +SKIP

``run_eval`` returns an :class:`~coach._eval.results.EvalRun` (a pydantic model; ``.model_dump_json()``
gives the same JSON as ``coach eval --output``).
"""

from __future__ import annotations

from .api import run_eval

__all__ = ["run_eval"]
