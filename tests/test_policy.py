import pytest

from coach import Coach, Policy, PolicyError, load_policy
from coach._core.checker import check

coach = Coach(engine="offline")
POLICY = Policy(commitments=["Refunds are issued within 5-7 business days", "Replacement orders ship within 2 business days"])


def promises(draft, policy=POLICY):
    return [f for f in coach.check(draft, policy=policy).findings if f.rule == "broken-promise"]


def test_commitment_covered_by_policy_is_not_a_promise():
    draft = "Your refund will be issued within 5-7 business days."
    assert promises(draft, Policy())  # without a policy it is a timeline the agent cannot guarantee
    assert not promises(draft)


def test_faster_than_policy_is_still_a_promise():
    assert promises("Your refund will be issued within 2 days.")
    assert promises("Your replacement will ship today.")


def test_unconditional_is_still_a_promise():
    assert promises("You'll definitely get your refund within 5-7 business days.")
    assert promises("I guarantee your replacement will ship within 2 business days.")


def test_other_topic_is_not_covered():
    assert promises("Your internet will be back up within 5-7 business days.")


def test_banned_phrases_are_flagged_with_spans():
    policy = Policy(banned_phrases=["valued customer", "as per"])
    draft = "Dear valued customer, as per our records the parcel left on Monday."
    hits = [f for f in coach.check(draft, policy=policy).findings if f.rule == "banned-phrase"]
    assert [h.quote for h in hits] == ["valued customer", "as per"]
    assert all(h.severity == "warning" for h in hits)


def test_load_policy_from_toml(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text(
        'commitments = ["Refunds are issued within 5-7 business days"]\n'
        'banned_phrases = ["valued customer"]\n'
        '[severity]\nno-thanks = "off"\nparroting = "warning"\n'
    )
    policy = load_policy(path)
    assert policy.commitments == ["Refunds are issued within 5-7 business days"]
    assert policy.severity == {"no-thanks": None, "parroting": "warning"}


@pytest.mark.parametrize(
    "content, needle",
    [
        ("commitments = [", "not valid TOML"),
        ("commitments = 3", "invalid"),
        ("surprise = true", "invalid"),
        ('[severity]\nno-thanks = "loud"', "invalid"),
    ],
)
def test_bad_policy_files_raise_policy_error(tmp_path, content, needle):
    path = tmp_path / "policy.toml"
    path.write_text(content)
    with pytest.raises(PolicyError, match=needle):
        load_policy(path)


def test_missing_policy_file(tmp_path):
    with pytest.raises(PolicyError, match="not found"):
        load_policy(tmp_path / "nope.toml")


def test_unknown_rule_in_severity_is_an_error():
    with pytest.raises(PolicyError, match="unknown rule"):
        coach.check("Thanks!", policy=Policy(severity={"no-such-rule": "error"}))


def test_policy_coerce_accepts_lines_and_dicts():
    assert Policy.coerce(["a line"]).commitments == ["a line"]
    assert Policy.coerce({"banned_phrases": ["x"]}).banned_phrases == ["x"]
    with pytest.raises(PolicyError):
        Policy.coerce(42)


def test_policy_file_with_unknown_rule_fails_at_load(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('[severity]\nno-such-rule = "error"\n')
    with pytest.raises(PolicyError, match="unknown rule"):
        load_policy(path)


def test_a_line_that_rules_something_out_grants_nothing_and_flags_it():
    policy = Policy(commitments=["Replacement parts ship within 2 business days",
                                 "Express delivery is not available for replacement parts"])
    reply = "Thanks for the photo. I've arranged express delivery for the new handle."
    assert policy.forbids(reply) and not policy.covers(reply)
    assert "broken-promise" in {f.rule for f in check(reply, None, policy).findings}
    declined = "Thanks for the photo. Express delivery is not available for replacement parts, so I've sent it standard."
    assert "broken-promise" not in {f.rule for f in check(declined, None, policy).findings}


def test_an_amount_over_the_policy_cap_is_not_covered():
    policy = Policy(commitments=["Goodwill credits are capped at £15 per order"])
    assert "broken-promise" in {f.rule for f in check("Thanks. I'll credit £40 to your account.", None, policy).findings}
    assert "broken-promise" not in {f.rule for f in check("Thanks. I'll credit £15 to your account.", None, policy).findings}


def test_an_estimated_bill_is_not_a_hedge():
    reply = "Thanks. Our billing team will correct the estimated bill immediately, and you'll definitely get a full credit."
    assert "broken-promise" in {f.rule for f in check(reply).findings}


def test_a_line_that_grants_one_thing_and_rules_out_another_is_read_in_parts():
    policy = Policy(commitments=["Cancellations take effect at the end of the paid month; no partial refunds."])
    assert policy.covers("your cancellation takes effect at the end of the paid month", timed=False)
    assert policy.forbids("I've added a partial refund for the unused days") is not None
    assert policy.forbids("I've cancelled your plan, and it stays active to the end of the paid month") is None
