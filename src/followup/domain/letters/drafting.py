"""What a draft says, chosen from the candidate's notes; the templates only phrase it.

Each topic discussed with the recipient comes with what they said and what the candidate brings;
a strength is given to the topic it fits best (shared words), each strength once; one topic is
"the point" a secondary letter or a call is about; the candidate's news is numbered so that the
k-th check-in carries news of its own. Phrasings are chosen per person and kind from a seed, so
that the same person's letters never share a sentence and a draft is the same every time.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from followup.domain.letters.text import stem, words
from followup.domain.model import Topic

_STOP = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "at", "by", "from"}
    | {"about", "into", "our", "your", "their", "its", "my", "we", "you", "they", "how", "what"}
    | {"why", "new", "this", "that", "these", "those", "is", "are", "be", "as", "via", "per"}
    | {"vs", "i", "me", "it", "was", "were", "had", "has", "have"}
)


@dataclass(frozen=True, slots=True)
class NotedTopic:
    """A topic as a letter uses it: its notes, and the strength that fits it (when the
    candidate wrote nothing of what they bring to it)."""

    name: str
    said: str = ""
    bring: str = ""
    promised: str = ""
    strength: str = ""

    @property
    def noted(self) -> bool:
        return bool(self.said or self.bring)


def tidy(note: str) -> str:
    """A note as a sentence frame takes it: one line, no closing full stop."""
    return " ".join(note.split()).rstrip(" .;,")


def noted_topics(topics: Sequence[Topic], strengths: Sequence[str]) -> list[NotedTopic]:
    """Each topic with its notes, and for those without a `bring`, the strength that shares the
    most words with the topic and what was said about it (each strength used once)."""
    left = [tidy(s) for s in strengths if tidy(s)]
    out = []
    for topic in topics:
        strength = ""
        if not topic.bring and left:
            about = _content(f"{topic.name} {topic.said}")
            scored = [(len(about & _content(s)), -i, s) for i, s in enumerate(left)]
            best = max(scored)
            if best[0] > 0:
                strength = best[2]
                left.remove(strength)
        out.append(
            NotedTopic(
                topic.name,
                tidy(topic.said),
                tidy(topic.bring),
                tidy(topic.promised),
                strength,
            )
        )
    return out


def the_point(topics: Sequence[NotedTopic]) -> NotedTopic | None:
    """The one topic a secondary letter or a call is about: the first with what they said,
    else the first with what the candidate brings."""
    return next((t for t in topics if t.said), None) or next((t for t in topics if t.bring), None)


def spare_strength(topics: Sequence[NotedTopic], strengths: Sequence[str]) -> str:
    """A strength no topic took, for a letter's general line (empty when a topic has one)."""
    if any(t.strength or t.bring for t in topics):
        return ""
    used = {t.strength for t in topics}
    return next((tidy(s) for s in strengths if tidy(s) and tidy(s) not in used), "")


def news_items(courses: Sequence[str], strengths: Sequence[str]) -> list[tuple[str, str]]:
    """The candidate's news, in the order check-ins carry it: each course taken, then each
    piece of current work ("course", text) or ("work", text)."""
    items = [("course", tidy(c)) for c in courses if tidy(c)]
    items += [("work", tidy(s)) for s in strengths if tidy(s)]
    return items


def chooser(seed: str, k: int = 0) -> Callable[[str, int], int]:
    """`variant(slot, n)`: which of n phrasings a slot of this letter uses, the same every time
    for the same person, kind and slot; the k-th letter of a series moves on by k, so that
    successive check-ins never repeat a phrasing."""

    def variant(slot: str, n: int) -> int:
        if n <= 1:
            return 0
        return (zlib.crc32(f"{seed}|{slot}".encode()) + k) % n

    return variant


def first_question(text: str) -> str:
    """The first sentence of a message that asks something, for the answer's slot."""
    from followup.domain.letters.text import sentences

    for start, end in sentences(text):
        sentence = " ".join(text[start:end].split())
        if sentence.endswith("?") and not sentence.startswith(">"):
            return sentence
    return ""


def quoted(text: str, limit: int = 20) -> str:
    """A message quoted the way mail clients do: each line after '> '."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    if len(lines) > limit:
        lines = [*lines[:limit], "[…]"]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _content(text: str) -> set[str]:
    return {stem(w.group(0)) for w in words(text) if w.group(0).lower() not in _STOP}
