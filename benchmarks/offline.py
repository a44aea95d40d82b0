"""Part 6: the offline engine on the real replies: speed, and whether every rewrite is safe to send and reads well.

Each reply is rewritten with its customer tweet, and the rewrite is counted when it
- fails the guard (an error or warning left, a fact lost or invented): target 0;
- reads worse than the draft (``coach._core.fluency``: a problem the draft did not have): target 0;
- changes a draft in which the checker finds nothing but suggestions (it must come back byte-identical): target 0
  (a draft with only an info finding, such as "I understand. I hear you." said without the problem, may be mended);
- loses a fact of the draft, or invents one: target 0;
- loses the draft's own next step (an instruction to the customer, a link, an action the agent took): target 0;
and the sentence the engine adds most often is reported with its share of all replies (target under 10%).

With ``COACH_BENCH_OLD_ENGINE=DIR`` (a folder holding an older engine as a package, ``DIR/<name>/__init__.py``
exporting ``rewrite_offline``), both engines are timed side by side on the same replies, chunk by chunk.

    python benchmarks/run.py offline DATA        # merged into benchmarks/results.json, README table
    python benchmarks/offline.py DATA            # this part alone, with examples of every miss
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Reply, latency_ms  # noqa: E402

#: What a draft asks the customer to do, or says the agent did: it must survive the rewrite.
_STEPS = {
    "dm": re.compile(r"\bDMs?\b|\bdirect[- ]?message|\bprivate message", re.I),
    "call": re.compile(r"\b(?:please|you\s+can|just|simply|give\s+us\s+a)\s+call\b|\bcall\s+(?:us|me)\s+(?:at|on)\b|"
                       r"\bcall\s+\+?\d", re.I),
    "reply": re.compile(r"\b(?:please|you can|just|simply)\s+reply\b|\breply\s+(?:to|with|us|here|back)\b", re.I),
    "email": re.compile(r"\b(?:e-?mail|send)\s+(?:us|me)\b", re.I),
    "visit": re.compile(r"\bvisit\b", re.I),
    "click": re.compile(r"\bclick\b", re.I),
    "done": re.compile(r"\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:just\s+|already\s+)?(?:sent|booked|arranged|escalated|"
                       r"passed|forwarded|refunded|credited|reset|added|removed|cancel+ed|raised|fed)\b", re.I),
}
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_CHUNK = 50


def _steps(text: str) -> set[str]:
    return {name for name, pattern in _STEPS.items() if pattern.search(text)} | set(_LINK.findall(text))


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in _SENTENCE.split(text) if s.strip()]


def _old_engine() -> Callable[..., Any] | None:
    folder = os.environ.get("COACH_BENCH_OLD_ENGINE")
    if not folder:
        return None
    path = Path(folder)
    sys.path.insert(0, str(path.parent))
    return importlib.import_module(path.name).rewrite_offline


def _timed(rewrite: Callable[..., Any], replies: list[Reply], policy: Any) -> tuple[list[Any], list[int]]:
    results, times = [], []
    for r in replies:
        started = time.perf_counter_ns()
        results.append(rewrite(r.draft, r.customer or None, policy))
        times.append(time.perf_counter_ns() - started)
    return results, times


def run(replies: list[Reply], examples: int = 0) -> dict[str, Any]:
    from coach._core.checker import check
    from coach._core.facts import invented_facts, missing_facts
    from coach._core.fluency import new_problems
    from coach._core.policy import Policy
    from coach._core.text import html_to_text
    from coach._core.untrusted import without_instructions
    from coach._engines.offline import rewrite_offline

    policy, old = Policy(), _old_engine()
    for r in replies[:20]:  # warm the caches of both engines before timing
        rewrite_offline(r.draft, r.customer or None, policy)
        if old:
            old(r.draft, r.customer or None, policy)
    results, times, old_times = [], [], []
    for at in range(0, len(replies), _CHUNK):  # interleaved by chunks: both engines see the same machine load
        chunk = replies[at:at + _CHUNK]
        done, took = _timed(rewrite_offline, chunk, policy)
        results += done
        times += took
        if old:
            old_times += _timed(old, chunk, policy)[1]
    misses: dict[str, list[str]] = {k: [] for k in ("failed", "to_read", "disfluent", "good_changed", "lost",
                                                       "invented", "step_lost")}
    added: Counter[str] = Counter()
    changed = 0
    for r, result in zip(replies, results):
        text, draft = result.rewrite, r.draft
        plain = html_to_text(draft)
        changed += text != draft
        found = any(f.severity != "suggestion" for f in check(plain, r.customer or None, policy).findings)
        flags = {
            "failed": result.passed is False,
            "to_read": result.passed is None and bool(result.review),
            "disfluent": bool(new_problems(plain, text)),
            "good_changed": not found and text != plain,
            "lost": bool(missing_facts(without_instructions(draft), text)),
            "invented": bool(invented_facts(text, draft, r.customer)),
            "step_lost": bool(_steps(plain) - _steps(text)),
        }
        for name, hit in flags.items():
            if hit:
                misses[name].append(r.id)
        flat = " ".join(plain.split()).lower()
        added.update({s for s in _sentences(text) if s.lower() not in flat})
    top, top_n = added.most_common(1)[0] if added else ("", 0)
    out = {
        "drafts": len(replies), "rewrites_per_s": round(len(replies) / (sum(times) / 1e9), 1), **latency_ms(times),
        "changed": changed, "facts_lost": len(misses["lost"]), "facts_invented": len(misses["invented"]),
        "guard_failed": len(misses["failed"]), "to_read": len(misses["to_read"]), "disfluent": len(misses["disfluent"]),
        "good_drafts_changed": len(misses["good_changed"]), "next_step_lost": len(misses["step_lost"]),
        "top_added_sentence": top, "top_added_count": top_n, "top_added_share_pct": round(100 * top_n / len(replies), 1),
        "top_added_share_of_rewrites_pct": round(100 * top_n / max(1, changed), 1),
        "top_added": added.most_common(5),
        "first_examples": {name: ids[0] for name, ids in misses.items() if ids},
    }
    if old_times:
        out["old_engine_rewrites_per_s"] = round(len(replies) / (sum(old_times) / 1e9), 1)
    if examples:
        out["examples"] = {name: ids[:examples] for name, ids in misses.items() if ids}
    return out


def table(res: dict[str, Any]) -> str:
    """The README's table for this part."""
    speed = f"{res['rewrites_per_s']:,.0f}"
    if "old_engine_rewrites_per_s" in res:
        speed += f" (previous engine, side by side: {res['old_engine_rewrites_per_s']:,.0f})"
    rows = [
        ("rewrites/s (in process)", speed, "no slower than before"),
        ("p50 / p99 latency", f"{res['p50_ms']:.2f} / {res['p99_ms']:.2f} ms", ""),
        ("drafts changed", f"{res['changed']:,}", ""),
        ("rewrites failing the guard", f"{res['guard_failed']:,}", "0"),
        ("rewrites with lines the coach wrote itself (`passed: null`, `review`)", f"{res.get('to_read', 0):,}", ""),
        ("rewrites that read worse than their draft (`fluent`)", f"{res['disfluent']:,}", "0"),
        ("drafts with no finding (suggestions aside) that were changed", f"{res['good_drafts_changed']:,}", "0"),
        ("rewrites that lost a fact of the draft / invented one", f"{res['facts_lost']:,} / {res['facts_invented']:,}", "0"),
        ("rewrites that lost the draft's own next step", f"{res['next_step_lost']:,}", "0"),
        ("most frequent added sentence", f"{res['top_added_share_pct']:.1f}% \"{res['top_added_sentence']}\"", "< 10%"),
        ("... as a share of the rewrites (drafts changed)", f"{res.get('top_added_share_of_rewrites_pct', 0):.1f}%",
         "< 5%"),
    ]
    lines = ["| | value | target |", "| --- | --- | --- |"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return f"Offline engine on {res['drafts']:,} real replies (each rewritten with its customer tweet)\n\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.common import DEFAULT_DATA, load_corpus

    args = sys.argv[1:] if argv is None else argv
    replies = load_corpus(Path(args[0]) if args else DEFAULT_DATA)
    res = run(replies, examples=5)
    print(table(res))
    by_id = {r.id: r for r in replies}
    from coach._engines.offline import rewrite_offline

    for name, ids in res.get("examples", {}).items():
        print(f"\n{name}:")
        for i in ids:
            r = by_id[i]
            print(f"  [{i}] {r.draft!r}\n     -> {rewrite_offline(r.draft, r.customer or None).rewrite!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
