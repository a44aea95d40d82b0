"""The Python API: pydantic results, an explicit __all__, one exception tree, bad input."""

import asyncio

import pytest

import coach
from coach import AsyncCoach, CheckResult, Coach, CoachError, RewriteResult


def test_public_names_are_explicit_and_importable():
    assert set(coach.__all__) >= {"Coach", "AsyncCoach", "CheckResult", "RewriteResult", "Finding", "CoachError"}
    for name in coach.__all__:
        assert hasattr(coach, name)


def test_every_error_is_a_coach_error():
    for name in coach.__all__:
        obj = getattr(coach, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, CoachError)


def test_check_and_rewrite_return_pydantic_models_matching_the_json():
    c = Coach()
    result = c.check("Sorry for the inconvenience.")
    assert isinstance(result, CheckResult) and not result.passed
    assert CheckResult.model_validate_json(result.model_dump_json()) == result
    rewritten = c.rewrite("Sorry for the inconvenience.", customer="My parcel 1Z999 is late.")
    assert isinstance(rewritten, RewriteResult) and rewritten.engine == "offline"


def test_auto_engine_is_offline_without_configuration():
    assert Coach().engine == "offline"


def test_auto_engine_picks_openai_when_configured(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    assert Coach().engine == "openai"
    assert Coach(engine="offline").engine == "offline"


@pytest.mark.parametrize("draft, error", [
    ("", coach.EmptyDraftError), ("  \n\t", coach.EmptyDraftError), (None, coach.InputError),
    ("x" * 200_001, coach.DraftTooLongError),
])
def test_bad_drafts_raise_clear_errors(draft, error):
    with pytest.raises(error):
        Coach().check(draft)
    with pytest.raises(error):
        Coach().rewrite(draft)


def test_long_draft_is_checked():
    draft = ("Thanks for the details on order 4417. Sorry for the trouble. " * 1600)[:100_000]
    result = Coach().check(draft)
    assert sum(f.rule == "bland-apology" for f in result.findings) > 1000


def test_html_and_markdown_drafts_do_not_crash():
    for draft in ["<div><b>Sorry</b> for the <i>trouble</i><br/>Please DM us.</div>",
                  "# Update\n\n* **Sorry** for the wait\n* [Track it](https://example.com/t/1)",
                  "<script>alert(1)</script> Thanks!", "<<<>>> &amp;&lt;"]:
        Coach().check(draft)
        assert Coach().rewrite(draft).rewrite


def test_async_rewrite_many_keeps_order_and_isolates_failures():
    items = [{"draft": "Sorry for the trouble with order 100."}, {"draft": ""}, {"draft": "Thanks! Please DM us."}]
    results = asyncio.run(AsyncCoach().rewrite_many(items, concurrency=2))
    assert isinstance(results[0], RewriteResult) and "100" in results[0].rewrite
    assert isinstance(results[1], coach.EmptyDraftError)
    assert isinstance(results[2], RewriteResult)
