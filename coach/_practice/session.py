"""A practice session: the customer's opening, then turn by turn the agent's reply, its coaching, and the
customer's answer with their mood; at the end, the debrief. The state is a pydantic model, so the service
can hand it to the page and take it back."""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from .._core.errors import CoachError, InputError
from .._core.results import Finding
from .coaching import Outcome, ReplyReview, review_reply
from .scenarios import MOOD_LABELS, Mood, Scenario

__all__ = [
    "Ending", "CustomerTurn", "Turn", "SessionState", "Debrief", "Customer", "PracticeSession", "mood_label",
    "SessionOverError",
]

#: How a session ended: still going, the customer reassured, out of turns, the customer gave up, the agent
#: stopped (/quit), or the terminal closed under it.
Ending = Literal["open", "resolved", "unresolved", "walk_out", "quit", "closed"]


def mood_label(mood: int) -> str:
    return MOOD_LABELS[mood]


class SessionOverError(InputError):
    """A reply sent after the session ended."""


class CustomerTurn(BaseModel):
    """What the customer says next, their mood after the agent's reply, and whether they are done."""

    text: str
    mood: Mood
    ending: Ending = "open"


class Turn(BaseModel):
    """One agent reply, the coach's word on it, and the customer's answer."""

    number: int = Field(ge=1)
    customer_before: str = Field(description="what the customer had just said")
    mood_before: Mood
    reply: str
    findings: list[Finding]
    restated: bool = Field(description="the reply said the customer's problem back")
    next_step: bool = Field(description="the reply gave a concrete step")
    tip: str = Field(description="one short tip, for the most severe finding first")
    outcome: Outcome = Field(description="how the reply landed: worse, same or better")
    customer_after: str = Field(description="the customer's answer")
    mood_after: Mood


class Debrief(BaseModel):
    """The workshop's three questions, answered in the customer's voice."""

    feel: str = Field(description="How did the customer feel?")
    understood: str = Field(description="Did they feel the agent really understood their problem?")
    understood_verdict: Literal["yes", "partly", "no"]
    call_back: str = Field(description="Would they call back, based on the service they got?")
    call_back_verdict: Literal["yes", "maybe", "no"]
    source: str = Field(description="'scripted' (from the session's findings and mood) or 'model'")


class SessionState(BaseModel):
    """Everything a session is: enough to continue it, debrief it, or make its score card."""

    model_config = ConfigDict(extra="forbid")

    scenario_id: str
    customer_kind: str = Field(description="'scripted', or 'model <name>' for a model customer")
    opening: str
    start_mood: Mood
    turns: list[Turn] = Field(default_factory=list)
    ended: Ending = "open"

    @property
    def mood(self) -> int:
        return self.turns[-1].mood_after if self.turns else self.start_mood

    @property
    def last_customer_words(self) -> str:
        return self.turns[-1].customer_after if self.turns else self.opening

    @property
    def moods(self) -> list[int]:
        return [self.start_mood, *(t.mood_after for t in self.turns)]


class Customer(Protocol):
    """Who plays the customer: the scripted one (offline) or a model."""

    kind: str

    def answer(self, scenario: Scenario, state: SessionState, reply: str, review: ReplyReview) -> CustomerTurn:
        """The customer's answer to ``reply`` (``state`` holds the turns before it)."""
        ...

    def debrief(self, scenario: Scenario, state: SessionState) -> Debrief:
        """The three questions, answered from the customer's side once the session is over."""
        ...


class PracticeSession:
    """Drives one session: ``reply`` for each agent reply, ``stop`` to end early, ``debrief`` at the end."""

    def __init__(self, scenario: Scenario, customer: Customer, state: SessionState | None = None):
        self.scenario, self.customer = scenario, customer
        if state is not None and state.scenario_id != scenario.id:
            raise InputError(f"this session belongs to scenario {state.scenario_id!r}, not {scenario.id!r}")
        self.state = state or SessionState(scenario_id=scenario.id, customer_kind=customer.kind,
                                           opening=scenario.lines.opening, start_mood=scenario.customer.mood)

    @property
    def over(self) -> bool:
        return self.state.ended != "open"

    def reply(self, text: str) -> Turn:
        """Coach ``text``, let the customer answer, and record the turn. An empty reply records nothing."""
        if self.over:
            raise SessionOverError(f"the session is over ({self.state.ended}): start a new one")
        said = self.state.last_customer_words
        customer_said = said if said == self.state.opening else f"{self.state.opening}\n{said}"
        review = review_reply(self.scenario, customer_said, text)
        answer = self.customer.answer(self.scenario, self.state, text, review)
        turn = Turn(number=len(self.state.turns) + 1, customer_before=said, mood_before=self.state.mood, reply=text,
                    findings=review.findings, restated=review.restated, next_step=review.next_step, tip=review.tip,
                    outcome=review.outcome, customer_after=answer.text, mood_after=answer.mood)
        ending = answer.ending
        if ending == "open" and turn.number >= self.scenario.max_turns:
            ending = "resolved" if answer.mood == 5 else "unresolved"
        self.state = self.state.model_copy(update={"turns": [*self.state.turns, turn], "ended": ending})
        return turn

    def stop(self, how: Literal["quit", "closed"] = "quit") -> None:
        """End the session early (the agent's /quit, or a closed terminal)."""
        if not self.over:
            self.state = self.state.model_copy(update={"ended": how})

    def debrief(self) -> Debrief:
        """The customer's answers; when a model customer cannot give them, the scripted ones, saying why."""
        try:
            return self.customer.debrief(self.scenario, self.state)
        except CoachError as exc:
            from .scripted import scripted_debrief

            return scripted_debrief(self.scenario, self.state).model_copy(
                update={"source": f"scripted (the model failed: {exc})"})
