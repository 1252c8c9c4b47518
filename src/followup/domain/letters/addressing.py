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
from collections.abc import Iterator
from dataclasses import dataclass

from followup.domain.letters.context import LetterContext, fold_accents

# A word of a name: capitalised, with the shapes names take (O'Brien, McAllister, Jean-Luc).
_CAP = r"(?:Ma?c|O['’]|D['’])?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*(?:['’-][A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]*)*"


@dataclass(frozen=True, slots=True)
class Addressed:
    """A name the letter addresses: where it is, and its words without honorifics."""

    start: int
    end: int
    words: tuple[str, ...]


class Addressing:
    """Finds the names a letter addresses; built once from the wrong-name rule's word lists."""

    def __init__(self, data: dict[str, object]) -> None:
        def words(key: str) -> frozenset[str]:
            found = data.get(key, [])
            return (
                frozenset(str(w).lower() for w in found) if isinstance(found, list) else frozenset()
            )

        self.honorifics = words("honorifics")
        self.generic = words("generic")
        self.not_names = words("not_names") | self.generic
        self.openers = words("address_openers")
        evidence = data.get("vocative_evidence")
        self._evidence = re.compile(str(evidence), re.IGNORECASE) if evidence else None
        not_before = data.get("not_vocative_before")
        self._not_before = re.compile(str(not_before), re.IGNORECASE) if not_before else None
        self.greetings = tuple(sorted(words("salutations"), key=len, reverse=True))
        honorific = "|".join(
            re.escape(h.rstrip(".")) for h in sorted(self.honorifics, key=len, reverse=True)
        )
        leads = "|".join(
            re.escape(w).replace(r"\ ", r"[ \t]+")
            for w in sorted(words("vocative_leads"), key=len, reverse=True)
        )
        name = rf"(?P<name>(?:(?i:{honorific})\.?[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
        self._honorific = re.compile(rf"(?i:{honorific})\.?$")
        self._name_at = re.compile(name)
        # After a greeting or a thanks, on the same line: "Thank you, Victor, for…", "Hey Isabel!"
        self._after_lead = re.compile(
            rf"(?<![\w'’])(?i:{leads})[ \t]*,?[ \t]+{name}"
            rf"(?=[ \t]*(?:[,.!?;:—–]|-[ \t]|$)|[ \t]+(?i:for)\b)",
            re.MULTILINE,
        )
        # At the start of a sentence: "Maria, thank you…", "P.S. Kwame, …", "And Maria, …"
        self._at_start = re.compile(
            rf"(?:(?:And|But|So|Oh|Also|P\.?[ \t]?S\.?:?|PS:?)[ \t]+)?{name}[ \t]*,[ \t]*"
            r"(?P<next>[\w'’]+)"
        )
        # At the end of a sentence: "…staying in touch, Hannah."
        self._at_end = re.compile(rf"(?P<before>[\w'’]+)[ \t]*,[ \t]*{name}[ \t]*[.!?]+(?=\s|$)")
        # Between commas: "As you'll recall, Mr Kim, we met…"
        self._between = re.compile(rf",[ \t]*{name}[ \t]*,")
        self._first_line = re.compile(r"^[ \t]*(?P<line>[^\n]{1,200})$", re.MULTILINE)
        self._bare_salutation = re.compile(rf"{name}[ \t]*(?:,|[-—–:](?:[ \t]|$))", re.MULTILINE)

    def addressed(
        self, text: str, ctx: LetterContext, sentence_starts: list[int], known: frozenset[str]
    ) -> Iterator[Addressed]:
        """Every name the letter addresses (the recipient's included), each once."""
        seen: set[tuple[int, int]] = set()
        for found in self._candidates(text, ctx, sentence_starts, known):
            if (found.start, found.end) not in seen:
                seen.add((found.start, found.end))
                yield found

    def _candidates(
        self, text: str, ctx: LetterContext, sentence_starts: list[int], known: frozenset[str]
    ) -> Iterator[Addressed]:
        own = ctx.candidate_parts
        company = ctx.company_words

        def accept(m: re.Match[str], how: str) -> Addressed | None:
            raw = m.group("name")
            tokens = raw.split()
            titled = bool(self._honorific.match(tokens[0])) if tokens else False
            bare = [t for t in tokens if not self._honorific.match(t)]
            # "Hi Marcus", "Call Mark Ellis": the words before the name are not the name
            while bare and fold_accents(_core(bare[0])) in self.not_names:
                bare.pop(0)
            if not bare:
                return None
            folded = [fold_accents(_core(t)) for t in bare]
            if any(t in self.generic or t in company or t in own for t in folded):
                return None
            first = folded[0]
            person = titled or any(t in known for t in folded)
            if how in ("salutation", "lead"):
                ok = person or first not in self.not_names
            elif how == "start":
                # an unknown word before a comma is a name spoken to when the sentence goes
                # on to speak to someone ("Maria, thank you…"), not "Rotterdam, I think, …"
                ok = person or (
                    first not in self.not_names
                    and not first.endswith("ly")
                    and m.group("next").lower() in self.openers
                    and self._speaks_to(text, m.start())
                )
            elif how == "end":
                before = m.group("before")
                ok = person or (
                    first not in self.not_names
                    and before[:1].islower()
                    and len(bare) <= 2
                    and not self._listed(text, m.start("name"))
                )
            else:
                ok = person
            if not ok:
                return None
            end = m.start("name") + len(raw)
            start = (
                end - len(" ".join(bare))
                if len(bare) < len(tokens) and not titled
                else m.start("name")
            )
            return Addressed(start, end, tuple(bare))

        salutation = self._salutation(text)
        if salutation is not None:
            found = accept(*salutation)
            if found:
                yield found
        for m in self._after_lead.finditer(text):
            found = accept(m, "lead")
            if found:
                yield found
        for start in sentence_starts:
            opening = self._at_start.match(text, start)
            if opening:
                found = accept(opening, "start")
                if found:
                    yield found
        for m in self._at_end.finditer(text):
            found = accept(m, "end")
            if found:
                yield found
        for m in self._between.finditer(text):
            found = accept(m, "between")
            if found:
                yield found

    def _speaks_to(self, text: str, start: int) -> bool:
        end = text.find("\n", start)
        sentence = text[start : end if end >= 0 else len(text)]
        return self._evidence is None or bool(self._evidence.search(sentence))

    def _listed(self, text: str, name_start: int) -> bool:
        """Is the name the end of a list or an aside ("as you guessed, Salesforce")?"""
        comma = text.rfind(",", 0, name_start)
        line = text.rfind("\n", 0, comma) + 1
        return self._not_before is not None and bool(self._not_before.search(text[line:comma]))

    def _salutation(self, text: str) -> tuple[re.Match[str], str] | None:
        """The first non-empty line, when it opens with a greeting ("Dear Dana,") or is a name
        set off by a comma or a dash ("Kwame -")."""
        line = self._first_line.search(text)
        if not line:
            return None
        body = line.group("line")
        lowered = body.lower()
        greeting = next(
            (g for g in self.greetings if lowered.startswith((g + " ", g + ",", g + "\t"))), None
        )
        offset = line.start("line")
        if greeting:
            rest = len(greeting)
            while rest < len(body) and body[rest] in " \t,":
                rest += 1
            m = self._name_at.match(text, offset + rest)
            return (m, "salutation") if m else None
        m = self._bare_salutation.match(text, offset)
        return (m, "salutation") if m else None


def _core(token: str) -> str:
    """A name's word as compared: lowercase, without a possessive or trailing punctuation."""
    return re.sub(r"['’]s$", "", token.lower().strip(".,'’-"))


def same_person(token: str, recipient_parts: frozenset[str]) -> bool:
    """Is this word of a name one of the recipient's (or a short form of one: Dan, Daniel)?"""
    t = fold_accents(_core(token))
    return t in recipient_parts or any(
        len(t) >= 3 and (p.startswith(t) or t.startswith(p)) for p in recipient_parts
    )
