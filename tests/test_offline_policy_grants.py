"""What the offline rewrite says when a draft grants more than, or other than, the team's policy; drafts written for
this file."""

from __future__ import annotations

from offline_verdict import nothing_found

from coach import Coach, Policy

coach = Coach(engine="offline")


def rewrite(draft: str, customer: str, lines: list[str]):
    return coach.rewrite(draft, customer=customer, policy=Policy(commitments=lines))


def test_a_grant_already_made_beyond_a_voucher_policy_gives_way_to_the_policy() -> None:
    lines = ["Missed deliveries are compensated with a voucher worth 15% of the order value."]
    result = rewrite("Thanks for your patience. I'm giving you a £60 cash payment for the missed delivery.",
                     "The driver never came and I took the day off work.", lines)
    assert nothing_found(result)
    assert lines[0] in result.rewrite and "£60" not in result.rewrite and "I'll check what I can offer you" in result.rewrite


def test_a_waiver_the_policy_rules_out_goes_to_someone_who_may_decide() -> None:
    lines = ["Late returns incur a £12 charge; this cannot be waived by branch staff."]
    result = rewrite("Sorry about the late return. About the £12 charge: I've waived it for you.",
                     "I returned the van 40 minutes late because of an accident on the M6.", lines)
    assert nothing_found(result)
    assert "waived it" not in result.rewrite and "manager" in result.rewrite and "£12" in result.rewrite


def test_money_back_sooner_than_the_refund_policy_is_answered_with_the_policy() -> None:
    lines = ["Refunds are issued within 5-7 business days of the return being received."]
    result = rewrite("I've processed your return and the £45 will be back in your account tomorrow.",
                     "I sent the boots back two weeks ago and still have no refund.", lines)
    assert nothing_found(result) and lines[0] in result.rewrite and "£45" in result.rewrite


def test_an_emoji_before_a_promise_does_not_stop_it_becoming_a_check() -> None:
    result = coach.rewrite("@kay_l 😬 we'll defo have your case back to you tonight, promise ^MR",
                           customer="@FlyMoor my suitcase didn't arrive in Faro, flight FM31")
    assert "defo" not in result.rewrite and "when we can have your case back" in result.rewrite
    assert result.rewrite.endswith("^MR")


def test_money_refunded_another_way_is_checked_not_refused() -> None:
    lines = ["Tickets for cancelled concerts are refunded in full to the original card within 14 days."]
    result = rewrite("As the concert was cancelled, your £64 will be refunded today in cash at the box office.",
                     "The gig on Friday was cancelled and I paid £64 for two tickets.", lines)
    assert "I can't offer £64" not in result.rewrite and "£64" in result.rewrite


def test_money_back_for_the_unused_part_of_a_plan_gives_way_to_a_no_pro_rata_line() -> None:
    lines = ["Memberships can be cancelled at any time.", "Pro-rata refunds are not offered on yearly memberships."]
    result = rewrite("Thanks for letting us know. We'll refund the remaining 5 months, so you'll get $50 back by "
                     "Monday, and I've cancelled your membership.",
                     "I paid $120 for the year in March but I've moved away, so I want the rest back.", lines)
    assert lines[1] not in result.rewrite and "can't refund the remaining 5 months or the $50" in result.rewrite
    assert "I'm checking whether" not in result.rewrite and "Monday" in result.rewrite
    assert "I've cancelled your membership" in result.rewrite


def test_a_price_difference_refunded_after_purchase_gives_way_to_a_no_adjustments_line() -> None:
    lines = ["We do not offer price adjustments once an order has been placed."]
    result = rewrite("Hi Tom, no problem! I've refunded the £35 price difference to your card.",
                     "I bought the kettle last week for £95 and it's £60 now. Refund the difference please.", lines)
    assert lines[0] in result.rewrite, result.rewrite  # a "no" in the team's own voice is said
    assert "£35" in result.rewrite and "I've refunded" not in result.rewrite


def test_a_grant_made_as_an_exception_goes_to_whoever_approves_exceptions() -> None:
    lines = ["Items can be returned within 14 days of delivery.", "Exceptions need a store manager's approval."]
    draft = ("Hi Ana, you're right that we bend the rules for regulars, so I've gone ahead and approved the refund even "
             "though it's past 14 days. Hope that helps!")
    result = rewrite(draft, "I'd like to return the lamp I bought five weeks ago. I'm a regular, so make an exception.",
                     lines)
    assert "approved the refund" not in result.rewrite and "bend the rules" not in result.rewrite, result.rewrite
    assert lines[0] in result.rewrite and "a store manager to review the refund" in result.rewrite
    assert "broken-promise" not in {f.rule for f in result.findings_after}
