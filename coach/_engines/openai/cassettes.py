"""What survives into a vcrpy cassette: content negotiation only, never a key, organisation, project or cookie."""

from __future__ import annotations

from typing import Any

__all__ = ["scrub_request", "scrub_response"]

_KEEP_REQUEST_HEADERS = frozenset({"content-type", "accept"})
_KEEP_RESPONSE_HEADERS = frozenset({"content-type", "retry-after"})


def scrub_request(request: Any) -> Any:
    """vcrpy's ``before_record_request``: an allowlist, so a header nobody thought of cannot leak."""
    request.headers = {k: v for k, v in request.headers.items() if k.lower() in _KEEP_REQUEST_HEADERS}
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy's ``before_record_response``: drops set-cookie, openai-organization, openai-project and the rest."""
    headers = response.get("headers", {})
    response["headers"] = {k: v for k, v in headers.items() if k.lower() in _KEEP_RESPONSE_HEADERS}
    return response
