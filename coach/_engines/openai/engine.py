"""The openai engine: one model call per rewrite in the common case, held to the guard.

When no answer passes, the engine says so (``EngineFailed``); the API decides to fall back.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

import openai
from tenacity import AsyncRetrying, Retrying

from ..._core.errors import ModelConfigError, ModelRequestError
from ..._core.policy import Policy
from ..._core.results import CritiqueResult, RewriteResult
from ..base import EngineFailed, EngineSettings
from .exchange import Exchange, Rejected, RetryPolicy
from .prompts import load_prompt
from .tasks import CritiqueTask, RewriteTask
from .transport import FormatLadder, RetryableError, redact, safe_url

__all__ = ["build_engine", "OpenAIEngine", "AsyncOpenAIEngine", "secrets_of"]

#: Sent as the key to servers that need none (llama.cpp, vLLM, Ollama); OpenAI itself needs a real key.
_NO_KEY = "no-key-needed"
_OPENAI_HOST = "api.openai.com"
#: The structured-output mode each injected client's server accepts, shared by every Coach using it.
_LADDERS: WeakKeyDictionary[Any, FormatLadder] = WeakKeyDictionary()


def _ladder_for(client: Any) -> FormatLadder:
    if client is None:
        return FormatLadder()  # a client of our own: one per engine
    try:
        return _LADDERS.setdefault(client, FormatLadder())
    except TypeError:  # not weakly referenceable or not hashable
        return FormatLadder()


def _make_client(settings: EngineSettings, asynchronous: bool) -> Any:
    client = settings.client
    if client is None:
        if not (settings.api_key or settings.base_url):
            raise ModelConfigError("the openai engine needs OPENAI_API_KEY, a base URL (--base-url or "
                                   "OPENAI_BASE_URL) or a client")
        factory = openai.AsyncOpenAI if asynchronous else openai.OpenAI
        client = factory(api_key=settings.api_key or _NO_KEY, base_url=settings.base_url)
    elif asynchronous and isinstance(client, openai.OpenAI):
        raise ModelConfigError("AsyncCoach needs an async client: pass openai.AsyncOpenAI(...)")
    elif not asynchronous and isinstance(client, openai.AsyncOpenAI):
        raise ModelConfigError("Coach needs a sync client: pass openai.OpenAI(...), or use AsyncCoach")
    # The one retry layer is ours (tenacity): the SDK's own retries are switched off.
    return client.with_options(max_retries=0, timeout=settings.timeout)


class _EngineBase:
    def __init__(self, client: Any, *, model: str | None, prompt: str, critique_prompt: str, max_attempts: int,
                 max_tokens: int, timeout: float, budget: float, retry: RetryPolicy, secrets: tuple[str, ...],
                 formats: FormatLadder):
        if max_attempts < 1:
            raise ModelConfigError("max_attempts must be at least 1")
        self._client = client
        self.model = model
        self.prompt, self.critique_prompt = load_prompt(prompt).prompt_id, load_prompt(critique_prompt).prompt_id
        self.max_attempts, self.max_tokens, self.timeout, self.budget = max_attempts, max_tokens, timeout, budget
        self.retry, self._secrets = retry, secrets
        self.formats = formats  # detected once per client, then remembered

    @property
    def base_url(self) -> str:
        return safe_url(getattr(self._client, "base_url", ""))

    def _needs_model_lookup(self) -> bool:
        if self.model:
            return False
        if urlsplit(self.base_url).hostname == _OPENAI_HOST:
            raise ModelConfigError("no model given: pass --model or set COACH_MODEL (for example gpt-4o-mini)")
        return True

    def _first_model(self, listing: Any) -> str:
        models = [m.id for m in getattr(listing, "data", None) or [] if getattr(m, "id", None)]
        if not models:
            raise ModelConfigError(f"no model given and the server at {self.base_url} lists none: pass --model")
        return models[0]

    def _lookup_failed(self, exc: openai.APIError) -> ModelConfigError:
        return ModelConfigError(redact(f"no model given, and listing the models at {self.base_url} failed "
                                       f"({type(exc).__name__}): pass --model", self._secrets))

    def _exchange(self, task: RewriteTask | CritiqueTask, prompt_id: str) -> Exchange:
        assert self.model is not None
        prompt = load_prompt(prompt_id).render(**task.prompt_values())
        return Exchange(task, prompt, model=self.model, ladder=self.formats, max_attempts=self.max_attempts,
                        max_tokens=self.max_tokens, timeout=self.timeout, budget=self.budget, retry=self.retry,
                        secrets=self._secrets)


class OpenAIEngine(_EngineBase):
    """Sync engine over ``openai.OpenAI`` (or any client with the same interface)."""

    def model_name(self) -> str:
        """The model in use; when none was given, the first one a local server lists (asked once)."""
        if self._needs_model_lookup():
            try:
                self.model = self._first_model(self._client.models.list())
            except openai.APIError as exc:
                raise self._lookup_failed(exc) from None
        return self.model  # type: ignore[return-value]

    def rewrite(self, draft: str, customer: str | None, policy: Policy) -> RewriteResult | EngineFailed:
        self.model_name()
        return self._run(RewriteTask(draft, customer, policy), self.prompt)

    def critique(self, draft: str, customer: str | None, policy: Policy) -> CritiqueResult | EngineFailed:
        self.model_name()
        return self._run(CritiqueTask(draft, customer, policy), self.critique_prompt)

    def ask(self, task: Any, prompt_id: str) -> Any:
        """Any other task (the protocol in exchange.py) with its own prompt, under the same retries and budget:
        ``task.success(...)``, or ``task.failed(...)`` when no answer passed its review (coach practice)."""
        self.model_name()
        return self._run(task, prompt_id)

    def start_rewrite(self, draft: str, customer: str | None, policy: Policy) -> Exchange:
        """A rewrite's conversation, not sent yet: the Batch API sends its requests in a file."""
        return self._exchange(RewriteTask(draft, customer, policy), self.prompt)

    def batch_jobs(self) -> Any:
        """The Batch API's files and batches endpoints, on this engine's client."""
        from .batch import BatchJobs

        return BatchJobs(self._client, secrets=self._secrets, retry=self.retry, timeout=self.timeout)

    def rewrite_batch(self, drafts: Any, **options: Any) -> Any:
        """``drafts`` (``BatchDraft``) rewritten through the Batch API: see ``batch.run_rounds`` for ``options``."""
        from .batch import run_rounds

        self.model_name()
        return run_rounds(self, self.batch_jobs(), drafts, **options)

    def _run(self, task: Any, prompt_id: str) -> Any:
        exchange = self._exchange(task, prompt_id)
        try:
            for attempt in Retrying(**exchange.retrying()):
                with attempt:
                    with exchange.sending():
                        completion = self._client.chat.completions.create(**exchange.request())
                    answer = exchange.accept(completion)
        except Rejected as rejected:
            return task.failed(exchange, rejected)
        except ModelRequestError as exc:
            raise _gave_up(exc, exchange) from None
        return task.success(exchange, answer)


class AsyncOpenAIEngine(_EngineBase):
    """Asyncio engine over ``openai.AsyncOpenAI``; the same rules as ``OpenAIEngine``."""

    async def model_name(self) -> str:
        if self._needs_model_lookup():
            try:
                self.model = self._first_model(await self._client.models.list())
            except openai.APIError as exc:
                raise self._lookup_failed(exc) from None
        return self.model  # type: ignore[return-value]

    async def rewrite(self, draft: str, customer: str | None, policy: Policy) -> RewriteResult | EngineFailed:
        await self.model_name()
        return await self._run(RewriteTask(draft, customer, policy), self.prompt)

    async def critique(self, draft: str, customer: str | None, policy: Policy) -> CritiqueResult | EngineFailed:
        await self.model_name()
        return await self._run(CritiqueTask(draft, customer, policy), self.critique_prompt)

    async def _run(self, task: Any, prompt_id: str) -> Any:
        exchange = self._exchange(task, prompt_id)
        try:
            async for attempt in AsyncRetrying(**exchange.retrying()):
                with attempt:
                    with exchange.sending():
                        completion = await self._client.chat.completions.create(**exchange.request())
                    answer = exchange.accept(completion)
        except Rejected as rejected:
            return task.failed(exchange, rejected)
        except ModelRequestError as exc:
            raise _gave_up(exc, exchange) from None
        return task.success(exchange, answer)


def _gave_up(exc: ModelRequestError, exchange: Exchange) -> ModelRequestError:
    """The same typed error; a retryable one says how hard we tried."""
    if not isinstance(exc, RetryableError):
        return exc
    return RetryableError(f"{exc} (gave up after {exchange.calls} call(s) in {exchange.elapsed():.1f} s)",
                          status=exc.status, retry_after=exc.retry_after)


def secrets_of(client: Any, *extra: str | None) -> tuple[str, ...]:
    """The credentials a client carries (key, organisation, project): never to reach a log or an error."""
    found = (*extra, *(getattr(client, name, None) for name in ("api_key", "organization", "project")))
    return tuple(dict.fromkeys(s for s in found if isinstance(s, str) and s))


def build_engine(settings: EngineSettings, *, critique_prompt: str = "critique.v1", asynchronous: bool = False,
                 retry: RetryPolicy | None = None) -> OpenAIEngine | AsyncOpenAIEngine:
    """The openai engine ``Coach`` (or ``AsyncCoach``) uses, built from its settings."""
    client = _make_client(settings, asynchronous)
    engine_type = AsyncOpenAIEngine if asynchronous else OpenAIEngine
    budget = settings.budget if settings.budget is not None else 4 * settings.timeout
    return engine_type(client, model=settings.model, prompt=settings.prompt, critique_prompt=critique_prompt,
                       max_attempts=settings.max_attempts, max_tokens=settings.max_tokens, timeout=settings.timeout,
                       budget=budget, retry=retry or RetryPolicy(), secrets=secrets_of(client, settings.api_key),
                       formats=_ladder_for(settings.client))
