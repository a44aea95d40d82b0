"""The benchmark harness's own logic (CI also smoke-tests every part: `benchmarks/run.py all --quick`)."""

from __future__ import annotations

import json

from benchmarks.common import Reply, load_corpus
from benchmarks.llm import CannedAnswers

ENGLISH = [
    Reply("1", "My order #4417 arrived cracked.", "Sorry for the inconvenience. We will look into it."),
    Reply("2", "Where is my refund?", "Sorry about that! Please DM us your order number."),
]
OTHER = [
    Reply("ja", "", "ご不便をおかけしております。アプリをご利用でしょうか。端末の再起動にて改善する場合がございます。"),
    Reply("es", "", "Le prometo que su reembolso llegará mañana sin falta, no se preocupe."),
]


def test_the_llm_part_picks_only_drafts_the_coach_sends_to_the_model():
    """A reply in another language is returned unchanged with no model call: counted as an item, it made
    `benchmarks/run.py llm` stop with '-j 1: 153 calls for 160 items'."""
    _, items = CannedAnswers.for_replies([OTHER[0], ENGLISH[0], OTHER[1], ENGLISH[1]], wanted=2)
    assert [r.id for r in items] == ["1", "2"]


def test_the_corpus_may_name_the_reply_draft(tmp_path):
    corpus = tmp_path / "replies.jsonl"
    corpus.write_text(json.dumps({"id": 1, "customer": "hi", "draft": "Thanks!"}) + "\n"
                      + json.dumps({"id": 2, "reply": "Sorry."}) + "\n", encoding="utf-8")
    assert [(r.id, r.draft) for r in load_corpus(corpus)] == [("1", "Thanks!"), ("2", "Sorry.")]
