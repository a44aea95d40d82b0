"""Conditions the rules cannot check: a grant in the reply against a policy line that sets one, or a refusal against
a line that grants an exception on one.

"Refunds are available within 30 days of delivery", "Price match applies only against authorised retailers, with
a screenshot", "Retention discounts require supervisor approval": whether this customer meets the line turns on
dates, proof and approvals the coach cannot see, so a reply that grants on the line's topic is not said to pass
(``passed: null``) until a person has read the line against the case. A reply that shows the condition met, by
saying the line's figures ("as your basket was over £40") or a third of its condition's words, is taken at its word;
a cap the coach can compare ("up to £10") is checked by the broken-promise rule, not here. The other way round, a reply
that refuses or charges ("an early cancellation fee of €60 applies", "your fare is non-refundable") while a line on
that topic grants an exception on a condition ("... can cancel without the fee on proof of a new address", "... may be
refunded as a travel credit on presentation of a doctor's note") that the reply never mentions is read the same way:
whether this customer qualifies is for a person to check.
"""

from __future__ import annotations

import re

from .policy import (
    _DECLINES,
    _GENERIC_POLICY_WORDS,
    _NO_COST,
    _PARTS,
    _RULING_WORDS,
    _SURE_GRANT,
    _TURNS_DOWN,
    CONDUCT_RULE,
    CONSIDER_DONE,
    GRANT_MADE,
    GRANT_OFFERED,
    Policy,
    _stems,
    _topic,
    for_agents,
    pays_back,
)
from .text import NUMBER_WORDS, split_sentences, stem

__all__ = ["unchecked_lines"]

_GENERIC = _GENERIC_POLICY_WORDS | _RULING_WORDS
# words every case has, which say nothing of what is granted: "order", "account" ("credit ... for order #FD-3318274"
# against "Cash refunds only for whole orders not delivered")
_CASE = _GENERIC | frozenset("order orders account accounts booking bookings item items customer customers product "
                             "products service".split())
# money back, in any of its names: "a full refund" is what "Delay compensation: 25% of the ticket price" pays; and
# money off ("40% off" is a discount)
_MONEY_BACK = frozenset(stem(w) for w in "refund refunded compensation compensate reimburse reimbursement repay".split())
_PERCENT_OFF = re.compile(r"\d\s?%\s+off\b", re.I)
_MONEY_OFF = frozenset(stem(w) for w in "off discount discounts discounted".split())
# a grant in other words: "I've matched it to ₹32,490", "the discount is all set", "I've removed the fee", "I can give
# you 50% off", "we'll match that", "I've lowered the price to ...", "don't worry about fees"
_ALSO_GRANTS = re.compile(r"\b(?:matched|price[- ]match\w*|removed|writeoff|knocked\s+off|taken\s+off)\b|"
                          r"\b(?:is|are|'s|’s)\s+(?:all\s+)?(?:set|sorted|confirmed)\b|"
                          # "Don't worry about fees", "no need to worry about the charge": a waiver in comfort's words
                          r"\b(?:don't|don’t|do\s+not|no\s+need\s+to)\s+worry\s+about\s+(?:the\s+|any\s+|a\s+)?(?:\w+\s+)?"
                          r"(?:fees?|charges?|penalt\w+|costs?)\b|"
                          r"\b(?:I|we)\s+can\s+(?:also\s+)?(?:give|offer|apply|add|refund|waive|credit|match)\b|"
                          r"\b(?:I|we)(?:'ll|’ll|\s+will)\s+(?:happily\s+|gladly\s+)?match\b|"
                          r"\b(?:adjusted|reduced|lowered|dropped|brought\s+down)\s+(?:the\s+|your\s+)?price\b|"
                          # "I can confirm a full refund of the €1,140", "I've submitted a claim for 100% of your £142.50
                          # ticket", "you won't have to pay anything until ...": a grant in a confirmation's, a claim's
                          # or a deferral's words
                          r"\b(?:I|we)\s+(?:can\s+)?confirm\s+(?:a|an|the|your)\s+(?:\w+\s+){0,2}(?:refund|credit|"
                          r"compensation|reimbursement|replacement|discount|waiver|upgrade)\b|"
                          r"\b(?:submitted|lodged|raised|filed|put\s+in)\s+(?:a\s+|your\s+)?claim\s+for\s+(?:\d+\s?%|"
                          r"[^\w\s]\s?\d|(?:the\s+)?full)|"
                          r"\b(?:won't|won’t|will\s+not|don't|don’t|do\s+not)\s+(?:have|need)\s+to\s+pay\b|"
                          # "cancelled with no charges", "free of charge", "you won't owe us a cent", "... and waive the fee"
                          r"\bwith\s+no\s+(?:\w+\s+)?(?:fees?|charges?|penalt\w+|costs?)\b|\bfree\s+of\s+charge\b|"
                          r"\b(?:won't|won’t|will\s+not)\s+owe\b|\band\s+(?:also\s+)?waive\b|"
                          # "I've moved you into unit 31 at your current £89", "set your bills to a 24-month plan"
                          r"\b(?:set|put|moved?|switched|transferred)\s+(?:you|your\s+\w+(?:\s+\w+)?)\s+(?:up\s+)?"
                          r"(?:on|to|onto|into)\s+(?:an?|the)\s+", re.I)
# a grant that says its own condition: "If it still says 'Searching' after that, I'll book an engineer visit" (not the
# customer's choice: "if you'd rather keep the service, I can give you 50% off")
_OWN_CONDITION = re.compile(r"\bif\b(?!\s+you(?:'d|’d|\s+would)?\s+(?:rather|prefer|like|want))|"
                            r"\b(?:once|provided|as\s+long\s+as|as\s+soon\s+as|subject\s+to)\b", re.I)
# what makes a line conditional: a window, a proof, an approval, an exclusion, a share
_CONDITION = re.compile(
    r"\b(?:only|unless|except|exclud\w*|provided|subject\s+to|requires?|required|needs?|must|approv\w*|sign-?off|"
    r"authori[sz]\w*|proof|receipts?|screenshots?|photos?|evidence|certificates?|on\s+(?:presentation|production|receipt)\s+of|"
    r"eligib\w*|not|no|never|cannot|if|after|before|pro[\s-]?rat\w*|supported\s+by|on\s+an?|"
    r"until|once|per|more\s+than|over|above|less\s+than|under|outside|up\s+to|within\s+\d+\s*(?:\w+\s+)?"
    r"(?:days?|hours?|weeks?|months?|minutes?)\s+of)\b|\d\s?%|\bhalf\b", re.I)
# a refusal or a charge: "an early cancellation fee of €60 applies", "non-refundable", "incur a $10 late fee", "as per
# our Terms", "Late fees are applied automatically"
_REFUSES = re.compile(
    r"\b(?:fees?|charges?|penalt\w+)\s+(?:of\s+\S+\s+)?(?:may\s+|will\s+|still\s+)?(?:apply|applies|(?:is|are)\s+(?:payable|"
    r"applied|charged|due))\b|\bincurs?\s+an?\s|\bnon-refundable\b|\bnot\s+eligible\b|\bno\s+(?:refunds?|exceptions?)\b|"
    r"\bas\s+per\s+(?:our\s+)?(?:terms|t&cs|t\s*&\s*cs|policy)\b|\bfor\s+a\s+fee\s+of\b|"
    r"\b(?:can't|can’t|cannot|unable\s+to|not\s+able\s+to)\s+(?:be\s+)?(?:refund|waive|reverse|remove|exchange|reimburse|"
    r"compensate|extend|credit|change)\w*|"
    r"\b(?:will\s+be|is|are)\s+charged\b|\b(?:we\s+)?(?:don['’]t|do\s+not)\s+(?:price[- ]match|offer|refund|waive|give)\b|"
    r"\bcannot\s+waive\b|\bis\s+correct\b", re.I)
# a line that grants an exception: a waiver, a refund, a credit, "treated as on time", "without the ... fee"
_EXCEPTION = re.compile(r"\b(?:waived?|refunded|full\s+refund|(?:may|can)\s+choose\s+a\s+refund|prioriti[sz]ed|credited|"
                        r"(?:can|may)\s+be\s+granted|we\s+match|free\s+of\s+charge|no\s+(?:\w+\s+){0,2}(?:fee|charge)s?\s+(?:is|are)\s+"
                        r"charged|without\s+(?:the\s+|any\s+)?(?:\w+\s+){0,2}(?:fee|charge)|travel\s+credit|"
                        r"treated\s+as\s+on\s+time|exempt\w*|suspended)\b", re.I)
# an exception word that says no: "after that the box ... cannot be refunded"
_NOT_GRANTED = re.compile(r"\b(?:cannot|can't|can’t|not|never|no\s+longer)\s+(?:be\s+)?(?:\w+\s+)?(?:waived|refunded|exempt\w*|"
                          r"suspended)\b", re.I)
# a cap the broken-promise rule compares with the reply's amount: "up to ₦5,000", "up to 25% off the affected night";
# and a rate it is reckoned by: "£2.50 per affected day" (three days are £7.50)
_CAP = re.compile(r"\b(?:up\s+to|capped\s+at|a\s+maximum\s+of|max(?:imum)?|at\s+most|no\s+more\s+than)\s+"
                  r"(?:(?:[^\w\s]{1,2}|[A-Z]{3})\s?\d[\d,.]*|\d[\d,.]*\s?%)(?:\s+(?:a|per|each)\s+(?:day|night|week|month|"
                  r"year|booking|order|stay|passenger|person|guest|item))?|"
                  r"(?:[^\w\s]{1,2}|\b[A-Z]{3}\s?)\d[\d,.]*\s+(?:a|per|each)\s+(?:\w+\s+)?(?:day|night|week|month|hour|"
                  r"passenger|person|guest|item)\b", re.I)
# one word for a write-off however it is written: "I've written off the £612" against "Debt write-offs require ..."
_WRITE_OFF = re.compile(r"\b(?:write|wrote|written|writing)[\s-]+offs?\b", re.I)
# the company's side, not the customer's case: "subject to availability", "once located", "without approval", and the
# time the company takes ("Deposit holds are released by us within 7 business days of the vehicle's return")
_OURS = re.compile(r"\b(?:at|for|with)\s+no\s+(?:extra\s+|additional\s+)?(?:charge|cost|fee)\b|\bfree\s+of\s+charge\b|"
                   r"\bsubject\s+to\s+availability\b|\b(?:when|where|if)\s+available\b|\bonce\s+(?:located|found|"
                   r"traced|in\s+stock)\b|\bwithout\s+(?:\w+\s+)?(?:approval|sign-?off|authori[sz]ation)\b|"
                   r"\b(?:released|issued|processed|shipped|dispatched|sent|paid|credited|posted|refunded|delivered|"
                   r"reviewed|answered|repaired|resolved|completed)\s+(?:by\s+us\s+|to\s+(?:the\s+|your\s+)?\w+\s+)?"
                   r"within\s+\d+(?:\s*[-–]\s*\d+)?\s+(?:\w+\s+)?(?:days?|hours?|weeks?)(?:\s+of\s+[^,;.]+)?", re.I)
# a length of time with a comparison: "more than 1 hour late", "within 12 months of purchase"
_COMPARED = re.compile(r"\b(?P<op>more\s+than|over|above|at\s+least|less\s+than|under|within|up\s+to)\s+(?P<n>\d+)\s*"
                       r"(?P<unit>minute|min|hour|hr|day|week|month|year)s?\b", re.I)
_STATED = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")[\s-]*(?P<unit>minute|min|hour|hr|day|week|month|year)s?\b",
                     re.I)
_UNIT = {"min": "minute", "hr": "hour"}
_WAIT_AHEAD = re.compile(r"\b(?:in|within|takes?|allow|up\s+to|next|another)\s+(?:\d+\s*[-–]\s*|(?:a|an)\s+)?$", re.I)
# what a line says is needed: "require supervisor approval", "need a team leader's approval", "on presentation of a note"
_REQUIRES = re.compile(r"\b(?:requires?|required|needs?|must\s+(?:be|have|get)|on\s+(?:presentation|production)\s+of)\s+"
                       r"(?P<what>[^,;.]+)", re.I)
_AMOUNT = re.compile(r"[^\w\s.,]\s?\d|\b[A-Z]{3}\s?\d|\d\s?%|\d[\d,.]*\s?(?:[A-Z]{3}|dollars|euros|pounds)\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# a condition named only to be let go: "no screenshot needed", "no need to send them back", "without a receipt"
_LET_GO = re.compile(r"\bno\s+(?:\w+\s+){1,2}?(?:needed|required|necessary)\b|\bno\s+need\s+(?:for|to)\s+(?:\w+\s+){1,3}|"
                     r"\bwithout\s+(?:\w+\s+){1,3}", re.I)


def unchecked_lines(text: str, policy: Policy, customer: str = "") -> list[str]:
    """The policy lines with a condition on a grant ``text`` makes that ``text`` does not show met, and the lines that
    grant, on a condition, what ``text`` refuses or charges and does not mention (none without a policy, a grant or a
    refusal, or such a line). The ``customer``'s message may name the exception's case ("I've got a GP note")."""
    if not policy.commitments:
        return []
    text = _WRITE_OFF.sub("writeoff", text)
    said = _LET_GO.sub(" ", text)
    reply = set(_stems(text, _CASE))
    # (a line for the agent is no condition of the case: "Do not promise a date for the bank to post the refund")
    rules = [(line, _WRITE_OFF.sub("writeoff", line)) for line in policy.commitments if not CONDUCT_RULE.match(line)]
    lines: list[str] = []
    for sentence in split_sentences(text):
        clause = sentence.text
        if _REFUSES.search(clause) and not _grants(clause):
            lines += [line for line in _exceptions(clause, reply, policy, customer) if line not in lines]
            continue
        if not _grants(clause) or _DECLINES.search(clause) or _TURNS_DOWN.search(clause) or _OWN_CONDITION.search(clause):
            continue
        topic = _senses(_topic(clause, _GENERIC, paid=False)) | ({"discount"} if _PERCENT_OFF.search(clause) else set())
        for line, written in rules:
            if line in lines:
                continue
            for part in _PARTS.split(written):  # "credit the item's value to the wallet; no cash refunds": each part
                if not topic.intersection(_senses(set(_stems(part, _CASE)))):
                    continue
                condition = _OURS.sub(" ", _CAP.sub(" ", part) if _AMOUNT.search(clause) else part)
                if _CONDITION.search(condition) and not _shown_met(condition, said, topic):
                    lines.append(line)
                    break
    return lines


def _exceptions(clause: str, reply: set[str], policy: Policy, customer: str = "") -> list[str]:
    """The lines on the topic of a refusal or a charge ("an early cancellation fee of €60 applies") that grant an
    exception on a condition ("Members relocating more than 50 km ... can cancel without the early cancellation fee on
    proof of new address"), which the reply (its stems: ``reply``) never mentions (not half their words)."""
    topic = _senses(_topic(clause, _CASE, paid=False))
    told = set(_stems(customer, _CASE)) if customer else set()
    found = []
    for line in policy.commitments:
        words = set(_stems(line, _CASE))
        # on the refusal's topic, or on the customer's case, two of its words said ("a GP note" for "evidence of
        # illness ... the module leader" is not enough; "my doctor's note" for "supported by a doctor's note" is)
        if not for_agents(line) and _EXCEPTION.search(_NOT_GRANTED.sub(" ", line)) and \
                _CONDITION.search(_OURS.sub(" ", line)) and (topic & _senses(words) or len(told & words) >= 2) and \
                len(words & reply) * 2 < len(words):
            found.append(line)
    return found


def _senses(stems: set[str]) -> set[str]:
    # ("pay", "payment", "paid" are one sense: "you won't have to pay" is on the topic of "Payment dates may be ...")
    return {"refund" if word in _MONEY_BACK else "discount" if word in _MONEY_OFF else
            "pay" if word.startswith("pay") or word == "paid" else word for word in stems}


def _grants(clause: str) -> bool:
    return any(p.search(clause) for p in (GRANT_MADE, GRANT_OFFERED, _SURE_GRANT, CONSIDER_DONE, _NO_COST, _ALSO_GRANTS)) \
        or pays_back(clause)


def _shown_met(condition: str, said: str, topic: set[str]) -> bool:
    """The reply says the condition's figures, or (a condition without figures) a third of its words beside the
    topic."""
    need = _REQUIRES.search(condition)  # "need a team leader's approval": what is needed must be said, not the topic
    wanted = set(_stems(need["what"], _CASE)) - topic if need else set()
    if wanted and len(wanted & set(_stems(said, _CASE))) * 2 < len(wanted):
        return False
    figures = set(_NUMBER.findall(condition))
    if figures:
        for compared in _COMPARED.finditer(condition):  # "two hours late" meets "more than 1 hour late"
            if _meets(compared, said):
                figures.discard(compared["n"])
        return figures <= set(_NUMBER.findall(said))
    words = set(_stems(condition, _CASE)) - topic
    return len(words & set(_stems(said, _CASE))) * 3 >= len(words)


def _meets(compared: re.Match[str], said: str) -> bool:
    limit, unit = int(compared["n"]), _UNIT.get(compared["unit"].lower(), compared["unit"].lower())
    op = " ".join(compared["op"].lower().split())
    for stated in _STATED.finditer(said):
        if _UNIT.get(stated["unit"].lower(), stated["unit"].lower()) != unit or _WAIT_AHEAD.search(said[: stated.start()]):
            continue  # ("you should see it in 3-5 days" is a wait to come, not how long since the delivery)
        n = int(NUMBER_WORDS.get(stated["n"].lower(), stated["n"]))
        if n > limit if op in ("more than", "over", "above") else n >= limit if op == "at least" else \
                n < limit if op in ("less than", "under") else n <= limit:
            return True
    return False
