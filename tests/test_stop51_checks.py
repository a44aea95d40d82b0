"""Stop 51: the engine's own checks, in drafts written for these tests. Someone who comes to fix a thing comes in the
end, so the agent finds out when, not whether; an effort at a fix that names nothing is looked into; and a request for
an order number the customer gave goes even when the agent's "I'll look into this and update you" follows it."""

from __future__ import annotations

import pytest

from coach import Coach
from coach._core.asked_again import asked_again
from coach._engines.offline.engine import _RESTORED, _when

coach = Coach()


@pytest.mark.parametrize(("line", "expected"), [
    ("Let me check whether we can get an engineer to you, and I'll update you.",
     "Let me check when we can get an engineer to you, and I'll update you."),
    ("I'm checking whether the technician can be there, and I'll update you tonight.",
     "I'm checking when the technician can be there, and I'll update you tonight."),
    ("Let me check whether the crew can collect your bin; I'll update you tomorrow.",
     "Let me check when the crew can collect your bin; I'll update you tomorrow."),
    ("I'm checking whether we can have your prescription ready, and I'll update you in 20 minutes.",
     "I'm checking when we can have your prescription ready, and I'll update you in 20 minutes."),
    # a time of its own, a choice, or a remedy still to be decided keep "whether"
    ("Let me check whether we can get an engineer to you first thing, and I'll update you.", None),
    ("I'm checking whether it can be repaired or needs replacing, and I'll update you.", None),
    ("I'm checking whether the boiler can be replaced, and I'll update you tomorrow.", None),
    ("Let me check whether we can have it ready tomorow, and I'll update you.", None),
])
def test_a_visit_or_a_collection_is_checked_for_when(line: str, expected: str | None) -> None:
    assert _RESTORED.sub(_when, line) == (expected or line)


def test_an_effort_at_a_fix_that_names_nothing_is_looked_into() -> None:
    draft = "@pete_r sorry about that!! 😬 we'll do our best to fix 🛠️"
    customer = "@GridLine my smart meter display has been blank since Sunday. account 88-2231"
    result = coach.rewrite(draft, customer=customer)
    assert "whether we can fix" not in result.rewrite, result.rewrite
    assert result.passed is not False, (result.rewrite, result.findings_after)


def test_a_request_for_a_given_order_number_goes_before_the_agents_look() -> None:
    customer = "@MossAndFern ordered the oak shelf (order #MF-30418) and it came with two brackets missing"
    assert asked_again("pls DM us your order # and I'll look into this and update you 💚", customer)
    assert not asked_again("pls DM us your order # and I'll look into this and update you 💚",
                           "@MossAndFern my oak shelf came with two brackets missing")


def test_a_request_for_a_given_order_number_is_read_past_a_thread_marker_and_a_tag() -> None:
    customer = "@CasaNova_UK waiting since 2 May for my armchair, order CN-55102. two slots missed"
    assert asked_again("2/2 Please DM us your order number and I'll look into this and update you 🙏 #CasaNova", customer)
    assert asked_again("Please DM us your order number ^JT", customer)
    assert not asked_again("Please DM us your order number and I'll resend it #CasaNova", customer)  # a step of its own
