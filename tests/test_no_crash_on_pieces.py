"""Pieces of real-looking drafts never crash the offline engine: every sentence of five sets' drafts as a draft of
its own, and each draft less its first sentence (a reply whose opening went is what an agent pastes back in). A
planted voice alone ("Ahoy matey!") and a needful alone ("Kindly do the needful at the earliest.") once did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach import Coach
from coach._core.text import split_sentences

_SETS = ("do", "ea", "eb", "ec", "ed")
_GUARD = Path(__file__).resolve().parents[1] / "evals" / "guard"


def _pieces() -> list[tuple[str, str, str, list[str] | None]]:
    out = []
    for name in _SETS:
        for line in (_GUARD / f"drafts-{name}.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            said = [s.text for s in split_sentences(case["draft"])]
            out += [(case["id"], text, case["customer"], case["policy"] or None) for text in said]
            if len(said) > 1:
                out.append((case["id"] + "+", case["draft"][case["draft"].find(said[1]):], case["customer"],
                            case["policy"] or None))
    return out


@pytest.mark.parametrize("name", _SETS)
def test_every_piece_of_a_blind_set_is_rewritten_without_an_exception(name: str) -> None:
    coach, failed = Coach(), []
    pieces = [p for p in _pieces() if p[0].startswith(name + "-")]
    assert len(pieces) > 100
    for key, draft, customer, policy in pieces:
        try:
            result = coach.rewrite(draft, customer=customer, policy=policy, engine="offline")
        except Exception as exc:  # noqa: BLE001 - any exception is the failure this test looks for
            if type(exc).__name__ != "EmptyDraftError":
                failed.append(f"{key}: {type(exc).__name__}: {draft[:60]!r}")
            continue
        if not result.rewrite.strip():
            failed.append(f"{key}: empty rewrite of {draft[:60]!r}")
    assert failed == []
