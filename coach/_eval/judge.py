"""The optional LLM judge: a rubric prompt, a structured verdict, and ``judge_error`` for every non-answer.

The judge talks to any OpenAI-compatible client (``client.chat.completions.create``), injected by the caller.
Whatever goes wrong — the request fails, the answer is cut off, not JSON, not the verdict's shape, or a
verdict that contradicts its own points (the rubric says "pass" exactly when all six hold) — the
score is ``passed=None, error=True`` with a reason starting ``judge_error:``. A judge that cannot answer is
never counted as a fail.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .._core.errors import PromptError
from .._engines.openai.transport import redact
from .._core.results import Usage
from .cases import EvalCase
from .paths import resource_dir
from .scorers import ScoreResult

__all__ = ["JudgeVerdict", "Judge", "load_judge_prompt", "JUDGE_NAME", "ResponseFormat"]

JUDGE_NAME = "judge"
ResponseFormat = Literal["json_schema", "json_object"]
_CRITERIA = ("thanks", "restates_problem", "next_step", "within_policy", "calm", "keeps_facts")


class JudgeVerdict(BaseModel):
    """The judge's structured answer: one boolean per rubric point, an overall verdict and a reason."""

    model_config = ConfigDict(extra="ignore")

    thanks: bool
    restates_problem: bool
    next_step: bool
    within_policy: bool
    calm: bool
    keeps_facts: bool
    verdict: Literal["pass", "fail"]
    reason: str

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """A strict JSON schema (every field required, no extras), as structured-output APIs want it."""
        props: dict[str, Any] = {name: {"type": "boolean"} for name in _CRITERIA}
        props["verdict"] = {"type": "string", "enum": ["pass", "fail"]}
        props["reason"] = {"type": "string"}
        return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


@dataclass(frozen=True)
class JudgePrompt:
    id: str
    text: str
    sha256: str


def load_judge_prompt(prompt: str = "judge.v1") -> JudgePrompt:
    """Load a rubric by id (``prompts/<id>.md``) or by path."""
    path = Path(prompt)
    if path.suffix != ".md" and "/" not in prompt:  # an id like "judge.v1"
        path = resource_dir("prompts") / f"{prompt}.md"
    try:
        raw = path.read_bytes()
    except OSError:
        raise PromptError(f"judge prompt not found: {path}") from None
    return JudgePrompt(id=path.stem, text=raw.decode("utf-8"), sha256=hashlib.sha256(raw).hexdigest())


def _usage(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    try:
        return Usage(
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            total_tokens=int(getattr(usage, "total_tokens", 0) or 0),
        )
    except (TypeError, ValueError):
        return Usage()


def _judge_error(reason: str) -> ScoreResult:
    return ScoreResult(name=JUDGE_NAME, passed=None, reason=f"judge_error: {reason}", error=True)


class Judge:
    """Grade one rewrite against the rubric with an LLM. Thread-safe as long as the client is."""

    def __init__(
        self,
        client: Any,
        model: str,
        *,
        prompt: str = "judge.v1",
        response_format: ResponseFormat = "json_schema",
        max_tokens: int = 400,
    ):
        if client is None or not model:
            raise PromptError("the judge needs a client and a model name (--judge-model)")
        self.client = client
        self.model = model
        self.prompt = load_judge_prompt(prompt)
        self.response_format = response_format
        self.max_tokens = max_tokens

    def _format(self) -> dict[str, Any]:
        schema = JudgeVerdict.json_schema()
        if self.response_format == "json_object":  # llama.cpp's spelling: json mode constrained by a schema
            return {"type": "json_object", "schema": schema}
        return {"type": "json_schema", "json_schema": {"name": "verdict", "strict": True, "schema": schema}}

    def messages(self, case: EvalCase, rewrite: str) -> list[dict[str, str]]:
        # The texts go in as JSON data, never spliced into the rubric: they are untrusted.
        data = {
            "customer_message": case.customer,
            "draft_reply": case.draft,
            "rewritten_reply": rewrite,
            "policy_allows": case.policy,
            "facts_to_keep": case.keep,
        }
        if case.reference:
            data["reference_reply"] = case.reference
        return [
            {"role": "system", "content": self.prompt.text},
            {"role": "user", "content": json.dumps(data, ensure_ascii=False, indent=1)},
        ]

    def __call__(self, case: EvalCase, rewrite: str) -> tuple[ScoreResult, Usage]:
        try:
            response = self.client.chat.completions.create(
                model=self.model,
                messages=self.messages(case, rewrite),
                temperature=0,
                max_tokens=self.max_tokens,
                response_format=self._format(),
            )
        except Exception as exc:  # noqa: BLE001 - any failure to answer is a judge_error
            said = redact(str(exc), _client_secrets(self.client))[:200]  # a server may echo the key back
            return _judge_error(f"request failed: {type(exc).__name__}: {said}"), Usage()
        usage = _usage(response)
        try:
            choice = response.choices[0]
            content = choice.message.content
        except (AttributeError, IndexError, TypeError):
            return _judge_error("the response has no message"), usage
        if getattr(choice, "finish_reason", None) == "length":
            return _judge_error("the answer was cut off (max_tokens)"), usage
        if getattr(choice.message, "refusal", None):
            return _judge_error(f"the judge refused: {str(choice.message.refusal)[:200]}"), usage
        if not isinstance(content, str) or not content.strip():
            return _judge_error("empty answer"), usage
        try:
            verdict = JudgeVerdict.model_validate_json(_strip_fence(content))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"])) or "answer"
            return _judge_error(f"not a verdict ({where}: {first['msg']})"), usage
        missed = [name.replace("_", " ") for name in _CRITERIA if not getattr(verdict, name)]
        reason = verdict.reason.strip()[:300] or "(no reason given)"
        if (verdict.verdict == "pass") == bool(missed):  # the rubric: pass exactly when all six points hold
            said = f"says {verdict.verdict} but " + (f"misses {', '.join(missed)}" if missed else "misses nothing")
            return _judge_error(f"inconsistent verdict: {said}"), usage
        if missed:
            reason += f" [missed: {', '.join(missed)}]"
        return ScoreResult(name=JUDGE_NAME, passed=verdict.verdict == "pass", reason=reason), usage


def _strip_fence(text: str) -> str:
    """Some servers wrap JSON in a ```json fence even in JSON mode."""
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else text
        text = text.rsplit("```", 1)[0]
    return text


def _client_secrets(client: Any) -> tuple[str, ...]:
    """The key, organisation and project an OpenAI client was given: never to appear in a reason."""
    return tuple(str(v) for v in (getattr(client, n, None) for n in ("api_key", "organization", "project")) if v)
