"""Grants a policy keeps for another team, policy lines with headings, transfer scams and short restatements (shapes
from blind sets ao and ap); drafts written for this file."""

from __future__ import annotations

import pytest

from coach import Coach, Policy
from coach._core.checker import check
from coach._core.situations import situation
from coach._engines.offline.promise import said_policy
from coach._engines.offline.restate import restate_problem

coach = Coach(engine="offline")


def rules(text: str, customer: str = "", lines: list[str] | None = None) -> set[str]:
    return {f.rule for f in check(text, customer, Policy(commitments=lines or [])).findings}


def test_a_grant_only_another_team_may_make_is_beyond_the_policy():
    lines = ["Loyalty vouchers can only be issued by the customer retention team."]
    draft = "Thanks for letting us know about the late delivery. I've added a £15 loyalty voucher to your account."
    assert "broken-promise" in rules(draft, "My sofa came two days late.", lines)
    result = coach.rewrite(draft, customer="My sofa came two days late.", policy=Policy(commitments=lines))
    assert "I've added a £15 loyalty voucher" not in result.rewrite and result.passed is not True, result.rewrite


def test_what_agents_may_not_do_rules_out_the_agent_doing_it():
    lines = ["Cleaning charges are checked by the inspections team; staff may not remove cleaning charges before the check."]
    policy = Policy(commitments=lines)
    assert policy.forbids("I've removed the £80 cleaning charge from your booking") == lines[0]
    # an outcome someone else decides is a promise of its own, not the agent doing what the line forbids
    assert Policy(commitments=["Agents cannot reopen accounts or give timescales."]).forbids(
        "your account will be reopened within 2 days") is None


def test_the_part_of_a_line_for_the_team_is_not_said_to_the_customer():
    line = "Deposit disputes are reviewed within 10 working days; agents may not refund deposits before the review."
    assert said_policy(line) == "Deposit disputes are reviewed within 10 working days."


@pytest.mark.parametrize(("line", "said"), [
    ("Price protection: refund the difference if the price falls within 10 days.",
     "For price protection, we refund the difference if the price falls within 10 days."),
    ("Cancelled sailings: a full refund or a free transfer to the next sailing.",
     "For cancelled sailings, the policy is a full refund or a free transfer to the next sailing."),
    ("Guarantee period: 2 years from delivery.", "The guarantee period is 2 years from delivery."),
    ("Missed collections: one week's service charge credited to the next bill.",
     "For missed collections, one week's service charge is credited to the next bill."),
    ("Broken in transit: we send a new one within 5 working days.",
     "For items broken in transit, we send a new one within 5 working days."),
    ("Storm credits: £3 per day without power, capped at £60.", "Storm credits are £3 per day without power, capped at £60."),
])
def test_a_policy_line_with_a_heading_is_said_as_one_sentence(line, said):
    assert said_policy(line) == said


def test_a_line_that_tells_the_team_what_to_tell_the_customer_keeps_its_heading():
    line = "Water leaks: tell the customer to turn off the stopcock and call the emergency line."
    assert said_policy(line).startswith("Water leaks:")


def test_a_reference_and_a_verdict_are_not_joined_into_a_restatement():
    customer = "The cot I ordered came without the screws. Order CT-4410. Not happy."
    assert "not happy" not in (restate_problem(customer) or "")
    assert restate_problem("I booked a plumber for Monday. Nobody turned up.") == \
        "you booked a plumber for Monday and nobody turned up"


def test_we_will_make_sure_of_it_goes_with_the_promise_it_backs():
    result = coach.rewrite("Your replacement will definitely arrive by Thursday. We'll make sure of it.",
                           customer="My blender arrived broken, order BL-220.")
    assert "make sure of it" not in result.rewrite and "aim to" not in result.rewrite, result.rewrite


def test_money_back_with_an_amount_is_a_promise():
    assert "broken-promise" in rules("Don't worry, you'll definitely get your £1,150 back.")
    assert "broken-promise" in rules("You'll get the full $90 back.")


def test_a_transfer_scam_gets_the_fraud_step_and_no_blame():
    customer = ("A man called saying he was from your security team and talked me into moving £3,900 to a 'safe "
                "account'. I feel like an idiot.")
    case = situation(customer)
    assert case is not None and case.name == "scam"
    result = coach.rewrite("Sorry for any inconvenience. Unfortunately there's nothing we can do.", customer=customer)
    assert "fraud team" in result.rewrite and "freeze the card" not in result.rewrite, result.rewrite


def test_a_hashtag_is_no_scam():
    case = situation("@GameHub where is my preorder?? paid in June and sent two emails #scam")
    assert case is None or case.name != "scam"


def test_an_arrival_time_after_so_you_get_it_is_a_promise():
    assert "broken-promise" in rules("I'll send the voucher by email so you get it within 2 hours.")
    assert "broken-promise" not in rules("I'll send the voucher by email so you have it for your records.")


def test_a_non_refundable_line_rules_the_refund_out():
    lines = ["Personalised jewellery is non-refundable unless it arrives damaged."]
    assert Policy(commitments=lines).forbids("I've refunded the £45 for the personalised jewellery") == lines[0]


def test_the_payment_of_a_declined_grant_is_not_checked_on_its_own():
    lines = ["Goodwill credits are capped at £20 per complaint."]
    draft = ("Thanks for your patience with the broken boiler. I've added a £75 goodwill credit to your account. "
             "It will be in your account this week.")
    result = coach.rewrite(draft, customer="My boiler has been broken for a week.", policy=Policy(commitments=lines))
    assert "£75" not in result.rewrite and "this week" not in result.rewrite, result.rewrite  # (never offered to them)


def test_a_sum_that_hangs_on_a_declined_waiver_is_said_so():
    lines = ["The £250 excess applies to every claim and cannot be waived by agents."]
    draft = "Thanks for the repair invoice. I've waived the £250 excess, so you'll receive the full £900."
    result = coach.rewrite(draft, customer="My car was hit in the car park; repair invoice attached.",
                           policy=Policy(commitments=lines))
    assert "whether you receive the full £900 depends on that" in result.rewrite, result.rewrite
    assert "I've waived" not in result.rewrite


def test_the_customers_own_step_after_so_you_is_no_promise():
    assert "broken-promise" not in rules("I'll email you the form so you can have it signed and back to us by Friday.")
    assert "broken-promise" not in rules("I'll send the forms now so you have them before your appointment on Monday.")


def test_a_one_word_subject_and_a_list_of_acts_are_read_in_a_ruling_line():
    assert Policy(commitments=["Deposits are non-refundable."]).forbids("I'll refund your £50 deposit today.")
    assert Policy(commitments=["Staff may not waive, reduce or refund late fees."]).forbids("I've waived your late fee.")
    # a reply that says the same "no" is not ruled out
    assert Policy(commitments=["Tickets are non-refundable."]).forbids(
        "Tickets on order RJ-1 aren't refundable, so I can't return the €130 directly.") is None


def test_an_acronym_heading_keeps_its_capitals():
    assert said_policy("SLA: 4 hours for priority faults.").startswith("SLA is")


def test_scams_need_money_moved_and_hardship_needs_no_outage_to_blame():
    assert situation("I got a scam text pretending to be you, so I sent a screenshot to your team.") is None
    case = situation("I've been made redundant and can't afford the loan payments. Your website is not working so I "
                     "couldn't even log in.")
    assert case is not None and case.name == "hardship"
    case = situation("My kettle handle snapped as I poured into my mug and boiling water scalded my hand.")
    assert case is not None and case.name == "product-safety"
