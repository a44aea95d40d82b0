"""The /openapi.json document: FastAPI's, told the truth about errors (400, never 422), the bearer token and
this service's limits (the longest draft, the largest batch)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .guards import OPEN_PATHS
from .limits import Limits

__all__ = ["openapi_for"]

_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def openapi_for(app: FastAPI, *, secured: bool, limits: Limits) -> Any:
    """A function for ``app.openapi``: builds the document once, then serves it from the cache."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _build(app, secured, limits)
        return app.openapi_schema

    return openapi


def _build(app: FastAPI, secured: bool, limits: Limits) -> dict[str, Any]:
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for path, item in schema.get("paths", {}).items():
        for operation in item.values():
            operation.get("responses", {}).pop("422", None)  # validation errors are answered with a 400
            if not secured:
                operation.get("responses", {}).pop("401", None)
            elif path not in OPEN_PATHS:
                operation["security"] = [{"bearer": []}]
    components = schema.setdefault("components", {})
    for name in _FASTAPI_VALIDATION:
        components.get("schemas", {}).pop(name, None)
    models = components.get("schemas", {})
    if "DraftRequest" in models:  # answered with a 413, like a body over max_body_bytes
        models["DraftRequest"]["properties"]["draft"]["maxLength"] = limits.max_draft_chars
    if "BatchRequest" in models:
        models["BatchRequest"]["properties"]["items"]["maxItems"] = limits.max_batch_items
    if secured:
        components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    return schema
