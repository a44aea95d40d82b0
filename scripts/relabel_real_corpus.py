"""Merge two blind annotators (and a third where they disagree) into the sentence-level labels of evals/real.

Inputs live in evals/real/annotations/: ``<corpus>.a.jsonl`` and ``<corpus>.b.jsonl`` (one line per reply,
as CONVENTIONS.md records them) and ``<corpus>.adjudicated.jsonl`` (one line per disagreement:
``{"id", "rule", "sentence": index or null, "label": bool}``).

    python scripts/relabel_real_corpus.py disagreements twcs_dev OUT.jsonl   # what the third annotator reads
    python scripts/relabel_real_corpus.py merge                              # rewrite the corpora, print kappa

The merge rewrites ``evals/real/twcs_dev.jsonl`` (old draft labels kept as ``expect_v1``),
``evals/real/public.jsonl`` (from the candidate pool given by --pool) and ``evals/unseen.jsonl`` (written
drafts in new styles, all in the test split: never tuned on), and prints Cohen's kappa per rule.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from coach._core.text import split_sentences  # noqa: E402

REAL = ROOT / "evals" / "real"
UNSEEN = ROOT / "evals" / "unseen.jsonl"
NOTES = REAL / "annotations"
SENTENCE_RULES = ["broken-promise", "bland-apology", "pity", "parroting", "vague-effort"]
REPLY_RULES = ["no-next-step", "no-acknowledgement"]
RULES = SENTENCE_RULES + REPLY_RULES


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_of(case_id: str) -> str:
    """The frozen split of evals/real/README.md: 70 % tune, 30 % test, by hash of the id."""
    key = case_id.removeprefix("twcs-")
    salt = "twcs:" if case_id.startswith("twcs-") else "public:"
    return "tune" if int(hashlib.sha256((salt + key).encode()).hexdigest()[:8], 16) % 10 < 7 else "test"


def units(record: dict) -> dict[tuple[str, int | None], bool]:
    """One annotator's labels for one reply as {(rule, sentence or None): label}, positives only for sentences."""
    out: dict[tuple[str, int | None], bool] = {}
    for index, rules in record.get("sent", {}).items():
        for rule in rules:
            if rule in SENTENCE_RULES:
                out[(rule, int(index))] = True
    for rule in REPLY_RULES:
        out[(rule, None)] = bool(record.get(rule, False))
    return out


def kappa(pairs: list[tuple[bool, bool]]) -> float | None:
    n = len(pairs)
    if not n:
        return None
    agree = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return None if expected == 1 else (agree - expected) / (1 - expected)


def load(corpus: str, keep: set[str] | None = None) -> tuple[dict[str, dict], dict[str, dict]]:
    a = {r["id"]: r for r in read_jsonl(NOTES / f"{corpus}.a.jsonl") if keep is None or r["id"] in keep}
    b = {r["id"]: r for r in read_jsonl(NOTES / f"{corpus}.b.jsonl") if keep is None or r["id"] in keep}
    if a.keys() != b.keys():
        raise SystemExit(f"{corpus}: the annotators did not label the same ids ({len(a.keys() ^ b.keys())} differ)")
    return a, b


def disagreements(a: dict[str, dict], b: dict[str, dict]) -> list[dict]:
    out = []
    for case_id in a:
        ua, ub = units(a[case_id]), units(b[case_id])
        for key in sorted(ua.keys() | ub.keys(), key=lambda k: (k[0], -1 if k[1] is None else k[1])):
            if ua.get(key, False) != ub.get(key, False):
                out.append({"id": case_id, "rule": key[0], "sentence": key[1]})
    return out


def agreement(a: dict[str, dict], b: dict[str, dict], sentences: dict[str, int]) -> dict[str, dict]:
    """Cohen's kappa per rule: per sentence (sentence rules) and per reply (all rules)."""
    report = {}
    for rule in RULES:
        per_reply, per_sentence = [], []
        for case_id in a:
            ua, ub = units(a[case_id]), units(b[case_id])
            if rule in REPLY_RULES:
                per_reply.append((ua[(rule, None)], ub[(rule, None)]))
                continue
            la = {k[1] for k, v in ua.items() if k[0] == rule and v}
            lb = {k[1] for k, v in ub.items() if k[0] == rule and v}
            per_reply.append((bool(la), bool(lb)))
            per_sentence += [(i in la, i in lb) for i in range(sentences[case_id])]
        report[rule] = {"reply": kappa(per_reply), "sentence": kappa(per_sentence) if per_sentence else None,
                        "positives_a": sum(x for x, _ in per_reply), "positives_b": sum(y for _, y in per_reply),
                        "disagree": sum(x != y for x, y in per_reply)}
    return report


def merged_case(case: dict, a: dict, b: dict, third: dict[tuple, bool]) -> dict:
    ua, ub = units(a), units(b)
    fixed = {(f["rule"], f["sentence"]): bool(f["label"]) for f in a.get("_fix", [])}
    final = {}
    for key in ua.keys() | ub.keys() | fixed.keys():
        x, y = ua.get(key, False), ub.get(key, False)
        final[key] = fixed[key] if key in fixed else x if x == y else third[(case["id"], *key)]
    sentences = split_sentences(case["draft"])
    spans = [{"rule": rule, "sentence": i, "start": sentences[i].start, "end": sentences[i].end}
             for (rule, i), v in sorted(final.items(), key=lambda kv: (kv[0][1] is None, kv[0][1] or 0, kv[0][0]))
             if v and i is not None]
    truth = {rule: any(v for (r, _), v in final.items() if r == rule) for rule in RULES}
    if case.get("lang"):
        truth = dict.fromkeys(RULES, False)
        spans = []
    out = {k: case[k] for k in ("id", "brand", "source", "customer", "draft") if k in case}
    out["rules"] = RULES
    out["split"] = case.get("split") or split_of(case["id"])
    out["expect"] = [rule for rule in RULES if truth[rule]]
    out["spans"] = spans
    if "expect_v1" in case or "note" in case:
        out["expect_v1"] = case.get("expect_v1", case.get("expect", []))
    if case.get("lang"):
        out["lang"] = case["lang"]
    notes = [n for n in (a.get("note"), b.get("note")) if n]
    if notes:
        out["notes"] = notes
    if fixed:
        out["corrected"] = [{k: f[k] for k in ("rule", "sentence", "label", "why")} for f in a["_fix"]]
    out["tags"] = case.get("tags", ["real"])
    return out


def merge_corpus(corpus: str, cases: list[dict], out_path: Path) -> dict[str, dict]:
    a, b = load(corpus, {c["id"] for c in cases})
    missing = [c["id"] for c in cases if c["id"] not in a]
    if missing:
        raise SystemExit(f"{corpus}: {len(missing)} cases have no annotation, e.g. {missing[:3]}")
    third_path = NOTES / f"{corpus}.adjudicated.jsonl"
    third = {(r["id"], r["rule"], r["sentence"]): bool(r["label"]) for r in read_jsonl(third_path)} \
        if third_path.exists() else {}
    open_ = [d for d in disagreements(a, b) if (d["id"], d["rule"], d["sentence"]) not in third]
    if open_:
        raise SystemExit(f"{corpus}: {len(open_)} disagreements have no third reading, e.g. {open_[:2]}")
    fixes_path = NOTES / f"{corpus}.corrections.jsonl"
    for fix in read_jsonl(fixes_path) if fixes_path.exists() else []:
        third[(fix["id"], fix["rule"], fix["sentence"])] = bool(fix["label"])
        for record in (a[fix["id"]], b[fix["id"]]):  # a correction overrides both readings
            record.setdefault("_fix", []).append(fix)
    merged = [merged_case(c, a[c["id"]], b[c["id"]], third) for c in cases]
    with out_path.open("w", encoding="utf-8") as f:
        for case in merged:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    counts = {c["id"]: len(split_sentences(c["draft"])) for c in cases}
    report = agreement({k: a[k] for k in counts}, {k: b[k] for k in counts}, counts)
    positives = Counter((c["split"], r) for c in merged for r in c["expect"])
    print(f"\n{out_path.relative_to(ROOT)}: {len(merged)} cases, {len(third)} third readings")
    print(f"{'rule':<20}{'kappa reply':>12}{'kappa sent.':>12}{'A+':>6}{'B+':>6}{'tune+':>7}{'test+':>7}")
    for rule, r in report.items():
        ks = "" if r["sentence"] is None else f"{r['sentence']:.3f}"
        print(f"{rule:<20}{r['reply']:>12.3f}{ks:>12}{r['positives_a']:>6}{r['positives_b']:>6}"
              f"{positives['tune', rule]:>7}{positives['test', rule]:>7}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dis = sub.add_parser("disagreements")
    dis.add_argument("corpus")
    dis.add_argument("out", type=Path)
    merge = sub.add_parser("merge")
    merge.add_argument("--pool", type=Path, help="the candidate pool (scripts/build_public_pool.py) for public.jsonl")
    merge.add_argument("--unseen", type=Path, help="the written drafts of evals/unseen.jsonl (first merge only)")
    args = parser.parse_args()
    if args.command == "disagreements":
        a, b = load(args.corpus)
        rows = disagreements(a, b)
        with args.out.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")
        print(f"{len(rows)} disagreements -> {args.out}")
        return
    reports = {"twcs_dev": merge_corpus("twcs_dev", read_jsonl(REAL / "twcs_dev.jsonl"), REAL / "twcs_dev.jsonl")}
    if (NOTES / "public.a.jsonl").exists():
        if args.pool is None and not (REAL / "public.jsonl").exists():
            raise SystemExit("give --pool to build evals/real/public.jsonl the first time")
        base = read_jsonl(args.pool) if args.pool else read_jsonl(REAL / "public.jsonl")
        labelled = {r["id"] for r in read_jsonl(NOTES / "public.a.jsonl")}
        excluded_path = NOTES / "public.excluded.jsonl"
        excluded = {r["id"] for r in read_jsonl(excluded_path)} if excluded_path.exists() else set()
        cases = [{**c, "tags": ["real", "public"]} for c in base if c["id"] in labelled - excluded]
        reports["public"] = merge_corpus("public", cases, REAL / "public.jsonl")
    if (NOTES / "unseen.a.jsonl").exists():
        base = read_jsonl(args.unseen) if args.unseen else read_jsonl(UNSEEN)
        cases = [{**{k: c[k] for k in ("id", "customer", "draft") if k in c}, "split": "test",
                  "tags": ["written", c.get("style") or (c.get("tags") or ["", ""])[1]]} for c in base]
        reports["unseen"] = merge_corpus("unseen", cases, UNSEEN)
    (NOTES / "agreement.json").write_text(json.dumps(reports, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
