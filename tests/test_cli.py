"""The command line: JSON shapes, exit codes, batches and bad input."""

import io
import json
import subprocess
import sys

import pytest
from cli_runner import run

from coach._cli.main import main

BAD = "Sorry for the inconvenience. I promise it will be fixed today."
GOOD = "Thanks for flagging the cracked screen on order #4417. I've sent a replacement and emailed you the tracking link."


def test_check_json_shape_and_exit_code(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", BAD, "--format", "json"])
    data = json.loads(out)
    assert code == 1 and data["passed"] is False
    assert set(data) == {"findings", "passed", "assessed", "language"}  # assessed: false for a non-English reply
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "start", "end", "quote", "message", "suggestion"}
    assert {"bland-apology", "broken-promise"} <= {f["rule"] for f in data["findings"]}


def test_check_passes_with_exit_zero(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", GOOD, "--format", "json"])
    assert code == 0 and json.loads(out)["passed"] is True


def test_fail_on_threshold(capsys, monkeypatch):
    draft = "Please DM us your order number."  # only a no-thanks suggestion
    assert run(capsys, monkeypatch, ["check", draft])[0] == 0
    assert run(capsys, monkeypatch, ["check", draft, "--fail-on", "suggestion"])[0] == 1
    assert run(capsys, monkeypatch, ["check", BAD, "--fail-on", "error"])[0] == 1


def test_check_text_output_is_readable(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", BAD])
    assert "broken-promise" in out and "fails the guard" in out and "\x1b[" not in out  # no colour off a terminal


def test_draft_from_stdin_and_dash(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["check", "--format", "json"], stdin=BAD.encode())
    assert code == 1 and json.loads(out)["findings"]
    code, out, _ = run(capsys, monkeypatch, ["check", "-", "--format", "json"], stdin=GOOD.encode())
    assert code == 0


def test_rewrite_json_shape(capsys, monkeypatch):
    code, out, err = run(
        capsys, monkeypatch,
        ["rewrite", BAD, "--customer", "My order #4417 arrived cracked.", "--format", "json", "--engine", "offline"],
    )
    data = json.loads(out)
    assert code == 3  # the offline engine wrote lines of its own: listed in "review", no verdict until read
    assert {"rewrite", "engine", "model", "passed", "findings_before", "findings_after", "attempts", "fallback",
            "error", "review"} <= set(data)
    assert data["engine"] == "offline" and data["passed"] is None and data["review"] and "#4417" in data["rewrite"]
    assert "engine offline" in err


def test_rewrite_text_prints_only_the_rewrite_on_stdout(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, ["rewrite", BAD, "--engine", "offline"])
    assert code == 3 and "promise" not in out.lower() and out.strip()
    assert "fixed:" in err


def test_customer_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "customer.txt"
    path.write_text("The blender I bought leaks from the base.", encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["check", "Thanks! Please DM us.", "--customer-file", str(path),
                                             "--format", "json"])
    assert "no-acknowledgement" in {f["rule"] for f in json.loads(out)["findings"]}


def test_policy_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "policy.toml"
    path.write_text('commitments = ["Refunds are issued within 5-7 business days"]\n', encoding="utf-8")
    draft = "Thanks for your patience. Your refund will be issued within 5-7 business days."
    assert run(capsys, monkeypatch, ["check", draft])[0] == 1
    assert run(capsys, monkeypatch, ["check", draft, "--policy", str(path)])[0] == 0


def test_batch_keeps_order_ids_and_survives_bad_lines(capsys, monkeypatch):
    lines = [
        json.dumps({"id": "a", "draft": BAD}),
        "this is not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "draft": "   "}),
        json.dumps({"id": 7, "draft": "Your refund will be issued within 5-7 business days. Thanks!",
                    "policy": ["Refunds are issued within 5-7 business days"]}),
    ]
    code, out, _ = run(capsys, monkeypatch, ["check", "--jsonl", "-"], stdin="\n".join(lines).encode())
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", None, "b", "c", 7]
    assert "error" in results[1] and "line 2" in results[1]["error"]
    assert "draft" in results[2]["error"] and "empty" in results[3]["error"]
    assert results[4]["passed"] is True and results[0]["passed"] is False
    assert code == 2  # some lines could not be coached: an input error outranks findings


def test_rewrite_batch_with_jobs(tmp_path, capsys, monkeypatch):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "draft": f"Sorry for the trouble with order {i}00."})
                              for i in range(1, 9)), encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["rewrite", "--jsonl", str(path), "-j", "3", "--engine", "offline"])
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == list(range(1, 9))
    assert all(f"{r['id']}00" in r["rewrite"] for r in results)


@pytest.mark.parametrize("argv, stdin, message", [
    (["check", "   "], None, "empty"),
    (["check"], b"\xff\xfe not utf-8", "not valid UTF-8"),
    (["check", "x", "--policy", "/nonexistent/policy.toml"], None, "not found"),
    (["check", "x", "--customer", "a", "--customer-file", "b"], None, "not both"),
    (["check", "--jsonl", "/nonexistent.jsonl"], None, "not found"),
])
def test_usage_errors_exit_2(capsys, monkeypatch, argv, stdin, message):
    code, out, err = run(capsys, monkeypatch, argv, stdin=stdin)
    assert code == 2 and message in err and err.startswith("coach: error:")


def test_argparse_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "yaml", "x"])
    assert exc.value.code == 2


def test_very_long_draft_is_refused_clearly(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, ["check"], stdin=b"a" * 300_000)
    assert code == 2 and "at most 200,000" in err


def test_module_entry_point_runs_as_a_process():
    proc = subprocess.run([sys.executable, "-m", "coach", "check", "--format", "json", BAD],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and json.loads(proc.stdout)["passed"] is False


def test_batch_line_with_invalid_utf8_is_an_error_object(capsys, monkeypatch):
    stdin = b'{"id": 1, "draft": "Thanks! Please DM us."}\n{"id": 2, "draft": "\xff"}\n{"id": 3, "draft": "Thanks!"}\n'
    code, out, _ = run(capsys, monkeypatch, ["check", "--jsonl", "-"], stdin=stdin)
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in results] == [1, None, 3]
    assert "not valid UTF-8" in results[1]["error"]


def test_batch_reads_its_input_as_it_goes(tmp_path, capsys, monkeypatch):
    """Results come out for the first lines before the rest is read: the batch streams, memory stays flat."""
    from coach._cli import batch as _batch

    consumed = []

    def lines():
        for i in range(3):
            consumed.append(i)
            yield json.dumps({"id": i, "draft": "Thanks! Please DM us."}).encode()

    seen_at_output = []

    class Out(io.StringIO):
        def write(self, text):
            seen_at_output.append(len(consumed))
            return super().write(text)

    summary = _batch.run_batch(lines(), lambda item: {"ok": True}, Out())
    assert summary.items == 3 and summary.errors == 0
    assert seen_at_output == [1, 2, 3]


def test_unexpected_errors_exit_2_with_one_line(capsys, monkeypatch):
    import coach._cli.main as cli

    monkeypatch.setattr(cli, "_run", lambda args: 1 / 0)
    code, _, err = run(capsys, monkeypatch, ["check", "x"])
    assert code == 2 and err.startswith("coach: crashed: ZeroDivisionError")


def test_checker_negation_stays_in_its_clause():
    from coach import Coach

    for draft in ["Not a problem at all, I promise we'll make this right.", "It's not your fault, I promise you that."]:
        assert "broken-promise" in {f.rule for f in Coach().check(draft).findings}



def test_rewrite_batch_of_good_lines_exits_0_even_with_error_fields(tmp_path, capsys, monkeypatch):
    path = tmp_path / "in.jsonl"
    draft = "Thanks for flagging it: I've refunded the £12.99. I feel terrible about it."  # fixed by a cut alone
    path.write_text(json.dumps({"id": 1, "draft": draft}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["rewrite", "--jsonl", str(path), "--engine", "offline"])
    assert code == 0 and json.loads(out)["error"] is None
