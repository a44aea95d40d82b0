"""Reading past replies from JSONL, CSV or Parquet files, streamed: one record (or one problem) at a time.

A malformed row, a missing column or an unreadable file becomes a ``Problem`` in the stream, never an exception,
so one bad file cannot stop an audit or lose the other rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["Columns", "Problem", "Record", "make_record", "read_records", "count_rows", "input_format"]

_FIELDS = ("reply", "customer", "agent", "team", "time", "id")


class Columns(BaseModel):
    """Which of the file's columns holds each field. Only ``reply`` is required; ``explicit`` are the ones the
    user named, which must then exist (a default column that is absent just leaves its field empty)."""

    model_config = ConfigDict(frozen=True)

    reply: str = "reply"
    customer: str = "customer"
    agent: str = "agent"
    team: str = "team"
    time: str = "time"
    id: str = "id"
    explicit: frozenset[str] = frozenset({"reply"})

    @classmethod
    def from_options(cls, **given: str | None) -> "Columns":
        named = {field: value for field, value in given.items() if value is not None}
        return cls(**named, explicit=frozenset(named) | {"reply"})

    def missing(self, available: list[str]) -> list[str]:
        """The required or named columns that ``available`` lacks."""
        return [getattr(self, field) for field in _FIELDS
                if field in self.explicit and getattr(self, field) not in available]


class Record(BaseModel):
    """One past reply as read, before it is checked."""

    source: str
    row: int | None = None
    id: str
    reply: Any = None
    customer: Any = None
    agent: Any = None
    team: Any = None
    time: Any = None


class Problem(BaseModel):
    """Input the audit could not read: it is counted and listed in the report. ``row`` is None for a whole file."""

    source: str
    row: int | None = None
    id: str | None = None
    kind: str
    message: str


def input_format(path: str | Path) -> str:
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".parquet":
        return "parquet"
    if suffixes and suffixes[-1] in (".csv", ".tsv"):
        return "csv"
    return "jsonl"


def _missing_columns(source: str, columns: Columns, available: list[str]) -> Problem | None:
    missing = columns.missing(available)
    if not missing:
        return None
    listed = ", ".join(available) or "none"
    return Problem(source=source, kind="missing-column",
                   message=f"no column {', '.join(repr(m) for m in missing)} (the file's columns: {listed}); "
                           "name the right one with --reply-column, --agent-column, ...")


def make_record(source: str, row: int, data: dict[str, Any], columns: Columns) -> Record:
    raw_id = data.get(columns.id)
    return Record(source=source, row=row, id=f"{Path(source).name}:{row}" if raw_id in (None, "") else str(raw_id),
                  reply=data.get(columns.reply), customer=data.get(columns.customer), agent=data.get(columns.agent),
                  team=data.get(columns.team), time=data.get(columns.time))


def read_records(path: str | Path, columns: Columns) -> Iterator[Record | Problem]:
    """The file's replies in order; a problem in place of each bad row, or of the rest of an unreadable file."""
    source = str(path)
    row = 0
    try:
        reader = {"parquet": _parquet_rows, "csv": _csv_rows, "jsonl": _jsonl_rows}[input_format(path)]
        for row, item in reader(source, columns):  # noqa: B007 - `row` names where a read failed
            yield item
    except FileNotFoundError:
        yield Problem(source=source, kind="unreadable-file", message="file not found")
    except (OSError, ValueError) as exc:  # permissions, a corrupt Parquet footer, bytes that are not UTF-8
        where = f" after row {row}" if row else ""
        yield Problem(source=source, row=row or None, kind="unreadable-file",
                      message=f"cannot read the file{where}: {type(exc).__name__}: {exc}")


def _jsonl_rows(source: str, columns: Columns) -> Iterator[tuple[int, Record | Problem]]:
    checked_columns = False
    with open(source, "rb") as lines:
        for row, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield row, Problem(source=source, row=row, kind="malformed-row", message=f"not valid JSON: {exc}")
                continue
            if not isinstance(data, dict):
                yield row, Problem(source=source, row=row, kind="malformed-row",
                                   message=f"a JSON {type(data).__name__}, not an object")
                continue
            if not checked_columns:  # the first object stands for the file's columns
                checked_columns = True
                problem = _missing_columns(source, columns, list(data))
                if problem:
                    yield row, problem
                    return
            yield row, make_record(source, row, data, columns)


def _csv_rows(source: str, columns: Columns) -> Iterator[tuple[int, Record | Problem]]:
    delimiter = "\t" if source.lower().endswith(".tsv") else ","
    with open(source, "rb") as binary, io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as text:
        reader = csv.reader(text, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            return
        problem = _missing_columns(source, columns, header)
        if problem:
            yield 0, problem
            return
        for row, values in enumerate(reader, start=1):
            if len(values) != len(header):
                if not any(v.strip() for v in values):
                    continue  # a blank line
                yield row, Problem(source=source, row=row, kind="malformed-row",
                                   message=f"{len(values)} fields where the header has {len(header)}")
                continue
            yield row, make_record(source, row, dict(zip(header, values)), columns)


def _parquet_rows(source: str, columns: Columns) -> Iterator[tuple[int, Record | Problem]]:
    import pyarrow.parquet as pq

    with pq.ParquetFile(source) as parquet:
        names = parquet.schema_arrow.names
        problem = _missing_columns(source, columns, names)
        if problem:
            yield 0, problem
            return
        wanted = sorted({getattr(columns, field) for field in _FIELDS} & set(names))
        row = 0
        for batch in parquet.iter_batches(batch_size=4096, columns=wanted):
            for data in batch.to_pylist():
                row += 1
                yield row, make_record(source, row, data, columns)


def count_rows(path: str | Path) -> int:
    """About how many rows the file holds (for the progress bar's ETA); 0 when it cannot tell."""
    try:
        if input_format(path) == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        with open(path, "rb") as lines:
            count = sum(1 for line in lines if line.strip())
        return count - 1 if input_format(path) == "csv" else count
    except (OSError, ValueError):
        return 0
