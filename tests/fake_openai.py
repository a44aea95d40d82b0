"""A real OpenAI-compatible HTTP server on 127.0.0.1 that misbehaves on purpose, for the fault tests.

Each POST /v1/chat/completions consumes the next step of a script (the last step repeats); every request
is recorded, so a test can assert how many HTTP calls were made and what they carried.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Step = Callable[["_Handler", dict[str, Any]], None]

LLAMA_JSON_SCHEMA_REFUSAL = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)


def completion(content: str | None, *, finish_reason: str = "stop", prompt_tokens: int = 100,
               completion_tokens: int = 40) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": finish_reason, "logprobs": None,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


# --- steps --------------------------------------------------------------------------------------------


def answer(content: str | None, *, finish_reason: str = "stop") -> Step:
    """200 with a chat completion whose message content is ``content``."""
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        handler.send_json(200, completion(content, finish_reason=finish_reason))
    return step


def answer_json(critique: list[dict[str, str]] | None = None, rewrite: str | None = None) -> Step:
    payload: dict[str, Any] = {"critique": critique or []}
    if rewrite is not None:
        payload["rewrite"] = rewrite
    return answer(json.dumps(payload))


def slow(seconds: float, then: Step) -> Step:
    """Take ``seconds`` before answering like ``then`` (to see how many requests overlap)."""
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        time.sleep(seconds)
        then(handler, body)
    return step


def status(code: int, message: str = "failed", headers: dict[str, str] | None = None) -> Step:
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        handler.send_json(code, {"error": {"message": message, "type": "error", "param": None, "code": None}},
                          headers)
    return step


def hang(seconds: float) -> Step:
    """Accept the request and answer nothing for ``seconds`` (past the client's timeout), then hang up."""
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        time.sleep(seconds)
        handler.close_connection = True
    return step


def drop() -> Step:
    """Close the connection without a word."""
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        handler.close_connection = True
        try:
            handler.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    return step


def refuse_json_schema(then: Step) -> Step:
    """llama.cpp's server: a 500 for response_format json_schema; anything else goes to ``then``."""
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        if (body.get("response_format") or {}).get("type") == "json_schema":
            handler.send_json(500, {"error": {"message": LLAMA_JSON_SCHEMA_REFUSAL, "type": "internal_server_error"}})
        else:
            then(handler, body)
    return step


def refuse_any_format(then: Step) -> Step:
    """A server that accepts no response_format at all (400), and answers plain requests with ``then``."""
    def step(handler: _Handler, body: dict[str, Any]) -> None:
        if body.get("response_format"):
            handler.send_json(400, {"error": {"message": "response_format is not supported"}})
        else:
            then(handler, body)
    return step


# --- the server ---------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # keep pytest's output clean
        pass

    def send_json(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.rstrip("/").endswith("/models"):
            self.send_json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        else:
            self.send_json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        step = self.server.record(body, {name.lower(): value for name, value in self.headers.items()})
        try:
            with self.server.counting_in_flight():
                step(self, body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a hanging handler must not hold up the test's teardown
    allow_reuse_address = True

    def __init__(self, steps: list[Step]):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.steps = steps
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()

    def record(self, body: dict[str, Any], headers: dict[str, str]) -> Step:
        with self._lock:
            self.bodies.append(body)
            self.headers.append(headers)
            index = min(len(self.bodies), len(self.steps)) - 1
            return self.steps[index]

    @contextmanager
    def counting_in_flight(self) -> Iterator[None]:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            yield
        finally:
            with self._lock:
                self.in_flight -= 1


class FakeOpenAI:
    """``FakeOpenAI(step, step, ...)``: serve the steps in order (the last one repeats) until ``close()``."""

    def __init__(self, *steps: Step):
        if not steps:
            raise ValueError("give at least one step")
        self._server = _Server(list(steps))
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def calls(self) -> int:
        """POST requests received so far (the HTTP calls the coach made)."""
        return len(self._server.bodies)

    @property
    def max_in_flight(self) -> int:
        """The most requests the server was answering at the same time."""
        return self._server.max_in_flight

    @property
    def bodies(self) -> list[dict[str, Any]]:
        return self._server.bodies

    @property
    def headers(self) -> list[dict[str, str]]:
        """Each request's headers, names in lower case."""
        return self._server.headers

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
