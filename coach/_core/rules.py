"""The rulebook as data (``coach/_core/rules/*.toml``), validated when it loads and compiled once.

Each rule names a detector ``kind``; each kind declares the keys it reads and their types in ``KINDS``.
A missing, unknown or mistyped key, a bad pattern or an unknown severity fails at load, naming the
file, the rule and the key. A key may borrow another rule's list: ``key = { same_as = "rule.key" }``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .errors import CoachError
from .needles import Alternation
from .word_start import gated_alternation, whole_words

__all__ = ["Rule", "RuleFileError", "KINDS", "load_rules", "RULES_DIR", "RULE_IDS", "SEVERITIES"]

RULES_DIR = Path(__file__).with_name("rules")
#: The public rule ids, in GUIDANCE.md's order, plus the policy's ``banned-phrase``.
RULE_IDS = (
    "broken-promise", "bland-apology", "pity", "parroting", "vague-effort",
    "no-next-step", "no-acknowledgement", "no-thanks", "banned-phrase",
)
SEVERITIES = ("error", "warning", "info", "suggestion")
_FLAGS = re.I | re.M

KeyType = Literal["patterns", "words"]
_P: KeyType = "patterns"  # a regex or plain phrase, or a list of them, compiled into one alternation
_W: KeyType = "words"     # a list of plain words, matched case-insensitively


@dataclass(frozen=True)
class Key:
    type: KeyType
    required: bool = True


#: What each detector kind reads from its rule (see coach/_core/checker.py).
KINDS: dict[str, dict[str, Key]] = {
    "commitment": {k: Key(_P) for k in ("explicit", "never_again", "settled", "future", "hedged_future",
                                        "outcomes", "process", "third_party", "certainty", "timelines", "hedges",
                                        "negations")},
    "apology": {"apology": Key(_P), "clause_breaks": Key(_P), "not_apology": Key(_P), "generic": Key(_W),
                 "template_objects": Key(_W, required=False)},
    "phrases": {"patterns": Key(_P), "negations": Key(_P, required=False), "bare_looks": Key(_P, required=False)},
    "parroting": {"patterns": Key(_P), "generic": Key(_W)},
    "next-step": {"patterns": Key(_P), "not_steps": Key(_P), "offers": Key(_P), "refusals": Key(_P, required=False)},
    "acknowledgement": {"generic": Key(_W), "meanings": Key(_W, required=False), "templates": Key(_P, required=False)},
    "thanks": {"patterns": Key(_P)},
    "policy": {},
}
_HEADER = ("severity", "kind", "message", "suggestion")


class RuleFileError(CoachError):
    """A rules file is invalid: the message names the file, the rule and the key."""


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    kind: str
    message: str
    suggestion: str
    data: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Compiled once at load: the checker's hot path looks them up, never recompiles or rehashes the lists.
    compiled: dict[str, re.Pattern[str] | Alternation] = field(default_factory=dict, repr=False, compare=False)
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def pattern(self, key: str) -> re.Pattern[str] | Alternation:
        """The compiled alternation of ``key`` (a declared ``patterns`` key; empty when optional and absent)."""
        found = self.compiled.get(key)
        return found if found is not None else _compile(self.id, key, self.data.get(key, ()))

    def words(self, key: str) -> frozenset[str]:
        found = self.word_sets.get(key)
        return found if found is not None else _word_set(self.data.get(key, ()))


@lru_cache(maxsize=None)
def _word_set(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


@lru_cache(maxsize=None)
def _compile(rule_id: str, key: str, items: tuple[str, ...]) -> re.Pattern[str] | Alternation:
    if not items:
        return re.compile(r"(?!x)x")  # matches nothing
    parts: list[str | tuple[str, ...]] = []
    phrases: list[str] = []
    for item in [*items, None]:
        # A plain phrase (letters, spaces, apostrophes) is matched as whole words; anything else is a regex.
        if item is not None and re.fullmatch(r"[\w '’%-]+", item):
            phrases.append(r"\s+".join(map(re.escape, item.split())))
            continue
        if phrases:  # a run of phrases shares one word-boundary test: same matches, several times faster
            parts.append(tuple(phrases))
            phrases = []
        if item is not None:
            parts.append(item)
    try:
        full = re.compile(gated_alternation(parts, _FLAGS), _FLAGS)
    except re.error as exc:
        raise RuleFileError(f"rule {rule_id!r}: bad pattern in {key!r}: {exc}") from None
    # (each phrase of a run alone, as the run has it: searched apart, the alternatives find the same matches)
    alternatives = [alt for part in parts for alt in ([whole_words([p]) for p in part] if isinstance(part, tuple) else [part])]
    return Alternation.of(full, alternatives)


def _as_items(where: str, value: Any, key_type: KeyType) -> tuple[str, ...]:
    if isinstance(value, str) and key_type == "patterns":
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    expected = "a string or a list of strings" if key_type == "patterns" else "a list of strings"
    raise RuleFileError(f"{where}: expected {expected}, got {type(value).__name__}")


def _parse(path: Path, rule_id: str, table: Any) -> tuple[Rule, dict[str, str]]:
    """One rule, and its ``same_as`` references still to resolve (key -> "rule.key")."""
    where = f"{path.name}: rule {rule_id!r}"
    if not isinstance(table, dict):
        raise RuleFileError(f"{where}: expected a table")
    if rule_id not in RULE_IDS:
        raise RuleFileError(f"{where}: unknown rule id; the rule ids are {', '.join(RULE_IDS)}")
    for name in _HEADER:
        if not isinstance(table.get(name), str) or not table[name].strip():
            raise RuleFileError(f"{where}: {name!r} must be a non-empty string")
    if table["severity"] not in SEVERITIES:
        raise RuleFileError(f"{where}: severity {table['severity']!r} is not one of {', '.join(SEVERITIES)}")
    keys = KINDS.get(table["kind"])
    if keys is None:
        raise RuleFileError(f"{where}: unknown kind {table['kind']!r}; the kinds are {', '.join(KINDS)}")
    unknown = sorted(set(table) - set(_HEADER) - set(keys))
    if unknown:
        raise RuleFileError(f"{where}: unknown key(s) {', '.join(unknown)} for kind {table['kind']!r}")
    data, refs = {}, {}
    for key, spec in keys.items():
        if key not in table:
            if spec.required:
                raise RuleFileError(f"{where}: lacks key {key!r} (kind {table['kind']!r} needs it)")
            continue
        value = table[key]
        if isinstance(value, dict):
            if set(value) != {"same_as"} or not isinstance(value["same_as"], str) or "." not in value["same_as"]:
                raise RuleFileError(f"{where}: key {key!r}: a table must be {{ same_as = \"rule.key\" }}")
            refs[key] = value["same_as"]
            continue
        data[key] = _as_items(f"{where}: key {key!r}", value, spec.type)
    rule = Rule(id=rule_id, severity=table["severity"], kind=table["kind"], message=table["message"].strip(),
                suggestion=table["suggestion"].strip(), data=data)
    return rule, refs


def _resolve(rules: dict[str, Rule], refs: dict[str, dict[str, str]]) -> dict[str, Rule]:
    for rule_id, wanted in refs.items():
        data = dict(rules[rule_id].data)
        for key, ref in wanted.items():
            other, other_key = ref.split(".", 1)
            if other not in rules or other_key not in rules[other].data:
                raise RuleFileError(f"rule {rule_id!r}: key {key!r}: same_as {ref!r} names no loaded list")
            data[key] = rules[other].data[other_key]
        rules[rule_id] = Rule(**{**rules[rule_id].__dict__, "data": data})
    for rule_id, rule in rules.items():  # every pattern compiles now, not at the first check
        keys = KINDS[rule.kind]
        compiled = {k: _compile(rule_id, k, rule.data.get(k, ())) for k, spec in keys.items() if spec.type == "patterns"}
        word_sets = {k: _word_set(rule.data.get(k, ())) for k, spec in keys.items() if spec.type == "words"}
        rules[rule_id] = Rule(**{**rule.__dict__, "compiled": compiled, "word_sets": word_sets})
    return rules


@lru_cache(maxsize=4)
def load_rules(directory: Path = RULES_DIR) -> dict[str, Rule]:
    """Every rule in every TOML file of ``directory``, keyed by rule id, validated and compiled."""
    rules: dict[str, Rule] = {}
    refs: dict[str, dict[str, str]] = {}
    for path in sorted(directory.glob("*.toml")):
        try:
            tables = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise RuleFileError(f"{path.name}: cannot be read as TOML: {exc}") from None
        for rule_id, table in tables.items():
            if rule_id in rules:
                raise RuleFileError(f"{path.name}: rule {rule_id!r} is defined twice")
            rules[rule_id], refs[rule_id] = _parse(path, rule_id, table)
    return _resolve(rules, refs)

