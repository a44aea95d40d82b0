"""Talking to an OpenAI-compatible server: the structured-output ladder, and SDK errors made typed and safe.

Every error message is built here from the status, a short server message and a sanitised URL, and passes
through ``redact``: no API key, organisation id, bearer token or cookie ever reaches a message.
"""

from __future__ import annotations

import re
import threading
import time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import openai

from ..._core.errors import ModelRequestError
from ..._core.results import Usage

__all__ = [
    "FormatLadder", "RetryableError", "FormatRejected", "translate_error", "redact", "safe_url", "usage_of",
    "first_choice",
]

_SECRET_PATTERNS = re.compile(
    r"sk-[\w-]{6,}|(?i:bearer)\s+\S+|org-[A-Za-z0-9]{6,}|proj_[A-Za-z0-9]{6,}|(?i:set-cookie|cookie)\s*[:=]\s*\S+"
)
_FORMAT_WORDS = re.compile(r"response_format|json_schema|json_object|structured output", re.I)
_FORMAT_STATUSES = {400, 415, 422, 500, 501}
_RETRYABLE_STATUSES = {408, 409, 429}
_MAX_SERVER_MESSAGE = 240


class FormatLadder:
    """The ways to ask for JSON, best first; remembers the one this client's server accepts.

    ``json_schema`` (OpenAI, vLLM, Ollama) -> ``json_object`` with a ``schema`` (llama.cpp's server)
    -> plain text (the prompt itself describes the JSON to answer with).
    """

    MODES = ("json_schema", "json_object", "text")

    def __init__(self) -> None:
        self.mode = self.MODES[0]
        self._lock = threading.Lock()

    def step_down(self, refused: str) -> bool:
        """The server refused ``refused``: move to the next mode. False when there is none left."""
        with self._lock:
            if refused != self.mode:  # a concurrent request already stepped down
                return True
            index = self.MODES.index(refused)
            if index + 1 == len(self.MODES):
                return False
            self.mode = self.MODES[index + 1]
            return True

    @staticmethod
    def request_fields(mode: str, schema: dict[str, Any], name: str) -> dict[str, Any]:
        if mode == "json_schema":
            return {"response_format": {"type": "json_schema",
                                        "json_schema": {"name": name, "schema": schema, "strict": True}}}
        if mode == "json_object":
            return {"response_format": {"type": "json_object", "schema": schema}}
        return {}


class RetryableError(ModelRequestError):
    """A failure worth another try (429, 5xx, timeout, dropped connection); ``retry_after`` in seconds."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(message, status=status, retryable=True)
        self.retry_after = retry_after


class FormatRejected(ModelRequestError):
    """The server refused the structured-output mode ``mode``; the next mode is tried at once."""

    def __init__(self, message: str, *, status: int, mode: str):
        super().__init__(message, status=status, retryable=False)
        self.mode = mode


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return _SECRET_PATTERNS.sub("[redacted]", text)


def safe_url(url: object) -> str:
    """``scheme://host:port/path`` without user info or query: fit for an error message."""
    parts = urlsplit(str(url))
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}".rstrip("/")


def translate_error(exc: openai.APIError, *, mode: str, model: str, timeout: float,
                    secrets: tuple[str, ...]) -> ModelRequestError:
    """The coach's typed error for an SDK error. The caller raises it ``from None``."""
    url = safe_url(getattr(exc.request, "url", "")) if getattr(exc, "request", None) is not None else "the server"
    if isinstance(exc, openai.APITimeoutError):
        return RetryableError(f"the model server at {url} did not answer within {timeout:g} s")
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        reason = f": {type(cause).__name__}" + (f" ({cause})" if str(cause) else "") if cause else ""
        return RetryableError(redact(f"could not talk to the model server at {url}{reason}", secrets))
    if not isinstance(exc, openai.APIStatusError):
        return ModelRequestError(redact(f"the model request failed: {type(exc).__name__}", secrets))
    status = exc.status_code
    said = _server_message(exc, secrets)
    if status in _FORMAT_STATUSES and mode != "text" and _FORMAT_WORDS.search(said):
        return FormatRejected(f"the model server refused response_format {mode} ({status}): {said}",
                              status=status, mode=mode)
    if status == 401:
        return ModelRequestError(f"the model server at {url} rejected the credentials (401): check OPENAI_API_KEY",
                                 status=status)
    if status == 403:
        return ModelRequestError(f"the model server at {url} refused access (403) to model {model!r}", status=status)
    if status == 404:
        return ModelRequestError(f"not found (404) at {url}: check --model ({model!r}) and --base-url; "
                                 f"the server said: {said}", status=status)
    if status in _RETRYABLE_STATUSES or status >= 500:
        what = "rate limited" if status == 429 else "failed"
        return RetryableError(f"the model server {what} ({status}): {said}", status=status,
                              retry_after=_retry_after(exc.response.headers))
    return ModelRequestError(f"the model server refused the request ({status}): {said}", status=status)


def _server_message(exc: openai.APIStatusError, secrets: tuple[str, ...]) -> str:
    """The server's own words, redacted before they are cut short (a cut key would no longer match)."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
    else:
        message = body
    text = redact(" ".join(str(message if message is not None else exc.message).split()), secrets)
    return text[:_MAX_SERVER_MESSAGE] + ("…" if len(text) > _MAX_SERVER_MESSAGE else "")


def _retry_after(headers: Any) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms``, or ``retry-after`` as seconds or a date)."""
    try:
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def usage_of(completion: Any) -> Usage:
    """The token counts a completion reports (zeros when it reports none)."""
    usage = getattr(completion, "usage", None)
    if usage is None:
        return Usage()
    prompt, done = int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)
    return Usage(prompt_tokens=prompt, completion_tokens=done,
                 total_tokens=int(getattr(usage, "total_tokens", 0) or 0) or prompt + done)


def first_choice(completion: Any) -> tuple[str | None, str | None]:
    """The first choice's text and finish reason (None, None when there is no choice)."""
    choices = getattr(completion, "choices", None) or []
    if not choices:
        return None, None
    message = getattr(choices[0], "message", None)
    return getattr(message, "content", None), getattr(choices[0], "finish_reason", None)
