"""A team's practice report: many score cards in one self-contained HTML page, with a chart per agent
(the customer's mood over each session, and findings per rule) and per rule (findings per reply, by agent).

Charts are drawn by matplotlib as inline SVG: a maintained library that works offline, and an SVG needs no
script and no network, so the page opens anywhere, from a file, under the strictest content policy.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from .._core.errors import InputError
from .._core.rules import RULE_IDS
from .card import ScoreCard, load_card
from .scenarios import MOOD_LABELS

__all__ = ["write_report", "render_report"]

_SVG_START = re.compile(r"^.*?(?=<svg)", re.S)
_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; color: #1d2430; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #c9ced6; } h3 { margin-bottom: .25rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #c9ced6; padding: .3rem .6rem; text-align: left; }
th { background: #f6f7f9; } figure { margin: .5rem 0 1.5rem; } figure svg { max-width: 100%; height: auto; }
figcaption, .note { color: #5b6472; font-size: .9rem; }
"""


def _matplotlib():
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise InputError("coach practice report draws its charts with matplotlib: "
                         "pip install 'reply-coach[report]'") from None
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "coach-practice", "font.size": 10})
    return Figure


def _label(text: str) -> str:
    """Text for a chart label: matplotlib reads ``$...$`` as mathematics."""
    return text.replace("$", r"\$")


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return _SVG_START.sub("", buffer.getvalue(), count=1)


def _agent_chart(Figure, cards: list[ScoreCard]) -> str:  # noqa: N803 - the class, passed in
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(10, 3.4))
    mood_axes, rule_axes = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1], "wspace": 0.7})
    for card in cards:
        mood_axes.plot(range(len(card.mood)), card.mood, marker="o",
                       label=_label(f"{card.scenario.id} ({card.created_at[:10]})"))
    mood_axes.set_ylim(0.7, 5.3)
    mood_axes.set_yticks(list(MOOD_LABELS), [f"{n} {MOOD_LABELS[n]}" for n in MOOD_LABELS])
    mood_axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    mood_axes.set_xlabel("replies")
    mood_axes.set_title("The customer's mood, session by session")
    mood_axes.grid(alpha=.3)
    mood_axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False)
    counts = Counter()
    for card in cards:
        counts.update(card.findings_per_rule)
    rules = [rule for rule in RULE_IDS if counts[rule]]
    rule_axes.barh(rules or ["(none)"], [counts[r] for r in rules] or [0], color="#24406b")
    rule_axes.invert_yaxis()
    rule_axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    rule_axes.set_xlabel(f"findings in {sum(c.replies for c in cards)} replies")
    rule_axes.set_title("Findings per rule")
    return _svg(figure)


def _rule_chart(Figure, rule: str, by_agent: dict[str, list[ScoreCard]]) -> str:  # noqa: N803
    agents = sorted(by_agent)
    rates = []
    for agent in agents:
        replies = sum(card.replies for card in by_agent[agent])
        found = sum(card.findings_per_rule.get(rule, 0) for card in by_agent[agent])
        rates.append(found / replies if replies else 0.0)
    figure = Figure(figsize=(6, 0.5 + 0.35 * len(agents)))
    axes = figure.subplots()
    axes.barh([_label(a) for a in agents], rates, color="#a4161a" if rule == "broken-promise" else "#8a5a00")
    axes.invert_yaxis()
    axes.set_xlabel("findings per reply")
    axes.set_title(rule)
    return _svg(figure)


def _verdicts(cards: list[ScoreCard], field: str) -> str:
    counts = Counter(getattr(card.debrief, field) for card in cards if card.debrief)
    return ", ".join(f"{n} {verdict}" for verdict, n in counts.most_common()) or "-"


def _summary_row(agent: str, cards: list[ScoreCard]) -> str:
    final = [card.mood[-1] for card in cards]
    practise = Counter(card.practise_next.rule for card in cards if card.practise_next.rule)
    cells = [agent, str(len(cards)), str(sum(c.replies for c in cards)), f"{sum(final) / len(final):.1f}",
             _verdicts(cards, "understood_verdict"), _verdicts(cards, "call_back_verdict"),
             practise.most_common(1)[0][0] if practise else "-"]
    return "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"


def _session_rows(cards: list[ScoreCard]) -> str:
    rows = []
    for card in sorted(cards, key=lambda c: c.created_at):
        cells = [card.created_at[:16].replace("T", " "), f"{card.scenario.id} ({card.scenario.channel})", card.ended,
                 " → ".join(map(str, card.mood)), card.customer, card.practise_next.tip]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return "\n".join(rows)


def render_report(cards: list[ScoreCard]) -> str:
    """The report's HTML: one page, no script, no external resource."""
    if not cards:
        raise InputError("no score cards to report on")
    Figure = _matplotlib()  # noqa: N806
    by_agent: dict[str, list[ScoreCard]] = defaultdict(list)
    for card in cards:
        by_agent[card.agent].append(card)
    agents = sorted(by_agent)
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Practice report</title>", f"<style>{_STYLE}</style></head><body>",
        "<h1>Practice report</h1>",
        f'<p class="note">{len(cards)} session(s) by {len(agents)} agent(s). Mood: 1 furious … 5 reassured. '
        "Understood and call back: the customer's answers in the debrief.</p>",
        "<table><tr><th>Agent</th><th>Sessions</th><th>Replies</th><th>Final mood (mean)</th>"
        "<th>Felt understood</th><th>Would call back</th><th>Practise next (most often)</th></tr>",
        *(_summary_row(agent, by_agent[agent]) for agent in agents), "</table>",
        "<h2>Per agent</h2>",
    ]
    for agent in agents:
        name = html.escape(agent)
        parts += [f"<h3>{name}</h3>", f'<figure aria-label="Charts for {name}">',
                  _agent_chart(Figure, by_agent[agent]),
                  f"<figcaption>{name}: mood over each session, and findings per rule.</figcaption></figure>",
                  "<table><tr><th>When (UTC)</th><th>Scenario</th><th>Ended</th><th>Mood</th><th>Customer</th>"
                  "<th>Practise next</th></tr>", _session_rows(by_agent[agent]), "</table>"]
    parts.append("<h2>Per rule</h2>")
    found = [rule for rule in RULE_IDS if any(card.findings_per_rule.get(rule) for card in cards)]
    if not found:
        parts.append('<p class="note">No findings in any session.</p>')
    for rule in found:
        parts += [f'<figure aria-label="Findings per reply for {rule}">', _rule_chart(Figure, rule, by_agent),
                  f"<figcaption>{rule}: findings per reply, by agent.</figcaption></figure>"]
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(paths: Iterable[str | Path], out: str | Path) -> int:
    """Read the cards, write the report to ``out``; returns how many cards it covers."""
    cards = [load_card(path) for path in paths]
    page = render_report(cards)
    try:
        Path(out).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the report to {out}: {exc.strerror or exc}") from None
    return len(cards)
