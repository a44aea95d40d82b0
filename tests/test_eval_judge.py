"""The LLM judge: structured verdicts, and every failure to answer reported as judge_error, never a fail."""

import json
from types import SimpleNamespace

import pytest

from coach._core.results import RewriteResult, Usage
from coach._eval.cases import EvalCase, Suite
from coach._eval.judge import Judge, JudgeVerdict, load_judge_prompt
from coach._eval.runner import RunOptions, run_suite

CASE = EvalCase(id="j", customer="My order 12 is late.", draft="Sorry for the inconvenience.", keep=[],
                reference="Thanks for telling us order 12 is late; I've asked the courier and will email you by 5pm.")
VERDICT = {"thanks": True, "restates_problem": True, "next_step": True, "within_policy": True, "calm": True,
           "keeps_facts": True, "verdict": "pass", "reason": "Specific and actionable."}


class FakeClient:
    """Quacks like ``openai.OpenAI``: ``chat.completions.create(**kw)``; replies or raises from a script."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.requests = []
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self._create))

    def _create(self, **kwargs):
        self.requests.append(kwargs)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, SimpleNamespace):
            return reply
        content = reply if isinstance(reply, str) or reply is None else json.dumps(reply)
        return response(content)


def response(content, finish_reason="stop", refusal=None, usage=(50, 10)):
    message = SimpleNamespace(content=content, refusal=refusal)
    return SimpleNamespace(
        choices=[SimpleNamespace(message=message, finish_reason=finish_reason)],
        usage=SimpleNamespace(prompt_tokens=usage[0], completion_tokens=usage[1], total_tokens=sum(usage)),
    )


def test_rubric_prompt_loads_with_a_hash():
    prompt = load_judge_prompt("judge.v1")
    assert prompt.id == "judge.v1" and len(prompt.sha256) == 64
    assert "restates_problem" in prompt.text


def test_a_passing_verdict_and_the_request_it_came_from():
    client = FakeClient(VERDICT)
    result, usage = Judge(client, "m")(CASE, "Thanks! I've emailed the courier about order 12.")
    assert result.passed is True and not result.error and result.reason == "Specific and actionable."
    assert usage == Usage(prompt_tokens=50, completion_tokens=10, total_tokens=60)
    request = client.requests[0]
    assert request["model"] == "m" and request["temperature"] == 0
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["schema"] == JudgeVerdict.json_schema()
    data = json.loads(request["messages"][1]["content"])  # the texts travel as data, not in the rubric
    assert data["customer_message"] == CASE.customer and data["reference_reply"] == CASE.reference


def test_llama_cpp_style_json_object_format():
    client = FakeClient(VERDICT)
    Judge(client, "m", response_format="json_object")(CASE, "x")
    assert client.requests[0]["response_format"] == {"type": "json_object", "schema": JudgeVerdict.json_schema()}


def test_a_failing_verdict_is_a_fail_with_the_missed_points():
    verdict = dict(VERDICT, verdict="fail", next_step=False, reason="No next step.")
    result, _ = Judge(FakeClient(verdict), "m")(CASE, "Thanks.")
    assert result.passed is False and not result.error and "missed: next step" in result.reason


def test_fenced_json_is_accepted():
    result, _ = Judge(FakeClient("```json\n" + json.dumps(VERDICT) + "\n```"), "m")(CASE, "x")
    assert result.passed is True


@pytest.mark.parametrize(
    ("reply", "needle"),
    [
        (ConnectionError("server down"), "request failed: ConnectionError"),
        (TimeoutError("slow"), "request failed: TimeoutError"),
        ("this is not json", "not a verdict"),
        ({"verdict": "pass"}, "not a verdict"),
        (dict(VERDICT, verdict="maybe"), "not a verdict"),
        (None, "empty answer"),
        ("", "empty answer"),
        (response(json.dumps(VERDICT)[:30], finish_reason="length"), "cut off"),
        (response(None, refusal="I can't grade this"), "refused"),
        (SimpleNamespace(choices=[]), "no message"),
        (dict(VERDICT, calm=False), "inconsistent verdict: says pass but misses calm"),
        (dict(VERDICT, verdict="fail"), "inconsistent verdict: says fail but misses nothing"),
    ],
)
def test_every_failure_to_answer_is_a_judge_error_never_a_fail(reply, needle):
    result, _ = Judge(FakeClient(reply), "m")(CASE, "x")
    assert result.passed is None and result.error is True
    assert result.reason.startswith("judge_error:") and needle in result.reason


def test_the_judge_needs_a_client_and_a_model():
    with pytest.raises(Exception, match="client and a model"):
        Judge(None, "m")


class EchoCoach:
    engine = "offline"

    def rewrite(self, draft, customer=None, policy=None):
        return RewriteResult(rewrite="Thanks for telling us order 12 is late. I've emailed the courier and will "
                                     "update you once they answer.", engine="offline", passed=True, usage=Usage(total_tokens=7),
                             calls=1)


def run_with(*replies, repeat=1, pass_k=None):
    suite = Suite(path="mem", sha256="0" * 64, cases=[CASE])
    judge = Judge(FakeClient(*replies), "judge-m")
    return run_suite(suite, EchoCoach(), RunOptions(repeat=repeat, pass_k=pass_k, judge=judge, price_per_1k=2.0))


def test_a_judge_error_does_not_fail_the_case():
    run = run_with(RuntimeError("boom"))
    case = run.cases[0]
    assert case.scores["judge"].passed is None and case.scores["judge"].error
    assert case.passed is True
    assert run.aggregates.scorers["judge"].errors == 1 and run.aggregates.scorers["judge"].failed == 0
    assert run.stamp.judge_model == "judge-m" and "judge" in run.stamp.scorers


def test_judge_tokens_are_counted_and_priced():
    run = run_with(VERDICT, repeat=2)
    costs = run.aggregates.costs
    assert costs.tokens.total_tokens == 14 and costs.judge_tokens.total_tokens == 120 and costs.calls == 2
    assert costs.cost == pytest.approx((14 + 120) / 1000 * 2.0)


def test_k_of_k_with_judge_errors():
    fail = dict(VERDICT, verdict="fail", thanks=False)
    # 3 attempts, need 2: pass, error, pass -> pass
    assert run_with(VERDICT, RuntimeError("x"), VERDICT, repeat=3).cases[0].scores["judge"].passed is True
    # pass, fail, error -> undecided: an error, never a fail
    undecided = run_with(VERDICT, fail, RuntimeError("x"), repeat=3).cases[0].scores["judge"]
    assert undecided.passed is None and undecided.error and "undecided" in undecided.reason
    # fail, fail, error -> fail (k can no longer be reached)
    assert run_with(fail, fail, RuntimeError("x"), repeat=3).cases[0].scores["judge"].passed is False
