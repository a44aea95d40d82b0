"""Shapes from development set cm (50 drafts by a helper, stop 46; a second helper read the session-start rewrites as
a reviewer would). Each draft is written for this file, in other words than the set's."""

from __future__ import annotations

from coach import Coach
from coach._core.text import split_sentences
from coach._engines.offline.restate import restate_problem

coach = Coach(engine="offline")


def _rules(text: str, customer: str | None = None) -> set[str]:
    return {f.rule for f in coach.check(text, customer=customer).findings if f.blocking}


def test_a_gas_smell_is_not_waved_away_beside_the_emergency_step() -> None:
    customer = "There's a smell of gas by the boiler cupboard at 3 Elm Row and it's getting stronger."
    draft = "Thanks for getting in touch. A slight gas smell is usually harmless and often comes from the drains."
    result = coach.rewrite(draft, customer=customer)
    assert "harmless" not in result.rewrite and "emergency" in result.rewrite, result.rewrite


def test_a_brake_failure_gets_no_review_request_or_service_survey() -> None:
    customer = "My brakes failed on the ring road yesterday, a day after your garage fitted new discs. Job 5521."
    draft = ("Thanks for your feedback! We're sorry to hear you weren't happy with your recent service. Please pop in "
             "next week and we'll take a look. If you have a moment, please leave us a review on Trustpilot!")
    result = coach.rewrite(draft, customer=customer)
    for said in ("weren't happy", "review", "pop in"):
        assert said not in result.rewrite, result.rewrite
    assert "don't drive" in result.rewrite, result.rewrite


def test_an_injury_is_not_answered_with_an_assurance_that_the_product_is_safe() -> None:
    customer = "The leg of your folding chair snapped and my son cut his hand badly. Order 88120."
    draft = "Thanks for letting us know. Rest assured this is a one-off and the chair is perfectly safe."
    result = coach.rewrite(draft, customer=customer)
    assert "one-off" not in result.rewrite and "perfectly safe" not in result.rewrite, result.rewrite


def test_threats_at_the_door_are_harassment_and_not_a_neighbour_dispute() -> None:
    customer = ("The man in flat 2 keeps making threats at my door and last night he kicked the door in. I don't feel "
                "safe in my own home.")
    draft = ("Neighbour disputes are usually best resolved between the parties involved. Have you tried talking to your "
             "neighbour about it?")
    result = coach.rewrite(draft, customer=customer)
    assert "police" in result.rewrite, result.rewrite
    assert "best resolved between" not in result.rewrite and "Have you tried" not in result.rewrite, result.rewrite


def test_a_ride_harassment_report_is_not_shared_with_the_driver_as_feedback() -> None:
    customer = "Your driver on trip TR-5520 kept messaging me after the ride and turned up at my work."
    draft = ("Thanks for your feedback! We'll share your comments with the driver so they can improve. We hope to see you "
             "again soon!")
    result = coach.rewrite(draft, customer=customer)
    assert "share your comments" not in result.rewrite and "see you again" not in result.rewrite, result.rewrite


def test_what_went_right_is_not_the_problem_said_back() -> None:
    said = restate_problem("The clutch pedal stuck to the floor on the bypass with my dog in the back. I managed to get "
                           "onto the hard shoulder but I'm still shaking. Job 4410.")
    assert said is None or "managed" not in said, said


def test_who_the_customer_is_is_not_what_they_are_sorry_for() -> None:
    said = restate_problem("The lift in my block has been out for a month. I'm a council tenant and I need a ground "
                           "floor flat, I can't get my shopping up the stairs.")
    assert said is None or "tenant" not in said, said


def test_running_the_company_down_in_other_words_is_pity() -> None:
    assert "pity" in _rules("Our delivery drivers have been so careless. I'll send a new lamp today.")
    assert "pity" in _rules("This is the fourth complaint like this we've had today. I'll send a new lamp.")
    assert "pity" in _rules("Our support team let you down very badly. I'll call you at 4pm.")
    assert "pity" in _rules("ugh that really sucks 😩 DM us your order number")


def test_hopefully_typed_fast_is_still_a_hope() -> None:
    assert "vague-effort" in _rules("Thanks for flagging. Hopefuly the next version sorts it out.")


def test_an_hour_keeps_its_stop_before_the_update() -> None:
    result = coach.rewrite("Thanks for the photos. We will definitely deliver a new sofa tomorrow, guaranteed before 10 a.m.")
    assert "10 a.m." in result.rewrite and "a.m;" not in result.rewrite, result.rewrite


def test_a_time_zone_stays_with_its_hour() -> None:
    assert [s.text for s in split_sentences("It will land by 6 p.m. CET tomorrow.")] == ["It will land by 6 p.m. CET tomorrow."]


def test_everything_possible_to_have_it_resolved_is_no_action() -> None:
    result = coach.rewrite("Dear Mr Hale, we will endeavour to do everything possible to have the matter resolved at the "
                           "earliest opportunity.")
    assert "everything possible" not in result.rewrite, result.rewrite


def test_an_outcome_said_as_guaranteed_is_a_promise_and_is_checked_instead() -> None:
    assert "broken-promise" in _rules("Kindly note that your refund of Rs. 1,250 is guaranteed.")
    assert "broken-promise" not in _rules("A refund is guaranteed only if the item is returned unused.")
    result = coach.rewrite("Dear Sir, kindly note that your refund of Rs. 1,250 is guaranteed and will be credited to your "
                           "account within 48 hours.")
    assert "guaranteed" not in result.rewrite and "Rs. 1,250" in result.rewrite, result.rewrite


def test_no_acknowledgement_splices_a_thanks_or_its_reason_onto_what_is_said_back() -> None:
    # "I'm sorry to hear that you've been charged a £35 fee but your salary went in that morning, and thank you for
    # telling us": what is said back has its own "and" and "but"; the sentence ends after it
    from coach._core.situations import _load

    for case in _load():
        for line in case.acknowledge:
            assert "{p}, and" not in line, (case.name, line)


def test_a_refusal_to_discuss_it_further_goes_when_the_reply_is_fixed() -> None:
    result = coach.rewrite("Hello, sorry for any inconvenience. Overdraft limits are reviewed regularly. We are unable to "
                           "discuss this further.", customer="Why did you cut my overdraft limit to £200 without warning?")
    assert "unable to discuss" not in result.rewrite, result.rewrite


def test_a_road_name_shortened_before_a_new_sentence_ends_it() -> None:
    said = [s.text for s in split_sentences("A burst main on Kings Rd. Water will be back by 4pm.")]
    assert said == ["A burst main on Kings Rd.", "Water will be back by 4pm."], said
    assert len(split_sentences("The office at 3 High St. Mary will help.")) == 1  # (a saint, or a street: one sentence)
