"""Pydantic models: the shape of every result, shared by the API, the CLI's JSON and the evals."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Severity", "SEVERITY_RANK", "Finding", "CheckResult", "Usage", "Timing", "RewriteResult",
    "CritiqueFinding", "CritiqueResult", "verdict",
]

Severity = Literal["error", "warning", "info", "suggestion"]

#: Higher is more severe. ``passed`` is false when any finding ranks at warning or above.
#: ``passed`` is None when the rules could not read the reply (``assessed`` false) and found nothing
#: blocking: no verdict was reached, so it never reads as a pass.
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


def verdict(findings: list[Finding], assessed: bool) -> bool | None:
    """False on a blocking finding; else True when the reply was assessed, None when it was not."""
    if any(f.blocking for f in findings):
        return False
    return True if assessed else None


class CheckResult(BaseModel):
    findings: list[Finding] = Field(default_factory=list)
    passed: bool | None
    #: False when the rules could not judge the reply (they are English-only): no verdict either way,
    #: only the policy's banned phrases were looked for. ``language`` is the detected language.
    assessed: bool = True
    language: str = "en"

    @classmethod
    def from_findings(cls, findings: list[Finding], *, language: str = "en") -> "CheckResult":
        return cls(findings=findings, passed=verdict(findings, language == "en"), assessed=language == "en",
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

    #: The item's id in a batch (``rewrite_many``: the item's ``id``, else its index); None for one draft.
    id: str | int | None = None
    rewrite: str
    engine: Literal["offline", "openai"]
    model: str | None = None
    passed: bool | None
    findings_before: list[Finding] = Field(default_factory=list)
    findings_after: list[Finding] = Field(default_factory=list)
    attempts: int = 1
    fallback: bool = False
    error: str | None = None
    #: False when the draft is not in a language the rules can assess: it is returned unchanged.
    assessed: bool = True
    #: Lines the offline engine wrote itself (not the agent's words): ``passed`` stays None until a person reads them.
    review: list[str] = Field(default_factory=list)
    #: Policy lines whose condition on a grant in the rewrite (a window, proof, an approval) the rewrite does not show
    #: met, or that grant on a condition what the rewrite refuses or charges: the rules cannot tell whether this case
    #: meets them, so ``passed`` stays None until a person has checked.
    unchecked: list[str] = Field(default_factory=list)
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
    passed: bool | None
    #: As in ``CheckResult``: False (and ``passed`` None unless a policy phrase failed it) for another language.
    assessed: bool = True
    language: str = "en"
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
