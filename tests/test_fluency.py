"""The fluency checker (coach._core.fluency) and the eval's `fluent` scorer: garbles flagged, real replies not."""

# ruff: noqa: E501 -- the replies are data, kept verbatim on one line each

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach._core.fluency import fluency_problems, new_problems
from coach._eval.cases import EvalCase
from coach._eval.scorers import score_rewrite

# Garbled offline rewrites: each must be flagged.
GARBLED_REQUIRED = [
    "Thanks for reaching out about this. Clare.  We're sorry for spelling your name wrong.  Unfortunately, "
    "we'd only ever change a seat for a Please reply with your order or account details, and I'll look into "
    "this for you. 1/2",
    "That sounds so frustrating, Please reply with your order number.",
    "I'm so, Please know that we are here to help.",
    "I'm sorry to hear It's March 18 and the order is still not here.",
    "thanks for letting us know that everyone you can't join to playstation network after 3 day.",
    "We'll check this for you.. Please DM us.",
    "Please send us a DM (with your order number.",
]

# More garbles, taken from the offline engine's rewrites of twcs_replies.jsonl.
GARBLED_SEEN = [
    "Hello, thanks for reaching out about this. Josh! To get better assistance and support, we suggest that you "
    "post a tweet or DM our friends from @XboxSupport.",
    "Hi, thanks for reaching out about this. Richard. Can you pls DM your confirmation number so I may look into "
    "this matter for you? Thanks! *TJF https://t.co/6iDGBJAc2m",
    "Thanks for letting us know that you’m not getting our texts. We’re here to help, Travis!",
    "Thanks for letting us know that obviously us didn't read what already was said before.",
    "Hey Paula, I can see that you can't fathom why us'd get rid of such an unique, useful feature.",
    "Hello, There. Thank you for sharing. *AFM",
    "Hello, We'd like to know more about your Twitter post. Please send us additional details. ^cr",
    "Thanks for reaching out about this. How this is frustrating and I want to make this right for you.",
    "Thanks for reaching out about this. 2/2 Here is an article that explains why that happens: "
    "https://t.co/DcHLy9Eiw4 ^Heather",
    "While the Coach plans can be weeks in time. It's up to you to decide what fits you best. (2/2) Please reply "
    "with your order or account details, and I'll look into this for you.",
    "As ours is prepackaged, a charge will be applied Please reply with your order or account details.",
    "Thanks for reaching out about this. Jeffrey If you face future errors please review the installation logs.",
    "I can see that It’s not your hair as you have a no1 cut. Many thanks and kind regards!",
    "Hey @117246. Thanks for reaching out about this. .. do you know what happens when you delete a tweet?",
    "Thanks for letting us know that , it’d be nice if the book wasn’t damaged.",
    "Please send us the details to the",
    "We're sorry. 1/2 Please reply with your order.",
    "Thanks!. We'll help.",
    "We can help. , please DM us.",
    'Hi Sam, "we can help.',
]

# Real replies from /work/shared/data/twcs_replies.jsonl, read and judged fluent.
CLEAN_REAL = [
    'Please send us a Private Message so that we can further assist you. Just click ‘Message’ at the top of your profile.',  # twcs 4 (sprintcare)
    'Can you please send us a private message, so that I can gain further details about your account?',  # twcs 6 (sprintcare)
    'This is saddening to hear. Please shoot us a DM, so that we can look into this for you. -KC',  # twcs 11 (sprintcare)
    'Please send me a private message so that I can send you the link to access your account. -FR',  # twcs 19 (sprintcare)
    'What information is incorrect? ^JK',  # twcs 21 (Ask_Spectrum)
    'Help has arrived! We are sorry to see that you are having trouble. How can we help?\n^HSB',  # twcs 34 (VerizonSupport)
    'Awesome! If you ever need us we are just a tweet away.\n^HSB',  # twcs 37 (VerizonSupport)
    'Do you have our Fios service?  When services go out, does the internet light on the router change color? ^BCW',  # twcs 54 (VerizonSupport)
    "I'm so sorry about that. Please tell us more so we can help: https://t.co/Ax7W1Dx3Y9 -Becky",  # twcs 68 (ChipotleTweets)
    'Just stop by in costume 10/31 3pm-close. Official rules: https://t.co/1HmW7QxwEh https://t.co/Wn0xErxC2z',  # twcs 81 (ChipotleTweets)
    "I'm so glad we could help. Who did you work with? I'd like to share the praise. -Becky",  # twcs 154 (ChipotleTweets)
    'All of our U.S. locations are participating! -Becky',  # twcs 158 (ChipotleTweets)
    'Noted 😊 -Becky',  # twcs 170 (ChipotleTweets)
    "You won't be alone – we'll be there with you. Also, I want that llama onesie. -Becky",  # twcs 174 (ChipotleTweets)
    'Glad you had fun, Sarah! We heard Count Collin can really suck the life out of the party  . . . :P',  # twcs 190 (marksandspencer)
    "We've let our team know we can do better, Joel. Thanks for sharing :)",  # twcs 192 (marksandspencer)
    'Hello, Josh! To get better assistance and support, we suggest that you post a tweet or DM our friends from @XboxSupport.',  # twcs 203 (MicrosoftHelps)
    'Hi Jason, could you please try resetting the preferences of Photoshop &amp; let us know if it helps with the issue https://t.co/j3Dj2HDknM   ^SC',  # twcs 245 (AdobeCare)
    'Have you tried signing out/back in or reinstalling the CC desktop app? https://t.co/Ne2f7tDTM0 Let us know! ^Madison',  # twcs 254 (AdobeCare)
    "Hi, you can change your Microsoft account email through the steps here: https://t.co/DkEhOHbOYy . If the email your son wants to change to is already associated with a Microsoft account, you'll need to follow those steps to switch the email address on that account too. ^ZM",  # twcs 276 (XboxSupport)
    'Hi Duncan, please update Lightroom to 6.13 from the following link: https://t.co/9vaI2tzHd6 .  ^Tanuj',  # twcs 291 (AdobeCare)
    "Hey there! That doesn't sound good. What's happening exactly? Can you let us know the app version you're using? /PB",  # twcs 860 (SpotifyCares)
    'Let’s work together on this situation. To clarify, did this start after updating to iOS 11.1? Also, which device are you using?',  # twcs 2614 (AppleSupport)
    '🙏 -Becky',  # twcs 1395 (ChipotleTweets)
    'Thank you for sharing, Eric! I love hearing stories like this about our team :) Thanks for flying with us! -Sara',  # twcs 5402 (AlaskaAir)
    'Hi Jamie! Thanks for the awesome compliment for our PDX staff member. Happy travels. 😊 *HKC',  # twcs 2795 (Delta)
    "That's fine, we will just keep our best mince pie award from @117245 this year 😉🏆 https://t.co/6LkGTbvecF",  # twcs 7185 (marksandspencer)
    'We\'d love to help with your alarm volume. Is the option to "Change with Buttons" disabled under Settings &gt; Sounds?',  # twcs 2681 (AppleSupport)
    "Hey there! Could you send us a DM with your account's email address or username? We'll take a look backstage /FR https://t.co/ldFdZRiNAt",  # twcs 6484 (SpotifyCares)
    'It was my favorite, too. My apologies for any frustration. -Becky',  # twcs 1359 (ChipotleTweets)
    "That's great Chris! Thanks for the feedback! - BH",  # twcs 3561 (ArgosHelpers)
    '恐れ入ります🙇 既にハロウィンが過ぎてしまったところ大変恐縮ではございますが、万が一返品や交換をご希望される場合は、お伝えしたURLをご参照いただければと存じます。また、お手続きに関してご不明点がございましたら、ご遠慮なくお知らせください。 YM',  # twcs 5783 (AmazonHelp)
    '...Cancel Dropbox Business. Hope this helps take care of things for you. 😊 2/2',  # twcs 1554 (DropboxSupport)
    "(2/2) Also, for your security, I'd recommend deleting the image, as it contains your tracking number. ^WT",  # twcs 1747 (AmazonHelp)
    'Thank you for reaching out.  I will forward this feedback for you.--JV',  # twcs 3070 (comcastcares)
    'Our heart’s beating faster over here, and it’s not from all the scares. #TrickorTweet https://t.co/B4ZQcbVFW0',  # twcs 3565 (McDonalds)
    'Press and hold the alarm silence / ONT reboot button for 30 seconds.\n^ACM',  # twcs 2223 (VerizonSupport)
    'Apologies for the inconvenience. Please call 1-800-869-3557 to have this rectified. Let me know if you need further assistance. ^HE',  # twcs 4808 (Ask_WellsFargo)
    "Hey, Trevor! Send us a DM, and we'll take a closer look! *KellenF",  # twcs 1066 (TMobileHelp)
    "Hi! I'd be glad to address any service or billing issues with you. Please DM me, and I'll be able to assist further from there. -Alex",  # twcs 5658 (CenturyLinkHelp)
    "Sorry! There isn't a way to roll back, but we're working on making changes. For help navigating: https://t.co/zS2PPOcsyE.",  # twcs 7622 (hulu_support)
    'Anytime. -GR',  # twcs 3690 (comcastcares)
    'Well played, my friend. -Becky',  # twcs 7607 (ChipotleTweets)
    "I've got your DM! I'll meet you back there! *ZachRicketts",  # twcs 6642 (TMobileHelp)
    "Hi, Mike! We post content as received by the provider. If you let us know ep #'s and more details, we'd be happy to investigate.",  # twcs 4301 (hulu_support)
    "We're sorry we can't help, but their telephone number is 0344 493 0787 option 1 (calls are charged at local rate). They're open 07:30-20:00^",  # twcs 3986 (British_Airways)
    'Hi Richard, I apologize for the delayed response time. Please DM your conf # so I can review your trip details.  *TLT... 1/2',  # twcs 808 (Delta)
    '恐れ入ります。至らない点も多々あるかとは存じますが、今後ともどうぞよろしくお願いします。ET',  # twcs 275 (AmazonHelp)
    'Lamentamos el inconveniente. Por favor siguenos en Twitter para brindarte asistencia por mensajes directos.',  # twcs 1457 (AskPlayStation)
    'Olá, H.o! No momento não temos previsão, mas qualquer novidade será anunciada diretamente no nosso site e redes sociais. ^CR',  # twcs 5780 (AmazonHelp)
    'It is showing that this package was left at the front door. Please DM us your complete address. ^AC https://t.co/wKJHDXWGRQ',  # twcs 4442 (UPSHelp)
    'Transport between Preston and Blackburn will be arranged for her, she will not have to wait for the 4.40am train',  # twcs 5941 (nationalrailenq)
]

# Hand-written clean replies, including the quirks of real support tweets.
CLEAN_HANDWRITTEN = [
    "Hi Brad, we saw your tweet. Please DM us your order number and we'll take a look. ^MG",
    "Thanks for letting us know. We've passed this on to the team. -Becky",
    "Hello, there.",
    "Hi Brad,",
    "Thanks!",
    "Cheers,",
    "-Becky",
    "^MG",
    "*TAC",
    "😊🎃",
    "Mr. Smith will call you at 5 p.m. today.",
    "Please restart the app, e.g. by holding the power button.",
    "It costs $4.99. Try again.",
    "Try version 6.13. It fixes this.",
    "Visit https://t.co/abc. We'll help.",
    "DM us @116447 and we'll help!",
    "#TrickorTweet 🎃",
    "We'll look into this... Stay tuned!",
    "1/2 Hi Sam, we're sorry about the delay.",
    "(1/2) Please DM us.",
    "We're sorry to hear this. Please DM us your order number so we can help. 1/2",
    "Hi Clare. We're on it.",
    "U.S. locations are participating.",
    "Call 1-800-555-0100 (option 2) for help.",
    'Select "Skip log in" to continue.',
    "Use the ‘Purchase History’ tab.",
    "We’re here 24/7.",
    "The 10/31 promo runs 3pm-close.",
    "That's not what we want to hear. :( Can you DM us?",
    "iPhone users can update in Settings.",
    "eBay will refund you.",
    "Hi there :) Kindly DM us.",
    "Sorry, I can't see that. Can you DM us?",
    "Thanks, Will. We'll pass it on.",
    "Good morning Sam, please DM us.",
    "No. We don't charge for that.",
    "Step 1) Restart. Step 2) Reinstall.",
    "It's on its way (tracking: 1Z999).",
    "Sorry for the wait. My apologies for that. Happy travels!",
    "What are you looking for?",
    "Which app are you referring to?",
    "Oh my! Send me a DM so we can go over this.",
    "You've got a letter A. Let us know.",
]


@pytest.mark.parametrize("text", GARBLED_REQUIRED + GARBLED_SEEN)
def test_garbled_is_flagged(text: str) -> None:
    assert fluency_problems(text), f"not flagged: {text!r}"


@pytest.mark.parametrize("text", CLEAN_REAL + CLEAN_HANDWRITTEN)
def test_clean_is_not_flagged(text: str) -> None:
    assert fluency_problems(text) == []


def test_enough_real_replies() -> None:
    assert len(CLEAN_REAL) >= 40


def test_problems_are_short_strings() -> None:
    problems = fluency_problems(GARBLED_REQUIRED[0])
    assert problems and all(isinstance(p, str) and 0 < len(p) <= 120 for p in problems)
    assert len(problems) == len(set(problems))
    assert any("Clare" in p for p in problems) and any("Please" in p for p in problems)


def test_empty_text() -> None:
    assert fluency_problems("") and fluency_problems("   ")


DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "twcs_replies.jsonl"


@pytest.mark.skipif(not DATA.exists(), reason="the real replies (../shared/data/twcs_replies.jsonl) are not here")
def test_low_flag_rate_on_human_replies() -> None:
    replies = [json.loads(line)["reply"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = sum(bool(fluency_problems(r)) for r in replies)
    # ~4% today, nearly all genuine (thread continuations, comma splices, typos)
    assert flagged / len(replies) < 0.05, flagged


# --- new problems: what the rewrite added, not what the draft already had -----------------------------------------


def test_a_garble_the_draft_did_not_have_is_new():
    draft = "We understand your frustration, Clare. Unfortunately, we'd only ever change a seat for a 1/2"
    rewrite = "Unfortunately, we'd only ever change a seat for a Please reply with your order details. 1/2"
    assert new_problems(draft, rewrite)


def test_the_drafts_own_disfluency_is_not_blamed_on_the_rewrite():
    draft = "Hi there, Sorry to hear that, Are you getting an error message?"
    assert fluency_problems(draft)
    assert new_problems(draft, draft) == []
    # the same kind of problem, with other words quoted around it, is still the draft's
    assert new_problems("cheers fam ^LB", "Thanks for the message. cheers fam ^LB") == []


def test_a_clean_rewrite_of_a_clean_draft_has_no_new_problem():
    assert new_problems("Sorry for the trouble.", "Thanks for reaching out. Please DM us your order number.") == []


CASE = EvalCase(id="f", draft="Sorry for the trouble. Please DM us your order number.", customer="My order is late.")


@pytest.mark.parametrize("rewrite, passed", [
    ("Thanks for reaching out. Please DM us your order number.", True),
    ("Thanks for reaching out. Please DM us your order number for a Please reply here.", False),
    ("Hello, There. Please DM us your order number.", False),
])
def test_the_fluent_scorer(rewrite, passed):
    (score,), _ = score_rewrite(CASE, rewrite, ("fluent",))
    assert score.passed is passed and score.reason


def test_the_fluent_scorer_skips_replies_in_other_languages():
    case = EvalCase(id="es", draft="Lamentamos el inconveniente.", tags=["non-english"])
    (score,), _ = score_rewrite(case, "Lamentamos el inconveniente, le escribimos por DM.", ("fluent",))
    assert score.passed is None
