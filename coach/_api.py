"""The Python API: ``Coach`` (sync) and ``AsyncCoach``. The CLI is a thin layer over these."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ._batch import progress_bar
from ._checker import check, validate_draft
from ._critique import offline_critique
from ._errors import ModelConfigError
from ._models import CheckResult, CritiqueResult, RewriteResult
from ._offline import rewrite_offline
from ._policy import Policy

__all__ = ["Coach", "AsyncCoach", "EngineName", "PolicyLike"]

EngineName = Literal["auto", "offline", "openai"]
PolicyLike = Policy | Sequence[str] | dict | str | os.PathLike | None


@dataclass(frozen=True)
class _Settings:
    """Where the model engine's configuration comes from: arguments first, then the environment."""

    engine: EngineName
    model: str | None
    base_url: str | None
    api_key: str | None
    timeout: float
    client: Any

    @classmethod
    def resolve(cls, *, engine, model, base_url, api_key, timeout, client) -> "_Settings":
        if engine not in ("auto", "offline", "openai"):
            raise ModelConfigError(f"unknown engine {engine!r}: choose auto, offline or openai")
        return cls(
            engine=engine,
            model=model or os.environ.get("COACH_MODEL") or None,
            base_url=base_url or os.environ.get("OPENAI_BASE_URL") or None,
            api_key=api_key or os.environ.get("OPENAI_API_KEY") or None,
            timeout=float(timeout),
            client=client,
        )

    def chosen_engine(self, override: EngineName | None = None) -> Literal["offline", "openai"]:
        """``auto`` means openai when a client, key or base URL is configured, else offline."""
        engine = override or self.engine
        if engine == "auto":
            configured = self.client is not None or self.api_key or self.base_url
            return "openai" if configured else "offline"
        return engine


class _CoachBase:
    def __init__(
        self,
        *,
        client: Any = None,
        model: str | None = None,
        engine: EngineName = "auto",
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
        prompt: str = "rewrite.v1",
        max_attempts: int = 3,
        budget: float | None = None,
        max_tokens: int = 1024,
    ):
        """``timeout``: seconds per model request; ``budget``: seconds per draft, retries included (default
        4 x timeout); ``max_attempts``: model answers per draft before falling back to the offline rewrite."""
        self._settings = _Settings.resolve(
            engine=engine, model=model, base_url=base_url, api_key=api_key, timeout=timeout, client=client
        )
        self.prompt = prompt
        self.max_attempts = max_attempts
        self.budget = budget
        self.max_tokens = max_tokens
        self._model_engine: Any = None
        self._model_lock = threading.Lock()

    @property
    def engine(self) -> Literal["offline", "openai"]:
        """The engine ``rewrite`` uses when not told otherwise (``auto`` resolved)."""
        return self._settings.chosen_engine()

    def check(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CheckResult:
        """Check a draft against the rulebook. Pure, fast, and never calls a model."""
        return check(draft, customer, Policy.coerce(policy))

    def _model(self, asynchronous: bool) -> Any:
        """The model engine, built once even when several threads ask at the same time."""
        with self._model_lock:
            if self._model_engine is None:
                from ._llm import build_engine  # imported late: offline use never loads the openai SDK

                self._model_engine = build_engine(self._settings, prompt=self.prompt, max_attempts=self.max_attempts,
                                                  asynchronous=asynchronous, budget=self.budget,
                                                  max_tokens=self.max_tokens)
            return self._model_engine


class Coach(_CoachBase):
    """Coach replies synchronously. ``Coach()`` works offline; pass ``client=OpenAI(...)`` and ``model=`` for a model."""

    def rewrite(
        self, draft: str, *, customer: str | None = None, policy: PolicyLike = None, engine: EngineName | None = None
    ) -> RewriteResult:
        """Rewrite a draft. The result always holds a usable reply; see ``passed`` and ``fallback``."""
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        if self._settings.chosen_engine(engine) == "offline":
            return rewrite_offline(draft, customer, resolved)
        return self._model(asynchronous=False).rewrite(draft, customer, resolved)

    def critique(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CritiqueResult:
        """The model's critique merged with the checker's findings, each with its ``source`` (checker only offline)."""
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        if self.engine == "offline":
            return offline_critique(check(draft, customer, resolved))
        return self._model(asynchronous=False).critique(draft, customer, resolved)

    @property
    def model_name(self) -> str | None:
        """The model the openai engine uses (asking a local server for its model when none was given)."""
        return self._model(asynchronous=False).model_name() if self.engine == "openai" else None


class AsyncCoach(_CoachBase):
    """The asyncio twin of ``Coach``, for bots; ``rewrite_many`` runs several rewrites at once."""

    async def rewrite(
        self, draft: str, *, customer: str | None = None, policy: PolicyLike = None, engine: EngineName | None = None
    ) -> RewriteResult:
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        if self._settings.chosen_engine(engine) == "offline":
            return rewrite_offline(draft, customer, resolved)
        return await self._model(asynchronous=True).rewrite(draft, customer, resolved)

    async def critique(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CritiqueResult:
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        if self.engine == "offline":
            return offline_critique(check(draft, customer, resolved))
        return await self._model(asynchronous=True).critique(draft, customer, resolved)

    async def rewrite_many(
        self, items: Iterable[dict[str, Any]], *, concurrency: int = 4, engine: EngineName | None = None,
        progress: bool = False,
    ) -> list[RewriteResult | Exception]:
        """Rewrite many ``{"draft", "customer"?, "policy"?}`` items, at most ``concurrency`` at once.

        Results keep the input order; an item that fails yields its exception instead of stopping the rest.
        ``progress`` shows a progress bar on stderr.
        """
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        items = list(items)
        gate = asyncio.Semaphore(concurrency)

        async def one(item: dict[str, Any]) -> RewriteResult | Exception:
            async with gate:
                try:
                    return await self.rewrite(
                        item["draft"], customer=item.get("customer"), policy=item.get("policy"), engine=engine
                    )
                except Exception as exc:  # one bad item must not stop the batch
                    return exc
                finally:
                    bar.update(1)

        with progress_bar(len(items), enabled=progress) as bar:
            return list(await asyncio.gather(*(one(item) for item in items)))
