"""A rule's alternation, gated where it can only match from a word character: the same matches, found faster.

Python's ``re`` tries every alternative of ``(?:\\bsorry\\b)|(?:\\bapolog\\w*)|...`` at every position of the text.
A run of alternatives whose first characters are known is wrapped as ``(?=[\\w'’])(?:...)``, so a space or a comma
fails once instead of once per alternative. A long run whose alternatives each start with known letters is split by
them, ``(?=t)(?:that's...|this...)|(?=i)(?:it's...)``: at a position only the group of its letter is tried. The
first characters are read from each alternative's parsed form
(``re._parser``, the standard library's own parser); when in doubt, or where that private module is missing, nothing
is gated, so the gate never changes a match.
"""

from __future__ import annotations

import re

try:  # the standard library's own parser (private: a Python without it gets no gates, and the same matches)
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every supported Python has them
    c = _parser = None

__all__ = ["gated_alternation", "gated", "first_chars", "exact_first", "top_level", "whole_words"]

_WORD, _ANY, _EMPTY = "\\w", "any", "empty"  # what a piece of pattern may consume first (or a character itself)
_EXACT = 1 << 30  # a flag of this module's own, never re's: the characters themselves, not \\w
# Split a run by first character only where its groups hold this many alternatives on average: a lookahead per
# group costs more than it saves on short runs (measured on the dev replies: 0.65 s -> 0.44 s for every rule key)
_MIN_GROUP = 4
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT) if c else ()
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) if c else ()


def _char(code: int, flags: int) -> str:
    """A literal as the gate's class says it: any word character is covered by \\w (asked ``_EXACT``: the character
    itself, lower-cased under re.I, where its case-folding is plain: ASCII, or a character without case)."""
    char = chr(code)
    if flags & _EXACT:
        plain = char.isascii() or char.lower() == char.upper() == char.casefold()
        return re.escape(char.lower() if flags & re.I else char) if plain else _ANY
    return _WORD if re.match(r"\w", char, flags) else re.escape(char)


def _in_set(items: list, flags: int) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(_char(av, flags))
        elif op is c.CATEGORY and av is c.CATEGORY_WORD:
            out.add(_WORD)
        elif op is c.RANGE and av[1] - av[0] < 256:
            out |= {_char(code, flags) for code in range(av[0], av[1] + 1)}
        else:
            return {_ANY}  # a negated set, another category, a wide range
    return out


def _first(seq, flags: int) -> set[str]:
    """What the sequence may start by consuming: word characters, listed characters, anything, or nothing."""
    may = {_EMPTY}
    for op, av in seq:
        if _EMPTY not in may:
            break
        may.discard(_EMPTY)
        may |= _element(op, av, flags)
    return may


def _element(op, av, flags: int) -> set[str]:
    if op in _ZERO_WIDTH:
        return {_EMPTY}  # \\b, ^, a lookbehind or lookahead consumes nothing
    if op is c.LITERAL:
        return {_char(av, flags)}
    if op is c.IN:
        return _in_set(av, flags)
    if op is c.SUBPATTERN:
        return _first(av[-1], flags)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first(av, flags)
    if op is c.BRANCH:
        return set().union(*(_first(branch, flags) for branch in av[1]))
    if op in _REPEATS:
        low, _, item = av
        return _first(item, flags) | ({_EMPTY} if low == 0 else set())
    return {_ANY}  # ".", a back-reference, a conditional: anything may come first


def first_chars(pattern: str, flags: int) -> set[str] | None:
    """The characters (as class members) every match of ``pattern`` starts with; None when that is not known."""
    try:
        may = _first(_parser.parse(pattern, flags), flags)
    except Exception:  # noqa: BLE001  (a form the parser's internals do not expose as expected: not gated)
        return None
    return None if may & {_ANY, _EMPTY} else may


def exact_first(pattern: str, flags: int) -> set[str] | None:
    """The literal characters (lower-cased) every match of ``pattern`` starts with; None when a class such as \\w,
    a wide range or anything may come first, or a character whose case-folding is not plain ASCII's."""
    try:
        may = _first(_parser.parse(pattern, flags), flags | _EXACT)
    except Exception:  # noqa: BLE001  (as first_chars)
        return None
    if may & {_ANY, _EMPTY, _WORD}:
        return None
    return may


_Alternative = tuple[str, bool, "set[str] | None"]  # its text, whether a whole-word phrase, its exact first characters


def whole_words(phrases: list[str]) -> str:
    return r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)"


def _render(alternatives: list[tuple[str, bool]]) -> str:
    """Alternatives in order, each neighbouring run of phrases behind one word-boundary test."""
    out: list[str] = []
    phrases: list[str] = []
    for text, phrase in [*alternatives, ("", False)]:
        if phrase:
            phrases.append(text)
            continue
        if phrases:
            out.append(whole_words(phrases))
            phrases = []
        if text:
            out.append(f"(?:{text})")
    return "|".join(out)


def _dispatched(run: list[_Alternative]) -> str | None:
    """The run grouped by the character its alternatives start with, each group behind a lookahead for it (at a
    position only the group of its character can match; inside a group the alternatives keep their order), where
    the groups are big enough to pay for their lookaheads; else None."""
    if not all(chars for _, _, chars in run):
        return None
    groups: dict[str, list[tuple[str, bool]]] = {}
    for text, phrase, chars in run:
        for char in sorted(chars):  # type: ignore[arg-type]
            groups.setdefault(char, []).append((text, phrase))
    if sum(map(len, groups.values())) < _MIN_GROUP * len(groups):
        return None
    return "|".join(f"(?={char})(?:{_render(group)})" for char, group in groups.items())


def gated_alternation(parts: list[str | tuple[str, ...]], flags: int) -> str:
    """``(?:a)|(?:b)|...`` with each run of alternatives whose first characters are known behind one lookahead for
    them (``(?=[\\w'’])``) and, where each one's first characters are known exactly and the groups are big, split
    by them; the order of the alternatives that can match at a position, and so which one wins there, is kept. A
    tuple is a run of regex-escaped phrases matched as whole words, sharing one boundary test."""
    out: list[str] = []
    run: list[_Alternative] = []
    chars: set[str] = set()
    for part in [*parts, None]:
        text = whole_words(list(part)) if isinstance(part, tuple) else part
        first = first_chars(text, flags) if text is not None else None
        if first is not None:
            if isinstance(part, tuple):
                run += [(phrase, True, exact_first(phrase, flags)) for phrase in part]
            else:
                run.append((text, False, exact_first(text, flags)))  # type: ignore[arg-type]
            chars |= first
            continue
        if run:
            plain = _render([(t, phrase) for t, phrase, _ in run])
            inner = _dispatched(run) or plain
            out.append(f"(?=[{''.join(sorted(chars))}])(?:{inner})" if len(run) > 1 else plain)
        run, chars = [], set()
        if text is not None:
            out.append(f"(?:{text})")
    return "|".join(out)


def gated(pattern: str, flags: int) -> str:
    """``pattern``, an alternation written as one string, with its top-level alternatives gated (``gated_alternation``)."""
    return gated_alternation(top_level(pattern), flags)  # type: ignore[arg-type]


def top_level(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``, in order."""
    parts, depth, in_class, start, at = [], 0, False, 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[at + 1: at + 2] == "]":  # "[]...]": a closing bracket first is a member
                at += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:at])
            start = at + 1
        at += 1
    return [*parts, pattern[start:]]

