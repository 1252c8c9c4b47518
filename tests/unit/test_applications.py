"""Applications and saved jobs from job boards and other trackers: one opportunity each, with a
stable id from company and role; stages move forward; decisions become events the plan follows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup.domain.application import Application, apply_application, opportunity_id
from followup.domain.model import Event, Opportunity
from followup.domain.records import Found, Skip
from followup.services.agenda import list_opportunities
from followup.services.applications import merge_applications
from followup.services.dependencies import Dependencies
from followup.services.imports import import_file
from followup.services.ports import ImportOptions, ImportSource

from ..fakes import fake_deps

DATA = Path(__file__).parents[1] / "data" / "imports"
TODAY = date(2026, 12, 28)


@pytest.fixture
def deps() -> Dependencies:
    return fake_deps(datetime(2026, 12, 28, 15, 0, tzinfo=UTC))


def merge(deps, *rows: Application | Skip):
    records = [r if isinstance(r, Skip) else Found(f"line {i + 2}", r) for i, r in enumerate(rows)]
    with deps.store.unit_of_work() as uow:
        report = merge_applications(deps, uow, records)
        uow.commit()
    return report


def stages(deps) -> dict[str, str]:
    return {s.id: s.stage for s in list_opportunities(deps)}


@pytest.mark.parametrize(
    ("company", "role", "expected"),
    [
        ("Acme Corp", "Account Executive", "acme-account-executive"),
        ("ACME", "account executive", "acme-account-executive"),
        ("Société Générale SA", "Chargé d'affaires", "societe-generale-charge-d-affaires"),
        ("Initech, Inc.", "", "initech"),
        ("株式会社ソニー", "営業", "株式会社ソニー-営業"),
    ],
)
def test_the_id_is_stable_whatever_the_case_accents_and_legal_form(company, role, expected):
    assert opportunity_id(company, role) == expected


def test_a_row_becomes_an_opportunity_with_no_interviews():
    row = Application(
        "Acme Corp", "Account Executive", date(2026, 12, 15), "https://acme/jobs/1", "applied", "n"
    )
    assert apply_application(None, row, "persistent", TODAY) == Opportunity(
        id="acme-account-executive",
        company="Acme Corp",
        role="Account Executive",
        policy="persistent",
        applied=date(2026, 12, 15),
        url="https://acme/jobs/1",
        notes="n",
        tracked_stage="applied",
    )


def test_a_decision_is_an_event_once_dated_when_the_tool_says_else_when_applied_else_today():
    rejected = Application("Acme", "AE", date(2026, 10, 5), stage="rejected")
    first = apply_application(None, rejected, "persistent", TODAY)
    assert first.events == [Event(date(2026, 10, 5), "rejected", note="imported")]
    assert apply_application(first, rejected, "persistent", TODAY) == first
    offer = apply_application(None, Application("Acme", "AE", stage="offer"), "persistent", TODAY)
    assert offer.events == [Event(TODAY, "offer", note="imported")]
    dated = Application("Acme", "AE", stage="withdrawn", stage_date=date(2026, 12, 1))
    assert apply_application(None, dated, "persistent", TODAY).events[0].date == date(2026, 12, 1)


def test_a_stage_only_moves_forward():
    applied = apply_application(None, Application("Acme", "AE", stage="applied"), "p", TODAY)
    saved_again = apply_application(applied, Application("Acme", "AE", stage="saved"), "p", TODAY)
    assert saved_again.tracked_stage == "applied"
    later = apply_application(applied, Application("Acme", "AE", stage="interviewing"), "p", TODAY)
    assert later.tracked_stage == "interviewing"


def test_rows_are_added_then_unchanged_and_stages_show_in_the_pipeline(deps):
    rows = (
        Application("Acme Corp", "Account Executive", stage="interviewing"),
        Application("Hooli", "SDR", stage="saved"),
        Application("Globex", "AM", date(2026, 12, 2), stage="applied"),
        Application("Umbrella", "SC", date(2026, 10, 5), stage="rejected"),
        Application("Soylent", "KAM", stage="offer"),
        Skip("line 9", "no company: a row needs the company's name"),
    )
    report = merge(deps, *rows)
    assert (report.kind, report.added, report.updated, report.unchanged, report.read) == (
        "applications",
        5,
        0,
        0,
        5,
    )
    assert stages(deps) == {
        "acme-account-executive": "interviewing",
        "hooli-sdr": "saved",
        "globex-am": "applied",
        "umbrella-sc": "closed",
        "soylent-kam": "offer",
    }
    again = merge(deps, *rows)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def test_two_rows_of_one_job_are_one_opportunity_and_the_second_only_fills_blanks(deps):
    rows = (
        Application("Acme Corp", "Account Executive", url="https://a/1", notes="first"),
        Application("ACME", "account executive", date(2026, 12, 15), notes="second"),
    )
    report = merge(deps, *rows)
    assert (report.added, report.updated, report.unchanged, report.read) == (1, 0, 0, 2)
    stored = deps.store.committed.opportunities["acme-account-executive"]
    assert (stored.company, stored.applied, stored.url, stored.notes) == (
        "Acme Corp",
        date(2026, 12, 15),
        "https://a/1",
        "first",
    )
    again = merge(deps, *rows)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_a_row_without_a_company_is_skipped(deps):
    report = merge(deps, Application("  ", "AE"))
    assert [(s.where, s.reason) for s in report.skipped] == [
        ("line 2", "no company: a row needs the company's name")
    ]
    assert deps.store.committed.opportunities == {}


@pytest.mark.parametrize(
    "name",
    [
        "Job Applications.csv",
        "Saved Jobs.csv",
        "huntr-jobs.csv",
        "teal-job-tracker.csv",
        "suivi-candidatures.csv",
    ],
)
def test_each_tracker_export_imports_twice_without_change(deps, name):
    source = ImportSource.from_bytes((DATA / name).read_bytes(), name)
    first = import_file(deps, source)
    assert first.kind == "applications" and first.added == first.read > 0
    before = dict(deps.store.committed.opportunities)
    second = import_file(deps, source)
    assert (second.added, second.updated, second.unchanged) == (0, 0, first.read)
    assert deps.store.committed.opportunities == before


def test_a_mapping_makes_any_csv_applications(deps):
    source = ImportSource.from_bytes((DATA / "pipeline-export.csv").read_bytes(), "p.csv")
    report = import_file(
        deps, source, options=ImportOptions(mapping={"company": "Who", "role": "What"})
    )
    assert (report.kind, report.added) == ("applications", 3)


@pytest.mark.parametrize(
    ("country", "applied"), [("DE", date(2026, 11, 3)), ("US", date(2026, 3, 11))]
)
def test_an_import_reads_dates_that_read_both_ways_as_the_profiles_country_writes_them(
    deps, country, applied
):
    from followup.domain.model import Candidate

    with deps.store.unit_of_work() as uow:
        uow.save_candidate(Candidate(name="Kim", country=country))
        uow.commit()
    raw = b"Company,Position,Date Applied\r\nAcme Corp,Account Executive,03/11/2026\r\n"
    import_file(deps, ImportSource.from_bytes(raw, "jobs.csv"))
    assert [o.applied for o in deps.store.committed.opportunities.values()] == [applied]


def test_a_date_that_does_not_exist_stops_the_import_and_nothing_is_stored(deps):
    from followup.domain.errors import BadInput

    raw = b"Company,Position,Date Applied\r\nAcme Corp,AE,14/10/2026\r\nGlobex,SDR,31/09/2026\r\n"
    with pytest.raises(BadInput) as error:
        import_file(deps, ImportSource.from_bytes(raw, "jobs.csv"))
    assert str(error.value) == (
        "jobs.csv: line 3, column 'Date Applied': '31/09/2026' is no date (September has no day "
        "31, read day first, as '14/10/2026' in this file shows); nothing was imported"
    )
    assert deps.store.committed.opportunities == {}


def test_excels_separator_line_before_the_header_is_no_row(deps):
    """Excel writes (and reads) `sep=;` as a file's first line to say its separator; a German
    tracker saved so, in Windows-1252 with day-first dates, quotes „…“ and the euro sign: the
    line names the separator, the header follows it."""
    name = "excel-sep-line-bewerbungen.csv"
    source = ImportSource.from_bytes((DATA / name).read_bytes(), name)
    report = import_file(deps, source)
    assert (report.kind, report.added, report.skipped) == ("applications", 2, ())
    stored = sorted(
        (o.company, o.role, o.applied, o.tracked_stage, o.notes)
        for o in deps.store.committed.opportunities.values()
    )
    assert stored == [
        ("Müller & Söhne GmbH", "Vertriebsleiter", date(2026, 11, 3), "applied",
         "Gespräch „vielversprechend“"),
        ("Ærø Shipping ApS", "Key Account", date(2026, 11, 12), "interviewing", "€ 60k"),
    ]  # fmt: skip
    again = import_file(deps, source)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
