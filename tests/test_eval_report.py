"""Reports that show what changed: every case with a draft -> rewrite diff, references, and the rewrites that changed."""

import re
from pathlib import Path

from test_eval_compare import ScriptedCoach

from coach._eval.cases import load_suite
from coach._eval.compare import compare_runs
from coach._eval.report import diff_html, html_report, markdown_report, terminal_comparison
from coach._eval.runner import run_suite

MINI = load_suite(Path(__file__).parent / "eval_data" / "mini.jsonl")


class Reworded(ScriptedCoach):
    """The reference answers, one of them reworded: its text changes, its verdict does not."""

    def rewrite(self, draft, customer=None, policy=None):
        result = super().rewrite(draft, customer, policy)
        if self.by_draft[draft][0] == "good":
            result = result.model_copy(update={"rewrite": result.rewrite.replace("Thank you", "Thanks")})
        return result


def test_diff_marks_removed_and_added_words_and_escapes_them():
    out = diff_html("Sorry for the <b>trouble</b>.", "Thanks for the <b>details</b>.")
    assert "<del>Sorry</del><ins>Thanks</ins>" in out
    assert "<del>&lt;b&gt;trouble&lt;/b&gt;.</del><ins>&lt;b&gt;details&lt;/b&gt;.</ins>" in out
    assert diff_html("same text", "same text") == "same text"
    assert "<ins>" in diff_html("", "new") and "<del>" in diff_html("old", "")


def test_the_html_report_lists_every_case_with_a_diff_and_its_reference():
    run = run_suite(MINI, ScriptedCoach(bland=("bland",)))
    page = html_report(run)
    for case in MINI.cases:
        assert f'id="case-{case.id}"' in page
    assert page.count('<details class="pass"') == 4 and page.count('<details class="fail" open') == 1
    assert not re.search(r'<details class="pass"[^>]* open', page)  # passing cases are collapsed
    assert page.count("Draft → rewrite") == 5 and "<del>" in page and "<ins>" in page
    assert page.count("Reference answer") == 5  # the suite file is there and unchanged
    assert not re.search(r"<(?:script|link)\b|src=\"http|href=\"http", page)


def test_references_are_left_out_when_the_suite_file_changed(tmp_path):
    suite_path = tmp_path / "mini.jsonl"
    suite_path.write_bytes((Path(__file__).parent / "eval_data" / "mini.jsonl").read_bytes())
    suite = load_suite(suite_path)
    run = run_suite(suite, ScriptedCoach(suite))
    assert "Reference answer" in html_report(run)
    suite_path.write_text(suite_path.read_text() + "\n// edited\n")
    assert "Reference answer" not in html_report(run)


def test_a_comparison_lists_the_rewrites_that_changed_not_only_the_flips():
    base, new = run_suite(MINI, ScriptedCoach()), run_suite(MINI, Reworded())
    cmp = compare_runs(base, new)
    assert not cmp.regressed and all(not d.pass_to_fail and not d.fail_to_pass for d in cmp.scorers)
    assert [c.id for c in cmp.changed] == ["good"]
    change = cmp.changed[0]
    assert change.baseline != change.candidate and change.baseline_passed and change.candidate_passed
    assert "rewrites changed: 1 (good)" in terminal_comparison(cmp)
    md = markdown_report(new, cmp)
    assert "### Rewrites that changed (1)" in md and "**good** (pass → pass)" in md
    page = html_report(new, cmp)
    assert "Rewrites that changed (1)" in page and "<del>Thank you</del><ins>Thanks</ins>" in page


def test_identical_runs_report_no_changed_rewrite():
    cmp = compare_runs(run_suite(MINI, ScriptedCoach()), run_suite(MINI, ScriptedCoach()))
    assert cmp.changed == [] and "rewrites changed" not in terminal_comparison(cmp)
    assert "Every paired case has the same rewrite" in markdown_report(run_suite(MINI, ScriptedCoach()), cmp)
