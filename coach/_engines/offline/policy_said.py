"""What a rewrite says of the policy to the customer.

A line the customer can read as it stands is a plain grant ("Refunds are issued within 5-7 business days") or a "no"
the agent says as their own ("I can't confirm a payout before the loss adjuster has visited"), said once. A limit
("Bill credits above £20 need team leader approval", "capped at a £50 voucher", "only within the first 14 days") is
the team's to apply, not a sentence to paste: blind reviewers marked 21 of the 27 rewrites that pasted one garbled
(sets cg-ct), because a pasted limit reads as an internal note, a refusal nobody explained, or a rule that does not
fit the case. Such a line stays out of the reply (unless it is all that answers a waiver the draft still makes), the
agent's step that came with it stays, said without pointing back at it, and the rewrite waits for a person to read it
(``passed`` None), as one with a line of the coach's own does: the policy bears on the reply, and nothing in it says so
any more. A "no" to, or a review of, a make-up sum only the draft offered (``guard.offered_beyond``) says the agent's
step without the sum: the customer never saw the offer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..._core.facts import extract_facts
from ..._core.guard import offered_beyond
from ..._core.policy import Policy
from ..._core.text import split_sentences
from .clauses import capitalise
from .layout import Layout

__all__ = ["unsaid_policy", "POLICY_STEP"]

# "I'll check how that applies to the £45 and update you.", "I'll check what that means for order 5512 and let you know."
_POINTS_BACK = re.compile(r"^I(?:'ll check|'m checking) (?:how that applies to|what that means for) (?P<what>.+?)"
                          r"(?P<rest>,? and (?:will |I'll )?(?:update you|let you know)\b.*)$")
# a "no" or a review of sums the draft offered: "I can't offer a £50 credit for this, but I'll check what I can offer
# instead and update you.", "I'll ask a manager to review the £350 and update you with what they decide."
_DECLINED = re.compile(r"^(?:That means )?I can't offer (?P<what>.+?)(?: for this, but| here;) I'll check what I can offer "
                       r"instead(?P<rest> and (?:update you|let you know)(?: by [^.]+)?)\.$")
_DECLINED_TOO = re.compile(r"^(?:That means )?I can't (?:offer|refund|promise) (?P<what>.+?) either\.$")
_REVIEWED = re.compile(r"^(?:I'll ask (?P<who>.+?) to review (?P<what>.+?) and update you with what they decide|"
                       r"I'll pass (?P<what2>.+?) to (?P<who2>.+?) to review, and let you know what they decide)\.$")
_UNDER_IT = re.compile(r"^I'll check what I can offer you under it and update you\.$")
_THAT_MEANS = re.compile(r"^That means (?=(?:I|we) can't\b)")
_EITHER = re.compile(r"(?<=\w) either(?=\.$)")  # "I can't refund the €34 either." with no "no" before it any more
_CANT = re.compile(r"\bcan't\b")
_OWN_CHECK = re.compile(r"^I'll check what (?:our policy allows|I can offer you)\b")
_TO_OFFER = re.compile(r"\bwhat (?:I|we) can offer you\b|\bwhat our policy allows\b")  # the agent's step on the offer
# a "no" the agent says as their own ("I can't confirm a payout before the loss adjuster has visited", from "Do not
# confirm ..."), not the team's approvals
_OUR_NO = re.compile(r"^(?:I|We) (?:can't|cannot|can not|don't|do not|won't|will not)\b(?!.*\bapprov)[^;]*$")  # (one
# clause: not "We don't offer vouchers; escalate to a supervisor if ...")
# a sentence of the draft that lets a condition go: the line said after it, with the sentence kept, is what tells the
# reader the policy says otherwise ("The courier will leave it on the doorstep, no signature needed. Deliveries need a
# signature."), and stays
_WAIVES = re.compile(r"\bno\s+(?:\w+\s+)?(?:needed|required|necessary)\b|\beven\s+(?:though|without|if)\b|\bexception\b|"
                     r"\boverlook\w*", re.I)
POLICY_STEP = "I'll check what our policy allows here and let you know."  # where a line was all the reply did
_WINDOW = re.compile(r"^As it's past that window\b")  # (the engine's own reading of the dates against the line: it stays)


# the step after an exception the customer may meet: the line says what the exception is, word for word
_HOW_IT_APPLIES = re.compile(r"I'll check how that applies to\b")
_EXCEPTION = re.compile(r"\b(?:except|unless|(?:is|are)\s+waived\s+(?:if|when|for)|qualif(?:y|ies)\s+for|on\s+proof\s+of|"
                        r"without\s+a\s+prescription|free\s+of\s+charge)\b", re.I)


def unsaid_policy(layout: Layout, policy: Policy, said: dict[str, str], draft: str, customer: str | None) -> bool:
    """Take out of ``layout`` the policy lines the engine added (``said``: each line as the engine says it, to the
    line) that the customer should not read word for word, and say the step after each without pointing back at it.
    True when a line was taken out."""
    units = [u for u in layout.units if u.text]
    parts = [[p.text for p in split_sentences(u.text)] for u in units]
    flat = [(i, j) for i, ps in enumerate(parts) for j in range(len(ps))]
    dropped_before = checked = declined = held_back = False
    offered = cache(lambda: frozenset(offered_beyond(draft, policy, customer)))  # (read once, and only if needed)
    for at, (i, j) in enumerate(flat):
        text = parts[i][j]
        after = parts[flat[at + 1][0]][flat[at + 1][1]] if at + 1 < len(flat) else ""
        before = parts[flat[at - 1][0]][flat[at - 1][1]] if at else ""
        line = said.get(text)
        if line is not None and text not in draft and not _WINDOW.match(after) and \
                not (before in draft and _WAIVES.search(before)):  # (the only word against a waiver the draft still makes)
            rest = " ".join(p for k, ps in enumerate(parts) for m, p in enumerate(ps) if (k, m) != (i, j))
            sayable = policy.plain_grant(line) or _OUR_NO.match(text) is not None or \
                _HOW_IT_APPLIES.match(after) is not None and _EXCEPTION.search(text) is not None
            if (not sayable or _said_already(text, rest)) and not _keeps_a_fact(text, rest, draft):
                parts[i][j] = ""
                dropped_before = held_back = True
                continue
        text = _unpointed(_unoffered(text, offered), dropped_before)
        dropped_before = False
        if _OWN_CHECK.match(text) and checked and text not in draft or _EITHER.search(text) and not declined:
            text = "" if _OWN_CHECK.match(text) else _EITHER.sub("", text)  # (no second "I'll check what ...")
        checked = checked or bool(_OWN_CHECK.match(text))
        declined = declined or bool(_CANT.search(text))
        parts[i][j] = text
    spent = offered() if any(_TO_OFFER.search(p) for ps in parts for p in ps) else frozenset()
    for unit, ps in zip(units, parts):  # "You can use the £80 voucher on any order." after the £80 voucher went: it
        # would read as granted (only a sentence with no other figure goes)
        unit.text = " ".join(p for p in ps if p and not (p in draft and (facts := extract_facts(p)) and
                                                         set(facts) <= spent))
    return held_back


def _keeps_a_fact(text: str, rest: str, draft: str) -> bool:
    """The line says a figure of the draft ("past 30 days") that the reply says nowhere else."""
    drafted, said = set(extract_facts(draft)), set(extract_facts(rest))
    return any(f in drafted and f not in said for f in extract_facts(text))


def _said_already(text: str, rest: str) -> bool:
    """Every figure of the line is in the reply already ("refunds reach your card within 5-7 business days")."""
    facts = extract_facts(text)
    return bool(facts) and all(f in rest for f in facts)


def _unoffered(text: str, offered: Callable[[], frozenset[str]]) -> str:
    """A "no" to, or a review of, sums only the draft offered (``offered``) says what the agent does without them: the
    customer never saw the offer ("I can't offer £350 cash compensation" answers the draft)."""
    declined, reviewed, also = _DECLINED.match(text), _REVIEWED.match(text), _DECLINED_TOO.match(text)
    if also and set(extract_facts(also["what"])) and set(extract_facts(also["what"])) <= offered():
        return ""  # "That means I can't offer €200 either.", of a sum only the draft offered: the check before it stands
    what = declined["what"] if declined else (reviewed["what"] or reviewed["what2"]) if reviewed else None
    sums = extract_facts(what) if what else []  # (a fee or a price the customer knows stays named: "I can't refund the
    # £64.99 here", "review the £230 and £100 compensation")
    if not sums or not set(sums) <= offered():
        return text
    if declined:
        return f"I'll check what I can offer you{declined['rest']}."
    if reviewed["who"]:
        return f"I'll ask {reviewed['who']} to review what we can offer you and update you with what they decide."
    return f"I'll pass this to {reviewed['who2']} to review what we can offer you, and let you know what they decide."


def _unpointed(text: str, line_went: bool) -> str:
    if not line_went:
        return text
    back = _POINTS_BACK.match(text)
    if back:
        verb = "I'll check" if text.startswith("I'll") else "I'm checking"
        return f"{verb} what our policy allows for {back['what']}{back['rest']}"
    if _UNDER_IT.match(text):
        return "I'll check what I can offer you and update you."
    return capitalise(_THAT_MEANS.sub("", text))

