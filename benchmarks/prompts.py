"""Paired prompt benchmark: several rewrite prompts on the same gold cases, one model, one table.

    # a server already running (llama.cpp's, vLLM, Ollama, OpenAI...):
    python benchmarks/prompts.py --base-url http://127.0.0.1:8090/v1 --model qwen2.5-coder-1.5b --sample 14
    # or let the script start llama.cpp's server on a GGUF file and stop it at the end:
    python benchmarks/prompts.py --serve /work/models/qwen2.5-coder-1.5b-instruct.gguf --sample 14
    # the table again from a finished run, without a server:
    python benchmarks/prompts.py --from /tmp/prompt-bench

For each prompt (default ``rewrite.v1 rewrite.v2 naive.v1``) it runs ``coach eval --engine openai --prompt P
--sample N --record --output OUT/P.json``, the README's eval on the same deterministic sample of cases, and
records every model call into ``OUT/cassettes/`` (so every answer the guard rejected can be read back). The
table gives, per prompt: the model answers accepted on the first call, after a re-ask, and the fallbacks to
the offline rewrite; calls and tokens per rewrite; the guard's violations the re-asks fixed, by kind; the
eval's scorers. Then, for each pair of prompts, McNemar's exact test on the cases that flipped, for
"the model's rewrite was accepted" and for the eval's ``overall``. The prompts run one after the other
(each on every case), since a local server answers one request at a time anyway.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

_HERE = Path(__file__).resolve().parent
REPO = _HERE.parent
if __package__ in (None, ""):
    if sys.path and Path(sys.path[0]).resolve() == _HERE:
        sys.path.pop(0)
    sys.path.insert(0, str(REPO))

from coach._core.facts import is_time_phrase  # noqa: E402
from coach._core.guard import guard  # noqa: E402
from coach._core.policy import Policy  # noqa: E402
from coach._engines.openai.answer import AnswerProblems, RewriteAnswer, parse_answer  # noqa: E402
from coach._engines.openai.prompts import untrusted  # noqa: E402
from coach._eval.cases import load_suite  # noqa: E402
from coach._eval.compare import compare_runs  # noqa: E402
from coach._eval.paths import default_suite  # noqa: E402
from coach._eval.replay import cassette_path  # noqa: E402
from coach._eval.results import OVERALL, EvalRun, load_run  # noqa: E402
from coach._eval.stats import mcnemar_exact  # noqa: E402

DEFAULT_PROMPTS = ("rewrite.v1", "rewrite.v2", "naive.v1")
SCORER_COLUMNS = ("overall", "guard", "facts-kept", "no-invented-facts", "policy", "not-over-edited",
                  "restates-problem", "next-step", "length", "injection")  # and any other scorer the runs have


# --- running -------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(model_path: Path, alias: str, log: Path, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """llama.cpp's OpenAI-compatible server (llama-cpp-python) on 127.0.0.1; returns the process and base URL."""
    port = port or _free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path), "--model_alias", alias,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--seed", "0"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"llama.cpp server exited ({process.returncode}):\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2):
                return process, base_url
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit(f"llama.cpp server not ready after 300 s:\n{log.read_text()[-2000:]}")


def run_prompt(prompt: str, args: argparse.Namespace, out: Path) -> Path:
    """One ``coach eval`` of ``prompt`` on the sample, recorded; returns its results file."""
    results = out / f"{prompt}.json"
    command = [sys.executable, "-m", "coach", "eval", "--engine", "openai", "--model", args.model,
               "--base-url", args.base_url, "--prompt", prompt, "--sample", str(args.sample), "-j", str(args.jobs),
               "--timeout", str(args.timeout), "--record", "--cassette-dir", str(out / "cassettes"),
               "--output", str(results), "--quiet"]
    if args.suite:
        command += ["--suite", str(args.suite)]
    print(f"prompts: {prompt}: {' '.join(command[2:])}", file=sys.stderr, flush=True)
    started = time.monotonic()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    print(f"prompts: {prompt}: exit {done.returncode} after {time.monotonic() - started:.0f} s", file=sys.stderr)
    if done.returncode not in (0, 1) or not results.is_file():
        raise SystemExit(f"coach eval --prompt {prompt} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return results


# --- reading the answers back ----------------------------------------------------------------------------


def _kinds(verdict) -> list[str]:
    kinds = [f.rule for f in verdict.blocking]
    kinds += ["lost fact"] * bool(verdict.missing)
    kinds += ["invented time"] * any(is_time_phrase(f) for f in verdict.invented)
    kinds += ["invented fact"] * any(not is_time_phrase(f) for f in verdict.invented)
    kinds += ["customer's first person"] * bool(verdict.customer_voice)
    kinds += ["language"] * bool(verdict.language)
    return kinds


def answers_by_case(cassette: Path, suite) -> dict[str, list[list[str]]]:
    """Per case id, each model answer's problems in order (``[]`` for the accepted one), from the cassette."""
    import yaml

    by_draft = {case.draft: case for case in suite.cases}
    found: dict[str, list[list[str]]] = {}
    if not cassette.is_file():
        return found
    for interaction in yaml.safe_load(cassette.read_text()).get("interactions", []):
        body = json.loads(interaction["request"]["body"] or "{}")
        if "messages" not in body:
            continue
        users = [m["content"] for m in body["messages"] if m["role"] == "user"]
        case = next((c for draft, c in by_draft.items() if any(untrusted(draft) in text for text in users)), None)
        if case is None:
            continue
        response = interaction["response"]
        if response["status"]["code"] != 200:
            continue  # a refused response_format: no answer
        completion = json.loads(response["body"]["string"])
        choice = completion["choices"][0]
        content = choice["message"]["content"]
        problems: list[str]
        if choice.get("finish_reason") == "length":
            problems = ["cut off"]
        else:
            try:
                answer = parse_answer(content, RewriteAnswer, case.draft)
                verdict = guard(case.draft, answer.rewrite, case.customer or None, Policy(commitments=list(case.policy)))
                problems = _kinds(verdict)
            except AnswerProblems:
                problems = ["not the JSON asked for"]
        found.setdefault(case.id, []).append(problems)
    return found


# --- the table -------------------------------------------------------------------------------------------


def _unsent(run: EvalRun) -> set[str]:
    """Cases the coach never sent to the model (a draft it cannot assess, not English, comes back as it is)."""
    return {c.id for c in run.cases if c.attempts and c.attempts[0].calls == 0 and c.attempts[0].error is None}


def _accepted(run: EvalRun) -> dict[str, bool]:
    """Per case sent to the model: did the model's own rewrite ship (no fallback, no crash)?"""
    unsent = _unsent(run)
    return {c.id: not c.attempts[0].fallback and c.attempts[0].error is None
            for c in run.cases if c.attempts and c.id not in unsent}


def summarise(prompt: str, run: EvalRun, answers: dict[str, list[list[str]]]) -> dict:
    accepted = _accepted(run)
    attempts = [c.attempts[0] for c in run.cases if c.id in accepted]
    n = len(attempts)
    first = sum(1 for cid, ok in accepted.items() if ok and len(answers.get(cid, [])) == 1)
    after_reask = sum(accepted.values()) - first
    fixed: Counter[str] = Counter()
    left: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    for case in run.cases:
        if case.id not in accepted:
            continue
        seq = answers.get(case.id, [])
        for problems in seq:
            rejected.update(set(problems))
        if accepted[case.id]:
            for problems in seq[:-1]:
                fixed.update(set(problems))
        elif seq:
            left.update(set(seq[-1]))
    tokens = [a.tokens for a in attempts]
    rates = {}
    for name in [*SCORER_COLUMNS, *(n for n in run.stamp.scorers if n not in SCORER_COLUMNS)]:
        verdicts = [c.verdict(name) for c in run.cases]
        decided = [v for v in verdicts if v is not None]
        rates[name] = (sum(decided), len(decided))
    return {
        "prompt": prompt, "prompt_hash": run.stamp.prompt_hash, "cases": n, "unsent": sorted(_unsent(run)),
        "rules_sha256": (run.stamp.rules_sha256 or "")[:12], "first_call": first,
        "after_reask": after_reask, "fallbacks": sum(a.fallback for a in attempts),
        "crashed": sum(a.error is not None for a in attempts),
        "calls_per_rewrite": sum(a.calls for a in attempts) / n if n else 0.0,
        "answers_per_rewrite": sum(len(answers.get(c.id, [])) for c in run.cases) / n if n else 0.0,
        "prompt_tokens": sum(t.prompt_tokens for t in tokens) / n if n else 0.0,
        "completion_tokens": sum(t.completion_tokens for t in tokens) / n if n else 0.0,
        "latency_p50_s": run.aggregates.costs.latency_p50_s,
        "fixed_by_reask": dict(fixed.most_common()), "left_at_fallback": dict(left.most_common()),
        "rejections": dict(rejected.most_common()), "scorers": rates, "duration_s": run.stamp.duration_s,
    }


def pairs(runs: dict[str, EvalRun]) -> list[dict]:
    out = []
    for a, b in itertools.combinations(runs, 2):
        comparison = compare_runs(runs[a], runs[b], labels=(a, b))
        overall = next(d for d in comparison.scorers if d.name == OVERALL)
        acc_a, acc_b = _accepted(runs[a]), _accepted(runs[b])
        common = [cid for cid in acc_a if cid in acc_b]
        lost = [cid for cid in common if acc_a[cid] and not acc_b[cid]]
        won = [cid for cid in common if acc_b[cid] and not acc_a[cid]]
        out.append({
            "a": a, "b": b, "paired": len(common),
            "accepted": {"a": sum(acc_a[c] for c in common), "b": sum(acc_b[c] for c in common),
                         "a_only": lost, "b_only": won, "p": mcnemar_exact(len(lost), len(won))},
            "overall": {"a": overall.base_passed, "b": overall.new_passed, "a_only": overall.pass_to_fail,
                        "b_only": overall.fail_to_pass, "p": overall.p_value},
        })
    return out


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.items()) or "none"


def render(meta: dict, rows: list[dict], paired: list[dict]) -> str:
    unsent = sorted({cid for r in rows for cid in r["unsent"]})
    lines = [
        f"Prompts on the gold suite's --sample {meta['sample']} ({len(meta['case_ids'])} cases: "
        f"{', '.join(meta['case_ids'])}); model {meta['model']} at {meta['base_url']}; commit {meta['commit']}; "
        f"{meta['date']}",
        "",
    ]
    if unsent:
        lines += [f"Not sent to the model (the coach returns a draft it cannot assess, not English, unchanged): "
                  f"{', '.join(unsent)}; the per-prompt counts below are of the other cases, the eval's scorers of all.",
                  ""]
    lines += [
        "| per prompt | " + " | ".join(f"`{r['prompt']}`" for r in rows) + " |",
        "| --- | " + " | ".join("---" for _ in rows) + " |",
    ]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row("model rewrite accepted on the first answer", [f"{r['first_call']}/{r['cases']}" for r in rows])
    row("accepted after a re-ask", [f"{r['after_reask']}/{r['cases']}" for r in rows])
    row("fallbacks to the offline rewrite", [f"{r['fallbacks']}/{r['cases']}" for r in rows])
    row("model answers per rewrite", [f"{r['answers_per_rewrite']:.2f}" for r in rows])
    row("HTTP calls per rewrite", [f"{r['calls_per_rewrite']:.2f}" for r in rows])
    row("tokens per rewrite (prompt + completion)",
        [f"{r['prompt_tokens']:,.0f} + {r['completion_tokens']:,.0f}" for r in rows])
    row("p50 seconds per rewrite", [f"{r['latency_p50_s']:.0f}" if r["latency_p50_s"] else "-" for r in rows])
    row("prompt hash / rules sha256", [f"`{r['prompt_hash']}` / `{r['rules_sha256']}`" for r in rows])
    row("guard violations a re-ask fixed", [_counts(r["fixed_by_reask"]) for r in rows])
    row("violations left at fallback (last answer)", [_counts(r["left_at_fallback"]) for r in rows])
    for name in dict.fromkeys(name for r in rows for name in r["scorers"]):
        cells = []
        for r in rows:
            passed, decided = r["scorers"].get(name, (0, 0))
            cells.append(f"{passed}/{decided}" if decided else "n/a")
        row(f"eval `{name}`", cells)
    lines += ["", "| pair (A → B) | model rewrite accepted A / B | flips A-only / B-only | McNemar p | eval overall A / B "
              "| flips A-only / B-only | McNemar p |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for p in paired:
        acc, ov = p["accepted"], p["overall"]
        lines.append(f"| `{p['a']}` → `{p['b']}` | {acc['a']} / {acc['b']} of {p['paired']} | "
                     f"{len(acc['a_only'])} / {len(acc['b_only'])} | {acc['p']:.3f} | {ov['a']} / {ov['b']} | "
                     f"{len(ov['a_only'])} / {len(ov['b_only'])} | {ov['p']:.3f} |")
    return "\n".join(lines)


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return sha + (" plus uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python benchmarks/prompts.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--prompts", nargs="+", default=list(DEFAULT_PROMPTS), metavar="ID")
    p.add_argument("--model", default="qwen2.5-coder-1.5b", help="model name (the server's alias)")
    p.add_argument("--base-url", default="http://127.0.0.1:8090/v1")
    p.add_argument("--serve", type=Path, metavar="GGUF", help="start llama.cpp's server on this model file")
    p.add_argument("--sample", type=int, default=14, help="cases from the gold suite (default 14)")
    p.add_argument("--suite", type=Path, help="suite (default: the gold suite)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="rewrites in flight (default 1: one server slot)")
    p.add_argument("--timeout", type=float, default=300, help="seconds per request (default 300, 2 CPU cores)")
    p.add_argument("--out", type=Path, default=Path("/tmp/prompt-bench"), help="results, cassettes, table")
    p.add_argument("--from", dest="from_dir", type=Path, help="do not run: rebuild the table from this --out")
    args = p.parse_args(argv)

    out = args.from_dir or args.out
    out.mkdir(parents=True, exist_ok=True)
    suite = load_suite(args.suite or default_suite()).sample(args.sample)
    meta_path = out / "meta.json"
    if args.from_dir:
        meta = json.loads(meta_path.read_text())
        args.model, args.prompts = meta["model"], meta["prompts"]
    else:
        server = None
        if args.serve:
            server, args.base_url = start_server(args.serve, args.model, out / "server.log")
        try:
            meta = {"model": args.model, "base_url": args.base_url, "sample": args.sample, "prompts": args.prompts,
                    "case_ids": [c.id for c in suite.cases], "commit": _commit(),
                    "date": time.strftime("%Y-%m-%d %H:%M %Z"), "machine": f"{platform.machine()}, "
                    f"{os.cpu_count()} cores, Python {platform.python_version()}"}
            meta_path.write_text(json.dumps(meta, indent=1))
            for prompt in args.prompts:
                run_prompt(prompt, args, out)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
    runs = {prompt: load_run(out / f"{prompt}.json") for prompt in args.prompts}
    rows = [summarise(prompt, runs[prompt], answers_by_case(cassette_path(out / "cassettes", prompt, args.model), suite))
            for prompt in args.prompts]
    paired = pairs(runs)
    table = render(meta, rows, paired)
    (out / "table.md").write_text(table + "\n")
    (out / "summary.json").write_text(json.dumps({"meta": meta, "prompts": rows, "pairs": paired}, indent=1))
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
