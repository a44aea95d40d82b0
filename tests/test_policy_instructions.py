"""Issue 16 ("a next step that fits"; reviewers of sets aa and ab: "leaves out 0800 111 999", "no Specialist Support
referral"): a policy line written as an instruction to the agent for a kind of case ("Suspected gas leak: tell the
customer to ...") is said to the customer when the case is that one, in the reply's voice. Each line written here."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._core.situations import situation
from coach._engines.offline.instructions import said_to_customer

coach = Coach(engine="offline")


@pytest.mark.parametrize("line, customer, said", [
    ("Carbon monoxide alarms: tell the customer to open the windows, not to use the boiler, and to call 0800 111 999.",
     "My carbon monoxide alarm keeps beeping near the boiler.",
     "Please open the windows, do not use the boiler, and call 0800 111 999."),
    ("Swollen or hot batteries: advise the customer to stop charging it, keep it outside, and book a collection "
     "within 3 days.", "The battery of my drone is swollen and hot after charging.",
     "Please stop charging it, and keep it outside. I can book a collection within 3 days."),
    ("Vulnerable customers: offer a call-back from the Priority Care team.",
     "I'm 84 and I don't understand the new bill, it frightens me.", "I can offer you a call-back from the Priority Care team."),
    ("Card fraud: freeze the card on request and send a replacement within 5 days.",
     "Someone used my card for fraud at a shop in Leeds.", "I can freeze the card on request and send a replacement "
     "within 5 days."),
])
def test_an_instruction_for_this_case_is_said_to_the_customer(line: str, customer: str, said: str) -> None:
    assert said_to_customer(line, customer, situation(customer)) == said


@pytest.mark.parametrize("line, customer", [
    ("Carbon monoxide alarms: tell the customer to open the windows and call 0800 111 999.", "My parcel is late again."),
    # one word of the label is not the case: a gas bill is no gas leak, nor a leak under the sink
    ("Suspected gas leak: tell the customer to leave the property.", "My gas bill doubled this month."),
    ("Suspected gas leak: tell the customer to leave the property.", "There's a leak under my kitchen sink."),
    # a number is not an age, and a label with a condition the engine cannot check is not said
    ("Vulnerable customers: offer a call-back from the Priority Care team.", "I'm 90% sure I paid this already."),
    ("Refunds over £100: offer a call-back from a team leader.", "I'd like a refund of £20 for the late pizza."),
    ("Power cuts: tell the customer that engineers will restore supply soon.", "Power cut on Elm Road since 6pm."),
    ("Refunds are issued within 5 working days.", "Where is my refund?"),  # a rule, not an instruction
    ("Vulnerable customers: offer a call-back from the Priority Care team.", "My parcel is late again."),
])
def test_a_line_for_another_case_or_no_instruction_is_not_said(line: str, customer: str) -> None:
    assert said_to_customer(line, customer, situation(customer)) is None


def test_the_instruction_is_the_step_of_a_rewrite_that_had_none() -> None:
    policy = ["Carbon monoxide alarms: tell the customer to open the windows, not to use the boiler, and to call "
              "0800 111 999."]
    result = coach.rewrite("Oh no, how scary! We will look into it.", customer="My carbon monoxide alarm keeps "
                           "beeping near the boiler and I feel dizzy.", policy=policy)
    assert "call 0800 111 999" in result.rewrite and "do not use the boiler" in result.rewrite
    assert result.passed is not False


def test_an_instruction_the_draft_already_follows_is_not_said_twice() -> None:
    policy = ["Card fraud: freeze the card on request and send a replacement within 5 days."]
    draft = ("Thanks for telling us straight away. I can freeze the card on request and send a replacement within 5 "
             "days; reply here and I'll do it now.")
    result = coach.rewrite(draft, customer="Someone used my card for fraud at a shop in Leeds.", policy=policy)
    assert result.rewrite.count("freeze the card") == 1


@pytest.mark.parametrize("customer, who", [
    ("My daughter helped me set up the account; my husband died in March and I need to close his line.", "your husband"),
    ("Since my wife left, my dad has passed away and I can't keep up with the bills.", "your dad"),
    ("I'm writing about the death of my father on 3 May.", "your father"),
])
def test_the_person_named_is_the_one_who_died(customer: str, who: str) -> None:
    case = situation(customer)
    assert case is not None and case.who(customer) == who
