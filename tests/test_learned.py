"""The learned half of the checker: its files fail loudly, it is deterministic, and it sits under the rules."""

from __future__ import annotations

import json
import shutil

import pytest

from coach import Coach, InputError, LearnedCheckerError
from coach._core.checker import check
from coach._core.learned import ARTIFACT_DIR, load_learned
from coach._core.learned.embedding import normalise_for_embedding


@pytest.fixture
def artifact(tmp_path):
    copy = tmp_path / "artifact"
    shutil.copytree(ARTIFACT_DIR, copy)
    return copy


def test_the_shipped_model_loads_with_every_rule():
    model = load_learned()
    assert set(model.sentence) == {"broken-promise", "bland-apology", "pity", "parroting", "vague-effort"}
    assert set(model.reply) == {"no-next-step", "no-acknowledgement"}
    assert model.embedding.dim > 0 and model.version


@pytest.mark.parametrize("name", ["heads.json", "vectors.npy", "pieces.json"])
def test_a_missing_file_is_a_clear_error(artifact, name):
    (artifact / name).unlink()
    with pytest.raises(LearnedCheckerError, match=f"{name}.*missing"):
        load_learned(artifact)


def test_corrupt_vectors_are_caught_by_their_hash(artifact):
    blob = bytearray((artifact / "vectors.npy").read_bytes())
    blob[-10] ^= 0xFF
    (artifact / "vectors.npy").write_bytes(bytes(blob))
    with pytest.raises(LearnedCheckerError, match="does not match heads.json"):
        load_learned(artifact)


def test_heads_that_do_not_fit_the_vectors_are_refused(artifact):
    meta = json.loads((artifact / "heads.json").read_text())
    meta["sentence"]["pity"]["model"]["coef"] = meta["sentence"]["pity"]["model"]["coef"][:-1]
    (artifact / "heads.json").write_text(json.dumps(meta))
    with pytest.raises(LearnedCheckerError, match="pity.*weights"):  # heads.json's checksum covers no head
        load_learned(artifact)


def test_unreadable_heads_and_another_format_are_refused(artifact):
    (artifact / "heads.json").write_text("{not json")
    with pytest.raises(LearnedCheckerError, match="cannot read"):
        load_learned(artifact)
    (artifact / "heads.json").write_text(json.dumps({"format": 99}))
    with pytest.raises(LearnedCheckerError, match="format 99"):
        load_learned(artifact)


def test_a_broken_model_reaches_the_api_as_a_coach_error(monkeypatch):
    def broken():
        raise LearnedCheckerError("the learned checker's file heads.json is missing; reinstall reply-coach")

    monkeypatch.setattr("coach._core.combined.load_learned", broken)
    with pytest.raises(LearnedCheckerError, match="reinstall"):
        Coach().check("Thanks for writing in about the late parcel; I've asked the courier where it is.")


def test_same_draft_same_findings():
    draft = "Oh no! We'll get someone to look at it. It should be back by tonight, hopefully."
    first = check(draft, "my parcel is late")
    assert all(check(draft, "my parcel is late") == first for _ in range(3))


def test_the_pieces_table_is_checked_too(artifact):
    pieces = json.loads((artifact / "pieces.json").read_text())
    pieces[100], pieces[101] = pieces[101], pieces[100]
    (artifact / "pieces.json").write_text(json.dumps(pieces))
    with pytest.raises(LearnedCheckerError, match="pieces.json does not match"):
        load_learned(artifact)


def _sure(monkeypatch, p):
    """The model says p for every reply rule, whatever the text."""
    model = load_learned()
    monkeypatch.setattr(type(model), "reply_probabilities",
                        lambda self, sentences, draft, customer: dict.fromkeys(self.reply, p))


def test_the_model_never_adds_no_next_step_over_a_step_the_rules_read(monkeypatch):
    _sure(monkeypatch, 0.99)  # the model is sure there is no step
    # The rules keep what they read well: a request, a question or the agent's own action is a step.
    for draft in ("Please send us the serial number from the back of the kettle.",
                  "Which store did you visit on Saturday?",
                  "I've asked the courier to call you before they deliver."):
        assert "no-next-step" not in {f.rule for f in check(draft, "my kettle stopped working").findings}
    # Where the rules read no step either way, the model's certainty adds the finding.
    assert "no-next-step" in {f.rule for f in check("What a lovely day for it!", "my kettle stopped working").findings}


def test_the_model_vetoes_a_reply_rule_only_below_its_threshold(monkeypatch):
    draft, customer = "We value your feedback.", "my kettle stopped working after a week"
    assert "no-next-step" in {f.rule for f in check(draft, customer, use="rules").findings}
    _sure(monkeypatch, 0.0)
    assert "no-next-step" not in {f.rule for f in check(draft, customer).findings}
    _sure(monkeypatch, 0.99)
    assert "no-next-step" in {f.rule for f in check(draft, customer).findings}


def test_the_model_layer_is_the_model_alone(monkeypatch):
    _sure(monkeypatch, 0.0)
    found = {f.rule for f in check("I understand. Sorry for the inconvenience.", "my kettle broke", use="model").findings}
    assert "no-thanks" not in found and "no-next-step" not in found  # no head for no-thanks; the model says no
    assert "no-thanks" in {f.rule for f in check("Sorry for the inconvenience.", use="rules").findings}


def test_an_unknown_layer_is_refused():
    with pytest.raises(InputError, match="use must be one of rules, model, combined"):
        check("Thanks for the photo of the dent.", use="Combined")


def test_calibration_prints_the_three_layers(tmp_path):
    from coach._eval.calibrate import calibrate_layers
    from coach._eval.cases import load_suite
    from coach._eval.report import terminal_layers

    suite = tmp_path / "s.jsonl"
    suite.write_text(json.dumps({"id": "a", "draft": "Sorry for the inconvenience.", "expect": ["bland-apology"]}) + "\n")
    runs = calibrate_layers(load_suite(suite))
    assert set(runs) == {"rules", "model", "combined"}
    assert runs["rules"].rules["bland-apology"].tp == 1 and runs["combined"].rules["bland-apology"].tp == 1
    header = terminal_layers(runs).splitlines()[1]
    assert "rules P" in header and "model R" in header and "combined P" in header


def test_another_language_is_still_not_assessed():
    result = check("Lo siento mucho, le devolveremos el dinero mañana sin falta.", "quiero mi dinero")
    assert result.assessed is False and not result.findings


def test_links_handles_and_signatures_carry_no_meaning():
    assert normalise_for_embedding("@12345 see https://t.co/abc ^JK").split() == ["see", "link"]


def test_embeddings_are_the_unit_mean_of_their_token_vectors():
    """The hand-spelled ufunc calls give the same bits as ndarray.mean and linalg.norm."""
    import numpy as np

    from coach._core.learned.features import sentence_features

    emb = load_learned().embedding
    texts = ["Your parcel is on its way.", "Sorry for the wait, Ana!", "I'll refund the £20 today.", "zzzz"]
    for text, row in zip(texts, emb.embed(texts)):
        ids = emb.token_ids(text)
        mean = emb.vectors[ids].mean(axis=0, dtype=np.float32)[None, :] if ids else np.zeros((1, emb.dim), np.float32)
        norm = np.linalg.norm(mean, axis=1, keepdims=True)
        assert np.array_equal(row, (mean / norm if norm.all() else mean)[0])
    features = sentence_features(emb, texts[:3])
    vectors = emb.embed(texts[:3])
    assert np.array_equal(features[1, emb.dim:], np.stack([vectors[0], vectors[2]]).mean(axis=0))
    assert np.array_equal(features[0, emb.dim:], vectors[1]) and np.array_equal(features[2, emb.dim:], vectors[1])
