"""Small text helpers: sentences with offsets, content words, and a cheap English test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["html_to_text", "Sentence", "split_sentences", "content_words", "looks_english", "stem", "STOPWORDS"]

# A sentence ends at . ! ? (or a run of them, or an ellipsis) followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?:[.!?…]+[\"')\]]*)(?=\s|$|<)|\n+|</?(?:p|br|li|div|ul|ol|h\d|tr)\b[^>]*>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_HANDLE = re.compile(r"[@#]\w+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

STOPWORDS = frozenset(
    """a an the and or but so if then than that that's this these those there here it its it's is are was were be been
    being am do does did doing have has had having i i'm i've i'd i'll me my mine myself we we're we've we'd we'll
    us our ours you you're you've you'd you'll your yours yourself he she they them their his her him what which who
    whom whose when where why how all any both each few more most other some such no nor not only own same too very
    can could will would shall should may might must just now also still even ever again to of in on at by for with
    about against between into through during before after above below from up down out off over under further once
    as until while because via please hi hey hello there dear thanks thank team get got getting one lot really
    know let like make made go going see seen look looking need want way sure well ok okay yes oh""".split()
)
_ENGLISH_MARKERS = frozenset(
    """the you your to and we is for it this that please our us can be will with have of in are on an i my
    you'll you're we'll we're i'll i'm it's get got not sorry thanks thank hi hello hey at by from as was
    were has had do does did just all any if or but so what when how why which who there here out up""".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping character offsets (trailing space excluded)."""
    out: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if match.group().startswith("<") or not match.group().strip() else match.end()
        _append(text, pos, end, out)
        pos = match.end()
    _append(text, pos, len(text), out)
    return out


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    end = start + len(stripped)
    out.append(Sentence(start, end, stripped))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude stem, good enough to match 'delayed' with 'delay' and 'charges' with 'charged'."""
    word = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased words that carry meaning: no stopwords, links, handles, or words in ``ignore``."""
    text = _HANDLE.sub(" ", _URL.sub(" ", text))
    words = []
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'").strip("'")
        if len(word) > 1 and word not in STOPWORDS and word not in ignore:
            words.append(word)
    return words


def looks_english(text: str) -> bool:
    """True unless the text is clearly in another language or script (the rules are English-only)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(_URL.sub(" ", text))]
    if not text.isascii():  # all-ASCII text has only Latin letters: skip counting them
        letters = sum(map(str.isalpha, text))
        ascii_letters = len(_ASCII_LETTER.findall(text))
        if letters and ascii_letters / letters < 0.6:
            return False
    if len(words) < 4:
        return True
    markers = sum(w in _ENGLISH_MARKERS for w in words)
    return markers >= 1 and markers / len(words) >= 0.12


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ANCHOR = re.compile(r"<a\b[^>]*?href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|div|ul|ol|h\d|tr|table)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}


def _anchor_text(m: re.Match[str]) -> str:
    href, label = m.group(1), _ANY_TAG.sub("", m.group(2)).strip()
    return label if not label or href == label or href in label else f"{label} ({href})"


def html_to_text(text: str) -> str:
    """Plain text of an HTML draft (links kept, comments dropped); text without tags comes back as is."""
    if not re.search(r"</?[A-Za-z!][^>]*>", text):
        return text
    text = _ANCHOR.sub(_anchor_text, _HTML_COMMENT.sub("", text))
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", text))
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
