"""Stop 52: a grant that breaks a policy line, read with the customer's case, in drafts and policies written for these
tests. A booking moved on a rate that "cannot be refunded or changed", a card refund for an item from an
exchange-only sale, an upgrade booked where agents may not confirm upgrades, compensation stated where agents may not
state it. Each is a broken promise, and a rewrite that keeps it never passes."""

from __future__ import annotations

import pytest

from coach import Coach

coach = Coach()

RATE = ["Saver fares cannot be refunded or changed.", "Flexi fares can be changed once for free."]
SALE = ["Refunds within 28 days of delivery.", "Items bought in the outlet sale are exchange-only."]
UPGRADES = ["Do not confirm seat upgrades for future flights."]
COMPENSATION = ["Delay compensation is decided by the claims team; agents must not state an amount or confirm eligibility."]
SAME_DAY = ["Refunds reach the card within 3-5 working days.", "Agents may not promise same-day refunds."]


def _breaks(draft: str, customer: str, policy: list[str]) -> bool:
    found = coach.check(draft, customer=customer, policy=policy).findings
    return any(f.rule == "broken-promise" for f in found)


@pytest.mark.parametrize(("draft", "customer", "policy"), [
    ("Hi Jo, I've moved your booking ZX441 to 14 May at no extra cost.",
     "I'm on a Saver fare (booking ZX441) and need to fly on 14 May instead.", RATE),
    ("Hi Jo, no problem, I've gone ahead and processed a full refund of £40 to your card.",
     "I bought the linen shirt in your outlet sale and it doesn't fit. Can I have my £40 back?", SALE),
    ("Hi Jo, thanks for flying with us. I've booked you a free upgrade on your next flight to Rome.",
     "The seat on flight AR220 was broken the whole way.", UPGRADES),
    ("Hi Jo, sorry about the delay. You're entitled to €400 compensation, which will be paid next week.",
     "Flight AR220 landed four hours late.", COMPENSATION),
])
def test_a_grant_that_breaks_a_line_in_this_case_is_a_broken_promise(draft: str, customer: str,
                                                                       policy: list[str]) -> None:
    assert _breaks(draft, customer, policy)


@pytest.mark.parametrize(("draft", "customer", "policy"), [
    ("Hi Jo, I've moved your booking ZX441 to 14 May at no extra cost.",
     "I'm on a Flexi fare (booking ZX441) and need to fly on 14 May instead.", RATE),
    ("Hi Jo, no problem, I've gone ahead and processed a full refund of £40 to your card.",
     "The linen shirt I ordered doesn't fit. Can I have my £40 back?", SALE),
    ("Hi Jo, I've arranged an exchange for the linen shirt; the courier collects it on Monday.",
     "I bought the linen shirt in your outlet sale and it doesn't fit.", SALE),
    ("Hi Jo, I've noted your seat preference on booking AR220 and passed the broken seat to engineering.",
     "The seat on flight AR220 was broken the whole way.", UPGRADES),
    ("Hi Jo, I can't confirm compensation myself; please use the claims form, and I'll chase the claims team for "
     "you on Friday.",
     "Flight AR220 landed four hours late.", COMPENSATION),
    ("Hi Jo, I've approved your refund of £30 for order 5510; it reaches your card within 3-5 working days.",
     "I sent the lamp back last week.", SAME_DAY),
])
def test_the_same_grant_outside_the_case_or_a_refusal_is_no_breach(draft: str, customer: str,
                                                                    policy: list[str]) -> None:
    assert not _breaks(draft, customer, policy)


def test_a_moved_booking_that_breaks_the_line_never_passes() -> None:
    r = coach.rewrite("Hi Jo, thanks for explaining. I've moved your booking ZX441 to 14 May at no extra cost.",
                      customer="I'm on a Saver fare (booking ZX441) and need to fly on 14 May instead.", policy=RATE)
    assert r.passed is not True


def test_a_refund_for_an_exchange_only_item_becomes_the_agents_check() -> None:
    r = coach.rewrite("Hi Jo, no problem, I've gone ahead and processed a full refund of £40 to your card.",
                      customer="I bought the linen shirt in your outlet sale and it doesn't fit. Can I have my £40 back?",
                      policy=SALE)
    assert "processed a full refund" not in r.rewrite and "£40" in r.rewrite
    assert r.passed is not True


def test_a_fare_that_is_not_refunded_in_cash_is_not_refunded_to_the_card() -> None:
    policy = ["Basic (Lite) fares are not refunded in cash; they can be changed for a £30 fee."]
    draft = "Hi Sam, I've gone ahead and requested a full cash refund of £140 to your card, it should arrive in 3 days."
    customer = "I booked a Lite fare (ref KD88Q1) for £140 and my conference was cancelled. I want my money back."
    assert "broken-promise" in {f.rule for f in coach.check(draft, customer=customer, policy=policy).findings}
    assert coach.rewrite(draft, customer=customer, policy=policy).passed is not True
