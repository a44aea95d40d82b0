"""How the practice terminal reads a line when the terminal goes away under it."""

import builtins

import pytest

from coach._cli import practice_terminal
from coach._cli.practice_terminal import TerminalClosed


@pytest.mark.parametrize(("raised", "said"), [(EOFError, "the input ended"), (OSError(5, "EIO"), "the terminal closed")])
def test_a_read_that_fails_with_the_terminal_ends_the_session_instead_of_crashing(monkeypatch, raised, said):
    def gone(prompt):
        raise raised

    monkeypatch.setattr(builtins, "input", gone)
    with pytest.raises(TerminalClosed, match=said):
        practice_terminal._read("you> ")
