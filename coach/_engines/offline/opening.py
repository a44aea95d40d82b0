"""What the engine adds: thanks, an acknowledgement of the problem, and a next step when the draft has none.

Each has several phrasings, chosen by a stable hash of the draft, so that one sentence does not open half of
all replies. A next step never asks for what the customer already gave (an order, ticket or account number).
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from ..._core.asked_again import asked_again
from ..._core.facts import extract_facts
from ..._core.fluency import fluency_problems
from ..._core.policy import Policy, for_agents
from ..._core.situations import situation
from ..._core.text import content_words, split_sentences, stem
from .promise import said_policy, same_topic

__all__ = ["Phrasing", "thanks", "sorry", "acknowledge", "next_steps", "positive"]

_THANKS = (  # for a problem the customer raised: many phrasings, so that none opens more than a few replies
    "Thanks for reaching out about this.",
    "Thank you for getting in touch.",
    "Thanks for letting us know.",
    "Thank you for flagging this with us.",
    "Thanks for bringing this to our attention.",
    "Thank you for your message.",
    "Thanks for taking the time to tell us.",
    "Thank you for raising this with us.",
    "Thanks for telling us about this.",
    "Thank you for letting us know about this.",
    "Thanks for writing in about this.",
    "Thank you for contacting us about this.",
    "Thanks for reporting this.",
    "Thank you for bringing this to us.",
    "Thanks for getting in touch about this.",
    "Thank you for telling us.",
    "Thanks for flagging this.",
    "Thank you for reaching out to us.",
    "Thanks for raising this.",
    "Thank you for writing to us about this.",
)
_THANKS_NEUTRAL = ("Thank you for your message.", "Thanks for getting in touch.", "Thanks for reaching out.",
                   "Thanks for writing to us.", "Thank you for contacting us.", "Thanks for your message.",
                   "Thank you for reaching out.", "Thank you for writing in.", "Thanks for contacting us.",
                   "Thank you for getting in touch with us.")
_THANKS_FOR = (
    "Thanks for letting us know that {p}.",
    "Thank you for telling us that {p}.",
    "Thank you for letting us know that {p}.",
)
_SORRY = ("I'm sorry to hear that {p}.", "I'm sorry that {p}.", "Sorry to hear that {p}.")
_SEE = ("I can see that {p}.", "I see that {p}.")
_ASK = (
    "Please reply with {what}, and I'll look into this for you.",
    "Could you send us {what} so I can look into this?",
    "If you share {what}, I'll look into this for you.",
    "Please send us {what}, and I'll follow up with you.",
    "Send us {what}, and I'll check what happened.",
    "Reply here with {what}, and I'll find out what happened.",
    "If you can send {what}, I'll check it for you.",
    "Please share {what} here, and I'll look into it for you.",
)
_ASK_DM = (
    "Please send us a DM with {what}, and I'll look into this for you.",
    "Could you DM us {what} so I can look into it?",
    "If you DM us {what}, I'll take a closer look.",
    "Send us a DM with {what} and I'll check what happened.",
    "Please DM us {what}, and I'll follow up with you there.",
)
_PRAISE_STEP = (  # a reply to praise or banter: the agent's own small action, nothing asked of the customer
    "I'll pass your kind words on to the team.",
    "I'll share your message with the team.",
    "I'll pass this on to the team here.",
    "I'll forward your message to the team.",
    "I'll share your kind words with everyone here.",
    "I'll pass your message on to the people who helped.",
    "I'll forward your kind words to the team.",
    "I'll share your message with the people who helped you.",
)
_POSITIVE = re.compile(r"\b(?:thanks?|thx|ty|thank\s+you|love[ds]?|loving|great|awesome|amazing|glad|appreciate\w*|fun|enjoy\w*|"
                       r"nice|cool|cute|adorable|delicious|yum\w*|lol|haha\w*|beautiful|"
                       r"best|happy|wonderful|fantastic|excellent|brilliant|perfect|kudos|shout\s*out|congrat\w*|"
                       r"welcome|cheers)\b|[\u2764\U0001F495\U0001F60A\U0001F60D\U0001F44D\U0001F64C\U0001F389]", re.I)
#: A draft that banters back ("That sure does look delicious"), beyond a polite "have a great day".
_BANTER = re.compile(r"\b(?:love[ds]?|adorable|delicious|cute|awesome|amazing|enjoy\w*|fun|yum\w*|lol|haha\w*|beautiful|"
                     r"congrat\w*|happy\s+(?:when|to\s+see|for\s+you))\b", re.I)
_NEEDS = re.compile(r"\bI(?:\s+(?:really\s+)?(?:need|want|would\s+like)|['’]d\s+like)\s+(?:to(?!\s+(?:say|thank|compliment|"
                    r"praise|share|tell\s+you|let\s+you\s+know|pass\s+on|give\s+(?:a\s+)?(?:shout|credit))\b)|a|an|my|the|you)\b|"
                    r"\b(?:can|could)\s+(?:you|someone|I)\s+(?:please\s+)?(?:change|cancel|rebook|refund|fix|send|move|sort|"
                    r"help|check)\b", re.I)
# "best" that is no praise: "I'll do my best to ...", "Best regards"
_NOT_GLAD = re.compile(r"\b(?:(?:do|try)\s+(?:my|our)\s+(?:very\s+)?best|best\s+(?:regards|wishes))\b", re.I)
# a question of the customer's ("Just wondering if you have any discounts"): the draft's "Enjoy!" makes it no praise
_ASKS = re.compile(r"\?|\b(?:wonder(?:ing|ed)?|(?:can|could|do|does|is|are)\s+(?:you|there|I)\b)", re.I)
_TROUBLE = re.compile(r"\b(?:not|never|no|for\s+(?:\w+|\d+)\s+(?:days|weeks)|"
                      r"(?:for|after)\s+\d+\s*(?:mins?|minutes|hours?|hrs?)\b|money\s+back|joke|an\s+empty\s+(?:box|parcel|package)|"
                      r"arrived\s+empty|stone\s+cold|"
                      r"cold\s+(?:food|pizza|meal|chips)|"
                      r"\w+n['’]t|broken|late|delay\w*|missing|wrong|charg\w*|lost|stuck|error\w*|"
                      r"fail\w*|down|outage|refund\w*|cancel\w*|worst|terrible|awful|bad|problem\w*|issue\w*|help|"
                      r"why|still|waiting|waited|shambles|complain\w*|disappoint\w*|frustrat\w*|angry|upset|hate|ripped|"
                      r"crackl\w*|cracked|fault\w*|damag\w*|defect\w*|stopped|leak\w*|noise|noisy|smash\w*|snapped|"
                      r"scratch\w*|dented|torn|stain\w*|mou?ld\w*|overcharg\w*|twice|expired|declined|rejected|locked|hacked|"
                      r"stolen|scam\w*|fraud\w*|burnt|burned|hurt|injur\w*|ignored|stranded|crash\w*|freezes|freezing|glitch\w*|"
                      r"bug|bugs|buggy|logs?\s+(?:me\s+)?out|logging\s+me\s+out|fix\s+(?:it|this|that)|"
                      r"(?:went|gone|going|has\s+gone)\s+up|price\s+(?:rise|hike|increase)|without\s+(?:anyone|any(?:\s+one)?)\s+"
                      r"(?:telling|warning|asking)|"  # "my bill went up by £7 a month without anyone telling me"
                      r"keeps\s+dropping|dropping\s+(?:out|every|the\s+connection)|dropp(?:ed|s)\s+out|cuts?\s+out|cutting\s+out|"
                      r"disconnect\w*|buffering|double[- ]?booked|overbooked|gross(?!-)|disgusting|revolting|"
                      r"undercooked|found\s+(?:a|an|some)\s+(?:\w+\s+)?(?:hair|fly|insect|worm|maggot|slug|plastic|glass|"
                      r"metal|stone|bone))\b|\?|"
                      # "4 hours at gate B12 ... nobody has told us anything. zero announcements. fantastic."
                      r"\b(?:nobody|no\s+one)\s+(?:has\s+|had\s+|have\s+|is\s+|was\s+)?(?:told|called|answered|replied|"
                      r"came|come|showed|turned\s+up|contacted|got\s+back|picks?\s+up|answers|responds?|bothered|"
                      r"explained|updated|helped)\b|\bnothing\s+(?:has\s+|had\s+)?(?:arrived|came|come|happened|changed|"
                      r"works?|worked|showed|turned\s+up)\b|\bzero\s+(?:announcements?|updates?|info\w*|communication|"
                      r"response|replies|help|contact)\b|"
                      r"\bordered\b[^.!?]{0,60}\b(?:got|received|sent\s+me)\b|"  # "ordered 220 Warm Beige and got 110"
                      r"\bsome(?:one|body)\s+else['’]s\b|"
                      r"\b(?:my|our)\s+(?:\w+\s+){0,2}(?:is|are|has|have)\s+(?:\w+\s+)?gone\b|"  # "my shopping is gone"
                      # 😭 😢 😡 😠 😤 😞 🙁 ☹, and the sarcastic 🙃 🙄 😒 ("great saturday 🙃")
                      r"[\U0001F62D\U0001F622\U0001F621\U0001F620\U0001F624\U0001F61E\U0001F641\u2639\U0001F643\U0001F644"
                      r"\U0001F612]", re.I)
_ACT = (
    "I'll look into {ref} now and update you here as soon as I have news.",
    "I'm looking into {ref} now and will update you here.",
    "Let me look into {ref}, and I'll get back to you here with an update.",
    "I'll check {ref} now and reply here as soon as I know more.",
    "I'm checking {ref} now and will reply here once I know more.",
)
_WHAT = (
    (re.compile(r"\b(?:orders?|ordered|purchase|item|parcel|package|deliver\w*|shipp\w*|tracking)\b", re.I),
     "your order number"),
    (re.compile(r"\b(?:flight|booking|booked|reservation|trip|seat|baggage|bag)\b", re.I), "your booking reference"),
    (re.compile(r"\b(?:account|bill\w*|charg\w*|payment|card|refund\w*|subscription|plan)\b", re.I),
     "the email address on your account"),
)
_DETAILED = 11  # content words: a message that says what happened, where and when, not "help!!"
_SAYS_WHAT = 5  # ... or fewer, with a fact among them
_GIVEN = re.compile(r"\balready\s+(?:gave|given|sent|provided|told|shared|dm['’]?d|messaged|emailed|called|replied|"
                    r"submitted)\b", re.I)
_ID = re.compile(r"#\d+|#?(?=(?:[A-Za-z/-]*\d){3})[A-Za-z0-9/-]{4,}|(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){2})[A-Z0-9]{5,}")
_NOT_ID = re.compile(r"^\d{1,2}(?::\d\d)?\s*(?:am|pm)$|^\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s*[-–]\s*\d{1,2}(?::\d\d)?\s*(?:am|pm)?$|"
                     r"^\d{1,2}(?:st|nd|rd|th)$|^(?:19|20)\d\d['’]?s?$|^\d0['’]?s$|/|"  # (not a time range: "12-6pm"; nor a
                     # decade: "the 1930s lamp")
                     r"^\d+-(?:day|week|month|year|hour|minute|night|mile|km|inch|page|piece|seat|person)s?$"
                     r"|^\d+(?:p|i|k|mp|gb|tb|mb|hz|mah|w|v|mm|cm|kg|ml)$"  # "212-day", "720p", "4000mAh"
                     r"|^\d{1,2}\s?h(?:rs?)?\s?\d{1,2}(?:m(?:ins?)?)?$|^\d{1,3}\s?(?:h|hrs?|mins?)$"  # a wait: "1h40", "90mins"
                     r"|^(?:UK|EU|EC)\s?\d{3}$"  # "UK261": a regulation, not the customer's reference
                     r"|^(?:R|Rs|RM)\d{1,3}(?:,\d{3})*(?:\.\d\d)?$", re.I)  # "R450", "Rs1,200": a sum in rand or rupees
_TOPIC = re.compile(r"\b(?:refund|replacement|delivery|exchange|return|cancellation|claim|repair)\b", re.I)
_MODEL = re.compile(r"\b(?:model|serial|size|version|v)\s*(?:no\.?|number|#)?\s*[:#]?\s*\(?$", re.I)
_ID_NOUN = re.compile(r"\b(order|ticket|account|booking|reservation|case|claim|flight|reference|ref|confirmation|parcel|"
                      r"tracking|application|invoice|policy|membership|subscription|pedido|commande|bestellung|ordine|"
                      r"bestelling|reserva|buchung|prenotazione)\b\s*\(?(?:\s*(?:number|no\.?|#|code|"
                      r"id))?\s*[:#]?\s*$", re.I)  # "account (no. 3390127)" too


# the customer's word for it, in the English reply ("Pedido 88-3310" is "order 88-3310")
_IN_ENGLISH = {"pedido": "order", "commande": "order", "bestellung": "order", "ordine": "order", "bestelling": "order",
               "reserva": "booking", "buchung": "booking", "prenotazione": "booking"}


class Phrasing:
    """Stable choices for one draft: ``pick(options, slot)`` is the same for the same draft every time."""

    def __init__(self, draft: str):
        self.seed = zlib.crc32(draft.encode("utf-8"))

    def pick(self, options: tuple[str, ...], slot: int) -> str:
        return options[(self.seed >> (slot * 5)) % len(options)]

    def salt(self, slot: int) -> int:
        return self.seed >> (slot * 5)


@lru_cache(maxsize=16)  # asked by the opening, the closing and the engine of one rewrite
def positive(customer: str | None, draft: str) -> bool:
    """Praise or banter, not a problem: the customer's message (or, without one, the draft) is untroubled, and it
    or the draft is glad ("That sure does look delicious"); a message that names its booking or order, and says nothing
    glad, is a case, not praise. Nobody is asked for details they have no reason to give."""
    text = customer if customer and customer.strip() else _NOT_GLAD.sub(" ", draft)
    if text is customer and (not _POSITIVE.search(text) and _reference(text) or _NEEDS.search(text)):
        return False  # "I booked a standard room (ref. HB-7734)": a case, whatever the draft's "Enjoy!"; "I need to
        # rebook my appointment ... Thanks": a request, whatever its thanks
    return not _TROUBLE.search(text) and bool(_POSITIVE.search(text) or _BANTER.search(draft) and
                                              not (text is customer and _ASKS.search(text)))


def thanks(phrasing: Phrasing, problem: str | None, customer: str | None = None) -> str:
    if problem:
        return phrasing.pick(_THANKS_FOR, 1).format(p=problem)
    return phrasing.pick(_THANKS if customer and _TROUBLE.search(customer) else _THANKS_NEUTRAL, 1)


def sorry(phrasing: Phrasing, problem: str) -> str:
    return phrasing.pick(_SORRY, 2).format(p=problem)


def acknowledge(phrasing: Phrasing, problem: str) -> str:
    return phrasing.pick(_SEE, 2).format(p=problem)


def _models(*texts: str) -> set[str]:
    """What a text names as a model or serial number ("model HX-900"): what it is, not a case to pass on."""
    return {fact for text in texts for fact in extract_facts(text)
            if _MODEL.search(text[max(0, text.find(fact) - 12):text.find(fact)])}


_GIFT_CODE = re.compile(r"\b(?:promo|discount|voucher|coupon|gift|offer|referral|free|internal|staff|secret)[\w-]*"
                        r"(?:\s+[\w-]+)?\s+codes?\s*(?:is|are|:|=)?\s*$", re.I)  # "your free meal code is", "promo code:"


def _reference(text: str, models: set[str] = frozenset()) -> str | None:
    """An order, ticket or account reference the customer or the draft gave ("order #99812"), or None."""
    for fact in extract_facts(text):
        at = text.find(fact)
        noun = _ID_NOUN.search(text[max(0, at - 30):at])
        code = noun is not None and re.fullmatch(r"(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{5,10}", fact)  # "booking QXR7LM"
        if _GIFT_CODE.search(text[max(0, at - 40):at]):
            continue  # "your free-delivery code is FREEYR-2291": something handed out, not the case's reference
        if not (_ID.fullmatch(fact) or code) or _NOT_ID.search(fact) or fact in models:
            continue
        rest = re.match(r"(?:\s\d{2,6}\b(?![.,]\d)|\s\d(?=[,;)]|\.?\s*$))+", text[at + len(fact):], re.M) \
            if fact.isdigit() else None
        fact = fact + rest.group() if rest else fact  # "account 7730 1829 44", "Account No. 4410 2298 7,"; not "account 7730"
        if noun:
            said = noun.group(1).lower()
            return f"{_IN_ENGLISH.get(said, said)} {fact}"
        if fact.startswith("#") or re.search(r"[A-Za-z]", fact):
            return fact
    return None


def _says_what(customer: str) -> bool:
    """The message says what went wrong with some detail (a time, a place, a number: "the 07:42 from Woking has been
    cancelled"): "send us a few more details" would not read it."""
    return bool(extract_facts(customer)) and len(content_words(customer)) >= _SAYS_WHAT


def next_steps(phrasing: Phrasing, draft: str, customer: str | None, policy: Policy, used: set[str], *,
               covered: bool = False, praise: bool | None = None, withheld: frozenset[str] = frozenset()) -> list[str]:
    """Concrete next steps for a draft that has none, the draft's own choice first; a matching policy line leads
    (``covered``: the draft already says what keeps the customer safe, and only the agent's own part is added;
    ``praise``: whether the whole message is praise, when ``customer`` is it less the orders planted in it;
    ``withheld``: what may not be named as the case's reference, a code a planted order dictated)."""
    customer = customer or ""
    praise = positive(customer, draft) if praise is None else praise
    models = _models(customer, draft)
    reference = _reference(customer, models | withheld) or _reference(draft, models | withheld)
    case = situation(customer)
    if case:  # a bereavement, a gas smell or a stolen card gets a step that fits it, not a request for an order number
        options = case.steps_covered if covered else \
            case.steps_known if reference and case.steps_known else case.steps
        first = phrasing.pick(options, 3)
        steps = [step.format(ref=reference or "this") for step in [first, *(s for s in options if s != first)]]
        # (grief or money trouble hears what the policy offers for it: "accounts can be closed with a copy of ...";
        # danger its urgent step first)
        return steps if case.always else _policy_first(steps, f"{customer} {draft}", policy, used)
    handed = None if praise else _team_step(policy, f"{customer} {draft}", draft, used)
    if handed:
        return [handed]
    if praise:
        options, fill = _PRAISE_STEP, {}
    elif reference or _GIVEN.search(customer) or len(content_words(customer)) >= _DETAILED or \
            _says_what(customer) and not any(pattern.search(f"{customer} {draft}") for pattern, _ in _WHAT):
        # a reference, "I already sent it", or a message that gave the details: act on it, don't ask again
        topic = _TOPIC.search(customer)
        ref = reference or "this"
        if topic and reference and not reference.lower().startswith(topic.group().lower()):
            ref = f"the {topic.group().lower()} for {reference}"  # "I'll look into the refund for order #99812 ..."
        options, fill = _ACT, {"ref": ref}
    else:
        topic = f"{customer} {draft}"
        what = next((label for pattern, label in _WHAT if pattern.search(topic)), "a few more details")
        dm = re.search(r"\b(?:DM|direct\s+message|private\s+message)\b", draft, re.I)
        options, fill = (_ASK_DM if dm else _ASK), {"what": what}
        if asked_again(f"Please send us {what}.", customer):  # "orders 5521 and 5522": given, not asked for again
            options, fill = _ACT, {"ref": "this"}
    first = phrasing.pick(options, 3)
    steps = [o.format(**fill) for o in [first, *(o for o in options if o != first)]]
    return steps if praise else _policy_first(steps, f"{customer} {draft}", policy, used)


# "Pass all property-damage reports to the Claims team within 24 hours": the team's line, as the agent's own step
_PASS_TO = re.compile(r"\b(?:pass|refer|forward|send|escalate|report|hand)\w*\s+(?P<what>(?:[\w-]+\s+){0,4}?)(?:on\s+)?to\s+"
                      r"(?:the|our)\s+(?P<team>(?:[\w-]+\s+){0,2}?(?:team|department|desk|unit))\b", re.I)


_NOT_OR_ONLY = re.compile(r"\b(?:never|not|don['’]t|only|no)\b", re.I)
_ONLY_IF = re.compile(r"^[^;.]*\b(?:only\s+(?:if|when|after)|unless|if|when|once)\b", re.I)


def _team_step(policy: Policy, topic: str, draft: str, used: set[str]) -> str | None:
    """The step a line for the team asks of the agent on this topic ("pass all damage reports to the Claims team"),
    said as the agent taking it now, or None."""
    for line in policy.commitments:
        passed_to = _PASS_TO.search(line) if line not in used and for_agents(line) else None
        if passed_to and (_NOT_OR_ONLY.search(re.split(r"[;.]", line[: passed_to.start()])[-1]) or
                          _ONLY_IF.search(line[passed_to.end():])):
            continue  # "Never forward damage reports to the Claims team", "Refer ... only if the customer sends photos"
        if passed_to and ({stem(w) for w in re.findall(r"[a-z]{4,}", passed_to["what"].lower())} &
                          {stem(w) for w in content_words(topic)} or  # what the line hands on ("damage reports") is
                          any(policy.forbids(s.text) == line for s in split_sentences(draft))):  # named, or the line
            # ruled out what the draft said ("we'll cover the repairs")
            used.add(line)
            return f"I'm passing this to our {passed_to['team']} now, and I'll update you here once they have looked at it."
    return None


_HEADED = re.compile(r"^(?![^:]*\b(?:is|are|was|were|must|can|will|may|has|have)\b)[^:]{1,80}:\s")  # "Cancellations for ...:"


def _policy_first(steps: list[str], topic: str, policy: Policy, used: set[str]) -> list[str]:
    """``steps``, each after the policy's line on ``topic`` where it has one."""
    line = next((c for c in policy.commitments if c not in used and not for_agents(c) and same_topic(c, topic) and
                 not _HEADED.match(said_policy(c)) and not fluency_problems(said_policy(c))), None)
    # (not a heading said as it stands; the guard would reject a line that reads as a fragment)
    if line is None:
        return steps
    used.add(line)
    return [f"{said_policy(line).rstrip('.')}. {step}" for step in steps]
