"""Run the reply coach's benchmarks and print the README's tables.

    python benchmarks/run.py all [DATA]          # every part, in one run (about 10 minutes on 2 cores)
    python benchmarks/run.py checker [DATA]      # 1. checker vs proselint, throughput, latency, flags
    python benchmarks/run.py memory [DATA]       # 2. peak RSS of coach check --jsonl on 1x, 3x, 10x
    python benchmarks/run.py llm [DATA]          # 3. openai engine against a local fake server
    python benchmarks/run.py eval-replay         # 4. coach eval --replay over the gold suite
    python benchmarks/run.py profile [DATA]      # 5. cProfile of the checker's hot path
    python benchmarks/run.py offline [DATA]      # 6. the offline engine: speed, facts kept, none invented
    python benchmarks/run.py report              # print the tables of the saved results again
    python benchmarks/run.py all evals/real/public.jsonl --quick --out /tmp/quick.json   # CI's smoke test

DATA is the real replies, ``twcs_replies.jsonl`` (default: ../shared/data/twcs_replies.jsonl from the
repository root). Results are merged into ``--out`` (default benchmarks/results.json), part by part.
Needs: pip install -e '.[test,bench]' (proselint for part 1, vcrpy for part 4).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: import the benchmarks package from the repository root
    if sys.path and Path(sys.path[0]).resolve() == _HERE:
        sys.path.pop(0)  # keep benchmarks/ itself off the path: its module names must not shadow others
    sys.path.insert(0, str(_HERE.parent))

from benchmarks import report  # noqa: E402
from benchmarks.common import DEFAULT_DATA, REPO, load_corpus, machine, versions  # noqa: E402

PARTS = ("checker", "memory", "llm", "eval-replay", "profile", "offline", "startup", "serve")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python benchmarks/run.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("part", choices=[*PARTS, "all", "report"])
    p.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="twcs_replies.jsonl")
    p.add_argument("--out", type=Path, default=_HERE / "results.json", help="results JSON (merged, part by part)")
    p.add_argument("--rounds", type=int, default=5, help="checker: interleaved in-process rounds (default 5)")
    p.add_argument("--process-rounds", type=int, default=3, help="whole-process rounds, checker/memory/eval (3)")
    p.add_argument("--delay-ms", type=float, default=200, help="llm: the fake server's delay a call (default 200)")
    p.add_argument("--llm-overhead-items", type=int, default=40, help="llm: sequential rewrites timed (40)")
    p.add_argument("--llm-batch-items", type=int, default=160, help="llm: rewrites a batch run (160)")
    p.add_argument("--llm-rounds", type=int, default=2, help="llm: rounds of the -j sweep (2)")
    p.add_argument("--startup-before", metavar="REV", help="startup: also time `coach check` at this git revision")
    p.add_argument("--profile-dump", type=Path, help="profile: also write the cProfile stats here (.prof)")
    p.add_argument("--quick", action="store_true",
                   help="smoke-test the harness: 1 round, few rewrites, 20 ms delay (figures not for the README)")
    return p


def _run_part(part: str, args: argparse.Namespace) -> dict:
    data = args.data if args.data.is_absolute() else (Path.cwd() / args.data)
    if part == "checker":
        from benchmarks import checker
        return checker.run(load_corpus(data), rounds=args.rounds, process_rounds=args.process_rounds)
    if part == "memory":
        from benchmarks import memory
        return memory.run(load_corpus(data), rounds=args.process_rounds)
    if part == "llm":
        from benchmarks import llm
        return llm.run(load_corpus(data), delay_s=args.delay_ms / 1000, overhead_count=args.llm_overhead_items,
                       batch_count=args.llm_batch_items, rounds=args.llm_rounds)
    if part == "eval-replay":
        from benchmarks import eval_replay
        return eval_replay.run(rounds=args.process_rounds)
    if part == "offline":
        from benchmarks import offline
        return offline.run(load_corpus(data))
    if part == "profile":
        from benchmarks import hotpath
        return hotpath.run(load_corpus(data), dump=args.profile_dump)
    if part == "startup":
        from benchmarks import startup
        return startup.run(rounds=max(5, 5 * args.process_rounds), before=args.startup_before)
    if part == "serve":
        from benchmarks import serve
        return serve.run(load_corpus(data), delay_s=args.delay_ms / 1000,
                         **({"checks": 200, "rewrites": 16} if args.quick else {}))
    raise ValueError(part)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.quick:
        args.rounds = args.process_rounds = args.llm_rounds = 1
        args.llm_overhead_items, args.llm_batch_items, args.delay_ms = 8, 32, 20
    results = json.loads(args.out.read_text()) if args.out.is_file() else {}
    if args.part != "report":
        parts = PARTS if args.part == "all" else (args.part,)
        results["machine"], results["versions"] = machine(), versions()
        for part in parts:
            started = time.perf_counter()
            print(f"benchmark: {part} ...", file=sys.stderr, flush=True)
            key = part.replace("-", "_")
            results[key] = _run_part(part, args)
            results[key]["measured_at"] = results["machine"]["date"]
            results[key]["seconds"] = round(time.perf_counter() - started, 1)
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        try:
            shown = args.out.resolve().relative_to(REPO)
        except ValueError:
            shown = args.out
        print(f"benchmark: wrote {shown}", file=sys.stderr)
    print(report.markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
