"""Practice over HTTP: the scenarios, a session's turns and its score card, and the page's Practice tab.

Stateless: a session's state (``SessionState``) travels with each request and comes back with each answer,
so the service keeps nothing between requests and any of its processes can serve the next turn. The
customer is the scripted one, or the model when the service runs the openai engine with its own client.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._core.errors import DraftTooLongError, InputError
from .._practice import (
    Customer,
    PracticeSession,
    ScoreCard,
    ScriptedCustomer,
    SessionState,
    Turn,
    build_card,
    builtin_scenarios,
    find_scenario,
    make_customer,
    mood_label,
)
from .._practice.scenarios import Channel
from .handlers import error_response
from .logs import note
from .service import Service

__all__ = ["add_practice_routes", "with_practice_tab"]

_FRAGMENT = Path(__file__).with_name("practice.html")
MAX_AGENT_CHARS = 100


def _unicode_everywhere(value: Any) -> Any:
    """Refuse a lone surrogate anywhere in the body: it is not text, and could not be answered."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("holds text that is not valid Unicode (a lone surrogate)") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _text(cls, data: Any) -> Any:
        return _unicode_everywhere(data)


class PracticeStart(_Body):
    scenario: str = Field(max_length=200, description="a scenario id from /v1/practice/scenarios")


class PracticeReply(_Body):
    state: SessionState = Field(description="the state from the last answer")
    reply: str = Field(description="the agent's reply to the customer's last words")


class PracticeFinish(_Body):
    state: SessionState
    agent: str | None = Field(default=None, max_length=MAX_AGENT_CHARS, description="who practised, for the card")


class ScenarioInfo(BaseModel):
    id: str
    title: str
    channel: Channel
    situation: str
    customer: str
    about: str
    mood: int
    max_turns: int
    wants: str
    hint: str


class ScenariosResponse(BaseModel):
    scenarios: list[ScenarioInfo]


class PracticeView(BaseModel):
    """Where the session stands: the state to send back next time, the customer's last words and mood."""

    state: SessionState
    customer: str = Field(description="the customer's name")
    said: str = Field(description="the customer's last words")
    mood: int
    mood_label: str
    over: bool
    turn: Turn | None = Field(default=None, description="the reply just coached, and the customer's answer")


class _Desk:
    """The service's customer: built once, on first use (a model customer may ask the server for its model)."""

    def __init__(self, service: Service):
        self.service = service
        self._customer: Customer | None = None
        self._lock = asyncio.Lock()

    async def customer(self) -> Customer:
        async with self._lock:
            if self._customer is None:
                settings = self.service.coach.settings
                if self.service.coach.engine == "offline" or settings.client is not None:
                    self._customer = ScriptedCustomer()  # an injected client is async; the model customer is sync
                else:
                    self._customer = await asyncio.to_thread(make_customer, settings)
            return self._customer

    async def session(self, state: SessionState) -> PracticeSession:
        scenario = find_scenario(state.scenario_id)
        if len(state.turns) > scenario.max_turns:
            raise InputError(f"the state holds {len(state.turns)} turns; scenario {scenario.id!r} has at most "
                             f"{scenario.max_turns}")
        return PracticeSession(scenario, await self.customer(), state)

    async def reply(self, session: PracticeSession, text: str) -> Turn:
        limit = self.service.limits.max_draft_chars
        if len(text) > limit:
            raise DraftTooLongError(f"the reply is {len(text):,} characters; this service accepts at most {limit:,}")
        if isinstance(session.customer, ScriptedCustomer):
            return session.reply(text)
        async with self.service.model_calls:
            return await asyncio.to_thread(session.reply, text)

    async def debrief(self, session: PracticeSession):
        if isinstance(session.customer, ScriptedCustomer):
            return session.debrief()
        async with self.service.model_calls:
            return await asyncio.to_thread(session.debrief)


def _view(session: PracticeSession, turn: Turn | None = None) -> dict[str, Any]:
    state = session.state
    view = PracticeView(state=state, customer=session.scenario.customer.name, said=state.last_customer_words,
                        mood=state.mood, mood_label=mood_label(state.mood), over=session.over, turn=turn)
    return view.model_dump(mode="json")


def add_practice_routes(app: FastAPI, service: Service, *, responses: dict[int | str, dict[str, Any]]) -> None:
    desk = _Desk(service)
    listing = ScenariosResponse(scenarios=[ScenarioInfo(
        id=s.id, title=s.title, channel=s.channel, situation=s.situation, customer=s.customer.name,
        about=s.customer.about, mood=s.customer.mood, max_turns=s.max_turns, wants=s.wants, hint=s.hint,
    ) for s in builtin_scenarios()]).model_dump(mode="json")

    @app.get("/v1/practice/scenarios", response_model=ScenariosResponse, responses=responses,
             summary="the practice scenarios")
    async def scenarios() -> JSONResponse:
        return JSONResponse(listing)

    @app.post("/v1/practice/start", response_model=PracticeView, responses=responses,
              summary="start a practice session: the customer's opening and the session's state")
    async def start(body: PracticeStart, request: Request) -> Response:
        try:
            session = PracticeSession(find_scenario(body.scenario), await desk.customer())
        except Exception as exc:  # noqa: BLE001 - every failure becomes a JSON error
            return error_response(request, exc)
        note(request.state, scenario=session.scenario.id, customer=session.state.customer_kind)
        return JSONResponse(_view(session))

    @app.post("/v1/practice/reply", response_model=PracticeView, responses=responses,
              summary="coach one reply and let the customer answer")
    async def reply(body: PracticeReply, request: Request) -> Response:
        try:
            session = await desk.session(body.state)
            turn = await desk.reply(session, body.reply)
        except Exception as exc:  # noqa: BLE001
            return error_response(request, exc)
        note(request.state, scenario=session.scenario.id, rules=[f.rule for f in turn.findings],
             mood=turn.mood_after)
        return JSONResponse(_view(session, turn))

    @app.post("/v1/practice/finish", response_model=ScoreCard, responses=responses,
              summary="end the session: the customer's debrief and the score card")
    async def finish(body: PracticeFinish, request: Request) -> Response:
        try:
            session = await desk.session(body.state)
            session.stop("quit")
            card = build_card(session.scenario, session.state, await desk.debrief(session),
                              agent=(body.agent or "").strip() or "agent")
        except Exception as exc:  # noqa: BLE001
            return error_response(request, exc)
        note(request.state, scenario=session.scenario.id, ended=card.ended)
        return JSONResponse(card.model_dump(mode="json"))


def with_practice_tab(page: str) -> str:
    """The page with its Practice tab (a fragment of markup, style and script, kept in its own file)."""
    return page.replace("</body>", _FRAGMENT.read_text(encoding="utf-8") + "\n</body>", 1)
