"""The two things the model is asked for: a rewrite (held to the guard) and a critique (merged with the checker's)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..._core.checker import check
from ..._core.critique import merge_findings
from ..._core.facts import extract_facts, is_time_phrase
from ..._core.guard import GuardVerdict, guard
from ..._core.policy import Policy
from ..._core.results import CheckResult, CritiqueResult, Finding, RewriteResult
from ..._core.rules import load_rules
from ..._core.untrusted import without_instructions
from ..base import EngineFailed
from .answer import CritiqueAnswer, CritiqueItem, RewriteAnswer, locate_quote
from .exchange import Exchange, Rejected
from .prompts import untrusted

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
    """One blocking finding as an instruction: what to change first, then the rulebook's why and how."""
    if finding.quote:
        return f'remove or reword "{finding.quote}" ({finding.rule}): {finding.message} {finding.suggestion}'
    return f"your rewrite breaks {finding.rule}: {finding.message} {finding.suggestion}"


@dataclass
class RewriteTask:
    draft: str
    customer: str | None
    policy: Policy
    answer_type: type[RewriteAnswer] = RewriteAnswer
    verdict: GuardVerdict | None = field(default=None, repr=False)
    shipped: str | None = field(default=None, repr=False)  # what review() judged: the answer's rewrite or the draft

    def prompt_values(self) -> dict[str, str]:
        facts = extract_facts(without_instructions(self.draft))
        return {
            "policy": _policy_lines(self.policy),
            "facts": "\n".join(f"- {fact}" for fact in facts) or "- (none)",
            "customer": untrusted(self.customer) if self.customer and self.customer.strip() else "(not given)",
            "draft": untrusted(self.draft),
        }

    @cached_property
    def before(self) -> CheckResult:
        """The checker on the draft, once (a CritiqueTask borrowing prompt_values never needs it)."""
        return check(self.draft, self.customer, self.policy)

    def keeps_draft(self, answer: RewriteAnswer) -> bool:
        """Neither the checker nor the model's critique finds an error or a warning: the draft is the agent's own
        and ships unchanged, however the model would have put it (only suggestions are left to the agent)."""
        model_found = _model_findings(answer.critique, self.draft, self.policy)
        return not any(f.blocking for f in (*self.before.findings, *model_found))

    def review(self, answer: RewriteAnswer) -> list[str]:
        """The guard's verdict on the answer, as the problems to send back with a re-ask (none: it passes)."""
        self.shipped = self.draft if self.keeps_draft(answer) else answer.rewrite
        self.verdict = guard(self.draft, self.shipped, self.customer, self.policy)
        problems = _guard_problems(self.verdict)[:_MAX_GUARD_PROBLEMS]
        if not self.verdict.passed and not problems:  # never a pass the guard did not give
            problems = ["the rewrite does not pass the coach's checks: " + "; ".join(self.verdict.problems[:3])]
        return problems

    def success(self, exchange: Exchange[RewriteAnswer], answer: RewriteAnswer) -> RewriteResult:
        assert self.verdict is not None and self.verdict.after is not None and self.shipped is not None  # review()
        return RewriteResult(
            rewrite=self.shipped, engine="openai",
            # a doubt the rules cannot settle (the answer never names the customer's problem), or a policy condition
            # they cannot check, is no pass either
            model=exchange.model, passed=True if self.verdict.settled else None, findings_before=self.before.findings,
            findings_after=self.verdict.after.findings, unchecked=self.verdict.unchecked,
            review=self.verdict.slips + self.verdict.orphans,
            model_findings=_model_findings(answer.critique, self.draft, self.policy), dropped_findings=answer.dropped,
            **exchange.stats(),
        )

    def failed(self, exchange: Exchange[RewriteAnswer], rejected: Rejected) -> EngineFailed:
        """No answer passed the guard: what the model said, and why none of its answers can be shipped."""
        last = exchange.last_answer
        return EngineFailed(_rejection_summary(exchange, rejected), {
            "engine": "openai", "model": exchange.model,
            "model_findings": _model_findings(last.critique, self.draft, self.policy) if last else [],
            "dropped_findings": last.dropped if last else 0, **exchange.stats(),
        })


def _guard_problems(verdict: GuardVerdict) -> list[str]:
    """The guard's reasons, as feedback the model can act on (the wording is part of recorded cassettes)."""
    if verdict.unreadable:
        return [f"the rewrite cannot be checked: {verdict.unreadable}"]
    problems = [_describe(f) for f in verdict.blocking]
    if verdict.language:
        problems.append(f"{verdict.language}, every sentence of it")
    if verdict.missing:
        problems.append("keep these facts from the draft exactly as written: " + ", ".join(verdict.missing))
    times = [fact for fact in verdict.invented if is_time_phrase(fact)]
    others = [fact for fact in verdict.invented if fact not in times]
    if others:
        problems.append("remove what is in neither the draft, the customer's message nor the policy: "
                        + ", ".join(others))
    if times:
        problems.append("remove the time " + ", ".join(f'"{t}"' for t in times) + ": neither the draft, the "
                        "customer's message nor the policy gives it, so it is an invented deadline; say what you "
                        "will do without a time, or use a timeline from the policy lines")
    if verdict.disfluent:
        problems.append("fix what reads badly (write whole, fluent sentences): " + "; ".join(verdict.disfluent[:3]))
    if verdict.customer_voice:
        quoted = ", ".join(f'"{phrase}"' for phrase in verdict.customer_voice)
        problems.append(f"write to the customer, not as the customer: {quoted} copies the customer's own "
                        "first person; the customer's \"my\" becomes \"your\" and their \"I\" becomes \"you\" "
                        "(\"your order\", \"you were charged\")")
    return problems


@dataclass
class CritiqueTask:
    draft: str
    customer: str | None
    policy: Policy
    answer_type: type[CritiqueAnswer] = CritiqueAnswer

    def prompt_values(self) -> dict[str, str]:
        return {k: v for k, v in RewriteTask(self.draft, self.customer, self.policy).prompt_values().items()
                if k != "facts"}

    def review(self, answer: CritiqueAnswer) -> list[str]:
        return []  # lenient: unusable items were dropped (and counted) when the answer was parsed

    def success(self, exchange: Exchange[CritiqueAnswer], answer: CritiqueAnswer) -> CritiqueResult:
        checked = check(self.draft, self.customer, self.policy)
        findings = merge_findings(checked.findings, _model_findings(answer.critique, self.draft, self.policy))
        return CritiqueResult(findings=findings, passed=not any(f.blocking for f in findings), engine="openai",
                              model=exchange.model, dropped_findings=answer.dropped, **exchange.stats())

    def failed(self, exchange: Exchange[CritiqueAnswer], rejected: Rejected) -> EngineFailed:
        return EngineFailed(_rejection_summary(exchange, rejected),
                            {"engine": "openai", "model": exchange.model, **exchange.stats()})


def _rejection_summary(exchange: Exchange, rejected: Rejected) -> str:
    return (f"{exchange.answers} model answer(s) rejected; the last because: "
            + "; ".join(rejected.problems[:3]))[:600]

