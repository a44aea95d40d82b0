"""Does a reply read as fluent English? ``fluency_problems(text)`` lists what does not ([] when it reads well).

It looks for the traces a mechanical edit leaves: a clause spliced into another ("for a Please reply"), a
sentence cut off after "for a", stray or doubled punctuation, unbalanced brackets, a lone name as a
sentence, a flipped pronoun ("you'm", "us didn't"), a capital after a greeting ("Hello, There."), text after
a thread marker. It stays quiet on what real support replies do: signatures (^MG, -Becky, *TAC, /PB),
handles, hashtags, links, emoji and emoticons, "DM", leading thread markers, ellipses, abbreviations.

Links, handles, signatures and the like are first masked by placeholders; each check then runs on the
masked text, and the quotes in the problems are unmasked. Word checks run only on English text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import KISS_SIGN_OFF

__all__ = ["CHECKS_AN_ORDER", "TYPED_TWICE", "fluency_problems", "has_verb", "new_problems", "THREAD_MARKER"]

# --- Masking -------------------------------------------------------------------------------------------------------
# Placeholders live in the Unicode private-use area: \ue000<kind><index>\ue001.
# They are neither letters nor sentence punctuation, so the word and sentence
# regexes below skip them.
_PH_OPEN, _PH_CLOSE = "\ue000", "\ue001"
_PH_RE = re.compile(_PH_OPEN + r"([A-Z])(\d+)" + _PH_CLOSE)

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s()<>\"]*[^\s()<>\".,;:!?'’]"  # a link, without trailing punctuation
    r"|\b[\w-]+\.(?:com|org|net|co\.uk|io|gov|edu)(?:/\S*)?\b",  # a bare domain
    re.I,
)
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE_RE = re.compile(r"(?<![\w@])@\w+(?:\.\w+)*")  # "@holly.drinks.coffee" (Instagram handles have dots)
_HASHTAG_RE = re.compile(r"(?<![\w#&])#\w+")
# Thread markers: 1/2, (2/3), [1/2], 2/2. -- N <= M <= 9.  "10/31" and "24/7"
# are not markers.
THREAD_MARKER = re.compile(r"(?<![\w/])[(\[]?([1-9])/([1-9])[)\]]?(?![\w/])")
# Emoticons; written out so that ":)" does not unbalance a bracket.
_EMOTICON_RE = re.compile(
    r"(?<!\w)(?:[:;=8xX] ?[-~^']?[)(\]\[DPpOo/\\|3*]+|[)(][-~^']?[:;=]|<3|\^_+\^|\^\^|o_O|O_o|-_-|¯\\_\(ツ\)_/¯)(?!\w)"
)
# Signatures.  ^MG ^Tanuj ^cr, *TAC *ZachRicketts, /PB, --JV, and a trailing
# "-Becky" / "- Anwar" / "–XG" / "~Sam" (also glued: "Thanks-Sha").
_SIG_CARET_RE = re.compile(r"\^[A-Za-z]{1,16}\b|(?<=\d)\^(?=\s|$)")
_SIG_STAR_RE = re.compile(r"(?<![\w*])\*[A-Z][A-Za-z]{1,15}\b")
_SIG_SLASH_RE = re.compile(r"(?<![\w/])/[A-Z]{2,3}\b")
_SIG_DASH_RE = re.compile(
    r"(?:(?<=\s)|(?<=[\w.!?)]))(?:--?|[–—~])\s?[A-Z][A-Za-z]{0,15}(?:\s(?:&\s)?[A-Z][A-Za-z]{0,15}){0,3}"
    r"(?=\s*(?:\ue000[A-Z]\d+\ue001\s*)*$)"
)
_SIG_KISS_RE = re.compile(rf"(?<=\s){KISS_SIGN_OFF}(?=\s*(?:\ue000[A-Z]\d+\ue001\s*)*$)")  # "xx Team Bloom"
# Abbreviations whose period does not end a sentence.
_ABBREV_RE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Inc|Ltd|Co|Corp|Ave|Rd|Dept|Gov|Jan|Feb|Mar|Apr|Aug|Sept|Sep|"
    r"Oct|Nov|Dec|U\.S|U\.K|U\.S\.A|D\.C|[A-Z](?:\.[A-Z])+)\.(?=\s|$|[,;:)])"
)
_ABBREV_CI_RE = re.compile(
    r"(?<![\w.])(?:(?:e\.g|i\.e|etc|vs|approx|a\.m|p\.m|min|mins|hrs?|ext)\.(?=\s|$|[,;:)])"
    r"|(?:no|nos|ref|acct|tel)\.(?=\s+[a-z0-9#]))",
    re.I,
)
_ELLIPSIS_RE = re.compile(r"\.{3,}|\.(?: \.){2,}|…+")

# (kind, pattern, characters one of which every match holds: a text with none is not searched; "" for any text)
_MASKERS = [
    ("U", _URL_RE, ""),
    ("E", _EMAIL_RE, "@"),
    ("H", _HANDLE_RE, "@"),
    ("G", _HASHTAG_RE, "#"),
    ("T", THREAD_MARKER, "/"),
    ("S", _SIG_CARET_RE, "^"),
    ("S", _SIG_STAR_RE, "*"),
    ("S", _SIG_SLASH_RE, "/"),
    ("M", _EMOTICON_RE, ""),
    ("A", _ABBREV_CI_RE, "."),
    ("A", _ABBREV_RE, "."),
    ("L", _ELLIPSIS_RE, ".…"),
    ("S", _SIG_DASH_RE, "-–—~"),  # last: it looks for "only placeholders after me"
    ("S", _SIG_KISS_RE, "x"),
]


class _Masked:
    def __init__(self, text: str):
        self.originals: list[str] = []
        masked = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
        masked = masked.replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<")
        for kind, rx, needs in _MASKERS:
            if not needs or any(char in masked for char in needs):
                masked = rx.sub(lambda m, k=kind: self._ph(k, m.group(0)), masked)
        self.text = masked

    def _ph(self, kind: str, original: str) -> str:
        self.originals.append(original)
        return f"{_PH_OPEN}{kind}{len(self.originals) - 1}{_PH_CLOSE}"

    def unmask(self, s: str) -> str:
        prev = None
        while prev != s:  # placeholders may nest (a signature after an ellipsis)
            prev = s
            s = _PH_RE.sub(lambda m: self.originals[int(m.group(2))], s)
        return s


def _strip_ph(s: str) -> str:
    return _PH_RE.sub(" ", s)


# --- Word lists ----------------------------------------------------------------------------------------------------
_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")

_ENGLISH = set(
    """a an the and or but to of for in on at by with from is are was were be been am i you we it this that
    your our my me us they them their there here have has had do does did will would can could should
    please thanks thank sorry not no yes so if as what how when which who help let know hi hello hey
    just get out up about all any more some team dm account""".split()
)

_ARTICLES_DETERMINERS = {"a", "an", "the", "your", "our", "my", "their", "its", "every"}
_CONJUNCTIONS = {"and", "or", "but", "nor", "because", "although", "unless", "whereas", "if", "than", "whether"}
_PREPOSITIONS = {"of", "for", "to", "with", "from", "into", "onto", "at", "by", "in", "on", "about", "as", "via"}

# Capitalised words that start a new sentence or clause.  After a comma
# (outside a greeting) or glued directly after a lower-case word they mark a
# spliced clause: "frustrating, Please reply", "for a Please reply".
_OPENERS_AFTER_COMMA = set(
    """Please We We're We'll We've We'd Our You're You'll You've Your It It's This That These Those Thanks Thank
    Sorry Can Could Would Let Let's Kindly You Unfortunately If Are Is Do Does Did Have Has There They Feel
    Here Also However Sadly When What How Why Where Which Apologies Hope Just""".split()
)
_OPENERS_GLUED = set(
    """Please It's We're We'll We've We'd Thanks Thank Sorry Unfortunately Kindly Let's Could Would Can
    Apologies Sadly If We When However""".split()
)

# A salutation ("Hi Sam,") and, more broadly, a short opening clause that may
# stand before a comma ("Thanks, ...", "Oh no, ...").
# A salutation with a name: "Hello Mr. Brandt", "Dear Dana", "Hi Sam" (not "Hi there" or "Hello again").
_SALUTATION_RE = re.compile(  # case-sensitive name: "Hello Mr. Brandt", not "hello and welcome"
    r"^\W*(?i:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\s+(?!(?i:there|again|all|everyone|team)\b)"
    r"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z\ue000]"
)
_HELLO_RE = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|howdy|dear|greetings|good\s+(?:morning|afternoon|evening|day))\b", re.I
)
_GREETING_RE = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|howdy|dear|greetings|aloha|yo|ahoy|heya|hola"
    r"|good\s+(?:morning|afternoon|evening|day|news|luck|night|job|call|question|idea|catch|one)"
    r"|morning|afternoon|evening|thanks|thank\s+you|ty|sorry|oh\s+no|oh|ah|aw+|wow|yes|no|ok|okay|sure|great"
    r"|awesome|well|hmm+|absolutely|of\s+course|apologies)\b",
    re.I,
)

# One-word sentences that are fine on their own ("Thanks. We'll ...").
_INTERJECTIONS = set(
    """thanks thank thx ty sorry apologies welcome congrats congratulations hi hello hey hiya howdy greetings
    cheers yes yep yeah yup no nope nah ok okay sure great awesome excellent perfect amazing fantastic wonderful
    brilliant lovely nice cool sweet done noted understood agreed absolutely definitely certainly indeed exactly
    totally right correct true fair bummer oops ugh yikes wow whoa hmm hm aw aww oh ah uh-oh anytime enjoy deal
    goodness gosh geez jeez truth success yas yass again also unfortunately sadly however gotcha same likewise
    please ahoy aloha boo yay hooray woohoo yum yummy delicious bravo touché touche ditto ha haha hehe lol omg
    dang darn shoot phew alright alrighty
    gorgeous beautiful stunning adorable tasty interesting hilarious classic legendary respect facts mood
    sincerely regards best warmly truly happy glad morning evening afternoon goodnight night later soon
    welcome cheerio bye goodbye ciao salute guac holy""".split()
)

# Words that show a sentence has a verb.  Auxiliaries, modals and common
# verbs (base forms; -s/-ed/-ing forms are derived below).
_AUX = set(
    """am is are was were be been being have has had having do does did done will would shall should can could
    may might must ought cannot can't won't don't doesn't didn't isn't aren't wasn't weren't haven't hasn't
    hadn't wouldn't shouldn't couldn't mustn't let's lets ain't cant dont wont didnt doesnt isnt arent wasnt
    im ive youre theyre were'd dm dms pm pls plz kindly r""".split()
)
_VERB_BASES = set(
    """accept access add adjust advise affect allow apologize apologise appear apply appreciate arrange arrive ask
    assist assure attach attempt avoid be become begin believe book break bring build buy call cancel care carry
    catch change charge chat check choose claim clarify clean clear click close come compensate complete confirm
    connect consider contact continue correct cost could create cut deal decide delete deliver depend describe
    deserve determine dial die disable discuss display do download drink drive drop eat email enable end enjoy
    ensure enter escalate establish expect experience expire explain fail feel fill find finish fit fix fly follow
    forget forward get give go grab guarantee guess handle happen hate head hear help hold hope identify imagine
    improve include inform install investigate issue join keep kick know land last learn leave let lie like link
    listen live load locate log look lose love make manage mean meet message mention mind miss move need note
    notice notify occur offer open operate order owe pass pay pick place plan play post prefer prepare press
    prevent print process promise protect provide pull purchase push put raise reach read receive recommend record
    redeem refer refresh refund register reinstall relate release remain remember remove rent repair replace reply
    report request require reschedule reset resolve respond rest restart restore return review ride ring run save
    say scan see seem select sell send serve set share ship shop shout show sign sit sleep solve sound speak spend
    start stay stop stream submit suggest supply support suppose sure take talk taste tell test text thank think
    touch track transfer travel treat try turn tweet type understand uninstall unplug update upgrade use verify
    view visit wait wake walk want warn watch wear welcome win wish wonder work worry write agree disagree count
    dig deplane board fear seek aim rely mix admire adore""".split()
)
_IRREGULAR = set(
    """began begun bought brought built caught chose chosen came did done drank drove drunk ate eaten fell felt
    found flew flown forgot forgotten got gotten gave given went gone grew grown heard held hid kept knew known
    laid led left lent lost made meant met paid put quit ran rang read rode said saw seen sent set shook shot
    showed shown shut sang sat slept sold spent spoke spoken stood stole stuck struck swore taken taught told
    thought threw thrown took understood woke won wore worn wrote written""".split()
)
_NOT_VERB_ING = {"thing", "something", "anything", "nothing", "everything", "morning", "evening", "ring", "king",
                 "spring", "string", "during", "ceiling", "wing", "sibling", "pudding", "darling", "bring"}


def _verb_forms() -> set[str]:
    forms = set(_AUX) | _IRREGULAR
    for b in _VERB_BASES:
        forms.add(b)
        forms.add(b + "s")
        forms.add(b + "es")
        stem = b[:-1] if b.endswith("e") else b
        forms.add(stem + "ed")
        forms.add(stem + "ing")
        forms.add(b + b[-1] + "ed")  # stopped
        forms.add(b + b[-1] + "ing")
        if b.endswith("y"):
            forms.add(b[:-1] + "ies")
            forms.add(b[:-1] + "ied")
    return forms


_VERBS = _verb_forms()
_IDIOMS = {"sorry", "thanks", "thank", "apologies", "glad", "happy", "welcome", "congrats", "congratulations",
           "luck", "cheers", "pleasure", "kudos", "shoutout"}
_SUBJECTS = {"i", "we", "they", "he", "she"}
# Verbless sentences opening with these are idiomatic: "My apologies for that.",
# "No problem at all.", "Best of luck with the move.", "Safe travels home."
_VERBLESS_OPENERS = {"my", "our", "no", "not", "any", "many", "much", "sincere", "sincerest", "all", "more",
                     "official", "best", "kind", "warm", "merry", "safe", "have"}
_CONTRACTION_RE = re.compile(r"['’](?:m|re|s|ve|ll|d)$|n['’]t$", re.I)


def _is_verb(word: str) -> bool:
    w = word.lower().replace("’", "'")
    w = re.sub(r"^(?:re|pre|un|mis|over|out|co)-?(?=[a-z]{3})", "", w) if w not in _VERBS else w
    if w in _VERBS or _CONTRACTION_RE.search(w):
        return True
    if len(w) >= 5 and w.endswith("ed"):
        return True
    if len(w) >= 6 and w.endswith("ing") and w not in _NOT_VERB_ING:
        return True
    return False


def has_verb(text: str) -> bool:
    """Some word of ``text`` is a verb, or an idiom that stands for one ("Sorry for the wait.", "Thanks again!")."""
    words = _WORD_RE.findall(text)
    return any(_is_verb(w) or w.lower() in _IDIOMS or w.lower() in ("thx", "ty") for w in words)


# --- Sentences -----------------------------------------------------------------------------------------------------
# A sentence ends at . ! ? (runs of them) followed by whitespace or the end, at
# an ellipsis placeholder, or at a line break.
_BOUNDARY_RE = re.compile(
    r"[.!?]+(?:[\"”’')\]]+)?(?=\s|$)|" + _PH_OPEN + r"L\d+" + _PH_CLOSE + r"|\n+"
)


class _Sentence:
    __slots__ = ("text", "start", "end_mark", "after")

    def __init__(self, text: str, start: int, end_mark: str, after: str):
        self.text = text  # masked, without the end mark, stripped
        self.start = start  # offset in the masked text
        self.end_mark = end_mark  # ".", "!", "?", "…" (ellipsis), "\n" or ""
        self.after = after  # what ended the previous sentence: "start", ".", "…", "\n"


def _sentences(masked: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    pos, after = 0, "start"
    for m in _BOUNDARY_RE.finditer(masked):
        mark = m.group(0)
        kind = "…" if mark.startswith(_PH_OPEN) else ("\n" if mark.startswith("\n") else mark.rstrip("\"”’')]")[-1])
        chunk = masked[pos:m.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(_Sentence(chunk.strip(), pos + lead, kind, after))
            after = kind
        elif kind != "\n" or after == "start":
            # an empty sentence: a stray mark (". ." / "? .") or a leading ellipsis
            if kind in (".", "!", "?") and out:
                out.append(_Sentence("", m.start(), kind, after))
            after = kind if after != "start" or kind == "…" else after
        pos = m.end()
    tail = masked[pos:]
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        out.append(_Sentence(tail.strip(), pos + lead, "", after))
    return out


def _is_english(masked: str) -> bool:
    """Crude language guess: the word checks only make sense for English."""
    plain = _strip_ph(masked)
    if "¿" in plain or "¡" in plain:
        return False
    words = [w.lower() for w in _WORD_RE.findall(plain)]
    if not words:
        return True
    accented = 0 if plain.isascii() else sum(bool(re.search(r"[^\x00-\x7f’]", w)) for w in words)
    if accented / len(words) > 0.1:
        return False
    if len(words) < 3:
        return True
    hits = sum(w in _ENGLISH for w in words)
    return hits / len(words) >= 0.2


def _quote(mask: _Masked, s: str, limit: int = 60) -> str:
    s = " ".join(mask.unmask(s).split())
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    return s[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _context(mask: _Masked, s: str, start: int, end: int, before: int = 3, after: int = 3) -> str:
    """Quote the words around s[start:end]: a few words either side."""
    left = s[:start].split(" ")
    right = s[end:].split(" ")
    frag = " ".join(left[-before - 1:])[-60:] + s[start:end] + " ".join(right[: after + 1])[:60]
    return _quote(mask, frag.strip())


# --- Checks --------------------------------------------------------------------------------------------------------
#: A small word typed twice ("sorry for the the delay", "thanks for for the photos"); words that may double in good
#: English ("in in", "is is", "that that", "had had") are left alone.
TYPED_TWICE = re.compile(r"\b(?=[aotfwys])(the|a|an|of|for|to|and|or|with|your|our|sorry)(\s+)\1\b", re.I)  # (the lookahead:
# one test of the first letter, not twelve words tried at every word)

_PUNCT_RULES = [
    (TYPED_TWICE, "word typed twice"),
    (re.compile(r"(?<![.\ue001])\.\.(?![.\ue000])"), "doubled period"),
    (re.compile(r"[,;:]\s*[.!?](?![.\w])"), "comma/colon followed by end punctuation"),
    (re.compile(r"(?<!\.)[.!?]\s*[,;](?!\w)|(?<!\.)[.!?],"), "end punctuation followed by a comma"),
    (re.compile(r"[!?]\.(?!\.)"), "'!.' or '?.'"),
    (re.compile(r",\s*,"), "doubled comma"),
    (re.compile(r"(?<=[\w)”\"'])\s+[,;](?=\s|$|\w)"), "space before comma"),
    (re.compile(r"(?<=[A-Za-z)”\"])[ \t]+[.!?](?![\w.])"), "space before end punctuation"),
    (re.compile(r"[.!?]\s+[.!?](?![.\w])"), "stray punctuation mark"),
    (re.compile(r"\b[a-z]{2,}[.!?][A-Z][a-z]"), "missing space after end punctuation"),
]


def _check_punctuation(mask: _Masked, problems: list[str]) -> None:
    s = mask.text
    for rx, label in _PUNCT_RULES:
        m = rx.search(s)
        if m:
            problems.append(f"{label}: \"{_context(mask, s, m.start(), m.end())}\"")


_PAIRS = [("(", ")"), ("[", "]"), ("{", "}"), ("“", "”")]
_ENUM_RE = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}|[a-zA-Z])\)")  # "1) Restart 2) ..."


def _check_brackets(mask: _Masked, problems: list[str]) -> None:
    s = _strip_ph(mask.text)
    if s.count("(") < s.count(")"):
        s = _ENUM_RE.sub(" ", s)
    for o, c in _PAIRS:
        if o not in s and c not in s:
            continue  # (most replies hold no bracket: nothing to count)
        depth, bad = 0, False
        for ch in s:
            if ch == o:
                depth += 1
            elif ch == c:
                depth -= 1
                if depth < 0:
                    bad = True
                    break
        if bad or depth:
            problems.append(f"unbalanced {o}{c}")
    if s.count('"') % 2:
        problems.append('unbalanced "')
    # ‘ opens a quote; ’ doubles as the apostrophe, so only a lone opener counts
    opens = s.count("‘")
    if opens and s.count("’") < opens:
        problems.append("unbalanced ‘’")


def _check_thread_markers(mask: _Masked, problems: list[str]) -> None:
    s = mask.text
    for m in _PH_RE.finditer(s):
        if m.group(1) != "T":
            continue
        before = _strip_ph(s[: m.start()]).strip(" .…\t")
        line_after = s[m.end():].split("\n", 1)[0]
        rest = _strip_ph(line_after)
        if not before or "\n" in s[max(0, m.start() - 1): m.start()]:
            continue  # a leading marker: "1/2 Hello, ..."
        if _WORD_RE.search(rest):
            problems.append(f"text after thread marker: \"{_quote(mask, s[m.start():m.end()] + line_after)}\"")
            return


# a word (or a bracket, a placeholder) and a comma before a capitalised word; found word by word, where a lazy run up to
# each comma from every position of the sentence took time in its square
_COMMA_CAPITAL = re.compile(r"([\w)\ue001])\s*,\s+([A-Z][A-Za-z'’]*)\b")
_GLUED_RE = re.compile(r"(?<![\"“‘'])\b([A-Za-z][a-z'’]*) +([A-Z][A-Za-z'’]*)\b")
_PRONOUN_RES = [
    re.compile(r"\b(?:you|we|they|us|he|she)['’]m\b|\bI['’]re\b|\b(?:us|me|them|him)['’](?:d|ll|re|ve|m|s)\b", re.I),
    re.compile(
        r"(?:^|[,;]|\b(?:that|as|because|if|when|since|why|and|but|so|while|obviously|where))\s+"
        r"(?:us|me|them|him)\s+(?:will|would|can|could|did|didn['’]t|do|don['’]t|are|aren['’]t|were|weren['’]t|"
        r"have|haven['’]t|had|was|wasn['’]t|is|am|should|shall|may|might|must|sent|got|tried|paid|bought|ordered|"
        r"received|called|told|said|made|need|want|know)\b",
        re.I,
    ),
    re.compile(r"\b(?:you|we|they)\s+(?:was|wasn['’]t)\b|\bI\s+(?:were|are)\b(?!\s*n['’]t)", re.I),
]


def _check_pronouns(mask: _Masked, problems: list[str]) -> None:
    s = mask.text
    for rx in _PRONOUN_RES:
        m = rx.search(s)
        if m:
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(",; ")))
            problems.append(f"pronoun mix-up: \"{_context(mask, s, start, m.end())}\"")
            return


_PIECE_RE = re.compile(r"^(?:(?P<cond>If|Once|Whenever|In\s+case|To\s+(?!be\b|do\b)\w+)\s|(?:Because|Although|Though|Whereas|"
                       r"Unless|So\s+that)\s|(?P<phrase>(?:In|On|At|For|With|By|Within|Until|Before|After|From|A|An)\s))")
CHECKS_AN_ORDER = re.compile(r"\b(?:whether|if)\s+(?:just\s+|simply\s+)?(?:use|try|plug|unplug|click|tap|restart|reboot|reset|"
                              r"pop|bring|put|turn|switch)\s+(?:any|the|your|it|a|an|this|that|in|on|off)\b", re.I)
# a subject and its verb somewhere in a condition: "If you ever need us we are just a tweet away" has its main clause
_MAIN_RE = re.compile(r"\b(?:we|I|you|they|it|he|she|there)(?:['’](?:re|ve|ll|d|s|m)\b|\s+(?:are|is|was|were|will|can|have|"
                      r"has|had|do|did|would|could|should|may|might|must|need|want|get|\w+ed|\w+s)\b)"
                      r"|\b(?:please|do|call|contact|try|check|visit|reply|send|dm|email|let)\b"  # or an imperative
                      # ... or a noun's modal: "To remove a holder both parties need to sign the form"
                      r"|\b[a-z]+\s+(?:must|need\s+to|needs\s+to|have\s+to|has\s+to|will|can|should)\s+[a-z]+\b", re.I)
# "To close the account just fill in our online form": a purpose, then what to do
_TO_THEN_DO = re.compile(r"^To\s+\w+\b.*?\b(?:just|simply)\s+(?:fill|complete|upload|click|tap|use|send|call|visit|go|"
                         r"log|follow|reply|email|head|pop)\b")
_SUBJECT_WORDS = _SUBJECTS | {"you", "it", "there"}
_IS_CONTRACTED = {"it", "that", "there", "he", "she", "what", "here", "who", "where", "let", "everything", "this"}


def _finite(words: list[str]) -> bool:
    """Some word is a finite verb or a subject: an auxiliary, a past form, a verb in -s, or "we", "you" ..."""
    for word in words:
        w = word.lower().replace("’", "'")
        if w.endswith("'s") and w[:-2] not in _IS_CONTRACTED:
            continue  # "your daughter's birthday": a possessive, not "is"
        if w in _AUX or w in _IRREGULAR or w in _SUBJECT_WORDS or _CONTRACTION_RE.search(w):
            return True
        if _is_verb(w) and (w.endswith("ed") or w.endswith("s") and not w.endswith("ss")):
            return True
    return False


def _check_sentence(mask: _Masked, sent: _Sentence, prev: _Sentence | None, nxt: _Sentence | None,
                    english: bool, problems: list[str]) -> None:
    raw = sent.text
    text = _strip_ph(raw).strip()
    # A sentence may begin with a thread marker ("2/2 Here is ...") or a leading
    # signature-less ellipsis; look at what follows them.
    lead_ph = re.match(r"^(?:\ue000[TLSM]\d+\ue001\s*)+", raw)
    lead_kinds = set(re.findall(r"\ue000([A-Z])\d+\ue001", lead_ph.group(0))) if lead_ph else set()
    body = raw[lead_ph.end():] if lead_ph else raw

    if not text:
        # raw == "": a lone mark such as ". ." or "? ."; a signature, hashtag or
        # link followed by a period ("^Osebi.", "#Pride!") is fine
        if not raw and sent.end_mark in (".", "!", "?") and sent.after in (".", "!", "?") \
                and not any(p.startswith("stray punctuation") for p in problems):
            problems.append("empty sentence (a lone punctuation mark)")
        return

    # 1. sentence starts with a comma, semicolon or colon
    if re.match(r"^[,;:]", body):
        problems.append(f"sentence starts with punctuation: \"{_quote(mask, raw)}\"")
        return

    if not english:
        return

    # a salutation after the reply has begun ("Thanks for writing. Hello Mr. Brandt."): text put before it
    if prev is not None and prev.text.strip() and _strip_ph(prev.text).strip() and _SALUTATION_RE.match(body) \
            and sent.after != "\n":
        problems.append(f"greeting in the middle of the reply: \"{_quote(mask, raw)}\"")

    words = _WORD_RE.findall(_strip_ph(body))

    # 2. lower-case start (not after an ellipsis, not iPhone/eBay, not a URL/handle)
    first = re.match(r"^[\"“‘'(\[]*([A-Za-z][\w'’-]*)", body)
    after_ellipsis = sent.after == "…" or "L" in lead_kinds
    if (
        first
        and first.group(1)[0].islower()
        and not re.match(r"^[a-z]+[A-Z]", first.group(1))  # iPhone, eBay, iOS
        and sent.after in ("start", ".", "!", "?")
        and not after_ellipsis
    ):
        where = "text" if sent.after == "start" and not lead_kinds else "sentence"
        problems.append(f"{where} starts lower-case: \"{_quote(mask, raw)}\"")

    # 3. comma splice into a capitalised opener: "frustrating, Please reply"
    #    and its milder cousin, a capital after a greeting: "Hello, There." / "Hi Sam, We'd ..."
    for m in _COMMA_CAPITAL.finditer(body):
        word = m.group(2).replace("’", "'")
        if word not in _OPENERS_AFTER_COMMA:
            continue
        clause = _strip_ph(body[: m.end(1)])
        clause_start = clause.rsplit(",", 1)[-1] if "," in clause else clause
        if (_GREETING_RE.match(clause) and len(_WORD_RE.findall(clause)) <= 4) or (
            _GREETING_RE.match(clause_start) and len(_WORD_RE.findall(clause_start)) <= 3
        ):
            if _HELLO_RE.match(clause_start) and word not in {"Thanks", "Thank", "Sorry", "Apologies"}:
                problems.append(f"capital after a greeting: \"{_context(mask, body, m.end(1), m.end(2))}\"")
                break
            continue
        if not re.match(r"\s+[A-Za-z]", body[m.end(2):]):
            continue  # "Thanks for the shout out, Will." -- a name, not a clause
        problems.append(f"clause glued with a comma: \"{_context(mask, body, m.end(1), m.end(2))}\"")
        break

    # 4. capitalised opener straight after a lower-case word: "for a Please reply"
    #    or after a name that starts the sentence: "Jeffrey If you face ..."
    for m in _GLUED_RE.finditer(body):
        prev, word = m.group(1), m.group(2).replace("’", "'")
        if word not in _OPENERS_GLUED:
            continue
        if prev[0].isupper():
            # a name glued to an opener: "Jeffrey If you ...", "..., Andy Please reply"
            if prev.lower() in _ENGLISH or prev.lower() in _INTERJECTIONS or _GREETING_RE.match(prev):
                continue
            if m.start(1) != 0 and word not in {"Please", "Kindly", "Unfortunately", "Thanks", "Sorry"}:
                continue
            if m.start(1) == 0 and word in {"We", "When"}:
                continue
        problems.append(f"clause glued without punctuation: \"{_context(mask, body, m.start(1), m.end(2))}\"")
        break

    # 4b. an indirect question left as a sentence: "How this is frustrating and ..."
    if sent.end_mark != "?" and re.match(r"^(?:How|Why)\s+(?:\w+ly\s+|much\s+|many\s+)?(?:this|that|it|you|we|they|your|our|I)\b",
                                         body) \
            and "?" not in body:
        problems.append(f"fragment (indirect question): \"{_quote(mask, raw)}\"")

    # 4b'. a check of an instruction: "Let me check whether just use any 12V adapter you have"
    if CHECKS_AN_ORDER.search(body):
        problems.append(f"check of an instruction: \"{_quote(mask, raw)}\"")

    # 4c. a piece cut from its sentence: a reason or a phrase with no main clause ("Because your GP advised it.",
    #     "In plenty of time for Sunday.", "A full refund on order GR-1.", "To make up for the week you lost.")
    piece = _PIECE_RE.match(body)
    if piece and sent.end_mark == "." and not re.search(r"[,:]", body) and \
            not (piece.group("phrase") and _finite(words[1:])) and \
            not (piece.group("cond") and (_MAIN_RE.search(body) or _TO_THEN_DO.match(body))):
        problems.append(f"fragment (a piece of a sentence): \"{_quote(mask, raw)}\"")

    # 5. cut off mid-clause: ends on an article, determiner or conjunction
    tail_words = _WORD_RE.findall(_strip_ph(raw))
    if tail_words and sent.end_mark not in ("…",) and len(tail_words) >= 2:
        last = tail_words[-1] if tail_words[-1].islower() else ""  # "a letter A." is not cut off
        trailing = raw[raw.rfind(tail_words[-1]) + len(tail_words[-1]):]
        ends_clean = not _strip_ph(trailing).strip()  # nothing but placeholders after it
        oh_my = last == "my" and len(tail_words) >= 2 and tail_words[-2].lower() in {"oh", "o"}
        if ends_clean and not oh_my and (last in _ARTICLES_DETERMINERS or last in _CONJUNCTIONS):
            tail = _quote(mask, " ".join(raw.split()[-7:]))
            problems.append(f"sentence cut off after \"{tail_words[-1]}\": \"…{tail}\"")
        elif ends_clean and last in _PREPOSITIONS and len(tail_words) >= 2 and \
                tail_words[-2].lower() in _PREPOSITIONS | _ARTICLES_DETERMINERS:
            problems.append(f"sentence cut off after \"{tail_words[-2]} {tail_words[-1]}\"")

    # 6. no verb
    if not words:
        return  # emoji, symbols, placeholders only
    lw = [w.lower().strip("'’-") for w in words]
    if any(_is_verb(w) for w in words):
        return
    if any(w in _IDIOMS for w in lw):
        return  # "So sorry to disappoint.", "Best of luck with the move."
    if any(w in _SUBJECTS for w in lw[:-1]):
        return  # "We ❤️ you too", "I dig it": a subject pronoun is followed by its verb
    if re.search(r"[^\w\s\ue000\ue001.,;:!?'’\"“”()\[\]&$%#@/*+=<>-]", text):
        return  # emoji and symbols mark playful fragments: "New friend✔ Cozy blankets ✔"
    if len(words) == 1:
        w = lw[0]
        has_more = nxt is not None and bool(_WORD_RE.search(_strip_ph(nxt.text)))
        if w in _INTERJECTIONS or w in _ENGLISH or not words[0][0].isupper():
            return
        if sent.after == "start" or not has_more or sent.end_mark in ("?", "…"):
            return  # "Clare." at the very start/end (a greeting or a sign-off)
        own_line = mask.text[: sent.start].rstrip(" \t").endswith("\n")
        if own_line and sent.end_mark in ("\n", "") and nxt is not None and nxt.end_mark in ("\n", "") and \
                not re.search(r"[.!?]", nxt.text):
            return  # "Jack\nHeatwise Plumbing": a name over the company's, in a signature
        if sent.end_mark == "!" and not (prev and _HELLO_RE.match(_strip_ph(prev.text))):
            return  # "Success! ..." is an exclamation; "Hello, thanks .... Josh! ..." is a torn greeting
        problems.append(f"one-word fragment: \"{_quote(mask, raw)}\"")
        return
    if sent.end_mark in ("!", "?", "…") or sent.after == "…" or "L" in lead_kinds:
        return  # "Great news!", "Any luck?", trailing/leading ellipses
    if _GREETING_RE.match(text) or lw[0] in _INTERJECTIONS or lw[0] in _VERBLESS_OPENERS:
        return  # "Sorry for the wait.", "My apologies for that.", "Happy travels."
    if len(words) <= 2 and not (lw[0] in _ARTICLES_DETERMINERS and sent.after != "start" and nxt is not None):
        return  # "Well played.", "Noted, thanks." (not a noun phrase left mid-reply: "Your children.", "Every penny.")
    if ":" in raw or sent.end_mark == "\n" and sent.after in ("start", "\n"):
        return  # "Official rules: <link>", list items
    problems.append(f"sentence without a verb: \"{_quote(mask, raw)}\"")


def fluency_problems(text: str) -> list[str]:
    """Return short descriptions of disfluencies in ``text`` ([] when fluent)."""
    return list(_problems(text))


@lru_cache(maxsize=1024)  # the guard reads the same draft for every candidate edit
def _problems(text: str) -> tuple[str, ...]:
    if not text or not text.strip():
        return ("empty text",)
    mask = _Masked(text)
    problems: list[str] = []
    _check_punctuation(mask, problems)
    _check_brackets(mask, problems)
    _check_thread_markers(mask, problems)
    english = _is_english(mask.text)
    if english:
        _check_pronouns(mask, problems)
    sents = _sentences(mask.text)
    for i, sent in enumerate(sents):
        _check_sentence(mask, sent, sents[i - 1] if i else None, sents[i + 1] if i + 1 < len(sents) else None,
                        english, problems)
    # keep order, drop duplicates
    seen: set[str] = set()
    return tuple(p for p in problems if not (p in seen or seen.add(p)))


def _kind(problem: str) -> str:
    kind = problem.split(":", 1)[0]
    return re.sub(r"^(?:text|sentence) ", "", kind)  # "text starts lower-case" is "sentence starts lower-case" moved


def new_problems(draft: str, rewrite: str) -> list[str]:
    """The problems of ``rewrite`` that ``draft`` did not have: the same problem, or as many of its kind
    (the words quoted around it may have moved), is the draft's own."""
    own = fluency_problems(draft) if draft.strip() else []
    kinds: dict[str, int] = {}
    for problem in own:
        kind = _kind(problem)
        kinds[kind] = kinds.get(kind, 0) + 1
    new = []
    for problem in fluency_problems(rewrite):
        kind = _kind(problem)
        if problem in own:
            continue
        if kinds.get(kind, 0) > 0:
            kinds[kind] -= 1
            continue
        new.append(problem)
    return new
