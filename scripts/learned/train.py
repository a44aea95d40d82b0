"""Development-only experiment (issue: a learned second opinion, only if it earns its place); not shipped.

Learned second opinion per rule: hashed n-gram logistic regression, combined with the rules (OR, optional veto).

Stages (run in order; each is reproducible, fixed seeds):

  python train.py cv       # tune split only: 5-fold CV, choose C / class weight / threshold / veto per rule
  python train.py test     # ONCE: fit on all of tune, evaluate rules alone vs combined on the test split
  python train.py export   # kept rules only: write learned.json, verify pure Python vs sklearn, time it

Outputs go to $COACH_LEARNED_OUT (default /tmp/coach-learned). The test stage refuses to run a second time (out/TEST_USED).
sklearn / numpy / scipy are development-only tools here; the shipped scorer (learned.py) is stdlib only.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

HERE = Path(__file__).resolve().parent
MAIN = HERE.parent.parent  # the repository
DATA = MAIN / "evals/real/twcs_dev.jsonl"
OUT = Path(os.environ.get("COACH_LEARNED_OUT", "/tmp/coach-learned"))  # outside the repository
sys.path.insert(0, str(HERE))
import learned as L  # noqa: E402  (the pure-Python featuriser/scorer that ships)

RULES = ["broken-promise", "bland-apology", "pity", "parroting", "vague-effort", "no-next-step", "no-acknowledgement"]
BUCKETS = 2**20
SEED = 20261201
N_FOLDS = 5
KEEP = 8000  # features kept per rule after pruning (all 7 rules together stay < 2 MB of JSON)
GRID_C = [1.0, 4.0, 16.0]
GRID_CW = [None, "balanced"]
THRESHOLDS = [round(x, 2) for x in np.arange(0.05, 0.96, 0.01)]
VETOES = [None] + [round(x, 2) for x in np.arange(0.01, 0.31, 0.01)]
MAX_P_DROP = 0.02


# --- data and rules -----------------------------------------------------------------------------------------
def load_rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def rules_fingerprint() -> str:
    h = hashlib.sha256()
    for rel in ["coach/_core/checker.py", "coach/_core/rules/rules.toml", "coach/_core/text.py", "coach/_core/rules.py"]:
        h.update((MAIN / rel).read_bytes())
    return h.hexdigest()[:16]


def rules_predictions(rows: list[dict]) -> dict[str, dict]:
    """{id: {"fired": [rule...], "english": bool}} from the rulebook checker, exactly as the brief says."""
    sys.path.insert(0, str(MAIN))
    from coach import Coach

    coach = Coach()
    out = {}
    for r in rows:
        res = coach.check(r["draft"], customer=r["customer"] or None)
        out[r["id"]] = {"fired": sorted({f.rule for f in res.findings} & set(RULES)), "english": res.assessed}
    return out


# --- features ----------------------------------------------------------------------------------------------
def matrix(rows: list[dict], with_customer: bool) -> sp.csr_matrix:
    data, indices, indptr = [], [], [0]
    for r in rows:
        vec = L.features(r["draft"], r["customer"], BUCKETS, with_customer)
        for b in sorted(vec):
            indices.append(b)
            data.append(vec[b])
        indptr.append(len(indices))
    return sp.csr_matrix((np.array(data), np.array(indices), np.array(indptr)), shape=(len(rows), BUCKETS))


def applies(rule: str, rows: list[dict], rp: dict) -> np.ndarray:
    """Where the model may speak: English drafts (like the rules), and a customer message for customer rules."""
    ok = np.array([rp[r["id"]]["english"] for r in rows])
    if rule in L.CUSTOMER_RULES:
        ok &= np.array([bool((r["customer"] or "").strip()) for r in rows])
    return ok


# --- model: fit, prune to KEEP largest |w|, refit on those columns -------------------------------------------
class Pipe:
    def __init__(self, C: float, cw, keep: int | None):
        self.C, self.cw, self.keep = C, cw, keep

    def _lr(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.cw, solver="liblinear", max_iter=2000, random_state=SEED)

    def fit(self, X, y):
        full = self._lr().fit(X, y)
        if self.keep is None:
            self.cols = None
            self.lr = full
            return self
        w = full.coef_.ravel()
        nz = np.flatnonzero(w)
        order = nz[np.argsort(-np.abs(w[nz]), kind="stable")]
        self.cols = np.sort(order[: self.keep])
        self.lr = self._lr().fit(X[:, self.cols], y)
        return self

    def proba(self, X) -> np.ndarray:
        return self.lr.predict_proba(X if self.cols is None else X[:, self.cols])[:, 1]

    def weights(self) -> tuple[float, dict[int, float]]:
        w = self.lr.coef_.ravel()
        cols = self.cols if self.cols is not None else np.arange(len(w))
        return float(self.lr.intercept_[0]), {int(c): float(v) for c, v in zip(cols, w) if v != 0.0}


def oof(X, y, ok, C, cw, keep) -> np.ndarray:
    """5-fold out-of-fold probabilities; rows where the model does not apply get p = 0 (never flag, never veto)."""
    p = np.zeros(len(y))
    skf = StratifiedKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
    for tr, te in skf.split(np.zeros(len(y)), y):
        pipe = Pipe(C, cw, keep).fit(X[tr], y[tr])
        p[te] = pipe.proba(X[te])
    return np.where(ok, p, 0.0)


# --- scoring and the combination ---------------------------------------------------------------------------
def prf(y, pred) -> dict:
    tp = int(np.sum(pred & y))
    fp = int(np.sum(pred & ~y))
    fn = int(np.sum(~pred & y))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "P": p, "R": r, "F1": f}


def combine(fired, p, ok, t, veto) -> np.ndarray:
    add = ok & (p > t)
    keep_fired = fired if veto is None else fired & ~(ok & (p <= veto))
    return keep_fired | add


def choose(y, fired, p, ok) -> dict:
    """Max F1 over (t, veto) subject to P >= rules-alone P - 2 points; ties: higher P, no veto, higher t."""
    base = prf(y, fired)
    floor = base["P"] - MAX_P_DROP
    best = {"t": None, "veto": None, "score": (round(base["F1"], 12), round(base["P"], 12), 1, 1.0), **base}  # off
    for t in THRESHOLDS:
        for v in VETOES:
            if v is not None and v >= t:
                continue
            m = prf(y, combine(fired, p, ok, t, v))
            if m["P"] < floor - 1e-12:
                continue
            score = (round(m["F1"], 12), round(m["P"], 12), int(v is None), t)
            if score > best["score"]:
                best = {"t": t, "veto": v, "score": score, **m}
    best.pop("score")
    return best


def fmt(m: dict) -> str:
    return f"P {m['P']:.3f} R {m['R']:.3f} F1 {m['F1']:.3f} (tp {m['tp']} fp {m['fp']} fn {m['fn']})"


# --- stages ------------------------------------------------------------------------------------------------
def stage_cv():
    OUT.mkdir(exist_ok=True)
    rows = load_rows()
    tune = [r for r in rows if r["split"] == "tune"]
    fp = rules_fingerprint()
    rp = rules_predictions(tune)
    (OUT / "rules_tune.json").write_text(json.dumps({"fingerprint": fp, "pred": rp}, indent=0))
    X = {False: matrix(tune, False), True: matrix(tune, True)}
    config, report = {"fingerprint": fp, "buckets": BUCKETS, "keep": KEEP, "seed": SEED, "rules": {}}, []
    for rule in RULES:
        y = np.array([rule in r["expect"] for r in tune])
        fired = np.array([rule in rp[r["id"]]["fired"] for r in tune])
        ok = applies(rule, tune, rp)
        Xr = X[rule in L.CUSTOMER_RULES]
        base = prf(y, fired)
        results = []
        for C in GRID_C:
            for cw in GRID_CW:
                p = oof(Xr, y, ok, C, cw, KEEP)
                ch = choose(y, fired, p, ok)
                results.append(((round(ch["F1"], 12), round(ch["P"], 12)), C, cw, ch))
        results.sort(key=lambda x: x[0], reverse=True)
        _, C, cw, ch = results[0]
        p_full = oof(Xr, y, ok, C, cw, None)  # the same settings unpruned, for comparison only
        ch_full = choose(y, fired, p_full, ok)
        # model alone (is the classifier any good by itself?), at its own F1-best threshold
        p_pr = oof(Xr, y, ok, C, cw, KEEP)
        alone = max((prf(y, ok & (p_pr > t)) | {"t": t} for t in THRESHOLDS), key=lambda m: m["F1"])
        config["rules"][rule] = {"C": C, "class_weight": cw, "threshold": ch["t"], "veto": ch["veto"]}
        line = {
            "rule": rule, "pos": int(y.sum()), "C": C, "cw": cw, "t": ch["t"], "veto": ch["veto"],
            "rules_alone": base, "combined_pruned": {k: ch[k] for k in ("tp", "fp", "fn", "P", "R", "F1")},
            "combined_unpruned": {k: ch_full[k] for k in ("tp", "fp", "fn", "P", "R", "F1")},
            "unpruned_t": ch_full["t"], "unpruned_veto": ch_full["veto"], "model_alone_pruned": alone,
            "grid": [[C_, str(cw_), round(c["F1"], 4), c["t"], c["veto"]] for _, C_, cw_, c in results],
        }
        report.append(line)
        print(f"{rule:20s} pos {y.sum():3d}  C={C} cw={cw} t={ch['t']} veto={ch['veto']}")
        print(f"   rules alone        {fmt(base)}")
        print(f"   rules+model (8k)   {fmt(ch)}")
        print(f"   rules+model (full) {fmt(ch_full)}  t={ch_full['t']} veto={ch_full['veto']}")
        print(f"   model alone (8k)   {fmt(alone)} t={alone['t']}")
    (OUT / "cv_config.json").write_text(json.dumps(config, indent=1))
    (OUT / "cv_report.json").write_text(json.dumps(report, indent=1))


def fit_final(tune, rp, rule, cfg, keep):
    y = np.array([rule in r["expect"] for r in tune])
    X = matrix(tune, rule in L.CUSTOMER_RULES)
    return Pipe(cfg["C"], cfg["class_weight"], keep).fit(X, y)


def evaluate(train_rows, eval_rows, rp, config) -> list[dict]:
    table = []
    for rule in RULES:
        cfg = config["rules"][rule]
        y = np.array([rule in r["expect"] for r in eval_rows])
        fired = np.array([rule in rp[r["id"]]["fired"] for r in eval_rows])
        ok = applies(rule, eval_rows, rp)
        base = prf(y, fired)
        if cfg["threshold"] is None:
            comb = base
        else:
            pipe = fit_final(train_rows, rp, rule, cfg, config["keep"])
            p = np.where(ok, pipe.proba(matrix(eval_rows, rule in L.CUSTOMER_RULES)), 0.0)
            comb = prf(y, combine(fired, p, ok, cfg["threshold"], cfg["veto"]))
        keep = cfg["threshold"] is not None and comb["F1"] > base["F1"] and comb["P"] >= 0.9 * base["P"]
        table.append({"rule": rule, "pos": int(y.sum()), "rules_alone": base, "combined": comb,
                      "threshold": cfg["threshold"], "veto": cfg["veto"], "keep": keep})
        print(f"{rule:20s} pos {y.sum():3d} t={cfg['threshold']} veto={cfg['veto']}  keep={keep}")
        print(f"   rules alone  {fmt(base)}")
        print(f"   rules+model  {fmt(comb)}")
    return table


def stage_dryrun():
    """The test stage's code path on tune only (train on 4/5 of tune, score the other 1/5): checks the code, not
    the numbers, so the one real test run cannot fail half-way."""
    config = json.loads((OUT / "cv_config.json").read_text())
    tune = [r for r in load_rows() if r["split"] == "tune"]
    rp = json.loads((OUT / "rules_tune.json").read_text())["pred"]
    ids = sorted(r["id"] for r in tune)
    held = set(ids[::5])
    evaluate([r for r in tune if r["id"] not in held], [r for r in tune if r["id"] in held], rp, config)


def stage_test():
    marker = OUT / "TEST_USED"
    if marker.exists():
        sys.exit(f"the test split was already used ({marker.read_text().strip()}); refusing to evaluate again")
    config = json.loads((OUT / "cv_config.json").read_text())
    rows = load_rows()
    tune = [r for r in rows if r["split"] == "tune"]
    test = [r for r in rows if r["split"] == "test"]
    fp = rules_fingerprint()
    rp_tune = rules_predictions(tune)
    cached = json.loads((OUT / "rules_tune.json").read_text())
    same_rules = cached["pred"] == rp_tune
    print(f"rules fingerprint cv={config['fingerprint']} now={fp}; tune predictions unchanged: {same_rules}")
    if not same_rules:
        sys.exit("the rules changed since the CV stage: rerun `cv` first")
    marker.write_text(f"used {time.strftime('%Y-%m-%d %H:%M:%S')} rules {fp}\n")
    rp = rp_tune | rules_predictions(test)
    table = evaluate(tune, test, rp, config)
    (OUT / "test_report.json").write_text(json.dumps({"fingerprint": fp, "table": table}, indent=1))


def stage_export():
    config = json.loads((OUT / "cv_config.json").read_text())
    table = json.loads((OUT / "test_report.json").read_text())["table"]
    kept = [t["rule"] for t in table if t["keep"]]
    rows = load_rows()
    tune = [r for r in rows if r["split"] == "tune"]
    rp = json.loads((OUT / "rules_tune.json").read_text())["pred"]
    if not kept:
        print("no rule kept: nothing to export")
        return
    doc = {}
    pipes = {}
    for rule in kept:
        cfg = config["rules"][rule]
        pipe = fit_final(tune, rp, rule, cfg, config["keep"])
        bias, w = pipe.weights()
        pipes[rule] = pipe
        doc[rule] = {"threshold": cfg["threshold"], "veto": cfg["veto"], "bias": bias, "hash_buckets": BUCKETS,
                     "weights": {str(k): w[k] for k in sorted(w)}}
    doc["features"] = (
        "Logistic regression per rule (sklearn liblinear, L2), fitted on the tune split of evals/real/twcs_dev.jsonl "
        "by scripts/learned/train.py. Text normalised (lower case, URLs -> 'url', @handles -> '@user', digits -> 0, "
        "whitespace collapsed). Draft: word 1-2-grams ('w:', 'b:') and char 3-5-grams of ' '+text+' ' ('c:'); "
        "no-acknowledgement also: customer word 1-grams ('u:') and content-word overlap indicators ('o:'). Each token "
        f"hashed by zlib.crc32(utf-8) % hash_buckets ({BUCKETS}); each block binary and L2-normalised; blocks summed. "
        f"Pruned to the {config['keep']} largest-|w| buckets per rule, then refitted on those. "
        "p = sigmoid(bias + sum w[b] * x[b]). Combined: flag if rule fired (and p > veto, if veto set) or p > threshold; "
        "the model speaks only on English drafts (as the checker decides) and, for customer rules, with a customer message."
    )
    target = HERE / "out" / "learned.json"
    target.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size:,} bytes), rules: {kept}")
    # verify pure Python == sklearn on tune
    L._PATH = target
    L._models.cache_clear()
    worst = 0.0
    for rule in kept:
        X = matrix(tune, rule in L.CUSTOMER_RULES)
        ps = pipes[rule].proba(X)
        for r, p_sk in zip(tune, ps):
            if rule in L.CUSTOMER_RULES and not (r["customer"] or "").strip():
                continue
            p_py = L.probability(rule, r["draft"], r["customer"])
            worst = max(worst, abs(p_py - p_sk))
    print(f"max |p_python - p_sklearn| on tune: {worst:.3e}")
    assert worst < 1e-6
    # timing: all kept rules for one draft, pure Python
    L.probabilities("warm up", "warm up")
    t0 = time.perf_counter()
    reps = 3
    for _ in range(reps):
        for r in tune:
            L.probabilities(r["draft"], r["customer"])
    dt = (time.perf_counter() - t0) / (reps * len(tune))
    t0 = time.perf_counter()
    L._models.cache_clear()
    L._models()
    load = time.perf_counter() - t0
    print(f"scoring: {dt * 1e6:.0f} us per draft (all kept rules); loading the JSON once: {load * 1e3:.1f} ms")
    (OUT / "export_report.json").write_text(json.dumps({"kept": kept, "bytes": target.stat().st_size,
                                                        "max_abs_diff": worst, "us_per_draft": dt * 1e6,
                                                        "load_ms": load * 1e3}, indent=1))


if __name__ == "__main__":
    {"cv": stage_cv, "dryrun": stage_dryrun, "test": stage_test, "export": stage_export}[sys.argv[1]]()
