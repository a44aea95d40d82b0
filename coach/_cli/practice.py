"""``coach practice``: role-play with a simulated customer, coached turn by turn, then the debrief.

    coach practice                                  interactive: a scenario menu, then the session
    coach practice late-parcel --replies FILE --card card.json   the same session from a file (blank lines
                                                                 separate the replies)
    coach practice --list                           the scenarios
    coach practice report CARDS... --out report.html   a team's report from many score cards

Exit codes: 0 the session ran (whatever the customer thought of it); 2 an error (usage, input, model).
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from .._core.errors import CoachError, InputError
from .._core.files import read_text
from .._engines.base import EngineSettings
from .._engines.options import add_engine_options
from .._practice import (
    PracticeSession,
    Scenario,
    ScoreCard,
    Turn,
    build_card,
    builtin_scenarios,
    find_scenario,
    load_scenario,
    make_customer,
    mood_label,
    save_card,
)
from .render import err, use_colour

__all__ = ["main", "build_parser"]

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "suggestion": "\x1b[2m"}
_MOOD_COLOURS = {1: "\x1b[1;31m", 2: "\x1b[31m", 3: "\x1b[33m", 4: "\x1b[32m", 5: "\x1b[1;32m"}
_RESET = "\x1b[0m"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="coach practice",
        description="Role-play a customer conversation: each reply is coached, the customer's mood moves with it, "
                    "and the session ends with the workshop's three questions and a score card.",
        epilog="`coach practice report CARDS... --out report.html` makes a team report. "
               "Exit codes: 0 the session ran; 2 an error.",
    )
    p.add_argument("scenario", nargs="?", help="scenario id or number (see --list); absent: a menu on the terminal")
    p.add_argument("--scenario", dest="scenario_files", metavar="PATH", action="append", type=Path, default=[],
                   help="a scenario TOML file of your own (repeatable); its id can then be chosen")
    p.add_argument("--list", action="store_true", help="list the scenarios and exit")
    p.add_argument("--replies", metavar="FILE", help="run without a terminal: the replies, separated by blank "
                                                     "lines ('-' reads stdin)")
    p.add_argument("--card", metavar="PATH", type=Path, help="write the score card (JSON) here; interactive "
                                                             "sessions default to practice-cards/")
    p.add_argument("--agent", help="who is practising, for the card (default: your login name)")
    p.add_argument("--card-schema", action="store_true", help="print the score card's JSON schema and exit")
    add_engine_options(p)
    return p


def build_report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="coach practice report",
                                description="Turn many score cards into one self-contained HTML page, with a "
                                            "chart per agent and per rule.")
    p.add_argument("cards", nargs="+", type=Path, help="score card JSON files (from coach practice --card)")
    p.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    return p


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["report"]:
            return _report(build_report_parser().parse_args(argv[1:]))
        return _run(build_parser().parse_args(argv))
    except CoachError as exc:
        err(f"coach: error: {exc}")
        return 2
    except BrokenPipeError:
        return 0


def _report(args: argparse.Namespace) -> int:
    from .._practice.report import write_report  # matplotlib loads only for a report

    count = write_report(args.cards, args.out)
    err(f"coach: report of {count} score card(s) written to {args.out}")
    return 0


def _own_scenarios(args: argparse.Namespace) -> tuple[Scenario, ...]:
    return tuple(load_scenario(path) for path in args.scenario_files)


def _run(args: argparse.Namespace) -> int:
    if args.card_schema:
        import json

        print(json.dumps(ScoreCard.model_json_schema(), indent=2))
        return 0
    own = _own_scenarios(args)
    if args.list:
        print(_listing((*own, *builtin_scenarios())))
        return 0
    settings = EngineSettings.resolve(engine=args.engine, model=args.model, base_url=args.base_url,
                                      timeout=args.timeout, max_tokens=args.max_tokens)
    agent = args.agent or _login()
    if args.replies is not None:
        scenario = _choose(args.scenario, own)
        return _scripted_run(scenario, settings, agent, args)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError("coach practice needs a terminal for a live session; without one, pass a scenario and "
                         "--replies FILE")
    from .practice_terminal import run_interactive  # the line editor loads only on a terminal

    return run_interactive(args.scenario, own, settings, agent, args.card)


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return os.environ.get("USER") or "agent"


def _choose(name: str | None, own: tuple[Scenario, ...]) -> Scenario:
    if name is None:
        if len(own) == 1:
            return own[0]
        raise InputError("name the scenario to practise (coach practice --list shows them)")
    return find_scenario(name, own)


def _listing(scenarios: tuple[Scenario, ...]) -> str:
    width = max(len(s.id) for s in scenarios)
    return "\n".join(f"{n:>2}. {s.id:<{width}}  {s.channel:<5}  {s.title} ({s.situation})"
                     for n, s in enumerate(scenarios, 1))


def split_replies(text: str) -> list[str]:
    """The replies in ``text``: blocks separated by one or more blank lines, each stripped."""
    return [block.strip() for block in _BLANK_LINES.split(text.replace("\r\n", "\n")) if block.strip()]


def _scripted_run(scenario: Scenario, settings: EngineSettings, agent: str, args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.replies == "-" else read_text(args.replies, "replies")
    replies = split_replies(text)
    if not replies:
        raise InputError(f"the replies file {args.replies} holds no reply: write each reply as a paragraph, "
                         "with a blank line between replies")
    session = PracticeSession(scenario, make_customer(settings))
    out = Printer(sys.stdout)
    out.opening(scenario, session)
    unused = 0
    try:
        for n, reply in enumerate(replies, 1):
            if session.over:
                unused = len(replies) - n + 1
                break
            out.turn(session.reply(reply), name=scenario.customer.name)
    except CoachError as exc:
        session.stop("quit")
        _finish(session, agent, args.card, out, quiet=True)
        where = f"reply {len(session.state.turns) + 1}"
        raise CoachError(f"{where}: {exc}" + (f"; the session so far is in {args.card}" if args.card else "")) from None
    if not session.over:
        session.stop("quit")
    if unused:
        err(f"coach: the session ended after reply {len(replies) - unused}; {unused} more reply(ies) not used")
    _finish(session, agent, args.card, out)
    return 0


def _finish(session: PracticeSession, agent: str, card_path: Path | None, out: "Printer", *,
            quiet: bool = False) -> ScoreCard:
    debrief = session.debrief()
    card = build_card(session.scenario, session.state, debrief, agent=agent)
    if card_path is not None:
        save_card(card, card_path)
    if not quiet:
        out.debrief(card, card_path)
    return card


def default_card_path(scenario: Scenario, agent: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", agent)[:40] or "agent"
    return Path("practice-cards") / f"{safe}-{scenario.id}-{stamp}.json"


class Printer:
    """The session as text: the customer's words with their mood, each reply's findings and tip, the debrief."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.colour = use_colour(stream)

    def _paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour and text else text

    def line(self, text: str = "") -> None:
        print(text, file=self.stream, flush=True)

    def mood(self, mood: int, before: int | None = None) -> str:
        arrow = "" if before is None or before == mood else (" ↑" if mood > before else " ↓")
        return self._paint(f"{mood_label(mood)} {mood}/5{arrow}", _MOOD_COLOURS[mood])

    def opening(self, scenario: Scenario, session: PracticeSession) -> None:
        self.line(f"Scenario: {scenario.title} ({scenario.channel}, {scenario.situation})")
        self.line(f"Customer: {scenario.customer.name} - {scenario.customer.about}")
        self.line(f"Played by: {session.state.customer_kind} customer · up to {scenario.max_turns} replies")
        self.line()
        self.line(f"{scenario.customer.name} [{self.mood(session.state.start_mood)}]: {session.state.opening}")

    def turn(self, turn: Turn, *, name: str = "Customer") -> None:
        self.line()
        self.line(f"Coach on reply {turn.number}:")
        if not turn.findings:
            self.line("  ✓ no findings")
        for f in turn.findings:
            quote = f' "{f.quote}"' if f.quote else ""
            self.line(f"  {self._paint(f.severity.upper().ljust(10), _COLOURS[f.severity])} {f.rule}{quote}")
        said = "said your customer's problem back" if turn.restated else "did not say the problem back"
        step = "gave a concrete step" if turn.next_step else "gave no concrete step"
        self.line(f"  ({said}; {step})")
        self.line(f"  Tip: {turn.tip}")
        self.line()
        self.line(f"{name} [{self.mood(turn.mood_after, turn.mood_before)}]: {turn.customer_after}")

    def debrief(self, card: ScoreCard, card_path: Path | None) -> None:
        endings = {"resolved": "the customer was reassured", "unresolved": "the replies ran out",
                   "walk_out": "the customer gave up", "quit": "you stopped", "closed": "the terminal closed",
                   "open": "still open"}
        self.line()
        self.line(f"Session over: {endings[card.ended]}. Mood: " + " → ".join(str(m) for m in card.mood))
        if card.debrief is not None:
            self.line("Debrief, in the customer's words:")
            self.line(f"  How did you feel? {card.debrief.feel}")
            self.line(f"  Did you feel understood? {card.debrief.understood}")
            self.line(f"  Would you call back? {card.debrief.call_back}")
        if card.best_reply and card.worst_reply and card.replies > 1:
            self.line(f"Best reply: number {card.best_reply.turn}; worst: number {card.worst_reply.turn}")
        self.line(f"Practise next: {card.practise_next.tip}")
        if card_path is not None:
            self.line(f"Score card: {card_path}")
