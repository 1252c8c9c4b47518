"""Which of a card's lines of text is the person's name, the job title and the company.

Each line that is not contact details is scored for each role from evidence that holds across
countries and designs (see `fields.py`); the roles are then given to distinct lines by the best
total score, and the title and the company grown by the lines that continue them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from followup.adapters.cards.contacts import fold, words
from followup.adapters.cards.emails import spellings
from followup.adapters.cards.lines import Line, join
from followup.adapters.cards.mend import mend_company, mend_title
from followup.adapters.cards.title_weighing import weighed_title


@dataclass
class Text:
    """A line that is not contact details: a name, a title, a company or something else."""

    line: Line
    index: int
    name: float = 0.0
    title: float = 0.0
    company: float = 0.0
    name_evidence: float = 0.0
    title_evidence: float = 0.0
    company_evidence: float = 0.0


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,;|/()]+", text) if t]


def _title_strength(text: str) -> float:
    vocabulary = words()
    tokens = [fold(t).strip(".:-&'’") for t in _tokens(text)]
    joined = " ".join(tokens)
    if any(" " in w and w in joined for w in vocabulary["title_words"]):
        return 1.0
    if any(t in vocabulary["title_words"] for t in tokens):
        return 1.0
    if any(
        len(t) > len(end) + 2 and t.endswith(end)
        for t in tokens
        for end in vocabulary["title_endings"]
    ):
        return 0.9
    if tokens and sum(t in vocabulary["department_words"] for t in tokens) >= max(
        1, len(tokens) // 2
    ):
        return 0.3
    return 0.0


def _legal_form(text: str) -> bool:
    vocabulary = words()
    tokens = [fold(t) for t in _tokens(text)]
    if len(tokens) < 2:
        return False
    tail = tokens[-1]
    two = " ".join(tokens[-2:])
    last = fold(text.split()[-1]) if text.split() else ""  # `A/S`, `S/A`: a slash inside
    return (
        (last in vocabulary["legal_forms"] and len(text.split()) >= 2)
        or tail in vocabulary["legal_forms"]
        or tail.rstrip(".") in vocabulary["legal_forms"]
        or two in ("sp. z", "z o.o.", "pty ltd", "sdn bhd", "pvt ltd", "pte ltd")
        or " ".join(tokens[-3:]) == "sp. z o.o."
    )


# Legal forms of several words, which a card stacking the company's words prints a word a line
# (`Sp.` / `z` / `o.o.`): one cut short after its first words is still open.
_LONG_FORMS = ("sp. z o.o.", "s.a. de c.v.", "spol. s r.o.", "s. de r.l.")


def _open_form(text: str, longer: str) -> bool:
    """Whether `text` ends in the first words of a legal form of several (`Acme Sp.`, `Acme Sp.
    z`) that `longer` (it and the next line) carries further (`o.o.` read `0.0.` too)."""

    def tail(words_: list[str], n: int) -> str:
        return " ".join(words_[-n:]) if len(words_) >= n else ""

    read = [fold(t) for t in _tokens(mend_company(text))]
    grown = [fold(t) for t in _tokens(mend_company(longer))]
    for form in _LONG_FORMS:
        parts = form.split()
        for n in range(1, len(parts)):
            if tail(read, n) == " ".join(parts[:n]):
                more = len(grown) - len(read)
                if more > 0 and tail(grown, n + more) == " ".join(parts[: n + more]):
                    return True
    return False


def _company_word(text: str) -> bool:
    return any(fold(t) in words()["company_words"] for t in _tokens(text))


def _domain_agreement(text: str, domain: str | None) -> float:
    """How much a line reads like the domain: `Blue Harbor Logistics` ~ `blueharbor`."""
    if not domain:
        return 0.0
    core = re.sub(r"[^a-z0-9]", "", domain)
    tokens = [re.sub(r"[^a-z0-9]", "", fold(t)) for t in _tokens(text)]
    tokens = [t for t in tokens if t and t not in words()["legal_forms"]]
    if not tokens or len(core) < 3:
        return 0.0
    joined = "".join(tokens)
    if core == joined:
        return 1.0
    if len(core) >= 4 and (core in joined or joined in core):
        return 0.85
    parts = [p for p in re.split(r"[^a-z0-9]", domain) if len(p) >= 3]
    inside = sum(1 for t in tokens if len(t) >= 3 and (t in core or any(t == p for p in parts)))
    initials = "".join(t[0] for t in tokens)
    if len(tokens) >= 2 and core == initials:
        return 0.8
    return 0.7 * inside / len(tokens) if inside else 0.0


def _name_words(text: str) -> list[str]:
    return [t for t in re.split(r"[\s\-']+", text) if re.sub(r"[^a-z0-9]", "", fold(t))]


def _email_agreement(text: str, local: str | None) -> float:
    """How much a name reads like the email's local part: `Zoë Ångström` ~ `zoe.angstrom`."""
    if not local:
        return 0.0
    flat = re.sub(r"[^a-z0-9]", "", fold(local))
    parts = [re.sub(r"[^a-z0-9]", "", fold(t)) for t in re.split(r"[\s\-']+", text)]
    parts = [p for p in parts if p]
    if not parts or not flat:
        return 0.0
    long_parts = [p for p in parts if len(p) >= 3]
    spelt = {p: {p} | spellings(t) for p, t in zip(parts, _name_words(text), strict=False)}
    hits = sum(1 for p in long_parts if any(s.replace("-", "") in flat for s in spelt.get(p, {p})))
    if hits == 0:
        return 0.0
    first_initial = flat.startswith(parts[0][0])
    if hits >= 2 or (hits == 1 and len(long_parts) == 1):
        return 1.0
    return 0.8 if first_initial else 0.6


_NAME_CHARS = re.compile(r"^[^\W\d_][\w'’.\- ]*$")


def _name_shape(text: str) -> float:
    """How much a line is shaped like a person's name: 0 to 1."""
    from nameparser import HumanName

    clean = name_text(text)
    if not _NAME_CHARS.match(clean) or any(c.isdigit() for c in clean):
        return 0.0
    tokens = clean.split()
    particles = words()["name_particles"]
    # `María J. García de la Fuente`: particles are no more words of the name.
    named = [t for t in tokens if fold(t) not in particles]
    if not 2 <= len(named) <= 5 or len(clean) > 45:
        return 0.0
    capitalised = all(t[0].isupper() or fold(t) in particles for t in tokens)
    if not capitalised:
        return 0.0
    parsed = HumanName(clean)
    if not (parsed.first and parsed.last):
        return 0.2
    return 1.0


def assign(
    texts: list[Text], local: str | None, domain: str | None
) -> tuple[Text | None, Text | None, Text | None]:
    if not texts:
        return None, None, None
    tallest = max(t.line.height for t in texts)
    for rank, text in enumerate(sorted(texts, key=lambda t: -t.line.height)):
        line = text.line
        size = line.height / tallest
        big = 1.0 if rank == 0 else 0.6 if rank == 1 else 0.0
        # A title whose words are misread (`Chiet Financal Ofior`) is a title once they are put
        # right, if less surely: else it may be taken for a name.
        titled = _title_strength(line.text) or 0.8 * _title_strength(mend_title(line.text))
        legal = _legal_form(line.text)
        domain_match = _domain_agreement(line.text, domain)
        email_match = _email_agreement(line.text, local)
        shape = _name_shape(line.text)
        wordy = _company_word(line.text)
        name_evidence = shape * (0.55 + 0.4 * email_match + 0.15 * big) - 0.6 * titled
        if legal or (domain_match >= 0.85 and email_match < 0.6):
            name_evidence -= 0.6
        text.name_evidence = max(0.0, min(1.0, name_evidence))
        text.name = text.name_evidence + 0.05 * size
        text.title_evidence = (
            titled * (0.3 if legal else 1.0) * (0.5 if email_match >= 0.8 else 1.0)
        )
        text.title = text.title_evidence
        company_evidence = max(0.9 if legal else 0.0, domain_match, 0.35 if wordy else 0.0)
        if email_match >= 0.8 and shape and not legal:
            company_evidence *= 0.3  # a person's name that the address happens to share
        company_evidence -= 0.5 * titled * (0.0 if legal else 1.0)
        text.company_evidence = max(0.0, min(1.0, company_evidence))
        # Without other evidence, the company is printed large or at the top, beside the logo.
        position = 0.15 * size + 0.1 * max(0.0, 1 - line.top / 0.4)
        text.company = text.company_evidence + position * (1 - 0.8 * shape)
    best: tuple[float, tuple[Text | None, Text | None, Text | None]] = (-1.0, (None, None, None))
    choices: list[Text | None] = [*texts, None]
    for name, title, company in product(choices, repeat=3):
        chosen = [c for c in (name, title, company) if c is not None]
        if len({id(c) for c in chosen}) < len(chosen):
            continue
        total = (name.name - 0.3 if name else 0.0) + (title.title - 0.25 if title else 0.0)
        total += company.company - 0.2 if company else 0.0
        if title is not None and name is not None:
            total += 0.1 * _below(name.line, title.line)
        if total > best[0]:
            best = (total, (name, title, company))
    return best[1]


def _below(upper: Line, lower: Line) -> float:
    """1 if `lower` is the line right under `upper` (as a title sits under its name)."""
    gap = lower.top - upper.bottom
    return 1.0 if -0.02 <= gap <= 2.5 * lower.height else 0.0


def confidence(text: Text | None, role: str) -> float:
    if text is None:
        return 0.0
    evidence: float = getattr(text, f"{role}_evidence")
    if role == "company" and evidence == 0:
        evidence = 0.35  # chosen by its place alone
    if role == "title" and evidence == 0:
        evidence = 0.3
    return round(min(0.99, text.line.score * max(0.05, evidence)), 2)


def title_text(texts: list[Text], name: Text | None, title: Text, company: Text | None) -> str:
    """The title, with a line that continues it (a title too long for one line)."""
    taken = {id(t.line) for t in (name, title, company) if t is not None}
    line = title.line
    parts = [line.text]
    above, below = neighbours(texts, line, taken)
    if below is not None and _continues(line.text, below.text):
        parts.append(below.text)
    elif above is not None and _continues(above.text, line.text) and _leads_title(above, line):
        parts.insert(0, above.text)
    mended = mend_title(_clean(" ".join(parts)))
    # A title on one line read unsurely: its words the letters leave unknown, weighed on it.
    return weighed_title(mended, line) if len(parts) == 1 else mended


def _leads_title(above: Line, line: Line) -> bool:
    """Whether the line above a title is its first half: a title word, or a word or two set
    as tight as a title's lines (`Software` over `Engineering Manager`), no company's name."""
    if _title_strength(above.text):
        return True
    tight = (line.middle - above.middle) / line.height < 1.4
    return tight and len(above.text.split()) <= 2 and not _legal_form(above.text)


def neighbours(
    texts: list[Text], line: Line, taken: set[int], smaller: float = 0.8
) -> tuple[Line | None, Line | None]:
    """The free lines (not in `taken`, by id) right above and right below `line`, printed the
    same size (down to `smaller` times its height) and aligned with it. `line` may be lines
    joined: its first and last are found by their height from its top and bottom."""
    above: Line | None = None
    below: Line | None = None
    for other in texts:
        o = other.line
        if id(o) in taken or o is line:
            continue
        # A box holds the letters' ascenders and descenders: `plc` stands 1.25 times as tall
        # as `Devices` above it, in the same type.
        # A legal form alone on its line (`plc`, `Sp.`) is a short word in a box padded round
        # it: up to 1.45 times as tall as the name's words over it.
        # A line with no descender (`Data Scientist`) under one with them (`Principal`) stands
        # as little as 0.78 as tall in the same type: its box lacks their depth.
        low = smaller * (_BARE_ROOM if _descends(line.text) and not _descends(o.text) else 1.0)
        same_size = low < o.height / line.height < (1.45 if _legal_alone(o.text) else 1.3)
        tolerance = 0.3 * line.height
        aligned = (
            abs(o.left - line.left) < tolerance
            or abs(o.right - line.right) < tolerance
            or abs((o.left + o.right) - (line.left + line.right)) < 2 * tolerance
        )
        if not (same_size and aligned):
            continue
        # By their middles: a slanted line's box is taller than its letters.
        step_down = (o.middle - (line.bottom - line.height / 2)) / line.height
        step_up = (o.middle - (line.top + line.height / 2)) / line.height
        if 0.5 < step_down < 1.9 and (below is None or o.top < below.top):
            below = o
        elif -1.9 < step_up < -0.5 and (above is None or o.top > above.top):
            above = o
    return above, below


# How much shorter than `smaller` a line without descenders may stand beside one with them.
_BARE_ROOM = 0.92


def _descends(text: str) -> bool:
    """Whether a line has a letter that goes below it (g, j, p, q, y) or a comma."""
    return any(c in "gjpqy," for c in text)


def company_text(
    texts: list[Text],
    name: Text | None,
    title: Text | None,
    company: Text,
    domain: str | None,
) -> str:
    """The company, with the lines of a name stacked over several lines (a logo's words, a legal
    form printed under the name) when together they read more like the domain or end in a legal
    form."""
    taken = {id(t.line) for t in (name, title, company) if t is not None}
    line = company.line
    for _ in range(5):
        above, below = neighbours(texts, line, taken, smaller=0.6)
        grown = None
        for part, candidate in (
            (above, join(above, line) if above else None),
            (below, join(line, below) if below else None),
        ):
            if candidate is None or part is None:
                continue
            agreement = _domain_agreement(candidate.text, domain)
            spelt = agreement > _domain_agreement(line.text, domain)  # the part is in the domain
            better = spelt or agreement >= 0.85
            legal = _legal_form(mend_company(candidate.text)) and (
                not _legal_form(line.text) or _open_form(line.text, candidate.text)
            )
            wordy = _company_word(part.text)
            # `Marlowe` / `&` / `Finch`: an ampersand alone under the name joins it, and the
            # line under a name ending in one ends the name.
            if part is below and (
                part.text.strip() in ("&", "+") or line.text.rstrip().endswith(("&", "+"))
            ):
                wordy = True
            # An ampersand's box holds no ascender or descender: it stands shorter than the
            # words around it in the same type (`Marlowe` / `&` / `Finch`, 0.78 as tall).
            ampersand = part.text.strip() in ("&", "+")
            if part.height < 0.8 * line.height and not (legal or spelt or ampersand):
                # Only a legal form is printed smaller than the name it ends, or a word the
                # domain spells (`Verdant` over `Energy`: only the latter's box holds a `g`).
                continue
            if (better or legal or wordy) and _title_strength(candidate.text) < 0.9:
                grown = candidate
                taken.add(id(part))
                break
        if grown is None:
            break
        line = grown
    text = _form_cased(mend_company(_clean(_completed_form(texts, line, taken).text)))
    return _parted(text, domain)


def _legal_alone(text: str) -> bool:
    """A line that is a legal form alone, or the first word of one of several (`Sp.`)."""
    bare = fold(text).strip()
    vocabulary = words()["legal_forms"]
    return bare in vocabulary or any(form.startswith(f"{bare} ") for form in _LONG_FORMS)


def _parted(text: str, domain: str | None) -> str:
    """The company's name with two capitalised words the OCR ran together parted where the
    domain is one of them alone (`AtlasFreight` beside atlas.nl): a name written as one word
    (`PayPal`, paypal.com) has the whole of it as its domain."""
    text = " ".join(_capitals_parted(token) for token in text.split(" "))
    if not domain:
        return text
    bare = re.sub(r"[^a-z0-9]", "", domain)
    out = []
    for token in text.split(" "):
        run = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})", token)
        if run and bare in (fold(run.group(1)), fold(run.group(2))):
            token = f"{run.group(1)} {run.group(2)}"
        out.append(token)
    return " ".join(out)


def _capitals_parted(token: str) -> str:
    """A company's name printed in capitals with its last word, a word companies are named
    with, run into the word before it (`VERDANTENERGY`, `ATLASLOGISTICS`): parted, as the
    capitals inside a word part `KestrelAnalytics` (`mend._company_words_mended`). A word of
    capitals that ends in no such word (`SALESFORCE`), or whose part before it is shorter than
    three letters, stays as read."""
    if not (token.isalpha() and token.isupper() and len(token) >= 8):
        return token
    vocabulary = words()["company_words"]
    for at in range(3, len(token) - 4):
        if fold(token[at:]) in vocabulary:
            return f"{token[:at]} {token[at:]}"
    return token


def _form_cased(text: str) -> str:
    """`text` with the one-letter words of a legal form of several it ends with as the form
    writes them (`Sp. Z o.o.`, its `z` read from a line of its own in capitals: `Sp. z o.o.`)."""
    tokens = text.split(" ")
    for form in _LONG_FORMS:
        parts = form.split()
        tail = tokens[-len(parts) :]
        if len(tokens) > len(parts) and [fold(t) for t in tail] == parts:
            cased = [p if len(p) == 1 else t for t, p in zip(tail, parts, strict=True)]
            return " ".join([*tokens[: -len(parts)], *cased])
    return text


def _completed_form(texts: list[Text], line: Line, taken: set[int]) -> Line:
    """`line` with the rest of a legal form of several words it ends with the first of (`Acme
    Robotics Sp.`), printed a word a line under it (`z`, then `o.o.`, read `0.0.`): each free
    line right under the last, at its left or its right, that carries the form further."""
    for _ in range(2):
        under = [
            t.line
            for t in texts
            if id(t.line) not in taken
            and t.line is not line
            and 0 <= t.line.top - line.bottom + 0.5 * line.height < 1.5 * line.height
            and (
                abs(t.line.left - line.left) < 0.3 * line.height
                or abs(t.line.right - line.right) < 0.3 * line.height
            )
        ]
        part = next(
            (
                o
                for o in sorted(under, key=lambda o: o.top)
                if _open_form(line.text, join(line, o).text)
            ),
            None,
        )
        if part is None:
            return line
        taken.add(id(part))
        line = join(line, part)
    return line


def _continues(first: str, second: str) -> bool:
    tail = fold(first).rstrip()
    return (
        tail.endswith((",", "&", "-", "/"))
        or tail.split()[-1:] in (["of"], ["and"], ["de"], ["des"], ["du"], ["für"], ["fur"])
        or second[:1].islower()
        or _title_strength(second) >= 0.3
    )


def name_text(text: str) -> str:
    clean = _clean(text)
    # A capital with a mark that differs from its small letter only in size (`Ş`, `Ł`, `Ö`) is
    # often read small: no name starts with such a small letter but a particle (`ó`, `ní`).
    particles = words()["name_particles"]
    clean = " ".join(
        t[0].upper() + t[1:]
        if t[:1].islower() and not t[:1].isascii() and t not in particles
        else t
        for t in clean.split(" ")
    )
    # After a Gaelic particle the surname has its capital, whose small letter is the same shape
    # (`Ó súilleabháin`: the S read small).
    clean = re.sub(
        r"(?i)(?<![^\s])(ó|ní|nic|mac|mc)(\s+)([a-zà-ÿ])",
        lambda m: m.group(1) + m.group(2) + m.group(3).upper(),
        clean,
    )
    # A capital I read as a small l (`llaria`, `lvan`): no name starts with a small l but a
    # particle (`la`, `le`, `lo`).
    clean = " ".join(
        "I" + t[1:] if re.fullmatch(r"l[^\W\d_]+", t) and t not in particles else t
        for t in clean.split(" ")
    )
    # `Æ` read as the two letters it joins (`AErling`): no name is spelt with both capitals.
    clean = re.sub(r"(?<![^\s-])AE(?=[a-zà-ÿ])", "Æ", clean)
    if " " not in clean:  # `MaximilianMüller`: the space lost (not the one of `MacLeod`)
        clean = re.sub(r"(?<=[^\W\d_]{3})(?<!Mac)(?<!Mc)(?=[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž])", " ", clean)
    # Letters after the name (", PhD", ", MBA") are not part of it.
    clean = re.split(r",\s*(?=[A-Z][A-Za-z.]{1,6}\b)", clean)[0]
    if clean.isupper() and len(clean) > 3:
        from nameparser import HumanName

        parsed = HumanName(clean.title())
        parsed.capitalize(force=True)
        clean = str(parsed)
    return clean


def _clean(text: str) -> str:
    """One line of words: a logo's mark read as a sign before them (`▲ Acme`) left out."""
    text = " ".join(text.split()).strip(" |·•-–—:")
    return re.sub(r"^[^\w\s(\"'“‘&]+\s+(?=\w)", "", text)
