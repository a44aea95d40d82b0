"""What every engine shares: the engine names, the defaults, typed settings and the ``Engine`` protocol."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from .._core.errors import ModelConfigError
from .._core.policy import Policy
from .._core.results import CritiqueResult, RewriteResult

__all__ = [
    "ENGINE_NAMES", "EngineName", "DEFAULT_ENGINE", "DEFAULT_TIMEOUT", "DEFAULT_MAX_TOKENS", "DEFAULT_MAX_ATTEMPTS",
    "DEFAULT_PROMPT", "EngineSettings", "EngineFailed", "Engine",
]

EngineName = Literal["auto", "offline", "openai"]
#: ``auto`` picks ``openai`` when a client, key or base URL is configured, else ``offline``.
ENGINE_NAMES: tuple[EngineName, ...] = ("auto", "offline", "openai")
DEFAULT_ENGINE: EngineName = "auto"
#: Seconds per model request.
DEFAULT_TIMEOUT = 30.0
#: The longest model answer, in tokens.
DEFAULT_MAX_TOKENS = 1024
#: Model answers per draft before the API falls back to the offline rewrite.
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_PROMPT = "rewrite.v1"


@dataclass(frozen=True)
class EngineSettings:
    """Where the model engine's configuration comes from: arguments first, then the environment."""

    engine: EngineName = DEFAULT_ENGINE
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    client: Any = field(default=None, repr=False)
    prompt: str = DEFAULT_PROMPT
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    budget: float | None = None
    max_tokens: int = DEFAULT_MAX_TOKENS

    @classmethod
    def resolve(cls, **given: Any) -> "EngineSettings":
        engine = given.get("engine", DEFAULT_ENGINE)
        if engine not in ENGINE_NAMES:
            raise ModelConfigError(f"unknown engine {engine!r}: choose {', '.join(ENGINE_NAMES)}")
        given["model"] = given.get("model") or os.environ.get("COACH_MODEL") or None
        given["base_url"] = given.get("base_url") or os.environ.get("OPENAI_BASE_URL") or None
        given["api_key"] = given.get("api_key") or os.environ.get("OPENAI_API_KEY") or None
        given["timeout"] = float(given.get("timeout", DEFAULT_TIMEOUT))
        return cls(**given)

    def chosen_engine(self, override: EngineName | None = None) -> Literal["offline", "openai"]:
        """The engine to use: ``override`` or the configured one, with ``auto`` resolved."""
        engine = override or self.engine
        if engine not in ENGINE_NAMES:
            raise ModelConfigError(f"unknown engine {engine!r}: choose {', '.join(ENGINE_NAMES)}")
        if engine == "auto":
            configured = self.client is not None or self.api_key or self.base_url
            return "openai" if configured else "offline"
        return engine


@dataclass(frozen=True)
class EngineFailed:
    """An engine's word that it could not produce a result it stands behind.

    ``error`` says why, for the result's ``error`` field; ``details`` are the result fields the engine
    still has to report (model, calls, usage, its own findings...). The API decides what to do next:
    today, fall back to the offline engine and merge ``details`` into that result.
    """

    error: str
    details: dict[str, Any] = field(default_factory=dict)


class Engine(Protocol):
    """A rewrite engine (sync form; an async engine has the same methods as coroutines)."""

    def rewrite(self, draft: str, customer: str | None, policy: Policy) -> RewriteResult | EngineFailed: ...

    def critique(self, draft: str, customer: str | None, policy: Policy) -> CritiqueResult | EngineFailed: ...
