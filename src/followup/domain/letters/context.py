"""What the check knows about a letter: who it is for, from whom, about which opportunity."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from followup.domain.letters.text import words
from followup.domain.vocabulary import STEPS

LETTER_KINDS = STEPS  # every step has its letter (a call, its script)


@dataclass(frozen=True)
class Directory:
    """Every opportunity's company and people, indexed by the first word of each name (in
    lowercase): a letter is checked against them by looking up its own words, so the check
    takes as long with 100,000 opportunities as with ten."""

    companies: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    people: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()  # every word of every name, lowercased (spelling)
    # Every part of every person's name, folded (lowercase, no accents): a name in a letter
    # that is one of these is a person's, whatever else the word may mean.
    person_words: frozenset[str] = frozenset()
    # Companies written as one run of letters ("halcyonsoftware", "brightline"), as links,
    # addresses and file names spell them, keyed by their first four letters.
    compact: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, list[str]]]) -> Directory:
        """From (opportunity id, company, names of everyone met) for each opportunity."""
        companies: dict[str, list[tuple[str, str]]] = defaultdict(list)
        people: dict[str, list[tuple[str, str]]] = defaultdict(list)
        compact: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        vocabulary: set[str] = set()
        person_words: set[str] = set()
        for opportunity, company, names in entries:
            if company.split():  # by its first word as written, and without its accents
                first = company.split()[0].lower()
                companies[first].append((company, opportunity))
                if fold_accents(first) != first:
                    companies[fold_accents(first)].append((company, opportunity))
                for form in compact_forms(company):
                    compact[form[:4]].append((form, company, opportunity))
                # …and by the first word of the name it is called by after its trade words
                # ("sierra" of Cervecería Sierra Alta)
                called = short_name(company.split())
                if called and called[0].lower() != first:
                    companies[called[0].lower()].append((company, opportunity))
                    if fold_accents(called[0].lower()) != called[0].lower():
                        companies[fold_accents(called[0].lower())].append((company, opportunity))
            vocabulary.update(w.group(0).lower() for w in words(company))
            vocabulary.update(fold_accents(w.group(0).lower()) for w in words(company))
            for name in names:
                if name.split():  # by the first name as written, and without its accents
                    first = name.split()[0].lower()
                    people[first].append((name, opportunity))
                    if fold_accents(first) != first:
                        people[fold_accents(first)].append((name, opportunity))
                found = [w.group(0).lower() for w in words(name)]
                vocabulary.update(found)
                vocabulary.update(fold_accents(w) for w in found)  # "Yildirim" for "Yıldırım"
                # a word of the name written with a full stop is a title, an initial or a
                # suffix ("Dr. Amira Haddad", "J.", "Jr."): no name anyone is called by
                person_words.update(
                    fold_accents(w.group(0).lower())
                    for w in words(name)
                    if not name.startswith(".", w.end())
                )
        return cls(
            {k: tuple(v) for k, v in companies.items()},
            {k: tuple(v) for k, v in people.items()},
            frozenset(vocabulary),
            frozenset(person_words),
            {k: tuple(v) for k, v in compact.items()},
        )


_CONNECTORS = frozenset({"&", "and", "+", "the"})
# Legal suffixes links leave out; the same as the wrong-company rule's list in checks/rules.json
# (a form of several words, "sp. z o.o.", "sdn bhd", is one entry).
_SUFFIXES = frozenset(
    {"inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company"}
    | {"llc", "l.l.c.", "ltd", "ltd.", "limited", "plc", "gmbh", "ag", "sa", "s.a.", "bv", "nv"}
    | {"group", "holdings", "& co", "& co."}
    | {"a/s", "aps", "as", "asa", "ab", "oy", "oyj", "hf", "ehf", "a.s.", "s.r.o.", "sp. z o.o."}
    | {"sp.j.", "s.a.s.", "sas", "sarl", "s.a.r.l.", "srl", "s.r.l.", "s.p.a.", "sl", "s.l."}
    | {"slu", "s.l.u.", "ltda", "ltda.", "lda", "lda.", "kft", "kft.", "zrt", "zrt.", "bhd"}
    | {"sdn bhd", "berhad", "pty", "pty ltd", "pte", "pte ltd", "pte. ltd.", "pvt", "pvt ltd"}
    | {"pvt. ltd.", "private limited", "kg", "gmbh & co. kg", "ohg", "ug", "e.k.", "oü", "uab"}
    | {"sia", "d.o.o.", "doo", "jsc", "pjsc", "llp", "lp", "k.k.", "se", "bvba", "nv/sa"}
)


def without_legal_form(parts: list[str], suffixes: frozenset[str]) -> list[str]:
    """A company's words (`parts`) without the legal form that ends them, of one word or of
    several ("Mazur Okna" of "Mazur Okna Sp. z o.o.", "Foo Logistics" of "Foo Logistics A/S");
    at least one word is kept."""
    parts = list(parts)
    while len(parts) > 1:
        for size in range(min(4, len(parts) - 1), 0, -1):
            if " ".join(parts[-size:]).lower().rstrip(",") in suffixes:
                del parts[-size:]
                break
        else:
            break
    return parts


# The words of a trade that open a firm's name before what it is called by ("Cervecería Sierra
# Alta" is Sierra Alta, "Grupo Industrial Cerralvo" Cerralvo, "Laticínios Mantiqueira"
# Mantiqueira, "Officine Rinaldi" Rinaldi), in the languages that name firms so, folded: the
# words after them alone name the firm as its first words do, and a trade word alone names no
# firm (DESIGN, wrong-company: the company of another opportunity, in any form). The directory's
# own data, as its legal forms are.
TRADE_WORDS = frozenset(
    {"grupo", "gruppo", "groupe", "industrial", "industrias", "industria", "industrie"}
    | {"cerveceria", "cervejaria", "brasserie", "brouwerij", "brauerei", "birrificio"}
    | {"materiales", "materiais", "distribuidora", "comercializadora", "comercial"}
    | {"constructora", "construtora", "costruzioni", "laboratorios", "laboratorio"}
    | {"laboratoires", "transportes", "transportadora", "trasporti", "transports"}
    | {"laticinios", "lacteos", "caseificio", "fromagerie", "molkerei", "panificadora"}
    | {"panaderia", "padaria", "boulangerie", "bakkerij", "backerei", "bodegas", "bodega"}
    | {"vinicola", "cantina", "cantine", "viticola", "farmacia", "farmacias", "drogaria"}
    | {"officine", "ateliers", "talleres", "fabrica", "frigorifico", "inmobiliaria"}
    | {"imobiliaria", "editorial", "editora", "tipografia", "imprimerie", "drukkerij"}
    | {"aceros", "acciaierie", "plasticos", "papelera", "embotelladora", "agropecuaria"}
    | {"cooperativa", "tecelagem", "textil", "confecciones", "ceramiche", "ceramica"}
    | {"pastificio", "manifattura", "fonderia", "autohaus", "spedition", "gebruder"}
    | {"bouwbedrijf", "etablissements", "ets", "societe", "compagnie", "compania", "companhia"}
    | {"corporacion", "empresas", "importadora", "exportadora", "servicios", "servicos"}
)

# The words of a trade that close an English firm's name after what it is called by ("Summit
# Aircon" of Summit Aircon Trading, "Malaya Life" of Malaya Life Assurance), folded: the words
# before them, two or more and no place's name, are the firm's own name as a whole (DESIGN,
# wrong-company: the company of another opportunity, in any form; its staff and its letters
# call it so).
TRAILING_TRADE_WORDS = frozenset(
    {"trading", "traders", "foods", "food", "logistics", "solutions", "technologies"}
    | {"technology", "systems", "services", "industries", "enterprises", "partners"}
    | {"consulting", "consultants", "international", "global", "labs", "software", "pharma"}
    | {"pharmaceuticals", "motors", "energy", "manufacturing", "distribution", "distributors"}
    | {"supply", "supplies", "engineering", "construction", "ventures", "media", "networks"}
    | {"analytics", "healthcare", "insurance", "assurance", "finance", "financial", "brokers"}
    | {"freight", "shipping", "transport", "electronics", "packaging", "printing", "retail"}
    | {"marketing", "studios", "realty", "properties", "developments", "resources", "mining"}
    | {"chemicals", "plastics", "beverages", "exports", "imports", "telecom", "telecoms"}
)


def short_name(parts: list[str]) -> list[str]:
    """A firm's name without the words of a trade that open it (`parts`, its words without its
    legal form): the name it is called by ("Sierra Alta" of Cervecería Sierra Alta), or no
    words where none open it or nothing else is left."""
    rest = list(parts)
    while rest and fold_accents(rest[0].lower().strip(",")) in TRADE_WORDS:
        rest.pop(0)
    if not rest or len(rest) == len(parts) or rest[0][:1].islower():
        return []  # (nor "de Papel" of "Industrias de Papel": a name is called by a name)
    return rest


@lru_cache(maxsize=256)  # every letter to a company asks for its forms
def compact_forms(company: str) -> tuple[str, ...]:
    """A company's name as links and file names write it: its words run together without its
    legal suffix ("halcyonsoftware"), its first word alone when that is distinctive (of three
    letters or more: "ipe" of Ipê Logística, read only as a whole word of a link), and the name
    it is called by after its trade words ("sierraalta", "mantiqueira")."""
    parts = [fold_accents(p.lower().strip(",")) for p in company.split()]
    parts = [p for p in without_legal_form(parts, _SUFFIXES) if p not in _CONNECTORS]
    runs = ["".join(ch for ch in p if ch.isalnum()) for p in parts]
    forms = ["".join(runs)]
    if len(runs) > 1 and len(runs[0]) >= 3 and runs[0] not in TRADE_WORDS:
        forms.append(runs[0])
    # its first words without the last, a trade's or a country's ("phuthinh" of Phú Thịnh
    # Logistics, "lotuspaints" of Lotus Paints Vietnam), as a file name
    # shortens it: two words or more, of six letters or more
    if runs and runs[0] not in TRADE_WORDS:
        forms += [
            "".join(runs[:k]) for k in range(len(runs) - 1, 1, -1) if len("".join(runs[:k])) >= 6
        ]
    named = short_name(without_legal_form([p.strip(",") for p in company.split()], _SUFFIXES))
    called = ["".join(ch for ch in fold_accents(p.lower()) if ch.isalnum()) for p in named]
    if called and len("".join(called)) >= 6:
        forms.append("".join(called))
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= 3)


# letters a name is written without where a keyboard lacks them, which NFKD does not fold
# ("Yıldırım" is written "Yildirim", "Łukasz" "Lukasz")
# (and a typographic apostrophe is the plain one: "D’Souza" is D'Souza)
_BARE = str.maketrans("ıłŁøØđĐħ’‘", "ilLoOdDh''")


def fold_accents(text: str) -> str:
    """'Renée' → 'Renee', 'Yıldırım' → 'Yildirim': names are matched with or without their
    accents."""
    if text.isascii():
        return text
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.translate(_BARE)


def loose_name(word: str) -> str:
    """A pattern for a word of a name with or without its accents ("Ay[şs]e")."""
    if word.isascii():
        return re.escape(word)
    out = []
    for ch in word:
        bare = fold_accents(ch)
        out.append(
            f"[{re.escape(ch)}{re.escape(bare)}]"
            if bare != ch and len(bare) == 1
            else re.escape(ch)
        )
    return "".join(out)


@dataclass(frozen=True)
class LetterContext:
    """What the check of one letter knows: its kind, who it is for, their company and role, and
    what was said at the interview."""

    kind: str
    recipient: str
    company: str
    role: str = ""
    decision_maker: bool = False
    # Topics discussed with the recipient (for the recap), and every topic of the opportunity's
    # interview notes (what may be mentioned without being a new topic).
    topics: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    # What the recipient said about each of their topics, and what the candidate promised them
    # on it, as noted: a recap may restate either ("38 clinics, half of them buying direct", "the
    # 90-day plan for Flanders") without naming the topic.
    said: tuple[str, ...] = ()
    # The topics of everyone else met for the opportunity, each as its name and then what was
    # said, brought and promised: the check tells their private matters ("his Friday night
    # dominoes league") from their work, and those are the other person's to share (003).
    others_notes: tuple[tuple[str, ...], ...] = ()
    opportunity: str = ""  # its id: the directory's entries for it are not "other"
    directory: Directory = field(default_factory=Directory)  # every opportunity
    people: tuple[str, ...] = ()  # everyone met for this opportunity
    # the job titles of the recipient and of the others met ("President", "Chair of the
    # Board"): a salutation by an office ("Dear Madam President") is to the one who holds it
    recipient_title: str = ""
    titles: tuple[str, ...] = ()
    candidate_name: str = ""
    candidate_email: str = ""
    candidate_phone: str = ""
    candidate_country: str = ""  # ISO code: a given name's sex may be another there
    vocabulary: frozenset[str] = field(default_factory=frozenset)  # known words from user data

    # What the check derives from the context, once per context rather than once per letter.
    @cached_property
    def recipient_parts(self) -> frozenset[str]:
        """The recipient's names, folded (lowercase, without accents)."""
        return frozenset(fold_accents(p.lower()) for p in self.recipient.split())

    @cached_property
    def candidate_parts(self) -> frozenset[str]:
        """The candidate's own names, folded: a letter's signature addresses no one."""
        return frozenset(fold_accents(p.lower()) for p in self.candidate_name.split())

    @cached_property
    def people_parts(self) -> frozenset[str]:
        """Every part of the name of everyone met for this opportunity, lowercased."""
        return frozenset(fold_accents(p.lower()) for name in self.people for p in name.split())

    @cached_property
    def company_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.company.split())
