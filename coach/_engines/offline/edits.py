"""Phrase-level edits the offline engine applies to one sentence; each returns the new text ('' to drop it)."""

from __future__ import annotations

import re

from ..._core.facts import extract_facts
from ..._core.text import content_words

__all__ = [
    "capitalise", "remove_apology", "remove_pity", "soften_vague_effort", "remove_parroting", "hedge_promise",
    "remove_phrase", "tidy",
]

_INTENSIFIERS = r"(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+|deeply\s+|sincerely\s+|extremely\s+|incredibly\s+)*"
_APOLOGY = re.compile(
    r"(?:(?:oh\s+no[,!]?\s*)?(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+" + _INTENSIFIERS + r"sorry"
    r"|(?:I|we)\s+(?:do\s+|sincerely\s+|truly\s+|deeply\s+)?(?:apologi[sz]e|regret)"
    r"|(?:my|our|please\s+accept\s+(?:my|our))\s+(?:sincere(?:st)?\s+|deepest\s+)?apologies"
    r"|(?:sincere(?:st)?\s+)?apologies|" + _INTENSIFIERS + r"sorry)"
    r"(?P<object>[^.!?;]*?)(?=,\s*(?:please|but|we|i|so|can|could|would|if|let|and|our)\b|\s+but\b|\s[-–—]\s|[.!?;]|$)"
    r"(?:\s*[.!?;,]+)?\s*(?:but\s+)?",
    re.I,
)
_VAGUE = [
    (re.compile(r"\b(?:(?:I|we)(?:'ll|’ll|\s+will)\s+)?see\s+what\s+(?:I|we)\s+can\s+do\s+about\s+", re.I), "I'll look into "),
    (re.compile(r"\b(?:I|we)(?:'d|’d|\s+would)\s+(?:like|love|be\s+glad|be\s+happy)\s+to\s+see\s+what\s+(?:I|we)\s+can\s+do"
                r"(?:\s+(?:to\s+(?:help|assist)|for\s+you))*", re.I), "I'll look into this for you"),
    (re.compile(r"\b(?:(?:I|we)(?:'ll|’ll|\s+will)\s+)?see\s+what\s+(?:I|we)\s+can\s+do(?:\s+(?:to\s+(?:help|assist)|for\s+you))*",
                re.I), "I'll look into this for you"),
    (re.compile(r"\b(?:try|do)\s+(?:my|our)\s+(?:very\s+)?best\s+to\s+", re.I),
     lambda m: "look into whether we can " if "our" in m.group().lower() else "look into whether I can "),
    (re.compile(r"\b(?:I|we)(?:'ll|’ll|\s+will)\s+(?:try|do)\s+(?:my|our)\s+(?:very\s+)?best\b", re.I), "I'll look into this"),
    (re.compile(r"\b(?:try|do)\s+(?:my|our)\s+(?:very\s+)?best\b", re.I), "follow up"),
    (re.compile(r"\b((I|we)(?:'ll|’ll|\s+will))\s+try\s+to\s+", re.I), r"\1 look into whether \2 can "),
    (re.compile(r"\bdo\s+what\s+(?:I|we)\s+can\b(?!\s+to\b)", re.I), "look into this"),
    (re.compile(r"\bdo\s+what\s+(?:I|we)\s+can\s+to\s+", re.I), "look into whether I can "),
]
_CLAUSE = re.compile(r"(\s*[,;]\s*(?:and|but|so)?\s*|\s+(?:and|but|so)\s+(?=I\b|we\b|it\b|that\b|this\b|what\b))", re.I)
_HOPE_REPHRASE = [
    (re.compile(r"\bhopefully\s+(?:we|I)(?:'ll|’ll|\s+will)?\s+(?:be\s+able\s+to|can)\s+", re.I), "I'll check whether we can "),
    (re.compile(r"\bhopefully\s+(it|this|that|they|you)\s+(?:will|'ll|’ll|should)\s+", re.I), r"I'll check whether \1 will "),
    (re.compile(r"(?:^|(?<=[.!?]\s))hopefully,?\s+", re.I), "I'll confirm whether "),
]
_HOPE_CLAUSE = re.compile(r",?\s*(?:and\s+|but\s+)?(?:hopefully|fingers\s+crossed)\b[^,.!?;]*", re.I)
_HOPE = re.compile(r"\b(?:hopefully|fingers\s+crossed|no\s+promises)\b", re.I)
_PARROT = re.compile(
    r"\b(?:I|we)\s+(?:totally\s+|completely\s+|fully\s+|do\s+)?understand(?:\s+(?:your|the)\s+(?:concerns?|frustration))?"
    r"(?:\s*[,.!]+\s*)?(?:\s*(?:and|but|that)\s+)?"
    r"|\bI\s+hear\s+you(?:\s+loud\s+and\s+clear)?[,.!]?\s*|\bI\s+know\s+how\s+you\s+feel[,.!]?\s*",
    re.I,
)
_PROMISE_WORDS = re.compile(
    r"\b(?:I|we)\s+(?:can\s+)?(?:promise|guarantee)(?:\s+(?:you|that)(?![\w'’]))*\s*|\bpromise\s+(?:you\s+)?(?:that\s+)?"
    r"|\byou\s+have\s+my\s+word(?:\s+that)?\s*",
    re.I,
)
_CERTAINTY = re.compile(
    r"\s*\b(?:definitely|certainly|absolutely|surely|for\s+sure|100%|without\s+fail|no\s+matter\s+what|without\s+a\s+doubt)\b",
    re.I,
)
_INSTANT = re.compile(
    r"\s*\b(?:right\s+away|straight\s+away|immediately|instantly|asap|as\s+soon\s+as\s+possible|in\s+no\s+time|"
    r"within\s+the\s+hour|today|tonight)\b",
    re.I,
)
# "will" after anyone but I/we, and "'ll" after you/it/they: the outcome, not the agent's own action.
_WILL = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\bWe )\bwill\b|(?<=\b[Yy]ou)(?:'ll|’ll)\b|(?<=\b[Ii]t)(?:'ll|’ll)\b|(?<=\b[Tt]hey)(?:'ll|’ll)\b"
)
_NEVER_AGAIN = re.compile(
    r"\b(?:this|it|that)\s+(?:will|'ll|’ll)\s+never\s+happen\s+again\b(?:\s*(?:,\s*)?(?:and|but)?\s*)?", re.I
)
_GUARANTEE_TAIL = re.compile(r",?\s*(?:guaranteed|no\s+matter\s+what|you\s+have\s+my\s+word|don['’]t\s+worry[^.!?]*)", re.I)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.!?;:])")
_DOUBLE_SPACE = re.compile(r"[ \t]{2,}")
_LINK_START = re.compile(r"(?:https?://|www\.|[@#])", re.I)
_LEADING_JUNK = re.compile(r"^[\s,;:–—-]+")


def tidy(text: str) -> str:
    """Fix spacing and capitalisation after an edit; '' when nothing meaningful is left."""
    text = _DOUBLE_SPACE.sub(" ", _SPACE_BEFORE_PUNCT.sub(r"\1", text))
    text = _LEADING_JUNK.sub("", text).strip()
    if not re.search(r"[A-Za-z0-9]", text):
        return ""
    text = re.sub(r"^([,.!?;:]\s*)+", "", text)
    return capitalise(text)


def capitalise(text: str) -> str:
    """Upper-case the first letter, but leave links, handles and already-cased text alone."""
    if not text or not text[0].islower() or _LINK_START.match(text):
        return text
    return text[0].upper() + text[1:]


def remove_apology(sentence: str) -> str:
    return tidy(_APOLOGY.sub("", sentence, count=1))


def soften_vague_effort(sentence: str) -> str:
    for pattern, replacement in _HOPE_REPHRASE:
        sentence = pattern.sub(replacement, sentence)
    sentence = _HOPE_CLAUSE.sub(lambda m: m.group() if extract_facts(m.group()) else "", sentence)
    if _HOPE.search(sentence):
        return ""
    for pattern, replacement in _VAGUE:
        sentence = pattern.sub(replacement, sentence)
    return tidy(sentence)


def remove_parroting(sentence: str, generic: frozenset[str]) -> str:
    """Drop a bare 'I understand ...' sentence; otherwise cut just the phrase."""
    rest = _PARROT.sub("", sentence, count=1)
    if not content_words(rest, generic):
        return ""
    return tidy(rest)


def hedge_promise(sentence: str) -> str:
    """Keep the sentence's facts but drop what makes it a promise.

    'I promise it will arrive by Friday' -> 'It should arrive by Friday'.
    """
    text = _NEVER_AGAIN.sub("", sentence)
    text = _PROMISE_WORDS.sub("", text)
    text = _GUARANTEE_TAIL.sub("", text)
    text = _CERTAINTY.sub("", text)
    text = _INSTANT.sub("", text)
    text = _WILL.sub(lambda m: " should" if m.group().startswith(("'", "’")) else "should", text)
    return tidy(text)


def remove_pity(sentence: str, quote: str, *, keep_facts: bool) -> str:
    """Drop the clauses that carry the pity; the sentence goes when nothing of substance is left."""
    clauses = [c for c in _CLAUSE.split(sentence) if c and not _CLAUSE.fullmatch(c)]
    kept = [c for c in clauses if quote.lower() not in c.lower()]
    text = tidy(", ".join(c.strip() for c in kept))
    if keep_facts or (text and content_words(text) and len(text.split()) >= 3):
        return text if text and text[-1] in ".!?" else (text + "." if text else "")
    return ""


def remove_phrase(sentence: str, start: int, end: int) -> str:
    return tidy(sentence[:start] + sentence[end:])
