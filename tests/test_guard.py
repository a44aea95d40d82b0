"""One guard: what "a rewrite passes" means for the offline engine, the openai engine and the eval."""

from offline_verdict import vouched

from coach import Coach, Policy
from coach._core.guard import guard
from coach._eval.cases import EvalCase
from coach._eval.scorers import score_rewrite

DRAFT = "Sorry for the inconvenience. Order #4417 ships on March 3."
GOOD = "Thanks for your patience with order #4417. It ships on March 3, and I'll send you the tracking link then."


def test_a_clean_rewrite_that_keeps_the_facts_passes():
    verdict = guard(DRAFT, GOOD, None, Policy())
    assert verdict.passed and not verdict.missing and not verdict.invented and not verdict.blocking


def test_a_lost_fact_an_invented_fact_or_a_blocking_finding_each_fail():
    assert guard(DRAFT, GOOD.replace("#4417", "your order"), None, Policy()).missing == ["#4417"]
    invented = guard(DRAFT, GOOD + " Call 555-010-2000.", None, Policy())
    assert not invented.passed and invented.invented == ["555-010-2000"]
    promise = guard(DRAFT, GOOD + " I promise it will arrive on time.", None, Policy())
    assert not promise.passed and [f.rule for f in promise.blocking] == ["broken-promise"]
    assert not guard(DRAFT, "   ", None, Policy()).passed  # an empty rewrite cannot be checked


def test_a_banned_phrase_of_the_policy_fails_the_guard():
    policy = Policy(banned_phrases=["ships on"])
    assert [f.rule for f in guard(DRAFT, GOOD, None, policy).blocking] == ["banned-phrase"]


def test_the_offline_engine_and_the_eval_scorer_agree_with_the_guard():
    result = Coach().rewrite(DRAFT)
    assert result.passed == vouched(guard(DRAFT, result.rewrite, None, Policy()), result)
    case = EvalCase(id="c", draft=DRAFT)
    for rewrite in (GOOD, GOOD.replace("#4417", "your order"), GOOD + " I promise it will arrive on time."):
        scores, _ = score_rewrite(case, rewrite, ("guard",))
        assert scores[0].passed == guard(DRAFT, rewrite, None, Policy()).passed
