"""From the blind review of sets au and av (issue 16): a promise in chat English that went unread, what is left of a
pity line ("Oh Gemma 😢"), and a grant said as certain ("I'm sure we can waive ..."). Each draft is written for this
file."""

from __future__ import annotations

from coach import Coach
from coach._core.text import looks_english

coach = Coach(engine="offline")


def test_chat_english_is_read_and_its_promise_found() -> None:
    draft = "we'll make sure ur next delivery never gets lost 🙏 -Jo"
    assert looks_english(draft)
    assert "broken-promise" in {f.rule for f in coach.check(draft, customer="@Shop 2nd parcel lost this month").findings}
    result = coach.rewrite(draft, customer="@Shop 2nd parcel lost this month")
    assert "never" not in result.rewrite and result.rewrite.endswith("-Jo"), result.rewrite


def test_other_languages_are_still_not_read_as_english() -> None:
    assert not looks_english("Wir kümmern uns darum, bitte schicken Sie uns die Bestellnummer im Moment.")
    assert not looks_english("Nous allons vérifier votre commande et revenir vers vous rapidement.")


def test_what_is_left_of_a_pity_line_goes_with_it() -> None:
    customer = "My dad is in hospital after a stroke and I need to pause his broadband for two months. Account 8812."
    draft = ("Oh Priya, that's just heartbreaking, I feel awful for you 😢 Please send us the account holder's "
             "date of birth and we'll pause it from today.")
    result = coach.rewrite(draft, customer=customer)
    assert "Oh Priya" not in result.rewrite and "heartbreaking" not in result.rewrite, result.rewrite
    assert "date of birth" in result.rewrite, result.rewrite


def test_a_grant_said_as_certain_is_a_promise_and_becomes_a_check() -> None:
    draft = "Hi Tom, I'm sure we can refund the whole membership, no problem at all! Take care, Ana"
    assert "broken-promise" in {f.rule for f in coach.check(draft).findings}
    result = coach.rewrite(draft, customer="I broke my leg skiing and can't use the gym until summer. Member 4410.")
    assert "I'm sure" not in result.rewrite and "no problem" not in result.rewrite, result.rewrite
    assert "whether we can refund the whole membership" in result.rewrite, result.rewrite
    assert "broken-promise" not in {f.rule for f in coach.check("I'm not sure we can refund it, but I'll ask.").findings}


def test_what_will_be_back_or_ready_is_checked_as_something_we_get_back_or_have_ready() -> None:
    result = coach.rewrite("@lee_t Don't worry, your signal will be back to full strength by tonight 🙂 ^RB",
                           customer="@Mobile no 4G in Leeds since this morning, can't work")
    assert "can be back" not in result.rewrite and "whether we can get your signal back" in result.rewrite, \
        result.rewrite
    result = coach.rewrite("Sorry for the wait! Your glasses will be ready by Thursday, guaranteed.",
                           customer="I ordered my new glasses (job 5521) three weeks ago and I can't drive without them.")
    assert "can be ready" not in result.rewrite and "have your glasses ready" in result.rewrite, result.rewrite


def test_two_checks_in_a_row_are_one_sentence() -> None:
    draft = ("Hi Sam, I can see the refund request for order 7781 was approved on 3 May. This will be sorted "
             "straight away and the money will be back in your account straight away. Best, Lou")
    result = coach.rewrite(draft, customer="I returned the boots (order 7781) a month ago and still have no refund.")
    assert result.rewrite.count("check") == 1 and "I'll also check" not in result.rewrite, result.rewrite
    assert "we can get the money back in your account" in result.rewrite, result.rewrite
