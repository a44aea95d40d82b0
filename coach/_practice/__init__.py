"""Practice (private): role-play with a simulated customer, coached turn by turn, with the workshop's debrief.

A scenario (``scenarios.py``) sets the customer up; ``PracticeSession`` runs the turns with a customer
(the scripted one offline, ``scripted.py``, or a model, ``model_customer.py``); ``card.py`` makes the score
card and ``report.py`` a team's HTML report from many cards.
"""

from .._engines.base import EngineSettings
from .card import ScoreCard, build_card, load_card, save_card
from .coaching import ReplyReview, review_reply
from .scenarios import MOOD_LABELS, Scenario, ScenarioError, builtin_scenarios, find_scenario, load_scenario
from .scripted import ScriptedCustomer, scripted_debrief
from .session import Customer, CustomerTurn, Debrief, PracticeSession, SessionOverError, SessionState, Turn, mood_label

__all__ = [
    "Scenario", "ScenarioError", "load_scenario", "builtin_scenarios", "find_scenario", "MOOD_LABELS",
    "ReplyReview", "review_reply", "PracticeSession", "SessionState", "SessionOverError", "Turn", "CustomerTurn",
    "Debrief", "Customer", "ScriptedCustomer", "scripted_debrief", "ScoreCard", "build_card", "save_card",
    "load_card", "mood_label", "make_customer",
]


def make_customer(settings: EngineSettings | None = None) -> Customer:
    """The model customer when ``settings`` (``EngineSettings``) choose the openai engine, else the scripted one."""
    if settings is None or settings.chosen_engine() == "offline":
        return ScriptedCustomer()
    from .model_customer import ModelCustomer  # the openai SDK loads only for a model customer

    return ModelCustomer.from_settings(settings)
