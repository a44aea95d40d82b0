"""An offline rewrite passes only in the agent's own words: lines the coach wrote itself are for a person to read.

Blind reviewers found most offline rewrites that added stock lines flawed (a thanks for the wrong thing, a step
that does not fit the case) while the guard passed them: the rules cannot read fit. So such lines are listed in
``review`` and ``passed`` is None (never True) until someone reads them; cuts alone can still pass.
"""

from coach import Coach
from coach._core.guard import own_lines

coach = Coach(engine="offline")


def test_cuts_merges_and_new_capitals_are_the_agents_own_words():
    draft = ("Hi Sam, thanks for the photos of the dented kettle (order 55-210). I can't believe it. "
             "A new one went out today by courier. Tracking is TR-88 and it should reach you on Tuesday.")
    assert own_lines(draft, draft) == []
    cut = ("Hi Sam, thanks for the photos of the dented kettle (order 55-210). A new one went out today by courier. "
           "Tracking is TR-88.")
    assert own_lines(draft, cut) == []
    merged = "Hi Sam, thanks for the photos of the dented kettle (order 55-210). A new one went out today, tracking TR-88."
    assert own_lines(draft, merged) == []  # two draft sentences, cut into one


def test_a_line_with_any_word_the_draft_did_not_have_is_the_coachs():
    draft = "Sorry for the inconvenience. I promise the refund of £40 reaches you tomorrow."
    rewrite = ("Thank you for telling us that the jacket arrived torn. Let me check whether the refund of £40 "
               "can reach you tomorrow, and I'll update you here.")
    assert own_lines(draft, rewrite) == [
        "Thank you for telling us that the jacket arrived torn.",
        "Let me check whether the refund of £40 can reach you tomorrow, and I'll update you here.",
    ]
    far = "The first line. Then a second. And a third. Then the end: refunded."
    assert own_lines(far, "The first line refunded.") == ["The first line refunded."]  # words from far apart


def test_an_offline_fix_in_the_coachs_words_is_never_a_pass_and_names_its_lines():
    result = coach.rewrite("Sorry for the trouble. I'll see what I can do.",
                           customer="My Lumo desk lamp (order 71-442) flickers and then switches off.")
    assert result.passed is None and result.assessed and not result.findings_after
    assert result.review and all(line in result.rewrite for line in result.review)


def test_a_fix_by_cuts_alone_passes():
    draft = ("Thanks for letting us know about the double charge on booking QF-219. I've refunded the second "
             "£58.00 today; banks usually take 3-5 days to show it. I feel awful that this happened.")
    result = coach.rewrite(draft)
    assert result.passed is True and result.review == [] and "awful" not in result.rewrite


def test_a_good_draft_passes_unchanged_and_a_failing_rewrite_stays_failed():
    good = "Thanks for the photo of the cracked mug on order 31-007. I've sent a replacement; it ships on Monday."
    result = coach.rewrite(good)
    assert result.rewrite == good and result.passed is True and result.review == []
    banned = coach.rewrite("Your order #4417 ships on Friday. Please DM us if it is late.",
                           policy={"banned_phrases": ["order #4417"]})
    assert banned.passed is False  # a finding the guard did find is a fail, whatever the coach wrote


def test_the_review_lines_are_exactly_the_rewrites_sentences_not_cut_from_the_draft():
    cases = [("Sorry for the inconvenience. I promise the £30 refund reaches you tomorrow.", "My £30 refund is late."),
             ("I understand. Your parcel is not lost, it is at the depot. I feel awful.", None),
             ("Thanks for the photo. I can't believe it. Order 5512 ships today, guaranteed by tmrw!", None)]
    for draft, customer in cases:
        result = coach.rewrite(draft, customer=customer)
        assert result.review == own_lines(draft, result.rewrite)
        if result.passed is not False:  # the guard found nothing: a pass exactly when the coach wrote no line
            assert (result.passed is None) == bool(result.review)


def test_a_cut_that_drops_a_negation_from_inside_a_kept_sentence_is_not_the_agents_own():
    assert own_lines("Your parcel is not lost. We will refund you.", "Your parcel is lost.") == ["Your parcel is lost."]
    assert own_lines("I can't believe it. Your parcel is lost.", "Your parcel is lost.") == []


def test_a_sentence_in_another_language_inside_an_english_reply_is_never_a_pass():
    draft = "Thanks for your message about order 5521. Le prometo que su reembolso llegará mañana sin falta. Please DM us."
    checked = coach.check(draft, customer="Where is my refund for order 5521?")
    assert checked.passed is None and checked.assessed is False and checked.language == "es"
    result = coach.rewrite(draft, customer="Where is my refund for order 5521?")
    assert result.passed is None and "5521" in result.rewrite
    assert coach.check("Gracias Maria, thanks for the photo; I have sent you the tracking link.").assessed is True
