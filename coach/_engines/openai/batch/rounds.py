"""Rewrites through the Batch API, in rounds: every draft in the first batch, then each follow-up batch holds
the re-asks of the one before, with the same feedback and limits as the per-draft path.

Each draft keeps its own ``Exchange`` (the per-draft path's conversation): it builds the request line, reads
the answer, runs the guard, prepares the re-ask and counts tokens. Only the transport differs: a file in,
a file out, instead of one HTTP call per request.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...._core.errors import BatchError, CoachError, InputError
from ...._core.policy import Policy
from ...._core.results import RewriteResult, Usage
from ...base import EngineFailed
from ..exchange import Exchange, Rejected
from .jobs import BatchJobs, BatchStatus
from .lines import LineAnswer, parse_lines, request_line
from .state import BatchRound, BatchState, load_state

__all__ = ["BatchDraft", "BatchWait", "BatchProgress", "BatchOutcome", "Outcome", "run_rounds"]

Outcome = RewriteResult | EngineFailed | CoachError
#: The Batch API's limits on one input file.
MAX_REQUESTS, MAX_FILE_BYTES = 50_000, 200 * 2**20
_KIND_OF_CODE = {"batch_expired": "expired", "batch_cancelled": "cancelled"}


@dataclass(frozen=True)
class BatchDraft:
    id: str | int
    draft: str
    customer: str | None = None
    policy: Policy = field(default_factory=Policy)


@dataclass(frozen=True)
class BatchWait:
    """How to wait for a batch: poll every ``poll_interval`` seconds, give up after ``max_wait`` (None: never)."""

    poll_interval: float = 30.0
    max_wait: float | None = None


@dataclass(frozen=True)
class BatchProgress:
    round: int  # 1 for the first batch, 2 for the first follow-up, ...
    status: BatchStatus


@dataclass
class BatchOutcome:
    """One outcome per draft, in the drafts' order, and what the batches cost."""

    outcomes: list[Outcome]
    rounds: list[BatchRound]
    http_calls: int
    usage: Usage


class _Rounds:
    def __init__(self, engine: Any, jobs: BatchJobs, state_path: str | os.PathLike | None, wait: BatchWait,
                 on_progress: Callable[[BatchProgress], None] | None):
        self.engine, self.jobs, self.wait, self.on_progress = engine, jobs, wait, on_progress
        self.state_path = state_path
        self.state = load_state(state_path) if state_path is not None else BatchState()
        self.state.base_url, self.state.model, self.state.prompt_id = engine.base_url, engine.model, engine.prompt
        self.exchanges: dict[str, Exchange] = {}
        self.done: dict[str, Outcome] = {}

    def run(self, pending: list[str]) -> None:
        index = 0
        while pending:
            pending = self._round(index, pending)
            index += 1

    def _round(self, index: int, pending: list[str]) -> list[str]:
        """Send (or find again) this round's batch, read its answers; the ids to re-ask in the next round."""
        jsonl = "".join(request_line(cid, self._body(self.exchanges[cid])) + "\n" for cid in pending).encode()
        if len(pending) > MAX_REQUESTS or len(jsonl) > MAX_FILE_BYTES:  # the first round is the largest
            raise InputError(f"{len(pending)} requests, {len(jsonl) / 2**20:.0f} MiB: one batch takes at most "
                             f"{MAX_REQUESTS:,} requests and {MAX_FILE_BYTES // 2**20} MiB; split the input")
        sha256 = hashlib.sha256(jsonl).hexdigest()
        try:
            recorded = self.state.check_round(index, sha256, self.state_path or "")
            if recorded is None:
                recorded = self._send(index, jsonl, sha256, len(pending))
            status = self.jobs.wait(recorded.batch_id, poll_interval=self.wait.poll_interval,
                                    max_wait=self.wait.max_wait, on_status=lambda s: self._seen(index, recorded, s))
            if status.status == "failed":
                reasons = "; ".join(status.errors[:3]) or "the server gave no reason"
                raise BatchError(f"batch {status.id} failed: {reasons}", kind="failed")
        except BatchError as fault:
            self.done.update({cid: fault for cid in pending})
            return []
        answers, missing = self._answers(status)
        return [cid for cid in pending if self._read(cid, answers.get(cid), status, missing)]

    def _body(self, exchange: Exchange) -> dict[str, Any]:
        body = exchange.request()  # counts the request, as the per-draft path counts a call
        body.pop("timeout", None)  # a client option, not part of the request
        return body

    def _send(self, index: int, jsonl: bytes, sha256: str, requests: int) -> BatchRound:
        file_id = self.jobs.upload(jsonl, f"coach-batch-round{index + 1}.jsonl")
        created = self.jobs.create(file_id, {"coach_round": str(index + 1), "coach_prompt": self.engine.prompt})
        recorded = BatchRound(batch_id=created.id, input_file_id=file_id, requests=requests, sha256=sha256,
                              status=created.status)
        self.state.rounds.append(recorded)
        self._save()  # before the first wait: an interrupted run finds this batch again
        return recorded

    def _seen(self, index: int, recorded: BatchRound, status: BatchStatus) -> None:
        if status.status != recorded.status:
            recorded.status = status.status
            self._save()
        if self.on_progress is not None:
            self.on_progress(BatchProgress(round=index + 1, status=status))

    def _save(self) -> None:
        if self.state_path is not None:
            self.state.save(self.state_path)

    def _answers(self, status: BatchStatus) -> tuple[dict[str, LineAnswer], BatchError | None]:
        """The output file's answers, then the error file's; and the fault to give requests with neither."""
        answers: dict[str, LineAnswer] = {}
        missing: BatchError | None = None
        for file_id, what in ((status.output_file_id, "output file"), (status.error_file_id, "error file")):
            if not file_id:
                continue
            try:
                for cid, answer in parse_lines(self.jobs.download(file_id, what), self.jobs.secrets).items():
                    answers.setdefault(cid, answer)
            except BatchError as exc:
                missing = exc
        if missing is None and status.status in ("expired", "cancelled"):
            missing = BatchError(f"batch {status.id} was {status.status} before this request ran", kind=status.status)
        elif missing is None and status.status == "completed" and not (status.output_file_id or status.error_file_id):
            missing = BatchError(f"batch {status.id} completed without an output file", kind="missing-output")
        return answers, missing

    def _read(self, cid: str, line: LineAnswer | None, status: BatchStatus, missing: BatchError | None) -> bool:
        """Settle one request from its line; True when it goes into the next round."""
        exchange = self.exchanges[cid]
        if line is None:
            self.done[cid] = missing or BatchError(f"batch {status.id}'s output has no answer for id {cid}",
                                                   kind="missing-output")
            return False
        if line.completion is None:
            exchange.failures += line.retryable
            if line.retryable and exchange.failures < self.engine.retry.transport_tries:
                return True
            why = f"{line.status or line.code}: {line.error}" if (line.status or line.code) else line.error
            self.done[cid] = BatchError(f"batch {status.id}: the request for id {cid} failed ({why})",
                                        kind=_KIND_OF_CODE.get(line.code or "", "line"), status=line.status)
            return False
        try:
            answer = exchange.accept(line.completion)  # parse, then the guard, as the per-draft path does
        except Rejected as rejected:
            if exchange.may_reask():
                return True
            self.done[cid] = exchange.task.failed(exchange, rejected)  # type: ignore[attr-defined]
            return False
        self.done[cid] = exchange.task.success(exchange, answer)  # type: ignore[attr-defined]
        return False


def run_rounds(engine: Any, jobs: BatchJobs, drafts: Sequence[BatchDraft], *,
               state_path: str | os.PathLike | None = None, wait: BatchWait | None = None,
               on_progress: Callable[[BatchProgress], None] | None = None) -> BatchOutcome:
    """Rewrite ``drafts`` through the Batch API with ``engine``'s prompt, model and guard.

    Raises ``BatchStillRunning`` when the wait ends first (the state file then resumes the run), and
    ``BatchStateError`` for a state file written for other requests. Everything else is an outcome.
    """
    rounds = _Rounds(engine, jobs, state_path, wait or BatchWait(), on_progress)
    order: list[str | CoachError] = []
    for draft in drafts:
        cid = str(draft.id)
        if cid in rounds.exchanges:
            order.append(InputError(f"id {draft.id!r} is given twice: the Batch API needs each id once"))
            continue
        rounds.exchanges[cid] = engine.start_rewrite(draft.draft, draft.customer, draft.policy)
        order.append(cid)
    rounds.run(list(rounds.exchanges))
    outcomes = [item if isinstance(item, CoachError) else rounds.done[item] for item in order]
    usage = Usage()
    for exchange in rounds.exchanges.values():
        usage = usage.add(exchange.usage)
    return BatchOutcome(outcomes=outcomes, rounds=list(rounds.state.rounds), http_calls=jobs.calls, usage=usage)
