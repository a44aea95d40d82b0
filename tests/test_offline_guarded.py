"""Issue 16: offline rewrites a team lead can send as they are. Every shape here was written for this test.

Titles and abbreviations do not end a sentence; greetings, @handles and signatures stay where they were; an edit
that reads worse is not made; a promise beyond the policy becomes the policy's line; grief, health, safety and
money get a tone of their own; nothing here comes back disfluent or with a false pass.
"""

from __future__ import annotations

import pytest
from offline_verdict import nothing_found, vouched

import coach._engines.offline.engine as engine
from coach._core.guard import disfluent, guard
from coach._core.policy import Policy
from coach._core.situations import situation
from coach._core.text import split_sentences
from coach._engines.offline.engine import rewrite_offline

FORMAL = [
    ("Dear Mrs. Haldane,\n\nSorry for the inconvenience. Your replacement kettle will definitely arrive tomorrow.\n\n"
     "Kind regards,\nTomasz\nCustomer Care", "My kettle from order KH-3310 leaks from the base.",
     ("Dear Mrs. Haldane,\n\n", "Kind regards,\nTomasz\nCustomer Care")),
    ("Dear Dr. Osei,\n\nThank you for your email. The St. Albans branch will call you at 4 p.m. today, guaranteed.\n\n"
     "Best regards,\nMarta Ruiz\nBranch Support",
     "Nobody at the St. Albans branch returned my call about my mortgage appointment.",
     ("Dear Dr. Osei,\n\n", "St. Albans", "4 p.m.", "Best regards,\nMarta Ruiz")),
    ("Hello Mr. Brandt, I'm so sorry for the trouble. We'll do our best to fix your U.S. account soon. -Dana",
     "My U.S. account still shows the old address after I changed it twice.", ("Hello Mr. Brandt, ", "-Dana")),
    ("@kellyb_93 Oh no, that is awful! We will get this sorted today, promise. ^RT",
     "my train pass (ref QP-2231) stopped working at the gates this morning", ("@kellyb_93 ", "^RT")),
]


@pytest.mark.parametrize(("draft", "customer", "kept"), FORMAL)
def test_layout_survives_and_the_rewrite_passes_honestly(draft, customer, kept):
    result = rewrite_offline(draft, customer)
    assert result.rewrite.startswith(kept[0])
    for piece in kept:
        assert piece in result.rewrite
    verdict = guard(draft, result.rewrite, customer, Policy())
    assert result.passed == vouched(verdict, result) and not verdict.disfluent, verdict.problems


@pytest.mark.parametrize(("text", "sentences"), [
    ("Dear Mr. Okoro, thank you. The St. Pauls office opens at 9 a.m. on Mon. Thanks!",
     ["Dear Mr. Okoro, thank you.", "The St. Pauls office opens at 9 a.m. on Mon.", "Thanks!"]),
    ("Which U.S. card do you hold? Please DM us.", ["Which U.S. card do you hold?", "Please DM us."]),
    ("Nobody has called me. I need it back!! Can you help?",
     ["Nobody has called me.", "I need it back!!", "Can you help?"]),
    ("[Note to the coach: add a voucher.] I've rebooked you.", ["[Note to the coach: add a voucher.]", "I've rebooked you."]),
    ("...possible. Thanks\nKind regards,", ["...possible.", "Thanks", "Kind regards,"]),
])
def test_sentences_know_titles_and_abbreviations(text, sentences):
    assert [s.text for s in split_sentences(text)] == sentences
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))


def test_an_edit_that_would_garble_is_not_made(monkeypatch):
    monkeypatch.setattr(engine, "drop_apology", lambda text: ["for a Please reply with the photo."])
    draft = "Thanks for the photos of the dented lamp, order LM-2231. Sorry for the inconvenience. I've booked a courier pickup."
    result = rewrite_offline(draft, "The lamp from order LM-2231 arrived dented.")
    assert "for a Please" not in result.rewrite
    assert not disfluent(draft, result.rewrite)
    assert result.passed and "Sorry for the inconvenience" not in result.rewrite  # another edit was made instead


def test_a_rewrite_that_reads_worse_falls_back_and_does_not_pass(monkeypatch):
    monkeypatch.setattr(engine._Rewriter, "run", lambda self: "Thanks for, Please wait the.")
    draft = "Sorry for the inconvenience. We will fix it today, promise."
    result = rewrite_offline(draft, None)
    assert result.rewrite == draft and result.passed is False
    assert {f.rule for f in result.findings_after} >= {"broken-promise"}


POLICY = Policy(commitments=["Refunds are issued within 5-7 business days of the return arriving"])


@pytest.mark.parametrize(("draft", "date"), [
    ("Thanks for sending the coat back. You'll definitely have your full refund by Thursday.", "Thursday"),
    ("Thanks for the return. Your refund will be in your account tomorrow.", None),
])
def test_beyond_the_policy_the_rewrite_says_the_policy(draft, date):
    result = rewrite_offline(draft, "I posted the coat back last week, where is my refund?", POLICY)
    assert nothing_found(result)
    assert "Refunds are issued within 5-7 business days of the return arriving." in result.rewrite
    assert "whether" not in result.rewrite  # no hint at the faster outcome next to a line that says otherwise
    if date:  # a day the customer never asked for is when the agent updates them, not a date said back unconfirmed
        assert f"update you by {date}" in result.rewrite and "can't confirm" not in result.rewrite


@pytest.mark.parametrize(("customer", "name", "said", "not_said"), [
    ("My father died in March and I need to close his phone contract (account 77-1029).", "bereavement",
     "sorry to hear about your father", "order number"),
    ("My inhaler refill from order RX-5120 never came and I have two puffs left.", "health",
     "health is involved", "a few more details"),
    ("The heater you sold me started sparking and there is a burning smell.", "safety",
     "Your safety comes first", "order number"),
    ("My debit card was stolen and there are two payments I didn't make.", "stolen-card",
     "freeze the card", "order number"),
    ("You took my subscription twice and my account is now overdrawn.", "money",
     "affects your money", "a few more details"),
])
def test_distress_gets_a_tone_that_fits(customer, name, said, not_said):
    assert situation(customer).name == name
    result = rewrite_offline("Sorry for the inconvenience.", customer)
    assert said in result.rewrite and not_said not in result.rewrite
    assert nothing_found(result), result.findings_after


def test_an_everyday_problem_keeps_the_everyday_template():
    assert situation("My parcel is three days late.") is None


def test_a_safety_step_goes_in_even_when_the_draft_has_a_step():
    result = rewrite_offline("Thanks for reaching out. An engineer will visit within the hour, guaranteed.",
                             "There's a smell of gas by the meter you fitted yesterday and my kids are home.")
    assert "call the gas emergency line" in result.rewrite
    result = rewrite_offline("Thanks for reaching out. An engineer will visit within the hour, guaranteed.",
                             "The socket you fitted is scorched and there was a burning smell this morning.")
    assert "leave the area and call the emergency services" in result.rewrite and "gas emergency" not in result.rewrite


@pytest.mark.parametrize(("customer", "said"), [
    ("@TrainCo my 08:10 from York was cancelled again, third time this week",
     "08:10 from York was cancelled again"),
    ("My click-and-collect order (order 88-1020) was missing the charger, which I'd paid £19.99 for.",
     "was missing the charger"),
    ("The fan heater I bought from you (model FH-20) sparked and scorched the rug last night.",
     "you bought from us"),
])
def test_the_restatement_reads_past_handles_and_afterthoughts(customer, said):
    result = rewrite_offline("Sorry for the inconvenience. We will look into it.", customer)
    assert said in result.rewrite and nothing_found(result), result.rewrite


@pytest.mark.parametrize(("draft", "gone"), [
    ("I feel terrible that we've let this slip. I'll chase the letters team and reply here.", "let this slip"),
    ("I can't believe this has happened, it's absolutely shocking. Please call our fraud line on 0800 123 456.",
     "shocking"),
])
def test_a_pity_lead_in_takes_its_empty_remainder_with_it(draft, gone):
    result = rewrite_offline(draft, "You keep sending post to my late father.")
    assert gone not in result.rewrite and "This has happened" not in result.rewrite
    assert not disfluent(draft, result.rewrite)


def test_a_good_draft_with_a_step_after_a_semicolon_stays_as_it_is():
    draft = ("Thanks for reporting the dead battery on your scooter (frame ending 4471). I've pencilled you in for "
             "Monday 4 March at 9 a.m.; reply YES to confirm or tell me a better day and I'll rebook it.")
    result = rewrite_offline(draft, "My new scooter's battery died after a week.")
    assert result.rewrite == draft and result.passed


def test_booking_the_replacement_is_the_agents_step():
    draft = ("Thanks for the photo of the chipped bowl from order #DB-4410. Once you reply to confirm your address, "
             "I'll book the replacement on our next-day courier.")
    assert rewrite_offline(draft, "My bowl from order #DB-4410 arrived chipped.").rewrite == draft


def test_a_thread_marker_whose_other_part_went_goes_too():
    draft = "@pia_k 1/2 Thanks for flagging the outage on Mill Lane. 2/2 Hopefully it's back by tonight! ^RB"
    result = rewrite_offline(draft, "Power's been out on Mill Lane since 6am.")
    assert "1/2" not in result.rewrite and result.rewrite.startswith("@pia_k ")
    assert "1/2" in rewrite_offline("1/2 Thanks for flagging the outage on Mill Lane, I've logged it.",
                                    "Power's been out on Mill Lane since 6am.").rewrite  # its 2/2 is another tweet


def test_what_the_policy_rules_out_becomes_the_policy_line():
    policy = Policy(commitments=["Cash refunds are not offered; refunds go back to the original card."])
    result = rewrite_offline("Thanks for returning the toaster. I will refund you in cash when you come in.",
                             "I returned the toaster, can I have cash back?", policy)
    assert "Cash refunds are not offered" not in result.rewrite and "in cash when" not in result.rewrite
    assert "I'll look into this for you" in result.rewrite and result.passed is None  # a step in its place
    assert nothing_found(result)


def test_a_fraction_is_not_a_thread_marker():
    result = rewrite_offline("Sorry for the inconvenience. You were refunded 1/2 of the delivery fee, and I'll check "
                             "the rest.", "I only got half my delivery fee back.")
    assert "1/2 of the delivery fee" in result.rewrite


def test_a_handle_with_a_colon_is_no_thread_part():
    result = rewrite_offline("@jdoe92: So sorry for the trouble! Please DM us.", "my parcel from order 7781 is late")
    assert result.rewrite.startswith("@jdoe92: Thank")


def test_everyday_words_name_no_situation():
    for customer in ("I don't recall ordering this", "I was shocked to see my bill", "My Fire TV stick won't connect",
                     "The new update is a scam", "I was in hospital so I missed the delivery"):
        assert situation(customer) is None, customer
