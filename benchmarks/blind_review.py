"""Part 14: blind reviewers' verdicts on offline rewrites, before and after, for each set of unseen drafts.

Each set in ``evals/guard/`` has its drafts (written by one helper who saw only GUIDANCE.md), the offline
engine's rewrites before and after (with the coach's own ``passed``), and a second helper's verdicts on the
rewrites, shuffled and blind to which engine wrote them (``{"rid", "garbled", "flaws", "would_send"}``, with a
key from rid to ``[draft id, [systems]]``). Where a third helper judged the same items blind to the second
(``review-<set>-second.jsonl``), its row follows and Cohen's kappa between the two is printed. Counted per
engine: garbled rewrites, rewrites with any flaw (a missing thanks, a suggestion, aside), false
``passed: true`` (the coach passed a rewrite the reviewer found garbled or flawed), rewrites left with
``passed: null`` for a person to read (lines the coach wrote itself, in ``review``), mean "would send" (1-5), and
good drafts returned byte-identical.

    python benchmarks/blind_review.py [a b c d e]
    python benchmarks/blind_review.py --review-rule i j k l   # own_lines on the judged "after" rewrites
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from relabel_real_corpus import kappa  # noqa: E402  (one definition of Cohen's kappa for the project's labels)

GUARD = Path(__file__).resolve().parent.parent / "evals" / "guard"


def _rows(path: Path) -> dict[str, dict]:
    return {row.get("id") or row["rid"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _flawed(verdict: dict) -> bool:
    return bool(verdict["garbled"] or [f for f in verdict["flaws"] if f != "no-thanks"])


def score(name: str, reviewer: str = "") -> list[str]:
    drafts = _rows(GUARD / f"drafts-{name}.jsonl")
    verdicts = _rows(GUARD / f"review-{name}{reviewer}.jsonl")
    key = json.loads((GUARD / f"review-{name}-key.json").read_text(encoding="utf-8"))
    by = {(system, cid): verdicts[rid] for rid, (cid, systems) in key.items() for system in systems}
    lines = []
    for system in ("before", "after"):
        runs = _rows(GUARD / f"offline-{name}-{system}.jsonl")
        seen = [by[(system, cid)] for cid in drafts]
        bad = {cid for cid in drafts if _flawed(by[(system, cid)])}
        false_pass = sum(runs[cid]["passed"] is True for cid in bad)
        good = [cid for cid in drafts if drafts[cid].get("kind") == "good"]
        label = f"{name} ({len(drafts)}){' 2nd reviewer' if reviewer else ''}"
        lines.append(f"| {label} | {system} | {sum(v['garbled'] for v in seen)} | {len(bad)} | "
                     f"{false_pass} of {len(bad)} | {sum(runs[cid]['passed'] is None for cid in drafts)} | "
                     f"{sum(v['would_send'] for v in seen) / len(seen):.2f} | "
                     f"{sum(runs[cid]['unchanged'] for cid in good)} of {len(good)} |")
    return lines


def agreement(name: str) -> str | None:
    """Cohen's kappa between the two reviewers over every judged item, on "garbled" and on "flawed"."""
    second = GUARD / f"review-{name}-second.jsonl"
    if not second.exists():
        return None
    a, b = _rows(GUARD / f"review-{name}.jsonl"), _rows(second)
    items = sorted(a.keys() & b.keys())
    parts = []
    for what, judge in (("garbled", lambda v: bool(v["garbled"])), ("flawed", _flawed)):
        parts.append(f"{what} kappa {kappa([(judge(a[i]), judge(b[i])) for i in items]):.2f}")
    return f"set {name}: {len(items)} items judged by both reviewers, " + ", ".join(parts)


def review_rule(names: list[str]) -> str:
    """What ``own_lines`` would have said of each set's judged "after" rewrites (the same texts): verdicts, over both
    reviewers, on rewrites that passed, split by whether the coach wrote a line of its own (then ``passed: null``).
    Meant for sets recorded before the rule (a-l): from set m on, such rewrites were never passed to begin with."""
    sys.path.insert(0, str(GUARD.parent.parent))
    from coach._core.guard import own_lines

    counts = {(flawed, lines): 0 for flawed in (True, False) for lines in (True, False)}
    for name in names:
        drafts, runs = _rows(GUARD / f"drafts-{name}.jsonl"), _rows(GUARD / f"offline-{name}-after.jsonl")
        key = json.loads((GUARD / f"review-{name}-key.json").read_text(encoding="utf-8"))
        rid = {cid: r for r, (cid, systems) in key.items() if "after" in systems}
        for reviewer in ("", "-second"):
            path = GUARD / f"review-{name}{reviewer}.jsonl"
            verdicts = _rows(path) if path.exists() else {}
            for cid in drafts:
                if cid in rid and rid[cid] in verdicts and runs[cid]["passed"] is True:
                    lines = bool(own_lines(drafts[cid]["draft"], runs[cid]["rewrite"]))
                    counts[(_flawed(verdicts[rid[cid]]), lines)] += 1
    return (f"sets {', '.join(names)}, passed rewrites as judged: flawed {counts[True, True]} with lines of the coach's "
            f"own (now passed: null) and {counts[True, False]} without (still a false pass); clean "
            f"{counts[False, True]} with lines of its own (now null) and {counts[False, False]} without (still a pass)")


def main() -> int:
    if sys.argv[1:2] == ["--review-rule"]:
        print(review_rule(sys.argv[2:]))
        return 0
    print("| set | engine | garbled | flawed | false `passed: true` | `passed: null` | mean would-send | "
          "good drafts unchanged |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    # (by default the judged sets: development sets have drafts, and a helper's notes at most, but no verdicts)
    names = sys.argv[1:] or sorted(p.name[len("review-"):-len("-key.json")] for p in GUARD.glob("review-*-key.json"))
    notes = []
    for name in names:
        print("\n".join(score(name)))
        if (GUARD / f"review-{name}-second.jsonl").exists():
            print("\n".join(score(name, "-second")))
            notes.append(agreement(name))
    print("\n".join(["", *filter(None, notes)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
