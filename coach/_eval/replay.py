"""Record and replay an eval's LLM calls with vcrpy, so CI evals are free and deterministic.

One cassette per prompt id and model (plus the judge's model when judging), under ``evals/cassettes/``.
Requests match on method, path and body: the body holds the model, the rendered prompt and the case, so a
changed prompt, model or case finds no recording. Under ``--replay`` the cassette is read-only and every
miss is collected; the run then stops with exit code 2 instead of silently scoring a fallback.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .._core.errors import CoachError
from .._engines.openai.cassettes import scrub_request, scrub_response

__all__ = [
    "cassette_path", "Recorder", "ReplayMiss", "recording", "check_replay", "REPLAY_BASE_URL", "REPLAY_API_KEY",
]

#: The base URL and key a replayed run uses when none is given: never contacted (vcrpy answers first).
REPLAY_BASE_URL = "http://127.0.0.1:9/v1"
REPLAY_API_KEY = "replay"


class ReplayMiss(CoachError):
    """A replayed run made requests the cassette has no recording for."""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "default"


def cassette_path(directory: str | Path, prompt: str | None, model: str | None, judge_model: str | None = None) -> Path:
    name = f"{_slug(prompt or 'default')}--{_slug(model or 'default')}"
    if judge_model:
        name += f"--judge-{_slug(judge_model)}"
    return Path(directory) / f"{name}.yaml"


@dataclass
class Recorder:
    path: Path
    mode: str
    misses: list[str] = field(default_factory=list)
    played: int = 0
    recorded: int = 0


@contextlib.contextmanager
def recording(path: Path, *, replay: bool) -> Iterator[Recorder]:
    """Replay from (``replay=True``) or record into (``replay=False``) the cassette at ``path``."""
    try:
        import vcr
    except ImportError:  # pragma: no cover - vcrpy ships with the [test] extra
        raise CoachError("--replay/--record need vcrpy: pip install 'reply-coach[test]'") from None
    if replay and not path.is_file():
        raise ReplayMiss(f"no cassette to replay: {path} (record it first with --record against a live server)")
    if not replay:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()  # a recording is a fresh snapshot, never a mix of two prompts
    recorder = Recorder(path=path, mode="none" if replay else "all")
    machine = vcr.VCR(
        record_mode=recorder.mode,
        match_on=["method", "path", "body"],
        before_record_request=scrub_request,
        before_record_response=scrub_response,
        decode_compressed_response=True,
    )
    lock = threading.Lock()
    with machine.use_cassette(str(path)) as cassette:
        can_play = cassette.can_play_response_for

        def spy(request):  # noqa: ANN001 - vcrpy's Request
            ok = can_play(request)
            if not ok and replay:
                body = request.body or b""
                if isinstance(body, bytes):
                    body = body.decode("utf-8", "replace")
                with lock:
                    recorder.misses.append(f"{request.method} {request.path} {body}")
            return ok

        cassette.can_play_response_for = spy
        try:
            yield recorder
        finally:
            recorder.played = cassette.play_count
            recorder.recorded = len(cassette.data) if not replay else 0


def check_replay(recorder: Recorder) -> None:
    """Raise ``ReplayMiss`` when a replayed run asked for anything the cassette lacks."""
    if recorder.misses:
        first = recorder.misses[0][:200]
        raise ReplayMiss(
            f"{len(recorder.misses)} request(s) are not in {recorder.path} (the prompt, model or suite changed "
            f"since it was recorded; re-record with --record). First: {first}"
        )
