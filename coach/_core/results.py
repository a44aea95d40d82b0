"""Pydantic models: the shape of every result, shared by the API, the CLI's JSON and the evals."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Severity", "SEVERITY_RANK", "Finding", "CheckResult", "Usage", "Timing", "RewriteResult",
    "CritiqueFinding", "CritiqueResult",
]

Severity = Literal["error", "warning", "info", "suggestion"]

#: Higher is more severe. ``passed`` is false when any finding ranks at warning or above.
SEVERITY_RANK: dict[str, int] = {"suggestion": 0, "info": 1, "warning": 2, "error": 3}


class Finding(BaseModel):
    """One alert: a rule broken at a place in the draft (``start``/``end`` are None for whole-reply rules)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    message: str
    suggestion: str

    @property
    def blocking(self) -> bool:
        """True for errors and warnings: the findings that fail the guard."""
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK["warning"]


class CheckResult(BaseModel):
    findings: list[Finding] = Field(default_factory=list)
    passed: bool
    #: False when the rules could not judge the reply (they are English-only): no verdict either way,
    #: only the policy's banned phrases were looked for. ``language`` is the detected language.
    assessed: bool = True
    language: str = "en"

    @classmethod
    def from_findings(cls, findings: list[Finding], *, language: str = "en") -> "CheckResult":
        return cls(findings=findings, passed=not any(f.blocking for f in findings), assessed=language == "en",
                   language=language)


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def add(self, other: "Usage") -> "Usage":
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
        )


class Timing(BaseModel):
    """Where a model-backed call's seconds went. The coach's own overhead is ``total_s - http_s - wait_s``."""

    total_s: float = 0.0
    http_s: float = 0.0  # inside HTTP calls to the model server
    wait_s: float = 0.0  # sleeping between retries (backoff, Retry-After)


class RewriteResult(BaseModel):
    """What ``Coach.rewrite`` returns; ``rewrite`` is always a usable reply (the draft survives)."""

    rewrite: str
    engine: Literal["offline", "openai"]
    model: str | None = None
    passed: bool
    findings_before: list[Finding] = Field(default_factory=list)
    findings_after: list[Finding] = Field(default_factory=list)
    attempts: int = 1
    fallback: bool = False
    error: str | None = None
    #: False when the draft is not in a language the rules can assess: it is returned unchanged.
    assessed: bool = True
    calls: int = 0
    usage: Usage = Field(default_factory=Usage)
    prompt_id: str | None = None
    prompt_hash: str | None = None
    model_findings: list[Finding] = Field(default_factory=list)
    #: Items of the model's critique dropped for quoting words that are not in the draft (or naming no rule).
    dropped_findings: int = 0
    timing: Timing | None = None


class CritiqueFinding(Finding):
    """A finding of ``coach critique``, saying who raised it: the rule ``checker`` or the ``model``."""

    source: Literal["checker", "model"]


class CritiqueResult(BaseModel):
    """The model's critique merged with the checker's findings (checker only on the offline engine)."""

    findings: list[CritiqueFinding] = Field(default_factory=list)
    passed: bool
    engine: Literal["offline", "openai"] = "offline"
    model: str | None = None
    attempts: int = 0
    fallback: bool = False
    error: str | None = None
    calls: int = 0
    usage: Usage = Field(default_factory=Usage)
    prompt_id: str | None = None
    prompt_hash: str | None = None
    #: Items of the model's critique dropped for quoting words that are not in the draft (or naming no rule).
    dropped_findings: int = 0
    timing: Timing | None = None
