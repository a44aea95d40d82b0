"""A request the customer has already met, or a problem they say is gone: no next step.

"Please DM us your order number" to someone who wrote "order 4410-2298", or "Have you checked with your
neighbours?" to someone who wrote "I've checked with both neighbours", asks them to repeat themselves. The checker
does not count such a sentence as the reply's step, and the offline engine takes it out of a reply it edits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .facts import fact_kinds
from .text import content_words, split_sentences, stem
from .untrusted import without_orders

__all__ = ["asked_again", "solved_for_them"]

# The details a reply asks for, each with what in the customer's message gives it: a reference right after its noun
# ("order 4410-2298", "booking ref: BK-7731", "orders 5521 and 5522"), or a fact of that kind (an email address).
def _noun(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})s?\b\s*\(?\s*(?:(?:number|no\.?|#|ref(?:erence)?|id|code)\s*)?[:#]?\s*$", re.I)


_DETAILS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str | None], ...] = (
    (re.compile(r"order\s+(?:number|no\.?|#|id|reference|ref)|order", re.I), _noun("order"), None),
    (re.compile(r"(?:booking|reservation|confirmation)\s+(?:reference|ref|number|no\.?|code)|pnr|booking|reservation",
                re.I), _noun("booking|reservation|confirmation|pnr"), None),
    (re.compile(r"account\s+(?:number|no\.?|id)", re.I), _noun("account"), None),
    (re.compile(r"(?:ticket|case|claim|policy|membership|tracking|invoice|reference|ref)\s*(?:number|no\.?|#|id|code)?",
                re.I), _noun("ticket|case|claim|policy|membership|tracking|invoice|ref|reference"), None),
    (re.compile(r"e-?mail(?:\s+address)?(?:\s+on\s+(?:your|the)\s+account)?", re.I), None, "email"),
    (re.compile(r"(?:phone|mobile|contact)\s+number", re.I), None, "phone"),
)
_REFERENCE = re.compile(r"#?(?=[\w/-]{4,}$)(?=\D*\d)(?:(?=(?:\D*\d){3})|(?=.*[A-Za-z]))[\w/-]+")  # (not "after 1 hour")
_DETAIL = "|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _DETAILS)
_ONE = re.compile(rf"^(?:your|the|an?|that)\s+(?:{_DETAIL})$", re.I)
# "Please DM us your order number", "Could you send me the booking reference?", "What's your account number?"
_ASKS_FOR = re.compile(
    r"^\W*(?:\d/\d\s+)?(?:@\w+\s+)*(?:(?:hi|hey|hello)\b[^.!?]{0,20}?[,!]\s*)?(?:(?:please|kindly|pls|plz|just|can\s+you|"
    r"could\s+you|"
    r"would\s+you|if\s+you(?:\s+can|\s+could)?|we(?:['’]ll|\s+will)\s+need\s+you\s+to)\s+)*(?:please\s+)?"
    r"(?:send|dm|share|provide|confirm|give|message|email|e-mail|pass\s+on|reply\s+with|drop)\s+(?:(?:us|me)\s+)?"
    r"(?:with\s+)?(?:over\s+)?(?P<what>[^.!?]+?)"
    r"(?:,?\s+(?:(?:so|and)\s+(?:that\s+)?)?(?:we|I)(?:['’]ll|\s+will|\s+can|['’]d\s+be\s+happy\s+to)?\s+(?:(?:take|have)\s+a\s+look"
    r"(?:\s+into\s+(?:it|this))?|look\s+into\s+(?:it|this)|check(?:\s+(?:it|this|on\s+it))?|help|assist|investigate|"
    r"sort\s+(?:it|this|you)(?:\s+out)?|get\s+(?:it|this)\s+sorted)(?:\s+(?:for\s+you|further|asap))?"
    r"(?:,?\s+and\s+(?:update\s+you|get\s+back\s+to\s+you))?[^\w]*"  # (only a generic
    r"|\s+(?:to|via|in|by|on|here|over)\b[^.!?]{0,30}|\s+please)?\W*(?:[#^]\w+\W*)*$"  # look: "... and I'll resend it" is a
    # step of its own; "2/2 ..." a thread's part, "#HomeNest", "^JT" its tag)
    r"|^\W*what(?:['’]s|\s+is|\s+was)\s+(?P<which>(?:your|the)\s+[^?]+?)\?\s*$", re.I)
_PARTS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+)\s*")

# What a reply asks the customer to do: "Please report it online", "Have you checked with your neighbours?",
# "Try restarting the app", "You may want to clear your cache".
_ASKS_TO = re.compile(
    r"^\W*(?:@\w+\s+)*(?:(?:hi|hey|hello)\b[^.!?]{0,20}?[,!]\s*)?(?:(?:please|kindly|pls|plz|just|also|first|"
    r"can\s+you|could\s+you|would\s+you|have\s+you(?:\s+already)?(?:\s+tried)?|did\s+you(?:\s+try)?|"
    r"you\s+(?:should|may\s+want\s+to|might\s+want\s+to|need\s+to|could|can)|make\s+sure(?:\s+you)?|"
    r"I(?:['’]d|\s+would)\s+(?:recommend|suggest)|try)\s+)+(?P<verb>[a-z]+)\b(?P<rest>[^!?]*)", re.I)
# What the customer says they did: "I've reported it online twice", "I already froze the card", "I had informed ..."
_DID = re.compile(r"\b(?:I|we)(?:['’]ve|['’]d|\s+have|\s+had)?\s+(?:(?:already|just|also|even|since|both|then|now|"
                  r"again|repeatedly|twice)\s+)*(?P<verb>[a-z]+)\b(?P<rest>.*?)(?=[.!?;]|,?\s+(?:and|but|then|so)\s+|$)", re.I)
_PAST = {"froze": "freeze", "sent": "send", "rang": "ring", "told": "tell", "gave": "give", "spoke": "speak",
         "took": "take", "wrote": "write", "paid": "pay", "brought": "bring", "made": "make", "unplugged": "unplug",
         "reset": "reset", "put": "put", "tried": "try", "called": "call", "emailed": "email", "uploaded": "upload"}
# Words that say nothing of what was asked or done ("Please try again later", "I've tried twice")
_VAGUE = frozenset("""again later now soon today first already still twice once also just please us me it this that
them they one time times few more any some way ways folder folders inbox""".split())


def _base(verb: str) -> str | None:
    """The stem of a past verb ("reported" -> "report", "froze" -> "freeze"), or None for a word that is not one."""
    verb = verb.lower()
    if verb in _PAST:
        return stem(_PAST[verb])
    return stem(verb) if verb.endswith("ed") and len(verb) > 4 else None


def _gave(customer: str, noun: re.Pattern[str] | None, kind: str | None) -> bool:
    for fact, fact_kind in fact_kinds(customer).items():
        at = customer.find(fact)
        if kind is not None:
            if fact_kind == kind and not _THEIRS.search(customer[max(0, at - 25):at]):
                return True
            continue
        if fact_kind != "token" or noun is None or not _REFERENCE.fullmatch(fact):
            continue
        before = re.sub(r"\s*[\d/-]+\s*(?:,|and|&)\s*$", "", customer[max(0, at - 40):at])  # ("orders 5521 and 5522")
        if noun.search(before) and not _ANOTHER.search(before) and not _A_TIME.match(customer[at:]):
            return True
    return False


# a reference that is not this case's: "my last order 3321", "my brother's order 8812"; a time: "reservation 1930 on Friday"
_ANOTHER = re.compile(r"\b(?:last|previous|earlier|old|other|another|first)\s+\w+\s*[:#]?\s*$|['’]s\s+\w+\s*[:#]?\s*$", re.I)
_A_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s+(?:on|at|tonight|today|tomorrow|hrs?|h)\b", re.I)
# the company's own address or number, said by the customer: "I've written to support@shopco.com", "I called you on 0800 ..."
_THEIRS = re.compile(r"\b(?:(?:called|rang|phoned|dialled|contacted)\s+(?:you\s+)?(?:on|at)?|(?:e-?mailed|written|wrote|"
                     r"messaged)\s+(?:to\s+)?(?:you\s+at\s+)?)\s*$", re.I)


def _details_given(what: str, customer: str) -> bool:
    parts = [p for p in _PARTS.split(what.strip()) if p]
    if not parts:
        return False
    for part in parts:
        if not _ONE.match(part):
            return False
        noun = re.sub(r"^(?:your|the|an?|that)\s+", "", part, flags=re.I)
        if not any(pattern.fullmatch(noun) and _gave(customer, gave, kind) for pattern, gave, kind in _DETAILS):
            return False
    return True


_PRONOUN = re.compile(r"\s*(?:it|them|this|that)\b", re.I)
_TRYING = re.compile(r"^\s*(?P<verb>[a-z]+ing)\b(?P<rest>.*)$", re.I)  # "tried restarting it": what was tried


@lru_cache(maxsize=256)  # the same message for every sentence of every check of a rewrite
def _did(customer: str) -> tuple[frozenset[str], tuple[tuple[str, frozenset[str], bool], ...]]:
    """The stems of the whole message, and what it says was done: each verb's stem, its object's stems, and whether
    the object is "it"."""
    done_acts = []
    for sentence in split_sentences(customer):
        for did in _DID.finditer(sentence.text):
            base, done = _base(did["verb"]), did["rest"]
            if base == "try" and (trying := _TRYING.match(done)):
                base, done = stem(trying["verb"]), trying["rest"]
            if base is not None:
                said = frozenset(stem(w) for w in content_words(done))
                done_acts.append((base, said, not said and bool(_PRONOUN.match(done))))  # ("I've restarted it"; not
                # "I've checked and ...")
    return frozenset(stem(w) for w in content_words(customer)), tuple(done_acts)


_WHY = re.compile(r"\s+(?:as(?=\s+(?:the|your|it|they|we|this|that|these|those|e-?mails?|our|some|sometimes)\b)|because|since|"
                  r"in\s+case|so\s+that|cos|coz)\s+", re.I)  # (not "send the receipt as a PDF")


def _done(verb: str, rest: str, customer: str) -> bool:
    asked = stem(verb)
    if asked == "try" and (trying := _TRYING.match(rest)):
        asked, rest = stem(trying["verb"]), trying["rest"]
    told, done_acts = _did(customer)
    ask, why = (_WHY.split(rest, maxsplit=1) + [""])[:2]  # ("check your spam folder as the emails sometimes end up
    for said_rest, new_words in ((rest, 1), (ask, 0) if why else (rest, 1)):  # there": the ask alone, every word of
        objects = {stem(w) for w in content_words(said_rest.replace("/", " "))} - {stem(w) for w in _VAGUE} - {asked}
        if not objects or len(objects - told) > new_words:  # it said (not "... and the post office": new words, asked
            continue  # anew; nor "send the receipt as a PDF, as we can't open photos")
        if any(base == asked and (objects & said or pronoun) for base, said, pronoun in done_acts):
            return True
    return False


@lru_cache(maxsize=4096)  # the checker and the engine ask it of the same sentences many times over
def asked_again(sentence: str, customer: str | None) -> bool:
    """``sentence`` only asks the customer for what their message already gave (a reference, an email address)
    or to do what it says they did ("I've reported it online twice" / "Please report missed collections online")."""
    text = sentence.strip()
    asks, to = _ASKS_FOR.match(text), _ASKS_TO.match(text)
    if not (asks or to) or not customer or not customer.strip():
        return False  # (most sentences ask nothing: read the message only for those that do)
    customer = without_orders(customer) or ""  # (an address in a planted order is not theirs: "send it to x@y.com")
    if asks and _details_given(asks["what"] or asks["which"], customer):
        return True
    return bool(to and not fact_kinds(text) and _done(to["verb"], to["rest"], customer))  # (not "Please call 0800 ...")


@lru_cache(maxsize=256)  # read for each candidate edit of the same reply
def solved_for_them(customer: str) -> bool:
    """The customer says the problem is gone ("Restarting does resolve the issue. Thanks."): no step is owed them.
    Not "It still hasn't fixed the problem", "That fixed it but now the screen flickers", "a plumber fixed it", nor a
    message that asks something or raises something else after it ("All sorted. One more thing: how do I ...?")."""
    if any(_QUESTION_WORD.search(s.text) for s in split_sentences(customer) if s.text.rstrip().endswith("?")):
        return False
    for m in _SOLVED.finditer(customer):
        after = customer[m.end():]
        if not _NOT_SOLVED_BEFORE.search(customer[max(0, m.start() - 30):m.start()]) and \
                not _NOT_SOLVED_AFTER.match(after[:60]) and _ONLY_THANKS.fullmatch(after):
            return True
    return False


# who fixed it: the customer, or the advice ("that", "restarting", "switching it off and on again"); not "a plumber"
_SOLVED = re.compile(
    r"\b(?:I|I['’]ve|I\s+have|we|we['’]ve|we\s+have|that|this|which|it|[\w-]+ing\b(?:\s+[\w-]+){0,5}?)\s+"
    r"(?:has\s+|have\s+|had\s+|finally\s+|now\s+|just\s+)*(?:resolved|fixed|solved|sorted)\s+"
    r"(?:it|(?:(?:the|my|our|this|that)\s+)?(?:issue|problem))\b|"
    r"\b(?:does|did)\s+(?:now\s+)?(?:resolve|fix|solve|sort)\s+(?:the|my|our|this|that|it)\b|"
    r"\b(?:it['’]s|it\s+is|all|everything(?:['’]s|\s+is)?)\s+(?:now\s+)?(?:working|sorted|fixed|resolved)\s+(?:now|again)\b|"
    r"^\W*never\s*mind\W*$|^\W*never\s*mind\s*[,.!]\s*(?:I|it|found|got|sorted|all)\b|\b(?:that|this)\s+did\s+the\s+trick\b",
    re.I)
_QUESTION_WORD = re.compile(r"\b(?:how|what|why|when|where|which|who|can|could|do|does|did|is|are|will|would|should|any)\b",
                            re.I)  # ("Looks like version 1.0.68?" asks nothing)
# what may follow the news: the rest of its sentence, then thanks or a kind word and nothing else
_ONLY_THANKS = re.compile(r"[^.!?\n]*(?:[.!?\n]+\s*(?:(?:many\s+)?(?:thanks|thank\s+you|thx|ty|cheers|ta)"
                          r"(?:\s+(?:again|so\s+much|a\s+lot|for\s+(?:the|your)\s+help))?|great|brilliant|perfect|awesome|appreciate\s+it|all\s+good|"
                          r"have\s+a\s+(?:good|great|nice)\s+(?:day|one|weekend)|[^\w\s]+)?\W*)*", re.I)
_NOT_SOLVED_BEFORE = re.compile(r"\b(?:not|never|nothing|no|can|could|would|will|please|if|still|hasnt|havent|didnt|"
                                r"doesnt|wont)\b|n['’]t\b|\?", re.I)
_NOT_SOLVED_AFTER = re.compile(r"[^.!?]*\b(?:but|however|until|though|for\s+(?:a|an|one|two|\d+)\s+\w+)\b|\s*\?", re.I)
