"""The results file (``coach eval --output``): stamps, per-case attempts and scores, and aggregates."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from .._core.errors import InputError
from .._core.files import read_text
from .._core.results import Finding, Severity, Usage
from .scorers import ScoreResult

__all__ = [
    "Mark", "Stamp", "Attempt", "CaseResult", "Rate", "TagSummary", "RuleCount", "Costs", "Aggregates", "EvalRun",
    "load_run", "ResultsError", "OVERALL",
]

#: The pseudo-scorer "the case passed every scorer that applied to it".
OVERALL = "overall"
SCHEMA_VERSION = 1


class ResultsError(InputError):
    """A results file (``--baseline``, ``--from-results``) is missing or not an eval run."""


class Mark(BaseModel):
    """A checker finding as the results file keeps it: where and which rule (the rulebook has the words)."""

    rule: str
    severity: Severity
    start: int | None = None
    end: int | None = None
    quote: str | None = None

    @classmethod
    def of(cls, finding: Finding) -> "Mark":
        return cls(rule=finding.rule, severity=finding.severity, start=finding.start, end=finding.end,
                   quote=finding.quote)

    @property
    def message(self) -> str:
        from .._core.rules import load_rules

        rule = load_rules().get(self.rule)
        return rule.message if rule else self.rule


class Stamp(BaseModel):
    """Everything needed to know what was measured, and to refuse comparing apples with pears."""

    suite_path: str
    suite_sha256: str
    cases: int
    engine: str
    model: str | None = None
    prompt_id: str | None = None
    prompt_hash: str | None = None
    rules_sha256: str | None = None
    judge_model: str | None = None
    judge_prompt_hash: str | None = None
    replay: bool = False
    repeat: int = 1
    pass_k: int = 1
    scorers: list[str] = Field(default_factory=list)
    price_per_1k: float = 0.0
    coach_version: str
    python: str
    started_at: str
    duration_s: float = 0.0


class Attempt(BaseModel):
    """One rewrite of one case and its scores. ``error`` is set when the rewrite raised."""

    rewrite: str | None = None
    error: str | None = None
    passed: bool = False
    scores: list[ScoreResult] = Field(default_factory=list)
    findings: list[Mark] = Field(default_factory=list)
    latency_s: float = 0.0
    #: Seconds inside HTTP calls to the model server, when the engine reports it.
    http_s: float | None = None
    tokens: Usage = Field(default_factory=Usage)
    judge_tokens: Usage = Field(default_factory=Usage)
    calls: int = 0
    fallback: bool = False
    engine_error: str | None = None


class CaseResult(BaseModel):
    """A case's verdict over its attempts: a scorer passes when at least ``pass_k`` attempts pass it."""

    id: str
    tags: list[str] = Field(default_factory=list)
    customer: str = ""
    draft: str
    draft_findings: list[Mark] = Field(default_factory=list)
    passed: bool
    scores: dict[str, ScoreResult] = Field(default_factory=dict)
    attempts: list[Attempt] = Field(default_factory=list)

    def verdict(self, scorer: str) -> bool | None:
        """True/False for the scorer (or ``overall``), None when it did not apply or could not decide."""
        if scorer == OVERALL:
            return self.passed
        score = self.scores.get(scorer)
        return None if score is None else score.passed


class Rate(BaseModel):
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    errors: int = 0

    @property
    def decided(self) -> int:
        return self.passed + self.failed

    @property
    def rate(self) -> float | None:
        return self.passed / self.decided if self.decided else None


class TagSummary(BaseModel):
    cases: int = 0
    passed: int = 0
    scorers: dict[str, Rate] = Field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        return self.passed / self.cases if self.cases else None


class RuleCount(BaseModel):
    """How many findings of a rule the drafts had, and how many the rewrites still have (all attempts)."""

    drafts: int = 0
    rewrites: int = 0


class Costs(BaseModel):
    attempts: int = 0
    calls: int = 0
    tokens: Usage = Field(default_factory=Usage)
    judge_tokens: Usage = Field(default_factory=Usage)
    cost: float = 0.0
    latency_mean_s: float | None = None
    latency_p50_s: float | None = None
    latency_p95_s: float | None = None
    latency_max_s: float | None = None
    crashed: int = 0
    fallbacks: int = 0


class Aggregates(BaseModel):
    cases: int = 0
    passed: int = 0
    scorers: dict[str, Rate] = Field(default_factory=dict)
    tags: dict[str, TagSummary] = Field(default_factory=dict)
    rules: dict[str, RuleCount] = Field(default_factory=dict)
    costs: Costs = Field(default_factory=Costs)

    @property
    def rate(self) -> float | None:
        return self.passed / self.cases if self.cases else None


class EvalRun(BaseModel):
    schema_version: int = SCHEMA_VERSION
    stamp: Stamp
    cases: list[CaseResult]
    aggregates: Aggregates

    def case(self, case_id: str) -> CaseResult | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")


def load_run(path: str | Path) -> EvalRun:
    """Read a results file written by ``coach eval --output``."""
    path = Path(path)
    text = read_text(path, "results", ResultsError)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultsError(f"{path} is not JSON (line {exc.lineno}): is it a `coach eval --output` file?") from None
    if isinstance(data, dict) and data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise ResultsError(f"{path} has results schema {data.get('schema_version')}; this coach reads {SCHEMA_VERSION}")
    try:
        return EvalRun.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise ResultsError(f"{path} is not a `coach eval` results file ({where}: {first['msg']})") from None
