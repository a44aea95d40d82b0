"""The draft's layout survives a rewrite: greetings, sign-offs, signatures, thread markers, paragraphs, HTML text."""

import pytest

from coach import Coach
from coach._core.text import html_to_text
from coach._engines.offline.layout import parse

coach = Coach(engine="offline")


@pytest.mark.parametrize("text", [
    "Hi Brad, we saw that you mentioned us. Were you able to get the problem resolved? Thank you. ^nw",
    "Hello, there.",
    "Thanks for the photos, Clare.  We're sorry for spelling your name wrong.  Unfortunately, we'd only 1/2",
    "Hi Sam,\n\nSorry for the trouble with your order.\n\nWe will look into it.\n\nBest regards,\nMaria\nSupport Team",
    "I promise we don't want you to feel that way. Please DM me the details so I can help you with this.-JC",
    "Can I please ask what else you would like to query? Thanks - Craig 3/3",
    "(2/2) Also, for your security, I'd recommend deleting the image. ^WT",
    "Please DM us your complete address. ^AC https://t.co/wKJHDXWGRQ",
    "-Becky",
    "  Sorry for the wait.  \n",
])
def test_an_unedited_layout_renders_byte_for_byte(text):
    assert parse(text).render() == text


def test_the_parts_of_a_draft_are_told_apart():
    layout = parse("Hi Ange. Which model iPhone was it? Thanks for the details. Phil.")
    assert layout.units[0].role == "greeting" and layout.tail == "Phil."
    layout = parse("Hi Brad, we saw your tweet. -Becky")
    assert layout.units[0].prefix == "Hi Brad, " and layout.tail == "-Becky"
    layout = parse("...to shift. Because of such, do note it's a request. 2/3")
    assert layout.continuation and layout.continues and layout.tail == "2/3"
    assert parse("Hi there, I've replied to your DM. Apologies - Josh").units[-1].text == "Apologies"


@pytest.mark.parametrize("draft, start, end", [
    ("Hi Dana, sorry for the trouble. Please DM us your order number. ^MG", "Hi Dana, ", " ^MG"),
    ("Sorry to hear that! Please DM us your order number so we can help. -Becky", "", " -Becky"),
    ("Sorry for the inconvenience. Please DM your confirmation number. *TAC", "", " *TAC"),
    ("1/2 Sorry for the inconvenience. Please DM us your booking reference.", "1/2 ", "reference."),
    ("We apologize for the inconvenience, please DM us your order number. Thanks - Craig 3/3", "", "Thanks - Craig 3/3"),
])
def test_greeting_signature_and_thread_marker_stay_in_place(draft, start, end):
    result = coach.rewrite(draft, customer="My parcel never arrived")
    assert result.rewrite != draft and result.rewrite.startswith(start) and result.rewrite.endswith(end)


def test_paragraphs_and_line_breaks_of_an_email_survive():
    draft = ("Hi Sam,\n\nSorry for the trouble.\n\nI've booked a technician for Tuesday 9am and emailed you the details."
             "\n\nBest regards,\nMaria\nSupport Team")
    result = coach.rewrite(draft, customer="My broadband has been down since Monday.")
    text = result.rewrite
    assert text.startswith("Hi Sam,\n\n") and text.endswith("\n\nBest regards,\nMaria\nSupport Team")
    assert "Sorry for the trouble" not in text
    assert "\n\nI've booked a technician for Tuesday 9am and emailed you the details.\n\n" in text


def test_untouched_sentences_keep_their_case_and_spacing():
    draft = "Thanks for the photos, Clare.  We're sorry for spelling your name wrong.  Unfortunately, we only 1/2"
    result = coach.rewrite(draft)
    for sentence in ("Thanks for the photos, Clare.", "We're sorry for spelling your name wrong.",
                     "Unfortunately, we only 1/2"):
        assert sentence in result.rewrite


def test_html_keeps_the_body_text_with_paragraph_breaks():
    page = ("<!DOCTYPE html><html><head><title>Reply</title><style>p{color:red}</style><script>alert(1)</script>"
            "</head><body><!-- internal: do not send --><p>Hi Sam,</p><p>Sorry for the <b>trouble</b>.<br>Your ticket "
            "is TK-4410 &amp; open.</p><p>See <a href=\"https://example.com/r\">returns</a>.</p></body></html>")
    text = html_to_text(page)
    assert text == ("Hi Sam,\n\nSorry for the trouble.\nYour ticket is TK-4410 & open.\n\n"
                    "See returns (https://example.com/r).")
    result = coach.rewrite(page)
    for leak in ("DOCTYPE", "color:red", "alert", "Reply", "internal", "<"):
        assert leak not in result.rewrite
    assert "TK-4410" in result.rewrite and "https://example.com/r" in result.rewrite


def test_text_without_tags_is_not_touched_by_html_to_text():
    assert html_to_text("x < y and 3 > 2, <<<>>> &amp;") == "x < y and 3 > 2, <<<>>> &amp;"
