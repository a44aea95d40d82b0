"""``coach audit``: check a contact centre's past replies, on one machine or on Ray, into findings and a report."""

from .audit import AuditTally
from .inputs import Columns
from .local import AuditInterrupted, AuditOutcome, audit_files
from .report import render_report, write_report

__all__ = ["AuditTally", "AuditOutcome", "AuditInterrupted", "Columns", "audit_files", "audit_dataset",
           "render_report", "write_report"]


def __getattr__(name: str):
    if name == "audit_dataset":  # Ray loads only when asked for
        from .on_ray import audit_dataset

        return audit_dataset
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
