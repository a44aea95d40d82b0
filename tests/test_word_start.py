"""The rules' alternations are gated by their first characters for speed; a gate must never change a match."""

import re

import pytest

from coach._core.rules import load_rules
from coach._core.word_start import exact_first, first_chars, gated, gated_alternation

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


def _plain(parts):
    return "|".join(r"(?:(?<!\w)(?:" + "|".join(p) + r")(?!\w))" if isinstance(p, tuple) else f"(?:{p})" for p in parts)


def test_a_long_run_is_split_by_first_letter_and_the_first_alternative_still_wins():
    # "so sorry" and "so" both start at the same place: the one listed first must win, as in the plain alternation
    parts = [r"\bso\s+sorry\b", r"\bso\b", ("sad", "so sad", "such"), r"\bawful\w*", r"\bterrible\b",
             r"\b(?:that's|this\s+is)\s+awful", r"\btough\b", r"\bstressful\b", r"\bshocking\b",
             r"\bsorry\s+to\s+hear\b", r"\bsad\s+news\b", r"\bappalling\b"]
    gated = re.compile(gated_alternation(parts, FLAGS), FLAGS)
    plain = re.compile(_plain(parts), FLAGS)
    assert "(?=s)" in gated.pattern  # split
    for text in [*TEXTS, "So sorry, so SAD, Such awfulness. THAT'S awful, this is tough; sad news is stressful.",
                 "sorry to hear; so; sadness; sad"]:
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:That|it)\s+is", {"t", "i"}),
    (r"(?<!\w)(?:so\s+sorry|Apolog\w*)(?!\w)", {"s", "a"}),
    (r"\b\w+ly", None),  # a class comes first: not known exactly
    (r"’ll\s+never", {"’"}),
    (r"\bſo", None),  # a letter whose case-folding is not plain
])
def test_the_exact_first_characters_are_lower_case_letters_or_none(pattern, expected):
    assert exact_first(pattern, FLAGS) == expected


def test_every_rule_pattern_finds_what_its_ungated_form_finds(monkeypatch):
    import coach._core.rules as rules

    loaded = load_rules()  # compiled (and cached) with the gates, before they are patched out
    monkeypatch.setattr(rules, "gated_alternation", lambda parts, flags: _plain(parts))
    split = 0
    for rule in loaded.values():
        for key, compiled in rule.compiled.items():
            plain = rules._compile.__wrapped__(rule.id, key, rule.data.get(key, ()))
            split += bool(re.search(r"\(\?=\w\)", compiled.pattern))
            for text in TEXTS:
                assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)], (rule.id, key)
    assert split  # (the rules do have long runs, split by first letter)


def test_an_alternation_written_as_one_string_is_split_at_its_top_level_only():
    pattern = r"\bsorry\b|(?:a|b)c|[|\]]x|\|y|\bpoor\s+thing|(?:^|[.!?]\s+)oh\s+no"
    gated_text = gated(pattern, FLAGS)
    assert gated_text != pattern
    plain, split = re.compile(pattern, FLAGS), re.compile(gated_text, FLAGS)
    for text in [*TEXTS, "ac bc |x ]x |y oh no. Oh no poor thing"]:
        assert [m.span() for m in split.finditer(text)] == [m.span() for m in plain.finditer(text)]
