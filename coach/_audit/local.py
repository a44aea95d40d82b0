"""The audit on one machine: the input streamed in chunks to a pool of worker processes, one per core.

Each finished chunk leaves two files in ``<findings>.parts/``: its findings (Parquet) and its tally (JSON),
each written whole or not at all. ``resume=True`` skips the chunks whose tally exists, so an interrupted
audit picks up where it stopped; the folder goes once the findings file and the report are written.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from pathlib import Path

from pydantic import BaseModel

from .._core.errors import CoachError, InputError
from .._core.policy import Policy
from .._version import __version__
from .audit import AuditTally, audit_record, finding_rows
from .findings import read_part, write_findings, write_part
from .inputs import Columns, Problem, Record, count_rows, read_records

__all__ = ["AuditOutcome", "AuditInterrupted", "audit_files", "DEFAULT_CHUNK"]

DEFAULT_CHUNK = 2_000
_TALLY = "chunk-{:06d}.json"
_PART = "chunk-{:06d}.parquet"


class AuditInterrupted(CoachError):
    """The audit was stopped (Ctrl-C); its finished chunks are kept for ``--resume``."""


class AuditOutcome(BaseModel):
    tally: AuditTally
    findings_path: str | None = None
    findings: int = 0
    chunks: int = 0
    chunks_resumed: int = 0
    seconds: float = 0.0
    workers: int = 1


def _chunks(paths: Iterable[str | Path], columns: Columns, size: int) -> Iterator[list[Record | Problem]]:
    items = (item for path in paths for item in read_records(path, columns))
    while chunk := list(islice(items, size)):
        yield chunk


# --- in each worker process -------------------------------------------------------------------------------

_worker_policy: Policy | None = None


def _start_worker(policy: dict) -> None:
    global _worker_policy
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it lets running chunks finish
    _worker_policy = Policy(**policy)


def check_chunk(number: int, items: list[Record | Problem], work: str, policy: Policy | None = None) -> AuditTally:
    """Check one chunk, write its findings and then its tally (the mark that it is done); return the tally."""
    policy = policy or _worker_policy or Policy()
    tally = AuditTally()
    rows = []
    for item in items:
        if isinstance(item, Problem):
            tally.add_problem(item)
            continue
        audited = audit_record(item, policy)
        tally.add(audited)
        rows.extend(finding_rows(audited))
    folder = Path(work)
    write_part(rows, folder / _PART.format(number))
    tmp = folder / (_TALLY.format(number) + ".tmp")
    tmp.write_text(tally.model_dump_json(), encoding="utf-8")
    os.replace(tmp, folder / _TALLY.format(number))
    return tally


# --- in the parent ------------------------------------------------------------------------------------------

def _manifest(paths: list[str | Path], columns: Columns, policy: Policy, chunk_size: int) -> dict:
    inputs = []
    for path in paths:
        try:
            stat = os.stat(path)
            inputs.append([str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns])
        except OSError:
            inputs.append([str(path), None, None])
    return {"coach": __version__, "inputs": inputs, "chunk_size": chunk_size, "policy": policy.model_dump(),
            "columns": {**columns.model_dump(exclude={"explicit"}), "explicit": sorted(columns.explicit)}}


def _prepare(work: Path, manifest: dict, resume: bool) -> None:
    saved = work / "manifest.json"
    if work.exists():
        if not resume:
            raise InputError(f"an unfinished audit's work is in {work}: add --resume to continue it, "
                             "or delete that folder to start afresh")
        try:
            previous = json.loads(saved.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = None
        if previous != manifest:
            raise InputError(f"the unfinished audit in {work} read other input or settings (files, columns, policy); "
                             "delete that folder to start afresh")
        return
    work.mkdir(parents=True)
    saved.write_text(json.dumps(manifest), encoding="utf-8")


def _progress(enabled: bool, paths: list[str | Path]):
    if not enabled:
        return None
    from tqdm import tqdm

    total = sum(count_rows(p) for p in paths)
    return tqdm(total=total or None, unit="reply", file=sys.stderr, dynamic_ncols=True, leave=False,
                desc="coach audit")


def audit_files(
    paths: list[str | Path], findings: str | Path, *, columns: Columns | None = None, policy: Policy | None = None,
    jobs: int | None = None, chunk_size: int = DEFAULT_CHUNK, resume: bool = False, progress: bool = False,
    on_chunk: Callable[[int], None] | None = None,
) -> AuditOutcome:
    """Audit ``paths`` (JSONL, CSV or Parquet) with ``jobs`` worker processes (default: one per core), write the
    findings to ``findings`` (Parquet, or JSONL for a .jsonl name) and return the tally for the report.

    ``on_chunk(done)`` is called after each chunk is finished (for tests and callers that watch).
    Raises ``AuditInterrupted`` on Ctrl-C, with the finished chunks kept for ``resume=True``.
    """
    columns = columns or Columns()
    policy = policy or Policy()
    workers = max(1, jobs or os.cpu_count() or 1)
    if chunk_size < 1:
        raise InputError("the chunk size must be at least 1")
    findings = Path(findings)
    work = findings.with_name(findings.name + ".parts")
    _prepare(work, _manifest(paths, columns, policy, chunk_size), resume)
    started = time.perf_counter()
    tally = AuditTally()
    bar = _progress(progress, paths)
    chunks = resumed = done = 0
    pending: dict[Future, int] = {}

    def finished(future: Future) -> None:
        nonlocal done
        tally.merge(future.result())
        done += 1
        if bar is not None:
            bar.update(pending.pop(future))
        else:
            pending.pop(future)
        if on_chunk is not None:
            on_chunk(done)

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(policy.model_dump(),))
    try:
        for number, items in enumerate(_chunks(paths, columns, chunk_size)):
            chunks += 1
            saved = work / _TALLY.format(number)
            if saved.exists():
                tally.merge(AuditTally.model_validate_json(saved.read_text(encoding="utf-8")))
                resumed += 1
                if bar is not None:
                    bar.update(len(items))
                continue
            while len(pending) >= 2 * workers:  # a bounded queue: memory stays flat whatever the input's size
                for future in wait(pending, return_when=FIRST_COMPLETED).done:
                    finished(future)
            pending[pool.submit(check_chunk, number, items, str(work))] = len(items)
        while pending:
            for future in wait(pending, return_when=FIRST_COMPLETED).done:
                finished(future)
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)
        finished_now = sum(1 for _ in work.glob("chunk-*.json"))
        raise AuditInterrupted(f"interrupted with {finished_now} chunk(s) of {chunk_size:,} replies finished; "
                               "run the same command with --resume to continue") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()
    rows = write_findings((read_part(work / _PART.format(n)) for n in range(chunks)), findings)
    shutil.rmtree(work)
    return AuditOutcome(tally=tally, findings_path=str(findings), findings=rows, chunks=chunks, chunks_resumed=resumed,
                        seconds=time.perf_counter() - started, workers=workers)
