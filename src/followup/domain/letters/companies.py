"""Another opportunity's company named in a letter: a letter copied from one application to the
next. Found in the letter's words in any case ("halcyon", "PINECREST MEDICAL", "Apex's"), and
inside links, email addresses and file names, where names run together ("halcyonsoftware.com",
"Kowalczyk_Brightline_plan.pdf").

A company whose name is also an English word ("Apex", "Vantage") counts when it is written as a
name: capitalised, in a link, or in a letter that capitalises nothing; "the apex of the season"
names no company.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from functools import lru_cache

from followup.domain.letters.context import (
    TRAILING_TRADE_WORDS,
    LetterContext,
    compact_forms,
    fold_accents,
    loose_name,
    short_name,
    without_legal_form,
)
from followup.domain.letters.text import UPPER, fold
from followup.domain.tuples import NamedTuple

_TOKEN_EDGE = " \t\n<>()\"'“”‘’[]"
_LINK_TAIL = re.compile(
    r"\.(?:pdf|docx?|pptx?|xlsx?|txt|png|jpe?g|zip|key|pages|csv|md|rtf|odt|com|org|net|io|co|"
    r"uk|de|fr|es|nl|example|ai|biz|info|us|ca|eu)\b",
    re.IGNORECASE,
)


# Names run together outside links: a hashtag ("#MorganReid") or words joined in camel case
# ("FernhillFoods")
_CAMEL = re.compile(r"[a-z][A-Z]")
_JOINED = re.compile(r"(?<!\w)(?:#\w+|[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)(?!\w)")
_CONNECTORS = frozenset({"&", "and", "+", "und", "et", "y"})
_LETTERS = re.compile(r"[^\W\d_]+")
# "and" in the languages of the letters' writers, as a firm's "&" is read aloud (see _JOIN)
_AND_WORDS = "and|en|e|y|und|et|og|och|és|ve|ja|dan|i"
_JOINED_PAIR = re.compile(
    r"\w[\s_-]*[&+][\s_-]*\w|\w[\s_-]+(?:" + _AND_WORDS + r")[\s_-]+\w", re.IGNORECASE
)


class Places(NamedTuple):
    """The wrong-company rule's frames of a place or of another name, where a company's first
    words stand without the rest of its name: before and after them ("near Fernhill",
    "Larkspur Lane"); before them where no word of theirs follows ("across the Solent"); the
    words of another name around them ("Sarah Morgan", "Morgan Stanley"), unless words of the
    company's own places follow ("the Larkspur Bristol office"); a list of places after a
    preposition of place ("in Derby, Fernhill and Buxton") or two joined by a slash before a
    noun ("Derby/Fernhill shops"), whose other members are no company of the user's; the word
    of an organisation's kind after them ("Larkspur Dairy", "Otterbrook Motors"), another
    organisation even where words of the company's own places follow ("the Larkspur Dairy
    depot"); a place's own things after its possessive ("Fernhill's old harbour").

    Where the words are a known place's name (`known_place`, a gazetteer), they are the place
    in any frame but a company's: a word of dealing with an organisation before them ("join",
    "help", "the role at", "talking to", "nobody outside"), a word of its people, dealings or
    papers after them ("the Kisumu team", "the Makati call") or a verb of what an organisation
    does ("Sharjah have asked me back"), their possessive of anything but a place's own things,
    or another of the user's companies beside them in a list."""

    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    bare_before: re.Pattern[str] | None = None
    bare_after: re.Pattern[str] | None = None
    other_before: re.Pattern[str] | None = None
    other_after: re.Pattern[str] | None = None
    company_after: re.Pattern[str] | None = None
    list_before: re.Pattern[str] | None = None
    list_lead: re.Pattern[str] | None = None
    list_after: re.Pattern[str] | None = None
    pair_before: re.Pattern[str] | None = None
    pair_after: re.Pattern[str] | None = None
    organisation_after: re.Pattern[str] | None = None
    company_before: re.Pattern[str] | None = None
    company_next: re.Pattern[str] | None = None
    possessed: re.Pattern[str] | None = None
    # what follows a place's name after "at" where it is a workplace ("At Kumasi I would…")
    at_next: re.Pattern[str] | None = None
    # a branch after "our"/"my" ("our Makati office"), the writer's own firm's in the town
    own_branch: re.Pattern[str] | None = None
    # a preposition of where before a name that ends its clause ("the village shops
    # throughout Otterbrook, where", "warehouses all over Northgate."): a region or an island,
    # which no gazetteer of towns holds
    within: re.Pattern[str] | None = None
    # a word of the application before "in" ("a final round in", "my interview in"), or the
    # writer placed "at" them ("I'm now at", "I'll be at"): where the words after it are no
    # place's name, the company (an interview in a town is the town's)
    in_before: re.Pattern[str] | None = None
    # a lowercase word after a company's first words that makes them a modifier of a noun of
    # its own ("the Otterbrook growers", "working with the Solent ferry crews"), not the head
    # of their phrase: a frame before them governs that noun, and says nothing of the company
    modified: re.Pattern[str] | None = None
    # where someone takes part from ("joining the call from Kisumu", "working from
    # Sharjah"): a place's name after it is the place, though "from" follows a word of the
    # application
    origin: re.Pattern[str] | None = None
    # a role sought there after the words ("…with Harbour Print for a territory role"): the
    # company, where the words are no place's name (one moves to a town for a role)
    for_role: re.Pattern[str] | None = None
    # a word of the candidate's applications and its preposition before them ("my interview at
    # larkspur", "an offer from apex"): the company even in lowercase, a common word or not
    applied: re.Pattern[str] | None = None
    # the generic words of a place ("Bay", "Valley", "Cape"), which make a place's name of a
    # company's words they end or begin ("Kestrel Bay", "Cape Marlow")
    features: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        data: Mapping[str, object],
        compiler: Callable[[str, int], re.Pattern[str]] = re.compile,
    ) -> Places:
        """The frames of the wrong-company rule's data, each compiled in any case (by
        `compiler`: the rulebook's, which may read them from kept code)."""

        def compiled(key: str) -> re.Pattern[str] | None:
            found = data.get(key)
            return compiler(str(found), re.IGNORECASE) if found else None

        features = data.get("place_features")
        fields = cls._fields[: len(_PLACE_KEYS)]
        frames = {key: compiled(name) for key, name in zip(fields, _PLACE_KEYS, strict=True)}
        return cls(
            **frames,
            features=frozenset(
                str(w).lower() for w in (features if isinstance(features, list) else ())
            ),
        )

    def named_place(self, words: str) -> bool:
        """Are a company's words, without the rest of its name, a place's name by their shape:
        ended by a generic word of a place ("Kestrel Bay") or begun by one before a name ("Cape
        Marlow")?"""
        parts = re.split(r"[\s_-]+", words.lower())
        return len(parts) > 1 and (parts[-1] in self.features or parts[0] in self.features)


# the rule's keys of Places' frames, in the order of its fields
_PLACE_KEYS = (
    "place_before",
    "place_after",
    "place_bare_before",
    "place_bare_after",
    "other_name_before",
    "other_name_after",
    "company_after",
    "place_list_before",
    "place_list_lead",
    "place_list_after",
    "place_pair_before",
    "place_pair_after",
    "organisation_after",
    "company_before",
    "company_next",
    "place_possessed",
    "company_at_next",
    "place_own_branch",
    "place_within_before",
    "company_in_before",
    "company_modified",
    "place_origin_before",
    "company_for_role_next",
    "company_applied_before",
)
_NO_PLACES = Places()


def links(text: str) -> list[tuple[int, int]]:
    """Spans of the links, email addresses, file names and bare domains in a text: the
    tokens around an @, ://, www. or a dot between letters that look like one."""
    found: list[tuple[int, int]] = []
    for at in _marks(text):
        if found and at < found[-1][1]:
            continue  # inside a token already taken
        start = at
        while start > 0 and text[start - 1] not in _TOKEN_EDGE:
            start -= 1
        end = at + 1
        while end < len(text) and text[end] not in _TOKEN_EDGE:
            end += 1
        while end > start and text[end - 1] in ".,;:!?":
            end -= 1  # the sentence's full stop is not the link's
        token = text[start:end]
        if (
            "@" in token
            or "://" in token
            or token.lower().startswith("www.")
            or (_LINK_TAIL.search(token))
        ):
            found.append((start, end))
    return found


def _marks(text: str) -> list[int]:
    """Where a link may be: each @, and each dot between a letter or digit and a letter (in
    "example.com", "plan.pdf", "www.", "https://a.b"), found with plain string searches."""
    marks = []
    at = text.find("@")
    while at >= 0:
        marks.append(at)
        at = text.find("@", at + 1)
    at = text.find(".")
    size = len(text)
    while at >= 0:
        if 0 < at < size - 1 and text[at + 1].isalpha() and text[at - 1].isalnum():
            marks.append(at)
        at = text.find(".", at + 1)
    return sorted(marks)


@lru_cache(maxsize=4096)
def company_pattern(company: str, suffixes: frozenset[str]) -> re.Pattern[str]:
    """A company's name in any case, with or without its legal suffix or its accents, its words
    joined by spaces, dashes or underscores; the name without its last words ('Cullen Bay' for
    'Cullen Bay Foods') and its distinctive first word alone ('Northwind' for 'Northwind
    Traders'), unless the name joins two ('Stirling & Vance': Stirling alone is a town or a
    surname), where the words before the connector count only where they are two or more
    ('Harbour Print' of 'Harbour Print & Packaging'). Bounded by anything but a letter or a
    digit."""
    parts = _name_parts(company, suffixes)
    called = short_name(parts)
    forms = [_form(parts)]
    joined = any(p.lower() in _CONNECTORS for p in parts)
    if joined and len(parts) > 3:
        # two names joined, without the trade word or words after them ("Brennan & Roe" of
        # "Brennan & Roe Surveyors"): the firm's own pair, which no place or surname makes
        last = max(i for i, p in enumerate(parts) if p.lower() in _CONNECTORS)
        forms += [
            _form(parts[:k])
            for k in range(len(parts) - 1, last + 1, -1)
            if parts[k - 1][:1].isupper()
        ]
    if joined:
        # the words before the first connector, where they are two or more ("Harbour Print" of
        # "Harbour Print & Packaging"): the firm called by its leading part, read, as the name
        # without its last words is, only in a frame of a company
        first = min(i for i, p in enumerate(parts) if p.lower() in _CONNECTORS)
        forms += [
            r"[\s_-]+".join(loose_name(p) for p in parts[:k])
            for k in range(first, 1, -1)
            if parts[k - 1][:1].isupper()
        ]
    if len(parts) > 1 and not joined:
        # the name without its last words, longest first: "Cullen Bay" for "Cullen Bay Foods"
        # (a company's own words, not a place by the bay, which its first word alone may be)
        # (ending on a capitalised word: "Bank of" for "Bank of Scotland" is no name)
        forms += [
            r"[\s_-]+".join(loose_name(p) for p in parts[:k])
            for k in range(len(parts) - 1, 1, -1)
            if parts[k - 1][:1].isupper()
        ]
        if len(parts[0]) >= 3 and not called:
            # (of three letters too, "Ipê" of Ipê Logística, where no English word: see
            # other_companies; a trade word, "Cervecería", names no firm alone)
            forms.append(loose_name(parts[0]))
    if called:
        # the name it is called by after its trade words ("Sierra Alta" of Cervecería Sierra
        # Alta, "Cerralvo" of Grupo Industrial Cerralvo), read as its first words are
        forms.append(r"[\s_-]+".join(loose_name(p) for p in called))
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(forms)})(?![^\W_])", re.IGNORECASE)


# a connector of a firm's names as written in any letter: "&", "+" or "and", spaced or not, the
# name's own word ("und"), or "and" in the languages of its letters' writers, as a firm's
# "&" is read aloud ("De Vries en Molenaar", "Ferri e Galli", "Ruiz y Tamayo", "Vogt und Hahn")
_JOIN = r"(?:[\s_-]*[&+][\s_-]*|[\s_-]+(?:" + _AND_WORDS + r"|{})[\s_-]+)"


def _form(parts: list[str]) -> str:
    """A pattern of a company's words in order, joined by spaces, dashes or underscores, its
    connector written "&", "+" or "and" ("Brennan & Roe", "brennan and roe", "Brennan+Roe")."""
    out = ""
    for i, part in enumerate(parts):
        if part.lower() in _CONNECTORS and 0 < i < len(parts) - 1:
            out += _JOIN.format(re.escape(part.lower()))
        elif i > 1 and parts[i - 1].lower() in _CONNECTORS:
            out += loose_name(part)
        else:
            out += (r"[\s_-]+" if i else "") + loose_name(part)
    return out


def other_companies(
    text: str,
    ctx: LetterContext,
    candidates: list[tuple[str, str]],
    suffixes: frozenset[str],
    is_word: object,
    lowercase_voice: Callable[[], bool],
    place: Places = _NO_PLACES,
    known_place: Callable[[str], bool] | None = None,
    coined: Callable[[str], bool] | None = None,
) -> Iterator[tuple[int, int, str]]:
    """(start, end, opportunity) of each other company named in the text. `candidates` are the
    directory's companies whose first word is a word of the letter; `is_word` tells whether a
    lowercase word is an ordinary English word; `place`, what stands before and after a
    company's first word alone where it names a place ("the farms around Fayoum", "Damietta
    port"), not the company; `known_place`, whether words are a real place's name, which then
    name the place unless a frame of a company says otherwise ("the road to Kisumu", not "the
    Kisumu team"); `coined`, whether words are a name and nothing else (no word of English, no
    place's or person's name: "Hanbyeol", "Nordlicht"), which then name the company after a
    preposition of dealings ("the freight business at Hanbyeol") or in capitals ("Second
    interview – NORDLICHT"), where no frame of a place holds them."""
    own = _Own(text, company_pattern(ctx.company, suffixes))
    spans: list[tuple[int, int]] | None = None
    reported: list[tuple[int, int]] = []
    for company, opportunity in candidates:
        if fold(company) == fold(ctx.company):
            continue
        for m in company_pattern(company, suffixes).finditer(text):
            if _overlaps(m.span(), reported) or _owned(m.span(), own):
                continue
            word = m.group(0)
            if _in_a_name(text, m.start(), m.end(), (*ctx.people, ctx.candidate_name)):
                continue  # "Claire Simon", this opportunity's own person, is not "Simon SA"
            if spans is None:
                spans = links(text)
            many = re.split(r"[\s_-]+", word)
            # the whole name, or two names joined as the firm's own ("Brennan & Roe"), which
            # needs no frame of a company (in lowercase, only where a word is no common word:
            # "salt and pepper" is no "Salt & Pepper Catering")
            parts = _name_parts(company, suffixes)
            whole = (
                len(many) >= len(parts)
                or (
                    # the name without the country its branch trades in ("Lotus Paints" of Lotus
                    # Paints Vietnam), as a firm's legal form is left out
                    len(many) >= 2
                    and len(many) == len(parts) - 1
                    and all(w[:1].isupper() for w in many)
                    and not short_name(parts)
                    and known_place is not None
                    and parts[-1][:1].isupper()
                    and known_place(parts[-1])
                    and not (known_place(word) or place.named_place(word))
                )
                or (
                    # the name without the trade word that closes it ("Summit Aircon" of Summit
                    # Aircon Trading), as its staff call it, in a letter's own case
                    len(many) >= 2
                    and len(many) == len(parts) - 1
                    and not short_name(parts)
                    and fold_accents(parts[-1].lower()) in TRAILING_TRADE_WORDS
                    and (all(w[:1].isupper() for w in many) or lowercase_voice())
                    and not place.named_place(word)
                    and not (known_place is not None and known_place(word))
                )
            )
            pair = not whole and _JOINED_PAIR.search(word) is not None
            if (
                len(many) == 1
                and len(word) < 4
                and not _overlaps(m.span(), spans)
                and (not word[:1].isupper() or (callable(is_word) and is_word(fold(word))))
            ):
                # a first word of three letters ("Ipê" of Ipê Logística): capitalised, and no
                # English word ("Red" of Red Kite Media is a colour)
                continue
            called = short_name(parts)
            if (
                len(called) > 1
                and len(many) == len(called)
                and all(w[:1].isupper() for w in many)
                and not place.named_place(word)
                and not (known_place is not None and known_place(word))
            ):
                # the name a firm is called by after its trade words, of two words or more,
                # capitalised and no place's name ("Sierra Alta" of Cervecería Sierra Alta):
                # its own name, as the whole is
                whole = True
            # A company's first words alone are the company only where the letter says so in a
            # frame of a company (see _as_company): a word shared with a company's name is
            # otherwise a place, a road, a river, a person's surname, a former employer or a
            # client, whatever else it may be ("Otterbrook 14", "the Otterbrook growers", "Ing.
            # Petra Otterbrook"); a place's frame ("near Fernhill") says the place even then
            if (
                not whole
                and not pair
                and not _overlaps(m.span(), spans)
                and (
                    _placed(text, m.start(), m.end(), place, ctx.directory.companies, company)
                    or _noted(text, m.start(), m.end(), ctx)
                    or not (
                        _as_company(
                            text,
                            m.start(),
                            m.end(),
                            place,
                            ctx.directory.companies,
                            company,
                            place.named_place(word)
                            or (known_place is not None and known_place(word)),
                        )
                        or (
                            coined is not None
                            and (word.isupper() or _dealt_with(text, m.start()))
                            and coined(word)
                        )
                    )
                )
            ):
                continue
            named = (
                not word.islower()
                or (len(many) > 1 and (whole or _proper(many, is_word)))
                or _overlaps(m.span(), spans)
                or (not pair and not (callable(is_word) and is_word(word)))
                or (pair and _proper(_LETTERS.findall(word), is_word))
                or lowercase_voice()
                or (
                    place.applied is not None
                    and place.applied.search(text, max(0, m.start() - 60), m.start()) is not None
                )
            )
            if named:
                reported.append(m.span())
                yield m.start(), m.end(), opportunity
    # another company by its initials ("KBL" of Kestrel Bay Logistics), in capitals, where a
    # frame of a company holds them ("a final round at KBL", "KBL's depot")
    if _CAPITALS.search(text):
        yield from _initialled(text, ctx, suffixes, place, own, reported)
    # a run-together name is read only where it, or one of its capitalised words, starts as
    # another company's compact form does ("#KarooFreight", "#LifeAtTandem")
    joined = (
        [
            m.span()
            for m in _JOINED.finditer(text)
            if any(
                fold_accents(text[at : at + 4].lower()) in ctx.directory.compact
                for at in _word_starts(text, *m.span())
            )
        ]
        if "#" in text or _CAMEL.search(text)
        else []
    )
    if "." not in text and "@" not in text and not joined:
        return
    if spans is None:
        spans = links(text)
    spans = sorted(spans + [s for s in joined if not _overlaps(s, spans)])
    own_forms = set(compact_forms(ctx.company))
    for start, end in spans:
        for run in _LETTERS.finditer(text, start, end):
            letters = fold_accents(run.group(0).lower())
            for i in range(len(letters) - 3):
                for form, company, opportunity in ctx.directory.compact.get(letters[i : i + 4], ()):
                    if opportunity == ctx.opportunity or form in own_forms:
                        continue
                    if fold(company) == fold(ctx.company):
                        continue
                    if not letters.startswith(form, i) or (
                        i > 0 and len(form) < 6 and not _camel_at(text, run.start() + i)
                    ):
                        continue
                    span = (run.start() + i, run.start() + i + len(form))
                    if _overlaps(span, reported) or _overlaps(span, own):
                        continue
                    reported.append(span)
                    yield span[0], span[1], opportunity


def _word_starts(text: str, start: int, end: int) -> list[int]:
    """Where the words of a run-together name start: its first letter (after a "#") and each
    capital after a small letter ("#LifeAtTandem": Life, At, Tandem)."""
    first = start + 1 if text.startswith("#", start) else start
    return [first] + [m.start() + 1 for m in _CAMEL.finditer(text, first, end)]


def _camel_at(text: str, at: int) -> bool:
    """Does a capitalised word of a run-together name start at `at` ("Tandem" of LifeAtTandem)?"""
    return 0 < at < len(text) and text[at].isupper() and text[at - 1].islower()


# a word of three to five capitals: what initials could be
_CAPITALS = re.compile(r"(?<![\w&])[A-Z]{3,5}(?![\w&])")


def _initialled(
    text: str,
    ctx: LetterContext,
    suffixes: frozenset[str],
    place: Places,
    own: _Own,
    reported: list[tuple[int, int]],
) -> Iterator[tuple[int, int, str]]:
    """Other companies named by their initials: a name of three words or more, without its
    legal form and its joining words, each capitalised ("Kestrel Bay Logistics": KBL), said in
    capitals where a frame of a company holds them (DESIGN: the company of another opportunity,
    in any form; initials alone are too often something else: "CDN", "DSP")."""
    initials = _initials_of(ctx.directory.companies, suffixes)
    if not initials:
        return
    for m in _CAPITALS.finditer(text):
        initialled = next(
            (
                opportunity
                for company, opportunity in initials.get(m.group(0), ())
                if opportunity != ctx.opportunity and fold(company) != fold(ctx.company)
            ),
            None,
        )
        if initialled is None or _overlaps(m.span(), own) or _overlaps(m.span(), reported):
            continue
        if _as_company(text, m.start(), m.end(), place, ctx.directory.companies, "", False):
            reported.append(m.span())
            yield m.start(), m.end(), initialled


# each directory's companies by their initials, worked out once per directory (the check of
# a run of letters reads the same one): the directory itself is kept beside them, so that an
# id reused by another is not mistaken for it
_INITIALS: dict[int, tuple[object, dict[str, list[tuple[str, str]]]]] = {}


def _initials_of(
    companies: Mapping[str, tuple[tuple[str, str], ...]], suffixes: frozenset[str]
) -> dict[str, list[tuple[str, str]]]:
    """The initials of each company of three capitalised words or more, without its legal
    form and joining words ("KBL": Kestrel Bay Logistics), and whose (company, opportunity)."""
    kept = _INITIALS.get(id(companies))
    if kept is not None and kept[0] is companies:
        return kept[1]
    found: dict[str, list[tuple[str, str]]] = {}
    for entries in companies.values():
        for company, opportunity in entries:
            parts = [p for p in _name_parts(company, suffixes) if p.lower() not in _CONNECTORS]
            if len(parts) >= 3 and all(p[:1].isupper() for p in parts):
                key = "".join(fold_accents(p[0]).upper() for p in parts)
                found.setdefault(key, []).append((company, opportunity))
    if len(_INITIALS) > 16:
        _INITIALS.clear()
    _INITIALS[id(companies)] = (companies, found)
    return found


def _in_a_name(text: str, start: int, end: int, names: Iterable[str]) -> bool:
    """Do the words at text[start:end] stand inside the full name of one of this
    opportunity's people (or the candidate's), written as the name is ("Call Claire Simon",
    where another opportunity is "Simon SA")? Then they name that person, not the company."""
    for name in names:
        parts = name.split()
        if len(parts) < 2:
            continue
        pattern = r"(?<![^\W_])" + r"\s+".join(map(re.escape, parts)) + r"(?![^\W_])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if m.start() <= start and end <= m.end():
                return True
    return False


def _noted(text: str, start: int, end: int, ctx: LetterContext) -> bool:
    """Are a company's first words, found at text[start:end] without the rest of its name,
    words of this opportunity's own interview notes said as the notes say them, beside a word
    of theirs there ("the Mandeville and May Pen clinic accounts" discussed with a medical
    supplier, where Mandeville is also another opportunity's insurer): the topic's place or
    thing, not the other company?"""
    if not (ctx.notes or ctx.said):
        return False
    words = fold(text[start:end])
    found = re.compile(rf"(?<![^\W_]){re.escape(words)}(?![^\W_])")
    near = {
        w
        for w in _LETTERS.findall(fold(text[max(0, start - 30) : start]))[-2:]
        + _LETTERS.findall(fold(text[end : end + 30]))[:2]
        if len(w) > 2 and w not in _FUNCTION_WORDS
    }
    own = set(_LETTERS.findall(words))
    elsewhere: set[str] = set()
    for note in (*ctx.notes, *ctx.said):
        folded = fold(note)
        for m in found.finditer(folded):
            around = _LETTERS.findall(folded[max(0, m.start() - 30) : m.start()])[-2:]
            around += _LETTERS.findall(folded[m.end() : m.end() + 30])[:2]
            if near.intersection(around):
                return True
            elsewhere.update(
                w
                for w in _LETTERS.findall(folded)
                if len(w) > 2 and w not in _SLIGHT and w not in own
            )
    if not elsewhere:
        return False
    # …or beside a word of the same note further off in the letter's sentence ("the Northgate
    # night trunk" where a note has "the Northgate and Harwich night trunks")
    ends = [m.start() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    sentence = fold(text[ends[-1] + 1 if ends else 0 : after.start() if after else len(text)])
    return not elsewhere.isdisjoint(_LETTERS.findall(sentence))


_FUNCTION_WORDS = frozenset(
    ("the", "and", "for", "with", "our", "your", "their", "from", "into", "over", "than", "that")
)
# …and words that tie nothing to a note when said anywhere in the letter's sentence
_SLIGHT = _FUNCTION_WORDS | frozenset(
    {"onto", "out", "his", "her", "its", "this", "these", "those", "between", "about", "per"}
    | {"are", "was", "were", "has", "have", "had", "will", "not", "who", "which"}
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _name_parts(company: str, suffixes: frozenset[str]) -> list[str]:
    """A company's words without its legal suffix ("Morgan Reid" of "Morgan Reid Ltd", "Mazur Okna"
    of "Mazur Okna Sp. z o.o.")."""
    return without_legal_form(company.split(), suffixes)


def _proper(words: list[str], is_word: object) -> bool:
    """Does a part of a company's name found in lowercase hold a word that is no ordinary
    English word ("cullen bay", not "green valley" of "Green Valley Farms")?"""
    return not callable(is_word) or not all(is_word(w) for w in words)


def _placed(
    text: str,
    start: int,
    end: int,
    place: Places,
    companies: Container[str] = (),
    company: str = "",
) -> bool:
    """Are the words at text[start:end], the first words of `company` without the rest of its
    name ("Fernhill", "Hội An" of "Hội An Insurance Partners"), a place there, or a part of
    another name ("Morgan Stanley", "Sarah Morgan"), one whose next word is no word of the
    company's own ("Fernhill Food Group" is Fernhill Foods)?"""
    if text.startswith(("'s", "’s"), end):
        # the company's own ("near Larkspur's Bristol office"), not the place's ("Fernhill's
        # old harbour")
        return place.possessed is not None and place.possessed.match(text, end + 2) is not None
    line = text.rfind("\n", 0, start) + 1
    ahead = text[max(line, start - 40) : start]
    if (place.before is not None and place.before.search(ahead)) or (
        place.after is not None and place.after.match(text, end, end + 40)
    ):
        return True
    if (
        # a sea, a strait or a range: "the Solent" crossed, not "the Solent portfolio"
        place.bare_before is not None
        and place.bare_after is not None
        and place.bare_before.search(ahead)
        and place.bare_after.match(text, end, end + 40)
    ):
        return True
    if (
        place.within is not None
        and place.bare_after is not None
        and place.within.search(ahead)
        and place.bare_after.match(text, end, end + 40)
        and (place.company_before is None or not place.company_before.search(ahead))
        and (place.at_next is None or not place.at_next.match(text, end))
    ):
        return True
    own = place.company_after
    other = place.other_after.match(text, end, end + 40) if place.other_after else None
    if other is not None and not _its_own(other.group(0), company):
        if own is None or not own.match(text, other.end(), other.end() + 40):
            return True
        if place.organisation_after is not None and place.organisation_after.match(text, end):
            return True  # "the Larkspur Dairy depot": another organisation's depot
    if (
        place.other_before is not None
        and place.other_before.search(ahead) is not None
        and (own is None or not own.match(text, end, end + 40))
    ):
        return True
    # the last of a list of places takes the place test of the list's first ("from Whitby down
    # to Scarborough and Fernhill", "around Bakewell, Matlock and Fernhill")
    head = text[max(line, start - 80) : start]
    listed = _LISTED.search(head)
    if listed and place.before is not None and place.before.search(head[: listed.start()][-40:]):
        return True
    return _listed(text, end, ahead, place, companies)


def _as_company(
    text: str,
    start: int,
    end: int,
    place: Places,
    companies: Container[str],
    company: str,
    placename: bool = True,
) -> bool:
    """Do a frame of a company hold the words at text[start:end], `company`'s first words
    without the rest of its name: its possessive (a place's own things are read before this),
    a word of dealing with an organisation before them where they head their phrase, its
    people, dealings or doings after them, what the writer would do there ("At Kumasi I would
    build…"), or another of the user's companies beside them in a list ("at Otterbrook and
    Fernhill")? Where the words are no place's name (`placename` false), "in" after a word of
    the application says the company too ("a final round in Otterbrook", "In Otterbrook, I
    would have built…")."""
    if text.startswith(("'s", "’s"), end):
        return True
    line = text.rfind("\n", 0, start) + 1
    ahead = text[max(line, start - 60) : start]
    if (
        place.own_branch is not None
        and _OURS.search(ahead) is not None
        and place.own_branch.match(text, end) is not None
    ):
        return False  # "our Makati office": the writer's own firm's branch in the town
    if place.company_next is not None and place.company_next.match(text, end):
        return True
    if placename and place.origin is not None and place.origin.search(ahead):
        return False  # "joining the call from Kisumu": where the person was
    # the words head their phrase, not a modifier of a noun of its own after them, as they
    # are after an article or a possessive ("working with the Otterbrook growers"; "Fernhill
    # knew" is a clause, its verb after the name)
    head = (
        place.modified is None
        or _DETERMINED.search(ahead) is None
        or place.modified.match(text, end) is None
    )
    before = place.company_before
    if head and before is not None and before.search(ahead):
        return True
    if head and not placename and place.in_before is not None and place.in_before.search(ahead):
        return True
    if not placename and place.for_role is not None and place.for_role.match(text, end):
        return True
    at = _AT.search(ahead) if placename else _AT_IN.search(ahead)
    if place.at_next is not None and at is not None:
        later = _TIME_AFTER.match(text, end)
        if place.at_next.match(text, later.end() if later else end) is not None:
            return True  # "At Kumasi I would build…": a workplace, not a town
    following = _NEXT_NAME.match(text, end)
    if following is not None and _its_own(following.group(0), company):
        return True  # "Fernhill Food Group rang me"
    # the last of a list takes the frame of the list's first ("interviews at Kumasi and Sharjah")
    lead = text[max(line, start - 100) : start]
    listed = _LISTED.search(lead)
    if listed and before is not None and before.search(lead[: listed.start()][-60:]):
        return True
    first = fold(company.split()[0]) if company.split() else ""
    beside = [_BESIDE_AFTER.match(text, end, end + 40), _BESIDE_BEFORE.search(ahead)]
    return any(
        found is not None
        and fold(found.group("word")) != first
        and (found.group("word").lower() in companies or fold(found.group("word")) in companies)
        for found in beside
    )


_DETERMINED = re.compile(
    r"\b(?:the|a|an|this|that|these|those|our|their|its|his|her|my|your)[ \t]+$", re.IGNORECASE
)
_OURS = re.compile(r"\b(?:our|my)[ \t]+$", re.IGNORECASE)
_AT = re.compile(r"\bat[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# a preposition of dealing with an organisation right before a name ("the business at",
# "working with", "a role for"): not "from", which says where from as often ("a chain from"),
# nor "at" where one studies, lives or stays (_STAYED_AT: "I studied economics at Otterbrook")
_DEALT = re.compile(r"\b(?:at|with|for|join|joining|joined)[ \t]+$", re.IGNORECASE)
_STAYED_AT = re.compile(
    r"\b(?:study|studied|studying|live|lived|living|stay|stayed|staying|born|raised|graduated|"
    r"school|university|college|holiday|holidays|vacation)\b"
    r"(?:[ \t]+[\w'’-]+){0,4}?[ \t]+at[ \t]+$",
    re.IGNORECASE,
)
# …and, for words that are no place's name, "in" or a span of time there ("Over the Otterbrook
# years ahead, I'd hope to build…")
_AT_IN = re.compile(
    r"\b(?:at|in|over[ \t]+the|during[ \t]+the|within)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)
_TIME_AFTER = re.compile(
    r"[ \t]+(?:years?|months?|days|era)(?:[ \t]+(?:ahead|to[ \t]+come))?", re.IGNORECASE
)
_NEXT_NAME = re.compile(rf"[ \t]+[{UPPER}][\w'’-]*")
# a word beside another joined by a comma, a slash, "&", "and" or "or"
_BESIDE_AFTER = re.compile(r"[ \t]*(?:,|/|&|\band\b|\bor\b)[ \t]*(?P<word>[^\W\d_]+)")
_BESIDE_BEFORE = re.compile(r"(?P<word>[^\W\d_]+)[ \t]*(?:,|/|&|\band\b|\bor\b)[ \t]*$")


def _dealt_with(text: str, start: int) -> bool:
    """Does a preposition of dealing with an organisation stand right before `start` ("the
    freight business at", "working with"), not one of where the writer studied or lived?"""
    ahead = text[max(0, start - 80) : start]
    return _DEALT.search(ahead) is not None and _STAYED_AT.search(ahead) is None


def _its_own(following: str, company: str) -> bool:
    """Is the capitalised word that follows a company's first words a word of the company's own
    name, in another form ("Food" of Fernhill Foods, "Traders" of Wrenfield Cocoa Traders)?"""
    word = _LETTERS.search(following)
    if word is None or not word.group(0)[:1].isupper() or len(word.group(0)) < 3:
        return False
    stem = fold(word.group(0))[:4]
    return any(fold(part).startswith(stem) for part in company.split()[1:])


def _listed(text: str, end: int, ahead: str, place: Places, companies: Container[str]) -> bool:
    """Is a company's first word, ending at `end` after `ahead`, one of a list of places ("in
    Derby, Fernhill and Buxton", "Derby/Fernhill shops"), none of whose other members is a
    company of the user's?"""

    def places(found: re.Match[str] | None) -> bool:
        if found is None:
            return False
        listed = found.group("list") or ""
        return not any(w.lower() in companies for w in _LETTERS.findall(listed))

    if place.list_before is not None and places(place.list_before.search(ahead)):
        return True
    if (
        place.list_lead is not None
        and place.list_after is not None
        and place.list_lead.search(ahead)
        and places(place.list_after.match(text, end, end + 80))
    ):
        return True
    if place.pair_after is None:
        return False
    pair = place.pair_after.match(text, end, end + 60)
    if pair is None:
        return False
    if pair.group("list") is not None:
        return places(pair)
    return place.pair_before is not None and places(place.pair_before.search(ahead))


# Capitalised names, one or two words each, joined by commas, "and", "or" or "&", ending where a
# company's first word would follow ("Tulcea and ", "Bakewell, Matlock and ")
_LISTED = re.compile(
    rf"(?:(?<=\s)[{UPPER}][\w'’.-]*(?:[ \t]+[{UPPER}][\w'’.-]*)?"
    r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+))+$"
)


class _Own:
    """Where the letter names its own company, searched for only when something is to be
    compared with it (most letters name no other company, and the search reads the whole
    letter)."""

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self._text, self._pattern = text, pattern
        self._spans: list[tuple[int, int]] | None = None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in self._pattern.finditer(self._text)]
        return iter(self._spans)


def _owned(span: tuple[int, int], own: Iterable[tuple[int, int]]) -> bool:
    """Is a name found at `span` where the letter names its own company: overlapping one of its
    spans (`own`), and not longer than it around it ("Phú Thái" of another firm, where the own
    firm is Phú Thịnh and its first word alone is found inside: the other's name)?"""
    return any(
        span[0] < e
        and s < span[1]
        and not (span[0] <= s and e <= span[1] and e - s < span[1] - span[0])
        for s, e in own
    )


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)
