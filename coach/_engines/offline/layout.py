"""The draft's layout: a lead (thread marker), a greeting, sentences with the exact whitespace between them, and a
tail (sign-off, signature, thread marker). Edits change sentences only; everything else comes back byte for byte."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..._core.text import EMOJI, EMOJI_GLUE, KISS_SIGN_OFF, REFERENCE_LINE, STOPWORDS, signoff_start, split_sentences

__all__ = ["Unit", "Layout", "parse", "ends_sentence", "heading", "SUBJECT_LINE"]

# Greetings, English first, then those a team writing in English keeps from another language ("Bonjour Camille,").
_GREETING = (r"(?:hi|hello|hey+|hiya|howdy|dear|greetings|good\s+(?:morning|afternoon|evening|day)|bonjour|bonsoir|salut|hola|"
             r"buenos\s+d[ií]as|ol[aá]|ciao|buongiorno|hallo|guten\s+tag|moin|hej|hei|kia\s+ora|namaste|g'day|aloha|coucou|"
             r"gr[üu]ezi|servus|sawubona|habari|merhaba|hii+|heya|"
             # ... and the "Dear" of another language ("Gentile Sig. Ferri,", "Sehr geehrte Frau Lang,")
             r"gentil(?:e|issim[oa])|egregi[oa]|estimad[oa]s?|querid[oa]s?|prezad[oa]s?|sehr\s+geehrte[rs]?|liebe[rs]?|"
             r"geachte|ch[eè]re?)")
_HELLO = re.compile(rf"^{_GREETING}\b", re.I)
_PREFIX = re.compile(  # "Hello Mr. Brandt, " (a title's full stop does not end the greeting); "Hey @dan_the_van "
    rf"^{_GREETING}\b"
    r"(?:(?:\s(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sig|Sra?|Fr|Hr)\.|[^,.!?\n]){0,30}?,\s+|(?:\s+@\w+(?:\.\w+)*)+[,:]?\s+|"
    rf"(?-i:\s+[A-Z][a-z]+)?\s*[{EMOJI}\uFE0F]+\s+)", re.I  # ... "Hiii Lola 💕 so sorry ..." (not "Hey sorry 😞")
)
_VOCATIVE = re.compile(  # "Mary, I am sorry ..." (a name, then the sentence)
    r"^(?!(?:Sorry|Apologies|Unfortunately|However|Yes|No|Ok|Okay|Well|Also|Again|Sure|Great|Thanks|Absolutely|Hmm|"
    r"Oh|Wow|Ah|So|Now|First|Please|Understood|Noted|Alright|Right|Today|Yesterday|Currently|Otherwise)\b)"
    r"[A-Z][a-z]+,\s+(?=(?:I|I'm|I’m|[Ww]e|[Ww]e're|[Ww]e’re|[Tt]hank|[Tt]hanks|[Pp]lease|[Ss]orry|[Mm]y|[Oo]ur)\b)"
)
_LEAD = re.compile(r"^(?:(?:[(\[]?[1-9]/[1-9][)\]]?|[1-9]:)\s+)?(?:@\w+(?:\.\w+)*[,:]?\s+)*(?:[(\[]?[1-9]/[1-9][)\]]?\s+)?"
                   r"(?=\S)(?<!^)")  # a thread marker and the @handles a reply opens with
_SIG = (r"(?:\^[A-Za-z]{1,16}(?-i:\s[A-Z][A-Za-z]{1,15}){0,2}\.?|\^|"  # "^JT", "^Harbour Inn Team."
        r"(?:--?|[–—~])\s?[^\W\d_](?:[^\W\d_]|\.){0,15}(?:\s[^\W\d_]{1,16})?"  # "- Equipe Rapidão"
        r"(?-i:(?:,?\s(?:&\s)?[A-Z][^\W\d_]{1,15}){0,2})"  # "– Team Bean & Bloom", "- Marco, Trattoria Lucia"
        rf"|\*[A-Z][A-Za-z]{{1,15}}|/[A-Z]{{2,3}}\b|=\s?[A-Z]{{1,3}}\b|(?-i:{KISS_SIGN_OFF})"  # "xx Team Bloom"
        r"|(?<=[.!?]\s)(?-i:Team\s+[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?)(?:\s*[\U0001F300-\U0001FAFF\u2600-\u27BF])*)")  # "...
# inconvenience. Team Fresco 🛒"
_MARK = r"(?:[(\[]?[1-9]/[1-9][)\]]?\.?)"
_COURTESY = r"(?:(?<=[.!?]\s)|(?<=\n)|^)(?:thanks|thank\s+you|thx|ty|cheers|kind\s+regards?|regards|best)[,!.]?\s*"
_TAIL = re.compile(rf"(?:{_COURTESY}(?={_SIG})|(?<=\s)|(?<=[.!?)])|(?<=[a-z])(?=-[A-Z][a-z]+$)|^)"
                   rf"(?:(?-i:#[A-Z]\w*)\s+)*(?:{_SIG}|{_MARK})"  # "#LunaFam ^Sasha": a brand tag signs off (not "#sorry")
                   rf"(?:\s*{_SIG}|\s+(?:{_MARK}|https?://\S+))*\s*$", re.I)
# ("... #StayConnected"; two tags in any case, "#glowgang #lumierefam", not one "#sorry")
_BRAND_TAGS = re.compile(r"(?<=\s)(?:#[A-Z]\w*(?:\s+#[A-Z]\w*)*|(?!#(?i:sorry|oops|soz|apologies|mybad)\b)#\w+"
                         r"(?:\s+(?!#(?i:sorry|oops|soz|apologies|mybad)\b)#\w+)+)\s*$")  # (not "#trainfail #sorry")
_THANKS_NAME = re.compile(r"(?<=[.!?]\s)(?i:thanks|thank\s+you|thx|cheers|many\s+thanks|kind\s+regards|regards|best)[,!]?\s+"
                          r"(?P<name>[A-Z][a-z]{1,15})\.?$")
# "Subject: ...", "Re: Invoice No. 88412", "Reference: Lease agreement LA-77310"
_HEADING = (r"(?:re\.?|subject|ref\.?|reference|regarding|(?:your|our|acct\.?|account|policy|claim|case|order)\s+"
            r"ref(?:erence)?\.?)\s*:")
# ... or a line that is only a reference, "Customer No. SL-5529130": nothing is added before or into it
SUBJECT_LINE = re.compile(rf"^(?:{_HEADING})|{REFERENCE_LINE.pattern}|\((?:our|your)\s+ref(?:erence)?\.?\s*:[^)]*\)\s*$|"
                          r"^(?-i:[A-Z0-9][A-Z0-9 .,#/&'’–—-]{8,})(?:\s*\(|$)|"  # "CARD ENDING 0092 – DISPUTED ..."
                          r"^(?=[^!?]*\d)[^!?]{3,50}\s[–—]\s[a-z][a-z ]{2,30}$|"  # "Flat 3B, 27 Carlton St. – heating fault"
                          r"^(?:[a-z][\w.-]*\s+){0,3}(?:id|no\.?|number|code)\s*:\s*(?=\S*\d)\S+$|"  # "Manuscript ID: GH-20-117"
                          # "Ref. No. PM-3390 – Flat 3, 14 St. George's Rd."
                          r"^(?:our\s+|your\s+)?ref(?:erence)?\.?\s+(?:no\.?\s*)?(?=\S*\d)[\w/-]+(?:\s+[–—-]\s.*)?$",
                          re.I)
_SUBJECT = re.compile(r"^\s*" + _HEADING + r"[^\n]*\n\s*", re.I)  # the e-mail's first line
_NOT_A_NAME = frozenset("""please thanks thank sorry help us dm me you we it this that here there team support
    soon now today again ok okay yes no""".split())
_END = re.compile(rf"(?:(?<!\.\.)(?<!…)[.!?]|[.!?][\"'”’)\]]+|[:;]-?[)(DPp]|[{EMOJI}\uFE0F])$")
_COURTESY_SENTENCE = re.compile(
    r"^(?:thanks|thank\s+you|ty|thx|cheers|many\s+thanks|have\s+a\s+(?:great|good|nice|lovely|wonderful)\b|take\s+care|"
    r"(?:may\s+)?god\s+bless(?:\s+you)?|stay\s+safe|(?:we\s+)?hope\s+to\s+see\s+you\s+(?:again\s+)?soon|"
    r"see\s+you\s+(?:again\s+)?soon|"
    r"enjoy|kind\s+regards|regards|(?:best|warm|warmest|kind|kindest)\s+(?:wishes|regards)|all\s+the\s+best|"
    r"with\s+(?:thanks|best\s+wishes)|yours\s+(?:sincerely|faithfully|truly)|sincerely|best(?=\s*,)|thanking\s+you|"
    r"(?:please\s+)?(?:do\s+not|don['’]t)\s+hesitate\s+to\s+(?:contact|get\s+in\s+touch\s+with|reach\s+out\s+to|call|"
    r"e-?mail)\s+us)\b[^.!?]{0,40}[.!]*$",
    re.I,
)
_COMMON_WORD = re.compile(r"^(?:apolog\w*|sorry|thanks?|cheers|welcome|enjoy|congrat\w*|noted|done|sure|great|awesome|"
                          r"perfect|anytime|absolutely|definitely|indeed|yes|no|okay|ok|understood|\w+ly|\w+ing)$")
_NAME_BAR_LINE = re.compile(r"(?<=\n)[ \t]*[A-Z][\w'’.-]{1,20}(?:[ \t][A-Z][\w'’.-]{1,20}){0,2}[ \t]*\|[ \t]*"
                            r"[A-Z][\w&'’. -]{1,40}$")
# "— Priya, StreamNorth Support" on the last line: a signature after a dash, in names only (not "- Restart the router")
_DASH_NAME_LINE = re.compile(r"(?<=\n)[ \t]*[—–-][ \t]*[A-Z][\w'’.-]{1,20}(?:,?[ \t]+(?:[A-Z&][\w&'’.-]{0,20}|of|de|da|at|"
                             r"the|crew|team|support|desk|office|care|staff))"
                             r"{0,5}[ \t]*$")
# ... or on the last sentence's line, with its team after a comma: "... at this busy time 🙂 – Grace, FreshWay Social Team"
_DASH_NAME_INLINE = re.compile(r"(?<=\S[ \t])[—–][ \t]*[A-Z][\w'’.-]{1,20},[ \t]+[A-Z&][\w&'’.-]{0,20}"
                               r"(?:[ \t]+(?:[A-Z&][\w&'’.-]{0,20}|of|at)){0,4}[ \t]*$")
_BULLET_ABOVE = re.compile(r"(?:^|\n)[ \t]*[—–•*-][^\n]*\n[ \t]*$")
_FIRM = re.compile(r"(?<!\w)(?:&\s+)?(?:Co|Ltd|Inc|Corp|plc|LLC|GmbH|Pty|S\.A)\.$")  # "Crumb & Co.": a name, not a sentence
_NAME_LINE = re.compile(r"^[A-Z][A-Za-z]{1,15}(?:\s[A-Z][A-Za-z]{1,15})?\.?$")

# "HH-7730215", "No. 88", "Booking no. 3318"
_REFERENCE_TOKEN = re.compile(r"\b(?:[A-Z]{1,5}[-/]?\d[\w/-]*|\d+[-/][\w/-]*\d)\b|\bNo\.?\s*\d|\bno\.\s*\d")
_SAYS = re.compile(r"\b(?:we|I|you|it|is|are|was|were|has|have|had|will|issued|sent)\b", re.I)  # a sentence, unpunctuated


def heading(layout: Layout, at: int) -> bool:
    """Unit ``at`` is a reference or subject line: "Re: ...", or a line of its own, with a number and no full stop,
    between the letter's greeting and its first sentence ("Policy No. HH-77 – Escape of water, 22 Mill St., Ashford")."""
    unit = layout.units[at]
    if SUBJECT_LINE.match(unit.text):
        return True
    return at > 0 and "\n" in layout.units[at - 1].gap and "\n" in unit.gap and not ends_sentence(unit.text) and \
        _REFERENCE_TOKEN.search(unit.text) is not None and not _SAYS.search(unit.text) and len(unit.text) <= 90 and \
        all(u.role == "greeting" or heading(layout, i) for i, u in enumerate(layout.units[:at]))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a finished sentence: a mark (not an ellipsis), an emoticon or an emoji."""
    return bool(_END.search(text.rstrip()))


@dataclass
class Unit:
    """One sentence (``text``, edited in place) and the whitespace after it; ``prefix`` is a greeting kept verbatim."""

    text: str
    gap: str
    start: int = -1
    end: int = -1
    prefix: str = ""
    role: str = "body"  # body | greeting | courtesy | added

    @property
    def full(self) -> str:
        return self.prefix + self.text


@dataclass
class Layout:
    head: str  # leading whitespace and thread marker
    units: list[Unit]
    tail_gap: str  # whitespace between the last sentence and the tail
    tail: str  # sign-off, signature, thread marker, trailing whitespace
    continuation: bool = False  # the draft continues a thread ("...to shift.", "2/2 ..."): no opening
    continues: bool = False  # the thread goes on in the next message ("... 1/2")

    def render(self) -> str:
        """The text: kept sentences, each followed by the widest gap up to the next kept one (a dropped
        sentence's paragraph break stays)."""
        out = [self.head]
        kept = [i for i, u in enumerate(self.units) if u.full.strip()]
        for n, i in enumerate(kept):
            out.append(self.units[i].full)
            if n + 1 < len(kept):
                gaps = [u.gap for u in self.units[i:kept[n + 1]]]
                out.append(max(gaps, key=lambda g: g.count("\n")))
        if kept and self.tail:
            out.append(self.tail_gap)
        out.append(self.tail)
        return "".join(out)


def parse(text: str) -> Layout:
    """Split ``text`` into its layout; ``Layout.render()`` of an unedited layout is ``text`` itself."""
    stripped = text.rstrip()
    trailing = text[len(stripped):]
    tail_at = _tail_start(stripped)
    lead = _LEAD.match(text) or re.match(r"\s*", text)
    head_end = lead.end() if lead else 0
    if head_end > tail_at:
        head_end = 0
    subject = _SUBJECT.match(text)  # an e-mail's subject line is the head, whatever full stops it holds ("conf. no.")
    if subject and subject.end() < tail_at:
        head_end = max(head_end, subject.end())
    units = []
    for s in split_sentences(text[:tail_at]):
        if s.end <= head_end:
            continue
        start = max(s.start, head_end)
        units.append(Unit(text=text[start:s.end], gap="", start=start, end=s.end))
    units = units[_address_block(text, units):]  # ("Dr. H. Marsh / 14 Elm St. / York / Dear Dr. Marsh,": the head)
    for unit, nxt in zip(units, units[1:]):
        unit.gap = text[unit.end:nxt.start]
    tail_gap = text[units[-1].end:tail_at] if units else ""
    head = text[:units[0].start] if units else text[:head_end]
    layout = Layout(head=head, units=units, tail_gap=tail_gap, tail=text[tail_at:len(stripped)] + trailing)
    if not units:  # nothing but a signature: keep it all as the head
        layout.head, layout.tail, layout.tail_gap = text, "", ""
        return layout
    _name_signature(layout)
    _mark_roles(layout)
    first = layout.units[0].full.lstrip()
    marker = re.search(r"(?:^|\s)[(\[]?([1-9])/[1-9]|^([1-9]):", lead.group()) if lead else None  # "2/2 ..." goes on
    layout.continuation = bool(marker and (marker.group(1) or marker.group(2)) != "1") or \
        first.startswith(("...", "…", ",", ";", ":")) or first[:1].islower() and \
        not (lead and "@" in lead.group() and not _GOES_ON.match(first))  # ("@marco so sorry ...": chat, not a part 2)
    layout.continues = bool(re.search(r"[1-9]/[1-9]", layout.tail)) and not re.search(r"([1-9])/\1", layout.tail) \
        or layout.units[-1].text.rstrip().endswith(("...", "…", ","))
    return layout


_GOES_ON = re.compile(r"(?:and|but|or|also|then|which|plus|as\s+well|so(?!\s+(?:sorry|sry|sad|glad|happy|so)\b))\b")


def _address_block(text: str, units: list[Unit]) -> int:
    """How many units, each a short line of its own, stand above a letter's salutation line ("Dear Dr. Marsh,"): an
    address and reference block, which the head keeps as written; 0 when the letter does not open so."""
    for i, unit in enumerate(units[:8]):
        if _SALUTATION_LINE.fullmatch(unit.text):
            above = units[:i + 1]
            lines = all("\n" in text[a.end:b.start] and len(a.text.split()) <= 8 and _ADDRESS_LINE.match(a.text) and
                        not _SAYS.search(a.text) for a, b in zip(above, above[1:]))
            return i if i and lines else 0
    return 0


_SALUTATION_LINE = re.compile(r"Dear\s[^!?\n]{1,50},")
# a line of an address or reference block: a title and a name, a number or postcode in it, or a reference label
_ADDRESS_LINE = re.compile(r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss|Sir|Dame)\.?\s+[A-Z]|.*\d|(?:Re|Ref|Our\s+ref|Your\s+ref)\b", re.I)


def _tail_start(text: str) -> int:
    """Where the sign-off or signature at the end of ``text`` starts (``len(text)`` when there is none)."""
    signed = signoff_start(text)
    if signed is not None:
        return signed
    last = text.rstrip().rsplit("\n\n", 1)
    if len(last) == 2 and last[0].strip():  # a last paragraph of a short unpunctuated line or two: "Hartley & Shaw"
        block = [line.strip() for line in last[1].strip().split("\n")]
        if len(block) <= 3 and all(line and len(line.split()) <= 6 and line[0].isupper() and
                                   (not _END.search(line) or _FIRM.search(line)) for line in block):
            return len(last[0]) + 2 + (len(last[1]) - len(last[1].lstrip()))
    line = _NAME_BAR_LINE.search(text)  # "Luke | Vireo Mobile" on the last line
    dashed = _DASH_NAME_LINE.search(text) or _DASH_NAME_INLINE.search(text)  # "— Priya, StreamNorth Support" (not a
    # list's last item)
    if not line and dashed and not _BULLET_ABOVE.search(text[:dashed.start()]):
        line = dashed
    if line and text[:line.start()].strip():
        return line.start()
    signed_inline = _THANKS_NAME.search(text, max(0, len(text) - 40))  # "... this week. thanks, Kyle": a sign-off on
    # the same line
    if signed_inline and signed_inline["name"].lower() not in _NOT_A_NAME | STOPWORDS and text[:signed_inline.start()].strip():
        return signed_inline.start()
    window = max(0, len(text) - 200)
    tags = _BRAND_TAGS.search(text, window)  # "... back up asap 🔧 #StayConnected": a brand tag closes the reply
    if tags and text[:tags.start()].strip() and not _TAIL.search(text, window):
        return tags.start()
    m = _TAIL.search(text, window)
    if not m or m.start() == 0:
        return len(text)
    names = re.findall(r"[A-Za-z]+", re.sub(r"https?://\S+", " ", m.group()))
    if names and all(w.lower() in _NOT_A_NAME for w in names):
        return len(text)
    start = m.start()
    return start if text[:start].strip() else len(text)


def _name_signature(layout: Layout) -> None:
    """A bare name after the last full sentence ("... for you. Robbie") is a signature: move it to the tail."""
    last = layout.units[-1]
    if len(layout.units) < 2 or not _NAME_LINE.match(last.text) or not ends_sentence(layout.units[-2].text):
        return
    word = last.text.rstrip(".").lower()
    if word in _NOT_A_NAME or word in STOPWORDS or _HELLO.match(last.text) or _COMMON_WORD.match(word) or \
            last.text.isupper() and len(last.text) > 3:
        return
    before = layout.units[-2]
    layout.tail = last.text + layout.tail_gap + layout.tail if layout.tail else last.text
    layout.tail_gap = before.gap
    before.gap = ""
    layout.units.pop()


def _mark_roles(layout: Layout) -> None:
    first = layout.units[0]
    words = first.text.split()
    on_its_line = first.text.rstrip().endswith(",") and "\n" in first.gap  # "Dear Mr and Mrs Ferreira,\n"
    said = re.search(r",\s+\S+\s+\S", first.text) and not on_its_line  # "Hi Michelle, I understand.": a sentence
    bare = re.sub(rf"[\s{EMOJI}{EMOJI_GLUE}]+$", "", first.text)  # ("Hi there! 😊": a greeting with its face)
    if _HELLO.match(first.text) and (len(words) <= 4 and not said and (bare[-1:] in ",.!" or
                                                                       "\n" in first.gap)
                                     or len(words) <= 7 and on_its_line):
        first.role = "greeting"
    elif len(layout.units) > 1 or not _HELLO.match(first.text) or len(words) > 4:
        m = _PREFIX.match(first.text) or _VOCATIVE.match(first.text)
        if m and m.end() < len(first.text):
            first.prefix, first.text = first.text[: m.end()], first.text[m.end():]
    pending: list[Unit] = []  # a last line of tags or emoji ("... soon! #lodgelife", "... soon! 🍝") goes with the
    for at in range(len(layout.units) - 1, 0, -1):  # courtesy before it, and stays the body's after a body line
        unit = layout.units[at]
        signs = at == len(layout.units) - 1 and _signs(unit.text) and ends_sentence(layout.units[at - 1].text)
        if unit.role == "body" and _TAGS_ONLY.match(unit.text) and all(u in pending for u in layout.units[at + 1:]):
            pending.append(unit)
            continue
        if unit.role != "body" or not (signs or _COURTESY_SENTENCE.match(unit.text)) or len(unit.text.split()) > 8 or \
                layout.units[at - 1].role == "greeting" and not signs:  # ("Hi Marta! Thanks so much for reaching out!
            break  # Have a lovely day!": the thanks opens the reply)
        for tagged in pending:
            tagged.role = "courtesy"
        pending = []
        unit.role = "courtesy"


_TAGS_ONLY = re.compile(rf"^(?:(?:#\w+|[{EMOJI}{EMOJI_GLUE}\uFE0F]+)\s*)+$")
_SIGNATURE_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*,?|&|and|of|the|at|[A-Z]{2,},?)$")


def _signs(text: str) -> bool:
    """A last line with no full stop of capitalised names: "The FreshCart Team", "Kayleigh, SafeKeep Storage"."""
    words = text.split()
    return 2 <= len(words) <= 6 and not ends_sentence(text) and words[0][0].isupper() and \
        all(_SIGNATURE_WORD.match(w) for w in words) and words[0].lower().rstrip(",") not in _NOT_A_NAME
