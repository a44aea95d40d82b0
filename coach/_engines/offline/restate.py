"""Restate the customer's problem in the agent's voice: "my order arrived cracked" -> "your order arrived cracked"."""

from __future__ import annotations

import re

from ..._core.text import split_sentences
from ..._core.untrusted import DEMANDS_OF_THE_MODEL

__all__ = ["restate_problem"]

_NOISE = re.compile(r"https?://\S+|www\.\S+|[\U0001F000-\U0001FFFF\u2600-\u27BF\uFE0F\u200d]+")
_HASHTAG = re.compile(r"#(?=[A-Za-z])")
_SPACES = re.compile(r"[^\S\n]+")
_LABEL = re.compile(r"^[A-Za-z ]{2,24}:\s+")  # "Actual question: the parcel ..." -> "the parcel ..."
_PROBLEM = re.compile(
    r"\b(?:broken|broke|crack\w*|damag\w*|late|delay\w*|missing|never|not|\w+n't|wrong|charg\w*|twice|"
    r"cancel\w*|lost|stuck|error\w*|fail\w*|down|outage|refund\w*|still|no\s+longer|overcharg\w*|double|"
    r"crash\w*|freez\w*|frozen|slow|declin\w*|locked|blocked|expired|disconnect\w*|dropp\w*|stopped|"
    r"leak\w*|spoil\w*|empty|without|waiting|waited|hours|days|weeks|only|instead|no\s+one|nobody|nothing|"
    r"respond\w*|received|sent\s+me|fray\w*|torn|ripped|faulty|defective|dead|unsafe|wet|melted|warm|dirty|"
    r"smashed|scratch\w*|dent\w*|stolen|hacked|fraud\w*|bumped|overbooked|overdrawn|taken\s+twice|leak\w*|"
    r"no|supposed|cuts?\s+off|usually|estimated|instead|ordered\s+the|billed)\b",
    re.I,
)
# A restatement must open with its subject, so that "Thanks for letting us know that ..." reads as a sentence.
_NOT_A_SUBJECT = re.compile(
    r"(?:why|what|how|when|where|who|which|can|could|would|will|is|are|do|does|did|please|if|because|so|and|but|or|"
    r"to|for|not|no|never|still|been|being|just|also|very|really|totally|same|again|any|anyone|need|want|get|fix|"
    r"help|thanks?|[^A-Za-z])\b",
    re.I,
)
# "After the last update, the app crashes" -> "the app crashes".
_LEADING_SUBCLAUSE = re.compile(
    r"(?:after|since|when|ever since|as of|now that|today|yesterday|this morning|last night)\b[^,]{0,60},\s*", re.I
)
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
_BROKEN_PUNCTUATION = re.compile(r"\.\.|…|\s[,.;]|,,|,(?=[A-Za-z])")
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


_HANDLE = re.compile(r"@\w+")
_HANDLE_MARK = "\u2063"  # where a handle stood: "@Shop blocked my order" must not become "you blocked your order"


def _clean(text: str) -> str:
    text = _HANDLE.sub(_HANDLE_MARK, _NOISE.sub(" ", text))
    return _SPACES.sub(" ", _HASHTAG.sub("", text)).strip()


def _candidates(customer: str) -> list[str]:
    """The customer's sentences that describe a problem, most telling first."""
    scored = []
    for sentence in split_sentences(_clean(customer)):
        text = sentence.text
        words = text.split()
        if len(words) < 3 or DEMANDS_OF_THE_MODEL.search(text) or text.endswith("?"):
            continue
        problems = len(_PROBLEM.findall(text))
        score = problems * 3 + sum(any(c.isdigit() for c in w) for w in words)
        if problems:
            scored.append((-score, len(scored), text))
    return [text for _, _, text in sorted(scored)]


def _shorten(text: str) -> str | None:
    words = text.split()
    if len(words) <= _MAX_WORDS:
        return text
    head = " ".join(words[:_MAX_WORDS])
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind(" and "), head.rfind(" but "))
    return head[:cut] if cut > 20 else None


def _as_clause(sentence: str) -> str | None:
    """``sentence`` in the agent's voice, as a clause that can follow "Thanks for letting us know that"."""
    handle_first = sentence.startswith(_HANDLE_MARK)
    if _HANDLE_MARK in sentence.lstrip(_HANDLE_MARK + " "):
        return None  # a handle inside the sentence is usually its subject: without it the clause misleads
    sentence = " ".join(sentence.replace(_HANDLE_MARK, " ").split())
    clause = _TRAILING.sub("", _FILLER.sub("", _QUESTION_TAIL.sub("", _LABEL.sub("", sentence))))
    lead = _LEADING_SUBCLAUSE.match(clause)
    if lead:
        clause = clause[lead.end() :]
    clause = _TRAILING.sub("", _shorten(clause) or "") if clause else None
    if not clause or len(clause.split()) < 4:
        return None
    clause = _SWAP.sub(_swap, clause)
    if _PAST_VERB_START.match(clause) and not handle_first:
        clause = "you " + clause[0].lower() + clause[1:]
    if _NOT_A_SUBJECT.match(clause):
        return None
    first = clause.split()[0]
    if first[:1].isupper() and first[1:].islower() and first.isalpha():
        clause = clause[0].lower() + clause[1:]
    if _BROKEN_PUNCTUATION.search(clause) or clause.count('"') % 2 or clause.count("(") != clause.count(")"):
        return None
    return clause


def restate_problem(customer: str | None) -> str | None:
    """A clause that says the customer's problem back to them, or None when there is no safe one."""
    if not customer or not customer.strip():
        return None
    return next((clause for clause in map(_as_clause, _candidates(customer)) if clause), None)
