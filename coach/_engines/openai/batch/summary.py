"""What a Batch API run did: how many answers were accepted first time, re-asked or fell back, and its cost."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from ...._core.results import RewriteResult, Usage
from .rounds import BatchOutcome
from .state import BatchRound

__all__ = ["BatchSummary", "BATCH_PRICE_RATIO", "summarize"]

#: OpenAI bills the Batch API's tokens at half the price of the same requests sent one by one.
BATCH_PRICE_RATIO = 0.5


class BatchSummary(BaseModel):
    drafts: int = 0
    #: The first batch's answer passed the guard.
    accepted_first: int = 0
    #: Sent again in a follow-up batch (a re-ask with the guard's feedback, or an error line retried) ...
    reasked: int = 0
    #: ... and then accepted.
    accepted_after_reask: int = 0
    #: No answer passed the guard: the offline engine's rewrite, ``fallback: true``.
    fell_back: int = 0
    #: Not in a language the rules assess: returned unchanged, never sent.
    unassessed: int = 0
    #: An error object instead of a result (bad input, or a batch fault: see ``faults``).
    errors: int = 0
    #: Error objects by kind: ``refused``, ``failed``, ``expired``, ``cancelled``, ``missing-output``, ``line``,
    #: ``request`` (a batch could not be read), ``input``.
    faults: dict[str, int] = Field(default_factory=dict)
    batches: list[BatchRound] = Field(default_factory=list)
    #: Request lines sent, all batches together: the per-draft path would have made as many model calls.
    requests: int = 0
    #: HTTP calls this run made: uploads, batch creations, polls, downloads.
    http_calls: int = 0
    usage: Usage = Field(default_factory=Usage)

    def cost(self, price_per_1k: float) -> float:
        """What the batches' tokens cost at the Batch API's price (half of ``price_per_1k``)."""
        return round(self.usage.total_tokens / 1000 * price_per_1k * BATCH_PRICE_RATIO, 6)

    def per_draft_cost(self, price_per_1k: float) -> float:
        """What the same tokens cost sent one request at a time, at ``price_per_1k``."""
        return round(self.usage.total_tokens / 1000 * price_per_1k, 6)

    def describe(self, price_per_1k: float = 0.0) -> list[str]:
        """The summary as lines of text, for a terminal."""
        lines = [
            f"{self.drafts} draft(s): {self.accepted_first} accepted first time, {self.reasked} re-asked "
            f"({self.accepted_after_reask} then accepted), {self.fell_back} fell back to the offline rewrite, "
            f"{self.unassessed} not assessed, {self.errors} error(s)",
            f"{len(self.batches)} batch(es), {self.requests} request(s), {self.http_calls} HTTP call(s); "
            f"tokens {self.usage.total_tokens} (prompt {self.usage.prompt_tokens}, "
            f"completion {self.usage.completion_tokens})",
        ]
        if price_per_1k:
            lines.append(f"cost {self.cost(price_per_1k):.4f} at the Batch API's half price "
                         f"(one request at a time: {self.per_draft_cost(price_per_1k):.4f} at {price_per_1k:g} per 1k)")
        if self.faults:
            lines.append("faults: " + ", ".join(f"{kind} {count}" for kind, count in sorted(self.faults.items())))
        return lines


def summarize(results: Sequence[RewriteResult | Exception], outcome: BatchOutcome | None) -> BatchSummary:
    """The summary of ``results`` (one per draft, in order), and of the batches that produced them."""
    summary = BatchSummary(drafts=len(results))
    for result in results:
        if isinstance(result, Exception):
            summary.errors += 1
            kind = getattr(result, "kind", "input")
            summary.faults[kind] = summary.faults.get(kind, 0) + 1
        elif not result.assessed:
            summary.unassessed += 1
        else:
            summary.reasked += result.calls > 1
            summary.fell_back += result.fallback
            accepted = result.engine == "openai" and not result.fallback
            summary.accepted_first += accepted and result.calls == 1
            summary.accepted_after_reask += accepted and result.calls > 1
    if outcome is not None:
        summary.batches = outcome.rounds
        summary.requests = sum(r.requests for r in outcome.rounds)
        summary.http_calls = outcome.http_calls
        summary.usage = outcome.usage
    return summary
