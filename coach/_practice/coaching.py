"""Coaching one practice reply: the checker's findings (most severe first), whether the reply says the
customer's problem back and gives a concrete step, one short tip, and how it lands with the customer."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from .._core.checker import check, validate_draft
from .._core.results import SEVERITY_RANK, Finding
from .._core.rules import RULE_IDS
from .scenarios import Scenario

__all__ = ["Outcome", "ReplyReview", "review_reply", "tip_for", "effect_of", "SEVERITY_WEIGHT"]

Outcome = Literal["worse", "same", "better"]
#: How much a finding of each severity costs a reply when the best and worst replies are picked.
SEVERITY_WEIGHT = {"error": 4, "warning": 2, "info": 1, "suggestion": 0}
_TIPS = Path(__file__).with_name("tips.toml")


@lru_cache(maxsize=1)
def _tips() -> dict[str, dict[str, str]]:
    return tomllib.loads(_TIPS.read_text(encoding="utf-8"))


def tip_for(key: str) -> str:
    """The short tip for a rule id, or for ``restate``, ``step`` and ``clean``."""
    return _tips().get(key, {}).get("tip", "")


def effect_of(rule: str) -> str:
    """How a finding of ``rule`` sounds to the customer ("it sounded ...")."""
    return _tips().get(rule, {}).get("effect", "off")


class ReplyReview(BaseModel):
    """What the coach says about one practice reply."""

    findings: list[Finding]
    restated: bool
    next_step: bool
    tip: str
    outcome: Outcome

    @property
    def penalty(self) -> int:
        """Lower is better: the findings' weight, less a point each for restating and for a step."""
        return sum(SEVERITY_WEIGHT[f.severity] for f in self.findings) - self.restated - self.next_step


def _mentions(reply: str, terms: list[str]) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(term), reply, re.I) for term in terms)


def _order(findings: list[Finding]) -> list[Finding]:
    """Most severe first; within a severity, in the rulebook's order, then by place."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity],
                                           RULE_IDS.index(f.rule) if f.rule in RULE_IDS else len(RULE_IDS),
                                           f.start if f.start is not None else 1 << 30))


def review_reply(scenario: Scenario, customer_said: str, reply: str) -> ReplyReview:
    """Check ``reply`` against the scenario's policy, with what the customer has said as the message it answers.

    An empty or over-long reply is an ``InputError`` (the checker's own), before anything is recorded.
    """
    validate_draft(reply)
    findings = _order(check(reply, customer_said, scenario.team_policy).findings)
    rules = {f.rule for f in findings}
    restated = "no-acknowledgement" not in rules and _mentions(reply, scenario.problem.key_terms)
    next_step = "no-next-step" not in rules
    blocking = any(f.blocking for f in findings)
    if blocking or not (restated or next_step):
        outcome: Outcome = "worse"
    elif restated and next_step:
        outcome = "better"
    else:
        outcome = "same"
    if findings and findings[0].severity in ("error", "warning", "info"):
        tip = tip_for(findings[0].rule)
    elif not restated:
        tip = tip_for("restate")
    elif not next_step:
        tip = tip_for("step")
    elif findings:
        tip = tip_for(findings[0].rule)
    else:
        tip = tip_for("clean")
    return ReplyReview(findings=findings, restated=restated, next_step=next_step, tip=tip, outcome=outcome)
