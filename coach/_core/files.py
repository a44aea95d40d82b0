"""Reading the files users point the coach at, with one clear error naming the file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import CoachError, InputError

__all__ = ["open_binary", "read_bytes", "read_text"]


@contextmanager
def _named_errors(path: Path, what: str, error: type[CoachError]) -> Iterator[None]:
    try:
        yield
    except FileNotFoundError:
        raise error(f"{what} file not found: {path}") from None
    except OSError as exc:
        raise error(f"cannot read {what} file {path}: {exc.strerror}") from None


@contextmanager
def open_binary(path: str | Path, what: str, error: type[CoachError] = InputError) -> Iterator[BinaryIO]:
    """``path`` opened for reading bytes (a large file is then read as it is needed)."""
    path = Path(path)
    with _named_errors(path, what, error):
        handle = path.open("rb")
    with handle:
        yield handle


def read_bytes(path: str | Path, what: str, error: type[CoachError] = InputError) -> bytes:
    """The bytes of ``path``; a missing or unreadable file is ``error`` ("<what> file not found: <path>")."""
    path = Path(path)
    with _named_errors(path, what, error):
        return path.read_bytes()


def read_text(path: str | Path, what: str, error: type[CoachError] = InputError) -> str:
    """The UTF-8 text of ``path``; anything else is ``error``, naming the file and the first bad byte."""
    try:
        return read_bytes(path, what, error).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{what} file {path} is not valid UTF-8 (byte {exc.start})") from None
