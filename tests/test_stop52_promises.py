"""Stop 52: promises the checker missed and checks that read wrong, in drafts written for these tests. An outcome
said as "guaranteed" at the end of a sentence, money back said as certain ("you'll 100% see it back"), a correction
another team will make "immediately"; a second outcome said as guaranteed beside a first is checked with it, and a
second promise whose subject was a person keeps "they"."""

from __future__ import annotations

import pytest

from coach import Coach

coach = Coach()


def _blocking(draft: str, customer: str | None = None) -> set[str]:
    return {f.rule for f in coach.check(draft, customer=customer).findings if f.blocking}


@pytest.mark.parametrize("draft", [
    "Thanks for the documents. Your start date of 3 March is guaranteed.",
    "Delivery by Friday is 100% guaranteed.",
    "I've approved the £60 and you'll 100% see it back in 2-3 days.",
    "You will definitely get your full refund.",
    "Our accounts team will correct the bill of £212.40 immediately.",
])
def test_an_outcome_said_as_certain_is_a_promise(draft: str) -> None:
    assert "broken-promise" in _blocking(draft)


@pytest.mark.parametrize("draft", [
    "Delivery on Friday is not guaranteed, so I'll check with the courier and email you by 4pm.",
    "If the certificate looks wrong, reply here and I'll correct it the same day.",
    "I'll correct the address on your account today and email you the new certificate.",
])
def test_a_refusal_or_the_agents_own_correction_is_no_promise(draft: str) -> None:
    assert "broken-promise" not in _blocking(draft)


def test_a_guarantee_said_alone_becomes_the_agents_check() -> None:
    r = coach.rewrite("Hi Priya, thanks for the documents. Your start date of 3 March is guaranteed. I'll email you the "
                      "contract today.", customer="When will my visa letter be issued? I start on 3 March.")
    assert "guaranteed" not in r.rewrite and "3 March" in r.rewrite and r.passed is not False


def test_a_second_outcome_said_as_guaranteed_is_checked_with_the_first() -> None:
    r = coach.rewrite("Dear Mr Hale,\n\nI can confirm that your loan will be issued tomorrow and that completion on "
                      "14 Feb. is guaranteed.\n\nKind regards,\nAnna",
                      customer="When will my loan be issued? Completion is set for 14 Feb.")
    assert "whether your loan can be issued and completion on 14 Feb. is confirmed" in r.rewrite
    assert "guaranteed" not in r.rewrite


def test_a_second_promise_of_a_person_keeps_they() -> None:
    r = coach.rewrite("Hi Sam, I promise a technician will be out tomorrow morning and will fix it for sure.",
                      customer="My heating has been off since Monday and I have a newborn.")
    assert "whether it can fix" not in r.rewrite
    assert "they can fix" in r.rewrite
