"""What the endpoints do, framework aside: coach one draft, or a batch, within the service's limits."""

from __future__ import annotations

import asyncio
from typing import Literal

from .._api import AsyncCoach
from .._core.errors import DraftTooLongError
from .._core.policy import Policy
from .._core.results import CheckResult, CritiqueResult, RewriteResult
from .errors import ServiceError
from .limits import Limits
from .models import DraftRequest

__all__ = ["Service", "Kind"]

Kind = Literal["check", "critique", "rewrite"]


class Service:
    """An ``AsyncCoach`` behind the limits: draft length, batch size, and one semaphore for all model calls."""

    def __init__(self, coach: AsyncCoach, policy: Policy, limits: Limits):
        self.coach, self.policy, self.limits = coach, policy, limits
        # Shared by every request, so that the model server sees at most this many calls from us at once.
        self.model_calls = asyncio.Semaphore(limits.max_model_calls)

    async def coach_one(self, kind: Kind, item: DraftRequest) -> CheckResult | CritiqueResult | RewriteResult:
        """The result of ``kind`` for one draft; raises a ``CoachError`` (or ``ServiceError``) when it cannot."""
        self._check_length(item.draft)
        policy = item.merged_policy(self.policy)
        if kind == "check":  # the checker alone: no model call, so no seat is taken
            return await self.coach.check(item.draft, customer=item.customer, policy=policy)
        method = self.coach.rewrite if kind == "rewrite" else self.coach.critique
        async with self.model_calls:
            return await method(item.draft, customer=item.customer, policy=policy)

    async def rewrite_batch(self, items: list[DraftRequest]) -> list[RewriteResult | Exception]:
        """Every item's rewrite, in order; an item that fails yields its exception in its place."""
        if len(items) > self.limits.max_batch_items:
            raise ServiceError(413, "batch_too_large", f"the batch has {len(items):,} items; the limit is "
                                                       f"{self.limits.max_batch_items:,}: split it")

        async def one(item: DraftRequest) -> RewriteResult | Exception:
            try:
                return await self.coach_one("rewrite", item)  # type: ignore[return-value]
            except Exception as exc:  # noqa: BLE001 - one bad item must not sink the batch
                return exc

        return list(await asyncio.gather(*(one(item) for item in items)))

    def _check_length(self, draft: str) -> None:
        limit = self.limits.max_draft_chars
        if len(draft) > limit:
            raise DraftTooLongError(f"the draft is {len(draft):,} characters; this service accepts at most {limit:,}")
