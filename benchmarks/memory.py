"""Part 2: peak RSS of a whole ``coach check --jsonl FILE`` process on 1x, 3x and 10x the corpus.

The inputs are written to a temporary folder (never the repository); each process's own peak RSS is read
by GNU time (``%M``). Flat means the 10x run peaks near the 1x run, not higher as the input grows.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from statistics import median
from typing import Any

from .common import Reply, console_script, run_measured, write_batch


def run(replies: list[Reply], multiples: tuple[int, ...] = (1, 3, 10), rounds: int = 3) -> dict[str, Any]:
    coach = console_script("coach", "coach")
    rows = []
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        files = {k: write_batch(replies, Path(tmp) / f"x{k}.jsonl", copies=k) for k in multiples}
        rss: dict[int, list[float]] = {k: [] for k in multiples}
        wall: dict[int, list[float]] = {k: [] for k in multiples}
        for _ in range(rounds):
            for k, path in files.items():
                m = run_measured([*coach, "check", "--jsonl", str(path)], rss=True)
                rss[k].append(m.max_rss_mib)
                wall[k].append(m.wall_s)
        for k, path in files.items():
            rows.append({"multiple": k, "drafts": k * len(replies), "input_mib": round(path.stat().st_size / 2**20, 2),
                         "peak_rss_mib": round(median(rss[k]), 1), "wall_s": round(median(wall[k]), 3)})
    low, high = rows[0], rows[-1]
    return {"command": "coach check --jsonl FILE > /dev/null", "rounds": rounds, "runs": rows,
            "growth_mib": round(high["peak_rss_mib"] - low["peak_rss_mib"], 1),
            "growth_ratio": round(high["peak_rss_mib"] / low["peak_rss_mib"], 3),
            "growth_per_input_mib": round((high["peak_rss_mib"] - low["peak_rss_mib"])
                                          / max(1e-9, high["input_mib"] - low["input_mib"]), 2)}
