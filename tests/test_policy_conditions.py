"""A grant beyond the policy by letting go of its condition, by covering what the customer pays, or by refunding the
whole order where a line refunds one fee (issue 16, from the false passes of sets t-v). Each draft written for this
file; the first four groups fail on 3530360."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._core.facts import missing_facts
from coach._core.policy import Policy, duration_hours

coach = Coach(engine="offline")


def rules_found(draft: str, policy: list[str], customer: str | None = None) -> list[str]:
    return [f.rule for f in coach.check(draft, customer=customer, policy=policy).findings]


@pytest.mark.parametrize("draft, policy, gone", [
    ("Thanks for the photos of the kettle that trips the fuse. I'll courier a new one out and you can keep the faulty one.",
     ["Replacement kettles are sent once the faulty unit has been collected."], "keep the faulty"),
    ("Thanks for asking about the boots. We'll swap them for a size 9 whenever you like.",
     ["Size swaps are accepted within 30 days of delivery."], None),  # "size 9" would be lost: it stays, and fails
    ("Thanks for writing in about the coat. Even though it's past the 60-day returns window, I've approved a refund.",
     ["Refunds are given for returns made within 60 days of delivery."], "approved a refund"),
    ("Thanks for flagging the cracked screen on tablet TB-7. As a one-off exception I'll repair it free of charge.",
     ["Screen repairs are free within the first year; after that they are quoted."], "one-off"),
])
def test_a_grant_that_lets_go_of_the_lines_condition_does_not_pass(draft: str, policy: list[str], gone: str | None) -> None:
    assert "broken-promise" in rules_found(draft, policy)
    result = coach.rewrite(draft, policy=policy)
    assert result.passed is not True
    assert gone is None or gone not in result.rewrite, result.rewrite


def test_the_rewrite_says_the_lines_and_the_agents_own_check_instead() -> None:
    policy = ["Replacement kettles are sent once the faulty unit has been collected.",
              "Faulty kettles are collected by courier within 3 days."]
    result = coach.rewrite("Thanks for the photos of the kettle that trips the fuse. I'll courier a new one out and you "
                           "can keep the faulty one.", policy=policy)
    assert "Replacement kettles are sent once the faulty unit has been collected." in result.rewrite
    assert "Faulty kettles are collected by courier within 3 days." in result.rewrite
    assert "[" not in result.rewrite and result.findings_after == []


@pytest.mark.parametrize("draft", [
    "I'm afraid we can't make an exception to the 30-day window for size swaps, but I can offer store credit.",
    "Thanks for the photos. I've sent a new charger today, and you can keep the old one.",  # the line is about refunds
    "Once we have the old one back, we'll swap the boots for a size 9.",
])
def test_no_grant_or_another_topic_is_not_read_as_letting_go(draft: str) -> None:
    policy = ["Size swaps are accepted within 30 days of delivery.", "Refunds are issued within 5 days."]
    assert "broken-promise" not in rules_found(draft, policy)


@pytest.mark.parametrize("draft", [
    "Thanks for sending the jacket back. I'll cover the return courier costs too.",
    "Thanks for sending the jacket back; the return postage is on us.",
])
def test_covering_what_the_customer_pays_breaks_the_line(draft: str) -> None:
    policy = ["Customers pay return courier costs for change-of-mind returns.",
              "Customers pay return postage for change-of-mind returns."]
    assert "broken-promise" in rules_found(draft, policy)


def test_telling_the_customer_they_pay_is_not_letting_them_off() -> None:
    policy = ["Customers pay return postage for change-of-mind returns."]
    assert "broken-promise" not in rules_found("Thanks for sending the jacket back. You'll need to cover the return "
                                               "postage yourself; the label is on the returns page.", policy)


def test_refunding_the_whole_order_where_a_line_refunds_a_fee_goes_beyond_it() -> None:
    policy = ["Delivery charges are refunded when an order arrives more than an hour late."]
    assert "broken-promise" in rules_found("Thanks for telling us your groceries came two hours late. I've refunded "
                                           "your whole £64.20 order.", policy)
    assert "broken-promise" not in rules_found("Thanks for telling us your groceries came two hours late. I've refunded "
                                               "the full £4.99 delivery charge.", policy)


def test_a_hyphenated_amount_is_kept_when_said_apart() -> None:
    assert missing_facts("It's outside the 12-month warranty.", "The warranty runs for 12 months.") == []
    assert missing_facts("It's outside the 12-month warranty.", "The warranty runs for 24 months.") == ["12-month"]


@pytest.mark.parametrize("line, banned", [
    ("Do not use the word 'unfortunately'.", ["unfortunately"]),
    ('Never say "no problem" or "calm down" to a customer.', ["no problem", "calm down"]),
    ("Do not give fix times for network repairs.", []),  # rules out a commitment: it stays a line
])
def test_a_line_that_bans_words_is_a_banned_phrase(line: str, banned: list[str]) -> None:
    policy = Policy.coerce([line, "Refunds are issued within 5 days."])
    assert policy.banned_phrases == banned
    assert (line in policy.commitments) is not bool(banned)


@pytest.mark.parametrize("draft, kept", [
    ("Thanks for the photos of the crack. Unfortunately, the courier lost the first parcel, so I've sent a new one today.",
     "The courier lost the first parcel, so I've sent a new one today."),
    ("Thanks for asking about opening hours. The Leeds store, unfortunately, closes at 6pm; please visit before then.",
     "The Leeds store closes at 6pm; please visit before then."),
])
def test_a_banned_adverb_goes_and_its_sentence_stays(draft: str, kept: str) -> None:
    result = coach.rewrite(draft, policy=["Do not use the word 'unfortunately'."])
    assert kept in result.rewrite and "nfortunately" not in result.rewrite
    assert result.passed is True


@pytest.mark.parametrize("draft, policy", [
    # "six months" in words against "up to 3 months"
    ("Thanks for asking. I've paused your meal kit on account 4410 for six months while you're away.",
     ["Subscriptions can be paused for up to 3 months at a time."]),
    # a line in years is read as a time ("2 years" covered any deadline before)
    ("Thanks for the serial number. We'll send a new speaker, and it will be with you tomorrow.",
     ["Faulty speakers are replaced within 2 years of purchase.", "Replacements ship within 3 working days."]),
    # "45 days ago" is not the promise's time
    ("Thanks for explaining. Although it renewed 40 days ago, I've refunded it and it'll be back on your card within "
     "2 business days.", ["Refunds are credited within 10 business days."]),
    # a prorated refund is a partial one
    ("Thanks for letting us know. I've cancelled the plan and you'll get a prorated refund for the unused days.",
     ["Cancellations take effect at the end of the billing period; no partial refunds."]),
    # a price the customer pays, let off
    ("Thanks for getting in touch. I've swapped your seat to the 19:10 at no cost to you.",
     ["Within 24 hours of departure, swaps cost £12 plus any fare difference."]),
])
def test_a_grant_beyond_the_lines_time_share_or_price_does_not_pass(draft: str, policy: list[str]) -> None:
    assert "broken-promise" in rules_found(draft, policy)


def test_a_full_refund_where_the_line_refunds_pro_rata_is_not_covered() -> None:
    policy = Policy.coerce(["Annual plans are refunded pro rata within 30 days of renewal."])
    assert not policy.covers("I've processed a full refund of $240", timed=False)
    assert policy.covers("I've processed a pro rata refund of $120", timed=False)


@pytest.mark.parametrize("text, hours", [
    ("within 2 years", 2 * 8760), ("for six months", 6 * 720), ("renewed 45 days ago", None),
    ("a credit of three days' fee", None),  # an amount in days, not a time: words count only after "for", "within"
])
def test_durations(text: str, hours: float | None) -> None:
    assert duration_hours(text) == hours


# --- found on set w after it was measured ----------------------------------------------------------------------------


@pytest.mark.parametrize("draft, policy", [
    # a grant "at no charge" is still a grant ("no" is no refusal here)
    ("Thanks for staying with us. I've added 9 months of Plus to your account at no charge.",
     ["Loyalty discounts are limited to 20% off for 3 months."]),
    # a share above the line's cap
    ("Thanks for flagging the code. Here's a 25% code for your next order instead: SAVE25-JO.",
     ["Expired codes may be replaced with a code of equal value (up to 10%) on request."]),
    # a grant in the passive
    ("Thank you for letting us know order 5521 came late. A £40 credit has been applied to your account.",
     ["Late delivery compensation is a £5 voucher per order.", "Goodwill credit above £10 needs team-lead approval."]),
    # "for the current month only" against every month
    ("Thanks for flagging the paper statement fee. I've waived all the fees for every month this year.",
     ["Paper statement fees may be refunded for the current month only."]),
    # "No need to post it back first." with no "I" or "we"
    ("Thanks for the photos of the cracked lamp. No need to post the broken one back first.",
     ["Replacement lamps ship after the broken one is received."]),
    # what the line makes conditional, handed out as sure
    ("Thank you for your patience. You will also receive a courtesy car while it's repaired.",
     ["Courtesy cars are subject to availability."]),
])
def test_a_grant_beyond_the_line_in_other_words_does_not_pass(draft: str, policy: list[str]) -> None:
    assert "broken-promise" in rules_found(draft, policy)


@pytest.mark.parametrize("draft, policy", [
    ("Thank you for your patience. We can offer a courtesy car if one is available.",
     ["Courtesy cars are subject to availability."]),
    ("Thanks for planning ahead. I've added a 1pm late checkout to booking HX-120 as part of your Gold benefits.",
     ["Gold members receive late checkout until 1pm free of charge.", "Checkout later than 1pm is subject to availability."]),
])
def test_a_conditional_grant_hedged_or_granted_by_another_line_passes(draft: str, policy: list[str]) -> None:
    assert "broken-promise" not in rules_found(draft, policy)


# --- from the review of this change: good replies the wider reading must not flag ------------------------------------


@pytest.mark.parametrize("draft, policy", [
    ("Thanks for asking. You can cancel whenever you like from the Account page.",
     ["Monthly plans can be cancelled at any time from the Account page."]),
    ("Thanks for the photos. Please keep the original box and receipt; we'll send a prepaid label today.",
     ["Returns need the original packaging."]),
    ("Thanks for the details. As the mixer is outside the 12-month warranty, repairs are chargeable; I've emailed you a "
     "quote for £45.", ["Warranty covers faults for 12 months.", "Out-of-warranty repairs are quoted after inspection."]),
    ("I'm sorry your parcel arrived outside the delivery window; I've refunded the £4.99 delivery fee.",
     ["Delivery fees are refunded when a parcel misses its window."]),
    ("Thanks for the photos. No need to send any more pictures: I've booked a free repair for Tuesday.",
     ["Repairs are free within the warranty."]),
    ("Thanks for letting us know. I've ordered your replacement card for £5; feel free to call us if it doesn't come.",
     ["Replacement cards cost £5."]),
    ("Thanks for the photos. I have sent a replacement at no extra cost.",
     ["Customers cover the cost of return shipping for change-of-mind returns."]),
    ("Thanks for reporting the fault. We'll cover the return postage.",
     ["Customers pay return postage for change-of-mind returns.", "Faulty items: we cover return postage."]),
    ("Thanks for getting in touch. As you cancelled within 14 days, I've issued a full refund of £120.",
     ["Cancellations within 14 days get a full refund; after that, refunds are pro rata."]),
    ("Thanks for sending it back. Once it passes inspection, you'll receive a courtesy voucher.",
     ["Courtesy vouchers are subject to inspection of the return."]),
])
def test_a_good_reply_within_the_lines_is_not_read_as_beyond_them(draft: str, policy: list[str]) -> None:
    assert "broken-promise" not in rules_found(draft, policy)


def test_an_ordinary_request_about_the_customer_is_no_order_and_ignore_my_email_is_no_coach_instruction() -> None:
    seller = "I'm a seller on your marketplace; please refund the customer for order 5521 (£30)."
    assert "broken-promise" not in rules_found("Thanks for flagging order 5521. I've refunded the customer £30.", [], seller)
    assert "broken-promise" in rules_found("Hi Dana, please ignore my previous email: your refund will definitely arrive "
                                           "by Friday.", [])
