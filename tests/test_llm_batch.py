"""Batches, bots and the CLI on the openai engine: order kept, N at a time, one failure stops nothing."""

from __future__ import annotations

import asyncio
import json
import re

import openai
import pytest
from fake_openai import answer, answer_json, slow, status
from llm_cases import CUSTOMER, DRAFT, GOOD_CRITIQUE, GOOD_REWRITE

from coach import AsyncCoach, Coach, ModelRequestError
from coach._cli.main import main

pytestmark = pytest.mark.usefixtures("fast_backoff")


def _draft(n: int) -> str:
    return f"Sorry for the inconvenience with order #{n}."


def echo_rewrite(handler, body) -> None:
    """Rewrite whatever order the draft names (a draft saying FAIL gets a 400), after a short delay."""
    user = body["messages"][1]["content"]
    draft = user.split("<draft>")[1].split("</draft>")[0]
    if "FAIL" in draft:
        return status(400, "this one is refused")(handler, body)
    order = re.search(r"#\d+", draft).group()
    rewrite = (f"Thank you for telling us about order {order}. I'm checking with the warehouse now and "
               "I'll email you the options.")
    slow(0.15, answer_json([], rewrite))(handler, body)


def test_rewrite_many_keeps_order_runs_n_at_once_and_survives_a_failure(serve):
    server = serve(echo_rewrite)
    items = [{"draft": _draft(n)} for n in range(1, 8)]
    items[2] = {"draft": "FAIL #3"}

    async def run():
        client = openai.AsyncOpenAI(api_key="test", base_url=server.url)
        return await AsyncCoach(client=client, model="fake-model").rewrite_many(items, concurrency=3)

    results = asyncio.run(run())
    assert len(results) == 7
    assert isinstance(results[2], ModelRequestError) and results[2].status == 400
    for n, result in enumerate(results, 1):
        if n != 3:
            assert f"order #{n}." in result.rewrite and not result.fallback
    assert server.max_in_flight == 3
    assert server.calls == 7


def test_async_critique_and_rewrite(serve):
    server = serve(answer_json(GOOD_CRITIQUE, GOOD_REWRITE))

    async def run():
        coach = AsyncCoach(engine="openai", base_url=server.url, model="fake-model")
        return await coach.rewrite(DRAFT, customer=CUSTOMER), await coach.critique(DRAFT, customer=CUSTOMER)

    rewritten, critique = asyncio.run(run())
    assert rewritten.rewrite == GOOD_REWRITE and critique.engine == "openai"
    assert server.bodies[1]["messages"][0]["content"].startswith("You review customer-service replies")


def test_critique_merges_model_and_checker_findings(serve):
    model_only = {"rule": "no-acknowledgement", "quote": "", "why": "It never mentions the cracked screen."}
    server = serve(answer_json([*GOOD_CRITIQUE, model_only]))
    result = Coach(engine="openai", base_url=server.url, model="fake-model").critique(DRAFT, customer=CUSTOMER)
    checked = Coach().check(DRAFT, customer=CUSTOMER)
    by_source = {(f.rule, f.source) for f in result.findings}
    assert {(f.rule, "checker") for f in checked.findings} <= by_source
    assert ("no-acknowledgement", "model") in by_source
    assert ("bland-apology", "model") not in by_source  # the checker already raised it at the same place
    assert not result.passed and result.calls == 1 and result.prompt_id == "critique.v1"
    assert "rewrite" not in server.bodies[0]["response_format"]["json_schema"]["schema"]["properties"]


def test_critique_falls_back_to_the_checker_when_the_model_fails(serve):
    server = serve(answer("{not json"), answer("still not json"), answer("[]"))
    result = Coach(engine="openai", base_url=server.url, model="fake-model").critique(DRAFT)
    assert result.fallback and result.error and server.calls == 3
    assert {f.source for f in result.findings} == {"checker"}


def test_a_critique_item_not_in_the_draft_is_dropped_and_counted(serve):
    """Lenient on the critique: the made-up item goes, the rest of the answer is used, no re-ask."""
    server = serve(answer_json([{"rule": "pity", "quote": "not in the draft", "why": "x"}, *GOOD_CRITIQUE]))
    result = Coach(engine="openai", base_url=server.url, model="fake-model").critique(DRAFT)
    assert not result.fallback and result.error is None and server.calls == 1
    assert result.dropped_findings == 1
    assert not any(f.source == "model" and f.rule == "pity" for f in result.findings)


# --- the CLI --------------------------------------------------------------------------------------------


def test_cli_batch_with_jobs_keeps_order(serve, tmp_path, capsys):
    server = serve(echo_rewrite)
    lines = [json.dumps({"id": n, "draft": "FAIL" if n == 2 else _draft(n)}) for n in range(1, 6)]
    path = tmp_path / "drafts.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code = main(["rewrite", "--engine", "openai", "--base-url", server.url, "--model", "fake-model",
                 "--jsonl", str(path), "-j", "3"])
    out, err = capsys.readouterr()
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == [1, 2, 3, 4, 5]
    assert "error" in results[1] and "400" in results[1]["error"]
    assert all(r["engine"] == "openai" and f"#{r['id']}" in r["rewrite"] for r in results if r["id"] != 2)
    assert "coach: engine openai (model fake-model)" in err
    assert code == 2  # item 2 failed: its error line is there, the rest ran, and the exit code says so
    assert server.max_in_flight > 1


def test_cli_auto_uses_openai_when_a_base_url_is_configured(serve, monkeypatch, capsys):
    server = serve(answer_json(GOOD_CRITIQUE, GOOD_REWRITE))
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("COACH_MODEL", "fake-model")
    assert main(["rewrite", DRAFT, "--customer", CUSTOMER, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["engine"] == "openai" and json.loads(out)["rewrite"] == GOOD_REWRITE
    assert "coach: engine openai (model fake-model)" in err


def test_cli_auto_is_offline_without_configuration(capsys):
    assert main(["rewrite", DRAFT, "--format", "json"]) == 3  # the offline fix holds lines of its own to read
    out, err = capsys.readouterr()
    assert json.loads(out)["engine"] == "offline" and "coach: engine offline" in err


def test_cli_critique_shows_who_raised_each_finding(serve, capsys):
    model_only = {"rule": "no-acknowledgement", "quote": "", "why": "It never mentions the cracked screen."}
    server = serve(answer_json([model_only]))
    code = main(["critique", DRAFT, "--customer", CUSTOMER, "--engine", "openai", "--base-url", server.url,
                 "--model", "fake-model"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "[model]" in out and "[checker]" in out


def test_cli_model_errors_exit_2_with_the_typed_error(serve, capsys):
    server = serve(status(401, "bad key"))
    code = main(["rewrite", DRAFT, "--engine", "openai", "--base-url", server.url, "--model", "m"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "401" in err
