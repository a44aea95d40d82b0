"""What the tests mean by "the guard found nothing" in an offline rewrite."""

from coach import RewriteResult
from coach._core.guard import GuardVerdict


def nothing_found(result: RewriteResult) -> bool:
    """The guard found nothing: a pass, or, where the coach wrote lines of its own, no verdict (``passed`` None)
    until a person reads the lines listed in ``review``; never a failure, never a draft left unassessed."""
    return result.assessed and (result.passed is True or (result.passed is None and bool(result.review)))


def vouched(verdict: GuardVerdict, result: RewriteResult) -> bool | None:
    """The ``passed`` an offline rewrite should carry given the guard's ``verdict`` on its text: no pass while lines of
    the coach's own or a doubt (the problem never named) wait for a person."""
    return None if verdict.passed and (result.review or not verdict.settled) else verdict.passed
