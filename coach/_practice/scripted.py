"""The offline customer: scripted lines per scenario, chosen by how the agent's last reply went.

Deterministic: the same scenario and the same replies give the same session. A hollow or risky reply
(a blocking finding, or neither the problem said back nor a step) makes the customer one step more upset;
a reply that says the problem back and gives a step calms them one step; anything else leaves them as they
are. At 5 (reassured) they close happily; let down twice running at 1 (furious), they give up.
"""

from __future__ import annotations

from collections import Counter

from .coaching import ReplyReview, effect_of
from .scenarios import Scenario
from .session import CustomerTurn, Debrief, SessionState, mood_label

__all__ = ["ScriptedCustomer", "scripted_debrief"]

_MOVE = {"worse": -1, "same": 0, "better": 1}


class ScriptedCustomer:
    kind = "scripted"

    def answer(self, scenario: Scenario, state: SessionState, reply: str, review: ReplyReview) -> CustomerTurn:
        lines = scenario.lines
        before = state.mood
        mood = min(5, max(1, before + _MOVE[review.outcome]))
        number = len(state.turns) + 1
        if review.outcome == "better" and mood == 5:
            return CustomerTurn(text=lines.resolved, mood=mood, ending="resolved")
        if review.outcome == "worse" and before == 1 and state.turns and state.turns[-1].mood_after == 1:
            return CustomerTurn(text=lines.walk_out, mood=1, ending="walk_out")
        if number >= scenario.max_turns:
            if mood >= 4:
                return CustomerTurn(text=lines.resolved, mood=mood, ending="resolved")
            return CustomerTurn(text=lines.unresolved, mood=mood, ending="unresolved")
        said = {t.customer_after for t in state.turns}
        worst = review.findings[0].rule if review.findings and review.findings[0].blocking else None
        if review.outcome != "better" and worst in lines.on_rule and lines.on_rule[worst] not in said:
            return CustomerTurn(text=lines.on_rule[worst], mood=mood)
        choices = {"worse": lines.worse, "same": lines.same, "better": lines.better}[review.outcome]
        used = sum(1 for t in state.turns if t.outcome == review.outcome)
        return CustomerTurn(text=choices[used % len(choices)], mood=mood)

    def debrief(self, scenario: Scenario, state: SessionState) -> Debrief:
        return scripted_debrief(scenario, state)


def scripted_debrief(scenario: Scenario, state: SessionState) -> Debrief:
    """The three questions answered in the customer's voice, from the session's findings and mood alone."""
    turns = state.turns
    start, end = state.start_mood, state.mood
    rules = Counter(f.rule for t in turns for f in t.findings)
    if not turns:
        return Debrief(feel=f"I was {mood_label(start)}, and nobody answered me.",
                       understood="No: I never got a reply.", understood_verdict="no",
                       call_back="Only because I still need help; I'd hope to reach someone else.",
                       call_back_verdict="maybe", source="scripted")
    return Debrief(feel=_feel(start, end, turns), **_understood(turns, rules), **_call_back(state, rules),
                   source="scripted")


def _feel(start: int, end: int, turns: list) -> str:
    if end > start:
        text = f"I started out {mood_label(start)} and ended up {mood_label(end)}."
    elif end == start:
        text = f"I was {mood_label(start)} at the start and still {mood_label(end)} at the end."
    else:
        text = f"I started out {mood_label(start)} and ended up {mood_label(end)}."
    hurt = next((t for t in turns if t.outcome == "worse" and t.findings and t.findings[0].quote), None)
    if hurt is not None:
        worst = hurt.findings[0]
        text += f" When you wrote \u201c{worst.quote}\u201d, it sounded {effect_of(worst.rule)}."
    helped = next((t for t in turns if t.outcome == "better"), None)
    if helped is not None:
        text += f" Your reply number {helped.number} helped: you said what had gone wrong and what would happen next."
    return text


def _understood(turns: list, rules: Counter) -> dict[str, str]:
    restated = sum(t.restated for t in turns)
    if restated == len(turns) and not rules["parroting"]:
        return {"understood": "Yes. Every reply put my problem in your own words, so I knew you had it.",
                "understood_verdict": "yes"}
    if restated:
        text = (f"Partly. {restated} of your {len(turns)} replies said back what had gone wrong; "
                "the others could have been sent to anyone.")
        verdict = "partly"
    else:
        text = "No. You never said back what had gone wrong, so I couldn't tell whether you had read my message."
        verdict = "no"
    if rules["parroting"]:
        text += " Hearing \u201cI understand\u201d without what you understood made it feel like a script."
    return {"understood": text, "understood_verdict": verdict}


def _call_back(state: SessionState, rules: Counter) -> dict[str, str]:
    steps = any(t.next_step for t in state.turns)
    if rules["broken-promise"]:
        return {"call_back": "Yes, but to complain: you promised something, and if it doesn't happen I'll be back "
                             "and angrier.", "call_back_verdict": "maybe"}
    if state.ended == "walk_out" or state.mood <= 2:
        return {"call_back": "No. I'd rather take my business elsewhere than go through that again.",
                "call_back_verdict": "no"}
    if state.mood >= 4 and steps:
        return {"call_back": "Yes. I knew what would happen next, and I'd trust you with the next problem.",
                "call_back_verdict": "yes"}
    if steps:
        return {"call_back": "Maybe. You gave me a next step, but I'm not reassured yet: if it happens the way you "
                             "said, I would.", "call_back_verdict": "maybe"}
    return {"call_back": "Maybe, but only because I'd have to: I still don't know what happens next.",
            "call_back_verdict": "maybe"}
