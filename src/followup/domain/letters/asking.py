"""The decision asked for, read as structure: a request whose object is the hiring outcome (003).

A request is a direct question (a clause that ends with '?') or a frame that asks to be told
(wondering, curious, keen to know, grateful for a line on, let me know, any update, tell me…).
Its object is what follows the frame, to the end of the sentence. The object asks for the
decision when it holds one of the outcome's forms, each read from the rule's data
(`asks-decision.structure` in rules.json):
- a verb of choosing, filling or concluding whose object is a hire (someone, the role, the
  candidates), or that has none ("let me know what you decide");
- a noun of the outcome (decision, verdict, status) about a hire, or about nothing named;
- a phrase of standing: where things stand, the role still open or filled, the candidate through
  or still considered, the process closed; not the end of the company's path ("how it grew to
  where it is today") nor its place among others ("where it stands in the market").
- a verb of ending whose object or subject is the hire itself: "when will you close that process",
  "when will the search end", not "close the funding round" or "when the tender process closes".
- the time of what the candidate awaits (`timed`, `heard`, read only where the request asks WHEN:
  `timing`): feedback, the shortlist, the next round's invitations, bare or about the hire ("when
  can I expect feedback?", "a rough timeline for feedback on my interview", "when candidates can
  expect to hear back"), not about something else ("when the feedback from the pilot laboratories
  will be in", "when you expect to hear from the bank").
What is not asked: a timeline stated (no request), an offer to help them decide ("let me know if
you need references"), a question about the job itself, a choice of something else ("have you
chosen a new platform?"), the candidate's own choices ("whether I chose the right example").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from itertools import takewhile

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any


def _alternatives(values: list[str]) -> str:
    return "|".join(sorted((str(v) for v in values), key=len, reverse=True))


# an optional group of words before a frame's first word ("(?:so\s+|very\s+)?kind")
# (compiled when the rules are first read, not when the module is imported)
_OPTIONAL_LEAD = r"\(\?:[^()\\]*(?:\\s[+*][^()\\]*)*\)\?"


def _opening(frame: str) -> str:
    r"""The word every match of a frame holds at its start, or after an optional group of words
    it may open with ("kind" of "(?:so\s+|very\s+)?kind\s+…"); "" for none (the frame is
    then read in every letter: a pattern with no word to skip to reads every place)."""
    lead = re.match(_OPTIONAL_LEAD, frame)
    return "".join(takewhile(str.isalpha, frame[lead.end() :] if lead else frame))


class Asking:
    """The structure's data made into patterns once (see the module's docstring). `make` makes a
    pattern from its text and flags: `re.compile`, or the rulebook's lazy patterns, which are
    compiled when first needed and kept compiled between runs with the rules (see
    Rulebook.patterns)."""

    def __init__(self, data: dict[str, Any], make: Callable[[str, int], Any] = re.compile) -> None:
        flags = re.IGNORECASE
        made: list[Any] = []

        def pattern(text: str, flags: int = flags) -> Any:
            made.append(make(text, flags))
            return made[-1]

        def words(key: str) -> str:
            return r"\b(?:" + _alternatives(data[key]) + r")\b"

        # each frame alone, read in the letter's lowercase only when the letter holds the word
        # it opens with: one pattern of many alternatives read every place of every letter
        self.frames: list[tuple[str, Any]] = [(_opening(f), pattern(f, 0)) for f in data["frames"]]
        self.not_before_frame = pattern(r"(?:" + data["not_before_frame"] + r")\s*$")
        self.offers = pattern(data["offers"])
        self.choosing = pattern(words("choosing"))
        # verbs that ask for the outcome only with a hire named: "confirm the successful
        # candidate", not "could you confirm?" (receipt of a CV)
        self.named = pattern(words("choosing_named"))
        # verbs that end a process: of the hire only when the hire itself is what they end
        self.concluding = pattern(words("concluding")) if data.get("concluding") else None
        self.modifiers = frozenset(w.lower() for w in data.get("hiring_modifiers", []))
        self.ended = frozenset(w.lower() for w in data.get("ended", []))
        self.outcomes = pattern(words("outcomes"))
        self.tidings = pattern(words("tidings"))
        # a frame that ends in a noun of tidings ("any news", "a quick word"): its object
        # starts at that noun, which the hire named after it makes the hire's news
        self.tidings_last = pattern(words("tidings") + r"\s*$")
        # a remark given, not news: "put in a good word for me", "have a word with Joy"
        self.remark = pattern(r"(?:" + data["remark_before"] + r")\s*$")
        self.standing = pattern("|".join(f"(?:{s})" for s in data["standing"]))
        # the company's path or place, not the hire's standing: "grew … to where it is today",
        # "where it stands in the market"
        self.history = pattern(data.get("standing_history_before", "(?!)"))
        self.position = pattern(data.get("standing_position", "(?!)"))
        self.complement = pattern(r"^\s+(?:with|on|regarding|about|for)\b")
        self.own = pattern(r"(?:" + data["own_subject"] + r")\s*$")
        self.passive = pattern(r"(?:" + data["passive_before"] + r")\s*$")
        self.helping = pattern(r"(?:" + data["helping_before"] + r")\s*$")
        self.cut = pattern(data["scope_ends"])
        self.proposition = pattern(data["proposition"])
        self.question_cuts = pattern(data["question_cuts"])
        # a tag that ends a question ("…, do you think?") is no part of its own: the question
        # is what stands before it
        self.question_tags = pattern("^(?:" + data.get("question_tags", "(?!)") + ")")
        self.boundary = pattern(
            r"\b(?:whether|if|when|who|what|which|how|where|once|until|while)\b|,"
        )
        self.token = pattern(r"[\w'’-]+|[,;:()–—]", 0)
        # the time of what the candidate awaits (feedback, the shortlist; hearing back)
        awaited = data.get("awaited") or {}
        self.timing = pattern(awaited["timing"]) if awaited else None
        self.timed = pattern("|".join(f"(?:{t})" for t in awaited.get("timed", ["(?!)"])))
        self.heard = pattern(r"\b(?:" + "|".join(awaited.get("heard", ["(?!)"])) + r")\b")
        self.awaiting = pattern(awaited.get("awaiting", "(?!)"))
        self.bare = frozenset(awaited.get("bare", []))
        self.about = frozenset(awaited.get("about", []))
        self.givers = frozenset(awaited.get("givers", []))
        self.skipped = frozenset(awaited.get("skipped", []))
        self.times = frozenset(awaited.get("times", []))
        self.made = tuple(made)
        self.hiring = frozenset(w.lower() for w in data["hiring"])
        self.empty = frozenset(w.lower() for w in data["empty"])
        self.stops = frozenset(w.lower() for w in data["stops"])
        self.sides = frozenset(w.lower() for w in data["sides"])

    def spans(
        self, text: str, lowered: str, words: str, sentences: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int]]:
        """Where the letter asks for the outcome: (where the request starts, the sentence's end).
        `lowered` is the text in lowercase, of the same length; `words` its words in one string
        (a frame's first word is looked for in it as a string: "wonder" in "wondering")."""
        hits = []
        for word, frame in self.frames:
            if word in words:
                for m in frame.finditer(lowered):
                    at = m.start()
                    if at == 0 or not lowered[at - 1].isalnum():
                        hits.append(m.span())
        if not hits and "?" not in text:
            return
        hits.sort()
        starts = [start for start, _ in hits]
        # (only the sentences that hold a frame's start or a "?" can ask: the others are not
        # read at all; the sentences are in order and apart)
        openings = [start for start, _ in sentences]
        held = {bisect_right(openings, a) - 1 for a in starts}
        at = text.find("?")
        while at >= 0:
            held.add(bisect_right(openings, at) - 1)
            at = text.find("?", at + 1)
        held.discard(-1)
        for start, end in (sentences[i] for i in sorted(held)):
            sentence = text[start:end]
            question = sentence.rstrip(" \"'”’)").endswith("?")
            first = bisect_left(starts, start)
            inside = [(a - start, b - start) for a, b in hits[first:] if a < end and b <= end]
            if not question and not inside:
                continue
            scopes: list[int] = []
            if question:  # the last part of the question: "As you decide in March, may I ask…?"
                cut = 0
                for c in self.question_cuts.finditer(sentence):
                    rest = sentence[c.end() :]
                    if len(rest.split()) > 2 and self.question_tags.search(rest) is None:
                        cut = c.end()
                scopes.append(cut)
            for a, b in inside:
                if self.not_before_frame.search(sentence, 0, a) is None:
                    last = self.tidings_last.search(sentence, a, b)
                    scopes.append(last.start() if last is not None else b)
            for at in scopes:
                scope = sentence[at:]
                cut_at = self.cut.search(scope)
                if cut_at is not None:
                    scope = scope[: cut_at.start()]
                said = self.proposition.search(scope)  # "any sign that I'm still considered"
                if said is not None:
                    scope = scope[: said.start()]
                if scope.lstrip().lower().startswith("that "):  # a statement reported
                    continue
                if self.asks_outcome(scope):
                    yield start + at, end
                    break

    def asks_outcome(self, scope: str) -> bool:
        offer = self.offers.search(scope)
        limit = offer.start() if offer is not None else len(scope)
        for m in self.standing.finditer(scope, 0, limit):
            if m.group(0)[:5].lower() == "where" and (
                self.history.search(scope, 0, m.start()) or self.position.search(scope[m.start() :])
            ):
                continue  # "(grew) to where it is today": the company's path or place
            # "where things stand with the farm review" is not the hire's
            rest = scope[m.end() :]
            if self.complement.search(rest) is None:
                return True
            if self._about_a_hire(rest) is not False:
                return True
        for m in self.choosing.finditer(scope, 0, limit):
            before = scope[max(0, m.start() - 40) : m.start()]
            if self.helping.search(before):
                continue
            if self.own.search(before) and not self.passive.search(before):
                continue  # the candidate's own choice
            found = self._about_a_hire(scope[m.end() :])
            if found or (found is None and self._chooser(scope[: m.start()])):
                return True
        for m in self.named.finditer(scope, 0, limit):
            if self._about_a_hire(scope[m.end() :]):
                return True
            before = scope[: m.start()]
            if self.passive.search(before[-40:]) and self._hire_before(before):
                return True  # "has the successful applicant been identified?"
        if self.concluding is not None:
            for m in self.concluding.finditer(scope, 0, limit):
                before = scope[: m.start()]
                if self.helping.search(before[-40:]):
                    continue
                if self._ends_a_hire(scope[m.end() :]) or self._hire_ended(before):
                    return True
        for m in self.outcomes.finditer(scope, 0, limit):
            before = scope[max(0, m.start() - 40) : m.start()]
            if self.helping.search(before):
                continue
            words = before.split()
            last = words[-1].lower().strip(",'’") if words else ""
            if last and last not in self.empty and last not in self.hiring and last.isalnum():
                continue  # the outcome of something named: "the Q3 results", "the tender outcome"
            if self._about_a_hire(scope[m.end() :]) is not False:
                return True
        if self.timing is not None and self._awaits(scope, limit):
            return True
        # news, an update: of the hire only when the hire is named ("any news on the vacancy")
        tidings = self.tidings.finditer(scope, 0, limit)
        return any(
            self._about_a_hire(scope[m.end() :])
            and self.remark.search(scope[max(0, m.start() - 40) : m.start()]) is None
            for m in tidings
        )

    def _awaits(self, scope: str, limit: int) -> bool:
        """Does a request that asks WHEN ask the time of what the candidate awaits: feedback,
        the shortlist (bare or about the hire), or hearing back, with the candidate (or the
        candidates) as who hears ("when can we expect to hear back", not "when do you expect to
        hear from the bank")?"""
        timing = [m.span() for m in self.timing.finditer(scope, 0, limit)]  # type: ignore[union-attr]
        if not timing:
            return False
        for m in self.timed.finditer(scope, 0, limit):
            if self._awaited(scope[m.end() :]):
                return True
        for m in self.heard.finditer(scope, 0, limit):
            before = [end for _, end in timing if end <= m.start()]
            if (
                before
                and self.awaiting.search(scope, before[-1], m.start()) is not None
                and self._awaited(scope[m.end() :])
            ):
                return True
        return False

    def _awaited(self, after: str) -> bool:
        """Is what follows a word of the awaited (feedback, hear back) bare, given by the
        hiring side, or about the hire ("feedback on my interview", "hear back from you"),
        rather than about or from something else ("feedback from the pilot laboratories",
        "the shortlist of suppliers", "a feedback survey")?"""
        words = []
        for i, m in enumerate(self.token.finditer(after)):
            word = m.group(0).lower().replace("’", "'")
            if i >= 9 or not word[0].isalnum():
                break
            words.append(word)

        def following(i: int) -> int | None:
            return next((j for j in range(i + 1, len(words)) if words[j] not in self.empty), None)

        i = 0
        while i < len(words):
            word = words[i]
            if word in self.skipped:
                i += 1
                continue
            if word in self.givers:
                j = following(i)
                if j is None:
                    return True
                if words[j] in self.sides or words[j].rstrip("s") in self.sides:
                    i = j + 1
                    continue
                return words[j] in self.times
            if word in self.about:  # the hire, or its word after a modifier ("the panel stage")
                j = following(i)
                return j is None or any(
                    self._hire(w) or w in self.modifiers for w in words[j : j + 2]
                )
            return word in self.bare or word in self.empty
        return True

    def _chooser(self, before: str) -> bool:
        """Is who decides (what stands before the verb, back to "whether", "when"…) the hiring
        side or unnamed, rather than something else ("while the council decides")? After
        "which" the thing chosen stands there too, and must be a hire: "which one you chose"
        (a CRM named before) is not."""
        start, chosen = 0, False
        for b in self.boundary.finditer(before):
            start, chosen = b.end(), b.group(0).lower() == "which"
        hire = False
        for m in self.token.finditer(before, start):
            word = m.group(0).lower().replace("’", "'")
            if word in self.hiring or word.rstrip("s") in self.hiring:
                hire = True
                continue
            if word in self.empty or word in self.sides or word.rstrip("s") in self.sides:
                continue
            return False
        return hire or not chosen

    def _hire(self, word: str) -> bool:
        return word in self.hiring or word.rstrip("s") in self.hiring

    def _hire_before(self, before: str) -> bool:
        """Does what stands before the verb, back to "whether", "when"…, name a hire?"""
        start = 0
        for b in self.boundary.finditer(before):
            start = b.end()
        for m in self.token.finditer(before, start):
            word = m.group(0).lower()
            if word in self.hiring or word.rstrip("s") in self.hiring:
                return True
        return False

    def _owned(self, words: list[str], i: int) -> bool:
        """Is the hire's word at `i` owned by the word before it, a word of something else
        ("the funding round", "the tender process", "the onboarding process"), rather than
        one of the hire's own ("the interview process", "the final round")?"""
        if i == 0:
            return False
        word = words[i - 1]
        return not (word in self.empty or self._hire(word) or word in self.modifiers)

    def _ends_a_hire(self, after: str) -> bool:
        """Is what a verb of ending takes as its object the hire itself ("close that process",
        "wrap up the search", "finish the interviews"), within its first words?"""
        words = []
        for i, m in enumerate(self.token.finditer(after)):
            word = m.group(0).lower().replace("’", "'")
            if i >= 5 or word in self.stops or not word[0].isalnum():
                break
            words.append(word)
        for i, word in enumerate(words):
            if word in self.empty or word in self.modifiers:
                continue
            return word in self.ended and self._the_hire(words, i)
        return False

    def _the_hire(self, words: list[str], i: int) -> bool:
        """Is the word at `i`, a word of the hire that can be ended, the hire itself: not owned
        by the word before it, nor modified by the word after it ("the interview room"), nor
        of something else ("the round of the tender")?"""
        if self._owned(words, i):
            return False
        following = words[i + 1] if i + 1 < len(words) else ""
        if following in ("of", "for"):
            owner = next((w for w in words[i + 2 :] if w not in self.empty), None)
            return owner is None or self._hire(owner)
        return not following or following in self.empty or self._hire(following)

    def _hire_ended(self, before: str) -> bool:
        """Is the subject of a verb of ending (back to "when", "whether"…) the hire itself
        ("when will the process be completed", "how soon the search ends"), not owned by a word
        of something else ("when the tender process closes")?"""
        start = 0
        for b in self.boundary.finditer(before):
            start = b.end()
        words = [m.group(0).lower().replace("’", "'") for m in self.token.finditer(before, start)]
        return any(w in self.ended and self._the_hire(words, i) for i, w in enumerate(words))

    def _about_a_hire(self, after: str) -> bool | None:
        """Does what follows a verb or noun of the outcome name a hire (True), something else
        (False), or nothing at all (None)?"""
        content = False
        words = []
        for i, m in enumerate(self.token.finditer(after)):
            word = m.group(0).lower().replace("’", "'")
            if i >= 7 or word in self.stops or not word[0].isalnum():
                break
            words.append(word)
        giver = False  # after "of", "from", "by": who gives the outcome, not what it is of
        for i, word in enumerate(words):
            if word in ("of", "from", "by"):
                giver = True
                continue
            if giver and word in self.sides:
                continue  # "the verdict of the panel", "news from the team"
            if word not in self.empty:
                giver = False
            if word in self.hiring or word.rstrip("s") in self.hiring:
                following = words[i + 1] if i + 1 < len(words) else ""
                if following and following not in self.empty and not self._hire(following):
                    content = True  # a modifier: "the appointment time", "the job advert"
                    continue
                # "a shortlist of bidders": the hire's word owned by something else
                if following in ("of", "for"):
                    owner = next((w for w in words[i + 2 :] if w not in self.empty), None)
                    if owner is not None and owner not in self.hiring:
                        content = True
                        continue
                return True
            if word not in self.empty:
                content = True
        return False if content else None


__all__ = ["Asking"]
