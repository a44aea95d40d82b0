"""The contract with the model: the structured answer it must give, and how its text becomes one."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..._core.rules import RULE_IDS

__all__ = ["CritiqueItem", "CritiqueAnswer", "RewriteAnswer", "AnswerProblems", "parse_answer", "answer_schema",
           "locate_quote", "json_text"]

RuleId = Literal[RULE_IDS]  # type: ignore[valid-type]  # the rulebook's ids, as an enum in the schema
_MAX_PROBLEMS = 6
_FENCED = re.compile(r"^```[a-zA-Z]*\s*(.*?)\s*```$", re.S)
_QUOTE_CHARS = {"'": "['’‘]", "’": "['’‘]", "‘": "['’‘]", '"': "[\"“”]", "“": "[\"“”]", "”": "[\"“”]"}


class CritiqueItem(BaseModel):
    """One problem the model found in the draft."""

    model_config = ConfigDict(extra="forbid")

    rule: RuleId = Field(description="the rule id")
    quote: str = Field(description="the offending words copied exactly from the draft; empty for a whole-reply rule")
    why: str = Field(description="one sentence: why this hurts the reply")

    @field_validator("quote")
    @classmethod
    def _quote_in_draft(cls, quote: str, info: ValidationInfo) -> str:
        quote = quote.strip()
        draft = (info.context or {}).get("draft")
        if quote and draft is not None and locate_quote(draft, quote) is None:
            raise ValueError(f"{quote!r} is not in the draft: copy the draft's words exactly, or leave quote empty")
        return quote


class CritiqueAnswer(BaseModel):
    """What ``critique`` asks the model for.

    Lenient on the critique: an item that is not a usable finding (its quote is not in the draft, its rule
    id is unknown, a field is missing) is dropped and counted in ``dropped``, never a reason to reject the
    answer. The answer itself must still be the JSON object asked for, with a list under ``critique``.
    """

    model_config = ConfigDict(extra="forbid")

    critique: list[CritiqueItem] = Field(description="the draft's problems; empty when there are none")
    _dropped: int = PrivateAttr(default=0)

    @property
    def dropped(self) -> int:
        """How many items of the model's critique were dropped as unusable."""
        return self._dropped

    @model_validator(mode="wrap")
    @classmethod
    def _drop_unusable_items(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        dropped = 0
        if isinstance(data, dict) and isinstance(data.get("critique"), list):
            kept = []
            for item in data["critique"]:
                try:
                    kept.append(CritiqueItem.model_validate(item, context=info.context))
                except ValidationError:
                    dropped += 1
            data = {**data, "critique": kept}
        answer = handler(data)
        answer._dropped = dropped
        return answer


class RewriteAnswer(CritiqueAnswer):
    """What ``rewrite`` asks the model for: the critique first, then the reply that fixes it."""

    rewrite: str = Field(description="the improved reply, plain text")

    @field_validator("rewrite")
    @classmethod
    def _not_blank(cls, rewrite: str) -> str:
        if not rewrite.strip():
            raise ValueError("the rewrite is empty: write the improved reply")
        return rewrite.strip()


Answer = TypeVar("Answer", bound=CritiqueAnswer)


class AnswerProblems(Exception):
    """The model's text is not a usable answer; ``problems`` say why, in words fit to send back to it."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def locate_quote(draft: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``draft``, tolerating different spacing and straight or curly quote marks."""
    start = draft.find(quote)
    if start != -1:
        return start, start + len(quote)
    quote = quote.strip(" \"'“”‘’")
    if not quote:
        return None
    pieces = ["".join(_QUOTE_CHARS.get(ch, re.escape(ch)) for ch in word) for word in quote.split()]
    match = re.search(r"\s+".join(pieces), draft)
    return (match.start(), match.end()) if match else None


def parse_answer(content: str | None, answer_type: type[Answer], draft: str) -> Answer:
    """The answer in ``content`` (a JSON object, possibly fenced or wrapped in prose), or ``AnswerProblems``."""
    if content is None or not content.strip():
        raise AnswerProblems(["the answer was empty: reply with the JSON object"])
    text = json_text(content)
    try:
        return answer_type.model_validate_json(text, context={"draft": draft})
    except ValidationError as exc:
        loose = _loose_json(text) if any(e["type"] == "json_invalid" for e in exc.errors()) else None
        if loose is None:
            raise AnswerProblems(_describe(exc)) from None
    try:  # a raw line break inside a string (a multi-line draft copied as is): the JSON asked for, all the same
        return answer_type.model_validate(loose, context={"draft": draft})
    except ValidationError as exc:
        raise AnswerProblems(_describe(exc)) from None


def _loose_json(text: str) -> Any:
    """``text`` parsed with control characters allowed inside strings; None when it is not JSON even so."""
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def json_text(content: str) -> str:
    """The JSON object in a model's answer: without a ```json fence or text around the braces."""
    text = content.strip()
    fenced = _FENCED.match(text)
    if fenced:
        text = fenced.group(1)
    if not text.startswith("{"):
        start, end = text.find("{"), text.rfind("}")
        if start != -1 and end > start:
            text = text[start : end + 1]
    return text


def _describe(exc: ValidationError) -> list[str]:
    problems = []
    for error in exc.errors(include_url=False):
        if error["type"] == "json_invalid":
            problems.append(f"the answer is not valid JSON ({error['msg']}): reply with one JSON object only")
            break
        where = ".".join(str(part) for part in error["loc"]) or "answer"
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "literal_error":
            message = f"unknown rule id {error.get('input')!r}; use one of: {', '.join(RULE_IDS)}"
        problems.append(f"{where}: {message}")
    if len(problems) > _MAX_PROBLEMS:
        problems = [*problems[:_MAX_PROBLEMS], f"and {len(problems) - _MAX_PROBLEMS} more problems"]
    return problems


@lru_cache(maxsize=4)
def _schema(answer_type: type[CritiqueAnswer]) -> str:
    schema = answer_type.model_json_schema()
    definitions = schema.pop("$defs", {})

    def inline(node: Any) -> Any:  # llama.cpp's grammar converter prefers a schema without $ref
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(definitions[node["$ref"].rsplit("/", 1)[-1]])
            node = {key: inline(value) for key, value in node.items() if key != "title"}
            if node.get("type") == "object":
                node.pop("description", None)  # class docstrings are for readers of this file
            return node
        if isinstance(node, list):
            return [inline(value) for value in node]
        return node

    return json.dumps(inline(schema))


def answer_schema(answer_type: type[CritiqueAnswer]) -> dict[str, Any]:
    """The JSON schema of ``answer_type``, self-contained, fit for ``response_format``."""
    return json.loads(_schema(answer_type))
