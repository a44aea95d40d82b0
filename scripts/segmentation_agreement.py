"""Agreement of two blind annotators on sentence boundaries (evals/segmentation.jsonl and a second file).

Each gap between two pieces of a text (a whitespace run, or a unit end with no space) is a boundary or not for
each annotator; Cohen's kappa over all gaps, and the share of texts split identically.

    python scripts/segmentation_agreement.py evals/segmentation.jsonl evals/segmentation-b.jsonl
"""

from __future__ import annotations

import json
import re
import sys


def _ends(text: str, units: list[str]) -> set[int]:
    ends, at = set(), 0
    for unit in units:
        at = text.index(unit, at) + len(unit)
        ends.add(at)
    ends.discard(len(text.rstrip()))
    return ends


def main(a_path: str, b_path: str) -> int:
    a = {r["id"]: r for r in map(json.loads, open(a_path, encoding="utf-8"))}
    b = {r["id"]: r for r in map(json.loads, open(b_path, encoding="utf-8"))}
    pairs, same = [], 0
    for rid, row in a.items():
        text = row["text"]
        ea, eb = _ends(text, row["sentences"]), _ends(text, b[rid]["sentences"])
        gaps = {m.start() for m in re.finditer(r"\s+", text) if 0 < m.start() < len(text.rstrip())} | ea | eb
        pairs += [(g in ea, g in eb) for g in gaps]
        same += row["sentences"] == b[rid]["sentences"]
    n = len(pairs)
    agree = sum(x == y for x, y in pairs) / n
    pa, pb = sum(x for x, _ in pairs) / n, sum(y for _, y in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    kappa = (agree - chance) / (1 - chance)
    print(f"{len(a)} texts, {n} gaps: observed agreement {agree:.3f}, Cohen's kappa {kappa:.3f}; "
          f"texts split identically {same}/{len(a)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
