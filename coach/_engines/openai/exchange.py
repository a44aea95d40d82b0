"""One conversation with the model for one draft: the request, re-asks with feedback, and the retry rules.

Exactly one retry layer exists, tenacity's, and each of its tries is one HTTP call. It retries only:
- a rejected answer (empty, not JSON, not the object asked for, cut off, or a rewrite failing the guard):
  at once, with the concrete problems sent back, at most ``max_attempts`` answers, and never a re-ask
  identical to the request just answered (a model that repeats its rejected answer word for word would
  repeat it again at temperature 0). A critique item that quotes words not in the draft is dropped and
  counted, never a reason to re-ask;
- a refused structured-output mode: at once, one mode down (at most twice per client);
- 429 (after its Retry-After), 408/409/5xx, timeouts and dropped connections: with jittered backoff,
  at most ``RetryPolicy.transport_tries`` failures.
All of it within ``budget`` seconds. Everything else (400, 401, 403, 404 ...) fails at once.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import openai
from tenacity import RetryCallState

from ..._core.errors import ModelRequestError, ModelResponseError
from ..._core.results import Timing, Usage
from .answer import AnswerProblems, CritiqueAnswer, answer_schema, parse_answer
from .prompts import RenderedPrompt
from .transport import FormatLadder, FormatRejected, RetryableError, first_choice, translate_error, usage_of

__all__ = ["RetryPolicy", "Rejected", "Task", "Exchange"]

log = logging.getLogger("coach.llm")
_MAX_ECHOED_ANSWER = 4000
Answer = TypeVar("Answer", bound=CritiqueAnswer)


@dataclass(frozen=True)
class RetryPolicy:
    transport_tries: int = 3  # failed HTTP calls (429, 5xx, timeouts, drops) before giving up, per draft
    backoff_first_s: float = 0.5
    backoff_max_s: float = 8.0


class Rejected(ModelResponseError):
    """The model's last answer could not be shipped; ``problems`` say why (they were sent back to it)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class Task(Protocol[Answer]):
    """What one kind of request (rewrite, critique) asks for and how its answers are reviewed."""

    answer_type: type[Answer]
    draft: str

    def review(self, answer: Answer) -> list[str]:
        """Problems that stop ``answer`` from being shipped (none to accept it); for a rewrite, the guard's."""
        ...


class Exchange(Generic[Answer]):
    """The state of one draft's conversation: messages to send, counters, usage and time spent."""

    def __init__(self, task: Task[Answer], prompt: RenderedPrompt, *, model: str, ladder: FormatLadder,
                 max_attempts: int, max_tokens: int, timeout: float, budget: float, retry: RetryPolicy,
                 secrets: tuple[str, ...]):
        self.task, self.prompt, self.model, self.ladder = task, prompt, model, ladder
        self.max_attempts, self.max_tokens, self.timeout, self.budget = max_attempts, max_tokens, timeout, budget
        self.retry, self.secrets = retry, secrets
        self._opening = prompt.messages()  # system, the prompt's few-shot turns if any, the user message
        self.messages: list[dict[str, str]] = list(self._opening)
        self.calls = self.answers = self.failures = 0
        self.usage = Usage()
        self.last_answer: Answer | None = None
        self._started = time.monotonic()
        self._http_s = self._wait_s = 0.0
        self._mode_sent = ladder.mode
        self._sent: list[dict[str, str]] = []  # the messages of the last request made
        self._repeated = False  # the last answer repeated the rejected one before it, word for word

    # --- one try: build the request, send it, review the answer ----------------------------------------

    def request(self) -> dict[str, Any]:
        """Keyword arguments for ``chat.completions.create``: counts the call it is about to be."""
        self.calls += 1
        self._mode_sent = self.ladder.mode
        self._sent = list(self.messages)
        schema = answer_schema(self.task.answer_type)
        name = f"coach_{self.prompt.prompt_id.split('.')[0]}"
        return {
            "model": self.model,
            "messages": list(self.messages),
            "temperature": 0,
            "max_tokens": self.max_tokens,
            "timeout": max(0.1, min(self.timeout, self.budget - self.elapsed())),  # what is left of the budget
            **FormatLadder.request_fields(self._mode_sent, schema, name),
        }

    @contextmanager
    def sending(self) -> Iterator[None]:
        """Around the HTTP call: time it, and turn SDK errors into the coach's typed, key-free errors."""
        started = time.perf_counter()
        try:
            yield
        except openai.APIError as exc:
            error = translate_error(exc, mode=self._mode_sent, model=self.model, timeout=self.timeout,
                                    secrets=self.secrets)
            if isinstance(error, FormatRejected) and not self.ladder.step_down(error.mode):
                error = ModelRequestError(str(error), status=error.status)
            elif isinstance(error, RetryableError):
                self.failures += 1
            raise error from None
        finally:
            self._http_s += time.perf_counter() - started

    def accept(self, completion: Any) -> Answer:
        """The answer in ``completion`` if it passes the guard; else ``Rejected``, with a re-ask prepared."""
        self.answers += 1
        self.usage = self.usage.add(usage_of(completion))
        content, finish_reason = first_choice(completion)
        try:
            if finish_reason == "length":
                raise AnswerProblems(["the answer was cut off at the token limit: answer again, shorter, "
                                      "with the complete JSON object only"])
            answer = parse_answer(content, self.task.answer_type, self.task.draft)
            self.last_answer = answer
            problems = self.task.review(answer)
            if problems:
                raise AnswerProblems(problems)
        except AnswerProblems as rejected:
            self._reask(content, rejected.problems)
            raise Rejected(rejected.problems) from None
        return answer

    def _reask(self, content: str | None, problems: list[str]) -> None:
        """Next request: the opening messages, the rejected answer, and what was wrong with it."""
        feedback = "\n".join(["Your answer cannot be used yet:", *(f"- {p}" for p in problems),
                              "Answer again with the complete JSON object, fixing these points."])
        echoed = [{"role": "assistant", "content": content[:_MAX_ECHOED_ANSWER]}] if content and content.strip() else []
        self.messages = [*self._opening, *echoed, {"role": "user", "content": feedback}]
        self._repeated = bool(echoed) and self.messages == self._sent

    def may_reask(self) -> bool:
        """After a rejected answer: whether the prepared re-ask is worth sending (the per-draft path and the
        Batch API's follow-up batches both ask this)."""
        # At temperature 0 the same messages get the same answer: a re-ask identical to the request just
        # answered (the model repeated its rejected answer word for word) is not worth a call.
        return self.answers < self.max_attempts and not self._repeated

    # --- tenacity's rules ----------------------------------------------------------------------------

    def retrying(self) -> dict[str, Any]:
        """Keyword arguments for ``tenacity.Retrying`` / ``AsyncRetrying``."""
        return {"retry": self._worth_retrying, "stop": self._stop, "wait": self._wait,
                "before_sleep": self._before_sleep, "reraise": True}

    def _worth_retrying(self, state: RetryCallState) -> bool:
        exc = state.outcome.exception() if state.outcome else None
        return isinstance(exc, (Rejected, FormatRejected, RetryableError))

    def _stop(self, state: RetryCallState) -> bool:
        exc = state.outcome.exception() if state.outcome else None
        if self.elapsed() + state.upcoming_sleep >= self.budget:
            return True
        if isinstance(exc, Rejected):
            return not self.may_reask()
        if isinstance(exc, FormatRejected):
            return False  # the ladder only goes down, so this happens at most twice
        return self.failures >= self.retry.transport_tries

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if not isinstance(exc, RetryableError):
            return 0.0
        if exc.retry_after is not None:
            return exc.retry_after
        ceiling = min(self.retry.backoff_max_s, self.retry.backoff_first_s * 2 ** (self.failures - 1))
        return ceiling * random.uniform(0.5, 1.0)

    def _before_sleep(self, state: RetryCallState) -> None:
        self._wait_s += state.upcoming_sleep
        exc = state.outcome.exception() if state.outcome else None
        log.info("coach: try %d failed (%s); next try in %.1f s", state.attempt_number, exc, state.upcoming_sleep)

    # --- accounting ----------------------------------------------------------------------------------

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def timing(self) -> Timing:
        return Timing(total_s=round(self.elapsed(), 6), http_s=round(self._http_s, 6), wait_s=round(self._wait_s, 6))

    def stats(self) -> dict[str, Any]:
        """The fields every result shares: attempts, calls, usage, prompt, timing."""
        return {"attempts": self.answers, "calls": self.calls, "usage": self.usage,
                "prompt_id": self.prompt.prompt_id, "prompt_hash": self.prompt.hash, "timing": self.timing()}

