"""Stop 66: the clause said back is the one that says what went wrong, in messages written for these tests.

A name whose word looks like a problem ("Crackle Glaze tiles") is no problem word; what is fine before "but" goes; a
sentence that ends on a bare "since" points back at another and is not said alone; and what the customer did about it
after ", so" goes when what comes before says the problem."""

from __future__ import annotations

import pytest

from coach._engines.offline.restate import restate_problem


@pytest.mark.parametrize(("customer", "said_back"), [
    # a name is no problem word: the sentence that says what went wrong is picked
    ("I'm tiling a bathroom and bought 30 boxes of Crackle Glaze tiles in sage (order #TL-55120). Twenty boxes arrived "
     "from batch 4471 and ten from batch 4502 and the colours don't match.",
     "twenty boxes arrived from batch 4471 and ten from batch 4502 and the colours don't match"),
    ("We're planning a trip and booked two nights at the Broken Oak Lodge for 14 June (booking BO-2231). The room we got "
     "smelled of damp and the heater didn't work.",
     "the room you got smelled of damp and the heater didn't work"),
    # what is fine, before "but": said back from what went wrong
    ("I bought four dining chairs from your Leeds store. Three are perfect, but the fourth has a cracked leg and wobbles.",
     "the fourth has a cracked leg and wobbles"),
    ("The starters were great but the main course arrived cold and half the sides were missing.",
     "the main course arrived cold and half the sides were missing"),
    # what the customer (or someone for them) did about it, after ", so"
    ("My hearing aid stopped working on Monday and your clinic is closed, so my son booked me a private appointment.",
     "your hearing aid stopped working on Monday and our clinic is closed"),
    ("The lift in our block has been broken for nine days, so my neighbour carries my shopping up.",
     "the lift in your block has been broken for nine days"),
    # ... but not what is still at stake
    ("My train to Cardiff was cancelled at 6am, so I'll miss my interview at ten.",
     "your train to Cardiff was cancelled at 6am, so you'll miss your interview at ten"),
])
def test_the_clause_that_says_what_went_wrong(customer: str, said_back: str) -> None:
    assert restate_problem(customer) == said_back


@pytest.mark.parametrize("customer", [
    "The smoke alarm your fitter installed on 2 March went off at 3am on Saturday. I haven't slept properly since.",
    "A courier left our new TV in the rain on Thursday. We haven't been able to use it since.",
])
def test_a_bare_since_points_back(customer: str) -> None:
    assert restate_problem(customer) is None


def test_heard_nothing_since_names_its_event() -> None:
    assert restate_problem("I returned the drill to your Hull branch on 4 May and have heard nothing since.") == \
        "you returned the drill to our Hull branch on 4 May and have heard nothing since"
