"""Shapes left undone at the end of stop 37 and found by the blind review of sets ay and az (issue 16). Each draft is
written for this file."""

from __future__ import annotations

from typing import Any

import pytest

from coach import Coach

coach = Coach(engine="offline")


def rules(draft: str, **given: Any) -> set[str]:
    """The rules ``coach.check`` finds in ``draft`` (``customer=``, ``policy=`` as given)."""
    return {f.rule for f in coach.check(draft, **given).findings}


@pytest.mark.parametrize("draft, tag", [
    ("We'll waive the £30 fee, that's a given. Thanks for bearing with us.", "given"),
    ("The engineer will be with you by 5pm tomorrow. I'm positive. Count on it!", "positive"),
    ("Your parcel will reach you by Friday, you can count on that. Thanks for waiting.", "count on"),
    ("Trust me, the replacement will be with you by Monday.", "Trust me"),
    ("We'll refund the full £40 - mark my words!", "mark my words"),
])
def test_a_tag_that_backs_a_promise_goes_with_it(draft: str, tag: str) -> None:
    result = coach.rewrite(draft, customer="My order 5521 still hasn't arrived and I was charged a £30 fee.")
    assert "broken-promise" in rules(draft)
    assert tag.lower() not in result.rewrite.lower(), result.rewrite
    assert result.passed is not True


def test_a_tag_is_kept_where_no_promise_went() -> None:
    draft = ("Thanks for sending the photos of order 5521. I've booked a courier to collect it on Friday. "
             "I'm positive it's the right fix.")
    assert coach.rewrite(draft, customer="Order 5521 arrived broken.").rewrite == draft
