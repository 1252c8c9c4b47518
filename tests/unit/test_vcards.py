"""vCard 2.1, 3.0 and 4.0 in, vCard 3.0 out: what phones and address books write, read card by
card; a broken line stops the import with its line number."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from followup.adapters.files.text_lines import DecodedLines
from followup.adapters.files.vcard import VcardReader, read_vcards, write_vcards
from followup.domain.errors import BadInput
from followup.domain.people import Person
from followup.domain.records import Found, Skip

DATA = Path(__file__).parents[1] / "data" / "imports"


def read(name: str) -> list[Found[Person] | Skip]:
    return list(read_vcards(DecodedLines(io.BytesIO((DATA / name).read_bytes()), name)))


def people(records) -> list[Person]:
    return [r.value for r in records if isinstance(r, Found)]


def test_android_vcard_21_with_quoted_printable_and_nameless_parameters():
    records = read("android-contacts.vcf")
    assert people(records) == [
        Person(
            "José Muñoz",
            title="Director Comercial — Zona Centro",
            company="Iberia Ventas S.L.",
            email="JMunoz@Iberia-Ventas.example",
            phone="+34 612 34 56 78",
            source="vcard",
            other_emails=("jose.munoz@correo.example",),
        ),
        Person("Lee Park", email="lee@acme.example", phone="(312) 555-0102", source="vcard"),
        Person("张伟", phone="+86 138 0013 8000", source="vcard"),
    ]
    assert [(r.where, r.reason) for r in records if isinstance(r, Skip)] == [
        ("card 4 (line 32)", "no name and no email address")
    ]


def test_apple_vcard_30_with_groups_preferences_folded_lines_and_a_company_card():
    assert people(read("apple-contacts.vcf")) == [
        Person(
            "Dana Reyes",
            title="Regional Sales Manager",
            company="Acme Corp",
            email="DANA@acme.example",
            phone="+1 (312) 555-0101",
            url="https://www.linkedin.com/in/danareyes",
            source="vcard",
            other_emails=("dana.reyes.home@mailbox.example",),
        ),
        Person(
            "Globex Corporation",
            company="Globex Corporation",
            phone="+1 206 555 0000",
            url="https://globex.example",
            source="vcard",
        ),
        Person(
            "Aurélie Dubois",
            title="VP Sales",
            company="Initech",
            email="aurelie.dubois@initech.example",
            source="vcard",
        ),
    ]


def test_vcard_40_preference_order_and_tel_uris():
    assert people(read("contacts-v4.vcf")) == [
        Person(
            "Minh Nguyễn",
            title="Sales Director",
            company="Globex",
            email="Minh.Nguyen@Globex.example",
            phone="+1-206-555-0142 ext. 102",
            url="https://globex.example/people/minh",
            source="vcard",
            other_emails=("minh.home@mailbox.example",),
        ),
        Person("Pat Kim", company="Globex", email="pat.kim@globex.example", source="vcard"),
    ]


def test_a_broken_line_stops_the_import_naming_the_line():
    with pytest.raises(BadInput) as error:
        read("broken.vcf")
    assert str(error.value) == (
        "broken.vcf: line 11: expected a vCard line like NAME:value, got 'this line lost its "
        "property name'"
    )


def test_a_file_with_no_card_is_refused():
    with pytest.raises(BadInput, match=r"^x.vcf: expected vCards \(BEGIN:VCARD … END:VCARD\)"):
        list(read_vcards(DecodedLines(io.BytesIO(b"\r\n\r\n"), "x.vcf")))


def test_a_calendar_is_not_a_vcard():
    raw = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    with pytest.raises(
        BadInput, match=r"^x.vcf: line 1: expected BEGIN:VCARD, got BEGIN:VCALENDAR"
    ):
        list(read_vcards(DecodedLines(io.BytesIO(raw), "x.vcf")))


def test_the_export_is_vcard_30_that_reads_back_the_same():
    everyone = [
        Person(
            "José Muñoz",
            title="Director Comercial, Zona Centro",
            company="Iberia Ventas S.L.",
            email="jmunoz@iberia-ventas.example",
            phone="+34 612 34 56 78",
            url="https://www.linkedin.com/in/josemunoz",
            source="vcard",
            other_emails=("jose@correo.example",),
        ),
        Person("Lee Park", company="Acme Corp", source="linkedin"),
    ]
    out = io.StringIO()
    assert write_vcards(everyone, out) == 2
    text = out.getvalue()
    assert text.count("BEGIN:VCARD\r\nVERSION:3.0\r\n") == 2
    assert "N:Muñoz;José;;;\r\n" in text
    assert "TITLE:Director Comercial\\, Zona Centro\r\n" in text
    back = people(read_vcards(DecodedLines(io.BytesIO(text.encode()), "out.vcf")))
    assert back == [
        Person(p.name, p.title, p.company, p.email, p.phone, p.url, "vcard", p.other_emails)
        for p in everyone
    ]


def test_the_reader_claims_vcards_in_utf8_and_utf16():
    reader = VcardReader()
    assert reader.sniff(b"\xef\xbb\xbfBEGIN:VCARD\r\n", "a.vcf")
    assert reader.sniff("BEGIN:VCARD\r\n".encode("utf-16"), "a.vcf")
    assert not reader.sniff(b"BEGIN:VCALENDAR\r\n", "a.ics")


def test_a_hundred_thousand_cards_are_read_one_at_a_time():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nN:{n};Person;;;\r\n"
        "EMAIL:p{n}@acme.example\r\nEND:VCARD\r\n"
    )

    class Cards(io.RawIOBase):
        def __init__(self, count: int) -> None:
            self.left = count
            self.pending = b""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            while not self.pending and self.left:
                self.pending = card.format(n=self.left).encode()
                self.left -= 1
            n = min(len(buffer), len(self.pending))
            buffer[:n] = self.pending[:n]
            self.pending = self.pending[n:]
            return n

    stream = Cards(2000)
    records = read_vcards(DecodedLines(io.BufferedReader(stream), "many.vcf"))
    first = next(records)
    assert first == Found(
        "card 1 (line 1)", Person("Person 2000", email="p2000@acme.example", source="vcard")
    )
    assert stream.left > 1000  # the rest is still unread
    assert sum(1 for _ in records) == 1999


def test_properties_not_kept_are_passed_over_however_their_value_goes_on():
    raw = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Kim;Pat\r\nFN:Pat Kim\r\n"
        # vCard 2.1 base64 without folding, up to a blank line (old Outlook, feature phones)
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n"
        "AAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a\r\n"
        "\r\n"
        # a quoted-printable note whose soft-broken lines hold colons
        "NOTE;ENCODING=QUOTED-PRINTABLE:Call at 10:30 about the new =\r\n"
        "territories: north=3D1, south=3D2=0D=0AThen: lunch\r\n"
        "TEL;CELL:+1 555 0101\r\nEND:VCARD\r\n"
    )
    records = list(read_vcards(DecodedLines(io.BytesIO(raw.encode()), "x.vcf")))
    assert people(records) == [Person("Pat Kim", phone="+1 555 0101", source="vcard")]


def test_a_broken_line_is_refused_even_in_a_property_not_kept():
    raw = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nNOTE this: broken\r\nEND:VCARD\r\n"
    with pytest.raises(BadInput, match=r"^x.vcf: line 4: expected a vCard line like NAME:value"):
        list(read_vcards(DecodedLines(io.BytesIO(raw), "x.vcf")))


def test_outlooks_vcard_21_in_windows_1252_with_a_byte_order_mark():
    raw = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de:Müller;Jürgen\r\nFN:Jürgen Müller\r\n"
        "ORG:Müller & Söhne GmbH;Vertrieb\r\nTITLE:Verkaufsleiter\r\n"
        "TEL;WORK;VOICE:+49 30 1234567\r\n"
        "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Hauptstra=DFe 1=0D=0A=\r\n10115 Berlin\r\n"
        "EMAIL;PREF;INTERNET:j.mueller@mueller-soehne.example\r\n"
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r\nREV:20261201T101500Z\r\nEND:VCARD\r\n"
    ).encode("cp1252")
    records = list(read_vcards(DecodedLines(io.BytesIO(b"\xef\xbb\xbf" + raw), "o.vcf")))
    assert people(records) == [
        Person(
            "Jürgen Müller",
            title="Verkaufsleiter",
            company="Müller & Söhne GmbH",
            email="j.mueller@mueller-soehne.example",
            phone="+49 30 1234567",
            source="vcard",
        )
    ]


def test_quoted_printable_without_a_charset_is_utf8_or_else_windows_1252():
    """The Bat! and Outlook Express write quoted-printable in the Windows code page and say no
    CHARSET; phones write UTF-8 and say none either. A soft break may split the value."""
    assert people(read("thebat-contacts.vcf")) == [
        Person(
            "Jürgen Müller",
            title="Geschäftsführer und Personalleiter für die Filialen in Köln und Düsseldorf",
            company="Bäckerei Groß GmbH",
            email="juergen.mueller@baeckerei-gross.example",
            source="vcard",
        ),
        Person("Antonín Dvořák", email="antonin@dvorak.example", source="vcard"),
    ]


def test_utf16_without_a_byte_order_mark_is_read_and_recognised():
    raw = (DATA / "utf16-nobom-contacts.vcf").read_bytes()
    assert VcardReader().sniff(raw, "utf16-nobom-contacts.vcf")
    assert people(read("utf16-nobom-contacts.vcf")) == [
        Person(
            "Søren Østergård",
            title="Udviklingschef",
            company="Nørre Data A/S",
            email="soren@norre-data.example",
            phone="+45 20 12 34 56",
            source="vcard",
        )
    ]


def test_a_fax_is_never_the_phone_and_a_pager_only_when_there_is_nothing_else():
    """Roundcube's vCards made from Google data list the pager and the fax first
    (`TEL;TYPE=pager`, `TEL;TYPE=homefax`); Outlook and Android write `TEL;WORK;FAX` before the
    mobile; a vCard 4.0 may prefer its fax. The phone to call is a voice line."""
    assert [(p.name, p.phone) for p in people(read("fax-beside-phones.vcf"))] == [
        ("Ilse Hartmann", "+49 30 5550 1200"),
        ("Chidi Okafor", "+234 803 555 0101"),
        ("Aino Virtanen", ""),
        ("Rui Costa", "+351 21 555 0400"),
        ("Mei Lin", "+852-5550-0501"),
    ]


def test_a_file_cut_short_inside_a_card_says_so_and_where_the_card_begins():
    """An address book whose copy stopped in the middle of a card's photo (Apple Contacts' folded
    base64): vobject's own words ("At line 6: Component VCARD was never closed") named two
    lines, neither the card's; the line says what is wrong and where the cut card starts."""
    with pytest.raises(BadInput) as error:
        read("truncated-contacts.vcf")
    assert str(error.value) == (
        "truncated-contacts.vcf: expected END:VCARD for the BEGIN:VCARD of line 8: the file is "
        "cut short (truncated)"
    )


def test_a_group_of_contacts_is_no_person():
    """Apple's address books export their groups as cards (`X-ADDRESSBOOKSERVER-KIND:group` with
    `X-ADDRESSBOOKSERVER-MEMBER` lines, as sabre/vobject's converter tests show), vCard 4.0 as
    `KIND:group`: they became people called "Recruiters" or "Interview panel"."""
    records = read("contact-groups.vcf")
    assert [(p.name, p.email) for p in people(records)] == [
        ("Femke Achterberg", "femke@polderlicht.example"),
        ("Joost de Vries", "joost@polderlicht.example"),
    ]
    assert [(r.where, r.reason) for r in records if isinstance(r, Skip)] == [
        ("card 2 (line 12)", "a group of contacts (KIND:group), not a person"),
        ("card 3 (line 22)", "a group of contacts (KIND:group), not a person"),
    ]


def test_a_utf8_value_a_phone_cut_inside_a_character_loses_that_character_only():
    """Android writes long quoted-printable values cut at a byte count, sometimes inside a
    character (CardMe's Android sample, kept in ez-vcard's tests, ends its ORG on a lone `=80`
    after a soft break). The one broken character is dropped; the rest of the card and the other
    cards of the phone's address book come in."""
    assert people(read("android-cut-utf8.vcf")) == [
        Person(
            "Lucía Ortega",
            email="lucia.ortega@alba-rrhh.example",
            phone="+34 655 12 34 56",
            source="vcard",
        ),
        Person(
            "Íñigo Zubizarreta Etxeberria",
            title="Jefe de Selección",
            company="Servicios Logísticos Peñalara y Asociados Compañ",
            email="inigo.zubizarreta@penalara-log.example",
            phone="+34 944 00 11 22",
            source="vcard",
        ),
        Person("Hana Sato", email="hana.sato@correo.example", source="vcard"),
    ]


def test_a_card_whose_begin_line_is_missing_is_refused_naming_the_line():
    raw = (
        b"VERSION:3.0\r\nFN:Dana Reyes\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee\r\nEND:VCARD\r\n"
    )
    with pytest.raises(BadInput) as error:
        list(read_vcards(DecodedLines(io.BytesIO(raw), "x.vcf")))
    assert (
        str(error.value) == "x.vcf: line 1: expected BEGIN:VCARD to open a card, got 'VERSION:3.0'"
    )


def test_a_line_between_cards_is_refused_naming_its_line():
    raw = (
        b"\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee\r\nEND:VCARD\r\n\r\nFN:Kim Ito\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nEND:VCARD\r\n"
    )
    with pytest.raises(BadInput) as error:
        list(read_vcards(DecodedLines(io.BytesIO(raw), "x.vcf")))
    assert (
        str(error.value) == "x.vcf: line 7: expected BEGIN:VCARD to open a card, got 'FN:Kim Ito'"
    )


def test_blank_lines_around_cards_are_no_stray_lines():
    raw = b"\r\n\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee\r\nEND:VCARD\r\n\r\n\r\n"
    found = list(read_vcards(DecodedLines(io.BytesIO(raw), "x.vcf")))
    assert [f.value.name for f in found] == ["Lee"]


@pytest.mark.parametrize(
    ("head", "name", "claimed"),
    [
        (b"VERSION:3.0\r\nFN:Dana\r\n", "contacts.vcf", True),  # its BEGIN:VCARD is missing
        (b"item1.EMAIL;type=INTERNET:d@x.example\r\n", "a.VCARD", True),
        (b"VERSION:3.0\r\nFN:Dana\r\n", "contacts.txt", False),  # not named as vCards
        (b"Name,Email\r\nDana,d@x.example\r\n", "contacts.vcf", False),  # a CSV misnamed
    ],
)
def test_a_file_named_as_vcards_that_opens_with_a_property_is_claimed(head, name, claimed):
    assert VcardReader().sniff(head, name) is claimed


def test_raw_8bit_values_without_a_charset_are_utf8_first_card_by_card():
    """Android's exporter writes vCard 2.1 in UTF-8 with no CHARSET, old Nokia and Outlook ones
    in the Windows code page: a file made of both (merged address books) reads each value as
    UTF-8 when its bytes are UTF-8, as Windows-1252 only when they are not. Quoted-printable
    without a CHARSET the same way."""
    assert [(p.name, p.title, p.company) for p in people(read("mixed-8bit-21.vcf"))] == [
        ("Bjørn Løkke", "", "Fjordkraft Salg AS"),
        ("José Núñez", "Director de Ventas", "Cerámicas Peñíscola S.L."),
        ("Paweł Wróblewski", "Kierownik sprzedaży", ""),
        ("Renée Chérif", "", ""),
        ("María Ibáñez", "", ""),
        ("Åse Sørensen", "Salgssjef", ""),
    ]


def _read_text(text: str) -> list[Found[Person] | Skip]:
    return list(read_vcards(DecodedLines(io.BytesIO(text.encode()), "contacts.vcf")))


def test_a_comma_gmail_leaves_unescaped_is_part_of_the_name_and_the_title():
    """Gmail writes FN and TITLE with their commas unescaped and the colon of a link escaped;
    vobject alone would cut the name at the comma ("Reyes") and keep the backslash."""
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Reyes, Dana\r\nN:Reyes;Dana;;;\r\n"
        "TITLE:Head of Sales, EMEA\r\nURL:http\\://www.acme.example/dana\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Okafor, Ngozi, MBA\r\nN:Okafor;Ngozi;;;\r\n"
        "TITLE:Director,\r\n  Trade Marketing\r\nEND:VCARD\r\n"
    )
    assert people(_read_text(text)) == [
        # filed family name first, the name is the one N gives in order
        Person(
            "Dana Reyes",
            title="Head of Sales, EMEA",
            url="http://www.acme.example/dana",
            source="vcard",
        ),
        # more than N's words: the name as written, whole
        Person("Okafor, Ngozi, MBA", title="Director, Trade Marketing", source="vcard"),
    ]


def test_parameter_values_in_lowercase_and_an_unknown_charset_are_read():
    """RFC 2426 and 6350 make a parameter's value case-insensitive; a CHARSET no one knows is
    read as a value without one is (UTF-8, else Windows-1252), not the whole file refused."""
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;encoding=quoted-printable:Andr=C3=A9 Dupont\r\n"
        "EMAIL:andre@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;charset=utf-8;encoding=quoted-printable:Ren=C3=\r\n"
        "=A9e Duval\r\nEMAIL:renee@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=x-bogus;ENCODING=QUOTED-PRINTABLE:Asha=20Juma\r\n"
        "TEL;CELL:0712345699\r\nEND:VCARD\r\n"
    )
    assert people(_read_text(text)) == [
        Person("André Dupont", email="andre@example.com", source="vcard"),
        Person("Renée Duval", email="renee@example.com", source="vcard"),
        Person("Asha Juma", phone="0712345699", source="vcard"),
    ]


def test_the_export_files_a_person_by_their_family_name_as_a_name_parser_reads_it():
    out = io.StringIO()
    write_vcards(
        [
            Person("Rashmi Nayak, MSc, MBA", source="linkedin"),
            Person("Jose Manalastas Jr.", source="card"),
            Person("Dr. Amaka Obi", source="card"),
            Person("Madonna", source="card"),
        ],
        out,
    )
    names = [line for line in out.getvalue().split("\r\n") if line.startswith("N:")]
    assert names == [
        "N:Nayak;Rashmi;;;MSc\\, MBA",
        "N:Manalastas;Jose;;;Jr.",
        "N:Obi;Amaka;;Dr.;",
        "N:;Madonna;;;",
    ]
