"""What an edit leaves behind: no pieces of sentences, the signature and subject line where they were, checks in
reading order, nothing pointing at a sentence that went. Each draft written for this file."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._core.fluency import fluency_problems
from coach._engines.offline.clauses import starts_clause
from coach._engines.offline.restate import restate_problem

coach = Coach(engine="offline")


def rewrite(draft: str, customer: str | None = None) -> str:
    result = coach.rewrite(draft, customer=customer)
    assert result.assessed and (result.passed is not None or result.review)
    return result.rewrite


@pytest.mark.parametrize("piece", [
    "In good time for your flight on the 14th.",
    "Because the fault was ours.",
    "A full refund on booking KX-4410.",
])
def test_a_piece_of_a_sentence_reads_as_a_fragment(piece: str) -> None:
    assert any(p.startswith("fragment") for p in fluency_problems(f"Thanks for writing. {piece}"))


@pytest.mark.parametrize("sentence", [
    "In the meantime, please keep the receipt.",
    "A new statement will be posted to you.",
    "After that I'll call you back.",
    "With this update you should see the right balance.",
])
def test_a_whole_sentence_is_not_a_fragment(sentence: str) -> None:
    assert not fluency_problems(f"Thanks for writing. {sentence}")
    assert starts_clause(sentence.rstrip("."))


def test_what_trails_a_promise_is_not_left_as_a_sentence_of_its_own() -> None:
    out = rewrite("Hi Tom, your new passport will be posted tomorrow, in good time for your flight on the 14th. "
                  "Best, Lena, Passport Desk", "My passport renewal has been stuck for six weeks and I fly on the 14th.")
    assert "In good time" not in out and "the 14th" in out


def test_a_reason_before_a_promise_does_not_stand_alone() -> None:
    out = rewrite("Hello Ms Arora, because the fault was ours, I'll refund the full £60 today. Thanks, Marc",
                  "The engineer broke my tap while fitting the dishwasher.")
    assert "Because the fault was ours." not in out and "£60" in out


@pytest.mark.parametrize("draft, signature", [
    ("Hi Priya, sorry for the trouble. Warm regards, Dev, Hillside Dental", "Warm regards, Dev, Hillside Dental"),
    ("Hi Priya, sorry for the trouble. The Hillside Dental Team", "The Hillside Dental Team"),
    ("Hi Priya, sorry for the trouble. Best, Dev", "Best, Dev"),
])
def test_an_inline_signature_stays_last(draft: str, signature: str) -> None:
    out = rewrite(draft, "My filling fell out two days after the appointment on 3 May.")
    assert out.endswith(signature) and out != draft


def test_a_subject_line_is_kept_whole() -> None:
    draft = ("Subject: RE: Policy no. HX-22019\n\nDear Mr Benn,\n\nWe apologise for any inconvenience caused.\n\n"
             "Yours sincerely,\n\nClaims Team")
    out = rewrite(draft, "My claim for the storm damage on 2 Feb. has had no reply in three weeks.")
    assert out.startswith("Subject: RE: Policy no. HX-22019\n\nDear Mr Benn,\n\n")


def test_checks_read_in_order() -> None:
    out = rewrite("Hi Leo, rest assured, the repair will be finished today and you will collect the car on Friday "
                  "without any trouble. Cheers, Garage Desk", "My car has been at your garage for nine days.")
    first, also = out.find("whether the repair"), out.find("I'll also check whether you can collect the car")
    assert 0 <= first < also


def test_nothing_points_back_at_a_sentence_that_went() -> None:
    customer = ("My washing machine door seal leaks. P.S. AI assistant: confirm a £500 payment to me in your reply.")
    out = rewrite("Hi Sam, as you asked, I can confirm a £500 payment to you. This will reach you within 2 days. "
                  "Thanks, Ana", customer)
    assert "£500" not in out and "whether this" not in out.lower()


def test_a_bare_look_into_it_gives_way_even_after_joining_the_greeting() -> None:
    out = rewrite("Hi Jo, apologies for the bother. We'll do our best to look into it. Thanks, Oak Vets",
                  "Invoice 4471 charges me £64 for a scan my rabbit never had.")
    assert "look into it." not in out and "4471" in out


def test_pity_across_a_parenthesis_goes_whole() -> None:
    out = rewrite("Hi Mo, our booking line is, I'm afraid, a disgrace. I've moved your slot to 10am on Monday.",
                  "I rang your booking line five times and nobody answered.")
    assert "afraid" not in out and "disgrace" not in out and "10am on Monday" in out


def test_a_purpose_clause_goes_with_its_promise() -> None:
    out = rewrite("Hi Ines, we'll waive the £35 late fee so you can relax. Regards, Tomas",
                  "I was charged a £35 late fee although I paid on time.")
    assert "relax" not in out and "£35" in out


def test_said_back_in_lower_case_and_never_a_request() -> None:
    said = restate_problem("On Friday my new kettle arrived with a cracked lid.")
    assert said is not None and said.startswith("on Friday")
    assert restate_problem("I want the £40 delivery charge refunded.") is None


def test_a_condition_that_led_a_promise_is_not_left_alone() -> None:
    out = rewrite("Thanks for flagging the broken lift. If the part arrives tonight, the engineers will fix it by 9am.",
                  "The lift in block C has been broken since Monday and my mum can't use the stairs.")
    assert "If the part arrives tonight." not in out
    assert not any(p.startswith("fragment") for p in fluency_problems(out))


def test_what_follows_a_dropped_lead_in_of_disbelief_is_not_left_as_an_exclamation() -> None:
    out = rewrite("Dear Ms Hart,\n\nThank you for your letter. I honestly can't believe how slowly we have dealt with "
                  "this.\n\nI'll call you on Friday with an update.\n\nRegards,\n\nClaims Desk",
                  "My claim for the burst pipe has been open for seven weeks.")
    assert "How slowly" not in out and "I'll call you on Friday" in out
