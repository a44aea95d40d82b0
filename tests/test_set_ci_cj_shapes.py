"""Shapes from the development sets ci and cj (stop 45, issue 16), read by a helper as a reviewer would and by me.
Each draft is written for this file, in other words than the sets'."""

from __future__ import annotations

from coach import Coach
from coach._core.policy import as_ours

coach = Coach(engine="offline")


def test_a_team_named_after_the_customer_is_no_you() -> None:
    said = as_ours("Refund claims are decided by the Customer Service team within 10 days.")
    assert "the Customer Service team" in said, said
    assert as_ours("Refunds go back to the customer's card.") == "Refunds go back to your card."


def test_the_assurances_that_goes_with_it_when_a_promise_becomes_a_check() -> None:
    draft = ("Dear Ms. Ortiz,\n\nRest assured that we are looking into this and that both fees will be refunded to "
             "your card within 48 hours.\n\nSincerely,\nDana Wells\nBilling")
    rewrite = coach.rewrite(draft, customer="You charged me a $40 late fee and a $25 admin fee on a bill I paid early.")
    assert "whether that" not in rewrite.rewrite, rewrite.rewrite


def test_i_have_checked_goes_with_what_it_checked() -> None:
    draft = "Hi Omar, I have checked and your new router will definitely be with you tomorrow before 10am. Thanks, Lee"
    rewrite = coach.rewrite(draft, customer="My replacement router (order RT-5521) still hasn't come.").rewrite
    assert "I have checked." not in rewrite, rewrite
    assert "tomorrow before 10am" in rewrite, rewrite


def test_the_hour_after_tomorrow_stays_with_the_update_and_positively_goes() -> None:
    draft = ("Dear Mr. Rao,\n\nWe wish to inform you that the refund will be credited to your account by tomorrow "
             "4 p.m. positively.\n\nYours faithfully,\nK. Menon\nBranch Manager")
    rewrite = coach.rewrite(draft, customer="My refund of Rs. 3,200 for the cancelled order has not come.").rewrite
    assert "by tomorrow 4 p.m." in rewrite and "positively" not in rewrite and "p.m.." not in rewrite, rewrite


def test_a_blessing_closes_the_reply_after_the_step_it_followed() -> None:
    draft = "Good morning sir, we are very sorry for the inconveniences. We are doing our best. God bless you."
    rewrite = coach.rewrite(draft, customer="The generator I bought on 3rd May (receipt 7781) will not start.").rewrite
    assert rewrite.endswith("God bless you."), rewrite


def test_a_sentence_that_ended_on_a_cheerful_face_keeps_an_end_when_the_face_goes() -> None:
    customer = "There's a really strong smell of gas by my boiler at 9 Elm Way."
    draft = ("Hi there! Thanks for getting in touch 😊 Sorry for the inconvenience. We've raised job GX-2210 and an "
             "engineer will be in touch within 3-5 working days. Anything else I can help with today?")
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "Thanks for getting in touch." in rewrite and "touch I'm" not in rewrite, rewrite
    assert "Anything else I can help with today?" not in rewrite, rewrite
    assert rewrite.index("Thanks for getting in touch") < rewrite.index("gas emergency line"), rewrite


def test_a_death_the_draft_never_answers_gets_the_line_for_whoever_died() -> None:
    customer = ("My wife Ann passed away in May and I need to close her broadband account, number 5520-118. The shop "
                "said there's a £150 fee to end it early.")
    draft = "Hi Mr Shaw! Thanks for reaching out. Unfortunately early exit fees apply to all accounts, including Ann's."
    rewrite = coach.rewrite(draft, customer=customer)
    assert "sorry" in rewrite.rewrite.lower() and "wife" in rewrite.rewrite, rewrite.rewrite
    assert rewrite.passed is not True


def test_a_look_the_draft_already_says_is_not_said_again_by_the_check() -> None:
    draft = ("Dear Sir,\nWe regret the inconvenience. Our technical team is looking into the issue and it will be resolved "
             "within 48 hours.\nRegards,\nPayFast Support")
    rewrite = coach.rewrite(draft, customer="Your app crashes every time I add my debit card.").rewrite
    assert "I'm looking into this" not in rewrite and "I'll look into this" not in rewrite, rewrite
    assert "I'll update you within 48 hours." in rewrite, rewrite


def test_what_the_customer_did_to_protect_themselves_is_not_what_the_reply_is_sorry_for() -> None:
    customer = ("Someone emptied $2,100 from my savings overnight - three transfers to people I don't know. That's my "
                "rent and it's due Friday. I've already locked my card in the app.")
    draft = ("Hi Denise, I understand. We take fraud very seriously. Don't worry, you will definitely get all $2,100 back "
             "before Friday. Have a nice day!")
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "you've already locked your card" not in rewrite, rewrite


def test_an_apology_that_a_face_ends_goes_and_what_follows_it_stays() -> None:
    customer = "@GridPower no power on Elm St since 7am, kids at home"
    draft = "@tom_b so sorry for the trouble ⚡ pls DM us ur account no. ^JK"
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "sorry for the trouble" not in rewrite and "DM us ur account no." in rewrite, rewrite


def test_a_chat_reply_in_lower_case_is_no_thread_part_and_gets_its_opening() -> None:
    customer = "@ParcelGo my parcel PG-2210 says delivered but nothing here"
    rewrite = coach.rewrite("@amy_k sorry for the hassle! 🙏 our drivers are on it", customer=customer).rewrite
    assert rewrite.startswith("@amy_k Th"), rewrite
    assert "Our drivers are on it" in rewrite, rewrite
    # (a second part of a thread still reads as one)
    part = coach.rewrite("2/2 and we'll update you by 5pm", customer=customer).rewrite
    assert not part.startswith("2/2 Th"), part


def test_a_casual_thanks_that_names_the_case_counts_as_saying_it_back() -> None:
    # (it can fail only now that a chat reply in lower case gets an opening: before, it got none at all)
    customer = "@StreamCo you've charged me twice this month, £8.99 x2 on 4th May"
    draft = ("@jo_w thx for flagging the double £8.99 charge on 4 May 🙏 can you DM us your account email? hopefully we "
             "can sort it quick 🤞 ^AH")
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "charged twice" not in rewrite, rewrite


def test_beside_a_brake_failure_a_reassurance_that_it_is_normal_goes() -> None:
    customer = "Since you fitted new brake pads on Monday (invoice 4410) the brake pedal goes almost to the floor."
    draft = ("Hi Mr Cole, brake pedals can feel different after new pads, its quite normal and they need bedding in. "
             "Sorry for any inconvenience.")
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "normal" not in rewrite and "don't drive" in rewrite, rewrite


def test_a_scam_reply_that_gives_its_own_number_to_call_gets_no_second_one() -> None:
    customer = ("A man saying he was from your fraud team talked me into moving £2,000 to a safe account this morning. "
                "I think it was a scam.")
    draft = ("Dear Mr Ade,\n\nOh no, that's awful, you poor thing! Don't worry, I promise you'll get every penny back.\n\n"
             "Please call us on 0300 555 0101.\n\nKind regards,\nRuth")
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert "0300 555 0101" in rewrite and "number on the back of your card" not in rewrite, rewrite


def test_greetings_from_the_company_stays_under_the_salutation() -> None:
    draft = ("Dear Mr. Iyer,\n\nGreetings from Lakeview Clinic.\n\nWe deeply regret the inconvenience caused. Your refund "
             "of Rs. 2,000 will be processed immediately.\n\nWarm regards,\nDr. P. Rao\nLakeview Clinic")
    rewrite = coach.rewrite(draft, customer="I waited 3 hours for my scan and then it was cancelled.").rewrite
    assert rewrite.startswith("Dear Mr. Iyer,\n\nGreetings from Lakeview Clinic."), rewrite
