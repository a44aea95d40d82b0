"""Train the learned checker's heads on the tune split; write coach/_core/learned/artifact/heads.json.

Development only (`pip install -e '.[train]'`: scikit-learn). Reproducible: fixed seed, fixed folds, and
the same data and token vectors give the same file. The test split is never read.

    python scripts/learned/train_checker.py            # CV on tune, choose C and thresholds, fit, write
    python scripts/learned/train_checker.py --dry-run  # CV report only

Sentence rules: one logistic head per rule on [sentence vector, neighbours' vector], labels from the
sentence-level spans. Reply rules: one head on [reply, customer, reply*customer, similarities, ...], with
and without the rule's own verdict. Thresholds maximise the reply-level F1 of 5-fold out-of-fold
probabilities (folds grouped by reply).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import zlib
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from coach._core.checker import check  # noqa: E402
from coach._core.combined import explicit_step  # noqa: E402
from coach._core.learned import ARTIFACT_DIR, FORMAT, REPLY_RULES, SENTENCE_RULES  # noqa: E402
from coach._core.learned.embedding import StaticEmbedding  # noqa: E402
from coach._core.learned.features import reply_features, sentence_features  # noqa: E402
from coach._core.rules import load_rules  # noqa: E402
from coach._core.text import looks_english, split_sentences  # noqa: E402

SEED = 20261202
FOLDS = 5
CORPORA = [ROOT / "evals/real/twcs_dev.jsonl", ROOT / "evals/real/public.jsonl"]
SYNTHETIC = ROOT / "evals/real/synthetic.jsonl"
SYNTHETIC_REPLIES = ROOT / "evals/real/synthetic_replies.jsonl"
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = np.round(np.arange(0.05, 0.995, 0.01), 2)
VETOES = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3)
SYNTHETIC_WEIGHT = float(os.environ.get("COACH_SYNTHETIC_WEIGHT", "0"))
SYNTHETIC_REPLY_WEIGHT = float(os.environ.get("COACH_SYNTHETIC_REPLY_WEIGHT", "1"))
POSITIVE_WEIGHT = float(os.environ.get("COACH_POSITIVE_WEIGHT", "1"))
MIN_PRECISION = 0.8  # of the model's additions, and of its vetoes, on the out-of-fold predictions of tune
GOLD = ROOT / "evals/gold.jsonl"
GOLD_FLOOR = 0.9  # combined precision and recall on the gold suite, with the head fitted on all of tune


def load_cases(corpora: list[Path]) -> list[dict]:
    cases = []
    for path in corpora:
        if path.exists():
            cases += [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [c for c in cases if c["split"] == "tune" and not c.get("lang")]


def embedding() -> StaticEmbedding:
    pieces = json.loads((ARTIFACT_DIR / "pieces.json").read_text(encoding="utf-8"))
    return StaticEmbedding(pieces, np.load(ARTIFACT_DIR / "vectors.npy"))


def synthetic_rows(emb: StaticEmbedding) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Written sentences (training only, never scored): per rule, features and labels, with no neighbours."""
    if not SYNTHETIC.exists():
        return {}
    rows = [json.loads(line) for line in SYNTHETIC.open(encoding="utf-8") if line.strip()]
    out = {}
    for rule in SENTENCE_RULES:
        mine = [r for r in rows if r["rule"] == rule]
        if mine:
            x = np.vstack([sentence_features(emb, [r["text"]]) for r in mine])
            out[rule] = (x, np.array([bool(r["label"]) for r in mine]))
    return out


def synthetic_reply_rows(emb: StaticEmbedding) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Written reply-level cases (training only, never scored): per reply rule, features and labels."""
    if not SYNTHETIC_REPLIES.exists() or SYNTHETIC_REPLY_WEIGHT <= 0:
        return {}
    rows = [json.loads(line) for line in SYNTHETIC_REPLIES.open(encoding="utf-8") if line.strip()]
    x = np.vstack([reply_features(emb, [s.text for s in split_sentences(r["draft"])], r["draft"], r["customer"])
                   for r in rows])
    return {rule: (x, np.array([bool(r[rule]) for r in rows])) for rule in REPLY_RULES}


def gold_features(emb: StaticEmbedding) -> dict:
    """The gold suite's English labelled drafts, as the heads see them (for gold_floor only)."""
    from coach._core.policy import Policy

    cases = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    cases = [c for c in cases if c.get("expect") is not None and looks_english(c["draft"])]
    sent_x, groups, sent_fired, reply_x, reply_fired = [], [], {r: [] for r in SENTENCE_RULES}, [], {}
    truth = {r: np.array([r in c["expect"] for c in cases]) for r in SENTENCE_RULES + REPLY_RULES}
    ok, addable, step_rule = [], {}, load_rules()["no-next-step"]
    for n, case in enumerate(cases):
        sentences = split_sentences(case["draft"])
        texts = [s.text for s in sentences]
        policy = Policy(commitments=list(case.get("policy", [])))
        fired = rule_sentences(case, sentences, policy)
        sent_x.append(sentence_features(emb, texts))
        groups += [n] * len(texts)
        for rule in SENTENCE_RULES:
            sent_fired[rule].append(bool(fired.get(rule)))
        customer = case.get("customer") or ""
        reply_x.append(reply_features(emb, texts, case["draft"], customer))
        ok.append(bool(customer.strip()) and looks_english(customer))
        for rule in REPLY_RULES:
            reply_fired.setdefault(rule, []).append(bool(fired.get(rule)))
            addable.setdefault(rule, []).append(rule != "no-next-step" or not explicit_step(step_rule, sentences))
    xs, xr, ok = np.vstack(sent_x), np.vstack(reply_x), np.array(ok)
    out = {"n": len(cases), "sentence": {}, "reply": {}}
    for rule in SENTENCE_RULES:
        out["sentence"][rule] = (xs, np.array(groups), truth[rule], np.array(sent_fired[rule]))
    for rule in REPLY_RULES:
        mask = ok if rule == "no-acknowledgement" else np.ones(len(cases), bool)
        out["reply"][rule] = (xr[mask], truth[rule][mask], np.array(reply_fired[rule])[mask],
                              np.array(addable[rule])[mask])
    return out


def rule_sentences(case: dict, sentences, policy=None) -> dict[str, set[int]]:
    """Which sentences the rules alone flag, per sentence rule; reply rules map to {-1}."""
    result = check(case["draft"], case.get("customer") or None, policy, use="rules")
    out: dict[str, set[int]] = {}
    for f in result.findings:
        if f.start is None:
            out.setdefault(f.rule, set()).add(-1)
            continue
        index = next((i for i, s in enumerate(sentences) if f.start < s.end), len(sentences) - 1)
        out.setdefault(f.rule, set()).add(index)
    return out


def prf(truth: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int((truth & pred).sum())
    p = tp / max(1, int(pred.sum()))
    r = tp / max(1, int(truth.sum()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fit(x: np.ndarray, y: np.ndarray, c: float, n_synthetic: int = 0, synthetic_weight: float | None = None
        ) -> tuple[np.ndarray, float]:
    """A logistic head with the scaler folded in: p = sigmoid(x @ coef + intercept) on raw features.

    The last ``n_synthetic`` rows are written sentences: they weigh SYNTHETIC_WEIGHT each, a real one 1.
    """
    scaler = StandardScaler().fit(x[: len(x) - n_synthetic])
    weight = np.ones(len(y))
    if n_synthetic:
        weight[len(y) - n_synthetic:] = SYNTHETIC_WEIGHT if synthetic_weight is None else synthetic_weight
    positives = y.astype(bool)
    weight[positives] *= POSITIVE_WEIGHT
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(scaler.transform(x), y, sample_weight=weight)
    coef = model.coef_[0] / scaler.scale_
    return coef, float(model.intercept_[0] - (coef * scaler.mean_).sum())


def out_of_fold(x, y, groups, c, extra: tuple[np.ndarray, np.ndarray] | None = None, weight=None) -> np.ndarray:
    """Out-of-fold probabilities of the real rows; synthetic ``extra`` rows only ever join the training folds."""
    p = np.zeros(len(y))
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, held in folds.split(x, y, groups):
        xt, yt = (x[train], y[train]) if extra is None else (np.vstack([x[train], extra[0]]),
                                                              np.concatenate([y[train], extra[1]]))
        coef, intercept = fit(xt, yt, c, 0 if extra is None else len(extra[1]), weight)
        p[held] = 1 / (1 + np.exp(-(x[held] @ coef + intercept)))
    return p


def best_threshold(truth: np.ndarray, score_for) -> tuple[float, tuple]:
    best = (-1.0, 0.5, (0, 0, 0))
    for t in THRESHOLDS:
        m = prf(truth, score_for(t))
        if m[2] > best[0]:
            best = (m[2], float(round(t, 2)), m)
    return best[1], best[2]


def add_and_veto(truth: np.ndarray, fired: np.ndarray, score_for, allowed, addable=None) -> tuple[float, float, tuple]:
    """Combined = the rule's replies whose model score reaches ``veto``, plus replies the model alone reaches
    ``add`` on. Each half must be right most of the time on its own (MIN_PRECISION), or it is not used, and
    ``allowed(add, veto)`` must hold (the gold suite's floor)."""
    best = (prf(truth, fired)[2], 1.01, 0.0, prf(truth, fired))
    for veto in VETOES:
        kept = fired & score_for(veto)
        dropped = fired & ~kept
        if dropped.any() and (~truth[dropped]).mean() < MIN_PRECISION:
            continue
        for add in THRESHOLDS:
            added = ~fired & score_for(add) & (True if addable is None else addable)
            if added.any() and truth[added].mean() < MIN_PRECISION:
                continue
            if not allowed(add, veto):
                continue
            m = prf(truth, kept | added)
            if m[2] > best[0] + 1e-9:
                best = (m[2], float(round(add, 2)), veto, m)
    return best[1], best[2], best[3]


def gold_floor(truth: np.ndarray, fired: np.ndarray, score_for, addable=None):
    """A check of (add, veto) on the gold suite: combined precision and recall stay at GOLD_FLOOR, or at the
    rules' own level where that is lower. The gold suite only vetoes thresholds; it never trains a head."""
    floor_p, floor_r = (min(GOLD_FLOOR, v) for v in prf(truth, fired)[:2])

    def allowed(add: float, veto: float) -> bool:
        added = ~fired & score_for(add) & (True if addable is None else addable)
        p, r, _ = prf(truth, (fired & score_for(veto)) | added)
        return p >= floor_p - 1e-9 and r >= floor_r - 1e-9
    return allowed


def train_head(name: str, x, y, groups, truth_of, fired, gold, extra=None, addable=None, weight=None
               ) -> tuple[dict, dict]:
    """Choose C by out-of-fold F1 of the model alone, then the add/veto thresholds; fit on everything.

    ``gold`` is (features, truth, fired, truth_of) of the gold suite, used only as the floor of gold_floor().
    """
    best = None
    for c in C_GRID:
        p = out_of_fold(x, y, groups, c, extra, weight)
        t, m = best_threshold(truth_of(y), lambda t, p=p: truth_of(p >= t))
        if best is None or m[2] > best[0]:
            best = (m[2], c, t, m, p)
    _, c, t, m_model, p = best
    xt, yt = (x, y) if extra is None else (np.vstack([x, extra[0]]), np.concatenate([y, extra[1]]))
    coef, intercept = fit(xt, yt, c, 0 if extra is None else len(extra[1]), weight)
    gx, gtruth, gfired, gtruth_of, gaddable = gold
    gp = 1 / (1 + np.exp(-(gx @ coef + intercept)))
    allowed = gold_floor(gtruth, gfired, lambda t: gtruth_of(gp >= t), gaddable)
    add, veto, m_comb = add_and_veto(truth_of(y), fired, lambda t: truth_of(p >= t), allowed, addable)
    head = {"model": {"coef": coef.round(6).tolist(), "intercept": round(intercept, 6), "threshold": t},
            "add": add, "veto": veto}
    cv = {"positives": int(truth_of(y).sum()), "rules": prf(truth_of(y), fired), "model": m_model,
          "combined": m_comb, "C": c}
    print(f"{name:<20}{cv['positives']:>5}  " + "".join(f"{'%.2f/%.2f/%.2f' % m:<20}" for m in
          (cv["rules"], m_model, m_comb)) + f"{c:<6}{add:<6}{veto}")
    return head, cv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--corpus", nargs="+", type=Path, default=CORPORA, help="labelled corpora (their tune split)")
    args = parser.parse_args()
    cases = load_cases(args.corpus)
    emb = embedding()
    sent_x, sent_case, sent_y, sent_rule = [], [], {r: [] for r in SENTENCE_RULES}, {r: [] for r in SENTENCE_RULES}
    reply_x, reply_y, reply_fired, reply_ok = [], {r: [] for r in REPLY_RULES}, {r: [] for r in REPLY_RULES}, []
    reply_addable: dict[str, list[bool]] = {r: [] for r in REPLY_RULES}
    step_rule = load_rules()["no-next-step"]
    for n, case in enumerate(cases):
        sentences = split_sentences(case["draft"])
        texts = [s.text for s in sentences]
        fired = rule_sentences(case, sentences)
        labelled = {(s["rule"], s["sentence"]) for s in case.get("spans", [])}
        sent_x.append(sentence_features(emb, texts))
        for i in range(len(texts)):
            sent_case.append(n)
            for rule in SENTENCE_RULES:
                sent_y[rule].append((rule, i) in labelled)
                sent_rule[rule].append(i in fired.get(rule, ()))
        customer = case.get("customer") or ""
        reply_x.append(reply_features(emb, texts, case["draft"], customer))
        reply_ok.append(bool(customer.strip()) and looks_english(customer))
        for rule in REPLY_RULES:
            reply_y[rule].append(rule in case["expect"])
            reply_fired[rule].append(bool(fired.get(rule)))
            reply_addable[rule].append(rule != "no-next-step" or not explicit_step(step_rule, sentences))
    xs, groups = np.vstack(sent_x), np.array(sent_case)
    xr, ok = np.vstack(reply_x), np.array(reply_ok)
    synthetic = synthetic_rows(emb)
    synthetic_replies = synthetic_reply_rows(emb)
    gold = gold_features(emb)
    n_cases = len(cases)
    out: dict = {"format": FORMAT, "sentence": {}, "reply": {}, "cv": {}}
    print(f"{n_cases} tune replies, {len(xs)} sentences; {FOLDS}-fold CV grouped by reply; "
          f"{sum(len(v[1]) for v in synthetic.values())} synthetic sentences (training folds only)\n")
    print(f"{'rule':<20}{'pos':>5}  {'rules P/R/F1':<20}{'model P/R/F1':<20}{'combined P/R/F1':<20}{'C':<6}{'add':<6}veto")

    def per_reply(flags: np.ndarray) -> np.ndarray:
        return np.bincount(groups[flags], minlength=n_cases) > 0

    for rule in SENTENCE_RULES:
        fired = per_reply(np.array(sent_rule[rule]))
        gx, ggroups, gy, gfired = gold["sentence"][rule]

        def gold_reply(flags, ggroups=ggroups):
            return np.bincount(ggroups[flags], minlength=gold["n"]) > 0
        out["sentence"][rule], out["cv"][rule] = train_head(rule, xs, np.array(sent_y[rule]), groups, per_reply, fired,
                                                            (gx, gy, gfired, gold_reply, None), synthetic.get(rule))
    for rule in REPLY_RULES:
        mask = ok if rule == "no-acknowledgement" else np.ones(n_cases, bool)
        y, fired = np.array(reply_y[rule])[mask], np.array(reply_fired[rule])[mask]
        gx, gy, gfired, gaddable = gold["reply"][rule]
        out["reply"][rule], out["cv"][rule] = train_head(rule, xr[mask], y, np.arange(mask.sum()), lambda flags: flags,
                                                         fired, (gx, gy, gfired, lambda flags: flags, gaddable),
                                                         synthetic_replies.get(rule), np.array(reply_addable[rule])[mask],
                                                         SYNTHETIC_REPLY_WEIGHT)
    if args.dry_run:
        return
    data = b"".join(p.read_bytes() for p in args.corpus if p.exists())
    data += SYNTHETIC.read_bytes() if SYNTHETIC.exists() else b""
    data += SYNTHETIC_REPLIES.read_bytes() if SYNTHETIC_REPLIES.exists() else b""
    vectors = (ARTIFACT_DIR / "vectors.npy").read_bytes()
    out["vectors_sha256"] = hashlib.sha256(vectors).hexdigest()
    out["vectors_crc32"] = zlib.crc32(vectors)
    out["pieces_crc32"] = zlib.crc32((ARTIFACT_DIR / "pieces.json").read_bytes())
    out["trained_on"] = {"replies": n_cases, "sentences": int(len(xs)), "corpora_sha256": hashlib.sha256(data).hexdigest(),
                         "synthetic": sum(len(v[1]) for v in synthetic.values()) if SYNTHETIC_WEIGHT > 0 else 0,
                         "synthetic_replies": len(next(iter(synthetic_replies.values()))[1]) if synthetic_replies else 0,
                         "seed": SEED, "folds": FOLDS}
    out["version"] = "2026.12." + out["trained_on"]["corpora_sha256"][:8]
    (ARTIFACT_DIR / "heads.json").write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"\nwrote {ARTIFACT_DIR / 'heads.json'} (version {out['version']})")


if __name__ == "__main__":
    main()
