"""Finding a business card's five fields in lines of text as the OCR gives them."""

from __future__ import annotations

import pytest

from followup.adapters.cards.contacts import domain_of, find_emails, find_phones, find_web
from followup.adapters.cards.fields import (
    Line,
    card_from_contact,
    find_fields,
    lines_from_text,
    merge_rows,
)
from followup.adapters.cards.mend import mend_title
from followup.adapters.cards.qr import parse_contact, parse_mecard, parse_vcard


def read(texts, region="US"):
    return find_fields(lines_from_text(texts), region)


def test_a_classic_card_gives_all_five_fields():
    card = read(
        [
            ("Northwind Traders Inc.", 1.3),
            ("Dana Reyes", 1.8),
            "Regional Sales Manager",
            "T (312) 555-0134",
            "dana.reyes@northwind-traders.com",
            "www.northwind-traders.com",
        ]
    )
    assert card.as_dict() == {
        "name": "Dana Reyes",
        "title": "Regional Sales Manager",
        "company": "Northwind Traders Inc.",
        "email": "dana.reyes@northwind-traders.com",
        "phone": "+1 312-555-0134",
        "confidence": dict.fromkeys(("name", "title", "company", "email", "phone"), 0.99),
    }


def test_the_phone_beside_a_fax_on_one_line_is_the_phone():
    card = read(["Zoë Ångström-Müller", "Tel +33 1 42 68 53 00   Fax +33 1 42 68 53 01"], "FR")
    assert card.phone == "+33 1 42 68 53 00"


def test_a_phone_run_into_the_fax_label_after_it_is_still_the_phone():
    # Small print read as one line, the space before `F:` lost: `…46F:` hid the phone number.
    card = read(["Søren Ødegaard", "P: +45 32 87 89 46F: +45 32 17 18 22"], "DK")
    assert card.phone == "+45 32 87 89 46"


def test_an_email_whose_last_dot_was_lost_is_the_website_s_domain_read_whole():
    texts = [
        ("Brightwater Health N.V.", 1.4),
        ("Anouk van der Berg", 2.1),
        "Senior Consultant",
        "anouk.van-der-berg@brightwaterni",
        "brightwater.nl/careers",
    ]
    card = read(texts, "NL")
    assert (card.name, card.email) == ("Anouk van der Berg", "anouk.van-der-berg@brightwater.nl")
    assert card.confidence["email"] < 0.8  # put right: not as sure as read
    # An ending two letters off is not the website's: nothing is made up.
    texts[3] = "anouk.van-der-berg@brightwaterco"
    assert read(texts, "NL").email is None


def test_a_fax_printed_first_is_passed_over():
    card = read(["Jürgen Weiß", "Fax: 030 837819", "Tel.: 030 837818"], "DE")
    assert card.phone == "+49 30 837818"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("F +1 312 555 0199", "fax"),
        ("Telefax 030 837819", "fax"),
        ("030 837819 (Fax)", "fax"),
        ("M: +1 312 555 0199", "mobile"),
        ("Handy 0151 23456789", "mobile"),
        ("Tél. 01 42 68 53 00", "phone"),
        ("Direct +1 312 555 0199", "phone"),
    ],
)
def test_a_number_is_told_by_its_label(line, kind):
    region = "DE" if "030" in line or "0151" in line else "FR" if "Tél" in line else "US"
    (found,) = find_phones(line, region)
    assert (found.kind, found.labelled) == (kind, True)


def test_a_number_without_country_code_belongs_to_the_candidates_country():
    assert read(["Ana Peña", "Tel 912 34 56 78"], "ES").phone == "+34 912 34 56 78"
    assert read(["Ana Peña", "Tel (312) 555-0134"], "US").phone == "+1 312-555-0134"


def test_letters_the_ocr_put_in_a_number_are_read_as_the_digits_they_look_like():
    assert read(["Jürgen Weiß", "Tel. O3O 8378l8"], "DE").phone == "+49 30 837818"
    # A 1 read as a bracket no bracket opened, after a dot: small print's narrowest digit.
    assert read(["Ana Peña", "Tel: +1.312.555.) 134"], "ES").phone == "+1 312-555-1134"
    assert read(["Ana Peña", "Tel. 030-] 837818"], "DE").phone == "+49 30 1837818"


def test_a_postcode_or_a_street_number_is_no_phone():
    card = read(["Dana Reyes", "1200 Market Street, Suite 400", "Chicago, IL 60606"])
    assert card.phone is None


@pytest.mark.parametrize(
    ("text", "email", "repaired"),
    [
        ("E-mail: Dana.Reyes@Acme.com", "dana.reyes@acme.com", False),
        ("dana.reyes @ acme-robotics . co.uk", "dana.reyes@acme-robotics.co.uk", False),
        ("dana.reyes©acme.com", "dana.reyes@acme.com", True),
        ("dana.reyes@acme,com", "dana.reyes@acme.com", True),
        # Both dots of a country's second-level ending read as spaces.
        ("E-mail: callum_davies@orion co uk", "callum_davies@orion.co.uk", False),
        ("c.sahin@saffron.com tr", "c.sahin@saffron.com.tr", False),
    ],
)
def test_an_email_is_found_even_as_the_ocr_misreads_it(text, email, repaired):
    (found,) = find_emails(text)
    assert (found.value, found.repaired) == (email, repaired)


def test_a_long_email_is_read_whole():
    card = read(["maximilian.schneider-oberhausen@internationale-logistik-gruppe.de"], "DE")
    assert card.email == "maximilian.schneider-oberhausen@internationale-logistik-gruppe.de"


def test_an_email_whose_at_sign_was_read_as_a_letter_is_recovered_from_the_website():
    card = read(["Avery MacDonald", "averymacdonaldgorion.ca", "www.orion.ca"], "CA")
    assert card.email == "averymacdonald@orion.ca"
    assert card.confidence["email"] < 0.8  # repaired, so less sure


def test_the_name_agrees_with_the_email_and_the_company_with_its_domain():
    card = read(
        [
            ("KESTREL", 1.6),
            ("Analytics", 1.6),
            ("Sanne Janssen", 1.4),
            "Principal Data Scientist",
            "sannejanssen@kestrel.nl",
        ],
        "NL",
    )
    assert (card.name, card.title, card.company) == (
        "Sanne Janssen",
        "Principal Data Scientist",
        "KESTREL Analytics",
    )


def test_a_company_with_a_legal_form_is_not_taken_for_a_name():
    card = read([("Marlowe Finch GmbH", 2.0), "Anna Weber", "Geschäftsführerin"], "DE")
    assert (card.name, card.title, card.company) == (
        "Anna Weber",
        "Geschäftsführerin",
        "Marlowe Finch GmbH",
    )


def test_a_compound_german_title_is_found_by_its_ending():
    card = read([("Käthe Krüger", 1.6), "Teamleiterin Softwareentwicklung", "kk@nordlicht.de"])
    assert card.title == "Teamleiterin Softwareentwicklung"


def test_a_title_whose_words_are_misread_is_still_the_title_not_the_name():
    # And a name whose marked capital was read small (`ş` for `Ş`) is still a name.
    card = read(
        [
            "Acme Robotics",
            "Chiet Financal Ofior",
            "Teleton (0212) 307 53 87",
            "şükrü Öztürk",
            "acmerobotics.com.tr",
        ],
        "TR",
    )
    assert (card.name, card.title) == ("Şükrü Öztürk", "Chief Financial Ofior")


@pytest.mark.parametrize(
    ("read_as", "title"),
    [
        # A letter lost or added in a long word (small print drops an `i` between two letters).
        ("Chief Financal Officer", "Chief Financial Officer"),
        ("Head of Operatioons", "Head of Operations"),
        # Not in a short one, which is then as likely another word.
        ("Sales Manger", "Sales Manger"),
    ],
)
def test_a_long_title_word_with_a_letter_lost_or_added_is_put_right(read_as, title):
    assert mend_title(read_as) == title


def test_a_title_printed_over_two_lines_is_joined():
    card = read([("Harriet Ashworth", 1.6), "Hiring Manager,", "Platform Team", "T 020 7946 0958"])
    assert card.title == "Hiring Manager, Platform Team"


def test_address_and_website_lines_are_neither_title_nor_company():
    card = read(
        [
            ("Dana Reyes", 1.6),
            "1200 Market Street, Suite 400",
            "San Francisco, CA 94103",
            "www.acme.example",
        ]
    )
    assert (card.name, card.title, card.company) == ("Dana Reyes", None, None)


def test_a_name_in_capitals_is_given_in_usual_case():
    assert read([("DANA MCALLISTER", 1.6), "Office Manager"]).name == "Dana McAllister"


def test_letters_after_a_name_are_not_part_of_it():
    assert read([("Anna Weber, PhD", 1.6), "Research Scientist"]).name == "Anna Weber"


def test_a_card_with_no_text_finds_nothing():
    card = find_fields([], "US")
    assert card.found == []
    assert card.as_dict()["confidence"] == dict.fromkeys(
        ("name", "title", "company", "email", "phone"), 0.0
    )


def test_a_label_far_from_its_number_is_joined_to_it():
    label = Line("Fax", 0.99, 0.1, 0.8, 0.2, 0.85, 0.05)
    number = Line("+1 312 555 0199", 0.99, 0.9, 0.8, 1.5, 0.85, 0.05)
    phone = Line("Tel +1 312 555 0134", 0.99, 0.1, 0.7, 1.0, 0.75, 0.05)
    assert [row.text for row in merge_rows([label, number, phone])] == [
        "Tel +1 312 555 0134",
        "Fax +1 312 555 0199",
    ]
    assert find_fields([label, number, phone], "US").phone == "+1 312-555-0134"


def test_two_columns_on_one_row_stay_apart():
    name = Line("Dana Reyes", 0.99, 0.1, 0.3, 0.6, 0.38, 0.08)
    company = Line("Acme Robotics Inc.", 0.99, 1.1, 0.3, 1.7, 0.38, 0.08)
    assert [row.text for row in merge_rows([name, company])] == ["Dana Reyes", "Acme Robotics Inc."]


def test_a_bands_word_a_letters_height_from_the_title_beside_it_stays_apart():
    # A band layout: `Versicherungen` (the company's second word) ends a letter's height (0.98
    # of the box) before the title on the same row; words of one line stand a third of that apart.
    band = _at("Versicherungen", 0.006, 0.040, 0.271, 0.082)
    title = _at("Chief Technology Officer", 0.312, 0.056, 0.609, 0.092)
    assert [row.text for row in merge_rows([band, title])] == [
        "Versicherungen",
        "Chief Technology Officer",
    ]


def test_words_of_one_line_split_by_the_ocr_are_joined():
    # Near miss: the pieces of one line a word's space apart (0.3 of the box) are one line.
    first = _at("Chief Technology", 0.312, 0.056, 0.48, 0.092)
    second = _at("Officer", 0.49, 0.056, 0.609, 0.092)
    assert [row.text for row in merge_rows([first, second])] == ["Chief Technology Officer"]


def test_the_organisation_part_of_a_domain():
    assert domain_of("x@eu.acme-robotics.co.uk") == "acme-robotics"
    assert domain_of("x@kestrel.nl") == "kestrel"
    assert domain_of("x@gmail.com", "www.kestrel-analytics.com/careers") == "kestrel-analytics"


# --- QR codes ------------------------------------------------------------------------------------


def test_a_mecard_is_read_with_its_escapes():
    contact = parse_mecard(
        r"MECARD:N:Weiß,Jürgen;TEL:+4930837818;EMAIL:j.weiss@elanvital.de;"
        r"ORG:Élan Vital\, KG;TITLE:Managing Partner;;"
    )
    assert contact is not None
    assert (contact.name, contact.company, contact.title, contact.email, contact.phones) == (
        "Jürgen Weiß",
        "Élan Vital, KG",
        "Managing Partner",
        "j.weiss@elanvital.de",
        [("+4930837818", "phone")],
    )


def test_a_vcard_gives_the_voice_number_not_the_fax():
    contact = parse_vcard(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Reyes;Dana;;;\r\nFN:Dana Reyes\r\n"
        "ORG:Acme Robotics Inc.;Sales\r\nTITLE:Regional Sales Manager\r\n"
        "TEL;TYPE=WORK,FAX:+13125550199\r\nTEL;TYPE=WORK,VOICE:+13125550134\r\n"
        "EMAIL;TYPE=INTERNET:dana@acme.example\r\nEND:VCARD"
    )
    assert contact is not None
    card = card_from_contact(
        contact.name, contact.title, contact.company, contact.email, contact.phones, "US"
    )
    assert card.as_dict() == {
        "name": "Dana Reyes",
        "title": "Regional Sales Manager",
        "company": "Acme Robotics Inc.",
        "email": "dana@acme.example",
        "phone": "+1 312-555-0134",
        "confidence": dict.fromkeys(("name", "title", "company", "email", "phone"), 0.99),
    }
    assert card.source == "qr"


def test_a_qr_code_that_is_no_contact_is_ignored():
    assert parse_contact("https://acme.example/jobs") is None
    assert parse_contact("BEGIN:VCARD\r\nthis is not a card") is None


@pytest.mark.parametrize(
    ("lines", "email"),
    [
        (["Harriet MacLeod", "harriot.macleod@marlowe.co.uk"], "harriet.macleod@marlowe.co.uk"),
        (["Lucie Groß", "i.gross@helvetia.de"], "l.gross@helvetia.de"),
        (
            ["Dana Washington", "dana@interationale.com", "www.internationale.com"],
            "dana@internationale.com",
        ),
        (["Harriet MacLeod", "harry.macleod@marlowe.co.uk"], "harry.macleod@marlowe.co.uk"),
        (["Bjørn Dahl", "bjoem.dahl@marlowe.co.uk"], "bjoern.dahl@marlowe.co.uk"),
        (["Arne Kjeldsen", "ame.kjeldsen@marlowe.co.uk"], "arne.kjeldsen@marlowe.co.uk"),
    ],
    ids=["name-letter", "initial", "domain-from-website", "a-nickname-is-kept", "rn-as-m", "rn"],
)
def test_letters_misread_in_an_email_are_put_right_from_the_name_and_website(lines, email):
    card = read([(lines[0], 1.6), *lines[1:]], "GB")
    assert card.email == email
    assert card.confidence["email"] == (0.98 if email.startswith("harry") else 0.69)


def test_an_email_that_runs_a_name_together_is_left_as_it_is():
    card = read([("Christopher O'Connor", 1.6), "christopher.oconnor@solvay.com"], "GB")
    assert card.email == "christopher.oconnor@solvay.com"


def test_a_card_from_another_country_has_its_number_read_as_dialled_there():
    card = read([("Ine Dupont", 1.6), "T 012 60 21 97", "ine_dupont@marlowe.be"], "US")
    assert card.phone == "+32 12 60 21 97"
    assert card.confidence["phone"] < read(["T 012 60 21 97"], "BE").confidence["phone"]


def _at(text, left, top, right, bottom):
    return Line(text, 0.99, left, top, right, bottom, bottom - top)


def test_a_company_stacked_beside_the_name_keeps_its_smaller_and_taller_lines():
    # A band layout: the company's words in a column on the left, the name and title on the
    # right. The boxes differ in height by their letters alone (`Verdant` has no descender,
    # `Energy` has; `plc` has both).
    right = [
        _at("Sørine Sørensen", 0.55, 0.0, 1.17, 0.084),
        _at("Operations Director", 0.55, 0.093, 0.95, 0.149),
        _at("E soerine@verdantenergy.dk", 0.56, 0.604, 1.05, 0.65),
    ]
    left = [
        _at("Verdant", 0.0, 0.011, 0.24, 0.072),
        _at("Energy", 0.0, 0.072, 0.22, 0.149),
        _at("A/S", 0.0, 0.136, 0.11, 0.207),
    ]
    assert find_fields(left + right, "DK").company == "Verdant Energy A/S"
    left = [
        _at("Orion", 0.01, 0.002, 0.17, 0.069),
        _at("Medical", 0.01, 0.067, 0.23, 0.132),
        _at("Devices", 0.01, 0.131, 0.23, 0.2),
        _at("plc", 0.0, 0.188, 0.11, 0.275),
    ]
    right[0] = _at("Rhys Ashworth", 0.55, 0.0, 1.13, 0.093)
    right[2] = _at("rhys.ashworth@orion-medical-devices.co.uk", 0.56, 0.608, 1.42, 0.654)
    assert find_fields(left + right, "GB").company == "Orion Medical Devices plc"


def test_a_tagline_under_the_company_is_no_part_of_it():
    lines = [
        _at("Brightwater Health N.V.", 0.1, 0.0, 0.74, 0.073),
        _at("Care close to home", 0.1, 0.064, 0.43, 0.11),
        _at("Anouk van der Berg", 0.1, 0.3, 0.9, 0.41),
        _at("Senior Consultant", 0.1, 0.42, 0.5, 0.48),
        _at("anouk.van-der-berg@brightwater.nl", 0.1, 0.6, 0.8, 0.65),
    ]
    assert find_fields(lines, "NL").company == "Brightwater Health N.V."


def test_a_surname_after_a_gaelic_particle_read_with_a_small_capital_is_still_the_name():
    card = read(
        [
            ("Saffron Hospitality Group Ltd", 1.3),
            ("Rhys Ó súilleabháin", 1.8),
            "VP, Engineering",
            "E r.osuilleabhain@saffronhospitalitygroup.co.uk",
        ],
        "GB",
    )
    assert card.name == "Rhys Ó Súilleabháin"
    assert card.title == "VP, Engineering"


def test_an_ae_ligature_read_as_two_capitals_is_put_back():
    card = read([("Kestrel Analytics", 1.3), ("AErling Ødegaard", 1.8), "Sales Manager"], "DK")
    assert card.name == "Ærling Ødegaard"
    # Two capitals and a small letter are no ligature elsewhere in a name.
    assert read([("Aeron Smith", 1.8), "Sales Manager"]).name == "Aeron Smith"


def test_a_first_name_whose_capital_i_was_read_as_a_small_l_is_still_the_name():
    card = read(
        [
            ("Helvetia Präzision S.p.A.", 1.3),
            ("llaria Fabbri", 1.8),
            "Direttore Tecnico",
            "E-mail: ilaria@helvetia.it",
        ],
        "IT",
    )
    assert card.name == "Ilaria Fabbri"
    assert read([("Anna de la Cruz", 1.8), "Sales Manager"]).name == "Anna de la Cruz"


def test_a_name_with_an_initial_and_two_particles_is_a_name():
    card = read(
        [
            ("Granite Peak Software S.A.", 1.3),
            ("María J. García de la Fuente", 1.8),
            "Head of People",
            "E-mail: maria_garciadelafuente@granitepeaksoftware.es",
        ],
        "ES",
    )
    assert card.name == "María J. García de la Fuente"
    assert card.title == "Head of People"


@pytest.mark.parametrize(
    ("name_read", "email", "phone", "name"),
    [
        # The address spells out a mark the name's line lost, in the phone's country's letter.
        ("Mette Molgaard", "mette.moelgaard@blueharbor.dk", "+45 32 12 34 56", "Mette Mølgaard"),
        ("Jurgen Muller", "juergen.mueller@acme.de", "+49 30 1234567", "Jürgen Müller"),
        # An address the name makes as read, or no country to write the mark as: left as read.
        ("Anna Muller", "anna.muller@acme.de", "+49 30 1234567", "Anna Muller"),
        ("Gianmarco Esposito", "gianmarcoesposito@acme.it", "+39 02 1234 5678", None),
        ("Jurgen Muller", "juergen.mueller@acme.de", "", "Jurgen Muller"),
    ],
)
def test_a_mark_the_names_line_lost_is_put_back_where_the_address_spells_it_out(
    name_read, email, phone, name
):
    lines = [("Acme", 1.3), (name_read, 1.8), "Sales Manager", f"E-mail: {email}"]
    card = read([*lines, phone] if phone else lines, "US")
    assert card.email == email
    assert card.name == (name or name_read)


@pytest.mark.parametrize(
    "text, web",
    [
        ("www.granitepeak.co uk", "www.granitepeak.co.uk"),
        ("saffron.com tr/careers", "saffron.com.tr"),
        ("www.granitepeak.co.uk", "www.granitepeak.co.uk"),
        ("www.acme.com Berlin", "www.acme.com"),  # a word, not a country's code, after it
    ],
)
def test_a_websites_last_dot_read_as_a_space_in_a_countrys_ending_is_put_back(text, web):
    assert [found.value for found in find_web(text)] == [web]


@pytest.mark.parametrize(
    "line, region, phone",
    [
        ("Tel. +851.21.278.4114", "PT", "+351 21 278 4114"),  # 3 read as 8: no country's code
        ("T +44 30 837818", "DE", "+49 30 837818"),  # 9 read as 4: no number in GB
        ("Mob. +34 612 345 678", "IT", "+34 612 34 56 78"),  # valid in Spain: kept
        ("Tel +32 450 80 81 04", "DE", "+32 450 80 81 04"),  # valid in Belgium: kept
    ],
)
def test_a_calling_code_a_digit_off_the_cards_own_is_the_cards_where_no_number_was_valid(
    line, region, phone
):
    card = read([("Inês Costa", 1.6), line], region)
    assert card.phone == phone
    assert card.confidence["phone"] == (0.7 if phone[:3] != line.split()[1][:3] else 0.99)


@pytest.mark.parametrize(
    ("lines", "email"),
    [
        # The name's marks spelt out in an address that runs its words together, `rn` read as
        # `m` and one letter more misread (j as y, g as q).
        (["Jörn Weißhäupl", "yoemweisshaeupl@kranich.de"], "joernweisshaeupl@kranich.de"),
        (["Søren Bjørnstad", "soerenbyoemstad@fjell.no"], "soerenbjoernstad@fjell.no"),
        (["Bernd Krüger", "bemdkrueqer@hafen.at"], "berndkrueger@hafen.at"),
    ],
    ids=["joern", "bjoernstad", "bernd"],
)
def test_a_run_together_address_spelling_the_marks_out_is_put_right_from_the_name(lines, email):
    card = read([(lines[0], 1.6), *lines[1:]], "DE")
    assert card.email == email


def test_an_address_as_near_two_spellings_of_the_name_is_kept():
    # `amulfmuelner` is one letter off both arnulfmullner and arnulfmuellner with `rn` read
    # as `m`: nothing says which, and the address is kept as read.
    card = read([("Arnulf Müllner", 1.6), "amulfmuelner@hafen.at"], "AT")
    assert card.email == "amulfmuelner@hafen.at"


@pytest.mark.parametrize(
    ("lines", "email"),
    [
        (
            [
                "Ida Holm",
                "Lindqvist Partners",
                "ida@lindqvist-partners.ak",
                "www.lindqvlst-partners.dk",
            ],
            "ida@lindqvist-partners.dk",
        ),
        (
            ["Mads Friis", "Nørrebro Design", "mads@norrebro-design.qk", "www.norrebro-desiqn.dk"],
            "mads@norrebro-design.dk",
        ),
    ],
    ids=["ak", "qk"],
)
def test_an_ending_no_domain_has_takes_the_websites_not_a_look_alike(lines, email):
    # `.ak` is no domain's ending; `.ck` is one look-alike letter from it, `.dk` two, but the
    # website (its name misread, its ending not) prints `.dk`.
    card = read([(lines[0], 1.6), *lines[1:], "Mobil 21 43 65 87"], "DK")
    assert card.email == email


@pytest.mark.parametrize(
    ("lines", "phone"),
    [
        (["Tel 0171 496 0823  Fax 0161 496 0999"], "+44 161 496 0823"),
        (["Office: 0181 244 7781", "Fax: 0131 496 0555"], "+44 131 244 7781"),
    ],
    ids=["same-line", "lines-apart"],
)
def test_a_phone_valid_nowhere_takes_the_area_code_of_the_fax_one_digit_off(lines, phone):
    card = read([("Tuba Kaya", 1.6), "Neckarwerk Ltd", *lines, "t.kaya@neckarwerk.co.uk"], "GB")
    assert (card.phone, card.confidence["phone"]) == (phone, 0.7)


@pytest.mark.parametrize(
    ("lines", "region", "phone"),
    [
        # Valid as read (another area code of the same plan): kept.
        (["Tel. 0744 2290 4418", "Fax 0711 2290 4400"], "DE", "+49 7442 2904418"),
        # The fax's own number with its area code misread: no phone.
        (["Tel 0171 496 0999  Fax 0161 496 0999"], "GB", None),
    ],
    ids=["valid-as-read", "the-fax-again"],
)
def test_an_area_code_is_not_taken_from_the_fax_otherwise(lines, region, phone):
    ending = "de" if region == "DE" else "co.uk"
    card = read([("Tuba Kaya", 1.6), "Neckarwerk", *lines, f"t.kaya@neckarwerk.{ending}"], region)
    assert card.phone == phone


def test_a_legal_form_of_several_words_stacked_a_word_a_line_is_read_whole():
    # A band layout: `Sp.`, `z` and `o.o.` (read `0.0.`) each on a line of its own under the
    # company's words; the short words' boxes stand taller than the name's (`Sp.`, `plc`).
    right = [
        _at("Małgorzata Wójcik", 0.55, 0.0, 1.33, 0.107),
        _at("Founder & CEO", 0.55, 0.11, 0.87, 0.156),
        _at("m.wojcik@acmerobotics.pl", 0.56, 0.71, 1.2, 0.75),
    ]
    left = [
        _at("Acme", 0.01, 0.015, 0.19, 0.081),
        _at("Robotics", 0.01, 0.083, 0.29, 0.148),
        _at("Sp.", 0.0, 0.141, 0.13, 0.228),
        _at("z", 0.0, 0.22, 0.05, 0.27),
        _at("0.0.", 0.01, 0.283, 0.14, 0.339),
    ]
    assert find_fields(left + right, "PL").company == "Acme Robotics Sp. z o.o."
    # The `z` read as a capital: the form's small letter.
    left[3] = _at("Z", 0.0, 0.20, 0.05, 0.25)
    assert find_fields(left + right, "PL").company == "Acme Robotics Sp. z o.o."
    right = [
        _at("Oliver Ó Súilleabháin", 0.54, 0.0, 1.27, 0.084),
        _at("Hiring Manager, Platform Team", 0.54, 0.11, 1.1, 0.158),
        _at("oliver@helvetiaprazision.co.uk", 0.56, 0.62, 1.3, 0.66),
    ]
    left = [
        _at("Helvetia", 0.01, 0.01, 0.23, 0.074),
        _at("Präzision", 0.01, 0.08, 0.26, 0.14),
        _at("plc", 0.0, 0.133, 0.12, 0.219),
    ]
    assert find_fields(left + right, "GB").company == "Helvetia Präzision plc"


def test_a_line_under_a_stacked_company_that_carries_no_legal_form_further_is_left_out():
    right = [
        _at("Małgorzata Wójcik", 0.55, 0.0, 1.33, 0.107),
        _at("Founder & CEO", 0.55, 0.11, 0.87, 0.156),
        _at("m.wojcik@acmerobotics.pl", 0.56, 0.71, 1.2, 0.75),
    ]
    # A form already whole (`Sp. z o.o.`), then a city; a `Sp.` followed by no `z`.
    left = [
        _at("Acme Robotics", 0.01, 0.015, 0.35, 0.081),
        _at("Sp. z o.o.", 0.01, 0.083, 0.3, 0.148),
        _at("Warszawa", 0.01, 0.15, 0.28, 0.2),
    ]
    assert find_fields(left + right, "PL").company == "Acme Robotics Sp. z o.o."
    left = [
        _at("Acme", 0.01, 0.015, 0.19, 0.081),
        _at("Robotics", 0.01, 0.083, 0.29, 0.148),
        _at("Sp.", 0.0, 0.141, 0.13, 0.228),
        _at("Kraków", 0.0, 0.23, 0.2, 0.28),
    ]
    assert find_fields(left + right, "PL").company == "Acme Robotics Sp."


@pytest.mark.parametrize(
    ("company", "email", "expected"),
    [
        # Two words run together, the domain one of them alone.
        ("AtlasFreight", "s.devries@atlas.nl", "Atlas Freight"),
        ("NordlichtVersicherungen AG", "m.keller@nordlicht.ch", "Nordlicht Versicherungen AG"),
        ("MeridianPartners Ltd", "ali@partners.co.uk", "Meridian Partners Ltd"),
        # Near misses: a name written as one word, its domain the whole of it; a domain that
        # is neither word.
        ("PayPal", "jo@paypal.com", "PayPal"),
        ("SoundCloud GmbH", "lena@soundcloud.de", "SoundCloud GmbH"),
        ("BlueHarbor AG", "ines@bhl-group.ch", "BlueHarbor AG"),
    ],
)
def test_two_words_of_a_company_run_together_are_parted_where_the_domain_is_one(
    company, email, expected
):
    card = read([("Jo Ines Keller", 1.8), "Head of People", (company, 1.3), email], "GB")
    assert card.company == expected


def test_a_company_stacked_with_an_ampersand_alone_on_its_line_is_read_whole():
    right = [
        _at("Søren Kjær", 0.57, 0.0, 0.99, 0.092),
        _at("Senior Account Executive", 0.57, 0.09, 1.06, 0.143),
        _at("T +45 33 12 40 18", 0.57, 0.55, 1.0, 0.6),
    ]
    left = [
        _at("Marlowe", 0.01, 0.0, 0.26, 0.072),
        _at("&", 0.0, 0.07, 0.07, 0.135),
        _at("Finch", 0.0, 0.13, 0.17, 0.202),
        _at("A/S", 0.0, 0.19, 0.12, 0.26),
    ]
    assert find_fields(left + right, "DK").company == "Marlowe & Finch A/S"


def test_an_ampersand_whose_box_stands_shorter_than_the_words_around_it_joins_them():
    # `&` has no ascender or descender: its box is three quarters as tall as `Marlowe`'s.
    right = [
        _at("Maxime Claes", 0.2, 0.0, 0.42, 0.038),
        _at("Gérant", 0.2, 0.038, 0.26, 0.062),
        _at("M +32 450 42 10 62", 0.2, 0.246, 0.34, 0.266),
        _at("maximeclaes@marlowefinch.be", 0.2, 0.264, 0.41, 0.284),
    ]
    left = [
        _at("Marlowe", 0.0, 0.003, 0.104, 0.035),
        _at("&", 0.004, 0.031, 0.027, 0.056),
        _at("Finch", 0.001, 0.052, 0.071, 0.082),
    ]
    assert find_fields(left + right, "BE").company == "Marlowe & Finch"


def test_a_short_line_under_a_company_that_is_no_ampersand_is_no_part_of_it():
    lines = [
        _at("Marlowe", 0.0, 0.003, 0.104, 0.035),
        _at("est.", 0.004, 0.031, 0.05, 0.056),
        _at("Maxime Claes", 0.2, 0.0, 0.42, 0.038),
        _at("Gérant", 0.2, 0.038, 0.26, 0.062),
        _at("maximeclaes@marlowe.be", 0.2, 0.264, 0.41, 0.284),
    ]
    assert find_fields(lines, "BE").company == "Marlowe"


def test_a_line_under_a_company_whose_name_ends_in_no_ampersand_is_no_part_of_it():
    lines = [
        _at("Smith & Sons Ltd", 0.1, 0.0, 0.6, 0.07),
        _at("Since 1920", 0.1, 0.07, 0.4, 0.14),
        _at("Harriet Smith", 0.1, 0.3, 0.6, 0.4),
        _at("Managing Director", 0.1, 0.41, 0.5, 0.46),
        _at("harriet@smithandsons.co.uk", 0.1, 0.6, 0.8, 0.65),
    ]
    assert find_fields(lines, "GB").company == "Smith & Sons Ltd"


@pytest.mark.parametrize(
    ("company", "phone", "email", "expected"),
    [
        # A legal form read without the mark the card's country writes it with (its phone's
        # country, else its domain's): a cedilla is a speck under the line.
        ("Tessera Design Studio A.S.", "Tel. (0212) 346 31 90", "", "Tessera Design Studio A.Ş."),
        ("Tessera Design A.S.", "", "c.yildiz@tessera.com.tr", "Tessera Design A.Ş."),
        ("Érable Conseil Ltee", "", "j.roy@erable.ca", "Érable Conseil Ltée"),
        # A slash between two capitals read as a stroke, where the country writes the form so.
        (
            "Helvetia Präzision AIS",
            "+45 32 90 03 81",
            "j.sorensen@helvetia.dk",
            "Helvetia Präzision A/S",
        ),
        ("Nordhavn Shipping A1S", "", "j.holm@nordhavn.dk", "Nordhavn Shipping A/S"),
        (
            "Helvetia Präzision AIS",
            "+49 30 901820",
            "c.yildiz@helvetia.de",
            "Helvetia Präzision AIS",
        ),
        # Near misses: another country's form in the same letters, a form read with its mark,
        # a card whose country is unknown.
        ("Polaris Engineering a.s.", "+420 212 140 487", "", "Polaris Engineering a.s."),
        ("Tessera Design A.S.", "+420 212 140 487", "", "Tessera Design A.S."),
        ("Tessera Design A.Ş.", "+90 212 346 31 90", "", "Tessera Design A.Ş."),
        ("Tessera Design A.S.", "", "", "Tessera Design A.S."),
    ],
)
def test_a_legal_form_read_without_its_mark_takes_the_mark_its_country_writes(
    company, phone, email, expected
):
    lines = [(company, 1.3), ("Çağla Yıldız", 1.8), "Hiring Manager"]
    lines += [text for text in (phone, email) if text]
    card = find_fields(lines_from_text(lines), "TR" if "(0" in phone else "US")
    assert card.company == expected


@pytest.mark.parametrize(
    ("company", "contact", "expected"),
    [
        # A capital I read as a small letter it looks like, the email or website spelling the
        # word's start with an i.
        ("tronbridge Capital BV", "Emai wlemattretžironbnage.be", "Ironbridge Capital BV"),
        ("lnnova Systems GmbH", "www.innova-systems.de", "Innova Systems GmbH"),
        # Near misses: no line spells it with an i, or one spells it as read.
        ("tronbridge Capital BV", "+32 12 72 30 02", "tronbridge Capital BV"),
        ("lululemon athletica inc.", "www.lululemon.com", "lululemon athletica inc."),
    ],
)
def test_a_companys_capital_i_read_as_a_small_letter_is_put_back_by_its_domain(
    company, contact, expected
):
    card = find_fields(lines_from_text([(company, 1.3), ("Wouter Lemaître", 1.8), contact]), "BE")
    assert card.company == expected
