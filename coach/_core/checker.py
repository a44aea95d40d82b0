"""The rulebook checker: turns a draft (and optionally the customer's message and a policy) into findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from .asked_again import asked_again
from .combined import LAYERS, Layers, apply_model, explicit_step
from .conditions import unchecked_lines
from .errors import DraftTooLongError, EmptyDraftError, InputError, PolicyError
from .facts import CURRENCY, extract_facts
from .policy import (
    ADMITS,
    BY_A_DAY,
    CONSIDER_DONE,
    DISCIPLINED,
    EXCEPTION,
    GRANT_MADE,
    GRANT_OFFERED,
    HOLDS_BACK,
    ONLY_APPROVES,
    ONLY_ONCE,
    WAIVES_PROOF,
    Policy,
    as_ours,
    sums,
    to_card,
)
from .results import SEVERITY_RANK, CheckResult, Finding
from .rules import RULE_IDS, Rule, load_rules
from .situations import situation
from .text import (
    HEADER_LINE,
    REFERENCE_LINE,
    SIGNOFF_LINE,
    Sentence,
    content_words,
    detect_language,
    html_to_text,
    looks_english,
    other_language,
    signoff_start,
    split_sentences,
    stem,
)
from .untrusted import ADDRESSES_THE_MODEL, follows_orders, injected_orders, obeyed_orders, obeyed_span, planted_words
from .word_start import gated_alternation

__all__ = ["check", "validate_draft", "meaning", "kept_quiet", "asks_for_another", "MAX_DRAFT_CHARS", "SAYS_BACK"]

#: Longer drafts are refused. Everything below is checked in linear time.
MAX_DRAFT_CHARS = 200_000
_NEGATION_WINDOW = 24
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s")
_CLAUSE_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[;:]|\s[-–—]\s|\s(?:but|so)\s|(?<!\bup)(?<!\bsafe)\s(?:and|&(?=\s+(?-i:[a-z]|I\b)))"
                           r"\s(?!running\b|sound\b)(?!\w{3,}ed\s+(?:to|by|within|before|on|in|at)\b)"
                           # a run-on's next clause: "we will send out a new pack asap it will be with u tomorrow"
                           r"|(?:(?<=\basap)|(?<=\btoday)|(?<=\bnow)|(?<=\bsoon)|(?<=\bshortly)|(?<=\btomorrow))"
                           r"\s(?=(?:it|they)(?:['’]ll|\s+will)\b)",
                           re.I)  # not the comma in "£5,000", "up and running", "Black & Decker"; nor "... will be cleared
# and delivered to Derby by Wednesday": one promise


def validate_draft(draft: object, max_chars: int | None = MAX_DRAFT_CHARS) -> str:
    """Return ``draft`` if it can be coached, else raise a clear ``InputError``."""
    if not isinstance(draft, str):
        raise InputError(f"the draft must be text, not {type(draft).__name__}")
    if not draft.strip():
        raise EmptyDraftError("the draft is empty: give the reply text to coach")
    if not html_to_text(draft).strip():  # "<p></p>": markup with no reply in it, which no rule can read
        raise EmptyDraftError("the draft has no text once its markup is taken out: give the reply text to coach")
    if max_chars is not None and len(draft) > max_chars:
        raise DraftTooLongError(
            f"the draft is {len(draft):,} characters; the coach accepts at most {max_chars:,}"
        )
    return draft


def check(
    draft: str, customer: str | None = None, policy: Policy | None = None, *, max_chars: int | None = MAX_DRAFT_CHARS,
    use: Layers = "combined",
) -> CheckResult:
    """Check ``draft`` against every rule; findings are ordered by position, whole-reply rules last.

    ``max_chars=None`` is for the coach's own rewrites, which may grow a draft that was just under the limit.
    ``use`` is for calibration: the rules alone, the learned model alone, or both (what the coach ships).
    """
    draft = validate_draft(draft, max_chars)
    if use not in LAYERS:
        raise InputError(f"use must be one of {', '.join(LAYERS)}, not {use!r}")
    if customer is not None and not isinstance(customer, str):
        raise InputError(f"the customer's message must be text, not {type(customer).__name__}")
    policy = policy or Policy()
    rules = load_rules()
    unknown = set(policy.severity) - set(RULE_IDS)
    if unknown:
        raise PolicyError(f"policy severity names unknown rule(s): {', '.join(sorted(unknown))}")
    context = _Context(draft, customer or "", policy)
    findings: list[Finding] = []
    for rule in rules.values():
        severity = policy.severity.get(rule.id, rule.severity)
        if severity is None or not (context.english or rule.kind in _ANY_LANGUAGE):
            continue  # the rules' words are English: another language gets no verdict, only the policy's phrases
        for start, end in _DETECTORS[rule.kind](rule, context):
            findings.append(
                Finding(
                    rule=rule.id,
                    severity=severity,
                    start=start,
                    end=end,
                    quote=None if start is None else draft[start:end],
                    message=rule.message,
                    suggestion=rule.suggestion,
                )
            )
    if context.english:
        findings = apply_model(draft, context.customer, policy, context.sentences, findings, rules, use,
                               sure=frozenset(context.sure))
    findings.sort(key=lambda f: (f.start is None, f.start or 0, -SEVERITY_RANK[f.severity]))
    # a sentence in another language inside an English reply: its words went unread, so no verdict either
    language = (other_language(draft) or "en") if context.english else detect_language(draft)
    return CheckResult.from_findings(findings, language=language)


class _Context:
    """What the detectors share for one draft, computed once."""

    __slots__ = ("draft", "customer", "policy", "sentences", "english", "orders", "sure")

    def __init__(self, draft: str, customer: str, policy: Policy):
        self.draft = draft
        self.customer = customer
        self.policy = policy
        self.sentences: list[Sentence] = split_sentences(draft)
        self.english = looks_english(draft)
        self.orders = injected_orders(customer)
        self.sure: set[str] = set()  # whole-reply findings the rules read for certain (the model may not veto them)


Span = tuple[int | None, int | None]

# a certainty word the sentence denies: "I can't say for sure", "nobody can be 100% certain"
_UNSURE_BEFORE = re.compile(r"\b(?:can['’]?t|cannot|can\s+not|couldn['’]t|not|never)\s+(?:say|tell|know|be|promise)\s*"
                            r"(?:it\s+|that\s+)?$", re.I)


_NEGATION_HELPERS = frozenset("be able to in a position really actually honestly yet you i we any personally quite "
                              "fully 100 currently".split())


def _negated(text: str, before: int, negations: re.Pattern[str] | None, *, close: bool = False) -> bool:
    """A negation before ``before`` in its clause (``close``: with only helper words between them)."""
    if negations is None:
        return False
    start = max(0, before - _NEGATION_WINDOW)
    if close:  # only helpers between the "not" and the promise word: "I won't be able to promise", "can't really
        # promise", not "it won't happen next week we promise"
        found = [m for m in negations.finditer(text, start, before)
                 if not re.search(r"\bif\s*$", text[max(0, m.start() - 6):m.start()], re.I)]  # ("if not, ..." is otherwise)
        if not found:
            return False
        between = re.findall(r"[\w'’]+", text[found[-1].end():before].lower())
        return all(word in _NEGATION_HELPERS for word in between)
    # "Not a problem, I promise ..." is not negated, nor is "Delays are never fun. They are working hard ...".
    for split in (*_CLAUSE_SPLIT.finditer(text, start, before), *_SENTENCE_BREAK.finditer(text, start, before)):
        start = max(start, split.end())
    window = text[start:before]
    return negations.search(window) is not None and negations.search(_REASSURED.sub(_blank, window)) is not None


# "I can't confirm yet that your power won't be switched off": the outcome said as not known yet
_NOT_CONFIRMED = re.compile(r"\b(?:can['’]?t|cannot|can\s+not|couldn['’]t)\s+(?:yet\s+)?confirm\s+(?:yet\s+)?"
                            r"(?:(?:that|whether|if)\s+(?:(?!\b(?:but|and|so|though|however|yet)\b)[^,;:.!?])*)?$", re.I)
# (not "I can't confirm the courier, but ...", nor "... if the driver has left yet but I guarantee ...")


#: Comfort, not a refusal: "Don't worry it'll be fixed in the next update" still promises.
_REASSURED = re.compile(r"\b(?:don't|don’t|do\s+not)\s+(?:you\s+)?(?:worry|panic|fret|stress)\b|\bnot\s+to\s+worry\b|"
                        r"\bno\s+need\s+to\s+(?:worry|panic)\b|\bnever\s+fear\b", re.I)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_ASIDE = re.compile(r"\s[–—]\s[^–—.!?;]{1,40}\s[–—]\s(?=[a-z])")


def _clause_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) (absolute offsets) to the clause of ``sentence`` around it."""
    text, base = sentence.text, sentence.start
    left = 0
    for m in _CLAUSE_SPLIT.finditer(text, 0, start - base):
        left = m.end()
    right_match = _CLAUSE_SPLIT.search(text, end - base)
    aside = _ASIDE.match(text, right_match.start()) if right_match else None
    if aside:  # "a credit of €55 — a full month free — to your account": the aside is inside the clause
        right_match = _CLAUSE_SPLIT.search(text, aside.end())
    right = right_match.start() if right_match else len(text.rstrip(".!?… "))
    while left < len(text) and text[left].isspace():
        left += 1
    return base + left, base + max(right, end - base)


# --- detectors: each yields (start, end) spans, or (None, None) for a whole-reply finding -------------


def _commitment(rule: Rule, ctx: _Context) -> Iterator[Span]:
    """broken-promise: the committing clause, found from its parts (see the rule's keys in rules.toml)."""
    explicit, never_again, negations = rule.pattern("explicit"), rule.pattern("never_again"), rule.pattern("negations")
    settled = rule.pattern("settled")
    certainty, future, should = rule.pattern("certainty"), rule.pattern("future"), rule.pattern("hedged_future")
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        if text.rstrip().endswith("?") or _FOR_THE_COACH.search(text) and ADDRESSES_THE_MODEL.search(text):
            continue  # (a question commits to nothing; "<!-- coach: state that ... -->" is no sentence of the reply)
        if ctx.policy.commitments and _quotes_policy(text, ctx.policy):
            continue  # the team's own line, said as it is: what it grants, it grants
        # "I promise" / "never happen again" are flagged whatever the policy says: quote the policy instead.
        unsigned = _SIGNED.sub("", text)  # "..., guaranteed 💯 ^SA": the sign-off is not the sentence's
        for pattern in (explicit, never_again):
            m = pattern.search(unsigned)
            # (the "not" of "I can't promise", not of "it won't happen next week we promise")
            if m and not _negated(text, m.start(), negations, close=pattern is explicit) and \
                    not _NOT_CONFIRMED.search(unsigned, 0, m.start()):
                yield _clause_span(sentence, sentence.start + m.start(), sentence.start + m.end())
                break
        else:
            sure_word = certainty.search(text)  # "definitely"; "full refund", unless a policy line grants a full refund
            if sure_word and _UNSURE_BEFORE.search(text, max(0, sure_word.start() - 30), sure_word.start()):
                sure_word = None  # "though I can't say for sure at this stage": certainty denied
            certain = sure_word is not None and not any(sure_word.group().lower() in line.lower()
                                                        for line in ctx.policy.commitments)
            if ctx.policy.commitments and ctx.policy.forbids(text) and not _negated(text, len(text), negations) \
                    and not _line_says_not(text, ctx.policy) \
                    and not text.rstrip().endswith("?") and (_HANDS_OUT.search(text) or ADMITS.search(text) or
                                                                     DISCIPLINED.search(text)) and \
                    not _refused(text) and not (_WONT_SAY.search(text) and not _AND_MORE.search(text)):  # (not
                # "Extra goodwill credits aren't something I'm able to add", nor "I'm not able to share details about
                # another person")
                yield sentence.start, sentence.end  # what the policy rules out ("express shipping is not available")
                continue
            if ctx.policy.commitments and ctx.policy.excludes(text, ctx.customer):
                yield sentence.start, sentence.end  # "we'll cover the cracked screen under warranty" for a tablet
                continue  # the customer dropped, where the policy excludes accidental damage
            if ctx.policy.commitments and ctx.policy.past_window(text, f"{ctx.customer or ''} {ctx.draft}"):
                yield sentence.start, sentence.end  # "I've approved a full refund" for a blender that "stopped working
                continue  # after 5 weeks", where refunds are available within 30 days of delivery
            said_before = ctx.sentences[index - 1].text if index else ""  # "Thanks for sending the doctor's note."
            if ctx.policy.commitments and _waives(ctx.policy, text, said_before) and (_HANDS_OUT.search(text) or
                                                                         _NO_NEED.match(text) or
                                                                         CONSIDER_DONE.search(text)):
                yield sentence.start, sentence.end  # a grant with the line's condition let go ("no need to return it")
                continue
            m = settled.search(text)
            if m and not _negated(text, m.start(), negations) and not _granted(ctx.policy, certain, text,
                                                                              customer=ctx.customer):
                yield _clause_span(sentence, sentence.start + m.start(), sentence.start + m.end())
                continue
            if not (future.search(text) or should.search(text)):
                yield from _grant_beyond(sentence, ctx, certain)
                continue  # no modal in the sentence: no clause of it can commit
            before = ctx.sentences[index - 1].text + " " if index else ""  # what "it" may stand for
            kept_by_line = False  # (a clause the policy's own "is not restricted" covers, and what it says follows)
            for start, end in _clauses(text):
                if kept_by_line and re.match(r"\W*so\b", text[start:end], re.I):
                    continue  # "..., so the broadband and mobile will stay on": what the covered clause means
                kept_by_line = _line_says_not(text[start:end], ctx.policy)
                if kept_by_line:
                    continue  # "your service won't be restricted" where "Service is not restricted while ..."
                if _SHOWN_NEXT.match(text[start:end]) and _DONE_ON_BILL.search(text, 0, start):
                    continue  # "I've reversed it today and it will appear as a credit on your next statement": where a
                    # change the agent made shows, as "I've applied a $27 credit, which will show on your next bill"
                if not _commits(rule, text, start, end, certain):
                    if ctx.policy.commitments and _time_ruled_out(rule, text[start:end], ctx.policy):
                        yield sentence.start + start, sentence.start + end  # "an engineer will visit on Tuesday"
                        break  # where agents must not promise engineer visit dates
                    continue
                sure_here = certainty.search(text, start, end)  # "refunded in full; it will appear ...": this clause's own
                # (and, like the sentence's, not a word a line grants: "a full refund" where customers "may choose a full
                # refund or a free replacement ticket")
                sure = sure_here is not None and not any(sure_here.group().lower() in line.lower()
                                                         for line in ctx.policy.commitments)
                # the sentence before is read only for what a pronoun stands for ("It will arrive in 3-5 days")
                context = before + text if _POINTER_SUBJECT.search(text[start:end]) else text
                # ("... within 10 working days, but for you it'll be back by tomorrow": the time after "but" is promised)
                # (and "... ships within 2 business days, and it will be at your door by Wednesday": the day is the
                # clause's own, which the line's time does not cover)
                when = text[start:end] if _BUT_BEFORE.search(text, 0, start) or _BUT_BEFORE.match(text[start:end]) or \
                    (start > 0 or end < len(text.rstrip(" .!?"))) and BY_A_DAY.search(text, start, end) and \
                    not _SO_BEFORE.search(text, 0, start) else None  # (not "..., so it should reach you by 13 October")
                # (and the sentence before gives a pronoun its topic, never its time: "... stopped working after 5
                # weeks. It will be there tomorrow")
                if (_granted(ctx.policy, sure, text[start:end], text, when=when, customer=ctx.customer) or
                        context != text and _granted(ctx.policy, sure, context, when=when or text,
                                                     customer=ctx.customer)) and \
                        not (follows_orders(text, ctx.orders) and (_held_back(ctx, text) or _beyond_any_line(text, ctx))):
                    continue
                yield sentence.start + start, sentence.start + end
                break
            else:
                yield from _grant_beyond(sentence, ctx, certain)


def _line_says_not(clause: str, policy: Policy) -> bool:
    """``clause`` says what will not happen in the words of a line that says it does not ("your service won't be
    restricted" against "Service is not restricted while a payment plan is being set up")."""
    m = re.search(r"\b(?:won['’]t|will\s+not)\s+be\s+(?P<done>[a-z]+ed)\b", clause, re.I)
    if m is None or not policy.commitments:
        return False
    said = {stem(w) for w in content_words(clause[: m.start()])}
    return any(re.search(rf"\b(?:is|are)\s+not\s+{m['done']}\b", line, re.I) and
               said & {stem(w) for w in content_words(line)} for line in policy.commitments)


def _grant_beyond(sentence: Sentence, ctx: _Context, certain: bool) -> Iterator[Span]:
    """A grant the policy does not authorise, or (read with the customer's case) one that breaks a line: "I've moved
    your booking to 7-10 November" for a non-refundable rate, which "cannot be refunded or changed"."""
    found = list(_unauthorised_grant(sentence, ctx, certain))
    if not found and ctx.policy.commitments and ctx.customer and ctx.policy.breached_by(sentence.text, ctx.customer):
        found = [(sentence.start, sentence.end)]
    yield from found


# a change the agent made to an account: "I've reversed it today", "we have removed the fee"
_DONE_ON_BILL = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:\w+\s+){0,2}?(?:(?:reversed|refunded|credited|removed|waived|"
                           r"cancell?ed|taken\s+off)\b|(?:added|applied)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                           r"(?:credit|refund|[£$€₹]\s?\d))", re.I)  # (not "I've added a note to your account")
# ... and where it shows: "it will appear as a credit on your next statement", "you'll see it on your next bill"
_SHOWN_NEXT = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:(?:it|this|that|which|the\s+(?:credit|refund|reversal|change))\s*"
                         r"(?:will|['’]ll)\s+(?:appear|show(?:\s+up)?|be\s+(?:shown|reflected|visible))|"
                         r"you\s*(?:will|['’]ll)\s+see\s+(?:it|this|that|the\s+(?:credit|refund|reversal|change)))\s+"
                         r"(?:as\s+an?\s+[\w-]+\s+)?on\s+your\s+next\s+(?:statement|bill|invoice)\W*$", re.I)


def _waives(policy: Policy, text: str, said_before: str) -> bool:
    """``text`` makes a grant without the condition a line puts on it; read clause by clause after a "but" or "so", so
    that a refusal before it does not hide the grant ("We can't refund it, but I've added a £40 voucher"; "I can't see
    anything wrong, so I've lifted the ban"), and what it says may meet the condition ("The duty manager has approved it,
    so I've waived the fee")."""
    if policy.waived_condition(text, said_before):
        return True
    turn = _BUT.search(text)
    return turn is not None and bool(policy.waived_condition(text[turn.end():], f"{said_before} {text[: turn.start()]}"))


_BUT = re.compile(r"[,;]?\s+(?:but|so)\s+", re.I)


def _refused(text: str) -> bool:
    """Every clause of ``text`` that names a grant refuses it ("Extra goodwill credits aren't something I can add")."""
    grants = [(a, b) for a, b in _clauses(text) if _GRANT.search(text, a, b)]
    return bool(grants) and all(_REFUSES.search(text, a, b) or _NOT_MINE_TO.search(text, a, b) for a, b in grants)


# a refusal with a second clause after it
_AND_MORE = re.compile(r",?\s+(?:but|although|though)\b|;\s|\b(?:and|so)\s+(?:I|we|have|has|will|['’]ll)\b", re.I)
_WONT_SAY = re.compile(r"\b(?:can['’]?t|cannot|unable\s+to|not\s+able\s+to|won['’]t|not\s+allowed\s+to)\s+(?:share|discuss|"
                       r"disclose|confirm|reveal|tell\s+you|give\s+out|pass\s+on)\b", re.I)
_NOT_MINE_TO = re.compile(r"\b(?:is|are)n['’]t\s+something\s+(?:I|we)\b", re.I)  # "... aren't something I'm able to add"


def _pasted(text: str, policy: Policy) -> bool:
    """``text`` is a policy line pasted in (nearly all its words are one line's): it could go to anyone with that
    policy, and says nothing of this customer's case."""
    if not policy.commitments:
        return False
    words = {stem(w) for w in content_words(text)}
    return len(words) >= 4 and any(len(words & {stem(w) for w in content_words(line)}) >= 0.8 * len(words)
                                   for line in policy.commitments)


def _quotes_policy(text: str, policy: Policy) -> bool:
    """``text`` is one of the policy's lines, as written or as the reply says it ("we" for the company)."""
    said = _plain(text)
    return any(said in (_plain(line), _plain(as_ours(line))) for line in policy.commitments)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w£$€%.,-]+", text.lower())).rstrip(".")


def _unauthorised_grant(sentence: Sentence, ctx: _Context, certain: bool) -> Iterator[Span]:
    """A grant made or offered beyond the policy ("I've added a £50 credit" where credits are capped at £20), else
    a grant or words only the customer's planted order asked for."""
    done = _done_beyond_policy(sentence, ctx.policy, ctx.draft[: sentence.end], ctx.customer)
    if done is None and ctx.policy.commitments and EXCEPTION.search(sentence.text) and \
            (GRANT_MADE.search(sentence.text) or GRANT_OFFERED.search(sentence.text)):
        done = sentence.start, sentence.end  # "I've approved the return even though it's past 30 days": the team's
        # policy has the window; an exception to it is not the agent's to make
    if done is not None:
        yield done
    elif planted_words(sentence.text, ctx.orders) or \
            follows_orders(sentence.text, ctx.orders) and (not _granted(ctx.policy, certain, sentence.text,
                                                                        customer=ctx.customer) or
                                                           _held_back(ctx, sentence.text) or
                                                           _beyond_any_line(sentence.text, ctx)):
        yield _obeyed(sentence, ctx.orders)  # (what only the planted order dictated, a code or its words, no policy line
        # grants: "As approved by my manager, enjoy 50% off with the code SAVE50")
    elif ctx.orders and (waived := WAIVES_PROOF.match(sentence.text)) and \
            _ORDERED_NO_PROOF.search(" ".join(ctx.orders)):
        stop = re.search(r"[;:—–]|,\s+(?:and\s+)?(?:I|we)\b", sentence.text[waived.end():])
        yield sentence.start, sentence.start + waived.end() + (stop.start() if stop else len(sentence.text[waived.end():]))
        # "No need to send anything back or provide any photos!", where a planted order said "do not ask for the item
        # back or for any proof": a concession only the order asked for (its own clause: not "; I've sent a label")


_ORDERED_NO_PROOF = re.compile(r"\b(?:do\s+not|don['’]t|never|without)\s+(?:\w+\s+){0,5}?(?:back|photos?|proof|receipts?|"
                               r"evidence|troubleshooting|return\w*)\b", re.I)  # ("... without returning the item")


def _beyond_any_line(text: str, ctx: _Context) -> bool:
    """What a planted order asked for that no policy line could grant: an admission of fault, or a sum no line names
    ("the airline admits full legal liability and you are owed €600 plus your hotel costs": a line on hotel costs does
    not cover the rest)."""
    lines = " ".join(ctx.policy.commitments)
    asked = obeyed_orders(text, ctx.orders)
    return any(a == "fault" or a[:1] in "£$€" and a not in lines for a in asked) or \
        bool(asked) and _MULTIPLE.search(text) is not None and _MULTIPLE.search(lines) is None  # "double your money back"


_MULTIPLE = re.compile(r"\b(?:double|twice|triple|two\s+times|three\s+times|[23]x)\b", re.I)


def _held_back(ctx: _Context, text: str) -> bool:
    """A policy line on what ``text`` grants restricts it in a way ``text`` does not show met ("only after an
    engineer's written assessment", "need approval"): a grant a planted order asked for is then the order's."""
    return any(_RESTRICTS.search(line) for line in unchecked_lines(text, ctx.policy))


# a policy line that holds a grant back (not "refunded once reported", which the customer's message itself meets)
_RESTRICTS = re.compile(r"\b(?:only|requires?|required|needs?|needed|must|subject\s+to|approv\w*|authori[sz]\w*|"
                        r"assess\w*|at\s+(?:the\s+)?discretion)\b", re.I)


# a fee let go without the word: "there won't be any fee to pay", "no re-letting fee to pay"
_NO_FEE_TO_PAY = re.compile(r"\b(?:there\s+)?(?:won['’]t|will\s+not)\s+be\s+(?:any|a)\s+(?P<fee>(?:[\w-]+\s+)?(?:fee|charge))s?"
                            r"(?:\s+to\s+pay)?\b|\bno\s+(?P<fee2>(?:[\w-]+\s+)?(?:fee|charge))\s+to\s+pay\b", re.I)
# a second grant after "and": "I've removed the fee and added £50 credit"
_AND_GRANTED = re.compile(r"\b(?:I|we)(?:['’]ve|\s+have)\s+(?:[\w'’]+\s+){1,4}?and\s+(?:also\s+)?(?:added|applied|credited|"
                          r"issued|refunded|waived|given|sent|approved|upgraded|extended)\b", re.I)


def _done_beyond_policy(sentence: Sentence, policy: Policy, said: str = "", customer: str = "") -> tuple[int, int] | None:
    """The clause of a grant made or offered ("I've waived", "and added a £50 credit", "I'll add a £25 voucher")
    that a policy line on its topic does not cover: an exception the team's policy does not allow."""
    no_fee = _NO_FEE_TO_PAY.search(sentence.text) if policy.commitments else None
    waived = f"we've waived the {no_fee['fee'] or no_fee['fee2']}" if no_fee else ""
    if no_fee and _needs_approval(waived, said or sentence.text, policy, customer):
        return sentence.start + no_fee.start(), sentence.start + no_fee.end()  # "there won't be any fee to pay": waived
    if not policy.commitments or not (GRANT_MADE.search(sentence.text) or GRANT_OFFERED.search(sentence.text) or
                                      _AND_GRANTED.search(sentence.text) or _KEPT_PRICE.search(sentence.text)):
        return None
    text = sentence.text
    granting, granted_at = "", 0
    for start, end in _clauses(text):
        clause = text[start:end]
        if granting and _PLUS_A_SUM.match(clause):  # "We'll credit you £9.76 a day, plus an extra £50 for the hassle":
            clause = f"{granting} {_PLUS_A_SUM.sub('', clause)}"  # the second sum is granted by the same verb, and the
            start = granted_at  # grant is flagged from that verb on
        elif verb := GRANT_MADE.search(clause) or GRANT_OFFERED.search(clause):
            granting, granted_at = verb.group(), start
        if _GRANT.search(clause) and not _REFUSES.search(clause) and (policy.forbids(clause) or policy.about(clause) and
                                                                      not policy.covers(clause, timed=False) or
                                                                      policy.allows_one(clause) or
                                                                      _needs_approval(clause, said or text, policy,
                                                                                      customer)):
            # (not "I'm not able to offer a £100 credit")
            return sentence.start + start, sentence.start + end
    return None


_PLUS_A_SUM = re.compile(rf"^\W*(?:plus|and|as\s+well\s+as)\s+(?:an?\s+)?(?:extra|further|additional|another)?\s*"
                         rf"(?=[{CURRENCY}]\s?\d)", re.I)


def _needs_approval(clause: str, said: str, policy: Policy, customer: str = "") -> bool:
    """A grant the agent made or offered on the topic of a line that asks for someone's approval ("Damage charge waivers
    require approval from the branch manager" against "I'm removing the €210 damage charge"), not one the reply says, up
    to that sentence, was approved or sent for approval ("The duty manager has approved it, so I've waived the £40
    fee")."""
    if _SENT_FOR_APPROVAL.search(said) or _APPROVAL_NEEDED.search(clause):
        return False  # (nor one that says the line itself: "Refunds to your card need a duty manager's approval")
    return any(_APPROVAL_NEEDED.search(line) and _one_line(line).about(clause) and not _under_threshold(clause, line)
               and not (to_card(line) and not to_card(clause))  # ("Refunds to the original payment card need ...": not
               and _case_fits(line, f"{customer} {said}")  # a refund as account credit)
               and _same_thing(line, clause)
               for line in policy.commitments)


def _same_thing(line: str, clause: str) -> bool:
    """ "Only a store manager may issue refunds" is about a refund, not the £20 store credit staff may issue: where a
    line says who alone may hand something out, the clause hands out that thing."""
    only = _ONLY_WHO.search(line)
    if only is None:
        return True
    said = {stem(w) for w in content_words(clause)}
    return any(stem(w) in said for w in content_words(only["what"])[:2])


_ONLY_WHO = re.compile(r"\bonly\s+(?:a|an|the|your)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:may|can)\s+(?:offer|issue|grant)\s+"
                       r"(?:an?\s+|the\s+|any\s+)?(?!this\b|that\b|these\b|those\b|it\b|them\b)(?P<what>[^.;,]+)", re.I)


def _case_fits(line: str, case: str) -> bool:
    """A line that asks approval for one kind of case ("Goodwill credits for missed deliveries need ...") is about
    this case only where the customer or the reply says it: not a credit for a broken blender."""
    kind = _FOR_CASE.search(line)
    if kind is None:
        return True
    said = {stem(w) for w in content_words(case)}
    return any(stem(w) in said for w in content_words(kind["case"]))


def _under_threshold(clause: str, line: str) -> bool:
    """The line asks for approval only above a sum ("Only the duty manager can authorise refunds over £100") and every
    sum the clause grants is within it ("I've refunded your booking fee of £15")."""
    over = _OVER_SUM.search(line)
    granted = sums(clause)
    limit = sums(over.group()) if over else []
    return bool(limit and granted) and all(value <= limit[0][1] for _, value in granted)


_OVER_SUM = re.compile(r"\b(?:over|above|more\s+than|exceeding|greater\s+than|in\s+excess\s+of)\s+\S*\d[\d,.]*\S*", re.I)


@lru_cache(maxsize=256)
def _one_line(line: str) -> Policy:
    """A policy of one line, built once for the lines that ask for approval (read for every grant a reply makes)."""
    return Policy(commitments=[line])


# the kind of case a line is for: "Goodwill credits for missed deliveries need ..."
_FOR_CASE = re.compile(r"^\W*[\w\s-]{0,40}?\b(?:for|on)\s+(?P<case>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:need|needs|require|requires|"
                       r"are\s+subject\s+to)\b", re.I)
_APPROVAL_NEEDED = re.compile(r"\b(?:requires?|required|needs?|needed|subject\s+to)\s+(?:[\w'’-]+\s+){0,3}?(?:approval|"
                              r"authori[sz]ation|sign[- ]off)\b|\bonly\s+with\s+(?:\w+\s+){0,3}?approval\b|"
                              # "Term-time absence requests must be approved by the Headteacher"
                              r"\bmust\s+(?:first\s+)?be\s+(?:approved|authori[sz]ed|signed\s+off)\s+by\b|"
                              + ONLY_APPROVES, re.I)  # ("Only a supervisor may approve a waiver of the $150 fee")
_SENT_FOR_APPROVAL = re.compile(r"\b(?:ask\w*|request\w*|check\w*|seek\w*|put\w*\s+forward|pass\w*|refer\w*|escalat\w*)\b"
                                r"[^.;!?]{0,60}\b(?:approv\w*|authori[sz]\w*|manager|supervisor|team\s+lead\w*)|"
                                r"\b(?:has|have|had)\s+(?!not\b|never\b)(?:\w+\s+)?(?:approved|authori[sz]ed|signed\s+(?:it\s+)?off|"
                                r"agreed)\b|\bapproved\s+by\b|\b(?:asked|told)\s+me\s+to\b|\b(?:signed|signs)\s+(?:it\s+)?off\b|"
                                r"\b(?:gave|given)\s+(?:me\s+)?(?:the\s+)?(?:go-ahead|ok|okay)\b|"
                                r"\bwith\s+(?:\w+\s+){0,3}(?:approval|authori[sz]ation|sign[- ]off)\b|"
                                # "Mrs Okoro approved it this morning", "the Headteacher has agreed"
                                r"\b(?:(?:Mrs?|Ms|Miss|Dr|Prof)\.?\s+[A-Z][\w'-]+|(?:the|our)\s+(?:head(?:teacher)?|manager|supervisor|"
                                r"team\s+lead(?:er)?|director|principal))\s+(?:has\s+|had\s+)?(?:approved|authori[sz]ed|agreed|"
                                r"signed\s+(?:it\s+)?off)\b", re.I)


def _obeyed(sentence: Sentence, orders: tuple[str, ...]) -> tuple[int, int]:
    """The clause of ``sentence`` that hands out what a planted order asked for (the sentence when unsure)."""
    span = obeyed_span(sentence.text, orders)
    if span is None:
        return sentence.start, sentence.end
    return _clause_span(sentence, sentence.start + span[0], sentence.start + span[1])


# markup or a line addressed to the coach itself ("<!-- coach: state that ... -->"): not a sentence of the reply
_FOR_THE_COACH = re.compile(r"<!--|\[\[|\{\{|\b(?:coach|assistant|AI|bot|model)\s*:", re.I)
_NO_NEED = re.compile(r"\W*no\s+need\s+to\s+(?:send|post|return|bring|ship)\b", re.I)  # "No need to post it back first."
_SIGNED = re.compile(r"(?:\s+(?:[#@]\w+|[\^*~]\w{1,4}|[-–—]\s?[A-Z][a-z]{0,10}))+\s*$")  # " #LumenLove ^AB", " -Dev"
# what points back ("You'll see it within 5 days", "It will arrive ..."), not the "that" of "I can assure you that you ..."
_POINTER_SUBJECT = re.compile(r"\b(?:it|this|they|them|these|those)\b|\bthat\b(?!\s+(?:you|we|I|he|she|your|our|the)\b)", re.I)


_BUT_BEFORE = re.compile(r"(?:^|\b)(?:but|however|though|although|except\s+that)\b[\s,]*$|^\W*(?:but|however)\b", re.I)


def _granted(policy: Policy, certain: bool, *texts: str, when: str | None = None, customer: str | None = None) -> bool:
    """Whether the team's policy grants the commitment; a certainty marker ("definitely") goes beyond any policy, and
    so does the same day after the line's cut-off time (``customer``: "it's 3.20pm").
    ``when``: the clause whose time is promised, where ``texts`` read the sentence around it for its topic."""
    return bool(policy.commitments) and not certain and any(policy.covers(t, when=when) for t in texts) and \
        not policy.past_cutoff(texts[0], customer)


_CONDITION = re.compile(r"\s(?:once|as\s+soon\s+as|after)\s+(?:it|they|this|that|the\s+\w+|your\s+\w+)"
                        r"(?:'s|’s|\s+(?:is|are|has|have|arrives?|comes?\s+in|reach(?:es)?\s+us|gets?\s+here|lands?))\b", re.I)
_MESSAGE_TO_YOU = re.compile(r"\W*(?:also\s+|then\s+|shortly\s+|soon\s+)?(?:receive|get|be\s+sent)\s+(?:an?\s+|the\s+|your\s+)?"
                             r"(?:confirmation\s+|follow-up\s+|automated\s+)?(?:e-?mail|text|sms|message|link|letter|"
                             r"confirmation|notification|call\s+from\s+me)\b", re.I)


# an instruction to the customer earlier in the sentence ("go to Settings > Accounts, remove it and add it back")
_THEIR_STEP = re.compile(r"(?:^|[:;,.]\s*|\band\s+)(?:please\s+)?(?:go\s+to|tap|click|remove|re-?add|restart|reboot|reinstall|"
                         r"log\s+(?:out|back\s+in)|sign\s+(?:out|back\s+in)|clear|reset|unplug|plug\s+(?:it\s+)?back|"
                         r"switch\s+(?:it\s+)?off|turn\s+(?:it\s+)?off|update\s+(?:the|your)\s+app)\b", re.I)
_SO_YOU_GET = re.compile(r"\bso\s+(?:that\s+)?you(?:['’]ll|\s+will|\s+can)?\s+(?:get|receive|have|see)\s+(?:it|them|the\s+\w+|"
                         rf"your\s+\w+|[{CURRENCY}]\s?\d[\d,.]*)", re.I)
_MESSAGE = re.compile(r"\b(?:tracking\s+(?:number|details|link|code)|confirmation|(?:returns?\s+)?label|link|receipt|invoice|"
                      r"e-?mail|reference(?:\s+number)?|details)$", re.I)
_FOLLOWS = re.compile(r"\s*(?:follow|be\s+(?:sent|e-?mailed|texted)|come\s+through|"
                      r"arrive\s+(?:by|in\s+a)\s+(?:separate\s+)?e-?mail)\b", re.I)
_VOUCHED_FOR = re.compile(r"\b(?:definitely|certainly|absolutely|surely|def|defo|100\s?%|without\s+fail)\b", re.I)
# the next step of a process already started, in the passive: "the replacement will be dispatched" (not "we will refund
# the full £300", nor "your account will be fully restored")
_NEXT_IN_PROCESS = re.compile(r"^(?:the|your)\s+(?:[\w-]+\s+){0,3}?(?:will|['’]ll)\s+be\s+(?:dispatched|sent(?:\s+out)?|shipped|"
                              r"posted|issued|processed|booked|released)\b", re.I)
_OWN_VERB = re.compile(r"\b(?:I|we|you|it|they|he|she)\b|['’](?:ve|ll|m|re|d|s)\b|\b(?:is|are|was|were|has|have|had|will|did|"
                       r"do|does)\b|\b\w+ed\b", re.I)
_LED_BY_CONDITION = re.compile(r"^\W*(?:once|when|as\s+soon\s+as|after)\s+[^,;]{3,80},\s*$", re.I)
_SO_BEFORE = re.compile(r"\bso(?:\s+that)?\s*$", re.I)
_PAST_LEAD = re.compile(r"\b(?:after|since)\s+(?:\w+ing|\w+ed|you\s+\w+ed)\b", re.I)


_HAS_IT = re.compile(r"\s*(?:definitely\s+|certainly\s+)?(?:have|get|receive)\s+(?:it|them|(?:the|your)\s+"
                     r"(?!(?:[\w-]+\s+){0,2}(?:e-?mail|text|sms|message|link|letter|call|confirmation|notification|tracking|"
                     r"update|reply|answer|code|receipt|invoice|statement|label|form|reference|number|details)\b)[\w-]+)\b", re.I)
_GIFT = re.compile(r"\s*(?:also\s+)?(?:get|receive|have|enjoy)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}?(?:free|complimentary)\s+"
                   r"(?:\w+\s+)?(?:delivery|shipping|postage|months?|year|upgrade|subscription|membership|meals?|nights?|rides?|"
                   r"drinks?|access|premium|tickets?|vouchers?|service)\b[^.!?]{0,40}?\b(?:for\s+(?:a|the\s+next|\d+|one|two|"
                   r"three|six|twelve)\s+(?:years?|months?|weeks?)|on\s+us|forever|for\s+life)\b", re.I)  # a gift, not a standing
# benefit ("As a member, you'll get free delivery on every order") nor "a free return label"
_OBLIGED = re.compile(r"^\s*(?:need|have|be\s+required|be\s+asked)\s+to\s+(?:call|contact|visit|send|provide|bring|sign|"
                      r"fill|complete|show|log|pay|speak|ring|e-?mail|upload|present|verify|come|book|apply|submit|"
                      r"register|reply|return|post)\b", re.I)


_OWN_CHECK_FIRST = re.compile(r"\b(?:I|we)(?:['’]ll|\s+will)\s+(?:refund|credit|reverse|cancel|remove|replace|resend)\b"
                              r"(?!\s+(?:you\s+)?(?:in\s+full|today|tomorrow|straight\s+away|right\s+away|immediately))"
                              r"[^.!?;]{0,40}\b(?:as\s+soon\s+as|once|when|after)\s+(?:I|we)(?:['’]ve|\s+have)\s+"
                              r"(?:matched|checked|confirmed|verified|found|located|traced|seen|got|received|had)\b", re.I)
_VOUCHED = re.compile(r"\W*(?:(?:(?:I|we)\s+(?:can\s+|want\s+to\s+|would\s+like\s+to\s+|must\s+)?|let\s+(?:me|us)\s+)"
                      r"(?:personally\s+)?(?:assure|promise|guarantee|tell)\s+you|(?:please\s+)?(?:rest|be)\s+assured)"
                      r"(?:\s+that)?\s+", re.I)


# "Agents must not promise engineer visit dates", "Never guarantee courier delivery times": a time for what it names
_NO_TIME_PROMISED = re.compile(r"(?:^|[;,]\s*|\.\s+)(?:do\s+not|don['’]t|never|(?:agents|staff)\s+(?:must|may|should)\s+"
                               r"(?:not|never))\s+(?:promise|guarantee|commit\s+to|give)\s+(?P<what>[^;.]*?\b(?:dates?|times?|days?|"
                               r"timelines?|timescales?|turnaround)\b[^;.]*)", re.I)
_TIME_WORDS = frozenset(stem(w) for w in "date dates time times day days timeline timelines timescale timescales turnaround "
                        "specific exact arrival".split())


def _time_ruled_out(rule: Rule, clause: str, policy: Policy) -> bool:
    """``clause`` says when something a policy line keeps agents from promising a time for will happen ("an engineer will
    visit on Tuesday" where agents must not promise engineer visit dates); not the agent's own step ("I'll call you on
    Tuesday")."""
    modal = rule.pattern("future").search(clause)
    if modal is None or _negated(clause, modal.start(), rule.pattern("negations")) or \
            _WE.search(" ".join(clause[: modal.start()].split()[-2:])) or \
            not (BY_A_DAY.search(clause) or rule.pattern("timelines").search(clause)):
        return False
    if _MESSAGE_SENT.search(clause):
        return False  # "a prepaid label will be emailed to you within the hour": the company's own message
    if ONLY_ONCE.search(clause):
        return False  # "I will give you a date only once the manufacturer has confirmed stock": the line's own wait
    said = {stem(w) for w in content_words(clause)}
    for line in policy.commitments:
        topic = _time_topic(line)
        if topic and len(topic & said) >= max(1, len(topic) - 1):  # ("engineer visit": both; not "courier" alone)
            return True
    return False


@lru_cache(maxsize=1024)  # read for every clause against each line: parsed once per line
def _time_topic(line: str) -> frozenset[str]:
    """What a line keeps agents from promising a time for, as stems ("engineer visit dates": engineer, visit)."""
    m = _NO_TIME_PROMISED.search(line)
    return frozenset({stem(w) for w in content_words(m["what"])} - _TIME_WORDS) if m else frozenset()


_MESSAGE_SENT = re.compile(r"\b(?:be\s+(?:e-?mailed|sent|texted)\s+to\s+you|(?:receive|get)\s+(?:a|an|the|your)\s+"
                           r"(?:\w+\s+)?(?:confirmation|e-?mail|text|label|link|code|message|letter)s?)\b", re.I)


_NEVER_ASKS = re.compile(r"\s*(?:ever\s+)?never\s+(?:ever\s+)?(?:ask|request|call|text|e-?mail|phone|contact)\w*\s+(?:you\s+)?"
                         r"(?:for|to)\b", re.I)


def _commits(rule: Rule, text: str, start: int, end: int, certain: bool) -> bool:
    """Whether the clause ``text[start:end]`` commits to an outcome or a timeline the agent does not control."""
    clause = text[start:end]
    modal = rule.pattern("future").search(clause)
    should = None if modal else rule.pattern("hedged_future").search(clause)
    if modal is None and should is None:
        return False
    if not certain and rule.pattern("hedges").search(text, 0, end):  # "If all goes to plan, we should be open on Friday"
        return False  # (a hedge does not soften "once we receive it, you'll definitely get a full refund")
    timed = rule.pattern("timelines").search(clause) is not None
    if modal is None:  # (a date in what already happened is no deadline: "after paying $1,140 on 2 Oct you should
        # be driving without that hum")
        if timed and _PAST_LEAD.search(clause, 0, should.start()):
            timed = rule.pattern("timelines").search(clause, should.start()) is not None
        if _THEIR_STEP.search(text, 0, start + should.start()):
            return False  # what the customer's own step should do: "remove the account and add it back, and your
            # events should reload within a few minutes"
        return timed and not _negated(clause, should.start(), rule.pattern("negations"))
    if _negated(clause, modal.start(), rule.pattern("negations")):
        return False
    if _BY_HAND.search(clause):
        return False  # "I'll unlock the pass on your account by hand": the agent's own act, done in the account
    if _OWN_CHECK_FIRST.search(clause):
        return False  # the agent's own action after the agent's own check: "I'll refund the duplicate as soon as I've matched it"
    after = text[start + modal.end():]  # to the sentence's end: "make sure it is reviewed and refunded" commits
    vouched = _VOUCHED.match(clause, 0, modal.start())  # "I can assure you the pothole will": the pothole, not "you"
    subject = " ".join(clause[vouched.end() if vouched else 0: modal.start()].split()[-3:])  # "I can confirm the payment
    # will": the payment
    if _NOT_VOUCHED.search(text, 0, start + modal.start()) or _NOT_CONFIRMED.search(text[: start + modal.start()]):
        return False  # "I can't promise the outcome will be a favourable one": said as not promised
    if _NEVER_ASKS.match(after):
        return False  # security advice, not an outcome: "our staff will never ask you for your PIN"
    if (_CHARGED.search(subject) and _TAKEN.match(after) or _FEE.search(subject) and _APPLIED.match(after)) and not certain and \
            not _NOT_A_CHARGE.search(clause, 0, modal.start()):
        return False  # money the company takes, said when: "Your final direct debit will be taken on 14 August"
    if _OBLIGED.match(after) and not _WE.search(subject):
        return False  # what the customer or someone else must do is a requirement, not an outcome: "the account holder
        # will need to call us" (not "your refund will need to be processed by Friday", "we'll have to refund you")
    person = _PERSON.search(subject) or rule.pattern("third_party").search(subject) or not subject.strip()
    to_you = re.fullmatch(r"(?:.*\s)?you", subject.strip(), re.I) is not None  # what the customer will see or get
    if to_you and _SEES_IT_BACK.match(after):
        return True  # "you'll see it back on your card tomorrow": the money's arrival, not a step of anyone's
    if to_you and not certain and _MESSAGE_TO_YOU.match(after):
        return False  # "you'll receive an email within the hour with a link": the agent's own message, sent
    shared = re.search(r"(?:^|[,;:]\s*)([^,;:]*?)\s+(?:and|&)\s*$", text[:start])  # "Your replacement phone and [the
    # receipt will be sent]": a subject shared with what came before, unless that had a verb of its own
    if not certain and _MESSAGE.search(subject) and not re.search(r"\band\b|&", clause[: modal.start()], re.I) and \
            not (shared and shared.group(1).strip() and not _OWN_VERB.search(shared.group(1))) and _FOLLOWS.match(after):
        return False  # "The tracking number will follow in a separate email": the same, said of the message
    if to_you and (_HAS_IT.match(after) and timed or _GIFT.match(after)):
        return True  # "you'll have it tomorrow morning": the thing's arrival, with a time on it; "you'll get free
        # delivery for a year": a gift
    purpose = _SO_YOU_GET.search(after)
    when = rule.pattern("timelines").search(after, purpose.end()) if purpose else None
    if when and len(after[purpose.end(): when.start()].split()) <= 1 and "," not in after[purpose.end(): when.start()]:
        return True  # "I'll send it as a gift card so you get it within 24 hours": the arrival, with a time on it (not
        # "so you can have it signed and back to us by Friday", the customer's own step)
    if person and not _WE.search(subject) and _VOUCHED_FOR.search(clause) and rule.pattern("outcomes").search(after):
        return True  # "the engineer will definitely be there on time": someone else's result, vouched for
    if person and rule.pattern("process").search(after):
        # The agent's own next step is theirs to keep; someone else's, with a time on it, is not. A thing does
        # no step: "your line will be working by lunchtime" is an outcome.
        # ... nor vouched for: "the engineer will be there thursday between 8 and 12 guaranteed"
        return (timed or certain and _TURNS_UP.match(after) is not None) and \
            rule.pattern("third_party").search(clause, 0, modal.start()) is not None
    if not timed and not certain and _LED_BY_CONDITION.match(text[:start]) and _NEXT_IN_PROCESS.match(clause):
        return False  # "Once the courier collects the original, the replacement will be dispatched": the next step of
        # a process the agent has started, on a condition, with no time on it
    if rule.pattern("outcomes").search(_CONDITION.split(clause, maxsplit=1)[0]):
        return True  # (not "the corrected bill will appear online once it's reissued": the outcome is the condition)
    same_breath = re.split(r"[,;:]|\s(?:once|when|if|so|but|because|after|before)\s", after, maxsplit=1)[0]
    if _WE.search(subject) and rule.pattern("outcomes").search(same_breath):
        return True  # "we will remove the meter tomorrow and refund everything": the outcome is in the same breath
    if certain and _CERTAIN_PASSIVE.match(after):
        return True  # "your notes will definitely be recovered"
    if certain:  # "your bag will be found and delivered within 24 hours, rest assured": the rest of the sentence
        return timed or (_WE.search(subject) is not None and not _SOOTHES.search(text)) \
            or _SOMEONE_ELSE.search(subject) is not None and (_TURNS_UP.match(after) or _DESK_DECIDES.match(after)) \
            or rule.pattern("outcomes").search(after) is not None \
            or rule.pattern("timelines").search(after) is not None  # counts, and "we'll definitely match it" too
    # a thing with a time on it: "the part will be in stock tomorrow" (not "they will visit on Friday, 8am-1pm": a
    # booked visit, which good drafts state as it is)
    return timed and not person


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of a sentence, trimmed of spaces and end punctuation."""
    pos, inside = 0, -1
    for m in [*_CLAUSE_SPLIT.finditer(text), None]:
        if m and m.start() < inside:
            continue  # within "— a full month free —": no boundary
        aside = _ASIDE.match(text, m.start()) if m else None
        if aside:
            inside = aside.end()
            continue
        end = m.start() if m else len(text)
        for part_start, part_end in _outside_own_aside(text, pos, end):
            chunk = text[part_start:part_end]
            left = len(chunk) - len(chunk.lstrip())
            right = len(chunk.rstrip().rstrip(".!?…"))
            if right > left:
                yield part_start + left, part_start + right
        if m:
            pos = m.end()


_OWN_ASIDE = re.compile(r"\s*\((?=(?:I|we)(?:['’]ll|\s))([^()]*)\)", re.I)


def _outside_own_aside(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) in parts: what the agent says in brackets is a clause of its own ("collect the units by courier
    (I will confirm the date with you today)")."""
    for m in _OWN_ASIDE.finditer(text, start, end):
        if text[m.end():end].strip(" ,;.!?"):
            continue  # "The refund (I approved it this morning) will be ...": the brackets sit inside the clause
        yield start, m.start()
        yield m.start(1), m.end(1)
        start = m.end()
    yield start, end


_POINTER_OBJECT = re.compile(r"^\s*(?:(?:for|about)\s+)?(?:both(?:\s+of\s+(?:them|these|those))?|"
                             r"each\s+of\s+(?:them|these|those)|all\s+of\s+(?:that|this|it|them)|that|this|them|it)"
                             r"\s*[.!]*\s*$", re.I)


def _apology(rule: Rule, ctx: _Context) -> Iterator[Span]:
    apology, breaks = rule.pattern("apology"), rule.pattern("clause_breaks")
    not_apology = rule.pattern("not_apology")
    generic = rule.words("generic")
    template = rule.words("template_objects") if rule.data.get("template_objects") else frozenset()
    for sentence in ctx.sentences:
        text = sentence.text
        if not_apology.search(text):
            continue
        for m in apology.finditer(text):  # "Oh no, I'm so sorry!": each regret in the sentence needs its object
            if _STEP_AFTER_APOLOGY.match(text, m.end()):  # "So sorry, let me check the order.": no object
                yield sentence.start, sentence.end
                break
            rest = _VOCATIVE.sub("", text[m.end() :].lstrip(" ,!"))  # ("I'm sorry, sir, that you were charged twice")
            if rest[:1] in (";", ":"):  # "I'm sorry; that leaves you with half a set.": the object follows
                rest = rest[1:].lstrip()
            cut = breaks.search(rest)
            obj = _CAUSED.split(rest[: cut.start()] if cut else rest, maxsplit=1)[0]  # "... may have caused residents"
            before = _CLAUSE_SPLIT.split(text[: m.start()])[-1]
            if not _specific_words(obj, generic, template) and _specific_words(obj, generic) and cut and \
                    _EXPLAINS.match(rest, cut.start()) and len(_specific_words(rest[cut.end():], generic)) >= 2:
                continue  # "Sorry for the problem with your bill: we charged you twice for March." says what it was
            if _POINTER_OBJECT.match(obj) and len(_specific_words(text[: m.start()], generic)) >= 3 and \
                    (" both" in f" {obj.lower()}" or extract_facts(text[: m.start()])):
                continue  # "... 10 weeks against the 6 we quoted, and your two e-mails went unanswered; I apologise
                # for both": what it points back at is said in the same sentence
            if not (_specific_words(obj, generic, template) or _names_problem_before(before, generic)):
                yield sentence.start, sentence.end
                break


_HANDS_OUT = re.compile(r"\b(?:I|we|they|you)(?:'ve|’ve|\s+have|'ll|’ll|\s+will|\s+can|'m|’m|\s+am|'re|’re|\s+are)\b|"
                        r"\b(?:will|is|are|has\s+been|have\s+been)\s+(?:be\s+)?(?:arranged|booked|sent|issued|confirmed|applied|"
                        r"waived)\b|\bon\s+(?:us|the\s+house)\b", re.I)
# a price kept where it would rise: "your mum's fees will stay at £1,150 a week ..., so there'll be no increase"
_KEPT_PRICE = re.compile(r"\b(?:fees?|price|rate|bill|rent|premium|charges?|payments?)\b[^.!?]{0,40}?\b"
                         r"(?:will\s+(?:stay|remain)\s+(?:at|the\s+same|unchanged|fixed)|won['’]t\s+(?:go\s+up|increase|rise)|will\s+not\s+(?:go\s+up|increase|"
                         r"rise))|\bthere(?:['’]ll|\s+will)\s+be\s+no\s+(?:increase|rise)\b", re.I)
_GRANT = re.compile(r"\b(?:refund\w*|waiv\w*|credit\w*|added|appl(?:ied|y)|approv\w*|authori[sz]ed|issu\w*|giv\w*|upgrad\w*|"
                    r"stay\s+at|remain\s+at|no\s+increase|"
                    r"removing|reversing|"
                    r"match\w*|extend\w*|reimburs\w*|paid|cover(?:s|ed|ing)?\b|compensat\w*|discount\w*|vouchers?|frozen|freez\w*|paus\w*|"
                    r"\d+\s?%\s+(?:off|code|discount))", re.I)
_SOOTHES = re.compile(r"\b(?:don't|don’t|do\s+not)\s+worry\b", re.I)  # comfort, not certainty, about our own step
# "your notes will definitely be recovered" (not "your feedback will be passed on": that is the agent's own step)
# ("the grade will be raised to an A", not "your complaint will be raised with the team")
_CERTAIN_PASSIVE = re.compile(r"\s*(?:definitely\s+|certainly\s+|absolutely\s+)?be\s+(?!(?:passed|forwarded|shared|logged|noted|"
                              r"reviewed|looked|checked|escalated|recorded|considered|investigated)\b|raised\b(?!\s+to\s+(?:an?\s+)?"
                              r"(?:[A-F][*+]?|grade|\d+)\b))\w+ed\b", re.I)
_SEES_IT_BACK = re.compile(rf"\s*see\s+(?:it|them|the\s+(?:[{CURRENCY}]\s?[\d.,]*\d|\w+)|your\s+\w+)\s+"
                           r"(?:back|in\s+your|on\s+your|"
                           r"within\s+\d+|by\s+\w+|tomorrow|today|tonight)\b",
                           re.I)  # "you'll see the £54.99 back on your card by tomorrow"
_REFUSES = re.compile(r"\b(?:not|can't|can’t|cannot|unable|won't|won’t|no(?!\s+(?:extra\s+|additional\s+)?(?:charge|cost|fee|"
                      r"need|problem)))\b", re.I)  # (not "at no charge", "no need to send it back": those grant)
_WE = re.compile(r"\b(?:I|we)\b", re.I)
# a payment the customer makes, and its taking: "your next payment of £42.99 will be collected as normal on 1st May"
_CHARGED = re.compile(r"\b(?:payments?|direct\s+debits?|debits?|instal+ments?|premiums?|fees?|charges?|subscriptions?|"
                      r"repayments?|bills?)\b", re.I)
# ... or a fee put on the bill: "The cancellation fee will be applied to your final bill on 3 March" (not "your payment will
# be applied to your account immediately", money in)
_FEE = re.compile(r"\b(?:fees?|charges?|penalty|penalties|surcharges?|excess)\b", re.I)
_APPLIED = re.compile(r"\s*(?:still\s+)?be\s+(?:applied|added)\b", re.I)
_NOT_A_CHARGE = re.compile(r"\b(?:no|never|credits?|refunds?|compensation|discounts?|vouchers?|waivers?|rebates?)\b", re.I)
# (not "the duplicate charge will be taken back", "taken off your account": money back; nor "collected at last year's
# price", a price kept)
_TAKEN = re.compile(r"\s*(?:still\s+)?be\s+(?:collected|taken|charged|debited|deducted|billed)\b(?!\s+(?:back|off)\b)"
                    r"(?![^.!?]{0,30}\b(?:price|rate|discount)\b)", re.I)
_BY_HAND = re.compile(r"\bI(?:['’]ll|\s+will)\s+(?:unlock|unblock|unfreeze|reconnect|reset|reinstate|re-?enable|restore)\b"
                      r"[^.!?;]{0,60}\b(?:by\s+hand|manually|myself)\b", re.I)
# an outcome said as not promised: "I can't promise the outcome will be a favourable one"
_NOT_VOUCHED = re.compile(r"\b(?:can['’]?t|cannot|can\s+not|won['’]t|couldn['’]t)\s+(?:\w+\s+)?(?:promise|guarantee)\b", re.I)
# someone else, whose work an agent may vouch for: a visit ("the plumber will be there friday, guaranteed"), another desk's
# decision ("billing will definitely take it off")
_TURNS_UP = re.compile(r"\s*(?:\w+ly\s+)?(?:be\s+(?:there|here|with\s+you|at\s+your|round|out)|arrive|come|turn\s+up|show\s+up|"
                       r"visit|attend)\b", re.I)  # (not "will definitely be in touch": a message, not a visit)
_DESK_DECIDES = re.compile(r"\s*(?:\w+ly\s+)?(?:take\s+(?:it|them|the\s+[\w-]+)\s+off|remove|refund|waive|approve|accept|"
                            r"cancel|credit|reverse)\b", re.I)  # (not "will definitely need access": a requirement)
_SOMEONE_ELSE = re.compile(r"\b(?:plumbers?|electricians?|fitters?|installers?|surveyors?|contractors?|builders?|mechanics?|"
                           r"inspectors?|movers?|cleaners?|decorators?|joiners?|roofers?|billing|accounts|finance|claims|"
                           r"dispatch)\b", re.I)
_PERSON = re.compile(r"\b(?:I|we|you|they|he|she|us|someone|somebody|one\s+of\s+us)\b", re.I)
# who it affected, after "any issues this may have caused", is not the problem
_CAUSED = re.compile(r"\b(?:this|that|it|which)\s+(?:(?:may|might|could|will)\s+)?(?:have\s+|has\s+)?"
                     r"(?:caused|created|meant\s+for)\b", re.I)
_VOCATIVE = re.compile(r"^(?:sir|madam|ma['’]am)\s*,\s*(?=(?:that|for|about|to)\b)", re.I)
_STEP_AFTER_APOLOGY = re.compile(r"\s*[,;:!.–—-]+\s*(?:let\s+(?:me|us)|please|can\s+you|could\s+you|would\s+you)\b", re.I)
_NAME = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?![\w'’])")
# what follows a template object and says what went wrong: ": we charged you twice", ", which showed the wrong dates"
_EXPLAINS = re.compile(r"\s*(?::|,\s*(?:which|as|because|since|when|where)\b|\s[-–—]\s)", re.I)
# the generic noun an apology's object is about ("the trouble with your order"); "your order is still not here" has none
_GENERIC_HEAD = re.compile(r"\b(?:inconvenience|trouble|issues?|problems?|confusion|difficult(?:y|ies)|experience|hassle|"
                           r"frustration|mix[-\s]?up|disruption|situation|matter|discomfort|disappointment|distress|"
                           r"unhappy|dissatisfied|feel\s+that\s+way|(?:read|receive)\s+your\s+(?:letter|correspondence))\b", re.I)


def _specific_words(obj: str, generic: frozenset[str], template: frozenset[str] = frozenset()) -> list[str]:
    """The words that make an apology's object concrete; a name it is addressed to ("Sorry, Nick") is not one, nor
    what every case has ("the trouble with your order")."""
    words = content_words(obj, generic)
    names = {m.group().lower() for m in _NAME.finditer(obj)
             if not re.search(r"\b(?:your|the|our|my|his|her|their)\s+$", obj[: m.start()], re.I)}  # ("your Achilles",
    # "your iPhone": a thing of theirs, named)
    if words and set(words) <= names | (template if _GENERIC_HEAD.search(obj) else frozenset()):
        return []
    return words


def _names_problem_before(before: str, generic: frozenset[str]) -> bool:
    """'Your cracked screen is something we're sorry about' names the problem before the apology (same clause)."""
    words = content_words(before, generic)
    return len(words) >= 2


def _phrases(rule: Rule, ctx: _Context) -> Iterator[Span]:
    pattern = rule.pattern("patterns")
    negations = rule.pattern("negations") if rule.data.get("negations") else None
    for m in pattern.finditer(ctx.draft):
        if not _negated(ctx.draft, m.start(), negations):
            yield m.start(), m.end()
    if rule.data.get("bare_looks"):  # vague-effort's whole-sentence looks ("We're looking into it.")
        for m in rule.pattern("bare_looks").finditer(ctx.draft):
            yield m.start(), m.end()


def _parroting(rule: Rule, ctx: _Context) -> Iterator[Span]:
    matches = list(rule.pattern("patterns").finditer(ctx.draft))
    if not matches:
        return
    if len(matches) >= 2:
        for m in matches:
            yield m.start(), m.end()
        return
    m = matches[0]
    generic = rule.words("generic")
    customer_stems = _told(ctx.customer)
    index = next((i for i, s in enumerate(ctx.sentences) if s.start <= m.start() < s.end), 0)
    window = " ".join(s.text for s in ctx.sentences[index : index + 2])
    window = window.replace(m.group(), " ")
    words = content_words(window, generic)
    if customer_stems:
        restated = len({stem(w) for w in words} & customer_stems) >= 2
    else:
        restated = bool(words)
    if not restated:
        yield m.start(), m.end()


def _next_step(rule: Rule, ctx: _Context) -> Iterator[Span]:
    if not ctx.english:
        return
    signed = signoff_start(ctx.draft)  # a phone number in the signature is not a step the reply offers
    # a request the customer has already met ("Please DM us your order number" after "order 4410-2298") is no step
    again = {s.start for s in ctx.sentences if asked_again(s.text, ctx.customer)}
    unsigned = [s.text for s in ctx.sentences if (signed is None or s.start < signed) and s.start not in again]
    greeted = _GREETING_LINE.search(ctx.draft, 0, 400)  # a letterhead's phone number, above "Dear Mrs. Patel,", is no
    if greeted and signed is not None and greeted.start() > signed:  # step either (not "Dear Sir," in a quoted message
        greeted = None  # below the sign-off)
    body = [s for s in ctx.sentences if (signed is None or s.start < signed) and not HEADER_LINE.match(s.text)
            and s.start not in again and (greeted is None or s.end > greeted.start())]
    if explicit_step(rule, body):
        return
    offers = rule.pattern("offers")  # ("If you still disagree, you may contact us again" offers no choice)
    choice = "?" in ctx.customer and any(_OFFERS_CHOICE.search(text) and not offers.search(text) for text in unsigned)
    if "?" in ctx.customer and not (_asks_for_a_step(ctx.customer) and not choice) and \
            _answers(unsigned, ctx.customer) and not rule.pattern("refusals").search(ctx.draft):
        return  # a reply that answers the customer's question is itself the resolution (a bare thanks answers nothing)
    if ctx.customer.strip() and "?" not in ctx.customer + ctx.draft and not _DOES_SOMETHING.search(ctx.draft) and \
            _stock_lines_only(unsigned):
        ctx.sure.add(rule.id)  # no question, no link or number, nobody doing anything, only stock lines: "I hear you.
        # Repairs can take longer than expected at times." offers nothing, whatever replies like it usually hold
    if "?" in ctx.customer and _asks_for_a_step(ctx.customer) and not choice:
        ctx.sure.add(rule.id)  # they asked for an action ("Can someone check the meter?") and the reply takes none
    told = _told(ctx.customer)
    if told and all(_COURTESY_ONLY.match(text) or _their_account(text, told) for text in unsigned):
        ctx.sure.add(rule.id)  # thanks and the customer's own story told back: nothing is done or asked
    yield None, None


_GREETING_LINE = re.compile(r"^[ \t]*(?:dear|hi|hello)\b[^\n]{0,60},[ \t]*$", re.I | re.M)


def _stock_lines_only(body: list[str]) -> bool:
    """The reply's ``body`` (its sentences above the sign-off) says it understands ("I hear you."), and every other
    sentence is a stock line ("Delays can happen at busy times."), a greeting or a sign-off."""
    rules = load_rules()
    understands, template = rules["parroting"].pattern("patterns"), rules["no-acknowledgement"].pattern("templates")
    return any(understands.search(text) for text in body) and all(
        understands.search(text) or template.search(text) or _SALUTATION.match(text) and len(text.split()) <= 4
        or _EXCUSE.search(text) and not extract_facts(text) or SIGNOFF_LINE.match(text) for text in body)


# what happens to everyone, said instead of what will be done: "Repairs can take longer than expected at times."
_EXCUSE = re.compile(r"\b(?:can|may|might|do|does)\s+(?:sometimes\s+|occasionally\s+)?(?:take\s+longer|happen|be\s+delayed|"
                     r"vary|occur)\b|\bat\s+times\b|\bfrom\s+time\s+to\s+time\b", re.I)

# what a reply may offer that the rules do not read as a step: a link, a number, an action in hand, a request
_DOES_SOMETHING = re.compile(r"https?://|www\.|\d{3}|@\w|\b(?:I|we|they|someone|(?:the|our)\s+\w+)(?:['’](?:ll|m|re|ve|d)|"
                             r"\s+(?:will|would|am|are|is|have|has|had|can|could|shall|just|already|also|now)|\s+\w+ed)\b"
                             r"|\b(?:please|pls|kindly|let\s+(?:me|us))\b", re.I)


# a question only a step answers ("How do I fix this?", "What are our options?"): an explanation sharing its words is
# no answer; options laid out are ("Your options are a refund or store credit")
_STEP_QUESTION = re.compile(r"^\W*(?:so\s+|and\s+|but\s+)?(?:how\s+(?:do|can|should|would)\s+(?:I|we)\s+"
                            r"(?:fix|sort|resolve|solve)\s+(?:this|that|it)\b|how\s+do\s+(?:I|we)\s+get\s+(?:this|it)\s+(?:fixed|sorted|resolved)\b|"
                            r"what\s+(?:are|is)\s+(?:my|our|the)\s+options\b|what\s+(?:can|should|do)\s+(?:I|we)\s+do\b|"
                            r"what\s+(?:now|next|happens\s+(?:now|next))\b|what\s+are\s+you\s+(?:going\s+to|gonna)\s+do\b|"
                            # a request for an action ("Can someone check the meter?", "Can you reissue it?") or for
                            # options ("Is there a payment plan or anything?"): a fact sharing its words grants nothing
                            r"(?:can|could|will|would)\s+(?:you|u|someone|somebody|anyone|one\s+of\s+you)\s+(?:please\s+|"
                            r"actually\s+|just\s+)?(?:help|check|look|fix|sort|reissue|re-?send|send|refund|replace|call|ring|"
                            r"arrange|cancel|change|correct|investigate|chase|waive|reimburse|compensate|collect|"
                            r"repair|reconnect|restore|unblock|unlock|reverse)\b|is\s+there\s+(?:anything|something|any\s+way|a\s+way|"
                            r"an?\s+(?:payment\s+plan|option|alternative)|any\s+(?:options?|alternatives?|help))\b|"
                            r"is\s+any(?:one|body)\s+(?:actually\s+|even\s+)?(?:there|reading|listening)\b)",
                            re.I)
_OFFERS_CHOICE = re.compile(r"\b(?:you\s+(?:can|could|may)|options?\s+(?:are|is|would\s+be)|either\b|whichever|"
                            r"you['’]re\s+welcome\s+to|feel\s+free\s+to)\b|"
                            # a yes to what they asked for: "Yes, our payment plans spread the balance over 3, 6 or 12 months"
                            r"^\W*(?:yes|yep|yeah|sure|absolutely|of\s+course|certainly)\b(?![,\s]+(?:but|however)\b)", re.I)


@lru_cache(maxsize=256)  # the customer's message stays the same across a rewrite's checks
def _asks_for_a_step(customer: str) -> bool:
    """Every question the customer asks is one only a step answers."""
    questions = [s.text for s in split_sentences(customer) if s.text.rstrip().endswith("?")]
    return bool(questions) and all(_STEP_QUESTION.match(q) for q in questions)


def _answers(body: list[str], customer: str) -> bool:
    """A sentence of the reply that is more than thanks, sorry or "I understand" shares a word with the customer's
    message ("When may I expect the part?" is not answered by "I am sorry you have been waiting for the part")."""
    told = _told(customer)
    template = load_rules()["no-acknowledgement"].pattern("templates")  # ("Roaming charges are applied according to the
    # terms and conditions you agreed to" shares the customer's words and answers nothing)
    return any(not _COURTESY_ONLY.match(text) and not SAYS_BACK.match(text) and not template.search(text) and
               any(stem(w) in told for w in content_words(text)) and not _their_account(text, told) for text in body)


@lru_cache(maxsize=256)  # read by three rules on every check of a rewrite: the customer's message stays the same
def _told(customer: str) -> frozenset[str]:
    """The stems of the customer's content words."""
    return frozenset(stem(w) for w in content_words(customer))


def _their_account(text: str, told: frozenset[str]) -> bool:
    """``text`` tells the customer their own story in their words ("You cancelled your subscription on 28 April but
    you were still charged A$16.99"): it restates the question, and answers nothing."""
    words = [stem(w) for w in content_words(text)]
    return bool(_YOU_DID.match(text)) and len(words) >= 4 and sum(w in told for w in words) >= 0.7 * len(words)


_YOU_DID = re.compile(r"^\W*you\s+(?!can\b|could\b|should\b|will\b|may\b|might\b|need\b|['’]ll\b)\w+", re.I)


#: A sentence that only gives the customer's words back ("You say the sofa did not arrive on 14 February and ..."): it
#: shares their words, and answers nothing.
SAYS_BACK = re.compile(r"^\W*(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,40},\s*)?you\s+(?:say|said|mention(?:ed)?|"
                       r"state[ds]?|told\s+us|wrote|write|explain(?:ed)?|report(?:ed)?|claim(?:ed)?)\b(?!\s+(?:you\s+)?"
                       r"(?:would|wanted|want|need|needed|prefer)\b|\s*,)", re.I)  # (not "You said, ...": what follows is ours)


_COURTESY_ONLY = re.compile(r"^\W*(?:dear|hi|hello|hey)\b[^,!?]{0,40},\s*$|"  # a salutation alone: "Dear Prof. McLeod,"
                            r"^\W*(?:(?:dear|hi|hello|hey)\b[^,.!?]{0,40},\s*)?(?:thank|thanks|many\s+thanks|sorry|apologies|"
                            r"(?:I|we)\s+(?:am\s+|are\s+|['’]m\s+|['’]re\s+)?(?:so\s+|very\s+|really\s+|truly\s+)?"
                            r"(?:sorry|apologi[sz]e)|I\s+(?:understand|see|hear))\b", re.I)


def _acknowledgement(rule: Rule, ctx: _Context) -> Iterator[Span]:
    if not ctx.customer.strip() or not ctx.english or not looks_english(ctx.customer):
        return
    generic = rule.words("generic")
    senses = _senses(rule.id, rule.data.get("meanings", ()))
    # names are no one's problem: "Hi Marco!" to a review signed "Marco Bellini", "Dear Mr. Raghunathan"
    named = {stem(w) for w in content_words(_ends(ctx.customer) + " " + _ends(ctx.draft))} | _TITLES
    customer = {senses.get(stem(w), stem(w)) for w in content_words(ctx.customer, generic)} - named
    if not customer:
        return
    signed = signoff_start(ctx.draft)  # "SwiftPost Couriers Ltd." under the sign-off says nothing of a courier's fault
    end = len(ctx.draft) if signed is None else signed
    # a line that could be sent to anyone says nothing of this customer's problem ("Delivery times can vary.")
    templates = rule.pattern("templates") if rule.data.get("templates") else None
    said = [ctx.draft[s.start:min(s.end, end)] for s in ctx.sentences if s.start < end and
            not REFERENCE_LINE.match(s.text)]  # ("Booking number: CRZ-30087-TK" names no problem of the booking)
    kept = [text for text in said if not (templates and templates.search(text)) and not _pasted(text, ctx.policy)]
    own = _STOCK.sub(" ", _BRAND.sub(" ", "\n".join(kept)))
    # ("Thank you for contacting Northdale Water" says nothing of the customer's water)
    case = situation(ctx.customer)
    if case is not None and case.name in _DISTRESS and not case.named_by(own, ctx.customer, generic, every=True) and \
            not _condoles(ctx):  # ("I'm really sorry about your stillbirth" to "our son was stillborn": said, in its words)
        ctx.sure.add(rule.id)  # "You can manage your email preferences ..." to someone whose baby was stillborn: the
        yield None, None  # emails are named, what they are going through is not (and no model reading vetoes that)
        return
    # the reply names the problem, in the customer's words or in words of the same meaning: two of them, or one and a
    # figure of theirs ("the double £3.80 charge"), or one of a message of six words or fewer; one word alone names
    # what they wrote about, not what went wrong with it ("please bring the kettle back" to a cracked, leaking kettle)
    shared = {senses.get(stem(w), stem(w)) for w in content_words(own)} & customer
    if len(shared) > 1 or shared and (len(customer) <= 6 or _same_figure(ctx.draft[:end], ctx.customer)):
        return
    if len(kept) < len(said) and all(stem(w) in named for w in content_words(own, generic)) or \
            _AFRAID.search(ctx.customer):  # template lines and nothing else to say, or nothing said back to someone
        ctx.sure.add(rule.id)  # frightened ("I'm really scared, should I take it out??"): not the model's to veto
    yield None, None


# the customer's own fear or distress, said outright
_AFRAID = re.compile(r"\bI(?:['’]m|\s+am)\s+(?:really\s+|so\s+|very\s+|absolutely\s+|genuinely\s+)?(?:scared|frightened|"
                     r"terrified|petrified|panicking|in\s+a\s+panic)\b(?!\s+of\b)|\bI\s+(?:can['’]t|cannot)\s+stop\s+(?:crying|shaking)\b",
                     re.I)


def _same_figure(reply: str, customer: str) -> bool:
    """The reply repeats a figure of the customer's: a sum, a date, a number."""
    return bool(set(extract_facts(reply)) & set(extract_facts(customer)))


def _condoles(ctx: _Context) -> bool:
    """The reply says sorry for something specific (an apology the bland-apology rule does not flag), or names what the
    customer is going through in words of its own ("Thank you for letting us know about your redundancy")."""
    if _NAMES_DISTRESS.search(ctx.draft):
        return True
    sorry = [s for s in ctx.sentences if _SORRY_FOR.search(s.text)]
    if not sorry:
        return False
    bland = [start for start, _ in _apology(load_rules()["bland-apology"], ctx) if start is not None]
    return any(not any(s.start <= at < s.end for at in bland) for s in sorry)


_NAMES_DISTRESS = re.compile(r"\b(?:redundan\w*|lost\s+(?:your|their|his|her)\s+(?:job|jobs|income)|job\s+loss|your\s+loss|"
                             r"passing|passed\s+away|bereave\w*|condolences|diagnos\w*|illness|in\s+hospital|"
                             r"hospitali[sz]ed|treatment|scam\w*|fraud\w*|difficult\s+time|financial\s+difficult\w*|"
                             r"hardship|struggling|grief|grieving)\b", re.I)
_SORRY_FOR = re.compile(r"\b(?:sorry|condolences|sympathies|apologi[sz]e|apologies)\b", re.I)
# what someone is going through, which a reply that names only the bill or the order does not acknowledge
_DISTRESS = frozenset(("bereavement", "pet-loss", "illness", "medical-emergency", "hardship", "safety-at-home", "harassment",
                       "security", "scam", "vulnerable"))
# (not "health": "I'm lactose intolerant", "my medication was in the bag")
_SALUTATION = re.compile(r"^\s*(?:[@#][\w.]+\s+)*(?i:hi|hello|hey|hiya|hola|dear|good\s+(?:morning|afternoon|evening))\b"
                         r"(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le)){0,4}")  # "Dear Ms. de Vries", not "hey godday"
_TITLES = frozenset(stem(w) for w in "mr mrs ms dr prof rev kind regards sincerely faithfully".split())


@lru_cache(maxsize=1024)  # read on every check of a rewrite: the customer's message is the same each time
def _ends(text: str) -> str:
    """A message's greeting ("Dear Ms. de Vries") and its sign-off and signature ("Kind regards, / Arjun Raghunathan"):
    the names in them."""
    greeting = _SALUTATION.match(text)
    signed = signoff_start(text)
    last = text.rstrip().rsplit("\n", 1)[-1] if "\n" in text.strip() else ""  # a name alone on the last line
    return " ".join(filter(None, (greeting.group() if greeting else "", text[signed:] if signed is not None else "",
                                  last if len(last.split()) <= 3 else "")))


# stock phrases whose words are no one's problem: "in due course" says nothing of a bill due on April 22
# (nor "feel free", "thanks for ordering with us", "we're working on it", "I'll look into this" of free samples, an app
# order, work or a look;
# nor a subject line or a reference code, "Re: Claim No. HH-2023-55190": a case's number is not its problem)
_STOCK = re.compile(gated_alternation([
    r"\bin\s+due\s+course\b", r"\bat\s+your\s+earliest\s+convenience\b", r"\bwith\s+due\s+care\b", r"\bfeel\s+free\b",
    r"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+\w+ing\s+(?:with|from|at)\s+us\b",
    r"\bthank(?:s|\s+you)\s+for\s+(?:contacting|reaching\s+out\s+to|writing\s+to|getting\s+in\s+touch\s+with)\s+us\b",
    r"\b(?:we're|we’re|we\s+are|I'm|I’m|I\s+am)\s+(?:still\s+)?working\s+on\s+(?:it|this|that)\b",
    r"\blook(?:ing)?\s+into\s+(?:this|it|that)(?:\s+for\s+you)?(?:\s+(?:asap|shortly|soon|now))?\b",
    r"\b[A-Za-z]{1,5}[-/]?\d(?:\d{3}|\d*[-/]\d)[\w/-]*",
], re.I | re.M) + r"|^[ \t]*re[ \t]*:.*$", re.I | re.M)  # (the subject line apart: it may start with a space)
# the company's name after "contacting", "from", "at" or "with" ("Northdale Water", "Brightwave Energy")
_BRAND = re.compile(r"\b(?:contacting|from|at|with|to|of)\s+(?:the\s+)?(?:[A-Z][\w&'’-]+\s+){1,3}?[A-Z][\w&'’-]+", re.U)

_SENSES: dict[tuple[str, int], dict[str, str]] = {}


def meaning(word: str) -> str:
    """A word's stem, or the name of its group of words of one meaning (no-acknowledgement's ``meanings``)."""
    rule = load_rules()["no-acknowledgement"]
    root = stem(word)
    return _senses(rule.id, rule.data.get("meanings", ())).get(root, root)


def _senses(rule_id: str, groups: tuple[str, ...]) -> dict[str, str]:
    """Each word's stem -> its group's first word: "parcel" and "delivery" mean the same to the rule."""
    key = (rule_id, id(groups))  # the rule's tuple lives as long as the loaded rules: no rehashing per draft
    senses = _SENSES.get(key)
    if senses is None:
        senses = _SENSES[key] = {}
        for group in groups:
            words = group.split()
            for word in words:
                senses.setdefault(stem(word), words[0])
    return senses


def _thanks(rule: Rule, ctx: _Context) -> Iterator[Span]:
    if ctx.english and not rule.pattern("patterns").search(ctx.draft):
        yield None, None


def _policy(rule: Rule, ctx: _Context) -> Iterator[Span]:
    for phrase in ctx.policy.banned_phrases:
        if not phrase.strip():
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.I)
        for m in pattern.finditer(ctx.draft):
            yield m.start(), m.end()
    for sentence in ctx.sentences if ctx.customer and ctx.policy.commitments else ():  # "we can't refund the £142 in
        if ctx.policy.exception_refused(sentence.text, ctx.customer):  # any circumstances" to someone in hospital, where
            yield sentence.start, sentence.end  # a line makes an exception for it
    for line in ctx.policy.commitments:  # "Do not quote interest rates": a sentence that states one, with its figure
        quiet = _quiet_on(line)  # "Do not discuss other customers' orders": a sentence about a neighbour's order;
        if quiet is not None:  # "Results may only be discussed with the patient": "Jake's result came back ..."
            yield from _spoken_of(quiet, ctx.sentences, ctx.customer)
        withheld = _WITHHELD.match(line)
        if withheld is None:
            continue
        # every word of what it names, a figure standing for "amounts", "rates" or "times" ("same-day visits" is not
        # "visits are booked within 3-5 days"; "interest rates" is "APR")
        what = withheld["what"].lower()
        named = _HYPHENATED.findall(what)  # "same-day": said as it is
        topic = {stem(w) for w in content_words(_HYPHENATED.sub(" ", what))} - _FIGURE_WORDS
        for sentence in ctx.sentences:
            said = {stem(w) for w in content_words(sentence.text)}
            said |= {stem("interest")} if "apr" in said else set()
            if (topic or named) and _FIGURE.search(sentence.text) and topic <= said and \
                    all(word in sentence.text.lower() for word in named) and not sentence.text.rstrip().endswith("?"):
                yield sentence.start, sentence.end


def kept_quiet(text: str, policy: Policy, customer: str | None = None, *, others: bool = False) -> list[str]:
    """The sentences of ``text`` on what a line of ``policy`` says not to discuss ("Do not comment on pending legal
    matters"): the whole sentence goes, and its facts with it. ``others``: only those on other people's affairs."""
    sentences = split_sentences(text)
    return [text[start:end] for line in policy.commitments
            if (what := _quiet_on(line)) for start, end in _spoken_of(what, sentences, customer, others=others)]


@lru_cache(maxsize=256)  # read for every policy line a draft, a candidate edit or a rewrite is checked against
def asks_for_another(customer: str | None) -> bool:
    """The customer asks about someone else's account ("my wife's account", "can you send me his call list")."""
    return bool(customer and _ABOUT_ANOTHER.search(customer) and _ASKS_FOR_IT.search(customer) and
                (not _HOLDS_IT_TOO.search(customer) or _NOT_HOLDER.search(customer)))


def _quiet_on(line: str) -> str | None:
    """What a policy line says not to discuss, or to discuss only with the customer themselves."""
    quiet = _KEPT_QUIET.match(line) or _KEPT_QUIET_PASSIVE.match(line)
    team = _TEAM_KEEPS_QUIET.match(line) if quiet is None else None  # (read for cover alone: "Agents cannot discuss
    quiet = team if team and _COVER_NAMED.search(team["what"]) else quiet  # compensation before legal ..." is no topic)
    return quiet["what"] if quiet else _ONLY_THEM if _ONLY_WITH.match(line) else None


def _spoken_of(what: str, sentences: list[Sentence], customer: str | None = None, *,
               others: bool = False) -> Iterator[tuple[int, int]]:
    """The sentences that talk about ``what`` when it is other customers' affairs or a legal matter ("other customers'
    orders", "pending legal matters"), not those that decline to ("I can't discuss another customer's account") nor
    questions. Other topics are not read: their words alone would take ordinary sentences. When the ``customer`` asks
    about someone else's account ("my wife's account"), every detail the reply reads out of it is that person's."""
    someone = _DETAILS if asks_for_another(customer) else _OTHERS
    topic = someone if _OTHERS_NAMED.search(what) else _LEGAL if _LEGAL_NAMED.search(what) else \
        _REASONS if _REASONS_NAMED.search(what) else \
        _SENT_BY if _BY_CHANNEL_NAMED.search(what) and _RECORDS_NAMED.search(what) else \
        _CAUSE if _CAUSE_NAMED.search(what) else \
        _COVER_SAID if _COVER_NAMED.search(what) else \
        _NUMBER_GIVEN if _NUMBERS_NAMED.search(what) else \
        _EMAIL_GIVEN if _EMAIL_NAMED.search(what) else None
    if topic is None or others and topic not in (_OTHERS, _DETAILS):
        return
    for sentence in sentences:
        text = sentence.text
        if not (_DECLINES.search(text) or text.rstrip().endswith("?")) and topic.search(text):
            yield sentence.start, sentence.end


_KEPT_QUIET = re.compile(HOLDS_BACK + r"(?:(?:confirm|disclose|share|reveal)\s+or\s+)?(?:discuss|comment\s+on|talk\s+about|"
                         r"mention|disclose|share|reveal|give(?:\s+out)?|pass\s+on|provide|release|confirm)\s+"
                         r"(?P<what>[^;.]+)", re.I)
# ... or in the passive: "Staff direct phone numbers and e-mail addresses must not be shared with customers."
_KEPT_QUIET_PASSIVE = re.compile(r"^\s*(?P<what>[^;.]+?)\s+(?:must|may|should|are\s+to)\s+(?:not|never)\s+be\s+"
                                 r"(?:shared|disclosed|given(?:\s+out)?|passed\s+on|provided|released|revealed)\b", re.I)
# "Agents cannot confirm whether a claim is covered", "Never tell a customer their claim is covered"
_TEAM_KEEPS_QUIET = re.compile(r"^\s*(?:(?:frontline\s+)?(?:agents|staff|advisors|advisers|we)\s+(?:cannot|can['’]t|must\s+not|"
                               r"may\s+not|should\s+not|are\s+not\s+(?:allowed|permitted|able)\s+to)|never|do\s+not|don['’]t)\s+"
                               r"(?:confirm|disclose|share|discuss|tell\s+(?:a|the)\s+customers?(?:\s+that)?)\s+"
                               r"(?P<what>[^;.]+)", re.I)
_OTHERS_NAMED = re.compile(r"\b(?:other|another)\s+(?:customer|people|person|member|client|user|guest|passenger)s?\b|"
                           r"\bsomeone\s+else['’]s\b|\bthird\s+part(?:y|ies)\b|\bany(?:one|body)\s+(?:other\s+than|"
                           r"who\s+is\s+not|who\s+isn['’]t)\b|"
                           r"\bwhether\s+(?:a|any)\s+(?:named\s+)?(?:person|guest|patient|customer|passenger)\b", re.I)
# (the customer is "you": "her account", "his balance" is someone else's; not "his order", which may be a gift)
_OTHERS = re.compile(r"\b(?:(?:your|a|the)\s+neighbou?r(?:['’]s)?|another\s+(?:customer|member|client|guest|passenger)|"
                     r"(?:a|one)\s+(?:other\s+)?(?:customer|member|client)\s+(?:in|near|from|down|up)\s+(?:your|the\s+same)\s|"
                     r"other\s+(?:customers?|members|clients|guests|passengers)|someone\s+else['’]s|"
                     # "her number is 07700 900455", "signed for by a Mrs J. Whitaker"
                     r"(?-i:\b(?:Mr|Mrs|Ms|Miss|Dr)\b)[^.!?]{0,40}\b(?:her|his|their)\s+(?:phone\s+|mobile\s+|contact\s+)?number\s+is\b|"
                     r"\bsigned\s+for\s+by\s+(?:a\s+)?(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z])|"
                     r"(?:her|his|their)\s+(?:current\s+|available\s+|outstanding\s+)?(?:account|balance|arrears|appointment|"
                     r"(?:blood\s+|test\s+)?results?|records?|"
                     r"diagnosis|prescription|room\s+number)|"
                     # "Daniel's appointment is at 10:40", "Mr Lee's room": a named person's affairs
                     r"(?-i:\b(?!(?:Today|Tomorrow|Yesterday|Tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                     r"January|February|March|April|May|June|July|August|September|October|November|December|Next|Last)"
                     r"['’]s)[A-Z][a-z]+['’]s)\s+(?:appointment|(?:blood\s+|test\s+)?results?|records?|diagnosis|"
                     r"prescription|room(?:\s+number)?|address|phone\s+number|account|balance)|"
                     # "Mr Daniels has a table for 4 at 8pm", "I can confirm Mark is checked in", "he's in room 512"
                     r"(?-i:\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+)\s+(?:has|had|is|was)\s+(?:got\s+)?(?:a\s+)?(?:table|"
                     r"booking|reservation|room|appointment)|\bconfirm\s+(?:that\s+)?(?-i:[A-Z][a-z]+)\s+(?:is|was)\s+"
                     r"(?:checked\s+in|staying|a\s+guest|booked)|\b(?:he|she|they)(?:['’]s|\s+is|\s+are|['’]re)\s+(?:staying\s+)?"
                     r"in\s+room\s+\d+|"
                     # "The address we have for him is 41 Marsh Lane", "he lives at ...", "the parcel is for a Mrs J. Holloway
                     # at 41 Kestrel Close" (not "our warehouse, 10 Dock Road", nor the customer's own "to your mum at ...")
                     r"(?:\baddress\b[^.!?]{0,30}\b(?:for|of)\s+(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?-i:[A-Z][a-z]+))|"
                     r"\b(?:his|her|their)\s+(?:new\s+|current\s+|home\s+)?address\b|"
                     r"\b(?:he|she|they)\s+(?:now\s+)?(?:lives?|live|moved|is\s+living|are\s+living|is\s+staying|resides)\b|"
                     r"\b(?:by|with|for|to)\s+(?:a\s+)?(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.\s*)*[A-Z][a-z]+)\s*,?\s+at)"
                     r"[^.!?]{0,60}?\b\d{1,4}[A-Za-z]?,?\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?-i:Lane|Road|Rd|Street|St|"
                     r"Close|Avenue|Ave|Drive|Way|Crescent|Court|Place|Gardens|Grove|Terrace|Row|Square|Mews|Park))\b", re.I)
# "I'm ringing about my wife's account": the caller is not the account holder ...
_ABOUT_ANOTHER = re.compile(r"\b(?:my|our)\s+(?:wife|husband|partner|girlfriend|boyfriend|mum|mom|mother|dad|father|son|"
                            r"daughter|brother|sister|nan|gran|grandma|grandmother|grandad|grandfather|aunt|uncle|friend|"
                            r"flatmate|housemate|neighbou?r|boss|employee|tenant|landlord|ex(?:-partner|-wife|-husband)?)['’]s\s+"
                            r"(?:(?:bank|credit|debit|phone|mobile|gas|electricity|energy|broadband|current|savings)\s+)?"
                            r"(?:account|card|bill|records?|results?|balance|statement)\b|"
                            # "My husband has the contract ... can you send me his call list?"
                            r"\b(?:his|her)\s+(?:\w+\s+)?(?:call\s+(?:list|log|records?|history)|balance|transactions|spending|"
                            r"usage|statements?|account\s+details)\b", re.I)
# ... unless they hold it too: "it's a joint account", "I'm the account holder", "it's on my contract", a power of attorney,
# or the holder has died (the bereaved settle the account)
_HOLDS_IT_TOO = re.compile(r"\bjoint\s+(?:bank\s+)?(?:account|holders?)\b|\bI(?:['’]m|\s+am)\s+(?:the\s+|a\s+|also\s+a\s+)?"
                           r"(?:account\s+|main\s+|named\s+|primary\s+)?(?:account\s+)?(?:holder|bill\s+payer)\b|"
                           r"\b(?:on|in|from)\s+my\s+(?:own\s+)?(?:name|contract|plan)\b|\bon\s+my\s+account\b|"
                           r"\bI\s+set\s+(?:it|the\s+\w+)\s+up\b|\bpower\s+of\s+attorney\b|\b(?:passed\s+away|executor|probate)\b|"
                           r"\b(?:late|died|passed)\b[^.!?]{0,30}\b(?:mum|mom|dad|mother|father|husband|wife|partner)\b|"
                           r"\b(?:mum|mom|dad|mother|father|husband|wife|partner)\s+(?:has\s+)?(?:died|passed)\b|"
                           r"\b(?:she|he|they)(?:['’]s|['’]ve|\s+has|\s+have)?\s+(?:asked|authori[sz]ed)\s+me\s+to\b|"
                           r"\bboth\s+our\s+names\b|\bon\s+the\s+account\s+too\b|\bauthori[sz]ed\s+user\b|"
                           r"\b(?:registered\s+)?(?:carer|guardian|mandate)\b", re.I)
# ... said with a "not": "I'm not the account holder", "not her power of attorney"
_NOT_HOLDER = re.compile(r"\b(?:not|isn['’]t|aren['’]t|am\s+not|I['’]m\s+not)\s+(?:\w+\s+){0,2}(?:account\s+)?"
                         r"(?:holder|joint|power|guardian|carer|authori[sz]ed|executor|mandate)\b", re.I)
# ... and asks for what is on it: "can you send me his call list?", "tell me her balance", "what he's been spending"
_ASKS_FOR_IT = re.compile(r"\b(?:tell|send|give|show|email|e-mail|text|read)\s+me\s+(?:his|her|their|what|how\s+much|who|"
                          r"the\s+(?:numbers?|balance|transactions|statements?|call\s+list))\b|\bwhat\s+(?:he|she|they)(?:['’]s|"
                          r"\s+has|\s+have|['’]ve)?\s+(?:been\s+)?(?:spending|spent|texting|calling|doing|bought)\b|"
                          r"\bwhat\s+(?:has|have|did)\s+(?:he|she|they)\s+(?:been\s+)?(?:spending|spent|spend|texting|calling|"
                          r"doing|bought|buy)\b|"
                          r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:call\s+(?:list|log|records?|history)|balance|transactions|"
                          r"statements?|usage|spending)\b", re.I)
# ... so a sentence that reads their usage off the account is theirs: "I can see 14 texts to 07700 900877", "he spent
# £412 at Currys", "I've emailed the itemised call list" (not a step: "she can call us on 0345 ...")
_DETAILS = re.compile(r"(?:" + _OTHERS.pattern + r")|"
                      r"\b(?:I|we)\s+can\s+see\b(?![^.!?]*\byour\s+(?:own\s+)?(?:balance|account|card|payments?|transactions?|"
                      r"statements?|bill)\b)[^.!?]*\b(?:texts|calls|transactions|payments|spent|"
                      r"spending|balance|usage|withdrawals|purchases)\b|"
                      r"\b(?:he|she|they)(?:['’]s|['’]ve|\s+has|\s+had|\s+have)?\s+(?:been\s+)?(?:spent|spending|texted|texting|"
                      r"called|calling|rang|owes|withdrew|transferred)\b[^.!?]*\d|"
                      r"(?:I|we)(?:['’]ve|\s+have|['’]ll|\s+will)?\s+(?:just\s+)?(?:emailed|e-mailed|sent|texted|posted|forwarded|"
                      r"send|email|text|post|forward)\s+(?:you\s+)?(?:the|his|her|their)\s+(?:\w+\s+)?(?:call\s+(?:list|log|"
                      r"records?|history)|statements?|usage|transactions|bills?)\b(?=[^.!?]*\b(?:to\s+you(?:r)?\b(?!\s+\w+['’]s)|"
                      r"for\s+you\b))", re.I)
# "Never disclose engineers' names or personal phone numbers": "The engineer was Craig Dawson, you can reach him on
# 07700 900312" (a person's number; not the company's own helpline)
_NUMBERS_NAMED = re.compile(r"\b(?:personal|direct|private|mobile|home|staff|engineers?['’]?|employees?['’]?)\s+"
                            r"(?:phone\s+|mobile\s+|contact\s+)?numbers?\b|"
                            r"\b(?:phone|mobile|contact)\s+numbers?\s+of\s+(?:staff|engineers|employees)\b", re.I)
_NUMBER_GIVEN = re.compile(r"\b(?:him|her|them|engineer|technician|driver|colleague|(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+))\b"
                           r"(?:(?!\b(?:our|the)\s+(?:(?:main|depot|switchboard|freephone|help\s?line)|"
                           r"(?:office|customer\s+services?)\s+(?:number|line|phone))\b)[^.!?])"
                           r"{0,60}?(?<![\w-])(?:\+?\d{1,3}[\s-]?)?(?:\d[\s-]?){9,12}\d(?![\w-])", re.I)  # (not "our
# main line, 0800 123 456", "the depot number")
# "Do not disclose which email address is linked to an account": "Your account is registered to l.moreno@outlook.com"
_EMAIL_NAMED = re.compile(r"\be-?mail\s+address", re.I)
_EMAIL_GIVEN = re.compile(r"\b(?:registered|linked|associated|set\s+up|signed\s+up)\s+(?:to|with)\s+[\w.+-]+@[\w-]+\.\w", re.I)
# "Results may only be discussed with the patient": what anyone else hears of them is held back, as other people's affairs
_ONLY_THEM = "anyone other than the patient"
_ONLY_WITH = re.compile(r"^\s*[\w\s'’-]+?\s+(?:may|can|must|should|are\s+to)\s+only\s+be\s+(?:discussed|shared|disclosed|given|"
                        r"released|talked\s+about)\s+with\s+(?:the\s+)?(?:patient|account\s+holder|policy\s?holder|"
                        r"cardholder|member)s?\b", re.I)
# "Never share test results or any patient information by email": a sentence that sends them by email
_BY_CHANNEL_NAMED = re.compile(r"\b(?:by|via|over|through)\s+(?:e-?mail|text|sms)\b", re.I)  # (what _SENT_BY reads)
_RECORDS_NAMED = re.compile(r"\b(?:results?|records?|(?:patient|medical|health)\s+information|notes|reports?)\b", re.I)
_SENT_BY = re.compile(r"\b(?:e-?mail|text)(?:ed|ing)?\s+(?:you\s+|it\s+)?(?:the\s+|your\s+|his\s+|her\s+|their\s+)?"
                      r"(?:full\s+|test\s+|blood\s+)?(?:results?|reports?|records?|notes)\b(?!\s+(?:team|department|desk|office))|"
                      r"\b(?:send|sending|forward|forwarding)\s+(?:you\s+)?(?:the\s+|your\s+|his\s+|her\s+)?(?:full\s+|test\s+)?"
                      r"(?:results?|reports?|records?|notes)\b[^.!?]{0,40}\b(?:e-?mail|@)", re.I)
# "Do not share root-cause details until the incident report is published": "Root cause: an engineer pushed ..."
_CAUSE_NAMED = re.compile(r"\broot[\s-]?causes?\b|\bcauses?\s+of\s+(?:the\s+|an\s+|any\s+)?(?:outages?|incidents?|"
                          r"failures?|faults?|breach(?:es)?|downtime)\b", re.I)
_CAUSE = re.compile(r"\broot[\s-]?cause\s*(?::|was\b|is\b)(?![^.!?]{0,40}\b(?:still|currently|being|under|unclear|unknown|not|"
                    r"yet|investigat\w*|confirm\w*)\b)(?=[^.!?]{0,80}\b(?:\w+ed|by|because|broke|went|took)\b)"
                    r"(?=[^.!?]*\b(?:outage|incident|down|offline|disruption|cluster|servers?|network|production|data\s*cent(?:re|er)|"
                    r"migration|deploy\w*|release)\b)|"
                    r"\b(?:the\s+)?(?:outage|incident|downtime|disruption|breach)\s+(?:was|were|is)\s+(?:caused|"
                    r"triggered)\s+by\b", re.I)
# "Agents cannot confirm whether a claim is covered": "Good news, that's fully covered under your policy"
_COVER_NAMED = re.compile(r"\b(?:whether|if)\s+(?:a|the|any|their|your)\s+(?:claim|loss|damage|repair|item|treatment)s?\s+"
                          r"(?:is|are|will\s+be)\s+covered\b|\bconfirm\s+cover(?:age)?\b", re.I)
_COVER_SAID = re.compile(r"(?<!whether\s)(?<!\bif\s)\b(?:that|it|this|you|(?:the|your)\s+(?:\w+\s+)?(?:claim|damage|repair|"
                         r"loss|theft|treatment|leak|flood|fire|break-?in))(?:['’]s|\s+is|\s+are|['’]re|"
                         r"\s+will\s+be|['’]ll\s+be)\s+(?:fully|definitely|100%|completely|totally)\s+covered\b"
                         r"(?!\s+for\s+(?:the\s+)?(?:courier|postage|delivery|hire|call-?out))"
                         r"(?![^.!?]*\b(?:once|if|when)\b)", re.I)
_LEGAL_NAMED = re.compile(r"\blegal\b|\blawsuits?\b|\blitigation\b", re.I)
_LEGAL = re.compile(r"\b(?:lawsuits?|litigation|class\s+action|legal\s+(?:action|case|proceedings|claim|team|department)|"
                    r"court\s+(?:case|action|proceedings|hearing)|lawyers?|solicitors?|suing|sued|"
                    r"settle[sd]?\s+(?:the|this)\s+(?:case|claim|action))\b", re.I)
# "Do not discuss the reasons for a credit decision": a sentence that gives one ("it was declined because your score ...")
_REASONS_NAMED = re.compile(r"\breasons?\b[^;.]*\b(?:decision|declin\w*|refus\w*|reject\w*)\b", re.I)
_REASONS = re.compile(r"\b(?:declined|rejected|refused|turned\s+down|not\s+approved|unsuccessful)\b[^.!?]{0,40}"
                      r"\b(?:because|due\s+to|as\s+a\s+result\s+of|owing\s+to)\b|\b(?:because|due\s+to)\b[^.!?]{0,40}"
                      r"\b(?:credit\s+(?:score|history|file|rating)|late\s+payments?|missed\s+payments?|affordability)\b"
                      r"(?=[^.!?]*\b(?:declined|rejected|refused|turned\s+down|not\s+approved|unsuccessful)\b)", re.I)
_DECLINES = re.compile(r"\b(?:can['’]t|cannot|can\s+not|unable\s+to|not\s+able\s+to|won['’]t|don['’]t|do\s+not|never)\s+"
                       r"(?:discuss|comment|talk|share|go\s+into|say|e-?mail|send|text|give\s+out|release)\b", re.I)


# a figure: money, a percentage or a span of time (not an order number or a date)
_FIGURE = re.compile(rf"[{CURRENCY}]\s?\d|\d(?:[\d.,]*\d)?\s?%|\b\d+(?:\s*[-–]\s*\d+)?\s*(?:working\s+|business\s+)?"
                     r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b|\b(?:same|next)[- ]day\b", re.I)
_FIGURE_WORDS = frozenset(stem(w) for w in "amount amounts figure figures price prices rate rates number numbers sum sums "
                           "cost costs fee fees time times customer customers publicly".split())  # (and whom to)
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
_WITHHELD = re.compile(HOLDS_BACK + r"(?:quote|disclose|reveal|share|give\s+out|state|promise|offer|guarantee)\s+"
                       r"(?P<what>[^;.,]+)", re.I)


#: Detector kinds whose words come from the team (the policy), not from the English rulebook.
_ANY_LANGUAGE = frozenset({"policy"})

_DETECTORS: dict[str, Callable[[Rule, _Context], Iterator[Span]]] = {
    "commitment": _commitment,
    "apology": _apology,
    "phrases": _phrases,
    "parroting": _parroting,
    "next-step": _next_step,
    "acknowledgement": _acknowledgement,
    "thanks": _thanks,
    "policy": _policy,
}
