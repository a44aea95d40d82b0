"""Shapes found in the development sets by and bz (stop 43, issue 16). Each draft is written for this file, in other
words than the sets'."""

from __future__ import annotations

from coach import Coach
from coach._core.checker import check
from coach._core.policy import Policy

coach = Coach(engine="offline")


def _promises(text: str, customer: str = "I was charged a fee I shouldn't have been.", policy=None) -> list[str | None]:
    return [f.quote for f in check(text, customer, Policy.coerce(policy)).findings if f.rule == "broken-promise"]


def test_what_the_team_the_customer_is_asked_to_call_will_do_becomes_what_they_can_do() -> None:
    draft = ("Thanks for telling us your card was blocked. Please ring our security desk on 0300 555 0192 with your "
             "passport to hand, and they'll unblock the card while you're on the line.")
    result = coach.rewrite(draft, customer="My card was blocked at the till this morning.")
    assert "and they can unblock the card while you're on the line." in result.rewrite, result.rewrite
    assert "whether" not in result.rewrite and result.passed is not False, result.rewrite


def test_a_second_verb_keeps_the_subject_of_the_promise_it_followed() -> None:
    draft = "Thanks for the photo, Priya. We'll refund the bag and check with the depot ^LM"
    result = coach.rewrite(draft, customer="@Shop my bag of flour arrived split open, order BK-1182")
    assert "We'll check with the depot" in result.rewrite, result.rewrite
    assert "Check with the depot" not in result.rewrite, result.rewrite


def test_a_second_modal_is_no_second_verb() -> None:
    draft = ("Thanks for chasing this. We'll aim to get a plumber round soon and will try hard to have the leak "
             "fixed before the weekend.")
    result = coach.rewrite(draft, customer="The leak under the sink is still there after two weeks.")
    assert "we'll will" not in result.rewrite.lower(), result.rewrite
    assert result.rewrite.count("Let me") <= 1, result.rewrite


def test_where_a_change_the_agent_made_shows_on_the_bill_is_no_promise() -> None:
    assert _promises("I've reversed the charge today and it will show as a credit on your next bill.") == []
    assert _promises("I've removed the fee, and you'll see it on your next statement.") == []
    # (not after a step that changes nothing yet, and not a date on the money)
    assert _promises("I've escalated it and it will appear as a credit on your next statement.")
    assert _promises("I've reversed it and the money will be in your account tomorrow.")


def test_a_refusal_of_what_the_policy_rules_out_is_no_grant() -> None:
    policy = ["No vouchers above £10 without manager approval."]
    assert _promises("Extra vouchers aren't something I can add, but reply here if anything else looks wrong.",
                     policy=policy) == []
    assert _promises("We can't refund it, but I've added a £40 voucher.", policy=policy)


def test_a_sum_a_manager_reviews_has_one_article() -> None:
    result = coach.rewrite("We can't refund it, but I've added a £40 voucher to your account.",
                           customer="The blender broke after a week.",
                           policy=["No vouchers above £10 without manager approval."])
    assert "the a " not in result.rewrite and "the £40 voucher" in result.rewrite, result.rewrite


def test_a_sum_beyond_a_limit_goes_to_whoever_the_line_names() -> None:
    result = coach.rewrite("Thanks for the photos. I've waived the full £300 damage charge.",
                           customer="The scratch on the car was there when I picked it up.",
                           policy=["We can waive damage charges up to £100; higher amounts need Claims team approval."])
    assert "the Claims team to review the £300" in result.rewrite, result.rewrite
