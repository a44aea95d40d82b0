"""The offline engine: a deterministic rewrite that needs no model and keeps every fact of the draft.

A draft with no error or warning comes back as it is (an HTML draft as its text). Otherwise the engine edits
only the flagged sentences, on whole clauses: bland apologies and pity go, unkeepable promises become the
agent's own action or the policy's line (or go, when nothing in them can be checked), vague efforts become
actions, banned phrases and planted orders' grants go. A reply being fixed also loses its bare "I understand." and
its deflecting lines. Thanks, an acknowledgement and a next step are added at sentence boundaries where they are
missing. Greeting, sign-off, signature, thread markers, paragraphs and line breaks stay where they were.

``passed`` is True only for a rewrite made of the agent's own words (the draft, or the draft with cuts) that the
guard passes. Lines the engine wrote itself are listed in ``review`` and leave ``passed`` None: rules cannot tell
whether a stock line names the right problem or offers the step this case needs, so a person reads them first.
"""

from __future__ import annotations

import re
from functools import cached_property, partial

from ..._core.asked_again import asked_again, solved_for_them
from ..._core.checker import asks_for_another, check, kept_quiet
from ..._core.combined import explicit_step
from ..._core.facts import CURRENCY, extract_facts, fact_kinds, missing_facts
from ..._core.fluency import THREAD_MARKER, TYPED_TWICE, has_verb, new_problems
from ..._core.guard import GRANT_AGAIN, GuardVerdict, guard, own_lines
from ..._core.policy import GRANTS_COVER, Policy, as_ours
from ..._core.results import CheckResult, Finding, RewriteResult
from ..._core.rules import load_rules
from ..._core.situations import Situation, grieves, situation
from ..._core.text import (
    EMOJI,
    EMOJI_GLUE,
    content_words,
    html_to_text,
    looks_english,
    other_language,
    split_sentences,
    stem,
)
from ..._core.untrusted import (
    ADDRESSES_THE_MODEL,
    follows_orders,
    handed_over,
    injected_orders,
    obeyed_orders,
    obeyed_span,
    planted_words,
    without_orders,
)
from .additions import RESOLVED, Additions, blocking, mentions
from .clauses import FINITE, FOLLOW_LINK, capitalise, complete, finish, holds_fact, holds_step, lower_first, starts_clause
from .edits import (
    HELLO_LEAD,
    SEND_OFF,
    USE_WHAT_WENT,
    blames,
    deflects,
    drop_apology,
    drop_banned,
    drop_pity,
    droppable,
    fix_vague_effort,
    hollow,
    is_interjection,
    only_effort,
)
from .layout import Layout, Unit, parse
from .opening import Phrasing, positive
from .policy_said import POLICY_STEP, unsaid_policy
from .promise import (
    CHECKED,
    GONE_AHEAD,
    also_checks,
    checks_in_order,
    exception_instead,
    first_check_in_full,
    fix_promise,
    is_check,
    not_confirmed,
    only_backs,
    policy_on,
    said_policy,
    what_is_checked,
)
from .restate import restate_problem
from .updates import one_update
from .voice import plain_voice
from .windows import past_window_instead

__all__ = ["rewrite_offline"]

_SORRY_SIGN_OFF = re.compile(r"^(?:(?:so|very|once\s+again|with)\s+)?(?:(?:my|our|sincere|deepest)\s+)*(?:sorry|apologies)"
                             r"(?:\s+(?:again|once\s+(?:more|again)))?"
                             r"(?=\s*[,.!]?\s*\n)", re.I)
_HUGS_SIGN_OFF = re.compile(r"^sending\s+(?:you\s+)?(?:lots\s+of\s+|all\s+(?:the|my|our)\s+|so\s+much\s+|big\s+)?(?:love|hugs)"
                            r"(?:\s+and\s+\w+)?(?:\s+from\s+[^,.!\n]{1,50})?(?=\s*[,.!]?\s*(?:x+\s*)?\n)", re.I)
_SAFE_NOW = re.compile(r"\b(?:is|are|it['’]s)\s+(?:\w+ly\s+|100%\s+)?(?:safe|fine)\s+to\s+(?:keep\s+)?"
                       r"(?:drive|driving|use|using|eat|eating|drink|drinking|ride|riding)\b",
                       re.I)
_UNTIL_THEN = re.compile(r"^(?:until\s+then|in\s+the\s+meantime|meanwhile)\s*,?\s+(?=\w)", re.I)
# what a "then" may wait for in the sentence before: a time or an event to come
_AWAITED = re.compile(r"\b(?:soon|until|by|when|once|after|before|fix|update|release|patch|arrive\w*|visit|call|look|"
                      r"check|investigat|review|work|process|"
                      r"tomorrow|today|tonight|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)\w*", re.I)
_ORDER = ("banned-phrase", "pity", "broken-promise", "bland-apology", "vague-effort")


def rewrite_offline(draft: str, customer: str | None = None, policy: Policy | None = None) -> RewriteResult:
    policy = policy or Policy()
    before = check(draft, customer, policy)
    rewriter = _Rewriter(draft, customer, policy, before)
    text = rewriter.run()
    said = rewriter.voiced or draft  # (a draft in a voice a planted order asked for is read as said plainly: its
    # pirate words are no other language)
    verdict = guard(said, text, customer, policy, after=rewriter.check(text))
    if verdict.disfluent or verdict.empty:  # an edit that reads worse (or leaves nothing) is not made: fewer edits,
        # or the draft as it was
        for fallback in (rewriter.edited, html_to_text(draft)):
            if fallback is not None:
                verdict = guard(said, fallback, customer, policy, after=rewriter.check(fallback))
                if not (verdict.disfluent or verdict.empty):
                    text = fallback
                    break
    after = verdict.after or rewriter.check(text)
    review = own_lines(draft, text) if text not in (draft, html_to_text(draft)) else []
    review += [line for line in verdict.slips + verdict.orphans if line not in review]  # "thanks for for the photos":
    # the agent's slip; "I have asked them to ..." after the sentence naming them went
    return RewriteResult(
        rewrite=text,
        engine="offline",
        # the coach's own lines, a doubt the rules cannot settle, a policy condition they cannot check or a line it
        # held back, or a sentence they cannot read: no verdict until a person reads them
        passed=None if verdict.passed and (review or not verdict.settled or _obeyed(before, rewriter.orders) or
                                           rewriter.held_back) or
        _only_unread(verdict) or rewriter.unread else verdict.passed,
        findings_before=before.findings,
        findings_after=after.findings,
        review=review,
        unchecked=verdict.unchecked,
    )


_DOUBLED_COMMA = re.compile(r"(?<=\w),\s*,")


_ILL = re.compile(r"(?<![\w'’])(?<!is\s)(?<!am\s)(?<!are\s)(?<!was\s)(?<!been\s)(?<!very\s)(?<!so\s)(?<!feel\s)ill"
                  r"(?=\s+(?:see|look|check|get|send|call|email|pass|ask|update|sort|chase|try|raise|refund|arrange|find|speak|"
                  r"message|dm|follow)\b)")  # (not "sorry ur mum is ill let me know")
_CHAT_HI = re.compile(r"^(hi|hey|hello|hiya)\b[\s,!]+(?:sorry|apologies)\b[^,]*,\s*$", re.I)  # ("hi sorry for the trouble, ")
# ... or said, an emoji, then said again with more: "we understand 🙏 we understand hold times r long atm"
_SAID_BEFORE_MORE = re.compile(rf"(?<![\w'’])([a-z][\w'’ ]{{4,30}}?)\s*[{EMOJI}{EMOJI_GLUE}]+\s+(?=\1\s+\w)", re.I)
# a phrase said twice running: "we hear u. we hear u.", "we hear u, we hear u"
_SAID_TWICE = re.compile(rf"(?<![\w'’])([a-z][\w'’ ]{{4,30}}?)[.!,]\s+\1(?=\s*(?:[.!?,]|[{EMOJI}]|$))", re.I)  # (each a
# whole sentence or clause: not "I have looked at your account. Your account shows ...")


def _without_yes(parts: list[str], drafted_as: list[str]) -> list[str]:
    """ "No problem – just send the coat back", "Of course — I've emailed you a label": half of a draft sentence whose
    grant went, and the yes to that grant goes with it."""
    return [capitalise(p[yes.end():]) if (yes := _YES_LEAD.match(p)) and p not in drafted_as else p for p in parts]


def _when(m: re.Match[str]) -> str:
    """ "Let me check whether we can get power back" -> "Let me check when we can get power back": a service, a repair
    or a delivery comes back in the end; what the agent finds out is when (money stays "whether")."""
    rest = re.match(r"[^,;.!?]*", m.string[m.end():]).group()
    if _AT_A_TIME.search(rest) or re.search(r"\bor\b", rest) or _ON_WHOSE_COST.search(rest) or \
            _MONEY_BACK.search(m["what"]) or _AS_PLANNED.match(rest):
        return m.group()  # not with its own time ("whether your chair can be delivered this Friday" asks whether that
    # time can be kept); "whether it can be repaired or needs replacing" asks which; "... repaired under warranty"
    # whether it is covered; "whether we can get the taxi fares back to you" is money; "... arrive as usual"
    plural = re.match(r"(?:they|both|all|(?:the|your|these|those|\d+)\s+(?:[\w-]+\s+){0,2}?\w*[^sui\W]s)\s+can\b", m["what"],
                      re.I)
    what = re.sub(r"\bcan(?=\s+(?:arrive|reach\s+you|be\s+with)\b)", "are due to" if plural else "is due to", m["what"])
    # "when your permit is due to arrive", "when they are due to ..." (not "will arrive": the checker reads that as the
    # promise again)
    return f"{m['check']} when {what}"


# money the customer is to see back, checked as if it might not be theirs to see: "I'm checking whether you can see it
# in your account", "whether your bank can show the €18 back on your card" -> "I'm checking on the money", "... on the €18"
_MONEY_SEEN = re.compile(r"(?P<check>\b(?:[Ll]et\s+me\s+check|I['’]m\s+checking|I['’]ll\s+(?:also\s+)?check))\s+whether\s+"
                         r"(?:you\s+can\s+see|your\s+bank\s+can\s+show)\s+(?P<what>it|them|(?:the|your)\s+(?:money|refund|"
                         r"payment|credit|deposit)|the\s+[£$€]\s?\d[\d,.]*)(?:\s+back)?(?:\s+(?:in|on|into)\s+your\s+"
                         r"(?:bank\s+)?(?:account|card|statement))?(?![\w-])(?!\s+(?:by|before|within|on|in|today|tomorrow)\b)")


def _money_seen(m: re.Match[str], money: bool) -> str:
    if m["what"].lower() in ("it", "them") and not money:
        return m.group()  # ("I've re-sent the booking ... whether you can see it": not money)
    what = "the money" if m["what"].lower() in ("it", "them") else m["what"]
    return f"{m['check']} on {what}"


_MONEY_BACK = re.compile(r"[£$€₹]|\b(?:fares?|fees?|costs?|charges?|wages|refunds?|money|deposit|payments?|credit)\b", re.I)
_AS_PLANNED = re.compile(r"\s*(?:as\s+(?:usual|normal|planned|scheduled|booked|agreed)|on\s+(?:time|schedule))\b", re.I)
_MONEY_WORDS = re.compile(r"[£$€]|\b(?:refund\w*|money|credit\w*|compensation|payment|reimburs\w*|deposit|paid)\b", re.I)
_ON_WHOSE_COST = re.compile(r"\b(?:warranty|guarantee|no\s+(?:extra\s+)?cost|free|charge|cover\w*|insurance)\b", re.I)


def _drop_empty_items(layout: Layout) -> None:
    """A numbered or bulleted item whose sentence went loses its marker ("2." alone on its line), and the numbers after
    it in the same list close up (a list that starts again at "1." is another list)."""
    units = layout.units
    gone = 0
    for at, unit in enumerate(units):
        mark = _LIST_MARK.fullmatch(unit.text) if unit.text else None
        if not mark:
            continue
        if mark["n"] == "1":
            gone = 0
        if not (at + 1 < len(units) and units[at + 1].text and not _LIST_MARK.fullmatch(units[at + 1].text)):
            unit.text = ""
            gone += 1
        elif gone and mark["n"]:
            unit.text = f"{int(mark['n']) - gone}{mark['end']}"


# what an assurance kept of a subject two promises shared: "Please rest assured that a corrected invoice." (of "... that a
# corrected invoice and a full refund will certainly be processed by Friday")
_ASSURED_PIECE = re.compile(r"^\W*(?:please\s+)?(?:rest\s+assured|be\s+assured|I\s+(?:can\s+)?assure\s+you|please\s+note)\s+"
                            r"that\s+(?:a|an|the|your|our)\s+(?:(?!(?:is|are|was|were|will|has|have|can)\b)[^\s.!?]+\s*){1,3}"
                            r"[.!]?$", re.I)
_GAPPED = re.compile(r"^(?P<np>(?:your|the|our)\s+[\w-]+(?:\s+(?!(?:is|are|was|were|has|have|had|will|should|can|could|"
                     r"would|r)\b)[\w-]+)?)\s+(?:live|ready|back(?:\s+on)?|fixed|working|up|on|"
                     r"in|done|sorted|connected|restored|repaired|delivered|[a-z]+ed)\s+"
                     r"(?P<when>(?:(?:by|on|before|within)\s+(?:\w+\s+)?|(?=today|tomorrow|tonight))"
                     r"(?:\d[^.!?]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|tonight|the\s+end\s+of\s+\w+|"
                     r"next\s+\w+|this\s+\w+))"
                     r"[.!]*$", re.I)
_VOWS = re.compile(r"\W*(?:I|we)\s+(?:\w+ly\s+)?(?:promise|guarantee|swear)\b", re.I)
_WILL_DO = re.compile(r"(?:you|it|they|he|she)(?:['’]ll|\s+will|\s+won['’]t)\b|we\s+(?:won['’]t|will\s+not)\b|"
                      r"we(?:['’]ll|\s+will)\s+(?!(?:call|ring|phone|e-?mail|text|message|contact|update|write|reply|"
                      r"get\s+back|be\s+in\s+touch|send\s+you\s+an?\s+(?:update|e-?mail|text))\b)", re.I)  # (not "we'll
# call you by 5pm", the agent's own step)


def _vowed_too(sentence: str, text: str, quote: str) -> bool:
    """``sentence`` is the outcome after the vow ``quote`` in ``text``, said on its own: "You'll pass on the 14th!! x."
    of "I guarantee you'll be ready and you'll pass on the 14th!! x"."""
    said = sentence.strip().rstrip(".")
    end = text.find(quote) + len(quote)
    at = text.lower().find(said.lower(), end) if len(quote) and end >= len(quote) else -1
    return len(said.split()) >= 2 and at > 0 and re.fullmatch(r",?\s+and\s+", text[end:at]) is not None and \
        _WILL_DO.match(said) is not None


_GASP = re.compile(r"^\W*(?:omg|oh\s+my\s+(?:god|gosh|days)|wow|yikes|ugh|geez|jeez|oh\s+no|what)\b[^.!?]{0,30}[?!]{2,}\s*$",
                   re.I)


def _flagged(unit: Unit, findings: list[Finding]) -> bool:
    """A blocking finding's span falls in ``unit`` (of the layout the findings were read on)."""
    return any(f.blocking and f.start is not None and f.start < unit.end and f.end > unit.start for f in findings)


def _orphaned_gasps(layout: Layout, drafted: dict[int, str]) -> None:
    """A gasp at what the customer said ("OMG 47 mins?!") goes with the pity or apology that followed it."""
    for unit, nxt in zip(layout.units, layout.units[1:]):
        if unit.text and unit.text == drafted.get(id(unit)) and _GASP.match(unit.text) and drafted.get(id(nxt)) and \
                nxt.text != drafted.get(id(nxt)):
            unit.text = ""


def _orphaned_faces(layout: Layout, drafted: dict[int, str]) -> None:
    """An emoji left alone after the line it followed went (that line the draft had, now empty) goes with it."""
    for before, unit in zip(layout.units, layout.units[1:]):
        if unit.text and not re.search(r"\w", unit.text) and drafted.get(id(before)) and not before.text:
            unit.text = ""


def _drop_orphaned_lead(layout: Layout, drafted: dict[int, str], lead: re.Pattern[str], repl: object) -> None:
    """A sentence that opens on ``lead`` ("However, ...", "Alternatively, ...") right after a sentence of the draft
    that went: the lead goes (``repl`` as for ``re.sub``, once), and the sentence starts with a capital."""
    for before, unit in zip(layout.units, layout.units[1:]):
        if unit.text and drafted.get(id(before)) and not before.text and lead.match(unit.text):
            unit.text = capitalise(lead.sub(repl, unit.text, count=1))  # type: ignore[call-overload]


def _retyped(text: str) -> str:
    """``text`` without its doubled small words and commas (fluency's ``TYPED_TWICE``: "the the", not "in in") and
    without a phrase said twice running."""
    text = _SAID_TWICE.sub(r"\1", _DOUBLED_COMMA.sub(",", TYPED_TWICE.sub(r"\1", text)))
    text = _SAID_BEFORE_MORE.sub("", text)
    text = _NEEDFUL_BY.sub(lambda m: "Please start by" if m.group()[0].isupper() else "please start by", text)
    text = _NEEDFUL_AND.sub(r"\1", text)  # "Please do the needful and check your balance": the step is asked
    text = _NEEDFUL.sub("", text)  # "Kindly do the needful.": asks for nothing anyone can do
    text = _GONE_AND.sub(r"\1", text)  # "so I've gone and issued ye a full refund": what was done
    text = _HI_I_UNDERSTAND.sub(r"\1, ", text)  # "Hi Steve i understand, ...": the greeting, then what follows
    text = _WILL_UPDATE.sub(_who_will, text)  # "Parts awaited from warehouse. Will update.": who will
    return _ILL.sub("I'll", text)  # "ill see what i can do": "I'll see ..." (a lone "i" stays: made "I" after an emoji,
    # it would start a sentence of its own, "😭 I'd be sooo mad too", out of reach of the pity it followed)


_GONE_AND = re.compile(r"\b((?:I|we)(?:['’]ve|\s+have)\s+)(?:gone|went)\s+and\s+(?=[a-z]+ed\b)", re.I)
_WILL_UPDATE = re.compile(r"(?:(?<=[.!?]\s)|^)Will\s+(?P<verb>update|revert|confirm|advise|call)(?:\s+(?:you|u))?"
                          r"(?P<when>\s+(?:asap|soon|shortly|tomorrow|today|by\s+\w+))?(?P<end>\s*[.!]|\s*$)", re.M)


def _who_will(m: re.Match[str]) -> str:
    verb = {"revert": "get back to", "advise": "update"}.get(m["verb"], m["verb"])
    return f"I'll {verb} you{m['when'] or ''}{m['end'].strip() or '.'}"


_HI_I_UNDERSTAND = re.compile(r"^((?i:hi|hey|hello|hiya)\s+[A-Z][a-z]+),?\s+i\s+(?:totally\s+|completely\s+)?understand\s*,\s*"
                              r"(?=[a-z])")
# "Kindly do the needful by clearing the app cache": the step, said plainly; alone, it asks for nothing
_NEEDFUL_BY = re.compile(r"\bkindly\s+do\s+the\s+needful\s+by(?=\s+(?!(?:morning|evening|spring)\b)\w+ing\b)", re.I)
_NEEDFUL_AND = re.compile(r"\b((?:please|kindly)\s+)do\s+the\s+needful\s+and\s+(?=(?:check|send|share|confirm|call|visit|"
                          r"reply|update|contact|provide|submit|upload|e-?mail|log|sign|fill|complete|return|pay|verify|"
                          r"attach|forward|let\s+us\s+know)\b)", re.I)
_NEEDFUL = re.compile(r"(?:(?<=[.!?])\s+|^)(?:please\s+|kindly\s+)?do\s+the\s+needful(?:\s+at\s+the\s+earliest)?\s*[.!]*(?=\s|$)",
                      re.I)
# What a form reply says instead of the customer's problem: "Your enquiry has been logged", "in due course"
_FORM = re.compile(r"\b(?:(?:has|have)\s+been\s+(?:received|logged|noted|registered|recorded|passed\s+(?:on|to))|"
                   r"(?:is|are)\s+important\s+to\s+us|in\s+due\s+course|relevant\s+(?:department|team)|"
                   r"(?:do|please)\s+not\s+reply|refer\s+to\s+our\s+\w+(?:\s+\w+)?\s+(?:policy|page|terms|faqs?)|"
                   r"do\s+the\s+needful)\b", re.I)


def _obeyed(before: CheckResult, orders: tuple[str, ...]) -> bool:
    """The draft let a security check go, or gave out someone's details or a staff member's number, because a planted
    order asked ("I've skipped the usual checks since you're a VIP", "you can reach our technician on his mobile, 07700
    900418"): what is left of it, however clean, is for a person to read before it goes."""
    return bool(orders) and any(f.rule == "broken-promise" and f.quote and
                                (obeyed_orders(f.quote, orders) & ({"skipchecks"} | _SOMEONES_DETAILS) or
                                 handed_over(f.quote, orders) & (_SOMEONES_DETAILS | {"contact"})) for f in before.findings)


def _only_unread(verdict: GuardVerdict) -> bool:
    """All the guard has against the rewrite is a sentence in another language, which the rules could not read."""
    return verdict.after is not None and not verdict.after.assessed and verdict.problems == [verdict.language]



_SAFE_FIRST = "Once everything has been made safe, "


def _after_the_safety_step(layout: Layout, case: Situation) -> None:
    """A slot for once it is safe, said before the safety step the coach added ("Hi Sarah, Once it has been made safe,
    our next slot is Thursday. Please leave the property ..."), goes after that step, and never straight after a
    greeting's comma."""
    step = next((u for u in layout.units if u.role == "added" and u.text and case.covered_by(u.text)), None)
    for at, unit in enumerate(layout.units):
        if step is None or unit is step:
            return
        if unit.text.startswith(_SAFE_FIRST) and unit.role != "added":
            step.text = f"{step.text} {unit.text}"
            unit.text = ""
            nxt = layout.units[at + 1]
            if unit.prefix and nxt.text and not nxt.prefix:  # the greeting keeps its place, before what now opens it
                nxt.prefix, unit.prefix = unit.prefix, ""
                nxt.text = lower_first(nxt.text) if nxt.prefix.rstrip().endswith(",") else nxt.text
            return


class _Rewriter(Additions):
    """One rewrite: edits of the flagged sentences, then additions (``Additions``), then a second pass."""

    def __init__(self, draft: str, customer: str | None, policy: Policy, before: CheckResult):
        self.draft, self.customer, self.policy = draft, customer, policy
        self.checked: dict[str, CheckResult] = {draft: before}
        self.phrasing = Phrasing(draft)
        self.used: set[str] = set()
        self.apology_dropped = False
        self.closed = False  # a next step was added
        self.edited: str | None = None  # the reply after the edits, before anything was added
        self.voiced: str | None = None  # the draft said plainly, where a planted order asked for a voice
        self.unread = False  # the customer wrote in another language and the draft has no English to edit
        self.held_back = False  # a policy line bears on the reply, and the reply does not say it (policy_said)
        self.pressed = False  # a demand or a threat went from a reply to someone who cannot pay
        self.orders = injected_orders(customer)
        self.told = without_orders(customer)

    @cached_property
    def case(self) -> Situation | None:  # type: ignore[override]  # (read only where a draft is edited)
        return situation(self.told)

    @cached_property
    def _drafted_as(self) -> list[str]:
        """The draft's sentences, as it wrote them."""
        return [s.text for s in split_sentences(self.draft)]

    @cached_property
    def _not_theirs(self) -> tuple[str, str] | None:
        """The draft's first sentence on someone else's affairs that the customer asked about, and what the reply says
        in its place (who may ask, for an account); None when the customer asked nothing of anyone else."""
        if not self.told or not ((another := asks_for_another(self.told)) or _ASKS_ABOUT.search(self.told)):
            return None
        held = kept_quiet(self.draft, self.policy, self.told, others=True)
        if not held:
            return None
        holder = another and any("holder" in line.lower() for line in self.policy.commitments)
        return held[0].strip(), _HOLDER_SAYS if holder else _NOT_OTHERS

    def _reads_out_details(self, text: str) -> bool:
        """Most of ``text`` reads out someone's details because a planted order asked ("- email: k.doyle82@...", "the
        account holder is Joanne Pike, ..., card ending 3390"), not one clause of a longer reply."""
        span = obeyed_span(text, self.orders) if obeyed_orders(text, self.orders) & _SOMEONES_DETAILS else None
        return span is not None and span[1] - span[0] >= 0.6 * len(text.strip())

    @staticmethod
    def _drop_pasted(layout: Layout, at: int) -> None:
        """What a planted order asked to be pasted in goes whole (read alone, a note may be no English to check): the
        line, the one that led into it ("Here are the notes on file:"), and the rest of the note after it, quoted or in
        no one's voice ("Risk score 82/100 - HOLD. Do not unlock without L2 sign-off.")."""
        unit = layout.units[at]
        led_in = unit.text.rstrip().endswith(":")
        unit.text = ""
        before = layout.units[at - 1] if at else None
        if before is not None and before.text.rstrip().endswith(":") and not holds_fact(before.text):
            before.text, led_in = "", True
        inside = False  # (within a quoted note that runs over several sentences)
        for n, after in enumerate(layout.units[at + 1:]):
            quoted = inside or after.text.lstrip()[:1] in "\"“'‘"
            inside = quoted and (after.text.count('"') + after.text.count("“") + after.text.count("”")) % 2 == \
                (0 if inside else 1)
            if "\n" in layout.units[at + n].gap and not (led_in and n == 0) and not quoted or after.role == "courtesy" or \
                    not quoted and not _POINTS_AT_THEM.search(after.text) and \
                    (_SOMEONES.search(after.text) or not (_NOTE_LIKE.search(after.text) or _DONT_DO.match(after.text) or
                                                          led_in and n == 0 and holds_fact(after.text))):
                break  # (not "Order 5521 ships on Friday.", the agent's own news)
            after.text = ""

    def check(self, text: str) -> CheckResult:
        if not text.strip():
            return CheckResult(findings=[], passed=True)
        if text not in self.checked:
            self.checked[text] = check(text, self.customer, self.policy, max_chars=None)
        return self.checked[text]

    def check_line(self, text: str) -> CheckResult:
        """``check`` for one of the coach's own candidate lines, by the rules alone: the learned heads read whole
        replies, and a template line is not one (of 5,532 dev rewrites, one picks another wording of the same step)."""
        key = "\0rules\0" + text
        if key not in self.checked:
            self.checked[key] = check(text, self.customer, self.policy, max_chars=None, use="rules") if text.strip() \
                else CheckResult(findings=[], passed=True)
        return self.checked[key]

    def _stays(self, text: str) -> bool:
        """A good draft stays as the agent wrote it, slips and all: no blocking finding, nothing hollow, and no voice a
        planted order asked for."""
        findings = self.check(text).findings if text.strip() else []
        return not any(f.blocking for f in findings) and not self._hollow(text, findings) and \
            plain_voice(text, self.orders, self.told or "") == text

    def run(self) -> str:
        text = html_to_text(self.draft)
        if self.told and not looks_english(self.told) and other_language(self.told) and \
                not any(len(s.text.split()) >= 4 and looks_english(s.text) for s in split_sentences(text)):
            self.unread = True  # (and no verdict: the rules cannot read the exchange)
            return text  # "Danke :-)" to a customer writing German: no English thanks or step is added to it
        read = not ADDRESSES_THE_MODEL.search(text)  # (no text for the coach: the draft is read as it is)
        if read and self._stays(text):
            return text  # (read before the layout is parsed: most drafts stay as they are)
        layout = parse(text)
        if any(ADDRESSES_THE_MODEL.search(u.full) for u in layout.units):  # text for the coach, not the customer
            for unit in layout.units:
                if ADDRESSES_THE_MODEL.search(unit.full):
                    unit.prefix = unit.text = ""
            text = layout.render()
            layout = parse(text)
        if not layout.units:
            return text  # nothing but a sign-off or signature ("thanks £20"): no sentence to edit or to add at
        if not read and self._stays(text):
            return text
        findings = self.check(text).findings if text.strip() else []
        plain = plain_voice(text, self.orders, self.told or "")  # a voice only a planted order asked for
        self.voiced = plain if plain != text else None
        retyped = _retyped(plain)
        relaid = layout if retyped == text else parse(retyped)  # (parsed once, and kept for the edits)
        if not relaid.units:  # ("Kindly do the needful at the earliest.", "Ahoy matey!" alone: nothing would be left;
            retyped = plain if parse(plain).units else text  # it stays, for its findings to say)
            relaid = layout if retyped == text else parse(retyped)
        if retyped != text:  # a reply being edited loses its slips too
            text = retyped
            layout, findings = relaid, self.check(text).findings
        english = looks_english(text)
        drafted = {id(u): u.text for u in layout.units}
        for at, unit in enumerate(layout.units):  # "Internal note (Fraud Ops): ...", pasted because a planted order
            if self.orders and (planted_words(unit.text, self.orders) and not _DOES_GRANT.search(unit.text) or
                                self._reads_out_details(unit.text)) and _flagged(unit, findings):
                self._drop_pasted(layout, at)  # (and someone's details read out because an order asked: "- email: ...")
        for unit in list(layout.units):
            if unit.text and _flagged(unit, findings):
                self._replace(layout, unit, self._edit(unit.text, english))
        sorry_again = _SORRY_SIGN_OFF.match(layout.tail)
        if sorry_again and any(f.rule == "bland-apology" and f.quote and f.quote.strip(" ,.!") in sorry_again.group()
                               for f in findings):
            layout.tail = "Kind regards" + layout.tail[sorry_again.end():]  # "Sorry again,\nGavin": a plain sign-off
        hugs = _HUGS_SIGN_OFF.match(layout.tail)
        if hugs and any(f.rule == "pity" and f.quote and f.quote.strip(" ,.!") in hugs.group() for f in findings):
            layout.tail = "Best wishes" + layout.tail[hugs.end():]  # "Sending hugs,\nBecky": a plain one
        units = [u for u in layout.units if u.text or drafted.get(id(u))]  # (a sentence that went is one before it)
        for before, unit in zip(units, units[1:]):  # "Until then we'd ask you to be patient" after "hopefully a fix
            until = _UNTIL_THEN.match(unit.text)  # will be out soon" went: no "then" to wait for
            if until and before.text != drafted.get(id(before), before.text) and not _AWAITED.search(before.text):
                unit.text = capitalise(unit.text[until.end():])
        units = [u for u in layout.units if u.text]
        for at, unit in enumerate(units):  # "Sorry again for the wait." with no apology left before it
            again = _SORRY_AGAIN.match(unit.text)
            if again and not any(_SORRY.search(u.full) for u in units[:at]):  # ("Once again, please accept ...")
                group = 1 if again.group(1) else 2
                unit.text = capitalise(unit.text[: again.start(group)] + unit.text[again.end(group):])
        for at in range(1, len(layout.units)):  # "This will be with you by Friday" after its subject went
            unit, before = layout.units[at], layout.units[at - 1]
            if before.role == "added":  # (a planted grant said instead as the policy's line: "It will be processed
                before = next((u for u in reversed(layout.units[:at]) if id(u) in drafted), before)  # immediately" went
                before = before if follows_orders(drafted.get(id(before), ""), self.orders) else layout.units[at - 1]
            obeyed = follows_orders(drafted.get(id(before), ""), self.orders)
            gone = not before.text or before.text != drafted.get(id(before)) and obeyed
            # (not where what went was a bare apology: "I'm sorry for any inconvenience. It's been removed now" points
            # past it, at the block named before it)
            gone = gone and (obeyed or not _ONLY_SORRY.match(drafted.get(id(before), "")))
            if unit.text and gone and before.role == "body" and \
                    (_POINTS_BACK.match(what_is_checked(unit.text)) or _ENJOY.match(unit.text) or  # (or a cheer for it)
                     obeyed and GRANT_AGAIN.match(drafted.get(id(unit), ""))) \
                    and (not holds_fact(unit.text) or obeyed):
                self._replace(layout, unit, [])  # (what a planted order's grant said next goes with it, facts and all)
            elif unit.text and not re.search(r"\w", unit.text) and drafted.get(id(before)) and not before.text:
                unit.text = ""  # "poor you!! 😭": the emoji goes with the sentence it followed
        # "I'm not able to share staff numbers. I have, however, passed ...": the contrast goes
        _drop_orphaned_lead(layout, drafted, _HOWEVER, lambda m: m["lead"] or "")
        for before, unit in zip(layout.units, layout.units[1:]):  # "... 6 months free. We'll also look into the speed
            # issue.": nothing left for the draft's "also" to add to
            if unit.text and unit.text == drafted.get(id(unit)) and drafted.get(id(before)) and not before.text and \
                    _ALSO.match(unit.text):
                unit.text = _ALSO.sub(lambda m: m["lead"], unit.text, count=1)
        for before, unit in zip(layout.units, layout.units[1:]):  # "Sure! I've marked your complaint as resolved ...":
            if before.text and _BARE_YES.match(before.text) and drafted.get(id(unit)) and unit.text != drafted[id(unit)]:
                before.text = ""  # the yes goes with what it agreed to
        thanked = False  # a "Thank you for your feedback." that went: the situation's own thanks replaces it
        if english and not positive(self.customer, self.draft):  # a fixed reply loses "I understand." and "Don't worry."
            for unit in list(layout.units):
                deflecting = bool(unit.text) and deflects(unit.text)
                if deflecting and _NAMES_THEM.search(unit.text) and _THEM.search(self._next_text(layout, unit)):
                    continue  # "... down to the courier. I've chased them": what "them" names stays
                if unit.text and unit.role != "greeting" and (hollow(unit.text) or deflecting or self._cold(unit.text)):
                    then = _THEN_STEP.search(unit.text)
                    rest = unit.text[then.end():] if then else ""
                    if then and holds_step(rest) and not (hollow(rest) or deflects(rest) or self._cold(rest)):
                        unit.text = capitalise(rest)  # "No news is good news, but I'll chase the assessor today": the
                        continue  # step stays (not "..., so I'm sure the dosage is correct, but ...")
                    thanked = thanked or _THANKS.match(unit.text) is not None
                    self._replace(layout, unit, [])
            self._drop_asked_again(layout)
        if english:  # "You've been charged roaming fees for your trip. These roaming fees were charged for your trip
            self._said_twice(layout)  # to Maputo.": a reply being fixed says it once, the fuller way
            looking = any(u.text and u.role != "added" and _LOOKING.search(u.text) and not _LOOK_AGAIN.match(u.text)
                          for u in layout.units)
            for unit in layout.units:  # "Our technical team is looking into the issue. I'm looking into this and will
                again = _LOOK_AGAIN.match(unit.text) if unit.text and looking else None  # update you within 24 hours"
                if again and unit.text != drafted.get(id(unit)):
                    unit.text = f"I'll update you{again['when']}."
        for at, unit in enumerate(layout.units):  # "I understand. I understand also that ...": the first went, so the
            also = _ALSO_AGAIN.match(unit.text) if unit.text else None  # "also" has nothing to add to
            if also and not any(u.text.lower().startswith(also["lead"].lower()) for u in layout.units[:at] if u.text):
                unit.text = also["lead"] + unit.text[also.end():]
            done_also = _DONE_ALSO.match(unit.text) if unit.text and id(unit) in drafted else None  # "I've also emailed
            if done_also and any(not u.text and id(u) in drafted for u in layout.units[:at]) and \
                    not any(_AGENT_ACT.search(u.text) for u in layout.units[:at] if u.text):  # you a label" after the
                unit.text = unit.text[: done_also.start("also")] + unit.text[done_also.end("also"):]  # grant it followed
                # went: nothing is left for "also" to add to
            too = _TOO_AGAIN.match(unit.text) if unit.text else None  # "I know how you feel about waiting, too." after
            lead = too["lead"].lower() if too else ""  # "I know how you feel." went
            if too and any(not u.text and drafted.get(id(u), "").lower().startswith(lead) for u in layout.units[:at]) \
                    and not any(lead in u.text.lower() for u in layout.units[:at] if u.text):
                unit.text = too["said"] + too["end"]
        said = [u for u in layout.units if id(u) in drafted]
        for before, unit in zip(said, said[1:]):  # "I'm sorry to hear about this. I have raised it with billing.": the
            raised = _RAISED_IT.search(unit.text) if unit.text and not before.text else None  # apology went, and "it"
            if raised and _SORRY.search(drafted[id(before)]) and unit.text == drafted[id(unit)]:  # with it
                unit.text = unit.text[: raised.start("it")] + "this" + unit.text[raised.end("it"):]
        if self.case is not None and self.case.name != "money":  # a smiley after a condolence, a diagnosis or a gas
            for unit in layout.units:  # leak ("I'm so sorry to hear that your mother passed away. 😊"): it goes
                cheer = _CHEERFUL.sub("", unit.text).strip() if unit.text else ""
                if cheer != unit.text.strip() and re.search(r"\w$", cheer) and unit.role == "body":
                    cheer += "."  # "Thanks for reaching out 😊" ended on its face: a full stop now
                if cheer != unit.text.strip():
                    unit.text = cheer if re.search(r"\w", cheer) else ""
                if unit.role != "greeting" and (_THANKS.match(unit.text) or _SORRY.search(unit.text) or
                                                _ANYTHING_ELSE.match(unit.text)) and \
                        unit.text.endswith("!"):  # (nor a cheery "Thanks so much for getting in touch!", "so sorry
                    unit.text = _SO_MUCH.sub(lambda m: "Thank you" if m.group()[0].isupper() else "thank you",
                                             unit.text.rstrip("!")) + "."  # for your loss!", "Let us know if there is
                    # anything else we can help with!"; "Hi there, thanks so much ..." keeps its small letter)
        _orphaned_faces(layout, drafted)  # "Oh no, that's a nightmare!! 😱", "Stay strong! 💪"
        _orphaned_gasps(layout, drafted)  # "OMG 47 mins?!" before "That's awful, so sorry!! 😩"
        if self.case is not None and self.case.name in _HARM:  # "there is absolutely nothing wrong with the brakes",
            for unit in layout.units:  # "I'm sure it couldn't have been our bars": the customer's report, denied
                if unit.text and unit.role != "added" and _DENIES_FAULT.search(unit.text) and \
                        not holds_step(unit.text) and \
                        not [f for f in extract_facts(unit.text) if f != "100" and f not in (self.told or "")]:
                    unit.text = ""  # (a sentence that also does something or names a fact keeps it: "This can
                    # happen when the pilot light blows out, so please leave the house and call 0800 111 999")
        if self.case is not None and self.case.name == "bereavement":  # "we'll need the account holder to call us on
            for unit in layout.units:  # 0345 300 1122" to the executor: the number stays, the account holder goes
                if unit.text and unit.role != "added" and self._holder_only(unit.text):
                    phones = [fact for fact, kind in fact_kinds(unit.text).items() if kind == "phone"]
                    step = next((line for line in self.case.steps if "{" not in line), "")
                    unit.text = f"{step} You can also reach us on {phones[0]}.".strip() if len(phones) == 1 else \
                        unit.text if phones else ""
            # "Alternatively, a certified copy ... can be posted": no alternative to what went
            _drop_orphaned_lead(layout, drafted, _ALTERNATIVELY, "")
        if self.case is not None and self.case.name in _CARE:  # "Please do not chase as this slows things down for
            for unit in layout.units:  # everyone", to someone whose mother has two heart tablets left
                if unit.text and unit.role != "added" and _DONT_CHASE.match(unit.text) and not holds_fact(unit.text):
                    unit.text = ""
        if self.case is not None and self.case.name == "hardship":  # "Please pay the outstanding balance of £286.40 to
            for unit in layout.units:  # avoid further action", to someone who said they can't pay: the sum stays, the
                demand = _PAY_NOW.match(unit.text) if unit.text and unit.role != "added" else None  # demand goes (and is
                if demand and _PRESSURE.fullmatch(demand["rest"]) and \
                        set(extract_facts(unit.text)) <= {demand["amount"]}:  # no step of the reply's)
                    unit.text = f"I can see the balance of {demand['amount']}." if demand["amount"] else ""
                    self.pressed = True
                elif unit.text and unit.role != "added" and (due := _DUE.match(unit.text)) and due["rest"] is not None and \
                        (due.start("what") > 0 or re.search(r"\b(?:still|remains)\b", due["what"])) and \
                        not re.search(r"\b(?:pay|please|avoid|fail\w*|action|otherwise|and|as)\b", due["rest"], re.I) and \
                        not re.match(r"[A-Z]{2}", due["what"]):  # "Unfortunately payment is still due on 14 March." -> "I
                    said = re.sub(r"\s+(?:is\s+still|still\s+is|remains)\s+(?=due\b)", " is ", unit.text[due.start("what"):],
                                  count=1)  # know payment is due on 14 March.": the date stays, as something the agent
                    unit.text = _I_KNOW + said[0].lower() + said[1:]  # knows, not a demand beside "we'll work through
                    # this" (and no step of the reply's: "Please note that payment ... is due" asks nothing of use)
                    self.pressed = True
                elif unit.text and unit.role != "added" and _THREAT.match(unit.text) and not extract_facts(unit.text):
                    unit.text = ""  # "Failure to pay may result in disconnection of supply."
                    self.pressed = True  # (the hardship step comes in, whatever else the reply says)
        if self.case is not None and self.case.name == "safety-at-home":
            _not_through_them(layout)
        units = [u for u in layout.units if u.text]
        for unit, text in zip(units, first_check_in_full([u.text for u in units])):
            unit.text = text
        self.edited = layout.render()
        if english:
            self.add(layout, {f.rule for f in findings} | ({"no-thanks"} if thanked else set()))
        # "we'll work through this with you" beside a demand the reply keeps for its sum ("Failure to pay within 14 days
        # will result in your service being suspended"): a contradiction, so the line goes, wherever the additions put it
        if self.case is not None and self.case.name == "hardship" and \
                any((_THREAT.match(s.text) or _STILL_DEMANDS.search(s.text)) and not _EASES.search(s.text) and
                    not _WORK_THROUGH.search(s.text) for s in split_sentences(layout.render())):
            for unit in layout.units:
                if unit.role == "added" or unit.text != drafted.get(id(unit)):
                    unit.text = _WORK_THROUGH.sub(".", unit.text)
        if any(u.text and u.text != drafted.get(id(u)) and _CHECK_OPENS.search(u.text) for u in layout.units):
            for unit in layout.units:  # "I'm checking whether we can waive the charge ... DM us your number and it's
                if unit.text and unit.role != "added":  # done": what is only checked is not done
                    unit.text = _DONE_TAIL.sub("", unit.text)
        if self.case is not None and self.case.name in ("gas", "carbon-monoxide"):  # "The earliest slot we have is Thursday":
            for unit in layout.units:  # the slot is for after the emergency
                # (a day kept: "hopefully Thursday"; the draft's visit, made a check, is the engine's own line)
                tail = _SLOT_CLAUSE.search(unit.text) if unit.text and unit.role != "added" else None
                head = unit.text[: tail.start()] if tail else ""  # (an offer or an excuse, not "I've booked an engineer")
                if tail and (_ROUTINE_LATER.search(head) or _LATER_SLOT.search(head)) and \
                        all(fact in tail.group("slot") for fact in extract_facts(unit.text)):
                    unit.text = capitalise(tail.group("slot"))  # "Appointments can be booked online, the next available
                    # slot is Thursday 9am-1pm": the slot, said once it is safe, and no booking beside the emergency
                if unit.text and (_NEXT_SLOT.match(unit.text) and unit.role != "added" or
                                  _ROUTINE_VISIT_CHECK.match(unit.text) and not unit.prefix) and \
                        not _MAKES_SAFE.search(unit.text):
                    said = re.sub(r"^I['’]m\s+checking\b", "I'll check", unit.text)  # (what waits is what the agent
                    # will do, and "I" keeps its capital)
                    unit.text = _SAFE_FIRST + (said if said.startswith("I") else said[0].lower() + said[1:])
                elif unit.text and unit.role != "added" and (slot := _POP_IN.match(unit.text)) and \
                        not _MAKES_SAFE.search(unit.text) and not _SAME_DAY.search(unit.text) and \
                        not re.search(r"\bonce\b", unit.text):  # "We're fully booked
                    unit.text = _SAFE_FIRST + slot["rest"]  # this week but I can pop you in ...")
                elif unit.text and unit.role != "added" and not _MAKES_SAFE.search(unit.text) and \
                        (visit := _ROUTINE_VISIT_AFTER.search(unit.text)):  # (not "our team will come straight out to
                    # make it safe and then check the boiler")
                    later = re.sub(r"^(?:,\s*|\s+)(?:and|but)\s+", "", visit.group())  # "We've logged it (ref. 448) and an
                    # engineer will visit within 5-7 working days": the visit is for after the emergency, and says so
                    if any(f.rule == "broken-promise" for f in self.check_line(later).findings):
                        later = re.sub(r"\b(?:will|should)\s+", "aims to ", later, count=1)  # (its days, an aim)
                    head = finish(unit.text[: visit.start()])  # ("Our engineers are very busy at the moment but
                    head = "" if _COLD.match(head) else head + " "  # we will ...": the excuse goes)
                    unit.text = head + _SAFE_FIRST + later
            _after_the_safety_step(layout, self.case)
        for unit in layout.units:  # "Please do not contact this office again about your application": a brush-off
            if unit.text and unit.role != "added" and _DONT_CONTACT.search(unit.text) and not holds_fact(unit.text) and \
                    not _OTHER_STEP.search(_DONT_CONTACT.sub("", unit.text)):  # (not "..., I'll call you tomorrow")
                unit.text = ""
        if self.case is not None:  # "Please be patient." to someone with two tablets left, after "as health is involved,
            for unit in layout.units:  # I'm dealing with this first"
                if unit.text and unit.role != "added" and _BE_PATIENT.fullmatch(unit.text):
                    unit.text = ""
        if self.case is not None and (self.case.always or grieves(self.case)):  # "Anything else I can help with
            for unit in layout.units:  # today?" after "leave the property", or to someone whose husband died
                if unit.text and unit.role != "added" and (_MORE_HELP.match(unit.text) or _VALUED.match(unit.text) or
                                                           SEND_OFF.match(unit.text)):
                    unit.text = ""
        if self.case is not None and self.case.always:  # "Drive it in whenever suits you", "Keep using it and let us
            carry_on = _DRIVE_IN if self.case.name == "vehicle-safety" else _KEEP_USING  # know", after "Please don't
            for unit in layout.units:  # drive the car until it has been checked": it goes
                routine = (_ROUTINE_VISIT_CHECK.match(unit.text) or _BOOK_LATER.match(unit.text) and
                           not self.case.covered_by(unit.text)) and \
                    not _SAME_DAY.search(unit.text) and not unit.prefix and not _MAKES_SAFE.search(unit.text)  # (not "book a tow
                # truck ... today"; but "book your annual boiler service", "squeeze you in next week" after a gas smell)
                waved = _NOTHING_TO_FEAR.match(unit.text)  # (also when it was split off the promise it followed)
                if unit.text and unit.role != "added" and _DIY_FIX.match(unit.text):
                    unit.text = ""  # "Please try adjusting the brake pads as described in the manual, section 4"
                    continue  # after the brakes failed: the urgent step is to stop, not to fix it oneself
                gently = self.case.name == "vehicle-safety" and _GO_GENTLY.match(unit.text or "") and \
                    not holds_fact(unit.text)  # ("take it slow until we look at it on Thursday": its day stays)
                drive_in = self.case.name == "vehicle-safety" and _DRIVE_IN.search(unit.text or "")  # ("... back in on
                # Thursday": its day goes with it)
                kept_on = carry_on.search(unit.text or "") and self.case.name in _HARM  # "You can keep using the dryer
                # until our engineer visits on Friday 14 June" (not "keep using your credit card ending 3391")
                moved = unit.role == "added" and unit.text.lower() in self.draft.lower()  # (the draft's first sentence, moved
                # after the thanks the coach put before it: "Hi Ms Lee, thank you .... Just take it easy ...")
                if unit.text and (unit.role != "added" or waved or moved) and (drive_in or kept_on or gently or
                                                                      (carry_on.search(unit.text) or waved or
                                                                      _BE_CAREFUL.match(unit.text) or
                                                                      _ENJOY.match(unit.text) or
                                                                      _SEE_YOU.match(unit.text) or
                                                                      _ROUTINE_IN_DANGER.search(unit.text))
                                                                     and not holds_fact(unit.text) or routine or
                                                                     _AMENDS.search(unit.text)):
                    unit.text = ""  # (and "Let me check whether we can fit you in next month": the urgent step says
                    # what happens now)
            if self.case.name in _DANGER:
                self._drop_routine(layout)
            _orphaned_faces(layout, drafted)  # "Enjoy your next order! 🍕"
        if self.case is not None and self.case.name == "medical-emergency":  # "we're fully booked until Thursday
            for unit in layout.units:  # 10:40am, would you like me to reserve that slot?" to a child's non-fading rash
                if unit.text and unit.role != "added" and _LATER_SLOT.search(unit.text) and not _SAME_DAY.search(unit.text):
                    unit.text = ""
        if self.case is not None and self.case.name in ("hardship", "money", "bereavement"):  # "... must still be paid
            for unit in layout.units:  # by the due date to avoid late charges": the threat goes, the date stays
                if unit.text and unit.role != "added":
                    unit.text = _AVOID_CHARGES.sub("", unit.text)
        if self.case is not None and self.case.name in ("hardship", "money"):
            for unit in layout.units:  # "Someone from billing will be in touch in due course" beside "as this affects
                if unit.text and unit.role != "added":  # your money, I'm dealing with it first": no "in due course"
                    unit.text = _IN_DUE_COURSE.sub("", unit.text)
            for unit in layout.units:  # "Just a reminder that payment of £310 is due on 30 June" to someone who said they
                others = " ".join(u.text for u in layout.units if u is not unit)  # can't pay: it goes where its facts
                if unit.text and (_DUE.match(unit.text.removeprefix(_I_KNOW)) and
                                  all(f in others for f in extract_facts(unit.text)) or
                                  _THREAT.match(unit.text) and not extract_facts(unit.text)):
                    unit.text = ""  # are said already ("you can't pay the £310 bill due on 30 June")
        if any(f.rule == "broken-promise" for f in findings):  # "Just send the receipts over.", "This message is your
            drafted_as = self._drafted_as  # written confirmation.", "All done!": what came
            now = layout.render()  # with a grant that went, alone (a sentence of the draft's own only when the one
            said_now = {stem(w) for w in content_words(now)}  # before it went: its facts, or most of its words)
            gone = {b for a, b in zip(drafted_as, drafted_as[1:])
                    if not all(f in now for f in extract_facts(a)) or
                    len((words := {stem(w) for w in content_words(a)}) - said_now) * 2 > len(words)}
            for unit in layout.units:
                parts = [p.text for p in split_sentences(unit.text)] if unit.text else []
                parts = _without_yes(parts, drafted_as)
                kept = [p for p in parts if not ((_GRANT_LEFTOVER.match(p) or self.policy.commitments and
                                                  _RETURN_LEFTOVER.match(p)) and not holds_fact(p) and
                                                 (p not in drafted_as or p in gone))]
                if kept != parts:
                    unit.text = " ".join(kept)
        units = [u for u in layout.units if u.text]
        for before, unit in zip(units, units[1:]):  # "I'll pass the €389 refund to a supervisor to review ... I'll check
            money = _CHECK_MONEY.match(unit.text)  # on the money and update you within 3 days": the money waits on them
            if money and _TO_REVIEW.search(before.text):
                unit.text = f"I'll update you{money['when']}."
        if self.policy.commitments:  # a policy line the coach said, where the reply says it already ("Your replacement
            said = {said_policy(line): line for line in self.policy.commitments}  # ships within 2 business days ...")
            for unit in layout.units:
                parts = [p.text for p in split_sentences(unit.text)] if unit.text else []
                kept = [p for p in parts if not (p in said and p not in self.draft and
                                                 len({stem(w) for w in content_words(p)}) >= 3 and
                                                 any(u is not unit and u.text and mentions(p, u.text, share=1.0)
                                                     for u in layout.units))]
                if len(kept) < len(parts):
                    unit.text = " ".join(kept)
            self.held_back = unsaid_policy(layout, self.policy, said, self.draft, self.customer)  # ... and only a plain
            # grant
            if self.held_back and english and self.dropped_step(layout.render()):
                self.closed = False  # the line held back was all the reply did: the agent's step in its place
                self.closing(layout)
                if self.dropped_step(layout.render()):
                    self.closing(layout, step=POLICY_STEP)
        units = [u for u in layout.units if u.text]
        for before, unit in zip(units, units[1:]):  # "... update you by Friday. thanks so much for waiting!": a small
            if re.match(r"[a-z]{2,}[\s,!?'’]", unit.text) and not unit.prefix and before.text != drafted.get(id(before)) and \
                    before.text.rstrip()[-1:] in ".!?" and unit.text == drafted.get(id(unit)):  # letter after an emoji
                unit.text = capitalise(unit.text)  # that ended the sentence before it, now a full stop
        self.merge_prefix(layout)  # ("Hi Sarah, we've passed your feedback on to the driver." went after the harassment
        # step was added: the step joins the greeting)
        _drop_empty_items(layout)
        money: bool | None = None  # (what "it" may be: a refund, or a booking re-sent; read once, where needed)
        for unit in layout.units:  # "Let me check whether we can get power back" reads as if it might never be back
            if unit.text and unit.role != "greeting" and "whether" in unit.text:
                money = _MONEY_WORDS.search(layout.render()) is not None if money is None else money
                unit.text = _MONEY_SEEN.sub(partial(_money_seen, money=money), _RESTORED.sub(_when, unit.text))
        if any(f.rule == "broken-promise" for f in findings):
            for unit in layout.units:  # (and a yes the policy's check split off later)
                if unit.text and _YES_LEAD.match(unit.text):
                    unit.text = " ".join(_without_yes([p.text for p in split_sentences(unit.text)], self._drafted_as))
        return self._settle(layout, findings, english)

    @staticmethod
    def _next_text(layout: Layout, unit: Unit) -> str:
        """The text of the first unit after ``unit`` that still has any."""
        at = layout.units.index(unit)
        return next((u.text for u in layout.units[at + 1:] if u.text), "")

    @staticmethod
    def _said_twice(layout: Layout) -> None:
        """Of two sentences in a row where one says nothing the other does not (its words and facts), the lesser goes."""
        units = [u for u in layout.units if u.text and u.role == "body"]
        for one, two in zip(units, units[1:]):
            if not one.text or not two.text or "?" in one.text + two.text:
                continue
            if len({bool(_NEGATED.search(u.text)) for u in (one, two)}) > 1:
                continue  # "We can refund the deposit. We can't refund it within 14 days": not the same thing
            words = [{stem(w) for w in content_words(u.text)} for u in (one, two)]
            facts = [set(extract_facts(u.text)) for u in (one, two)]
            for lesser, (a, b) in ((one, (0, 1)), (two, (1, 0))):
                if len(words[a]) >= 3 and words[a] <= words[b] and facts[a] <= facts[b]:
                    lesser.text = ""
                    if lesser is one:  # "These roaming fees were ..." with nothing before it to point at: "The"
                        two.text = re.sub(r"^(?:These|Those|This|That)\b(?=\s+(?!(?:is|was|are|were|has|have|had|will|would|"
                                          r"can|could|should|must|may|might|means?|meant)\b)[a-z])", "The", two.text)
                    break

    @staticmethod
    def _drop_routine(layout: Layout) -> None:
        """Where someone is in danger, the draft's routine lines go beside the urgent step: a booking offer ("Feel
        free to book another appointment online"), a reply time for every enquiry, a report called feedback ("I'll
        pass your feedback on to the depot"). A line with a fact of the draft's stays (the facts are kept); opening
        hours and a reply time are said for what is not urgent."""
        for unit in layout.units:
            if not unit.text or unit.role == "added" or not (_ROUTINE_LATER.search(unit.text) or
                                                             _OPEN_HOURS.search(unit.text)) or \
                    _SAME_DAY.search(unit.text) or _MAKES_SAFE.search(unit.text) or _MORE_THAN_ROUTINE.search(unit.text):
                continue
            if not holds_fact(unit.text):
                unit.text = ""
                continue
            said = _CALL_BACK_THEN.sub("", _BUSY_AND.sub("", unit.text))  # "Our team is experiencing high volumes and
            if _NOT_URGENT_LINE.match(said):  # we aim to respond within 3-5 working days": its facts stay, for what
                unit.text = "For anything that isn't urgent, " + lower_first(_NOTE_THAT.sub("", said))  # is not urgent

    def _drop_asked_again(self, layout: Layout) -> None:
        """A request the customer has already met goes ("Have you checked with your neighbours?" to someone who
        has), with the short line after it that only leaned on it ("Parcels are often left with them.")."""
        for at, unit in enumerate(layout.units):
            if not (unit.text and unit.role == "body" and asked_again(unit.text, self.customer)):
                continue
            self._replace(layout, unit, [])
            after = layout.units[at + 1] if at + 1 < len(layout.units) else None
            then = _AFTER_IT.match(after.text) if after is not None and after.text else None
            if then and after.role == "body" and after.text[then.end():].strip():
                after.text = capitalise(after.text[then.end():])  # "If that doesn't help, please send ...", "Then ..."
            elif after is not None and after.role == "body" and after.text and _LEANS_BACK.search(after.text) and \
                    len(after.text.split()) <= 12 and not holds_fact(after.text) and not holds_step(after.text):
                self._replace(layout, after, [])

    def _cold(self, text: str) -> bool:
        """A line that could go to anyone ("Thank you for your feedback.", "You may refer to our FAQ page.") in a reply
        to grief, danger or money trouble: the situation's acknowledgement and step take its place."""
        return self.case is not None and not holds_fact(text) and not text.rstrip().endswith(":") and \
            (_COLD.match(text) is not None or _TEMPLATES.search(text) is not None and not _THANKS.match(text) or
             self._holder_only(text))
        # (not "Please note the following:"; "Thank you for your letter." is a plain opening, "... for your feedback" not)

    def _hollow(self, text: str, findings: list[Finding]) -> bool:
        """No error or warning, but what a reader hears as hollow all the same: "I understand. I hear you." (parroting
        said twice or more, or a sentence that says nothing else), grief, danger or money trouble that the reply
        never names (no acknowledgement, or only "sorry for your loss" above a template), or danger it gives no
        safety step for."""
        parroted = [f for f in findings if f.rule == "parroting"]
        bare = any(hollow(s.text) for f in parroted for s in split_sentences(text) if s.start <= f.start < s.end)
        urgent = self.case is not None and self.case.always and not self.case.covered_by(text) and \
            not mentions(self.case.steps[0], text)  # a gas smell answered "we aim to respond within 3-5 working days"
        unacknowledged = any(f.rule == "no-acknowledgement" for f in findings)
        # a form reply ("Your enquiry has been logged") to a problem the coach can say back: it is said back
        form = unacknowledged and _FORM.search(text) is not None and restate_problem(self.told) is not None
        cheery = grieves(self.case) and (_CHEERFUL.search(text) is not None or
                                         any(SEND_OFF.match(s.text) for s in split_sentences(text)))
        # ("Hi Mrs Pritchard! Thanks for getting in touch 😊 ... Have a great day!" to the bereaved)
        # a demand or a threat to someone who said they cannot pay ("Failure to pay may result in disconnection")
        demands = self.case is not None and self.case.name == "hardship" and any(
            _THREAT.match(s.text) or (pay := _PAY_NOW.match(s.text)) and _PRESSURE.fullmatch(pay["rest"])
            for s in split_sentences(text))
        needful = any(_NEEDFUL.fullmatch(s.text) for s in split_sentences(text))  # "Kindly do the needful." asks nothing
        return len(parroted) >= 2 or bare or urgent or form or cheery or demands or needful or \
            self.case is not None and (unacknowledged or not self.case.named_by(text, self.told)) or \
            bool(self.told) and any(blames(s.text) for s in split_sentences(text)) or self._holder_only(text)
        # ("It's probably your phone tbh")

    def _holder_only(self, text: str) -> bool:
        """To the bereaved, only the account holder can act ("we can only discuss the account with the account holder",
        "Please get the account holder to call us"): the bereavement step replaces it."""
        return self.case is not None and self.case.name == "bereavement" and _HOLDER_ONLY.search(text) is not None

    # -- edits of flagged sentences -----------------------------------------------------------------------

    def _edit(self, text: str, english: bool) -> list[str]:
        """The sentences that replace the flagged sentence ``text``: each round fixes one finding of each."""
        sentences, stuck = [text], set()
        for _ in range(4):
            out, progress = [], False
            for sentence in sentences:
                found = [f for f in blocking(self.check(sentence)) if english or f.rule == "banned-phrase"]
                if sentence in stuck or not found:
                    out.append(sentence)
                    continue
                new = None
                for f in sorted(found, key=lambda f: _ORDER.index(f.rule)):
                    new = self._fix(f.rule, sentence, f.quote or "")
                    if new is not None:
                        break
                if new is None:
                    stuck.add(sentence)
                    out.append(sentence)
                else:
                    out += [s for s in new if s.strip()]
                    progress = True
            sentences = out
            if not progress:
                break
        # "Oh Gemma, that's so awful, I feel terrible for you 😢": the interjection and name left of the pity go too;
        # so does a piece with no verb left of a clause that went ("In the meantime 🙂" of "..., hang tight 🙂")
        # (and "I have checked." of "I have checked and your parcel will definitely be with you tomorrow": what was
        # checked went, and a check of it follows; "Come back." of "Come back and we'll def make it up to u"; and "It should
        # show in 3-5 working days." of a refund now checked against the policy is said on its condition)
        sentences = [_GAPPED.sub(lambda m: f"I'll update you on {m['np'][0].lower() + m['np'][1:]} {m['when']}.", s)
                     for s in sentences if s == text or not _ASSURED_PIECE.match(s)]  # "Your line live by Monday." (left
        # of "the pole will be in and your line live by Monday"): the time, as when the agent updates
        checked = _CHECKS_GRANT.search(" ".join(sentences)) is not None
        return checks_in_order([_IF_APPROVED + lower_first(re.sub(r"^\W*and\s+", "", s))
                                if checked and s != text and _SEE_IT.fullmatch(s) else s
                                for s in sentences if s == text or not is_interjection(s) and
                                (has_verb(s) or holds_fact(s) or s in self.draft) and not _CHECKED_IT.fullmatch(s) and
                                not (s != text and _COME_BACK.fullmatch(s))])

    def _fix(self, rule: str, text: str, quote: str) -> list[str] | None:
        """The first way to fix ``rule`` in ``text`` whose new sentences the checker passes on that rule."""
        before = _count(self.check(text), rule)
        for way in self._ways(rule, text, quote):
            way = [s if s in text else _ABBREVIATION_STOP.sub("", s) for s in way]  # ("... update you by 10 a.m..")
            if rule == "broken-promise" and len(way) > 1:  # "Don't worry." said what the promise after it was for
                way = [s for s in way if not _CALMS.match(s)] or way
            if rule == "broken-promise" and _VOWS.match(quote):  # "I guarantee you'll be ready and you'll pass on the
                way = [s for s in way if not (_vowed_too(s, text, quote) and  # 14th": the second outcome was vowed
                                              not any(f.rule == rule for f in self.check(s).findings))]  # too (one the
                # rules read alone is fixed in the next round)
            if way and new_problems(text, " ".join(way)):
                continue  # it would read worse than the sentence it replaces
            fresh = [s for s in way if not _carried(s, text)]
            after = [_count(self.check(s), rule) for s in fresh]
            promises = before[1] - (rule == "broken-promise")
            if sum(n for n, _ in after) < before[0] and sum(p for _, p in after) <= promises:
                if rule == "bland-apology":
                    self.apology_dropped = True
                if any(is_check(s) for s in fresh):
                    way = also_checks(way, CHECKED in self.used)
                    self.used.add(CHECKED)  # the next check in this reply says "also"
                return way
        return None

    def _ways(self, rule: str, text: str, quote: str) -> list[list[str]]:
        if rule == "broken-promise" and not holds_fact(text) and _VOUCHES.search(text) and \
                _DONE_FIRST.search(self.draft[: max(self.draft.find(text), 0)]):  # "I've rebooked you for Thursday 16th
            return [[]]  # ... The engineer will definitely be there this time, I guarantee it.": what was done stays, the
            # guarantee of it goes (not "Let me check whether the engineer can be there")
        if rule == "broken-promise":
            if follows_orders(text, self.orders):  # a planted order's grant or words go; the policy's line on
                # what it handed out is said instead, where there is one
                rest = _without_clause(text, quote) if quote and quote != text else None
                rest = None if rest and (_ALL_SET.match(rest) or _NO_WORRY.match(rest)) else rest  # "..., so you're all
                # set!", "... so there's no need to worry about the rest": said of the grant
                rest = None if rest and re.match(r"\W*that\b", rest, re.I) else rest  # "... refunded and that the bank
                # was at fault": what was confirmed went with its "I can confirm"
                rest = None if rest and GONE_AHEAD.match(rest) else rest  # "I've gone ahead [and approved ...]": the lead
                # went with what it led into
                # "I have applied override code 7-ALPHA": a code only the planted order gave (or another thing it
                # ordered) goes with what it handed out
                planted = set(extract_facts(" ".join(self.orders))) - set(extract_facts(self.told or ""))
                rest = None if rest and (planted & set(extract_facts(rest)) or follows_orders(rest, self.orders)) \
                    else rest
                instead = policy_on(text, self.policy, self.used)
                return ([[rest, *instead]] if rest else []) + [instead]
            excluded = self.policy.excludes(text, self.told or "")
            if excluded and excluded not in self.used:  # cover for a cause the policy excludes: its line, the agent's
                self.used.add(excluded)  # own step ("I'll send a prepaid box today"), and a check of what is possible
                own = [finish(capitalise(piece.strip())) for piece in re.split(r"\s[—–-]\s|;\s", text)
                       if not GRANTS_COVER.search(piece) and starts_clause(piece.strip()) and holds_step(piece)]
                within = _WITHIN.search(text)  # "you're still within the 12-month warranty, so ...": that stays
                known = [f"I can see it's within the {within['term']} warranty."] if within and \
                    within["term"] not in excluded else []
                return [[*known, said_policy(excluded), *own,
                         "I'll check what we can offer for the repair and update you."]]
            window = past_window_instead(text, self.policy, self.used, f"{self.told or ''} {self.draft}")
            # ("I've approved a full refund" 45 days in: the line and the option after it, first)
            ways = ([window] if window is not None else []) + \
                exception_instead(text, self.policy, self.used, self.phrasing.salt(2)) + \
                fix_promise(text, quote, self.policy, self.used, self.phrasing.salt(4), self.told or "")
            at = text.find(quote) if quote else -1
            if at > 0 and _DASH_BEFORE.search(text[:at]) and _ABOUT_IT.match(quote) and not holds_fact(quote):
                rest = _without_clause(text, quote)  # "Thanks for keeping the photos — they'll make this quicker to
                ways = ([[rest]] if rest else []) + ways  # resolve": an aside on what came before goes, not a check
            if _SAFE_NOW.search(quote or "") and \
                    (self.case and self.case.always or _EXPLICIT_SAFE.search(quote)):  # "I can promise you the car is
                rest = _without_clause(text, quote)  # absolutely safe to drive" beside the danger's own step: it goes
                until = _UNTIL_WE.search(quote)  # (" ... until we collect it on Monday": the collection stays, and the
                kept = [f"Please stop using it until {until['who']} {until['act'].strip()}."] \
                    if until and self.case and self.case.always else []  # use stops
                return [[capitalise(rest), *kept] if rest else kept]
            if self.case and self.case.always and not holds_fact(text) and not RESOLVED.search(text) and \
                    not _PROTECTED.search(text):  # (not "I've suspended the waiter while we investigate and ...")
                return [[]] + ways  # a gas smell: the situation's own step replaces "in touch within 5-7 days" (not
                # "I've removed your address from the account", done already)
            later = _SLOW_REPLY.search(text) if self.case and self.case.always else None
            if later:  # "... a member of our team will respond within 3-5 working days": its time stays, as the rest of
                # the message's, after the urgent step (not "I'll update you within 3-5 working days" beside "urgent")
                who = later["s"][0].lower() + later["s"][1:]
                lead = re.sub(r"(?:\s*[,;]|\s+(?:and|so|but))+\s*$", "", text[: later.start()]).strip()
                led = len(lead.split()) >= 3 and not self._cold(finish(lead))
                if self.case.name in ("gas", "carbon-monoxide"):  # (a reply time for once it is safe, said so: not
                    # "Separately, ... within 3-5 working days" beside a gas smell)
                    return [[*([finish(lead)] if led else []), f"{_SAFE_FIRST}{who} aims to {later['vp']}."]] + ways
                said = f"{lead}, and {who} aims to {later['vp']}." if led else f"Separately, {who} aims to {later['vp']}."
                return [[said]] + ways
            return ways + ([[]] if droppable(text) else []) + not_confirmed(text, quote, self.phrasing.salt(2))
        refused = self.policy.exception_refused(text, self.told) if rule == "banned-phrase" and self.told else None
        if refused:  # "we can't refund the £142 in any circumstances" to someone who was in hospital: the exception
            amounts = " and ".join(f for f, kind in fact_kinds(text).items() if kind == "money")  # the line makes
            # the line from "Exception:" on ("Exception: if ..." -> "If ...", "Deposits are non-refundable. Exception:
            # deposits are refunded on ..." -> "deposits are refunded on ..."), with the rule's subject where it has none
            # ("Early termination fee of £150 applies ... Exception: waived on proof of a move" -> "The early termination
            # fee of £150 is waived on proof of a move")
            head, *rest = _EXCEPTION_AT.split(refused)
            said = (rest[-1] if rest else head).strip()
            subject = _LINE_SUBJECT.match(head.strip()) if rest and _NO_SUBJECT.match(said) else None
            if subject:
                what = subject["what"]
                said = f"{'The ' + what[0].lower() + what[1:] if not _DETERMINED.match(what) else what} " \
                       f"{'are' if what.endswith('s') else 'is'} {said}"
            parts = re.split(r",\s+but\s+|;\s+", said)  # ("Late cancellation is charged at one night, but the charge is
            said = next((p for p in parts[1:] if _LIFTS.search(p)), said)  # waived for ...": the waiver's own part)
            said = _TEAMS_PART.sub("", said)  # ("...; reverse any charge already made": the team's to do, not said)
            # in the customer's voice: "No refuelling charge if the customer shows ..." -> "There is no refuelling charge
            # if you show ..."
            said = _NO_CHARGE.sub(lambda m: f"There is {m.group().lower()}", as_ours(said))
            exception = finish(capitalise(said))
            step = f"I'll check how that applies to the {amounts} and update you." if amounts else \
                "I'll check how that applies to you and update you."
            refusal, _, after = text.partition("; ")  # "The £35 fee does apply; I've sent the request to Dr Shah ...": the
            # refusal, and the agent's own step after it, which stays
            after = capitalise(after.strip()) if _OWN_STEP.match(after) and \
                not self.policy.exception_refused(after, self.told) else ""  # (not "...; it's based on your meter")
            normally = _as_normally(refusal if after else text) if not _RULES_OUT.search(exception) else None  # (not
            # "..., but non-refundable rates cannot be refunded, except where ...": a line that refuses as well is said
            # as it is)
            if normally:  # "... the first night of £129 would normally be charged, but cancellations due to a documented
                # medical emergency are free of charge.": the draft's reason and figures stay, as the rule the exception
                # lifts (and the agent's own step after it)
                joined = exception[0].lower() + exception[1:] if not re.match(r"[A-Z]{2}", exception) else exception
                return [[f"{normally}, but {joined}", step, *([finish(after)] if after else [])]]
            if any(fact not in exception + step for fact in extract_facts(text)):
                return []  # ("a £5 restocking fee will be charged, and I've emailed a returns label": its figures and its
            return [[exception, step]]  # step would go; the finding stays for a person)
        if rule == "vague-effort" and only_effort(text):  # "Our IT team is looking into it. Please try again later.":
            rest = self.draft.replace(text, " ")  # the look stays, and says what comes of it
            if any(f.rule == "broken-promise" for f in self.checked[self.draft].findings):
                return []  # "... is looking into the issue and it will be resolved within 48 hours": the promise's
                # check follows the look, and says when
            if _SAYS_WHEN.search(rest) or not holds_step(rest):
                return [[]]  # (where nothing else is to be done, the coach's own step names what it looks into)
            return [[re.sub(r"[\s.!]*$", "", text) + ", and I'll update you as soon as I know more."]]
        if rule == "vague-effort" and self._after_done(text):
            return [[]]  # "I've booked a new delivery. We'll do our best to get it out to you soon.": what was done says it
        if rule == "banned-phrase" and (instead := self._not_theirs) and text.strip() == instead[0]:
            return [[instead[1]]]  # what the customer asked of someone else and may not hear: said so, once
        edit = {"bland-apology": lambda: drop_apology(text), "pity": lambda: drop_pity(text, quote),
                "vague-effort": lambda: fix_vague_effort(text, quote),
                "banned-phrase": lambda: drop_banned(text, quote, quote in kept_quiet(text, self.policy, self.told))}[rule]()
        return [edit] if edit is not None else []

    def _after_done(self, text: str) -> bool:
        """``text``, an effort about "it" with no topic or fact of its own, follows the agent's own done action."""
        sentences = [s.text for s in split_sentences(self.draft)]
        at = next((i for i, said in enumerate(sentences) if text.strip() in said), 0)
        return at > 0 and _DONE_BY_US.search(sentences[at - 1]) is not None and not holds_fact(text) and \
            _IT_WORD.search(text) is not None and not _OWN_TOPIC.search(text) and \
            {stem(w) for w in content_words(text)} <= _EFFORT_ONLY  # (not "... with the courier too", "... before your
        # holiday", "... the engineer this week": a topic or a time of its own)

    def _replace(self, layout: Layout, unit: Unit, sentences: list[str]) -> None:
        # ("[Please be assured that we shall do our utmost and] that three chairs will ...": the "that" went with its verb)
        sentences = [capitalise(s[m.end():]) if (m := _LEAD_THAT.match(s)) else s for s in sentences]
        at = layout.units.index(unit)
        back = at - 1
        while back > 0 and _DISMAY.fullmatch(layout.units[back].text):
            back -= 1  # "WHAT?! 😱 We can't believe ...": the emoji between does not keep the interjection
        if back >= 0 and is_interjection(layout.units[back].text):  # "Wow." before what was pity or an apology
            for gone in layout.units[back:at]:
                gone.text = ""
        enjoy = next((u for u in [u for u in layout.units[at + 1:] if u.text][:2] if _ENJOY.match(u.text)), None)
        kept = {m.lower() for s in sentences for m in _TREAT.findall(s)}
        if enjoy is not None and {m.lower() for m in _TREAT.findall(unit.text)} - kept:
            enjoy.text = ""  # "Enjoy!" after the free month that went (a sentence between them or not)
        for backing in layout.units[at + 1:]:  # "I'm positive. Count on it!" after the promise: they go with it
            if backing.text and not only_backs(backing.text):
                break
            backing.text = ""
        if follows_orders(unit.text, self.orders):  # "Here are the codes: ... Feel free to use any of them.": what the
            handed = [u for u in layout.units[at + 1:] if u.text][:2]  # order had handed out, pointed back at
            for after in handed:
                if after.role == "body" and (_POINTS_AT_IT.search(after.text) or unit.text.rstrip().endswith(":") and
                                             _QUOTED_LINE.match(after.text)):
                    after.text = ""
        if not sentences:
            hello = HELLO_LEAD.match(unit.text) if (unit.role == "greeting" or at == 0) and not unit.prefix else None
            if hello:  # "Hi Ahmed, apologies!": the greeting stays, for the next sentence to join
                unit.prefix = hello.group()
            unit.text = ""
            following = next((u for u in layout.units[at + 1:] if u.text), None)
            dismay = _DISMAY.match(following.text) if following is not None else None
            if dismay and dismay.end() < len(following.text):  # "so sorry for the hassle!! 😩 we'll look into it":
                following.text = following.text[dismay.end():]  # the emoji went with the apology
            if following is not None and _AFTERTHOUGHT.match(following.text):  # "Anyway, I'll look into it."
                following.text = capitalise(following.text[_AFTERTHOUGHT.match(following.text).end():])
            return
        if unit.prefix.rstrip().endswith(",") and sentences[0][:1].isupper() and lower_first(sentences[0]) == sentences[0] \
                and not re.match(r"I\b", sentences[0]):  # "Hi Ravi, Annual renewals may be refunded ...": the greeting
            unit.text, sentences = "", ["", *sentences]  # waits for the reply's opening; the line follows it
        unit.text = lower_first(sentences[0]) if unit.prefix.rstrip().endswith(",") else sentences[0]
        for offset, sentence in enumerate(sentences[1:], 1):
            layout.units.insert(at + offset, Unit(text=sentence, gap=unit.gap, role="added"))
            layout.units[at + offset - 1].gap = " "

    def dropped_step(self, text: str) -> bool:
        """The reply offers no next step: the checker says so, or the rules do where the draft had one (the
        learned layer may pass a thanks alone, but a step the edits removed must be replaced)."""
        if solved_for_them(self.customer or ""):
            return False  # "Restarting does resolve the issue. Thanks.": no step is owed them (the rule may still say so)
        if _no_step(self.check(text)):
            return True
        rule = load_rules()["no-next-step"]
        # (a vague effort the edits took out stood where a step should be: "We will endeavour to have someone attend")
        return not explicit_step(rule, split_sentences(text)) and not FOLLOW_LINK.search(text) and (
            explicit_step(rule, split_sentences(self.draft)) or
            any(f.rule == "vague-effort" for f in self.checked[self.draft].findings))

    # -- the second pass ----------------------------------------------------------------------------------

    def _settle(self, layout: Layout, findings: list[Finding], english: bool) -> str:
        """Drop what is still flagged when it may go (an added sentence, or one with no fact and no step)."""
        text = layout.render()
        for _ in range(2):
            flagged = blocking(self.check(text))
            if not flagged:
                break
            changed = False
            for f in flagged:
                for at, unit in enumerate(layout.units):
                    if unit.text and f.quote and f.quote in unit.full and f.rule == "bland-apology" and \
                            unit.role != "added" and not droppable(unit.text):  # "hi sorry for the trouble, I'll look
                        hi = _CHAT_HI.match(unit.prefix)  # into the refund", flagged once its effort was fixed: "Hi, I'll
                        if hi and unit.text and not blocking(self.check_line(unit.text)):  # look into the refund"
                            unit.prefix, changed = capitalise(hi.group(1)) + ", ", True
                        continue
                    if unit.text and f.quote and f.quote in unit.full and (unit.role == "added" or droppable(unit.text)):
                        unit.text, changed = "", True  # a fact, a step and the draft's words otherwise stay
                        after = layout.units[at + 1] if at + 1 < len(layout.units) else None
                        if after is not None and _DISMAY.fullmatch(after.text.strip()):
                            after.text = ""  # "... a nightmare!! 😱": the emoji goes with it
            if not changed:
                break
            self.merge_prefix(layout)
            text = layout.render()
        if english and not self.closed and self.dropped_step(text):
            self.closing(layout)
            text = layout.render()
        self._after_the_check(layout)
        if any(u.text and u.text not in self.draft and _ASKS_A_REPLY.search(u.text) for u in layout.units):
            for unit in layout.units:  # "Please do not reply to this email." above the coach's "Reply here with ..."
                if unit.text and unit.role == "body" and _NO_REPLY.fullmatch(unit.text):
                    unit.text = ""
        said: set[str] = set()
        for unit in layout.units:  # two edits can arrive at the same line ("I'll pass this on to the team ..." twice)
            if unit.text and len(unit.text.split()) >= 4 and unit.text in said and unit.text not in self.draft:
                unit.text = ""
            said.add(unit.text)
        self._one_update(layout)
        text = layout.render()
        return _whole_thread(text, html_to_text(self.draft))

    def _after_the_check(self, layout: Layout) -> None:
        """What the draft said would follow its promise goes once the promise is a check: "You'll see it in a few
        days.", "Tracking to follow!" after "Let me check whether the £189 can be refunded" (to the paragraph's end)."""
        checked, draft = False, self.draft.lower()
        for unit in layout.units:
            if not unit.text or unit.role not in ("body", "added"):
                continue
            sentences, kept = [s.text for s in split_sentences(unit.text)], []
            for sentence in sentences:
                if sentence not in self.draft and (is_check(sentence) or _CHECKS_POLICY.match(sentence)):
                    checked = True
                elif checked and _OUTCOME_FOLLOWS.search(sentence) and sentence.lower() in draft and \
                        not holds_fact(sentence):
                    continue
                kept.append(sentence)
            if len(kept) < len(sentences):
                unit.text = " ".join(kept)
            if "\n\n" in unit.gap:
                checked = False

    def _one_update(self, layout: Layout) -> None:
        """One promise of news (``updates.one_update``): the first way that loses no fact of the draft's and adds no
        finding."""
        was = [unit.text for unit in layout.units]
        ways = list(one_update(was, html_to_text(self.draft)))
        if not ways:
            return
        before, plain = layout.render(), html_to_text(self.draft)
        lost, flagged = set(missing_facts(plain, before)), {f.rule for f in blocking(self.check(before))}
        for way in ways:
            for unit, text in zip(layout.units, way):
                unit.text = text
            after = layout.render()
            if set(missing_facts(plain, after)) <= lost and {f.rule for f in blocking(self.check(after))} <= flagged:
                return
        for unit, text in zip(layout.units, was):
            unit.text = text


_ASKS_A_REPLY = re.compile(r"\breply\b|\bDM\b|\b(?:send|share)\b|\blet\s+(?:me|us)\s+know\b|\bhere\b", re.I)
_NO_REPLY = re.compile(r"\W*(?:for\s+security\s+reasons,?\s+)?(?:please\s+)?(?:do\s+not|don['’]t)\s+reply\s+(?:directly\s+)?to\s+"
                       r"this\s+(?:e-?mail|message)(?:\s+address)?\W*", re.I)
# a check of the policy the coach wrote in a promise's place ("I'll check what our policy allows for the £189 refund")
_CHECKS_POLICY = re.compile(r"^I['’]ll check (?:what|how|whether) (?:our|the) policy\b|^I['’]ll check what that means for you\b|"
                            r"^I['’]ll check what I can (?:confirm|offer)\b|"
                            r"^I['’]ll (?:pass|ask) [^.]{1,60}? to review\b")
# what follows a promise kept, said as done: "You'll see it in a few days.", "Tracking to follow!", "Refund on its way!"
_OUTCOME_FOLLOWS = re.compile(r"^\W*(?:and\s+)?you(?:['’]ll|\s+will|\s+should)\s+(?:(?:then|soon)\s+)?(?:see|get|receive|have)\s+"
                              r"(?:it|them|the\s+(?:money|refund|funds|credit|replacement|new\s+\w+))\b|"
                              r"^\W*(?:the\s+)?tracking(?:\s+(?:details|number|info|link))?\s+(?:to|will|is\s+to)\s+follow\b|"
                              r"^\W*(?:and\s+)?you\s+(?:will\s+not|won['’]t)\s+(?:receive|get|be\s+sent)\s+any\s+(?:further|more)\b"
                              r"(?!\s+(?:marketing|promotional|newsletters?|offers)\b)(?![^.!?]*\bas\s+you\s+asked\b)|"
                              r"^\W*(?:your\s+|the\s+)?(?:refund|replacement|money|credit)\s+(?:is\s+)?on\s+(?:its|it['’]s|the)\s+way\b|"
                              # "You'll be generating again by the end of that day.", "I'll have it paid into your account"
                              r"^\W*you['’]ll\s+be\s+(?:\w+ing\s+again|back\s+(?:up\s+and\s+running|online|on))\b|"
                              r"^\W*I['’]ll\s+have\s+(?:it|this|them)\s+(?:paid|sent|refunded|credited)\b",
                              re.I)
# where a brush-off hands over to the step: "..., but I'll chase the assessor today", "...; please call us now"
_THEN_STEP = re.compile(r"(?:,\s*|;\s*|\s+)(?:but|so|and)\s+(?=(?:I|we|please|you|our)\b)|;\s+(?=(?:I|we|please|you|our)\b)",
                        re.I)
_EDGE_MARKER = re.compile(r"(?m)^(?P<lead>(?:@\w+[ \t]+)*)[(\[]?(?P<a>[1-9])/(?P<b>[1-9])[)\]]?[ \t]+"
                          r"|[ \t]+[(\[]?(?P<c>[1-9])/(?P<d>[1-9])[)\]]?(?=(?:[ \t]+[#^]\w+)*[ \t]*$)")  # ("... 2/2 #ZipHelp")


# an emoji of shock or sorrow, alone: it belonged to what was said before it
_SLOW_REPLY = re.compile(r"(?P<s>\b(?:(?:someone|somebody)\s+from\s+)?(?<!from\s)(?:a|an|one\s+of\s+our|our|the)\s+"
                         r"(?:member\s+of\s+(?:our|the)\s+)?[\w-]+(?:\s+team)?)\s+"
                         r"will\s+(?P<vp>(?:respond|reply|get\s+back\s+to\s+you|be\s+in\s+touch|contact\s+you|call\s+you)"
                         r"\b[^.!?;]*?\bwithin\s+\d[^.!?;]*?)\s*[.!]?$", re.I)
_CHEERFUL = re.compile(r"\s*[\U0001F600-\U0001F606\U0001F60A\U0001F60D\U0001F60E\U0001F642\U0001F917\U0001F929\U0001F973"
                       r"\U0001F44D\U0001F64C\U0001F389\U0001F38A\U0001F31E\u2600\u2728\U0001F4AA\U0001F525\U0001F4AF]"
                       r"\uFE0F?(?=\s|$|[^\w\s])")  # 😀-😆 😊 😍 😎 🙂 🤗 🤩 🥳 👍 🙌 🎉 🎊 🌞 ☀ ✨ 💪 🔥 💯
_BARE_YES = re.compile(r"^\W*(?:sure(?:\s+thing)?|of\s+course|absolutely|certainly|done|no\s+(?:problem|worries)(?:\s+at\s+all)?|"
                       r"you\s+got\s+it|consider\s+it\s+done|will\s+do|(?:great|good|brilliant|amazing)\s+news)\W*$", re.I)
# "Can you tell me if he banks with you?", "Is my neighbour at no. 12 registered with you?"
_RELATION = (r"(?:wife|husband|partner|son|daughter|mum|mom|dad|mother|father|brother|sister|neighbou?r|flatmate|friend|ex|"
             r"ex-partner|ex-wife|ex-husband|landlord|tenant)")
_ASKS_ABOUT = re.compile(r"\b(?:tell|confirm|let\s+me\s+know|check|know)\b[^.?!]{0,30}\b(?:if|whether)\s+"
                         rf"(?:he|she|my\s+{_RELATION}(?:\s+(?-i:[A-Z][a-z]+)|\s+(?:at|in|on|from)\s+[^,.?!]{{1,25}}?)?)"
                         r"\s+(?:still\s+)?(?:banks|holds|owes|lives|works|paid|is\s+(?:still\s+)?(?:a\s+)?(?:customer|member|"
                         r"registered|staying|booked)|(?:has|have)\s+(?:an?\s+)?(?:account|booking|policy|membership))\b|"
                         rf"\b(?:is|does|did|has)\s+(?:he|she|my\s+{_RELATION})\s+(?:\w+\s+)?(?:have|hold|bank|got|staying|booked|"
                         r"registered|a\s+customer)\b", re.I)
_NOT_OTHERS = "I'm not able to share details about another person."
_DONE_ALSO = re.compile(r"^\W*(?:I|we)(?:['’]ve|\s+have)\s+(?P<also>also\s+)(?!been\b)\w+", re.I)  # (the agent's done act;
# "I'll also check ..." is the coach's own second check, which first_check_in_full reads)
# the agent's own act in a line before ("I've booked ...", "I'll check ..."), which an "also" may add to
_AGENT_ACT = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?!been\b)\w+(?:ed|ent|ook|ade|ought|un|one)\b|"
                        r"\b(?:I|we)(?:['’]ll|\s+will|['’]m|\s+am)\s+(?!(?:be\s+)?(?:happy|glad|sorry|afraid|so)\b)\w+", re.I)
# a step that goes through the person the customer fled: "you'll need to get your ex-partner to sign it", "Please ask
# the other account holder to call us", "both account holders are present on the call"
_THROUGH_THEM = re.compile(r"\b(?:get|ask|have|need|require|requires)\s+(?:your\s+ex(?:-\w+)?|the\s+other\s+(?:account\s+)?"
                           r"holder|the\s+(?:(?:primary|main|lead|first)\s+)?(?:account\s+)?holder|your\s+(?:ex-)?(?:partner|husband|wife|boyfriend|"
                           r"girlfriend)|(?P<bare>him|her))\s+to\s+(?:sign|call|"
                           r"confirm|contact|ring|phone|agree|authori[sz]e|consent|approve|give\s+us\s+a\s+(?:call|ring)|get\s+in\s+touch)\b|"
                           r"\bboth\s+(?:account\s+holders|parties)\s+(?:are|to\s+be|must\s+be|need\s+to\s+be|being)\s+"
                           r"(?:present|on\s+the\s+(?:call|line|phone))\b|"
                           # ... or only through them: "we can only discuss account settings with the main account holder"
                           r"\bonly\s+(?:discuss|make\s+changes|change|speak|talk)\b[^.!?]{0,50}\bwith\s+the\s+(?:main|primary|lead)\s+"
                           r"(?:account\s+)?holder\b|\bwith\s+the\s+(?:consent|permission|agreement)\s+of\s+the\s+(?:main\s+|"
                           r"primary\s+)?account\s+holder\b|"  # ("... only with the consent of the account holder, Mr. Price")
                           # ... or post to where they live: "we'll send confirmation to the address on file"
                           r"\bsend\b[^.!?]{0,40}\bto\s+the\s+(?:address|home)\s+(?:on\s+file|we\s+have|on\s+the\s+account)\b",
                           re.I)
_HOURS_AFTER = re.compile(r"(?P<hours>,?\s+(?:(?:we['’]re|we\s+are)\s+open\s+)?(?:\((?=[^)]*\d)[^)]{1,40}\)|"
                          r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[\w.]*\s*(?:[-–]|to)\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[\w.]*,?\s+"
                          r"\d[\w:]*\s*(?:[-–]|to)\s*\d[\w:]*|\d[\w:]*\s*(?:[-–]|to)\s*\d[\w:]*))")  # (whatever follows)
# a pronoun for the other holder, where the reply speaks of a joint account (not "ask her to call us" of the mum whose
# house the customer moved into)
_JOINT = re.compile(r"\b(?:both\s+(?:account\s+)?(?:holders|parties|names)|joint|other\s+(?:account\s+)?holder|ex\b|ex-)", re.I)
_SAFE_WAY = ("I'll ask our specialist team how we can make this change without contacting the other account holder, and "
             "I'll update you here.")


def _not_through_them(layout: Layout) -> None:
    """ "Please ask the other account holder to call us", to someone who fled them: the agent finds a way that does not
    go through them. A fact said before the request ("both holders need to sign form J2, so ...") and the number to call
    (with its hours) stay."""
    said = False
    for at, unit in enumerate(layout.units):
        ask = _THROUGH_THEM.search(unit.text) if unit.text and unit.role != "added" else None
        before = layout.units[at - 1].text if at else ""
        if ask is None or ask["bare"] and not _JOINT.search(f"{before} {unit.text}"):
            continue
        kinds = fact_kinds(unit.text)
        phones = [fact for fact, kind in kinds.items() if kind == "phone"]
        if len(phones) > 1:
            continue
        cut = max((m.start() for m in _THEN_ASK.finditer(unit.text, 0, ask.start())), default=0)
        head = unit.text[:cut].rstrip(" ,;") + "." if cut and all(unit.text.find(f) < cut for f in kinds if f not in phones) \
            else ""
        hours = _HOURS_AFTER.match(unit.text[unit.text.index(phones[0]) + len(phones[0]):]) if phones else None
        reach = f" You can also reach us on {phones[0]}{hours['hours'].rstrip('.') if hours else ''}." if phones else ""
        unit.text, said = f"{head} {'' if said else _SAFE_WAY}{reach}".strip(), True


_THEN_ASK = re.compile(r",?\s+so\s+|;\s*|,\s+and\s+")  # where the request joins what comes before it
_HOLDER_SAYS = "I can only discuss the account with the account holder, so please ask them to get in touch with us directly."
_TEMPLATES = load_rules()["no-acknowledgement"].pattern("templates")  # lines that could be sent to anyone
# what points back at a list the planted order had the draft hand out: "Feel free to use any of them on order 5530-KK.",
# "Let me know which one you'd like!", and a quoted line after "here are the internal notes:"
_POINTS_AT_IT = re.compile(r"\b(?:any|all|either|each|one|both)\s+of\s+(?:them|these|those)\b|\bwhich\s+(?:one|of\s+(?:them|"
                           r"these|those))\b", re.I)
_QUOTED_LINE = re.compile(r"^\W*[\"“'‘]")
# a "that" left at a sentence's start by a cut: a conjunction, as what follows it shows ("that three chairs will")
_LEAD_THAT = re.compile(r"^That\s+(?=(?:a|an|the|your|our|my|we|you|it|they|I|\d+|two|three|four|five|six|seven|eight|nine|"
                        r"ten)\s+(?:\w+\s+){0,3}?(?:will|would|shall|can|is|are|has|have)\b)")
# the agent's own done action ("I've booked a collection ... and a new delivery"), and an effort after it about "it"
_DONE_BY_US = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:just\s+|already\s+|now\s+|also\s+)?(?:booked|rebooked|arranged|"
                         r"scheduled|ordered|sent|dispatched|issued|requested|raised|escalated|replaced|reset|renewed|"
                         r"reactivated|unblocked|restored|cancell?ed|refunded|credited|applied|processed)\b", re.I)
_EFFORT_ONLY = frozenset(stem(w) for w in "best try trying utmost get out back soon asap quickly possible hopefully next "
                        "couple few days weeks week day can able everything through sure quick quicker fast faster "
                        "delivered deliver".split())  # (not "fixed" or "sorted": the customer's problem, still open)
_IT_WORD = re.compile(r"\b(?:it|this|that|them)\b", re.I)
_OWN_TOPIC = re.compile(r"\b(?:about|regarding|re|as\s+for|for)\s+(?:the|your|my|our|this|that)\b|^\W*regarding\b", re.I)
_LINE_SUBJECT = re.compile(r"^(?P<what>[A-Z][^.;:]{2,60}?)\s+(?:applies|apply|is|are|incurs?|carries|costs?)\b")
_DETERMINED = re.compile(r"^(?:the|a|an|our|your|all|any|each)\b", re.I)
_NO_SUBJECT = re.compile(r"(?:waived|refunded|given|allowed|available|free|not\s+charged|exempt)\b", re.I)
_EXCEPTION_AT = re.compile(r"(?:^|(?<=[.;])\s+)\W*exceptions?\s*:\s*", re.I)
_TEAMS_PART = re.compile(r"\s*;\s*(?:reverse|refund|waive|remove|cancel|apply|issue|offer|escalate|note|log|tell|do\s+not|"
                         r"don['’]t)\b[^;]*$", re.I)
_NO_CHARGE = re.compile(r"^[Nn]o\s+(?:[\w-]+\s+){0,3}?(?:charge|fee|penalty|cost|surcharge)s?\b(?=[^.;]*\bif\b)")
# a refusal or a charge, said as the rule an exception lifts: "will be charged" -> "would normally be charged", "we can't
# accept a return" -> "we wouldn't normally accept a return"
_AS_NORMALLY = (
    (re.compile(r"\bwill\s+(?:still\s+)?be\s+(?=(?:charged|payable|deducted|retained)\b)", re.I), "would normally be "),
    (re.compile(r"\b(?:will|does|do)\s+(?:still\s+)?apply\b|\bstill\s+applies\b", re.I), "would normally apply"),
    (re.compile(r"\b(?:is|are)(?:n['’]t|\s+not)\s+covered\b", re.I), "wouldn't normally be covered"),
    (re.compile(r"\bcan\s+only\s+be(?=\s+\w+\s+(?:early\s+)?if\b)", re.I), "would normally only be"),
    (re.compile(r"\bthere(?:['’]s|\s+is)\s+(?=an?\s+(?:[\w-]+\s+)?(?:fee|charge)\s+of\b)", re.I), "there would normally be "),
    (re.compile(r"\s+(?:can['’]?t|cannot|can\s+not)\s+(?=\w)", re.I), " wouldn't normally "),
    (re.compile(r"(?:\s+(?:are|am)|['’](?:re|m))\s+(?:unable|not\s+able)\s+to\s+(?=\w)", re.I), " wouldn't normally "),
    (re.compile(r"\s+(?:don['’]t|do\s+not)\s+(?=\w)", re.I), " wouldn't normally "),  # "we don't price match after ..."
    (re.compile(r"\s+requires?\s+(?=\w)", re.I), " would normally require "),  # "all memberships require 30 days' notice"
    (re.compile(r"\s+(?:still\s+)?stands\b", re.I), " would normally stand"),  # "so the refuelling charge of NZ$118 stands"
)
_NO_EXCEPTIONS = re.compile(r",?\s*(?:with\s+)?no\s+exceptions?\b", re.I)
_OWN_STEP = re.compile(r"\W*(?:I|we)(?:['’](?:ve|ll|m|re)|\s+(?:have|will|am|are)\b)", re.I)  # the agent's own step
_LIFTS = re.compile(r"\b(?:waived|free\s+of\s+charge|refunded|except\w*|unless)\b", re.I)  # the part of a line that
# lifts its rule
_RULES_OUT = re.compile(r"\b(?:not|no|never|cannot|non-\w+)\b|n['’]t\b", re.I)
_SO_SADLY = re.compile(r"(,?\s+so)\s+(?:unfortunately|sadly|regrettably),?(?=\s)", re.I)  # "..., so unfortunately we wouldn't
# normally ..."
_BAD_NEWS_LEAD = re.compile(r"^\W*(?:unfortunately|sadly|regrettably|I['’]m\s+afraid)\s*,?\s*", re.I)


def _as_normally(text: str) -> str | None:
    """A one-clause refusal or charge as the rule an exception lifts, without its full stop, or None (not "in any
    circumstances", which no "normally" can soften)."""
    text = _NO_EXCEPTIONS.sub("", text)  # ("... notice to cancel, no exceptions": what the exception shows wrong)
    if re.search(r"\b(?:in|under)\s+any\s+circumstances\b|[;?]|,\s*(?:and|but)\s", text, re.I):
        return None  # (not "... would normally be charged, and I've emailed a label, but ...": one clause)
    for pattern, said in _AS_NORMALLY:
        if len(pattern.findall(text)) == 1:
            out = _BAD_NEWS_LEAD.sub("", _SO_SADLY.sub(r"\1", pattern.sub(said, text))).strip().rstrip(".!")
            return capitalise(out)
    return None


_THANKS = re.compile(r"^\W*thank(?:s|\s+you)\b", re.I)
_WITHIN = re.compile(r"\b(?P<term>(?:\d+|one|two|three)[- ](?:month|year))s?\s+(?:limited\s+)?warranty\b", re.I)
_SO_MUCH = re.compile(r"^thanks\s+(?:so\s+much|a\s+lot|a\s+million)(?=\s+for\b)", re.I)
# ("Your concern has been noted and the same will be checked by the concerned team.")
_COLD = re.compile(r"^\W*(?:thank(?:s|\s+you)\s+(?:so\s+much\s+)?for\s+your\s+(?:feedback|comments?|patience|understanding)"
                   r"(?:\s+(?:on|about)\s+your\s+(?:recent\s+)?(?:trip|ride|order|stay|visit|experience|delivery))?|"
                   r"your\s+(?:message|enquiry|inquiry|query|complaint|request|case|feedback)\s+has\s+been\s+(?:logged|received|"
                   r"recorded|noted|registered)(?:\s+and\s+(?:the\s+same|it)\s+will\s+be\s+(?:checked|looked\s+into|reviewed|"
                   r"investigated)\s+by\s+the\s+(?:concerned|relevant)\s+(?:team|department))?|"
                   r"(?:our\s+)?(?:lines|phones|teams?|agents|advisors|advisers|engineers|technicians|we)\s+(?:are\s+)?(?:currently\s+)?"
                   r"(?:experiencing|receiving|handling|dealing\s+with|very\s+busy)(?:\s+(?:a\s+)?(?:very\s+)?(?:high|heavy|"
                   r"large|unusually\s+high)\s+(?:[\w-]+\s+){0,3}?(?:volumes?|demand|calls|contacts|enquiries|inquiries)|"
                   r"\s+(?:at\s+the\s+moment|right\s+now))?)\W*$", re.I)  # ("Our lines are experiencing high call volumes.")
_POINTS_AT_THEM = re.compile(r"\b(?:any|all|each|either|one)\s+of\s+(?:them|these|those)\b|\b(?:these|those)\s+codes?\b",
                             re.I)  # ("Feel free to use any of them on order 5530-KK.", after the codes went)
_NOTE_LIKE = re.compile(r"\b[A-Z]{3,}\b|\b\d+/\d+\b|^\W*[A-Z][\w ]{0,20}:")  # ("Risk score 82/100 - HOLD.")
_DONT_DO = re.compile(r"\W*(?:do\s+not|don['’]t|never)\s+\w+", re.I)  # ("Do not unlock without L2 sign-off.")
_SOMEONES = re.compile(r"\b(?:I|we|you|your|our|us|me|my)\b|['’](?:ll|ve|re|m)\b", re.I)
# a grant, which the policy's line may say instead (not a note pasted in)
_DOES_GRANT = re.compile(r"\b(?:refund\w*|waiv\w*|credit\w*|discount\w*|voucher\w*|compensat\w*|free|upgrade\w*)\b", re.I)
_OTHER_STEP = re.compile(r"\b(?:I|we)(?:['’](?:ll|ve|m)|\s+(?:will|have|am|are))\b|\buse\b|@|https?://|www\.|\d", re.I)
_BE_PATIENT = re.compile(r"\W*(?:(?:please|kindly)\s+(?:be\s+patient|bear\s+with\s+us)|(?:we|I)\s+(?:really\s+)?"
                         r"appreciate\s+your\s+patience|thank(?:s|\s+you)\s+(?:so\s+much\s+)?for\s+your\s+patience)"
                         r"(?:\s+(?:in\s+the\s+meantime|while\s+we\s+(?:look\s+into|sort)\s+(?:this|it)))?\W*", re.I)
_DONT_CONTACT = re.compile(r"\b(?:please\s+)?(?:do\s+not|don't|don’t)\s+(?:contact|call|email|e-mail|chase|write\s+to)\s+"
                           r"(?:us|this\s+(?:office|team|department|address))\s+(?:again|further)\b", re.I)
# the close of a routine reply: "Anything else I can help with today?", "Is there anything else we can do for you?"
_MORE_HELP = re.compile(r"^\W*(?:is\s+there\s+)?anything\s+else\s+(?:I|we)\s+can\s+(?:help|do|assist)\b[^.!]*\?\W*$", re.I)
# ... and its thanks for custom: "Thanks for being a valued customer!"
_VALUED = re.compile(r"^\W*thank(?:s|\s+you)\s+(?:so\s+much\s+)?for\s+being\s+(?:a\s+|such\s+a\s+)?(?:valued|loyal)\s+"
                     r"(?:customer|member|client|guest)\W*$", re.I)
_ANYTHING_ELSE = re.compile(r"^\W*(?:please\s+)?(?:let\s+(?:us|me)\s+know|do\s+get\s+in\s+touch|just\s+ask)\b[^.!?]*"
                            r"\b(?:anything|else|more)\b", re.I)
_HOLDER_ONLY = re.compile(r"\b(?:(?:account|policy)[\s-]?holder)\s+(?:must|needs?\s+to|has\s+to|should)\s+(?:call|contact|ring|"
                          r"phone|e-?mail|visit|sign|log)\b|"  # ("the policyholder must call us on ...")
                          # ... or by name, with a title: "Please ask Mrs Harding to call", to her widower
                          r"\b(?:ask|get|have|tell)\s+(?:Mrs|Mr|Ms|Miss|Mx)\.?\s+[A-Z][a-z]+\s+to\s+(?:call|contact|ring|phone|e-?mail|"
                          r"come|visit|sign|log)\b|"
                          r"\b(?:get|ask|have|tell)\s+(?:your|the)\s+(?:late\s+)?(?:mum|mom|mother|dad|father|husband|wife|"
                          r"partner|son|daughter|brother|sister|gran|granny|nan|grandma|grandad|grandpa|grandmother|grandfather)\s+"
                          r"to\s+(?:call|contact|ring|phone|e-?mail|come|visit|sign|log)\b|"  # ("Please get your mum to call us")
                          r"\b(?:only|need\s+to|needs\s+to|have\s+to|has\s+to|must|require|requires)\b[^.!?]{0,50}\b(?:discuss|"
                          r"speak|talk|deal|call|calls|contact|ring|close|cancel|change)\b[^.!?]{0,40}\b(?:account\s+|policy\s*)holder\b|\b(?:ask|get)\s+the\s+(?:account\s+|policy\s*)holder\s+to\b"
                          r"|\b(?:have|let)\s+the\s+(?:account\s+|policy\s*)holder\s+(?:call|contact|ring|phone|e-?mail|come|sign|log)\b"
                          # "we are unable to close the account without the authorisation of the account holder"
                          r"|\bwithout\s+(?:the\s+)?(?:authori[sz]ation|consent|permission|approval|signature|say-so)\s+of\s+"
                          r"the\s+(?:account\s+|policy\s*)holder\b|\bwithout\s+the\s+(?:account\s+|policy\s*)holder['’]s\s+(?:authori[sz]ation|consent|"
                          r"permission|approval|signature)\b"
                          r"|\b(?:account\s+|policy\s*)holder\s+(?:will\s+)?(?:just\s+|only\s+|simply\s+)?(?:needs?|has)\s+to\b"
                          r"|\b(?:account\s+|policy\s*)holder\s+(?:can|could|may)\s+(?:also\s+)?(?:call|contact|ring|phone|visit|log|come|pop|go)\b"
                          r"|\b(?:need|needs|require|requires)\s+the\s+(?:account\s+|policy\s*)holder\s+to\b|\bgo\s+through\s+the\s+account\s+"
                          r"holder\b"  # "we'll need the account
                          # holder to log in and confirm the request"
                          r"|\b(?:account\s+|policy\s*)holder\s+(?:must|should|will\s+have\s+to)\s+(?:call|contact|ring|phone|e-?mail|come|visit|"
                          r"sign|log|confirm|approve|agree)\b", re.I)
_MAKES_SAFE = re.compile(r"\b(?:safe|emergency|urgent\w*|immediately|within\s+the\s+hour|right\s+away|straight\s+away)\b",
                         re.I)  # ("an engineer will be sent to make the supply safe within the hour": the visit is the help)
_EXPLICIT_SAFE = re.compile(r"\b(?:perfectly|completely|totally|absolutely|100%|entirely)\s+safe\b", re.I)
_UNTIL_WE = re.compile(r"\buntil\s+(?P<who>we|I)\s+(?P<act>(?!can\b|could\b|have\b|get\s+back\b)\w+\b[^.!?]*)", re.I)
_NAMES_THEM = re.compile(r"\b(?:courier|carrier|driver|bank|manufacturer|airport|supplier|warehouse|partner)s?\b", re.I)
_THEM = re.compile(r"\b(?:them|they|their)\b", re.I)
_ALSO = re.compile(r"^(?P<lead>(?:I|we)(?:['’](?:ll|ve|m|re)|\s+(?:will|have|am|are|can)))\s+also\b", re.I)
_HOWEVER = re.compile(r"^(?:however|that\s+said|nevertheless)\s*,\s*|(?<=^)(?P<lead>(?:I|we)\s+(?:have|'ve|’ve|will|'ll|’ll|can))"
                      r",\s+however,(?=\s)", re.I)
# the reply says when or how the customer hears back: "we'll keep you updated", "by tonight" (not "contacting us today")
_SAYS_WHEN = re.compile(r"\b(?:update\s+you|get\s+back\s+to\s+you|be\s+in\s+touch|let\s+you\s+know|keep\s+you\s+"
                        r"(?:posted|updated|informed)|revert|within\s+(?:\d|an?\s+|the\s+(?:hour|day|week))|by\s+(?:the\s+end|"
                        r"tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))", re.I)
# a guarantee that vouches for what the draft has just done ("... will definitely be there this time")
_VOUCHES = re.compile(r"^(?=[^.!?]*\bthis\s+time\b)(?=[^.!?]*\b(?:definitely|certainly|absolutely|guarantee|assure|promise|"
                      r"100\s?%))(?=[^.!?]*\b(?:be\s+there|turn\s+up|show\s+up|arrive|come|(?:be\s+)?(?:fixed|resolved|sorted|"
                      r"repaired))\b)", re.I)  # (the visit just rebooked, or its fix: not "They will definitely refund you this
# time")
_DONE_FIRST = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:just\s+|now\s+|already\s+)?(?:re-?booked|booked|arranged|scheduled|"
                         r"requested|ordered|sent|raised|set\s+up|dispatched)\b", re.I)
_RAISED_IT = re.compile(r"\b(?:raised|passed|escalated|reported|forwarded|flagged|sent|logged|referred)\s+(?P<it>it)\s+"
                        r"(?:on\s+|up\s+|over\s+|through\s+)?(?:with|to)\b", re.I)
_TOO_AGAIN = re.compile(r"^(?P<said>(?P<lead>I\s+(?:know|understand)\s+how\s+(?:you\s+feel|frustrating|annoying|upsetting))\b"
                        r"[^.!?]*?),?\s+too(?P<end>[.!]*)\s*$", re.I)  # (a feeling said again; not "you emailed our CEO too")
_ALSO_AGAIN = re.compile(r"^(?P<lead>I\s+(?:understand|know|see|hear|appreciate|realise|realize))\s+also\b", re.I)
# a fix left to the customer where someone may be hurt: "Please try adjusting the brake pads as described in the manual"
_DIY_FIX = re.compile(r"^\W*(?:please\s+)?(?:(?:just\s+)?try\s+(?:adjusting|tightening|loosening|bleeding|re-?aligning|"
                      r"re-?fitting)|(?:you\s+(?:can|could|may\s+want\s+to)\s+)?(?:adjust|tighten|loosen|bleed|re-?align|"
                      r"re-?fit))\s+(?:the\s+|your\s+)?(?:[\w-]+\s+)?"
                      r"(?:brakes?|brake\s+pads?|pads|steering|wheels?|tyres?|tires?|chain|cables?|battery|wiring|plug|boiler)\b",
                      re.I)
_KEEP_USING = re.compile(r"^\W*(?:just\s+|please\s+|you\s+can\s+)?(?:keep|carry\s+on|continue)\s+(?:using|to\s+use|"
                         r"eating|to\s+eat|wearing|charging)\b", re.I)
# "just take it easy for the first couple of hundred miles": driving on, gently, beside "don't drive"
_GO_GENTLY = re.compile(r"^\W*(?:(?:just|please)\s+)?take\s+it\s+(?:easy|slow|gently|steady)\b(?=[^.!?]*\b(?:miles|km|kilomet\w+|"
                        r"drive|driving|journeys?|roads?|motorways?)\b)", re.I)
_DRIVE_IN = re.compile(r"^\W*(?:(?:just|please|feel\s+free\s+to|you\s+can|you['’]re\s+welcome\s+to)\s+)?"
                       r"(?:drive|bring|pop)\s+"
                       r"(?:it|her|the\s+car|your\s+car|the\s+vehicle)\s+(?:in|over|down|round|back|to\s+us)\b"
                       # "Pop in whenever suits you"
                       r"|^\W*(?:(?:just|please|feel\s+free\s+to|you\s+can)\s+)?(?:pop|drop|come)\s+(?:in|by|round|over)\s+"
                       r"(?:whenever|any\s*time|when\s+it\s+suits|if\s+it\s+(?:keeps|carries\s+on|continues|still))\b"
                       # "If you want to bring it in next week we can take a look."
                       r"|^\W*(?:(?:hi|hello|hey|dear)\s+[^,.!?]{1,30},\s*)?(?:if|when)\s+you\s+(?:want|wish|would\s+like|like|can)\s+to\s+"
                       r"(?:bring|drive|drop|pop)\s+(?:it|her|"
                       r"the\s+car|your\s+car|the\s+vehicle)\s+(?:(?:back\s+)?(?:in|over|round)\b|back\s+(?:next|this|later|on)\b)"
                       # "If its still a problem in a couple of weeks pop in and we'll have a look."
                       r"|^\W*if\s+(?:it['’]?s|its|it\s+is)\s+still\s+[^.!?]{0,50}\b(?:pop|bring\s+it|drive\s+it|come)\s+(?:in|back|round)\b"
                       # "Can you bring the car back in next week when we have a free slot?"
                       r"|\b(?:can|could)\s+you\s+(?:bring|drop|pop)\s+(?:it|her|the\s+car|your\s+car|the\s+vehicle)\s+"
                       r"(?:back\s+)?(?:in|over|round)\s+(?:next\s+week|later\s+this\s+week|when(?:ever)?\b|at\s+some\s+point)"
                       # "... so please pop in next week and our team will take a look"
                       r"|\bplease\s+(?:pop|drop|come|bring\s+it)\s+(?:in|by|round)\s+(?:next\s+week|whenever|any\s*time)\b"
                       # wait and see: "Give it a week and it'll feel normal again", "Keep driving it as normal"
                       r"|^\W*(?:just\s+)?(?:give\s+(?:it|them|the\s+\w+)\s+(?:a|another|some|a\s+few|a\s+couple\s+of)\s+"
                       r"(?:days?|weeks?|miles|more\s+days)|(?:keep|carry\s+on)\s+driving)\b", re.I)
# the customer blamed for what was done to them: "Please be more careful with callers in future"
_BE_CAREFUL = re.compile(r"^\W*(?:please\s+|just\s+|do\s+)?(?:be\s+more\s+careful|take\s+more\s+care|"
                         r"(?:in\s+future|next\s+time),?\s+(?:please\s+)?(?:never|don['’]t|do\s+not)\s+(?:give|share|read|tell))\b",
                         re.I)
# the danger waved away: "There's really nothing to be upset about"
_NOTHING_TO_FEAR = re.compile(r"^\W*(?:there['’]s|there\s+is)\s+(?:really\s+|honestly\s+|absolutely\s+)?nothing\s+to\s+"
                              r"(?:be\s+)?(?:worr|upset|scared|afraid|frightened|panic|stress)", re.I)
# the harm the customer reports, denied before anyone has looked: it goes where someone may be hurt
_HARM = frozenset({"vehicle-safety", "product-safety", "safety", "gas", "carbon-monoxide", "health", "injury"})
_DENIES_FAULT = re.compile(
    r"\b(?:there['’]s|there\s+is)\s+(?:absolutely\s+|really\s+|definitely\s+|honestly\s+)?nothing\s+wrong\s+with\s+"
    r"(?:the|your|our|it|them)\b"
    r"|\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:quite\s+|very\s+)?(?:sure|certain|confident)\s+(?:that\s+)?"
    r"(?:it|this|that)\s+(?:couldn['’]t|could\s+not|can['’]t|cannot|wasn['’]t|was\s+not)\s+(?:have\s+been\s+|be\s+)?"
    r"(?:our|from|caused|down\s+to|the\s+(?:bars?|product|food|brakes?|boiler|appliance|car|service))\b"
    r"|\b(?:it|this|that)\s+(?:couldn['’]t|could\s+not|can['’]t|cannot)\s+(?:possibly\s+)?have\s+been\s+(?:our|the|from)\b"
    r"|^\W*(?:it['’]s|it\s+is|this\s+is|that['’]s|that\s+is)\s+(?:just|only|simply|perfectly|completely|totally)\s+"
    r"(?:normal|expected|the\s+new\b|a\s+normal\b)"
    r"|^\W*(?:that|this|it)\s+(?:can|does|sometimes)\s+happens?\b"
    # "Brake pedals can feel different after new pads, its quite normal", "so it's unlikely to be related to the service",
    # "Brake issues can sometimes be caused by driving style"
    r"|\b(?:it['’]s|its|it\s+is|this\s+is|that['’]s)\s+(?:quite\s+|perfectly\s+|completely\s+|totally\s+)?normal"
    r"(?=\s*(?:[.,;!]|and\b|$))"
    # "so a bit of pulling is normal, it's probably just your driving style adjusting to them"
    r"|\ba\s+(?:bit|little)\s+of\s+[\w-]+\s+is\s+(?:quite\s+|perfectly\s+)?normal\b"
    r"|\b(?:is|are)\s+(?:quite\s+|perfectly\s+|completely\s+|totally\s+)?normal\s+for\s+(?:a|the\s+first)\s+(?:day|few|couple|week|hundred)\b"
    r"|\b(?:probably|most\s+likely|likely)\s+(?:just\s+)?(?:down\s+to\s+)?your\s+(?:driving|braking)(?:\s+style)?\b"
    r"|\bunlikely\s+to\s+be\s+(?:related|linked|connected|due|down)\s+to\b"
    # "Our engineers are fully qualified so it's unlikely the smell is from Monday's work", "all work is checked before
    # release, so it's likely to be something unrelated", "it may just be getting used to the new pads"
    r"|\b(?:fully|highly|properly)\s+(?:qualified|trained|certified)\b|\ball\s+(?:our\s+)?work\s+is\s+(?:checked|tested|"
    r"inspected)\b|\b(?:fully|thoroughly)\s+tested\s+before\b"
    r"|\bunlikely\s+(?:that\s+)?(?:the\s+[\w\s]{1,20}?\s+|it\s+)?(?:is|was|to\s+be|came|comes)\s+(?:from|anything|caused|down\s+to)\b"
    r"|\blikely\s+to\s+be\s+something\s+(?:unrelated|else)\b|\bgetting\s+used\s+to\s+the\s+new\b"
    # "... passed all checks, so it's most likely the new pads bedding in"
    r"|\bpassed\s+all\s+(?:(?:our|the|its|their)\s+)?(?:safety\s+)?(?:checks|tests|inspections)\b"
    r"|\b(?:it['’]s|its|it\s+is|this\s+is|that['’]s)\s+(?:most\s+likely|probably|likely|almost\s+certainly)\s+(?:just\s+)?"
    r"(?:the\s+[\w\s-]{1,30}?\s+(?:bedding|settling|wearing)\s+in\b|normal\b|nothing\b)"
    # "A faint gas smell is usually nothing to worry about", "I can assure you this is a one-off"
    r"|\b(?:is|are)\s+(?:usually|normally|often|generally|probably|most\s+likely)\s+(?:nothing\s+to\s+worry\s+about|"
    r"harmless)\b|\b(?:assure\s+you|rest\s+assured)\b[^.!?]*\b(?:a\s+one-off|(?:completely|perfectly|totally|absolutely|"
    r"entirely)\s+safe)\b"
    # "The brakes were checked at the service": the work vouched for before anyone has looked at the report
    r"|^\W*(?:the|your|all\s+(?:the\s+)?)\s*[\w\s-]{1,30}?\s+(?:were|was|have\s+been|has\s+been)\s+(?:all\s+|fully\s+|"
    r"thoroughly\s+)?(?:checked|tested|inspected)\s+(?:at|during|in|on)\s+(?:the|your|its|their)\s+(?:last\s+)?"
    r"(?:service|MOT|inspection|visit|repair|installation|fitting)\b(?:\s+(?!and\b|but\b)[\w-]+){0,4}\s*[.!]?$"
    r"|\bcaused\s+by\s+(?:your\s+|the\s+)?(?:driving\s+style|how\s+(?:you|it\s+is)\s+(?:drive|driven|use|used))\b"
    # "I'm sure it's perfectly safe, those heaters always smell a bit at first"
    r"|^\W*(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:quite\s+|very\s+)?(?:sure|certain|confident)\s+(?:that\s+)?(?:it['’]s|it\s+is|"
    r"this\s+is|they['’]re|they\s+are)\s+(?:perfectly\s+|completely\s+|totally\s+|absolutely\s+|100%\s+|entirely\s+)?safe\b",
    re.I)
# the draft's routine visit, made the agent's check: beside an urgent safety step it reads as the real plan
_ROUTINE_VISIT_CHECK = re.compile(r"^(?:let\s+me\s+check|I['’]m\s+checking|I['’]ll\s+(?:also\s+)?check)\s+whether\s+"
                                  r"(?:we\s+can\s+(?:get\s+(?:an?\s+|the\s+|our\s+)?(?:engineer|technician|fitter|mechanic|plumber)s?|"
                                  r"fit\s+you\s+in|book\s+(?:you\s+in|an?\s+(?:engineer|technician|visit|appointment|slot)))|"
                                  r"(?:someone|somebody)\s+can\s+(?:(?:be|get)\s+in\s+touch|call(?:\s+you)?)\s+to\s+(?:arrange|book|"
                                  r"take\s+a\s+look|look\s+at)|(?:someone|somebody)\s+can\s+come\s+(?:out|round))\b", re.I)
_ROUTINE_VISIT_AFTER = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:(?:an?\s+|the\s+|our\s+)?(?:engineer|technician|fitter|team)|"
                                  r"an?\s+member\s+of\s+(?:our|the)\s+(?:[\w-]+\s+)?team|"
                                  r"someone|somebody|we)(?:\s+from\s+(?:our|the)\s+[\w-]+(?:\s+[\w-]+)?\s+team)?"
                                  r"(?:\s+(?:will|can|should|aims?\s+to)|['’]ll)\s+(?:visit|come|call\s+(?:round|out)|"
                                  r"send\s+(?:someone|somebody|an?\s+(?:engineer|technician))(?:\s+(?:out|round))?|"
                                  r"be\s+(?:with\s+you|out|in\s+touch)|take\s+a\s+look|look\s+(?:into|at)\s+it|"
                                  r"get\s+back\s+to\s+you)\b"  # (a later day: "within 5 working days", "then" after
                                  r"(?=[^.!?]*(?:\bwithin\s+\d[^.!?]*(?:working|business)?\s*days?\b|\bover\s+the\s+next\s+"
                                  r"(?:few\s+|couple\s+of\s+)?days\b|\bnext\s+week\b|\bthen\W*$))"  # a day booked)
                                  r"[^.!?]*[.!]?$", re.I)
# a routine booking, or one put off: "log in to book your annual boiler service", "we'll squeeze you in next week"
_BOOK_LATER = re.compile(r"^\W*(?:in\s+the\s+meantime,?\s+)?(?:please\s+)?(?:(?:use|log\s+in\s+to|go\s+to|visit)\s+(?:the|our)\s+"
                         r"(?:app|website|site)\s+(?:to\s+)?|you\s+can\s+)?book\s+(?:your|an?|the|another)\s+"
                         r"(?:annual\s+|routine\s+|next\s+)?(?:boiler\s+|car\s+)?(?:service|check-?up|MOT|inspection|"
                         r"follow-?up\s+(?:visit|appointment)|diagnostic(?:\s+check)?)\b[^.!?]*[.!]?$"
                         # "You're welcome to book another inspection via our website; the standard fee of £45 applies."
                         r"|^\W*you['’]re\s+welcome\s+to\s+book\b[^.!?]*[.!]?$"
                         r"|^[^.!?]*\b(?:squeeze|fit)\s+you\s+in\b[^.!?]*\b(?:next\s+week|later\s+this\s+week|in\s+a\s+few\s+"
                         r"days)\b[^.!?]*[.!]?$", re.I)
_ALTERNATIVELY = re.compile(r"^(?:alternatively|otherwise|or)\s*,?\s+", re.I)
# "Please do not chase as this slows things down for everyone": said to someone in grief, danger or need of care
_DONT_CHASE = re.compile(r"^\W*(?:please\s+)?(?:do\s+not|don['’]t|avoid)\s+(?:chase|chasing|call(?:ing)?\s+(?:us\s+)?again|"
                         r"contact(?:ing)?\s+us\s+again|send(?:ing)?\s+(?:further|more)\s+(?:messages|emails))\b", re.I)
_CARE = frozenset({"health", "illness", "medical-emergency", "bereavement", "hardship", "gas", "carbon-monoxide",
                   "vehicle-safety", "safety", "harassment", "safety-at-home"})
# the next free appointment offered where care is needed now
_LATER_SLOT = re.compile(r"\bfully\s+booked\b|\b(?:next|earliest|first)\s+(?:available\s+|free\s+)?(?:appointment|slot)\b|"
                         r"^\W*(?:would\s+you\s+like|shall|should)\s+(?:me\s+to|I)\s+(?:book|reserve)\s+(?:it|that|this|you\s+in)\b|"
                         r"\b(?:book|reserve)\s+(?:you\s+)?(?:in\s+)?(?:an?\s+|that\s+|the\s+|this\s+)?(?:appointment|slot)\b",
                         re.I)
_SAME_DAY = re.compile(r"\b(?:today|tonight|now|within\s+the\s+hour|urgent\w*|tow\w*|recover\w*|collect\w*)\b", re.I)
_POP_IN = re.compile(r"^\W*(?:(?:we['’]re|we\s+are|I['’]m|I\s+am)\s+(?:\w+\s+)?(?:booked|busy)[^,.!?;]*?,?\s+but\s+)?"
                     r"(?P<rest>I\s+can\s+(?:pop|squeeze|fit|slot|book)\s+you\s+in\b[^.!?]*[.!]?)$", re.I)
_NEXT_SLOT = re.compile(r"^(?:(?:the|our)\s+(?:earliest|next|first)\s+(?:available\s+)?(?:engineer\s+|technician\s+|repair\s+)?"
                        r"(?:slot|appointment|visit|booking)s?\b|(?:an?\s+)?(?:engineer\s+|technician\s+)?(?:visit|appointment)\s+"
                        r"can\s+be\s+booked\b|an?\s+(?:engineer|technician)\s+(?:will|can)\s+be\s+(?:scheduled|booked|sent)\b"
                        # "Our team will look into this and be in touch within 3-5 working days": the routine reply
                        r"|(?:(?:someone|somebody)\s+from\s+)?(?:our|the)\s+(?:\w+\s+)?team\s+will\s+[^.!?]{0,30}\b(?:be\s+in\s+touch|get\s+back\s+to\s+you|respond|"
                        r"contact\s+you)\b[^.!?]*\bwithin\s+\d"
                        # "We'll book an engineer to come and take a look some time next week"
                        r"|(?:we|I)(?:['’]ll|\s+will|\s+can)\s+(?:book|arrange\s+for|send|get)\s+(?:an?\s+|the\s+)?(?:engineer|"
                        r"technician|visit|appointment)\b)", re.I)
# a demand a reply keeps for the sum it names: "The full amount of $486 must be paid by the due date to avoid referral"
_STILL_DEMANDS = re.compile(r"\b(?:must\s+be\s+paid|will\s+result\s+in\s+(?:your\s+)?(?:service|account|supply)|to\s+avoid\s+"
                            r"(?:referral|disconnection|suspension|further\s+action|disruption|legal)|cannot\s+be\s+(?:removed|"
                            r"waived|reduced)|(?:is|are)\s+(?:still\s+)?(?:due|payable)\s+in\s+full|no\s+exceptions)\b", re.I)
# what a planted order may have had read out: someone's data, card details, a password or PIN
_SOMEONES_DETAILS = frozenset({"data", "carddetails", "credentials"})
# one of the promise module's checks, and the "and it's done" a draft may still say after it
_CHECK_OPENS = re.compile(r"(?:^|[.!?]\s+)(?:Let me (?:check|find out)|I'm checking) whether\b")
_DONE_TAIL = re.compile(r",?\s+and\s+(?:it['’]s|that['’]s|it\s+is|it['’]ll\s+be|it\s+will\s+be)\s+(?:all\s+)?"
                        r"(?:done|sorted(?:\s+out)?|taken\s+care\s+of)(?=[\s.!]*(?:[\^#]\w+\s*)*$)", re.I)
# a demand said with its way out: "cannot be waived, but we can spread it", "must be paid by direct debit, and I can set
# one up"
_EASES = re.compile(r"\b(?:spread|split|payment\s+plan|instal+ments?|set\s+(?:one|it|this)\s+up|more\s+time|pause|"
                    r"(?:re)?arrange\s+(?:a|the)\s+(?:plan|payment))\b", re.I)
_WORK_THROUGH = re.compile(r";\s*we['’]ll\s+work\s+through\s+this\s+with\s+you\.")
# what happens to a debt left unpaid, said to someone who has just said they cannot pay: "Failure to pay may result in
# further action being taken."
_THREAT = re.compile(r"^\W*(?:failure\s+to\s+pay|non-?payment|if\s+(?:payment|the\s+(?:balance|bill|amount))\s+is\s+not\s+"
                     r"(?:made|received|paid))\b[^.!?]{0,60}\b(?:may|will|could|can)\s+(?:result|lead)\s+in\b|"
                     # "Late payments incur a £30 charge per week.", "Please ensure payment is made on time."
                     r"^\W*late\s+(?:payments?|fees?)\s+(?:will\s+)?(?:incur|attract)\b|"
                     r"^\W*(?:please\s+|kindly\s+)?ensure\s+(?:that\s+)?(?:the\s+|your\s+)?payment\s+is\s+made\b"
                     r"(?![^.!?]*\b(?:from|after|once|when)\b)", re.I)  # (not "... as normal from September", after a pause)
_AVOID_CHARGES = re.compile(r",?\s+(?:in\s+order\s+)?to\s+avoid\s+(?:any\s+)?(?:further\s+)?(?:late(?:\s+payment)?|additional|"
                            r"extra)\s+(?:charges|fees|penalties|interest)(?=\s*[.!]?\s*$)", re.I)
# a demand for the money: "Please make a payment at your earliest convenience", "Please pay the outstanding balance of
# £286.40 to avoid further action being taken"
_PAY_NOW = re.compile(r"^\W*(?:please\s+|kindly\s+)?(?:make\s+(?:a|the|your)\s+(?:full\s+)?payment|pay(?:\s+(?:the|your|this))?"
                      r"(?:\s+(?:outstanding|overdue|full|remaining))?(?:\s+(?:balance|amount|bill|arrears|invoice|sum))?|"
                      r"settle\s+(?:the|your|this)\s+(?:outstanding\s+|overdue\s+)?(?:balance|account|arrears|bill|amount))"
                      r"(?:\s+(?:of\s+)?(?P<amount>[£$€]\s?\d[\d,.]*\d))?(?P<rest>[^.!?]*)[.!]*\s*$", re.I)
_I_KNOW = "I know "
# ... pressed, and for nothing else ("today to start your payment plan" and "... and we'll set up a plan" are no demand)
_PRESSURE = re.compile(r"(?:\s*,?\s*(?:at\s+your\s+earliest\s+convenience|as\s+soon\s+as\s+possible|asap|immediately|promptly|"
                       r"without\s+(?:further\s+)?delay|in\s+full|today|now))*(?:\s*,?\s*(?:in\s+order\s+)?to\s+avoid\b.*)?\s*",
                       re.I)
_IN_DUE_COURSE = re.compile(r",?\s+in\s+due\s+course\b(?=\s*(?:[,.;!?]|$))", re.I)
_DUE = re.compile(r"^\W*(?:(?:just\s+)?(?:a|as\s+a)\s+(?:friendly\s+|quick\s+|gentle\s+)?reminder,?\s+(?:that\s+)?|"
                  r"please\s+(?:note|remember)\s+(?:that\s+)?|(?:unfortunately|however|sadly|I['’]m\s+afraid),?\s+)?"
                  r"(?P<what>(?:the\s+|your\s+)?(?:payment|balance|bill|amount|instal+ment)\b[^.!?]{0,40}\b(?:is|remains|"
                  r"will\s+be)\s+(?:still\s+)?(?:due|payable|owed|outstanding)\b)(?P<rest>[^.!?]*[.!]?\s*$)?", re.I)
_DISMAY = re.compile(r"(?:[\U0001F625\U0001F628\U0001F629\U0001F62B\U0001F62D\U0001F630\U0001F631\U0001F622\U0001F61E"
                     r"\U0001F614\U0001F641\u2639\U0001F62C\U0001F92F\U0001F624\U0001F621\U0001F92C\U0001F97A]\uFE0F?\s*)+[.!]*")
_SORRY_AGAIN = re.compile(r"^\W*(?:(?:I'm|I\s+am|we're|we\s+are)\s+)?(?:so\s+)?(?:sorry|apologies)(\s+again)\b"
                          r"|^(\W*(?:once\s+)?again,\s*)(?=(?:please\s+accept\s+(?:my|our)|(?:I|we)\s+(?:do\s+)?apologi[sz]e|"
                          r"(?:I'm|I\s+am|we're|we\s+are)\s+(?:so\s+|very\s+|truly\s+)?sorry)\b)", re.I)
_SORRY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\b", re.I)
# a full stop after an abbreviation's own ("by 10 a.m..", "Acme Ltd..")
_ABBREVIATION_STOP = re.compile(r"(?:(?<=\b[ap]\.m\.)|(?<=\bLtd\.)|(?<=\bInc\.)|(?<=\bCo\.)|(?<=\betc\.)|(?<=\bapprox\.))"
                                r"\.(?=\s|$)")
_LOOKING = re.compile(r"\b(?:looking|look(?:ed)?)\s+into\b|\binvestigat\w+", re.I)
_LOOK_AGAIN = re.compile(r"^(?:I['’]m\s+looking\s+into\s+this\s+and\s+will|I['’]ll\s+look\s+into\s+this\s+and)\s+update\s+you"
                         r"(?P<when>\s+(?:within|by|on|before|later|tomorrow|today|tonight|first|in)\b[^.]*)\.$", re.I)
_SEE_IT = re.compile(r"\W*(?:and\s+)?(?:(?:it|this|that|the\s+(?:money|refund|credit))\s+(?:should|will|['’]ll|may|might)\s+"
                     r"(?:show|appear|reach|land|arrive|clear|be\s+(?:back|with\s+you|in\s+your|on\s+your))|"
                     r"you(?:['’]ll|\s+will|\s+should)\s+see\s+(?:it|this|that|the\s+money|the\s+refund))\b[^.!?]*[.!]?", re.I)
_IF_APPROVED = "If it's approved, "
_CHECKS_GRANT = re.compile(r"\bhow\s+that\s+applies\b|\bI\s+can['’]t\s+(?:offer|refund)\b|\bwhat\s+I\s+can\s+offer\s+instead\b",
                           re.I)
_PROTECTED = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:\w+\s+)?(?:suspended|removed|blocked|banned|barred|reported|"
                        r"stopped|frozen|isolated|disconnected)\b", re.I)
_COME_BACK = re.compile(r"\W*(?:come|pop|swing|call)\s+(?:back|by|in|again)(?:\s+(?:soon|again|sometime|anytime))?\W*", re.I)
_CHECKED_IT = re.compile(r"\W*(?:I|we)(?:['’]ve|\s+have)?\s+(?:just\s+|now\s+)?(?:checked|looked\s+into\s+it|confirmed)"
                         r"(?:\s+(?:this|it|for\s+you))?\W*", re.I)
# "See you then!" to a visit that waits for the danger's own step (after "Please don't drive the car until ...")
_SEE_YOU = re.compile(r"^\W*see\s+you\s+(?:then|there|soon|on\s+the\s+day|next\s+week)\W*$", re.I)
_YES_LEAD = re.compile(r"^\W*(?:sure(?:\s+thing)?|of\s+course|absolutely|certainly|no\s+(?:problem|worries)(?:\s+at\s+all)?)"
                       r"\s*(?:[—–-]+|[,!:])\s*(?=\w)", re.I)  # "Of course — ", "No problem – ": a yes to the grant
# the return a refund beyond the policy was for: "just send the coat back with the tags on" (without a policy, a return
# may be the step itself: "Please send it back")
_RETURN_LEFTOVER = re.compile(r"^\W*(?:(?:just|simply)\s+)?(?:send|post|return|bring|pop|drop)\s+(?:the|your|it|them|this)\b"
                              r"[^.!?]{0,50}?\b(?:back|to\s+us|in(?:to)?\s+(?:store|the\s+store|any\s+store))\b[^.!?]*\W*$", re.I)
# what follows a grant, said alone once the grant went: "Just send the receipts over.", "This message is your written
# confirmation."
_GRANT_LEFTOVER = re.compile(r"^\W*(?:(?:just|simply)\s+)?(?:send|pop|post|e-?mail|forward)\s+(?:us\s+)?(?:the|your|all\s+the)\s+"
                             r"(?:receipts?|invoices?|bills?)(?:\s+(?:over|across|in|to\s+us))?\W*$|"
                             r"^\W*(?:and\s+)?(?:this|that)\s+(?:message|e-?mail|reply|letter|note)\s+is\s+your\s+(?:written\s+)?"
                             r"confirmation\W*$|^\W*(?:all\s+)?(?:done|sorted)(?:\s+for\s+you)?\W*$"  # ("All done!")
                             # what leaned on credentials that went: "You should now be able to log in", "Log in with those."
                             r"|^\W*(?:you\s+should\s+(?:now\s+)?be\s+able\s+to\s+log\s*(?:in|on)|(?:you\s+can\s+)?(?:now\s+)?log\s*"
                             r"(?:in|on)\s+with\s+(?:those|these|them|it)|use\s+(?:those|these|them)\s+to\s+log\s*(?:in|on))\b[^.!?]*\W*$",
                             re.I)
_CHECK_MONEY = re.compile(r"^(?:I(?:['’]ll|\s+will)\s+check|I['’]m\s+checking)\s+on\s+the\s+money\s+and\s+(?:will\s+)?update\s+"
                          r"you(?P<when>\s[^.!?]+)\.$")
_TO_REVIEW = re.compile(r"\bto\s+(?:a\s+|the\s+)?\w+(?:\s+team)?\s+to\s+review\b|\bto\s+review\s+the\b")
# what a routine reply says that reads wrong beside someone's safety: "We're sorry to hear you weren't happy with your
# recent service", a review asked for, "We hope to see you on board again soon", the harasser told the "feedback",
# "Have you tried speaking to your neighbour calmly?"
_ROUTINE_IN_DANGER = re.compile(
    r"^\W*(?:we['’]re|we\s+are|I['’]m|I\s+am)\s+sorry\s+(?:to\s+hear\s+)?(?:that\s+)?you\s+(?:weren['’]t|were\s+not)\s+"
    r"(?:happy|satisfied|pleased)\b|"
    r"^\W*(?:hi\s+[^,.!?]{1,30},\s*)?(?:we['’]re|we\s+are|I['’]m|I\s+am)\s+sorry\s+(?:to\s+hear\s+)?(?:that\s+)?you(?:['’]re|\s+are|\s+feel|\s+were)\s+"
    r"(?:unhappy|not\s+happy|dissatisfied|disappointed)\s+with\s+(?:our|the|your)\s+(?:\w+\s+)?(?:service|experience)\b|"
    r"^\W*we\s+take\s+all\s+(?:feedback|complaints)\s+(?:very\s+)?seriously\b|"
    # the man she fears, told: "We've passed your feedback on to the driver"
    r"\bpassed\s+(?:on\s+)?your\s+(?:feedback|comments|complaint)\s+(?:on\s+)?to\s+(?:the|your)\s+(?:driver|rider|host|"
    r"courier|engineer|technician)\b|"
    r"^\W*thank(?:s|\s+you)\s+for\s+(?:(?:riding|travell?ing|flying|shopping|dining|staying|banking)\s+with\s+us|"
    r"choosing\s+(?!to\b)[\w&' -]{1,30})\W*$|\b(?:leave|write|post)\s+(?:us\s+)?a\s+(?:quick\s+)?review\b|"
    r"\breview\s+(?:on|at)\s+(?:google|trustpilot|tripadvisor|yelp|facebook)\b|"
    r"^\W*(?:we\s+)?hope\s+to\s+(?:see|welcome|have)\s+you\s+(?:on\s+board\s+|back\s+)?(?:again\s+)?soon\b|"
    r"\bshar(?:e|ed|ing)\s+your\s+(?:comments|feedback)\s+with\s+(?:the|your)\s+(?:driver|rider|host|courier|engineer|"
    r"technician)\b|\brate\s+your\s+(?:trip|ride|order|driver|delivery|experience|stay)\b|"
    r"^\W*have\s+you\s+tried\s+(?:speaking|talking)\s+to\s+(?:your\s+)?(?:neighbou?r|him|her|them)\b|"
    r"\b(?:disputes?|disagreements?)\s+(?:are|is)\s+(?:usually|often|generally|normally)\s+best\s+(?:resolved|sorted|"
    r"dealt\s+with)\s+between\b|"
    r"^\W*(?:we['’]ve|we\s+have)\s+(?:been\s+)?(?:seeing|seen|had)\s+(?:a\s+lot|lots|loads|plenty)\s+of\s+(?:this|these|that)\b|"
    r"\b(?:didn['’]t|did\s+not|doesn['’]t|does\s+not)\s+meet\s+(?:your\s+)?expectations\b|"
    # "All our drivers are fully vetted so we're sure this is just a misunderstanding"
    r"\b(?:we['’]re|we\s+are|I['’]m|I\s+am)\s+(?:quite\s+)?sure\s+(?:this|it|that)\s+(?:is|was)\s+(?:just\s+|only\s+)?a\s+"
    r"misunderstanding\b|\bfully\s+vetted\b|"
    # "Our drivers are self-employed so we aren't responsible for their personal conduct"
    r"\b(?:are\s+not|aren['’]t|is\s+not|isn['’]t|can['’]t\s+be|cannot\s+be)\s+(?:held\s+)?responsible\s+for\s+(?:their|his|her|"
    r"(?:the|our)\s+\w+s?['’]s?)\s+(?:personal\s+|own\s+)?(?:conduct|behaviou?r|actions)\b|"
    # "I'm sure he didn't mean anything by it", "I'm sure he was just being friendly"
    r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+sure\s+(?:he|she|they)\s+(?:didn['’]t|did\s+not)\s+mean\s+(?:anything|any\s+harm)|"
    r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:quite\s+)?sure\s+(?:he|she|they)\s+(?:was|were|is|are)\s+(?:just|only)\s+"
    r"(?:trying|being)\b|"
    r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+sure\s+(?:he|she|they)\s+(?:was|were)\s+just\s+being\s+(?:friendly|nice|polite)",
    re.I)  # ("We've been seeing a lot of this lately", to someone whose savings went)
# a discount for a danger reported: "As a gesture of goodwill here's £5 off your next ride with code SORRY5"
_AMENDS = re.compile(r"\boff\s+your\s+next\s+(?:ride|order|trip|stay|booking|visit|purchase)\b|\bdiscount\s+code\b|"
                     r"\b(?:as\s+an?\s+apology|(?:a\s+)?gesture\s+of\s+goodwill|(?:a\s+)?goodwill\s+gesture|to\s+say\s+sorry)\b"
                     r"[^.!?]*\b(?:code|voucher|discount|off)\b|\b(?:voucher|promo)\s+code\b[^.!?]*\b(?:apolog\w*|sorry)\b", re.I)
# (not a recall's own remedy: "your £49 is on voucher code HEAT49 to spend on any heater")
# "Enjoy!" says nothing once the treat it followed is gone
_ENJOY = re.compile(r"^\W*(?:enjoy(?:\s+(?:it|them|your\s+(?:next\s+)?\w+))?|have\s+fun|treat\s+yourself|you\s+deserve\s+it|"
                    r"happy\s+(?:gaming|shopping|listening|streaming|playing|watching))\W*$", re.I)
_TREAT = re.compile(r"\b(?:free|voucher|upgrade\w*|discount|refund\w*|credit\w*|gift|bonus|on\s+us|complimentary|coins|gems|"
                    r"points|unbann?\w*|(?:ban|suspension)\s+lifted|reinstated)\b", re.I)
# A subject that points at the sentence before it ("This will be with you by Friday")
_POINTS_BACK = re.compile(r"^(?:this|that|it|they|he|she|these|those)\b"
                          r"(?!\s+(?:morning|afternoon|evening|week|month|year|time)\b)|"
                          r"^(?:any|all|each|both|either|one)\s+of\s+(?:them|these|those)\b|"
                          r"^you(?:['’]ll|\s+will|\s+should)\s+(?:see|get|receive|notice)\s+(?:both|them|it|these|those)\b",
                          re.I)  # (or its object: "You'll see both today.")
_NEGATED = re.compile(r"\b(?:not|never|no|cannot)\b|n['’]t\b", re.I)
_ONLY_SORRY = re.compile(r"^\W*(?:(?:(?:I|we)(?:['’]m|['’]re|\s+am|\s+are)\s+)?(?:so\s+|very\s+|truly\s+|really\s+)?sorry|"
                         r"(?:please\s+accept\s+)?(?:(?:my|our)\s+)?(?:sincere\s+)?apologies|(?:I|we)\s+(?:apologi[sz]e|regret))\s+"
                         r"(?:for\s+)?(?:any|the)\s+(?:inconvenience|trouble|hassle|confusion|frustration)(?:\s+caused)?\W*$",
                         re.I)
_NO_WORRY = re.compile(r"^\W*(?:so\s+)?(?:there['’]s|there\s+is)\s+(?:no\s+need\s+to|nothing\s+to)\s+worry\b[^.!?]*[.!]?$", re.I)
_ALL_SET = re.compile(r"^\W*(?:so\s+)?you(?:'re|’re|\s+are)\s+(?:all\s+(?:set|sorted|good)|good\s+to\s+go)\W*$|"
                     # "... and your balance is now £0.00", "so you don't owe us anything now": what the grant left owing
                     r"^\W*(?:and\s+|so\s+)?(?:your\s+(?:\w+\s+)?(?:balance|bill|account)\s+(?:is|will\s+be)\s+(?:now\s+)?"
                     rf"(?:[{CURRENCY}]\s?0(?:\.00)?\b|zero|nil|clear)|you\s+(?:now\s+)?(?:don['’]t|do\s+not|won['’]t)\s+owe\b)",
                     re.I)


def _whole_thread(text: str, draft: str) -> str:
    """A "1/2" whose "2/2" went with a dropped sentence numbers nothing: it goes too. Only the draft's own markers at
    the start (after @handles) or the end of a line are touched ("refunded 1/2 of the fee" is a fraction)."""
    own = {(m.group(1), m.group(2)) for m in THREAD_MARKER.finditer(draft)}
    found = {(m["a"] or m["c"], m["b"] or m["d"]) for m in _EDGE_MARKER.finditer(text)}
    gone = {n for k, n in own if (k, n) not in found}  # a part the draft had and the rewrite lost
    parts = {(k, n) for k, n in found & own if n in gone}
    if not parts:
        return text

    def drop(m: re.Match[str]) -> str:
        if ((m["a"] or m["c"]), (m["b"] or m["d"])) not in parts:
            return m.group()
        return m["lead"] if m["a"] else ""

    return _EDGE_MARKER.sub(drop, text).strip()


_AFTERTHOUGHT = re.compile(r"^(?:anyway|anyhow|regardless|that\s+said|in\s+any\s+case|either\s+way|in\s+the\s+meantime|"
                           r"meanwhile)\s*,\s*(?=\w)", re.I)
_SUBORDINATE = re.compile(r"^\W*(?:as|because|since|although|though|while|if|when|once|so\s+that|unless|given)\b", re.I)
_PERFECT = re.compile(r"^\W*(?:I|we)(?:'ve|’ve|\s+have)\s+", re.I)


_CALMS = re.compile(r"^\W*(?:(?:please\s+)?(?:don't|don’t|do\s+not)\s+(?:panic|worry|fret|stress)|rest\s+easy|relax|"
                    r"no\s+worries|(?:try\s+)?not\s+to\s+worry)\W*$", re.I)
_DASH_BEFORE = re.compile(r"\w\s+[—–-]\s*$")
_ABOUT_IT = re.compile(r"(?:they|it|this|that|these|those)\b", re.I)


_AS_ASKED = re.compile(r",?\s*as\s+(?:you\s+)?(?:asked|requested|instructed)(?:\s+for)?\s*,?\s*$", re.I)


def _without_clause(text: str, quote: str) -> str | None:
    """``text`` less the clause ``quote``: "I've added a 30% discount and refunded the fee." -> "I've refunded the
    fee."; "Thanks, and I've added a voucher." -> "Thanks."; None when nothing whole is left."""
    at = text.find(quote)
    if at < 0:
        return None
    before, after = text[:at], text[at + len(quote):]
    if before.strip():  # ("I've corrected INV-88 and, as you asked, [added a £40 credit]": the nod goes with it)
        lead = re.sub(r"[\s,;:–—-]*(?:\b(?:and|but|so)\b)?\s*$", "", _AS_ASKED.sub("", before))
        tail = re.sub(r"^[\s,;]*(?:\b(?:and|but|so)\b\s*)?", "", after).strip()
        # not "As compensation." nor "As you're in our loyalty cohort.": neither stands alone
        whole = lead and len(lead.split()) >= 3 and starts_clause(lead) and complete(lead) and not _SUBORDINATE.match(lead)
        return finish(lead) if whole and tail.strip(" .!?") == "" else None
    rest = re.sub(r"^[\s,;]*(?:\b(?:and|but|so)\b\s*)?", "", after).strip()
    if not rest.strip(" .!?"):
        return None
    perfect = _PERFECT.match(quote)
    if perfect and re.match(r"\w+ed\b", rest):  # the second participle keeps the first's "I've"
        return perfect.group() + rest
    if USE_WHAT_WENT.fullmatch(rest):
        return None  # "..., call them directly": what it would use went with the clause
    head = re.split(r"[,;:–—]", rest, maxsplit=1)[0]  # not "The 30-day return window, so you can ...": no verb
    return capitalise(rest) if starts_clause(rest) and (starts_clause(head) and _FINITE.search(head) or
                                                        _IMPERATIVE.match(head)) else None


_FINITE = re.compile(FINITE.pattern + r"|\b(?:am|be|do)\b|['’](?:s|re|ve|m|d)\b|n['’]t\b", re.I)  # and contractions
_IMPERATIVE = re.compile(r"^\W*(?:please|just|kindly|let|do|don['’]t)\b|^\W*[a-z]+\s+(?:us|me|it|them|the|a|your)\b", re.I)


def _no_step(result: CheckResult) -> bool:
    return any(f.rule == "no-next-step" for f in result.findings)


def _count(result: CheckResult, rule: str) -> tuple[int, int]:
    """How many findings of ``rule``, and of broken promises, ``result`` has: an edit must lower the first and
    bring in no promise."""
    found = blocking(result)
    return sum(f.rule == rule for f in found), sum(f.rule == "broken-promise" for f in found)


def _normal(text: str) -> str:
    return " ".join(text.split()).rstrip(".!?,;: ").lower()


def _carried(sentence: str, original: str) -> bool:
    """True when ``sentence`` is a whole clause or sentence of ``original``, kept as it was."""
    part, whole = _normal(sentence), " ".join(original.split()).lower()
    at = whole.find(part)
    while at >= 0:
        rest = whole[at + len(part):]
        if (at == 0 or whole[at - 1] in " ,;:") and re.match(r"^(?:$|[,;:.!?…]|\s+(?:and|but|or|so)\b)", rest):
            return True
        at = whole.find(part, at + 1)
    return False


# what follows on from the request that went: "If that doesn't help, ...", "Then ...", "Once you've done that, ..."
_AFTER_IT = re.compile(r"^\W*(?:if\s+(?:that|this|it)\s+(?:doesn['’]t|does\s+not|didn['’]t|fails?|won['’]t)\b[^,]*,\s*|then,?\s+|"
                       r"after\s+that,?\s+|once\s+(?:you['’]ve\s+)?(?:done\s+)?(?:that|this),?\s+)", re.I)
_LEANS_BACK = re.compile(r"\b(?:them|they|there|that|this|it)\b", re.I)  # a line that points at the request before it
_DANGER = _HARM | {"harassment", "safety-at-home", "medical-emergency"}
# what makes such a line more than routine: a safety instruction, a free remedy, an action taken ("Please don't drive the
# car and book a free inspection", "the recall repair", "who has removed him from all jobs")
_MORE_THAN_ROUTINE = re.compile(r"\b(?:don['’]t|do\s+not|stop|never)\s+(?:drive|use|touch|switch|turn|light|open)\b|\brecall\w*|"
                                r"\b(?<!feel\s)free(?:\s+of\s+charge)?\b|\bno\s+charge\b|\brefund\w*|\b(?:removed|suspended|barred|banned|blocked|"
                                r"dismissed|stood\s+down|taken\s+off)\b", re.I)
# what a reply says on any day, not where someone is in danger: a booking offer, a reply time, "your feedback"
_ROUTINE_LATER = re.compile(
    r"\b(?:book|schedule|reschedule)\w*\s+(?:[\w-]+\s+){0,3}?(?:appointment|visit|slot|service|inspection|check-?up|MOT)s?\b"
    r"|\b(?:appointment|slot|visit)s?\s+(?:can|may)\s+be\s+(?:booked|made|arranged)\b"
    r"|\b(?:next|earliest|first)\s+(?:available\s+)?(?:appointment|slot)\b"
    r"|\b(?:aims?|tr(?:y|ies)|endeavou?rs?)\s+to\s+(?:respond|reply|get\s+back)\b|\brespond\s+to\s+all\b"
    r"|\b(?:pass|passed|passing|share|shared|forward|forwarded|log|logged|note|noted)\s+(?:on\s+)?(?:your|the|this)\s+"
    r"(?:feedback|comments?)\b|\b(?:thanks?|thank\s+you)\s+for\s+(?:your|the)\s+(?:feedback|comments?)\b"
    r"|\bonline\s+form\b|\bnext\s+(?:annual|routine|scheduled)\s+(?:service|visit|check)\b"
    # "Feel free to book in for a check at your convenience", "responses may take up to 48 hours", "our FAQs"
    r"|\bbook\s+(?:it\s+|the\s+car\s+|yourself\s+)?in\b[^.!?]*\b(?:check|look|convenience)\b|\bat\s+your\s+(?:convenience|leisure)\b"
    r"|\b(?:responses?|replies|reply\s+times?)\s+(?:may|can|could|will|usually|normally)\s+take\b"
    r"|\bFAQs?\b|\bhelp\s+(?:centre|center)\b", re.I)
_SLOT_CLAUSE = re.compile(r"[,;]\s+(?:and\s+)?(?P<slot>(?:the|our)\s+(?:next|earliest|first)\s+(?:available\s+)?"
                          r"(?:engineer\s+)?(?:appointment|slot|visit)\b[^.!?]*[.!]?)$", re.I)
_LIST_MARK = re.compile(r"(?P<n>\d{1,2})(?P<end>[.)])|[-•*–]")  # a list item's marker, parsed as a sentence of its own
_SERVICE = (r"(?:power|service|signal|water|hot\s+water|heating|gas|internet|broadband|connection|wi-?fi|electricity|supply|"
            r"phone\s+line|line|coverage|network|you\s+back\s+online|you\s+connected)")
# someone who comes to fix it: "whether we can get an engineer to you" -> "when ..."
_VISITOR = r"(?:an?|the)\s+(?:engineer|technician|plumber|electrician|fitter|repair\s+team|crew)"
_RESTORED = re.compile(
    r"(?P<check>\b(?:[Ll]et\s+me\s+(?:check|find\s+out)|I['’]m\s+checking|I['’]ll\s+(?:also\s+)?check|I['’]ll\s+find\s+out))"
    rf"\s+whether\s+(?P<what>(?:we\s+can\s+(?:get\s+(?:the\s+|your\s+)?{_SERVICE}\s+(?:back(?:\s+on)?|restored|working)|restore\s+"
    rf"(?:the\s+|your\s+)?{_SERVICE})|(?:the\s+|your\s+)?{_SERVICE}\s+can\s+be\s+(?:back(?:\s+on)?|restored|reconnected)|"
    r"(?:the|your|it|they)(?:\s+[\w-]+){0,2}\s+can\s+be\s+(?:repaired|fixed|done|ready|delivered|emptied|collected|"
    r"reconnected)|"
    r"(?:we|they|(?:an?|the|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+can\s+(?:have|get)\s+(?:the|your|it|them)(?:\s+[\w-]+){0,2}\s+"
    r"(?:fully\s+)?(?:repaired|fixed|done|delivered|ready|emptied|collected|working(?:\s+again)?)|"
    # an arrival where the customer is: "whether your bag can be at your hotel" -> "when ..."
    r"(?:the|your|it|they|an?)(?:\s+[\w-]+){0,2}\s+can\s+be\s+at\s+your\s+(?:door|hotel|home|house|flat|address|property|office)|"
    # ... or with them: "whether your permit can arrive", "whether that can be with you", "whether we can have it back to you"
    r"(?:the|your|it|they|that|this)(?:\s+[\w-]+){0,3}\s+can\s+(?:arrive|reach\s+you|be\s+with\s+(?:you|her|him|them))|"
    r"we\s+can\s+(?:have|get)\s+(?:it|them|(?:the|your)(?:\s+[\w-]+){1,2})\s+back\s+(?:to|with)\s+you|"
    rf"we\s+can\s+(?:get|have|send)\s+{_VISITOR}(?:\s+(?:to\s+you|out(?:\s+to\s+you)?|round|there))?|"
    rf"{_VISITOR}\s+can\s+(?:come|visit|be\s+there|get\s+to\s+you|be\s+with\s+you)|"
    r"(?:the\s+)?crew\s+can\s+(?:collect|empty)\s+(?:the|your)\s+[\w-]+)\b)")
_AT_A_TIME = re.compile(r"\b(?:before|by|until|on|this|next|today|tonight|tomm?orr?ow|within|in\s+time|the\s+same\s+day|same-day|"
                        r"no\s+later\s+than|(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)\b|"
                        r"first\s+thing|as\s+soon\s+as|asap|at\s+the\s+earliest|soon|quickly|urgently|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)", re.I)
_OPEN_HOURS = re.compile(r"\b(?:is|are)\s+open\s+(?:from\s+)?(?:mon|tue|wed|thu|fri|sat|sun|\d|daily|weekdays)", re.I)
_BUSY_AND = re.compile(r"^\W*(?:our\s+(?:[\w-]+\s+)?team\s+(?:is|are)|we\s+are|we['’]re)\s+(?:currently\s+)?(?:experiencing\s+"
                       r"(?:high|heavy|very\s+high)\s+(?:volumes?|demand)(?:\s+of\s+\w+)?|very\s+busy|extremely\s+busy)\s*(?:,\s*)?"
                       r"(?:and|so)\s+", re.I)
_CALL_BACK_THEN = re.compile(r",?\s*(?:so\s+)?(?:please\s+)?(?:call|ring|contact\s+us|try)\s+(?:us\s+)?(?:back\s+)?"
                             r"(?:then|later|during\s+(?:those|these|our|opening)\s+(?:hours|times))(?=\W*$)", re.I)
_NOTE_THAT = re.compile(r"^\W*please\s+note\s+(?:that\s+)?", re.I)
_NOT_URGENT_LINE = re.compile(r"^\W*(?:(?:please\s+note\s+(?:that\s+)?)?(?:responses?|replies)\s+(?:may|can|could|will|usually|"
                              r"normally)\s+take|(?:you\s+(?:might|may|can)\s+(?:also\s+)?find|see|visit)\b[^.!?]*\bFAQs?\b|"
                              r"we\s+aim\s+to\s+(?:respond|reply)|our\s+(?:[\w-]+\s+){0,3}(?:team|line|office|desk|centre|"
                              r"center)\s+(?:is|are)\s+open)\b", re.I)
