"""The learned checker's features, shared by the training script and the run-time scorer."""

from __future__ import annotations

import math

import numpy as np

from .embedding import StaticEmbedding

__all__ = ["sentence_features", "reply_features", "REPLY_EXTRA"]

#: The hand-made reply features after the three embedding blocks, in order.
REPLY_EXTRA = ("max_similarity", "mean_similarity", "reply_similarity", "has_customer", "log_tokens",
               "sentences", "question", "link")


def sentence_features(embedding: StaticEmbedding, sentences: list[str]) -> np.ndarray:
    """One row per sentence: the sentence's vector, then the mean of its neighbours' (the context)."""
    vectors = embedding.embed(sentences)
    context = np.zeros_like(vectors)
    if len(sentences) > 1:  # the one or two neighbours' sum, halved where there are two (the same bits as their mean)
        context[1:] += vectors[:-1]
        context[:-1] += vectors[1:]
        context[1:-1] /= 2
    return np.hstack([vectors, context])


def reply_features(embedding: StaticEmbedding, sentences: list[str], draft: str, customer: str) -> np.ndarray:
    """One row for the whole reply: what it says, what the customer said, and how close the two are."""
    vectors = embedding.embed([draft, customer or "", *sentences])
    reply, said, per_sentence = vectors[0], vectors[1], vectors[2:]
    has_customer = float(bool(said.any()))
    similarities = per_sentence @ said if len(per_sentence) else np.zeros(1, dtype=np.float32)
    extra = np.array([
        float(similarities.max()), float(similarities.mean()), float(reply @ said), has_customer,
        math.log1p(embedding.token_count(draft)), math.log1p(len(sentences)),
        float("?" in draft), float("http" in draft or "www." in draft),
    ], dtype=np.float32)
    return np.concatenate([reply, said, reply * said, extra])
