"""The learned half of the checker: its files fail loudly, it is deterministic, and it sits under the rules."""

from __future__ import annotations

import json
import shutil

import pytest

from coach import Coach, LearnedCheckerError
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
    with pytest.raises(LearnedCheckerError, match="pity.*weights"):
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


def test_the_layers_are_separate_and_combined_is_the_default():
    draft = "I understand. Please DM us."
    assert check(draft, "my router keeps dropping", use="combined") == check(draft, "my router keeps dropping")
    rules = {f.rule for f in check(draft, "my router keeps dropping", use="rules").findings}
    assert "parroting" in rules


def test_the_model_never_adds_no_next_step_over_a_step_the_rules_read():
    # The rules keep what they read well: a request, a question or the agent's own action is a step.
    for draft in ("Please send us the serial number from the back of the kettle.",
                  "Which store did you visit on Saturday?",
                  "I've asked the courier to call you before they deliver."):
        assert "no-next-step" not in {f.rule for f in check(draft, "my kettle stopped working").findings}


def test_another_language_is_still_not_assessed():
    result = check("Lo siento mucho, le devolveremos el dinero mañana sin falta.", "quiero mi dinero")
    assert result.assessed is False and not result.findings


def test_links_handles_and_signatures_carry_no_meaning():
    assert normalise_for_embedding("@12345 see https://t.co/abc ^JK").split() == ["see", "link"]
