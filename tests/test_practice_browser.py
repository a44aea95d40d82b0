"""The page's Practice tab in a real browser (Playwright driving Debian's Chromium), against the service on
127.0.0.1: pick a scenario, answer the customer, read the coaching and the mood, end with the debrief and
download the score card. Saves ``practice-page.png`` to ``$COACH_TEST_ARTIFACTS`` (default tests/artifacts/)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")
pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright: pip install playwright")

from test_practice import BLAND, GOOD  # noqa: E402
from test_serve_browser import ARTIFACTS, browser, offline_url, open_page  # noqa: E402, F401 - fixtures


def chat_items(page, kind: str):
    return page.locator(f"#practice-chat li.{kind}")


def test_a_practice_session_on_the_page(browser, offline_url, tmp_path):  # noqa: F811 - fixtures
    page = open_page(browser, offline_url)
    assert page.locator("#practice").is_hidden()
    page.get_by_role("tab", name="Practice").click()
    assert page.get_by_label("Draft", exact=True).is_hidden()  # the coach's own tab is put away
    page.get_by_label("Scenario").select_option("late-parcel")
    page.get_by_label("Your name").fill("sam")
    page.get_by_role("button", name="Start").click()
    opening = chat_items(page, "customer").first
    opening.wait_for()
    assert "A-20931" in opening.inner_text() and opening.locator(".mood").get_attribute("data-mood") == "2"

    page.get_by_role("button", name="Send").click()  # nothing typed: told so, nothing sent
    assert "Type a reply first" in page.locator("#practice-error").inner_text()

    reply = page.get_by_label("Answer the customer")
    reply.fill(BLAND)
    page.get_by_role("button", name="Send").click()
    chat_items(page, "customer").nth(1).wait_for()
    coached = chat_items(page, "agent").first
    assert coached.locator('li[data-rule="bland-apology"]').count() == 1
    assert "Tip: If you apologise" in coached.inner_text()
    assert chat_items(page, "customer").nth(1).locator(".mood").get_attribute("data-mood") == "1"
    assert reply.input_value() == ""

    reply.fill(GOOD)
    reply.press("Control+Enter")
    chat_items(page, "customer").nth(2).wait_for()
    assert chat_items(page, "customer").nth(2).locator(".mood").get_attribute("data-mood") == "2"
    page.get_by_role("button", name="Hint").click()
    assert "Saturday" in page.locator("#practice-hint-text").inner_text()

    page.get_by_role("button", name="End and debrief").click()
    debrief = page.locator("#practice-debrief")
    debrief.wait_for()
    for question in ("How did the customer feel?", "really understood", "Would they call back?"):
        assert question in debrief.inner_text()
    assert "Mood over the session: 2 → 1 → 2" in debrief.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "practice-page.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the score card").click()
    saved = tmp_path / "card.json"
    download.value.save_as(saved)
    card = json.loads(saved.read_text())
    assert card["agent"] == "sam" and card["scenario"]["id"] == "late-parcel" and card["replies"] == 2
    page.get_by_role("tab", name="Coach a reply").click()
    assert page.get_by_label("Draft", exact=True).is_visible()
    page.context.close()
