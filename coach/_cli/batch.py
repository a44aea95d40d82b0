"""JSONL batches: one ``{"id", "draft", "customer"?, "policy"?}`` object a line in, one result a line out."""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from .._core.errors import CoachError, describe_errors
from .._core.policy import Policy

__all__ = ["BatchItem", "BatchSummary", "run_batch", "progress_bar"]


class BatchItem(BaseModel):
    id: str | int
    draft: str
    customer: str | None = None
    policy: list[str] | None = None

    def merged_policy(self, base: Policy) -> Policy:
        if not self.policy:
            return base
        return base.model_copy(update={"commitments": [*base.commitments, *self.policy]})


class _LineError(dict):
    """The error object printed for a line that could not be coached (a dict, so it serialises as is)."""


def _parse(raw: bytes, number: int) -> BatchItem | dict[str, Any]:
    """A valid item, or the error object to print for this line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _LineError({"id": None, "line": number, "error": f"line {number} is not valid UTF-8 (byte {exc.start})"})
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return _LineError({"id": None, "line": number, "error": f"line {number} is not valid JSON: {exc.msg}"})
    item_id = data.get("id") if isinstance(data, dict) else None
    try:
        return BatchItem.model_validate(data)
    except ValidationError as exc:
        problems = describe_errors(exc, whole="line")
        return _LineError({"id": item_id, "line": number, "error": f"line {number}: {problems}"})


def _run_one(item: BatchItem | dict[str, Any], work: Callable[[BatchItem], dict[str, Any]]) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    try:
        result = work(item)
        result.pop("id", None)  # a RewriteResult's own id (None): the line's id is the one to echo
        return {"id": item.id, **result}
    except CoachError as exc:
        return _LineError({"id": item.id, "error": str(exc)})
    except Exception as exc:  # noqa: BLE001 - one broken item must not stop the batch
        return _LineError({"id": item.id, "error": f"unexpected {type(exc).__name__}: {exc}"})


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass


@contextmanager
def progress_bar(total: int | None, *, enabled: bool) -> Iterator[Any]:
    """A tqdm progress bar on stderr when ``enabled`` (a terminal), else an object whose ``update`` does nothing."""
    if not enabled:
        yield _NoBar()
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="item", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        yield bar


@dataclass
class BatchSummary:
    items: int = 0
    errors: int = 0


def run_batch(
    lines: Iterable[bytes],
    work: Callable[[BatchItem], dict[str, Any]],
    out: TextIO,
    *,
    jobs: int = 1,
    progress: bool = False,
    total: int | None = None,
) -> BatchSummary:
    """Run ``work`` on every line's item, ``jobs`` at a time, printing results in input order as they finish.

    ``lines`` are raw lines (a binary file iterates as such), decoded one at a time: memory stays flat
    whatever the input's size, with at most ``2 * jobs`` items in flight.
    """
    items = (_parse(line, n) for n, line in enumerate(lines, 1) if line.strip())
    summary = BatchSummary()
    with progress_bar(total, enabled=progress) as bar:
        for result in _ordered(items, work, jobs):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            if jobs > 1 or progress:
                out.flush()  # show each result as it lands; a plain pipe gets the buffered speed
            summary.items += 1
            summary.errors += isinstance(result, _LineError)  # a rewrite's own "error" field is not one
            bar.update(1)
    out.flush()
    return summary


def _ordered(items: Iterator[Any], work: Callable[[BatchItem], dict[str, Any]], jobs: int) -> Iterator[dict]:
    if jobs <= 1:
        for item in items:
            yield _run_one(item, work)
        return
    window: deque[Future] = deque()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for item in items:
            window.append(pool.submit(_run_one, item, work))
            if len(window) >= 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
