"""``coach audit PATH...``: a QA report over a contact centre's past replies (options and the run)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._core.errors import InputError
from .._core.policy import Policy, load_policy
from .render import err

__all__ = ["add_audit_parser", "run_audit"]

_EXIT_INTERRUPTED = 130


def add_audit_parser(sub) -> None:
    p = sub.add_parser("audit", help="audit past replies (JSONL, CSV, Parquet) into findings and an HTML report",
                       description="Check every past reply in PATH... and write the findings (one row per finding) "
                                   "and a self-contained HTML report by team, agent and week.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSONL, CSV or Parquet files of past replies")
    p.add_argument("--report", metavar="HTML", type=Path, default=Path("audit.html"),
                   help="the report to write (default: audit.html)")
    p.add_argument("--findings", metavar="PATH", type=Path, default=Path("findings.parquet"),
                   help="the findings to write: Parquet, or JSONL for a .jsonl name (default: findings.parquet)")
    p.add_argument("--policy", metavar="FILE", type=Path, help="team policy TOML, as for `coach check`")
    for field, default in (("reply", "reply"), ("customer", "customer"), ("agent", "agent"), ("team", "team"),
                           ("time", "time"), ("id", "id")):
        p.add_argument(f"--{field}-column", metavar="NAME", help=f"the column holding the {field} (default: {default})")
    p.add_argument("-j", "--jobs", type=int, help="worker processes (default: one per core; with --ray, at most this many)")
    p.add_argument("--chunk-size", type=int, default=2_000, help="replies a worker checks at a time (default: 2000)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted audit without redoing finished chunks")
    p.add_argument("--ray", nargs="?", const="", metavar="ADDRESS",
                   help="run on Ray Data: a cluster's ADDRESS, or a local Ray without one (needs the ray extra)")


def _summary(outcome, args: argparse.Namespace) -> str:
    tally = outcome.tally
    problems = sum(tally.problem_counts.values())
    resumed = f", {outcome.chunks_resumed} chunk(s) resumed" if outcome.chunks_resumed else ""
    return (f"coach: audited {tally.replies:,} replies ({tally.assessed:,} assessed, {tally.not_assessed_count:,} not "
            f"assessed, {problems:,} row(s) not read) in {outcome.seconds:.1f} s with {outcome.workers} worker(s)"
            f"{resumed}: {outcome.findings:,} findings -> {args.findings}; report -> {args.report}")


def run_audit(args: argparse.Namespace) -> int:
    try:
        from .._audit import Columns, audit_files, write_report
        from .._audit.local import AuditInterrupted
    except ImportError as exc:
        raise InputError(f"coach audit needs the audit extra ({exc.name} is missing): "
                         "pip install 'reply-coach[audit]'") from None
    policy = load_policy(args.policy) if args.policy else Policy()
    columns = Columns.from_options(reply=args.reply_column, customer=args.customer_column, agent=args.agent_column,
                                   team=args.team_column, time=args.time_column, id=args.id_column)
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    if args.ray is not None:
        if args.resume:
            raise InputError("--resume is for the process pool; on Ray, rerun the audit (Ray retries failed tasks)")
        from .._audit.on_ray import audit_paths_on_ray

        outcome = audit_paths_on_ray(args.paths, args.findings, columns=columns, policy=policy,
                                     address=args.ray or None, concurrency=args.jobs)
    else:
        try:
            outcome = audit_files(args.paths, args.findings, columns=columns, policy=policy, jobs=args.jobs,
                                  chunk_size=args.chunk_size, resume=args.resume, progress=sys.stderr.isatty())
        except AuditInterrupted as exc:
            err(f"coach: {exc}")
            return _EXIT_INTERRUPTED
    write_report(outcome.tally, args.report, sources=[str(p) for p in args.paths])
    for problem in outcome.tally.problems:
        if problem.row is None:  # a whole file: worth a line on the terminal, not only in the report
            err(f"coach: warning: {problem.source}: {problem.message}")
    err(_summary(outcome, args))
    if outcome.tally.replies == 0:
        err("coach: error: no reply could be read (see the lines above, and the report's 'Input that could not be read')")
        return 2
    return 0
