"""``coach eval --batch-api``: the suite's rewrites made by one OpenAI Batch API run, then scored as usual."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .._api import Coach
from .._engines.base import DEFAULT_TIMEOUT
from .api import make_coach, run_eval
from .cases import Suite
from .judge import Judge
from .results import EvalRun
from .runner import Progress
from .scorers import DEFAULT_SCORERS

__all__ = ["run_eval_batch", "PrecomputedCoach"]


def _key(draft: str, customer: str | None, policy: Any) -> tuple[str, str, tuple[str, ...]]:
    return draft, customer or "", tuple(policy or ())


class PrecomputedCoach:
    """A coach whose rewrites were all made beforehand: ``rewrite`` hands each case its result (or raises
    the error the batch gave it, which the eval records as a crashed case)."""

    engine = "openai"

    def __init__(self, coach: Coach, suite: Suite, results: list[Any]):
        self.settings, self.prompt = coach.settings, coach.prompt
        self._results = {_key(c.draft, c.customer, c.policy): r for c, r in zip(suite.cases, results)}

    def rewrite(self, draft: str, *, customer: str | None = None, policy: Any = None) -> Any:
        result = self._results[_key(draft, customer, policy)]
        if isinstance(result, Exception):
            raise result
        return result


def run_eval_batch(
    suite: Suite, *, coach: Coach | None = None, model: str | None = None, base_url: str | None = None,
    prompt: str | None = None, timeout: float = DEFAULT_TIMEOUT, state: str | os.PathLike | None = None,
    poll_interval: float = 30.0, max_wait: float | None = None, on_progress: Callable[[Any], None] | None = None,
    scorers: tuple[str, ...] = DEFAULT_SCORERS, judge: Judge | None = None, price_per_1k: float = 0.0,
    progress: Progress | None = None,
) -> tuple[EvalRun, Any]:
    """Rewrite every case of ``suite`` through the Batch API (``Coach.rewrite_batch``), then score the
    rewrites as ``run_eval`` does. Returns the run and the batch's summary (``BatchSummary``)."""
    if coach is None:
        coach = make_coach(engine="openai", model=model, base_url=base_url, timeout=timeout, prompt=prompt)
    items = [{"id": c.id, "draft": c.draft, "customer": c.customer or None, "policy": list(c.policy)}
             for c in suite.cases]
    batch = coach.rewrite_batch(items, state=state, poll_interval=poll_interval, max_wait=max_wait,
                                on_progress=on_progress)
    run = run_eval(suite, coach=PrecomputedCoach(coach, suite, batch.results), scorers=scorers, judge=judge,
                   price_per_1k=price_per_1k, progress=progress)
    return run, batch.summary
