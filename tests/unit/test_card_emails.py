"""The email read from a card, put right where the card's name and company confirm another
address that the OCR's reading is nearer to; left as read where nothing confirms a change."""

from __future__ import annotations

import pytest

from followup.adapters.cards.emails import (
    Reading,
    _national_near,
    candidates,
    hosts,
    local_parts,
    readings,
    reconcile,
)
from followup.adapters.cards.fields import find_fields, lines_from_text
from followup.adapters.cards.mend import slugs


def test_a_name_gives_the_local_parts_addresses_are_made_of():
    found = local_parts("Gianmarco Lo Presti")
    assert {"gianmarco.lopresti", "g.lo-presti", "g.presti", "gianmarco", "glopresti"} <= found
    assert "lo.presti" not in found  # the surname's first word alone is no surname


def test_marks_are_dropped_or_spelt_out_as_addresses_write_them():
    found = local_parts("Jürgen Müller")
    assert {"jurgen.muller", "juergen.mueller", "j.mueller", "jurgenmuller"} <= found
    assert {"soren.orsted", "soeren.oersted", "aasa"} <= local_parts("Søren Ørsted") | (
        local_parts("Åsa Lindqvist")
    )


def test_an_initial_in_the_middle_of_a_name_is_left_out():
    assert "dana_washington" in local_parts("Dana S. Washington")
    assert not any("s." in part for part in local_parts("Dana S. Washington"))


def test_only_a_website_written_as_one_and_agreeing_with_the_company_confirms_a_domain():
    allowed, confirmed = hosts(
        "imabridgecapital.coru",
        ["www.ironbridgecapttal.com", "reyesgimabridgecapital.coru"],
        slugs("Ironbridge Capital Corp."),
    )
    assert "ironbridgecapital.com" in confirmed
    assert "imabridgecapital.coru" in allowed - confirmed  # no such ending as .coru
    assert "ironbridgecapttal.com" in allowed - confirmed  # the website misread
    assert not any("reyesg" in host for host in allowed)  # an email without its @ is no site


def test_the_words_of_a_contact_line_that_may_be_an_email():
    assert readings("E-mail: hariet _davies@cobalt.co.uk") == [
        Reading("hariet _davies@cobalt.co.uk", 0),
        Reading("_davies@cobalt.co.uk", 1),
    ]
    assert [r.text for r in readings("Mobile +1 201 519 6039  micheeverdant.com")] == [
        "micheeverdant.com"
    ]
    assert readings("www.verdant.com") == []
    assert readings("Friedrichstraße 123") == []


@pytest.mark.parametrize(
    ("read", "rows", "name", "company", "webs", "email"),
    [
        # An underscore read apart from the address, the first name misspelt.
        (
            "davies@cobalt.co.uk",
            ["hariet _davies@cobalt.co.uk"],
            "Harriet Davies",
            "Cobalt Payments plc",
            ["www.cobalt.co.uk"],
            "harriet_davies@cobalt.co.uk",
        ),
        # The dot after an initial read as a space, `lo` as `in`.
        (
            "in-presti@meridianpartners.it",
            ["Email g in-presti@meridianpartners it"],
            "Gianmarco Lo Presti",
            "Meridian Partners S.r.l.",
            ["www.mendianpanners.it"],
            "g.lo-presti@meridianpartners.it",
        ),
        # `@` read as `g`, the underscore as a space, the company's name and the ending garbled:
        # no address found at all, yet the line is near one the card confirms.
        (
            None,
            ["t dana reyesgimabridgecapital.coru", "www.ironbridgecapttal.com"],
            "Dana Reyes",
            "Ironbridge Capital Corp.",
            ["www.ironbridgecapttal.com", "reyesgimabridgecapital.coru"],
            "dana.reyes@ironbridgecapital.com",
        ),
        # One underscore read as two.
        (
            "ashley__kowalski@brightwater.com",
            ["ashley__kowalski@brightwater.com"],
            "Ashley Kowalski",
            "Brightwater Health",
            ["www.brightwater.com"],
            "ashley_kowalski@brightwater.com",
        ),
        # A spelt-out umlaut misread: nearer `guenther` than anything else.
        (
            "guenthen@granite-peak-software.de",
            ["guenthen@granite-peak-software.de"],
            "Günther Weiß",
            "Granite Peak Software GmbH",
            [],
            "guenther@granite-peak-software.de",
        ),
    ],
)
def test_an_email_misread_is_put_right_by_the_name_and_company_it_is_near(
    read, rows, name, company, webs, email
):
    assert reconcile(read, rows, name, slugs(company), webs) == email


@pytest.mark.parametrize(
    ("read", "name", "company"),
    [
        ("mike.smith@acme.com", "Michael Smith", "Acme Robotics Inc."),  # a nickname
        ("recruiting@acme.com", "Dana Reyes", "Acme Robotics Inc."),  # a team's address
        ("anna.k@acme-group.com", "Anna Kowalski", "Acme Robotics Inc."),  # a group's domain
        ("juergen.mueller@helvetia.de", "Jürgen Müller", "Helvetia Präzision AG"),
        ("jurgen.muller@helvetia.de", "Jürgen Müller", "Helvetia Präzision AG"),
    ],
)
def test_an_email_read_cleanly_is_kept_even_where_the_name_says_otherwise(read, name, company):
    assert reconcile(read, [f"E {read}"], name, slugs(company), []) == read


def test_without_a_name_nothing_is_changed():
    assert reconcile("davies@cobalt.co.uk", ["hariet _davies@cobalt.co.uk"], None, set(), []) == (
        "davies@cobalt.co.uk"
    )


def test_a_card_whose_email_spells_the_umlauts_out_keeps_them_so():
    card = find_fields(
        lines_from_text(
            [
                ("Jürgen Müller", 2.0),
                "Vertriebsleiter",
                ("Helvetia Präzision AG", 1.5),
                "Tel. 030 1234567",
                "juergen.mueller@helvetia.de",
                "www.helvetia.de",
            ]
        ),
        "DE",
    )
    assert (card.name, card.email) == ("Jürgen Müller", "juergen.mueller@helvetia.de")


def test_an_email_misread_past_recognition_as_one_is_still_found_beside_its_name_and_website():
    card = find_fields(
        lines_from_text(
            [
                ("TESSERA DESIGN STUDIO", 1.5),
                ("João Gonçalves", 2.0),
                "Chief Financial Officer",
                "Tel. +351 21 270 2551",
                "jao.goncales@tesseradesigsudiopt",  # no @... no dot before its ending
                "www.tesseradesignstudio.pt",
            ]
        ),
        "PT",
    )
    assert card.email == "joao.goncalves@tesseradesignstudio.pt"
    assert card.confidence["email"] == 0.69  # put right: 0.7, times the 0.99 of any email


def test_a_misread_label_before_an_email_is_no_part_of_it():
    assert reconcile(
        None,
        ["E-mait: soren_sorensengbrightwater thealth.dk", "www brightwater-heaith.dk"],
        "Søren Sørensen",
        slugs("Brightwater Health A/S"),
        ["thealth.dk", "brightwater-heaith.dk"],
    ) == ("soren_sorensen@brightwater-health.dk")


def test_an_ending_one_look_alike_letter_off_is_the_phone_numbers_country():
    read, rows = "zofie.dvorak@elan-vital.ez", ["zofje.dvorak@elan-vital.ez"]
    assert reconcile(read, rows, "Žofie Dvořák", slugs("Élan Vital"), [], "CZ") == (
        "zofie.dvorak@elan-vital.cz"
    )


def test_an_ending_one_look_alike_letter_off_is_tried_but_not_guessed_between_two():
    _, confirmed = hosts("elan-vital.ez", [], slugs("Élan Vital"))
    assert {"elan-vital.cz", "elan-vital.az"} <= confirmed
    assert (
        reconcile(
            "zofie.dvorak@elan-vital.ez",
            ["zofje.dvorak@elan-vital.ez"],
            "Žofie Dvořák",
            slugs("Élan Vital"),
            [],
        )
        == "zofie.dvorak@elan-vital.ez"
    )


def test_an_initial_and_its_dot_read_as_one_letter_are_put_back():
    webs = ["www.quantia-labs.be"]
    name, company = "Lieselotte C. Lemaître", slugs("Quantia Labs")
    assert reconcile(
        "ilemaitre@eu.quantia-labs.be", ["Ilemaitre@eu.quantia-labs.be"], name, company, webs
    ) == ("l.lemaitre@eu.quantia-labs.be")
    # Read cleanly without a dot, it stays without one.
    assert reconcile(
        "llemaitre@eu.quantia-labs.be", ["llemaitre@eu.quantia-labs.be"], name, company, webs
    ) == ("llemaitre@eu.quantia-labs.be")


def test_a_separator_read_as_a_space_is_taken_for_a_dot_the_separator_most_used():
    assert reconcile(
        None, ["dana reyes@acme.com"], "Dana Reyes", slugs("Acme Inc."), ["www.acme.com"]
    ) == ("dana.reyes@acme.com")


@pytest.mark.parametrize(
    ("rows", "name", "company", "country", "email"),
    [
        # `@` lost, and the last dot read as a space: the ending stands apart.
        (
            ["wouter lemaitreoelanvital be"],
            "Wouter Lemaître",
            "Élan Vital NV",
            None,
            "wouter.lemaitre@elanvital.be",
        ),
        # `@` lost before an office's label, which the address keeps.
        (
            ["a.garciadelafuentecorp.elanvital es"],
            "Ángela García de la Fuente",
            "Élan Vital S.L.",
            None,
            "a.garciadelafuente@corp.elanvital.es",
        ),
        # No ending read anywhere on the card: the phone number's country gives it.
        (["wouter.lemaitreelanvital"], "Wouter Lemaître", "Élan Vital NV", None, None),
        (
            ["wouter.lemaitreelanvital"],
            "Wouter Lemaître",
            "Élan Vital NV",
            "BE",
            "wouter.lemaitre@elanvital.be",
        ),
    ],
    ids=["ending-apart", "office-label", "no-ending-no-country", "phone-country"],
)
def test_an_email_with_its_at_sign_lost_is_found_by_the_name_company_and_ending(
    rows, name, company, country, email
):
    # Without the country nothing gives the ending, and none is made up.
    assert reconcile(None, rows, name, slugs(company), [], country) == email


def test_a_line_with_no_address_in_it_gives_no_email_even_with_an_ending_beside_it():
    rows = ["Brussels be", "Ideas that travel"]
    assert reconcile(None, rows, "Wouter Lemaître", slugs("Élan Vital NV"), [], "BE") is None
    assert readings("wouter lemaitreoelanvital be")[0] == Reading("wouter lemaitreoelanvital be")
    assert readings("indmanokestrelse", slugs("Kestrel Analytics")) == [
        Reading("indmanokestrelse", 0)
    ]
    assert readings("Ideas that travel") == []


def test_a_letter_standing_before_a_surname_is_a_particle_of_it():
    found = local_parts("Harriet Ó Súilleabháin")
    assert {"harriet.osuilleabhain", "harriet_o-suilleabhain", "harriet.suilleabhain"} <= found
    # An initial with its dot is still no part of an address.
    assert not {"bryce.soconnor", "bryce.s-oconnor"} & local_parts("Bryce S. O'Connor")
    assert "bryce.oconnor" in local_parts("Bryce S. O'Connor")


def test_an_address_that_spells_a_surnames_particle_is_kept_as_read():
    read = "harriet.osuilleabhain@orion.co.uk"
    rows = [f"E-mail: {read}", "orion.co.uk/careers"]
    assert reconcile(read, rows, "Harriet Ó Súilleabháin", slugs("Orion Medical"), []) == read


def test_a_word_and_the_dot_after_it_are_not_read_as_one_letter_as_an_initial_and_its_dot_are():
    # `rn` read as `m`: the address has no dot to put back (bjorn.oberhauser is farther).
    read = "bjomoberhauser@brightwater-health.de"
    rows = [f"E-mail: {read}", "brightwater-health.de/careers"]
    webs = ["brightwater-health.de/careers"]
    assert reconcile(read, rows, "Björn C. Oberhäuser", slugs("Brightwater Health"), webs) == (
        "bjornoberhauser@brightwater-health.de"
    )


def test_a_label_run_into_the_address_is_no_part_of_it():
    # `Email alistair…` read with its space and two letters lost.
    read = "emaialitairpemberton-hale@meridian-partners.co.uk"
    rows = [read, "www.meridian-partners.co.uk"]
    webs = ["www.meridian-partners.co.uk"]
    name, orgs = "Alistair Pemberton-Hale", slugs("Meridian Partners")
    assert reconcile(read, rows, name, orgs, webs) == (
        "alistairpemberton-hale@meridian-partners.co.uk"
    )
    # A first name that begins as a label does (Maïlys is no `mail` run into `ys`).
    read = "mailys.roux@acme.fr"
    assert reconcile(read, [read], "Maïlys Roux", slugs("Acme"), ["www.acme.fr"]) == read


@pytest.mark.parametrize(
    ("read", "row", "country", "webs", "email"),
    [
        # A real ending, one look-alike letter off the phone number's country's (`.ni`, `.nl`).
        ("joost@atlas.ni", "joost@atlas.ni", "NL", [], "joost@atlas.nl"),
        # A real ending, the country's less its last label (`.co`, `.co.uk`): the address cut
        # short by a website read with its last dot lost (`blue-harbor.co uk`).
        (
            "ali@blue-harbor.co",
            "ali@blue-harbor.co.uk",
            "GB",
            ["blue-harbor.co"],
            "ali@blue-harbor.co.uk",
        ),
        # The same ending on the card's website, or no phone number: left as read.
        ("joost@atlas.ni", "joost@atlas.ni", "NL", ["www.atlas.ni"], "joost@atlas.ni"),
        ("joost@atlas.ni", "joost@atlas.ni", None, [], "joost@atlas.ni"),
        # `.com` is no `.com.tr` cut short.
        ("sukru@polaris.com", "sukru@polaris.com", "TR", [], "sukru@polaris.com"),
    ],
)
def test_a_real_ending_next_to_the_phone_numbers_countrys_is_taken_for_it(
    read, row, country, webs, email
):
    name = {"j": "Joost Bakker", "a": "Ali Reid", "s": "Şükrü Güneş"}[read[0]]
    company = read.partition("@")[2].partition(".")[0].replace("-", " ")
    assert reconcile(read, [f"E-mail: {row}"], name, slugs(company), webs, country) == email


@pytest.mark.parametrize(
    ("read", "email"),
    [
        ("liam@mall.kestrel.ca", "liam@mail.kestrel.ca"),  # an office's label misread
        ("liam@maii.kestrel.ca", "liam@mail.kestrel.ca"),
        ("liam@corp.kestrel.ca", "liam@corp.kestrel.ca"),  # a label addresses use stays
        ("liam@dev.kestrel.ca", "liam@dev.kestrel.ca"),  # as does one no label is near
        ("liam@kestrel.ca", "liam@kestrel.ca"),
    ],
)
def test_a_label_before_the_company_s_name_one_letter_off_an_office_s_is_that_office_s(read, email):
    head = [("Liam Dubois", 2.0), "Data Engineer", "Kestrel Analytics Inc.", "T 416 555 0199"]
    lines = lines_from_text([*head, read, "www.kestrel.ca"])
    assert find_fields(lines, "CA").email == email


def test_with_no_address_read_the_candidates_own_endings_and_com_are_tried_unconfirmed():
    allowed, confirmed = hosts(None, [], slugs("Blue Harbor Logistics B.V."), home="NL")
    assert {"blueharborlogistics.nl", "blue-harbor.com", "blueharbor.co.nl"} <= allowed
    assert not confirmed  # a guess: only what the recogniser saw may take it
    # An address read keeps to its own ending: nothing is guessed beside it.
    allowed, _ = hosts("blueharbor.de", [], slugs("Blue Harbor B.V."), home="NL")
    assert not any(host.endswith((".nl", ".com")) for host in allowed)


def test_a_guessed_ending_alone_puts_no_address_together():
    # The phone number lost, no ending anywhere: the candidate's country is no witness enough
    # for the letters alone (the recogniser's frames may still find it, see test_card_frames).
    rows = ["wouter.lemaitreelanvital"]
    name, company = "Wouter Lemaître", slugs("Élan Vital NV")
    assert reconcile(None, rows, name, company, [], None) is None
    assert candidates(None, rows, name, company, [], None, "BE")  # but they are weighed


def test_an_ending_no_domain_has_is_put_right_though_the_company_was_not_found():
    # The company's line lost (read as the email and taken for the company): the domain the
    # address reads is allowed, with the country's ending one look-alike letter off.
    read = "jiricerny@meridian.ez"
    assert reconcile(read, [read], "Jiří Černý", set(), [], "CZ") == "jiricerny@meridian.cz"


@pytest.mark.parametrize("country, home", [("NL", None), (None, "NL")])
def test_an_ending_a_letter_off_the_countrys_own_counts_against_the_address(country, home):
    found = candidates(
        "sjoerdvandijk@ironbridge-capital.ni",
        ["E sjoerdvandijk@ironbridge-capital.ni"],
        "Sjoerd van Dijk",
        slugs("Ironbridge Capital"),
        [],
        country,
        home,
    )
    doubt = {c.email: c.doubt for c in found}
    assert doubt["sjoerdvandijk@ironbridge-capital.nl"] == 0.0
    assert doubt["sjoerdvandijk@ironbridge-capital.ni"] >= 5.0


def test_a_british_number_s_country_gives_the_endings_british_companies_use_not_gb():
    allowed, confirmed = hosts(None, [], slugs("Marlowe & Finch"), "GB", set())
    assert {"marlowefinch.co.uk", "marlowe-finch.uk"} <= confirmed
    assert not any(host.endswith(".gb") for host in allowed)


def test_an_office_s_label_run_into_an_address_misread_past_its_company_is_tried():
    # `@` read as s, and the company's name misread too: eu. is still seen before a word.
    found = candidates(
        None,
        ["harretseu.giaritepeakscttware co.uk"],
        "Harriet Ashworth",
        slugs("Granite Peak Software plc"),
        ["www.groniteocoksoftwore.co.uk"],
        "GB",
    )
    best = min(found, key=lambda c: c.cost)
    assert best.email == "harriet@eu.granitepeaksoftware.co.uk"
    assert best.doubt == 0.0


def test_an_office_s_label_is_not_tried_where_no_reading_has_one():
    found = candidates(
        None,
        ["harretsgiaritepeakscttware co.uk"],
        "Harriet Ashworth",
        slugs("Granite Peak Software plc"),
        ["www.granitepeaksoftware.co.uk"],
        "GB",
    )
    assert not any("@eu." in c.email for c in found)


def test_an_ending_any_letter_off_the_numbers_country_is_its_where_the_website_is_misread_too():
    # `.ck` beside a Danish number, the website's name misread in the same small print.
    read = "joergen@atlas-freight.ck"
    webs = ["www.atias-freight.ck"]
    company = slugs("ATLAS FREIGHT")
    assert reconcile(read, [read], "Jørgen Mølgaard", company, webs, "DK") == (
        "joergen@atlas-freight.dk"
    )
    # The website read whole with that ending confirms it; and without the card's number, only
    # a look-alike letter (not any) is the candidate's own country's.
    assert reconcile(read, [read], "Jørgen Mølgaard", company, ["www.atlas-freight.ck"], "DK") == (
        read
    )
    found = candidates(read, [read], "Jørgen Mølgaard", company, webs, None, "DK")
    assert min(found, key=lambda c: c.cost).email == read


@pytest.mark.parametrize(
    ("suffix", "country", "national"),
    [
        # The country's two letters after a second-level label (`co.`, `com.`), one misread.
        (".co.tk", "GB", ".co.uk"),
        (".com.tk", "TR", ".com.tr"),
        (".ck", "DK", ".dk"),
        # Near misses: both letters off, the label before them another, the country's own.
        (".co.za", "GB", None),
        (".org.tk", "GB", None),
        (".co.uk", "GB", None),
    ],
)
def test_the_countrys_two_letters_misread_after_a_second_level_label_are_the_countrys(
    suffix, country, national
):
    assert _national_near(suffix, country, True) == national


def test_a_second_level_ending_misread_on_the_website_and_the_email_is_the_numbers_countrys():
    # `.co.ok` on the email, `.co.tk` on the website (its name misread too), a British number.
    read = "eteanoroshworth@polarisengincering.co.ok"
    rows = [f"E.-mail: {read}"]
    company, webs = slugs("POLARIS ENGINEERING PLC"), ["www.polarisongineering.co.tk"]
    assert reconcile(None, rows, "Eleanor Ashworth", company, webs, "GB") == (
        "eleanorashworth@polarisengineering.co.uk"
    )


def test_no_address_read_a_misread_websites_ending_a_letter_off_the_numbers_country_is_its():
    allowed, confirmed = hosts(None, ["www.verdantenargy.sn"], slugs("Verdant Energy"), "SE")
    assert "verdantenergy.se" in confirmed
    assert "verdantenergy.sn" in allowed - confirmed


def test_a_website_read_whole_but_its_ending_gives_way_to_the_number_s_country_on_the_email():
    # `.lk` on the website, `.dk` where the email's `@` was lost, a Danish number: two readings
    # of the same small print, and the number says which is right.
    rows = ["kasper.holmvintershipping.dk"]
    company, webs = slugs("Vinter Shipping ApS"), ["www.vintershipping.lk"]
    assert reconcile(None, rows, "Kasper Holm", company, webs, "DK") == (
        "kasper.holm@vintershipping.dk"
    )
    # Without the number's country on the email's line, the website's ending stands.
    rows = ["kasper.holmvintershipping.lk"]
    assert reconcile(None, rows, "Kasper Holm", company, webs, "DK") == (
        "kasper.holm@vintershipping.lk"
    )


@pytest.mark.parametrize(
    ("row", "email"),
    [
        # An office's label run into the company's name, its dot and the `@` before it lost.
        ("kasper.holmBeuvintershipping.dk", "kasper.holm@eu.vintershipping.dk"),
        ("kasper.holm@vintershipping.dk", "kasper.holm@vintershipping.dk"),
        # A name ending as a label does (Mathieu) is no label before the company's name.
        ("mathieuvintershipping.dk", "mathieu@vintershipping.dk"),
    ],
)
def test_an_office_s_label_run_into_the_company_s_name_without_its_dot_is_tried(row, email):
    name = "Mathieu Roux" if row.startswith("mathieu") else "Kasper Holm"
    company, webs = slugs("Vinter Shipping ApS"), ["www.vintershipping.dk"]
    read = row if "@" in row else None
    assert reconcile(read, [row], name, company, webs, "DK") == email


@pytest.mark.parametrize(
    ("company", "site", "read", "email"),
    [
        # The company's line misread (RN for M, IIE for NE): the website and the email's own
        # reading agree on another spelling, which the website confirms.
        (
            "TIDEWATER MARIIIE",
            "www.tidewatermarine.nl",
            "ilse.maas@tidewatermarlne.nl",
            "ilse.maas@tidewatermarine.nl",
        ),
        # The website misread instead: the email's reading is the company's, which stands.
        (
            "Tidewater Marine",
            "www.tidewatenmarlne.nl",
            "ilse.maas@tidewatermarime.nl",
            "ilse.maas@tidewatermarine.nl",
        ),
    ],
)
def test_of_a_company_and_a_website_a_few_letters_apart_the_email_s_reading_says_which(
    company, site, read, email
):
    assert reconcile(read, [read], "Ilse Maas", slugs(company), [site], "NL") == email


def test_a_line_labelled_as_the_email_is_no_company_though_no_address_parses_in_it():
    # `@` read as a letter and the company's name misread in it, as in the website under it:
    # the line still says it is the email's, and the company is the line that names it.
    card = find_fields(
        lines_from_text(
            [  # the contact block at the top, the person and the company under it
                "qiuntelaazulejos.pt/equipa",
                "Gestora de Projetos",
                "E-mail: benedita_quaresmaGqiuntelaazulejos.pt",
                "Telefone 22 614 3097",
                ("Benedita Quaresma", 1.6),
                ("Quintela Azulejos Lda.", 1.6),
            ]
        ),
        "PT",
    )
    assert (card.company, card.email) == (
        "Quintela Azulejos Lda.",
        "benedita_quaresma@quintelaazulejos.pt",
    )


@pytest.mark.parametrize("text", ["Mail Boxes Etc.", "Mel J.Harrow", "Posta Verde S.r.l."])
def test_a_text_that_only_starts_like_an_email_label_is_still_text(text):
    from followup.adapters.cards.fields import _is_text

    assert _is_text(text)


@pytest.mark.parametrize(
    ("name", "local"),
    [
        ("Ægir Þórsson", "aegir.thorsson"),
        ("Đorđe Đurić", "dorde.duric"),
        ("Işıl Yıldız", "isil.yildiz"),
        ("Łucja Wałęsa", "lucja.walesa"),
        ("Henrik Ørbæk", "henrik.orbaek"),
        ("Jörg Straßmann", "jorg.strassmann"),
        ("Zoë Œhlenschläger", "zoe.oehlenschlager"),
    ],
)
def test_a_name_with_letters_that_do_not_decompose_gives_them_as_addresses_write_them(name, local):
    """The card reader folds names as every key is folded (domain/folding.py): a capital
    Æ, Đ, Þ or Œ is no letter lost (`gir.orsson` for Ægir Þórsson, `orde.uric` beside Đorđe
    Đurić)."""
    assert local in local_parts(name)


@pytest.mark.parametrize(
    ("read", "name", "right"),
    [
        ("aegir.thorssom@vatn.is", "Ægir Þórsson", "aegir.thorsson@vatn.is"),
        ("dorde.durlc@most.rs", "Đorđe Đurić", "dorde.duric@most.rs"),
        ("henrik.orbaak@hav.dk", "Henrik Ørbæk", "henrik.orbaek@hav.dk"),
    ],
)
def test_an_email_misread_is_put_right_by_a_name_with_such_letters(read, name, right):
    from followup.adapters.cards.email_repairs import checked_email

    assert checked_email(read, name) == right


# --- a reading nothing confirms, beside an address the card confirms whole -----------------------


def _card(lines: list[str], region: str):
    return find_fields(lines_from_text(lines), region)


_KRUEGER = ["Solvay Chimie KG", "Lühr C. Krüger", "Leiterin Personalentwicklung", "T +49 30 652501"]


@pytest.mark.parametrize(
    ("lines", "region", "email"),
    [
        # `@` read as é, u as a, h as l, o as a, hi as l: no word of the name or the company.
        ([*_KRUEGER, "Enveii lalrésalvay-clmnie.de"], "DE", "luhr@solvay-chimie.de"),
        # `@` read as ã, the website misread too; the company's line under the contacts.
        (
            [
                "Inês Araújo",
                "Head of Talent Acquisition",
                "Office: +351.21.284.1861",
                "tes_cro ujaãsofron-hospitollty-gruup.pt",
                "wwvsa/fron-hospitality-group-pe",
                "Saffron Hospitality Group S.A.",
            ],
            "PT",
            "ines_araujo@saffron-hospitality-group.pt",
        ),
    ],
    ids=["krueger", "araujo"],
)
def test_a_reading_nothing_confirms_gives_way_to_an_address_the_card_confirms_further_off(
    lines, region, email
):
    card = _card(lines, region)
    assert card.email == email
    assert card.confidence["email"] == 0.69  # put right: not claimed as sure as a clean reading


@pytest.mark.parametrize(
    "line",
    [
        "E-Mail: recruiting@talentbridge.io",  # an agency's address: nothing of it is the card's
        "info@chemiepark-hoechst.de",  # the site's, not the company's
        "personal@solvay-chimie.de",  # the department's, at the company's domain
        "lkrueger@chimiepark.de",  # the name's, at another domain
    ],
)
def test_an_address_read_clean_that_the_card_does_not_confirm_is_kept(line):
    card = _card([*_KRUEGER, line], "DE")
    assert card.email == line.rpartition(" ")[2]
    assert card.confidence["email"] == 0.98


def test_a_letter_with_a_mark_read_for_the_at_sign_costs_what_a_round_letter_does():
    def cost(row: str) -> float:
        found = candidates(None, [row], "Lühr Krüger", {"solvay-chimie"}, [], "DE")
        return min(c.cost for c in found if c.email == "luhr@solvay-chimie.de")

    assert cost("luhrésolvay-chimie.de") == cost("luhrasolvay-chimie.de") == 0.5
    assert cost("luhrxsolvay-chimie.de") == 1.0


@pytest.mark.parametrize(
    ("lines", "region", "email"),
    [
        # No address read (its `@` lost), and the ending seen at the end of its line a real
        # one a letter off the phone number's country's (`.ne` beside a Dutch number, `.pe`
        # beside a Polish one): the country's.
        (
            [
                ("Lumière Conseil B.V.", 1.2),
                ("Sjoerd van der Berg", 1.8),
                "Accountmanager",
                "Phone +31 10 160 3422",
                "E-mail s vanderbergOlumiereconseil ne",
                "wew kamsereconsel.né",
            ],
            "NL",
            "s.vanderberg@lumiereconseil.nl",
        ),
        (
            [
                "Kowalski Logistyka Sp. z o.o.",
                ("Piotr Zieliński", 1.8),
                "Kierownik Sprzedaży",
                "tel. +48 12 392 87 14",
                "piotr zielinskiOkowalskilogistyka pe",
            ],
            "PL",
            "piotr.zielinski@kowalskilogistyka.pl",
        ),
        # Near misses: no number on the card, an ending two letters off the country's (`.be`
        # beside a Dutch number), `.com`: as seen.
        (
            ["Brightwater B.V.", ("Anouk de Vries", 1.8), "anouk devriesObrightwater ne"],
            "NL",
            "anouk.devries@brightwater.ne",
        ),
        (
            [
                "Brightwater B.V.",
                ("Anouk de Vries", 1.8),
                "T 010 160 3422",
                "anouk devriesObrightwater be",
            ],
            "NL",
            "anouk.devries@brightwater.be",
        ),
        (
            [
                "Brightwater B.V.",
                ("Anouk de Vries", 1.8),
                "T 010 160 3422",
                "anouk devriesObrightwater com",
            ],
            "NL",
            "anouk.devries@brightwater.com",
        ),
    ],
)
def test_an_ending_seen_a_letter_off_the_numbers_country_is_the_countrys(lines, region, email):
    assert find_fields(lines_from_text(lines), region).email == email


@pytest.mark.parametrize(
    ("lines", "region", "email"),
    [
        # The `l` of a country's ending read as a stroke (`)`, `|`, `1`): the address is found,
        # and its line is no company's.
        (
            [
                ("Castellan Ingeniería", 1.3),
                ("Przemysław Kamiński", 1.8),
                "przemyslawkaminski@castellaningenieria.p)",
                "www.castellaningenieria.pl",
            ],
            "PL",
            "przemyslawkaminski@castellaningenieria.pl",
        ),
        (
            [("Brightwater B.V.", 1.3), ("Anouk de Vries", 1.8), "E: anouk@brightwater.n|"],
            "NL",
            "anouk@brightwater.nl",
        ),
        (
            [("Brightwater B.V.", 1.3), ("Anouk de Vries", 1.8), "E: anouk@brightwater.n1"],
            "NL",
            "anouk@brightwater.nl",
        ),
        # Near misses: an address in brackets, an ending of two letters before a stroke.
        (
            [("Acme GmbH", 1.3), ("Jana Dorn", 1.8), "(jana@acme.de)"],
            "DE",
            "jana@acme.de",
        ),
        (
            [("Brightwater B.V.", 1.3), ("Anouk de Vries", 1.8), "anouk@brightwater.nl|"],
            "NL",
            "anouk@brightwater.nl",
        ),
    ],
)
def test_an_ending_whose_l_was_read_as_a_stroke_is_still_an_address(lines, region, email):
    card = find_fields(lines_from_text(lines), region)
    assert card.email == email
    assert card.company is None or "@" not in card.company


@pytest.mark.parametrize(
    ("name", "line", "email"),
    [
        # The small l of an initial and the dot at its foot read as one capital L.
        ("Lühr Oberhäuser", "E-mail: Loberhaeuser@orion.de", "l.oberhaeuser@orion.de"),
        ("Lucía Fernández", "Lfernandez@castellan.es", "l.fernandez@castellan.es"),
        ("Liam MacDonald", "Email Lmacdonald@kestrel.ca", "l.macdonald@kestrel.ca"),
        # …the rest a letter off the address the name confirms, in four.
        ("Łukasz Wójcik", "Email Lwujcik@olumiereconseil.pl", "l.wojcik@lumiereconseil.pl"),
        ("Lotte Andersen", "Landersem@kestrel.dk", "l.andersen@kestrel.dk"),
        # Near misses: read in small letters, a first name whole, capitals inside, another
        # initial, an address the name does not make with the dot.
        ("Lühr Oberhäuser", "E-mail: loberhaeuser@orion.de", "loberhaeuser@orion.de"),
        ("Lars Berg", "Lars@atlas.se", "lars@atlas.se"),
        ("Lars Berg", "LBerg@atlas.se", "lberg@atlas.se"),
        ("Ines Berg", "Iberg@atlas.se", "iberg@atlas.se"),
        ("Lena Vogt", "Lsales@kestrel.de", "lsales@kestrel.de"),
    ],
)
def test_an_initials_dot_read_with_its_l_as_a_capital_is_put_back(name, line, email):
    company = email.partition("@")[2].partition(".")[0].title()
    card = find_fields(lines_from_text([(name, 1.8), f"{company} Ltd", line]), "GB")
    assert card.email == email


@pytest.mark.parametrize(
    ("name", "company", "line", "email"),
    [
        # No address parsed (its `@` read as `ß`), the email's label `E` run into the capital L.
        (
            "Łukasz Szymańska",
            "Zephyr Aerospace",
            "ELszymanskaßzephyr aerospace pl",
            "l.szymanska@zephyr-aerospace.pl",
        ),
        ("Lotte Berg", "Atlas Freight", "E Lberg atlasfreight.se", "l.berg@atlasfreight.se"),
    ],
)
def test_an_initials_dot_read_as_a_capital_l_is_put_back_where_no_address_parsed(
    name, company, line, email
):
    web = f"www.{email.partition('@')[2]}"
    card = find_fields(lines_from_text([(company, 1.3), (name, 1.8), line, web]), "GB")
    assert card.email == email


@pytest.mark.parametrize(
    ("read", "name", "company", "email"),
    [
        # `v` read as `u` (small print, a narrow face: `qvist` as `quis`), with the rest the
        # name's by look-alikes (`J` for l, `u` for t).
        (
            "mans.jindquisu@zephyr.se",
            "Måns Lindqvist",
            "Zephyr Aerospace",
            "mans.lindqvist@zephyr.se",
        ),
        ("gustau.berg@atlas.se", "Gustav Berg", "Atlas Freight AB", "gustav.berg@atlas.se"),
        # Near misses: an address the name does not make, read clean, stays.
        ("info@atlas.se", "Gustav Berg", "Atlas Freight AB", "info@atlas.se"),
        ("uvsales@atlas.se", "Gustav Berg", "Atlas Freight AB", "uvsales@atlas.se"),
    ],
)
def test_a_v_read_as_u_is_a_look_alike_letter(read, name, company, email):
    assert reconcile(read, [read], name, slugs(company), [], "SE") == email
