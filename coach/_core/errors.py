"""The coach's one exception tree. Every error the API raises is a ``CoachError``."""

from __future__ import annotations

__all__ = [
    "CoachError",
    "InputError",
    "EmptyDraftError",
    "DraftTooLongError",
    "PolicyError",
    "LearnedCheckerError",
    "PromptError",
    "ModelError",
    "ModelConfigError",
    "ModelRequestError",
    "ModelResponseError",
    "BatchError",
    "BatchStillRunning",
    "BatchStateError",
    "describe_errors",
]


class CoachError(Exception):
    """Base of every error raised by the coach."""

    #: In ``rewrite_many``'s results: the failed item's id, else its index (as a ``RewriteResult.id``).
    item_id: str | int | None = None


class InputError(CoachError, ValueError):
    """The caller's input cannot be coached (empty, too long, not UTF-8, malformed)."""


class EmptyDraftError(InputError):
    """The draft is empty or only whitespace."""


class DraftTooLongError(InputError):
    """The draft is longer than the coach accepts."""


class PolicyError(InputError):
    """The policy file or policy value is invalid."""


class LearnedCheckerError(CoachError):
    """The learned checker's shipped files are missing, corrupt or do not match each other (reinstall)."""


class PromptError(CoachError):
    """A prompt template is missing, or rendering it lacks a variable."""


class ModelError(CoachError):
    """Talking to the language model failed."""


class ModelConfigError(ModelError):
    """The model engine was asked for but is not configured (no model, no client)."""


class ModelRequestError(ModelError):
    """The model server refused or failed the request (HTTP status, timeout, connection).

    ``status`` is the HTTP status when there was one. The message never contains credentials.
    """

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = False):
        super().__init__(message)
        self.status = status
        self.retryable = retryable


class ModelResponseError(ModelError):
    """The model answered, but the answer could not be used (not JSON, wrong shape, cut off)."""


class BatchError(ModelRequestError):
    """A Batch API job went wrong for some requests: its upload was refused, the batch failed, expired or
    was cancelled, its output file is missing, or its output holds an error line for the request.

    ``kind`` says which: ``refused``, ``failed``, ``expired``, ``cancelled``, ``missing-output``, ``line``, or
    ``request`` (the batch could not be asked about, e.g. it is not on the server).
    """

    def __init__(self, message: str, *, kind: str, status: int | None = None):
        super().__init__(message, status=status)
        self.kind = kind


class BatchStillRunning(ModelError):
    """The wait for a batch ended (``--max-wait``, or the server stopped answering) before it finished.

    The batch keeps running on the server; the state file that records it resumes the run.
    """


class BatchStateError(InputError):
    """A batch state file is unreadable, or records batches sent for other requests."""


def describe_errors(exc: Exception, whole: str = "value") -> str:
    """A pydantic ``ValidationError`` as one line, ``field: problem; field: problem`` (``whole`` names the root)."""
    errors = getattr(exc, "errors", None)
    if not callable(errors):
        return str(exc)
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or whole}: {e['msg']}" for e in errors())
