"""From a card's lines of text to its five fields, each with a confidence.

The contact lines are found by their grammar (`contacts.py`). What is left is the person's name, the
job title, the company and the rest (a tagline, a department). Each of these lines is scored for
each role from evidence that holds across countries and designs:
- a name parses as given name and surname (`nameparser`), holds no digits and no title word, is
  usually the largest or second largest text, and agrees with the email's local part;
- a title holds a job-title word (`words.json`, many languages; German compounds by their endings);
- a company carries a legal form (Inc., GmbH, S.A.…), agrees with the email's or website's domain,
  and is printed large or at the top (beside the logo).
The roles are then given to distinct lines by the best total score. A field's confidence is the
OCR's certainty for its line times the strength of the evidence that gave it the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise, product

from followup.adapters.cards.contacts import (
    Phone,
    domain_of,
    find_emails,
    find_phones,
    find_web,
    fold,
    looks_like_address,
    words,
)
from followup.adapters.cards.emails import local_parts, spellings
from followup.adapters.cards.mend import distance, mend_company, mend_domain, mend_title, slugs
from followup.domain.cards import BusinessCard


@dataclass(frozen=True)
class Line:
    """One line of text read from the card. Positions are in card heights from the top-left
    corner, so they compare across photo sizes."""

    text: str
    score: float = 1.0
    left: float = 0.0
    top: float = 0.0
    right: float = 1.0
    bottom: float = 0.1
    height: float = 0.1

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def lines_from_text(texts: list[str | tuple[str, float]]) -> list[Line]:
    """Lines as OCR would give them, one under the other; a number beside a text is its height
    relative to the others (2.0 for a name printed twice as large)."""
    lines, top = [], 0.05
    for item in texts:
        text, scale = (item, 1.0) if isinstance(item, str) else item
        height = 0.06 * scale
        lines.append(
            Line(text, 0.99, 0.05, top, 0.05 + len(text) * height * 0.5, top + height, height)
        )
        top += height * 1.5
    return lines


# --- rows ----------------------------------------------------------------------------------------


def merge_rows(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line, split by the OCR where words stand apart, joined again; a
    label alone (`T`, `Fax:`) joins the value beside it however far away it is."""
    pieces = sorted((line for line in lines if line.text.strip()), key=lambda ln: ln.middle)
    rows: list[list[Line]] = []
    for piece in pieces:
        for row in rows:
            anchor = row[0]
            if (
                abs(piece.middle - anchor.middle) < 0.5 * min(piece.height, anchor.height)
                and 0.6 < piece.height / max(anchor.height, 1e-6) < 1.6
            ):
                row.append(piece)
                break
        else:
            rows.append([piece])
    merged: list[Line] = []
    for row in rows:
        row.sort(key=lambda ln: ln.left)
        current = row[0]
        for piece in row[1:]:
            gap = piece.left - current.right
            # Near, and set in the same size: words of one line (a band's long word that ends
            # near the title beside it is not part of the title).
            near = gap < 1.2 * max(current.height, piece.height)
            alike = 0.8 < piece.height / max(current.height, 1e-6) < 1.25
            if (near and alike) or _is_label(current.text):
                current = _join(current, piece)
            else:
                merged.append(current)
                current = piece
        merged.append(current)
    merged.sort(key=lambda ln: (ln.middle, ln.left))
    return merged


def _is_label(text: str) -> bool:
    bare = fold(text).strip(" .:|/-")
    vocabulary = words()
    return any(
        bare in vocabulary[key]
        for key in ("fax_labels", "mobile_labels", "phone_labels", "email_labels", "web_labels")
    )


def _join(a: Line, b: Line) -> Line:
    weight_a, weight_b = len(a.text), len(b.text)
    score = (a.score * weight_a + b.score * weight_b) / max(weight_a + weight_b, 1)
    return Line(
        f"{a.text} {b.text}",
        score,
        min(a.left, b.left),
        min(a.top, b.top),
        max(a.right, b.right),
        max(a.bottom, b.bottom),
        max(a.height, b.height),
    )


# --- the fields ----------------------------------------------------------------------------------


@dataclass
class _Text:
    """A line that is not contact details: a name, a title, a company or something else."""

    line: Line
    index: int
    name: float = 0.0
    title: float = 0.0
    company: float = 0.0
    name_evidence: float = 0.0
    title_evidence: float = 0.0
    company_evidence: float = 0.0


def find_fields(lines: list[Line], region: str | None) -> BusinessCard:
    """The card's five fields from its lines; `region` is the country a number without `+`
    belongs to (the candidate's)."""
    rows = merge_rows(lines)
    emails: list[tuple[str, float]] = []
    phones: list[tuple[Phone, float]] = []
    webs: list[str] = []
    web_words: list[str] = []  # each web address with what is glued before it (`n.` of n.galli)
    texts: list[_Text] = []
    rests: list[tuple[str, float]] = []  # each line less its email and web addresses
    before: dict[str, str] = {}  # what an email's line says before it
    for index, line in enumerate(rows):
        found_emails = find_emails(line.text)
        for address in found_emails:
            emails.append((address.value, line.score * (0.85 if address.repaired else 1.0)))
            before[address.value] = line.text[: address.start]
        rest = _blank(line.text, [(e.start, e.end) for e in found_emails])
        found_web = find_web(rest)
        webs.extend(w.value for w in found_web)
        web_words.extend(re.findall(r"\S*$", rest[: w.start])[0] + w.value for w in found_web)
        web_words.extend(w for w in rest.split() if "." in w and not w.isascii())
        rest = _blank(rest, [(w.start, w.end) for w in found_web])
        found_phones = find_phones(rest, region)
        phones.extend((phone, line.score) for phone in found_phones)
        rests.append((rest, line.score))
        if found_emails or found_web or found_phones:
            continue
        if _is_text(line.text):
            texts.append(_Text(line, index))
    webs.sort(key=lambda w: not re.match(r"(?i)(https?://|www)", w))  # the surest first
    if not emails:
        emails = _email_misread_as_web(webs, web_words, _stacks(texts))
    if not emails:
        emails, row = _email_lost_its_dot(rows, webs)
        texts = [text for text in texts if text.index != row]
    email, email_confidence = emails[0] if emails else (None, 0.0)
    if email:
        mended = mend_domain(email, webs, _stacks(texts))
        if mended != email and find_emails(mended):  # put right: less sure (and not raised)
            email, email_confidence = mended, min(email_confidence, 0.7)
    domain = domain_of(email, webs[0] if webs else None)
    if email and domain and any(domain in fold(w) for w in webs) and email_confidence > 0.7:
        email_confidence = min(1.0, email_confidence + 0.05)  # the website agrees
    phone_text, phone_confidence = _choose_phone(phones)
    abroad = _country_of(email, webs)
    if not any(p.valid and p.kind != "fax" for p, _ in phones) and abroad not in (None, region):
        # A card from another country, its numbers written as they are dialled there.
        foreign = [(p, score) for rest, score in rests for p in find_phones(rest, abroad)]
        if any(p.valid and p.kind != "fax" for p, _ in foreign):
            phone_text, phone_confidence = _choose_phone(foreign)
            phone_confidence = round(phone_confidence * 0.9, 2)
    local = email.partition("@")[0] if email else None
    name, title, company = _assign(texts, local, domain)
    if email:
        checked = _checked_email(email, name.line.text if name else None)
        if name:
            checked = _with_first_name(checked, before.get(email, ""), name.line.text)
        if checked != email:
            email, email_confidence = checked, min(email_confidence, 0.7)
    company_text = _company_text(texts, name, title, company, domain) if company else None
    if name:  # the email against the name and the company printed on the same card
        from followup.adapters.cards.emails import reconcile

        # Every line but the name, title and company: an email misread past recognition as one
        # (no `@`, no dot before its ending) was taken for a line of text.
        taken = {text.index for text in (name, title, company) if text is not None}
        witnessed = reconcile(
            email,
            [row.text for i, row in enumerate(rows) if i not in taken],
            _name_text(name.line.text),
            slugs(company_text) if company_text else set(),
            webs,
            _region_of(phone_text),
        )
        if witnessed != email:
            email, email_confidence = witnessed, 0.7
    return BusinessCard(
        name=_marked(_name_text(name.line.text), email, _region_of(phone_text)) if name else None,
        title=_title_text(texts, name, title, company) if title else None,
        company=company_text,
        email=email,
        phone=phone_text,
        confidence={
            "name": _confidence(name, "name"),
            "title": _confidence(title, "title"),
            "company": _confidence(company, "company"),
            "email": round(email_confidence * 0.99, 2) if email else 0.0,
            "phone": phone_confidence,
        },
    )


# A letter with a mark, as an address spells it out and as a name's line may lose the mark:
# (as read, as spelt, as written in the Nordic countries, as written elsewhere).
_MARKS = (
    ("o", "oe", "ø", "ö"),
    ("a", "ae", "æ", "ä"),
    ("e", "ae", "æ", "æ"),  # Æ read as E
    ("u", "ue", "ü", "ü"),
    ("a", "aa", "å", "å"),
)
_NORDIC = frozenset({"DK", "NO", "FO", "GL", "IS"})


def _marked(name: str, email: str | None, country: str | None) -> str:
    """The name with a mark its line lost put back where the address is one the name makes
    only with the mark spelt out (`Molgaard` beside mette.moelgaard@, `Erling Ødegaard` beside
    aerlingoedegaard@), in the letter the phone number's country writes (`ø` in Denmark, `ö`
    in Sweden or Germany). An address the name makes as read, or a card from no known
    country, leaves it as read."""
    if not email or not country:
        return name
    local = email.partition("@")[0].lower()
    if local in local_parts(name):
        return name
    # Each word as read, and with one mark put back where the address spells it out there.
    choices = []
    for word in name.split(" "):
        ways = [word]
        if word.isascii() and word.isalpha():
            for at, letter in enumerate(word.lower()):
                for read, spelt, nordic, other in _MARKS:
                    if letter == read and f"{word.lower()[:at]}{spelt}" in local:
                        mark = nordic if country in _NORDIC else other
                        mark = mark.upper() if word[at].isupper() else mark
                        ways.append(word[:at] + mark + word[at + 1 :])
        choices.append(ways)
    found = {
        candidate
        for ways in product(*choices)
        if (candidate := " ".join(ways)) != name and local in local_parts(candidate)
    }
    return found.pop() if len(found) == 1 else name


def _region_of(phone: str | None) -> str | None:
    """The country a number found on the card is in (`+420 601 637 604` -> CZ)."""
    import phonenumbers

    if not phone:
        return None
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(phone))
    except phonenumbers.NumberParseException:
        return None


def _stacks(texts: list[_Text]) -> list[str]:
    """Each text line, and with the lines stacked under it (up to three): a company's name may
    be set over several lines (`Marlowe` / `&` / `Finch`)."""
    found = []
    for text in texts:
        line = text.line
        found.append(line.text)
        for _ in range(3):
            _, below = _neighbours(texts, line, {id(text.line)})
            if below is None:
                break
            line = _join(line, below)
            found.append(line.text)
    return found


def _country_of(email: str | None, webs: list[str]) -> str | None:
    """The country a card's domain names (`.be` -> BE, `.co.uk` -> GB), if it names one."""
    import phonenumbers

    hosts = [email.rpartition("@")[2]] if email else []
    hosts += [re.sub(r"(?i)^(https?://)?(www\.)?", "", w).split("/")[0] for w in webs]
    for host in hosts:
        tld = host.lower().rstrip(".").rpartition(".")[2]
        code = "GB" if tld == "uk" else tld.upper()
        if len(code) == 2 and code in phonenumbers.SUPPORTED_REGIONS:
            return code
    return None


def _email_misread_as_web(
    webs: list[str], web_words: list[str], stacks: list[str]
) -> list[tuple[str, float]]:
    """An email whose `@` the OCR read as a letter looks like a web address: one that ends with
    the website's domain (`averymacdonaldgorion.ca` beside `www.orion.ca`), or that is cut, at a
    letter `@` is taken for (or one no address holds), into the words of a line (the name) and a
    domain the company's name spells (`n.galligeu.acme-logistik.it` beside Niccolò Galli and ACME
    LOGISTIK; `sorenüacme.de` beside Sören and Acme)."""
    sites = [re.sub(r"(?i)^(https?://)?www\.", "", w).split("/")[0].lower() for w in webs]
    sites = [s for s in sites if "." in s]
    names = set()
    for text in stacks:
        names |= slugs(text)
    said = {w for text in stacks for w in re.split(r"[^a-z0-9]+", fold(text)) if len(w) >= 3}
    for web in web_words:
        bare = web.lower()
        if re.match(r"(https?://|www)", bare) or "/" in bare:
            continue
        for site in sites:
            if bare.endswith(site) and len(bare) > len(site) + 2 and bare != site:
                found = find_emails(f"{bare[: -len(site) - 1]}@{site}")
                if found:
                    return [(found[0].value, 0.6)]
        for at, letter in enumerate(bare):
            if (letter not in "gqaeo" and letter.isascii()) or at < 2:
                continue
            local, domain = bare[:at], bare[at + 1 :]
            parts = [p for p in re.split(r"[._\-]", local) if len(p) >= 3]
            if (
                "." in domain
                and domain_of(f"x@{domain}") in names
                and parts
                and all(_spelt_by(p, said) for p in parts)
            ):
                found = find_emails(f"{local}@{domain}")
                if found:
                    return [(found[0].value, 0.6)]
    return []


def _email_lost_its_dot(rows: list[Line], webs: list[str]) -> tuple[list[tuple[str, float]], int]:
    """An email whose last dot the OCR lost (`anouk@brightwaterni` beside `brightwater.nl`): its
    host, with no dot, is the website's domain without its dot, or that with one letter of the
    ending misread. The email, and the row it was read on (then no line of text)."""
    sites = [re.sub(r"(?i)^(https?://)?www\.", "", w).split("/")[0].lower() for w in webs]
    for index, row in enumerate(rows):
        for local, host in re.findall(r"([\w.+\-]+)@([a-z0-9\-]+)(?![\w.])", row.text.lower()):
            for site in sites:
                name, dot, ending = site.rpartition(".")
                if not dot or not host.startswith(name) or len(host) != len(site) - 1:
                    continue
                if distance(host[len(name) :], ending) <= 1:
                    found = find_emails(f"{local}@{site}")
                    if found:
                        return [(found[0].value, row.score * 0.7)], index
    return [], -1


def _checked_email(email: str, name: str | None) -> str:
    """The email, with letters the OCR misread put right where the local part spells the person's
    name (`harriot.macleod` beside Harriet MacLeod)."""
    local, _, domain = email.partition("@")
    if name:
        words = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in re.split(r"[\s\-']+", name)]
        words = [w for w in words if w]
        words += [a + b for a, b in pairwise(words)]  # O'Connor: oconnor
        # Müller as mueller, Søren as soeren: the marks spelt out, as many addresses do.
        words += sorted({s for w in name.split() for s in spellings(w)} - set(words))
        parts = re.split(r"([._\-])", local)
        for i, part in enumerate(parts):
            if len(part) >= 4 and part not in words and not _spelt_out(part, words):
                near = [w for w in words if distance(part, w) <= (1 if len(w) < 8 else 2)]
                if len(near) == 1:
                    parts[i] = near[0]
            elif len(part) == 1 and i == 0 and len(parts) > 2 and words:
                initial = words[0][0]
                if part != initial and {part, initial} <= set("il1t|"):
                    parts[i] = initial
        local = "".join(parts)
    repaired = f"{local}@{domain}"
    return repaired if find_emails(repaired) else email


def _spelt_out(part: str, words: list[str]) -> bool:
    """Whether `part` is one of `words` with a letter spelt out as an address spells a marked
    one (`kjaer` beside Kjar: Kjær, its Æ read as A on the name's line, not in the address)."""
    return any(
        part == f"{w[: i + 1]}e{w[i + 1 :]}"
        for w in words
        if len(w) + 1 == len(part)
        for i, c in enumerate(w)
        if c in "aou"
    )


def _spelt_by(part: str, said: set[str]) -> bool:
    """Whether `part` is words of `said` run together (`sorenoberhauser`: soren, oberhauser)."""
    return part in said or any(
        part.startswith(word) and _spelt_by(part[len(word) :], said)
        for word in said
        if len(word) < len(part)
    )


def _with_first_name(email: str, before: str, name: str) -> str:
    """`maigorzata zulawski@elan.pl` beside Małgorzata Żuławski: the dot between the name's words
    read as a space, so the email was found from the second word. The word before it, when it is
    the first of the name's words (give or take a letter), begins the address again."""
    local = email.partition("@")[0]
    parts = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in re.split(r"[\s\-']+", name)]
    parts = [w for w in parts if len(w) >= 3]
    previous = re.search(r"(?:^|\s)([A-Za-z0-9]+) $", before)
    if len(parts) < 2 or not previous or local.split(".")[0] not in parts[1:]:
        return email
    word = fold(previous.group(1))
    if word in parts[1:] or word in words()["email_labels"]:
        return email
    near = [w for w in parts[:1] if distance(word, w) <= (1 if len(w) < 8 else 2)]
    return f"{near[0]}.{email}" if near and find_emails(f"{near[0]}.{email}") else email


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _is_text(text: str) -> bool:
    """A line that may be a name, a title or a company: letters, and no number standing alone
    (a street number, a postcode, a floor)."""
    if text.strip() in ("&", "+"):
        return True  # the middle of a company's name stacked over lines (Marlowe / & / Finch)
    text = re.sub(r"\b[0o]\.[0o]\.?$", "o.o.", text)  # sp. z o.o. read with zeros
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and not re.search(r"\b\d+\b", text) and not looks_like_address(text)


def _choose_phone(phones: list[tuple[Phone, float]]) -> tuple[str | None, float]:
    """The first number that is not a fax, in reading order; a number valid in its country's
    plan before one that only has the right length, which must then carry a label."""
    voices = [(p, s) for p, s in phones if p.kind != "fax" and (p.valid or p.labelled)]
    voices.sort(key=lambda pair: not pair[0].valid)
    if not voices:
        return None, 0.0
    phone, score = voices[0]
    evidence = (1.0 if phone.valid else 0.6) * (1.0 if phone.labelled else 0.9)
    if len(voices) > 1 and not phone.labelled:
        evidence *= 0.85
    return phone.international, round(min(0.99, score * evidence), 2)


# --- roles of the remaining lines ----------------------------------------------------------------


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
    return (
        tail in vocabulary["legal_forms"]
        or tail.rstrip(".") in vocabulary["legal_forms"]
        or two in ("sp. z", "z o.o.", "pty ltd", "sdn bhd", "pvt ltd", "pte ltd")
        or " ".join(tokens[-3:]) == "sp. z o.o."
    )


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

    clean = _name_text(text)
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


def _assign(
    texts: list[_Text], local: str | None, domain: str | None
) -> tuple[_Text | None, _Text | None, _Text | None]:
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
    best: tuple[float, tuple[_Text | None, _Text | None, _Text | None]] = (-1.0, (None, None, None))
    choices: list[_Text | None] = [*texts, None]
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


def _confidence(text: _Text | None, role: str) -> float:
    if text is None:
        return 0.0
    evidence: float = getattr(text, f"{role}_evidence")
    if role == "company" and evidence == 0:
        evidence = 0.35  # chosen by its place alone
    if role == "title" and evidence == 0:
        evidence = 0.3
    return round(min(0.99, text.line.score * max(0.05, evidence)), 2)


def _title_text(texts: list[_Text], name: _Text | None, title: _Text, company: _Text | None) -> str:
    """The title, with a line that continues it (a title too long for one line)."""
    taken = {id(t.line) for t in (name, title, company) if t is not None}
    line = title.line
    parts = [line.text]
    above, below = _neighbours(texts, line, taken)
    if below is not None and _continues(line.text, below.text):
        parts.append(below.text)
    elif above is not None and _continues(above.text, line.text) and _leads_title(above, line):
        parts.insert(0, above.text)
    return mend_title(_clean(" ".join(parts)))


def _leads_title(above: Line, line: Line) -> bool:
    """Whether the line above a title is its first half: a title word, or a word or two set
    as tight as a title's lines (`Software` over `Engineering Manager`), no company's name."""
    if _title_strength(above.text):
        return True
    tight = (line.middle - above.middle) / line.height < 1.4
    return tight and len(above.text.split()) <= 2 and not _legal_form(above.text)


def _neighbours(
    texts: list[_Text], line: Line, taken: set[int], smaller: float = 0.8
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
        same_size = smaller < o.height / line.height < 1.3
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


def _company_text(
    texts: list[_Text],
    name: _Text | None,
    title: _Text | None,
    company: _Text,
    domain: str | None,
) -> str:
    """The company, with the lines of a name stacked over several lines (a logo's words, a legal
    form printed under the name) when together they read more like the domain or end in a legal
    form."""
    taken = {id(t.line) for t in (name, title, company) if t is not None}
    line = company.line
    for _ in range(5):
        above, below = _neighbours(texts, line, taken, smaller=0.6)
        grown = None
        for part, candidate in (
            (above, _join(above, line) if above else None),
            (below, _join(line, below) if below else None),
        ):
            if candidate is None or part is None:
                continue
            agreement = _domain_agreement(candidate.text, domain)
            spelt = agreement > _domain_agreement(line.text, domain)  # the part is in the domain
            better = spelt or agreement >= 0.85
            legal = _legal_form(mend_company(candidate.text)) and not _legal_form(line.text)
            wordy = _company_word(part.text)
            if part.height < 0.8 * line.height and not (legal or spelt):
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
    return mend_company(_clean(line.text))


def _continues(first: str, second: str) -> bool:
    tail = fold(first).rstrip()
    return (
        tail.endswith((",", "&", "-", "/"))
        or tail.split()[-1:] in (["of"], ["and"], ["de"], ["des"], ["du"], ["für"], ["fur"])
        or second[:1].islower()
        or _title_strength(second) >= 0.3
    )


def _name_text(text: str) -> str:
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


def card_from_contact(
    name: str | None,
    title: str | None,
    company: str | None,
    email: str | None,
    phones: list[tuple[str, str]],
    region: str | None,
) -> BusinessCard:
    """A card from a QR code's fields: exact, so confident; the number normalised like any other."""
    import phonenumbers

    from followup.adapters.cards.contacts import find_emails

    phone = None
    for number, kind in phones:
        if kind == "fax":
            continue
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            phone = number
        else:
            phone = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        break
    checked = find_emails(email) if email else []
    card = BusinessCard(
        name=name,
        title=title,
        company=company,
        email=checked[0].value if checked else email,
        phone=phone,
        source="qr",
    )
    return replace(card, confidence={key: 0.99 for key in card.found})
