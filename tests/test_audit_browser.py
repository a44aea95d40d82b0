"""The audit's report in a real browser (Playwright driving Debian's Chromium), opened from a file with the network
blocked: it must need nothing but itself.

Saves a screenshot to ``$COACH_TEST_ARTIFACTS`` (default ``tests/artifacts/``): audit-report.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="coach audit needs the audit extra: pip install -e '.[audit]'")
pytest.importorskip("matplotlib", reason="coach audit needs the audit extra: pip install -e '.[audit]'")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright: pip install playwright")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip("the browser test needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

from audit_data import rows, write_jsonl  # noqa: E402

from coach._audit import audit_files, write_report  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("COACH_TEST_ARTIFACTS") or Path(__file__).with_name("artifacts"))
WAIT_MS = 10_000


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("audit")
    data = [{**row, "id": f"{row['id']}{suffix}"} for suffix in ("", "b", "c") for row in rows()]
    outcome = audit_files([write_jsonl(folder / "replies.jsonl", data), folder / "absent.jsonl"],
                          folder / "findings.parquet", jobs=1)
    path = folder / "audit.html"
    write_report(outcome.tally, path, sources=["replies.jsonl", "absent.jsonl"])
    return path


def cells(page, table: str, column: int) -> list[str]:
    return page.eval_on_selector_all(f"#{table} tbody tr", f"(rows) => rows.map((r) => r.cells[{column}].textContent)")


def test_report_opens_offline_sorts_and_highlights(report):
    requested: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.on("request", lambda request: requested.append(request.url))
        page.goto(report.as_uri())
        assert requested == [report.as_uri()]  # nothing else fetched: styles, charts and script are inline

        assert page.locator("#stat-replies").inner_text() == "27"
        assert page.locator("#heatmap svg").is_visible() and page.locator("#trend-chart svg").is_visible()
        assert "billing" in page.locator("#heatmap svg").text_content()  # chart text stays text

        agents = cells(page, "by-agent", 0)
        failing = page.locator("#by-agent th button", has_text="failing")
        failing.click()
        assert page.locator("#by-agent th[aria-sort=descending]").inner_text().startswith("failing")
        values = [float(v) for v in page.eval_on_selector_all(
            "#by-agent tbody tr", "(rows) => rows.map((r) => r.cells[3].dataset.value)")]
        assert values == sorted(values, reverse=True) and values[0] > values[-1]
        failing.click()
        values = [float(v) for v in page.eval_on_selector_all(
            "#by-agent tbody tr", "(rows) => rows.map((r) => r.cells[3].dataset.value)")]
        assert values == sorted(values)
        page.locator("#by-agent th button", has_text="agent").click()
        assert cells(page, "by-agent", 0) == sorted(agents, reverse=True)

        mark = page.locator('#worst mark.finding[data-rule="broken-promise"]').first
        assert mark.is_visible() and "broken-promise" in mark.locator(".tag").inner_text()
        unassessed = page.locator("#not-assessed article.reply")
        assert unassessed.count() == 6 and "language: fr" in unassessed.first.inner_text()
        assert "absent.jsonl" in page.locator("#problems").inner_text()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "audit-report.png"), full_page=True)
        context.close()
        browser.close()
