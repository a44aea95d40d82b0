"""Facts a rewrite must keep verbatim: IDs, amounts, dates, times, links, e-mails, phone numbers.

Dates and times said in words ("tomorrow", "by end of day", "within the hour", "in two days") are facts
too, but only for invention: a rewrite that says one that is in neither the draft, the customer's message
nor the policy has made up a deadline. They are not facts to keep, because a timeline is often the very
promise the rewrite has to drop ("it will be fixed today").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import NUMBER_WORDS

__all__ = ["CURRENCY", "extract_facts", "fact_kinds", "missing_facts", "invented_facts", "time_phrases", "invented_times",
           "is_time_phrase"]

#: The currency signs a sum of money starts with, for a character class ("[" + CURRENCY + "]").
CURRENCY = "$£€¥₹"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_FACT = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?])
  | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<phone>(?<![\w/])\+?\d{1,3}[-. (]*\d{3}[-. )]*\d{3}[-. ]*\d{3,4}(?!\w))
  | (?P<date>\b"""
    + _MONTHS
    + r"""\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+"""
    + _MONTHS
    + r"""\b(?:\s+\d{4})?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)
  | (?P<money>(?:(?<![\w-])(?-i:[A-Z]{1,3})(?=\$))?[""" + CURRENCY + r"""]\s?\d[\d,]*(?:\.\d+)?
      | (?<![\w-])(?-i:R)\d[\d,]*(?:\.\d+)?(?![\w-])
      | \b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b
      | \b(?:USD|EUR|GBP|CHF|AUD|CAD|NZD|SGD|HKD|NOK|SEK|DKK|MXN|INR|JPY|ZAR|AED|PLN|CZK|BRL)
        \s?\d{1,3}(?:[,\s]\d{3})*(?:\.\d+)?(?!\d|,\d)
        (?!\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b))
  | (?P<token>(?<![\w@-])\#?(?:[A-Za-z]+-?)?\d[\w/:.-]*(?:\s?(?:am|pm|AM|PM))?)
    """,
    re.VERBOSE,
)
_TRAILING = ".,;:!?)-"
# every fact holds a digit, an "@", a link's start or a day's name: half the sentences hold none, and are not searched
_MAY_HOLD_FACT = re.compile(r"[\d@]|http|www\.|day")
_THREAD_COUNTER = re.compile(r"\d/\d")  # "1/2" numbers a tweet in a thread; it is not a fact


_CERTAIN_100 = re.compile(r"100\s?%(?!\s*(?:of|refund|discount|credit|off|cash|back|charge|deposit|renewable|cotton|wool))", re.I)
_TXT_BEFORE = re.compile(r"\b(?:sorry|sry|soz|thanks|thx|ty|back|sent|talk|up|here|come|due|hope|wait|next|how)\s$", re.I)
_TXT_AFTER = re.compile(r"\s+(?:the|ur|your|u|you|ya|all|any|this|that|me|us|now|today|tmrw|it|them)\b", re.I)
_CLOCK = re.compile(r"\d{1,2}(?::\d\d)?\s?(?:am|pm)", re.I)


def fact_kinds(text: str) -> dict[str, str]:
    """The facts of ``text`` in order, without duplicates, each with its kind: url, email, phone, date, time (a clock
    time such as "5pm"), money or token (an order, ticket or account reference)."""
    return dict(_fact_kinds(text))  # (a fresh dict each call: callers may change theirs)


@lru_cache(maxsize=4096)  # a rewrite reads the facts of the same draft, sentences and candidates many times
def _fact_kinds(text: str) -> tuple[tuple[str, str], ...]:
    if not _MAY_HOLD_FACT.search(text):
        return ()
    seen: dict[str, str] = {}
    for match in _FACT.finditer(text):
        fact = match.group().rstrip(_TRAILING).strip()
        if fact == "100" and _CERTAIN_100.match(text, match.start()):
            continue  # "recovered, 100%" / "100% going to": certainty, not a figure
        if fact in ("2", "4") and _TXT_BEFORE.search(text[max(0, match.start() - 8):match.start()]) and \
                _TXT_AFTER.match(text, match.end()):
            continue  # "sorry 4 the trouble", "back 2 u": a word, not a figure
        if fact and fact not in seen and not _THREAD_COUNTER.fullmatch(fact):
            kind = match.lastgroup or "token"
            seen[fact] = "time" if kind == "token" and _CLOCK.fullmatch(fact) else kind
    return tuple(seen.items())


def extract_facts(text: str) -> list[str]:
    """The fact strings in ``text``, in order of appearance, without duplicates."""
    return list(fact_kinds(text))


def missing_facts(draft: str, rewrite: str) -> list[str]:
    """Facts of ``draft`` that do not appear in ``rewrite``, verbatim or ("12-month" as "12 months") apart."""
    return [fact for fact in extract_facts(draft) if fact not in rewrite and not _said_apart(fact, rewrite)]


def invented_facts(rewrite: str, *sources: str | None) -> list[str]:
    """Facts in ``rewrite`` found in none of ``sources`` (draft, customer message, policy lines).

    Dates and times in words count: "tomorrow" in a rewrite of a draft, customer message and policy that
    never say it is invented (see ``invented_times``).
    """
    known = "\n".join(s for s in sources if s)
    folded = known.casefold()  # ("4 June" is the draft's "4 JUNE", said without shouting)
    invented = [fact for fact in extract_facts(rewrite) if fact not in known and fact.casefold() not in folded and
                not _said_apart(fact, known)]
    times = [phrase for phrase in invented_times(rewrite, *sources) if not any(f in phrase for f in invented)]
    return invented + times


_HYPHENATED = re.compile(r"(\d+)-(minute|min|hour|hr|day|week|month|year)s?", re.I)


def _said_apart(fact: str, known: str) -> bool:
    """"2-hour" restates a known "2 hours": the same amount and unit, hyphenated as an adjective."""
    m = _HYPHENATED.fullmatch(fact)
    return bool(m) and re.search(rf"(?<![\d.]){m.group(1)}\s*-?\s*{m.group(2)}", known, re.I) is not None


# --- dates and times in words -------------------------------------------------------------------------

_NUMBER_WORDS = {
    "a": "1", "an": "1", **NUMBER_WORDS, "fifteen": "15", "twenty": "20",
    "thirty": "30", "forty-eight": "48", "seventy-two": "72", "twenty-four": "24",
}
_WORD_COUNT = (r"(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
               + r"|a\s+few|few|several|a\s+couple\s+of|couple\s+of)")
_DIGIT_COUNT = r"\d+(?:\s*(?:-|–|to)\s*\d+)?"
_UNIT = r"(?:(?:business|working|calendar)\s+)?(?:minute|min|hour|hr|day|night|week|month)s?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|weekend|week|month)"
_LEAD = r"(?:within|in|after|over|for|by)\s+(?:the\s+)?(?:next\s+)?"
# "for one month" says how long, not by when: it is no deadline ("charged twice for one month")
_DURATION_ONLY = re.compile(r"^for\s", re.I)
_TIME_WORDS = re.compile(
    r"""\b(?:
        (?:later\s+)?(?:today|tonight|tomorrow|yesterday)(?:\s+(?:morning|afternoon|arvo|evening|night))?
      | (?:this|next|last)\s+(?:""" + _PART_OF_DAY + "|" + _WEEKDAY + r"""|business\s+day|working\s+day)
      | (?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|week|month|business)
      | eod|cob|eow|overnight|midday|noon|midnight|lunchtime|first\s+thing
      | """ + _DIGIT_COUNT + r"""\s+""" + _UNIT + r"""
      | """ + _LEAD + _WORD_COUNT + r"""\s+""" + _UNIT + r"""
      | (?:within|in|by)\s+(?:the\s+)?(?:next\s+)?(?:hour|day|week|month)
    )\b""",
    re.I | re.X,
)
_CANONICAL = [
    (re.compile(r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+day|business|day)\b|\beod\b|\bcob\b", re.I),
     "end of day"),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?week\b|\beow\b", re.I), "end of week"),
    (re.compile(r"^(?:within|in|by)\s+(?:the\s+)?(?:next\s+)?(hour|day|week|month)$", re.I), r"1 \1"),
    (re.compile(r"^" + _LEAD, re.I), ""),
    (re.compile(r"^later\s+", re.I), ""),
    (re.compile(r"\ba\s+(few|couple\s+of)\b", re.I), r"\1"),
    (re.compile(r"\bcouple\s+of\b", re.I), "couple"),
]


def _time_key(phrase: str) -> str:
    """A phrase's meaning, so that "within the hour" matches "within 1 hour" and "in two days" "2 days"."""
    key = " ".join(phrase.lower().replace("–", "-").split())
    for pattern, replacement in _CANONICAL:
        key = pattern.sub(replacement, key).strip()
    key = " ".join(_NUMBER_WORDS.get(word, word) for word in key.split())
    key = re.sub(r"(\d)\s*(?:-|to)\s*(\d)", r"\1-\2", key)
    key = re.sub(r"\b(min|hr)s?\b", lambda m: {"min": "minute", "hr": "hour"}[m.group(1).lower()], key)
    return re.sub(r"\b(minute|hour|day|night|week|month)s\b", r"\1", key)


def time_phrases(text: str) -> list[str]:
    """Dates and times said in words in ``text`` ("tomorrow", "end of day", "within 2 business days"), in order."""
    seen: dict[str, None] = {}
    for match in _TIME_WORDS.finditer(text):
        seen.setdefault(" ".join(match.group().split()), None)
    return list(seen)


def is_time_phrase(text: str) -> bool:
    """True when ``text`` is one date or time said in words (as ``time_phrases`` finds them)."""
    match = _TIME_WORDS.fullmatch(text.strip())
    return match is not None


def invented_times(rewrite: str, *sources: str | None) -> list[str]:
    """Dates and times in words in ``rewrite`` that none of ``sources`` says (by meaning, not spelling)."""
    known = {_time_key(phrase) for source in sources if source for phrase in time_phrases(source)}
    known_text = " ".join(" ".join(s.lower().split()) for s in sources if s)
    invented: dict[str, None] = {}
    for match in _TIME_WORDS.finditer(rewrite):  # every use: one timed outcome is enough, whatever comes first
        phrase = " ".join(match.group().split())
        if _time_key(phrase) not in known and phrase.lower() not in known_text and not _no_deadline(rewrite, match):
            invented.setdefault(phrase, None)
    return list(invented)


# The clause a time word sits in: from the last clause break before it.
_CLAUSE_START = re.compile(r"[.!?;:,\n]\s*|\s+(?:but|and|so|while)\s+", re.I)
# The agent declining: "I can't give you a date today", "we're not able to confirm a time today".
_NEGATED = re.compile(r"\b(?:I|we)(?:\s+(?:can't|can’t|cannot|can\s+not|won't|won’t|don't|don’t|do\s+not|am\s+not|are\s+not)|"
                      r"(?:'m|’m|'re|’re)\s+not|\s+(?:am|are)\s+unable|\s+have\s+no)\b|\bno\s+(?:date|time|deadline|"
                      r"promise|guarantee|update)\b", re.I)
# The agent doing something now ("I'm contacting your claims handler today", "we've escalated it today").
_OWN_ACTION = re.compile(r"^(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+(?:now\s+|also\s+)?\w+ing\b"
                         r"|^(?:I|we)(?:'ve|’ve|\s+have)\s+(?:now\s+|also\s+|just\s+)?\w+ed\b", re.I)


# The agent's own next contact or step, said in the future ("I'll email you today", "... and will reply here today").
_OWN_STEP = re.compile(r"(?:(?:I|we)(?:'ll|’ll|\s+will|\s+shall)|will|'ll)\s+(?:also\s+|then\s+|personally\s+)?"
                       r"(?:e-?mail|call|ring|phone|text|message|dm|contact|reply|respond|write|update|send\s+you|"
                       r"get\s+back|follow\s+up|check|look|open|log|raise|file|book\s+(?:a|the)\s+call|be\s+in\s+touch|"
                       r"confirm\s+(?:by|in|with)|let\s+you\s+know|pass|escalate|report|find\s+out|ask|chase)\b", re.I)
_OUTCOME = re.compile(r"\b(?:refund\w*|fix\w*|resolv\w*|deliver\w*|arriv\w*|ship\w*|replac\w*|restor\w*|credit\w*|"
                      r"working|back\s+(?:up|on|online))\b", re.I)


def _no_deadline(text: str, match: re.Match[str]) -> bool:
    """A time word that sets no deadline: the agent declining ("I can't give you a date today"), the agent's own
    action under way ("I'm contacting the claims team today") or own next contact ("I'll email you today with the
    options", "... and reply to you here today"), a duration ("for one month"), a day named ("today's reading"),
    as long as no outcome is timed in the same clause."""
    at = match.start()
    if _DURATION_ONLY.match(match.group()) or re.match(r"['’]s\b", text[match.end():match.end() + 3]):
        return True
    start = 0
    for m in _CLAUSE_START.finditer(text, 0, at):
        start = m.end()
    clause = re.sub(r"^(?:and|but|so|then)\s+", "", text[start:at].lstrip(), flags=re.I)
    if _OUTCOME.search(clause) and not _NEGATED.search(clause):
        return False  # "I've arranged for your refund to reach you today"
    if _NEGATED.search(clause) or _OWN_ACTION.match(clause):
        return True
    step = _OWN_STEP.match(clause) or _OWN_STEP.match("will " + clause)  # "... and reply to you here today"
    if step is None:
        return False
    if step.group().lower().startswith(("i", "we")):
        return True
    # "... and will e-mail you today": only when the clause before it is the agent's own ("I'm checking ... and")
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    before = text[sentence_start:start]
    subjects = list(re.finditer(r"\b(?:I|we)(?:'ll|’ll|'m|’m|'ve|’ve|\s+will|\s+am|\s+are|\s+have)\b", before, re.I))
    return bool(subjects) and not re.search(r"\b(?:he|she|they|the\s+\w+|our\s+\w+|someone|somebody)\s+(?:has|have|"
                                            r"is|are|will|'ll)\b", before[subjects[-1].end():], re.I)
