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
from dataclasses import replace
from itertools import product

from followup.adapters.cards.contacts import (
    Phone,
    domain_of,
    find_emails,
    find_phones,
    find_web,
    fold,
    looks_like_address,
    recoded_area,
    recoded_country,
    words,
)
from followup.adapters.cards.email_repairs import (
    checked_email,
    email_lost_its_dot,
    email_misread_as_web,
    with_first_name,
)
from followup.adapters.cards.emails import candidates, chosen, local_parts, plausible_ending
from followup.adapters.cards.lines import MIN_SCORE, Line, join, lines_from_text, merge_rows
from followup.adapters.cards.mend import distance, mend_company, mend_domain, slugs, unglued
from followup.adapters.cards.phone_repairs import mended_phone
from followup.adapters.cards.roles import (
    Text,
    assign,
    company_text,
    confidence,
    name_text,
    neighbours,
    title_text,
)
from followup.adapters.cards.weighing import separable, unread, weighed
from followup.domain.cards import BusinessCard

__all__ = ["Line", "card_from_contact", "find_fields", "lines_from_text", "merge_rows"]


def find_fields(lines: list[Line], region: str | None) -> BusinessCard:
    """The card's five fields from its lines; `region` is the country a number without `+`
    belongs to (the candidate's). Lines read less surely than `MIN_SCORE` are noise for
    every field; only where no email was read are they looked at, for the address the card
    allows that the recogniser saw on one of them."""
    faint = [line for line in lines if line.score < MIN_SCORE]
    lines = [line for line in lines if line.score >= MIN_SCORE]
    rows = merge_rows(lines)
    emails: list[tuple[str, float]] = []
    phones: list[tuple[Phone, float]] = []
    webs: list[str] = []
    web_words: list[str] = []  # each web address with what is glued before it (`n.` of n.galli)
    texts: list[Text] = []
    rests: list[tuple[str, float]] = []  # each line less its email and web addresses
    before: dict[str, str] = {}  # what an email's line says before it
    printed: dict[str, str] = {}  # each email as its line spells it (its capitals)
    for index, line in enumerate(rows):
        found_emails = find_emails(line.text)
        for address in found_emails:
            emails.append((address.value, line.score * (0.85 if address.repaired else 1.0)))
            before[address.value] = line.text[: address.start]
            printed[address.value] = line.text[address.start : address.end]
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
            # `Helvetia PräzisionLda.`: a legal form run into the name tells no company, and
            # spells no domain (helvetiaprazisionlda), until its space is put back.
            texts.append(Text(replace(line, text=unglued(line.text)), index))
    webs.sort(key=lambda w: not re.match(r"(?i)(https?://|www)", w))  # the surest first
    texts = [
        Text(replace(t.line, text=_capital_i(t.line.text, [r.text for r in rows])), t.index)
        for t in texts
    ]
    if not emails:
        emails = email_misread_as_web(webs, web_words, _stacks(texts))
    if not emails:
        emails, row = email_lost_its_dot(rows, webs)
        texts = [text for text in texts if text.index != row]
    email, email_confidence = emails[0] if emails else (None, 0.0)
    if email:
        mended = mend_domain(email, webs, _stacks(texts))
        if mended != email and find_emails(mended):  # put right: less sure (and not raised)
            email, email_confidence = mended, min(email_confidence, 0.7)
    domain = domain_of(email, webs[0] if webs else None)
    if email and domain and any(domain in fold(w) for w in webs) and email_confidence > 0.7:
        email_confidence = min(1.0, email_confidence + 0.05)  # the website agrees
    phones, recoded_phones = _recoded_by_card(phones, rests, region)
    phone_text, phone_confidence = _choose_phone(phones)
    if phone_text in recoded_phones:
        phone_confidence = min(phone_confidence, 0.7)
    abroad = _country_of(email, webs)
    settled = any(p.valid and p.kind != "fax" for p, _ in phones)  # a valid phone read
    if not any(p.valid and p.kind != "fax" for p, _ in phones) and abroad not in (None, region):
        # A card from another country, its numbers written as they are dialled there.
        foreign = [(p, score) for rest, score in rests for p in find_phones(rest, abroad)]
        if any(p.valid and p.kind != "fax" for p, _ in foreign):
            phone_text, phone_confidence = _choose_phone(foreign)
            phone_confidence = round(phone_confidence * 0.9, 2)
            settled = True
    if not any(p.valid and p.kind != "fax" for p, _ in phones):
        # A `+` number valid nowhere whose country code is the card's own with a digit misread
        # (`+851 21 278 4114` on a card from Portugal, +351): read with the card's code.
        for country in dict.fromkeys(c for c in (abroad, region) if c):
            recoded = [
                (p, score)
                for rest, score in rests
                for p in find_phones(recoded_country(rest, country), country)
            ]
            if any(p.valid and p.kind != "fax" for p, _ in recoded):
                phone_text, phone_confidence = _choose_phone(recoded)
                phone_confidence = min(phone_confidence, 0.7)
                settled = True
                break
    if not settled:
        area_phone, area_confidence = _recoded_area(phones, rests, region)
        if area_phone is not None:
            phone_text, phone_confidence = area_phone, min(area_confidence, 0.7)
            settled = True
    if not settled:
        # One character misread (`57 B1`, `010 93…` for 810): the number it makes valid.
        repaired = mended_phone(lines, [c for c in (region, abroad) if c])
        if repaired is not None:
            phone_text, phone_confidence = repaired[0].international, min(0.7, repaired[1])
    local = email.partition("@")[0] if email else None
    name, title, company = assign(texts, local, domain)
    if email:
        checked = checked_email(email, name.line.text if name else None)
        if name:
            checked = with_first_name(checked, before.get(email, ""), name.line.text)
        if checked != email:
            email, email_confidence = checked, min(email_confidence, 0.7)
    company_name = company_text(texts, name, title, company, domain) if company else None
    if name:  # the email against the name and the company printed on the same card
        # Every line but the name, title and company: an email misread past recognition as one
        # (no `@`, no dot before its ending) was taken for a line of text.
        taken = {text.index for text in (name, title, company) if text is not None}
        orgs = slugs(company_name) if company_name else set()
        if not email and not company:
            # Neither the email nor the company found: any other line of text may be the
            # company's name that the address's domain spells (`Atlas Freight`).
            for text in texts:
                if text.index not in taken:
                    orgs |= slugs(mend_company(text.line.text))
        allowed = candidates(
            email,
            [row.text for i, row in enumerate(rows) if i not in taken],
            name_text(name.line.text),
            orgs,
            webs,
            _region_of(phone_text),
            region,
        )
        witnessed = chosen(email, allowed)
        doubt = min((c.doubt for c in allowed if c.email == witnessed), default=0.0)
        # What the recogniser saw, as a last witness: of a doubtful email, or of none read.
        if witnessed is not None and doubt > 0:
            witnessed = weighed(witnessed, doubt, allowed, lines)
        elif witnessed is not None and separable(witnessed, allowed):
            # Confirmed, but so is the address with a dot or an underscore the OCR may have lost.
            witnessed = weighed(witnessed, doubt, allowed, lines, separators_only=True)
        sureness = 0.7
        if witnessed is None:
            others = {t.line.text for t in (name, title, company) if t is not None}
            witnessed, sureness = unread(allowed, [*lines, *faint], others), 0.5
        if witnessed != email:
            email, email_confidence = witnessed, sureness
        if email and not company:
            # The address found says which line is the company's (its domain spells it).
            again = assign(texts, email.partition("@")[0], domain_of(email))
            if again[0] == name and again[1] == title and again[2] is not None:
                company = again[2]
                company_name = company_text(texts, name, title, company, domain_of(email))
    if email and name:
        # The address as printed on its line; where none parsed (its `@` misread), each word
        # of the lines that may begin it, after an email's one-letter label run into it
        # (`ELszymanskaßzephyr…`).
        heads = [printed.get(emails[0][0], "")] if emails else _address_heads(rows)
        for head in heads:
            dotted = _initial_dot_read_as_l(head, email, name.line.text)
            if dotted != email:
                email, email_confidence = dotted, min(email_confidence, 0.7)
                break
    return BusinessCard(
        name=_marked(name_text(name.line.text), email, _region_of(phone_text)) if name else None,
        title=title_text(texts, name, title, company) if title else None,
        company=_form_marked(company_name, _region_of(phone_text) or _country_of(email, webs))
        if company_name
        else None,
        email=email,
        phone=phone_text,
        confidence={
            "name": confidence(name, "name"),
            "title": confidence(title, "title"),
            "company": confidence(company, "company"),
            "email": round(email_confidence * 0.99, 2) if email else 0.0,
            "phone": phone_confidence,
        },
    )


# Legal forms written with a mark or a slash, by the countries that write them so; the same
# letters without the mark are another country's form (Czech `a.s.`) or the same form read
# without its mark (`A.S.` for `A.Ş.`: a cedilla is a speck under the line, and small print loses
# it); a slash between two capitals is read as the stroke it is (`AIS`, `A1S` for `A/S`).
_COUNTRY_FORMS = {
    "TR": ("A.Ş.",),
    "CA": ("Ltée",),
    "DK": ("A/S",),
    "BR": ("S/A",),
    **dict.fromkeys(("FR", "BE", "LU", "CH", "MC"), ("S.à r.l.",)),
}
_SLASH_READ_AS = "Il1|"


def _form_marked(company: str, country: str | None) -> str:
    """The company with its legal form's mark or slash put back where the card's country (its
    phone number's, else its domain's) writes the form with one and it was read without
    (`Tessera Design Studio A.S.` beside +90 212…: `A.Ş.`; `Helvetia Präzision AIS` beside a
    Danish number: `A/S`). Another country's card, or a form read whole, stays as read."""
    for form in _COUNTRY_FORMS.get(country or "", ()):
        size = len(form.split())
        tokens = company.split(" ")
        tail = " ".join(tokens[-size:])
        misread = {_unmarked(form)} | {form.replace("/", c) for c in _SLASH_READ_AS if "/" in form}
        if len(tokens) > size and tail != form and tail in misread:
            return " ".join([*tokens[:-size], form])
    return company


def _unmarked(text: str) -> str:
    """`text` without its marks, its case kept (`A.Ş.` -> `A.S.`)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _capital_i(text: str, rows: list[str]) -> str:
    """`text` with its first letter a capital I where it was read as a small letter the OCR
    takes for one (`tronbridge Capital BV` for Ironbridge: t, l, 1, |), and another line of the
    card spells the word's start with an i (the email's domain, the website: `…@ironbnage.be`)
    and none as read: a line of text starts with a capital."""
    found = re.match(r"([tl1|])([a-z]{3,})\b", text)
    if not found:
        return text
    first, rest = found.groups()
    others = [fold(row) for row in rows if row != text]
    if any(f"i{rest[:3]}" in row for row in others) and not any(
        f"{first}{rest[:3]}" in row for row in others
    ):
        return f"I{text[1:]}"
    return text


def _address_heads(rows: list[Line]) -> list[str]:
    """The words of `rows` that may begin an address whose `@` was misread: a capital L and
    small letters, at the start of a word or after an email's label `E` run into it."""
    return [
        found.group(1)
        for row in rows
        for found in re.finditer(r"(?:^|(?<=[\s:]))E?(L[a-z]{2,})", row.text)
    ]


def _initial_dot_read_as_l(read: str, email: str, name: str) -> str:
    """`email` with the dot after its initial put back where the address was read beginning
    with a capital `L` and in small letters after it (`Loberhaeuser@orion.de` for
    l.oberhaeuser@, beside Lühr Oberhäuser): a small l and the dot at its foot, set close, are
    an L to the recogniser; addresses are printed in small letters. Only where the name makes
    the address with the dot. The rest as read may be a letter off the address taken, in four
    (`Lwujcik@` beside Łukasz Wójcik: the name confirmed lwojcik@, not the dot)."""
    local, _, domain = email.partition("@")
    head = read.partition("@")[0].strip()
    if not (len(head) > 2 and head[0] == "L" and head[1:].islower() and local[:1] == "l"):
        return email
    if local[1:2] in "._-" or distance(head[1:], local[1:]) > max(1, len(local[1:]) // 4):
        return email
    dotted = f"l.{local[1:]}"
    return f"{dotted}@{domain}" if dotted in local_parts(name) else email


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


def _recoded_by_card(
    phones: list[tuple[Phone, float]], rests: list[tuple[str, float]], region: str | None
) -> tuple[list[tuple[Phone, float]], set[str]]:
    """The card's numbers, with a `+` number valid nowhere read again with the calling code of
    another number valid on the same card where one digit of its code was misread (`+16 8 16 31
    51` above `Fax +46 8 10 82 80`: the office's number, not the fax, is the phone); and the
    numbers so read (international). Unchanged where no number is valid (that case is
    `recoded_country`'s with the card's own country, below)."""
    import phonenumbers

    codes = [phonenumbers.region_code_for_number(p.number) for p, _ in phones if p.valid]
    countries: list[str] = [c for c in dict.fromkeys(codes) if c and c != "ZZ"]
    if not countries:
        return phones, set()
    mended: list[tuple[Phone, float]] = []
    recoded: set[str] = set()
    for rest, score in rests:
        found = find_phones(rest, region)
        for country in countries if "+" in rest else ():
            text = recoded_country(rest, country)
            if text != rest:
                again = find_phones(text, region)
                if sum(p.valid for p in again) > sum(p.valid for p in found):
                    recoded |= {p.international for p in again if p.valid} - {
                        p.international for p in found
                    }
                    found = again
                    break
        mended.extend((p, score) for p in found)
    return mended, recoded


def _recoded_area(
    phones: list[tuple[Phone, float]], rests: list[tuple[str, float]], region: str | None
) -> tuple[str | None, float]:
    """The phone, where no number on the card is valid but the fax: a national number valid
    nowhere whose area code is one digit off the fax's (`Phone 0123 244 6518  Fax 0121 234
    5039`): the office's numbers share an area code (see `recoded_area`). (None, 0.0) where
    no number so read is valid."""
    import phonenumbers

    models = [p.number for p, _ in phones if p.valid]
    for rest, score in rests:
        for model in models:
            text = recoded_area(rest, model)
            if text == rest:
                continue
            read = set(p.international for p in find_phones(rest, region) if p.valid)
            again = find_phones(text, phonenumbers.region_code_for_number(model))
            new = [
                (p, score)
                for p in again
                if p.valid and p.kind != "fax" and p.international not in read
            ]
            if new:
                return _choose_phone(new)
    return None, 0.0


def _region_of(phone: str | None) -> str | None:
    """The country a number found on the card is in (`+420 601 637 604` -> CZ)."""
    import phonenumbers

    if not phone:
        return None
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(phone))
    except phonenumbers.NumberParseException:
        return None


def _stacks(texts: list[Text]) -> list[str]:
    """Each text line, and with the lines stacked under it (up to three): a company's name may
    be set over several lines (`Marlowe` / `&` / `Finch`)."""
    found = []
    for text in texts:
        line = text.line
        found.append(line.text)
        for _ in range(3):
            _, below = neighbours(texts, line, {id(text.line)})
            if below is None:
                break
            line = join(line, below)
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


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _is_text(text: str) -> bool:
    """A line that may be a name, a title or a company: letters, and no number standing alone
    (a street number, a postcode, a floor)."""
    if text.strip() in ("&", "+") or text.strip().lower() == "z":
        # The middle of a company's name stacked over lines (Marlowe / & / Finch), or of its
        # legal form (Sp. / z / o.o.).
        return True
    text = re.sub(r"\b[0o]\.[0o]\.?$", "o.o.", text)  # sp. z o.o. read with zeros
    letters = sum(c.isalpha() for c in text)
    if _labelled_email(text) or _labelled_spaced_email(text) or _web_path(text):
        return False
    if _AT_IN_WORD.search(text):
        return False
    return letters >= 2 and not re.search(r"\b\d+\b", text) and not looks_like_address(text)


# A web address with a page of the site after it (`brightwater.pl/careers`), its dot read as
# nothing or as a space (`brightwaterpl/careers`, `atlasfreight nl/careers`): lower case, a
# slash between letters. `A/S`, `S/A` and `c/o` (a legal form, care of) have one letter before it.
_WEB_PATH = re.compile(r"(?:^|\s)[a-z0-9\-]*[a-z0-9]{2}/[a-z]{3,}/?(?:\s|$)")
# Or a web address alone on its line with a space read after its dot (`blue-harbor. pl/careers`,
# its slash read as a letter too: `blue-harbor. plicareers`).
_WEB_SPACED = re.compile(r"[a-z0-9\-]{3,}\. [a-z]{2,}\S*")
# Or its ending cut short, a letter of it lost (`acme.p/careers`, `acme./careers`): a host, a dot,
# at most one letter, then the page.
_WEB_CUT = re.compile(r"(?:^|\s)[a-z0-9\-]{3,}\.[a-z]?/[a-z]{3,}/?(?:\s|$)")


# Or its `www.` read without the dot (`wweeisnvtal se` for www.elanvital.se, `vwwacme.de`): two
# or three w's or v's that start a word of lower case, the ending after a dot or a space.
_WEB_UNDOTTED = re.compile(r"[wv]{2,3}[a-z0-9\-.]{3,}[. ]([a-z]{2,3})(?:/\S*)?")


def _web_path(text: str) -> bool:
    """A line that is a web address misread (see `_WEB_PATH`, `_WEB_SPACED`, `_WEB_CUT`,
    `_WEB_UNDOTTED`): in lower case, as no company's or person's line is."""
    text = text.strip()
    undotted = _WEB_UNDOTTED.fullmatch(text)
    return text == text.lower() and bool(
        _WEB_PATH.search(text)
        or _WEB_SPACED.fullmatch(text)
        or _WEB_CUT.search(text)
        or (undotted and plausible_ending(f".{undotted.group(1)}"))
    )


# An `@` between a word's letters: an address that did not parse (its ending's dot read as a
# space, `moans_aksson@ljordcystemos Se`; its dots lost), which names no company or person.
# A line of text has no `@` inside a word (`Café @ Home`, spaced, still may).
_AT_IN_WORD = re.compile(r"[^\W_]{2}@[^\W_]{2}")


def _labelled_email(text: str) -> bool:
    """A line that says it holds the email (`E-mail: …`, `Courriel …`), though no address parses
    in it (`@` read as a letter): one word after the label, ending as a domain does. It names no
    company, though the domain it holds spells one (`Mail Boxes Etc.`, `Mel J.Harrow` have no
    such word after what looks like a label)."""
    folded = fold(text).strip()
    found = re.match(r"(e[\s\-]?mail|[^\W\d_]+)\s*(:?)\s*(\S+)$", folded)
    if not found:
        return False
    label, colon, rest = found.groups()
    label = re.sub(r"[\s\-]", "", label)
    known = {re.sub(r"-", "", w) for w in words()["email_labels"]}
    return (
        label in known
        and (label != "e" or bool(colon))
        and len(rest) >= 8
        and bool(re.search(r"[^\W_]\.[a-z]{2,4}$", rest))
    )


def _labelled_spaced_email(text: str) -> bool:
    """A labelled email whose `@` and dots were read as letters and spaces (`E ngit odmanghessera
    design studo se`): after an email's label, three words or more all in lower case, the last a
    domain's ending (`se`, `com`). A company's or a person's line has capitals."""
    found = re.match(r"\s*([^\W\d_][\w\-]*)\s*:?\s+(.+)$", text)
    if not found or fold(found.group(1)).replace("-", "") not in {
        re.sub(r"-", "", w) for w in words()["email_labels"]
    }:
        return False
    rest = found.group(2).split()
    return len(rest) >= 3 and all(w == w.lower() for w in rest) and plausible_ending(f".{rest[-1]}")


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
