"""Practice scenarios as data: one TOML file per scenario, validated when it loads.

A scenario holds the customer (persona, starting mood), their problem and its facts, what the policy
allows (and refuses), what the customer actually wants, and the scripted customer's lines by how the
agent's last reply went. The built-in ones live in ``coach/_practice/scenarios/``; a team adds its own
with ``coach practice --scenario PATH``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from .._core.errors import InputError, describe_errors
from .._core.files import read_text
from .._core.policy import Policy
from .._core.rules import RULE_IDS

__all__ = [
    "Channel", "Mood", "MOOD_LABELS", "Persona", "Problem", "CustomerLines", "Scenario", "ScenarioError",
    "load_scenario", "builtin_scenarios", "find_scenario", "SCENARIO_DIR",
]

SCENARIO_DIR = Path(__file__).with_name("scenarios")
Channel = Literal["chat", "email", "phone"]
#: The customer's mood, 1 (furious) to 5 (reassured).
Mood = Annotated[int, Field(ge=1, le=5)]
MOOD_LABELS = {1: "furious", 2: "frustrated", 3: "uneasy", 4: "calmer", 5: "reassured"}
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class ScenarioError(InputError):
    """A scenario that cannot be found or does not validate."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Persona(_Strict):
    name: Line
    about: Line = Field(description="who the customer is, in a sentence or two")
    mood: Mood = Field(description="the mood the customer starts in")


class Problem(_Strict):
    summary: Line = Field(description="the problem, as the agent should come to understand it")
    facts: dict[str, Line] = Field(default_factory=dict, description="order ids, dates, amounts...")
    key_terms: list[Line] = Field(min_length=1, description="words that show a reply says the problem back")


class CustomerLines(_Strict):
    """The scripted customer's turns; each list is used in order, round and round."""

    opening: Line
    worse: list[Line] = Field(min_length=1, description="after a hollow or risky reply")
    same: list[Line] = Field(min_length=1, description="after a reply that half helps")
    better: list[Line] = Field(min_length=1, description="after a reply that says the problem back and gives a step")
    resolved: Line = Field(description="the customer's last words when they are reassured")
    unresolved: Line = Field(description="the last words when the turns run out")
    walk_out: Line = Field(description="the last words when the customer gives up")
    on_rule: dict[str, Line] = Field(default_factory=dict,
                                     description="a reply whose most severe finding is this rule gets this line")

    @field_validator("on_rule")
    @classmethod
    def _known_rules(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(RULE_IDS))
        if unknown:
            raise ValueError(f"unknown rule id(s) {', '.join(unknown)}; use {', '.join(RULE_IDS)}")
        return value


class Scenario(_Strict):
    id: str
    title: Line
    channel: Channel
    situation: Line
    customer: Persona
    problem: Problem
    wants: Line = Field(description="what the customer actually wants")
    policy: list[Line] = Field(default_factory=list, description="what the team's policy allows")
    refuses: list[Line] = Field(default_factory=list, description="what the policy does not allow")
    hint: Line = Field(description="what a good reply does here, for /hint")
    max_turns: int = Field(default=4, ge=1, le=12, description="agent replies before the customer stops")
    lines: CustomerLines

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError("must be a short slug: lower-case letters, digits and hyphens")
        return value

    @model_validator(mode="after")
    def _policy_parses(self) -> "Scenario":
        Policy(commitments=list(self.policy))
        return self

    @property
    def team_policy(self) -> Policy:
        """The scenario's policy as the checker reads it: what the agent may commit to."""
        return Policy(commitments=list(self.policy))


def load_scenario(path: str | Path) -> Scenario:
    """A scenario from a TOML file; every problem is one ``ScenarioError`` line naming the file."""
    path = Path(path)
    text = read_text(path, "scenario", ScenarioError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"scenario file {path} is not valid TOML: {exc}") from None
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(f"scenario file {path} is invalid: {describe_errors(exc)}") from None


@lru_cache(maxsize=1)
def builtin_scenarios() -> tuple[Scenario, ...]:
    """The scenarios shipped with the coach, in file-name order."""
    return tuple(load_scenario(path) for path in sorted(SCENARIO_DIR.glob("*.toml")))


def find_scenario(name: str, extra: tuple[Scenario, ...] = ()) -> Scenario:
    """A scenario by id (or by its number in the list, from 1), among ``extra`` and the built-in ones."""
    scenarios = (*extra, *builtin_scenarios())
    for scenario in scenarios:
        if scenario.id == name:
            return scenario
    if name.isdecimal() and 1 <= int(name) <= len(scenarios):
        return scenarios[int(name) - 1]
    if name.endswith(".toml") or "/" in name:
        return load_scenario(name)
    raise ScenarioError(f"unknown scenario {name!r}: `coach practice --list` shows them "
                        f"({', '.join(s.id for s in scenarios[:4])}, ...)")
