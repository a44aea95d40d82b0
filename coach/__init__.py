"""reply coach: check and rewrite customer-service replies for empathy rather than sympathy.

    >>> from coach import Coach
    >>> Coach().check("Sorry for the inconvenience.").passed
    False
"""

from ._api import AsyncCoach, Coach
from ._core.checker import MAX_DRAFT_CHARS
from ._core.errors import (
    BatchError,
    BatchStateError,
    BatchStillRunning,
    CoachError,
    DraftTooLongError,
    EmptyDraftError,
    InputError,
    LearnedCheckerError,
    ModelConfigError,
    ModelError,
    ModelRequestError,
    ModelResponseError,
    PolicyError,
    PromptError,
)
from ._core.policy import Policy, load_policy
from ._core.results import CheckResult, CritiqueFinding, CritiqueResult, Finding, RewriteResult, Severity, Timing, Usage
from ._core.rules import RULE_IDS
from ._version import __version__


def __getattr__(name: str):
    # ``coach.run_eval`` loads the eval harness only when asked for.
    if name == "run_eval":
        from ._eval import run_eval

        return run_eval
    if name in ("audit_files", "audit_dataset"):  # coach audit: pyarrow (and Ray) load only when asked for
        try:
            from . import _audit
        except ImportError as exc:
            raise ImportError(f"coach.{name} needs the audit extra ({exc.name} is missing): "
                              "pip install 'reply-coach[audit]'") from exc
        return getattr(_audit, name)
    raise AttributeError(f"module 'coach' has no attribute {name!r}")


__all__ = [
    "__version__",
    "Coach",
    "AsyncCoach",
    "run_eval",
    "audit_files",
    "audit_dataset",
    "CheckResult",
    "Finding",
    "RewriteResult",
    "CritiqueResult",
    "CritiqueFinding",
    "Usage",
    "Timing",
    "Severity",
    "Policy",
    "load_policy",
    "RULE_IDS",
    "MAX_DRAFT_CHARS",
    "CoachError",
    "InputError",
    "LearnedCheckerError",
    "EmptyDraftError",
    "DraftTooLongError",
    "PolicyError",
    "PromptError",
    "ModelError",
    "ModelConfigError",
    "ModelRequestError",
    "ModelResponseError",
    "BatchError",
    "BatchStillRunning",
    "BatchStateError",
]
