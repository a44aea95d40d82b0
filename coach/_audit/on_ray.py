"""The audit on Ray Data, for input past one machine: the checker runs in a pool of reusable workers
(``map_batches`` with a callable class, so the rules and the learned checker load once a worker), the findings
are written as Parquet by Ray, and the report's sums are Ray aggregates. The report is drawn from the same
``AuditTally`` as the in-process audit's, so the two give the same report.

Ray reads whatever paths it reads (local, ``s3://``, ``gs://``). Rows reach the workers already parsed, so Ray
cannot number them: a problem row is named by its id, and a file Ray cannot parse is one problem for the file.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import pyarrow as pa

from .._core.errors import InputError
from .._core.policy import Policy
from .._core.rules import RULE_IDS
from .audit import (
    LISTED_KEPT,
    WORST_KEPT,
    AuditTally,
    Listed,
    as_text,
    audit_record,
    by_id,
    finding_rows,
    group_key,
    keep_first,
    listed_of,
    phrase_of,
    problem_order,
    week_of,
    worst_first,
)
from .findings import FINDINGS_SCHEMA, findings_format
from .inputs import Columns, Problem, input_format, make_record
from .local import AuditOutcome

__all__ = ["audit_dataset", "audit_paths_on_ray", "ReplyAuditor"]

_SOURCE = "__coach_source"
_PARTITIONS = 4  # the sums are small: a few hash partitions, not Ray's default 200
_COUNTS = ("replies", "assessed", "failing", "unassessed", *RULE_IDS)
REPLY_SCHEMA = pa.schema([
    ("team", pa.string()), ("agent", pa.string()), ("week", pa.string()),
    *((name, pa.int64()) for name in _COUNTS),
    ("problem_kind", pa.string()), ("problem", pa.string()), ("worst", pa.string()), ("unassessed_listed", pa.string()),
    ("findings", pa.string()), ("findings_n", pa.int64()),
])


def _reply_row(audited) -> dict[str, Any]:
    """One reply's share of the tally, as a row Ray can sum (the in-process ``AuditTally.add``, as columns)."""
    record = audited.record
    row: dict[str, Any] = {name: 0 for name in _COUNTS}
    team, agent, week = json.loads(group_key(as_text(record.team), as_text(record.agent), week_of(audited.time)))
    row.update(team=team, agent=agent, week=week, problem_kind="", problem=None, worst=None, unassessed_listed=None)
    findings = [{**f, "time": f["time"].isoformat() if f["time"] else None} for f in finding_rows(audited)]
    row.update(findings=json.dumps(findings), findings_n=len(findings))
    if audited.problem is not None:
        row.update(problem_kind=audited.problem.kind, problem=audited.problem.model_dump_json())
        if audited.problem.kind != "bad-time":
            return row
    row["replies"] = 1
    if not audited.assessed:
        row.update(unassessed=1, unassessed_listed=listed_of(audited).model_dump_json())
    else:
        row.update(assessed=1, failing=int(audited.failing))
        for rule in {f.rule for f in audited.findings}:
            row[rule] = 1
        if audited.score > 0:
            row["worst"] = listed_of(audited).model_dump_json()
    return row


class ReplyAuditor:
    """The Ray worker: built once per actor (the checker's files load once), then called on batch after batch."""

    def __init__(self, columns: dict, policy: dict):
        self.columns = Columns(**columns)
        self.policy = Policy(**policy)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = []
        for data in batch.to_pylist():
            record = make_record(str(data.get(_SOURCE) or "ray"), None, data, self.columns)
            rows.append(_reply_row(audit_record(record, self.policy)))
        return pa.Table.from_pylist(rows, schema=REPLY_SCHEMA)


def _explode_findings(batch: pa.Table) -> pa.Table:
    rows = [row for text in batch.column("findings").to_pylist() for row in json.loads(text)]
    for row in rows:
        row["time"] = None if row["time"] is None else _parse_iso(row["time"])
    return pa.Table.from_pylist(rows, schema=FINDINGS_SCHEMA)


def _parse_iso(text: str):
    from datetime import datetime

    return datetime.fromisoformat(text)


def _phrase_counts(batch: pa.Table) -> pa.Table:
    """Each batch's (rule, phrase, findings) counts: Ray then sums them across batches."""
    counts: dict[tuple[str, str], int] = {}
    for text in batch.column("findings").to_pylist():
        for row in json.loads(text):
            if row["quote"]:
                key = (row["rule"], phrase_of(row["quote"]))
                counts[key] = counts.get(key, 0) + 1
    return pa.table({"rule": [r for r, _ in counts], "phrase": [p for _, p in counts], "n": list(counts.values())},
                    schema=pa.schema([("rule", pa.string()), ("phrase", pa.string()), ("n", pa.int64())]))


def _listed_few(batch: pa.Table) -> pa.Table:
    """Each batch's worst replies, first not-assessed ones and first problems: few rows for the driver to merge."""
    worst = keep_first([], [Listed.model_validate_json(t) for t in batch.column("worst").to_pylist() if t],
                        key=worst_first, limit=WORST_KEPT)
    unassessed = keep_first([], [Listed.model_validate_json(t) for t in batch.column("unassessed_listed").to_pylist()
                                  if t], key=by_id)
    problems = keep_first([], [Problem.model_validate_json(t) for t in batch.column("problem").to_pylist() if t],
                           key=problem_order)
    kinds = ["worst"] * len(worst) + ["unassessed"] * len(unassessed) + ["problem"] * len(problems)
    texts = [item.model_dump_json() for item in (*worst, *unassessed, *problems)]
    return pa.table({"kind": kinds, "item": texts}, schema=pa.schema([("kind", pa.string()), ("item", pa.string())]))


def _tally(replies) -> AuditTally:
    """The report's sums, computed by Ray: group sums by (team, agent, week), phrase counts, problem counts."""
    tally = AuditTally()
    for row in replies.groupby(["team", "agent", "week"], num_partitions=_PARTITIONS).sum(list(_COUNTS)).take_all():
        counts = {name: int(row[f"sum({name})"]) for name in _COUNTS if row[f"sum({name})"]}
        tally.not_assessed_count += counts.pop("unassessed", 0)
        if counts:
            tally.groups[group_key(row["team"], row["agent"], row["week"])] = counts
    for row in replies.groupby("problem_kind", num_partitions=_PARTITIONS).count().take_all():
        if row["problem_kind"]:
            tally.problem_counts[row["problem_kind"]] = int(row["count()"])
    phrases = replies.map_batches(_phrase_counts, batch_format="pyarrow").materialize()
    if phrases.count():
        for row in phrases.groupby(["rule", "phrase"], num_partitions=_PARTITIONS).sum("n").take_all():
            tally.phrases.setdefault(row["rule"], {})[row["phrase"]] = int(row["sum(n)"])
    few = replies.map_batches(_listed_few, batch_format="pyarrow").take_all()
    tally.worst = keep_first([], [Listed.model_validate_json(r["item"]) for r in few if r["kind"] == "worst"],
                              key=worst_first, limit=WORST_KEPT)
    tally.not_assessed = keep_first([], [Listed.model_validate_json(r["item"]) for r in few if r["kind"] == "unassessed"],
                                     key=by_id, limit=LISTED_KEPT)
    tally.problems = keep_first([], [Problem.model_validate_json(r["item"]) for r in few if r["kind"] == "problem"],
                                 key=problem_order, limit=LISTED_KEPT)
    return tally


def _check_columns(names: list[str], columns: Columns) -> None:
    missing = columns.missing(names) + ([columns.id] if columns.id not in names else [])
    if missing:
        raise InputError(f"no column {', '.join(repr(m) for m in dict.fromkeys(missing))} (the dataset's columns: "
                         f"{', '.join(n for n in names if n != _SOURCE) or 'none'}); on Ray each reply needs an id: "
                         "name the columns with --reply-column, --id-column, ...")


def audit_dataset(ds, findings: str | Path, *, columns: Columns | None = None, policy: Policy | None = None,
                  concurrency: int | None = None, batch_size: int = 1_000,
                  problems: list[Problem] | None = None) -> AuditOutcome:
    """Audit a ``ray.data.Dataset`` of past replies: write the findings (a folder of Parquet files, or JSONL for a
    .jsonl name) to ``findings`` (any path Ray writes) and return the tally for ``write_report``."""
    import ray

    columns = columns or Columns()
    policy = policy or Policy()
    _check_columns(ds.schema().names, columns)
    started = time.perf_counter()
    workers = concurrency or max(1, int(ray.available_resources().get("CPU", 1)))
    ray.data.DataContext.get_current().execution_options.preserve_order = True  # findings in the input's order
    replies = ds.map_batches(
        ReplyAuditor, fn_constructor_kwargs={"columns": {**columns.model_dump(), "explicit": set(columns.explicit)},
                                             "policy": policy.model_dump()},
        batch_format="pyarrow", batch_size=batch_size, num_cpus=1,
        # A pool that grows from 1: one as large as the CPUs left the read task no CPU, and a 2-CPU Ray hung.
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
    ).materialize()
    found = replies.map_batches(_explode_findings, batch_format="pyarrow")
    if findings_format(findings) == "jsonl":
        found.write_json(str(findings))
    else:
        found.write_parquet(str(findings))
    tally = _tally(replies)
    for problem in problems or []:
        tally.add_problem(problem)
    written = int(replies.sum("findings_n") or 0)
    return AuditOutcome(tally=tally, findings_path=str(findings), findings=written,
                        chunks=replies.num_blocks(), seconds=time.perf_counter() - started, workers=workers)


def _read(path: str | Path):
    import ray

    reader = {"parquet": ray.data.read_parquet, "csv": ray.data.read_csv, "jsonl": ray.data.read_json}
    name = str(path)
    kind = input_format(name)
    ds = reader[kind](name, file_extensions=None) if kind != "jsonl" else ray.data.read_json(name, lines=True,
                                                                                              file_extensions=None)
    ds.schema()  # reads enough to fail here on a file Ray cannot parse
    return ds.add_column(_SOURCE, lambda batch: pa.array([name] * len(batch)), batch_format="pyarrow")


def audit_paths_on_ray(paths: list[str | Path], findings: str | Path, *, columns: Columns | None = None,
                       policy: Policy | None = None, address: str | None = None,
                       concurrency: int | None = None) -> AuditOutcome:
    """``coach audit --ray``: read each path with Ray (a file it cannot read is a problem, not a stop) and audit."""
    try:
        import ray
    except ImportError:
        raise InputError("coach audit --ray needs the ray extra: pip install 'reply-coach[ray]'") from None
    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False, configure_logging=False)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # the command prints its own summary line
    columns = columns or Columns()
    datasets, problems = [], []
    for path in paths:
        try:
            datasets.append(_read(path))
        except Exception as exc:  # noqa: BLE001 - Ray wraps a missing or unparsable file in many exception types
            problems.append(Problem(source=str(path), kind="unreadable-file",
                                    message=f"Ray cannot read it: {type(exc).__name__}: {str(exc)[:300]}"))
    if not datasets:
        raise InputError("no input could be read: " + "; ".join(f"{p.source}: {p.message}" for p in problems))
    ds = datasets[0].union(*datasets[1:]) if len(datasets) > 1 else datasets[0]
    return audit_dataset(ds, findings, columns=columns, policy=policy, problems=problems, concurrency=concurrency)
