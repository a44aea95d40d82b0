"""Static sentence embeddings: the mean of token vectors, with numpy only.

The token vectors are WordLlama's (MIT), reduced by PCA when the artifact is built
(``scripts/learned/build_embeddings.py``). Words are cut into the same sentencepiece vocabulary by
greedy longest match, which is close to its BPE merges for the English words of replies and needs
no tokenizer library at run time (the start-up budget has no room for one).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["StaticEmbedding", "normalise_for_embedding"]

_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_HANDLE = re.compile(r"@\w+")
_SIGNATURE = re.compile(r"\s[\^*-][A-Z][A-Za-z]{0,12}\s*$")
#: A word (with its apostrophe part), a number or one symbol; group 1 is the space before it, if any.
_TOKEN = re.compile(r"(\s*)([A-Za-z]+(?:'[A-Za-z]+)?|\d+|[^\w\s])")
_MARK = "▁"
# the space after a sentence's mark: tokens never span it, so each side is cut on its own (and remembered)
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")


def normalise_for_embedding(text: str) -> str:
    """Links become the word "link"; handles and Twitter sign-offs (^AB, -Becky) carry no meaning."""
    text = _SIGNATURE.sub("", _HANDLE.sub(" ", _URL.sub(" link ", text)))
    return text.replace("’", "'")


class StaticEmbedding:
    """Token vectors (``vectors[i]`` for ``pieces[i]``) and a greedy sentencepiece tokenizer."""

    def __init__(self, pieces: list[str], vectors: np.ndarray):
        if len(pieces) != len(vectors):
            raise ValueError(f"{len(pieces)} pieces but {len(vectors)} vectors")
        self.vectors = vectors
        self.dim = int(vectors.shape[1])
        self._ids = {piece: i for i, piece in enumerate(pieces)}
        self._longest = max(len(p) for p in pieces)
        self._word_ids = lru_cache(maxsize=65536)(self._split_word)
        self._sentence_ids = lru_cache(maxsize=16384)(self._cut)
        # a rewrite reads the same customer message and sentences many times: each text is embedded once
        self._row = lru_cache(maxsize=16384)(self._embed_row)

    def _split_word(self, word: str, spaced: bool) -> tuple[int, ...]:
        ids: list[int] = []
        rest, prefix = word, _MARK if spaced else ""
        while rest:
            for size in range(min(len(rest), self._longest), 0, -1):
                piece = self._ids.get(prefix + rest[:size])
                if piece is not None:
                    ids.append(piece)
                    rest, prefix = rest[size:], ""
                    break
            else:  # no piece starts here (a rare symbol): skip one character
                rest, prefix = rest[1:], ""
        return tuple(ids)

    def token_ids(self, text: str) -> list[int]:
        ids: list[int] = []
        for sentence in _SENTENCE_GAP.split(normalise_for_embedding(text)):  # a rewrite repeats its draft's sentences
            ids.extend(self._sentence_ids(sentence))
        return ids

    def _cut(self, sentence: str) -> tuple[int, ...]:
        """The ids of one stretch of text, read as it would be in the middle of a longer one (after a space)."""
        ids: list[int] = []
        for space, word in _TOKEN.findall(" " + sentence):
            ids.extend(self._word_ids(word, bool(space)))
        return tuple(ids)

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text (a zero row when no token is known)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._row(text)[0] for text in texts])

    def token_count(self, text: str) -> int:
        return self._row(text)[1]

    def _embed_row(self, text: str) -> tuple[np.ndarray, int]:
        ids = self.token_ids(text)
        row = self._mean_row(ids)
        row.flags.writeable = False  # shared by every caller that embeds the same text
        return row, len(ids)

    def _mean_row(self, ids: list[int]) -> np.ndarray:
        """``embed_ids([ids])[0]``, bit for bit, without the batch's arrays (one row is what a text needs)."""
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        row = np.add.reduce(self.vectors[ids], axis=0, dtype=np.float32)
        np.true_divide(row, np.intp(len(ids)), out=row, casting="unsafe")
        norm = np.sqrt(np.add.reduce(row * row))
        if norm > 0:
            np.divide(row, norm, out=row)
        return row

    def embed_ids(self, token_ids: list[list[int]]) -> np.ndarray:
        """``embed`` for texts already cut into token ids."""
        out = np.zeros((len(token_ids), self.dim), dtype=np.float32)
        # ndarray.mean and linalg.norm, spelled as the ufunc calls they make (the same bits, without their Python
        # wrappers, which cost more than the arithmetic on one short row)
        for row, ids in enumerate(token_ids):
            if ids:
                np.add.reduce(self.vectors[ids], axis=0, dtype=np.float32, out=out[row])
                np.true_divide(out[row], np.intp(len(ids)), out=out[row], casting="unsafe")
        norms = np.sqrt(np.add.reduce(out * out, axis=1, keepdims=True))
        np.divide(out, norms, out=out, where=norms > 0)
        return out
