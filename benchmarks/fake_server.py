"""A tiny OpenAI-compatible server for the benchmarks: 127.0.0.1 only, a fixed delay, canned answers.

``POST /v1/chat/completions`` sleeps ``delay_s`` and then answers with ``answer(body)``'s text as the
assistant message; ``GET /v1/models`` lists one model. Usage is an estimate (about 4 characters a token,
OpenAI's rule of thumb): a fake server has no tokenizer. Each request's time inside the server is logged.
The server stops itself after ``lifetime_s`` whatever happens, so a crashed benchmark leaves nothing running.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "bench-model"


def estimate_tokens(text: str) -> int:
    return max(1, math.ceil(len(text) / 4))


@dataclass
class ServerLog:
    lock: threading.Lock = field(default_factory=threading.Lock)
    server_s: list[float] = field(default_factory=list)  # per chat request: body read -> response written
    request_chars: list[int] = field(default_factory=list)

    def add(self, seconds: float, chars: int) -> None:
        with self.lock:
            self.server_s.append(seconds)
            self.request_chars.append(chars)

    def clear(self) -> None:
        with self.lock:
            self.server_s.clear()
            self.request_chars.clear()


class FakeOpenAI:
    def __init__(self, answer: Callable[[dict[str, Any]], str], *, delay_s: float = 0.2, lifetime_s: float = 900):
        self.answer, self.delay_s, self.log = answer, delay_s, ServerLog()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a real server would
            disable_nagle_algorithm = True  # else headers and body, written apart, wait ~40 ms for an ACK

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()

            def do_GET(self) -> None:  # noqa: N802
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "bench"}]})
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}"}})

            def do_POST(self) -> None:  # noqa: N802
                body_bytes = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                started = time.perf_counter()
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                body = json.loads(body_bytes)
                prompt = "".join(str(m.get("content") or "") for m in body.get("messages", []))
                content = server.answer(body)
                time.sleep(server.delay_s)
                usage = {"prompt_tokens": estimate_tokens(prompt), "completion_tokens": estimate_tokens(content)}
                usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
                self._send(200, {
                    "id": "chatcmpl-bench", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model") or MODEL,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                 "finish_reason": "stop"}],
                    "usage": usage,
                })
                server.log.add(time.perf_counter() - started, len(prompt))

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._deadline = threading.Timer(lifetime_s, self.stop)
        self._deadline.daemon = True

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> "FakeOpenAI":
        self._thread.start()
        self._deadline.start()
        return self

    def stop(self) -> None:
        self._deadline.cancel()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "FakeOpenAI":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
