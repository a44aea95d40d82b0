"""The README's picture of the audit report: the top of a report, in Debian's Chromium, offline.

    python benchmarks/audit_input.py /tmp/replies.jsonl
    coach audit /tmp/replies.jsonl --report /tmp/audit.html --findings /tmp/findings.parquet
    python scripts/audit_screenshot.py /tmp/audit.html docs/audit-report.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main(report: str, picture: str, height: int = 2300) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
        page = context.new_page()
        page.goto(Path(report).resolve().as_uri())
        page.screenshot(path=picture, full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": height})
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:]))
