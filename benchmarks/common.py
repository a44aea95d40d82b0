"""What every benchmark shares: the corpus, statistics, measured subprocesses and the machine's description."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parent.parent
#: The real replies live outside the repository, beside it in shared/; the path is always an argument.
DEFAULT_DATA = REPO.parent / "shared" / "data" / "twcs_replies.jsonl"


@dataclass(frozen=True)
class Reply:
    id: str
    customer: str
    draft: str


def load_corpus(path: str | Path) -> list[Reply]:
    """The replies of a ``{"id", "brand", "customer", "reply"}`` JSONL file (or ``"draft"`` for ``"reply"``, as in
    evals/real/); each reply is a draft to check."""
    path = Path(path)
    if not path.is_file():
        raise SystemExit(f"benchmark data not found: {path} (pass the path to twcs_replies.jsonl)")
    replies = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                replies.append(Reply(str(row["id"]), row.get("customer") or "", row.get("reply", row.get("draft"))))
    return replies


def write_batch(replies: list[Reply], path: Path, copies: int = 1) -> Path:
    """The replies in ``coach --jsonl``'s input format (``id``, ``draft``, ``customer``), ``copies`` times over."""
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for r in replies:
                item = {"id": f"{r.id}-{copy}" if copies > 1 else r.id, "draft": r.draft, "customer": r.customer or None}
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def latency_ms(ns: list[int]) -> dict[str, float]:
    ms = [v / 1e6 for v in ns]
    return {"p50_ms": round(percentile(ms, 50), 4), "p99_ms": round(percentile(ms, 99), 4),
            "mean_ms": round(sum(ms) / len(ms), 4)}


def med(values: list[float], digits: int = 4) -> float:
    return round(median(values), digits)


def console_script(name: str, module: str) -> list[str]:
    """The command a user would type: the venv's console script, else ``python -m module``."""
    script = Path(sys.executable).with_name(name)
    if script.is_file():
        return [str(script)]
    found = shutil.which(name)
    return [found] if found else [sys.executable, "-m", module]


@dataclass(frozen=True)
class Measured:
    returncode: int
    wall_s: float
    max_rss_mib: float | None = None
    stderr_tail: str = ""


#: GNU time forks the command from its own tiny process. Linux keeps a process's RSS high-water mark
#: across exec, so a command forked straight from this (large) Python process would report at least
#: this process's RSS as its peak; under ``time`` it reports its own.
_GNU_TIME = "/usr/bin/time"


def run_measured(cmd: list[str], *, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                 env: dict[str, str] | None = None, timeout_s: float = 600, check: bool = True,
                 cwd: Path | None = None, rss: bool = False) -> Measured:
    """Run ``cmd`` to the end: its wall time and, with ``rss``, its own peak RSS (through GNU time)."""
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        rss_file = Path(tmp) / "rss"
        if rss and not Path(_GNU_TIME).is_file():
            raise SystemExit(f"measuring peak RSS needs GNU time at {_GNU_TIME} (apt-get install time)")
        full = [_GNU_TIME, "-f", "%M", "-o", str(rss_file), *cmd] if rss else cmd
        with (Path(tmp) / "stderr").open("w+b") as err:
            started = time.perf_counter()
            proc = subprocess.Popen(full, stdout=stdout, stdin=stdin, stderr=err, env=env, cwd=cwd)
            try:
                returncode = proc.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise SystemExit(f"timed out after {timeout_s:g} s: {' '.join(cmd)}") from None
            wall = time.perf_counter() - started
            err.seek(0)
            errors = err.read().decode("utf-8", "replace")
        peak = None
        if rss:
            lines = rss_file.read_text().split()  # GNU time may add "Command exited with non-zero status N"
            peak = int(lines[-1]) / 1024  # KiB -> MiB
    # 1: findings (coach) or suggestions (proselint); 3: a rewrite with no verdict ('passed' null): not a failure
    if check and returncode not in (0, 1, 3):
        raise SystemExit(f"{' '.join(cmd)} exited {returncode}:\n{errors[-2000:]}")
    return Measured(returncode, wall, peak, errors[-600:])


def machine() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem_gib = float("nan")
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gib": round(mem_gib, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def code_version() -> str:
    """The commit measured, with ``+dirty`` when coach/, prompts/ or evals/ have changes not committed."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "coach", "prompts", "evals"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"coach commit": code_version()}
    for name in ("reply-coach", "proselint", "pydantic", "openai", "httpx", "httpx2", "vcrpy"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out
