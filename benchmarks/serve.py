"""Part 7: the HTTP service (``coach serve``) under load, on 127.0.0.1 only; every loop is bounded and it stops itself.

- 2,000 ``POST /v1/check`` from 16 concurrent keep-alive clients: requests/s, p50/p99 latency, against
  ``Coach.check`` in process on the same drafts in the same run (the overhead ratio); then 500 from one
  client, for the latency of a request that waits behind no other.
- 200 ``POST /v1/rewrite`` against the benchmark's fake model server (``fake_server``, fixed delay) from 1
  and from 8 concurrent clients: the throughput at 8 against 8 x the single client's (target >= 0.8).
- The service's peak RSS (``VmHWM`` of its own process, read from /proc at the end).

The service runs as its own process (``python -m coach._serve``), as a user would run it; the clients and the
fake model server run in this one.

    python benchmarks/serve.py [DATA] [--quick] [--out results.json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import the benchmarks package from the repository root
    _HERE = Path(__file__).resolve().parent
    if sys.path and Path(sys.path[0]).resolve() == _HERE:
        sys.path.pop(0)
    sys.path.insert(0, str(_HERE.parent))

from benchmarks.common import DEFAULT_DATA, Reply, latency_ms, load_corpus, machine, versions  # noqa: E402
from benchmarks.fake_server import MODEL, FakeOpenAI  # noqa: E402

HOST = "127.0.0.1"
REQUEST_TIMEOUT_S = 60  # one request; the whole run is bounded by its counts and these
START_TIMEOUT_S = 30


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Service:
    """``python -m coach._serve`` in its own process, on a free loopback port, pointed at the fake model server."""

    def __init__(self, model_url: str, log_path: Path, max_model_calls: int = 8):
        self.port = _free_port()
        env = {**os.environ, "OPENAI_API_KEY": "bench-no-key"}  # never a real key, even to 127.0.0.1
        env.pop("OPENAI_BASE_URL", None)
        env.pop("COACH_API_TOKEN", None)
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coach._serve", "--host", HOST, "--port", str(self.port), "--engine", "openai",
             "--base-url", model_url, "--model", MODEL, "--max-model-calls", str(max_model_calls)],
            stdout=subprocess.DEVNULL, stderr=self._log, env=env)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"the service did not start; its log:\n{log_path.read_text()[-2000:]}")
            time.sleep(0.05)

    def peak_rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
        raise SystemExit("no VmHWM in /proc: peak RSS needs Linux")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's graceful stop
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def request(port: int, method: str, path: str, body: dict | None = None,
            conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    own = conn is None
    conn = conn or http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    try:
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def load(port: int, path: str, bodies: list[dict], clients: int, answers: list | None = None) -> dict[str, Any]:
    """``bodies`` posted to ``path`` by ``clients`` threads, one keep-alive connection each; all must answer 200.

    ``answers``, when given, receives every decoded answer (decoding is left out of the timings otherwise).
    """
    latencies: list[int] = []
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(share: list[dict]) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
        mine: list[int] = []
        start.wait()
        try:
            for body in share:
                began = time.perf_counter_ns()
                status, payload = request(port, "POST", path, body, conn)
                mine.append(time.perf_counter_ns() - began)
                if status != 200:
                    with lock:
                        failures.append(f"{status}: {payload[:200]!r}")
                elif answers is not None:
                    with lock:
                        answers.append(json.loads(payload))
        except OSError as exc:
            with lock:
                failures.append(f"{type(exc).__name__}: {exc}")
        finally:
            conn.close()
            with lock:
                latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(bodies[n::clients],), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT_S * len(bodies))
    wall = time.perf_counter() - began
    if failures or len(latencies) != len(bodies):
        raise SystemExit(f"{path}: {len(failures)} failed of {len(bodies)} ({len(latencies)} answered): {failures[:2]}")
    return {"requests": len(bodies), "clients": clients, "wall_s": round(wall, 3),
            "per_s": round(len(bodies) / wall, 1), **latency_ms(latencies)}


def in_process_checks(bodies: list[dict]) -> dict[str, Any]:
    """``Coach.check`` on the same drafts, one after the other: what the service adds is measured against this."""
    from coach import Coach

    coach = Coach()
    for body in bodies[:50]:  # warm: rules compiled, caches filled
        coach.check(body["draft"], customer=body.get("customer"))
    times = []
    began = time.perf_counter()
    for body in bodies:
        t0 = time.perf_counter_ns()
        coach.check(body["draft"], customer=body.get("customer"))
        times.append(time.perf_counter_ns() - t0)
    wall = time.perf_counter() - began
    return {"drafts": len(bodies), "wall_s": round(wall, 3), "per_s": round(len(bodies) / wall, 1), **latency_ms(times)}


def _bodies(replies: list[Reply], count: int) -> list[dict]:
    chosen = (replies[n % len(replies)] for n in range(count))
    return [{"draft": r.draft, "customer": r.customer or None} for r in chosen]


def run(replies: list[Reply], *, checks: int = 2000, check_clients: int = 16, rewrites: int = 200,
        rewrite_clients: tuple[int, ...] = (1, 8), delay_s: float = 0.2) -> dict[str, Any]:
    from benchmarks.llm import CannedAnswers
    from coach._core.text import looks_english

    check_bodies = _bodies(replies, checks)
    # English drafts only: the coach answers any other unchanged, without a model call, which is not what is measured.
    answers, items = CannedAnswers.for_replies([r for r in replies if looks_english(r.draft)], rewrites)
    if len(items) < rewrites:
        raise SystemExit(f"only {len(items)} drafts have a passing offline rewrite; need {rewrites}")
    rewrite_bodies = [{"draft": r.draft, "customer": r.customer or None} for r in items]
    with tempfile.TemporaryDirectory(prefix="coach-bench-serve-") as tmp, \
            FakeOpenAI(answers, delay_s=delay_s, lifetime_s=900) as model:
        service = Service(model.base_url, Path(tmp) / "service.log", max_model_calls=max(rewrite_clients))
        try:
            load(service.port, "/v1/check", check_bodies[:200], check_clients)  # warm the service
            before = in_process_checks(check_bodies)
            served = load(service.port, "/v1/check", check_bodies, check_clients)
            alone = load(service.port, "/v1/check", check_bodies[:500], 1)  # latency without queueing
            after = in_process_checks(check_bodies)
            load(service.port, "/v1/rewrite", rewrite_bodies[:8], 8)  # warm: the model client, the prompt
            runs = []
            for clients in rewrite_clients:
                results: list[dict] = []
                runs.append(load(service.port, "/v1/rewrite", rewrite_bodies, clients, results))
                odd = [r for r in results if r["calls"] != 1 or r["fallback"]]
                if odd:
                    raise SystemExit(f"{clients} clients: {len(odd)} of {rewrites} rewrites made other than one model "
                                     f"call, or fell back (the figures would mislead): {odd[0]['calls']} call(s)")
            peak = service.peak_rss_mib()
        finally:
            service.stop()
    in_process_rate = (before["per_s"] + after["per_s"]) / 2
    single, widest = runs[0], runs[-1]
    scaling = widest["per_s"] / (widest["clients"] / single["clients"] * single["per_s"])
    return {
        "check": {**served, "in_process": {"before": before, "after": after, "per_s": round(in_process_rate, 1)},
                  "overhead_ratio": round(in_process_rate / served["per_s"], 2), "one_client": alone},
        "rewrite": {"delay_ms": round(delay_s * 1000), "runs": runs, "scaling": round(scaling, 3),
                    "model_misses": answers.misses},
        "peak_rss_mib": peak,
    }


def markdown(res: dict[str, Any]) -> str:
    """The README's table for this part."""
    c, r = res["check"], res["rewrite"]
    ip = c["in_process"]
    lines = [
        f"`coach serve` on 127.0.0.1 (its own process), {c['requests']:,} `POST /v1/check` from {c['clients']} "
        f"keep-alive clients, against `Coach.check` in process on the same drafts", "",
        "| | service | in process | ratio |", "| --- | --- | --- | --- |",
        f"| checks/s | {c['per_s']:,.0f} | {ip['per_s']:,.0f} | {c['overhead_ratio']:.1f}× slower |",
        f"| p50 / p99 latency, {c['clients']} clients | {c['p50_ms']:.2f} / {c['p99_ms']:.2f} ms | "
        f"{ip['before']['p50_ms']:.3f} / {ip['before']['p99_ms']:.3f} ms | |",
        f"| p50 / p99 latency, 1 client | {c['one_client']['p50_ms']:.2f} / {c['one_client']['p99_ms']:.2f} ms | | |",
        "", f"{r['runs'][0]['requests']} `POST /v1/rewrite`, fake model server {r['delay_ms']} ms a call", "",
        "| clients | wall | rewrites/s | p50 | p99 |", "| --- | --- | --- | --- | --- |",
        *(f"| {x['clients']} | {x['wall_s']:.2f} s | {x['per_s']:.1f} | {x['p50_ms']:.0f} ms | {x['p99_ms']:.0f} ms |"
          for x in r["runs"]),
        "", f"Throughput at {r['runs'][-1]['clients']} clients ÷ ({r['runs'][-1]['clients']} × one client's): "
            f"**{r['scaling']:.2f}** (target ≥ 0.8: {'met' if r['scaling'] >= 0.8 else '**not met**'}). "
            f"Service peak RSS: {res['peak_rss_mib']:.1f} MiB.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python benchmarks/serve.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="twcs_replies.jsonl")
    p.add_argument("--delay-ms", type=float, default=200, help="the fake model server's delay a call (200)")
    p.add_argument("--quick", action="store_true", help="smoke test: 200 checks, 16 rewrites, 20 ms delay")
    p.add_argument("--out", type=Path, help="merge the results into this JSON file, under 'serve'")
    args = p.parse_args(argv)
    options = {"checks": 200, "rewrites": 16, "delay_s": 0.02} if args.quick else {"delay_s": args.delay_ms / 1000}
    result = {**run(load_corpus(args.data), **options), "measured_at": machine()["date"]}
    if args.out:
        merged = json.loads(args.out.read_text()) if args.out.is_file() else {}
        merged.setdefault("machine", machine())
        merged.setdefault("versions", versions())
        merged["serve"] = result
        args.out.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
