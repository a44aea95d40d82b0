"""Promises the checker used to read past, and what the offline rewrite says instead; drafts written for this file."""

from __future__ import annotations

from coach import Coach
from coach._core.checker import check
from coach._engines.offline.restate import restate_problem

coach = Coach(engine="offline")


def promises(text: str) -> list[str]:
    return [f.quote for f in check(text).findings if f.rule == "broken-promise"]


def test_comfort_before_a_promise_does_not_negate_it():
    assert promises("Don't worry it'll be fixed in the next app release.")
    assert promises("No need to panic, your card will be unblocked tomorrow.")
    assert not promises("We can't say yet whether it will be fixed in the next release.")


def test_a_part_of_the_day_and_a_state_said_in_full_are_a_deadline_and_an_outcome():
    assert promises("The lift will be fully repaired by the afternoon.")
    assert promises("Your broadband will be working again within the next 6 hours.")


def test_a_second_promise_with_its_own_subject_is_fixed_on_its_own():
    result = coach.rewrite("Rest assured your bike will be found and returned to you within the next 72 hours, and your "
                           "taxi costs of EUR 64.50 will be refunded in full.",
                           customer="The train lost my folding bike in the luggage van on Monday.")
    assert not promises(result.rewrite), result.rewrite
    assert "within the next 72 hours" in result.rewrite and "EUR 64.50" in result.rewrite
    assert "you 72 hours" not in result.rewrite  # the time stays whole


def test_a_check_whose_first_was_cut_is_said_in_full():
    result = coach.rewrite("@k_obi oh no that's awful 😭 don't worry it'll be fixed in the next update and your saved "
                           "notes will be totally safe, promise ^RM",
                           customer="@NoteBox the app crashes every time I open a notebook, I'm scared I'll lose "
                                    "three years of notes")
    assert "I'll also check" not in result.rewrite, result.rewrite
    assert "whether your saved notes are safe" in result.rewrite  # not "can be totally safe"


def test_a_request_after_a_short_statement_is_not_restated_as_the_problem():
    said = restate_problem("I bought the blender on Monday for £80 and it's £55 now. Refund the difference please.")
    assert said is None or "please" not in said.lower()
