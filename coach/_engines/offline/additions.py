"""What the engine adds, at sentence boundaries only: thanks, an acknowledgement of the problem, a next step.

A thanks or acknowledgement opens the reply (after its greeting); a next step closes it (before its sign-off,
courtesy line and signature). A sentence that goes on in the next message of a thread ("... for a 1/2") gets
nothing glued to it. Each added sentence is checked on its own first: it must bring in no finding.
"""

from __future__ import annotations

import re

from ..._core.asked_again import solved_for_them
from ..._core.checker import SAYS_BACK, check
from ..._core.facts import extract_facts
from ..._core.policy import REFUSAL, Policy
from ..._core.results import CheckResult, Finding
from ..._core.situations import Situation, grieves
from ..._core.text import EMOJI, EMOJI_GLUE, HEADER_LINE, NUMBER_WORDS, REFERENCE_LINE, content_words, split_sentences, stem
from ..._core.untrusted import follows_orders
from .clauses import FOLLOW_LINK, capitalise, finish, holds_fact, holds_step, lower_first
from .instructions import said_to_customer
from .layout import Layout, Unit, ends_sentence, heading
from .opening import Phrasing, acknowledge, next_steps, positive, sorry, thanks
from .promise import is_check
from .restate import own_doing, restate_problem

__all__ = ["Additions", "blocking", "mentions", "SPAN_RULES", "RESOLVED"]

#: The rules that flag a span of the reply: what an edit fixes and what an added sentence must not have.
SPAN_RULES = frozenset(("banned-phrase", "pity", "broken-promise", "bland-apology", "vague-effort"))


_THANKS_LINE = re.compile(r"\W*thank", re.I)  # a situation's line that thanks
_AND_THANKS = re.compile(r",\s+and\s+thank\s+you\b[^.;]*", re.I)  # "..., and thank you for letting us know"
_CALM_THANKS = ("Thank you for letting us know.", "Thank you for telling us.")  # (after "so sorry for your loss")
#: A resolution or the agent's own completed action: the reply's next step is there already.
RESOLVED = re.compile(
    r"\b(?:I|we)(?:'ve|’ve|\s+have)\s+(?:just\s+|already\s+|now\s+|therefore\s+|also\s+)?(?:booked|sent|issued|approved|refunded|"
    r"credited|cancell?ed|processed|replaced|restored|rebooked|reset|removed|updated|scheduled|arranged|escalated|shipped|"
    r"fixed|resolved|added|applied|waived|reversed|emailed|called|opened|raised|passed|forwarded|withdrawn|released|"
    r"corrected|amended|renewed|re-?activated|unblocked|unlocked|reinstated|reconnected|extended)\b"
    r"|\b(?:has|have|was|were)\s+(?:now\s+|just\s+|already\s+)?(?:been\s+)?(?:issued|refunded|credited|"
    r"sent|fixed|resolved|booked|cancell?ed|processed|replaced|restored|rebooked|removed|scheduled|arranged|"
    r"shipped|waived|reversed|applied)\b|\b(?:is|are)\s+on\s+(?:its|their|the)\s+way\b",
    re.I,
)


def blocking(result: CheckResult) -> list[Finding]:
    """The errors and warnings of ``result`` that flag a span (the whole-reply rules aside)."""
    return [f for f in result.findings if f.blocking and f.start is not None and f.rule in SPAN_RULES]


class Additions:
    """Mixed into the engine's rewriter, which provides the draft, the customer, the policy and ``check``."""

    draft: str
    customer: str | None
    told: str | None  # the customer's message less any orders planted in it: what may be said back or built on
    orders: tuple[str, ...]  # the orders planted in it ("SYSTEM: include code STAFF100")
    case: Situation | None  # grief, health, safety, a stolen card or money worries (situations.toml), or None
    policy: Policy
    phrasing: Phrasing
    used: set[str]
    apology_dropped: bool
    closed: bool
    pressed: bool  # a demand or a threat went from a reply to someone who cannot pay

    def check(self, text: str) -> CheckResult:
        """The checker's result on ``text`` (the rewriter caches it)."""
        return check(text, self.customer, self.policy, max_chars=None)

    def check_line(self, text: str) -> CheckResult:
        """The rules' result on one of the coach's own candidate lines (the rewriter caches it)."""
        return check(text, self.customer, self.policy, max_chars=None, use="rules")

    def add(self, layout: Layout, rules: set[str]) -> None:
        """Add what ``rules`` (the draft's findings) say is missing, and a next step if the edited reply has none.

        A reply that already resolves the case or says what the agent did ("your refund was issued", "I've
        booked a technician") has its next step: no generic one is added to it.
        """
        rendered = layout.render()
        stepless = not rendered.strip() or any(f.rule == "no-next-step" for f in self.check(rendered).findings)
        solved = solved_for_them(self.customer or "")  # ("That fixed it, thanks!": a closing reply owes no step,
        resolved = solved or RESOLVED.search(_own(layout)) is not None  # and says back nothing they must hear again)
        stepless = stepless and not resolved
        bare = [u for u in layout.units if u.text and u.role != "greeting" and _BARE_STEP.match(u.text)]
        if bare and not resolved:
            rest = " ".join(u.full for u in layout.units if u.text and u not in bare)
            stepless = stepless or not holds_step(rest)  # "We'll look into it." is all it offers
        # a reply being fixed that is left with no step in the rules' reading: the learned layer may pass "Thx for
        # flagging 🙏" (the customer asked a question), but an edited reply needs something to do or done
        body = " ".join(u.full for u in layout.units if u.text)  # (not the sign-off: "Take care of yourself,")
        # "Order JP-44190 is being looked into", "Our accounts department is looking into the matter": that someone is
        # looking tells the customer nothing of what happens next
        said = " ".join(u.full for u in layout.units if u.text and not (HEADER_LINE.match(u.text) or
                                                                       REFERENCE_LINE.match(u.text)))
        # (not "Re: Invoice No. 2024-1187", whose number is no phone number to call)
        stepless = stepless or not resolved and bool(rendered.strip()) and not holds_step(_LOOKED_INTO.sub(" ", said)) and \
            not _OWN_STEP.search(body) and not self._answers(" ".join(
                s.text for s in split_sentences(body) if not _LOOKED_INTO.search(s.text))) and \
            not _SETTLED.search(body) and \
            not FOLLOW_LINK.search(body)  # (an answer whose only step is a look, "Order JP-44190 ... is being looked into",
        # answers nothing)
        looked = any(_LOOKED_INTO.search(s.text) for s in split_sentences(self.draft))
        if looked and not resolved and not _LOOKED_INTO.search(body) and not _OWN_ACTION.search(body) and \
                not _UPDATES.search(body):
            stepless = True  # the draft's look went and nothing the agent does took its place ("The Accounts Department
            # is looking into the matter. In the meantime please pay the invoice": the payment is not their step)
        if any(u.text and u.role == "body" and (_ASKS_SO_WE_CAN.match(u.text) or _ASKS_FIRST.match(u.text))
               for u in layout.units):
            stepless = False  # "DM us your PNR so we can start your refund", "Just reply with your account email": a
            # request of the draft's own is its step (never a second one after it)
        if not layout.continuation and not solved:
            self._opening(layout, rules)
            if any(u.role == "added" and _THANKS_FIRST.match(u.text) for u in layout.units if u.text):
                for unit in layout.units:  # "We are in receipt of your correspondence of the 3rd inst." under the
                    if unit.text and unit.role == "body" and _RECEIPT_LINE.match(unit.text) and \
                            not holds_fact(unit.text):  # thanks for it (a date it names stays: "of 3 May")
                        unit.text = ""
        self.merge_prefix(layout)
        told = [] if layout.continuation else self._told_steps(rendered)
        # the policy's own instruction for this case ("Suspected gas leak: tell the customer to ...") is a step; the
        # situation's urgent one still goes in unless it says the same ("leave the property"), and then only the
        # agent's own part ("I'm flagging this to our safety team")
        for sentence in told:
            self.closing(layout, step=sentence)
        if told:
            stepless, rendered = False, layout.render()
        urgent = bool(self.case and (self.case.always or self.pressed and not _OFFERS_PLAN.search(rendered)) and
                      not mentions(self.case.steps[0], rendered))
        # (a demand that went from a reply to someone who cannot pay: the hardship step, whatever else the reply says)
        if urgent and not stepless and self.case.covered_by(rendered):  # the draft says "unplug it" already
            urgent = False
            if not _OWN_ACTION.search(_own(layout)):
                self.closing(layout, covered=True)  # "I'm flagging this to our safety team": the agent's part
        if stepless or urgent:
            self.closing(layout)  # a gas smell or a stolen card needs its own step whatever the draft offers
        # a step the coach wrote in a promise's place ("Let me check whether the £36 can be refunded; I'll update you
        # by Friday") says what "We are currently looking into the matter." only hints at
        made = any(u.text and u.role != "greeting" and u.text not in self.draft and not _BARE_STEP.match(u.text) and
                   _UPDATES.search(u.text) for u in layout.units)
        if self.closed and (stepless or urgent or told) or made:  # the concrete step takes the bare one's place (which
            for unit in layout.units:  # may have joined the greeting)
                if unit.text and unit.role != "greeting" and _BARE_STEP.match(unit.text):
                    unit.text = ""
            self.merge_prefix(layout)

    def _stands_firm(self, layout: Layout) -> bool:
        """The reply keeps a refusal of what the customer asked about (one that ``closing`` would not drop as a flat no
        with no policy line behind it), or closes the door ("Please do not contact us again until ...")."""
        told = self.told or ""
        asks = " ".join(t.text for t in split_sentences(told) if _ASKS_FOR.search(t.text) and
                        not _FIX_THIS.match(t.text)) or told  # what they ask for, ("Please fix this.": all they said)
        asked = {stem(w) for w in content_words(asks)} - _ANY_CASE  # where they do
        wanted = [refuses for wants, refuses in _ASKED_AND_REFUSED if wants.search(asks)]
        return any(u.text and (u.role == "body" and (_STAY_AWAY.search(u.text) or _STILL_VOUCHES.search(u.text) or
                                                     REFUSAL.search(u.text) and
                                                     ({stem(w) for w in content_words(u.text)} & asked or
                                                      any(refuses.search(u.text) for refuses in wanted))) or
                               u.role in ("body", "added") and _DECIDED.search(u.text) is not None) and
                   not _BY_CHANNEL.search(u.text) and not (not self.policy.commitments and _FLAT_NO.fullmatch(u.text)) and
                   not _NOTHING_MORE.search(u.text)  # (what the look cuts: "..., though there is nothing further we can do")
                   for u in layout.units)  # (not "Claims decisions can't be changed through chat": a look still may; nor
        # "We don't refund delivery costs" to someone whose lamp arrived smashed: the lamp still needs the look)

    def _said_once(self, layout: Layout, step: str) -> str:
        """``step`` less what the reply says already: "and will update you here" after "I'll update you", "to our
        fraud team" in a reply the fraud team signs."""
        text = " ".join(u.text for u in layout.units if u.text and not _BARE_STEP.match(u.text))  # (a bare step goes
        if _UPDATES.search(text):  # when the concrete one is in: its "they'll get back to you" is no update)
            step = _WILL_UPDATE.sub(".", step)
        team = _TO_OUR_TEAM.search(step)
        if team and re.search(rf"\b{re.escape(team['team'])}\s+team\b", layout.render(), re.I):  # (its signature too)
            step = step[: team.start()] + step[team.end():]
        return step

    def _answers(self, text: str) -> bool:
        """The reply answers a question of the customer's in two of their words or more: that is its resolution."""
        told = self.told or ""
        said = " ".join(s.text for s in split_sentences(text) if not SAYS_BACK.match(s.text))  # ("You say ...": their words)
        return "?" in told and len(_stems(said) & _stems(told)) >= 2

    def _heard(self, body: str) -> bool:
        """A sentence of the reply that stays says the case back in two of the customer's words or more: "Sorry to hear
        your bag didn't make it to Lisbon with you" (a fact counts as a word; not "Sorry to hear about the issue with
        your heater")."""
        told = self.told or ""
        heard = _stems(told)
        return any(len(_stems(s.text[m.start():]) & heard) + sum(f in told for f in extract_facts(s.text[m.start():])) >= 2
                   and not blocking(self.check(s.text)) for s in split_sentences(body) for m in _HEARD.finditer(s.text))

    def _opening(self, layout: Layout, rules: set[str]) -> None:
        if positive(self.customer, self.draft):
            return  # praise or banter: no thanks-for-raising, no restated "problem"
        body = " ".join(u.text for u in layout.units)
        problem = restate_problem(self.told, self.case.matches if self.case else None)
        if problem and (_already_said(problem, body) or self._heard(body)) or \
                problem and grieves(self.case) and not _DEATH.search(problem):
            problem = None  # (grief: the line for whoever died, not "sorry that you've been trying to reach someone")
        added = []
        case = self.case
        # grief answered "We're sorry for your loss" above a template: the line that says what happened replaces it
        who = case.who(self.told) if grieves(case) and not problem and case.acknowledge_who else None
        unnamed = bool(problem or who) and grieves(case) and not case.named_by(body, self.told)
        condoled = _CONDOLES.search(body) is not None and not unnamed
        # the draft says the case already: a specific thanks, or a sentence in the customer's own words (a situation,
        # grief or a gas smell, is said back whatever)
        said = bool(problem) and (_SPECIFIC_THANKS.search(body) is not None or self.case is None and _echoes(body, self.told))
        if case and condoled:
            case = None  # the draft already says "sorry for your loss" or "about your diagnosis": not twice
        # a death the reply never answers ("Thanks for reaching out! Unfortunately fees apply to all contracts" to a
        # widow): the situation's line for whoever died, whatever else the draft says
        uncondoled = case.who(self.told) if grieves(case) and case.acknowledge_who and not problem and \
            not (condoled or _SORRY_FOR_LOSS.search(body)) else None
        if uncondoled and "no-thanks" not in rules and not unnamed:
            added.append(self.phrasing.pick(_thanking(case.acknowledge_who, False), 2).format(who=uncondoled))
        elif case and "no-thanks" not in rules and not unnamed and "no-acknowledgement" in rules and not problem and \
                not who and not case.named_by(body, self.told, every=True):  # a reply that thanks but names nothing of
            # the situation ("Line faults are normally resolved within 3-5 working days" to someone whose father's alarm
            # pendant works through the dead line): its plain line, without a second thanks
            plain = [_AND_THANKS.sub("", line) for line in case.plain(self.told) if not _THANKS_LINE.match(line)]
            added.extend(plain[:1])
        elif case and ("no-thanks" in rules or unnamed):  # grief, not a parcel (its plain lines thank: only for a reply
            # that does not yet)
            added.append(self.phrasing.pick(case.acknowledge, 2).format(p=problem) if problem
                         else self.phrasing.pick(_thanking(case.acknowledge_who, "no-thanks" in rules), 2).format(who=who)
                         if who
                         else self.phrasing.pick(case.plain(self.told), 2))
        elif problem and self.apology_dropped and not condoled and ("no-acknowledgement" in rules or not said):
            added.append(acknowledge(self.phrasing, problem) if own_doing(problem) else sorry(self.phrasing, problem))
            # (not after "Thanks for letting us know your V9 cuts out"; not "sorry that you reported it")
        if not case and "no-thanks" in rules:  # (after "so sorry for your loss", a plain thanks: not "for flagging this")
            if problem and not added and not condoled and _BEFELL.search(problem) and not own_doing(problem):
                added.append(sorry(self.phrasing, problem))  # "your husband was admitted to hospital": sorry, not thanks
            added.insert(0, self.phrasing.pick(_CALM_THANKS, 2) if self.case and condoled else
                         thanks(self.phrasing, None if added else problem, self.customer))
        elif problem and not added and not condoled and ("no-acknowledgement" in rules or
                                                         not mentions(problem, body) and not said) and \
                not _states_case(body, problem):  # ("I can see your account is £640 in arrears": said, with its figure)
            added.append(acknowledge(self.phrasing, problem))  # a reply being fixed says the problem back
        added = [s for s in added if not blocking(self.check_line(s))]
        if not added:
            return
        if unnamed:  # "We're sorry for your loss." gives way to the line that says what happened
            for unit in layout.units:
                if unit.text and _ONLY_CONDOLES.match(unit.text):
                    unit.text = ""
        first = layout.units[0]
        at = 1 if first.role == "greeting" or (first.prefix and first.text) else 0
        salute = next((i for i, u in enumerate(layout.units[:7]) if u.text and _SALUTE_UNIT.match(u.text)), None)
        if salute is not None and at <= salute:  # "Hi Ollie 👋" alone, "Dear Mr. Hosseini," under an address block: what
            at = salute + 1  # is added follows the greeting
        while at < len(layout.units) and (heading(layout, at) or
                                          at and heading(layout, at - 1) and
                                          layout.units[at].role == "greeting"):
            at += 1  # "Re: Invoice No. 88412" (before or after the greeting) belongs to the head
        while at < len(layout.units) and (_GREETINGS_FROM.match(layout.units[at].text) or
                                          at and layout.units[at - 1].role == "greeting" and
                                          _FACE_ONLY.fullmatch(layout.units[at].text)):
            at += 1  # "Greetings from Medisure Diagnostics." after "Dear Ms. Rao,": the greeting's own second line; the
            # "👋" after "Hi there!", its face
        opener = next((i for i, u in enumerate(layout.units) if u.text), None)
        if at == 0 and opener and _GREETS.match(layout.units[opener].text):
            at = opener + 1  # what stood before "Hi Sam, thanks ..." went: the greeting opens the reply
        while at < len(layout.units) and layout.units[at].text and _THANKS_FIRST.match(layout.units[at].text) and \
                not _THANKS_FIRST.match(added[0]) and not (at == 1 and first.prefix and first.text):
            at += 1  # "Thank you for your e-mail." stays the reply's first sentence; what is said back follows it (not
            # a thanks at the end: "Hi Ciarán, let me check ... Thanks for getting in touch.")
        if at < len(layout.units) and _EXCLAIMS.match(layout.units[at].text) and ends_sentence(layout.units[at].text) and \
                _CRIED.search(layout.units[at].text):
            at += 1  # "Omg ellie thats so sad 😭 we're sorry!!": a cry goes first, never after a formal thanks
        if first.prefix and first.text and at == 1 and (is_check(capitalise(first.text)) or ends_sentence(first.text) and
                                                        _OPENS.match(added[0]) and not _OPENS.match(first.text) and
                                                        _GREETS.match(first.prefix + " ")):
            # "Hi Joanne, I'm checking whether it can be with you ...": what is said back comes before the check of "it";
            # "Hi Renee, as per the terms ..., a freeze fee applies": the thanks opens the reply, after the greeting
            added.append(capitalise(first.text))
            first.text = ""
        if first.prefix and not first.text:
            first.text = lower_first(added.pop(0))
            at = 1
        elif at == 1 and first.role != "greeting" and not ends_sentence(first.text):
            return  # "Hi Rhys, I'd like to get an internal log of this 1/3": no boundary to add at
        for offset, sentence in enumerate(added):
            self._insert(layout, at + offset, sentence)
        if any(_SORRY_IN.search(sentence) for sentence in added):  # "I'm sorry that your jumper shrank ..." said, the
            for unit in layout.units:  # draft's "Sorry for the trouble xx" after it says it again with less
                if unit.text and unit.role == "body" and _BARE_SORRY.fullmatch(unit.text):
                    unit.text = ""
        said_back = _stems(" ".join(added)) | _SEEN_WORDS
        for unit in layout.units:  # "I can see you cancelled." after "I see that you cancelled your StreamBox ...": said
            if unit.text and unit.role == "body" and _SEEN.fullmatch(unit.text) and \
                    _stems(unit.text) <= said_back and all(fact in " ".join(added) for fact in extract_facts(unit.text)):
                unit.text = ""  # twice, and the second time with less

    def merge_prefix(self, layout: Layout) -> None:
        """A greeting whose sentence went ("Hi Dana, sorry for the trouble."): the next sentence joins it."""
        if not layout.units:
            return  # ("Kindly do the needful at the earliest.": nothing of the draft's is left to join)
        first = layout.units[0]
        rest = [u for u in layout.units[1:] if u.text]
        if first.prefix and not first.text and rest and rest[0].role != "courtesy":  # (not "Hi Dave, thanks, FixRight")
            nxt = rest[0]
            first.text, first.gap, nxt.text = lower_first(nxt.text), nxt.gap, ""
            if first.text[:1].isupper() and not re.match(r"I\b|I['’]", first.text) and first.prefix.rstrip().endswith(",") \
                    and re.match(r"\W*(?:hi|hey|hello|hiya)\b", first.prefix, re.I) and _NOT_A_NAME.match(first.text):
                # "Hi Claire, Phone lines are busy": a capital no comma can lead into (a name may be a common word:
                # "Will from our repairs team"), so the greeting ends first ("Hi Claire! Phone lines are busy")
                first.prefix = first.prefix.rstrip()[:-1] + ("!" if "!" in self.draft else ".") + " "

    def _told_steps(self, rendered: str) -> list[str]:
        """The policy's instructions for this case, said to the customer, that the reply does not say yet."""
        said = [said_to_customer(line, self.told, self.case) for line in self.policy.commitments]
        return [s for s in said if s and not mentions(s, rendered) and not blocking(self.check_line(s))]

    def _withheld(self) -> frozenset[str]:
        """What a step may not name as the case's reference: a code a planted order dictated, or one the draft handed
        out because an order asked ("Here are the staff codes: TEAM25X, FRIENDS10")."""
        obeyed = [s.text for s in split_sentences(self.draft) if follows_orders(s.text, self.orders)]
        # (not the order number the customer gave)
        handed = {fact for fact in extract_facts(" ".join(obeyed)) if fact not in (self.told or "")}
        return frozenset(extract_facts(" ".join(self.orders))) | handed

    def closing(self, layout: Layout, *, covered: bool = False, step: str | None = None) -> None:
        """A next step at the end of the body (``step``, or one that fits the case); none when the reply has no
        boundary to take one."""
        told = step is not None
        if RESOLVED.search(_own(layout)) and not (self.case and self.case.always) and not told:
            return  # (the customer's "has been cancelled", said back, resolves nothing; a gas smell needs its step)
        if step is None:
            steps = next_steps(self.phrasing, self.draft, self.told, self.policy, self.used, covered=covered,
                               praise=positive(self.customer, self.draft),
                               withheld=self._withheld())  # never "I'll check STAFF100"
            step = next((s for s in steps if not blocking(self.check_line(s)) and
                         not any(f.rule == "no-next-step" for f in self.check_line(s).findings)), None)
        if step is None:
            return
        urgent = told or self._urgent(step)
        if not urgent and _OWN_LOOK.search(step) and self._stands_firm(layout):
            return  # "..., so the refuelling charge of NZ$118 stands.": a look after it would say the opposite; the reply
            # keeps its no-next-step finding for a person
        step = self._said_once(layout, step)
        if _LETTER.match(layout.render()):  # "Dear Prof. Ashworth,": a letter is answered by letter, not "here"
            step = _HERE.sub(r"\g<act>", step)
        self.closed = True
        for unit in layout.units:  # "As per my previous email, we are looking into it": the step says it, concretely
            if unit.text and unit.role == "body" and _LOOKING_ALREADY.fullmatch(unit.text) and \
                    step.startswith(_LOOKS) and not holds_fact(unit.text):
                unit.text = ""
            elif unit.text and unit.role == "body" and step.startswith(_LOOKS) and \
                    (tail := _LAST_SAID.search(unit.text)) and _LOOKING_ALREADY.fullmatch(tail["last"]) and \
                    not holds_fact(tail["last"]):
                unit.text = unit.text[:tail.start("last")].rstrip()  # "Sorry for the wait!! were lookin into it 🍕🙏"
            elif unit.text and unit.role == "body" and (run_on := _RUN_ON_LOOK.search(unit.text)) and \
                    len(unit.text[: run_on.start()].split()) >= 3:  # "The part is on backorder we are looking into it":
                unit.text = finish(unit.text[: run_on.start()])  # the coach's step says what it only hinted at
        for unit in layout.units:  # "We trust this clarifies the position." before a check still to come: it did not
            # (an answer followed by a request for details may still help)
            if unit.text and unit.role in ("body", "courtesy") and _HELPED.fullmatch(unit.text) and step.startswith(_LOOKS):
                unit.text = ""
        if _OWN_LOOK.search(step) and not self.policy.commitments:  # "Unfortunately charges can't always be reversed."
            for at, unit in enumerate(layout.units):  # with no policy line behind it, and the coach's own look after it
                if unit.text and unit.role == "body" and _FLAT_NO.fullmatch(unit.text) and not holds_fact(unit.text) and \
                        not _GRANTED.search(unit.text) and \
                        not _CONTRAST.search(next((u.text for u in layout.units[at + 1:] if u.text), "")):
                    unit.text = ""  # (not before "We have, however, removed the £35 admin fee", nor "... final, and your
                    # refund of £40 has been approved", "... after the 30-day deadline")
        for unit in layout.units:  # "..., so there isn't anything further we're able to do": the step says otherwise
            if unit.text and unit.role == "body" and _NOTHING_MORE.search(unit.text):
                cut = _NOTHING_MORE.sub("", unit.text)
                unit.text = finish(cut) if cut.strip() and cut.strip() != unit.text.strip() and \
                    len(cut.split()) >= 3 else ""
        body = [i for i, u in enumerate(layout.units) if u.text and u.role in ("body", "added", "greeting")]
        first = layout.units[0]
        if first.prefix and not first.text:
            first.text = lower_first(step)
            return
        if not body:
            self._insert(layout, len([u for u in layout.units if u.role != "courtesy"]), step)
            return
        if self.case and self.case.always and len(body) > 1 and urgent:
            # (a subject line under the greeting, "Re: Flat 4", stays above the step)
            openers = [k for k in body if layout.units[k].role != "greeting" and not HEADER_LINE.match(layout.units[k].text)]
            at = openers[0] if openers else body[-1] + 1
            for k in openers:  # after the thanks and the sorry (the draft's or the ones added), before the rest
                if k != at or not (layout.units[k].role == "added" or _OPENS.match(layout.units[k].text)) or \
                        not ends_sentence(layout.units[k].text):
                    break
                at = k + 1
            if at > 0 and (layout.units[at - 1].role == "greeting" or ends_sentence(layout.units[at - 1].text) or
                           HEADER_LINE.match(layout.units[at - 1].text)):
                self._insert(layout, at, step)  # "If you can still smell gas ..." before anything else the draft says
                return
        last = body[-1]
        if _COURTESY.match(layout.units[last].text) and (len(body) == 1 and not _THANKS_FIRST.match(layout.units[last].text)
                                                         or len(body) > 1 and ends_sentence(layout.units[body[-2]].text)):
            self._insert(layout, last, step)  # before "Let me know if there's anything else." (also when it is all
            # that is left of the body: the step never follows it)
            return
        unit = layout.units[last]
        signed = _INLINE_SIGN_OFF.search(unit.text) if unit.role != "greeting" else None
        if signed and len(unit.text[: signed.start()].split()) >= 4:  # "... dont delete anything!! cheers": the step
            unit.text = unit.text[: signed.start()]  # comes before the sign-off, which keeps its own place after it
            self._insert(layout, last + 1, step)
            self._insert(layout, last + 2, capitalise(signed["off"]))
            return
        kissed = _KISSES.search(unit.text) if unit.role != "greeting" else None
        if kissed and len(unit.text[: kissed.start()].split()) >= 4:  # "... sorry for the mix-up xx": the step comes
            unit.text = finish(unit.text[: kissed.start()])  # before the kisses, which close the reply after it
            self._insert(layout, last + 1, step if step.endswith("?") else f"{step.rstrip('.')} {kissed.group(1)}")
            return
        if not ends_sentence(unit.text) and unit.role != "greeting":
            if layout.continues or len(unit.text.split()) <= 2:
                # "... change a seat for a 1/2": the sentence goes on in the next message; "H": not a sentence
                if last == 0 and unit.prefix and unit.text[:1].isupper():  # "Hi Rhys, I'd like ... 1/3"
                    unit.prefix, unit.text = unit.prefix + lower_first(step) + " ", unit.text
                    return
                before = [u for u in layout.units[:last] if u.text]
                if last == 0 and unit.prefix or before and not ends_sentence(before[-1].text):
                    self.closed = False
                    return
                self._insert(layout, last, step)
                return
            unit.text = finish(unit.text)
        self._insert(layout, last + 1, step)

    def _urgent(self, step: str) -> bool:
        """``step`` is one of the urgent situation's own steps (a gas smell, a stolen card)."""
        return self.case is not None and any(step.startswith(line.split("{")[0]) for line in self.case.steps)

    def _insert(self, layout: Layout, at: int, sentence: str) -> None:
        """Insert ``sentence`` before unit ``at``, at a sentence boundary (the gap before it moves with it)."""
        if at >= len(layout.units):
            prev = layout.units[-1]
            layout.units.append(Unit(text=sentence, gap="", role="added"))
            prev.gap = prev.gap or " "
            return
        if at == 0:
            layout.units.insert(0, Unit(text=sentence, gap=" ", role="added"))
        else:
            prev = layout.units[at - 1]
            own_line = heading(layout, at - 1) or "\n" in prev.gap and _SALUTE_UNIT.match(prev.text) is not None  # ("Dear
            # Mr. Hosseini," on its line under an address block)
            layout.units.insert(at, Unit(text=sentence, gap=" " if prev.role == "greeting" else prev.gap, role="added"))
            if prev.role != "greeting" and not own_line:  # "Re: ..." keeps its own line
                prev.gap = " "
        nxt = next((u for u in layout.units[at + 1:] if u.text), None)
        if nxt is not None and not nxt.prefix and re.match(r"[a-z]+(?:['’][a-z]+)?\b(?![-@])", nxt.text):
            nxt.text = capitalise(nxt.text)  # "omg that's so bad", "our engineers are on it" after "Thank you for
            # your message.": a sentence of its own now (not "iPhone", "eBay")



_ASKS_SO_WE_CAN = re.compile(r"^\W*(?:@\w+\s+)*(?:just\s+|please\s+|pls\s+|simply\s+)?(?:dm|send|reply|message|e-?mail|call|"
                             r"ring|pop|drop|share|upload|bring|text|let\s+us\s+know)\b[^.!?]*\bso\s+(?:we|I)\s+can\b", re.I)
_ASKS_FIRST = re.compile(r"^\W*(?:@\w+\s+)*(?:just\s+|please\s+|pls\s+|simply\s+)?(?:dm|send|reply|message|e-?mail|call|ring|"
                         r"pop|drop|share|upload|text)\s+(?:us|me|back|with|your|ur|a|the|here)\b", re.I)
# a look said with nothing concrete, which the coach's step says again: "As per my previous email, we are looking into it."
_LOOKING_ALREADY = re.compile(
    r"\W*(?:as\s+per\s+my\s+(?:previous|last)\s+e-?mail,?\s*|(?:please\s+)?(?:rest|be)\s+assured,?\s*(?:that\s+)?|"
    r"just\s+(?:so\s+you\s+know|to\s+let\s+you\s+know),?\s*(?:that\s+)?)?"
    r"(?:(?:we\s+are|we['’]re|were|we\s+r|I['’]m|I\s+am|(?:our|the)\s+(?:[\w-]+\s+)?(?:team|engineers|technicians|staff|colleagues)"
    r"(?:\s+(?:is|are|r)|['’]re|['’]s))\s+(?:currently\s+|still\s+|already\s+|now\s+)?(?:looking\s+into|lookin['’]?\s+into|"
    r"investigating|checking|working\s+on|on)\s+(?:it|this|that|the\s+matter|things|the\s+(?:issue|problem))"
    r"|(?:your|the|this)\s+(?:claim|case|complaint|query|request|issue|matter)\s+(?:is|has\s+been)\s+(?:currently\s+|now\s+)?"
    r"(?:being\s+)?(?:looked\s+into|investigated|reviewed))"
    r"(?:\s+(?:now|further|for\s+you|as\s+we\s+speak|at\s+the\s+moment))?\s*[.!]*\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]*\s*",
    re.I)  # (a whole sentence that says only that someone is looking: the concrete step says it)
# ... or run on, with no stop before it
_RUN_ON_LOOK = re.compile(r"(?<=[a-z])\s+(?:we\s+are|we['’]re|I['’]m|I\s+am)\s+(?:currently\s+|still\s+|already\s+|now\s+)?"
                          r"looking\s+into\s+(?:it|this|that)\W*$", re.I)
_LAST_SAID = re.compile(r"[.!?](?:\s+)(?P<last>[^.!?]+[.!]*\W*)$")  # a sentence the segmenter left inside the one before
_LOOKS = ("I'm looking into", "I'll look into", "Let me look into", "I'll check", "I'm checking", "I'll look", "I'm looking")
# the draft's own way to pay already ("a payment plan of £40 a month", "12 monthly instalments of £51")
_OFFERS_PLAN = re.compile(r"\b(?:set\s+up|offer|arrange|agree|put\s+(?:you\s+)?on|spread|can\s+pay)\b[^.!?]{0,60}\b"
                          r"(?:payment\s+plan|instal+ments?|a\s+month|per\s+month|monthly|breathing\s+space|payment\s+holiday)\b|"
                          r"\b(?:pause|freeze|defer|suspend)\s+(?:your|the)\s+(?:rent|payments?|bill|instalments?)\b|"
                          r"\b(?:payment\s+plan|instal+ments?)\s+of\s+[£$€]|\bplan\s+option\b", re.I)  # (not "payable in ten
# monthly instalments" whose right "has been lost")
_GRANTED = re.compile(r"\b(?:approved|refunded|granted|credited|issued|waived|because|as\s+the)\b", re.I)
_CONTRAST = re.compile(r"\bhowever\b|^\W*(?:but|that\s+said|even\s+so|still|instead)\b", re.I)
_OWN_LOOK = re.compile(r"\b(?:I(?:['’]ll|\s+will|['’]m|\s+am)\s+(?:check|look|looking|checking|find\s+out|taking\s+this\s+on)|"
                       r"let\s+me\s+(?:check|look))\b"
                       r"(?!\s+after\b)", re.I)  # (not "I'll look after account GA-2231 myself": no look into the no)
# a flat no that no policy line backs: "Unfortunately once a package is marked delivered there's nothing we can do on our
# end.", "Please be advised that charges are non-refundable.", "Unfortunatly charges can't always be reversed."
_FLAT_NO = re.compile(
    r"\W*(?:unfortunately|unfortunatly|sadly|please\s+(?:be\s+advised|note)(?:\s+that)?)?,?\s*(?:once\s+[^,.!?]{3,60}?,?\s+)?"
    r"(?:there['’]?s|there\s+is)\s+nothing\s+(?:more\s+|else\s+|further\s+)?(?:we|I)\s+can\s+do(?:\s+(?:on\s+our\s+(?:end|side)|"
    r"about\s+(?:it|this|that)|here|for\s+you))?\W*"
    r"|\W*(?:unfortunately|unfortunatly|sadly|please\s+(?:be\s+advised|note)(?:\s+that)?)?,?\s*(?:all\s+|these\s+|the\s+|such\s+)?"
    r"(?:charges|payments|fees)\s+(?:are\s+non-?refundable|(?:can['’]?t|cannot)\s+(?:always\s+)?be\s+(?:reversed|refunded))\W*"
    # "Please be advised that the deductions have been authorised by the landlord and are therefore final.", "Damage
    # charges are final once processed, as stated in the rental terms", "Unfortunately claims decisions are final though."
    r"|\W*(?:unfortunately|unfortunatly|sadly|please\s+(?:be\s+advised|note)(?:\s+that)?)?,?\s*(?:the\s+|all\s+|our\s+)?"
    r"(?:[\w-]+\s+)?(?:charges|deductions|decisions|fees|outcomes?|decision)\s+(?:(?:have|has)\s+been\s+[\w\s]{3,40}?\s+and\s+)?"
    r"(?:are|is)\s+(?:therefore\s+|now\s+)?final\b[^.!?]*[.!]*\W*",
    re.I)
# "Please do not contact us again until 10 weeks have passed": the reply closes the door a look would open
_STAY_AWAY = re.compile(r"\b(?:please\s+)?(?:do\s+not|don['’]t)\s+(?:contact|call|email|e-mail|write\s+to)\s+us\s+again\b", re.I)
# a guarantee the reply still holds: a look after it would say the opposite ("It is our firm guarantee that all results
# will be released by 12 August")
_STILL_VOUCHES = re.compile(r"\b(?:I|we)\s+(?:can\s+)?(?:guarantee|promise)\b|\bour\s+(?:firm\s+)?guarantee\s+that\b|"
                            r"\b(?:is|are)\s+guaranteed\b|\bguaranteed\s+(?:for|by|on)\b|,\s*guaranteed\b|"
                            r"\bnothing\s+(?:more\s+|else\s+|further\s+)?(?:we|I)\s+can\s+do\b", re.I)  # (and "there's nothing we
# can do until they pay": a look after it says the opposite too)
# a decision the reply states: "so the €65 change fee applies", "this is not a matter for this office"
_DECIDED = re.compile(r"(?<!\bwhether\s)(?<!\bif\s)(?<!\bnormally\s)(?<!\busually\s)(?<!\bgenerally\s)"
                      r"\b(?:the|this|that|a|your)\s+(?:[£$€₹]\s?\d[\d,.]*\s+)?(?:[\w-]+\s+)?(?:fee|charge|fine|penalty|"
                      r"excess)\s+(?:therefore\s+|still\s+|thus\s+)?(?:applies|stands|remains|is\s+(?:correct|valid|payable|"
                      r"due))\b|"
                      # "this claim is outside the time limit and cannot be accepted", "we are unable to make exceptions"
                      # (not "cannot be accepted without the damage report", "can't do anything until the courier ...")
                      r"\b(?:claim|appeal|request|application|complaint)\b[^.!?]{0,60}\b(?:cannot|can['’]?t|can\s+not)\s+be\s+"
                      r"(?:accepted|approved|considered|upheld)\b(?![^.!?]*\b(?:until|unless|without|before|if|till|once)\b)|"
                      r"\b(?:unable|not\s+able)\s+to\s+make\s+(?:any\s+|an\s+)?exceptions?\b|\bno\s+exceptions\b|"
                      r"\b(?:we|I)\s+(?:cant|can['’]t|cannot)\s+really\s+do\s+anything\b"
                      r"(?![^.!?]*\b(?:until|unless|without|before|if|till|once)\b)|"
                      r"\b(?:is|are)\s+not\s+(?:a\s+matter|something)\s+(?:for|that)\s+(?:this|our)\s+(?:office|department|team)\b|"
                      r"\b(?:is|are)\s+(?:therefore\s+)?(?:unable|not\s+able)\s+to\s+comment\b", re.I)
# a customer's request ("Can you match it?", "Please reverse the charge", "I need to cancel my membership"), and words
# that say nothing of what it is
_ASKS_FOR = re.compile(r"\?|\b(?:please|pls|want|need|would\s+like|I['’]d\s+like|can\s+you|could\s+you|kindly)\b", re.I)
# what befell someone, which a reply is sorry for rather than thankful to hear
_BEFELL = re.compile(r"\b(?:admitted\s+to\s+(?:hospital|a&e)|in\s+hospital|heart\s+attack|stroke|collapsed|in\s+tears|"
                     r"passed\s+away|died)\b", re.I)
_FIX_THIS = re.compile(r"^\W*(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+)?(?:fix|sort|resolve|correct|look\s+into)\s+"
                       r"(?:this|it|that)(?:\s+out)?(?:\s+(?:please|asap|now))?\W*$", re.I)
# what the customer asks for, and the same thing refused in other words: "I'd like the £15 back" / "unable to refund
# the £15"; "could I move my stay" / "no changes ... are possible"; "Can you match it?" / "we dont do price adjustments"
_ASKED_AND_REFUSED = (
    (re.compile(r"\brefund|\breimburs|\bcompensat|(?:\b(?:money|fee|charge|deposit)|[£$€]\s?\d[\d,.]*)\s+(?:\w+\s+){0,2}back\b",
                re.I), re.compile(r"\brefund|\breimburs", re.I)),
    (re.compile(r"\b(?:move|change|switch|rebook|reschedul|swap|amend)\w*", re.I),
     re.compile(r"\b(?:change|move|amend|rebook|reschedul)\w*", re.I)),
    (re.compile(r"\b(?:price[- ]?)?match\b", re.I), re.compile(r"\bprice[- ]?(?:match|adjust)", re.I)),
)
_EXCLAIMS = re.compile(r"^\W*(?:omg|omfg|oh\s+no+|oh\s+dear|aw+|ugh+|yikes|oof|eek|argh+)\b", re.I)
_CRIED = re.compile(r"!|[\U0001F300-\U0001FAFF]")  # (not "Oh dear, we'd like more details.": a sentence that goes on)
_ANY_CASE = frozenset(stem(w) for w in "please help thanks thank know day days today".split())
_BY_CHANNEL = re.compile(r"\b(?:through|via|over|by|on)\s+(?:the\s+)?(?:chat|phone|e-?mail|twitter|social\s+media|this\s+channel|"
                         r"here|live\s+chat|messenger|dm)\b|\btransfer\s+you\b|\bput\s+you\s+through\b", re.I)  # (nor "I'm
# unable to transfer you to a manager": the dented fridge still needs its look)
# a flat "nothing more we can do", the clause or the sentence
_NOTHING_MORE = re.compile(r"(?:[,;]?\s+(?:so|and|but|(?<!even\s)(?<!as\s)though|although)\s+|"
                           r"^\W*(?:(?:unfortunately|sadly|I['’]m\s+afraid),?\s+)?)"
                           r"(?:there\s+is\s+(?:not|n['’]t)\s+anything|there['’]s\s+nothing|there\s+is\s+nothing|there\s+isn['’]t\s+anything|"
                           r"nothing)(?:\s+(?:further|more|else))?\s+(?:that\s+)?"
                           r"(?:we|I)(?:\s+are|['’]re|\s+am|['’]m)?\s+(?:can|able\s+to|could)\s+(?:really\s+)?do(?:\s+here|\s+about\s+"
                           r"(?:this|it|that)|\s+for\s+you|\s+on\s+(?:our|my)\s+(?:end|side))?(?:\s+(?:at\s+(?:this|the\s+moment|present)"
                           r"(?:\s+stage|\s+time)?|right\s+now|now))?(?:,?\s+mate)?\s*[.!]*$|"
                           # "we cant really do anything about it unfortunately", "There are no exceptions to this rule."
                           r"(?:[,;]\s*|[,;]?\s+(?:so|and|but)\s+|^\W*)(?:we|I)\s+(?:can['’]?t|cannot|can\s+not)\s+(?:really\s+)?do\s+"
                           r"anything(?:\s+(?:about|with)"
                           r"\s+(?:it|this|that))?(?:,?\s+(?:unfortunately|sorry|I['’]m\s+afraid))?\s*[.!]*$|"
                           r"^\W*there\s+(?:are|can\s+be)\s+no\s+exceptions(?:\s+to\s+(?:this|that|the)\s+(?:rule|policy))?\s*[.!]*$",
                           re.I)  # (not one with its reason: ", as ..."; "there isn't anything we can do on our end", "Nothing
# I can really do about it mate!")
# Thanks that already name what the customer raised: "Thanks for reporting the PDF export crash".
_SPECIFIC_THANKS = re.compile(r"\b(?:thank(?:s|\s+you)|thx|ty)\s+for\s+(?:letting\s+us\s+know|telling\s+us|reporting|"
                              r"flagging|raising|explaining|sending|spotting|chasing\s+up)(?:\s+about)?\s+(?!this\b|that\b|it\b|us\b|with\b)"
                              r"\w+(?:\s+[\w£$€]\w*(?:[.,]\d+)?){2}", re.I)
# ... or a sorry or "I hear you" that says it: "Sorry to hear your bag didn't make it to Lisbon with you", "I hear you
# about the double charge of $15.99" (not "sorry to hear that", "about this")
_HEARD = re.compile(r"\b(?:(?:sorry|sad|upset)\s+to\s+(?:hear|see|learn)|I\s+hear\s+you|I\s+(?:understand|can\s+see|see)\s+that|"
                    r"(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:\w+\s+)?sorry)\s+"
                    r"(?:(?:that|about|re)\s+)?(?:your|the|you|an?|we|our)\s+(?!(?:inconvenience|trouble|frustration|concerns?|"
                    r"issues?|problems?|wait|delay|situation|matter|experience)\b)"
                    r"\w+(?:\s+[\w$£€.,'’]+){2}|\bI\s+understand\s+you\s+(?:haven['’]t|have\s+not|didn['’]t|did\s+not|were|"
                    r"was|got|had)\s+\w+\s+\w", re.I)  # ("I understand you haven't received your e-tickets")
# A closing line that says the reply settled it: "We trust this clarifies the position.", "Hope this answers it."
_HELPED = re.compile(r"\W*(?:(?:I|we)\s+)?(?:hope|trust)\s+(?:this|that)\s+(?:clarifies|answers|explains|settles|"
                     r"clears\s+(?:it|things)\s+up|is\s+(?:satisfactory|acceptable|in\s+order))"
                     r"(?:\s+(?:the|your)\s+(?:position|matter|situation|question))?\W*",
                     re.I)  # (not "helps": a look into it may help)
# the agent seeing what the customer said, with nothing of its own: "I can see you cancelled.", "I can see the order on
# our system." (once the problem is said back, it says it again with less)
_SEEN = re.compile(r"\W*(?:I|we)\s+(?:can\s+)?see\s+(?:that\s+)?(?:you(?:['’]ve|\s+have)?|(?:your|the)"
                   r"(?!\s+(?:\w+\s+)?(?:refunds?|payments?|credits?|transfers?|returns?|replacements?)\b))\s+[^.!?]{1,50}?"
                   r"(?:\s+on\s+(?:our|the|my)\s+(?:system|records?|end|side))?\s*[.!]?\s*", re.I)
_SORRY_IN = re.compile(r"\bsorry\s+(?:to\s+hear\s+)?that\b", re.I)
_BARE_SORRY = re.compile(r"\W*(?:(?:I['’]m|we['’]re|I\s+am|we\s+are)\s+)?(?:so\s+|very\s+|really\s+)?sorry\s+(?:again\s+)?"
                         r"(?:for|about)\s+"
                         r"(?:the|any|this|that)\s+(?:trouble|inconvenience|hassle|confusion|issue|mix-?up)(?:\s+caused)?"
                         r"[\s.!]*(?:x+|[\U0001F300-\U0001FAFF\u2600-\u27BF]+)?[\s.!]*", re.I)
_SEEN_WORDS = frozenset(stem(w) for w in ("see", "system", "record", "records", "end", "side"))
#: The reply's opening: a thanks or a sorry, the draft's or one the engine added.
_OPENS = re.compile(r"^\W*(?:thanks?\b|thank\s+you|(?:I['’]m|I\s+am|we['’]re|we\s+are|so|very|really)?\s*sorry\b)", re.I)
# a line that says only that the message came: the coach's thanks for it says so already
_RECEIPT_LINE = re.compile(r"^\W*(?:we\s+are\s+in\s+receipt\s+of|(?:I|we)\s+(?:have|hereby)?\s*(?:received|"
                           r"acknowledge\s+(?:the\s+)?receipt\s+of)|this\s+is\s+to\s+acknowledge(?:\s+receipt\s+of)?)\s+"
                           r"your\s+(?:recent\s+)?(?:correspondence|letter|e-?mail|message|complaint|enquiry|inquiry|query)"
                           r"(?:\s+(?:of|dated|sent\s+on|received\s+on)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?"
                           r"(?:\s+inst\.?|\s+[A-Z][a-z]+\.?)?)?\s*[.!]?\s*$", re.I)
# a sign-off typed at the end of the last sentence: "... dont delete anything!! cheers"
_KISSES = re.compile(r"\s+([xX]{1,3})\s*$")
_INLINE_SIGN_OFF = re.compile(r"(?<=[.!?])\s+(?P<off>(?:cheers|thanks|thx|ta|regards|best\s+wishes)(?:\s+[!.]*)?[!.]*)\s*$",
                              re.I)
_COURTESY = re.compile(r"^\W*(?:please\s+)?(?:let\s+(?:me|us)\s+know\s+if\s+(?:there's|there\s+is|there’s)\s+anything\s+else|"
                       r"let\s+(?:me|us)\s+know\s+if\s+you\s+have\s+any\s+(?:other|more|further)\s+questions|"
                       r"let\s+(?:me|us)\s+know\s+if\s+(?:(?:you|u)\s+(?:need|want)|I\s+can\s+(?:help\s+with|do))\s+anything\s+else|"
                       r"is\s+there\s+anything\s+else|if\s+(?:there's|there\s+is|there’s)\s+anything\s+else|"
                       r"should\s+you\s+(?:have|need|require)\s+(?:any\s+)?(?:further|other|more)?\s*(?:queries|questions)|"
                       r"thank(?:s|\s+you)\s+(?:again\s+)?for\s+your\s+(?:patience|understanding)|"
                       r"(?:I|we)?\s*hope\s+(?:this|that)\s+(?:helps|clarifies|answers|explains|clears)|"
                       r"(?:I|we)\s+value\s+your\s+(?:custom|business|loyalty)|(?:I|we)\s+(?:hope|look\s+forward)\s+to\s+"
                       r"(?:seeing|welcoming|serving|hosting)\s+you|have\s+a\s+(?:great|good|nice|lovely)\s+(?:day|evening|weekend)|"
                       r"(?:best\s+of\s+|good\s+)luck\b[^.!?]{0,40})\b",
                       re.I)
# Someone looking, and nothing said of what comes of it: "looking into", "being reviewed"
_LOOKING = r"(?:looking\s+into|investigating|reviewing)"
# (and a queue: "all applications are being processed in date order")
_BEING_LOOKED = r"being\s+(?:looked\s+into|investigated|reviewed|processed\s+in\s+(?:date\s+)?(?:order|turn|sequence))"
# A step that says nothing about what or when: "We'll look into it 👍", "I'll look into this."
_BARE_STEP = re.compile(r"^\W*(?:anyway,?\s+)?(?:(?:I|we|our\s+(?:\w+\s+)?team)(?:'ll|’ll|\s+will|\s+shall)\s+"
                        r"(?:look\s+into|look\s+at|have\s+a\s+look\s+at|investigate|check\s+on)|(?:I\s+am|I['’]m|we\s+are|we['’]re|"
                        r"(?:our|the)\s+(?:\w+\s+)?"
                        rf"(?:team|department|colleagues)\s+(?:is|are))\s+(?:now\s+|currently\s+)?{_LOOKING})\s+"
                        r"(?:it|this|that|(?:the|this)\s+(?:matter|issue|problem|query)|things)(?:\s+for\s+you)?"
                        r"(?:\s+(?:in\s+due\s+course|soon|shortly))?"
                        r"(?:,?\s+and\s+(?:will\s+|I['’]ll\s+)?(?:revert|get\s+back\s+to\s+you|be\s+in\s+touch|come\s+back\s+to\s+you|"
                        r"update\s+you)"
                        r"(?:\s+(?:in\s+due\s+course|soon|shortly|as\s+soon\s+as\s+possible))?)?\W*$|"
                        rf"^\W*(?:it|this|that|the\s+matter|your\s+\w+)\s+(?:is|are)\s+(?:now\s+|currently\s+)?{_BEING_LOOKED}"
                        r"\W*$|"
                        # "I'll pass this on to the team and they'll get back to you."
                        r"^\W*(?:I|we)(?:'ll|’ll|\s+will)\s+pass\s+(?:this|it)\s+on\s+to\s+the\s+(?:\w+\s+)?team"
                        r"(?:,?\s+and\s+they(?:'ll|’ll|\s+will)\s+(?:get\s+back\s+to\s+you|be\s+in\s+touch))?\W*$|"
                        # "We will update you in due course.": news at no time anyone could name
                        r"^\W*(?:I|we|(?:our|the)\s+(?:\w+\s+)?(?:team|department))(?:'ll|’ll|\s+will|\s+shall)\s+"
                        r"(?:update\s+you|be\s+in\s+touch|get\s+back\s+to\s+you|contact\s+you|revert|respond)\s+"
                        r"(?:in\s+due\s+course|at\s+some\s+(?:point|stage)|in\s+time)\W*$|"
                        r"^\W*you\s+(?:will|shall)\s+be\s+(?:contacted|updated|informed|notified)\s+in\s+due\s+course\W*$", re.I)
_SORRY_FOR_LOSS = re.compile(r"\b(?:sorry(?!\s+(?:that\s+)?(?:your|the)\s+(?!loss\b|passing\b|death\b)\w+(?:\s+\w+)?\s+"
                             r"(?:was|were|is|are|has|had|arrived|came|didn['’]t|wasn['’]t|hasn['’]t))|condolences?|sympath\w+|"
                             r"loss)\b",
                             re.I)  # (a plain "I'm so sorry" answers it; "sorry your order was late" does not)
_CONDOLES = re.compile(r"\b(?:sorry\s+(?:for|about|to\s+hear\s+(?:about|of))\s+your\s+loss|condolences|"
                       r"sorry\s+(?:to\s+hear\s+)?(?:about|of|for)\s+the\s+(?:death|loss|passing)|"
                       r"sorry\s+(?:about|for|to\s+hear\s+(?:about|of))\s+your\s+(?:diagnosis|illness|condition|bereavement)|"
                       # "I'm sorry about your brother", "so sorry to hear about your mum": the one they lost, named
                       r"sorry\s+(?:about|for|to\s+hear\s+(?:about|of))\s+(?:the\s+loss\s+of\s+)?your\s+(?:late\s+)?"
                       r"(?:mother|father|mum|mom|mam|dad|brother|sister|husband|wife|partner|son|daughter|baby|child|"
                       r"grandmother|grandfather|grandma|grandpa|gran|nan|nana|granny|aunt|auntie|uncle|cousin|friend)"
                       r"(?![\w'’-]))\b",
                       re.I)
_ONLY_CONDOLES = re.compile(r"^\W*(?:(?:we|I)(?:'re|’re|'m|’m|\s+are|\s+am|\s+were|\s+was)\s+)?"
                           r"(?:(?:so|very|truly|deeply|really|terribly)[,\s]+)*sorry\s+(?:again\s+)?"
                           r"(?:for|about|to\s+hear\s+(?:about|of))\s+your\s+loss"
                           r"(?:,?\s+and\s+(?:for\s+)?(?:the|any)\s+(?:inconvenience|trouble|hassle))?\W*$", re.I)  # (the
# inconvenience beside a death goes with it)
_DEATH = re.compile(r"\b(?:died|passed\s+away|passed|death|deceased|funeral|bereave\w*|lost\s+(?:your|our)\s+\w+|"
                    r"put\s+(?:down|to\s+sleep))\b", re.I)
_FACE_ONLY = re.compile(rf"[\s{EMOJI}{EMOJI_GLUE}\uFE0F]+")
_GREETINGS_FROM = re.compile(r"^\W*(?:warm\s+|season['’]s\s+)?greetings\s+from\b[^.!?]*[.!]?$", re.I)
# a thanks first ("Thanks for your patience!" alone opens the reply; "Hi, and thanks for ...")
_THANKS_FIRST = re.compile(r"^\W*(?:(?:hi|hello|hey)(?:\s+there)?,?\s+and\s+)?(?:thank\s+you|thanks|thx|many\s+thanks)\b", re.I)
_SALUTE_UNIT = re.compile(rf"^(?:hi|hello|hey|hiya|dear(?!\s+(?:oh|me)\b)|good\s+(?:morning|afternoon|evening))\b[^!?,]{{0,40}}?"
                          rf"(?:,|!|\s*[{EMOJI}][{EMOJI}{EMOJI_GLUE}]*)?\s*$", re.I)
_GREETS = re.compile(r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^.!?,]{0,40},\s", re.I)


# The agent's own action: "I've booked an engineer", "we'll collect it", "I'm passing this to our safety team"
_OWN_ACTION = re.compile(r"\b(?:I|we)(?:'ll|’ll|\s+will|'m|’m|\s+am|'ve|’ve|\s+have|'re|’re|\s+are)\s+(?:also\s+|now\s+)?"
                         r"(?:pass|flag|send|sent|arrang|book|collect|escalat|refer|look|check|call|email|contact|replac|"
                         r"refund|rais|report|ask|logg|log\b|notif|alert|submit|lodg|forward|filed|opened)\w*", re.I)
_UPDATES = re.compile(r"\b(?:I['’]ll|I\s+will|I['’]m|we['’]ll|we\s+will)\b[^.!?]{0,80}?\b(?:update\s+you|let\s+you\s+know|"
                      r"get\s+back\s+to\s+you)\b", re.I)  # the agent's own (not "the team aims to get back to you")
_WILL_UPDATE = re.compile(r",?\s+and\s+(?:I\s+)?will\s+update\s+you\s+here\.$")
_LETTER = re.compile(r"^\W*dear\b", re.I)
_HERE = re.compile(r"\b(?P<act>update\s+you|reply|get\s+back\s+to\s+you|write\s+to\s+you|what\s+happens\s+next)\s+here\b",
                   re.I)
_TO_OUR_TEAM = re.compile(r"\s+to\s+our\s+(?P<team>\w+(?:\s+\w+)?)\s+team\b")


# The reply says the matter is settled: "has now been released", "the bug is fixed once you update", "works on your
# first order only" (then a stock step would contradict it)
_SETTLED = re.compile(r"\b(?:has|have)\s+(?:now\s+|already\s+)?been\s+(?:released|fixed|resolved|restored|reversed|removed|"
                      r"cancell?ed|closed|stopped|unlocked|refunded|credited|sent)\b|\b(?:is|are)\s+(?:now\s+)?(?:fixed|resolved|"
                      r"working|live|restored|back\s+up)\b|\bworks\s+(?:on|with|for|only)\b|\b(?:I|we)(?:'ve|’ve|\s+have)\s+"
                      r"(?:now\s+|already\s+)?(?:closed|stopped|unlocked|paused|blocked|switched|transferred|reconnected|"
                      r"activated|released)\b", re.I)
_LOOKED_INTO = re.compile(rf"\b(?:is|are)\s+(?:now\s+|currently\s+|still\s+)?(?:{_BEING_LOOKED}|{_LOOKING}\s+(?:it|this|that|"
                          r"the\s+(?:matter|issue|problem|case|query|complaint)|your\s+(?:case|query|complaint|claim)|"
                          r"what\s+(?:happened|went\s+wrong))|investigating(?=\s*(?:[.!,;]|$)))\b|"  # ("Our team is looking
                          # into what happened.", "We are currently investigating.")
                          # ... or a form's receipt: "Your enquiry has been logged", "... forwarded to the relevant department"
                          r"\b(?:has|have)\s+been\s+(?:duly\s+)?(?:received|logged|noted|registered|recorded)\b(?:\s+and\s+"
                          r"forwarded)?(?:\s+to\s+(?:the\s+)?(?:relevant|appropriate|concerned)\s+(?:department|team))?|"
                          r"\b(?:has|have)\s+been\s+(?:duly\s+)?(?:forwarded|passed\s+on|passed)\s+to\s+(?:the\s+)?"
                          r"(?:relevant|appropriate|concerned)\s+(?:department|team)\b", re.I)  # (not "passed on to our night
# manager": a step to someone named)
# The agent's own next step in words the rules' step patterns do not list: "I'll chase the workshop and ring you"
_OWN_STEP = re.compile(r"\b(?:I|we)(?:'ll|’ll|\s+will|\s+shall)\s+(?:\w+\s+)?(?:chase|ring|phone|call|get\s+someone|share|pass|"
                       r"send|arrange|book|email|e-mail|text|contact|collect|visit|refund|replace|repair|escalate|raise|"
                       r"follow\s+up)\b", re.I)


def _own(layout: Layout) -> str:
    """The reply less what the engine added: what the agent's own words say was done."""
    return " ".join(u.full for u in layout.units if u.role != "added")


def _stems(text: str) -> set[str]:
    """The stems of ``text``'s content words, less number words. (Numbers were meant to count too, but the pattern
    that read them never matched, and the rewrites were tuned without them: counting them says "already said" of
    restatements that name the same sum, and 45 dev rewrites lost their restatement or step.)"""
    return {stem(w) for w in content_words(text) if w not in NUMBER_WORDS}


def mentions(problem: str, body: str, share: float = 0.34) -> bool:
    """The body names the problem at all: a third of its words (the checker's rules may pass less), or ``share`` of
    them."""
    words = _stems(problem)
    return not words or len(words & _stems(body)) / len(words) >= share


def _echoes(body: str, told: str | None) -> bool:
    """A sentence of the draft says the customer's case in its own words: three of the message's words or more ("Being
    logged out whenever you switch to Messages for the 2FA code" after "logs me out ... I need the 2FA code")."""
    heard = _stems(told or "")
    return any(len(_stems(s.text) & heard) >= 3 for s in split_sentences(body))


def _states_case(body: str, problem: str) -> bool:
    """A sentence of the draft names the case by its figures and dates and two of its words or more: "I can see the two
    payments of £64.20 from 3 March", "thanks for being honest with us about the £640 arrears"."""
    def figures(text: str) -> set[str]:  # (not a reference, "order HK-9012", "AV219": any reply may name it)
        return {f for f in extract_facts(text) if not _CODE.fullmatch(f)}

    def words(text: str) -> set[str]:
        return {w for w in _stems(text) if not any(c.isdigit() for c in w)}

    facts, said = figures(problem), words(problem)  # (every figure of it: not "the £35 admin fee" of "£35 and £200")
    return bool(facts) and any(facts <= figures(s.text) and len(words(s.text) & said) >= 2 for s in split_sentences(body))


_CODE = re.compile(r"(?=[\w/.#-]*[A-Za-z])(?=[\w/.#-]*\d)[\w/.#-]+")


def _thanking(lines: tuple[str, ...], thank: bool) -> tuple[str, ...]:
    """The lines that thank the customer (or, with ``thank`` false, those that do not), else all of them."""
    return tuple(line for line in lines if ("thank" in line.lower()) == thank) or lines


# a capital word and a small one that no name is followed by: "Phone lines are busy" (not "Will from our repairs
# team", "Sky have confirmed")
_NOT_A_NAME = re.compile(r"[A-Z][a-z]+\s+(?!(?:from|in|at|on|of|and|&|have|has|had|is|was|were|are|will|would|can|could|"
                         r"said|says|confirmed|agreed|called|rang|emailed|here|there|says)\b)[a-z]")


def _already_said(problem: str, body: str) -> bool:
    """The reply says the problem already: most of its words, or every one of two or more of its facts ("Saturday",
    "9-11am", "Monday": "arrived on Monday evening instead of in your Saturday 9-11am slot")."""
    words = _stems(problem)
    if not words:
        return False
    shared = len(words & _stems(body)) / len(words)
    facts = extract_facts(problem)  # (the facts alone could be a refusal's: "I can't offer £129 for order 73-55102")
    return shared > 0.6 or shared > 0.3 and len(facts) >= 2 and all(f in body for f in facts) or \
        shared >= 0.5 and re.search(r"\bsorry\s+that\b", body, re.I) is not None  # ("I'm so sorry that your mum's visit
    # was missed" says "your mum's care visit was missed on Sunday")
