"""Load the rulebook (``coach/rules/*.toml``) into compiled, ready-to-match rules."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import CoachError

__all__ = ["Rule", "load_rules", "RULES_DIR", "RULE_IDS"]

RULES_DIR = Path(__file__).with_name("rules")
#: The public rule ids, in GUIDANCE.md's order, plus the policy's ``banned-phrase``.
RULE_IDS = (
    "broken-promise", "bland-apology", "pity", "parroting", "vague-effort",
    "no-next-step", "no-acknowledgement", "no-thanks", "banned-phrase",
)
_FLAGS = re.I | re.M


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    kind: str
    message: str
    suggestion: str
    data: dict[str, Any] = field(default_factory=dict)

    def pattern(self, key: str) -> re.Pattern[str]:
        """One regex from ``key``: a string pattern, or a list of patterns/phrases joined as alternatives."""
        return _compile(self.id, key, _as_tuple(self.data[key]))

    def words(self, key: str) -> frozenset[str]:
        return _word_set(_as_tuple(self.data.get(key, ())))


def _as_tuple(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@lru_cache(maxsize=None)
def _word_set(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


@lru_cache(maxsize=None)
def _compile(rule_id: str, key: str, items: tuple[str, ...]) -> re.Pattern[str]:
    parts: list[str] = []
    phrases: list[str] = []
    for item in [*items, None]:
        # A plain phrase (letters, spaces, apostrophes) is matched as whole words; anything else is a regex.
        if item is not None and re.fullmatch(r"[\w '’%-]+", item):
            phrases.append(r"\s+".join(map(re.escape, item.split())))
            continue
        if phrases:  # a run of phrases shares one word-boundary test: same matches, several times faster
            parts.append(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")
            phrases = []
        if item is not None:
            parts.append(item)
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts), _FLAGS)
    except re.error as exc:
        raise CoachError(f"rule {rule_id!r}: bad pattern in {key!r}: {exc}") from None


@lru_cache(maxsize=4)
def load_rules(directory: Path = RULES_DIR) -> dict[str, Rule]:
    """Every rule in every TOML file of ``directory``, keyed by rule id."""
    rules: dict[str, Rule] = {}
    for path in sorted(directory.glob("*.toml")):
        for rule_id, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
            table = dict(table)
            try:
                rules[rule_id] = Rule(
                    id=rule_id,
                    severity=table.pop("severity"),
                    kind=table.pop("kind"),
                    message=table.pop("message"),
                    suggestion=table.pop("suggestion"),
                    data=table,
                )
            except KeyError as exc:
                raise CoachError(f"{path.name}: rule {rule_id!r} lacks {exc}") from None
    return rules
