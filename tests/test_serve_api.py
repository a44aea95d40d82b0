"""The service's endpoints, its error statuses, the bearer token and the limits, through Starlette's TestClient."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")

from serve_helpers import CUSTOMER, DRAFT  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from coach import MAX_DRAFT_CHARS, RULE_IDS, AsyncCoach, Coach, Policy  # noqa: E402
from coach._core.rules import load_rules  # noqa: E402
from coach._serve import Limits  # noqa: E402
from coach._serve.app import create_app  # noqa: E402

TOKEN = "t0ken-for-tests-only"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def client_for(**options) -> TestClient:
    return TestClient(create_app(AsyncCoach(engine="offline"), **options))


@pytest.fixture
def client():
    with client_for() as c:
        yield c


@pytest.fixture
def secured():
    with client_for(token=TOKEN) as c:
        yield c


def assert_error(response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["type"] == kind, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body


# --- the endpoints ---------------------------------------------------------------------------------------


def test_healthz_says_engine_version_and_whether_a_token_is_needed(secured):
    body = secured.get("/healthz").json()  # no token: the probe stays open
    assert body["status"] == "ok" and body["engine"] == "offline" and body["auth"] is True
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", body["version"])


def test_rules_lists_the_rulebook(client):
    rules = client.get("/v1/rules").json()["rules"]
    book = load_rules()
    assert [r["id"] for r in rules] == [i for i in RULE_IDS if i in book]
    assert {"broken-promise", "bland-apology", "no-thanks"} <= {r["id"] for r in rules}
    for rule in rules:
        assert rule == {"id": rule["id"], "severity": book[rule["id"]].severity,
                        "message": book[rule["id"]].message, "suggestion": book[rule["id"]].suggestion}


@pytest.mark.parametrize("kind", ["check", "rewrite", "critique"])
def test_each_endpoint_answers_what_the_python_api_returns(client, kind):
    response = client.post(f"/v1/{kind}", json={"draft": DRAFT, "customer": CUSTOMER})
    assert response.status_code == 200, response.text
    expected = getattr(Coach(engine="offline"), kind)(DRAFT, customer=CUSTOMER).model_dump(mode="json")
    assert response.json() == expected


def test_check_finds_the_apology_and_the_promise_where_they_are(client):
    findings = client.post("/v1/check", json={"draft": DRAFT}).json()["findings"]
    spans = {f["rule"]: DRAFT[f["start"]:f["end"]] for f in findings if f["start"] is not None}
    assert spans["bland-apology"] == "Sorry for the inconvenience."
    assert spans["broken-promise"].startswith("I promise")


def test_an_id_is_echoed_back(client):
    assert client.post("/v1/check", json={"id": "t-17", "draft": DRAFT}).json()["id"] == "t-17"
    assert client.post("/v1/rewrite", json={"id": 17, "draft": DRAFT}).json()["id"] == 17
    assert "id" not in client.post("/v1/check", json={"draft": DRAFT}).json()


def test_request_policy_lines_are_added_to_the_servers_policy():
    server_policy = Policy(banned_phrases=["valued customer"])
    draft = "Thanks, valued customer. Your replacement will ship within 2 business days. Reply with your address."
    with client_for(policy=server_policy) as c:
        plain = [f["rule"] for f in c.post("/v1/check", json={"draft": draft}).json()["findings"]]
        merged = [f["rule"] for f in c.post("/v1/check", json={
            "draft": draft, "policy": ["Replacement orders ship within 2 business days"]}).json()["findings"]]
    assert "broken-promise" in plain and "banned-phrase" in plain
    assert "broken-promise" not in merged and "banned-phrase" in merged  # the server's policy still applies


def test_batch_keeps_order_and_puts_a_failed_item_in_its_place(client):
    items = [{"id": "a", "draft": DRAFT}, {"id": "b", "draft": "   "}, {"draft": "Sorry for the trouble."}]
    results = client.post("/v1/rewrite:batch", json={"items": items}).json()["results"]
    assert len(results) == 3
    assert results[0] == {**Coach().rewrite(DRAFT).model_dump(mode="json"), "id": "a"}
    assert results[1] == {"id": "b", "draft": "   ", "error": {
        "type": "EmptyDraftError", "message": results[1]["error"]["message"]}}
    assert results[2]["rewrite"] == Coach().rewrite("Sorry for the trouble.").rewrite and results[2]["id"] is None


def test_an_empty_batch_is_an_empty_answer(client):
    assert client.post("/v1/rewrite:batch", json={"items": []}).json() == {"results": []}


def test_openapi_is_generated_from_the_models_and_tells_the_truth_about_errors():
    with client_for(token=TOKEN) as c:
        schema = c.get("/openapi.json").json()  # open, like /healthz
    paths = schema["paths"]
    assert {"/healthz", "/v1/rules", "/v1/check", "/v1/rewrite", "/v1/critique", "/v1/rewrite:batch"} <= set(paths)
    check = paths["/v1/check"]["post"]
    assert check["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/DraftRequest")
    assert "422" not in check["responses"] and {"400", "401", "413", "429", "502", "504"} <= set(check["responses"])
    assert check["security"] == [{"bearer": []}] and "security" not in paths["/healthz"]["get"]
    assert schema["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert {"DraftRequest", "CheckResult", "RewriteResult", "ErrorResponse"} <= set(schema["components"]["schemas"])


# --- bad input: always a JSON 400, never a 500 -----------------------------------------------------------


@pytest.mark.parametrize(("body", "kind"), [
    (b'{"draft": "Sorry", ', "invalid_json"),
    (b"[1, 2]", "validation_error"),
    (b'{"customer": "hi"}', "validation_error"),
    (b'{"draft": 12}', "validation_error"),
    (b'{"draft": "hi", "policy": "/etc/passwd"}', "validation_error"),  # a path would be read as a policy file
    (b'{"draft": "hi", "policy": [1]}', "validation_error"),
    (b'{"draft": "hi", "extra": 1}', "validation_error"),
    (b'{"draft": "\\ud800"}', "validation_error"),
    (b'{"draft": "   "}', "EmptyDraftError"),
])
@pytest.mark.parametrize("path", ["/v1/check", "/v1/rewrite", "/v1/critique"])
def test_bad_input_is_a_clear_400(client, path, body, kind):
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert_error(response, 400, kind)


def test_a_body_that_is_not_json_says_how_to_send_it(client):
    body = assert_error(client.post("/v1/check", content=b"draft=hi",
                                    headers={"Content-Type": "application/x-www-form-urlencoded"}), 400,
                        "validation_error")
    assert "Content-Type: application/json" in body["error"]["message"]


def test_a_rewrite_error_still_carries_the_draft(client):
    body = assert_error(client.post("/v1/rewrite", json={"draft": "  \n "}), 400, "EmptyDraftError")
    assert body["draft"] == "  \n "
    body = assert_error(client.post("/v1/rewrite", json={"draft": DRAFT, "policy": "x"}), 400, "validation_error")
    assert body["draft"] == DRAFT  # readable even though another field was wrong
    body = assert_error(client.post("/v1/rewrite", content=b"{oops", headers={"Content-Type": "application/json"}),
                        400, "invalid_json")
    assert "draft" in body and body["draft"] is None


def test_batch_items_are_validated_as_a_whole(client):
    assert_error(client.post("/v1/rewrite:batch", json={"items": [{"draft": 1}]}), 400, "validation_error")
    assert_error(client.post("/v1/rewrite:batch", json={"drafts": []}), 400, "validation_error")


def test_unknown_paths_and_methods_are_json_too(client):
    assert_error(client.get("/v1/nothing"), 404, "not_found")
    response = client.get("/v1/check")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["allow"]


# --- the bearer token ------------------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"}])
@pytest.mark.parametrize(("method", "path"), [("post", "/v1/check"), ("post", "/v1/rewrite"),
                                              ("post", "/v1/rewrite:batch"), ("get", "/v1/rules"),
                                              ("get", "/v1/missing")])
def test_a_missing_or_wrong_token_is_a_401(secured, headers, method, path):
    body = {"json": {"draft": DRAFT}} if method == "post" else {}
    response = getattr(secured, method)(path, headers=headers, **body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert TOKEN not in response.text


def test_the_right_token_opens_every_endpoint(secured):
    assert secured.post("/v1/check", json={"draft": DRAFT}, headers=AUTH).status_code == 200
    assert secured.post("/v1/rewrite", json={"draft": DRAFT}, headers=AUTH).status_code == 200
    assert secured.post("/v1/rewrite:batch", json={"items": [{"draft": DRAFT}]}, headers=AUTH).status_code == 200
    assert secured.get("/v1/rules", headers=AUTH).status_code == 200


def test_auth_comes_before_reading_the_body(secured):
    assert_error(secured.post("/v1/check", content=b"{broken", headers={"Content-Type": "application/json"}),
                 401, "unauthorized")


def test_the_page_and_the_probe_need_no_token(secured):
    assert secured.get("/").status_code == 200
    assert secured.get("/healthz").status_code == 200


def test_without_a_configured_token_no_header_is_needed(client):
    assert client.post("/v1/check", json={"draft": DRAFT}).status_code == 200


# --- limits ----------------------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_a_413_whether_declared_or_streamed():
    with client_for(limits=Limits(max_body_bytes=2_000)) as c:
        big = {"draft": "Thanks for writing. " * 150}
        assert_error(c.post("/v1/check", json=big), 413, "body_too_large")
        chunks = (b'{"draft": "' + b"x" * 500 + b'"}' if i == 0 else b" " * 500 for i in range(6))
        response = c.post("/v1/check", content=chunks, headers={"Content-Type": "application/json"})
        assert "content-length" not in response.request.headers
        assert_error(response, 413, "body_too_large")
        body = assert_error(c.post("/v1/rewrite", json=big), 413, "body_too_large")
        assert body["draft"] is None  # the draft was never read, and the key says so
        assert c.post("/v1/check", json={"draft": "Thanks for writing. " * 90}).status_code == 200


def test_a_draft_over_the_limit_is_a_413_and_comes_back():
    with client_for(limits=Limits(max_draft_chars=60)) as c:
        draft = "Thanks for writing. " * 3 + "x"  # 61 characters
        for path in ("/v1/check", "/v1/rewrite", "/v1/critique"):
            body = assert_error(c.post(path, json={"draft": draft}), 413, "DraftTooLongError")
            assert "60" in body["error"]["message"]
        assert assert_error(c.post("/v1/rewrite", json={"draft": draft}), 413, "DraftTooLongError")["draft"] == draft
        assert c.post("/v1/check", json={"draft": draft[:-1]}).status_code == 200
        results = c.post("/v1/rewrite:batch", json={"items": [{"draft": draft}, {"draft": DRAFT[:60]}]}).json()
        assert results["results"][0]["error"]["type"] == "DraftTooLongError" and "rewrite" in results["results"][1]


def test_the_default_draft_limit_is_the_coachs(client):
    draft = "a" * (MAX_DRAFT_CHARS + 1)
    assert_error(client.post("/v1/check", json={"draft": draft}), 413, "DraftTooLongError")


def test_a_batch_over_the_limit_is_a_413():
    with client_for(limits=Limits(max_batch_items=3)) as c:
        assert c.post("/v1/rewrite:batch", json={"items": [{"draft": DRAFT}] * 3}).status_code == 200
        body = assert_error(c.post("/v1/rewrite:batch", json={"items": [{"draft": DRAFT}] * 4}), 413, "batch_too_large")
        assert "3" in body["error"]["message"]


@pytest.mark.parametrize("options", [{"max_batch_items": 0}, {"max_model_calls": -1}, {"max_body_bytes": 1.5},
                                     {"max_draft_chars": MAX_DRAFT_CHARS + 1}])
def test_limits_refuse_nonsense(options):
    with pytest.raises(ValueError):
        Limits(**options)


# --- what a new user runs into (issue 20) -------------------------------------------------------------------

SPANISH = "Le prometo que su reembolso llegará mañana sin falta, no se preocupe."


def readme_error_types() -> set[str]:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = readme.split("Every error is JSON", 1)[1].split("\n\n", 1)[0]
    return set(re.findall(r"`([A-Za-z_]+)`", listed))


@pytest.mark.parametrize("path", ["/v1/check", "/v1/rewrite", "/v1/critique", "/v1/rewrite:batch"])
def test_a_body_that_is_not_utf8_says_so_with_a_listed_error_type(client, path):
    body = assert_error(client.post(path, content=b'{"draft": "caf\xe9, sorry"}',
                                    headers={"Content-Type": "application/json"}), 400, "invalid_json")
    assert "not valid UTF-8 (byte 14)" in body["error"]["message"]
    assert body["error"]["type"] in readme_error_types()


def test_not_assessed_is_passed_null_in_the_service(client):
    check = client.post("/v1/check", json={"draft": SPANISH}).json()
    critique = client.post("/v1/critique", json={"draft": SPANISH}).json()
    rewrite = client.post("/v1/rewrite", json={"draft": SPANISH}).json()
    batch = client.post("/v1/rewrite:batch", json={"items": [{"draft": SPANISH, "id": 7}]}).json()["results"]
    for result in (check, critique, rewrite, batch[0]):
        assert result["passed"] is None and result["assessed"] is False, result
    assert critique["language"] == "es" and batch[0]["id"] == 7
    assert client.post("/v1/critique", json={"draft": DRAFT}).json()["assessed"] is True
