"""One promise of news per reply: the coach's edits each end with their own "and I'll update you", and two of them in a
row read as a form ("I'll check what I can offer you and let you know. I'll look into this and update you by Friday.").

Of the sentences that promise an update, one keeps it: where it can, one that says when (the draft's own, else the
first: the soonest news), else the draft's own, else the one about an urgent step, else the first. The others the coach
wrote lose their "and update you" ("I'll check what I can offer you."), or go when they check nothing named ("I'll look
into this and update you."). The draft's own sentences, and the times it said, are never cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["one_update"]

_WHEN = (r"(?:\s+(?:as\s+soon\s+as\s+(?:I|we)\s+(?:have\s+news|know\s+more|can|hear\s+back)|once\s+(?:they|I)\s+have\s+"
         r"looked\s+at\s+it|with\s+what\s+(?:I|they)\s+(?:find|decide)|today|tonight|tomorrow(?:\s+(?:morning|afternoon))?|"
         r"this\s+(?:morning|afternoon|evening|week)|first\s+thing\s+tomorrow|by\s+[^.;,!?]+|within\s+[^.;,!?]+|"
         r"in\s+\d[^.;,!?]*|on\s+[A-Z0-9][^.;,!?]*|at\s+the\s+latest))*")
_NEWS = (r"(?:update\s+you|let\s+you\s+know(?:\s+what\s+(?:I|they)\s+(?:find|decide))?|get\s+back\s+to\s+you(?:\s+here)?"
         r"(?:\s+with\s+an\s+update)?|reply\s+here\s+(?:once|as\s+soon\s+as)\s+I\s+(?:know\s+more|have\s+news))(?:\s+here)?")
# the tail that promises news: ", and I'll update you by Friday.", "; I'll update you today.", " and update you."
_TAIL = re.compile(rf"(?:,\s*and\s+(?:I['’]ll|I\s+will)\s+|;\s*I['’]ll\s+|,?\s+and\s+(?:will\s+|I['’]ll\s+)?)"
                   rf"{_NEWS}(?P<when>{_WHEN})\s*[.!]?$", re.I)
# ... and a sentence that is nothing but that promise, or a look at nothing named before it
_BARE = re.compile(rf"^(?:I['’]ll\s+{_NEWS}(?P<when>{_WHEN})|(?:I['’]ll|I\s+will|I['’]m|Let\s+me)\s+(?:look(?:ing)?\s+into|"
                   rf"check(?:ing)?)\s+(?:this|it)(?:\s+now)?(?:,\s*and\s+I['’]ll|\s+and(?:\s+will)?)\s+{_NEWS}"
                   rf"(?P<when2>{_WHEN}))\s*[.!]?$", re.I)
# the agent's own news ("I'll check ... and update you"), not another's ("our team will get back to you within 3 days")
_OWN = re.compile(r"^(?:[^.;]*?\b)?(?:I|we|let\s+me)\b", re.I)
_URGENT = re.compile(r"\b(?:urgent\w*|safety|escalat\w*)\b", re.I)  # the news of an urgent step stays with it
_TIME = re.compile(r"\b(?:today|tonight|tomorrow|morning|afternoon|week|by|within|in\s+\d|on\s+[A-Z0-9]|latest)\b")


_LAST = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z])(?!.*[.!?]\s+[A-Z])")  # where a unit's last sentence starts


class _Promise(NamedTuple):
    """A sentence's promise of news: ``bare`` when the sentence is nothing else (it goes whole), the ``when`` it says
    ("by Friday"; "" for none) and where its tail starts (``cut``)."""

    bare: bool
    when: str
    cut: int

    @property
    def timed(self) -> bool:
        return _TIME.search(self.when) is not None


def _promise(sentence: str) -> _Promise | None:
    """The promise of news ``sentence`` makes; None for any other sentence."""
    bare = _BARE.match(sentence)
    if bare:
        return _Promise(True, (bare["when"] or bare["when2"] or "").strip(), 0)
    tail = _TAIL.search(sentence)
    if tail is None or len(sentence[:tail.start()].split()) < 3 or not _OWN.match(sentence[:tail.start()]):
        return None
    return _Promise(False, tail["when"].strip(), tail.start())


def _split(unit: str) -> tuple[str, str]:
    """A unit's sentences before its last, and its last."""
    at = _LAST.search(unit)
    start = at.end() if at else 0
    return unit[:start], unit[start:]


def one_update(units: list[str], draft: str) -> Iterator[list[str]]:
    """``units`` (a sentence or a few each) with one promise of news in their last sentences, a way for each promise
    that may be the one kept, the likeliest first. The ``draft``'s own sentences stay as they are, and so does a promise
    whose time the draft said ("... and update you by this evening": the draft's "fixed by this evening"). Nothing when
    there is one promise, or only the draft's."""
    split = [_split(unit) for unit in units]
    marked = [(at, p) for at, (_, last) in enumerate(split) if last and (p := _promise(last)) is not None]
    drafted = {at for at, p in marked if split[at][1] in draft or p.timed and p.when.lower() in draft.lower()}
    if len(marked) < 2 or all(at in drafted for at, _ in marked):
        return
    ranked = sorted(marked, key=lambda m: (m[1].timed, m[0] in drafted, bool(_URGENT.search(split[m[0]][1])),
                                           -m[0]), reverse=True)
    for keeper, _ in ranked:
        out = list(units)
        for at, promise in marked:
            head, last = split[at]
            if at == keeper or at in drafted:
                continue
            out[at] = head.rstrip() if promise.bare else head + last[:promise.cut].rstrip(" ,;") + "."
        yield out
