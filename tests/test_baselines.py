"""The committed baselines CI gates against: each must have been measured with today's rulebook, so that a
baseline cannot go stale unnoticed (a stale one compares each run with its own checker, and says so only
as a warning). Refresh a stale one in the same commit as the rule change (README, "Evaluating a prompt
change")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach._eval.runner import rules_sha256

BASELINES = sorted((Path(__file__).resolve().parents[1] / "evals" / "baselines").glob("*.json"))


def test_there_are_baselines_to_check():
    assert len(BASELINES) >= 4


@pytest.mark.parametrize("path", BASELINES, ids=lambda p: p.name)
def test_a_committed_baseline_matches_the_rulebook_it_claims(path):
    stamp = json.loads(path.read_text(encoding="utf-8"))["stamp"]
    assert stamp.get("rules_sha256") == rules_sha256(), (
        f"{path.name} was measured with another rulebook ({str(stamp.get('rules_sha256'))[:12]}, today "
        f"{rules_sha256()[:12]}): refresh it with the command in README, 'Evaluating a prompt change'")
