"""Stop 52: the customer's problem said back in more of the words customers use, in messages written for these tests.

A split, a size that is wrong, an account emptied, brakes gone soft, a rattle or a flicker, a bill against what the
customer normally pays, a terse post that drops its article ("app has been down since 9am"), and a post whose emoji
ends one clause before the next."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._engines.offline.restate import restate_problem

coach = Coach()


@pytest.mark.parametrize(("customer", "said_back"), [
    ("The pine wardrobe from order 77-120 arrived with a split door. I paid for assembly too.",
     "the pine wardrobe from order 77-120 arrived with a split door"),
    ("The gilet I ordered (order G-5512) is too small. Can I swap it?",
     "the gilet you ordered (order G-5512) is too small"),
    ("Someone has drained my current account overnight - £2,100 in four transfers. I didn't make them.",
     "someone has drained your current account overnight"),
    ("The rear brakes went soft on the ring road this morning, two days after your service.",
     "the rear brakes went soft on the ring road this morning, two days after our service"),
    ("My dishwasher (order DW-3310) rattles on every wash since it was installed.",
     "your dishwasher (order DW-3310) rattles on every wash since it was installed"),
    ("My gas bill for June is £388.20, but I normally pay about £60. Account 4410-22.",
     "your gas bill for June is £388.20, but you normally pay about £60"),
    ("My phone bill for May is £96. It's normally around £30. Account 7731.",
     "your phone bill for May is £96 and it's normally around £30"),
    ("@ParkRideHelp app has been down since 9am and I can't pay for parking",
     "the app has been down since 9am and you can't pay for parking"),
    ("@LoanlyHelp app won't let me log in, tried 3 times, need to pay my rent",
     "the app won't let you log in"),
    ("@CrateCo my parcel came with a crushed box 😤 order #P-221, photos on request",
     "your parcel came with a crushed box"),
])
def test_the_problem_is_said_back(customer: str, said_back: str) -> None:
    assert restate_problem(customer) == said_back


@pytest.mark.parametrize("customer", [
    "I live alone in a studio and it's normally about £50.",  # "it" with no bill to point at
    "Nothing beats $2 🍩 donuts on a Friday @DonutCo",  # praise, a picture inside a phrase
    "app says error 12, tried 3 times",  # no problem word with a verb to say back
])
def test_no_half_said_problem(customer: str) -> None:
    said = restate_problem(customer)
    assert said is None or ("normally" not in said and not said.endswith("$2"))


def test_a_rewrite_says_the_terse_post_back() -> None:
    r = coach.rewrite("@sam_k Sorry for any inconvenience! DM us 🙏",
                      customer="@ParkRideHelp app has been down since 9am and I can't pay for parking")
    assert "the app has been down since 9am" in r.rewrite
    assert "inconvenience" not in r.rewrite
