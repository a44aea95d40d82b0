"""Settings the CLI reads from a config file: ``.coach.toml``, or ``[tool.coach]`` in ``pyproject.toml``.

The file is looked up from the working directory upwards, as ruff and pytest do: in each folder a
``.coach.toml`` first, then a ``pyproject.toml`` that has a ``[tool.coach]`` table; the first found wins.
A value comes from, in order: the command line, the environment (``$COACH_MODEL``, ``$OPENAI_BASE_URL``),
the config file, the built-in default. ``policy`` is a path relative to the file that names it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._core.errors import InputError
from .._core.files import read_bytes
from .._core.results import SEVERITY_RANK
from .._engines.base import DEFAULT_ENGINE, DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT, ENGINE_NAMES

__all__ = ["ConfigFile", "Setting", "KEYS", "find_config", "load_config", "resolve", "COLOR_MODES"]

COLOR_MODES = ("auto", "always", "never")
CONFIG_NAME = ".coach.toml"


class ConfigError(InputError):
    """A config file that cannot be used (not TOML, an unknown key, a value of the wrong kind)."""


def _choice(options: tuple[str, ...] | list[str]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value not in options:
            raise ValueError(f"must be one of {', '.join(options)}")
        return value
    return check


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value


def _positive(kind: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0 or (
                kind is int and not isinstance(value, int)):
            raise ValueError(f"must be a positive {'whole number' if kind is int else 'number'}")
        return kind(value)
    return check


#: Key: (check, built-in default, environment variable that beats the file or None).
KEYS: dict[str, tuple[Callable[[Any], Any], Any, str | None]] = {
    "policy": (_text, None, None),
    "engine": (_choice(ENGINE_NAMES), DEFAULT_ENGINE, None),
    "model": (_text, None, "COACH_MODEL"),
    "base_url": (_text, None, "OPENAI_BASE_URL"),
    "timeout": (_positive(float), DEFAULT_TIMEOUT, None),
    "max_tokens": (_positive(int), DEFAULT_MAX_TOKENS, None),
    "fail_on": (_choice(list(SEVERITY_RANK)), "warning", None),
    "color": (_choice(COLOR_MODES), "auto", None),
}


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    values: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.path} [tool.coach]" if self.path.name == "pyproject.toml" else str(self.path)


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # "command line", "$COACH_MODEL", the config file's label, or "default"


def _table(path: Path) -> dict[str, Any] | None:
    """The coach's table in ``path`` (None for a pyproject.toml without one)."""
    try:
        data = tomllib.loads(read_bytes(path, "config", ConfigError).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("coach")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"config file {path}: [tool.coach] must be a table")
    return table


def find_config(start: Path) -> Path | None:
    """The nearest ``.coach.toml``, or ``pyproject.toml`` with ``[tool.coach]``, from ``start`` upwards."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and _table(project) is not None:
            return project
    return None


def load_config(path: Path) -> ConfigFile:
    """``path``'s settings, checked: an unknown key or a wrong value is a ``ConfigError`` naming both."""
    table = _table(path)
    if table is None:
        raise ConfigError(f"config file {path} has no [tool.coach] table")
    values: dict[str, Any] = {}
    for key, raw in table.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise ConfigError(f"config file {path}: unknown key {key!r} (known: {', '.join(KEYS)})")
        try:
            values[name] = KEYS[name][0](raw)
        except ValueError as exc:
            raise ConfigError(f"config file {path}: {key} {exc}, not {raw!r}") from None
    if "policy" in values:
        values["policy"] = str((path.parent / values["policy"]).resolve())
    return ConfigFile(path.resolve(), values)


def resolve(given: dict[str, Any], config: ConfigFile | None) -> dict[str, Setting]:
    """Every key's value and where it came from; ``given`` holds the command line's (None: not given)."""
    settings = {}
    for key, (_, default, env) in KEYS.items():
        if given.get(key) is not None:
            settings[key] = Setting(given[key], "command line")
        elif env and os.environ.get(env):
            settings[key] = Setting(os.environ[env], f"${env}")
        elif config is not None and key in config.values:
            settings[key] = Setting(config.values[key], config.label)
        else:
            settings[key] = Setting(default, "default")
    return settings
