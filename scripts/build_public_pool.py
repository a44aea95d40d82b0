"""Collect candidate replies from public corpora for labelling (issue 15, "more positives").

Sources (each read from a local copy; nothing is downloaded here):
- IBM's "Twitter Conversations Dataset for Conversational Document Prediction" (Apache-2.0,
  github.com/IBM/twitter-customer-care-document-prediction, dev.json and test.json): every agent turn
  with the customer message just before it;
- the 100-row sample of "Customer Support on Twitter" (github.com/naman-tiwari/Customer-Support-on-Twitter,
  sample.csv): brand replies with the customer tweet they answer.

Every reply whose id is in ``../shared/data/twcs_replies.jsonl`` is dropped: the 1,922 dev replies are
already in ``evals/real/twcs_dev.jsonl`` and the other 300 are reserved for independent checks.
Handles are replaced by ``@user`` and e-mail addresses by ``__email__``.

    python scripts/build_public_pool.py --ibm DEV.json TEST.json --twcs-sample sample.csv --out pool.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

_HANDLE = re.compile(r"@\w+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_LEADING_HANDLES = re.compile(r"^(?:\s*[.]?@\w+)+\s*")


def clean(text: str) -> str:
    text = _EMAIL.sub("__email__", text)
    text = _LEADING_HANDLES.sub("", text)
    return _HANDLE.sub("@user", text).strip()


def ibm_rows(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        for conv in json.loads(path.read_text(encoding="utf-8")):
            company = conv["dialogHeader"]["company"]
            turns = list(conv["dialogContent"])
            final = conv.get("agentURL")
            if final:
                turns.append({"agent": company, "message": final["url_utterance"], "tweet_ID": final["tweet_ID"]})
            last_customer = ""
            for turn in turns:
                if "client" in turn:
                    last_customer = clean(turn["message"])
                    continue
                rows.append({"id": f"ibm-{turn['tweet_ID']}", "brand": company, "customer": last_customer,
                             "draft": clean(turn["message"]), "source": "ibm-twitter-conversations"})
    return rows


def twcs_sample_rows(path: Path, reserved: set[str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        tweets = {row["tweet_id"]: row for row in csv.DictReader(handle)}
    rows = []
    for tid, row in tweets.items():
        if row["inbound"] == "True" or tid in reserved:
            continue
        parent = tweets.get(row["in_response_to_tweet_id"] or "")
        rows.append({"id": f"twcs-{tid}", "brand": row["author_id"], "customer": clean(parent["text"]) if parent else "",
                     "draft": clean(row["text"]), "source": "twcs-sample"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ibm", nargs="*", type=Path, default=[])
    parser.add_argument("--twcs-sample", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared/data/twcs_replies.jsonl"))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    reserved = {json.loads(line)["id"] for line in args.shared.open(encoding="utf-8")}
    rows = ibm_rows(args.ibm)
    if args.twcs_sample:
        rows += twcs_sample_rows(args.twcs_sample, reserved)
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row["id"] in seen or not row["draft"] or row["id"].removeprefix("twcs-") in reserved:
            continue
        seen.add(row["id"])
        kept.append(row)
    with args.out.open("w", encoding="utf-8") as out:
        for row in kept:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(kept)} replies ({len(rows) - len(kept)} dropped: reserved, duplicate or empty) -> {args.out}")


if __name__ == "__main__":
    main()
