"""One structured JSON line per request on the ``coach.serve`` logger; texts only with ``--log-text``.

Handlers add what they learned to ``scope["state"]["log"]`` (engine, rule ids, error type, and the texts
when the service logs them); the line itself is written here, whatever the outcome.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

__all__ = ["RequestLog", "note", "LOGGER_NAME", "configure_logging"]

LOGGER_NAME = "coach.serve"
log = logging.getLogger(LOGGER_NAME)


def note(scope_state: Any, **fields: Any) -> None:
    """Add ``fields`` to this request's log line (``scope_state`` is ``request.state``)."""
    try:
        line = scope_state.log
    except AttributeError:
        line = scope_state.log = {}
    line.update(fields)


class RequestLog:
    """ASGI middleware: method, path, status, latency_ms and what the handler noted, as one JSON line."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        scope.setdefault("state", {})

        async def send_noting_status(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            if log.isEnabledFor(logging.INFO):
                line = {"method": scope["method"], "path": scope["path"], "status": status,
                        "latency_ms": round((time.perf_counter() - started) * 1000, 3),
                        **scope["state"].get("log", {})}
                log.info(json.dumps(line, ensure_ascii=False))


def configure_logging() -> None:
    """Send ``coach.serve``'s lines, bare, to stderr (``run_server`` calls it; tests use caplog instead)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
