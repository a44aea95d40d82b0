"""Reading the files users point the coach at, with one clear error naming the file."""

from __future__ import annotations

from pathlib import Path

from ._errors import CoachError, InputError

__all__ = ["read_bytes", "read_text"]


def read_bytes(path: str | Path, what: str, error: type[CoachError] = InputError) -> bytes:
    """The bytes of ``path``; a missing or unreadable file is ``error`` ("<what> file not found: <path>")."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{what} file not found: {path}") from None
    except OSError as exc:
        raise error(f"cannot read {what} file {path}: {exc.strerror}") from None


def read_text(path: str | Path, what: str, error: type[CoachError] = InputError) -> str:
    """The UTF-8 text of ``path``; anything else is ``error``, naming the file and the first bad byte."""
    try:
        return read_bytes(path, what, error).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{what} file {path} is not valid UTF-8 (byte {exc.start})") from None
