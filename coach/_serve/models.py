"""The service's request and response shapes (pydantic), from which /openapi.json is generated."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr

from .._core.policy import Policy
from .._core.results import RewriteResult, Severity

__all__ = [
    "DraftRequest", "BatchItem", "BatchRequest", "BatchResponse", "ErrorDetail", "ErrorResponse", "ItemError",
    "RuleInfo", "RulesResponse", "Health", "MAX_POLICY_LINES",
]

#: Extra commitment lines one request may add to the server's policy (each is matched against every clause).
MAX_POLICY_LINES = 100
MAX_POLICY_LINE_CHARS = 1000


def _unicode_text(value: str) -> str:
    """Refuse lone surrogates (JSON allows ``\\ud800``): such a string is not text and could not be answered."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text (it holds a lone surrogate)") from None
    return value


Text = Annotated[str, AfterValidator(_unicode_text)]
PolicyLine = Annotated[Text, Field(max_length=MAX_POLICY_LINE_CHARS)]


class DraftRequest(BaseModel):
    """One draft to coach: the CLI batch line's fields, with ``id`` optional (echoed back when given)."""

    model_config = ConfigDict(extra="forbid")

    id: StrictStr | StrictInt | None = Field(default=None, description="echoed back in the result when given")
    draft: Text = Field(description="the reply draft to coach")
    customer: Text | None = Field(default=None, description="the customer's message the draft answers")
    policy: list[PolicyLine] | None = Field(
        default=None, max_length=MAX_POLICY_LINES,
        description="commitment lines added to the server's policy for this draft, as in a CLI batch line",
    )

    def merged_policy(self, base: Policy) -> Policy:
        """The server's policy with this request's commitment lines added."""
        if not self.policy:
            return base
        return base.model_copy(update={"commitments": [*base.commitments, *self.policy]})


class BatchItem(DraftRequest):
    """One draft of a batch. A draft the coach refuses (empty, too long) fails in its place, not the batch."""


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[BatchItem] = Field(description="the drafts to rewrite (at most the server's batch limit)")


class ErrorDetail(BaseModel):
    type: str = Field(description="the error's class name (EmptyDraftError, ModelRequestError...) or a kind "
                                  "(not_found, unauthorized, body_too_large...)")
    message: str


class ErrorResponse(BaseModel):
    """Every error: ``error``; on /v1/rewrite also the ``draft`` sent (null when it could not be read)."""

    error: ErrorDetail
    draft: str | None = None


class ItemError(BaseModel):
    """A batch item that could not be rewritten, in its place in the results, with its draft kept."""

    error: ErrorDetail
    draft: str
    id: StrictStr | StrictInt | None = None


class BatchResponse(BaseModel):
    results: list[RewriteResult | ItemError]


class RuleInfo(BaseModel):
    id: str
    severity: Severity
    message: str
    suggestion: str


class RulesResponse(BaseModel):
    rules: list[RuleInfo]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    engine: Literal["offline", "openai"]
    auth: bool = Field(description="whether the /v1 endpoints need a bearer token")
