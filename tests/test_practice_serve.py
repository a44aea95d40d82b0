"""Practice over HTTP: /v1/practice/scenarios, start, reply, finish; the state travels with each request."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")

from fake_openai import answer  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from test_practice import BLAND, GOOD  # noqa: E402

from coach import AsyncCoach  # noqa: E402
from coach._serve import Limits  # noqa: E402
from coach._serve.app import create_app  # noqa: E402

TOKEN = "practice-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client():
    with TestClient(create_app(AsyncCoach(engine="offline"), token=TOKEN, limits=Limits(max_draft_chars=500))) as c:
        yield c


def test_a_whole_session_over_http(client):
    listing = client.get("/v1/practice/scenarios", headers=AUTH).json()["scenarios"]
    assert len(listing) >= 12 and listing[0]["id"] == "late-parcel" and listing[0]["hint"]
    view = client.post("/v1/practice/start", json={"scenario": "late-parcel"}, headers=AUTH).json()
    assert view["customer"] == "Priya" and view["mood"] == 2 and view["said"].startswith("Hi. I ordered")
    view = client.post("/v1/practice/reply", json={"state": view["state"], "reply": BLAND}, headers=AUTH).json()
    assert view["turn"]["findings"][0]["rule"] == "bland-apology" and view["mood"] == 1 and view["mood_label"] == "furious"
    view = client.post("/v1/practice/reply", json={"state": view["state"], "reply": GOOD}, headers=AUTH).json()
    assert view["mood"] == 2 and not view["over"] and len(view["state"]["turns"]) == 2
    card = client.post("/v1/practice/finish", json={"state": view["state"], "agent": "sam"}, headers=AUTH).json()
    assert card["agent"] == "sam" and card["mood"] == [2, 1, 2] and card["ended"] == "quit"
    assert set(card["debrief"]) >= {"feel", "understood", "call_back"}


def test_the_endpoints_need_the_token(client):
    assert client.post("/v1/practice/start", json={"scenario": "late-parcel"}).status_code == 401


def test_bad_input_is_a_clear_400_or_413(client):
    bad = client.post("/v1/practice/start", json={"scenario": "nope"}, headers=AUTH)
    assert bad.status_code == 400 and "unknown scenario 'nope'" in bad.json()["error"]["message"]
    state = client.post("/v1/practice/start", json={"scenario": "late-parcel"}, headers=AUTH).json()["state"]
    empty = client.post("/v1/practice/reply", json={"state": state, "reply": "  "}, headers=AUTH)
    assert empty.status_code == 400 and empty.json()["error"]["type"] == "EmptyDraftError"
    long = client.post("/v1/practice/reply", json={"state": state, "reply": "x" * 501}, headers=AUTH)
    assert long.status_code == 413
    forged = {**state, "scenario_id": "no-such"}
    assert client.post("/v1/practice/reply", json={"state": forged, "reply": GOOD}, headers=AUTH).status_code == 400
    surrogate = '{"state": %s, "reply": "\\ud800"}' % json.dumps(state)
    response = client.post("/v1/practice/reply", content=surrogate, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 400


def test_a_finished_session_takes_no_more_replies(client):
    view = client.post("/v1/practice/start", json={"scenario": "angry-repeat-caller"}, headers=AUTH).json()
    for _ in range(2):
        view = client.post("/v1/practice/reply", json={"state": view["state"], "reply": "I'll see what I can do."},
                           headers=AUTH).json()
    assert view["over"] and view["state"]["ended"] == "walk_out"
    again = client.post("/v1/practice/reply", json={"state": view["state"], "reply": GOOD}, headers=AUTH)
    assert again.status_code == 400 and "session is over" in again.json()["error"]["message"]


def test_with_a_model_server_the_model_plays_the_customer(serve):
    server = serve(answer(json.dumps({"reply": "Where is my parcel, then?", "mood": 1, "done": False})))
    coach = AsyncCoach(engine="openai", base_url=server.url, model="fake-model", timeout=2.0)
    with TestClient(create_app(coach)) as c:
        view = c.post("/v1/practice/start", json={"scenario": "late-parcel"}).json()
        assert view["state"]["customer_kind"] == "model fake-model"
        view = c.post("/v1/practice/reply", json={"state": view["state"], "reply": BLAND}).json()
    assert view["turn"]["customer_after"] == "Where is my parcel, then?" and server.calls == 1
