"""Errors as HTTP: a status for every failure, and the one body shape ``{"error": {"type", "message"}}``."""

from __future__ import annotations

import json
import re
from typing import Any

from .._core import errors as coach_errors
from .._core.errors import CoachError, DraftTooLongError, InputError, ModelError, ModelRequestError

__all__ = [
    "ServiceError", "Described", "describe", "public_name", "error_body", "error_bytes", "is_timeout", "DRAFT_PATHS",
]

#: Endpoints whose error responses carry the ``draft`` sent, so that a client never loses it.
DRAFT_PATHS = frozenset({"/v1/rewrite"})
#: How the openai engine words a request that ran out of time (status None; see ``translate_error``).
_TIMEOUT_WORDS = re.compile(r"did not answer within|timed out|timeout", re.I)


class ServiceError(Exception):
    """A failure of the service's own (auth, limits), with its status and error type."""

    def __init__(self, status: int, kind: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.kind, self.message, self.headers = status, kind, message, headers or {}


class Described:
    """What to answer for an exception: status, error type, message and extra headers."""

    __slots__ = ("status", "kind", "message", "headers")

    def __init__(self, status: int, kind: str, message: str, headers: dict[str, str] | None = None):
        self.status, self.kind, self.message, self.headers = status, kind, message, headers or {}


def is_timeout(exc: ModelRequestError) -> bool:
    """A model request that ran out of time: no HTTP status, and the engine's words for a timeout."""
    return exc.status is None and bool(_TIMEOUT_WORDS.search(str(exc)))


def public_name(exc: BaseException) -> str:
    """The class name a client can look up: the nearest one of the coach's public error tree (an engine's
    own subclass, such as its retryable error, is reported as the public class it extends)."""
    for cls in type(exc).__mro__:
        if cls.__module__ == coach_errors.__name__:
            return cls.__name__
    return type(exc).__name__


def describe(exc: BaseException) -> Described:
    """The HTTP answer for ``exc``. Unexpected exceptions are a 500 whose message reveals nothing of them."""
    if isinstance(exc, ServiceError):
        return Described(exc.status, exc.kind, exc.message, exc.headers)
    kind = public_name(exc)
    if isinstance(exc, DraftTooLongError):
        return Described(413, kind, str(exc))
    if isinstance(exc, InputError):  # EmptyDraftError, PolicyError, ...
        return Described(400, kind, str(exc))
    if isinstance(exc, ModelRequestError) and exc.status == 429:
        retry_after = getattr(exc, "retry_after", None)
        headers = {"Retry-After": str(max(1, round(retry_after)))} if retry_after is not None else {}
        return Described(429, kind, str(exc), headers)
    if isinstance(exc, ModelRequestError) and is_timeout(exc):
        return Described(504, kind, str(exc))
    if isinstance(exc, ModelError):
        return Described(502, kind, str(exc))
    if isinstance(exc, CoachError):  # PromptError, a broken rule file or learned checker: the service's own fault
        return Described(500, kind, str(exc))
    return Described(500, "internal_error", f"the service failed unexpectedly ({kind}); the draft was not changed")


def error_body(kind: str, message: str, *, path: str = "", draft: Any = None) -> dict[str, Any]:
    """The JSON of an error; on a draft path it always carries ``draft`` (None when it could not be read)."""
    body: dict[str, Any] = {"error": {"type": kind, "message": message}}
    if path in DRAFT_PATHS:
        body["draft"] = draft if isinstance(draft, str) else None
    return body


def error_bytes(kind: str, message: str, *, path: str = "") -> bytes:
    """``error_body`` encoded, for the ASGI middlewares that answer before the app does."""
    return json.dumps(error_body(kind, message, path=path), ensure_ascii=False).encode("utf-8")
