"""A grant past the policy's window ("I've approved a full refund" 45 days after delivery, where refunds are available
within 30): the line, and the option the policy gives outside it ("faulty items are repaired or replaced under
warranty", "offer store credit instead"), never a check of the refund the line rules out."""

from __future__ import annotations

import re

from ..._core.facts import fact_kinds
from ..._core.policy import Policy
from .clauses import finish
from .promise import said_policy

__all__ = ["past_window_instead"]

# the option after the window, inside the line: "...; after that, faulty items are repaired or replaced under warranty"
_AFTER = re.compile(r"[;,.]\s*(?:after\s+that|otherwise|beyond\s+that|outside\s+(?:that|this|the)\s+(?:\w+[\s-]+)?"
                    r"(?:window|period))\s*,?\s*(?P<alt>[^.;]{8,})", re.I)
# ... or a line of its own: "Faulty items outside the refund window are repaired or replaced under warranty",
# "Do not approve refunds outside the 30-day window; offer store credit instead"
_OUTSIDE = re.compile(r"\b(?:outside|after|beyond)\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:window|period)\b|"
                      r"^\W*after\s+\d+\s+(?:days?|weeks?|months?)\b", re.I)  # ("After 30 days, faulty items are ...")
_OFFER = re.compile(r"(?:^|[;,]\s*)(?P<offer>offer\s+(?:the\s+customer\s+|them\s+|customers\s+)?(?P<what>[^.;]+?))"
                    r"(?:\s+instead)?\s*\.?$", re.I)
_REFUSES = re.compile(r"\b(?:cannot|can['’]t|not|no|never|nor)\b", re.I)  # "... cannot be exchanged or repaired"
_LABELLED = re.compile(r"\b(?:order|booking|account|case|claim|ref(?:erence)?)\s+#?(?=[\w-]*\d)[\w-]+", re.I)


def past_window_instead(text: str, policy: Policy, used: set[str], said: str) -> list[str] | None:
    """The sentences that replace ``text``, a grant past a policy window by the time ``said`` gives (the customer's
    message and the draft), or None when no line gives an option for after the window."""
    line = policy.past_window(text, said)
    if line is None or line in used:
        return None
    option = _AFTER.search(line)
    other = next((other for other in policy.commitments if other != line and other not in used and
                  _OUTSIDE.search(other) and (not _REFUSES.search(other) or _OFFER.search(other))), None) \
        if option is None else None
    if option is None and other is None:
        return None
    kinds = fact_kinds(text)
    if set(kinds.values()) - {"money"} and not _LABELLED.search(text):
        return None  # a fact other than the sum granted would be lost
    money = [fact for fact, kind in kinds.items() if kind == "money"]
    what = next((f"the {' and '.join(money)} {noun}" if money else f"{article} {noun}"
                 for noun, article in (("refund", "a"), ("exchange", "an"), ("return", "a"), ("replacement", "a"),
                                       ("credit", "a"))
                 if re.search(rf"\b{noun}", text, re.I)), "that")  # (its sum kept: "the $129 refund")
    ref = _LABELLED.search(text)
    step = f"I'll set that up for {ref.group()} and confirm here." if ref else "I'll set that up and confirm here."
    instead = _what_instead(option["alt"] if option is not None else other)
    if instead is None:
        return None  # ("otherwise no refund can be given": no option to offer)
    used.add(line)
    if option is not None:  # the line says both: the window, then what happens after it
        return [said_policy(line), f"As it's past that window, I can't approve {what}, but I can arrange {instead} "
                                   "instead; " + step]
    used.add(other)
    offer = _OFFER.search(other)
    if offer:  # "offer store credit instead": the agent's own offer
        return [said_policy(line), f"As it's past that window, I can't approve {what}.",
                finish(f"I can offer you {offer['what'].strip()} instead"), step]
    return [said_policy(line), said_policy(other), f"As it's past that window, I can't approve {what}, but I can "
                                                   f"arrange {instead} instead; " + step]


def _what_instead(option: str) -> str | None:
    """What the policy gives after the window, as the agent arranges it: "a repair or replacement under warranty"; None
    where it gives nothing ("no refund can be given", "cannot be exchanged or repaired")."""
    if _REFUSES.search(option) and not _OFFER.search(option):
        return None
    warranty = " under warranty" if re.search(r"\bwarranty\b", option, re.I) else ""
    if re.search(r"\brepair\w*\s+or\s+replac|\breplac\w*\s+or\s+repair", option, re.I):
        return "a repair or replacement" + warranty
    for said, noun in ((r"\bstore\s+credit\b", "store credit"), (r"\bexchange", "an exchange"),
                       (r"\brepair", "a repair" + warranty), (r"\breplac", "a replacement" + warranty)):
        if re.search(said, option, re.I):
            return noun
    return None
