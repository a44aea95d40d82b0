"""Clauses of one sentence, kept with their separators so that an edit can drop or replace whole clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..._core.facts import extract_facts
from ..._core.rules import load_rules
from ..._core.text import EMOJI

__all__ = ["BY_ITSELF", "EFFORT_TO", "FINITE", "LATER_ON", "Sentence", "starts_clause", "states", "holds_step", "holds_fact",
           "capitalise", "lower_first", "finish", "complete", "this_for_it"]

_SEPARATOR = re.compile(  # captured, so that the clauses put back together give the sentence again
    r"(\s*[,;]\s+|,(?=[A-Z][a-z])|\s+[-–—]\s+|\s+[:;]-?[()DP]\s+|\s+(?=(?:but|please|pls|kindly)\s)"
    r"|\s+(?=and\s+(?:we|I|I'm|I’m|I'll|I’ll|please|let|our|you|it|they|this|that|will|we'll|we’ll|we're|we’re|we've|"
    r"we’ve)\b))"
)
_CONNECTOR = re.compile(r"^(?:but|and|so|or|though|although|however,?)\s+", re.I)
#: An effort in front of the action ("endeavour to", "try to"): a check or an aim says the action alone
#: ("endeavour to do everything possible to have it resolved": "have it resolved")
_ALL_WE_CAN = r"do\s+(?:everything|all|whatever)\s+(?:possible|(?:I|we)\s+can)\s+to\s+(?:try\s+(?:and|to)\s+)?"
EFFORT_TO = rf"(?:(?:endeavou?r|try|attempt|aim)\s+to\s+(?:{_ALL_WE_CAN})?|{_ALL_WE_CAN})"
_LEADS_IN = re.compile(r"^(?:since|because|as|if|when|once|unless|although|though|while|whereas|after|before|so\s+that)\s",
                       re.I)  # a clause that leads into the next one, which it needs
_ONLY_LEADS = re.compile(r"^(?:if|unless|because|although|though|whereas|once|when|while)\s", re.I)  # never a main clause
_MODAL_FIRST = re.compile(r"^(?:will|would|can|could|shall|should|may|might|must)\s+(?!(?:I|we|you|they|it|he|she|this|"
                          r"that|there|your|our|the)\b)", re.I)  # "will be in touch", not "will you ..."
_SUBJECT = re.compile(r"^(I|we|you|they)\b", re.I)
_END = re.compile(rf"(?:\s*(?:[.!?…]+[\"'”’)\]]*|[:;]-?[)(DP]|[{EMOJI}\uFE0F]+))+\s*$")
_OPENERS = frozenset("""i i'm i've i'll i'd we we're we've we'll we'd you you're you've you'll you'd it it's it'll
    this that these those they they're there there's here here's our your my the a an please kindly let let's feel
    don't never
    if when once what how can could would should will shall may do does did is are was were have has
    send dm call click visit reach contact check try
    follow head give reply tell drop shoot pop email message select go make use keep just someone one each every
    all any no sadly unfortunately also in for as at after before since while to thanks thank hope""".split())


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").strip("\"'“”‘(")


def starts_clause(text: str) -> bool:
    """True when ``text`` can stand as a sentence of its own: it opens with a subject, an imperative or a wh-word.

    A phrase or a subordinate clause first ("In the meantime, ...", "As soon as it lands we'll ...") needs its main
    clause after it: "in plenty of time for Sunday" and "because your GP advised it" are pieces, not sentences. So
    is a noun phrase with no verb ("a full refund on order GR-1")."""
    words = text.split()
    if len(words) < 2:
        return False
    first = _norm(words[0])
    if first in _NEEDS_MAIN:
        head, comma, rest = text.partition(",")
        after = bool(comma and (starts_clause(rest.strip()) or len(rest.split()) >= 2))
        return after or bool(_MAIN_CLAUSE.search(text, len(words[0])))
    if first in ("a", "an", "no") and not FINITE.search(text):
        return False  # "a full refund on order GR-1", "no charge": a noun phrase
    if first in _OPENERS or first.split("'")[0] in _OPENERS:
        return True
    # "Chipotle is ...": a name, then its verb
    return bool(re.match(r"^[A-Z][a-z]+$", words[0])) and \
        _norm(words[1]) in {"is", "are", "r", "was", "will", "has", "have", "can"}  # ("r": chat for "are")


_NEEDS_MAIN = frozenset("in on at by for with within until from during as after before since while to because although "
                         "though whereas unless".split())
_MAIN_CLAUSE = re.compile(r"\s(?:I|we|you|they)(?:'ll|’ll|'ve|’ve|'re|’re|'m|’m|\s+(?:will|can|have|are|am|need|must|"
                          r"would|should|could|may))\s", re.I)
#: A fault said to go away with nobody acting: "should drop off on its own", "will sort itself out"
BY_ITSELF = re.compile(r"\b(?:on\s+its\s+own|by\s+itself|resolve\s+itself|sort\s+itself\s+out|fix\s+itself|drop\s+off|"
                       r"disappear|go\s+away|clear\s+(?:itself|automatically))\b", re.I)
FINITE = re.compile(r"\b(?:is|are|was|were|will|has|have|had|can|could|would|should|may|might|must|does|did|"
                     r"\w+ed|\w+[^s\W]s)\b|['’]ll\b", re.I)


def states(text: str) -> bool:
    """``text`` can stand as a statement: a clause opener, or a subject with a finite verb ("flight NX907 landed late")."""
    words = text.split()
    return starts_clause(text) or len(words) >= 3 and _norm(words[0]) not in _NEEDS_MAIN and bool(FINITE.search(text))


def holds_step(text: str) -> bool:
    """True when ``text`` gives the customer something to do or says what the agent did or will do (a request put as
    a condition counts: "if you'll DM your account number")."""
    rule = load_rules()["no-next-step"]
    if _ASKS.search(text):
        return True
    return bool(rule.pattern("patterns").search(text)) and not rule.pattern("not_steps").search(text)


_ASKS = re.compile(r"\b(?:if\s+you(?:'ll|’ll|\s+will|\s+can|\s+could)?|please|can\s+you|could\s+you)\s+(?:dm|send|email|e-mail|"
                   r"message|call|ring|reply)\s+(?:us|me|your|with)\b", re.I)


# Where the customer can follow it themselves: "Live updates at northgrid.example/outages", "track it at https://..."
FOLLOW_LINK = re.compile(r"\b(?:updates?|status|progress|track(?:ing|\s+(?:it|them|your\s+\w+))?)\b[^.!?]{0,40}?\b(?:at|on|via|"
                         r"here)\s*:?\s+(?:https?://|www\.|[\w-]+\.(?:com|co\.uk|org|net|io|ie|example|gov\.uk)\b)", re.I)


def holds_fact(text: str) -> bool:
    return bool(extract_facts(text))


_DANGLING = frozenset("""so very really truly just am is are was were be been the a an to of for and or but with i'm
    we're you're it's that's i my our your their at in on by from as than such quite honestly""".split())


def complete(text: str) -> bool:
    """False for a stub left by a cut ("I'm so", "Honestly"): too short, or ending on a word that needs more."""
    words = re.findall(r"[\w'’]+", text)
    return len(words) >= 2 and _norm(words[-1]) not in _DANGLING


def capitalise(text: str) -> str:
    """Upper-case the first letter unless the text opens with a link, a handle or an already-cased word."""
    m = re.match(r"^([\"'“‘(]*)([a-z])", text)
    if not m or re.match(r"^[\"'“‘(]*(?:https?://|www\.|[@#]|[a-z]+[A-Z])", text):
        return text
    return text[: m.start(2)] + m.group(2).upper() + text[m.end(2):]


#: What comes after this case ("next time", "in future", "from now on"): a promise about it has no step for this one.
LATER_ON = r"\b(?:next\s+time|in\s+(?:the\s+)?future|from\s+now\s+on|going\s+forward)\b"
_SORT_IT = re.compile(r"\b(?P<verb>sort|fix|resolve)\s+it(?:\s+out)?(?=\W*$)", re.I)


def this_for_it(vp: str) -> str:
    """ "sort it" at the end of a check as "sort this out": in a check said on its own, "it" names nothing before it."""
    return _SORT_IT.sub(lambda m: f"{m['verb']} this{' out' if m['verb'].lower() == 'sort' else ''}", vp)


def lower_first(text: str) -> str:
    """Lower-case a common first word ("Please ..." -> "please ...") so the text can follow a greeting's comma."""
    m = re.match(r"^([A-Z][a-z'’]*)\b", text)
    word = m.group(1).lower() if m else ""
    if word in _ARTICLES and not re.match(r"^[A-Za-z]+\s+[a-z]", text):
        return text  # "An Post has ...", "The Hague office", "A&E": a name
    if m and m.group(1) != "I" and not m.group(1).startswith(("I'", "I’")) and \
            (word in _COMMON or re.split(r"['’]", word)[0] in _COMMON):  # "There's" as "there"
        return text[0].lower() + text[1:]
    return text


_COMMON = frozenset("""please we we're we'll we've we'd we’re we’ll we’ve we’d our you you're you'll you've
    you’re you’ll you’ve your it it's it’s this that there here thanks thank sorry can could would let let's
    let’s kindly if just what how when which unfortunately feel do did is are have has so sadly however happy glad
    good great thanks absolutely certainly of yes no ok okay sure right well actually now also as in for to with
    after before while since because all any every some once then send reply share dm give call tell contact
    message email whenever drop pop ping visit click tap the a an these those
    refunds returns items orders exchanges replacements deliveries cancellations bookings payments fees charges claims
    credits vouchers repairs appointments tickets parcels compensation faulty standard express early late goodwill
    responses replies see someone somebody something nothing nobody everyone everybody everything anyone anything
    my""".split())


_ARTICLES = frozenset("the a an these those".split())


def finish(text: str, end: str = ".") -> str:
    """``text`` ending in sentence punctuation (``end`` added when it has none)."""
    text = text.rstrip(" ,;:-–—")
    return text if _END.search(text) else text + end


@dataclass
class Sentence:
    """A sentence as clauses and separators: ``parts`` alternates clause, separator, clause ...; ``end`` its mark."""

    parts: list[str]
    end: str

    @classmethod
    def of(cls, text: str) -> "Sentence":
        m = _END.search(text)
        body, end = (text[: m.start()], text[m.start():]) if m else (text, "")
        bare = re.sub(r"[:;]-?[()DP]", "", body)
        if bare.count('"') % 2 or bare.count("(") != bare.count(")"):
            return cls([body], end)  # quotes or brackets across clauses: do not split
        parts = _SEPARATOR.split(body)
        while len(parts) > 2 and not parts[0].strip():  # ", That's not good ...": a stray lead separator
            parts = parts[2:]
        return cls(parts, end)

    @property
    def clauses(self) -> list[str]:
        return self.parts[0::2]

    def find(self, needle: str) -> int | None:
        """The index of the clause that holds ``needle`` (case-insensitive), or None."""
        needle = needle.lower()
        for i, clause in enumerate(self.clauses):
            if needle in clause.lower():
                return i
        joined = self.text().lower()
        at = joined.find(needle)
        if at < 0:
            return None
        pos = 0
        for i, part in enumerate(self.parts):
            pos += len(part)
            if at < pos:
                return i // 2
        return None

    def text(self) -> str:
        return "".join(self.parts) + self.end

    def without(self, index: int) -> str | None:
        """The sentence less clause ``index``: '' when nothing is left, None when the rest cannot stand alone."""
        clauses = self.clauses
        if len(clauses) == 1:
            return ""
        parts = list(self.parts)
        if index == 0:
            del parts[0:2]
        elif index + 1 < len(clauses) and len(clauses[index - 1].split()) <= 2 and parts[2 * index - 1].strip() == ",":
            del parts[2 * index: 2 * index + 2]  # "Katie, [gone] — there's no excuse": "Katie, there's ...", not "Katie —"
        else:
            del parts[2 * index - 1: 2 * index + 1]
        lead = clauses[index - 1].strip() if index > 0 else ""
        if _LEADS_IN.match(lead) and (not starts_clause(lead) or _ONLY_LEADS.match(lead) and len(FINITE.findall(lead)) < 2):
            # "No problem — since you kept the box, [you'll get a full refund]": the clause that led into it goes too
            return Sentence(parts, self.end).without(index - 1)
        rest = "".join(parts).strip()
        modal = _MODAL_FIRST.match(_CONNECTOR.sub("", rest)) if index == 0 and _CONNECTOR.match(rest) else None
        subject = _SUBJECT.match(clauses[0].strip())
        if modal and subject:  # "[I will do everything I can] and will be in touch": "I will be in touch", not "Will be ..."
            rest = f"{subject.group(1)} {_CONNECTOR.sub('', rest)}"
        if rest and not complete(rest):
            return None
        if rest and any(len(clause.split()) < 2 for clause in Sentence.of(rest).clauses[1:]):
            return None  # "...; frankly, [gone] and I am ...": a lone "frankly" is left between the cuts
        left = Sentence.of(rest).clauses if rest else []
        if index > 0 and len(left) > 1 and len(left[0].split()) < 2:  # "Honestly, between us, [gone] and I don't ..."
            asides = 1
            while asides < len(left) - 1 and len(left[asides].split()) <= 3 and not starts_clause(left[asides]):
                asides += 1
            tail = _CONNECTOR.sub("", rest[rest.find(left[asides]):]) if left[asides] in rest else ""
            if tail != rest[rest.find(left[asides]):] and starts_clause(tail):  # the cut left "and" after the asides
                return capitalise(tail).rstrip(" ,;:-–—") + self.end
        if index == 0:
            rest = _CONNECTOR.sub("", rest)
            if not starts_clause(rest):
                return None
            rest = capitalise(rest)
        elif not rest:
            return ""
        return rest.rstrip(" ,;:-–—") + self.end

    def replace(self, index: int, clause: str) -> str:
        parts = list(self.parts)
        parts[2 * index] = clause
        return "".join(parts) + self.end
