"""Issue 16, item 1 ("never a false `passed`"): a grant against a policy line that sets a condition the coach cannot
check (a window from the purchase, proof, an approval, an exclusion, a share of the price) is no pass until a person
has read the line against the case. Drafts written for this file; every case in the first test passes on 7ab0d89."""

from __future__ import annotations

import pytest
from fake_openai import FakeOpenAI, answer_json

from coach import Coach
from coach._core.conditions import unchecked_lines
from coach._core.policy import Policy

coach = Coach(engine="offline")


@pytest.mark.parametrize("draft, policy", [
    # a window from the purchase the reply never says this case is inside
    ("Thanks for telling us the blender's lid cracked. I've approved a refund of $64 to your card today, and I'll email "
     "you a returns label by 5pm.",
     ["Refunds are available within 21 days of delivery.", "After 21 days, faulty items are repaired under warranty."]),
    # proof the line asks for
    ("Thanks for spotting the lower price on the Orla lamp. I've matched it to €89 on order OL-5520 and I'll email you "
     "the new invoice.",
     ["Price matching needs a link to the competitor's live listing.", "Marketplace sellers are not matched."]),
    # a length of delay, with money back in another name
    ("Thank you for the booking code. I'm sorry the delay cost you your connection. I've approved a refund of £20 for "
     "booking KQ-7781, and I'll email you the receipt.",
     ["Delay compensation is paid only for delays over 60 minutes."]),
    # a match offered, and a price lowered (found on set ad after it was measured)
    ("Hi Rosa, thanks for asking first. Sure, we'll match that. Please reply with your postcode and I'll book the "
     "delivery.",
     ["Price matches need a screenshot of the rival's live price.", "Online-only retailers are not matched."]),
    ("Thanks for the link, Dev. I've lowered the price of the Kito desk to £210 in your basket. Please check out when "
     "you're ready, and reply here if the price looks wrong.", ["Price matching applies only to UK retailers with a store."]),
    # a write-off in other words, and a plan longer than the line allows (found on set af after it was measured)
    ("Thanks for telling us, Mo. I've written off the £380 on account 55-1020 and I'll email you the letter that "
     "confirms it.", ["Debt write-offs need approval from the hardship panel."]),
    ("Thanks for telling us, Mo. I've set your account up on an 18-month payment plan of £25, and I'll email you the "
     "schedule.", ["Agents may set payment plans of up to 6 months."]),
    ("Thanks for asking before the move, Lin. I've moved you into the larger locker 12 at your current rate, and I'll "
     "email you the new code.", ["Locker upgrades at an old rate need approval from the site manager."]),
    # a waiver in comfort's words (the false pass named in the last session's note)
    ("Thanks, Dana. I've cancelled tomorrow's 8am grooming slot for Rolo, and don't worry about the fee. I'll email "
     "you the confirmation.", ["Cancellations with less than 24 hours' notice are charged a £15 fee."]),
    # an approval, on a discount offered as the customer's choice
    ("Thanks for staying with us, Tomas. If you'd rather keep the plan, I can give you 40% off for the next year.",
     ["Loyalty discounts are limited to 15% for 3 months and need a supervisor's approval."]),
])
def test_a_grant_against_a_condition_it_does_not_show_met_is_no_pass(draft: str, policy: list[str]) -> None:
    result = coach.rewrite(draft, policy=policy)
    assert result.passed is None and result.unchecked
    assert set(result.unchecked) <= set(policy)


@pytest.mark.parametrize("draft, policy", [
    # the condition's figure said
    ("Thanks for checking, Ade. You bought the kettle 12 days ago, inside our 30 days, so I've refunded the £39 to your "
     "card; it shows within 5 business days.", ["Refunds are available within 30 days of purchase."]),
    # "three hours" meets "more than 2 hours"
    ("Thank you for telling us the engineer came three hours late on Monday. I've added a £25 credit to your bill.",
     ["Customers get a £25 credit when an engineer is more than 2 hours late."]),
    # a rate the reply's sum is reckoned by, under a cap
    ("Thanks for the logs, Ravi. The line was down for four days, so I've added a £12 service credit to your next "
     "bill and I'll call you on Friday.", ["Service credits of £3 per affected day, up to £30 a month, may be applied "
                                          "by agents without approval."]),
    # a cap the broken-promise rule compares
    ("Thanks for letting us know the pizza arrived cold. I've added a £6 credit to your account.",
     ["Agents may add a goodwill credit of up to £10."]),
    # the agent's own condition on its own step
    ("Thanks for trying the reset. If the router still drops tonight, reply here and I'll book an engineer visit.",
     ["Engineer visits are booked only after a remote line test fails."]),
    # a line that grants with no condition
    ("Thanks for sending the photo of the dented tin. I've arranged a replacement, which ships tomorrow.",
     ["Replacements for damaged items ship the next working day."]),
    # the time the company takes, not a window the customer must meet
    ("Thanks for the agreement number, Ola. The car came back on 3 May with no damage, so I've sent the release of "
     "your €300 hold today; your bank may take a few more days to show it.",
     ["Deposit holds are released by us within 7 business days of the vehicle's return."]),
    # "at no charge" is what the line grants, not a condition (found on set ag after it was measured)
    ("Thanks for telling us about the drilling, Mr Osei. I've moved you to room 512 on the quiet side at no extra cost; "
     "reception has the key ready now.", ["Guests disturbed by noise may be moved to another room at no charge, subject "
                                          "to availability."]),
    # a line for the agent, not a condition of the case
    ("Thanks for waiting, Ines. I've issued the €30 refund today; your bank decides when it shows.",
     ["Do not promise a date for the bank to post a refund."]),
])
def test_a_condition_shown_met_or_none_to_check_leaves_the_pass(draft: str, policy: list[str]) -> None:
    assert unchecked_lines(draft, Policy.coerce(policy)) == []
    assert coach.rewrite(draft, policy=policy).passed is True


def test_without_a_policy_nothing_is_unchecked() -> None:
    result = coach.rewrite("Thanks for letting us know the lid cracked. I've approved a refund of $64 today, and I'll "
                           "email you a returns label by 5pm.")
    assert result.unchecked == [] and result.passed is True


def test_a_condition_let_go_in_the_reply_is_not_shown_met() -> None:
    draft = "Thanks for the lower rate you found. I've applied a price-match credit of $120, no screenshot needed."
    policy = ["Price match applies to the same room and dates with a screenshot, requested before check-in."]
    assert unchecked_lines(draft, Policy.coerce(policy)) == policy


@pytest.mark.parametrize("draft, policy, line", [
    # a fee quoted where a line waives it on a condition the reply never mentions
    ("Hi Ines, thanks for letting us know. Cancelling within the first year means an exit fee of £45 applies; I'll email "
     "you the form today.", ["Customers moving abroad can leave without the exit fee on proof of the move.",
                             "Cancellations need 14 days' notice."],
     "Customers moving abroad can leave without the exit fee on proof of the move."),
    # "non-refundable" where a line refunds on a doctor's note
    ("Hi Tom, thanks for your message. Your Basic ticket is non-refundable, but you can move it to another date for "
     "€40; reply here with the date you want.", ["Basic tickets are refunded in full on presentation of a hospital "
                                                 "letter for the passenger."],
     "Basic tickets are refunded in full on presentation of a hospital letter for the passenger."),
])
def test_a_refusal_against_a_lines_exception_is_no_pass(draft: str, policy: list[str], line: str) -> None:
    result = coach.rewrite(draft, policy=policy)
    assert result.passed is None and line in result.unchecked


def test_a_line_that_refuses_too_is_no_exception() -> None:
    draft = ("Thanks for getting in touch, Rosa. That box has already gone to the warehouse team, so I can't refund the "
             "€48 this time. I'll email you next week's menu today.")
    policy = ["Orders can be cancelled until Tuesday noon; after that they are packed and cannot be refunded."]
    assert unchecked_lines(draft, Policy.coerce(policy)) == []


def test_a_refusal_that_names_the_exception_keeps_its_pass() -> None:
    draft = ("Hi Ines, thanks for letting us know. As you're staying in the UK, the exit fee of £45 applies; moving "
             "abroad with proof of the move is the only way to leave without it. I'll email you the form today.")
    policy = ["Customers moving abroad can leave without the exit fee on proof of the move."]
    assert unchecked_lines(draft, Policy.coerce(policy)) == []


def test_the_cli_names_the_line_to_check() -> None:
    from coach._cli.render import rewrite_notes

    policy = ["Refunds are available within 21 days of delivery."]
    result = coach.rewrite("Thanks for telling us the lid cracked. I've approved a refund of $64 today.", policy=policy)
    notes = rewrite_notes(result, colour=False)
    assert "READ FIRST" in notes and "within 21 days of delivery" in notes


def test_a_model_answer_that_grants_on_an_unchecked_condition_is_no_pass() -> None:
    answer = ("Thank you for telling us the lid of your blender cracked. I've approved a refund of $64 to your card, and "
              "you'll see it within 5 business days. I'll email you a returns label next.")
    policy = ["Refunds are available within 21 days of delivery.", "Refunds reach the card within 5 business days."]
    server = FakeOpenAI(answer_json([], answer))
    try:
        model = Coach(engine="openai", base_url=server.url, model="fake-model", timeout=2.0, budget=10.0)
        result = model.rewrite("Sorry for the inconvenience, I've approved a refund of $64, you'll have it right away.",
                               customer="The lid of the blender I bought cracked.", policy=policy)
    finally:
        server.close()
    assert result.rewrite == answer and not result.fallback
    assert result.passed is None and result.unchecked == ["Refunds are available within 21 days of delivery."]
