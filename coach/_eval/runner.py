"""Run a suite: every case ``repeat`` times through ``Coach.rewrite``, ``jobs`` at once, scored and aggregated."""

from __future__ import annotations

import hashlib
import platform
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._core.checker import check
from .._core.errors import ModelConfigError
from .._core.policy import Policy
from .._core.results import Usage
from .._core.rules import RULES_DIR
from .._version import __version__
from .cases import EvalCase, Suite
from .judge import JUDGE_NAME, Judge
from .results import (
    Aggregates,
    Attempt,
    CaseResult,
    Costs,
    EvalRun,
    Mark,
    Rate,
    RuleCount,
    Stamp,
    TagSummary,
)
from .scorers import DEFAULT_SCORERS, ScoreResult, score_rewrite
from .stats import percentile

__all__ = [
    "RunOptions", "run_suite", "default_pass_k", "aggregate", "combine_scores", "rules_sha256",
]

Progress = Callable[[int, int], None]


def default_pass_k(repeat: int) -> int:
    """A strict majority of the attempts: 1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5."""
    return repeat // 2 + 1


@dataclass
class RunOptions:
    repeat: int = 1
    pass_k: int | None = None
    jobs: int = 1
    scorers: tuple[str, ...] = DEFAULT_SCORERS
    judge: Judge | None = None
    price_per_1k: float = 0.0
    replay: bool = False

    def validated(self) -> "RunOptions":
        if self.repeat < 1:
            raise ValueError("--repeat must be at least 1")
        if self.jobs < 1:
            raise ValueError("-j/--jobs must be at least 1")
        k = self.pass_k if self.pass_k is not None else default_pass_k(self.repeat)
        if not 1 <= k <= self.repeat:
            raise ValueError(f"--pass-k must be between 1 and --repeat ({self.repeat}); got {k}")
        if self.price_per_1k < 0:
            raise ValueError("--price-per-1k cannot be negative")
        self.pass_k = k
        return self


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it is inside it (stamps stay portable)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def rules_sha256() -> str:
    digest = hashlib.sha256()
    for path in sorted(RULES_DIR.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _one_attempt(coach: Any, case: EvalCase, opts: RunOptions) -> tuple[Attempt, Any]:
    start = time.perf_counter()
    try:
        result = coach.rewrite(case.draft, customer=case.customer or None, policy=list(case.policy))
    except ModelConfigError:
        raise  # the same for every case: stop the run and say what to configure
    except Exception as exc:  # noqa: BLE001 - a crash is recorded; the run ends with exit code 2
        latency = time.perf_counter() - start
        reason = f"the rewrite crashed: {type(exc).__name__}: {exc}"
        scores = [ScoreResult(name=n, passed=False, reason=reason) for n in opts.scorers]
        return Attempt(error=reason, scores=scores, latency_s=round(latency, 6)), None
    latency = time.perf_counter() - start
    scores, findings = score_rewrite(case, result.rewrite, opts.scorers)
    judge_usage = Usage()
    if opts.judge is not None:
        verdict, judge_usage = opts.judge(case, result.rewrite)
        scores.append(verdict)
    attempt = Attempt(
        rewrite=result.rewrite,
        passed=all(s.passed is not False for s in scores),
        scores=scores,
        findings=[Mark.of(f) for f in findings],
        latency_s=round(latency, 6),
        http_s=_http_seconds(result),
        tokens=result.usage,
        judge_tokens=judge_usage,
        calls=result.calls,
        fallback=result.fallback,
        engine_error=result.error,
    )
    return attempt, result


def _http_seconds(result: Any) -> float | None:
    timing = getattr(result, "timing", None)
    seconds = getattr(timing, "http_s", None)
    return round(float(seconds), 6) if isinstance(seconds, (int, float)) else None


def combine_scores(name: str, scores: list[ScoreResult], k: int) -> ScoreResult:
    """One verdict from K attempts: pass with at least k passes, fail when k can no longer be reached.

    Attempts that could not decide (a ``judge_error``) count neither way; if they leave the verdict open,
    the combined score is itself undecided (``passed=None, error=True``), never a fail.
    """
    if len(scores) == 1:
        return scores[0]
    total = len(scores)
    passes = sum(s.passed is True for s in scores)
    fails = sum(s.passed is False for s in scores)
    errors = sum(s.passed is None and s.error for s in scores)
    if passes == 0 and fails == 0:
        return scores[0].model_copy(update={"reason": f"{scores[0].reason} (all {total} attempts)"})
    tally = f"{passes}/{total} attempts passed, need {k}"
    if passes >= k:
        return ScoreResult(name=name, passed=True, reason=tally)
    if fails > total - k:
        example = next(s.reason for s in scores if s.passed is False)
        return ScoreResult(name=name, passed=False, reason=f"{tally}; e.g. {example}")
    return ScoreResult(name=name, passed=None, error=True,
                       reason=f"undecided: {tally}, {errors} could not be scored")


def _case_result(case: EvalCase, attempts: list[Attempt], names: list[str], k: int) -> CaseResult:
    draft_findings = check(case.draft, case.customer or None, Policy(commitments=list(case.policy))).findings
    combined = {}
    for name in names:
        per = [next(s for s in a.scores if s.name == name) for a in attempts if any(s.name == name for s in a.scores)]
        if per:
            combined[name] = combine_scores(name, per, k)
    passed = sum(a.passed for a in attempts) >= k
    return CaseResult(
        id=case.id, tags=list(case.tags), customer=case.customer, draft=case.draft,
        draft_findings=[Mark.of(f) for f in draft_findings], passed=passed, scores=combined, attempts=attempts,
    )


def aggregate(cases: list[CaseResult], names: list[str], price_per_1k: float = 0.0) -> Aggregates:
    """Pass rates per scorer and per tag, rule counts in drafts and rewrites, tokens, cost and latency."""
    agg = Aggregates(cases=len(cases), passed=sum(c.passed for c in cases))
    for name in names:
        agg.scorers[name] = _rate(c.scores.get(name) for c in cases)
    for case in cases:
        for tag in case.tags or ["(untagged)"]:
            summary = agg.tags.setdefault(tag, TagSummary())
            summary.cases += 1
            summary.passed += case.passed
    for tag, summary in agg.tags.items():
        members = [c for c in cases if tag in c.tags or (tag == "(untagged)" and not c.tags)]
        summary.scorers = {name: _rate(c.scores.get(name) for c in members) for name in names}
    rules: dict[str, RuleCount] = {}
    for case in cases:
        for rule in {f.rule for f in case.draft_findings}:
            rules.setdefault(rule, RuleCount()).drafts += 1
        for attempt in case.attempts:
            for rule in {f.rule for f in attempt.findings}:
                rules.setdefault(rule, RuleCount()).rewrites += 1
    agg.rules = dict(sorted(rules.items()))
    attempts = [a for c in cases for a in c.attempts]
    costs = Costs(attempts=len(attempts))
    latencies = [a.latency_s for a in attempts if a.error is None]
    for a in attempts:
        costs.calls += a.calls
        costs.tokens = costs.tokens.add(a.tokens)
        costs.judge_tokens = costs.judge_tokens.add(a.judge_tokens)
        costs.crashed += a.error is not None
        costs.fallbacks += a.fallback
    total_tokens = costs.tokens.total_tokens + costs.judge_tokens.total_tokens
    costs.cost = round(total_tokens / 1000 * price_per_1k, 6)
    if latencies:
        costs.latency_mean_s = round(sum(latencies) / len(latencies), 6)
        costs.latency_p50_s = round(percentile(latencies, 50), 6)
        costs.latency_p95_s = round(percentile(latencies, 95), 6)
        costs.latency_max_s = round(max(latencies), 6)
    agg.costs = costs
    return agg


def _rate(scores) -> Rate:
    rate = Rate()
    for s in scores:
        if s is None or (s.passed is None and not s.error):
            rate.skipped += 1
        elif s.passed is None:
            rate.errors += 1
        elif s.passed:
            rate.passed += 1
        else:
            rate.failed += 1
    return rate


def run_suite(suite: Suite, coach: Any, options: RunOptions | None = None, *, progress: Progress | None = None) -> EvalRun:
    """Rewrite and score every case of ``suite`` with ``coach`` (a ``Coach`` or anything with ``rewrite``)."""
    opts = (options or RunOptions()).validated()
    k = opts.pass_k
    started = datetime.now(timezone.utc)
    clock = time.perf_counter()
    jobs = [(case, i) for case in suite.cases for i in range(opts.repeat)]
    slots: dict[str, list[Attempt | None]] = {case.id: [None] * opts.repeat for case in suite.cases}
    results: list[Any] = []
    lock = threading.Lock()
    done = 0
    if progress:
        progress(0, len(jobs))

    def finish(case: EvalCase, index: int, attempt: Attempt, result: Any) -> None:
        nonlocal done
        with lock:
            slots[case.id][index] = attempt
            if result is not None:
                results.append(result)
            done += 1
            if progress:
                progress(done, len(jobs))

    if opts.jobs == 1:
        for case, i in jobs:
            finish(case, i, *_one_attempt(coach, case, opts))
    else:
        # The first rewrite runs alone: it builds the engine and settles what it learns on its first call
        # (e.g. which structured-output format the server takes), so the parallel ones all start alike.
        (case, i), rest = jobs[0], jobs[1:]
        finish(case, i, *_one_attempt(coach, case, opts))
        with ThreadPoolExecutor(max_workers=opts.jobs, thread_name_prefix="coach-eval") as pool:
            futures = {pool.submit(_one_attempt, coach, case, opts): (case, i) for case, i in rest}
            for future in as_completed(futures):
                case, i = futures[future]
                finish(case, i, *future.result())

    names = list(opts.scorers) + ([JUDGE_NAME] if opts.judge is not None else [])
    cases = [_case_result(case, [a for a in slots[case.id] if a is not None], names, k) for case in suite.cases]
    first = next((r for r in results), None)
    engine = getattr(first, "engine", None) or getattr(coach, "engine", "offline")
    settings = getattr(coach, "settings", None)
    model = getattr(first, "model", None) or getattr(settings, "model", None)
    prompt_id = next((r.prompt_id for r in results if getattr(r, "prompt_id", None)), None)
    prompt_hash = next((r.prompt_hash for r in results if getattr(r, "prompt_hash", None)), None)
    if engine == "openai" and prompt_id is None:
        prompt_id = getattr(coach, "prompt", None)

    stamp = Stamp(
        suite_path=display_path(suite.path),
        suite_sha256=suite.sha256,
        cases=len(suite.cases),
        engine=engine,
        model=model if engine != "offline" else None,
        prompt_id=prompt_id if engine != "offline" else None,
        prompt_hash=prompt_hash if engine != "offline" else None,
        rules_sha256=rules_sha256(),
        judge_model=opts.judge.model if opts.judge else None,
        judge_prompt_hash=opts.judge.prompt.sha256 if opts.judge else None,
        replay=opts.replay,
        repeat=opts.repeat,
        pass_k=k,
        scorers=names,
        price_per_1k=opts.price_per_1k,
        coach_version=__version__,
        python=platform.python_version(),
        started_at=started.isoformat(timespec="seconds"),
        duration_s=round(time.perf_counter() - clock, 3),
    )
    return EvalRun(stamp=stamp, cases=cases, aggregates=aggregate(cases, [*names], opts.price_per_1k))
