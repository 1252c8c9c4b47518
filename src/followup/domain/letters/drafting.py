"""What a draft says, chosen from the candidate's notes; the templates only phrase it.

Each topic discussed with the recipient comes with what they said and what the candidate brings;
a strength is given to the topic it fits best (shared words), each strength once; one topic is
"the point" a secondary letter or a call is about; the candidate's news is numbered so that the
k-th check-in carries news of its own. Phrasings are chosen per person and kind from a seed, so
that the same person's letters never share a sentence and a draft is the same every time.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from followup.domain.letters.text import stem, words
from followup.domain.letters.topics import ASKS, embedded_question
from followup.domain.letters.typed_notes import (
    BULLET,
    brought,
    course_of,
    own_time,
    with_subject,
    written_out,
)
from followup.domain.model import Topic

_STOP = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "at", "by", "from"}
    | {"about", "into", "our", "your", "their", "its", "my", "we", "you", "they", "how", "what"}
    | {"why", "new", "this", "that", "these", "those", "is", "are", "be", "as", "via", "per"}
    | {"vs", "i", "me", "it", "was", "were", "had", "has", "have"}
)
# light verbs (by their stem): sharing one says nothing of a strength fitting a topic ('runs a
# marathon', 'I run a newsletter')
_LIGHT = frozenset({stem(w) for w in ("run", "get", "make", "do", "take", "go", "want", "need")})
_LIGHT |= {stem(w) for w in ("use", "say", "keep", "put", "give", "come", "see", "know")}


@dataclass(frozen=True, slots=True)
class NotedTopic:
    """A topic as a letter uses it: its notes, and the strength that fits it (when the
    candidate wrote nothing of what they bring to it)."""

    name: str
    said: str = ""
    bring: str = ""
    promised: str = ""
    strength: str = ""

    @property
    def noted(self) -> bool:
        return bool(self.said or self.bring)


def tidy(note: str) -> str:
    """A note as a sentence frame takes it: one line, no closing full stop."""
    return " ".join(BULLET.sub("", note).split()).rstrip(" .;,")


def noted_topics(topics: Sequence[Topic], strengths: Sequence[str]) -> list[NotedTopic]:
    """Each topic with its notes, and for those without a `bring`, the strength that shares the
    most words with the topic and what was said about it (each strength used once)."""
    left = [tidy(s) for s in strengths if tidy(s)]
    out = []
    for topic in topics:
        strength = ""
        if topic.said and not topic.bring and left:  # what they said, answered by a strength
            about = _content(f"{topic.name} {topic.said}")
            scored = [(len(about & _content(s)), -i, s) for i, s in enumerate(left)]
            best = max(scored)
            if best[0] > 0:
                strength = best[2]
                left.remove(strength)
        out.append(
            NotedTopic(
                as_topic(topic.name),
                told(topic.said, topic.name),
                brought(tidy(topic.bring)),
                tidy(topic.promised),
                deed(strength) if strength else "",
            )
        )
    return out


def the_point(topics: Sequence[NotedTopic]) -> NotedTopic | None:
    """The one topic a secondary letter or a call is about: the first with what they said,
    else the first with what the candidate brings, else the first with a promise."""
    return (
        next((t for t in topics if t.said), None)
        or next((t for t in topics if t.bring), None)
        or next((t for t in topics if t.promised), None)
    )


def spare_strength(topics: Sequence[NotedTopic], strengths: Sequence[str]) -> str:
    """A strength no topic took, for a letter's general line (empty when a topic has one)."""
    if any(t.strength or t.bring for t in topics):
        return ""
    used = {t.strength for t in topics}
    return next((deed(s) for s in strengths if tidy(s) and deed(s) not in used), "")


def courses_since(courses: Sequence[str], met: date | None, today: date) -> list[str]:
    """The courses that are news to someone first met on `met`: those whose own time is known
    to be after that day, and those typed with no time at all (typed_notes.Course.news_after).
    A course over before the interview, or that may have been, is background."""
    return [c for c in courses if tidy(c) and (met is None or course_of(c).news_after(met, today))]


def news_items(courses: Sequence[str], strengths: Sequence[str]) -> list[tuple[str, str, str]]:
    """The candidate's news, in the order check-ins carry it: each course taken, then each
    piece of current work: ("course", the course, its own time or "") or ("work", text, "")."""
    items = []
    for c in courses:
        if tidy(c):
            course = course_of(c)
            items.append(("course", course.what, course.when))
    # a piece of work with its own time ('closed three deals in 2026') keeps it: `when` tells
    # the frame to give none of its own ('this season')
    items += [("work", deed(s), own_time(deed(s))) for s in strengths if tidy(s)]
    return items


def chooser(seed: str, k: int = 0) -> Callable[[str, int], int]:
    """`variant(slot, n)`: which of n phrasings a slot of this letter uses, the same every time
    for the same person, kind and slot; the k-th letter of a series moves on by k, so that
    successive check-ins never repeat a phrasing."""

    def variant(slot: str, n: int) -> int:
        if n <= 1:
            return 0
        return (zlib.crc32(f"{seed}|{slot}".encode()) + k) % n

    return variant


def first_question(text: str) -> str:
    """The first sentence of a message that asks something, for the answer's slot."""
    from followup.domain.letters.text import sentences

    for start, end in sentences(text):
        sentence = " ".join(text[start:end].split())
        if sentence.endswith("?") and not sentence.startswith(">"):
            return sentence
    return ""


def quoted(text: str, limit: int = 20) -> str:
    """A message quoted the way mail clients do: each line after '> '."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    if len(lines) > limit:
        lines = [*lines[:limit], "[…]"]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _content(text: str) -> set[str]:
    found = {stem(w.group(0)) for w in words(text) if w.group(0).lower() not in _STOP}
    return found - _LIGHT


# -- notes as a frame takes them ----------------------------------------------------------------
# A note is written in the candidate's notebook, about the interviewer; a letter speaks to the
# interviewer. A promise is written as the candidate said it ("send the deck by Friday"); a
# letter names the thing that goes with it, or the act still owed. A topic may be written as a
# task ("grow the northern region"); a letter's frames take noun phrases. A strength may be a
# sentence ("I have closed ...") or a noun ("outbound"); frames take a verb phrase after "I".

_DETERMINERS = frozenset(
    {"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that"}
    | {"these", "those", "some", "any", "all", "both", "each", "every", "one", "two", "three"}
    | {"four", "five", "six", "seven", "eight", "nine", "ten", "several", "a few", "no"}
)
_SENDING = re.compile(
    r"^(?:i(?:'ll|’ll| will| would| shall| can)?\s+|to\s+|will\s+)?"
    r"(?:send|sending|share|sharing|forward|forwarding|e-?mail|e-?mailing|mail|mailing|pass|"
    r"passing|drop|dropping|get|getting|provide|providing)"
    r"(?:\s+(?:over|across|along|on|through))?(?:\s+(?:you|her|him|them))?"
    r"(?:\s+(?:over|across|along|on|through))?\s+",
    re.IGNORECASE,
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri)"
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN = re.compile(
    rf"\s+(?:(?:by|before|until|no later than|within|on)\s+(?:the\s+)?(?:end of\s+(?:the\s+)?)?"
    rf"(?:next\s+|this\s+)?(?:{_DAY}|week|weekend|month|tomorrow|today|tonight|eod|eow|cob|"
    rf"\d+\s+days?|a few days|two days|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}|{_MON}\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?|\d{{1,2}}/\d{{1,2}})|(?:next|this)\s+(?:{_DAY}|week|weekend|month)|"
    rf"tomorrow|today|tonight|asap|this afternoon|end of (?:the )?week)$",
    re.IGNORECASE,
)
# what is done rather than sent: an introduction, a call, a meeting (a noun after the article)
_ACT_NOUNS = frozenset(
    {"intro", "intros", "introduction", "introductions", "referral", "referrals", "call"}
    | {"meeting", "chat", "coffee", "connection", "word", "catch-up", "follow-up"}
)
# ... or a verb of doing, not of sending
_ACT_VERBS = frozenset(
    {"introduce", "connect", "put", "call", "ask", "check", "find", "look", "set", "arrange"}
    | {"book", "organise", "organize", "schedule", "follow", "reach", "loop", "make", "talk"}
    | {"speak", "recommend", "refer", "invite", "bring", "ping", "ring", "text", "contact"}
    | {"update", "brief", "remind", "nudge"}
)
# acts done to a person: typed without them ('will ping re: availability'), the letter says whom
_TO_SOMEONE = frozenset({"ping", "call", "ring", "text", "contact", "update", "brief", "remind"})
_NO_OBJECT = frozenset({"about", "after", "before", "next", "tomorrow", "on", "when", "once"})


@dataclass(frozen=True, slots=True)
class Promise:
    """What was promised, as a letter says it: `item`, the thing (a noun phrase, "" for an act
    written as a verb); `act`, whether it is done rather than sent; `will`, what follows "I
    will" for an act ("follow up separately on the intro to your CFO by Friday")."""

    item: str
    act: bool = False
    will: str = ""


def promise_of(note: str) -> Promise:
    """A promise as written ("send the deck by Friday", "an intro to their CFO", "deck")."""
    text = second_person(written_out(tidy(note)), whole=True)
    when = ""
    found = _WHEN.search(text)
    if found and found.start() > 0:
        when, text = found.group(0).strip(), text[: found.start()].rstrip(" ,")
    text = _SENDING.sub("", text, count=1) or text
    text = re.sub(r"^(?:i(?:'ll|’ll| will)|will|to)\s+(?=\w)", "", text, flags=re.IGNORECASE)
    # 'intro' as a verb, before whom ('intro him to our CTO'): an introduction made
    text = re.sub(r"^intro(?=\s+(?:you\b|[A-Z]))", "introduce", text, flags=re.IGNORECASE)
    # the plan sales people name by its days alone ('30/60/90'; '30-60-90 plan' names itself)
    days = re.fullmatch(r"(\d{2}([/-])\d{2}\2\d{2,3})(?:[\s-]*days?)?", text)
    if days:
        return Promise(f"my {days.group(1)}-day plan")
    first, _, rest = text.partition(" ")
    if first.lower() in _ACT_VERBS and rest:
        if first.lower() in _TO_SOMEONE and rest.split(" ", 1)[0].lower() in _NO_OBJECT:
            text = f"{first} you {rest}"  # 'ping about availability': ping you
        return Promise("", True, _joined(text, when))
    words_ = text.split()
    head = words_[1] if len(words_) > 1 and words_[0].lower() in ("a", "an", "the") else first
    if head.lower() in _ACT_NOUNS:
        item = "the " + " ".join(words_[1:]) if words_[0].lower() in ("a", "an") else text
        item = _with_article(item)
        return Promise(item, True, _joined(f"follow up separately on {item}", when))
    return Promise(_with_article(text))


def _joined(text: str, when: str) -> str:
    return f"{text} {when}" if when else text


def _with_article(text: str) -> str:
    """'deck' -> 'the deck'; 'my plan', 'two references', "Gartner's report" stay as written."""
    first = text.split(" ", 1)[0]
    lowered = first.lower()
    if (
        not first
        or lowered in _DETERMINERS
        or lowered.endswith(("'s", "’s", "s'"))
        # a count ('2 references'), not a number compound that names the thing ('30-60-90 plan')
        or (first[0].isdigit() and not any(ch.isalpha() or ch == "-" for ch in first))
    ):
        return text
    return f"the {text}"


_THIRD = {
    "she": "you", "he": "you", "they": "you", "him": "you", "them": "you",
    "his": "your", "their": "your", "theirs": "yours", "hers": "yours",
    "himself": "yourself", "herself": "yourself", "themselves": "yourselves",
    "she's": "you're", "he's": "you're", "they're": "you're", "they've": "you've",
    "they'd": "you'd", "she'd": "you'd", "he'd": "you'd", "they'll": "you'll",
    "she'll": "you'll", "he'll": "you'll",
}  # fmt: skip
_SINGULAR = frozenset({"she", "he"})
_AGREE = {
    "is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
    "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't",
}  # fmt: skip
_ADVERBS = frozenset(
    {"always", "never", "still", "also", "often", "usually", "really", "just", "only", "already"}
    | {"even", "now", "rarely", "sometimes", "basically", "actually", "clearly", "mostly"}
)
# words after "her" that make it the object ("connect her with"), not a possessive
_LINKS = frozenset(
    {"to", "and", "with", "about", "for", "on", "in", "at", "from", "by", "into", "over", "as"}
    | {"that", "than", "or", "if", "when", "up", "out", "back", "know", "after", "before"}
    | {"next", "tomorrow", "once", "today", "tonight", "this", "later", "soon"}
)
_ARTICLES = frozenset({"a", "an", "the", "my", "our", "this", "that", "these", "those", "some"})
_PARTICIPLES = frozenset({"been", "got", "had", "done", "seen", "made", "gone", "taken"})
_PRONOUN = re.compile(
    r"\b(?:she|he|they|him|them|his|their|theirs|hers|himself|herself|themselves|her)"
    r"(?:['’](?:s|re|ve|d|ll))?\b",
    re.IGNORECASE,
)


_VERB_AFTER = re.compile(r"(\s+(?:(?:" + "|".join(sorted(_ADVERBS)) + r")\s+)*)([A-Za-z’']+)")


def second_person(note: str, whole: bool = False) -> str:
    """A note about the interviewer, told back to them: 'she races a J/70' -> 'you race a
    J/70', 'their surgeons choose' -> 'your surgeons choose'. Only a note that starts with such a
    pronoun is about them (or, with `whole`, a promise made to them: 'an intro to their CFO');
    'customers say they want SAP' is about the customers and stays as written."""
    first = note.split(" ", 1)[0].lower().replace("’", "'")
    if not note or (not whole and first not in _THIRD and first != "her"):
        return note
    out: list[str] = []
    pos = 0
    for m in _PRONOUN.finditer(note):
        word = m.group(0)
        key = word.lower().replace("’", "'")
        after = note[m.end() :]
        if key == "her":  # possessive before a word, else the object
            nxt = re.match(r"\s+([A-Za-z]+)", after)
            new = (
                "your"
                if nxt and nxt.group(1).lower() not in _ADVERBS | _LINKS | _ARTICLES
                else "you"
            )  # 'email her the case study': her, before the thing sent
            if not after.strip() or re.match(r"[\s]*[.,;:!?]", after):
                new = "you"
        elif key in ("she's", "he's"):
            nxt = re.match(r"\s+([A-Za-z]+)", after)
            perfect = nxt and (nxt.group(1) in _PARTICIPLES or nxt.group(1).endswith("ed"))
            new = "you've" if perfect else "you're"
        else:
            new = _THIRD[key]
        if word[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(note[pos : m.start()] + new)
        pos = m.end()
        if key in _SINGULAR:  # the verb that follows agrees with "you"
            verb = _VERB_AFTER.match(after)
            if verb:
                out.append(verb.group(1) + _plain(verb.group(2)))
                pos = m.end() + verb.end()
    out.append(note[pos:])
    return "".join(out)


def _plain(verb: str) -> str:
    """The form of a third-person verb after 'you': races -> race, has -> have, carries ->
    carry; a verb that is already plain ('she want') stays."""
    low = verb.lower()
    if low in _AGREE:
        return _AGREE[low]
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2:
        return verb[:-1]
    return verb


# Verbs a topic may start with when written as a task. Those that are also nouns ("launch
# plan", "price increases") are verbs only before an article, a possessive or a particle.
_TASK_VERBS = frozenset(
    {"grow", "retain", "expand", "open", "reduce", "improve", "sell", "enter", "replace"}
    | {"shorten", "simplify", "modernise", "modernize", "restructure", "rebuild", "migrate"}
    | {"automate", "consolidate", "accelerate", "penetrate", "recruit", "unify", "integrate"}
    | {"digitise", "digitize", "onboard", "upsell", "renew", "get", "make", "keep", "find"}
    | {"bring", "break", "hit", "reach", "win", "manage", "cut", "boost", "lower", "raise"}
    | {"standardise", "standardize", "professionalise", "professionalize", "fix", "rethink"}
)
_TASK_NOUNS = frozenset(
    {"launch", "increase", "scale", "hire", "build", "lead", "price", "target", "support"}
    | {"forecast", "track", "measure", "close", "run", "drive", "land", "move", "turn", "set"}
    | {"train", "coach", "double", "triple", "change", "plan", "test", "pilot", "review"}
)
_BEFORE_OBJECT = _DETERMINERS | {"back", "up", "out", "into", "down", "over", "off", "more", "new"}


_OWN_VOICE = re.compile(r"(?:i|we|our|my|us)\b|i['’]", re.IGNORECASE)


_THEY = frozenset({"they", "them", "their", "theirs", "themselves", "they're", "they've"})
_THEY |= {"they'd", "they'll"}


def _named(topic: str) -> bool:
    """A topic that is a name ('Kansanshi', 'Migros Zürich'): a 'they' in its note is more
    likely that named party than the interviewer ('BMW Dingolfing' too). A topic with a word in
    lower case ('expansion to Austria', 'SAP integration') is a subject, and an acronym alone
    ('CRM') a product or a field: neither is a party that speaks."""
    names = [w for w in tidy(topic).split() if w[0].isalpha()]
    return (
        bool(names) and all(w[0].isupper() for w in names) and not all(w.isupper() for w in names)
    )


# who said a quote, typed after it: the letter's frame already says it was them. After quote
# marks, or after a dash, a comma or a bracket when the note was typed without them: the note is
# then their words, and the letter quotes it.
_QUOTED_BY = re.compile(
    r"(?:(?<=[\"”'’])\s*(?:[-–—,:(]\s*)?|(?P<bare>\s*[-–—,(]\s*))"
    r"(?:(?:her|his|their|in (?:her|his|their))\s+(?:own\s+)?words|(?:she|he|they)\s+said|quote)"
    r"\)?$",
    re.IGNORECASE,
)


# a label typed before what was said ('said: ...', 'she said ...', 'quote: ...'): the letter's
# frame already says they said it. 'she said no to Oracle' is what she did, not a label.
_LABEL = re.compile(
    r"^(?:(?:said|says|quote)\s*[:–—-]\s*"
    r"|(?:she|he|they)\s+(?:said|says|say|mentioned)(?:\s*[:–—-]\s*|\s+that\s+|\s+"
    r"(?!(?:no|yes|so|it|nothing|hello|sorry|thanks)\b)(?=[a-z])))",
    re.IGNORECASE,
)
# where a note of several clauses is cut: its lines, a '|', and a full stop before a label
# ('said: churn is 4%. said: they lose merchants to Clip'); a ';' where what follows is a
# clause of its own that needs telling (a label, a verb with no subject), not where it is one
# sentence of theirs ('Price is not the issue; trust is')
_CLAUSES = re.compile(
    r"\s*(?:\n|\|)\s*|(?<=\.)\s+(?=(?:(?:she|he|they)\s+)?(?:said|says)\b)", re.IGNORECASE
)
# their own things in a note about them ('his team', 'her own podcast'); 'their' may be the
# customers' and stays
_HIS_HER = re.compile(r"\b(?:his|her|him|himself|herself)\b")


def _theirs_as_yours(text: str) -> str:
    def mine(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in ("himself", "herself"):
            return "yourself"
        if word == "him":
            return "you"
        if word == "her":
            nxt = re.match(r"\s+([A-Za-z]+)", text[m.end() :])
            return "your" if nxt and nxt.group(1).lower() not in _ADVERBS | _LINKS else "you"
        return "your"

    return _HIS_HER.sub(mine, text)


def _clauses(line: str) -> list[str]:
    """A line cut at its ';' when a part after one needs telling of its own: a label ('said:
    ...') or a verb with no subject ('wants a field team')."""
    parts = [p for p in (tidy(p) for p in line.split(";")) if p]
    if len(parts) > 1 and any(_LABEL.match(p) or with_subject(p) != p for p in parts[1:]):
        return parts
    return [line]


def told(said: str, topic: str = "") -> str:
    """What the interviewer said, as the letter tells it back: in the third person told to
    them ('she races' -> 'you race'); in their own first person ('we lose doctors when reps
    change', 'I don't trust the big chains') quoted as their words, which the candidate's
    voice would otherwise take over. A 'they' in the note of a topic that is a name stays:
    'Kansanshi: they want a single supplier' is the mine speaking, not the interviewer."""
    lines = [line for line in (tidy(part) for part in _CLAUSES.split(said)) if line]
    lines = [clause for line in lines for clause in _clauses(line)]
    if len(lines) > 1:  # a note of several lines or clauses: a clause each, in one sentence
        return "; ".join(told(line, topic) for line in lines)
    text = _LABEL.sub("", written_out(tidy(said)), count=1)
    by = _QUOTED_BY.search(text)  # '"..." - her words': the quote is theirs
    if by:
        text = text[: by.start()].rstrip(" .")
        if by.group("bare") and text and text[0] not in "\"“'‘":
            text = f'"{text}"'  # typed without its quote marks
    first = text.split(" ", 1)[0].lower().replace("’", "'")
    if first in _THEY and _named(topic):
        return text
    whole = re.fullmatch(r"([\"“])(.+?)([.?!]?)([\"”])", text)
    if whole and not re.search(r"[\"“”]", whole.group(2)):  # their sentence, as a sentence
        inner = whole.group(2)
        return (
            f"{whole.group(1)}{inner[0].upper()}{inner[1:]}{whole.group(3) or '.'}{whole.group(4)}"
        )
    if not text or text[0] in "\"“'‘":
        return second_person(text)
    if _OWN_VOICE.match(text):
        end = "" if text[-1] in "?!" else "."
        return f'"{text[0].upper()}{text[1:]}{end}"'
    told_back = second_person(text)
    if told_back != text and told_back[:1].isupper():  # 'He wants' -> 'you want', mid-sentence
        return told_back[0].lower() + told_back[1:]
    subject = with_subject(text)  # 'wants someone who ...': typed without its subject
    if subject != text:
        # ... about them, and so are their own things ('coaches his daughter's team')
        return _theirs_as_yours(subject) if subject.startswith("you ") else subject
    parts = text.split()
    if len(parts) > 2 and parts[0][0].isupper() and parts[1][0].islower() and first not in _THEY:
        # written as the sentence they said ('Price is not the issue'): quoted as their words,
        # since a frame takes it after a colon, mid-sentence
        end = "" if text[-1] in "?!" else "."
        return f'"{text}{end}"'
    return told_back


# a title written before a name: the letter calls that person by title and surname
_TITLES = frozenset(
    {"dr", "prof", "mr", "mrs", "ms", "mx", "miss", "herr", "frau", "mme", "mlle", "sr", "sra"}
    | {"dra", "ing", "dott", "dhr", "mevr", "pr", "professor", "doctor"}
)


# Given names of two words, as Spanish and Portuguese speakers are called ('María José',
# 'José Luis', 'João Pedro'): a first and a second given name that are used together. A
# second word not listed here is a surname ('Luis García Márquez': two surnames).
_FIRST_OF_TWO = frozenset(
    {"maría", "maria", "josé", "jose", "juan", "ana", "luis", "joão", "joao", "miguel"}
    | {"francisco", "carlos", "pedro", "jean", "marie", "anne", "antonio", "manuel"}
)
_SECOND_OF_TWO = frozenset(
    {"josé", "jose", "maría", "maria", "luis", "carlos", "sofía", "sofia", "isabel", "elena"}
    | {"teresa", "pablo", "manuel", "antonio", "ángel", "angel", "miguel", "carmen", "pedro"}
    | {"paulo", "paula", "clara", "lucía", "lucia", "ignacio", "javier", "andrés", "eduarda"}
    | {"eduardo", "fernanda", "gabriel", "victoria", "laura", "pilar", "ramón", "david"}
)


_INITIAL = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]")


def address_of(name: str) -> str:
    """What a letter calls someone: 'Dana' of 'Dana Reyes'; 'Dr. Haddad' of 'Dr. Amira
    Haddad'; 'María José' of 'María José Fernández-Villa'; 'Lakshmi' of 'R. Lakshmi'."""
    parts = name.split()
    if len(parts) > 1 and parts[0].lower().rstrip(".") in _TITLES:
        return f"{parts[0]} {parts[-1]}"
    while len(parts) > 1 and _INITIAL.fullmatch(parts[0]):
        # an initial before the name ('R. Lakshmi', as South India writes the father's name,
        # 'J. Robert Mills'): no one is called by a letter; the name after it
        parts = parts[1:]
    if len(parts) > 2 and parts[0].lower() in _FIRST_OF_TWO and parts[1].lower() in _SECOND_OF_TWO:
        return f"{parts[0]} {parts[1]}"
    return parts[0] if parts else ""


def as_topic(name: str) -> str:
    """A topic as a noun phrase: a task ('grow the northern region') as what is done ('growing
    the northern region'); a possessive of theirs as yours ('their surgeons' -> 'your
    surgeons')."""
    name = tidy(name)
    # a topic typed as a question, as the question a sentence holds ('why do deals stall?' ->
    # 'why deals stall'); 'how to win back churned clients?' is one already
    name = embedded_question(name.rstrip(" ?")) if name.endswith("?") or ASKS.match(name) else name
    first, _, rest = name.partition(" ")
    low = first.lower()
    if low in ("their", "his", "her", "our") and rest:  # theirs, or theirs in their words
        return f"your {rest}"
    if low in _DETERMINERS and first[:1].isupper() and rest:  # "The renewal book"
        return f"{low} {rest}"
    second = rest.split(" ", 1)[0].lower() if rest else ""
    if (
        rest
        and first.islower()
        and (low in _TASK_VERBS or (low in _TASK_NOUNS and second in _BEFORE_OBJECT))
    ):
        return f"{_gerund(first)} {rest}"
    return name


def _gerund(verb: str) -> str:
    """grow -> growing, retain -> retaining, hire -> hiring, win -> winning, open -> opening."""
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    vowels = re.findall(r"[aeiou]+", verb)
    cvc = re.search(r"[^aeiou][aeiou][^aeiouwxy]$", verb)
    if len(vowels) == 1 and cvc:
        return verb + verb[-1] + "ing"
    return verb + "ing"


_PAST = frozenset(
    {"ran", "built", "rebuilt", "led", "sold", "grew", "won", "brought", "cut", "set", "hit"}
    | {"beat", "made", "took", "wrote", "drove", "kept", "held", "taught", "spoke", "met"}
    | {"sent", "spent", "found", "became", "began", "bought", "caught", "chose", "fought"}
    | {"gave", "got", "knew", "left", "lost", "oversaw", "rose", "saw", "shut", "stood"}
    | {"struck", "threw", "understood", "went", "did", "had", "was", "have", "has", "am"}
    | {"manage", "lead", "run", "own", "sell", "build", "grow", "coach", "train", "speak"}
    | {"hold", "know", "bring", "work", "handle", "cover", "mentor", "close"}
)


def deed(strength: str) -> str:
    """A strength as it follows 'I' in a frame ('where I ...'): a sentence of its own loses its
    'I' and a 'have' before what was done ('I have closed ...' -> 'closed ...'); a noun
    ('outbound') becomes the experience ('gained experience in outbound')."""
    text = written_out(tidy(strength))
    if re.match(r"i\s", text, re.IGNORECASE):
        text = text[2:].lstrip()
    # the frames tell what was done ('In my last role I ...'): 'have signed' -> 'signed'
    done = re.match(r"(?:have|had)\s+([a-z]+)\s", text)
    if done and (done.group(1).endswith("ed") or done.group(1) in _PAST - {"have", "has"}):
        text = text[done.end(1) - len(done.group(1)) :]
    first = text.split(" ", 1)[0]
    if not first:
        return text
    low = first.lower()
    if first[0].islower() and low in _DONE_IN_PAST:  # 'speak Japanese': the frames tell
        return _DONE_IN_PAST[low] + text[len(first) :]  # what was done ('where I spoke ...')
    if first[0].islower() and (low in _PAST or low.endswith("ed")):
        return text
    return f"gained experience in {text}"


# a strength typed in the present ('speak Japanese, English and Mandarin'), as the frames tell
# it: in the past of a role ('In my last role I spoke ...')
_DONE_IN_PAST = {
    "manage": "managed", "lead": "led", "run": "ran", "own": "owned", "sell": "sold",
    "build": "built", "grow": "grew", "coach": "coached", "train": "trained", "speak": "spoke",
    "hold": "held", "bring": "brought", "work": "worked", "handle": "handled",
    "cover": "covered", "mentor": "mentored", "close": "closed",
}  # fmt: skip
