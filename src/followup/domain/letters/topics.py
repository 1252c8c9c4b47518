"""Topics as letters name them: a topic typed as a question, as the question a sentence holds
('why do deals stall?' -> 'why deals stall'); a long topic by its head once the thank-you has said
it in full; a topic named by a word of the hiring side's decision, which a check-in does not ask
about (003: never ask for the decision)."""

from __future__ import annotations

import re

from followup.domain.letters.typed_notes import _IRREGULAR_PAST, VERBS

# the words a subject may start with before its noun ('the team', 'our reps')
_DETERMINERS = frozenset(
    {"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that"}
    | {"these", "those", "some", "any", "all", "both", "each", "every"}
)

# -- a topic typed as a question ----------------------------------------------------------------
_WH = frozenset({"why", "how", "what", "where", "when", "who", "which"})
# the words a topic that is a question starts with, once it reads as one a sentence holds
QUESTION_WORDS = _WH | {"whether"}
_DO = frozenset({"do", "does", "did"})
_BE = frozenset({"is", "are", "was", "were"})
_MODALS = frozenset({"can", "could", "should", "would", "will", "shall", "might", "must"})
_PRONOUNS = frozenset({"we", "you", "they", "i", "he", "she", "it"})
ASKS = re.compile(
    r"(?:why|how|what|where|when|who|which)(?:'s|’s)?\s+(?:do|does|did|is|are|was|were|can|"
    r"could|should|would|will)\b|(?:what|where|how|who)(?:'s|’s)\s",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "for", "to", "with", "from", "by", "after", "before", "during", "of"}
    | {"into", "over", "under", "between", "across", "against", "without", "within", "than"}
)
# where a question's subject ends: before what is said of it ('is the Nordic market worth it')
_PREDICATE = frozenset(
    {"worth", "enough", "ready", "able", "likely", "too", "really", "still", "very", "more"}
    | {"less", "better", "worse", "the", "a", "an", "any", "really", "already", "going", "on"}
)


def embedded_question(question: str) -> str:
    """A question typed as a topic, as a sentence holds it: 'why do deals stall' -> 'why deals
    stall', 'why does churn spike in Q1' -> 'why churn spikes in Q1', "what's the biggest
    obstacle" -> 'what the biggest obstacle is', 'is the market worth it' -> 'whether the market
    is worth it', 'can we beat SAP' -> 'whether we can beat SAP'. A question it cannot read
    stays as typed, less its question mark."""
    words = question.split()
    if len(words) < 3:
        return question
    first = words[0].lower().replace("’", "'")
    if first.endswith("'s") and first[:-2] in _WH:
        words = [words[0][:-2], "is", *words[1:]]
        first = first[:-2]
    if first in _WH:
        # the question word, perhaps with its noun ('what tools does the team use', 'how much
        # travel is there'), up to the first auxiliary; written in lower case mid-sentence
        at = next(
            (j for j in range(1, min(4, len(words))) if words[j].lower() in _DO | _BE | _MODALS),
            1,
        )
        lead, aux, rest = " ".join([first, *words[1:at]]), words[at], words[at + 1 :]
    elif first in _DO | _BE | _MODALS:
        lead, aux, rest = "whether", words[0], words[1:]
    else:
        return question
    low = aux.lower()
    if not rest or low not in _DO | _BE | _MODALS:
        return question
    if low in _BE:
        going = next(
            (
                i
                for i in range(1, len(rest))
                if rest[i].lower().endswith("ing") and rest[i - 1].lower() not in _PREPOSITIONS
            ),
            None,
        )
        if going is not None:  # 'where are the margins coming from': before what they do
            return " ".join([lead, *rest[:going], low, *rest[going:]])
        if len(rest) > 1 and _participle(rest[-1]):  # 'how are deals forecast': before it
            return " ".join([lead, *rest[:-1], low, rest[-1]])
        if lead.split()[0] in _WH:  # 'what is the ramp time for new reps': the subject is all
            return " ".join([lead, *rest, low])
        end = _subject_end(rest, verb=False)
        if end is None:  # 'are targets realistic', 'is the sales team happy': before the last
            end = len(rest) - 1 if len(rest) > 1 else None
        if end is None:
            return question
        return " ".join([lead, *rest[:end], low, *rest[end:]])
    end = _subject_end(rest, verb=True)
    if end is None or end >= len(rest):
        return question
    verb = rest[end]
    if low == "does":
        verb = _third_person(verb)
    elif low == "did":
        verb = _past(verb)
    if low in _MODALS:
        return " ".join([lead, *rest[:end], low, *rest[end:]])
    return " ".join([lead, *rest[:end], verb, *rest[end + 1 :]])


def _subject_end(rest: list[str], verb: bool) -> int | None:
    """Where a question's subject ends: after a pronoun; else at its verb (a known verb, or the
    word before a preposition), or, after 'is', at what is said of the subject."""
    if rest[0].lower() in _PRONOUNS:
        return 1
    start = 2 if rest[0].lower() in _DETERMINERS and len(rest) > 2 else 1
    for i in range(start, len(rest)):
        word = rest[i].lower()
        if verb and (word in VERBS or (i + 1 < len(rest) and rest[i + 1].lower() in _PREPOSITIONS)):
            return i
        if verb and i + 1 == len(rest):
            return i
        if not verb and word in _PREDICATE:
            return i
        if not verb and word in _PREPOSITIONS - {"of"}:
            # 'are targets realistic for Q3': what is said of them starts before it
            before = rest[i - 1].lower()
            return i - 1 if i - 1 >= 1 and before.endswith(_ADJECTIVE_ENDS) else i
    return None


_ADJECTIVE_ENDS = ("ic", "ble", "ful", "ous", "ive", "al", "ent", "ant", "less", "ary", "ed")
# past participles that do not end in -ed ('how are deals forecast')
_PARTICIPLES_IRREGULAR = frozenset(
    {"forecast", "set", "cut", "run", "paid", "sold", "built", "made", "done", "seen", "taken"}
    | {"given", "known", "won", "lost", "held", "kept", "met", "spent", "written", "chosen"}
)


def _participle(word: str) -> bool:
    low = word.lower()
    return low in _PARTICIPLES_IRREGULAR or (low.endswith("ed") and len(low) > 4)


def _third_person(verb: str) -> str:
    low = verb.lower()
    if low in ("have", "do", "go"):
        return {"have": "has", "do": "does", "go": "goes"}[low]
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    low = verb.lower()
    past = next((p for p, plain in _IRREGULAR_PAST.items() if plain == low), "")
    if past:
        return past
    if low.endswith("e"):
        return verb + "d"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


# the words the hiring side's own decision goes by (003: never ask for the decision): a check-in
# that asks "how things are going with the tender process" or "with the new role" reads as asking
# about the hiring process or the role it did not give the candidate
_DECISION_WORDS = frozenset(
    {"process", "processes", "selection", "search", "shortlist", "decision", "decisions"}
    | {"round", "rounds", "hiring", "hire", "role", "roles", "position", "vacancy", "opening"}
    | {"recruitment", "recruiting", "candidates", "interviews", "offer", "timeline"}
)


def names_the_decision(topic: str) -> bool:
    """Whether a topic ends in a word the hiring side's decision goes by ('the tender process',
    'the new role'): a letter asking how it is going would read as asking for the decision."""
    last = re.sub(r"[^\w'-]", "", topic.rsplit(" ", 1)[-1].lower())
    return last in _DECISION_WORDS


# a topic longer than this is named by its head after the thank-you has said it in full
_LONG_TOPIC = 8
_HEAD_ENDS = frozenset(
    {"for", "in", "on", "at", "with", "between", "across", "after", "before", "during", "from"}
    | {"to", "into", "within", "by", "and", "or", "that", "which", "who", "where", "while"}
    | {"because", "so", "versus", "vs"}
)


def short_topic(name: str) -> str:
    """A long topic as later letters name it, by its head: 'the tender process for the
    university hospitals in Munich, Erlangen and Würzburg and how ...' -> 'the tender process'.
    A topic of eight words or fewer, or one with no head to cut at, stays."""
    words = name.split()
    # a question whose verb was moved to its end ('what the biggest obstacle to X is') is whole
    if len(words) <= _LONG_TOPIC or (words[0].lower() in QUESTION_WORDS and words[-1] in _BE):
        return name
    for i, word in enumerate(words[:_LONG_TOPIC]):
        if i >= 2 and (word.lower() in _HEAD_ENDS or words[i - 1].endswith(",")):
            return " ".join(words[:i]).rstrip(",")
    return name
