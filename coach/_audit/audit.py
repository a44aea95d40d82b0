"""One past reply checked, its findings as rows, and the tally the report is drawn from.

The tally is a sum: the tallies of any split of the input merge into the tally of the whole, in any order,
so chunks checked in parallel (or on Ray, or before an interruption) add up to the same report.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from pydantic import BaseModel, Field

from .._core.checker import MAX_DRAFT_CHARS, check
from .._core.errors import InputError
from .._core.policy import Policy
from .._core.results import Finding
from .inputs import Problem, Record

__all__ = [
    "Audited", "Listed", "AuditTally", "audit_record", "finding_rows", "parse_time", "week_of", "natural_key", "phrase_of",
    "group_key", "as_text", "by_id", "keep_first", "listed_of", "problem_order", "worst_first", "SEVERITY_WEIGHT",
    "UNKNOWN", "WORST_KEPT", "LISTED_KEPT",
]

#: How much a finding weighs when the report picks the worst replies.
SEVERITY_WEIGHT = {"error": 3, "warning": 2, "info": 1, "suggestion": 0}
UNKNOWN = "(none)"
WORST_KEPT = 12
LISTED_KEPT = 200
_REPLY_SHOWN = 2_000
_SPACES = re.compile(r"\s+")


class Audited(BaseModel):
    """A record after the checker read it: its findings, or why it could not be assessed or read."""

    record: Record
    time: datetime | None = None
    findings: list[Finding] = Field(default_factory=list)
    assessed: bool = True
    language: str = "en"
    problem: Problem | None = None

    @property
    def score(self) -> int:
        return sum(SEVERITY_WEIGHT[f.severity] for f in self.findings)

    @property
    def failing(self) -> bool:
        return self.assessed and any(f.blocking for f in self.findings)


class Listed(BaseModel):
    """A reply shown in the report (the worst, or one not assessed), its text cut to a readable length."""

    id: str
    agent: str | None = None
    team: str | None = None
    time: str | None = None
    reply: str
    language: str = "en"
    score: int = 0
    findings: list[Finding] = Field(default_factory=list)


def parse_time(value: Any) -> datetime | None:
    """``value`` as a UTC time: a datetime, an ISO string, an RFC 2822 date or epoch seconds. Raises ValueError."""
    if value is None or value == "":
        return None
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
    elif isinstance(value, str):
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            try:
                moment = parsedate_to_datetime(text)
            except (TypeError, ValueError):
                raise ValueError(f"time {text[:40]!r} is not a date (ISO 8601, RFC 2822 or epoch seconds)") from None
    else:
        raise ValueError(f"time is a {type(value).__name__}, not a date")
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def week_of(moment: datetime | None) -> str:
    """The Monday (UTC) starting ``moment``'s week, as YYYY-MM-DD; '' when the time is unknown."""
    if moment is None:
        return ""
    return (moment.date() - timedelta(days=moment.weekday())).isoformat()


def natural_key(reply_id: str) -> tuple[int, int, str]:
    """Ids in a person's order: numbers by value, then the rest by text."""
    return (0, int(reply_id), "") if reply_id.isdecimal() and len(reply_id) < 19 else (1, 0, reply_id)


def phrase_of(quote: str) -> str:
    """A finding's quote as a phrase to count: lower case, spaces collapsed, end punctuation dropped."""
    return _SPACES.sub(" ", quote.lower()).strip(" .,!?;:\"'()")[:80]


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN: an empty cell read by pandas
        return None
    return str(value)


def audit_record(record: Record, policy: Policy) -> Audited:
    """Check one past reply. Never raises: an unusable reply comes back with its ``problem``."""
    try:
        moment = parse_time(record.time)
    except ValueError as exc:
        moment = None
        time_problem: Problem | None = Problem(source=record.source, row=record.row, id=record.id, kind="bad-time",
                                               message=f"{exc}; the reply was checked without a time")
    else:
        time_problem = None
    reply = record.reply
    if reply is not None and not isinstance(reply, str):
        return _refused(record, "malformed-row", f"the reply is a {type(reply).__name__}, not text")
    if reply is None:
        return _refused(record, "missing-reply", "the row has no reply")
    if len(reply) > MAX_DRAFT_CHARS:
        return _refused(record, "too-long", f"the reply is {len(reply):,} characters; the checker reads at most "
                                            f"{MAX_DRAFT_CHARS:,}")
    if not reply.strip():
        return Audited(record=record, time=moment, assessed=False, language="empty", problem=time_problem)
    try:
        result = check(reply, as_text(record.customer), policy)
    except InputError as exc:  # e.g. a customer message that is not text
        return _refused(record, "malformed-row", str(exc))
    return Audited(record=record, time=moment, findings=result.findings, assessed=result.assessed,
                   language=result.language, problem=time_problem)


def _refused(record: Record, kind: str, message: str) -> Audited:
    return Audited(record=record, assessed=False, language="", problem=Problem(
        source=record.source, row=record.row, id=record.id, kind=kind, message=message))


def finding_rows(audited: Audited) -> list[dict[str, Any]]:
    """The findings file's rows for one reply: one a finding, with the reply's id, agent, team and time."""
    record = audited.record
    return [{"id": record.id, "agent": as_text(record.agent), "team": as_text(record.team), "time": audited.time,
             "rule": f.rule, "severity": f.severity, "start": f.start, "end": f.end, "quote": f.quote}
            for f in audited.findings]


def group_key(team: str | None, agent: str | None, week: str) -> str:
    return json.dumps([team or UNKNOWN, agent or UNKNOWN, week])


class AuditTally(BaseModel):
    """What the report shows, as sums that merge: counts per (team, agent, week), phrases per rule, and the few
    replies worth reading (the worst, those not assessed, the input that could not be read)."""

    #: json [team, agent, week] -> {"replies", "assessed", "failing", <rule id>: replies breaking it}
    groups: dict[str, dict[str, int]] = Field(default_factory=dict)
    #: rule id -> phrase -> findings quoting it
    phrases: dict[str, dict[str, int]] = Field(default_factory=dict)
    worst: list[Listed] = Field(default_factory=list)
    not_assessed_count: int = 0
    not_assessed: list[Listed] = Field(default_factory=list)
    problem_counts: dict[str, int] = Field(default_factory=dict)
    problems: list[Problem] = Field(default_factory=list)

    def add(self, audited: Audited) -> None:
        if audited.problem is not None:
            self.add_problem(audited.problem)
            if audited.problem.kind != "bad-time":
                return
        record = audited.record
        counts = self.groups.setdefault(group_key(as_text(record.team), as_text(record.agent), week_of(audited.time)), {})
        _bump(counts, "replies")
        if not audited.assessed:
            self.not_assessed_count += 1
            self.not_assessed = keep_first(self.not_assessed, [listed_of(audited)], key=by_id)
        else:
            _bump(counts, "assessed")
            if audited.failing:
                _bump(counts, "failing")
            for rule in {f.rule for f in audited.findings}:
                _bump(counts, rule)
        for finding in audited.findings:
            if finding.quote:
                _bump(self.phrases.setdefault(finding.rule, {}), phrase_of(finding.quote))
        if audited.score > 0 and audited.assessed:
            self.worst = keep_first(self.worst, [listed_of(audited)], key=worst_first, limit=WORST_KEPT)

    def add_problem(self, problem: Problem) -> None:
        _bump(self.problem_counts, problem.kind)
        self.problems = keep_first(self.problems, [problem], key=problem_order)

    def merge(self, other: "AuditTally") -> None:
        for key, counts in other.groups.items():
            _add_counts(self.groups.setdefault(key, {}), counts)
        for rule, phrases in other.phrases.items():
            _add_counts(self.phrases.setdefault(rule, {}), phrases)
        self.worst = keep_first(self.worst, other.worst, key=worst_first, limit=WORST_KEPT)
        self.not_assessed_count += other.not_assessed_count
        self.not_assessed = keep_first(self.not_assessed, other.not_assessed, key=by_id)
        _add_counts(self.problem_counts, other.problem_counts)
        self.problems = keep_first(self.problems, other.problems, key=problem_order)

    @property
    def replies(self) -> int:
        return sum(c.get("replies", 0) for c in self.groups.values())

    @property
    def assessed(self) -> int:
        return sum(c.get("assessed", 0) for c in self.groups.values())


def listed_of(audited: Audited) -> Listed:
    record = audited.record
    reply = record.reply if isinstance(record.reply, str) else ""
    shown = [f for f in audited.findings if f.end is None or f.end <= _REPLY_SHOWN]
    return Listed(id=record.id, agent=as_text(record.agent), team=as_text(record.team),
                  time=audited.time.isoformat() if audited.time else None, reply=reply[:_REPLY_SHOWN],
                  language=audited.language, score=audited.score, findings=shown)


def _bump(counts: dict[str, int], key: str, by: int = 1) -> None:
    counts[key] = counts.get(key, 0) + by


def _add_counts(into: dict[str, int], more: dict[str, int]) -> None:
    for key, value in more.items():
        _bump(into, key, value)


def by_id(item: Listed) -> tuple:
    return natural_key(item.id)


def worst_first(item: Listed) -> tuple:
    return (-item.score, natural_key(item.id))


def problem_order(item: Problem) -> tuple:
    return (item.source, item.row or 0, item.kind)


def keep_first(items: list, more: list, *, key, limit: int = LISTED_KEPT) -> list:
    return sorted([*items, *more], key=key)[:limit]
