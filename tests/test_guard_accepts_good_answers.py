"""The guard rejects only what is wrong: clean answers of shapes it used to re-ask (issue 16, point 6)."""

from __future__ import annotations

import pytest

from coach._core.guard import guard
from coach._core.policy import Policy

CLEAN = [
    pytest.param(  # an apology whose object follows a semicolon
        "Sorry about that.",
        "Thank you for telling us the second chair never came. I'm sorry; that means nobody can sit at the new "
        "desk yet. I'm checking the courier's scan history now and will reply here with what I find.",
        "Only one of my two chairs turned up.", id="apology-object-after-semicolon"),
    pytest.param(  # a time word in the agent's own action under way
        "We will get your claim sorted tomorrow, no question.",
        "Thanks for chasing this up about your stalled claim. I'm calling the assessor today and will post "
        "what they say in this thread.",
        "My storm damage claim has not moved in three weeks.", id="time-in-own-action"),
    pytest.param(  # a time word inside a negation
        "Should be sorted soon!",
        "Thank you for your patience with the signal loss. I can't give you a repair date this week, but I've "
        "logged your address with our network team and will update you here.",
        "No mobile signal at home for days.", id="time-in-negation"),
    pytest.param(  # the customer's amount restated as an adjective
        "Sorry for the inconvenience.",
        "Thanks for sticking with us. I'm sorry about the 45-minute queue at the returns desk; I've noted it "
        "on your case so the store manager sees it.",
        "I stood in a queue for 45 minutes to return one shirt.", id="hyphenated-restatement"),
    pytest.param(  # a time word on the agent's own next contact
        "We'll get the part to you tomorrow.",
        "Thanks for letting us know the hinge on your oven door snapped. I'm checking stock for the hinge now and "
        "will email you today with the options.", "The hinge on my oven door snapped off.", id="own-contact-today"),
    pytest.param(  # the same step going on after "and"
        "It'll be sorted today!",
        "Thanks for flagging the missing voucher. I'll check where the voucher stands and reply to you here today.",
        "My birthday voucher never arrived.", id="own-step-after-and"),
    pytest.param(  # "today's" names a day, it sets no deadline; "find out ... and reply today" is the agent's step
        "Your bill will be corrected tomorrow.",
        "Thanks for querying the jump in your water bill. Please reply with a photo of today's meter reading, and "
        "I'll find out what went wrong and reply to you here today.", "My water bill doubled this quarter.",
        id="todays-reading-and-find-out"),
    pytest.param(  # a duration is no deadline; an estimate of when is no promise
        "It'll be back on tonight, promise.",
        "Thanks for telling us the hot water has been off since breakfast, and that you were billed twice for one "
        "month. I'm asking the plumbers for their estimate of when it'll be back on and will update you here.",
        "No hot water since breakfast, and you billed me twice this month!", id="duration-and-estimate"),
    pytest.param(  # the agent's refund once they have what they need
        "We'll refund you tomorrow.",
        "Thanks for checking your receipt. Please send a photo of it, and once I have it, I'll refund the £2.40 "
        "difference to your card. I have recorded the till number and I will write to the shop manager.\n\nAmir",
        "The till charged me £2.40 too much.", id="once-i-have"),
    pytest.param(  # a clock time inside the apology's object is not a clause break
        "Sorry for the disruption.",
        "Thanks for telling us, Priya, and sorry your 18:15 from Bath was cancelled again. I've logged it on your "
        "season-ticket record and I'll reply here with the compensation form.",
        "My 18:15 from Bath got cancelled again.", id="clock-time-in-apology"),
    pytest.param(  # going through options is the agent's own step
        "You will get a new card tomorrow for sure.",
        "Thanks for telling us your card was swallowed by the machine. I'll go through the options for a new card "
        "with you here; please reply with the last four digits of the account.",
        "The cash machine swallowed my card.", id="go-through-options"),
    pytest.param(  # a step the agent started and a note passed on are next steps
        "Sorry about that.",
        "Thanks for telling us the soup arrived cold. I've started a refund of the delivery fee, and I've also passed "
        "your note to the kitchen team.", "My soup came cold and late.", id="started-and-also-passed"),
    pytest.param(  # the agent seeing to a review is a step, not a promised outcome
        "You will have your money back by tomorrow.",
        "Thanks for spotting the extra charge on your statement. I'll make sure the extra charge is looked at by "
        "our payments team, and I'll email you their answer.",
        "You took the subscription fee twice this month.", id="make-sure-reviewed"),
]


@pytest.mark.parametrize(("draft", "rewrite", "customer"), CLEAN)
def test_a_clean_answer_passes(draft: str, rewrite: str, customer: str) -> None:
    verdict = guard(draft, rewrite, customer, Policy())
    assert verdict.passed, verdict.problems


WRONG = [
    pytest.param("I'm sorry; please bear with us.", "bland-apology", id="semicolon-generic"),
    pytest.param("Thanks for waiting. We'll make sure the fee is reviewed and refunded today.", "broken-promise",
                 id="make-sure-review-and-refund"),
    pytest.param("Thanks for waiting. The engineer will have it fixed today.", "broken-promise", id="outcome-today"),
    pytest.param("Thanks for waiting. I'll check it and it will be fixed today.", "broken-promise", id="check-then-outcome"),
]


@pytest.mark.parametrize(("rewrite", "rule"), WRONG)
def test_what_is_wrong_still_fails(rewrite: str, rule: str) -> None:
    verdict = guard("Sorry.", rewrite, None, Policy())
    assert not verdict.passed
    assert rule in {f.rule for f in verdict.blocking}


def test_a_deadline_nobody_gave_is_still_invented() -> None:
    verdict = guard("Sorry for the wait.", "Thanks for waiting. Your parcel arrives tomorrow, and I'll email you "
                    "the tracking link.", "Where is my parcel?", Policy())
    assert "tomorrow" in verdict.invented


def test_an_outcome_timed_after_the_agents_step_is_still_invented() -> None:
    verdict = guard("Sorry for the wait.", "Thanks for waiting. I'll check the parcel, and your refund arrives "
                    "tomorrow.", "Where is my parcel?", Policy())
    assert "tomorrow" in verdict.invented


def test_a_new_amount_with_a_hyphen_is_still_invented() -> None:
    verdict = guard("Sorry for the wait.", "Thanks for waiting through the 30-minute outage; I've logged it.",
                    "The app was down.", Policy())
    assert "30-minute" in verdict.invented


@pytest.mark.parametrize("rewrite", [
    "Thanks for waiting. I'll update you here today. The refund was approved and lands in your account today.",
    "Thanks for waiting. The engineer has your address and will call you today.",
    "Thanks for waiting. Don't worry, your refund reaches your card today.",
    "Thanks for waiting. I've arranged for your refund to reach your card today.",
])
def test_a_timed_outcome_is_invented_wherever_it_sits(rewrite):
    assert "today" in guard("Sorry for the wait.", rewrite, "Where is my refund?", Policy()).invented


def test_a_hedge_does_not_soften_a_certain_promise():
    verdict = guard("Sorry.", "Thanks. Once we receive the item, you'll definitely get a full refund.", None, Policy())
    assert "broken-promise" in {f.rule for f in verdict.blocking}


def test_only_in_a_policy_line_rules_nothing_out():
    policy = Policy(commitments=["Refunds are only issued to the original payment method"])
    assert guard("Sorry.", "Thanks. I've issued your refund to your original card.", None, policy).passed
