"""The model customer: a model plays the scenario's customer (prompts/customer.v1.md) and answers the
debrief's three questions (prompts/customer-debrief.v1.md), through the openai engine's exchange: the same
structured answers, retries, budget and key-free errors as a rewrite.

The agent's replies are untrusted data, fenced in ``<agent_reply>`` tags. An answer that breaks character
(coaches, names a rule, talks about being a model) is sent back with the problem, like a rewrite that fails
the guard; when no answer passes, the scripted customer answers that turn instead and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .._core.rules import RULE_IDS
from .._engines.base import EngineFailed, EngineSettings
from .._engines.openai import build_engine
from .._engines.openai.exchange import Exchange, Rejected
from .._engines.openai.prompts import untrusted
from .coaching import ReplyReview
from .scenarios import MOOD_LABELS, Scenario
from .scripted import ScriptedCustomer, scripted_debrief
from .session import CustomerTurn, Debrief, SessionState

__all__ = ["ModelCustomer", "CustomerAnswer", "DebriefAnswer", "CUSTOMER_PROMPT", "DEBRIEF_PROMPT", "out_of_character"]

CUSTOMER_PROMPT = "customer.v1"
DEBRIEF_PROMPT = "customer-debrief.v1"
_OWN_TAGS = re.compile(r"<(?=/?\s*(?:agent_reply|conversation)\b)", re.I)
_OUT_OF_CHARACTER = re.compile(
    r"\b(?:as an ai|language model|i am an ai|i'm an ai|role[- ]?play|simulat\w*|training session|the trainee"
    r"|(?:tip|feedback|suggestion)\s*:|a better reply|your reply (?:should|could) have)\b|"
    + "|".join(re.escape(rule) for rule in RULE_IDS), re.I)


def out_of_character(text: str) -> str | None:
    """The words that show ``text`` is not the customer speaking (coaching, rule ids, talk of being a model)."""
    match = _OUT_OF_CHARACTER.search(text)
    return match.group(0) if match else None


def fenced(text: str) -> str:
    """Untrusted text made safe to put between this prompt's tags."""
    return _OWN_TAGS.sub("&lt;", untrusted(text))


class CustomerAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reply: str = Field(description="what the customer says next")
    mood: Literal[1, 2, 3, 4, 5] = Field(description="1 furious, 2 frustrated, 3 uneasy, 4 calmer, 5 reassured")
    done: bool = Field(description="true when the customer ends the conversation")

    @field_validator("reply")
    @classmethod
    def _said_something(cls, reply: str) -> str:
        if not reply.strip():
            raise ValueError("the reply is empty: write what the customer says next")
        return reply.strip()


class DebriefAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feel: str
    understood: str
    understood_verdict: Literal["yes", "partly", "no"]
    call_back: str
    call_back_verdict: Literal["yes", "maybe", "no"]


def _conversation(scenario: Scenario, state: SessionState, upto: int | None = None) -> str:
    lines = [f"{scenario.customer.name} (you): {state.opening}"]
    for turn in state.turns[:upto]:
        lines += [f"Agent: <agent_reply>{fenced(turn.reply)}</agent_reply>",
                  f"{scenario.customer.name} (you): {turn.customer_after}"]
    return "\n".join(lines)


def _scenario_values(scenario: Scenario) -> dict[str, str]:
    facts = "\n".join(f"- {key.replace('_', ' ')}: {value}" for key, value in scenario.problem.facts.items())
    return {"name": scenario.customer.name, "persona": scenario.customer.about, "problem": scenario.problem.summary,
            "facts": facts or "- (none)", "wants": scenario.wants, "channel": scenario.channel}


def _noticed(review: ReplyReview) -> str:
    notes = ["it said your problem back" if review.restated else "it did not say your actual problem back",
             "it gave a concrete next step" if review.next_step else "it gave no concrete next step"]
    hurtful = {"bland-apology": "it apologised without naming what went wrong",
               "pity": "it sounded upset or pitying rather than helpful",
               "broken-promise": "it promised something that may not be in their hands",
               "vague-effort": "it only vaguely promised to try",
               "parroting": "it said it understood without saying what"}
    notes += [hurtful[f.rule] for f in review.findings if f.rule in hurtful]
    return "; ".join(dict.fromkeys(notes)) + "."


@dataclass
class CustomerTask:
    scenario: Scenario
    state: SessionState
    draft: str  # the agent's last reply (the exchange's name for the text under review)
    review_of_reply: ReplyReview
    answer_type: type[CustomerAnswer] = CustomerAnswer

    def prompt_values(self) -> dict[str, str]:
        mood = self.state.mood
        return {**_scenario_values(self.scenario), "mood": f"{mood} ({MOOD_LABELS[mood]})",
                "conversation": _conversation(self.scenario, self.state), "reply": fenced(self.draft),
                "noticed": _noticed(self.review_of_reply)}

    def review(self, answer: CustomerAnswer) -> list[str]:
        words = out_of_character(answer.reply)
        if words:
            return [f"stay in character: {self.scenario.customer.name} is a customer and would not say "
                    f"\"{words}\"; write only what the customer says next, without advice to the agent"]
        return []

    def success(self, exchange: Exchange, answer: CustomerAnswer) -> CustomerTurn:
        before = self.state.mood
        mood = min(before + 2, max(before - 2, answer.mood))  # at most two steps a reply
        ending = "open"
        if answer.done:
            ending = "resolved" if mood >= 4 else "walk_out"
        return CustomerTurn(text=answer.reply, mood=mood, ending=ending)

    def failed(self, exchange: Exchange, rejected: Rejected) -> EngineFailed:
        return EngineFailed("; ".join(rejected.problems)[:300])


@dataclass
class DebriefTask:
    scenario: Scenario
    state: SessionState
    draft: str = ""
    answer_type: type[DebriefAnswer] = DebriefAnswer

    def prompt_values(self) -> dict[str, str]:
        return {**_scenario_values(self.scenario), "moods": ", ".join(map(str, self.state.moods)),
                "conversation": _conversation(self.scenario, self.state)}

    def review(self, answer: DebriefAnswer) -> list[str]:
        text = " ".join([answer.feel, answer.understood, answer.call_back])
        words = out_of_character(text)
        return [f"answer as the customer, without \"{words}\""] if words else []

    def success(self, exchange: Exchange, answer: DebriefAnswer) -> Debrief:
        return Debrief(**answer.model_dump(), source="model")

    def failed(self, exchange: Exchange, rejected: Rejected) -> EngineFailed:
        return EngineFailed("; ".join(rejected.problems)[:300])


class ModelCustomer:
    """A model plays the customer; ``kind`` is ``model <name>``. ``engine`` is the openai engine (sync)."""

    def __init__(self, engine: Any):
        self.engine = engine
        self.kind = f"model {engine.model_name()}"
        self.fallbacks = 0  # turns the scripted customer answered because no model answer passed

    @classmethod
    def from_settings(cls, settings: EngineSettings) -> "ModelCustomer":
        return cls(build_engine(settings))

    def answer(self, scenario: Scenario, state: SessionState, reply: str, review: ReplyReview) -> CustomerTurn:
        outcome = self.engine.ask(CustomerTask(scenario, state, reply, review), CUSTOMER_PROMPT)
        if isinstance(outcome, EngineFailed):
            self.fallbacks += 1
            return ScriptedCustomer().answer(scenario, state, reply, review)
        return outcome

    def debrief(self, scenario: Scenario, state: SessionState) -> Debrief:
        outcome = self.engine.ask(DebriefTask(scenario, state), DEBRIEF_PROMPT)
        if isinstance(outcome, EngineFailed):
            return scripted_debrief(scenario, state).model_copy(
                update={"source": f"scripted (the model's answers were unusable: {outcome.error})"})
        return outcome
