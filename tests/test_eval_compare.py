"""Compare two runs: paired rates, flips, McNemar, and the gate's threshold."""

from pathlib import Path

import pytest

from coach._core.results import RewriteResult
from coach._eval.cases import load_suite
from coach._eval.compare import Thresholds, compare_runs, parse_max_drop
from coach._eval.runner import RunOptions, run_suite

MINI = load_suite(Path(__file__).parent / "eval_data" / "mini.jsonl")
BLAND = "Sorry for the inconvenience."


class ScriptedCoach:
    """Answers each case with its reference, except the ids in ``bland`` (a bland apology)."""

    engine = "offline"

    def __init__(self, suite=MINI, bland=()):
        self.by_draft = {c.draft: (c.id, c.reference) for c in suite.cases}
        self.bland = set(bland)

    def rewrite(self, draft, customer=None, policy=None):
        case_id, reference = self.by_draft[draft]
        text = BLAND if case_id in self.bland else reference
        return RewriteResult(rewrite=text, engine="offline", passed=True)


def run(bland=(), **options):
    return run_suite(MINI, ScriptedCoach(bland=bland), RunOptions(**options))


def delta(cmp, name):
    return next(d for d in cmp.scorers if d.name == name)


def test_identical_runs_do_not_regress():
    base = run()
    cmp = compare_runs(base, run())
    assert not cmp.regressed and not cmp.warnings
    overall = delta(cmp, "overall")
    assert overall.paired == 5 and overall.delta_pp == 0 and overall.p_value == 1.0


def test_flips_rates_and_the_gate():
    base, new = run(), run(bland=("promise", "bland"))
    cmp = compare_runs(base, new)
    guard = delta(cmp, "guard")
    assert guard.pass_to_fail == ["promise", "bland"] and guard.fail_to_pass == []
    assert guard.base_rate == 1.0 and guard.new_rate == pytest.approx(0.6) and guard.delta_pp == pytest.approx(-40)
    assert guard.p_value == pytest.approx(0.5)  # b=2, c=0
    assert guard.regressed
    assert {d.name for d in cmp.regressed} >= {"overall", "guard", "next-step"}
    # and the other way round it is an improvement, not a regression
    back = compare_runs(new, base)
    assert delta(back, "guard").fail_to_pass == ["promise", "bland"] and not back.regressed


def test_thresholds_and_alpha():
    base, new = run(), run(bland=("bland",))  # -20 pp on the scorers it breaks
    assert compare_runs(base, new, thresholds=Thresholds(default=25)).regressed == []
    assert compare_runs(base, new, thresholds=Thresholds(default=19.9)).regressed
    per = Thresholds(default=25, per_scorer={"guard": 0})
    assert [d.name for d in compare_runs(base, new, thresholds=per).regressed] == ["guard"]
    # one flip is never significant: with alpha the gate waits for evidence
    assert compare_runs(base, new, alpha=0.05).regressed == []


def test_not_applicable_scores_are_not_paired():
    cmp = compare_runs(run(), run())
    assert delta(cmp, "not-over-edited").paired == 1  # only the good draft
    assert delta(cmp, "injection").paired == 1


def test_different_suites_pair_by_id_and_warn():
    small = MINI.select(ids=["promise", "good"]).model_copy(update={"sha256": "f" * 64})
    base = run_suite(small, ScriptedCoach())
    cmp = compare_runs(base, run(bland=("bland",)))
    assert delta(cmp, "overall").paired == 2
    assert cmp.only_in_candidate == ["bland", "inject", "unlabelled"]
    assert any("suites differ" in w for w in cmp.warnings)
    assert not cmp.regressed  # 'bland' is unpaired


def test_parse_max_drop():
    t = parse_max_drop(["2", "guard=5.5"])
    assert t.default == 2 and t.for_scorer("guard") == 5.5 and t.for_scorer("length") == 2
    assert parse_max_drop(None).default == 0.0
    for bad in (["x"], ["-1"], ["guard=101"]):
        with pytest.raises(ValueError):
            parse_max_drop(bad)


def test_k_of_k_passes_by_majority():
    class Flaky(ScriptedCoach):
        calls = 0

        def rewrite(self, draft, customer=None, policy=None):
            Flaky.calls += 1
            result = super().rewrite(draft, customer, policy)
            if self.by_draft[draft][0] == "bland" and Flaky.calls % 3 == 0:
                result = result.model_copy(update={"rewrite": BLAND})
            return result

    result = run_suite(MINI, Flaky(), RunOptions(repeat=3))  # jobs=1: calls in order
    case = next(c for c in result.cases if c.id == "bland")
    assert len(case.attempts) == 3 and sum(a.passed for a in case.attempts) == 2
    assert case.passed and case.scores["guard"].passed and "2/3 attempts passed, need 2" in case.scores["guard"].reason
    strict = run_suite(MINI, Flaky(), RunOptions(repeat=3, pass_k=3))
    assert not next(c for c in strict.cases if c.id == "bland").passed
    with pytest.raises(ValueError, match="--pass-k"):
        RunOptions(repeat=2, pass_k=3).validated()


def test_parallel_runs_keep_case_order_and_results():
    serial, parallel = run(bland=("good",)), run(bland=("good",), jobs=4, repeat=2)
    assert [c.id for c in parallel.cases] == [c.id for c in serial.cases]
    assert [c.passed for c in parallel.cases] == [c.passed for c in serial.cases]
    assert parallel.aggregates.costs.attempts == 10



def test_runs_with_no_case_in_common_cannot_be_compared(tmp_path):
    import json as _json

    from coach import InputError, run_eval

    mini = Path(__file__).parent / "eval_data" / "mini.jsonl"
    renamed = tmp_path / "renamed.jsonl"
    cases = [_json.loads(line) for line in mini.read_text(encoding="utf-8").splitlines() if line.strip()]
    renamed.write_text("".join(_json.dumps({**c, "id": "other-" + c["id"]}) + "\n" for c in cases), encoding="utf-8")
    with pytest.raises(InputError, match="no case of this run is in the baseline"):
        compare_runs(run_eval(mini), run_eval(renamed))
