"""Reports: a terminal table, Markdown, and one self-contained HTML file (no server, no external assets).

The HTML report lists every case (the failing ones open, the passing ones collapsed), each with a word-level
diff from the draft to the rewrite and the case's reference answer where the suite has one. Compared with a
baseline, it also lists the cases whose rewrite text changed, with a diff from the old rewrite to the new.
"""

from __future__ import annotations

import hashlib
import html
import re
from difflib import SequenceMatcher
from pathlib import Path

from .calibrate import CalibrationComparison, CalibrationRun
from .compare import Comparison
from .results import OVERALL, CaseResult, EvalRun, Mark, Rate
from .stats import wilson_interval

__all__ = [
    "terminal_summary", "terminal_comparison", "terminal_calibration", "terminal_calibration_comparison", "terminal_layers",
    "markdown_report", "html_report", "write_report", "highlight_html", "diff_html",
]


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _pp(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}"


def _short(sha: str | None) -> str:
    return sha[:12] if sha else "—"


def _table(headers: list[str], rows: list[list[str]], align: str | None = None) -> str:
    """A plain text table; ``align`` has one 'l' or 'r' per column (first left, rest right by default)."""
    align = align or "l" + "r" * (len(headers) - 1)
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]

    def line(cells: list[str]) -> str:
        out = [str(c).ljust(w) if a == "l" else str(c).rjust(w) for c, w, a in zip(cells, widths, align)]
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def _rate_row(name: str, rate: Rate) -> list[str]:
    return [name, str(rate.passed), str(rate.failed), str(rate.skipped), str(rate.errors), _pct(rate.rate)]


def _overall_rate(run: EvalRun) -> Rate:
    return Rate(passed=run.aggregates.passed, failed=run.aggregates.cases - run.aggregates.passed)


def _headline(run: EvalRun) -> str:
    s = run.stamp
    bits = [f"{s.cases} cases", f"engine {s.engine}"]
    if s.model:
        bits.append(f"model {s.model}")
    if s.prompt_id:
        bits.append(f"prompt {s.prompt_id} ({_short(s.prompt_hash)})")
    if s.replay:
        bits.append("replayed")
    if s.repeat > 1:
        bits.append(f"{s.pass_k}-of-{s.repeat}")
    bits.append(f"suite {s.suite_path} ({_short(s.suite_sha256)})")
    bits.append(f"{s.duration_s:.1f}s")
    return "coach eval · " + " · ".join(bits)


def _cost_line(run: EvalRun) -> str:
    c = run.aggregates.costs
    parts = [f"tokens {c.tokens.total_tokens} ({c.tokens.prompt_tokens} in, {c.tokens.completion_tokens} out)",
             f"calls {c.calls}"]
    if c.judge_tokens.total_tokens:
        parts.append(f"judge tokens {c.judge_tokens.total_tokens}")
    parts.append(f"cost {c.cost:.4f}")
    if c.latency_p50_s is not None:
        parts.append(f"latency p50 {c.latency_p50_s:.3f}s p95 {c.latency_p95_s:.3f}s max {c.latency_max_s:.3f}s")
    if c.fallbacks:
        parts.append(f"fallbacks {c.fallbacks}")
    if c.crashed:
        parts.append(f"CRASHED {c.crashed}")
    return " · ".join(parts)


def terminal_summary(run: EvalRun, *, show_failures: int = 10) -> str:
    agg = run.aggregates
    out = [_headline(run), ""]
    rows = [_rate_row(OVERALL, _overall_rate(run))]
    rows += [_rate_row(name, agg.scorers[name]) for name in run.stamp.scorers if name in agg.scorers]
    out.append(_table(["scorer", "pass", "fail", "n/a", "error", "rate"], rows))
    tag_rows = [[tag, str(t.cases), str(t.passed), _pct(t.rate), _weakest(t.scorers)] for tag, t in sorted(agg.tags.items())]
    if tag_rows:
        out += ["", _table(["tag", "cases", "pass", "rate", "weakest scorer"], tag_rows, "lrrrl")]
    if agg.rules:
        rules = ", ".join(f"{rule} {n.drafts}→{n.rewrites}" for rule, n in agg.rules.items())
        out += ["", f"rules (drafts → rewrites): {rules}"]
    out += ["", _cost_line(run)]
    failing = [c for c in run.cases if not c.passed]
    if failing and show_failures:
        out += ["", f"failing cases ({len(failing)}):"]
        for case in failing[:show_failures]:
            reasons = "; ".join(f"{n}: {s.reason}" for n, s in case.scores.items() if s.passed is False)
            out.append(f"  {case.id}: {reasons}")
        if len(failing) > show_failures:
            out.append(f"  … and {len(failing) - show_failures} more (see --report)")
    return "\n".join(out)


def _weakest(scorers: dict[str, Rate]) -> str:
    decided = [(r.rate, n) for n, r in scorers.items() if r.rate is not None and r.rate < 1]
    if not decided:
        return ""
    rate, name = min(decided)
    return f"{name} {_pct(rate)}"


def terminal_comparison(cmp: Comparison, *, max_ids: int = 8) -> str:
    out = [f"compare: {cmp.candidate_label} vs {cmp.baseline_label}"
           + (f" (alpha {cmp.alpha})" if cmp.alpha is not None else "")]
    out += [f"  note: {w}" for w in cmp.warnings]
    rows = []
    for d in cmp.scorers:
        gate = f"REGRESSED (> {d.threshold_pp:g} pp)" if d.regressed else "ok"
        rows.append([d.name, str(d.paired), _pct(d.base_rate), _pct(d.new_rate), _pp(d.delta_pp),
                     str(len(d.pass_to_fail)), str(len(d.fail_to_pass)), f"{d.p_value:.4g}", gate])
    out.append(_table([
        "scorer", "paired", cmp.baseline_label[:18], cmp.candidate_label[:18], "Δ pp", "pass→fail", "fail→pass",
        "McNemar p", "gate"], rows, "lrrrrrrrl"))
    flips = []
    for d in cmp.scorers:
        for label, ids in (("pass→fail", d.pass_to_fail), ("fail→pass", d.fail_to_pass)):
            if ids:
                more = f" … +{len(ids) - max_ids}" if len(ids) > max_ids else ""
                flips.append(f"  {d.name} {label}: {', '.join(ids[:max_ids])}{more}")
    if flips:
        out += ["", "flips:", *flips]
    if cmp.changed:
        more = f" … +{len(cmp.changed) - max_ids}" if len(cmp.changed) > max_ids else ""
        out += ["", f"rewrites changed: {len(cmp.changed)} ({', '.join(c.id for c in cmp.changed[:max_ids])}{more})"]
    if cmp.only_in_baseline or cmp.only_in_candidate:
        out.append(f"unpaired: {len(cmp.only_in_baseline)} only in {cmp.baseline_label}, "
                   f"{len(cmp.only_in_candidate)} only in {cmp.candidate_label}")
    return "\n".join(out)


def terminal_calibration(cal: CalibrationRun) -> str:
    s = cal.stamp
    out = [f"coach eval --calibrate · {s.labelled} labelled drafts ({s.unlabelled} unlabelled) · "
           f"suite {s.suite_path} ({_short(s.suite_sha256)}) · rules {_short(s.rules_sha256)}", ""]
    rows = []
    for score in [*cal.rules.values(), cal.micro]:
        rows.append([score.rule, str(score.tp + score.fn), str(score.tp), str(score.fp), str(score.fn),
                     _pct(score.precision), _interval(score.tp, score.tp + score.fp), _pct(score.recall),
                     _interval(score.tp, score.tp + score.fn), _pct(score.f1)])
    out.append(_table(["rule", "pos", "tp", "fp", "fn", "precision", "95% CI", "recall", "95% CI", "f1"], rows))
    details = []
    for score in cal.rules.values():
        if score.false_positives:
            details.append(f"  {score.rule} false positives: {', '.join(score.false_positives[:10])}")
        if score.false_negatives:
            details.append(f"  {score.rule} false negatives: {', '.join(score.false_negatives[:10])}")
    if details:
        out += ["", *details]
    return "\n".join(out)


def terminal_layers(runs: dict[str, CalibrationRun]) -> str:
    """Precision and recall per rule, with 95 % intervals, for each layer of the checker side by side."""
    layers = list(runs)
    rules = list(next(iter(runs.values())).rules)
    rows = []
    for rule in [*rules, "all"]:
        scores = [runs[layer].micro if rule == "all" else runs[layer].rules[rule] for layer in layers]
        row = [rule, str(scores[0].tp + scores[0].fn)]  # the labels are the same for every layer
        for score in scores:
            row += [f"{_pct(score.precision)} {_interval(score.tp, score.tp + score.fp)}",
                    f"{_pct(score.recall)} {_interval(score.tp, score.tp + score.fn)}"]
        rows.append(row)
    headers = ["rule", "pos"] + [f"{layer} {what}" for layer in layers for what in ("P (95% CI)", "R (95% CI)")]
    return "layers of the checker, side by side (the gate and the table below are for combined)\n" + \
        _table(headers, rows, "lr" + "rr" * len(layers))


def _interval(hits: int, n: int) -> str:
    bounds = wilson_interval(hits, n)
    return f"{bounds[0] * 100:.0f}–{bounds[1] * 100:.0f}%" if bounds else "—"


def terminal_calibration_comparison(cmp: CalibrationComparison) -> str:
    out = [f"calibration vs baseline ({cmp.paired} paired drafts)"]
    out += [f"  note: {w}" for w in cmp.warnings]
    rows = []
    for r in cmp.rules:
        gate = f"REGRESSED (> {r.threshold_pp:g} pp)" if r.regressed else "ok"
        rows.append([r.rule, _pct(r.base_precision), _pct(r.new_precision), _pct(r.base_recall), _pct(r.new_recall),
                     str(len(r.new_false_positives)), str(len(r.new_false_negatives)), str(len(r.fixed)),
                     f"{r.p_value:.4g}", gate])
    out.append(_table(["rule", "P before", "P now", "R before", "R now", "new FP", "new FN", "fixed", "McNemar p",
                       "gate"], rows, "lrrrrrrrrl"))
    for r in cmp.rules:
        if r.new_false_positives:
            out.append(f"  {r.rule} new false positives: {', '.join(r.new_false_positives[:10])}")
        if r.new_false_negatives:
            out.append(f"  {r.rule} new false negatives: {', '.join(r.new_false_negatives[:10])}")
    return "\n".join(out)


# --- Markdown ------------------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def _md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(_md_escape(str(c)) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _stamp_rows(run: EvalRun) -> list[list[str]]:
    s = run.stamp
    rows = [["suite", f"{s.suite_path} (sha256 {_short(s.suite_sha256)}, {s.cases} cases)"],
            ["engine", s.engine], ["model", s.model or "—"],
            ["prompt", f"{s.prompt_id or '—'} ({_short(s.prompt_hash)})"],
            ["rules", _short(s.rules_sha256)], ["attempts", f"{s.pass_k}-of-{s.repeat}"],
            ["replayed", "yes" if s.replay else "no"], ["started", s.started_at],
            ["coach", f"{s.coach_version} (Python {s.python})"], ["costs", _cost_line(run)]]
    if s.judge_model:
        rows.insert(4, ["judge", f"{s.judge_model} (rubric {_short(s.judge_prompt_hash)})"])
    return rows


def _failing_attempt(case: CaseResult):
    return next((a for a in case.attempts if not a.passed), case.attempts[0] if case.attempts else None)


def _findings_md(findings: list[Mark]) -> list[str]:
    return [f"- **{f.rule}** ({f.severity})" + (f': "{f.quote}"' if f.quote else " (whole reply)") for f in findings]


def markdown_report(run: EvalRun, comparison: Comparison | None = None) -> str:
    agg = run.aggregates
    out = ["# coach eval report", "", _md_table(["", ""], _stamp_rows(run)), "", "## Summary", ""]
    rows = [_rate_row(OVERALL, _overall_rate(run))]
    rows += [_rate_row(n, agg.scorers[n]) for n in run.stamp.scorers if n in agg.scorers]
    out += [_md_table(["scorer", "pass", "fail", "n/a", "error", "rate"], rows), ""]
    if comparison is not None:
        out += _comparison_md(comparison)
    out += ["## Per tag", ""]
    names = run.stamp.scorers
    tag_rows = [[tag, str(t.cases), _pct(t.rate), *[_pct(t.scorers[n].rate) if n in t.scorers else "—" for n in names]]
                for tag, t in sorted(agg.tags.items())]
    out += [_md_table(["tag", "cases", "overall", *names], tag_rows), ""]
    if agg.rules:
        out += ["## Rules in drafts and rewrites", "",
                _md_table(["rule", "drafts", "rewrites"], [[r, str(n.drafts), str(n.rewrites)] for r, n in agg.rules.items()]),
                ""]
    failing = [c for c in run.cases if not c.passed]
    out += [f"## Failing cases ({len(failing)})", ""]
    for case in failing:
        attempt = _failing_attempt(case)
        out += [f"### {case.id}", "", f"tags: {', '.join(case.tags) or '—'}", ""]
        for name, score in case.scores.items():
            if score.passed is False or score.error:
                mark = "judge_error" if score.error else "FAIL"
                out.append(f"- **{name}** {mark}: {_md_escape(score.reason)}")
        out += ["", "**Customer**", "", _quote_md(case.customer or "—"), "", "**Draft**", "", _quote_md(case.draft)]
        out += _findings_md(case.draft_findings)
        if attempt is not None:
            out += ["", "**Rewrite**", "", _quote_md(attempt.rewrite or f"(no rewrite: {attempt.error})")]
            out += _findings_md(attempt.findings)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _quote_md(text: str) -> str:
    return "\n".join("> " + html.escape(line, quote=False) for line in text.splitlines() or [""])


def _comparison_md(cmp: Comparison) -> list[str]:
    out = [f"## Compared with {cmp.baseline_label}", ""]
    out += [f"> note: {w}" for w in cmp.warnings]
    rows = [[d.name, str(d.paired), _pct(d.base_rate), _pct(d.new_rate), _pp(d.delta_pp), str(len(d.pass_to_fail)),
             str(len(d.fail_to_pass)), f"{d.p_value:.4g}", "REGRESSED" if d.regressed else "ok"] for d in cmp.scorers]
    out += [_md_table(["scorer", "paired", cmp.baseline_label, cmp.candidate_label, "Δ pp", "pass→fail", "fail→pass",
                       "McNemar p", "gate"], rows), "", "### Flips", ""]
    any_flip = False
    for d in cmp.scorers:
        if d.pass_to_fail:
            out.append(f"- **{d.name}** pass→fail: {', '.join(d.pass_to_fail)}")
            any_flip = True
        if d.fail_to_pass:
            out.append(f"- **{d.name}** fail→pass: {', '.join(d.fail_to_pass)}")
            any_flip = True
    if not any_flip:
        out.append("No case changed its verdict.")
    out += ["", f"### Rewrites that changed ({len(cmp.changed)})", ""]
    if not cmp.changed:
        out.append("Every paired case has the same rewrite in both runs.")
    for change in cmp.changed:
        verdicts = f"{_verdict(change.baseline_passed)} → {_verdict(change.candidate_passed)}"
        out += [f"- **{change.id}** ({verdicts})", "", _quote_md(f"{cmp.baseline_label}: {change.baseline or '(no rewrite)'}"),
                "", _quote_md(f"{cmp.candidate_label}: {change.candidate or '(no rewrite)'}"), ""]
    return out + [""]


def _verdict(passed: bool) -> str:
    return "pass" if passed else "fail"


# --- HTML ----------------------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;
color:#1f2328}
h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f6f8fa}
.bar{display:inline-block;height:.6rem;background:#2da44e;vertical-align:middle;margin-right:.4rem}
.bad{color:#cf222e;font-weight:600}.good{color:#1a7f37}.muted{color:#656d76}
.reply{white-space:pre-wrap;background:#f6f8fa;border-left:4px solid #d0d7de;padding:.5rem .8rem;margin:.3rem 0}
mark{border-radius:2px;padding:0 1px}mark.error{background:#ffd7d5}mark.warning{background:#fff1b3}
mark.info{background:#d6f0ff}mark.suggestion{background:#eee}
details{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;margin:.6rem 0}summary{cursor:pointer;font-weight:600}
code{background:#f6f8fa;padding:0 .2rem}ul{margin:.2rem 0}
ins{background:#dafbe1;text-decoration:none}del{background:#ffebe9;color:#82071e}
details.pass{border-color:#aceebb}details.fail{border-color:#ffcecb}
"""
_TOKEN = re.compile(r"\s+|[^\s]+")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def highlight_html(text: str, findings: list[Mark]) -> str:
    """``text`` escaped, with each finding's span wrapped in ``<mark>`` (overlaps keep the first span)."""
    spans = sorted((f for f in findings if f.start is not None and f.end is not None), key=lambda f: (f.start, -f.end))
    out, pos = [], 0
    for f in spans:
        if f.start < pos or f.end > len(text):
            continue
        out.append(_e(text[pos : f.start]))
        out.append(f'<mark class="{_e(f.severity)}" title="{_e(f.rule)}: {_e(f.message)}">{_e(text[f.start:f.end])}'
                   f"<sup>{_e(f.rule)}</sup></mark>")
        pos = f.end
    out.append(_e(text[pos:]))
    return "".join(out)


def diff_html(old: str, new: str) -> str:
    """A word-level diff of ``old`` -> ``new``, escaped: removed words in ``<del>``, added ones in ``<ins>``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(_e("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{_e(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{_e(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def _references(run: EvalRun) -> dict[str, str]:
    """The suite's reference answers by case id, when the stamped suite file is still there and unchanged."""
    path = Path(run.stamp.suite_path)
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    if hashlib.sha256(raw).hexdigest() != run.stamp.suite_sha256:
        return {}
    from .cases import parse_suite

    try:
        return {c.id: c.reference for c in parse_suite(raw.decode("utf-8"), str(path)) if c.reference}
    except Exception:  # noqa: BLE001 - a report never fails for want of its references
        return {}


def _html_table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _bar(rate: float | None) -> str:
    if rate is None:
        return "—"
    return f'<span class="bar" style="width:{rate * 6:.2f}rem"></span>{_pct(rate)}'


def _html_findings(findings: list[Mark]) -> str:
    if not findings:
        return '<p class="muted">no findings</p>'
    items = []
    for f in findings:
        where = f"“{_e(f.quote)}”" if f.quote else "whole reply"
        items.append(f'<li><mark class="{_e(f.severity)}">{_e(f.rule)}</mark> {_e(f.severity)} — {where}: '
                     f'<span class="muted">{_e(f.message)}</span></li>')
    return "<ul>" + "".join(items) + "</ul>"


def html_report(run: EvalRun, comparison: Comparison | None = None) -> str:
    agg = run.aggregates
    parts = [f"<h1>coach eval report</h1><p class=\"muted\">{_e(_headline(run))}</p>", "<h2>Summary</h2>"]
    parts.append(_html_table(["", ""], [[_e(k), _e(v)] for k, v in _stamp_rows(run)]))
    rows = []
    for name, rate in [(OVERALL, _overall_rate(run))] + [(n, agg.scorers[n]) for n in run.stamp.scorers if n in agg.scorers]:
        rows.append([f"<b>{_e(name)}</b>", str(rate.passed), str(rate.failed), str(rate.skipped),
                     str(rate.errors), _bar(rate.rate)])
    parts.append(_html_table(["scorer", "pass", "fail", "n/a", "judge/scorer error", "rate"], rows))
    if comparison is not None:
        parts.append(_comparison_html(comparison, {c.id for c in run.cases}))
    parts.append("<h2>Per tag</h2>")
    names = run.stamp.scorers
    tag_rows = [[_e(tag), str(t.cases), _bar(t.rate), *[_pct(t.scorers[n].rate) if n in t.scorers else "—" for n in names]]
                for tag, t in sorted(agg.tags.items())]
    parts.append(_html_table(["tag", "cases", "overall", *names], tag_rows))
    if agg.rules:
        parts.append("<h2>Rules in drafts and rewrites</h2>")
        parts.append(_html_table(["rule", "drafts", "rewrites"],
                                 [[_e(r), str(n.drafts), str(n.rewrites)] for r, n in agg.rules.items()]))
    failing = [c for c in run.cases if not c.passed]
    references = _references(run)
    parts.append(f"<h2>Cases ({len(run.cases)}: {len(failing)} failing, open; {len(run.cases) - len(failing)} "
                 "passing, collapsed)</h2>")
    if not failing:
        parts.append('<p class="good">Every case passed every scorer.</p>')
    for case in [*failing, *(c for c in run.cases if c.passed)]:
        parts.append(_case_html(case, getattr(case, "reference", None) or references.get(case.id)))
    parts.append(f'<p class="muted">{_e(_cost_line(run))}</p>')
    body = "\n".join(parts)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>coach eval · {_e(run.stamp.suite_path)}</title>"
        f"<style>{_CSS}</style></head><body>\n{body}\n</body></html>\n"
    )


def _case_html(case: CaseResult, reference: str | None = None) -> str:
    attempt = _failing_attempt(case)
    reasons = []
    for name, score in case.scores.items():
        if score.passed is False:
            reasons.append(f'<li><span class="bad">{_e(name)}</span>: {_e(score.reason)}</li>')
        elif score.error:
            reasons.append(f'<li><span class="muted">{_e(name)} (judge_error, not a fail)</span>: {_e(score.reason)}</li>')
    tags = " ".join(f"<code>{_e(t)}</code>" for t in case.tags)
    verdict = '<span class="bad">fail</span>' if not case.passed else '<span class="good">pass</span>'
    state = "fail" if not case.passed else "pass"
    parts = [f'<details class="{state}"{" open" if not case.passed else ""} id="case-{_e(case.id)}">'
             f"<summary>{_e(case.id)} {verdict} {tags}</summary>",
             "<ul>" + "".join(reasons) + "</ul>" if reasons else "",
             f'<h4>Customer</h4><div class="reply">{_e(case.customer or "—")}</div>',
             f'<h4>Draft</h4><div class="reply">{highlight_html(case.draft, case.draft_findings)}</div>',
             _html_findings(case.draft_findings)]
    if attempt is not None:
        many = len(case.attempts) > 1
        label = "Rewrite" + (f" (attempt {case.attempts.index(attempt) + 1} of {len(case.attempts)})" if many else "")
        if attempt.rewrite is None:
            parts.append(f'<h4>{label}</h4><p class="bad">{_e(attempt.error)}</p>')
        else:
            parts.append(f'<h4>{label}</h4><div class="reply">{highlight_html(attempt.rewrite, attempt.findings)}</div>')
            parts.append(_html_findings(attempt.findings))
            parts.append(f'<h4>Draft → rewrite</h4><div class="reply diff">{diff_html(case.draft, attempt.rewrite)}</div>')
    if reference:
        parts.append(f'<h4>Reference answer</h4><div class="reply">{_e(reference)}</div>')
    parts.append("</details>")
    return "\n".join(p for p in parts if p)


def _ids_html(ids: list[str], linked: set[str]) -> str:
    """Case ids, linked to their details when the report shows them (failing cases)."""
    return ", ".join(f'<a href="#case-{_e(i)}">{_e(i)}</a>' if i in linked else _e(i) for i in ids) or "—"


def _comparison_html(cmp: Comparison, shown: set[str]) -> str:
    parts = [f"<h2>Compared with {_e(cmp.baseline_label)}</h2>"]
    parts += [f'<p class="muted">note: {_e(w)}</p>' for w in cmp.warnings]
    rows = []
    for d in cmp.scorers:
        ok = '<span class="good">ok</span>'
        gate = f'<span class="bad">REGRESSED (&gt; {d.threshold_pp:g} pp)</span>' if d.regressed else ok
        rows.append([f"<b>{_e(d.name)}</b>", str(d.paired), _pct(d.base_rate), _pct(d.new_rate), _pp(d.delta_pp),
                     str(len(d.pass_to_fail)), str(len(d.fail_to_pass)), f"{d.p_value:.4g}", gate])
    parts.append(_html_table(["scorer", "paired", cmp.baseline_label, cmp.candidate_label, "Δ pp", "pass→fail",
                              "fail→pass", "McNemar p", "gate"], rows))
    flips = [[f"<b>{_e(d.name)}</b>", _ids_html(d.pass_to_fail, shown), _ids_html(d.fail_to_pass, shown)]
             for d in cmp.scorers if d.pass_to_fail or d.fail_to_pass]
    parts.append("<h3>Flips</h3>")
    parts.append(_html_table(["scorer", "pass→fail", "fail→pass"], flips) if flips
                 else '<p class="muted">No case changed its verdict.</p>')
    parts.append(f"<h3>Rewrites that changed ({len(cmp.changed)})</h3>")
    if not cmp.changed:
        parts.append('<p class="muted">Every paired case has the same rewrite in both runs.</p>')
    for change in cmp.changed:
        verdicts = f"{_verdict(change.baseline_passed)} → {_verdict(change.candidate_passed)}"
        parts.append(f'<details><summary>{_ids_html([change.id], shown)} <span class="muted">{verdicts}</span>'
                     f'</summary><div class="reply diff">{diff_html(change.baseline or "", change.candidate or "")}'
                     "</div></details>")
    return "\n".join(parts)


def write_report(path: str | Path, run: EvalRun, comparison: Comparison | None = None) -> None:
    """``.html``/``.htm`` writes the HTML report, anything else Markdown."""
    path = Path(path)
    text = html_report(run, comparison) if path.suffix.lower() in (".html", ".htm") else markdown_report(run, comparison)
    path.write_text(text, encoding="utf-8")
