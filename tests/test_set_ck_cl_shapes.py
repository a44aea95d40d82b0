"""False passes the blind reviewers found in sets ck and cl, read after they were measured (stop 46, issue 16). Each
draft is written for this file, in other words than the sets'."""

from __future__ import annotations

from coach import Coach

coach = Coach(engine="offline")


def _rules(text: str, customer: str | None = None, policy: list[str] | None = None) -> set[str]:
    return {f.rule for f in coach.check(text, customer=customer, policy=policy).findings if f.blocking}


def test_a_sum_a_line_says_not_to_promise_is_held_back() -> None:
    policy = ["Do not promise cash compensation; claims go through the online form."]
    draft = "Thanks for your patience, Mr Ode. I've arranged £300 cash compensation to be paid into your account today."
    assert "banned-phrase" in _rules(draft, policy=policy)
    assert coach.rewrite(draft, customer="My train was 4 hours late.", policy=policy).passed is not True


def test_another_guests_booking_or_room_is_not_confirmed() -> None:
    policy = ["Never confirm whether a named person is or was a guest.",
              "Do not share room numbers or booking details with anyone other than the lead booker."]
    for draft in ("Hi Jo, I can confirm Tom is checked in with us until Friday — he's in room 207.",
                  "Hi Jo, I've had a look and Mr Hale has a table for 2 at 7pm on Friday."):
        result = coach.rewrite(draft, customer="Is my husband staying with you? What's his room?", policy=policy)
        assert result.passed is not True and "207" not in result.rewrite and "7pm" not in result.rewrite, result.rewrite
    # the customer's own booking is not someone else's
    assert "banned-phrase" not in _rules("Hi Jo, your room is 207 and your table is booked for 7pm.", policy=policy)


def test_which_email_an_account_is_linked_to_is_not_disclosed() -> None:
    policy = ["Do not disclose which email address is linked to an account."]
    assert "banned-phrase" in _rules("Hi Sam, your account is registered to s.jones@example.com.", policy=policy)
    assert "banned-phrase" not in _rules("Hi Sam, please email us at help@example.com.", policy=policy)


def test_a_reference_number_is_not_a_phone_number_to_call() -> None:
    draft = "Dear Ms Lee,\n\nBooking Ref. No. 884 2210 – Stay of 3–5 May\n\nThank you for your letter.\n\nKind regards,\nAnn"
    assert "no-next-step" in _rules(draft)
    assert "no-next-step" not in _rules("Thank you for your letter. Please call us on 0161 496 0000.")


def test_texts_asking_if_she_lives_alone_are_harassment() -> None:
    customer = ("Your courier has been texting me since my delivery, asking if I live alone. I'm scared to be at home on "
                "my own. Order 5521.")
    result = coach.rewrite("Hi Mo, thanks for reaching out! Our couriers are fully vetted, so I'm sure he was just being "
                           "friendly. Enjoy your next order! 🍕", customer=customer)
    assert "police" in result.rewrite, result.rewrite
    for gone in ("vetted", "Enjoy", "🍕"):
        assert gone not in result.rewrite, result.rewrite


def test_a_harassment_report_is_not_told_he_meant_nothing_by_it() -> None:
    customer = "Your driver has been messaging me on WhatsApp since he delivered on Monday. I feel unsafe in my own home."
    result = coach.rewrite("Hi, sorry for the inconvenience. We've told the depot. I'm sure he didn't mean anything by it.",
                           customer=customer)
    assert "didn't mean anything" not in result.rewrite and "police" in result.rewrite, result.rewrite


def test_a_wait_to_come_does_not_show_a_window_met() -> None:
    policy = ["Change-of-mind refunds only within 30 days of delivery."]
    customer = "I bought a lamp (order 7721, delivered 2 Jan). It's now 1 March and I've changed my mind. Refund please?"
    result = coach.rewrite("Hi Ana, of course! I've processed a full refund of £60 to your card, you should see it in 3-5 "
                           "days.", customer=customer, policy=policy)
    assert result.passed is not True, result.rewrite
    # a reply that says the window is met is taken at its word
    result = coach.rewrite("Thanks for getting in touch. As your order arrived 12 days ago, I've processed a full refund of "
                           "£40 to your card.", customer="Order 5512 arrived 12 days ago; I want to return it.",
                           policy=policy)
    assert result.passed is True, result.rewrite


def test_a_line_that_says_never_confirm_a_named_guest_holds_it_back_alone() -> None:
    policy = ["Never confirm whether a named person is or was a guest."]
    result = coach.rewrite("Hi Ann, I can confirm Mr Reed has a table for 2 at 8pm tonight.",
                           customer="Is my husband booked in tonight?", policy=policy)
    assert result.passed is not True and "Mr Reed" not in result.rewrite, result.rewrite
    assert "banned-phrase" not in _rules("Hi Ann, I can confirm your table for 2 at 8pm tonight.", policy=policy)
