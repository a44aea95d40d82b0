"""coach audit on Ray Data, on a local two-CPU Ray: the findings and the report equal the in-process audit's."""

from __future__ import annotations

import pytest

pytest.importorskip("pyarrow", reason="coach audit needs the audit extra: pip install -e '.[audit]'")
ray = pytest.importorskip("ray", reason="the Ray audit needs the ray extra: pip install -e '.[ray]'")

import pyarrow.parquet as pq  # noqa: E402
from audit_data import rows, write_jsonl, write_parquet  # noqa: E402
from cli_runner import run  # noqa: E402

from coach import audit_dataset  # noqa: E402
from coach._audit import audit_files, render_report  # noqa: E402
from coach._core.checker import MAX_DRAFT_CHARS  # noqa: E402

SORT = [("id", "ascending"), ("start", "ascending"), ("rule", "ascending")]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def data() -> list[dict]:
    return [{**row, "id": f"{row['id']}-{copy}"} for copy in range(6) for row in rows()]  # 54 replies


@pytest.mark.usefixtures("local_ray")
def test_findings_and_report_equal_the_in_process_audit(tmp_path):
    source = write_parquet(tmp_path / "replies.parquet", data())
    local = audit_files([source], tmp_path / "local.parquet", jobs=2, chunk_size=10)
    on_ray = audit_dataset(ray.data.read_parquet(str(source)).repartition(4), tmp_path / "ray-findings",
                           concurrency=2, batch_size=8)
    mine = pq.read_table(tmp_path / "local.parquet")
    theirs = pq.read_table(tmp_path / "ray-findings")
    assert on_ray.findings == mine.num_rows == theirs.num_rows > 0
    assert theirs.select(mine.column_names).sort_by(SORT).to_pylist() == mine.sort_by(SORT).to_pylist()
    assert on_ray.tally.model_dump() == local.tally.model_dump()
    assert render_report(on_ray.tally, sources=["x"]) == render_report(local.tally, sources=["x"])


@pytest.mark.usefixtures("local_ray")
def test_bad_rows_on_ray_are_counted_like_in_process(tmp_path):
    messy = data()[:9] + [
        {"id": "long", "reply": "x" * (MAX_DRAFT_CHARS + 1)},
        {"id": "noreply", "agent": "ana", "reply": None},
        {**rows()[0], "id": "late", "time": "next tuesday"},
    ]
    source = write_jsonl(tmp_path / "messy.jsonl", messy)
    local = audit_files([source], tmp_path / "local.parquet", jobs=1).tally
    on_ray = audit_dataset(ray.data.read_json(str(source), lines=True), tmp_path / "ray-findings").tally
    assert on_ray.problem_counts == local.problem_counts == {"too-long": 1, "missing-reply": 1, "bad-time": 1}
    assert {(p.id, p.kind) for p in on_ray.problems} == {(p.id, p.kind) for p in local.problems}
    assert on_ray.groups == local.groups and on_ray.phrases == local.phrases


@pytest.mark.usefixtures("local_ray")
def test_cli_ray_flag_writes_findings_and_report(tmp_path, capsys, monkeypatch):
    source = write_jsonl(tmp_path / "replies.jsonl", data())
    code, _, err = run(capsys, monkeypatch, ["audit", str(source), str(tmp_path / "absent.jsonl"), "--ray",
                                             "--report", str(tmp_path / "r.html"),
                                             "--findings", str(tmp_path / "findings.parquet")])
    assert code == 0, err
    assert "audited 54 replies" in err and "absent.jsonl" in err
    assert pq.read_table(tmp_path / "findings.parquet").num_rows > 0
    assert "absent.jsonl" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("local_ray")
def test_a_dataset_without_the_columns_is_one_clear_error(tmp_path):
    source = write_jsonl(tmp_path / "replies.jsonl", [{"text": "hi", "n": 1}])
    with pytest.raises(Exception, match=r"no column 'reply', 'id' \(the dataset's columns: text, n\)"):
        audit_dataset(ray.data.read_json(str(source), lines=True), tmp_path / "f")
