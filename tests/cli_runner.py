"""Run `coach` in process, as the tests do: the exit code, stdout and stderr (stdin given as bytes)."""

import io
import sys

from coach._cli.main import main


def run(capsys, monkeypatch, argv, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err
