"""The score card of one practice session: what a team lead collects (``coach practice --card PATH``).

Its JSON schema is ``ScoreCard.model_json_schema()`` (``coach practice --card-schema`` prints it; the README
describes the fields). ``card_version`` changes when a field changes meaning.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from .._core.errors import InputError, describe_errors
from .._core.files import read_text
from .._core.results import SEVERITY_RANK
from .._core.rules import RULE_IDS, load_rules
from .coaching import SEVERITY_WEIGHT, tip_for
from .scenarios import Channel, Scenario
from .session import Debrief, Ending, SessionState, Turn

__all__ = ["ScoreCard", "ScenarioRef", "ReplyRef", "PractiseNext", "build_card", "save_card", "load_card"]


class ScenarioRef(BaseModel):
    id: str
    title: str
    channel: Channel
    situation: str


class ReplyRef(BaseModel):
    """One reply picked out of the session (the best or the worst)."""

    turn: int = Field(description="the reply's number, from 1")
    reply: str
    rules: list[str] = Field(description="the rules its findings broke, most severe first")
    mood_after: int


class PractiseNext(BaseModel):
    rule: str | None = Field(description="the rule that cost the session most, or None when none did")
    tip: str


class ScoreCard(BaseModel):
    card_version: Literal[1] = 1
    agent: str = Field(description="who practised")
    created_at: str = Field(description="when the card was written, ISO 8601 in UTC")
    scenario: ScenarioRef
    customer: str = Field(description="'scripted', or 'model <name>'")
    ended: Ending
    replies: int = Field(description="how many replies the agent sent")
    mood: list[int] = Field(description="the customer's mood, 1 (furious) to 5 (reassured): at the start, "
                                        "then after each reply")
    findings_per_rule: dict[str, int] = Field(description="every rule id, with how many findings it had")
    best_reply: ReplyRef | None
    worst_reply: ReplyRef | None
    practise_next: PractiseNext
    debrief: Debrief | None = Field(description="the three questions, answered by the customer; None while "
                                                "the session is still open")
    turns: list[Turn] = Field(description="the whole session, turn by turn")


def _cost(turn: Turn) -> int:
    return sum(SEVERITY_WEIGHT[f.severity] for f in turn.findings) - turn.restated - turn.next_step


def _ref(turn: Turn) -> ReplyRef:
    return ReplyRef(turn=turn.number, reply=turn.reply, rules=list(dict.fromkeys(f.rule for f in turn.findings)),
                    mood_after=turn.mood_after)


def _practise_next(turns: list[Turn]) -> PractiseNext:
    weight: Counter[str] = Counter()
    for turn in turns:
        for f in turn.findings:
            weight[f.rule] += SEVERITY_WEIGHT[f.severity]
    rules = load_rules()
    ranked = sorted((r for r in weight if weight[r] > 0), key=lambda r: (
        -weight[r], -SEVERITY_RANK[rules[r].severity] if r in rules else 0,
        RULE_IDS.index(r) if r in RULE_IDS else len(RULE_IDS)))
    if ranked:
        return PractiseNext(rule=ranked[0], tip=tip_for(ranked[0]))
    if any(not t.restated for t in turns):
        return PractiseNext(rule=None, tip=tip_for("restate"))
    if any(not t.next_step for t in turns):
        return PractiseNext(rule=None, tip=tip_for("step"))
    return PractiseNext(rule=None, tip="Nothing stood out: try a harder scenario, such as angry-repeat-caller.")


def build_card(scenario: Scenario, state: SessionState, debrief: Debrief | None, *, agent: str,
               now: datetime | None = None) -> ScoreCard:
    turns = state.turns
    counts = Counter(f.rule for t in turns for f in t.findings)
    best = min(turns, key=_cost) if turns else None  # the earliest of equals
    worst = max(reversed(turns), key=_cost) if turns else None  # the latest of equals
    return ScoreCard(
        agent=agent, created_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
        scenario=ScenarioRef(id=scenario.id, title=scenario.title, channel=scenario.channel,
                             situation=scenario.situation),
        customer=state.customer_kind, ended=state.ended, replies=len(turns), mood=state.moods,
        findings_per_rule={rule: counts.get(rule, 0) for rule in RULE_IDS},
        best_reply=_ref(best) if best else None, worst_reply=_ref(worst) if worst else None,
        practise_next=_practise_next(turns), debrief=debrief, turns=turns,
    )


def save_card(card: ScoreCard, path: str | Path) -> None:
    """Write the card atomically: a crash mid-write leaves the previous card, never half of one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(card.model_dump_json(indent=2) + "\n")
        os.replace(temp, path)
    except OSError as exc:
        raise InputError(f"cannot write the score card to {path}: {exc.strerror or exc}") from None


def load_card(path: str | Path) -> ScoreCard:
    text = read_text(path, "score card")
    try:
        return ScoreCard.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(f"score card {path} is invalid: {describe_errors(exc)}") from None
