"""From the blind review of set ar (issue 16): money already sent said as "whether you can have it back", a team's step
said twice, a second condolence, a pep talk and a pharmacist for a diagnosis, and policy lines a grief or money case
never heard. Each draft is written for this file."""

from __future__ import annotations

from coach import Coach
from coach._engines.offline.promise import same_topic
from coach._engines.offline.situations import situation

coach = Coach(engine="offline")


def test_a_headed_policy_line_covers_a_promise_by_its_subject() -> None:
    line = "Returns: refunds are issued within 10 business days of the return arriving."
    assert same_topic(line, "It will be back in your account by Thursday", subject=True)
    result = coach.rewrite("Hi Noor, I've approved your £32 refund. It will be back in your account by Thursday, "
                           "in good time for the weekend.\n\nThanks,\nPia",
                           customer="Where is my £32 refund for the broken lamp?", policy=[line])
    assert "refunds are issued within 10 business days" in result.rewrite.lower(), result.rewrite
    assert "whether" not in result.rewrite and "good time" not in result.rewrite, result.rewrite
    assert "I've approved your £32 refund" in result.rewrite and result.passed is not True


def test_money_already_sent_is_checked_on_not_hoped_for() -> None:
    result = coach.rewrite("Hi Ola, I've sent the refund for the duplicate $45 payment and you'll definitely have the "
                           "money back in your account by Monday. Best, Tom",
                           customer="You took $45 twice for my phone bill.")
    assert "whether you can have" not in result.rewrite, result.rewrite
    assert "check on the money" in result.rewrite and "by Monday" in result.rewrite, result.rewrite


def test_the_team_that_signs_is_not_flagged_to_itself() -> None:
    result = coach.rewrite("Hello Mr Adu,\n\nSorry to hear about this. We'll try our best to get your money back and I'm "
                           "sure the full £1,900 will be returned.\n\nRegards,\nFraud Team",
                           customer="A man who said he was from your fraud team told me to move £1,900 to a safe "
                                    "account. I did it and now I think it was a scam.")
    assert "to our fraud team as urgent" not in result.rewrite, result.rewrite
    assert result.rewrite.count("update you") <= 1, result.rewrite


def test_a_step_the_draft_logged_with_the_team_is_not_added_again() -> None:
    result = coach.rewrite("Hi Jo,\n\nThanks for telling us right away. Please unplug the heater and keep it out of use. "
                           "I've logged serial HT-2281 with our Product Safety team. We will definitely pay for the "
                           "new carpet.\n\nRegards,\nSam",
                           customer="My HT-2281 heater started smoking and scorched the carpet.")
    assert result.rewrite.lower().count("safety team") == 1, result.rewrite
    assert "I've logged serial HT-2281" in result.rewrite


def test_a_second_condolence_gives_way_to_the_line_that_says_what_happened() -> None:
    result = coach.rewrite("Dear Mr Ito,\n\nI am so, so sorry for your loss.\n\nKind regards,\nAccounts",
                           customer="My wife died in June and I need to close her savings account.")
    assert "so, so sorry" not in result.rewrite, result.rewrite
    assert "your wife" in result.rewrite, result.rewrite


def test_a_diagnosis_gets_no_pep_talk_and_no_pharmacist() -> None:
    assert situation("I was diagnosed with leukaemia last month").name == "illness"
    assert situation("My insulin delivery hasn't come").name == "health"
    result = coach.rewrite("Hi Lena,\n\nSorry to hear that. Keep your chin up! 😊\n\nBest,\nMembers",
                           customer="I've been diagnosed with leukaemia and start treatment on Monday. Please stop "
                                    "charging me for the gym.")
    assert "chin up" not in result.rewrite.lower() and "😊" not in result.rewrite, result.rewrite
    assert "pharmacist" not in result.rewrite and "so sorry" in result.rewrite, result.rewrite


def test_a_grief_or_money_case_hears_the_policy_line_on_its_topic() -> None:
    policy = ["Bereavement: joint accounts pass to the surviving holder with a copy of the death certificate."]
    result = coach.rewrite("Dear Mrs Obi,\n\nI'm so sorry for your loss.\n\nKind regards,\nAccounts",
                           customer="My husband died last week. What happens to our joint account?", policy=policy)
    assert "joint accounts pass to the surviving holder" in result.rewrite.lower(), result.rewrite
    # a line that would read as a fragment is not said
    policy = ["Once a death certificate is received the account is frozen."]
    result = coach.rewrite("Dear Mrs Obi,\n\nI'm so sorry for your loss.\n\nKind regards,\nAccounts",
                           customer="My husband died last week. What happens to our joint account?", policy=policy)
    assert "frozen" not in result.rewrite, result.rewrite
