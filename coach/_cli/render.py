"""Human-friendly text output for the CLI: findings under the draft, spans coloured on a terminal."""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import TextIO

from .._core.results import CheckResult, CritiqueResult, Finding, RewriteResult

__all__ = ["use_colour", "render_check", "rewrite_notes", "err"]

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "suggestion": "\x1b[2m"}
_RESET = "\x1b[0m"
_DIM = "\x1b[2m"


def use_colour(stream: TextIO, mode: str = "auto") -> bool:
    """``--color``: ``always``, ``never``, or ``auto``: only on a terminal, and never when NO_COLOR is set
    (https://no-color.org: a command-line flag beats the variable) or TERM is dumb."""
    if mode in ("always", "never"):
        return mode == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour and text else text


def highlight(draft: str, findings: list[Finding], colour: bool) -> str:
    """The draft with each flagged span underlined in its severity's colour (plain text when not colouring)."""
    if not colour:
        return draft
    spans = sorted((f for f in findings if f.start is not None), key=lambda f: f.start)
    out, pos = [], 0
    for f in spans:
        if f.start < pos:
            continue
        out.append(draft[pos : f.start])
        out.append(_paint(draft[f.start : f.end], _COLOURS[f.severity] + "\x1b[4m", True))
        pos = f.end
    out.append(draft[pos:])
    return "".join(out)


def _finding_lines(findings: list[Finding], colour: bool) -> list[str]:
    lines = []
    for f in findings:
        where = "whole reply" if f.start is None else f"{f.start}-{f.end}"
        head = f"{_paint(f.severity.upper().ljust(10), _COLOURS[f.severity], colour)} {f.rule}  ({where})"
        if f.quote:
            head += f'  "{f.quote}"'
        if getattr(f, "source", None):  # coach critique: who raised it
            head += f"  [{f.source}]"
        lines += [head, f"    {f.message}", _paint(f"    → {f.suggestion}", _DIM, colour)]
    return lines


def render_check(draft: str, result: CheckResult | CritiqueResult, colour: bool) -> str:
    if not getattr(result, "assessed", True):
        note = (f"– not assessed: the reply (or a sentence of it) looks like {result.language!r}, and the rules are English-only "
                "(only the policy's banned phrases were looked for).")
        return "\n".join([*_finding_lines(result.findings, colour), "", note]) if result.findings else note
    if not result.findings:
        return "✓ no findings: this reply reads as empathetic."
    lines = [highlight(draft, result.findings, colour), ""] if colour else []
    lines += _finding_lines(result.findings, colour)
    counts = Counter(f.severity for f in result.findings)
    summary = ", ".join(f"{n} {sev}" for sev, n in counts.items())
    lines += ["", ("✓ passes" if result.passed else "✗ fails") + f" the guard ({summary})"]
    return "\n".join(lines)


def rewrite_notes(result: RewriteResult, colour: bool) -> str:
    """One line for stderr: engine, what was fixed, what remains (the rewrite itself goes to stdout)."""
    fixed = {f.rule for f in result.findings_before} - {f.rule for f in result.findings_after}
    parts = [f"engine: {result.engine}" + (f" ({result.model})" if result.model else "")]
    if fixed:
        parts.append("fixed: " + ", ".join(sorted(fixed)))
    if result.findings_after:
        parts.append("still: " + ", ".join(f"{f.rule} ({f.severity})" for f in result.findings_after))
    if result.fallback:
        parts.append("the model's answers failed the guard, so this is the offline rewrite")
    if result.error:
        parts.append(f"error: {result.error}")
    if not result.assessed:
        parts.append("not assessed: the draft is not in English, so it is returned unchanged")
    elif result.passed is None and result.review:
        lines = "; ".join(f'"{line}"' for line in result.review)
        parts.append(f"READ FIRST: the coach wrote {len(result.review)} line(s) itself and cannot tell whether they fit "
                     f"this case: {lines}")
    elif result.passed is None and result.unchecked:
        lines = "; ".join(f'"{line}"' for line in result.unchecked)
        parts.append("READ FIRST: a policy line on what this reply grants or refuses sets a condition the coach cannot "
                     f"check against this case: {lines}")
    elif result.passed is None and any(f.severity == "info" for f in result.findings_after):
        doubts = ", ".join(sorted({f.rule for f in result.findings_after if f.severity == "info"}))
        parts.append(f"READ FIRST: the rules suspect this reply never names the customer's problem ({doubts}) and cannot "
                     "tell for sure; read it before sending")
    elif result.passed is None:
        parts.append("NO VERDICT: a sentence is in another language the rules cannot read; read it before sending")
    elif not result.passed:
        parts.append("NOT PASSED: this rewrite still fails the guard; edit it before sending" +
                     (f"; the coach also wrote {len(result.review)} line(s) itself to read" if result.review else ""))
    return _paint(" · ".join(parts), _DIM, colour)


def err(message: str) -> None:
    print(message, file=sys.stderr)
