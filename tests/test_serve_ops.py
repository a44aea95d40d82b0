"""Running the service: its log lines (no text unless asked), the refusal of an open non-loopback host,
the ``serve`` options, a CLI import that stays light, and the page's self-containment."""

from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")

from starlette.testclient import TestClient  # noqa: E402

from coach import AsyncCoach  # noqa: E402
from coach._serve import Limits, options, server  # noqa: E402
from coach._serve.app import create_app  # noqa: E402
from coach._serve.logs import LOGGER_NAME  # noqa: E402

TOKEN = "s3cret-token-value"
# Distinctive words, so that any copy of the texts in a log line is found.
DRAFT = "Sorry for the inconvenience. I promise parcel ZQX-4471 will be with you today."
CUSTOMER = "Where is my parcel ZQX-4471? It has been weeks, Bartholomew here."


def requests_made(client: TestClient) -> list[int]:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    payload = {"draft": DRAFT, "customer": CUSTOMER}
    rewrite = client.post("/v1/rewrite", json=payload, headers=auth)
    return [
        client.post("/v1/check", json=payload, headers=auth).status_code,
        rewrite.status_code,
        client.post("/v1/critique", json=payload, headers=auth).status_code,
        client.post("/v1/rewrite:batch", json={"items": [payload, {"draft": " "}]}, headers=auth).status_code,
        client.post("/v1/rewrite", json={**payload, "policy": 3}, headers=auth).status_code,
        client.post("/v1/check", json=payload, headers={"Authorization": "Bearer nope"}).status_code,
        client.get("/healthz").status_code,
    ], rewrite.json()["rewrite"]


def service_lines(caplog) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == LOGGER_NAME]


def test_one_json_line_per_request_and_no_text_in_any_log(caplog):
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(AsyncCoach(engine="offline"), token=TOKEN)) as client:
        statuses, rewrite = requests_made(client)
    assert statuses == [200, 200, 200, 200, 400, 401, 200]
    lines = service_lines(caplog)
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("POST", "/v1/rewrite", 200), ("POST", "/v1/check", 200), ("POST", "/v1/critique", 200),
        ("POST", "/v1/rewrite:batch", 200), ("POST", "/v1/rewrite", 400), ("POST", "/v1/check", 401),
        ("GET", "/healthz", 200)]
    assert all(isinstance(line["latency_ms"], float) and line["latency_ms"] >= 0 for line in lines)
    check = lines[1]
    assert check["engine"] == "checker" and {"bland-apology", "broken-promise"} <= set(check["rules"])
    assert lines[0]["engine"] == "offline" and "broken-promise" in lines[0]["rules"]
    assert lines[3]["item_errors"] == ["EmptyDraftError"] and lines[4]["error"] == "validation_error"
    everything = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("ZQX-4471", "inconvenience", "Bartholomew", rewrite, TOKEN):
        assert secret not in everything


def test_log_text_adds_the_texts(caplog):
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)
    with TestClient(create_app(AsyncCoach(engine="offline"), token=TOKEN, log_text=True)) as client:
        _, rewrite = requests_made(client)
    first = service_lines(caplog)[0]
    assert first["draft"] == DRAFT and first["customer"] == CUSTOMER and first["rewrite"] == rewrite
    assert TOKEN not in "\n".join(r.getMessage() for r in caplog.records)


# --- starting the server -----------------------------------------------------------------------------------


@pytest.fixture
def started(monkeypatch):
    """Record uvicorn's configuration instead of serving."""
    import uvicorn

    seen = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: seen.append(self.config))
    monkeypatch.setattr("coach._serve.logs.configure_logging", lambda: None)
    return seen


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]"])
def test_loopback_hosts(host):
    assert server.is_loopback(host) and server.refusal(host, None, False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.4", "example.com", "10.0.0.1"])
def test_a_non_loopback_host_without_a_token_is_refused(host, started, capsys, monkeypatch):
    monkeypatch.delenv(server.TOKEN_ENV, raising=False)
    assert server.run_server(host=host, engine="offline") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refusing" in err and "--insecure" in err and server.TOKEN_ENV in err
    assert started == []


def test_a_non_loopback_host_starts_with_a_token_or_insecure(started, monkeypatch, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    assert server.run_server(host="0.0.0.0", port=9001, engine="offline", token_file=token_file) == 0
    monkeypatch.setenv(server.TOKEN_ENV, TOKEN)
    assert server.run_server(host="0.0.0.0", engine="offline") == 0
    monkeypatch.delenv(server.TOKEN_ENV)
    assert server.run_server(host="0.0.0.0", engine="offline", insecure=True) == 0
    assert [(c.host, c.port) for c in started] == [("0.0.0.0", 9001), ("0.0.0.0", 8008), ("0.0.0.0", 8008)]
    assert started[0].access_log is False


def test_bad_configuration_is_one_line_and_exit_2(started, capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.write_text("\n")
    assert server.run_server(token_file=empty, engine="offline") == 2
    assert server.run_server(token_file=tmp_path / "missing", engine="offline") == 2
    assert server.run_server(policy_path=tmp_path / "missing.toml", engine="offline") == 2
    assert server.run_server(engine="openai") == 2  # no model server configured
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4 and all(line.startswith("coach serve: error:") for line in lines)
    assert started == []


def test_the_token_file_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(server.TOKEN_ENV, "from-env")
    path = tmp_path / "token"
    path.write_text(" from-file \n")
    assert server.read_token(path) == "from-file" and server.read_token(None) == "from-env"


# --- the serve options -------------------------------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="coach")
    options.add_serve_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["serve", *argv])


def test_serve_options_reach_run_server(monkeypatch):
    seen = {}
    monkeypatch.setattr(server, "run_server", lambda **kw: seen.update(kw) or 0)
    assert options.run(parse()) == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8008 and seen["limits"] == Limits()
    assert seen["insecure"] is False and seen["log_text"] is False and seen["token_file"] is None
    options.run(parse("--host", "0.0.0.0", "--port", "9", "--engine", "openai", "--model", "m", "--base-url", "u",
                      "--token-file", "t", "--insecure", "--log-text", "--max-body-bytes", "10", "--max-draft-chars",
                      "20", "--max-batch", "3", "--max-model-calls", "2", "--timeout", "4", "--policy", "p.toml"))
    assert (seen["host"], seen["port"], seen["engine"], seen["model"], seen["base_url"]) == ("0.0.0.0", 9, "openai",
                                                                                            "m", "u")
    assert str(seen["token_file"]) == "t" and str(seen["policy_path"]) == "p.toml" and seen["timeout"] == 4.0
    assert seen["insecure"] and seen["log_text"]
    assert seen["limits"] == Limits(max_body_bytes=10, max_draft_chars=20, max_batch_items=3, max_model_calls=2)


@pytest.mark.parametrize("argv", [["--max-batch", "0"], ["--max-model-calls", "x"], ["--timeout", "-1"]])
def test_nonsense_options_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        parse(*argv)
    assert exit_.value.code == 2


def test_a_draft_limit_above_the_coachs_is_a_clear_error(capsys):
    assert options.run(parse("--max-draft-chars", "999999999")) == 2
    assert "max_draft_chars" in capsys.readouterr().err


def test_importing_the_options_loads_no_web_framework():
    code = ("import sys, argparse, coach._serve.options as o; o.add_serve_parser(argparse.ArgumentParser()"
            ".add_subparsers()); print([m for m in ('fastapi', 'starlette', 'uvicorn', 'openai') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- the page --------------------------------------------------------------------------------------------


def test_the_page_is_self_contained():
    with TestClient(create_app(AsyncCoach(engine="offline"), token=TOKEN)) as client:
        response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page = response.text
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", page, re.I)  # nothing loads from outside
    assert not re.search(r"""fetch\(\s*["'`](?:https?:)?//""", page)
    assert 'role="alert"' in page and "/v1/check" in page and "/v1/rewrite" in page


def test_a_port_in_use_says_why(capsys):
    """uvicorn exits when it cannot bind; the one error line says the reason, not only that it failed."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert server.run_server(host="127.0.0.1", port=port, engine="offline") == 2
    line = [x for x in capsys.readouterr().err.splitlines() if x.startswith("coach serve: error:")]
    assert line == [f"coach serve: error: could not serve on 127.0.0.1:{port}: address already in use "
                    f"(another program listens there: stop it or pick another --port)"]
