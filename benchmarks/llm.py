"""Part 3: the openai engine against the benchmark's own local server (``fake_server``), fixed delay.

The server answers each draft with a canned, valid structured answer: the checker's findings as the
critique and the offline engine's passing rewrite as the rewrite, so the guard accepts it and the figures
show the coach's own cost. Measured: model calls and tokens per rewrite (``RewriteResult.calls``/``usage``),
the coach's own time outside the HTTP call, and ``coach rewrite --jsonl -j N`` throughput for several N.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from statistics import mean, median
from typing import Any

from .common import Reply, console_script, latency_ms, run_measured
from .fake_server import MODEL, FakeOpenAI

_DRAFT_OPEN, _DRAFT_CLOSE = "<draft>\n", "\n</draft>"


class CannedAnswers:
    """Answer text per draft, looked up from the draft fenced in the prompt's first user message.

    Each answer is what a good model would say: the checker's findings as the critique, the offline
    engine's rewrite (same customer and policy) as the rewrite.
    """

    def __init__(self) -> None:
        self._answers: dict[str, str] = {}
        self.misses = 0

    def add(self, draft: str, customer: str | None, policy: Any = None) -> bool:
        """Add the answer for ``draft``; True when the guard will accept it (the offline rewrite passed)."""
        from coach._core.checker import check
        from coach._core.policy import Policy
        from coach._engines.offline.engine import rewrite_offline
        from coach._engines.openai.prompts import untrusted

        policy = Policy.coerce(policy)
        offline = rewrite_offline(draft, customer, policy)
        critique = [{"rule": f.rule, "quote": f.quote or "", "why": f.message}
                    for f in check(draft, customer, policy).findings]
        key = untrusted(draft)
        fresh = key not in self._answers
        self._answers.setdefault(key, json.dumps({"critique": critique, "rewrite": offline.rewrite}))
        return offline.assessed and offline.passed is not False and fresh  # (the model engine's guard reads no review)

    @classmethod
    def for_replies(cls, replies: list[Reply], wanted: int) -> tuple["CannedAnswers", list[Reply]]:
        """Answers for the first ``wanted`` distinct replies that the coach sends to the model (it returns a
        reply it cannot assess, in another language, unchanged and without a call) and whose offline
        rewrite passes the guard: one model call an item."""
        from coach._core.text import looks_english  # the test Coach.rewrite makes before calling the model

        answers, items = cls(), []
        for reply in replies:
            if len(items) == wanted:
                break
            if looks_english(reply.draft) and answers.add(reply.draft, reply.customer or None):
                items.append(reply)
        return answers, items

    def __call__(self, body: dict[str, Any]) -> str:
        user = next((m.get("content") or "" for m in body.get("messages", []) if m.get("role") == "user"), "")
        start, end = user.find(_DRAFT_OPEN), user.rfind(_DRAFT_CLOSE)
        draft = user[start + len(_DRAFT_OPEN) : end] if start != -1 and end > start else ""
        answer = self._answers.get(draft)
        if answer is None:
            self.misses += 1
            return json.dumps({"critique": [], "rewrite": draft or "?"})
        return answer


def overhead(answers: CannedAnswers, items: list[Reply], delay_s: float) -> dict[str, Any]:
    """Sequential rewrites in process: where each rewrite's wall time goes."""
    from coach import Coach

    with FakeOpenAI(answers, delay_s=delay_s) as server:
        coach = Coach(engine="openai", base_url=server.base_url, model=MODEL, api_key="bench-no-key")
        for reply in items[:3]:  # warm: client, prompt template, schema
            coach.rewrite(reply.draft, customer=reply.customer or None)
        server.log.clear()
        rows = []
        for reply in items:
            seen = len(server.log.server_s)
            started = time.perf_counter()
            result = coach.rewrite(reply.draft, customer=reply.customer or None)
            wall = time.perf_counter() - started
            server_s = sum(server.log.server_s[seen:])
            timing = result.timing
            rows.append({"wall": wall, "http": timing.http_s if timing else float("nan"), "server": server_s,
                         "calls": result.calls, "fallback": result.fallback, "usage": result.usage,
                         "chars": sum(server.log.request_chars[seen:])})
    walls = [r["wall"] for r in rows]
    outside_http = [r["wall"] - r["http"] for r in rows]
    beyond_server = [r["wall"] - r["server"] for r in rows]
    n = len(rows)
    return {
        "rewrites": n, "delay_ms": round(delay_s * 1000),
        "calls_per_rewrite": round(sum(r["calls"] for r in rows) / n, 3),
        "max_calls": max(r["calls"] for r in rows),
        "fallbacks": sum(r["fallback"] for r in rows),
        "prompt_tokens_per_rewrite": round(mean(r["usage"].prompt_tokens for r in rows), 1),
        "completion_tokens_per_rewrite": round(mean(r["usage"].completion_tokens for r in rows), 1),
        "total_tokens_per_rewrite": round(mean(r["usage"].total_tokens for r in rows), 1),
        "prompt_chars_per_rewrite": round(mean(r["chars"] for r in rows), 1),
        "tokens_note": "estimated by the fake server at 4 characters a token",
        "wall": latency_ms([int(w * 1e9) for w in walls]),
        "coach_outside_http": {**latency_ms([int(v * 1e9) for v in outside_http]),
                               "share_pct": round(100 * sum(outside_http) / sum(walls), 2)},
        "beyond_server": {**latency_ms([int(v * 1e9) for v in beyond_server]),
                          "share_pct": round(100 * sum(beyond_server) / sum(walls), 2)},
        "server_misses": answers.misses,
    }


def batch(answers: CannedAnswers, items: list[Reply], delay_s: float, jobs: tuple[int, ...] = (1, 2, 4, 8, 16),
          rounds: int = 2) -> dict[str, Any]:
    """``coach rewrite --jsonl FILE -j N --engine openai --base-url URL`` as a whole process, per N."""
    coach = console_script("coach", "coach")
    env = {**os.environ, "OPENAI_API_KEY": "bench-no-key"}  # never send a real key, even to 127.0.0.1
    env.pop("OPENAI_BASE_URL", None)
    walls: dict[int, list[float]] = {n: [] for n in jobs}
    startup: list[float] = []
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp, FakeOpenAI(answers, delay_s=delay_s) as server:
        batch_file, single, out_path = Path(tmp) / "items.jsonl", Path(tmp) / "one.jsonl", Path(tmp) / "out.jsonl"
        lines = [json.dumps({"id": r.id, "draft": r.draft, "customer": r.customer or None}) + "\n" for r in items]
        batch_file.write_text("".join(lines), encoding="utf-8")
        single.write_text(lines[0], encoding="utf-8")

        def command(path: Path, n: int) -> list[str]:
            return [*coach, "rewrite", "--jsonl", str(path), "-j", str(n), "--engine", "openai",
                    "--base-url", server.base_url, "--model", MODEL]

        for _ in range(rounds):
            # The fixed cost of a process (start, imports, client, exit): one rewrite's run less its delay.
            for _ in range(3):
                startup.append(run_measured(command(single, 1), env=env).wall_s - delay_s)
            for n in jobs:
                calls_before = len(server.log.server_s)
                with out_path.open("w") as sink:
                    walls[n].append(run_measured(command(batch_file, n), stdout=sink, env=env).wall_s)
                results = [json.loads(line) for line in out_path.read_text().splitlines()]
                bad = [r for r in results if r.get("error") or r.get("fallback")]
                if len(results) != len(items) or bad:
                    raise SystemExit(f"-j {n}: {len(results)} results for {len(items)} items, {len(bad)} failed: "
                                     f"{bad[:1]}")
                if len(server.log.server_s) - calls_before != len(items):
                    raise SystemExit(f"-j {n}: {len(server.log.server_s) - calls_before} calls for {len(items)} items")
    base = median(walls[jobs[0]])
    start = median(startup)
    rows = []
    for n in jobs:
        wall = median(walls[n])
        rows.append({"jobs": n, "wall_s": round(wall, 3), "rewrites_per_s": round(len(items) / wall, 2),
                     "speedup": round(base / wall, 2), "efficiency": round(base / wall / (n / jobs[0]), 2),
                     "speedup_excl_fixed_cost": round((base - start) / (wall - start), 2) if wall > start else None})
    return {"rewrites": len(items), "delay_ms": round(delay_s * 1000), "rounds": rounds,
            "fixed_process_cost_s": round(start, 3), "ideal_wall_s_at_j1": round(len(items) * delay_s, 2),
            "command": "coach rewrite --jsonl FILE -j N --engine openai --base-url http://127.0.0.1:PORT/v1 "
                       f"--model {MODEL}",
            "runs": rows}


def run(replies: list[Reply], delay_s: float = 0.2, overhead_count: int = 40, batch_count: int = 160,
        rounds: int = 2) -> dict[str, Any]:
    answers, items = CannedAnswers.for_replies(replies, max(overhead_count, batch_count))
    if len(items) < max(overhead_count, batch_count):
        raise SystemExit(f"only {len(items)} drafts have a passing offline rewrite; need {batch_count}")
    return {"overhead": overhead(answers, items[:overhead_count], delay_s),
            "batch": batch(answers, items[:batch_count], delay_s, rounds=rounds)}
