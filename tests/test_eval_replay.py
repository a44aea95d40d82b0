"""Record an eval's LLM calls into a vcrpy cassette and replay them: free, deterministic, loud on a change.

The model here is a tiny OpenAI-compatible HTTP server on 127.0.0.1 that answers the judge's requests;
the rewrites come from a scripted coach, so the test needs neither a model nor the openai engine.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("vcr")

from test_eval_compare import ScriptedCoach  # noqa: E402

from coach._eval.api import make_judge, run_eval  # noqa: E402
from coach._eval.cases import load_suite  # noqa: E402
from coach._eval.replay import ReplayMiss, cassette_path  # noqa: E402

MINI = load_suite(Path(__file__).parent / "eval_data" / "mini.jsonl")
VERDICT = {"thanks": True, "restates_problem": True, "next_step": True, "within_policy": True, "calm": True,
           "keeps_facts": True, "verdict": "pass", "reason": "ok"}


class _Handler(BaseHTTPRequestHandler):
    seen: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Handler.seen.append(body)
        case = json.loads(body["messages"][1]["content"])
        bland = "inconvenience" in case["rewritten_reply"]
        verdict = dict(VERDICT, verdict="fail" if bland else "pass", calm=not bland)
        payload = json.dumps({
            "id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": json.dumps(verdict)}}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.seen = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def evaluate(tmp_path, *, base_url=None, replay=False, record=False, rubric="judge.v1", bland=("bland",), jobs=1):
    judge = make_judge(model="judge-m", base_url=base_url, prompt=rubric, replay=replay)
    return run_eval(MINI, coach=ScriptedCoach(bland=bland), prompt="rewrite.v1", model="m", judge=judge,
                    replay=replay, record=record, cassette_dir=tmp_path, jobs=jobs)


def test_record_then_replay_without_a_server(tmp_path, server):
    recorded = evaluate(tmp_path, base_url=server, record=True, jobs=3)
    cassette = cassette_path(tmp_path, "rewrite.v1", "m", "judge-m")
    assert cassette.is_file() and len(_Handler.seen) == 5
    text = cassette.read_text()
    assert "authorization" not in text.lower()  # credentials never reach the cassette
    assert recorded.cases[2].scores["judge"].passed is False  # the bland rewrite
    assert recorded.aggregates.costs.judge_tokens.total_tokens == 600

    _Handler.seen = []
    replayed = evaluate(tmp_path, replay=True, jobs=3)  # no base_url: nothing is contacted
    assert _Handler.seen == []
    assert replayed.stamp.replay is True
    assert [c.scores["judge"].passed for c in replayed.cases] == [c.scores["judge"].passed for c in recorded.cases]
    assert replayed.aggregates.costs.judge_tokens == recorded.aggregates.costs.judge_tokens


def test_a_changed_request_fails_loudly(tmp_path, server):
    evaluate(tmp_path, base_url=server, record=True)
    with pytest.raises(ReplayMiss, match="not in .*re-record with --record"):
        evaluate(tmp_path, replay=True, bland=("bland", "promise"))  # a different rewrite -> a different body
    rubric = tmp_path / "judge.v2.md"
    rubric.write_text("Grade strictly. Answer with JSON.")
    with pytest.raises(ReplayMiss):
        evaluate(tmp_path, replay=True, rubric=str(rubric))


def test_replaying_without_a_cassette_says_how_to_record(tmp_path):
    with pytest.raises(ReplayMiss, match="record it first with --record"):
        evaluate(tmp_path, replay=True)
