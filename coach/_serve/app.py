"""The service's ASGI app. FastAPI (on Starlette, served by uvicorn) because it turns the pydantic models the
coach already has into request validation and /openapi.json for free, where plain Starlette would need both
written by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .._api import AsyncCoach
from .._core.policy import Policy
from .._core.results import CheckResult, CritiqueResult, RewriteResult
from .._core.rules import RULE_IDS, load_rules
from .._version import __version__
from .errors import describe, public_name
from .guards import BearerAuth, BodyLimit
from .handlers import add_error_handlers, error_response
from .limits import Limits
from .logs import RequestLog, note
from .models import BatchRequest, BatchResponse, DraftRequest, ErrorResponse, Health, ItemError, RulesResponse
from .openapi import openapi_for
from .practice import add_practice_routes, with_practice_tab
from .service import Kind, Service

__all__ = ["create_app"]

_PAGE = Path(__file__).with_name("page.html")
_PAGE_HEADERS = {  # the page is self-contained: nothing may load from, or post to, anywhere else
    "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                               "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": what} for status, what in [
        (400, "bad input: malformed JSON, a field of the wrong type, an empty draft, a bad policy"),
        (401, "missing or wrong bearer token"),
        (413, "body or draft (or batch) over the service's limits"),
        (429, "the model server rate-limited the request past the retry budget"),
        (502, "the model server failed"),
        (504, "the model server did not answer in time"),
    ]
}


def create_app(coach: AsyncCoach, *, policy: Policy | None = None, token: str | None = None,
               limits: Limits | None = None, log_text: bool = False) -> FastAPI:
    """The service around ``coach``; ``token`` (when given) guards every /v1 endpoint. Runs in one event loop."""
    limits = limits or Limits()
    service = Service(coach, policy or Policy(), limits)
    app = FastAPI(title="reply coach", version=__version__, docs_url=None, redoc_url=None,
                  description="Checks customer-service reply drafts against the rulebook and rewrites them.")
    add_error_handlers(app)
    _add_routes(app, service, secured=token is not None, log_text=log_text)
    add_practice_routes(app, service, responses=_ERRORS)  # coach practice over HTTP (practice.py)
    app.add_middleware(BodyLimit, max_bytes=limits.max_body_bytes)  # the last added runs first:
    app.add_middleware(BearerAuth, token=token)  # log, then the token, then the body's size
    app.add_middleware(RequestLog)
    app.openapi = openapi_for(app, secured=token is not None, limits=limits)  # type: ignore[method-assign]
    return app


def _add_routes(app: FastAPI, service: Service, *, secured: bool, log_text: bool) -> None:
    page = with_practice_tab(_PAGE.read_text(encoding="utf-8"))
    rulebook = load_rules()
    rules = {"rules": [{"id": r.id, "severity": r.severity, "message": r.message, "suggestion": r.suggestion}
                       for r in (rulebook[i] for i in RULE_IDS if i in rulebook)]}

    async def answer(request: Request, kind: Kind, item: DraftRequest) -> Response:
        try:
            result = await service.coach_one(kind, item)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a JSON error; the draft comes back
            return error_response(request, exc, draft=item.draft)
        _note_result(request, kind, item, result, log_text)
        return JSONResponse(_with_id(result.model_dump(mode="json"), item.id))

    @app.get("/", include_in_schema=False)
    async def home() -> HTMLResponse:
        return HTMLResponse(page, headers=_PAGE_HEADERS)

    @app.get("/healthz", response_model=Health, summary="liveness, version and engine (no token needed)")
    async def healthz() -> Health:
        return Health(version=__version__, engine=service.coach.engine, auth=secured)

    @app.get("/v1/rules", response_model=RulesResponse, responses=_ERRORS, summary="the rulebook")
    async def list_rules() -> JSONResponse:
        return JSONResponse(rules)

    @app.post("/v1/check", response_model=CheckResult, responses=_ERRORS, summary="the checker's findings")
    async def check(item: DraftRequest, request: Request) -> Response:
        return await answer(request, "check", item)

    @app.post("/v1/critique", response_model=CritiqueResult, responses=_ERRORS,
              summary="the model's critique merged with the checker's findings")
    async def critique(item: DraftRequest, request: Request) -> Response:
        return await answer(request, "critique", item)

    @app.post("/v1/rewrite", response_model=RewriteResult, responses=_ERRORS, summary="a rewrite of the draft")
    async def rewrite(item: DraftRequest, request: Request) -> Response:
        return await answer(request, "rewrite", item)

    @app.post("/v1/rewrite:batch", response_model=BatchResponse, responses=_ERRORS,
              summary="rewrite many drafts; a failed item is an error object in its place")
    async def rewrite_batch(batch: BatchRequest, request: Request) -> Response:
        try:
            outcomes = await service.rewrite_batch(batch.items)
        except Exception as exc:  # noqa: BLE001
            return error_response(request, exc)
        results = [_batch_entry(item, outcome) for item, outcome in zip(batch.items, outcomes)]
        found = [f.rule for o in outcomes if isinstance(o, RewriteResult) for f in o.findings_before]
        errors = [public_name(o) for o in outcomes if isinstance(o, Exception)]
        note(request.state, engine=service.coach.engine, items=len(results), rules=found, item_errors=errors)
        return JSONResponse({"results": results})


def _batch_entry(item: DraftRequest, outcome: RewriteResult | Exception) -> dict[str, Any]:
    if isinstance(outcome, Exception):
        described = describe(outcome)
        entry = ItemError(error={"type": described.kind, "message": described.message}, draft=item.draft, id=item.id)
        return entry.model_dump(exclude_none=True)
    return _with_id(outcome.model_dump(mode="json"), item.id)


def _with_id(payload: dict[str, Any], item_id: str | int | None) -> dict[str, Any]:
    """The result with the request's ``id`` first when one was sent (in place of a RewriteResult's own None)."""
    if item_id is None:
        return payload
    payload.pop("id", None)
    return {"id": item_id, **payload}


def _note_result(request: Request, kind: Kind, item: DraftRequest, result: Any, log_text: bool) -> None:
    findings = result.findings_before if kind == "rewrite" else result.findings
    fields: dict[str, Any] = {"engine": getattr(result, "engine", "checker"), "rules": [f.rule for f in findings],
                              "passed": result.passed}
    if getattr(result, "fallback", False):
        fields["fallback"] = True
    if log_text:
        fields.update(draft=item.draft, customer=item.customer)
        if kind == "rewrite":
            fields["rewrite"] = result.rewrite
    note(request.state, **fields)
