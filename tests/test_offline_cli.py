"""`coach rewrite` with the offline engine: exit 0 for a rewrite that passes the guard, 1 for one that does not,
3 for one that holds lines the coach wrote itself (``review``), which a person reads before it is sent."""

import json

from cli_runner import run

PROMISE = "I'll definitely have this fixed by Friday 14 June."
# Fixed by a cut alone: every line left is the agent's own.
CUT = ("Thanks for telling us about the double charge on order #4417. I have refunded the second payment of £12.99 "
       "today; it shows on your card in 3-5 days. I can't believe we did that.")
# A banned phrase that holds a fact: taking it out loses the fact, keeping it keeps the banned phrase.
UNFIXABLE = "Your order #4417 ships on Friday. Please DM us if it is late."


def test_a_promise_fixed_in_the_coachs_own_words_exits_3_and_names_the_lines_to_read(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, ["rewrite", PROMISE, "--engine", "offline", "--format", "json"])
    data = json.loads(out)
    assert code == 3 and data["passed"] is None and data["review"]
    assert all(line in data["rewrite"] and line not in PROMISE for line in data["review"])
    assert "broken-promise" not in {f["rule"] for f in data["findings_after"]} and "Friday 14 June" in data["rewrite"]
    code, out, err = run(capsys, monkeypatch, ["rewrite", PROMISE, "--engine", "offline"])
    assert code == 3 and out.strip() == data["rewrite"] and "READ FIRST" in err and data["review"][-1] in err


def test_a_fix_by_cuts_alone_passes_and_exits_0(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, ["rewrite", CUT, "--engine", "offline", "--format", "json"])
    data = json.loads(out)
    assert code == 0 and data["passed"] is True and data["review"] == []
    assert "believe" not in data["rewrite"] and "£12.99" in data["rewrite"] and "READ FIRST" not in err


def test_a_rewrite_that_still_fails_the_guard_exits_1_and_says_why(tmp_path, capsys, monkeypatch):
    policy = tmp_path / "team.toml"
    policy.write_text('banned_phrases = ["order #4417"]\n', encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["rewrite", UNFIXABLE, "--engine", "offline", "--policy", str(policy),
                                             "--format", "json"])
    data = json.loads(out)
    assert code == 1 and data["passed"] is False
    assert "Your order #4417 ships on Friday." in data["rewrite"]  # not garbled, and the fact is kept
    assert "banned-phrase" in {f["rule"] for f in data["findings_after"]}


def test_a_banned_phrase_is_taken_out_and_exits_0(tmp_path, capsys, monkeypatch):
    # was: the banned phrase stayed in the rewrite (banned-phrase still flagged), and the exit code was 0
    policy = tmp_path / "team.toml"
    policy.write_text('banned_phrases = ["valued customer"]\n', encoding="utf-8")
    draft = "Thank you for being a valued customer. Please DM us your order number."
    code, out, err = run(capsys, monkeypatch, ["rewrite", draft, "--engine", "offline", "--policy", str(policy)])
    assert code == 0 and "valued customer" not in out.lower() and "Please DM us your order number." in out


def test_a_batch_counts_the_rewrites_that_still_fail(tmp_path, capsys, monkeypatch):
    lines = [{"id": "ok", "draft": PROMISE}, {"id": "bad", "draft": UNFIXABLE, "policy": []}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    policy = tmp_path / "team.toml"
    policy.write_text('banned_phrases = ["order #4417"]\n', encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, ["rewrite", "--jsonl", str(path), "--engine", "offline",
                                               "--policy", str(policy)])
    results = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert results["ok"]["passed"] is None and results["ok"]["review"] and results["bad"]["passed"] is False
    assert code == 1 and "1 of 2 rewrite(s) still fail the guard" in err


def test_a_batch_of_passing_rewrites_exits_0(tmp_path, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["rewrite", "--jsonl", "-", "--engine", "offline"],
                       stdin=json.dumps({"id": 1, "draft": CUT}).encode())
    assert code == 0 and json.loads(out)["passed"] is True


def test_a_good_draft_comes_back_byte_identical_on_stdout(capsys, monkeypatch):
    draft = "Hi Brad, we saw that you mentioned us. Were you able to get the problem resolved? Thank you. ^nw"
    code, out, _ = run(capsys, monkeypatch, ["rewrite", draft, "--engine", "offline"])
    assert code == 0 and out == draft + "\n"
