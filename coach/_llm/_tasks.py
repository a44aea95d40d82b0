"""The two things the model is asked for: a rewrite (guarded) and a critique (merged with the checker's)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .._checker import check
from .._critique import merge_findings
from .._errors import InputError
from .._facts import extract_facts, invented_facts, missing_facts
from .._models import CheckResult, CritiqueResult, Finding, RewriteResult
from .._offline import rewrite_offline
from .._policy import Policy
from .._rules import load_rules
from .._untrusted import without_instructions
from ._answer import CritiqueAnswer, CritiqueItem, RewriteAnswer, locate_quote
from ._exchange import Exchange, Rejected
from ._prompts import untrusted

__all__ = ["RewriteTask", "CritiqueTask"]

_MAX_GUARD_PROBLEMS = 6


def _policy_lines(policy: Policy) -> str:
    lines = [f"- {line}" for line in policy.commitments] or ["- (none: commit only to your own next actions)"]
    if policy.banned_phrases:
        lines.append("Phrases the team bans: " + "; ".join(f'"{p}"' for p in policy.banned_phrases))
    return "\n".join(lines)


def _model_findings(items: list[CritiqueItem], draft: str, policy: Policy) -> list[Finding]:
    """The model's critique as findings: severities and suggestions from the rulebook (and the policy)."""
    rules = load_rules()
    findings = []
    for item in items:
        rule = rules.get(item.rule)
        severity = policy.severity.get(item.rule, rule.severity if rule else "info")
        if rule is None or severity is None:  # a rule the policy switched off
            continue
        span = locate_quote(draft, item.quote) if item.quote else None
        findings.append(Finding(
            rule=item.rule, severity=severity, start=span[0] if span else None, end=span[1] if span else None,
            quote=draft[span[0]:span[1]] if span else None, message=item.why.strip() or rule.message,
            suggestion=rule.suggestion,
        ))
    return findings


def _describe(finding: Finding) -> str:
    where = f' ("{finding.quote}")' if finding.quote else ""
    return f"{finding.rule}{where}: {finding.message} {finding.suggestion}"


@dataclass
class RewriteTask:
    draft: str
    customer: str | None
    policy: Policy
    answer_type: type[RewriteAnswer] = RewriteAnswer
    after: CheckResult | None = field(default=None, repr=False)

    def prompt_values(self) -> dict[str, str]:
        facts = extract_facts(without_instructions(self.draft))
        return {
            "policy": _policy_lines(self.policy),
            "facts": "\n".join(f"- {fact}" for fact in facts) or "- (none)",
            "customer": untrusted(self.customer) if self.customer and self.customer.strip() else "(not given)",
            "draft": untrusted(self.draft),
        }

    def judge(self, answer: RewriteAnswer) -> list[str]:
        """The guard: the checker finds no error or warning, the draft's facts are kept and none invented."""
        try:
            self.after = check(answer.rewrite, self.customer, self.policy)
        except InputError as exc:
            return [f"the rewrite cannot be checked: {exc}"]
        problems = [f"your rewrite breaks {_describe(f)}" for f in self.after.findings if f.blocking]
        missing = missing_facts(without_instructions(self.draft), answer.rewrite)
        if missing:
            problems.append("keep these facts from the draft exactly as written: " + ", ".join(missing))
        invented = invented_facts(answer.rewrite, self.draft, self.customer or "", *self.policy.commitments)
        if invented:
            problems.append("remove what is in neither the draft, the customer's message nor the policy: "
                            + ", ".join(invented))
        return problems[:_MAX_GUARD_PROBLEMS]

    def success(self, exchange: Exchange[RewriteAnswer], answer: RewriteAnswer) -> RewriteResult:
        assert self.after is not None  # set by judge()
        return RewriteResult(
            rewrite=answer.rewrite, engine="openai", model=exchange.model, passed=True,
            findings_before=check(self.draft, self.customer, self.policy).findings,
            findings_after=self.after.findings,
            model_findings=_model_findings(answer.critique, self.draft, self.policy), **exchange.stats(),
        )

    def fallback(self, exchange: Exchange[RewriteAnswer], rejected: Rejected) -> RewriteResult:
        """The offline engine's rewrite, with what the model said and why its answers were not shipped."""
        offline = rewrite_offline(self.draft, self.customer, self.policy)
        last = exchange.last_answer
        return offline.model_copy(update={
            "engine": "openai", "model": exchange.model, "fallback": True,
            "error": _rejection_summary(exchange, rejected),
            "model_findings": _model_findings(last.critique, self.draft, self.policy) if last else [],
            **exchange.stats(),
        })


@dataclass
class CritiqueTask:
    draft: str
    customer: str | None
    policy: Policy
    answer_type: type[CritiqueAnswer] = CritiqueAnswer

    def prompt_values(self) -> dict[str, str]:
        return {k: v for k, v in RewriteTask(self.draft, self.customer, self.policy).prompt_values().items()
                if k != "facts"}

    def judge(self, answer: CritiqueAnswer) -> list[str]:
        return []  # the answer's contract (known rule ids, quotes found in the draft) is all there is

    def success(self, exchange: Exchange[CritiqueAnswer], answer: CritiqueAnswer) -> CritiqueResult:
        checked = check(self.draft, self.customer, self.policy)
        findings = merge_findings(checked.findings, _model_findings(answer.critique, self.draft, self.policy))
        return CritiqueResult(findings=findings, passed=not any(f.blocking for f in findings), engine="openai",
                              model=exchange.model, **exchange.stats())

    def fallback(self, exchange: Exchange[CritiqueAnswer], rejected: Rejected) -> CritiqueResult:
        checked = check(self.draft, self.customer, self.policy)
        return CritiqueResult(findings=merge_findings(checked.findings, []), passed=checked.passed, engine="openai",
                              model=exchange.model, fallback=True, error=_rejection_summary(exchange, rejected),
                              **exchange.stats())


def _rejection_summary(exchange: Exchange, rejected: Rejected) -> str:
    return (f"{exchange.answers} model answer(s) rejected; the last because: "
            + "; ".join(rejected.problems[:3]))[:600]

