"""Part 1: the checker against proselint on the same real replies, in the same run, interleaved.

In process, each tool is called the way its users call it: ``Coach().check(draft, customer=...)`` and
proselint 0.16's documented ``LintFile(name, text).lint()`` (after ``CheckRegistry().register_many``).
As whole processes: ``coach check --jsonl FILE`` against ``proselint check DIR`` on the same texts, one file
a reply. Both also report what they flagged, so speed is not bought with blindness.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import Reply, console_script, latency_ms, med, run_measured, write_batch

_REGISTERED = False


def coach_check() -> Callable[[Reply], Any]:
    from coach import Coach

    coach = Coach(engine="offline")
    return lambda r: coach.check(r.draft, customer=r.customer)


def proselint_lint() -> Callable[[Reply], Any]:
    global _REGISTERED
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    if not _REGISTERED:
        CheckRegistry().register_many(__register__)
        _REGISTERED = True
    return lambda r: LintFile("reply", r.draft).lint()


def _timed_pass(fn: Callable[[Reply], Any], replies: list[Reply]) -> tuple[float, list[int]]:
    clock = time.perf_counter_ns
    ns = []
    started = clock()
    for reply in replies:
        t0 = clock()
        fn(reply)
        ns.append(clock() - t0)
    return (clock() - started) / 1e9, ns


def flags(replies: list[Reply], coach_fn, proselint_fn) -> dict[str, Any]:
    """What each tool flags on the corpus: counts per rule (coach) and per check (proselint)."""
    coach_rules: Counter[str] = Counter()
    coach_drafts = coach_failing = 0
    prose_checks: Counter[str] = Counter()
    prose_drafts = 0
    for reply in replies:
        result = coach_fn(reply)
        coach_rules.update(f.rule for f in result.findings)
        coach_drafts += bool(result.findings)
        coach_failing += not result.passed
        suggestions = proselint_fn(reply)
        prose_checks.update(s.check_result.check_path for s in suggestions)
        prose_drafts += bool(suggestions)
    return {
        "coach": {"findings": sum(coach_rules.values()), "drafts_flagged": coach_drafts,
                  "drafts_failing": coach_failing, "per_rule": dict(coach_rules.most_common())},
        "proselint": {"findings": sum(prose_checks.values()), "drafts_flagged": prose_drafts,
                      "per_check": dict(prose_checks.most_common())},
    }


def in_process(replies: list[Reply], rounds: int = 5, chunk: int = 50) -> dict[str, Any]:
    coach_fn, prose_fn = coach_check(), proselint_lint()
    for reply in replies[:50]:  # warm both: rule compilation, proselint's registry
        coach_fn(reply)
        prose_fn(reply)
    tools = [("coach", coach_fn), ("proselint", prose_fn)]
    chunks = [replies[i : i + chunk] for i in range(0, len(replies), chunk)]
    totals: dict[str, list[float]] = {"coach": [], "proselint": []}
    latencies: dict[str, list[int]] = {"coach": [], "proselint": []}
    ratios = []
    for r in range(rounds):
        # Interleaved by chunks of drafts, in alternating order: a noisy neighbour that comes and goes
        # within seconds slows both tools alike instead of whichever happened to be running.
        spent = {"coach": 0.0, "proselint": 0.0}
        for j, part in enumerate(chunks):
            for name, fn in (tools if (r + j) % 2 == 0 else tools[::-1]):
                seconds, ns = _timed_pass(fn, part)
                spent[name] += seconds
                latencies[name].extend(ns)
        for name in spent:
            totals[name].append(spent[name])
        ratios.append(spent["proselint"] / spent["coach"])
    n = len(replies)
    out: dict[str, Any] = {"drafts": n, "rounds": rounds}
    for name in totals:
        out[name] = {"drafts_per_s": round(n / med(totals[name], 6), 1), "pass_s": med(totals[name]),
                     **latency_ms(latencies[name])}
    out["speedup"] = med(ratios, 2)
    out["speedup_rounds"] = [round(r, 2) for r in ratios]
    out["flags"] = flags(replies, coach_fn, prose_fn)
    return out


def whole_process(replies: list[Reply], rounds: int = 3) -> dict[str, Any]:
    coach_cmd, prose_cmd = console_script("coach", "coach"), console_script("proselint", "proselint")
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        batch = write_batch(replies, Path(tmp) / "replies.jsonl")
        folder = Path(tmp) / "replies"
        folder.mkdir()
        for i, reply in enumerate(replies):
            (folder / f"{i:05d}.txt").write_text(reply.draft, encoding="utf-8")
        commands = {
            "coach": [*coach_cmd, "check", "--jsonl", str(batch)],
            "proselint": [*prose_cmd, "check", "--output-format", "json", str(folder)],
        }
        walls: dict[str, list[float]] = {"coach": [], "proselint": []}
        ratios = []
        for _ in range(rounds):
            for name, cmd in commands.items():
                walls[name].append(run_measured(cmd).wall_s)
            ratios.append(walls["proselint"][-1] / walls["coach"][-1])
    n = len(replies)
    out: dict[str, Any] = {"drafts": n, "rounds": rounds}
    for name, cmd in commands.items():
        shown = " ".join(["coach" if name == "coach" else "proselint", *cmd[len(coach_cmd if name == "coach" else prose_cmd):]])
        out[name] = {"wall_s": med(walls[name], 3), "drafts_per_s": round(n / med(walls[name], 6), 1),
                     "command": shown.replace(tmp, "$TMP")}
    out["speedup"] = med(ratios, 2)
    return out


def run(replies: list[Reply], rounds: int = 5, process_rounds: int = 3) -> dict[str, Any]:
    return {"in_process": in_process(replies, rounds), "process": whole_process(replies, process_rounds)}
