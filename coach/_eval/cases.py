"""Eval cases: one JSON object a line, validated strictly (unknown fields are errors, with line numbers)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .._core.errors import InputError
from .._core.files import read_bytes
from .._core.rules import RULE_IDS

__all__ = ["EvalCase", "SuiteError", "Suite", "load_suite", "parse_suite"]

_TAG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SuiteError(InputError):
    """The suite file is missing, unreadable or has an invalid case (the message names file and line)."""


class EvalCase(BaseModel):
    """One gold case. ``expect`` is None when the draft is unlabelled, ``[]`` when it breaks no rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    customer: str = ""
    draft: str = Field(min_length=1)
    policy: list[str] = Field(default_factory=list)
    keep: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    reference: str | None = None
    expect: list[str] | None = None
    #: The rules ``expect`` covers (None: all of them); a labelled real corpus labels only some.
    rules: list[str] | None = None
    #: A frozen split of a labelled corpus: rules are tuned on "tune" and measured on "test".
    split: Literal["tune", "test"] | None = None
    #: Where a real case came from, the annotators' notes, its language when not English, label corrections.
    brand: str | None = None
    source: str | None = None
    note: str | None = None
    notes: list[str] | None = None
    lang: str | None = None
    fixed: list[dict[str, Any]] | None = None
    corrected: list[dict[str, Any]] | None = None
    #: Sentence-level labels of a relabelled real corpus (evals/real/CONVENTIONS.md): the sentence that
    #: breaks each sentence rule, with its offsets in the draft; ``expect_v1`` keeps the earlier draft labels.
    spans: list[dict[str, Any]] | None = None
    expect_v1: list[str] | None = None

    @field_validator("customer", mode="before")
    @classmethod
    def _no_customer_is_empty(cls, value: object) -> object:
        return "" if value is None else value

    @field_validator("draft")
    @classmethod
    def _draft_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the draft is only whitespace")
        return value

    @field_validator("tags")
    @classmethod
    def _tags_are_slugs(cls, value: list[str]) -> list[str]:
        bad = [t for t in value if not _TAG.match(t)]
        if bad:
            raise ValueError(f"tags are lower-case slugs like 'broken-promise'; got {bad}")
        return value

    @field_validator("expect", "rules")
    @classmethod
    def _known_rules(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        unknown = sorted(set(value) - set(RULE_IDS))
        if unknown:
            raise ValueError(f"unknown rule id(s) {unknown}; the rule ids are {', '.join(RULE_IDS)}")
        return value

    @model_validator(mode="after")
    def _keep_is_in_the_texts(self) -> "EvalCase":
        sources = self.draft + "\n" + self.customer
        missing = [fact for fact in self.keep if fact not in sources]
        if missing:
            raise ValueError(f"keep fact(s) {missing} appear in neither the draft nor the customer message")
        return self


class Suite(BaseModel):
    """A loaded suite: its cases, where it came from, and the sha256 of its bytes (stamped into every run)."""

    path: str
    sha256: str
    cases: list[EvalCase]

    def select(self, *, ids: list[str] | None = None, tags: list[str] | None = None,
               split: str | None = None) -> "Suite":
        """Only the cases with one of ``ids``, one of ``tags`` and in ``split`` (each if given); same stamp."""
        cases = self.cases
        if split:
            cases = [c for c in cases if c.split == split]
        if ids:
            wanted = set(ids)
            unknown = wanted - {c.id for c in cases}
            if unknown:
                raise SuiteError(f"no case with id {', '.join(sorted(unknown))} in {self.path}")
            cases = [c for c in cases if c.id in wanted]
        if tags:
            cases = [c for c in cases if set(c.tags) & set(tags)]
        return self.model_copy(update={"cases": cases})

    def sample(self, n: int) -> "Suite":
        """``n`` cases chosen deterministically, covering as many tags as possible, in suite order.

        Tags are visited round-robin (sorted); each contributes its not-yet-chosen case with the smallest
        sha256 of the id. The choice depends only on the cases' ids and tags, so a replay cassette recorded
        for a sample stays valid until those change.
        """
        if n < 1:
            raise SuiteError("--sample needs at least 1 case")
        if n >= len(self.cases):
            return self
        rank = {c.id: hashlib.sha256(c.id.encode()).hexdigest() for c in self.cases}
        by_tag: dict[str, list[EvalCase]] = {}
        for case in self.cases:
            for tag in case.tags or ["(untagged)"]:
                by_tag.setdefault(tag, []).append(case)
        queues = {tag: sorted(cases, key=lambda c: rank[c.id]) for tag, cases in sorted(by_tag.items())}
        chosen: set[str] = set()
        while len(chosen) < n:
            progressed = False
            for queue in queues.values():
                while queue and queue[0].id in chosen:
                    queue.pop(0)
                if queue and len(chosen) < n:
                    chosen.add(queue.pop(0).id)
                    progressed = True
            if not progressed:
                break
        return self.model_copy(update={"cases": [c for c in self.cases if c.id in chosen]})


def _describe(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(map(str, e["loc"]))
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown field (allowed: " + ", ".join(EvalCase.model_fields) + ")"
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def parse_suite(text: str, path: str = "<suite>") -> list[EvalCase]:
    """Parse JSONL text into cases; the first problem raises ``SuiteError`` naming ``path:line``."""
    cases: list[EvalCase] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SuiteError(f"{path}:{number}: not valid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(data, dict):
            raise SuiteError(f"{path}:{number}: a case is a JSON object, not {type(data).__name__}")
        try:
            case = EvalCase.model_validate(data)
        except ValidationError as exc:
            label = f" (case {data['id']!r})" if isinstance(data.get("id"), str) else ""
            raise SuiteError(f"{path}:{number}{label}: {_describe(exc)}") from None
        if case.id in seen:
            raise SuiteError(f"{path}:{number}: duplicate id {case.id!r} (first on line {seen[case.id]})")
        seen[case.id] = number
        cases.append(case)
    if not cases:
        raise SuiteError(f"{path}: the suite has no cases")
    return cases


def load_suite(path: str | Path) -> Suite:
    """Read and validate a JSONL suite file."""
    path = Path(path)
    raw = read_bytes(path, "suite", SuiteError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SuiteError(f"suite file {path} is not valid UTF-8 (byte {exc.start})") from None
    return Suite(path=str(path), sha256=hashlib.sha256(raw).hexdigest(), cases=parse_suite(text, str(path)))
