"""A rule's alternation, gated where it can only match from a word character: the same matches, found faster.

Python's ``re`` tries every alternative of ``(?:\\bsorry\\b)|(?:\\bapolog\\w*)|...`` at every position of the text.
A run of alternatives whose first characters are known is wrapped as ``(?=[\\w'’])(?:...)``, so a space or a comma
fails once instead of once per alternative. The first characters are read from each alternative's parsed form
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

__all__ = ["gated_alternation", "first_chars"]

_WORD, _ANY, _EMPTY = "\\w", "any", "empty"  # what a piece of pattern may consume first (or a character itself)
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT) if c else ()
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) if c else ()


def _char(code: int, flags: int) -> str:
    """A literal as the gate's class says it: any word character is covered by \\w."""
    char = chr(code)
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


def gated_alternation(parts: list[str], flags: int) -> str:
    """``(?:a)|(?:b)|...`` with each run of alternatives whose first characters are known behind one lookahead for
    them (``(?=[\\w'’])``); the order of the alternatives, and so which one wins at a position, is kept."""
    out: list[str] = []
    run: list[str] = []
    chars: set[str] = set()
    for part in [*parts, None]:
        first = first_chars(part, flags) if part is not None else None
        if first is not None:
            run.append(f"(?:{part})")
            chars |= first
            continue
        if run:
            out.append(f"(?=[{''.join(sorted(chars))}])(?:{'|'.join(run)})" if len(run) > 1 else run[0])
            run, chars = [], set()
        if part is not None:
            out.append(f"(?:{part})")
    return "|".join(out)
