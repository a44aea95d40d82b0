"""The optional LLM judge: a rubric prompt, a structured verdict, and ``judge_error`` for every non-answer.

The judge talks to any OpenAI-compatible client (``client.chat.completions.create``), injected by the caller.
Whatever goes wrong — the request fails, the answer is cut off, not JSON, not the verdict's shape, or a
verdict that contradicts its own points (the rubric says "pass" exactly when all six hold) — the
score is ``passed=None, error=True`` with a reason starting ``judge_error:``. A judge that cannot answer is
never counted as a fail.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .._core.errors import PromptError
from .._core.results import Usage
from .._engines.openai.answer import json_text
from .._engines.openai.engine import secrets_of
from .._engines.openai.prompts import PromptTemplate, load_prompt
from .._engines.openai.transport import FormatLadder, first_choice, redact, usage_of
from .cases import EvalCase
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


def load_judge_prompt(prompt: str = "judge.v1") -> PromptTemplate:
    """A rubric by id (``prompts/<id>.md``) or by path: a template like the engine's, the cases' JSON as ``$data``.

    A rubric file without part markers is all system text, and the data is the user message.
    """
    return load_prompt(prompt, allow_path=True, bare_user="$data")


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
        return FormatLadder.request_fields(self.response_format, JudgeVerdict.json_schema(), "verdict")

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
        rendered = self.prompt.render(data=json.dumps(data, ensure_ascii=False, indent=1))
        return [{"role": "system", "content": rendered.system}, {"role": "user", "content": rendered.user}]

    def __call__(self, case: EvalCase, rewrite: str) -> tuple[ScoreResult, Usage]:
        try:
            response = self.client.chat.completions.create(
                model=self.model,
                messages=self.messages(case, rewrite),
                temperature=0,
                max_tokens=self.max_tokens,
                **self._format(),
            )
        except Exception as exc:  # noqa: BLE001 - any failure to answer is a judge_error
            said = redact(str(exc), secrets_of(self.client))[:200]  # a server may echo the key back
            return _judge_error(f"request failed: {type(exc).__name__}: {said}"), Usage()
        usage = usage_of(response)
        content, finish_reason = first_choice(response)
        if content is None and finish_reason is None:
            return _judge_error("the response has no message"), usage
        if finish_reason == "length":
            return _judge_error("the answer was cut off (max_tokens)"), usage
        refusal = getattr(getattr(response.choices[0], "message", None), "refusal", None)
        if refusal:
            return _judge_error(f"the judge refused: {str(refusal)[:200]}"), usage
        if not isinstance(content, str) or not content.strip():
            return _judge_error("empty answer"), usage
        try:
            verdict = JudgeVerdict.model_validate_json(json_text(content))
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

