"""ASGI middlewares that answer before the app does: the bearer token, then the body size limit."""

from __future__ import annotations

import hmac
from typing import Any

from .errors import error_bytes

__all__ = ["BearerAuth", "BodyLimit", "OPEN_PATHS", "send_error"]

#: Paths served without a token: the liveness probe, the page (its script sends the token) and the schema.
OPEN_PATHS = frozenset({"/", "/healthz", "/openapi.json"})

Scope = dict[str, Any]


async def send_error(send: Any, status: int, kind: str, message: str, *, path: str,
                     headers: dict[str, str] | None = None) -> None:
    body = error_bytes(kind, message, path=path)
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return value
    return None


class BearerAuth:
    """``Authorization: Bearer TOKEN`` on every path but ``OPEN_PATHS``, compared in constant time."""

    def __init__(self, app: Any, token: str | None):
        self.app = app
        self._token = token.encode("utf-8") if token else None

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or self._token is None or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        scheme, _, given = (_header(scope, b"authorization") or b"").strip().partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), self._token):
            await self.app(scope, receive, send)
            return
        message = "a bearer token is needed: send 'Authorization: Bearer TOKEN'" if not scheme else "wrong token"
        await send_error(send, 401, "unauthorized", message, path=scope["path"],
                         headers={"WWW-Authenticate": 'Bearer realm="coach"'})


class BodyLimit:
    """Refuse a body over ``max_bytes`` with a 413, whether it declares its length or streams in chunks.

    The body is read here (the app would read it whole anyway) and handed on to the app unchanged.
    """

    def __init__(self, app: Any, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await self._refuse(scope, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _refuse(self, scope: Scope, send: Any) -> None:
        await send_error(send, 413, "body_too_large", f"the request body is over the limit of {self.max_bytes:,} bytes",
                         path=scope["path"])


def _replay(body: bytes, receive: Any) -> Any:
    """A ``receive`` that gives the body read once, then waits on the client as the original would."""
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
