"""Part 6: the offline engine on the real replies: speed, and whether every rewrite is safe to send.

Each reply is rewritten with its customer tweet. A rewrite is safe when it keeps every fact of the draft
verbatim, invents none (a fact in neither the draft nor the tweet), and passes the guard.
"""

from __future__ import annotations

import time
from typing import Any

from .common import Reply, latency_ms


def run(replies: list[Reply]) -> dict[str, Any]:
    from coach import Coach
    from coach._core.facts import invented_facts, missing_facts

    coach = Coach(engine="offline")
    times: list[int] = []
    lost = invented = failed = changed = 0
    examples: dict[str, str] = {}
    for r in replies:
        started = time.perf_counter_ns()
        result = coach.rewrite(r.draft, customer=r.customer or None)
        times.append(time.perf_counter_ns() - started)
        changed += result.rewrite != r.draft
        if missing_facts(r.draft, result.rewrite):
            lost += 1
            examples.setdefault("lost", r.id)
        if invented_facts(result.rewrite, r.draft, r.customer):
            invented += 1
            examples.setdefault("invented", r.id)
        if not result.passed:
            failed += 1
            examples.setdefault("failed", r.id)
    return {
        "drafts": len(replies), "rewrites_per_s": round(len(replies) / (sum(times) / 1e9), 1),
        **latency_ms(times), "changed": changed, "facts_lost": lost, "facts_invented": invented,
        "guard_failed": failed, "first_examples": examples,
    }
