"""Shapes from the development sets ci and cj (stop 45, issue 16), read by a helper as a reviewer would and by me.
Each draft is written for this file, in other words than the sets'."""

from __future__ import annotations

from coach import Coach
from coach._core.policy import as_ours

coach = Coach(engine="offline")


def test_a_team_named_after_the_customer_is_no_you() -> None:
    said = as_ours("Refund claims are decided by the Customer Service team within 10 days.")
    assert "the Customer Service team" in said, said
    assert as_ours("Refunds go back to the customer's card.") == "Refunds go back to your card."


def test_the_assurances_that_goes_with_it_when_a_promise_becomes_a_check() -> None:
    draft = ("Dear Ms. Ortiz,\n\nRest assured that we are looking into this and that both fees will be refunded to "
             "your card within 48 hours.\n\nSincerely,\nDana Wells\nBilling")
    rewrite = coach.rewrite(draft, customer="You charged me a $40 late fee and a $25 admin fee on a bill I paid early.")
    assert "whether that" not in rewrite.rewrite, rewrite.rewrite


def test_i_have_checked_goes_with_what_it_checked() -> None:
    draft = "Hi Omar, I have checked and your new router will definitely be with you tomorrow before 10am. Thanks, Lee"
    rewrite = coach.rewrite(draft, customer="My replacement router (order RT-5521) still hasn't come.").rewrite
    assert "I have checked." not in rewrite, rewrite
    assert "tomorrow before 10am" in rewrite, rewrite


def test_the_hour_after_tomorrow_stays_with_the_update_and_positively_goes() -> None:
    draft = ("Dear Mr. Rao,\n\nWe wish to inform you that the refund will be credited to your account by tomorrow "
             "4 p.m. positively.\n\nYours faithfully,\nK. Menon\nBranch Manager")
    rewrite = coach.rewrite(draft, customer="My refund of Rs. 3,200 for the cancelled order has not come.").rewrite
    assert "by tomorrow 4 p.m." in rewrite and "positively" not in rewrite and "p.m.." not in rewrite, rewrite


def test_a_blessing_closes_the_reply_after_the_step_it_followed() -> None:
    draft = "Good morning sir, we are very sorry for the inconveniences. We are doing our best. God bless you."
    rewrite = coach.rewrite(draft, customer="The generator I bought on 3rd May (receipt 7781) will not start.").rewrite
    assert rewrite.endswith("God bless you."), rewrite


def test_a_sentence_that_ended_on_a_cheerful_face_keeps_an_end_when_the_face_goes() -> None:
    customer = "There's a really strong smell of gas by my boiler at 9 Elm Way."
    draft = ("Hi there! Thanks for getting in touch 😊 Sorry for the inconvenience. We've raised job GX-2210 and an "
             "engineer will be in touch within 3-5 working days. Anything else I can help with today?")
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "Thanks for getting in touch." in rewrite and "touch I'm" not in rewrite, rewrite
    assert "Anything else I can help with today?" not in rewrite, rewrite
    assert rewrite.index("Thanks for getting in touch") < rewrite.index("gas emergency line"), rewrite


def test_a_death_the_draft_never_answers_gets_the_line_for_whoever_died() -> None:
    customer = ("My wife Ann passed away in May and I need to close her broadband account, number 5520-118. The shop "
                "said there's a £150 fee to end it early.")
    draft = "Hi Mr Shaw! Thanks for reaching out. Unfortunately early exit fees apply to all accounts, including Ann's."
    rewrite = coach.rewrite(draft, customer=customer)
    assert "sorry" in rewrite.rewrite.lower() and "wife" in rewrite.rewrite, rewrite.rewrite
    assert rewrite.passed is not True
