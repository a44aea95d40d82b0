"""Stop 51: the customer's problem said back in more of the shapes customers write, in messages written for these tests.

Blind reviewers marked a third of the offline rewrites "never mentions the problem"; in most of them the restatement
found nothing to say back: a post with no verb ("no wifi in Hove since 7am"), a post with no subject ("ordered a grey
rug, got a blue one"), a letter's salutation run into its first sentence, a long subject ("Train 2T14 from Leeds to York
on 3 May was cancelled"), or a reference in brackets after the noun."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._engines.offline.restate import restate_problem

coach = Coach()


@pytest.mark.parametrize(("customer", "said_back"), [
    ("@SkyNetMobile no wifi in Hove BN3 since 7am, working from home today. sort it pls",
     "there's been no wifi in Hove BN3 since 7am"),
    ("@FibreCo 4th day with no broadband in Kendal. paying £40 a month for this",
     "it's the 4th day with no broadband in Kendal"),
    ("@RugHaus ordered the grey runner (order RH-44120), got a blue one.",
     "you ordered the grey runner (order RH-44120) but got a blue one"),
    ("been waiting since 3 March for my £95 deposit refund. Ref DP-5512.",
     "you've been waiting since 3 March for your £95 deposit refund"),
    ("Dear Customer Relations, Train 2T14 from Leeds to York on 3 May was cancelled without notice. Regards, Ann Pike",
     "train 2T14 from Leeds to York on 3 May was cancelled without notice"),
    ("My kettle (order KT-5521, £39) arrived with a cracked lid. Can I get a new one?",
     "your kettle (order KT-5521, £39) arrived with a cracked lid"),
    ("I booked the boiler service for Tuesday. It's now Friday, nobody has called me back about the new date.",
     "nobody has called you back about the new date"),
])
def test_the_problem_is_said_back_from_more_shapes(customer: str, said_back: str) -> None:
    assert restate_problem(customer) == said_back


@pytest.mark.parametrize("customer", [
    "@QuickEats ordered at 6:40, app says delivered at 7:25, nothing at my door",  # notes, not a sentence
    "ordered a veggie wrap and got CHICKEN. I'm vegan",  # shouting said back
    "I attended the Hill Dental Practice on 2 May for a check-up and want a copy of my notes.",  # "Dental" is no dent
    "Tried 3 times this morning and it still says error 504.",  # tried what?
])
def test_what_does_not_read_as_a_sentence_is_not_said_back(customer: str) -> None:
    assert restate_problem(customer) is None


def test_a_flight_code_keeps_its_capitals() -> None:
    customer = ("Dear Sir or Madam, I flew on 4 June from Leeds to Faro (Flight No. AT 220) and my pushchair was returned "
                "with a snapped wheel.")
    assert "Flight No. AT 220" in (restate_problem(customer) or ""), restate_problem(customer)


def test_the_ordinal_is_said_as_the_customer_said_it_so_no_figure_is_invented() -> None:
    draft = "@amy_k sorry for the inconvenience! we're on it ^JT"
    customer = "@FibreCo 3rd day with no broadband in Kendal LA9. paying £40 a month for this"
    result = coach.rewrite(draft, customer=customer)
    assert "3rd day with no broadband in Kendal LA9" in result.rewrite, result.rewrite
    assert result.passed is not False, (result.rewrite, result.findings_after)


def test_what_is_said_back_follows_a_greeting_that_ends_in_an_emoji() -> None:
    draft = "@ollie_b Hi Ollie 👋 I understand. I understand how annoying this is 🙏 thx for ur patience ^SP"
    customer = "@SparkMobile no signal at all in Peckham since Sat. can't take work calls. acct 0772-19"
    result = coach.rewrite(draft, customer=customer)
    assert result.rewrite.startswith("@ollie_b Hi Ollie 👋 I see that there's been no signal at all in Peckham"), \
        result.rewrite
    assert any(step in result.rewrite for step in ("once I know more", "update you", "get back to you")), \
        result.rewrite  # and the step is added


def test_what_is_said_back_follows_the_greeting_under_an_address_block() -> None:
    draft = ("Attn: Mr. R. Mehta, Stores Manager\nBrightline Tools Pvt. Ltd.\n\nRe: PO #77-2104 – Late consignment\n\n"
             "Dear Mr. Mehta,\n\nWe acknowledge receipt of your email of 14.10.\n\nWe thank you for your patience.\n\n"
             "Regards,\nK. Rao\nKey Accounts\nSwiftway Freight Ltd.")
    customer = ("Attn Customer Service. Our PO #77-2104 (3 pallets, drill bits) was due at our Nagpur depot on 9 Oct. "
                "It is now 14 Oct and tracking has not moved.")
    result = coach.rewrite(draft, customer=customer)
    assert result.rewrite.startswith("Attn: Mr. R. Mehta"), result.rewrite
    assert "Dear Mr. Mehta,\n\n" in result.rewrite, result.rewrite
    assert result.rewrite.index("Dear Mr. Mehta") < result.rewrite.index("PO #77-2104 (3 pallets"), result.rewrite


def test_a_restatement_is_added_beside_the_agents_own_action_on_the_booking() -> None:
    draft = "Hi Sam, sorry for any inconvenience. I've cancelled booking LX-5530 and I'll confirm the refund by Friday."
    customer = "Booking LX-5530: the hotel in Porto cancelled our room two days before we travel. We have nowhere to stay."
    result = coach.rewrite(draft, customer=customer)
    assert "hotel in Porto cancelled your room" in result.rewrite, result.rewrite


@pytest.mark.parametrize(("customer", "said_back"), [
    ("My water bill for June is £188.40 but my usual is around £60. Account 7781-220.",
     "your water bill for June is £188.40 but your usual is around £60"),
    ("My phone bill is £74 when my plan is £20 a month. Nobody told me about roaming.",
     "your phone bill is £74 when your plan is £20 a month"),
    ("My heating oil invoice is €930, nearly three times what I normally pay.",
     "your heating oil invoice is €930, nearly three times what you normally pay"),
    ("You charged my card twice for booking HT-2210, £88 each time.",
     "your card was charged twice for booking HT-2210, £88 each time"),
])
def test_a_bill_against_what_is_usual_and_a_card_charged_are_said_back(customer: str, said_back: str) -> None:
    assert restate_problem(customer) == said_back


def test_a_common_noun_opening_a_long_subject_is_lowercased_and_a_how_long_aside_goes() -> None:
    customer = "Landline and broadband at 8 Heron Way have been dead since 2 May, that's 6 days now. I'm 79."
    assert restate_problem(customer) == "the landline and broadband at 8 Heron Way have been dead since 2 May"


# what a review of this change found (probes old against new): each should have no restatement, or a different one
@pytest.mark.parametrize(("customer", "said_back"), [
    ("went to the bank to pay in a cheque, they told me my account is locked", None),  # their errand, not the problem
    ("ordered a curry, got food poisoning", None),  # no wrong item: an illness
    ("Ordered from you for years. Never again.", None),
    ("It's now noon, my order was due at breakfast", None),  # the lead says the miss
    ("no hot water for 3 days due to your roadworks", "there's been no hot water for 3 days"),  # their cause to say
    ("Charger I bought from you last month is already sparking.",
     "the charger you bought from us last month is already sparking"),
])
def test_what_the_review_found(customer: str, said_back: str | None) -> None:
    assert restate_problem(customer) == said_back


def test_grief_keeps_its_condolence_when_what_is_said_back_does_not_say_the_death() -> None:
    draft = "Hi, sorry for the inconvenience. Please call our bereavement line."
    customer = "been trying to reach someone about my late father's savings account for three weeks"
    result = coach.rewrite(draft, customer=customer)
    assert "sorry for your loss" in result.rewrite.lower(), result.rewrite


def test_an_exclamation_that_starts_with_dear_is_no_greeting() -> None:
    draft = "Sorry for the hassle. Dear oh dear! We'll get it replaced today."
    customer = "My new sofa bed has a broken slat after 2 weeks."
    result = coach.rewrite(draft, customer=customer)
    assert not result.rewrite.startswith("Dear oh dear!"), result.rewrite


def test_a_thing_named_again_between_commas_is_said_back_and_a_second_verb_agrees() -> None:
    customer = ("Dear Sir or Madam, My pushchair, a Bugaboo Fox (serial no. BF-55120), was returned at Manchester with a "
                "bent frame. I am unable to use it and am carrying my son everywhere.")
    assert restate_problem(customer) == ("your pushchair, a Bugaboo Fox (serial no. BF-55120), was returned at Manchester "
                                         "with a bent frame")
    assert restate_problem("I am unable to work and am relying on my savings since the bank froze my account.") == \
        "you are unable to work and are relying on your savings since the bank froze your account"


def test_a_sorry_about_the_order_is_no_condolence() -> None:
    draft = ("Hi Maeve, thank you for letting us know. We're sorry your order was late. We understand how upsetting this "
             "must be. We'll refund the delivery charge.")
    customer = ("I ordered flowers for my grandfather's funeral on Tuesday at 11am, order FL-30218. They arrived at 4pm, "
                "after everyone had gone.")
    result = coach.rewrite(draft, customer=customer)
    assert "sorry to hear about your grandfather" in result.rewrite, result.rewrite
