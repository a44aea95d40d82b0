"""What a new user runs into first: the async API, clear errors, the CLI's --version and closed streams."""

import asyncio
import subprocess
import sys

import pytest

import coach
from coach import (
    AsyncCoach,
    CheckResult,
    Coach,
    CoachError,
    EmptyDraftError,
    InputError,
    Policy,
    PolicyError,
    RewriteResult,
)
from coach._core.rules import RuleFileError, load_rules
from coach._engines.base import EngineFailed


def test_async_coach_has_the_same_methods_as_coroutines():
    result = asyncio.run(AsyncCoach().check("Sorry."))
    assert isinstance(result, CheckResult) and not result.passed
    assert asyncio.run(AsyncCoach().critique("Sorry.")).engine == "offline"


def test_rewrite_many_yields_an_input_error_for_an_item_that_is_not_a_draft():
    results = asyncio.run(AsyncCoach().rewrite_many([42, {"draft": "Sorry."}]))
    assert isinstance(results[0], InputError) and "item 0 must be a draft (a string) or a mapping" in str(results[0])
    assert results[0].item_id == 0 and isinstance(results[1], RewriteResult) and results[1].id == 1


def test_a_bad_policy_value_is_a_policy_error_with_the_field():
    with pytest.raises(PolicyError, match="commitments"):
        Policy(commitments="x")
    with pytest.raises(PolicyError):
        Coach().check("Sorry.", policy={"severity": {"pity": "loud"}})


def test_the_api_falls_back_when_the_engine_says_it_failed(monkeypatch):
    class FailingEngine:
        def rewrite(self, draft, customer, policy):
            return EngineFailed("3 answers rejected", {"engine": "openai", "model": "m", "calls": 3})

    c = Coach(engine="openai", base_url="http://127.0.0.1:9/v1")
    monkeypatch.setattr(c, "_model", lambda asynchronous: FailingEngine())
    result = c.rewrite("Sorry for the inconvenience.")
    assert result.fallback and result.engine == "openai" and result.model == "m" and result.calls == 3
    assert result.error == "3 answers rejected" and result.rewrite == Coach().rewrite("Sorry for the inconvenience.").rewrite


def run_cli(*args, shell_suffix=""):
    command = " ".join([sys.executable, "-m", "coach", *(f"'{a}'" for a in args)]) + shell_suffix
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)


def test_coach_version_prints_the_version():
    done = run_cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"coach {coach.__version__}"


def test_a_closed_stdout_keeps_the_exit_code_and_prints_no_traceback():
    done = run_cli("check", "Sorry.", shell_suffix=" >&-")
    assert done.returncode == 1 and "Traceback" not in done.stderr and "Error" not in done.stderr


@pytest.mark.parametrize("option", [["--output", "/nonexistent/dir/x.json"], ["--output", "/tmp"],
                                    ["--report", "r.pdf"], ["--calibrate", "--output", "/nonexistent/x.json"]])
def test_eval_refuses_an_unusable_output_path_before_running(option):
    done = run_cli("eval", "--engine", "offline", *option)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "coach eval: error:" in done.stderr
    assert "overall" not in done.stdout  # the suite did not run


RULE = '''[pity]
severity = "warning"
kind = "phrases"
message = "m"
suggestion = "s"
patterns = ["unbelievable"]
'''


@pytest.mark.parametrize("change, needle", [
    (lambda t: t.replace('patterns = ["unbelievable"]\n', ""), "lacks key 'patterns'"),
    (lambda t: t + "pattern = 'x'\n", "unknown key(s) pattern"),
    (lambda t: t.replace('["unbelievable"]', "3"), "key 'patterns': expected a string or a list of strings"),
    (lambda t: t.replace('"unbelievable"', '"(unclosed"'), "bad pattern in 'patterns'"),
    (lambda t: t.replace('"phrases"', '"phrasez"'), "unknown kind 'phrasez'"),
    (lambda t: t.replace('"warning"', '"loud"'), "severity 'loud'"),
    (lambda t: t.replace("[pity]", "[pitty]"), "unknown rule id"),
    (lambda t: t.replace('["unbelievable"]', '{ same_as = "nope.patterns" }'), "same_as 'nope.patterns'"),
])
def test_a_bad_rules_file_fails_at_load_naming_the_rule_and_the_key(tmp_path, change, needle):
    (tmp_path / "team.toml").write_text(change(RULE))
    with pytest.raises(RuleFileError) as info:
        load_rules(tmp_path)
    assert needle in str(info.value) and isinstance(info.value, CoachError)


def test_the_shipped_rules_file_and_a_valid_team_file_load(tmp_path):
    (tmp_path / "team.toml").write_text(RULE)
    assert load_rules(tmp_path)["pity"].pattern("patterns").search("Unbelievable!")
    assert load_rules()["no-next-step"].pattern("not_steps").search("I'll try my best")  # borrowed via same_as


def test_a_too_long_draft_names_the_limit_that_applied():
    from coach._core.checker import validate_draft

    with pytest.raises(coach.DraftTooLongError, match="accepts at most 10$"):
        validate_draft("x" * 11, max_chars=10)


# --- rewrite_many for helpdesk bots (issue 20) -------------------------------------------------------------

BATCH = [{"id": "t-1", "draft": "Sorry for the trouble with order 100."}, "Thanks! Please DM us.", {"draft": ""}]


@pytest.mark.parametrize("sync", [True, False])
def test_rewrite_many_ids_strings_and_on_result_can_match(sync):
    seen: list = []
    if sync:
        results = Coach().rewrite_many(BATCH, concurrency=2, on_result=seen.append)
    else:
        results = asyncio.run(AsyncCoach().rewrite_many(BATCH, concurrency=2, on_result=seen.append))
    assert isinstance(results[0], RewriteResult) and results[0].id == "t-1" and "100" in results[0].rewrite
    assert isinstance(results[1], RewriteResult) and results[1].id == 1  # a plain string: its index
    assert isinstance(results[2], EmptyDraftError) and results[2].item_id == 2
    streamed = {getattr(r, "id", None) if isinstance(r, RewriteResult) else r.item_id for r in seen}
    assert streamed == {"t-1", 1, 2}  # every result that streamed in names its item


@pytest.mark.parametrize("sync", [True, False])
def test_rewrite_many_return_exceptions_false_raises_the_failure(sync):
    with pytest.raises(EmptyDraftError) as raised:
        if sync:
            Coach().rewrite_many(BATCH, return_exceptions=False)
        else:
            asyncio.run(AsyncCoach().rewrite_many(BATCH, return_exceptions=False))
    assert raised.value.item_id == 2


def test_a_single_rewrite_has_no_id_and_the_id_is_in_the_json():
    result = Coach().rewrite("Sorry for the trouble with order 100.")
    assert result.id is None and list(result.model_dump())[0] == "id"


def test_a_draft_in_another_language_is_not_sent_to_the_model_for_a_critique():
    """As for a rewrite: no call (nothing listens on port 9), and a result that does not read as a pass."""
    spanish = "Le prometo que su reembolso llegará mañana sin falta, no se preocupe."
    result = Coach(engine="openai", base_url="http://127.0.0.1:9/v1", model="m", api_key="none").critique(spanish)
    assert (result.calls, result.error, result.fallback) == (0, None, False)
    assert (result.passed, result.assessed, result.language, result.engine) == (None, False, "es", "openai")
