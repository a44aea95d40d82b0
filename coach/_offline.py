"""The offline engine: a deterministic rewrite that needs no model (placeholder until written)."""

from __future__ import annotations

from ._checker import check
from ._models import RewriteResult
from ._policy import Policy

__all__ = ["rewrite_offline"]


def rewrite_offline(draft: str, customer: str | None = None, policy: Policy | None = None) -> RewriteResult:
    before = check(draft, customer, policy)
    text = draft
    after = check(text, customer, policy)
    return RewriteResult(
        rewrite=text, engine="offline", passed=after.passed,
        findings_before=before.findings, findings_after=after.findings,
    )
