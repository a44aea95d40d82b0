"""Exception handlers: validation errors, unknown routes and crashes answered as ``{"error": {...}}``."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import describe, error_body
from .logs import note

__all__ = ["add_error_handlers", "error_response"]

_ERROR_KINDS = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}
_UNPARSED = "There was an error parsing the body"


class _EscapedJSONResponse(JSONResponse):
    """JSON with non-ASCII escaped: an error may echo a draft that is not valid Unicode (a lone surrogate)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def error_response(request: Request, exc: BaseException, *, draft: str | None = None) -> JSONResponse:
    """The JSON error for ``exc`` (its status from ``describe``), noted in the request's log line."""
    described = describe(exc)
    note(request.state, error=described.kind)
    body = error_body(described.kind, described.message, path=request.url.path, draft=draft)
    return _EscapedJSONResponse(body, status_code=described.status, headers=described.headers)


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = exc.errors()
        if any(p.get("type") == "json_invalid" for p in problems):
            kind, message = "invalid_json", "the body is not valid JSON: " + "; ".join(
                str((p.get("ctx") or {}).get("error", p.get("msg"))) for p in problems)
        elif "json" not in request.headers.get("content-type", "") and any(tuple(p.get("loc", ())) == ("body",)
                                                                             for p in problems):
            kind, message = "validation_error", "send the body as a JSON object, with Content-Type: application/json"
        else:
            kind, message = "validation_error", "; ".join(_problem(p) for p in problems)
        body = exc.body if isinstance(exc.body, dict) else {}
        note(request.state, error=kind)
        return _EscapedJSONResponse(error_body(kind, message, path=request.url.path, draft=body.get("draft")),
                                    status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = _ERROR_KINDS.get(exc.status_code, "http_error")
        if exc.status_code == 404:
            message = f"no such endpoint: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        elif exc.status_code == 400 and exc.detail == _UNPARSED:  # FastAPI's words for a body it could not decode
            kind, message = "invalid_json", _why_unparsed(await request.body())
        else:
            message = str(exc.detail)
        note(request.state, error=kind)
        return JSONResponse(error_body(kind, message, path=request.url.path), status_code=exc.status_code,
                            headers=exc.headers)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        return error_response(request, exc)


def _why_unparsed(body: bytes) -> str:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"the body is not valid UTF-8 (byte {exc.start}): send the JSON encoded as UTF-8"
    return "the body could not be read as JSON: send one JSON object, encoded as UTF-8"


def _problem(problem: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "body"
    return f"{where}: {problem.get('msg', 'invalid')}"
