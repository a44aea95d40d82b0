"""The learned half of the checker: a static sentence encoder with one small linear head per rule.

The artifact lives in ``artifact/`` (``CARD.md`` is its model card) and is built by
``scripts/learned/build_embeddings.py`` and ``scripts/learned/train_checker.py``. It is read once, checked
(file checksum, shapes, every rule present) and fails with ``LearnedCheckerError`` when anything is missing or wrong.
"""

from __future__ import annotations

import io
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import LearnedCheckerError
from .embedding import StaticEmbedding
from .features import REPLY_EXTRA, reply_features, sentence_features

__all__ = ["LearnedChecker", "load_learned", "ARTIFACT_DIR", "SENTENCE_RULES", "REPLY_RULES"]

ARTIFACT_DIR = Path(__file__).resolve().parent / "artifact"
SENTENCE_RULES = ("broken-promise", "bland-apology", "pity", "parroting", "vague-effort")
REPLY_RULES = ("no-next-step", "no-acknowledgement")
FORMAT = 1


@dataclass(frozen=True)
class Head:
    coef: np.ndarray
    intercept: float
    threshold: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ self.coef + self.intercept)))


@dataclass(frozen=True)
class RuleHeads:
    model: Head  # alone, the model flags at ``model.threshold``
    add: float   # combined: where the rule is silent, the model flags at this probability or above
    veto: float  # combined: a rule's match where the model's probability is below this is dropped


class LearnedChecker:
    """Probabilities per sentence (sentence rules) and per reply (reply rules)."""

    def __init__(self, embedding: StaticEmbedding, sentence: dict[str, RuleHeads], reply: dict[str, RuleHeads],
                 version: str):
        self.embedding = embedding
        self.sentence = sentence
        self.reply = reply
        self.version = version

    def sentence_probabilities(self, sentences: list[str]) -> dict[str, np.ndarray]:
        """Per sentence rule, the probability that each sentence breaks it."""
        if not sentences:
            return {rule: np.zeros(0) for rule in self.sentence}
        features = sentence_features(self.embedding, sentences)
        return {rule: heads.model.probability(features) for rule, heads in self.sentence.items()}

    def reply_probabilities(self, sentences: list[str], draft: str, customer: str) -> dict[str, float]:
        """Per reply rule, the probability that the whole reply breaks it (the features are computed once)."""
        features = reply_features(self.embedding, sentences, draft, customer)
        return {rule: float(heads.model.probability(features)) for rule, heads in self.reply.items()}


def _head(where: str, raw: object, width: int) -> Head:
    try:
        coef = np.asarray(raw["coef"], dtype=np.float32)  # type: ignore[index]
        head = Head(coef, float(raw["intercept"]), float(raw["threshold"]))  # type: ignore[index]
    except (KeyError, TypeError, ValueError) as exc:
        raise LearnedCheckerError(f"{where}: not a head ({exc})") from None
    if coef.shape != (width,) or not np.isfinite(coef).all():
        raise LearnedCheckerError(f"{where}: expected {width} finite weights, found shape {coef.shape}")
    return head


def _read(directory: Path) -> LearnedChecker:
    heads_path, vectors_path, pieces_path = (directory / n for n in ("heads.json", "vectors.npy", "pieces.json"))
    for path in (heads_path, vectors_path, pieces_path):
        if not path.is_file():
            raise LearnedCheckerError(f"the learned checker's file {path.name} is missing; reinstall reply-coach")
    try:
        meta = json.loads(heads_path.read_text(encoding="utf-8"))
        pieces_blob = pieces_path.read_bytes()
        pieces = json.loads(pieces_blob.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LearnedCheckerError(f"cannot read the learned checker ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise LearnedCheckerError(f"heads.json: format {meta.get('format') if isinstance(meta, dict) else '?'}, "
                                  f"this coach reads format {FORMAT}")
    blob = vectors_path.read_bytes()
    # Corruption, not tampering: CRC-32 is enough, and fast enough for every start-up.
    for name, data, key in (("vectors.npy", blob, "vectors_crc32"), ("pieces.json", pieces_blob, "pieces_crc32")):
        if zlib.crc32(data) != meta.get(key):
            raise LearnedCheckerError(f"{name} does not match heads.json (corrupt, or from another build)")
    try:
        vectors = np.load(io.BytesIO(blob), allow_pickle=False)  # the bytes just checked, not a second read
        if vectors.ndim != 2 or not all(isinstance(p, str) for p in pieces):
            raise ValueError("expected a table of token vectors and a list of token strings")
        embedding = StaticEmbedding(pieces, vectors)
    except (ValueError, TypeError, OSError) as exc:
        raise LearnedCheckerError(f"vectors.npy: cannot load the token vectors ({exc})") from None
    dim = embedding.dim
    heads: dict[str, dict[str, RuleHeads]] = {"sentence": {}, "reply": {}}
    for kind, rules, width in (("sentence", SENTENCE_RULES, 2 * dim), ("reply", REPLY_RULES, 3 * dim + len(REPLY_EXTRA))):
        section = meta.get(kind)
        for rule in rules:
            raw = section.get(rule) if isinstance(section, dict) else None
            if not isinstance(raw, dict) or not isinstance(raw.get("add"), float | int) \
                    or not isinstance(raw.get("veto"), float | int):
                raise LearnedCheckerError(f"heads.json: no head, or no add/veto thresholds, for {rule}")
            heads[kind][rule] = RuleHeads(_head(f"heads.json {rule}", raw.get("model"), width),
                                          float(raw["add"]), float(raw["veto"]))
    return LearnedChecker(embedding, heads["sentence"], heads["reply"], str(meta.get("version", "?")))


@lru_cache(maxsize=4)
def load_learned(directory: Path = ARTIFACT_DIR) -> LearnedChecker:
    """The learned checker in ``directory`` (the shipped one by default), read once per process."""
    return _read(directory)
