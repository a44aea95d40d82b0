"""Markdown tables of a results JSON, as they appear in the README."""

from __future__ import annotations

from typing import Any


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _ok(ok: bool) -> str:
    return "met" if ok else "**not met**"


def checker(res: dict[str, Any]) -> str:
    ip, pr = res["in_process"], res["process"]
    c, p = ip["coach"], ip["proselint"]
    out = [f"Checker, {ip['drafts']:,} real replies, median of {ip['rounds']} rounds interleaved by chunks of drafts "
           f"(process: {pr['rounds']} rounds)", ""]
    out.append(_table(
        ["", "coach", "proselint", "coach ÷ proselint", "target"],
        [
            ["in process: drafts/s", f"{c['drafts_per_s']:,.0f}", f"{p['drafts_per_s']:,.0f}",
             f"{ip['speedup']:.1f}×", f"≥ 100× ({_ok(ip['speedup'] >= 100)})"],
            ["in process: p50 latency", f"{c['p50_ms']:.3f} ms", f"{p['p50_ms']:.3f} ms", "", ""],
            ["in process: p99 latency", f"{c['p99_ms']:.3f} ms", f"{p['p99_ms']:.3f} ms", "",
             f"< 1 ms ({_ok(c['p99_ms'] < 1)})"],
            ["whole process: wall", f"{pr['coach']['wall_s']:.2f} s", f"{pr['proselint']['wall_s']:.2f} s",
             f"{pr['speedup']:.1f}×", ""],
            ["whole process: drafts/s", f"{pr['coach']['drafts_per_s']:,.0f}",
             f"{pr['proselint']['drafts_per_s']:,.0f}", "", ""],
        ]))
    out += ["", f"Per-round speed-ups in process: {', '.join(f'{r:.1f}×' for r in ip['speedup_rounds'])}."]
    return "\n".join(out)


def flags(res: dict[str, Any], top: int = 10) -> str:
    f = res["in_process"]["flags"]
    c, p = f["coach"], f["proselint"]
    n = res["in_process"]["drafts"]
    out = [f"What each tool flags on the same {n:,} replies", ""]
    out.append(_table(["", "coach", "proselint"], [
        ["findings", f"{c['findings']:,}", f"{p['findings']:,}"],
        ["drafts with ≥ 1 finding", f"{c['drafts_flagged']:,} ({100 * c['drafts_flagged'] / n:.0f}%)",
         f"{p['drafts_flagged']:,} ({100 * p['drafts_flagged'] / n:.0f}%)"],
        ["drafts failing (a warning or error)", f"{c['drafts_failing']:,}", "n/a"],
    ]))
    prose = list(p["per_check"].items())
    shown, rest = prose[:top], prose[top:]
    if rest:
        shown.append((f"{len(rest)} other checks", sum(v for _, v in rest)))
    coach_rows = list(c["per_rule"].items())
    rows = []
    for i in range(max(len(coach_rows), len(shown))):
        left = coach_rows[i] if i < len(coach_rows) else ("", "")
        right = shown[i] if i < len(shown) else ("", "")
        rows.append([f"`{left[0]}`" if left[0] else "", left[1], f"`{right[0]}`" if right[0] and "other" not in right[0]
                     else right[0], right[1]])
    out += ["", _table(["coach rule", "findings", "proselint check", "findings"], rows)]
    return "\n".join(out)


def memory(res: dict[str, Any]) -> str:
    rows = [[f"{r['multiple']}×", f"{r['drafts']:,}", f"{r['input_mib']:.1f} MiB", f"{r['peak_rss_mib']:.1f} MiB",
             f"{r['wall_s']:.2f} s"] for r in res["runs"]]
    flat = res["growth_ratio"] <= 1.10
    return "\n".join([
        f"Peak RSS of `{res['command']}`, median of {res['rounds']} runs", "",
        _table(["input", "drafts", "file", "peak RSS", "wall"], rows), "",
        f"10× the input: peak RSS ×{res['growth_ratio']:.2f} (+{res['growth_mib']:.1f} MiB, "
        f"{res['growth_per_input_mib']:.1f} MiB per MiB of input). Target flat: {_ok(flat)}.",
    ])


def llm(res: dict[str, Any]) -> str:
    o, b = res["overhead"], res["batch"]
    out = [f"openai engine against the benchmark's local server (127.0.0.1, {o['delay_ms']} ms delay a call), "
           f"{o['rewrites']} sequential rewrites", ""]
    out.append(_table(["per rewrite", "value", "target"], [
        ["model calls", f"{o['calls_per_rewrite']:.2f} (max {o['max_calls']}, {o['fallbacks']} fallbacks)", ""],
        ["tokens (prompt + completion, estimated)",
         f"{o['prompt_tokens_per_rewrite']:,.0f} + {o['completion_tokens_per_rewrite']:,.0f} = "
         f"{o['total_tokens_per_rewrite']:,.0f}", ""],
        ["wall time p50 / p99", f"{o['wall']['p50_ms']:.1f} / {o['wall']['p99_ms']:.1f} ms", ""],
        ["coach's own time outside the HTTP call, p50 / p99",
         f"{o['coach_outside_http']['p50_ms']:.2f} / {o['coach_outside_http']['p99_ms']:.2f} ms "
         f"({o['coach_outside_http']['share_pct']:.1f}% of the rewrite)",
         f"< 5% ({_ok(o['coach_outside_http']['share_pct'] < 5)})"],
        ["everything beyond the server's own time (coach + SDK + HTTP), p50",
         f"{o['beyond_server']['p50_ms']:.2f} ms ({o['beyond_server']['share_pct']:.1f}%)", ""],
    ]))
    rows = [[r["jobs"], f"{r['wall_s']:.2f} s", f"{r['rewrites_per_s']:.1f}", f"{r['speedup']:.2f}×",
             f"{r['efficiency']:.2f}", f"{r['speedup_excl_fixed_cost']:.2f}×" if r["speedup_excl_fixed_cost"] else "n/a",
             (_ok(r["efficiency"] >= 0.8) if r["jobs"] <= 8 else "")] for r in b["runs"]]
    out += ["", f"`{b['command']}`: {b['rewrites']} rewrites, {b['delay_ms']} ms a call, "
            f"median of {b['rounds']} rounds; a process's fixed cost (start, imports, exit) is "
            f"{b['fixed_process_cost_s']:.2f} s", "",
            _table(["-j", "wall", "rewrites/s", "speed-up", "speed-up ÷ N", "speed-up without the fixed cost",
                    "≥ 0.8×N"], rows)]
    return "\n".join(out)


def eval_replay(res: dict[str, Any]) -> str:
    rows = []
    for key, value in res.items():
        if isinstance(value, dict) and "wall_s" in value:
            target = f"< 10 s ({_ok(value['wall_s'] < 10)})" if key.startswith("replay") else ""
            rows.append([f"`{value['command']}`", f"{value['wall_s']:.2f} s", target])
        elif isinstance(value, dict) and "error" in value:
            rows.append([f"`{value['command']}`", "failed", value["error"].splitlines()[0][:200]])
    committed = res.get("committed_cassettes") or []
    note = ("committed cassettes: " + ", ".join(f"`{c}`" for c in committed) + " (replayed as `.ci/run` does)"
            if committed else "no eval cassette is committed under evals/cassettes")
    note += "; the whole-suite cassette was recorded by the benchmark against its fake server"
    return "\n".join([f"Gold suite, {res['cases']} cases ({res['recorded_calls']} model calls in the whole-suite cassette), "
                      f"median of {res['rounds']} runs; {note}", "",
                      _table(["command", "wall", "target"], rows)])


def profile(res: dict[str, Any], top: int = 8) -> str:
    rows = [[f"`{r['function']}`", f"{r['calls']:,}", f"{r['self_pct']:.1f}%"] for r in res["top_self_time"][:top]]
    return "\n".join([f"cProfile of `Coach.check` over {res['drafts']:,} replies "
                      f"({res['us_per_draft_under_profiler']:.0f} µs a draft under the profiler), by self time", "",
                      _table(["function", "calls", "self time"], rows)])


def offline(res: dict[str, Any]) -> str:
    from benchmarks import offline as bench  # the offline benchmark renders its own table

    return bench.table(res)


RENDERERS = {"checker": lambda r: checker(r) + "\n\n" + flags(r), "memory": memory, "llm": llm,
             "eval_replay": eval_replay, "profile": profile, "offline": offline, "startup": lambda r: startup(r),
             "serve": lambda r: _serve(r)}


def _serve(res: dict[str, Any]) -> str:
    from benchmarks import serve  # the service benchmark renders its own table

    return serve.markdown(res)


def startup(res: dict[str, Any]) -> str:
    rows = [[f"`{name}`", f"{r['median_s'] * 1000:.0f} ms", f"{r['ratio_to_pydantic']:.2f}×",
             _ok(r["ratio_to_pydantic"] <= 1.5) if name.startswith("coach") else ""]
            for name, r in res["runs"].items()]
    return "\n".join([f"Whole-process start-up, median of {res['rounds']} interleaved runs "
                      "(`python benchmarks/run.py startup`):", "",
                      _table(["command", "wall", "vs import pydantic", "≤ 1.5×"], rows)])


def markdown(results: dict[str, Any]) -> str:
    parts = []
    m = results.get("machine")
    if m:
        parts.append(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, "
                     f"Python {m['python']}; measured {m['date']}"
                     + (f" at commit {results['versions']['coach commit']}." if "versions" in results else "."))
    for key, render in RENDERERS.items():
        if key in results:
            parts.append(render(results[key]))
    return "\n\n".join(parts) + "\n"
