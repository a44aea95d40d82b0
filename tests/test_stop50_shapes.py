"""Stop 50: smaller shapes from the blind reviews of sets cw and cx, in drafts written for these tests: where the problem
is said back when the draft thanks last, whose children a restatement means, and a numbered item whose sentence went."""

from __future__ import annotations

from coach import Coach
from coach._core.guard import slipped

coach = Coach()


def test_the_problem_is_said_back_first_when_the_draft_thanks_last() -> None:
    draft = "Hi Maeve, sorry for the trouble, I'll try my best to get that £12 back for you. Thanks for getting in touch."
    customer = "I was charged £12 for a data add-on I never asked for on my March bill, account 55102."
    result = coach.rewrite(draft, customer=customer)
    said_back = result.rewrite.find("data add-on")
    assert said_back != -1, result.rewrite
    assert said_back < result.rewrite.find("£12 back") < result.rewrite.find("Thanks for getting in touch"), result.rewrite


def test_a_restatement_does_not_say_kids_without_whose() -> None:
    draft = "@millbrook_jo sorry for the trouble!! our team are on it and it'll be fixed by tonight 💧 ^RB"
    customer = ("@AquaNorth second day of cloudy water from the taps in Millbrook. Kids can't even brush their teeth. "
                "Should we boil it??")
    result = coach.rewrite(draft, customer=customer)
    assert "that kids" not in result.rewrite.lower(), result.rewrite


def test_a_numbered_item_whose_sentence_went_loses_its_number() -> None:
    draft = ("Dear Mr. Osei,\n\nTo put this right:\n\n1. I have cancelled the duplicate direct debit;\n"
             "2. I'm so sorry, this is awful;\n"
             "3. A confirmation letter will be posted to you.\n\nYours sincerely,\nR. Byrne")
    customer = "You took my £64.20 direct debit twice this month. Mr. K. Osei"
    result = coach.rewrite(draft, customer=customer)
    assert "\n2.\n" not in result.rewrite and "3." not in result.rewrite, result.rewrite
    assert "2. A confirmation letter will be posted to you." in result.rewrite, result.rewrite


def test_an_empty_numbered_item_is_a_slip_the_guard_reads() -> None:
    assert slipped("Here is what happens next:\n\n1. I refund the fee;\n2.\n3. You get a letter.") == ["2."]
    assert slipped("Here is what happens next:\n\n1. I refund the fee;\n2. You get a letter.") == []


def test_an_effort_at_an_outcome_that_names_nothing_becomes_the_agents_look() -> None:
    customer = "I left my Fiesta at your Didcot branch on Tuesday for a new clutch. It's Friday and nobody has rung me."
    result = coach.rewrite("Hi, we're swamped this week. We'll try to get it done asap and give you a ring.",
                           customer=customer)
    assert "whether we can" not in result.rewrite and "I'll look into this and give you a ring." in result.rewrite, \
        result.rewrite
    result = coach.rewrite("Hi Dev, sorry for the issue. I'll do my best to get this sorted for you.", customer=customer)
    assert "whether we can" not in result.rewrite and "I'll do my best" not in result.rewrite, result.rewrite


def test_a_signature_after_a_dash_stays_last() -> None:
    draft = "Hello, thanks for writing in. We'll do our best to sort this out for you. Apologies!\n— Nia, Brightcall Support"
    result = coach.rewrite(draft, customer="I cancelled on 3 May (ref BC-2201) and you still took £21.50 on 9 May.")
    assert result.rewrite.endswith("\n— Nia, Brightcall Support"), result.rewrite


_RETURNS = ["Refunds within 28 days of delivery for unworn items.", "After 28 days, offer an exchange or store credit only."]


def test_the_return_and_the_yes_go_with_a_refund_beyond_the_policy() -> None:
    draft = "Hi Ola, thanks for your message. No problem – just post the jacket back to us and we'll refund the full £95."
    customer = "My jacket (order JK-5521) came on 1 March. It's 10 May and I don't like the fit. Can I have my £95 back?"
    result = coach.rewrite(draft, customer=customer, policy=_RETURNS)
    assert "No problem" not in result.rewrite and "post the jacket back" not in result.rewrite, result.rewrite
    assert "£95" in result.rewrite and result.passed is not True, result.rewrite
    # without a policy, the return is the step itself, and stays
    result = coach.rewrite("Hi, so sorry about that! Please send it back and we'll sort it.",
                           customer="My toaster (order TS-881) arrived with a bent lever.")
    assert "send it back" in result.rewrite, result.rewrite


def test_a_yes_to_a_grant_that_went_goes_and_the_action_taken_stays() -> None:
    draft = "Hi Ola, thanks for your message! Of course — I've emailed you a returns label and you'll get all £95 back."
    customer = "My jacket (order JK-5521) came on 1 March. It's 10 May and I don't like the fit. Can I have my £95 back?"
    result = coach.rewrite(draft, customer=customer, policy=_RETURNS)
    assert "Of course" not in result.rewrite and "I've emailed you a returns label." in result.rewrite, result.rewrite


def test_a_list_closes_up_within_itself_and_the_guard_accepts_it() -> None:
    draft = ("Hi,\n\nSorry about that. Here's what I'll do:\n1. Send a new charger today.\n2. I'm so sorry, this is awful.\n"
             "3. Email you the tracking number.\n\nAfter that:\n1. Check the box.\n2. Keep the packaging.\n\nThanks,\nRia")
    result = coach.rewrite(draft, customer="Order 55219 arrived without the charger.")
    assert "2. Email you the tracking number." in result.rewrite and "1. Check the box." in result.rewrite, result.rewrite
    assert result.passed is not False, (result.rewrite, result.findings_after)  # (a list number is layout, not a fact)


def test_a_number_above_its_item_is_no_slip_and_a_list_item_no_signature() -> None:
    assert slipped("Please try these:\n1.\nCheck the drain hole.\n2.\nLevel the fridge.") == []
    draft = "Hi, sorry for the wait. It's with the courier. Options:\n- Redeliver Tomorrow\n- Collect From Depot"
    result = coach.rewrite(draft, customer="Where's my order 55219?")
    assert result.rewrite.endswith("- Collect From Depot") and "Tomorrow. " not in result.rewrite, result.rewrite


def test_an_assurance_makes_what_follows_a_promise() -> None:
    findings = coach.check("I can assure you that we will find you another venue.",
                           customer="The hotel cancelled our conference room for 14 June.").findings
    assert "broken-promise" in {f.rule for f in findings}
    findings = coach.check("I can assure you we are looking into it.", customer="The hotel cancelled our room.").findings
    assert "broken-promise" not in {f.rule for f in findings}


def test_an_apology_typed_on_after_a_double_bang_has_no_object() -> None:
    findings = coach.check("@kel_r sorry bout the hassle!! give it a few days and it should turn up ^JT",
                           customer="@Shop my order #KL4410 says delivered but it's not here").findings
    assert "bland-apology" in {f.rule for f in findings}
    findings = coach.check("so sorry your order came broken!! we will send a new one",
                           customer="my order #KL4410 came broken").findings
    assert "bland-apology" not in {f.rule for f in findings}


def test_a_service_coming_back_is_checked_for_when_and_money_for_whether() -> None:
    customer = "@Volt no power on Shore Rd since 5am, the fridge is warming up!!"
    result = coach.rewrite("@sam_k sorry for the inconvenience! power will definitely be back by 2pm 👍 ^AB", customer=customer)
    assert "check when we can get" in result.rewrite or "checking when" in result.rewrite, result.rewrite
    result = coach.rewrite("Sorry for the trouble. You'll definitely get the £30 back.",
                           customer="You charged me £30 roaming for a day trip to Belfast.")
    assert "when" not in result.rewrite, result.rewrite
