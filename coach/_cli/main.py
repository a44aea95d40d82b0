"""The ``coach`` command: a thin layer over ``coach.Coach``.

Exit codes (README, "Exit codes"): 0 passed; 1 findings at ``--fail-on`` (check, critique) or a rewrite
that still fails the guard; 2 an error (usage, input, model); 3 not assessed: the coach reached no
verdict (a reply in a language the rules cannot read, or an offline rewrite with lines the coach wrote itself,
listed in ``review`` for a person to read), which never reads as a pass. Over several drafts
the most serious wins: 2, then 1, then 3, then 0. ``coach eval`` loads the eval harness only when it runs.
"""

from __future__ import annotations

import argparse
import json
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
from .batch_api import add_batch_api_options, run_rewrite_batch, wants_batch_api
from .config import COLOR_MODES, KEYS, ConfigFile, Setting, find_config, load_config, resolve
from .render import err, render_check, rewrite_notes, use_colour

__all__ = ["main", "build_parser", "EXIT_PASSED", "EXIT_FAILED", "EXIT_ERROR", "EXIT_NOT_ASSESSED"]

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR, EXIT_NOT_ASSESSED = 0, 1, 2, 3
#: Over several drafts the most serious outcome is the exit code.
_SERIOUSNESS = (EXIT_PASSED, EXIT_NOT_ASSESSED, EXIT_FAILED, EXIT_ERROR)
_EXIT_CODES = ("exit codes: 0 passed; 1 findings at --fail-on, or a rewrite that still fails the guard; 2 an error;\n"
               "  3 not assessed (a reply in another language, or a rewrite with lines the coach wrote itself\n"
               "  to read first: no verdict, never a pass).\n"
               "  Over several drafts the most serious wins: 2, then 1, then 3, then 0.")
_EXAMPLES = {
    "check": 'coach check -f reply.txt --customer-file ticket.txt\n  coach check "Sorry for the inconvenience." '
             "--format json",
    "critique": "coach critique -f reply.txt --engine openai --base-url http://127.0.0.1:8080/v1",
    "rewrite": 'coach rewrite "Sorry for the delay, it will ship tomorrow." --customer "Where is order #4417?"',
    "config": "coach config            # the settings in effect here, and where each comes from",
    "completion": "coach completion bash > ~/.local/share/bash-completion/completions/coach",
}
_CONFIGURED = tuple(KEYS)  # options a config file may set: their parser default is None ("not given")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach", description="Coach customer-service replies: empathy, not sympathy.",
        epilog="example:\n  coach check -f reply.txt\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = _command(sub, "check", "list what makes a draft sound hollow or risky")
    _common(check)
    _fail_on(check)
    critique = _command(sub, "critique", "the model's critique merged with the checker's findings")
    _common(critique)
    _fail_on(critique)
    _engine_options(critique)
    rewrite = _command(sub, "rewrite", "rewrite a draft so it thanks, restates and gives a next step")
    _common(rewrite)
    _engine_options(rewrite)
    add_batch_api_options(rewrite)  # --batch-api: the OpenAI Batch API (coach/_cli/batch_api.py)
    for p in (check, critique, rewrite):
        p.set_defaults(**{key: None for key in _CONFIGURED if key in _dests(p)})
    add_serve_parser(sub)  # its web framework loads only when `coach serve` runs
    add_audit_parser(sub)  # pyarrow, matplotlib and Ray load only when `coach audit` runs
    # `coach eval` parses its own options (coach/_cli/eval.py), so that the harness loads only when it runs.
    sub.add_parser("eval", help="run the gold suite, compare with a baseline and gate on regressions", add_help=False)
    config = _command(sub, "config", "show the settings in effect and where each comes from", exit_codes=False)
    _config_options(config)
    completion = _command(sub, "completion", "print the shell completion script (bash, zsh or fish)",
                          exit_codes=False)
    completion.add_argument("shell", choices=["bash", "zsh", "fish"])
    # `coach practice` parses its own options too (coach/_cli/practice.py).
    sub.add_parser("practice", help="role-play a customer conversation, coached turn by turn", add_help=False)
    sub.add_parser("batch", help="status or cancel of a --batch-api run's batches (coach batch status STATE)",
                   add_help=False)
    return parser


def _command(sub: Any, name: str, summary: str, *, exit_codes: bool = True) -> argparse.ArgumentParser:
    epilog = f"example:\n  {_EXAMPLES[name]}" + (f"\n\n{_EXIT_CODES}" if exit_codes else "")
    return sub.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".", epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def _dests(p: argparse.ArgumentParser) -> set[str]:
    return {action.dest for action in p._actions}


def _config_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="PATH", type=Path,
                   help="read settings from this TOML file (default: the nearest .coach.toml, or pyproject.toml "
                        "with [tool.coach], from the working directory upwards)")
    p.add_argument("--no-config", action="store_true", help="read no config file")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", nargs="?", help="the draft reply; '-' or absent reads stdin")
    p.add_argument("-f", "--file", action="append", metavar="PATH", dest="files",
                   help="read a draft from this file ('-' for stdin); repeat for several, each result labelled")
    p.add_argument("--customer", metavar="TEXT", help="the customer's message the draft answers")
    p.add_argument("--customer-file", metavar="PATH", type=Path, help="read the customer's message from a file")
    p.add_argument("--policy", metavar="FILE", help="team policy TOML (commitments, banned_phrases, severity)")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="output format (default: text; with --file, json is one object a line, with its 'path')")
    p.add_argument("--jsonl", metavar="PATH", help="batch: one JSON object a line ('-' for stdin)")
    p.add_argument("--color", choices=COLOR_MODES, help="colour the text output (default: auto, on a terminal)")
    _config_options(p)


def _fail_on(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK),
                   help="exit 1 when a finding is at least this severe (default: warning)")


def _engine_options(p: argparse.ArgumentParser) -> None:
    add_engine_options(p)
    p.add_argument("-j", "--jobs", type=int, default=1, help="batch: drafts in flight at once (default: 1)")


# --- settings ----------------------------------------------------------------------------------------------


def _config_file(args: argparse.Namespace) -> ConfigFile | None:
    if args.no_config and args.config is not None:
        raise InputError("give --config or --no-config, not both")
    if args.no_config:
        return None
    path = args.config if args.config is not None else find_config(Path.cwd())
    return load_config(path) if path is not None else None


def _settings(args: argparse.Namespace) -> tuple[ConfigFile | None, dict[str, Setting]]:
    config = _config_file(args)
    return config, resolve({key: getattr(args, key, None) for key in KEYS}, config)


def _show_config(config: ConfigFile | None, settings: dict[str, Setting], no_config: bool) -> int:
    where = "none (--no-config)" if no_config else (config.label if config else "none found (.coach.toml, or "
                                                                                 "pyproject.toml with [tool.coach])")
    lines = [f"config file: {where}"]
    width = max(map(len, settings))
    for key, setting in settings.items():
        shown = "-" if setting.value is None else str(setting.value)
        lines.append(f"{key.ljust(width)}  {shown}  ({setting.source})")
    _emit("\n".join(lines))
    return EXIT_PASSED


# --- drafts ------------------------------------------------------------------------------------------------


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


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 1024:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _drafts(args: argparse.Namespace) -> list[tuple[str | None, str | CoachError]]:
    """(label, draft) for each draft to coach: the file's path as label with --file, None for the argument.
    A file that cannot be read is its error in its place, so that the other files are still coached."""
    if not args.files:
        if args.draft is None or args.draft == "-":
            return [(None, _read_stdin_text())]
        if _names_a_file(args.draft):
            err(f"coach: note: {args.draft!r} is the name of a file, but this coaches those words as the draft; "
                f"to coach the file's text use -f {args.draft}")
        return [(None, args.draft)]
    if args.draft is not None:
        raise InputError("give the draft as an argument or with -f/--file, not both")
    if args.files.count("-") > 1:
        raise InputError("-f - (stdin) can be given only once")
    drafts: list[tuple[str | None, str | CoachError]] = []
    for path in args.files:
        try:
            drafts.append((path, _read_stdin_text() if path == "-" else read_text(path, "draft")))
        except CoachError as exc:
            drafts.append((path, exc))
    return drafts


# --- output ------------------------------------------------------------------------------------------------


def _emit(text: str) -> None:
    """Print ``text`` to stdout; a closed stdout silences the rest of the output, not the exit code."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at the null device, so that neither later prints nor the exit's flush raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests capture stdout in memory)
        pass
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process


def _most_serious(codes: list[int]) -> int:
    return max(codes, key=_SERIOUSNESS.index, default=EXIT_PASSED)


def _verdict_code(result: Any, fail_on: str | None) -> int:
    """1 on findings at ``fail_on`` (check, critique) or a failing rewrite, 3 when not assessed, else 0."""
    if fail_on is not None and _fails(result.findings, fail_on):
        return EXIT_FAILED
    if result.passed is None:
        return EXIT_NOT_ASSESSED
    if fail_on is None and result.passed is False:
        return EXIT_FAILED
    return EXIT_PASSED


def _fails(findings: list[Any], fail_on: str) -> bool:
    return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in findings)


# --- running -----------------------------------------------------------------------------------------------


def _make_coach(args: argparse.Namespace) -> Coach:
    if getattr(args, "engine", None) is None:
        return Coach(engine="offline")
    return Coach(engine=args.engine, model=args.model, base_url=args.base_url, timeout=args.timeout,
                 max_tokens=args.max_tokens)


def _apply(args: argparse.Namespace, settings: dict[str, Setting]) -> None:
    """Put the resolved settings where the command reads them (only the options this command has)."""
    for key, setting in settings.items():
        if hasattr(args, key):
            setattr(args, key, setting.value)
    if not hasattr(args, "engine"):
        args.engine = None  # check: the offline checker, whatever the config says


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return run_serve(args)
    if args.command == "audit":
        return run_audit(args)
    if args.command == "completion":
        import argcomplete  # only here: completion scripts come from argcomplete (bash, zsh and fish)

        _emit(argcomplete.shellcode(["coach"], shell=args.shell).rstrip("\n"))
        return EXIT_PASSED
    config, settings = _settings(args)
    if args.command == "config":
        return _show_config(config, settings, args.no_config)
    _apply(args, settings)
    policy = load_policy(args.policy) if args.policy else Policy()
    coach = _make_coach(args)
    if args.command in ("rewrite", "critique"):
        err(f"coach: engine openai (model {coach.model_name})" if coach.engine == "openai" else "coach: engine offline")
    if wants_batch_api(args):
        return run_rewrite_batch(args, coach, policy)
    if args.jsonl is not None:
        if args.files or args.draft is not None:
            raise InputError("give --jsonl alone, without a draft or -f/--file")
        return _run_batch(args, coach, policy)
    customer = _customer(args)
    codes = [_coach_one(args, coach, policy, customer, label, draft) for label, draft in _drafts(args)]
    return _most_serious(codes)


def _coach_one(args: argparse.Namespace, coach: Coach, policy: Policy, customer: str | None, label: str | None,
               draft: str | CoachError) -> int:
    """Coach one draft, print its result (labelled with its file when it has one); its exit code."""
    as_json = args.format == "json"
    try:
        if isinstance(draft, CoachError):
            raise draft
        if args.command == "rewrite":
            result: Any = coach.rewrite(draft, customer=customer, policy=policy)
        else:
            result = getattr(coach, args.command)(draft, customer=customer, policy=policy)
    except CoachError as exc:
        if label is None:
            raise
        err(f"coach: error: {label}: {exc}")
        if as_json:
            _emit(json.dumps({"path": label, "error": str(exc)}, ensure_ascii=False))
        return EXIT_ERROR
    if as_json:
        _emit(result.model_dump_json(indent=2) if label is None else
              json.dumps({"path": label, **result.model_dump(mode="json")}, ensure_ascii=False))
    elif args.command == "rewrite":
        _emit(result.rewrite if label is None else f"==> {label} <==\n{result.rewrite}\n")
        notes = rewrite_notes(result, use_colour(sys.stderr, args.color))
        err(notes if label is None else f"{label}: {notes}")
    else:
        shown = render_check(draft, result, use_colour(sys.stdout, args.color))
        _emit(shown if label is None else f"==> {label} <==\n{shown}\n")
    if getattr(result, "error", None) and args.command == "critique":
        err(f"coach: {result.error}")
    return _verdict_code(result, getattr(args, "fail_on", None))


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


class _Counter:
    """Counts, by exit code, that batch workers in several threads can add to."""

    def __init__(self) -> None:
        self.codes: dict[int, int] = {}
        self._lock = threading.Lock()

    def add(self, code: int) -> None:
        with self._lock:
            self.codes[code] = self.codes.get(code, 0) + 1


def _run_batch(args: argparse.Namespace, coach: Coach, policy: Policy) -> int:
    from .batch import BatchItem, run_batch  # threads and the line schema load only for batches

    seen = _Counter()
    fail_on = getattr(args, "fail_on", None)
    method = coach.rewrite if args.command == "rewrite" else getattr(coach, args.command)

    def work(item: BatchItem) -> dict[str, Any]:
        result = method(item.draft, customer=item.customer, policy=item.merged_policy(policy))
        seen.add(_verdict_code(result, fail_on))
        return result.model_dump(mode="json")

    try:
        with _batch_lines(args.jsonl) as (lines, total):
            summary = run_batch(lines, work, sys.stdout, jobs=getattr(args, "jobs", 1),
                                progress=sys.stderr.isatty(), total=total)
    except BrokenPipeError:
        _silence_stdout()
        err("coach: error: stdout was closed before the batch finished; the rest was not coached")
        return EXIT_ERROR
    if summary.errors:
        err(f"coach: error: {summary.errors} of {summary.items} batch line(s) could not be coached (see their 'error')")
        return EXIT_ERROR
    failing = seen.codes.get(EXIT_FAILED, 0)
    if failing and args.command == "rewrite":
        err(f"coach: {failing} of {summary.items} rewrite(s) still fail the guard (see their 'passed')")
    unassessed = seen.codes.get(EXIT_NOT_ASSESSED, 0)
    if unassessed:
        err(f"coach: {unassessed} of {summary.items} rewrite(s) have no verdict ('passed' is null): lines the coach "
            "wrote itself, in 'review', a doubt the rules cannot settle (an info finding), or a policy condition they "
            "cannot check, in 'unchecked', to read before sending, "
            "or a draft in another language" if args.command ==
            "rewrite" else f"coach: {unassessed} of {summary.items} draft(s) not assessed (another language: "
            "'passed' is null)")
    return _most_serious(list(seen.codes))


def main(argv: list[str] | None = None) -> int:
    _reopen_closed_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # a shell asking for completions (coach completion SHELL)
        import argcomplete

        argcomplete.autocomplete(parser)
    args, rest = parser.parse_known_args(argv)
    if args.command == "eval":
        from .eval import main as eval_main  # the eval harness, its judge and the openai SDK load only here

        return eval_main(argv[argv.index("eval") + 1:])
    if args.command == "practice":
        from .practice import main as practice_main  # role-play with a simulated customer

        return practice_main(argv[argv.index("practice") + 1:])
    if args.command == "batch":
        from .batch_api import batch_main

        return batch_main(argv[argv.index("batch") + 1:])
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        return _run(args)
    except CoachError as exc:
        err(f"coach: error: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err("coach: interrupted")
        return 130
    except BrokenPipeError:  # output this module does not route through _emit: no verdict to keep
        _silence_stdout()
        return EXIT_ERROR
    except Exception as exc:  # a bug or an environment problem: a clear line and exit 2, never exit 1
        err(f"coach: crashed: {type(exc).__name__}: {exc}")
        return EXIT_ERROR


def _reopen_closed_streams() -> None:
    """``coach check DRAFT >&-``: with stdout (or stderr) closed, write to the null device and keep the exit code."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
