"""Past replies for the audit's tests: a few teams, agents and weeks, written as JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

FIELDS = ["id", "agent", "team", "time", "customer", "reply"]

REPLIES = [
    ("1", "ana", "billing", "2026-09-07T10:00:00Z", "I was charged twice for my order 4417.",
     "Sorry for the inconvenience. I promise it will be fixed right away."),
    ("2", "ana", "billing", "2026-09-08T11:00:00Z", "My refund has not arrived.",
     "Thanks for telling us about the refund for order 4417. I've sent it again today; it shows in 3-5 days."),
    ("3", "ben", "billing", "2026-09-09T12:00:00Z", "The app logs me out.",
     "Oh no! We'll do our best to look into it."),
    ("4", "ben", "billing", "2026-09-15T09:00:00Z", "Where is my parcel?",
     "Sorry for the inconvenience. We understand your frustration."),
    ("5", "cleo", "shipping", "2026-09-15T10:00:00Z", "My parcel 1Z999 never came.",
     "Thank you for the tracking number 1Z999. I have opened a claim with the courier; you'll get an email by Friday."),
    ("6", "cleo", "shipping", "2026-09-16T10:00:00Z", "Colis perdu.",
     "Bonjour, nous sommes désolés pour le retard de votre colis."),
    ("7", "dan", "shipping", "2026-09-16T11:00:00Z", "Still waiting.",
     "   "),
    ("8", "dan", "shipping", "2026-09-17T12:00:00Z", "It broke after a day.",
     "That's terrible, I'm so sorry. Hopefully it will be sorted soon."),
    ("9", "ana", "billing", "2026-09-18T08:00:00Z", "Charged twice again!",
     "Sorry for the inconvenience, I'll get this sorted for you right away."),
]


def rows(columns: dict[str, str] | None = None) -> list[dict[str, str]]:
    names = {field: (columns or {}).get(field, field) for field in FIELDS}
    return [{names[field]: value for field, value in zip(FIELDS, reply)} for reply in REPLIES]


def write_jsonl(path: Path, data: list[dict] | None = None) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in (data or rows())), encoding="utf-8")
    return path


def write_csv(path: Path, data: list[dict] | None = None) -> Path:
    data = data or rows()
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(data[0]))
        writer.writeheader()
        writer.writerows(data)
    return path


def write_parquet(path: Path, data: list[dict] | None = None) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(data or rows()), path)
    return path
