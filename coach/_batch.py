"""JSONL batches: one ``{"id", "draft", "customer"?, "policy"?}`` object a line in, one result a line out."""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from ._errors import CoachError
from ._policy import Policy

__all__ = ["BatchItem", "run_batch"]


class BatchItem(BaseModel):
    id: str | int
    draft: str
    customer: str | None = None
    policy: list[str] | None = None

    def merged_policy(self, base: Policy) -> Policy:
        if not self.policy:
            return base
        return base.model_copy(update={"commitments": [*base.commitments, *self.policy]})


def _parse(line: str, number: int) -> BatchItem | dict[str, Any]:
    """A valid item, or the error object to print for this line."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "line": number, "error": f"line {number} is not valid JSON: {exc.msg}"}
    item_id = data.get("id") if isinstance(data, dict) else None
    try:
        return BatchItem.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors())
        return {"id": item_id, "line": number, "error": f"line {number}: {problems}"}


def _run_one(item: BatchItem | dict[str, Any], work: Callable[[BatchItem], dict[str, Any]]) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    try:
        return {"id": item.id, **work(item)}
    except CoachError as exc:
        return {"id": item.id, "error": str(exc)}


def run_batch(
    lines: Iterable[str],
    work: Callable[[BatchItem], dict[str, Any]],
    out: TextIO,
    *,
    jobs: int = 1,
    progress: bool = False,
) -> list[dict[str, Any]]:
    """Run ``work`` on every line's item, ``jobs`` at a time, printing results in input order as they finish.

    Returns a compact summary per item (``id``, ``error``, ``passed``) so callers can pick an exit code;
    memory stays flat because at most ``2 * jobs`` items are in flight.
    """
    items = (_parse(line, n) for n, line in enumerate(lines, 1) if line.strip())
    summary: list[dict[str, Any]] = []
    for done, result in enumerate(_ordered(items, work, jobs), 1):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        summary.append({"id": result.get("id"), "error": result.get("error"), "passed": result.get("passed")})
        if progress:
            print(f"\r{done} done", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
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
