"""Putting right what the OCR misread on a card, where the card itself says what it should be."""

from __future__ import annotations

import pytest

from followup.adapters.cards.contacts import find_emails, find_phones
from followup.adapters.cards.fields import Line, find_fields, lines_from_text
from followup.adapters.cards.mend import mend_company, mend_domain, mend_title, slugs, unglued


def read(texts, region="US"):
    return find_fields(lines_from_text(texts), region)


# --- the email's domain --------------------------------------------------------------------------


def test_a_company_name_gives_the_domains_it_may_have():
    assert slugs("Blue Harbor Logistics GmbH") == {
        "blue",
        "blueharbor",
        "blue-harbor",
        "blueharborlogistics",
        "blue-harbor-logistics",
    }
    assert "marlowefinch" in slugs("Marlowe & Finch")


@pytest.mark.parametrize(
    ("email", "webs", "texts", "mended"),
    [
        # The company's name wins over a website misread the same way as the email.
        (
            "jose.ibanez@nortlrwiud.es",
            ["nortlrwiud.es/carcers"],
            ["Northwind", "Northwind Traders"],
            "jose.ibanez@northwind.es",
        ),
        (
            "dana@ginternationale.com",
            ["intemationale.comycareers"],
            ["Internationale Logistik Gruppe Corp."],
            "dana@internationale.com",
        ),
        ("z@adiasireight.pl", [], ["Atlas Freight"], "z@atlasfreight.pl"),
        # The website, when no line spells the domain.
        ("dana@interationale.com", ["www.internationale.com"], [], "dana@internationale.com"),
        # The rest of the domain from a website of the same name.
        ("g@verdant-energy.ir", ["verdant-energy.fr/careers"], [], "g@verdant-energy.fr"),
        # A dot lost after a short first label.
        ("j@mailsaffron.es", ["www.saffron.es"], ["Saffron Hospitality"], "j@mail.saffron.es"),
        # The ending from the website, the office's label before the name kept.
        ("g@eu.verdant-energy.ir", ["www.verdant-energy.fr"], [], "g@eu.verdant-energy.fr"),
    ],
    ids=[
        *("name-over-website", "extra-letter", "three-letters", "website", "tld", "lost-dot"),
        "tld-office-label",
    ],
)
def test_a_misread_domain_is_put_right_from_the_company_or_the_website(email, webs, texts, mended):
    assert mend_domain(email, webs, texts) == mended


@pytest.mark.parametrize(
    ("email", "webs", "texts"),
    [
        # Read right, beside a website misread: the company's name confirms the email.
        ("h.macleod@marlowefinch.co.uk", ["www.mmrlowefnch.co.uk"], ["Marlowe & Finch"]),
        # A short name the website confirms is not overruled by a line one letter off.
        ("a@acme.com", ["www.acme.com"], ["Acne Corp"]),
        # Nothing near enough: an abbreviation is no misreading.
        ("a@ibm.com", [], ["International Business Machines"]),
        ("dana@solvay.com", [], ["Northwind Traders"]),
        # The mail of one office (`eu.`) beside the website of the whole company.
        (
            "m.washington@eu.internationalelogistikgruppe.com",
            ["www.internationalelogistikgruppe.com"],
            ["Internationale Logistik Gruppe"],
        ),
    ],
    ids=["confirmed", "short-confirmed", "abbreviation", "unrelated", "office-label"],
)
def test_a_domain_that_nothing_contradicts_is_left_as_read(email, webs, texts):
    assert mend_domain(email, webs, texts) == email


def test_an_email_whose_domain_was_put_right_is_less_sure():
    card = read(
        [
            ("Northwind Traders", 1.3),
            ("José Ibáñez", 1.8),
            "Technical Recruiter",
            "jose.ibanez@nortlrwiud.es",
        ],
        "ES",
    )
    assert card.email == "jose.ibanez@northwind.es"
    assert card.confidence["email"] == 0.69


def test_an_email_whose_at_sign_was_read_as_a_letter_is_cut_at_it_by_the_name_and_company():
    card = read(
        [
            ("INTERNATIONALE LOGISTIK GRUPPE S.R.L.", 1.2),
            ("Niccolò Galli", 1.6),
            "Responsabile Commerciale",
            "n.galligeu.internationalelogistikgruppe.it",
            "www.interationalelogistikgruppe.it",
        ],
        "IT",
    )
    assert card.email == "n.galli@eu.internationalelogistikgruppe.it"
    assert card.confidence["email"] == 0.59


def test_a_web_address_that_no_name_spells_is_not_taken_for_an_email():
    card = read([("Dana Reyes", 1.6), "goodsandservices.com"], "US")
    assert card.email is None


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("E gaelle_girard@elanvital fr", "gaelle_girard@elanvital.fr"),
        ("Email gaellegirard(@verdant-energy.fr", "gaellegirard@verdant-energy.fr"),
        ("E-mail: n.azcarate@brightwater-ħealth.es", "n.azcarate@brightwater-health.es"),
    ],
    ids=["dot-read-as-space", "bracket-beside-at", "accented-letter"],
)
def test_an_email_is_found_through_what_the_ocr_adds_or_drops(text, email):
    assert [found.value for found in find_emails(text)] == [email]


# --- numbers -------------------------------------------------------------------------------------


def test_a_fax_label_before_the_next_number_does_not_make_the_first_a_fax():
    phones = find_phones("810 80 44 92 Fax 810 19 11 14", "ES")
    assert [(p.international, p.kind) for p in phones] == [
        ("+34 810 80 44 92", "phone"),
        ("+34 810 19 11 14", "fax"),
    ]
    assert find_phones("810 80 44 92 (fax)", "ES")[0].kind == "fax"


def test_a_dot_read_as_a_comma_and_a_space_lost_before_a_label_still_give_the_number():
    assert [p.international for p in find_phones("Phone +33.1.23.70.04,64", "FR")] == [
        "+33 1 23 70 04 64"
    ]
    phones = find_phones("Tél. +1.201.580,0906Fax +1.201.561.4186", "US")
    assert [(p.international, p.kind) for p in phones] == [
        ("+1 201-580-0906", "phone"),
        ("+1 201-561-4186", "fax"),
    ]


# --- titles, companies, names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read_as", "title"),
    [
        ("Technica) Recruiter", "Technical Recruiter"),
        ("Managing Parlner", "Managing Partner"),
        ("Operajions Director", "Operations Director"),
        ("HiringManager, Platform Team", "Hiring Manager, Platform Team"),
        ("SENIOR CONSULTANT", "SENIOR CONSULTANT"),
        ("Directora Comercial", "Directora Comercial"),
        ("Fonoder & CEO", "Fonoder & CEO"),
        # Small print: two confused letters in a word of seven, and in a longer word one letter
        # of any kind besides.
        ("Chief Technology Otticer", "Chief Technology Officer"),
        ("Bosinass Development Resresantative", "Business Development Representative"),
        ("Sales Manaqer", "Sales Manager"),
        # `u` read as the round letter it opens into (`a`, `o`).
        ("Customer Saccess Lead", "Customer Success Lead"),
        ("Castomer Success Lead", "Customer Success Lead"),
        ("Head of Procarement", "Head of Procurement"),
        # A short word one letter of another kind off a known word is left: it may be another
        # language's word (Dutch `analist`), or another word.
        ("Analist", "Analist"),
        ("Ingeniero de Ventas", "Ingeniero de Ventas"),
    ],
)
def test_a_title_word_a_few_confused_letters_off_one_known_word_is_put_right(read_as, title):
    assert mend_title(read_as) == title


@pytest.mark.parametrize(
    ("read_as", "title"),
    [
        # A speck over a capital read as its mark, on a word that is a known word without it,
        # in a title that has no other mark.
        ("Öffice Manager", "Office Manager"),
        ("Principal Data Šcientist", "Principal Data Scientist"),
        # A speck read as an apostrophe inside a known word (not an elision: d’affaires).
        ("Direttore T’ecnico", "Direttore Tecnico"),
        # Marks a title's own language writes are kept.
        ("Directeur Général", "Directeur Général"),
        ("Chargé d’affaires", "Chargé d’affaires"),
        ("Ökonom", "Ökonom"),
    ],
)
def test_a_mark_the_ocr_added_to_a_known_title_word_is_taken_off(read_as, title):
    assert mend_title(read_as) == title


@pytest.mark.parametrize(
    ("read_as", "title"),
    [
        # A mark lost or read as another on a title word the reader knows with its marks.
        ("Geschåftsführer", "Geschäftsführer"),
        ("Geschaftsführer", "Geschäftsführer"),
        ("DIRECTEUR GÉNERAL", "DIRECTEUR GÉNÉRAL"),
        # A word without any mark is left: it may be another language's (`General Manager`,
        # the Italian `Direttore Tecnico` beside the Spanish `Técnico`), or spelt out.
        ("General Manager", "General Manager"),
        ("Direttore Tecnico", "Direttore Tecnico"),
        ("Geschaeftsfuehrer", "Geschaeftsfuehrer"),
        # A speck read as a full stop after a whole title word, inside the title.
        ("CHIEF FINANCIAL. OFFICER", "CHIEF FINANCIAL OFFICER"),
        ("Sr. Manager", "Sr. Manager"),
        # A `c` read as an `o` (round letters in small print).
        ("Customer Suocess Lead", "Customer Success Lead"),
    ],
)
def test_a_title_word_s_marks_and_specks_are_read_as_the_known_word_has_them(read_as, title):
    assert mend_title(read_as) == title


@pytest.mark.parametrize(
    ("read_as", "title"),
    [
        # Two thin letters read for one wide one: `Fl` for `H`, `rn` for `m`, `cl` for `d`.
        ("Flead of People", "Head of People"),
        ("Prograrn Manager", "Program Manager"),
        # … and one wide letter for two thin ones besides another misread letter.
        ("Software Engheeting Manager", "Software Engineering Manager"),
        # Words of a department that are also a company's words.
        ("Sottware Engineering Manager", "Software Engineering Manager"),
        ("Öffice Manager", "Office Manager"),
        # A semicolon between a title and its team is a comma read with a speck above it.
        ("Hiring Manager; Platform Team", "Hiring Manager, Platform Team"),
    ],
)
def test_a_title_word_read_with_two_letters_for_one_or_a_company_word_is_put_right(read_as, title):
    assert mend_title(read_as) == title


@pytest.mark.parametrize(
    ("read_as", "company"),
    [
        ("Meridian Partners S.r.I.", "Meridian Partners S.r.l."),
        ("Ironbridge Capital Sp. z 0.0.", "Ironbridge Capital Sp. z o.o."),
        ("Lumière Conseil A.$.", "Lumière Conseil A.Ş."),
        ("Internationale Logistik Gruppe lnc.", "Internationale Logistik Gruppe Inc."),
        ("Kestrel Analytics Gmbí", "Kestrel Analytics GmbH"),
        ("Saffron Hospitality Group GmbII", "Saffron Hospitality Group GmbH"),
        ("FJORD SYSTEMS LID.", "FJORD SYSTEMS LTD."),  # small capitals: the T's bar lost
        ("ACME SAIC", "ACME SAIC"),  # no legal form with a T there: left as read
        ("Marlowe&Finch N.V.", "Marlowe & Finch N.V."),
        ("AT&T Inc.", "AT&T Inc."),
        ("Acme Inca", "Acme Inca"),
        ("Studio 10 AG", "Studio 10 AG"),
    ],
)
def test_a_legal_form_read_with_look_alike_characters_is_put_right(read_as, company):
    assert mend_company(read_as) == company


def test_a_name_whose_space_was_lost_is_parted_but_not_a_mac():
    assert read([("MaximilianMüller", 1.8), "Chief Technology Officer"], "DE").name == (
        "Maximilian Müller"
    )
    assert read([("Harriet MacLeod", 1.8), "Managing Partner"], "GB").name == "Harriet MacLeod"


def test_a_logos_mark_read_before_the_company_is_left_out():
    card = read([("▲ Granite Peak Software GmbH", 1.3), ("Dana Reyes", 1.8), "Sales Manager"])
    assert card.company == "Granite Peak Software GmbH"


def test_a_legal_form_set_smaller_under_a_stacked_company_name_is_part_of_it():
    # A band at the left: the company's words stacked, its legal form smaller; the person beside.
    lines = [
        Line("Fjord", 1.0, 0.0, 0.00, 0.20, 0.042, 0.042),
        Line("Šimon Černý", 1.0, 0.6, 0.00, 1.1, 0.067, 0.067),
        Line("Systems", 1.0, 0.0, 0.04, 0.28, 0.079, 0.039),
        Line("Senior Consultant", 1.0, 0.6, 0.08, 1.2, 0.113, 0.033),
        Line("s.r.o.", 1.0, 0.0, 0.08, 0.16, 0.112, 0.032),
        Line("simoncerny@fjord.cz", 1.0, 0.6, 0.35, 1.3, 0.385, 0.033),
    ]
    assert find_fields(lines, "CZ").company == "Fjord Systems s.r.o."


def test_an_at_sign_read_as_a_letter_no_address_holds_is_found_by_the_name_and_company():
    card = read(
        [
            ("NORDLICHT VERSICHERUNGEN GMBH", 1.2),
            ("Sören Oberhäuser", 1.6),
            "Geschäftsführer",
            "Email sorenoberhauserünordlichtversicherungen.de",
        ],
        "DE",
    )
    assert card.email == "sorenoberhauser@nordlichtversicherungen.de"
    # A website with an accented name is no email.
    assert (
        read([("Müller Bau GmbH", 1.2), ("Hans Müller", 1.6), "www.müller.de"], "DE").email is None
    )


def test_a_dot_read_as_a_space_before_the_surname_gives_the_first_name_back():
    lines = [("Élan Vital", 1.2), ("Małgorzata Żuławski", 1.6), "Vice President of Sales"]
    card = read([*lines, "E maigorzata zulawski@corp.elan.pl"], "PL")
    assert card.email == "malgorzata.zulawski@corp.elan.pl"
    assert read([*lines, "Email zulawski@corp.elan.pl"], "PL").email == "zulawski@corp.elan.pl"


def test_a_lost_dot_after_an_office_label_is_put_back_before_the_name_is_put_right():
    # `euelanvital` is also a few letters off `elanvital`: the label is not lost for it.
    assert mend_domain(
        "lueht.gross@euelanvital.de", ["eu.elanvitalde/careers"], ["ÉLAN VITAL AG"]
    ) == ("lueht.gross@eu.elanvital.de")


def test_an_address_that_spells_out_a_letter_the_names_line_lost_its_mark_on_is_kept():
    # Kjær read as Kjar on the name's line; the address spells the Æ out, as addresses do.
    lines = ["Internationale Logistik Gruppe A/S", "Mette T. Kjar", "Marketing Coordinator"]
    card = read([*lines, "E mette.kjaer@mail.ilg.dk", "www.ilg.dk"], "DK")
    assert card.email == "mette.kjaer@mail.ilg.dk"


def test_a_website_misread_to_no_known_ending_does_not_give_the_address_its_ending():
    # The website read `.ol`, which no domain ends with; the address's `.nl` stays.
    assert mend_domain("brambakker@quantialabs.nl", ["www.quantialabs.ol"], ["Quantia Labs"]) == (
        "brambakker@quantialabs.nl"
    )
    # A website with a real ending still puts a misread one right.
    assert mend_domain("brambakker@quantialabs.ol", ["www.quantialabs.nl"], ["Quantia Labs"]) == (
        "brambakker@quantialabs.nl"
    )


@pytest.mark.parametrize(
    ("read_as", "company"),
    [
        ("Nordlicht VerlagGmbH", "Nordlicht Verlag GmbH"),
        ("Vasconcelos TêxteisLda.", "Vasconcelos Têxteis Lda."),
        ("Bursztyn ZakładySp. z o.o.", "Bursztyn Zakłady Sp. z o.o."),
        ("Fiordaliso CeramicheS.r.l.", "Fiordaliso Ceramiche S.r.l."),
        ("Lindqvist ByggAB", "Lindqvist Bygg AB"),
    ],
)
def test_a_legal_form_run_into_the_word_before_it_is_set_apart(read_as, company):
    assert unglued(read_as) == company


@pytest.mark.parametrize(
    "name",
    ["Harbour TelCo", "Orla McDonald", "BlackRock Partners", "Quay DeVries", "Tessel NetApp"],
)
def test_capitals_inside_a_word_that_start_no_legal_form_are_left_as_read(name):
    assert unglued(name) == name


def test_a_company_whose_legal_form_lost_its_space_gives_its_domain_and_keeps_the_email():
    card = read(
        [
            ("Nordlicht VerlagGmbH", 1.3),
            ("Henrike Albers", 1.8),
            "Verlagsleiterin",
            "Tel. +49 30 9018 2266",
            "henrike.albers@nordlichtverlag.de",
            "www.nordlichtverlag.de",
        ],
        "DE",
    )
    assert (card.company, card.email) == (
        "Nordlicht Verlag GmbH",
        "henrike.albers@nordlichtverlag.de",
    )


# --- a domain misread far, beside a name the card spells twice -----------------------------------


@pytest.mark.parametrize(
    ("email", "webs", "texts", "mended"),
    [
        # Six letters off, most of them look-alikes (c for e, a for o, o for a, e for i).
        (
            "urs@blucheborogistes.ch",
            ["www.blueharborlogistics.ch"],
            ["Blue Harbor Logistics AG"],
            "urs@blueharborlogistics.ch",
        ),
        # Small print: f as t twice, o as 0 and as c, a as o, l as 1, y as v; the website a
        # page of it.
        (
            "j.ruiz@sattr0nhcspito1itv.es",
            ["saffronhospitality.es/careers"],
            ["SAFFRON HOSPITALITY S.L."],
            "j.ruiz@saffronhospitality.es",
        ),
        # Eight look-alikes (o as c and 0, i as l, n as u, a as o, e as c, s as 5, g as 9), the
        # company's name stacked over two lines, the website written with https.
        (
            "anna@ncrthwludtrodcr59r0up.co.uk",
            ["https://northwindtradersgroup.co.uk"],
            ["Northwind Traders", "Northwind Traders Group"],
            "anna@northwindtradersgroup.co.uk",
        ),
    ],
    ids=["blue-harbor", "saffron", "northwind-stacked"],
)
def test_a_domain_misread_in_many_look_alike_letters_is_the_name_company_and_website_share(
    email, webs, texts, mended
):
    assert mend_domain(email, webs, texts) == mended


@pytest.mark.parametrize(
    ("email", "webs", "texts"),
    [
        # The company's line alone spells the name: one witness, six letters are too many.
        ("urs@blucheborogistes.ch", [], ["Blue Harbor Logistics AG"]),
        # The website alone spells it (the company's line says something else).
        ("urs@blucheborogistes.ch", ["www.blueharborlogistics.ch"], ["Rhein Spedition AG"]),
        # Another domain of the group, its letters no look-alikes of the name's.
        ("urs@bhl-group.ch", ["www.blueharborlogistics.ch"], ["Blue Harbor Logistics AG"]),
        # A short name twice spelt: four letters off is another name, look-alikes or not.
        ("k@oacc.io", ["www.acme.io"], ["Acme Inc."]),
    ],
    ids=["company-only", "website-only", "group-domain", "short-name"],
)
def test_a_domain_far_from_a_name_the_card_spells_once_or_not_alike_is_left_as_read(
    email, webs, texts
):
    assert mend_domain(email, webs, texts) == email


def test_an_email_put_right_from_a_name_spelt_twice_is_less_sure():
    card = read(
        [
            ("Blue Harbor Logistics AG", 1.4),
            ("Urs Näf", 1.8),
            "Head of Talent Acquisition",
            "T +41 44 668 18 00",
            "urs@blucheborogistes.ch",
            "www.blueharborlogistics.ch",
        ],
        "CH",
    )
    assert card.email == "urs@blueharborlogistics.ch"
    assert card.confidence["email"] == 0.69


@pytest.mark.parametrize(
    ("read", "title"),
    [
        # A speck read as a quotation mark before a title word.
        ("Hiring Manager, Platform 'Team", "Hiring Manager, Platform Team"),
        ("Head of ‘Marketing", "Head of Marketing"),
        ("Directeur `Commercial", "Directeur Commercial"),
        ('Senior "Engineer', "Senior Engineer"),
        # Near misses: an elided letter before its apostrophe, a word no list knows.
        ("Chargée d’affaires", "Chargée d’affaires"),
        ("Responsabile dell'ufficio", "Responsabile dell'ufficio"),
        ("Head of 'Zorblax", "Head of 'Zorblax"),
    ],
)
def test_a_speck_read_as_a_quotation_mark_before_a_title_word_is_dropped(read, title):
    assert mend_title(read) == title


@pytest.mark.parametrize(
    ("read", "company"),
    [
        # A word companies are named with, misread by look-alike letters or run into the
        # company's own word before it.
        ("Blue Harbor Logisties", "Blue Harbor Logistics"),
        ("Quantia Anaiytics", "Quantia Analytics"),
        ("Cobalt Ventvres", "Cobalt Ventures"),
        ("Nordic Holdinqs AB", "Nordic Holdings AB"),
        ("KestrelAnalytics Inc.", "Kestrel Analytics Inc."),
        # Near misses: the company's own words, another language's word a letter longer, a
        # word too far from any.
        ("Internationale Logistik Gruppe S.A.", "Internationale Logistik Gruppe S.A."),
        ("Meridian Partners", "Meridian Partners"),
        ("Atlas Frelght", "Atlas Frelght"),
        ("Verlagsgruppe Nord", "Verlagsgruppe Nord"),
        ("Helvetia Präzision plc", "Helvetia Präzision plc"),
    ],
)
def test_a_word_companies_are_named_with_misread_is_put_right(read, company):
    assert mend_company(read) == company


def test_the_email_is_of_the_company_name_put_right_not_of_its_misreading():
    # The company's line, the email and the website all misread `Logistics` (c as e, as o):
    # the address is the one the company's name, put right, spells.
    lines = lines_from_text(
        [
            ("Günther Oberhäuser", 1.8),
            "Leiterin Personalentwicklung",
            "P. +49 30 356949",
            "Email g.oberhauser@blue-harbor-logistioode",
            ("Blue Harbor Logisties", 1.3),
        ]
    )
    card = find_fields(lines, "DE")
    assert card.company == "Blue Harbor Logistics"
    assert card.email == "g.oberhauser@blue-harbor-logistics.de"


@pytest.mark.parametrize(
    ("read", "company"),
    [
        # The l of a legal form read as a small i.
        ("Fjord Systems pic", "Fjord Systems plc"),
        ("Orion Medical Devices Pic", "Orion Medical Devices Plc"),
        ("Marlowe Consulenza S.r.i.", "Marlowe Consulenza S.r.l."),
        # Near misses: a legal form read right, a last word that is no legal form either way.
        ("Acme Inc.", "Acme Inc."),
        ("Acme Pictures", "Acme Pictures"),
        ("Studio Pik", "Studio Pik"),
    ],
)
def test_a_legal_forms_l_read_as_a_small_i_is_put_back(read, company):
    assert mend_company(read) == company


@pytest.mark.parametrize(
    ("line", "email"),
    [
        # `m` read as `rn` in the ending.
        ("sukru.ozturk@polaris.corn.tr", "sukru.ozturk@polaris.com.tr"),
        ("E: jane@acme.corn", "jane@acme.com"),
        ("mail: a.ng@lumiere.corn.sg", "a.ng@lumiere.com.sg"),
        # Near misses: `corn` in a company's name, or the company's name.
        ("jane@popcorn.com", "jane@popcorn.com"),
        ("jane@corn.de", "jane@corn.de"),
        ("jane@acme.com", "jane@acme.com"),
    ],
)
def test_an_ending_whose_m_was_read_as_rn_is_put_right(line, email):
    assert [found.value for found in find_emails(line)] == [email]
