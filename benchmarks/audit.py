"""coach audit's benchmarks, side by side in one run, on the real replies repeated (benchmarks/audit_input.py).

    python benchmarks/audit.py [--copies 5] [--rounds 3] [--out benchmarks/audit_results.json]

1. Replies/s of the process pool with 1 and 2 worker processes, interleaved rounds (scaling = rate(2) / 2 rate(1)).
2. Ray Data on a local Ray (``ray.init(num_cpus=2)``) against the process pool with 2 workers, same input and
   rounds interleaved (Ray's start-up is timed apart and left out: a cluster is started once).
3. Peak memory of a whole ``coach audit -j 2`` process tree (the parent and its workers, sampled from /proc every
   20 ms) at 1x and 10x the input.
4. A projection from the 1-worker rate: cores to audit 100 million replies in an hour.

Needs: pip install -e '.[ray]'. Inputs are written to a temporary folder; results are printed as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))

import audit_input  # noqa: E402

from coach._audit import audit_files  # noqa: E402

TARGET = 100_000_000


def _tree_rss_kib(root: int) -> tuple[int, int]:
    """(RSS of ``root``, RSS of ``root`` and all its descendants) in KiB, from /proc."""
    def rss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def children(pid: int) -> list[int]:
        found = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                text = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                found.extend(int(c) for c in text)
        except OSError:
            pass
        return found

    own = rss(root)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss(pid)
        stack.extend(children(pid))
    return own, total


def peak_memory(path: Path, out: Path) -> dict:
    command = [sys.executable, "-m", "coach", "audit", str(path), "-j", "2", "--report", str(out / "r.html"),
               "--findings", str(out / "f.parquet")]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    parent = tree = 0
    while process.poll() is None:
        own, total = _tree_rss_kib(process.pid)
        parent, tree = max(parent, own), max(tree, total)
        time.sleep(0.02)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(process.stderr.read())
    return {"parent_mib": round(parent / 1024, 1), "tree_mib": round(tree / 1024, 1), "wall_s": round(wall, 2)}


def memory_runs(folder: Path, multiples: list[int]) -> dict:
    memory = {}
    for copies in multiples:
        path = folder / f"x{copies}.jsonl"
        audit_input.write(path, copies)
        out = folder / f"mem{copies}"
        out.mkdir()
        memory[copies] = {"replies": copies * 2222, "input_mib": round(path.stat().st_size / 2**20, 1),
                          **peak_memory(path, out)}
    return memory


def memory_table(r: dict) -> str:
    lines = ["| input | replies | file | peak RSS, parent | peak RSS, parent + workers | wall |",
             "| --- | --- | --- | --- | --- | --- |"]
    for copies, m in r["memory"].items():
        lines.append(f"| {copies}× | {m['replies']:,} | {m['input_mib']} MiB | {m['parent_mib']} MiB | {m['tree_mib']} MiB "
                     f"| {m['wall_s']} s |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5, help="input for parts 1 and 2: the replies this many times")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=_HERE / "audit_results.json")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--multiples", default="1,10", help="part 3: input sizes, in copies of the replies (1,10)")
    parser.add_argument("--memory-only", action="store_true", help="run part 3 alone")
    args = parser.parse_args()
    results: dict = {"machine": {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
                                 "python": platform.python_version()},
                     "date": time.strftime("%Y-%m-%d"), "copies": args.copies, "rounds": args.rounds}
    try:
        results["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                           cwd=_HERE).stdout.strip()
    except OSError:
        pass
    with tempfile.TemporaryDirectory(prefix="coach-audit-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "input.jsonl"
        replies = audit_input.write(source, args.copies)
        results["replies"] = replies
        ray = None
        if args.memory_only:
            results["memory"] = memory_runs(folder, [int(m) for m in args.multiples.split(",")])
            args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            print(memory_table(results))
            return
        if not args.no_ray:
            import ray

            from coach import audit_dataset

            started = time.perf_counter()
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
            results["ray_init_s"] = round(time.perf_counter() - started, 2)
        seconds: dict[str, list[float]] = {"pool-1": [], "pool-2": [], "ray-2": []}
        for round_number in range(args.rounds):
            for jobs in (1, 2):
                outcome = audit_files([source], folder / f"f{jobs}-{round_number}.parquet", jobs=jobs)
                seconds[f"pool-{jobs}"].append(outcome.seconds)
            if ray is not None:
                ds = ray.data.read_json(str(source), lines=True)
                started = time.perf_counter()
                audit_dataset(ds, folder / f"ray-{round_number}", concurrency=2)
                seconds["ray-2"].append(time.perf_counter() - started)
            print(f"round {round_number + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in seconds.items() if v),
                  file=sys.stderr)
        rates = {k: round(replies / median(v), 1) for k, v in seconds.items() if v}
        results["seconds"] = {k: [round(s, 3) for s in v] for k, v in seconds.items() if v}
        results["replies_per_s"] = rates
        results["scaling_2"] = round(rates["pool-2"] / (2 * rates["pool-1"]), 3)
        if "ray-2" in rates:
            results["ray_over_pool"] = round(median(seconds["ray-2"]) / median(seconds["pool-2"]), 2)
        if ray is not None:
            ray.shutdown()
        results["memory"] = memory_runs(folder, [int(m) for m in args.multiples.split(",")])
    per_core = rates["pool-1"]
    results["projection"] = {"per_core_replies_per_s": per_core,
                             "cores_ideal": round(TARGET / 3600 / per_core, 1),
                             "cores_at_measured_scaling": round(TARGET / 3600 / per_core / results["scaling_2"], 1)}
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))


def markdown(r: dict) -> str:
    rates, secs = r["replies_per_s"], r["seconds"]
    lines = [f"Input: {r['replies']:,} replies ({r['copies']}× the real replies), median of {r['rounds']} interleaved "
             "rounds", "", "| run | workers | median wall | replies/s |", "| --- | --- | --- | --- |"]
    for key, label, workers in (("pool-1", "process pool", 1), ("pool-2", "process pool", 2),
                                ("ray-2", "Ray Data, local Ray (num_cpus=2)", 2)):
        if key in rates:
            lines.append(f"| {label} | {workers} | {median(secs[key]):.2f} s | {rates[key]:,.0f} |")
    lines += ["", f"Scaling with 2 workers: {r['scaling_2']:.2f} × 2 (target ≥ 0.8)."]
    if "ray_over_pool" in r:
        lines.append(f"Ray over the pool: {r['ray_over_pool']:.2f}× the pool's wall time "
                     f"(Ray's start-up, {r['ray_init_s']:.1f} s, not counted).")
    lines += ["", memory_table(r)]
    p = r["projection"]
    lines += ["", f"100 million replies in an hour at {p['per_core_replies_per_s']:,.0f} replies/s a core: "
              f"{p['cores_ideal']:,.0f} cores at perfect scaling, {p['cores_at_measured_scaling']:,.0f} at the "
              "measured 2-worker scaling."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
