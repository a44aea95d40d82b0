"""The team's policy: commitments it may make, phrases it bans, and per-rule severity overrides."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import PolicyError, describe_errors
from .facts import CURRENCY
from .files import read_text
from .results import Severity
from .rules import RULE_IDS
from .text import NUMBER_WORDS, content_words, stem

__all__ = ["Policy", "load_policy", "duration_hours", "pays_back", "refunds", "other_remedy", "to_card", "GRANT_MADE",
           "GRANT_OFFERED", "CONSIDER_DONE", "sums", "for_agents", "as_ours", "to_you", "CONDUCT_RULE", "EXCEPTION",
           "approver", "GRANTS_COVER", "ADMITS", "DISCIPLINED", "BY_A_DAY", "HOLDS_BACK", "REFUSAL", "ONLY_APPROVES", "ONLY_ONCE",
           "WAIVES_PROOF"]

_UNIT_HOURS = {"minute": 1 / 60, "min": 1 / 60, "hour": 1, "hr": 1, "day": 24, "week": 168, "fortnight": 336, "month": 720,
               "year": 8760}
_DURATION = re.compile(
    r"(?:(?P<low>\d+(?:\.\d+)?)|\b(?:for|within|over|up\s+to)\s+(?P<word>" + "|".join(NUMBER_WORDS) + r"))"  # "for six months"
    r"(?:\s*(?:-|–|to)\s*(?P<high>\d+(?:\.\d+)?))?\s*"
    r"(?:business\s+|working\s+|calendar\s+)?(?P<unit>minute|min|hour|hr|day|week|month|year)s?\b(?!\s+ago\b)",
    re.I,
)
_A_WHOLE = re.compile(r"\b(?:a|one)\s+(?:full\s+|whole\s+)?(day|week|month|fortnight)\b", re.I)
_INSTANT = re.compile(
    r"\b(?:right away|straight away|immediately|instantly|today|tonight|asap|as soon as possible|"
    r"in no time|this (?:morning|afternoon|evening)|within the hour|shortly|now)\b",
    re.I,
)
_SAYS_WHEN = re.compile(r"\b(?:\d+\s*(?:-\s*\d+\s*)?(?:business\s+|working\s+)?(?:hours?|days?|weeks?|months?)|same[- ]day|"
                        r"next[- ]day|today|tonight|tomorrow|immediately|instantly|straight\s+away|right\s+away|"
                        r"(?:within|by|before|after)\s+(?:\d|the\s+(?:end|next)|end\s+of|midnight|noon|\w+day\b))", re.I)
_TOMORROW = re.compile(r"\btomorrow\b", re.I)
_SAME_DAY = re.compile(r"\bsame\s+(?:business\s+|working\s+)?day\b|\bend\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day\b",
                       re.I)
_GENERIC_POLICY_WORDS = frozenset(
    "within business working days day weeks week hours hour issued issue available offer offers may can".split()
)
# a window: "Returns are accepted within 30 days", "refunds within 30 days of delivery" (not a time to wait: "Refunds are
# issued within 14 days of cancellation", "processed within 3 days of receipt", "can be expected within 5 days")
_WINDOW_WORDS = (r"\bcan\s+be\s+(?!expected\b)\w+\s+within\b|\bfor\s+\d+\s+days\b|"
                 r"\bwithin\s+(?:the\s+first\s+)?\d+\s+(?:days?|weeks?|months?)\s+(?:of|from|after)\s+(?:the\s+)?"
                 r"(?:delivery|purchase|booking|charge|renewal|sign-?up|start)\b|"
                 r"(?<!ed\s)(?<!paid\s)(?<!sent\s)\bwithin\s+\d+\s+(?:days?|weeks?|months?)\s+of\s+(?:receipt|the\s+order)\b")
# what makes a grant on the same topic conditional: "Annual plans can be refunded pro rata only within the first 14 days"
# (not a "no" about something else: "Gift cards are not refundable unless faulty")
_CONDITIONAL = re.compile(r"\b(?:only|unless|except\w*)\b", re.I)
# what limits a grant: a cap, a condition (in its subject too: "Orders placed before 2pm", "Premium members"), an
# exception, an approval, a window, a charge, someone else's decision
_LIMITS = re.compile(r"\b(?:only|unless|except\w*|if|where|provided|subject\s+to|capped|caps?|maximum|max|at\s+most|limit\w*|"
                     r"up\s+to(?!\s+\d+\s+(?:business\s+|working\s+)?days)|requires?|required|need(?:s|ed)?|approv\w*|"
                     r"(?:assess|decid)\w*(?!\s+within)|discretion|may|must|should|excess|accepted|before|"
                     r"(?:over|under|more\s+than|less\s+than)\s+(?=[£$€\d])|members?|premium|customers?\s+(?:in|on|with|who)|"
                     r"eligible)\b"
                     r"|" + _WINDOW_WORDS, re.I)


#: A policy line that rules something out rather than granting it.
_PROHIBITS = re.compile(r"\b(?:not|no|never|cannot|can't|can’t|isn't|isn’t|aren't|aren’t|non-(?=refundable|returnable))\b"
                        # a charge the customer pays: "Early termination fees apply to contracts in their minimum term"
                        rf"|\b(?P<applies>fee|charge|penalt)(?:y|ie)?s?\s+(?:of\s+(?:up\s+to\s+)?[{CURRENCY}]?\s?\d[\d,.]*\s+)?"
                        r"(?:still\s+|always\s+|also\s+)?(?:apply|applies|"
                        r"(?:is|are)\s+(?:payable|charged|due))\b"  # "An early termination fee of £120 applies before month 18"
                        rf"|\b(?:carry|carries|incur|incurs|attract|attracts)\s+an?\s+(?:[{CURRENCY}]\s?\d[\d,.]*\s+)?(?P<fee>excess|fee|charge|"
                        r"penalt)y?\b"
                        # a cost the customer bears: "Customers pay return postage for size exchanges"
                        r"|\bcustomers?\s+(?:pay|pays|cover|covers|bear|bears)\s+(?:for\s+)?(?:the\s+)?(?:cost\s+of\s+)?"
                        r"(?:their\s+(?:own\s+)?|any\s+)?(?:\w+\s+){0,2}?(?P<paid>postage|shipping|delivery|courier|fee|charge)s?\b"
                        # a price: "Within 48 hours of departure, exchanges cost £15 plus any fare difference"
                        rf"|\b(?P<costs>[a-z]{{4,}}?)(?:es|s)?\s+(?:cost|costs|are\s+charged\s+at)\s+[{CURRENCY}]\s?\d", re.I)
# A reply that says the same "no" ("express shipping isn't available", "I can't offer cash").
_DECLINES = re.compile(r"\b(?:isn't|isn’t|aren't|aren’t|is\s+not|are\s+not|not)\s+(?:available|offered|possible|allowed|"
                       r"refundable|returnable|eligible|"
                       r"an\s+option)\b|\b(?:can't|can’t|cannot|don't|don’t|do\s+not|won't|won’t|unable\s+to)\s+(?:offer|"
                       r"give|provide|arrange|do|send|issue|refund|return|use|waive|remove|cover|make|accept|exchange|replace|"
                       r"extend|allow|ship)\b"
                       # a review by someone who may decide grants nothing: "I'll ask a manager to review the £150 ..."
                       r"|\b(?:ask|asking|pass|passing)\s+(?:\S+\s+){0,4}?to\s+(?:a|the|our)?\s*\w*\s*(?:to\s+)?review\b"
                       r"|\bto\s+review\b", re.I)
# Letting the customer off the fee a line charges ("no excess to pay", "waived the fee"): {fee} is the line's word for it
_LETS_OFF = r"\bno\s+(?:\w+\s+)?{fee}|\bwaiv\w*[^.!?]{{0,30}}\b{fee}|\b{fee}\w*\s+(?:is\s+|has\s+been\s+)?waived|" \
            r"\bwithout\s+(?:an?\s+|any\s+)?(?:\w+\s+)?{fee}|" \
            r"\b{fee}\w*\s+(?:is\s+|are\s+|will\s+be\s+)?(?:on\s+(?:us|the\s+house)|covered|free)\b|\bfree\s+(?:\w+\s+)?{fee}|" \
            r"\b(?:I|we)(?:'ll|’ll|\s+will|'ve|’ve|\s+have|'d|’d|\s+would|\s+can)?\s+(?:also\s+|happily\s+|gladly\s+)?" \
            r"(?:cover\w*|pa(?:y|id)\s+for|pay|paid)\s+(?:the\s+|your\s+|any\s+|all\s+)?(?:\w+\s+){{0,2}}{fee}"
_NO_COST = re.compile(r"\b(?:at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|free\s+of\s+charge|for\s+free|"
                      r"no\s+(?:extra\s+|additional\s+)?(?:cost|charge|fee)|without\s+(?:any\s+)?(?:charge|cost)|"
                      r"complimentary|on\s+us)\b|(?<!\bfeel\s)\bfree\b(?!\s+to\b)", re.I)  # (not "feel free to call")
_PARTS = re.compile(r";\s*|(?<=[a-z])\.\s+(?=[A-Z])")  # the parts of one policy line
_RULING_WORDS = frozenset("not no never cannot only available allowed offered given possible eligible apply applies payable "
                          "charged due costs expenses discuss mention disclose reveal comment speculate".split())
# ("meal costs are not reimbursed": meals; "Do not discuss disciplinary matters": disciplinary matters)
_MONEY = re.compile(rf"(?:[{CURRENCY}]|\b(?:EUR|USD|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|JPY|INR|ZAR|SGD|HKD|AED|KSh|Ksh|Rs\.?|RM)\s?|"
                    r"\bR(?=\d))(\d[\d,]*(?:\.\d+)?)")  # ("R250": rand)


def sums(text: str) -> list[tuple[str, float]]:
    """Each sum of money in ``text`` as written ("£1,240.00") and its value (1240.0)."""
    return [(m.group(), float(m.group(1).replace(",", ""))) for m in _MONEY.finditer(text)]


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")


def _more_money(clause: str, line: str) -> bool:
    """The clause names a larger amount (or share: "20%" against "up to 15%") than the policy line's cap or sum."""
    said, allowed = sums(clause), sums(line)
    shares, cap = _PERCENT.findall(clause), _PERCENT.findall(line)
    if shares and cap and max(map(float, shares)) > max(map(float, cap)):
        return True
    capped = _SHARE_CAP.search(line)
    if capped and not shares and float(capped["share"]) < 100 and _THE_WHOLE.search(clause) and _PAYS_OUT.search(clause) \
            and not _THE_WHOLE.search(line) and "100%" not in line.replace(" %", "%") and \
            not re.search(r"\bback\b|\bduplicate\b", clause, re.I):  # (not a charge paid back: "the full £9.99 back")
        return True  # "a full month's credit" against "capped at 10% of the monthly fee" (not "a 5% discount code")
    if not said or not allowed:
        return False
    return max(value for _, value in said) > max(value for _, value in allowed)


_SHARE_CAP = re.compile(r"\b(?:capped|limited)\s+at\s+(?P<share>\d+(?:\.\d+)?)\s?%", re.I)  # (not "a discount of up to 20%")
_ONCE = re.compile(r"\b(?:once|one\s+\w+\s+(?:per|in|every|a)|(?:one|a\s+single)\s+(?:time|waiver|refund|exception)|"
                   r"(?:the\s+)?current\s+(?:month|week|year|bill|period)\s+only|"
                   r"first(?!\s+(?:\d+|two|three|few)\b))\b",  # (not "after the first 2 full days")
                   re.I)
_STANDING = re.compile(r"\b(?:any|all|every|each|always|automatically|whenever|again|from\s+now\s+on|"
                       r"in\s+(?:the\s+)?future|going\s+forward|every\s+time)\b", re.I)
#: A grant already made, in the past or the present: "I've added a £50 credit", "I'm giving you a full refund".
GRANT_MADE = re.compile(r"\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:gone\s+ahead\s+and\s+|\w+\s+){0,2}?(?:refunded|waived|credited|"
                        r"added|applied|sent|"
                        r"approved|issued|given|arranged|authori[sz]ed|upgraded|matched|extended|reimbursed|paid|frozen|paused|"
                        r"exchanged|released\s+you|let\s+you\s+out|"
                        r"processed|gone\s+ahead\s+and\s+processed|"
                        # a sum or a credit put on the account in other words: "I've popped a £40 credit on the account"
                        r"(?:popped|put|placed|stuck|knocked)\s+(?:an?\s+)?(?:[£$€₹]\s?\d[\d,.]*\s+)?(?:goodwill\s+)?"
                        r"(?:credit|refund|voucher|discount)|(?:popped|put|placed|knocked)\s+[£$€₹]\s?\d)\b|"
                        r"\b(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+"
                        r"(?:\w+\s+)?(?:giving|refunding|waiving|crediting|adding|applying|issuing|offering|sending)\s+you\b"
                        # "I'm removing the €210 damage charge too"
                        r"|\b(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+(?:also\s+)?(?:removing|waiving|refunding|reversing|cancelling|"
                        r"writing\s+off)\s+(?:the|your|this|that)\b"
                        r"|\bhere(?:'s|’s|\s+is)\s+(?:an?|your)\b"  # "here's a 20% code for your next order"
                        # in the passive: "a £50 credit has been applied to your account"
                        r"|\b(?:has|have)\s+been\s+(?:applied|credited|added|refunded|waived|issued|approved|upgraded|"
                        r"extended)\b"
                        # "I've cancelled MEL-30377 and waived the fee": a waiver as a second past verb of the same "I've"
                        r"|\b(?:I|we)(?:'ve|’ve|\s+have)\s+\w+ed\s+(?:[^\s.;:!?,]+\s+){0,5}?and\s+(?:also\s+)?(?:waived|refunded)\b"
                        # "I've marked Arjun's absence from 4-15 November as authorised"
                        r"|\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:marked|recorded|logged|set|put)\s+(?:[^\s.;:!?,]+\s+){1,6}?"
                        r"(?:as|to)\s+(?:authori[sz]ed|approved|exempt|waived|paid(?:\s+in\s+full)?|settled|cleared)\b",
                        re.I)
#: The agent's own grant, offered for later: "I'll refund the full £1,299", "we'll also add a £25 voucher".
GRANT_OFFERED = re.compile(r"\b(?:I|we)(?:'ll|’ll|\s+will)\s+(?:also\s+|now\s+|just\s+|happily\s+)?(?:refund|waive|credit|"
                           r"throw\s+in|"
                           r"add|apply|issue|give(?!\s+you\s+a\s+(?:call|ring|shout|bell|buzz|quick\s+call))|pay|reimburse|compensate|upgrade|"
                           r"extend)\b"
                           # "we're happy to match MegaMart and refund the $120 difference"
                           r"|\b(?:I|we)(?:'re|’re|\s+are|'m|’m|\s+am)\s+(?:more\s+than\s+)?(?:happy|glad|pleased|delighted)\s+to\s+"
                           r"(?:\w+\s+){0,4}?(?:refund|waive|credit|price[-\s]match|match|reimburse|honou?r)\b"
                           # goods or money handed over: "we'll be sending you a brand new WX-900 and £200 compensation"
                           r"|\b(?:I|we)(?:'ll|’ll|\s+will)\s+(?:also\s+|now\s+)?(?:be\s+)?(?:send(?:ing)?|ship(?:ping)?|post(?:ing)?|"
                           r"giving|offer(?:ing)?|provid(?:e|ing)|cover(?:ing)?)\s+(?:you\s+)?(?:with\s+)?(?:an?\s+|the\s+|your\s+)?"
                           r"(?:brand[-\s]new|new|free|full|replacement|complimentary|refund|compensation|voucher|credit|"
                           rf"[{CURRENCY}]\s?\d|\d+(?:\.\d+)?\s?%)"
                           # an offer the agent makes there and then: "As a gesture of goodwill I can offer a voucher for 50%"
                           r"|\b(?:I|we)\s+(?:can|could)\s+(?:also\s+)?(?:offer|give|provide)\s+(?:you\s+)?(?:an?\s+|the\s+)?"
                           rf"(?:goodwill\s+)?(?:voucher|credit|refund|discount|compensation|[{CURRENCY}]\s?\d|"
                           r"\d+(?:\.\d+)?\s?%)", re.I)
# Money handed back in other words: "they'll give you the £34.99 back in cash" is a refund.
_GIVES_BACK = re.compile(r"\b(?:give|get|pay|hand)\w*\s+(?:you\s+)?(?:[^!?,;]{0,30}?\s)?back\b|\bmoney\s+back\b"
                         rf"|\bpay\w*\s+(?:the\s+)?[{CURRENCY}][\d.,]+\s+(?:back\s+)?to\s+you\b", re.I)


_TEAM = r"^\s*(?:our\s+)?(?:agents?|staff|employees|advis[eo]rs?|reps?|representatives|team\s+members|colleagues)\s+"
# A line addressed to the team, not a fact for the customer: "Agents must not discuss detection methods publicly",
# "Do not promise a date ...", "Escalate gas smells to ..."
_DONT = r"do\s+not|don't|don’t|never|always|avoid"
_FOR_AGENTS = re.compile(_TEAM + r"(?:must|should|cannot|can't|can’t|are\s+not|need|have\s+to)\b|^\s*(?:" + _DONT +
                         r"|escalate|only\s+offer|offer|tell|advise|ask|refer|log|flag|check)\b", re.I)
#: A line that is a rule of conduct ("Do not promise a date ...", "Never ..."), whoever it names.
CONDUCT_RULE = re.compile(r"^\s*(?:" + _DONT + r")\b", re.I)
#: The start of a line that holds something back, as a pattern to build on: "Do not discuss ...", "Agents must not
#: promise ..." (the checker reads what it keeps quiet or withheld; the offline engine, the sums it keeps unpromised).
HOLDS_BACK = r"^\s*(?:do\s+not|don['’]t|never|(?:agents|staff)\s+(?:must|may|should)\s+not)\s+"
# What the team may do, said to the customer as ours: "Agents may waive damage charges up to €100" -> "We can waive ..."
_MAY = r"(?:may|can|are\s+(?:allowed|permitted|able)\s+to)\s+"
_TEAM_MAY = re.compile(_TEAM + _MAY, re.I)
_TEAM_CANNOT = re.compile(_TEAM + r"(?:cannot|can't|can’t|are\s+not\s+(?:allowed|permitted|able)\s+to)\s+", re.I)
# the same after a first part: "Hotel costs are not reimbursed; agents may offer a 15% voucher" -> "...; we can offer ..."
_TEAM_MAY_PART = re.compile(r"(?<=[;,] )" + _TEAM[1:] + _MAY + r"(?!not\b)", re.I)


def _either_named(what: str, clause_topic: set[str]) -> bool:
    """What a line holds back is a list ("offer vouchers or credits without approval", "Express shipping or gift wrapping
    fees"): the clause names every word of one of its items ("credits"; not "standard shipping" for "express shipping")."""
    head = re.split(r"\b(?:without|unless|for|to|from|in|on|by|after|before|above|over|are|is|need|needs|require|requires|"
                    r"can|may|must)\b", what, maxsplit=1, flags=re.I)[0]
    if not re.search(r"\s+or\s+", head):
        return False
    items = re.split(r",\s*|\s+or\s+", head)
    stems = [_stems(item, _GENERIC_POLICY_WORDS | _RULING_WORDS) for item in items]
    return any(item and all(word in clause_topic or _same_word(word, clause_topic) for word in item) for item in stems)


_HAND_OUT = frozenset({"offer", "giv", "issu", "provid", "grant", "hand"})  # (each as ``act``, its last "e" cut)


def for_agents(line: str) -> bool:
    """A policy line addressed to the team ("Agents must ...", "Do not ..."): the reply never says it to the customer."""
    body = _LEAD_CONDITION.sub("", _HEADING.sub("", line, count=1), count=1)
    return bool(_FOR_AGENTS.match(line) or _FOR_AGENTS.match(body) or _AGENT_VERB.match(body) and body != line)


# "Lost parcels: if tracking has not updated for 7 days, open a carrier trace ...": an instruction behind its heading
# and condition
_HEADING = re.compile(r"^\s*[\w'’ -]{1,30}:\s+")
_LEAD_CONDITION = re.compile(r"^\s*(?:if|when|once|where|after)\b[^,;:]{1,80},\s*", re.I)
_AGENT_VERB = re.compile(r"^\s*(?:open|record|verify)\s+(?:a|an|the)\b", re.I)


# The customer in the third person: "Refunds reach the customer's card within 3-5 working days", "Customers can ask
# for their data to be copied ..."
_THIRD_PERSON = ((re.compile(r"\bthe\s+customer['’]s\b", re.I), "your"),
                 # (not a team's name: "assessed by the Customer Care team")
                 (re.compile(r"\bthe\s+customer\b(?!\s+(?:(?:care|service|services|support|relations|experience|success)\s+"
                             r"(?:team|department|desk|centre|center|line|unit|advis[eo]rs?)|team|helpdesk)\b)", re.I), "you"))


def to_you(text: str) -> str:
    """ "the customer's" -> "your", "the customer" -> "you" (nothing else)."""
    for pattern, said in _THIRD_PERSON:
        text = pattern.sub(said, text)
    return text
_CUSTOMERS = re.compile(r"^\s*(?:customers|members|guests|passengers|subscribers|users)\s+(?=(?:can|may|will|are|receive|get|"
                        r"have|should|need)\b)", re.I)


# the verb after a customer made "you": "you does not need" -> "you do not need", "you provides" -> "you provide"
_HE_DOES = re.compile(r"\byou\s+(?P<verb>does|doesn't|doesn’t|has|hasn't|hasn’t|is|isn't|isn’t|was|wasn't|wasn’t|"
                      r"(?!(?:always|also|still|just|only|never|thus|this|perhaps|plus|as|us|yes|less|unless)\b)[a-z]+[^s\W]s)\b")
_AGREE = {"does": "do", "doesn't": "don't", "doesn’t": "don’t", "has": "have", "hasn't": "haven't", "hasn’t": "haven’t",
          "is": "are", "isn't": "aren't", "isn’t": "aren’t", "was": "were", "wasn't": "weren't", "wasn’t": "weren’t"}


def _plain(verb: str) -> str:
    return verb[:-2] if re.search(r"(?:ss|sh|ch|x|z)es$", verb) else verb[:-3] + "y" if verb.endswith("ies") else verb[:-1]


_AND_DOES = re.compile(r"(\band\s+)(?P<verb>confirms|sends|emails|texts|calls|notifies|refunds|removes|updates|arranges|"
                       r"books|issues|credits|replaces|reviews|contacts)\b", re.I)
_AGENT_DOES = re.compile(r"\bthe\s+(?:agent|advis[eo]r|team)\s+(?P<verb>(?!(?:is|has|was|does)\b)[a-z]+[^s\W]s)\b", re.I)
# A second part of a line that tells the team what to do: "...; the agent must give the customer the ticket number"
_AGENTS_PART = re.compile(r"\s*[;:]\s*(?:(?:the\s+|an?\s+)?(?:agents?|staff|advis[eo]rs?|team\s+members?)\s+(?:may\s+not|cannot|"
                          r"can't|can’t|must|should|"
                          r"need\s+to|needs\s+to|has\s+to|have\s+to|are\s+to|is\s+to)\b|(?:offer|refer|escalate|log|raise|"
                          r"quote)\s+(?:a|an|the)\b)[^;]*?\.?$", re.I)  # ("...; offer a paid repair quote": the team's part)


# a rule of conduct about what the team hands out: "Do not offer cash compensation." -> "We don't offer cash ..."
_DO_NOT_SAY = re.compile(r"^(?:do\s+not|don't|don’t|never)\s+(?P<verb>confirm|promise|guarantee|quote|discuss|share|"
                         r"disclose|commit\s+to|agree\s+to|approve|authori[sz]e|speculate\s+(?:on|about)|comment\s+on)\s+", re.I)
_DO_NOT_OFFER = re.compile(r"^(?:do\s+not|don't|don’t|never)\s+(?P<verb>offer|give|issue|provide|pay)\s+", re.I)


def as_ours(line: str) -> str:
    """A policy line in the reply's voice: what the team may do as ours ("Agents may waive ..." -> "We can waive ..."),
    the customer as "you" ("... reach the customer's card" -> "... reach your card"; "Customers can ask for their data
    ..." -> "You can ask for your data ...")."""
    line = _AGENTS_PART.sub(".", line)  # "...within 24 hours; the agent must give the ticket number": not for the customer
    if _AGENT_DOES.search(line):  # "the agent removes the block and confirms by SMS" -> "we remove ... and confirm ..."
        line = _AGENT_DOES.sub(lambda m: "we " + _plain(m["verb"]), line)
        line = _AND_DOES.sub(lambda m: m.group(1) + _plain(m["verb"]), line)
        line = "W" + line[1:] if line.startswith("we ") else line
    line = to_you(_TEAM_MAY_PART.sub("we can ", _TEAM_MAY.sub("We can ", line, count=1), count=1))
    line = _TEAM_CANNOT.sub("We can't ", line, count=1)  # "Agents cannot waive early termination fees"
    line = re.sub(r"^We can not\b", "We can't", line)  # "Agents may not offer vouchers ..." -> "We can't offer ..."
    line = _DO_NOT_OFFER.sub(lambda m: f"We don't {m['verb'].lower()} ", line, count=1)  # "Do not offer cash ...": ours
    line = _DO_NOT_SAY.sub(lambda m: f"I can't {m['verb'].lower()} ", line, count=1)  # "Do not confirm compensation
    # before ...": an order to the agent, said to the customer as what the agent can't do
    line = _HE_DOES.sub(lambda m: "you " + _AGREE.get(m["verb"].lower(), _plain(m["verb"])), line)
    if _CUSTOMERS.match(line):
        line = re.sub(r"\btheir\b", "your", _CUSTOMERS.sub("You ", line, count=1))
    return "Y" + line[1:] if line.startswith("you ") else line


def refunds(text: str) -> bool:
    """``text`` speaks of a refund: "refund", "reimburse", "money back"."""
    return _REFUNDS.search(text) is not None


def pays_back(text: str) -> bool:
    """Money handed back in other words ("they'll give you the £34.99 back", "we'll pay the £89.99 to you"): a refund."""
    return _GIVES_BACK.search(text) is not None


def _more_often(clause: str, line: str) -> bool:
    """The clause grants for good ("waived automatically from now on") what the line allows once."""
    return _ONCE.search(line) is not None and _STANDING.search(clause) is not None


_ONE_OF = re.compile(r"\b(?:one|a\s+single|1)\s+(?:[\w-]+\s+){0,2}?(?:fees?|charges?|refunds?|waivers?|credits?|"
                     r"payments?|replacements?|vouchers?|exceptions?)\b", re.I)
_SEVERAL = re.compile(r"\b(?:all\s+(?:of\s+)?(?:them|those|these|two|three|four|five|six|\d+)\b|"
                      r"(?:waiv|refund|credit|revers|remov|cancel)\w*\s+(?:all|both)\b|both\s+(?:of\s+(?:them|the)|fees|charges)\b|"
                      r"(?:two|three|four|five|six|several|\d+)\s+(?:of\s+)?(?:the\s+|your\s+)?(?:[\w-]+\s+)?(?:fees|charges|"
                      r"refunds|credits|payments|fines|penalties)\b)", re.I)  # ("waived all three", not "added two days ago")


# a condition of a grant let go: "No need to send anything back or provide any photos!" (what the checker reads where a
# planted order asked for it, and the edit takes out)
WAIVES_PROOF = re.compile(r"\W*(?:and\s+|so\s+)?(?:there['’]?s\s+)?no\s+need\s+(?:for|to)\s+(?:\w+\s+){0,4}?(?:back|photos?|"
                          r"pictures?|proof|receipts?|evidence|troubleshooting)\b", re.I)


# money sent back to a card, and a line that keeps it off one ("refunded as account credit only")
_CARD = (r"(?:to|on|onto|into)\s+(?:your|the)\s+(?:original\s+)?(?:(?:credit|debit|payment|bank)\s+)?"
         r"(?:card|visa|mastercard|amex|payment\s+method|bank\s+account)")
_TO_CARD = re.compile(rf"\b{_CARD}\b|\b(?:visa|mastercard|amex|card)\s+ending\b", re.I)
_CARD_RULED_OUT = re.compile(r"\b(?:not|never)\s+(?:back\s+)?(?:to|on)\s+(?:the\s+|your\s+|a\s+)?(?:original\s+)?"
                             r"(?:(?:credit|debit|payment)\s+)?(?:card|payment\s+method)\b|\b(?:as|in)\s+(?:[\w-]+\s+)?"
                             r"credit\s+only\b|\bonly\s+(?:as|in)\s+(?:[\w-]+\s+)?credit\b", re.I)
# ... and where it says so, to be said again as credit: " straight to your Visa ending 4471"
_TO_CARD_SPAN = re.compile(rf"(?:\s+(?:straight|directly|right|back))*\s+{_CARD}(?:\s+ending(?:\s+in)?\s+\d{{2,4}})?\b", re.I)
_ROUTE_WORDS = _GENERIC_POLICY_WORDS | frozenset(stem(w) for w in """card cards payment original method account credit
refund refunded refunds store debit visa mastercard bank back money""".split())
_REFUNDED = re.compile(r"\b(?:refund(?:ed|ing)?|repa(?:id|y)|paid\s+(?:it\s+|you\s+)?back|put\s+(?:it\s+|the\s+\S+\s+)?back|"
                       r"reimburs\w*|returned\s+(?:the\s+)?(?:money|[£$€₹]))\b", re.I)
_NEEDS_SOMEONE = re.compile(r"\b(?:need|needs|require|requires)\b[^.;]*\b(?:approval|sign-?off|authori[sz]ation)\b", re.I)
_CREDIT_KIND = re.compile(r"\b(?:as|in)\s+(?P<kind>(?:[\w-]+\s+)?credit)\b", re.I)
_GRANT_VERB = re.compile(r"\b(waiv|refund|credit|replac|reimburs|revers|cancel|remov)\w*", re.I)


# The kind of remedy a line grants or a reply hands out: a "voucher worth 10%" does not cover "a full refund plus a
# £100 goodwill payment" or "a free armchair".
_REMEDIES = {kind: re.compile(words, re.I) for kind, words in {
    "refund": r"\brefund\w*|\bmoney\s+back\b", "voucher": r"\bvouchers?\b|\bgift\s+cards?\b",
    "credit": r"\bcredit(?:s|ed)?\b(?!\s+card)",
    "discount": r"\bdiscount\w*|(?<!\bfor\s)\b\d+\s?%\s+off\b",  # (not a "voucher for 15% off": the voucher's value)
    "payment": r"\b(?:goodwill|compensation)\s+payments?\b|\bcash\b", "free": r"\bfree\s+(?!of\s+charge)\w+",
    "upgrade": r"\bupgrad\w*",
}.items()}


def to_card(text: str) -> bool:
    """``text`` sends money to a card or a bank account ("refunded it to your Visa ending 4471")."""
    return _TO_CARD.search(text) is not None


def other_remedy(clause: str, line: str, *, only: bool = False) -> bool:
    """The clause hands out a kind of remedy the line does not name, where the line names one (``only``: and none
    of the kinds it does name: "a £100 payment" against "a voucher", not "refunded in cash" against "refunded")."""
    granted = {kind for kind, rx in _REMEDIES.items() if rx.search(line)}
    given = {kind for kind, rx in _REMEDIES.items() if rx.search(clause)}
    return bool(granted) and bool(given - granted) and not (only and given & granted)


# A grant with its condition let go: "no need to send the old one back", "whenever you like", "even though it's
# outside the warranty", "as a one-off exception"
_BACK = r"(?:return|(?:send|post|ship|mail|bring)\s+(?:\w+\s+){0,3}?back)\b"  # "send the damaged one back", "return it"
_WAIVES_CONDITION = re.compile(
    r"\bno\s+need\s+(?:for\s+you\s+)?to\s+" + _BACK + r"|\b(?:don't|don’t|do\s+not|won't|won’t)\s+(?:need|have)\s+to\s+"
    + _BACK + r"|\bwithout\s+(?:you\s+)?(?:needing\s+to\s+|having\s+to\s+)?(?:return|send\w*\s+(?:\w+\s+){0,3}?back)\w*|"
    r"\bkeep\s+the\s+(?:old|damaged|faulty|broken)\b|"
    # "even though it's just outside the 12-month warranty": a concession, not "arrived outside the delivery window"
    r"\b(?:even\s+though|although|though|despite)\b[^.!?;]{0,40}?\b(?:outside|past|beyond|out\s+of)\s+(?:the|your|its|our)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:warranty|guarantee|window|period|deadline|cooling[- ]off)\b|"
    r"\b(?:even\s+though|although|though|despite)\b[^.!?;]{0,40}?\bout\s+of\s+warranty\b|"
    r"\bwhenever\s+you\s+(?:like|want|wish|choose|are\s+ready|'re\s+ready)\b|"
    r"\bany\s*time\s+you\s+(?:like|want|wish)\b|\b(?:an?|one-off)\s+exception\b|\bjust\s+this\s+(?:once|time)\b|"
    r"\bwhenever\s+you\s+get\s+(?:a)?round\s+to\b|"
    r"\bas\s+a\s+one[- ]off\b|\bbend\s+the\s+rules?\b", re.I)
_ASKS_BACK = re.compile(r"\breturn(?:ed|s)?\s+(?:item|goods|product|parcel|unit)s?\b|\b(?:once|after|when|on)\s+(?:we\s+)?"
                        r"(?:receiv\w*|get)\s+(?:the|it|them|your)\b|\bbeing\s+received\b|\breceipt\s+of\s+the\s+"
                        r"(?:return|item|goods)|\bsen[dt]\s+(?:it|them|the\s+\w+)\s+back\b", re.I)
_NO_NEED_BACK = re.compile(r"\W*(?:and\s+)?(?:there's\s+|there\s+is\s+)?no\s+need\s+(?:for\s+you\s+)?to\s+(?:send|post|return|"
                           r"bring|ship)\b", re.I)
# "no receipt needed", "without the paperwork", "no need for photos": a proof let go, where a line asks for one
_NO_PROOF = re.compile(
    r"\bno\s+(?:receipt|proof(?:\s+of\s+(?:purchase|postage))?|photos?|paperwork|documents?|certificate)s?\s+(?:needed|"
    r"required|necessary)\b|\bwithout\s+(?:a\s+|the\s+|any\s+)?(?:receipt|proof\s+of\s+purchase|paperwork)\b|"
    r"\bno\s+need\s+(?:for|of)\s+(?:a\s+|the\s+|any\s+)?(?:receipt|proof|photos?|pictures?|paperwork|documents?)\b|"
    # "No need to send any photos", "you don't need to send a receipt"
    r"\b(?:no\s+need|(?:don't|don’t|do\s+not|won't|won’t)\s+(?:need|have))\s+(?:for\s+you\s+)?to\s+(?:send|provide|upload|"
    r"attach|show)\s+(?:us\s+)?(?:a\s+|the\s+|any\s+)?(?:receipt|proof(?:\s+of\s+purchase)?|photos?|pictures?|images?|"
    r"videos?|paperwork|documents?|certificates?)\b",
    re.I)
_PROOFS = (re.compile(r"\b(?:receipts?|proof\s+of\s+purchase)\b", re.I), re.compile(r"\b(?:photos?|pictures?|images?)\b", re.I),
           re.compile(r"\b(?:paperwork|documents?|certificates?|proof)\b", re.I))


def _asks_for(line: str, let_go: str) -> bool:
    """The line asks for the proof the clause lets go ("no need for photos" against "... with photos")."""
    return any(kind.search(let_go) and kind.search(line) for kind in _PROOFS)


# "Courtesy cars are subject to availability": what the line makes conditional, and a clause that hands it out as sure
_SUBJECT_TO = re.compile(r"^(?P<what>.+?)\s+(?:are|is)\s+(?:only\s+|always\s+)?(?:subject\s+to|dependent\s+on|"
                         r"conditional\s+on)\b", re.I)
_SURE_GRANT = re.compile(r"\byou(?:'ll|’ll|\s+will)\s+(?:also\s+)?(?:receive|get|have|be\s+given)\b|\b(?:I|we)(?:'ll|’ll|\s+will|"
                         r"'ve|’ve|\s+have)\s+(?:also\s+)?(?:arranged|booked|give|provide|arrange|book|add(?:ed)?)\b", re.I)
_HEDGED = re.compile(r"\b(?:if|where|when)\s+(?:one\s+is\s+|it's\s+|they're\s+)?available\b|\bsubject\s+to\b|\bdepending\s+on\b|"
                     r"\b(?:once|after|provided|as\s+long\s+as|when)\b", re.I)


# "Fee waivers require approval from the fares team", "Early termination fees can only be waived by the retentions team
# after account review", "Refunds over £100 need manager sign-off": what the line grants only with a condition met
#: A grant said as an exception to the rules: "even though it's past 30 days", "I'll make an exception this once".
EXCEPTION = re.compile(r"\b(?:even\s+though|although|despite|though)\b[^.!?]{0,40}\b(?:past|after|over|outside|beyond|"
                       r"expired|out\s+of)\b|\beven\s+though\s+(?:it['’]s|it\s+has|it\s+is)\s+(?:been\s+)?(?:a\s+while|a\s+bit|"
                       r"some\s+time|too\s+long|longer|late|(?:more|longer)\s+than)\b|\b(?:make|made|making)\s+an\s+exception\b|\bas\s+(?:an?\s+)?(?:one-off\s+)?"
                       r"exception\b|\b(?:just\s+)?this\s+once\b|\bas\s+a\s+one[-\s]off\b", re.I)
#: "Only a supervisor may approve a waiver of the $150 fee": who alone approves (``who4``)
ONLY_APPROVES = (r"\bonly\s+(?P<who4>(?:a|an|the|your)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:may|can|is\s+(?:allowed|able)\s+to)\s+"
                 r"(?:approve|authori[sz]e|sign\s+off|agree\s+to|waive|offer|issue|grant)\b")  # ("Only a supervisor may
# waive or refund the £55 garden waste subscription", "Only a pharmacist may issue an emergency supply")
_APPROVER = re.compile(r"\bapprov\w*\s+(?:from|by)\s+(?P<who>(?:a|an|the|your)\s+[\w-]+(?:\s+[\w-]+)?)|"
                       r"\b(?:need|needs|require|requires)\s+(?P<who2>(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)['’]s\s+approval|"
                       # "larger amounts need team lead approval", "without manager approval", "go to the Fare Review team"
                       r"\b(?:need|needs|require|requires|without)\s+(?P<role>(?:[\w-]+\s+){0,2}?(?:manager|lead|team|supervisor|"
                       r"director|department))\s+(?:approval|sign-?off)\b|"
                       # "larger amounts go to the Fare Review team" (a sum sent on, not a complaint routed)
                       r"\b(?:amounts?|sums?|claims?|refunds?|credits?)\s+(?:go|are\s+passed|are\s+referred)\s+to\s+"
                       r"(?P<who3>the\s+(?:[\w-]+\s+){0,3}?(?:team|department|manager|supervisor))\b|"
                       + ONLY_APPROVES, re.I)


def approver(line: str) -> str | None:
    """Who a policy line says approves ("Exceptions require approval from a team lead": "a team lead"; "Larger amounts
    need Claims team approval": "the Claims team"), or None."""
    m = _APPROVER.search(line)
    if m and m["role"]:  # a named team or title is "the" one; a role is any of them ("a team lead")
        role = re.sub(r"^(?:(?:the|a|an|prior|written|formal|explicit|express|senior)\s+)+", "", m["role"], flags=re.I)
        return f"the {role}" if role[0].isupper() or role.lower().endswith(("team", "department")) else \
            f"{'an' if role[0].lower() in 'aeiou' else 'a'} {role}"
    who = (m["who"] or m["who2"] or m["who3"] or m["who4"]) if m else None
    return re.sub(r"\s+(?:and|or|for|before|within|in|on|to)$", "", who) if who else None


_NEEDS = re.compile(r"^(?P<what>.+?)\s+(?:(?:requires?|needs?)\s+(?P<cond>.+)|(?:(?:can|may|will)\s+only\s+be|(?:are|is)\s+"
                    r"only)\s+(?P<verb>\w+ed)\s+(?P<cond2>(?:by|after|with|once|if|when|from)\s.+)|(?:are|is)\s+(?:only\s+)?"
                    r"(?:granted|given|approved|issued|accepted|waived|made|allowed)\s+only\s+(?P<cond3>(?:by|after|with|"
                    r"once|if|when)\s.+))$", re.I)  # ("Discounts are only applied from offers recorded in the billing system")
_ONLY_ROLE = re.compile(r"^only\s+(?P<role>(?:the|a|an|our)\s+[^,;]+?)\s+(?:may|can|is\s+allowed\s+to|are\s+allowed\s+to)\s+"
                        r"(?P<verb>[a-z]+)\s+(?P<what>[^,;]+?)$", re.I)

_NO_WITHOUT = re.compile(r"^no\s+(?P<what>.+?)\s+without\s+(?P<cond>.+)$", re.I)
_ABOVE = re.compile(rf"\b(?:above|over|more\s+than|exceeding|beyond)\s+[{CURRENCY}]?\s?\d", re.I)
# "I've waived the fee", "consider the change fee gone": what a waiver looks like in a clause
_WAIVES = re.compile(r"\bwaiv\w*|\b(?:gone|written\s+off|knocked\s+off|removed|dropped|cancell?ed)\b|\bno\s+(?:\w+\s+)?"
                     r"(?:fee|charge)\b|\bwithout\s+(?:the\s+|any\s+)?(?:\w+\s+)?(?:fee|charge)\b", re.I)
# "without you needing to clear the remaining balance": the condition named only to be let go
# ("Normally the manager would need to approve this, but I've waived it": the condition named, not met)
_WITHOUT = re.compile(r"\b(?:without|no\s+need\s+(?:for\s+you\s+)?to|(?:don't|don’t|won't|won’t|do\s+not|will\s+not)\s+"
                      r"(?:need|have)\s+to|not\s+needing\s+to|normally|usually|would\s+(?:normally\s+|usually\s+)?need|"
                      r"(?:sign-?off|approval)\s+(?:is\s+)?(?:not\s+)?needed)\b", re.I)
# "Consider the change fee gone on this occasion": a grant in the imperative
CONSIDER_DONE = re.compile(r"\bconsider\s+(?:the\s+|your\s+|that\s+|it\s+)?(?:[\w£$€.,-]+\s+){0,3}?(?:gone|waived|done|"
                            r"sorted|refunded|cancell?ed|written\s+off)\b", re.I)

# A line that charges a fee ("Cancelling within the minimum term incurs a £60 early-exit fee") grants no waiver of it
_CHARGES = re.compile(rf"\b(?:carry|carries|incur|incurs|attract|attracts)\s+an?\s+(?:[{CURRENCY}]\s?\d[\d,.]*\s+)?"
                      r"(?:[\w-]+\s+){0,2}?"
                      r"(?:excess|fee|charge|penalty)\b"
                      # "Cancellations within 48 hours of arrival are charged one night (AUD 189)"
                      rf"|\b(?:are|is)\s+(?:charged|billed)\s+(?:at\s+)?(?:[{CURRENCY}]|\w+\s+(?:night|day|month|week)s?\b|the\s+full)",
                      re.I)


@lru_cache(maxsize=1024)  # read for every sentence of every draft against each line: parsed once per line
def _held_back(line: str) -> tuple[re.Match[str] | None, tuple[str, ...]]:
    """A "requires" line's parts ("Early upgrades require paying off ...") and the stems of what it holds back, less
    an amount it names ("Goodwill credit above £10": goodwill, credit); (None, ()) for any other line."""
    said = line.strip().rstrip(".")
    needs = _NEEDS.match(_NO_WITHOUT.sub(r"\g<what> require \g<cond>", said))  # "No vouchers above £10 without
    if needs is None:  # manager approval" is "Vouchers above £10 require manager approval"
        return None, ()
    return needs, _stems(_ABOVE.split(needs["what"])[0], _GENERIC_POLICY_WORDS | _RULING_WORDS)


_OWN_DEED = re.compile(r"\b(?:I|we)(?:'ve|’ve|\s+have|'ll|’ll|\s+will|'m|’m|\s+am|'re|’re|\s+are)\s+(?:\w+\s+){0,2}?"
                       r"(?P<verb>\w+)\s+(?:the|your|this|that|it|them)\b", re.I)


def _does_what_line_reserves(clause: str, line: str) -> bool:
    """The agent does what a line keeps for someone else, in the line's own verb ("I've lifted the ban" against "Bans
    may only be lifted by the Trust & Safety team after an appeal")."""
    needs, what = _held_back(line)
    if not needs or not needs["verb"] or not what:
        return False
    verb = stem(needs["verb"])
    return any(stem(m["verb"]) == verb for m in _OWN_DEED.finditer(clause))


def _named_in_full(clause: str, line: str) -> bool:
    """The clause names every word of what a "requires" line holds back ("an early upgrade": "Early upgrades")."""
    what = set(_held_back(line)[1])
    return len(what) >= 2 and what <= _topic(clause, _GENERIC_POLICY_WORDS | _RULING_WORDS)


def _given_outright(clause: str, line: str, context: str = "") -> bool:
    """The clause hands out for sure what the line makes conditional ("subject to availability", "requires approval");
    ``context`` (the sentence before) may say the condition is met ("Thanks for sending the doctor's note.")."""
    if _HEDGED.search(clause):
        return False
    generic = _GENERIC_POLICY_WORDS | _RULING_WORDS
    topic = _topic(clause, generic)
    condition = _SUBJECT_TO.match(line.strip())
    if condition:
        what = _stems(condition["what"], generic)
        return _SURE_GRANT.search(clause) is not None and bool(what) and what[-1] in topic
    needs, what = _held_back(line)
    only = _ONLY_ROLE.match(line.strip().rstrip(".").split(";")[0])
    role = set(_stems(only["role"], generic)) if only else set()
    if only and _CUTS_PRICE.search(clause) and _MADE_IT.search(clause) and \
            {stem("reductions"), stem("discounts")} & set(_stems(only["what"], generic)) and \
            not role & (_topic(clause, generic) | _topic(context, generic)):  # (not "the practice manager has approved
        # it, so I've taken £40 off")
        return True  # "I've knocked 20% off your bill" against "Only the practice manager may approve fee reductions"
    if not needs or not (_SURE_GRANT.search(clause) or GRANT_MADE.search(clause) or GRANT_OFFERED.search(clause) or
                         CONSIDER_DONE.search(clause) or _does_what_line_reserves(clause, line)):
        return False
    if _ABOVE.search(needs["what"]) and not _more_money(clause, needs["what"]):
        return False  # "Goodwill credit above £10 needs approval" does not hold back a £5 credit
    cond = set(_stems(needs["cond"] or needs["cond2"] or needs["cond3"], generic))
    if cond & (topic | _topic(context, generic)) - set(what) and not _WITHOUT.search(clause):
        return False  # the clause says the condition ("the retentions team has approved ..."), not lets it go
    verb = stem(needs["verb"]) if needs["verb"] else None
    if verb == stem("waived") or stem("waiver") in what:  # "Fee waivers require ...": the clause must waive the fee
        return _WAIVES.search(clause) is not None and bool(set(what) - {stem("waiver")} & topic)
    if _does_what_line_reserves(clause, line) and set(what) & topic:
        return True  # "I've lifted the ban" against "Account bans for cheating may only be lifted by ..."
    # "Discount codes may only be issued by the retention team": whatever the agent calls handing one out
    by_role = re.match(r"by\s", needs["cond2"] or needs["cond3"] or "", re.I) is not None
    return bool(what) and (what[-1] in topic or _same_word(what[-1], topic)) and (verb is None or verb in topic or by_role)


_MADE_IT = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:just\s+|already\s+|also\s+|gone\s+ahead\s+and\s+)?\w+", re.I)
# a reduction in other words: "I've knocked 20% off your bill", "taken £50 off" ("Fee reductions may only be approved by")
_CUTS_PRICE = re.compile(rf"^(?!.*\b(?:whether|if|ask\w*)\b)(?:.*\b(?:knock\w*|tak\w+|shav\w*)\b[^.!?]{{0,30}}\boff\b|"
                         rf".*\b\d+\s?%\s+off\b|.*[{CURRENCY}]\s?\d[\d,.]*\s+off\b|.*\b(?:reduced|discounted|lowered)\s+"
                         r"(?:your|the)\s+(?:bill|fee|invoice|charge|price|balance)\b)", re.I)


# "it falls outside our 14-day window, so I'm not able to refund it": the condition said, not let go
_TURNS_DOWN = re.compile(r"\b(?:not\s+able|unable|can't|can’t|cannot|(?:isn't|isn’t|is\s+not|not)\s+possible|no\s+longer|"
                         r"I'm\s+afraid|I’m\s+afraid|unfortunately|chargeable|quote[ds]?)\b", re.I)
# What a clause hands out, for a waiver to matter ("You can cancel whenever you like" hands out nothing)
_HANDS_SOMETHING = re.compile(r"\b(?:send|sent|ship|replac|refund|exchang|swap|credit|waiv|repair|giv|offer|add|cover|issu|"
                              r"approv|arrang|deliver|extend|upgrad|free|compensat|keep|appl(?:y|ied)|discount|reduc)\w*|"
                              r"\bno\s+need\b|\bknock\w*\b[^.!?]{0,30}\boff\b|\b\d+\s?%\s+off\b", re.I)
# The part of an order a line refunds ("delivery fee refunded", "a refund of the booking fee"), and a clause that
# hands back the whole of it ("refunded the full £38.90")
_REFUNDS_PART = re.compile(r"\b(?P<part>[a-z]+)\s+(?:fee|charge|cost|postage|difference)s?\s+(?:is\s+|are\s+|will\s+be\s+|"
                           r"gets?\s+)?refund|\brefund\w*\s+(?:of\s+)?(?:the\s+|your\s+)?(?P<part2>[a-z]+)\s+(?:fee|charge|cost|"
                           r"postage|difference)s?\b",
                           re.I)
_THE_WHOLE = re.compile(r"\b(?:full|whole|entire|in\s+full|every\s+penny|all\s+(?:of\s+)?(?:your|the)\s+(?:money|order|"
                        r"payment))\b", re.I)
_PAYS_OUT = re.compile(r"\b(?:compensat\w*|refund\w*|credit\w*|reimburs\w*|repaid|paid\s+back)\b", re.I)
_CHARGES_SHARE = re.compile(r"\b(?:fee|charge|penalt\w*|surcharge|interest)\b", re.I)  # "a restocking fee of 15%"
_REFUNDS = re.compile(r"\brefund|\bmoney\s+back\b|\breimburs", re.I)
# A line that pays back a share of what was paid: "25% of the ticket price", "half the fare"
_SHARE_OF_PRICE = re.compile(r"\b(?:\d{1,2}(?:\.\d+)?\s?%|half)\s+(?:of\s+)?(?:the\s+|your\s+)?(?:\w+\s+)?"
                             r"(?:price|fare|cost|fee|amount|charge)\b", re.I)
_PRO_RATA = re.compile(r"\b(?:pro[- ]?rata|prorated|pro-rated|partial)\b", re.I)  # a line that refunds a share


def _bigger_share(clause: str, line: str) -> bool:
    """The clause refunds the whole order where the line refunds one part of it (a fee)."""
    if _THE_WHOLE.search(clause) and _PRO_RATA.search(line) and re.search(r"\brefund", line, re.I):
        return True  # "a full refund of $1,188" against "refunded pro rata"
    part = _REFUNDS_PART.search(line)
    if not part or not _THE_WHOLE.search(clause):
        return False
    word = (part["part"] or part["part2"]).lower()
    return stem(word) not in {stem(w) for w in content_words(clause)}


# "...incur a £35 fee; this cannot be waived by front-desk staff": what the line's thing may not have done to it
_CANNOT_BE = re.compile(r"\b(?:cannot|can't|can’t|can\s+not|may\s+not|must\s+not)\s+be\s+"
                        r"(?P<verb>(?!confirm|guarantee|promis|assess|approv)\w+ed)\b",
                        re.I)  # (what is not confirmed or assessed by agents is read elsewhere)
_IT_CANNOT = re.compile(r"^(?:this|it|these|they|which|the\s+fee|the\s+charge)\s+(?:cannot|can't|can’t|can\s+not|may\s+not|"
                        r"must\s+not|will\s+not|won't|won’t|is\s+not|isn't|isn’t|are\s+not|aren't|aren’t)\s+be\s+"
                        r"(?P<verb>\w+ed)\b", re.I)


_NEW_ONE = re.compile(r"\b(?:a|another)\s+(?:brand[- ])?new\s+(?:one|\w+)\b|\banother\s+one\b", re.I)


#: What a policy line names a kind of thing by: "meal costs are not reimbursed" is about a dinner too.
_KIND_OF = {stem(w): stem(kind) for kind, words in {
    "meal": "dinner lunch breakfast food snack snacks drinks",
    "transport": "taxi cab uber train bus",
    "accommodation": "hotel hotels motel room",
}.items() for w in words.split()}
#: Liability admitted in other words: "we accept full responsibility", "we take the blame", "it was entirely our fault".
ADMITS = re.compile(r"\b(?:accept|accepts|accepted|take|takes|taking|admit|admits|admitted)\s+"
                    r"(?:(?:full|all|total|complete|the)\s+)*(?:responsibility|liability|blame|fault)\b|"
                    r"\b(?:was|is)\s+(?:\w+ly\s+)?(?:our|my)\s+fault\b", re.I)
#: A colleague's discipline told to the customer ("the driver involved has been suspended"): disciplinary action.
DISCIPLINED = re.compile(r"\b(?:driver|engineer|technician|agent|adviser|advisor|staff|employee|colleague|courier|rider|"
                         r"cashier|manager|waiter|waitress|receptionist|member\s+of\s+(?:staff|our\s+team)|person|he|she)\b"
                         r"(?:\s+(?:involved|responsible|concerned|in\s+question))?\s+"
                         r"(?:(?:has|have|had)\s+been|will\s+be|is\s+being|was)\s+(?:(?:formally|immediately)\s+)?(?:suspended|"
                         r"dismissed|fired|sacked|disciplined|reprimanded|let\s+go|written\s+up|given\s+a\s+(?:formal\s+|final\s+)?"
                         r"warning)\b", re.I)
# "post the opened tub back to us": a return, whatever it is called
_SENT_BACK = re.compile(r"\b(?:post|send|ship|bring)\s+(?P<what>(?:[\w'’-]+\s+){1,3}?)back\b", re.I)
#: Faster carriage by any name: "express courier", "next-day delivery" are express / next-day shipping.
_FAST_CARRIAGE = re.compile(r"\b(express|next[- ]day|overnight|priority|same[- ]day)\s+(?:courier|delivery|post|postage|"
                            r"service|dispatch)\b", re.I)
#: Paying for what was damaged ("we will of course pay for the full repair"): liability accepted by another name.
_PAYS_DAMAGE = re.compile(r"\b(?:we|I)(?:['’]ll|\s+will|\s+would|\s+can|\s+are\s+going\s+to|['’]re\s+going\s+to)?\s+"
                          r"(?:(?:of\s+course|happily|gladly|fully)\s+)?(?:pay|cover|foot)\s+(?:for\s+)?(?:the\s+|your\s+)?"
                          r"(?:(?:full|whole|entire)\s+)?(?:cost\s+of\s+(?:the\s+|any\s+)?)?(?:repairs?|damages?)\b", re.I)
#: Money back for part of a period ("the unused 8 months", "the rest of the year"): a pro-rata refund by another name.
_UNUSED_PART = re.compile(r"\b(?:unused|remaining)\s+(?:\d+\s+|\w+\s+)?(?:days?|weeks?|months?|years?|term|period|time)\b"
                          r"|\b(?:rest|remainder)\s+of\s+(?:the|your|my)\s+(?:year|term|plan|subscription|contract|period)\b",
                          re.I)
#: Money back for a price that fell or a rival's lower price: a price adjustment.
_PRICE_DIFFERENCE = re.compile(r"\b(?:price\s+)?difference\b|\bprice\s+(?:drop|match)\w*", re.I)


#: A sum given to make up for the trouble ("an extra £100 for the hassle", "£20 as a gesture"): goodwill by another name.
_GOODWILL = re.compile(r"[£$€]\s?\d[\d,.]*(?!(?:\s+[\w-]+){0,2}\s+(?:charges?|fees?|fares?|costs?|postage|shipping|deposit|"
                       r"excess|bill|payment)\b)(?:\s+\w+){0,3}?\s+(?:for\s+(?:the|all\s+the|your)\s+(?:hassle|inconvenience|"
                       r"trouble|wait|waiting|delay|disappointment|bother|stress)|as\s+an?\s+(?:goodwill\s+)?(?:gesture|apology)|"
                       r"to\s+make\s+up\s+for|by\s+way\s+of\s+(?:an\s+)?apology|to\s+say\s+sorry)\b", re.I)  # (not "the £3.95
# delivery charge for the delay": a charge given back)


_PAID_OUT = re.compile(rf"\b(?:popped|put|placed|add(?:ed)?)\s+(?:an?\s+)?[{CURRENCY}]\s?\d[\d,.]*\s+(?:goodwill\s+)?credit\b|"
                       rf"\b(?:credit\w*|cover\w*|pay\w*|give|given|giving)\s+(?:you\s+)?(?:an?\s+|the\s+(?:full\s+)?)?"
                       rf"[{CURRENCY}]\s?\d[\d,.]*\b[^.;—–]*?\b(?:to\s+(?:cover|make\s+up)|for\s+(?:the|your|all\s+the)\s+"
                       r"(?:[\w-]+\s+)?(?:trouble|inconvenience|hassle|wait|delay|disruption|noise|upset|stress|lost\s+\w+))|"
                       rf"\bcover\w*\s+(?:the\s+full\s+)?[{CURRENCY}]\s?\d[\d,.]*\s+for\s+(?:a\s+)?(?:new|replacement)\b", re.I)
_OWN_MONEY = re.compile(r"\b(?:refund\w*|back|overcharg\w*|charged?|charges|fees?|difference|deposit|fares?|price|paid|"
                        r"payments?|bills?|invoice)\b", re.I)


def _topic(clause: str, generic: frozenset[str], *, paid: bool = True) -> set[str]:
    """The stems ``clause`` is about, with the kind of thing it names; ``paid``: a sum given for what happened ("I've
    credited £120 for the noise", "a £140 credit to cover it") is about compensation too."""
    words = set(_stems(clause, generic))
    words |= {_KIND_OF[w] for w in words if w in _KIND_OF}  # "your €34 dinner" is a meal cost
    words |= {stem("partial")} if _PRO_RATA.search(clause) else set()  # "a prorated refund" is a partial one
    if pays_back(clause) or re.search(r"\brefund", clause, re.I):
        words |= {stem("partial"), *_stems("pro rata", generic)} if _UNUSED_PART.search(clause) else set()
        words |= set(_stems("price adjustment", generic)) if _PRICE_DIFFERENCE.search(clause) else set()
    words |= {stem("replacement")} if _NEW_ONE.search(clause) else set()  # "we'll send a new one" replaces it
    words |= {stem("goodwill"), stem("gesture"), stem("compensation")} if _GOODWILL.search(clause) or \
        paid and _PAID_OUT.search(clause) and not _OWN_MONEY.search(clause) else set()  # ("I've credited £120 for the
    # noise": money given for what happened, not a charge given back)
    return words | {stem("refund")} if pays_back(clause) else words


@lru_cache(maxsize=1024)  # a policy's lines are read for every clause of every draft: their stems once
def _stems(text: str, generic: frozenset[str]) -> tuple[str, ...]:
    """The stems of ``text``'s content words, in order, less ``generic`` and idioms of time that name no topic ("at
    any time", "in plenty of time": not "on time", which a line on late payments is about)."""
    return tuple(stem(w) for w in content_words(_IDLE_TIME.sub(" ", text), generic))


_IDLE_TIME = re.compile(r"\b(?:at\s+any\s+time|any\s*time|in\s+(?:plenty\s+of\s+|good\s+|enough\s+)?time|all\s+the\s+time|"
                        r"(?:this|next|last|first|second|third)\s+time|from\s+time\s+to\s+time|at\s+the\s+same\s+time)\b", re.I)


def duration_hours(text: str) -> float | None:
    """The longest time a commitment in ``text`` allows, in hours (0 for 'right away'); None if untimed."""
    match = _DURATION.search(text)
    if match:
        return _hours(match)
    spelled = _A_WHOLE.search(text)  # "by a full week", "for a month"
    if spelled:
        return float(_UNIT_HOURS[spelled.group(1).lower()])
    if _TOMORROW.search(text):
        return 24.0
    if _INSTANT.search(text) or _SAME_DAY.search(text):  # ("reach the payee's account the same business day")
        return 0.0
    return None


_COUNT = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_SPAN = r"(?P<unit>day|week|month|year)s?"
#: A window the line grants in: "within 30 days of delivery", "within 14 days of purchase".
_WINDOW = re.compile(rf"\bwithin\s+{_COUNT}\s+{_SPAN}\s+(?:of|from|after)\s+(?:the\s+|your\s+)?(?:purchase|delivery|"
                     r"receipt|buying|receiving|arrival|order|ordering|dispatch)\b", re.I)
#: How long the customer has had it: "stopped working after 5 weeks", "bought it 45 days ago", "it's been two months".
_BEEN = re.compile(rf"\b(?:it['’]s|it\s+has)\s+been\s+(?:about\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+|just\s+over\s+)?"
                   rf"{_COUNT}\s+{_SPAN}\b(?!\s+(?:of|from|after|before|without|with)\b)", re.I)
_BOUGHT = re.compile(r"\b(?:I|we)\s+(?:bought|ordered|purchased)\b", re.I)
_JUST_DELIVERED = re.compile(r"\b(?:delivered|arrived|came|turned\s+up)\s+(?:only\s+)?"
                             r"(?:yesterday|today|this\s+(?:morning|week))\b", re.I)
_ELAPSED = re.compile(rf"(?:\b(?:stopped|broke|failed|died|packed\s+up|started)\b[^.!?]{{0,40}}?\bafter"
                      rf"|\b(?:it['’]s|it\s+has)\s+been(?=[^.!?]{{0,30}}\bsince\s+(?:it|they|I|we|the|delivery|purchase)\b)"
                      rf"|\b(?:bought|ordered|purchased|delivered|received|got)\b(?:\([^)]{{0,30}}\)|[^.!?()]){{0,40}}?(?=[^.!?]{{0,20}}\bago\b))"
                      rf"\s+(?:about\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+|just\s+over\s+)?"
                      rf"{_COUNT}\s+{_SPAN}\b(?!\s+(?:of|from|after|before)\b)(?![\s-]+(?:pass|plan|membership|subscription|"
                      r"contract|trial|warranty|guarantee)\b)", re.I)


#: A deadline said as a day or date ("by Monday", "before 3 March"), which ``duration_hours`` cannot measure.
BY_A_DAY = re.compile(r"\b(?i:by|before|on|until|this|next)\s+(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day|"
                      r"the\s+\d{1,2}(?:st|nd|rd|th)?"
                       r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s+\d{1,2}(?:st|nd|rd|th)?)\b")


def _in_hours(count: str, unit: str) -> float:
    number = 1 if count.lower() in ("a", "an") else float(NUMBER_WORDS.get(count.lower(), count))
    return number * _UNIT_HOURS[unit.lower()]


def _hours(match: re.Match[str]) -> float:
    word = match.group("word")
    amount = float(match.group("high") or match.group("low") or NUMBER_WORDS[word.lower()])
    return amount * _UNIT_HOURS[match.group("unit").lower()]


_BANS_WORDS = re.compile(r"^(?:(?:agents|staff|advisers|advisors|we|you)\s+(?:must|should|may)\s+(?:not|never)\s+|do\s+not\s+|"
                        r"don't\s+|don’t\s+|never\s+|avoid\s+)(?:use|say|write|using|saying)\s+(?:the\s+)?"
                        r"(?:words?|phrases?|expressions?|terms?)?\s*(?P<words>(?:[\"“‘'][^\"”’']+[\"”’'][\s,]*(?:or\s+|and\s+)?)+)"
                        r"[^\"“‘']*$", re.I)
_QUOTED = re.compile(r"[\"“‘']([^\"”’']+)[\"”’']")


_AT_NO_COST = re.compile(r"\b(?:at|for|with)\s+no\s+(?:extra\s+|additional\s+)?(?:charge|cost|fee)s?\b", re.I)
_NO_RETURN_ASKED = re.compile(r"\b(?:(?:are|is)\s+not\s+(?:asked|required|expected)\s+to\s+(?:return|send)|no\s+need\s+to\s+"
                              r"(?:return|send)|(?:need|do)\s+not\s+(?:need\s+to\s+)?(?:return|send)|need\s+not\s+be\s+returned|"
                              r"(?:don't|do\s+not)\s+have\s+to\s+(?:return|send)|without\s+(?:a\s+|any\s+)?return)\b", re.I)


# a cause the policy excludes from cover, and the customer's words that say it was the cause
_EXCLUSIONS = (
    (re.compile(r"\baccidental\s+damage\b[^.;]{0,40}\b(?:excluded|not\s+covered|isn['’]t\s+covered)|"
                r"\b(?:excludes?|does\s+not\s+cover|doesn['’]t\s+cover)\s+accidental\s+damage\b", re.I),
     re.compile(r"\b(?:I|we|he|she|they|my\s+(?:son|daughter|kid|child|dog|husband|wife|partner))\s+(?:accidentally\s+)?"
                r"(?:dropped|knocked|sat\s+on|st(?:oo|e)pped\s+on|smashed)\b(?!\s+(?:it|them|\w+)\s+off\b)(?!\s+off\b)|"
                r"\b(?:fell|slipped)\s+(?:off|out\s+of|from|onto|on\s+to|down)\s+(?:the\s+|a\s+|my\s+)?(?:table|desk|counter|"
                r"floor|ground|stairs|bed|shelf|bike|car|pocket|hands?|chair|sofa|bench|wall|pavement|roof)\b|"
                r"\bafter\s+(?:the|a|it)\s+(?:fall|drop)\b", re.I)),
    (re.compile(r"\b(?:water|liquid)(?:\s+(?:and|or)\s+\w+)?\s+damage\b[^.;]{0,40}\b(?:excluded|not\s+covered|isn['’]t\s+covered)|"
                r"\b(?:excludes?|does\s+not\s+cover|doesn['’]t\s+cover)\s+(?:water|liquid)\s+damage\b", re.I),
     re.compile(r"\b(?:spilled|spilt|got\s+wet|(?:fell|dropped\s+it)\s+in(?:to)?\s+(?:the\s+)?(?:water|bath|pool|sink|"
                r"toilet|sea))\b", re.I)),
)
# cover granted, not the plain fact that the item is still under its warranty
GRANTS_COVER = re.compile(r"\b(?:we|I)(?:['’]ll|\s+will|\s+can)\s+(?:\w+\s+){0,2}?(?:cover|repair|replace|fix)(?:s|ed)?\b|"
                          r"\b(?:is|are|['’]s|['’]re)\s+(?:fully\s+)?covered\b|\bwarranty\s+covers\b|\bfree\s+of\s+charge\b|"
                          r"\bat\s+no\s+(?:extra\s+)?cost\b|\bfor\s+free\b", re.I)
_DECLINES_COVER = re.compile(r"\b(?:not|cannot|excluded|unfortunately|unable|whether)\b|n['’]t\b", re.I)  # (or checks it)


# a refusal: "we can't refund the £142 in any circumstances", "we're unable to offer a refund or change the dates"
REFUSAL = re.compile(r"\bare\s+non-?refundable\b(?![^.!?]*\b(?:unless|except)\b)|"  # ("As per our terms all tickets
                     # are non-refundable.", not "deposits are non-refundable unless we cancel")
                     r"\b(?:can['’]?t|cannot|can\s+not|unable\s+to|not\s+able\s+to|(?:are|is|am|were)n['’]t\s+able\s+to|"
                     r"won['’]t\s+be\s+able\s+to)\s+"
                     r"(?:\w+\s+){0,3}?(?:refund|change|cancel|amend|waive|remove|move|transfer|reimburse|suspend|pause|freeze|defer|reverse|"
                     r"make\s+(?:an\s+|any\s+)?exception|grant|extend|"
                     r"accept\s+(?:a\s+|the\s+|your\s+)?"
                     r"returns?)\w*\b|"
                     r"\b(?:in|under)\s+any\s+circumstances\b|\bno\s+exceptions?\b|"
                     # "the refuelling charge of NZ$118 stands", "Sorry, we don't price match after purchase."
                     r"\b(?:charge|fee|fine|penalty|decision|deduction)s?\b(?:\s+(?:of|for)\s+[^.!?,;]{1,20}?)?\s+(?:still\s+)?"
                     r"stands?\b|\b(?:we|I)\s+(?:don['’]t|do\s+not)\s+(?:offer\s+)?(?:price[- ]?match|refund|reimburse|waive|"
                     r"accept\s+returns?|make\s+exceptions?)\w*\b|"
                     # ... or the charge made all the same: "the first night of £129 will be charged as per our policy",
                     # "a charge of one night (£165) will apply"
                     r"\bwill\s+(?:still\s+)?be\s+(?:charged|payable|deducted|retained)\b|"
                     # "Fines ... are non-negotiable", "the charge of €165 is correct", "The deductions ... are final"
                     r"\bnon-?negotiable\b|\b(?:decision|deductions?|charges?|fees?|fines?|quote|bill|balance)\b"
                     r"[^.!?]{0,60}\b(?:is|are)\s+(?:final|correct)\b|"
                     r"\b(?:charge|fee|penalty)\b[^.!?]{0,50}\bwill\s+(?:still\s+)?apply\b|"
                     # "The resit fee of £45 applies to all candidates"
                     r"\b(?:charge|fee|fine|penalty)s?\b[^.!?]{0,50}\bappl(?:y|ies)\s+to\s+(?:all|every(?:one|body)?)\b|"
                     # "so no changes or refunds are possible", "we dont do price adjustments"
                     r"\bno\s+(?:changes|refunds|amendments|exceptions)\b[^.!?]{0,25}\b(?:are|is|can\s+be)\s+(?:possible|"
                     r"permitted|allowed|made|given)\b|\b(?:we|I)\s+(?:dont|don['’]t|do\s+not)\s+do\s+(?:refunds|price[- ]?"
                     r"(?:match\w*|adjust\w*)|exchanges)\b", re.I)
# ... and, where a line makes an exception, a refusal in more words: "we can't issue a repeat prescription", "the £35 fee
# does apply", "accidental damage isn't covered"
_UNCOVERED = re.compile(r"\b(?:is|are)(?:n['’]t|\s+not)\s+covered\b", re.I)  # "accidental damage isn't covered"
_REFUSED_CASE = re.compile(rf"[{CURRENCY}]\s?\d[\d,.]*\s+(?:is|are)\s+(?:\w+\s+)?non-?refundable\b|"  # ("the test fee of
                           # $64.80 is non-refundable": this customer's sum; not "bookings are non-refundable", the rule)
                           r"\b(?:can['’]?t|cannot|can\s+not|unable\s+to|not\s+able\s+to)\s+(?:\w+\s+){0,3}?"
                           r"(?:issue|reduce|replace|supply|dispense)\w*\b|"
                           # "can only be ended early if you find a replacement tenant", "there is a fee of €25"
                           r"\bcan\s+only\s+be\s+\w+\s+(?:early\s+)?if\b|\bthere(?:['’]s|\s+is)\s+an?\s+(?:[\w-]+\s+)?(?:fee|charge)\s+of\b|"
                           r"\b(?:charge|fee|penalty)\b[^.!?]{0,50}\b(?:(?:does|do)\s+(?:still\s+)?apply|still\s+applies)\b|"
                           + _UNCOVERED.pattern, re.I)
_TODAY_SAID = re.compile(r"\b(?:today|tonight|same[- ]day|this\s+(?:afternoon|evening))\b", re.I)
_CLOCK = r"(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)"
_NOW_IS = re.compile(rf"\b(?:it['’]s|it\s+is)\s+(?:now\s+|already\s+|gone\s+)?{_CLOCK}", re.I)
_CUTOFF = re.compile(rf"\b(?:placed|made|received|booked|ordered|submitted)\s+(?:before|by)\s+{_CLOCK}", re.I)


def _minutes(m: re.Match[str]) -> int:
    """Minutes after midnight of a clock time ("3.20pm": 920)."""
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return hour * 60 + int(m["m"] or 0)


_FOR_NOW = re.compile(r"\b(?:today|tonight|yet|right\s+now|at\s+the\s+moment)\b", re.I)  # a delay, not a refusal
_LINE_HEAD = re.compile(r"^\W*(?P<what>.+?)\s+(?:is|are|need|needs|require|requires|may|can|cannot|must|incur|incurs|will)\b",
                        re.I)


def _names_subject(clause: str, line: str) -> bool:
    """A refusal in more words names what the line rules on, by a word of the line's subject ("can't issue a repeat
    prescription" against "Repeat prescriptions require ..."; not "can't issue a refund for a check-up")."""
    head = _LINE_HEAD.match(line)
    uncovered = _UNCOVERED.search(clause)  # "Theft isn't covered ..., only accidental damage": what is not covered
    said = set(_stems(re.split(r"[,;:]", clause[: uncovered.start()])[-1] if uncovered else clause, _GENERIC_POLICY_WORDS))
    what = head["what"] if head else ""
    granted = _TO_PEOPLE.match(what) and re.search(r"\bmay\s+(?P<pred>[^,.;]+)", line)  # "Students who ... may end
    what = f"{what} {granted['pred']}" if granted else what  # their contract": what the line rules on is the contract
    return head is not None and any(_same_word(word, said) for word in _stems(what, _GENERIC_POLICY_WORDS))


_TO_PEOPLE = re.compile(r"^\W*(?:passengers|customers|students|patients|members|tenants|residents|guests|travellers|"
                        r"subscribers|households|policyholders|pupils|parents)\b", re.I)


# the exception a line makes, from its first word on ("Exception: if ...", "..., except where the guest provides ...")
# the exception offered in the refusal itself: "..., but if you send us the hospital letter I'll refund it"
_OFFERS_THE_EXCEPTION = re.compile(r"\bif\s+you\s+(?:can\s+)?(?:send|provide|show|e-?mail|upload|forward|give)\b", re.I)
_EXCEPT_IF = re.compile(r"\b(?:except(?:ion)?s?\b|unless\b)[^.]*", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")
# ... or grants it for the case: "One free exam resit is allowed when the first sitting was missed for a medical reason"
# ("A refund is also given, whatever the notice, if ...")
_ALLOWED_WHEN = re.compile(r"\b(?:is|are)\s+(?:also\s+)?(?:allowed|given|offered|granted|free(?:\s+of\s+charge)?)"
                           r"(?:,[^,.]{1,40},)?\s+(?:when|if|where)\b[^.]*|"
                           # "Passengers ... with a medical certificate may change their sailing free of charge", "Students
                           # who formally withdraw ... may end their contract ..., on proof of withdrawal", "... can be made
                           # without a prescription to a patient who has run out"
                           r"\b(?:with|holding)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:certificate|letter|note|badge|card)\b[^.]*\bmay\b[^.]*|"
                           r"\bmay\s+[^.]*?\bon\s+proof\s+of\b[^.]*|"
                           r"\bto\s+(?:a|any)\s+(?:patient|customer|member|passenger|guest|tenant|student)s?\s+who\b[^.]*|"
                           # "A metered customer qualifies for WaterSure if someone in the household receives ..."
                           r"\bqualif(?:y|ies)\s+for\s+[^.]{1,40}?\s+(?:if|when|where)\b[^.]*|"
                           # "The Student Hub may grant extensions of up to 7 days for documented medical reasons."
                           r"\bmay\s+(?:grant|give|offer|allow|approve)\b[^.]*?\bfor\s+(?:a\s+)?(?:documented\s+)?"
                           r"(?:medical|health)\b[^.]*", re.I)
# a refund in full, granted (not "a full refund needs approval"), and a line that refunds only part
_FULL_REFUND = re.compile(r"\b(?:issued|processed|approved|given\s+you|refunded)\s+(?:you\s+)?(?:a\s+|the\s+)?full\s+"
                          r"(?:refund|amount)\b(?!\s+(?:of|for)\s+(?:the\s+|your\s+)?(?:\d+\s+|\w+\s+)?(?:unused|remaining))|"
                          r"\b(?:I|we)(?:['’]ll|\s+will)\s+(?:\w+\s+)?(?:issue|process|give\s+you|refund)\s+(?:you\s+)?"
                          r"(?:a\s+|the\s+)?full\b", re.I)
_LESS = re.compile(r"\b(?:less|minus|excluding|except|apart\s+from|after\s+(?:the|a)\b)", re.I)
_FULL_GRANTED = re.compile(r"\b(?:refunded|reimbursed|repaid)\s+in\s+full\b|"
                           r"\bfull\s+refunds?\b(?![^.;]*\b(?:not|never|only\s+with|needs?|requires?)\b)", re.I)
_PART_REFUND = re.compile(r"\brefund\w*\b[^.;]{0,60}\b(?:pro[- ]rata|partial(?:ly)?|for\s+the\s+unused|less\s+(?:a|the)\b|"
                          r"minus\b)|\b(?:pro[- ]rata|partial)\s+refunds?\b", re.I)
_NOT_GIVEN_AS = re.compile(r"\b(?:cannot|can['’]t|may\s+not|must\s+not)\s+be\s+(?:given|supplied|sold|issued|offered|provided)\s+"
                           r"as\s+(?:an?\s+)?(?P<what>[\w -]{3,40}?)(?=\s*[;,.]|\s*$)", re.I)
_EXAMPLE_WORDS = frozenset(stem(w) for w in "example examples such including like".split())
_EXCEPTION_ALONE = re.compile(r"^\W*exceptions?\s*:", re.I)
_NO_EXCEPTIONS = re.compile(r"\b(?:no|without)\s+exceptions?\b", re.I)  # a refusal's own word, not an exception
_WAIVED_HERE = re.compile(r"\b(?:(?:I|we)(?:['’]ve|\s+have)|(?:has|have)\s+been)\s+(?:\w+\s+)?(?:waived|refunded|"
                          r"cancelled\s+(?:\w+\s+)?(?:free|with\s+no\s+charge))\b|\bno\s+charge\b|\bfree\s+of\s+charge\b|\bwithout\s+(?:a\s+|any\s+)?charge\b",
                          re.I)  # (not "can't be refunded under any circumstances")
# ... but not what is refused: "we're unable to replace the lenses free of charge"
_NOT_FREE = re.compile(r"\b(?:can['’]?t|cannot|can\s+not|unable\s+to|not\s+able\s+to|won['’]t)\b[^.!?]{0,40}\b(?:free\s+of\s+"
                       r"charge|without\s+(?:a\s+|any\s+)?charge|at\s+no\s+charge)\b", re.I)
# ... or says without the word ("The late-cancellation charge is waived for documented medical emergencies")
_WAIVED_FOR = re.compile(r"\b(?:is|are)\s+(?:\w+\s+)?(?:waived|free\s+of\s+charge|not\s+charged)\s+(?:for|if|when|where|in\s+"
                         r"(?:the\s+)?case\s+of)\b[^.]*", re.I)
# what a refusal and an exception share that says nothing of what is refused ("refund", "the customer")
_REFUND_WORDS = frozenset(stem(w) for w in "refund refunds refundable non-refundable refunded change changed cancel cancelled "
                          "customer customers member members guest guests passenger passengers account".split())
# what a refusal may name that is the line's own thing in other words ("I can't refund your ticket" against "Basic fares
# are non-refundable"), or nothing ("a refund on this occasion")
_ANY_FARE = frozenset(stem(w) for w in "ticket tickets fare fares booking bookings money occasion this it stay afraid unable "
                      "sorry unfortunately".split())
# what an exception names, and how a customer says they meet it (not "an extra shift at the hospital")
_CIRCUMSTANCES = (
    (re.compile(r"\bhospital\w*|\badmission\b|\bmedical\s+(?:emergenc\w*|reasons?|grounds)", re.I),
     re.compile(r"\b(?:(?:was|were|been|got|am|is|being)\s+(?:admitted|hospitali[sz]ed|rushed\s+(?:in)?to\s+hospital|taken\s+"
                r"(?:in)?to\s+hospital)|admitted\s+(?:to|into|with)|in\s+hospital|discharge\s+(?:letter|papers|summary)|"
                r"admission\s+letter|(?:went|go|gone|going|taken|rushed|ended\s+up)\s+(?:in)?to\s+(?:the\s+)?hospital|"
                r"(?:in|at|to)\s+A&E|(?:in|at|to)\s+the\s+(?-i:ER)|emergency\s+room|emergency\s+(?:surgery|operation))"
                r"(?![\w&])", re.I)),
    (re.compile(r"\bbereave\w*|\bdeath\b|\bdied\b|\bfuneral\b", re.I),
     re.compile(r"\b(?:died|passed\s+away|death\s+certificate|bereave\w*|funeral)\b", re.I)),
    # "Exception: faulty items can be returned ... within 12 months", to headphones that "stopped charging last week"
    (re.compile(r"\bfaulty\b|\bdefective\b|\bmanufacturing\s+(?:fault|defect)s?\b", re.I),
     re.compile(r"\b(?:it|they|(?:my|the|this|these)\s+(?!old\b|previous\b|former\b|other\b)[^.!?]{1,60}?)\s+(?:has\s+|have\s+|"
                r"just\s+|suddenly\s+)?(?:stopped|stops|quit)\s+(?:working|charging|turning\s+on|switching\s+on)\b|"
                r"\b(?:is|are|was|were|arrived|came)\s+(?:\w+\s+)?(?:faulty|defective)\b|"
                r"\b(?:it|they)\s+(?:won['’]t|doesn['’]t|does\s+not|will\s+not)\s+(?:turn|switch|power)\s+on\b|"
                r"\b(?:it|they)\s+no\s+longer\s+(?:works|work|charges|turns\s+on)\b", re.I)),
    # "Exception: members who move more than 25 miles from their nearest club ...", "a move to an address we do not
    # serve", to someone "relocating to Newcastle for work" (not "moving to Vodafone because it's cheaper", "not moving")
    (re.compile(r"\b(?:members?|customers?|you|account\s+holders?|tenants?|subscribers?)\s+(?:who\s+)?(?:move|moves|relocate)\b|"
                r"\bmove\s+(?:to\s+)?(?:an?\s+)?(?:new\s+)?(?:address|area|house|home|region)\b|\brelocat\w*", re.I),
     re.compile(r"(?<!\bnot\s)\b(?:relocat(?:ing|ed)\s+(?:to|abroad|overseas)|(?:moving|moved)\s+(?:abroad|overseas|to\s+another\s+"
                r"(?:city|country|state|county)|(?:away\s+)?to\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s+(?:for|on|in|next|"
                r"at\s+the\s+end|this|from|\()|out\s+(?:of\s+(?:the|my|our)\s+(?:flat|house|home|property|apartment)|on\s+\d)))",
                re.I)),
    # "Exception: if an event is rescheduled, ticket holders may request a full refund", to "you announced it's moved to
    # 20 September" (not "moved to the smaller hall, same date", nor the customer's own new date)
    (re.compile(r"\b(?:event|concert|show|performance|match|festival|fixture|deliver\w*)s?\b[^.!?]{0,30}\b(?:reschedul\w*|"
                r"postpone\w*)|\b(?:reschedul\w*|postpone\w*)\s+(?:the\s+)?(?:event|concert|show|performance|match|festival|"
                r"fixture|deliver\w*)s?\b", re.I),
     re.compile(r"\b(?:it['’]s|it\s+(?:has|was|is)|(?:the\s+|my\s+|our\s+)?(?:[\w-]+\s+)?(?:event|concert|show|gig|festival|match|"
                r"performance|delivery)(?:['’]s|\s+(?:has|was|is))|you(?:['’]ve|\s+have)?\s+(?:announced\s+(?:it['’]s|it\s+is|"
                r"that\s+it['’]s)|moved|rescheduled|postponed)\s+it)\s+(?:now\s+)?(?:been\s+)?(?:moved|rescheduled|postponed)?\s*"
                r"(?:to|until)\s+(?:the\s+)?(?:\d|next\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\w+day\b)",
                re.I)),
)


# the proof an exception asks for ("if the customer shows a fuel receipt", "on proof of the new address"), and the
# customer saying they sent it ("Receipt attached.", "I've attached my new lease"; not "no receipt attached as I lost it")
_PROOF = (r"(?:receipts?|proof|certificates?|letters?|lease|documents?|documentation|evidence|statements?|reports?|paperwork|"
          r"papers|notes?)")
_PROOF_NAMED = re.compile(rf"\b{_PROOF}\b", re.I)
_PROOF_SENT = re.compile(rf"(?P<what>(?:[\w'’-]+\s+){{0,3}}?{_PROOF})\s+(?:is\s+|are\s+)?(?:attached|enclosed)\b|"
                         rf"\b(?:I['’]ve|I\s+have|I)\s+(?:also\s+)?(?:attached|enclosed)\s+(?P<what2>(?:[\w'’-]+\s+){{0,4}}?{_PROOF})\b|"
                         # "I have his certificate", "I've got the doctor's note"
                         rf"\b(?:I\s+have|I['’]ve\s+got|I\s+have\s+got)\s+(?:his|her|the|a|my|their)\s+"
                         rf"(?P<what3>(?:[\w'’-]+\s+){{0,2}}?{_PROOF})\b",
                         re.I)
_NOT_SENT = re.compile(r"\b(?:no|not|don['’]t|didn['’]t|haven['’]t|hadn['’]t|lost|without|can['’]t\s+find)\b", re.I)
# whose document it is: "a letter from my landlord"
_FROM_WHOM = re.compile(r"\s+(?:from|by|of)\s+(?:my|the|our|a|an|his|her|their)?\s*(?P<who>[\w'’-]+)", re.I)
_BARE = frozenset(stem(w) for w in "attached copy my the a our".split())
# what names no document in particular: "a note", "the report", "my statement" (a doctor's note is not a mechanic's)
_ANY_PROOF = frozenset(stem(w) for w in "proof documentation evidence document documents attached copy my the a note notes "
                       "report reports letter letters statement statements paperwork papers certificate".split())


# ... circumstances an exception names that a refusal must also name the line's subject for (a dog "on Metacam for his
# arthritis for 4 years" refused a refund for a check-up is not refused the long-term medication exception)
_MORE_CIRCUMSTANCES = (
    # "Exception: for pets on long-term medication for a chronic condition", to a cat "on Felimazole for her thyroid for 3
    # years" (not "for 3 days")
    (re.compile(r"\b(?:long[- ]term|ongoing|regular)\s+(?:medication|treatment|prescriptions?)|\bchronic\b", re.I),
     re.compile(r"\bchronic\s+(?:\w+\s+)?(?:condition|illness|disease|pain|arthritis|asthma)|\blong[- ]term\s+(?:condition|"
                r"illness|medication|medicine|treatment|prescription)|\b(?:has|have|had|['’]s|['’]ve)\s+been\s+on\s+(?:[\w-]+\s+)"
                r"{1,3}?(?:for|since)\s+(?:(?:(?:\d+|a\s+few|several|many|two|three|four|five|six|ten)\s+)?years|(?:19|20)\d\d)\b|"
                r"\bon\s+[\w-]+\s+for\s+(?:his|her|my|their|its)\s+[\w-]+\s+for\s+(?:\d+|a\s+few|several|many|two|three|four|five|"
                r"six|ten)\s+years\b", re.I)),
    # "to a patient who has run out", to "I left my amlodipine at home and missed yesterday's dose"
    (re.compile(r"\brun\s+out\b", re.I),
     re.compile(r"\b(?:run|ran)\s+out\s+of\s+(?:my|his|her|their)\b|\bleft\s+(?:my|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?\s+"
                r"(?:at\s+home|behind)\b|\bmissed\s+(?:yesterday['’]s|today['’]s|this\s+morning['’]s|my|a)\s+dose\b|"
                r"\bno\s+(?:tablets|pills|medication|medicine)\s+left\b", re.I)),
    # "if someone in the household receives a means-tested benefit", to "I'm on Universal Credit"
    (re.compile(r"\bmeans[- ]tested\b|\b(?:receives?|receiving|claims?|claiming|on)\s+(?:a\s+)?(?:state\s+)?benefits?\b", re.I),
     re.compile(r"\b(?:on|receive|receives|receiving|claim|claims|claiming|get|gets|getting)\s+(?:universal\s+credit|"
                r"pension\s+credit|housing\s+benefit|income\s+support|jobseeker['’]?s\s+allowance|(?:state\s+)?benefits(?!\s+"
                r"(?:from|through|via)\s+(?:my|our|the)\s+(?:employer|work|job|company))|SNAP|Medicaid)\b", re.I)),
)
_NOT_SO = re.compile(r"\b(?:not|n['’]t|never|no\s+longer|used\s+to|stopped|came\s+off)\b[^.!?,;]{0,25}$", re.I)


def _meets(table: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...], condition: str, customer: str) -> bool:
    """The customer says, of their own case and not negated ("I'm not on Universal Credit", "I used to be on
    benefits"), a circumstance of ``table`` that ``condition`` names."""
    return any(named.search(condition) and
               any(not _NOT_SO.search(customer[max(0, m.start() - 40): m.start()]) for m in met.finditer(customer))
               for named, met in table)


_QUALIFIES = re.compile(r"\bqualif(?:y|ies)\s+for\s+(?:the\s+|our\s+)?(?P<name>(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*))*)",
                        re.I)
_MEMBERS = re.compile(r"(?-i:\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+))\s+(?:members?|holders?|customers?|subscribers?|"
                      r"policyholders?|cardholders?)\b|"
                      # "unless the customer has Protect cover"
                      r"\b(?:has|have|holds?|with)\s+(?:an?\s+|the\s+)?(?-i:(?P<name2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*))\s+"
                      r"(?:cover|plan|membership|scheme|protection|subscription|package)\b", re.I)
_NOT_ON = re.compile(r"\b(?:not|n['’]t|never|no\s+longer|cancell?ed|left|without)\b[^.!?]{0,20}$", re.I)


def _member_of(condition: str, customer: str) -> bool:
    """The customer says they are on the scheme whose members a line's exception covers ("except for Care Plan
    members", to "I'm on your Care Plan"), not one they left, may join or someone else has ("I cancelled my Care
    Plan", "thinking of joining the Care Plan", "my brother's Care Plan")."""
    for m in _MEMBERS.finditer(condition):
        for said in re.finditer(rf"\b{re.escape(m['name'] or m['name2'])}\b", customer, re.I):
            before = customer[max(0, said.start() - 40): said.start()]
            if _ON_IT.search(before) and not _NOT_ON.search(before) and not _SOMEONE_ELSES.search(before):
                return True
    return False


# "I'm on your", "I have the", "as a", "my": the customer's own scheme
_ON_IT = re.compile(r"\b(?:I['’]m\s+(?:on|a|an|with)|I\s+am\s+(?:on|a|an|with)|I\s+(?:have|pay\s+for)|"
                    r"I['’]ve\s+(?:got|had|been\s+on)|as\s+an?|my|we['’]re\s+on|we\s+(?:have|are\s+on))\b[^.!?]{0,20}$", re.I)
_SOMEONE_ELSES = re.compile(r"\b(?:brother|sister|friend|wife|husband|partner|mum|dad|mother|father|son|daughter|neighbour|"
                            r"colleague)['’]?s?\b|\b(?:join|joining|thinking|considering|upgrade|upgrading|going\s+to|"
                            r"might|would|could)\b", re.I)


def _proof_sent(condition: str, customer: str) -> bool:
    """The customer says they sent the proof ``condition`` asks for: the same document ("fuel receipt" for "a fuel
    receipt"), or, where the line asks for proof of something, a document that names it ("my new lease" for "proof of
    the new address"; not "a speed-test report")."""
    if not _PROOF_NAMED.search(condition):
        return False
    asked = {stem(w) for w in content_words(condition)}
    for m in _PROOF_SENT.finditer(customer):
        what = m["what"] or m["what2"] or m["what3"]
        if _NOT_SENT.search(customer, max(0, m.start() - 25), m.start() + len(what)) or \
                re.match(r"[^.!?]*\?", customer[m.end():]):
            continue  # "sorry, no receipt attached as I lost it"; "Would a doctor's note attached to an email do?"
        whose = _FROM_WHOM.match(customer, m.end())  # "a letter from my landlord": whose letter it is
        named = {stem(w) for w in content_words(what + (f" {whose['who']}" if whose else ""))} - _BARE
        if named - _ANY_PROOF & asked or named and named <= _ANY_PROOF and named <= asked:
            return True  # (a bare "Certificate attached." for "a doctor's certificate"; not "the mechanic's note")
    return False


# a line that grants in a case it names first: "Where the nursery closes for reasons within its control, the affected
# days are credited on the next invoice"
#: A wait said with "only": "I will give you a date only once the manufacturer has confirmed stock".
ONLY_ONCE = re.compile(r"\bonly\s+(?:once|after|when)\b", re.I)
_WHERE_GRANTED = re.compile(r"^\W*(?:where|if|when|whenever)\s+(?P<cond>[^,]{8,160}),\s*(?P<grant>[^.]*\b(?:credited|refunded|"
                            r"waived|reduced|reimbursed|not\s+charged|free\s+of\s+charge|written\s+off)\b)", re.I)
_MONEY_WORD = re.compile(r"\b(?:fees?|charges?|invoice|bill|payment|price|cost|refund\w*|credit\w*)\b", re.I)


class Policy(BaseModel):
    """``commitments``: lines the team may promise; ``banned_phrases``; ``severity``: rule id -> severity or "off"."""

    model_config = ConfigDict(extra="forbid")

    commitments: list[str] = Field(default_factory=list)
    banned_phrases: list[str] = Field(default_factory=list)
    severity: dict[str, Severity | None] = Field(default_factory=dict)

    def __init__(self, **data: object) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise PolicyError(f"invalid policy: {describe_errors(exc)}") from None

    @model_validator(mode="after")
    def _bans_said_as_lines(self) -> "Policy":
        """A line that bans words ("Do not use the word 'unfortunately'.") is a banned phrase, not a commitment."""
        kept = []
        for line in self.commitments:
            ban = _BANS_WORDS.match(line.strip())
            if ban:
                self.banned_phrases += [p for p in _QUOTED.findall(ban["words"]) if p.strip()
                                        and p not in self.banned_phrases]
            else:
                kept.append(line)
        self.commitments = kept
        return self

    @field_validator("severity", mode="before")
    @classmethod
    def _off_means_disabled(cls, value: object) -> object:
        if isinstance(value, dict):
            return {rule: (None if level == "off" else level) for rule, level in value.items()}
        return value

    @classmethod
    def coerce(cls, value: "Policy | list[str] | dict | str | Path | None") -> "Policy":
        """Accept a Policy, a list of commitment lines, a dict, or a path to a TOML file."""
        if value is None:
            return cls()
        if isinstance(value, Policy):
            return value
        if isinstance(value, (str, Path)):
            return load_policy(value)
        try:
            if isinstance(value, dict):
                return cls.model_validate(value)
            if isinstance(value, (list, tuple)) and all(isinstance(line, str) for line in value):
                return cls(commitments=list(value))
        except ValidationError as exc:
            raise PolicyError(f"invalid policy: {describe_errors(exc)}") from None
        raise PolicyError("a policy is a Policy, a list of commitment lines, a dict, or a TOML file path")

    def past_cutoff(self, clause: str, customer: str | None) -> bool:
        """``clause`` promises the same day where a line grants it only before a time of day the customer says has
        passed ("Same-day delivery is available for orders placed before 1pm", to "it's 3.20pm")."""
        if not customer or not _TODAY_SAID.search(clause):
            return False
        now = _NOW_IS.search(customer)
        return now is not None and any(
            (cut := _CUTOFF.search(line)) is not None and _minutes(now) > _minutes(cut) for line in self.commitments)

    def covers(self, clause: str, *, timed: bool = True, when: str | None = None) -> bool:
        """True when a policy commitment allows ``clause``: same topic, no faster and no more than the policy says
        (``timed=False``: a grant already made, whose timing the line does not judge; ``when``: the part of
        ``clause`` whose time is promised, where the rest quotes the line: "Refunds take 10 working days, but for you
        it'll be back by tomorrow").

        A line that rules something out ("Express shipping is not available for replacements") grants nothing,
        and a clause it forbids is never covered.
        """
        if self.forbids(clause):
            return False
        clause_topic = _topic(clause, _GENERIC_POLICY_WORDS)
        timed_part = when is not None and (duration_hours(when) is not None or BY_A_DAY.search(when) is not None)
        promised = duration_hours(when) if timed_part else duration_hours(clause)
        on_topic = [(line, whole) for line, whole in self._parts(rules_out=False)
                    if clause_topic.intersection(_stems(line, _GENERIC_POLICY_WORDS))]
        capped = [line for line, _ in on_topic if sums(line)]
        if capped and all(_more_money(clause, line) for line in capped):
            return False  # "a £20 credit" against "a credit of up to £5", whatever a line on credits without a sum says
        if _THE_WHOLE.search(clause) and _REFUNDS.search(clause) and self.share_line(clause) is not None \
                and not any(_THE_WHOLE.search(line) or _REFUNDS.search(line) and not _SHARE_OF_PRICE.search(line)
                            for line in self.commitments):  # ("Cancelled trains: the unused ticket is refunded")
            return False  # "a full refund of NOK 1 149" against "25% of the ticket price for delays of 60-119 minutes"
        if any(_PRO_RATA.search(line) and _bigger_share(clause, line) for line, _ in on_topic) and \
                not any(_THE_WHOLE.search(line) for line, _ in on_topic):
            return False  # "a full refund" against "refunded pro rata", whatever a cap on refunds says (unless a line
            # grants the full refund: "within 14 days get a full refund; after that, refunds are pro rata")
        for line, whole in on_topic:
            if _more_money(clause, line):
                continue  # "£25 credit" against "credits are capped at £10" (another tier may still allow it)
            allowed = duration_hours(line)
            allowed = duration_hours(whole) if allowed is None else allowed  # a part is read with its line's time
            if timed_part and allowed is not None:  # "reported within 30 days: ... shipped within 2 business days":
                allowed = min((_hours(m) for m in _DURATION.finditer(whole)), default=allowed)  # the part's own time is
                # the shortest
            if _more_often(clause, line) or other_remedy(clause, whole) or _bigger_share(clause, line):
                continue  # "from now on" against "once a year"
            if not timed and promised is not None and allowed is not None and promised > allowed:
                continue  # "extended the hold by a full week" against "extended once by 48 hours"
            if promised is not None and allowed is None and not _SAYS_WHEN.search(whole) and timed:
                continue  # a line that says nothing of when covers no timed promise: "back online by tonight"
            if not timed or allowed is None or (promised is not None and promised >= allowed):
                return True
        return False

    def plain_grant(self, line: str) -> bool:
        """``line`` grants something without a limit ("Refunds are issued within 5-7 business days"), and no other
        line limits what it grants ("Annual plans can be refunded pro rata only within the first 14 days"): a customer
        may read it as it stands."""
        def refuses(text: str) -> bool:
            return any(_rules_out(part) for part in _PARTS.split(text))

        if _LIMITS.search(line) or for_agents(line) or refuses(line):
            return False
        topic = set(_stems(line, _GENERIC_POLICY_WORDS))  # (a cap elsewhere leaves the grant as it is: "Credits above
        return not any(other != line and _CONDITIONAL.search(other) and not refuses(other) and  # £25 need approval"
                       # beside "... earns a £10 credit")
                       any(_same_word(word, topic) for word in _stems(other, _GENERIC_POLICY_WORDS))
                       for other in self.commitments)

    def allows_one(self, clause: str) -> str | None:
        """The line that allows one of what ``clause`` grants several of ("waived all three" against "Agents may waive
        one overdraft fee ... per 12 months"), or None."""
        verbs = {m.group(1).lower() for m in _GRANT_VERB.finditer(clause)}
        if not verbs or not _SEVERAL.search(clause):
            return None
        return next((line for line in self.commitments if _ONE_OF.search(line) and
                     verbs & {m.group(1).lower() for m in _GRANT_VERB.finditer(line)}), None)

    def share_line(self, clause: str) -> str | None:
        """The line that pays back a share of the price ("25% of the ticket price for delays of 60-119 minutes") for
        what ``clause`` is about (a word besides the refund in common: "the full refund of your £15.80 fare")."""
        topic = _topic(clause, _GENERIC_POLICY_WORDS | _RULING_WORDS) - {stem("refund"), stem("full")}
        return next((line for line in self.commitments if _SHARE_OF_PRICE.search(line) and _PAYS_OUT.search(line) and
                     not _CHARGES_SHARE.search(line) and topic & set(_stems(line, _GENERIC_POLICY_WORDS))), None)

    def about(self, clause: str) -> bool:
        """A line that grants something shares a topic with ``clause`` (it may still not cover it)."""
        clause_topic = _topic(clause, _GENERIC_POLICY_WORDS)
        return any(clause_topic.intersection(_stems(line, _GENERIC_POLICY_WORDS))
                   for line, _ in self._parts(rules_out=False))

    def waived_condition(self, clause: str, context: str = "") -> list[str]:
        """The policy lines on the topic of a grant that ``clause`` makes unconditional ("I'll send a replacement, no
        need to return the old one" against "Replacements ship once the return arrives"; "you will also receive a
        courtesy car" against "Courtesy cars are subject to availability"); else none."""
        if _DECLINES.search(clause) or _TURNS_DOWN.search(clause):
            return []
        if context and _NO_NEED_BACK.match(clause) and (GRANT_MADE.search(context) or GRANT_OFFERED.search(context)) and \
                not _DECLINES.search(context) and not _TURNS_DOWN.search(context):
            # "No need to send the air fryer back." after "I've refunded the full £64.99 now.": the grant it lets the
            # return go for was said before, and a line on it that asks for the item back is let go
            back = [line for line in self.waived_condition(f"{context} {clause}") if _ASKS_BACK.search(line)]
            if back:
                return back
        if not (_HANDS_SOMETHING.search(clause) or CONSIDER_DONE.search(clause) or
                any(_does_what_line_reserves(clause, line) for line in self.commitments)):
            return []
        let_go = _NO_PROOF.search(clause)
        proof = not _WAIVES_CONDITION.search(clause) and let_go is not None
        if not _WAIVES_CONDITION.search(clause) and not proof:  # ... unless another line grants it outright ("until 1pm")
            lines = [line for line in self.commitments if _given_outright(clause, line, context)]
            if any(_named_in_full(clause, line) for line in lines):
                return lines  # "an early upgrade" against "Early upgrades require ...": no line on upgrades overrides it
            # (a line that charges a fee grants no waiver of it: "... incurs a £60 early-exit fee")
            others = Policy(commitments=[line for line in self.commitments if line not in lines and not _CHARGES.search(line)])
            return lines if lines and not (others.commitments and others.covers(clause, timed=False)) else []
        clause_topic = _topic(clause, _GENERIC_POLICY_WORDS | _RULING_WORDS)
        lines = [line for line in self.commitments
                 if clause_topic.intersection(_stems(line, _GENERIC_POLICY_WORDS | _RULING_WORDS))
                 and (not proof or _asks_for(line, let_go.group()))]  # ("no need for photos" against "proof of purchase")
        # a line that itself lets the return go grants the waiver ("Customers are not asked to return broken glass")
        return [] if any(_NO_RETURN_ASKED.search(line) for line in lines) else lines

    def _parts(self, *, rules_out: bool) -> list[tuple[str, str]]:
        """(part, line) for the parts of the lines that rule something out (or, with ``rules_out=False``, grant it):
        "Cancellations take effect at the end of the period; no partial refunds" grants its first part and rules out
        its second."""
        return [(part, line) for line in self.commitments for part in _PARTS.split(line)
                if (_rules_out(part) if not rules_out else bool(_PROHIBITS.search(_main(part)))) is rules_out]

    def excludes(self, clause: str, customer: str) -> str | None:
        """The policy line that excludes the cause the customer gives ("accidental damage is excluded" against "I
        dropped my tablet") from the cover ``clause`` grants ("we'll cover the cracked screen under warranty"), or
        None."""
        if not GRANTS_COVER.search(clause) or _DECLINES_COVER.search(clause) or clause.rstrip().endswith("?"):
            return None
        return next((line for line in self.commitments for excluded, cause in _EXCLUSIONS
                     if excluded.search(line) and cause.search(customer)), None)

    def exception_refused(self, clause: str, customer: str) -> str | None:
        """The line whose exception the customer says they meet, which ``clause`` refuses all the same ("we can't
        refund the £142 in any circumstances" against "Exception: if the passenger is hospitalised ... a full refund is
        given on receipt of a doctor's letter", from someone "admitted to the Royal Infirmary" with "the discharge
        letter"), or None."""
        said = clause.strip().rstrip(".!").lower()
        plain_no = REFUSAL.search(clause) is not None
        refuses = plain_no or _REFUSED_CASE.search(clause) and not _FOR_NOW.search(clause)
        if not refuses or _EXCEPT_IF.search(_NO_EXCEPTIONS.sub("", clause)) or clause.rstrip().endswith("?") or \
                _OFFERS_THE_EXCEPTION.search(clause) or \
                _WAIVED_HERE.search(clause) and not _NOT_FREE.search(clause) or \
                any(said == line.strip().rstrip(".!").lower() for line in self.commitments):
            return None  # ("I've waived the late-cancellation charge, and only the £5 booking fee will be retained": the
            # exception is made already; "Deposits are non-refundable." is the policy's own line, said)
        topic = _topic(clause, _GENERIC_POLICY_WORDS) - _REFUND_WORDS
        for at, line in enumerate(self.commitments):
            cond = _EXCEPT_IF.search(line) or _WAIVED_FOR.search(line) or _ALLOWED_WHEN.search(line)
            ruled = f"{self.commitments[at - 1]} {line}" if at and _EXCEPTION_ALONE.match(line) else line  # ("Basic fares
            # are non-refundable." and, after it, "Exception: if the passenger is hospitalised ...")
            ruled_stems = set(_stems(ruled, _GENERIC_POLICY_WORDS))  # ("charged" against "the ... charge is waived")
            scheme = _QUALIFIES.search(line)  # "... qualifies for WaterSure if ...": what WaterSure does is in its own line
            for other in self.commitments if scheme else ():
                if other != line and scheme["name"].lower() in other.lower():
                    ruled_stems |= set(_stems(other, _GENERIC_POLICY_WORDS))
            if cond and (any(_same_word(word, ruled_stems) for word in topic) or topic <= _ANY_FARE):
                # a refusal in more words, or a further circumstance, must name what the line rules on ("Theft
                # isn't covered" against "Accidental damage is not covered, except for Care Plan members")
                named = scheme is not None or _names_subject(clause, ruled)
                if _meets(_CIRCUMSTANCES, cond.group(), customer) or _proof_sent(cond.group(), customer):
                    if plain_no or named:
                        return line
                elif named and (_meets(_MORE_CIRCUMSTANCES, cond.group(), customer) or _member_of(cond.group(), customer)):
                    return line
            where = _WHERE_GRANTED.match(line)  # "Where the nursery closes for reasons within its control (for example
            if where and _MONEY_WORD.search(clause) and \
                    len(set(_stems(where["cond"], _GENERIC_POLICY_WORDS)) & set(_stems(customer, _GENERIC_POLICY_WORDS))) >= 2:
                return line  # staff shortages), the affected days are credited", to "you closed ... you didn't have enough
                # staff", refused as "fees are not reduced for absences"
        return None

    def past_window(self, clause: str, said: str) -> str | None:
        """The line whose window a grant in ``clause`` is past, by the time ``said`` gives ("I've approved a full
        refund" against "Refunds are only available within 30 days of delivery", where the blender "stopped working
        after 5 weeks"), or None."""
        if _DECLINES.search(clause) or not (GRANT_MADE.search(clause) or GRANT_OFFERED.search(clause)):
            return None
        found = list(_ELAPSED.finditer(said)) or (list(_BEEN.finditer(said)) if _BOUGHT.search(said) else [])
        elapsed = max((_in_hours(m["n"], m["unit"]) for m in found), default=None)  # ("I bought the TV on 2 March ...
        # I know it's been about three weeks")
        if elapsed is None or _JUST_DELIVERED.search(said):
            return None  # ("ordered 6 weeks ago, it only got delivered yesterday": a window from delivery has just begun)
        clause_topic = _topic(clause, _GENERIC_POLICY_WORDS | _RULING_WORDS)
        for line in self.commitments:
            window = _WINDOW.search(line)
            if window and elapsed > _in_hours(window["n"], window["unit"]) and \
                    clause_topic & set(_stems(line[: window.start()], _GENERIC_POLICY_WORDS | _RULING_WORDS)):
                return line
        return None

    def breached_by(self, clause: str, customer: str) -> str | None:
        """The line that a grant in ``clause`` breaks, read with the case the customer describes, or None: a booking
        moved where "Non-refundable rates cannot be refunded or changed" and the customer booked that rate; a card
        refund where "Clearance items are exchange-only" and the item came from the clearance sale; an upgrade booked
        where agents may not confirm upgrades; compensation stated where agents may not state or confirm it."""
        if _DECLINES.search(clause) or clause.rstrip().endswith("?"):
            return None
        full = _FULL_REFUND.search(clause)  # "I've issued a full refund of $1,440" where refunds are "pro rata for the
        if full and not _LESS.search(clause, full.end()) and \
                not any(_FULL_GRANTED.search(line) for line in self.commitments):  # unused months" (not "... less the £15
            topic = {stem(w) for w in content_words(f"{clause} {customer}")}  # fee"; nor where a line refunds in full)
            part = next((line for line in self.commitments if _PART_REFUND.search(line) and
                         _in_case(_PART_REFUND.split(line)[0], topic)), None)
            if part is not None:
                return part
        case = {stem(w) for w in content_words(f"{clause} {customer}")}
        for line in self.commitments:
            for part in _PARTS.split(line):
                given = _NOT_GIVEN_AS.search(part)  # "Controlled drugs (for example diazepam) cannot be given as an
                if given and given["what"].lower() in clause.lower() and \
                        {stem(w) for w in content_words(part[: given.start()])} - _EXAMPLE_WORDS & case:
                    return line  # emergency supply", against "they'll give you a 7 day emergency supply of diazepam"
                fixed = _CANNOT_BE_ANY.search(part)
                if fixed and _in_case(part[: fixed.start()], case):
                    verbs = {stem(v) for v in re.findall(r"\w+ed", fixed["verbs"])}
                    ours = _OURS_TO_CHANGE.search(f"{clause} {customer}")
                    if stem("changed") in verbs and _CHANGED.search(clause) and not ours or \
                            stem("refunded") in verbs and _REFUND_GIVEN.search(clause):
                        return line
                only = _EXCHANGE_ONLY.search(part)
                if only and _in_case(part[: only.start()] or line, case) and _REFUND_GIVEN.search(clause) and \
                        not _NOT_CASH.search(clause) and not _NOT_THE_ITEM.search(f"{clause} {customer}"):
                    return line
                said = _MAY_NOT_CONFIRM.search(part)
                if said and _COMPENSATION.search(line) and _COMPENSATION_SAID.search(clause) and \
                        not _MAY_BE.search(clause):
                    return line
                outcome = _THAT_SOMEONE_WILL.match(said["what"].strip()) if said else None
                if outcome:  # "must not promise that a supplier will cancel or reduce a bill": the outcome said as
                    verbs = "|".join(re.escape(v) for v in re.findall(r"[a-z]+", outcome["verbs"].lower())
                                     if v not in ("or", "and"))  # sure (not "I've sent them a request to cancel it")
                    if verbs and re.search(rf"\b(?:will|['’]ll|going\s+to|is\s+to|are\s+to)\s+(?:definitely\s+|"
                                           rf"certainly\s+|now\s+)?(?:{verbs})\b", clause, re.I) and \
                            set(_stems(outcome["what"], _GENERIC_POLICY_WORDS)) & case:
                        return line
                    continue
                if said and not _COMPENSATION.search(said["what"]):
                    head, *scope = _AFTER_HEAD.split(said["what"].strip(), maxsplit=1)
                    if re.search(r"\b(?:future|next|later|upcoming)\b", " ".join(scope), re.I) and \
                            not re.search(r"\b(?:future|next|later|upcoming|return)\b", clause, re.I):
                        continue  # "Do not confirm room upgrades for future stays": not "a suite for tonight"
                    head = head.split()  # "room upgrades" (for future stays), "store credit" (above £20 ...)
                    said_words = {stem(w) for w in content_words(clause)}
                    qualifiers = [w for w in head[:-1] if "-" in w or w.lower() in _QUALIFIERS]  # "same-day refunds":
                    # an approved refund is not a same-day one
                    named = head and re.search(rf"(?<!refund)(?<!refunded)\b(?<!\bfor\sthe\s){re.escape(head[-1][:5])}\w*"
                                               r"(?!\s+(?:fee|charge|cost|price)s?\b)", clause, re.I)  # (not "the £30
                    # upgrade fee", "refunded the £40 for the upgrade")
                    if named and stem(head[-1]) in said_words and all(q.lower() in clause.lower() for q in qualifiers) and \
                            (GRANT_MADE.search(clause) or GRANT_OFFERED.search(clause) or _BOOKED_YOU.search(clause)) and \
                            not ONLY_ONCE.search(clause):  # (not "I will give you a date only once the manufacturer
                        return line  # has confirmed stock": the line's own wait, said)
        return None

    def _card_ruled_out(self, clause: str) -> str | None:
        """The line that keeps money ``clause`` sends back to a card to credit, on the clause's topic, where no other
        line sends it to the card ("Faulty items are refunded to the original card" beside "gift cards: credit only")."""
        if not (_TO_CARD.search(clause) and _REFUNDED.search(clause)):
            return None
        ruled = [line for line in self.commitments if _CARD_RULED_OUT.search(line)]
        allows = [line for line in self.commitments if _TO_CARD.search(line) and not _CARD_RULED_OUT.search(line) and
                  not _NEEDS_SOMEONE.search(line)]
        if not allows:  # one route for the money, whatever the clause calls the case
            return ruled[0] if ruled else None
        topic = _topic(clause, _ROUTE_WORDS)  # two routes: the line on the clause's own topic decides
        if any(topic & set(_stems(line, _ROUTE_WORDS)) for line in allows):
            return None
        return next((line for line in ruled if topic & set(_stems(line, _ROUTE_WORDS))), None)

    def credit_instead(self, text: str) -> str | None:
        """``text`` with money it sends to a card sent as the credit a line keeps it to ("refunded it straight to your
        Visa ending 4471" -> "refunded it as store credit", where differences "are refunded as store credit, not to the
        original payment card"), or None."""
        card = _TO_CARD_SPAN.search(text)
        line = self._card_ruled_out(text) if card is not None and _REFUNDED.search(text[: card.start()]) else None
        kind = _CREDIT_KIND.search(line) if line else None
        return f"{text[: card.start()]} as {kind['kind'].lower()}{text[card.end():]}" if kind else None

    def forbids(self, clause: str) -> str | None:
        """The policy line that rules out what ``clause`` grants ("Express shipping is not available for
        replacements" against "I've arranged express shipping"), or None."""
        if _DECLINES.search(clause):
            return None  # the clause says the same "no"
        card_ruled_out = self._card_ruled_out(clause)  # "I've refunded it to your Visa ending 4471" where refunds
        if card_ruled_out:  # are "store credit, not to the original payment card"
            return card_ruled_out
        clause = ADMITS.sub("admit liability", clause)  # "we accept full responsibility for your burn"
        clause = _PAYS_DAMAGE.sub("admit liability for the damage",
                                  DISCIPLINED.sub("face disciplinary action, a disciplinary matter", clause))
        clause = _FAST_CARRIAGE.sub(r"\1 shipping", clause)  # "by express courier": express shipping
        clause = _SENT_BACK.sub(r"return \g<what>", clause)  # "post the opened tub back to us": a return
        clause_topic = _topic(clause, _GENERIC_POLICY_WORDS | _RULING_WORDS)
        done = {stem(w) for w in content_words(clause)}
        for part, line in self._parts(rules_out=True):
            part = _FAST_CARRIAGE.sub(r"\1 shipping", _BRACKETED.sub(" ", part))  # ("Emergency repairs (no heating or no hot
            # water) are attended within 24 hours": what the brackets say is an emergency, not a "no")
            if not _PROHIBITS.search(_AT_NO_COST.sub(" ", _main(part))):
                continue  # "... sent by overnight courier at no charge": a grant, which rules nothing out
            act = _IT_CANNOT.match(part.strip())
            if act:  # "this cannot be waived": a clause that waives it, whatever it calls the fee
                if stem(act["verb"]) in done:
                    return line
                continue
            later = _CANNOT_BE.search(part)  # "The $150 excess applies to all glass claims and cannot be waived by agents"
            if later and stem(later["verb"]) in done and \
                    set(_stems(part[: later.start()], _GENERIC_POLICY_WORDS | _RULING_WORDS)[:2]) & clause_topic:
                return line
            said = _PROHIBITS.search(part)
            if said and said["costs"]:  # "exchanges cost £15": ruled out is doing it for nothing
                if any(word.startswith(stem(said["costs"])) for word in clause_topic) and _NO_COST.search(clause):
                    return line
                continue
            fee = said and (said["fee"] or said["applies"] or said["paid"])
            if fee:  # "carry a £50 excess", "early termination fees apply": ruled out is letting them off it, unless
                # another part grants that ("Faulty items: we cover return postage", "delivery is free over £40")
                # (a part that only names the fee, "Cancelling early incurs an early termination fee of ...", lets
                # nobody off it)
                named = re.escape(fee.lower())
                granted = any(re.search(_LETS_OFF.format(fee=fee.lower()), grant, re.I) or
                              re.search(rf"\b(?:cover|refund|free|waiv)\w*\b[^.;]*\b{named}|\b{named}\w*\b[^.;]*\b(?:free|"
                                        r"refunded|covered|waiv\w*)\b", grant, re.I)  # ("Fee waivers need approval")
                              for grant, _ in self._parts(rules_out=False))
                if not granted and re.search(_LETS_OFF.format(fee=fee.lower()), clause, re.I):
                    return line
                continue
            cover = _NOT_COVERED.match(part.strip().rstrip("."))
            # "Your warranty covers water damage" against "The standard warranty does not cover water damage": the
            # thing not covered, and what does not cover it, by its last word
            if cover and _COVERS.search(clause) and not _NEGATED.search(clause):
                thing = _stems(cover["what"], _GENERIC_POLICY_WORDS | _RULING_WORDS)
                by = _stems(cover["by"], _GENERIC_POLICY_WORDS | _RULING_WORDS)[-1:]
                if thing and all(word in clause_topic for word in (*thing, *by)):
                    return line
            # what the line is about: "express shipping", "cash refunds"; what agents may not do: "remove damage charges"
            what = part
            to_agents = _AGENTS_MAY_NOT.match(part)
            if to_agents:  # "agents may not remove damage charges": the agent doing it ("I've removed the €300 damage
                # charge"), not the outcome someone else decides ("your account will be reopened")
                rest = part[to_agents.end():]
                acts = re.findall(r"[a-z]+", re.sub(r"\([^)]*\)", " ", rest.lower()))
                act = acts[0].rstrip("e") if acts else ""  # ("may not waive, reduce or refund", "may not (ever) waive")
                if not re.search(rf"\b(?:I|we)\b[^.;!?]{{0,25}}?\b{re.escape(act)}", clause, re.I) and \
                        not (act in _HAND_OUT and (GRANT_OFFERED.search(clause) or GRANT_MADE.search(clause))):
                    continue  # ("may not offer vouchers": "I'll throw in a €20 voucher" offers one)
                # "waive, reduce or refund late fees": the first verb and what it is done to
                what = re.sub(r"^(\w+)(?:,\s*\w+)*,?\s+(?:or|and)\s+\w+\s+", r"\1 ", rest.strip())
            subject = [w for w in _stems(what, _GENERIC_POLICY_WORDS | _RULING_WORDS)
                       if w != "non"][:2]  # ("Deposits are non-refundable": deposits)
            if subject and all(word in clause_topic or _same_word(word, clause_topic) for word in subject) or \
                    _either_named(what, clause_topic):
                return line
            if subject and subject[0] == "cash" and "cash" in clause_topic and sums(clause):
                return line  # "no cash compensation" against "$30 cash by bank transfer": cash is what it rules out
        return None


# What the policy holds fixed, and the grants that break it (Policy.breached_by)
_CANNOT_BE_ANY = re.compile(r"\b(?:(?:cannot|can't|can’t|can\s+not|may\s+not|must\s+not)\s+be|(?:are|is)\s+(?:not|never))\s+"
                            r"(?P<verbs>\w+ed(?:\s*(?:,|or|and|,\s*or)\s*\w+ed)*)", re.I)
_CHANGED = re.compile(r"\b(?:I|we)(?:'ve|’ve|\s+have|'ll|’ll|\s+will|\s+can)\s+(?:\w+\s+)?(?:(?:moved|changed|amended|switched|"
                      r"swapped|transferred|move|change|amend|switch|swap|transfer)\s+(?:your|the)\s+(?:\w+\s+)?(?:booking|"
                      r"reservation|dates?|flight|ticket|fare|stay|travel)|rebooked|rebook)\b", re.I)  # (not "moved you to a
# warmer room for tonight")
_REFUND_GIVEN = re.compile(r"\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:\w+\s+){0,3}?(?:refunded|processed|issued|approved|requested)\b"
                           r"[^.;!?]{0,40}?\brefund|\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:\w+\s+){0,2}?refunded\b|"
                           r"\b(?:I|we)(?:'ll|’ll|\s+will)\s+(?:\w+\s+)?refund\b", re.I)
_NOT_CASH = re.compile(r"\b(?:exchange|store\s+credit|gift\s+card|voucher|account\s+credit)\b", re.I)
_EXCHANGE_ONLY = re.compile(r"\b(?:are|is)\s+exchange[-\s]only\b|\bno\s+cash\s+refunds?\b|"
                            r"\b(?:are|is)\s+(?:store\s+)?credit[-\s]only\b",
                            re.I)
_MAY_NOT_CONFIRM = re.compile(r"\b(?:do\s+not|don't|don’t|never|must\s+not|may\s+not|cannot|can't|should\s+not)\s+"
                              r"(?:confirm|state|promise|offer|guarantee|quote)\s+(?P<what>[^.;]+)", re.I)
_COMPENSATION = re.compile(r"\bcompensation\b", re.I)
_THAT_SOMEONE_WILL = re.compile(r"^(?:that\s+)?(?:an?|the|any|your)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:will|would)\s+"
                                r"(?P<verbs>\w+(?:\s+(?:or|and)\s+\w+)*)\s+(?P<what>.+)$", re.I)
_COMPENSATION_SAID = re.compile(r"\b(?:entitled\s+to|you['’]ll\s+(?:get|receive)|you\s+will\s+(?:get|receive)|(?:I|we)(?:'ve|’ve|"
                                r"\s+have)\s+confirmed|qualif(?:y|ies)\s+for|owed)\b[^.;!?]{0,40}\bcompensation\b|"
                                rf"[{CURRENCY}]\s?\d[\d,.]*\s+compensation\b[^.;!?]*\b(?:will\s+be\s+paid|confirmed|is\s+yours)\b",
                                re.I)
_AFTER_HEAD = re.compile(r"\s+(?:for|to|of|on|in|about|with|without|above|over|below|under|beyond|unless|except|than|more|"
                         r"before|after|at|from|by|where|when|if|that|which|or|and)\b", re.I)
# a charge refunded, or an item that never came, is no refund of an exchange-only item
_NOT_THE_ITEM = re.compile(r"\b(?:duplicate|double|twice|overcharg\w*|extra|delivery|postage|shipping|fee|charge|"
                          r"never\s+(?:arrived|came|turned\s+up|received)|not\s+(?:arrived|delivered|received)|missing|"
                          r"(?:didn['’]t|did\s+not|hasn['’]t|has\s+not)\s+(?:arrive|arrived|come|turn\s+up))\b", re.I)
# a change that is the company's to make, or a slip put right: "the hotel is closed", "the date printed on them is wrong"
_OURS_TO_CHANGE = re.compile(r"\b(?:closed|overbooked|renovation|you\s+cancell?ed|cancell?ed\s+by\s+(?:you|us)|printed|"
                             r"misprint\w*|typo|spelling|to\s+match|matches\s+your)\b", re.I)
_MAY_BE = re.compile(r"\b(?:may|might|could)\s+be\s+(?:entitled|eligible)|\bif\s+you(?:['’]re|\s+are)\s+(?:entitled|eligible)|"
                     r"\bcompensation\s+claim\b", re.I)
_QUALIFIERS = frozenset("express full cash partial free early future extra instant immediate".split())
_BOOKED_YOU = re.compile(r"\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:also\s+)?(?:booked|reserved|confirmed)\s+you\b", re.I)


def _in_case(scope: str, case: set[str]) -> bool:
    """The line's scope ("Non-refundable rates", "Items bought in clearance sales") is the case: its distinctive
    words are in the clause or the customer's message."""
    words = [w for w in _stems(scope, _GENERIC_POLICY_WORDS | _RULING_WORDS) if w not in _SCOPE_GENERIC]
    return bool(words) and all(w in case or any(min(len(w), len(c)) >= 3 and (c.startswith(w) or w.startswith(c))
                                                for c in case) for w in words[-2:])  # ("rates": "rate")


_SCOPE_GENERIC = frozenset(stem(w) for w in "item items product products bought purchased order orders".split())


_AGENTS_MAY_NOT = re.compile(_TEAM + r"(?:(?:may|can|must|should)\s+not|cannot|can't|can’t)\s+", re.I)


def _same_word(word: str, stems: set[str]) -> bool:
    """The crude stems of one word said two ways: "remove" and "removed", "charges" and "charge"."""
    return len(word) >= 3 and any(other.rstrip("e") == word.rstrip("e") for other in stems)


_NOT_COVERED = re.compile(r"^(?P<by>.+?)\s+(?:does|do|will)\s+not\s+cover\s+(?P<what>.+)$", re.I)
_COVERS = re.compile(r"\b(?:covers?|covered|covering)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.I)


_WHEN = re.compile(r"\s+(?:when|where|if|once|because|as\s+long\s+as|in\s+case)\s+(?:the|your|a|an|it|they|their|its)\b", re.I)


def _main(part: str) -> str:
    """A line's part less the condition it grants on: "Seat fees are refunded ... when the paid seats are not provided"
    grants a refund; its "not" is the condition's, and rules nothing out."""
    return _WHEN.split(part, maxsplit=1)[0]


def _rules_out(part: str) -> bool:
    """The part rules something out; a price with a time ("Standard delivery costs £3.95 and arrives in 3-5 days")
    still grants that time."""
    found = list(_PROHIBITS.finditer(_main(part)))
    return bool(found) and not (all(m["costs"] for m in found) and _SAYS_WHEN.search(part))


def load_policy(path: str | Path) -> Policy:
    """Read a policy TOML file; every problem is a ``PolicyError`` naming the file."""
    path = Path(path)
    text = read_text(path, "policy", PolicyError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy file {path} is not valid TOML: {exc}") from None
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(f"policy file {path} is invalid: {describe_errors(exc)}") from None
    unknown = set(policy.severity) - set(RULE_IDS)
    if unknown:
        raise PolicyError(f"policy file {path}: [severity] names unknown rule(s): {', '.join(sorted(unknown))}")
    return policy
