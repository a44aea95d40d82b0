"""Shapes from the blind reviewers' standing judgements (stop 64): a reply that names what the customer wrote about but
not what went wrong with it, and situations read into someone else's mishap. Drafts written for these tests."""

from __future__ import annotations

import re

import pytest

from coach import Coach
from coach._core.checker import check
from coach._core.situations import situation

LONG_CHARGE = ("I cancelled my membership at the Leeds club in person on 3 March and signed the form, but you've taken "
               "another £39.99 this month. I want it back.")
DOUBLE_CHARGE = ("Your app charged me twice for the June box and now my balance shows minus £42. I've emailed twice with "
                 "no answer, this is the third time I'm writing.")
KETTLE = ("The Brenner kettle I bought from your Galway branch on Saturday has a crack along the base and it's leaking "
          "water all over my worktop. I don't have time to drive into town again.")


def _rules(draft: str, customer: str, use: str = "combined") -> set[str]:
    return {f.rule for f in check(draft, customer, use=use).findings}


@pytest.mark.parametrize("draft, customer, use", [
    # one word of theirs ("membership", "twice", "kettle"): what they wrote about, not what went wrong
    ("Hi Lena, thanks for getting in touch. Please send us your membership number and we'll take it from there.",
     LONG_CHARGE, "combined"),
    ("Hello Omar, please check your balance in Settings; it updates overnight.",
     DOUBLE_CHARGE, "combined"),
    ("Hi Dana, could you please bring the kettle and your receipt to any of our stores so we can have a look? "
     "Thanks, Cian", KETTLE, "rules"),
])
def test_one_shared_word_of_a_long_message_is_no_acknowledgement(draft: str, customer: str, use: str) -> None:
    assert "no-acknowledgement" in _rules(draft, customer, use)


@pytest.mark.parametrize("draft, customer", [
    # two words of theirs: the cancellation and the charge
    ("Hi Lena, thanks for telling us the membership was cancelled in person; please send us the form's date and "
     "we'll check it.", LONG_CHARGE),
    # one word and a figure of theirs
    ("Hi Lena, thanks for flagging the £39.99. Please send us your membership number and we'll check it today.",
     LONG_CHARGE),
    # a message that says little more than the word the reply names
    ("Thanks for letting us know, I've sent a new kettle by courier today.", "My kettle arrived cracked."),
])
def test_the_problem_named_is_acknowledgement(draft: str, customer: str) -> None:
    assert "no-acknowledgement" not in _rules(draft, customer)


def test_a_rewrite_that_names_only_the_topic_is_not_said_to_pass() -> None:
    draft = "Hi Lena, thanks for getting in touch. Please send us your membership number and we'll take it from there."
    result = Coach().rewrite(draft, customer=LONG_CHARGE, engine="offline")
    assert result.passed is not True
    assert "no-acknowledgement" in {f.rule for f in result.findings_after}


@pytest.mark.parametrize("message, name", [
    ("Several people tripped over the bags left in aisle 4 this morning and nobody moved them.", None),
    ("Numerous shoppers slipped on the wet floor by the door, someone will get hurt.", None),
    ("I nearly tripped over the cable your engineer left across the hallway.", None),
    ("Dogs in the cabin all flight, not to mention anyone who might have been allergic.", None),
    ("My son tripped over the cable your engineer left across the hallway and hurt his wrist.", "injury"),
    ("I had an allergic reaction to the sesame that wasn't on the label.", "health"),
])
def test_someone_elses_mishap_is_not_the_customers_situation(message: str, name: str | None) -> None:
    case = situation(message)
    assert (case.name if case else None) == name


def test_a_restatement_keeps_what_they_were_not_told() -> None:
    from coach._engines.offline.restate import _as_clause

    clause = _as_clause("Your portal shows 'documents pending' but does not say which.")
    assert clause is None or not clause.rstrip(". ").endswith("does not say")


def test_a_hedge_after_a_check_goes_with_the_effort() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    out = fix_vague_effort("We'll try to get the £60 fee taken off, but I can't say for sure.", "try")
    assert out and "say for sure" not in out[0] and "update you" in out[0]


def test_a_chat_the_agent_will_have_stays_their_own_action() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    draft = "I'll try to have a word with the head coach on Monday and see if anything can be done, but no promises."
    out = fix_vague_effort(draft, "try")
    assert out and out[0].startswith("I'll have a word with the head coach on Monday")
    assert "check whether" not in out[0] and "no promises" not in out[0]
    rest = fix_vague_effort(out[0], "see if anything can be done")
    assert rest and "head coach on Monday" in rest[0] and "see if" not in rest[0]


def test_keeping_them_informed_is_no_check_of_its_own() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    out = fix_vague_effort("The lab will endeavour to review it when time permits, and we will try our best to keep you "
                           "informed.", "will endeavour to")
    assert out is not None and all("whether we can keep you" not in line for line in out)


@pytest.mark.parametrize("draft, step", [
    ("Thanks for letting us know the boiler is making a banging noise. We'll keep you updated.", False),
    ("Thanks for letting us know the boiler is making a banging noise. I'll keep you updated by 5pm today.", True),
])
def test_keeping_them_updated_alone_is_no_step(draft: str, step: bool) -> None:
    customer = "The boiler you serviced on Monday is making a banging noise every time the heating comes on."
    assert ("no-next-step" not in _rules(draft, customer, "rules")) is step


def test_relief_is_not_what_went_wrong() -> None:
    from coach._engines.offline.restate import restate_problem

    said = restate_problem("Our garage caught fire on Tuesday. Thankfully nobody was hurt, but the car inside is a "
                           "write-off and the roof has gone. Claim ref GH-20931.")
    assert said is None or not said.lower().startswith(("nobody", "thankfully"))


@pytest.mark.parametrize("message, name", [
    ("Our kitchen caught fire on Sunday night and the whole flat smells of smoke. Are we covered for a hotel?", None),
    ("The toaster I bought from you caught fire this morning and scorched the worktop.", "safety"),
])
def test_a_fire_that_is_over_is_a_claim_not_a_product_to_unplug(message: str, name: str | None) -> None:
    case = situation(message)
    assert (case.name if case else None) == name


def test_what_the_agent_can_do_with_the_team_is_a_check_with_them() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    draft = "I'll see what I can do with the warranty team, but keep the receipt just in case."
    out = fix_vague_effort(draft, "see what I can do")
    assert out and "check with the warranty team" in out[0] and "look into the" not in out[0]


def test_a_look_is_not_said_twice() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    out = fix_vague_effort("we'll try and get this looked at asap 🙏", "we'll try")
    assert out and "looked at" not in out[0] and "look into it" in out[0]


def test_a_kiss_does_not_end_up_before_the_update() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    out = fix_vague_effort("come back on Thursday and we'll try to fit the new strap for you x", "we'll try to")
    assert out and " x and" not in out[0] and not out[0].rstrip().endswith("x")


def test_sarcastic_praise_after_a_wait_is_no_praise() -> None:
    customer = "@PlinthCars waited 2 hours at your desk in Leeds for a van I booked in May (ref PC-4410). fantastic."
    result = Coach().rewrite("@dee_r hope the move goes better from here ^K", customer=customer, engine="offline")
    assert "kind words" not in result.rewrite


def test_the_next_collection_as_usual_is_no_promise() -> None:
    said = "Thank you for telling us about the £120 taken instead of £12; I've cancelled the extra £108 today. "
    customer = "You took £120 instead of my £12 gift."
    assert "broken-promise" not in _rules(said + "Your next payment on 3 June will be the usual £12.", customer)
    assert "broken-promise" in _rules(said + "Your next payment on 3 June will be refunded in full.", customer)


@pytest.mark.parametrize("draft, customer", [
    ("Dear Mr. Osei, /Thank you for your email. I understand. I completely understand. Our photos show the scratch was "
     "not there at check-out. The charge therefore stands. /Yours faithfully, /Dana Whyte",
     "You've charged me £220 for a scratch on the hire van (booking VH-40218) that was there when I picked it up. I sent "
     "you four time-stamped photos. Please remove the charge."),
    ("Dear Ms Adeyemi, Thank you for your claim. Claims must reach us within 60 days of the trip. As your trip ended on "
     "2 March, this claim is outside the limit and cannot be accepted. Regards, Claims Team",
     "My travel insurance claim TC-77102 for a cancelled tour was rejected as late, but I was in hospital until May."),
    ("hi Tom sorry for the mixup its just how prices are now we cant really do anything about it unfortunately. cheers",
     "My renewal went from £310 to £540 with no claims, policy CH-2209. Why?"),
])
def test_no_look_is_added_after_a_no_the_reply_keeps(draft: str, customer: str) -> None:
    rewrite = Coach().rewrite(draft.replace(" /", "\n\n"), customer=customer, engine="offline").rewrite
    assert not re.search(r"\b(?:I'm checking|I'll check|look into|I'm looking into)\b", rewrite)


@pytest.mark.parametrize("draft", [
    "Dear Mr Hale,\n\nYour complaint (ref CT-2290) has been logged as a low-priority matter.\n\nRegards,\nWaste Team",
    "Dear Parent,\n\nYour application is being processed. Kindly wait patiently.\n\nAdmissions Office",
    "Hi Jo,\n\nOur records show a reminder was sent to your phone on 2 May. Plans renew every year.\n\nThanks,\nAmir",
    "Hi Jo, did you know members get free delivery? Sign up at example.com/plus for just £3 a month.",
    "NORTHWICK TUTORS LTD.\nAccounts · 4 Mill Rd., Leeds · 0113 496 0000\n\nDear Mrs. Khan,\n\nWe are sorry for the delay. "
    "Your refund is in the queue.\n\nYours sincerely,\nAccounts",
])
def test_what_reads_like_a_step_and_is_none(draft: str) -> None:
    customer = "You charged me £95 twice for the March lessons and nobody answers the phone. I want the £95 back."
    assert "no-next-step" in _rules(draft, customer, "rules")


@pytest.mark.parametrize("draft", [
    "Dear Mr Hale,\n\nYour complaint (ref CT-2290) has been logged and passed to the crew supervisor, who will call you "
    "by Friday.\n\nRegards,\nWaste Team",
    "Hi Jo, I've refunded the second £95 today; please call us on 0113 496 0000 if it isn't back by Friday.",
])
def test_a_step_beside_them_still_counts(draft: str) -> None:
    customer = "You charged me £95 twice for the March lessons and nobody answers the phone. I want the £95 back."
    assert "no-next-step" not in _rules(draft, customer, "rules")


@pytest.mark.parametrize("message, name", [
    ("The floor was soaking wet. Two other customers slipped on it before me, and then I fell over and broke my wrist.",
     "injury"),
    ("Someone could have fallen - in fact my mum tripped over it on Monday and hurt her knee badly.", "injury"),
    ("My son had an allergic reaction and spent the night in A&E. Anyone who might be allergic is at risk!", "health"),
    ("Our kitchen caught fire last night. It started in your AirFry 3000, which is still plugged in.", "safety"),
])
def test_someone_of_theirs_hurt_is_still_their_situation(message: str, name: str) -> None:
    case = situation(message)
    assert case is not None and case.name == name


def test_a_team_word_inside_a_thing_is_no_team() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    for draft in ("Let me see what I can do with the store voucher.", "I'll see what I can do with my manager's approval code."):
        out = fix_vague_effort(draft, "see what I can do")
        assert out and "check with" not in out[0]


def test_a_capital_x_is_a_name_not_a_kiss() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    out = fix_vague_effort("We'll try to get it back to you with your iPhone X", "We'll try to")
    assert out and "iPhone X" in out[0]


def test_the_shop_called_next_keeps_its_capital() -> None:
    from coach._engines.offline.restate import restate_problem

    said = restate_problem("Next delivered the wrong sofa to my house on Monday.")
    assert said is None or said.startswith("Next ")


@pytest.mark.parametrize("draft", [
    "Your claim has been logged under reference CL-20931 and our assessor will call you on Tuesday 7 May.",
    "We are working through a backlog, and I've moved your application to the front of the queue.",
    "Kindly wait patiently: an engineer will be with you between 2pm and 4pm today.",
    "I've booked an engineer for Tuesday 7 May between 8am and 12pm.\n\nThanks, Amy\n\n-----Original message-----\n"
    "Dear Sir,\nMy boiler is broken.",
])
def test_a_real_step_beside_what_is_none_still_counts(draft: str) -> None:
    customer = "You charged me £95 twice for the March lessons and nobody answers the phone. I want the £95 back."
    assert "no-next-step" not in _rules(draft, customer, "rules")


@pytest.mark.parametrize("draft, customer", [
    ("Hi Priya, we can't really do anything until the courier updates the tracking. Thanks, Sam",
     "My parcel PK-5521 has shown 'in transit' for nine days. Where is it?"),
    ("Dear Mr Ode, your claim cannot be accepted without the damage report from the airport. Regards, Claims",
     "My suitcase came back with a broken wheel; claim BG-20931. Please pay for the repair."),
])
def test_a_no_with_a_condition_is_not_a_no_the_reply_keeps(draft: str, customer: str) -> None:
    result = Coach().rewrite(draft, customer=customer, engine="offline")
    assert result.passed is not False or "no-next-step" not in {f.rule for f in result.findings_after}


def test_a_hope_with_no_subject_of_its_own_just_goes() -> None:
    from coach._engines.offline.edits import fix_vague_effort

    draft = "We will look into it and will hopefully come back to you about the £850 quote."
    out = fix_vague_effort(draft, "hopefully")
    assert out and "whether  can" not in out[0] and "hopefully" not in out[0]


@pytest.mark.parametrize("message, name", [
    ("Your gardener cut my whole lavender hedge down to stumps on Thursday.", None),
    ("The glass lid shattered on the hob last night and cut my son's arm.", "product-safety"),
])
def test_what_was_cut_decides_whether_it_is_a_safety_case(message: str, name: str | None) -> None:
    case = situation(message)
    assert (case.name if case else None) == name


def test_coming_back_in_due_course_is_vague() -> None:
    assert "vague-effort" in _rules("We will come back to you in due course regarding the invoice.", "Invoice 4410 is wrong.")


@pytest.mark.parametrize("policy, granted", [
    (["Booking fees charged twice are refunded in full."], True),
    (["Booking fees are refunded only if the event is cancelled."], False),
    (["Refunds above £20 need a supervisor's approval."], False),
])
def test_a_grant_the_policy_makes_is_said_without_the_haste_it_does_not(policy: list[str], granted: bool) -> None:
    draft = "Thanks for spotting the double booking fee, Ana. DM us the order number and I'll refund the £4.50 today."
    result = Coach().rewrite(draft, customer="You charged me the £4.50 booking fee twice on order TK-2201.", policy=policy,
                             engine="offline")
    assert ("I'll refund the £4.50." in result.rewrite) is granted
    assert "today" not in result.rewrite or not granted
