"""Stop 54: shapes blind reviewers of sets de and df marked garbled or unsendable, each in drafts written here.

A line said twice once the coach had said the case back or added its own look, an "it" left pointing at an apology that
went, "that sounds awful" kept as the agent's dismay, and a bare "we're looking into it" passed as the reply's only step.
"""

from __future__ import annotations

from coach import Coach

coach = Coach()


def _rules(text: str, customer: str | None = None) -> set[str]:
    return {f.rule for f in coach.check(text, customer=customer).findings if f.blocking}


# --- a line said twice ----------------------------------------------------------------------------------------------

def test_i_can_see_you_cancelled_goes_once_the_cancellation_is_said_back():
    result = coach.rewrite(
        "Hi Tomasz,\n\nSorry for any confusion. I can see you cancelled. You'll definitely have the £35.98 back "
        "tomorrow.\n\nCheers,\nElin",
        customer="I cancelled my Lumio gym membership on 2 June (ref LG-4471) but I was charged £17.99 on 1 July and "
                 "again on 1 August. Please refund both.")
    assert "you cancelled your Lumio gym membership" in result.rewrite, result.rewrite
    assert "I can see you cancelled." not in result.rewrite, result.rewrite
    assert "£35.98" in result.rewrite


def test_seeing_the_order_on_our_system_goes_once_the_order_is_said_back():
    result = coach.rewrite(
        "Hello,\n\nSo sorry for the mix-up. I can see the order on our system. We will get the right boots to you before "
        "Saturday, I promise.\n\nOrders Team",
        customer="I ordered walking boots in a size 6 (order 71-44820) and received a size 9. I need them for Saturday.")
    assert "you ordered walking boots in a size 6" in result.rewrite, result.rewrite
    assert "on our system" not in result.rewrite, result.rewrite


def test_a_sentence_that_adds_its_own_fact_stays_after_the_restatement():
    result = coach.rewrite(
        "Hello,\n\nSo sorry for the mix-up. I can see the order was packed on 3 May. We will get the right boots to you "
        "before Saturday, I promise.\n\nOrders Team",
        customer="I ordered walking boots in a size 6 (order 71-44820) and received a size 9. I need them for Saturday.")
    assert "I can see the order was packed on 3 May." in result.rewrite, result.rewrite


def test_a_typed_look_after_a_concrete_apology_goes_for_the_coachs_own():
    result = coach.rewrite("@mo_eats sorry for the wait!! were lookin into it 🍔 #BurgerBarn",
                           customer="@BurgerBarn ordered at 7.10, now 8.40 and the app still says 'cooking' order #BB-5530")
    assert "lookin" not in result.rewrite, result.rewrite
    assert "Sorry for the wait!!" in result.rewrite and "#BB-5530" in result.rewrite, result.rewrite


def test_a_bland_apology_with_a_bare_look_after_its_face_goes_whole():
    result = coach.rewrite("@kat_r ugh sorry about that 😩 we're looking into it! hopefully back soon #NovaCares",
                           customer="@NovaFibre internet down AGAIN in Cardiff CF24 since 8am, I work from home ffs")
    assert "we're looking into it" not in result.rewrite, result.rewrite
    assert "sorry about that" not in result.rewrite.lower(), result.rewrite
    assert result.passed is not True


# --- an "it" whose apology went ---------------------------------------------------------------------------------------

def test_raised_it_becomes_raised_this_when_the_apology_before_it_went():
    result = coach.rewrite(
        "Hi, I'm sorry to hear about this. I have passed it to our billing team. You'll definitely get the £62.10 back by "
        "Monday.",
        customer="There's a £62.10 data charge on my bill for Portugal but I bought your travel pass before I went.")
    assert "passed this to our billing team" in result.rewrite, result.rewrite


def test_raised_it_stays_when_the_sentence_before_it_stays():
    result = coach.rewrite(
        "Hi, the £62.10 data charge is a mistake. I have passed it to our billing team. You'll definitely get it back by "
        "Monday.",
        customer="There's a £62.10 data charge on my bill for Portugal but I bought your travel pass before I went.")
    assert "passed it to our billing team" in result.rewrite, result.rewrite


# --- dismay -----------------------------------------------------------------------------------------------------------

def test_that_sounds_awful_is_the_agents_dismay():
    assert "pity" in _rules("Omg that sounds awful!! DM us your booking ref.")
    assert "pity" in _rules("That sounds terrible, I'm sorry your coach was cancelled.")


def test_it_sounds_awful_of_a_speaker_is_not_pity():
    assert "pity" not in _rules("If it sounds awful after the update, reset the equaliser under Settings > Sound.")


# --- a look with nothing of what comes of it --------------------------------------------------------------------------

def test_a_bare_look_is_a_vague_effort_but_a_look_with_a_time_is_not():
    assert "vague-effort" in _rules("We are looking into your account.")
    assert "vague-effort" in _rules("Hi Jo, we're aware of problems with the app and are working on it.")
    assert "vague-effort" not in _rules("We're looking into it and will update you by 5pm today.")
    assert "vague-effort" not in _rules("Our engineers are looking into the fault on the Leeds line.")


def test_a_bare_look_alone_gives_way_to_the_coachs_own_step():
    result = coach.rewrite("We're aware of problems with the app and are working on it.",
                           customer="Your app freezes every time I open my payslips. Samsung S22, since Tuesday.")
    assert "working on it" not in result.rewrite and "I'll check this now" in result.rewrite, result.rewrite
    assert result.passed is not True


def test_a_bare_look_beside_another_step_says_when_the_customer_hears_back():
    result = coach.rewrite("Hello,\n\nThank you for your message.\n\nOur IT team is looking into it. Please try again "
                           "later.\n\nKind regards,\nRiverside Clinic Reception",
                           customer="I can't log in to the patient portal to book my blood test, it says error 503.")
    assert "Our IT team is looking into it, and I'll update you as soon as I know more." in result.rewrite, result.rewrite


def test_a_bare_look_goes_where_the_reply_says_when_already():
    result = coach.rewrite(
        "Hi Ravi, apologies for the frustration. Our technicians are working on it. We'll keep you updated by text.",
        customer="The fibre in our street in Hove has been down since Saturday and I work from home.")
    assert "working on it" not in result.rewrite, result.rewrite
    assert "We'll keep you updated by text." in result.rewrite, result.rewrite


def test_a_bare_look_beside_a_promise_leaves_one_update():
    result = coach.rewrite("Hi Jen, sorry for any trouble. We're looking into it and the fee will be refunded, guaranteed.",
                           customer="You charged me a £15 late fee on my March bill but I paid on the 2nd.")
    assert "looking into it" not in result.rewrite and "as soon as I know more" not in result.rewrite, result.rewrite


def test_a_vague_offer_after_a_question_is_not_turned_into_a_look():
    result = coach.rewrite("Hey! Which phone and app version are you on? We'll see what we can suggest /MK",
                           customer="the app won't play anything offline")
    assert "as soon as I know more" not in result.rewrite, result.rewrite


# --- the case said back in the right person --------------------------------------------------------------------------

def test_what_the_customer_was_told_the_company_had_is_said_back_as_ours():
    from coach._engines.offline.restate import restate_problem

    said = restate_problem("I booked a service for my Polo at your Leeds branch for 8am today, drove 30 minutes and was "
                           "told you had no record of it.")
    assert said is not None and "were told we had no record of it" in said, said


def test_an_elided_subject_after_a_place_keeps_was_where_it_is_not_the_customers():
    from coach._engines.offline.restate import restate_problem

    said = restate_problem("My parcel was left at the wrong house and was never found.")
    assert said is None or "were never found" not in said, said


# --- dismay in chat, and the "too" of a line that went ---------------------------------------------------------------

def test_gutted_for_u_is_pity():
    assert "pity" in _rules("ugh we're gutted for u, DM us your booking ref")


def test_too_goes_with_the_line_it_echoed():
    result = coach.rewrite("Hi Sam, sorry for the trouble. I know how you feel. I know how you feel about the wait, too. We "
                           "will send a new sofa next week, guaranteed.",
                           customer="My sofa (order SF-2231) arrived with a torn cushion after I waited eight weeks for it.")
    assert "the wait, too" not in result.rewrite and "I know how you feel about the wait." in result.rewrite, result.rewrite


def test_too_of_something_else_stays():
    result = coach.rewrite("I understand. I understand you emailed our CEO too. We will fix it this week, guaranteed.",
                           customer="My dishwasher has leaked since the repair and I emailed you and your CEO.")
    assert "emailed our CEO too" in result.rewrite, result.rewrite


def test_too_stays_where_it_is_the_agents_own():
    result = coach.rewrite("I hear you, delays are the worst. I know how you feel, I commute too. If you resubmit, your "
                           "claim will definitely be approved this time.",
                           customer="My train was 80 minutes late and my Delay Repay claim was rejected.")
    assert "I commute too" in result.rewrite, result.rewrite


# --- a flat no beside the coach's own look ---------------------------------------------------------------------------

def test_a_flat_no_with_no_policy_behind_it_goes_for_the_look():
    result = coach.rewrite("Hi,\nWe apologise for the confusion. Please be advised that charges are non-refundable.\nRegards",
                           customer="I cancelled my Fitly Plus on 3 March but was charged £9.99 on 5 April and 5 May.")
    assert "non-refundable" not in result.rewrite, result.rewrite
    assert "I'll check" in result.rewrite or "I'm looking into" in result.rewrite, result.rewrite


def test_a_flat_no_stays_where_the_policy_says_so():
    result = coach.rewrite("Hi,\nWe apologise for the confusion. Please be advised that charges are non-refundable.\nRegards",
                           customer="I cancelled my Fitly Plus on 3 March but was charged £9.99 on 5 April and 5 May.",
                           policy=["Monthly charges are non-refundable once the month has started."])
    assert "non-refundable" in result.rewrite, result.rewrite


# --- the case said once ----------------------------------------------------------------------------------------------

def test_a_draft_that_names_the_case_by_its_figure_is_not_said_back_again():
    result = coach.rewrite("Hi Omar,\n\nThanks for getting in touch about the two $42 late fees. I'll try my best to get "
                           "them removed.\n\nBest,\nNina",
                           customer="I was charged two late fees of $42 last month because your autopay failed on the 1st.")
    assert "I see that" not in result.rewrite and "I can see that" not in result.rewrite, result.rewrite


def test_a_reference_alone_does_not_count_as_naming_the_case():
    result = coach.rewrite("Thanks for your message, Ms Byrne. I'm sorry about the delay to EI204. I can confirm you'll "
                           "receive €600 compensation, I've approved it now.",
                           customer="My flight EI204 from Dublin to Boston on 3 May was delayed 5 hours 10 minutes.")
    assert "5 hours 10 minutes" in result.rewrite, result.rewrite


def test_the_stolen_card_step_says_the_customers_part_and_ours_apart():
    result = coach.rewrite("Hi, sorry for any inconvenience. We'll look into it.",
                           customer="Someone has taken £1,900 out of my current account overnight in five card payments I "
                                    "didn't make.")
    assert "freeze the card" in result.rewrite, result.rewrite
    assert ", and I'm checking" not in result.rewrite and ", and I'll check the payments" not in result.rewrite, \
        result.rewrite


# --- brush-offs and denials ------------------------------------------------------------------------------------------

def test_a_wait_waved_away_as_normal_goes_from_a_reply_being_fixed():
    result = coach.rewrite("Hello,\n\nWe apologise for the inconvenience. Repairs can sometimes take longer than expected. "
                           "We appreciate your understanding.",
                           customer="My washing machine repair (job WM-5521) was booked six weeks ago and nobody has come.")
    assert "longer than expected" not in result.rewrite, result.rewrite


def test_a_motto_goes_from_a_reply_being_fixed_but_a_promise_of_a_time_does_not_count_as_one():
    result = coach.rewrite("@kim_b Hi Kim, sorry for the trouble. We always strive for excellence 🍕 #SliceCo",
                           customer="@SliceCo waited 70 mins at your Leeds store for order #3391 and the pizza was cold")
    assert "strive" not in result.rewrite, result.rewrite
    from coach._engines.offline.edits import deflects
    assert not deflects("We strive to reply within 24 hours, and I'll call you at 3pm.")


def test_brakes_that_grabbed_and_pulled_are_a_safety_case_and_the_denials_go():
    result = coach.rewrite(
        "Hi Mr Hale, new pads can take a while to bed in, so a bit of pulling is normal, it's probably just your driving "
        "style. There's nothing wrong with the work we did. Feel free to pop by if it keeps happening.",
        customer="Since your garage changed my brake pads yesterday the brakes grabbed and pulled hard right on the "
                 "motorway and I nearly crashed.")
    assert "don't drive the car" in result.rewrite, result.rewrite
    assert "driving style" not in result.rewrite and "nothing wrong" not in result.rewrite, result.rewrite
    assert "pop by" not in result.rewrite, result.rewrite


def test_a_reply_time_beside_a_gas_smell_is_for_once_it_is_safe():
    result = coach.rewrite("Thank you for contacting Northway Energy. I'm sorry to hear about this issue. A member of our "
                           "team will respond within 3-5 working days.",
                           customer="There's a strong smell of gas in my kitchen at 14 Birch Lane and the hob is off.")
    assert "Separately" not in result.rewrite, result.rewrite
    assert "Once everything has been made safe, a member of our team aims to respond within 3-5 working days." in \
        result.rewrite, result.rewrite


# --- a sum only the draft offered ------------------------------------------------------------------------------------

def test_a_credit_only_the_draft_offered_is_not_declined_to_the_customer():
    result = coach.rewrite("Thanks for telling us about the melted ice cream on order G-5512. I'll credit £30 to your "
                           "account right away to make up for it.",
                           customer="My grocery delivery (order G-5512) came 3 hours late and the ice cream had melted.",
                           policy=["Late-delivery credits are capped at £10 per order."])
    assert "£30" not in result.rewrite and "can't offer" not in result.rewrite, result.rewrite
    assert result.passed is not True


def test_kindly_do_the_needful_says_the_step_plainly_or_goes():
    result = coach.rewrite("Dear Sir,\nWe regret the inconvenience caused. Kindly do the needful by restarting the router "
                           "and try again. Our team will resolve it within 24 hours.\nRegards,\nNetFast Support",
                           customer="My broadband has been dropping every evening since Monday, account NF-22190.")
    assert "needful" not in result.rewrite and "Please start by restarting the router" in result.rewrite, result.rewrite
    result = coach.rewrite("Dear Mr Rao,\n\nThank you for contacting us. Seat change can be done. Kindly do the needful.\n\n"
                           "Regards\nSkyways Care",
                           customer="My seat on flight SW 118 (booking ref Q7PL2X) was changed to a middle seat without "
                                    "asking me and I paid for the window.")
    assert "needful" not in result.rewrite, result.rewrite


def test_a_look_beside_when_the_customer_hears_back_is_the_replys_step():
    draft = "Hi Chloe, thanks for flagging the £4.99 charge. We're looking into it. You'll get an email from us by 5pm today."
    result = coach.rewrite(draft, customer="I've been charged £4.99 for Premium but I never signed up.")
    assert result.rewrite == draft, result.rewrite
    draft = "Hi Fiona, we're aware of the power cut in EH1 and are working on it. Engineers expect power back by 9pm."
    assert "vague-effort" not in _rules(draft, "no power in Edinburgh EH1 since 4pm")


def test_what_the_agent_sees_of_the_money_stays_after_the_restatement():
    result = coach.rewrite("Hi Ruth, sorry for any inconvenience. I can see the refund on our system. I'll chase it up for you.",
                           customer="I returned my boots 3 weeks ago and I'm still waiting for the £89 refund.")
    assert "I can see the refund on our system." in result.rewrite, result.rewrite


def test_that_sounds_awful_because_of_a_setting_is_the_sound_not_dismay():
    assert "pity" not in _rules("That sounds awful because the EQ is set to 'Voice'. Please switch it to 'Standard'.")


# --- shapes from blind sets dg and dh, after their measurement --------------------------------------------------------

def test_a_refusal_beside_a_relocation_or_reschedule_exception_says_the_exception():
    result = coach.rewrite(
        "Hi Sam, unfortunately all contracts have a 24 month minimum term so we're unable to cancel before March. Thanks",
        customer="I'm relocating to Aberdeen for work next month and you have no gym within 60 miles of it. Can I cancel?",
        policy=["All contracts have a 24-month minimum term.",
                "Exception: members who move more than 25 miles from their nearest club may cancel with 30 days' notice."])
    assert "members who move more than 25 miles" in result.rewrite, result.rewrite
    assert result.passed is not True
    result = coach.rewrite(
        "Hi Jo,\n\nAs per our terms all tickets are non-refundable. Your tickets remain valid for the new date.\n\nThanks",
        customer="You announced the concert has been moved to 3 November and I'm away then. Can I get my £96 back?",
        policy=["Tickets are non-refundable.",
                "Exception: if an event is rescheduled, ticket holders may request a full refund within 14 days."])
    assert "If an event is rescheduled" in result.rewrite, result.rewrite


def test_charges_said_to_be_final_go_beside_the_coachs_look():
    result = coach.rewrite("Dear Customer\n\nSorry for the confusion. Damage charges are final once processed, as stated in "
                           "the terms you signed.\n\nRegards\nDriveOn Claims",
                           customer="You charged my card €250 for a dent that was there when I collected the car (RA-5521); "
                                    "I have timestamped photos.")
    assert "final" not in result.rewrite, result.rewrite


def test_a_wait_the_customer_names_is_not_the_cases_reference():
    result = coach.rewrite("@kim_b Sorry for any inconvenience! 🍔 #BurgerBarn",
                           customer="@BurgerBarn 2h15 for a cold burger. order #B-4410. never again")
    assert "2h15 now" not in result.rewrite and "#B-4410" in result.rewrite, result.rewrite


def test_a_demand_that_goes_from_a_hardship_reply_brings_the_hardship_step():
    result = coach.rewrite(
        "Dear Sir/Madam,\n\nThank you for your email.\n\nAs instalments have been missed, the full balance of £540.00 is now "
        "due. Failure to pay will result in a liability order being sought.\n\nYours faithfully\n\nRevenues Team",
        customer="I lost my job in May and I've fallen behind on my council tax. I can pay something each month but not the "
                 "£540 all at once.")
    assert "liability order" not in result.rewrite and "payment plan" in result.rewrite, result.rewrite


def test_a_guarantee_of_what_was_just_rebooked_goes_and_the_booking_stays():
    result = coach.rewrite(
        "Hi Aoife, sorry the engineer didn't turn up on Monday. I've rebooked you for Friday 9th, 8am-1pm. The engineer "
        "will definitely be there this time, I guarantee it.",
        customer="Your engineer never came for my broadband install on Monday and I took the day off.")
    assert "I've rebooked you for Friday 9th, 8am-1pm." in result.rewrite, result.rewrite
    assert "definitely" not in result.rewrite and "whether the engineer" not in result.rewrite, result.rewrite


def test_by_monday_latest_stays_one_deadline():
    result = coach.rewrite("hi sorry for the delay, ur deposit will definately be back in ur account by monday latest",
                           customer="It's been 3 weeks and my £250 deposit still hasn't been released. Ref HL-3390.")
    assert "account latest" not in result.rewrite and "by monday at the latest" in result.rewrite, result.rewrite


def test_who_the_customer_is_and_how_they_feel_are_not_what_the_reply_is_sorry_for():
    from coach._engines.offline.restate import restate_problem

    said = restate_problem("I'm type 1 diabetic and my insulin delivery (order RX-5521) was supposed to arrive yesterday.")
    assert said is not None and not said.startswith("you're type 1 diabetic") and "insulin delivery" in said, said
    assert restate_problem("I've left my ex-partner and moved out. He is still on our account.") is None
    assert restate_problem("I'm shaking and I don't know who to trust any more.") is None
    assert restate_problem("Tags are still on and I've never worn it out.") is None
    said = restate_problem("I'm scared of getting disconnected with winter coming.")
    assert said is not None and "disconnected" in said, said


def test_a_bare_sorry_goes_once_the_coach_says_sorry_for_the_case():
    result = coach.rewrite("@ellie_makes oh no!! 😱 That's heartbreaking, poor you 😢 Sorry for the trouble xx ^Gem",
                           customer="@Kindred_Knits my wool scarf lost all its colour after one wash at 30 like the label "
                                    "says")
    assert "Sorry for the trouble" not in result.rewrite and "orry to hear that your wool scarf" in result.rewrite, \
        result.rewrite


def test_a_move_or_a_new_date_that_is_not_the_policys_exception_leaves_the_refusal():
    policy = ["All memberships have a 12-month minimum term.",
              "Exception: members who move more than 25 miles from their nearest club may cancel with 30 days' notice."]
    for customer in ("I'm moving to Vodafone because they're cheaper, can I cancel?",
                     "I'm not moving away or anything, I just don't use the gym. Can I cancel?"):
        result = coach.rewrite("Hi Sam, we're unable to cancel your membership before the end of the minimum term.",
                               customer=customer, policy=policy)
        assert "members who move" not in result.rewrite, result.rewrite
    result = coach.rewrite("Hi Jo, tickets are non-refundable. Thanks",
                           customer="The wedding fair has been moved to the smaller hall, same date. Can I get a refund?",
                           policy=["Tickets are non-refundable.",
                                   "Exception: if an event is rescheduled, ticket holders may request a full refund."])
    assert "If an event is rescheduled" not in result.rewrite, result.rewrite


def test_the_policys_own_line_said_by_the_coach_is_no_refusal_and_the_step_stays():
    result = coach.rewrite("Hi Jess, deposits are non-refundable unless we cancel the booking. Thanks, Lakeside Lodges",
                           customer="I was admitted to hospital with appendicitis and couldn't come. Booking LL-2291.",
                           policy=["Deposits are non-refundable.",
                                   "Exception: if a guest is hospitalised, the deposit is refunded with a discharge letter."])
    assert "LL-2291 now" in result.rewrite, result.rewrite


def test_a_draft_that_offers_a_plan_gets_no_second_plan():
    result = coach.rewrite("Hi Lina, we can set up a payment plan of £40 a month from 1 June. Failure to pay may result in "
                           "your supply being restricted. Thanks, AquaWater",
                           customer="I lost my job last month and I can't pay the £320 water bill in one go.")
    assert result.rewrite.count("payment plan") == 1 and "restricted" not in result.rewrite, result.rewrite


def test_a_final_decision_with_its_reason_or_a_grant_stays():
    result = coach.rewrite("Hi Greg, sorry for the trouble. Our decision is final, and your refund of £40 for the missing item "
                           "has been approved.",
                           customer="My order 55120 arrived with an item missing and the rest damaged. I want a full refund.")
    assert "£40" in result.rewrite, result.rewrite


def test_a_verb_straight_after_a_possessive_is_a_slip_and_no_pass():
    result = coach.rewrite("Thanks for reporting order 5521. Refund your has been processed to the card today.",
                           customer="Where is the refund for order 5521?")
    assert result.passed is None and "Refund your has been processed to the card today." in result.review, result
    good = coach.rewrite("Thanks for reporting order 5521. Your refund has been processed to the card today.",
                         customer="Where is the refund for order 5521?")
    assert good.passed is True, good
