"""Checker calibration: the checker's findings on each draft against the case's ``expect`` labels.

Per rule: true/false positives and negatives, precision and recall, and the ids of the false positives and
false negatives. Cases without ``expect`` are unlabelled and skipped; ``expect: []`` means "breaks no rule".
Comparing with a saved calibration re-scores the baseline's predictions against today's labels, pairs the
cases by id, and gates on a per-rule drop of precision or recall beyond the threshold.
"""

from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from .._core.checker import check
from .._core.combined import LAYERS, Layers
from .._core.files import read_text
from .._core.policy import Policy
from .._core.rules import RULE_IDS
from .._version import __version__
from .cases import Suite
from .compare import Thresholds
from .results import ResultsError
from .runner import display_path, rules_sha256
from .stats import mcnemar_exact

__all__ = [
    "RuleScore", "CalibrationRun", "calibrate", "calibrate_layers", "score_rules", "RuleDelta", "CalibrationComparison",
    "compare_calibration", "load_calibration",
]


class RuleScore(BaseModel):
    rule: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_positives: list[str] = Field(default_factory=list)
    false_negatives: list[str] = Field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


class CalibrationStamp(BaseModel):
    suite_path: str
    suite_sha256: str
    rules_sha256: str
    labelled: int
    unlabelled: int
    coach_version: str
    python: str
    started_at: str


class CalibrationRun(BaseModel):
    kind: Literal["calibration"] = "calibration"
    stamp: CalibrationStamp
    #: What the checker found on each labelled draft, and what the gold says it should find.
    predictions: dict[str, list[str]]
    labels: dict[str, list[str]]
    #: The rules each case's label covers, where it covers only some (a real corpus: not no-thanks).
    scopes: dict[str, list[str]] = Field(default_factory=dict)
    rules: dict[str, RuleScore]

    @property
    def micro(self) -> RuleScore:
        total = RuleScore(rule="all")
        for score in self.rules.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
            total.tn += score.tn
        return total

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")


def score_rules(predictions: dict[str, list[str]], labels: dict[str, list[str]],
                scopes: dict[str, list[str]] | None = None) -> dict[str, RuleScore]:
    """Confusion counts per rule over the cases in ``labels`` (a case missing from predictions found nothing).

    A case in ``scopes`` counts only for the rules its label covers.
    """
    scores = {rule: RuleScore(rule=rule) for rule in RULE_IDS}
    scopes = scopes or {}
    for cid, expected in labels.items():
        found = set(predictions.get(cid, ()))
        covered = scopes.get(cid)
        for rule, score in scores.items():
            if covered is not None and rule not in covered:
                continue
            want, got = rule in expected, rule in found
            if want and got:
                score.tp += 1
            elif got:
                score.fp += 1
                score.false_positives.append(cid)
            elif want:
                score.fn += 1
                score.false_negatives.append(cid)
            else:
                score.tn += 1
    return scores


def calibrate(suite: Suite, use: Layers = "combined") -> CalibrationRun:
    """Run the checker on every labelled draft of ``suite`` (no LLM, no rewrite).

    ``use``: the rules alone, the learned model alone, or both combined (the checker the coach ships).
    """
    labelled = [c for c in suite.cases if c.expect is not None]
    predictions = {}
    for case in labelled:
        result = check(case.draft, case.customer or None, Policy(commitments=list(case.policy)), use=use)
        predictions[case.id] = sorted({f.rule for f in result.findings})
    labels = {c.id: sorted(set(c.expect or [])) for c in labelled}
    scopes = {c.id: list(c.rules) for c in labelled if c.rules is not None}

    stamp = CalibrationStamp(
        suite_path=display_path(suite.path), suite_sha256=suite.sha256, rules_sha256=rules_sha256(),
        labelled=len(labelled), unlabelled=len(suite.cases) - len(labelled), coach_version=__version__,
        python=platform.python_version(), started_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    return CalibrationRun(stamp=stamp, predictions=predictions, labels=labels, scopes=scopes,
                          rules=score_rules(predictions, labels, scopes))


def calibrate_layers(suite: Suite) -> dict[str, CalibrationRun]:
    """The rules alone, the model alone and the two combined, on the same drafts."""
    return {use: calibrate(suite, use) for use in LAYERS}


def load_calibration(path: str | Path) -> CalibrationRun:
    path = Path(path)
    try:
        data = json.loads(read_text(path, "calibration", ResultsError))
    except json.JSONDecodeError as exc:
        raise ResultsError(f"calibration file {path} is not JSON (line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("kind") != "calibration":
        raise ResultsError(f"{path} is not a `coach eval --calibrate --output` file")
    try:
        return CalibrationRun.model_validate(data)
    except ValidationError as exc:
        raise ResultsError(f"{path} is not a calibration file: {exc.errors()[0]['msg']}") from None


class RuleDelta(BaseModel):
    rule: str
    base_precision: float | None
    new_precision: float | None
    base_recall: float | None
    new_recall: float | None
    new_false_positives: list[str] = Field(default_factory=list)
    new_false_negatives: list[str] = Field(default_factory=list)
    fixed: list[str] = Field(default_factory=list)
    p_value: float
    threshold_pp: float
    regressed: bool


class CalibrationComparison(BaseModel):
    paired: int
    rules: list[RuleDelta]
    warnings: list[str] = Field(default_factory=list)

    @property
    def regressed(self) -> list[RuleDelta]:
        return [r for r in self.rules if r.regressed]


def _drop(before: float | None, after: float | None) -> float:
    if before is None or after is None:
        return 0.0
    return (before - after) * 100


def compare_calibration(
    base: CalibrationRun, new: CalibrationRun, *, thresholds: Thresholds | None = None, alpha: float | None = None
) -> CalibrationComparison:
    """Both runs' predictions scored against ``new``'s labels on the cases both labelled."""
    thresholds = thresholds or Thresholds()
    common = {cid: labels for cid, labels in new.labels.items() if cid in base.predictions}
    before = score_rules(base.predictions, common, new.scopes)
    after = score_rules(new.predictions, common, new.scopes)
    deltas = []
    for rule in RULE_IDS:
        b, a = before[rule], after[rule]
        wrong_before = set(b.false_positives) | set(b.false_negatives)
        wrong_after = set(a.false_positives) | set(a.false_negatives)
        broke = wrong_after - wrong_before
        fixed = sorted(wrong_before - wrong_after)
        p = mcnemar_exact(len(broke), len(fixed))
        limit = thresholds.for_scorer(rule)
        worst = max(_drop(b.precision, a.precision), _drop(b.recall, a.recall))
        # A rule that starts firing where it never did has no precision before; count its new FPs as a drop.
        if b.precision is None and a.precision is not None and a.fp:
            worst = max(worst, 100.0 * a.fp / (a.tp + a.fp))
        regressed = worst > limit + 1e-9 and (alpha is None or p < alpha)
        deltas.append(RuleDelta(
            rule=rule, base_precision=b.precision, new_precision=a.precision, base_recall=b.recall,
            new_recall=a.recall, new_false_positives=sorted(set(a.false_positives) - set(b.false_positives)),
            new_false_negatives=sorted(set(a.false_negatives) - set(b.false_negatives)), fixed=fixed,
            p_value=p, threshold_pp=limit, regressed=regressed,
        ))
    notes = []
    if base.stamp.suite_sha256 != new.stamp.suite_sha256:
        notes.append("the suites differ: only cases labelled today and present in the baseline are compared")
    return CalibrationComparison(paired=len(common), rules=deltas, warnings=notes)
