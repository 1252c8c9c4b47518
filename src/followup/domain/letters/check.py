"""The letter check: findings with a stable rule id, a message and the span they concern.

Reads a letter in its context (which opportunity, which recipient, which kind). Every rule's words
and patterns come from the rulebook (data); what is computed here is how they apply. A pattern
runs only when the letter contains what every match of it needs (see probes.py), and then only
in the clauses around its rarest required word (see letter.py): most letters are clean, so most
patterns never run, and those that do read a sentence or two. In a run of many letters, a screen
first tells which patterns can match the letter at all (see Rulebook.hits, atoms.py and loosen.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from functools import lru_cache

from followup.domain.letters.addressing import initials_of, same_person
from followup.domain.letters.companies import Places, links, other_companies
from followup.domain.letters.context import LetterContext, fold_accents, loose_name
from followup.domain.letters.learned import second_reading
from followup.domain.letters.letter import Letter
from followup.domain.letters.loosen import either, loosened
from followup.domain.letters.personal import Lexicon
from followup.domain.letters.rulebook import Condition, LazyPattern, Rule, Rulebook, find_from
from followup.domain.letters.spoken import second_person
from followup.domain.letters.text import UPPER, stem, words
from followup.domain.letters.triggers import Entry
from followup.domain.tuples import NamedTuple

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d[\d\s().-]{6,}\d)")
_NON_DIGITS = re.compile(r"\D+")
_WORD_CHARS = re.compile(r"\w+")
# a hashtag ("#ikejapower") or words run together in camel case ("IkejaPower"): names may be
# joined there without a dot or an at sign
# what tells of a person's act or speech after a name, or asks or thanks them before it ("Venkat
# mentioned", "as Gosia suggested", "thank Tunde")
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:(?:also|kindly|just)[ \t]+)?(?:mentioned|said|says|suggested|told|asked|sent|wrote|"
    r"explained|recommended|shared|introduced|forwarded|promised|thinks|thought|reckons|"
    r"advised|agreed|confirmed|invited|called|emailed)\b"
)
_PERSON_BEFORE = re.compile(r"\b(?:as|told|tell|asked|ask|thank|thanks|thanked|per)[ \t]+$", re.I)
_RUN_TOGETHER = re.compile(r"#\w|[a-z][A-Z]")
# the capitalised word after a name, on its line ("Queensland Health")
_NAME_AFTER = re.compile(rf"[ \t]+([{UPPER}][\w'’-]*)")
# the capitalised word right before a name ("Port Khalid", "St. Martin"), and the capitalised
# words that are never the first part of a longer name
_WORD_BEFORE = re.compile(rf"(?<![\w'’-])([{UPPER}][\w'’-]*|(?:St|Ste|Mt|Ft)\.)[ \t]+$")
_NOT_NAME_PARTS = frozenset(
    {"I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    | {"January", "February", "March", "April", "May", "June", "July", "August"}
    | {"September", "October", "November", "December"}
)
_PLACEHOLDER_NAME = re.compile(r"X+|\[.*|\(.*|<.*|\{.*")
_FAST_AFTER = 9  # letters checked before the looser lowercase search is used (see _matches)
_LOOK = 100  # how far around a "thanks" its frame is read ("thanks to the snow")


class Finding(NamedTuple):  # a NamedTuple: a dataclass with order costs the start 10 ms
    start: int
    end: int
    rule: str
    message: str


class _Span:
    """A span of the text with the little of `re.Match` the spelling rule uses."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self, _: int = 0) -> str:
        return self._text[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:  # a Protocol class costs the start a millisecond or two
    from typing import Protocol

    class Dictionary(Protocol):
        def known(self, word: str) -> bool: ...

        def unknown(self, words: set[str]) -> set[str]:
            """Those of the words the dictionary does not know (as typed, lowercase)."""
            ...

        def suggest(self, word: str) -> str | None: ...


_Letter = Letter  # the name the tests of the probes use
# What the recap rule reads of a context's topics (see LetterChecker._recap_topics): the weak
# words, each topic's words (and what was said of it) as split and without the little words,
# the words of time, each topic's main words, and the first three letters of every topic word.
_Topics = tuple[
    frozenset[str], list[list[str]], list[list[str]], frozenset[str], list[set[str]], set[str]
]


class LetterChecker:
    def __init__(
        self,
        rules: Rulebook,
        dictionary: Dictionary | None = None,
        places: Callable[[str], bool] | None = None,
        pastimes: Callable[[], Mapping[str, str]] | None = None,
        nicknames: Callable[[str], Collection[str]] | None = None,
    ) -> None:
        self.rules = rules
        # the names a given name is a nickname of, or the nicknames of it (the wrong-name
        # rule's short forms of the recipient's name), asked only for a name that is none of
        # the recipient's by its letters
        self.nicknames = nicknames
        self.dictionary = dictionary
        # whether words are a real place's name (the wrong-company rule's gazetteer), asked
        # only when a letter names another company's first words alone
        self.places = places
        # the words of private life beside the rule's lexicon (word -> domain), asked for when
        # the lexicon is first built
        self.pastimes = pastimes
        self._addressing = rules.addressing
        self._note_stems: dict[tuple[str, ...], frozenset[str]] = {}
        self._pursued: dict[tuple[str, ...], frozenset[str]] = {}
        # the notes a letter may bring up, by the notes and the others' topics (see
        # _notes_to_bring_up)
        self._brought_up: dict[
            tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], tuple[str, ...]
        ] = {}
        self._checked = 0
        self._lexicon: Lexicon | None = None
        self._synonyms: dict[str, frozenset[str]] | None = None
        self._senses: re.Pattern[str] | None = None
        self._phrases_said: list[tuple[re.Pattern[str], str]] | None = None
        # the looser forms (see loosen.py) of the recap's idioms, all in one, and of its phrases,
        # each and all in one: in a run of many letters, a letter in which a form does not
        # match is not searched with its patterns at all (worked out when first needed there)
        self._senses_form: tuple[bytes | None] | None = None
        self._phrase_forms: tuple[list[bytes | None], bytes | None] | None = None
        self._own_lead: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self._targets: frozenset[str] | None = None
        self._untying: frozenset[str] | None = None  # stems of new-topic's not_context
        self._frames: tuple[re.Pattern[str], ...] | None = None
        self._named_after: re.Pattern[str] | None = None
        self._discussion: re.Pattern[str] | None = None
        self._contexts: dict[tuple[object, ...], frozenset[str]] = {}
        self._place_frames: Places | None = None
        self._topics: dict[tuple[object, ...], _Topics] = {}
        # the new-topic rule's stakes: each pattern, what it requires, its looser form
        self._stake_patterns: (
            list[tuple[re.Pattern[str], re.Pattern[str] | None, bytes | None]] | None
        ) = None

    def check(self, text: str, ctx: LetterContext) -> list[Finding]:
        letter = Letter(text)
        # The looser lowercase search pays for compiling a second form of each pattern from
        # the tenth letter on; a command that checks one letter compiles only the first.
        self._checked += 1
        letter.many = self._checked > _FAST_AFTER
        found: list[Finding] = []
        placeholders = list(self._placeholders(letter, ctx))
        found += placeholders
        companies = list(self._wrong_company(letter, ctx))
        found += companies
        # another company's name is that company, not a person addressed ("Kilnworth, one of
        # your customers, told me…"): reported once, by wrong-company
        # what the rules read from the letter's structure, which the learned reader's words
        # do not show it (see below)
        # …and another company named as one the candidate applied to ("the Nilecom enterprise
        # interview"), where the model reads the name but not its frame
        # ("the final interview at Tandem" too: the frame before it)
        data = self.rules["wrong-company"].data
        applied, ahead = data.get("company_applied_after"), data.get("company_applied_before")
        after = self.rules.pattern(str(applied), re.IGNORECASE) if applied and companies else None
        before = self.rules.pattern(str(ahead), re.IGNORECASE) if ahead and companies else None
        sure = [
            f
            for f in companies
            if _run_together(text, f.start, f.end)
            or (after is not None and after.match(text, f.end) is not None)
            or (before is not None and before.search(text[max(0, f.start - 60) : f.start]))
            or self._no_other_sense(text[f.start : f.end], ctx)
        ]
        found += self._wrong_name(
            letter, ctx, [(f.start, f.end) for f in placeholders + companies], sure
        )
        flattery = list(self._phrases(letter, self.rules["flattery"]))
        if ctx.kind == "call":
            flattery += self._spoken_flattery(letter, ctx, flattery)
        found += flattery
        needy = list(self._phrases(letter, self.rules["needy"]))
        found += needy
        found += self._asks_decision(letter)
        found += self._too_long(letter, ctx)
        found += self._missing_thanks(letter, ctx)
        found += self._missing_contact(text, ctx)
        found += self._missing_recap(letter, ctx, bool(placeholders))
        topics = list(
            self._new_topic(
                letter, ctx, [(f.start, f.end) for f in needy], [(f.start, f.end) for f in flattery]
            )
        )
        found += topics
        if self.dictionary is not None:
            found += self._spelling(
                letter, ctx, self.dictionary, [(f.start, f.end) for f in placeholders]
            )
        # a small learned model reviews what the rules found (see learned.py), but does not
        # withdraw what it cannot see: another company run together in a file name, a link
        # or a hashtag ("CV_AcmeCorp.pdf", one word to it, no company's), and a person met
        # for this opportunity or a titled name spoken to ("Sam, you'll enjoy this", "Dear
        # Mr. Vogel"), where the model sees a name mentioned, which letters mostly do cleanly
        reviewed = second_reading(self.rules, text, ctx, found, _finding)
        # nor a class of new topics the rule names as read by more than words (the reader's
        # private life seen on their social media: the platform and the private matter together)
        unreviewed = self.rules["new-topic"].data.get("unreviewed") if topics else None
        if unreviewed:
            sure = sure + [f for f in topics if any(f"({c})" in f.message for c in unreviewed)]
        # …nor the reader's private life asked after in a sentence of its own ("I hope your
        # back is feeling better after the physio", "Did you vote in the referendum?"): the
        # sentence is to the reader, about them, which a letter-level model does not tie
        # …nor a sentence about politics ("What a mess the election was"), whose words the
        # model was seldom shown and the lexicon reads in no other sense
        for key in ("asked_after", "unreviewed_words") if topics else ():
            source = self.rules["new-topic"].data.get(key)
            if not source:
                continue
            said = self.rules.pattern(str(source), re.IGNORECASE)
            sure = sure + [
                f
                for f in topics
                if "(personal life" in f.message and said.search(text[f.start : f.end])
            ]
        if sure:
            kept = set(reviewed)
            reviewed = reviewed + [f for f in sure if f not in kept]
        return sorted(set(reviewed))

    # -- rules --------------------------------------------------------------------------------
    def _placeholders(self, letter: Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["placeholder"]
        allowed = rule.words("allowed")
        taken: list[tuple[int, int]] = []
        cues = ctx.kind in rule.data.get("stage_kinds", ())
        for pattern, entry in self.rules.candidates(rule, letter):
            condition = rule.condition(pattern)
            for m in _matches(letter, pattern, entry):
                if m.group(0).lower() in allowed or _overlaps(m.span(), taken):
                    continue
                if not _holds(condition, letter, m):
                    continue
                if cues and self._stage_direction(m.group(0), rule):
                    continue
                taken.append(m.span())
                yield _finding(rule, m.start(), m.end(), match=m.group(0))

    def _stage_direction(self, marked: str, rule: Rule) -> bool:
        """Is a bracket of a call script the writer's cue for the call ("[If no answer: leave a
        voicemail]", "[She answers]", "[Call: Hany Soliman]", "[Me]:") rather than a template's
        marker ("[Name]", "[Call: Name]", "[insert topic]")? (003)"""
        if not marked.startswith("[") or marked.startswith("[["):
            return False
        inside = marked[1:-1].strip(" \t:")
        template = self.rules.pattern(str(rule.data["stage_template"]), re.IGNORECASE)
        return template.search(inside) is None

    def _wrong_company(self, letter: Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["wrong-company"]
        candidates = _others(ctx, ctx.directory.companies, letter)
        if (
            not candidates
            and "." not in letter.text
            and "@" not in letter.text
            and _RUN_TOGETHER.search(letter.text) is None
        ):
            return  # (a name run together is read in a link, an address, a hashtag or camel case)
        dictionary = self.dictionary
        for start, end, opportunity in other_companies(
            letter.text,
            ctx,
            candidates,
            rule.words("legal_suffixes"),
            dictionary.known if dictionary is not None else None,
            lambda: letter.lowercase_voice,
            self._places(rule),
            self.places,
            lambda said: self._no_other_sense(said, ctx),
        ):
            if self._addressing.titled(letter.text, start):
                continue  # a person of that name ("Mr Morgan"), not the company
            yield _finding(rule, start, end, match=letter.text[start:end], opportunity=opportunity)

    def _no_other_sense(self, said: str, ctx: LetterContext) -> bool:
        """Are the words of another company found in a letter its name and nothing else: no
        word of English, no place's name and no person's ("NILCO's distributors", "Nordvik")?
        The learned reader withdraws a finding where a company's word is read in another sense
        ("the Delta team", "Morgan" a surname), which such a name has none of."""
        dictionary = self.dictionary
        if dictionary is None or said.islower():
            return False  # (in lowercase, an animal's or a thing's name may be meant)
        found = _WORD_CHARS.findall(said)
        if not found:
            return False
        person = ctx.directory.person_words | self._addressing.given_names
        for word in found:
            folded = fold_accents(word.lower())
            if len(folded) < 4 or folded in person or dictionary.known(folded):
                return False
            if dictionary.known(word.lower()) or (self.places is not None and self.places(word)):
                return False
        return not (self.places is not None and self.places(said))

    def _places(self, rule: Rule) -> Places:
        """The wrong-company rule's frames of a place or of another name (compiled once)."""
        if self._place_frames is None:
            self._place_frames = Places.of(rule.data, self.rules.pattern)
        return self._place_frames

    def _lexicon_of(self, rule: Rule) -> Lexicon:
        """The new-topic rule's lexicon of private life (made once)."""
        if self._lexicon is None:
            extra = self.pastimes() if self.pastimes is not None else None
            self._lexicon = Lexicon(rule.data, extra, self.rules.pattern)
        return self._lexicon

    def prepare(self) -> None:
        """Compile now the patterns the rules' code makes from their data when a letter first
        needs them (the wrong-company rule's frames, the recap's idioms, phrases and frames, the
        lexicon's, the stakes, an address's marks), each through the rulebook (see
        Rulebook.pattern): for the adapter that keeps their compiled code with the rules, so
        that a command that checks one letter reads them rather than compiles them."""
        self._places(self.rules["wrong-company"])
        applied = self.rules["wrong-company"].data.get("company_applied_after")
        if applied:
            self.rules.pattern(str(applied), re.IGNORECASE)
        for key in ("asked_after", "unreviewed_words"):
            source = self.rules["new-topic"].data.get(key)
            if source:
                self.rules.pattern(str(source), re.IGNORECASE)
        recap, empty = self.rules["missing-recap"], Letter("")
        self._said_in_sense(empty, recap)
        self._said_in_other_words(empty, recap)
        self._own_before("", 0, 0, recap)
        self._discussed(empty, "", [])
        self._discussed_after("", 0)
        self._own_record(empty, "", [])
        rule = self.rules["new-topic"]
        lexicon = self._lexicon_of(rule)
        _ = (lexicon.frames, lexicon.pleasantries, lexicon.any_pleasantry, lexicon.audiences)
        for source in rule.data.get("stakes", []):
            for part in _stake_parts(source):
                self.rules.pattern(part, re.IGNORECASE)
        self._address_marks(self.rules["missing-contact"].data)

    def _wrong_name(
        self,
        letter: Letter,
        ctx: LetterContext,
        template: list[tuple[int, int]],
        sure: list[Finding] | None = None,
    ) -> Iterator[Finding]:
        """Names addressed that are not the recipient's, people of other opportunities named,
        and people credited with being at the interview who were not met (001). A name spoken
        to that is someone met for this opportunity, or that a title makes a person's, is also
        put in `sure`."""
        rule = self.rules["wrong-name"]
        recipient_parts = ctx.recipient_parts
        text = letter.text
        known = ctx.directory.person_words | ctx.people_parts
        addressing = self._addressing
        met = ctx.people_parts - recipient_parts
        # the reader called by an office ("Dear Madam President"): theirs where their job
        # title holds it; another's met for this opportunity where only that one's does
        office = addressing.salutation_office(text)
        taken = list(template)
        if office is not None:
            start, end, words = office
            if _holds_office(ctx.recipient_title, words):
                taken.append((start, end))
            elif any(_holds_office(title, words) for title in ctx.titles):
                taken.append((start, end))
                finding = _finding(rule, start, end, match=text[start:end], recipient=ctx.recipient)
                if sure is not None:
                    sure.append(finding)
                yield finding
        # the reader called by a title alone of the other sex than theirs ("Dear Sir," to Maria
        # José Figueiredo, "Dear Madam," to Guilherme Tavares)
        alone = addressing.salutation_title_alone(text, ctx.recipient, ctx.candidate_country)
        if alone is not None:
            taken.append(alone)
            yield _finding(rule, *alone, match=text[alone[0] : alone[1]], recipient=ctx.recipient)
        for spoken in addressing.spoken_titles(text, ctx.recipient, ctx.candidate_country):
            if not _overlaps(spoken, taken):
                taken.append(spoken)
                yield _finding(
                    rule, *spoken, match=text[spoken[0] : spoken[1]], recipient=ctx.recipient
                )
        # the reader called by initials ("Hi JP,"): another's, of someone in the user's data,
        # where they are not the recipient's ("Hi JP" to Maria José, whose are MJ)
        initials = addressing.salutation_initials(text)
        if initials is not None and initials[2] in initials_of(ctx.recipient):
            taken.append(initials[:2])  # theirs ("Hi J.P.," to João Pedro): no name of one letter
        elif initials is not None:
            everyone = [n for names in ctx.directory.people.values() for n, _ in names]
            if any(initials[2] in initials_of(n) for n in (*ctx.people, *everyone)):
                start, end, _ = initials
                taken.append((start, end))
                finding = _finding(rule, start, end, match=text[start:end], recipient=ctx.recipient)
                if sure is not None:
                    sure.append(finding)
                yield finding
        # the recipient's family names (all but the first of their names), which a word
        # longer by two letters is not ("Hartley" to Will Hart)
        surnames = frozenset(fold_accents(p.lower()) for p in ctx.recipient.split()[1:])
        # a name of the recipient's written with its accents is in its own spelling
        native = frozenset(
            fold_accents(p.lower()) for p in ctx.recipient.split() if not p.isascii()
        )
        family_first = addressing.family_first_name(ctx.recipient)
        for found in addressing.addressed(_in_title_case(text), ctx, known):
            if _PLACEHOLDER_NAME.fullmatch(found.words[0]) or _overlaps(
                (found.start, found.end), taken
            ):
                continue  # a placeholder ("Dear First Name") or a company, reported as such
            given = fold_accents(ctx.recipient.split()[0].lower()) if ctx.recipient.split() else ""
            titled = addressing.called_with_title(text, found.start, found.end)
            if (
                not addressing.names_another(
                    found.words,
                    recipient_parts,
                    known,
                    text,
                    self.nicknames,
                    given=given,
                    titled=titled,
                    native=native,
                    surnames=surnames,
                    family_first=family_first,
                )
                and not addressing.wrong_title(
                    text,
                    found.start,
                    found.end,
                    ctx.recipient,
                    ctx.candidate_country,
                    ctx.topics,
                )
                and not addressing.called_by_others_part(
                    found.words, ctx.recipient, titled, ctx.candidate_country
                )
            ):
                continue
            finding = _finding(
                rule,
                found.start,
                found.end,
                match=text[found.start : found.end],
                recipient=ctx.recipient,
            )
            if sure is not None and (
                addressing.opens_with_title(text[found.start : found.end])
                or any(fold_accents(w.lower()) in met for w in found.words)
                # a name that holds one of the recipient's beside another's ("José Manuel" to
                # José Luis, "de Groot" to Marloes de Graaf), where the model sees the
                # recipient called
                or (
                    len(found.words) > 1
                    and any(fold_accents(w.lower()) in recipient_parts for w in found.words)
                )
                # the recipient's given name in the other sex's form ("Mariano" to Mariana)
                # or mistyped ("Gordan" to Gordon, "Tyller" to Tyler), where the model sees a name
                # unknown to it
                or any(
                    addressing.other_sex_form(fold_accents(w.lower()), p)
                    or addressing.name_slip(fold_accents(w.lower()), p)
                    for w in found.words
                    for p in recipient_parts
                )
            ):
                sure.append(finding)
            yield finding
        # a person from another opportunity named anywhere: a letter copied from another one;
        # by the first name alone where it is spoken of as a person ("as I told Oliver"); not
        # in a sentence that offers them as a referee (a third party, as DESIGN has it)
        mine = ctx.people_parts | recipient_parts
        copy_line = rule.data.get("copy_line")
        copied = self.rules.pattern(str(copy_line), re.IGNORECASE) if copy_line else None

        def referee(m: re.Match[str]) -> bool:
            start, end = letter.sentence_of(m.start(), m.end())
            if addressing.offers_referee(text[start:end]):
                return True
            # an item of a list whose opening line offers referees ("Here are my referees:"
            # and a line for each, with their details)
            lead = _list_lead(text, m.start())
            return lead is not None and addressing.offers_referee(lead)

        for person, theirs in _others(ctx, ctx.directory.people, letter):
            parts = person.split()
            if any(fold_accents(p.lower()) in mine for p in parts):
                continue
            whole = [
                m
                for m in _full_name(person).finditer(text)
                if not referee(m)
                and not _at_own_company(text, m.end(), theirs, ctx)
                and not _copied_address(text, m, copied)
            ]
            for m in whole:  # in any case, without its accents, in a link or a file name
                yield _finding(rule, m.start(), m.end(), match=m.group(0), recipient=ctx.recipient)
            if whole or _full_name(person).search(text):
                continue
            first = parts[0]
            if len(parts) < 2 or fold_accents(first.lower()) in addressing.not_names:
                continue
            for m in re.finditer(rf"\b{re.escape(first)}\b(?![ \t]+[{UPPER}])", text):
                if _at_own_company(text, m.end(), theirs, ctx):
                    continue
                if self._ends_a_name(text, m.start()):
                    continue  # "through Port Khalid, the", "San Diego": a place, not Khalid
                if addressing.spoken_of(text, m.start(), m.end()) and not referee(m):
                    yield _finding(
                        rule, m.start(), m.end(), match=m.group(0), recipient=ctx.recipient
                    )
        # …or by the short form of their given name, spoken of as a person ("Venkat mentioned
        # you'd want…" of Venkataraman, met for another opportunity), where no one met for this
        # one is called so
        yield from self._others_short(letter, ctx, mine, referee)
        # someone credited with being at the interview who was not met for this opportunity
        loose = self.rules.loose_test(letter)
        for found in addressing.credited(text, mine | ctx.candidate_parts, letter.spaced, loose):
            yield _finding(
                rule,
                found.start,
                found.end,
                match=text[found.start : found.end],
                recipient=ctx.recipient,
            )

    def _others_short(
        self,
        letter: Letter,
        ctx: LetterContext,
        mine: frozenset[str],
        referee: Callable[[re.Match[str]], bool],
    ) -> Iterator[Finding]:
        """Someone of another opportunity named by the short form of their given name and
        spoken of as a person ("Venkat mentioned…"), where it is no short form of a name of
        this opportunity's people or the recipient's."""
        addressing = self._addressing
        forms = addressing.short_forms
        words = {w for w in letter.word_set if w in forms}
        if not words:
            return
        rule = self.rules["wrong-name"]
        text = letter.text
        for word in words:
            fulls = forms[word]
            if word in mine or not fulls.isdisjoint(mine):
                continue  # one of this opportunity's people, or the recipient, is called so
            theirs = [
                (name, opportunity)
                for full in fulls
                for name, opportunity in ctx.directory.people.get(full, ())
                if opportunity != ctx.opportunity
            ]
            if not theirs:
                continue
            # (capitalised as a name is: a title-cased word, in case, before no other name)
            called = re.escape(word.capitalize())
            for m in re.finditer(rf"\b{called}\b(?![ \t]+[{UPPER}])", text):
                if self._ends_a_name(text, m.start()):
                    continue
                if any(_at_own_company(text, m.end(), o, ctx) for _, o in theirs):
                    continue
                # a short form is often a word or a product's name too ("Siri", "Asia"):
                # read only where a person's act or speech is told of it
                acts = _PERSON_AFTER.match(text, m.end()) or _PERSON_BEFORE.search(
                    text, max(0, m.start() - 12), m.start()
                )
                if acts and addressing.spoken_of(text, m.start(), m.end()) and not referee(m):
                    yield _finding(
                        rule, m.start(), m.end(), match=m.group(0), recipient=ctx.recipient
                    )

    def _ends_a_name(self, text: str, start: int) -> bool:
        """Is the given name at `start` the last word of a longer name, the capitalised word
        before it no title of respect ("Mr Khalid"): a place's ("Port Khalid", "San Francisco",
        "St Martin's"), a street's, another person's ("Rosa Khalid")? Mid-sentence, any such
        word says so; at a sentence's start ("Tell Khalid", "As Diego said") or after a title
        that also opens a place's name ("San", "Santa"), only the two words being a known
        place's name."""
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None or before.group(1) in _NOT_NAME_PARTS:
            return False
        if not self._addressing.titled(text, start) and not _sentence_initial(
            text, before.start(1)
        ):
            return True
        name = _WORD_CHARS.match(text, start)
        return (
            self.places is not None
            and name is not None
            and self.places(text[before.start(1) : name.end()])
        )

    def _phrases(self, letter: Letter, rule: Rule) -> Iterator[Finding]:
        taken: list[tuple[int, int]] = []
        for pattern, entry in self.rules.candidates(rule, letter):
            condition = rule.condition(pattern)
            for m in _matches(letter, pattern, entry):
                if _overlaps(m.span(), taken) or not _holds(condition, letter, m):
                    continue
                taken.append(m.span())
                yield _finding(
                    rule, m.start(), m.end(), match=m.group(0), **{"class": _label(condition)}
                )

    def _spoken_flattery(
        self, letter: Letter, ctx: LetterContext, found: list[Finding]
    ) -> list[Finding]:
        """Praise a call script gives its recipient in the third person ("tell her she is the
        sharpest director on the coast"): the script read as said to them (see spoken.py),
        each finding reported on the script's own words."""
        first = ctx.recipient.split()[0] if ctx.recipient.split() else ""
        others = ctx.people_parts - ctx.recipient_parts
        spoken, starts, ends = second_person(letter.text, first, others)
        if spoken == letter.text:
            return []
        said = Letter(spoken)
        said.many = letter.many
        taken = [(f.start, f.end) for f in found]
        more: list[Finding] = []
        for f in self._phrases(said, self.rules["flattery"]):
            start, end = starts[f.start], ends[f.end - 1]
            if _overlaps((start, end), taken):
                continue
            taken.append((start, end))
            message = f.message.replace(spoken[f.start : f.end], letter.text[start:end])
            more.append(Finding(start, end, f.rule, message))
        return more

    def _asks_decision(self, letter: Letter) -> Iterator[Finding]:
        """A question about the decision, or a request to be told it (003)."""
        rule = self.rules["asks-decision"]
        book = self.rules
        questions = book.candidates(rule, letter, "questions") if "?" in letter.text else []
        requests = book.candidates(rule, letter, "requests")
        text = letter.text
        # a request whose object is the hiring outcome, read as structure (asking.py)
        structured: list[tuple[int, int]] = []
        if book.asking is not None:
            # (a lowercase of the same length: a few characters grow in lowercase, 'İ')
            lowered = letter.lowered if letter.aligned else "".join(c.lower()[0] for c in text)
            words = letter.word_text
            structured = list(book.asking.spans(text, lowered, words, letter.sentences))
        if not (questions or requests or structured):
            return
        # what a script lists as not to do ("Do not:", "Avoid:" and the items under it)
        forbidden = _forbidden_items(text, rule.data.get("forbidden_lists")) if ":" in text else []
        flagged: dict[tuple[int, int], int] = {}  # clause: where the asking starts
        for patterns, asked in ((questions, True), (requests, False)):
            for pattern, entry in patterns:
                condition = rule.condition(pattern)
                for m in _matches(letter, pattern, entry):
                    if forbidden and _overlaps(m.span(), forbidden):
                        continue
                    clause = letter.clause_of(m.start())
                    if asked and not _asks(text, clause, m.end()):
                        continue
                    if condition.plain or _holds(condition, letter, m):
                        at = letter.sentence_of(m.start(), m.end())[0]
                        flagged[clause] = min(flagged.get(clause, at), max(at, clause[0]))
        for at, _ in structured:
            if forbidden and _overlaps((at, at + 1), forbidden):
                continue
            clause = letter.clause_of(at)
            flagged[clause] = min(flagged.get(clause, at), max(at, clause[0]))
        for (_, end), at in sorted(flagged.items()):
            yield _finding(rule, at, end, match=text[at:end].strip())

    def _too_long(self, letter: Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["too-long"]
        limits = rule.data.get("limits", {})
        limit = int(limits.get(ctx.kind, limits.get("default", 250)))
        if letter.word_count <= limit:
            return  # `\w+` counts at least the letter's words
        # words as a word processor counts them: what spaces part, numbers too ("4 March", the
        # phone number under the name), a dash or a bullet alone no word
        written = [m for m in _CHUNK.finditer(letter.text) if _HAS_ALNUM.search(m.group(0))]
        if len(written) > limit:
            yield _finding(
                rule,
                written[limit].start(),
                len(letter.text.rstrip()),
                words=len(written),
                limit=limit,
                kind=ctx.kind.replace("_", "-"),
            )

    def _missing_thanks(self, letter: Letter, ctx: LetterContext) -> Iterator[Finding]:
        """Thanks that thank the recipient: not "thanks to the snow", "I'd be grateful if you
        could…" or "I appreciate that the market is slow" (001, 003, 004)."""
        rule = self.rules["missing-thanks"]
        if ctx.kind not in rule.data.get("kinds", []):
            return
        text = letter.text
        for pattern, entry in self.rules.candidates(rule, letter):
            for m in _matches(letter, pattern, entry):
                if not self._thanks_no_one(text, m.start(), ctx):
                    return
        yield _finding(rule, 0, len(text.rstrip()), kind=ctx.kind.replace("_", "-"))

    def _thanks_no_one(self, text: str, at: int, ctx: LetterContext) -> bool:
        """Is the thanks at `at` in a frame that thanks no one? Read around it only."""
        low, high = max(0, at - _LOOK), min(len(text), at + _LOOK)
        rule = self.rules["missing-thanks"]
        around = text[low:high].lower()
        for pattern in rule.exclusions:
            strings, word_sets, _ = rule.probes[pattern]
            if not _holds_needs(around, strings, word_sets):
                continue  # it needs what is not there
            for m in pattern.finditer(text, low, high):
                if not m.start() <= at < m.end():
                    continue
                who = m.groupdict().get("who")
                if who and same_person(who, ctx.recipient_parts):
                    continue  # "thanks to Renée" in a letter to Renée thanks her
                return True
        return False

    def _gives_address(self, text: str, address: str, data: dict[str, object]) -> bool:
        """Does the letter give the address, as typed or written against harvesters
        ("ines.carvalho (at) mail (dot) example", "ines.carvalho[at]mail.example")?"""
        lowered, address = text.lower(), address.lower()
        if address in lowered:
            return True
        if "@" not in address:
            return False
        name = address.split("@", 1)[0]
        if name not in lowered:
            return False  # cheap: the address's name must be there whatever its "@"
        at, dot = self._address_marks(data)
        return address in dot.sub(".", at.sub("@", lowered))

    def _address_marks(self, data: dict[str, object]) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The "@" and the "." of an address as written against harvesters ("(at)", "[dot]")."""
        at = self.rules.pattern(str(data.get("address_at", "(?!)")), re.I)
        return at, self.rules.pattern(str(data.get("address_dot", "(?!)")), re.I)

    def _missing_contact(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["missing-contact"]
        if ctx.kind not in rule.data.get("kinds", []):
            return
        if ctx.candidate_email and self._gives_address(text, ctx.candidate_email, rule.data):
            return
        digits = _NON_DIGITS.sub("", text)
        phone = _NON_DIGITS.sub("", ctx.candidate_phone)
        if len(phone) >= 7 and phone[-7:] in digits:
            return
        if not (ctx.candidate_email or len(phone) >= 7) and (
            ("@" in text and _EMAIL.search(text)) or _PHONE.search(text)
        ):
            return  # no contact details on file: any address or number will do
        end = len(text.rstrip())
        yield _finding(rule, end, end)

    def _missing_recap(
        self, letter: Letter, ctx: LetterContext, template: bool = False
    ) -> Iterator[Finding]:
        """A letter to someone who decides names at least one topic discussed with them: half
        of a topic's words or more, not only generic ones, or one long distinctive word of it
        ("reactivation" for "reactivating lapsed customers"); or restates what they said about
        one, as noted: half of the note's words, two of them distinctive ("38 clinics, half of
        them buying direct"). Words match on their stems or their first five letters
        ("expansion", "expand"). One word alone names a topic of two or more only if it is the
        topic's head ("retainers" of "agency retainers", "lending" of "lending to farms") or a
        name in it ("Benelux" of "the Benelux expansion"), not a word that qualifies it: "my
        agency background", "ready to branch out" and "my commercial experience" recap neither
        "agency retainers", "the branch closures" nor "commercial solar tenders". Words of time
        and order name a topic only beside a word of its own: "the first round" and "this year"
        do not recap "the first-year revenue target" (001, 003). In a letter whose template
        markers are left in (`template`: "to talk about [TOPIC 1] and [TOPIC 2]"), where the
        recap was to be, a marker recaps nothing, and neither does a topic's place or name said
        alone elsewhere ("seeing Felixstowe again" beside "rail freight out of Felixstowe")."""
        rule = self.rules["missing-recap"]
        if ctx.kind not in rule.data.get("kinds", []) or not ctx.decision_maker or not ctx.topics:
            return
        weak, split, topics, timely, mains, heads = self._recap_topics(ctx)
        named = len(ctx.topics)  # the topics' names; after them, what was said about them
        said = self._said_in_sense(letter, rule)
        said |= self._said_in_other_words(letter, rule)
        same = self._synonyms
        if same is None:
            # a word in two groups ("train" of coaching and of rail) stands for both
            groups: dict[str, set[str]] = {}
            for group in rule.data.get("synonyms", []):
                for w in group:
                    groups.setdefault(str(w).lower(), set()).update(str(g).lower() for g in group)
            same = self._synonyms = {w: frozenset(g) for w, g in groups.items()}
        if not said.isdisjoint(same):
            # not for a word of the role or the company ("agricultural" in a letter for an
            # agricultural sales role): it names the whole job, not a topic's word in other words
            job = {stem(w) for w in _WORD_CHARS.findall(f"{ctx.role} {ctx.company}".lower())}
            said = said.union(*(same[w] for w in said if w in same and stem(w) not in job))
        near = [t for t in said if t[:3] in heads]
        # a place said by its adjective or the adjective by its place ("Egypt" for "Egyptian
        # system integrators", "a European port" for "to Europe", "northern" for "the north")
        places = {w for content in topics for w in content if len(w) >= 4}
        near += [p for t in near for p in places if p != t and _of_place(t, p)]
        stems = {stem(t) for t in near}
        roots = {_root(t, "er") for t in near}
        prefixes = {t[:5] for t in near if len(t) >= 6}
        for i, content in enumerate(topics):
            if not content:
                continue
            hits = [
                w
                for w in content
                if stem(w) in stems
                or _root(w) in roots
                or (len(w) >= 6 and w[:5] in prefixes and any(_kin(w, t) for t in near))
            ]
            needed = max(1, (len(content) + 1) // 2)
            strong = [w for w in hits if w not in weak and stem(w) not in weak]
            if any(w not in weak and stem(w) not in weak and w not in timely for w in content):
                # unless time is all the topic is about ("the first ninety days")
                strong = [w for w in strong if w not in timely]
            if i >= named:
                # half of what was said, two of its words distinctive; or three words of a
                # long note, two of them distinctive ("enterprise customers in Cebu and
                # Davao" for "ten enterprise accounts in Cebu and Davao by year end")
                if (len(hits) >= min(needed, 3)) and len(strong) >= 2:
                    return
            else:
                main = mains[i]
                if len(hits) == 1 and hits[0] not in main:
                    continue  # a word that qualifies the topic, not the topic
                if hits and len(hits) <= 2:  # the writer's own record recaps nothing of theirs
                    hits = [w for w in hits if not self._own_record(letter, w, near)]
                    strong = [w for w in strong if w in hits]
                named_in = _names_of(ctx.topics[i]) if hits else frozenset()
                if template and named_in.issuperset(hits):
                    continue  # its place or name alone, where the markers stand for the recap
                if not named_in.isdisjoint(hits):
                    # a topic's name inside another name ("Queensland Health" is no recap of
                    # "the North Queensland territory", "Leeds United" of the Leeds office)
                    hits = [
                        w
                        for w in hits
                        if w not in named_in or not _inside_name(letter.text, w, near, content)
                    ]
                    strong = [w for w in strong if w in hits]
                if (
                    (len(hits) >= needed and strong)
                    or _part_named(split[i], rule.words("stopwords"), hits, strong, main)
                    or any(len(w) >= 9 and (w in main or len(hits) > 1) for w in strong)
                    or (strong and _abbreviates(ctx.topics[i], strong))
                    or self._named_apart(letter, ctx, strong, main, near, stems)
                ):
                    return
        yield _finding(
            rule,
            0,
            len(letter.text.rstrip()),
            recipient=ctx.recipient,
            topics="; ".join(ctx.topics),
        )

    def _said_in_sense(self, letter: Letter, rule: Rule) -> set[str]:
        """The letter's words, less those it uses only inside an idiom that gives them another
        sense than a topic's ("lend a hand" is no lending, "renewed my enthusiasm" no renewal,
        "close the gaps" no closure, "keep my career on the rails" no rail freight): the rule's
        `other_senses`. A word also said outside such an idiom stays."""
        said = letter.word_set
        senses = self._senses
        if senses is None:
            sources = [str(p) for p in rule.data.get("other_senses", [])]
            joined = "|".join(f"(?:{p})" for p in sources) or "(?!)"
            senses = self._senses = self.rules.pattern(joined, re.I)
        first = self.rules.loose_first(letter)
        matches: Iterator[re.Match[str]] | None = None
        if first is not None:
            if self._senses_form is None:
                self._senses_form = (loosened(senses.pattern, re.I),)
            form = self._senses_form[0]
            if form is not None:
                size = len(letter.text)
                at = first(form, 0, size)
                if at is not None and at < 0:
                    return said  # where the looser form cannot match, no idiom can
                if at is not None:
                    # (the idioms, one alternation of some twenty, tried only where their
                    # looser form's matches start: Python's engine would try every place)
                    matches = find_from(senses, letter.text, _located(first, form), at, size)
        if matches is None:
            matches = senses.finditer(letter.text)
        spans = [m.span() for m in matches]
        if not spans:
            return said
        inside: set[str] = set()
        outside = []
        last = 0
        for start, end in spans:
            inside.update(w.lower() for w in _WORD_CHARS.findall(letter.text, start, end))
            outside.append(letter.text[last:start])
            last = end
        outside.append(letter.text[last:])
        kept = {w.lower() for w in _WORD_CHARS.findall(" ".join(outside))}
        return {w for w in said if w not in inside or w in kept}

    def _said_in_other_words(self, letter: Letter, rule: Rule) -> set[str]:
        """The words a topic is said by in a phrase of other words ("clients that sign again
        every year" for renewals, "a monthly fee" for a retainer, "calling the quarter" for
        forecasting): the rule's `phrases`, each a pattern and the words it stands for. A phrase
        said of the writer's own record ("my monthly fee as a freelancer") stands for nothing."""
        phrases = self._phrases_said
        if phrases is None:
            phrases = self._phrases_said = [
                (self.rules.pattern(str(p), re.I), str(w).lower())
                for p, w in rule.data.get("phrases", [])
            ]
        text = letter.text
        found: set[str] = set()
        loose = self.rules.loose_test(letter) if phrases else None
        forms: list[bytes | None] = []
        if loose is not None:
            if self._phrase_forms is None:
                each = [loosened(p.pattern, re.I) for p, _ in phrases]
                self._phrase_forms = (each, either([f for f in each if f is not None], len(each)))
            forms, joined = self._phrase_forms
            if joined is not None and not loose(joined):
                return found  # the looser form of no phrase matches: no phrase can
        for i, (pattern, word) in enumerate(phrases):
            if word in found:
                continue
            form = forms[i] if forms else None
            if loose is not None and form is not None and not loose(form):
                continue  # where the looser form cannot match, the phrase cannot
            for m in pattern.finditer(text):
                if not self._own_before(text, m.start(), m.end(), rule):
                    found.update(word.split())  # "churn customers": customers who leave
                    break
        return found

    def _own_before(self, text: str, start: int, end: int, rule: Rule) -> bool:
        """Is what is said from `start` to `end` the writer's own ("my", "years in", "I'd
        bring"), and not something brought in ("bringing high-street brands into the agency")?"""
        frames = self._own_lead
        if frames is None:
            own = rule.data.get("own_record", {})
            frames = self._own_lead = (
                self.rules.pattern(f"(?:{own.get('before', '(?!)')})\\Z", re.I),
                self.rules.pattern(f"(?:{own.get('brought_in', '(?!)')})", re.I),
            )
        before, brought_in = frames
        return (
            before.search(text, max(0, start - 60), start) is not None
            and brought_in.match(text, end, end + 40) is None
        )

    def _recap_topics(self, ctx: LetterContext) -> _Topics:
        """What the recap rule reads of the context's topics (and of what was said of them),
        worked out once per context: every letter to one person shares them."""
        key = (ctx.topics, ctx.said, ctx.role, ctx.company)
        found = self._topics.get(key)
        if found is not None:
            return found
        rule = self.rules["missing-recap"]
        stop = rule.words("stopwords")
        # the words of the role and the company name the whole job, not one topic of it: a
        # letter for an insurance role says "insurance" whatever it recaps
        weak = rule.words("weak") | {
            stem(w) for w in _WORD_CHARS.findall(f"{ctx.role} {ctx.company}".lower())
        }
        split = [  # split as the letter's words are (`\w+`: "cold-calling" is two)
            _WORD_CHARS.findall(topic.lower()) for topic in (*ctx.topics, *ctx.said)
        ]
        topics = [[w for w in tokens if w not in stop] for tokens in split]
        linking = rule.words("linking")
        generic = weak | rule.words("generic_heads")
        # words of time and order ("first", "year", "end") are shared by any letter's "first
        # round" or "this year": they tell a topic only beside a word of its own
        timely = rule.words("time_words")
        names = [  # a place or a name in a topic is distinctive alone ("Benelux", "Leeds"),
            # and so is the abbreviation the notes give it in brackets ("key accounts (KAM)")
            {w.lower() for w in _WORD_CHARS.findall(topic) if w[0].isupper() and not w.isupper()}
            | {w.lower() for w in _BRACKETED_ACRONYM.findall(topic)}
            for topic in ctx.topics
        ]
        # each topic's main words: all of a topic of one word, else its heads and names
        mains = [
            (_heads(split[i], stop, linking, generic) | names[i])
            if len(content) > 1
            else set(content)
            for i, content in enumerate(topics[: len(ctx.topics)])
        ]
        # the letter's words that could be a topic's word: same first three letters; a word
        # of the same meaning stands for it ("bids" for "tenders", "attrition" for "churn")
        heads = {w[:3] for content in topics for w in content}
        found = (weak, split, topics, timely, mains, heads)
        if len(self._topics) > 256:
            self._topics.clear()
        self._topics[key] = found
        return found

    def _named_apart(
        self,
        letter: Letter,
        ctx: LetterContext,
        strong: list[str],
        main: frozenset[str] | set[str],
        near: list[str],
        stems: set[str],
    ) -> bool:
        """A long topic named by fewer than half its words: two distinctive ones, its head or
        a name among them ("cold containers out of Piraeus" for "reefer freight from Piraeus to
        Northern Europe"), or its head alone said as what was discussed ("how openly you spoke
        about churn"); not by words of a colleague's topic the letter names ("the clinic
        training days" is no recap of "the vet clinic network")."""
        if not strong:
            return False
        elsewhere = self._colleagues_named(ctx, letter.stems)
        own = [w for w in strong if stem(w) not in elsewhere]
        if len(own) >= 2 and any(w in main for w in own):
            return True
        return any(w in main and self._discussed(letter, w, near) for w in own)

    def _colleagues_named(self, ctx: LetterContext, stems: set[str]) -> frozenset[str]:
        """The stems of the words of the opportunity's other topics that the letter names
        (half of their words or more)."""
        stop = self.rules["missing-recap"].words("stopwords")
        found: set[str] = set()
        for note in ctx.notes:
            if note in ctx.topics or note in ctx.said:
                continue  # the reader's own
            content = {stem(w) for w in _WORD_CHARS.findall(note.lower()) if w not in stop}
            if content and len(content & stems) * 2 >= len(content):
                found |= content
        return frozenset(found)

    def _discussed(self, letter: Letter, word: str, near: list[str]) -> bool:
        """Is a topic's word said in the letter as what the writer and the reader discussed
        ("how openly you spoke about churn", "our conversation on renewals"), in the same
        clause?"""
        frame = self._discussion
        if frame is None:
            source = self.rules["missing-recap"].data.get("discussed", "(?!)")
            frame = self._discussion = self.rules.pattern(str(source), re.I)
        forms = [t for t in near if stem(t) == stem(word) or _kin(word, t)]
        text = letter.text
        for form in forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", text, re.I):
                start = letter.clause_of(m.start())[0]
                if frame.search(text, start, m.start()) or self._discussed_after(text, m.end()):
                    return True
        return False

    def _discussed_after(self, text: str, end: int) -> bool:
        """Is the thing a topic's word names said after it to be what was discussed ("the churn
        model we talked through", "the stage definitions you asked for")?"""
        after = self._named_after
        if after is None:
            own = self.rules["missing-recap"].data.get("own_record", {})
            source = own.get("named_as_discussed", "(?!)")
            after = self._named_after = self.rules.pattern(f"(?:{source})", re.I)
        return after.match(text, end, end + 60) is not None

    def _own_record(self, letter: Letter, word: str, near: list[str]) -> bool:
        """Is every use of a topic's word in the letter the writer's own record ("my
        forecasting", "twenty years in business lending", "I'd bring strong retainer
        relationships", "my lending experience")? Then it says what the writer has done, not
        what was discussed (001: the recap is of the topics discussed), unless the reader asked
        about it ("you asked about my reactivation numbers") or the letter names the thing as
        what was discussed ("happy to bring the churn model we talked through"), or the thing
        is brought in rather than brought along ("bringing retail brands into the agency" wins
        the topic's customers; "I'd bring strong retainer relationships" offers the writer's)."""
        frames = self._frames
        if frames is None:
            own = self.rules["missing-recap"].data.get("own_record", {})
            frames = self._frames = (
                self.rules.pattern(f"(?:{own.get('before', '(?!)')})\\Z", re.I),
                self.rules.pattern(f"(?:{own.get('after', '(?!)')})", re.I),
                self.rules.pattern(f"(?:{own.get('asked', '(?!)')})\\Z", re.I),
                self.rules.pattern(f"(?:{own.get('brought_in', '(?!)')})", re.I),
            )
        before, after, asked, brought_in = frames
        forms = [t for t in near if stem(t) == stem(word) or _kin(word, t)]
        text = letter.text
        seen = False
        for form in forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", text, re.I):
                seen = True
                start = max(0, m.start() - 60)
                if (
                    asked.search(text, start, m.start())
                    or self._discussed_after(text, m.end())
                    or brought_in.match(text, m.end(), m.end() + 40)
                ) or not (
                    before.search(text, start, m.start())
                    or after.match(text, m.end(), m.end() + 40)
                ):
                    return False
        return seen

    def _stakes(self, letter: Letter, rule: Rule) -> list[tuple[int, int]]:
        """The sentences where the writer's family is what rides on the job (the new-topic
        rule's `stakes`: a pattern, and what it may require in the same sentence), each
        pattern tried only where RE2 finds its looser form starts in a run of many letters."""
        stakes = self._stake_patterns
        if stakes is None:
            stakes = self._stake_patterns = []
            for source in rule.data.get("stakes", []):
                parts = _stake_parts(source)
                pattern = self.rules.pattern(parts[0], re.IGNORECASE)
                required = self.rules.pattern(parts[1], re.IGNORECASE) if parts[1:] else None
                stakes.append((pattern, required, loosened(parts[0], re.IGNORECASE)))
        text = letter.text
        first = self.rules.loose_first(letter)
        found = []
        for pattern, required, form in stakes:
            matches: Iterator[re.Match[str]] | None = None
            if first is not None and form is not None:
                at = first(form, 0, len(text))
                if at is not None:
                    if at < 0:
                        continue  # where the looser form cannot match, the pattern cannot
                    matches = find_from(pattern, text, _located(first, form), at, len(text))
            for m in matches if matches is not None else pattern.finditer(text):
                span = letter.sentence_of(m.start(), m.end())
                if required is None or required.search(text, span[0], span[1]):
                    found.append(span)
        return found

    def _new_topic(
        self,
        letter: Letter,
        ctx: LetterContext,
        taken: list[tuple[int, int]],
        praised: list[tuple[int, int]],
    ) -> Iterator[Finding]:
        """Personal or unrelated matters, unless the interview notes mention them (003). A
        sentence that pleads with the writer's family is needy, not a new topic (`taken`: the
        spans of those findings); one that praises the reader's family or home (`praised`:
        flattery) is flattery alone, unless it brings in more of private life than the family
        praised ("your wife's exhibition at the gallery": culture)."""
        rule = self.rules["new-topic"]
        patterns = self.rules.candidates(rule, letter)
        noted: frozenset[str] | None = None
        reported: set[tuple[int, int]] = set()
        lexicon = self._lexicon_of(rule)
        notes = self._notes_to_bring_up(ctx)
        pursued = self._pursued.get(notes)
        if pursued is None:  # the pursuits the notes name ("the Patagonian marathon")
            pursued = lexicon.pursued(" ".join(notes))
            if len(self._pursued) > 256:
                self._pursued.clear()
            self._pursued[notes] = pursued
        # the writer's family as what rides on the job ("I had told my family I would join
        # you"): pleading, the needy rule's ground, not a new topic
        # (an entry may ask, by "requires", for words of the plea in the same sentence: "my
        # parents sold their car" is a plea only "to pay for my course")
        stakes = (
            self._stakes(letter, rule) if not letter.word_set.isdisjoint(lexicon.people) else []
        )
        # the reader's family praised: the sentences beside the praise that tell of those
        # people ("I saw your son won the piano prize. He's a genius") are the praise's matter
        kin = _kin_praised(letter, praised, lexicon.people) if praised else []
        for pattern, entry in patterns:
            condition = rule.condition(pattern)
            for m in _matches(letter, pattern, entry):
                if stakes and _overlaps(m.span(), stakes):
                    continue
                if noted is None:
                    noted = self._noted(ctx, notes)
                said = m.group(0).lower()
                heard = {stem(w.group(0)) for w in words(said)}
                # (the words that tie nothing to the interview, "a personal note" to notes
                # that promise "a short note" and meet clients "in person", tie nothing here)
                if (heard - lexicon.people - self._untied(rule)) & noted or lexicon.kindred(
                    _WORD_CHARS.findall(said), pursued
                ):
                    continue  # the interview notes mention it, or their pursuit: not new
                if heard & lexicon.people & noted and (
                    condition.label in rule.words("noted_people_classes")
                    or self._of_the_notes(letter, m, noted)
                ):
                    # the notes' own person, and what the notes say of them; or, for a class
                    # found by the person alone (the reader's son asked after), that person
                    continue
                if (
                    heard & lexicon.people
                    and said.startswith(("my ", "our "))
                    and self._says_a_note(letter, m, ctx)
                ):
                    # the writer's own people in what the notes are about (a move the notes
                    # name, the pursuit they name): not a new topic by the person alone; the
                    # sentence is read below by what else it is about
                    continue
                if (
                    said.startswith(("my ", "our "))
                    and not heard.isdisjoint(channels := _stems(rule.words("own_channels")))
                    and self._says_a_note(letter, m, ctx, channels)
                ):
                    continue  # the writer's blog or podcast on a matter of the notes: work
                if m.group(0)[:1].isupper() and _a_person(said, ctx):
                    continue  # "Hi Everton,": a person of the user's data, not the club
                if self._of_a_company(letter, m, ctx):
                    continue  # "the pottery aisle" to a pottery, "Costa Verde Ceramics": trade
                if not _holds(condition, letter, m):
                    continue
                if not condition.plain and self._asks_of_the_notes(
                    letter, m, condition, pursued, noted
                ):
                    continue  # "join us on a ride" to the cyclist whose club the notes name
                span = letter.sentence_of(m.start(), m.start())
                if span in kin or (
                    praised
                    and _overlaps(span, praised)
                    and _of_their_people(letter.text[span[0] : span[1]], lexicon.people)
                ):
                    continue  # the reader's child praised for what they did: flattery alone
                if span not in reported:  # one finding a sentence
                    reported.add(span)
                    yield _finding(
                        rule, span[0], span[1], match=m.group(0), **{"class": _label(condition)}
                    )
        # a sentence about private life, by what it is about (personal.py)
        if not letter.word_set & lexicon.firsts:
            return
        taken = taken + stakes
        spans = [s for s in letter.sentences if s not in reported and not _overlaps(s, taken)]
        text = letter.text
        for start, end in praised:  # the words of the praise tie nothing to the work
            text = text[:start] + " " * (end - start) + text[end:]
        # a person of the user's data named by a word of the lexicon ("Lydia Beach", "Sunday
        # Okafor") is that person: the name says nothing of the beach or the weekend
        named = _named_people(letter, ctx, lexicon.firsts)
        named += _named_companies(letter, ctx, lexicon.firsts)
        for start, end in named:
            text = text[:start] + " " * (end - start) + text[end:]
        blanked = bool(praised or named)
        known = None if blanked else letter.word_set  # (the words of `text`, when they are)
        for hit in lexicon.sentences(
            text,
            spans,
            letter.word_set,
            self._context(ctx),
            known,
            noted=pursued,
            noted_words=frozenset(_WORD_CHARS.findall(" ".join(notes).lower())),
            # (the engine reads the letter as written: not where praise was blanked out, nor
            # where lowercase changes the letter's length)
            loose=self.rules.loose_span_test(letter) if not blanked and letter.aligned else None,
        ):
            if (hit.start, hit.end) in kin or (
                _overlaps((hit.start, hit.end), praised)
                and (
                    not lexicon.beyond_praise(hit, self._praised())
                    or _of_their_people(text[hit.start : hit.end], lexicon.people)
                )
            ):
                continue  # praise of the family, or of what one of them did: flattery alone
            yield _finding(
                rule,
                hit.start,
                hit.end,
                match=", ".join(hit.entries),
                **{"class": "personal life: " + ", ".join(hit.domains)},
            )

    def _asks_of_the_notes(
        self,
        letter: Letter,
        m: re.Match[str],
        condition: Condition,
        pursued: frozenset[str],
        noted: frozenset[str],
    ) -> bool:
        """Is what a pattern requires beside its match (the activity of an invitation: "a
        ride", "the run", in its sentence or, for `requires_lead`, the one before it) what the
        interview was about: a pursuit the notes name, in its own words or others of it ("our
        club rides on Sundays, you'd be welcome" to the reader whose cycling club the notes
        name), or, for the sentence that leads to the invitation, a topic of the notes ("a
        study group on QR payments meets every Thursday; you are welcome to join" to the
        reader who spoke of QR payments)?"""
        start, end = letter.sentence_of(m.start(), m.end())
        sentence = letter.text[start:end]
        said: list[str] = []
        if condition.requires is not None:
            found = condition.requires.search(sentence)
            if found is not None:
                said.append(found.group(0))
        if condition.requires_lead is not None:
            found = condition.requires_lead.search(sentence)
            lead = sentence
            i = bisect_right(letter.sentence_starts, start) - 2
            if found is None and i >= 0:
                lead = letter.text[letter.sentences[i][0] : letter.sentences[i][1]]
                found = condition.requires_lead.search(lead)
            if found is not None:
                said.append(found.group(0))
                weak = self.rules["new-topic"].words("not_context")
                lexicon = self._lexicon_of(self.rules["new-topic"])
                # (the words the pattern itself reads, "a group of us", "every Friday", say
                # nothing of the notes: "group health policies" is no tie)
                framed = _words_of_pattern(condition.requires_lead.pattern)
                kept = [
                    w
                    for w in _WORD_CHARS.findall(lead)
                    if (len(w) >= 4 or (len(w) >= 2 and w.isupper()))
                    and w.lower() not in weak
                    and w.lower() not in lexicon.people
                ]
                shared = {stem(w) for w in kept} - framed
                shared &= noted
                # one proper name shared alone (a town: "the whole of Kumasi" beside a note of
                # a school in Kumasi) is no tie; a common word of a note ("payments", "QR") or
                # two of its words are
                if len(shared) >= 2 or any(
                    stem(w) in shared for w in kept if w.isupper() or not w[:1].isupper()
                ):
                    return True
        if not said or not pursued:
            return False
        lexicon = self._lexicon_of(self.rules["new-topic"])
        return lexicon.kindred(_WORD_CHARS.findall(" ".join(said).lower()), pursued)

    def _of_a_company(self, letter: Letter, m: re.Match[str], ctx: LetterContext) -> bool:
        """Is what a pattern of private life found the trade of the company written to, every
        word of it a word of the company's name or of the role ("the pottery aisle at the garden
        centre" to Kilnworth Pottery, "Scottish cycling sales" to Fellgate Cycling), or a part
        of the name of a company of the user's data ("a year at Costa Verde Ceramics")? Then it
        is work, not a pastime."""
        weak = self.rules["new-topic"].words("not_context")
        said = [w.lower() for w in _WORD_CHARS.findall(m.group(0))]
        content = {stem(w) for w in said if len(w) >= 4 and w not in weak}
        if content:
            trade = {
                stem(w)
                for w in _WORD_CHARS.findall(f"{ctx.company} {ctx.role}".lower())
                if len(w) >= 4
            }
            if content <= trade:
                return True
        return any(
            start <= m.start() and m.end() <= end
            for start, end in _named_companies(letter, ctx, frozenset(said))
        )

    def _of_the_notes(self, letter: Letter, m: re.Match[str], noted: frozenset[str]) -> bool:
        """Does the sentence that names one of the reader's people the notes name ("your
        daughter") say what the notes say of them ("her barrel racing in Cheyenne", "the
        chess championship"), not something else of them ("your son's new school")?"""
        start, end = letter.sentence_of(m.start(), m.start())
        lexicon = self._lexicon
        people = lexicon.people if lexicon is not None else frozenset()
        weak = self.rules["new-topic"].words("not_context")
        return any(
            len(s) >= 4 and s in noted and s not in weak and s not in people
            for s in (stem(w.group(0)) for w in words(letter.text[start:end].lower()))
        )

    def _says_a_note(
        self,
        letter: Letter,
        m: re.Match[str],
        ctx: LetterContext,
        besides: frozenset[str] = frozenset(),
    ) -> bool:
        """Does the sentence of the match say what one note of the interview says: two of
        that note's own words ("we move from Porto to Braga in June" of "relocation from Porto
        to Braga"), or one of them beside the note's pursuit in other words ("the trout rise
        early on the Tamar" of "fishing on the Tamar")? One word of a note alone ("off to
        Leeds for a wedding", of "the Leeds office opening") is not. (`besides`: stems of
        words of private life the sentence may hold besides the note's, "my podcast".)"""
        start, end = letter.sentence_of(m.start(), m.start())
        found = _WORD_CHARS.findall(letter.text[start:end].lower())
        stems = {stem(w) for w in found}
        # the matter of the sentence before, on the same line, carries on ("thank you for the
        # details of the move to Perth. My wife can transfer and the kids start in March")
        before = letter.text[max(0, start - 300) : start]
        cut = max(before.rfind("\n"), before.rfind(". ", 0, max(0, len(before.rstrip()) - 1)))
        before = before[cut + 1 :] if "\n" not in before[cut + 1 :] else ""
        # (where the sentence points back to it, "it", "that", "there", and opens no other
        # matter: "Separately, my brother runs a catering firm" is one)
        said = letter.text[start:end]
        if not _POINTS_BACK.search(said) or _OTHER_MATTER.match(said):
            before = ""
        carried = {stem(w) for w in _WORD_CHARS.findall(before.lower())}
        lexicon = self._lexicon_of(self.rules["new-topic"])
        stop = self.rules["missing-recap"].words("stopwords")
        weak = self.rules["new-topic"].words("not_context") | lexicon.people
        for note in ctx.notes:
            own = {
                s
                for s in (stem(w) for w in _WORD_CHARS.findall(note.lower()) if w not in stop)
                if len(s) >= 4 and s not in weak
            }
            shared = own & stems
            pursuits = lexicon.pursued(note) if shared else frozenset()
            # or the note named in the sentence before, all its own words or two of them
            # ("relocating to Inverness", "the start date"; its words said the same way)
            told = {s for s in own if any(_same_stem(s, c) for c in carried)}
            if not (
                len(shared) >= 2
                or (pursuits and lexicon.kindred(found, pursuits))
                or (told and (len(told) >= 2 or told == own))
            ):
                continue
            # and nothing more of private life than the note's matter: the writer's people,
            # when it happens, the note's own words and pursuit ("my sister met her husband
            # at a cycling club; their wedding": the wedding is new)
            if all(
                entry in lexicon.people
                or domain in lexicon.support
                or {stem(w) for w in _WORD_CHARS.findall(entry)} <= own | besides
                or (pursuits and lexicon.pursuits.get(entry, frozenset()) & pursuits)
                for entry, domain in lexicon.entries(letter.text[start:end]).items()
            ):
                return True
        return False

    def _untied(self, rule: Rule) -> frozenset[str]:
        """The stems of the words that tie nothing to the interview (new-topic's not_context)."""
        found = self._untying
        if found is None:
            found = self._untying = frozenset(stem(w) for w in rule.words("not_context"))
        return found

    def _praised(self) -> frozenset[str]:
        """What flattery praises of the reader's (their office, family, photos: its TARGET)."""
        found = self._targets
        if found is None:
            words = self.rules["flattery"].data.get("words", {})
            found = self._targets = frozenset(
                str(w).lower() for w in (words.get("TARGET", []) if isinstance(words, dict) else [])
            )
        return found

    def _context(self, ctx: LetterContext) -> frozenset[str]:
        """The stems that tie a sentence to the interview: its notes and topics, the company
        and the role."""
        # (the notes this reader may hear of: another person's private matter, "the Sunday
        # cycling group", ties nothing to the interview in a letter to someone else)
        notes = self._notes_to_bring_up(ctx)
        found = self._contexts.get((ctx.topics, notes, ctx.company, ctx.role))
        if found is None:
            # not the words every job has ("planning", "team"): they tie nothing to this one
            weak = self.rules["missing-recap"].words("weak")
            weak = weak | {stem(w) for w in weak} | self.rules["new-topic"].words("not_context")
            extra = " ".join((*ctx.topics, ctx.company, ctx.role)).lower()
            words = self._noted(ctx, notes) | {stem(w) for w in _WORD_CHARS.findall(extra)}
            found = frozenset(w for w in words if w not in weak and len(w) >= 4)
            if len(self._contexts) > 256:
                self._contexts.clear()
            self._contexts[(ctx.topics, notes, ctx.company, ctx.role)] = found
        return found

    def _noted(self, ctx: LetterContext, notes: tuple[str, ...] | None = None) -> frozenset[str]:
        """The stems of the words of the interview notes (not the little words); of `notes`
        when given (those a letter to this reader may bring up)."""
        notes = ctx.notes if notes is None else notes
        found = self._note_stems.get(notes)
        if found is None:
            stop = self.rules["missing-recap"].words("stopwords")
            found = frozenset(
                stem(w.group(0))
                for note in notes
                for w in words(note)
                if w.group(0).lower() not in stop
            )
            if len(self._note_stems) > 256:
                self._note_stems.clear()
            self._note_stems[notes] = found
        return found

    def _notes_to_bring_up(self, ctx: LetterContext) -> tuple[str, ...]:
        """The interview notes a letter to this reader may speak of: all of them but another
        person's private matters, a topic of someone else met whose name opens as new-topic's
        `private_notes` says ("his Friday night dominoes league", "her son's cricket trials"),
        with what was said of it. Those are theirs to share; brought into a letter to someone
        else, or offered to the reader ("do you play too?"), they are a new topic (003)."""
        if not ctx.others_notes:
            return ctx.notes
        key = (ctx.notes, ctx.others_notes)
        kept = self._brought_up.get(key)
        if kept is None:
            private = self.rules.pattern(
                str(self.rules["new-topic"].data.get("private_notes", "(?!)")), re.IGNORECASE
            )
            lexicon = self._lexicon_of(self.rules["new-topic"])
            dropped = {
                text
                for topic in ctx.others_notes
                if private.search(topic[0]) or _a_pastime(topic[0], lexicon)
                for text in topic
            }
            kept = tuple(n for n in ctx.notes if n not in dropped) if dropped else ctx.notes
            if len(self._brought_up) > 256:
                self._brought_up.clear()
            self._brought_up[key] = kept
        return kept

    def _spelling(
        self,
        letter: Letter,
        ctx: LetterContext,
        dictionary: Dictionary,
        template: Sequence[tuple[int, int]] = (),
    ) -> Iterator[Finding]:
        rule = self.rules["spelling"]
        shortest = int(rule.data.get("min_length", 3))
        text = letter.text
        # Set differences in C first (the dictionary's too): most letters have no word the
        # dictionary lacks, and what remains is a handful of words. Numbers and identifiers
        # ("first_name", a template's) are not words.
        suspects = {
            w
            for w in dictionary.unknown(letter.word_set - ctx.vocabulary - ctx.directory.words)
            if len(w) >= shortest
            and not w[0].isdigit()
            and "_" not in w
            and not dictionary.known(w)
        }
        if suspects:
            # the short form of a name in the user's data is a name of theirs ("Tunde" of
            # Babatunde, "Venkat" of Venkataraman), known as their names are
            forms = self._addressing.short_forms
            names = ctx.directory.words | ctx.vocabulary
            suspects = {w for w in suspects if w not in forms or forms[w].isdisjoint(names)}
        if not suspects:
            return
        # addresses, file names, and template marks (reported as placeholders: "Dear xxx"); an
        # address holds an "@": where none stands, the search, which tries each run of word
        # characters as the start of one, is spared
        skip = [e.span() for e in _EMAIL.finditer(text)] if "@" in text else []
        skip += links(text) + list(template)
        if letter.aligned:
            spans = sorted((at, at + len(w)) for w in suspects for at in letter.positions(w))
        else:
            where = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in suspects), re.I)
            spans = [m.span() for m in where.finditer(text)]
        for start, end in spans:
            if (start and text[start - 1] in "'’") or (end < len(text) and text[end] in "'’"):
                continue  # a contraction or a possessive ("isn't", "Kwame's")
            if start and text[start - 1] == "#":
                continue  # a hashtag: words run together on purpose ("#opentowork")
            if (start and text[start - 1] == "-") or (end < len(text) and text[end] == "-"):
                whole = _hyphenated(text, start, end).lower()
                if dictionary.known(whole) or whole in ctx.vocabulary:
                    continue  # "multi" in "multi-year"
            m = _Span(text, start, end)
            if _overlaps(m.span(), skip):
                continue
            word = m.group(0).replace("’", "'")
            bare = re.sub(r"'s$", "", word)
            lowered = bare.lower()
            if (
                lowered in ctx.vocabulary
                or lowered in ctx.directory.words
                or _is_acronym(bare)
                or dictionary.known(lowered)
                or lowered in self._addressing.courtesy_words
            ):
                continue
            if "-" in bare and all(
                dictionary.known(p) or p.lower() in ctx.vocabulary for p in bare.split("-") if p
            ):
                continue
            if bare[0].isupper() and not _sentence_initial(text, m.start()):
                continue  # a proper noun we cannot know
            better = dictionary.suggest(lowered)
            suggestion = f"; did you mean {better!r}?" if better and better != lowered else ""
            yield _finding(rule, m.start(), m.end(), match=repr(m.group(0)), suggestion=suggestion)


# -- helpers ------------------------------------------------------------------------------------
def _root(word: str, *more: str) -> str:
    """A word's stem without the ending that makes a noun of a verb ("closures" and "close":
    "clos"); `more` strips further endings, "er" for the letter's words ("farmers" for
    "farms"), never for a topic's ("tenders" is not "tend")."""
    w = stem(word)
    for ending in (*more, "ure", "ment", "ion", "al", "e"):
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


# What makes the adjective of a place or a direction ("Egypt|ian", "Europe|an", "north|ern")
_PLACE_ENDINGS = ("ian", "ean", "an", "n", "ern", "ese", "i")


@lru_cache(maxsize=1024)
def _names_of(topic: str) -> frozenset[str]:
    """The capitalised words of a topic, lowercased: its names ("Leeds", "Queensland")."""
    return frozenset(w.lower() for w in _WORD_CHARS.findall(topic) if w[0].isupper())


def _inside_name(text: str, word: str, near: list[str], content: list[str]) -> bool:
    """Is every use of a topic's word in the letter a capitalised word followed by another
    that is no word of the topic: a part of another name ("Queensland Health", "Leeds United",
    "Peak District Rugby Club"), not the topic's own name ("North Queensland", "the Leeds
    Office")?"""
    forms = [t for t in near if stem(t) == stem(word) or _kin(word, t)]
    stems = {stem(w) for w in content}  # worked out once, not at every use
    seen = False
    for form in forms:
        for m in re.finditer(rf"\b{re.escape(form)}\b", text, re.I):
            seen = True
            after = _NAME_AFTER.match(text, m.end())
            if not (
                text[m.start()].isupper()
                and after
                and after.group(1) != "I"
                and after.group(1).lower() not in content
                and stem(after.group(1).lower()) not in stems
            ):
                return False
    return seen


def _of_place(word: str, other: str) -> bool:
    """Is one word the other's adjective of place: the other, less a last vowel or "y", and
    one of the endings of place ("egyptian" and "egypt", "european" and "europe", "mexican"
    and "mexico", "italian" and "italy", "northern" and "north")?"""
    short, long = sorted((word, other), key=len)
    if len(short) < 4 or not long.startswith(short[:-1]):
        return False  # (every base below opens with the short word less its last letter)
    bases = {short} | ({short[:-1]} if short[-1] in "aeiouy" else set())
    return any(
        long == base + ending for base in bases if len(base) >= 4 for ending in _PLACE_ENDINGS
    )


def _kin(word: str, other: str) -> bool:
    """Two words of one family by their beginnings: they share five letters or more, and all
    but the last two of the shorter stem ("expansion" and "expand", "negotiation" and
    "negotiate"; not "contracts" and "contribute", which share only "contr"), and what follows
    the shared part is an ending, not a word of its own: "shortlist", "broadband" and
    "tightrope" are compounds of "short", "broad" and "tight", not of the family of
    "shortening", "broadening" or "tightening"."""
    if len(word) < 6 or len(other) < 6 or word[:5] != other[:5]:
        return False
    a, b = stem(word), stem(other)
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    if shared < max(5, min(len(a), len(b)) - 2):
        return False
    return all(len(tail) < 3 or tail.startswith(_ENDINGS) for tail in (a[shared:], b[shared:]))


# What may follow a word's root in another word of its family ("expan|sion", "manage|ment"); a
# longer tail that is none of these is a word of its own ("short|list", "broad|band")
_ENDINGS = (
    *("ion", "sion", "tion", "ation", "ition", "ment", "ing", "ive", "iz", "is", "ity", "ance"),
    *("cation", "ication", "fication", "ification"),  # "certifi|cation", "electri|fication"
    *("ence", "ant", "ent", "ure", "abl", "ibl", "al", "ar", "er", "or", "ous", "ness", "ship"),
    *("ist", "ism", "at", "ic", "ed", "en", "ial", "ies", "ish", "ary", "ory", "ly", "ful"),
    *("less", "y", "e", "s", "d", "t", "ul", "ud", "um", "u", "iv", "it", "a", "o", "i"),
)


def _heads(
    tokens: list[str], stop: frozenset[str], linking: frozenset[str], generic: frozenset[str]
) -> set[str]:
    """The words a topic is about: the last word before its first linking word ("renewals" of
    "renewals in the public sector", "tenders" of "commercial solar tenders"), each conjunct's
    ("pricing and discounts"), and a first word in -ing, which heads what follows ("pitching"
    of "pitching to retail brands"). A generic last word ("rates", "structure", "programme")
    leaves the word before it the head too ("renewal" of "renewal rates")."""
    found: set[str] = set()
    head: list[str] = []

    def close() -> None:
        for word in reversed(head):
            found.add(word)
            if word not in generic and stem(word) not in generic:
                break

    for token in tokens:
        if token in ("and", "or"):
            close()
            head = []
        elif token in linking and (head or found):
            break
        elif token not in stop:
            if not head and token.endswith("ing"):
                found.add(token)
            head.append(token)
    close()
    return found


def _run_together(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] run together with what stands beside it, in one
    token without spaces: a file name, a link, an address or a hashtag ("CV_AcmeCorp.pdf",
    "acme-corp.example/jobs", "#AcmeCorp")?"""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    if before and (before.isalnum() or before in _JOINERS):
        return True
    # (a stop or a dash after it joins it only to a word that follows: not "… at Acme.")
    return bool(after) and (
        after.isalnum() or (after in _JOINERS and text[end + 1 : end + 2].strip() != "")
    )


_JOINERS = "_-./@#+"  # what joins words in a file name, a link, an address or a hashtag


def _part_named(
    tokens: list[str], stop: frozenset[str], hits: list[str], strong: list[str], main: set[str]
) -> bool:
    """A topic of two things joined by "and" or "or" ("team rituals and the weekly pipeline
    review") is recapped by half the words of one of them, its head among them ("the
    Monday pipeline review"): each is a topic discussed (001, 003)."""
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in ("and", "or"):
            parts.append([])
        elif token not in stop:
            parts[-1].append(token)
    if len(parts) < 2:
        return False
    return any(
        len(part) >= 2
        and sum(w in part for w in hits) >= (len(part) + 1) // 2
        and any(w in part and w in main for w in strong)
        for part in parts
    )


def _holds_office(title: str, words: frozenset[str]) -> bool:
    """Does a job title hold a word of an office ("Chair of the Board": chair)?"""
    return not words.isdisjoint(_WORD_CHARS.findall(title.lower()))


# what spaces part in a letter, and the mark of a word in it (a letter or a digit)
_CHUNK = re.compile(r"\S+")
_HAS_ALNUM = re.compile(r"[^\W_]")

# a list's item: a bullet's mark or an item's number opening its line ("- ", "• ", "2. ")
_ITEM = re.compile(r"[ \t]*(?:[-*•·▪–—]|\d{1,2}[.)])[ \t]+")


def _list_lead(text: str, at: int) -> str | None:
    """Where `at` is in an item of a list, the line that opens the list (the last line before
    its items that is no item): what the items are ("My referees:")."""
    start = text.rfind("\n", 0, at) + 1
    if not _ITEM.match(text, start):
        return None
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        if line.strip() and not _ITEM.match(line):
            return line
        start = prev
    return None


def _finding(rule: Rule, start: int, end: int, **values: object) -> Finding:
    try:
        message = rule.message.format(**values)
    except (KeyError, IndexError, ValueError):
        message = rule.message
    if rule.source and rule.source != "DESIGN":
        message = f"{message} (article {rule.source})"
    return Finding(start, end, rule.id, message)


def _in_title_case(text: str) -> str:
    """A letter written all in capitals as a reader takes it ("DEAR GRAHAM" is "Dear
    Graham"); any other letter as it is."""
    if any(c.islower() for c in text) or not any(c.isupper() for c in text):
        return text
    titled = text.title()
    return titled if len(titled) == len(text) else text


def _a_person(said: str, ctx: LetterContext) -> bool:
    """Are the words of a match the names of a person of the user's data ("Everton" where an
    Everton Grant was met), which a name of a club or a place may also be?"""
    names = _WORD_CHARS.findall(said)
    people = ctx.directory.person_words | ctx.people_parts
    return bool(names) and all(fold_accents(n) in people for n in names)


@lru_cache(maxsize=1024)
def _full_name(person: str) -> re.Pattern[str]:
    """A person's full name in any case, with or without its accents ("Ayse Kaplan" for
    "Ayşe Kaplan"), its words joined by spaces, dots, dashes or underscores as addresses and
    file names join them ("ayse.kaplan@", "Ayse_Kaplan_notes.pdf")."""
    parts = [loose_name(part) for part in person.split()]
    joined = r"[\s._-]+".join(parts)
    return re.compile(rf"(?<![^\W_])(?:{joined})(?![^\W_])", re.IGNORECASE)


# a person placed at a firm: "Priscilla Wong at Larkspur", "Harriet Osei from Solent", "… of …"
_AT_FIRM = re.compile(r"[ \t]+(?:at|from|of)[ \t]+(?:the[ \t]+)?([^\W\d_][\w&'’-]*)")


def _copied_address(text: str, m: re.Match[str], copy_line: re.Pattern[str] | None) -> bool:
    """Is the name at `m` the start of an email address on a line the letter is copied to
    ("cc: ana.ruiz@…")? A copy is sent to them, not addressed to them: the address's company,
    where it is another opportunity's, is the wrong-company rule's (DESIGN)."""
    if copy_line is None or _ADDRESS_REST.match(text, m.end()) is None:
        return False
    return copy_line.match(text, text.rfind("\n", 0, m.start()) + 1) is not None


_ADDRESS_REST = re.compile(r"[\w.+-]*@[\w-]+\.")


def _at_own_company(text: str, end: int, opportunity: str, ctx: LetterContext) -> bool:
    """Is the person named before `end` placed at the company of their own opportunity ("Graham
    Fenwick of Larkspur Energy")? Then they are a third party spoken of, at another firm (the
    company is the wrong-company rule's), not someone the letter addresses (article 001)."""
    m = _AT_FIRM.match(text, end)
    if m is None:
        return False
    first = m.group(1).lower()
    entries = ctx.directory.companies.get(first) or ctx.directory.companies.get(
        fold_accents(first), ()
    )
    return any(
        theirs == opportunity and text[m.start(1) :].lower().startswith(company.lower())
        for company, theirs in entries
    )


def _others(
    ctx: LetterContext, index: dict[str, tuple[tuple[str, str], ...]], letter: Letter
) -> list[tuple[str, str]]:
    """Entries of other opportunities whose first word is a word of the letter (a word of a
    file name's too: "martin" of "martin_kowalski_notes")."""
    found = []
    words = letter.word_set
    if "_" in letter.text and any("_" in w for w in words):
        words = words | {p for w in words if "_" in w for p in w.split("_")}
    if not letter.text.isascii():  # "DAĞLI" is "dağli" in lowercase: looked up as "dagli"
        words = words | {fold_accents(w) for w in words if not w.isascii()}
    for word in words.intersection(index):
        for name, opportunity in index[word]:
            if opportunity != ctx.opportunity:
                found.append((name, opportunity))
    return found


def _matches(letter: Letter, pattern: LazyPattern, entry: Entry) -> Iterator[re.Match[str]]:
    """The pattern's matches in the letter, searched for only in the clauses that could hold
    one (see Letter.windows)."""
    text = letter.text
    number = letter.screened.get(id(entry)) if letter.screened else None
    if number is not None and letter.first is not None:
        # a run with a screen: the pattern tried only where its looser form's matches start,
        # which RE2 finds (see LazyPattern.find_from), unless the screen cannot tell
        first = letter.first
        windows = letter.windows(entry)
        if windows and first(number, windows[0][0], windows[0][1]) is not None:

            def located(pos: int, end: int) -> int:
                found = first(number, pos, end)
                return pos if found is None else found  # (None: try every place, as ever)

            for start, stop in windows:
                yield from pattern.find_from(text, located, start, stop)
            return
    if not letter.aligned or not letter.many:  # read the letter as it is
        for start, stop in letter.windows(entry):
            yield from pattern.finditer(text, start, stop)
        return
    lowered = letter.lowered
    for start, stop in letter.windows(entry):
        yield from pattern.find_in(text, lowered, start, stop)


def _located(
    first: Callable[[bytes, int, int], int | None], form: bytes
) -> Callable[[int, int], int]:
    """Where the leftmost match of the looser form starts in a span (`pos` itself when that
    cannot be told: every place is then tried)."""

    def located(pos: int, end: int) -> int:
        found = first(form, pos, end)
        return pos if found is None else found

    return located


@lru_cache(maxsize=64)
def _words_of_pattern(source: str) -> frozenset[str]:
    """The stems of the words a pattern's text spells out ("group", "every", "friday")."""
    return frozenset(stem(w) for w in re.findall(r"[a-z]{3,}", source.lower()))


def _holds(condition: Condition, letter: Letter, m: re.Match[str]) -> bool:
    """Do the pattern's conditions hold in the sentence of the match?"""
    if condition.plain:
        return True
    start, end = letter.sentence_of(m.start(), m.end())
    sentence = letter.text[start:end]
    at = m.start() - start
    if condition.requires is not None and not condition.requires.search(sentence):
        return False
    if condition.unless is not None and condition.unless.search(sentence):
        return False
    if condition.requires_lead is not None and not condition.requires_lead.search(sentence):
        i = bisect_right(letter.sentence_starts, start) - 2
        if i < 0:
            return False
        lead = letter.sentences[i]
        if not condition.requires_lead.search(letter.text[lead[0] : lead[1]]):
            return False
    if condition.unless_lead is not None:
        i = bisect_right(letter.sentence_starts, start) - 2
        if i >= 0:
            lead = letter.sentences[i]
            if condition.unless_lead.search(letter.text[lead[0] : lead[1]]):
                return False
    if condition.unless_next is not None:
        i = bisect_left(letter.sentence_starts, end)
        if i < len(letter.sentences):
            after = letter.sentences[i]
            if condition.unless_next.search(letter.text[after[0] : after[1]]):
                return False
    return condition.unless_before is None or not condition.unless_before.search(sentence[:at])


def _holds_needs(
    text: str, strings: tuple[str, ...], word_sets: tuple[frozenset[str], ...]
) -> bool:
    """Does the text hold each of the strings, and a word (as a string) of each set? (Plain
    loops: generator expressions cost more than the tests.)"""
    for string in strings:
        if string not in text:
            return False
    for word_set in word_sets:
        for word in word_set:
            if word in text:
                break
        else:
            return False
    return True


def _asks(text: str, clause: tuple[int, int], after: int) -> bool:
    """Does the question end the clause (or the sentence the match is in) with a '?'"""
    end = text.find("?", after, clause[1] + 1)
    if end < 0:
        return False
    return not any(c in ".!\n" for c in text[after:end]) or text[clause[0] : clause[1]].rstrip(
        " \"'”’)"
    ).endswith("?")


_ITEM = re.compile(r"[ \t]*(?:[-*•–·]|\d{1,2}[.)])\s+\S")


@lru_cache(maxsize=8)
def _heading(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE | re.MULTILINE)


def _forbidden_items(text: str, source: object) -> list[tuple[int, int]]:
    """The spans a script lists as not to do: after a heading ("Do not:", "Avoid:", "Don'ts:",
    `source`), the rest of its line and the list items on the lines under it, up to the first
    line that is no item."""
    if not source:
        return []
    spans: list[tuple[int, int]] = []
    for m in _heading(str(source)).finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if text[m.end() : end].strip():
            spans.append((m.end(), end))
        at = end + 1
        while at < len(text):
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            if not _ITEM.match(text, at, stop):
                break
            spans.append((at, stop))
            at = stop + 1
    return spans


def _named_people(
    letter: Letter, ctx: LetterContext, firsts: frozenset[str]
) -> list[tuple[int, int]]:
    """Where the letter writes, with a capital, a word of the personal-life lexicon that is a
    part of the name of someone in the user's data ("Lydia Beach")."""
    people = ctx.directory.person_words
    both = [w for w in letter.word_set & firsts if fold_accents(w) in people]
    if not both:
        return []
    return [
        m.span()
        for m in re.finditer(
            r"\b(?:" + "|".join(re.escape(w) for w in both) + r")\b", letter.text, re.IGNORECASE
        )
        if m.group(0)[:1].isupper()
    ]


def _named_companies(
    letter: Letter, ctx: LetterContext, words: frozenset[str]
) -> list[tuple[int, int]]:
    """Where the letter names, in full, a company of the user's data whose name holds one of
    `words` (lowercase): "Costa Verde Ceramics" is a company, whatever "ceramics" may mean."""
    index = ctx.directory.companies
    found: list[tuple[int, int]] = []
    for first in letter.word_set.intersection(index):
        for name, _ in index[first]:
            if words.isdisjoint(w.lower() for w in _WORD_CHARS.findall(name)):
                continue
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            found += [m.span() for m in re.finditer(pattern, letter.text, re.IGNORECASE)]
    return found


def _label(condition: Condition) -> str:
    return condition.label or "your pattern"


_THEIR = re.compile(r"\byour\s+([\w-]+)(?:\s+([\w-]+))?", re.IGNORECASE)


@lru_cache(maxsize=8)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def _kin_praised(
    letter: Letter, praised: list[tuple[int, int]], people: frozenset[str]
) -> list[tuple[int, int]]:
    """The sentences next to flattery of the reader's family that tell of the reader's people
    ("I saw your daughter's post. What a gifted girl!"; "Congratulations to your son. The
    talent runs in the family"): the family praised is their matter (DESIGN: flattery covers the
    family), not a new topic. Flattery of the person alone ("You are a born leader") lends its
    neighbours nothing."""
    sentences = letter.sentences
    text = letter.text
    found: list[tuple[int, int]] = []
    for start, _ in praised:
        at = bisect_right(letter.sentence_starts, start) - 1
        if at < 0:
            continue
        s, e = sentences[at]
        said = [w.lower() for w in _WORD_CHARS.findall(text[s:e])]
        before = sentences[at - 1] if at else None
        told = before is not None and _names_their_people(text[before[0] : before[1]], people)
        if not (people.intersection(said) or (told and _KIN_PRONOUNS.intersection(said))):
            continue  # the praise is not of their people
        for near in (at - 1, at + 1):
            if not 0 <= near < len(sentences):
                continue
            ns, ne = sentences[near]
            if "\n\n" in text[min(e, ne) : max(s, ns)]:
                continue  # another paragraph: another matter
            if _names_their_people(text[ns:ne], people):
                found.append((ns, ne))
    return found


_KIN_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his"})


def _names_their_people(sentence: str, people: frozenset[str]) -> bool:
    """Does the sentence name the reader's people or family ("your son", "your family")?"""
    return any(word.lower() in people for m in _THEIR.finditer(sentence) for word in m.groups(""))


def _of_their_people(sentence: str, people: frozenset[str]) -> bool:
    """Does the sentence speak of one of the reader's people, a person ("your son", "your
    eldest daughter's recital"), not the family as a whole?"""
    return any(
        word.lower() in people and word.lower() not in ("family", "families")
        for m in _THEIR.finditer(sentence)
        for word in m.groups("")
    )


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _hyphenated(text: str, start: int, end: int) -> str:
    """The whole of a hyphenated word a part of which is text[start:end]."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 2
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
        end += 2
        while end < len(text) and text[end].isalnum():
            end += 1
    return text[start:end]


# an abbreviation in brackets after a topic's words: "purchasing groups (GPO)"
_BRACKETED_ACRONYM = re.compile(r"\((?-i:([A-Z][A-Z0-9]{1,5}))s?\)")


def _abbreviates(topic: str, words: list[str]) -> bool:
    """Is one of `words` the abbreviation the notes give the whole topic in brackets ("GHT" of
    "purchasing groups (GHT)")? Said alone, it names the topic as its own words do."""
    if "(" not in topic:
        return False
    given = {a.lower() for a in _BRACKETED_ACRONYM.findall(topic)}
    return any(w in given or w.rstrip("s") in given for w in words)


def _is_acronym(word: str) -> bool:
    core = word[:-1] if word.endswith("s") else word
    return len(core) >= 2 and core.isupper()


def _sentence_initial(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def _stake_parts(source: object) -> tuple[str, ...]:
    """The pattern of an entry of the new-topic rule's stakes, and what it requires in the same
    sentence where it asks for something (an entry is a pattern, or {"pattern", "requires"})."""
    if isinstance(source, dict):
        required = source.get("requires")
        pattern = str(source["pattern"])
        return (pattern, str(required)) if required else (pattern,)
    return (str(source),)


def _a_pastime(topic: str, lexicon: Lexicon) -> bool:
    """Is a topic noted with someone else a matter of their private life by what it names,
    whatever its first word ("the Sunday cycling group on the Corniche", "weekend sailing"): an
    entry of the lexicon that names a subject, not only when ("Sunday") or a person ("family
    ownership and succession"), and no word of work ("trade spend during Ramadan
    promotions")?"""
    found = lexicon.entries(topic)
    if not any(
        domain not in lexicon.support and entry.lower() not in lexicon.people
        for entry, domain in found.items()
    ):
        return False
    inside = {w for e in found for w in _WORD_CHARS.findall(e.lower())}
    return lexicon.work.isdisjoint(
        stem(w) for w in _WORD_CHARS.findall(topic.lower()) if w not in inside
    )


_POINTS_BACK = re.compile(r"\b(?:it|this|that|these|those|there|then)\b", re.IGNORECASE)
_OTHER_MATTER = re.compile(
    r"\W*(?:separately|unrelated(?:ly)?|on\s+(?:a|an)\s+(?:other|different|unrelated|separate|"
    r"personal|lighter)\s+note|by\s+the\s+way|btw|incidentally|(?:also|and)\s+on\s+a\s+"
    r"(?:personal|separate)\s+note|off[\s-]topic)\b",
    re.IGNORECASE,
)


def _same_stem(one: str, other: str) -> bool:
    """Two stems of one word ("relocation", "relocat"): equal, or one the start of the other
    where both are long enough to say so."""
    if one == other:
        return True
    short, long_ = sorted((one, other), key=len)
    return len(short) >= 5 and long_.startswith(short)
