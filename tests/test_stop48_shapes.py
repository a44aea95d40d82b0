"""Shapes left over from the sets measured last stop (co, cp) and found in this stop's development sets (cu, cv),
issue 16. Each draft is written for this file, in other words than the sets'."""

from __future__ import annotations

from coach import Coach

coach = Coach(engine="offline")


def _rules(text: str, customer: str | None = None, policy: list[str] | None = None) -> set[str]:
    return {f.rule for f in coach.check(text, customer=customer, policy=policy).findings if f.blocking}


def test_details_read_out_of_a_relatives_account_are_held_back() -> None:
    policy = ["Never discuss account activity with anyone other than the account holder"]
    customer = "I'm calling about my husband's bank card, it's in his name. What has he spent on it this week?"
    draft = "Hi Joan, thanks for asking. I can see he spent £412.80 at Currys on Tuesday and £36 at the Co-op. " \
            "Anything else?"
    assert "banned-phrase" in _rules(draft, customer, policy)
    result = coach.rewrite(draft, customer=customer, policy=policy)
    assert "412.80" not in result.rewrite and "Currys" not in result.rewrite, result.rewrite
    assert result.passed is not True
    # the holder asking about their own card, and a step that names the bank's own number, stay
    own = "I can see you spent £412.80 at Currys on Tuesday. Please call us on 0800 555 0100 if that wasn't you."
    assert "banned-phrase" not in _rules(own, "What did I spend on my card this week?", policy)
    step = "Thanks Joan. Please ask him to call us on 0800 555 0100 so we can go through the card with him."
    assert "banned-phrase" not in _rules(step, customer, policy)
