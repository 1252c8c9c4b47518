"""Reading the email right, with the rest of the card as its witness.

The email is printed small, in the contact block, and the OCR misreads it more than anything else
on a card: `@` taken for a letter (`micheeverdant.com`, `bjorngjorion`), a dot or an underscore
read as a space (`hariet _davies@`, `g in-presti@`), letters taken for others (`l`/`i`, `o`/`c`),
the top-level domain garbled (`.coru`). The card says most of the address again, larger: the
person's name is usually its local part (`first.last`, `f.last`, `firstlast`…, spelt without
marks, Zürcher -> zurcher, or with them spelt out, Müller -> mueller, Søren -> soeren), and the
company's name or the website its domain.

So the addresses the name and the company allow are each compared with what the OCR read (the
email's words as printed, before any repair), by an edit distance in which the OCR's usual
confusions cost less than other changes. The address read wins while it is as near as any; an
address the card confirms wins when it explains the reading better than the reading explains
itself, counting each part of the reading the card does not confirm (a local part no name
spells, a domain no company or website names) as a cost. Nothing is put right without such a
witness: the local part only towards what the name spells, the domain only towards what the
company's name or website says; a card with neither keeps its email as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.adapters.cards.contacts import domain_of, fold, words

# What the OCR takes for what (lower case): each group's letters are confused with one another.
_LOOKALIKES = (
    *("il1|!tfj", "o0ceaq@", "nuh", "mn", "bh6", "vy", "s5", "z2", "g9q@", "e@", "rt"),
    "uv",  # `qvist` read `quis` in a narrow face
)
_SEPARATORS = frozenset("._- ,")
_SPELT_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "æ": "ae", "Ä": "ae", "Ö": "oe"}
    | {"Ü": "ue", "Ø": "oe", "Å": "aa", "Æ": "ae"}
)
UNCONFIRMED = 2.5  # the cost of a part of the address that nothing else on the card says
UNREAD = 99.0  # the cost of an address no reading of the card's lines is near (see `weighing`)
LEFT_OUT = 2.0  # the cost of a word run into the address (no label, no number) left out of it
NEAR_COMPANY = 0.2  # look-alike cost a letter by which a website may differ from the company
_TLDS = frozenset(
    {"com", "org", "net", "edu", "gov", "int", "mil", "io", "co", "ai", "biz", "info", "app"}
    | {"dev", "tech", "eu", "uk", "me", "tv", "cc", "us"}
)


def _cheap(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _LOOKALIKES)


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _SEPARATORS and b in _SEPARATORS:
        # A dot or an underscore read as a space is likelier than a space the OCR made up.
        return 0.15 if " " in (a, b) else 0.25
    if b != a and len(b) == 1 and not b.isascii() and fold(b) == a:
        # A letter read with a mark (`à vandenbroucke` for a.vandenbroucke): an address has
        # none, so it is that letter; a speck or the dot beside it read as the mark.
        return MARKED
    return 0.5 if _cheap(a, b) else 1.0


MARKED = 0.25  # reading a marked letter (à, é, ö) where the address prints it bare


def _gap(c: str) -> float:
    """Adding or dropping `c`: a space or a separator (a lost dot) costs less than a letter."""
    return 0.25 if c == " " else 0.5 if c in _SEPARATORS else 1.0


def _row(pattern: str, text: str) -> list[float]:
    """The cost of reading `text[:k]` as `pattern`, for each k (the last row of the table). An
    initial and the dot after it may be read as one letter (`l.lemaitre` as `Ilemaitre`); not
    the last letter of a word and a dot (`bjorn.oberhauser` is no nearer `bjomoberhauser` than
    `bjornoberhauser` is)."""
    before: list[float] | None = None
    previous = [0.0]
    for c in text:
        previous.append(previous[-1] + _gap(c))
    for i, p in enumerate(pattern):
        current = [previous[0] + _gap(p)]
        # After an initial (the pattern's first letter, or one after a separator).
        after_initial = p == "." and (i == 1 or (i >= 2 and pattern[i - 2] in _SEPARATORS))
        for k, c in enumerate(text, 1):
            best = min(
                previous[k] + _gap(p),
                current[k - 1] + _gap(c),
                previous[k - 1] + _substitution(p, c),
            )
            if after_initial and before is not None and _substitution(pattern[i - 1], c) <= 0.5:
                best = min(best, before[k - 1] + 0.5)
            current.append(best)
        before, previous = previous, current
    return previous


def misreading_cost(printed: str, read: str) -> float:
    """What it costs to read `printed` as `read`: the OCR's usual confusions (`_LOOKALIKES`)
    cost half a letter changed, a lost separator half a letter added or dropped."""
    return _row(printed, read)[-1]


OFFICES = ("mail", "email", "eu", "us", "uk", "corp", "en")  # labels before a company's name


def _near(read: str, label: str) -> bool:
    """One letter added, dropped or changed (`cop` for corp), and not the same."""
    if read == label or abs(len(read) - len(label)) > 1:
        return False
    return _row(label, read)[-1] <= 1.0


def _at_cost(c: str) -> float:
    """Reading one character where `@` is printed: a round letter, or one with a mark over it
    (`lalrésalvay-clmnie.de` for luhr@solvay-chimie.de, `ujaãsofron` for araujo@saffron): the
    `@`'s tail, curled over the `a` inside it, read as an accent."""
    return 0.0 if c in "@©®" else 0.5 if c in "gqaeoc(" or c in AT_MARKED else 1.0


# Letters with a mark that `@` is read as in small print (an `a`, `e` or `o` inside a curl).
AT_MARKED = frozenset("àáâãäåèéêëòóôõöø")


# --- what the card allows ------------------------------------------------------------------------


# How an address writes a name's marked letters: dropped (Åkesson -> akesson) or spelt out
# (aakesson). One address writes them all one way: `maans_akesson` for Måns Åkesson is no
# address the name gives (it is maans_aakesson or mans_akesson).
WAYS = ("dropped", "spelt")


def spellings(word: str, way: str | None = None) -> set[str]:
    """A word of a name as addresses write it: marks dropped, or spelt out (ue, oe, aa); one
    `way` of `WAYS` alone where it is given."""
    found = set()
    ways = {"dropped": word, "spelt": word.translate(_SPELT_OUT)}
    for text in [ways[way]] if way else ways.values():
        slug = re.sub(r"[^a-z0-9\-]", "", fold(text))
        if slug.strip("-"):
            found.add(slug.strip("-"))
            found.add(slug.replace("-", ""))
    return found


def name_parts(name: str, way: str | None = None) -> tuple[list[set[str]], set[str]]:
    """The spellings of each word of a name (initials like `S.` left out; its marked letters
    written one `way` of `WAYS` where it is given), and every word and initial an address may
    use. A letter standing alone before the surname is kept: it may be a particle of it (Irish
    `Ó Súilleabháin`: osuilleabhain, o-suilleabhain)."""
    split = [t for t in re.split(r"\s+", name.strip()) if t]
    tokens = [
        t
        for at, t in enumerate(split)
        if not re.fullmatch(r"\w\.?", t) or (t.isalpha() and 0 < at < len(split) - 1)
    ]
    parts = [spellings(t, way) for t in tokens]
    parts = [p for p in parts if p]
    pieces: set[str] = set()
    for spelt in parts:
        for s in spelt:
            pieces |= {s, s[0], *s.split("-")}
            # A marked letter the OCR read without its mark on the name's line (Kjær as Kjar)
            # and that the address spells out (kjaer).
            pieces |= {f"{s[: i + 1]}e{s[i + 1 :]}" for i, c in enumerate(s) if c in "aou"}
    return parts, pieces


def local_parts(name: str) -> set[str]:
    """The local parts a person's name gives: first.last, f.last, firstlast, first, first_last,
    first-last, flast, last, last.first…; `last` being the surname (`Lo Presti`: lopresti,
    lo-presti) or its last word; its marked letters all written one way (`WAYS`)."""
    return {local for way in WAYS for local in _local_parts(name, way)}


def _local_parts(name: str, way: str) -> set[str]:
    parts, _ = name_parts(name, way)
    if len(parts) < 2:
        return {s for p in parts for s in p}
    firsts = parts[0]
    lasts: set[str] = set()
    for start in range(1, len(parts)):
        rest = parts[start:]
        combos = [""]
        for spelt in rest:
            combos = [c + s for c in combos for s in spelt]
        lasts |= set(combos)
        if len(rest) > 1:  # the words of a surname joined by hyphens: lo-presti
            hyphened = [""]
            for spelt in rest:
                hyphened = [f"{c}-{s}" if c else s for c in hyphened for s in spelt]
            lasts |= set(hyphened)
    found = set()
    for f in firsts:
        for last in lasts:
            found |= {f"{f}.{last}", f"{f[0]}.{last}", f"{f}{last}", f, f"{f}_{last}"}
            found |= {f"{f}-{last}", f"{f[0]}{last}", last, f"{last}.{f}", f"{f}.{last[0]}"}
            found |= {f"{f[0]}_{last}", f"{last}{f[0]}", f"{last}.{f[0]}", f"{last}_{f}"}
    return found


def _spelt_by(part: str, pieces: set[str]) -> bool:
    """Whether `part` is words or initials of the name run together."""
    return part in pieces or any(
        part.startswith(p) and _spelt_by(part[len(p) :], pieces)
        for p in pieces
        if 0 < len(p) < len(part)
    )


def plausible_ending(suffix: str) -> bool:
    """`.com`, `.co.uk`, `.de`: labels a domain may end with (not `.coru`)."""
    import phonenumbers

    labels = suffix.strip(".").split(".")
    return bool(suffix) and all(
        label in _TLDS or (len(label) == 2 and label.upper() in phonenumbers.SUPPORTED_REGIONS)
        for label in labels
    )


def _endings_like(suffix: str) -> set[str]:
    """The plausible endings one look-alike letter away from `suffix` (`.ez` -> `.cz`)."""
    import phonenumbers

    labels = suffix.strip(".").split(".")
    tried = _TLDS | {r.lower() for r in phonenumbers.SUPPORTED_REGIONS}
    found = set()
    for i, label in enumerate(labels):
        for known in tried:
            if (
                len(known) == len(label)
                and sum(_substitution(a, b) for a, b in zip(label, known, strict=True)) == 0.5
            ):
                mended = "." + ".".join([*labels[:i], known, *labels[i + 1 :]])
                if plausible_ending(mended):
                    found.add(mended)
    return found


def _split_host(host: str) -> tuple[str, str, str] | None:
    """`eu.acme.co.uk` -> (`eu.`, `acme`, `.co.uk`), by the organisation's name in it."""
    org = domain_of(f"x@{host}")
    if not org:
        return None
    labels = host.split(".")
    if org not in labels:
        return None
    at = len(labels) - 1 - labels[::-1].index(org)
    prefix = ".".join(labels[:at]) + ("." if at else "")
    suffix = "." + ".".join(labels[at + 1 :]) if at + 1 < len(labels) else ""
    return prefix, org, suffix


def hosts(
    read: str | None,
    webs: list[str],
    orgs: set[str],
    country: str | None = None,
    seen: set[str] | None = None,
    labels: set[str] | None = None,
    home: str | None = None,
    texts: list[str] | None = None,
) -> tuple[set[str], set[str]]:
    """The domains the card allows, and those of them it confirms. Confirmed: the company's name
    (`orgs`, its spellings) with the ending the website or the address read gives, and a website
    written as one (`www.`, `https://`) where no company's name says otherwise (or the company's
    line was misread: `_misread_company`, by the email's readings, `texts`). Allowed besides:
    the address as read, and the websites the company's name does not confirm. A bare domain
    (`reyesgimabridgecapital.coru`) is no witness: an email whose `@` was lost reads as one.
    Where the card gives no ending at all, those `seen` at the end of the lines that may be the
    email (`elanvital es`) and the country's of the phone number are tried with the company's
    name; an office's `labels` read before the company's name (`…corp.elanvital`) with it.
    Where no address was read at all (its line too small or blurred to read, the phone number
    often with it), the endings of the candidate's own country (`home`) and `.com` are tried
    too, unconfirmed: the card is then only weighed on its lines by what the recogniser saw."""
    sites: dict[str, bool] = {}  # host: written as a website
    endings = set()  # a bare domain is no witness of a name, but its ending is one of the card's
    misread: set[str] = set()  # endings of websites whose names were misread
    for web in webs:
        host = re.sub(r"(?i)^(https?://)?(www\.)?", "", web).split("/")[0].lower().strip(".")
        if "." in host and re.match(r"(?i)(https?://|www)", web):
            sites[host] = True
        elif "." in host and re.match(r"[^/]+/[^\W\d_]{3,}", web) and domain_of(None, host) in orgs:
            # A page of the site after the host (`mail.acme.nl/careers`; an email has no path)
            # whose name is the company's: a website too, and the office's label before the
            # name (`mail.`) the email's.
            sites[host] = True
        split = _split_host(host)
        if split and plausible_ending(split[2]):
            endings.add(split[2])
            # A website whose name was misread (`www.verdantenargy.sn` beside a Swedish number)
            # may have its ending misread too: the number's country's is tried beside it.
            own = _national_near(split[2], country, True) if country else None
            # So may a website read whole where a line that may be the email ends with the
            # country's own (`www.cobalt.lk` over `…eucobalt.dk` beside a Danish number): two
            # readings of the same small print, and the number says which is right.
            if own and (split[1] not in orgs or own in (seen or set())):
                endings.add(own)
                misread.add(split[2])
        elif split and not read:  # `polurin.ce/oarves`: an ending one look-alike letter off
            endings |= _endings_like(split[2])
    confirmed_orgs = set(orgs)
    allowed_orgs = set(orgs)
    read_split = _split_host(read) if read else None
    if read_split and len(read_split[1]) >= 3:
        # The name the address read gives its domain, though the company's name was not found
        # (`meridian.ez` beside a company line the address was mistaken for): allowed, not
        # confirmed, so that its ending may be put right.
        allowed_orgs.add(read_split[1])
    for host, written_as_site in sites.items():
        org = domain_of(None, host)
        if org:
            allowed_orgs.add(org)
            if written_as_site and (
                not orgs or org in orgs or _misread_company(org, orgs, texts or [])
            ):
                confirmed_orgs.add(org)
    printed = frozenset(endings)  # the endings the websites print (`suffixes` grows below)
    prefixes, suffixes = {"", *(labels or ())}, endings
    doubtful: set[str] = set(misread)
    for host in [*sites, *([read] if read else [])]:
        split = _split_host(host)
        if split and host == read and split[0]:
            # `cop.` for corp.: an office's label one letter off one that addresses use.
            prefixes |= {f"{o}." for o in OFFICES if _near(split[0][:-1], o)}
        if split and plausible_ending(split[2]):
            suffixes.add(split[2])
            if host == read:
                prefixes.add(split[0])
                # `.ni` or `.co` beside a Dutch or a British phone number: a real ending, but
                # one look-alike letter off (or one label short of) the country's own, which
                # no website of the card has: the country's is likelier. With no number
                # read, the candidate's own country's.
                own = _national_near(split[2], country or home, country is not None)
                # A website ending so confirms it only where its name was read right too:
                # `www.atias-freight.ck` is the same small print misread the same way.
                if own and not any(
                    site.endswith(split[2]) and domain_of(None, site) in confirmed_orgs
                    for site in sites
                ):
                    suffixes.add(own)
                    doubtful.add(split[2])
        elif split and host == read:  # `.ez` for `.cz`: an ending one look-alike letter off
            prefixes.add(split[0])
            like = _endings_like(split[2])
            # Of two endings as near (`.ez`: .cz, .az), the country the phone number is in.
            national = {e for e in like if country and e.endswith(f".{country.lower()}")}
            suffixes |= national or like
            # An ending guessed from one no domain has (`.ak`: .ck) is no witness against the
            # one the card's website prints (`.dk`): allowed, but doubtful beside it, where the
            # address's domain is the company's name (give or take two letters misread).
            if printed and any(_row(o, split[1])[-1] <= 2.0 for o in orgs):
                doubtful |= (national or like) - printed
    if not suffixes and orgs:
        suffixes = {e for e in seen or set() if plausible_ending(e)}
        if country:  # the phone's country's own ending (Britain's is .uk, mostly .co.uk)
            suffixes |= {".uk", ".co.uk"} if country == "GB" else {f".{country.lower()}"}
            # An ending seen that is the country's own with a letter misread (`.ne` on the
            # email's and the website's lines beside a Dutch number, `.dz` beside a Danish one):
            # the same small print misread the same way twice, as likely as not; the number
            # says which. Allowed, but no witness.
            doubtful |= {e for e in suffixes if _national_near(e, country, True)}
        if not read:  # guesses, which only what the recogniser saw may confirm
            guessed = {e for c in {country, home} if c for e in _nationals(c)} | {".com"}
            doubtful |= guessed - suffixes
            suffixes |= guessed
    allowed = {f"{p}{o}{s}" for p in prefixes for o in allowed_orgs for s in suffixes}
    allowed |= set(sites) | ({read} if read else set())
    confirmed = set()
    for host in allowed:
        split = _split_host(host)
        if (
            split
            and split[1] in confirmed_orgs
            and plausible_ending(split[2])
            and split[2] not in doubtful
            # An office's label before the name is one addresses use (`mall.` is no such label:
            # mail. misread), or the one a website of the card has.
            and (split[0][:-1] in ("", *OFFICES) or any(s.endswith(host) for s in sites))
        ):
            confirmed.add(host)
    return allowed, confirmed


def _misread_company(org: str, orgs: set[str], texts: list[str]) -> bool:
    """Whether a website's name is the company's name misread on the company's line: a spelling
    of it a few look-alike letters off (`atlasfreight` beside `ATLAS FREIGIIT`) that a reading
    of the email (`…@atlasfroight.ez`, a third print of the name) is nearer to than to the
    company's line. One of the two lines was misread; the email's reading says which."""
    near = [o for o in orgs if len(o) >= 6 and _row(o, org)[-1] <= NEAR_COMPANY * len(o)]
    if len(org) < 6 or not near:
        return False
    for text in texts:
        backwards = fold(text)[::-1]
        site = min(_row(org[::-1], backwards))
        if all(site < min(_row(o[::-1], backwards)) for o in orgs if o != org):
            return True
    return False


def _nationals(country: str) -> set[str]:
    """The endings a country's companies use (`.nl`; `.co.uk`; `.com.tr`), plausible ones."""
    code = "uk" if country == "GB" else country.lower()
    return {e for e in (f".{code}", f".co.{code}", f".com.{code}") if plausible_ending(e)}


def _national_near(suffix: str, country: str | None, numbered: bool = False) -> str | None:
    """The phone number's country's ending (`.nl`, `.co.uk`) where `suffix` is one look-alike
    letter off it (`.ni`) or it less its last label (`.co`); None where it is the same. Where the
    country is the number's on the card (`numbered`), a country's two letters with any one of
    them misread (`.ck` beside a Danish number, `.at` beside an Italian one) are its too: a
    company's address in another country one letter off its number's is rarer than a misread
    letter of small print."""
    if not country:
        return None
    code = "uk" if country == "GB" else country.lower()
    nationals = (f".{code}", f".co.{code}", f".com.{code}")
    if suffix in nationals:
        return None
    for national in nationals:
        if national.startswith(f"{suffix}.") and suffix != ".com":
            return national
        if len(national) == len(suffix):
            cost = sum(_substitution(a, b) for a, b in zip(national, suffix, strict=True))
            if cost == 0.5 or (numbered and cost == 1.0 and _in_country_letters(suffix, national)):
                return national
    return None


def _in_country_letters(suffix: str, national: str) -> bool:
    """Whether `suffix` differs from `national` only in the country's two letters at its end
    (`.ck` for .dk, `.co.tk` for .co.uk), what is before them the same."""
    head, _, code = suffix.rpartition(".")
    return len(code) == 2 and head == national.rpartition(".")[0]


# --- choosing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """Words of one line that may be an email as the OCR read them, and how many of the words
    run into them were left out (each costs: an unexplained word beside the address)."""

    text: str
    left_out: int = 0


def readings(row: str, orgs: set[str] | frozenset[str] = frozenset()) -> list[Reading]:
    """The runs of words of a contact line that may be an email: no label, no number, and
    something of an address in them (`@`, or a dot; or, with both lost, an ending standing
    apart, `wouter lemanuc elanvital be`, or the company's name, `indmanokestrelse`). A run is
    also read without its first word or two (`hariet _davies@…`: the name may have run into
    it, or may not be part of it)."""
    labels = words()["email_labels"] | words()["web_labels"] | words()["phone_labels"]
    labels |= words()["fax_labels"] | words()["mobile_labels"]
    runs: list[list[str]] = [[]]
    for token in row.lower().split():
        bare = fold(token).strip(" .:|/-")
        free = bare in labels or sum(c.isdigit() for c in token) >= 3 or len(bare) == 0
        free = free or token.endswith(":")  # a label, however misread (`E-mait:`)
        if free or token.startswith(("www", "http")) or "/" in token:
            runs.append([])
        else:
            runs[-1].append(token)
    found = []
    named = [o for o in orgs if len(o) >= 4]

    def likely(text: str) -> bool:
        if re.search(r"[@©®.]", text):
            return True
        last = text.rpartition(" ")[2]
        return (" " in text and plausible_ending(last)) or any(o in fold(text) for o in named)

    for run in runs:
        text = " ".join(run)
        if len(text) < 6 or not likely(text) or len(run) > 4:
            continue
        for skip in range(len(run)):
            rest = " ".join(run[skip:])
            if len(rest) >= 6 and likely(rest):
                found.append(Reading(rest, skip))
                found.extend(Reading(unglued, skip) for unglued in _unlabelled(rest))
    return found


def _unlabelled(text: str) -> list[str]:
    """The reading less a label run into it, read a letter off or not (`Emaialitair…@…`, the
    `Email` before `alistair…` with its space lost): each way of cutting it off."""
    found = []
    for label in words()["email_labels"]:
        if len(label) < 4:
            continue
        for cut in range(len(label) - 1, len(label) + 2):
            head = text[:cut].lower()
            if (
                len(text) - cut >= 6
                and text[cut : cut + 1].isalpha()
                and (head == label or _near(head, label))
            ):
                found.append(text[cut:])
    return list(dict.fromkeys(found))


def endings_seen(text: str) -> set[str]:
    """The endings a reading ends with, a dot read as a space or a comma (`elanvital es`,
    `saffron.com tr`): `.es`; `.tr`, `.com.tr`."""
    labels = re.findall(r"[a-z]+", text.lower().rpartition("@")[2])[-2:]
    found = {f".{labels[-1]}"} if labels else set()
    if len(labels) == 2:
        found.add(f".{labels[0]}.{labels[1]}")
    return {e for e in found if plausible_ending(e)}


def labels_seen(text: str, orgs: set[str]) -> set[str]:
    """An office's label read just before the company's name, the address's `@` lost before it
    (`garciadriafaentecorp.elanvital es`): `corp.`."""
    folded = fold(text)
    found = {
        f"{label}."
        for org in orgs
        for label in OFFICES
        if len(org) >= 4 and f"{label}.{org}" in folded
    }
    if "@" not in folded and orgs:
        # The company's name misread too (`harretseu.giaritepeakscttware co.uk`): an office's
        # label run into the local part, then a dot and a word, is allowed; the reading, weighed
        # against the addresses with and without it, says whether it is there.
        found |= {
            f"{label}." for label in OFFICES if re.search(rf"[a-z]{{2}}{label}\.[a-z]{{4}}", folded)
        }
        # Its dot lost too (`meltejorgeneenbeucobalt.dk`): the label run into the company's name.
        found |= {
            f"{label}."
            for org in orgs
            for label in OFFICES
            if len(org) >= 4 and label + org in folded
        }
    return found


@dataclass(frozen=True)
class Candidate:
    """An address the card allows: how far the reading is from it (`cost`, the OCR's usual
    confusions costing less), and how much of it nothing else on the card confirms (`doubt`)."""

    cost: float
    doubt: float
    email: str


def reconcile(
    read: str | None,
    rows: list[str],
    name: str | None,
    orgs: set[str],
    webs: list[str],
    country: str | None = None,
) -> str | None:
    """The email the card's lines best support: `read` (the address found, after repairs), or
    an address the name and the company's domain spell that the reading is nearer to."""
    return chosen(read, candidates(read, rows, name, orgs, webs, country))


def candidates(
    read: str | None,
    rows: list[str],
    name: str | None,
    orgs: set[str],
    webs: list[str],
    country: str | None = None,
    home: str | None = None,
) -> list[Candidate]:
    """Every address the name and the card's domains allow, each weighed against each reading
    of the lines that may be the email (see `reconcile`)."""
    if not name and not read:
        return []
    locals_ = local_parts(name) if name else set()
    _, pieces = name_parts(name) if name else ([], set())
    pieces_by_way = [name_parts(name, way)[1] for way in WAYS] if name else []
    read_local, _, read_host = (read or "").partition("@")
    found = [r for row in rows for r in readings(row, orgs)]
    seen = {e for r in found for e in endings_seen(r.text)}
    labels = {label for r in found for label in labels_seen(r.text, orgs)}
    allowed_hosts, confirmed_hosts = hosts(
        read_host or None, webs, orgs, country, seen, labels, home, [r.text for r in found]
    )
    if not allowed_hosts or not (locals_ or read_local):
        return []
    penalty: dict[tuple[str, str], float] = {}
    all_locals = locals_ | ({read_local} if read_local else set())
    for local in all_locals:
        split = re.split(r"[._\-]", local)  # `ashley__kowalski`: one separator read twice
        spelt = any(all(p and _spelt_by(p, ways) for p in split) for ways in pieces_by_way)
        for host in allowed_hosts:
            cost = 0.0 if (local in locals_ or (spelt and pieces)) else UNCONFIRMED
            cost += 0.0 if host in confirmed_hosts else UNCONFIRMED
            split_host = _split_host(host)
            if not (split_host and plausible_ending(split_host[2])):
                cost += UNCONFIRMED  # `.ez`, `.coru`: no domain ends so
            elif host not in confirmed_hosts and _national_near(
                split_host[2], country or home, country is not None
            ):
                cost += UNCONFIRMED  # `.ni` beside a Dutch number: the country's own misread
            penalty[(local, host)] = cost
    if not found:  # nothing read that may be the email: what the card allows by the name, unweighed
        return [
            Candidate(UNREAD, d, f"{lo}@{h}")
            for (lo, h), d in penalty.items()
            if d <= UNCONFIRMED and lo in locals_
        ]
    scored: list[Candidate] = []
    for reading in found:
        text = reading.text
        tails = {host: _row(host[::-1], text[::-1])[::-1] for host in allowed_hosts}
        for local in all_locals:
            heads = _row(local, text)
            for host, tail in tails.items():
                aligned = min(
                    min(heads[k] + _at_cost(text[k]) + tail[k + 1] for k in range(len(text))),
                    min(heads[k] + 1.0 + tail[k] for k in range(len(text) + 1)),
                )
                doubt = penalty[(local, host)]
                cost = aligned + doubt + LEFT_OUT * reading.left_out
                scored.append(Candidate(cost, doubt, f"{local}@{host}"))
    return scored


def chosen(read: str | None, scored: list[Candidate]) -> str | None:
    """The candidate the reading is clearly nearest to, else `read`."""
    if not scored:
        return read
    # Between equals: the address as read, then one with a dot (the separator most used, and
    # the one the OCR loses most), then the rest in a fixed order.
    ordered = sorted(
        scored,
        key=lambda c: (c.cost, c.email != read, "." not in c.email.split("@")[0], c.email),
    )
    cost, best = ordered[0].cost, ordered[0].email
    if best == read:
        return read
    rival = next((c.cost for c in ordered if _skeleton(c.email) != _skeleton(best)), None)
    # A reading of which nothing is confirmed (no local part the name spells, no domain the
    # company or website names: `lalresalvay@clmnie.de` beside Lühr Krüger of Solvay Chimie) is
    # no better a witness than the card: an address the card confirms whole that is nearer to
    # the line than the reading is may be further off it.
    unconfirmed = read is not None and all(
        c.doubt >= 2 * UNCONFIRMED for c in scored if c.email == read
    )
    confirmed = ordered[0].doubt == 0.0
    per_letter = FAR_PER_LETTER if unconfirmed and confirmed else NEAR_PER_LETTER
    if cost > 1.0 + per_letter * len(best) or (rival is not None and rival - cost < 0.5):
        return read
    return best


NEAR_PER_LETTER = 0.15  # how far (a letter of the address) a reading may be from an address taken
FAR_PER_LETTER = 0.35  # …where the address is confirmed whole and nothing of the reading is


def _skeleton(email: str) -> str:
    return re.sub(r"[^a-z0-9@]", "", email)
