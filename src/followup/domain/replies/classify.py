"""What a reply from the hiring side says: an invitation, a rejection, an offer, a question, an
automatic answer, or something else (DESIGN, "Reading replies").

Only the new text is read (`text.new_text`), sentence by sentence. Every rule that fires on a
sentence is evidence for its kind, with its strength; the strongest evidence decides, and between
kinds with equally strong evidence a decision outweighs a request and a request outweighs a
notice (`PRECEDENCE`). The sentence that decided is the evidence. The subject line counts for a
little less than the text, and only when it is the sender's own (not "Re: …" of ours); headers
that mark an automatic answer count as the rules in `headers` say.

Words that say a decision was made and answered before (`settled`: an offer the candidate
accepted, a rejection they asked feedback on, their withdrawal acknowledged) make the evidence of
that kind in the new text count less: the welcome and the papers asked for after an accepted offer
are a request, feedback on a rejection sent earlier is no new rejection. A sentence that reports
what an earlier message said ("the email you got saying your application was closed", or that it
went out in error: `reported`) is no decision of this message either.

A message forwarded under the new text, or attached whole, is read too when the sender passes it
on as their own word (`rules.json`, `forwarded`): their new text decides and asks nothing itself
(a request of their own, the papers for the contract of the offer below, makes that offer the
background: a request about an offer made earlier is a question), the
forwarded message comes from their own organisation (or an applicant-tracking system, which
sends for companies), and they do not hold it at a distance ("an example", "for reference", "this
landed in my inbox"), and a request passes only when they do not say that nothing is asked of
the candidate. A hiring manager re-sending the offer HR's email failed to deliver makes an
offer, and so does an agency passing on its client's; a recruiter forwarding another company's
rejection that reached them by mistake, or a template offer, does not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from followup.domain.replies.learned import LearnedModel, shipped_model
from followup.domain.replies.rulebook import (
    KINDS,
    PRECEDENCE,
    Rule,
    Rules,
    compile_rules,
    shipped_rules,
)
from followup.domain.replies.text import fold, forwarded, new_text, organisation, sentences

# What each kind proposes to the user: the event they confirm (DESIGN's event kinds).
PROPOSED_EVENT = {"invitation": "invited", "rejection": "rejected", "offer": "offer"}


@dataclass(frozen=True, slots=True)
class Classification:
    kind: str  # one of KINDS
    evidence: str  # the sentence that decided it ("" for `other`)
    new_text: str = ""  # what the sender wrote this time
    rule: str = ""  # the id of the rule that decided (for whoever tunes the rules)

    @property
    def proposed_event(self) -> str | None:
        return PROPOSED_EVENT.get(self.kind)


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str
    strength: int
    order: int  # where it was found: headers and subject first, then the sentences in order
    sentence: str
    rule: str


# Evidence this strong of a decision keeps the messages the sender forwards unread.
FALLBACK_BELOW = 2
# Where the sentences of the messages passed on are numbered from (after the new text's).
FORWARDED = 1000
# The kinds that propose an event: the sender's own word of one of these outweighs anything
# they forward.
DECISIONS = ("offer", "rejection", "invitation")
DECIDED = 3  # the strength of a rule that reads a decision in so many words


class ReplyClassifier:
    """Built once from the rules (compiling them takes a few tens of milliseconds) and the
    learned fallback, then used for every message. `learned=False`: the rules alone."""

    def __init__(
        self, data: dict[str, Any] | None = None, learned: LearnedModel | bool = True
    ) -> None:
        self.rules: Rules = compile_rules(shipped_rules() if data is None else data)
        if learned is True:
            self.learned: LearnedModel | None = shipped_model()
        else:
            self.learned = learned or None

    def new_text(self, text: str) -> str:
        return new_text(text, self.rules.markers)

    def classify(
        self, text: str, subject: str = "", headers: Mapping[str, str] | None = None
    ) -> Classification:
        """`text` is the message body as text (HTML already turned to text); `headers` the few
        that mark automatic mail (Auto-Submitted, X-Autoreply, Precedence …), by lowercase name."""
        fresh = self.new_text(text)
        # A calendar event's summary says what the event is ("live panel", "webinar") as the text
        # would: it is read for settled words too.
        event = (headers or {}).get("calendar", "").partition(":")[2]
        settled = self.settled(f"{fresh}\n\n{event}" if event.strip() else fresh)
        found = _weakened(self.evidence(fresh, subject, headers or {}), settled)
        found += self.passed_on(text, fresh, subject, headers or {}, found)
        if self.learned is not None:
            return self._weighed(fresh, found, settled)
        best = max(found, key=_weight) if found else None
        if best is None:
            return Classification("other", "", fresh)
        return Classification(best.kind, best.sentence, fresh, best.rule)

    def _weighed(
        self, fresh: str, found: list[Evidence], settled: Mapping[str, int]
    ) -> Classification:
        """The rules and the learned model together. Each kind scores the log of the model's
        probability plus `rules_weight` times the strength of its strongest rule evidence. The
        rules' reading, when they found evidence, stands unless another kind scores more than
        `overrule_margin` above it (and always when the subject, a header or a message passed
        on decided it: the model reads only the new text). A kind the rules give no evidence
        of may win, `other` too, but only one the model gives at least `min_probability`
        (`other` at any), not a kind
        the new text says was settled, and not `automatic` unless a header says a machine sent
        the message (a person's "noted, thanks" sounds like a system's acknowledgement).
        Measured on the sets no one had read at two earlier points of the reader
        (bench/replies/train.py says the figures): this read them far better than the rules
        with the model asked only below a strength."""
        assert self.learned is not None
        model = self.learned
        best = max(found, key=_weight) if found else None
        if best is not None and not 0 <= best.order < FORWARDED and not _machine_mark(best):
            # decided by the subject, a header that names what the message is (an auto-reply, a
            # mail server's report, a calendar request) or a message passed on, which the model
            # never reads; a weak header only says a machine sent the message, and systems send
            # rejections and tasks too: it counts as the rules' evidence of `automatic`
            return Classification(best.kind, best.sentence, fresh, best.rule)
        strongest: dict[str, Evidence] = {}
        for e in found:
            if e.kind not in strongest or _weight(e) > _weight(strongest[e.kind]):
                strongest[e.kind] = e
        # the model reads what this message says: not what it reports an earlier one said
        said = sentences(fresh)
        told = [s for s in said if self.rules.reported.search(fold(s)) is None]
        chances = model.probabilities(fresh if len(told) == len(said) else "\n".join(told))
        machine = _machine_sent(found)
        scores = {}
        for kind in KINDS:
            if kind not in strongest and (
                kind in settled
                or (kind == "automatic" and not machine)
                or (kind != "other" and chances[kind] < model.min_probability)
            ):
                continue
            rule = strongest[kind].strength if kind in strongest else 0
            scores[kind] = math.log(max(chances[kind], 1e-9)) + model.rules_weight * rule
        if not scores:  # every kind barred and no rule's evidence left: nothing decided
            return Classification("other", "", fresh, "learned" if found else "")
        # equal scores (a model with nothing to say of them): `other` first, then in KINDS' order
        kind = max(scores, key=lambda k: (scores[k], k == "other", -KINDS.index(k)))
        if best is not None and (
            scores[kind] - scores[best.kind] <= model.overrule_margin
            # a notice carries no decision (DESIGN): the words of a system do not turn the
            # decision the rules read at full strength into one
            or (kind == "automatic" and best.kind in DECISIONS and best.strength >= DECIDED)
        ):
            kind = best.kind
        if kind in strongest:
            e = strongest[kind]
            return Classification(kind, e.sentence, fresh, e.rule)
        if kind == "other":
            return Classification("other", "", fresh, "learned" if found else "")
        return Classification(kind, model.best_sentence(told, kind), fresh, "learned")

    def settled(self, fresh: str) -> dict[str, int]:
        """How much less each kind counts because the new text says that decision was made and
        answered before (`rules.json`, `settled`)."""
        found: dict[str, int] = {}
        if not self.rules.settled:
            return found
        said = [fold(s) for s in sentences(fresh)]
        for rule in self.rules.settled:
            if any(rule.pattern.search(s) for s in said) and not (
                rule.unless is not None and any(rule.unless.search(s) for s in said)
            ):
                for kind, by in rule.by.items():
                    found[kind] = max(found.get(kind, 0), by)
        return found

    def evidence(self, fresh: str, subject: str, headers: Mapping[str, str]) -> list[Evidence]:
        """Every piece of evidence in the new text, the subject and the headers."""
        found: list[Evidence] = []
        for header in self.rules.headers:
            value = headers.get(header.header)
            if value is not None and header.search(value):
                line = f"{header.header.title()}: {value}"
                found.append(Evidence(header.kind, header.strength, -2, line, "header"))
        if subject.strip() and not self.rules.reply_subject.match(subject):
            discount = self.rules.subject_discount
            for rule in self._firing(fold(" ".join(subject.split())), "text"):
                if rule.strength - discount > 0:
                    strength = rule.strength - discount
                    found.append(Evidence(rule.kind, strength, -1, subject.strip(), rule.id))
        for order, sentence in enumerate(sentences(fresh)):
            folded = fold(sentence)
            for rule in self._firing(folded, "subject"):
                if rule.kind not in DECISIONS or self._told(folded, rule):
                    found.append(Evidence(rule.kind, rule.strength, order, sentence, rule.id))
        return found

    def _told(self, folded: str, rule: Rule) -> bool:
        """Whether a decision the rule finds in a sentence is this message's: not when the
        clause it is in reports what an earlier message said, or that it went out in error
        (`reported`); a clause of its own after a colon or a dash still decides ("ignore that
        note, it went out by mistake: we would like to invite you")."""
        if self.rules.reported.search(folded) is None:
            return True
        return any(
            self.rules.reported.search(clause) is None and rule.search(clause)
            for clause in _CLAUSES.split(folded)
        )

    def passed_on(
        self,
        text: str,
        fresh: str,
        subject: str,
        headers: Mapping[str, str],
        found: list[Evidence],
    ) -> list[Evidence]:
        """Evidence from the messages the sender forwards, when they pass them on as their own
        word (see the module's docstring); read after the new text."""
        rules = self.rules
        if not rules.passed_on or any(
            e.strength >= FALLBACK_BELOW
            and (
                e.kind in DECISIONS
                or (e.kind == "question" and not rules.receipt_asked.search(fold(e.sentence)))
            )
            for e in found
        ):
            return []
        sender = organisation(headers.get("from", ""))
        said = fold(" ".join(fresh.split()))
        if not sender or rules.not_passed_on.search(said):
            return []
        # the sender says nothing is asked of the candidate: the requests below were for them
        kinds = [
            k for k in rules.passed_on if k != "question" or not rules.asks_nothing.search(said)
        ]
        passed: list[Evidence] = []
        forwarding = bool(rules.forward_subject.match(subject))
        for message in forwarded(text, rules.markers, forwarding):
            # another organisation's word is passed on when it was written to the sender (a
            # client's note to the agency recruiter who forwards it) or sent through a system,
            # and did not reach the sender by mistake
            to_sender = any(organisation(r) == sender for r in message.recipients)
            if organisation(message.sender) != sender and (
                not (self._system(message.sender) or to_sender) or rules.misdelivered.search(said)
            ):
                continue
            for order, sentence in enumerate(
                sentences(message.text), start=len(passed) + FORWARDED
            ):
                for rule in self._firing(fold(sentence), "subject"):
                    if rule.kind in kinds:
                        passed.append(Evidence(rule.kind, rule.strength, order, sentence, rule.id))
        return passed

    def _system(self, address: str) -> bool:
        """Whether an address is an applicant-tracking system's or a no-reply one (the `from`
        header rules): a system a company sends its word through."""
        return bool(address) and any(
            h.header == "from" and h.search(address) for h in self.rules.headers
        )

    def _firing(self, folded: str, not_in: str) -> list[Rule]:
        """The rules that fire on a folded sentence, but those meant only for `not_in`."""
        return [r for r in self.rules.rules if r.where != not_in and r.search(folded)]


# Where a sentence's clauses part: a colon, a semicolon, a dash between spaces.
_CLAUSES = re.compile(r"\s*[:;]\s+|\s+[-\u2013\u2014]\s+")


def _weakened(found: list[Evidence], settled: Mapping[str, int]) -> list[Evidence]:
    """The evidence, each piece of a settled kind the less (none left at 0). The marks a machine
    sets (Auto-Submitted, a no-reply sender) keep theirs; a calendar event is what the message
    says, and is settled as its words are (a public event's, an onboarding call's)."""
    if not settled:
        return found
    kept = []
    for e in found:
        by = settled.get(e.kind, 0) if e.rule != "header" or e.kind != "automatic" else 0
        if e.strength - by > 0:
            kept.append(replace(e, strength=e.strength - by) if by else e)
    return kept


def _machine_sent(found: list[Evidence]) -> bool:
    """Whether a header says a machine sent the message (an applicant-tracking system's or a
    no-reply sender, Auto-Submitted …). The learned model reads only words, and a person's "noted,
    thanks" sounds like a system's acknowledgement: it may call a message automatic only then."""
    return any(e.rule == "header" and e.kind == "automatic" for e in found)


def _machine_mark(evidence: Evidence) -> bool:
    """A header that says only that a machine sent the message (Auto-Submitted: auto-generated, a
    no-reply sender: `automatic` below strength 3), not what the message is."""
    return evidence.rule == "header" and evidence.kind == "automatic" and evidence.strength < 3


def _weight(evidence: Evidence) -> tuple[int, int, int]:
    """Strongest first; then by kind; then the earliest sentence (the one read first)."""
    rank = len(PRECEDENCE) - PRECEDENCE.index(evidence.kind)
    return (evidence.strength, rank, -evidence.order)


_SHIPPED: list[ReplyClassifier] = []


def shipped_classifier() -> ReplyClassifier:
    """The classifier with the rules that ship with Followup, built once per process."""
    if not _SHIPPED:
        _SHIPPED.append(ReplyClassifier())
    return _SHIPPED[0]


__all__ = ["KINDS", "PROPOSED_EVENT", "Classification", "ReplyClassifier", "shipped_classifier"]
