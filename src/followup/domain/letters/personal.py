"""Sentences about the writer's or the reader's private life, found by what they are about rather
than by a phrase (article 003: a follow-up letter sticks to the interview).

The rule's data holds a lexicon of personal-life domains (leisure time, food and drink, travel,
family and home, pets, culture, sport and fitness, health, faith, politics and gossip, causes,
social media), frames that turn a sentence to private life ("have you ever been", "by the
way", "if you know anyone"), pleasantries whose words count for nothing ("have a good
weekend") and the words of work ("client", "tender", "course"). A sentence is about private
life when it holds two or more of the lexicon's entries or frames, at least one of them an
entry of a subject (leisure time, "Saturday", "the weekend", only says when; an entry the
writer owns, "my band", counts twice), and no word of work, of the interview's notes and
topics, of the company or of the role: one word alone ("coffee", "the exhibition") is not a
topic.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from followup.domain.letters.loosen import loosened
from followup.domain.letters.text import stem

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

_WORD_CHARS = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


def _is_word(text: str, at: int) -> bool:
    """Is the character at `at` one `\\w` reads?"""
    return _WORD_CHAR.match(text, at) is not None


@dataclass(frozen=True)
class Hit:
    """Where a letter names private life, and the domains and lexicon entries it names."""

    start: int
    end: int
    domains: tuple[str, ...]
    entries: tuple[str, ...]


class Lexicon:
    """The rule's personal-life lexicon, compiled once. Its entries match as written (lowercase):
    a stem would read "my train" as "training" and "my court" as "courts"; the words of work
    match on their stems."""

    def __init__(
        self,
        data: dict[str, Any],
        extra: Mapping[str, str] | None = None,
        compiler: Callable[[str, int], re.Pattern[str]] = re.compile,
    ) -> None:
        # what compiles the lexicon's patterns: the rulebook's, which may read them from kept code
        self._compiler = compiler
        self.threshold = int(data.get("threshold", 2))
        self.singles: dict[str, tuple[str, str]] = {}  # word -> (domain, entry)
        self.domain_of: dict[str, str] = {}  # entry -> domain
        self.phrases: dict[str, list[tuple[tuple[str, ...], int, str, str]]] = {}  # key word -> …
        for domain, entries in dict(data.get("lexicon", {})).items():
            for entry in entries:
                self.domain_of.setdefault(str(entry), domain)
                parts = tuple(_WORD_CHARS.findall(str(entry).lower()))
                if len(parts) == 1:
                    self.singles.setdefault(parts[0], (domain, entry))
                elif parts:  # found by its longest word, the rarest: "night" of "last night"
                    key = max(range(len(parts)), key=lambda i: (len(parts[i]), i))
                    self.phrases.setdefault(parts[key], []).append((parts, key, domain, entry))
        self.firsts = frozenset(self.singles) | frozenset(self.phrases)
        # the words of private life a word list brings (`extra`: "durian" -> food and drink),
        # after the rule's own: they count only as written in lowercase, the way a noun of
        # the kind is written ("Jonathan" is a name, "jonathan" an apple)
        self.extra: Mapping[str, str] = extra or {}
        self.lowercase_only = frozenset(self.extra.keys() - self.firsts)
        # the words that, after a word of food ("the tomato season", "the mango harvest"),
        # name the crop's time, a trade's, not a sport's
        self.harvests = frozenset(str(w).lower() for w in data.get("harvests", []))
        self.firsts |= self.lowercase_only
        self.owners = frozenset(str(w).lower() for w in data.get("owners", []))
        # the pursuits a word belongs to ("race": running, cycling, swimming; "nets": cricket):
        # the notes' own pursuit named in other words of it is no new topic. The notes hold a
        # pursuit by one of its names ("marathon", "cricket"), not by a word of it that has
        # other senses ("three years running", "sales training").
        self.pursuits: dict[str, frozenset[str]] = {}
        self.named: dict[str, frozenset[str]] = {}
        for pursuit, entries in dict(data.get("pursuits", {})).items():
            for part in ("names", "words"):
                for entry in dict(entries).get(part, []):
                    for word in _WORD_CHARS.findall(str(entry).lower()):
                        self.pursuits[word] = self.pursuits.get(word, frozenset()) | {pursuit}
                        if part == "names":
                            self.named[word] = self.named.get(word, frozenset()) | {pursuit}
        # domains that say when, not what ("Saturday", "the weekend"): never the subject alone
        self.support = frozenset(str(d) for d in data.get("support", []))
        # what records an occasion ("the photos", "the video"): of the notes' own pursuit, that
        # pursuit still ("the photos from the concert" to the singer whose choir they name)
        self.records = frozenset(str(w).lower() for w in data.get("records", []))
        # domains a sentence praising the reader's family is about already: flattery alone
        self.flattered = frozenset(str(d) for d in data.get("flattered", [])) | self.support
        # the words for the reader's people ("son", "wife"): notes that name one ("her son's
        # cricket trials") note what is said of them, not everything about them
        self.people = frozenset(str(w).lower() for w in data.get("people", []))
        self.work = frozenset(
            stem(w) for e in data.get("work", []) for w in _WORD_CHARS.findall(str(e).lower())
        )
        self._frames = [str(p) for p in data.get("frames", [])]
        self._pleasantries = [str(p) for p in data.get("pleasantries", [])]
        # a word of the lexicon as the head of a word of trade ("the packing houses", "house
        # brands", "the harvest season", "every season" of a trade): it counts for nothing
        self._pleasantries += [str(p) for p in data.get("trade_senses", [])]
        # the people at work named only as those a private offer is for ("in case anyone at
        # your office is interested"): their workplace does not make the sentence about work
        self._audiences = [str(p) for p in data.get("audiences", [])]
        # idioms whose word of work says nothing of work ("the childminder is working out")
        self._audiences += [str(p) for p in data.get("not_work", [])]

    # compiled when a sentence first needs them: most letters hold no entry of the lexicon
    @cached_property
    def frames(self) -> list[re.Pattern[str]]:
        return [self._compiler(p, re.IGNORECASE) for p in self._frames]

    @cached_property
    def pleasantries(self) -> list[re.Pattern[str]]:
        return [self._compiler(p, re.IGNORECASE) for p in self._pleasantries]

    @cached_property
    def any_pleasantry(self) -> re.Pattern[str] | None:
        """One pattern that matches where any pleasantry does (where none matches, none is
        taken out); None where they cannot be joined so (a back-reference, a flag of its own)."""
        given = self._pleasantries
        if not given or any(re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]+\)", p) for p in given):
            return None
        try:
            return self._compiler("|".join(f"(?:{p})" for p in given), re.IGNORECASE)
        except re.error:
            return None

    @cached_property
    def pleasantry_form(self) -> bytes | None:
        """The looser form (see loosen.py) of `any_pleasantry`: where an engine finds it nowhere
        in a sentence of a letter, the sentence holds no pleasantry. None where there is none,
        or where it reads case (a sentence is searched in lowercase, the engine reads the
        letter as written)."""
        joined = self.any_pleasantry
        form = None if joined is None else loosened(joined.pattern, joined.flags)
        return form if form is not None and form.startswith(b"(?i)") else None

    @cached_property
    def audiences(self) -> list[re.Pattern[str]]:
        return [self._compiler(p, re.IGNORECASE) for p in self._audiences]

    def pursued(self, text: str) -> frozenset[str]:
        """The pursuits a text names (the notes': "the Patagonian marathon", running; "his
        cycling club", cycling)."""
        found: frozenset[str] = frozenset()
        for word in _WORD_CHARS.findall(text.lower()):
            found |= self.named.get(word, frozenset())
        return found

    def entries(self, text: str) -> dict[str, str]:
        """The entries of the lexicon a text holds, each with its domain ("wedding": family
        and home)."""
        return self._entries(_WORD_CHARS.findall(text.lower()))[0]

    def kindred(self, words: list[str], noted: frozenset[str]) -> bool:
        """Are the words a pursuit the notes hold, in other words of it: every word of a
        pursuit among them belongs to one of the notes' pursuits, and there is one ("tips on
        training for a race" to the marathon runner; not "the football" to the cricketer's
        mother)?"""
        kin = [self.pursuits[w] for w in words if w in self.pursuits]
        return bool(kin) and all(p & noted for p in kin)

    def sentences(
        self,
        text: str,
        spans: list[tuple[int, int]],
        letter_words: set[str],
        context: frozenset[str],
        words: set[str] | None = None,
        noted: frozenset[str] = frozenset(),
        noted_words: frozenset[str] = frozenset(),
        loose: Callable[[bytes, int, int], bool] | None = None,
    ) -> Iterator[Hit]:
        """The sentences (of `spans`) about private life. `context` holds the stems that tie a
        sentence to the interview: its notes and topics, the company and the role. `words`:
        the words of `text` (`\\w+`, lowercase), when the caller has them; `noted` the
        pursuits of the notes (see `kindred`), `noted_words` the notes' words (lowercase): a
        sentence about the notes' own person doing the notes' pursuit ("your son's season" to
        the mother of a cricketer) is no new topic. The words of an entry found ("a climbing
        partner", "from the stands") are not words of work. `loose`: whether a looser form
        matches inside text[start:end] (an engine's, where the caller has one): asked of the
        looser form of every pleasantry in a sentence, it spares most sentences a search for one
        (which takes some ten microseconds a sentence; the engine takes one)."""
        if not letter_words & self.firsts:
            return
        chosen = self._holding(text, spans, words)
        form = self.pleasantry_form if loose is not None else None
        weak: list[tuple[int, int, int, int, dict[str, str]]] = []
        for index, (start, end) in enumerate(spans):
            if chosen is not None and (start, end) not in chosen:
                continue  # it holds no word of the lexicon
            lowered = text[start:end].lower()
            tokens = _WORD_CHARS.findall(lowered)
            if not self.firsts.intersection(tokens):
                continue
            # "have a lovely weekend" says nothing; most sentences hold no pleasantry, which
            # one search for any of them tells (then the words are those already read)
            kept = tokens
            if self.any_pleasantry is None or (
                (form is None or loose is None or loose(form, start, end))
                and self.any_pleasantry.search(lowered)
            ):
                for pleasantry in self.pleasantries:
                    lowered = pleasantry.sub(lambda m: " " * len(m.group(0)), lowered)
                kept = _WORD_CHARS.findall(lowered)
            found, owned = self._entries(kept)
            if found and self.lowercase_only:
                found = self._as_written(found, text[start:end])
            if found and noted_words:
                # a word the notes themselves use ("the dealer ordering app"), too short to
                # tie the sentence to them by `context`: the notes' matter, not private life
                found = {
                    entry: domain
                    for entry, domain in found.items()
                    if entry.lower() in self.people
                    or not set(_WORD_CHARS.findall(entry.lower())) <= noted_words
                }
            if not found or len(found) + owned + len(self._frames) < self.threshold:
                continue
            if all(domain in self.support for domain in found.values()):
                continue  # "on a Saturday morning, part of your weekend": when, not what
            if noted_words and all(
                domain in self.support
                or (entry.lower() in self.people and entry.lower() in noted_words)
                for entry, domain in found.items()
            ):
                # the notes' own person and when, nothing else ("good luck to your son this
                # weekend" where the notes hold his son's rugby): the reader's matter again
                continue
            if noted and self._pursuit_of_the_notes(found, noted, noted_words):
                continue  # the notes' own pursuit ("the nets sessions before his trials")
            score = len(found) + owned
            for frame in self.frames:
                if score >= self.threshold:
                    break
                score += frame.search(lowered) is not None
            if self._audiences:
                about = text[start:end].lower()
                for audience in self.audiences:
                    about = audience.sub(" ", about)
                tokens = _WORD_CHARS.findall(about)
            present = {stem(w) for w in tokens}
            tied = [s for s in present if len(s) >= 4 and s in context]
            if (
                tied
                and not (
                    score >= self.threshold
                    and "travel" not in found.values()  # (a trip there may be the job's)
                    and self._named_only(tied, text[start:end])
                )
            ):
                continue  # about the interview: its notes, topics, company or role
            inside = {w for e in found for w in _WORD_CHARS.findall(e.lower())}
            if not self.work.isdisjoint(stem(w) for w in tokens if w not in inside):
                continue  # about the work
            if score < self.threshold:  # one entry: the sentences beside it may say more
                weak.append((index, start, end, score, found))
                continue
            domains = tuple(dict.fromkeys(found.values()))
            yield Hit(start, end, domains, tuple(found))
        # one entry of a subject ("the durian") in a passage about private life: the sentences
        # of the same line beside it, themselves tied to no work, bring entries or frames of
        # their own ("have you tried …", "if you fancy it") that make it a topic
        for index, start, end, score, found in weak:
            for other in (index - 1, index + 1):
                if not 0 <= other < len(spans):
                    continue
                near_start, near_end = spans[other]
                if "\n" in text[min(end, near_end) : max(start, near_start)]:
                    continue  # another line: a P.S., a bullet, another paragraph
                score += self._evidence(text[near_start:near_end], context)
            if score >= self.threshold:
                yield Hit(start, end, tuple(dict.fromkeys(found.values())), tuple(found))

    @staticmethod
    def _named_only(tied: list[str], sentence: str) -> bool:
        """Is the one word a sentence shares with the interview a proper name, written only
        with a capital ("a pen pal in Bursa", "our old nanny has just moved to Uppsala", where
        the notes name the Bursa mill or the company is Uppsala Diagnostics)? A place or a name
        alone says where or who, not what: the sentence is about what its entries of private
        life are about. Two such words ("Kisumu Agritech") or a word of the notes in lowercase
        ("the mill", "orders") tie it to the interview."""
        if len(tied) != 1:
            return False
        first = True  # (a word that opens the sentence has its capital from its place)
        for m in _WORD_CHARS.finditer(sentence):
            word = m.group(0)
            if stem(word.lower()) == tied[0] and (first or word[:1].islower() or word.isupper()):
                return False
            first = False
        return True

    def _evidence(self, sentence: str, context: frozenset[str]) -> int:
        """What a sentence beside one about private life adds to it: its entries of the
        lexicon, whose writer owns one, and its frames; nothing where it is tied to the work or
        the interview, or holds none of them."""
        lowered = sentence.lower()
        for pleasantry in self.pleasantries:
            lowered = pleasantry.sub(lambda m: " " * len(m.group(0)), lowered)
        tokens = _WORD_CHARS.findall(lowered)
        present = {stem(w) for w in tokens}
        if any(s in context for s in present if len(s) >= 4) or not self.work.isdisjoint(present):
            return 0
        found, owned = self._entries(tokens)
        if found and self.lowercase_only:
            found = self._as_written(found, sentence)
        return len(found) + owned + sum(f.search(lowered) is not None for f in self.frames)

    def _as_written(self, found: dict[str, str], sentence: str) -> dict[str, str]:
        """The entries found, less those of the word list the sentence writes only with a
        capital ("Jonathan", "Turkey")."""
        return {
            entry: domain
            for entry, domain in found.items()
            if entry not in self.lowercase_only
            or re.search(rf"(?<!\w){re.escape(entry)}(?!\w)", sentence) is not None
        }

    def _pursuit_of_the_notes(
        self, found: dict[str, str], noted: frozenset[str], noted_words: frozenset[str]
    ) -> bool:
        """Are the entries found the notes' own pursuit, said in other words of it, with
        perhaps the words of when and the notes' own person ("your son's season" where the
        notes hold "her son's cricket trials"; not "your son's new school")?"""
        kin = False
        for entry in found:
            if self.kindred(_WORD_CHARS.findall(entry.lower()), noted):
                kin = True
            elif self.domain_of.get(entry) in self.support or entry.lower() in self.records:
                continue
            elif not (entry.lower() in self.people and entry.lower() in noted_words):
                return False
        return kin

    def _holding(
        self, text: str, spans: list[tuple[int, int]], words: set[str] | None
    ) -> set[tuple[int, int]] | None:
        """The spans that may hold a word of the lexicon (a first word of an entry), found by
        looking each such word of the letter up in the whole text once, rather than reading
        every sentence's words: a letter of 300 words has twenty sentences and two or three
        of them hold one. Exact: a span is left out only where the text read as a whole shows
        it holds none of them (or only words phrases are found by, each without a word of its
        phrases anywhere in the text: no entry can be read there). None (read every span) where
        a span's text in lowercase is not the same as the letter's in lowercase at its place (a
        character that changes length or reads differently in lowercase at the end of a word:
        "İ", "Σ")."""
        lowered = text.lower()
        if len(lowered) != len(text) or "Σ" in text:
            return None
        if words is None:
            words = set(_WORD_CHARS.findall(lowered))
        # a word that is no entry by itself, only the word a phrase is found by ("team" of
        # "quiz team"), stands for nothing where the text lacks another word of each of its
        # phrases: most letters say "team", "first" and "one" and hold no phrase of them
        only = self._phrases_only
        firsts = [
            word
            for word in self.firsts.intersection(words)
            if word not in only or any(parts <= words for parts in only[word])
        ]
        chosen: set[tuple[int, int]] = set()
        size = len(text)
        previous = 0
        for start, end in spans:
            if start < previous:
                return None  # spans out of order or overlapping: read every one
            previous = end
        # a span cut inside a word reads a word of its own there: read it as ever (sentences
        # are not cut so: what stands around each is looked at in one search first)
        edges = "".join(lowered[e : e + 1] + lowered[s - 1 : s] for s, e in spans if s)
        edges += "".join(lowered[e : e + 1] for s, e in spans if not s)
        if _WORD_CHAR.search(edges):
            for start, end in spans:
                if (start and _is_word(lowered, start - 1) and _is_word(lowered, start)) or (
                    0 < end < size and _is_word(lowered, end - 1) and _is_word(lowered, end)
                ):
                    chosen.add((start, end))
        starts = [s for s, _ in spans]
        for word in firsts:
            length = len(word)
            at = lowered.find(word)
            while at >= 0:
                after = at + length
                if not (at and _is_word(lowered, at - 1)) and not (
                    after < size and _is_word(lowered, after)
                ):
                    i = bisect_right(starts, at) - 1
                    if i >= 0 and after <= spans[i][1]:
                        chosen.add(spans[i])
                at = lowered.find(word, at + 1)
        return chosen

    @cached_property
    def _phrases_only(self) -> dict[str, tuple[frozenset[str], ...]]:
        """The words phrases are found by that are no entry by themselves, each with the words
        of its phrases."""
        return {
            word: tuple(frozenset(parts) for parts, _, _, _ in found)
            for word, found in self.phrases.items()
            if word not in self.singles
        }

    def beyond_praise(self, hit: Hit, praised: frozenset[str]) -> bool:
        """Does a sentence that praises the reader's family bring in more of private life than
        the family praised: an entry of another domain that is not the thing praised ("your
        wife's exhibition at the gallery", but not "the photos of your family")?"""
        return any(
            self.domain_of.get(e) not in self.flattered and e.lower() not in praised
            for e in hit.entries
        )

    def _domain(self, word: str) -> str | None:
        """The domain of a word that is an entry by itself."""
        if word in self.singles:
            return self.singles[word][0]
        return self.extra.get(word) if word in self.lowercase_only else None

    def _entries(self, tokens: list[str]) -> tuple[dict[str, str], int]:
        """The lexicon's entries among the words (entry -> domain), and 1 if the writer owns
        one of them ("my band", "our new kitchen": the writer's own life), else 0."""
        found: dict[str, str] = {}
        owned = 0
        for i, word in enumerate(tokens):
            at = -1
            if word in self.harvests and i and self._domain(tokens[i - 1]) == "food and drink":
                continue
            if word in self.singles:
                domain, entry = self.singles[word]
                found[entry] = domain
                at = i
            elif word in self.lowercase_only:
                found[word] = self.extra[word]
                at = i
            for parts, key, domain, entry in self.phrases.get(word, ()):
                first = i - key
                if first >= 0 and tuple(tokens[first : first + len(parts)]) == parts:
                    found[entry] = domain
                    at = first
            if at >= 0 and not owned and self.owners.intersection(tokens[max(0, at - 2) : at]):
                owned = 1
        return found, owned
