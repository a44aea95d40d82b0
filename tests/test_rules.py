"""Each rule of GUIDANCE.md, with drafts that must and must not trigger it."""

import pytest

from coach import RULE_IDS, Coach, Policy
from coach._core.rules import load_rules

coach = Coach(engine="offline")


def rules_of(draft, customer=None, policy=None):
    return [f.rule for f in coach.check(draft, customer=customer, policy=policy).findings]


def test_rulebook_loads_with_public_ids_and_severities():
    rules = load_rules()
    assert set(rules) == set(RULE_IDS)
    expected = {
        "broken-promise": "error", "bland-apology": "warning", "pity": "warning", "parroting": "info",
        "vague-effort": "warning", "no-next-step": "warning", "no-acknowledgement": "info", "no-thanks": "suggestion",
    }
    assert {rid: rules[rid].severity for rid in expected} == expected


# Seed 003's contrast: the sympathetic reply breaks several rules, the empathetic one none that block.
SYMPATHETIC = (
    "Wow. I can't believe that we made this kind of mistake. This should never happen. "
    "I'm so sorry that you have to deal with this, I promise we'll get it fixed right away."
)
EMPATHETIC = (
    "Thank you for bringing this issue to our attention. I understand how frustrating this kind of thing can be. "
    "Please let me do what I can to find out what went wrong and determine the next steps toward a resolution."
)


def test_seed_sympathetic_reply_is_flagged():
    result = coach.check(SYMPATHETIC)
    found = {f.rule for f in result.findings}
    assert {"pity", "bland-apology", "broken-promise", "no-thanks"} <= found
    assert not result.passed


def test_seed_empathetic_reply_passes():
    result = coach.check(EMPATHETIC)
    assert result.passed, result.findings


@pytest.mark.parametrize(
    "draft",
    [
        "I promise we'll get it fixed right away.",
        "We guarantee your replacement will arrive tomorrow.",
        "This will never happen again.",
        "You'll definitely get a full refund.",
        "It will be fixed today.",
        "Your refund will be back in your account by Friday, guaranteed.",
        # Outcomes the agent does not control, in wording no phrase list named (the checker issue's examples).
        "We'll get this sorted for you.",  # was a negative: "sorted" is an outcome, as the labelled real replies have it
        "Rest assured, we will never lose your data again.",
        "We'll have it back up and running in no time!",
        "Don't worry, it's all taken care of and you won't be charged again.",
        "We'll refund you in full.",
        "I will personally make sure it never happens again.",
        "A member of our team will be in touch shortly.",  # someone else's action, with a time on it
        "Some lines will reopen shortly.",
        "You should hear back tomorrow.",
    ],
)
def test_broken_promise_positive(draft):
    assert "broken-promise" in rules_of(draft)


@pytest.mark.parametrize(
    "draft",
    [
        "I'll check with the warehouse and email you by 5pm.",  # the agent's own next action
        "I can't promise a date yet, but I'll call the courier this afternoon.",  # negated
        "Will it be fixed today?",  # a question
        "I'll get back to you tomorrow with what the team finds.",  # own action with a time
        "We'll look into getting this sorted for you.",  # the agent's own process step
        "We'll call you shortly.",  # own action with a time
        "Our team will be in touch.",  # someone else's action, no time on it
        "Hopefully it will be fixed today.",  # hedged
        "If all goes to plan, we should be open on Friday!",  # conditional
        "Rest assured, your feedback will be passed on to the team.",  # certainty about a process step
    ],
)
def test_broken_promise_negative(draft):
    assert "broken-promise" not in rules_of(draft)


def test_broken_promise_span_is_the_committing_clause():
    draft = "Thanks for the photos. I promise we'll get it fixed right away."
    finding = next(f for f in coach.check(draft).findings if f.rule == "broken-promise")
    assert draft[finding.start : finding.end] == finding.quote
    assert finding.quote.startswith("I promise") and "right away" in finding.quote


@pytest.mark.parametrize(
    "draft",
    [
        "Sorry for the inconvenience.",
        "We apologize for any trouble this may have caused.",
        "I am sorry to hear that.",
        "Apologies for the confusion!",
        "I'm so sorry about that. Please DM us.",
        "<p>Sorry for the trouble.</p><p>Please reply with your order number.</p>",
    ],
)
def test_bland_apology_positive(draft):
    assert "bland-apology" in rules_of(draft)


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry your order arrived cracked.",
        "I'm sorry the replacement charger didn't reach you before your trip.",
        "Sorry to hear your flight to Boston was cancelled.",
        "No need to apologize! Here's the link.",
    ],
)
def test_bland_apology_negative(draft):
    assert "bland-apology" not in rules_of(draft)


@pytest.mark.parametrize(
    "draft",
    ["I can't believe we did this.", "This should never have happened.", "I feel terrible about it.",
     "That's awful!", "Poor you.", "Honestly our courier is a joke."],
)
def test_pity_positive(draft):
    assert "pity" in rules_of(draft)


@pytest.mark.parametrize(
    "draft", ["I can see the parcel was left at the wrong address.", "That's great news about your new phone!"]
)
def test_pity_negative(draft):
    assert "pity" not in rules_of(draft)


def test_parroting_twice_flags_each_use():
    draft = "I understand. I know how you feel. Please send us your order number."
    parrots = [f for f in coach.check(draft).findings if f.rule == "parroting"]
    assert len(parrots) == 2 and all(f.severity == "info" for f in parrots)


def test_parroting_without_restating_problem():
    customer = "My internet has dropped every evening this week."
    assert "parroting" in rules_of("I understand. Please DM us your account number.", customer)
    assert "parroting" not in rules_of(
        "I understand your internet has been dropping every evening this week. Please DM us your account number.",
        customer,
    )


@pytest.mark.parametrize(
    "draft", ["I'll see what I can do.", "We'll do our best.", "Hopefully it arrives soon.", "I'll try my best."]
)
def test_vague_effort_positive(draft):
    assert "vague-effort" in rules_of(draft)


def test_vague_effort_negative_concrete_action():
    assert "vague-effort" not in rules_of("I've asked the depot to redeliver and will email you by 5pm.")


def test_no_next_step():
    assert "no-next-step" in rules_of("We value your feedback.")
    assert "no-next-step" in rules_of("I'll see what I can do.")  # a vague effort is not a step
    assert "no-next-step" not in rules_of("Please send us a DM with your order number.")
    assert "no-next-step" not in rules_of("I've refunded the $12 to your card.")
    assert "no-next-step" not in rules_of("Which device are you using?")
    assert "no-next-step" not in rules_of("I'd be happy to look into this for you.")
    # A reply of pleasantries gives the customer nothing to act on, even to praise: the rulebook says so, and
    # the labelled real replies flag banter consistently (this was an exemption before they were read).
    assert "no-next-step" in rules_of("Glad you enjoyed it! Happy travels.", "Best flight ever, thank you!")
    assert "no-next-step" in rules_of("Glad you enjoyed it! Happy travels.", "My bag was lost on flight 22.")
    # An open offer is not a step; a recommendation, a question or a direct answer is.
    assert "no-next-step" in rules_of("Let us know if there's anything else we can do for you!")
    assert "no-next-step" in rules_of("If you ever need us we are just a tweet away.")
    assert "no-next-step" not in rules_of("I'd recommend restarting the router first.")
    assert "no-next-step" not in rules_of("Oh no, which store was this?")
    assert "no-next-step" not in rules_of("Drink coupons will no longer be sent to you.")


def test_no_acknowledgement_needs_customer_message():
    draft = "Thanks for reaching out! Please DM us."
    assert "no-acknowledgement" not in rules_of(draft)  # skipped without the customer's message
    assert "no-acknowledgement" in rules_of(draft, "The blender I bought leaks from the base.")
    assert "no-acknowledgement" not in rules_of(
        "Thanks for reaching out about the leaking blender! Please DM us.", "The blender I bought leaks from the base."
    )


def test_no_thanks():
    assert "no-thanks" in rules_of("Please DM us your order number.")
    assert "no-thanks" not in rules_of("Thanks! Please DM us your order number.")
    assert "no-thanks" not in rules_of("We appreciate you flagging this. Please DM us.")


def test_whole_reply_findings_have_null_span():
    finding = next(f for f in coach.check("We value your feedback.").findings if f.rule == "no-next-step")
    assert finding.start is None and finding.end is None and finding.quote is None


def test_every_span_quotes_the_draft():
    draft = "Hi! Sorry for the trouble. I can't believe it. I promise it will be fixed today. Hopefully soon. ^MG"
    for f in coach.check(draft).findings:
        if f.start is not None:
            assert draft[f.start : f.end] == f.quote


def test_messy_real_world_text_does_not_crash():
    drafts = [
        "@user123 Sorry!! 😭😭 pls DM us https://t.co/abc123 ^MG",
        "Hi there!Sorry for the wait.We'll check.Thanks -KC",
        "**Sorry** for the _inconvenience_. See [our page](https://example.com/help).",
        "アマゾンです。こちらからお問い合わせください。",
        "\n\n\tThanks.\n\n",
    ]
    for draft in drafts:
        coach.check(draft)


def test_other_languages_skip_whole_reply_rules():
    rules = rules_of("Hola, lamentamos mucho lo ocurrido con su pedido; le escribiremos pronto por correo.")
    assert not {"no-thanks", "no-next-step"} & set(rules)


def test_findings_are_ordered_by_position_then_whole_reply():
    result = coach.check("I promise it will be fixed today. Sorry for the trouble.")
    spans = [f.start for f in result.findings]
    positioned = [s for s in spans if s is not None]
    assert positioned == sorted(positioned)
    assert spans[len(positioned):] == [None] * (len(spans) - len(positioned))


def test_policy_severity_override_and_off():
    policy = Policy(severity={"no-thanks": "warning", "bland-apology": "off"})
    result = coach.check("Sorry for the trouble. Please DM us.", policy=policy)
    by_rule = {f.rule: f.severity for f in result.findings}
    assert by_rule.get("no-thanks") == "warning" and "bland-apology" not in by_rule
    assert not result.passed


def test_a_reply_in_another_language_is_not_assessed_and_says_which():
    spanish = "Le prometo que su pedido llegará mañana, no se preocupe."
    result = coach.check(spanish)
    assert result.assessed is False and result.language == "es" and result.findings == []
    assert coach.check("お問い合わせありがとうございます。明日までに必ず直します。").language == "ja"
    english = coach.check("I promise it will be fixed today.")
    assert english.assessed and english.language == "en" and not english.passed
    # The policy's own phrases are still looked for, and a rewrite leaves the draft as it is.
    assert [f.rule for f in coach.check(spanish, policy={"banned_phrases": ["no se preocupe"]}).findings] == [
        "banned-phrase"]
    rewrite = coach.rewrite(spanish)
    assert rewrite.rewrite == spanish and rewrite.assessed is False


@pytest.mark.parametrize(("draft", "rule"), [
    # Promises without the usual words: an outcome stated as settled, "never" said another way, "all set for".
    ("Your new router has been signed off and ships this afternoon.", "broken-promise"),
    ("The courier confirmed it lands with you tonight, and it's been approved today.", "broken-promise"),
    ("This won't ever happen to you again.", "broken-promise"),
    ("You're all set for a refund of the full fee on your next statement.", "broken-promise"),
    # Pity in other words: the agent's own feelings, imagined distress, the company run down.
    ("We feel dreadful about all of this, honestly.", "pity"),
    ("I can only imagine how stressful that must have been.", "pity"),
    ("Our checkout page has been a complete shambles this week.", "pity"),
    # Regret with no object: an interjection, "our bad", an apology followed straight by a step.
    ("Whoops, our mistake!", "bland-apology"),
    ("Hi Dana, oh dear!", "bland-apology"),
    ("So sorry, let me pull up the booking.", "bland-apology"),
    ("That doesn't sound right.", "bland-apology"),
    # Effort in place of an action.
    ("We'll do everything in our power.", "vague-effort"),
    ("I'll see whether anything can be worked out.", "vague-effort"),
])
def test_shapes_without_the_usual_words_are_found(draft, rule):
    assert rule in rules_of(draft)


@pytest.mark.parametrize(("draft", "rule"), [
    ("I'll email you the tracking number this afternoon.", "broken-promise"),  # the agent's own step
    ("Your parcel ships this afternoon? Let me check with the depot.", "broken-promise"),  # a question
    ("A colleague from billing will reach out asap about the duplicate charge.", "broken-promise"),  # asap: a manner
    ("That's concerning.", "pity"),  # a mild regret is bland-apology, not pity
    ("Oh no, your blender arrived without its lid!", "bland-apology"),  # the interjection names the problem
    ("Sorry your parcel arrived broken, let me arrange a new one.", "bland-apology"),
    ("Our mistake with your invoice has been corrected.", "bland-apology"),
    ("We strive to create an inclusive space in every store.", "vague-effort"),  # a mission statement
    ("We try to reply to every message within a day.", "vague-effort"),  # a standing practice
    ("Anyway, we can send you a replacement case.", "vague-effort"),
    ("I'm working on your refund now and will email the receipt soon.", "vague-effort"),  # an action, then a step
    ("Your booking is confirmed for tomorrow at 10am.", "broken-promise"),  # a fact about a booking
])
def test_near_misses_are_not_findings(draft, rule):
    assert rule not in rules_of(draft)
