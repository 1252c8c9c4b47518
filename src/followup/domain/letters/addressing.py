"""Whom a letter speaks to: its salutation, and the names it addresses anywhere in the text.

A name is addressed (a vocative) where English sets it off to speak to someone: after a greeting
or a thanks ("Thanks again, Will, for the demo"), at the start of a sentence before a comma
("Maria, thank you as well"), at the end of one after a comma ("…staying in touch, Hannah."),
or between commas ("As you'll recall, Mr Kim, we met…"). A name merely mentioned ("Kwame's
walkthrough", "please thank him") addresses no one. Article 001: each person gets their own
letter, so a name that is not the recipient's is a letter meant for someone else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence

from followup.domain.letters.atoms import Needs, needs_of, screen_text
from followup.domain.letters.context import LetterContext, fold_accents
from followup.domain.letters.loosen import either, loosened
from followup.domain.letters.text import LOWER, UPPER
from followup.domain.tuples import NamedTuple

# A word of a name: capitalised, with the shapes names take (O'Brien, McAllister, Jean-Luc).
# A word in capitals ("IBRAHIM") is not one: no part of it is taken for a name ("I"); a
# capital inside a word after a small letter is part of it (DeShawn, LaToya).
_CAP = (
    rf"[{UPPER}](?<![{UPPER}{LOWER}][{UPPER}])(?:(?<=M)a?c[{UPPER}]|(?<=[OD])['’][{UPPER}])?"
    rf"[{LOWER}]*(?:(?<=[{LOWER}])[{UPPER}][{LOWER}]+)*(?:['’-][{UPPER}{LOWER}][{LOWER}]*)*"
    rf"(?![{UPPER}{LOWER}])"
)


TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:  # a Protocol class costs the start a millisecond
    from typing import Protocol

    class _NameMatch(Protocol):
        """What the rule reads of a name found: its text and where it starts, and what was
        read around it ("next", "before")."""

        def group(self, key: str) -> str: ...

        def start(self, key: str = "name") -> int: ...


# the word right after a name, on its line ("Al Sir,")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’]*\.?)")


class Addressed(NamedTuple):
    """A name the letter addresses: where it is, and its words without honorifics."""

    start: int
    end: int
    words: tuple[str, ...]


# the articles a family name of Arabic opens with, which end a father's name before it


class Addressing:
    """Finds the names a letter addresses; built once from the wrong-name rule's word lists."""

    def __init__(self, data: dict[str, object]) -> None:
        def words(key: str) -> frozenset[str]:
            found = data.get(key, [])
            return (
                frozenset(str(w).lower() for w in found) if isinstance(found, list) else frozenset()
            )

        self.honorifics = words("honorifics")
        # Titles that are also given names, so a title only beside a name: before it, as
        # "Don Tomás", "Tita Ofelia" or the Akan "Nana Kwame" are called; or after it, as
        # kin and elders are in South and East Asia ("Kumar Anna", "Hetal Ben", "Ali Jan",
        # "Wei Jie"). Alone ("Dear Anna,") the word is a name.
        self.titles_before = words("titles_before")
        self.titles_after = words("titles_after")
        # Words of address written in lowercase before a name, as kin are called in Vietnamese
        # ("Chào anh Minh", "chị Lan") or in Ghana ("auntie Efua"): not the name, and not a
        # name without one after them (Anh is also a given name)
        self.kin_terms = words("kin_terms")
        self.kin_terms_folded = frozenset(fold_accents(w) for w in self.kin_terms)
        self.generic = words("generic")
        self.not_names = words("not_names") | self.generic
        self.openers = words("address_openers")
        # Words that open a clause of their own after "and": "…, Karen, and I hope…" speaks to
        # Karen; "the director, Karen, and the analyst" is a list
        self.clause_openers = words("clause_openers")
        # Prepositions whose object the capitalised words after them are: "Before Jentayu, I
        # sold…" speaks of a place or a firm, not to someone
        self.object_leads = words("object_leads")
        # The days and months a sentence may end on before the name it speaks to ("See you on
        # Thursday, Paweł!"): a word in capitals there that is no list of places or firms
        self.day_words = words("day_words")
        # First names common enough to be read as a name set off between commas even when no
        # one of that name is in the user's data ("I'd welcome your view, Jessica, on…")
        # (and the Japanese given names of four letters or more: "Thank you, Kenta, for…")
        japanese = _dict(data.get("japanese_given"))
        self.given_names = words("given_names") | {
            str(n).lower()
            for names in japanese.values()
            if isinstance(names, list)
            for n in names
            if len(str(n)) >= 4
        }
        evidence = data.get("vocative_evidence")
        self._evidence = re.compile(str(evidence), re.IGNORECASE) if evidence else None
        not_before = data.get("not_vocative_before")
        self._not_before = re.compile(str(not_before), re.IGNORECASE) if not_before else None
        self.greetings = tuple(sorted(words("salutations"), key=len, reverse=True))
        # a greeting's words before a name are not the name ("Hola Ximena", "Querida Sofía"),
        # though a word of one may be a name alone ("Cara")
        self._greeting_words = frozenset(w for g in self.greetings for w in g.split())
        # …and, with the honorifics, words, not misspellings ("Querida", "Liebe", "Kimura-sama")
        self.courtesy_words = (
            self._greeting_words
            | self.honorifics
            | self.kin_terms
            | self.titles_before
            | self.titles_after
        )
        # greetings of more than one word, which no name opens with ("Eid Mubarak", "Feliz
        # Navidad", "Selamat Hari Raya"): a run of capitalised words that opens with one is
        # the greeting and what follows it, not a name that holds it ("Eid Saeed": no Saeed)
        self._phrases = frozenset(tuple(g.split()) for g in self.greetings if " " in g)
        # the first words of a wish for a feast or a season, in any language ("Happy Sallah",
        # "God Jul", "Hayırlı Cumalar", "Selamat Natal"): with the capitalised words after
        # them, a wish, whatever feast it names, and no name
        self.wish_openers = words("wish_openers")
        self._phrase_sizes = sorted({len(p) for p in self._phrases}, reverse=True)
        # endings that make another name of a name: "Helena" is not "Helen"
        self.distinct_endings = words("distinct_endings")
        # the last letters of a given name's two sexes' forms ("Renato" and "Renata", "Simone"
        # and "Simona"): the one is not the other, however alike they sound
        forms = data.get("sex_form_endings", [])
        self.sex_form_endings = frozenset(
            frozenset((str(a).lower(), str(b).lower()))
            for a, b in (forms if isinstance(forms, list) else [])
        )
        # the case endings a name takes when the person is spoken to, in languages that
        # inflect names ("Martine", "Pavle", "Marku", "Tomaszu")
        self.vocative_endings = tuple(sorted(words("vocative_endings"), key=len, reverse=True))
        # …read as such only in a letter with a word of such a language
        self.vocative_cues = frozenset(fold_accents(w) for w in words("vocative_cues"))
        # endings that make a pet form of a name ("Thabs", "Marty", "Jonno"), and pet forms
        # that keep little of the name they stand for ("Becky": Rebecca)
        self.pet_endings = tuple(sorted(words("pet_endings"), key=len, reverse=True))
        # letters that spell one sound in the ways names are carried into the Latin alphabet
        # ("ph" and "f", "c" and "k", "ou" and "u"), each pair's first replaced by its second
        pairs = data.get("spelling_variants", [])
        self.spellings = tuple(
            (str(a), str(b)) for a, b in (pairs if isinstance(pairs, list) else [])
        )
        # endings of a diminutive in other languages, put on the name cut short ("Tomek")
        self.diminutive_endings = tuple(sorted(words("diminutive_endings"), key=len, reverse=True))
        # a given name that is a diminutive of another ("Rosita" of Rosa, "Manuelito" of
        # Manuel): its ending, and what the base name ends in instead
        bases = data.get("diminutive_bases", {})
        pairs_of = bases.items() if isinstance(bases, dict) else []
        self.diminutive_bases = tuple(
            sorted(
                ((str(k), tuple(str(e) for e in v)) for k, v in pairs_of if isinstance(v, list)),
                key=lambda kv: len(kv[0]),
                reverse=True,
            )
        )
        # how short a given name's first letters may be and still be it after a title ("Sir Ed"
        # to Edgardo): shorter than any short form otherwise read as the recipient's
        short = data.get("titled_prefix_min", 0)
        self.titled_prefix_min = int(short) if isinstance(short, int) else 0
        # a salutation by an office ("Dear Madam President"): each word of an office, and all
        # the words of that office ("chair", "chairperson", "chairman", "chairwoman")
        offices = data.get("offices", [])
        self.offices: dict[str, frozenset[str]] = {
            str(w).lower(): frozenset(str(o).lower() for o in office)
            for office in (offices if isinstance(offices, list) else [])
            if isinstance(office, list)
            for w in office
        }
        # the sex a title of respect says, and the given names and surname endings that say a
        # person's (a title of the other sex before the recipient's name is a wrong title)
        self.female_titles = words("female_titles")
        self.male_titles = words("male_titles")
        either = words("given_either")
        self.female_given = frozenset(
            fold_accents(w) for w in words("female_given") | words("female_given_other")
        ).difference(either)
        self.male_given = frozenset(
            fold_accents(w) for w in words("male_given") | words("male_given_other")
        ).difference(either)
        # the given names of one settled spelling: the common ones and the Census lists' (not
        # the names carried from a script that writes no short vowels, "Khalid" or "Khaled"):
        # one of them mistyped by a letter, into a word no list holds, is a slip of the pen
        # ("Rohen" to Rohan, "Hariet" to Harriet), not the name spelt another way (name_slip)
        self.settled_given = frozenset(
            fold_accents(w)
            for w in self.given_names
            | words("female_given")
            | words("male_given")
            | words("settled_given_other")
        )
        self.female_endings = tuple(fold_accents(w) for w in words("female_surname_endings"))
        self.male_endings = tuple(fold_accents(w) for w in words("male_surname_endings"))
        by_country = data.get("given_sex_by_country", {})
        self.sex_by_country: dict[str, dict[str, frozenset[str]]] = {
            str(country).upper(): {
                str(sex): frozenset(str(n).lower() for n in names)
                for sex, names in sexes.items()
                if isinstance(names, list)
            }
            for country, sexes in (by_country.items() if isinstance(by_country, dict) else [])
            if isinstance(sexes, dict)
        }
        # given names carried into the Latin alphabet from another script (Arabic), whose
        # spellings vary too much to be compared as the lists above are: read for a person's
        # sex only ("Dear Ms. Soliman" to Hany Soliman)
        self.sex_only = {
            str(sex): frozenset(fold_accents(str(n).lower()) for n in names)
            for sex, names in _dict(data.get("given_sex_transliterated")).items()
            if isinstance(names, list)
        }
        # words of a name that say a sex whatever the given name says (Kaur, binti, s/o)
        self.sex_words = {
            str(sex): frozenset(str(n).lower() for n in names)
            for sex, names in _dict(data.get("sex_words")).items()
            if isinstance(names, list)
        }
        # family names that open a name written family name first (Vietnamese, Korean,
        # Chinese: "Trần Minh Tuấn", "Park Ji-hoon"): the first word is then no given name,
        # and the middle names that tell a Vietnamese name's sex ("Thị", "Văn")
        self.family_first = words("family_first")
        # and of those, the ones whose bearers a title calls by their given name ("Mr. Tuấn"):
        # Vietnamese; the others' ("Ms Tan" of Tan Wei Ling) by their family name
        self.titled_given_family = words("titled_given_family")
        # the words after which a name goes on with the father's ("bin", "s/o")
        self.patronymic_markers = words("patronymic_markers")
        self.family_name_articles = words("family_name_articles")
        self.paternal_surname_first = frozenset(c.upper() for c in words("paternal_surname_first"))
        self._article_prefixes = tuple(f"{a}-" for a in self.family_name_articles)
        # the first of a hyphened given name that says a sex there only ("Jean-Marie")
        self.compound_first = {
            str(sex): frozenset(fold_accents(str(n).lower()) for n in names)
            for sex, names in _dict(data.get("compound_given_first")).items()
            if isinstance(names, list)
        }
        self.sex_middle = {
            str(sex): frozenset(fold_accents(str(n).lower()) for n in names)
            for sex, names in _dict(data.get("sex_middle_names")).items()
            if isinstance(names, list)
        }
        # Japanese names, in either order: the commonest family names tell which word is the
        # given name, whose sex its list or its ending says (long vowels compared unspelt)
        self.japanese_family = frozenset(romaji(w) for w in words("japanese_family"))
        self.japanese_given = {
            str(sex): frozenset(romaji(str(n)) for n in names)
            for sex, names in _dict(data.get("japanese_given")).items()
            if isinstance(names, list)
        }
        self.japanese_endings = tuple(
            sorted(
                (
                    (romaji(str(e)), str(sex))
                    for sex, endings in _dict(data.get("japanese_given_endings")).items()
                    if isinstance(endings, list)
                    for e in endings
                ),
                key=lambda pair: len(pair[0]),
                reverse=True,
            )
        )
        forms = data.get("short_forms", {})
        self.short_forms = {
            str(k).lower(): frozenset(str(n).lower() for n in v)
            for k, v in (forms.items() if isinstance(forms, dict) else [])
            if isinstance(v, list)
        }
        # a first line that heads the letter ("Call script: Rajesh Iyer"): the greeting follows
        self._heading = _optional(data, "headings", "")
        honorific = "|".join(
            re.escape(h.rstrip(".")) for h in sorted(self.honorifics, key=len, reverse=True)
        )
        leads = "|".join(
            re.escape(w).replace(r"\ ", r"[ \t]+")
            for w in sorted(words("vocative_leads"), key=len, reverse=True)
        )
        titles = "|".join(
            re.escape(h.rstrip(".").capitalize())
            for h in sorted(self.honorifics, key=len, reverse=True)
        )
        # after a title, the lowercase particles a family name may open with ("Ms de Graaf",
        # "Mr van den Berg", "Sig.ra di Stefano")
        self.surname_particles = words("surname_particles")
        particles = "|".join(
            re.escape(w) for w in sorted(self.surname_particles, key=len, reverse=True)
        )
        lead = rf"(?:(?:{particles})[ \t]+){{0,3}}" if particles else ""
        name = rf"(?P<name>(?:(?:{titles})\.?[ \t]+{lead})?{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
        self._honorific = re.compile(rf"(?i:{honorific})\.?$")
        # an honorific joined to the name it follows: "Tanaka-san", "Sharma-ji", "Kim-nim"
        after = "|".join(
            re.escape(h) for h in sorted(self.honorifics | self.titles_after, key=len, reverse=True)
        )
        self._suffixed = re.compile(rf"[-‐](?i:{after})\.?$")
        self._name_at = re.compile(name)
        # Every run of capitalised words: the names a letter could address, found in one pass.
        # It begins with a capital, so that the engine skips ahead to the next one; what stands
        # before it is looked at afterwards.
        self._names = re.compile(rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,2}})")
        self._title_before = re.compile(rf"(?:^|(?<=[\s,]))(?:{titles})\.?[ \t]+$")
        # (the last word of each title: a title matched before a name is the last word before
        # it, so where that word is none of these, the titles are not tried one by one)
        # (None where a title is no word at all: every place is then asked)
        self._title_ends: frozenset[str] | None = (
            frozenset(h.rstrip(".").capitalize().split()[-1] for h in self.honorifics)
            if all(h.rstrip(".").split() for h in self.honorifics)
            else None
        )
        # After a greeting or a thanks, on the same line: "Thank you, Victor, for…", "Hey Isabel!"
        # (an apostrophe before it is a quote mark opening a script's spoken line: "'Hi Eva")
        self._lead_before = re.compile(rf"(?<![\w’])(?<!\w')(?i:{leads})[ \t]*,?[ \t]+$")
        # …and the greeting read as the first word of a run of capitalised words, where a
        # script's spoken line opens after a label or a quote mark ('Open: "Hi Eva, it's…"')
        self._lead_in = re.compile(rf"(?i:{leads})[ \t]+(?=[{UPPER}])")
        # (the first words of the leads, when they are all plain words: a run of capitalised
        # words in ASCII whose first word is none of these cannot open with a lead, and is not
        # asked; None: every run is asked)
        lead_words = words("vocative_leads")
        self._lead_firsts: frozenset[str] | None = (
            frozenset(w.split()[0] for w in lead_words)
            if all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", w) for w in lead_words)
            else None
        )
        wishes = "|".join(re.escape(w) for w in sorted(self.wish_openers, key=len, reverse=True))
        self._wish: re.Pattern[str] | None = (
            re.compile(rf"(?i:{wishes})[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,3}}[ \t]*(?=,)")
            if wishes
            else None
        )
        # a title in lowercase after a name ("Thanks, Rina apa, for…"): the name's, read with it
        lower_titles = "|".join(
            re.escape(h.rstrip("."))
            for h in sorted(self.honorifics | self.titles_after, key=len, reverse=True)
            if h[:1].isalpha()
        )
        self._lower_title = re.compile(
            rf"[ \t]+(?:{lower_titles})\.?(?![\w'’-])(?=[ \t]*(?:[,.!?;:—–\n]|-(?=[ \t])|$))"
        )
        # (each title's first run of word characters, "dott" of "dott.ssa": a title matched
        # is followed by no such character, so the run after the spaces is one of these, and
        # a run that is none of them is not asked, some three hundred titles tried one by one)
        self._lower_titles = frozenset(
            _RUN.match(h).group()  # type: ignore[union-attr]
            for h in self.honorifics | self.titles_after
            if h[:1].isalpha()
        )
        # A greeting opening a line, the longest first ("good morning" before "good")
        greetings = "|".join(re.escape(g) for g in self.greetings)
        self._greeting = re.compile(rf"(?:{greetings})(?=[ ,\t])" if self.greetings else "(?!)")
        # …or a thanks or a farewell opening a letter written all in lowercase, before a name
        # known as one ("cheers tom, …", "thanks priya!"): said to someone, as a greeting is
        opens = "|".join(
            re.escape(w).replace(r"\ ", r"[ \t]+")
            for w in sorted(words("vocative_leads"), key=len, reverse=True)
        )
        self._lead_open = re.compile(rf"(?:{opens})(?=[ ,\t])" if opens else "(?!)")
        self._lead_after = re.compile(r"[ \t]*(?:[,.!?;:—–]|-(?:[ \t]|$)|$)|[ \t]+[Ff]or\b", re.M)
        # At the start of a sentence, before a comma: "Maria, thank you…", "And Maria, …"
        self._comma_next = re.compile(r"[ \t]*,[ \t]*(?P<next>[\w'’]+)")
        # …or before a dash or a colon, for a name of the user's data or a common first name
        # ("P.S. Priscilla - I haven't forgotten", "Joy: thank you too")
        self._dash_next = re.compile(r"[ \t]*(?:[—–:]|-(?=[ \t]))[ \t]*(?P<next>[\w'’]+)")
        # …unless the words after the comma describe the name and the sentence goes on about
        # them: "Rajesh, your analyst, showed me the reports" and "Grant, who managed me, …"
        # speak of someone, not to them.
        self._appositive = re.compile(
            r"[ \t]*,[ \t]*(?:(?:your|the|our|my|his|her|their|a|an)\b"
            # (a noun phrase, not a clause: in "Omar, the slides are on their way, I hope",
            # a sentence is spoken to Omar)
            r"(?:(?!\b(?:is|are|was|were|will|has|have|had|can|could|should|would|must)\b)"
            r"[^,.!?\n]){1,50},[ \t]*"
            r"(?!(?:I|you|we|thank|thanks|please|let|hope)\b)[a-z]|(?:who|whom|whose)\b)"
        )
        # …nor when the name opens a list of names, the subject of its sentence: "Rebecca, Sam
        # and Joy were all generous with their time" speaks of three people, not to one.
        self._name_list = re.compile(
            rf"[ \t]*,[ \t]*{_CAP}(?:[ \t]*,[ \t]*{_CAP})*[ \t]*,?[ \t]+(?:and|&)[ \t]+"
            rf"(?:{_CAP}|I|me)\b"
        )
        # At the end of a sentence, after a comma: "…staying in touch, Hannah."
        self._word_comma = re.compile(r"(?P<before>[\w'’]+)[ \t]*,[ \t]*$")
        self._sentence_end = re.compile(r"[ \t]*[.!?]+(?=\s|$)")
        # Between commas, or a comma and a dash: "As you'll recall, Mr Kim, we met…", "Thanks
        # for the demos, Mark - really useful"
        self._comma = re.compile(r"[ \t]*(?:,|[—–:;]|-(?=[ \t]))")
        # (a greeting may open a long line: a call script's one paragraph, "Hi Rakesh, …")
        self._first_line = re.compile(
            r"^[ \t]*(?P<line>[^\n]{1,200})(?P<more>[^\n]*)$", re.MULTILINE
        )
        # A name spoken of as a person ("as I told Oliver", "Oliver's demo", "Oliver showed me"),
        # a third party introduced as one ("my old manager, Peter"), and a name credited with
        # being at the interview ("as I mentioned to Marcus during the interview").
        self._person_before = _optional(data, "person_before", "")
        self._person_after = _optional(data, "person_after", "")
        self._third_party = _optional(data, "third_party_before", "")
        # …a name after a comma that renames a person just spoken of ("do you remember her,
        # Grace?"), and the words after a name set off between commas that place or describe
        # them ("Dr Anna Solent, at the fair", "Tom Ellis, who ran"): third parties
        self._renamed = _optional(data, "renamed_before", "")
        self._described_after = _optional(data, "described_after", "")
        # …and a job title set off by commas after a name opening a line: a person's details
        self._titled_after = _optional(data, "titled_after", "")
        # A sentence that offers a referee ("You asked for a reference: Nina Bos is happy to
        # help"): the people it names are third parties, whoever else they are
        self._referee = _optional(data, "referee_sentence", "")
        # Two people met together greeted in one salutation ("Dear Marcus and Sofia"): in a
        # thank-you for the meeting, or in a letter that speaks to them as two ("you both")
        self.joint_kinds = words("joint_kinds")
        self._joint = _optional(data, "joint_address", "")
        # What a call's opening says before the name of the person it asks for ("is this",
        # "may I speak to"): in a call script, the person spoken to
        self._asked = _optional(data, "asked_for", r"[ \t]+$")
        # A frame is a pattern, or {"pattern": ..., "needs": [...]}: strings one of which the
        # lowercased letter must hold for the frame to be read at all ("you and" for "met you
        # and Jonathan"), as a frame is read over the whole letter
        frames = data.get("credit_frames", [])
        # (and what every match of the frame holds, read from it: see atoms.py; the few
        # strings of its short clauses are cheaper to look for than the frame is to run)
        # (and its looser form, see loosen.py: in a run of many letters an engine asks it of
        # the whole letter first, a few microseconds where the frame itself takes a hundred)
        # (a frame kept lazily is its text and flags until first read: see _frame)
        self._credit: list[tuple[re.Pattern[str] | tuple[str, int], tuple[str, ...], Needs]] = []
        self._loose: tuple[list[bytes | None], bytes | None] | None = None  # when first asked
        for f in frames if isinstance(frames, list) else []:
            spec = f if isinstance(f, dict) else {"pattern": f}
            pattern = str(spec["pattern"]).replace("{NAME}", rf"(?P<name>(?-i:{_CAP}))")
            needs = tuple(str(n).lower() for n in spec.get("needs", []))
            # (the clause of fewest strings first: where the letter lacks it, the test stops
            # there, after a few looks instead of a look for each of some thirty verbs)
            held = tuple(
                sorted((c for c in needs_of(pattern, re.IGNORECASE) if len(c) <= 64), key=len)
            )
            self._credit.append((re.compile(pattern, re.IGNORECASE), needs, held))
        # another name greeted beside the first, after "and" in some language or a comma, and
        # before the salutation's end or the next of them
        ands = "|".join(re.escape(w) for w in sorted(words("and_words"), key=len, reverse=True))
        self._also: re.Pattern[str] | None = (
            re.compile(
                rf"(?:[ \t]*,[ \t]*(?:(?:{ands})[ \t]+)?|[ \t]+(?:{ands})[ \t]+)"
                rf"(?:(?:{titles})\.?[ \t]+)?(?P<name>{_CAP})"
                rf"(?=[ \t]*(?:[,!:;.—–]|-(?:[ \t]|$)|$|(?:{ands})[ \t]))",
                re.MULTILINE,
            )
            if ands
            else None
        )
        # (a title in lowercase may follow the name: "Ben sir," "Priya ma'am,", as Indian
        # English greets; the name is the word before it)
        self._bare_salutation = re.compile(
            rf"{name}(?:[ \t]+(?:{lower_titles})\.?)?[ \t]*(?:,|[-—–:](?:[ \t]|$))", re.MULTILINE
        )
        # a first line that calls out a name ("Yes Graham!", "Martin!"): a name only when it is
        # known as one ("Big news!" is no name)
        self._called_out = re.compile(rf"{name}[ \t]*!+[ \t]*$", re.MULTILINE)
        # a greeting written in lowercase, and the name after it ("hi naoko-san, thanks…"),
        # a title with its stop before it ("hi ms. bing!")
        lower = rf"[{LOWER}][{LOWER}'’-]*"
        self._lower_name = re.compile(
            rf"(?P<name>(?:(?:{lower_titles})\.[ \t]+)?{lower}(?:[ \t]+{lower})?)"
            rf"(?=[ \t]*(?:[,!:—–{_EMOJI}]|-(?:[ \t]|$)|$))",
            re.MULTILINE,
        )
        # What compiles a pattern kept lazily (see __getstate__): the rulebook's maker, which
        # reads its kept code (see Rulebook.compile_with)
        self.maker: Callable[[str, int], re.Pattern[str]] = re.compile

    # Kept between runs (pickled with the rules), the patterns are kept as their text and
    # compiled when a letter first reads them: a check of one letter reads about half of them,
    # and restoring all forty (a hundred thousand words of code) was two milliseconds of its
    # start-up. Made afresh, they are compiled at once (a bad pattern of the user's is told
    # as the rules are read).
    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        lazy: dict[str, tuple[str, int]] = {}
        for name, value in self.__dict__.items():
            if isinstance(value, re.Pattern):
                lazy[name] = _source(value)
                del state[name]
        state["_lazy"] = lazy
        state["_credit"] = [
            (_source(frame) if isinstance(frame, re.Pattern) else frame, needs, held)
            for frame, needs, held in self._credit
        ]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> object:
        """A pattern kept lazily, compiled when first read (then an attribute as any other)."""
        lazy = self.__dict__.get("_lazy")
        if lazy is None or name not in lazy:
            raise AttributeError(name)
        made = self.__dict__["maker"](*lazy[name])
        setattr(self, name, made)
        return made

    def patterns(self) -> list[tuple[str, int]]:
        """The text and flags of every pattern it compiles (to keep their code: see
        Rulebook.compile_all)."""
        lazy: dict[str, tuple[str, int]] = self.__dict__.get("_lazy", {})
        found = [_source(v) for v in self.__dict__.values() if isinstance(v, re.Pattern)]
        found += [*lazy.values()]
        found += [_source(f) if isinstance(f, re.Pattern) else f for f, _, _ in self._credit]
        return found

    def _frame(self, i: int) -> re.Pattern[str]:
        """The i-th credit frame, compiled (when first read, where it was kept lazily)."""
        frame, needs, held = self._credit[i]
        if not isinstance(frame, re.Pattern):
            frame = self.maker(*frame)
            self._credit[i] = (frame, needs, held)
        return frame

    def addressed(
        self, text: str, ctx: LetterContext, known: frozenset[str]
    ) -> Iterator[Addressed]:
        """Every name the letter addresses (the recipient's included), each once."""
        seen: set[tuple[int, int]] = set()
        for found in self._candidates(text, ctx, known):
            if (found.start, found.end) not in seen:
                seen.add((found.start, found.end))
                yield found

    def _candidates(
        self, text: str, ctx: LetterContext, known: frozenset[str]
    ) -> Iterator[Addressed]:
        own = ctx.candidate_parts
        company = ctx.company_words

        def accept(m: _NameMatch, how: str) -> Addressed | None:
            raw = m.group("name")
            tokens = raw.split()
            titles = [self._title(tokens, i) for i in range(len(tokens))]
            titled = bool(titles) and titles[0]
            # the name's words as written (kept), and as compared (bare: without honorifics
            # joined after them, "Inoue-san" being Inoue, which make a person of the name)
            kept = [t for t, title in zip(tokens, titles, strict=True) if not title]
            if tokens and not kept and fold_accents(_core(tokens[-1])) in known:
                # a title in one language that is a name of someone met ("hi tuan" where a
                # Tuấn is in the user's data: not the Malay "sir")
                kept, titled = tokens[-1:], False
            # (a name whose last syllable is spelt as an honorific, "Eun-ji", "Min-ji", is
            # a name of someone in the user's data, not the honorific joined to "Eun")
            bare = [
                t
                if fold_accents(_core(t)).lower() in known
                or fold_accents(_core(t)).lower() in ctx.recipient_parts
                else self._suffixed.sub("", t)
                for t in kept
            ]
            suffixed = any(b != t for b, t in zip(bare, kept, strict=True))
            # "Hi Marcus", "Call Mark Ellis": the words before the name are not the name
            if (
                how in ("start", "start-dash")
                and len(bare) > 1
                and fold_accents(_core(bare[0])) in self.object_leads
            ):
                # "Like Sam, I think…", "Unlike Brightwell, I…": a preposition that is no
                # word of greeting (so kept as a word of the name below) governs the name too
                return None
            if self._phrases and len(bare) > 1:
                # a greeting of several words opening the run: "Eid Saeed", "Feliz Navidad"
                folded_all = tuple(fold_accents(_core(t)) for t in bare)
                for size in self._phrase_sizes:
                    if size <= len(folded_all) and folded_all[:size] in self._phrases:
                        bare, kept = bare[size:], kept[size:]
                        break
            if len(bare) > 1 and fold_accents(_core(bare[0])) in self.wish_openers:
                return None  # "Happy New Month", "Hayırlı Cumalar": a wish, not a name
            governed = False
            while bare and _plain(bare[0], fold_accents(_core(bare[0]))) in self.not_names:
                governed = fold_accents(_core(bare[0])) in self.object_leads
                bare.pop(0)
                kept.pop(0)
            if governed and how in ("start", "start-dash"):
                return None  # "After Leeds, I…": the object of a preposition, not spoken to
            while len(bare) > 1 and fold_accents(_core(bare[0])) in self._greeting_words:
                bare.pop(0)
                kept.pop(0)
            if not bare:
                return None
            folded = [fold_accents(_core(t)) for t in bare]
            # a word written with accents its folded form lacks is no English word of the
            # lists ("Pál" is not "pal", "Máté" not "mate"); and a title of respect makes a
            # person of a word of the company's name ("Dear Mr. Vogel" at Hartmann & Vogel)
            if any(
                _plain(t, f) in self.generic or (f in company and not titled) or f in own
                for t, f in zip(bare, folded, strict=True)
            ):
                return None
            first = folded[0]
            plain = _plain(bare[0], first)  # (as compared with the words that are no names)
            if how in ("between", "end") and self._introduced(text, m.start("name")):
                return None  # "my former manager at Kranich, Dr. Ute Hartmann, is happy to…"
            # the recipient's own given name in the other sex's form ("Filipe" to Filipa) or
            # mistyped ("Nula" to Nuala) is a name whatever the lists hold: set off as spoken
            # to, it calls them by another's
            person = (
                titled
                or suffixed
                or any(t in known for t in folded)
                or (
                    len(folded) == 1
                    and any(
                        self.other_sex_form(first, r) or self.name_slip(first, r)
                        for r in ctx.recipient_parts
                    )
                )
            )
            if how in ("salutation", "lead"):
                ok = person or plain not in self.not_names
            elif how == "lowercase":
                # a word in lowercase is a name only when it is known as one, a short form of a
                # name included ("P.S. Tunde, thanks…" of Babatunde)
                ok = person or first in self.given_names or first in self.short_forms
            elif how == "start":
                # an unknown word before a comma is a name spoken to when the sentence goes
                # on to speak to someone ("Maria, thank you…"), not "Rotterdam, I think, …"
                # nor the subject of a sentence with an aside to the reader ("Kandy, you'll
                # remember, was my old patch")
                subject = _SUBJECT_ASIDE.match(text, m.start("name") + len(raw)) is not None
                ok = person or (
                    not subject
                    and plain not in self.not_names
                    and not first.endswith("ly")
                    and m.group("next").lower() in self.openers
                    and self._speaks_to(text, m.start())
                )
            elif how == "start-dash":
                # "Leeds - I think…" is not spoken to: only a name known as one is
                # (not a noun phrase set off by two dashes that says who they are: "Sam -
                # your analyst - will…" speaks of Sam)
                aside = _DASHED_ASIDE.match(text, m.start("name") + len(raw)) is not None
                ok = not aside and (
                    (
                        m.group("next").lower() in self.openers
                        and (
                            person
                            or (
                                len(bare) == 1
                                and first in self.given_names
                                and self._speaks_to(text, m.start())
                            )
                        )
                    )
                    or (
                        # someone met for this opportunity, set off by a dash before a sentence
                        # that speaks to them ("And Dev - the trick you showed me saved…")
                        len(bare) == 1
                        and first in ctx.people_parts
                        and self._speaks_to(text, m.start())
                    )
                )
            elif how == "end":
                # a name set off at a sentence's end is spoken to when it is known as a name, or
                # is one word in a sentence that speaks to someone ("…a good weekend, Petra."),
                # not where it renames what the sentence spoke of ("…our old supplier,
                # Castellano.", "I think you met him once, Jonas Berg.")
                before = m.group("before")
                at = m.start("name")
                ok = (
                    not self._renames(text, at)
                    and (
                        person
                        or (
                            plain not in self.not_names
                            # (a day or a month before the comma is no list of places: "See you
                            # on Thursday, Paweł!")
                            and (
                                before[:1].islower()
                                or fold_accents(before).lower() in self.day_words
                            )
                            and len(bare) <= 2
                            and not self._listed(text, at)
                            and (
                                first in self.given_names
                                or (len(bare) == 1 and self._speaks_before(text, at))
                            )
                        )
                    )
                )
            elif how == "between":
                # not where it renames a person spoken of ("the council's energy lead, Mr
                # Okafor, and…")
                ok = (
                    not self._renames(text, m.start("name"))
                    and (
                        person
                        or (
                            len(bare) == 1
                            and first in self.given_names
                            and self._aside(text, m.start("name"), m.start("name") + len(raw))
                        )
                    )
                    and not self._described(text, m.start("name") + len(raw))
                )
            else:
                ok = person
            if not ok:
                return None
            end = m.start("name") + len(raw)
            start = m.start("name")
            if len(kept) < len(tokens) and not titled:
                # the words dropped may stand before the name ("Hi Marcus") or after it, a
                # courtesy word ("Priscilla Ma'am"): the name is its own words
                at = tokens.index(kept[0])
                spans = [w.span() for w in _TOKEN.finditer(raw)]
                end = start + spans[at + len(kept) - 1][1]
                start += spans[at][0]
            return Addressed(start, end, tuple(bare))

        asked = self._asked if ctx.kind == "call" else None
        salutation = self._salutation(text)
        if salutation is not None:
            found = accept(*salutation)
            if found:
                yield found
            if salutation[1] == "salutation" and self._also is not None:
                # the salutation greets more than one ("Good morning Joy and Sam!", "Kjære
                # Sigrid og Johan"): each is addressed, a name known as one ("and team" is not),
                # but for a letter to two people met together ("Dear Marcus and Sofia"), a
                # thank-you for that meeting or a letter that speaks to them both
                at = salutation[0].start("name") + len(salutation[0].group("name"))
                more = self._also.match(text, at)
                joint: bool | None = None  # (the letter read for it only when a name follows)
                while more is not None:
                    if joint is None:
                        joint = ctx.kind in self.joint_kinds or (
                            self._joint is not None and self._joint.search(text) is not None
                        )
                    together = joint and fold_accents(_core(more.group("name"))) in ctx.people_parts
                    found = (
                        None
                        if together
                        else accept(
                            _Titled(text, more.start("name"), more.end("name")), "lowercase"
                        )
                    )
                    if found:
                        yield found
                    more = self._also.match(text, more.end("name"))
        for found_name in self._names.finditer(text):
            m: _NameMatch = found_name
            s, e = found_name.span()
            if e - s < 2:
                continue  # "I", a lone initial
            if s and (text[s - 1].isalnum() or text[s - 1] in "_'’"):
                continue  # inside a word ("McAllister" read from its "A")
            firsts = self._lead_firsts
            if firsts is None:
                opened = self._lead_in.match(text, s, e)
            else:
                space = text.find(" ", s, e)
                tab = text.find("\t", s, e)
                if tab >= 0 and (space < 0 or tab < space):
                    space = tab
                first = text[s : space if space >= 0 else e]
                if first.isascii() and first.lower() not in firsts:
                    opened = None
                else:
                    opened = self._lead_in.match(text, s, e)
            if opened and _opens_speech(text, s):
                named = self._names.match(text, opened.end())
                if named is None:
                    continue
                found_name = named
                m = named
                s, e = named.span()
            elif opened and _FOR.match(text, e):
                # a thanks written as one run with the name ("Cheers Graham for…", "Diolch
                # Graham for…"): said to them, when the name is known as one
                named = self._names.match(text, opened.end())
                if named is not None:
                    found = accept(named, "lowercase")
                    if found:
                        yield found
                continue
            j = e
            while j < len(text) and text[j] in " \t":
                j += 1
            after = text[j : j + 1]
            if after and after not in _MARKS and not text.startswith(("for ", "For "), j):
                run = _RUN.match(text, j)
                lower_title = (
                    self._lower_title.match(text, e)
                    if run is not None and run.group() in self._lower_titles
                    else None
                )
                if lower_title is None:
                    continue  # a name spoken to is followed by a comma, a stop, a dash or "for"
                e = lower_title.end()  # "Thanks, Rina apa, for…": the title is the name's
                m = _Titled(text, s, e)
            title = self._title_before_at(text, s)
            if title:  # "Mr. Webb": the title belongs to the name
                m = _Titled(text, title.start(), e)
                s = title.start()
            line = text.rfind("\n", 0, s) + 1
            before = text[max(line, s - 40) : s]
            kin = _KIN_BEFORE.search(before) if self.kin_terms else None
            if kin is not None and fold_accents(kin.group(1)) in self.kin_terms_folded:
                # a word of kin in lowercase before the name ("Thank you, anh Phúc, for…"): the
                # name's, as a title before it is
                before = before[: kin.start(1)]
            if asked is not None and asked.search(before) and _ASKED_AFTER.match(text, e):
                # a call's opening asks for the person it speaks to ("Hello, is this Sam?",
                # "Could I speak to Priscilla, please?"): a name known as one is addressed
                found = accept(m, "lowercase")
                if found:
                    yield found
                continue
            lead = before and before[-1] in " \t" and self._lead_before.search(before)
            if lead and self._lead_after.match(text, e):
                found = accept(m, "lead")
                if found:
                    yield found
                continue
            if _after_bullet(text, s):
                # a bullet's item is a name spoken to only when a clause for them follows
                # ("- Chloé, thanks for…"), not a list of referees ("- Mr. Endo, my manager")
                opening = self._comma_next.match(text, e)
                if opening and opening.group("next").lower() in self.openers:
                    found = accept(_Joined(m, opening), "start")
                    if found:
                        yield found
                continue
            if _sentence_start(text, s) or _POSTSCRIPT.match(before):
                if self._name_list.match(text, e):
                    continue
                if (
                    _POSTSCRIPT.match(before)
                    and (self._comma_next.match(text, e) or self._dash_next.match(text, e))
                    and not self._appositive.match(text, e)
                ):
                    # "P.S. Everton — big up yourself": a postscript's name set off is spoken
                    # to, whatever follows, when it is known as one; a name not known as one
                    # is spoken to as at a sentence's start, before a clause for the reader
                    # ("P.S. Wanjiru, thank you again for the tea")
                    found = accept(m, "lowercase")
                    opening = None if found else self._comma_next.match(text, e)
                    if opening is not None:
                        found = accept(_Joined(m, opening), "start")
                    if found:
                        yield found
                    continue
                opening = self._comma_next.match(text, e)
                if (
                    opening
                    and not self._appositive.match(text, e)
                    and (self._titled_after is None or not self._titled_after.match(text, e))
                ):
                    found = accept(_Joined(m, opening), "start")
                    if found:
                        yield found
                    continue
                dashed = self._dash_next.match(text, e)
                if dashed:
                    found = accept(_Joined(m, dashed), "start-dash")
                    if found:
                        yield found
                continue
            comma_before = (  # (a comma ends `before` where it matches: asked only then)
                self._word_comma.search(before) if before.rstrip(" \t\n").endswith(",") else None
            )
            if comma_before is None and not before.rstrip(" \t").endswith(","):
                if _CLAUSE_JOINED.search(before):
                    # a clause of its own after ", and" or ";" that opens with a name set off
                    # ("…, and Sam, I will send you…"; "; Joy, please…"): spoken to, as at a
                    # sentence's start
                    opening = self._comma_next.match(text, e)
                    if opening and not self._appositive.match(text, e):
                        found = accept(_Joined(m, opening), "start")
                        if found:
                            yield found
                continue
            if self._sentence_end.match(text, e) and comma_before is not None:
                found = accept(_Joined(m, comma_before), "end")
                if found:
                    yield found
            elif self._comma.match(text, e):
                found = accept(m, "between")
                if found:
                    yield found

    def _title(self, tokens: list[str], i: int) -> bool:
        """Is the i-th word of a run of capitalised words a title: an honorific, or a title
        that is also a name where it stands beside a name ("Don Tomás", "Kumar Anna")?"""
        token = tokens[i]
        if self._honorific.match(token):
            return True
        if len(tokens) < 2:
            return False
        word = fold_accents(_core(token))
        if i == 0:
            return word in self.titles_before
        # after a name only: "Kumar Anna", but "Sir Ben" is a title and a name
        before = tokens[i - 1]
        return (
            word in self.titles_after
            and self._honorific.match(before) is None
            and fold_accents(_core(before)) not in self.titles_before
        )

    def opens_with_title(self, name: str) -> bool:
        """Does a name as addressed open with a title of respect ("Mr. Vogel", "Frau Weber")?"""
        first = name.split(maxsplit=1)[:1]
        return bool(first) and len(name.split()) > 1 and self._honorific.match(first[0]) is not None

    def called_with_title(self, text: str, start: int, end: int) -> bool:
        """Is the name addressed at text[start:end] called with a title of respect or of kin,
        before it or after it ("Sir Ed", "Aunty Rosa", "Al Sir", "Raj-ji")?"""
        name = text[start:end]
        if self.opens_with_title(name) or self.titled(text, start):
            return True
        if self._suffixed.search(name.split()[-1] if name.split() else ""):
            return True
        after = _NEXT_WORD.match(text, end)
        return after is not None and self._honorific.match(after.group(1)) is not None

    def titled(self, text: str, start: int) -> bool:
        """Does a title of respect stand right before the word at `start` ("Mr Morgan",
        "Dr. Haugen"), making a person's name of it?"""
        return self._title_before_at(text, start) is not None

    def _title_before_at(self, text: str, start: int) -> re.Match[str] | None:
        """`_title_before` searched in the twelve characters before `start`, asked only when
        the word they end with (a stop after it and the spaces left aside) is a title's last
        word: the title a match holds ends right before its optional stop and its spaces. A
        family name's particles in lowercase may stand between ("Thank you, Mr van der Merwe,")."""
        for _ in range(3):
            lead = text[max(0, start - 8) : start]
            word = lead.rstrip(" \t").rsplit(None, 1)[-1:] if lead[-1:] in " \t" else []
            if not word or not word[0].islower() or word[0] not in self.surname_particles:
                break
            start -= len(lead) - lead.rstrip(" \t").rfind(word[0])
        pos = max(0, start - 12)
        ends = self._title_ends
        last = text[pos:start].rstrip(" \t\n").replace(",", " ").split()[-1:]
        if ends is not None and (
            not last
            or (last[0] not in ends and not (last[0].endswith(".") and last[0][:-1] in ends))
        ):
            return None
        return self._title_before.search(text, pos, start)

    def names_another(
        self,
        words: tuple[str, ...],
        recipient_parts: frozenset[str],
        known: frozenset[str],
        text: str = "",
        nicknames: Callable[[str], Collection[str]] | None = None,
        given: str = "",
        titled: bool = False,
        native: frozenset[str] = frozenset(),
        surnames: frozenset[str] = frozenset(),
        family_first: bool = False,
    ) -> bool:
        """Do the words of a name the letter addresses name someone other than the recipient?
        With none of the recipient's names among them, yes ("Dear Mr. Okafor" to Harriet
        Osei). With one of them, the other words beside it are a title of respect or of kin in
        some language ("Jaduong Otieno", "Sitt Rania"), a greeting ("Kjære Sigrid"), a father's
        name or a second family name ("Oksana Mykolaivna", "Quispe Mamani"): they name another
        person only where they are a name of someone in the user's data who is not the
        recipient ("Dear Graham Okonjo" where a Sam Okonjo was met). A word that is one of the
        recipient's names in a case ending is theirs in a letter written with words of a
        language that inflects names (`text`: "Čau Pavle", "Dobrý den… Martine,"). A word
        that is the recipient's given name (`given`, folded) called by its base name or a
        short form of that ("Rose" to Rosita), or, after a title of respect or of kin
        (`titled`: "Sir Ed" to Edgardo), by its first letters, is theirs too. A name of the
        recipient's written in the dossier with letters beyond ASCII (`native`, folded:
        "Kamiński") is in its own spelling: another spelling of it that sounds alike but
        has other vowels ("Kamieński", "Zielenski") is another name, not a transliteration.
        A recipient whose name is written family name first (`family_first`: "Nguyễn Thị Thu
        Hà", "Kim Seo-yeon") is called by its syllables whole, and has no father's name to be
        added: a word cut short ("Phú" to Phúc, "Ji-ho" to Ji-hoon) or another word beside
        theirs ("Thu Hằng", "Kim Seo-jin"), a word of kin aside, names another."""
        # a family name's particles ("de", "van den") tell no one from anyone: the words
        # beside them do ("Ms de Groot" to Marloes de Graaf)
        named = [w for w in words if fold_accents(_core(w)) not in self.surname_particles]
        words = tuple(named) if named else words
        others = [
            w
            for w in words
            if not self.is_recipient(w, recipient_parts, nicknames, native, surnames)
            or (family_first and self._cut_short(w, recipient_parts))
        ]
        if family_first and any(
            fold_accents(_core(w)).lower() not in self.kin_terms_folded for w in others
        ):
            return True
        if any(self._other_japanese_given(w, recipient_parts) for w in others):
            return True  # "Takashi Nakamura" to Nakamura Takeshi: his family, not his name
        if others and given:
            others = [
                w
                for w in others
                if not self._given_form(fold_accents(_core(w)), given, titled, known, nicknames)
            ]
        if others and self._inflecting(text):  # (read of the letter only when asked)
            others = [
                w
                for w in others
                if not self._inflected(fold_accents(_core(w)), recipient_parts, known)
            ]
        if not others:
            return False
        if len(others) == len(words):
            return True
        if given and self._other_second_given(words, others, recipient_parts, given):
            return True
        if surnames and any(_surname_slip(fold_accents(_core(w)), surnames) for w in others):
            return True  # "Imogen Thwaites" to Imogen Thwaite: their family name misspelt
        return any(
            (folded := fold_accents(_core(w))) in known and folded not in recipient_parts
            for w in others
        )

    def _cut_short(self, token: str, recipient_parts: frozenset[str]) -> bool:
        """Is the word one of the recipient's names cut short, none of them whole ("Phú" of
        Phúc, "Ji-ho" of Ji-hoon)?"""
        t = fold_accents(_core(token)).lower()
        if t in recipient_parts or t.replace("-", "") in {
            p.replace("-", "") for p in recipient_parts
        }:
            return False
        return any(p.startswith(t) and p != t for p in recipient_parts)

    def _other_second_given(
        self,
        words: tuple[str, ...],
        others: list[str],
        recipient_parts: frozenset[str],
        given: str,
    ) -> bool:
        """Is the name the recipient's compound given name with another second given name
        ("José Manuel" to José Luis Benavides, "Juan Carlos" to Juan Pablo): their first given
        name (`given`, folded), then a listed given name none of theirs, where their own names
        hold another listed given name beside the first?"""
        if len(words) < 2 or fold_accents(_core(words[0])) != given:
            return False
        listed = self.female_given | self.male_given
        second = fold_accents(_core(words[1]))
        return (
            words[1] in others
            and second in listed
            and any(p != given and p in listed for p in recipient_parts)
        )

    def _given_form(
        self,
        word: str,
        given: str,
        titled: bool,
        known: frozenset[str],
        nicknames: Callable[[str], Collection[str]] | None,
    ) -> bool:
        """Is the word the given name `given` as Filipino, Indian, Nigerian and other Englishes
        call its bearer: after a title ("Sir Ed", "Ma'am Tess", "Al Sir"), its first letters;
        or, where the given name is a Spanish diminutive ("Rosita", "Manuelito"), its base
        name ("Rosa", "Manuel") or a short form of that ("Rose", "Manny")? Not a name of
        someone else in the user's data (a family name's particle, the Al of Al Suwaidi, names
        no one)."""
        if word in known and word not in self.surname_particles:
            return False
        if (
            self.titled_prefix_min
            and len(word) >= self.titled_prefix_min
            and len(given) > len(word)
            and given.startswith(word)
            # after a title, any first letters; without one, a short form English names have
            # ("Dear Ed," to Edgardo: Ed is Edward's and Edgar's too)
            and (titled or (nicknames is not None and bool(nicknames(word))))
        ):
            return True
        bases: set[str] = set()
        for ending, replaced in self.diminutive_bases:
            stem = given[: -len(ending)]
            if given.endswith(ending) and len(stem) >= 3:
                bases.update(stem + r for r in replaced if len(stem + r) >= 4)
                break
        if not bases:
            return False
        if word in bases or not bases.isdisjoint(self.short_forms.get(word, frozenset())):
            return True
        return nicknames is not None and _nicknamed(word, frozenset(bases), nicknames)

    def _inflecting(self, text: str) -> bool:
        """Does the letter hold a word of a language that calls people by an inflected name (a
        greeting, a title or a thanks: "ahoj", "pane", "cześć", "dragă", "děkuji")?"""
        if not text or not self.vocative_cues:
            return False
        words = {fold_accents(w) for w in re.findall(r"[^\W\d_]+", text.lower())}
        return not words.isdisjoint(self.vocative_cues)

    def _inflected(self, word: str, recipient_parts: frozenset[str], known: frozenset[str]) -> bool:
        """Is the word one of the recipient's names with a case ending of the languages that
        call people by an inflected name ("Petře" of Petr, "Martine" of Martin, "Pavle" of
        Pavel, "Marku" of Marek), and no name of its own: no listed given name ("Louise" is
        not Louis) and no one else's in the user's data?"""
        if word in self.given_names or word in known:
            return False
        for ending in self.vocative_endings:
            stem = word[: -len(ending)]
            if not word.endswith(ending) or len(stem) < 3:
                continue
            for p in recipient_parts:
                # the name as it is, or without the "e" its last syllable drops ("Pavel")
                if stem == p or (len(p) > 3 and p[-2] == "e" and stem == p[:-2] + p[-1]):
                    return True
        return False

    def is_recipient(
        self,
        token: str,
        recipient_parts: frozenset[str],
        nicknames: Callable[[str], Collection[str]] | None = None,
        native: frozenset[str] = frozenset(),
        surnames: frozenset[str] = frozenset(),
    ) -> bool:
        """Is this word of a name one of the recipient's, a short form of one (Dan, Daniel) or
        a pet form of one ("Thabs" for Thabo, "Jonno" for Jonathan, "Becky" for Rebecca)?
        (`surnames`: their family names, which a word longer by two letters is not.)"""
        if self._other_japanese_given(token, recipient_parts):
            return False  # "Takashi" to Takeshi: a name of its own, not a slip of a letter
        if same_person(token, recipient_parts, self.distinct_endings, surnames):
            return True
        t = fold_accents(_core(token))
        if "-" in t or any("-" in p for p in recipient_parts):
            # a name of hyphened parts written as one word, or one word hyphened
            # ("Abdelrahman" for Abdel-Rahman, "Jihoon" for Ji-hoon)
            joined = t.replace("-", "")
            if len(joined) >= 4 and any(joined == p.replace("-", "") for p in recipient_parts):
                return True
        if any(self.other_sex_form(t, p) for p in recipient_parts):
            return False  # "Renato" to Renata, "Daniele" to Daniela
        if len(t) >= 4 and _LONG_VOWEL.search(t) is not None:
            spoken = romaji(t)
            if any(len(p) >= 3 and romaji(p) == spoken for p in recipient_parts):
                return True  # a Japanese long vowel spelt another way ("Ryouta" of Ryōta)
        if _lenited(t, recipient_parts):
            return True  # "A Phádraig" to Pádraig: the Irish and Scottish Gaelic vocative
        if any(self.name_slip(t, p) for p in recipient_parts):
            return False  # "Rohen" to Rohan, "Hariet" to Harriet: their name, mistyped
        if recipient_parts & self.short_forms.get(t, frozenset()):
            return True
        if nicknames is not None and _nicknamed(
            t, recipient_parts, nicknames, self.distinct_endings
        ):
            return True  # "Peggy" for Margaret, "Hank" for Henry (the nicknames package)
        for ending in self.pet_endings:
            if not t.endswith(ending) or len(t) - len(ending) < 3:
                continue
            stem = t[: -len(ending)]
            stems = {stem, stem[:-1]} if len(stem) >= 4 and stem[-1] == stem[-2] else {stem}
            if (
                len(stem) == 3
                and stem[1] == stem[2]
                and stem[2] not in _VOWELS
                and t not in self.given_names
                and t not in self.female_given
                and t not in self.male_given
            ):
                # the name's first syllable with its consonant doubled ("Immy" for Imogen,
                # "Ollie" for Oliver), where the word is no name of its own
                stems.add(stem[:2])
            if any(
                p.startswith(s)
                # (not the name with its last vowel changed for another: "Wanjiro" is a slip
                # for Wanjiru, not a pet form of it, as "Thabs" of Thabo is)
                and not (
                    len(p) == len(t) and p[:-1] == t[:-1] and p[-1] in _VOWELS and t[-1] in _VOWELS
                )
                for s in stems
                for p in recipient_parts - surnames
            ):
                return True  # (a pet form is of a given name: "Thwaites" is not Thwaite)
        if any(self._same_listed(t, p) for p in recipient_parts):
            return True
        if t in self.given_names or len(t) < 3:
            return False  # a name of its own ("Dana" is not Daniel)
        for ending in self.diminutive_endings:
            stem = t[: -len(ending)]
            if not t.endswith(ending) or len(stem) < 3:
                continue
            for p in recipient_parts:
                rest = p[len(stem) :] if p.startswith(stem) else None
                if rest is not None and (len(rest) >= 2 or (len(rest) == 1 and rest in "aeiou")):
                    return True
        # a short form that keeps the end of the name ("Cel" for Maricel, "Tunde" for
        # Babatunde), and the same name spelt from another script or language ("Viktor" for
        # Victor, "Khaled" for Khalid, "Aleksandr" for Alexander)
        sound = self._sound(t)
        return any(
            (len(p) >= len(t) + 2 and p.endswith(t))
            or (
                len(sound[0]) >= 3
                and self._sound(p) == sound
                and not _other_ending(t, p, self.distinct_endings)
                # a name ending in another vowel is another name or a slip, not a spelling from
                # another script, whose vowels differ inside ("Khaled", "Khalid"): "Wanjiro" is
                # not Wanjiru
                and not (t[-1:] in _VOWELS and p[-1:] in _VOWELS and t[-1] != p[-1])
                and (p not in native or self._vowels(t) == self._vowels(p))
                # a listed given name with other vowels is a name of its own ("Karin" is not
                # Karen), though one with the same vowels is the name spelt otherwise
                # ("Steven", "Theresa")
                and (
                    (t not in self.female_given and t not in self.male_given)
                    or self._vowels(t) == self._vowels(p)
                )
            )
            for p in recipient_parts
        )

    def name_slip(self, word: str, name: str) -> bool:
        """Is `word` the recipient's given name `name`, one of a settled spelling (a name of the
        common list or the Census lists, or one no list holds: "Malikai" for Malakai), mistyped by
        one slip that leaves its sound as it was: a vowel changed for another ("Rohen" for Rohan,
        "Gordan" for Gordon, "Bronwen" for Bronwyn), two vowels swapped ("Sofai" for Sofia), a
        vowel dropped or added inside it ("Stephn" for Stephen), a consonant doubled or written once
        ("Tyller" for Tyler, "Hariet" for Harriet), into a word that is no given name the lists
        know? (A listed name is another name, or the same name's other spelling, already:
        "Karin" is not Karen, "Phillip" is Philip; a name carried from a script that writes no
        short vowels is spelt in more than one way: "Khaled", "Khalid"; a vowel added at the end
        may make a pet or spoken form: "Tomi".)"""
        if word == name or (
            name not in self.settled_given
            and (name in self.female_given or name in self.male_given)
        ):
            return False  # (a name only the other lists hold may be spelt more than one way)
        if word in self.settled_given or word in self.female_given or word in self.male_given:
            return False
        # compared as said: "y" a vowel as "i" is ("Bronwen" for Bronwyn), "ph" one sound
        word, name = self._spelt(word), self._spelt(name)
        if word == name:
            return False  # one sound spelt two ways ("Rasheed", "Rashid")
        if len(word) == len(name):
            changed = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
            if len(changed) == 1:
                return word[changed[0]] in _VOWELS and name[changed[0]] in _VOWELS
            i = changed[0]
            return (
                len(changed) == 2
                and changed[1] == i + 1
                and word[i] == name[i + 1] in _VOWELS
                and word[i + 1] == name[i] in _VOWELS
            )
        if abs(len(word) - len(name)) != 1:
            return False
        short, long = sorted((word, name), key=len)
        pairs = enumerate(zip(short, long[:-1], strict=True))
        i = next((k for k, (a, b) in pairs if a != b), len(short))
        if long[:i] + long[i + 1 :] != short or i == len(short):
            return False  # more than one letter apart, or a letter added at the end
        extra = long[i]
        return extra in _VOWELS or (i > 0 and extra == long[i - 1]) or extra == long[i + 1]

    def _same_listed(self, word: str, name: str) -> bool:
        """Is `word`, a listed given name, the recipient's given name `name` in another
        spelling: the same consonants (a doubled one written once) and the same vowels in the
        same places ("Mohammed" for Mohamed, "Phillip" for Philip), or with a final "e" after
        "in" that French spelling adds to a name carried from Arabic or Persian ("Yasmine" for
        Yasmin, "Amine" for Amin), where one is listed by its sex and neither as the other sex's
        ("Justine" is not Justin)?"""
        if word == name or len(word) < 4 or len(name) < 4:
            return False
        short, long = sorted((self._spelt(word), self._spelt(name)), key=len)
        if long == short + "e" and short.endswith("in"):
            female = self.female_given
            male = self.male_given
            listed = female | male
            return (word in listed or name in listed) and not (
                (word in male and name in female) or (word in female and name in male)
            )
        if word not in self.given_names and name not in self.given_names:
            return False
        sound = self._sound(word)
        return (
            len(sound[0]) >= 3
            and sound == self._sound(name)
            and self._vowels(word) == self._vowels(name)
            and not _other_ending(word, name, self.distinct_endings)
            and not self.other_sex_form(word, name)
        )

    def other_sex_form(self, word: str, name: str) -> bool:
        """Is `word` the given name `name` in the other sex's form: the same stem of three
        letters or more with the other of a pair of final letters ("Renato" of Renata,
        "Fernanda" of Fernando, "Simona" of Simone)?"""
        if len(word) != len(name) or len(word) < 4 or word == name:
            return False
        for size in (1, 2):
            if word[:-size] == name[:-size]:
                return frozenset((word[-size:], name[-size:])) in self.sex_form_endings
        return False

    def _spelt(self, word: str) -> str:
        """A name with its spellings of one sound made one ("yasmeen": "yasmin")."""
        for written, said in self.spellings:
            word = word.replace(written, said)
        return word

    def _vowels(self, word: str) -> str:
        """A name's vowels in order, once its spellings of one sound are made one ("Gulshen"
        and "Gülşen" alike, "Zielenski" and "Zieliński" not)."""
        for written, said in self.spellings:
            word = word.replace(written, said)
        return "".join(c for c in word if c in "aeiou")

    def wrong_title(
        self,
        text: str,
        start: int,
        end: int,
        person: str,
        country: str = "",
        notes: tuple[str, ...] = (),
    ) -> bool:
        """Is the name addressed at text[start:end], the recipient's, called with a title of
        respect of the other sex than theirs ("Dear Mr. Campbell" to Andrea Campbell)? Their
        sex is read of their given name (in the candidate's `country` first, where a name is
        of the other sex there: Andrea in Italy) or, failing that, of their surname's ending
        (Zielińska, Zieliński), or, where the name tells neither (Dominique, Sasha), of the
        pronouns the notes on them use, where those are all of one sex ("his move from the
        Montréal office"); else nothing is told."""
        name = text[start:end]
        first = name.split(maxsplit=1)[:1]
        if first and len(name.split()) > 1 and self._honorific.match(first[0]):
            title = first[0]
        else:
            before = self._title_before_at(text, start)
            if before is None:
                # a title in lowercase before the name, as Romanian writes it ("Stimată doamnă
                # Ionescu", "Stimate domnule Popescu")
                lower = _KIN_BEFORE.search(text, max(0, start - 24), start)
                if lower is None:
                    return False
                title = lower.group(1)
            else:
                title = before.group(0).split()[-1] if before.group(0).split() else ""
        said = _core(title).rstrip(".")
        sex = "female" if said in self.female_titles else "male" if said in self.male_titles else ""
        if not sex:
            return False
        theirs = self.sex_of(person, country) or _sex_of_pronouns(notes)
        return bool(theirs) and theirs != sex

    def sex_of(self, person: str, country: str = "") -> str:
        """A person's sex as their name tells it ("female", "male"), or "" where it does not."""
        parts = [fold_accents(p.lower()) for p in person.split()]
        if not parts:
            return ""
        for sex, names in self.sex_words.items():
            if any(p in names for p in parts[1:]):
                return sex  # "Harpreet Kaur", "Nur Aisyah binti Rahman"
        if self._family_first(person, parts):
            # "Trần Minh Tuấn": the first word is a family name, and the given names after it
            # tell a sex only by a middle name that says it ("Lê Thị Ngọc Anh")
            for part in parts[1:-1]:
                for sex, names in self.sex_middle.items():
                    if part in names:
                        return sex
            return ""
        japanese = self._japanese_given(parts)
        if japanese is not None:
            return self._japanese_sex(japanese)
        local = self.sex_by_country.get(country.upper(), {})
        given = parts[0].split("-")
        for sex, names in local.items():
            if given[0] in names:
                return sex
        for sex, names in self.sex_only.items():
            if given[0] in names:
                return sex
        if len(given) > 1:
            # a hyphened given name takes its sex from its first part that tells one
            # ("Jean-Baptiste", "Marie-Pierre")
            for sex, names in self.compound_first.items():
                if given[0] in names:
                    return sex
            for g in given:
                female, male = g in self.female_given, g in self.male_given
                if female != male:
                    return "female" if female else "male"
        female = any(g in self.female_given for g in given)
        male = any(g in self.male_given for g in given)
        if female != male:
            return "female" if female else "male"
        if len(parts) > 1:
            last = parts[-1]
            if last.endswith(self.female_endings):
                return "female"
            if last.endswith(self.male_endings):
                return "male"
        return ""

    def _japanese_given(self, parts: list[str]) -> str | None:
        """The given name of a Japanese name of two words, in either order ("Nakamura
        Takeshi", "Yuko Fujita"), its long vowels unspelt: the word beside one of the
        commonest family names. None where the name is not read as Japanese."""
        if len(parts) != 2 or not self.japanese_family:
            return None
        first, last = romaji(parts[0]), romaji(parts[1])
        if first in self.japanese_family and last not in self.japanese_family:
            return last
        if last in self.japanese_family and first not in self.japanese_family:
            return first
        return None

    def _other_japanese_given(self, token: str, recipient_parts: frozenset[str]) -> bool:
        """Is the word a Japanese given name none of the recipient's, whose name is Japanese
        ("Takashi" to Nakamura Takeshi, "Hiroki" to Tanaka Hiroko)? Such names differ from
        each other by a letter, and each is a name of its own."""
        if not self.japanese_family or not any(
            romaji(p) in self.japanese_family for p in recipient_parts
        ):
            return False
        spoken = romaji(_core(token))
        if len(spoken) < 4 or not any(spoken in names for names in self.japanese_given.values()):
            return False
        return all(romaji(p) != spoken for p in recipient_parts)

    def _japanese_sex(self, given: str) -> str:
        """The sex a Japanese given name says ("female", "male"), or "" for a name borne by
        both ("Yuki", "Hikaru") or one neither its list nor its ending tells."""
        for sex, names in self.japanese_given.items():
            if given in names:
                return "" if sex == "either" else sex
        for ending, sex in self.japanese_endings:
            if given.endswith(ending) and len(given) > len(ending) + 1:
                return sex
        return ""

    def called_by_others_part(
        self, words: Sequence[str], person: str, titled: bool, country: str = ""
    ) -> bool:
        """Is the person called only by words of their name that are not theirs to be called
        by: their father's name ("Encik Rahman" to Mohd Faizal bin Abdul Rahman, "Mr Ramasamy"
        to Thinagaran s/o Ramasamy), or, after a title, the given names of a name written
        family name first where a title goes with the family name ("Ms Ling" to Jasmine Tan
        Wei Ling, whose family name is Tan)?"""
        parts = [fold_accents(p.lower()) for p in person.split()]
        said = [fold_accents(_core(w)) for w in words]
        if not said:
            return False
        markers = [i for i, p in enumerate(parts) if p in self.patronymic_markers]
        if markers and 0 < markers[0] < len(parts) - 1:
            # the father's name runs to a family name's article ("Mohammed bin Rashid Al
            # Suwaidi": Al Suwaidi is the family's, Mr Al Suwaidi himself)
            father: set[str] = set()
            for p in parts[markers[0] + 1 :]:
                if (
                    p in self.family_name_articles
                    or p in self.patronymic_markers
                    or p.startswith(self._article_prefixes)
                ):
                    break
                father.add(p)
            if all(w in father and w not in parts[: markers[0]] for w in said):
                return True
        if not titled:
            return False
        for at in (0, 1):
            if at == 1 and (len(parts) < 4 or parts[0] not in self.given_names):
                break  # "Jasmine Tan Wei Ling": an English given name before the order
            if (
                len(parts) >= at + 3
                and parts[at] in self.family_first
                and parts[at] not in self.titled_given_family
                # a Vietnamese middle name ("Văn", "Thị") says the name is Vietnamese
                and not any(p in m for p in parts for m in self.sex_middle.values())
                and (at == 1 or self._family_first(person, parts))
            ):
                given = set(parts[at + 1 :])
                return all(w in given and w != parts[at] for w in said)
        return self._second_surname_alone(said, parts, country)

    def _second_surname_alone(self, said: list[str], parts: list[str], country: str) -> bool:
        """After a title, the second of two family names alone, where names are written given
        names, father's family name, mother's ("Lic. Treviño" to María José Garza Treviño, who
        is Lic. Garza or Lic. Garza Treviño): the mother's name is not the one a person is called
        by in the countries of `paternal_surname_first` (the candidate's, as the letter's)."""
        if country.upper() not in self.paternal_surname_first or len(parts) < 3 or len(said) != 1:
            return False
        first, second = parts[-2], parts[-1]
        if said[0] != second:
            return False

        def listed(word: str) -> bool:  # (asked of each list: no union made a name)
            return word in self.given_names or word in self.female_given or word in self.male_given

        return (
            listed(parts[-3])
            and not listed(first)
            and not listed(second)
            and first not in self.surname_particles
        )

    def family_first_name(self, person: str) -> bool:
        """Is the person's name written family name first ("Trần Minh Tuấn", "Park Ji-hoon")?"""
        return self._family_first(person, [fold_accents(p.lower()) for p in person.split()])

    def _family_first(self, person: str, parts: list[str]) -> bool:
        """Is the name written family name first ("Trần Minh Tuấn", "Kim Seo-yeon")? Its first
        word is a listed family name of such a language, and, where that word is also a given
        name of English ("Kim", "Lee"), the name is of three words or more, joins syllables by
        a hyphen or is written with accents, as "Kim Wilde" is not."""
        if len(parts) < 2 or parts[0] not in self.family_first:
            return False
        return (
            parts[0] not in self.given_names
            and parts[0] not in self.female_given
            and parts[0] not in self.male_given
        ) or (len(parts) > 2 or "-" in person or not person.isascii())

    def _greeting_line(self, text: str) -> tuple[int, str, int] | None:
        """The letter's first line where it opens with a greeting: where the line starts, the
        line, and where in it the greeting ends."""
        start = len(text) - len(text.lstrip())
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        greeting = self._greeting.match(line.lower())
        return None if greeting is None else (start, line, greeting.end())

    def salutation_initials(self, text: str) -> tuple[int, int, str] | None:
        """Initials the salutation calls the reader by ("Hi JP,", "Dear J.P.,", "Hello M-J!"):
        their span and their capitals."""
        opened = self._greeting_line(text)
        if opened is None:
            return None
        start, line, after = opened
        found = _INITIALS.match(line, after)
        if found is None:
            return None
        return start + found.start(1), start + found.end(1), _NOT_CAPITAL.sub("", found.group(1))

    def salutation_title_alone(
        self, text: str, person: str, country: str = ""
    ) -> tuple[int, int] | None:
        """The span of a salutation by a title of respect alone ("Dear Sir,", "Respected
        Madam,", "Prezada Senhora,") whose sex is not the reader's, as their name tells it
        ("Dear Sir" to Maria José Figueiredo); not one that names both ("Dear Sir or Madam")."""
        opened = self._greeting_line(text)
        if opened is None:
            return None
        start, line, after = opened
        found = _TITLE_ALONE.match(line, after)
        if found is None:
            return None
        said = fold_accents(found.group(1).lower()).rstrip(".")
        sex = "female" if said in self.female_titles else "male" if said in self.male_titles else ""
        theirs = self.sex_of(person, country) if sex else ""
        if not theirs or theirs == sex:
            return None
        return start + found.start(1), start + found.end(1)

    def spoken_titles(self, text: str, person: str, country: str = "") -> list[tuple[int, int]]:
        """Spans of a title of respect spoken to the reader mid-letter, set off by commas
        ("Thank you, Sir, for…", "…as promised, Madam."), whose sex is not the reader's."""
        theirs = ""
        found: list[tuple[int, int]] = []
        for m in _SPOKEN_TITLE.finditer(text):
            said = m.group(1).lower().replace("’", "'")
            sex = (
                "female"
                if said in self.female_titles
                else "male"
                if said in self.male_titles
                else ""
            )
            if not sex:
                continue
            theirs = theirs or self.sex_of(person, country) or "-"
            if theirs in ("female", "male") and theirs != sex:
                found.append(m.span(1))
        return found

    def salutation_office(self, text: str) -> tuple[int, int, frozenset[str]] | None:
        """The salutation, where it calls the reader by an office after a title of respect
        ("Dear Madam President,", "Respected Mr. Chairman"): its span and the words of that
        office."""
        if not self.offices:
            return None
        opening = text[:300].lower()
        if not any(w in opening for w in self.offices):
            return None  # (no office near the start: the salutation is not read again)
        found = self._salutation(text)
        if found is None or found[1] != "salutation":
            return None
        m = found[0]
        tokens = m.group("name").split()
        if len(tokens) < 2 or not all(self._honorific.match(t) for t in tokens[:-1]):
            return None
        office = self.offices.get(_core(tokens[-1]))
        if office is None:
            return None
        return m.start("name"), m.start("name") + len(m.group("name")), office

    def _sound(self, word: str) -> tuple[str, str, str]:
        """A name as it sounds, read the same across spellings: its consonants, once each where
        doubled; its first vowel (e and i alike, o and u alike); and where its vowels fall
        between them (Peter is not Petra)."""
        for written, said in self.spellings:
            word = word.replace(written, said)
        word = re.sub(r"(.)\1+", r"\1", word)
        vowel = next((c for c in word if c in "aeiou"), "")
        shape = re.sub("V+", "V", "".join("V" if c in "aeiou" else "C" for c in word))
        consonants = "".join(c for c in word if c not in "aeiou")
        return consonants, vowel.translate(_VOWEL_CLASS), shape

    def spoken_of(self, text: str, start: int, end: int) -> bool:
        """Is the word at text[start:end] a person spoken of: after "told", "to", "with"…, or
        before "said", "'s", "showed"…, and not a third party introduced as one ("my old
        manager Peter")?"""
        line = text.rfind("\n", 0, start) + 1
        before = text[max(line, start - 40) : start]
        if self._third_party is not None and self._third_party.search(before):
            return False
        if self._person_before is not None and self._person_before.search(before):
            return True
        return self._person_after is not None and bool(self._person_after.match(text, end))

    def offers_referee(self, sentence: str) -> bool:
        """Does the sentence offer someone as a referee (a reference, who will vouch)?"""
        return self._referee is not None and self._referee.search(sentence) is not None

    def _introduced(self, text: str, start: int) -> bool:
        """Is the name at `start` a third party introduced by who they are to the writer?"""
        if self._third_party is None:
            return False
        line = text.rfind("\n", 0, start) + 1
        return self._third_party.search(text[max(line, start - 80) : start]) is not None

    def credited(
        self,
        text: str,
        mine: frozenset[str],
        spaced: str | None = None,
        loose: Callable[[bytes], bool] | None = None,
    ) -> Iterator[Addressed]:
        """Names credited with being at the interview ("as I told Marcus at the interview")
        that are none of `mine` (folded parts of the names of everyone met, the recipient's and
        the candidate's). `spaced`: the text's screen_text, when the caller has it; `loose`:
        whether a frame's looser form (see loosen.py) matches the text, when an engine can
        tell (where it does not, the frame cannot)."""
        lowered: str | None = None
        forms: list[bytes | None] = []
        if loose is not None:
            forms, joined = self._credit_forms()
            if joined is not None and not loose(joined):
                return  # the looser form of no frame matches: no frame can
        for i, (_, needs, held) in enumerate(self._credit):
            if needs:
                lowered = text.lower() if lowered is None else lowered
                if not any(n in lowered for n in needs):
                    continue
            if held:
                spaced = screen_text(text) if spaced is None else spaced
                if not _holds_all(spaced, held):
                    continue  # a string every match holds is not in the letter
            form = forms[i] if forms else None
            if loose is not None and form is not None and not loose(form):
                continue  # where the looser form cannot match, the frame cannot
            for m in self._frame(i).finditer(text):
                name, s, e = m.group("name"), m.start("name"), m.end("name")
                folded = fold_accents(_core(name))
                if folded in self.honorifics or f"{folded}." in self.honorifics:
                    # the name is the word after its title ("met you and Ms. Hà")
                    after = _AFTER_TITLE.match(text, e)
                    if after is None or not after.group(1)[0].isupper():
                        continue
                    name, s, e = after.group(1), after.start(1), after.end(1)
                    folded = fold_accents(_core(name))
                if folded in mine or folded in self.not_names or len(folded) < 2:
                    continue
                if folded[:2] in ("i'", "i’"):
                    continue  # the pronoun ("met you and I'm keen"), no name
                line = text.rfind("\n", 0, s) + 1
                if self._third_party is not None and self._third_party.search(text[line:s]):
                    continue
                if any(same_person(folded, frozenset({p})) for p in mine):
                    continue
                yield Addressed(s, e, (name,))

    def _credit_forms(self) -> tuple[list[bytes | None], bytes | None]:
        """The looser form of each credit frame (None where it has none), and one form that
        matches where any of them does (None unless every frame has one)."""
        if self._loose is None:
            frames = [self._frame(i) for i in range(len(self._credit))]
            forms = [loosened(frame.pattern, frame.flags) for frame in frames]
            self._loose = forms, either([f for f in forms if f is not None], len(forms))
        return self._loose

    def _speaks_to(self, text: str, start: int) -> bool:
        end = text.find("\n", start)
        sentence = text[start : end if end >= 0 else len(text)]
        return self._evidence is None or bool(self._evidence.search(sentence))

    def _aside(self, text: str, start: int, end: int) -> bool:
        """Is the name at text[start:end] set off between lowercase words in a sentence that
        speaks to someone ("your view, Jessica, on whether"), not an item of a list ("in Rome,
        Florence, and Milan")?"""
        before = text[max(0, start - 30) : start].rstrip(" \t,")
        m = self._comma.match(text, end)
        after = text[m.end() : m.end() + 20].lstrip(" \t") if m else ""
        word = after.split(" ", 1)[0].strip(".,;:!?")
        if not (before[-1:].islower() and word[:1].islower()):
            return False
        if word in ("and", "or", "nor"):
            # a list ("the director, Karen, and the analyst") unless a clause follows
            rest = after[len(word) :].lstrip(" \t").split(" ", 1)[0].strip(".,;:!?").lower()
            if rest not in self.clause_openers:
                return False
        line = text.rfind("\n", 0, start) + 1
        return self._speaks_to(text, line)

    def _speaks_before(self, text: str, start: int) -> bool:
        """Does the sentence that ends with the name at `start` speak to someone?"""
        opened = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        return self._evidence is None or bool(self._evidence.search(text, opened, start))

    def _renames(self, text: str, start: int) -> bool:
        """Does the name at `start`, after a comma, rename a person spoken of just before it
        ("you may know him already, Jonas Berg?")?"""
        return self._renamed is not None and bool(
            self._renamed.search(text[max(0, start - 60) : start])
        )

    def _described(self, text: str, end: int) -> bool:
        """Do the words after the comma that closes the name at `end` say where the person is
        or who they are ("a soil scientist, Dr Anna Solent, at the fair"): a third party,
        not someone spoken to?"""
        return self._described_after is not None and bool(self._described_after.match(text, end))

    def _listed(self, text: str, name_start: int) -> bool:
        """Is the name the end of a list or an aside ("as you guessed, Salesforce")?"""
        comma = text.rfind(",", 0, name_start)
        line = text.rfind("\n", 0, comma) + 1
        return self._not_before is not None and bool(self._not_before.search(text[line:comma]))

    def _salutation(self, text: str) -> tuple[re.Match[str], str] | None:
        """The first non-empty line, when it opens with a greeting ("Dear Dana,") or is a name
        set off by a comma or a dash ("Kwame -"); after a heading ("Call script: Rajesh Iyer"),
        the line that follows it, and there only a greeting."""
        line = self._first_line.search(text)
        if not line:
            return None
        headed = self._heading is not None and self._heading.match(line.group("line"))
        if headed:
            line = self._first_line.search(text, line.end())
            if not line:
                return None
        body = line.group("line")
        lowered = body.lower()
        opening = self._greeting.match(lowered)
        bullet = _BULLET_OPEN.match(body) if headed and opening is None else None
        if bullet is not None:
            # a script's first spoken line as a bullet ("- Guten Tag Frau Lindgren, …")
            opening = self._greeting.match(lowered, bullet.end())
        greeting = opening.group(0) if opening else None
        if greeting is None and self._wish is not None:
            # a wish for a feast before the name ("Happy Sallah, Emeka!"): the name follows it
            wish = self._wish.match(body)
            greeting = wish.group(0) if wish else None
        offset = line.start("line")
        if greeting:
            rest = len(greeting) + (bullet.end() if opening is not None and bullet else 0)
            while rest < len(body) and body[rest] in " \t,":
                rest += 1
            if body[rest:].lower().startswith(("again ", "again\t")):  # "Hello again Oliver,"
                rest += 6
            cut = _ABBREVIATED.match(body, rest)
            if cut:
                rest = cut.end()  # a title cut short with a slash: "W/ro Meron", "A/Prof. Lee"
            kin = _KIN.match(body, rest)
            if kin and body[kin.end()].isupper():
                if kin.group(1) in self.kin_terms:
                    rest = kin.end()  # "Chào anh Minh": the name is Minh
                elif self._honorific.match(kin.group(1)):
                    rest = kin.end()  # "Stimate domnule Enache": the name is Enache
            m = self._name_at.match(text, offset + rest)
            if m is None:
                m = self._lower_name.match(text, offset + rest)
                if m is None or m.group("name").split()[0] in self.kin_terms:
                    return None  # "Chào anh," speaks to the recipient as an elder brother
                return (m, "lowercase")
            return (m, "salutation")
        lead = None if headed else self._lead_open.match(lowered)
        if lead:
            rest = lead.end()
            while rest < len(body) and body[rest] in " \t,":
                rest += 1
            m = self._lower_name.match(text, offset + rest)
            if m is not None and m.group("name").split()[0] not in self.kin_terms:
                return (m, "lowercase")
        if headed or line.group("more"):
            return None  # "Opening: Hi Fiona" names a part of the script
        m = self._bare_salutation.match(text, offset)
        if m is None and self._also is not None:
            # names joined, the whole of the first line ("Kjære Sigrid og Johan,")
            first = self._name_at.match(text, offset)
            end = first.end() if first else -1
            more = self._also.match(text, end) if first else None
            while more is not None:
                end = more.end()
                more = self._also.match(text, end)
            if first and end > first.end() and _LINE_END.match(text, end):
                return (first, "salutation")
        if m is None:
            m = self._called_out.match(text, offset)
            return (m, "lowercase") if m else None
        return (m, "salutation")


# a word cut short with a slash, as titles are abbreviated ("W/ro", "A/Prof.", "S/Sgt")
# a dash after a name, a noun phrase, and a second dash: an aside that says who they are
# a short aside to the reader set off by commas after a sentence's first word, and the verb
# that word is the subject of: "Kandy, you'll remember, was…", "Leeds, as you know, has…"
_SUBJECT_ASIDE = re.compile(
    r"[ \t]*,[ \t]*(?:as[ \t]+)?(?:you|i|we)(?:['’](?:ll|d|ve|re|m))?(?:[ \t]+[\w'’]+){1,3}?"
    r"[ \t]*,[ \t]*(?:still[ \t]+|also[ \t]+|once[ \t]+)?(?:was|is|were|are|has|had|have|will"
    r"|would|could|can|used|remains|remained|became|becomes)\b",
    re.IGNORECASE,
)
_DASHED_ASIDE = re.compile(
    r"[ \t]*(?:[—–]|-(?=[ \t]))[ \t]*(?:your|the|our|my|his|her|their|a|an)\b"
    r"[^.!?\n—–]*?[ \t](?:[—–]|-(?=[ \t]))",
    re.IGNORECASE,
)
# the end of a clause and the joining word of the next, before a name that opens it
_CLAUSE_JOINED = re.compile(r"(?:,[ \t]*(?:and|but|so)|;)[ \t]+$")
_ABBREVIATED = re.compile(r"[^\W\d_]{1,4}/[^\W\d_]{1,5}\.?[ \t]+(?=\S)")
# what ends the name a call asks for ("is this Sam?", "speak to Sam, please")
_ASKED_AFTER = re.compile(r"[ \t]*(?:[,.!?;:—–]|[Pp]lease\b|$)", re.MULTILINE)
# the end of a salutation's line, after the names it greets
# initials a salutation calls someone by, after its greeting: two capitals or three, with
# full stops, a space or a hyphen between them or none ("JP", "J.P.", "M-J"), ending the line
# or set off by a comma or a dash
_INITIALS = re.compile(r"[ \t]+([A-Z]\.?(?:[ -]?[A-Z]\.?){1,2})[ \t]*(?:[,!:;—–-]|$)")
_NOT_CAPITAL = re.compile(r"[^A-Z]")
# a title of respect spoken to mid-sentence, after a comma and before a mark ("Thank you, Sir,")
_SPOKEN_TITLE = re.compile(r"(?<=,)[ \t]*(Sir|Madam|Madame|Ma['’]am)(?=[ \t]*[,.!?;])")
# a title of respect alone after a salutation's greeting, ending its line or set off by a comma
# or a dash ("Dear Sir,", "Respected Madam"), not one of two ("Sir or Madam", "Sir/Madam")
_TITLE_ALONE = re.compile(r"[ \t]+([^\W\d_][\w’']*\.?)[ \t]*(?:[,!:;—–-][ \t]*)?$")
_LINE_END = re.compile(r"[ \t]*[,:!—–-]?[ \t]*$", re.MULTILINE)
# the classes of a name's first vowel: e as i, u as o
_VOWEL_CLASS = str.maketrans("eu", "io")
_VOWELS = frozenset("aeiou")
# a word in lowercase and the spaces after it, before a name
_KIN = re.compile(r"([^\W\d_A-Z][\w]*)[ \t]+(?=\S)")
_MARKS = frozenset(",.!?;:—–-\n")
# a bullet's mark or an item's number opening a line ("- ", "• ", "2. ")
_BULLET_OPEN = re.compile(r"(?:[-*•·▪–—]|\d{1,2}[.)])[ \t]+")
_POSTSCRIPT = re.compile(r"[ \t]*(?:P\.?[ \t]?){1,2}S\.?[ \t]*[:,]?[ \t]*$")
_FOR = re.compile(r"[ \t]+[Ff]or\b")
_BULLETS = frozenset("-*•·▪–—")
# an emoji after a name, as a greeting of a message ends ("hey sam 👋")
_EMOJI = "\u2600-\u27bf\U0001f300-\U0001faff"
_TOKEN = re.compile(r"\S+")
_RUN = re.compile(r"[\w'’-]+")  # a word as a title after a name is read (see _lower_title)


def _holds_all(text: str, needs: Needs) -> bool:
    """Does the text hold a string of each clause? (Plain loops: a generator expression costs
    more than the tests.)"""
    for clause in needs:
        for string in clause:
            if string in text:
                break
        else:
            return False
    return True


# a lowercase word right before a name, after a space (a word of kin: "anh", "auntie")
_KIN_BEFORE = re.compile(r"(?:^|(?<=[\s,]))([^\W\d_A-Z][^\W\d_]*)[ \t]+$")


def _dict(value: object) -> dict[str, object]:
    """A rule's datum that is a mapping, or none."""
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _source(pattern: re.Pattern[str] | tuple[str, int]) -> tuple[str, int]:
    """A pattern's text and flags, as given to compile it."""
    if isinstance(pattern, tuple):
        return pattern
    return pattern.pattern, pattern.flags & ~re.UNICODE


def _optional(data: dict[str, object], key: str, suffix: str) -> re.Pattern[str] | None:
    found = data.get(key)
    return re.compile(str(found) + suffix, re.IGNORECASE) if found else None


def _opens_speech(text: str, at: int) -> bool:
    """Does a script's spoken line open at `at`: after a label's colon or dash, or an opening
    quote mark ('Open: "Hi Eva', "Greeting - 'Hello Sam")?"""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    # (a straight apostrophe after a letter is one of a word: "the clients' Hello Fresh")
    quoted = i >= 0 and text[i] in "\"'“‘" and not (text[i] == "'" and i and text[i - 1].isalnum())
    if quoted:
        return True
    return i >= 0 and (text[i] in ":—–" or (text[i] == "-" and i > 0 and text[i - 1] in " \t"))


def _sentence_start(text: str, at: int) -> bool:
    """Does a sentence (or a line) begin at `at`?"""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    while i >= 0 and text[i] in "\"'”’)]":
        i -= 1
    # a dash set off by spaces opens a clause too ("…going well - Chloé, I'd love…")
    return i < 0 or text[i] in ".!?\n" or (text[i] in "-—–" and i > 0 and text[i - 1] in " \t")


def _after_bullet(text: str, at: int) -> bool:
    """Does a bullet's item begin at `at` ("- Chloé, thanks for the intro")?"""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] in ".)" and i > 0 and text[i - 1].isdigit():
        i -= 1  # a numbered item ("1. Mr. Endo, my former manager")
        while i > 0 and text[i - 1].isdigit():
            i -= 1
    elif i < 0 or text[i] not in _BULLETS:
        return False
    i -= 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


class _Titled:
    """A name's match that starts earlier, at its title ("Mr. Webb"), or ends later, at its
    title in lowercase ("Rina apa")."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._start = start
        self._end = end

    def group(self, key: str) -> str:
        return self._text[self._start : self._end]

    def start(self, key: str = "name") -> int:
        return self._start

    def end(self, key: str = "name") -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


class _Joined:
    """A name's match with the groups of what was read around it ("next", "before")."""

    def __init__(self, name: _NameMatch, other: re.Match[str]) -> None:
        self._name = name
        self._other = other

    def group(self, key: str) -> str:
        return self._name.group(key) if key == "name" else self._other.group(key)

    def start(self, key: str = "name") -> int:
        return self._name.start(key)


# the capitalised word after a title and its full stop
_AFTER_TITLE = re.compile(r"\.?[ \t]+([^\W\d_][\w'’-]*)")


def _nicknamed(
    word: str,
    parts: frozenset[str],
    linked: Callable[[str], Collection[str]],
    endings: frozenset[str] = frozenset(),
) -> bool:
    """Is the word a nickname of one of the names, or the name of which one of them is a
    nickname, one step of the table `linked` reads (the `nicknames` package's English given
    names, see adapters/nicknames.py)? The word without a pet ending "s" counts too ("Becks":
    Beck, of Rebecca). A name that is the other with one of `endings` is a name of its own,
    whatever the table links (Louise is not Louis). (One step only: the table links names both
    ways, and two steps would join "Vicky" to Victor through "Vic".)"""
    words = {word} | ({word[:-1]} if len(word) > 4 and word.endswith("s") else set())
    for w in words:
        for p in parts.intersection(linked(w)):
            if not _other_ending(w, p, endings):
                return True
    return False


def _plain(token: str, folded: str) -> str:
    """A name's word as compared with the lists of words that are no names: folded, unless
    it is written with accents its folded form lacks ("Pál", "Máté"), which no English word
    of those lists has: then as written, lowercase."""
    core = _core(token)
    return folded if core.isascii() else core


# a Japanese long vowel as it is spelt in Latin letters besides the macron ("ou", "oo", "oh"
# before a consonant, "uu"): "Ryouta", "Ohno", "Yuusuke"
_LONG_VOWEL = re.compile(r"o[uo]|oh(?![aeiouy])|uu")


def romaji(word: str) -> str:
    """A name's word with its long vowels unspelt, as Japanese names are compared ("Ryōta",
    "Ryouta" and "Ryota" are one name; "Ōno", "Ohno", "Oono" another)."""
    folded = fold_accents(word.lower())
    return (
        _LONG_VOWEL.sub(lambda m: m.group(0)[0], folded)
        if "o" in folded or "u" in folded
        else folded
    )


def _lenited(word: str, parts: frozenset[str]) -> bool:
    """Is the word one of the names in the Irish or Scottish Gaelic vocative, its first
    consonant lenited by an "h" after it ("Phádraig" of Pádraig, "Chiaráin" of Ciarán, "Sheáin"
    of Seán, a man's name also slender before its last consonant)?"""
    if len(word) < 4 or word[1] != "h" or word[0] not in "bcdfgmpst":
        return False
    plain = word[0] + word[2:]
    if plain in parts:
        return True
    return any(
        len(p) >= 3 and plain[:i] + plain[i + 1 :] == p
        for i, c in enumerate(plain)
        if c == "i" and 0 < i < len(plain) - 1
        for p in parts
    )


_HIS = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_HERS = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def _sex_of_pronouns(notes: tuple[str, ...]) -> str:
    """The sex the notes on a person tell by their pronouns, where all are of one sex."""
    said = " ".join(notes)
    his, hers = _HIS.search(said) is not None, _HERS.search(said) is not None
    return "male" if his and not hers else "female" if hers and not his else ""


def _surname_slip(word: str, surnames: frozenset[str]) -> bool:
    """Is the word one of the family names misspelt: one letter added, dropped or changed
    ("Thwaites" to Thwaite, "Okafur" to Okafor), in a name of five letters or more?"""
    for name in surnames:
        if len(name) < 5 or word == name or "-" in word or abs(len(word) - len(name)) > 1:
            continue
        if len(word) == len(name):
            if sum(a != b for a, b in zip(word, name, strict=True)) == 1:
                return True
            continue
        short, long = sorted((word, name), key=len)
        if any(long[:i] + long[i + 1 :] == short for i in range(len(long))):
            return True
    return False


def _core(token: str) -> str:
    """A name's word as compared: lowercase, without a possessive or trailing punctuation."""
    return re.sub(r"['’]s$", "", token.lower().strip(".,'’-"))


def initials_of(person: str) -> frozenset[str]:
    """The initials a person may be called by: of all their names, of their given names (all
    but the last) and of their first and last names ("MJF", "MJ", "MF" of Maria José
    Figueiredo; "JB" of Jean-Baptiste Martin), of two capitals or three."""
    words = [[p[:1].upper() for p in w.split("-") if p[:1].isalpha()] for w in person.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return frozenset()
    forms = {
        "".join(c for w in words for c in w),
        "".join(c for w in words[:-1] for c in w),
        words[0][0] + words[-1][0],
    }
    return frozenset(f for f in forms if 2 <= len(f) <= 3)


def same_person(
    token: str,
    recipient_parts: frozenset[str],
    endings: frozenset[str] = frozenset(),
    surnames: frozenset[str] = frozenset(),
) -> bool:
    """Is this word of a name one of the recipient's (or a short form of one: Dan, Daniel)?
    A name that is another's with one of `endings` added is a name of its own: Helen is not
    Helena, Victor is not Victoria, Graham is not Grahame. A family name (`surnames`) with
    letters added is another family name ("Hartley" is not Hart, "Holten" not Holt,
    "Thwaites" not Thwaite), though a given name may be written out in full ("Samuel" for
    Sam) and a family name joined to another ("Gordon-Bailey")."""
    t = fold_accents(_core(token))
    return t in recipient_parts or any(
        len(t) >= 3
        and (p.startswith(t) or (t.startswith(p) and (p not in surnames or t[len(p)] in "-‐")))
        and not _other_ending(t, p, endings)
        for p in recipient_parts
    )


def _other_ending(a: str, b: str, endings: frozenset[str]) -> bool:
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 4 and long[len(short) :] in endings
