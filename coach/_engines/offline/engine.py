"""The offline engine: a deterministic rewrite that needs no model and keeps every fact of the draft.

It edits only what the checker flags: bland apologies, pity and unkeepable promises are dropped or
replaced, vague efforts become actions, and thanks, a restatement of the customer's problem and a
concrete next step are added where missing. A sentence that holds a fact is edited, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..._core.checker import check
from ..._core.facts import extract_facts
from ..._core.guard import guard
from ..._core.policy import Policy
from ..._core.results import CheckResult, Finding, RewriteResult
from ..._core.rules import load_rules
from ..._core.text import content_words, html_to_text, looks_english, split_sentences, stem
from ..._core.untrusted import without_instructions
from .edits import (
    capitalise,
    hedge_promise,
    remove_apology,
    remove_parroting,
    remove_phrase,
    remove_pity,
    soften_vague_effort,
    tidy,
)
from .restate import restate_problem

__all__ = ["rewrite_offline"]

_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^.!?,\n]{0,30}?[,!.]|hey\s+there!?)\s*",
    re.I,
)
_SIGNATURE = re.compile(
    r"(?:(?<=\s)|^)(?:(?:thanks|thx|ty|cheers)!?\s*)?(?:[-–—~^*/]\s?[A-Z][\w.]{0,15}(?:\s[A-Z][\w.]{0,15})?|\d/\d)"
    r"(?:\s+https?://\S+)?(?:\s+\d/\d)?\s*$",
    re.I,
)
_INTERJECTION = re.compile(r"^(?:wow|oh\s+no|oh\s+dear|oh\s+my(?:\s+gosh|\s+god)?|yikes|ugh|geez|gosh|omg|ouch|whoa)\W*$", re.I)
_NEVER_AGAIN = re.compile(r"\bnever\s+happen\s+again|\bhappen\s+again\b", re.I)
_SAFE_COMMITMENTS = (
    (re.compile(r"\brefund", re.I), "I'll check whether a refund applies here and let you know what I find."),
    (re.compile(r"\breplac", re.I), "I'll check what we can do about a replacement and update you."),
    (re.compile(r"\b(?:deliver|arriv|ship)", re.I), "I'll check on the delivery and update you as soon as I know more."),
    (re.compile(r"\b(?:credit|compensat|reimburs|waive)", re.I), "I'll check what options are open to you and update you."),
)
_ID_LIKE = re.compile(r"#?(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z#]|\d{4,})[A-Za-z0-9-]{4,}|#\d+")
_FIX_IT = "I'll find out what went wrong and update you on the next steps."
_LEARN = "I'll pass this on to the team so they can look at what went wrong."
_THANKS_PLAIN = "Thanks for reaching out about this."


@dataclass
class _Piece:
    """One sentence of the draft and the whitespace that followed it."""

    text: str
    gap: str
    start: int
    end: int
    facts: bool

    def overlaps(self, f: Finding) -> bool:
        return f.start is not None and f.start < self.end and f.end > self.start


def rewrite_offline(draft: str, customer: str | None = None, policy: Policy | None = None) -> RewriteResult:
    policy = policy or Policy()
    before = check(draft, customer, policy)
    checked = {draft: before}  # each text is checked once, however many steps look at it
    text = draft
    if looks_english(draft):
        plain = without_instructions(html_to_text(draft))
        findings = before.findings if plain == draft else check(plain, customer, policy, max_chars=None).findings
        rewriter = _Rewriter(plain, customer, policy, findings)
        text = rewriter.run()
        checked.update(rewriter.checked)
    after = checked.get(text) or check(text, customer, policy, max_chars=None)
    return RewriteResult(
        rewrite=text,
        engine="offline",
        passed=guard(draft, text, customer, policy, after=after).passed,
        findings_before=before.findings,
        findings_after=after.findings,
    )


class _Rewriter:
    def __init__(self, draft: str, customer: str | None, policy: Policy, findings: list[Finding]):
        self.draft, self.customer, self.policy, self.findings = draft, customer, policy, findings
        self.rules = {f.rule for f in findings}
        self.parrot_generic = load_rules()["parroting"].words("generic")
        self.used_policy: set[str] = set()
        self.checked: dict[str, CheckResult] = {}

    def run(self) -> str:
        if not self.findings:
            return self.draft
        body, signature = _split_signature(self.draft)
        greeting_match = _GREETING.match(body)
        greeting = greeting_match.group().strip() if greeting_match else ""
        offset = greeting_match.end() if greeting_match else 0
        pieces = _pieces(body, offset)
        kept = [p for p in (self._edit(p) for p in pieces) if p.text and not _INTERJECTION.match(p.text)]
        opening = self._opening(kept)
        if greeting.endswith(",") and opening and not re.match(r"I\b", opening):
            opening = opening[0].lower() + opening[1:]
        middle = "".join(p.text + p.gap for p in kept).strip().lstrip(",;:–—- ")
        if greeting or opening:
            middle = capitalise(middle)
        text = " ".join(part for part in (opening, middle) if part)
        parts = [greeting, text, self._closing(text), signature.strip()]
        return self._settle(" ".join(part for part in parts if part))

    # -- per-sentence edits --------------------------------------------------------------------

    def _edit(self, piece: _Piece) -> _Piece:
        hits = [f for f in self.findings if piece.overlaps(f)]
        text = piece.text
        for rule in ("banned-phrase", "pity", "broken-promise", "bland-apology", "vague-effort", "parroting"):
            for f in (h for h in hits if h.rule == rule):
                text = self._fix(rule, text, f, piece)
                if not text:
                    break
            if not text:
                break
        if text != piece.text and piece.facts and set(extract_facts(piece.text)) - set(extract_facts(text)):
            text = hedge_promise(piece.text) if "broken-promise" in {h.rule for h in hits} else piece.text
        return _Piece(text, piece.gap, piece.start, piece.end, piece.facts)

    def _fix(self, rule: str, text: str, f: Finding, piece: _Piece) -> str:
        local = _locate(text, f.quote)
        if rule == "banned-phrase":
            return remove_phrase(text, *local) if local else text
        if rule == "pity":
            return remove_pity(text, f.quote or "", keep_facts=piece.facts)
        if rule == "broken-promise":
            return hedge_promise(text) if piece.facts else self._safe_commitment(text)
        if rule == "bland-apology":
            return remove_apology(text)
        if rule == "vague-effort":
            return soften_vague_effort(text) if not piece.facts else _keep_facts(soften_vague_effort(text), text)
        if rule == "parroting":
            return remove_parroting(text, self.parrot_generic)
        return text

    def _safe_commitment(self, text: str) -> str:
        for line in self.policy.commitments:
            if _same_topic(line, text) and line not in self.used_policy:
                self.used_policy.add(line)
                return tidy(line.rstrip(".") + ".")
        if _NEVER_AGAIN.search(text):
            return _LEARN
        for pattern, replacement in _SAFE_COMMITMENTS:
            if pattern.search(text):
                return replacement
        return _FIX_IT

    # -- additions -----------------------------------------------------------------------------

    def _opening(self, kept: list[_Piece]) -> str:
        body = " ".join(p.text for p in kept)
        problem = restate_problem(self.customer)
        if problem and (_already_said(problem, body) or _flagged(problem, self.policy)):
            problem = None
        if "no-thanks" in self.rules or not load_rules()["no-thanks"].pattern("patterns").search(body):
            return f"Thanks for letting us know that {problem}." if problem else _THANKS_PLAIN
        if problem and "bland-apology" in self.rules:
            return f"I'm sorry to hear {problem}."
        if problem and "no-acknowledgement" in self.rules:
            return f"I can see that {problem}."
        return ""

    def _closing(self, text: str) -> str:
        if any(f.rule == "no-next-step" for f in check(text or ".", self.customer, self.policy, max_chars=None).findings):
            return self._next_step()
        return ""

    def _next_step(self) -> str:
        topic = " ".join(filter(None, [self.customer, self.draft]))
        policy_line = next(
            (line for line in self.policy.commitments if _same_topic(line, topic) and line not in self.used_policy), None
        )
        ids = [fact for fact in extract_facts(self.draft) if _ID_LIKE.fullmatch(fact)]
        action = (
            f"I'll look into {ids[0]} now and update you here as soon as I have news."
            if ids
            else "Please reply with your order or account details, and I'll look into this for you."
        )
        return f"{tidy(policy_line.rstrip('.'))}. {action}" if policy_line else action

    def _settle(self, text: str) -> str:
        """Second pass: drop any fact-free sentence still flagged at warning or above."""
        result = self.checked[text] = check(text, self.customer, self.policy, max_chars=None)
        blocking = [f for f in result.findings if f.blocking and f.start is not None]
        if not blocking:
            return text
        out = []
        for sentence in split_sentences(text):
            flagged = any(f.start < sentence.end and f.end > sentence.start for f in blocking)
            if flagged and not extract_facts(sentence.text):
                continue
            out.append(sentence.text)
        settled = " ".join(out)
        return f"{settled} {self._closing(settled)}".strip() if settled else text


def _split_signature(text: str) -> tuple[str, str]:
    m = _SIGNATURE.search(text)
    if m and m.start() > 0:
        return text[: m.start()], text[m.start() :]
    return text, ""


def _pieces(body: str, offset: int) -> list[_Piece]:
    sentences = [s for s in split_sentences(body) if s.end > offset]
    pieces = []
    for i, s in enumerate(sentences):
        start = max(s.start, offset)
        text = body[start : s.end].strip()
        next_start = sentences[i + 1].start if i + 1 < len(sentences) else len(body)
        gap = body[s.end : next_start] or " "
        pieces.append(_Piece(text, gap if gap.strip() == "" else " ", start, s.end, bool(extract_facts(text))))
    return pieces


def _locate(text: str, quote: str | None) -> tuple[int, int] | None:
    if not quote:
        return None
    i = text.find(quote)
    return (i, i + len(quote)) if i >= 0 else None


def _keep_facts(edited: str, original: str) -> str:
    return edited if set(extract_facts(original)) <= set(extract_facts(edited)) else original


def _same_topic(policy_line: str, text: str) -> bool:
    """True when ``text`` is about what ``policy_line`` covers (most of the line's topic words appear)."""
    ignore = frozenset("within business working days day hours issued available".split())
    line = {stem(w) for w in content_words(policy_line, ignore)}
    shared = line & {stem(w) for w in content_words(text, ignore)}
    return bool(shared) and (len(shared) >= 2 or len(shared) / len(line) >= 0.5)


def _flagged(clause: str, policy: Policy) -> bool:
    """A restated clause must not bring the customer's own promise-like wording into the reply."""
    return any(f.blocking and f.start is not None for f in check(f"I see that {clause}.", None, policy).findings)


def _already_said(problem: str, body: str) -> bool:
    words = {stem(w) for w in content_words(problem)}
    said = {stem(w) for w in content_words(body)}
    return bool(words) and len(words & said) / len(words) > 0.6
