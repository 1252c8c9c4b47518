"""Notes as people type them right after an interview, turned into what a letter's frames take.

A note is typed in a hurry: a verb with no subject ("wants someone who can open doors", "runs the
Warsaw marathon", "did 80 dials a day"), a bullet before it, abbreviations ("w/", "re:", "+"),
and a course written with its own date ("Challenger workshop, finished in October"). A letter's
frames take a clause with a subject, a noun phrase, and a course whose time the frame either
gives ("since we met, I have completed ...") or leaves to the course ("I completed ... in
October") — never both: "since we met I have finished in October" says the time twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# a bullet typed before a note ('- cycle is 110 days', '• pricing')
BULLET = re.compile(r"^\s*(?:[-–—•*·>]+|\d+[.)])\s+")

# Verbs a hurried note starts with, in their plain form. A note that starts with one of them in
# the third person ('wants', 'runs'), as a present participle ('looking for') or in the past
# ('lost the last two panels') left out its subject: the interviewer, in what they said; the
# candidate, in what they bring.
VERBS = frozenset(
    {"want", "need", "run", "lead", "hate", "love", "like", "coach", "expect", "say", "think"}
    | {"lose", "look", "move", "plan", "prefer", "manage", "own", "sell", "build", "grow", "hire"}
    | {"struggle", "worry", "feel", "believe", "know", "use", "spend", "travel", "play", "live"}
    | {"work", "report", "cover", "handle", "push", "care", "focus", "try", "mention", "watch"}
    | {"race", "ride", "train", "support", "hope", "wish", "find", "keep", "get", "take", "give"}
    | {"seem", "mean", "fear", "plan", "aim", "intend", "insist", "complain", "doubt", "trust"}
    | {"favour", "favor", "value", "rate", "rank", "read", "write", "speak", "visit", "attend"}
    | {"sponsor", "collect", "cook", "cycle", "ski", "sail", "swim", "fish", "hike", "climb"}
    | {"launch", "open", "close", "win", "beat", "cut", "double", "triple", "reduce", "expand"}
    | {"sign", "place", "land", "set", "bring", "drive", "do", "make", "go", "come", "see"}
    | {"ask", "tell", "show", "wait", "join", "start", "leave", "stay", "check", "pay", "buy"}
    | {"target", "call", "meet", "send", "switch", "migrate", "replace", "rebuild", "restructure"}
    | {"cold-call", "prospect", "negotiate", "present", "pitch", "demo", "onboard", "mentor"}
    | {"book", "hit", "exceed", "generate", "deliver", "increase", "improve", "secure", "renew"}
)
# past forms that do not end in -ed
_IRREGULAR_PAST = {
    "lost": "lose", "ran": "run", "led": "lead", "sold": "sell", "built": "build", "grew": "grow",
    "won": "win", "beat": "beat", "cut": "cut", "set": "set", "brought": "bring", "drove": "drive",
    "did": "do", "made": "make", "went": "go", "came": "come", "saw": "see", "told": "tell",
    "left": "leave", "paid": "pay", "bought": "buy", "met": "meet", "sent": "send", "took": "take",
    "gave": "give", "found": "find", "kept": "keep", "got": "get", "spent": "spend",
    "thought": "think", "said": "say", "knew": "know", "wrote": "write", "spoke": "speak",
    "rebuilt": "rebuild", "felt": "feel", "held": "hold", "began": "begin", "rode": "ride",
}  # fmt: skip
# a plural noun and a verb share a spelling ('leads', 'plans'): what follows tells them apart.
# After a verb comes its object or a particle; after a plural noun, its verb.
_NOUN_NEXT = VERBS | {"are", "were", "is", "was", "have", "has", "will", "would", "can", "could"}
_NOUN_NEXT |= {"don't", "do", "did", "didn't", "won't", "can't", "should", "must", "may"}
_ADVERBS = frozenset(
    {"always", "never", "still", "also", "often", "usually", "really", "just", "only", "already"}
    | {"basically", "actually", "clearly", "mostly", "definitely", "probably", "apparently"}
)
_COPULA = {"is": "it is", "was": "it was", "isn't": "it isn't", "wasn't": "it wasn't"}


def _plain_of(word: str) -> str:
    """The plain verb a third-person form belongs to ('wants' -> 'want', 'coaches' ->
    'coach', 'carries' -> 'carry'), or '' when the word is no such form of a known verb."""
    w = word.lower()
    if not w.endswith("s") or w.endswith("ss"):
        return ""
    candidates = [w[:-1]]
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    return next((c for c in candidates if c in VERBS), "")


def _participle_of(word: str) -> str:
    """'looking' -> 'look', 'moving' -> 'move', 'planning' -> 'plan'; '' for no known verb."""
    w = word.lower()
    if not w.endswith("ing") or len(w) < 5:
        return ""
    base = w[:-3]
    for c in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else ""):
        if c and c in VERBS:
            return c
    return ""


def _past_of(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[w]
    if w.endswith("ed") and len(w) > 4:
        base = w[:-2]
        for c in (base, w[:-1], base[:-1] if base[-1:] == base[-2:-1] else "", base[:-1] + "y"):
            if c and c in VERBS:
                return c
        if w.endswith("ied") and w[:-3] + "y" in VERBS:
            return w[:-3] + "y"
    return ""


def with_subject(note: str) -> str:
    """What the interviewer said, typed without its subject, told back with one: 'wants
    someone who can ...' -> 'you want someone who can ...', 'looking for someone hungry' ->
    'you are looking for someone hungry', 'is the main reason clients leave' -> 'it is the
    main reason clients leave'. A note with a subject of its own ('reps forecast on gut feel',
    'leads come from the fair') stays as written."""
    parts = note.split(" ")
    if len(parts) < 2 or not parts[0][:1].isalpha():
        return note
    i = 0
    while i < len(parts) - 1 and parts[i].lower() in _ADVERBS:
        i += 1
    word, nxt = parts[i], parts[i + 1].lower() if i + 1 < len(parts) else ""
    if word[:1].isupper() and not (i == 0 and word[1:].islower()):
        return note  # a name or an acronym leads it
    low = word.lower()
    lead = " ".join(parts[:i]).lower()
    rest = " ".join(parts[i + 1 :])
    if i == 0 and low in _COPULA:
        return f"{_COPULA[low]} {rest}"
    plain = _plain_of(low)
    if plain and nxt not in _NOUN_NEXT:
        return " ".join(p for p in ("you", lead, plain, rest) if p)
    if i == 0 and _participle_of(low) and nxt not in _NOUN_NEXT:
        return f"you are {low} {rest}"
    if i == 0 and _past_of(low) and nxt not in _NOUN_NEXT:
        return f"you {low} {rest}"
    return note


# abbreviations typed in notes, as a letter writes them out
_WRITTEN_OUT = (
    (re.compile(r"\bw/o\b", re.IGNORECASE), "without"),
    (re.compile(r"(?<!\S)w/(?=\s|$)|(?<!\S)w/(?=\w)", re.IGNORECASE), "with "),
    (re.compile(r"\bre:\s*", re.IGNORECASE), "about "),
    (re.compile(r"\s+[+&]\s+"), " and "),
    # units of time and a manager, shortened as notes shorten them ('4 yrs', '12 wks', 'mgr')
    (re.compile(r"\b(1|an?|one)\s*yr\b\.?", re.IGNORECASE), r"\1 year"),
    (re.compile(r"(?<=\d)\s*yrs?\b\.?", re.IGNORECASE), " years"),
    (re.compile(r"(?<=\b1)\s*wk\b\.?", re.IGNORECASE), " week"),
    (re.compile(r"(?<=\d)\s*wks?\b\.?", re.IGNORECASE), " weeks"),
    (re.compile(r"(?<=\b1)\s*mth\b\.?", re.IGNORECASE), " month"),
    (re.compile(r"(?<=\d)\s*(?:mos|mths?)\b\.?", re.IGNORECASE), " months"),
    (re.compile(r"(?<=\b1)\s*hr\b\.?", re.IGNORECASE), " hour"),
    (re.compile(r"(?<=\d)\s*hrs?\b\.?", re.IGNORECASE), " hours"),
    (re.compile(r"\bref(?=\s+(?:from|letter)\b)", re.IGNORECASE), "reference"),  # 'ref from my mgr'
    (re.compile(r"\brefs(?=\s+from\b)", re.IGNORECASE), "references"),
    (re.compile(r"\bmgrs\b", re.IGNORECASE), "managers"),
    (re.compile(r"\bmgr\b", re.IGNORECASE), "manager"),
    # a rate per unit of time ('4%/mth', '80 dials/day', '$2m/yr')
    (re.compile(r"(?<=\w|%)\s*/\s*(?:mth|mo|month)\b", re.IGNORECASE), " a month"),
    (re.compile(r"(?<=\w|%)\s*/\s*(?:yr|year)\b", re.IGNORECASE), " a year"),
    (re.compile(r"(?<=\w|%)\s*/\s*(?:wk|week)\b", re.IGNORECASE), " a week"),
    (re.compile(r"(?<=\w|%)\s*/\s*day\b", re.IGNORECASE), " a day"),
    # 'my last co.' (a company, in lower case; 'Dupont & Co.' is a name)
    (re.compile(r"(?<=\s)co\.(?=\s|$)"), "company"),
    # a deadline typed short ('by tmrw', 'next wk')
    (re.compile(r"\b(?:tmrw|tmw|tmr|2moro|2morrow)\b", re.IGNORECASE), "tomorrow"),
    (re.compile(r"\b(next|this|last)\s+wk\b", re.IGNORECASE), r"\1 week"),
    # the short forms of a sales notebook (session 18), each with one meaning in a note
    (re.compile(r"\baccts\b", re.IGNORECASE), "accounts"),
    (re.compile(r"\bacct\b", re.IGNORECASE), "account"),
    (re.compile(r"\bmgmt\b", re.IGNORECASE), "management"),
    (re.compile(r"\bgovt\b", re.IGNORECASE), "government"),
    (re.compile(r"\bdepts\b", re.IGNORECASE), "departments"),
    (re.compile(r"\bdept\b", re.IGNORECASE), "department"),
    (re.compile(r"\bppl\b", re.IGNORECASE), "people"),
    (re.compile(r"\bapprox\b\.?", re.IGNORECASE), "about"),
    (re.compile(r"(?<!\S)b/c(?!\S)", re.IGNORECASE), "because"),
    # 'rev' is revenue where a figure is a share of it or it ends the note ('40% of rev'), not
    # in 'rev share'
    (re.compile(r"(?<=\bof )rev\b|\brev\b(?=\s*(?:[,.;]|$))", re.IGNORECASE), "revenue"),
)
# '=' typed between words for 'is' ('the acct = 2m'), 'are' after a plural ('tenders = 40%')
_EQUALS = re.compile(r"(?<=\w)(\w*)\s+=\s+(?=\w)")
# days and the months that are no other word, typed in lower case ('on saturdays', 'by june')
_CALENDAR_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|"
    r"july|august|september|october|november|december)(s?)\b"
)
# a title typed in lower case before a name ('ref from prof. meier'), as a letter writes it;
# only with its full stop: 'dr visits per week' are a doctor's visits, 'prof services' a trade
_TITLED = re.compile(r"\b(dr\.|prof\.|mr\.|mrs\.|ms\.)\s+([a-zà-ÿ][\w'’-]*)")


def written_out(note: str) -> str:
    """A note's abbreviations as a letter writes them ('w/' with, 're:' about, '+' and, 'accts'
    accounts, '=' is), and the names of days and months and a title before a name typed in
    lower case with their capitals ('saturdays' Saturdays, 'prof. meier' Prof. Meier)."""
    for abbreviation, written in _WRITTEN_OUT:
        note = " ".join(abbreviation.sub(written, note).split())
    note = _EQUALS.sub(
        lambda m: m.group(1) + (" are " if _plural(m.string[: m.end(1)]) else " is "), note
    )
    note = _CALENDAR_WORDS.sub(lambda m: m.group(1).capitalize() + m.group(2), note)
    return _TITLED.sub(lambda m: f"{m.group(1).capitalize()} {m.group(2).capitalize()}", note)


def _plural(before: str) -> bool:
    last = before.split()[-1].lower() if before.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def brought(note: str) -> str:
    """What the candidate brings, typed as a verb with no subject, said with 'I': 'did 80
    dials a day' -> 'I did 80 dials a day', 'know the buyers' -> 'I know the buyers'. A
    sentence of its own or a noun phrase ('my network in Bath', '40 logos in the NHS') stays."""
    text = written_out(BULLET.sub("", note))
    first = text.split(" ", 1)[0].rstrip(",;")
    if " " not in text or not first.islower():
        return text
    if first in VERBS or _past_of(first) or _plain_of(first):
        return f"I {_joined(text)}"
    return text


def _is_verb(word: str) -> bool:
    return word.islower() and bool(word in VERBS or _past_of(word) or _plain_of(word))


def _joined(text: str) -> str:
    """Verb phrases typed one after another with commas, joined as a sentence joins them: 'built
    a network, doubled the pipeline' -> 'built a network and doubled the pipeline'; 'called,
    booked 30 demos, closed 12' -> 'called, booked 30 demos and closed 12'. A part that is no
    verb phrase ('ran 30+ partners, QBRs every qtr') leaves the note as typed."""
    parts = text.split(", ")
    if (
        len(parts) < 2
        or " and " in parts[-1]
        or not all(_is_verb(part.split(" ", 1)[0]) for part in parts[1:])
    ):
        return text
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# -- courses ------------------------------------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
# a course's own time, at the end of what was typed
_COURSE_WHEN = re.compile(
    rf"(?:\b(?:in|on|during|since|over)\s+(?:the\s+)?)?"
    rf"(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{_MONTH}(?:\s+\d{{4}})?|{_SEASON}(?:\s+\d{{4}})?|\d{{4}}|q[1-4](?:\s+\d{{4}})?)"
    rf"|\b(?:last|this)\s+(?:week|month|year|quarter|{_SEASON})"
    rf"|\b(?:a|one|two|three|four|five|six|a few|\d+)\s+(?:weeks?|months?)\s+ago"
    rf"|\brecently|\byesterday",
    re.IGNORECASE,
)
_DONE = r"(?:finished|completed|did|took|passed|done|attended|earned|got|obtained|followed)"
_COURSE_NOUNS = frozenset(
    {"course", "workshop", "training", "program", "programme", "certification", "certificate"}
    | {"class", "bootcamp", "module", "seminar", "masterclass", "diploma"}
)
_ABBREVIATIONS = {"cert": "certification", "certs": "certifications"}


# a course's date typed in figures ('09/2026', '2026-09'), as a letter writes it
_FIGURES = re.compile(
    r"(?:(?P<m1>0?[1-9]|1[0-2])[/.](?P<y1>\d{4})|(?P<y2>\d{4})-(?P<m2>0[1-9]|1[0-2]))"
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# a part typed after a course that names where it was taught (an institution takes 'at', a
# place 'in'): a word for a school, or a name in capitals ('IIM', 'INSEAD')
_INSTITUTION = re.compile(
    r"\b(?:universit\w*|universidad|università|hochschule|college|school|institute|instituto|"
    r"institut|academy|akademie|academia|polytechnic|politecnico|business school|"
    r"chamber|kammer|association|council|centre|center|foundation)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_ONLINE = frozenset({"online", "virtual", "remote", "self-paced", "on-line", "e-learning"})
_SEPARATOR = re.compile(r"\s*,\s*|\s+[–—-]\s+")


@dataclass(frozen=True, slots=True)
class Course:
    """A course as a letter tells it: `what` (a noun phrase, with where it was taught) and
    `when`, its own time ('in October', 'last month'), empty when the note gave none."""

    what: str
    when: str = ""

    @property
    def done(self) -> str:
        """What follows 'I completed': the course, and its own time if it has one."""
        return f"{self.what} {self.when}" if self.when else self.what

    def news_after(self, day: date, today: date) -> bool:
        """Whether the course is news to someone met on `day`: it is when the first day its
        own time can mean is after that day ('in April 2027' after a March interview). A time
        that may reach back to the interview is not: a month, a quarter or a year that holds
        it ('in March 2027', 'in 2027' for an interview on 18 March 2027), or a time relative
        to the day the note was typed ('last month', 'two weeks ago', 'recently'), which the
        data does not keep. A course with no time at all is news: the candidate listed it as
        what changed (001). A month without a year is the last such month up to `today`."""
        if not self.when:
            return True
        span = span_of(self.when, today)
        return span is not None and span[0] > day


def span_of(when: str, today: date) -> tuple[date, date] | None:
    """The first and last day a course's own time can mean ('in September 2026' -> 1 and 30
    September 2026, 'in 2025' -> the year, 'in Q2 2026' -> April to June, 'in October' -> the
    last October up to today, 'on 25 March 2027' -> that day), or None for a time relative to
    when it was typed ('last month', 'recently') or one no calendar places ('in the spring')."""
    text = re.sub(r"^(?:in|on)\s+", "", when.lower().strip())
    day = _day_of(text)
    if day:
        return day, day
    text = re.sub(r"^(?:the\s+)?(?:early|late|mid-?)\s*", "", text)
    quarter = re.fullmatch(r"q([1-4])(?:\s+(\d{4}))?", text)
    if quarter:
        year = int(quarter.group(2) or today.year)
        month = int(quarter.group(1)) * 3
        if not quarter.group(2) and (year, month - 2) > (today.year, today.month):
            year -= 1
        return date(year, month - 2, 1), _month_end(year, month)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    found = re.fullmatch(r"([a-z]+)\.?(?:\s+(\d{4}))?", text)
    if not found:
        return None
    month = _month_number(found.group(1))
    if not month or not re.fullmatch(_MONTH, found.group(1), re.IGNORECASE):
        return None
    year = int(found.group(2)) if found.group(2) else today.year
    if not found.group(2) and month > today.month:
        year -= 1
    return date(year, month, 1), _month_end(year, month)


def _month_number(word: str) -> int:
    return next((i + 1 for i, m in enumerate(_MONTHS) if m.lower().startswith(word[:3])), 0)


# a course's date known to the day: '2027-03-19', '25 March 2027', 'March 25, 2027'
_DAY_DATE = (
    r"(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)


def _day_of(text: str) -> date | None:
    """The day a date known to the day names, or None (a month, a year, a day that does not
    exist)."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    parts = (
        (int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if iso
        else _written_day(text.replace(",", " "))
    )
    if not parts:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def _written_day(text: str) -> tuple[int, int, int] | None:
    found = re.fullmatch(
        r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?)"
        r"\s+(\d{4})",
        " ".join(text.split()),
    )
    if not found:
        return None
    word = found.group(2) or found.group(3)
    month = _month_number(word) if re.fullmatch(_MONTH, word, re.IGNORECASE) else 0
    if not month:
        return None
    return int(found.group(5)), month, int(found.group(1) or found.group(4))


def _day_written(text: str) -> str:
    """A course's day as a letter writes it: 'on March 19, 2027' of '2027-03-19', and a day
    typed in words as typed, its month written out ('on 25 Mar 2027' -> 'on 25 March 2027')."""
    day = _day_of(text.lower())
    if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"on {day:%B} {day.day}, {day.year}"
    return f"on {_month_written_out(' '.join(text.split()))}"


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _month_written_out(when: str) -> str:
    """'in Sept 2026' -> 'in September 2026'; '09/2026' -> 'September 2026'."""
    figures = _FIGURES.fullmatch(when.strip())
    if figures:
        month = int(figures.group("m1") or figures.group("m2"))
        return f"{_MONTHS[month - 1]} {figures.group('y1') or figures.group('y2')}"

    def full(m: re.Match[str]) -> str:
        word = m.group(0).rstrip(".")
        return next((n for n in _MONTHS if n.lower().startswith(word.lower()[:3])), word)

    return re.sub(rf"\b{_MONTH}(?=\s|$)", full, when, flags=re.IGNORECASE)


def _is_when(part: str) -> bool:
    return bool(re.fullmatch(_COURSE_WHEN.pattern, part, re.IGNORECASE) or _FIGURES.fullmatch(part))


def course_of(note: str) -> Course:
    """'Challenger Sale workshop, finished in October' -> ('the Challenger Sale workshop', 'in
    October'); 'completed MEDDICC cert last month' -> ('the MEDDICC certification', 'last
    month'); 'SPIN course, IIM Bangalore, Sept 2026' -> ('the SPIN course at IIM Bangalore',
    'in September 2026'); 'a MEDDIC qualification course' -> (itself, '')."""
    text = written_out(" ".join(BULLET.sub("", note).split()).rstrip(" .;,"))
    text = re.sub(rf"^(?:i\s+(?:have\s+)?)?{_DONE}\s+", "", text, flags=re.IGNORECASE)
    # a date in brackets at the end is one more part ('Sandler Foundations (Nov 2026)')
    text = re.sub(
        r"\s*\(([^()]*)\)$",
        lambda m: (
            f", {m.group(1)}"
            if _is_when(re.sub(rf"^{_DONE}\s+", "", m.group(1), flags=re.IGNORECASE))
            else m.group(0)
        ),
        text,
    )
    # a date known to the day, at the end ('Solution Selling, finished 2027-03-19', '...
    # (March 25, 2027)'): its commas are no separators
    day = re.search(
        rf"(?:\s*[,(]\s*|\s+[–—-]\s+|\s+)(?:{_DONE}\s+)?(?:on\s+)?({_DAY_DATE})\)?$",
        text,
        re.IGNORECASE,
    )
    day_when = ""
    if day and day.start() > 0 and _day_of(day.group(1).lower()):
        day_when, text = _day_written(day.group(1)), text[: day.start()]
    # the parts typed after the course, after a comma or a dash: its time, a verb of doing,
    # where it was taught (an institution, a place), 'online'
    head, *parts = _SEPARATOR.split(text)
    when, where, kept = "", [], []
    for part in parts:
        part = re.sub(rf"^{_DONE}(?:\s+|$)", "", part, flags=re.IGNORECASE).strip(" ()")
        if not part:
            continue
        inner = re.search(rf"\s((?:{_COURSE_WHEN.pattern}))$", part, re.IGNORECASE)
        if _is_when(part):
            when = part
        elif part.lower() in _ONLINE:
            where.append(part.lower())
        elif part[:1].isupper() or part[:1].isdigit():
            if inner and not when:  # 'IIM Bangalore in Sept 2026'
                when = inner.group(1)
                part = part[: inner.start()].strip()
            where.append(part)
        elif re.match(r"(?:at|in|from|by|with|via|through)\s", part, re.IGNORECASE):
            where.append(part)
        else:
            kept.append(part)
    text = ", ".join([head, *kept])
    if not when:  # the time at the end of the course itself, perhaps after a verb of doing
        tail = re.search(
            rf"\s+(?:{_DONE}\s+)?((?:{_COURSE_WHEN.pattern})|{_FIGURES.pattern})$",
            text,
            re.IGNORECASE,
        )
        if tail and tail.start() > 0:
            when = tail.group(1)
            text = text[: tail.start()]
    if when:
        when = _month_written_out(when)
        when = re.sub(r"^(?:during|over|on)\s+", "in ", when, flags=re.IGNORECASE)
        if not re.match(r"(?:in|since|last|this|recently|yesterday|\w+\s+\w+\s+ago)\b", when):
            when = f"in {when}" if not re.search(r"\bago$", when) else when
    words = text.split()
    words = [_ABBREVIATIONS.get(w.lower(), w) if w.islower() else w for w in words]
    what = _with_the(" ".join(words))
    return Course(" ".join([what, *_placed(where)]), day_when or when)


def _placed(where: list[str]) -> list[str]:
    """Where a course was taught as a sentence takes it: an institution after 'at', a place
    after 'in' ('at INSEAD in Fontainebleau'); a part with a preposition of its own keeps it."""
    out = []
    for part in where:
        if part in _ONLINE or re.match(r"(?:at|in|from|by|with|via|through)\s", part, re.I):
            out.append(part)
        elif _INSTITUTION.search(part) or _ACRONYM.search(part):
            out.append(f"at {part}")
        else:
            out.append(f"in {part}")
    return out


def _with_the(text: str) -> str:
    """'Gap Selling online course' -> 'the Gap Selling online course': a named course of a
    kind takes the article; a name alone ('Sandler Foundations') or a phrase with its own
    determiner ('a MEDDIC qualification course', "Sandler's course") stays."""
    words = text.split()
    if not words:
        return text
    first = words[0].lower()
    if first in ("a", "an", "the", "my", "our", "two", "three") or first.endswith(("'s", "’s")):
        return text
    head = re.split(r"\s+(?:at|in|on|by|with|from|for)\s+", text, maxsplit=1)[0].split()
    if len(words) > 1 and words[-1].lower() in _COURSE_NOUNS:  # 'negotiation with X workshop'
        return f"the {text}"
    if len(head) > 1 and head[-1].lower() in _COURSE_NOUNS:
        return f"the {text}"
    return text


# a span of time a piece of work took ('in two years', 'for 3 years', 'for over a year')
_SPAN = (
    r"\b(?:in|for|over|within)\s+(?:(?:over|about|nearly|almost|just over|under)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
    r"(?:years?|months?|quarters?|weeks?)"
)


def own_time(text: str) -> str:
    """The time a note ends with ('... three deals in 2026', '... last year', '... by 38% in
    two years', '... for 3 years'), or ''."""
    found = re.search(rf"\s((?:{_COURSE_WHEN.pattern})|{_SPAN})$", text.rstrip(" ."), re.IGNORECASE)
    return found.group(1) if found else ""


def as_signed(name: str) -> str:
    """A name typed all in lower case ('ciara walsh'), as a letter signs it ('Ciara Walsh');
    a name with any capital is written as its owner wants it ('Jan de Vries' stays)."""
    if not name or name != name.lower() or not any(ch.isalpha() for ch in name):
        return name
    return re.sub(r"(^|[\s'’-])(\w)", lambda m: m.group(1) + m.group(2).upper(), name)
