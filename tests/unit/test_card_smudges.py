"""Contact lines whose small print lost a mark (a `+`, a dot, the space after a label): read
again by class, and a misread line kept out of the company's and the email's way."""

from __future__ import annotations

import pytest

from followup.adapters.cards.contacts import find_phones
from followup.adapters.cards.fields import _web_path, find_fields, lines_from_text


def read(texts, region="US"):
    return find_fields(lines_from_text(texts), region)


def numbers(text, region):
    return [(p.international, p.kind, p.valid, p.labelled) for p in find_phones(text, region)]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # The `+` read as a letter or a long dash, before the country code.
        ("Mob: r44 7911 123456", "US", [("+44 7911 123456", "mobile", True, True)]),
        ("tel t353 1 234 5678", "US", [("+353 1 234 5678", "phone", True, True)]),
        ("Tel. –33 1 42 68 53 00", "US", [("+33 1 42 68 53 00", "phone", True, True)]),
        # …or as an arrow's head (`>`).
        ("Mobile >31 6 12744418", "GB", [("+31 6 12744418", "mobile", True, True)]),
        (">90 212 378 75 12", "DE", [("+90 212 378 75 12", "phone", True, False)]),
        # A colon read for the space between groups of digits.
        ("Tfn 031-70:4512", "SE", [("+46 31 70 45 12", "phone", True, True)]),
        # A one-letter label run into its number.
        ("T020 7946 0958", "GB", [("+44 20 7946 0958", "phone", True, True)]),
        ("M0612345678", "NL", [("+31 6 12345678", "mobile", True, True)]),
        ("F030 901820", "DE", [("+49 30 901820", "fax", True, True)]),
        # A label of a whole word run into its number (the space lost on small print).
        ("Handy0151 2345 6789", "DE", [("+49 1512 3456789", "mobile", True, True)]),
        ("Tlf22 33 44 55", "NO", [("+47 22 33 44 55", "phone", True, True)]),
        ("Móvil612 40 71 93", "ES", [("+34 612 40 71 93", "mobile", True, True)]),
        ("Telefax030 901820", "DE", [("+49 30 901820", "fax", True, True)]),
    ],
)
def test_a_number_whose_small_print_lost_a_mark_is_read_again(text, region, expected):
    assert numbers(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Open 9:30-17:00", "SE"),  # hours: two digits after the colon
        ("Room t12", "US"),  # a room, no country code and no number after it
        ("Gate M4 5AB", "GB"),  # a postcode, though M is a label's letter
        ("ref r12-7", "US"),
        ("Suite2200 Tower", "US"),  # a word that is no label, glued to digits
        ("> 90 days", "TR"),  # an arrow before a space: no plus
        ("Orders >50 pcs", "US"),  # more than fifty: no number after it
    ],
)
def test_what_is_no_number_stays_no_number(text, region):
    assert numbers(text, region) == []


def test_a_number_beside_a_fax_read_valid_is_read_again_mended():
    # The fax on the same line is valid as read; the mobile, its label run into it, is not.
    assert numbers("Handy0171 4455 667  Fax 089 2180 3311", "DE") == [
        ("+49 171 4455667", "mobile", True, True),
        ("+49 89 21803311", "fax", True, True),
    ]


def test_a_fax_whose_plus_was_read_as_plus_minus_leaves_the_number_before_it_the_phone():
    # `Fax ±45…` was no number: the label after the first number made that number the fax.
    assert numbers("+45 33 12 40 18  Fax ±45 33 12 40 19", "GB") == [
        ("+45 33 12 40 18", "phone", True, False),
        ("+45 33 12 40 19", "fax", True, True),
    ]
    card = read(["Mads Holm", "Holm & Co ApS", "+45 33 12 40 18  Fax ±45 33 12 40 19"], "GB")
    assert card.phone == "+45 33 12 40 18"


def test_a_number_read_right_is_not_read_again():
    # Valid as read: the `t` glued before it is not taken for a lost `+`.
    assert numbers("P: 0612345678 t2", "NL") == [("+31 6 12345678", "phone", True, True)]


def test_a_lost_plus_on_a_mobile_makes_it_the_phone_before_the_office_fax():
    card = read(
        [
            ("Halvorsen & Lie AS", 1.3),
            ("Ingeborg Lie", 1.8),
            "Daglig leder",
            "Fax 22 33 44 55",
            "Mobil: r47 412 34 567",
            "ingeborg@halvorsenlie.no",
        ],
        "NO",
    )
    assert card.phone == "+47 41 23 45 67"


def test_a_website_with_a_page_its_dot_lost_is_no_company_and_no_email_domain():
    card = read(
        [
            ("KESTREL ANALYTICS", 1.3),
            ("Joanna Okafor", 1.8),
            "Data Engineer",
            "P: (617) 555-0192",
            "Email joanna.okafor @ kestrel.io",
            "kestrelio/jobs",
        ]
    )
    assert (card.company, card.email) == ("KESTREL ANALYTICS", "joanna.okafor@kestrel.io")


def test_a_website_with_a_page_its_dot_read_as_a_space_is_no_company():
    card = read(
        [
            ("Fjellstad Bygg", 1.3),
            ("Sindre Moe", 1.8),
            "Prosjektleder",
            "sindre@fjellstad.no",
            "fjellstad no/ledige",
        ],
        "NO",
    )
    assert (card.company, card.email) == ("Fjellstad Bygg", "sindre@fjellstad.no")


def test_a_legal_form_with_a_slash_is_still_a_company():
    card = read(
        [
            ("Nordhavn Shipping A/S", 1.3),
            ("Mads Krogh", 1.8),
            "Direktør",
            "mads@nordhavn.dk",
        ],
        "DK",
    )
    assert card.company == "Nordhavn Shipping A/S"


def test_a_website_with_a_page_says_which_office_the_email_is_at():
    # `@m` read as `im`: the host the website gives, `mail.` before the company's name, is
    # the email's, though no `@` was read.
    card = read(
        [
            ("Corvid Labs", 1.3),
            ("Tomasz Wrobel", 1.8),
            "Kierownik Projektu",
            "tomaszwrobelimnail.corvid-labs.pl",
            "mail.corvid-labs.pl/kariera",
        ],
        "PL",
    )
    assert card.email == "tomaszwrobel@mail.corvid-labs.pl"


def test_a_labelled_email_read_as_words_is_not_the_company():
    card = read(
        [
            ("Lindqvist Arkitekter AB", 1.3),
            ("Maja Lindqvist", 1.8),
            "Arkitekt",
            "T: 08-654 32 10",
            "E maja lindqvistgharkitekter se",
        ],
        "SE",
    )
    assert card.company == "Lindqvist Arkitekter AB"


def test_a_website_alone_on_its_line_with_a_space_after_its_dot_is_no_company():
    card = read(
        [
            ("Harbour Lane Foods", 1.3),
            ("Aoife Brennan", 1.8),
            "Buyer",
            "aoife.brennan@harbourlane.ie",
            "harbourlane. ieicareers",
        ],
        "IE",
    )
    assert card.company == "Harbour Lane Foods"


@pytest.mark.parametrize(
    ("text", "website"),
    [
        ("brightlinepl/careers", True),
        ("brightline pl/careers", True),
        ("brightline. plicareers", True),
        ("brightline.p/careers", True),  # the ending lost a letter
        ("bright-line.c/jobs", True),
        ("brightline./careers", True),  # or both
        # `www.` read without its dot, the host's letters misread, the ending after a space.
        ("wweeisnvtal se", True),
        ("vwwacme.de", True),
        ("wwwkestrel-analytics.co.uk", True),
        ("wwe entertainment", False),  # no ending a domain has
        ("Wweeisnvtal se", False),  # a capital: a line of text
        ("vwfs", False),
        ("Build. Ship.", False),  # capitals: a tagline or a name
        ("build. ship. grow.", False),  # words and dots, not a host and its ending
        ("Nordhavn Shipping A/S", False),
        ("c/o Hansen", False),
        ("Design/Build", False),
        ("s/a", False),
        ("acme.inc/ltd", False),  # an ending of three letters: not a lost one
        ("u.s./canada", False),
    ],
)
def test_a_web_address_misread_is_told_from_a_line_of_text(text, website):
    assert _web_path(text) is website


@pytest.mark.parametrize(
    ("website", "company", "email"),
    [
        ("acme.p/careers", "Acme Robotics", "ines_simoes@acme.pt"),
        ("acme./careers", "Acme Robotics", "ines_simoes@acme.pt"),
    ],
)
def test_a_website_whose_ending_lost_a_letter_is_neither_the_company_nor_its_domain(
    website, company, email
):
    # Taken for the company's line, `acme.p/careers` gave the email its domain (acmep.pt).
    card = read(
        [
            ("Acme Robotics", 1.3),
            ("Inês Simões", 1.8),
            "Office Manager",
            "Cell 912 425 969",
            "E-mail: Ines_simoes(@acme,pt",
            website,
        ],
        "PT",
    )
    assert (card.company, card.email) == (company, email)


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # The fax's `+` read as a sign that is no mark of a label (`=`, `»`, `~`, `*`): the label
        # before it is still the fax's, and the number before the label is no fax.
        (
            "Ptone +31 10 160 3422 Fax =31 10 179 8280",
            "NL",
            [("+31 10 160 3422", "phone", True, False), ("+31 10 179 8280", "fax", True, True)],
        ),
        (
            "T: +44 20 7946 0958   F: »44 20 7946 0959",
            "GB",
            [("+44 20 7946 0958", "phone", True, True), ("+44 20 7946 0959", "fax", True, True)],
        ),
        (
            "Tel. 030 901820 ~ Telefax ~ 030 901821",
            "DE",
            [("+49 30 901820", "phone", True, True), ("+49 30 901821", "fax", True, True)],
        ),
        (
            "Mobile *33 6 12 34 56 78",
            "FR",
            [("+33 6 12 34 56 78", "mobile", True, True)],
        ),
        # A one-letter label run into the number before it: the number after it is the fax.
        (
            "T 810 02 29 02F 810 66 37 89",
            "ES",
            [("+34 810 02 29 02", "phone", True, True), ("+34 810 66 37 89", "fax", True, True)],
        ),
        (
            "Tel 030 901820M 0151 2345 6789",
            "DE",
            [("+49 30 901820", "phone", True, True), ("+49 1512 3456789", "mobile", True, True)],
        ),
        (
            "(212) 736-5148f (212) 736-5149",
            "US",
            [("+1 212-736-5148", "phone", True, False), ("+1 212-736-5149", "fax", True, True)],
        ),
    ],
)
def test_a_label_beside_a_misread_mark_or_run_into_a_number_still_names_its_number(
    text, region, expected
):
    assert numbers(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # Near misses: a letter after digits that is no label, or a label letter with no number
        # after it, is left as it was.
        ("Suite 12B 400 Main St", "US", []),
        ("+44 20 7946 0958 T", "US", [("+44 20 7946 0958", "phone", True, False)]),
        (
            "Tel 612 555 0100 Fax: 612 555 0101",
            "US",
            [
                ("+1 612-555-0100", "phone", True, True),
                ("+1 612-555-0101", "fax", True, True),
            ],
        ),
    ],
)
def test_a_letter_after_a_number_that_labels_nothing_changes_nothing(text, region, expected):
    assert numbers(text, region) == expected


def test_the_phone_is_not_the_fax_whose_plus_was_misread():
    card = read(
        [
            ("Lumière Conseil B.V.", 1.2),
            ("Sjoerd van der Berg", 1.8),
            "Accountmanager",
            "Ptone +31 10 160 3422 Fax =31 10 179 8280",
            "s.vanderberg@lumiereconseil.nl",
        ],
        "NL",
    )
    assert card.phone == "+31 10 160 3422"


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # The next label's first letter read as a digit ran the number before it on by a digit
        # (`289 1as`: the fax's label): the word is a label, the numbers stay apart.
        (
            "M 601 263 289 1as 212 140 487",
            "CZ",
            [
                ("+420 601 263 289", "mobile", True, True),
                ("+420 212 140 487", "phone", True, False),
            ],
        ),
        (
            "Tel 612 555 0100 7ax: 612 555 0101",
            "US",
            [("+1 612-555-0100", "phone", True, True), ("+1 612-555-0101", "fax", True, True)],
        ),
        (
            "T +44 20 7946 0958 1el 020 7946 0959",
            "GB",
            [("+44 20 7946 0958", "phone", True, True), ("+44 20 7946 0959", "phone", True, True)],
        ),
    ],
)
def test_a_label_whose_first_letter_was_read_as_a_digit_runs_no_number_on(text, region, expected):
    assert numbers(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # Near misses, read as before: a digit and letters with no number after them, an
        # ordinal, a digit alone.
        ("Tel 030 901820 1ab", "DE", [("+49 30 9018201", "phone", True, True)]),
        ("M 601 263 289 2nd 212 140 487", "CZ", [("+420 212 140 487", "phone", True, False)]),
        ("M 601 263 289 1 212 140 487", "CZ", []),
    ],
)
def test_a_digit_before_letters_that_is_no_label_stays(text, region, expected):
    assert numbers(text, region) == expected


def test_the_mobile_before_a_fax_whose_label_lost_its_first_letter_is_the_phone():
    card = read(
        [
            ("Polaris Engineering s.r.o.", 1.2),
            ("Jiří Novotná", 1.8),
            "Director of Product Marketing",
            "M 601 263 289 1as 212 140 487",
            "j.novotna@polaris.cz",
        ],
        "CZ",
    )
    assert card.phone == "+420 601 263 289"


def test_a_web_address_read_without_the_dot_after_www_is_not_the_company():
    card = read(
        [
            ("Sölve Ödman", 1.8),
            "Senior Consultant",
            "wweeisnvtal se",
            "Bahnhofstrasse 20",
            ("Élan Vital AB", 1.3),
        ],
        "SE",
    )
    assert card.company == "Élan Vital AB"
