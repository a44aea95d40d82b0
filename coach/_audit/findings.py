"""The findings file: one row per finding, with the reply's id, agent, team and time, as Parquet or JSONL."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["FINDINGS_SCHEMA", "findings_table", "write_part", "read_part", "write_findings", "findings_format"]

FINDINGS_SCHEMA = pa.schema([
    ("id", pa.string()), ("agent", pa.string()), ("team", pa.string()), ("time", pa.timestamp("us", tz="UTC")),
    ("rule", pa.string()), ("severity", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("quote", pa.string()),
])


def findings_format(path: str | Path) -> str:
    """JSONL when the file's name ends in .jsonl (or .ndjson), else Parquet."""
    return "jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else "parquet"


def findings_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=FINDINGS_SCHEMA)


def _replace_atomically(tmp: Path, final: Path) -> None:
    os.replace(tmp, final)


def write_part(rows: list[dict[str, Any]], path: Path) -> None:
    """One chunk's findings, written whole or not at all (a part that exists is a finished chunk)."""
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(findings_table(rows), tmp)
    _replace_atomically(tmp, path)


def read_part(path: Path) -> pa.Table:
    return pq.read_table(path, schema=FINDINGS_SCHEMA)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def write_findings(tables: Iterable[pa.Table], path: str | Path) -> int:
    """Concatenate ``tables`` into the findings file (streamed: one table in memory at a time); returns rows."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    rows = 0
    if findings_format(path) == "jsonl":
        with open(tmp, "w", encoding="utf-8") as out:
            for table in tables:
                for row in table.to_pylist():
                    out.write(json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
                rows += table.num_rows
    else:
        with pq.ParquetWriter(tmp, FINDINGS_SCHEMA) as writer:
            for table in tables:
                writer.write_table(table.cast(FINDINGS_SCHEMA))
                rows += table.num_rows
    _replace_atomically(tmp, path)
    return rows
