"""Practice sessions without a terminal or a model: the scenarios, the scripted customer, coaching, the card."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coach._core.errors import EmptyDraftError
from coach._core.rules import RULE_IDS
from coach._practice import (
    PracticeSession,
    ScenarioError,
    ScoreCard,
    ScriptedCustomer,
    build_card,
    builtin_scenarios,
    find_scenario,
    load_scenario,
    review_reply,
)
from coach._practice.scenarios import SCENARIO_DIR

BLAND = "Sorry for the inconvenience. We will look into it."
VAGUE = "I understand. I'll see what I can do."
GOOD = ("Thank you for telling me about order A-20931. The present for your son's birthday on Saturday has not "
        "arrived. I'm opening a courier trace now and will email you by 3pm with what they say.")
GOOD_2 = ("Thanks for waiting. If the trace shows the parcel is lost, the refund of £64.00 takes 5-7 business days, "
          "and I'll email you the trace result by 3pm.")


def run(scenario_id: str, replies: list[str]) -> PracticeSession:
    session = PracticeSession(find_scenario(scenario_id), ScriptedCustomer())
    for reply in replies:
        if session.over:
            break
        session.reply(reply)
    return session


def test_at_least_twelve_scenarios_across_channels_and_the_situations_asked_for():
    scenarios = builtin_scenarios()
    assert len(scenarios) >= 12
    assert {s.channel for s in scenarios} == {"chat", "email", "phone"}
    situations = " | ".join(s.situation for s in scenarios)
    for wanted in ("late parcel", "double charge", "bereavement", "outage before a deadline", "angry repeat caller",
                   "request the policy refuses"):
        assert wanted in situations
    assert len({s.id for s in scenarios}) == len(scenarios)


@pytest.mark.parametrize("scenario", builtin_scenarios(), ids=lambda s: s.id)
def test_every_scenario_opening_names_its_facts_and_key_terms(scenario):
    """A restatement is judged by the key terms: the customer's opening must give the agent something to say back."""
    opening = scenario.lines.opening.lower()
    assert any(term.lower() in opening for term in scenario.problem.key_terms)
    assert any(value.lower() in opening for value in scenario.problem.facts.values())


def test_a_good_reply_calms_the_customer_and_a_bland_one_upsets_them():
    bland = review_reply(find_scenario("late-parcel"), find_scenario("late-parcel").lines.opening, BLAND)
    good = review_reply(find_scenario("late-parcel"), find_scenario("late-parcel").lines.opening, GOOD)
    assert bland.outcome == "worse" and bland.findings[0].rule == "bland-apology"
    assert "sorry for the inconvenience" in bland.tip  # one short tip, for the most severe finding
    assert good.outcome == "better" and good.restated and good.next_step and not good.findings


def test_findings_come_most_severe_first():
    review = review_reply(find_scenario("double-charge"), "I was charged twice.",
                          "Sorry for the trouble. I promise this will never happen again.")
    ranks = [("error", "warning", "info", "suggestion").index(f.severity) for f in review.findings]
    assert ranks == sorted(ranks) and review.findings[0].rule == "broken-promise"


def test_the_mood_moves_with_the_replies_and_the_session_ends_when_reassured():
    session = run("late-parcel", [BLAND, GOOD, GOOD_2, GOOD, GOOD_2])
    moods = session.state.moods
    assert moods[:4] == [2, 1, 2, 3]  # worse, better, better
    assert session.state.turns[0].customer_after in find_scenario("late-parcel").lines.worse
    assert session.state.turns[1].customer_after in find_scenario("late-parcel").lines.better


def test_two_hollow_replies_to_a_furious_customer_end_with_a_walk_out():
    scenario = find_scenario("angry-repeat-caller")
    session = run("angry-repeat-caller", [VAGUE, VAGUE, VAGUE])
    assert session.state.ended == "walk_out"
    assert session.state.turns[-1].customer_after == scenario.lines.walk_out
    assert session.state.moods == [1, 1, 1] and len(session.state.turns) == 2


def test_a_rule_specific_line_answers_that_rule():
    session = run("angry-repeat-caller", ["Sorry for the inconvenience. Someone will call you back."])
    assert session.state.turns[0].customer_after == find_scenario("angry-repeat-caller").lines.on_rule["bland-apology"]


def test_the_same_replies_give_the_same_session():
    a = run("outage-deadline", [BLAND, VAGUE, GOOD]).state.model_dump()
    b = run("outage-deadline", [BLAND, VAGUE, GOOD]).state.model_dump()
    assert a == b


def test_an_empty_reply_records_nothing():
    session = run("late-parcel", [])
    with pytest.raises(EmptyDraftError):
        session.reply("   ")
    assert session.state.turns == []


def test_the_debrief_answers_the_three_questions_from_the_session():
    poor = run("late-parcel", [BLAND, VAGUE]).debrief()
    good = run("late-parcel", [GOOD, GOOD_2, GOOD, GOOD_2]).debrief()
    assert poor.understood_verdict == "no" and poor.call_back_verdict == "no"
    assert "Sorry for the inconvenience." in poor.feel and "furious" in poor.feel
    assert good.understood_verdict == "yes" and good.call_back_verdict == "yes" and "reassured" in good.feel
    promised = run("late-parcel", ["Thanks for telling me about order A-20931. I promise the parcel will arrive "
                                   "tomorrow."]).debrief()
    assert "promised" in promised.call_back


def test_the_card_summarises_the_session():
    session = run("late-parcel", [BLAND, GOOD, VAGUE])
    card = build_card(session.scenario, session.state, session.debrief(), agent="sam")
    assert card.replies == 3 and card.mood == session.state.moods
    assert set(card.findings_per_rule) == set(RULE_IDS) and card.findings_per_rule["bland-apology"] == 1
    assert card.best_reply.turn == 2 and card.worst_reply.turn == 3
    assert card.practise_next.rule in {"vague-effort", "no-next-step", "bland-apology"}
    again = ScoreCard.model_validate_json(card.model_dump_json())
    assert again == card


def test_the_documented_card_schema_is_the_models(tmp_path):
    documented = json.loads((Path(__file__).parents[1] / "docs" / "practice-card.schema.json").read_text())
    assert documented == ScoreCard.model_json_schema()  # regenerate: coach practice --card-schema > docs/...


def test_a_team_scenario_loads_and_a_malformed_one_fails_in_one_line(tmp_path):
    own = tmp_path / "ours.toml"
    shutil.copy(SCENARIO_DIR / "01-late-parcel.toml", own)
    own.write_text(own.read_text().replace('id = "late-parcel"', 'id = "our-parcel"'))
    assert load_scenario(own).id == "our-parcel"
    broken = tmp_path / "broken.toml"
    text = own.read_text().replace("mood = 2", "mood = 9")
    broken.write_text(text.replace("[lines.on_rule]", "[lines.on_rule]\nrudeness = 'x'"))
    with pytest.raises(ScenarioError) as info:
        load_scenario(broken)
    message = str(info.value)
    assert "\n" not in message and "customer.mood" in message and "rudeness" in message
    (tmp_path / "bad.toml").write_text("id = ")
    with pytest.raises(ScenarioError, match="not valid TOML"):
        load_scenario(tmp_path / "bad.toml")


def test_an_unknown_scenario_names_the_list():
    with pytest.raises(ScenarioError, match="coach practice --list"):
        find_scenario("no-such-scenario")
