"""The rules' alternations are gated by their first characters for speed; a gate must never change a match."""

import re

import pytest

from coach._core.rules import load_rules
from coach._core.word_start import first_chars, gated_alternation

FLAGS = re.I | re.M


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bsorry\b", {r"\w"}),
    (r"(?<!\w)(?:so\s+sorry|apolog\w*)(?!\w)", {r"\w"}),
    (r"(?:^|[.!?]\s+)poor\s+thing", {r"\w", r"\.", "!", r"\?"}),
    (r"\b(?:won't|'ll\s+never)", {r"\w", "'"}),
    (r"[a-z]+\d", {r"\w"}),
])
def test_the_first_characters_of_a_pattern_are_read_from_its_parsed_form(pattern, expected):
    assert first_chars(pattern, FLAGS) == expected


@pytest.mark.parametrize("pattern", [r"x?y?", r".foo", r"[^a]bc", r"\s+and", r"(?:a|)b?", r"\W+"])
def test_a_pattern_that_may_start_anywhere_is_not_gated(pattern):
    assert first_chars(pattern, FLAGS) is None
    assert gated_alternation([pattern], FLAGS) == f"(?:{pattern})"


TEXTS = [
    "I'm so sorry, we'll never let this happen again!! Poor thing.",
    "...and it'll be fixed. 'll never? x.y — £20 refund, won't happen. \n\nBest, Ana",
    "",
    "!!! ?? ... poor thing",
    "Our team can't believe it. I promise it'll arrive by Friday 14 June.",
]


def test_the_gated_alternation_matches_exactly_what_the_plain_one_does():
    parts = [r"\bsorry\b", r"(?:^|[.!?]\s+)poor\s+thing", r"'ll\s+never", r"\s—\s", r"\b(?:won't|will\s+not)\s+\w+",
             r"x?y?\.", r"£\d+", r"(?<!\w)(?:promise|by\s+friday)(?!\w)"]
    plain = re.compile("|".join(f"(?:{p})" for p in parts), FLAGS)
    gated = re.compile(gated_alternation(parts, FLAGS), FLAGS)
    assert gated.pattern != plain.pattern  # gated somewhere
    for text in TEXTS:
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_rule_pattern_finds_what_its_ungated_form_finds():
    for rule in load_rules().values():
        for key, compiled in rule.compiled.items():
            inner = re.sub(r"\(\?=\[[^\]]*\]\)", "", compiled.pattern)  # the gates taken out again
            plain = re.compile(inner, compiled.flags)
            for text in TEXTS:
                assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)], (rule.id, key)
