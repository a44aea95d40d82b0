"""The offline rewrite says the customer's problem back, drops hollow lines and leaves no fragments; drafts written
for this file."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._engines.offline.edits import hollow
from coach._engines.offline.restate import restate_problem
from coach._engines.offline.situations import situation

coach = Coach(engine="offline")


@pytest.mark.parametrize("customer, said", [
    ("Why has my parking permit been rejected again? I sent every document.",
     "your parking permit has been rejected again"),
    ("Second time this week the 7:15 bus was cancelled without notice. Waited 40 minutes in the rain.",
     "the 7:15 bus was cancelled without notice"),
    ("I booked a window cleaner for Friday at 9am. Nobody turned up.",
     "you booked a window cleaner for Friday at 9am and nobody turned up"),
    ("The oak bookcase (order 55-120) arrived with a deep tear in the backing board.",
     "a deep tear in the backing board"),
])
def test_more_messages_are_said_back(customer: str, said: str) -> None:
    restated = restate_problem(customer)
    assert restated is not None and said in restated


@pytest.mark.parametrize("customer", [
    "Messed up my booking again and didn't send me the code.",  # no subject: it may be the company's doing
    "Why would anyone use this app?",
])
def test_a_message_with_no_safe_clause_is_not_said_back(customer: str) -> None:
    assert restate_problem(customer) is None


@pytest.mark.parametrize("text, expected", [
    ("I understand.", True), ("I hear you, I really do.", True), ("Don't worry.", True),
    ("There's nothing to worry about.", True), ("I know how you feel, honestly.", True),
    ("I understand the boiler is still leaking.", False), ("Don't worry, I'll call you at 4pm.", False),
    ("I understand; please send the meter photo.", False),
])
def test_hollow_lines(text: str, expected: bool) -> None:
    assert hollow(text) is expected


def test_a_reply_being_fixed_loses_its_hollow_lines() -> None:
    draft = ("I understand. I hear you. Sorry for the inconvenience. Don't worry. "
             "Please send a photo of the meter to meters@example.com and I'll check the reading.")
    customer = "My bill jumped to £410 this quarter and the meter reading on it is wrong."
    result = coach.rewrite(draft, customer=customer)
    assert result.passed is True
    for gone in ("I understand.", "I hear you.", "Don't worry.", "inconvenience"):
        assert gone not in result.rewrite
    assert "meters@example.com" in result.rewrite and "£410" in result.rewrite


def test_a_draft_with_no_error_or_warning_keeps_its_hollow_lines() -> None:
    draft = "I understand. Please send a photo of the meter to meters@example.com and I'll check the reading today."
    assert coach.rewrite(draft).rewrite == draft


def test_a_promise_split_off_leaves_no_two_word_fragment() -> None:
    draft = "I've looked, and your new card will definitely arrive tomorrow."
    result = coach.rewrite(draft)
    assert "I've looked." not in result.rewrite and "definitely" not in result.rewrite


def test_no_can_can() -> None:
    result = coach.rewrite("Message us and we'll make sure you can use the voucher.")
    assert "can can" not in result.rewrite


def test_a_product_hazard_gets_no_gas_advice() -> None:
    customer = "The travel cot you sold us has been recalled, we got the notice today. Is it safe to use?"
    assert situation(customer).name == "product-safety"
    result = coach.rewrite("Sorry for the inconvenience, we'll look into it.", customer=customer)
    assert "gas" not in result.rewrite and "stop using it" in result.rewrite.lower().replace("don't use it", "stop using it")
    assert situation("There's a smell of gas near the new hob.").name == "gas"
    assert situation("The toaster caught fire this morning.").name == "safety"


def test_beyond_a_window_the_rewrite_states_the_line_without_denying_the_amount() -> None:
    policy = ["Price matches are honoured within 7 days of purchase."]
    result = coach.rewrite("We'll definitely match the £120 price and refund the £15 difference.", policy=policy)
    assert "Price matches are honoured within 7 days of purchase." in result.rewrite
    assert "can't offer" not in result.rewrite and "£120" in result.rewrite and "£15" in result.rewrite


def test_a_promise_after_a_done_step_goes_rather_than_being_hedged() -> None:
    draft = "Sorry for the hassle. I've moved your slot to Friday 9-11am, and you have my word the fitter will be on time 👍"
    result = coach.rewrite(draft)
    assert "I've moved your slot to Friday 9-11am." in result.rewrite
    assert "word" not in result.rewrite and "whether" not in result.rewrite and result.passed is True


def test_a_hope_tacked_on_after_the_agents_step_goes() -> None:
    result = coach.rewrite("Sorry for any inconvenience. I'll look into the £20 fee and hopefully get it sorted for you.")
    assert "I'll look into the £20 fee." in result.rewrite and "whether I can look" not in result.rewrite


@pytest.mark.parametrize("customer", [
    "I rang on Monday. It's now flooded the hallway and nobody has called back.",  # "it's" points at nothing
    "I paid twice for the same order. This overpayment still isn't refunded.",  # "this overpayment" neither
    "Nothing in my inbox, your site says it was sent.",  # no verb before the comma
])
def test_a_clause_that_points_at_nothing_is_not_said_back(customer: str) -> None:
    restated = restate_problem(customer)
    assert restated is None or not restated.lower().startswith(("it's", "this overpayment", "nothing in"))


def test_an_added_step_goes_before_anything_else_courtesy() -> None:
    draft = "Oh no, that's awful! Let me know if there's anything else."
    result = coach.rewrite(draft, customer="The lift in my building has been broken for nine days and I use a wheelchair.")
    assert result.rewrite.rstrip().endswith("Let me know if there's anything else.")
