"""Build evals/real/twcs_dev.jsonl from the shared TWCS replies, their labels and evals/real/corrections.jsonl.

History: these are the earlier single-annotator draft labels (kept as ``expect_v1``). The corpus now holds the
sentence-level relabelling, rebuilt by scripts/relabel_real_corpus.py; this script refuses to overwrite it.
"""

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

RULES = ["broken-promise", "bland-apology", "pity", "parroting", "vague-effort", "no-next-step", "no-acknowledgement"]
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "evals" / "real"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_of(case_id: str) -> str:
    """Frozen split: 70 % tune, 30 % test, by hash of the original id."""
    return "tune" if int(hashlib.sha256(("twcs:" + case_id).encode()).hexdigest()[:8], 16) % 10 < 7 else "test"


def build(shared: Path) -> list[dict]:
    replies = {r["id"]: r for r in read_jsonl(shared / "twcs_dev.jsonl")}
    labels = {r["id"]: r for r in read_jsonl(shared / "twcs_dev_labels.jsonl")}
    if replies.keys() != labels.keys():
        raise SystemExit("replies and labels do not cover the same ids")

    fixes: dict[str, list[dict]] = {}
    for fix in read_jsonl(OUT_DIR / "corrections.jsonl"):
        case_id, rule = fix["id"], fix["rule"]
        if case_id not in labels or rule not in RULES:
            raise SystemExit(f"correction for unknown id or rule: {fix}")
        if labels[case_id]["labels"][rule] != fix["was"] or fix["was"] == fix["now"]:
            raise SystemExit(f"correction does not match the original label: {fix}")
        fixes.setdefault(case_id, []).append({k: fix[k] for k in ("rule", "was", "now", "why")})

    cases = []
    for case_id in sorted(replies, key=int):
        reply, label = replies[case_id], labels[case_id]
        truth = dict(label["labels"])
        for fix in fixes.get(case_id, []):
            truth[fix["rule"]] = fix["now"]
        case = {
            "id": f"twcs-{case_id}",
            "brand": reply["brand"],
            "customer": reply["customer"],
            "draft": reply["reply"],
            "expect": [rule for rule in RULES if truth[rule]],
            "rules": RULES,
            "split": split_of(case_id),
            "note": label["note"],
        }
        if label.get("lang"):
            case["lang"] = label["lang"]
        if case_id in fixes:
            case["fixed"] = fixes[case_id]
        case["tags"] = ["real"]
        cases.append(case)
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data", help="the shared TWCS folder")
    parser.add_argument("--force", action="store_true", help="overwrite a relabelled corpus with the earlier labels")
    args = parser.parse_args()

    out = OUT_DIR / "twcs_dev.jsonl"
    if out.exists() and '"spans"' in out.read_text(encoding="utf-8") and not args.force:
        raise SystemExit(f"{out} holds the sentence-level relabelling (scripts/relabel_real_corpus.py); this script "
                         "rebuilds the earlier single-annotator labels: pass --force to overwrite it anyway")
    cases = build(args.shared)
    with out.open("w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")

    sizes = Counter(c["split"] for c in cases)
    positives = Counter((c["split"], rule) for c in cases for rule in c["expect"])
    fixed = sum(len(c.get("fixed", [])) for c in cases)
    print(f"wrote {len(cases)} cases to {out.relative_to(ROOT)} ({fixed} corrected labels)")
    print(f"{'rule':<20}{'tune':>6}{'test':>6}")
    print(f"{'cases':<20}{sizes['tune']:>6}{sizes['test']:>6}")
    for rule in RULES:
        print(f"{rule:<20}{positives['tune', rule]:>6}{positives['test', rule]:>6}")


if __name__ == "__main__":
    main()
