"""Issue 16, from the false passes of sets w and x: a grant a policy line allows only with a condition met ("requires
approval", "can only be waived by ..."), an apology whose only object is what every case has ("the trouble with your
order"), and a rewrite the rules still doubt (it never names the customer's problem), which is no pass. Each draft
written for this file; 8 of these cases fail on 6e8148f (the good replies and the £40 credit passed there too)."""

from __future__ import annotations

import pytest

from coach import Coach

coach = Coach(engine="offline")


def rules_found(draft: str, policy: list[str] | None = None, customer: str | None = None) -> list[str]:
    return [f.rule for f in coach.check(draft, customer=customer, policy=policy).findings]


@pytest.mark.parametrize("draft, policy", [
    ("Thanks for letting us know about the funeral, Mr Adeyemi. I've waived the £60 amendment fee on booking RT-4410.",
     ["Amendment fee waivers need a death certificate and sign-off from the bookings manager."]),
    ("Thanks for your patience. Consider the cancellation fee gone this time, so only the deposit is kept.",
     ["Cancellation fee waivers require approval from the duty manager."]),
    ("Thanks for the screenshot from your manager. I've waived the £95 exit fee and closed the line today.",
     ["Exit fees can only be waived by the loyalty team after a contract review."]),
    ("Thanks for your message about the three late deliveries. I've added a £40 credit to your account.",
     ["Goodwill credit above £15 requires a team leader's approval."]),
])
def test_a_grant_that_skips_the_approval_a_line_requires_does_not_pass(draft: str, policy: list[str]) -> None:
    assert "broken-promise" in rules_found(draft, policy)
    result = coach.rewrite(draft, policy=policy)
    assert result.passed is not True


@pytest.mark.parametrize("draft, policy", [
    # the condition is said: the team the line names approved it
    ("Thanks for waiting, Ms Osei. The loyalty team has reviewed your contract and approved waiving the £95 exit fee.",
     ["Exit fees can only be waived by the loyalty team after a contract review."]),
    # below the amount that needs approval
    ("Thanks for your message about the late delivery. I've added a £5 credit to your account.",
     ["Goodwill credit above £15 requires a team leader's approval."]),
    # hedged on the condition
    ("Thanks for telling us about the funeral. Once the bookings manager signs it off, the amendment fee will be waived.",
     ["Amendment fee waivers need a death certificate and sign-off from the bookings manager."]),
    # the fee charged, not waived
    ("Thanks for getting in touch. I've moved booking RT-4410 to the 14th and added the £60 amendment fee to the total.",
     ["Amendment fee waivers need a death certificate and sign-off from the bookings manager."]),
])
def test_a_grant_with_its_approval_said_or_not_needed_passes(draft: str, policy: list[str]) -> None:
    assert "broken-promise" not in rules_found(draft, policy)


@pytest.mark.parametrize("draft, bland", [
    ("Apologies for the hassle with your booking. I've sent the new confirmation to your email.", True),
    ("We're sorry for any problems during your visit. I've passed your notes to the site manager.", True),
    ("Sorry for the trouble with your account today. I've reset your password and emailed you a link.", True),
    ("I'm sorry your booking was cancelled without notice. I've rebooked you on the 14:10.", False),
    ("Sorry about the problems with your broadband. An engineer is booked for Tuesday morning.", False),
    ("I'm sorry that your order still hasn't turned up. I've asked the courier to trace it today.", False),
])
def test_an_apology_that_names_only_what_every_case_has_is_bland(draft: str, bland: bool) -> None:
    assert ("bland-apology" in rules_found(draft)) is bland


def test_a_form_reply_that_never_names_the_problem_is_read_before_it_passes() -> None:
    customer = "The streetlight outside 14 Hazel Close has flickered for a month and now it's off completely."
    draft = "Thank you for contacting Northfield Council. Your comments have been noted and passed to the relevant team."
    result = coach.rewrite(draft, customer=customer)
    assert result.rewrite == draft and result.passed is None  # no fix it can make, and no pass either
    assert "no-acknowledgement" in [f.rule for f in result.findings_after]
    named = "Thank you for reporting the streetlight outside 14 Hazel Close. I've logged it with our lighting contractor."
    assert coach.rewrite(named, customer=customer).passed is True  # the same reply naming the problem still passes


def test_a_restated_problem_does_not_keep_the_capital_of_the_customers_sentence() -> None:
    customer = "Order #KL-3321. Food arrived an hour late and the drinks were missing."
    result = coach.rewrite("We're sorry for the trouble with your order. We've passed this on to the restaurant.",
                           customer=customer)
    assert "food arrived an hour late" in result.rewrite and "Food arrived" not in result.rewrite
