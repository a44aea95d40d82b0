"""Issue 16, items 3 and 4, from the garbled rewrites of set ad: a policy line written for the team is never said to
the customer ("Agents must not ...") and one that says what the team may do is said in the reply's voice ("We can
..."); a restatement stops before a second sentence spliced on with a comma, and is not built from a letter's own
preamble ("I write regarding ...") or its pointers ("the above policy"). From set ae, after it was measured: a line
recited in the third person speaks to the customer ("... reach your card"), and a second promise that shared the
first one's subject keeps that subject ("they", not "it"). Drafts written for this file."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._core.policy import as_ours, for_agents

coach = Coach(engine="offline")


@pytest.mark.parametrize("line, agents", [
    ("Agents must not discuss detection methods publicly.", True),
    ("Staff should escalate gas smells to the emergency desk.", True),
    ("Do not promise a date for the bank to post a refund.", True),
    ("Refunds are issued within 5-7 business days.", False),
    ("We match a competitor's price within 14 days of purchase.", False),
    ("Agents may waive late fees up to £20 once a year.", False),  # what the team may do: said as ours
])
def test_a_line_for_the_team_is_told_apart(line: str, agents: bool) -> None:
    assert for_agents(line) is agents


def test_what_the_team_may_do_is_said_as_ours() -> None:
    assert as_ours("Agents may waive late fees up to £20 once a year.") == "We can waive late fees up to £20 once a year."
    assert as_ours("Refunds are issued within 5-7 business days.") == "Refunds are issued within 5-7 business days."


def test_a_rewrite_never_says_a_line_for_the_team() -> None:
    result = coach.rewrite("@kai_plays All bans are final and we do not comment on enforcement in public. ^SL",
                           customer="@GameCo why was my account banned?? I never cheated, 600 hours gone. ticket #GC-5512",
                           policy=["Agents must not comment on enforcement methods in public."])
    assert "Agents must" not in result.rewrite and "#GC-5512" in result.rewrite


def test_a_grant_beyond_what_the_team_may_do_says_the_line_as_ours() -> None:
    result = coach.rewrite("Sorry for the inconvenience, we will waive the £45 late fee for you.",
                           customer="I was charged a late fee of £45 because my salary came in late.",
                           policy=["Agents may waive late fees up to £20 once a year."])
    assert "up to £20" not in result.rewrite and "Agents may" not in result.rewrite  # a cap is the team's to apply
    assert "waive the £45" not in result.rewrite and "I can't offer £45" in result.rewrite and result.passed is None


@pytest.mark.parametrize("customer, kept, gone", [
    ("My dishwasher (Bosch S4) floods the kitchen floor on every wash, the technician came on 3 June and changed "
     "nothing.", "floods the kitchen floor on every wash", "technician came"),
    ("The gas meter cupboard is open and reachable from the street, nobody came to read it in six months.",
     "open and reachable from the street", "nobody came"),
])
def test_a_restatement_stops_before_a_spliced_second_sentence(customer: str, kept: str, gone: str) -> None:
    result = coach.rewrite("Sorry for the trouble. We will look into it.", customer=customer)
    assert kept in result.rewrite and gone not in result.rewrite


def test_a_lead_in_before_a_splice_is_not_left_dangling() -> None:
    customer = "Not sure what the original fault was, but again, it is all working now. Thanks for the help yesterday."
    result = coach.rewrite("Sorry for the inconvenience.", customer=customer)
    assert "but again." not in result.rewrite and "but again," not in result.rewrite.split("working")[0][-12:]


@pytest.mark.parametrize("customer, never", [
    ("Dear Sir, I write regarding the refund for order 5521, which has still not arrived after six weeks. Regards, "
     "A. Obi", "you write regarding"),
    ("Dear Sir, I was told by letter on 2 March that the above policy has been cancelled without my consent. Regards, "
     "T. Hale", "the above policy"),
])
def test_a_letters_preamble_and_pointers_are_not_said_back(customer: str, never: str) -> None:
    result = coach.rewrite("Dear customer, We apologise for any inconvenience caused. Kind regards, Accounts",
                           customer=customer)
    assert never not in result.rewrite


def test_a_gerund_subject_is_not_left_capitalised_mid_sentence() -> None:
    result = coach.rewrite("Sorry for the trouble. We will look into it.",
                           customer="Tracking has shown delivered since Monday but nothing came to my door.")
    assert "that tracking has shown delivered since Monday" in result.rewrite


@pytest.mark.parametrize("line, said", [
    ("Refunds reach the customer's card within 3-5 working days.", "Refunds reach your card within 3-5 working days."),
    ("Customers can ask for their data to be copied free of charge.", "You can ask for your data to be copied free of charge."),
    ("Late fees may be refunded where the customer provides a hospital letter.",
     "Late fees may be refunded where you provide a hospital letter."),
    ("A new unit is sent; the customer does not need to return the old one.",
     "A new unit is sent; you do not need to return the old one."),
])
def test_a_line_about_the_customer_is_said_to_them(line: str, said: str) -> None:
    assert as_ours(line) == said


def test_a_recited_line_speaks_to_the_customer() -> None:
    result = coach.rewrite("Thanks for waiting. Your repair RP-7731 is in progress with our technicians.",
                           customer="My laptop has been with your repair centre for three weeks and my exams start "
                                    "Monday.",
                           policy=["Standard repairs take 10 working days; after that the customer may be offered a "
                                   "loan laptop."])
    assert "the customer" not in result.rewrite


def test_a_second_promise_keeps_the_first_ones_subject() -> None:
    draft = ("Thanks for telling us about the low pressure at 9 Elm Rd. I've logged a job for a plumber; they'll be out "
             "to you today and will have it fixed by this evening.")
    result = coach.rewrite(draft, customer="Water pressure at 9 Elm Rd has been a trickle for a week.")
    assert "it can have it fixed" not in result.rewrite and "when they can have it fixed" in result.rewrite
    # the times the customer never asked about are when the agent updates them; the second check says "also" (and a
    # repair is checked for when, not whether: stop 53)
    assert "update you today" in result.rewrite and "I'll also check when they can have it fixed, and update you by " \
        "this evening." in result.rewrite and "can't confirm" not in result.rewrite


@pytest.mark.parametrize("draft, pity", [
    ("I honestly cannot understand how your order could have left our depot without the lid.", True),
    ("I really can't fathom how the engineer went to the wrong flat twice.", True),
    ("Three days without power is a long time. That is simply not acceptable, and I've raised it with the network team.",
     True),
    ("I can't understand how to reset it from that menu either; could you send a screenshot?", False),
    ("It's not acceptable to pay by cheque any more; card or bank transfer both work.", False),
])
def test_disbelief_in_other_words_is_pity(draft: str, pity: bool) -> None:
    assert ("pity" in [f.rule for f in coach.check(draft).findings]) is pity


@pytest.mark.parametrize("draft", [
    "You'll definitely get all £1,950 back within a few days.",  # (a sum with a comma was missed on b42572e)
    "Thanks for your patience; you'll get all of it back within a couple of days.",
])
def test_money_back_in_a_few_days_is_a_promise(draft: str) -> None:
    assert "broken-promise" in [f.rule for f in coach.check(draft).findings]
