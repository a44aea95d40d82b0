"""Restate the customer's problem in the agent's voice: "my order arrived cracked" -> "your order arrived cracked"."""

from __future__ import annotations

import re

from ._text import split_sentences
from ._untrusted import DEMANDS_OF_THE_MODEL

__all__ = ["restate_problem"]

_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|[\U0001F000-\U0001FFFF\u2600-\u27BF\uFE0F\u200d]+")
_HASHTAG = re.compile(r"#(?=[A-Za-z])")
_SPACES = re.compile(r"\s+")
_PROBLEM = re.compile(
    r"\b(?:broken|broke|crack\w*|damag\w*|late|delay\w*|missing|never|not|\w+n't|wrong|charg\w*|twice|"
    r"cancel\w*|lost|stuck|error\w*|fail\w*|down|outage|refund\w*|still|no\s+longer|overcharg\w*|double|"
    r"crash\w*|freez\w*|frozen|slow|declin\w*|locked|blocked|expired|disconnect\w*|dropp\w*|stopped|"
    r"leak\w*|spoil\w*|empty|without|waiting|waited|hours|days|weeks|only|instead|no\s+one|nobody|nothing|"
    r"respond\w*|received|sent\s+me)\b",
    re.I,
)
# A restatement must open with a subject, so that "Thanks for letting us know that ..." reads as a sentence.
_SUBJECT_START = re.compile(r"(?:your|you|you're|you've|you were|we|our|the|a|an|it|this|these|those|there|since)\b", re.I)
_FILLER = re.compile(
    r"^(?:(?:so|well|hi|hey|hello|ugh|seriously|just|um|and|but|also|yeah|yes|no|ok|okay|lol|wow|guys|"
    r"please|help|hmm|omg|wtf|again|honestly|today|now|update)\b[\s,!.:-]*)+",
    re.I,
)
_TRAILING = re.compile(r"(?:[\s,;:!?.…-]|\b(?:lol|smh|wtf|omg|ugh|please|pls|plz|thanks|thx)\b)+$", re.I)
_SWAPS = {
    "i'm": "you're", "i am": "you are", "i was": "you were", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "we're": "you're", "we've": "you've", "we": "you", "our": "your", "ours": "yours", "us": "you",
    "your": "our", "yours": "ours", "you guys": "we", "y'all": "we", "you all": "we",
    "you're": "we're", "you've": "we've", "you": "we",
}
_SWAP = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in _SWAPS), key=len, reverse=True)) + r")\b", re.I
)
_PAST_VERB_START = re.compile(r"^(?:\w+ed|got|paid|bought|sent|went|had|spent|made|took|lost|left|came|did)\b", re.I)
_MAX_WORDS = 22
_QUESTION_TAIL = re.compile(r",\s*(?:is|are|can|could|will|would|what|why|how|when|where|who|any|do|does|did)\b.*$", re.I)


def _swap(match: re.Match[str]) -> str:
    word = match.group()
    swapped = _SWAPS[word.lower().replace("’", "'")]
    # "you" is the company as subject ("you sent me") but the agent's "us" as object ("you told me").
    if word.lower() == "you" and match.start() > 0:
        before = match.string[: match.start()].rstrip().lower()
        if before and not re.search(r"(?:^|[.,;!?]|\b(?:and|but|because|since|that|when|if|so))$", before):
            swapped = "us"
    return swapped


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _HASHTAG.sub("", _NOISE.sub(" ", text))).strip()


def _best_sentence(customer: str) -> str | None:
    candidates = []
    for sentence in split_sentences(_clean(customer)):
        text = sentence.text
        words = text.split()
        if len(words) < 3 or DEMANDS_OF_THE_MODEL.search(text) or text.endswith("?"):
            continue
        score = len(_PROBLEM.findall(text)) * 3 + sum(any(c.isdigit() for c in w) for w in words)
        if score:
            candidates.append((score, -len(candidates), text))
    return max(candidates)[2] if candidates else None


def _shorten(text: str) -> str | None:
    words = text.split()
    if len(words) <= _MAX_WORDS:
        return text
    head = " ".join(words[:_MAX_WORDS])
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind(" and "), head.rfind(" but "))
    return head[:cut] if cut > 20 else None


def restate_problem(customer: str | None) -> str | None:
    """A clause that says the customer's problem back to them, or None when there is no safe one."""
    if not customer or not customer.strip():
        return None
    sentence = _best_sentence(customer)
    if sentence is None:
        return None
    clause = _FILLER.sub("", _QUESTION_TAIL.sub("", sentence))
    clause = _TRAILING.sub("", clause)
    clause = _shorten(clause) if clause else None
    if not clause or len(clause.split()) < 3:
        return None
    clause = _SWAP.sub(_swap, clause)
    if _PAST_VERB_START.match(clause):
        clause = "you " + clause[0].lower() + clause[1:]
    if not _SUBJECT_START.match(clause):
        return None
    if clause[:1].isupper() and not clause[1:2].isupper():
        clause = clause[0].lower() + clause[1:]
    if "..." in clause or "…" in clause or clause.count('"') % 2 or clause.count("(") != clause.count(")"):
        return None
    return clause
