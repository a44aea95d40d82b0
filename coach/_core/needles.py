"""A rule's alternation searched only where the text holds a word its alternatives need: the same matches, found faster.

Most texts hold none of the words a long alternation is built on ("guarantee", "promise", "definitely"), yet Python's
``re`` tries every alternative at every position. Each alternative's *needles* (literal strings, one of which every
match of it contains) are read from its parsed form (``re._parser``, the standard library's own parser, as
``word_start`` does). A text that holds no needle of an alternative cannot match it; so only the alternatives whose
needles the text holds are searched, each on its own, and the leftmost match (at one position, the first alternative in
order) is the alternation's. Where the parser is missing, an alternative's needles are unknown or many texts would
hold them, the whole alternation is searched as it always was.

Which needles a text holds is found once per text, for every alternation at once, by one Aho-Corasick automaton
(``pyahocorasick``) over all their needles: a text is searched by a dozen alternations in a row, and looking for each
needle in turn cost more than the searches it saved.
"""

from __future__ import annotations

import re
import sys
import threading
from functools import lru_cache
from typing import Iterator

import ahocorasick

from .word_start import gated, top_level

try:  # the standard library's own parser and case table (private: a Python without them searches every alternative)
    from re import _casefix, _parser  # type: ignore[attr-defined]
    from re import _constants as c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every supported Python has them
    _casefix = c = _parser = None

__all__ = ["Alternation", "gate", "needles"]

_Needles = frozenset[str]
# An alternative whose needles are shorter than this is in nearly every text, and is always searched; more such
# alternatives than this cost more than the searches they save; and more alternatives picked than this are searched
# faster as the one alternation (measured on the dev replies: benchmarks/offline.py)
_MIN_LENGTH, _MAX_ALWAYS, _MAX_PICKED = 3, 10, 12

# re.I matches a letter to its simple lower case, and to the few characters re._casefix lists (ſ for s, ı for i); the
# text and the needles are folded alike so that a needle is in the folded text wherever re.I would find it
# (each character of such a group to the group's first: "ſ" to "s", "ı" to "i"; the table lists each pair both ways)
_EXTRA = {other: chr(min(key, *others)) for key, others in (_casefix._EXTRA_CASES.items() if _casefix else ())
          for other in (key, *others) if other != min(key, *others)}
_EXTRA[0x130] = "i"  # İ: its simple lower case is i, which str.lower() follows with a combining dot


@lru_cache(maxsize=64)  # one text is searched by many patterns in a row
def _fold(text: str) -> str:
    return text.lower() if text.isascii() else text.translate(_EXTRA).lower().translate(_EXTRA)


class _Automaton:
    """The needles of every alternation built so far, each with its number, in one automaton (built when first used;
    a needle added later builds a new one)."""

    def __init__(self, numbers: dict[str, int]):
        self.size = len(numbers)
        automaton = ahocorasick.Automaton()
        for needle, number in numbers.items():
            automaton.add_word(needle, number)
        if numbers:
            automaton.make_automaton()
        self._iter = automaton.iter
        self.present = lru_cache(maxsize=64)(self._present)  # one text is searched by many alternations in a row

    def _present(self, text: str) -> frozenset[int]:
        """The numbers of the needles that the folded ``text`` holds."""
        return frozenset(number for _, number in self._iter(_fold(text))) if self.size else frozenset()


_numbers: dict[str, int] = {}
_lock = threading.Lock()
_automaton = _Automaton({})


def _number(needles: frozenset[str]) -> dict[str, int]:
    with _lock:
        return {n: _numbers.setdefault(n, len(_numbers)) for n in needles}


def _current(size: int) -> _Automaton:
    """An automaton that knows at least the first ``size`` needles."""
    global _automaton
    automaton = _automaton
    if automaton.size < size:
        with _lock:
            if _automaton.size < size:
                _automaton = _Automaton(dict(_numbers))
            automaton = _automaton
    return automaton


def _rare(needle: str) -> bool:
    """Rare enough to look for: three characters, or two that are neither letters, digits nor spaces ("[[", "{{")."""
    return len(needle) >= _MIN_LENGTH or len(needle) == 2 and not any(ch.isalnum() or ch.isspace() for ch in needle)


def _best(found: list[_Needles | None]) -> _Needles | None:
    """Of several needle sets each of which every match meets, the one with the longest shortest needle."""
    known = [n for n in found if n]
    return max(known, key=lambda n: (min(map(len, n)), -len(n))) if known else None


def _required(seq) -> _Needles | None:  # type: ignore[no-untyped-def]
    found: list[_Needles | None] = []
    run = ""
    for op, av in seq:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset([_fold(run)]))
            run = ""
        if op is c.SUBPATTERN:
            found.append(_required(av[-1]))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            found.append(_required(av))
        elif op is c.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            found.append(_required(av[2]))
        # anything else (a class, a lookaround, \\b, a back-reference) tells nothing and ends a run of literals
    if run:
        found.append(frozenset([_fold(run)]))
    return _best(found)


def _parsed(pattern: str, flags: int):  # type: ignore[no-untyped-def]
    """``pattern`` as the standard library's parser reads it; None without the parser, or where it fails."""
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001  (a form the parser's internals do not expose as expected: always searched)
        return None


def needles(pattern: str, flags: int) -> _Needles | None:
    """Strings (folded to lower case) one of which every match of ``pattern`` contains; None when not known."""
    return _needles_of(_parsed(pattern, flags))


def _needles_of(tree) -> _Needles | None:  # type: ignore[no-untyped-def]
    try:
        return _required(tree) if tree is not None else None
    except Exception:  # noqa: BLE001  (as _parsed)
        return None


class Alternation:
    """``full`` (the alternation of ``alternatives``, in order, as one compiled pattern) searched through its needles.

    ``search`` and ``match`` try only the alternatives the text may match; the other methods use ``full`` whenever
    any alternative may match. Alternatives may not hold capturing groups (a match's groups would be numbered apart).
    """

    def __init__(self, full: re.Pattern[str], alternatives: list[str]):
        self.full = full
        self.pattern, self.flags, self.groups, self.groupindex = full.pattern, full.flags, full.groups, full.groupindex
        self._sources = alternatives
        self._alternatives: list[re.Pattern[str] | None] = [None] * len(alternatives)  # compiled when first searched
        trees = [_parsed(a, full.flags) for a in alternatives]  # each alternative parsed once, for both uses below
        self._needles = [n if n and all(map(_rare, n)) else None for n in map(_needles_of, trees)]
        self._all = frozenset().union(*(n for n in self._needles if n))
        self._index: tuple[frozenset[int], dict[int, tuple[int, ...]], int] | None = None  # when first searched
        # the alternatives searched whatever the text holds
        self._always = frozenset(i for i, need in enumerate(self._needles) if need is None)
        # (an empty match would make finditer's next search start elsewhere than where the last match ended)
        self._may_be_empty = any(tree is None or tree.getwidth()[0] == 0 for tree in trees)

    @classmethod
    def of(cls, full: re.Pattern[str], alternatives: list[str], always: int = _MAX_ALWAYS) -> re.Pattern[str] | Alternation:
        """``full`` itself where looking for needles would not pay (or could change a match), else an Alternation;
        ``always``: how many alternatives without needles may be searched every time."""
        alternation = cls(full, alternatives)
        sets = alternation._needles
        if full.groups or _parser is None or sum(n is None for n in sets) > min(always, len(sets) - 1):
            return full
        return alternation

    def _picked(self, string: str) -> list[re.Pattern[str]]:
        numbers, wanting, known = self._index or self._indexed()
        hits = [wanting[n] for n in numbers & _current(known).present(string)]
        if not hits and not self._always:
            return []
        return [self._alternatives[i] or self._compiled(i) for i in sorted(self._always.union(*hits))]

    def _indexed(self) -> tuple[frozenset[int], dict[int, tuple[int, ...]], int]:
        """Each needle's number with the alternatives that need it, and how many needles the automaton must know."""
        numbers = _number(self._all)
        wanting = {numbers[n]: tuple(i for i, need in enumerate(self._needles) if need and n in need) for n in self._all}
        self._index = (frozenset(wanting), wanting, max(wanting, default=-1) + 1)
        return self._index

    def _compiled(self, i: int) -> re.Pattern[str]:
        self._alternatives[i] = re.compile(self._sources[i], self.flags)
        return self._alternatives[i]  # type: ignore[return-value]

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        picked = self._picked(string)
        if len(picked) > _MAX_PICKED:
            return self.full.search(string, pos, endpos)
        return _leftmost(picked, string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for alternative in self._picked(string):
            m = alternative.match(string, pos, endpos)
            if m is not None:
                return m
        return None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.full.fullmatch(string, pos, endpos) if self._picked(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        picked = self._picked(string)
        if len(picked) > _MAX_PICKED or picked and self._may_be_empty:
            return self.full.finditer(string, pos, endpos)
        return _each(picked, string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        return self.full.findall(string, pos, endpos) if self._picked(string) else []

    def sub(self, repl, string: str, count: int = 0) -> str:  # type: ignore[no-untyped-def]
        return self.full.sub(repl, string, count) if self._picked(string) else string

    def subn(self, repl, string: str, count: int = 0) -> tuple[str, int]:  # type: ignore[no-untyped-def]
        return self.full.subn(repl, string, count) if self._picked(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.full.split(string, maxsplit) if self._picked(string) else [string]

    def __repr__(self) -> str:
        return f"Alternation({self.pattern!r})"


def gate(source: str, flags: int, always: int = _MAX_ALWAYS) -> re.Pattern[str] | Alternation:
    """``source``, an alternation written as one string, compiled with its alternatives gated (``word_start.gated``)
    and searched through their needles where that pays: for a pattern read on every message."""
    return Alternation.of(re.compile(gated(source, flags), flags), top_level(source), always)


def _leftmost(picked: list[re.Pattern[str]], string: str, pos: int, endpos: int) -> re.Match[str] | None:
    """The leftmost match of the ``picked`` alternatives; at one position, the first in order (as an alternation's)."""
    best = None
    for alternative in picked:
        m = alternative.search(string, pos, endpos)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def _each(picked: list[re.Pattern[str]], string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """``finditer`` of the picked alternatives, none of which matches empty: each search starts where the last match
    ended."""
    while (m := _leftmost(picked, string, pos, endpos)) is not None:
        yield m
        pos = m.end()
