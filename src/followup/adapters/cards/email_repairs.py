"""Emails the OCR misread past the grammar of an address, found again from the rest of the card:
its `@` read as a letter, its last dot lost, letters of the name misread in its local part."""

from __future__ import annotations

import re
from itertools import pairwise

from followup.adapters.cards.contacts import domain_of, find_emails, fold, words
from followup.adapters.cards.emails import spellings
from followup.adapters.cards.lines import Line
from followup.adapters.cards.mend import distance, slugs


def email_misread_as_web(
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


def email_lost_its_dot(rows: list[Line], webs: list[str]) -> tuple[list[tuple[str, float]], int]:
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


def checked_email(email: str, name: str | None) -> str:
    """The email, with letters the OCR misread put right where the local part spells the person's
    name (`harriot.macleod` beside Harriet MacLeod)."""
    local, _, domain = email.partition("@")
    if name:
        words = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in re.split(r"[\s\-']+", name)]
        words = [w for w in words if w]
        words += [a + b for a, b in pairwise(words)]  # O'Connor: oconnor
        # Müller as mueller, Søren as soeren: the marks spelt out, as many addresses do; and
        # run together so spelt (joernweisshaeupl).
        spelt = [sorted(spellings(w)) for w in name.split()]
        words += sorted({s for each in spelt for s in each} - set(words))
        words += sorted(
            {a + b for first, second in pairwise(spelt) for a in first for b in second} - set(words)
        )
        parts = re.split(r"([._\-])", local)
        for i, part in enumerate(parts):
            if len(part) >= 4 and part not in words and not _spelt_out(part, words):
                near = [w for w in words if _near_name(part, w)]
                if len(near) == 1:
                    parts[i] = near[0]
            elif len(part) == 1 and i == 0 and len(parts) > 2 and words:
                initial = words[0][0]
                if part != initial and {part, initial} <= set("il1t|"):
                    parts[i] = initial
        local = "".join(parts)
    repaired = f"{local}@{domain}"
    return repaired if find_emails(repaired) else email


def _near_name(part: str, word: str) -> bool:
    """Whether the local part's `part` is the name's `word` with a letter or two misread (one
    in a word under 8 letters); `rn` read as `m` counting as one (`yoemweisshaeupl` for
    joernweisshaeupl: the j read as y, the rn as m)."""
    most = 1 if len(word) < 8 else 2
    return distance(part, word) <= most or distance(_rn(part), _rn(word)) <= most - 1


def _rn(word: str) -> str:
    """`word` with `rn` as small print is read, one letter (`bjoem` for bjoern, `hem` for
    hern): the two letters, set close, are one `m` to the recogniser, as two edits apart."""
    return word.replace("rn", "m")


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


def with_first_name(email: str, before: str, name: str) -> str:
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
