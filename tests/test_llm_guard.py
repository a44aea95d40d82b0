"""The guard's checks for what a small model gets wrong: deadlines nobody gave, the customer's own first
person copied into the reply, and a reply in another language than the draft."""

from __future__ import annotations

import pytest
from offline_verdict import vouched

from coach._core.facts import extract_facts, invented_facts, invented_times, is_time_phrase, time_phrases
from coach._core.guard import customer_voice, guard, language_problem
from coach._core.policy import Policy

DRAFT = "Thanks for telling us about order #4417. I've asked the warehouse to check the parcel."
CUSTOMER = "My order #4417 arrived with a cracked screen and I was charged $49.99 twice."
GOOD = ("Thank you for telling us that your order #4417 arrived with a cracked screen and you were charged "
        "$49.99 twice. I've asked the warehouse to check the parcel and I'll email you what they find.")


def test_a_good_rewrite_passes_every_check():
    verdict = guard(DRAFT, GOOD, CUSTOMER, Policy())
    assert verdict.passed and verdict.problems == []
    assert verdict.customer_voice == [] and verdict.language is None and verdict.invented == []


# --- dates and times in words --------------------------------------------------------------------------


@pytest.mark.parametrize("text, found", [
    ("I'll email you tomorrow.", ["tomorrow"]),
    ("You'll hear from us by end of day.", ["end of day"]),
    ("An engineer will call within the hour.", ["within the hour"]),
    ("I'll update you later today, or tonight at the latest.", ["later today", "tonight"]),
    ("It ships in two days, or within 2 business days.", ["in two days", "2 business days"]),
    ("We'll look at it next week, first thing.", ["next week", "first thing"]),
    ("Have a great day. It costs $10 a month.", []),
    ("The 9-hour flight had no screen.", []),
])
def test_dates_and_times_in_words_are_found(text, found):
    assert time_phrases(text) == found
    assert all(is_time_phrase(phrase) for phrase in found)


def test_a_time_nobody_gave_is_an_invented_fact():
    rewrite = GOOD + " You'll have an answer by tomorrow."
    verdict = guard(DRAFT, rewrite, CUSTOMER, Policy())
    assert not verdict.passed and verdict.invented == ["tomorrow"]
    assert "invented tomorrow" in verdict.problems
    assert invented_facts(rewrite, DRAFT, CUSTOMER) == ["tomorrow"]


def test_a_time_from_the_draft_the_customer_or_the_policy_is_known():
    assert invented_times("I'll call you tomorrow.", "Can someone call me tomorrow?") == []
    assert invented_times("I'll update you today.", "I'll update you today.") == []
    policy = ["Replacement orders ship within 2 business days", "Engineers attend within 1 hour"]
    # the same time in other words: "two" for "2", "the hour" for "1 hour"
    assert invented_times("It ships within two business days; an engineer comes within the hour.", *policy) == []
    assert invented_times("Refunds take 5 to 7 business days.", "Refunds are issued within 5-7 business days") == []
    assert invented_times("It ships within 3 business days.", *policy) == ["3 business days"]


def test_a_time_is_reported_once_even_when_its_number_is_new():
    assert invented_facts("Expect it within 3 days.", "Sorry about the delay.") == ["3"]


def test_times_in_words_are_not_facts_to_keep():
    """A timeline is often the broken promise itself ("fixed today"): dropping it must stay possible."""
    draft = "I promise it will be fixed today for order #4417."
    assert extract_facts(draft) == ["#4417"]
    assert guard(draft, "Thank you for raising order #4417. I've asked the team to check it and I'll email you.",
                 None, Policy()).missing == []


# --- the customer's first person ------------------------------------------------------------------------


def test_the_customers_first_person_copied_into_the_rewrite_is_rejected():
    rewrite = ("Thank you for telling us that my order #4417 arrived with a cracked screen. "
               "I'm sorry I was charged $49.99 twice. I'll check with the warehouse.")
    verdict = guard(DRAFT, rewrite, CUSTOMER, Policy())
    assert not verdict.passed
    assert verdict.customer_voice == ["my order #4417 arrived with a cracked screen", "I was charged $49.99 twice"]
    assert 'customer\'s first person "my order #4417 arrived with a cracked screen"' in verdict.problems


@pytest.mark.parametrize("rewrite", [
    "I'll check the order and email you.",                  # the agent's own first person
    "I'm sorry your order arrived with a cracked screen.",  # the customer restated as "your"
    "I understand, and I'm checking my notes.",             # first person, but not the customer's words
    "Thanks: our newest series, My Hero Academia, is out.",  # "My" in a name
])
def test_the_agents_own_first_person_passes(rewrite):
    assert customer_voice(rewrite, DRAFT, CUSTOMER) == []


def test_first_person_words_from_the_draft_are_the_agents():
    draft = "I ordered a replacement screen for you."
    customer = "I ordered a phone and the screen is cracked."
    assert customer_voice("I ordered a replacement screen for you today.", draft, customer) == []
    assert customer_voice("Thanks. I ordered a phone and it is cracked.", draft, customer) == ["I ordered a phone"]


def test_no_customer_message_means_no_first_person_check():
    assert customer_voice("My order is late.", DRAFT, None) == []
    assert customer_voice("My order is late.", DRAFT, "  ") == []


def test_a_stopword_phrase_alone_is_not_the_customers_voice():
    assert customer_voice("I was able to find it, and I need a moment.", DRAFT, "I was told I need a receipt.") == []


# --- the draft's language --------------------------------------------------------------------------------


def test_a_rewrite_in_another_language_than_the_draft_is_rejected():
    spanish = "Gracias por avisarnos. Estoy revisando el pedido con el almacén y le escribiré por correo."
    verdict = guard(DRAFT, spanish, CUSTOMER, Policy())
    assert not verdict.passed
    assert verdict.language == "the draft is in English but the rewrite is not: write the rewrite in English"
    assert verdict.language in verdict.problems


def test_an_english_rewrite_of_a_draft_in_another_language_is_rejected():
    draft = "Lamentamos el transtorno con el pedido 4417. Vamos a revisarlo."
    assert "the draft is not" in language_problem(draft, "Thank you for telling us about order 4417. I'm checking it.")
    assert language_problem(draft, "Gracias por avisarnos del pedido 4417. Lo estoy revisando con el almacén.") is None


def test_the_offline_engine_still_passes_its_own_guard_on_these_drafts():
    from coach import Coach

    for draft, customer in [(DRAFT, CUSTOMER), ("Sorry for the inconvenience. I promise it will be fixed today.",
                                                 "My parcel 1Z999 never came and I need it by Friday.")]:
        result = Coach().rewrite(draft, customer=customer)
        verdict = guard(draft, result.rewrite, customer, Policy())
        assert result.passed == vouched(verdict, result)
