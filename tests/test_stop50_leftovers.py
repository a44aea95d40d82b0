"""Stop 50: draft lines that the engine's step makes wrong or says twice. Where someone is in danger, a booking offer, a
reply time for every enquiry or a report called "feedback" goes; a slot with its day is said for once it is safe; a line
with a fact of the draft's stays, since the facts are kept. An assurance that someone is looking gives way to the step
that says what is done. Drafts written for these tests."""

from __future__ import annotations

from coach import Coach

coach = Coach()

_BRAKES = ("The brake pedal sank to the floor on the A34 the day after your garage fitted new discs. "
           "I've left the car in a lay-by.")
_GAS = "We can smell gas by the meter cupboard at 9 Alder Way and the baby is asleep upstairs. Can someone come?"
_DRIVER = "Your courier keeps messaging me on WhatsApp since he dropped off my parcel and says he knows where I live. I'm scared."


def test_a_booking_offer_goes_beside_the_urgent_step() -> None:
    draft = "Hi Sam, thanks for your message! Feel free to book another appointment online."
    result = coach.rewrite(draft, customer=_BRAKES)
    assert "book another appointment" not in result.rewrite, result.rewrite
    assert "don't drive" in result.rewrite.lower(), result.rewrite


def test_the_next_annual_service_goes_after_a_gas_smell() -> None:
    draft = "Thanks for your message! Our engineer will look at the meter at your next annual service."
    result = coach.rewrite(draft, customer=_GAS)
    assert "annual service" not in result.rewrite and "gas emergency line" in result.rewrite, result.rewrite


def test_a_threat_is_not_passed_on_as_feedback() -> None:
    draft = "Hi Amy, oh no, poor you! I'll pass your feedback on to the depot."
    result = coach.rewrite(draft, customer=_DRIVER)
    assert "feedback" not in result.rewrite and "police" in result.rewrite, result.rewrite


def test_a_slot_with_its_day_is_said_for_once_it_is_safe() -> None:
    draft = "Hi, thanks for getting in touch. Visits can be booked online, the next available slot is Friday 8am-12pm."
    result = coach.rewrite(draft, customer=_GAS)
    assert "Once everything has been made safe, the next available slot is Friday 8am-12pm." in result.rewrite, result.rewrite
    assert "booked online" not in result.rewrite, result.rewrite


def test_a_routine_line_with_a_fact_keeps_the_fact() -> None:
    draft = "Thanks for getting in touch. We aim to respond to all enquiries within 3 working days."
    result = coach.rewrite(draft, customer=_GAS)
    assert "3 working days" in result.rewrite and result.passed is not True, result.rewrite


def test_a_booking_offer_stays_where_nobody_is_in_danger() -> None:
    draft = "Sorry for the inconvenience. Feel free to book another appointment online."
    result = coach.rewrite(draft, customer="My dentist appointment on Tuesday was cancelled by text an hour before.")
    assert "Feel free to book another appointment online." in result.rewrite, result.rewrite


def test_an_assurance_that_someone_is_looking_gives_way_to_the_step() -> None:
    draft = ("Dear Mr. Hale,\n\nWe apologise for any inconvenience. Please be assured that your complaint is being looked "
             "into.\n\nYours sincerely,\nJ. Moss")
    customer = "Dear Sir, my complaint CMP-44120 about the damaged fence panel has had no reply for five weeks. Mr. P. Hale"
    result = coach.rewrite(draft, customer=customer)
    assert "being looked into" not in result.rewrite and "CMP-44120" in result.rewrite, result.rewrite


def test_a_safety_instruction_or_a_free_remedy_is_not_routine() -> None:
    draft = "Hi Sam, thanks for your message! Please don't drive the car and book a free brake inspection at any dealer."
    result = coach.rewrite(draft, customer=_BRAKES)
    assert "free brake inspection" in result.rewrite, result.rewrite
    draft = "Hi Amy, poor you! I've passed your feedback to his manager, who has removed him from all our rounds."
    result = coach.rewrite(draft, customer=_DRIVER)
    assert "removed him from all our rounds" in result.rewrite, result.rewrite


def test_opening_hours_and_a_reply_time_are_said_for_what_is_not_urgent() -> None:
    draft = "Thanks for your message. Our customer service team is open Monday to Friday 9am-5pm, please call back then."
    result = coach.rewrite(draft, customer=_GAS)
    assert "For anything that isn't urgent, our customer service team is open Monday to Friday 9am-5pm." in \
        result.rewrite and "call back then" not in result.rewrite, result.rewrite
    draft = "Thanks for your message. We're very busy and we aim to respond to all queries within 2-4 working days."
    result = coach.rewrite(draft, customer=_GAS)
    assert "For anything that isn't urgent, we aim to respond to all queries within 2-4 working days." in \
        result.rewrite, result.rewrite
