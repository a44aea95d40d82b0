"""Input that looks like something and holds nothing: a "²" read as a number, markup with no text read as a reply."""

from __future__ import annotations

import pytest

from coach._audit.audit import natural_key
from coach._practice.scenarios import ScenarioError, find_scenario


def test_a_superscript_two_is_no_scenario_number():
    with pytest.raises(ScenarioError, match="unknown scenario"):
        find_scenario("²")


def test_a_superscript_two_is_no_reply_number():
    assert natural_key("²") == (1, 0, "²")


def test_markup_with_no_text_is_an_empty_draft_never_a_pass():
    from coach import Coach, EmptyDraftError
    for draft in ("<p></p>", "<br>", "<div> </div>"):
        with pytest.raises(EmptyDraftError):
            Coach().rewrite(draft, customer="where is my order 5512", engine="offline")
