"""The Batch API's endpoints through the ``openai`` client: upload a JSONL file, create, poll, cancel, download.

Every call goes through one retry layer (tenacity, as for the per-draft path): 429 (after its Retry-After),
408/409/5xx, timeouts and dropped connections are retried with jittered backoff, at most
``RetryPolicy.transport_tries`` failures; what is left becomes a typed, key-free error.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from ...._core.errors import BatchError, BatchStillRunning, ModelRequestError
from ..exchange import RetryPolicy
from ..transport import RetryableError, redact, translate_error

__all__ = ["BatchStatus", "BatchJobs", "TERMINAL", "ENDPOINT"]

ENDPOINT = "/v1/chat/completions"
#: A batch in one of these states will not change any more.
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
_UPLOAD_TIMEOUT_S = 300.0
T = TypeVar("T")


@dataclass(frozen=True)
class BatchStatus:
    """What the server says about one batch, in the fields the coach reads."""

    id: str
    status: str
    completed: int = 0
    failed: int = 0
    total: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    #: The server's reasons when the batch failed as a whole (e.g. its input file did not validate).
    errors: tuple[str, ...] = ()
    created_at: int | None = None
    expires_at: int | None = None

    @property
    def finished(self) -> bool:
        return self.status in TERMINAL

    @classmethod
    def of(cls, batch: Any, secrets: tuple[str, ...] = ()) -> "BatchStatus":
        counts = getattr(batch, "request_counts", None)
        errors = getattr(getattr(batch, "errors", None), "data", None) or []
        reasons = tuple(redact(" ".join(f"{getattr(e, 'code', '') or ''}: {getattr(e, 'message', '') or ''}".split()),
                               secrets) for e in errors)
        return cls(id=batch.id, status=str(batch.status), completed=int(getattr(counts, "completed", 0) or 0),
                   failed=int(getattr(counts, "failed", 0) or 0), total=int(getattr(counts, "total", 0) or 0),
                   output_file_id=getattr(batch, "output_file_id", None),
                   error_file_id=getattr(batch, "error_file_id", None), errors=reasons,
                   created_at=getattr(batch, "created_at", None), expires_at=getattr(batch, "expires_at", None))


class BatchJobs:
    """The files and batches endpoints of one client; ``calls`` counts the HTTP calls made."""

    def __init__(self, client: Any, *, secrets: tuple[str, ...] = (), retry: RetryPolicy | None = None,
                 timeout: float = 30.0):
        self._client = client
        self.secrets = secrets
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.calls = 0

    # --- the endpoints -------------------------------------------------------------------------------

    def upload(self, jsonl: bytes, name: str) -> str:
        """``POST /v1/files`` (purpose ``batch``): the uploaded file's id."""
        created = self._call("uploading the batch's requests", lambda: self._client.files.create(
            file=(name, jsonl, "application/jsonl"), purpose="batch", timeout=max(self.timeout, _UPLOAD_TIMEOUT_S)),
            refused=True)
        return str(created.id)

    def create(self, input_file_id: str, metadata: dict[str, str]) -> BatchStatus:
        """``POST /v1/batches``: a batch over the uploaded file, to run within 24 hours."""
        batch = self._call("creating the batch", lambda: self._client.batches.create(
            input_file_id=input_file_id, endpoint=ENDPOINT, completion_window="24h", metadata=metadata),
            refused=True)
        return BatchStatus.of(batch, self.secrets)

    def retrieve(self, batch_id: str) -> BatchStatus:
        batch = self._call(f"asking for batch {batch_id}", lambda: self._client.batches.retrieve(batch_id))
        return BatchStatus.of(batch, self.secrets)

    def cancel(self, batch_id: str) -> BatchStatus:
        batch = self._call(f"cancelling batch {batch_id}", lambda: self._client.batches.cancel(batch_id))
        return BatchStatus.of(batch, self.secrets)

    def download(self, file_id: str, what: str) -> str:
        """The text of a batch's output or error file; a missing file is a ``BatchError`` (``missing-output``)."""
        try:
            content = self._call(f"downloading {what} {file_id}", lambda: self._client.files.content(
                file_id, timeout=max(self.timeout, _UPLOAD_TIMEOUT_S)))
        except BatchError as exc:
            if exc.status in (404, 410):
                raise BatchError(f"the batch's {what} {file_id} is missing on the server ({exc.status})",
                                 kind="missing-output", status=exc.status) from None
            raise
        return bytes(content.content).decode("utf-8", errors="replace")

    def wait(self, batch_id: str, *, poll_interval: float, max_wait: float | None,
             on_status: Callable[[BatchStatus], None] | None = None) -> BatchStatus:
        """Poll until the batch is finished; ``BatchStillRunning`` when ``max_wait`` seconds pass first."""
        deadline = None if max_wait is None else time.monotonic() + max_wait
        while True:
            try:
                status = self.retrieve(batch_id)
            except BatchError as exc:
                if exc.status is not None and exc.status < 500 and exc.status != 429:
                    raise
                raise BatchStillRunning(f"{exc}; the batch keeps running on the server") from None
            if on_status is not None:
                on_status(status)
            if status.finished:
                return status
            if deadline is not None and time.monotonic() + poll_interval > deadline:
                raise BatchStillRunning(f"batch {batch_id} is still {status.status} "
                                        f"({status.completed + status.failed} of {status.total} requests done)")
            time.sleep(poll_interval)

    # --- one retry layer -----------------------------------------------------------------------------

    def _call(self, what: str, call: Callable[[], T], *, refused: bool = False) -> T:
        """``call()``, retried on transport failures; what is left is a ``BatchError`` (``refused`` for an
        upload or a creation the server would not take, so that nothing was sent)."""
        try:
            for attempt in Retrying(retry=retry_if_exception_type(RetryableError),
                                    stop=stop_after_attempt(self.retry.transport_tries), wait=self._wait, reraise=True):
                with attempt:
                    self.calls += 1
                    try:
                        return call()
                    except openai.APIError as exc:
                        raise translate_error(exc, mode="text", model="", timeout=self.timeout,
                                              secrets=self.secrets) from None
        except ModelRequestError as exc:
            kind = "refused" if refused else "request"
            tries = f" (gave up after {self.retry.transport_tries} tries)" if isinstance(exc, RetryableError) else ""
            raise BatchError(redact(f"{what} failed: {exc}{tries}", self.secrets), kind=kind,
                             status=exc.status) from None
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RetryableError) and exc.retry_after is not None:
            return exc.retry_after
        ceiling = min(self.retry.backoff_max_s, self.retry.backoff_first_s * 2 ** (state.attempt_number - 1))
        return ceiling * random.uniform(0.5, 1.0)
