"""A character Python calls a digit but int() cannot read ("²") is no number: one clear error, never a crash."""

from __future__ import annotations

import pytest

from coach._audit.audit import natural_key
from coach._practice.scenarios import ScenarioError, find_scenario


def test_a_superscript_two_is_no_scenario_number():
    with pytest.raises(ScenarioError, match="unknown scenario"):
        find_scenario("²")


def test_a_superscript_two_is_no_reply_number():
    assert natural_key("²") == (1, 0, "²")
