"""The Batch API's JSONL: one request line per draft in, one answer (or error) line per request out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ..transport import redact
from .jobs import ENDPOINT

__all__ = ["request_line", "LineAnswer", "parse_lines", "RETRYABLE_STATUSES"]

#: An error line with one of these statuses is sent again in the next batch (as the per-draft path retries).
RETRYABLE_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
_MAX_MESSAGE = 240


def request_line(custom_id: str, body: dict[str, Any]) -> str:
    """One line of the batch's input file: ``body`` is what the per-draft path sends to chat completions."""
    return json.dumps({"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}, ensure_ascii=False)


@dataclass(frozen=True)
class LineAnswer:
    """One line of a batch's output or error file: a completion, or why there is none."""

    custom_id: str
    completion: Any = None  # the chat completion, attributes as the SDK's (``choices``, ``usage``)
    status: int | None = None
    error: str | None = None
    code: str | None = None

    @property
    def retryable(self) -> bool:
        return self.status in RETRYABLE_STATUSES


def parse_lines(text: str, secrets: tuple[str, ...] = ()) -> dict[str, LineAnswer]:
    """The answers in an output or error file by ``custom_id`` (a line that cannot be read is skipped:
    its request then has no answer, which the caller reports)."""
    answers: dict[str, LineAnswer] = {}
    for raw in text.splitlines():
        try:
            line = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(line, dict) or not isinstance(line.get("custom_id"), str):
            continue
        answer = _answer(line, secrets)
        answers.setdefault(answer.custom_id, answer)
    return answers


def _answer(line: dict[str, Any], secrets: tuple[str, ...]) -> LineAnswer:
    custom_id = line["custom_id"]
    response = line.get("response") if isinstance(line.get("response"), dict) else {}
    body = response.get("body")
    status = response.get("status_code")
    error = line.get("error")
    if isinstance(error, dict) and error:
        return LineAnswer(custom_id, status=status if isinstance(status, int) else None,
                          error=_short(error.get("message") or "no message", secrets), code=_text(error.get("code")))
    if status == 200 and isinstance(body, dict):
        return LineAnswer(custom_id, completion=_namespace(body), status=200)
    said = body.get("error", body) if isinstance(body, dict) else body
    message = said.get("message") if isinstance(said, dict) else said
    code = said.get("code") if isinstance(said, dict) else None
    return LineAnswer(custom_id, status=status if isinstance(status, int) else None,
                      error=_short(message if message is not None else "no answer in the line", secrets),
                      code=_text(code))


def _namespace(value: Any) -> Any:
    """JSON as attribute objects, so the per-draft path's readers (``first_choice``, ``usage_of``) apply."""
    if isinstance(value, dict):
        return SimpleNamespace(**{str(k): _namespace(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_namespace(v) for v in value]
    return value


def _short(message: Any, secrets: tuple[str, ...]) -> str:
    text = redact(" ".join(str(message).split()), secrets)
    return text[:_MAX_MESSAGE] + ("…" if len(text) > _MAX_MESSAGE else "")


def _text(value: Any) -> str | None:
    return str(value) if value is not None else None
