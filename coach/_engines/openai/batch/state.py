"""The state file of a Batch API run: which batches were created for which requests, so that a run that
was interrupted picks up the same batches instead of paying twice.

It holds ids, counts and hashes, never a key, a draft or a model answer. Each round records the sha256 of
the JSONL it sent; a resumed run rebuilds the same requests (the same input, model, prompt and guard give
the same bytes) and refuses a state file written for other requests.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...._core.errors import BatchStateError, describe_errors
from ..transport import safe_url

__all__ = ["BatchRound", "BatchState", "load_state"]

_VERSION = 1


class BatchRound(BaseModel):
    """One batch: round 1 holds every draft; each later round holds the re-asks of the one before."""

    model_config = ConfigDict(extra="forbid")

    batch_id: str
    input_file_id: str
    requests: int
    sha256: str
    status: str = "validating"


class BatchState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = _VERSION
    base_url: str = ""
    model: str = ""
    prompt_id: str = ""
    rounds: list[BatchRound] = Field(default_factory=list)

    def save(self, path: str | os.PathLike) -> None:
        """Written whole, then renamed into place: an interrupted write never leaves half a state file."""
        path = Path(path)
        self.base_url = safe_url(self.base_url)
        try:
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(self.model_dump_json(indent=2) + "\n")
            os.replace(temp, path)
        except OSError as exc:
            raise BatchStateError(f"cannot write the batch state file {path}: {exc.strerror or exc}") from None

    def check_round(self, index: int, sha256: str, path: str | os.PathLike) -> BatchRound | None:
        """The recorded batch for round ``index`` (None when there is none yet), if it was sent for these requests."""
        if index >= len(self.rounds):
            return None
        recorded = self.rounds[index]
        if recorded.sha256 != sha256:
            raise BatchStateError(
                f"the batch state file {path} records batch {recorded.batch_id} for other requests than these "
                f"(another input, model, prompt or guard): give a new --state, or delete {path} to send again")
        return recorded


def load_state(path: str | os.PathLike, *, must_exist: bool = False) -> BatchState:
    """The state at ``path``; a fresh one when there is no file yet (unless ``must_exist``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if must_exist:
            raise BatchStateError(f"batch state file not found: {path}") from None
        return BatchState()
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchStateError(f"cannot read the batch state file {path}: {exc}") from None
    try:
        state = BatchState.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        detail = describe_errors(exc, whole="state") if isinstance(exc, ValidationError) else str(exc)
        raise BatchStateError(f"{path} is not a coach batch state file: {detail}") from None
    if state.version != _VERSION:
        raise BatchStateError(f"{path} is a version {state.version} state file; this coach reads version {_VERSION}")
    return state
