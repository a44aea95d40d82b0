"""`coach practice` on a real terminal: tmux runs it, the test types (send-keys) and reads the screen
(capture-pane), as a person would. The tmux server is the test's own (a socket in tmp_path)."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
if TMUX is None:
    pytest.skip("the terminal test needs tmux (apt-get install tmux)", allow_module_level=True)

REPO = Path(__file__).resolve().parents[1]
WAIT_S = 20.0


class Terminal:
    def __init__(self, tmp_path: Path, command: str):
        self.socket = str(tmp_path / "tmux.sock")
        self.tmux("new-session", "-d", "-s", "practice", "-x", "160", "-y", "60",
                  f"cd {shlex.quote(str(tmp_path))} && {command}; echo EXIT=$?; sleep 30")

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, text=True, timeout=10).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", "practice")

    def wait_for(self, text: str, count: int = 1) -> str:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen.count(text) >= count:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} (x{count}) never appeared; the screen:\n{self.screen()}")

    def type(self, line: str) -> None:
        self.tmux("send-keys", "-t", "practice", "-l", line)
        self.tmux("send-keys", "-t", "practice", "Enter")

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path):
    opened = []

    def start(*args: str) -> Terminal:
        command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "coach", "practice", *args])
        opened.append(Terminal(tmp_path, f"env PYTHONPATH={shlex.quote(str(REPO))} NO_COLOR=1 {command}"))
        return opened[-1]

    yield start
    for t in opened:
        t.close()


def test_a_full_interactive_session(terminal, tmp_path):
    t = terminal("--agent", "sam", "--card", "card.json")
    t.wait_for("Pick a scenario")
    t.type("99")
    t.wait_for("unknown scenario '99'")
    t.type("1")
    t.wait_for("you> ")
    t.type("/hint")
    t.wait_for("Hint: Say back what is at stake")
    t.wait_for("you> ", 2)
    t.type("")  # an empty reply: told what to do, nothing recorded
    t.wait_for("type a reply first")
    t.type("Sorry for the inconvenience.")  # a multi-line reply: a blank line sends it
    t.wait_for("...> ")
    t.type("We will look into it.")
    t.type("")
    t.wait_for("Coach on reply 1:")
    t.wait_for("Priya [furious 1/5")
    assert "bland-apology" in t.screen() and "Tip: If you apologise" in t.screen()
    t.type("Thank you for telling me about order A-20931. The present for your son's birthday on Saturday has not "
           "arrived. I'm opening a courier trace now and will email you by 3pm with what they say.")
    t.type("")
    t.wait_for("Priya [frustrated 2/5")
    t.type("/quit")
    screen = t.wait_for("EXIT=0")
    for question in ("How did you feel?", "Did you feel understood?", "Would you call back?"):
        assert question in screen
    assert "Score card: card.json" in screen
    card = json.loads((tmp_path / "card.json").read_text())
    assert card["agent"] == "sam" and card["ended"] == "quit" and card["mood"] == [2, 1, 2]
    assert card["turns"][0]["reply"] == "Sorry for the inconvenience.\nWe will look into it."
    assert card["debrief"]["understood_verdict"] == "partly"


def test_a_closed_terminal_keeps_the_card(terminal, tmp_path):
    t = terminal("bereavement", "--agent", "kim")
    t.wait_for("you> ")
    t.type("Thank you for calling about your father's account 88-3021. I've stopped the direct debit now.")
    t.type("")
    t.wait_for("Coach on reply 1:")
    t.wait_for("you> ", 2)
    t.tmux("kill-session", "-t", "practice")  # the terminal goes away: SIGHUP
    deadline = time.monotonic() + WAIT_S
    cards = []
    while time.monotonic() < deadline:
        cards = [json.loads(p.read_text()) for p in (tmp_path / "practice-cards").glob("kim-bereavement-*.json")]
        if cards and cards[0]["ended"] == "closed":
            break
        time.sleep(0.1)
    assert cards and cards[0]["ended"] == "closed" and cards[0]["replies"] == 1
    assert cards[0]["debrief"]["feel"]


def test_ctrl_d_ends_the_session_with_one_line_and_the_card(terminal, tmp_path):
    t = terminal("double-charge", "--card", "card.json")
    t.wait_for("you> ")
    t.type("Thank you for spotting the two £12.99 charges on account 55-1902. I've passed the duplicate to billing.")
    t.type("")
    t.wait_for("Coach on reply 1:")
    t.wait_for("you> ", 2)
    t.tmux("send-keys", "-t", "practice", "C-d")
    screen = t.wait_for("EXIT=0")
    assert "coach: the input ended; the session so far is saved in card.json" in screen
    card = json.loads((tmp_path / "card.json").read_text())
    assert card["ended"] == "closed" and card["replies"] == 1 and card["debrief"]["call_back"]
