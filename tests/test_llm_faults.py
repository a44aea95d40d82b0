"""The openai engine against a real local HTTP server that misbehaves on purpose.

Every fault ends in a guarded rewrite or a typed error, the draft is never lost, and the number of HTTP
calls is bounded and asserted.
"""

from __future__ import annotations

import json
import time

import pytest
from fake_openai import (
    answer,
    answer_json,
    drop,
    hang,
    refuse_any_format,
    refuse_json_schema,
    status,
)
from llm_cases import (
    CUSTOMER,
    DRAFT,
    GOOD_CRITIQUE,
    GOOD_REWRITE,
    PROMISING_REWRITE,
    has_broken_promise,
    passes_guard,
)

from coach import Coach, ModelRequestError, RewriteResult
from coach._core.policy import Policy
from coach._engines.offline.engine import rewrite_offline

pytestmark = pytest.mark.usefixtures("fast_backoff")

GOOD = answer_json(GOOD_CRITIQUE, GOOD_REWRITE)


def coach_for(server, **options) -> Coach:
    options = {"timeout": 2.0, "budget": 10.0, **options}
    return Coach(engine="openai", base_url=server.url, model="fake-model", **options)


def rewrite(server, **options) -> RewriteResult:
    return coach_for(server, **options).rewrite(DRAFT, customer=CUSTOMER)


def assert_model_rewrite(result: RewriteResult) -> None:
    assert result.engine == "openai" and not result.fallback and result.passed
    assert result.rewrite == GOOD_REWRITE
    assert passes_guard(result.rewrite, DRAFT, CUSTOMER)


def assert_fallback(result: RewriteResult) -> None:
    """The offline engine's rewrite, marked as a fallback, and never a broken promise."""
    assert result.engine == "openai" and result.fallback
    assert result.rewrite == rewrite_offline(DRAFT, CUSTOMER, Policy()).rewrite
    assert result.error
    assert not has_broken_promise(result.rewrite, CUSTOMER)


def feedback(server, call: int) -> str:
    """The re-ask message the coach sent on HTTP call number ``call`` (1-based)."""
    return server.bodies[call - 1]["messages"][-1]["content"]


# --- the common case ------------------------------------------------------------------------------------


def test_one_call_per_rewrite_in_the_common_case(serve):
    server = serve(GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == result.calls == 1 and result.attempts == 1
    assert result.usage.prompt_tokens == 100 and result.usage.completion_tokens == 40
    assert result.prompt_id == "rewrite.v1" and len(result.prompt_hash) == 16
    assert [(f.rule, f.quote, f.start) for f in result.model_findings] == [
        ("bland-apology", "Sorry for the inconvenience.", 0), ("vague-effort", "I'll see what I can do", 29)]
    assert result.timing is not None and result.timing.http_s <= result.timing.total_s
    body = server.bodies[0]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert body["temperature"] == 0 and body["max_tokens"] == 1024


def test_structured_output_falls_back_to_json_object_once_per_client(serve):
    server = serve(refuse_json_schema(GOOD))
    coach = coach_for(server)
    first = coach.rewrite(DRAFT, customer=CUSTOMER)
    assert_model_rewrite(first)
    assert server.calls == first.calls == 2
    assert server.bodies[1]["response_format"]["type"] == "json_object"
    assert server.bodies[1]["response_format"]["schema"]["required"] == ["critique", "rewrite"]
    second = coach.rewrite(DRAFT, customer=CUSTOMER)  # remembered: straight to json_object
    assert second.calls == 1 and server.calls == 3
    assert server.bodies[2]["response_format"]["type"] == "json_object"


def test_plain_json_in_text_when_the_server_supports_no_response_format(serve):
    fenced = "Here you go:\n```json\n" + json.dumps({"critique": [], "rewrite": GOOD_REWRITE}) + "\n```"
    server = serve(refuse_any_format(answer(fenced)))
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == 3
    assert "response_format" not in server.bodies[2]


# --- transport faults -----------------------------------------------------------------------------------


def test_429_waits_for_retry_after_then_succeeds(serve):
    server = serve(status(429, "slow down", {"Retry-After": "1"}), GOOD)
    started = time.monotonic()
    result = rewrite(server)
    assert_model_rewrite(result)
    assert time.monotonic() - started >= 1.0
    assert server.calls == result.calls == 2 and result.attempts == 1
    assert result.timing.wait_s == pytest.approx(1.0)


def test_429_asking_for_longer_than_the_budget_fails_at_once(serve):
    server = serve(status(429, "quota", {"Retry-After": "30"}))
    started = time.monotonic()
    with pytest.raises(ModelRequestError) as caught:
        rewrite(server, budget=5.0)
    assert caught.value.status == 429 and caught.value.retryable
    assert server.calls == 1 and time.monotonic() - started < 2


def test_500_then_success(serve):
    server = serve(status(500, "boom"), GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == result.calls == 2


def test_persistent_500_gives_up_after_three_calls(serve):
    server = serve(status(503, "overloaded"))
    with pytest.raises(ModelRequestError) as caught:
        rewrite(server)
    assert caught.value.status == 503
    assert "gave up after 3 call(s)" in str(caught.value)
    assert server.calls == 3


def test_a_hang_past_the_timeout_is_retried(serve):
    server = serve(hang(1.5), GOOD)
    started = time.monotonic()
    result = rewrite(server, timeout=0.3)
    assert_model_rewrite(result)
    assert server.calls == result.calls == 2
    assert time.monotonic() - started < 1.5


def test_a_server_that_always_hangs_ends_in_a_typed_error(serve):
    server = serve(hang(1.5))
    with pytest.raises(ModelRequestError) as caught:
        rewrite(server, timeout=0.3)
    assert "did not answer within 0.3 s" in str(caught.value)
    assert server.calls == 3


def test_the_total_budget_bounds_retries(serve):
    server = serve(hang(1.5))
    started = time.monotonic()
    with pytest.raises(ModelRequestError):
        rewrite(server, timeout=0.4, budget=0.6)
    assert time.monotonic() - started < 1.5
    assert server.calls == 2  # the second try only gets what is left of the budget


def test_a_dropped_connection_is_retried(serve):
    server = serve(drop(), GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == result.calls == 2


@pytest.mark.parametrize("code", [400, 401, 403, 404, 422])
def test_client_errors_fail_at_once_with_a_typed_error(serve, code):
    server = serve(status(code, "nope"))
    with pytest.raises(ModelRequestError) as caught:
        rewrite(server)
    assert caught.value.status == code and not caught.value.retryable
    assert server.calls == 1


# --- answers that cannot be shipped ---------------------------------------------------------------------


def test_invalid_json_is_re_asked_with_the_error_then_falls_back(serve):
    server = serve(answer("{not json"), answer("{still not json"), answer("{not json either"))
    result = rewrite(server)
    assert_fallback(result)
    assert server.calls == result.calls == result.attempts == 3
    assert "not valid JSON" in feedback(server, 2)
    assert server.bodies[1]["messages"][-2] == {"role": "assistant", "content": "{not json"}
    assert len(server.bodies[2]["messages"]) == 4  # the opening two, the last answer, the feedback


def test_a_raw_line_break_inside_the_rewrite_is_still_the_json_asked_for(serve):
    """Small models copy a multi-line draft's line breaks into the JSON string as they are: no re-ask."""
    multi_line = GOOD_REWRITE.replace(". ", ".\n", 1)
    server = serve(answer('{"critique": [], "rewrite": "' + multi_line + '"}'))
    result = rewrite(server)
    assert not result.fallback and result.rewrite == multi_line and server.calls == 1


def test_an_answer_that_is_not_the_object_asked_for_is_re_asked(serve):
    server = serve(answer(json.dumps({"critique": [{"rule": "rudeness", "quote": "", "why": "x"}], "rewrite": 5})),
                   GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == result.calls == result.attempts == 2
    assert "rewrite: Input should be a valid string" in feedback(server, 2)
    assert "rudeness" not in feedback(server, 2)  # a bad critique item is dropped, not worth a re-ask


def test_a_critique_item_quoting_words_not_in_the_draft_is_dropped_not_re_asked(serve):
    """Strict on the rewrite, lenient on the critique: the answer ships, without the made-up finding."""
    made_up = [{"rule": "pity", "quote": "I feel terrible about this", "why": "pity"},
               {"rule": "rudeness", "quote": "", "why": "not a rule"}, "not an item"]
    server = serve(answer_json([*GOOD_CRITIQUE, *made_up], GOOD_REWRITE))
    result = rewrite(server)
    assert_model_rewrite(result)
    assert result.attempts == 1 and server.calls == 1
    assert result.dropped_findings == 3
    assert [f.rule for f in result.model_findings] == ["bland-apology", "vague-effort"]


def test_dropped_findings_are_counted_when_the_rewrite_falls_back(serve):
    made_up = [{"rule": "pity", "quote": "I feel terrible about this", "why": "pity"}]
    server = serve(answer_json(made_up, PROMISING_REWRITE))
    result = rewrite(server)
    assert_fallback(result)
    assert result.dropped_findings == 1 and result.model_findings == []


def test_the_guard_reasons_reach_the_re_ask(serve):
    """Each new guard check is sent back in words the model can act on."""
    draft, customer = "Sorry for the inconvenience with order #4417.", "My order #4417 arrived with a cracked screen."
    as_customer = "Thank you for telling us my order #4417 arrived with a cracked screen. I'm checking with the courier."
    deadline = ("Thank you for telling us order #4417 arrived cracked. I've asked the courier about it, and the "
                "replacement goes out by end of day.")
    other_language = "Gracias por avisarnos del pedido #4417. Estoy revisando el envío con el transportista hoy."
    server = serve(answer_json([], as_customer), answer_json([], deadline), answer_json([], other_language))
    result = coach_for(server).rewrite(draft, customer=customer)
    assert result.fallback and result.calls == 3
    assert '"my order #4417 arrived with a cracked screen"' in feedback(server, 2)
    assert 'the customer\'s "my" becomes "your"' in feedback(server, 2)
    assert 'remove the time "end of day"' in feedback(server, 3)
    assert "the draft is in English but the rewrite is not" in result.error


def test_empty_content_is_re_asked(serve):
    server = serve(answer(""), answer(None), GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == result.attempts == 3
    assert "the answer was empty" in feedback(server, 2)


def test_an_answer_cut_off_at_the_token_limit_is_re_asked(serve):
    truncated = json.dumps({"critique": [], "rewrite": GOOD_REWRITE})
    server = serve(answer(truncated, finish_reason="length"), GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert server.calls == 2
    assert "cut off" in feedback(server, 2)


def test_a_rewrite_that_promises_is_never_shipped(serve):
    other = answer_json(GOOD_CRITIQUE, PROMISING_REWRITE.replace("today", "by Friday"))
    server = serve(answer_json(GOOD_CRITIQUE, PROMISING_REWRITE), other, answer_json(GOOD_CRITIQUE, PROMISING_REWRITE))
    result = rewrite(server)
    assert_fallback(result)
    assert "I promise" not in result.rewrite
    assert server.calls == result.calls == result.attempts == 3
    assert "broken-promise" in feedback(server, 2) and "broken-promise" in result.error
    assert [f.rule for f in result.model_findings] == ["bland-apology", "vague-effort"]


def test_an_answer_repeated_word_for_word_is_not_asked_a_third_time(serve):
    """At temperature 0 the same messages get the same answer: an identical third ask would be wasted."""
    server = serve(answer_json(GOOD_CRITIQUE, PROMISING_REWRITE))
    result = rewrite(server)
    assert_fallback(result)
    assert server.calls == result.calls == result.attempts == 2
    assert server.bodies[1]["messages"][-2]["content"] == json.dumps({"critique": GOOD_CRITIQUE,
                                                                      "rewrite": PROMISING_REWRITE})


def test_a_promise_then_a_good_answer_ships_the_good_one(serve):
    server = serve(answer_json(GOOD_CRITIQUE, PROMISING_REWRITE), GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert result.attempts == 2


def test_a_rewrite_that_drops_or_invents_facts_is_rejected(serve):
    dropped = GOOD_REWRITE.replace("order #4417", "your order")
    invented = GOOD_REWRITE + " Call us on 555-010-9999."
    server = serve(answer_json([], dropped), answer_json([], invented), GOOD)
    result = rewrite(server)
    assert_model_rewrite(result)
    assert "#4417" in feedback(server, 2)
    assert "555-010-9999" in feedback(server, 3)


def test_max_attempts_bounds_the_re_asks(serve):
    server = serve(answer("nonsense"))
    result = rewrite(server, max_attempts=1)
    assert_fallback(result)
    assert server.calls == 1


def test_policy_commitments_are_allowed_and_sent(serve):
    policy = Policy(commitments=["refunds are issued within 5-7 business days"])
    within = (GOOD_REWRITE + " If you prefer a refund, it will be issued within 5-7 business days.")
    server = serve(answer_json([], within))
    result = coach_for(server).rewrite(DRAFT, customer=CUSTOMER, policy=policy)
    assert not result.fallback and result.rewrite == within
    assert "- refunds are issued within 5-7 business days" in server.bodies[0]["messages"][1]["content"]


def test_the_structured_output_mode_is_remembered_per_injected_client(serve):
    import openai

    server = serve(refuse_json_schema(GOOD))
    client = openai.OpenAI(api_key="test", base_url=server.url)
    Coach(client=client, model="fake-model").rewrite(DRAFT, customer=CUSTOMER)
    Coach(client=client, model="fake-model").rewrite(DRAFT, customer=CUSTOMER)
    assert [b["response_format"]["type"] for b in server.bodies] == ["json_schema", "json_object", "json_object"]
