"""Part 12: how many first answers of a capable model the guard accepts, and the good drafts it leaves alone.

Answers written as a capable hosted model would write them (one JSON answer per draft, following the shipped
rewrite prompt) are replayed by a fake OpenAI server on 127.0.0.1; the coach's model engine rewrites every draft
against it, exactly as it would against a real server. Counted: answers accepted the first time (no re-ask),
answers that ended in the offline fallback, and drafts with no finding that came back byte-identical. With a
review file (a blind reviewer's verdicts: ``{"rid", "garbled", "flaws", "would_send"}`` and a key from rid to
``[draft id, [systems]]``), the acceptance is also given for the answers the reviewer found clean.

    python benchmarks/guard_acceptance.py DRAFTS ANSWERS [--review VERDICTS KEY]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.fake_server import MODEL, FakeOpenAI  # noqa: E402

_DRAFT = re.compile(r"<draft>\n(.*?)\n</draft>", re.S)


def _load(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def run(drafts: list[dict[str, Any]], answers: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    from coach import Coach, Policy
    from coach._engines.openai.prompts import untrusted

    by_draft = {untrusted(d["draft"]): answers[d["id"]] for d in drafts}

    def answer(body: dict[str, Any]) -> str:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        return json.dumps(by_draft[_DRAFT.search(user).group(1)])

    out = {}
    with FakeOpenAI(answer, delay_s=0.0) as server:
        coach = Coach(engine="openai", base_url=server.base_url, model=MODEL, timeout=10.0)
        for d in drafts:
            result = coach.rewrite(d["draft"], customer=d.get("customer"), policy=Policy(commitments=d.get("policy", [])))
            out[d["id"]] = {"attempts": result.attempts, "fallback": result.fallback, "passed": result.passed,
                            "unchanged": result.rewrite == d["draft"], "clean_draft": not any(
                                f.blocking for f in result.findings_before),
                            "answer_kept_draft": answers[d["id"]]["rewrite"] == d["draft"]}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("drafts")
    parser.add_argument("answers")
    parser.add_argument("--review", nargs=2, metavar=("VERDICTS", "KEY"))
    args = parser.parse_args()
    drafts = _load(args.drafts)
    answers = {a["id"]: a["answer"] for a in _load(args.answers)}
    results = run(drafts, answers)
    first = sum(r["attempts"] == 1 and not r["fallback"] for r in results.values())
    print(f"drafts: {len(results)}; first answer accepted: {first} ({first / len(results):.0%}); "
          f"re-asked: {sum(r['attempts'] > 1 for r in results.values())}; "
          f"fell back: {sum(r['fallback'] for r in results.values())}")
    clean = [r for r in results.values() if r["clean_draft"]]
    print(f"drafts with no error or warning: {len(clean)}; shipped byte-identical: {sum(r['unchanged'] for r in clean)}")
    if args.review:
        verdicts = {v["rid"]: v for v in _load(args.review[0])}
        key = json.loads(Path(args.review[1]).read_text(encoding="utf-8"))
        good = {cid for rid, (cid, systems) in key.items() if any(s.startswith("capable") for s in systems)
                and not verdicts[rid]["garbled"] and not verdicts[rid]["flaws"]}
        accepted = [cid for cid in good if results[cid]["attempts"] == 1 and not results[cid]["fallback"]]
        print(f"answers the reviewer found clean: {len(good)}; accepted first time: {len(accepted)} "
              f"({len(accepted) / max(1, len(good)):.0%})")
        for cid in sorted(good - set(accepted)):
            print(f"  rejected clean answer: {cid}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
