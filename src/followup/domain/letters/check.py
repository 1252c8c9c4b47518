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

from followup.domain.letters.context import LetterContext
from followup.domain.letters.rulebook import Probe, Rule, Rulebook, active
from followup.domain.letters.text import WORD, fold, sentences, stem, words

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d[\d\s().-]{6,}\d)")
_WORD_CHARS = re.compile(r"\w+")
_NON_DIGITS = re.compile(r"\D+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SALUTATION_LINE = re.compile(r"^[ \t]*(?P<line>[^\n]{1,80})$", re.MULTILINE)
_VOCATIVE = re.compile(
    r"\b(?i:thank\s+you|thanks|hello|hi|dear)\s*,\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s*[,.!]"
)
_NAME = re.compile(r"[\s,]*((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2})")
_PLACEHOLDER_NAME = re.compile(r"X+|\[.*|\(.*|<.*|\{.*")


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    start: int
    end: int
    rule: str
    message: str


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


class LetterChecker:
    def __init__(self, rules: Rulebook, dictionary: Dictionary | None = None) -> None:
        self.rules = rules
        self.dictionary = dictionary
        self._greetings = tuple(
            sorted(rules["wrong-name"].words("salutations"), key=len, reverse=True)
        )

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
        suffixes = rule.words("legal_suffixes")
        own: list[tuple[int, int]] | None = None
        text = letter.text
        for company, opportunity in _others(ctx, ctx.directory.companies, letter):
            if fold(company) == fold(ctx.company):
                continue
            if own is None:
                own = [m.span() for m in _name_pattern(ctx.company, suffixes).finditer(text)]
            for m in _name_pattern(company, suffixes).finditer(text):
                if not _overlaps(m.span(), own):
                    yield _finding(
                        rule, m.start(), m.end(), match=m.group(0), opportunity=opportunity
                    )

    def _wrong_name(self, letter: _Letter, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["wrong-name"]
        honorifics = rule.words("honorifics")
        generic = rule.words("generic")
        company = ctx.company_words
        recipient_parts = ctx.recipient_parts
        text = letter.text
        for offset, rest in self._addressed(text):
            name_match = _NAME.match(rest)
            if not name_match:
                continue
            tokens = [t for t in name_match.group(1).split() if t.lower() not in honorifics]
            if not tokens or any(
                t.lower().strip(".") in generic or t.lower() in company for t in tokens
            ):
                continue
            if _PLACEHOLDER_NAME.fullmatch(tokens[0]):
                continue  # a placeholder, reported as such
            if all(_same_person(t, recipient_parts) for t in tokens):
                continue
            yield _finding(
                rule,
                offset + name_match.start(1),
                offset + name_match.end(1),
                match=name_match.group(1),
                recipient=ctx.recipient,
            )
        # a person from another opportunity named anywhere: a letter copied from another one
        mine = ctx.people_parts | recipient_parts
        for person, _ in _others(ctx, ctx.directory.people, letter):
            if person not in text or any(p.lower() in mine for p in person.split()):
                continue
            for m in re.finditer(rf"\b{re.escape(person)}\b", text):
                yield _finding(rule, m.start(), m.end(), match=m.group(0), recipient=ctx.recipient)

    def _addressed(self, text: str) -> list[tuple[int, str]]:
        """Where the letter names whom it speaks to: the salutation (the first non-empty line,
        when it opens with a greeting) and vocatives like 'Thank you, Grace,'."""
        greetings = self._greetings
        found = []
        line = _SALUTATION_LINE.search(text)
        if line:
            body = line.group("line")
            lowered = body.lower()
            greeting = next((g for g in greetings if lowered.startswith((g + " ", g + ","))), None)
            if greeting:
                found.append((line.start("line") + len(greeting), body[len(greeting) :]))
        found += [(m.start("name"), m.group("name") + ",") for m in _VOCATIVE.finditer(text)]
        return found

    def _phrases(self, letter: _Letter, rule: Rule) -> Iterator[Finding]:
        taken: list[tuple[int, int]] = []
        for pattern in active(
            rule.patterns, rule.pattern_triggers, letter.lowered, letter.word_set
        ):
            for m in pattern.finditer(letter.text):
                if not _overlaps(m.span(), taken):
                    taken.append(m.span())
                    yield _finding(rule, m.start(), m.end(), match=m.group(0))

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
            question = sentence.rstrip(" \"'”’)").endswith("?")
            hit = (question and any(p.search(sentence) for p in questions)) or any(
                p.search(sentence) for p in requests
            )
            if hit:
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
        rule = self.rules["missing-thanks"]
        if ctx.kind not in rule.data.get("kinds", []):
            return
        patterns = active(rule.patterns, rule.pattern_triggers, letter.lowered, letter.word_set)
        if not any(p.search(letter.text) for p in patterns):
            yield _finding(rule, 0, len(letter.text.rstrip()), kind=ctx.kind.replace("_", "-"))

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
        of a topic's words or more, not only generic ones (001, 003)."""
        rule = self.rules["missing-recap"]
        if ctx.kind not in rule.data.get("kinds", []) or not ctx.decision_maker or not ctx.topics:
            return
        stop, weak = rule.words("stopwords"), rule.words("weak")
        present = letter.stems
        for topic in ctx.topics:
            content = [stem(w.group(0)) for w in words(topic) if w.group(0).lower() not in stop]
            if not content:
                continue
            hits = [w for w in content if w in present]
            needed = max(1, (len(content) + 1) // 2)
            if len(hits) >= needed and any(w not in weak for w in hits):
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
            for m in pattern.finditer(text):
                if noted is None:
                    noted = {stem(w.group(0)) for note in ctx.notes for w in words(note)}
                if {stem(w.group(0)) for w in words(m.group(0))} & noted:
                    continue  # the interview notes mention it: not a new topic
                span = _sentence_around(text, m.start(), m.end())
                if span not in reported:  # one finding a sentence
                    reported.add(span)
                    yield _finding(rule, span[0], span[1], match=m.group(0))

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


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


_PATTERNS: dict[tuple[str, frozenset[str]], re.Pattern[str]] = {}


def _name_pattern(company: str, suffixes: frozenset[str]) -> re.Pattern[str]:
    """A company's name, with or without its legal suffix ('Acme', 'Acme Corp', 'Acme Corp.'),
    and its distinctive first word alone ('Northwind' for 'Northwind Traders')."""
    key = (company, suffixes)
    found = _PATTERNS.get(key)
    if found is None:
        parts = company.split()
        while len(parts) > 1 and parts[-1].lower().rstrip(",") in suffixes:
            parts.pop()
        forms = [r"\s+".join(re.escape(p) for p in parts)]
        if len(parts) > 1 and len(parts[0]) >= 4:
            forms.append(re.escape(parts[0]))
        found = re.compile(rf"(?<![\w@.])(?:{'|'.join(forms)})(?![\w@])")
        _PATTERNS[key] = found
    return found


def _same_person(token: str, recipient_parts: frozenset[str]) -> bool:
    t = re.sub(r"['’]s$", "", token.lower().strip(".,'’"))
    return t in recipient_parts or any(
        len(t) >= 3 and (p.startswith(t) or t.startswith(p)) for p in recipient_parts
    )


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
