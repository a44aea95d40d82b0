"""Score the current checker on the labelled real corpus (evals/real/twcs_dev.jsonl), per rule, with Wilson intervals."""

import argparse
import json
import math
from pathlib import Path

from coach import Coach

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "evals" / "real" / "twcs_dev.jsonl"


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson score interval for hits/n; (0, 1) when n is 0."""
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def ratio(hits: int, n: int) -> str:
    if n == 0:
        return f"{'-':>5} {'':>13}"
    low, high = wilson(hits, n)
    return f"{hits / n:>5.2f} [{low:.2f}, {high:.2f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["tune", "test", "all"], default="tune")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--errors", type=Path, help="write every case's expected and found rules here (JSONL)")
    args = parser.parse_args()

    with args.corpus.open(encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    cases = [c for c in cases if args.split == "all" or c["split"] == args.split]
    rules = cases[0]["rules"]

    coach = Coach()
    counts = {rule: {"tp": 0, "fp": 0, "fn": 0} for rule in rules}
    rows = []
    for case in cases:
        found = {f.rule for f in coach.check(case["draft"], customer=case["customer"] or None).findings}
        expect = set(case["expect"])
        for rule in case["rules"]:
            if rule in expect:
                counts[rule]["tp" if rule in found else "fn"] += 1
            elif rule in found:
                counts[rule]["fp"] += 1
        rows.append({"id": case["id"], "expect": sorted(expect), "found": sorted(found & set(case["rules"]))})

    print(f"split={args.split} cases={len(cases)}")
    print(f"{'rule':<20}{'pos':>5}{'TP':>5}{'FP':>5}{'FN':>5}  {'precision [95% CI]':<20}  {'recall [95% CI]':<20}")
    for rule in rules:
        c = counts[rule]
        pos = c["tp"] + c["fn"]
        precision, recall = ratio(c["tp"], c["tp"] + c["fp"]), ratio(c["tp"], pos)
        print(f"{rule:<20}{pos:>5}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}  {precision:<20}  {recall:<20}")

    if args.errors:
        with args.errors.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
