"""Shapes that blind reviewers marked garbled in sets ca, cb, ce and cf, read after they were measured (stop 45, issue
16). Each draft is written for this file, in other words than the sets'."""

from __future__ import annotations

from coach import Coach
from coach._core.policy import as_ours
from coach._engines.offline.layout import parse
from coach._engines.offline.promise import said_policy

coach = Coach(engine="offline")


def test_what_a_policy_lets_the_team_offer_after_a_first_part_is_said_as_ours() -> None:
    line = "Venue hire is not refundable; staff may offer a free date change within 6 months."
    assert as_ours(line) == "Venue hire is not refundable; we can offer a free date change within 6 months."
    # (what the team may not do is not the customer's to hear)
    assert "may not" not in as_ours("Deposits are kept; agents may not offer vouchers.")


def test_a_verbless_policy_line_whose_only_verb_is_in_its_condition_is_said_as_a_sentence() -> None:
    said = said_policy("Exchanges only if the tags are still attached.")
    assert said == "Our policy is: exchanges only if the tags are still attached.", said


def test_an_apologising_valediction_with_once_again_is_the_sign_off_and_becomes_a_plain_one() -> None:
    draft = ("Dear Mr. Osei,\n\nI am so sorry. I cannot imagine how upsetting this has been.\n\nWith apologies once "
             "again,\n\nR. Banerjee\nAccounts Team\nNorthfield Supplies Ltd.\nUnit 4, Mill Lane, Leeds LS2 7AB")
    layout = parse(draft)
    assert layout.tail.startswith("With apologies once again,"), layout.tail
    rewrite = coach.rewrite(draft, customer="My invoice INV-2231 charged me twice for the same pallet.").rewrite
    assert rewrite.endswith("Kind regards,\n\nR. Banerjee\nAccounts Team\nNorthfield Supplies Ltd.\nUnit 4, Mill Lane, "
                            "Leeds LS2 7AB"), rewrite
    assert "LS2 7AB." not in rewrite


def test_a_reference_line_with_a_lower_case_no_stays_above_what_is_said_back() -> None:
    draft = ("Dear Ms. Varga,\n\nInvoice no. 5521 – 3 March\n\nApologies for the issues on the day. Our staff were doing "
             "their best.\n\nKind regards,\n\nTom Reid\nFacilities")
    customer = "The meeting room we hired (invoice no. 5521) had no heating for the whole morning."
    rewrite = coach.rewrite(draft, customer=customer).rewrite
    assert rewrite.startswith("Dear Ms. Varga,\n\nInvoice no. 5521 – 3 March\n\n"), rewrite


def test_a_restatement_keeps_the_customers_verbs_in_agreement() -> None:
    customer = "I ordered a sofa for delivery on 4 June, order SF-3381, and was told it had shipped. Nothing came."
    rewrite = coach.rewrite("Dear Lee, rest assured your sofa will arrive tomorrow.", customer=customer).rewrite
    assert "and was told" not in rewrite, rewrite
    customer = "The voucher code you emailed me doesn't work at checkout."
    rewrite = coach.rewrite("Hopefully it works next time!", customer=customer).rewrite
    assert "emailed you doesn't work" in rewrite, rewrite


def test_what_is_said_back_follows_a_casual_thanks_that_opens_the_reply() -> None:
    customer = "@BikeHireCo the lock on bike 2231 won't open with the code in the app"
    rewrite = coach.rewrite("@sam_rides Thx Sam! Hopefully it'll work next time 🤞", customer=customer).rewrite
    assert rewrite.startswith("@sam_rides Thx Sam! "), rewrite
