"""Stop 66, second pass: clauses that cannot be said back alone, in messages written for these tests.

A clause that opens by pointing back ("By then ...", "At that point ...") or ends on one ("... either", "... too") is
not said alone; nor is what the customer doesn't know ("I'm not sure whether ..."), nor a "didn't pay X for a Y" that
means the opposite alone; and a note of the customer's own doing after a comma (", slept in our coats") goes."""

from __future__ import annotations

import pytest

from coach._engines.offline.restate import restate_problem


@pytest.mark.parametrize("customer", [
    "We booked the Riverside suite for our anniversary. By that point the hot tub had been broken for a week and nobody "
    "had told us.",
    "We checked in at 4pm. By then the pool had been drained and the spa was closed for repairs.",
    "I collected the hire van at 8am. At that point the fuel gauge was already on empty and the wing mirror was cracked.",
])
def test_a_lead_that_points_back(customer: str) -> None:
    assert restate_problem(customer) is None


def test_a_pointing_lead_with_a_comma_goes() -> None:
    # a limit: "After that, " is cut as a lead (as before), and what follows reads alone
    assert restate_problem("My car went in for an MOT on Monday. After that, the clutch failed twice on the motorway.") == \
        "the clutch failed twice on the motorway"


@pytest.mark.parametrize("customer", [
    "The bakery forgot the candles on the cake. There was no birthday message either.",
    "The headboard came scratched. The bed slats were missing as well.",
    "The new sofa was delivered on Monday. The cushions were stained too.",
])
def test_an_end_that_points_back(customer: str) -> None:
    assert restate_problem(customer) is None


def test_too_within_the_clause_stays() -> None:
    # a limit: what "too" adds to is in the clause itself
    assert restate_problem("My dog lead snapped on the first walk and the clip came off too.") == \
        "your dog lead snapped on the first walk and the clip came off too"


@pytest.mark.parametrize("customer", [
    "I fell off the bouldering wall on Sunday and hurt my wrist. I'm not sure whether I can finish the course.",
    "I don't know if my passport renewal is still being processed.",
    "I'm wondering whether my parcel to Lisbon was lost in transit.",
    "I'm not sure how the extra £40 got added to my gas bill.",
])
def test_what_they_dont_know(customer: str) -> None:
    assert restate_problem(customer) is None


def test_not_knowing_where_a_thing_is_stays() -> None:
    # a limit: "where my card is" is what went wrong
    assert restate_problem("My bank card was swallowed by your machine and I don't know where my card is now.") == \
        "your bank card was swallowed by our machine and you don't know where your card is now"


@pytest.mark.parametrize(("customer", "said_back"), [
    ("The heating in our holiday cottage broke down on the first night, slept in our coats for a week.",
     "the heating in your holiday cottage broke down on the first night"),
    ("The coffee machine at your cafe was broken all weekend, queued at the other branch for 40 minutes.",
     "the coffee machine at our cafe was broken all weekend"),
    ("My gym locker was broken into on Tuesday, lost my car keys and wallet.",
     "your gym locker was broken into on Tuesday"),
])
def test_own_doing_after_a_comma_goes(customer: str, said_back: str) -> None:
    assert restate_problem(customer) == said_back


def test_what_the_fault_did_stays() -> None:
    # a limit: "left us without hot water" is the boiler's doing, not a note of the customer's
    assert restate_problem("The boiler stopped working on Friday, left us without hot water for three days.") == \
        "the boiler stopped working on Friday, left you without hot water for three days"


@pytest.mark.parametrize("customer", [
    "I didn't pay first-class fares for a seat on the floor of the vestibule.",
    "I didn't sign up to be ignored for six weeks by your support team.",
])
def test_a_not_that_means_the_opposite(customer: str) -> None:
    assert restate_problem(customer) is None


def test_a_plain_didnt_sign_up_stays() -> None:
    # a limit: this "not" means what it says
    assert restate_problem("I was charged £12 for travel insurance and I didn't sign up for it.") == \
        "you were charged £12 for travel insurance and you didn't sign up for it"
