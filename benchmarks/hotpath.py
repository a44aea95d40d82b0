"""Part 5: a cProfile of the checker's hot path over the corpus: where a draft's time goes."""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path
from typing import Any

from .checker import coach_check
from .common import REPO, Reply


def run(replies: list[Reply], top: int = 12, dump: Path | None = None) -> dict[str, Any]:
    check = coach_check()
    for reply in replies[:50]:
        check(reply)
    profiler = cProfile.Profile()
    profiler.enable()
    for reply in replies:
        check(reply)
    profiler.disable()
    if dump:
        profiler.dump_stats(dump)
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = filename
        if filename.startswith(str(REPO)):
            where = str(Path(filename).relative_to(REPO))
        elif "site-packages" in filename:
            where = filename.split("site-packages/", 1)[1]
        rows.append({"function": f"{where}:{line}({name})" if line else name, "calls": calls,
                     "tottime_s": round(tottime, 4), "cumtime_s": round(cumtime, 4),
                     "self_pct": round(100 * tottime / total, 1)})
    rows.sort(key=lambda r: r["tottime_s"], reverse=True)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(20)
    return {"drafts": len(replies), "profiled_s": round(total, 3),
            "us_per_draft_under_profiler": round(1e6 * total / len(replies), 1),
            "top_self_time": rows[:top], "cumulative_text": text.getvalue().replace(f"{REPO}/", "")}
