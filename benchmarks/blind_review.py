"""Part 14: a blind reviewer's verdicts on offline rewrites, before and after, for each set of unseen drafts.

Each set in ``evals/guard/`` has its drafts (written by one helper who saw only GUIDANCE.md), the offline
engine's rewrites before and after (with the coach's own ``passed``), and a second helper's verdicts on the
rewrites, shuffled and blind to which engine wrote them (``{"rid", "garbled", "flaws", "would_send"}``, with a
key from rid to ``[draft id, [systems]]``). Counted per engine: garbled rewrites, rewrites with any flaw, false
``passed: true`` (the coach passed a rewrite the reviewer found garbled or flawed), mean "would send" (1-5),
and good drafts returned byte-identical.

    python benchmarks/blind_review.py [a b c]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GUARD = Path(__file__).resolve().parent.parent / "evals" / "guard"


def _rows(path: Path) -> dict[str, dict]:
    return {row.get("id") or row["rid"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def score(name: str) -> list[str]:
    drafts = _rows(GUARD / f"drafts-{name}.jsonl")
    verdicts = _rows(GUARD / f"review-{name}.jsonl")
    key = json.loads((GUARD / f"review-{name}-key.json").read_text(encoding="utf-8"))
    by = {(system, cid): verdicts[rid] for rid, (cid, systems) in key.items() for system in systems}
    lines = []
    for system in ("before", "after"):
        runs = _rows(GUARD / f"offline-{name}-{system}.jsonl")
        seen = [by[(system, cid)] for cid in drafts]
        bad = {cid for cid in drafts if by[(system, cid)]["garbled"] or by[(system, cid)]["flaws"]}
        false_pass = sum(runs[cid]["passed"] is True for cid in bad)
        good = [cid for cid in drafts if drafts[cid].get("kind") == "good"]
        lines.append(f"| {name} ({len(drafts)}) | {system} | {sum(v['garbled'] for v in seen)} | {len(bad)} | "
                     f"{false_pass} of {len(bad)} | {sum(v['would_send'] for v in seen) / len(seen):.2f} | "
                     f"{sum(runs[cid]['unchanged'] for cid in good)} of {len(good)} |")
    return lines


def main() -> int:
    print("| set | engine | garbled | flawed | false `passed: true` | mean would-send | good drafts unchanged |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in sys.argv[1:] or ["a", "b", "c"]:
        print("\n".join(score(name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
