"""`coach eval` end to end: exit codes (0 ok, 1 regression, 2 crash/usage), results JSON, reports, calibration."""

import json
import re
from pathlib import Path

import pytest
from test_eval_compare import ScriptedCoach

from coach._cli.main import main
from coach._eval import api as eval_api
from coach._eval.calibrate import load_calibration
from coach._eval.cases import load_suite
from coach._eval.results import load_run
from coach._eval.runner import run_suite

MINI = Path(__file__).parent / "eval_data" / "mini.jsonl"


@pytest.fixture
def runs(tmp_path):
    """A good run and one where two cases got a bland apology, saved as results files."""
    suite = load_suite(MINI)
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    run_suite(suite, ScriptedCoach(suite)).save(good)
    run_suite(suite, ScriptedCoach(suite, bland=("promise", "bland"))).save(bad)
    return good, bad


def test_offline_run_writes_stamped_results(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["eval", "--engine", "offline", "--suite", str(MINI), "--output", str(out), "-q"]) == 0
    run = load_run(out)
    stamp = run.stamp
    assert stamp.engine == "offline" and stamp.cases == 5 and len(stamp.suite_sha256) == 64
    assert stamp.rules_sha256 and stamp.coach_version and stamp.started_at
    assert stamp.prompt_id is None and stamp.model is None  # the offline engine has neither
    assert set(run.aggregates.scorers) == set(stamp.scorers)
    assert all(len(c.attempts) == 1 and c.attempts[0].rewrite for c in run.cases)
    text = capsys.readouterr().out
    assert "overall" in text and "facts-kept" in text and "tag" in text


def test_gate_exit_codes(runs, capsys):
    good, bad = runs
    assert main(["eval", "--from-results", str(good), "--baseline", str(good)]) == 0
    assert main(["eval", "--from-results", str(bad), "--baseline", str(good)]) == 1
    captured = capsys.readouterr()
    assert "REGRESSED" in captured.out and "pass→fail: promise, bland" in captured.out
    assert "REGRESSION beyond --max-drop" in captured.err
    # restates-problem: -50 pp on 4 paired
    assert main(["eval", "--from-results", str(bad), "--baseline", str(good), "--max-drop", "50"]) == 0
    assert main(["eval", "--from-results", str(bad), "--baseline", str(good), "--max-drop", "49"]) == 1
    assert main(["eval", "--from-results", str(good), "--baseline", str(bad)]) == 0  # an improvement
    assert main(["eval", "--from-results", str(bad), "--baseline", str(good), "--alpha", "0.05"]) == 0


def test_a_crashing_rewrite_is_exit_2_and_still_written(tmp_path, monkeypatch, capsys):
    class Crashing:
        engine = "offline"

        def rewrite(self, draft, customer=None, policy=None):
            raise RuntimeError("engine bug")

    monkeypatch.setattr(eval_api, "make_coach", lambda **kw: Crashing())
    out = tmp_path / "r.json"
    assert main(["eval", "--engine", "offline", "--suite", str(MINI), "--output", str(out), "-q"]) == 2
    run = load_run(out)
    assert run.aggregates.costs.crashed == 5 and not any(c.passed for c in run.cases)
    assert "engine bug" in run.cases[0].attempts[0].error
    assert "crashed" in capsys.readouterr().err


def test_an_unexpected_exception_is_exit_2_never_1(monkeypatch, runs):
    good, _ = runs

    def boom(*a, **k):
        raise KeyError("surprise")

    monkeypatch.setattr("coach._cli.eval.compare_runs", boom)
    assert main(["eval", "--from-results", str(good), "--baseline", str(good)]) == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["--suite", "nope.jsonl"],
        ["--from-results", "nope.json"],
        ["--baseline", "nope.json", "--suite", str(MINI), "--engine", "offline"],
        ["--replay", "--record", "--engine", "openai"],
        ["--replay", "--engine", "offline"],
        ["--compare", "a", "b", "--engine", "offline"],
        ["--max-drop", "nosuch=3", "--suite", str(MINI), "--engine", "offline"],
        ["--max-drop", "lots", "--suite", str(MINI), "--engine", "offline"],
        ["--judge", "--engine", "offline", "--suite", str(MINI)],
        ["--calibrate", "--judge", "--judge-model", "m"],
        ["--case", "nope", "--suite", str(MINI), "--engine", "offline"],
        ["--repeat", "0", "--suite", str(MINI), "--engine", "offline"],
        ["--repeat", "2", "--pass-k", "3", "--suite", str(MINI), "--engine", "offline"],
    ],
)
def test_usage_errors_are_exit_2(argv, capsys):
    assert main(["eval", *argv]) == 2
    assert "coach eval: error:" in capsys.readouterr().err


def test_argparse_errors_are_exit_2():
    with pytest.raises(SystemExit) as info:
        main(["eval", "--engine", "magic"])
    assert info.value.code == 2


def test_not_a_results_file_is_exit_2(tmp_path):
    bogus = tmp_path / "x.json"
    bogus.write_text('{"hello": 1}')
    assert main(["eval", "--from-results", str(bogus)]) == 2


def test_reports_markdown_and_self_contained_html(tmp_path, runs):
    good, bad = runs
    md, page = tmp_path / "report.md", tmp_path / "report.html"
    code = main(["eval", "--from-results", str(bad), "--baseline", str(good), "--report", str(md), "--report", str(page)])
    assert code == 1
    text = md.read_text()
    assert "## Summary" in text and "## Per tag" in text and "### Flips" in text and "### promise" in text
    html = page.read_text()
    assert html.startswith("<!doctype html>") and "</html>" in html
    assert not re.search(r"<(?:script|link)\b|src=\"http|href=\"http", html)  # nothing to fetch
    assert "<mark class=\"warning\"" in html and "bland-apology" in html
    assert 'href="#case-promise"' in html and 'id="case-promise"' in html
    assert "McNemar" in html and "REGRESSED" in html


def test_html_escapes_the_texts(tmp_path):
    suite = tmp_path / "s.jsonl"
    suite.write_text(json.dumps({"id": "x<y", "customer": "<script>alert(1)</script> my order 7 broke",
                                 "draft": "Sorry for the inconvenience <b>now</b>.", "tags": ["bland-apology"]}) + "\n")
    page = tmp_path / "r.html"

    class Same:
        engine = "offline"

        def rewrite(self, draft, customer=None, policy=None):
            from coach._core.results import RewriteResult
            return RewriteResult(rewrite=draft, engine="offline", passed=False)

    from coach._eval.report import write_report

    write_report(page, run_suite(load_suite(suite), Same()))
    html = page.read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html and "x&lt;y" in html


def test_calibration_and_its_gate(tmp_path, capsys):
    out = tmp_path / "cal.json"
    assert main(["eval", "--calibrate", "--suite", str(MINI), "--output", str(out)]) == 0
    text = capsys.readouterr().out
    assert "precision" in text and "recall" in text and "broken-promise" in text
    cal = load_calibration(out)
    assert cal.stamp.labelled == 4 and cal.stamp.unlabelled == 1
    bp = cal.rules["broken-promise"]
    assert (bp.tp, bp.fp, bp.fn) == (1, 0, 0) and bp.precision == 1.0 and bp.recall == 1.0
    assert main(["eval", "--calibrate", "--suite", str(MINI), "--baseline", str(out)]) == 0
    # a baseline whose checker matched the labels exactly: today's extra findings are new false positives
    perfect = json.loads(out.read_text())
    perfect["predictions"] = dict(perfect["labels"])
    better = tmp_path / "better.json"
    better.write_text(json.dumps(perfect))
    capsys.readouterr()
    code = main(["eval", "--calibrate", "--suite", str(MINI), "--baseline", str(better)])
    now = load_calibration(out)
    has_fp = any(score.fp for score in now.rules.values())
    assert code == (1 if has_fp else 0)
    if has_fp:
        assert "new false positives" in capsys.readouterr().out


def test_calibrate_needs_labels(tmp_path):
    suite = tmp_path / "s.jsonl"
    suite.write_text(json.dumps({"id": "a", "draft": "Hello."}) + "\n")
    assert main(["eval", "--calibrate", "--suite", str(suite)]) == 2


def test_eval_is_listed_in_coach_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "eval" in capsys.readouterr().out


def test_a_missing_model_configuration_stops_at_once(monkeypatch, tmp_path, capsys):
    from coach import ModelConfigError

    calls = []

    class Unconfigured:
        engine = "openai"

        def rewrite(self, draft, customer=None, policy=None):
            calls.append(draft)
            raise ModelConfigError("no model configured")

    monkeypatch.setattr(eval_api, "make_coach", lambda **kw: Unconfigured())
    out = tmp_path / "r.json"
    assert main(["eval", "--engine", "openai", "--suite", str(MINI), "--output", str(out), "-q"]) == 2
    assert len(calls) == 1 and not out.exists()
    assert "no model configured" in capsys.readouterr().err


def test_sample_and_tag_filters(tmp_path):
    out = tmp_path / "r.json"
    assert main(["eval", "--engine", "offline", "--suite", str(MINI), "--sample", "2", "--output", str(out), "-q"]) == 0
    assert load_run(out).stamp.cases == 2
    assert main(["eval", "--engine", "offline", "--suite", str(MINI), "--tag", "injection", "--output", str(out), "-q"]) == 0
    assert [c.id for c in load_run(out).cases] == ["inject"]


def test_compare_two_prompts_on_the_same_cases(monkeypatch, tmp_path, capsys):
    suite = load_suite(MINI)

    class PromptCoach(ScriptedCoach):
        engine = "openai"

        def rewrite(self, draft, customer=None, policy=None):
            return super().rewrite(draft, customer, policy).model_copy(update={"engine": "openai", "model": "m"})

    def make(**kw):  # prompt "old" answers well; "new" gives one case a bland apology
        return PromptCoach(suite, bland=("bland",) if kw["prompt"] == "new" else ())

    monkeypatch.setattr(eval_api, "make_coach", make)
    out = tmp_path / "cmp.json"
    assert main(["eval", "--engine", "openai", "--suite", str(MINI), "--compare", "old", "new",
                 "--output", str(out), "-q"]) == 1
    text = capsys.readouterr().out
    assert "compare: new vs old" in text and "guard pass→fail: bland" in text
    assert load_run(out).cases[2].passed is False
    assert load_run(tmp_path / "cmp.old.json").cases[2].passed is True
    assert main(["eval", "--engine", "openai", "--suite", str(MINI), "--compare", "new", "old", "-q"]) == 0
