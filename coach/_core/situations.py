"""Situations that need more than the parcel template: bereavement, health, safety, a stolen card, money worries.

The table is data (``situations.toml``), validated when it loads; ``situation(customer)`` names the first that
the customer's message matches.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from .needles import Alternation, gate
from .text import content_words, split_sentences, stem
from .word_start import gated

__all__ = ["Situation", "situation", "grieves"]

_TABLE = Path(__file__).with_name("situations.toml")


class Situation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    words: str
    unless: str = ""  # the customer's words that rule it out ("the wheel snapped" on a suitcase off a flight)
    acknowledge: tuple[str, ...] = Field(min_length=1)
    acknowledge_plain: tuple[str, ...] = Field(min_length=1)
    steps: tuple[str, ...] = Field(min_length=1)
    acknowledge_who: tuple[str, ...] = ()  # grief with no clean restatement: {who} is "your husband"
    steps_known: tuple[str, ...] = ()  # when the customer already gave a reference: nothing asked for again
    always: bool = False
    covered: str = ""  # what a draft says when it already gives the urgent step: no second one is added ...
    steps_covered: tuple[str, ...] = ()  # ... but the agent's own part of it, where the draft has no action of its own
    near: int = Field(default=6, ge=0)  # words either side of what says the situation that a reply may name it by
    # (pattern, words): what an acknowledge_plain line's {named} calls it where the customer's message matches the
    # pattern ("diagnosed with" -> "your diagnosis"), so that no clean restatement still names the situation
    named: tuple[tuple[str, str], ...] = Field(default=(), validate_default=True)  # (checked when left out too)

    @field_validator("named")
    @classmethod
    def _named_usable(cls, pairs: tuple[tuple[str, str], ...], info: ValidationInfo) -> tuple[tuple[str, str], ...]:
        for pattern, _ in pairs:
            re.compile(pattern)
        if any("{named}" in line for line in info.data.get("acknowledge_plain", ())) and not pairs:
            raise ValueError("an acknowledge_plain line with {named} needs the 'named' pairs")
        return pairs

    @field_validator("acknowledge_plain")
    @classmethod
    def _plain_without_name(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        if all("{named}" in line for line in lines):
            raise ValueError("acknowledge_plain needs a line without {named}, for when nothing names the situation")
        return lines

    def plain(self, customer: str | None) -> tuple[str, ...]:
        """The acknowledge_plain lines for this message: those naming it ("I'm so sorry to hear about your
        diagnosis") where a ``named`` pattern matches, else those that need no name."""
        what = next((words for pattern, words in self.named if _compiled(pattern).search(customer or "")), None)
        lines = tuple(line.format(named=what) for line in self.acknowledge_plain if "{named}" in line) if what else ()
        return lines or tuple(line for line in self.acknowledge_plain if "{named}" not in line)

    @field_validator("steps_covered")
    @classmethod
    def _covered_needs_lines(cls, lines: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if info.data.get("covered") and not lines:
            raise ValueError("a situation with 'covered' needs steps_covered: the agent's own part of the step")
        return lines

    @field_validator("covered")
    @classmethod
    def _compiles_too(cls, value: str) -> str:
        re.compile(value)
        return value

    def covered_by(self, text: str) -> bool:
        return bool(self.covered) and re.search(self.covered, text, re.I) is not None

    @field_validator("words", "unless")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value

    @field_validator("steps_known")
    @classmethod
    def _names_it(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        return _each_has(lines, "{ref}", "every steps_known line names the customer's reference")

    @field_validator("acknowledge")
    @classmethod
    def _restates(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        return _each_has(lines, "{p}", "every acknowledge line says the problem back")

    @field_validator("acknowledge_who")
    @classmethod
    def _names_who(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        return _each_has(lines, "{who}", "every acknowledge_who line names who it was")

    def _first_saying(self, customer: str | None) -> str:
        """The first sentence of the customer's message that says this situation ("" when none does)."""
        return next((s.text for s in split_sentences(customer or "") if self.matches(s.text)), "")

    def who(self, customer: str | None) -> str | None:
        """Whom the customer lost, as the reply says it ("my late husband" -> "your husband"), or None."""
        first = self._first_saying(customer)
        died = _DIED.search(first)
        if died is None:
            return None
        # the relative named nearest before the death ("my daughter helped me ...; my husband died"), or right after
        # it ("the death of my father")
        before = list(_WHOSE.finditer(first, 0, died.start()))
        of = re.match(r"\s+of\s+(?:my|our)\b", first[died.end():])
        m = _WHOSE.search(first, died.end()) if of else before[-1] if before and died.start() - before[-1].end() <= 40 \
            else None
        if m and died.group().lower() == "funeral" and not of and not re.match(r"['’]s\s+$", first[m.end():died.start()]):
            return None  # "take my daughter out of school for a funeral": she is going, not gone ("my dad's funeral")
        return f"your {m['who'].lower()}" if m else None

    def matches(self, text: str) -> bool:
        return _compiled(self.words).search(text) is not None and not (self.unless and _compiled(self.unless).search(text))

    def _near(self, sentence: str) -> str:
        """The words of ``sentence`` around what says the situation ("... the Christie for my chemotherapy"), not the
        rest ("I booked a taxi with you for 8.15 ..." is named by any reply about a booking)."""
        m = _compiled(self.words).search(sentence)
        if m is None:
            return sentence
        before = sentence[: m.start()].split()[-self.near:] if self.near else []
        after = sentence[m.end():].split()[: self.near]
        return " ".join([*before, m.group(), *after])

    def named_by(self, reply: str, customer: str | None, ignore: frozenset[str] = frozenset(), every: bool = False) -> bool:
        """The reply names what happened, in a word of the first sentence of the customer's that says it ("your husband
        Peter", "the gas smell"), or with ``every`` of any that does: "We're sorry for your loss" above a template names
        nothing of it. Words in ``ignore`` name nothing ("time" in "... at any time" is not "Time to order the pram!")."""
        first = " ".join(self._near(s.text) for s in split_sentences(customer or "") if self.matches(s.text)) if every \
            else self._near(self._first_saying(customer))
        # (not by the grief's own words: "Sorry for your loss. Please send the death certificate" names nothing of it)
        said = {_kin(w) for w in content_words(first, ignore) if not any(c.isdigit() for c in w) and stem(w) not in _GRIEF}
        return not said or any(_kin(w) in said for w in content_words(reply, ignore))


@lru_cache(maxsize=64)  # read for every customer message against each situation: compiled (and gated) once
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(gated(pattern, re.I), re.I)


def _each_has(lines: tuple[str, ...], placeholder: str, rule: str) -> tuple[str, ...]:
    if not all(placeholder in line for line in lines):
        raise ValueError(f"{rule}: it needs {placeholder}")
    return lines


@lru_cache(maxsize=1)
def _load() -> tuple[Situation, ...]:
    data = tomllib.loads(_TABLE.read_text(encoding="utf-8"))
    return tuple(Situation.model_validate(entry) for entry in data["situation"])


@lru_cache(maxsize=256)
def situation(customer: str | None) -> Situation | None:
    """The situation the customer's message is in, or None for an everyday problem."""
    if not customer or not customer.strip() or not _any_words().search(customer.lower()):
        return None  # (most messages name no situation: one search of them all, not one per situation)
    return next((s for s in _load() if s.matches(customer)), None)


@lru_cache(maxsize=1)
def _any_words() -> re.Pattern[str] | Alternation:
    """Every situation's words in one pattern, for lower-cased text: case-sensitive matching of lower case is twice as
    fast as ``re.I``, and what any situation matches, this matches in the lower-cased message."""
    words = "|".join(f"(?:{s.words})" for s in _load())
    lowered = re.sub(r"\\.|[A-Z]", lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), words)
    return gate(lowered, 0)


_KIN = {word: head for head, words in {
    "mother": "mum mom mam mummy mommy ma mother mothers", "father": "dad daddy papa pa father fathers",
    "grandmother": "nan nana nanna gran granny grandma grandmother", "grandfather": "grandad granddad grandpa grandfather",
    "partner": "partner spouse", "baby": "baby stillbirth stillborn still-born miscarriage miscarried",
}.items() for word in words.split()}


_GRIEF = frozenset(stem(w) for w in "death died dying passed away loss funeral bereavement bereaved deceased late".split())
_DIED = re.compile(r"\b(?:died|passed\s+(?:away|on)|death|funeral|was\s+killed|lost\s+(?:my|our)|(?:was|were)\s+still-?born|"
                   r"miscarried)\b", re.I)
_WHOSE = re.compile(r"\b(?:my|our)\s+(?:(?:late|beloved|dear|little|old)\s+)?(?P<who>(?:grand)?(?:mother|father|mum|mom|dad|son|"
                    r"daughter)|husband|wife|partner|brother|sister|aunt|uncle|cousin|nan|gran|granny|grandma|grandad|"
                    r"grandpa|fianc[eé]e?|baby|child|friend|cat|dog|puppy|kitten|pony|horse|rabbit)\b", re.I)


def _kin(word: str) -> str:
    """One word for each way of naming a relative ("mum" and "mother", "dad" and "father")."""
    return _KIN.get(re.sub(r"['’]s$", "", word.lower()), stem(word))


def grieves(case: Situation | None) -> bool:
    """The customer is grieving (a person or a pet died)."""
    return case is not None and case.name in ("bereavement", "pet-loss")
