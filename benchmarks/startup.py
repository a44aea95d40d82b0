"""Start-up: the whole-process time of `coach check DRAFT` against `python -c "import pydantic"`, in one run.

Both commands run interleaved, ``rounds`` times each; the ratio of medians is the figure (target <= 1.5x).
With ``before``, the same `coach check` also runs from a git worktree of that revision (side by side).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import REPO, med, run_measured

DRAFT = "Sorry for the inconvenience. I promise it will be fixed today."


def _worktree(rev: str, folder: Path) -> Path:
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(folder), rev], check=True,
                   capture_output=True)
    return folder


def run(rounds: int = 15, before: str | None = None) -> dict:
    commands = {
        "import pydantic": ([sys.executable, "-c", "import pydantic"], REPO),
        "coach check": ([sys.executable, "-m", "coach", "check", DRAFT], REPO),
    }
    with tempfile.TemporaryDirectory(prefix="coach-startup-") as tmp:
        if before:  # `python -m coach` from the worktree's folder imports that revision's package
            commands[f"coach check @ {before}"] = ([sys.executable, "-m", "coach", "check", DRAFT],
                                                   _worktree(before, Path(tmp) / "before"))
        try:
            walls: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(rounds):
                for name, (cmd, cwd) in commands.items():
                    walls[name].append(run_measured(cmd, cwd=cwd).wall_s)
        finally:
            if before:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(Path(tmp) / "before")],
                               capture_output=True)
    base = med(walls["import pydantic"])
    out = {"rounds": rounds, "draft": DRAFT, "runs": {}}
    for name, values in walls.items():
        out["runs"][name] = {"median_s": med(values), "ratio_to_pydantic": round(med(values) / base, 2)}
    return out
