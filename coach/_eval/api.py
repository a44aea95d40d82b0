"""``run_eval``: the eval harness as one function (what ``coach eval`` does before comparing and reporting)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from .._api import Coach
from .._engines.base import DEFAULT_TIMEOUT
from .cases import Suite, load_suite
from .judge import Judge, ResponseFormat
from .paths import default_cassette_dir, default_suite
from .replay import REPLAY_API_KEY, REPLAY_BASE_URL, cassette_path, check_replay, recording
from .results import EvalRun
from .runner import Progress, RunOptions, run_suite
from .scorers import DEFAULT_SCORERS

__all__ = ["run_eval", "make_coach", "make_judge"]


def make_coach(
    *, engine: str = "offline", model: str | None = None, base_url: str | None = None, timeout: float = DEFAULT_TIMEOUT,
    prompt: str | None = None, replay: bool = False,
) -> Coach:
    """The ``Coach`` an eval runs; under replay it points at a URL vcrpy answers, with a dummy key."""
    kwargs: dict[str, Any] = {"engine": engine, "model": model, "timeout": timeout}
    if prompt:
        kwargs["prompt"] = prompt
    if replay:
        kwargs.update(base_url=base_url or REPLAY_BASE_URL, api_key=REPLAY_API_KEY)
    else:
        kwargs["base_url"] = base_url
    return Coach(**kwargs)


def make_judge(
    *, model: str, base_url: str | None = None, prompt: str = "judge.v1", response_format: ResponseFormat = "json_schema",
    timeout: float = 60.0, replay: bool = False, client: Any = None,
) -> Judge:
    """A judge over an OpenAI client (or the given ``client``); under replay the client points at vcrpy."""
    if client is None:
        import os

        from openai import OpenAI

        client = OpenAI(
            base_url=(base_url or REPLAY_BASE_URL) if replay else (base_url or os.environ.get("OPENAI_BASE_URL")),
            api_key=REPLAY_API_KEY if replay else (os.environ.get("OPENAI_API_KEY") or "not-needed"),
            timeout=timeout,
            max_retries=0 if replay else 2,
        )
    return Judge(client, model, prompt=prompt, response_format=response_format)


def run_eval(
    suite: str | Path | Suite | None = None,
    *,
    coach: Any = None,
    engine: str = "offline",
    model: str | None = None,
    base_url: str | None = None,
    prompt: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    jobs: int = 1,
    repeat: int = 1,
    pass_k: int | None = None,
    scorers: tuple[str, ...] = DEFAULT_SCORERS,
    judge: Judge | None = None,
    replay: bool = False,
    record: bool = False,
    cassette_dir: str | Path | None = None,
    price_per_1k: float = 0.0,
    progress: Progress | None = None,
) -> EvalRun:
    """Run a suite (default: the packaged gold suite) and return the scored ``EvalRun``.

    ``coach`` may be any object with ``rewrite(draft, customer=, policy=)`` (tests pass fakes); otherwise one
    is built from ``engine``/``model``/``base_url``/``prompt``. ``replay`` answers every HTTP call from the
    cassette for this prompt and model (a miss raises ``ReplayMiss``); ``record`` writes that cassette.
    """
    if replay and record:
        raise ValueError("choose --replay or --record, not both")
    if not isinstance(suite, Suite):
        suite = load_suite(suite or default_suite())
    if coach is None:
        coach = make_coach(engine=engine, model=model, base_url=base_url, timeout=timeout, prompt=prompt, replay=replay)
    options = RunOptions(repeat=repeat, pass_k=pass_k, jobs=jobs, scorers=tuple(scorers), judge=judge,
                         price_per_1k=price_per_1k, replay=replay)
    tape = contextlib.nullcontext(None)
    if replay or record:
        settings = getattr(coach, "settings", None)
        path = cassette_path(
            cassette_dir or default_cassette_dir(),
            prompt or getattr(coach, "prompt", None),
            model or getattr(settings, "model", None),
            judge.model if judge is not None else None,
        )
        tape = recording(path, replay=replay)
    with tape as recorder:
        run = run_suite(suite, coach, options, progress=progress)
    if recorder is not None and replay:
        check_replay(recorder)
    return run
