"""Issue 16, from the rewrites set aa's reviewers scored lowest: a waiver made as the second verb of one "I've" ("I've
cancelled X and waived the fee"), a waiver said alone after what it waives ("Don't worry about fees."), a promise
made final with a pronoun ("It will be gone for good."), a never-again promise after no failure, product-safety
advice for something broken in transit, and restatements of a request or of the customer's own filing. Each draft
written for this file."""

from __future__ import annotations

import pytest

from coach import Coach

coach = Coach(engine="offline")

_APPROVAL = ["Rebooking fees are charged at £35.", "Fee waivers need a duty manager's approval."]


def rules_found(draft: str, policy: list[str] | None = None) -> list[str]:
    return [f.rule for f in coach.check(draft, policy=policy).findings]


def test_a_waiver_after_another_verb_of_the_same_ive_is_a_grant_the_line_holds_back() -> None:
    draft = "Thanks for your message, Ana. I've moved booking HT-5512 to Friday and waived the rebooking fee."
    assert "broken-promise" in rules_found(draft, _APPROVAL)
    result = coach.rewrite(draft, customer="Can you move booking HT-5512 to Friday? Something came up at work.",
                           policy=_APPROVAL)
    assert "I've moved booking HT-5512 to Friday." in result.rewrite  # the agent's own change stays
    assert "waived" not in result.rewrite and "approval" not in result.rewrite, result.rewrite
    assert result.passed is not True


def test_the_second_verb_reading_does_not_make_a_report_a_grant() -> None:
    assert "broken-promise" not in rules_found("Thanks, Ana. I've checked and we haven't refunded it yet; I'm asking "
                                               "the payments team why today.", ["Refunds take 5 working days."])


_CANCEL = ["Cancellations with less than 48 hours' notice incur a £15 fee."]


@pytest.mark.parametrize("draft", [
    "Thanks for letting us know, Sam. I've cancelled your lesson on 14 June, three weeks away. Don't worry about fees.",
    "Thanks for letting us know, Sam. I've cancelled your lesson on 14 June, three weeks away. There's no charge.",
])
def test_a_fee_said_waived_alone_is_no_promise_where_the_line_may_not_charge_it(draft: str) -> None:
    # (the line charges only late cancellations; the rules cannot tell this one is early, so they do not flag it;
    # a review of this session found the opposite reading flagging such good replies, and it was taken back)
    assert "broken-promise" not in rules_found(draft, _CANCEL)
    result = coach.rewrite(draft, customer="Can I cancel my lesson on 14 June? Something came up.", policy=_CANCEL)
    assert result.rewrite == draft


@pytest.mark.parametrize("draft", [
    "Thanks for the photos, Jo. A contractor is booked for Monday. It will be gone for good after that.",
    "Thanks for the photos, Jo. A contractor is booked for Monday, and that'll be sorted once and for all.",
])
def test_a_pronoun_made_final_is_a_promise(draft: str) -> None:
    assert "broken-promise" in rules_found(draft)
    result = coach.rewrite(draft, customer="The damp patch in my bedroom is back for the third time.")
    assert "for good" not in result.rewrite and "once and for all" not in result.rewrite


def test_a_never_again_promise_after_no_failure_goes_without_a_what_went_wrong_line() -> None:
    draft = ("Thanks for telling us, Lee. I've paused your plan for June, and I'll make sure you're never charged a "
             "pause fee with us.")
    result = coach.rewrite(draft, customer="Can I pause my gym plan for June? I'm travelling.")
    assert "never" not in result.rewrite and "went wrong" not in result.rewrite
    assert "I've paused your plan for June" in result.rewrite


@pytest.mark.parametrize("customer", [
    "My pushchair came off the flight to Malaga with the front wheel snapped off. Ref AGP-77120. What now?",
    "My suitcase came off the baggage carousel with the handle bent and a wheel snapped. Tag AB-55190.",
])
def test_something_broken_in_transit_gets_no_product_safety_advice(customer: str) -> None:
    result = coach.rewrite("We understand. We'll see what we can do.", customer=customer)
    assert "product safety" not in result.rewrite and "don't use the product" not in result.rewrite.lower()


def test_a_part_that_fails_in_use_still_gets_the_safety_step() -> None:
    result = coach.rewrite("We understand. We'll see what we can do.",
                           customer="The strap on the baby carrier snapped while I was wearing it. Order 55-1902.")
    assert "safety" in result.rewrite


@pytest.mark.parametrize("customer, said", [
    ("I'd like to know why my appointment on the 4th disappeared from the system.", "you'd like to know"),
    ("I lodged claim CL-4410 for a burst pipe on 2 May. It still shows as pending and nobody has called.",
     "you lodged claim"),
])
def test_a_request_or_the_customers_own_filing_is_not_said_back_as_their_problem(customer: str, said: str) -> None:
    result = coach.rewrite("We apologise for any inconvenience. We will look into it.", customer=customer)
    assert said not in result.rewrite.lower()


def test_a_word_typed_twice_is_tidied_in_a_reply_the_coach_edits() -> None:
    result = coach.rewrite("We apologise for any inconvenience. We'll pass on the the report, and thanks for for "
                           "the screenshots. Could you tap Log in in the app again?",
                           customer="The app crashes every time I open my basket.")
    assert "inconvenience" not in result.rewrite
    assert "the the" not in result.rewrite and "for for" not in result.rewrite
    assert "Log in in the app" in result.rewrite  # ("in in" may be right: it is left alone)


def test_a_good_draft_keeps_its_slips_as_the_agent_wrote_them() -> None:
    draft = "Thanks for telling us the app crashed when you opened your basket. Could you try to to reinstall it?"
    assert coach.rewrite(draft, customer="The app crashes every time I open my basket.").rewrite == draft


def test_a_grant_beside_another_doing_of_the_agent_becomes_the_line_and_the_doing_stays() -> None:
    policy = ["A missed delivery slot earns a £10 credit.", "Credits above £25 need a supervisor's approval."]
    draft = ("Thanks for waiting in yesterday, Priya. I've added a £60 credit to your account and rebooked the delivery "
             "for Monday, 7-11am.")
    result = coach.rewrite(draft, customer="Nobody came in my 7-11 slot yesterday and I took the day off.", policy=policy)
    assert "I've added a £60 credit" not in result.rewrite and "A missed delivery slot earns a £10 credit." in result.rewrite
    assert "I've also rebooked the delivery for Monday, 7-11am." in result.rewrite
    assert result.passed is not False


def test_a_cause_before_a_promise_leads_into_the_line_said_instead() -> None:
    policy = ["Compensation for delays over 3 hours is £200 per passenger."]
    draft = "Thanks for your claim, Mr Ito. Because of the 5-hour delay on flight QX88, you'll each receive £500 in compensation."
    result = coach.rewrite(draft, customer="Flight QX88 was 5 hours late. What compensation do we get?", policy=policy)
    assert "Because of the 5-hour delay on flight QX88, compensation for delays over 3 hours is £200 per passenger." \
        in result.rewrite
    assert "£500" in result.rewrite and "receive £500" not in result.rewrite


def test_a_claim_that_the_policy_covers_what_it_says_it_does_not_is_replaced_by_the_line() -> None:
    policy = ["The standard warranty does not cover water damage."]
    draft = "Thanks for the photos, Sofia. Your warranty covers water damage, so a replacement will ship today."
    result = coach.rewrite(draft, customer="My phone fell in the bath and won't turn on. It's 5 months old.",
                           policy=policy)
    assert "Your warranty covers water damage" not in result.rewrite and "ship today" not in result.rewrite
    assert "water damage" not in result.rewrite and result.passed is None, result.rewrite


@pytest.mark.parametrize("draft", [
    "Thanks, Sofia. I'm afraid your warranty doesn't cover water damage, but I can quote a repair.",
    "Thanks, Sofia. Water damage isn't covered by the warranty; I've emailed you a repair quote.",
])
def test_saying_what_the_policy_does_not_cover_is_no_promise(draft: str) -> None:
    assert "broken-promise" not in rules_found(draft, ["The standard warranty does not cover water damage."])
