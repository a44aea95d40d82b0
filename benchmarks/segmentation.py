"""Part 13: sentence boundaries, the old hand-written regex against sentencex (with the coach's wrapper).

On hand-split texts (``evals/segmentation.jsonl``: 20 formal e-mails with titles and abbreviations, 20 social
replies with handles, signatures and thread markers, split by a helper who never saw the segmenter): exact
texts, and precision / recall of whole sentences, for ``split_sentences`` and for the offline engine's layout
units (greeting, sentences, sign-off, signature, thread marker). On the real replies: how many segment
differently, and the time per reply of each.

    python benchmarks/segmentation.py [GOLD] [DATA]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import DEFAULT_DATA, REPO, load_corpus  # noqa: E402

# The splitter the coach used before sentencex (coach/_core/text.py at b48f577), kept here as the yardstick.
_OLD_END = re.compile(r"(?:[.!?…]+[\"')\]]*)(?=\s|$|<)|\n+|</?(?:p|br|li|div|ul|ol|h\d|tr)\b[^>]*>")


def old_split(text: str) -> list[str]:
    out, pos = [], 0
    for m in _OLD_END.finditer(text):
        end = m.start() if m.group().startswith("<") or not m.group().strip() else m.end()
        if text[pos:end].strip():
            out.append(text[pos:end].strip())
        pos = m.end()
    if text[pos:].strip():
        out.append(text[pos:].strip())
    return out


def _units(text: str, split: object) -> list[str]:
    """The offline engine's layout as units; the tail split at its line breaks, signatures and markers."""
    from coach._engines.offline import layout

    saved = layout.split_sentences
    if split is not None:
        layout.split_sentences = split  # type: ignore[assignment]
    try:
        lay = layout.parse(text)
    finally:
        layout.split_sentences = saved
    out = [u.full.strip() for u in lay.units if u.full.strip()]
    if lay.head.strip():  # leading @handles belong to the first sentence (the gold's convention)
        out = [lay.head.strip() + " " + out[0], *out[1:]] if out and "\n" not in lay.head else [lay.head.strip(), *out]
    tail = re.split(r"\n+|\s+(?=[\^*~-]|[1-9]/[1-9])", lay.tail.strip())
    return out + [t.strip() for t in tail if t.strip()]


def _score(rows: list[dict], segment) -> tuple[int, float, float]:
    tp = fp = fn = exact = 0
    for row in rows:
        got, gold = segment(row["text"]), row["sentences"]
        tp += len(set(got) & set(gold))
        fp += len(set(got) - set(gold))
        fn += len(set(gold) - set(got))
        exact += got == gold
    return exact, tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> int:
    from coach._core.text import Sentence, split_sentences

    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "evals" / "segmentation.jsonl"
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    new = lambda t: [s.text for s in split_sentences(t)]  # noqa: E731

    def old_sentences(t: str) -> list[Sentence]:
        out, at = [], 0
        for s in old_split(t):
            at = t.find(s, at)
            out.append(Sentence(at, at + len(s), s))
            at += len(s)
        return out

    groups = {"formal e-mails": [r for r in rows if int(r["id"].split("-")[1]) <= 20],
              "social replies": [r for r in rows if int(r["id"].split("-")[1]) > 20]}
    print("| texts | what | before: exact / P / R | now: exact / P / R |")
    print("| --- | --- | --- | --- |")
    for name, group in groups.items():
        for what, before, now in (("sentences", old_split, new),
                                  ("layout units", lambda t: _units(t, old_sentences), lambda t: _units(t, None))):
            b, n = _score(group, before), _score(group, now)
            print(f"| {name} ({len(group)}) | {what} | {b[0]} / {b[1]:.2f} / {b[2]:.2f} | {n[0]} / {n[1]:.2f} / {n[2]:.2f} |")
    data = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DATA
    replies = [r.draft for r in load_corpus(data)]
    differ = sum(old_split(t) != new(t) for t in replies)
    timings = {}
    from coach._core.text import _sentences  # the cached split: its cache is emptied so every pass really splits

    for name, split in (("before", old_split), ("now", new)):
        started = time.perf_counter()
        for _ in range(3):
            _sentences.cache_clear()
            for t in replies:
                split(t)
        timings[name] = (time.perf_counter() - started) / (3 * len(replies)) * 1e6
    print(f"\n{len(replies)} real replies: {differ} segmented differently; "
          f"{timings['before']:.1f} µs a reply before, {timings['now']:.1f} µs now (same run, 3 passes each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
