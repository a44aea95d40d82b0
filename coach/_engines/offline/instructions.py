"""Policy lines written as instructions to the agent ("Suspected gas leak: tell the customer to leave the property
... and call 0800 111 999"), said to the customer when the case is the one the line is for.

A line counts when it opens with the case it is for (a label before a colon) and then an instruction; the case
matches when the label shares a word with the customer's message (or says "vulnerable" and the message is one of
the distress situations). The customer then hears it in the reply's voice: "Please leave the property ...", "I can
offer you a call-back from the Specialist Support team."
"""

from __future__ import annotations

import re

from ..._core.policy import to_you
from ..._core.situations import Situation
from ..._core.text import content_words, stem
from .clauses import finish

__all__ = ["said_to_customer"]

_INSTRUCTION = re.compile(r"^(?P<label>[^:]{3,80}):\s*(?P<verb>tell|advise|ask|offer|freeze|raise|refer|arrange|escalate|"
                          r"give|waive|pause|suspend|book|flag|provide|send|close)\s+(?P<rest>.+?)\.?$", re.I)
_TOLD = re.compile(r"^(?:the\s+customer|customers|them|him\s+or\s+her)\s+to\s+", re.I)
_OURS = re.compile(r",?\s+and\s+(?=(?:arrange|offer|book|raise|log|refer|escalate|freeze)\b)", re.I)
_VULNERABLE = re.compile(r"\b(?:frightened|terrified|elderly|pensioner|disabled|disability|dementia|"
                         r"I(?:'m|\s+am)\s+(?:[7-9]\d|1\d\d)(?:\s+(?:years?\s+old|yrs?)\b|\s*(?=[,.!;]|\s+and\b)))", re.I)
# A label with a condition ("Refunds over £100", "Late deliveries over 5 days"): the engine cannot tell whether it holds
_CONDITIONAL = re.compile(r"\b(?:over|above|under|below|more\s+than|less\s+than|within|after|before|up\s+to)\b|\d", re.I)
_LABEL_GENERIC = frozenset(stem(w) for w in """any all report reports reported suspected case cases customer customers
    complaint complaints request requests where when if who with of or and""".split())


def said_to_customer(line: str, customer: str | None, case: Situation | None) -> str | None:
    """``line`` as the reply says it to the customer, when it is an instruction for this case; else None."""
    m = _INSTRUCTION.match(line.strip())
    if m is None or not customer:
        return None
    if _CONDITIONAL.search(m["label"]):
        return None
    label = {stem(w) for w in content_words(m["label"])} - _LABEL_GENERIC
    said = {stem(w) for w in content_words(customer)}
    # the case named in two of the label's words (one, for a label of one, or in an urgent situation: a gas smell):
    # "gas" alone is a gas bill, not a gas leak
    shared = len(label & said)
    if not (shared >= min(2, len(label)) > 0 or shared and case is not None and case.always or
            "vulner" in m["label"].lower() and _VULNERABLE.search(customer)):
        return None
    verb, rest = m["verb"].lower(), m["rest"]
    if verb in ("tell", "advise", "ask"):
        told = _TOLD.match(rest)
        if told is None:
            return None
        rest = re.sub(r",?\s+(?:and\s+)?not\s+to\s+", ", do not ", rest[told.end():], flags=re.I)
        rest = re.sub(r",?\s+and\s+to\s+", ", and ", rest, flags=re.I)
        ours = _OURS.search(rest)  # "..., and arrange priority collection within 2 business days": the agent's part
        head = ", and ".join(rest[: ours.start()].rsplit(", ", 1)) if ours else rest
        sentence = "Please " + head + (". I can " + rest[ours.end():] if ours else "")
    elif verb == "offer":
        sentence = "I can offer you " + rest
    else:
        sentence = f"I can {verb} {rest}"
    return finish(to_you(sentence))
