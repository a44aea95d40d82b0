"""Untrusted text that talks to the coach or the model instead of the customer, so it is never obeyed."""

from __future__ import annotations

import re

from .text import split_sentences

__all__ = ["ADDRESSES_THE_MODEL", "DEMANDS_OF_THE_MODEL", "without_instructions"]

#: A sentence that addresses the coach or the model: an agent never writes this to a customer.
ADDRESSES_THE_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:rules?|rule\s?book|instructions?|guidelines?|prompt|above|previous)\b"
    r"|\bsystem\s+prompt\b|\bdeveloper\s+mode\b|\byou\s+are\s+now\b|\bact\s+as\s+(?:an?\s+)?(?:ai|assistant|model)\b"
    r"|\b(?:note|message|instructions?|reminder)\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistant|coach|model|bot|reviewer|rewriter)\b"
    r"|\b(?:dear|hey|attention)\s+(?:ai|assistant|coach|model|bot)\b|\bto\s+the\s+(?:ai|assistant|model|bot)\s+(?:reviewing|reading)\b",
    re.I,
)
#: What a customer's message may add to that: demands on the reply's content.
DEMANDS_OF_THE_MODEL = re.compile(
    ADDRESSES_THE_MODEL.pattern
    + r"|\bpromise\s+me\b|\byou\s+(?:must|have\s+to)\s+(?:promise|guarantee|say|write|reply)\b"
    r"|\b(?:say|write|reply|respond)\s+(?:with|that)\b|\bpretend\b",
    re.I,
)


def without_instructions(text: str) -> str:
    """``text`` less the sentences that address the model (their facts are not the customer's to keep)."""
    if not ADDRESSES_THE_MODEL.search(text):
        return text
    return " ".join(s.text for s in split_sentences(text) if not ADDRESSES_THE_MODEL.search(s.text))
