"""A good draft stays the agent's own from the model engine too (issue 16, point 7): when neither the checker nor
the model's critique finds an error or a warning, the draft ships unchanged, however the model reworded it."""

from __future__ import annotations

from fake_openai import FakeOpenAI, answer_json

from coach import Coach

CUSTOMER = "The kettle I bought last week (order KT-20931) trips the fuse every time I switch it on."
CLEAN_DRAFT = ("Thanks for letting us know your kettle from order KT-20931 trips the fuse. Please stop using it; "
               "I've started a replacement on that order and I'll email you the courier's collection slot.")
REWORDED = ("Thank you so much for reaching out about this! We have looked at order KT-20931 and, because your "
            "kettle keeps tripping the fuse, a replacement has been started and a collection slot will be emailed.")


def _rewrite(critique: list[dict[str, str]], draft: str = CLEAN_DRAFT):
    server = FakeOpenAI(answer_json(critique, REWORDED))
    try:
        coach = Coach(engine="openai", base_url=server.url, model="fake-model", timeout=2.0, budget=10.0)
        return coach.rewrite(draft, customer=CUSTOMER), server.calls
    finally:
        server.close()


def test_a_clean_draft_ships_unchanged_however_the_model_reworded_it():
    result, calls = _rewrite([])
    assert result.rewrite == CLEAN_DRAFT
    assert result.passed is True and not result.fallback and calls == 1


def test_a_suggestion_from_the_model_does_not_license_a_rewrite():
    result, _ = _rewrite([{"rule": "no-thanks", "quote": "", "why": "could thank more warmly"}])
    assert result.rewrite == CLEAN_DRAFT


def test_a_problem_only_the_model_saw_lets_its_rewrite_through():
    quote = "I'll email you the courier's collection slot"
    result, _ = _rewrite([{"rule": "vague-effort", "quote": quote, "why": "no time is given"}])
    assert result.rewrite == REWORDED and result.passed is True


def test_an_answer_that_only_reads_badly_is_re_asked_not_passed():
    garbled = ("Thank you for telling us your kettle from order KT-20931 trips the fuse. for a Please stop using it; "
               "I'll email you a returns label.")
    server = FakeOpenAI(answer_json([], garbled))
    try:
        coach = Coach(engine="openai", base_url=server.url, model="fake-model", timeout=2.0, budget=10.0)
        result = coach.rewrite("Sorry for the inconvenience. We will fix it today.", customer=CUSTOMER)
        re_ask = server.bodies[1]["messages"][-1]["content"] if server.calls > 1 else ""
    finally:
        server.close()
    assert result.rewrite != garbled and result.fallback
    assert "reads badly" in re_ask


def test_a_model_answer_that_never_names_the_problem_is_no_pass():
    # accepted by the guard (no error or warning), but the rules still doubt it: a person reads it first
    vague = "Thank you for contacting us. Your message has been passed to the relevant team, who will reply by email."
    server = FakeOpenAI(answer_json([], vague))
    try:
        coach = Coach(engine="openai", base_url=server.url, model="fake-model", timeout=2.0, budget=10.0)
        result = coach.rewrite("Sorry for the inconvenience. It will be fixed today, guaranteed.", customer=CUSTOMER)
    finally:
        server.close()
    assert result.rewrite == vague and not result.fallback
    assert result.passed is None and "no-acknowledgement" in [f.rule for f in result.findings_after]
