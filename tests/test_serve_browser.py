"""The page at / in a real browser (Playwright driving Debian's Chromium), against the service on 127.0.0.1.

Saves a screenshot to ``$COACH_TEST_ARTIFACTS`` (default ``tests/artifacts/``): serve-page.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extra: pip install -e '.[serve]'")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="the browser test needs playwright: pip install playwright")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip("the browser test needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

from fake_openai import status  # noqa: E402
from serve_helpers import DRAFT, running  # noqa: E402

from coach import AsyncCoach, Coach  # noqa: E402
from coach._serve.app import create_app  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("COACH_TEST_ARTIFACTS") or Path(__file__).with_name("artifacts"))
TOKEN = "browser-test-token"
WAIT_MS = 10_000


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def offline_url():
    with running(create_app(AsyncCoach(engine="offline"))) as url:
        yield url


def open_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url + "/")
    return page


def highlight(page, rule: str):
    return page.locator(f'#annotated mark.finding[data-rule="{rule}"]')


def visible_diff_text(page, selector: str) -> str:
    """The text of the diff's parts matching ``selector``, without the screen-reader-only markers."""
    return page.eval_on_selector("#diff", """(diff, selector) => {
        const copy = diff.cloneNode(true);
        copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
        copy.querySelectorAll(selector).forEach((n) => n.remove());
        return copy.textContent;
    }""", selector)


def test_findings_rewrite_diff_and_copy(browser, offline_url):
    expected = Coach().rewrite(DRAFT)
    page = open_page(browser, offline_url)
    page.get_by_label("Draft", exact=True).fill(DRAFT)
    for rule, quote in (("bland-apology", "Sorry for the inconvenience."), ("broken-promise", "I promise")):
        mark = highlight(page, rule)
        mark.wait_for()
        assert mark.locator(".tag").inner_text() == rule  # a visible label, readable without colour
        assert mark.get_attribute("tabindex") == "0"
        assert quote in mark.inner_text()
    whole = page.locator('#whole li[data-rule="no-thanks"]')
    assert "no-thanks" in whole.inner_text()  # a whole-reply finding, listed beside the text

    highlight(page, "bland-apology").hover()
    tip = highlight(page, "bland-apology").locator("[role=tooltip]")
    assert tip.is_visible() and "Try:" in tip.inner_text()

    page.get_by_role("button", name="Rewrite").click()
    page.locator("#diff ins").first.wait_for()
    assert page.locator("#diff del").count() >= 1
    assert visible_diff_text(page, "del") == expected.rewrite  # the rewrite: kept and inserted words
    assert visible_diff_text(page, "ins") == DRAFT  # the draft: kept and deleted words

    page.get_by_role("button", name="Copy").click()
    page.get_by_text("Copied the rewrite").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected.rewrite
    assert page.get_by_label("Draft", exact=True).input_value() == DRAFT
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve-page.png"), full_page=True)
    page.context.close()


def tab_to(page, test: str, limit: int = 40) -> None:
    """Press Tab until the focused element passes the JavaScript ``test`` (given the element as ``e``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!e && ({test}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def test_keyboard_only(browser, offline_url):
    page = open_page(browser, offline_url)
    tab_to(page, "e.id === 'draft'")
    page.keyboard.type(DRAFT)
    highlight(page, "broken-promise").wait_for()
    page.keyboard.press("Control+Enter")  # rewrite without leaving the draft
    page.locator("#diff ins").first.wait_for()
    tab_to(page, "e.matches('mark.finding')")
    focused = page.evaluate("document.activeElement.dataset.rule")
    tip = highlight(page, focused).locator("[role=tooltip]")
    assert tip.is_visible() and focused in tip.inner_text()  # the explanation shows on keyboard focus
    tab_to(page, "e.id === 'copy'")
    page.keyboard.press("Enter")
    page.get_by_text("Copied the rewrite").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == Coach().rewrite(DRAFT).rewrite
    page.context.close()


@pytest.mark.usefixtures("fast_backoff")
def test_an_error_is_shown_and_the_draft_is_kept(browser, serve):
    model = serve(status(500, "the model is down"))
    coach = AsyncCoach(engine="openai", base_url=model.url, model="fake-model", timeout=2.0)
    with running(create_app(coach)) as url:
        page = open_page(browser, url)
        page.get_by_label("Draft", exact=True).fill(DRAFT)
        highlight(page, "bland-apology").wait_for()  # checking needs no model
        page.get_by_role("button", name="Rewrite").click()
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert "502" in alert.inner_text() and "draft is kept" in alert.inner_text()
        assert page.get_by_label("Draft", exact=True).input_value() == DRAFT
        assert page.locator("#rewrite-panel").is_hidden()
        page.context.close()


def test_a_token_entered_on_the_page_is_sent(browser):
    with running(create_app(AsyncCoach(engine="offline"), token=TOKEN)) as url:
        page = open_page(browser, url)
        page.get_by_label("Draft", exact=True).fill(DRAFT)
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert "access token" in alert.inner_text()
        token = page.get_by_label("Access token", exact=False)
        token.fill(TOKEN)
        token.press("Enter")
        token.dispatch_event("change")
        highlight(page, "broken-promise").wait_for()
        assert alert.is_hidden()
        assert page.evaluate("sessionStorage.getItem('coach-token')") == TOKEN
        page.context.close()


def test_highlights_land_on_the_right_words_after_emoji(browser, offline_url):
    page = open_page(browser, offline_url)  # Python counts code points, JavaScript UTF-16 units
    page.get_by_label("Draft", exact=True).fill("🙂🙂 Thanks for writing. Sorry for the inconvenience. 👍")
    mark = highlight(page, "bland-apology")
    mark.wait_for()
    assert mark.evaluate("m => m.firstChild.textContent") == "Sorry for the inconvenience."
    page.context.close()


def test_a_rewrite_of_an_edited_or_cleared_draft_is_marked_or_gone(browser, offline_url):
    page = open_page(browser, offline_url)
    draft = page.get_by_label("Draft", exact=True)
    draft.fill(DRAFT)
    page.get_by_role("button", name="Rewrite").click()
    page.locator("#diff ins").first.wait_for()
    notes, stale, copy = page.locator("#rewrite-notes"), page.locator("#stale-note"), page.locator("#copy")
    assert "Read before sending: the coach wrote" in notes.inner_text() and copy.is_enabled() and not stale.is_visible()

    draft.fill(DRAFT + " Also, thanks.")  # edited: the rewrite is of another draft now
    stale.wait_for(state="visible")
    assert "Out of date" in stale.inner_text() and copy.is_disabled() and not notes.is_visible()

    draft.fill(DRAFT)  # the edit undone: the rewrite is this draft's again
    stale.wait_for(state="hidden")
    assert copy.is_enabled() and "Read before sending" in notes.inner_text()

    draft.fill("")  # cleared: the rewrite goes with it
    page.locator("#rewrite-panel").wait_for(state="hidden")
    assert page.locator("#diff").inner_text() == ""
    page.context.close()


def test_a_fix_by_cuts_alone_passes_and_one_in_the_coachs_words_lists_its_lines(browser, offline_url):
    page = open_page(browser, offline_url)
    draft, notes = page.get_by_label("Draft", exact=True), page.locator("#rewrite-notes")
    draft.fill("Thanks for flagging it: I've refunded the £12.99 to your card. I feel terrible about it.")
    page.get_by_role("button", name="Rewrite").click()
    page.locator("#diff del").first.wait_for()
    assert "This rewrite passes" in notes.inner_text() and "Read before" not in notes.inner_text()
    draft.fill("Sorry for the trouble. I'll see what I can do.")
    page.get_by_role("button", name="Rewrite").click()
    page.get_by_text("Read before sending").wait_for()
    assert "\u201c" in notes.inner_text() and "passes" not in notes.inner_text()
    page.context.close()


def test_a_reply_in_another_language_reads_not_assessed(browser, offline_url):
    page = open_page(browser, offline_url)
    page.get_by_label("Draft", exact=True).fill("Le prometo que su reembolso llegará mañana sin falta.")
    page.get_by_text("not assessed").first.wait_for()
    assert "passes" not in page.locator("#check-status").inner_text()
    page.get_by_role("button", name="Rewrite").click()
    page.get_by_text("Not assessed: the draft is not in English").wait_for()
    page.context.close()


def test_a_failing_rewrite_also_lists_the_lines_the_coach_wrote(browser, offline_url):
    page = open_page(browser, offline_url)
    page.get_by_label("Draft", exact=True).fill("Hello! Someone from that team will get back to you soon, our apologies!")
    page.get_by_role("button", name="Rewrite").click()
    page.get_by_text("edit it before sending").wait_for()
    notes = page.locator("#rewrite-notes").inner_text()
    assert "broken-promise" in notes and "The coach also wrote these lines itself: \u201c" in notes
    page.context.close()
