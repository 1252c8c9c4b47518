"""`followup import` on every kind of file the tools write, `followup people`, and the
spreadsheets out — through the command line, on a real SQLite file: each file imports, the same
file twice changes nothing, a dry run changes nothing, and a bad file is one line and exit 2."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from .conftest import DATA

IMPORTS = DATA / "imports"
FILES = [
    ("google-invitation.eml", "invite", 1),
    ("outlook-invitation.eml", "invite", 1),
    ("apple-invitation.ics", "invite", 1),
    ("thunderbird-forward-qp.eml", "invite", 1),
    ("android-contacts.vcf", "vcard", 3),
    ("apple-contacts.vcf", "vcard", 3),
    ("contacts-v4.vcf", "vcard", 2),
    ("outlook-contact.vcf", "vcard", 1),
    ("gmail-contacts.vcf", "vcard", 2),
    ("Connections.csv", "linkedin", 5),
    ("google-contacts.csv", "google", 3),
    ("google-contacts-legacy.csv", "google", 2),
    ("google-contacts-outlook.csv", "google", 2),
    ("Job Applications.csv", "applications", 3),
    ("Saved Jobs.csv", "applications", 2),
    ("huntr-jobs.csv", "applications", 5),
    ("teal-job-tracker.csv", "applications", 4),
    ("suivi-candidatures.csv", "applications", 4),
    ("excel-unicode-text.txt", "applications", 3),
]


@pytest.fixture
def sam(cli):
    """A candidate with a profile, so that the database exists before the first import."""
    assert (
        cli(
            "profile",
            "--name",
            "Sam Ortiz",
            "--email",
            "sam.ortiz@example.com",
            "--timezone",
            "America/Chicago",
            "--country",
            "US",
            "--subdivision",
            "IL",
        ).code
        == 0
    )
    return cli


def report(result) -> dict:
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.mark.parametrize(("name", "kind", "count"), FILES, ids=[f[0] for f in FILES])
def test_each_file_imports_twice_without_change_and_a_dry_run_changes_nothing(
    sam, name, kind, count
):
    path = str(IMPORTS / name)
    empty = sam.dump()
    dry = report(sam("import", path, "--dry-run", "--json"))
    assert sam.dump() == empty
    first = report(sam("import", path, "--json"))
    assert list(first) == ["kind", "added", "updated", "unchanged", "skipped"]
    assert first == dry
    assert (first["kind"], first["added"] + first["updated"]) == (kind, count)
    after = sam.dump()
    second = report(sam("import", path, "--json"))
    assert (second["added"], second["updated"], second["unchanged"]) == (0, 0, count)
    assert sam.dump() == after


def test_the_kind_can_be_named(sam):
    result = report(sam("import", str(IMPORTS / "Connections.csv"), "--kind", "linkedin", "--json"))
    assert result["kind"] == "linkedin"
    wrong = sam("import", str(IMPORTS / "Connections.csv"), "--kind", "google")
    assert wrong.code == 2
    assert (
        "expected a Google Contacts CSV (First Name, Last Name, E-mail 1 - Value, …)" in wrong.err
    )


def test_the_human_report_says_what_it_did_and_what_it_skipped(sam):
    result = sam("import", str(IMPORTS / "Connections.csv"))
    assert result.out == (
        "Imported 5 people from LinkedIn: 5 added, 0 updated, 0 unchanged; 1 skipped.\n"
        "  skipped line 9: no name and no email address\n"
    )
    dry = sam("import", str(IMPORTS / "huntr-jobs.csv"), "--dry-run")
    assert dry.out.splitlines()[:3] == [
        "Dry run, nothing changed: 5 opportunities from applications would be: 5 added, "
        "0 updated, 0 unchanged.",
        "  would be added Acme Corp — Account Executive",
        "  would be added Globex — Enterprise Account Manager",
    ]


BAD = [
    ("truncated.ics", "expected END:VEVENT for the BEGIN:VEVENT of line 24: the file is cut short"),
    ("no-calendar.eml", "expected a message carrying an invitation (a text/calendar part or an"),
    ("lone-event.ics", "this one starts with BEGIN:VEVENT (a part of a calendar, not a whole one)"),
    ("winmail.eml", "it has only a winmail.dat, Outlook's own format"),
    ("broken.vcf", "line 11: expected a vCard line like NAME:value, got 'this line lost its"),
    ("pipeline-export.csv", "the columns (Who, What, When, Where it stands, Link, Thoughts) are"),
    (
        "photo-only.vcf",
        "photo-only.vcf: expected vCards with a name or an email address, none could be imported "
        "(card 1 (line 1): no name and no email address)",
    ),
    (
        "todo-and-journal.ics",
        "todo-and-journal.ics: expected an event (VEVENT) in the calendar, found only a to-do "
        "(VTODO) and a journal entry (VJOURNAL)",
    ),
    (
        "repeated-column.csv",
        "repeated-column.csv: the column 'Company' is there twice (columns 1 and 4): expected each "
        "column once; rename or remove one of them",
    ),
]


@pytest.mark.parametrize(("name", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_is_one_clear_line_exit_2_and_nothing_stored(sam, name, message):
    sam("import", str(IMPORTS / "apple-contacts.vcf"))
    before = sam.dump()
    result = sam("import", str(IMPORTS / name))
    assert (result.code, result.out) == (2, "")
    assert result.err.count("\n") == 1 and result.err.startswith("followup: error: ")
    assert message in result.err
    assert sam.dump() == before


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("jobs.csv", b"", "a CSV export with a header row"),
        ("contacts.vcf", b"\xef\xbb\xbf\r\n", "vCards (BEGIN:VCARD … END:VCARD)"),
        ("invite.ics", b"", "an invitation (BEGIN:VCALENDAR … END:VCALENDAR)"),
        ("Unicode text.txt", "\ufeff\r\n".encode("utf-16-le"), "a CSV or tab-separated export"),
        ("IMG_0412.jpg", b"", "a dossier (JSON), an invitation (.ics, .eml), vCards (.vcf) or"),
    ],
)
def test_an_empty_file_names_itself_and_what_it_should_have_held(
    sam, tmp_path, name, raw, expected
):
    path = tmp_path / name
    path.write_bytes(raw)
    before = sam.dump()
    result = sam("import", str(path))
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"followup: error: {path}: expected {expected}")
    assert result.err.endswith(", the file is empty\n") and result.err.count("\n") == 1
    assert sam.dump() == before


def test_dates_of_a_day_first_file_are_read_day_first_from_its_first_row(sam):
    sam("import", str(IMPORTS / "excel-unicode-text.txt"))
    exported = json.loads(sam("export").out)
    applied = {o["company"]: o.get("applied") for o in exported["opportunities"]}
    # 03/11/2026 comes first; 14/10/2026 below it shows the file writes the day first
    assert applied == {
        "Østergaard A/S": "2026-11-03",
        "Łódź Trading sp. z o.o.": "2026-10-14",
        "Straße & Söhne GmbH": "2026-10-28",
    }


def test_a_file_that_goes_bad_half_way_changes_nothing(sam, tmp_path):
    good = (IMPORTS / "apple-contacts.vcf").read_text()
    bad = tmp_path / "half.vcf"
    bad.write_text(good + "BEGIN:VCARD\nVERSION:3.0\nFN:Late\nnonsense\nEND:VCARD\n")
    before = sam.dump()
    result = sam("import", str(bad))
    line = len(good.splitlines()) + 4
    assert result.code == 2 and f"half.vcf: line {line}: expected a vCard line" in result.err
    assert sam.dump() == before


def test_a_spreadsheet_saved_from_excel_is_named_for_what_it_is(sam, tmp_path):
    sheet = tmp_path / "jobs.xlsx"
    sheet.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100)
    result = sam("import", str(sheet))
    assert result.code == 2
    assert "found a ZIP archive (an Excel .xlsx" in result.err


def test_a_csv_larger_than_an_import_can_be_is_refused_without_holding_it(
    sam, monkeypatch, tmp_path
):
    monkeypatch.setattr("followup.adapters.files.text_lines.MAX_BYTES", 4096)
    big = tmp_path / "big.csv"
    big.write_text("Company,Position\n" + "Acme Corp,Account Executive\n" * 1000)
    before = sam.dump()
    result = sam("import", str(big))
    assert result.code == 2
    assert "big.csv: expected a file of at most 0 MB to import" in result.err
    assert sam.dump() == before


def test_a_mapping_reads_any_csv_and_options_for_other_kinds_are_refused(sam):
    csv_file = str(IMPORTS / "pipeline-export.csv")
    mapping = str(IMPORTS / "pipeline-mapping.json")
    result = report(sam("import", csv_file, "--mapping", mapping, "--json"))
    assert (result["kind"], result["added"]) == ("applications", 3)
    assert [s["where"] for s in result["skipped"]] == ["line 4 stage", "line 4 applied"]
    wrong = sam("import", str(IMPORTS / "apple-contacts.vcf"), "--opportunity", "x")
    assert wrong.code == 2
    assert wrong.err == (
        "followup: error: --opportunity: expected a file of kind invite ("
        + str(IMPORTS)
        + "/apple-contacts.vcf is vcard)\n"
    )
    missing = sam("import", csv_file, "--mapping", "/nonexistent.json")
    assert missing.code == 2 and missing.err.startswith("followup: error: --mapping: expected")


def test_an_invitation_is_updated_then_cancelled(sam):
    assert report(sam("import", str(IMPORTS / "outlook-invitation.eml"), "--json"))["added"] == 1
    plan = json.loads(sam("plan", "--json").out)
    assert {(t["step"], t["contact"], t["due"]) for t in plan if t["step"] == "thank_you"} == {
        ("thank_you", "Pat Kim", "2027-01-08"),
        ("thank_you", "Minh Nguyễn", "2027-01-08"),
    }
    assert report(sam("import", str(IMPORTS / "outlook-update.ics"), "--json"))["updated"] == 1
    plan = json.loads(sam("plan", "--json").out)
    assert {t["due"] for t in plan if t["step"] == "thank_you"} == {"2027-01-11"}
    cancel = report(sam("import", str(IMPORTS / "outlook-cancellation.eml"), "--json"))
    assert cancel["updated"] == 1
    assert json.loads(sam("plan", "--json").out) == []
    shown = sam("show", "globex-enterprise-account-manager").out
    assert "No interviews recorded yet." in shown


def test_the_opportunity_of_an_invitation_can_be_named(sam):
    sam("add-opportunity", "initech-rsd", "--company", "Initech Corporation", "--role", "RSD")
    result = report(
        sam(
            "import",
            str(IMPORTS / "apple-invitation.ics"),
            "--opportunity",
            "initech-rsd",
            "--json",
        )
    )
    assert result["added"] == 1
    assert "Aurélie Dubois — 45 min" in sam("show", "initech-rsd").out
    unknown = sam("import", str(IMPORTS / "google-invitation.eml"), "--opportunity", "nope")
    assert unknown.code == 2
    assert unknown.err.startswith("followup: error: --opportunity: no opportunity 'nope'")


def test_people_lists_the_address_book_as_the_contract_says(sam):
    sam("import", str(IMPORTS / "contacts-v4.vcf"))
    people = json.loads(sam("people", "--json").out)
    assert people == [
        {
            "name": "Minh Nguyễn",
            "title": "Sales Director",
            "company": "Globex",
            "email": "Minh.Nguyen@Globex.example",
            "phone": "+1-206-555-0142 ext. 102",
            "source": "vcard",
        },
        {
            "name": "Pat Kim",
            "title": "",
            "company": "Globex",
            "email": "pat.kim@globex.example",
            "phone": "",
            "source": "vcard",
        },
    ]
    assert sam("people").out == (
        "Minh Nguyễn — Sales Director, Globex  Minh.Nguyen@Globex.example  "
        "+1-206-555-0142 ext. 102\n"
        "Pat Kim, Globex  pat.kim@globex.example\n"
    )


def test_an_empty_address_book_says_how_to_fill_it(sam):
    assert json.loads(sam("people", "--json").out) == []
    assert "The address book is empty" in sam("people").out


def test_people_export_is_vcard_30_that_imports_back_unchanged(sam, tmp_path):
    sam("import", str(IMPORTS / "google-contacts.csv"))
    out = tmp_path / "people.vcf"
    assert sam("people", "export", "-o", str(out)).code == 0
    text = out.read_bytes().decode()
    assert text.count("BEGIN:VCARD\r\nVERSION:3.0\r\n") == 3
    again = report(sam("import", str(out), "--json"))
    assert (again["kind"], again["added"], again["updated"], again["unchanged"]) == (
        "vcard",
        0,
        0,
        3,
    )


def test_a_person_typed_by_name_is_completed_from_the_address_book(sam):
    sam("import", str(IMPORTS / "apple-contacts.vcf"))
    sam("add-opportunity", "acme-ae", "--company", "Acme Corp")
    result = sam(
        "add-interview", "acme-ae", "--date", "2026-12-23", "--person", "dana reyes; minutes=45"
    )
    assert result.code == 0, result.err
    [contact] = json.loads(sam("export").out)["opportunities"][0]["interviews"][0]["contacts"]
    assert contact == {
        "name": "dana reyes",
        "title": "Regional Sales Manager",
        "email": "DANA@acme.example",
        "phone": "+1 (312) 555-0101",
        "minutes": 45,
        "decision_maker": False,
        "topics": [],
    }


def test_spreadsheets_out_are_safe_against_formulas(sam, tmp_path):
    evil = tmp_path / "evil.csv"
    evil.write_text(
        "First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value\n"
        '=HYPERLINK("http://x"),Smith,@SUM(A1),eve@evil.example,+1 555 0100\n'
        "-2+3,Jones,\tTabbed,jo@evil.example,\n"
    )
    assert sam("import", str(evil)).code == 0
    rows = list(csv.reader(io.StringIO(sam("export", "--format", "csv", "--what", "people").out)))
    assert rows == [
        ["name", "title", "company", "email", "phone", "url", "source"],
        ["'-2+3 Jones", "", "Tabbed", "jo@evil.example", "", "", "google"],
        [
            '\'=HYPERLINK("http://x") Smith',
            "",
            "'@SUM(A1)",
            "eve@evil.example",
            "'+1 555 0100",
            "",
            "google",
        ],
    ]


def test_spreadsheets_of_opportunities_and_touches(sam, tmp_path):
    sam("import", str(DATA / "acme.json"))
    out = tmp_path / "touches.csv"
    assert sam("export", "--format", "csv", "--what", "touches", "-o", str(out)).code == 0
    with out.open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[:3] == [
        ["opportunity", "company", "contact", "step", "channel", "due", "status", "reason"],
        ["acme-ae", "Acme Corp", "Dana Reyes", "thank_you", "email", "2026-12-28", "done", ""],
        [
            "acme-ae",
            "Acme Corp",
            "Lee Park",
            "thank_you",
            "email",
            "2026-12-28",
            "cancelled",
            "cancelled by the rejection of 2027-01-20",
        ],
    ]
    assert len(rows) == 14  # the header and the worked example's 13 touches
    opportunities = sam("export", "--format", "csv", "--what", "opportunities").out
    assert opportunities.splitlines()[1].startswith("acme-ae,Acme Corp,Account Executive,closed,")
    assert sam("export", "--format", "csv").code == 2
    assert sam("export", "--what", "people").code == 2


def test_a_file_read_from_standard_input(sam, monkeypatch):
    raw = (IMPORTS / "contacts-v4.vcf").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    result = report(sam("import", "-", "--json"))
    assert (result["kind"], result["added"]) == ("vcard", 2)


def test_the_dossier_keeps_its_contract(sam):
    first = sam("import", str(DATA / "acme.json"))
    assert first.out == (
        "Imported 1 opportunity: 1 added, 0 updated, 0 unchanged; 13 touches planned.\n"
    )
    assert report(sam("import", str(DATA / "acme.json"), "--json")) == {
        "kind": "dossier",
        "added": 0,
        "updated": 0,
        "unchanged": 1,
        "skipped": [],
    }
    # and everyone met is in the address book now
    assert [p["name"] for p in json.loads(sam("people", "--json").out)] == [
        "Dana Reyes",
        "Lee Park",
    ]


def test_interview_times_and_places_and_application_details_travel_in_the_dossier(
    sam, tmp_path, monkeypatch
):
    sam("import", str(IMPORTS / "google-invitation.eml"))
    sam("import", str(IMPORTS / "Job Applications.csv"))
    exported = tmp_path / "all.json"
    sam("export", "-o", str(exported))
    data = json.loads(exported.read_text())
    acme = next(o for o in data["opportunities"] if o["id"] == "acme-account-executive")
    assert acme["interviews"][0]["time"] == "10:00"
    assert acme["interviews"][0]["location"] == "https://meet.google.com/abc-defg-hij"
    assert (acme["applied"], acme["stage"]) == ("2026-12-15", "applied")
    other = Path(tmp_path / "other.sqlite3")
    sam.database = other
    monkeypatch.setenv("FOLLOWUP_DATABASE", str(other))
    assert sam("import", str(exported)).code == 0
    assert json.loads(sam("export").out) == data
