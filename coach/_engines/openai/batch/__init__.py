"""The openai engine's rewrites through the Batch API: one file of requests in, one file of answers out."""

from .jobs import BatchJobs, BatchStatus
from .rounds import BatchDraft, BatchOutcome, BatchProgress, BatchWait, Outcome, run_rounds
from .state import BatchRound, BatchState, load_state
from .summary import BATCH_PRICE_RATIO, BatchSummary, summarize

__all__ = [
    "BatchJobs", "BatchStatus", "BatchDraft", "BatchOutcome", "BatchProgress", "BatchWait", "Outcome", "run_rounds",
    "BatchRound", "BatchState", "load_state", "BATCH_PRICE_RATIO", "BatchSummary", "summarize",
]
