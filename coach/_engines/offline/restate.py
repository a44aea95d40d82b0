"""Restate the customer's problem in the agent's voice: "my order arrived cracked" -> "your order arrived cracked".

Only what reads well comes back: a short English clause about the customer or a thing, with the pronouns
flipped, no markup, no instruction to the coach, no slang or insult, no copy of a long tweet. Anything
else gives None, and the engine writes a shorter acknowledgement instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..._core.facts import CURRENCY
from ..._core.text import EMOJI, EMOJI_GLUE, HEADER_LINE, STOPWORDS, looks_english, split_sentences
from ..._core.untrusted import DEMANDS_OF_THE_MODEL

__all__ = ["restate_problem", "own_doing"]

_MAX_WORDS = 26
_MIN_WORDS = 5
_NOISE = re.compile(rf"https?://\S+|www\.\S+|[{EMOJI}{EMOJI_GLUE}]+")
# an emoji before a short tail that ends the message ("... first wash 🙃 pic attached"): a full stop, where the tail
# is a sentence of its own (not "like $3 🌯 burritos and tacos", one phrase with a picture in it)
_EMOJI_BREAK = re.compile(rf"(?<=\w)\s*[{EMOJI}][{EMOJI}{EMOJI_GLUE}]*"
                          r"\s+(?=(?:pic|pics|photo|photos|screenshot|screenshots|image|video)\s+(?:attached|below|above|here)\W*$"
                          r"|(?:order|booking|ref\w*|ticket|account|case|claim)\s*(?:no\.?|number|#)?\s*#?[\w-]*\d[\w-]*\W*$)",
                          re.I)
_TRAILING_TAGS = re.compile(r"(?:\s+[#@]\w+)+\s*$")
_LABEL = re.compile(r"^[A-Za-z ]{2,24}:\s+|^(?:order|booking|account|ref\w*|ticket|claim|case)\s*(?:no\.?|number|#)?\s*#?"
                    r"[\w-]*\d[\w-]*\s*[-–—:]\s+", re.I)  # "Order #TT-40921 - the sofa arrived ..."
_FILLER = re.compile(r"^(?:[^\w\s]+\s*)?(?:(?:so|well|hi|hey|hello|also|yeah|yes|ok|okay|and|but|um|honestly|again|now|"
                     r"update|anyway|"
                     r"dear\s+\w+|hi\s+there|hey\s+there|sir|madam|ma'am|mam)\b[\s,!.:-]*)+", re.I)
# a letter's salutation run into its first sentence: "Dear Customer Relations, Flight No. EZ2291 was cancelled ...",
# "Dear Ms. Laurent, Further to ...", "To whom it may concern, Since approx. 10 a.m. ..."
_SALUTATION = re.compile(r"^\W*(?:dear\s+[^,.!?\n]{1,40}?(?:\.\s*[A-Z][\w'-]+)?|to\s+whom\s+it\s+may\s+concern),\s+(?=\S)", re.I)
# how long it has been, said before what happened: "It's now Wednesday, nobody has called me, ..."
_NOW_LEAD = re.compile(r"^(?:it['’]s|it\s+is)\s+now\s+(?:the\s+)?[\w:.]+(?:\s+(?:am|pm|a\.m\.|p\.m\.))?"
                       r"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:nobody|no\s+one|nothing|there['’]s\s+still|I['’]m\s+still|"
                       r"I\s+(?:still|have\s+still|haven['’]t)|it\s+(?:still|hasn['’]t))\b)", re.I)  # (what is still wrong
# after it: not "It's now midday, my order was due at breakfast", whose lead says the miss)
# a social post without its subject that says what the customer did ("ordered a sofa ..., delivered today with a tear",
# "been waiting since 9 Jan for my refund"): the customer is its subject (not "Messed up my order": whose doing?)
_OWN_START = re.compile(r"^(?:(?:just\s+)?(?:ordered|bought|booked|paid|waited|found|checked\s+in|"
                        r"received|cancell?ed)\b|(?P<been>been\s+(?:waiting|trying|chasing|calling|ringing|on\s+hold)\b))", re.I)
# a service that is off, said without a verb: "no signal in Bristol BS5 since 6am", "3rd day with no signal in Leith"
_NO_SERVICE = re.compile(r"^(?P<nth>(?:the\s+)?(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                         r"tenth)\s+(?:day|night|week|month)\s+(?:with\s+no|without)\s+|no\s+)"
                         r"(?P<what>signal|service|power|electricity|gas|water|hot\s+water|heating|internet|wifi|wi-fi|broadband|"
                         r"connection|reception|landline|phone\s+line|mobile\s+data|data)\s+(?P<rest>(?:in|at|on|for|since)\b.*)$",
                         re.I)
# typed as notes: a full stop before a small letter, a dash, a verdict run on, a verb with no subject after "and"
_NOTES = re.compile(r"\.\s+[a-z]|\s[-–—]\s|\b(?:not\s+(?:impressed|happy|good|ok|acceptable)|unacceptable)\b|"
                    r"\band\s+(?:still|now)\s+\w+ing\b|\b(?:status|app|driver|tracking)\s+(?:still|says|said|shows)\b|"
                    r"\b(\w+)\s+\1\b|['’]\s+[a-z]+['’]s\b|\b(?:poison\w*|ill|sick|rash|hives|reaction|for\s+years)\b|"
                    r"\b[a-z]+\s+(?:you|I)\s+(?:look|feel|am|was)\b", re.I)
_APPOSITIVE = re.compile(r"^(?:a|an|the)\s[^,;]{1,60},\s+(?:was|were|is|are|has|have|had)\b")
_NTH_DAY = re.compile(r"^it's\s+the\s+\w+\s+(?:day|night|week|month)\s+(?:with\s+no|without)\s")  # (not a pointer)
# a long subject whose head is a common noun: "Flight SL 219 from Glasgow to Bristol on 8 March was delayed 4 hours"
_LONG_SUBJECT = re.compile(r"^[A-Z][a-z]+(?:\s+[\w&'’.()#-]+){0,10}?\s+(?:is|are|was|were|has|have|had)\b")
_I_SEE = re.compile(r"^I\s+can\s+(?:now\s+)?see\s+(?:that\s+)?(?=(?:\S+\s+){0,6}?(?:has|have|is|are|was|were|went|been)\b)",
                    re.I)
# what is fine, before what went wrong: "Two are fine but the third came snapped" (said back from "the third")
_FINE_BUT = re.compile(r"^(?:[\w'’-]+\s+){1,4}?(?:is|are|was|were)\s+(?:all\s+)?(?:fine|ok|okay|good|perfect|great|"
                       r"all\s+right)\s*,?\s+but\s+", re.I)
_LEADING_CLAUSE = re.compile(r"^(?:after|since|when|ever\s+since|as\s+of|now\s+that|today|yesterday|this\s+morning|"
                             r"\w+\s+(?:days?|weeks?|months?|hours?)\s+(?:on|later)|"
                             r"last\s+night|for\s+the\s+(?:last|past)\s+\w+\s+\w+)\b[^,]{0,50},\s*", re.I)
# "third time this month the class ...", "for the second time, my ...": how often, not what happened
_AGAIN = re.compile(r"^(?:(?:the\s+)?(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+(?:time|day|week|night|month)\s+"
                    r"(?:this\s+\w+|in\s+(?:a|the)\s+\w+|in\s+a\s+row|running)"
                    r"|for\s+the\s+(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time(?:\s+(?:this|in\s+(?:a|the))\s+\w+)?)"
                    r"\s*[,:-]?\s*", re.I)
# "Why has my card been declined twice today?" -> "my card has been declined twice today"
_WHY = re.compile(r"^why\s+(?P<aux>has|have|is|are|was|were)\s+(?P<phrase>(?:my|our|the)\s+[^?]+?)\?+\s*$", re.I)
_WHY_CHARGED = re.compile(r"^why\s+(?:have|has|did)\s+(?:you|u|they)\s+(?P<verb>(?:over)?charged|billed|debited|fined)\s+me\s+"
                          r"(?P<rest>[^?]+?)\?+\s*$", re.I)
# The company as the subject, said back without an admission: "you've charged me £34.50" -> "you've been charged
# £34.50"; "the key you emailed me" -> "the key we emailed you" (marked here, so the pronoun swap leaves it)
_CHARGED_ME = re.compile(r"\b(?:you|u)(?P<have>['’]ve|\s+have)?\s+(?P<still>(?:still|also|now|just|then|again)\s+)?"
                         r"(?P<verb>(?:over)?charged|billed|debited|fined)\s+me\b", re.I)  # ("you've still charged me")
# ... and a card charged: "you charged my card $17.99 again" -> "my card was charged $17.99 again" (money taken is said
# as the company's doing: "you still took £40" -> "we still took £40")
_CHARGED_MY = re.compile(r"\b(?:you|u)(?P<have>['’]ve|\s+have)?\s+(?:also\s+|still\s+|now\s+|just\s+|then\s+)?"
                         r"(?P<verb>(?:over)?charged|billed|debited)\s+(?P<what>my\s+(?:credit\s+|debit\s+|bank\s+)?(?:card|account))\b",
                         re.I)
_YOU_DID = re.compile(r"(?:(?<=\w\s)|^)(?:you|u)(?P<mid>\s+(?:still|also|then|just|already)|['’]ve|\s+have)?\s+"
                      r"(?P<verb>sent|emailed|e-mailed|gave|posted|delivered|issued|supplied|sold|took|taken|debited)\b"
                      r"(?P<me>\s+(?:me|us)\b)?", re.I)
_WE, _TO_YOU = "\x01", "\x02"
# what the customer was told the company had or did: "was told you had no record of it" (the "you" is the company's "we")
_TOLD_YOU_HAD = re.compile(r"\b(?P<told>(?:was|were|got)\s+told|they\s+(?:said|told\s+me))\s+(?:that\s+)?(?:you|u)\s+"
                           r"(?P<had>had|have|were|are|did|didn['’]t|would|wouldn['’]t|could|couldn['’]t|can['’]t|weren['’]t|"
                           r"hadn['’]t)\b", re.I)
_PROBLEM = re.compile(
    r"\b(?:broken|broke|crack\w*|damag\w*|late|delay\w*|missing|never|not|\w+n['’]t|wrong|charg\w*|twice|cancel\w*|"
    r"admitted\s+to\s+(?:hospital|a&e)|heart\s+attack|(?:had|suffered)\s+a\s+stroke|collapsed|"  # (what happened to them)
    r"lost|stuck|error\w*|fail\w*|down|outage|refund\w*|still|no\s+longer|overcharg\w*|double|crash\w*|freez\w*|froze|"
    r"frozen|slow|declin\w*|locked|blocked|expired|disconnect\w*|dropp\w*|stopped|leak\w*|spoil\w*|empty|"
    r"without|waiting|waited|received|fray\w*|torn|ripped|faulty|defective|dead|wet|melted|dirty|smashed|"
    r"scratch\w*|dent(?:s|ed)?|stolen|hacked|bumped|overbooked|overdrawn|instead|supposed|gone\s+(?:out\s+of|from)|(?:was|were)\s+(?:meant|due)\s+to\s+(?:arrive|come|reach)|billed|unable|keeps?|"
    r"logs?\s+(?:me\s+|you\s+)?out|kick\w*\s+(?:me\s+|you\s+)?out|every\s+(?:hour|day|time)|turned\s+down|spongy|grinding|"
    r"goes\s+(?:almost\s+|nearly\s+|right\s+|all\s+the\s+way\s+)?to\s+the\s+floor|"
    r"read\s+out|gave\s+(?:them|him|her|away)\s+my|in\s+(?:my|your)\s+name|got\s+into\s+(?:my|your)\b|took\s+R\d|r[au]n\s+up|(?:saying|claiming)\s+(?:they|he|she)\s+w|"
    r"no\s+(?!problem|worries|need|rush|idea)\w+|delet\w*|remov\w*|cuts?\s+off|drops?|shows?\s+as|overdrawn|"
    r"moved|nobody|nothing|gone|disappeared|wiped|due|again|hasn't|haven't|isn't|wasn't|won't|doesn't|didn't|"
    r"can't|cannot|couldn't|bounced|maxed|warm|cold|red|noisy|loud|leaking|soaked|expired|twice|extra|usually|"
    r"tripled?|treble|doubled|times\s+what|(?:has|have)\s+been\s+(?:taken|debited)|(?:['’]ve|have)\s+taken\s+(?:another|a\s+further)|(?:but|when|whereas|while)\s+(?:my|our|the)\s+(?:usual|normal|contract|plan|"
    r"tariff|quote)\b|"
    r"return\w*|spark\w*|scorch\w*|burn\w*|smell\w*|overheat\w*|ordered\b[^.]*\b(?:got|received|came|sent|delivered)|tear|tears|"
    r"holes?|stain\w*|mou?ld\w*|only\s+(?:had|got|gave|sent|received|came)|snapped|broke|fell|collapsed|invalid|rejected|refused|incorrect|inaccurate|unusable|ruined|destroyed|"
    r"flooded|wrecked|crush\w*|squashed|came\s+and\s+went|shattered|bent|missed|overflow\w*|estimat\w*|times\s+(?:my|the|our)\s+usual|"
    r"(?:bill|charges?|payments?|price|cost|premium|rent|amount|usage|statement)\b(?:[^.]|\.\d){0,80}\bnormally|split|shr[au]nk|shrunk|too\s+(?:big|small|short|long|tight|narrow|wide|hot|cold)|emptied|drained|"
    r"kept\s+(?:me|us|them|him|her)\s+awake|went\s+soft|towed|whiplash|injur\w*|caught\s+fire|exploded|"
    r"(?:has|have)\s+been\s+there\s+(?:since|for)|buckl\w*|shudder\w*|judder\w*|vibrat\w*|rattl\w*|"
    r"squeak\w*|squeal\w*|wobbl\w*|flicker\w*|hit\s+by|(?:water|power|electricity|gas|heating|supply|internet|broadband|wi-?fi|signal|service|lights?)\s+(?:has\s+been|"
    r"have\s+been|is|are|was|were)\s+(?:still\s+)?off\b|"
    r"forced\s+(?:open|entry)|burgl\w*|vandal\w*|"
    rf"infest\w*|zero|loose|snap\w*|increase[ds]?|penalt(?:y|ies)|fines|fined|pending|outstanding|unresolved|open\s+for|died|passed\s+away|unauthori[sz]ed|fraudulent|phish\w*|(?:took|taken)\s+[{CURRENCY}]|downgrad\w*|used\s+(?:my|your)\s+(?:\w+\s+)?(?:card|account|details|identity|number))\b",
    re.I,
)
# a capitalised word of a name of two or more, after a sentence's first word: "12 skeins of Drops Nepal", "Delay Repay"
# (not "flights to Split", nor a quoted status: "it says 'Payment Failed'")
_NAME_WORD = re.compile(r"[A-Z][a-z'’]+\b")
_NAME_BEFORE = re.compile(r"(?<=[\w,)]\s)[A-Z][a-z'’]+\s+$")


def _problems(clause: str) -> list[str]:
    """``_PROBLEM``'s words in ``clause``, less those that are part of a name."""
    quoted = [m.span() for m in _QUOTED_SPAN.finditer(clause)]

    def named(at: int) -> bool:
        word = _NAME_WORD.match(clause, at)
        return bool(word) and at > 0 and clause[at - 1].isspace() and not re.search(r"[.!?:;]\s*$", clause[:at]) and \
            (re.match(r"\s+[A-Z][a-z]", clause[word.end():]) is not None or _NAME_BEFORE.search(clause[:at]) is not None) \
            and not any(a < at < b for a, b in quoted)
    return [m.group() for m in _PROBLEM.finditer(clause) if not named(m.start())]


# Slang, shouting, insults and anything a reply should not repeat back.
_UNSAFE = re.compile(
    r"\b(?:u|ur|im|ive|dont|cant|wont|didnt|doesnt|isnt|wasnt|thats|whats|theres|pls|plz|w/|b/c|bc|idk|tho|lol|"
    r"lmao|smh|wtf|omg|gonna|wanna|gotta|ya|yall|y['’]all|cuz|coz|fuck\w*|shit\w*|damn\w*|crap|hell|stupid|idiot\w*|"
    r"moron\w*|useless|worst|joke|pathetic|trash|garbage|ridiculous|lame|suck\w*|awful|terrible|horrible|"
    r"incompetent|clowns?|liars?|lied|lying|scam\w*|bs|bull\w*|disgust\w*|hate|angry|furious|seriously|literally|"
    r"actually|obviously|clearly|apparently|guys|people|y|r|n|amp|promise\w*|guarantee\w*|refund\s+me|"
    r"ignore|instructions?|rules?|prompt|coach|ai|assistant|draft|reply|respond|system|kindly|help|assist|advise|"
    r"legit|totally|basically|honestly|believe|hopefully|maybe)\b|&\w+;|[<>{}\[\]|*_=~^\\]"
    r"|[!?]|\.\.|…|\"|“|”|--",
    re.I,
)
# what the company says, quoted as the customer's case: "Your website says freezes are allowed" said back would vouch
# for it ("I can see that our website says ...")
_YOU_SAY = re.compile(r"^(?:but\s+|and\s+)?your\s+(?:\w+\s+)?(?:website|site|app|terms|policy|advert|ad|email|e-mail|letter|"
                      r"confirmation|page|faq|contract|staff|agent|rep)\s+(?:says|said|states|stated|shows|showed|claims|"
                      r"claimed|promised|promises)\b", re.I)
_COMPANY_SUBJECT = re.compile(r"(?:^|[,;]\s*|\b(?:and|but|that|because|so)\s+)you\b(?!r)", re.I)
_SWAPS = {
    "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "i": "you", "me": "you", "my": "your",
    "mine": "yours", "myself": "yourself", "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll",
    "we": "you", "our": "your", "ours": "yours", "us": "you", "ourselves": "yourselves",
    "your": "our", "yours": "ours", "you": "us",  # only an object "you" gets this far: "bought from you"
    "here": "there",  # "there's nothing here" is where the customer is
}
# (not in a code, "order US-77102", nor the country, "shipped from the US")
_SWAP = re.compile(r"(?<![\w-])(?!(?-i:US)\b)(?!i\.e\.)(?:" + "|".join(sorted(map(re.escape, _SWAPS), key=len, reverse=True)) +
                   r")\b(?![-/]\w)", re.I)  # (not the "i" of "i.e.")
_VERB_FIXES = [  # after "I" became "you": the verb agrees
    (re.compile(r"\byou am\b", re.I), "you are"), (re.compile(r"\byou was\b", re.I), "you were"),
    (re.compile(r"\byou wasn't\b", re.I), "you weren't"), (re.compile(r"\byou has\b", re.I), "you have"),
    (re.compile(r"\byou hasn't\b", re.I), "you haven't"), (re.compile(r"\byou doesn't\b", re.I), "you don't"),
    (re.compile(r"\byou does\b", re.I), "you do"), (re.compile(r"\byou is\b", re.I), "you are"),
    (re.compile(r"\byou should like\b", re.I), "you would like"),  # (a letter's "I should like the fare refunded")
    (re.compile(r"^(you\b[^,;]*?\s(?:and|but)\s+)am\b", re.I), r"\1are"),  # "you are unable to use it and am relying on"
    # "you waited 50 minutes and was then charged": the second verb of the same subject agrees too
    # ("you booked a room for 2-5 May, booking ref LX-20931, and was charged €412": past a reference between commas)
    (re.compile(r"^(you\b[^,;]*?(?:,\s(?:booking|order|ref\w*|account|invoice|ticket|claim|case|reg\w*|no\.?|number)\b[^,;]*?\d"
                r"[^,;]*?|,\s(?:drove|went|got|took|came|paid|rang|called|phoned|spent|waited|queued|travelled|walked|sat|stood|left)\b"
                r"[^,;]*?)*,?\s(?:and|but|then)\s+"
                r"(?:then\s+)?)was\b", re.I), r"\1were"),  # (or past the same subject's next verb: ", drove 40 minutes and
    # was told")
]
_OBJECT_YOU = re.compile(r"\b(?:to|for|with|from|at|by|about|told|asked|called|emailed|messaged|contacted|paid|"
                         r"sent|gave)\s+you\b", re.I)
_PAST_START = re.compile(r"^(?:\w+ed|got|paid|bought|sent|went|had|spent|made|took|lost|left|came)\b", re.I)
_SUBJECT_START = re.compile(
    r"^(?:(?i:you|you're|you've|you'd|you'll|your|we|the|a|an|it|it's|this|that|they|they're|their|there|there's|he|"
    r"she|his|her|our|everything|nothing|someone|nobody)\b"
    r"|[A-Z][\w&'’-]*(?:\s+[\w&'’.()#-]+){0,5}?\s+(?:is|are|was|were|has|have|had|keeps|won't|doesn't|isn't|can't|"
    r"didn't|hasn't|haven't|wasn't|aren't|does|did|will|would|stopped|shows|says|\w+ed)\b)"
)
_BAD_START = re.compile(r"^(?:\w+n't|\w+n’t|why|what|how|when|where|who|which|can|could|would|will|is|are|do|does|did|please|if|"
                        r"despite|although|though|while|whilst|since|after|as|given|unless|due|owing|"
                        r"because|so|to|for|not|no|never|still|just|also|very|really|any|need|want|get|fix|help|"
                        r"thanks?|been|being|was|were|same|again|only|her|his|she|he|their|they|them)\b", re.I)
_VERB = re.compile(r"\b(?:is|are|was|were|am|been|has|have|had|do|does|did|can|could|will|would|keeps?|\w+n't|\w+ed|"
                   r"got|went|came|took|made|paid|bought|sent|lost|left|broke|says|shows|logs|won't|cannot|cuts|drops|"
                   r"crashes|leaks|stops|fails|needs|wants|\w+'s|\w+'re|\w+'ve)\b", re.I)
_QUESTION_TAIL = re.compile(r",\s*(?:is|are|can|could|will|would|what|why|how|when|where|who|any|do|does|did)\b.*$", re.I)
_LOWER_FIRST = frozenset("""the a an it this that they there their everything nothing someone nobody he she his her
    everyone everybody somebody anyone anybody no-one on in at after when during since yesterday today last before
    upon following despite although though until unless within over from
    while because once half one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty hundred dozens
    it's there's every each all both another any some none no one two three several most many
    staff students pupils people customers members residents patients guests children kids parents neighbours
    colleagues employees users tenants visitors passengers
    food order orders parcel parcels package packages delivery driver courier rider bill invoice item items app website
    site payment refund train bus flight room hotel engineer technician internet wifi broadband phone card account
    meter heating water bin bins seat seats ticket tickets car battery screen laptop machine product box bag meal
    pizza drink drinks coffee charger kettle fridge oven boiler stuff""".split())
_THIRD_PERSON = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.I)  # "close his account": whose, said back alone?
_NO_REFERENT = re.compile(r"^(?:it|it's|they|they're|this|that|he|she|his|her|their)\b", re.I)
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those)\s+(?!morning|afternoon|evening|week|month|year|weekend|time|"
                            r"quarter)\w+|\bthe\s+(?:above|below|following|attached|enclosed|aforementioned|said)\b|"
                            r"\bas\s+(?:mentioned|stated|above|below)\b", re.I)  # "the above sailing": of a letter
# The letter's own preamble: "I write regarding claim No. 44-7819", "I am writing about ..."
_WRITING = re.compile(r"^(?:I|we)\s+(?:am\s+|are\s+)?(?:writ(?:e|ing)|refer(?:ring)?\s+to)\b", re.I)  # ("I refer to PCN ...")
_REFLEXIVE = re.compile(r"\b(?:myself|yourself|yourselves|ourselves|themselves)\b", re.I)  # flipped twice, it reads wrong
_SHOUTED = re.compile(r"\b(?:AND|BUT|NOT|STILL|EVERY|NEVER|NO|ALL|THE|IS|WAS|ARE|WERE|TWICE|AGAIN|NOTHING|ANY|AT|ON|IN|"
                      r"TIME|TIMES|DAY|DAYS|WEEK|WEEKS|HOURS|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|TODAY|TONIGHT|"
                      r"TOMORROW|NOW|YET|ALREADY|ALWAYS|ONLY|MONTHS?|DUE|PAID|HAVE|HAS|DID|FIRST|SECOND|THIRD|FOURTH|FIFTH|"
                      r"LAST|BROKEN|EMPTY|WRONG|DEAD)\b")
_CAPS_NEXT = re.compile(r"[A-Z]{2,}[\w&]*\s*$|^\s*[&\w]*[A-Z]{2,}")


def _unshout(clause: str) -> str:
    """A shouted small word in lower case ("declined AND blocked"), not one of a name ("AT&T", "BBC ONE")."""
    def lower(m: re.Match[str]) -> str:
        before, after = clause[max(0, m.start() - 12):m.start()], clause[m.end():m.end() + 12]
        touching = before.endswith(("&", "-", "/")) or after.startswith(("&", "-", "/")) or \
            re.search(r"\b(?:No\.?|Flight|flight)\s*$", before) is not None  # ("AT&T"; "GR-3318-AT"; "Flight No. AT 118")
        named = m.group() in ("FIRST", "LAST", "ONE", "TWO", "THREE") and re.match(r"\s+[A-Z][a-z]", after) is not None  # ("FIRST
        # Bus": a name)
        return m.group() if touching or named or _CAPS_NEXT.search(before) or _CAPS_NEXT.search(after) else m.group().lower()
    return _SHOUTED.sub(lower, clause)


_SCARE_QUOTES = re.compile(r"(?P<why>\b(?:because\s+of|due\s+to|citing)\s+)['‘\"“](?P<what>[a-z][a-z ]{2,40})['’\"”]")
_LABEL_WORDS = re.compile(r"^(?:[A-Z]{3,}[:!,.]*\s+)+(?=[a-z])")  # "URGENT someone has taken £1,940 ...": a label
_WHICH = re.compile(r",?\s+(?:which|who)\b", re.I)  # a relative clause, which must keep its verb
_HIDES_WHICH = re.compile(r"\b(?:say|says|said|tell|tells|told|specify|specifies|explain|explains|show|shows|know)\s+"
                          r"(?:us\s+|me\s+)?(?:which|who)\W*$", re.I)  # what they were not told: "does not say which"
_TRAILING_THANKS = re.compile(r"(?<!\bno)[,;]?\s+(?:thanks|thank\s+you|thx|ty|cheers|ta)"
                              r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance))?\W*$", re.I)
_TRAILING_POINTER = re.compile(r",?\s+(?:as\s+a\s+(?:result|consequence)|because\s+of\s+(?:this|that|it)|"
                               r"due\s+to\s+(?:this|that|it)|(?:because|as)\s+of\s+which)$", re.I)
_ENDS_ON_A_POINTER = re.compile(r"\b(?:this|that|these|those)$|^(?:(?!\band\b)[^,;])*\bwithout\s+(?:it|them)$"
                                r"|^(?:(?!\b(?:and|but)\b)[^,;])*\bsince$"
                                r"|^(?:(?!\b(?:and|but|or|nor)\b)[^,;])*\b(?:either|too|as\s+well)$", re.I)
# ("you can't keep explaining this", "you can't leave your room without it", "you haven't slept properly since": what?
# Not "your CPAP machine has stopped and you can't sleep without it", "you reported it on 2 May and heard nothing since";
# "there was no gift wrap either": as well as what? Not "... and the neighbours haven't got it either")
# what they don't know, not what went wrong: "you don't know if you can get back in the water" (not "... where your
# parcel is")
_UNSURE = re.compile(r"^you(?:\s+(?:don't|do\s+not|didn't|did\s+not)\s+(?:really\s+|even\s+)?know|(?:'re|\s+are)\s+not\s+"
                     r"(?:really\s+|even\s+)?(?:sure|certain))\s+(?:if|whether|how|what|why|who|which|(?:where|when)\s+to)\b"
                     r"|^you(?:(?:'re|\s+are|\s+were)\s+(?:just\s+)?wondering|\s+wonder(?:ed)?)\b", re.I)
# a "not" that says the opposite alone: "you didn't pay advanced prices for a taster session" (they did, and got the
# taster); "you didn't sign up to be ignored"
_RHETORICAL = re.compile(r"^you\s+(?:didn't|did\s+not)\s+(?:pay|spend)\s+(?!for\b)[^,;]*?\s+for\s+(?:a|an|some)\s"
                         r"(?![^,;]*\b(?:and|but)\b)[^,;]*$"
                         r"|^you\s+(?:didn't|did\s+not)\s+(?:pay|sign\s+up|join|book|come\s+here)\s+to\s+be\s+\w+(?:ed|en)\b",
                         re.I)
_TIME_WORDS = frozenset("""later ago since minutes hours days weeks months years minute hour day week month year morning
    evening night today yesterday tonight one two three four five six seven eight nine ten once twice thrice times again
    already still now yet""".split())  # ("you've reinstalled twice and it's still happening": no noun for "it")
# The customer's own doing, not their problem: said back after "sorry", it reads as sorry they ordered.
_OWN_ACTION = re.compile(r"^you(?:['’]ve|\s+have)?\s+(?:(?:just|recently|already|also)\s+)?(?:bought|ordered|booked|purchased|"
                         r"paid(?!\s+twice)|frozen|froze|blocked|locked|"
                         r"cancell?ed|reserved|subscribed|signed\s+up|renewed|upgraded|registered|applied|transferred|filed|lodged|"
                         r"moved|returned|sent|placed|made|switched|joined|opened|topped\s+up|picked\s+up|dropped|collected|"
                         r"handed\s+in|stayed|dined|told\s+(?:you|us)|let\s+(?:you|us)\s+know|informed\s+(?:you|us))\b", re.I)
_OWN_ACTION_THEN = re.compile(r",?\s+(?:and|but)\s+(?:then\s+)?|,\s+", re.I)
# A problem word that, alone, says what is at stake rather than what went wrong: "my rent is due Friday".
_WEAK = frozenset({"due", "every day", "freeze"})  # (what is at stake: "I have two kids in the car every day"; what they
# asked for: "I've been trying to freeze my membership ..., but the app keeps giving me 'Error 502'")
# An object that points at another sentence: "nobody mentioned it", "put the wrong one back".
_OBJECT_POINTER = re.compile(r"\b(?:mention\w*|show\w*|see|saw|seen|use|used|need|needs|want|wants|find|found|fix\w*|"
                             r"explain\w*|told|tell|notic\w*)\s+(?:it|them|him|her|this|that)(?=\s*(?:[,.;!?]|$|\s+(?:at|to|in|on|by|for|with|"
                             r"from|anywhere|yet|back|again)\b))"
                             r"|\b(?:the\s+(?:wrong|other|right|new|old|same)|this|that)\s+one\b", re.I)
_CAME = re.compile(r"\b(?:sent|got|received|came|delivered|gave|given|charged|billed|took)\b", re.I)
_PRONOUN = re.compile(r"\b(?:it|they|them)\b", re.I)
_BAD_END = re.compile(r"(?<![-‐])\b(?:a|an|the|and|or|but|to|(?<!\bheard\s)of|for|with|at|in|on|my|your|our|their|is|are|"
                      r"was|were|that|which|because|so|if)$"  # (not "a payee I've never heard of")
                      r"|\b(?:for|of|only|just|received|got|signed\s+for)\s+\d{1,3}$", re.I)  # "... signed for 8": 8 what?


# a short verdict on what happened, not a part of it: "Not good enough.", "Not acceptable.", "Unbelievable."
_VERDICT = re.compile(r"^\W*(?:not\s+(?:good\s+enough|ok(?:ay)?|acceptable|on|cool|great)|unacceptable|ridiculous|"
                      r"unbelievable|shocking|disgraceful|appalling|pathetic|a\s+joke|so\s+annoying|never\s+again)\W*$", re.I)


# The customer's stance, not their problem: "I'm not interested in your excuses", "I don't want another apology"
#: Who the customer is, not what went wrong ("you use a wheelchair", "you're a full-time carer"), then "and" the problem.
_CIRCUMSTANCE = re.compile(r"^(?:as\s+)?you(?:\s+use\s+a\s+wheelchair|(?:['’]re|\s+are)\s+(?:a\s+)?(?:wheelchair\s+user|disabled|"
                           r"blind|deaf|pregnant|elderly|(?:full-time\s+|unpaid\s+)?carer|autistic|partially\s+sighted|housebound|"
                           r"(?:council\s+|social\s+|private\s+)?tenant|pensioner|single\s+(?:mum|mom|parent|dad)|"
                           r"(?:(?:a\s+)?type\s+[12]\s+)?diabetic|epileptic|asthmatic|immunocompromised)"
                           r"|\s+have\s+a\s+disability|(?:['’]ve|\s+have)\s+(?:just\s+)?left\s+(?:your|an?)\s+(?:abusive\s+)?"
                           r"(?:ex-?partner|ex|partner|husband|wife|boyfriend|girlfriend)(?:\s+and\s+moved\s+out(?:\s+with\s+[\w\s]{1,20}?)?)?)"
                           r"\b(?:,?\s+and\s+|,\s+|\s+so\s+|$)", re.I)  # ("you're type 1 diabetic and your insulin ..."
# ... its "who they are" goes; "you've left your ex-partner and moved out" is no problem to be sorry for)
_ASKS = re.compile(r"\b(?:please|pls|plz)\b|^\W*(?:kindly\s+)?(?:refund|send|give|fix|cancel|sort|replace|help|tell|call|"
                   r"email|reply|return|credit|reverse|waive|change|update|check|compensate)\b", re.I)  # a request
_STANCE = re.compile(r"\b(?:not\s+interested\s+in|(?:don't|do\s+not)\s+want)\s+(?:your\s+|any\s+more\s+|another\s+|an?\s+|"
                     r"more\s+)?(?:excuses?|apolog\w+|sorr\w+|platitudes|scripts?|canned\s+responses?)\b"
                     r"|^\W*I\s+(?:don['’]t|do\s+not)\s+know\s+what\s+(?:to\s+do|else\s+to\s+do)\b"
                     # "I can't sleep, I need to know": what the wait does to them, not what went wrong
                     r"|^\W*I\s+(?:can['’]?t|cannot)\s+(?:sleep|think\s+straight|cope|concentrate|stop\s+(?:worrying|crying))\b",
                     re.I)  # (how they feel)


_TERSE = re.compile(r"^[a-z]+\s+(?:is|was|were|are|has|have|had|keeps|won't|isn't|hasn't|haven't|didn't|wasn't|doesn't|"
                    r"never|still)\b")
# an emoji between two clauses of a post ends the first ("app keeps crashing since the update 🙃 iphone 14")
# (... or a sum or a reference after it: "got a 16 😤 order #LT20488", "exactly like the label says 💔 £68!!")
_EMOJI_STOP = re.compile(rf"(?<=[A-Za-z0-9]{{2}})\s*[{EMOJI}][{EMOJI}{EMOJI_GLUE}]*\s+(?=[\w£$€₹#])"
                         r"(?!(?:and|but|so|or|which|who|never|"
                         r"still|not|is|was|were|are|has|have|had|isn't|wasn't|won't|can't|didn't|hasn't|doesn't|keeps?|"
                         r"got|went|came)\b)", re.I)
_NORMALLY = re.compile(r"\W*(?:it['’]?s|it\s+is)\s+(?:normally|usually)\b", re.I)  # "It's normally around $140."


def _emoji_stop(m: re.Match[str]) -> str:
    """A full stop where the emoji ends a clause that has its verb ("... since the update 🙃 iphone 14"), else a space
    ("my order 😡 never arrived" is one clause)."""
    before = re.split(r"[.!?]\s", m.string[: m.start()])[-1]
    return ". " if _has_verb(before) else " "


def restate_problem(customer: str | None, prefer: Callable[[str], bool] | None = None) -> str | None:
    """A clause that says the customer's problem back to them, or None when there is no clean one; one that
    ``prefer`` picks out (the situation's words: "my husband died last month") comes first."""
    if not customer or not customer.strip() or not looks_english(customer):
        return None
    text = _NOISE.sub(" ", _EMOJI_STOP.sub(_emoji_stop, _EMOJI_BREAK.sub(". ", customer))).replace("’", "'")
    # ("... first wash 🙃 pic attached")
    truncated = len(customer) >= 120 and not re.search(rf"[.!?){EMOJI}]\s*$", customer.strip())
    sentences = []
    for s in split_sentences(text):  # "(serial no. LX5-00231-K)": a full stop inside brackets ends no sentence
        if HEADER_LINE.match(s.text):
            continue  # "Subject: Overpayment not applied - acc. no. 55019823" is a title, not a statement
        if sentences and sentences[-1].count("(") > sentences[-1].count(")"):
            sentences[-1] += " " + s.text
        else:
            sentences.append(s.text)
    if truncated and sentences:
        sentences = sentences[:-1]  # a tweet cut off mid-sentence: its last sentence is not whole
    best: tuple[bool, int, int, str] | None = None
    unsaid = False  # a sentence that says what went wrong in strong words, or says the situation, but has no clean clause
    for order, sentence in enumerate(sentences):
        sentence = _UNHURT.sub("", _VENTED.sub("", sentence))  # "I swear Amazon are trying to annoy me, I've just
        # ordered ...": what happened; "Nobody was hurt, thank God, but the house stinks of smoke": what went wrong
        sentence = _WRITING_TO.sub("", sentence)  # "I must put in writing my dismay that the hall was double-booked"
        sentence = _WHO_AND_WAS.sub("I ", _WHO_THEY_ARE.sub("", sentence))  # "I'm 74 and ...", "I'm a student and ...",
        # "I'm an NHS patient at your practice and was quoted ...": who they are, not what
        # went wrong
        now_lead = _NOW_LEAD.match(sentence.strip())  # ("It's now Friday, nobody has called me": not the date alone)
        if not sentence.strip() or _TODAY_IS.match(sentence) and not now_lead or \
                _RELIEF.match(sentence) or _STAY.match(sentence) or _BARE_PLURAL.match(_FILLER.sub("", sentence)) or \
                (proof := _EVIDENCE.match(sentence)) and not _PROBLEM.search(sentence[proof.end():]):
            continue
        clause = None if _STANCE.search(sentence) or _POLITE_ASK.match(sentence) else _as_clause(_as_statement(sentence))
        # ("I should be grateful if someone would explain ...": what they ask, not what went wrong)
        after = sentences[order + 1] if order + 1 < len(sentences) else ""
        if clause is None and 2 <= len(after.split()) <= 4 and (_PROBLEM.search(after) or _NORMALLY.match(after)) and \
                sentence.rstrip()[-1:] == "." \
                and not _VERDICT.match(after) and not _ASKS.search(after) and _has_verb(sentence) and \
                not re.match(r"\W*not\b", after, re.I) and not (_VERB_OPENS.match(after) and _SOMEONE_ELSE_LAST.search(sentence)):
            # (not "... the entire way and not good enough", nor "... and refund the difference please", nor "Order
            # FD-58213. Not impressed.", which has no verb to join to)
            # "I paid £35 for a collection on Tuesday. Nobody came." -> "... on Tuesday and nobody came"
            clause = _as_clause(sentence.rstrip()[:-1] + " and " + after[0].lower() + after[1:])
        if clause is None or order and _POINTS_BACK.match(sentence) and not now_lead or _LEANS_BACK.match(clause):
            unsaid = unsaid or _strong(sentence) or prefer is not None and prefer(sentence)
            continue  # ("The last three were all under A$150": what it points back at is in the sentence before; "Without
            # it my application will be considered incomplete": what "it" is, too)
        expected = _EXPECTED.search(clause)  # "your refill was supposed to be sent on Monday": what should have been
        if expected and not _MISSED.search(clause, expected.end()) and _NOT_DONE.match(after) and \
                len(after.split()) <= 8 and sentence.rstrip()[-1:] == ".":  # "... before my mum's discharge on Wednesday.
            joined = _as_clause(sentence.rstrip()[:-1] + " and " + after[0].lower() + after[1:])  # Nobody has confirmed
            clause, expected = (joined, None) if joined else (clause, expected)  # a slot.": what did not happen, joined
        if expected and not _MISSED.search(clause, expected.end()) or _SPLICED_ING.search(clause) or \
                _NOTES_ASIDE.search(clause):  # (not "... was meant to arrive yesterday and hasn't"); "... drove past you, you
            continue  # were waving", "you've worn them on normal walks, nothing extreme, and ...": notes, not a sentence
        # what went wrong, without the case against it or an address tacked on: "you have therefore been overcharged",
        # "... went from $1,122 to $1,840 and you haven't had a claim", "... for three weeks now, 23 Alder Road"
        clause = _CONNECTIVE.sub("", _NOTHING_CHANGED.sub("", _TRAILING_ADDRESS.sub("", _SAME_AS_EVER.sub("", clause))))
        clause = _NOTHING_TO_DO.sub("", clause)  # "... to Friday 21st and nothing you can do": how they feel about it
        clause = _cut_notes(_PROOF_TAIL.sub("", clause))  # "... on 7 August and you've attached the admission letter":
        # the proof; "... disappeared after the update, was a level 40 fox": a note after the comma
        state = _STATE_WITHOUT_VERB.search(clause)
        if state and not _has_verb(state["rest"]):  # "... but got a single and the cover missing": the part with a verb
            head = clause[: state.start()]
            clause = head if _PROBLEM.search(head) and len(head.split()) >= _MIN_WORDS else ""
        conceded = _CONCEDED.search(clause)  # "..., although our adviser, Mr. Lyle" (its verb cut off with the notes): the
        if conceded and not _CLAUSE_IN_TAIL.search(conceded["rest"]):  # clause before it (not "... Mrs. Ahmed", whose -ed
            # is no verb)
            clause = clause[: conceded.start()]
        clause = _HEADLINE.sub(_with_be, clause) if clause else clause  # "the 07:42 to Paddington cancelled again"
        if not clause or _NO_PROBLEM.search(clause) or _INDEFINITE_LEAD.match(clause) or _AT_STAKE.match(clause) or \
                re.match(r"(?:a|an)\s", clause) and not _has_verb(clause):  # ("a middle seat, without any
            # explanation": no verb, no sentence)
            continue  # "you've never missed a payment before", "you work from home": who they are, not what went wrong;
            # "a fridge freezer and paid £38 online": a list's tail, with no subject; "you took the morning off work":
            # what it cost them, not what went wrong
        clause = _BARE_NOUN_LEAD.sub(lambda m: "the " + m.group().lower(), clause)  # "Front desk said ..." -> "the front
        # desk said ...", after "Sorry to hear that"
        first = re.match(r"(?-i:[A-Z][a-z]+)\b", clause)  # "Results were due on 1 August", "Of the 14 pallets ...": a
        if first and first.group() != "I" and (first.group().lower() in STOPWORDS | _OPENERS or  # sentence's capital, not
                                               _WHEN_LEAD.match(clause) or  # a name ("Next one isn't till 08:45")
                                               re.search(rf"\b{first.group().lower()}\b", text)):
            clause = clause[0].lower() + clause[1:]
        clause = _NTH_TIME.sub(lambda m: f"it's the {m['nth'].lower()} time", clause)  # "Second time your engineer
        # hasn't turned up" -> "it's the second time our engineer hasn't turned up" (not "sorry that Second time ...")
        # "My rent is due Friday and I have two kids." says what is at stake: what went wrong comes first
        weak = _only_weak(clause)
        score = min(len(_problems(clause)), 2) * 3 + sum(any(c.isdigit() for c in w) for w in clause.split()) - 3 * order
        score += 100 if prefer is not None and prefer(clause) else 0
        if (best is None or (weak, -score, order) < best[:3]):
            best = (weak, -score, order, clause)
    if best and unsaid and _soft_only(best[3]):
        return None  # "our team moved you from Bristol to Bath" when what went wrong ("They dropped my nan's wardrobe")
        # has no clean clause: nothing, rather than the wrong sentence
    return best[3] if best else None


# "Next one isn't till 08:45", "Last week ...": a time, not the shop called Next
_WHEN_LEAD = re.compile(r"(?:Next|Last)\s+(?:one|time|week|month|year|day|night|bus|train|tram|slot|delivery|visit)\b")
# words that open a sentence with a capital and are never a name: "Either the panels aren't working or ..."
_OPENERS = frozenset("either neither both each every everything nothing nobody none since yesterday today tonight "
                     "apparently now still then later tomorrow".split())
# problem words that need the rest of the sentence to say what went wrong: "our team moved you to Bath", "everyone's
# rooms will be gone" (not "the gig was moved to 15 Feb", "the hotel moved you to another hotel", "£1,850 gone to ...")
_SOFT = re.compile(r"moved(?=\s+(?:you|us|me)\s+from\b)|gone(?!\s+(?:up|down|to|from|off|missing)\b)", re.I)


def _soft_only(clause: str) -> bool:
    """No problem word of ``clause`` says on its own what went wrong ("your team moved you to Bath on Saturday")."""
    found = list(_PROBLEM.finditer(clause))
    return bool(found) and not re.search(rf"[{CURRENCY}]\s?\d", clause) and \
        all(_SOFT.match(clause, m.start()) for m in found)


def _strong(sentence: str) -> bool:
    """``sentence`` says what went wrong in a word that needs nothing else ("dropped", "split", "down")."""
    return not _soft_only(sentence) and _PROBLEM.search(sentence) is not None


# a headline with no "was": "the 07:42 Reading to Paddington cancelled AGAIN" (not "the train delayed me")
_HEADLINE = re.compile(r"^(?P<np>(?:the|my|your|our)\s+(?:(?!(?:is|are|was|were|has|have|had|been|got|gets|getting|keeps?|"
                       r"and|but|a|an|the|for|of|with|service|company|driver|courier)\b)[^\s,;]+\s+){1,6}?)"
                       r"(?P<pp>cancelled|canceled|delayed|postponed|suspended|declined|rejected|refused|stolen|lost|blocked)"
                       r"(?=\s*(?:$|[,.;!?]|\d|(?:again|twice|today|tonight|yesterday|this|last|at|on|in|by|with|without|and|"
                       r"but|because|after|before|due|overnight|from|within|halfway|mid)\b))", re.I)
# what gets cancelled or declined, not what cancels: a train, a flight, a card (not "your wedding venue cancelled")
_CANCELLED_THING = re.compile(r"(?:train|flight|bus|appointment|order|booking|card|payment|transfer|delivery|claim|"
                              r"application|parcel|package|collection|operation|class|lesson|course|session|show|match|"
                              r"event|visit)s?", re.I)


def _with_be(m: re.Match[str]) -> str:
    words = m["np"].split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in ("to", "from", "for", "of", "at", "in", "on", "with")),
               len(words))  # (the noun before its place: "your flight SR441 to Denver")
    head = next((w for w in reversed(words[1:cut]) if not re.search(r"\d|^[A-Z]", w)), "")  # the last word, less a code
    # or a name ("your flight BA117": flight; "your class teacher": teacher; "the 7:42 from Leeds" is its time)
    if not (re.fullmatch(r"\d{1,2}[:.]\d\d", words[1]) or _CANCELLED_THING.fullmatch(head)) or \
            re.match(r"\s+on\s+(?:you|me|us|them)\b", m.string[m.end():], re.I):
        return m.group()  # ("your class teacher cancelled", "the surgery cancelled on me": who cancelled)
    plural = re.search(r"[^s]s$", head) is not None and not re.fullmatch(r"\d{1,2}[:.]\d\d", words[1])
    return f"{m['np'].rstrip()} {'were' if plural else 'was'} {m['pp']}"


# a note with no subject after a sentence: "... since kick off. missed both goals." ("and missed" would be the stream's)
# ... when the sentence before ends on someone else doing it ("... and it's been buffering since kick off")
_SOMEONE_ELSE_LAST = re.compile(r"\b(?:and|but)\s+(?:it|it['’]s|they|they['’]re|he|she|the\s+\w+|my\s+\w+)\b[^,;]*$", re.I)
_VERB_OPENS = re.compile(r"\W*(?:[a-z]+ed|got|lost|left|went|came|took|made|paid|sent|had)\b", re.I)
# a state with no verb after "and": "paid ₹842 and half the order missing" (not "... and a coke")
_POLITE_ASK = re.compile(r"^\W*(?:I|we)\s+(?:should|would|['’]d)\s+(?:be\s+(?:most\s+|very\s+)?(?:grateful|obliged|glad|"
                         r"thankful)|(?:greatly\s+|really\s+)?appreciate|like)\b", re.I)
_CLAUSE_IN_TAIL = re.compile(r"\b(?:I|you|we|they|he|she|it|is|are|was|were|has|have|had|do|does|did|can|could|will|would|"
                             r"told|said|set|made|went|got|took|paid|sent|left|kept|came|saw|gave|put)\b|"
                             r"(?-i:\b[a-z]+(?:ed|ing|s)\b)", re.I)  # ("while you
# recover", "whereas your contract covers 10", "while driving"): a clause, not a name left over
_CONCEDED = re.compile(r",?\s+(?:although|though|even\s+though|whereas|while)\s+(?P<rest>[^;]*)$", re.I)
_STATE_WITHOUT_VERB = re.compile(r"\s+and\s+(?P<rest>(?:(?:half|all|some|most|one|two)\s+(?:of\s+)?)?(?:the|my|our|your|his|"
                                 r"her|their)\s+[^,;]*?\b(?:missing|broken|gone|late|cold|damaged|wrong|empty|lost|stuck|"
                                 r"dead))\W*$", re.I)
_EXPECTED = re.compile(r"\b(?:was|were|is|are)\s+(?:supposed|meant)\s+to\b", re.I)
_MISSED = re.compile(r"\bbut\b|\band\b[^.;]*?(?:\bnot\b|n['’]t\b|\bnever\b|\bnothing\b|\bnobody\b|\bno\s+one\b|\bstill\b)",
                     re.I)  # ("... supposed to sync my steps but it shows zero every day": what happened instead)
_NOT_DONE = re.compile(r"^\W*(?:nobody|no\s+one|nothing|it\s+(?:hasn['’]t|has\s+not|never|still)|they\s+(?:haven['’]t|never|"
                       r"still)|still\s+(?:nothing|no)\b)", re.I)
_SPLICED_ING = re.compile(r",\s+(?:you|I|we|he|she|they)\s+(?:was|were|am|is|are)\s+\w+ing\b[^,;]*$", re.I)
# an address tacked on after what happened: "... for three weeks in a row now, 23 Alder Road"
_TRAILING_ADDRESS = re.compile(r",\s+\d+[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|"
                               r"Court|Place|Crescent|Terrace|Gardens|Grove)\.?\s*$")
# "Nothing's changed - same car, same address, and my premium went up £200": what went wrong is after the "and"
_SAME_AS_EVER = re.compile(r"^\W*nothing(?:['’]s|\s+has|\s+else\s+has)\s+changed\b[^.]*?,?\s+(?:and|but)\s+(?=(?:your|the)\b)",
                           re.I)
_PROOF_TAIL = re.compile(r",?\s+and\s+you(?:['’]ve|\s+have)\s+(?:attached|enclosed|included)\b[^,;]*$", re.I)
_CONNECTIVE = re.compile(r"\s+(?:therefore|thus|hence|consequently|subsequently)\b(?=\s)", re.I)
_NOTHING_CHANGED = re.compile(r",?\s+and\s+you\s+(?:haven['’]t|have\s+not|have\s+never|never|didn['’]t)\s+(?:had|made)\s+"
                              r"(?:a|any)\s+(?:claims?|accidents?)\b[^,;]*$|"
                              r",?\s+and\s+you\s+(?:haven['’]t|have\s+not|have\s+never|never|didn['’]t)\s+(?:missed\s+a\s+payment|"
                              r"changed\s+anything|been\s+late)\b[^,;]*$", re.I)
_NOTHING_TO_DO = re.compile(r",?\s+and\s+(?:there['’]s\s+|there\s+is\s+)?(?:absolutely\s+)?nothing\s+(?:you|I|we)\s+"
                            r"(?:can|could)\s+do(?:\s+about\s+it)?\s*$", re.I)
_NOTES_ASIDE = re.compile(r",\s+(?:nothing|not)\s+\w+,", re.I)  # ", nothing extreme,"
_LEANS_BACK = re.compile(r"^\W*(?:without|with|after|before|because\s+of|due\s+to|despite|instead\s+of)\s+(?:it|this|that|"
                         r"them)\b", re.I)
_NO_PROBLEM = re.compile(r"\b(?:never|not\s+once)\s+(?:missed\s+a|been\s+late|had\s+(?:a|any)\s+(?:problem|issue|complaint)s?|"
                         r"been\s+so)\b|\balways\s+paid\b|\bshould(?:\s+not|n['’]t)\s+(?:be|have\s+to)\b|"
                         r"^\W*nothing(?:['’]s|\s+has|\s+else\s+has)\s+changed\b(?!\s+since\b)",  # ("nothing's changed -
                         # same car", "nothing has changed in the house"; not "nothing has changed since I complained")
                         re.I)
# what is at stake, or what it cost them, said alone: "you took the morning off work", "you've had to put towels down",
# "you have 340 invoices to get to your accountant", "you start a new job on 6 May" (said back after "Sorry to hear that",
# each reads as sorrow for the wrong thing)
_AT_STAKE = re.compile(r"^(?![^.;]*\b(?:and|but|nobody|no\s+one|nothing|never|because|as|after|since|when)\b)"  # (not
                       # "... and nobody came", "... because your engineer didn't show": that is it)
                       r"(?:you\s+(?:took|had\s+to\s+take|(?:have|['’]ve)\s+(?:had\s+to\s+)?taken|booked)\s+(?:the|a|half\s+a|"
                       r"two|\d+)\s+(?:morning|afternoon|day|days)\s+(?:off|of\s+(?:leave|holiday))\b|"
                       r"you(?:['’]ve|\s+have)\s+had\s+to\s+(?!pay|wait|chase|call|ring)\w+|"
                       r"you\s+(?:have|['’]ve\s+got)\s+\d[\d,]*\s+[\w-]+\s+to\s+\w+|"
                       r"you\s+(?:start|begin|are\s+starting)\s+(?:a|your)\s+new\b)", re.I)
_INDEFINITE_LEAD = re.compile(r"^(?:a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+(?:\w+ed|paid|sent|bought|got|made|took|went|left|"
                              r"spent|gave|put|rang|called|told)\b", re.I)  # "a fridge freezer and paid £38 online"
# a common noun with no determiner at a sentence's start: "Front desk said 'maintenance will come' twice" (not "Sarah
# just said", "Tesco delivery said": a name)
_BARE_NOUN_LEAD = re.compile(r"^(?:Front|Reception|Staff|Driver|Courier|Engineer|Technician|Manager|Support|Delivery|Security|"
                             r"Maintenance|Housekeeping|Waiter|Nurse|Receptionist|Agent|Advisor|Adviser|Landlord|Kitchen|"
                             r"Warehouse|Store|Shop|Branch|Office|App|Website|Site|Parcel|Package|Heating|Boiler|Aircon|Lift|"
                             r"Elevator|Shower|Power|Internet|Wifi|Router|Duty|Booking|Service|Subscription|Tracking|Wardrobe|"
                             r"Sofa|Fridge|Freezer|Oven|Kettle|Laptop|Phone|Screen|Sound|Refund|Payment|Invoice|Bill|Train|"
                             r"Night(?=\s+(?:porter|manager|staff|receptionist|shift)\b))"
                             # a word of its own, or a reference, may come between: "Front desk said", "Tracking PP77 says"
                             r"(?=\s+(?:(?!(?:just|also|then|still|never|already|even|only|literally|actually|really|finally)\b)"
                             r"(?:(?-i:[a-z]+)|#?[A-Z0-9][\w-]*\d[\w-]*)\s+)?"
                             r"(?:said|says|told|tells|is|was|were|are|has|have|had|keeps?|kept|died|broke|stopped|failed|crashed|"
                             r"renewed|arrived|delivered|leaks|leaked|didn['’]t|won['’]t|can['’]t|couldn['’]t|wouldn['’]t|"
                             r"doesn['’]t|isn['’]t|wasn['’]t)\b)")
# "Kids can't even have a bath": whose? (said back, "sorry to hear that kids can't ..."; not "Collections were missed")
_BARE_PLURAL = re.compile(r"^(?:Kids|Children|Grandchildren|Grandkids|Twins|Boys|Girls|Parents)\s+(?!of\b|from\b)")
_WRITING_TO = re.compile(r"^\W*(?:further\s+to\s+[^,;]{1,60},\s+)?I\s+(?:must|wish\s+to|want\s+to|would\s+like\s+to|"
                         r"am\s+writing\s+to|write\s+to)\s+(?:put\s+in\s+"
                         r"writing|express|register|record|raise|complain\s+about)\s+(?:my\s+)?(?:[\w-]+\s+){0,3}?(?:about\s+the\s+"
                         r"fact\s+)?that\s+(?=\w)", re.I)
_WHO_THEY_ARE = re.compile(r"^\W*(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+"
                  r"(?:\d{1,3}(?:\s+years?\s+old)?\s*(?:,\s*|\s+and\s+|[.!]\s*|$)|"
                  # who they are or what they live with, before what went wrong: "I'm a first-year student and my loan
                  # payment hasn't come through", "I'm on chemo and my tablets ..." (not "I'm on hold and ...")
                  r"(?:an?\s+(?:[\w-]+\s+){0,2}?[\w-]+|on\s+(?!hold\b|the\b)[\w-]+(?:\s+credit)?|[\w-]+-allergic|allergic\s+to\s+"
                  r"[\w-]+|diabetic|coeliac|celiac|pregnant|vegan)(?:,\s*|;\s*|\s+and\s+)"
                  r"(?=(?:my|our|the)\b))|"  # (not "I'm a council tenant and I need to be moved": what they ask; "We are a
                  # recruitment agency; our candidates cannot reach us": what went wrong follows)
                  r"^\W*I\s+(?:work\s+from\s+home|live\s+(?:alone|on\s+my\s+own))(?:,\s*|\s+and\s+)"
                  r"(?=(?:my|our|the|I['’]ve|I\s+have)\b)",
                  re.I)
_WHO_AND_WAS = re.compile(r"^\W*I(?:['’]m|\s+am)\s+an?\s+(?:[\w-]+\s+){0,5}?[\w-]+\s+and\s+(?=(?:was|have\s+been|got|had|"
                          r"received)\s)", re.I)
# how long they are there, not what went wrong: "We are still here until Sunday."
_STAY = re.compile(r"^\W*(?:we|I)(?:['’]re|['’]m|\s+are|\s+am)\s+(?:still\s+)?(?:here|there|staying(?:\s+here)?)\s+"
                   r"(?:until|till|til|for\s+(?:another|two|three|\d+|a\s+few))\b(?:(?!\b(?:and|but)\b)[^,;])*[.!]?\s*$", re.I)
# the customer's proof, not their problem: "I've got the cancellation confirmation email right here"
_EVIDENCE = re.compile(r"^\W*I(?:['’]ve|\s+have|\s+still\s+have)?\s+(?:got\s+|still\s+got\s+|kept\s+)?(?:the|a|my|all\s+the)\s+"
                       r"(?:[\w-]+\s+){0,2}?(?:emails?|e-mails?|receipts?|screenshots?|confirmations?|letters?|photos?|pictures?|"
                       r"proof|statements?)\b", re.I)
_UNHURT = re.compile(r"^\W*(?:(?:thankfully|luckily|fortunately),?\s+)?(?:nobody|no\s+one|no-one)\s+(?:was|got|has\s+been)\s+"
                     r"(?:hurt|injured|harmed)\b[^,;.!?]*[,;]\s*(?:(?:thank\s+god|thankfully|luckily)\s*[,;]?\s*)?"
                     r"(?:but\s+)?", re.I)  # (a relief, not what went wrong)
_RELIEF = re.compile(r"^\W*I\s+(?:managed|was\s+able)\s+to\s+(?:stop|pull\s+over|brake|steer|escape|get\s+(?:out|away|off|"
                     r"onto|home))\b"  # "I managed to stop but ...": what went right
                     # ... or how they feel, and what proves it: "I'm shaking and I don't know who to trust", "Tags are
                     # still on and I've never worn it"
                     r"|^\W*I['’]?m\s+(?:so\s+|really\s+)?(?:shaking|panicking|in\s+tears|crying)\b(?![^.!?]*\bbecause\b)"
                     # ... or how someone with them felt: "My mum was in tears."
                     r"|^\W*(?:my|our)\s+(?:[\w-]+\s+){1,2}?(?:was|were|is|are)\s+(?:left\s+)?(?:in\s+tears|crying|devastated|"
                     r"heartbroken|distraught|so\s+upset)\W*$"
                     r"|^\W*(?:the\s+)?(?:tags?|labels?)\s+(?:are|is)\s+still\s+(?:on|attached)(?:\s+and\s+I(?:['’]ve|\s+have)\s+"
                     r"never\s+(?:worn|used)\s+it(?:\s+out)?)?\W*$", re.I)
_TODAY_IS = re.compile(r"^\W*(?:today|it)(?:'s|\s+is)\s+(?:now\s+)?(?:the\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|"
                       r"apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)  # "Today is 9 May and ...": the date, no problem
_POINTS_BACK = re.compile(r"^\W*(?:it(?!['’]s\s+(?:now\s+)?been\b|\s+has\s+(?:now\s+)?been\b)|this|that|they|these|those|"
                          r"both|the\s+(?:rest|others|same)|the\s+(?:last|previous|"
                          r"other|first|second|next)\s+(?:one|ones|two|three|four|five|six|few|couple))\b(?!\s+(?:of|weeks?|"
                          r"days?|months?|years?|times?)\b)", re.I)  # (not "the first report", "the last two weeks")
# a vent before what happened: "I swear you're trying to annoy me, ...", "I feel like nobody reads these, ..."
_VENTED = re.compile(r"^\W*(?:I\s+swear|I\s+feel\s+like)\b[^,;.!?]*[,;]\s+"
                     r"(?=(?:I|I've|I'm|I'd|my|we|we've|our|the|your)\b)", re.I)
_DETERMINER = re.compile(r"\b(?:my|your|our|their|his|her|the|a|an|this|that|these|those|its)\s+$", re.I)


# what may follow a comma inside a sentence, where what follows goes on from it
_GOES_ON = re.compile(r"\s*(?:and|but|so|or|nor|yet|which|who|whom|whose|where|when|whereas|because|as|after|before|since|"
                      r"while|whilst|then|although|though|until|unless|if|despite|even|including|with|without|on|in|at|from|"
                      r"for|by|to|into|during|plus|well|just|right|shortly|long|the\s+\w+\s+and)\b|\s*\d", re.I)


def _cut_notes(clause: str) -> str:
    """``clause`` up to its first comma where a note with no subject comes after it rather than a clause that goes on
    ("your pet disappeared after the update, was a level 40 fox"; "..., got the freeze email to prove it"), where what
    comes before says what went wrong on its own; else the clause as it is."""
    quoted = [m.span() for m in _QUOTED_SPAN.finditer(clause)]
    depth = 0
    for at, char in enumerate(clause):
        depth += (char in "([") - (char in ")]")
        if char != "," or depth or not clause[at + 1: at + 2].isspace() or any(a < at < b for a, b in quoted):
            continue  # (not "£1,240", "(3 nights, €420)", "'single room, one single bed'")
        head = clause[:at].rstrip()
        last = re.split(r"[:;]", head)[-1]  # ("... you didn't make: £420, £395 and £425": a list after a colon)
        tail = clause[at + 1:].split(",")[0]
        after = at + 1 + len(tail)
        if _OWN_NOTE.match(tail) and len(last.split()) >= _MIN_WORDS and _has_verb(last) and _problems(head) and \
                not _BAD_END.search(head) and not _FRONTED.match(head) and not _PROBLEM.search(clause, after):
            return head  # "... wouldn't light the whole trip, ate cold beans for 3 days": what they did, though it says
            # what it cost them
        if _GOES_ON.match(clause, at + 1) or len(last.split()) < _MIN_WORDS or not _has_verb(last) or \
                _BAD_END.search(head) or not (_PROBLEM.search(head) or any(c.isdigit() for c in head)) or \
                not _NO_SUBJECT_VERB.match(tail) or _FRONTED.match(head) or \
                _PROBLEM.search(clause, at + 1) or _SERIAL.search(clause, at + 1):
            return clause  # (a note without a verb stays: "..., third time this week", "..., account 3319-20"; so do a
            # list, "..., locked the doors, and kept asking ...", a new subject, "..., you've got no way to buy food", and
            # what it cost them, "..., left us without heating for three days")
        return head
    return clause


_FRONTED = re.compile(r"\W*(?:of|on|in|at|after|since|when|as|by|for|from|following|despite|although|because|if|while|"
                      r"with|without|having)\b", re.I)  # "of the 14 pallets collected on 2 Sept., pallet No. 9 arrived ..."
# what follows the comma: a verb with no subject ("..., was a level 40 fox", "..., tried it at three machines")
_NO_SUBJECT_VERB = re.compile(r"\s*(?:(?:also|then|just|even)\s+)?(?:was|were|is|are|has|had|got|went|came|took|made|paid|"
                              r"sent|lost|left|said|says|keeps|kept|tried|opened|waited|missed|revealed|installed|stuck|been)\b|"
                              r"\s*[a-z]+ed\s+(?!(?:by|to|from|in|at|on)\b)", re.I)
# the customer's own doing, as a note with no subject: "..., ate cold beans for 3 days", "..., missed my 9am meeting"
# (not "..., left us without heating": the thing did that)
_OWN_NOTE = re.compile(r"\s*(?:(?:then|just|even|also)\s+)?(?:ate|slept|missed|waited|queued|tried|spent|drove|walked|sat|"
                       r"stood|lost|had\s+to|ended\s+up|gave\s+up)\b(?!\s+(?:you|us)\b)", re.I)
_SERIAL = re.compile(r",\s+(?:and|or)\s", re.I)  # "..., locked the doors, and kept asking ...": a list
_QUOTED_SPAN = re.compile(r"(?<!\w)['‘\"“][^'’\"”]*['’\"”](?!\w)")


def _has_verb(clause: str) -> bool:
    """A verb, not a participle used as an adjective: "Claim CL-7 for your cracked screen" has none."""
    return any(not (m.group().lower().endswith("ed") and _DETERMINER.search(clause[: m.start()]))
               for m in _VERB.finditer(clause))


def _past_own_action(clause: str) -> str | None:
    """A clause that opens with the customer's own doing ("you booked ..."): from the first later part that says the
    problem with a subject of its own ("the e-tickets never arrived by email"), else all of it when a later part
    says what went wrong, else None (nothing went wrong in it)."""
    bounds = [m.end() for m in _OWN_ACTION_THEN.finditer(clause)]
    for at in bounds:
        problem = clause[at:]
        if len(problem.split()) >= 4 and _SUBJECT_START.match(problem) and _PROBLEM.search(problem) \
                and not _NO_REFERENT.match(problem) and not re.match(r"^(?:nothing|nobody|there|you|we)\b", problem, re.I) \
                and not _pointless_pronoun(problem):
            return problem
    rest = clause[bounds[0]:] if bounds else ""
    return clause if _PROBLEM.search(rest) or _CAME.search(rest) else None


_BASE_VERBS = frozenset("""pay afford send get use fix open return cancel change find see do make take keep give buy
    sell move collect deliver refund replace repair book post ship renew close unlock reset chase explain want need
    mention tell told worn bought got sent left made took gave put paid said kept brought found held""".split())
_OBJECT = re.compile(r"(?-i:it|them)\b(?!['’]|\s+(?:is|was|has|had|will|would|can|could|keeps|still|does|did|\w+n['’]t)\b)",
                     re.I)  # ("it" as an object, never "IT")
_JOINS = re.compile(r"\b(?:and|but|so|that|because|as|when|if|until|or)\s+$", re.I)  # ("... and it": a subject)
_AT_PLACE = re.compile(r"\b(?:at|during|upon)\s+(?:the\s+)?[\w-]+\b|\bon\s+(?!(?:a|an|the|my|your|our|their)\b)[\w-]+\b", re.I)
_PERSON_NOUN = re.compile(r"staff|team|agents?|drivers?|managers?|engineers?|people|person|man|woman|guy|lady|someone|"
                          r"advis[eo]rs?|colleagues?|crew|officers?|guards?")


def _pointless_pronoun(clause: str) -> bool:
    """ "you've reinstalled it twice", "three weeks later it won't charge": the pronoun's noun was in another sentence
    of the customer's, so said back alone it points at nothing: it needs a noun before it in the clause (a time word
    is none)."""
    m = next((found for found in _PRONOUN.finditer(clause) if found.group() != "IT"), None)  # (not "your IT team")
    if m is None:
        return False
    if _DOING.match(clause) and re.search(r"\bit(?:['’]s|\s+is)\s+still\s+happening\b|\bit\s+(?:still|keeps)\s+happening\b",
                                         clause, re.I):
        return True  # "you've cleared the cache twice and it's still happening": what is? (the sentence before says)
    if re.search(r"\b(?:any|all|some|none|most|each|both|either)\s+of\s+(?:it|them)\b", clause, re.I):
        return True  # "you didn't authorise any of it": of what?
    said = clause[: m.start()]
    thing = m.group().lower() == "it"  # (a place "it" happened at is not what "it" names, nor are people: "at check-in
    # your staff insisted it was over height"; "at Rosslare they charged you" names who)
    before = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", _AT_PLACE.sub(" ", said) if thing else said)]
    nouns = [w for w in before if w not in STOPWORDS and w not in ("you", "you've", "you're", "your", "we", "we've")
             and not (thing and _PERSON_NOUN.fullmatch(w))
             and w not in _TIME_WORDS and not _VERB.fullmatch(w) and not (len(w) > 4 and w.endswith("ed"))
             and not w.endswith("ly")]  # ("heating" and "bed" are nouns; "reinstalled" is not)
    if nouns and _OBJECT.match(clause, m.start()) and not _JOINS.search(said):  # an object ("you're on ESA and can't
        # pay it in one go"): a verb before it names nothing it could be
        nouns = [w for w in nouns if w not in _BASE_VERBS]
    return not nouns


def _as_statement(sentence: str) -> str:
    """ "Why has my card been declined?" -> "My card has been declined."; "why have u charged me twice?" -> "I've been
    charged twice." (other questions stay as they are)."""
    found = _FOUND_OUT.match(sentence.strip())
    if found and len(sentence.strip()[found.end():].split()) >= 3:  # "I just checked my bank app and StreamNest
        rest = sentence.strip()[found.end():]  # charged me twice": what was found, not the looking
        sentence = rest[0].upper() + rest[1:]
    charged = _WHY_CHARGED.match(sentence.strip())
    if charged:
        return f"I've been {charged['verb'].lower()} {charged['rest']}."
    m = _WHY.match(sentence.strip())
    if m is None:
        return sentence
    words, aux = m["phrase"].split(), m["aux"].lower()
    verb = ("been",) if aux in ("has", "have") else ("not", "still", "being")
    # the verb after a determiner and at least one noun: "my parking permit | been rejected"
    at = next((i for i, w in enumerate(words) if i >= 2 and (w.lower() in verb or re.fullmatch(r"\w+ed", w))), None)
    if at is None or at > 4:
        return sentence
    return f"{' '.join(words[:at]).capitalize()} {aux} {' '.join(words[at:])}."


_FOUND_OUT = re.compile(r"^(?:hi,?\s+)?I(?:['’]ve|\s+have)?\s+(?:just\s+)?(?:checked|looked\s+at|opened|"
                        r"logged\s+(?:in|into|onto))\s+(?:my|the)\s+[\w' -]{1,30}?\s+and\s+"
                        r"(?:(?:saw|noticed|found|realised|realized|see)\s+(?:that\s+)?)?"
                        r"(?!(?:was|were|got|had|am|is|it|there)\b)(?=\w)", re.I)  # (not "... and was told")
_LEADING_HANDLES = re.compile(r"^(?:(?:hi|hey|hello|dear)\s+)?(?:@\w+[,:]?\s+)+", re.I)
_REQUEST = re.compile(r"^(?:I|we)(?:\s+|(?=['’]d\b))(?:(?:really|just|still)\s+)?"
                      r"(?:want|need\s+(?:it|them|this|that|my|our|the)\b[^.!?]{0,40}\bback\b|would\s+like|['’]d\s+like|expect|"
                      r"demand|request|"
                      r"insist|am\s+asking|'m\s+asking|ask\s+that|would\s+ask)\b", re.I)
# when it started, said first with no comma: "Since the 6.2 update the app logs me out ..." (the time goes last)
_SINCE_UPDATE = re.compile(r"^(?:ever\s+)?since\s+(?P<what>(?:the|your|my|last\s+\w+['’]s)\s+(?:[\w.-]+\s+){0,3}?"
                           r"(?:update|upgrade|release|patch|firmware\s+update))\s*,?\s+(?=(?:the|my|your|our|it|I)\b)", re.I)
# what the customer tried, before what stopped them: the problem is after "but"
_REFUSED_WHAT = re.compile(r"(?<!\bis\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bare\s)(?<!\bwere\s)\b(?:refused|rejected|"
                           r"declined|said\s+no)\b(?!\s+(?:my|the|your|our|a|an|to|it|them|this|that)\b)", re.I)
_TRIED_BUT = re.compile(r"^(?:I['’]ve\s+been|I\s+have\s+been|I['’]m|I\s+am|I(?:['’]ve|\s+have)?)\s+(?:trying|tried|attempting|"
                        r"attempted)\s+to\s+[^.!?]*?,?\s+but\s+(?=(?:the|your|my|it|every|each|nothing|all)\b)", re.I)
_TRAILING_REQUEST = re.compile(r"[,;]\s+(?:and\s+|so\s+)?(?:I|we)\s+(?:really\s+|just\s+)?(?:want|would\s+like|['’]d\s+like|"
                               r"expect|demand)\b[^.!?]*$", re.I)
_FEELINGS = (r"(?:terrified|scared|frightened|worried|anxious|upset|devastated|furious|angry|heartbroken|stressed|"
             r"exhausted|livid|gutted)")
# a feeling first, then what happened: "I'm so stressed and my package is lost", "I'm exhausted and upset, my mum's care
# package keeps getting missed" (not "scared of getting cut off": a fear of something, said back whole)
_FEELING = re.compile(rf"^(?:you['’]re|you\s+are|I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:honestly\s+|really\s+|so\s+|just\s+|"
                      rf"absolutely\s+)*{_FEELINGS}(?:\s+and\s+(?:so\s+|really\s+)?{_FEELINGS})*(?:\s*,\s*|\s+and\s+|\s*$)",
                      re.I)
_HELPLESS = re.compile(r"^(?:you|I|we)\s+(?:don['’]t|do\s+not|can['’]t)\s+(?:know\s+what\s+to\s+do|have\s+the\s+energy\b[^,]*|"
                       r"sleep|cope|think)\b", re.I)
_NTH_TIME = re.compile(r"^(?:the\s+|this\s+is\s+the\s+)?(?P<nth>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+time\b"
                       r"(?=\s+(?:our|the|your|my|I|you|we|it|they)\b)", re.I)
# a lead that points back at another sentence: "By then ...", "At that point ...", "On top of that ..."
_POINTER_LEAD = re.compile(r"^(?:by\s+(?:then|that\s+(?:point|time|stage)|which\s+(?:point|time))|at\s+(?:that|which)\s+"
                           r"(?:point|time|stage|moment)|after\s+(?:that|which|this|all\s+that)|since\s+then|from\s+then\s+on|"
                           r"until\s+then|even\s+then|before\s+that|following\s+(?:that|this)|on\s+top\s+of\s+(?:that|this|it)|"
                           r"because\s+of\s+(?:that|this)|as\s+a\s+result)\b", re.I)
_AFTERTHOUGHT = re.compile(r",\s*(?:which|who|that|as|so)\b[^,]*$", re.I)


def _as_clause(sentence: str) -> str | None:
    sentence = _LEADING_HANDLES.sub("", _TRAILING_TAGS.sub("", sentence.strip()))  # "@ParcelGo your driver ..."
    sentence = _TRAILING_THANKS.sub(".", sentence)  # "my lamp came with a cracked shade, thanks": their courtesy, not ours
    if sentence.endswith(("..", "…")):
        return None  # trails off: not a whole statement
    if re.search(r"@\w|#[A-Za-z]+(?![\w-]*\d)", sentence) or DEMANDS_OF_THE_MODEL.search(sentence):
        return None
    words = re.findall(r"[A-Za-z']+", sentence.lower())
    if sum(c.isalpha() and not c.isascii() for c in sentence) > 2 or sum(w in STOPWORDS for w in words) * 8 < len(words):
        return None  # another language, or a list of names
    clause = _LABEL.sub("", _FILLER.sub("", _LABEL.sub("", _SALUTATION.sub("", _tidy(sentence))))).strip()
    # ("Anyway, the problem: ...")
    clause = _AGAIN.sub("", clause)
    clause = _I_SEE.sub("", clause)  # "I can see £1,950 has gone": what is seen, not "you can see"
    fine = _FINE_BUT.match(clause)
    if fine and (_SUBJECT_START.match(clause[fine.end():]) or clause[fine.end():].startswith("I ")):
        clause = clause[fine.end():]
    tried = _TRIED_BUT.match(clause)
    if tried:
        alone = _as_clause(clause[tried.end()].upper() + clause[tried.end() + 1:])  # "I've been trying to freeze my
        if alone is not None and not _OBJECT_POINTER.search(alone) and not re.search(r"\b(?:it|them|one)\b", alone) and \
                not _REFUSED_WHAT.search(alone):  # plan for June because I'm moving, but the app keeps showing 'Error
            return alone  # 409'": the error (not "the website sent me the red one", "the manager refused": what?)
    lead = _LEADING_CLAUSE.match(clause) or _NOW_LEAD.match(clause)
    if lead:
        clause = clause[lead.end():]
    if _POINTER_LEAD.match(clause):
        return None  # "By then the clock had run out": by when? (not "After that, the clutch failed": its lead goes)
    since = _SINCE_UPDATE.match(clause)
    if since:  # "Since the 6.2 update the Stride app logs me out ..." -> "the Stride app logs you out ... since the 6.2
        clause = f"{clause[since.end():].rstrip(' .!')} since {since['what']}"  # update"
    off = _NO_SERVICE.match(clause.rstrip(" .!"))
    if off:  # "no signal in Bristol BS5 since 6am, can't call 999" -> "there's been no signal in Bristol BS5 since 6am"
        rest = re.split(r",\s+(?![A-Z]{1,2}\d)|\s+[-–—]\s+|\s+(?:due\s+to|because\s+of|thanks\s+to|after)\s+", off["rest"],
                        maxsplit=1)[0]  # (not "in Leith, EH6"; the cause is theirs to say: "due to your works")
        if len(rest.split()) > 7 or re.search(r"\b(?:and|but|so|paying|paid|can['’]?t|nobody|no\s+one)\b", rest, re.I):
            return None  # "no signal in BS5 paying £35 a month for ...": notes run together
        if off["nth"][:2].lower() == "no":
            clause = ("there's been no " if re.search(r"\b(?:since|for)\b", rest, re.I) else "there's no ") + \
                f"{off['what']} {rest}"
        else:  # "3rd day with no signal in Leith" -> "it's the 3rd day with no signal in Leith" (its own words: "3
            # days" would be a figure the customer never gave)
            clause = re.sub(r"^(?:the\s+)?", "it's the ", off["nth"], count=1, flags=re.I) + f"{off['what']} {rest}"
    clause = re.sub(r"(?<=\w)!+$", "", clause.rstrip(" .,;:-")).rstrip(" .,;:-")
    clause = _TRAILING_POINTER.sub("", clause)  # "We have lost two batches as a result": of what, said back alone?
    clause = _TRAILING_REQUEST.sub("", clause)  # "my class was cancelled, I want my £40 back": the problem, not the ask
    felt = _FEELING.match(clause)
    if felt:  # "I'm so stressed and my package is lost": what happened, without the feeling
        clause = clause[felt.end():]
        lost = _HELPLESS.match(clause)
        clause = clause[lost.end():].lstrip(" ,") if lost and re.match(r"\s*,\s*\w", clause[lost.end():]) else clause
        if not clause or _HELPLESS.match(clause):
            return None  # "I'm honestly terrified and I don't know what to do": nothing but how they feel
    head = re.split(r"\s+[-–—]\s+", clause, maxsplit=1)[0]
    if head != clause and len(head.split()) >= _MIN_WORDS and _VERB.search(head):
        clause = head  # "someone has used my card for 6 payments - none of them are me": the first part says it
    elif head != clause and not _VERB.search(head):
        return None  # "washing machine service request SR-7781203 – technician didn't come on 12th": notes, not a sentence
    clause = _CHARGED_ME.sub(_passive, clause)
    clause = _CHARGED_MY.sub(lambda m: f"{m['what'].lower()} {'has been' if m['have'] else 'was'} {m['verb'].lower()}", clause)
    clause = _YOU_DID.sub(lambda m: f"{_WE}{m['mid'] or ''} {m['verb']}" + (f" {_TO_YOU}" if m["me"] else ""), clause)
    clause = _TOLD_YOU_HAD.sub(lambda m: f"{m['told']} {_WE} {m['had']}", clause)  # "was told you had no record of it"
    # -> "were told we had no record of it"
    clause = re.sub(r"\s*\((?![^()]*\d)[^()]*\)", "", clause)  # "(flight from Lisbon)": an aside, not the problem
    if _UNSAFE.search(clause) or _COMPANY_SUBJECT.search(clause) or _YOU_SAY.match(clause) or \
            clause.count("(") != clause.count(")") or \
            re.search(r"\((?![^)]*\d)", clause):
        return None  # brackets only around a reference: "the lamp (order 5562) has a frayed cord"
    clause = _LABEL_WORDS.sub("", _unshout(clause))  # "declined AND the card was blocked"
    clause = _SCARE_QUOTES.sub(r"\g<why>\g<what>", clause)  # "because of 'examiner unavailability'": their scorn, not ours
    if sum(w.isupper() and len(w) > 2 for w in clause.split()) > 1:
        return None  # shouting
    clause = _shorten(" ".join(_QUESTION_TAIL.sub("", clause).split()))
    if clause is None:
        return None
    which = _WHICH.search(clause)
    if which and not _HIDES_WHICH.search(clause) and not _has_verb(clause[which.end():]):
        clause = clause[:which.start()].rstrip(" ,")  # "... for 'roof repairs' which, per your letter of 5 Sept."
        # (not "... but does not say which": the last word, what they were not told)
    if _BAD_END.search(clause) and _AFTERTHOUGHT.search(clause):  # "..., which you'd paid £17.40 for"
        clause = _AFTERTHOUGHT.sub("", clause)
    words = clause.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or _BAD_START.match(clause) and not _OWN_START.match(clause) or \
            _BAD_END.search(clause):
        return None
    if re.search(r"\b(?:I|we)\s+(?:have|has)\s+(?:cancel|pay|order|book|buy|send|receive|call|try|ask|return|change|make|take)\s+"
                 r"(?:my|the|our|a|an|it|this|your)\b", clause, re.I):
        return None  # "I have cancel my subscription": said back, "you have cancel" reads as the coach's own slip
    if re.search(r"\b(?:is|was|are|were)\s+(?:still\s+)?(?:in|inside)\s+it\b", clause, re.I):
        return None  # "your suit for the wedding is in it": in what? (the bag of the sentence before)
    if not _has_verb(clause) or not _problems(clause) or re.match(r"^that\b", clause, re.I) or \
            _REQUEST.match(clause) or _WRITING.match(clause):
        return None  # "I want the difference refunded" asks for a remedy: said back, it is not their problem
    head, _, rest = clause.partition(", ")
    if len(head.split()) <= 5 and not _VERB.search(head) and head.count("(") == head.count(")") and \
            not _APPOSITIVE.match(clause[len(head) + 2:]):  # (not "the lamp (order 5521, a gift) arrived cracked", nor "My
        # wheelchair, a Permobil M3, was returned with a snapped footplate")
        if re.search(r"\b(?:I|we)\b", head, re.I) or \
                not (re.match(r"(?:my|our)\s", rest, re.I) and _VERB.search(rest) and len(rest.split()) >= _MIN_WORDS):
            return None  # "Nothing in my porch, neighbours haven't seen it": its first part has no verb
        clause = rest  # "flight BA-style nonsense, my connecting flight was cancelled": the part with a verb
    clause = _without_loose_ends(clause)
    if re.search(r"\byou\b", clause, re.I) and not _OBJECT_YOU.search(clause):
        return None  # "you" the company as a subject: "you charged me" would read as an admission
    own = _OWN_START.match(clause)
    if own:  # "ordered a sofa ..." -> "you ordered a sofa ..."; "been waiting ..." -> "you've been waiting ..."
        clause = re.sub(r",\s+(?=(?:got|received)\s+(?!there|home|back|to\b))", " but ", clause, count=1)  # "ordered a
        # size M, got a size 8"
        if "," in clause or _NOTES.search(clause) or any(w.isupper() and w.isalpha() and len(w) > 3 for w in clause.split()) or \
                re.search(r"\b(?:and|but)\s+(?:still\s+|then\s+|now\s+|again\s+)?(?:charged|billed|debited|took|taken)\b",
                          clause, re.I):
            # ("Cancelled my sub and still charged £9.99": who charged?)
            return None  # "ordered at 6:40, app says delivered at 7:25, nothing at my door": notes, not a sentence
        clause = _TO_YOU + ("'ve " if own["been"] else " ") + clause[0].lower() + clause[1:]  # ("you" after the swap)
    elif _PAST_START.match(clause):
        return None  # a sentence with no subject ("Messed up my order", "Frustrated that ...") is not known to be the
        # customer's
    clause = _SWAP.sub(lambda m: _swap(m.group()), clause).replace(_WE, "we")
    for pattern, fixed in _VERB_FIXES:  # (before an object "you" is in: "the code you sent me doesn't work")
        clause = pattern.sub(fixed, clause)
    clause = clause.replace(_TO_YOU, "you")
    who = _CIRCUMSTANCE.match(clause)
    if who:  # "you use a wheelchair and the lift has been broken for 9 days": sorry for the lift, never the wheelchair
        clause = re.sub(r"^now\s+", "", clause[who.end():])  # ("..., and now my child benefit is still going ...")
        if not re.match(r"(?:the|your|my|our|it|its|there|nobody|no\s+one)\b", clause, re.I) or not _has_verb(clause):
            return None
    if _TERSE.match(clause) and clause.split()[0] in _BARE_NOUNS:  # "app has been down since 8am": a terse post,
        clause = clause[0].upper() + clause[1:]  # said back with its article ("the app ...")
        head = clause.split(", ")[0]  # (its notes after a comma go: "..., tried 5 times, need to pay rent today")
        if len(head.split()) < 3 or not _PROBLEM.search(head):
            return None  # "app is great, but crashes ...": praise first; "internet is fine now, but ..."
        clause = head
    if not (_SUBJECT_START.match(clause) or _LONG_SUBJECT.match(clause) and clause.split()[0].lower() in _NOUN_HEADS) or \
            _NO_REFERENT.match(clause) and not _NTH_DAY.match(clause) or _DEMONSTRATIVE.search(clause) or \
            _THIRD_PERSON.search(clause):
        return None  # "it's now damaged the cupboard", "this overpayment": said back alone, they point at nothing
    if _REFLEXIVE.search(clause) or _ENDS_ON_A_POINTER.search(clause) or _UNSURE.match(clause) or \
            _RHETORICAL.match(clause) or _pointless_pronoun(clause) and not _NTH_DAY.match(clause) or \
            _OBJECT_POINTER.search(clause):
        return None
    if _OWN_ACTION.match(clause):  # "you bought 2 tickets ..., and the e-tickets never arrived": sorry for the purchase?
        clause = _past_own_action(clause)
        if clause is None:
            return None
    clause = _without_bystander_tail(clause)
    first = clause.split()[0]
    if first[:1].isupper() and first[1:].islower() and re.search(rf"\b{re.escape(first.lower())}\b", clause[len(first):]):
        clause = clause[0].lower() + clause[1:]  # "Hotel booking ... the hotel says": a common noun
    elif first[:1].isupper() and re.sub(r"['’](?:s|ve|re|ll|d)$", "", first.lower()) in _LOWER_FIRST:
        clause = clause[0].lower() + clause[1:]
    elif _COMMON_NOUN.match(clause):  # "Completion is scheduled for 13 Dec.": a common noun by its ending
        clause = clause[0].lower() + clause[1:]
    elif first.lower() in _ADJECTIVES and first[1:].islower() and re.match(r"\S+\s+[a-z]+\s+(?:has|have|had|is|are|was|were|"
                                                                          r"keeps?|kept|came|got|went|smells?)\b", clause):
        clause = clause[0].lower() + clause[1:]  # "Black mould has returned" (not "Black Friday")
    elif first.lower() in _NOUN_HEADS and first[:1].isupper() and first[1:].islower():
        clause = clause[0].lower() + clause[1:]
    elif re.match(r"[A-Z][a-z]{2,}(?:ures|ions|ments|ings|ities|ances|ences|ers)\s+(?:are|were|keep|have)\b", clause):
        clause = clause[0].lower() + clause[1:]  # "Temperatures are below freezing": a plural, a common noun
    noun, *rest = clause.split()
    if noun in _BARE_NOUNS and rest and _SUBJECT_VERB.match(rest[0]):  # (not "the order 4471", nor "show me ...")
        clause = "the " + clause  # "Show is tonight and nothing has arrived": "the show ..."
    elif noun in _NOUN_HEADS and not re.search(r"(?<!s)s$|^(?:staff|people|children|kids)$", noun) and rest and \
            not re.search(r"[\dA-Z#]", rest[0]) and \
            re.match(r"(?:\S+\s+){0,10}?(?:is|are|was|were|has|have|had)\b", " ".join(rest)):
        clause = "the " + clause  # "Battery on the laptop ... is dead", "Phone bill is £96": "the ..." (not "flight SL 219",
        # nor a plural: "residents on floors 3-5 have ...")
    supposed = _SUPPOSED.search(clause)
    if supposed and not _SAYS_THE_MISS.search(clause, supposed.end()):
        clause = clause[: supposed.start()] + "didn't " + supposed["verb"] + clause[supposed.end():]
    due = _DUE_ON.match(clause)
    if due and not _SAYS_THE_MISS.search(clause):  # "your order PW-448213 was due on Monday 4 March" -> "... didn't
        clause = f"{due['s']} didn't arrive {due['when']}"  # arrive on Monday 4 March" (not sorry it was due)
    return clause


# A part after the problem that is no part of it: what the customer did about it ("and you filed the claim two weeks ago")
# or who relies on what ("and your elderly mother uses an oxygen concentrator"); after "I'm sorry that" it reads as
# sorry for the filing, or for the mother
_BYSTANDER_TAIL = re.compile(r",?\s+and\s+(?=you(?:['’]ve|\s+have)?\s+(?:just\s+|already\s+|also\s+)?(?:filed|lodged|submitted|"
                             r"reported|raised|opened)\b|your\s+(?:[a-z]+\s+){0,2}?(?:uses|needs|relies\s+on|depends\s+on)\b)",
                             re.I)


def _without_bystander_tail(clause: str) -> str:
    """The clause up to a bystander tail, where what comes before it says the problem and the tail says none."""
    tail = _BYSTANDER_TAIL.search(clause)
    if tail is None:
        return clause
    head = clause[: tail.start()]
    if len(head.split()) < _MIN_WORDS or not _PROBLEM.search(head) or _PROBLEM.search(clause[tail.end():]):
        return clause
    return head


# What was meant to happen, said back as what did not: "your sofa was supposed to come on Saturday" -> "your sofa didn't
# come on Saturday" (an apology for the plan is no apology for the miss)
_SAYS_THE_MISS = re.compile(r"n['’]t\b|\b(?:not|never|nobody|no\s+one|still|but|cancel\w*)\b", re.I)  # ("... and hasn't")
_SUPPOSED = re.compile(r"\b(?:was|were)\s+(?:supposed|meant|due)\s+to\s+(?P<verb>arrive|come|turn\s+up|show\s+up|"
                       r"reach|land|ship|call|ring|collect|visit|deliver|get|receive|start|open)\b")  # (not "due to fly")


_DUE_ON = re.compile(r"^(?P<s>(?:your|the)\s+(?:order|parcel|package|delivery|refund|replacement|shipment|item|items)\b"
                     r"[^,;]{0,40}?)\s+(?:was|were)\s+due\s+(?P<when>(?:on|by)\s+(?:the\s+)?[\w.]+(?:\s+(?!and\b|but\b|according\b|"
                     r"as\b|per\b)[\w.]+){0,2})$", re.I)  # ("was due on Monday 4 March", not "... and it came on the 4th")
_SUBJECT_VERB = re.compile(r"(?:is|was|were|are|has|have|had|never|still|didn't|hasn't|haven't|won't|isn't|wasn't|doesn't|"
                           r"keeps|got|arrived|came|went|stopped|broke|turned)$", re.I)
#: Adjectives that open a customer's sentence before a common noun: "Black mould has returned", "Hot water is off".
_ADJECTIVES = frozenset("""black white red green blue brown grey gray yellow orange pink purple hot cold warm damp wet
    loud strange weird faulty broken wrong missing late dirty""".split())
# a thing a terse message names without its article ("Parcel never came", "Show is TONIGHT")
_BARE_NOUNS = frozenset("""show parcel package order delivery flight train bus ticket tickets app item items engineer driver
    refund payment bill internet wifi signal car phone room heating boiler meal food courier website concert gig event
    rent mortgage loan deposit balance salary broadband electricity power water fibre fiber""".split())


_NOUN_HEADS = _BARE_NOUNS | frozenset("""staff students pupils people customers members residents patients guests children
    kids parents neighbours colleagues employees users tenants visitors passengers parcels package packages bill invoice
    site room hotel engineer technician meter bin bins seat seats battery screen laptop machine product box bag pizza
    charger kettle fridge oven boiler landline lift shower""".split())
_COMMON_NOUN = re.compile(r"^[A-Z][a-z]{3,}(?:tion|sion|ment|ness|ance|ence|ity|ing)\s+(?![A-Z])")  # (not "Reading station")
_SPELLED = {"im": "I'm", "ive": "I've", "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't",
            "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "hasnt": "hasn't", "havent": "haven't",
            "arent": "aren't", "werent": "weren't", "couldnt": "couldn't"}
_TYPED = re.compile(r"\b(?:" + "|".join(_SPELLED) + r")\b|\bi\b(?=\s+(?:am|have|had|was|did|do|got|paid|ordered|bought|sent|"
                    r"booked|called|rang|emailed|asked|tried|need|want|can|can't|cannot|never|still|just|only|think))")
_ITS_IS = re.compile(r"\bits(?=\s+(?:been|cancelled|canceled|gone|broken|not|still|late|missing|over|due|stuck|"
                     r"now|already|just)\b)")
_ASIDE = re.compile(r"\s*\b(?:literally|honestly|seriously|actually|basically|totally|genuinely)\b,?"
                    r"|,?\s+\b(?:btw|tbh|fyi|lol|ngl|smh|tho)\b(?=\W*$)", re.I)  # ("... missing the fries btw")


_NO_TAIL = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)no\s+\w+(?:(?:,\s+(?:and\s+)?|\s+and\s+)no\s+\w+)*$", re.I)
_SPLICE = re.compile(r",\s+(?=(?:I|we|they|he|she)\s+\w)|,\s+(?=(?:won't|won’t|can't|can’t|doesn't|doesn’t|didn't|didn’t|"
                     r"isn't|isn’t|wasn't|wasn’t|not|no\s+longer)\s+\w)")  # "..., won't switch on at all": no subject
# a second sentence with a noun for its subject: "... on every wash, the technician came on 3 June and changed nothing",
# "... (3 and 4 March), the bank statement show both", "..., engineer came on 2 May"
_NOUN_SPLICE = re.compile(r",\s+(?=(?:the|my|our|his|her|their|it|it's|nobody|no\s+one|someone|there)\s|"
                          r"(?!(?:and|but|or|so|yet|then|which|who|that|and\s+then)\s)[a-z]+\s+(?:is|was|are|were|has|have|had|"
                          r"came|went|did|said|says|told|show|shows|keeps?)\b)")


# what the customer did about it, after what went wrong: "..., so my daughter set me up with audiobooks" (not how it
# feels, "so this really hurts", nor what is still at stake, "so I'll miss my connection")
_SO_TAIL = re.compile(r",\s+so\s+(?!far\b|this\b|that\b|(?:I|we|it|they)(?:['’]ll|\s+will)\b)", re.I)
_HOW_LONG_ASIDE = re.compile(r",\s+(?:that['’]s|that\s+is|so)\s+(?:\w+\s+){0,2}\d*\s*(?:\w+\s+)?(?:hours?|days?|weeks?|months?)"
                             r"(?:\s+(?:now|so\s+far|and\s+counting))?$", re.I)


def _without_loose_ends(clause: str) -> str:
    """What follows a whole clause and reads as a fragment goes: a verbless "no X" tail ("came and went and no driver,
    no text"), or a second sentence spliced on with a comma ("was cancelled and nobody told me, I found out at the
    gate")."""
    clause = _HOW_LONG_ASIDE.sub("", clause)  # "... dead since 1 June, that's 9 days now"
    splice = _SPLICE.search(clause)
    if splice and len(clause[: splice.start()].split()) >= _MIN_WORDS and _PROBLEM.search(clause[: splice.start()]):
        clause = clause[: splice.start()]
    splice = _NOUN_SPLICE.search(clause)
    head = clause[: splice.start()] if splice else ""
    last = re.split(r"[,;]", head)[-1]  # (not "...; without the originals, your client's purchase ...": a lead-in)
    if splice and len(head.split()) >= _MIN_WORDS and head.count("(") == head.count(")") and \
            (len(last.split()) >= 4 or _has_verb(last)) and _has_verb(clause[splice.end():]):
        clause = head
    so = _SO_TAIL.search(clause)
    if so and len(clause[: so.start()].split()) >= _MIN_WORDS and _problems(clause[: so.start()]) and \
            not _PROBLEM.search(clause, so.end()):
        clause = clause[: so.start()]
    tail = _NO_TAIL.search(clause)  # the whole run of "no X" items, not one of a list ("with no milk, no bread")
    head = clause[: tail.start()] if tail else ""
    if tail and len(head.split()) >= _MIN_WORDS and _PROBLEM.search(head) and not re.search(r"\bno\s+\w+$", head):
        return head
    return clause


_DOING = re.compile(r"^(?:on\s+[^,]{1,30}?\s+)?you(?:['’]ve|\s+have)?\s+(?:(?:just|already|also|now|since)\s+)?(?:reported|"
                    r"called|rang|phoned|emailed|e-mailed|written|wrote|tried|restarted|rebooted|reinstalled|rebuilt|reset|"
                    r"cleared|submitted|uploaded|filed|lodged|chased|contacted|asked|travell?ed|flew|stayed|visited|used|sent|bought|ordered|"
                    r"booked|paid(?!\s+twice)|made|placed|cancell?ed|returned|switched|moved|upgraded|downgraded|"
                    r"renewed|locked|froze|frozen|blocked|changed)\b", re.I)


def own_doing(problem: str) -> bool:
    """The restatement opens with what the customer did ("you reported a missed collection on Monday and ..."), or says
    only what is at stake ("you need your March statement for a mortgage application due Friday"): after "I'm sorry
    that" it reads as sorry they reported it, or need it, so it is said back with "I see that" instead."""
    return _DOING.match(problem) is not None or problem.startswith("you ") and _only_weak(problem) and any(
        m.group().lower() in _WEAK for m in _PROBLEM.finditer(problem))  # (a weak word there, not none: the words of
    # "my usual bill" no longer match once it reads "your usual bill"; and what the customer needs or has, not "your
    # delivery was due on Tuesday ... and the driver turned up at 3pm")


def _tidy(sentence: str) -> str:
    """A customer's typing, tidied so it can be said back: "i got charged twice and its literally still pending" ->
    "I got charged twice and it's still pending" (only the apostrophes, a lower-case I and the asides)."""
    sentence = _TYPED.sub(lambda m: "I" if m.group() == "i" else _SPELLED[m.group()], sentence)
    return _ITS_IS.sub("it's", _ASIDE.sub("", sentence))  # ("got a text its cancelled" -> "it's cancelled")


def _passive(m: re.Match[str]) -> str:
    """ "you've charged me" -> "I've been charged", "you charged me" -> "I was charged", "you've still charged me" ->
    "I've still been charged" (swapped to "you" later)."""
    still = m["still"] or ""
    return (f"I've {still}been " if m["have"] else f"I was {still}") + m["verb"].lower()


def _swap(word: str) -> str:
    key = word.lower()
    if key == "you":
        return "us"  # only an object "you" survives the filters: "they told you" -> "they told us"
    return _TO_YOU if key == "me" else _SWAPS[key]  # lower case: the engine puts the clause after "... that"


def _shorten(clause: str) -> str | None:
    """At most ``_MAX_WORDS`` words: the longest opening run of clauses that names a problem, else the last clause."""
    if len(clause.split()) <= _MAX_WORDS:
        return clause
    pieces = re.split(r"(;\s+|,\s+(?:and|but)\s+|,\s+|\s+(?:and|but)\s+)", clause)
    # (never cut between a subject and its verb: "...; the final number, sent to your team on 2 September, | was 124")
    heads = ["".join(pieces[:end]) for end in range(len(pieces) - 2, 0, -2) if not _verb_waits(pieces, end)]
    heads = [head for head in heads if _MIN_WORDS <= len(head.split()) <= _MAX_WORDS and _PROBLEM.search(head)]
    last = pieces[-1]
    if _MIN_WORDS <= len(last.split()) <= _MAX_WORDS and _PROBLEM.search(last) and \
            re.match(r"^(?:i|my|we|our|the|it|they|this)\b", last, re.I):
        heads.append(last)  # (after every head that says what went wrong, and before one that only says what they asked)
    strong = [head for head in heads if not _only_weak(head)]
    return (strong or heads or [None])[0]


def _verb_waits(pieces: list[str], end: int) -> bool:
    """A piece after the cut at ``pieces[end]`` (a separator), after a comma and before any ";", opens with the verb
    of a subject before the cut (not a verb after "and": "I missed it and had to take a taxi"; nor one of "which",
    which ``_WHICH`` cuts at)."""
    if re.search(r"\b(?:which|who)$", pieces[end - 1], re.I):
        return False
    for at in range(end, len(pieces) - 1, 2):
        if pieces[at].startswith(";"):
            return False
        if pieces[at].strip() == "," and _VERB_FIRST.match(pieces[at + 1]):
            return True
    return False


_VERB_FIRST = re.compile(r"(?:is|was|were|are|has|have|had|will|would|can|could|should|must)\b", re.I)


def _only_weak(clause: str) -> bool:
    """Its only problem words say what is at stake or what was asked for ("due", "freeze"), not what went wrong."""
    return all(m.group().lower() in _WEAK for m in _PROBLEM.finditer(clause))
