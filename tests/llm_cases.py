"""Drafts, answers and checks shared by the openai-engine tests."""

from __future__ import annotations

from coach import Policy
from coach._core.checker import check
from coach._core.facts import invented_facts, missing_facts

DRAFT = "Sorry for the inconvenience. I'll see what I can do about order #4417."
CUSTOMER = "My order #4417 arrived with a cracked screen."
GOOD_REWRITE = (
    "Thank you for telling us that order #4417 arrived with a cracked screen. I'm sorry the screen was damaged "
    "in transit. I'm asking the warehouse what happened and I'll email you the replacement options."
)
GOOD_CRITIQUE = [
    {"rule": "bland-apology", "quote": "Sorry for the inconvenience.", "why": "It names no problem."},
    {"rule": "vague-effort", "quote": "I'll see what I can do", "why": "It promises no action."},
]
PROMISING_REWRITE = (
    "Thank you for telling us that order #4417 arrived with a cracked screen. I promise you will get a full "
    "refund today."
)


def passes_guard(rewrite: str, draft: str, customer: str | None = None, policy: Policy | None = None) -> bool:
    """The coach's guard, restated: no error or warning, the draft's facts kept, none invented."""
    policy = policy or Policy()
    blocking = [f for f in check(rewrite, customer, policy).findings if f.blocking]
    invented = invented_facts(rewrite, draft, customer or "", *policy.commitments)
    return not blocking and not missing_facts(draft, rewrite) and not invented


def has_broken_promise(text: str, customer: str | None = None, policy: Policy | None = None) -> bool:
    return any(f.rule == "broken-promise" for f in check(text, customer, policy or Policy()).findings)
