"""A deadline the customer never asked about, said as the time the agent updates them.

"Your bike will be ready tomorrow, guaranteed." promises an outcome by a time; said back as "I can't confirm yet that
your bike can be ready tomorrow" it reads, to a customer who never heard of "tomorrow", as a date from nowhere (blind
reviewers said so of 7 of set ai's 13 garbled rewrites). The time becomes the agent's own update instead: "I'm checking
whether your bike can be ready, and I'll update you tomorrow." A time the customer asked for ("I need it by Friday") is
answered as not confirmed by ``promise``; a hurry ("right away") is no time to update by.
"""

from __future__ import annotations

import re

from ..._core.facts import CURRENCY, extract_facts
from .clauses import holds_fact

__all__ = ["update_instead", "checking_on", "update_time", "asked_for", "PEOPLE", "ARRIVAL"]

_CHECK_ON = (
    "I'm checking on {what} and will update you{when}.",
    "I'll check on {what} and update you{when}.",
)
_CHECK_BY = (
    "I'm checking whether {s} can {vp}, and I'll update you{when}.",
    "Let me check whether {s} can {vp}; I'll update you{when}.",
)
_CHECK_BY_ALSO = "I'll also check whether {s} can {vp}, and update you{when}."
_LOOKING_INTO = (
    "I'm looking into this and will update you{when}.",
    "I'll look into this and update you{when}.",
)


def checking_on(what: str, when: str, salt: int) -> str:
    """The agent's own check, with the time of its update: "I'll check on your parcel and update you by Saturday"
    ("this", which points back at nothing, is looked into: the sentence is not a check of what went before)."""
    return (_LOOKING_INTO if what == "this" else _CHECK_ON)[salt % 2].format(what=what, when=when)


_DEADLINE_TAIL = re.compile(r"(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\s+(?:noon|midday|midnight)\b)?"  # ("by 12 noon")
                            r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|BST|UTC|CET|CEST|AEST|AEDT|IST)\b)?"  # "5 p.m. EST"
                            r"(?:\s+(?:tomorrow|today|tonight|on\s+\w+day|(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)?"
                            r"(?:\s+(?:morning|afternoon|arvo|evening|night)\b|\s+[ap]\.m\.?(?!\w))?"  # ("by tomorrow a.m.")
                            # "by tomorrow 11 a.m.": its hour
                            r"(?:(?<=tomorrow)\s+(?:by\s+|at\s+|before\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b))?"
                            r"(?:\s+at\s+the\s+latest\b)?", re.I)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DIGITS = re.compile(r"\d*(?:st|nd|rd|th)?(?:\s+" + _MONTH + r"(?:\s+\d{4})?\b)?")  # the rest of "by 3|0 June"
_DATE_AFTER = re.compile(rf",?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?|"
                         rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
                         r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th))\b")  # ... or its day of the month alone: "Saturday 12th"
PEOPLE = re.compile(r"\b(?:team|engineers?|technicians?|plumbers?|electricians?|crews?|couriers?|drivers?|agents?|staff|"
                    r"specialists?|members?|colleagues?|department|manager|fitters?|installers?|surveyors?)\b", re.I)
# a time that only hurries ("right away", "asap"): the update is not promised by it
_HURRY = re.compile(r"^(?:right\s+away|straight\s+away|immediately|instantly|asap|as\s+soon\s+as\s+possible|in\s+no\s+time|"
                    r"shortly|soon|quickly|right\s+now|in\s+a\s+(?:moment|jiffy|few\s+minutes))$", re.I)


# a reply, not an outcome: "get back to you", "be in touch", "contact you"; and a desk that replies
_DESK = re.compile(r"^our\s+(?:[\w-]+\s+){0,2}?(?:team|department|desk|specialists|support)$", re.I)
_CONTACT = re.compile(r"(?:get\s+back\s+to\s+you|be\s+in\s+touch(?:\s+with\s+you)?|(?:contact|call|ring|e-?mail|reply\s+to|"
                      r"respond\s+to)\s+you|reply|respond)", re.I)


def update_time(when: str) -> str:
    """A deadline as the time of the agent's update: " by Friday", " within 24 hours", " tomorrow", or nothing for a
    hurry ("right away")."""
    when = re.sub(r"^(?:on|by)\s+(?=(?:today|tonight)\b)|^on\s+(?=tomorrow\b)", "", when.strip(), flags=re.I)  # not "on
    # tomorrow", "by today"
    when = re.sub(r"\s+(?:positively|for\s+sure|without\s+fail)$", "", when, flags=re.I)  # (the update's time, unvouched)
    if _HURRY.match(when):
        return ""
    if re.match(r"(?:by|before|within|in|on|today|tonight|tomorrow|this|later|first\s+thing|end\s+of|the\s+end\s+of|"
                r"(?:well|long)\s+before|ahead\s+of)\b", when, re.I):  # (not "by well before your wedding day")
        return f" {when}"
    return f" by {when}"


# the words of a time that do not say which time: "within 3 days" is asked for by "3 days", not by "days"
_NOT_THE_TIME = frozenset("by before within in on the of a an end this next at minute minutes min mins hour hours hr hrs day "
                          "days week weeks month months working business".split())


def asked_for(when: str, asked: str) -> bool:
    """The customer's message names the time ``when`` speaks of (its figures, or a word such as "Friday", "tomorrow",
    "wedding"): then it is said back as not confirmed, as the answer to what they asked."""
    if not asked:
        return False
    counted = re.findall(r"(\d+)\s*(?:[-–]\s*\d+\s*)?(?:(?:working|business)\s+)?([a-z]+)?", when.lower())
    if any(re.search(rf"\b{n}[\s-]*(?:(?:working|business)\s+)?{unit[:3]}" if unit not in ("", "a", "am", "p", "pm")
                     else rf"\b{n}\b", asked, re.I)
           for n, unit in counted):  # "within 3 days" is asked for by "3 days", not by "exams in 3 weeks"
        return True
    words = [w for w in re.findall(r"[a-z']+", when.lower()) if w not in _NOT_THE_TIME and not re.search(r"\d", w)]
    return any(re.search(rf"\b{re.escape(w)}\b", asked, re.I) for w in words)




#: What arrives, as a promise says it: "arrive", "be in your account", "be on your doorstep", "reach you".
ARRIVAL = re.compile(r"(?:arrive|reach\s+you|land|be\s+(?:with\s+you|delivered(?:\s+to\s+you)?|on\s+(?:your|the)\s+doorstep|"
                     r"at\s+your\s+door|"
                     r"(?:back\s+)?in\s+your\s+(?:account|bank(?:\s+account)?)|credited(?:\s+to\s+your\s+account)?|"
                     r"(?:back\s+)?on\s+your\s+card)|show\s+(?:up\s+)?(?:in|on)\s+your\s+(?:account|statement))", re.I)
_INTO_ACCOUNT = re.compile(r"^be\s+(?:back\s+)?in(?:to)?\s+your(?=\s+(?:bank\s+)?account\b(?!\s+portal))", re.I)
_MONEY = re.compile(rf"\b(?:refund|money|payment|credit|reimbursement|compensation|deposit|funds|cash|debits?|charges?|"
                    rf"balance|difference|advance|salary|wages|loan|payout|bonus|allowance|it)\b|[{CURRENCY}]\s?\d", re.I)
_MONEY_ARRIVES = re.compile(r"\b(?:account|bank|card|credited|statement)\b", re.I)
# "you'll have the money back in your account": the money is what the agent checks on, not whether "you can have" it
_YOU_GET_BACK = re.compile(r"(?:have|get|receive|see)\s+(?P<what>(?:the|your)\s+(?:money|refund|payment|credit|deposit|"
                           rf"[{CURRENCY}]\s?\d[\d,.]*)|it|them)(?:\s+back)?(?:\s+(?:in|into|on)\s+your\s+(?:bank\s+)?"
                           r"(?:account|card))?", re.I)


def update_instead(s: str, vp: str, deadline: re.Match[str], salt: int, *, again: bool, asked: str,
                   agent: bool) -> str | None:
    """The promise "{s} will {vp}", whose ``vp`` holds ``deadline``, as the agent's own check with the time as when they
    update the customer; None when the customer asked for that time, or the time cannot be taken out whole; "" when
    there is neither a time nor anything to name (the clause goes)."""
    if asked_for(deadline.group(), asked):
        return None
    # "Your bike will be ready tomorrow": the customer never heard of "tomorrow", so it is when the agent updates
    # them ("I'm checking whether your bike can be ready, and I'll update you tomorrow"), not a day said back as
    # not confirmed
    digits = _DIGITS.match(vp, deadline.end())
    end = _DEADLINE_TAIL.match(vp, digits.end())  # "by 3|0 June": the number and its month go whole
    end = _DATE_AFTER.match(vp, end.end()) or end  # "by Friday 14 June": the date goes whole
    pre = re.search(r"(?:^|\s)(?:(?:by|before|until)(?:\s+(?:the\s+)?(?:end|start|middle)\s+of)?|(?<!\bback\s)on|later|"
                    r"very|really|pretty|quite|fairly)\s+$",
                    vp[: deadline.start()], re.I)  # "fixed by [this evening]", "by the end of [next week]" (not "back on")
    start = pre.start() if pre else deadline.start()
    if re.search(r"\b(?:which|that)\s+(?:is|are|was|will\s+be)\s+[a-z]+(?:\s+[a-z]+)?\s*$", vp[:start], re.I):
        return None  # "fixed in the next update which is going out tomorrow": the time is the update's, said whole
    hurried = pre is not None and re.fullmatch(r"\s*(?:very|really|pretty|quite|fairly)\s+", pre.group(), re.I)
    when = update_time(vp[deadline.start() if hurried else start: end.end()].strip())  # ("very soon": "soon")
    rest = re.sub(r"\s+(?:either\s+way|at\s+the\s+(?:very\s+)?latest|or\s+(?:sooner|earlier)|as\s+promised|itself)\b", "",
                  vp[:start] + vp[end.end():])
    rest = re.sub(r"\s+(?=[,;])", "", re.sub(r"\s{2,}", " ", rest)).strip(" ,;")
    rest = re.sub(r"\s+x{1,3}$", "", rest)  # "... written off for you today x": the kiss signs off, it is not checked
    whole = re.match(r"[\w.]", vp[end.end():end.end() + 1]) is not None or \
        re.search(r"\b(?:of|the|by|to|for|at|until|before|within)$", rest, re.I) is not None  # a cut date or phrase
    if whole or set(extract_facts(vp)) - set(extract_facts(rest)) - set(extract_facts(when)):
        return None  # a date the deadline cut in two is said back whole, as not confirmed
    if ARRIVAL.fullmatch(rest) and not again and not agent and not PEOPLE.search(s) and \
            re.match(r"(?:an?|that)\s+(?:refund|payment|credit|reimbursement)\b", s, re.I):  # "A refund for
        s = re.sub(r"^(?:an?|that)\s+", "the ", s, flags=re.I)  # the duplicate charge will be in your account today": the
        # refund, watched (and "I can confirm ... and that payment of £18,360.00 will be in your account": "that" joins)
    if ARRIVAL.fullmatch(rest) and not again and not agent and not PEOPLE.search(s) and \
            re.match(r"(?:the|your|our|these|those)\s", s, re.I):  # (not "a new cushion", nor "it": what is it?)
        # "the money will be in your account by Friday": not "whether the money can be in your account" (it was sent)
        # but the agent's own watch on it, "I'll check on the money and update you by Friday"
        return checking_on(s, when, salt)
    if ARRIVAL.fullmatch(rest) and not again and s.lower() in ("it", "they"):  # "it should arrive soon": after "I've
        # approved a replacement", "I'm looking into this" would say it is not settled; its arrival is what is watched
        # (not "they'll be with you by noon" of a technician: a visit, looked into)
        visit = s.lower() == "they" and re.match(r"be\s+with\s+you\b", rest, re.I) is not None  # (people, or things?)
        return checking_on("the payment" if _MONEY_ARRIVES.search(rest) else "this" if visit else "the delivery", when, salt)
    if s.lower() in ("it", "they", "this", "that") and len(rest.split()) <= 4 and not again and not holds_fact(rest) \
            and when:  # "it can be back up", "it can show on your account" read as odd to blind reviewers (sets aj, ak)
        return checking_on("this", when, salt)
    back = _YOU_GET_BACK.fullmatch(rest) if s.lower() == "you" and not again and when else None
    if back and (back["what"].lower() not in ("it", "them") or re.search(r"\bback\b", rest, re.I)):
        what = back["what"] if back["what"].lower() not in ("it", "them") else "the money"
        return checking_on(what, when, salt)
    if _CONTACT.fullmatch(rest) and not again and when and (s.lower() in ("we", "i") or _DESK.search(s)):  # "Our
        # support team will get back to you within 24-48hrs": a reply, passed on, with the time the team aims for (not
        # "whether our support team can get back to you"); "we'll be in touch by Friday": the agent's own reply
        if s.lower() in ("we", "i"):
            return f"I'll {re.sub(r'^be in touch with you', 'be in touch', rest)}{when}."
        return f"I'm passing this to {s[0].lower() + s[1:] if not s.startswith('I ') else s} now; they aim to {rest}{when}."
    if len(rest.split()) >= 2 or rest.lower() in ("arrive", "reopen", "open", "return"):
        if _MONEY.search(s):  # not "whether a full refund can be in your account" (files stay "in your account")
            rest = _INTO_ACCOUNT.sub("be paid into your", rest)
        rest = re.sub(r"\b([ap])\.m$", r"\1.m.", rest, flags=re.I)  # "before 9 a.m" lost its stop with the sentence's
        return (_CHECK_BY_ALSO if again else _CHECK_BY[salt % 2]).format(s=s, vp=rest, when=when)
    if set(extract_facts(vp)) <= set(extract_facts(deadline.group())) and not again:
        what = "this" if s.lower() in ("we", "i", "you", "they", "he", "she", "someone") or \
            s.lower().startswith(("we ", "i ")) or agent or PEOPLE.search(s) or s[:1].isupper() or \
            not (extract_facts(s) or re.match(r"(?:the|your|our|all|both|each|every|this|these|those)\b", s, re.I)) \
            else s  # (not "checking on you", "checking on our engineers", "checking on Kingsway", "on broadband")
        if what == "this" and not when and not holds_fact(vp):
            return ""  # "Pro will unlock straight away": no time and nothing to name; the caller drops the clause
        return checking_on(what, when, salt)
    return None
