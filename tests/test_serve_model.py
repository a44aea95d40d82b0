"""The service in front of a model server that misbehaves (tests/fake_openai.py): 429, 502, 504, and the
semaphore that bounds the model calls of all requests together."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")

import httpx2  # noqa: E402
from fake_openai import answer_json, drop, hang, slow, status  # noqa: E402
from llm_cases import CUSTOMER, DRAFT, GOOD_CRITIQUE, GOOD_REWRITE  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from coach import AsyncCoach, ModelConfigError, ModelRequestError, ModelResponseError, PromptError  # noqa: E402
from coach._serve import Limits  # noqa: E402
from coach._serve.app import create_app  # noqa: E402
from coach._serve.errors import describe  # noqa: E402

pytestmark = pytest.mark.usefixtures("fast_backoff")

GOOD = answer_json(GOOD_CRITIQUE, GOOD_REWRITE)


def client_for(server, *, limits: Limits | None = None, **options) -> TestClient:
    options = {"timeout": 2.0, "budget": 10.0, **options}
    coach = AsyncCoach(engine="openai", base_url=server.url, model="fake-model", **options)
    return TestClient(create_app(coach, limits=limits))


def post(server, path: str, payload: dict, **options):
    with client_for(server, **options) as c:
        return c.post(path, json=payload)


def test_a_good_model_answer_is_served(serve):
    server = serve(GOOD)
    body = post(server, "/v1/rewrite", {"draft": DRAFT, "customer": CUSTOMER}).json()
    assert body["rewrite"] == GOOD_REWRITE and body["engine"] == "openai" and not body["fallback"]
    assert server.calls == 1


def test_rate_limited_past_the_retry_budget_is_a_429_with_retry_after(serve):
    server = serve(status(429, "slow down", {"retry-after": "0"}))
    response = post(server, "/v1/rewrite", {"draft": DRAFT})
    assert response.status_code == 429, response.text
    body = response.json()
    assert body["error"]["type"] == "ModelRequestError" and "429" in body["error"]["message"]
    assert body["draft"] == DRAFT
    assert response.headers["retry-after"] == "1"
    assert server.calls == 3  # the engine's transport tries, then the service gives up


@pytest.mark.parametrize("step", [status(500, "boom"), status(401, "bad key"), drop()], ids=["500", "401", "drop"])
@pytest.mark.parametrize("path", ["/v1/rewrite", "/v1/critique"])
def test_a_failing_model_server_is_a_502(serve, step, path):
    server = serve(step)
    response = post(server, path, {"draft": DRAFT})
    assert response.status_code == 502, response.text
    assert response.json()["error"]["type"] == "ModelRequestError"
    if path == "/v1/rewrite":
        assert response.json()["draft"] == DRAFT


def test_a_model_server_that_does_not_answer_in_time_is_a_504(serve):
    server = serve(hang(3.0))
    response = post(server, "/v1/rewrite", {"draft": DRAFT}, timeout=0.3, budget=1.0)
    assert response.status_code == 504, response.text
    assert response.json()["error"]["type"] == "ModelRequestError" and response.json()["draft"] == DRAFT


def test_check_needs_no_model_so_a_broken_model_server_does_not_matter(serve):
    server = serve(status(500, "boom"))
    response = post(server, "/v1/check", {"draft": DRAFT})
    assert response.status_code == 200 and server.calls == 0


def test_batch_items_fail_in_place_with_their_draft(serve):
    server = serve(status(500, "boom"))
    response = post(server, "/v1/rewrite:batch", {"items": [{"id": 1, "draft": DRAFT}, {"id": 2, "draft": "Hi."}]})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["id"] for r in results] == [1, 2] and [r["draft"] for r in results] == [DRAFT, "Hi."]
    assert {r["error"]["type"] for r in results} == {"ModelRequestError"}


@pytest.mark.parametrize(("error", "status_code"), [
    (ModelRequestError("the model server rate limited (429): x", status=429), 429),
    (ModelRequestError("the model server at http://h did not answer within 2 s"), 504),
    (ModelRequestError("could not talk to the model server at http://h: ConnectError"), 502),
    (ModelRequestError("the model server refused the request (400): x", status=400), 502),
    (ModelResponseError("not JSON"), 502),
    (ModelConfigError("no model"), 502),
    (PromptError("missing $draft"), 500),
    (RuntimeError("draft text must never leak"), 500),
])
def test_each_error_class_has_its_status(error, status_code):
    described = describe(error)
    assert described.status == status_code
    if isinstance(error, RuntimeError):
        assert described.kind == "internal_error" and "leak" not in described.message


def test_model_calls_of_all_requests_share_one_bound(serve):
    server = serve(slow(0.3, GOOD))
    coach = AsyncCoach(engine="openai", base_url=server.url, model="fake-model", timeout=5.0)
    app = create_app(coach, limits=Limits(max_model_calls=2))

    async def burst() -> list[int]:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test", timeout=30) as client:
            singles = [client.post("/v1/rewrite", json={"draft": DRAFT}) for _ in range(3)]
            batch = client.post("/v1/rewrite:batch", json={"items": [{"draft": DRAFT}] * 3})
            responses = await asyncio.gather(*singles, batch)
        return [r.status_code for r in responses]

    assert asyncio.run(burst()) == [200] * 4
    assert server.calls == 6
    assert server.max_in_flight == 2  # both seats used, never a third
