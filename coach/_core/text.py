"""Small text helpers: sentences with offsets, content words, and a cheap English test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import sentencex

__all__ = ["EMOJI", "EMOJI_GLUE", "HEADER_LINE", "REFERENCE_LINE", "html_to_text", "Sentence", "split_sentences", "signoff_start",
           "content_words", "looks_english", "other_language", "stem", "STOPWORDS", "NUMBER_WORDS", "SIGNOFF_LINE",
           "KISS_SIGN_OFF"]

#: A chat sign-off with kisses, for a pattern (case-sensitive): "xx Team Bloom", "x Sophie".
KISS_SIGN_OFF = r"x{1,3}\s(?:Team\s)?[A-Z][a-z]{1,15}"
#: The emoji ranges, for a character class ("[" + EMOJI + "]"), and what joins or styles them (VS16, ZWJ).
EMOJI = "\U0001F000-\U0001FFFF\u2600-\u27BF"
EMOJI_GLUE = "\uFE0F\u200d"

#: Counts spelled out, as the digits a fact or a duration would use ("three weeks" is "3 weeks").
NUMBER_WORDS = {w: str(n) for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}

# Lines and block tags split a text before the segmenter reads it: a line break always ends a sentence.
_LINE_BREAK = re.compile(r"\n+|</?(?:p|br|li|div|ul|ol|h\d|tr)\b[^>]*>")
_PUNCTUATION_ONLY = re.compile(r"^[.…!?\s]+$")
# sentencex does not end a sentence after "!!" or a closing bracket or quote ("...$1,000.] I've rebooked you").
# ... nor, now and then, after a plain word before "I" or a capitalised word ("nobody has called me. I need it").
_MISSED_END = re.compile(r"\b(?!(?:etc|vs|approx|min|mins|hrs?|ext|no|nos|ref|acct|tel|dept|pp|al)\b)[a-z]{2,}[.!?]"
                         r"(\s+)(?=(?:I|[A-Z][a-z]+)\b)")
# ... and in chat, "!" or "?" before a small "your", "we'll", "i": "so sorry for the confusion!! your refund ..."
_CHAT_END = re.compile(r"[a-z]{2,}[!?]{1,3}(\s+)(?=(?:your|you|you'll|you're|ur|u|u'll|we|we'll|we're|we've|i|i'm|i'll|i've|"
                       r"it|it's|our|this|the|pls|please|dm|any|anything|let|just|if|hope|thanks|thx|cheers)\b)")
# An emoji ends a sentence when a sentence starts after it: "not what we want for you ✈️ You'll get ..."
_EMOJI_END = re.compile(rf"[{EMOJI}]\uFE0F?(\s+)(?=[A-Z][\w'’]*\s+[\w@#])")  # not "🙏 Kim" at the end
# ... and, in chat, before an apology or thanks in small letters: "water will be back by 12pm today 👍 sorry for any
# inconvenience" (after a sentence's worth of words: not "Hi Chloe 👋 sorry for the trouble!")
_EMOJI_SORRY = re.compile(rf"[{EMOJI}]\uFE0F?(\s+)(?=(?:sorry|apologies|thanks|thank\s+you)\s+\w)")
# ... nor after a month it reads as an abbreviation ("arrived on 14 May. I've processed it", "on 12 Jan. I'd brought")
_MAY_END = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?|in|on|of|since|until|from|by|early|late|mid|end\s+of)\s+"
                      r"(?:May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(\s+)(?=[A-Z])")
# ... nor after a letter that names a place or a kind ("the lift at Block C. We'll send ..."), not an initial ("J. Smith")
_LETTER_END = re.compile(r"\b(?:Block|Gate|Unit|Platform|Terminal|Level|Zone|Row|Plan|Option|Type|Grade|Section|Part|Wing|"
                         r"Building|Flat|Room|Hall|Door|Bay|Stand|Area|Floor|Tower|Carriage|Coach|Seat|Deck|Screen|Court|"
                         r"Pier|Lot|Phase|Class|Group|Vitamin|Apartment|Suite|Lane|Track|Category|Cat)\s+[A-Z]\.(\s+)(?=[A-Z])")
# ... nor after a road's short name when a clause starts after it ("a burst main on Milton Rd. Water will be back ...";
# not "St.", which may be a saint's, nor "Dr.", a title)
_ROAD_END = re.compile(r"\b[A-Z][a-z]+\s+(?:Rd|Ave|Ln|Blvd|Cres|Gdns|Pl|Sq)\.(\s+)"
                       r"(?=[A-Z][a-z]+\s+(?:will|is|are|was|were|has|have|had|should|can|could|may|might|must)\b)")
_ABBREVIATION_END = re.compile(r"\b(?:approx|est|incl|excl|dept|ref|no|tel|etc|vs|min|max|avg|ca|cf|pp|vol|vols|nos|"
                               r"figs?|inst|apt|ave|bldg|ste|"
                               r"e\.g|i\.e|viz|wk|wks|mo|mos|yr|yrs|hr|hrs|qty|nr|ext|acc|acct|a/c)\.$", re.I)
# ... nor before the label of a number: "Ref.: Acct. No. 5520-883-14"
_NUMBER_LABEL = re.compile(r"(?:No|Nr|Ref|Number)\.?\s*[:#]?\s*[A-Z]{0,4}[-/]?\d")
# ... nor a day's name before its date: "no later than Mon. 9 Sept." (capitalised; not "See you Sat. 3 of us ...")
_DAY_END = re.compile(r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.$")
_DATE_FIRST = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|"
                         r"\d{1,2}[/.-]\d|\d{1,2}(?:st|nd|rd|th)\b")
# Titles the segmenter does not know: "Dear Cllr. Oyelaran," is one sentence.
_TITLE_END = re.compile(r"\b(?:Mx|Cllr|Councillor|Cmdr|Brig|Adm|Msgr|Rt|Revd|Dame|Sq|Ldr|Maj|Pte|Cdr|Supt|Insp|Sgt|Cpl|Mstr|"
                        r"Sig|Sigg|Sra|Srta|Dott|Dra|Ing|Avv)\.$")  # ("Gentile Sig. Ferri", "Estimada Sra. Ruiz")
# what every cut below needs: a mark (and its closers) before a space, or an emoji
_MAY_CUT = re.compile(rf"[.!?…][\])\"”’'!?]*\s|[{EMOJI}]")
_CLOSED_END = re.compile(r"(?<=[.!?…][\])\"”’'!?])\s+(?=[A-Z0-9@#\[(\"“])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: An e-mail's title line, not a sentence of it: "Subject: Tracking no. PX 4410 2281", "Re: ...", "Fwd: ...".
HEADER_LINE = re.compile(r"^\s*(?:subject|re|ref\.?|regarding|fw|fwd)\s*:", re.I)
#: A line that is only a labelled reference: "Booking number: CRZ-30087-TK", "Mortgage account 6014-882-11", "A/c no.:
#: 7700-21-943".
REFERENCE_LINE = re.compile(r"^\s*(?:[A-Za-z]+(?:/[A-Za-z]+)?\.?\s+){0,2}(?:no\.?|number|ref(?:erence)?\.?|#|account|booking|"
                            r"order|invoice|claim|case|ticket|policy)\s*:?\s*[\w/-]*\d[\w/-]*(?:\s+(?:/\s+)?\d[\w/-]*){0,3}\s*$",
                            re.I)  # ("No. 3318 0047 21")
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_HANDLE = re.compile(r"[@#]\w+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

STOPWORDS = frozenset(
    """a an the and or but so if then than that that's this these those there here it its it's is are was were be been
    being am do does did doing have has had having i i'm i've i'd i'll me my mine myself we we're we've we'd we'll
    us our ours you you're you've you'd you'll your yours yourself he she they them their his her him what which who
    whom whose when where why how all any both each few more most other some such no nor not only own same too very
    can could will would shall should may might must just now also still even ever again to of in on at by for with
    about against between into through during before after above below from up down out off over under further once
    as until while because via please hi hey hello there dear thanks thank team get got getting one lot really
    know let like make made go going see seen look looking need want way sure well ok okay yes oh""".split()
)
_ENGLISH_MARKERS = frozenset(
    """the you your to and we is for it this that please our us can be will with have of in are on an i my
    you'll you're we'll we're i'll i'm it's i've we've you've i'd we'd get got not sorry thanks thank hi hello hey
    at by from as was were has had do does did just all any if or but so what when how why which who there here out up
    would could should been about never make sure next again soon today know need
    that's there's what's let's thing
    within they them their than into after before
    ur u'll u're u've pls plz thx dont cant wont asap""".split()  # (the last line: chat English, "we'll make sure ur
    # next ride ..."; not "u" alone, which is Dutch too)
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


SIGNOFF_LINE = re.compile(  # a valediction alone on its line: "Kind regards,", "Yours faithfully,", "With sympathy,"
    r"^(?:(?:best|kind|warm|warmest|many)\s+)?(?:regards|wishes|thanks)\b.{0,20}$|^(?:thanks|thank\s+you|cheers|"
    r"sincerely|best|all\s+the\s+best|take\s+care|yours(?:\s+(?:truly|sincerely|faithfully|respectfully))?|talk\s+soon|"
    r"thanking\s+you|thanks\s+(?:&|and)\s+regards|"  # (an Indian letter's "Thanking you,", "Thanks & Regards,")
    r"respectfully|(?:yours\s+)?respectfully\s+yours|cordially|warmly|with\s+(?:respect|gratitude|thanks))\s*[,.!]?\s*$"
    r"|^(?:with\s+)?(?:(?:deepest|warmest|heartfelt|kindest|sincere|warm|kind|best)\s+)*(?:sympathy|sympathies|"
    r"condolences|wishes|gratitude|love|regards|apologies)(?:\s+(?:once\s+)?again)?\s*,\s*$",  # ("With apologies once again,")
    re.I,
)


_PHONE_NUMBER = re.compile(r"\+?\(?\d[\d\s()-]{5,}\d")


def _signature_line(line: str) -> bool:
    """Short, or an address of up to 12 words ("Ashford Borough Council, Civic Centre, Tannery Lane, Ashford TN23 1PL")
    that does not end like a sentence ("Reply here if it has not reached you by Friday.")."""
    words = len(_PHONE_NUMBER.sub("0", line).split())  # ("Tel. +46 8 555 019 20 | Mob. +46 70 555 33 81": a phone
    # number's groups are one word)
    return words <= 8 or words <= 12 and not line.rstrip().endswith((".", "!", "?"))


def signoff_start(text: str) -> int | None:
    """Where a sign-off line and the short signature lines under it start, in a reply of several lines (None: none)."""
    lines = text.split("\n")
    if len(lines) <= 2:
        return None
    offset = len(text)
    for back in range(1, min(10, len(lines))):
        line = lines[-back].strip()
        offset -= len(lines[-back]) + 1
        if not _signature_line(line):
            return None  # a sentence of the body: no signature block below a sign-off goes further up
        if SIGNOFF_LINE.match(line) and all(_signature_line(rest) for rest in lines[len(lines) - back:]):
            return offset + 1 + (len(lines[-back]) - len(lines[-back].lstrip()))
    return None


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping character offsets (trailing space excluded).

    Each line (and each block of an HTML draft) is segmented by Wikimedia's ``sentencex``, which knows titles
    and abbreviations ("Dear Mr. Okafor", "the St. Louis store", "U.S. cards", "5 p.m."); a lone ellipsis that
    opens a thread part ("...possible.") stays with the words after it.
    """
    return list(_sentences(text))  # a fresh list each call: callers may change theirs


@lru_cache(maxsize=4096)  # a rewrite checks the same draft, sentence and rewrite several times
def _sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    pos = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[pos:end].strip():
            _segment(text, pos, end, out)
        if match:
            pos = match.end()
    return tuple(out)


def _segment(text: str, start: int, end: int, out: list[Sentence]) -> None:
    line = text[start:end]
    if REFERENCE_LINE.match(line):  # "Reg. Ser. No. DW88213": a labelled reference is one unit, whatever its dots
        _append(text, start, end, out)
        return
    first = len(out)
    for bound in sentencex.get_sentence_boundaries("en", line):
        at = start + bound["start_index"]
        stop = start + bound["end_index"]
        # (most sentences hold no mark or emoji before a space: nothing to cut; every cut is followed by more words, so
        # the space that ends the sentence itself is not looked at)
        if _MAY_CUT.search(text, at, at + len(text[at:stop].rstrip())):
            cuts = [(m.start(), m.end()) for m in _CLOSED_END.finditer(text, at, stop)]
            cuts += [(m.start(1), m.end(1)) for m in _MISSED_END.finditer(text, at, stop)]
            cuts += [(m.start(1), m.end(1)) for m in _EMOJI_END.finditer(text, at, stop)]
            cuts += [(m.start(1), m.end(1)) for m in _EMOJI_SORRY.finditer(text, at, stop)
                     if len(text[at:m.start()].split()) >= 5]
            cuts += [(m.start(1), m.end(1)) for m in _CHAT_END.finditer(text, at, stop)]
            cuts += [(m.start(1), m.end(1)) for m in _MAY_END.finditer(text, at, stop)]
            cuts += [(m.start(1), m.end(1)) for m in _LETTER_END.finditer(text, at, stop)]
            cuts += [(m.start(1), m.end(1)) for m in _ROAD_END.finditer(text, at, stop)]
            for cut_start, cut_end in sorted(cuts):
                _append(text, at, cut_start, out)
                at = cut_end
        _append(text, at, start + bound["end_index"], out)
    merged: list[Sentence] = []
    pieces = out[first:]
    for at, sentence in enumerate(pieces):  # "..." alone, or "!" after an emoticon: part of its neighbour
        if merged and _PUNCTUATION_ONLY.match(merged[-1].text) and not _PUNCTUATION_ONLY.match(sentence.text):
            previous = merged.pop()
            sentence = Sentence(previous.start, sentence.end, text[previous.start:sentence.end])
        elif merged and (_PUNCTUATION_ONLY.match(sentence.text) or _runs_on(merged[-1].text, sentence.text)):
            previous = merged.pop()  # ... or "approx." before "six weeks": an abbreviation, not an end
            sentence = Sentence(previous.start, sentence.end, text[previous.start:sentence.end])
        elif merged and merged[-1].text[-1] in ".!?" and at + 1 < len(pieces) and _MOOD_ONLY.fullmatch(sentence.text):
            previous = merged.pop()  # "Sorry for the wait! 😞 DM us ...": the face ends the sentence before it
            sentence = Sentence(previous.start, sentence.end, text[previous.start:sentence.end])
        elif merged and merged[-1].text[-1] in ".!?" and _MOOD_FIRST.match(sentence.text):
            # "sorry for the trouble! 😕 pls DM us": the face goes with the sentence it follows
            previous, face = merged.pop(), _MOOD_FIRST.match(sentence.text)
            merged.append(Sentence(previous.start, sentence.start + face.end(1),
                                   text[previous.start:sentence.start + face.end(1)]))
            sentence = Sentence(sentence.start + face.end(), sentence.end, sentence.text[face.end():])
        merged.append(sentence)
    out[first:] = merged


def _runs_on(before: str, sentence: str) -> bool:
    """``before`` ends on a period that ends no sentence: an abbreviation ("approx." before "six weeks"), a title, a
    day's name before its date, or an hour before its time zone."""
    if before[-1] != ".":
        return False
    word = before.rfind(" ") + 1  # (an abbreviation, a title or a day is one word: searched from the last space on)
    return bool(_ABBREVIATION_END.search(before, word) and
                (sentence[:1].islower() or sentence[:1] in "£$€0123456789" or _NUMBER_LABEL.match(sentence)) or
                _TITLE_END.search(before, word) and sentence[:1].isupper() or
                _DAY_END.search(before, word) and _DATE_FIRST.match(sentence) or
                _HOUR_END.search(before) and _ZONE_FIRST.match(sentence))


# "by 5 p.m. EST tomorrow": the time zone goes with its hour
_HOUR_END = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.m\.$", re.I)
_ZONE_FIRST = re.compile(r"^(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|BST|UTC|CET|CEST|AEST|AEDT|IST|ET|PT|CT)\b")
_MOOD_FIRST = re.compile(rf"([{EMOJI}{EMOJI_GLUE}]+)\s+(?=\w)")
_MOOD_ONLY = re.compile(rf"[{EMOJI}{EMOJI_GLUE}]+")


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    end = start + len(stripped)
    out.append(Sentence(start, end, stripped))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude stem, good enough to match 'delayed' with 'delay' and 'charges' with 'charged'."""
    word = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased words that carry meaning: no stopwords, links, handles, or words in ``ignore``."""
    return list(_content_words(text, ignore))


@lru_cache(maxsize=8192)  # the checker and the engine read the same sentences many times over
def _content_words(text: str, ignore: frozenset[str]) -> tuple[str, ...]:
    text = _HANDLE.sub(" ", _URL.sub(" ", text))
    words = []
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'").strip("'")
        if len(word) > 1 and word not in STOPWORDS and word not in ignore:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=4096)  # asked of the same draft, customer message and sentences by several rules
def looks_english(text: str) -> bool:
    """True unless the text is clearly in another language or script (the rules are English-only)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(_URL.sub(" ", text))]
    if not text.isascii():  # all-ASCII text has only Latin letters: skip counting them
        letters = sum(map(str.isalpha, text))
        ascii_letters = len(_ASCII_LETTER.findall(text))
        if letters and ascii_letters / letters < 0.6:
            return False
    if len(words) < 4:
        return True
    markers = sum(w in _ENGLISH_MARKERS for w in words)
    if not (markers >= 1 and markers / len(words) >= 0.12):
        return False
    plain = markers - sum(w in _LATE_MARKERS for w in words)
    if plain >= 1 and plain / len(words) >= 0.12:
        return True
    # English only by the words added last ("after", "into"): not where another language has as many of its own
    # ("Hola Lucía, el kit Before & After llega el lunes.")
    return max(sum(w in found for w in words) for found in _LATIN_MARKERS.values()) < markers


_LATE_MARKERS = frozenset("within they them their than into after before".split())
_SCRIPTS = (  # (language, first, last code point): a script that names its language
    ("ja", 0x3040, 0x30FF), ("ko", 0xAC00, 0xD7AF), ("zh", 0x4E00, 0x9FFF), ("ar", 0x0600, 0x06FF),
    ("he", 0x0590, 0x05FF), ("ru", 0x0400, 0x04FF), ("el", 0x0370, 0x03FF), ("th", 0x0E00, 0x0E7F),
    ("hi", 0x0900, 0x097F),
)
_LATIN_MARKERS = {
    "es": frozenset("el la los las de que y en un una por para con no es su al lo como más pero sus le ya muy hola gracias "
                    "favor nos está estamos puedes tu".split()),
    "pt": frozenset("o a os as de que e em um uma para com não é seu ao do da dos das como mais mas obrigado olá você "
                    "nos está estamos pode".split()),
    "fr": frozenset("le la les de des que et en un une pour avec ne pas est son au du comme plus mais merci bonjour vous "
                    "nous êtes sommes".split()),
    "de": frozenset("der die das und ist nicht ein eine zu mit den dem für auf sie wir ich danke hallo bitte ihr ihre "
                    "uns sind dass es wird werden haben ihnen auch noch von bei aus wenn".split()),
    "it": frozenset("il lo la gli le di che e un una per con non è suo al del della come più ma grazie ciao siamo".split()),
    "nl": frozenset("de het een en van is niet dat op te met voor zijn wij jij bedankt hallo je we".split()),
}


def detect_language(text: str) -> str:
    """``en`` when the text reads as English, else a best guess (ISO 639-1) from its script or its common
    words, or ``und`` (undetermined). Used to say why a reply was not assessed, not to translate it."""
    if looks_english(text):
        return "en"
    counts: dict[str, int] = {}
    for char in text:
        code = ord(char)
        for language, first, last in _SCRIPTS:
            if first <= code <= last:
                counts[language] = counts.get(language, 0) + 1
    if counts:
        return max(counts, key=counts.__getitem__)
    words = [w.lower() for w in _WORD.findall(_URL.sub(" ", text))]
    scores = {lang: sum(w in markers for w in words) for lang, markers in _LATIN_MARKERS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] else "und"


def other_language(text: str) -> str | None:
    """The language of a sentence of ``text`` that is clearly not English (its script, or two or more of one other
    language's common words in five or more words), in a reply that reads as English overall; else None. The rules
    cannot read such a sentence ("Thanks for your message. Le prometo que su reembolso llegará mañana.")."""
    for sentence in split_sentences(text):
        if len(sentence.text.split()) < 5 or looks_english(sentence.text):
            continue
        language = detect_language(sentence.text)
        words = [w.lower() for w in _WORD.findall(sentence.text)]
        if any(language == name for name, _, _ in _SCRIPTS) or \
                sum(w in _LATIN_MARKERS.get(language, ()) for w in words) >= 2:
            return language
    return None


_LOOKS_LIKE_HTML = re.compile(r"</?[A-Za-z!][^>]*>")


class _HTMLText(HTMLParser):
    """The visible text of an HTML document: body only, blocks as paragraphs, links as "label (href)"."""

    _HIDDEN = frozenset("head style script title template noscript svg object iframe".split())
    _PARAGRAPH = frozenset("p div h1 h2 h3 h4 h5 h6 ul ol table blockquote section article header footer pre "
                           "form hr address figure main nav aside dl".split())
    _LINE = frozenset("br li tr dt dd".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # text, or "\n" / "\n\n" for a break
        self.hidden = 0
        self.link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag == "a" and not self.hidden:
            self.link = (dict(attrs).get("href") or "", [])
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "a" and self.link is not None:
            href, label = self.link[0], " ".join("".join(self.link[1]).split())
            self.link = None
            self.parts.append(label if not href or not label or href in label else f"{label} ({href})")
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            (self.link[1] if self.link is not None else self.parts).append(data)

    def _break(self, tag: str) -> None:
        if not self.hidden and (tag in self._PARAGRAPH or tag in self._LINE):
            self.parts.append("\n\n" if tag in self._PARAGRAPH else "\n")

    def text(self) -> str:
        paragraphs: list[str] = []
        line: list[str] = []
        lines: list[str] = []
        for part in [*self.parts, "\n\n"]:
            if part not in ("\n", "\n\n"):
                line.append(part)
                continue
            joined = " ".join("".join(line).split())
            line = []
            if joined:
                lines.append(joined)
            if part == "\n\n" and lines:
                paragraphs.append("\n".join(lines))
                lines = []
        return "\n\n".join(paragraphs)


def html_to_text(text: str) -> str:
    """Plain text of an HTML draft: the body's text with paragraph and line breaks, links kept as "label (href)".

    Head, style, script and title, comments and the DOCTYPE are dropped. Text without tags comes back as is.
    """
    if not _LOOKS_LIKE_HTML.search(text):
        return text
    parser = _HTMLText()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on "<![b" (an unknown marked section): it is text
        return text
    return parser.text()
