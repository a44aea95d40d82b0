"""``coach eval``: run the gold suite, compare with a baseline, gate, and report (the eval harness's CLI).

Exit codes: 0 ok; 1 a scorer (or a calibrated rule) regressed beyond its threshold; 2 a crash, a usage
error, a case whose rewrite raised (with --batch-api: a batch fault), or a replay that missed its cassette;
5 (--batch-api) the wait ended with the batch still running: the same command resumes it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

from .._core.errors import BatchStillRunning, CoachError
from .._core.rules import RULE_IDS
from .._engines.options import add_engine_options
from .._eval.api import make_judge, run_eval
from .._eval.calibrate import calibrate_layers, compare_calibration, load_calibration
from .._eval.cases import load_suite
from .._eval.compare import DEFAULT_MAX_DROP, compare_runs, parse_max_drop
from .._eval.judge import JUDGE_NAME
from .._eval.paths import default_suite
from .._eval.report import (
    terminal_calibration,
    terminal_calibration_comparison,
    terminal_comparison,
    terminal_layers,
    terminal_summary,
    write_report,
)
from .._eval.results import OVERALL, EvalRun, load_run
from .._eval.scorers import SCORERS
from .batch_api import EXIT_STILL_RUNNING, BatchProgressView, add_batch_api_options
from .render import err

__all__ = ["build_parser", "main", "run", "EXIT_OK", "EXIT_REGRESSION", "EXIT_CRASH"]

EXIT_OK, EXIT_REGRESSION, EXIT_CRASH = 0, 1, 2


class UsageError(CoachError):
    """Options that do not go together."""


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``coach eval``'s options."""
    p = argparse.ArgumentParser(
        prog="coach eval",
        description="Rewrite every case of a gold suite, score the rewrites, and compare with a baseline.\n"
                    "Exit 0 ok, 1 a scorer regressed beyond --max-drop, 2 crash or usage error.",
        epilog="example:\n  coach eval --engine offline --baseline evals/baselines/offline.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--suite", type=Path, metavar="PATH", help=f"JSONL suite (default: the packaged {default_suite().name})")
    p.add_argument("--case", action="append", metavar="ID", help="only this case (repeatable)")
    p.add_argument("--tag", action="append", metavar="TAG", help="only cases with this tag (repeatable)")
    p.add_argument("--split", choices=["tune", "test"],
                   help="only the cases of this frozen split of a labelled corpus (e.g. evals/real/twcs_dev.jsonl)")
    p.add_argument("--sample", type=int, metavar="N",
                   help="only N cases, chosen deterministically to cover the tags (a quick, cheap run)")
    g = p.add_argument_group("engine")
    add_engine_options(g, max_tokens=False)
    g.add_argument("--prompt", metavar="ID", help="prompt id for the model engine (default: the engine's)")
    r = p.add_argument_group("run")
    r.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="rewrites in flight at once (default: 1)")
    r.add_argument("--repeat", type=int, default=1, metavar="K", help="rewrite each case K times (default: 1)")
    r.add_argument("--pass-k", type=int, metavar="k",
                   help="a case passes a scorer when k of its K attempts pass (default: a majority, K//2+1)")
    r.add_argument("--scorer", action="append", choices=list(SCORERS), metavar="NAME",
                   help=f"only these scorers (repeatable; default all: {', '.join(SCORERS)})")
    r.add_argument("--price-per-1k", type=float, default=0.0, metavar="COST",
                   help="cost per 1,000 tokens, for the cost line (default: 0, local or offline)")
    add_batch_api_options(r, price=False)
    r.add_argument("--replay", action="store_true", help="answer every LLM call from the cassette (free, deterministic)")
    r.add_argument("--record", action="store_true", help="record this run's LLM calls into the cassette")
    r.add_argument("--cassette-dir", type=Path, metavar="DIR", help="cassettes folder (default: evals/cassettes)")
    j = p.add_argument_group("LLM judge (optional)")
    j.add_argument("--judge", action="store_true", help="also grade each rewrite with an LLM judge and a rubric")
    j.add_argument("--judge-model", help="judge model (default: --model)")
    j.add_argument("--judge-base-url", help="judge server URL (default: --base-url)")
    j.add_argument("--judge-prompt", default="judge.v1", metavar="ID", help="rubric prompt id or path (default: judge.v1)")
    j.add_argument("--judge-format", choices=["json_schema", "json_object"], default="json_schema",
                   help="structured output style: json_schema (OpenAI) or json_object (llama.cpp)")
    c = p.add_argument_group("compare and gate")
    c.add_argument("--baseline", type=Path, metavar="OLD.json", help="compare with a saved run (or calibration)")
    c.add_argument("--compare", nargs=2, metavar=("A", "B"), help="run prompt ids A and B on the same cases; gate B against A")
    c.add_argument("--from-results", type=Path, metavar="RUN.json", help="do not run: load this run (to compare or report)")
    c.add_argument("--max-drop", action="append", metavar="PP",
                   help=f"allowed drop in pass rate, percentage points, e.g. 2 or guard=5 (default: {DEFAULT_MAX_DROP:g})")
    c.add_argument("--alpha", type=float, help="also require McNemar p < ALPHA before failing the gate (for live models)")
    c.add_argument("--calibrate", action="store_true", help="score the checker against the cases' expect labels")
    o = p.add_argument_group("output")
    o.add_argument("--output", type=Path, metavar="results.json", help="write the full results as JSON")
    o.add_argument("--report", type=Path, action="append", metavar="report.md|report.html",
                   help="write a Markdown or self-contained HTML report (repeatable)")
    o.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no failing-case list")
    return p


def main(argv: list[str]) -> int:
    """``coach eval ARGS``: parse, run, and return the exit code."""
    return run(build_parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Run ``coach eval``; returns the exit code and never raises (a crash is exit code 2)."""
    try:
        return _run(args)
    except BatchStillRunning as exc:
        err(f"coach eval: {exc}; run the same command again to resume")
        return EXIT_STILL_RUNNING
    except (CoachError, ValueError) as exc:
        err(f"coach eval: error: {exc}")
        return EXIT_CRASH
    except KeyboardInterrupt:
        err("coach eval: interrupted")
        return EXIT_CRASH
    except BrokenPipeError:
        raise  # `coach eval | head`: coach's main() treats a closed stdout as done
    except Exception as exc:  # noqa: BLE001 - exit 1 means "regressed"; a crash must never look like that
        traceback.print_exc(file=sys.stderr)
        err(f"coach eval: crashed: {type(exc).__name__}: {exc}")
        return EXIT_CRASH


def _validate(args: argparse.Namespace) -> None:
    if args.baseline and args.compare:
        raise UsageError("give --baseline or --compare, not both")
    if args.from_results and args.compare:
        raise UsageError("--from-results loads one run; --compare runs two")
    if args.replay and args.record:
        raise UsageError("choose --replay or --record, not both")
    if args.calibrate and (args.compare or args.from_results or args.judge or args.replay or args.record):
        raise UsageError("--calibrate runs only the checker: it takes --suite, --baseline, --output, --report")
    if (args.replay or args.record) and args.engine == "offline":
        raise UsageError("--replay/--record are for the model engine: add --engine openai --model NAME")
    if args.compare and args.engine == "offline":
        raise UsageError("--compare A B compares two prompts of the model engine: add --engine openai")
    if not args.batch_api and (args.state or args.max_wait is not None):
        raise UsageError("--state and --max-wait go with --batch-api")
    if args.batch_api and (args.compare or args.from_results or args.calibrate or args.replay or args.record
                           or args.repeat != 1 or args.engine == "offline"):
        raise UsageError("--batch-api runs one prompt of the model engine once per case: it takes neither --compare, "
                         "--from-results, --calibrate, --replay, --record, --repeat nor --engine offline")
    if args.judge and not (args.judge_model or args.model):
        raise UsageError("--judge needs --judge-model (or --model)")
    if args.output:
        _check_writable(args.output, "--output")
    for path in args.report or []:
        if path.suffix.lower() not in _REPORT_SUFFIXES:
            raise UsageError(f"--report {path}: the report is Markdown (.md) or HTML (.html, .htm), "
                             f"not {path.suffix or 'a file without an extension'}")
        _check_writable(path, "--report")


_REPORT_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def _check_writable(path: Path, option: str) -> None:
    """Refuse, before a long run, an output path that cannot be written."""
    if path.is_dir():
        raise UsageError(f"{option} {path} is a folder: give a file name inside it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{option} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{option} {path}: the folder {folder} is not writable")


def _progress(enabled: bool, label: str):
    if not enabled:
        return None
    start = time.monotonic()

    def show(done: int, total: int) -> None:
        width = 28
        filled = int(width * done / total) if total else width
        bar = "█" * filled + "░" * (width - filled)
        end = "\n" if done >= total else ""
        print(f"\r{label} {bar} {done}/{total}  {time.monotonic() - start:5.1f}s", end=end, file=sys.stderr, flush=True)

    return show


def _suite(args: argparse.Namespace):
    suite = load_suite(args.suite or default_suite()).select(ids=args.case, tags=args.tag, split=args.split)
    if args.sample is not None:
        suite = suite.sample(args.sample)
    if not suite.cases:
        raise UsageError("no case matches --case/--tag/--split")
    return suite


def _one_run(args: argparse.Namespace, prompt: str | None, label: str) -> EvalRun:
    suite = _suite(args)
    judge = None
    if args.judge:
        judge = make_judge(model=args.judge_model or args.model, base_url=args.judge_base_url or args.base_url,
                           prompt=args.judge_prompt, response_format=args.judge_format,
                           timeout=max(args.timeout, 60.0), replay=args.replay)
    show = _progress(sys.stderr.isatty() and not args.quiet, label)
    if args.batch_api:
        return _batch_run(args, suite, prompt, judge, show)
    return run_eval(
        suite, engine=args.engine, model=args.model, base_url=args.base_url, prompt=prompt, timeout=args.timeout,
        jobs=args.jobs, repeat=args.repeat, pass_k=args.pass_k, scorers=tuple(args.scorer or SCORERS), judge=judge,
        replay=args.replay, record=args.record, cassette_dir=args.cassette_dir, price_per_1k=args.price_per_1k,
        progress=show,
    )


def _batch_run(args: argparse.Namespace, suite, prompt: str | None, judge, show) -> EvalRun:
    from .._eval.batch_api import run_eval_batch  # the Batch API's client code loads only here

    err(f"coach eval: batch state in {args.state}" if args.state else
        "coach eval: no --state: an interrupted run cannot resume (give --state PATH)")
    view = BatchProgressView("coach eval")
    try:
        run, summary = run_eval_batch(
            suite, model=args.model, base_url=args.base_url, prompt=prompt, timeout=args.timeout, state=args.state,
            poll_interval=args.poll_interval, max_wait=args.max_wait, on_progress=view,
            scorers=tuple(args.scorer or SCORERS), judge=judge, price_per_1k=args.price_per_1k, progress=show)
    finally:
        view.close()
    for line in summary.describe(args.price_per_1k):
        err(f"coach eval: {line}")
    return run


def _thresholds(args: argparse.Namespace, known: list[str]):
    thresholds = parse_max_drop(args.max_drop)
    unknown = sorted(set(thresholds.per_scorer) - set(known))
    if unknown:
        raise UsageError(f"--max-drop names unknown scorer/rule(s) {', '.join(unknown)}; known: {', '.join(known)}")
    if args.alpha is not None and not 0 < args.alpha <= 1:
        raise UsageError("--alpha is a significance level between 0 and 1")
    return thresholds


def _run(args: argparse.Namespace) -> int:
    _validate(args)
    if args.calibrate:
        return _run_calibration(args)
    thresholds = _thresholds(args, [OVERALL, *SCORERS, JUDGE_NAME])
    baseline = None
    labels = ("baseline", "candidate")
    if args.compare:
        first, second = args.compare
        baseline = _one_run(args, first, f"eval {first}")
        if baseline.stamp.engine == "offline":
            raise UsageError("--compare A B compares two prompts of the model engine, but no model is configured: "
                             "add --engine openai --model NAME (and --base-url)")
        current = _one_run(args, second, f"eval {second}")
        labels = (first, second)
    else:
        if args.baseline:  # read it first: a missing baseline should not cost a whole run
            baseline = load_run(args.baseline)
            labels = (f"baseline ({args.baseline.name})", "this run")
        current = load_run(args.from_results) if args.from_results else _one_run(args, args.prompt, "eval")
    print(terminal_summary(current, show_failures=0 if args.quiet else 10))
    comparison = None
    if baseline is not None:
        comparison = compare_runs(baseline, current, thresholds=thresholds, alpha=args.alpha, labels=labels)
        print()
        print(terminal_comparison(comparison))
    if args.output:
        current.save(args.output)
        if args.compare and baseline is not None:
            side = args.output.with_name(f"{args.output.stem}.{args.compare[0]}{args.output.suffix or '.json'}")
            baseline.save(side)
            err(f"coach eval: wrote {args.output} ({args.compare[1]}) and {side} ({args.compare[0]})")
    for path in args.report or []:
        write_report(path, current, comparison)
        err(f"coach eval: wrote {path}")
    crashed = current.aggregates.costs.crashed
    if crashed:
        err(f"coach eval: {crashed} rewrite(s) crashed (see the failing cases); exit 2")
        return EXIT_CRASH
    if comparison is not None and comparison.regressed:
        names = ", ".join(f"{d.name} {d.delta_pp:+.1f} pp" for d in comparison.regressed)
        err(f"coach eval: REGRESSION beyond --max-drop: {names}")
        return EXIT_REGRESSION
    return EXIT_OK


def _run_calibration(args: argparse.Namespace) -> int:
    thresholds = _thresholds(args, list(RULE_IDS))
    suite = _suite(args)
    runs = calibrate_layers(suite)
    result = runs["combined"]
    if not result.labels:
        raise UsageError(f"no case in {suite.path} has an `expect` label to calibrate against")
    text = terminal_layers(runs) + "\n\n" + terminal_calibration(result)
    print(text)
    comparison = None
    if args.baseline:
        comparison = compare_calibration(load_calibration(args.baseline), result, thresholds=thresholds, alpha=args.alpha)
        print()
        print(terminal_calibration_comparison(comparison))
        text += "\n\n" + terminal_calibration_comparison(comparison)
    if args.output:
        result.save(args.output)
    for path in args.report or []:
        _write_text_report(path, text)
        err(f"coach eval: wrote {path}")
    if comparison is not None and comparison.regressed:
        names = ", ".join(r.rule for r in comparison.regressed)
        err(f"coach eval: calibration REGRESSION beyond --max-drop: {names}")
        return EXIT_REGRESSION
    return EXIT_OK


def _write_text_report(path: Path, text: str) -> None:
    import html

    if path.suffix.lower() in (".html", ".htm"):
        body = f"<!doctype html><html><head><meta charset=\"utf-8\"><title>coach eval --calibrate</title></head>" \
               f"<body><h1>Checker calibration</h1><pre>{html.escape(text)}</pre></body></html>\n"
    else:
        body = f"# Checker calibration\n\n```\n{text}\n```\n"
    path.write_text(body, encoding="utf-8")
