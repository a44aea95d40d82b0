"""Stop 52: lines that wave the complaint away go from a reply being fixed, in drafts written for these tests. A worry
waved off before anyone has looked, a bill vouched for while it is still being checked, the customer's trouble made
a joke of, the victim of a fraud told where the bank's duty ends, the work vouched for after a fault, an excuse about
a colleague's workload and a bill called confusing."""

from __future__ import annotations

import pytest

from coach import Coach

coach = Coach()

CASES = [
    ("I had a blood test on 3 May and was told the results would take a week. It's been three weeks.",
     "Hi Jo, sorry for any inconvenience. Don't worry, I'm sure it's just a blip! I'll chase the lab today.",
     "just a blip"),
    ("I had a blood test on 3 May and was told the results would take a week. It's been three weeks.",
     "Hi Jo, sorry for any inconvenience. No news is good news! I'll chase the lab today.",
     "No news"),
    ("Why is my water bill (account 55-2190) £240 when it's usually £60?",
     "Hi Sam, apologies for any confusion. Rest assured the statement is correct. I'll check the meter reading today.",
     "Rest assured"),
    ("My bike wheel buckled in the pothole on Quarry Lane (ref PH-5510) that I reported in March.",
     "Hi Lee, sorry for the inconvenience. Speed bumps and potholes are the worst! I'll pass ref PH-5510 to the roads "
     "team today.",
     "the worst"),
    ("£900 left my account on 2 June in three payments I never made.",
     "Hi Ms Reid, sorry for any inconvenience. Please note we cannot be held responsible if you have shared your PIN. "
     "I've frozen your card and I'll call you at 3pm.",
     "held responsible"),
    ("The steering shudders since you fitted new tyres on Monday (job 7730).",
     "Hi Ali, sorry for the trouble. All our work is completed to the highest standards. I'll check job 7730 today.",
     "highest standards"),
    ("The steering shudders since you fitted new tyres on Monday (job 7730).",
     "Hi Ali, sorry for the trouble. The shudder is probably unrelated to the work we did. I'll check job 7730 today.",
     "unrelated"),
    ("My claim CL-2210 was meant to get a call within 2 days and it's been a week.",
     "Hi Pat, sorry for any inconvenience. Your claims handler is very busy at the moment. I'll chase claim CL-2210 today.",
     "very busy"),
    ("Why was I charged £18 for parking at your store on Saturday? I was there 40 minutes.",
     "Hi Kim, apologies for any inconvenience. Parking charges can be confusing. I'll look at your PCN today.",
     "confusing"),
]


@pytest.mark.parametrize(("customer", "draft", "gone"), CASES, ids=[c[2] for c in CASES])
def test_a_brush_off_goes_from_a_reply_being_fixed(customer: str, draft: str, gone: str) -> None:
    r = coach.rewrite(draft, customer=customer)
    assert gone not in r.rewrite
    assert "today" in r.rewrite or "3pm" in r.rewrite  # the draft's step stays


@pytest.mark.parametrize(("draft", "kept"), [
    ("Hi Ms Reid, I've frozen your card. Our fraud team cannot be held responsible for delays at other banks, but "
     "I'll call you at 3pm with their answer on the £900.", "cannot be held responsible for delays"),
    ("Hi Jo, the lab is very busy with flu tests, so I've asked them to prioritise your 3 May sample and I'll call "
     "you at 2pm.", "very busy with flu tests"),
])
def test_a_line_with_a_fact_or_a_step_stays(draft: str, kept: str) -> None:
    customer = "£900 left my account on 2 June in three payments I never made, and my blood test from 3 May is late."
    r = coach.rewrite(draft + " Sorry for any inconvenience.", customer=customer)
    assert "inconvenience" not in r.rewrite
    assert kept in r.rewrite


def test_a_reply_time_and_the_faqs_give_way_to_a_gas_smell() -> None:
    r = coach.rewrite("Hello, thanks for your message. Please note responses may take up to 48 hours. You might find "
                      "the answer in our FAQs.", customer="There's a strong smell of gas in my hallway, what do I do?")
    assert "gas emergency line" in r.rewrite
    assert "FAQs" not in r.rewrite
    assert "For anything that isn't urgent, responses may take up to 48 hours." in r.rewrite  # (its figure stays)


def test_brakes_vouched_for_and_a_booking_at_leisure_give_way_to_the_safety_step() -> None:
    r = coach.rewrite("Hi Tom, sorry to hear that. The brakes were checked at the service. Feel free to book in for a "
                      "check at your convenience. Thanks, Garage",
                      customer="You serviced my Astra on Tuesday and today the brake pedal went to the floor on the "
                               "bypass. I nearly crashed.")
    assert "don't drive the car" in r.rewrite
    assert "were checked at the service" not in r.rewrite and "convenience" not in r.rewrite
