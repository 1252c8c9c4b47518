"""A call script's words about its recipient, read as if said to them.

A call script is the writer's notes for a call: it speaks of the person called in the third
person ("tell her she is the sharpest director on the coast", "say he runs the finest region").
What a letter would say to them ("you are the sharpest director...") is what the script will
have the writer say, so the rules that read praise said to "you" read the script once more with
the recipient's pronouns made "you" and "your", and the verb after them made to agree. A line
that names anyone else met for the opportunity is left as it is: its "he" may be them.

`second_person(text, first_name, others)` gives the script so read, and for each of its
characters where in the script it starts and ends (to report a finding on the script's own
words).
"""

from __future__ import annotations

import re

# The recipient's pronouns, and the recipient's first name where it is the subject of "is",
# "was", "has" or a possessive ("Zainab's office").
_TOKEN = re.compile(
    r"\b(?:(she|he)(?:(['’]s)|\s+(is|was|has|does|isn['’]t|wasn['’]t|hasn['’]t|doesn['’]t)\b"
    r"|\s+([a-z]{3,}s)\b)?|(him|his|hers|herself|himself)|(her))\b",
    re.IGNORECASE,
)
_VERB = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}
_OBJECT = {"him": "you", "his": "your", "hers": "yours", "herself": "yourself"}
_OBJECT["himself"] = "yourself"
# Words after "her" that show it is the object ("tell her that", "thank her for"), not a
# possessive ("her office").
_AFTER_OBJECT = frozenset(
    {
        *("that", "on", "for", "about", "again", "how", "if", "whether", "what", "when", "why"),
        *("where", "and", "or", "but", "to", "with", "by", "in", "at", "as", "so", "the", "a"),
        *("an", "this", "these", "those", "my", "our", "once", "too", "now", "know"),
    }
)
# Words that end in "s" and are no verb of the third person.
_NOT_VERBS = frozenset(
    {
        *("always", "perhaps", "sometimes", "thus", "towards", "afterwards", "nevertheless"),
        *("besides", "less", "unless", "across", "plus", "various"),
    }
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_LINE = re.compile(r"[^\n]+")
_WORDS = re.compile(r"[^\W\d_]+")


def _verb(word: str) -> str:
    """The form of a verb of the third person ("runs", "teaches") after "you"."""
    lower = word.lower()
    if lower.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


def _replacement(m: re.Match[str], text: str) -> str:
    pronoun, contracted, aux, verb, other, _ = m.groups()
    if pronoun:
        if contracted:
            return "you're"
        if aux:
            return "you " + _VERB[aux.lower().replace("’", "'")]
        if verb:
            return "you " + (verb if verb.lower() in _NOT_VERBS else _verb(verb))
        return "you"
    if other:
        return _OBJECT[other.lower()]
    after = _NEXT_WORD.match(text, m.end())
    if after is None or after.start(1) != m.end() + 1 or after.group(1).lower() in _AFTER_OBJECT:
        return "you"
    return "your"


def second_person(
    text: str, first_name: str, others: frozenset[str]
) -> tuple[str, list[int], list[int]]:
    """The script with the recipient spoken to, and for each of its characters where in the
    script it starts and where it ends (a word put in place of another: that word's start and
    end). `others` are the lowercase name parts of everyone else met for the opportunity: a
    line naming one of them is left as it is."""
    name = re.compile(
        rf"\b{re.escape(first_name)}(?:(['’]s)\s+(?=(?:the|a|an|so|such|very|truly|simply|"
        rf"easily|one|by|probably|surely|clearly|just|quite|really|absolutely)\b)|(['’]s)\b|"
        rf"\s+(is|was|has)\b)"
        if first_name
        else r"(?!)"
    )
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0

    def keep(end: int) -> None:
        nonlocal at
        out.append(text[at:end])
        starts.extend(range(at, end))
        ends.extend(range(at + 1, end + 1))
        at = end

    def put(start: int, end: int, words: str) -> None:
        nonlocal at
        keep(start)
        out.append(words)
        starts.extend([start] * len(words))
        ends.extend([end] * len(words))
        at = end

    for line in _LINE.finditer(text):
        if others and any(w.lower() in others for w in _WORDS.findall(line.group(0))):
            continue
        found: list[tuple[int, int, str]] = []
        for m in _TOKEN.finditer(text, line.start(), line.end()):
            found.append((m.start(), m.end(), _replacement(m, text)))
        for m in name.finditer(text, line.start(), line.end()):
            before, possessive, aux = m.groups()
            words = "you're " if before else "your" if possessive else "you " + _VERB[aux.lower()]
            found.append((m.start(), m.end(), words))
        for start, end, words in sorted(found):
            if start >= at:
                put(start, end, words)
    keep(len(text))
    return "".join(out), starts, ends
