"""The letter check: findings with a stable rule id, a message and the span they concern.

Reads a letter in its context (which opportunity, which recipient, which kind). Every rule's words
and patterns come from the rulebook (data); what is computed here is how they apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from followup.domain.letters.context import LetterContext
from followup.domain.letters.rulebook import Rule, Rulebook
from followup.domain.letters.text import fold, sentences, stem, word_count, words

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+?\d[\d\s().-]{6,}\d)")
_SALUTATION_LINE = re.compile(r"^[ \t]*(?P<line>[^\n]{1,80})$", re.MULTILINE)
_VOCATIVE = re.compile(
    r"\b(?:thank\s+you|thanks|hello|hi|dear)\s*,\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s*[,.!]"
)


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


class LetterChecker:
    def __init__(self, rules: Rulebook, dictionary: Dictionary | None = None) -> None:
        self.rules = rules
        self.dictionary = dictionary

    def check(self, text: str, ctx: LetterContext) -> list[Finding]:
        spans = sentences(text)
        found: list[Finding] = []
        found += self._placeholders(text)
        found += self._wrong_company(text, ctx)
        found += self._wrong_name(text, ctx)
        found += self._phrases(text, self.rules["flattery"])
        found += self._phrases(text, self.rules["needy"])
        found += self._asks_decision(text, spans)
        found += self._too_long(text, ctx)
        found += self._missing_thanks(text, ctx)
        found += self._missing_contact(text, ctx)
        found += self._missing_recap(text, ctx)
        found += self._new_topic(text, ctx)
        if self.dictionary is not None:
            found += self._spelling(text, ctx, self.dictionary)
        return sorted(set(found))

    # -- rules --------------------------------------------------------------------------------
    def _placeholders(self, text: str) -> Iterator[Finding]:
        rule = self.rules["placeholder"]
        allowed = rule.words("allowed")
        taken: list[tuple[int, int]] = []
        for pattern in rule.patterns:
            for m in pattern.finditer(text):
                if m.group(0).lower() in allowed or _overlaps(m.span(), taken):
                    continue
                taken.append(m.span())
                yield _finding(rule, m.start(), m.end(), match=m.group(0))

    def _wrong_company(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["wrong-company"]
        suffixes = rule.words("legal_suffixes")
        own = [m.span() for m in _name_pattern(ctx.company, suffixes).finditer(text)]
        for company, opportunity in ctx.other_companies:
            if fold(company) == fold(ctx.company):
                continue
            for m in _name_pattern(company, suffixes).finditer(text):
                if not _overlaps(m.span(), own):
                    yield _finding(
                        rule, m.start(), m.end(), match=m.group(0), opportunity=opportunity
                    )

    def _wrong_name(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["wrong-name"]
        greetings = sorted(rule.words("salutations"), key=len, reverse=True)
        honorifics = rule.words("honorifics")
        generic = rule.words("generic") | {w.lower() for w in ctx.company.split()}
        recipient_parts = {p.lower() for p in ctx.recipient.split()}
        candidates = []
        # the salutation: the first non-empty line that opens with a greeting
        for line in _SALUTATION_LINE.finditer(text):
            body = line.group("line")
            lowered = body.lower()
            greeting = next(
                (
                    g
                    for g in greetings
                    if lowered.startswith(g + " ") or lowered.startswith(g + ",")
                ),
                None,
            )
            if greeting:
                start = line.start("line") + len(greeting)
                candidates.append((start, body[len(greeting) :]))
            break
        for m in _VOCATIVE.finditer(text):
            candidates.append((m.start("name"), m.group("name") + ","))
        for offset, rest in candidates:
            name_match = re.match(r"[\s,]*((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2})", rest)
            if not name_match:
                continue
            tokens = [t for t in name_match.group(1).split() if t.lower() not in honorifics]
            if not tokens or any(t.lower().strip(".") in generic for t in tokens):
                continue
            if re.fullmatch(r"X+|\[.*|\(.*|<.*|\{.*", tokens[0]):
                continue  # a placeholder, reported as such
            if all(_same_person(t, recipient_parts) for t in tokens):
                continue
            start = offset + name_match.start(1)
            yield _finding(
                rule,
                start,
                offset + name_match.end(1),
                match=name_match.group(1),
                recipient=ctx.recipient,
            )
        # a person from another opportunity named anywhere: a letter copied from another one
        mine = {p.lower() for name in ctx.people for p in name.split()} | recipient_parts
        for person in ctx.other_people:
            if any(p.lower() in mine for p in person.split()):
                continue
            for m in re.finditer(rf"\b{re.escape(person)}\b", text):
                yield _finding(rule, m.start(), m.end(), match=m.group(0), recipient=ctx.recipient)

    def _phrases(self, text: str, rule: Rule) -> Iterator[Finding]:
        taken: list[tuple[int, int]] = []
        for pattern in rule.patterns:
            for m in pattern.finditer(text):
                if not _overlaps(m.span(), taken):
                    taken.append(m.span())
                    yield _finding(rule, m.start(), m.end(), match=m.group(0))

    def _asks_decision(self, text: str, spans: list[tuple[int, int]]) -> Iterator[Finding]:
        rule = self.rules["asks-decision"]
        for start, end in spans:
            sentence = text[start:end]
            question = sentence.rstrip(" \"'”’)").endswith("?")
            hit = (question and any(p.search(sentence) for p in rule.questions)) or any(
                p.search(sentence) for p in rule.requests
            )
            if hit:
                yield _finding(rule, start, end, match=sentence.strip())

    def _too_long(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["too-long"]
        limits = rule.data.get("limits", {})
        limit = int(limits.get(ctx.kind, limits.get("default", 250)))
        count = word_count(text)
        if count > limit:
            beyond = next(m for i, m in enumerate(words(text)) if i == limit)
            yield _finding(
                rule,
                beyond.start(),
                len(text.rstrip()),
                words=count,
                limit=limit,
                kind=ctx.kind.replace("_", "-"),
            )

    def _missing_thanks(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["missing-thanks"]
        if ctx.kind in rule.data.get("kinds", []) and not any(
            p.search(text) for p in rule.patterns
        ):
            yield _finding(rule, 0, len(text.rstrip()), kind=ctx.kind.replace("_", "-"))

    def _missing_contact(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["missing-contact"]
        if ctx.kind not in rule.data.get("kinds", []):
            return
        lowered = text.lower()
        if ctx.candidate_email and ctx.candidate_email.lower() in lowered:
            return
        digits = re.sub(r"\D", "", text)
        phone = re.sub(r"\D", "", ctx.candidate_phone)
        if len(phone) >= 7 and phone[-7:] in digits:
            return
        if not (ctx.candidate_email or len(phone) >= 7) and (
            _EMAIL.search(text) or _PHONE.search(text)
        ):
            return  # no contact details on file: any address or number will do
        end = len(text.rstrip())
        yield _finding(rule, end, end)

    def _missing_recap(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["missing-recap"]
        if ctx.kind not in rule.data.get("kinds", []) or not ctx.decision_maker:
            return
        if not ctx.topics:
            return
        stop, weak = rule.words("stopwords"), rule.words("weak")
        present = {stem(m.group(0)) for m in words(text)}
        for topic in ctx.topics:
            content = [stem(w.group(0)) for w in words(topic) if w.group(0).lower() not in stop]
            if not content:
                continue
            hits = [w for w in content if w in present]
            needed = max(1, (len(content) + 1) // 2)
            if len(hits) >= needed and any(w not in weak for w in hits):
                return
        yield _finding(
            rule, 0, len(text.rstrip()), recipient=ctx.recipient, topics="; ".join(ctx.topics)
        )

    def _new_topic(self, text: str, ctx: LetterContext) -> Iterator[Finding]:
        rule = self.rules["new-topic"]
        noted = {stem(w.group(0)) for note in ctx.notes for w in words(note)}
        for start, end in sentences(text):
            sentence = text[start:end]
            for pattern in rule.patterns:
                m = pattern.search(sentence)
                if m and not {stem(w.group(0)) for w in words(m.group(0))} & noted:
                    yield _finding(rule, start, end, match=m.group(0))
                    break

    def _spelling(self, text: str, ctx: LetterContext, dictionary: Dictionary) -> Iterator[Finding]:
        rule = self.rules["spelling"]
        shortest = int(rule.data.get("min_length", 3))
        skip = [m.span() for m in _EMAIL.finditer(text)] + [
            m.span() for m in re.finditer(r"https?://\S+|www\.\S+", text)
        ]
        for m in words(text):
            word = m.group(0).replace("’", "'")
            if len(word) < shortest or _overlaps(m.span(), skip):
                continue
            bare = re.sub(r"'s$", "", word)
            lowered = bare.lower()
            if lowered in ctx.vocabulary or _is_acronym(bare):
                continue
            if "-" in bare and all(
                dictionary.known(p) or p.lower() in ctx.vocabulary for p in bare.split("-") if p
            ):
                continue
            if dictionary.known(lowered) or dictionary.known(word.lower()):
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
    return Finding(
        start,
        end,
        rule.id,
        f"{message} (article {rule.source})"
        if rule.source and rule.source != "DESIGN"
        else message,
    )


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


_PATTERNS: dict[tuple[str, frozenset[str]], re.Pattern[str]] = {}


def _name_pattern(company: str, suffixes: frozenset[str]) -> re.Pattern[str]:
    """A company's name, with or without its legal suffix ('Acme', 'Acme Corp', 'Acme Corp.')."""
    key = (company, suffixes)
    found = _PATTERNS.get(key)
    if found is None:
        parts = company.split()
        while len(parts) > 1 and parts[-1].lower().rstrip(",") in suffixes:
            parts.pop()
        core = r"\s+".join(re.escape(p) for p in parts)
        forms = [core]
        if len(parts) > 1 and len(parts[0]) >= 4:
            forms.append(re.escape(parts[0]))  # 'Northwind' for 'Northwind Traders'
        found = re.compile(rf"(?<![\w@.])(?:{'|'.join(forms)})(?![\w@])")
        _PATTERNS[key] = found
    return found


def _same_person(token: str, recipient_parts: set[str]) -> bool:
    t = token.lower().strip(".,'’")
    t = re.sub(r"['’]s$", "", t)
    return t in recipient_parts or any(
        len(t) >= 3 and (p.startswith(t) or t.startswith(p)) for p in recipient_parts
    )


def _is_acronym(word: str) -> bool:
    core = word[:-1] if word.endswith("s") else word
    return len(core) >= 2 and core.isupper()


def _sentence_initial(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"
