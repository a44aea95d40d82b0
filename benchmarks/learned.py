"""The learned checker's cost, side by side with a git revision before it, in one run.

    python benchmarks/learned.py --before 1d4e26c [DATA]

For each revision (its package imported from a git worktree), in alternating rounds:
- in process: per-draft latency of ``check(reply, customer)`` over every reply of DATA (p50, p99, mean);
- peak RSS of a process that imports the coach and checks one draft, and of one that checks all of DATA.
The start-up time of ``coach check DRAFT`` is ``python benchmarks/run.py startup --startup-before REV``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "twcs_replies.jsonl"

_PROBE = r"""
import json, resource, sys, time
from coach._core.checker import check
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")] if sys.argv[2] == "all" else []
check("Sorry for the inconvenience. I promise it will be fixed today.", "my order is late")
times = []
for row in rows:
    t = time.perf_counter()
    check(row.get("reply") or row.get("draft"), row.get("customer") or None)
    times.append(time.perf_counter() - t)
times.sort()
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000 if times else None
print(json.dumps({"drafts": len(times), "p50_ms": pick(0.5), "p99_ms": pick(0.99),
                  "mean_ms": sum(times) / len(times) * 1000 if times else None,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _probe(cwd: Path, data: Path, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _PROBE, str(data), mode], cwd=cwd, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--before", required=True, metavar="REV")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coach-learned-") as tmp:
        before = Path(tmp) / "before"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(before), args.before], check=True,
                       capture_output=True)
        try:
            sides = {f"before ({args.before})": before, "now": REPO}
            results: dict[str, dict[str, list[dict]]] = {name: {"one": [], "all": []} for name in sides}
            for _ in range(args.rounds):
                for name, cwd in sides.items():
                    results[name]["one"].append(_probe(cwd, args.data, "one"))
                    results[name]["all"].append(_probe(cwd, args.data, "all"))
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(before)], capture_output=True)
    print(f"{'':<22}{'p50 ms':>8}{'p99 ms':>8}{'mean ms':>9}{'RSS one MiB':>13}{'RSS all MiB':>13}")
    for name, runs in results.items():
        best = min(runs["all"], key=lambda r: r["p50_ms"])
        one = min(r["peak_rss_mib"] for r in runs["one"])
        every = min(r["peak_rss_mib"] for r in runs["all"])
        print(f"{name:<22}{best['p50_ms']:>8.3f}{best['p99_ms']:>8.3f}{best['mean_ms']:>9.3f}{one:>13.1f}{every:>13.1f}"
              f"   ({best['drafts']} drafts, best of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
