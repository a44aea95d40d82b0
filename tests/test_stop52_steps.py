"""Stop 52: one next step, where the reader expects it, in drafts written for these tests. A step the coach wrote in
a promise's place makes "We're looking into it." redundant; a refund already "gone ahead and processed" or a chase is
a step; a step goes before "Let me know if you need anything else", a letter is not answered "here", and a link
where the customer can follow the fault is their next step."""

from __future__ import annotations

import pytest

from coach import Coach

coach = Coach()


def _blocking(draft: str, customer: str | None = None) -> set[str]:
    return {f.rule for f in coach.check(draft, customer=customer).findings if f.blocking}


def test_a_bare_look_goes_where_the_coach_wrote_a_dated_step() -> None:
    r = coach.rewrite("Hi Dan, sorry for any inconvenience. I promise the £36 will be refunded by Friday. "
                      "We are currently looking into the matter.\n\nThanks, Amy",
                      customer="My invoice 8812 shows £96 but you quoted £60 for the boiler service.")
    assert "Friday" in r.rewrite and "update you" in r.rewrite
    assert "looking into the matter" not in r.rewrite


def test_the_drafts_own_look_stays_when_the_coach_wrote_no_step() -> None:
    draft = "Hi Dan, thanks for the photos of invoice 8812. We are looking into it and will update you by 5pm."
    r = coach.rewrite(draft, customer="My invoice 8812 shows £96 but you quoted £60.")
    assert "looking into it" in r.rewrite


@pytest.mark.parametrize("draft", [
    "Hi Omar, thanks for telling us about the leak. I've gone ahead and processed a full refund of £40 to your card.",
    "Thanks for letting us know the kettle leaks. We've gone ahead and issued a refund of £40.",
    "Thanks for flagging the missing parcel. I'll chase the courier this afternoon.",
    "Thanks for your patience. I've chased the warehouse about order 7781.",
])
def test_a_refund_done_or_a_chase_is_a_next_step(draft: str) -> None:
    assert "no-next-step" not in _blocking(draft, "The kettle from order 7781 leaks from the base. I'd like my £40 back.")


def test_a_bare_reply_still_has_no_step() -> None:
    assert "no-next-step" in _blocking("Thanks for getting in touch about the kettle.",
                                       "The kettle from order 7781 leaks from the base.")


def test_a_step_goes_before_let_me_know_if_you_need_anything_else() -> None:
    r = coach.rewrite("Hi Omar, sorry for the trouble! Let me know if you need anything else.",
                      customer="The kettle I bought (order 7781) leaks from the base. I'd like my £40 back.")
    assert r.rewrite.rstrip().endswith("Let me know if you need anything else.")
    assert "7781" in r.rewrite.split("Let me know")[0]


def test_a_letter_is_not_answered_here() -> None:
    r = coach.rewrite("Dear Mr. Hale,\n\nThank you for your letter about the rise in your premium.\n\n"
                      "I apologise for any confusion.\n\nYours sincerely,\n\nJ. Brook\nPolicy Services",
                      customer="Dear Sir, my premium (policy HX-2231) went up from £410 to £530 with no explanation. "
                               "Yours, R. Hale")
    body = r.rewrite.split("Yours sincerely")[0]
    assert "HX-2231" in body and " here" not in body


def test_a_chat_reply_is_still_answered_here() -> None:
    r = coach.rewrite("Hi Jo, sorry for any inconvenience.",
                      customer="My premium (policy HX-2231) went up from £410 to £530 with no explanation.")
    assert " here" in r.rewrite


def test_a_link_to_follow_the_fault_is_the_customers_step() -> None:
    r = coach.rewrite("@tomk Thanks for letting us know. There's a burst main on Mill Lane and crews are on site 👷 "
                      "Hopefully fixed by lunch 🤞 Updates at water.example/status, ref W-2231 💧",
                      customer="@CityWater no water on Mill Lane since 5am, what's going on??")
    assert "Hopefully" not in r.rewrite
    assert r.rewrite.rstrip().endswith("W-2231 💧")


def test_a_link_with_nothing_to_follow_is_no_step() -> None:
    r = coach.rewrite("@tomk Thanks for letting us know. Hopefully fixed by lunch 🤞 See water.example for more 💧",
                      customer="@CityWater no water on Mill Lane since 5am, what's going on??")
    assert "Hopefully" not in r.rewrite
    assert len(r.rewrite) > len("@tomk Thanks for letting us know. See water.example for more 💧") + 20
