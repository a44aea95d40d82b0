"""A fake of OpenAI's files and batches endpoints on 127.0.0.1, for the Batch API tests.

``FakeBatchServer(answer, plan=[...])`` serves ``/v1/files`` (multipart upload, ``/content`` download),
``/v1/batches`` (create, retrieve, cancel) and ``/v1/models``. Each created batch runs the requests of its
input file through ``answer(request_body) -> (status_code, response_body)`` when it finishes; how it
finishes is the next entry of ``plan`` (the last one repeats):

- ``"ok"``: completed, answers in the output file, non-200 answers in the error file;
- ``"fail"``: failed as a whole (no output), with a reason in ``errors``;
- ``("expire", n)``: expired after ``n`` requests: the rest are ``batch_expired`` lines in the error file;
- ``"no-output"``: completed, but its output file is gone (404 on download);
- ``"hold"``: stays ``in_progress`` until the test calls ``release()``, then completes like ``"ok"``.

Every request's path and headers are recorded, so a test can count uploads, creations and polls.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def send_json(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self.send_bytes(code, json.dumps(payload).encode(), "application/json", headers)

    def send_bytes(self, code: int, data: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> None:
        with self.server.lock:
            self.server.requests.append((self.command, self.path.split("?")[0]))
            self.server.headers.append({k.lower(): v for k, v in self.headers.items()})

    def do_GET(self) -> None:  # noqa: N802
        self._record()
        path = self.path.split("?")[0].rstrip("/")
        parts = path.split("/")
        if path.endswith("/models"):
            return self.send_json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        if len(parts) >= 5 and parts[-3] == "files" and parts[-1] == "content":
            data = self.server.files.get(parts[-2])
            if data is None:
                return self.send_json(404, {"error": {"message": f"No such File object: {parts[-2]}"}})
            return self.send_bytes(200, data, "application/octet-stream")
        if parts[-2] == "batches":
            batch = self.server.advance(parts[-1])
            if batch is None:
                return self.send_json(404, {"error": {"message": f"No such batch: {parts[-1]}"}})
            return self.send_json(200, batch)
        self.send_json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:  # noqa: N802
        self._record()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        path = self.path.split("?")[0].rstrip("/")
        if path.endswith("/files"):
            return self._upload(raw)
        if path.endswith("/batches"):
            body = json.loads(raw or b"{}")
            return self.send_json(200, self.server.create(body["input_file_id"], body.get("metadata") or {}))
        if path.endswith("/cancel"):
            batch = self.server.cancel(path.split("/")[-2])
            if batch is None:
                return self.send_json(404, {"error": {"message": "No such batch"}})
            return self.send_json(200, batch)
        self.send_json(404, {"error": {"message": "not found"}})

    def _upload(self, raw: bytes) -> None:
        with self.server.lock:
            if self.server.upload_refusals > 0:
                self.server.upload_refusals -= 1
                return self.send_json(429, {"error": {"message": "Rate limit reached for batch file uploads",
                                                      "type": "requests", "code": "rate_limit_exceeded"}},
                                      {"retry-after": "0"})
        message = BytesParser().parsebytes(
            b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + raw)
        data, name = b"", "upload.jsonl"
        for part in message.walk():
            if part.get_param("name", header="content-disposition") == "file":
                data, name = part.get_payload(decode=True), part.get_filename() or name
        with self.server.lock:
            file_id = f"file-{len(self.server.files) + 1}"
            self.server.files[file_id] = data
            self.server.uploads.append(data)
        self.send_json(200, {"id": file_id, "object": "file", "bytes": len(data), "created_at": int(time.time()),
                             "filename": name, "purpose": "batch", "status": "processed"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, answer: Answer, plan: list[Any], polls: int, upload_refusals: int):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer, self.plan, self.polls, self.upload_refusals = answer, plan, polls, upload_refusals
        self.lock = threading.Lock()
        self.files: dict[str, bytes] = {}
        self.uploads: list[bytes] = []
        self.batches: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []
        self.headers: list[dict[str, str]] = []
        self.held = threading.Event()

    def create(self, input_file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        with self.lock:
            number = len(self.batches) + 1
            lines = [json.loads(line) for line in self.files[input_file_id].decode().splitlines() if line.strip()]
            batch = {
                "id": f"batch_{number}", "object": "batch", "endpoint": "/v1/chat/completions", "errors": None,
                "input_file_id": input_file_id, "completion_window": "24h", "status": "validating",
                "output_file_id": None, "error_file_id": None, "created_at": 1700000000 + number,
                "expires_at": 1700086400 + number, "metadata": metadata,
                "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
                "_lines": lines, "_plan": self.plan[min(number, len(self.plan)) - 1], "_polls": 0,
            }
            self.batches[batch["id"]] = batch
            return _public(batch)

    def advance(self, batch_id: str) -> dict[str, Any] | None:
        """Each poll moves a batch on: validating, in_progress, then its end (after ``polls`` polls)."""
        with self.lock:
            batch = self.batches.get(batch_id)
            if batch is None:
                return None
            batch["_polls"] += 1
            if batch["status"] == "cancelling":
                batch["status"] = "cancelled"
            elif batch["status"] in ("validating", "in_progress"):
                held = batch["_plan"] == "hold" and not self.held.is_set()
                if batch["_polls"] >= self.polls and not held:
                    self._finish(batch)
                else:
                    batch["status"] = "in_progress"
            return _public(batch)

    def cancel(self, batch_id: str) -> dict[str, Any] | None:
        with self.lock:
            batch = self.batches.get(batch_id)
            if batch is None:
                return None
            if batch["status"] in ("validating", "in_progress"):
                batch["status"] = "cancelling"
            return _public(batch)

    def _finish(self, batch: dict[str, Any]) -> None:
        plan = batch["_plan"]
        if plan == "fail":
            batch["status"] = "failed"
            batch["errors"] = {"object": "list", "data": [
                {"code": "invalid_request", "message": "The input file could not be read.", "line": None,
                 "param": None}]}
            return
        done = len(batch["_lines"]) if not isinstance(plan, tuple) else plan[1]
        outputs, errors = [], []
        for n, line in enumerate(batch["_lines"]):
            if n >= done:
                errors.append({"id": f"req_{n}", "custom_id": line["custom_id"], "response": None,
                               "error": {"code": "batch_expired", "message": "This request could not be executed "
                                         "before the completion window expired."}})
                continue
            status, body = self.answer(line["body"])
            entry = {"id": f"req_{n}", "custom_id": line["custom_id"],
                     "response": {"status_code": status, "request_id": f"r{n}", "body": body}, "error": None}
            (outputs if status == 200 else errors).append(entry)
        batch["request_counts"] = {"total": len(batch["_lines"]), "completed": len(outputs), "failed": len(errors)}
        batch["status"] = "expired" if isinstance(plan, tuple) else "completed"
        if outputs:
            batch["output_file_id"] = self._store(batch["id"] + "-output", outputs, gone=plan == "no-output")
        if errors:
            batch["error_file_id"] = self._store(batch["id"] + "-errors", errors)

    def _store(self, file_id: str, lines: list[dict[str, Any]], gone: bool = False) -> str:
        if not gone:
            self.files[file_id] = "".join(json.dumps(line) + "\n" for line in lines).encode()
        return file_id


def _public(batch: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in batch.items() if not k.startswith("_")}


class FakeBatchServer:
    def __init__(self, answer: Answer, *, plan: list[Any] | None = None, polls: int = 2, upload_refusals: int = 0):
        self._server = _Server(answer, list(plan or ["ok"]), polls, upload_refusals)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def uploads(self) -> list[bytes]:
        """The JSONL files uploaded, in order."""
        return self._server.uploads

    @property
    def batches(self) -> dict[str, dict[str, Any]]:
        return self._server.batches

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(method, path) of every request received."""
        return self._server.requests

    @property
    def headers(self) -> list[dict[str, str]]:
        return self._server.headers

    def release(self) -> None:
        """Let held batches finish."""
        self._server.held.set()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
