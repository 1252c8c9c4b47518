"""CSV files from other tools: recognised by their header, whatever their encoding and separator,
read row by row — and refused in one line when they are not what they claim."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from followup.adapters.files.dates import DateReader, NoSuchDate
from followup.adapters.files.tables import (
    TableReader,
    open_table,
    parse_mapping,
    read_applications,
    read_people,
    stage_of,
)
from followup.adapters.files.text_lines import DecodedLines
from followup.domain.application import Application
from followup.domain.errors import BadInput, InvalidField
from followup.domain.people import Person
from followup.domain.records import Found, Skip
from followup.services.ports import ImportOptions, ImportSource, NoProgress

DATA = Path(__file__).parents[1] / "data" / "imports"


def lines(raw: bytes, name: str = "file.csv", **limits: int) -> DecodedLines:
    return DecodedLines(io.BytesIO(raw), name, **limits)


def table_of(name: str, kind: str | None = None, mapping: dict[str, str] | None = None):
    return open_table(lines((DATA / name).read_bytes(), name), kind, mapping)


def values(records):
    return [r.value for r in records if isinstance(r, Found)]


def skips(records):
    return [(r.where, r.reason) for r in records if isinstance(r, Skip)]


def test_linkedin_connections_are_found_past_the_notes_preamble():
    table = table_of("Connections.csv")
    assert (table.kind, table.layout, table.delimiter) == (
        "linkedin",
        "LinkedIn Connections.csv",
        ",",
    )
    records = list(read_people(table))
    assert values(records) == [
        Person(
            "Dana Reyes",
            title="Regional Sales Manager",
            company="Acme Corp",
            email="dana@acme.example",
            url="https://www.linkedin.com/in/danareyes",
            source="linkedin",
        ),
        Person(
            "Lee Park",
            title="HR Generalist",
            company="Acme Corp",
            url="https://www.linkedin.com/in/lee-park-hr",
            source="linkedin",
        ),
        Person(
            "José Muñoz",
            title="Director Comercial, Zona Centro",
            company="Iberia Ventas, S.L.",
            url="https://www.linkedin.com/in/josemunoz",
            source="linkedin",
        ),
        Person(
            "Aurélie Dubois",
            title="VP Sales, North America",
            company="Initech",
            url="https://www.linkedin.com/in/aurelie-dubois-123abc",
            source="linkedin",
        ),
        Person("Jordan O'Neil", url="https://www.linkedin.com/in/jordanoneil", source="linkedin"),
    ]
    assert skips(records) == [("line 9", "no name and no email address")]


def test_google_contacts_current_layout_with_bom_multi_values_and_a_newline_in_a_cell():
    table = table_of("google-contacts.csv")
    assert (table.kind, table.layout) == (
        "google",
        "Google Contacts CSV (Google CSV or Outlook CSV)",
    )
    records = list(read_people(table))
    assert values(records)[0] == Person(
        "Dana Reyes",
        title="Regional Sales Manager",
        company="Acme Corp",
        email="dana@acme.example",
        phone="+1 312-555-0101",
        url="https://www.linkedin.com/in/danareyes",
        source="google",
        other_emails=("Dana.Reyes@acme-corp.com", "dana.reyes.home@mailbox.example"),
    )
    assert [p.name for p in values(records)] == ["Dana Reyes", "Björn Ångström", "Globex"]
    assert skips(records) == [("line 5", "no name and no email address")]


def test_google_contacts_outlook_csv_layout_with_every_cell_quoted():
    records = values(read_people(table_of("google-contacts-outlook.csv")))
    assert records == [
        Person(
            "Minh Nguyễn",
            title="Sales Director",
            company="Globex",
            email="minh.nguyen@globex.example",
            phone="+1 206 555 0143",
            source="google",
            other_emails=("minh.home@mailbox.example",),
        ),
        # no mobile phone: the business phone
        Person(
            "Pat Kim",
            company="Globex",
            email="pat.kim@globex.example",
            phone="+1 206 555 0100",
            source="google",
        ),
    ]


def test_google_contacts_legacy_layout_in_utf16():
    source = lines((DATA / "google-contacts-legacy.csv").read_bytes())
    table = open_table(source)
    assert (table.kind, source.encoding) == ("google", "utf-16-le")
    assert values(read_people(table)) == [
        Person(
            "Lee Park",
            title="HR Generalist",
            company="Acme Corp",
            email="LEE@acme.example",
            phone="(312) 555-0102",
            source="google",
        ),
        Person(
            "Siobhán Ní Bhriain",
            title="Account Director",
            company="Initech",
            email="siobhan@mailbox.example",
            url="https://www.linkedin.com/in/siobhan",
            source="google",
            other_emails=("s.nibhriain@initech.example",),
        ),
    ]


def test_linkedin_job_applications_are_applied_with_their_date():
    table = table_of("Job Applications.csv")
    assert (table.kind, table.layout) == ("applications", "LinkedIn Job Applications.csv")
    assert values(read_applications(table)) == [
        Application(
            "Acme Corp",
            "Account Executive",
            date(2026, 12, 15),
            "http://www.linkedin.com/jobs/view/4012345678",
            "applied",
        ),
        Application(
            "Globex",
            "Enterprise Account Manager",
            date(2026, 12, 2),
            "http://www.linkedin.com/jobs/view/4012345679",
            "applied",
        ),
        Application(
            "Initech, Inc.",
            "Regional Sales Director",
            date(2026, 11, 28),
            "http://www.linkedin.com/jobs/view/4012345680",
            "applied",
        ),
    ]


def test_linkedin_saved_jobs_are_saved_and_not_applied():
    table = table_of("Saved Jobs.csv")
    assert table.layout == "LinkedIn Saved Jobs.csv"
    first = values(read_applications(table))[0]
    assert (first.company, first.role, first.applied, first.stage) == (
        "Hooli",
        "Sales Development Representative",
        None,
        "saved",
    )


def test_huntr_and_teal_exports_are_recognised_by_their_columns_and_stage_words():
    huntr = values(read_applications(table_of("huntr-jobs.csv")))
    assert [(a.company, a.stage, a.applied) for a in huntr] == [
        ("Acme Corp", "interviewing", date(2026, 12, 15)),
        ("Globex", "applied", date(2026, 12, 2)),
        ("Umbrella", "rejected", date(2026, 10, 5)),
        ("Vandelay Industries", "saved", None),
        ("Soylent", "offer", date(2026, 9, 14)),
    ]
    teal = values(read_applications(table_of("teal-job-tracker.csv")))
    assert [(a.company, a.role, a.stage, a.applied) for a in teal] == [
        ("Hooli", "Sales Development Representative", "saved", None),
        ("Acme Corp", "Account Executive", "interviewing", date(2026, 12, 15)),
        ("Initrode", "Inside Sales Rep", "rejected", date(2026, 10, 2)),
        ("Pied Piper", "Account Manager", "withdrawn", date(2026, 9, 3)),
    ]
    assert teal[1].notes == "Panel with Dana and Lee; bring the territory plan"


def test_a_windows_1252_semicolon_spreadsheet_in_french_reads_day_first():
    source = lines((DATA / "suivi-candidatures.csv").read_bytes())
    table = open_table(source)
    records = values(read_applications(table))
    assert (table.delimiter, source.encoding) == (";", "windows-1252")
    assert [(a.company, a.role, a.applied, a.stage) for a in records] == [
        ("Société Générale", "Chargé d'affaires entreprises", date(2026, 12, 3), "applied"),
        ("Danone", "Key Account Manager GMS", date(2026, 11, 14), "interviewing"),
        ("L'Oréal", "Business Developer", date(2026, 10, 2), "rejected"),
        ("Décathlon", "Responsable grands comptes", None, "saved"),
    ]
    assert records[3].notes == "Salaire : 45 k€"


def test_an_unknown_layout_asks_for_a_mapping():
    with pytest.raises(BadInput) as error:
        table_of("pipeline-export.csv")
    assert str(error.value) == (
        "pipeline-export.csv: the columns (Who, What, When, Where it stands, Link, Thoughts) are "
        "not a layout Followup knows: give --mapping FILE, a JSON object from Followup's fields "
        "(company, role, applied, url, stage, notes) to your column names"
    )


def test_a_mapping_reads_any_layout_and_says_what_it_could_not_read():
    mapping = parse_mapping((DATA / "pipeline-mapping.json").read_text(), "m.json")
    table = table_of("pipeline-export.csv", mapping=mapping)
    assert (table.delimiter, table.layout) == ("\t", "your --mapping")
    records = list(read_applications(table))
    assert [(a.company, a.stage, a.notes) for a in values(records)] == [
        ("Acme Corp", "interviewing", ""),
        ("Hooli", "saved", "Warm intro via Lee"),
        ("Vandelay Industries", "", ""),
    ]
    assert skips(records) == [
        (
            "line 4 stage",
            "'called them back' is not a stage Followup knows (imports/stages.json); the row was "
            "imported without it",
        ),
        (
            "line 4 applied",
            "'next week' is not a date Followup can read; the row was imported without it",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "--mapping: expected JSON, Expecting property name enclosed in double "),
        ('["Firm"]', '--mapping: expected a JSON object like {"company": "Firm", "role": "Job"}'),
        ('{"company": "Firm", "salary": "Pay"}', "--mapping: expected fields among company, role"),
        ('{"role": "Job"}', '--mapping: expected a "company" column'),
    ],
)
def test_a_bad_mapping_is_one_clear_line(text, message):
    with pytest.raises(BadInput, match="^" + message.replace("(", r"\(").replace("[", r"\[")):
        parse_mapping(text, "m.json")


def test_a_mapping_naming_a_column_the_file_lacks_says_which_columns_it_has():
    with pytest.raises(InvalidField) as error:
        table_of("pipeline-export.csv", mapping={"company": "Firm"})
    assert str(error.value) == (
        "--mapping company: expected one of the file's columns (Who, What, When, Where it "
        "stands, Link, Thoughts), got 'Firm'"
    )


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_each_separator_is_found(separator):
    raw = separator.join(["Company", "Position", "Status"]) + "\r\n"
    raw += separator.join(["Acme, Inc." if separator != "," else '"Acme, Inc."', "AE", "Applied"])
    table = open_table(lines(raw.encode()))
    assert table.delimiter == separator
    assert values(read_applications(table)) == [Application("Acme, Inc.", "AE", stage="applied")]


def test_a_kind_named_but_not_matching_says_what_was_expected():
    with pytest.raises(BadInput, match=r"expected LinkedIn's Connections.csv \(First Name, Last"):
        table_of("huntr-jobs.csv", kind="linkedin")


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("Wishlist", "saved"),
        ("Bookmarked", "saved"),
        ("Applying", "applied"),
        ("Application submitted", "applied"),
        ("Phone Screen", "interviewing"),
        ("Interview scheduled", "interviewing"),
        ("Negotiating", "offer"),
        ("Offer declined", "withdrawn"),
        ("Application rejected", "rejected"),
        ("Not selected", "rejected"),
        ("No offer", "rejected"),
        ("I Withdrew", "withdrawn"),
        ("Refusé", "rejected"),
        ("Absage", "rejected"),
        ("Entretien RH", "interviewing"),
        ("Beworben", "applied"),
        ("Purple", None),
    ],
)
def test_stage_words_of_other_tools_map_onto_ours(word, stage):
    assert stage_of(word) == stage


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["2026-12-23"], [date(2026, 12, 23)]),
        (["12/23/26, 9:15 AM"], [date(2026, 12, 23)]),
        (["23.12.2026"], [date(2026, 12, 23)]),
        (
            ["23 Dec 2026", "Dec 23, 2026", "1 janvier 2027"],
            [date(2026, 12, 23)] * 2 + [date(2027, 1, 1)],
        ),
        (["03/04/2026", "04/03/2026"], [date(2026, 3, 4), date(2026, 4, 3)]),
        (["46014"], [date(2025, 12, 23)]),
        (["soon", "next week"], [None, None]),
    ],
)
def test_dates_as_spreadsheets_write_them(texts, expected):
    reader = DateReader()  # month first unless told
    assert [reader.read(t) for t in texts] == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "February has no day 30"),
        ("31 Apr 2027", "April has no day 31"),
        ("12/13/2026", "there is no month 13, read day first, as told"),
    ],
)
def test_a_date_that_does_not_exist_is_said_not_passed_over(text, message):
    reader = DateReader(lambda: (True, "day first, as told"))
    with pytest.raises(NoSuchDate) as error:
        reader.read(text)
    assert str(error.value) == message


def import_dates(raw: str, name: str = "jobs.csv", country: str | None = None) -> list:
    source = ImportSource.from_bytes(raw.encode(), name)
    records = TableReader("applications").read(source, NoProgress(), ImportOptions(country=country))
    return [r.value.applied for r in records if isinstance(r, Found)]


ENGLISH = "Company,Position,Date Applied\r\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a later date settles the order of the whole file, the rows before it included
        (["03/11/2026", "04/11/2026", "25/11/2026"], [(11, 3), (11, 4), (11, 25)]),
        (["03/11/2026", "04/11/2026", "11/25/2026"], [(3, 11), (4, 11), (11, 25)]),
        (["2026-11-03", "03/11/2026", "30/11/2026"], [(11, 3), (11, 3), (11, 30)]),
    ],
)
def test_the_file_settles_its_day_and_month_order_once_for_every_row(rows, expected):
    raw = ENGLISH + "".join(f"Firm {i},AE,{r}\r\n" for i, r in enumerate(rows))
    for country in (None, "US", "FR"):  # the file's own evidence wins over the country
        assert [(d.month, d.day) for d in import_dates(raw, country=country)] == expected


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("FR", [(11, 3), (11, 5)]),
        ("gb", [(11, 3), (11, 5)]),
        ("IN", [(11, 3), (11, 5)]),
        ("US", [(3, 11), (5, 11)]),
        ("PH", [(3, 11), (5, 11)]),
        (None, [(3, 11), (5, 11)]),  # no country: a comma-separated file, month first
    ],
)
def test_a_file_whose_dates_read_both_ways_is_read_as_the_candidates_country_writes(
    country, expected
):
    raw = ENGLISH + "Acme Corp,AE,03/11/2026\r\nGlobex,SDR,05/11/2026\r\n"
    assert [(d.month, d.day) for d in import_dates(raw, country=country)] == expected


def test_linkedin_is_read_month_first_as_it_writes_its_dates_whatever_the_country():
    raw = (
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url\r\n"
        '"03/11/26, 9:42 AM",sam@example.com,,Acme Corp,AE,http://www.linkedin.com/jobs/view/1\r\n'
    )
    assert import_dates(raw, "Job Applications.csv", country="FR") == [date(2026, 3, 11)]


def test_an_impossible_date_names_its_line_and_column_and_why_it_was_read_so():
    raw = ENGLISH + "Acme Corp,AE,25/11/2026\r\nGlobex,SDR,11/25/2026\r\n"
    with pytest.raises(BadInput) as error:
        import_dates(raw)
    assert str(error.value) == (
        "jobs.csv: line 3, column 'Date Applied': '11/25/2026' is no date (there is no month 25, "
        "read day first, as '25/11/2026' in this file shows); nothing was imported"
    )


def test_a_file_larger_than_an_import_can_be_stops_without_reading_it_all():
    class Endless(io.RawIOBase):
        """A CSV that never ends, made on the fly: memory would show a reader holding it."""

        def __init__(self) -> None:
            self.given = 0
            self.pending = b"Company,Position\r\n"

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            if not self.pending:
                self.pending = b"Acme Corp,Account Executive\r\n" * 100
            n = min(len(buffer), len(self.pending))
            buffer[:n] = self.pending[:n]
            self.pending = self.pending[n:]
            self.given += n
            return n

    stream = Endless()
    source = DecodedLines(io.BufferedReader(stream), "huge.csv", max_bytes=2_000_000)
    with pytest.raises(BadInput) as error:
        for _ in read_applications(open_table(source)):
            pass
    assert str(error.value) == (
        "huge.csv: expected a file of at most 1 MB to import (an export of a job search is a few "
        "MB), this one is larger: split it"
    )
    assert stream.given < 2_200_000


def test_a_line_megabytes_long_is_refused_as_not_a_text_file():
    raw = b"Company,Position\n" + b"x" * 3000 + b"\n"
    with pytest.raises(BadInput, match=r"^big.csv: line 2 is longer than 1 KB"):
        list(read_applications(open_table(lines(raw, "big.csv", max_line=1024))))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "found a ZIP archive (an Excel .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "found an Outlook/Office document"),
        (b"Company\x00,Role\x00\n", "this one is binary"),
    ],
)
def test_binary_files_picked_by_mistake_are_named(raw, message):
    with pytest.raises(BadInput, match=message.replace("(", r"\(").replace(".", r"\.")):
        lines(raw)


def test_the_applications_reader_claims_csv_and_leaves_plain_text_to_the_dossier():
    reader = TableReader("applications")
    assert reader.sniff(b"Who,What\nAcme,AE\n", "x.csv")
    assert reader.sniff(b"PK\x03\x04", "x.xlsx")
    assert not reader.sniff(b"hello", "notes.txt")
    assert not reader.sniff(b'{"opportunities": []}', "x.json")
    assert TableReader("linkedin").sniff((DATA / "Connections.csv").read_bytes(), "c.csv")
    assert not TableReader("google").sniff((DATA / "Connections.csv").read_bytes(), "c.csv")


def test_lines_ended_by_a_carriage_return_alone_are_rows_as_excel_for_mac_writes_them():
    """Excel for Mac's "CSV (Macintosh)" ends each row with CR alone; a line feed inside a
    quoted cell is a line break in that cell."""
    table = table_of("mac-excel-jobs.csv")
    assert [
        (a.company, a.role, a.stage, a.applied, a.notes) for a in values(read_applications(table))
    ] == [
        (
            "Acme Corp",
            "Data Engineer",
            "applied",
            date(2026, 10, 2),
            "Referred by Dana\nsecond round in November",
        ),
        ("Initech", "Business Analyst", "interviewing", date(2026, 10, 5), ""),
        ("Globex", "Engineer, Platform", "rejected", date(2026, 10, 9), ""),
    ]


def test_a_carriage_return_in_an_unquoted_cell_of_an_unknown_layout_is_one_clear_line():
    with pytest.raises(BadInput, match=r"the columns \(Foo, Bar\) are not a layout"):
        open_table(lines(b"Foo,Bar\nA\rB,C\n"), None, None)


def test_an_address_book_csv_is_not_taken_for_job_applications():
    """Thunderbird's (and Outlook's) contacts CSV has Organization and Job Title columns: they
    are where people work, not jobs applied for. The file is refused in one line that says what
    to do, before a data row below the header can be taken for a header."""
    with pytest.raises(BadInput) as refused:
        table_of("thunderbird-addressbook.csv")
    assert str(refused.value) == (
        "thunderbird-addressbook.csv: the columns (First Name, Last Name, Display Name, "
        "Nickname, Primary Email, Secondary Email, Screen Name, Work Phone, …) are an address "
        "book's that Followup does not read as CSV: export the contacts as vCard (.vcf) and "
        "import that file"
    )
    assert TableReader("applications").sniff(
        (DATA / "thunderbird-addressbook.csv").read_bytes(), "t.csv"
    )  # claimed, to say so, not left to the dossier reader's "expected JSON"


def test_google_contacts_phone_types_the_primary_first_and_never_a_fax():
    """Google CSV's `Phone N - Type` says what each number is: `* ` marks the primary one, and a
    pager or a fax listed first (as in roundcube's Google samples) is no phone to call."""
    records = values(read_people(table_of("google-contacts-fax.csv")))
    assert [(p.name, p.phone) for p in records] == [
        ("Ilse Hartmann", "+49 171 5550 0002"),
        ("Chidi Okafor", "+234 1 555 0102"),
        ("Aino Virtanen", ""),
    ]


def test_a_csv_cut_short_inside_a_quoted_cell_is_refused_not_read_in_part():
    """A download or a copy cut short in a multi-line cell (Google's formatted address): the csv
    module quietly closes the open cell at the end of the file, and the last contact would be
    stored with half an address; the file is damaged and says so."""
    table = table_of("truncated-contacts.csv")
    with pytest.raises(BadInput) as error:
        list(read_people(table))
    assert str(error.value) == (
        "truncated-contacts.csv: line 4: expected the closing quote of a quoted cell, the file "
        "ends inside it: it is cut short (truncated)"
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        # a spreadsheet whose first row was left empty: Excel writes it as separators alone
        (
            b',,\r\n"Who","What",Since\r\n,,\r\nAcme,AE,2026-12-01\r\n',
            "file.csv: the columns (Who, What, Since) are not a layout Followup knows",
        ),
        (
            b',,\n"#Name","Kind Enum",Flags\n\n"ONE","TWO",\n',
            "file.csv: the columns (#Name, Kind Enum, Flags) are not a layout Followup knows",
        ),
        (b";;;\n;;;\n", "file.csv: the columns (;;;) are not a layout Followup knows"),
    ],
)
def test_a_header_after_empty_rows_is_named_and_the_refusal_is_one_line(raw, message):
    with pytest.raises(BadInput) as refused:
        open_table(lines(raw), None, None)
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value) and "\r" not in str(refused.value)


def test_linkedins_contacts_csv_is_an_address_book_not_a_layout_to_map():
    """LinkedIn's data export also holds Contacts.csv, the address book synced from a phone or
    a mailbox, its column names run together and plural (`FirstName`, `Emails`): said to be an
    address book, not answered with a --mapping of company and role."""
    raw = (
        b"Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,"
        b"Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles\n"
        b'MOBILE_CONTACTS,Rosa,Lindqvist,,,rosa@lindqvist.example," +46 70 123 45 67",'
        b'"11/22/25, 7:00 PM",,,,,,,,\n'
    )
    with pytest.raises(BadInput) as refused:
        open_table(lines(raw, "Contacts.csv"), None, None)
    assert str(refused.value) == (
        "Contacts.csv: the columns (Source, FirstName, LastName, Companies, Title, Emails, "
        "PhoneNumbers, CreatedAt, …) are an address book's that Followup does not read as CSV: "
        "export the contacts as vCard (.vcf) and import that file"
    )


@pytest.mark.parametrize(
    ("raw", "mapping", "message"),
    [
        (
            "Company,Position,Company,Date Applied\r\nAcme Corp,AE,Globex,2026-10-01\r\n",
            None,
            "the column 'Company' is there twice (columns 1 and 3)",
        ),
        (
            "Firma;Stelle;Stelle\r\nAcme;AE;SDR\r\n",
            {"company": "Firma", "role": "Stelle"},
            "the column 'Stelle' is there twice (columns 2 and 3)",
        ),
        (
            "First Name,Last Name,E-mail 1 - Value,Last Name\r\nDana,Reyes,d@acme.example,R\r\n",
            None,
            "the column 'Last Name' is there twice (columns 2 and 4)",
        ),
    ],
)
def test_a_column_read_that_the_header_names_twice_is_said_not_guessed(raw, mapping, message):
    with pytest.raises(BadInput) as error:
        open_table(lines(raw.encode(), "jobs.csv"), mapping=mapping)
    assert str(error.value) == (
        f"jobs.csv: {message}: expected each column once; rename or remove one of them"
    )


def test_a_column_named_twice_matters_only_when_the_import_reads_it():
    raw = b"Company,Position,Notes,Notes\r\nAcme Corp,AE,,\r\n"
    with pytest.raises(BadInput, match="'Notes' is there twice"):
        open_table(lines(raw))
    raw = b"Company,Position,Salary,Salary\r\nAcme Corp,AE,90k,120k\r\n"
    assert values(read_applications(open_table(lines(raw)))) == [Application("Acme Corp", "AE")]
