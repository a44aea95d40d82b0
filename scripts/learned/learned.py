"""A learned second opinion for some rules: logistic regression on hashed n-grams, pure Python.

The weights live in ``rules/learned.json`` (written by the training script train.py, which fits them on the tune
split of evals/real/twcs_dev.jsonl only; see the file's "features" key). Only rules whose combination with the
rulebook beat the rules alone on the frozen test split have a model there.
Stdlib only. The feature hashing below must stay byte-for-byte identical to the one used for training:
change it and the weights mean nothing.

Features of the draft (all rules): word 1-2-grams and character 3-5-grams of the normalised draft, each
hashed with zlib.crc32 into ``hash_buckets`` buckets; each block of features is binary and scaled to unit
L2 norm. For ``no-acknowledgement`` also: the customer's word 1-grams and the content-word overlap between
customer and draft (shared stems, their count and fraction, as hashed indicators).
"""

from __future__ import annotations

import json
import math
import re
import zlib
from functools import lru_cache
from pathlib import Path

__all__ = ["features", "probability", "probabilities", "learned_rules", "flags"]

_PATH = Path(__file__).with_name("rules") / "learned.json"

_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_HANDLE = re.compile(r"@\w+")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+(?:'\w+)*")
_STOP = frozenset(
    """a an the and or but so if then than that that's this these those there here it its it's is are was were be been
    being am do does did doing have has had having i i'm i've i'd i'll me my mine myself we we're we've we'd we'll
    us our ours you you're you've you'd you'll your yours yourself he she they them their his her him what which who
    whom whose when where why how all any both each few more most other some such no nor not only own same too very
    can could will would shall should may might must just now also still even ever again to of in on at by for with
    about against between into through during before after above below from up down out off over under further once
    as until while because via please hi hey hello dear thanks thank team get got getting one lot really
    know let like make made go going see seen look looking need want way sure well ok okay yes oh dm url""".split()
)
#: rules whose model also reads the customer's message (and is skipped without one)
CUSTOMER_RULES = frozenset({"no-acknowledgement"})


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("&amp;", "&").lower()
    text = _URL.sub(" url ", text)
    text = _HANDLE.sub(" @user ", text)
    text = _DIGIT.sub("0", text)
    return " ".join(text.split())


def _bucket(token: str, buckets: int) -> int:
    return zlib.crc32(token.encode("utf-8")) % buckets


def _stem(word: str) -> str:
    for suffix in ("'s", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _content(words: list[str]) -> set[str]:
    return {_stem(w) for w in words if len(w) > 1 and w not in _STOP and not w.isdigit() and w != "@user"}


def _draft_blocks(draft: str) -> tuple[list[list[str]], list[str]]:
    text = _normalise(draft)
    words = _WORD.findall(text)
    word_block = ["w:" + w for w in words] + ["b:" + a + " " + b for a, b in zip(words, words[1:])]
    padded = " " + text + " "
    char_block = ["c:" + padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    return [word_block, char_block], words


def _customer_blocks(customer: str | None, draft_words: list[str]) -> list[list[str]]:
    cust_words = _WORD.findall(_normalise(customer or ""))
    c_set, d_set = _content(cust_words), _content(draft_words)
    shared = c_set & d_set
    n = len(shared)
    frac = n / len(c_set) if c_set else 0.0
    overlap = ["o:n=" + str(min(n, 4)), "o:f=" + str(min(int(frac * 5), 4))]
    overlap += ["o:c=" + str(min(len(c_set), 8) // 2), "o:d=" + str(min(len(d_set), 16) // 4)]
    overlap += ["o:s:" + s for s in sorted(shared)]
    return [["u:" + w for w in cust_words] or ["u:<none>"], overlap]


def _blocks(draft: str, customer: str | None, with_customer: bool) -> list[list[str]]:
    blocks, words = _draft_blocks(draft)
    return blocks + _customer_blocks(customer, words) if with_customer else blocks


def _hashed(blocks: list[list[str]], buckets: int) -> list[tuple[float, set[int]]]:
    """Each non-empty block as (its value 1/sqrt(n), its set of buckets)."""
    out = []
    for block in blocks:
        hashed = {_bucket(token, buckets) for token in block}
        if hashed:
            out.append((1.0 / math.sqrt(len(hashed)), hashed))
    return out


def features(draft: str, customer: str | None, buckets: int, with_customer: bool = False) -> dict[int, float]:
    """The sparse feature vector {bucket: value}: each block binary, scaled to unit L2 norm, blocks summed."""
    vec: dict[int, float] = {}
    for value, hashed in _hashed(_blocks(draft, customer, with_customer), buckets):
        for b in hashed:
            vec[b] = vec.get(b, 0.0) + value
    return vec


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@lru_cache(maxsize=1)
def _models() -> dict[str, dict]:
    if not _PATH.exists():
        return {}
    raw = json.loads(_PATH.read_text(encoding="utf-8"))
    models = {}
    for rule, m in raw.items():
        if rule == "features":
            continue
        models[rule] = {
            "threshold": float(m["threshold"]),
            "veto": None if m.get("veto") is None else float(m["veto"]),
            "bias": float(m["bias"]),
            "buckets": int(m["hash_buckets"]),
            "weights": {int(k): float(v) for k, v in m["weights"].items()},
        }
    return models


def learned_rules() -> frozenset[str]:
    """The rules that have a learned model in rules/learned.json."""
    return frozenset(_models())


def probability(rule: str, draft: str, customer: str | None = None) -> float | None:
    """p(rule | draft, customer), or None when the rule has no model or needs a customer message that is absent."""
    return probabilities(draft, customer).get(rule)


def probabilities(draft: str, customer: str | None = None) -> dict[str, float]:
    """p(rule | draft, customer) for every learned rule that applies; the draft's features are computed once.

    z = bias + sum over blocks of value * sum of w[b] over the block's buckets, which is w . x for the vector that
    ``features`` builds (blocks that share a bucket add up there, and the dot product is linear).
    """
    out: dict[str, float] = {}
    models = _models()
    if not models:
        return out
    draft_blocks, words = _draft_blocks(draft)
    has_customer = bool((customer or "").strip())
    cache: dict[tuple[int, bool], list[tuple[float, set[int]]]] = {}
    for rule, m in models.items():
        with_customer = rule in CUSTOMER_RULES
        if with_customer and not has_customer:
            continue  # like the rule: no customer message, no verdict
        buckets = m["buckets"]
        if (buckets, False) not in cache:
            cache[(buckets, False)] = _hashed(draft_blocks, buckets)
        hashed = cache[(buckets, False)]
        if with_customer:
            if (buckets, True) not in cache:
                cache[(buckets, True)] = _hashed(_customer_blocks(customer, words), buckets)
            hashed = hashed + cache[(buckets, True)]
        w = m["weights"]
        z = m["bias"]
        for value, block in hashed:
            z += value * sum([w.get(b, 0.0) for b in block])
        out[rule] = _sigmoid(z)
    return out


def flags(fired: set[str], draft: str, customer: str | None = None) -> set[str]:
    """The combined verdict: rules that fired, plus rules whose model is above its threshold, minus rules
    whose model vetoes them (p <= veto). ``fired`` is the set of rule ids the rulebook checker flagged."""
    out = set(fired)
    models = _models()
    for rule, p in probabilities(draft, customer).items():
        m = models[rule]
        if p > m["threshold"]:
            out.add(rule)
        elif rule in out and m["veto"] is not None and p <= m["veto"]:
            out.discard(rule)
    return out
