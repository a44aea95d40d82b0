"""The live practice session on a terminal: a scenario menu, multi-line replies (a blank line sends),
``/hint``, ``/quit``. The score card is saved after every reply, so a closed terminal loses nothing."""

from __future__ import annotations

import errno
import signal
import sys
from pathlib import Path

from .._core.errors import CoachError
from .._engines.base import EngineSettings
from .._practice import PracticeSession, Scenario, build_card, builtin_scenarios, find_scenario, make_customer, save_card
from .practice import Printer, _finish, _listing, default_card_path
from .render import err

__all__ = ["run_interactive"]

HELP = "Type your reply; a blank line sends it. /hint for a hint, /quit to stop and get the debrief."


class TerminalClosed(Exception):
    """The terminal went away (SIGHUP), or its input ended (Ctrl+D); the message says which."""


def _on_hangup(signum, frame):  # noqa: ANN001 - a signal handler's signature
    # a terminal that goes away can send its hangup twice (tmux, then the kernel for the session): the second must
    # not interrupt the card being saved after the first
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    raise TerminalClosed("the terminal closed")


def _read(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a closing terminal ends the input first, then hangs up
        raise TerminalClosed("the input ended") from None
    except OSError:  # the terminal hung up under the read (EIO) before its SIGHUP was handled
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        raise TerminalClosed("the terminal closed") from None


def _menu(own: tuple[Scenario, ...], out: Printer) -> Scenario | None:
    scenarios = (*own, *builtin_scenarios())
    out.line("Practice scenarios:")
    out.line(_listing(scenarios))
    while True:
        choice = _read("Pick a scenario (number or id; q to leave): ").strip()
        if choice.lower() in ("q", "quit", "/quit"):
            return None
        if not choice:
            continue
        try:
            return find_scenario(choice, own)
        except CoachError as exc:
            out.line(f"coach: {exc}")


def _read_reply(out: Printer) -> str:
    """One reply: lines until a blank line (a command alone on the first line acts at once)."""
    lines: list[str] = []
    while True:
        line = _read("you> " if not lines else "...> ")
        if not lines and line.strip().startswith("/"):
            return line.strip()
        if not line.strip():
            if lines:
                return "\n".join(lines).strip()
            out.line("coach: type a reply first (a blank line sends it; /quit ends the session)")
            continue
        lines.append(line)


def run_interactive(name: str | None, own: tuple[Scenario, ...], settings: EngineSettings, agent: str,
                    card_path: Path | None) -> int:
    try:
        import readline  # noqa: F401 - line editing and history for input()
    except ImportError:  # pragma: no cover - not on every platform
        pass
    out = Printer(sys.stdout)
    previous = signal.signal(signal.SIGHUP, _on_hangup)
    session: PracticeSession | None = None
    try:
        scenario = find_scenario(name, own) if name else _menu(own, out)
        if scenario is None:
            return 0
        card_path = card_path or default_card_path(scenario, agent)
        session = PracticeSession(scenario, make_customer(settings))
        out.line()
        out.opening(scenario, session)
        out.line(HELP)
        while not session.over:
            out.line()
            reply = _read_reply(out)
            if reply == "/quit":
                session.stop("quit")
                break
            if reply == "/hint":
                out.line(f"Hint: {scenario.hint}")
                out.line(f"The customer wants: {scenario.wants}")
                continue
            if reply.startswith("/"):
                out.line(f"coach: unknown command {reply.split()[0]}: {HELP}")
                continue
            try:
                turn = session.reply(reply)
            except CoachError as exc:  # an over-long reply, a model that failed: say so, keep the session
                out.line(f"coach: {exc}")
                continue
            out.turn(turn, name=scenario.customer.name)
            save_card(build_card(scenario, session.state, None, agent=agent), card_path)
        _finish(session, agent, card_path, out)
        return 0
    except (TerminalClosed, KeyboardInterrupt, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno not in (errno.EIO, errno.EPIPE):
            raise
        # (a terminal that went away while a turn was being printed fails the write before its SIGHUP is handled)
        try:
            return _closed(exc, session, card_path, agent, out)
        except TerminalClosed:  # the hangup that follows an ended input (EOF first, SIGHUP a moment later) landed
            # while the card was being saved; the handler ignores any further hangup, so saving again finishes
            return _closed(exc, session, card_path, agent, out)
    finally:
        signal.signal(signal.SIGHUP, previous)


def _closed(exc: BaseException, session: PracticeSession | None, card_path: Path | None, agent: str,
            out: Printer) -> int:
    """The session ends with the terminal (or Ctrl+C): the card is saved, and one line says where."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a second hangup must not cut the card's saving short
    closed = not isinstance(exc, KeyboardInterrupt)
    what = "the terminal closed" if isinstance(exc, OSError) else str(exc) if closed else "interrupted"
    if session is None or card_path is None:
        _say(f"coach: {what} before a session started")
        return 0 if closed else 130
    session.stop("closed" if closed else "quit")
    _finish(session, agent, card_path, out, quiet=True)
    _say(f"coach: {what}; the session so far is saved in {card_path}")
    return 0 if closed else 130


def _say(line: str) -> None:
    """One line on stderr, if there is still somewhere to write it."""
    try:
        err(line)
    except OSError:
        pass
