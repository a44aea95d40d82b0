"""Facts a rewrite must keep verbatim: IDs, amounts, dates, times, links, e-mails, phone numbers."""

from __future__ import annotations

import re

__all__ = ["extract_facts", "missing_facts", "invented_facts"]

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
  | (?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b)
  | (?P<token>(?<![\w@-])\#?(?:[A-Za-z]+-?)?\d[\w/:.-]*(?:\s?(?:am|pm|AM|PM))?)
    """,
    re.VERBOSE,
)
_TRAILING = ".,;:!?)-"
_THREAD_COUNTER = re.compile(r"\d/\d")  # "1/2" numbers a tweet in a thread; it is not a fact


def extract_facts(text: str) -> list[str]:
    """The fact strings in ``text``, in order of appearance, without duplicates."""
    seen: dict[str, None] = {}
    for match in _FACT.finditer(text):
        fact = match.group().rstrip(_TRAILING).strip()
        if fact and fact not in seen and not _THREAD_COUNTER.fullmatch(fact):
            seen[fact] = None
    return list(seen)


def missing_facts(draft: str, rewrite: str) -> list[str]:
    """Facts of ``draft`` that do not appear verbatim in ``rewrite``."""
    return [fact for fact in extract_facts(draft) if fact not in rewrite]


def invented_facts(rewrite: str, *sources: str | None) -> list[str]:
    """Facts in ``rewrite`` found in none of ``sources`` (draft, customer message, policy lines)."""
    known = "\n".join(s for s in sources if s)
    return [fact for fact in extract_facts(rewrite) if fact not in known]
