"""The audit's report: one self-contained HTML file a team lead reads in a minute.

Everything is inline (styles, the charts as SVG, a few lines of script that sort the tables): opening it fetches
nothing. The numbers come from an ``AuditTally`` alone, so the in-process and the Ray audit give the same report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from html import escape
from pathlib import Path
from string import Template

from .._core.results import Finding
from .._core.rules import RULE_IDS, load_rules
from .._version import __version__
from .audit import UNKNOWN, AuditTally, Listed
from .charts import heatmap_svg, trend_svg
from .inputs import Problem

__all__ = ["render_report", "write_report", "shares"]

_TEMPLATE = Path(__file__).with_name("report.html")
_FAILING = "any warning or error"
_TOP_PHRASES = 6
_TREND_RULES = 4
_HEATMAP_TEAMS = 15
_SHOWN_LISTED = 50


def _sum(groups: dict[str, dict[str, int]], key) -> dict[tuple, dict[str, int]]:
    out: dict[tuple, dict[str, int]] = defaultdict(dict)
    for raw, counts in groups.items():
        team, agent, week = json.loads(raw)
        into = out[key(team, agent, week)]
        for name, value in counts.items():
            into[name] = into.get(name, 0) + value
    return out


def shares(counts: dict[str, int]) -> dict[str, float]:
    """Each rule's share of the assessed replies (and the share failing), 0 when none was assessed."""
    assessed = counts.get("assessed", 0)
    return {name: (counts.get(name, 0) / assessed if assessed else 0.0) for name in (*RULE_IDS, "failing")}


def _rules_seen(tally: AuditTally) -> list[str]:
    total = _sum(tally.groups, lambda *_: ())[()]
    return [rule for rule in RULE_IDS if total.get(rule)]


def _pct(value: float) -> str:
    return f"{value:.1%}"


def _table(table_id: str, head: list[str], rows: list[list[tuple[str, object]]], caption: str) -> str:
    """A sortable table: each cell is (text shown, value sorted by)."""
    ths = "".join(f'<th scope="col"><button type="button" data-col="{i}">{escape(h)}</button></th>'
                  for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f'<td data-value="{escape(str(v))}">{escape(t)}</td>' for t, v in row) + "</tr>"
                   for row in rows)
    return (f'<table class="sortable" id="{table_id}"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>")


def _share_rows(groups: dict[tuple, dict[str, int]], rules: list[str], label) -> list[list[tuple[str, object]]]:
    rows = []
    for key, counts in sorted(groups.items(), key=lambda kv: (-kv[1].get("replies", 0), kv[0])):
        share = shares(counts)
        rows.append([*label(key), (f"{counts.get('replies', 0):,}", counts.get("replies", 0)),
                     (_pct(share["failing"]), round(share["failing"], 6)),
                     *[(_pct(share[r]), round(share[r], 6)) for r in rules]])
    return rows


def _highlighted(reply: str, findings: list[Finding]) -> str:
    """The reply with each quoted finding marked and labelled with its rule (overlaps join the first mark)."""
    spans = sorted((f for f in findings if f.start is not None and f.end is not None), key=lambda f: (f.start, -f.end))
    out, cursor, last = [], 0, None
    for f in spans:
        if f.start < cursor and last is not None:
            last["rules"].append(f.rule)
            continue
        out.append(escape(reply[cursor:f.start]))
        last = {"text": reply[f.start:f.end], "rules": [f.rule], "severity": f.severity}
        out.append(last)
        cursor = f.end
    out.append(escape(reply[cursor:]))
    return "".join(part if isinstance(part, str) else
                   f'<mark class="finding {part["severity"]}" data-rule="{escape(part["rules"][0])}">'
                   f'{escape(part["text"])}<span class="tag">{escape(" + ".join(dict.fromkeys(part["rules"])))}'
                   "</span></mark>" for part in out)


def _reply_html(item: Listed, *, highlight: bool) -> str:
    who = " · ".join(escape(x) for x in (item.team or UNKNOWN, item.agent or UNKNOWN, item.time or "no time"))
    text = _highlighted(item.reply, item.findings) if highlight else escape(item.reply) or "<em>(empty)</em>"
    whole = [f for f in item.findings if f.start is None]
    notes = "".join(f'<li><span class="rule">{escape(f.rule)}</span> ({f.severity}): {escape(f.message)}</li>'
                    for f in (whole if highlight else item.findings))
    extra = f"<ul>{notes}</ul>" if notes else ""
    badge = f"score {item.score}" if highlight else f"language: {escape(item.language or 'unknown')}"
    return (f'<article class="reply" data-id="{escape(item.id)}"><header><b>#{escape(item.id)}</b> {who} '
            f'<span class="badge">{badge}</span></header><p>{text}</p>{extra}</article>')


def _trend(tally: AuditTally, rules: list[str]) -> tuple[str, str]:
    weeks = {k[0]: v for k, v in _sum(tally.groups, lambda t, a, w: (w,)).items() if k[0]}
    if not weeks:
        return "", "<p>No reply had a readable time, so there is no trend (map the time with --time-column).</p>"
    order = sorted(weeks)
    totals = _sum(tally.groups, lambda *_: ())[()]
    top = sorted(rules, key=lambda r: -totals.get(r, 0))[:_TREND_RULES]
    series = {_FAILING: [shares(weeks[w])["failing"] if weeks[w].get("assessed") else None for w in order]}
    for rule in top:
        series[rule] = [shares(weeks[w])[rule] if weeks[w].get("assessed") else None for w in order]
    chart = trend_svg(order, series, "Share of assessed replies, by week (UTC, weeks start on Monday)")
    if len(order) < 2:
        return chart, f"<p>One week only ({order[0]}): no earlier period to compare with.</p>"
    last, previous = weeks[order[-1]], weeks[order[-2]]
    now, before = shares(last), shares(previous)
    rows = []
    for name, label in (("failing", _FAILING), *((r, r) for r in rules)):
        delta = now[name] - before[name]
        arrow = "▲" if delta > 0 else "▼" if delta < 0 else "="
        rows.append(f'<tr><th scope="row">{escape(label)}</th><td>{_pct(before[name])}</td><td>{_pct(now[name])}</td>'
                    f'<td class="{"worse" if delta > 0 else "better" if delta < 0 else ""}">{arrow} '
                    f"{delta * 100:+.1f} pts</td></tr>")
    table = (f'<table id="change"><caption>Week of {order[-1]} ({last.get("assessed", 0):,} assessed) against the week '
             f'of {order[-2]} ({previous.get("assessed", 0):,} assessed)</caption><thead><tr><th scope="col">rule</th>'
             f'<th scope="col">previous</th><th scope="col">latest</th><th scope="col">change</th></tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table>")
    return chart, table


def _phrases(tally: AuditTally, rules: list[str]) -> str:
    blocks = []
    for rule in rules:
        counted = sorted(tally.phrases.get(rule, {}).items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP_PHRASES]
        if counted:
            items = "".join(f"<li><q>{escape(p)}</q> <span class=\"count\">× {n:,}</span></li>" for p, n in counted)
            blocks.append(f'<section class="phrases" data-rule="{escape(rule)}"><h3>{escape(rule)}</h3><ol>{items}</ol>'
                          "</section>")
    return "".join(blocks) or "<p>No finding quoted a phrase.</p>"


def _where(problem: Problem) -> str:
    if problem.row is not None:
        return str(problem.row)
    return "whole file" if problem.kind in ("unreadable-file", "missing-column") else "–"  # Ray does not number rows


def _problems(tally: AuditTally) -> str:
    if not tally.problem_counts:
        return "<p>Every row was read.</p>"
    counts = ", ".join(f"{escape(kind)}: {n:,}" for kind, n in sorted(tally.problem_counts.items()))
    rows = "".join(f"<tr><td>{escape(p.source)}</td><td>{_where(p)}</td>"
                   f"<td>{escape(p.id or '')}</td><td>{escape(p.kind)}</td><td>{escape(p.message)}</td></tr>"
                   for p in tally.problems)
    shown = len(tally.problems)
    total = sum(tally.problem_counts.values())
    more = f" (the first {shown:,} listed)" if shown < total else ""
    return (f"<p>{counts}{more}. The audit went on without them: the other rows' findings are complete.</p>"
            f'<table id="problems"><thead><tr><th scope="col">file</th><th scope="col">row</th><th scope="col">id</th>'
            f'<th scope="col">problem</th><th scope="col">detail</th></tr></thead><tbody>{rows}</tbody></table>')


def render_report(tally: AuditTally, *, sources: list[str] | None = None, title: str = "Reply audit") -> str:
    rules = _rules_seen(tally)
    totals = _sum(tally.groups, lambda *_: ())[()]
    overall = shares(totals)
    by_team = _sum(tally.groups, lambda t, a, w: (t,))
    by_agent = _sum(tally.groups, lambda t, a, w: (t, a))
    team_rows = sorted(by_team.items(), key=lambda kv: (-kv[1].get("replies", 0), kv[0]))[:_HEATMAP_TEAMS]
    heatmap = ""
    if team_rows and rules:
        heatmap = heatmap_svg([t[0] for t, _ in team_rows], [_FAILING, *rules],
                              [[shares(c)["failing"], *(shares(c)[r] for r in rules)] for _, c in team_rows],
                              f"Share of assessed replies breaking each rule, the {len(team_rows)} busiest teams")
    head = ["replies", "failing", *rules]
    team_table = _table("by-team", ["team", *head], _share_rows(by_team, rules, lambda k: [(k[0], k[0])]),
                        "By team: the share of assessed replies breaking each rule (click a heading to sort)")
    agent_table = _table("by-agent", ["agent", "team", *head],
                         _share_rows(by_agent, rules, lambda k: [(k[1], k[1]), (k[0], k[0])]),
                         "By agent (click a heading to sort)")
    rulebook = load_rules()
    rule_rows = "".join(f'<tr><th scope="row">{escape(r)}</th><td>{escape(str(rulebook[r].severity))}</td>'
                        f"<td>{totals.get(r, 0):,}</td><td>{_pct(overall[r])}</td></tr>"
                        for r in sorted(rules, key=lambda r: -totals.get(r, 0)))
    trend_chart, change = _trend(tally, rules)
    worst = "".join(_reply_html(item, highlight=True) for item in tally.worst) or "<p>No reply had a finding.</p>"
    unassessed = "".join(_reply_html(item, highlight=False) for item in tally.not_assessed[:_SHOWN_LISTED])
    more = (f" The first {min(_SHOWN_LISTED, len(tally.not_assessed))} are listed."
            if tally.not_assessed_count > _SHOWN_LISTED else "")
    values = {
        "title": escape(title), "version": escape(__version__),
        "sources": escape(", ".join(sources or [])),
        "replies": f"{tally.replies:,}", "assessed": f"{tally.assessed:,}",
        "failing": _pct(overall["failing"]), "not_assessed": f"{tally.not_assessed_count:,}",
        "problems": f"{sum(tally.problem_counts.values()):,}",
        "rule_rows": rule_rows or '<tr><td colspan="4">No finding.</td></tr>',
        "heatmap": heatmap, "team_table": team_table, "agent_table": agent_table,
        "trend_chart": trend_chart, "change": change, "phrases": _phrases(tally, rules), "worst": worst,
        "unassessed": (f"<p>{tally.not_assessed_count:,} replies got no verdict: the rules read English only, and an "
                       f"empty reply has nothing to read. They count in no share above.{more}</p>{unassessed}"),
        "bad_input": _problems(tally),
    }
    return Template(_TEMPLATE.read_text(encoding="utf-8")).substitute(values)


def write_report(tally: AuditTally, path: str | Path, *, sources: list[str] | None = None) -> None:
    Path(path).write_text(render_report(tally, sources=sources), encoding="utf-8")
