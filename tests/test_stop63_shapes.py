"""Shapes from stop 63: no-next-step reads what a reply does, not what it mentions; drafts written for these tests."""

from __future__ import annotations

import pytest

import coach
from coach._core.asked_again import solved_for_them
from coach._core.checker import check
from coach._core.policy import Policy


def _rules(draft: str, customer: str = "") -> set[str]:
    return {f.rule for f in check(draft, customer).findings}


@pytest.mark.parametrize("draft", [
    # a notice, not something to do
    "Hi Jo, please note that refunds are processed within 5-7 working days once approved.",
    # the agent's own wait or feelings
    "Thanks for the message. We're waiting on the supplier for the hinge.",
    "Hello Ama, we are currently dealing with a high number of claims after the storm.",
    # a need waived, a regret, a wish: nothing to act on
    "Hi Bea, no need to send the receipt. We regret any trouble you may have had with the hinge.",
    "The parcel might still turn up over the next few days. Take care.",
    # the customer's own story after thanks or an apology
    "Thanks for letting us know that your parking permit was cancelled without warning and the fine has been added.",
    # a hand-on said as the whole answer
    "Dear Mr Obi, your comments have been passed on to the relevant department.",
    "@kat_s thanks for the heads-up. We've passed this on to the billing team ^AL",
    # a sales line in a step's place
    "Thanks for writing in! Did you know you can now book your eye test in our app?",
])
def test_what_is_no_step(draft: str) -> None:
    assert "no-next-step" in _rules(draft)


@pytest.mark.parametrize("draft", [
    "Please note that you'll need to bring the card you paid with.",
    "I'm sorry that your order was late, and I've refunded the £4.99 delivery fee.",
    "Thanks for letting us know that the lift is broken; I've booked an engineer for Tuesday morning.",
    "Your complaint has been passed to the branch manager, who will call you by Friday.",
    "Please note the second line has been deactivated as you asked.",
])
def test_steps_still_read(draft: str) -> None:
    assert "no-next-step" not in _rules(draft)


def test_looks_with_nothing_after_are_vague() -> None:
    assert "vague-effort" in _rules("hi there we're looking into it. thanks")
    assert "vague-effort" in _rules("Our billing department is looking into the matter.")
    assert "vague-effort" in _rules("Our engineers are working really hard on it!")
    assert "vague-effort" not in _rules("We're looking into it and will text you by 6pm.")


def test_a_request_for_an_action_is_not_answered_by_a_fact() -> None:
    customer = "My bill doubled to £240 while the flat was empty. Account 77-1203. Can someone look at the meter?"
    draft = ("Dear Ms Lund,\n\nMeter readings are taken by trained staff and are accurate. Your bill shows recorded "
             "use. If you still disagree, you may contact us again.\n\nNorthwater Billing")
    assert "no-next-step" in _rules(draft, customer)
    assert coach.Coach().rewrite(draft, customer=customer, engine="offline").passed is not True


def test_a_fact_still_answers_a_question_for_a_fact() -> None:
    customer = "When does the pool open on Sundays?"
    assert "no-next-step" not in _rules("The pool opens at 8am on Sundays.", customer)


def test_nothing_is_owed_once_the_customer_says_it_is_solved() -> None:
    customer = "Switching it off and on again fixed the problem, thanks!"
    draft = "Glad that did the trick. Take care."
    # the rulebook still reads no step in a reply to thanks, but the coach adds none: asking for details or promising
    # an update would answer a problem the customer no longer has
    assert "no-next-step" in _rules(draft, customer)
    result = coach.Coach().rewrite(draft, customer=customer, engine="offline")
    assert result.rewrite == draft
    assert result.passed is not True


@pytest.mark.parametrize("tail", [", thanks", ", cheers", " thanks in advance!"])
def test_their_thanks_is_not_said_back(tail: str) -> None:
    customer = "The kettle I ordered arrived with a dented lid" + tail
    result = coach.Coach().rewrite("Sorry for the inconvenience.", customer=customer, engine="offline")
    assert "dented lid" in result.rewrite
    assert tail.strip(" ,!") not in result.rewrite.split("dented lid", 1)[1]


@pytest.mark.parametrize("customer, solved", [
    ("Restarting does resolve the issue. Thanks.", True),
    ("It's ok I fixed it thanks", True),
    ("all working again now, cheers", True),
    ("It still hasnt fixed the problem", False),
    ("That fixed it but now the screen flickers", False),
    ("Our bill was $300. A plumber fixed it on 2 April. Do you offer a leak adjustment?", False),
    ("The engineer said he'd fixed it, and it dropped out again tonight.", False),
])
def test_what_counts_as_solved(customer: str, solved: bool) -> None:
    assert solved_for_them(customer) is solved


def _promises(draft: str, policy: list[str], customer: str = "The hotel lost my booking.") -> bool:
    return any(f.rule == "broken-promise" for f in check(draft, customer, Policy.coerce(policy)).findings)


@pytest.mark.parametrize("policy, draft, beyond", [
    (["Goodwill credits are capped at £25 a year."], "I've popped a £60 credit on your account for the hassle.", True),
    (["Goodwill credits are capped at £25 a year."], "I've popped a £10 credit on your account for the hassle.", False),
    (["Only a team leader may approve compensation above £40."], "I've credited £90 to your account for the delay.", True),
    (["Only a team leader may approve compensation above £40."], "I've refunded the £90 you were overcharged.", False),
    (["Agents may offer vouchers of up to 15% of the order value; more needs a manager."],
     "As a goodwill gesture I can offer a voucher for 40% of the order value.", True),
    (["Compensation for lost bags is capped at EUR 300."], "We'll cover the full €420 for a new bag.", True),
    (["Compensation for lost bags is capped at EUR 300."], "We'll cover €150 towards a new bag.", False),
])
def test_a_sum_given_beyond_the_cap_is_a_promise_the_policy_does_not_make(policy: list[str], draft: str,
                                                                          beyond: bool) -> None:
    assert _promises(draft, policy) is beyond


# shapes from a helper's review of this stop's diff (its own probes), and from sets em and en

@pytest.mark.parametrize("draft", [
    "Sorry that the delivery was late, we've refunded the £4.99 delivery charge.",
    "Thank you for explaining that the box was crushed, which is why I've arranged a courier to collect it tomorrow.",
    "Order 7781 is cancelled and you won't be charged.",
    "Done! Your delivery address now reads 4 Elm Road.",
    "No need to do anything else: your replacement is already on its way.",
    "Take care of the receipt — you'll need it for the warranty claim.",
    "This has been forwarded to our returns team. They'll email a prepaid label to you.",
])
def test_done_and_arranged_are_steps(draft: str) -> None:
    assert "no-next-step" not in _rules(draft)


def test_a_rule_in_the_passive_is_not_a_step() -> None:
    assert "no-next-step" in _rules("Overcharges are refunded within 10 working days.")


def test_a_look_followed_by_a_question_is_not_vague() -> None:
    assert "vague-effort" not in _rules("Hello there we are investigating this. Could you tell me which browser you use?")


@pytest.mark.parametrize("customer", [
    "All sorted now, thanks. One more thing: how do I download last month's invoice?",
    "That fixed it. My refund of £30 still hasn't arrived though.",
    "Never mind the avocado, the whole order was missing.",
])
def test_solved_but_something_else_is_open(customer: str) -> None:
    assert not solved_for_them(customer)


def test_a_yes_to_what_they_asked_is_a_step() -> None:
    customer = "I can't pay the £600 in one go. Is there a payment plan or anything?"
    assert "no-next-step" not in _rules("Yes, our payment plans spread the balance over 3, 6 or 12 months.", customer)


@pytest.mark.parametrize("policy, draft", [
    (["Only a duty manager may approve compensation above £50."],
     "I've credited £120 to your account — that's the full amount you were overcharged."),
    (["Only a duty manager may approve compensation above £50."],
     "I've credited £89.99 to your card for the unused months of your subscription."),
    (["Vouchers up to 20% may be offered."], "I can offer a voucher for 15% off your next order."),
    (["Agents must not promise that a supplier will cancel or reduce a bill."],
     "I have sent your final reading to your old supplier with a request to cancel their June bill."),
])
def test_what_the_policy_allows_is_no_promise(policy: list[str], draft: str) -> None:
    assert not _promises(draft, policy, customer="Both suppliers billed me for June and I was overcharged.")


def test_a_supplier_said_to_cancel_the_bill_is_a_promise() -> None:
    policy = ["Agents must not promise that a supplier will cancel or reduce a bill."]
    assert _promises("Your old supplier will cancel their June bill.", policy, customer="Both suppliers billed me.")


def test_a_look_that_went_leaves_the_agents_own_check_and_no_dangling_meantime() -> None:
    customer = "Invoice 5521 charges me for 30 days of care but Mum was in hospital for 9 of them. Please correct it."
    draft = ("Dear Mrs Obi,\n\nThe Accounts Department is looking into the matter. In the meantime please ensure that "
             "invoice 5521 is paid by the due date.\n\nYours sincerely,\nL. Grant")
    rewrite = coach.Coach().rewrite(draft, customer=customer, engine="offline").rewrite
    if "looking into the matter" not in rewrite:
        assert "In the meantime" not in rewrite
    assert "I'll" in rewrite or "I'm checking" in rewrite


def test_a_vouched_you_stays_the_subject() -> None:
    rewrite = coach.Coach().rewrite("I can confirm you will receive a full refund of the £80 within 48 hours.",
                                    customer="You charged me an £80 fee twice.", engine="offline").rewrite
    assert "whether it can" not in rewrite and "you can receive" in rewrite


@pytest.mark.parametrize("customer, kept, cut", [
    ("Your firm charged me a £250 arrangement fee on 3 June, although your broker, Mrs. Ahmed, told me on the phone that "
     "the fee was only payable on completion. The lender turned the application down. I expect the fee back.",
     "charged you a £250 arrangement fee on 3 June", "Mrs. Ahmed"),
    ("I should be grateful if someone would explain why my lenses are blurred.", None, "grateful"),
])
def test_restatements_without_leftovers(customer: str, kept: str | None, cut: str) -> None:
    rewrite = coach.Coach().rewrite("We apologise for any confusion.", customer=customer, engine="offline").rewrite
    assert cut not in rewrite
    if kept:
        assert kept in rewrite


@pytest.mark.parametrize("draft", [
    "The parking charge notice was issued correctly.",
    "I can see your premium has gone up even though nothing has changed on your side.",
    "Please refer to the county council website for further information.",
    "Please refer to section 4.2 of your loan agreement for further information.",
    "Claims are taking longer than usual. Someone will be in touch",
])
def test_defences_pointers_and_someone_some_day_are_no_step(draft: str) -> None:
    assert "no-next-step" in _rules(draft)


@pytest.mark.parametrize("draft", [
    "Your refund was issued on 3 May.",
    "Please check the form on our website at www.example.com/claims.",
])
def test_what_was_done_and_a_link_stay_steps(draft: str) -> None:
    assert "no-next-step" not in _rules(draft)
