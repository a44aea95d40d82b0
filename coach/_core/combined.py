"""Rules and learned model as one checker: the model adds what the rules miss and vetoes their weakest matches.

``use`` picks the layers: ``"rules"`` (the rulebook's detectors alone), ``"model"`` (the learned heads alone)
or ``"combined"`` (what the coach ships). Thresholds come from the artifact, chosen on the tune split.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Literal, get_args

from .learned import REPLY_RULES, SENTENCE_RULES, load_learned
from .policy import Policy
from .results import Finding
from .rules import Rule
from .text import Sentence, looks_english

__all__ = ["Layers", "LAYERS", "apply_model", "explicit_step"]

Layers = Literal["rules", "model", "combined"]
LAYERS: tuple[str, ...] = get_args(Layers)


def explicit_step(rule: Rule, sentences: list[Sentence]) -> bool:
    """no-next-step's own reading: a sentence that asks, instructs or states an action (not an open offer)."""
    steps, not_steps, offers = rule.pattern("patterns"), rule.pattern("not_steps"), rule.pattern("offers")
    is_step = _step_reader(steps.pattern, not_steps.pattern, offers.pattern, steps.flags)
    # ("@jess Reply here with ...": the step; "sorry that your train was cancelled": their story, not a step)
    texts = [_own_words(s.text) for s in sentences]
    return any(is_step(text) or any(_DONE.search(part) and is_step(part) for part in _DASHED.split(text)[:-1])
               for text in texts)  # (an action done before a dash stands apart from the open offer after it: "I've
    # changed the reservation — let me know if anything else looks off"; not "Feel free to reach out — any time")


@lru_cache(maxsize=4096)  # an engine checks the same sentences again with each candidate edit
def _own_words(sentence: str) -> str:
    """What is left of a sentence once its non-step part goes ("Your claim has been logged under reference CL-20931
    and our assessor will call you on Tuesday"), less handles and the customer's story said back."""
    return _TOLD_THAT.sub("", _HANDLES.sub("", _NO_STEP.sub(" ", sentence)))


_HANDLES = re.compile(r"^(?:@[\w.]+[\s,:]*)+")
# sentences that read like steps and are none: a request filed and nothing done with it ("Your enquiry has been logged
# under reference HB/772031."), a wait or a ban put on the customer ("Kindly wait patiently.", "Please do not contact the
# surgery"), a record quoted back ("Our records show a reminder was sent"), a pointer to general information, a backlog,
# a sales line ("Sign up at ... to get 10% off", "Just download MedsDirect from the App Store")
_NO_STEP = re.compile(
    r"^\W*(?:your|the)\s+(?:[\w-]+\s+){0,3}(?:request|enquiry|inquiry|complaint|claim|query|correspondence|representation|"
    r"application|objection|feedback|case|report)\b[^.!?]*?\b(?:has|have)\s+been\s+(?:logged|noted|received|recorded|"
    r"registered|acknowledged)\b(?:\s+and\s+(?:is|are)\s+(?:(?:still|currently)\s+)?(?:being\s+(?:processed|reviewed|"
    r"looked\s+at)|under\s+(?:process|review)|in\s+(?:the|a)\s+queue)\b)?"  # ("... received and is being processed")
    r"(?=\s*(?:\(|under\b|with\b|as\b|[.!?;,]|$))(?:\s+(?:under|with|as)\b[^.!?;]*?"
    r"(?=\s+and\b|[,;]|[.!?]|$))?|"  # (not "has been logged and passed to the crew supervisor")
    r"^\W*(?:your|the)\s+(?:[\w-]+\s+){0,3}(?:request|enquiry|inquiry|complaint|claim|query|application|refund|case|"
    r"appeal|order)\b(?:(?!\b(?:passed|sent|escalated|forwarded|assigned|referred|and)\b)[^.!?]){0,40}\b(?:is|are)\s+"
    r"(?:(?:still|currently)\s+)?(?:being\s+(?:processed|reviewed|looked\s+at)|under\s+(?:process|review)|"
    r"in\s+(?:the|a)\s+queue)\b(?:\s+(?:by|with)\s+(?:the|our)\s+[\w\s-]{0,30}?)?(?:\s+at\s+the\s+moment)?(?=\s*[.!?]*\s*$)|"
    r"^\W*(?:kindly|please)\s+(?:wait\s+patiently|be\s+patient)\b[^:;–—.!?]*|"  # (all of "Please be patient while the
    # matter is being looked into"; not what follows "Kindly wait patiently:")
    r"^\W*(?:kindly\s+|please\s+)?(?:do\s+not|don['’]t)\s+(?:contact|call|email|e-mail|chase|write\s+to|ring)\b[^.!?;:,–—-]*|"
    r"^\W*our\s+records\s+show\b[^.!?;]*?(?=,?\s+(?:so|and|but)\s+(?:please|I|we|you)\b|[;.!?]|$)|"
    r"^\W*(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,30},\s*)?did\s+you\s+know\b[^.!?]*[.!?]?|"
    r"\b(?:information|details)\s+(?:about|on)\b[^.!?]*\bcan\s+be\s+found\s+(?:at|on)\s+\S+|"
    r"\b(?:(?:we|I)(?:['’]re|\s+are|['’]m|\s+am)\s+)?(?:currently\s+)?working\s+through\s+(?:a|the|our)\s+backlog\b"
    r"(?:\s+of\s+\w+)?|"
    r"\b(?:sign\s+up|join|subscribe)\b.{0,80}?(?:\bfor\s+(?:just|only)\s+\S+(?:\s+a\s+(?:month|year|week))?|"
    r"\bto\s+get\s+\d+\s?%[^.!?]*|\d+\s?%\s+off\b[^.!?]*)|"
    r"\bdownload\s+[\w-]+\s+from\s+the\s+(?:app\s+store|google\s+play|play\s+store)\b[^.!?]*", re.I)
# what the customer told, said back after thanks or an apology, up to the agent's own clause
_TOLD_THAT = re.compile(r"\b(?:(?:thanks|thank\s+you)\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:letting\s+(?:us|me)\s+know|"
                        r"telling\s+(?:us|me)|flagging|explaining|sharing|reporting|raising)|sorry(?:\s+to\s+(?:hear|see|learn|read))?|"
                        r"(?:I|we)\s+(?:understand|regret))\s+that\b(?:[^;:.!?]|(?<=\d)[.:](?=\d))*?"
                        r"(?=[;!?]|[:.](?!\d)|,?\s+(?:and|so|but)\s+(?:I|we)\b|"  # up to the agent's own clause: "..., and I've",
                        r",\s+(?:which|when|(?:I|we)(?:['’]\w+)?\s)|\s[—–-]\s|$)", re.I)  # ", we've refunded", ", which is why"
_DASHED = re.compile(r"\s+[—–]\s+")
_DONE = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:just\s+|already\s+|now\s+|also\s+)?(?:\w+ed|sent|made|put|set|rung)\b",
                   re.I)


@lru_cache(maxsize=8)  # keyed by the patterns' text, whose hash Python keeps (a compiled pattern hashes its code)
def _step_reader(steps: str, not_steps: str, offers: str, flags: int) -> Callable[[str], bool]:
    found, ruled_out, offered = (re.compile(p, flags) for p in (steps, not_steps, offers))

    @lru_cache(maxsize=4096)  # an engine checks the same sentences again with each candidate edit
    def is_step(text: str) -> bool:
        return bool(found.search(text) and not ruled_out.search(text) and not offered.search(text))

    return is_step


def _sentence_of(sentences: list[Sentence], start: int | None) -> int | None:
    if start is None:
        return None
    for i, sentence in enumerate(sentences):
        if start < sentence.end:
            return i
    return len(sentences) - 1 if sentences else None


def _finding(rule: Rule, severity: str, draft: str, span: Sentence | None) -> Finding:
    start, end = (None, None) if span is None else (span.start, span.end)
    return Finding(rule=rule.id, severity=severity, start=start, end=end,  # type: ignore[arg-type]
                   quote=None if span is None else draft[start:end], message=rule.message, suggestion=rule.suggestion)


def apply_model(draft: str, customer: str, policy: Policy, sentences: list[Sentence], findings: list[Finding],
                rules: dict[str, Rule], use: Layers, *, sure: frozenset[str] = frozenset()) -> list[Finding]:
    """The rule ``findings`` of an English draft, revised by the learned model as ``use`` says; the whole-reply
    findings of the rules in ``sure`` are kept whatever the model reads."""
    if use == "rules":
        return findings
    model = load_learned()
    texts = [s.text for s in sentences]
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    # Rules the model has no head for (no-thanks, banned-phrase) stay the rules' own, and are not the model's.
    kept = [f for f in findings if f.rule not in SENTENCE_RULES and f.rule not in REPLY_RULES and use == "combined"]
    fired = {rule: {_sentence_of(sentences, f.start) for f in own} for rule, own in by_rule.items()}
    # A head whose thresholds can neither add nor veto changes nothing in combined use: skip its work.
    active = [r for r in SENTENCE_RULES if policy.severity.get(r, rules[r].severity) is not None
              and (use == "model" or model.sentence[r].add <= 1 or model.sentence[r].veto > 0)]
    probabilities = model.sentence_probabilities(texts) if active else {}
    kept += [f for f in findings if f.rule in SENTENCE_RULES and f.rule not in active and use == "combined"]
    for rule_id in active:
        severity = policy.severity.get(rule_id, rules[rule_id].severity)
        heads, p = model.sentence[rule_id], probabilities[rule_id]
        if use == "combined":
            for finding in by_rule.get(rule_id, []):
                index = _sentence_of(sentences, finding.start)
                if index is None or p[index] >= heads.veto or rule_id == "broken-promise":
                    # The rule's exact span, unless the model reads the sentence as harmless; a promise the
                    # rules read ("I promise", "guaranteed") is never vetoed.
                    kept.append(finding)
        threshold = heads.add if use == "combined" else heads.model.threshold
        for index, sentence in enumerate(sentences):
            if p[index] < threshold or (use == "combined" and index in fired.get(rule_id, ())):
                continue
            if rule_id == "broken-promise" and (sentence.text.rstrip().endswith("?") or
                                                (policy.commitments and policy.covers(sentence.text))):
                continue  # a question commits to nothing, and the team's policy grants what it covers
            kept.append(_finding(rules[rule_id], severity, draft, sentence))
    reply_p: dict[str, float] | None = None
    for rule_id in REPLY_RULES:
        severity = policy.severity.get(rule_id, rules[rule_id].severity)
        if severity is None:
            continue
        if rule_id == "no-acknowledgement" and not (customer.strip() and looks_english(customer)):
            continue  # nothing to acknowledge, or a message the coach cannot read: the rule is skipped
        heads = model.reply[rule_id]
        reply_p = reply_p or model.reply_probabilities(texts, draft, customer)
        p = reply_p[rule_id]
        own = by_rule.get(rule_id) if use == "combined" else None
        if own:
            if p >= heads.veto or rule_id in sure or \
                    (rule_id == "no-next-step" and rules[rule_id].pattern("refusals").search(draft)):
                kept.extend(own)  # (a flat refusal with no step is no step, and a reply of template lines names no
                # problem, whatever replies like them usually hold)
        elif p >= (heads.add if use == "combined" else heads.model.threshold):
            if use == "combined" and rule_id == "no-next-step" and explicit_step(rules[rule_id], sentences):
                continue  # the rules keep what they read well: a request, a question or the agent's own action
            kept.append(_finding(rules[rule_id], severity, draft, None))
    return kept
