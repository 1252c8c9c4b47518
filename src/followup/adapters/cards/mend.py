"""Putting right what the OCR misread, where the card itself says what it should be.

A card says most things twice: the email's domain is the website's and is spelt like the company's
name; a job title is made of known words; a company ends in a known legal form. Where one reading
disagrees a little with the others, the one the others confirm wins:
- the email's domain (`nortlrwiud.es` beside the company Northwind Traders and `northwind.es`);
- a word of a job title a few letters off one title word and no other, by letters the OCR
  confuses (`Parlner`, `Technica)`, `Otticer`), or two words run together (`HiringManager`);
- a legal form read with look-alike characters (`S.r.I.`, `Sp. z 0.0.`, `A.$.`, `Gmbí`).
Nothing is put right without such a witness: a word no list knows is left as it was read.
"""

from __future__ import annotations

import re

from followup.adapters.cards.contacts import domain_of, fold, words
from followup.adapters.cards.emails import OFFICES, misreading_cost, plausible_ending

# Letters the OCR takes for one another, in either direction (lower case).
_CONFUSED = {
    frozenset(pair)
    for pair in (
        *("lt", "li", "l1", "i1", "lf", "tf", "o0", "nu", "nh", "ce", "ao", "rn", "mn", "bh"),
        *("ae", "eo", "gq", "co"),  # round letters, in small print
        *("au", "ou"),  # and an open bowl: `Saccess`, `Castomer`
    )
}


def distance(a: str, b: str) -> int:
    """Levenshtein's edit distance: letters to change, add or drop to turn `a` into `b`."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# --- the email's domain --------------------------------------------------------------------------


def slugs(text: str) -> set[str]:
    """What a company's name may be as a domain: `Blue Harbor Logistics GmbH` -> blueharbor,
    blue-harbor, blueharborlogistics, blue…; its legal form and `&` left out."""
    tokens = [re.sub(r"[^a-z0-9\-]", "", fold(t)) for t in re.split(r"[\s/,;|]+", text)]
    legal = words()["legal_forms"]
    tokens = [t for t in tokens if t and t not in legal and t.rstrip(".") not in legal]
    found = set()
    for end in range(1, len(tokens) + 1):
        for joiner in ("", "-"):
            found.add(joiner.join(tokens[:end]))
    return {s for s in found if len(s) >= 3}


def mend_domain(email: str, webs: list[str], texts: list[str]) -> str:
    """The email with its domain's name put right when the website or a text of the card (the
    company's name, on one line or stacked over several) spells it a little differently and
    nothing spells it as read; then the rest of its domain from a website of that name."""
    local, _, host = email.partition("@")
    org = domain_of(email)
    if org is None or len(org) < 4:
        return email
    from_web = {o for o in (domain_of(None, web) for web in webs) if o}
    from_text: set[str] = set()
    for text in texts:
        from_text |= slugs(text)
    # `mailacme.com` for mail.acme.com: the dot after a short first label lost. Asked first:
    # `euelanvital` is also a few letters off `elanvital`, and would lose its label.
    for witness in sorted(from_text | from_web):
        prefix = org[: -len(witness)]
        if org.endswith(witness) and prefix in OFFICES:
            host = host.replace(org, f"{prefix}.{witness}", 1)
            org = witness
            break
    limit = 1 if len(org) < 8 else len(org) // 3
    # A name both the company's line and the website spell is the card's twice over: the
    # address's domain is measured against it by what the OCR confuses (`blucheborogistes`,
    # six letters off `blueharborlogistics` but most of them look-alikes, beside Blue Harbor
    # Logistics AG and www.blueharborlogistics.ch), not letter for letter.
    twice = from_text & from_web
    # The company's name, printed large, is read more surely than a website in the same small
    # font as the email, which the OCR often misreads the same way: the name is asked first.
    for witnesses in (from_text, from_web):
        if org in from_text or (org in from_web and (witnesses is from_web or len(org) < 8)):
            break  # confirmed (a short name that the website confirms is not overruled)
        near = sorted((_domain_distance(org, w, w in twice), w) for w in witnesses)
        near = [n for n in near if n[0] <= limit]
        if near and not (len(near) > 1 and near[1][0] == near[0][0]):  # one nearest
            labels = host.split(".")
            labels[len(labels) - 1 - labels[::-1].index(org)] = near[0][1]
            host, org = ".".join(labels), near[0][1]
            break
    # The rest of the host (`co.ok` for `co.uk`) from a website of the same name. A label the
    # address has before the name and the website has not (`eu.`, `corp.`: the mail of one
    # office, the site of the whole company) is the address's own, and stays.
    for web in webs:
        site = re.sub(r"(?i)^(https?://)?www\.", "", web).split("/")[0].lower()
        if domain_of(None, site) != org:
            continue
        head = host[: host.rfind(org)] if site.startswith(f"{org}.") else ""
        site = head + site
        ending = site[site.rfind(org) + len(org) :]
        if not plausible_ending(ending) and plausible_ending(host[host.rfind(org) + len(org) :]):
            continue  # the website misread (`quantialabs.ol`), not the address (`.nl`)
        if site != host and 0 < distance(site, host) <= max(1, len(host) // 8):
            host = site
            break
    return f"{local}@{host}"


def _domain_distance(read: str, witness: str, twice: bool) -> float:
    """How far the domain's name `read` is from a witness's spelling: letters to change, add
    or drop; for a name the card spells twice (`twice`) and long enough to be told from others
    (`LOOKALIKE_SHORTEST`), a letter the OCR confuses with the printed one costing half."""
    plain = float(distance(read, witness))
    if not twice or len(witness) < LOOKALIKE_SHORTEST:
        return plain
    return min(plain, misreading_cost(witness, read))


LOOKALIKE_SHORTEST = 10  # letters of a twice-spelt name for its look-alike distance to count


# --- words of a job title ------------------------------------------------------------------------


def _confusable(a: str, b: str) -> bool:
    return not (a.isalpha() and b.isalpha()) or frozenset((a.lower(), b.lower())) in _CONFUSED


def _misreading_cost(read: str, known: str) -> float:
    """What it costs to read `known` as `read`, letter for letter: 0.5 a letter the OCR confuses
    (`parlner`, `otticer`, a mark for a letter in `technica)`), 1 any other, which only a long
    word leaves recognisable (a short one is then as likely another word: `analist` is Dutch);
    a word read with letters added or lost is not this word."""
    if abs(len(read) - len(known)) == 1 and min(len(read), len(known)) >= 8:
        # A letter lost or added in a long word, which no other long word is as near to.
        short, long = sorted((read, known), key=len)
        gaps = (long[:at] + long[at + 1 :] for at in range(len(long)))
        return 1.0 if short in gaps else float("inf")
    if len(read) != len(known):
        return float("inf")
    other = 1.0 if len(known) >= 8 else float("inf")
    return sum(
        0.5 if _confusable(x, y) else other for x, y in zip(read, known, strict=True) if x != y
    )


def _misreading_allowed(length: int) -> float:
    """How far a word of `length` letters may be misread and still be put right: one confused
    letter in a short word (five other words are one letter off `sales`), two in a word of seven
    letters, and in a longer one also one letter of any kind (`bosinass`, `resresantative`)."""
    return 0.5 if length < 7 else 1.0 if length == 7 else 1.5


# Two thin letters the OCR reads for one wide one (`Flead`, `Prograrn`, `Vicc`), as a word reads.
_FOR_ONE = (("fl", "h"), ("rn", "m"), ("cl", "d"), ("li", "h"), ("vv", "w"))
# And one wide letter read for two thin ones (`Engheeting` for `Engineering`).
_FOR_TWO = (("h", "in"), ("h", "ln"), ("m", "rn"))
# Letters that elide before an apostrophe (`d’affaires`, `l’ingénieur`, `dell’ufficio`).
_ELIDED = re.compile(r"(?i)^(?:[cdjlmns]|qu|dell|all|nell|sull|un)['’]")


def mend_title(text: str) -> str:
    """A job title with its words put right against the title words the reader knows (and the
    words companies are made of, which name departments too: `Software`)."""
    vocabulary = words()["title_words"] | words()["department_words"] | words()["company_words"]
    known = [w for w in vocabulary if " " not in w and len(w) >= 5]
    # A title names its team after a comma; a semicolon there is a comma with a speck above it.
    text = re.sub(r"(?<=[^\W\d_]);(?= [^\W\d_])", ",", text)
    tokens = text.split(" ")
    # A mark on a capital (`Öffice`, `Šcientist`) in a title that has no other mark is a speck
    # the OCR took for one, where the word without it is a known word; a title whose language
    # writes marks (`Directeur Général`) has them elsewhere too, or on a word no list knows.
    unmarked = [t for t in tokens if t.isascii()]
    displays: dict[str, list[str]] = {}
    for display in words()["title_display"]:
        displays.setdefault(fold(display), []).append(display)
    out = []
    for at, token in enumerate(tokens):
        if len(unmarked) == len(tokens) - 1 and len(tokens) > 1:
            token = _unspecked(token, vocabulary)
        # A speck read as a quotation mark before a title word (`Platform 'Team`): no title
        # quotes one word, and an elided letter stands before its apostrophe (`d’affaires`).
        if token[:1] in "'‘’`´\"" and token[1:].isalpha() and fold(token[1:]) in vocabulary:
            token = token[1:]
        # A speck read as a full stop after a whole title word, inside the title (not `Sr.`).
        word = token[:-1]
        if token.endswith(".") and at < len(tokens) - 1 and len(word) >= 4 and word.isalpha():
            token = word if fold(word) in vocabulary else token
        out.append(_remarked(_mended_word(token, vocabulary, known), displays))
    return " ".join(out)


def _remarked(token: str, displays: dict[str, list[str]]) -> str:
    """A word read with marks (`Geschåftsführer`, `Geschaftsführer`) that are not those of the
    known word it folds to (`Geschäftsführer`) takes the known word's. A word read without any
    mark is left: it may be another language's (`General`, Italian `Tecnico`), or spelt out."""
    stripped = token.rstrip(",;:")
    tail = token[len(stripped) :]
    if stripped.isascii():
        return token
    known = displays.get(fold(stripped), [])
    if len(known) != 1 or known[0].casefold() == stripped.casefold():
        return token
    if stripped.isupper():
        return known[0].upper() + tail
    return (known[0] if stripped[:1].isupper() else known[0].lower()) + tail


def _unspecked(token: str, vocabulary: frozenset[str]) -> str:
    first, rest = token[:1], token[1:]
    if first.isupper() and not first.isascii() and rest.isascii() and rest.isalpha():
        plain = fold(first).upper()
        if plain.isascii() and fold(token) in vocabulary:
            return plain + rest
    return token


def _mended_word(token: str, vocabulary: frozenset[str], known: list[str]) -> str:
    stripped = token.rstrip(",;:")
    tail = token[len(stripped) :]
    # A speck read as an apostrophe inside a known word (`T’ecnico`), not an elision.
    if re.search(r"\w['’]\w", stripped) and not _ELIDED.match(stripped):
        joined = re.sub(r"['’]", "", stripped)
        if fold(joined) in vocabulary:
            return joined + tail
    bare = fold(stripped)
    if len(bare) >= 4 and bare not in vocabulary:
        for many, one in _FOR_ONE:
            for at in [m.start() for m in re.finditer(many, bare)]:
                word = bare[:at] + one + bare[at + len(many) :]
                if word in vocabulary:
                    return cased_like(word, stripped) + tail
    if len(bare) < 5 or bare.strip(".&-/'’") in vocabulary:
        return token
    # Two words run together: `HiringManager`.
    camel = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})", stripped)
    if camel and any(fold(part) in vocabulary for part in camel.groups()):
        return f"{camel.group(1)} {camel.group(2)}{tail}"
    # The word as read, and as read with letters taken one for two or two for one (which costs
    # as much as a confused letter), each asked against every known word.
    readings = [(bare, 0.0)] + [
        (bare[:at] + two + bare[at + len(one) :], 0.5)
        for one, two in _FOR_ONE + _FOR_TWO
        for at in (m.start() for m in re.finditer(one, bare))
    ]
    nearest: dict[str, float] = {}
    for reading, extra in readings:
        for w in known:
            cost = _misreading_cost(reading, w) + extra
            if cost < nearest.get(w, float("inf")):
                nearest[w] = cost
    costs = sorted((cost, w) for w, cost in nearest.items())
    if not costs:
        return token
    (cost, word), runner_up = costs[0], costs[1][0] if len(costs) > 1 else float("inf")
    if cost > _misreading_allowed(len(bare)) or runner_up <= cost + 0.5:
        return token  # too far from any known word, or as near to two
    return cased_like(word, stripped) + tail


def cased_like(word: str, like: str) -> str:
    """`word` in the case `like` was read in: upper, capitalised or lower."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- legal forms ---------------------------------------------------------------------------------

# Look-alike readings of a legal form, tried in turn: `S.r.I.`, `Sp. z 0.0.`, `A.$.`; `lnc.`;
# `GmbII`; `LID.` (small capitals: a T's bar lost).
_TO_L = str.maketrans({"I": "l", "1": "l", "0": "o", "$": "Ş"})
_TO_I = str.maketrans({"l": "I", "1": "I"})


def _lookalikes(tail: str) -> list[str]:
    return [
        tail.translate(_TO_L),
        tail.replace("i", "l"),  # `pic`: plc, its l read as a small i
        tail.translate(_TO_I),
        tail.replace("II", "H"),
        re.sub(r"(?<=[A-Z])I(?=[A-Z])", "T", tail),
        tail.replace(",", "."),  # `Inc,`, `S,A.`: a dot read as a comma, its speck a tail
    ]


def mend_company(text: str) -> str:
    """A company's name with its legal form put right: look-alike characters (`S.r.I.`,
    `Sp. z 0.0.`, `A.$.`) or one letter off a legal form written in mixed case (`Gmbí`)."""
    # `Marlowe&Finch`: the spaces around `&` lost (not `AT&T`, `P&G`).
    text = re.sub(r"(?<=[^\W\d_]{3}) ?& ?(?=[^\W\d_]{3})", " & ", text)
    text = _unquoted(text)
    text = _company_words_mended(text)
    tokens = text.split(" ")
    legal = words()["legal_forms"]
    for size in (3, 2, 1):
        if len(tokens) <= size:
            continue
        tail = " ".join(tokens[-size:])
        if _is_legal(tail, legal):
            return text
        for mended in _lookalikes(tail):
            if mended != tail and _is_legal(mended, legal):
                return " ".join([*tokens[:-size], mended])
    last = tokens[-1].replace("II", "H")
    # Only a token no word looks like: accented, with marks, or capitals inside (`Gmbí`).
    odd = not (last.isascii() and last.isalpha()) or last[1:] != last[1:].lower()
    if len(tokens) >= 2 and len(last) >= 4 and odd:
        for display in words()["legal_display"]:
            if len(display) == len(last) and distance(fold(last), fold(display)) <= 1:
                return " ".join([*tokens[:-1], display])
    return text


_QUOTES = "'‘’`´\""


def _unquoted(text: str) -> str:
    """A company's name less a quotation mark before one of its capitalised words after the
    first, where no mark closes it (`Northwind 'Traders S.r.l.`): a speck above the line read
    as one, as on a title (`mend_title`). A name that quotes a word closes the quote
    (`Café "Rosa" GmbH`), and an elided letter stands before its apostrophe (`Maison d'Or`)."""
    tokens = text.split(" ")
    if sum(c in _QUOTES for c in text) != 1:
        return text
    out = [tokens[0]]
    for token in tokens[1:]:
        if token[:1] in _QUOTES and token[1:2].isupper() and token[1:].isalpha():
            token = token[1:]
        out.append(token)
    return " ".join(out)


def _company_words_mended(text: str) -> str:
    """A company's name with a word that companies are named with put right where it was
    misread by look-alike letters (`Blue Harbor Logisties`, `Quantia Anaiytics`) or run into
    the name before it (`KestrelAnalytics`), as a title's words are (`_mended_word`): the
    company's own words (`Harbor`, `Kestrel`) are no such word and are left as read."""
    vocabulary = words()["company_words"]
    known = [w for w in vocabulary if len(w) >= 5]
    out = []
    for token in text.split(" "):
        if len(token) >= 5 and token.isalpha():
            mended = _mended_word(token, vocabulary, known)
            # Letter for letter only: a word a letter longer is another language's word
            # (`Internationale`, `Gruppen`), not `International` misread.
            if " " in mended or len(mended) == len(token):
                token = mended
        out.append(token)
    return " ".join(out)


def unglued(text: str) -> str:
    """A company's name whose legal form the OCR ran into the word before it, with the space put
    back (`Helvetia PräzisionLda.`, `Nordlicht VerlagGmbH`): a capital after a small letter
    that starts a legal form as printed (with a dot, in capitals, or as `legal_display` has
    it), up to the end of the line. Capitals inside a word that start none (`TelCo`,
    `McDonald`, `BlackRock`) are left as read."""
    tokens = text.split(" ")
    legal = words()["legal_forms"]
    display = words()["legal_display"]
    for at in range(max(0, len(tokens) - 3), len(tokens)):
        token = tokens[at]
        for match in re.finditer(r"(?<=[^\W\d_]{2})(?<=[^\W\dA-Z_])(?=[A-Z])", token):
            head, form = token[: match.start()], token[match.start() :]
            tail = " ".join([form, *tokens[at + 1 :]])
            printed = "." in form or (form.isupper() and len(form) >= 2) or form in display
            if printed and _is_legal(tail, legal):
                return " ".join([*tokens[:at], head, tail])
    return text


def _is_legal(tail: str, legal: frozenset[str]) -> bool:
    folded = fold(tail)
    return folded in legal or folded.rstrip(".") in legal or folded == "sp. z o.o."
