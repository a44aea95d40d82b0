"""The Batch API on the command line: ``coach rewrite --jsonl IN --batch-api``, the options ``coach eval
--batch-api`` shares, and ``coach batch status|cancel STATE``.

Exit codes of a Batch API run, besides rewrite's 0 (all passed), 1 (a rewrite still fails the guard) and
2 (an error: usage, input, a bad line): 3 a batch fault (a batch failed, expired or was cancelled, its
output file is missing, or a line of it is an error): those drafts get an error object; 4 the server
refused the upload or the batch (429, quota): nothing of it ran, those drafts get an error object, and the
same command with the same --state tries again; 5 the wait ended (--max-wait, or the server stopped
answering) with the batch still running: nothing is written, the same command resumes; 130 interrupted,
the same command resumes.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._api import Coach
from .._core.errors import BatchStillRunning, CoachError, InputError
from .._core.files import read_bytes
from .._core.policy import Policy
from .._engines.options import positive_seconds
from .render import err

__all__ = ["add_batch_api_options", "wants_batch_api", "run_rewrite_batch", "batch_main", "BatchProgressView", "default_state",
           "EXIT_BATCH_FAULT", "EXIT_REFUSED", "EXIT_STILL_RUNNING"]

# 0-3 are every command's (README, "Exit codes": 3 is a draft not assessed); the Batch API's own follow.
EXIT_BATCH_FAULT, EXIT_REFUSED, EXIT_STILL_RUNNING, EXIT_INTERRUPTED = 4, 5, 6, 130
DEFAULT_POLL_S = 30.0


def add_batch_api_options(p: Any, *, price: bool = True) -> None:
    """``--batch-api``, ``--state``, ``--poll-interval``, ``--max-wait`` (and ``--price-per-1k``)."""
    p.add_argument("--batch-api", action="store_true",
                   help="send the drafts as one OpenAI Batch API job (half price, done within 24 h) instead of "
                        "one request each; exit 4 a batch fault, 5 upload refused, 6 still running (README)")
    p.add_argument("--state", type=Path, metavar="PATH",
                   help="with --batch-api: the file that records the batches, so an interrupted run resumes "
                        "(default for --jsonl IN: IN.batch-state.json)")
    p.add_argument("--poll-interval", type=positive_seconds, default=DEFAULT_POLL_S, metavar="S",
                   help=f"with --batch-api: seconds between status checks (default: {DEFAULT_POLL_S:g})")
    p.add_argument("--max-wait", type=positive_seconds, metavar="S",
                   help="with --batch-api: stop waiting after S seconds (exit 6); the batch keeps running and "
                        "the same command resumes it")
    if price:
        p.add_argument("--price-per-1k", type=float, default=0.0, metavar="COST",
                       help="with --batch-api: your per-request price per 1,000 tokens, for the summary's cost")


def wants_batch_api(args: argparse.Namespace) -> bool:
    """``--batch-api``, or one of its options given without it (which ``run_rewrite_batch`` refuses)."""
    return bool(getattr(args, "batch_api", False) or getattr(args, "state", None) is not None
                or getattr(args, "max_wait", None) is not None or getattr(args, "price_per_1k", 0.0)
                or getattr(args, "poll_interval", DEFAULT_POLL_S) != DEFAULT_POLL_S)


def default_state(jsonl: str, state: Path | None) -> Path | None:
    """``--state``, or ``IN.batch-state.json`` next to a ``--jsonl`` file (stdin has none)."""
    if state is not None or jsonl == "-":
        return state
    return Path(f"{jsonl}.batch-state.json")


class BatchProgressView:
    """The batch's own counts on stderr: a progress bar on a terminal, a line per status change elsewhere."""

    def __init__(self, label: str = "coach") -> None:
        self.label = label
        self._seen: tuple[int, str] | None = None
        self._bar: Any = None

    def __call__(self, progress: Any) -> None:
        status = progress.status
        done = status.completed + status.failed
        if sys.stderr.isatty():
            self._draw(progress.round, status, done)
        if (progress.round, status.status) != self._seen:
            self._seen = (progress.round, status.status)
            self.close()
            err(f"{self.label}: batch {status.id} (round {progress.round}): {status.status}, "
                f"{done} of {status.total} request(s) done ({status.failed} failed)")

    def _draw(self, round_number: int, status: Any, done: int) -> None:
        from tqdm import tqdm

        if self._bar is None:
            self._bar = tqdm(total=status.total or None, unit="request", file=sys.stderr, dynamic_ncols=True,
                             leave=False)
        self._bar.set_description(f"batch {round_number} {status.status}")
        self._bar.total = status.total or None
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def run_rewrite_batch(args: argparse.Namespace, coach: Coach, policy: Policy) -> int:
    """``coach rewrite --jsonl IN --batch-api``: one result or error object a line, in the input's order."""
    from .batch import BatchItem, _parse  # the line schema loads only for batches

    if not args.batch_api:
        raise InputError("--state, --poll-interval, --max-wait and --price-per-1k go with --batch-api")
    if args.jsonl is None:
        raise InputError("--batch-api sends a batch of drafts: give them with --jsonl IN")
    state = default_state(args.jsonl, args.state)
    err(f"coach: batch state in {state} (the same command resumes an interrupted run)" if state else
        "coach: no --state: an interrupted run cannot resume (give --state PATH)")
    data = sys.stdin.buffer.read() if args.jsonl == "-" else read_bytes(args.jsonl, "JSONL")
    parsed = [_parse(line, n) for n, line in enumerate(data.splitlines(), 1) if line.strip()]
    items = [{"id": p.id, "draft": p.draft, "customer": p.customer, "policy": p.merged_policy(policy)}
             for p in parsed if isinstance(p, BatchItem)]
    view = BatchProgressView()
    try:
        run = coach.rewrite_batch(items, state=state, poll_interval=args.poll_interval, max_wait=args.max_wait,
                                  on_progress=view)
    except BatchStillRunning as exc:
        err(f"coach: {exc}; run the same command again to resume" + (f" (--state {state})" if state else ""))
        return EXIT_STILL_RUNNING
    except KeyboardInterrupt:
        err("coach: interrupted; the batch keeps running: run the same command again to resume"
            if state else "coach: interrupted")
        return EXIT_INTERRUPTED
    finally:
        view.close()
    results = iter(run.results)
    failing = bad_lines = unassessed = 0
    for item in parsed:
        if isinstance(item, BatchItem):
            result = next(results)
            line = _error_object(item.id, result) if isinstance(result, CoachError) else \
                {"id": item.id, **result.model_dump(mode="json")}
            failing += not isinstance(result, CoachError) and result.passed is False
            unassessed += not isinstance(result, CoachError) and result.passed is None  # another language, or lines
            # the coach wrote itself ("review"): no verdict, never a pass
        else:
            line, bad_lines = dict(item), bad_lines + 1
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    for text in run.summary.describe(args.price_per_1k):
        err(f"coach: {text}")
    return exit_code(run.summary.faults, bad_lines, failing, unassessed)


def _error_object(item_id: Any, error: CoachError) -> dict[str, Any]:
    line: dict[str, Any] = {"id": item_id, "error": str(error), "kind": getattr(error, "kind", "input")}
    if getattr(error, "status", None) is not None:
        line["status"] = error.status  # type: ignore[attr-defined]
    return line


def exit_code(faults: dict[str, int], bad_lines: int = 0, failing: int = 0, unassessed: int = 0) -> int:
    if faults.get("refused"):
        return EXIT_REFUSED
    if any(kind != "input" for kind in faults):
        return EXIT_BATCH_FAULT
    if bad_lines or faults:
        return 2
    return 1 if failing else 3 if unassessed else 0


# --- coach batch status|cancel STATE ---------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="coach batch", description="The batches a Batch API run's state file records.",
                                epilog="Exit codes: 0 done; 2 an error (no state file, the server refused).")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, text in (("status", "what the server says about each batch"),
                       ("cancel", "cancel the batches that have not finished")):
        action = sub.add_parser(name, help=text)
        action.add_argument("state", type=Path, metavar="STATE", help="the state file (--state of the run)")
        action.add_argument("--base-url", help="the server (default: the one the state file records)")
        action.add_argument("--format", choices=["text", "json"], default="text")
    return p


def batch_main(argv: list[str]) -> int:
    """``coach batch ACTION STATE``."""
    args = build_parser().parse_args(argv)
    try:
        from .._engines.openai.batch import load_state

        recorded = load_state(args.state, must_exist=True)
        coach = Coach(engine="openai", base_url=args.base_url or recorded.base_url or None, model=recorded.model or None)
        statuses = coach.batch_status(args.state) if args.action == "status" else coach.cancel_batch(args.state)
    except CoachError as exc:
        err(f"coach batch: error: {exc}")
        return 2
    if args.format == "json":
        print(json.dumps([vars(s) | {"round": n} for n, s in enumerate(statuses, 1)], indent=2))
        return 0
    if not statuses:
        print(f"{args.state}: no batch created yet")
    for n, s in enumerate(statuses, 1):
        print(f"round {n}  {s.id}  {s.status:<10}  {s.completed + s.failed}/{s.total} done ({s.failed} failed)  "
              f"created {_when(s.created_at)}  expires {_when(s.expires_at)}")
    return 0


def _when(stamp: int | None) -> str:
    if not stamp:
        return "-"
    return datetime.fromtimestamp(stamp, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
