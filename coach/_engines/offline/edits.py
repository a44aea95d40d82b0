"""Edits of one flagged sentence, on whole clauses: each returns the sentences that replace it.

``[]`` drops the sentence, ``[text]`` replaces it, and ``None`` says the edit cannot be made without garbling
the sentence or losing what it holds (a fact, or a next step for the customer); the engine then keeps it.
"""

from __future__ import annotations

import re

from ..._core.rules import load_rules
from ..._core.text import EMOJI, EMOJI_GLUE, content_words
from .clauses import (
    BY_ITSELF,
    EFFORT_TO,
    LATER_ON,
    Sentence,
    capitalise,
    complete,
    finish,
    holds_fact,
    holds_step,
    lower_first,
    starts_clause,
    this_for_it,
)

__all__ = ["blames", "drop_apology", "drop_pity", "fix_vague_effort", "drop_banned", "drop_clause", "deflects", "droppable",
           "hollow", "is_interjection", "only_effort", "USE_WHAT_WENT", "HELLO_LEAD", "SEND_OFF"]

_OUCH = r"oh\s+no|oh\s+dear|oh\s+my(?:\s+gosh|\s+god)?|wow|yikes|ugh|geez|gosh|omg|ouch|whoa|uh\s+oh|what(?=\W*[?!])"
_INTERJECTION = re.compile(rf"^(?:{_OUCH}|oh|aw+)(?:[\s,]+(?-i:[A-Z][a-z]+))?\W*$", re.I)  # ... "Oh Gemma 😢"
_PITY_LEAD = re.compile(
    r"^(?:(?:honestly|frankly|truly|genuinely|seriously|really)\s*,?\s+)?"  # "Honestly I cannot believe ..."
    r"(?:I\s+(?:\w+ly\s+)?(?:can't|can’t|cannot|can\s+not|couldn't|couldn’t)\s+believe|I\s+feel\s+(?:so\s+|really\s+|just\s+|\w+ly\s+)?"
    r"(?:terrible|awful|horrible|bad|sick|ashamed|embarrassed)|I(?:'m|’m|\s+am)\s+(?:\w+ly\s+|so\s+|really\s+)?"
    r"(?:mortified|embarrassed|ashamed|appalled|horrified))\s+(?:that\s+)?",
    re.I,
)
# What a clause ends on when it points back at the sentence it was cut from: "these", "in this way", "like that".
_POINTS_BACK = re.compile(r"\b(?:these|those|this|that|them|it)(?:\s+(?:way|manner|again|one|ones|kind\s+of\s+thing|state|"
                          r"condition|shape|mess))?\W*$|\blike\s+(?:this|that)\b", re.I)  # ("... out in that state")
_POINTER_INSIDE = re.compile(r"\b(?:it|them)\b|\b(?:this|that|these|those)(?=\s+(?:go|happen\w*|again|to|in|on|out|up|off|"
                             r"back|through|slip|pass)\b|\W*$)", re.I)
_LEADING_INTERJECTION = re.compile(rf"^(?:{_OUCH}|oh|aw+)\s*[,!–—-]+\s*", re.I)  # "Oh no, ..." before a clause
# ... or typed with no mark after it, in chat: "ugh your parcel is stuck in customs"
_LEADING_GROAN = re.compile(r"(?:ugh+|argh+|omg|oh\s+no+|oh\s+dear|yikes|eek)\b[\s,!–—-]*", re.I)
_PITY_MODIFIER = re.compile(r"\b(our)\s+(?:useless|terrible|awful|incompetent)\s+", re.I)
# The agent's own actions: "I'll try to chase it" -> "I'll chase it"; anything else becomes a check.
_ACTION = (r"(?=(?:help|assist|answer|address|reply|respond|call|contact|find\s+out|follow|look|check|get\s+back|"
           r"come\s+back|pass|"
           r"share|send|explain|reach|chase|get\s+someone(?!\s+(?:out|round|over)\b(?![^.!?]*\bat\s+some\s+point\b)[^.!?]*\b(?:today|tonight|"
           r"tomorrow|this\s+(?:week|morning|afternoon|evening)|by\s+\w+day)\b)|escalate|investigate|review|email|message|update|"
           # "have someone call you", "have the duplicate looked at" (not "have it waived": an outcome)
           r"have\s+(?:someone|somebody)\s+(?:call|contact|ring|look|check|visit|come|email|get\s+back)|"
           r"have\s+(?:the|your|this|it)(?:\s+(?![\w-]*ed\b)[\w-]+){0,3}?\s+(?:looked\s+(?:at|into)|checked|reviewed|"
           r"investigated|inspected))\b)")
# Phrase swaps that turn a vague effort into the action it stands for; every swap keeps the sentence grammatical.
_GERUND = {"find out": "finding out", "look into": "looking into", "check": "checking", "trace": "tracing",
           "locate": "locating", "chase": "chasing", "track down": "tracking down"}  # (never an outcome: not "getting
# your refund processed this week")
_SOMEONE_LOOKING = re.compile(r"\b(?:is|are|['’]re|['’]s)\s+(?:currently\s+|already\s+)?(?:looking\s+into|investigating|"
                              r"working\s+on)\s+(?:it|this|that|the\s+\w+)\s*,?\s+and\s+$", re.I)
_VAGUE_SWAPS = [
    # a letter's shrug, said as the step it stands for: "look into the matter in due course" -> "look into the matter"
    (re.compile(r"\b(look\s+into\s+(?:the|this)\s+matter)\s+in\s+due\s+course(?:,?\s+and\s+(?:we|I)\s+trust\s+(?:this|that)\s+is\s+"
                r"(?:satisfactory|acceptable))?", re.I), r"\1"),
    # an effort at an outcome that names nothing ("We'll try to get it done asap", "I'll do my best to get this sorted for
    # you"): the agent looks into it (never "check whether we can get this sorted")
    (re.compile(r"\b(?:I|we)(?:'ll|’ll|\s+will|\s+shall)(?:\s+also)?\s+(?:try\s+to|(?:do|try)\s+(?:my|our)\s+(?:very\s+)?"
                r"(?:best|hardest)\s+to)\s+(?:(?:get|have)\s+(?:it|this|that|things|everything|the\s+(?:matter|issue|problem))\s+"
                r"(?:sorted(?:\s+out)?|fixed|resolved|done|dealt\s+with)|(?:sort|fix|resolve)(?:\s+(?:it|this|that|things|"
                r"the\s+(?:matter|issue|problem)))?(?:\s+out)?)(?:\s+(?:asap|as\s+soon\s+as\s+(?:possible|we\s+can)|quickly|"
                r"for\s+you|soon|(?:right\s+)?away))*\b"
                rf"(?=\s*[.!]*[\s{EMOJI}{EMOJI_GLUE}]*$|,?\s+and\s+(?:give|call|ring|phone|email|text|message|"
                r"update|get\s+back|let)\b)", re.I),  # ("we'll do our best to fix 💚": nothing named)
     lambda m: ("I'll update you" if _SOMEONE_LOOKING.search(m.string[: m.start()]) else  # ("Our tech team is looking
                "I'll look into this" + ("" if re.match(r",?\s+and\b", m.string[m.end():]) else " and update you"))),
    # into it and we'll try our best to get it resolved": someone looks already; the agent's part is the update)
    # (the agent's own, never "we"; at the sentence's end, or before the agent's act: "... and give you a ring")
    # "I'm doing my level best to find out why order 3321 is stuck" -> "I'm finding out why ..."
    (re.compile(r"\b((?:I|we)(?:['’]m|['’]re|\s+am|\s+are))\s+(?:doing|trying)\s+(?:my|our)\s+(?:very\s+|level\s+)?best\s+to\s+"
                r"(" + "|".join(k.replace(" ", r"\s+") for k in _GERUND) + r")\b", re.I),
     lambda m: f"{m.group(1)} {_GERUND[' '.join(m.group(2).lower().split())]}"),
    # "I'll see what I can do with the team": the agent checks with them (never "look into the team")
    (re.compile(r"\b(let\s+me|let\s+us|I['’]ll|we['’]ll)\s+(?:try\s+(?:and|to)\s+)?see\s+what\s+(?:I|we)\s+can\s+do\s+with\s+"
                r"(?=(?:the|our|my)\s+(?:\w+\s+){0,2}(?:team|manager|supervisor|office|department|engineers?|warehouse|store|"
                r"lab|workshop)(?!['’]s)\s*(?:[,.;!?]|$|and\b|but\b|to\b|on\b|about\b|today\b|tomorrow\b|this\b|now\b))", re.I),
     r"\1 check with "),  # (not "the store voucher", "my manager's approval code")
    (re.compile(r"\b(let\s+me|let\s+us|I['’]ll|we['’]ll)\s+(?:try\s+(?:and|to)\s+)?see\s+what\s+(?:I|we)\s+can\s+do\s+"
                r"(?:about|regarding|with|on)\b", re.I), r"\1 look into"),  # "Let me try and see what I can do about the $49"
    (re.compile(r"\b(I|we)(?:'ll|’ll|\s+will|\s+shall)\s+see\s+what\s+(?:I|we)\s+can\s+do(?:\s+(?:to\s+help|to\s+assist|for\s+you|"
                r"about\s+(?:this|that|it)))*(?=\s*(?:[.!?,;]|$))", re.I), r"\1'll look into this"),
    (re.compile(r"\b(like|love|be\s+glad|be\s+happy|want|wish)\s+to\s+see\s+what\s+(?:I|we)\s+can\s+do\s+to\s+assist\b",
                re.I), r"\1 to assist"),
    (re.compile(r"\b(like|love|be\s+glad|be\s+happy|want|wish)\s+to\s+see\s+what\s+(?:I|we)\s+can\s+do"
                r"(?:\s+(?:to\s+help|for\s+you|about\s+(?:this|that|it)))*", re.I), r"\1 to help"),
    (re.compile(r"\band\s+see\s+what\s+(?:I|we)\s+can\s+do(?!\s+(?:about|regarding)\b)(?:\s+(?:to\s+help|to\s+assist|for\s+you))*",
                re.I), "and help"),
    (re.compile(r"\bsee\s+what\s+(?:I|we)\s+can\s+do\s+(?:about|regarding|with|on)\b", re.I), "look into"),
    (re.compile(r"\b((?:I|we)(?:'ll|’ll|\s+will|\s+shall))\s+(?:do|try)\s+(?:my|our)\s+(?:very\s+)?(?:best|hardest)\s+to\s+"
                + _ACTION,
                re.I),
     r"\1 "),
    (re.compile(r"\b(I|we)(?:'ll|’ll|\s+will|\s+shall)\s+(?:do|try)\s+(?:my|our)\s+(?:very\s+)?(?:best|hardest)\s+(?:with|on|regarding|about)\s+"
                r"(?=(?:the|your|this|that|it)\b)", re.I), r"\1'll look into "),  # "do our best with the wifi"
    (re.compile(r"\b(I|we)(?:'ll|’ll|\s+will|\s+shall)\s+(?:do|try)\s+(?:my|our)\s+(?:very\s+)?(?:best|hardest)\b"
                r"(?!\s+to\b)", re.I),
     r"\1'll look into this"),
    (re.compile(r"\b((?:I|we)(?:'ll|’ll|\s+will|\s+shall))\s+try\s+to\s+" + _ACTION, re.I), r"\1 "),
    (re.compile(r"\b(?:I|we)(?:'ll|’ll|\s+will|\s+shall)(?:\s+also)?\s+(?:try\s+to|(?:do|try)\s+(?:my|our)\s+(?:very\s+)?(?:best|hardest)\s+to)\s+",
                re.I), "let me check whether we can "),
    (re.compile(r"\b(?:do|try)\s+(?:my|our)\s+(?:very\s+)?(?:best|hardest)\s+to\s+", re.I), "try to "),
    (re.compile(r"\b(I|we)(?:'ll|’ll|\s+will|\s+shall)\s+try\b(?!\s+(?:it|this|that|again|our|my)\b)", re.I),
     r"\1'll look into it"),
    # "We will endeavour to do everything possible to have the matter resolved at the earliest opportunity"
    (re.compile(r"\b(I|we)(?:'ll|’ll|\s+will|\s+shall)\s+(?:endeavou?r\s+to\s+|try\s+to\s+)?do\s+(?:everything|all|whatever)\s+"
                r"(?:possible|(?:I|we)\s+can)\s+to\s+(?:have|get)\s+(?:the\s+matter|this|it|things)\s+(?:resolved|sorted|fixed)"
                r"(?:\s+(?:at\s+the\s+earliest\s+opportunity|as\s+soon\s+as\s+possible|asap|quickly))?", re.I),
     r"\1'll look into this"),
    (re.compile(r"\bdo\s+what\s+(?:I|we)\s+can\s+(?:about|with|for)\s+", re.I), "look into "),  # "... about the charge"
    (re.compile(r"\bdo\s+what\s+(?:I|we)\s+can\b(?!\s+to\b)", re.I), "look into this"),
    (re.compile(r"\b(help|assist)\s+if\s+(?:I|we)\s+can\b", re.I), r"\1"),  # "glad to help if I can" -> "glad to help"
]
_SAYS_WHEN = re.compile(r"\b(?:update|let\s+you\s+know|get\s+back|be\s+in\s+touch|reply|confirm)\b", re.I)
_CHECK_END = re.compile(rf"^(?P<body>.*?)(?P<stop>[.!?]*)(?P<sig>(?:\s*[{EMOJI}{EMOJI_GLUE}]+|"
                        r"\s+[\^#]\w+|\s+-\s?[A-Z]\w*|\s+x{1,3}\b)*)\s*$", re.S)  # (a kiss, "x", signs off too; not "iPhone X")
_WHEN_WE_CAN = re.compile(r",?\s*\b(?:(?:as\s+soon\s+as|when(?:ever)?|if)\s+(?:we|I)\s+(?:possibly\s+)?can|if\s+possible|"
                          r"where\s+possible)\b", re.I)
_OWN_APOLOGY = re.compile(r"\b(?:please\s+)?(?:accept\s+)?(?:my|our)\s+(?:sincere(?:st)?\s+|deepest\s+)?apologies\b", re.I)
_HOPE_TAIL = re.compile(r",?\s+(?:and|but|so)\s+(?:hopefully|fingers\s+crossed)\b[^.!?]*[.!?]*\s*$", re.I)
_HOPE = re.compile(r"\b(?:hopefully|fingers\s+crossed|no\s+promises)\b,?\s*", re.I)
_CHECKS = re.compile(r"(?:let\s+me|I['’]ll|I\s+will)\s+(?:also\s+)?check\s+(?:whether|if)\b", re.I)


_BARE_SEE = re.compile(r"^\W*I\s+(?:can\s+)?(?:see|hear|understand)\s+that\W*$", re.I)  # "I can see that." with nothing seen
# Reassurance that waves the problem away: "Don't worry.", "There's nothing to worry about."
_DISMISSAL = re.compile(
    r"^\W*(?:please\s+)?(?:(?:(?:don't|don’t|do\s+not)\s+(?:you\s+)?|try\s+not\s+to\s+)worry"
    r"(?:\s+(?:too\s+much|at\s+all|about\s+(?:it|a\s+thing|anything|that|this)))?"
    r"|there(?:'s|’s|\s+is)\s+(?:really\s+)?nothing\s+to\s+worry\s+about|no\s+need\s+to\s+(?:worry|panic)"
    r"|(?:don't|don’t|do\s+not)\s+panic"
    r"|nothing\s+to\s+worry\s+about)(?:,?\s+(?:honestly|really|okay|ok|at\s+all|though|tho))?"
    r"(?:(?-i:,?\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?[A-Z][\w'’-]+)|,?\s+(?:mate|hun|hon|love|pal|buddy|sir|madam)|"
    r"(?-i:,?\s+(?!(?:received|sorted|done|fixed|resolved|ok|okay|thanks|cheers|confirmed|noted|paid)\b)[a-z][\w'’-]+"
    r"(?=\s*[.!]+\s*$)))?\W*$", re.I)  # ("Don't worry Mrs Agarwal.", "don't worry sarah."; not "No need to worry, received!")

# ... or talks down to the customer: "Please calm down.", "Shouting at our staff will not get it fixed any faster."
_TALKS_DOWN = re.compile(
    r"^\W*(?:(?:please|just|ok|okay)\W+)*calm\s+down\b|^\W*(?:there['’]s\s+|there\s+is\s+)?no\s+need\s+(?:to|for)\s+(?:shout|"
    r"shouting|be\s+rude|rudeness|swear|swearing|get\s+angry|that\s+tone|(?:that|this)\s+(?:kind\s+of\s+|sort\s+of\s+)?"
    r"(?:language|tone|attitude))\b|^\W*(?:shouting|swearing|being\s+rude|writing(?:\s+to\s+us)?\s+in\s+(?:capitals|caps|"
    r"capital\s+letters))\s+(?:at\s+(?:our|my|the)\s+\w+\s+)?(?:will\s+not|won['’]t|doesn['’]t|does\s+not)\b", re.I)
# ... or puts it on the customer, or laughs it off: "it's probably something on your phone", "If you had checked the box
# on arrival ...", "Perhaps someone on your side approved the hours?", "threatening language does not speed up the
# process", "Yeah the app does that sometimes lol"
_BLAMES = re.compile(
    r"\b(?:it['’]s|it\s+is|that['’]s)\s+(?:probably|likely|most\s+likely|almost\s+certainly)\s+(?:something\s+|an\s+issue\s+)?"
    r"(?:(?:on|with|at)\s+)?your\s+(?:end|side|phone|device|computer|network|router)\b|\b(?:fault|problem|issue)\s+is\s+"
    r"(?:probably|likely|most\s+likely)\s+(?:with|in)\s+(?:the\s+\w+\s+in\s+)?your\b|^\W*most\s+(?:users|customers|people)\s+"
    r"(?:don['’]t|do\s+not|never)\s+(?:have|get|see)\s+this\b|^\W*(?:but\s+|unfortunately\s+)?if\s+you\s+had\s+(?:\w+ed|read|"
    r"checked|told|called)\b|\bsomeone\s+on\s+your\s+(?:side|end)\b|^\W*I\s+must\s+say\s+I['’]m\s+(?:\w+\s+)?surprised\b|"
    r"\byour\s+(?:threatening|abusive|aggressive|rude|offensive)\s+(?:language|behaviou?r|messages?|tone)\b|"
    r"\b(?:threatening|abusive)\s+language\s+(?:does\s+not|doesn['’]t|will\s+not|won['’]t)\b|"
    # a fraud victim suspected: "transactions made with your details are usually treated as authorised", "Did you share
    # your passcode with anyone?"
    r"\b(?:are|is)\s+(?:usually|normally|generally|typically|often)\s+treated\s+as\s+authori[sz]ed\b|"
    r"\b(?:appears|seems|looks\s+like)\s+(?:that\s+)?you\s+(?:may\s+|might\s+)?(?:have\s+)?(?:shared|given\s+out|disclosed)\s+your\s+"
    r"(?:security\s+|login\s+|card\s+|bank\s+)?(?:details|passcode|password|PIN|code)\b|"
    r"^\W*did\s+you\s+(?:share|give|tell|disclose|write\s+down)\s+(?:anyone\s+)?(?:your\s+|the\s+)?(?:passcode|PIN|"
    r"security\s+(?:details|code)|card\s+details|one[-\s]time\s+(?:passcode|code))\b|"
    # "Our pharmacists are very careful so I'm sure the dosage is correct": the report waved away unchecked
    r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:quite\s+|very\s+)?sure\s+(?:that\s+)?(?:the|your|our)\s+[\w\s-]{1,25}?\s+"
    r"(?:is|was|are|were)\s+(?:all\s+)?(?:correct|right|accurate|fine)\b|"
    # "You should have contacted us when you first fell behind": the customer told what they did wrong
    r"^\W*(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,30},\s*)?(?:but\s+)?you\s+(?:really\s+)?should\s+have\s+(?:contacted|called|told|informed|let|come\s+to|spoken\s+to|"
    r"checked|read)\b|"
    # "Calling repeatedly does not speed up the process": the customer told off for chasing
    r"^\W*(?:calling|ringing|chasing|phoning|emailing|contacting\s+us)\s+(?:us\s+)?(?:repeatedly|again\s+and\s+again|multiple\s+times|"
    r"so\s+often|every\s+day)\s+(?:does\s+not|doesn['’]t|will\s+not|won['’]t)\s+(?:speed|help|make|change|get|move)\b|"
    # the driver asked whether it was their own doing, after a failure: "Were you braking harshly?"
    r"^\W*(?:were|was|did)\s+you\s+(?:perhaps\s+|maybe\s+|possibly\s+)?(?:brak\w+\s+(?:too\s+)?(?:harsh\w*|hard)|driv\w+\s+(?:too\s+)?"
    r"(?:fast|hard|harshly)|overload\w*|speeding)\b|"
    r"\b(?:lol|lmao|haha+|hehe)\b", re.I)
_FILLER_WORDS = frozenset("really honestly completely totally truly fully absolutely so do does did too and well just "
                          "yes definitely entirely perfectly believe me trust tbh tbf ngl".split())


# Lines that deflect rather than help: a defence of the process, a sales pitch, a generic "feedback passed on".
# a cheerful send-off: "Have a great day!", "Enjoy the rest of your weekend"
_SEND_OFF = (r"(?:have\s+a\s+(?:great|good|nice|lovely|wonderful|fab|fantastic|brilliant)\s+(?:day|week|weekend|evening|one|"
             r"workout|trip|time)|enjoy\s+(?:the\s+rest\s+of\s+)?your\s+(?:day|week|weekend|evening|purchase)|"
             r"(?:(?:I|we)\s+)?hope\s+you\s+(?:have|get)\s+a\s+better\s+(?:day|week|weekend|evening))")
#: A sentence that is only that send-off.
SEND_OFF = re.compile(rf"^\W*{_SEND_OFF}\W*$", re.I)
_DEFLECTS = re.compile(
    r"^\W*(?:(?:unfortunately|sadly|sometimes|honestly|but),?\s+)?(?:please\s+(?:be\s+(?:aware|advised)|note)\s+that\s+"
    r"(?:all|our|we|prices|this)\b"
    r"|please\s+note\s+(?:that\s+)?(?:all\s+)?(?:\w+\s+)?(?:fees|charges|prices|terms)\s+(?:are|is)\s+(?:applied|charged|set)\b"
    r"|(?:all\s+)?(?:invoices|prices|charges|fees|decisions|queries)\s+(?:are|is)\s+(?:generated|set|decided|dealt\s+with|"
    r"handled|processed)\b[^.!?]*\b(?:automatically|strict\s+order|standard\s+terms|wide\s+range\s+of\s+factors)"
    r"|did\s+you\s+know\b|prices\s+are\s+(?:going|rising)\s+up\s+everywhere"
    # "Regrettably, overbooking is standard industry practice."
    r"|(?:regrettably,?\s+|unfortunately,?\s+)?[\w\s-]{0,30}\b(?:is|are)\s+(?:a\s+)?(?:standard|common|normal)\s+"
    r"(?:industry\s+)?practice\b"
    # the process vouched for instead of checked: "Our meter readings are generally very accurate, so the amount is most
    # likely correct."
    r"|[^.!?]{0,40}\b(?:is|are)\s+(?:generally|usually|normally|almost\s+always|nearly\s+always)\s+(?:very\s+|highly\s+)?"
    r"(?:accurate|reliable|correct|right)\b"
    # the worry waved away with a reason: "Our engineer is fully qualified so it's probably nothing to worry about."
    r"|[^.!?]{0,60}\b(?:it['’]s|it\s+is|that['’]s|this\s+is)\s+(?:probably|most\s+likely|likely|almost\s+certainly|definitely|"
    r"certainly|surely|defo|def)\s+"
    r"(?:just\s+|only\s+)?nothing\s+(?:to\s+worry\s+about|serious|major)\b"
    # "these things are usually nothing", "these things do happen sometimes"
    r"|[^.!?]{0,60}\b(?:these|such)\s+things\s+(?:are\s+(?:usually|normally|often|generally|mostly|probably)\s+nothing|"
    r"(?:do\s+|can\s+)?happen(?:\s+(?:sometimes|from\s+time\s+to\s+time|now\s+and\s+then))?\b)"
    # the fault denied outright: "All our products are made in a nut-free facility, so this can't have been our bar"
    r"|[^.!?]{0,80}\b(?:this|it|that)\s+(?:can['’]t|cannot|couldn['’]t|could\s+not)\s+(?:possibly\s+)?(?:have\s+been|be)\s+"
    r"(?:caused\s+by\s+(?:our|us|the)|due\s+to\s+(?:our|us)|our\s+fault|from\s+our)\b"
    # the fault put on someone else: "Damage in transit is normally down to the courier rather than us"
    r"|[^.!?]{0,60}\b(?:is|are|was|were)\s+(?:normally|usually|generally|often|typically|probably|most\s+likely)\s+down\s+to\s+"
    r"(?:the\s+)?(?:courier|carrier|driver|delivery\s+(?:company|firm)|post(?:al)?\s+service|bank|manufacturer|airport)s?\b"
    # the company's people vouched for against the customer's word: "Our mechanics don't make mistakes like that."
    r"|our\s+(?:\w+\s+)?(?:mechanics|engineers|technicians|staff|team|drivers|people|fitters|installers)\s+(?:don['’]t|do\s+not|"
    r"never|wouldn['’]t|would\s+never)\s+(?:make|do)\s+(?:mistakes|errors|that)\b"
    # a motto in place of a remedy: "We're always working to improve!"
    r"|(?:we|I)(?:['’]re|\s+are|['’]m|\s+am)\s+always\s+(?:working|looking|striving|trying|aiming)\s+to\s+(?:improve|do\s+better|get\s+better)\W*$"
    # a good time wished before anything is put right: "We hope you still have a lovely evening."
    r"|(?:I|we)\s+(?:really\s+|do\s+)?hope\s+you\s+(?:still\s+|can\s+still\s+)?(?:have|enjoy)\s+(?:a\s+)?(?:lovely|great|nice|good|"
    r"wonderful|fab|fantastic)\s+(?:evening|day|night|weekend|time|party|celebration|trip|holiday)\W*$"
    r"|[^.!?]{0,40}\bcan\s+happen\s+for\s+(?:a\s+number\s+of|many|various)\s+reasons"
    r"|(?:we\s+)?value\s+(?:your|all)\s+(?:feedback|custom|business)\b[^.!?]*\b(?:pass(?:ed)?\s+(?:it\s+)?on|relevant\s+team)"
    r"|your\s+(?:feedback|comments?)\s+(?:has|have)\s+been\s+(?:passed|noted|forwarded)\b(?![^.!?]*\b(?:today|by|within)\b)"
    r"|(?:please\s+be\s+assured\s+that\s+|rest\s+assured\s+)?your\s+(?:feedback|custom|business|opinion)\s+(?:is|are)\s+"
    r"(?:very\s+|extremely\s+|really\s+)?(?:important|valuable|valued)\s+to\s+us\W*$"
    r"|we\s+take\s+(?:all\s+)?(?:customer\s+|your\s+)?(?:feedback|complaints|fraud|this|these\s+matters|[\w-]+)\s+(?:very\s+|extremely\s+)?"
    r"seriously(?:\s+here|\s+at\s+\w+)?\W*$"
    r"|(?:it's|it’s|it\s+is|that's|that’s)\s+(?:probably|most\s+likely)\s+(?:just|only|nothing)\b"
    r"|these\s+things\s+(?:do\s+|can\s+|will\s+)?happen\b|(?:it|this|that)\s+(?:does|can)\s+happen\s+from\s+time\s+to\s+time"
    # a flat refusal: "We are therefore unable to take further action at this time.", "There's nothing more we can do."
    r"|(?:we|I)\s*(?:are|am|'re|’re|'m|’m)\s+(?:therefore\s+|afraid\s+|sadly\s+|unfortunately\s+|currently\s+)*(?:unable|not\s+able)"
    r"\s+to\s+(?:take\s+(?:any\s+)?further\s+action|(?:help|assist)\s+(?:any\s+)?further|do\s+anything\s+(?:more|further|else)|"
    r"discuss\s+(?:this|it|the\s+matter|your\s+\w+(?:\s+\w+)?)\s+(?:any\s+)?further)\b"  # ("unable to discuss this further")
    # blame passed on: "Packing is the responsibility of the restaurant, not Dishdash."
    r"|[^.!?]{0,40}\b(?:is|are)\s+(?:the\s+)?(?:sole\s+)?responsibility\s+of\s+(?:the|your)\s+\w+(?:,\s+not\s+(?:us|[A-Z]\w*))?\W*$"
    r"|(?:there(?:'s|’s|\s+is)\s+)?(?:really\s+)?nothing\s+(?:more\s+|else\s+|further\s+)?(?:we|I)\s+can\s+do\b"
    # the problem waved away as normal: "Outages can happen from time to time", "Delays are part of running a railway"
    r"|[^.!?]{0,40}\b(?:can|do|does|will)\s+(?:sometimes\s+|occasionally\s+)?(?:happen|occur)\s+(?:from\s+time\s+to\s+time|"
    r"sometimes|occasionally|now\s+and\s+(?:then|again))\b"
    r"|[^.!?]{0,40}\b(?:is|are)\s+(?:unfortunately\s+|sadly\s+|simply\s+|just\s+)*(?:a\s+|an\s+)?(?:normal\s+|unavoidable\s+)?"
    r"part\s+(?:and\s+parcel\s+)?of\s+(?:running|using|life|travel|operating|any|every|the\s+job)\b"
    # an excuse about the company's workload: "our engineers are very busy", "the practice is under considerable pressure"
    r"|(?:our\s+[\w\s]{1,30}?|the\s+(?:[\w-]+\s+)?(?:practice|team|office|depot|branch|company|department|staff)|we|"
    r"your\s+(?:claims?\s+|case\s+)?(?:adjuster|assessor|handler|engineer|advis[eo]r|caseworker|case\s+worker|surveyor|technician))"
    r"(?:\s+(?:is|are|has\s+been|have\s+been)|['’](?:re|ve\s+been))\s+(?:currently\s+|all\s+)?"
    r"(?:very\s+|extremely\s+|really\s+|so\s+|super\s+|incredibly\s+|crazy\s+)?(?:busy|short[-\s]staffed|under\s+(?:considerable|a\s+lot\s+of|huge|great|"
    r"significant)\s+pressure|experiencing\s+(?:a\s+)?(?:high|higher\s+than\s+usual|unusually\s+high)\s+(?:volumes?|demand))\b"
    r"|[^.!?]{0,60}\b(?:owing|due)\s+to\s+(?:the\s+)?(?:high|higher|unprecedented|increased|current)\s+(?:volumes?|demand|"
    r"number\s+of\s+(?:claims|calls|enquiries|requests))\b"
    # a platitude about the danger: "Gas leaks can be really scary!"
    r"|(?!(?:I|we|you|this|it|that)\b)(?:[\w-]+\s+){0,3}[\w-]*s\s+can\s+be\s+(?:really\s+|so\s+|very\s+)?"
    r"(?:scary|frightening|stressful|worrying|upsetting)\W*$"
    # a brush-off about the product: "Kettles can be temperamental sometimes."
    r"|(?:I\s+(?:understand|know)\s+(?:that\s+)?)?(?:[\w-]+\s+)?[\w-]+s\s+can\s+be\s+(?:a\s+bit\s+|quite\s+|very\s+|so\s+)?"
    r"(?:temperamental|tricky|fiddly|unpredictable|finicky|confusing)\b"  # ("bills can be a bit confusing at times")
    r"|(?:I\s+(?:understand|know)\s+(?:that\s+)?)?(?:[\w-]+\s+)?[\w-]+ing\s+can\s+be\s+(?:a\s+bit\s+|quite\s+|very\s+|so\s+)?"
    r"(?:tricky|fiddly|confusing)(?:\s+at\s+times|\s+sometimes|\s+for\s+(?:patients|customers|people|many|some|everyone))?"
    r"\W*$"  # (a whole sentence: "billing can be confusing at times", not "The setting can be tricky to find: go to ...")
    # the wait waved away as normal, or a motto in place of a remedy: "Results can take a while sometimes.", "Delays can
    # happen at busy times.", "We always strive for excellence 🍔"
    r"|(?:results|refunds|repairs|deliveries|replies|these|things|it|this|claims|transfers)\s+can\s+(?:sometimes\s+)?take\s+"
    r"(?:a\s+(?:while|bit|little\s+(?:while|longer))|(?:some\s+)?time|longer(?:\s+than\s+expected)?)(?:\s+sometimes)?\W*$"
    r"|(?:delays|mistakes|errors|glitches|hiccups)\s+(?:can|do|may)\s+(?:sometimes\s+|occasionally\s+)?happen\s+(?:at|during|in)\s+"
    r"(?:busy|peak)\s+(?:times|periods|seasons)\W*$"
    r"|we\s+(?:always\s+)?strive\s+(?:for|to\s+(?:provide|deliver|give|offer|be))\b[^.!?]*[.!]?\W*$"
    # the fault denied before anyone has looked: "There's nothing wrong with the work we did."
    r"|(?:there['’]s|there\s+is)\s+(?:absolutely\s+|definitely\s+)?nothing\s+wrong\s+with\s+(?:the|our)\s+(?:\w+\s+){0,2}?"
    r"(?:work|repair|service|product|installation|fitting)(?:\s+(?:we|our\s+\w+)\s+did)?\W*$"
    # a cheerful or salesy send-off to someone with a complaint: "Have a great day!", "Thank you for shopping with us."
    r"|thanks?(?:\s+you)?\s+(?:again\s+)?for\s+(?:shopping|choosing)\s+with\b[^.!?]{0,30}[.!]*$"
    r"|(?:I\s+)?hope\s+your\s+(?:day|week|weekend|evening)\s+(?:gets|is|goes)\s+better\W*$"
    rf"|{_SEND_OFF}\W*$"
    # the worry or the complaint waved away before anyone has looked: "Don't worry, I'm sure it's just a blip", "No
    # news is good news!", "Rest assured the statement is correct", "Speed bumps are the worst."
    r"|(?:(?:don['’]t|do\s+not)\s+worry,?\s+)?I['’]?m\s+(?:quite\s+)?sure\s+(?:it['’]?s|it\s+is|everything['’]?s|everything\s+(?:is|will\s+be)|"
    r"all\s+is|it['’]ll\s+be|it\s+will\s+be)\s+(?:just\s+|only\s+|probably\s+|absolutely\s+|totally\s+)?(?:fine|ok(?:ay)?|nothing|"
    r"(?:a|an)\s+(?:\w+\s+)?(?:glitch|blip|one-off|hiccup|misunderstanding))\b"
    r"|no\s+news\s+is\s+good\s+news\b"
    r"|rest\s+assured,?\s+(?:that\s+)?(?:the|your|this)\s+(?:\w+\s+)?(?:invoice|bill|charge|amount|reading|price|fee|statement|"
    r"balance|quote)s?\s+(?:is|are|was|were)\s+(?:completely\s+|totally\s+|perfectly\s+)?(?:correct|accurate|right)\b"
    r"|(?:I\s+know\s+how\s+you\s+feel,?\s+)?(?:(?:[\w-]+\s+){0,3}[\w-]+s\s+are|[\w-]+ing\s+(?:(?:a|an|the|your|my)\s+)?[\w-]+\s+is)"
    r"\s+the\s+worst\W*$"  # ("I know how you feel, losing a bag is the worst.")
    # a letter's empty opening: "I am writing in response to your recent correspondence."
    r"|(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+writing\s+(?:in\s+(?:response|reply)|with\s+regard|further)\s+to\s+your\s+(?:recent\s+)?"
    r"(?:correspondence|letter|e-?mail|enquiry|inquiry|complaint|message)\W*$"
    # a motto in place of a remedy: "We'll do better next time!"
    r"|(?:we['’]ll|we\s+will|I['’]ll|I\s+will)\s+(?:try\s+to\s+|aim\s+to\s+)?do\s+better\s+(?:next\s+time|in\s+future)\W*$"
    # the customer told where the company's duty ends: "we cannot be held responsible if you have shared your PIN"
    r"|[^.!?]{0,60}\b(?:cannot|can['’]t|can\s+not)\s+be\s+held\s+(?:responsible|liable)\b[^.!?]*\bif\s+you\b"
    # the work vouched for: "All our work is carried out to the highest standards", "... unrelated to the work we did"
    r"|[^.!?]{0,40}\b(?:carried\s+out|done|completed|performed|made|built)\s+to\s+the\s+highest\s+(?:possible\s+)?standards?\b"
    r"|[^.!?]{0,60}\b(?:is|are|was|were)\s+(?:\w+ly\s+)?unrelated\s+to\s+(?:the|our|any)\s+(?:work|service|repair|job|visit)\b"
    # a pep talk to someone ill or grieving: "Stay strong! 💪", "Chin up!"
    r"|(?:stay\s+(?:strong|positive)|(?:keep\s+your\s+)?chin\s+up|hang\s+in\s+there|keep\s+smiling|"
    r"look\s+on\s+the\s+bright\s+side)\W*$"
    r")", re.I)


def deflects(text: str) -> bool:
    """A line that defends the process or changes the subject ("Please be aware that all our furniture is
    inspected", "Did you know ...?"): a reply being fixed is better without it, when it holds no fact or step."""
    return bool(_DEFLECTS.match(text)) and not holds_fact(text)


def blames(text: str) -> bool:
    """A line that puts the problem on the customer or laughs it off ("It's probably your phone tbh"), with no fact."""
    return bool(_TALKS_DOWN.match(text) or _BLAMES.search(text)) and not holds_fact(text)


def hollow(text: str) -> bool:
    """A sentence that says nothing but "I understand" / "I hear you" ("I understand. I hear you, I really do."), or
    waves the problem away ("Don't worry."): a reply being fixed is better without it."""
    if _DISMISSAL.match(text) or blames(text) or _BARE_SEE.match(text):
        return True
    rule = load_rules()["parroting"]
    rest, found = rule.pattern("patterns").subn(" ", text)
    rest = re.sub(r"(?<=\s)[A-Z][a-z]+\b", " ", rest)  # "I hear you Matt": a name adds nothing
    return bool(found) and droppable(text) and not content_words(rest, rule.words("generic") | _FILLER_WORDS)


def is_interjection(text: str) -> bool:
    """ "Wow." / "Oh no!": it goes with the pity or apology it led into."""
    return bool(text) and bool(_INTERJECTION.match(text))


def droppable(text: str) -> bool:
    """A sentence may go only when it holds no fact and nothing for the customer to do."""
    return not holds_fact(text) and not holds_step(text)


# "To be frank." left alone after what it led into went
_CANDOUR = re.compile(r"^\W*(?:(?:(?:I'll|I\s+will|I'm\s+going\s+to)\s+)?(?:to\s+)?be\s+(?:frank|honest|fair|straight)"
                      r"(?:\s+with\s+you)?|frankly|honestly|in\s+all\s+honesty|truthfully|if\s+I'm\s+honest|"
                      r"if\s+I\s+am\s+honest)\W*$", re.I)


_NO_SUBJECT = re.compile(r"^\W*(?:will|would|can|could|should|may|might|must|is|are|was|were|has|had)\s+"
                         r"(?!(?:you|u|ya|we|I|it|they|he|she|this|that|there|your|ur|our|my)\b)[^?]*$", re.I)  # (not
# "Will you ...?", "can u DM us ...", nor "Have a fab time at the wedding")
_FEELING_LEFT = re.compile(r"\W*(?:I|we)\s*(?:am|are|['’]m|['’]re)\s+(?:(?:so|very|really|truly|\w+ly)[,\s]*)+[.!]*\s*", re.I)


def drop_clause(text: str, needle: str) -> list[str] | None:
    """``text`` less the clause that holds ``needle``; the whole sentence when it is that clause."""
    sentence = Sentence.of(text)
    index = sentence.find(needle)
    if index is None:
        return None
    sentence = _one_clause(sentence, index, needle)  # "Our ticketing is, I am afraid, an embarrassment": all of it
    clause = sentence.clauses[index]
    if holds_fact(clause) or (holds_step(re.sub(r"\bif\s+you\b", "", clause)) and not holds_step(needle)):
        return None  # ("sorry if you experienced otherwise" offers the customer nothing to do)
    clauses = sentence.clauses
    if index + 1 < len(clauses) and _INSISTS.fullmatch(clauses[index + 1]):  # "I feel awful, really I do": the tag goes
        sentence = Sentence([*sentence.parts[: 2 * index], "".join(sentence.parts[2 * index: 2 * index + 3]),
                             *sentence.parts[2 * index + 3:]], sentence.end)
    rest = sentence.without(index)
    if rest is None:
        return None
    lead = _LEADING_INTERJECTION.match(rest)
    if lead and starts_clause(rest[lead.end():]):
        rest = capitalise(rest[lead.end():])  # "Oh no, that's awful, we ...": the "Oh no" went with the pity
    if rest and (_INTERJECTION.match(rest) or _CANDOUR.match(rest) or not holds_fact(rest) and not holds_step(rest) and
                 (len(rest.split()) < 3 or _POINTS_BACK.search(rest)) or USE_WHAT_WENT.fullmatch(rest) or
                 _FEELING_LEFT.fullmatch(rest) or _NO_SUBJECT.match(rest) and not holds_fact(rest)):
        rest = ""  # "No excuses." alone after its clause went; "we've had so many of these": of what?; "I am deeply." of
        # "I am deeply, deeply sorry.": a feeling without its word; "Will be more accurate." of "Hopefully your next
        # bill will be based on an actual read and will be more accurate.": a verb without its subject
    return [rest] if rest else []


# what is left of a clause that handed something over: "call them directly", "use it at checkout" (of what went)
USE_WHAT_WENT = re.compile(r"\W*(?:please\s+|just\s+)?(?:call|ring|phone|e-?mail|contact|text|message)\s+"
                           r"(?:them|those|these)(?:\s+(?:directly|now|instead|today|anytime))*\W*", re.I)
_INSISTS = re.compile(r"\W*(?:really\s+I\s+do|I\s+(?:really|truly|honestly)\s+do|truly|I\s+mean\s+(?:it|that)|honestly)\W*",
                      re.I)


def _one_clause(sentence: Sentence, index: int, needle: str) -> Sentence:
    """``sentence`` with the clauses that ``needle`` runs across, from clause ``index`` on, joined into one."""
    parts = sentence.parts
    at = "".join(parts).lower().find(needle.lower())
    if at < 0:
        return sentence
    end, pos, last = at + len(needle), 0, index
    for i, part in enumerate(parts):
        if i % 2 == 0 and pos < end and i // 2 > index:
            last = i // 2
        pos += len(part)
    if last == index:
        return sentence
    return Sentence([*parts[: 2 * index], "".join(parts[2 * index: 2 * last + 1]), *parts[2 * last + 1:]], sentence.end)


def drop_apology(text: str) -> list[str] | None:
    """Drop the clause that apologises ("I'm so sorry to hear that, please DM us" -> "Please DM us")."""
    text = _SORRY_4.sub(r"\1for", text)  # "sorry 4 the trouble": txt-speak, and its "4" no fact to keep
    text = _THANKS_AND_SORRY.sub(r"\1, and", text)  # "Thanks for getting in touch and my apologies for ...": the thanks
    # is a clause of its own, and stays
    m = load_rules()["bland-apology"].pattern("apology").search(text)
    if not m:
        return None
    faced = _SORRY_FACE.match(text)
    rest = text[faced.end():] if faced else ""
    if faced and m.start() >= faced.start("sorry") and m.end() <= faced.end("sorry") and only_effort(rest) and \
            not holds_fact(faced["sorry"]) and not faced["lead"].strip(" ,"):
        return []  # "ugh sorry about that 😩 we're looking into it!": the look goes too, for a step that says what
    if faced and m.start() >= faced.start("sorry") and m.end() <= faced.end("sorry") and \
            not holds_fact(faced["sorry"]) and not holds_step(faced["sorry"]) and (holds_step(rest) or holds_fact(rest)):
        lead = faced["lead"].strip(" ,")  # "ugh your parcel is stuck in customs, so sorry 😔 we're chasing ...": the
        # clause before the apology stays too (not its "ugh")
        opener = _LEADING_INTERJECTION.match(lead) or _LEADING_GROAN.match(lead)
        lead = lead[opener.end():] if opener and starts_clause(lead[opener.end():]) else lead
        return ([finish(capitalise(lead))] if lead and not is_interjection(lead) and len(lead.split()) >= 3 else []) + \
            [capitalise(rest)]  # "sorry to hear that 😔 pls DM us": the face ended the apology (what follows it stays
        # where it does something or holds a fact)
    out = drop_clause(text, m.group())
    if out and all(_SHOULD_NOT_HAVE.match(said) for said in out):
        return []  # "I'm sorry this happened, it really shouldn't have.": what is left points back at the apology
    plain = _MAY_HAVE_HAD.sub("", text)  # "... any inconvenience you may have experienced": no step of the customer's
    if out is None and (droppable(text) or droppable(_OWN_APOLOGY.sub("", text)) or plain != text and droppable(plain)):
        return []  # "Please accept our apologies, Amy." offers nothing to do: its "please" is the apology's
    return out


def only_effort(text: str) -> bool:
    """``text`` says only that someone is looking into it or working on it ("we're looking into it!"), and nothing else."""
    effort = load_rules()["vague-effort"].pattern("bare_looks").search(capitalise(text))
    return effort is not None and _ON_IT.search(effort.group()) is not None and \
        not re.search(r"\w", text[: effort.start()] + text[effort.end():])


_ON_IT = re.compile(r"\b(?:looking\s+into|working\s+on|investigating)\b", re.I)


# an apology ended by a face, then the next clause in lower case ("so sorry for the inconvenience 💧 our team are on site")
_SORRY_FACE = re.compile(rf"(?P<lead>(?:[^.!?,]*,\s*)*?)(?P<sorry>[^.!?,]*?\b(?:sorry|sry|soz|apologies|apologi[sz]e)\b"
                         rf"[^.!?,{EMOJI}]*?)\s*[{EMOJI}][{EMOJI}\uFE0F]*\s+(?=[a-z])", re.I)
_SHOULD_NOT_HAVE = re.compile(r"^\W*(?:and\s+)?(?:it|that|this)\s+(?:really\s+|truly\s+|simply\s+|just\s+)?(?:shouldn['’]t|"
                              r"should\s+not|should\s+never)\s+have(?:\s+happened)?\W*$", re.I)
_THANKS_AND_SORRY = re.compile(r"^(\W*(?:thanks|thank\s+you)\b[^,;.!?]*?)\s+and(?=\s+(?:(?:my|our)\s+(?:sincere\s+)?apologies|"
                               r"(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+)?sorry|"
                               r"sorry|apologies)\b)", re.I)
_SORRY_4 = re.compile(r"(\b(?:sorry|sry|soz|apologies|apologise|apologize)\s+)4(?=\s+(?:the|ur|your|any|all|this|that|ya)\b)",
                      re.I)
_MAY_HAVE_HAD = re.compile(r"\s*(?:that\s+|which\s+)?(?:you|this)\s+(?:may|might|could)\s+have\s+(?:experienced|encountered|"
                           r"faced|had|suffered|been\s+caused|caused(?:\s+you)?)\b", re.I)


HELLO_LEAD = re.compile(r"^(?:(?i:hi|hello|hey|hiya|dear)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|(?i:good\s+(?:morning|"
                        r"afternoon|evening))(?:\s+[A-Z][\w'’-]*)?)(?:,|\s+[—–-])\s+(?=\S)")  # ("Hi Dana — so sorry ...";
# a name has its capital: not "Hey so, apologies!")


# a verdict on what the clause before it said: "..., that's really not ok"
_VERDICT_AFTER = re.compile(r"[,;]\s*(?:that|this|which)(?:['’]s|\s+is|\s+was)\s+(?:really\s+|just\s+|absolutely\s+|totally\s+|"
                            r"so\s+|simply\s+)?(?:not\s+(?:ok(?:ay)?|on|good(?:\s+enough)?|acceptable|right|fair)|unacceptable|"
                            r"wrong|awful|terrible|shocking)(?=\W*$)", re.I)


_CANDOUR_LEFT = re.compile(r"^\W*(?:to\s+be\s+(?:quite\s+|perfectly\s+|completely\s+|totally\s+)?(?:honest|candid|frank)|"
                           r"honestly|frankly|in\s+all\s+honesty)\s*,?\s+and\s+(?=\S)", re.I)


def drop_pity(text: str, quote: str) -> list[str] | None:
    """Drop the pity: its clause, a lead-in ("I can't believe we ..." -> "We ..."), or a modifier ("our useless"); a
    verdict on what went with it ("I feel awful that the engineer came without the part, that's really not ok") goes
    too."""
    out = _drop_pity(text, quote)
    if out is None:
        return None
    out = [capitalise(s[lead.end():]) if (lead := _CANDOUR_LEFT.match(s)) else s for s in out]  # "To be quite candid,
    # [our warehouse has been a shambles] and I am afraid ...": the candour went with what it prefaced
    return [_VERDICT_AFTER.sub("", s) if (v := _VERDICT_AFTER.search(s)) and _VERDICT_AFTER.search(text) and
            not holds_fact(s[: v.start()]) else s for s in out]


def _drop_pity(text: str, quote: str) -> list[str] | None:
    if _OWN_FAMILY.search(quote) and not holds_fact(text) and not HELLO_LEAD.match(text):
        return []  # "I'm so sorry, cancer is horrible, my auntie went through it last year and it was heartbreaking":
        # the agent's own story, and all said around it, goes
    hello = HELLO_LEAD.match(text)
    if hello and quote.lower() in text[hello.end():].lower():  # "Hi Mrs Okafor - honestly I can't believe ...": the
        out = _drop_pity(text[hello.end():], quote)  # greeting stays, and what follows it is edited as a sentence
        return [hello.group() + lower_first(out[0]), *out[1:]] if out else out
    at = text.lower().find(quote.lower())
    inner = _PITY_LEAD.match(text[at:]) if at > 0 and re.search(r"(?:;|\s[-–—]|\bsorry,)\s*$", text[:at]) else None
    if inner and quote.lower() in inner.group().lower():  # "This is unacceptable; I cannot believe a tenant has been
        rest = text[at + inner.end():]  # without hot water since 3 January": what happened is the sentence
        sorry = re.match(r"^\W*(?:I['’]m|I\s+am)\s+(?:\w+\s+)?sorry,\s*$", text[:at], re.I)
        said = _VERDICT_AFTER.sub("", rest)
        if sorry and starts_clause(rest) and len(rest.split()) >= 5 and not re.match(r"(?:how|why|what)\b", rest, re.I) \
                and not re.search(r"\b(?:this|that|these|those|it)\b", said, re.I):  # "I'm so sorry, I feel awful that
            # the engineer came without the part": sorry for what happened (not for "our system did that to you")
            return [f"{text[:at].rstrip(', ')} that {lower_first(rest)}"]
        if starts_clause(rest) and holds_fact(rest) and not holds_fact(text[:at]) and not holds_step(text[:at]):
            return [capitalise(rest)]
    lead = _PITY_LEAD.match(text)
    if lead and quote.lower() in lead.group().lower():
        rest = text[lead.end():]
        if re.match(r"(?:how|why|what)\b", rest, re.I) and not holds_fact(rest):
            return drop_clause(text, quote) if ";" in text else []  # "I can't believe how badly we handled this"
        first = re.split(r"[,;:]|\s+(?:and|but)\s+", rest, maxsplit=1)[0]
        if starts_clause(rest) and len(content_words(first)) >= 2 and (len(rest.split()) >= 8 or holds_fact(rest)) \
                and not re.search(r"\blike\s+(?:this|that)\W*$", rest) \
                and not _POINTS_BACK.search(first) and not _POINTER_INSIDE.search(first) \
                and not re.search(r"\b(?:would|could|should|might|may)\b", re.split(r"[.!?]", first)[0], re.I):
            # "We shipped you the wrong size on order 4471", not "Our letters have made it worse." nor what points
            # back: "we keep sending these", "... handled it in this way", "the cafe let that go out"; nor what was
            # only feared or imagined ("... our staff would charge you", "your students may start without books"); said
            # as a specific apology ("I'm sorry that our engineer failed to attend twice"), not a bare admission
            return [capitalise(rest) if re.match(r"(?:I|it|this|that|they|he|she)\b", rest, re.I) else
                    f"I'm sorry that {lower_first(rest)}"]  # (not "sorry that this has happened ...": what is "this"?)
        if not holds_fact(text):  # "I feel terrible that we've added to it": nothing left worth saying
            return []
    semi = text.rfind(";", 0, at) if at > 0 else -1
    if semi > 0 and starts_clause(text[:semi]) and complete(text[:semi]) and not holds_fact(text[semi:]) \
            and not holds_step(text[semi:]):  # "Your claim is late; frankly, our team is a shambles and ..."
        return [finish(text[:semi].rstrip())]
    modifier = _PITY_MODIFIER.search(text)
    if modifier and quote.lower() in modifier.group().lower():
        return [text[: modifier.start()] + modifier.group(1) + " " + text[modifier.end():]]
    out = drop_clause(text, quote)
    if out is None and droppable(text) or out and all(_ASIDE_ONLY.fullmatch(s) or _SITUATION_ONLY.fullmatch(s) and
                                                      not holds_fact(s) for s in out):
        return []  # (not "To be completely honest with you." left of what it introduced, nor "Losing your job with two
        # kids at home." left of "..., poor you.": no verb, only the case the pity was about)
    return out


_SITUATION_ONLY = re.compile(r"\W*(?:losing|waiting|going\s+through|having|being|dealing\s+with|facing|living|coping|"
                             r"struggling)\b(?![^.!?]*\b(?:is|are|was|were|has|have|had|will|can|must|should|do|does|did|I|we|"
                             r"for\s+you|now|today)\b)[^.!?]*[.!?]*", re.I)  # (not "Arranging a new kettle for you now")
_OWN_FAMILY = re.compile(r"\bmy\s+(?:auntie|aunty|aunt|uncle|mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandad|grandpa|"
                         r"sister|brother|cousin|best\s+friend|friend|husband|wife|partner|neighbour)\b", re.I)
_ASIDE_ONLY = re.compile(r"\W*(?:to\s+be\s+(?:\w+ly\s+)?(?:honest|frank|fair)(?:\s+with\s+you)?|(?:in\s+all\s+)?honesty|"
                         r"honestly|frankly|truthfully|if\s+I['’]m\s+(?:honest|being\s+honest)|between\s+(?:us|you\s+and\s+me)|"
                         rf"{_OUCH}|oh(?:\s+my)?(?:\s+(?:goodness|word|dear))?|goodness|blimey|jeez)"
                         r"\W*", re.I)


_WHEN_IT_SUITS = re.compile(r"(?:when|whenever|once)\s+(?:I|we)(?:['’]ve)?\s+(?:get|have|find|got)\s+(?:a\s+|the\s+)?(?:chance|"
                            r"moment|minute|spare\s+moment|bit\s+of\s+time)(?:\s+(?:to\s+spare|free|spare))?|"
                            r"when\s+time\s+(?:allows|permits)|when\s+(?:they|he|she)(?:['’]re|['’]s|\s+are|\s+is)\s+(?:free|available)|"
                            r"when\s+(?:they|he|she)\s+(?:get|gets|have|has)\s+(?:a\s+)?(?:chance|moment|minute)|"
                            r"(?:when|once)\s+things\s+(?:calm|quieten|quiet|settle|slow)\s+down|"  # "... when things calm down"
                            r"when\s+(?:it['’]s|it\s+is|we['’]re|we\s+are)\s+(?:quieter|less\s+busy)", re.I)
# "We'll look into INV-4421 at some point": the agent's own look, without the shrug
_LOOK_SOMETIME = re.compile(r"^(?:I|we)(?:['’]ll|\s+will)\s+(?:look\s+into|check|investigate)\b[^,;]*?"
                            r"(?P<when>\s+(?:at\s+some\s+(?:point|stage)|eventually|sometime))\W*$", re.I)


_BEST_TO_GET = re.compile(r"^(?P<lead>\W*)(?:(?:rest\s+)?assured,?\s+)?(?:I|we)(?:['’]m|['’]re|['’]ll|\s+am|\s+are|\s+will)\s+"
                          r"(?:(?:doing|trying|do|try)\s+(?:my|our)\s+(?:very\s+|level\s+)?best|trying)\s+to\s+get\s+"
                          r"(?P<what>(?:your|the)\s+(?:[^.!?;,\s]+\s+){0,3}?(?:refund|payment|claim|application|order|parcel|"
                          r"delivery|replacement|invoice|credit|compensation|money|deposit|card|form|paperwork|documents?))\s+"
                          r"(?:processed|sorted|done|fixed|approved|sent|"
                          r"delivered|through|paid|refunded)(?P<when>\s+(?:(?:this|next)\s+\w+|today|tomorrow|tonight|"
                          r"by\s+\w+(?:\s+\w+)?|within\s+[^.!?;,]+))?\s*[.!]?$", re.I)
_WE_HOPE = re.compile(r"^\W*(?P<who>I|we)(?:['’](?:m|re|ll)|\s+(?:am|are|will|shall))?\s+(?:still\s+)?(?:hope|hoping)\s+to\s+"
                      r"(?=\w)", re.I)
_ASSURED_THAT = re.compile(r"^\W*(?:(?:please\s+)?(?:be\s+assured|rest\s+assured|(?:I|we)\s+(?:can\s+)?assure\s+you)|"
                           r"(?:kindly|please)\s+(?:note|be\s+advised|be\s+informed))"
                           r"(?:\s+that)?,?\s+", re.I)


def fix_vague_effort(text: str, quote: str) -> list[str] | None:
    """Say the action instead of the effort; a hope ("hopefully ...") goes with its clause."""
    if _HOPE.match(quote.strip()):
        return _drop_hope(text, quote)
    hoped = _WE_HOPE.match(text)
    if hoped and 0 <= text.find(quote) < hoped.end() and holds_fact(text) and not _HOPE.search(text, hoped.end()):
        # "We hope to sort it by Friday" -> "Let me check whether we can sort it by Friday" (a hope with no day or sum
        # in it goes whole, as "hopefully" does)
        return [f"Let me check whether {'I' if hoped['who'] in ('I', 'i') else 'we'} can {text[hoped.end():]}"]
    best = _BEST_ABOUT.match(text)
    if best and quote.lower() in best.group("effort").lower() and any(c.isdigit() for c in best["what"]):
        # "We will try to do our best regarding PO 2024-118" (a reference: never "your family", "every customer")
        return [f"I'm looking into {best['what']} now and will update you{best['end'] or '.'}"]  # what it was about,
        # looked into (never "check whether we can do our best")
    got = _BEST_TO_GET.match(text)
    if got and quote.lower() in got.group().lower():  # "We're doing our level best to get your £45 refund processed
        # this week": the agent chases it, and says when they will update (never "we're getting it processed")
        return [f"{got['lead']}I'm chasing {got['what'].strip()} now and will update you{got['when'] or ''}."]
    own = _OWN_WORD.search(text)
    if own and own.start() <= text.find(quote) < own.end():  # "We'll try our best to keep you updated": keeping the
        return [text[: own.start()] + f"{own['who']}{own['will']} {own['act']}" + text[own.end():]]  # customer
        # updated is the agent's own to do; the effort goes
    if own and quote in text[: own.start()]:  # "... will endeavour to look at it, and we will try our best to keep you
        # informed": the second effort goes too (never "check whether we can keep you informed")
        text = text[: own.start()] + f"{own['who']}{own['will']} {own['act']}" + text[own.end():]
    see = _AND_SEE_IF.search(text)
    if see and quote.strip() in see.group() and _OWN_WILL.search(text[: see.start()]):  # "I'll have a chat with the manager
        # and see if anything can be done": the chat is the step; what it may come to goes
        return [text[: see.start()] + text[see.end():]]
    sometime = _LOOK_SOMETIME.match(text)
    if sometime and quote.strip() in sometime["when"] and holds_fact(text):  # (without a reference, the coach's own
        # step says it better than "We'll look into it.")
        return [text[: sometime.start("when")] + text[sometime.end("when"):]]
    delay = _WHEN_IT_SUITS.search(text)
    if delay and quote.strip() in delay.group() and delay.start() > 0:  # "I'll look into batch L2391B when I get a
        # chance (to spare)": the action, without the delay
        return [re.sub(r"\s+([.!?,;])", r"\1", (text[: delay.start()].rstrip(" ,") + " " + text[delay.end():].lstrip()).strip())]
    if _LATER.search(text) and not holds_fact(text):
        return []  # "We'll try to do better next time 😊": no step for this case; what the case needs is added
    at = text.find(quote)
    lead = re.match(r"^(.*?)\s*(?:;|,\s+and|,\s+so)\s*(?:(?:I|we)(?:'ll|’ll|\s+will)\s+)?$", text[:at], re.I) if at > 0 else None
    if lead and holds_step(lead.group(1)) and not holds_fact(text[at:]):
        # "I've asked our licensing team to re-sync the seats; we'll try our best to get it sorted": the action says it
        return [finish(lead.group(1), text.rstrip()[-1:] if text.rstrip()[-1:] in "!." else ".")]
    for pattern, replacement in _VAGUE_SWAPS:
        m = pattern.search(text)
        if m:
            new = text[: m.start()] + (replacement(m) if callable(replacement) else m.expand(replacement)) + text[m.end():]
            if "whether we can" in new:  # not "whether we can get you back online as soon as we can"
                new = _HEDGE_TAIL.sub("", new)  # "..., but I can't say for sure": the check says it is not sure
                # "whether we can have a chat with the manager": the chat is the agent's own
                new = re.sub(r"\b(?:let\s+me\s+check|I['’]ll\s+check|I['’]m\s+checking)\s+whether\s+we\s+can\s+"
                             r"(?=(?:have\s+a\s+(?:quick\s+)?(?:chat|word)|speak|talk)\s+(?:with|to)\b)", "I'll ", new,
                             count=1, flags=re.I)
                new = _WHEN_WE_CAN.sub("", new)
                new = re.sub(r"(?<=whether we can )" + EFFORT_TO, "", new)  # not "can try to"
                # "... whether we can action this at our earliest convenience": the update says when
                new = re.sub(r"\s+(?:at\s+(?:our|your|the)\s+earliest(?:\s+(?:convenience|opportunity|possible\s+time))?|"
                             r"in\s+due\s+course|as\s+soon\s+as\s+possible|asap)(?=[\s,.!;]|$)", "", new, flags=re.I)
                # not "whether we can see if a payment plan might be possible": whether the plan is possible
                new = re.sub(r"\bwhether\s+we\s+can\s+(?:see|check|find\s+out|look\s+into|explore)\s+(?:if|whether)\s+",
                             "whether ", new, flags=re.I)
                # "... whether we can locate a rotor and will revert in due course": the agent's update, said plainly
                new = re.sub(r"(?<=\w)\s+and\s+(?:will|'ll|’ll)\s+revert(?:\s+back)?(?:\s+(?:to\s+you|in\s+due\s+course|"
                             r"shortly|soon|asap|at\s+the\s+earliest))*(?=\s*[.!]?\s*$)", ", and I'll update you", new,
                             count=1, flags=re.I)
                # "... whether we can track down your bag and will be in touch": the promise's own "I'll" again
                new = re.sub(r"(?<=\w)\s+and\s+(?:will|'ll|’ll)\s+(?=\w)", ", and I'll ", new, count=1)
                # "... whether we can get it done asap and someone will be in touch": the update is the agent's own
                new = re.sub(r"(?<=\w)\s+and\s+(?:someone|somebody|a\s+member\s+of\s+(?:our|the)\s+team|the\s+team|we)\s+"
                             r"(?:will|'ll|’ll|shall)\s+(?:be\s+in\s+touch|get\s+back\s+to\s+you|contact\s+you)"
                             r"(?:\s+(?:soon|shortly|asap))?(?=\s*[.!]?\s*$)",
                             ", and I'll update you", new, count=1, flags=re.I)
                # "We'll do our best to have a look at it": the look is the agent's own (never "whether we can have a look")
                new = re.sub(r"\b(?:let\s+me\s+check|I['’]ll\s+check|I['’]m\s+checking)\s+whether\s+we\s+can\s+"
                             r"(?:(?:have|take)\s+a\s+(?:\w+\s+)?look|look)\b(?P<at>\s+(?:at|into|over)\b)?(?![^.!?]*\band\b)",
                             lambda m: f"I'll look{m['at'] or ' into this'}", new, count=1, flags=re.I)
                at = new.find("whether we can ")
                new = new[:at] + this_for_it(new[at:]) if at >= 0 else new  # ("whether we can sort it": nothing "it" names)
                if not _SAYS_WHEN.search(new) and not re.search(r"\balso\b", new, re.I):  # "... whether we can sort
                    # this out ^SN": and the agent's update (a second check has it from the first)
                    end = _CHECK_END.match(new)
                    joined = " and update you" if re.search(r"\b(?:and|but|so)\s+(?:let\s+me|I['’]ll)\s+check\b|"
                                                           r"\bI['’]ll\s+look\s+(?:at|into|over)\b", new, re.I) \
                        else ", and I'll update you"  # ("... are aware and I'll check whether ... and update you")
                    sig = re.sub(r"\s+x{1,3}\b", "", end["sig"])  # (a kiss after "and I'll update you" reads oddly)
                    new = f"{end['body']}{joined}{end['stop'] or '.'}{sig}"
            new = _LOOK_AND_GET.sub(lambda g: f"{g['look']} into {g['it']}", new)  # not "look into it and get this
            # looked at"
            new = _LOOK_INTO_GETTING.sub(lambda g: f"{g['look']} into {g['it']}", new)  # not "look into getting that
            # looked at"
            # "..., and let me check whether" -> "..., and I'll check whether": a request does not join a statement
            new = re.sub(r"\b(and|but|so)\s+let\s+me\s+check\b", r"\1 I'll check", new, flags=re.I)
            new = _NO_GUARANTEES.sub("", new)  # "I'll look into it ... but no guarantees": the hedge went with the "try"
            if delay:  # "... to look at it when they're free": the delay goes with the effort
                new = new.replace(" " + delay.group(), "", 1)
            # "I will look into the second room, however June is our busiest period": two sentences' worth, joined
            new = re.sub(r",\s+however\s+(?=(?:I|we|it|this|that|there|they|our|the|[A-Z][a-z]+)\s+(?!can\b|could\b)\w)",
                         "; however, ", new)  # (not "I'll help you, however I can")
            assured = _ASSURED_THAT.match(new)  # "Please be assured that let me check whether ...": the assurance goes
            if assured and new[assured.end():].lower().startswith(("let me", "i'll", "i’ll", "i will")):
                return [capitalise(new[assured.end():])]
            return [capitalise(new) if m.start() == 0 else new]
    out = drop_clause(text, quote)
    if out is None and droppable(text):
        return []
    return out


_LATER = re.compile(LATER_ON, re.I)
_BEST_ABOUT = re.compile(r"^(?P<effort>(?:I|we)(?:['’]ll|\s+will|\s+are|['’]re|['’]m|\s+am)?\s+(?:try(?:ing)?\s+(?:to\s+)?)?"
                         r"(?:do|doing)\s+(?:our|my)\s+(?:very\s+)?(?:best|utmost))\s+(?:regarding|on|about|for)\s+"
                         r"(?P<what>(?!(?:you|u|ya|it|this|that|them|everyone|all)\b)(?:(?!\b(?:and|but|so|to)\b)[^,.;!?])+?)"
                         r"(?P<end>[.!]?)$", re.I)
_OWN_WORD = re.compile(r"\b(?P<who>I|we)(?P<will>['’]ll|\s+will)\s+(?:try\s+(?:(?:our|my)\s+(?:very\s+)?(?:best|hardest)\s+)?|"
                       r"do\s+(?:our|my)\s+(?:very\s+)?(?:best|hardest)\s+|endeavou?r\s+|aim\s+)to\s+"
                       r"(?P<act>keep\s+you\s+(?:updated|posted|informed|in\s+the\s+loop)|update\s+you|get\s+back\s+to\s+you|"
                       r"let\s+you\s+know)\b", re.I)
_NO_PROMISES = r"no\s+(?:promises|guarantees)"  # a hedge on what came before it
_NO_GUARANTEES = re.compile(rf"\s*,?\s+but\s+{_NO_PROMISES}(?=\W*$)"
                            r"|\s*[,;–—-]?\s*(?:but\s+)?(?:I\s+|we\s+)?(?:can't|can’t|cannot)\s+(?:guarantee|promise)\s+anything"
                            r"(?:\s+though)?(?=\W*$)"
                            r"|\s*,?\s+(?:but|though|although)\s+(?:I|we)\s+(?:can't|can’t|cannot)\s+(?:really\s+)?"
                            r"(?:say|tell\s+you|promise|guarantee)\s+when\b[^.!?,;]*", re.I)
_AND_SEE_IF = re.compile(r",?\s+and\s+(?:(?:I|we)['’]ll\s+)?see\s+(?:if|whether)\s+(?:anything|something)\s+can\s+be\s+"
                         r"done\b", re.I)
_OWN_WILL = re.compile(r"\b(?:I|we)(?:['’]ll|\s+will)\s+(?!try\b|see\b|aim\b|endeavou?r\b)\w+", re.I)
_HEDGE_TAIL = re.compile(r"\s*,?\s+(?:but|though|although)\s+(?:(?:I|we)\s+(?:can't|can’t|cannot)\s+(?:say|be|promise|"
                         rf"guarantee)(?:\s+(?:anything|that|it))?(?:\s+for\s+(?:sure|certain))?|{_NO_PROMISES})"
                         r"(?=\s*[.!]?\s*$)", re.I)
_LOOK_AND_GET = re.compile(r"\b(?P<look>look(?:ing)?)\s+into\s+(?P<it>it|this|that)\s+and\s+get\s+(?:it|this|that)\s+"
                           r"(?:looked\s+(?:at|into)|checked(?:\s+out)?|sorted(?:\s+out)?|seen\s+to)\b", re.I)
_LOOK_INTO_GETTING = re.compile(r"\b(?P<look>look(?:ing)?)\s+into\s+getting\s+(?P<it>that|it|this)\s+(?:looked\s+(?:at|into)|"
                                r"checked(?:\s+out)?|sorted(?:\s+out)?|fixed|seen\s+to|reviewed|resolved)\b", re.I)


_THING = re.compile(r"^(?P<s>(?:the|your|this|that|these|those)\s+[^,]{1,60}?)\s+(?:will|should|'ll|’ll|can|may|might|"
                    r"is\s+going\s+to)\b", re.I)


def _lower_det(words: str) -> str:
    return words[0].lower() + words[1:] if re.match(r"^(?:The|Your|This|That|These|Those)\b", words) else words


def _drop_hope(text: str, quote: str) -> list[str] | None:
    tail = _HOPE_TAIL.search(text)
    if tail and starts_clause(text[: tail.start()]) and not holds_fact(tail.group()):
        # "I'll look into the £35 fee and hopefully get it sorted." -> "I'll look into the £35 fee."
        return [finish(text[: tail.start()].rstrip(" ,"), text.rstrip()[-1:] if text.rstrip()[-1:] in "!." else ".")]
    sentence = Sentence.of(text)
    index = sentence.find(quote)
    if index is None:
        return None
    clause = sentence.clauses[index]
    if holds_fact(clause):  # "Hopefully the engineer can come on March 3" -> "Let me check whether the engineer ..."
        m = re.match(r"^((?:but|and|so)\s+)?", clause, re.I)
        rest = _HOPE.sub("", clause[m.end():], count=1).strip()
        waits = BY_ITSELF.search(rest) and _THING.match(rest)
        if waits:  # "hopefully the duplicate £42.99 will drop off on its own": nothing to check, something to look into
            new = sentence.replace(index, (m.group(1) or "") + f"I'll look into {_lower_det(waits['s'])} and update you")
            return [capitalise(new) if index == 0 else new]
        if _MODAL_LEAD.match(rest):  # "... and will hopefully come back to you": its subject is before "and"; the hope
            return [sentence.replace(index, (m.group(1) or "") + rest)]  # goes (never "let me check whether  can ...")
        if not starts_clause(rest):
            return None
        if not re.search(r"\bcan\b", rest):
            rest = re.sub(r"\s*(?:\bwill\b|'ll\b|’ll\b)(?:\s+be\s+able\s+to\b)?", " can", rest, count=1)
        rest = rest if rest.startswith(("I ", "I'")) else rest[0].lower() + rest[1:]
        # (a clause an earlier edit made a check: "let me check whether we can reprint them and hopefully have them
        # with you by Monday" keeps its one check)
        checked = (m.group(1) or "") + ("" if _CHECKS.match(rest) else "let me check whether ") + rest
        new = sentence.replace(index, checked)
        return [capitalise(new) if index == 0 else new]
    rest = sentence.without(index)
    if rest is None:
        return [] if droppable(text) else None
    if _HEDGE_ONLY.fullmatch(rest) or _NO_SUBJECT.match(rest) and not holds_fact(rest):  # "... but I can't say for
        return []  # sure": the hedge on the hope goes with it; "Will be more accurate.": the hope's verb, without it
    return [_CROSSED.sub(".", rest)] if rest else []  # ("Fines can't be waived I'm afraid 🤞": the fingers went too)


_MODAL_LEAD = re.compile(r"(?:will|would|can|could|should|shall)\b", re.I)
_CROSSED = re.compile("[ \t]*\U0001F91E[\U0001F3FB-\U0001F3FF\uFE0F]*[ \t]*$")  # 🤞, the hope's own sign
_HEDGE_ONLY = re.compile(r"\W*(?:(?:but|though)\s+)?(?:I|we)\s+(?:can['’]t|cannot|can\s+not|couldn['’]t)\s+(?:say|promise|"
                         r"guarantee|be\s+sure|know)(?:\s+(?:that|it|anything))?(?:\s+for\s+(?:sure|certain)|\s+yet)?\W*|"
                         rf"\W*(?:(?:but\s+)?{_NO_PROMISES}|(?:but\s+)?we['’]ll\s+see|fingers\s+crossed)\W*", re.I)


def drop_banned(text: str, phrase: str, quiet: bool = False) -> list[str] | None:
    """Take out a phrase the policy bans: a lead-in ("As per our policy, ..."), its clause, or the sentence.

    A phrase that holds a fact stays (taking it out would lose the fact): the result then fails the guard. A whole
    sentence on what the policy says not to discuss (``quiet``) goes, facts and all.
    """
    at = text.lower().find(phrase.lower())
    if at >= 0 and phrase.strip(" .!?") == text.strip(" .!?") and (not holds_fact(phrase) or quiet):
        return []  # a sentence on what the policy keeps from the customer ("Do not discuss other customers' orders")
    if at < 0 or holds_fact(phrase):
        return None
    before, after = text[:at], text[at + len(phrase):]
    if not before.strip() and re.match(r"^\s*[,:;]\s+", after):
        rest = re.sub(r"^\s*[,:;]\s+", "", after)
        if len(rest.split()) >= 3 and not re.match(r"^(?:and|but|or|so|which|who|that)\b", rest, re.I):
            return [capitalise(rest)]
    if len(phrase.split()) == 1 and phrase.lower().endswith("ly"):  # a banned adverb: "Unfortunately the test shows ..."
        if not before.strip() and starts_clause(after.strip()) and len(after.split()) >= 3:
            return [capitalise(after.strip())]
        if re.search(r",\s*$", before) and re.match(r"^\s*,", after):  # "The test, unfortunately, shows ..."
            return [re.sub(r"\s*,\s*$", "", before) + re.sub(r"^\s*,", "", after)]
    if re.match(r"^\s*[,:;]?\s*$", re.sub(r"[.!?…]+$", "", after.strip())) and re.search(r"[,;]\s*$", before):
        return [finish(re.sub(r"\s*[,;]\s*$", "", before), (text.rstrip()[-1:] if text.rstrip()[-1:] in ".!?" else "."))]
    sentence = Sentence.of(text)
    index = sentence.find(phrase)
    if index is not None and len(sentence.clauses) > 1 and not holds_fact(sentence.clauses[index]):
        rest = sentence.without(index)
        if rest:
            return [rest]
    return [] if droppable(text) else None
