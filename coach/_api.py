"""The Python API: ``Coach`` (sync) and ``AsyncCoach``. It picks the engine, and falls back to the offline
engine when the model engine cannot produce a rewrite that passes the guard. The CLI is a thin layer over it."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ._core.checker import check, validate_draft
from ._core.critique import offline_critique
from ._core.errors import CoachError, InputError, ModelConfigError
from ._core.policy import Policy
from ._core.results import CheckResult, CritiqueResult, RewriteResult
from ._core.text import looks_english
from ._core.untrusted import injected_orders, without_orders
from ._engines.base import (
    DEFAULT_ENGINE,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_TOKENS,
    DEFAULT_PROMPT,
    DEFAULT_TIMEOUT,
    EngineFailed,
    EngineName,
    EngineSettings,
)

__all__ = ["Coach", "AsyncCoach", "BatchRewrites", "EngineName", "PolicyLike", "BatchInput"]

PolicyLike = Policy | Sequence[str] | dict | str | os.PathLike | None
#: A ``rewrite_many`` item: the draft itself, or ``{"draft", "id"?, "customer"?, "policy"?}``.
BatchInput = str | Mapping[str, Any]


class _CoachBase:
    def __init__(
        self,
        *,
        client: Any = None,
        model: str | None = None,
        engine: EngineName = DEFAULT_ENGINE,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        prompt: str = DEFAULT_PROMPT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        budget: float | None = None,
        max_tokens: int = DEFAULT_MAX_TOKENS,
    ):
        """``timeout``: seconds per model request; ``budget``: seconds per draft, retries included (default
        4 x timeout); ``max_attempts``: model answers per draft before falling back to the offline rewrite."""
        self._settings = EngineSettings.resolve(
            engine=engine, model=model, base_url=base_url, api_key=api_key, timeout=timeout, client=client,
            prompt=prompt, max_attempts=max_attempts, budget=budget, max_tokens=max_tokens,
        )
        self._model_engine: Any = None
        self._model_lock = threading.Lock()

    @property
    def settings(self) -> EngineSettings:
        """The resolved configuration (arguments first, then the environment)."""
        return self._settings

    @property
    def prompt(self) -> str:
        """The prompt id the model engine rewrites with."""
        return self._settings.prompt

    @property
    def engine(self) -> Literal["offline", "openai"]:
        """The engine ``rewrite`` uses when not told otherwise (``auto`` resolved)."""
        return self._settings.chosen_engine()

    def _model(self, asynchronous: bool) -> Any:
        """The model engine, built once even when several threads ask at the same time."""
        with self._model_lock:
            if self._model_engine is None:
                from ._engines.openai import build_engine  # imported late: offline use never loads the openai SDK

                self._model_engine = build_engine(self._settings, asynchronous=asynchronous)
            return self._model_engine


def rewrite_offline(draft: str, customer: str | None, policy: Policy) -> RewriteResult:
    """The offline engine's rewrite (imported on first use: ``check`` never needs it)."""
    from ._engines.offline import rewrite_offline as rewrite

    return rewrite(draft, customer, policy)


def _unassessed(draft: str, customer: str | None, policy: Policy, engine: str) -> RewriteResult | None:
    """A draft the rules cannot assess (not English) comes back unchanged, with no model call (a draft in pirate speak
    a planted order asked for is English said in a voice, and is rewritten)."""
    if looks_english(draft):
        return None
    orders = injected_orders(customer)
    if orders:
        from ._engines.offline.voice import plain_voice  # (imported only here: ``check`` never needs the engine)

        if looks_english(plain_voice(draft, orders, without_orders(customer) or "")):
            return None
    before = check(draft, customer, policy)
    return RewriteResult(rewrite=draft, engine=engine, passed=before.passed, findings_before=before.findings,
                         findings_after=before.findings, assessed=False, attempts=0)


def _checker_critique(draft: str, customer: str | None, policy: Policy, engine: str) -> CritiqueResult | None:
    """The checker's critique, when the model is not asked: the offline engine, or a draft the rules cannot
    assess (not English), which is never sent to the model, as in ``rewrite``."""
    if engine != "offline" and looks_english(draft):
        return None
    return offline_critique(check(draft, customer, policy)).model_copy(update={"engine": engine})


def _rewrite_or_fallback(outcome: RewriteResult | EngineFailed, draft: str, customer: str | None,
                         policy: Policy) -> RewriteResult:
    """The engine's rewrite, or, when it failed, the offline rewrite with what the engine had to report."""
    if not isinstance(outcome, EngineFailed):
        return outcome
    offline = rewrite_offline(draft, customer, policy)
    return offline.model_copy(update={**outcome.details, "fallback": True, "error": outcome.error})


def _critique_or_fallback(outcome: CritiqueResult | EngineFailed, draft: str, customer: str | None,
                          policy: Policy) -> CritiqueResult:
    """The engine's critique, or, when it failed, the checker's findings alone."""
    if not isinstance(outcome, EngineFailed):
        return outcome
    offline = offline_critique(check(draft, customer, policy))
    return offline.model_copy(update={**outcome.details, "fallback": True, "error": outcome.error})


class Coach(_CoachBase):
    """Coach replies synchronously. ``Coach()`` works offline; pass ``client=OpenAI(...)`` and ``model=`` for a model."""

    def check(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CheckResult:
        """Check a draft against the rulebook. Pure, fast, and never calls a model."""
        return check(draft, customer, Policy.coerce(policy))

    def rewrite(
        self, draft: str, *, customer: str | None = None, policy: PolicyLike = None, engine: EngineName | None = None
    ) -> RewriteResult:
        """Rewrite a draft. The result always holds a usable reply; see ``passed`` and ``fallback``."""
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        chosen = self._settings.chosen_engine(engine)
        unchanged = _unassessed(draft, customer, resolved, chosen)
        if unchanged is not None:
            return unchanged
        if chosen == "offline":
            return rewrite_offline(draft, customer, resolved)
        outcome = self._model(asynchronous=False).rewrite(draft, customer, resolved)
        return _rewrite_or_fallback(outcome, draft, customer, resolved)

    def critique(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CritiqueResult:
        """The model's critique merged with the checker's findings, each with its ``source`` (checker only offline)."""
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        checked = _checker_critique(draft, customer, resolved, self.engine)
        if checked is not None:
            return checked
        outcome = self._model(asynchronous=False).critique(draft, customer, resolved)
        return _critique_or_fallback(outcome, draft, customer, resolved)

    def rewrite_many(
        self, items: Iterable[BatchInput], *, concurrency: int = 4, engine: EngineName | None = None,
        on_result: Callable[[RewriteResult | Exception], None] | None = None, return_exceptions: bool = True,
    ) -> list[RewriteResult | Exception]:
        """``AsyncCoach.rewrite_many`` in threads: the same items, ids, order, ``on_result`` (called in this
        thread, as each result lands) and ``return_exceptions``."""
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        def one(number: int, item: Any) -> RewriteResult:
            item_id, draft, customer, policy = _batch_item(number, item)
            return _with_id(self.rewrite(draft, customer=customer, policy=policy, engine=engine), item_id)

        listed = list(items)
        results: list[RewriteResult | Exception] = [None] * len(listed)  # type: ignore[list-item]
        with ThreadPoolExecutor(max_workers=_concurrency(concurrency)) as pool:
            pending = {pool.submit(one, n, item): n for n, item in enumerate(listed)}
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=pending.__getitem__):
                    number = pending.pop(future)
                    try:
                        result: RewriteResult | Exception = future.result()
                    except Exception as exc:  # one bad item must not stop the batch
                        result = _mark(exc, listed[number], number)
                        if not return_exceptions:
                            for rest in pending:
                                rest.cancel()
                            raise
                    results[number] = result
                    if on_result is not None:
                        on_result(result)
        return results

    @property
    def model_name(self) -> str | None:
        """The model the openai engine uses (asking a local server for its model when none was given)."""
        return self._model(asynchronous=False).model_name() if self.engine == "openai" else None

    def rewrite_batch(
        self, items: Iterable[Mapping[str, Any]], *, state: str | os.PathLike | None = None,
        poll_interval: float = 30.0, max_wait: float | None = None, on_progress: Callable[[Any], None] | None = None,
    ) -> BatchRewrites:
        """Rewrite many ``{"id", "draft", "customer"?, "policy"?}`` items through the OpenAI Batch API.

        The same prompt, model options and guard as ``rewrite``, one request line per draft; answers that fail
        are re-asked in follow-up batches, then fall back to the offline rewrite. Results keep the input order;
        an item that could not be rewritten (bad input, a batch fault) yields its ``CoachError``. ``state``
        records the batches, so that a run interrupted while waiting picks up the same ones; ``max_wait``
        seconds without the batch finishing raise ``BatchStillRunning``.
        """
        from ._engines.openai.batch import BatchDraft, BatchWait, summarize

        engine = self._batch_engine()
        results: list[RewriteResult | CoachError | None] = []
        drafts: list[tuple[int, BatchDraft]] = []
        ids: list[Any] = []
        for number, item in enumerate(items):
            ids.append(item.get("id", number) if isinstance(item, Mapping) else number)
            try:
                if not isinstance(item, Mapping) or "draft" not in item:
                    raise InputError(f"item {number + 1} must be a mapping with a 'draft' (and optionally 'id', "
                                     f"'customer' and 'policy'), not {type(item).__name__}")
                draft, customer, policy = item["draft"], item.get("customer"), Policy.coerce(item.get("policy"))
                validate_draft(draft)
                results.append(_unassessed(draft, customer, policy, "openai"))
            except CoachError as exc:
                results.append(exc)
                continue
            if results[-1] is None:
                drafts.append((number, BatchDraft(item.get("id", number + 1), draft, customer, policy)))
        outcome = engine.rewrite_batch([d for _, d in drafts], state_path=state, on_progress=on_progress,
                                       wait=BatchWait(poll_interval=poll_interval, max_wait=max_wait))
        for (number, sent), result in zip(drafts, outcome.outcomes):
            results[number] = result if isinstance(result, CoachError) else \
                _rewrite_or_fallback(result, sent.draft, sent.customer, sent.policy)
        # every result carries its item's id (or its index), as rewrite_many's do
        done = [r.model_copy(update={"id": ids[n]}) if isinstance(r, RewriteResult) else r
                for n, r in enumerate(results) if r is not None]
        return BatchRewrites(results=done, summary=summarize(done, outcome))

    def batch_status(self, state: str | os.PathLike) -> list[Any]:
        """What the server says now about each batch the state file records (``BatchStatus``, in round order)."""
        from ._engines.openai.batch import load_state

        jobs = self._batch_engine().batch_jobs()
        return [jobs.retrieve(r.batch_id) for r in load_state(state, must_exist=True).rounds]

    def cancel_batch(self, state: str | os.PathLike) -> list[Any]:
        """Cancel each batch the state file records that has not finished; their statuses afterwards."""
        from ._engines.openai.batch import load_state

        jobs = self._batch_engine().batch_jobs()
        statuses = [jobs.retrieve(r.batch_id) for r in load_state(state, must_exist=True).rounds]
        return [s if s.finished else jobs.cancel(s.id) for s in statuses]

    def _batch_engine(self) -> Any:
        if self.engine != "openai":
            raise ModelConfigError("the Batch API needs the openai engine: set OPENAI_API_KEY (or --base-url) "
                                   "and --model")
        return self._model(asynchronous=False)


@dataclass
class BatchRewrites:
    """What ``Coach.rewrite_batch`` returns: one result or error per item, in order, and the run's summary."""

    results: list[RewriteResult | CoachError]
    summary: Any  # BatchSummary: counts, batches, tokens and cost


class AsyncCoach(_CoachBase):
    """The asyncio twin of ``Coach``, for bots: the same methods, as coroutines, and ``rewrite_many``."""

    async def check(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CheckResult:
        """Check a draft against the rulebook (no model call; a coroutine for symmetry with ``Coach``)."""
        return check(draft, customer, Policy.coerce(policy))

    async def rewrite(
        self, draft: str, *, customer: str | None = None, policy: PolicyLike = None, engine: EngineName | None = None
    ) -> RewriteResult:
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        chosen = self._settings.chosen_engine(engine)
        unchanged = _unassessed(draft, customer, resolved, chosen)
        if unchanged is not None:
            return unchanged
        if chosen == "offline":
            return rewrite_offline(draft, customer, resolved)
        outcome = await self._model(asynchronous=True).rewrite(draft, customer, resolved)
        return _rewrite_or_fallback(outcome, draft, customer, resolved)

    async def critique(self, draft: str, *, customer: str | None = None, policy: PolicyLike = None) -> CritiqueResult:
        validate_draft(draft)
        resolved = Policy.coerce(policy)
        checked = _checker_critique(draft, customer, resolved, self.engine)
        if checked is not None:
            return checked
        outcome = await self._model(asynchronous=True).critique(draft, customer, resolved)
        return _critique_or_fallback(outcome, draft, customer, resolved)

    async def rewrite_many(
        self, items: Iterable[BatchInput], *, concurrency: int = 4, engine: EngineName | None = None,
        on_result: Callable[[RewriteResult | Exception], None] | None = None, return_exceptions: bool = True,
    ) -> list[RewriteResult | Exception]:
        """Rewrite many drafts, at most ``concurrency`` at once; results keep the input order.

        An item is a draft (a string) or a mapping ``{"draft", "id"?, "customer"?, "policy"?}``. Each result's
        ``id`` is the item's ``id``, else its index, so that ``on_result`` (called as each result lands: a
        progress bar, a queue) can tell which item it is. ``return_exceptions`` (as in ``asyncio.gather``):
        True puts a failed item's exception (a ``CoachError``, its ``item_id`` set) in its place and goes on;
        False raises the first failure as it happens and cancels the items still running.
        """
        import asyncio  # imported here: the synchronous API and the CLI never need it

        gate = asyncio.Semaphore(_concurrency(concurrency))

        async def one(number: int, item: Any) -> RewriteResult | Exception:
            async with gate:
                try:
                    item_id, draft, customer, policy = _batch_item(number, item)
                    result: RewriteResult | Exception = _with_id(await self.rewrite(
                        draft, customer=customer, policy=policy, engine=engine), item_id)
                except Exception as exc:  # one bad item must not stop the batch
                    result = _mark(exc, item, number)
                    if not return_exceptions:
                        raise
                if on_result is not None:
                    on_result(result)
                return result

        tasks = [asyncio.ensure_future(one(n, item)) for n, item in enumerate(items)]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            for task in tasks:
                task.cancel()
            raise


def _concurrency(value: int) -> int:
    if value < 1:
        raise ValueError("concurrency must be at least 1")
    return value


def _batch_item(number: int, item: Any) -> tuple[Any, Any, Any, Any]:
    """(id, draft, customer, policy) of a ``rewrite_many`` item: a string, or a mapping with a ``draft``."""
    if isinstance(item, str):
        return number, item, None, None
    if not isinstance(item, Mapping) or "draft" not in item:
        raise InputError(f"item {number} must be a draft (a string) or a mapping with a 'draft' (and optionally "
                         f"'id', 'customer' and 'policy'), not {type(item).__name__}")
    item_id = item.get("id")
    return (number if item_id is None else item_id), item["draft"], item.get("customer"), item.get("policy")


def _with_id(result: RewriteResult, item_id: Any) -> RewriteResult:
    return result.model_copy(update={"id": item_id})


def _mark(exc: Exception, item: Any, number: int) -> Exception:
    """``exc`` with ``item_id``: the item's id, else its index (as a result's ``id``)."""
    item_id = item.get("id") if isinstance(item, Mapping) else None
    try:
        exc.item_id = number if item_id is None else item_id  # type: ignore[attr-defined]
    except AttributeError:  # an exception type that takes no attributes: left as it is
        pass
    return exc
