"""Another opportunity's company named in a letter (the wrong-company rule's reading, in
domain/letters/companies.py), against a word the company's name shares with a place, a product,
another organisation or the opportunity's own notes: those name no company."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from followup.adapters.gazetteer import Gazetteer
from followup.domain.letters.companies import Places, other_companies
from followup.domain.letters.context import Directory, LetterContext

RULE = json.loads(
    (Path(__file__).parents[2] / "src" / "followup" / "checks" / "rules.json").read_text()
)["wrong-company"]
SUFFIXES = frozenset(RULE["legal_suffixes"])
PLACES = Places.of(RULE)
DIRECTORY = Directory.build(
    [
        ("cape", "Cape Marlow Shipping", ["Ana Ruiz"]),
        ("wren", "Wrenfield Cocoa Traders", ["Li Wei"]),
        ("own", "Harbourline Foods", ["Sara Okafor"]),
    ]
)
CONTEXT = LetterContext(
    kind="check_in",
    recipient="Sara Okafor",
    company="Harbourline Foods",
    opportunity="own",
    directory=DIRECTORY,
    notes=("chilled lanes between Wrenfield and the coast", "the Cape Marlow depot lease"),
)


def _named(text: str) -> list[str]:
    candidates = [
        entry
        for word in {w.lower() for w in re.findall(r"\w+", text)}
        for entry in DIRECTORY.companies.get(word, ())
        if entry[1] != "own"
    ]
    found = other_companies(text, CONTEXT, candidates, SUFFIXES, None, lambda: False, PLACES)
    return [text[start:end] for start, end, _ in sorted(found)]  # in the order of the text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place named "X of Y", a place word of another language, a list of places
        ("We sailed round the Cape of Good Hope twice last year.", []),
        ("Our agent on Pulau Wrenfield ships twice a week.", []),
        ("I sold to grocers in Tarlow, Wrenfield and Hale.", []),
        # another organisation sharing the word, a product named for a place
        ("I spent four years at Wrenfield Motors selling vans.", []),
        ("The vans load at the Wrenfield Motors depot on Thursdays.", []),
        ("The shops asked for more Wrenfield honey before Easter.", []),
        # the notes' place, said beside another word of the same note
        ("The Wrenfield lanes run half empty on Mondays.", []),
        ("I counted six empty trailers on the Wrenfield run down to the coast.", []),
        # …but the company, named in full, shortened, possessive, or by its own words
        ("Cape Marlow Shipping offered me the role.", ["Cape Marlow Shipping"]),
        ("The Cape Marlow team called again.", ["Cape Marlow"]),
        ("Wrenfield's buyers want an answer by Friday.", ["Wrenfield"]),
        ("The Wrenfield Traders desk rang me today.", ["Wrenfield"]),
        ("I met the Wrenfield people on Monday.", ["Wrenfield"]),
        ("Wrenfield offered me the role between two other interviews.", ["Wrenfield"]),
        # two companies beside a slash are both named
        ("My Wrenfield/Cape Marlow folders are attached.", ["Wrenfield", "Cape Marlow"]),
        # a region or an island after a preposition of where, ending its clause, which no
        # gazetteer of towns may hold…
        ("Before this I sold to the fish farms in Wrenfield, mostly through co-ops.", []),
        ("I served distributors right across Wrenfield.", []),
        ("In Wrenfield, buyers order by phone.", []),
        # …but not after a word of the application, nor with what the writer would do there
        ("I also have a final round in Wrenfield.", ["Wrenfield"]),
        ("My interview in Wrenfield went well.", ["Wrenfield"]),
        ("In Wrenfield, I would have built the cocoa desk.", ["Wrenfield"]),
    ],
)
def test_a_word_shared_with_a_place_product_or_the_notes_names_no_company(text, expected):
    assert _named(text) == expected


# Companies named after real places (Tamale, Bergen, Cusco): their first word alone is the
# place wherever no frame of a company holds it.
GAZETTEER = Gazetteer()
PLACED = Directory.build(
    [
        ("tamale", "Tamale Grain Merchants", ["Abena Mensah"]),
        ("bergen", "Bergen Offshore", ["Nils Dahl"]),
        ("cusco", "Cusco Travel Tech", ["Rosa Mamani"]),
        ("own", "Harbourline Foods", ["Sara Okafor"]),
    ]
)
PLACED_CONTEXT = LetterContext(
    kind="check_in",
    recipient="Sara Okafor",
    company="Harbourline Foods",
    opportunity="own",
    directory=PLACED,
)


def _named_placed(text: str, known_place=GAZETTEER.knows) -> list[str]:
    candidates = [
        entry
        for word in {w.lower() for w in re.findall(r"\w+", text)}
        for entry in PLACED.companies.get(word, ())
        if entry[1] != "own"
    ]
    found = other_companies(
        text, PLACED_CONTEXT, candidates, SUFFIXES, None, lambda: False, PLACES, known_place
    )
    return [text[start:end] for start, end, _ in sorted(found)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town: a route, a trip, a shipment, a customer there, the town as a subject
        ("Our lorries take the northern road into Tamale twice a week.", []),
        ("Half my old customers were wholesalers based out of Bergen.", []),
        ("I'm back from Cusco on Sunday night.", []),
        ("Freight rates through Bergen rose again in March.", []),
        ("Tamale gets very hot in April, so the grain moves early.", []),
        ("The Cusco hotels I sold to booked their linen a year ahead.", []),
        ("Bergen's fish market opens at seven.", []),
        ("A supplier stuck at Bergen for a week cost us the order.", []),
        # the company: joined, helped, dealt with, its people and papers, its doings, its own
        ("I can't wait to join Bergen in the autumn.", ["Bergen"]),
        ("The Tamale hiring manager called me back.", ["Tamale"]),
        ("Cusco have invited me to a final round.", ["Cusco"]),
        ("I'd like to help Tamale reach more millers.", ["Tamale"]),
        ("My second interview with Bergen is on Friday.", ["Bergen"]),
        ("Nobody inside Cusco has seen the plan yet.", ["Cusco"]),
        ("Bergen's commercial director wants a reply this week.", ["Bergen"]),
        ("I've been talking to Cusco and Tamale about similar roles.", ["Cusco", "Tamale"]),
        # the company named in full is the company whatever the frame
        ("The road to Tamale Grain Merchants is long.", ["Tamale Grain Merchants"]),
        # …or by its first word before a word of its own name, or after a meeting or a choice
        ("Tamale Grains have asked me back.", ["Tamale"]),
        ("I'm in with Bergen all morning.", ["Bergen"]),
        ("It all comes down to Cusco and you now.", ["Cusco"]),
        # …or weighed against another employer
        ("Honestly, Bergen is still my first choice.", ["Bergen"]),
        ("I'm comparing your offer against Tamale this week.", ["Tamale"]),
        ("The Cusco salary is lower than yours.", ["Cusco"]),
        ("Still no word: I'm waiting for Bergen to call.", ["Bergen"]),
        # …nor the place someone took part from, after a word of the application
        ("Thanks for joining the interview from Bergen on Monday.", []),
        ("I'd be working from Tamale most weeks.", []),
        ("I got an offer from Bergen yesterday.", ["Bergen"]),
        # …but not the place where a choice is only near it
        ("Bergen is the port my old cargo cleared through.", []),
        ("I'm waiting for a lorry from Tamale.", []),
    ],
)
def test_a_company_named_after_a_real_place_is_the_place_outside_a_company_frame(text, expected):
    assert _named_placed(text) == expected


def test_without_a_gazetteer_a_company_word_alone_is_the_company_only_in_a_frame_of_a_company():
    # the words alone say nothing of the company: a road, a river, a region, a surname
    assert _named_placed("I'm back from Cusco on Sunday night.", None) == []
    assert _named_placed("The Cusco hotels I sold to booked early.", None) == []
    assert _named_placed("We ate at a café on Bergen 14, by the station.", None) == []
    assert _named_placed("Ing. Paula Tamale ran the audit with me.", None) == []
    # …a frame of a company does, and "in" after a word of the application where the words
    # are no place's name that the gazetteer knows
    assert _named_placed("The Cusco recruiter rang me back.", None) == ["Cusco"]
    assert _named_placed("My final round in Cusco went well.", None) == ["Cusco"]
    assert _named_placed("My final round in Cusco went well.") == []
    assert _named_placed("I'll be at Cusco from June, in the sales team.", None) == ["Cusco"]
    assert _named_placed("My second round was on Monday, at Cusco.", None) == ["Cusco"]
    # …where the words head their phrase: after an article, a noun of their own after them
    # is what the frame governs ("the Tamale millers"), not the company
    assert _named_placed("I enjoyed working with the Tamale millers last year.", None) == []
    assert _named_placed("I enjoyed working with Tamale last year.", None) == ["Tamale"]


def test_a_company_whose_words_are_a_place_by_their_shape_is_the_place_outside_a_company_frame():
    # no gazetteer: "Cape Marlow" is a place by its first word, a generic word of a place
    assert _named("I drove out past Cape Marlow at dawn.") == []
    assert _named("I am meeting Cape Marlow at dawn.") == ["Cape Marlow"]
    assert PLACES.named_place("Kestrel Bay") and PLACES.named_place("cape-marlow")
    assert not PLACES.named_place("Kestrel") and not PLACES.named_place("Morgan Reid")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence copied from another application: the company as a workplace one joins,
        # belongs to, is chosen by, works beside, or as the subject of what an employer does
        ("I would be glad to be joining up with Bergen next spring.", ["Bergen"]),
        ("Becoming part of Cusco would mean a lot to me.", ["Cusco"]),
        ("It is an honour to be shortlisted by Tamale.", ["Tamale"]),
        ("I'd enjoy selling alongside the Bergen reps.", ["Bergen"]),
        ("I will hit the ground running for Cusco.", ["Cusco"]),
        ("I want to grow with Tamale over the next decade.", ["Tamale"]),
        ("Success at Bergen means every mill account renewed.", ["Bergen"]),
        ("I picture myself at Cusco for the long haul.", ["Cusco"]),
        ("At Tamale I would start with the millers I already know.", ["Tamale"]),
        ("Bergen would be lucky to have a closer like me.", ["Bergen"]),
        ("Cusco deserves a regional lead who knows the agencies.", ["Cusco"]),
        ("I could see how much Tamale invests in its people.", ["Tamale"]),
        ("Please let me know whether Bergen moves me forward.", ["Bergen"]),
        ("Cusco has my full commitment.", ["Cusco"]),
        ("Tamale feels like the natural next step.", ["Tamale"]),
        ("I know Bergen and I would work well together.", ["Bergen"]),
        ("The Cusco way of selling suits me.", ["Cusco"]),
        ("Thanks to the Tamale folks for the tour of the floor.", ["Tamale"]),
        # …but the town in the same words: a trip, a holiday, the writer's own branch there
        ("At Bergen we would watch the boats from the quay.", []),
        ("At Cusco I'd spend a day acclimatising first.", []),
        ("Cusco is the perfect place for a walking holiday.", []),
        ("Tamale deserves better roads, and the region is building them.", []),
        ("Our Bergen office handles the Norwegian accounts.", []),
        ("Bergen and I go back a long way, I studied there.", []),
    ],
)
def test_a_place_named_company_is_the_company_in_a_copied_sentence_about_an_employer(
    text, expected
):
    assert _named_placed(text) == expected


def _named_in(
    companies: list[tuple[str, str]], text: str, words: frozenset[str] | None = None
) -> list[str]:
    """The other companies named in `text`, in a directory of `companies` (id, name) beside
    the letter's own (Harbourline Foods); `words`, the ordinary words a dictionary knows."""
    directory = Directory.build(
        [(key, name, []) for key, name in companies]
        + [("own", "Harbourline Foods", ["Sara Okafor"])]
    )
    context = LetterContext(
        kind="check_in",
        recipient="Sara Okafor",
        company="Harbourline Foods",
        opportunity="own",
        directory=directory,
    )
    candidates = [
        entry
        for word in {w.lower() for w in re.findall(r"\w+", text)}
        for entry in directory.companies.get(word, ())
        if entry[1] != "own"
    ]
    known = None if words is None else words.__contains__
    found = other_companies(text, context, candidates, SUFFIXES, known, lambda: False, PLACES)
    return [text[start:end] for start, end, _ in sorted(found)]


def test_a_company_is_named_without_its_legal_form_of_one_word_or_several():
    firms = [
        ("tind", "Tindholm Pumper A/S"),
        ("zel", "Zelwa Meble Sp. z o.o."),
        ("kor", "Korvala Oy"),
    ]
    assert _named_in(firms, "I met the Tindholm Pumper buyers.") == ["Tindholm Pumper"]
    assert _named_in(firms, "zelwa meble shipped late again.") == ["zelwa meble"]
    assert _named_in(firms, "Korvala rang me.") == ["Korvala"]
    # the first word alone is still the company only in a frame of one
    assert _named_in(firms, "We drove past Tindholm on the way.") == []


def test_two_names_joined_are_the_firm_without_its_trade_words():
    firms = [("fl", "Fenwick & Lowe Surveyors")]
    assert _named_in(firms, "It would help Fenwick & Lowe win.") == ["Fenwick & Lowe"]
    assert _named_in(firms, "I know fenwick and lowe well.") == ["fenwick and lowe"]
    assert _named_in(firms, "FENWICK+LOWE's team rang.") == ["FENWICK+LOWE"]
    # either name alone is a surname or a town
    assert _named_in(firms, "My referee, Dr Fenwick, knows Lowe well.") == []


def test_another_company_named_as_a_customer_or_partner_of_the_one_written_to_is_named():
    firms = [("wren", "Wrenfield Cocoa Traders")]
    assert _named_in(firms, "I saw Wrenfield among your reference customers.") == ["Wrenfield"]
    assert _named_in(firms, "Your new client Wrenfield was at the fair.") == ["Wrenfield"]
    assert _named_in(firms, "Wrenfield, one of your partners, rang.") == ["Wrenfield"]
    assert _named_in(firms, "Wrenfield has been a client of yours for years.") == ["Wrenfield"]
    # …not a customer of your own in a place of that name, nor customers alone
    assert _named_in(firms, "Your customers near Wrenfield order weekly.") == []


def test_two_common_words_joined_in_lowercase_are_no_firm():
    firms = [("sp", "Salt & Pepper Catering"), ("fl", "Fenwick & Lowe Surveyors")]
    words = frozenset({"salt", "pepper", "and", "lowe"})
    assert _named_in(firms, "We ran out of salt and pepper at the stand.", words) == []
    assert _named_in(firms, "Salt & Pepper rang me back.", words) == ["Salt & Pepper"]
    # …a surname no dictionary holds makes a firm of them in lowercase too
    assert _named_in(firms, "I met fenwick and lowe.", words) == ["fenwick and lowe"]


def test_a_company_doing_something_after_what_or_in_a_plural_verb_is_named_and_a_place_is_not():
    firms = [("bryn", "Brynmoor Cable Networks"), ("tal", "Talvane Data")]
    # what the company is doing, asked about or admired; an organisation's plural verb
    assert _named_in(firms, "I'm excited about what Brynmoor Cable is building.") == [
        "Brynmoor Cable"
    ]
    assert _named_in(firms, "I admire how Talvane has grown its channel.") == ["Talvane"]
    assert _named_in(firms, "Brynmoor Cable are rolling out fibre to farms.") == ["Brynmoor Cable"]
    # the word after "the" where a verb follows it is a place ("in the Talvane can offer")
    assert _named_in(firms, "Few dealers in the Talvane can offer next-day parts.") == []
    assert _named_in(firms, "Buyers across the Brynmoor will call it cheap.") == []
    assert _named_in(firms, "Brynmoor is quiet in winter.") == []


def test_a_firm_is_called_by_the_words_after_its_trade_words():
    from followup.domain.letters.context import compact_forms, short_name

    assert short_name(["Cervecería", "Sierra", "Alta"]) == ["Sierra", "Alta"]
    assert short_name(["Grupo", "Industrial", "Cerralvo"]) == ["Cerralvo"]
    assert short_name(["Industrias", "de", "Papel"]) == []
    assert short_name(["Northgate", "Analytics"]) == []
    assert short_name(["Cervecería"]) == []
    assert compact_forms("Cervecería Sierra Alta") == ("cerveceriasierraalta", "sierraalta")
    assert compact_forms("Ipê Logística") == ("ipelogistica", "ipe")
    directory = Directory.build([("sa", "Cervecería Sierra Alta", ["Ana Ruiz"])])
    assert directory.companies["sierra"] == (("Cervecería Sierra Alta", "sa"),)
