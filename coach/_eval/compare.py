"""Compare two runs on the same cases and gate on regressions.

For each scorer (and ``overall``, "passed every scorer"), the cases both runs decided are paired by id:
pass rates side by side, the ids that flipped pass->fail and fail->pass, and McNemar's exact test on the
flips. A scorer *regresses* when its paired pass rate drops by more than its threshold in percentage points
(``--max-drop``, default 0: any net loss fails the gate) and, when ``alpha`` is set, the drop is also
significant (McNemar p < alpha). CI replays are deterministic, so the strict default is right there; for a
live model add ``--max-drop 5 --alpha 0.05`` or similar, since two samples of the same prompt differ.

``Comparison.changed`` lists the paired cases whose rewrite text changed, whether or not a verdict flipped.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from .._core.errors import InputError
from .results import OVERALL, EvalRun, Stamp
from .stats import mcnemar_exact

__all__ = [
    "ScorerDelta", "ChangedRewrite", "Comparison", "compare_runs", "Thresholds", "parse_max_drop", "DEFAULT_MAX_DROP",
]

#: Percentage points a scorer's paired pass rate may drop before the gate fails (per scorer overridable).
DEFAULT_MAX_DROP = 0.0


class Thresholds(BaseModel):
    default: float = DEFAULT_MAX_DROP
    per_scorer: dict[str, float] = Field(default_factory=dict)

    def for_scorer(self, name: str) -> float:
        return self.per_scorer.get(name, self.default)


def parse_max_drop(values: list[str] | None) -> Thresholds:
    """``["2"]`` -> 2 pp for every scorer; ``["guard=5", "1"]`` -> 5 pp for guard, 1 pp for the rest."""
    thresholds = Thresholds()
    for value in values or []:
        name, sep, number = value.rpartition("=")
        try:
            pp = float(number)
        except ValueError:
            raise ValueError(f"--max-drop takes percentage points, like 2 or guard=5; got {value!r}") from None
        if pp < 0 or pp > 100:
            raise ValueError(f"--max-drop must be between 0 and 100 percentage points; got {value!r}")
        if sep:
            thresholds.per_scorer[name.strip()] = pp
        else:
            thresholds.default = pp
    return thresholds


class ScorerDelta(BaseModel):
    name: str
    paired: int
    base_passed: int
    new_passed: int
    base_rate: float | None
    new_rate: float | None
    delta_pp: float | None
    pass_to_fail: list[str] = Field(default_factory=list)
    fail_to_pass: list[str] = Field(default_factory=list)
    p_value: float
    threshold_pp: float
    regressed: bool


class ChangedRewrite(BaseModel):
    """A case whose rewrite text differs between the runs (first attempt of each), whether or not a verdict flipped."""

    id: str
    baseline: str | None
    candidate: str | None
    baseline_passed: bool
    candidate_passed: bool


class Comparison(BaseModel):
    baseline: Stamp
    candidate: Stamp
    baseline_label: str = "baseline"
    candidate_label: str = "candidate"
    scorers: list[ScorerDelta]
    only_in_baseline: list[str] = Field(default_factory=list)
    only_in_candidate: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    alpha: float | None = None
    #: The paired cases whose rewrite text changed, in the candidate's order.
    changed: list[ChangedRewrite] = Field(default_factory=list)

    @property
    def regressed(self) -> list[ScorerDelta]:
        return [s for s in self.scorers if s.regressed]


def _warnings(base: Stamp, new: Stamp) -> list[str]:
    notes = []
    if base.suite_sha256 != new.suite_sha256:
        notes.append("the suites differ (sha256): only the cases with the same id are compared")
    if base.rules_sha256 and new.rules_sha256 and base.rules_sha256 != new.rules_sha256:
        notes.append("the rulebook changed between the runs: scores use each run's own checker")
    if (base.repeat, base.pass_k) != (new.repeat, new.pass_k):
        notes.append(f"repeat/pass-k differ: {base.pass_k}-of-{base.repeat} vs {new.pass_k}-of-{new.repeat}")
    if (base.engine, base.model) != (new.engine, new.model):
        notes.append(f"different engines: {base.engine} {base.model or ''} vs {new.engine} {new.model or ''}".rstrip())
    if base.judge_prompt_hash != new.judge_prompt_hash and base.judge_model and new.judge_model:
        notes.append("the judge's rubric changed: judge scores are not comparable")
    return notes


def compare_runs(
    base: EvalRun,
    new: EvalRun,
    *,
    thresholds: Thresholds | None = None,
    alpha: float | None = None,
    labels: tuple[str, str] = ("baseline", "candidate"),
) -> Comparison:
    """Pair ``new`` with ``base`` by case id, scorer by scorer, and decide which scorers regressed."""
    thresholds = thresholds or Thresholds()
    base_cases = {c.id: c for c in base.cases}
    new_cases = {c.id: c for c in new.cases}
    common = [cid for cid in new_cases if cid in base_cases]
    if not common:  # nothing to pair: passing the gate here would be a silent "ok"
        raise InputError("no case of this run is in the baseline: compare runs of the same suite (or --case/--tag)")
    names = [OVERALL] + [n for n in new.stamp.scorers if n in base.stamp.scorers]
    deltas = []
    for name in names:
        base_passed = new_passed = 0
        down: list[str] = []
        up: list[str] = []
        paired = 0
        for cid in common:
            before, after = base_cases[cid].verdict(name), new_cases[cid].verdict(name)
            if before is None or after is None:
                continue
            paired += 1
            base_passed += before
            new_passed += after
            if before and not after:
                down.append(cid)
            elif after and not before:
                up.append(cid)
        base_rate = base_passed / paired if paired else None
        new_rate = new_passed / paired if paired else None
        delta = round((new_rate - base_rate) * 100, 4) if paired else None
        p = mcnemar_exact(len(down), len(up))
        limit = thresholds.for_scorer(name)
        regressed = delta is not None and -delta > limit + 1e-9 and (alpha is None or p < alpha)
        deltas.append(ScorerDelta(
            name=name, paired=paired, base_passed=base_passed, new_passed=new_passed, base_rate=base_rate,
            new_rate=new_rate, delta_pp=delta, pass_to_fail=down, fail_to_pass=up, p_value=p,
            threshold_pp=limit, regressed=regressed,
        ))
    notes = _warnings(base.stamp, new.stamp)
    dropped = sorted(set(base.stamp.scorers) - set(new.stamp.scorers))
    if dropped:
        notes.append(f"scorer(s) only in the baseline, not compared: {', '.join(dropped)}")
    changed = []
    for cid in common:
        old, now = base_cases[cid], new_cases[cid]
        before = old.attempts[0].rewrite if old.attempts else None
        after = now.attempts[0].rewrite if now.attempts else None
        if before != after:
            changed.append(ChangedRewrite(id=cid, baseline=before, candidate=after, baseline_passed=old.passed,
                                          candidate_passed=now.passed))
    return Comparison(
        baseline=base.stamp, candidate=new.stamp, baseline_label=labels[0], candidate_label=labels[1],
        scorers=deltas, changed=changed,
        only_in_baseline=[cid for cid in base_cases if cid not in new_cases],
        only_in_candidate=[cid for cid in new_cases if cid not in base_cases],
        warnings=notes, alpha=alpha,
    )
