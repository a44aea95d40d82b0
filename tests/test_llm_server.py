"""The live test's helper tells a crash of the llama.cpp server apart from a failure of the coach."""

from __future__ import annotations

import subprocess
import sys

import llama_server as llama
import pytest

SEGFAULT = "import os, signal, sys; sys.stderr.write('GGML_ASSERT: ggml.c:1234: bad things\\n'); sys.stderr.flush(); " \
           "os.kill(os.getpid(), signal.SIGSEGV)"


def dead_server(tmp_path, code: str = SEGFAULT) -> llama.ServerURL:
    log = tmp_path / "server.log"
    with open(log, "wb") as sink:
        process = subprocess.Popen([sys.executable, "-c", code], stdout=sink, stderr=subprocess.STDOUT)
    process.wait(timeout=30)
    return llama.ServerURL(f"http://127.0.0.1:{llama.free_port()}/v1", process, log)


def test_a_server_that_segfaulted_is_reported_as_a_crash_with_its_output(tmp_path):
    server = dead_server(tmp_path)
    report = server.crash()
    assert report.startswith("llama.cpp server crashed (exit code -11, SIGSEGV)")
    assert "GGML_ASSERT: ggml.c:1234: bad things" in report


def test_the_coach_failing_against_a_dead_server_reads_as_the_server_crash(tmp_path):
    server = dead_server(tmp_path)
    command = [sys.executable, "-m", "coach", "rewrite", "--engine", "openai", "--base-url", server, "--model", "m",
               "--timeout", "1", "Sorry for the inconvenience."]
    with pytest.raises(llama.ServerCrashed, match=r"crashed \(exit code -11, SIGSEGV\)"):
        llama.run_against(server, command, timeout=120)


def test_a_running_server_lets_the_coachs_own_result_through(tmp_path):
    log = tmp_path / "server.log"
    log.write_text("")
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        server = llama.ServerURL("http://127.0.0.1:9/v1", process, log)
        assert server.crash() is None
        done = llama.run_against(server, [sys.executable, "-c", "import sys; sys.exit(3)"], timeout=60)
        assert done.returncode == 3  # the command's own failure, for the test to report as the coach's
    finally:
        process.kill()
        process.wait()


def test_a_plain_url_is_accepted(tmp_path):
    done = llama.run_against("http://127.0.0.1:9/v1", [sys.executable, "-c", "print('ok')"], timeout=60)
    assert done.stdout.strip() == "ok"
