"""Broken promises: each becomes the agent's own action with its facts kept, or the policy line that covers it.

"We'll definitely sort it." -> "Let me check whether we can sort it, and I'll update you."; a deadline the customer
never asked about is when the agent updates them, not a date said back as unconfirmed (blind reviewers read that as a
date from nowhere): "I'll definitely have this fixed by Friday 14 June." -> "I'm checking whether we can have this
fixed, and I'll update you by Friday 14 June."; beside a policy line: "I'm checking on your full refund and will update
you by Thursday". A deadline the customer asked about ("I need it by Friday") is said as not confirmed: "I can't confirm
yet that we can have this fixed by Friday 14 June, but I'll check where it stands and update you." A contact the
company makes itself keeps its sentence and loses only the rush ("Team X will reach out asap to get this resolved" ->
"Team X will reach out to get this resolved").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..._core.facts import CURRENCY, extract_facts, fact_kinds
from ..._core.policy import (
    BY_A_DAY,
    EXCEPTION,
    GRANT_MADE,
    GRANT_OFFERED,
    HOLDS_BACK,
    WAIVES_PROOF,
    Policy,
    approver,
    as_ours,
    duration_hours,
    for_agents,
    other_remedy,
    pays_back,
    refunds,
    sums,
)
from ..._core.rules import load_rules
from ..._core.text import EMOJI, EMOJI_GLUE, content_words, stem
from .clauses import (
    BY_ITSELF,
    EFFORT_TO,
    FINITE,
    LATER_ON,
    Sentence,
    capitalise,
    complete,
    finish,
    holds_fact,
    holds_step,
    lower_first,
    starts_clause,
    states,
    this_for_it,
)
from .deadlines import ARRIVAL, PEOPLE, asked_for, checking_on, update_instead, update_time

__all__ = ["what_is_checked", "checks_in_order", "first_check_in_full", "CHECKED", "fix_promise", "same_topic", "is_check",
           "also_checks", "exception_instead", "only_backs", "policy_on", "said_policy", "not_confirmed"]

_FUTURE = re.compile(r"(?:(?:^|\s+)(?:will|should|is\s+going\s+to|are\s+going\s+to|am\s+going\s+to|gonna)"
                     r"|(?:'ll|’ll|\s+'re\s+going\s+to|’re\s+going\s+to|'re\s+going\s+to))\s+", re.I)
_EXPLICIT = re.compile(
    r"^(?:(?:please\s+know|know\s+that|and)\s+)?(?:(?:I|we)(?:\s+can|\s+will|['’]ll)?\s+(?:personally\s+|absolutely\s+|fully\s+)?(?:promise|guarantee)|promise|you\s+have\s+my\s+word)(?:\s+(?:you|that)(?![\w'’]))*[\s,]*",
    re.I,
)
_IS_BY = re.compile(r"^(?P<subj>(?:the|your|an?)\s+(?:[^,;]|(?<=\d),(?=\d)){1,40}?)\s+(?:is|are)\s+"  # ("the full £1,450")
                    r"(?P<rest>[^,;]*?\b(?:by|before|within)\s+"
                    r"(?:tomorrow|today|tonight|the\s+end|end\s+of|noon|midday|next|this|\d+|(?:mon|tues|wednes|thurs|fri|satur|"
                    r"sun)day)\b(?![^,;]*\bof\s+(?:purchase|delivery|the\s+date|receipt)\b).*)$", re.I)
_GUARANTEED = re.compile(r",?\s*(?:guaranteed(?:\s+in\s+writing)?|you\s+have\s+(?:my|our)\s+word|no\s+matter\s+what|"
                         r"no\s+(?:bother|dramas?|worries|probs?)(?:\s+at\s+all)?(?=\W*$)|"
                         r"(?:so\s+)?(?:don['’]?t|do\s+not)\s+worry(?:\s+(?:they|it|we)\s+always\s+(?:do|does))?(?=\W*$)|"
                         r"(?<=,\s)(?:I\s+)?promise)\b"
                         r"|,?\s+(?:I\s+|we\s+)?(?:promise|swear)(?=\W*$)", re.I)  # "... asap I promise", "📦 promise!!"
_TO_STAFF = re.compile(r"\s*(?:agents?|staff|advis[eo]rs?|colleagues|front[-\s]desk\s+staff)\b", re.I)  # ("Agents may not ...":
# a line the reply never says)
# a second outcome said as settled: "... will be issued tomorrow and that completion on 29 Nov. is guaranteed", checked
# with the first ("whether your offer can be issued and completion on 29 Nov. is confirmed")
_AND_SURE = re.compile(r"\s+and\s+(?:that\s+)?(?P<s>[^,;]+?)\s+(?:is|are)\s+(?:fully\s+|100%\s+|absolutely\s+|also\s+)?"
                       r"guaranteed\b", re.I)


def _unvouched(clause: str) -> str:
    """``clause`` without its "guaranteed", "you have my word" ..., a second outcome said as guaranteed checked with
    the first ("... and completion on 29 Nov. is confirmed")."""
    return _GUARANTEED.sub("", _AND_SURE.sub(r" and \g<s> is confirmed", clause))


_NEVER_AGAIN = load_rules()["broken-promise"].pattern("never_again")  # the rulebook's own "never again" forms
_CERTAINTY = re.compile(r",?\s*\b(?:definitely|certainly|absolutely|surely|def|defo|deffo|for\s+(?:sure|certain)|without\s+fail|"
                        r"positively(?=\W*$)|without\s+a\s+doubt|"
                        r"no\s+matter\s+what|one\s+way\s+or\s+(?:another|the\s+other)|no\s+questions?\s+asked|no\s+question(?:\s+about\s+it)?|every\s+(?:single\s+)?"
                        r"(?:penny|cent|pound|dollar)(?:\s+of(?=\s+(?:the|your)\b))?)\b|"
                        r",?\s*\b100\s?%(?!\s+of\b)", re.I)  # (not "100% of your ticket")
_RUSH = re.compile(r",?\s*\b(?:right\s+away|straight\s+away|immediately|instantly|asap|as\s+soon\s+as\s+possible|"
                   r"in\s+no\s+time|within\s+the\s+hour|today|tonight|first\s+thing|shortly|soon|quickly|"
                   r"right\s+now|in\s+a\s+(?:moment|few\s+minutes))\b", re.I)
_DONE = re.compile(r"(?P<lets>\blet['’]s\s+get\s+(?:this|it|that)\s+(?:fixed|sorted|resolved)(?:\s+out)?)"
                   r"|(?P<done>\bconsider\s+it\s+done\b)"
                   r"|\b(?P<sort>(?P<who>I|we)(?:'ll|’ll|\s+will)\s+(?:get|have)\s+(?:this|it|that|things|everything)\s+"
                   r"(?:sorted|fixed|resolved|straightened)(?:\s+out)?)", re.I)
_AND_MODAL = re.compile(r"^,?\s+and\s+(?P<rest>(?:will|shall|should)\s+[^.!?]+)", re.I)
_AND_PROMISE = re.compile(r",?\s+(?:and|so(?=\s+you\b))\s+(?=(?:you|we|I|it|they|(?!(?:then|also|so|still|this|that|"
                          r"there)\b)[a-z]+(?=\s+(?:will|shall)\b)|(?:the|your|our|any|such\s+an?|no(?:\s+such|\s+further)?)\s+"
                          r"(?:(?!\b(?:is|are|was|were|has|have|had|can|could|would|must|may)\b)[^,.;:!?]|(?<=\d)[.,](?=\d))"
                          r"{1,40}?)\s*(?:will|'ll|’ll|shall)\b)", re.I)
_OUTCOME_LEFT = re.compile(r"^(?:,?\s*(?:(?:as\s+)?good\s+as\s+new|like\s+new|once\s+and\s+for\s+all|for\s+good|in\s+no\s+time|"
                           r"right\s+away|straight\s+away|immediately|asap|today|tonight|tomorrow|in\s+a\s+jiffy))+\b", re.I)
_ENJOYING = re.compile(r"^\W*(?:(?:and|so)\s+)?you\s*(?:will|['’]ll)\s+(?:\w+ly\s+)?(?:be\s+(?:cooking|enjoying|using|driving|"
                       r"watching|streaming|gaming|travel(?:l)?ing|flying|sleeping|showering|moving\s+in|settled\s+in)|"
                       r"be\s+able\s+to\s+(?:use|drive|watch|cook|stream|play|shower|move\s+in))\b", re.I)
_FREE = re.compile(r"\b(?:at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|free\s+of\s+charge|for\s+free)\b", re.I)
_DONE_AS = {"lets": "let's look into this", "done": "I'm looking into it", "sort": "{who}'ll look into this"}
_NEXT_TIME = re.compile(r"^(?:(?:and|so|but)\s+)?(?:(?:your|our|the)\s+next\s+(?!step|update|available|bill|invoice|"
                        r"statement|payment|instal|renewal|direct\s+debit)\w+|"
                        r"(?:all\s+|any\s+)?future\s+\w+|(?:from\s+now\s+on|next\s+time|in\s+(?:the\s+)?future)\b)", re.I)
_LATER_ON = re.compile(LATER_ON + r"\W*$", re.I)  # "we'll do better next time 😊"
_MUST_NOT = re.compile(r"\b(?:must\s+not|mustn['’]t|must\s+never|may\s+not|cannot|can['’]t|never|do\s+not|don['’]t)\b",
                       re.I)
_WHEN_WORDS = re.compile(r"\b(?:times?|dates?|timescales?|timelines?|deadlines?|when)\b", re.I)  # (a time becomes an update)
_MAKE_SURE = re.compile(r"^(?:make\s+sure|ensure)\s+(?:that\s+)?", re.I)
_PRONOUN = re.compile(r"(?:^|\s)(I|we|you|it|they|he|she|this|that|everything|someone)\s*$", re.I)
_NOUN_PHRASE = re.compile(r"(?:^|\s)((?:claim|order|ticket|account|booking|case|invoice|policy|parcel)\s+"
                          r"(?:no\.?\s+|number\s+|#)?[\w-]*\d[\w-]*|(?:[Tt]he|[Yy]our|[Oo]ur|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Tt]eam|"
                          r"[Ee]verything|[Aa]ll)"
                          r"(?:\s+(?:[^\s,;]|,(?=\d))+){0,7}|(?:(?:Full|Partial)\s+[a-z]+|[A-Z][a-z]+)\s+of\s+(?:\w+\s+){0,3}\w+|[A-Z][\w@-]*(?:\s+@?\w+)?"
                          r"|(?i:services?|access|power|internet|lines?|systems?|servers?|connections?|broadband|wi-?fi|signal|coverage|water|heating|electricity|supply|gas)"
                          r"(?i:\s+(?:in|on|at|for)\s+(?:ur|your|the|our)\s+\w+)?)\s*$")  # ("signal in ur area")
_AGENT = re.compile(r"^(?:I|we|team\b.*|our\s+(?:team|agents?|specialists?|staff|engineers?)\b.*|someone|a\s+member\b.*|"
                    r"the\s+(?:next\s+available\s+)?(?:agent|team|specialist|representative|rep)\b.*|an?\s+(?:agent|"
                    r"specialist|representative|engineer|technician)\b.*)$", re.I)
_CONTACT = re.compile(r"^(?:reach\s+out|contact|call|email|e-mail|message|dm|be\s+in\s+touch|get\s+in\s+touch|"
                      r"get\s+back|follow\s+up|be\s+with\s+you|respond|reply|look|check|update|connect)\b", re.I)
_CONDITION = re.compile(r"^(?:if|when|once|as\s+soon\s+as|after|following|by|before|from|in|on|within|as\s+an?)\b", re.I)
_IF = re.compile(r"^(?:if|unless|once|when|whenever|in\s+case|provided|as\s+long\s+as)\b", re.I)
_DISCOURSE = re.compile(r"^(?:however|also|so|and|but|anyway|then|now|ugh|oh\s+no|oh|wow|well|ok|okay|right|"
                        r"(?:good|great|fantastic|brilliant)\s+news|"
                        r"don['’]?t\s+worry|not\s+to\s+worry(?:\s+though)?|no\s+worries|(?:trust|believe)\s+me|mark\s+my\s+words|take\s+it\s+from\s+me|"
                        r"take\s+my\s+word\s+for\s+it|(?:just\s+|but\s+)?for\s+you|"
                        r"as\s+a\s+(?:one-off|favour|favor|special\s+case))\b[\s,!:–—-]*", re.I)
CHECKED = "(a check was said)"  # the marker in ``used``: a second check reads "I'll also check whether ..."
_CHECKS = (
    "Let me check whether {s} can {vp}, and I'll update you.",
    "I'm checking whether {s} can {vp}, and I'll let you know what I find.",
    "Let me find out whether {s} can {vp}, and I'll get back to you.",
)
# The same checks, read back: where one starts, and what it checks ("{s} can {vp}")
_CHECK_START = re.compile(r"^(?:(?:Let me (?:check|find out)|I'm checking) whether|I can't confirm yet that|"
                          r"I'll check (?:how that applies to|what that means for)|I'm checking how that applies to|"
                          r"(?:I'm checking|I'll check) (?:on|where))\b")
# a check, but of nothing said before it (or of the arrival of what the sentence before sent)
_LOOKS_INTO = re.compile(r"^(?:(?:I'm looking|I'll look) into this|"
                         r"(?:I'm checking|I'll check) on the (?:delivery|payment)) and\b")
_CHECK_LINE = re.compile(r"^(?:Let me (?:check|find out)|I'm checking) whether (?P<what>.+?), and I'll "
                         r"(?:update you|let you know what I find|get back to you)\.$")


def _also(what: str) -> str:
    """A check after the reply's first: "I'll also check whether ..." (and no "as well" on top)."""
    return "I'll also check whether {}.".format(re.sub(r"(?:,?\s+(?:as\s+well|too|also))+$", "", what, flags=re.I))


def is_check(sentence: str) -> bool:
    """``sentence`` opens like one of this module's checks ("Let me check whether ...")."""
    return _CHECK_START.match(sentence) is not None or looks_into_this(sentence)


def looks_into_this(sentence: str) -> bool:
    """ "I'll look into this and update you tomorrow": a check of nothing named (after another check, nothing new)."""
    return _LOOKS_INTO.match(sentence) is not None


def what_is_checked(sentence: str) -> str:
    """What a check of this module's checks ("Let me check whether X ...", "I'll also check whether X.") asks about,
    from X on; any other sentence as it is."""
    m = _CHECK_START.match(sentence) or re.match(r"^I'll also check whether\b", sentence)
    return sentence[m.end():].lstrip() if m else sentence


def also_checks(way: list[str], checked: bool) -> list[str]:
    """``way`` with every check after the reply's first (``checked``: one was already said) as "I'll also check"."""
    out = []
    for sentence in way:
        m = _CHECK_LINE.match(sentence)
        if m and checked:
            sentence = _also(m["what"])
        checked = checked or m is not None
        out.append(sentence)
    return out


_ALSO_LINE = re.compile(r"^I'll also check whether (?P<what>.+)\.$")


_FULL_CHECK = re.compile(r"^(?:Let me (?:check|find out)|I'm checking) whether (?P<what>.+?)(?:, and I'll|; I'll) "
                         r"(?P<rest>update you\b.*?|let you know what I find|get back to you)\.$")
_SAME_AGAIN = re.compile(r"^I'll also check whether (?:it|this|that) can (?:be done|be sorted(?: out)?|be fixed|be resolved|"
                         r"happen|be completed), and update you (?P<when>.+)\.$"
                         # "... replace the whole sofa, and I'll update you. I'll look into this and update you by Friday."
                         r"|^(?:I'm looking into this and will|I'll look into this and|"
                         r"I'm checking on the (?:delivery|payment) and will|I'll check on the (?:delivery|payment) and) "
                         r"update you (?P<by>.+)\.$")


def first_check_in_full(texts: list[str]) -> list[str]:
    """``texts`` (the whole reply's sentences in order) with an "I also can't confirm yet that ..." that no check comes
    before said in full: the "also" was for a check the edits made later in the reply."""
    out = list(texts)
    first = next((i for i, t in enumerate(out) if is_check(t) or _ALSO_LINE.match(t) or _ALSO_NOT_YET.match(t)), None)
    again = _ALSO_LINE.match(out[first]) if first is not None else None
    if again and not any(_CHECK_LINE.match(t) for t in out[first + 1:]):
        # the check the "also" followed was cut later ("it'll be fixed in the next update"): this one is the first
        what, when = re.match(r"^(.*?)(?:,? and (update you\b.*))?$", again["what"]).groups()
        out[first] = f"Let me check whether {what}, and I'll {when or 'update you'}."
    also = _ALSO_NOT_YET.match(out[first]) if first is not None else None
    for at, text in enumerate(out):  # "... the points sorted, and I'll let you know what I find. I'll also check whether
        same = _SAME_AGAIN.match(text)  # it can be done, and update you by end of today.": one check, with its time
        before = next((i for i in range(at - 1, -1, -1) if _CHECK_LINE.match(out[i])), None) if same else None
        if before is not None and before == at - 1:
            line = _CHECK_LINE.match(out[before])
            out[before] = f"{out[before][: line.end('what')]}, and I'll update you {same['when'] or same['by']}."
            out[at] = ""
    if also:
        out[first] = _NOT_YET[1].format(s=also["s"], vp=also["vp"])
        full = next((i for i in range(first + 1, len(out)) if _NOT_YET_FULL.match(out[i])), None)
        if full is not None:  # ... and the full one after it is the "also"
            m = _NOT_YET_FULL.match(out[full])
            out[full] = _NOT_YET_ALSO.format(s=m["s"], vp=m["vp"])
    full = [i for i, t in enumerate(out) if _FULL_CHECK.match(t)]
    for i in full[1:]:  # "Let me check whether A, and I'll update you. Let me check whether B; I'll update you within
        m = _FULL_CHECK.match(out[i])  # the hour.": the second is "I'll also check whether B, and update you ..."
        out[i] = f"I'll also check whether {m['what']}, and {m['rest']}."
    for at in range(1, len(out)):  # "Let me check whether A, and I'll update you. I'll also check whether B, and update
        line, more = _FULL_CHECK.match(out[at - 1]), _ALSO_LINE.match(out[at])  # you today.": one check of both
        if not (line and more) or len(out[at - 1].split()) + len(out[at].split()) > 40:
            continue
        what, when = re.match(r"^(.*?)(?:,? and (update you\b.*))?$", more["what"]).groups()
        timed = [said for said in (line["rest"], when) if said and said.startswith("update you ")]
        if len(timed) < 2:  # (two times stay two sentences)
            rest = timed[0] if timed else line["rest"]
            arrival = re.fullmatch(r"(?P<s>(?:the|your|our)\s+[\w -]{1,30}?)\s+can\s+arrive", what)
            joined = "" if _ARRIVES.fullmatch(what) or what.lower() in line["what"].lower() else \
                f" and when {arrival['s']} will arrive" if arrival else \
                f" and whether {what}"  # ("... a new pair sorted and whether they can be with you": the arrival is part
            # of the first check; "... and whether your permit can arrive": when it will)
            out[at - 1], out[at] = f"{out[at - 1][: line.end('what')]}{joined}, and I'll {rest}.", ""
    return out


_ARRIVES = re.compile(r"(?:it|they|you)\s+can\s+(?:be\s+with\s+you|arrive|reach\s+you|have\s+(?:it|them))", re.I)


def checks_in_order(texts: list[str]) -> list[str]:
    """``texts`` (a reply's sentences in order) with the full check first and "I'll also check" after it: edits
    fix a sentence's promises in the checker's order, which need not be the order they are read in. A check of
    nothing named ("I'll look into this and update you") goes where another check names what it checks."""
    out = [_CHECKED_TWICE.sub(r"\1 and whether ", t) for t in texts]  # (two clauses of one sentence, fixed apart)
    if any(is_check(t) and not looks_into_this(t) for t in out):  # (one that holds the draft's time stays)
        out = [t for t in out if not looks_into_this(t) or extract_facts(t)]
    first = next((i for i, t in enumerate(out) if is_check(t) or _ALSO_LINE.match(t)), None)
    if first is None or not _ALSO_LINE.match(out[first]):
        return out
    full = next((i for i in range(first + 1, len(out)) if _CHECK_LINE.match(out[i])), None)
    if full is None:
        return out
    also, line = _ALSO_LINE.match(out[first])["what"], _CHECK_LINE.match(out[full])
    also, when = re.match(r"^(.*?)(?:,? and (update you\b.*))?$", also).groups()  # ("..., and update you by Friday")
    out[first] = out[full][: line.start("what")] + also + (f", and I'll {when}." if when else out[full][line.end("what"):])
    out[full] = _also(line["what"])
    return out


# "Let me check whether we can get you a new top, let me check whether it gets there by Saturday": one check of both
_CHECKED_TWICE = re.compile(r"^((?:Let\s+me\s+(?:check|find\s+out)|I['’]m\s+checking|I['’]ll\s+(?:also\s+)?(?:check|find\s+out))"
                            r"\s+whether\s+[^,;.!?]+),\s+"
                            r"(?:let\s+me\s+(?:check|find\s+out)|I['’]m\s+checking)\s+whether\s+")
_SHARED = re.compile(r"\b(?:shared|passed|forwarded|raised|escalated|reported|fed\s+back)\b(?:\s+(?:this|it|them))?"
                     r"(?:\s+on)?\s+(?:with|to)\b", re.I)
_LEARN = (
    "I'll pass this on to the team so they can look at what went wrong.",
    "I'll share this with the team so they can look into what went wrong.",
)
# A never-again promise about a failure ("this will never happen again", "won't be late again"), not a treatment
_FAILED_BEFORE = re.compile(r"\b(?:again|happen\w*|recur|reoccur|repeated|a\s+second\s+time|twice)\b", re.I)
_BACK_IN = re.compile(r"\bback\s+(?:in|into|on|to)\s+your\s+(?:account|card|bank|wallet)\b"
                      rf"|\b(?:money|refund|it|[{CURRENCY}]\s?\d[\d,.]*)(?:['’]ll|\s+will|\s+should)\s+be\s+(?:in|on)\s+your\s+"
                      r"(?:bank\s+)?(?:account|card)\b",
                      re.I)  # money returned: a refund
_IGNORE = frozenset("within business working days day hours issued available".split())


# Words for the same money back: "Approved reimbursements are paid ..." covers "we'll refund the £140"
_SAME = {stem(w): stem("refund") for w in ("reimbursement", "reimburse", "reimbursed", "repayment", "repay", "refunded")}
# The head of a policy line's subject, the word before its verb: "Cooling-off *refunds* are issued ...", "Returns:
# *refunds* are issued ..."
_HEAD = re.compile(r"^\W*(?:[\w'’ -]{1,30}:\s+)?(?:[\w'’-]+\s+){0,4}?(?P<head>[\w-]+)\s+"
                   r"(?:are|is|will|may|can|must|should|ship|take|takes|get|need|go)\b", re.I)


def _topic(text: str) -> list[str]:
    return [_SAME.get(w, w) for w in map(stem, content_words(text, _IGNORE))]


def same_topic(line: str, text: str, *, subject: bool = False) -> bool:
    """True when ``text`` is about what the policy ``line`` covers: most of its topic words appear (or, with
    ``subject``, the word it is about: "Cooling-off refunds are issued ..." covers a promised refund)."""
    words = _topic(line)
    topic = set(words)
    said = set(_topic(text)) | ({stem("refund")} if pays_back(text) or _BACK_IN.search(text) else set())
    shared = topic & said
    money = bool(sums(line)) and bool(sums(text))  # "credit £25" against a £10 cap
    head = _HEAD.match(line)
    about = {words[0], *_topic(head["head"])} if head and words else set(words[:1])
    done = re.search(r"\b(?:are|is)\s+(\w+ed)(?:\s+or\s+(\w+ed))?\b", line)  # "Cancellations ... are refunded minus the
    about |= set(_topic(" ".join(filter(None, done.groups())))) if done else set()  # deposit", "are replaced or refunded"
    return bool(shared) and (len(shared) >= 2 or len(shared) / len(topic) >= 0.5 or subject and bool(about & shared)
                             or money)


def _shares_a_word(line: str, text: str) -> bool:
    return bool({stem(w) for w in content_words(line, _IGNORE)} & {stem(w) for w in content_words(text, _IGNORE)})


_GOING = re.compile(r"\b(?P<who>it|this|that|they|(?:your|the|ur)\s+\w+)(?:['’]?s|\s+is|['’]re|\s+are)\s+"
                    r"(?P<sure>(?:\w+ly|defo|def|deffo|100%)\s+)?going\s+(?=(?:in|into|out|back|through|on)\b)", re.I)
# a guarantee of a thing, not of a clause: "We guarantee a full refund ...", "I guarantee your line live by Monday"
_GUARANTEE_THING = re.compile(r"(?:^|(?<=\s))(?:I|we)\s+(?:can\s+)?(?:personally\s+|absolutely\s+)?guarantee\s+(?:you\s+)?"
                              r"(?=(?:a|an|the|your)\s)", re.I)
# what no check can reach: "your satisfaction", "the quality of every repair", "the lowest price in town"
_ABSTRACT = re.compile(r"(?:your|the|our|a|an)\s+(?:\w+\s+)?(?:satisfaction|privacy|quality|safety|security|happiness|"
                       r"peace\s+of\s+mind|best|lowest|cheapest|highest|price|prices|service|standards?|experience|comfort|welcome)\b",
                       re.I)
_FINITE = re.compile(r"\b(?:will|would|shall|is|are|was|were|can|could|has|have|had|should|must)\b|['’](?:ll|s|re|ve|d)\b",
                     re.I)
_GUARANTEED_A = re.compile(r"\b(you)(?:\s+are|['’]re|\s+will\s+be|['’]ll\s+be)\s+(?:(?!not\b|never\b)\w+\s+)?guaranteed\s+"
                           r"(?=(?:a|an|the|your|full|every)\b)", re.I)
# "Kindly note that your refund of Rs. 649 is guaranteed": an outcome said as certain, with the lead that tells it
_NOTE_THAT = r"(?:(?:kindly|please)\s+note\s+(?:that\s+)?|(?:rest|be)\s+assured\s+(?:that\s+)?)?"
_SURE_ALONE = re.compile(_NOTE_THAT + r"(?P<s>(?:your|the|a\s+full)\s+.+?)\s+(?:is|are)\s+(?:fully\s+|100%\s+|absolutely\s+)?"
                         r"guaranteed", re.I)
_SURE_TO = re.compile(r"(?<=\w)(?:\s+(?:is|are)\s+|['’]s\s+|['’]re\s+)(?:(?:absolutely|completely|100%)\s+)?"
                      r"(?:guaranteed|certain|sure|bound)\s+to\s+", re.I)


# What a writer says to vouch for what follows: "Please be assured that", "I am pleased to confirm that", "It is our
# intention that" (one list for both patterns below)
_VOUCHES = (r"(?:please\s+|kindly\s+)?(?:be\s+rest|be|rest)\s+assured|you\s+(?:may|can)\s+rest\s+assured|"  # ("Kindly be rest
            # assured your plan will ...", as it is typed)
            r"(?:I|we)\s+(?:can\s+)?(?:personally\s+|absolutely\s+|fully\s+)?(?:promise|guarantee)(?:\s+you\b)?|"
            r"(?:I|we)\s+can\s+(?:assure|confirm|tell)(?:\s+you\b)?|it\s+is\s+our\s+(?:intention|aim|expectation)|(?:I|we)\s+(?:hereby\s+)?confirm|"
            r"(?:I|we)(?:\s+am|\s+are|['’]m|['’]re)\s+(?:pleased|happy|glad|delighted)\s+to\s+(?:confirm|say|tell\s+you|"
            r"let\s+you\s+know|advise(?:\s+you)?|inform\s+you)|"
            # a letter's lead-in: "We wish to inform you that ...", "Kindly note that ..."
            r"(?:I|we)\s+(?:wish|would\s+like|want)\s+to\s+(?:inform|advise|assure)\s+you|(?:kindly|please)\s+note")
_CONFIRM_THAT = re.compile(rf"(?:{_VOUCHES})\s+that\s+(?=\w)", re.I)
# Comfort tacked on a promise: "dont worry :)", "no worries 🙂"
_COMFORT = r"(?:(?:don['’]?t|do\s+not)\s+(?:you\s+)?worry|no\s+worries|no\s+stress|" \
    r"no\s+need\s+(?:to|2)\s+(?:worry|stress|panic))(?:\s*(?::-?\)|;-?\)|:D|🙂|😊))?"
_THANKS_WORD = r"(?:thx|thanks|thank\s+you|ty)"  # how a reply says thanks, in full or in chat
_THANKS_LAST = re.compile(rf"[\s,]+{_THANKS_WORD}\s+(?:so\s+much\s+)?(?:for\s+(?:ur|your|the)\s+(?:patience|"
                          r"understanding|patience\s+and\s+understanding)|in\s+advance)\W*$", re.I)
_COMFORT_LAST = re.compile(rf"[\s,]+{_COMFORT}\W*$", re.I)
_NO_BOTHER = re.compile(r",?\s*\b(?:no\s+problem(?:\s+at\s+all)?|no\s+worries|no\s+bother|no\s+stress|not\s+a\s+problem)\b", re.I)
# A tag that only backs the promise before it, and goes with it: "..., that's a given.", ". I'm positive.", " - mark my
# words!" (not "I'm sure you'll understand": that says more)
_WELL_AHEAD = re.compile(r"^\s*,\s*(?:well|just|comfortably|long|easily)\s+(?P<when>(?:before|ahead\s+of|in\s+time\s+for)\s+"
                         r"[^,.;!?]+)", re.I)
_BACKING = re.compile(r"^\s*(?:[,;:]|\s[-–—]|[.!]+)?\s*(?:that['’]s\s+a\s+given|(?:that['’]s\s+)?guaranteed|"
                      r"I['’]m\s+(?:positive|certain|sure)(?:\s+of\s+(?:it|that))?|(?:you\s+can\s+)?(?:count|bank|rely)\s+on\s+"
                      r"(?:it|that|us|me)|(?:trust|believe)\s+me|mark\s+my\s+words|take\s+my\s+word\s+for\s+it|"
                      r"no\s+doubt(?:\s+about\s+it)?|no\s+two\s+ways\s+about\s+it|you\s+have\s+my\s+word|no\s+ifs,?\s+(?:or|no)\s+buts|"
                      r"(?:I|we)\s+(?:can\s+)?(?:guarantee|promise)\s+(?:it|that|you\s+that)|"
                      r"(?:I|we)(?:['’]ll|\s+will|['’]ve|\s+have)\s+(?:personally\s+)?(?:make|made)\s+sure\s+of\s+(?:it|that)|"
                      rf"(?:so\s+)?{_COMFORT}|"
                      r"(?:both|this|that|it|these|all)(?:\s+(?:are|is|has\s+been|have\s+been)|['’]s)\s+(?:now\s+|already\s+)?(?:confirmed|done|sorted|processed|applied|approved))(?=\s*(?:[.!…,;]|$))",
                      re.I)  # ("Both are confirmed." after the grants went)


def only_backs(sentence: str) -> bool:
    """ "I'm positive." / "Count on it!": a sentence that only backs the one before it."""
    backing = _BACKING.match(sentence)
    return backing is not None and not re.search(r"\w", sentence[backing.end():])


_SURE_WE_CAN = re.compile(r"\b(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+(?:sure|certain|confident)\s+(?:that\s+)?"
                          r"(?P<who>we|I)(?:\s+can|\s+could|\s+will\s+be\s+able\s+to|(?:'ll|’ll)\s+be\s+able\s+to)(?=\s)",
                          re.I)
_SURE_WE_WILL = re.compile(r"\b(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+(?:sure|certain|confident)\s+(?:that\s+)?"
                           r"(?P<who>we|I)(?:'ll|’ll|\s+will)(?=\s+(?!be\s+able\b))", re.I)  # "I'm sure we'll sort it"
_SURE_IT_WILL = re.compile(r"\W*(?:I|we)(?:'m|’m|\s+am|'re|’re|\s+are)\s+(?:sure|certain|confident)\s+(?:that\s+)?"
                           r"(?=(?:it|they|this|that|he|she|(?:your|the)\s+[\w-]+)(?:\s+will|['’]ll)\s+(?:(?:come|go)\s+through|"
                           r"arrive|be\s+(?:back|with\s+you|in\s+your|refunded|credited|paid|there|here)\b))", re.I)
# a hoped outcome: "it'll all be fine", "the results will be good news"
_HOPED = r"fine|ok|okay|alright|all\s+right|good(?:\s+news)?"
_VERDICT_HOPED = re.compile(rf"(?:definitely\s+|surely\s+|certainly\s+|all\s+)?be\s+(?:{_HOPED}|positive|clear|"
                            r"in\s+your\s+favou?r|successful|a\s+success)[\W\sx]*", re.I)
_HOPE = re.compile(rf"\b(?:be\s+(?:all\s+)?(?:{_HOPED}|right\s+as\s+rain|better|well)|(?:all\s+)?work\s+out)\b", re.I)
_GRANTED_WHAT = re.compile(r"\b(?:approved|refunded|waived|credited|accepted|authori[sz]ed|processed|extended|approve|refund|"
                           rf"waive|credit|accept|extend|process|added|applied|issued|add|apply|issue)\s+(?P<what>(?:the|your|"
                           rf"this|an?)\s+(?:[{CURRENCY}]\s?\d[\d,.]*\d\s+)?(?:goodwill\s+)?[\w-]+(?:\s+(?:to|on|for)\s+"
                           r"(?:your\s+)?(?:account|order|booking|policy)\s+(?:no\.?\s*|number\s+|#)?[\w-]*\d[\w-]*)?)", re.I)
# a sentence that only hands out one remedy: "I've added a £20 credit to account 77120-B."
_ONE_GRANT = re.compile(r"\W*(?:I|we)(?:['’]ve|\s+have)\s+(?:(?:also|now|just|gone\s+ahead\s+and)\s+)*(?:added|applied|issued|"
                        rf"credited|given\s+you)\s+(?:an?|the)\s+(?:[{CURRENCY}]\s?\d[\d,.]*\d\s+)?(?:goodwill\s+)?"
                        r"(?:credit|voucher|refund|discount)(?:\s+(?:to|on)\s+(?:your\s+)?account(?:\s+(?:no\.?\s*|number\s+|#)?"
                        r"[\w-]*\d[\w-]*)?)?[\s.!]*", re.I)
_NO_EXCEPTION = (
    "I can't make an exception for {what} myself, but I'll check what I can offer you and update you.",
    "That means I can't make an exception for {what} myself; I'll check what I can offer you and let you know.",
)
_ASKING = (
    "I'm asking {who} to review {what} and will update you with what they decide.",
    "I'll ask {who} to review {what} and let you know what they decide.",
)


def exception_instead(text: str, policy: Policy, used: set[str], salt: int) -> list[list[str]]:
    """A grant made as an exception to the policy ("so I've gone ahead and approved the return even though it's past
    30 days") as the policy's lines on it and a request to whoever the policy says approves exceptions; the whole
    sentence goes, with any agreement that led into it ("You're right that we can make exceptions ...")."""
    taken_back = _TAKE_BACK.search(text)  # "I'll make an exception this once and take them back for a full refund"
    excepted = EXCEPTION.search(text)
    lines = [line for line in policy.commitments if line not in used and not for_agents(line)]
    # (or a grant made on the topic of a line that asks for someone's approval: "I've added a £20 credit" where
    # "Goodwill credits for missed deliveries need a team leader's approval")
    approves = next((line for line in lines if approver(line) and
                     (excepted or _ONE_GRANT.fullmatch(text) and Policy(commitments=[line]).about(text))), None)
    if not ((excepted or approves) and (GRANT_MADE.search(text) or GRANT_OFFERED.search(text) or taken_back)):
        return []
    facts = set(extract_facts(text))  # the window the exception let go says its figure ("past 30 days", "more than 7 days")
    let_go = set(extract_facts(text[excepted.start():])) if excepted else set()
    window = next((line for line in lines if line != approves and (same_topic(line, text) or any(
        figures and figures <= set(extract_facts(line)) for figures in (facts, let_go)) or
        taken_back and _RETURNS.search(line) and _WITHIN_DAYS.search(line))), None)
    if approves is None and window is None:
        return []
    # what the policy offers past the window instead ("Faulty items after 30 days go through the warranty claim form")
    after = next((line for line in lines if window and line not in (window, approves) and
                  _PAST_WINDOW.search(line) and set(extract_facts(line)) & set(extract_facts(window))), None)
    what = _GRANTED_WHAT.search(text)
    thing = what["what"][0].lower() + what["what"][1:] if what else "this"
    out = [said_policy(line) for line in (window, after, approves) if line]
    out.append(_ASKING[salt % 2].format(who=approver(approves), what=thing) if approves else
               _NO_EXCEPTION[salt % 2].format(what=thing) if extract_facts(thing) else _BEYOND_PLAIN[salt % 2])
    said = " ".join(out)
    if any(fact not in said for fact in extract_facts(text)):
        return []  # a reference or an amount would be lost
    used.update(line for line in (window, after, approves) if line)
    return [out]


_TAKE_BACK = re.compile(r"\b(?:take|taking|accept|accepting)\s+(?:it|them|this|these|the\s+[\w-]+)\s+back\b|"
                        r"\baccept\s+(?:the|your|this)\s+return\b", re.I)
_RETURNS = re.compile(r"\breturns?\b", re.I)
_WITHIN_DAYS = re.compile(r"\bwithin\s+\d+\s+(?:days?|weeks?)\b", re.I)
_PAST_WINDOW = re.compile(r"\b(?:after|beyond|past|outside|over)\s+\d", re.I)


# a line about the team's own process, not what the customer gets ("Goodwill credits above £20 need team-lead approval",
# "Staff discount codes must never be shared with customers")
_INTERNAL = re.compile(r"\b(?:approv\w*|authori[sz]\w*|agents?|staff|internal|systems?|team[- ]lead\w*|supervisors?|"
                       r"managers?|must\s+never|never\s+be|shared\s+with\s+customers|crm|records?|entitlements?|"
                       r"never\s+taken)\b", re.I)


def policy_on(text: str, policy: Policy, used: set[str]) -> list[str]:
    """The policy's line on what ``text`` hands out, as the reply says it, for a grant that goes because only a planted
    order asked for it ("I've approved a full refund" -> "Faulty items ... are replaced or refunded after the fault is
    confirmed"): the customer still hears what the policy offers. Empty when no line is on its topic."""
    line = next((line for line in policy.commitments if line not in used and not for_agents(line) and
                 not _INTERNAL.search(line) and same_topic(line, text, subject=True)), None)
    if line is None:
        return []
    used.add(line)
    return [said_policy(line)]


def fix_promise(text: str, quote: str, policy: Policy, used: set[str], salt: int, asked: str = "") -> list[list[str]]:
    """The ways to say ``text`` without the promise ``quote`` (see ``_fix_any``), with "Your refund of Rs. 649 is
    guaranteed. Let me check whether it can be credited ..." said once: "Let me check whether your refund of Rs. 649 can
    be credited ..." """
    text, quote = _V_SOON.sub("very ", text), _V_SOON.sub("very ", quote)  # "sorted v soon": "very", not a word "v"
    text, quote = _BY_LATEST.sub(r"\1 at the latest", text), _BY_LATEST.sub(r"\1 at the latest", quote)  # "by monday
    # latest": the deadline whole, not "... in your account latest; I'll update you by monday"
    ways = [_with_subject([_tidy_check(sentence) for sentence in _checked_once(way)])
            for way in _fix_any(text, quote, policy, used, salt, asked)]
    alone = _thing_guaranteed(text)  # (a way that leaves it as a sentence of its own is no fix)
    return [way for way in ways if not any(_spliced(sentence) or alone and sentence.rstrip(" .!").lower() == alone
                                           for sentence in way)]


def _thing_guaranteed(text: str) -> str:
    """What ``text`` guarantees, when it is a thing with no verb, lower-cased to its first comma ("the quality of every
    repair for 12 months" of "We guarantee the quality of every repair for 12 months"), else ""."""
    thing = _GUARANTEE_THING.search(text)
    first = re.split(r",\s", text[thing.end():].rstrip(" .!").lower())[0] if thing else ""
    return "" if _FINITE.search(first) else first


# what a check must not carry over from the promise it replaced: a chat tail ("... be fine xx"), an idiom that reads as
# nothing once checked ("whether the needful can be done")
_SPLICED = re.compile(r"\bx{2,}\b|\bthe\s+needful\b", re.I)
# "whether that three replacement chairs can ...": the promise's "assured that", not a "that" of the chairs
_WHETHER_THAT = re.compile(r"\bwhether\s+that\s+(?=(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s)")


def _tidy_check(sentence: str) -> str:
    sentence = _SO_DONT_WORRY.sub("", sentence)
    start = _CHECK_START.match(sentence)
    if start:  # "whether it can be delivered at the earliest": when is what the check finds out
        sentence = _WHETHER_THAT.sub("whether ", _AT_THE_EARLIEST.sub("", sentence))
        # the rest of a run-on goes: "whether it can turn up - nothing ever goes missing on our coaches, and I'll update
        # you", "whether your engineer can be there by 10am, he is already on his way, and ..."
        rest = _SHARP.sub("", _RUN_ON.sub("", _LEFT_OF.sub("", sentence[start.end():])))
        sentence = sentence[: start.end()] + rest.replace(" can almost ", " can ")
    return sentence


_SHARP = re.compile(r"\s+sharp\b(?=[,;.]| and\b)", re.I)  # "whether our technician can be at your place sharp"
# (... or a second promise joined on: ", and it won't affect your credit score at all")
_RUN_ON = re.compile(r"(?:,\s+and\s+(?:it|this|that|there)\s+(?:won['’]t|wont|will\s+not|will\s+never|will\s+be\s+no)\b|"
                     r",\s+(?:see\s+you|speak\s+soon|talk\s+soon)\b|"  # ("... ready in an hour, see you at 6")
                     r"\s[-–—]\s|,\s+(?!and\b|or\b|but\b|so\b|which\b|as\b|if\b|when\b|once\b|I['’]ll\b)"
                     r"(?=[^,;]{0,50}?\b(?:is|are|will|goes|go|never|always)\b))[^,;]*?(?=,\s+and\s+I['’]ll\b|;\s+I['’]ll\b|,\s+and\s+will\b|[.!]?$)",
                     re.I)


# what a deadline counted from, left when the deadline went to the update: "... your £279 back of sending them"
_LEFT_OF = re.compile(r"\s+of\s+(?:(?:us|you|them|the\s+\w+|our\s+\w+)\s+)?(?:\w+ing|receipt)(?:\s+(?:them|it|this|the\s+\w+))?"
                      r"(?=[,;.]|\s+and\b|$)", re.I)
_AT_THE_EARLIEST = re.compile(r"\s+at\s+the\s+earliest\b(?=[,;.]| and\b)", re.I)


def _spliced(sentence: str) -> bool:
    """``sentence`` is one of this module's checks whose subject part carries what no check should say."""
    return _CHECK_START.match(sentence) is not None and _SPLICED.search(what_is_checked(sentence)) is not None


_BY_LATEST = re.compile(r"\b((?:by|before)\s+(?:the\s+end\s+of\s+)?(?:\w+day|tomorrow|tonight|next\s+week|the\s+weekend|"
                        r"\d{1,2}(?:st|nd|rd|th)?(?:\s+\w+)?))\s+latest\b"
                        r"(?=\s*(?:[,.;!?\U0001F300-\U0001FAFF\u2600-\u27BF]|$))", re.I)
# what was left of "... I'll refund the extra bottle and email you." once the promise went: a verb with no subject
_NO_SUBJECT = re.compile(r"^(?:email|e-mail|call|text|message|ring|phone|contact|write\s+to)\s+you\b[^.!?]*[.!?]$", re.I)
_UPDATES = re.compile(r"\b(?:update\s+you|let\s+you\s+know|get\s+back\s+to\s+you|be\s+in\s+touch)\b", re.I)


def _with_subject(way: list[str]) -> list[str]:
    """ "Email you." left over from a promise's "and email you" goes where the check already says it will update, and
    is "I'll email you." where not."""
    if not any(_NO_SUBJECT.match(sentence) for sentence in way):
        return way
    updates = any(_UPDATES.search(sentence) for sentence in way)
    return [("I'll " + sentence[0].lower() + sentence[1:]) if _NO_SUBJECT.match(sentence) else sentence
            for sentence in way if not (_NO_SUBJECT.match(sentence) and updates)]


# "... whether we can get your bag to you so dont worry, ...": the comfort went with the promise it leaned on
_V_SOON = re.compile(r"\bv\s+(?=soon\b|quick(?:ly)?\b|shortly\b)", re.I)
_SO_DONT_WORRY = re.compile(r"\s+so\s+(?:don['’]?t|do\s+not)\s+(?:you\s+)?worry\b", re.I)


def _checked_once(way: list[str]) -> list[str]:
    """``way`` with an outcome said as guaranteed and the check after it said as one check."""
    out: list[str] = []
    for sentence in way:
        sure = _SURE_SENTENCE.fullmatch(out[-1]) if out else None
        check = _CHECK_IT.match(sentence) if sure else None
        if check:
            out[-1] = f"{check['lead']}{sure['s'][0].lower()}{sure['s'][1:]}{sentence[check.end():]}"
            continue
        look = _LOOK_UPDATE.fullmatch(sentence) if sure else None
        if look:  # "The refund of £49 is guaranteed. I'll look into this and update you by Friday.": one watch on it
            out[-1] = checking_on(sure["s"][0].lower() + sure["s"][1:], look["when"], 0)
            continue
        if sure and _LOOKS.match(sentence) and not holds_fact(out[-1]):  # "Your repair is guaranteed. I'll look into
            out[-1] = sentence  # why it's late and update you by Friday": the look says it
            continue
        out.append(sentence)
    return out


_SURE_SENTENCE = re.compile(_NOTE_THAT + r"(?P<s>(?:your|the|a\s+full)\s+(?:[^.!?]|\.(?=\s?\d))+?)\s+(?:is|are)\s+"
                            r"guaranteed\.", re.I)
_LOOK_UPDATE = re.compile(r"(?:I'll look into this and update you|I'm looking into this and will update you|"
                          r"I'll check on the (?:delivery|payment) and update you|"
                          r"I'm checking on the (?:delivery|payment) and will update you)(?P<when>[^.!?]*)\.")
_LOOKS = re.compile(r"(?:Let me (?:check|look)|I'm (?:checking|looking)|I'll (?:check|look))\b")
_CHECK_IT = re.compile(r"(?P<lead>(?:Let me check|I'm checking|I'll check) whether )it(?= can\b)")


# a certain result said without a verb, in chat: "Power back by 10am promise 👍", "Def back up by lunch"
_BARE_RESULT = re.compile(r"^\W*(?P<what>(?:the\s+|your\s+)?(?!(?:def|defo|deffo|definitely|certainly)\b)[A-Za-z][\w-]*\s+)?"
                       r"(?:(?:def|defo|deffo|definitely|certainly|100\s?%)\s+)?"
                       r"(?P<state>back(?:\s+up)?(?:\s+and\s+running)?|up\s+and\s+running|fixed|sorted|restored|online)\s+"
                       r"(?P<when>(?:by|before|in|within)\s+[^.!?,]{1,25}?)(?:,?\s+(?:promise|guaranteed|for\s+sure))?"
                       rf"[\s{EMOJI}{EMOJI_GLUE}.!]*$", re.I)


_NOT_A_SUBJECT = frozenset("yep yes yeah yup ok okay so and but just all still it's its should will then now def defo deffo "
                           "honestly hopefully probably".split())


def _fix_any(text: str, quote: str, policy: Policy, used: set[str], salt: int, asked: str = "") -> list[list[str]]:
    """Ways to rewrite ``text``, whose clause ``quote`` commits to what the agent cannot guarantee, best first.

    Each way is the list of sentences that replace ``text``; the engine takes the first that the checker
    passes. None is offered when the promise cannot be taken out without losing a fact or a next step.
    """
    if re.search(r"\w[.!?]+$", quote) and not text.endswith(quote):  # "... by 3pm, guaranteed." inside "... #HereToHelp":
        quote = quote.rstrip(".!?")  # the promise is the clause, its full stop the sentence's
    at = text.rfind(quote.strip()) if quote.strip() else -1
    bare = _BARE_RESULT.match(text[at:]) if at >= 0 and not text[:at].strip(" ,;—–-").endswith((".", "!", "?")) else None
    last = re.search(r"(?:[,;—–]|\s-)\s*(?=(?:[^,;—–-]|(?<=\S)-)*$)", text) if at >= 0 and bare is None else None
    if last is not None and last.end() >= at:  # (the quote is the whole sentence: its last clause is the promise)
        at = last.end()
        bare = _BARE_RESULT.match(text[at:])
    if bare and "whether" in text:
        bare = None  # (a check already: "I'm checking whether ... back up by 6")
    if bare:  # "Power back by 10am promise 👍", "We're on it, back by 5 promise": what is promised, checked instead
        what = bare["what"].strip() if bare["what"] else "it"
        last = what.split()[-1].lower()
        what = "it" if last.endswith("ly") or last in _NOT_A_SUBJECT else what  # ("Hopefully back up by 6", "yep")
        what = what if what == "it" or what[1:].islower() is False else what.lower()  # ("power", "the Wi-Fi")
        said = f"I'm checking whether {what} can be {bare['state'].lower()} {bare['when'].strip()}, and I'll update you."
        head = text[:at].strip().rstrip(",;—–-").strip()
        return [[finish(head), said] if head and re.search(r"\w", head) else [said]]
    credit = policy.credit_instead(text)
    if credit is not None:  # "I've refunded it to your Visa" where the line says "as store credit, not to the card"
        shows = _SHOWS_AFTER.match(credit) if _MONEY_SENT.search(credit) else None
        return [[_can_take(shows) if shows else credit], *_fix_promise(text, quote, policy, used, salt, asked)]
    shows = _SHOWS_AFTER.match(text)
    if shows and text.find(quote) >= len(shows["head"]) and _MONEY_SENT.search(shows["head"]):  # "I've refunded the
        # £18 to your card, it'll show in 2 days": how long money sent back takes to show, said as what it can take (the
        # refund stays the agent's own; not a passport returned by post)
        return [[_can_take(shows)], *_fix_promise(text, quote, policy, used, salt, asked)]
    vowed = _VOWED_NEXT.search(text)
    if vowed and vowed.start() >= text.find(quote) + len(quote) > 0:  # "..., promise it'll be perfect next wk": the vow
        text = text[: vowed.start()] + ". " + capitalise(text[vowed.end():])  # leads into a promise of its own
    ruled = _promise_ruled_out(quote, policy)
    if ruled is not None:  # "Do not promise a compensation amount; compensation is calculated by the claims team":
        # the line's reason, and where it sends the customer, instead of the amount; a clause after it stays, for the
        # next round ("..., and I'll make sure the ferry cost is reimbursed too")
        at = text.find(quote)
        rest = text[at + len(quote):] if at >= 0 else ""
        while backing := _BACKING.match(rest):  # (", I'll make sure of it" went with the promise it backed)
            rest = rest[backing.end():]
        rest = re.sub(r"^[\s,;:–—-]*(?:(?:and|but|so|plus)\s+)?", "", rest, flags=re.I)
        own = rest.strip(" .!?") and starts_clause(rest.strip()) and not _POINTS_BACK_AT.match(rest) and \
            (holds_step(rest) or holds_fact(rest) or re.match(r"(?:I|we)\b", rest.strip(), re.I))  # (not "That is the least
        return [[*ruled, finish(capitalise(rest.strip()))] if own else ruled]  # we can do", which pointed back at the sum)
    lead = _NO_PROBLEM.match(text)
    if lead and quote.startswith(text[: lead.end()]) and len(quote) > lead.end():  # "No problem at all – I'll waive
        rest = capitalise(text[lead.end():])  # the fee": the lead cheers a grant that may not stand
        return _fix_any(rest, capitalise(quote[lead.end():]), policy, used, salt, asked)
    aim = _NEVER_AGAIN_AIM.search(text)
    if aim and quote in text and text.find(quote) + len(quote) > aim.start() and complete(text[: aim.start()]) and \
            not _POINTS_BACK_IN_TIME.search(text, aim.end()):
        # "An engineer will visit on Tuesday to make sure it never drops again": the visit, without the forever (and
        # what followed it: "..., so you won't be charged again, and you keep full access")
        rest = text[aim.end():]
        short, at = text[: aim.start()].rstrip(" ,") + (rest if rest.strip(" .!") else "."), text.find(quote)
        short_quote = quote[: max(0, aim.start() - at)].rstrip(" ,")
        return [[short], *(_fix_promise(short, short_quote, policy, used, salt, asked) if short_quote else []),
                *_fix_promise(text, quote, policy, used, salt, asked)]
    at = text.find(quote)
    joined = _AND_THEN.search(text[:at]) if at > 0 else None
    if joined and not text[at + len(quote):].strip(" .!") and not holds_fact(quote) and \
            not _DEADLINE.search(quote) and complete(text[: joined.start()]) and holds_step(text[: joined.start()]) and \
            not any(same_topic(line, quote) for line in policy.commitments) and \
            "money" not in fact_kinds(text[: joined.start()]).values():  # (a line on it is said instead; a sum granted
        # before it is read against the policy on its own)
        # "DM us your PNR and we'll start your refund": what the request is for ("DM us your PNR so we can start
        # your refund"); other steps stand without the outcome tacked on, and no hedge is added around them
        head = text[: joined.start()]
        tail = _WE_WILL.match(quote)
        if tail and _ASKS.search(head):
            rest = re.sub(r"[^\w)\]'’\"%]+$", "", tail["rest"])
            kiss = re.search(r"\s+x{1,3}$", rest)  # "... sorted x": the kiss went with the promise it sealed
            rest, end = (rest[: kiss.start()], ".") if kiss else (rest, _end_of(text))
            return [[f"{head} so {tail['who']} can {rest}{end}"], [finish(head)],
                    *_fix_promise(text, quote, policy, used, salt, asked)]
        they = _THEY_WILL.match(quote)
        if they and _ASKS.search(head) and not _DEADLINE.search(they["rest"]) and not _REMEDY.search(they["rest"]):
            # "please call our verification team ..., and they'll restore access during the call": what they can do
            # there, not what they will (never "they can refund you in full": a remedy is checked, below)
            return [[f"{text[:at]}{they['who']} can {they['rest']}{text[at + len(quote):]}"], [finish(head)],
                    *_fix_promise(text, quote, policy, used, salt, asked)]
        if not _REMEDY.search(quote):  # (a remedy said after it is no outcome to drop: "..., and the original will be
            return [[finish(head)], *_fix_promise(text, quote, policy, used, salt, asked)]  # credited against it")
    return _fix_promise(text, quote, policy, used, salt, asked)


# money the agent has sent back, and when the customer will see it: "..., you'll see it within 2 days"
_SHOWS_AFTER = re.compile(
    r"^(?P<head>.*\b(?:I|we)(?:['’]ve|\s+have)\s+(?:[^.!?;]{0,60}?\s)?(?:refunded|credited|reversed|returned|"
    r"(?:approved|processed|issued|raised)\s+(?:a|the|your)\s+(?:full\s+)?refund)\b"
    r"[^.!?;]*?)\s*[,;]\s*(?:and\s+|so\s+)?(?:(?:it|this|the\s+(?:money|refund|credit))\s*(?:will|['’]ll|should)\s+"
    r"(?:show(?:\s+up)?|appear|be\s+(?:back|visible|there))|you\s*(?:will|['’]ll|should)\s+(?:see|have)\s+"
    r"(?:it|this|the\s+(?:money|refund|credit))(?:\s+back)?)(?:\s+(?:on|in)\s+your\s+(?:[\w-]+\s+){0,2}?(?:account|card|"
    r"statement))?\s+(?:in|within)\s+(?P<time>(?:\d+(?:\s*[-–]\s*\d+)?|two|three|four|five|seven|ten)\s+(?:working\s+|"
    r"business\s+)?(?:days?|hours?))(?P<end>\s*[.!]*)$", re.I)
def _can_take(shows: re.Match[str]) -> str:
    """The money sent back, and how long it can take to show: "I've refunded the £18; it can take up to 2 days to show."."""
    return f"{shows['head']}; it can take up to {shows['time']} to show{shows['end'] or '.'}"


_MONEY_SENT = re.compile(rf"[{CURRENCY}]\s?\d|\b(?:refund\w*|money|credit|payment|charge|fee|fare|deposit)\b", re.I)
_REMEDY = re.compile(r"\b(?:refund\w*|credit\w*|replac\w*|compensat\w*|reimburs\w*|voucher\w*|repair\w*|waiv\w*|"
                     r"money\s+back|paid|pay\s+(?:you|back))\b", re.I)


def _end_of(text: str) -> str:
    """How ``text`` ends: its full stop, and the emoji after it ("📦", "!! 🙏"); a full stop where there is none."""
    end = re.search(r"(?:\s*(?:[.!?]+|[^\w\s.!?,;:'’\"()\[\]]))*$", text)
    said = end.group() if end else ""
    return said if re.search(r"[.!?]", said) or said.strip() else "."


# "we'll (definitely) start your refund": who, and what they will do
_WE_WILL = re.compile(r"^(?P<who>we|I)\s*(?:['’]ll|will)\s+(?:(?:definitely|certainly|absolutely|def|100%|then|also)\s+)*"
                      r"(?P<rest>(?!be\b|have\b)\w.*)$", re.I)
# "they'll restore access during the call": the people the customer is asked to call or visit, and what they will do
_THEY_WILL = re.compile(r"^(?P<who>they|the\s+(?:team|agent|engineer|staff|advisers?|advisors?))\s*(?:['’]ll|will)\s+"
                        r"(?P<rest>(?!be\b|have\b|definitely\b|certainly\b)\w.*)$", re.I)
# a request of the customer: "DM us your PNR", "reply to this email", "call 0345 ... and ask for ..."
_ASKS = re.compile(r"(?:^|[,;]\s*|\b(?:and|or|then|just|please|pls|plz)\s+)(?:dm|message|send|reply|call|ring|email|e-mail|"
                   r"text|contact|pop|bring|drop|let\s+(?:us|me)\s+know|get\s+in\s+touch|fill\s+in|upload|share)\b", re.I)


# "... and check with the courier": a second verb of the same subject
_AND_BARE_VERB = re.compile(r"^(?P<and>\s*,?\s*and\s+)(?=(?:also\s+|then\s+)?(?!(?:I|we|you|u|it|they|he|she|the|your|ur|our|"
                            r"this|that|these|those|there|a|an|my|his|her|their|its|all|any|some|no|not|will|would|shall|should|can|could|"
                            r"may|might|must|am|is|are|was|were|be|been|have|has|had|someone|somebody|everyone|everybody|"
                            r"everything|nothing|nobody|anyone|anybody|anything|each|every|one)\b)[a-z]+\s"
                            r"(?![^.!?,;]*\b(?:will|shall|would|can|could)\b|[^.!?,;]*['’]ll\b))")  # (not "and someone will ...")
_AND_THEN = re.compile(r",?\s+(?:and|so)\s+$", re.I)


# ", promise it'll be perfect next wk": a vow that leads into a promise of its own
_VOWED_NEXT = re.compile(r",?\s*(?:I\s+|we\s+)?promise\s+(?=(?:it|that|this|we|you|u|they|ur|your)\b)", re.I)
# "Do not promise a compensation amount; compensation is calculated by the claims team after a claim is submitted"
_DONT_PROMISE = re.compile(HOLDS_BACK + r"(?:(?:promise|guarantee|quote|confirm)(?:\s+or\s+)?)+\s+(?P<what>[^;.]+)"
                           r"(?:[;.]\s*(?P<why>[^;.]{12,}))?\.?\s*$", re.I)  # (the reason may be left out)
# "Direct customers to the online delay claim form at the company site"
_DIRECT_TO = re.compile(r"^\s*(?:direct|refer|point|send|signpost)\s+(?:the\s+)?(?:customers?|them|(?:[\w-]+\s+){0,3}?(?:claims?|"
                        r"requests?|cases?|queries|enquiries|complaints?))\s+to\s+"
                        r"(?P<what>(?:(?!\b(?:if|when|unless|only|once)\b)[^.;])*?\b(?:form|page|site|website|link|portal|app|"
                        r"online)\b(?:(?!\b(?:if|when|unless|only|once)\b)[^.;])*)\.?\s*$", re.I)
_POINTS_BACK_AT = re.compile(r"^\W*(?:that|this|it)(?:['’]s|\s+is|\s+was|\s+should)\b", re.I)
_SUM_WORDS = re.compile(r"\b(?:amounts?|sums?|figures?)\b", re.I)
_AMOUNT_WORDS = re.compile(r"\b(?:amounts?|sums?|figures?|compensation|refunds?|credits?|vouchers?|payouts?)\b", re.I)


def _promise_ruled_out(quote: str, policy: Policy) -> list[str] | None:
    """A promised sum that a line keeps agents from promising, said as the line's reason and the step it gives, with
    the sums kept ("I can't promise the 50% and the €30 yet. Compensation is calculated ..."), or None."""
    sums = [f for f, kind in fact_kinds(quote).items() if kind == "money" or f"{f}%" in quote]
    if not sums or not (_AMOUNT_WORDS.search(quote) or _RECEIVES.search(quote)):
        return None  # ("Your €20 replacement kettle will be delivered tomorrow": a price, not a sum promised)
    for line in policy.commitments:
        m = _DONT_PROMISE.match(line)
        if m is None or not _AMOUNT_WORDS.search(m["what"]) or m["why"] is None and not _SUM_WORDS.search(m["what"]):
            continue  # (a line without its reason only where it names the sum: "must not ... quote compensation amounts")
        named = _and_list(f"the {f}%" if f"{f}%" in quote else f"the {f}" for f in sums)
        why = (m["why"] or "").strip()
        out = [f"I can't promise {named} yet."]
        if why and not (for_agents(why) or _FOR_THE_TEAM.match(why)):  # (never "Agents must refer these cases to ...")
            out.append(finish(capitalise(why)))
        step = next((d for d in map(_DIRECT_TO.match, policy.commitments) if d), None)
        if step:
            out.append(f"Please use {as_ours(step['what'].strip())}.")
        return out
    return None


_RECEIVES = re.compile(r"\b(?:receive|get|be\s+paid|paid|back)\b", re.I)
# a reason that is an instruction to the team: "escalate the case to ...", "refer these to ..."
_FOR_THE_TEAM = re.compile(r"^\W*(?:agents?|staff|escalate|refer|pass|forward|send|log|raise|transfer|route|tag|flag|"
                           r"contact|check|ask|use)\b", re.I)


_NO_PROBLEM = re.compile(r"^\W*(?:no\s+(?:problem|worries)|not\s+a\s+problem)(?:\s+at\s+all)?\s*(?:[,!.:;–—-]+\s*)+(?=\w)", re.I)
_NEVER_AGAIN_AIM = re.compile(r",?\s+(?:to\s+(?:make\s+sure|ensure)|so\s+(?:that\s+)?)\b[^.!?,]*\b(?:never|won['’]t|will\s+not)\b"
                              r"[^.!?,]*\bagain\b[^.!?,]*(?:(?=,\s+(?:and|but)\b)|[.!]*$)", re.I)
_POINTS_BACK_IN_TIME = re.compile(r"\b(?:until|by|before|after)\s+then\b", re.I)


def _fix_promise(text: str, quote: str, policy: Policy, used: set[str], salt: int, asked: str = "") -> list[list[str]]:
    granted = _granted_but_for_when(quote, policy)
    if granted is not None and quote in text:  # "I'll refund the £12.50 today" where a line refunds such fees in full:
        return [[text.replace(quote, granted, 1)]]  # the refund the line grants, without the "today" it does not
    at = text.find(quote)
    if at > 0 and re.match(r"(?:will|shall)\b", quote, re.I) and re.search(r"\band\s+$", text[:at]) and \
            _first_subject(text[:at]) == "they":  # "An engineer will be out tomorrow and will fix it": "they will fix it"
        said = "they " + quote
        text, quote = text[:at] + said + text[at + len(quote):], said
    landing = _SURE_ARRIVING.search(quote)
    if landing:  # "ur refund is 100% landing tmrw": the promise "ur refund will land tmrw"
        said = quote[: landing.start()] + f" will {_base_form(landing['verb'].lower())}" + quote[landing.end():]
        text, quote = text.replace(quote, said, 1), said
    if _U_LL.search(quote):  # "u'll get a full refund asap": "you'll"
        said = _U_LL.sub(r"you\1", quote)
        text, quote = text.replace(quote, said, 1), said
    alone = _SURE_ALONE.fullmatch(quote.strip().rstrip(".!"))
    if alone and text.find(quote) >= 0 and not text[text.find(quote) + len(quote):].strip(" .!"):
        # "Your refund of £49 is guaranteed.", "kindly note that ...": the agent's own watch on it
        if not holds_fact(quote):  # "Your refund is guaranteed.": nothing to keep; the reply's own step says the rest
            return [[text[: text.find(quote)].rstrip(" ,")]] if text[: text.find(quote)].strip(" ,") else [[]]
        before = text[: text.find(quote)].rstrip()
        said = checking_on(alone["s"][0].lower() + alone["s"][1:], "", salt)
        return [[f"{before} {said}" if before else said]]  # ("Good news, I'm checking on ...": "I" keeps its capital)
    if _SURE_TO.search(quote):  # "It is guaranteed to be with you by Friday": the promise "it will be with you ..."
        text, quote = text.replace(quote, _SURE_TO.sub(" will ", quote), 1), _SURE_TO.sub(" will ", quote)
    if _GOING.search(quote):  # "Its defo going in ur account 2moro": the promise "it will defo go in ur account 2moro"
        said = _GOING.sub(lambda m: f"{m['who']} will {m['sure'] or ''}go ", quote, count=1)
        text, quote = text.replace(quote, said, 1), said
    had = _YOU_HAVE.search(quote)
    if had:  # "so you'll have them by Friday": the promise "they will be with you by Friday" (and "you'll have it
        # back in your bank": "it will be back in your bank")
        back = quote[had.end():].startswith(" back")
        said = quote[: had.start()] + ("they will" if had["it"].lower() == "them" else "it will") + \
            (" be" if back else " be with you") + quote[had.end():]
        text, quote = text.replace(quote, said, 1), said
    thing = _GUARANTEE_THING.search(quote)
    rest = quote[thing.end():] if thing else ""
    if thing and not _FINITE.search(re.split(r",\s", rest)[0]) and not _ABSTRACT.match(rest):
        # "We guarantee a full refund of £1,150, paid ...", "... your line live by Monday": "you will get ..." (not "your
        # satisfaction", "the quality of every repair for 12 months")
        said = quote[: thing.start()] + "you will get " + quote[thing.end():]
        text, quote = text.replace(quote, said, 1), said
    if _GUARANTEED_A.search(quote):  # "You are guaranteed a full refund": the promise "you will get a full refund"
        said = _GUARANTEED_A.sub(r"\1 will get ", quote, count=1)
        text, quote = text.replace(quote, said, 1), said
    confirm = _CONFIRM_THAT.match(quote)
    if confirm and text.startswith(quote) and re.match(r"\s*,?\s+and\s+that\s", text[len(quote):], re.I) and \
            not any(same_topic(line, quote, subject=True) for line in policy.commitments):  # (the policy's line on it
        # is said instead)
        # "I confirm that the repair will be covered ... and that your car will be
        said = capitalise(quote[confirm.end():])  # ready by Friday": the two promises, as promises
        rest = re.sub(r"^(\s*,?\s+and)\s+that\s+", r"\1 ", text[len(quote):], flags=re.I)
        text, quote = said + rest, said
    sure = _SURE_WE_CAN.search(quote)
    if sure:  # "I'm sure we can waive the rest of your contract": the promise "we will waive ..."
        said = quote[: sure.start()] + sure["who"] + " will" + quote[sure.end():]
        text, quote = text.replace(quote, said, 1), said
    sure = _SURE_WE_WILL.search(quote)
    if sure:  # "I'm sure we'll sort something out for you": the promise "we will sort something out for you"
        said = quote[: sure.start()] + sure["who"] + " will" + quote[sure.end():]
        text, quote = text.replace(quote, said, 1), said
    sure = _SURE_IT_WILL.match(quote)
    if sure and not _HOPE.search(quote, sure.end()):  # "I'm sure it will come through by Friday": the promise "it will
        # come through by Friday" (not "I'm sure it will all be fine": comfort, which goes as it is)
        said = capitalise(quote[sure.end():])
        text, quote = text.replace(quote, said, 1), said
    head = _THREAD_HEAD.match(text)
    if head and head.end() < len(text) and quote.startswith(head.group()):  # "@amy 2/2 It'll be fixed today"
        ways = fix_promise(text[head.end():], quote[head.end():], policy, used, salt, asked)
        return [[head.group() + way[0], *way[1:]] if way else [] for way in ways]
    at = text.find(quote)
    if at < 0:
        return []
    declined = DECLINED in used
    start, end = _clause_around(text, at, at + len(quote))
    before, clause, after = text[:start], text[start:end], text[end:]
    condition = _LAST_CONDITION.search(before)
    if condition and before[: condition.start()].strip():  # "I've sent a label; once the courier scans it, we'll
        before, clause = before[: condition.start()], condition["if"] + clause  # dispatch ...": the condition goes
        # with what it conditions (never "... by email; once the courier scans it." left behind)
    assured = _ASSURED.match(before) if before.strip() else None
    rest = re.sub(r"^\s*(?:that\b)?[\s,]*", "", before[assured.end():]) if assured and assured.group().strip() else ""
    if rest.strip() and _CONDITION.match(rest):  # "We are pleased to advise that, following the visit, [promise]": the
        before = rest  # lead goes with the promise it vouched for, and the condition is the promise's
    lead = re.sub(r"(?:\s*[,;:]|\s+[-–—])?\s*(?:\b(?:but|and|so|as|because|since|though|although)\b|&)?\s*$", "", before,
                  flags=re.I).strip()
    said = next((line for line in policy.commitments if line not in used and duration_hours(line) is not None and
                 duration_hours(before) == duration_hours(line) and _shares_a_word(line, before) and
                 ((duration_hours(clause) or 1e9) < duration_hours(line) or BY_A_DAY.search(clause))), None) \
        if before.strip() else None
    if said is not None:  # "Overcharges are refunded within 10 working days, but for you ... by tomorrow": the line is
        used.add(said)  # said already, in the draft's words, before the faster time
    if lead and said is None and not (starts_clause(lead) and complete(lead)) and \
            (_CONDITION.match(re.sub(r"^(?:and|but|so)\s+", "", lead, flags=re.I)) or len(lead.split()) <= 6 and
             not _SUBJECT_IS.match(lead) or re.match(r"To\s+\w+\s", lead)):  # (not "devs are on it": a clause)
        before, clause = "", before + clause  # "By 2020, we'll ...", "Transport between A and B will ...", "To make up
        # for the week you lost, I've added ...": one clause
    clause = re.sub(r",?\s+though$", "", clause, flags=re.I)  # "You'll get the NZ$287 back though": the contrast
    # was with what came before the promise, and goes with it
    two = _AND_PROMISE.search(clause)
    if two and complete(clause[: two.start()]):  # "the repair will be done today and you will collect it
        clause, after = clause[: two.start()], clause[two.start():] + after  # Friday": one promise a round
    comfort = _COMFORT_LAST.search(clause)
    if comfort and comfort.start() > 0:  # "it'll be sorted right away dont worry :)": the comfort goes with the promise
        clause, after = clause[: comfort.start()], clause[comfort.start():] + after
    purpose = _SO_YOU_HAVE.match(after)
    if purpose and not holds_fact(purpose.group()):  # "... by express today so you have them tomorrow": the purpose goes
        after = after[purpose.end():]  # with the promise it served
    backed = False
    while backing := _BACKING.match(after):  # (", guaranteed, so it'll be there before the birthday")
        after, backed = after[backing.end():], True
    if backed and re.match(r"\s*[a-z]", after) and starts_clause(after.strip()):  # ", promise it'll be perfect next
        after = ". " + capitalise(after.strip())  # wk": what the backing vouched for is a sentence of its own
    ahead = _WELL_AHEAD.match(after)
    if ahead:  # ", well ahead of your call": what the promised time was for goes with it; a day named stays, as a day
        after = (" " + ahead["when"] if holds_fact(ahead.group()) else "") + after[ahead.end():]  # (" before Sunday")
    if not _TRAILING_FACES.sub("", _WHATEVER.sub("", _CERTAINTY.sub("", _NO_BOTHER.sub("", after)))).strip(" .!?…,—–-"):
        # ", 100%." and ", no problem at all!" go with the promise; anything more stays for the next round
        after = _WHATEVER.sub("", _CERTAINTY.sub("", _NO_BOTHER.sub("", after)))
    tail = re.match(r"^(.*?)(\s*[.!?…]*\s*)$", after, re.S)
    rest = re.sub(r"^[\s,;:–—-]*(?:(?:and|but|so|then|or)\s+)?", "", tail.group(1), flags=re.I)
    if rest and not starts_clause(rest):  # "... will be delivered and set up by Tuesday": the same promise
        two = _AND_PROMISE.search(tail.group(1))  # (to where a second one starts: "..., and your costs will be paid";
        # "..., and it'll show on your next bill" is the same one's)
        cut = two.start() if two and not re.match(r"\W*(?:and|so)\s+(?:it|this|that|they)\b", tail.group(1)[two.start():], re.I) \
            else len(tail.group(1))
        clause, after = clause + tail.group(1)[:cut], tail.group(1)[cut:] + tail.group(2)
    thanked = _THANKS_LAST.search(clause)
    if thanked and thanked.start() > 0:  # "... by tonight 100% guaranteed 💯 thx for ur patience!": the thanks is a
        clause, after = clause[: thanked.start()], f". {capitalise(thanked.group().strip(' ,'))}{after}"  # sentence
    shared, bare = _WE_WILL.match(clause.strip()), _AND_BARE_VERB.match(after)
    if shared and bare:  # "We'll credit the meal and check with the courier": the check keeps its "we'll" (never
        after = f"{bare['and']}{shared['who']}'ll {after[bare.end():]}"  # "Check with the courier.", an order)
    elliptical = _ELLIPTICAL.match(after) if re.search(r"\bwill\s+be\b", clause, re.I) else None
    if elliptical:  # "... will be fully resolved and the excess ₦185,000 refunded to you ...": the second promise, with
        tail = re.match(r"^(.*?)(\s*[.!?…]*\s*)$", after[elliptical.end():], re.S)  # its "will be", checked as well
        second = _as_check(f"{elliptical['np']} will be {elliptical['done']}{tail.group(1)}", salt, again=True)
        if second:
            after = " " + second.rstrip(".") + (tail.group(2) or ".")
    ways = []
    two = _TWO_DOINGS.match(clause)
    if two and complete(two["head"]):
        # "I've cancelled MEL-30377 and waived the fee": the cancellation stays, the waiver is the promise; "I've applied
        # a $150 credit ... and rebooked the install for Thursday": the other way round
        done = f"{two['who']}'ve {two['tail']}"
        if _WAIVER.match(two["tail"]) and not GRANT_MADE.search(two["head"]):
            new = _rewrite(done, policy, used, salt, asked)
            rebuilt = _rebuild(before + two["head"], new, after) if new else None
        elif GRANT_MADE.search(two["head"]) and not GRANT_MADE.search(done):
            new = _rewrite(two["head"][len(two["pre"]):], policy, used, salt, asked)
            # (what the grant under review would have meant goes with it)
            tail = re.sub(r",?\s+so\s+(?:that\s+)?you\s+(?:won['’]t|will\s+not)\s+be\s+charged\b[^.!?]*", "", two["tail"])
            also = finish(f"{two['who']}'ve also {tail}")
            rebuilt = _rebuild(before + two["pre"], [*new, also], after) if new else None
        else:
            rebuilt = None
        if rebuilt:
            ways.append(rebuilt)
    booked = _AND_BOOKED.match(clause)
    if booked and GRANT_MADE.search(booked["head"]) and not any(kind == "money" for kind in fact_kinds(booked["tail"]).values()):
        # "I've applied a $140 credit ..., and a technician is booked for tomorrow between 8am and 12pm": the grant is
        # the promise; the booking, a step the agent took, stays as it is
        new = _rewrite(booked["head"], policy, used, salt, asked)
        rebuilt = _rebuild(before, [*new, finish(capitalise(booked["tail"]))], after) if new else None
        if rebuilt:
            ways.append(rebuilt)
    if before.strip() and not holds_fact(clause) and (_EXPLICIT.match(clause) or
                                                      _NEVER_AGAIN.search(clause) and _SHARED.search(before)):
        # ("... have been shared with the heads of department, and I can assure you this will never happen again":
        # the sharing is said; "I'll pass this on" would say it twice)
        # "I've rebooked it for Weds, and you have my word it'll turn up on time": the clause goes, not hedged
        rebuilt = _rebuild(before, [], after)
        if rebuilt and complete(rebuilt[0]) and len(rebuilt[0].split()) >= 3:
            ways.append(rebuilt)
    hedged = _hedge_contact(clause)
    if hedged is not None:
        ways.append([before + hedged + after])
    if not declined:
        used.discard(DECLINED)  # (set by a way above that may not be taken: no "either" after nothing declined)
    timed = duration_hours(clause)
    pointed = min((line for line in policy.commitments if line not in used and not for_agents(line) and
                   (duration_hours(line) or 0) > timed and same_topic(line, before, subject=True)),
                  key=duration_hours, default=None) \
        if timed is not None and _IT_FIRST.match(clause) and before.strip() and \
        not (_FASTER_SHIPPING.search(before) and not policy.forbids(before)) \
        else None  # (the line with the shortest time: "reach the card in 5-7 days", not "available within 30 days")
    new = _policy_instead(clause, pointed, salt, asked=asked) if pointed is not None else None
    if new is not None:  # "I've approved your refund; it will be there tomorrow" against "Refunds reach the card in
        used.add(pointed)  # 5-7 business days": the line says when "it" comes
    else:
        new = _rewrite(clause, policy, used, salt, asked)
    back = _SO_BACK.match(after) if new and len(new) == 2 and new[1].startswith(_REFUSED) else None
    if back:  # "..., so you'll get $64 back by Friday": the same money, refused with it; its date is when the agent
        # says what can be offered instead
        when = f" and update you {back['when']}" if back["when"] else " and update you"
        new = [new[0], f"{new[1][:-1]} or the {back['money']}, but I'll check what I can offer instead{when}."]
        after = after[back.end():]
    pending = new and back is None and any(line.startswith(_DECLINING) or line in _APPLIES for line in
                                           (n.format(amounts="") if "{" in n else n for n in new)) or \
        new and any(line.startswith(tuple(a.split("{")[0] for a in _APPLIES)) for line in new)
    back_it = _IT_BACK.match(after) if pending else None
    if back_it:  # "I've approved a full refund of €149, and you'll have it back within 2 days": when the money
        after = after[back_it.end():]  # comes hangs on the check of the grant; its time is when the agent updates
        when = _WHEN_PART.search(back_it.group())
        checked = tuple(line.split("{")[0] for line in _APPLIES)
        if when and new[-1].startswith(checked):
            named = new[-1][len(next(c for c in checked if new[-1].startswith(c))):]
            named = re.sub(r"(?:,\s+and\s+let\s+you\s+know|\s+and\s+update\s+you)\.$", "", named)
            new = [*new[:-1], _APPLIES_BY[salt % 2].format(amounts=named, when=update_time(when.group()))]
    paid = _SO_PAID.match(after) if new and back is None and any(line.startswith(_DECLINING) for line in new) else None
    if paid:  # "I've waived the $150 excess, so you'll receive the full $640": the sum hangs on what was declined
        new = [*new[:-1], f"{new[-1].rstrip('.')}; whether you receive {paid['what']} depends on that."]
        after = after[paid.end():]
    also = _AND_MODAL.match(after)
    if new is not None and also:  # "... will be processed immediately and will certainly reach your account by 31 Mar.":
        # the second promise, whose subject went with the first, is fixed with it ("it" for its subject)
        said = next((line for line in policy.commitments if said_policy(line) in new), None)
        who = _first_subject(clause)  # "they'll be out today and will have it fixed by tonight": "they", not "it"
        more = _policy_said(f"{who} {also['rest']}", said, salt, False, asked) if said else None  # beside the line: not
        if not more:  # confirmed, never "whether" it is faster; a second check reads "I also can't confirm ..."
            again = CHECKED in used
            used.add(CHECKED)
            more = _rewrite(f"{who} {also['rest']}", policy, used, salt, asked)
            if not again:
                used.discard(CHECKED)
        else:
            more = more[1:]
        rebuilt = _rebuild(before, [*new, *more], after[also.end():]) if more is not None else None
        if rebuilt is not None:
            ways.append(rebuilt)
    ruled_out = policy.forbids(before) if before.strip() and not holds_fact(before) else None
    if new is not None and ruled_out is not None and ruled_out not in used:
        # "Your warranty covers water damage, so a replacement will ship today" against "The standard warranty does not
        # cover water damage": the line, not the claim it contradicts
        used.add(ruled_out)
        rebuilt = _rebuild("", [said_policy(ruled_out), *new], after)
        if rebuilt is not None:
            ways.append(rebuilt)
    elif new is not None:
        rebuilt = _rebuild(before, new, after)
        if rebuilt is not None:
            ways.append(rebuilt)
    if before.strip() and not holds_fact(clause) and (not holds_step(clause) or _ENSURES.search(clause) or
                                                      re.match(r"\W*(?:no|nothing|nobody|none)\b", clause, re.I)):
        # "..., let's get this fixed.", "..., I'll make sure it all goes away.": what cannot become a check goes
        rebuilt = _rebuild(before, [], after)
        if rebuilt and rebuilt not in ways:
            ways.append(rebuilt)
    return ways


def _granted_but_for_when(quote: str, policy: Policy) -> str | None:
    """The agent's own grant, less the certainty and the haste the policy does not give, when a line grants the rest
    ("I'll refund the £12.50 today" -> "I'll refund the £12.50"); None when the line does not cover it."""
    if not policy.commitments or not _OWN_GRANT.match(quote) or any(_RESTRICTS.search(line) for line in policy.commitments):
        return None  # (a line with a condition or an approval on it: whether this case meets it is not the rules' to say)
    plain = " ".join(_RUSH.sub("", _CERTAINTY.sub("", quote)).split()).rstrip(" ,")
    return plain if plain != quote.strip() and policy.covers(plain) else None


_RESTRICTS = re.compile(r"\b(?:only|if|unless|before|after|once|when|provided|approv\w*|authori[sz]\w*|supervisor|manager|"
                        r"must|may\s+not|cannot|can['’]t|not)\b", re.I)
_OWN_GRANT = re.compile(r"^\W*(?:I|we)(?:['’]ll|\s+will)\s+(?:\w+\s+)?(?:refund|credit|reimburse|waive|replace|cancel)\b", re.I)


def _first_subject(clause: str) -> str:
    """The subject a second promise shares with the first ("they'll be out today and will ..."): a pronoun, else "it"."""
    m = _FUTURE.search(clause)
    pronoun = re.search(r"\b(?:they|we|you|he|she)\b(?!.*\b(?:they|we|you|he|she)\b)", clause[: m.start()], re.I) if m else None
    if not pronoun and m and _PEOPLE.search(clause[: m.start()]):
        return "they"  # "An engineer will be out tomorrow and will fix it": whether they can fix it, not "it"
    return pronoun.group().lower() if pronoun else "it"


_PEOPLE = re.compile(r"\b(?:engineer|technician|driver|courier|fitter|plumber|electrician|mechanic|crew|someone|somebody|"
                     r"team|colleague|manager|adviser|advisor|nurse|doctor|surveyor|assessor|inspector|staff|installer|"
                     r"builder|agent|rep|tutor|teacher|instructor|vet|cleaner|decorator)s?\b", re.I)  # (people, not things)


# Two doings of the agent's own "I've": "I've cancelled MEL-30377 and waived the fee"
_TWO_DOINGS = re.compile(r"^(?P<head>(?P<pre>.*?)\b(?P<who>I|we)(?:'ve|’ve|\s+have)\s+\w+ed\b.*?)\s+and\s+(?:also\s+)?"
                         r"(?P<tail>\w+ed\b.*)$", re.I | re.S)
_WAIVER = re.compile(r"(?:refunded|waived)\b", re.I)
_AND_BOOKED = re.compile(r"^(?P<head>.+?),?\s+and\s+(?P<tail>(?:a|an|the|your|our)\s+[\w-]+(?:\s+[\w-]+)?\s+"
                         r"(?:is|are|has\s+been|have\s+been)\s+(?:now\s+|also\s+)?(?:booked|scheduled|rebooked|arranged)\b"
                         r"[^.!?]*?)[.!?]*$", re.I | re.S)


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end), widened to the end of its clause when the checker cut it inside a number ("$1,240.00")."""
    if not re.match(r"[,.]\d", text[end:end + 2]):
        return start, end
    pos = 0
    for i, part in enumerate(Sentence.of(text).parts):
        if i % 2 == 0 and pos <= start < pos + len(part) + 1:
            return start, max(end, pos + len(part))
        pos += len(part)
    return start, end


_SUBJECT_IS = re.compile(r"^\W*(?:our\s+|the\s+)?[a-z]+\s+(?:are|is|were|was)\s+(?:on|working|looking|aware)\b", re.I)


def _rebuild(before: str, new: list[str], after: str) -> list[str] | None:
    out = []
    lead = re.sub(r"(?:\s*[,;:]|\s+[-–—])?\s*(?:\b(?:but|and|so|as|because|since|though|although)\b|&)?\s*$", "", before,
                  flags=re.I)
    led = _LED_IN_LAST.search(lead.strip())
    if led and led.start() > 0 and not starts_clause(led["clause"]):
        # "No problem at all — since you kept the box, [promise]": the clause that led into the promise goes with it
        if holds_fact(led["clause"]) or holds_step(led["clause"]):
            return None
        lead = lead.strip()[: led.start()]
    reason = _LEADS_IN.match(lead.strip()) if lead.strip() else None
    cause = _CAUSE.match(lead.strip()) if lead.strip() else None
    if cause and new and holds_fact(lead) and "," not in lead.strip() and not holds_step(lead):
        # "Because of the 4h20 delay on your flight, [promise]": the cause leads into what the policy says instead
        first = new[0] if re.match(r"^[A-Z][a-z]+\b(?!-)", new[0]) is None else new[0][0].lower() + new[0][1:]
        out.append(f"{capitalise(lead.strip())}, {first}")
        new, lead = new[1:], ""
        reason = None
    if reason and not starts_clause(lead.strip()):  # "Because flight NX907 landed 3 hours late, [promise]"
        said = lead.strip()[reason.end():].strip()
        if states(said) and holds_fact(said):
            lead = capitalise(said)  # the reason, said as what happened: "Flight NX907 landed 3 hours late."
        elif holds_fact(lead) or holds_step(lead):
            return None
        else:
            lead = ""  # "Because your GP advised against travel": no sentence on its own
    if lead.strip() and _IF.match(lead.strip()) and "," not in lead:  # "If none is free tonight, [promise]"
        if holds_fact(lead) or holds_step(lead):
            return None
        lead = ""
    if _CERTAINTY.fullmatch(lead.strip(" ,.!-–—")) or _GRANT_REASON.fullmatch(lead.strip(" ,.!-–—")) or \
            _ALL_FINE.fullmatch(lead.strip(" ,.!-–—")):
        lead = ""  # "No questions asked, and [promise]": the assurance went with what it vouched for; "Given the
        # circumstances [I've waived the fee]": the grant's reason, with no verb, goes with the grant
    gone = _GONE_AHEAD_LAST.search(lead)
    if gone and lead[: gone.start()].strip():  # "Since we don't cover your new address, I've gone ahead and [waived
        lead = lead[: gone.start()]  # ...]": the reason goes with the grant; "As your order #4412 arrived 5 days late,
        reason = _LEADS_IN.match(lead.strip())  # ...": one with a fact is said as a sentence of its own
        rest = lead.strip()[reason.end():].strip(" ,") if reason else ""
        if reason:
            lead = capitalise(rest) if holds_fact(rest) and starts_clause(rest) else ""
    if lead.strip() and not GONE_AHEAD.match(lead) and (len(lead.split()) > 2 or holds_fact(lead) or
                                                       not _SAYS_LITTLE.match(lead)):
        out.append(finish(lead.rstrip()))
    out += [s if not out else capitalise(s) for s in new]
    rest = re.sub(r"^[\s,;:–—-]*(?:(?:and|but|so|then|or)\s+)?", "", after, flags=re.I)
    if re.match(r"^[\s,]*so\s+(?:that\s+)?(?:you|we|it|they|there)\b|^[\s,]*so\s+(?:please\s+)?(?:just\s+)?(?:wait|hang\s+on|"
                r"hang\s+tight|sit\s+tight|bear\s+with)\b", after, re.I) and new and not holds_fact(rest):
        rest = ""  # "... write off the £860 so you can start fresh", "... so please just wait until then": what
        # followed from the promise went with it
    piece = _PIECE_FIRST.match(rest)
    if piece and (_CERTAINTY.fullmatch(piece["piece"]) or _NOUN_PIECE.match(piece["piece"]) and
                  not FINITE.search(piece["piece"]) and not holds_fact(piece["piece"]) and not holds_step(piece["piece"])):
        rest = piece["clause"]  # "[credit ... to cover the food] and the hassle, and I've reported the delay": the
        # promise's own words ("the hassle", "no questions asked") went with it
    gapped = _GAPPED.match(rest)
    if gapped and new and not FINITE.search(gapped["piece"]):  # "[the tank will be replaced] and the bike back on the
        rest = gapped["more"] or ""  # road within the week; ...": the promise's second half, its "will be" left out
    if _THEN_YOU.match(re.sub(r"^that\s+", "", rest, flags=re.I)) and new and not holds_step(rest):
        rest = ""  # "[it'll be fixed the same day], and you'll drive away in it that afternoon": what the promise would
        # let them do goes with it (what they would get, "you'll have your certificate today", is a promise of its own,
        # checked against the policy)
    if _IF_NOT.match(rest) and not extract_facts(rest) and not _WHAT_TO_DO.search(rest):
        rest = ""  # "[an engineer will be there tomorrow], and if not you'll get a refund": what was to happen if the
        # promise failed goes with the promise ("if not, just DM us" is a step, and stays)
    if re.match(r"that\s+(?!is\b|was\b|'s\b|’s\b)", rest, re.I) and new and not holds_fact(rest) and \
            not holds_step(rest):  # "We guarantee that [Temi will be entered ...] and that she will have every chance to
        rest = ""  # pass with distinction": the second thing vouched for goes with the first
    if rest.strip(" .!?…"):
        rest = re.sub(r"^that\s+(?!is\b|was\b|'s\b|’s\b)", "", rest, flags=re.I)  # "and that our team will": "Our team will"
        if _LEADS_IN.match(rest) and not holds_fact(rest) and not holds_step(rest):
            return out or None  # "... as our team has taken all necessary steps": no sentence on its own
        if _MODAL_FIRST.match(rest) and out:  # "... and will certainly reach your account by 31 Mar.": its subject
            rest = ("they " if _PEOPLE.search(" ".join(out)) else "it ") + rest  # went with the first promise;
            # "it" carries the second (a later round hedges it), "they" after an engineer
        rest = re.sub(rf"^\.\s+(?={_THANKS_WORD}\b)", "", rest, flags=re.I)  # (the thanks cut off a promise)
        if starts_clause(rest) or re.match(rf"[a-z]+\s+(?:will|shall)\s|{_THANKS_WORD}\b", rest, re.I):
            # (a bare noun: "payment will be ..."; "Thx for your patience!")
            out.append(finish(capitalise(rest)))
        elif holds_fact(rest) or holds_step(rest):
            return None
    if out and out[0] and not before.strip():
        out[0] = capitalise(out[0])
    return out


_WHATEVER = re.compile(r",?\s*(?:irrespective|regardless)\s+of\s+(?:what|whatever|the)\b[^.!?]*", re.I)  # "..., whatever the
# contract says" goes with the guarantee it backed
_TRAILING_FACES = re.compile(rf"[\s{EMOJI}{EMOJI_GLUE}]+$")
_REMEDY_NOUN = re.compile(r"(?:(?:a|an|the|your)\s+)?(?:full\s+|complete\s+|prompt\s+)?(?:payment|refund|reimbursement|"
                          r"replacement|repair|compensation|settlement)\b", re.I)
_ASSURED = re.compile(rf"^\s*(?:{_VOUCHES}|rest\s+easy,?)\s*(?:that\s+)?", re.I)
_MADE = re.compile(r"^(?P<s>(?:all\s+)?(?:the|your|this|these|those|all)\s+[\w'’-]+(?:\s+[\w-]+)?)\s+(?:is|are|gets?)\s+"
                   r"(?P<vp>(?:\w+ly\s+)?\w+(?:ed|en|wn)\b.*)$", re.I)  # "this bill is completely written off"
# "we'll make sure the second €312 payment has vanished from your account": whether it can be removed
_MADE_GONE = re.compile(r"^(?P<s>(?:the|your|this|that|any)\s+(?:[\w-]+|[£$€]\d[\d,.]*)(?:\s+(?:[\w-]+|[£$€]\d[\d,.]*)){0,2}?)\s+"
                        r"(?:has|have)\s+(?:vanished|disappeared|dropped\s+off|been\s+(?:removed|taken\s+off))\b"
                        r"(?P<rest>.*)$", re.I)
_NO_CHECK = re.compile(r"^(?:(?:be\s+)?(?:not|never)\b|be\s+(?:perfect|fine|spot\s+on|flawless|good\s+as\s+new|disciplined)\b|"
                       r"make\s+(?:it|them)\s+look\b|look\s+(?:like|as\s+good\s+as)\s+new\b|"
                       # "I'll personally make sure.": sure of nothing it names
                       r"(?:personally\s+)?(?:make\s+(?:sure|certain)|ensure|see\s+to\s+it)(?:\s+of\s+(?:it|that|this))?"
                       r"\W*$)", re.I)
_PIECE_FIRST = re.compile(r"^(?P<piece>[^,;.!?]{1,40}?),\s+(?:and|but|so)\s+(?P<clause>(?:I|we|if)\b.*)$", re.I | re.S)
# what to do if it fails: the customer's ("just DM us") or the agent's ("we'll chase the courier")
_WHAT_TO_DO = re.compile(r"\b(?:dm|message|reply|call|ring|contact|e-?mail|send|let\s+us\s+know|get\s+in\s+touch|pop\s+in)\b|"
                         r"\b(?:we|I)(?:['’]ll|\s+will)\s+(?:chase|call|contact|check|follow|send|arrange|book)\b", re.I)
_GAPPED = re.compile(r"^(?P<piece>(?:the|your|our|its|his|her|their|all)\s+(?:[\w'’-]+\s+){1,3}?(?:back|up\s+and\s+running|ready|"
                     r"fixed|repaired|sorted|replaced|refunded|delivered|done|running|working|with\s+you)\b[^.!?;,]*)"
                     r"(?:[;,]\s*(?:and\s+)?(?P<more>.+?))?[.!\s]*$", re.I | re.S)
_THEN_YOU = re.compile(r"^(?:then\s+)?(?:you|(?:the|your|all\s+the)\s+(?:[\w-]+\s+)?(?:pupils|students|children|kids|guests|"
                       r"members|family|team|class|group|customers))(?:['’]ll|\s+will)\s+(?:then\s+)?(?!(?:be\s+able\s+to\s+)?"
                       r"(?:need|have|get|receive|see|track|trace|check|log|download)\b)(?:be\s+able\s+to\s+)?[a-z]+\b[^.!?;]*?\b(?:(?:that|the\s+same|this)\s+(?:afternoon|evening|"
                       r"morning|day|night)|today|tonight|tomorrow|from\s+day\s+one)\b[^.!?;]*[.!]?\s*$", re.I)
_NOUN_PIECE = re.compile(r"(?:the|a|an|your|our|my|his|her|their|this|that|any|all)\s", re.I)  # ("the hassle")
_IF_NOT = re.compile(r"^\W*(?:if\s+not|otherwise|failing\s+that|or\s+else|if\s+(?:it|that|this|they|he|she)\s+"
                     r"(?:doesn['’]t|does\s+not|isn['’]t|is\s+not|can['’]t|won['’]t|fails?))\b", re.I)
_CAUSE = re.compile(r"^(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|following)\s+(?:the|your)\b", re.I)
_MODAL_FIRST = re.compile(r"(?:will|shall|should|would|can|could|may|might|must)\s+(?!you\b|we\b|I\b|it\b|they\b)\w", re.I)
_FOR_GOOD = re.compile(r"be\s+\w+\s+(?:for\s+good|once\s+and\s+for\s+all|forever|permanently)\b", re.I)
_ALL_FINE = re.compile(r"(?:that['’]s|that\s+is|it['’]s|it\s+is)\s+(?:absolutely\s+|totally\s+|perfectly\s+|completely\s+)?"
                       r"(?:fine|ok|okay|no\s+problem)|(?:no|not\s+a)\s+problem(?:\s+at\s+all)?|of\s+course", re.I)  # "That's
# absolutely fine — [I'll pro-rate your invoice]": the yes went with what it said yes to
_GRANT_REASON = re.compile(r"(?:given|in|under)\s+the\s+circumstances|as\s+(?:a|an)\s+(?:gesture\s+of\s+goodwill|"
                           r"goodwill\s+gesture|one-?off|exception)|on\s+this\s+(?:occasion|one\s+occasion)|exceptionally|"
                           r"in\s+this\s+(?:case|instance)", re.I)
_LEADS_IN = re.compile(r"^(?:as|because|since|although|though|while|so\s+that)\b", re.I)
_LED_IN_LAST = re.compile(r"(?:[,;]\s+|\s[-–—]\s+)(?P<clause>(?:since|because|as|if|when|once|unless|although|though|while)"
                          r"\s[^,;–—]*)$", re.I)  # the lead's last clause, when it leads into what follows
_ENSURES = re.compile(r"\b(?:make\s+sure|ensure)\b", re.I)  # "I'll make sure it all goes away": no step of the agent's
_THREAD_HEAD = re.compile(r"^(?:@\w+\s+)+(?:[(\[]?[1-9]/[1-9][)\]]?\s+)?|^[(\[]?[1-9]/[1-9][)\]]?\s+")
# "I've gone ahead and [added £50 credit]": the lead goes with the grant it led into
GONE_AHEAD = re.compile(r"^\W*(?:(?:no\s+problem(?:\s+at\s+all)?|no\s+worries|of\s+course|sure)\W+)?(?:so\s+)?"
                         r"(?:I|we)(?:'ve|’ve|\s+have)?\s+(?:also\s+|just\s+)?(?:gone|went)\s+ahead\W*$", re.I)
_GONE_AHEAD_LAST = re.compile(r"[,;]?\s*(?:and\s+|so\s+)?(?:I|we)(?:'ve|’ve|\s+have)?\s+(?:also\s+|just\s+)?(?:gone|went)\s+"
                              r"ahead\W*$", re.I)
# A lead of two words that says nothing alone: "I've checked." / "If not." (not "DM us.")
_SAYS_LITTLE = re.compile(r"^\W*(?:I|we|I've|we've|I’ve|we’ve|I'm|we're|I’m|we’re|if|so|and|but|ok|okay|well)\b", re.I)


def _hedge_contact(clause: str) -> str | None:
    """The company's own contact, rushed ("will reach out asap"): drop the rush, keep the sentence."""
    m = _FUTURE.search(clause)
    if not m:
        return None
    subject, rest = clause[: m.start()].strip(), clause[m.end():]
    if not _AGENT.match(subject) or not _CONTACT.match(rest) or not (_RUSH.search(rest) or _CERTAINTY.search(rest)):
        return None
    new = _CERTAINTY.sub("", _RUSH.sub("", rest)).strip()
    return clause[: m.end()] + new if new and set(extract_facts(rest)) <= set(extract_facts(new)) else None


# "you'll get every penny back": said without the certainty, the object stays ("your money back", not "get back")
_EVERY_PENNY_BACK = re.compile(r"\bevery\s+(?:single\s+)?(?:penny|cent|pound|dollar)(?=\s+back\b)", re.I)
_EVERY_PENNY_OF = re.compile(rf"\bevery\s+(?:single\s+)?(?:penny|cent|pound|dollar)\s+of\s+"
                             rf"(?=(?:the|your)\s+(?:[{CURRENCY}]|[A-Z]{{3}}\s)\s?\d)", re.I)  # ("of your CHF 42")


def _rewrite(clause: str, policy: Policy, used: set[str], salt: int, asked: str = "") -> list[str] | None:
    topic = _TOPIC_LEAD.match(clause)
    pronoun = re.search(r"\b(?:it|they|them)\b", clause[topic.end():]) if topic else None
    if pronoun and (pronoun.start() and _PEOPLE.search(topic["what"]) or re.search(r"\b(?:it|they|them)\b",
                                                                                   clause[topic.end() + pronoun.end():])):
        pronoun = None  # "As for the fitter, we'll have it fixed": "it" is the window, not the fitter
    if topic and pronoun:  # "Regarding the refund, it will be with you by Friday", "As for the refund, you'll get it
        rest = clause[topic.end():]  # today": the promise of "the refund", said by name
        what = topic["what"] if pronoun.start() else capitalise(topic["what"])
        return _rewrite(rest[: pronoun.start()] + what + rest[pronoun.end():], policy, used, salt, asked)
    if topic:  # "As for the fitter, we will sort something out": the promise fixed, its topic kept in front
        new = _rewrite(clause[topic.end():], policy, used, salt, asked)
        return [topic.group() + lower_first(new[0]), *new[1:]] if new else new
    clause = _EVERY_PENNY_OF.sub("", _EVERY_PENNY_BACK.sub("your money", clause))  # "every penny of the £2,300 back"
    if DECLINED in used and _PAYS_IT.match(_CERTAINTY.sub("", clause).strip()) and not holds_fact(clause):
        return []  # "Both amounts will be paid into your account this week", after the amounts were declined: it goes
    again = DECLINED in used
    new = _rewrite_promise(clause, policy, used, salt, asked)
    if new and any(line.startswith(_DECLINING) for line in new):
        used.add(DECLINED)
        second = _CANT_OFFER.match(new[-1]) if again else None
        if second:  # a second "I can't offer ..., but I'll check what I can offer instead" reads as a form: "either"
            new = [*new[:-1], f"{_REFUSED}I can't {second['verb']} {second['what']} either."]
    return new


_TOPIC_LEAD = re.compile(r"^(?:as\s+for|as\s+regards|regarding|with\s+regard\s+to|in\s+terms\s+of)\s+"
                         r"(?P<what>(?:the|your)\s+[^,;.!?]{1,30}),\s+(?=(?:we|I|they|it|the|your)\b)", re.I)  # "As for the
# fitter, ..."
_IT_FIRST = re.compile(r"\W*(?:and\s+|so\s+)?(?:(?:it|they|this|that)\b(?!\s+(?:is|was)\s+(?:not|your|my|our))|"
                       r"you(?:['’]ll|\s+will)\s+(?:have|get|receive)\s+(?:it|them)\b)", re.I)
_LAST_CONDITION = re.compile(r"[;:—–]\s*(?P<if>(?:once|when|as\s+soon\s+as|after|if)\b[^;:,.!?]*,\s*)$", re.I)
_SO_YOU_HAVE = re.compile(r"^\s*,?\s*so\s+(?:that\s+)?you(?:['’]ll|\s+will|\s+can|\s+should)?\s+(?:have|get|receive|see)\b"
                          r"[^,;.!?–—]*"
                          r"(?:,\s*(?:well\s+)?(?:ahead\s+of|before|in\s+time\s+for)\b[^,;.!?–—]*)?", re.I)
_SURE_ARRIVING = re.compile(r"(?<=\w)\s+(?:is|are|['’]s|['’]re)\s+(?:definitely|certainly|absolutely|def|defo|deffo|100\s?%)\s+"
                            r"(?P<verb>coming|arriving|landing|shipping)\b", re.I)
_U_LL = re.compile(r"(?<![\w@#^'’.])u(['’](?:ll|re|ve|d))\b", re.I)
_YOU_HAVE = re.compile(r"\byou(?:['’]ll|\s+will)\s+(?:definitely\s+|certainly\s+)?(?:have|get|receive)\s+(?P<it>it|them)"
                       r"(?:\s+all)?\b", re.I)  # ("it all")
_FASTER_SHIPPING = re.compile(r"\b(?:next|same)[- ]day\b|\bexpress\b|\bovernight\b|\bpriority\b", re.I)
_SPEECH_RULE = re.compile(r"^\s*(?:do\s+not|don['’]t|never|must\s+not)\s+(?:admit|discuss|mention|disclose|reveal|comment|"
                          r"speculate|blame|talk|promise|guarantee|quote|commit\s+to)\b"
                          r"|\b(?:must|should|may)\s+(?:not|never)\s+be\s+(?:disclosed|discussed|shared|mentioned|revealed|admitted)\b"
                          r"|\bnot\s+to\s+be\s+(?:disclosed|discussed|shared|mentioned)\b", re.I)
_PROMISE_RULE = re.compile(r"^\s*(?:do\s+not|don['’]t|never|must\s+not)\s+(?:promise|guarantee|quote|commit\s+to)\b", re.I)


_NO_PROOF_NEEDED = re.compile(WAIVES_PROOF.pattern + r"[^.!?]*[.!?]*\s*$", re.I)  # (the whole clause)


def _rewrite_promise(clause: str, policy: Policy, used: set[str], salt: int, asked: str = "") -> list[str] | None:
    if _NEVER_AGAIN.search(clause) or _ENSURES.search(clause) and re.search(r"\bnever\b", clause, re.I):
        # ("we'll make sure ur next ride never gets cancelled")
        if holds_fact(clause):
            return None
        # "you'll never be charged a cancellation fee in future" promises a treatment, after no failure: it goes
        return [_LEARN[salt % len(_LEARN)]] if _FAILED_BEFORE.search(clause) else []
    if _NO_PROOF_NEEDED.match(clause) and not holds_fact(clause):
        return []  # "No need to send anything back or provide any photos!": a condition let go (a planted order's, or
        # one a policy line sets) goes; the check of the case stays the agent's
    explicit = _EXPLICIT.match(clause)
    if explicit:
        rest = clause[explicit.end():]
        if re.search(r"\byou\W*$", explicit.group(), re.I) and re.match(r"(?:will|shall|can)\b", rest, re.I):
            rest = "you " + rest  # "We guarantee you will receive ...": the "you" is the next clause's subject
        clause = _unvouched(rest).strip()
        clause = _IS_BY.sub(r"\g<subj> will be \g<rest>", clause)  # "... that the £64.00 is back on your card by
        # tomorrow morning": the outcome it promises, in the future
        if re.match(r"(?:order|parcel|package|delivery|replacement|refund|booking|item)\s+[^,;]*\b(?:will|shall)\b", clause,
                    re.I) and not starts_clause(clause):
            clause = "your " + clause  # "I promise order 61-778 will arrive tomorrow": your order
        if clause and not starts_clause(clause) and _REMEDY_NOUN.match(clause) and not policy.commitments:
            # "we guarantee full payment of SEK 18,400 once the assessment is complete": the remedy, said as what the
            # agent checks (where a policy has lines, its line on the topic is said instead, below)
            what = _TRAILING_FACES.sub("", _CERTAINTY.sub("", clause)).strip(" ,.!")
            return [finish(f"I'll check what I can confirm about {what} and update you")]
        if not clause or not starts_clause(clause):
            return [] if not holds_fact(clause) else None
    if not holds_fact(clause) and any(for_agents(line) and _MUST_NOT.search(line) and not _WHEN_WORDS.search(line) and
                                      _shares_a_word(line, clause) for line in policy.commitments):
        return []  # "you will be fully compensated" where agents must not discuss compensation: it goes, unhedged
    bare = re.sub(r"(?:\s+(?:\^\w+|#\w+))+\s*$", "", _GUARANTEED.sub("", clause))  # ("... next time, promise ❤️ ^KL")
    if _ENJOYING.match(clause) and not extract_facts(BY_A_DAY.sub("", _DEADLINE.sub("", clause))):
        return []  # "and you will be cooking in your new kitchen this weekend": what the fix would let the customer do
        # goes with the promise of the fix (checking it would be "whether you can cook in your new kitchen")
    if (_NEXT_TIME.match(clause) or _LATER_ON.search(bare)) and _FUTURE.search(clause) and not holds_fact(clause) and \
            not any(same_topic(line, clause, subject=True) for line in policy.commitments):
        return []  # "your next flight with us will leave on time": a promise about what comes after, nothing to check
    done = _DONE.search(clause)
    if done and _FREE.search(clause, done.end()):
        done = None  # ("We'll get that fixed at no cost": not "We'll look into this at no cost")
    if done:  # "Let's get this sorted out via <link>" -> "Let's look into this via <link>"
        kind = next(k for k in _DONE_AS if done.group(k))
        new = _DONE_AS[kind].format(who=done.group("who") or "")
        # "get it fixed good as new": the outcome goes with it, and so does its "guaranteed"
        rest = _CERTAINTY.sub("", _GUARANTEED.sub("", _OUTCOME_LEFT.sub("", clause[done.end():])))
        return [finish(capitalise(clause[: done.start()] + new + rest))]
    if explicit and not _FUTURE.search(clause):
        return [finish(capitalise(clause))]
    forbidden = policy.forbids(clause)  # "Express shipping is not available for replacements": say so
    if forbidden and _SPEECH_RULE.match(forbidden):  # "Do not admit liability ...": a rule of what the team says, never
        if not holds_fact(clause):  # said to the customer; what it rules out goes
            return []
        if not _PROMISE_RULE.match(forbidden):
            return None
        forbidden = None  # "Do not promise delivery dates": the date is said as not confirmed, like any promise
    if forbidden in used and not holds_fact(clause):
        return []  # the line is said already ("... whenever you like and I'll cover the postage"): the clause goes
    breached = policy.breached_by(clause, asked) if asked and not forbidden else None
    breached = None if breached is None or for_agents(breached) or _TO_STAFF.match(breached) else breached
    # ("Items marked 'Final Sale' cannot be refunded" for a coat from the sale: that line, not "Refunds are accepted
    # within 30 days")
    policy_line = forbidden or (breached if breached not in used else None) or \
        next((line for line in policy.commitments if line not in used and not for_agents(line) and
              same_topic(line, clause, subject=True)), None)
    granted = GRANT_MADE.search(clause) and not _FUTURE.search(clause)
    share = policy.share_line(clause) if re.search(r"\b(?:full|whole|entire)\s+refund|\b100\s?%\s+of\b", clause, re.I) \
        else None
    if share is not None and share not in used:  # "a full refund" where the line pays 25% of the price: the line
        said = _policy_instead(clause, share, salt, asked=asked)
        if said is not None:
            used.add(share)
            return said
    if granted and policy_line is None:  # "I'm giving you a full refund plus £100" against "a voucher worth 10%"
        # the checker found it beyond a line on its topic: any word they share names that line
        policy_line = next((line for line in policy.commitments if line not in used and not for_agents(line) and
                            _shares_a_word(line, clause)), None)
        if policy_line is not None:
            used.add(policy_line)
            amounts = [amount for amount, _ in sums(clause)]
            if len(amounts) < len(extract_facts(clause)):
                return None  # a reference would be lost
            return [said_policy(policy_line),
                    _BEYOND[salt % 2].format(amounts=_and_list(amounts)) if amounts else _BEYOND_PLAIN[salt % 2]]
    one = policy.allows_one(clause)
    if one is not None and one not in used and not holds_fact(clause):  # "waived all three" against "one fee a year":
        used.add(one)  # the line, then what the agent does about the rest
        return [said_policy(one), _BEYOND_PLAIN[salt % 2]]
    on_topic = policy.waived_condition(clause)
    waived = [line for line in on_topic if line not in used and not for_agents(line)][:2]
    if on_topic and not waived and not forbidden and not holds_fact(clause):
        return []  # the lines are said already (a second "no need to send it back"): the clause goes
    if waived and not forbidden and _kept_by(clause, waived):  # "no need to send it back", "whenever you like": what the
        # lines ask, then a check (a sum the lines do not say is for the lines on its topic, below)
        used.update(waived)
        return [*(said_policy(line) for line in waived), _BEYOND_PLAIN[1]]
    if policy_line and not holds_fact(clause):
        used.add(policy_line)
        return [said_policy(policy_line)]
    said = _policy_instead(clause, policy_line, salt, forbidden is not None, asked, _larger_to(policy, policy_line)) \
        if policy_line else None
    refused = _RULED_OUT_GRANT.match(_CERTAINTY.sub("", clause).strip()) if forbidden and said is None else None
    if refused and not re.search(r"\b(?:and|but|so|if|when|once|by|before|until)\b", refused["what"], re.I):
        # "We'll refund the unused 8 months" against "Pro-rata refunds are not available": the line, and what it rules
        # out said as not offered (its figures kept), never a check of the outcome the line rules out
        used.add(forbidden)
        return [said_policy(forbidden), f"{_REFUSED}{refused['who'].lower() if refused['who'] != 'I' else 'I'} can't "
                                  f"{refused['what']}."]
    if said is not None:  # beyond the policy: say what it grants, never a hint at the faster outcome
        used.add(policy_line)
        return said
    if forbidden:
        return None  # what the policy rules out is never hedged into "we aim to" or a check: it stays, and fails
    clause = _CERTAINTY.sub("", _unvouched(clause)).strip()
    spared = _NOT_CHARGED.match(clause)
    if spared:  # "you definitely won't be charged the €214.60": whether the charge can come off, checked
        vp = f"be taken off your {spared['where'] or 'bill'}"
        return [_also(f"{spared['what']} can {vp}") if CHECKED in used else
                _CHECKS[salt % len(_CHECKS)].format(s=spared["what"], vp=vp)]
    if _SEES_IT.match(clause) and not holds_fact(clause):
        return []  # "you'll see it on your next bill": what "it" was is checked already; a check of seeing it is noise
    # "We expect that ..." still promises (a reviewer reads it so): a clause that cannot be the agent's own step stays,
    # and the rewrite says it does not pass
    # "I aim to make sure your fee is written off" hedges a promise to this customer; "By 2020, we aim to make sure
    # our packaging is halved" is the company's own plan
    personal = _ENSURES.search(clause) and \
        (re.search(r"\b(?:you|your|yours)\b", clause, re.I) or not re.search(r"\bwe\b", clause, re.I))
    aim = None if personal else _as_aim(clause)
    check = _as_check(clause, salt, again=CHECKED in used, asked=asked)
    check = aim if check is None else check  # the engine marks a check it kept
    if check == "":
        return []  # a hurry to a result the reply's own steps lead to ("Pro will unlock straight away"): it goes
    return [check] if check is not None else None


_REFUSED = "That means "
_CANT_OFFER = re.compile(r"^(?:That means )?I can't (?P<verb>offer|refund) (?P<what>.+?)(?: here| for this)[;,]")
DECLINED = "(a grant was declined)"  # the marker in ``used``: the payment of what was declined is no check of its own
# what pays out the grant: "both amounts will be paid into your account", "the payment will be in your account by
# tomorrow", "you'll receive the full $640"
_PAYS_IT = re.compile(r"^(?:and\s+|so\s+)?(?:(?:(?:both|all)\s+(?:of\s+)?(?:the\s+)?(?:amounts?|payments?|sums?)|"
                      rf"the\s+(?:payment|money|refund|amount|compensation|credit|full\s+(?:amount|sum)|full\s+[{CURRENCY}]\S+)|it)\s+"
                      r"(?:will|'ll|’ll|should|is\s+going\s+to)\s+(?:\w+\s+)?(?:be\s+)?(?:paid|in\s+your|reach|arrive|land|show|"
                      r"credited|with\s+you|transferred)\b"
                      # ("it will be in your account", not "they will arrive tomorrow": an engineer, not the money)
                      r"|(?:it|this|that|all\s+of\s+it)\s+(?:will|'ll|’ll|should|is\s+going\s+to)\s+(?:\w+\s+)?(?:be\s+)?"
                      r"(?:paid|in\s+your\s+(?:account|bank)|credited|transferred|refunded|reach\s+your\s+(?:account|card|bank))\b)"
                      r"|^(?:and\s+|so\s+)?you(?:'ll|’ll|\s+will)\s+(?:\w+\s+)?(?:receive|get|have|see)\s+(?:it|them|the\s+(?:full|"
                      r"payment|money|refund|amounts?)|both)\b", re.I)
_SO_BACK = re.compile(r"^,?\s*(?:so|and)\s+you(?:'ll|’ll|\s+will)\s+(?:get|receive|have|see)\s+(?:your\s+)?"
                      rf"(?P<money>[{CURRENCY}]\s?\d[\d,.]*\d|[{CURRENCY}]\s?\d)\s+(?:back|refunded)"
                      r"(?:\s+(?P<when>(?:by|on|before|within)\s+[^,.;!?]+?))?(?=\s*(?:[,.;!?]|$))", re.I)
_RULED_OUT_GRANT = re.compile(r"^(?P<who>I|we)(?:'ll|’ll|\s+will|\s+can)\s+(?:also\s+)?(?P<what>(?:refund|waive|reimburse|"
                              r"credit|cover|pay|give|offer|send|replace|extend|upgrade)\b[^.!?;]*?)[.!?]*$", re.I)
_WHEN_PART = re.compile(r"\b(?:within|by|before)\s+[^,.;!?]+$|\bon\s+(?:\w+day|\d)[^,.;!?]*$|"
                        r"\b(?:today|tonight|tomorrow)\b[^,.;!?]*$", re.I)
_IT_BACK = re.compile(r"^,?\s*(?:so|and)\s+(?:you(?:'ll|’ll|\s+will)\s+(?:then\s+)?(?:have|get|see|receive)\s+"
                      r"(?:it|them|the\s+money|your\s+money|the\s+refund|your\s+refund)|(?:it|they)\s+will\s+be)\s+back\b[^.!?;]*",
                      re.I)
_SO_PAID = re.compile(r"^,?\s*(?:so|and)\s+you(?:'ll|’ll|\s+will)\s+(?:then\s+)?(?:receive|get|have)\s+"
                      rf"(?P<what>(?:the\s+)?(?:full\s+)?(?:[{CURRENCY}]\s?\d[\d,.]*\d|[{CURRENCY}]\s?\d))(?:\s+back)?"
                      r"(?=\s*(?:[,.;!?]|$))", re.I)
_SEES_IT = re.compile(r"^(?:and\s+|so\s+)?you(?:'ll|’ll|\s+will|\s+should)\s+(?:then\s+)?(?:see|notice|spot|find)\s+"
                      r"(?:it|this|that|them)\b", re.I)
_BEYOND = (
    "I can't offer {amounts} for this, but I'll check what I can offer instead and update you.",
    "That means I can't offer {amounts} here; I'll check what I can offer instead and let you know.",
)
_BEYOND_BY = (
    "I can't offer {amounts} for this, but I'll check what I can offer instead and update you by {when}.",
    "That means I can't offer {amounts} here; I'll check what I can offer instead and let you know by {when}.",
)
_BEYOND_PLAIN = (
    "I'll check what I can offer you under it and update you.",
    "I'll check what that means for you and let you know.",
)
_CANT_REFUND = (
    "I can't refund {amounts} for this, but I'll check what I can offer instead and update you.",
    "That means I can't refund {amounts} here; I'll check what I can offer instead and let you know.",
)
_WITHIN = (  # what the policy rules out ("this cannot be waived", "no cash refunds"): someone who may decide reviews it
    "I'll ask a manager to review the {amounts} and update you with what they decide.",
    "I'll pass the {amounts} to a manager to review, and let you know what they decide.",
)
# how a line that declines a grant starts ("That means ...", "I can't offer ...", "I'll pass the ... to a manager")
_DECLINING = (_REFUSED, *{line.split("{")[0] for line in (*_BEYOND, *_BEYOND_BY, *_CANT_REFUND, *_WITHIN)})
_APPLIES = (
    "I'll check how that applies to the {amounts} and update you.",
    "I'll check how that applies to the {amounts}, and let you know.",
)
_APPLIES_TO = (
    "I'll check how that applies to {refs} and update you.",
    "I'll check what that means for {refs} and let you know.",
)
_APPLIES_WHEN = (  # never "whether it can be paid within 2 days" beside a line that says 14: no hint at the faster outcome
    "I'll check how that applies to the {amounts} and update you, though I can't confirm payment {when} yet.",
    "I can't confirm payment {when} yet, but I'll check how that applies to the {amounts} and let you know.",
)


_NOT_CONFIRMED = (
    "I can't confirm it for {dates} yet, but I'll check where it stands and update you.",
    "I can't confirm {dates} yet; I'll check where it stands and let you know.",
)


_NOT_CONFIRMED_IN = (
    "I can't confirm it will be {dates} yet, but I'll check where it stands and update you.",
    "I can't yet confirm it will be {dates}; I'll check where it stands and let you know.",
)


_LABEL = re.compile(r"^[A-Z][\w&/ -]{2,40}:\s+(?=\S)")  # "Late delivery compensation: delivery fee refunded ..."


_WHO = re.compile(r"\b(?:members?|customers?|users?|subscribers?|holders?|tiers?|plans?|accounts?|students?|business\w*|"
                  r"gold|silver|premium|plus|pro|vip)\b", re.I)


# a finite verb, which "a £5 voucher for orders delivered more than 3 days late" lacks (a label's line says it as a
# heading: "Late delivery compensation: a £5 voucher ...")
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|will|can|cannot|can't|may|must|should|shall|do|does|get|gets|receive|"
                          r"receives|apply|applies|cost|costs|take|takes|have|has|qualify|qualifies|pay|pays|cover|covers|"
                          r"include|includes|need|needs|require|requires)\b", re.I)


_HEAD_AMOUNT = re.compile(rf"^(?P<head>[^:;]{{0,120}}?\b(?:compensation|credit|refund|voucher|allowance|reimbursement)\b"
                          rf"[^:;]*):\s*(?P<amount>(?:up\s+to\s+)?[{CURRENCY}]\s?\d[\d,.]*|\d+(?:\.\d+)?\s?%)\s*\.?$", re.I)
_BARE_REMEDY = re.compile(rf"(?:an?|the|one|up\s+to)\b|[{CURRENCY}]", re.I)
_BEFORE_WHEN = re.compile(r"\b(?:once|when|if|unless|where|(?:after|before|until)(?!\s+(?:the\s+(?:date|day|end|start|time)\b|"
                          r"\d)))\b")  # (not a time: "Cases dispatched after the date of death are refunded")
_REMEDY_LABEL = re.compile(r"\b(?:compensation|credit|refund|voucher|allowance|goodwill|cover|limit|cap|fee|charge)\s*:\s*$",
                           re.I)


def said_policy(line: str) -> str:
    """A policy line as the reply says it: without the heading a policy file gives it."""
    line = line.strip()
    amount = _HEAD_AMOUNT.match(line)
    if amount:  # "UK261 compensation for delays over 3 hours on flights under 1,500 km: £220" -> "... is £220."
        return finish(as_ours(f"{amount['head'].rstrip()} is {amount['amount']}"))
    label = _LABEL.match(line)
    if label and len(line[label.end():].split()) >= 4 and not line[label.end()].isdigit() and \
            not _WHO.search(label.group()) and states(line[label.end():]) and \
            _FINITE_VERB.search(_BEFORE_WHEN.split(line[label.end():])[0]):
        # ("Premium members: free returns ..." says whom the line is for; "Delays of 30-59 minutes: compensation of
        # 50% of the single fare" says when, and without it has no verb)
        line = capitalise(line[label.end():])
    elif label and _REMEDY_LABEL.search(label.group()) and _BARE_REMEDY.match(line[label.end():]) and \
            not _FINITE_VERB.search(_BEFORE_WHEN.split(line[label.end():])[0]):
        # "Late delivery compensation: a £5 voucher for orders ..." -> "Late delivery compensation is a £5 voucher ..."
        line = f"{label.group().rstrip().rstrip(':')} is {line[label.end():]}"
    elif label:
        line = _unheaded(label.group().rstrip().rstrip(":"), line[label.end():])
    elif (verbless := _missing_verb(line)) is not None:
        # "Goodwill vouchers capped at £10", "Refunds issued within 5 days": "... are capped ...", "... are issued ..."
        line = f"{line[:verbless].rstrip()} {_be(line[:verbless].split()[-1])} {line[verbless:].lstrip()}"
    elif not _FINITE_VERB.search(_BEFORE_WHEN.split(line)[0]) and _VERBLESS.match(line) and \
            not _ORDERS_THE_TEAM.search(line):  # ("Refunds only if repair is not possible": its verb is the condition's)
        line = "Our policy is: " + line[0].lower() + line[1:]  # "Refunds only within 30 days of delivery": no sentence
    return finish(as_ours(line))



def _missing_verb(line: str) -> int | None:
    """Where a policy line whose only verb is a participle needs its "is" / "are" (not "Same-day delivery where
    available": nothing is missing there)."""
    if _FINITE_VERB.search(_BEFORE_WHEN.split(line)[0]) or re.search(r"\b(?:we|you|they|it)\b", line, re.I):
        return None
    participle = _BARE_VERB.match(line) or _LIMIT_PARTICIPLE.search(line)
    if participle is None:
        return None
    at = participle.start("verb") if participle.re is _BARE_VERB else participle.start()
    before = line[:at].split()
    if not before or before[-1].lower() in ("where", "when", "if", "as", "while", "unless", "once", "whenever"):
        return None
    return at


def _be(noun: str) -> str:
    return "are" if noun.endswith("s") and not noun.endswith(("ss", "'s", "’s")) else "is"


# A line that names what it allows and its limit, with no verb: "Refunds only within 30 days of delivery", "Cancellation
# with full refund up to 72 hours before check-in" (not "Replacement ships within 2 business days")
_VERBLESS = re.compile(r"[A-Z][a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:only\s+(?:within|for|up\s+to|on|by|if|when|after|"
                       r"before|with)|with\s+(?:a\s+)?(?:full|partial)\s+\w+\s+(?:up\s+to|within|until|if))\b")
# An instruction to the team, not a statement of what the customer gets: "Never guarantee ...", "After 30 days, offer ..."
_ORDERS_THE_TEAM = re.compile(r"(?:^|[,;:]\s*)(?:never|always|do\s+not|don['’]t|offer|tell|ask|give|send|escalate|refer|advise|"
                              r"check|quote|use|log|raise)\b", re.I)
# A line whose only verb is a participle: of a limit ("Goodwill vouchers capped at £10", "Refunds limited to one per
# year"), or right after its subject ("Refunds issued within 5 days", "Delivery fee refunded if the order is late")
_BARE_VERB = re.compile(r"[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+(?P<verb>(?:accepted|issued|refunded|processed|shipped|"
                        r"dispatched|delivered|credited|charged|reviewed|approved|offered|given|paid|sent|replaced|"
                        r"repaired|collected|covered|waived|reimbursed)\b)")
_LIMIT_PARTICIPLE = re.compile(r"(?<=[a-z'’])\s+(?=(?:capped|limited|restricted|available|subject|allowed|permitted)\b)")


# A heading's body that is an instruction to the team ("tell the customer to leave the property"): said elsewhere
_TO_THE_TEAM = re.compile(r"^(?:tell|advise|ask|instruct|remind|inform|warn|direct|signpost|refer)\b|\bthe\s+customer\s+to\b",
                          re.I)
# "if tracking has not updated for 7 days, open a carrier trace ...": a condition, then what the team does
_IF_THEN_DO = re.compile(r"^(?:if|when|once|where)\b[^,;]{3,80},\s*(?:then\s+)?(?:open|offer|refund|book|send|arrange|raise|"
                         r"log|escalate|issue|tell|ask|advise|replace|credit|waive|check)\b", re.I)
# A body that starts with what the team does: "refund the difference if ...", "open a courier investigation"
_TEAM_DOES = re.compile(r"^(?:refund|offer|open|credit|collect|freeze|move|book|replace|send|arrange|issue|waive|escalate|log|"
                        r"raise|give|provide|reimburse|cover|repair|extend|apply|add|deliver|ship|dispatch|pay|swap|exchange)\b",
                        re.I)
# A body whose verb is a bare participle: "delivery fee refunded if ...", "one day's hire charge refunded"
_BARE_PARTICIPLE = re.compile(r"(?<=[a-z'’])\s+(?=(?:refunded|reimbursed|paid|dispatched|shipped|credited|issued|applied|"
                              r"waived|covered|offered|given|sent|replaced|repaired)\b)")
# More verbs a heading's body says things with: "replacement ships within 2 business days", "60-119 minutes late earns"
_BODY_VERB = re.compile(r"\b(?:ships|earns|arrives|attends|closes|lasts|runs|starts|ends|expires|opens|takes)\b", re.I)
# A heading that names the thing the body gives a value to: "Warranty period: 1 year", "Delay Repay: 25% of the fare"
_VALUE_HEADING = re.compile(r"\b(?:compensation|credits?|refunds?|vouchers?|allowances?|period|freezes?|repay|sla|limits?|caps?|"
                    r"fees?|charges?|warranty|cover)$", re.I)


def _lower_first(text: str) -> str:
    """``text`` with its first letter lower-cased, unless its first word is an acronym ("SLA", "EU")."""
    first = text.split()[0] if text.split() else ""
    return text if first[1:2].isupper() else text[:1].lower() + text[1:]


def _unheaded(heading: str, body: str) -> str:
    """A policy line with a heading said as one sentence: "Price match: refund the difference if ..." -> "For price
    match, we refund the difference if ..."; "Delays over 3 hours: compensation of €250 ..." -> "For delays over 3
    hours, the policy is compensation of €250 ..."; "Warranty period: 1 year from purchase." -> "The warranty period is
    1 year ..."; a line in another language, or one that tells the team what to tell the customer, stays as it is."""
    if not heading.isascii() or _TO_THE_TEAM.search(body) or re.search(r"\bteam\b", heading, re.I) or \
            _IF_THEN_DO.match(body):
        return f"{heading}: {body}"
    words = heading.split()
    name = heading if len(words) > 1 and words[1][:1].isupper() or words[0][1:2].isupper() else \
        heading[:1].lower() + heading[1:]  # ("Delay Repay", "SLA", "EU claims" keep their capitals)
    if re.match(r"(?:\w+ed|broken|lost|stolen|torn|missing)\s+(?:in|on|at|during|by)\b", name):
        name = "items " + name  # "Damaged on arrival": items damaged on arrival
    main = _BEFORE_WHEN.split(body.split(";")[0])[0]
    lower = _lower_first(body)
    if re.match(r"(?:we|you|they|it|our|your)\b", body, re.I):  # "Wrong-item deliveries: we collect the item ..."
        return f"For {name}, {lower}"
    if _TEAM_DOES.match(body) and not re.match(r"\w+\s+(?:or|and)\s", body):  # ("refund or replacement ...")
        return f"For {name}, we {lower}"
    participle = _BARE_PARTICIPLE.search(main)
    if participle and not _FINITE_VERB.search(main):
        verb = _be(main[: participle.start()].split()[-1])
        return f"For {name}, {lower[: participle.start()]} {verb}{lower[participle.start():]}"
    if _FINITE_VERB.search(main) or _BODY_VERB.search(main):
        return f"For {name}, {lower}"
    value = _VALUE_HEADING.search(heading) or _VALUE_HEADING.search(words[0])  # ("Compensation for delays over ...")
    if value:
        verb = "are" if value.group().endswith("s") else "is"
        return f"{heading if heading is name or verb == 'are' else 'The ' + name} {verb} {body}"
    return f"For {name}, the policy is {body}"


def _kept_by(clause: str, lines: list[str]) -> bool:
    """Every fact of ``clause`` is said again, in its digits, by one of the policy ``lines`` ("12-month", "12 months")."""
    said = {re.sub(r"\D", "", fact) for line in lines for fact in extract_facts(line)}
    return all(re.sub(r"\D", "", fact) in said for fact in extract_facts(clause))


def _value(amount: str) -> float:
    """A money fact's value, however it is written ("£1,240.00", "50 dollars")."""
    return float(re.sub(r"[^\d.]", "", amount))


# A reference with its label beside a promise: ", tracking ref TR-558201" is kept as a sentence of its own
_LABELLED = r"[,;]?\s*\(?\b(?P<label>(?:(?:tracking|order|booking|case|claim|ticket|job|account|policy)\s+)?" \
            r"(?:ref(?:erence)?|no\.?|number|#)|policy|order|booking|account|claim|case|ticket|invoice)\s*[:.]?\s*{fact}\)?"


def _policy_instead(clause: str, line: str, salt: int, forbidden: bool = False, asked: str = "",
                    larger_to: str | None = None) -> list[str] | None:
    """The policy's line instead of the promise; a date the promise named is kept as the time of the agent's update
    (as not confirmed where the customer asked for it), an amount beyond the line as not offered ("Goodwill credits
    are capped at £20 per order. I can't offer a £50 credit ..."), and a labelled reference in the agent's step ("I'll
    check how that applies to order SF-11873 ...") or, where there is none, as it was ("The tracking ref is ...")."""
    kept, refs = [], []
    for fact, kind in fact_kinds(clause).items():
        m = re.search(_LABELLED.format(fact=re.escape(fact)), clause, re.I) if kind == "token" else None
        if m:
            clause = clause[: m.start()] + clause[m.end():]
            label = m["label"]
            named = label.isalpha() and label.lower() not in ("ref", "reference", "number")
            kind = re.match(r"(?:tracking|order|booking|case|claim|ticket|job|account|policy)\s+\w+", label, re.I)
            refs.append(f"{label.lower()} {fact}" if named else f"{kind.group().lower()} {fact}" if kind else f"ref {fact}")
            kept.append(f"Your {label.lower()} number is {fact}." if named else
                        f"The {label} is {fact}." if label.isalpha() else f"The reference is {fact}.")  # not "The No. is"
    said = _policy_said(clause, line, salt, forbidden, asked, larger_to)
    if said is None:
        return None
    one = rf"[{CURRENCY}][\d,.]*\d(?:\s+(?:(?:goodwill|account|service|bill|store|travel|gift|cash)\s+)?{_MONEY_NOUN})?"
    money = re.search(rf"{one}(?:\s+and\s+{one})*", said[-1]) if refs and len(said) > 1 else None
    if money:  # "I'll check how that applies to the $189 for order 33-80917": no "Your order number is ..." line
        said[-1] = said[-1][: money.end()] + " for " + " and ".join(refs) + \
            re.sub(r"^ for this\b", "", said[-1][money.end():])  # not "£20 for account 77120-B for this"
        return said
    on = re.match(r"^(?:I'm checking|I'll check) on .+?(?= and (?:will )?update you\b)", said[-1]) if refs and len(said) > 1 \
        else None
    if on:  # "I'm checking on your replacement card, tracking ref RM-44120, and will update you by 10am tomorrow"
        said[-1] = f"{on.group()}, {' and '.join(refs)},{said[-1][on.end():]}"
        return said
    into = re.search(r"\b(?:look|looking) into this\b", said[-1]) if refs and len(said) > 1 else None
    if into:  # "I'll look into order SF-11873 and update you by Wednesday"
        said[-1] = said[-1][: into.end() - 4] + " and ".join(refs) + said[-1][into.end():]
        return said
    stands = re.search(r"\bwhere it stands\b", said[-1]) if refs and len(said) > 1 else None
    if stands:  # "... but I'll check where it stands for order SF-11873 and update you"
        said[-1] = said[-1][: stands.end()] + " for " + " and ".join(refs) + said[-1][stands.end():]
        return said
    if refs and len(said) == 1:  # the line, then the reference in the agent's own step, not "Your order number is ..."
        return [*said, _APPLIES_TO[salt % 2].format(refs=" and ".join(refs))]
    return said + kept


def _larger_to(policy: Policy, line: str) -> str | None:
    """Who another line of the policy sends larger sums to ("Agents may not authorise payments above NOK 1,500; higher
    claims go to the claims team": "the claims team"), or None."""
    return next((who for other in policy.commitments if other != line and _LARGER.search(other) and
                 _SUMS_HANDED.search(other) for who in [approver(other)] if who), None)  # (not "Orders over £500 need
    # approval from the fraud team before dispatch": orders, not sums handed out)


_SUMS_HANDED = re.compile(r"\b(?:amounts?|sums?|compensation|refunds?|credits?|vouchers?|payouts?|payments?|claims?|"
                          r"reimburse\w*|goodwill)\b", re.I)
_LARGER = re.compile(r"\b(?:above|over|more\s+than|exceeding|beyond|higher|larger|bigger)\b", re.I)


def _policy_said(clause: str, line: str, salt: int, forbidden: bool, asked: str = "",
                 larger_to: str | None = None) -> list[str] | None:
    kinds = fact_kinds(clause)
    facts = list(kinds)
    dates = [_spelled(clause, fact) for fact, kind in kinds.items() if kind in ("date", "time")]
    for fact, kind in kinds.items():  # "paid within 48 hours": the number is a time the promise named
        spell = re.search(rf"\b(?:within|in|inside|under)\s+{re.escape(fact)}\s*(?:-\s*\d+\s*)?(?:business\s+|working\s+)?"
                          r"(?:minutes?|hours?|days?|weeks?)\b", clause, re.I) if kind == "token" else None
        if spell:
            dates.append(spell.group())
    amounts = [fact for fact, kind in kinds.items() if kind == "money"]
    amounts += [f"{fact}%" for fact, kind in kinds.items() if kind == "token" and  # "a 25% cash refund": a share of it
                re.search(rf"(?<![\w.]){re.escape(fact)}\s?%\s+(?:[\w-]+\s+)?(?:refund|discount|credit|off|voucher|"
                          r"compensation|cashback|loyalty)\b", clause, re.I)]  # (not "the 15% cancellation fee")
    if len(dates) + len(amounts) < len(facts):
        return None  # a reference would be lost: the engine tries another way
    policy = said_policy(line)
    if not facts:
        return [policy]
    cap = max((value for _, value in sums(line)), default=None)
    other = other_remedy(clause, line, only=True)  # "a £100 goodwill payment" where the line grants a voucher
    shares = [float(m) for m in re.findall(r"(\d+(?:\.\d+)?)\s?%", line)]  # "capped at 10%": a share's own cap
    limits = {a: max(shares) if a.endswith("%") and shares else cap for a in amounts}
    over = [a for a in amounts if limits[a] is not None and _value(a) > limits[a] or other]
    over = [a for a in over if not re.search(rf"\b(?:written\s+off|wiped|cleared)\s+(?:the\s+|your\s+)?{re.escape(a)}\s+"
                                             r"(?:balance|debt|arrears)\b", clause, re.I)] or over  # "written off the £620
    # balance": what is owed, not offered
    names = [_named(amount, clause) for amount in amounts]  # "the $75 credit", not "the $75" (all named, or none)
    named = " and ".join(names if all(n != a for n, a in zip(names, amounts)) else amounts)
    share = next((n for n, a in zip(names, amounts) if a.endswith("%") and n != a), None)
    beside = re.search(rf"{re.escape(share)}\s*\(([{CURRENCY}][\d,.]*\d)\)", clause, re.I) if share else None
    if beside and len(amounts) == 2:  # "a 25% cash refund ($52.50)": one sum, said once
        named = f"{share} ({beside.group(1)})"
    if amounts and dates and not over:  # "£9.76 a day and £50 from Saturday": the amounts are checked, not refused
        if all(re.match(r"(?:within|in|inside|under)\s", d) for d in dates):  # "paid within 48 hours": checked too
            if not asked_for(" ".join(dates), asked):  # a time the customer never asked for: the agent's update's
                return [policy, _APPLIES_BY[salt % 2].format(amounts=named, when=update_time(" and ".join(dates)))]
            return [policy, _APPLIES_WHEN[salt % 2].format(amounts=named, when=" and ".join(dates))]
        return [policy, _APPLIES[salt % 2].format(amounts=named)]
    if over and dates:  # "£360 ... by Monday" against "£20 per night": the date becomes the agent's own update
        when = " ".join(dates) if " ".join(dates) in clause else " and ".join(dates)
        said = _BEYOND_BY[salt % 2].format(amounts=_and_list(over), when=when)
        return [policy, re.sub(r"\bby\s+(?=(?:within|in|inside|under)\s)", "", said)]  # not "update you by within 3 days"
    if amounts and not dates:
        # (a flat "no": "Cash compensation is not offered for delays" leaves nobody to review it; a line that holds
        # agents back, or names an approval, does)
        # ("No vouchers above £10 without manager approval": the manager may approve the £40; "Vouchers are capped at
        # £10": nobody may; "... higher claims go to the claims team": they may)
        lines = _WITHIN if (forbidden or over and _WITHOUT_APPROVAL.search(line)) and _SOMEONE_DECIDES.search(line) or \
            (over or forbidden) and larger_to else _BEYOND if over or forbidden else _APPLIES
        declined = over or (amounts if lines is _BEYOND else [])
        said_over = [_named(a, clause) for a in declined]  # "a £30 store credit", not a bare "£30" from nowhere
        over_named = _and_list(declined) if over else _and_list(f"the {a}" for a in declined)
        if len(declined) == 1 and said_over[0] != declined[0]:  # "a £30 store credit"; "€600 in compensation" (no "a")
            uncounted = re.search(r"\b(?:compensation|reimbursement)$", said_over[0])
            noun = said_over[0][len(declined[0]):].strip() if said_over[0].startswith(declined[0]) else uncounted
            over_named = f"{declined[0]} in {noun if isinstance(noun, str) else uncounted.group()}" if uncounted \
                else f"a {said_over[0]}"  # ("€600 in compensation", "£150 in cash compensation")
        if lines is _BEYOND and not over and refunds(clause):  # "we will refund your £4,000 deposit" against
            # "Deposits are non-refundable": not "I can't offer a £4,000 deposit"
            refunded = [re.sub(r"\s+refund$", "", n) for n in said_over]  # not "the £129.99 refund" refunded
            return [policy, _CANT_REFUND[salt % 2].format(amounts=_and_list(f"the {n}" for n in refunded))]
        if lines is _WITHIN and declined:  # "review the ₹900 goodwill credit" (never "the a ₹900 goodwill credit")
            over_named = _and_list(said_over)
        said = lines[salt % 2].format(amounts=over_named if declined else named)
        who = (approver(line) or larger_to) if lines is _WITHIN else None  # ("I'll ask the Claims team to review ...")
        return [policy, said.replace(" a manager ", f" {who} ", 1) if who else said]
    when = " ".join(dates) if " ".join(dates) in clause else " and ".join(dates)  # "Friday 14 June" stays whole
    said = when if not amounts else f"{' and '.join(amounts)} for {when}"
    by = re.search(rf"\b(?:by|before)\s+{re.escape(when)}", clause, re.I)
    when = by.group() if by and not amounts else when  # "it will be by 6pm today", not "for 6pm today"
    if not amounts and not asked_for(when, asked):  # "... by Friday", which the customer never heard of, is when
        # the agent updates them, not a date said back as not confirmed
        return [policy, checking_on(_what(clause), update_time(when), salt)]
    if not amounts and re.match(r"(?:within|in|inside|under|by|before)\s", when):  # not "confirm it for within 24 hours"
        return [policy, _NOT_CONFIRMED_IN[salt % len(_NOT_CONFIRMED_IN)].format(dates=when)]
    return [policy, _NOT_CONFIRMED[salt % len(_NOT_CONFIRMED)].format(dates=said)]


_WITHOUT_APPROVAL = re.compile(r"\b(?:without|unless|requires?|needs?|subject\s+to)\b", re.I)
_SOMEONE_DECIDES = re.compile(r"\b(?:agents?|staff|advis[eo]rs?|approv\w*|managers?|supervisors?|team\s+leads?|sign-?off|"
                              r"discretion|(?:waived|authori[sz]ed|decided|granted)\s+(?:only\s+)?by)\b", re.I)
_MONEY_NOUN = r"(?:credit|refund|voucher|discount|payment|compensation|fee|charge|deposit|reimbursement|gift\s+card|" \
              r"goodwill\s+payment|rebate|bonus)"


def _and_list(items: Iterable[str]) -> str:
    """ "£389, £29 and £50": a list said once, not "£389 and £29 and £50"."""
    said = list(items)
    return " and ".join(said) if len(said) < 3 else ", ".join(said[:-1]) + " and " + said[-1]


def _named(amount: str, clause: str) -> str:
    """An amount with what it is, as the clause says it: "$75 credit" ("a $75 credit", "a refund of $75")."""
    after = re.search(rf"{re.escape(amount)}\s+((?:(?:goodwill|account|service|bill|store|travel|gift|cash)\s+)?{_MONEY_NOUN})\b",
                      clause, re.I)
    if after:
        return f"{amount} {after.group(1).lower()}"
    before = re.search(rf"\b({_MONEY_NOUN})\s+(?:of\s+)?{re.escape(amount)}", clause, re.I)
    return f"{amount} {before.group(1).lower()}" if before else amount


def _spelled(clause: str, fact: str) -> str:
    """A date or time with the day the promise named: "6pm today", not "6pm"."""
    m = re.search(rf"{re.escape(fact)}(?:\s+(?:today|tonight|tomorrow)\b)?", clause, re.I)
    return m.group() if m else fact


_BACKS_IT = re.compile(r"(?:(?:definitely|certainly|personally)\s+)?(?:make\s+sure\s+of|see\s+to|ensure)\s+(?:it|that|this)"
                       r"(?:\s+happens)?\W*$", re.I)


def _as_aim(clause: str) -> str | None:
    """The company's own plan, said as what it aims for: "By 2020, we'll cut ..." -> "By 2020, we aim to cut ..."."""
    m = re.search(r"\b(we)(?:'ll|’ll|\s+will)\s+", clause, re.I)
    if not m or re.search(rf"\b(?:you|your)\b|[{CURRENCY}]\s?\d", clause, re.I):
        return None  # "I aim to process your $200 refund" hedges a promise to this customer: not the company's plan
    if _BACKS_IT.match(clause[m.end():]):
        return ""  # "We'll make sure of it.": it backs the promise before it, and goes with it
    rest = re.sub(rf"^{EFFORT_TO}(?=\w)", "", clause[m.end():], flags=re.I)  # not "aim to try to"
    if re.search(r"\b(?:will|shall)\b|['’]ll\b", rest, re.I):
        return None  # "we'll do our utmost and two new chairs will arrive before Friday": the second promise is no aim
    return finish(clause[: m.start()] + m.group(1) + " aim to " + rest)


def _base_form(verb: str) -> str:
    """The base form of an -ing verb: "leaving" -> "leave", "shipping" -> "ship", "looking" -> "look"."""
    stem = verb[:-3]
    if stem in _SILENT_E:
        return stem + "e"  # "leaving", "arriving", "coming", "charging"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouwxylsfz":
        return stem[:-1]  # "shipping", "getting", "running"
    if stem.endswith("ell") and len(stem) >= 6:
        return stem[:-1]  # "cancelling", "travelling" (not "telling", "spelling")
    return stem  # "looking", "repairing", "speaking", "treating"


# the stems of the verbs a promise holds whose base form ends in a silent "e" ("leav-ing": "leave")
_SILENT_E = frozenset("""leav arriv com mak tak mov clos issu chang charg releas restor resum us receiv giv hav serv
    continu provid updat creat activat reactivat complet replac reduc produc rescu pursu solv resolv remov improv approv
    schedul writ rid driv decid escalat investigat operat reissu reinstat relocat prepar compar shar car figur secur
    measur ensur captur manag arrang exchang engag judg merg urg caus paus revers forc plac trac fac choos los fil
    fir wir bak wak shak tast wast typ""".split())


def _checked(clause: str, salt: int, *, again: bool = False, asked: str = "") -> str | None:
    """ "it'll be back on tomorrow" -> "Let me check whether it can be back on tomorrow, and I'll update you." """
    m = _FUTURE.search(clause)
    if not m:
        return None
    head, vp = clause[: m.start()], re.sub(r"(?<!\b[ap]\.m)[.!?]+$", "", clause[m.end():].strip())  # (not "9 a.m.")
    if not vp or re.search(r"\b(?:will|shall|never)\b|['’]ll\b", vp, re.I):
        return None  # "...refund it, and it will all be back today": a second promise; "never hear from us again"
    if _VERDICT_HOPED.fullmatch(vp):
        return None  # "the results will be good news", "your appeal will be successful": nothing anyone here can check
    vouched = _ASSURED.sub("", head)
    if not vouched.strip() and re.search(r"\byou\s*$", head, re.I):
        vouched = "you"  # "I can confirm you will receive ...": the "you" it was told to is the subject
    head = re.sub(r"\bur\b", "your", vouched, flags=re.I)  # "Please be assured that the payment will
    # ...": the payment; "ur parcel": your parcel
    vp = re.sub(r"\bu\b", "you", vp)  # ("be with u by 6pm")
    if not head.strip():  # "..., but will be back on tomorrow": the subject is the sentence's
        head = "it"
    subject = _PRONOUN.search(head) or _NOUN_PHRASE.search(head)
    if not subject:
        return None
    condition = _DISCOURSE.sub("", _ASSURED.sub("", head[: subject.start(1)]).strip(" ,")).strip(" ,")
    condition = re.sub(r"^[^\w\s]+\s*", "", condition)  # "😢 we'll have your bag back": the emoji is no condition
    condition = re.sub(r"\bwhich$", "that", condition)  # "wait 7 days, after which it will ...": "... after that"
    s = re.sub(r"^that\s+(?=(?:the|our|your|a|an|this|these|those|my|his|her|their)\b)", "", subject.group(1), flags=re.I)
    if re.match(r"(?:no|none|nothing|nobody|neither)\b", s, re.I):
        return None  # "whether no further reminders can be issued" reads as nonsense
    if re.fullmatch(r"(?:all|both|each|every|all\s+of)", condition, re.I):
        s, condition = f"{condition.lower()} {s}", ""
    if condition and (not _CONDITION.match(condition) or re.search(r"\b(?:and|but)$", condition, re.I)):
        return None  # (not "as a valued customer your case has been escalated, and": a clause of its own before "and")
    vp = re.sub(r"^(?:personally|definitely|absolutely|certainly)\s+(?=make\s+sure|ensure)", "", vp, flags=re.I)
    maker = _MAKE_SURE.match(vp)
    if maker and re.match(r"to\s+\w", vp[maker.end():]):  # "we'll make sure to get this sorted" -> "we can get ..."
        vp, maker = vp[maker.end() + 3:].lstrip(), None
    passive = (_MADE.match(vp[maker.end():]) or _MADE_GONE.match(vp[maker.end():])) if maker else None
    if passive:  # "we'll make sure all the fees are refunded today" -> "whether all the fees can be refunded today"
        s, vp, maker = passive["s"], "be " + (passive["vp"] if "vp" in passive.groupdict() else "removed" + passive["rest"]), \
            None
    if maker:  # "we'll make sure you get a full refund" -> "whether you can get a full refund"
        inner = vp[maker.end():].split(None, 1)
        if len(inner) < 2 or inner[0].lower() not in ("you", "it", "they", "this"):
            return None
        s, vp = inner[0], inner[1]
        vp = re.sub(r"^(?:are|is|am)\s+", "be ", vp, flags=re.I)  # "make sure you are seen" -> "whether you can be seen"
        if s.lower() in ("it", "this") and not re.match(r"(?:be|has|does|was|goes)\b", vp, re.I):
            vp = re.sub(r"^(\w+?)s\b", r"\1", vp)  # "it arrives" -> "it can arrive"
    s = _subject(re.sub(r"\bur\b", "your", s, flags=re.I))  # "Ur copy will land by Sat": "whether your copy can land"
    noun, _, ref = s.partition(" ")
    if ref and _THING.match(noun) and re.fullmatch(r"#?[\w-]*\d[\w-]*", ref):
        s = f"{noun.lower()} {ref}"  # "Parcel BR4839 will ...": "parcel BR4839"
    of = re.match(r"(?P<noun>(?:Full\s+|Partial\s+)?[A-Za-z]+)\s+of\s", s)
    if of and re.search(r"\bof\s+(?:the\s+)?[A-Z][a-z]{2,}", s):
        of = None  # "Bank of Ireland": a name
    if of and (_THING.match(of["noun"].split()[-1]) or of["noun"].split()[0] in ("Full", "Partial")):  # "Payment of all
        s = "the " + s[0].lower() + s[1:]  # outstanding royalties will be made": "the payment of all outstanding ..."
    elif of and re.fullmatch(r"[A-Z][a-z]+", of["noun"]):
        s = s[0].lower() + s[1:]  # "Proof of delivery will be sent": "whether proof of delivery can be sent"
    if re.fullmatch(r"(?-i:[A-Z][a-z]+ed)\s+[a-z]+(?:\s+[a-z]+)?", s):  # "Corrected certificate will be reissued": "the
        s = "the " + s[0].lower() + s[1:]  # corrected certificate", not "whether Corrected certificate can ..."
    if _THING.match(s):  # "Access will be restored today": "whether access can be ...", "Payment will arrive": "payment";
        s = ("the " if _COUNTED.match(s) else "") + s.lower()  # "Fix will be live": "whether the fix can be live"
    vp = re.sub(r"^(?:definitely|definately|definetly|defiantly|deffo|defo|def|certainly|surely|absolutely|of\s+course|"
                r"100%)\s+", "", vp, flags=re.I)  # (and as the draft spelt it: "can definately be with you")
    vp = re.sub(r"^(?:be\s+)?(?:totally|completely|absolutely|100%)\s+(?:be\s+)?(?=fine|ok|okay|safe|sorted|perfect)", "be ",
                vp, flags=re.I)  # ("be totally fine", "totally be fine")
    vp = re.sub(r"^(?:can|be\s+able\s+to)\s+", "", vp, flags=re.I)  # "you can take ..." is already "can": no "can can"
    going = re.match(r"be\s+([a-z]{3,}ing)\b", vp)  # "will be leaving within the hour": whether it "can leave", not
    if going and going.group(1) not in ("being", "thing", "nothing", "something", "everything", "anything"):
        vp = _base_form(going.group(1)) + vp[going.end():]  # "can be leaving"
    vp = re.sub(rf"^{EFFORT_TO}(?=\w)", "", vp, flags=re.I)  # not "whether we can endeavour to"
    vp = _DO_WHAT_WE_CAN.sub("", vp)  # not "whether we can do whatever I can to try and sort this out"
    vp = this_for_it(vp)  # "whether we can sort it": "sort this out"
    inner = _SEE_IF.match(vp)
    if inner and not condition:  # "we'll see if a payment plan might be possible": whether a plan is possible, not
        # "whether we can see if ..."
        said = _also(inner["what"]) if again else _CHECKS[salt % len(_CHECKS)].replace("{s} can {vp}", inner["what"])
        return said
    if _NO_CHECK.match(vp) or _FOR_GOOD.match(vp) and not holds_fact(vp):
        return None  # "whether it can be perfect", "whether you can not be evicted", "whether it can be gone for good":
        # nothing to check; the clause goes (but "gone for good after the recovery window ends on 12 July" is checked)
    if BY_ITSELF.search(vp) and not holds_fact(vp):  # "it should sort itself out soon": nothing to check, something to do
        return f"I'll look into {'it' if s.lower() in ('it', 'this', 'that') else s} and update you."
    if _SORTED_SOMEHOW.fullmatch(vp) and not condition:  # "we'll get it all sorted eventually": whether it can be
        return "I'll look into this and update you."  # sorted hints it may not; what the agent does is look into it
    vp = re.sub(rf"\s*[{EMOJI}{EMOJI_GLUE}]+", "", vp).strip()  # no emoji mid-sentence
    vp = re.sub(r"\s*\b(?:when|as\s+soon\s+as)\s+(?:we|I)\s+(?:possibly\s+)?can\b|\s*\basap\b|\s*\bat\s+some\s+point\b"
                r"|\s*\bas\s+soon\s+as\s+possible\b|\s*\bat\s+the\s+earliest\s+(?:opportunity|possible\s+(?:time|date))\b"
                r"|\s*\b(?:promptly|swiftly|in\s+due\s+course)\b", "", vp,
                flags=re.I).strip()  # "whether we can sort it when we can": the check is the action
    vp = this_for_it(re.sub(r"\s+I\s+promise$", "", vp))  # ("we'll sort it asap I promise")
    vp = _CERTAIN_TAIL.sub("", vp)  # ("... back on your card by Friday, end of story": the check vouches for nothing)
    if condition:
        vp = f"{vp} {condition[0].lower() + condition[1:]}"
    signed = re.search(r"(?:\s+(?:\^\w+|#\w+))+\s*$", vp)  # "... by tomorrow morning ^GW #FreshFit": the sign-off goes last
    tail = signed.group() if signed and signed.start() > 0 else ""
    vp = vp[: len(vp) - len(tail)].rstrip(" .!?") if tail else vp  # (and the full stop before it goes too)
    deadline = _DEADLINE.search(vp)
    while deadline and re.match(r"['’]s\b", vp[deadline.end():]):  # "fixed in this week's update": a noun's time, not
        deadline = _DEADLINE.search(vp, deadline.end())  # the deadline (never "fixed in 's update")
    if deadline and not condition and _TURNS_UP.match(vp) and \
            re.sub(r"^(?:by|before)\s+", "", vp[_TURNS_UP.match(vp).end():].strip(), flags=re.I) == deadline.group():
        when = update_time(vp[_TURNS_UP.match(vp).end():].strip()).strip()  # "it'll turn up (by) tomorrow": where it
        # is, and an update then
        return (f"I'll also check where {s} is, and update you {when}." if again else
                f"I'm checking where {s} is, and I'll update you {when}.") + tail
    update = update_instead(s, vp, deadline, salt, again=again, asked=asked, agent=bool(_AGENT.match(s))) \
        if deadline else None
    if update == "" and tail:
        update = None  # a sign-off after a clause that would go: the check stays, and the sign-off with it
    if update is not None:
        return update + tail
    if deadline:  # "back by tomorrow morning": "whether" would hint it may still happen; say it is not confirmed
        return (_NOT_YET_ALSO if again else _NOT_YET[salt % len(_NOT_YET)]).format(s=s, vp=vp) + tail
    if _TURNS_UP.fullmatch(vp) and not condition:  # "it will definitely turn up": where it is, not whether it "can"
        return (f"I'll also check where {s} is." if again else f"I'm checking where {s} is, and I'll update you.") + tail
    check = _also(f"{s} can {vp}") if again else _CHECKS[salt % len(_CHECKS)].format(s=s, vp=vp)
    state = _STATE.match(vp)
    if state:  # "your photos will be totally safe": whether they are safe, not whether they "can be totally safe"
        are = "are" if re.search(r"(?<!s)s$|^(?:they|you|we|all\b.*|both\b.*)$", s, re.I) else "is"
        check = check.replace(f"{s} can {vp}", f"{s} {are} {state['adj']}{state['rest']}", 1)
    return check + tail


_TURNS_UP = re.compile(r"(?:turn|show)\s+up|be\s+found", re.I)
_CHAT_SAID = {"u": "you", "ur": "your", "recieve": "receive", "ya": "you"}  # (not "2moro": a time the draft gave is kept as it
# wrote it; a word the check says in the coach's voice is spelt right)
_CHAT_WORDS = re.compile(r"(?<![\w@#^'’.])(?:u|ur|recieve|ya)(?![\w'’]|\.\w)", re.I)
_CAN_BE_BACK = re.compile(r"\bwhether (?P<s>(?!we\b|I\b|this\b|that\b|he\b|she\b|they\b)[^,;]+?) can be "
                          r"(?P<how>back(?!\s+(?:from|to\s+normal|at\s+work|in\s+the\s+office|in\s+touch)\b)|ready|with you)\b")
# (not "whether we can get services back to normal", nor "your manager back from holiday": not the agent's to do)
_GET_IT = {"back": "get {s} back", "ready": "have {s} ready", "with you": "get {s} to you"}
# (not someone: "whether he can be there" asks about their visit, and an engineer "out" is one)
_CAN_BE_PLACED = re.compile(r"\bwhether (?P<s>(?!we\b|I\b|you\b|he\b|she\b|they\b|some(?:one|body)\b|(?:an?|the|our|your)\s+"
                            r"(?:engineer|technician|driver|courier|fitter|plumber|electrician|assessor|adjuster|surveyor|"
                            r"inspector|nurse|doctor|carer|rider|installer|team)s?\b)[^,;]+?) can be (?P<where>out|there|"
                            r"here|at\s+(?:the|your)\s+[^,;.]+?)(?=\s*(?:[,;.]|$))")  # (not "live": "when your listing will
# be live" reads as the promise again)
_TIMED = re.compile(r"\d|\b(?:today|tonight|tomorrow|this|next|by|before|monday|tuesday|wednesday|thursday|friday|"
                    r"saturday|sunday|morning|afternoon|evening|week|weekend)\b", re.I)
_CAN_HAPPEN = re.compile(r"\bwhether (?P<s>(?!we\b|I\b|you\b)[^,;]+?) can (?P<v>come\s+through|go\s+through|"
                         r"work(?:\s+again)?|turn\s+up|show\s+up)\b")  # ("whether it can arrive" reads, and is said
# as when it is due later)


def _as_check(clause: str, salt: int, *, again: bool = False, asked: str = "") -> str | None:
    """ "it'll be back on tomorrow" -> "Let me check whether we can get it back on tomorrow, and I'll update you." """
    said = _checked(clause, salt, again=again, asked=asked)
    if said:  # the check is the coach's sentence: "whether you can get your €9 back", not "whether U can get ur €9 back"
        said = _CHAT_WORDS.sub(lambda m: _CHAT_SAID[m.group().lower()], said)
        said = re.sub(r"\bwhether that\s+(?=(?:both|all|the|your|these|those)\b)", "whether ", said)  # ("assured ... and
        # that both charges will be reversed": the "that" was the assurance's)
    # ("whether your connection can be back" does not read: "whether we can get your connection back")
    if not said:
        return said
    said = _CAN_BE_BACK.sub(lambda m: "whether we can " + _GET_IT[m["how"]].format(s=_mid_sentence(m["s"])), said)
    # "whether the fix can be out" does not read: when it will be; "whether they can turn up": whether they will
    said = _CAN_BE_PLACED.sub(lambda m: f"{'whether' if _TIMED.search(m['where']) else 'when'} {m['s']} will be "
                                        f"{m['where']}", said)  # ("when it will be at your door this Friday" says it will)
    return _CAN_HAPPEN.sub(lambda m: f"whether {m['s']} will {m['v']}", said)


def _mid_sentence(subject: str) -> str:
    """A subject that opened its sentence, moved inside another: "Corrected proofs" -> "corrected proofs" (not a name,
    "Flight EZ441", nor "I")."""
    first = subject.split(" ", 1)[0]
    return _lower_first(subject) if first.istitle() and first.lower() in _COMMON_LEADS else subject


# words that open a subject with a capital only because it opened the sentence
_COMMON_LEADS = frozenset("""corrected new replacement revised updated amended fresh spare the your all both every each
these those our any""".split())


_DO_WHAT_WE_CAN = re.compile(r"^(?:do\s+(?:whatever|everything|all|what)\s+(?:I|we)\s+(?:possibly\s+)?can|"
                             r"do\s+(?:our|my)\s+(?:very\s+)?(?:utmost|best))\s+to\s+(?:try\s+(?:and|to)\s+)?(?=\w)", re.I)
_NOT_CHARGED = re.compile(r"^(?:and\s+|so\s+)?you\s+(?:won't|won’t|will\s+not|wont)\s+be\s+(?:charged|billed)\s+"
                          rf"(?:for\s+)?(?P<what>(?:the|that|this|your|any)\s+(?:[{CURRENCY}]\s?\d(?:[\d,.]*\d)?|[^,.;!?\d]+?)|"
                          rf"[{CURRENCY}]\s?\d(?:[\d,.]*\d)?)"
                          r"(?:\s+on\s+your\s+(?P<where>bill|account|card|statement))?\W*$", re.I)
_ELLIPTICAL = re.compile(r"^(?P<lead>\s*,?\s*and\s+)(?P<np>(?:the|your|any|all)\s+(?:[^,;.!?]|(?<=\d)[,.](?=\d)){1,40}?)\s+"
                         r"(?P<done>refunded|repaid|paid|credited|returned|reimbursed|waived|replaced|delivered|sent|removed|"
                         r"repaired|fixed|sealed|cleaned|cleared|treated|installed|fitted|completed|finished)\b", re.I)
_SORTED_SOMEHOW = re.compile(r"(?:get|have)\s+(?:it|this|that|everything|things)\s+(?:all\s+)?(?:sorted|fixed|resolved|"
                             r"sorted\s+out|done|dealt\s+with)(?:\s+(?:eventually|in\s+the\s+end|somehow|one\s+way\s+or\s+"
                             r"another|for\s+you))?", re.I)
_SEE_IF = re.compile(r"^(?:see|check|find\s+out|look\s+into|look\s+at|explore)\s+(?:if|whether)\s+(?P<what>.+?)"
                     r"(?:\s+in\s+due\s+course)?$", re.I)
_STATE = re.compile(r"^be\s+(?:(?:totally|completely|perfectly|100%|fully|all|absolutely)\s+)?"
                    r"(?P<adj>safe|secure|intact|unaffected|protected)\b(?P<rest>.*)$", re.I)


_DEADLINE = load_rules()["broken-promise"].pattern("timelines")
_APPLIES_BY = (
    "I'll check how that applies to the {amounts} and update you{when}.",
    "I'm checking how that applies to the {amounts} and will update you{when}.",
)
# what follows a deadline and belongs to it: "by 9 a.m. tomorrow", "first thing tomorrow morning", "... at the latest"
_IT_ARRIVES = re.compile(rf"\b(?:it|they)(?:['’]ll|\s+will|\s+should)\s+(?:\w+\s+)?(?:{ARRIVAL.pattern})", re.I)


def _what(clause: str) -> str:
    """What a promise is about, for "I'll check where ... stands": its subject ("the money", "your refund"), or "this"."""
    got = re.search(r"\byou(?:'ll|’ll|\s+will|\s+should)\s+(?:\w+\s+)?(?:have|get|receive|see)\s+(?P<np>(?:your|the)\s+[\w-]+"
                    r"(?:\s+[\w-]+){0,2}?)\s+(?:by|within|on|in|before|back|today|tomorrow|tonight)\b", clause, re.I)
    if got and not extract_facts(got["np"]):  # "You'll definitely have your full refund by Thursday": your full refund
        return got["np"][0].lower() + got["np"][1:]
    arrives = _IT_ARRIVES.search(clause)
    if arrives:  # "I've processed the refund and it'll be in your account within 24 hours": its arrival is watched ("I'm
        # looking into this" would unsettle what was done)
        return "the payment" if re.search(r"account|bank|card|credited|statement", arrives.group(), re.I) else "the delivery"
    m = _FUTURE.search(clause)
    head = _ASSURED.sub("", clause[: m.start()]) if m else ""
    subject = _NOUN_PHRASE.search(head) if head.strip() else None
    found = subject.group(1).strip() if subject else ""
    if not found or not re.match(r"(?:the|your)\b", found, re.I) or extract_facts(found) or len(found.split()) > 4 or \
            re.search(r"\b(?:on|of|in|for|to|at|with|from)\b", found, re.I) or PEOPLE.search(found):
        return "this"  # (not "the late payment markers on Agreement")
    return found[0].lower() + found[1:]
_NOT_YET = (
    "I can't confirm yet that {s} can {vp}, but I'll check where it stands and update you.",
    "I can't confirm yet that {s} can {vp}; I'm checking where it stands and will let you know.",
)
_NOT_YET_ALSO = "I also can't confirm yet that {s} can {vp}."
_ALSO_NOT_YET = re.compile(r"^I also can't confirm yet that (?P<s>.+?) can (?P<vp>.+)\.$")
_NOT_YET_FULL = re.compile(r"^I can't confirm yet that (?P<s>.+?) can (?P<vp>.+?)(?:, but I'll check where it stands and "
                           r"update you|; I'm checking where it stands and will let you know)\.$")


# a tail that vouches, after its comma: "..., end of story", "..., full stop" (not the "period" of "the cooling-off period")
_CERTAIN_TAIL = re.compile(r"(?:,\s*|\s+(?=no\s+(?:doubt|question)\s+about\s+it\b))"  # (with no comma, only the whole phrase)
                           r"(?:end\s+of\s+story|full\s+stop|period|no\s+question(?:\s+about\s+it)?|"
                           r"no\s+doubt(?:\s+about\s+it)?|no\s+ifs\s+(?:or|and)\s+buts)"
                           r"(?:,?\s+(?:I['’]?ve|ive|I\s+have)\s+made\s+sure\s+of\s+(?:it|that))?"  # "..., ive made sure of it"
                           r"(?:\s+x{1,3})?(?=\s*(?:[,.;!?]|$))", re.I)  # ("... no doubt about it x": the kiss with it)
_THING = re.compile(r"^(?:[A-Z][a-z]+(?:tion|sion|ment|ness|ance|ence|ity|ery|ice|ing|ss|age|ure)s?|Power|Internet|Broadband|"
                    r"Heating|Water|Electricity|Gas|Supply|Refunds?|Repairs?|Wifi|Signal|Coverage|Data|Fix|Patch|Update|Release|"
                    r"Order|Parcel|Package|Item|Replacement|Engineer|Technician|Credit|Money)$")  # a common noun, first


_COUNTED = re.compile(r"^(?:Fix|Patch|Update|Release|Order|Parcel|Package|Item|Replacement|Engineer|Technician|Refund|Repair|"
                      r"Credit|Payment)$")  # ("Refund will be back": "the refund")


def _subject(words: str) -> str:
    """The promise's subject as it reads after "whether": "I" -> "we", "The team" -> "the team", names as they are."""
    first = words.split()[0]
    if first.lower() in ("i", "we"):
        return "we" if len(words.split()) == 1 else words
    if first.lower() in ("the", "your", "our", "a", "an", "another", "this", "that", "it", "you", "they", "all", "both", "each",
                         "every", "everything", "someone", "he", "she", "some", "any", "these", "those", "my", "his", "her",
                         "their", "no", "many", "most"):
        return words[0].lower() + words[1:]
    if _COMMON_PLURAL.match(first):  # "Servers will 100% be back up" -> "whether the servers can be back up"
        return "the " + words[0].lower() + words[1:]
    return words


_COMMON_PLURAL = re.compile(r"^(?:Servers|Refunds|Repairs|Deliveries|Payments|Engineers|Technicians|Parts|Orders|Tickets|Bags|"
                            r"Items|Services|Trains|Flights|Lines|Systems|Results|Funds|Replacements|Collections|Bins|"
                            r"Lights|Updates|Apps|Games|Accounts|Certificates|Documents|Forms|Letters|Parcels|Packages)$")


_NOT_KNOWN_YET = (
    "I can't confirm yet that {what}, but I'll check where it stands and update you.",
    "I can't confirm yet that {what}; I'm checking where it stands and will let you know.",
)
_WILL_NOT = re.compile(r"\b(?:won['’]t|will\s+not)\s+(?:be|lose|go|run|happen|stop|drop|close|end)\b", re.I)
_VOW_HEAD = re.compile(r"^\W*(?:(?:please\s+)?(?:don't|don’t|do\s+not)\s+worry|rest\s+assured|no\s+need\s+to\s+worry)?"
                       r"[\s,;:—–-]*$", re.I)


def not_confirmed(text: str, quote: str, salt: int) -> list[list[str]]:
    """The last way for a promise no other way fixes: an outcome that won't happen ("I promise your power won't be
    switched off on Tuesday") said as what the agent can't confirm yet, with the check (never the outcome stripped of
    its "I promise" and left standing)."""
    at = text.find(quote) if quote else -1
    said = _EXPLICIT.sub("", quote.strip()).strip(" ,.!") if at >= 0 else ""
    if not said or not _WILL_NOT.search(said) or len(said.split()) > 16 or not starts_clause(said) or \
            re.match(r"(?:I|we)\b", said, re.I) or not _VOW_HEAD.match(text[:at]) or text[at + len(quote):].strip(" .!"):
        return []
    what = said if re.match(r"[A-Z]{2}|[A-Z][a-z]+\s+[A-Z]", said) else said[0].lower() + said[1:]
    return [[_NOT_KNOWN_YET[salt % 2].format(what=what)]]
