"""The letter check: findings with a stable rule id, a message and the span they concern.

Reads a letter in its context (which opportunity, which recipient, which kind). Every rule's words
and patterns come from the rulebook (data); what is computed here is how they apply. A pattern
runs only when the letter contains a string every match of it needs (see `required_literals`):
most letters are clean, so most patterns never run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from followup.domain.letters.addressing import Addressing, same_person
from followup.domain.letters.companies import LINK, other_companies
from followup.domain.letters.context import LetterContext, fold_accents
from followup.domain.letters.rulebook import Condition, Probe, Rule, Rulebook, active
from followup.domain.letters.text import WORD, sentences, stem, words

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d[\d\s().-]{6,}\d)")
_WORD_CHARS = re.compile(r"\w+")
_NON_DIGITS = re.compile(r"\D+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_PLACEHOLDER_NAME = re.compile(r"X+|\[.*|\(.*|<.*|\{.*")


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    start: int
    end: int
    rule: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "message": self.message, "start": self.start, "end": self.end}


class Dictionary(Protocol):
    def known(self, word: str) -> bool: ...

    def suggest(self, word: str) -> str | None: ...


class _Letter:
    """A letter's text with what several rules need, each computed once and only if asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()

    def active(
        self, patterns: tuple[re.Pattern[str], ...], probes: tuple[Probe, ...]
    ) -> list[re.Pattern[str]]:
        """The patterns that could match this letter."""
        return active(patterns, probes, self.lowered, self.word_set)

    @cached_property
    def word_set(self) -> set[str]:
        return set(_WORD_CHARS.findall(self.lowered))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences(self.text)

    @cached_property
    def tokens(self) -> list[str]:
        """The words, lowercased: cheap, for counting and looking up."""
        return WORD.findall(self.lowered)

    @cached_property
    def words(self) -> list[re.Match[str]]:
        """The words with their places in the text: only for the letters that need a span."""
        return list(words(self.text))

    @cached_property
    def stems(self) -> set[str]:
        return {stem(t) for t in self.tokens}

    @cached_property
    def prefixes(self) -> set[str]:
        """The first five letters of every word of six letters or more."""
        return {t[:5] for t in self.tokens if len(t) >= 6}

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def lowercase_voice(self) -> bool:
        """Written without capitals ("hi renée, thanks for…"): case then tells nothing."""
        initials = [self.text[s] for s in self.sentence_starts if self.text[s].isalpha()]
        lower = sum(1 for c in initials if c.islower())
        return len(initials) >= 2 and lower * 2 > len(initials)

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= start < e + 1:
                return s, max(e, min(end, len(self.text)))
        return start, end


class LetterChecker:
    def __init__(self, rules: Rulebook, dictionary: Dictionary | None = None) -> None:
        self.rules = rules
        self.dictionary = dictionary
        self._addressing = Addressing(rules["wrong-name"].data)
        thanks = rules["missing-thanks"].data.get("not_thanks", [])
        self._not_thanks = tuple(re.compile(str(p), re.IGNORECASE) for p in thanks)

    def check(self, text: str, ctx: LetterContext) -> list[Finding]:
        letter = _Letter(text)
        found: list[Finding] = []
        found += self._placeholders(letter)
        found += self._wrong_company(letter, ctx)
        found += self._wrong_name(letter, ctx)
        found += self._phrases(letter, self.rules["flattery"])
        found += self._phrases(letter, self.rules["needy"])
        found += self._asks_decision(letter)
        found += self._too_long(letter, ctx)
        found += self._missing_thanks(letter, ctx)
        found += self._missing_contact(text, ctx)
        found += self._missing_recap(letter, ctx)
        found += self._new_topic(letter, ctx)
        if self.dictionary is not None:
            found += self._spelling(letter, ctx, self.dictionary)
        return sorted(set(found))

    # -- rules --------------------------------------------------------------------------------
    def _placeholders(self, letter: _Letter) -> Iterator[Finding]:
        rule = self.rules["placeholder"]
        allowed = rule.words("allowed")
        taken: list[tuple[int, int]] = []
        for pattern in active(
            rule.patterns, rule.pattern_triggers, letter.lowered, letter.word_set
        ):
            for m in pattern.finditer(letter.text):
                if m.group(0).lower() in allowed or _overlaps(m.span(), taken):
                    continue
                taken.append(m.span())
                yield _finding(rule, m.start(), m.end(), match=m.group(0))

    def _wrong_company(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["wrong-company"]
        candidates = _others(ctx, ctx.directory.companies, letter)
        if not candidates and "." not in letter.text and "@" not in letter.text:
            return
        dictionary = self.dictionary
        for start, end, opportunity in other_companies(
            letter.text,
            ctx,
            candidates,
            rule.words("legal_suffixes"),
            dictionary.known if dictionary is not None else None,
            letter.lowercase_voice,
        ):
            yield _finding(rule, start, end, match=letter.text[start:end], opportunity=opportunity)

    def _wrong_name(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["wrong-name"]
        recipient_parts = ctx.recipient_parts
        text = letter.text
        known = ctx.directory.person_words | ctx.people_parts
        for found in self._addressing.addressed(text, ctx, letter.sentence_starts, known):
            if _PLACEHOLDER_NAME.fullmatch(found.words[0]):
                continue  # a placeholder, reported as such
            if all(same_person(t, recipient_parts) for t in found.words):
                continue
            yield _finding(
                rule,
                found.start,
                found.end,
                match=text[found.start : found.end],
                recipient=ctx.recipient,
            )
        # a person from another opportunity named anywhere: a letter copied from another one
        mine = ctx.people_parts | recipient_parts
        for person, _ in _others(ctx, ctx.directory.people, letter):
            if person not in text or any(fold_accents(p.lower()) in mine for p in person.split()):
                continue
            for m in re.finditer(rf"\b{re.escape(person)}\b", text):
                yield _finding(rule, m.start(), m.end(), match=m.group(0), recipient=ctx.recipient)

    def _phrases(self, letter: _Letter, rule: Rule) -> Iterator[Finding]:
        taken: list[tuple[int, int]] = []
        for pattern in active(
            rule.patterns, rule.pattern_triggers, letter.lowered, letter.word_set
        ):
            condition = rule.condition(pattern)
            for m in pattern.finditer(letter.text):
                if _overlaps(m.span(), taken) or not _holds(condition, letter, m):
                    continue
                taken.append(m.span())
                yield _finding(
                    rule, m.start(), m.end(), match=m.group(0), **{"class": _label(condition)}
                )

    def _asks_decision(self, letter: _Letter) -> Iterator[Finding]:
        """A question about the decision, or a request to be told it (003)."""
        rule = self.rules["asks-decision"]
        questions = (
            active(rule.questions, rule.question_triggers, letter.lowered, letter.word_set)
            if "?" in letter.text
            else []
        )
        requests = active(rule.requests, rule.request_triggers, letter.lowered, letter.word_set)
        if not (questions or requests):
            return
        text = letter.text
        for start, end in letter.sentences:
            sentence = text[start:end]
            asked = sentence.rstrip(" \"'”’)").endswith("?")
            if (asked and _any_holds(rule, questions, sentence)) or _any_holds(
                rule, requests, sentence
            ):
                yield _finding(rule, start, end, match=sentence.strip())

    def _too_long(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["too-long"]
        limits = rule.data.get("limits", {})
        limit = int(limits.get(ctx.kind, limits.get("default", 250)))
        count = len(letter.tokens)
        if count > limit:
            yield _finding(
                rule,
                letter.words[limit].start(),
                len(letter.text.rstrip()),
                words=count,
                limit=limit,
                kind=ctx.kind.replace("_", "-"),
            )

    def _missing_thanks(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        """Thanks that thank the recipient: not "thanks to the snow", "I'd be grateful if you
        could…" or "I appreciate that the market is slow" (001, 003, 004)."""
        rule = self.rules["missing-thanks"]
        if ctx.kind not in rule.data.get("kinds", []):
            return
        text = letter.text
        patterns = active(rule.patterns, rule.pattern_triggers, letter.lowered, letter.word_set)
        exclusions: list[tuple[int, int]] | None = None
        for pattern in patterns:
            for m in pattern.finditer(text):
                if exclusions is None:
                    exclusions = self._not_thanks_spans(text, ctx)
                if not any(s <= m.start() < e for s, e in exclusions):
                    return
        yield _finding(rule, 0, len(text.rstrip()), kind=ctx.kind.replace("_", "-"))

    def _not_thanks_spans(self, text: str, ctx: LetterContext) -> list[tuple[int, int]]:
        spans = []
        for pattern in self._not_thanks:
            for m in pattern.finditer(text):
                who = m.groupdict().get("who")
                if who and same_person(who, ctx.recipient_parts):
                    continue  # "thanks to Renée" in a letter to Renée thanks her
                spans.append(m.span())
        return spans

    def _missing_contact(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["missing-contact"]
        if ctx.kind not in rule.data.get("kinds", []):
            return
        if ctx.candidate_email and ctx.candidate_email.lower() in text.lower():
            return
        digits = _NON_DIGITS.sub("", text)
        phone = _NON_DIGITS.sub("", ctx.candidate_phone)
        if len(phone) >= 7 and phone[-7:] in digits:
            return
        if not (ctx.candidate_email or len(phone) >= 7) and (
            _EMAIL.search(text) or _PHONE.search(text)
        ):
            return  # no contact details on file: any address or number will do
        end = len(text.rstrip())
        yield _finding(rule, end, end)

    def _missing_recap(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        """A letter to someone who decides names at least one topic discussed with them: half
        of a topic's words or more, not only generic ones, or one long distinctive word of it
        ("reactivation" for "reactivating lapsed customers"). Words match on their stems or
        their first five letters ("expansion", "expand") (001, 003)."""
        rule = self.rules["missing-recap"]
        if ctx.kind not in rule.data.get("kinds", []) or not ctx.decision_maker or not ctx.topics:
            return
        stop, weak = rule.words("stopwords"), rule.words("weak")
        present = letter.stems
        prefixes = letter.prefixes
        for topic in ctx.topics:
            content = [w.group(0).lower() for w in words(topic) if w.group(0).lower() not in stop]
            if not content:
                continue
            hits = [w for w in content if stem(w) in present or (len(w) >= 6 and w[:5] in prefixes)]
            needed = max(1, (len(content) + 1) // 2)
            strong = [w for w in hits if w not in weak and stem(w) not in weak]
            if (len(hits) >= needed and strong) or any(len(w) >= 9 for w in strong):
                return
        yield _finding(
            rule,
            0,
            len(letter.text.rstrip()),
            recipient=ctx.recipient,
            topics="; ".join(ctx.topics),
        )

    def _new_topic(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        """Personal or unrelated matters, unless the interview notes mention them (003)."""
        rule = self.rules["new-topic"]
        patterns = active(rule.patterns, rule.pattern_triggers, letter.lowered, letter.word_set)
        if not patterns:
            return
        noted: set[str] | None = None
        reported: set[tuple[int, int]] = set()
        text = letter.text
        for pattern in patterns:
            condition = rule.condition(pattern)
            for m in pattern.finditer(text):
                if noted is None:
                    stop = self.rules["missing-recap"].words("stopwords")
                    noted = {
                        stem(w.group(0))
                        for note in ctx.notes
                        for w in words(note)
                        if w.group(0).lower() not in stop
                    }
                if {stem(w.group(0)) for w in words(m.group(0))} & noted:
                    continue  # the interview notes mention it: not a new topic
                if not _holds(condition, letter, m):
                    continue
                span = _sentence_around(text, m.start(), m.end())
                if span not in reported:  # one finding a sentence
                    reported.add(span)
                    yield _finding(
                        rule, span[0], span[1], match=m.group(0), **{"class": _label(condition)}
                    )

    def _spelling(
        self, letter: _Letter, ctx: LetterContext, dictionary: Dictionary
    ) -> Iterator[Finding]:
        rule = self.rules["spelling"]
        shortest = int(rule.data.get("min_length", 3))
        text = letter.text
        # Set differences in C first: most letters have no word the dictionary lacks.
        suspects = set(letter.tokens) - ctx.vocabulary - ctx.directory.words
        known = getattr(dictionary, "words", None)
        if isinstance(known, (set, frozenset)):
            suspects -= known
        suspects = {w for w in suspects if len(w) >= shortest and not dictionary.known(w)}
        if not suspects:
            return
        skip: list[tuple[int, int]] | None = None
        for m in letter.words:
            word = m.group(0)
            lowered = word.lower()
            if lowered not in suspects:
                continue
            if skip is None:
                skip = [e.span() for e in _EMAIL.finditer(text)]
                skip += [u.span() for u in _URL.finditer(text)]
                skip += [link.span() for link in LINK.finditer(text)]  # file names too
            if _overlaps(m.span(), skip):
                continue
            word = word.replace("’", "'")
            bare = re.sub(r"'s$", "", word)
            lowered = bare.lower()
            if (
                lowered in ctx.vocabulary
                or lowered in ctx.directory.words
                or _is_acronym(bare)
                or dictionary.known(lowered)
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
def _finding(rule: Rule, start: int, end: int, **values: object) -> Finding:
    try:
        message = rule.message.format(**values)
    except (KeyError, IndexError, ValueError):
        message = rule.message
    if rule.source and rule.source != "DESIGN":
        message = f"{message} (article {rule.source})"
    return Finding(start, end, rule.id, message)


def _others(
    ctx: LetterContext, index: dict[str, tuple[tuple[str, str], ...]], letter: _Letter
) -> list[tuple[str, str]]:
    """Entries of other opportunities whose first word is a word of the letter."""
    found = []
    for word in letter.word_set:
        for name, opportunity in index.get(word, ()):
            if opportunity != ctx.opportunity:
                found.append((name, opportunity))
    return found


def _holds(condition: Condition, letter: _Letter, m: re.Match[str]) -> bool:
    """Do the pattern's conditions hold in the sentence of the match?"""
    if condition.plain:
        return True
    start, end = letter.sentence_of(m.start(), m.end())
    return _holds_in(condition, letter.text[start:end], m.start() - start)


def _holds_in(condition: Condition, sentence: str, at: int) -> bool:
    if condition.requires is not None and not condition.requires.search(sentence):
        return False
    if condition.unless is not None and condition.unless.search(sentence):
        return False
    return condition.unless_before is None or not condition.unless_before.search(sentence[:at])


def _any_holds(rule: Rule, patterns: list[re.Pattern[str]], sentence: str) -> bool:
    for pattern in patterns:
        condition = rule.condition(pattern)
        for m in pattern.finditer(sentence):
            if condition.plain or _holds_in(condition, sentence, m.start()):
                return True
    return False


def _label(condition: Condition) -> str:
    return condition.label or "your pattern"


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


_SENTENCE_START = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], as `sentences` would cut it."""
    for span in sentences(text[_line_start(text, start) : _line_end(text, end)]):
        offset = _line_start(text, start)
        if offset + span[0] <= start < offset + span[1] + 1:
            return offset + span[0], offset + span[1]
    return start, end


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def _is_acronym(word: str) -> bool:
    core = word[:-1] if word.endswith("s") else word
    return len(core) >= 2 and core.isupper()


def _sentence_initial(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"
