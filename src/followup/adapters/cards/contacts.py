"""The parts of a card that have a grammar: email addresses, telephone numbers (told from fax
numbers by their labels), web addresses and postal addresses.

Emails are checked by `email-validator` (syntax only, no DNS: reading a card stays offline);
numbers are found and checked by `phonenumbers`, Google's numbering plans, with the candidate's
country as the region a number without `+` belongs to.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import phonenumbers

from followup.domain.folding import fold_letters


@cache
def words() -> dict[str, frozenset[str]]:
    raw = json.loads((resources.files("followup.adapters.cards") / "words.json").read_text("utf-8"))
    return {key: frozenset(value) for key, value in raw.items() if isinstance(value, list)}


def fold(text: str) -> str:
    """Lower case without accents, for comparing words (`Géraldine` ~ `geraldine`): the one
    folding the domain owns, so that a card's names and addresses fold as every key does
    (`Ægir Þórsson` ~ `aegir thorsson`, `Đorđe` ~ `dorde`), spaces kept where they were."""
    return fold_letters(text)


# --- email ---------------------------------------------------------------------------------------

# OCR reads `@` as © or ®, and may leave spaces around `@` and dots, or read a dot as a comma.
_EMAIL = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+'\-]*\s?[@©®]\s?[A-Za-z0-9][A-Za-z0-9\-]*"
    r"(?:\s?[.,]\s?[A-Za-z0-9\-]+)*\s?[.,]\s?[A-Za-z]{2,}"
)


@dataclass(frozen=True)
class Found:
    value: str
    start: int
    end: int
    repaired: bool = False


def find_emails(text: str) -> list[Found]:
    from email_validator import EmailNotValidError, validate_email

    found = []
    # Mended letter for letter, so that places in `text` still hold: accented letters the OCR
    # saw in a printed address (`ħealth`), a bracket beside `@`, the last dot read as a space.
    text = "".join(_ascii_letter(c) for c in text)
    text = re.sub(r"[(\[{|](?=@)|(?<=@)[)\]}|]", " ", text)
    text = re.sub(r"(@[A-Za-z0-9\-]+) ([a-z]{2,3})(?=\s|$)", r"\1.\2", text)
    # And the dot of a country's second-level ending too (`acme co uk`, `acme.com tr`).
    text = re.sub(
        r"(@[A-Za-z0-9\-]+\.(?:co|com|org|net|ac|gov|edu)) ([a-z]{2})(?=\s|$)", r"\1.\2", text
    )
    # A country's ending whose `l` was read as a stroke (`@acme.p)`, `.n|`, `.p1`): no ending
    # has one letter, and a country's two end so (`.pl`, `.nl`).
    text = re.sub(r"(?<=@)([A-Za-z0-9\-.]*\.[a-z])[)|\]!1I](?=[\s,;]|$)", _stroke_as_l, text)
    for match in _EMAIL.finditer(text):
        raw = match.group(0)
        candidate = re.sub(r"\s", "", raw).replace("©", "@").replace("®", "@")
        local, _, domain = candidate.partition("@")
        domain = domain.replace(",", ".")
        candidate = f"{local}@{domain}".lower()
        # `m` read as `rn` (set close, one letter to the recogniser) in the ending: `.corn.tr`,
        # `.corn` (no domain ends so).
        candidate = re.sub(r"(?<=[a-z0-9])\.corn((?:\.[a-z]{2})?)$", r".com\1", candidate)
        try:
            checked = validate_email(candidate, check_deliverability=False)
        except EmailNotValidError:
            continue
        repaired = re.sub(r"\s", "", raw).lower() != candidate
        found.append(Found(checked.normalized.lower(), match.start(), match.end(), repaired))
    return found


def _stroke_as_l(match: re.Match[str]) -> str:
    host = match.group(1)
    country = f"{host[-1]}l".upper()
    return f"{host}l" if country in phonenumbers.SUPPORTED_REGIONS else match.group(0)


_LIKE_ASCII = str.maketrans("ħıłøđĸ", "hilodk")


def _ascii_letter(char: str) -> str:
    """The ASCII letter an accented letter is built on (`é` -> `e`, `ħ` -> `h`), else `char`."""
    if char.isascii():
        return char
    base = unicodedata.normalize("NFKD", char.translate(_LIKE_ASCII))[:1]
    return base if base.isascii() and base.isalpha() else char


# --- web -----------------------------------------------------------------------------------------

_WEB = re.compile(
    r"(?i:\b(?:https?://|www\s?\.)\S+)"  # anything after www. or http
    r"|\b[a-z0-9][a-z0-9\-]{1,}(?:\.[a-z0-9\-]+)*\.[a-z]{2,}(?:/\S*)?"  # lower-case domain
)


# A country's second-level ending whose last dot was read as a space (`www.acme.co uk`).
_SPLIT_ENDING = re.compile(r"\.(?:co|com|org|net|ac|gov|edu) ([a-z]{2})(?=[\s/]|$)")


def find_web(text: str) -> list[Found]:
    found = []
    for m in _WEB.finditer(text):
        if "@" in text[max(0, m.start() - 1) : m.end() + 1]:
            continue
        value, end = m.group(0), m.end()
        split = _SPLIT_ENDING.match(text, end - len(m.group(0).rpartition(".")[2]) - 1)
        if split and split.start() + len(split.group(0)) - 3 == end:
            # `www.acme.co uk` is acme.co.uk: the web address and the country after it.
            value, end = f"{value}.{split.group(1)}", split.end()
        found.append(Found(value, m.start(), end, repaired=end != m.end()))
    return found


def domain_of(email: str | None, web: str | None = None) -> str | None:
    """The organisation's part of a domain: `eu.acme-robotics.co.uk` -> `acme-robotics`."""
    host = None
    if email and "@" in email:
        domain = email.rpartition("@")[2].lower()
        if domain not in words()["free_mail"]:
            host = domain
    if host is None and web:
        host = re.sub(r"(?i)^(https?://)?(www\.)?", "", web).split("/")[0].lower()
    if not host:
        return None
    labels = host.split(".")
    while len(labels) > 1 and len(labels[-1]) <= 3 and labels[-1].isalpha():
        labels.pop()  # the top-level domain, and `co` of co.uk
        if len(labels) > 1 and labels[-1] in ("co", "com", "org", "net", "ac", "gov"):
            continue
        break
    return labels[-1] if labels else None


# --- telephone -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    number: phonenumbers.PhoneNumber
    kind: str  # phone, mobile or fax
    labelled: bool
    valid: bool
    start: int
    end: int

    @property
    def international(self) -> str:
        return phonenumbers.format_number(self.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# OCR reads 0 as O and 1 as l or I inside numbers; put them back where digits surround them.
_LOOKALIKE = re.compile(r"(?<=[\d\s().\-/])[OoIl|](?=[\d\s().\-/]*\d)")
# A label and the marks between it and its number: a colon, a dot, or a sign that is the number's
# `+` misread (`Fax =31 10…`, `Fax »44…`): whatever is no letter or digit.
_LABEL = re.compile(r"([^\W\d_][\w.\-/ ]{0,20}?)[\W_]*$")
# The one-letter labels (`T`, `F`, `M`, `P`) a number may run into: no letter a digit is read as.
_GLUED_LETTERS = "TtFfMmPp"
# A label's first letter read as a digit, after a number and before the next (`289 1as 212`,
# `0100 7el 555`): one digit, then two letters or more, then the next number (not `1st`, `2nd`).
_MISREAD_LABEL = re.compile(
    r"(?<=\d\s)\d(?=[^\W\d_]{2,}\b(?<!\dst)(?<!\dnd)(?<!\drd)(?<!\dth)[\s.:]*[+(]?\d)"
)


def find_phones(text: str, region: str | None) -> list[Phone]:
    """Telephone numbers in one line of text, each with what its label says it is (their places
    are in the text as mended: digits misread as letters, lost spaces). Where no number read is
    valid but a fax's (`Handy0171 4455 667  Fax 089 2180 3311`), the line is read again with
    the marks small print loses mended (`_unsmudged`), and that reading is taken where it finds
    more valid numbers."""
    found = _phones(text, region)
    if any(p.valid and p.kind != "fax" for p in found):
        return found
    mended = _unsmudged(text)
    if mended == text:
        return found
    again = _phones(mended, region)
    return again if sum(p.valid for p in again) > sum(p.valid for p in found) else found


# The `+` of an international number read as a letter, a dash or a sign (`Mobile: r31 6 12744418`,
# `cell –49 1512…`, `Fax ±45 33…`, `>90 212…`): a lone `r`, `t`, long dash, `±` or `>` just
# before a country code, at the start of the number (after a space, a colon or the line's start).
_LOST_PLUS = re.compile(r"(?:(?<=[\s:])|^)[rt–—±>](?=[1-9]\d{0,2}[\s.\-/]\d)")
# A colon read between the groups of a number's digits (`08-19:9689`): not a time (`9:30`,
# two digits after it).
_COLON = re.compile(r"(?<=\d\d):(?=\d{3})")


def _unsmudged(text: str) -> str:
    """`text` with what small print loses mended: a lost `+` (`_LOST_PLUS`), a colon read for
    a space between digits (`_COLON`), and a label run into its number (`T08-19`, `M06 123`,
    `Handy0171 4455`: a space put back after it, where the word is a label's)."""
    text = _LOST_PLUS.sub("+", text)
    text = _COLON.sub(" ", text)
    vocabulary = words()
    labels = vocabulary["phone_labels"] | vocabulary["mobile_labels"] | vocabulary["fax_labels"]

    def parted(match: re.Match[str]) -> str:
        label = match.group(1)
        return f"{label} " if fold(label) in labels else label

    return re.sub(r"(?:(?<=\s)|^)([^\W\d_]+)(?=\+?\d)", parted, text)


def _phones(text: str, region: str | None) -> list[Phone]:
    """The numbers of `find_phones` in `text` as read."""
    fixed = _LOOKALIKE.sub(lambda m: "0" if m.group(0) in "Oo" else "1", text)
    fixed = re.sub(r"(?<=\d),(?=\d)", ".", fixed)  # a dot read as a comma: `+33.1.23.70.04,64`
    # A 1 read as a closing bracket where no bracket closes, after a dot or a dash between digits
    # (`+1.201.521.) 190`): a bracket closes an area code, after its digits.
    fixed = re.sub(r"(?<=\d[.\-/])[)\]](?=\s?\d)", "1", fixed)
    # `M 601 263 289 1as 212 140 487`: the first letter of the next number's label read as a
    # digit (`Fax` as `1as`), which ran the number before it on by a digit. A word of letters
    # after one digit, between two numbers, is that label (`_MISREAD_LABEL`); an ordinal stays.
    fixed = _MISREAD_LABEL.sub(_label_letter, fixed)
    # `580 0906Fax`, `89 46F: +45…`: the space before the next label lost (a word, or one
    # letter and its colon)
    fixed = re.sub(r"(?<=\d)(?=[^\W\d_](?:[^\W\d_]|\s?:))", " ", fixed)
    # `02 29 02F 810 66…`: a one-letter label run into the number before it, the next number after
    # it (a letter no digit is read for: `_GLUED_LETTERS`).
    fixed = re.sub(rf"(?<=\d)(?=[{_GLUED_LETTERS}]\s+[+(]?\d)", " ", fixed)
    found: list[Phone] = []
    for leniency, valid in (
        (phonenumbers.Leniency.VALID, True),
        (phonenumbers.Leniency.POSSIBLE, False),
    ):
        matcher = phonenumbers.PhoneNumberMatcher(fixed, region or "ZZ", leniency=leniency)
        for match in matcher:
            if any(p.start < match.end and match.start < p.end for p in found):
                continue
            digits = phonenumbers.national_significant_number(match.number)
            if len(digits) < 6:
                continue
            found.append(Phone(match.number, "phone", False, valid, match.start, match.end))
        if found:
            break
    found.sort(key=lambda p: p.start)
    labelled = []
    previous_end = 0
    for phone in found:
        kind, known = _label(fixed[previous_end : phone.start])
        after = fixed[phone.end : phone.end + 12]
        following = [p.start for p in found if p.start >= phone.end]
        between = fixed[phone.end : following[0]] if following else after
        # `555 1234 (fax)` labels the number before it; `555 1234  Fax 555 9876` the one after.
        if (
            not known
            and re.match(r"\s*\(?\s*(fax|f)\b", fold(after))
            and not (following and _bare(between) in words()["fax_labels"])
        ):
            kind, known = "fax", True
        labelled.append(Phone(phone.number, kind, known, phone.valid, phone.start, phone.end))
        previous_end = phone.end
    return labelled


def _label_letter(match: re.Match[str]) -> str:
    """The letter a label's first letter read as a digit was, where one letter makes the word a
    known label (`7ax` -> `fax`, `1el` -> `tel`); else a space: the word is still no digit."""
    word = re.match(r"[^\W\d_]+", match.string[match.end() :])
    rest = fold(word.group(0)) if word else ""
    vocabulary = words()
    labels = vocabulary["phone_labels"] | vocabulary["mobile_labels"] | vocabulary["fax_labels"]
    for letter in "ftmpe":
        if letter + rest in labels:
            return letter.upper() if rest[:1].islower() else letter
    return " "


def _bare(text: str) -> str:
    """A label as its words: folded, without the marks around it (`Fax =` -> `fax`)."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", fold(text))


def recoded_country(text: str, country: str) -> str:
    """`text` with each international prefix one digit off `country`'s calling code made that
    code (`+851` -> `+351` for PT: 3 read as 8); the same length, so that places in `text`
    still hold. Asked only where no number valid anywhere was read."""
    code = str(phonenumbers.country_code_for_region(country))
    if code == "0":
        return text

    def mend(match: re.Match[str]) -> str:
        digits = match.group(1)
        wrong = sum(a != b for a, b in zip(digits, code, strict=True))
        return f"+{code}" if wrong == 1 else match.group(0)

    return re.sub(rf"\+({'[0-9]' * len(code)})(?!\d)", mend, text)


def recoded_area(text: str, model: phonenumbers.PhoneNumber) -> str:
    """`text` with each number as long as `model` (written nationally, its trunk prefix
    included) whose area code is one digit off `model`'s given `model`'s (`0123 244 6518` beside
    `Fax 0121 234 5039`: 1 read as 3): the office's numbers share their area code. The same
    length, so that places in `text` still hold. Asked only where the card's phone is valid
    nowhere as read."""
    area = phonenumbers.length_of_geographical_area_code(model)
    national = re.sub(
        r"\D", "", phonenumbers.format_number(model, phonenumbers.PhoneNumberFormat.NATIONAL)
    )
    trunk = len(national) - len(phonenumbers.national_significant_number(model))
    head = trunk + area
    if area < 2 or trunk < 0:
        return text

    def mend(match: re.Match[str]) -> str:
        printed = match.group(0)
        digits = [i for i, c in enumerate(printed) if c.isdigit()]
        if len(digits) != len(national):
            return printed
        read = "".join(printed[i] for i in digits)
        wrong = [k for k in range(head) if read[k] != national[k]]
        if len(wrong) != 1 or read[head:] == national[head:]:
            return printed
        at = digits[wrong[0]]
        return printed[:at] + national[wrong[0]] + printed[at + 1 :]

    return re.sub(r"(?<![\d+])\d[\d ().\-/]{5,}\d(?!\d)", mend, text)


def _label(before: str) -> tuple[str, bool]:
    """What the words before a number call it: fax, mobile or phone; and whether any label was."""
    text = fold(before).strip()
    found = _LABEL.search(text)
    if not found:
        return "phone", False
    label = found.group(1).strip(" .:-|/")
    vocabulary = words()
    for candidate in (label, label.split()[-1] if label.split() else label):
        candidate = candidate.strip(" .:-|/")
        if candidate in vocabulary["fax_labels"]:
            return "fax", True
        if candidate in vocabulary["mobile_labels"]:
            return "mobile", True
        if candidate in vocabulary["phone_labels"]:
            return "phone", True
    if "fax" in label:
        return "fax", True
    return "phone", False


# --- postal address ------------------------------------------------------------------------------

_POSTCODE = re.compile(
    r"\b\d{4,5}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{3}\s\d{2}\b"
)


def looks_like_address(text: str) -> bool:
    """A street line or a postcode-and-city line."""
    tokens = re.findall(r"[^\W\d_]+\.?|c/", fold(text))
    has_digit = any(c.isdigit() for c in text)
    if has_digit and any(t.rstrip(".") in words()["address_words"] for t in tokens):
        return True
    endings = words()["address_endings"]
    if has_digit and any(t.endswith(e) and len(t) > len(e) + 2 for t in tokens for e in endings):
        return True
    if _POSTCODE.search(text) and sum(c.isdigit() for c in text) <= 7:
        return True
    return bool(has_digit and re.search(r"\b\d+\w?\s+[^\W\d_]{3,}", text) and "," in text)
