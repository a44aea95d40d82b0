"""Rewrites through the OpenAI Batch API, against a local fake of the files and batches endpoints
(tests/fake_batches.py): the same requests and guard as the per-draft path, re-asks in follow-up batches,
faults with their exit codes, and a resumed run that pays once."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from fake_batches import FakeBatchServer
from fake_openai import completion

from coach import BatchStateError, Coach, ModelConfigError
from coach._cli.main import main

FAST = ["--poll-interval", "0.01"]


def draft(n: int) -> str:
    return f"Sorry for the inconvenience with order #{n}."


def good(n: int) -> str:
    return f"Thank you for telling us about order #{n}. I'm checking with the warehouse now and I'll email you the options."


def bad(n: int, k: int) -> str:
    """A rewrite that breaks a promise; ``k`` makes each one differ, so the re-asks do not stop as repeats."""
    return f"Thank you for telling us about order #{n}. I promise you will get a full refund today{'!' * k}."


class Script:
    """Answers each draft (by its order number) with its next step: "good", "bad", or an HTTP status."""

    def __init__(self, plan: dict[int, list[str | int]] | None = None):
        self.plan = plan or {}
        self.seen: Counter[int] = Counter()

    def __call__(self, body: dict) -> tuple[int, dict]:
        n = int(re.search(r"#(\d+)", body["messages"][1]["content"].split("<draft>")[1]).group(1))
        k = self.seen[n]
        self.seen[n] += 1
        steps = self.plan.get(n, ["good"])
        step = steps[min(k, len(steps) - 1)]
        if isinstance(step, int):
            return step, {"error": {"message": f"status {step} for order {n}", "type": "error"}}
        rewrite = good(n) if step == "good" else bad(n, k)
        return 200, completion(json.dumps({"critique": [], "rewrite": rewrite}))

    def step(self, handler, body) -> None:
        """The same answers as a step of tests/fake_openai.py (the per-draft path's fake server)."""
        code, payload = self(body)
        handler.send_json(code, payload)


@pytest.fixture
def batches():
    servers = []

    def start(script, **options):
        server = FakeBatchServer(script, **options)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def rewrite_cli(capsys, server, jsonl: Path, *extra: str) -> tuple[int, list[dict], str]:
    code = main(["rewrite", "--jsonl", str(jsonl), "--batch-api", "--engine", "openai", "--base-url", server.url,
                 "--model", "fake-model", *FAST, *extra])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def lines_of(upload: bytes) -> list[dict]:
    return [json.loads(line) for line in upload.decode().splitlines()]


# --- the same requests, answers and guard as the per-draft path ---------------------------------------


def test_batch_lines_are_the_per_draft_requests_and_reasks(serve, batches):
    script = {1: ["bad", "good"]}
    per_draft = serve(Script(script).step)
    result = Coach(engine="openai", base_url=per_draft.url, model="fake-model").rewrite(draft(1))
    assert result.passed and result.attempts == 2 and per_draft.calls == 2

    server = batches(Script(script))
    run = Coach(engine="openai", base_url=server.url, model="fake-model").rewrite_batch(
        [{"id": "a", "draft": draft(1)}], poll_interval=0.01)
    first, second = (lines_of(upload) for upload in server.uploads)
    assert [line["custom_id"] for line in first + second] == ["a", "a"]
    assert {(line["method"], line["url"]) for line in first + second} == {("POST", "/v1/chat/completions")}
    # Byte for byte the per-draft requests: the prompt, the schema, the model options, and the re-ask's feedback.
    assert first[0]["body"] == per_draft.bodies[0]
    assert second[0]["body"] == per_draft.bodies[1]
    assert "Your answer cannot be used yet" in second[0]["body"]["messages"][-1]["content"]
    assert run.results[0].rewrite == result.rewrite == good(1)
    assert run.results[0].attempts == 2 and run.results[0].calls == 2 and not run.results[0].fallback


def test_reasks_up_to_the_limit_then_the_offline_fallback_in_input_order(tmp_path, capsys, batches):
    server = batches(Script({2: ["bad", "good"], 3: ["bad"], 4: [400]}))
    items = [{"id": n, "draft": draft(n)} for n in (1, 2, 3, 4)]
    items.insert(2, {"id": "de", "draft": "Es tut uns leid, dass Ihre Bestellung beschädigt angekommen ist. "
                                          "Wir schicken Ihnen einen Ersatz."})
    code, out, err = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", items), "--price-per-1k", "0.5")
    assert [line["id"] for line in out] == [1, 2, "de", 3, 4]
    one, two, german, three, four = out
    assert one["passed"] and one["attempts"] == 1 and one["rewrite"] == good(1)
    assert two["passed"] and two["attempts"] == 2 and two["rewrite"] == good(2)
    assert german["assessed"] is False and german["calls"] == 0  # never sent, returned unchanged
    assert three["fallback"] is True and three["attempts"] == 3 and "promise" not in three["rewrite"]
    assert "3 model answer(s) rejected" in three["error"] and three["passed"] is (
        False if three["findings_after"] else None if three["review"] else True)
    assert four["kind"] == "line" and four["status"] == 400 and "status 400 for order 4" in four["error"]
    # Three batches: everything, then the two re-asks, then draft 3's last chance (the limit is 3 answers).
    assert [len(lines_of(u)) for u in server.uploads] == [4, 2, 1]
    assert "4 draft(s)" not in err and "5 draft(s): 1 accepted first time, 2 re-asked (1 then accepted), " \
        "1 fell back to the offline rewrite, 1 not assessed, 1 error(s)" in err
    tokens = 140 * 6  # six answers of 100 prompt + 40 completion tokens (the fake's usage)
    assert "3 batch(es), 7 request(s)" in err and f"tokens {tokens} " in err
    assert f"cost {tokens / 1000 * 0.5 / 2:.4f} at the Batch API's half price" in err
    assert f"one request at a time: {tokens / 1000 * 0.5:.4f}" in err
    assert code == 4  # an error line is a batch fault


def test_an_error_line_with_a_5xx_is_sent_again_then_given_up(tmp_path, capsys, batches):
    server = batches(Script({1: [500, "good"], 2: [503]}))
    code, out, _ = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "draft": draft(1)}, {"id": 2, "draft": draft(2)}]))
    assert out[0]["passed"] and out[0]["rewrite"] == good(1) and out[0]["attempts"] == 1 and out[0]["calls"] == 2
    assert out[1]["kind"] == "line" and out[1]["status"] == 503
    assert [len(lines_of(u)) for u in server.uploads] == [2, 2, 1]  # three tries for draft 2, as per draft
    assert code == 4


# --- faults -------------------------------------------------------------------------------------------


def test_a_batch_that_expires_part_way_answers_every_id(tmp_path, capsys, batches):
    server = batches(Script(), plan=[("expire", 2)])
    items = [{"id": f"t{n}", "draft": draft(n)} for n in range(1, 5)]
    code, out, err = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", items))
    assert [line["id"] for line in out] == ["t1", "t2", "t3", "t4"]
    assert [line.get("passed") for line in out[:2]] == [True, True]
    for line in out[2:]:
        assert line["kind"] == "expired" and "batch_expired" in line["error"] and "rewrite" not in line
    assert "faults: expired 2" in err and code == 4


def test_a_failed_batch_gives_every_id_an_error_object(tmp_path, capsys, batches):
    server = batches(Script(), plan=["fail"])
    code, out, err = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "draft": draft(1)}, {"id": 2, "draft": draft(2)}, {"draft": "no id"}]))
    assert [line["id"] for line in out] == [1, 2, None]
    assert out[0]["kind"] == out[1]["kind"] == "failed"
    assert "batch batch_1 failed: invalid_request: The input file could not be read." in out[0]["error"]
    assert "line 3" in out[2]["error"]
    assert code == 4


def test_a_missing_output_file(tmp_path, capsys, batches):
    server = batches(Script(), plan=["no-output"])
    code, out, _ = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}]))
    assert out == [{"id": 1, "kind": "missing-output", "status": 404,
                    "error": "the batch's output file batch_1-output is missing on the server (404)"}]
    assert code == 4


def test_a_429_on_upload_is_retried_after_retry_after(tmp_path, capsys, batches):
    server = batches(Script(), upload_refusals=1)
    code, out, _ = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}]))
    assert code == 0 and out[0]["passed"]
    assert [r for r in server.requests if r == ("POST", "/v1/files")] == [("POST", "/v1/files")] * 2


def test_an_upload_refused_for_good_is_exit_4_and_the_same_command_tries_again(tmp_path, capsys, batches):
    server = batches(Script(), upload_refusals=3)
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}, {"id": 2, "draft": draft(2)}])
    code, out, err = rewrite_cli(capsys, server, jsonl)
    assert code == 5 and not server.batches
    assert [line["kind"] for line in out] == ["refused", "refused"]
    assert "rate limited (429)" in out[0]["error"] and "gave up after 3 tries" in out[0]["error"]
    code, out, _ = rewrite_cli(capsys, server, jsonl)  # the refusals are over
    assert code == 0 and [line["passed"] for line in out] == [True, True]


def test_duplicate_ids_and_the_offline_engine(tmp_path, capsys, batches):
    server = batches(Script())
    code, out, _ = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "draft": draft(1)}, {"id": "1", "draft": draft(2)}]))
    assert out[0]["passed"] and "given twice" in out[1]["error"] and code == 2
    with pytest.raises(ModelConfigError, match="needs the openai engine"):
        Coach().rewrite_batch([{"draft": draft(1)}])


# --- resume -------------------------------------------------------------------------------------------


def test_an_interrupted_run_resumes_the_same_batch(tmp_path, capsys, batches):
    server = batches(Script({2: ["bad", "good"]}), plan=["hold", "ok"])
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": n, "draft": draft(n)} for n in (1, 2, 3)])
    state = tmp_path / "run.state.json"
    code, out, err = rewrite_cli(capsys, server, jsonl, "--state", str(state), "--max-wait", "0.2")
    assert code == 6 and out == [] and "batch_1 is still in_progress" in err and "resume" in err
    recorded = json.loads(state.read_text())
    assert [r["batch_id"] for r in recorded["rounds"]] == ["batch_1"] and recorded["model"] == "fake-model"

    assert main(["batch", "status", str(state)]) == 0
    assert "round 1  batch_1  in_progress" in capsys.readouterr().out

    server.release()  # the batch finishes while nobody waits
    code, out, err = rewrite_cli(capsys, server, jsonl, "--state", str(state))
    assert code == 0 and [line["id"] for line in out] == [1, 2, 3] and all(line["passed"] for line in out)
    assert len(server.uploads) == 2 and list(server.batches) == ["batch_1", "batch_2"]  # one batch per round, once
    assert "1 re-asked" in err

    again, _, _ = rewrite_cli(capsys, server, jsonl, "--state", str(state))  # done: reads the same batches again
    assert again == 0 and len(server.uploads) == 2 and len(server.batches) == 2


def test_a_state_file_for_other_requests_is_refused(tmp_path, capsys, batches):
    server = batches(Script())
    state = tmp_path / "s.json"
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "draft": draft(1)}])
    assert rewrite_cli(capsys, server, first, "--state", str(state))[0] == 0
    other = write_jsonl(tmp_path / "b.jsonl", [{"id": 1, "draft": draft(9)}])
    code, out, err = rewrite_cli(capsys, server, other, "--state", str(state))
    assert code == 2 and out == [] and "records batch batch_1 for other requests" in err
    with pytest.raises(BatchStateError):
        Coach(engine="openai", base_url=server.url, model="fake-model").rewrite_batch(
            [{"draft": draft(9)}], state=state, poll_interval=0.01)


def test_the_default_state_file_sits_next_to_the_input(tmp_path, capsys, batches):
    server = batches(Script())
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}])
    code, _, err = rewrite_cli(capsys, server, jsonl)
    assert code == 0 and (tmp_path / "in.jsonl.batch-state.json").is_file() and "in.jsonl.batch-state.json" in err


def test_batch_cancel(tmp_path, capsys, batches):
    server = batches(Script(), plan=["hold"])
    state = tmp_path / "s.json"
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}])
    assert rewrite_cli(capsys, server, jsonl, "--state", str(state), "--max-wait", "0.1")[0] == 6
    assert main(["batch", "cancel", str(state), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "cancelling"
    assert main(["batch", "status", str(state)]) == 0
    assert "batch_1  cancelled" in capsys.readouterr().out
    code, out, _ = rewrite_cli(capsys, server, jsonl, "--state", str(state))
    assert code == 4 and out[0]["kind"] == "cancelled"
    assert main(["batch", "status", str(tmp_path / "none.json")]) == 2
    assert "batch state file not found" in capsys.readouterr().err


def test_no_key_reaches_the_state_file_or_the_output(tmp_path, capsys, batches, monkeypatch):
    key = "sk-test-0123456789abcdef"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    server = batches(Script({1: [401]}), plan=["ok"])
    state = tmp_path / "s.json"
    code, out, err = rewrite_cli(capsys, server, write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}]),
                                 "--state", str(state))
    assert server.headers[0]["authorization"] == f"Bearer {key}"  # the key went to the server, and only there
    assert key not in state.read_text() and key not in json.dumps(out) and key not in err
    assert code == 4


# --- coach eval --batch-api ---------------------------------------------------------------------------


MINI = Path(__file__).parent / "eval_data" / "mini.jsonl"


def test_eval_batch_api_scores_the_same_rewrites_as_the_per_draft_eval(tmp_path, capsys, serve, batches):
    from fake_openai import answer_json

    reply = "Thanks for getting in touch. I'll check your case and reply here with what I find."
    per_draft = serve(answer_json([], reply))
    server = batches(lambda body: (200, completion(json.dumps({"critique": [], "rewrite": reply}))))
    runs = {}
    for name, extra in (("per-draft", ["--base-url", per_draft.url]),
                        ("batch", ["--batch-api", "--base-url", server.url, *FAST, "--state", str(tmp_path / "s.json")])):
        out = tmp_path / f"{name}.json"
        code = main(["eval", "--engine", "openai", "--model", "fake-model", "--suite", str(MINI), "-q",
                     "--output", str(out), *extra])
        assert code == 0, name
        runs[name] = json.loads(out.read_text())
    err = capsys.readouterr().err
    batch, single = runs["batch"], runs["per-draft"]
    assert batch["stamp"]["engine"] == "openai" and batch["stamp"]["prompt_id"] == "rewrite.v1"
    assert len(lines_of(server.uploads[0])) == batch["stamp"]["cases"] == 5
    pick = ("rewrite", "passed", "fallback", "calls", "tokens")
    assert [{k: c["attempts"][0][k] for k in pick} for c in batch["cases"]] == \
        [{k: c["attempts"][0][k] for k in pick} for c in single["cases"]]
    assert batch["aggregates"]["scorers"] == single["aggregates"]["scorers"]
    assert "5 draft(s):" in err and "batch(es)" in err


def test_eval_batch_api_refuses_what_it_cannot_do(capsys):
    assert main(["eval", "--batch-api", "--repeat", "2", "--engine", "openai", "--model", "m"]) == 2
    assert "--batch-api runs one prompt" in capsys.readouterr().err


def test_batch_options_without_batch_api_and_a_batch_too_large(tmp_path, capsys, batches, monkeypatch):
    from coach._engines.openai.batch import rounds

    server = batches(Script())
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "draft": draft(1)}, {"id": 2, "draft": draft(2)}])
    assert main(["rewrite", "--jsonl", str(jsonl), "--state", str(tmp_path / "s.json"), "--engine", "openai",
                 "--base-url", server.url, "--model", "fake-model"]) == 2
    assert "go with --batch-api" in capsys.readouterr().err
    assert main(["eval", "--state", str(tmp_path / "s.json")]) == 2
    assert "go with --batch-api" in capsys.readouterr().err
    monkeypatch.setattr(rounds, "MAX_REQUESTS", 1)
    code, out, err = rewrite_cli(capsys, server, jsonl)
    assert code == 2 and out == [] and "one batch takes at most 1 requests" in err and not server.uploads


def test_stdin_has_no_default_state(capsys, monkeypatch, batches, tmp_path):
    import io
    import sys

    server = batches(Script())
    monkeypatch.chdir(tmp_path)
    stdin = json.dumps({"id": "x", "draft": draft(5)}).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(["rewrite", "--jsonl", "-", "--batch-api", "--engine", "openai", "--base-url", server.url,
                 "--model", "fake-model", *FAST])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["rewrite"] == good(5)
    assert "no --state: an interrupted run cannot resume" in err and list(tmp_path.iterdir()) == []


def test_a_batch_with_rewrites_to_read_first_exits_3_and_a_failing_one_still_exits_1():
    from coach._cli.batch_api import exit_code

    assert exit_code({}, failing=0, unassessed=2) == 3  # an offline fallback with review lines, or another language
    assert exit_code({}, failing=1, unassessed=2) == 1 and exit_code({}) == 0
