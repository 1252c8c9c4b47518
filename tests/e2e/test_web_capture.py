"""The web's side of getting the search in without typing: the Import page for every kind of file
(dry run first, then on confirmation), the address book, the names the capture form offers, and
the spreadsheets out."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from followup.services.recording import update_profile

from .web_support import csrf_of, make_services, web_client

IMPORTS = Path(__file__).parents[1] / "data" / "imports"


@pytest.fixture
def web(tmp_path):
    deps = make_services(tmp_path)
    update_profile(deps, email="sam.ortiz@example.com")
    return web_client(deps)


def token(client) -> str:
    return csrf_of(client.get("/transfer").text)


def preview(web, name: str, **data: str):
    files = {"file": (name, (IMPORTS / name).read_bytes(), "application/octet-stream")}
    # an upload's token travels in its form's action (web/security.py)
    return web.post(f"/import?csrf={token(web)}", data=data, files=files)


def confirm(web, page) -> str:
    found = re.search(r'name="token" value="([^"]+)"', page.text)
    assert found, page.text
    return web.post("/import/apply", data={"csrf": token(web), "token": found.group(1)}).text


def test_an_invitation_is_previewed_with_the_interview_and_people_then_imported(web):
    page = preview(web, "google-invitation.eml")
    assert page.status_code == 200
    assert "google-invitation.eml is an interview invitation; importing it" in page.text
    assert (
        "added Acme Corp — Account Executive: interview 2026-12-23 10:00 with Dana Reyes, Lee Park"
    ) in page.text
    assert "acme-account-executive" not in web.get("/pipeline").text
    done = confirm(web, page)
    assert "1 added, 0 updated, 0 unchanged." in done
    assert "Account Executive" in web.get("/pipeline").text
    assert "Dana Reyes" in web.get("/people").text


def test_contacts_import_and_the_address_book_lists_them(web):
    done = confirm(web, preview(web, "apple-contacts.vcf"))
    # Dana was met at the worked example's interview: her card completes her entry
    assert "2 added, 1 updated, 0 unchanged." in done
    people = web.get("/people").text
    assert "<td>Aurélie Dubois</td><td>VP Sales</td><td>Initech</td>" in people
    again = confirm(web, preview(web, "apple-contacts.vcf"))
    assert "0 added, 0 updated, 3 unchanged." in again


def test_an_unknown_spreadsheet_asks_for_its_columns_and_takes_them_from_the_form(web):
    page = preview(web, "pipeline-export.csv")
    assert page.status_code == 400
    assert "are not a layout Followup knows: give --mapping FILE" in page.text
    mapping = '{"company": "Who", "role": "What", "stage": "Where it stands"}'
    page = preview(web, "pipeline-export.csv", mapping_text=mapping)
    assert page.status_code == 200
    assert "3 to add, 0 to update, 0 already as the file says" in page.text
    assert "line 4 stage" in page.text


def test_a_bad_file_is_a_clear_page_and_nothing_is_kept(web):
    before = web.get("/export").text
    for name, message in (
        ("truncated.ics", "truncated.ics: expected END:VEVENT for the BEGIN:VEVENT of line 24"),
        ("no-calendar.eml", "no-calendar.eml: expected a message carrying an invitation"),
        ("broken.vcf", "broken.vcf: line 11: expected a vCard line like NAME:value"),
    ):
        page = preview(web, name)
        assert page.status_code == 400, name
        assert message in page.text
    assert web.get("/export").text == before


def test_the_capture_form_offers_known_people_with_what_fills_the_other_fields(web):
    confirm(web, preview(web, "apple-contacts.vcf"))
    form = web.get("/capture").text
    assert 'list="known-people-0"' in form and 'hx-get="/people/suggest"' in form
    options = web.get("/people/suggest", params={"people-0-name": "aure"}).text
    assert (
        '<option value="Aurélie Dubois" data-title="VP Sales" '
        'data-email="aurelie.dubois@initech.example" data-company="Initech">VP Sales, Initech'
        "</option>"
    ) in options
    assert web.get("/people/suggest.json", params={"q": "dana"}).json() == [
        {
            "name": "Dana Reyes",
            "title": "Regional Sales Manager",
            "company": "Acme Corp",
            "email": "dana@acme.example",
            "phone": "+1 (312) 555-0101",
            "source": "interview",
        }
    ]


def test_spreadsheets_out_are_safe_to_open(web):
    confirm(web, preview(web, "teal-job-tracker.csv"))
    response = web.get("/export/opportunities.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:5] == ["id", "company", "role", "stage", "policy"]
    assert [r[0] for r in rows[1:]] == [
        "acme-ae",
        "hooli-sales-development-representative",
        "acme-account-executive",
        "initrode-inside-sales-rep",
        "pied-piper-account-manager",
    ]
    assert web.get("/export/nothing.csv").status_code == 400
    vcards = web.get("/people.vcf")
    assert vcards.headers["content-type"].startswith("text/vcard")
    assert vcards.text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
