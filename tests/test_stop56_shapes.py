"""Stop 56: shapes blind reviewers of sets dk to dn marked garbled, each in drafts written here.

Two promises of news in a row, each the end of a different edit ("I'll check what I can offer you and let you know.
I'll look into this and update you by Friday."): one keeps its "update you", the one that says when.
"""

from __future__ import annotations

import re

from coach import Coach
from coach._engines.offline.updates import one_update

coach = Coach()
_NEWS = re.compile(r"update you|let you know|get back to you|reply here (?:once|as soon)", re.I)


def _news(text: str) -> int:
    return len(_NEWS.findall(text))


# --- one promise of news --------------------------------------------------------------------------------------------

def test_the_timed_promise_keeps_its_news_and_the_other_loses_its_tail():
    units = ["Thanks for flagging the flat tyre on hire RN-220.", "I'll check what I can offer you and let you know.",
             "I'm checking when a mechanic can reach you, and I'll update you within the hour."]
    ways = list(one_update(units, draft=""))
    assert ways[0] == [units[0], "I'll check what I can offer you.", units[2]]


def test_a_look_at_nothing_named_goes_beside_a_check_that_names_something():
    units = ["I'll check on your visa letter and update you by Monday.", "I'll look into this and update you."]
    assert list(one_update(units, draft=""))[0] == [units[0], ""]


def test_the_drafts_own_promises_are_never_cut_and_one_promise_is_left_alone():
    units = ["I'll chase the courier and update you today.", "I'll also ask the depot, and let you know."]
    assert list(one_update(units, draft=" ".join(units))) == []
    assert list(one_update(["I'll chase the courier and update you today."], draft="")) == []


def test_anothers_news_is_not_the_agents_promise():
    units = ["I'm escalating this to our safety team and will update you here.",
             "Once it is safe, our engineers will get back to you within 3 days."]
    assert list(one_update(units, draft="")) == []


def test_the_news_of_a_step_in_a_unit_of_several_sentences_is_read_in_its_last():
    units = ["Please lock the card in the app now. I'll check the payments on your account and update you here.",
             "Let me check whether the £900 can come back, and I'll update you."]
    ways = list(one_update(units, draft=""))
    assert ways[0] == [units[0], "Let me check whether the £900 can come back."]
    assert ways[1][0] == "Please lock the card in the app now. I'll check the payments on your account."


def test_times_the_draft_said_stay_with_their_checks():
    draft = ("Hey Tariq, sorry about that! Your new router will 100% be with you tomorrow and I promise the internet "
             "will be back by Friday.")
    result = coach.rewrite(draft, customer="My router died on Sunday and I've been without broadband for 3 days.",
                           engine="offline")
    assert "update you tomorrow" in result.rewrite and "update you by Friday" in result.rewrite, result.rewrite
    assert result.passed is not True


def test_a_goodwill_check_beside_a_repair_check_promises_news_once():
    draft = ("Hi Callum, so sorry for the inconvenience! I'll give you £50 compensation and your dishwasher will be fixed "
             "by Friday, guaranteed.")
    result = coach.rewrite(draft, customer="The engineer didn't turn up yesterday for my dishwasher repair (job DW-5512) "
                                           "and I took a day off work.",
                           policy=["Compensation for a missed engineer visit is a fixed £20 account credit."],
                           engine="offline")
    assert _news(result.rewrite) == 1, result.rewrite
    assert "by Friday" in result.rewrite and "£20" in result.rewrite


# --- a thing named without its article -----------------------------------------------------------------------------

def test_a_thing_named_at_the_start_without_its_article_gets_one_when_said_back():
    for customer, said in [("Router died on Sunday and I can't work from home.", "the router died on Sunday"),
                           ("Subscription SUB-4410 renewed at £89 without any reminder email.",
                            "the subscription SUB-4410 renewed")]:
        result = coach.rewrite("Sorry for any inconvenience caused.", customer=customer, engine="offline")
        assert said in result.rewrite, result.rewrite
        assert "that Router" not in result.rewrite and "that Subscription" not in result.rewrite


# --- a question only a step answers ----------------------------------------------------------------------------------

def _blocking(text: str, customer: str) -> set[str]:
    return {f.rule for f in coach.check(text, customer=customer).findings if f.blocking}


def test_an_explanation_sharing_the_customers_words_does_not_answer_what_are_our_options():
    customer = ("Our 09:10 coach to Galway was moved to 16:40 and our hostel check-in closes at 20:00. "
                "What are our options?")
    assert "no-next-step" in _blocking("Thanks for your message. Coach departure times to Galway may change at short "
                                       "notice as set out in our conditions of carriage.", customer)
    assert "no-next-step" not in _blocking("Thanks for your message. I've moved you both to the 12:15 coach at no "
                                           "charge, which reaches Galway at 16:05.", customer)


def test_options_laid_out_answer_what_are_my_options():
    customer = "The jacket doesn't fit and the return window closed yesterday. What are my options?"
    assert "no-next-step" not in _blocking("Thanks for getting in touch. Your options are a refund to your card or "
                                           "store credit of £40, whichever you prefer.", customer)


def test_a_question_about_facts_is_still_answered_by_the_facts():
    customer = "What time does the Elm Park library open on Sundays?"
    assert "no-next-step" not in _blocking("Thanks for asking. The Elm Park library opens at 11am on Sundays.", customer)


# --- a step that goes through the person the customer fled -----------------------------------------------------------

_FLED = ("I had to move out because my ex-husband was violent and I'm scared he'll find me. Our water account at the old "
         "house is in both our names. Please take me off it and don't send anything there.")


def test_the_customer_is_not_sent_back_to_the_person_they_fled():
    draft = ("Hi Maeve, sorry to hear that. To take a name off a joint account both holders need to sign form J2, so "
             "you'll need to get your ex-husband to sign it too. Please ask him to call us on 0800 555 0142 to confirm. "
             "We'll then send confirmation to the address on file.")
    result = coach.rewrite(draft, customer=_FLED, engine="offline")
    assert "ex-husband to sign" not in result.rewrite and "ask him to call" not in result.rewrite, result.rewrite
    assert "address on file" not in result.rewrite
    assert "without contacting the other account holder" in result.rewrite
    assert "0800 555 0142" in result.rewrite  # the number stays, as a way to reach the agent
    assert result.passed is not True


def test_a_violent_ex_and_a_fear_of_being_found_are_a_safety_situation():
    from coach._core.situations import situation

    assert situation(_FLED).name == "safety-at-home"
    assert situation("I'm terrified she'll find where I live now.").name == "safety-at-home"
    assert situation("The courier was violent with my parcel, it's smashed.") is None


# --- a condolence that names the one who died ------------------------------------------------------------------------

def test_a_reply_that_already_says_sorry_about_your_mum_does_not_say_her_death_back():
    draft = ("Hi Ruth, thank you for telling us, and I'm so sorry about your mum. I've refunded the £85 tickets in full "
             "and you'll have the money back tomorrow.")
    customer = "My mum died suddenly last Tuesday so we can't come to the matinee of Oliver on the 14th. Booking TK-5520."
    result = coach.rewrite(draft, customer=customer, engine="offline")
    assert "sorry about your mum" in result.rewrite
    assert "died" not in result.rewrite, result.rewrite


# --- what should have happened is not what went wrong ---------------------------------------------------------------

def test_what_was_supposed_to_happen_is_not_said_back_as_the_problem():
    customer = ("My referral letter for the dermatology clinic was supposed to be faxed to St Anne's Hospital last week. "
                "The hospital says they have nothing.")
    result = coach.rewrite("Sorry for the confusion. The referral was sent. Please call the hospital.", customer=customer,
                           engine="offline")
    assert "was supposed to" not in result.rewrite, result.rewrite


def test_a_comma_splice_in_the_customers_story_is_not_said_back():
    customer = "The 7:15 number 40 drove straight past me at Mill Lane stop, I was waving. Late for work again"
    result = coach.rewrite("Thanks for letting us know! I understand.", customer=customer, engine="offline")
    assert "you were waving" not in result.rewrite, result.rewrite


# --- what an edit leaves behind --------------------------------------------------------------------------------------

def test_a_hopes_verb_is_not_left_without_its_subject():
    draft = ("Hi Ola, thanks for the photos of the meter. Hopefully your next bill will use an actual read and will be "
             "much lower.")
    result = coach.rewrite(draft, customer="My gas bill was estimated at £412, nearly triple normal. Photos of the meter "
                                           "attached.", engine="offline")
    assert "Will be much lower" not in result.rewrite, result.rewrite


def test_the_tail_of_a_list_is_not_said_back_as_the_problem():
    customer = ("Hello, I booked a bulky waste collection for Monday (ref BW-5521) for an old wardrobe and a washing "
                "machine and paid £30 online. Nobody turned up. I took a day off work for it.")
    result = coach.rewrite("Sorry for any inconvenience caused. We are looking into it and the crew will definitely "
                           "collect your items tomorrow.", customer=customer, engine="offline")
    assert "that a washing machine and paid" not in result.rewrite, result.rewrite


# --- the agent's own promise to keep a ticket open -------------------------------------------------------------------

def test_keeping_the_ticket_open_is_the_agents_own_step_and_a_good_draft_stays():
    draft = ("Hi Dana, thanks for the screenshot. The export fails because your workspace hit the 10,000-row limit on "
             "the Starter plan; I've raised it to 25,000 for you, so please try the export again now. I'll keep this "
             "ticket open and check back with you at 4pm to make sure it worked.")
    result = coach.rewrite(draft, customer="CSV export keeps failing with error E-413 since this morning.",
                           engine="offline")
    assert "broken-promise" not in {f.rule for f in result.findings_before}
    assert result.rewrite == draft


def test_an_expectation_is_said_back_with_what_did_not_happen():
    customer = ("The oxygen concentrator (ref OC-3310) was supposed to be delivered before my dad's discharge on Friday. "
                "Nobody has called to book it.")
    result = coach.rewrite("Sorry for any inconvenience. It will definitely arrive by Thursday.", customer=customer,
                           engine="offline")
    assert "was supposed to be delivered before your dad's discharge on Friday and nobody has called" in result.rewrite, \
        result.rewrite


def test_the_fingers_crossed_go_with_the_hope():
    draft = "Hi Sam! Thanks for the message! Late fees can't be removed I'm afraid, but hopefully it'll work out 🤞 ^LB"
    result = coach.rewrite(draft, customer="Can you take the £4 late fee off my library account? I was in hospital.",
                           engine="offline")
    assert "🤞" not in result.rewrite and "hopefully" not in result.rewrite, result.rewrite


def test_a_plural_thing_that_opened_the_promise_is_not_left_capitalised_mid_sentence():
    result = coach.rewrite("@milo_g Sorry about that! Servers will 100% be back online within the hour 🚀 ^KT",
                           customer="servers down again?? can't log in to Skyfront for the 3rd time this week",
                           engine="offline")
    assert "get Servers" not in result.rewrite and "the servers" in result.rewrite, result.rewrite


def test_the_step_comes_before_the_closing_courtesy_when_that_is_all_the_body_kept():
    draft = ("hi Tom sorry for the trouble!! ill see what i can do abt the refund, hopefully its sorted by monday lol. "
             "let me know if u need anything else")
    result = coach.rewrite(draft, customer="still no refund for order KB-5512, it's been 3 weeks", engine="offline")
    assert not result.rewrite.lower().startswith("let me know"), result.rewrite
    assert result.rewrite.rstrip(". ").lower().endswith("anything else"), result.rewrite


# --- promises the checker missed ------------------------------------------------------------------------------------

def test_typed_without_the_apostrophe_a_never_again_is_still_a_promise():
    assert "broken-promise" in _rules("Sorry about today. This wont happen again.")
    assert "broken-promise" in _rules("I have cancelled the fine and you wont hear anything from us again about it.")


def test_a_repayment_holiday_said_as_done_is_a_promise():
    assert "broken-promise" in _rules("Thanks for telling us. Your loan payments will be paused for 3 months.")
    assert "broken-promise" not in _rules("Thanks for telling us. I've asked our hardship team whether your payments "
                                          "can be paused, and I'll update you on Friday.")


def _rules(text: str) -> set[str]:
    return {f.rule for f in coach.check(text).findings if f.blocking}


# --- a line that names who approves ---------------------------------------------------------------------------------

def test_a_waiver_only_a_supervisor_may_approve_is_not_the_agents_to_make():
    policy = ["Only a supervisor may approve a waiver of the £90 cancellation fee."]
    draft = ("Hi Rhian, thanks for letting us know about the move. As you're relocating abroad, I've gone ahead and "
             "waived the £90 cancellation fee on account 55-1020.")
    result = coach.rewrite(draft, customer="I'm moving to Canada next month, please cancel my broadband.", policy=policy,
                           engine="offline")
    assert "broken-promise" in {f.rule for f in result.findings_before}
    assert "waived the £90" not in result.rewrite and "gone ahead" not in result.rewrite, result.rewrite
    assert result.passed is not True


def test_a_weekday_keeps_its_day_of_the_month_when_it_becomes_the_update_time():
    result = coach.rewrite("Dear Mr Obi, the damp survey will be done by Thursday 9th without fail.",
                           customer="The damp in our bedroom is getting worse and nobody has come to survey it.",
                           engine="offline")
    assert "Thursday 9th" in result.rewrite and " 9th," not in result.rewrite.replace("Thursday 9th", ""), result.rewrite


def test_a_delivery_date_is_a_promise_beside_a_line_that_lets_customers_cancel_at_any_time():
    policy = ["Do not promise delivery dates for back-ordered items.",
              "Customers may cancel a back-ordered item at any time for a full refund."]
    draft = ("Hi Gus, I've checked with the warehouse and the Vela armchair will be with you by Friday 8th, so you'll "
             "have it in plenty of time for the party.")
    result = coach.rewrite(draft, customer="My armchair (order VA-3391) has been back-ordered for a month. When will it "
                                           "arrive?", policy=policy, engine="offline")
    assert "broken-promise" in {f.rule for f in result.findings_before}
    assert "will be with you by Friday" not in result.rewrite and result.passed is not True, result.rewrite


def test_no_need_to_send_it_back_after_a_refund_lets_go_of_a_line_that_waits_for_the_return():
    policy = ["Refunds for faulty goods are issued within 5-7 business days of the returned item being received."]
    text = "Thanks for telling us. I've refunded the full £89 now. No need to send the heater back, just recycle it."
    result = coach.check(text, customer="My heater (order HT-551) stopped working after a week.", policy=policy)
    assert "broken-promise" in {f.rule for f in result.findings}
    result = coach.check("Thanks for telling us. I've refunded the full £89 now. No need to send any photos.",
                         customer="My heater (order HT-551) stopped working after a week.", policy=policy)
    assert "broken-promise" not in {f.rule for f in result.findings}  # (no line asks for photos)


def test_an_approval_above_a_sum_leaves_a_smaller_grant_to_the_agent():
    policy = ["Agents may offer credits of up to £10 for delays.", "Only a team leader can authorise credits above £10."]
    small = coach.check("Thanks for letting us know. I've added a £5 credit to your account for the delay.",
                        customer="My order was late again.", policy=policy)
    large = coach.check("Thanks for letting us know. I've added a £25 credit to your account for the delay.",
                        customer="My order was late again.", policy=policy)
    assert "broken-promise" not in {f.rule for f in small.findings}
    assert "broken-promise" in {f.rule for f in large.findings}


def test_the_reason_a_grant_gave_with_its_fact_is_said_on_its_own():
    policy = ["Only a supervisor may approve delivery fee refunds."]
    draft = ("Thanks for reaching out. As your order #4412 arrived 5 days late, I've gone ahead and refunded the £7.99 "
             "delivery fee.")
    result = coach.rewrite(draft, customer="Order #4412 arrived 5 days late. I paid for next day delivery.", policy=policy,
                           engine="offline")
    assert "As your order #4412 arrived 5 days late." not in result.rewrite, result.rewrite
    assert "#4412" in result.rewrite and "refunded the £7.99" not in result.rewrite


# --- after the blind sets do-dr were measured ------------------------------------------------------------------------

def test_also_goes_when_the_sentence_it_followed_went():
    result = coach.rewrite("Hi Ana, oh no, I feel absolutely terrible about this, it's awful. I've also booked a courier "
                           "to collect the broken lamp on Monday.", customer="My lamp (order LP-221) arrived broken.",
                           engine="offline")
    assert "I've booked a courier" in result.rewrite and "also" not in result.rewrite, result.rewrite


def test_the_primary_account_holder_is_not_asked_to_call_for_someone_who_fled_them():
    result = coach.rewrite("Hello, thank you for contacting HomeNet. Please ask the primary account holder to call us on "
                           "0345 600 1190 to authorise the change.",
                           customer="I left my partner because he was violent. The broadband is in his name. I need my "
                                    "new address kept off it, I'm scared he'll find me.", engine="offline")
    assert "ask the primary account holder" not in result.rewrite, result.rewrite
    assert "0345 600 1190" in result.rewrite


def test_a_check_of_an_instruction_reads_worse_than_its_draft():
    from coach._core.fluency import fluency_problems

    assert fluency_problems("Let me check whether just use any 12V adapter you have, it should work fine.")
    assert not fluency_problems("Let me check whether the adapter can be replaced, and I'll update you.")


def test_a_goodbye_run_into_the_promise_is_cut_out_of_the_check():
    result = coach.rewrite("Hi Ola! Don't worry, your glasses will definitely be ready in an hour, see you at 5!",
                           customer="My glasses repair was due yesterday, can I collect today?", engine="offline")
    assert "see you at 5, and" not in result.rewrite, result.rewrite


def test_a_draft_that_checks_an_instruction_is_not_passed_as_written():
    result = coach.rewrite("Hi, let me check whether just plug in any charger you have, it should work fine.",
                           customer="My laptop charger broke.", engine="offline")
    assert result.passed is not True
    assert any("check whether just plug in" in line for line in result.review)
