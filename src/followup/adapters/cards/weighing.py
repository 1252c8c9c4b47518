"""The email chosen by what the recogniser saw: the addresses the card allows, weighed on the
line they were printed on.

The other steps compare spellings by their letters (`emails.py`): an `@` read as `g` costs less
than one read as `x`. Here each address the card allows (the one read and put right, those the
name and the company's domain spell) is put in the place of the reading on its line, and the
recogniser's own probabilities along that line (`frames.py`) say how likely each is. An address
that nothing else on the card confirms must be likelier by more than one the card confirms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from followup.adapters.cards.contacts import fold, words
from followup.adapters.cards.emails import Candidate, misreading_cost
from followup.adapters.cards.lines import Line
from followup.adapters.cards.mend import distance

DOUBT_WEIGHT = 1.0  # log-likelihood (nats) a unit of doubt (`emails.UNCONFIRMED` = 2.5) costs
MARGIN = 1.0  # how much likelier (nats) an address must be to replace the one chosen
# How much less likely (nats) an address with a dot after its initial may be than the same
# without it and still be taken: the one line of frames barely sees a dot in small print.
DOT_LOST = 0.5
# And this much more for each character the reading is shorter than the address: a reading that
# dropped letters and marks the address surely holds (`Idubos-lacroix@quantatatste` for
# l.dubois-lacroix@quantialabs.fr: the i, the l, the domain's dot) was of print too small for the
# recogniser's steps, which lose a dot beside a narrow initial first; their doubt about that dot
# says little there.
DOT_LOST_EACH = 0.75
MOST = 40  # addresses weighed, the nearest by their letters first
# How much less likely (nats) the same address with an underscore may be and still be taken where
# the reading has a space between the local part's words (`matthi gampetli@…`): an underscore
# lies under the line, where a tight crop or faint print loses it, and leaves a letter's width of
# paper that the recogniser reads as a space; a dot is read, or lost without a gap. The frames see
# neither mark there, so they barely tell the underscore from a dot or from none.
UNDERSCORE_GAP = 3.5
# Where no address was read at all: how much less likely (nats a character) than the line's own
# reading the likeliest address may be and still be taken (a line read as `s.brvonepßcastalian.ch`
# is s.brunner@castellan.ch at 0.6; a line that holds no address at all is at 2 or more).
UNREAD_GAP = 0.9
# A likeliest address further off than that (small print read as `E mcnelo fsnbri @sswvay.t`,
# michele.fabbri@solvay.it at 1.3) is still taken where it is this much likelier (nats) than any
# address spelt otherwise on any line: an unclear line, but one that says which address it is.
UNREAD_CLEAR_GAP = 1.4
UNREAD_CLEAR_MARGIN = 2.0
UNREAD_MOST = 300  # addresses weighed there (all those the card confirms, on a usual card)


def weighed(
    email: str,
    doubt: float,
    scored: Sequence[Candidate],
    lines: Sequence[Line],
    separators_only: bool = False,
) -> str:
    """`email` (whose `doubt` is what the card leaves unconfirmed of it) or the candidate the
    recogniser saw on the email's line more surely, counting each one's doubt against it. With
    `separators_only` (an address the card confirms), only the same address with its
    separators otherwise (one more, or other ones) is weighed against it."""
    if separators_only:
        scored = [c for c in scored if _separated_otherwise(c.email, email)]
    found = _place(email, lines)
    if found is None:
        return email
    line, start, end = found
    best: dict[str, float] = {}
    for candidate in sorted(scored, key=lambda c: c.cost):
        # Never towards an address the card confirms less: the recogniser is surest of its
        # misreadings of small print (`bjomoberhauser` for bjornoberhauser).
        if candidate.email not in best and candidate.doubt <= doubt:
            best[candidate.email] = candidate.doubt
        if len(best) >= MOST:
            break
    best[email] = doubt
    texts = list(best)
    seen = line.frames() if line.frames is not None else None
    if seen is None:
        return email
    # A label run into the reading (`Emailggirard@…`) is printed there: an address without it
    # is weighed with it kept in its place, as well as in the place of the whole reading.
    label = _label_run_in(line.text[start:end], email)
    heads = [line.text[:start]]
    if label:  # the label as read, and with the space after it the reading lost
        heads += [line.text[: start + len(label)], line.text[: start + len(label)] + " "]
    pairs = [(head, text) for text in texts for head in heads]
    likelihoods = seen.log_likelihoods([head + text + line.text[end:] for head, text in pairs])
    value: dict[str, float] = {}
    for (_, text), likelihood in zip(pairs, likelihoods, strict=True):
        value[text] = max(value.get(text, -1e9), likelihood - DOUBT_WEIGHT * best[text])
    winner = max(texts, key=lambda t: (value[t], t == email))
    if value[winner] <= value[email] + MARGIN:
        winner = email
    # A dot or an underscore is the mark small print loses most (`Emailggirard` for g.girard,
    # `femkevanderberg` for femke_vanderberg): the same address with one more separator that
    # the recogniser's frames make nearly as likely as without it is the one printed.
    margin = _dot_margin(line.text[start:end], winner)
    separated = [
        t for t in texts if _one_more_separator(t, winner) and value[t] >= value[winner] - margin
    ]
    winner = max(separated, key=lambda t: value[t]) if separated else winner
    underscored = [
        t
        for t in _underscored(winner, texts, line.text)
        if value[t] >= value[winner] - UNDERSCORE_GAP
    ]
    return max(underscored, key=lambda t: value[t]) if underscored else winner


def _underscored(winner: str, texts: Sequence[str], read: str) -> list[str]:
    """Of `texts`, `winner` with an underscore in its local part where `read` has a space
    between the words on either side of it (`malgorzate szymanska…` for malgorzata_szymanska:
    each word's three letters next to the gap, one of them misread at most); none where
    `winner` has an underscore already."""
    if "_" in winner.partition("@")[0]:
        return []
    found = []
    lower = read.lower()
    for text in texts:
        local = text.partition("@")[0]
        if "_" not in local or _skeleton(text) != _skeleton(winner):
            continue
        left, _, right = local.partition("_")
        if len(left) < 2 or len(right) < 2:
            continue
        for at in (i for i, c in enumerate(lower) if c == " "):
            before, after = lower[max(0, at - 3) : at], lower[at + 1 : at + 4]
            if _near_end(before, left[-3:]) and _near_end(after, right[:3]):
                found.append(text)
                break
    return found


def _gap_separated(winner: str, texts: Sequence[str], read: str) -> str:
    """Of `texts`, `winner` with one more separator where `read` has a space between the
    letters on either side of it (`à vandenbroucie…` for a.vandenbroucke@, `pcians engineenng`
    for @polaris-engineering, where the frames found the address without it likelier): a
    hyphen in the domain, a dot (else an underscore) after the local part's initial. A gap
    the recogniser read is a separator it lost, as an address has no space, and letters printed
    close leave no gap. The next three letters read as printed (one misread at most), and the
    three before it at most two look-alike letters off; an initial before it (`a.`) read
    alone, as its own word. `winner` as it is where the card allows no such address."""
    lower = fold(read)
    spaces = [at for at, c in enumerate(lower) if c == " "]
    for separator in (".", "_", "-"):
        for text in texts:
            if len(text) != len(winner) + 1 or _skeleton(text) != _skeleton(winner):
                continue
            pairs = zip(text, winner, strict=False)
            at = next((i for i, (a, b) in enumerate(pairs) if a != b), len(winner))
            if text[at] != separator or text[:at] + text[at + 1 :] != winner:
                continue
            word_start = max(text.rfind(c, 0, at) for c in "._-@") + 1
            before, after = text[max(word_start, at - 3) : at], text[at + 1 : at + 4]
            if len(after) < 3 or not after.isalpha() or not before.isalpha():
                continue
            # A hyphen in the domain; in the local part a dot or underscore after an initial
            # only (between two words, `_underscored` has weighed the underscore already).
            in_host = at > text.index("@")
            if in_host != (separator == "-") or (not in_host and len(before) != 1):
                continue
            for gap in spaces:
                seen_before = lower[max(0, gap - len(before)) : gap]
                if not _near_end(lower[gap + 1 : gap + 4], after):
                    continue
                if len(before) == 1:  # an initial: alone, as printed
                    alone = gap == 1 or (gap >= 2 and lower[gap - 2] == " ")
                    if alone and seen_before == before:
                        return text
                elif misreading_cost(before, seen_before) <= 2.0:
                    return text
    return winner


def _near_end(read: str, printed: str) -> bool:
    return (
        len(read) == len(printed) and sum(a != b for a, b in zip(read, printed, strict=True)) <= 1
    )


def _dot_margin(read: str, email: str) -> float:
    """How much less likely than `email` the same address with one more separator may be and
    still be taken, by how many characters its reading `read` dropped."""
    return DOT_LOST + DOT_LOST_EACH * max(0, len(email) - len(read.strip()))


def separable(email: str, scored: Sequence[Candidate]) -> bool:
    """Whether the card allows, as surely, `email` with its separators otherwise: more of them
    (`femke_vanderberg` beside femkevanderberg, `orion-medical-devices` beside
    orionmedicaldevices) or others (`harriet_davies` beside harriet.davies, a space read where
    an underscore is printed and taken for a dot): a doubt only the recogniser's frames can
    settle."""
    doubt = min((c.doubt for c in scored if c.email == email), default=0.0)
    return any(c.doubt <= doubt and _separated_otherwise(c.email, email) for c in scored)


def _separated_otherwise(other: str, email: str) -> bool:
    """The same letters with other separators, or more of them; never fewer: small print loses
    a separator or reads it as a space, it does not make one up (`g in-presti` is g.lo-presti,
    though the frames, seeing a gap, find glo-presti a little likelier)."""
    return other != email and len(other) >= len(email) and _skeleton(other) == _skeleton(email)


def _one_more_separator(other: str, email: str) -> bool:
    return len(other) == len(email) + 1 and _skeleton(other) == _skeleton(email)


def _label_run_in(read: str, email: str) -> str:
    """The label an email's reading begins with, its space lost (`Email` of `Emailggirard@…`),
    where the address read holds it too; else ''."""
    lower = read.lower()
    for label in sorted(words()["email_labels"], key=len, reverse=True):
        if len(label) >= 4 and lower.startswith(label) and email.startswith(label):
            rest = lower[len(label) :]
            if rest[:1].isalpha() and "@" in rest:
                return read[: len(label)]
    return ""


def _place(email: str, lines: Sequence[Line]) -> tuple[Line, int, int] | None:
    """The line with frames the email was read on, and where on it: the run of its words
    nearest to the address (a label before it and a number after it are no part of it)."""
    best: tuple[int, Line, int, int] | None = None
    for line in lines:
        if line.frames is None:
            continue
        text = line.text
        starts = [0] + [i + 1 for i, c in enumerate(text) if c in " :"]
        ends = [i for i, c in enumerate(text) if c == " "] + [len(text)]
        for start in starts:
            for end in ends:
                if end - start < 3:
                    continue
                cost = distance(text[start:end].lower(), email)
                if best is None or cost < best[0]:
                    best = (cost, line, start, end)
    if best is None or best[0] > len(email) // 2:
        return None
    return best[1], best[2], best[3]


def unread(scored: Sequence[Candidate], lines: Sequence[Line], others: set[str]) -> str | None:
    """Where no email was found on the card: the address the card allows that the recogniser
    saw most surely on one of its lines (not the name, title or company: `others`), if it saw
    it nearly as surely as what it read there; else None."""
    best: dict[str, float] = {}
    for candidate in sorted(scored, key=lambda c: (c.cost, c.doubt, c.email)):
        best.setdefault(candidate.email, candidate.doubt)
    if not best:
        return None
    lines = [
        line
        for line in lines
        if line.frames is not None and line.text not in others and _may_be_unread_email(line.text)
    ]
    texts = _likeliest(best, [line.text for line in lines])
    # Each address's best showing on any line: (nats less likely than what was read there,
    # counting its doubt; that a character).
    shown: dict[str, tuple[float, float]] = {}
    where: dict[str, str] = {}  # the line each address showed best on
    for line in lines:
        seen = line.frames() if line.frames is not None else None
        if seen is None:
            continue
        # The whole line, or the line after its first word where that may be a label, however
        # misread (`E`, `Emnall`, `Mait:`): a word like no label (`adotair whateldl…` for
        # alistair.whitfield@) is the address's own first word, not to be left out of it.
        head, _, tail = line.text.partition(" ")
        prefixes = [""] + ([f"{head} "] if tail and may_be_label(head) else [])
        pairs = [
            (prefix, text)
            for prefix in prefixes
            for text in texts
            if not (prefix and _initial_apart(head, text, best))
        ]
        likelihoods = seen.log_likelihoods([p + t for p, t in pairs] + [line.text])
        own = likelihoods[-1]
        for (_, text), likelihood in zip(pairs, likelihoods, strict=False):
            loss = own - likelihood + DOUBT_WEIGHT * best[text]
            if text not in shown or loss < shown[text][0]:
                shown[text] = (loss, loss / len(text))
                where[text] = line.text
    if not shown:
        return None
    ranked = sorted(shown, key=lambda t: shown[t][1])
    winner = ranked[0]
    loss, gap = shown[winner]
    rival = min(
        (shown[t][0] for t in ranked[1:] if _skeleton(t) != _skeleton(winner)), default=None
    )
    if gap > UNREAD_CLEAR_GAP or (
        gap > UNREAD_GAP and rival is not None and rival - loss < UNREAD_CLEAR_MARGIN
    ):
        return None
    # As where an address was read (`weighed`): one more separator, nearly as likely, was printed.
    margin = _dot_margin(where[winner], winner)
    separated = [
        t for t in shown if _one_more_separator(t, winner) and shown[t][0] <= loss + margin
    ]
    winner = min(separated, key=lambda t: shown[t][0]) if separated else winner
    # And an underscore lost under the line, read as a space, as there.
    underscored = [
        t
        for t in _underscored(winner, list(shown), where[winner])
        if shown[t][0] <= shown[winner][0] + UNDERSCORE_GAP
    ]
    winner = min(underscored, key=lambda t: shown[t][0]) if underscored else winner
    return _gap_separated(winner, list(shown), where[winner])


# How far (`emails.misreading_cost`) a word may be from an email's label and still be taken for it.
LABEL_MISREAD = 2.0


def _initial_apart(head: str, text: str, allowed: Mapping[str, float]) -> bool:
    """Whether a line's first word, a letter alone (`à vandenbroucie…`), is the initial of an
    address the card allows that goes on as `text` (a.vandenbroucke@ beside vandenbroucke@),
    its dot read as a space: then it is no label to leave out. A letter that is an email's
    label (`E`) or has a colon after it (`a:`) stays a label."""
    letter = fold(head)
    if len(letter) != 1 or not letter.isalpha() or letter in words()["email_labels"]:
        return False
    return any(f"{letter}{sep}{text}" in allowed for sep in ("", ".", "_", "-"))


def may_be_label(word: str) -> bool:
    """Whether a line's first word may be an email's label as small print is read: a letter or
    two (`E`, `e:`), a word ending as a label does (`E-mait:`), or one a few look-alike letters
    off a label (`Emnall`, `Fmail`, `Courrlel`)."""
    bare = word.lower()
    if len(bare.strip(":.|")) <= 2 or bare.endswith(":"):
        return True
    bare = bare.strip(":.|")
    return len(bare) <= 9 and any(
        misreading_cost(label, bare) <= LABEL_MISREAD for label in words()["email_labels"]
    )


def _likeliest(best: dict[str, float], texts: list[str]) -> list[str]:
    """The `UNREAD_MOST` addresses (of those in `best`, surest first) that share most of their
    pairs of letters with one of the lines `texts`: a card with many spellings of its company
    allows more addresses than are worth weighing, and those nothing on a line is like are the
    ones left out."""
    if len(best) <= UNREAD_MOST:
        return list(best)
    seen = [_pairs(text.lower()) for text in texts]

    def likeness(email: str) -> float:
        pairs = _pairs(email)
        return max((len(pairs & line) / len(pairs) for line in seen), default=0.0)

    order = {email: at for at, email in enumerate(best)}
    ranked = sorted(best, key=lambda email: (-likeness(email), order[email]))
    return ranked[:UNREAD_MOST]


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def _skeleton(email: str) -> str:
    """An address less its separators: `s.brunner` and `sbrunner` are spelt alike."""
    return re.sub(r"[^a-z0-9@]", "", email.lower())


def _may_be_unread_email(text: str) -> bool:
    """A line that may be a misread email: letters, and not a phone number or a web address."""
    lower = text.lower().strip()
    digits = sum(c.isdigit() for c in lower)
    return len(lower) >= 8 and digits < 3 and not lower.startswith(("www", "http"))
