"""Stop 49: what an offline rewrite says of the policy. A plain grant is said once; a limit (a cap, a window, an
approval, an exception) is the team's to apply and is not pasted into the reply. Drafts written for these tests."""

from __future__ import annotations

from coach import Coach, Policy

coach = Coach()


def test_a_plain_grant_is_one_a_customer_may_read_and_a_limit_is_not() -> None:
    policy = Policy(commitments=["Refunds are issued within 5-7 business days.", "Loyalty points expire after 2 years."])
    assert policy.plain_grant("Refunds are issued within 5-7 business days.")
    for line in ("Goodwill vouchers are capped at £10 per order.", "Upgrades need a supervisor's approval.",
                 "Returns are accepted within 28 days of delivery.", "Courtesy cars may be offered, subject to availability.",
                 "Agents must not discuss other customers' accounts.", "Sale items cannot be refunded."):
        assert not Policy(commitments=[line]).plain_grant(line), line


def test_a_grant_another_line_makes_conditional_is_not_plain() -> None:
    lines = ["Monthly plans are refunded only within 7 days of the first charge.", "Refunds are issued within 5 days."]
    assert not Policy(commitments=lines).plain_grant(lines[1])
    # a cap elsewhere leaves a grant as it is
    lines = ["A late delivery earns a £5 voucher.", "Vouchers above £20 need a manager's approval."]
    assert Policy(commitments=lines).plain_grant(lines[0])


def test_a_cap_is_not_pasted_and_the_rewrite_waits_for_a_person() -> None:
    policy = ["Goodwill vouchers are capped at £10 per order."]
    draft = "Hi Marta, thanks for your patience. I've added a £35 voucher to your account for the mix-up."
    result = coach.rewrite(draft, customer="You sent me the wrong size trainers, order TR-4410.", policy=policy)
    assert "capped" not in result.rewrite and "I've added a £35 voucher" not in result.rewrite, result.rewrite
    assert "£35" not in result.rewrite and result.passed is None, result.rewrite  # (a sum she was never offered)


def test_a_timeline_grant_replaces_a_faster_promise() -> None:
    policy = ["Refunds are issued within 5-7 business days."]
    draft = "Thanks for sending the bike seat back, Omar. Your refund will be on your card by tomorrow morning."
    result = coach.rewrite(draft, customer="I returned the bike seat last week, order BS-220. Where's my money?",
                           policy=policy)
    assert "Refunds are issued within 5-7 business days." in result.rewrite, result.rewrite
    assert "by tomorrow morning" not in result.rewrite or "update" in result.rewrite, result.rewrite


def test_a_timeline_beside_an_only_line_on_the_same_topic_is_not_said() -> None:
    policy = ["Yearly plans are refunded only within the first 10 days.", "Refunds are issued within 5-7 business days."]
    draft = "No problem, Ines. I'll refund the whole £96 and you'll have it back within 24 hours."
    result = coach.rewrite(draft, customer="I paid £96 for the year in January and want out now, it's April.",
                           policy=policy)
    assert "Refunds are issued" not in result.rewrite and "only within" not in result.rewrite, result.rewrite
    assert "how that applies" not in result.rewrite and "£96" in result.rewrite, result.rewrite


def test_an_approval_line_is_not_said_to_the_customer() -> None:
    policy = ["Bill credits over £15 need a team leader's approval."]
    draft = "Thanks for flagging the outage on Fen Road, Priya. I've added a £50 credit to your account."
    result = coach.rewrite(draft, customer="Our broadband was down for four days on Fen Road.", policy=policy)
    assert "approval" not in result.rewrite and "I've added a £50 credit" not in result.rewrite, result.rewrite
    assert "team leader to review a £50 credit" in result.rewrite and result.passed is None, result.rewrite


def test_a_line_that_was_the_whole_answer_leaves_the_agents_step() -> None:
    policy = ["Returns are accepted within 28 days of delivery.", "Items marked Final Sale cannot be returned or refunded."]
    draft = ("Hi Ava, thanks for getting in touch about the linen shirt from order 7741. That's fine, pop it in the post "
             "with the returns slip and we'll refund you in full when it gets here.")
    result = coach.rewrite(draft, customer="I bought a linen shirt (order 7741) in your end-of-season final sale and it's "
                           "too small. Can I send it back for a refund?", policy=policy)
    assert "28 days" not in result.rewrite and "Final Sale" not in result.rewrite, result.rewrite
    assert "we'll refund you" not in result.rewrite and "order 7741" in result.rewrite, result.rewrite
    assert "I'll check what our policy allows here and let you know." in result.rewrite and result.passed is None


def test_a_line_that_keeps_a_figure_of_the_draft_stays() -> None:
    policy = ["Returns are accepted within 30 days of delivery.", "Exceptions need a team lead's approval."]
    draft = "Hi Dev, as a thank-you for being with us so long I've approved the return even though it's past 30 days."
    result = coach.rewrite(draft, customer="Can I still return the lamp? I got it in March.", policy=policy)
    assert "30 days" in result.rewrite, result.rewrite  # (the draft's "30 days" survives in the line)


def test_a_no_in_the_teams_voice_is_said() -> None:
    policy = ["Do not promise a callback time."]
    draft = "Thanks for calling about the leak, Sam. A plumber will ring you back within the hour, promise."
    result = coach.rewrite(draft, customer="Water is coming through my ceiling, flat 4B.", policy=policy)
    assert "Do not promise" not in result.rewrite and "promise." not in result.rewrite, result.rewrite


def test_a_promise_spelt_as_the_agent_typed_it_is_checked_without_the_intensifier() -> None:
    result = coach.rewrite("Hi Maya, your parcel will definately be with you by Saturday, don't worry!",
                           customer="My parcel (order 5521) hasn't moved since Monday and it's a present for Saturday.")
    assert "definately" not in result.rewrite and "Saturday" in result.rewrite, result.rewrite
    result = coach.rewrite("Thanks for waiting, Jo. Your scan results will be totally fine, I'm sure.",
                           customer="I had a scan two weeks ago at the Elm Street clinic and still have no results.")
    assert "totally" not in result.rewrite and "can be fine" not in result.rewrite, result.rewrite


def test_a_cap_whose_figures_only_look_like_the_drafts_is_not_kept_for_them() -> None:
    policy = ["Delay compensation is capped at €250 for flights under 1,500 km."]
    draft = ("Hi Aoife, sorry about the wait. As a gesture we'll pay you €400 cash compensation plus €100 towards the "
             "taxi, you'll have it by Friday.")
    result = coach.rewrite(draft, customer="Flight EI 62 to Lyon was 5 hours late and I missed my meeting.", policy=policy)
    assert "capped" not in result.rewrite and "That means" not in result.rewrite, result.rewrite  # ("1" of "1,500"
    # is in "€100", but it is no figure of the draft's)


def test_a_no_that_carries_an_order_to_the_team_is_not_said() -> None:
    policy = ["Do not offer vouchers or free meals; escalate to a supervisor if the customer asks for more than a refund."]
    draft = "Hi Sam, so sorry about the missing curry! I've refunded the £14.20 and added a £30 voucher for next time."
    result = coach.rewrite(draft, customer="Order 5512 from Curry Hut came without the chicken madras.", policy=policy)
    assert "escalate" not in result.rewrite and "supervisor if you ask" not in result.rewrite, result.rewrite


def test_a_time_to_wait_is_a_grant_and_a_condition_in_the_subject_is_a_limit() -> None:
    for line in ("Refunds are processed within 3 days of receipt of the returned item.", "Claims are decided within 10 "
                 "working days.", "Refunds take up to 10 business days to appear.", "Refunds can be expected within 5 days.",
                 "Missed deliveries: R100 voucher on the next order."):
        assert Policy(commitments=[line]).plain_grant(line), line
    for line in ("Orders placed before 2pm are dispatched the same day.", "Premium members get free next-day delivery.",
                 "Flights over 3 hours late earn £220 compensation.", "Free returns for 30 days.",
                 "Price matches are honoured within 7 days of purchase."):
        assert not Policy(commitments=[line]).plain_grant(line), line
    lines = ["Gift cards are not refundable unless faulty.", "Refunds are issued within 5-7 business days."]
    assert Policy(commitments=lines).plain_grant(lines[1])  # (a "no" about gift cards leaves refunds as they are)


def test_a_check_that_pointed_at_a_line_held_back_names_the_policy() -> None:
    policy = ["Refunds are issued within 5-7 business days, only after the return is inspected."]
    result = coach.rewrite("You'll get the £75 refund within 24 hours.", customer="I returned order 9921 on Monday.",
                           policy=policy)
    assert "how that applies" not in result.rewrite and "only after" not in result.rewrite, result.rewrite


def test_a_line_against_a_grant_the_draft_still_makes_stays() -> None:
    result = coach.rewrite("The courier will leave it on the doorstep, no signature needed.",
                           customer="I won't be in on Friday for my TV delivery.", policy=["Deliveries need a signature."])
    assert "Deliveries need a signature." in result.rewrite and result.passed is not True, result.rewrite


def test_a_line_held_back_leaves_the_reply_its_own_step() -> None:
    result = coach.rewrite("Your order will ship today, guaranteed.", customer="I ordered at 6pm, when will it ship? "
                           "Order 55102.", policy=["Orders placed before 2pm are dispatched the same day."])
    assert "before 2pm" not in result.rewrite and "guaranteed" not in result.rewrite, result.rewrite
    assert "order 55102" in result.rewrite and result.passed is None, result.rewrite


def test_a_legitimate_waiver_does_not_bring_back_a_refusal_line() -> None:
    policy = ["Refunds for non-refundable fares are not permitted.", "Rebooking fees may be waived once for medical reasons."]
    draft = ("Thank you for telling us, and I hope your recovery goes well. Because this is for medical reasons, I can waive "
             "the rebooking fee once on booking ZX4410 if you send a doctor's note, and I guarantee your refund today.")
    result = coach.rewrite(draft, customer="I broke my leg and can't fly on Friday (booking ZX4410). Can I get a refund?",
                           policy=policy)
    assert "are not permitted" not in result.rewrite and "guarantee" not in result.rewrite, result.rewrite


def test_a_kept_sentence_that_pointed_at_one_cut_is_left_for_a_person() -> None:
    customer = "Invoice INV-3310 charges us £1,640 instead of the quoted £1,240."
    draft = ("Dear Prof. Lind,\n\nThank you for flagging the error on your invoice. I honestly cannot believe our events "
             "team has made such a basic mistake again. I have asked them to reissue invoice INV-3310 for £1,240.00 "
             "today.\n\nKind regards,\nAmara")
    result = coach.rewrite(draft, customer=customer)
    assert "cannot believe" not in result.rewrite and "I have asked them to reissue" in result.rewrite, result.rewrite
    assert result.passed is None and any("asked them" in line for line in result.review), result.review
    edited = coach.rewrite(draft.replace("cannot believe our events team has made such a basic mistake again",
                                         "can't believe our events team got your invoice wrong yet again"), customer=customer)
    assert not any("asked them" in line for line in edited.review), edited.rewrite  # ("Our events team got ...": said)


def test_a_sum_only_the_draft_offered_is_not_declined_to_the_customer() -> None:
    policy = ["Goodwill vouchers for delays are capped at £30 per passenger."]
    draft = "Hi Ken, sorry about the 5-hour wait at Leeds. I've added a £250 goodwill voucher for each of you."
    result = coach.rewrite(draft, customer="Our coach from Leeds was 5 hours late.", policy=policy)
    assert "£250" not in result.rewrite and "I'll check what I can offer you" in result.rewrite, result.rewrite
    assert result.passed is None and not any("250" in problem for problem in result.review), result.review
    asked = coach.rewrite(draft, customer="Our coach from Leeds was 5 hours late. I want £250 each.", policy=policy)
    assert "£250" in asked.rewrite, asked.rewrite  # (a sum the customer asked for is answered)


def test_the_guard_lets_an_unoffered_sum_go_and_keeps_every_other() -> None:
    from coach._core.guard import offered_beyond
    from coach._core.policy import Policy as CorePolicy
    policy = CorePolicy(commitments=["Goodwill vouchers are capped at £30."])
    draft = "I've added a £90 voucher to your account. Your order 5521 cost £64.99."
    assert offered_beyond(draft, policy, "My order was late.") == {"£90"}
    assert offered_beyond(draft, policy, "My order was late, I want £90.") == set()
    assert offered_beyond(draft, CorePolicy(), "My order was late.") == set()


def test_a_verb_left_without_its_subject_by_a_promise_that_went_is_not_a_sentence() -> None:
    draft = ("Hi Nell, thanks for flagging the double booking. I've asked our front desk to check the system today, and "
             "once they confirm I'll refund the second night to your card and email you.")
    result = coach.rewrite(draft, customer="I was charged twice for the night of 3 May, booking RM-5521.")
    assert "Email you." not in result.rewrite and ". email you" not in result.rewrite.lower(), result.rewrite


def test_money_the_customer_is_owed_back_is_never_an_unoffered_sum() -> None:
    from coach._core.guard import offered_beyond
    from coach._core.policy import Policy as CorePolicy
    policy = CorePolicy(commitments=["Compensation above £50 needs manager approval."])
    assert offered_beyond("We'll reimburse the £230 hotel bill and add £100 compensation.", policy,
                          "I had to pay for a hotel.") == {"£100"}
    assert offered_beyond("I've added a £90 goodwill voucher.", policy, "I want 90 pounds back.") == set()
    assert offered_beyond("I've added a €50 voucher.", policy, "I want EUR 50 for this.") == set()
    result = coach.rewrite("We'll reimburse the £230 hotel bill and add £100 compensation.",
                           customer="Your cancelled flight meant I had to pay for a hotel.",
                           policy=["Compensation above £50 needs manager approval."])
    assert "£230" in result.rewrite, result.rewrite


def test_a_they_named_anywhere_in_the_reply_is_no_orphan() -> None:
    from coach._core.guard import orphaned
    draft = "Thanks for the photos of the two mugs. Sorry about that. They will be replaced this week."
    assert orphaned(draft, "Thanks for the photos of the two mugs. They will be replaced this week.") == []
    draft = "Ugh, the courier has messed up again, typical. I have reported it to them today."
    assert orphaned(draft, "I have reported it to them today.") == ["I have reported it to them today."]


def test_a_later_line_that_spends_an_unoffered_sum_goes_with_it() -> None:
    draft = ("Hi Jo, sorry about the late parcel. I've added a £80 voucher to your account for the trouble. You can use "
             "the £80 voucher on any order.")
    result = coach.rewrite(draft, customer="My parcel (order 7731) arrived a week late.",
                           policy=["Goodwill vouchers are capped at £30."])
    assert "£80" not in result.rewrite and "I'll check what I can offer you" in result.rewrite, result.rewrite


def test_a_draft_cut_off_after_a_preposition_is_never_passed_as_it_is() -> None:
    result = coach.rewrite("Thank you for. the parcel 7710 we sent. Please DM us.")
    assert result.rewrite.startswith("Thank you for. the parcel") and result.passed is None, (result.rewrite, result.passed)
    assert "Thank you for." in result.review
    assert coach.rewrite("Thanks for getting in touch. I've sent the label to your email.").passed is True
