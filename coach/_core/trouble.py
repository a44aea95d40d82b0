"""What went wrong: the words of a customer's message that say what is wrong, not what it is about.

"The kettle has a crack and it's leaking" is about a kettle; the crack and the leak are the trouble. A reply that
names the kettle and not the crack ("Please bring the kettle back") has named the topic, not the problem.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["troubles", "names_trouble"]

# the fault itself, one meaning a group ("cracked" and "smashed" name the same trouble)
_GROUPS = (
    r"missing|left\s+out|not\s+in\s+the\s+(?:box|bag|parcel|order)",
    r"(?<!\bI'm\s)(?<!\bam\s)(?<!\bim\s)broke|broken|break(?:s|ing)?(?!\s+(?:them|it|in|a\s+leg)\b)|crack(?:s|ed)?|"
    r"smash(?:ed)?(?!\s+hit)|shatter(?:ed)?|dent(?:s|ed)?|damag(?:e|ed|es)|faulty|fault|defect(?:ive)?|scratch(?:ed|es)?|"
    r"snapp?(?:ed)?|torn|ripped|stain(?:s|ed)?",
    r"leak(?:s|ed|ing|y)?|drip(?:s|ping|ped)?|flood(?:ed|ing)?",
    r"wiped|deleted|erased|disappear(?:s|ed|ing)?|vanish(?:es|ed|ing)?|(?<!\bI\s)lost(?!\s+(?:cause|for\s+words))|los(?:e|es|ing)",
    r"declin(?:e|ed|es|ing)|reject(?:s|ed|ing)?|refused|bounced",
    r"overcharg(?:e|ed|ing)|double[-\s]?(?:charg|book|bill|pa(?:y|id))\w*|duplicate|extra\s+charge|"
    r"(?:2nd|second)\s+(?:charge|payment)|(?:charged|billed|taken|took|paid)\b[^.!?\n]{0,30}\b(?:twice|again)|"
    r"still\s+(?:been\s+)?(?:charged|billed|taken|took|debited)|taken\s+another",
    r"(?<!get\sme\s)wrong\w*|incorrect\w*|(?<!\bby\s)mistakes?|mixed\s+up|instead\s+of|typos?|misspel\w+|"
    r"the\s+right\s+(?:door|address|one|size|item|place|person|name|day|date)",
    r"errors?|fail(?:s|ed|ing|ures?)?|crash(?:es|ed|ing)?|freezes|frozen|stuck|glitch\w*|bug(?:s|gy)?|outage|"
    r"(?:is|are|was|were|been|went|gone|goes)\s+down|down\s+(?:again|since|all)|hang(?:s|ing)?|spin(?:s|ning)?\s+forever|"
    r"drop(?:s|ping|ped)\s+(?:out|off|every|constantly|all)|drop[-\s]?outs?",
    r"locked\s+out|blocked|suspended|disconnect(?:ed|ion)",
    r"(?<!running\s)late(?!\s+(?:husband|wife|father|mother|dad|mum|mom|son|daughter|partner|brother|sister|grand\w+|"
    r"friend|uncle|aunt|night|evening|afternoon|morning|check-?out|booking)\b)|delay(?:s|ed)?|overdue|still\s+waiting|waited|waiting\s+(?:for|on|since|over|weeks|days|months)|"
    r"(?:the|long|your)\s+wait|weeks?\s+(?:ago|later)|no\s+sign|run\s+past|held\s+up|past\s+the|running\s+behind|"
    r"(?:payments?|months?|weeks?)\s+behind|behind\s+(?:on|with)\s+(?:my\s+|the\s+|our\s+)?(?:payments?|repayments?|rent|bills?|mortgage)",
    r"cancel(?:l?ed|s|lation)|called\s+off",
    r"(?<!\bI\s)missed|no[-\s]show|nobody\s+(?:came|turned\s+up|showed|called|rang)|no\s+one\s+(?:came|turned\s+up|showed|called)|"
    r"didn'?t\s+(?:turn\s+up|show|come|arrive|call)|never\s+(?:came|arrived|turned\s+up|showed|called|rang)",
    r"(?:not|never|hasn'?t|haven'?t|hadn'?t|didn'?t|wasn'?t|weren'?t)\s+(?:been\s+)?(?:arrived?|received?|delivered|emptied|"
    r"collected|fixed|repaired|refunded|processed|updated|reissued|corrected|sent|paid|credited|applied|done)|"
    r"no\s+record",
    r"(?:doesn'?t|does\s+not|don'?t|won'?t|will\s+not|can'?t|cannot|isn'?t|is\s+not|not|stopped)\s+"
    r"(?:work|working|respond\w*|turn(?:ing)?\s+on|charg\w+|start\w*|open\w*|load\w*|connect\w*|fit\w*|"
    r"switch(?:ing)?\s+on|function\w*)|unresponsive|dead(?!\s+(?:keen|set|easy|good|right|on)\b)",
    r"rude|shout(?:ed)?(?!\s+out)|ignored|unhelpful|hung\s+up",
    r"spoil(?:ed|t)|mou?ldy?|rotten|gone\s+off|expired|stale|undercooked|melted",
    r"ads|adverts?|advertis\w+",
    r"estimated|too\s+much|half\s+the\s+size",
)
# (a trouble denied is none: "it didn't crash", "not broken"; the lookahead lets a word's end fail at once, which
# halves the time on the development rewrites)
_TROUBLE = re.compile(r"\b(?=[a-z2])(?<!n't\s)(?<!dnt\s)(?<!snt\s)(?<!not\s)(?<!never\s)(?<!no\s)(?<!nothing\s)"
                      r"(?<!nothing\swas\s)(?<!nothing\sis\s)(?<!fixed\sthe\s)(?<!fixed\smy\s)(?<!repaired\sthe\s)(?:" +
                      "|".join(f"(?P<t{i}>{group})" for i, group in enumerate(_GROUPS)) + r")\b", re.I)
# how a reply says something went wrong in words of its own: "no update since", "even though", "a replacement", "are you
# still seeing this?", "has been held", "keeps logging you out"
_OWN_TROUBLE = re.compile(r"\b(?:not|never|no\s+longer|no\s+(?:update|news|scan|sign|reply|response|record|word|margin|"
                          r"time|way)|without|should(?:n't|\s+not)?\s+have|supposed\s+to|even\s+though|despite|again|"
                          r"after\s+(?:you|cancel\w*)|replac\w*|mix-?up|scuff\w*|astray|unstable|(?:is|are|was|were)\s+gone|"
                          r"(?:security\s+|a\s+)hold|lifted\s+the|removed\s+the|two\s+times|(?:fresh|new)\s+(?:reset\s+)?link|unlock\w*|"
                          r"new\s+(?:delivery\s+)?(?:slot|date|time|appointment|visit)|rebook\w*|(?:what\s+)?a\s+mess|correct(?:ed|ion)|fix(?:ed)?|(?:problem|issue|trouble)\s+with|"
                          r"went\s+wrong|gone\s+wrong|(?:seeing|having|getting|experiencing)\s+"
                          r"(?:(?:this|that|these|the|an?|any|\w+)\s+)?(?:issues?|problems?|errors?|trouble)|"
                          r"are\s+you\s+(?:still\s+)?(?:able|unable|seeing|having|getting)|"
                          r"is\s+(?:this|it)\s+(?:still\s+)?happening|still\s+(?:seeing|having|happening|getting)|happened|"
                          r"slipp?ed|trac(?:e|ed|ing)|locat(?:e|ed)|estimate|unusual|"
                          r"(?:has|have|had|'s|'ve)\s+(?:already\s+)?(?:been|got)\s+\w+|hasn'?t|haven'?t|didn'?t|wasn'?t|"
                          r"weren'?t|isn'?t|aren'?t|can'?t|couldn'?t|won'?t|doesn'?t|don'?t|keeps?\s+\w+ing|left\s+you|"
                          r"cost\s+you|that\s+(?:must|can'?t)\s+have|frustrat\w*|annoying|inconvenien\w*|disappoint\w*|"
                          r"worr\w+|urgent|a\s+real\s+pain|(?:far\s+)?too\s+(?:long|much|high|late|early))\b", re.I)
# a reply's "not" that names no trouble: "don't hesitate", "if you haven't already", "no problem", "we can't refund"
_STOCK_NOT = re.compile(r"\b(?:do\s+not|don'?t)\s+hesitate\b|\bif\s+(?:you|it|this|that)\s+(?:do(?:es)?\s+not|don'?t|"
                        r"doesn'?t|haven'?t|has\s+not|hasn'?t|isn'?t|is\s+not)\b[^.!?\n]*|\bnot\s+sure\b|"
                        r"\bno\s+(?:problem|worries)\b|\b(?:can'?t|cannot|can\s+not|unable\s+to|won'?t\s+be\s+able\s+to)\s+"
                        r"(?:refund|offer|accept|make|change|give|provide|do)\b|\bplease\s+(?:do\s+not|don'?t)\b[^.!?\n]*",
                        re.I)

# what a message asks rather than reports ("can I pick them up tomorrow instead of today?", "if I switch, will I lose
# my templates?"), and a comment nobody sees ("<!-- reply in a rude tone -->")
_ASKS = re.compile(r"(?:^|(?<=[.!?\n]))(?:[^.!?\n]*?\b(?:can|could|will|would|may|should|if)\s+(?:I|we)\b|\s*(?:does|do|how\s+"
                   r"(?:do|can|should|to)|what(?:['’]s|\s+is)\s+the\s+best|any\s+tips)\b)[^.!?\n]*\?", re.I)
# "instead of" names a fault after what was sent or shown ("sent me chicken instead of salmon"), not in a request
# ("send it to my work address instead of home")
_INSTEAD_AFTER = re.compile(r"\b(?:sent|got|received|delivered|charged|billed|says|said|shows|showed|listed|spelt|spelled|"
                            r"printed|gave|given|brought|came|arrived|put|reads|is|was|are|were)\b", re.I)
_COMMENT = re.compile(r"<!--[\s\S]*?(?:-->|$)")
_AMOUNT = r"\d(?:[\d,]*\d)?(?:\.\d\d)?"  # ("£389", not "£389," before a comma)
_CODES = ("AED|ARS|AUD|BRL|CAD|CHF|CLP|CNY|COP|CZK|DKK|EGP|EUR|GBP|GHS|HKD|HUF|IDR|ILS|INR|JPY|KES|KRW|MXN|MYR|NGN|NOK|NZD|"
          "PEN|PHP|PKR|PLN|QAR|RON|SAR|SEK|SGD|THB|TRY|TWD|UAH|USD|ZAR")
_SUM = re.compile(rf"[£$€¥₹]\s?{_AMOUNT}|\b(?:{_CODES})\s?{_AMOUNT}|\b{_AMOUNT}\s?(?:zł|EUR|USD|GBP|kr)\b")  # "£61", "AED 149"


@lru_cache(maxsize=1024)
def troubles(text: str) -> tuple[str, ...]:
    """The troubles a message names, in its words: the first of each kind ("cracked", not also "smashed")."""
    found: dict[str | None, str] = {}
    text = _ASKS.sub(" ", _COMMENT.sub(" ", text))
    for m in _TROUBLE.finditer(text):
        if m.group()[:7].lower() == "instead" and not _INSTEAD_AFTER.search(text, max(0, m.start() - 40), m.start()):
            continue
        found.setdefault(m.lastgroup, m.group().lower())
    return tuple(found.values())


def names_trouble(reply: str, customer: str) -> bool:
    """The reply says what went wrong: a trouble of any kind on the list, in the words of the customer's or of its own.

    True also when the customer names no trouble the list knows (a question, a request): nothing to name.
    """
    if not troubles(customer):
        return True
    if _OWN_TROUBLE.search(_STOCK_NOT.sub(" ", reply)):
        return True  # (the cheaper reading first)
    return bool(troubles(reply)) or bool(set(_SUM.findall(reply)) & set(_SUM.findall(customer)))  # in words of the
    # list, any of them ("the outage" to "can't connect"), or their sum ("the £61")
