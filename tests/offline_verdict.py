"""What the tests mean by "the guard found nothing" in an offline rewrite."""

from coach import RewriteResult


def nothing_found(result: RewriteResult) -> bool:
    """The guard found nothing: a pass, or, where the coach wrote lines of its own, no verdict (``passed`` None)
    until a person reads the lines listed in ``review``; never a failure, never a draft left unassessed."""
    return result.assessed and (result.passed is True or (result.passed is None and bool(result.review)))


def vouched(passed: bool, result: RewriteResult) -> bool | None:
    """The ``passed`` an offline rewrite should carry when the guard's verdict on its text is ``passed``."""
    return None if passed and result.review else passed
