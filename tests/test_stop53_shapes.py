"""Stop 53: shapes blind reviewers of sets dc and dd marked garbled or unsendable, each in drafts written here.

Restatements that said back more than the problem, a deadline cut in two, a slot offered before the safety step, brush-offs
kept, a refusal kept beside the policy's exception, and a promise kept because the sentence before it went.
"""

from __future__ import annotations

from coach import Coach
from coach._engines.offline.restate import restate_problem

coach = Coach()


def _rules(text: str, customer: str | None = None) -> set[str]:
    return {f.rule for f in coach.check(text, customer=customer).findings if f.blocking}


# --- restatements: the problem, not what came with it ---------------------------------------------------------------

def test_what_the_customer_did_about_it_is_not_said_back_after_sorry():
    said = restate_problem("My van was hit by a falling branch on 2 March in Leeds and I reported it to you on the 4th.")
    assert said == "your van was hit by a falling branch on 2 March in Leeds", said


def test_who_relies_on_the_supply_is_not_said_back_as_the_problem():
    said = restate_problem("The water has been off since 7 a.m. at 14 Mill Lane and my father relies on a dialysis machine.")
    assert said is not None and "father" not in said and "water has been off" in said, said


def test_a_request_to_freeze_gives_way_to_the_error_that_stopped_it():
    said = restate_problem("I've been trying to freeze my StudioFit plan for June because I'm moving house, but the app "
                           "keeps showing 'Error 409' every time I press Pause.")
    assert said is not None and said.startswith("the app keeps showing 'Error 409'"), said


def test_a_request_to_freeze_is_still_said_back_when_it_is_all_there_is():
    said = restate_problem("I asked your front desk on 3 May to freeze my membership while my broken wrist heals.")
    assert said is not None and "freeze your membership" in said, said


def test_a_pronoun_after_twice_has_nothing_to_point_at():
    said = restate_problem("Since the 3.1 update the app signs me out whenever I lock my phone. I've cleared the cache "
                           "twice and it's still happening.")
    assert said is None or "still happening" not in said, said


# --- a promise with "noon", and one after "and" -------------------------------------------------------------------

def test_a_deadline_at_noon_stays_whole_as_the_update_time():
    result = coach.rewrite("Thanks for your patience. Service will definitely be restored by 12 noon tomorrow.",
                           customer="There has been no internet at our office since 9 this morning.")
    assert "noon" in result.rewrite and "update you by 12." not in result.rewrite, result.rewrite
    assert "broken-promise" not in {f.rule for f in result.findings_after}, result.rewrite


def test_a_supply_promised_after_and_is_rewritten_not_left_in():
    result = coach.rewrite("Our crews are on site and supply will surely be restored by 6 p.m. today.",
                           customer="No water at all on Elm Street since last night.")
    assert "surely" not in result.rewrite and "whether Supply" not in result.rewrite, result.rewrite
    assert "broken-promise" not in {f.rule for f in result.findings_after}, result.rewrite


# --- a gas smell: the slot after the safety step ----------------------------------------------------------------

_GAS = "I can smell gas in the utility room at 8 Hale Road since your fitter left an hour ago."


def test_a_slot_offered_first_goes_after_the_safety_step():
    result = coach.rewrite("Hi Tom, apologies for any inconvenience! Our earliest engineer slot is Monday 8am-12pm, "
                           "want me to book it?", customer=_GAS)
    text = result.rewrite
    assert "Hi Tom, Once" not in text, text
    assert text.index("emergency line") < text.index("Monday 8am-12pm"), text
    assert "Once everything has been made safe, our earliest engineer slot is Monday 8am-12pm" in text, text


def test_a_team_member_in_touch_in_days_waits_until_it_is_safe():
    result = coach.rewrite("We have logged your report (ref 77-310), and a member of our support team will be in touch "
                           "within 2-4 working days.", customer=_GAS)
    assert "Once everything has been made safe, a member of our support team" in result.rewrite, result.rewrite
    assert "2-4 working days" in result.rewrite and "77-310" in result.rewrite, result.rewrite


# --- brush-offs ------------------------------------------------------------------------------------------------

def test_invoicing_called_confusing_goes_from_a_fixed_reply():
    result = coach.rewrite("I understand invoicing can be a bit confusing. The second charge will be refunded today.",
                           customer="You took £62.10 twice for my May invoice, account 5540-21.")
    assert "confusing" not in result.rewrite, result.rewrite


def test_a_loss_called_the_worst_goes():
    result = coach.rewrite("Sorry to hear that. I know how you feel, missing a connection is the worst. Your bags will "
                           "definitely be on the next flight.",
                           customer="My bag didn't come off flight TR 880 to Oslo and it has my insulin in it.")
    assert "the worst" not in result.rewrite, result.rewrite


def test_a_promise_to_do_better_next_time_goes():
    result = coach.rewrite("Sorry about that, we'll do better next time!",
                           customer="My gluten-free pizza from your Canal St branch (order 3302) came on a normal base "
                                    "and I was ill all night.")
    assert "next time" not in result.rewrite, result.rewrite


def test_the_person_reported_is_not_excused_to_someone_who_feels_unsafe():
    result = coach.rewrite("Oh no, that's awful! I'm sure she was just being friendly. I'll pass your comments on.",
                           customer="Your courier from Tuesday (order 55-19) keeps texting me and turned up at my door "
                                    "last night. I feel unsafe.")
    assert "just being friendly" not in result.rewrite, result.rewrite


def test_driving_on_gently_goes_beside_dont_drive():
    result = coach.rewrite("Hi Ms Lee, just take it easy on the motorway for the first few days. We'll check the pads "
                           "at your next service.",
                           customer="Two days after your garage replaced my brake pads the pedal went to the floor on the "
                                    "A34 and I nearly hit a lorry.")
    assert "take it easy" not in result.rewrite, result.rewrite


# --- a promise whose subject sentence came after a bare apology ---------------------------------------------------

def test_a_promise_after_a_bare_apology_is_checked_not_dropped():
    result = coach.rewrite("Dear Madam, please note your luggage is delayed. Apologies for the inconvenience caused. It "
                           "will be delivered to your address by tomorrow for sure.",
                           customer="My suitcase did not arrive on flight KL 1021 to Leeds yesterday.")
    assert "delivered to your address" in result.rewrite and "for sure" not in result.rewrite, result.rewrite


def test_a_bare_apology_alone_is_no_subject_for_what_follows():
    result = coach.rewrite("Sorry for the inconvenience caused. It will be with you by Friday for sure.",
                           customer="My order 4410 is a week late.")
    assert "Friday" in result.rewrite, result.rewrite


# --- a refusal beside the policy's exception -------------------------------------------------------------------

def test_a_charge_kept_beside_a_medical_waiver_is_said_as_the_rule_the_waiver_lifts():
    result = coach.rewrite("Hi Mr Obi, as you are cancelling within 24 hours of arrival, one night (£98) will be charged "
                           "in line with our terms.",
                           customer="I need to cancel booking RZ-4410 for tonight because I was admitted to hospital "
                                    "this afternoon. I can send the ward's letter.",
                           policy=["Cancellations within 24 hours of arrival are charged one night.",
                                   "The late-cancellation charge is waived for documented medical emergencies."])
    text = result.rewrite
    assert "one night (£98) would normally be charged" in text, text
    assert "but the late-cancellation charge is waived for documented medical emergencies." in text, text
    assert "will be charged" not in text and result.passed is not True, text


def test_a_return_refused_past_the_window_meets_the_faulty_item_exception():
    result = coach.rewrite("Hi Ana, unfortunately your order is past our 14-day return window, so we can't accept a "
                           "return.",
                           customer="My kettle from order 22-9081, bought in February, stopped working yesterday. Can I "
                                    "send it back?",
                           policy=["Returns are accepted within 14 days of delivery.",
                                   "Exception: faulty items can be returned for repair or replacement within 12 months."])
    text = result.rewrite
    assert "so we wouldn't normally accept a return, but faulty items can be returned" in text, text
    assert "Unfortunately" not in text and "14-day" in text, text


def test_a_line_that_refuses_as_well_is_not_joined_with_but():
    result = coach.rewrite("Unfortunately we're unable to refund or move a non-refundable booking.",
                           customer="My mother died on Sunday and I need to cancel booking HX-119. I have the death "
                                    "certificate.",
                           policy=["Non-refundable bookings cannot be refunded or moved, except where the guest provides a "
                                   "death certificate."])
    assert ", but non-refundable" not in result.rewrite and "wewouldn't" not in result.rewrite, result.rewrite


# --- the checker ---------------------------------------------------------------------------------------------------

def test_no_charge_promised_for_certain_is_a_broken_promise():
    assert "broken-promise" in _rules("Rest assured there will be absolutely no charge for the repair.")
    assert "broken-promise" not in _rules("There will be no charge for the first visit.")


# --- an agent's own garbled sentence is never passed ---------------------------------------------------------------

def test_words_out_of_order_in_the_draft_are_left_for_a_person():
    draft = "We the refund processed has been and I'll update you by Friday."
    result = coach.rewrite(draft, customer="My refund for order 5521 hasn't arrived.")
    assert result.passed is None and draft in result.review, (result.passed, result.review)


def test_a_verb_left_after_a_number_is_left_for_a_person():
    result = coach.rewrite("Thanks for flagging order 5521 is. I'm checking with the courier now and will update you by "
                           "5pm.", customer="Order 5521 never arrived.")
    assert result.passed is None and "Thanks for flagging order 5521 is." in result.review, result.review


def test_been_and_gone_is_no_slip():
    draft = ("Thank you for telling us the courier has been and gone without leaving order 5521. I've asked them to "
             "redeliver tomorrow, and I'll confirm the time by 5pm today.")
    result = coach.rewrite(draft, customer="The courier came while I was in and left nothing. Order 5521.")
    assert result.rewrite == draft and result.passed is True, (result.passed, result.review)


# --- a check that reads as a doubt -------------------------------------------------------------------------------

def test_money_to_be_seen_back_is_checked_on_not_doubted():
    result = coach.rewrite("I've refunded the duplicate £64 to your card and you'll see it in your account within 48 "
                           "hours.", customer="You charged me £64 twice for the same order, 88-1204.",
                           policy=["Refunds reach the customer within 5-7 business days."])
    assert "whether you can see" not in result.rewrite and "on the money" in result.rewrite, result.rewrite


def test_a_repair_someone_will_finish_is_checked_for_when():
    result = coach.rewrite("Thanks Priya. Our plumber will definitely have the leak fixed by tomorrow evening.",
                           customer="Water has been dripping through my kitchen ceiling at 4 Vine St since Sunday.")
    assert "when our plumber can have the leak fixed" in result.rewrite, result.rewrite


# --- a demand for money to someone who cannot pay -------------------------------------------------------------------

_CANT_PAY = "I was made redundant in March and I can't pay the £212 gas bill. I have two small children."


def test_a_demand_to_pay_goes_and_the_sum_stays():
    result = coach.rewrite("We understand. Please pay the outstanding balance of £212.00 to avoid further action.",
                           customer=_CANT_PAY)
    text = result.rewrite
    assert "Please pay" not in text and "further action" not in text and "£212.00" in text, text
    assert "payment plan" in text, text  # (the demand was no step: the situation's step comes in)


def test_a_due_date_said_as_a_reminder_becomes_what_the_agent_knows():
    result = coach.rewrite("Please note that payment of £212 is still due on 9 May. Failure to pay may result in your "
                           "supply being disconnected.", customer=_CANT_PAY)
    text = result.rewrite
    assert "I know payment of £212 is due on 9 May." in text and "Failure to pay" not in text, text
    assert "payment plan" in text, text


def test_pay_at_your_earliest_convenience_goes():
    result = coach.rewrite("Our records show your account is in arrears. Please make a payment at your earliest "
                           "convenience.", customer=_CANT_PAY)
    assert "earliest convenience" not in result.rewrite and "payment plan" in result.rewrite, result.rewrite


# --- restatements: what went wrong, said so ----------------------------------------------------------------------

def test_an_order_that_was_due_is_said_back_as_not_arrived():
    said = restate_problem("My order KD-5521 (a standing desk) was due on Monday 3 June. The tracking hasn't moved.")
    assert said == "your order KD-5521 didn't arrive on Monday 3 June", said


def test_a_charge_after_cancelling_is_said_back_not_the_proof():
    said = restate_problem("I cancelled my CineMax plan on 3 May but you've still charged me £12.99 on 15 May. I've got "
                           "the confirmation email right here.")
    assert said is not None and "still been charged £12.99" in said and "email" not in said, said


def test_the_stay_goes_and_the_double_charge_is_said_back():
    said = restate_problem("We stayed at your hotel from 1-3 June (booking ref. BR-7714) and my card has been charged "
                           "twice for the stay.")
    assert said is not None and said.startswith("your card has been charged twice"), said


def test_since_the_update_said_first_goes_last():
    said = restate_problem("Since the 2.4 update the Walletly app crashes whenever I open my cards.")
    assert said == "the Walletly app crashes whenever you open your cards since the 2.4 update", said


def test_broken_grammar_is_not_said_back_as_the_coachs_own():
    said = restate_problem("Hello, I have cancel my plan of CineMax on 02.03. and I have the mail of confirmation.")
    assert said is None or "have cancel" not in said, said


def test_what_is_at_stake_alone_is_seen_not_regretted():
    from coach._engines.offline.restate import own_doing
    assert own_doing("you need your March statement for a mortgage application due Friday")
    assert not own_doing("your electricity bill for April is £312.60 but your usual bill is about £90")


def test_a_bare_i_can_see_that_goes_from_a_fixed_reply():
    result = coach.rewrite("Hello Ana, I'm sorry about this. I can see that. The charge will be reviewed.",
                           customer="I cancelled on 28 January but you took €12.99 again on 1 February.")
    assert "I can see that." not in result.rewrite, result.rewrite


# --- "I can't believe we ..." said as a specific apology -----------------------------------------------------------

def test_disbelief_at_our_own_failure_becomes_a_specific_apology():
    result = coach.rewrite("Dear Mr Hale, I honestly cannot believe our driver missed your collection three times; it "
                           "is shameful. I'll pass this on.",
                           customer="Your driver has missed the collection of my old sofa three times now.")
    assert "I'm sorry that our driver missed your collection three times" in result.rewrite, result.rewrite
    assert "cannot believe" not in result.rewrite, result.rewrite


def test_disbelief_at_what_this_was_keeps_no_sorry_for_a_pointer():
    result = coach.rewrite("Hi there, I can't believe they didn't turn up again, to be frank. I'll pass this on.",
                           customer="Your fitter was booked for Tuesday 9-12 and never came, again.")
    assert "sorry that they" not in result.rewrite, result.rewrite


# --- after the helper's review (probes in /tmp/rev53, not in the repo) ---------------------------------------------

def test_off_work_is_no_problem_said_back():
    said = restate_problem("I've been off work since March. My refund hasn't arrived.")
    assert said is not None and "refund hasn't arrived" in said, said  # (as before stop 53)
    assert restate_problem("I've been off sick since Monday with my back, I'm on a pension.") is None


def test_a_cut_after_but_needs_what_it_points_at():
    said = restate_problem("I tried to use my voucher, but it was rejected at checkout.")
    assert said is not None and "voucher" in said, said
    said = restate_problem("I tried to return the dress in store, but the manager refused because the tag was missing.")
    assert said is None or "dress" in said, said


def test_proof_that_carries_the_complaint_is_said_back():
    said = restate_problem("I have the email saying my refund of £85 was approved, but nothing has arrived.")
    assert said is not None and "£85" in said, said


def test_a_noun_after_have_is_no_broken_grammar():
    said = restate_problem("My receipt has order number 5521 but you charged me for 5522 as well.")
    assert said is None or "5521" in said
    assert restate_problem("I have call logs showing I rang 14 times and nobody answered.") is not None


def test_a_due_date_with_more_after_it_stays_as_said():
    said = restate_problem("The delivery was due on Saturday and arrived on time in the wrong colour.")
    assert said is None or "didn't arrive" not in said, said


def test_a_charge_made_after_a_waiver_is_no_refusal():
    result = coach.rewrite("As you were admitted to hospital, I've waived the late-cancellation charge, and only the £5 "
                           "booking fee will be retained.",
                           customer="I need to cancel booking RZ-4410 for tonight because I was admitted to hospital "
                                    "this afternoon.",
                           policy=["Cancellations within 24 hours of arrival are charged one night.",
                                   "The late-cancellation charge is waived for documented medical emergencies."])
    assert "would normally" not in result.rewrite and "will be retained" in result.rewrite, result.rewrite


def test_a_change_of_mind_is_no_faulty_item():
    result = coach.rewrite("Hi Ana, unfortunately your order is past our 14-day return window, so we can't accept a "
                           "return.",
                           customer="I bought a jacket 20 days ago and I've changed my mind, it doesn't work with the rest "
                                    "of my wardrobe. Can I return it?",
                           policy=["Returns are accepted within 14 days of delivery.",
                                   "Exception: faulty items can be returned for repair or replacement within 12 months."])
    assert "faulty" not in result.rewrite, result.rewrite


def test_a_waiver_that_would_promise_cover_is_still_checked_whether():
    result = coach.rewrite("The repair centre will definitely have it repaired under warranty by Friday.",
                           customer="My laptop screen cracked within the warranty period.")
    assert "when the repair centre" not in result.rewrite, result.rewrite


def test_a_first_payment_for_a_plan_is_no_demand():
    result = coach.rewrite("Please make a payment of £15 today to start your payment plan.",
                           customer="I was made redundant in March and I can't pay the £212 gas bill.")
    assert "balance of £15" not in result.rewrite, result.rewrite


def test_instructions_after_tricky_stay():
    result = coach.rewrite("Sorry for any inconvenience caused. The setting can be tricky to find: go to Settings > "
                           "Privacy > Location and switch it off.",
                           customer="I can't find where to turn off location sharing in your app.")
    assert "Settings > Privacy > Location" in result.rewrite, result.rewrite


def test_where_an_order_is_and_been_and_fixed_are_no_slips():
    for draft in ("I'm sorry order 5521 hasn't reached you. I'm checking with the courier now to find out exactly where "
                  "order 5521 is. I'll update you by 5pm today.",
                  "I'm sorry the lift has been out of action for a week. The engineer has been and found a faulty control "
                  "board; the part arrives Thursday and I'll confirm the repair time by Wednesday."):
        result = coach.rewrite(draft, customer="Order 5521 never arrived and the lift in my building is broken.")
        assert not result.review, result.review


# --- after the de/df measurement (not judged again) ---------------------------------------------------------------

_BRAKES = "The day after your garage fitted new discs, the pedal went almost to the floor on the M5 and I nearly crashed."


def test_a_brake_failure_gets_no_blame_question_and_no_later_visit():
    result = coach.rewrite("Hi Ms Reid, were you braking too hard? If you want to bring it back next week we can have a "
                           "look. If it's still a problem in a fortnight just pop in.", customer=_BRAKES)
    text = result.rewrite
    assert "braking too hard" not in text and "next week" not in text and "pop in" not in text, text
    assert "don't drive" in text, text


def test_well_get_back_to_you_in_days_waits_until_the_gas_is_safe():
    result = coach.rewrite("Please raise a ticket on our website and we'll get back to you within 3-5 working days.",
                           customer="There's a strong smell of gas in my hallway at 4 Ash Lane.")
    assert "Once everything has been made safe, we'll get back to you within 3-5 working days." in result.rewrite, \
        result.rewrite


def test_a_letters_empty_opening_goes_from_a_fixed_reply():
    result = coach.rewrite("I am writing in response to your recent correspondence. Please accept our apologies for "
                           "this. I will look into it.",
                           customer="Your invoice charged me £185, but the treatment plan I signed quoted £95.")
    assert "writing in response" not in result.rewrite, result.rewrite


def test_end_of_story_goes_with_the_promise_it_vouched_for():
    result = coach.rewrite("Don't worry, your refund of £40 will definitely be back on your card by Friday, end of story.",
                           customer="I returned the boots on 2 May and still no refund of £40.")
    assert "end of story" not in result.rewrite and "£40" in result.rewrite and "Friday" in result.rewrite, result.rewrite


def test_the_period_of_a_cooling_off_period_stays():
    result = coach.rewrite("Your refund will definitely be processed within the 14-day cooling-off period.",
                           customer="I cancelled my contract on day 3 and want my £60 back.")
    assert "cooling-off period" in result.rewrite, result.rewrite
