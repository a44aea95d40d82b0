"""The audit's input: the 2,222 real replies (../shared/data/twcs_replies.jsonl) repeated, with an agent and a time
derived from each row so every run reads the same rows.

    python benchmarks/audit_input.py audit-input.jsonl [--copies 10]

team: the brand; agent: the brand and one of four desks, picked from the reply's id; time: spread over eight
weeks from Monday 2026-09-07 (UTC), by a fixed stride through the minutes.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPLIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "twcs_replies.jsonl"
START = datetime(2026, 9, 7, tzinfo=UTC)
_MINUTES = 8 * 7 * 24 * 60


def rows(copies: int = 1, source: Path = REPLIES):
    real = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    number = 0
    for copy in range(copies):
        for item in real:
            desk = "ABCD"[int(item["id"]) % 4] if str(item["id"]).isdigit() else "A"
            yield {"id": item["id"] if copy == 0 else f"{item['id']}-{copy}", "team": item["brand"],
                   "agent": f"{item['brand']}-{desk}", "time": (START + timedelta(minutes=number * 7919 % _MINUTES)).isoformat(),
                   "customer": item["customer"], "reply": item["reply"]}
            number += 1


def write(path: str | Path, copies: int = 1) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for row in rows(copies):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--copies", type=int, default=1)
    options = parser.parse_args()
    print(f"{write(options.path, options.copies):,} replies -> {options.path}")
