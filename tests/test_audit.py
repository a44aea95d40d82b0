"""coach audit on one machine: formats, column mapping, bad input, the tally, resume, and the report's numbers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

pytest.importorskip("pyarrow", reason="coach audit needs the audit extra: pip install -e '.[audit]'")
pytest.importorskip("matplotlib", reason="coach audit needs the audit extra: pip install -e '.[audit]'")

import pyarrow.parquet as pq  # noqa: E402
from audit_data import REPLIES, rows, write_csv, write_jsonl, write_parquet  # noqa: E402
from cli_runner import run  # noqa: E402

from coach import Coach, Policy  # noqa: E402
from coach._audit import AuditInterrupted, Columns, audit_files, render_report  # noqa: E402
from coach._core.checker import MAX_DRAFT_CHARS  # noqa: E402


def expected_findings() -> list[dict]:
    """The findings file's rows, made from Coach.check reply by reply."""
    coach = Coach()
    out = []
    for reply_id, agent, team, time, customer, reply in REPLIES:
        if not reply.strip():
            continue
        for f in coach.check(reply, customer=customer).findings:
            out.append({"id": reply_id, "agent": agent, "team": team,
                        "time": datetime.fromisoformat(time).astimezone(UTC), "rule": f.rule, "severity": f.severity,
                        "start": f.start, "end": f.end, "quote": f.quote})
    return out


@pytest.mark.parametrize("writer", [write_jsonl, write_csv, write_parquet], ids=["jsonl", "csv", "parquet"])
def test_each_format_gives_the_checkers_findings_row_for_row(tmp_path, writer):
    source = writer(tmp_path / f"replies.{writer.__name__.removeprefix('write_')}")
    outcome = audit_files([source], tmp_path / "findings.parquet", jobs=2, chunk_size=4)
    found = pq.read_table(tmp_path / "findings.parquet").to_pylist()
    assert found == expected_findings()
    assert outcome.findings == len(found) > 0
    assert outcome.tally.replies == len(REPLIES)
    assert outcome.tally.not_assessed_count == 2  # the French reply and the blank one
    assert not (tmp_path / "findings.parquet.parts").exists()


def test_findings_as_jsonl_on_request(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl")
    audit_files([source], tmp_path / "findings.jsonl", jobs=1)
    lines = [json.loads(line) for line in (tmp_path / "findings.jsonl").read_text().splitlines()]
    expected = expected_findings()
    assert [(r["id"], r["rule"], r["start"]) for r in lines] == [(r["id"], r["rule"], r["start"]) for r in expected]
    assert lines[0]["time"] == "2026-09-07T10:00:00+00:00" and lines[0]["agent"] == "ana"


def test_the_tally_does_not_depend_on_chunks_or_workers(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl")
    one = audit_files([source], tmp_path / "a.parquet", jobs=1, chunk_size=100).tally
    many = audit_files([source], tmp_path / "b.parquet", jobs=2, chunk_size=1).tally
    assert one.model_dump() == many.model_dump()
    assert pq.read_table(tmp_path / "a.parquet").equals(pq.read_table(tmp_path / "b.parquet"))


def test_the_report_numbers_by_team_and_week(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl")
    tally = audit_files([source], tmp_path / "f.parquet", jobs=1).tally
    team_counts = {}
    for key, counts in tally.groups.items():
        team, _agent, _week = json.loads(key)
        for name, value in counts.items():
            team_counts.setdefault(team, {}).setdefault(name, 0)
            team_counts[team][name] += value
    coach = Coach()
    billing = [r for r in REPLIES if r[2] == "billing"]
    apologising = sum(any(f.rule == "bland-apology" for f in coach.check(r[5], customer=r[4]).findings) for r in billing)
    assert team_counts["billing"]["assessed"] == len(billing)
    assert team_counts["billing"]["bland-apology"] == apologising >= 3
    assert team_counts["shipping"]["replies"] == 4 and team_counts["shipping"]["assessed"] == 2
    html = render_report(tally)
    share = f"{apologising / len(billing):.1%}"
    assert f'<td data-value="{round(apologising / len(billing), 6)}">{share}</td>' in html
    assert "Week of 2026-09-14" in html and "against the week of 2026-09-07" in html
    assert '<mark class="finding' in html and "sorry for the inconvenience</q>" in html
    assert 'data-id="6"' in html and "language: fr" in html  # listed as not assessed


def test_column_mapping_and_policy(tmp_path, capsys, monkeypatch):
    names = {"reply": "body", "agent": "who", "team": "desk", "time": "sent", "id": "ticket", "customer": "asked"}
    source = write_csv(tmp_path / "replies.csv", rows(names))
    policy = tmp_path / "team.toml"
    policy.write_text('banned_phrases = ["sorted for you"]\n', encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, [
        "audit", str(source), "--report", str(tmp_path / "r.html"), "--findings", str(tmp_path / "f.parquet"),
        "--reply-column", "body", "--agent-column", "who", "--team-column", "desk", "--time-column", "sent",
        "--id-column", "ticket", "--customer-column", "asked", "--policy", str(policy), "-j", "1"])
    assert code == 0, err
    table = pq.read_table(tmp_path / "f.parquet").to_pylist()
    banned = [r for r in table if r["rule"] == "banned-phrase"]
    assert [(r["id"], r["agent"], r["team"]) for r in banned] == [("9", "ana", "billing")]
    assert "audited 9 replies" in err and (tmp_path / "r.html").is_file()


def test_a_missing_column_is_an_error_that_lists_the_files_columns(tmp_path, capsys, monkeypatch):
    source = write_jsonl(tmp_path / "replies.jsonl")
    code, _, err = run(capsys, monkeypatch, ["audit", str(source), "--reply-column", "text", "--report",
                                             str(tmp_path / "r.html"), "--findings", str(tmp_path / "f.parquet")])
    assert code == 2
    assert "no column 'text' (the file's columns: id, agent, team, time, customer, reply)" in err
    assert "no reply could be read" in err


def test_bad_input_is_counted_and_listed_and_never_stops_the_audit(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl")
    messy = tmp_path / "messy.jsonl"
    messy.write_text("\n".join([
        json.dumps(rows()[0]),
        '{"id": "broken", "reply": ',                                       # row 2: not JSON
        '["a", "list"]',                                                    # row 3: not an object
        json.dumps({"id": "long", "reply": "x" * (MAX_DRAFT_CHARS + 1)}),   # row 4: over the limit
        json.dumps({"id": "noreply", "agent": "ana"}),                      # row 5: no reply
        json.dumps({**rows()[0], "id": "late", "time": "next tuesday"}),    # row 6: checked, without a time
        json.dumps({"id": "num", "reply": 42}),                             # row 7: not text
    ]) + "\n", encoding="utf-8")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("id,reply\n1,Sorry for the inconvenience.\n2,too,many,fields\n", encoding="utf-8")
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"not parquet at all")
    outcome = audit_files([good, messy, tmp_path / "absent.jsonl", ragged, corrupt], tmp_path / "f.parquet", jobs=2,
                          chunk_size=3)
    tally = outcome.tally
    assert tally.problem_counts == {"malformed-row": 4, "too-long": 1, "missing-reply": 1, "bad-time": 1,
                                    "unreadable-file": 2}
    listed = {(p.source.rsplit("/", 1)[-1], p.row, p.kind) for p in tally.problems}
    assert {("messy.jsonl", 2, "malformed-row"), ("messy.jsonl", 3, "malformed-row"), ("messy.jsonl", 4, "too-long"),
            ("messy.jsonl", 5, "missing-reply"), ("messy.jsonl", 6, "bad-time"), ("messy.jsonl", 7, "malformed-row"),
            ("absent.jsonl", None, "unreadable-file"), ("ragged.csv", 2, "malformed-row"),
            ("corrupt.parquet", None, "unreadable-file")} == listed
    ids = set(pq.read_table(tmp_path / "f.parquet").column("id").to_pylist())
    assert {r["id"] for r in expected_findings()} | {"late"} <= ids  # every good row's findings are there
    html = render_report(tally)
    assert "messy.jsonl</td><td>4</td><td>long</td><td>too-long" in html
    assert "absent.jsonl</td><td>whole file" in html


def test_interrupted_audit_resumes_without_redoing_finished_chunks(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl", rows() * 4)  # 36 replies, 12 chunks of 3
    fresh = tmp_path / "fresh.parquet"
    whole = audit_files([source], fresh, jobs=2, chunk_size=3)
    target = tmp_path / "resumed.parquet"

    def stop_after_two(done: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(AuditInterrupted, match="--resume"):
        audit_files([source], target, jobs=2, chunk_size=3, on_chunk=stop_after_two)
    parts = tmp_path / "resumed.parquet.parts"
    finished = sorted(p.name for p in parts.glob("chunk-*.json"))
    assert len(finished) >= 2 and not target.exists()
    with pytest.raises(Exception, match="add --resume"):
        audit_files([source], target, jobs=2, chunk_size=3)
    with pytest.raises(Exception, match="other input or settings"):
        audit_files([source], target, jobs=2, chunk_size=4, resume=True)
    checked_now = []
    resumed = audit_files([source], target, jobs=2, chunk_size=3, resume=True, on_chunk=checked_now.append)
    assert resumed.chunks == whole.chunks == 12
    assert resumed.chunks_resumed == len(finished)
    assert len(checked_now) == 12 - len(finished)
    assert pq.read_table(target).equals(pq.read_table(fresh))
    assert resumed.tally.model_dump() == whole.tally.model_dump()
    assert not parts.exists()


def test_policy_severity_applies_as_in_check(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl")
    outcome = audit_files([source], tmp_path / "f.parquet", jobs=1, policy=Policy(severity={"bland-apology": None}))
    rules = set(pq.read_table(tmp_path / "f.parquet").column("rule").to_pylist())
    assert "bland-apology" not in rules and "broken-promise" in rules
    assert all("bland-apology" not in counts for counts in outcome.tally.groups.values())


def test_columns_named_by_the_user_must_exist_but_defaults_may_be_absent(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl", [{"reply": r[5]} for r in REPLIES])
    outcome = audit_files([source], tmp_path / "f.parquet", jobs=1)
    table = pq.read_table(tmp_path / "f.parquet").to_pylist()
    assert table[0]["id"] == "replies.jsonl:1" and table[0]["agent"] is None and table[0]["time"] is None
    assert outcome.tally.problem_counts == {}
    outcome = audit_files([source], tmp_path / "g.parquet", jobs=1, columns=Columns.from_options(agent="agent"))
    assert outcome.tally.problem_counts == {"missing-column": 1}
    assert "no column 'agent' (the file's columns: reply)" in outcome.tally.problems[0].message


def test_ctrl_c_then_resume_from_the_command_line(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    source = write_jsonl(tmp_path / "replies.jsonl", rows() * 400)  # 3,600 replies, 180 chunks of 20
    command = [sys.executable, "-m", "coach", "audit", str(source), "--report", str(tmp_path / "r.html"),
               "--findings", str(tmp_path / "f.parquet"), "-j", "1", "--chunk-size", "20"]
    parts = tmp_path / "f.parquet.parts"
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(parts.glob("chunk-*.json")) and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.01)
    first.send_signal(signal.SIGINT)
    _, err = first.communicate(timeout=60)
    assert first.returncode == 130, err
    assert "run the same command with --resume" in err
    done_before = len(list(parts.glob("chunk-*.json")))
    assert 1 <= done_before < 180 and not (tmp_path / "f.parquet").exists()

    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "add --resume" in again.stderr  # nothing is thrown away by accident

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done_before} chunk(s) resumed" in resumed.stderr and "audited 3,600 replies" in resumed.stderr
    fresh = audit_files([source], tmp_path / "fresh.parquet", jobs=2, chunk_size=20)
    assert pq.read_table(tmp_path / "f.parquet").equals(pq.read_table(tmp_path / "fresh.parquet"))
    assert fresh.findings == pq.read_table(tmp_path / "f.parquet").num_rows
