"""Part 4: the gold suite replayed from cassettes (``coach eval --replay``), as a whole process.

The committed cassettes (``evals/cassettes/``) are replayed exactly as CI replays them (the ``coach eval
... --replay`` lines of ``.ci/run``). They may cover a sample of the suite, so the benchmark also records
its own cassette of the whole suite against the fake server (no delay) into a temporary folder, stops the
server, and replays that: a replay's cost does not depend on who answered. The offline ``coach eval`` is
timed beside them.
"""

from __future__ import annotations

import json
import shlex
import tempfile
from statistics import median
from typing import Any

from .common import REPO, console_script, run_measured
from .fake_server import MODEL, FakeOpenAI
from .llm import CannedAnswers


def ci_replays() -> list[list[str]]:
    """The ``coach eval ... --replay`` commands CI runs (``.ci/run``), over the committed cassettes."""
    script = REPO / ".ci" / "run"
    if not script.is_file():
        return []
    text = script.read_text(encoding="utf-8").replace("\\\n", " ")
    return [shlex.split(line)[1:] for line in text.splitlines()
            if line.strip().startswith("coach eval") and "--replay" in line.split()]


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
        for i, ci_args in enumerate(ci_replays()):  # the committed cassettes, exactly as CI replays them
            cmd = [*coach, *ci_args]
            probe = run_measured(cmd, cwd=REPO, check=False)  # a cassette out of date with the prompts: exit 2
            if probe.returncode in (0, 1):
                commands[f"replay_ci_{i + 1}"] = cmd
            else:
                said = probe.stderr_tail.strip().removeprefix("coach eval: error: ").replace(f"{REPO}/", "")
                out[f"replay_ci_{i + 1}"] = {"command": " ".join(["coach", *ci_args]),
                                             "error": f"exit {probe.returncode}: {said.split(' (')[0]}"}
        walls: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, cmd in commands.items():
                walls[name].append(run_measured(cmd, cwd=REPO).wall_s)  # CI's paths are relative to the repo
        for name, cmd in commands.items():
            shown = " ".join(["coach", *cmd[len(coach):]]).replace(tmp, "$TMP")
            out[name] = {"wall_s": round(median(walls[name]), 3), "command": shown}
    out["committed_cassettes"] = sorted(p.name for p in (REPO / "evals" / "cassettes").glob("*.yaml"))
    return out
