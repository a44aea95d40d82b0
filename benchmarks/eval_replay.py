"""Part 4: the full gold suite replayed from cassettes (``coach eval --replay``), as a whole process.

Every committed cassette under ``evals/cassettes/`` is replayed as it is. Because a replay's cost does not
depend on who answered, the benchmark also records its own cassette of the whole suite against the fake
server (no delay) into a temporary folder, stops the server, and replays that: so the figure exists even
before a cassette recorded from a real model is committed. The offline ``coach eval`` is timed beside it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from statistics import median
from typing import Any

from .common import console_script, run_measured
from .fake_server import MODEL, FakeOpenAI
from .llm import CannedAnswers


def _committed_cassettes() -> list[tuple[Path, str, str]]:
    """(path, prompt, model) of each cassette in the packaged ``evals/cassettes`` (judged ones skipped)."""
    from coach._eval.paths import default_cassette_dir

    found = []
    for path in sorted(default_cassette_dir().glob("*.yaml")):
        prompt, _, model = path.stem.partition("--")
        if model and "--judge-" not in model:
            found.append((path, prompt, model))
    return found


def run(rounds: int = 3) -> dict[str, Any]:
    from coach._eval.paths import default_suite

    coach = console_script("coach", "coach")
    suite = default_suite()
    cases = [json.loads(line) for line in suite.read_text(encoding="utf-8").splitlines() if line.strip()]
    answers = CannedAnswers()
    for case in cases:
        answers.add(case["draft"], case.get("customer"), case.get("policy"))
    out: dict[str, Any] = {"suite": suite.name, "cases": len(cases), "rounds": rounds}
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        with FakeOpenAI(answers, delay_s=0.0) as server:
            record = [*coach, "eval", "--engine", "openai", "--model", MODEL, "--base-url", server.base_url,
                      "--record", "--cassette-dir", tmp, "-q"]
            run_measured(record)
            out["recorded_calls"] = len(server.log.server_s)
        # The server is gone: a replay that missed its cassette could not be answered, and would fail.
        commands = {
            "replay_bench_cassette": [*coach, "eval", "--engine", "openai", "--model", MODEL, "--replay",
                                      "--cassette-dir", tmp, "-q"],
            "offline": [*coach, "eval", "--engine", "offline", "-q"],
        }
        for path, prompt, model in _committed_cassettes():
            commands[f"replay_{path.stem}"] = [*coach, "eval", "--engine", "openai", "--model", model,
                                               "--prompt", prompt, "--replay", "-q"]
        walls: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, cmd in commands.items():
                walls[name].append(run_measured(cmd).wall_s)
        for name, cmd in commands.items():
            shown = " ".join(["coach", *cmd[len(coach):]]).replace(tmp, "$TMP")
            out[name] = {"wall_s": round(median(walls[name]), 3), "command": shown}
    out["committed_cassettes"] = [p.name for p, _, _ in _committed_cassettes()]
    return out
