"""``coach critique``: the checker's findings and the model's, merged, each saying who raised it."""

from __future__ import annotations

from .results import SEVERITY_RANK, CheckResult, CritiqueFinding, CritiqueResult, Finding

__all__ = ["merge_findings", "offline_critique"]


def _same_problem(a: Finding, b: Finding) -> bool:
    if a.rule != b.rule:
        return False
    if a.start is None or b.start is None:
        return a.start is None and b.start is None
    return a.start < b.end and b.start < a.end


def merge_findings(checker: list[Finding], model: list[Finding]) -> list[CritiqueFinding]:
    """All checker findings, plus the model's that the checker did not raise (same rule, overlapping span)."""
    merged = [CritiqueFinding(**f.model_dump(), source="checker") for f in checker]
    merged += [
        CritiqueFinding(**f.model_dump(), source="model")
        for f in model
        if not any(_same_problem(f, c) for c in checker)
    ]
    merged.sort(key=lambda f: (f.start is None, f.start or 0, -SEVERITY_RANK[f.severity], f.source))
    return merged


def offline_critique(checked: CheckResult) -> CritiqueResult:
    return CritiqueResult(findings=merge_findings(checked.findings, []), passed=checked.passed, engine="offline",
                          assessed=checked.assessed, language=checked.language)
