"""The ``coach`` command: a thin layer over ``coach.Coach``.

Exit codes: 0 passed; 1 findings at ``--fail-on`` (check, critique) or a rewrite that still fails the
guard; 2 an error (usage, input, model). ``coach eval`` loads the eval harness only when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from .._api import Coach
from .._core.errors import CoachError, InputError
from .._core.files import open_binary, read_text
from .._core.policy import Policy, load_policy
from .._core.results import SEVERITY_RANK
from .._engines.options import add_engine_options
from .._serve.options import add_serve_parser
from .._serve.options import run as run_serve
from .._version import __version__
from .audit import add_audit_parser, run_audit
from .render import err, render_check, rewrite_notes, use_colour

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Coach customer-service replies: empathy, not sympathy.",
        epilog="Exit codes: 0 passed; 1 findings at --fail-on, or a rewrite that still fails the guard; 2 an error.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="list what makes a draft sound hollow or risky")
    _common(check)
    _fail_on(check)
    critique = sub.add_parser("critique", help="the model's critique merged with the checker's findings")
    _common(critique)
    _fail_on(critique)
    _engine_options(critique)
    rewrite = sub.add_parser("rewrite", help="rewrite a draft so it thanks, restates and gives a next step")
    _common(rewrite)
    _engine_options(rewrite)
    add_serve_parser(sub)  # its web framework loads only when `coach serve` runs
    add_audit_parser(sub)  # pyarrow, matplotlib and Ray load only when `coach audit` runs
    # `coach eval` parses its own options (coach/_cli/eval.py), so that the harness loads only when it runs.
    sub.add_parser("eval", help="run the gold suite, compare with a baseline and gate on regressions", add_help=False)
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", nargs="?", default="-", help="the draft reply; '-' or absent reads stdin")
    p.add_argument("--customer", metavar="TEXT", help="the customer's message the draft answers")
    p.add_argument("--customer-file", metavar="PATH", type=Path, help="read the customer's message from a file")
    p.add_argument("--policy", metavar="FILE", type=Path, help="team policy TOML (commitments, banned_phrases, severity)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    p.add_argument("--jsonl", metavar="PATH", help="batch: one JSON object a line ('-' for stdin)")


def _fail_on(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK), default="warning",
                   help="exit 1 when a finding is at least this severe (default: warning)")


def _engine_options(p: argparse.ArgumentParser) -> None:
    add_engine_options(p)
    p.add_argument("-j", "--jobs", type=int, default=1, help="batch: drafts in flight at once (default: 1)")


def _read_stdin_text() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"stdin is not valid UTF-8 (byte {exc.start}): send the draft as UTF-8 text") from None


def _customer(args: argparse.Namespace) -> str | None:
    if args.customer is not None and args.customer_file is not None:
        raise InputError("give the customer's message with --customer or --customer-file, not both")
    if args.customer_file is not None:
        return read_text(args.customer_file, "customer")
    return args.customer


@contextmanager
def _batch_lines(path: str) -> Iterator[tuple[BinaryIO, int | None]]:
    """The batch's raw lines, read as they are needed, and their count when it is cheap to know (a file)."""
    if path == "-":
        yield sys.stdin.buffer, None
        return
    with open_binary(path, "JSONL") as counting:
        total = sum(1 for line in counting if line.strip())
    with open_binary(path, "JSONL") as lines:
        yield lines, total


def _make_coach(args: argparse.Namespace) -> Coach:
    if getattr(args, "engine", None) is None:
        return Coach(engine="offline")
    return Coach(engine=args.engine, model=args.model, base_url=args.base_url, timeout=args.timeout,
                 max_tokens=args.max_tokens)


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return run_serve(args)
    if args.command == "audit":
        return run_audit(args)
    policy = load_policy(args.policy) if args.policy else Policy()
    coach = _make_coach(args)
    if args.command in ("rewrite", "critique"):
        err(f"coach: engine openai (model {coach.model_name})" if coach.engine == "openai" else "coach: engine offline")
    if args.jsonl is not None:
        return _run_batch(args, coach, policy)
    draft = _read_stdin_text() if args.draft == "-" else args.draft
    customer = _customer(args)
    colour = use_colour(sys.stdout)
    if args.command == "check":
        result = coach.check(draft, customer=customer, policy=policy)
        print(result.model_dump_json(indent=2) if args.format == "json" else render_check(draft, result, colour))
        return 1 if _fails(result.findings, args.fail_on) else 0
    if args.command == "critique":
        critique = coach.critique(draft, customer=customer, policy=policy)
        print(critique.model_dump_json(indent=2) if args.format == "json" else render_check(draft, critique, colour))
        if critique.error:
            err(f"coach: {critique.error}")
        return 1 if _fails(critique.findings, args.fail_on) else 0
    result = coach.rewrite(draft, customer=customer, policy=policy)
    if args.format == "json":
        print(result.model_dump_json(indent=2))
    else:
        print(result.rewrite)
        err(rewrite_notes(result, use_colour(sys.stderr)))
    return 0 if result.passed else 1


def _fails(findings: list[Any], fail_on: str) -> bool:
    return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in findings)


class _Counter:
    """A count that batch workers in several threads can add to."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.value += 1


def _run_batch(args: argparse.Namespace, coach: Coach, policy: Policy) -> int:
    from .batch import BatchItem, run_batch  # threads and the line schema load only for batches

    failing = _Counter()

    if args.command in ("check", "critique"):
        coach_method = getattr(coach, args.command)

        def work(item: BatchItem) -> dict[str, Any]:
            result = coach_method(item.draft, customer=item.customer, policy=item.merged_policy(policy))
            if _fails(result.findings, args.fail_on):
                failing.add()
            return result.model_dump()
    else:
        def work(item: BatchItem) -> dict[str, Any]:
            result = coach.rewrite(item.draft, customer=item.customer, policy=item.merged_policy(policy))
            if not result.passed:
                failing.add()
            return result.model_dump()

    with _batch_lines(args.jsonl) as (lines, total):
        summary = run_batch(lines, work, sys.stdout, jobs=getattr(args, "jobs", 1), progress=sys.stderr.isatty(),
                            total=total)
    if summary.errors:
        err(f"coach: error: {summary.errors} of {summary.items} batch line(s) could not be coached (see their 'error')")
        return 2
    if failing.value and args.command == "rewrite":
        err(f"coach: {failing.value} of {summary.items} rewrite(s) still fail the guard (see their 'passed')")
    return 1 if failing.value else 0


def main(argv: list[str] | None = None) -> int:
    _reopen_closed_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "eval":
        from .eval import main as eval_main  # the eval harness, its judge and the openai SDK load only here

        return eval_main(argv[argv.index("eval") + 1:])
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        return _run(args)
    except CoachError as exc:
        err(f"coach: error: {exc}")
        return 2
    except KeyboardInterrupt:
        err("coach: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug or an environment problem: a clear line and exit 2, never exit 1
        err(f"coach: crashed: {type(exc).__name__}: {exc}")
        return 2


def _reopen_closed_streams() -> None:
    """``coach check DRAFT >&-``: with stdout (or stderr) closed, write to the null device and keep the exit code."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
