"""Interview invitations: what Google, Outlook/Exchange, Apple and Thunderbird write, read into
events; and the interviews they make, move and remove — on the in-memory store."""

from __future__ import annotations

import base64
import warnings
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup import bootstrap
from followup.adapters.files.invite import InviteReader, read_invitations, zone_named
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.errors import BadInput, NotFound
from followup.domain.invitation import (
    Attendee,
    Invitation,
    company_from_domain,
    company_matches,
    people_met,
    role_and_company,
)
from followup.domain.model import Candidate, Contact
from followup.domain.records import Found
from followup.services import people as book
from followup.services.dependencies import Dependencies
from followup.services.imports import import_file
from followup.services.planning import plan_touches, show_opportunity
from followup.services.ports import ImportOptions, ImportSource
from followup.services.recording import add_opportunity, log_event, update_profile

from ..fakes import FakeStore

DATA = Path(__file__).parents[1] / "data" / "imports"
CHICAGO = ZoneInfo("America/Chicago")


def invitations(name: str) -> list[Invitation]:
    records = read_invitations((DATA / name).read_bytes(), name)
    return [r.value for r in records if isinstance(r, Found)]


@pytest.fixture
def deps() -> Dependencies:
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2026, 12, 16, 15, 0, tzinfo=UTC),
        readers=bootstrap.readers,
    )
    update_profile(
        deps,
        name="Sam Ortiz",
        email="Sam.Ortiz@example.com",
        timezone="America/Chicago",
        country="US",
        subdivision="IL",
    )
    return deps


def load(deps, name: str, dry_run: bool = False, opportunity: str | None = None):
    source = ImportSource.from_bytes((DATA / name).read_bytes(), name)
    return import_file(
        deps, source, dry_run=dry_run, options=ImportOptions(opportunity=opportunity)
    )


def counts(report) -> tuple[str, int, int, int]:
    return (report.kind, report.added, report.updated, report.unchanged)


# -- reading what the calendars write ----------------------------------------------------------
def test_google_sends_the_invitation_inline_and_attached_and_it_is_read_once():
    [event] = invitations("google-invitation.eml")
    assert event.uid == "5kq1v9h2c8l3m0n7p6r4s2t1u9@google.com"
    assert event.start == datetime(2026, 12, 23, 10, 0, tzinfo=CHICAGO)
    assert (event.minutes, event.sequence, event.cancelled) == (55, 0, False)
    assert event.summary == "Account Executive interview — Sam Ortiz"
    assert event.location == "https://meet.google.com/abc-defg-hij"
    assert event.organizer == Attendee("Dana Reyes", "dana.reyes@acme-corp.com")
    # the meeting room (CUTYPE=RESOURCE) is no one to thank
    assert [a.email for a in event.attendees] == [
        "dana.reyes@acme-corp.com",
        "sam.ortiz@example.com",
        "lee.park@acme-corp.com",
    ]
    assert event.domains == ("acme-corp.com", "example.com")


def test_who_declined_sent_a_delegate_or_is_copied_for_information_is_not_met():
    folded = "\r\n "  # a content line folded, as calendars write long ones
    calendar = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nUID:panel-1@globex.example\r\nDTSTAMP:20261201T100000Z\r\n"
        "DTSTART:20261210T150000Z\r\nDTEND:20261210T160000Z\r\nSUMMARY:Panel interview\r\n"
        "ORGANIZER;CN=Pat Kim:mailto:pat.kim@globex.example\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Ana Ruiz:mailto:ana.ruiz@globex.example\r\n"
        "ATTENDEE;PARTSTAT=DECLINED;CN=Bo Lind:mailto:bo.lind@globex.example\r\n"
        f'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:ana.ruiz@globex.example";{folded}'
        "CN=Cy Moss:mailto:cy.moss@globex.example\r\n"
        "ATTENDEE;ROLE=NON-PARTICIPANT;CN=Di Hart:mailto:di.hart@globex.example\r\n"
        "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=TENTATIVE;CN=Ed Vos:mailto:ed.vos@\r\n"
        "  globex.example\r\n"  # folded with a space too many, as RFC 5545's indented examples
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    [record] = read_invitations(calendar, "panel.ics")
    assert isinstance(record, Found)
    assert [(a.name, a.email) for a in record.value.attendees] == [
        ("Ana Ruiz", "ana.ruiz@globex.example"),
        ("Ed Vos", "ed.vos@globex.example"),
    ]


def test_exchange_writes_windows_zone_names_base64_parts_and_rooms():
    [event] = invitations("outlook-invitation.eml")
    assert event.start == datetime(2027, 1, 6, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert event.start.astimezone(CHICAGO).time() == time(11, 0)
    assert event.minutes == 60
    assert event.location == "Microsoft Teams Meeting"
    assert event.organizer == Attendee("Kim, Pat", "Pat.Kim@Globex.example")
    # the talent mailbox and the room are not people met; their domain still tells the employer
    assert [a.name for a in event.attendees] == ["Sam Ortiz", "Nguyễn, Minh"]
    assert event.domains[0] == "globex.example"


def test_apple_gives_addresses_in_an_email_parameter_and_a_place_on_several_lines():
    [event] = invitations("apple-invitation.ics")
    assert event.start == datetime(2026, 12, 30, 10, 45, tzinfo=ZoneInfo("America/New_York"))
    assert event.minutes == 45
    assert event.location == "Initech HQ, 4120 Freidrich Ln, Austin"
    assert [a.email for a in event.attendees] == [
        "sam.ortiz@example.com",
        "aurelie.dubois@initech.example",
        "bill@initech.example",
    ]


def test_an_outlook_display_zone_name_is_read_with_the_files_own_definition():
    [event] = invitations("thunderbird-forward-qp.eml")
    assert event.start.utcoffset().total_seconds() == 3600  # CET in January
    assert event.start.astimezone(UTC) == datetime(2027, 1, 11, 22, 30, tzinfo=UTC)
    assert event.minutes == 75
    assert event.summary == "Vorstellungsgespräch Key Account Manager (Umbrella)"


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("America/Chicago", "America/Chicago"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ('"Romance Standard Time"', "Europe/Paris"),
        ("/mozilla.org/20050126_1/America/New_York", "America/New_York"),
        ("(UTC-08:00) Pacific Time (US & Canada)", None),
        ("../../etc/passwd", None),
    ],
)
def test_time_zone_ids_iana_windows_and_vendor_prefixed(tzid, zone):
    found = zone_named(tzid)
    assert (found.key if found else None) == zone


def test_a_truncated_calendar_says_where_it_stops():
    with pytest.raises(BadInput) as error:
        read_invitations((DATA / "truncated.ics").read_bytes(), "truncated.ics")
    assert str(error.value) == (
        "truncated.ics: expected END:VEVENT for the BEGIN:VEVENT of line 24: the file is cut "
        "short (truncated)"
    )


def test_a_message_without_a_calendar_says_so_and_names_outlooks_winmail_dat():
    with pytest.raises(BadInput, match=r"this one has none$"):
        read_invitations((DATA / "no-calendar.eml").read_bytes(), "no-calendar.eml")
    with pytest.raises(BadInput, match=r"it has only a winmail\.dat, Outlook's own format"):
        read_invitations((DATA / "winmail.eml").read_bytes(), "winmail.eml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("METHOD:REQUEST", "METHOD:REPLY"),
        ("DTSTART;TZID=America/Chicago:20261223T100000", "DTSTART;TZID=America/Chicago:2026122"),
        ("SEQUENCE:0", "SEQUENCE:first"),
    ],
)
def test_a_broken_invitation_is_one_clear_line(change, message):
    raw = (DATA / "google-invitation.eml").read_bytes()
    start = raw.index(b"BEGIN:VCALENDAR")
    calendar = raw[start : raw.index(b"END:VCALENDAR") + 13].replace(
        change.encode(), message.encode()
    )
    with pytest.raises(BadInput) as error:
        read_invitations(calendar, "x.ics")
    assert str(error.value).startswith("x.ics: ")
    assert "\n" not in str(error.value)


def test_the_reader_claims_calendars_and_mail_but_not_a_csv_with_a_notes_line():
    reader = InviteReader()
    assert reader.sniff(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\n", "x.ics")
    assert reader.sniff((DATA / "outlook-invitation.eml").read_bytes()[:4096], "x.eml")
    assert not reader.sniff((DATA / "Connections.csv").read_bytes(), "Connections.csv")


# -- what the invitation says about the interview ------------------------------------------------
def test_people_met_are_everyone_but_the_candidate_named_from_cn_or_address():
    event = Invitation(
        "u",
        0,
        datetime(2026, 12, 23, 16, 0, tzinfo=UTC),
        minutes=45,
        organizer=Attendee("Reyes, Dana", "dana@acme.example"),
        attendees=(
            Attendee("dana@acme.example", "dana@acme.example"),
            Attendee("", "SAM@example.com"),
            Attendee("lee.park@acme.example", "lee.park@acme.example"),
            Attendee("Lee Park", "lpark@acme.example"),
        ),
    )
    assert people_met(event, "sam@example.com") == (
        Contact("Dana Reyes", email="dana@acme.example", minutes=45),
        Contact("Lee Park", email="lee.park@acme.example", minutes=45),
        Contact("Lee Park (lpark@acme.example)", email="lpark@acme.example", minutes=45),
    )


@pytest.mark.parametrize(
    ("summary", "domain_company", "expected"),
    [
        ("Interview: Account Executive — Acme Corp", "Acme", ("Account Executive", "Acme Corp")),
        (
            "Acme Corp / Sam Ortiz - Account Executive Interview",
            "Acme",
            ("Account Executive", "Acme Corp"),
        ),
        ("Phone screen: Sales Development Rep @ Globex", "", ("Sales Development Rep", "Globex")),
        (
            "Updated invitation: Final round - Enterprise AE (Acme)",
            "Acme",
            ("Enterprise AE", "Acme"),
        ),
        ("Sam Ortiz <> Acme | Account Executive", "Acme", ("Account Executive", "Acme")),
        ("Interview with Dana Reyes", "Acme", ("", "")),
    ],
)
def test_the_summary_gives_the_role_and_the_company(summary, domain_company, expected):
    assert role_and_company(summary, domain_company, ("Sam Ortiz", "Dana Reyes")) == expected


def test_a_mail_domain_names_a_company():
    assert company_from_domain("acme-corp.com") == "Acme Corp"
    assert company_from_domain("mail.umbrella.co.uk") == "Umbrella"
    assert company_matches("Acme Corp", "acme.example")
    assert company_matches("Acme Corp", "acmecorp.com")
    assert not company_matches("Globex", "acme.example")


# -- the interviews they make -------------------------------------------------------------------
def test_an_invitation_becomes_an_interview_on_a_new_opportunity_with_the_people_met(deps):
    report = load(deps, "google-invitation.eml")
    assert counts(report) == ("invite", 1, 0, 0)
    view = show_opportunity(deps, "acme-account-executive")
    opportunity = view.opportunity
    assert (opportunity.company, opportunity.role) == ("Acme Corp", "Account Executive")
    [interview] = opportunity.interviews
    assert (interview.date, interview.time, interview.round) == (
        date(2026, 12, 23),
        time(10, 0),
        1,
    )
    assert interview.location == "https://meet.google.com/abc-defg-hij"
    assert interview.contacts == (
        Contact("Dana Reyes", email="dana.reyes@acme-corp.com", minutes=55),
        Contact("Lee Park", email="lee.park@acme-corp.com", minutes=55),
    )
    # thank-yous planned for both (DESIGN: bd_after(interview, 2); Dec 25 is a holiday)
    assert [(t.step, t.contact, t.due) for t in view.touches if t.step == "thank_you"] == [
        ("thank_you", "Dana Reyes", date(2026, 12, 28)),
        ("thank_you", "Lee Park", date(2026, 12, 28)),
    ]
    # and they are in the address book, at the company
    assert [(p.name, p.company, p.source) for p in book.list_people(deps)] == [
        ("Dana Reyes", "Acme Corp", "invite"),
        ("Lee Park", "Acme Corp", "invite"),
    ]


def test_the_date_is_where_the_candidate_lives(deps):
    load(deps, "thunderbird-forward-qp.eml")  # 23:30 in Berlin on the 11th
    [interview] = show_opportunity(deps, "umbrella-key-account-manager").opportunity.interviews
    assert (interview.date, interview.time) == (date(2027, 1, 11), time(16, 30))
    update_profile(deps, timezone="Asia/Tokyo")
    deps.store.committed.invitations.clear()  # as if never imported
    deps.store.committed.opportunities.clear()
    load(deps, "thunderbird-forward-qp.eml")
    [interview] = show_opportunity(deps, "umbrella-key-account-manager").opportunity.interviews
    assert (interview.date, interview.time) == (date(2027, 1, 12), time(7, 30))


def test_the_same_file_twice_changes_nothing_and_a_dry_run_changes_nothing(deps):
    dry = load(deps, "apple-invitation.ics", dry_run=True)
    assert counts(dry) == ("invite", 1, 0, 0) and dry.dry_run
    assert plan_touches(deps) == [] and list(book.list_people(deps)) == []
    load(deps, "apple-invitation.ics")
    before = (plan_touches(deps), list(book.list_people(deps)))
    assert counts(load(deps, "apple-invitation.ics")) == ("invite", 0, 0, 1)
    assert (plan_touches(deps), list(book.list_people(deps))) == before


def test_an_invitation_finds_the_opportunity_whose_people_share_the_organizers_domain(deps):
    add_opportunity(deps, "globex-sales", "Globex Corporation", "Enterprise Account Manager")
    book.remember_person(deps, book.Person("Someone", company="Other"))
    from followup.services.recording import capture_interview

    capture_interview(
        deps,
        date(2026, 12, 1),
        (Contact("Minh Nguyen", email="minh@globex.example"),),
        "globex-sales",
    )
    load(deps, "outlook-invitation.eml")
    interviews = show_opportunity(deps, "globex-sales").opportunity.interviews
    assert [(iv.date, iv.round) for iv in interviews] == [
        (date(2026, 12, 1), 1),
        (date(2027, 1, 6), 2),
    ]
    assert [c.name for c in interviews[1].contacts] == ["Pat Kim", "Minh Nguyễn"]


def test_an_invitation_finds_an_application_of_the_company_its_domain_names(deps):
    add_opportunity(deps, "acme-app", "Acme Corp", "Account Executive")
    load(deps, "google-invitation.eml")
    assert len(show_opportunity(deps, "acme-app").opportunity.interviews) == 1


def test_the_opportunity_can_be_named(deps):
    add_opportunity(deps, "mine", "Initech")
    load(deps, "apple-invitation.ics", opportunity="mine")
    assert len(show_opportunity(deps, "mine").opportunity.interviews) == 1
    with pytest.raises(NotFound, match=r"^opportunity: no opportunity 'nope'"):
        load(deps, "google-invitation.eml", opportunity="nope")


def test_a_new_sequence_moves_the_interview_and_re_plans(deps):
    load(deps, "outlook-invitation.eml")
    oid = "globex-enterprise-account-manager"
    thanks = [t.due for t in show_opportunity(deps, oid).touches if t.step == "thank_you"]
    assert thanks == [date(2027, 1, 8)] * 2
    assert counts(load(deps, "outlook-update.ics")) == ("invite", 0, 1, 0)
    view = show_opportunity(deps, oid)
    [interview] = view.opportunity.interviews
    assert (interview.date, interview.time) == (date(2027, 1, 7), time(16, 0))
    assert [c.minutes for c in interview.contacts] == [45, 45]
    assert [t.due for t in view.touches if t.step == "thank_you"] == [date(2027, 1, 11)] * 2
    assert counts(load(deps, "outlook-update.ics")) == ("invite", 0, 0, 1)
    # the first version again is older: left as it is
    older = load(deps, "outlook-invitation.eml")
    assert counts(older) == ("invite", 0, 0, 0)
    assert [s.reason for s in older.skipped] == [
        "an older version of an invitation already imported (SEQUENCE 0, 1 is newer)"
    ]


def test_minutes_the_user_changed_are_kept_when_the_invitation_moves(deps):
    load(deps, "outlook-invitation.eml")
    oid = "globex-enterprise-account-manager"
    store = deps.store.committed
    opportunity = store.opportunities[oid]
    interview = opportunity.interviews[0]
    edited = (interview.contacts[0].__class__(**{**_fields(interview.contacts[0]), "minutes": 20}),)
    opportunity.interviews[0] = interview.__class__(
        **{**_fields(interview), "contacts": edited + interview.contacts[1:]}
    )
    load(deps, "outlook-update.ics")
    contacts = show_opportunity(deps, oid).opportunity.interviews[0].contacts
    assert [(c.name, c.minutes) for c in contacts] == [("Pat Kim", 20), ("Minh Nguyễn", 45)]


def _fields(obj):
    return {name: getattr(obj, name) for name in obj.__slots__}


def test_a_cancellation_removes_the_interview_while_nothing_of_it_is_done(deps):
    load(deps, "outlook-invitation.eml")
    report = load(deps, "outlook-cancellation.eml")
    assert counts(report) == ("invite", 0, 1, 0)
    view = show_opportunity(deps, "globex-enterprise-account-manager")
    assert view.opportunity.interviews == [] and view.touches == []
    assert counts(load(deps, "outlook-cancellation.eml")) == ("invite", 0, 0, 1)
    again = load(deps, "outlook-update.ics")  # an update older than the cancellation
    assert [s.reason for s in again.skipped] == [
        "an older version of an invitation already cancelled (SEQUENCE 1, 2 is newer)"
    ]


def test_a_cancellation_keeps_an_interview_whose_thank_you_is_done(deps):
    load(deps, "outlook-invitation.eml")
    oid = "globex-enterprise-account-manager"
    log_event(deps, oid, "done", "Pat Kim", "thank_you", on=date(2027, 1, 6))
    report = load(deps, "outlook-cancellation.eml")
    assert counts(report) == ("invite", 0, 0, 0)
    assert [(s.reason) for s in report.skipped] == [
        f"kept interview {oid}-2027-01-06: its thank-you to Pat Kim is done"
    ]
    assert len(show_opportunity(deps, oid).opportunity.interviews) == 1


def test_a_cancellation_of_an_interview_never_imported_is_skipped(deps):
    report = load(deps, "outlook-cancellation.eml")
    assert counts(report) == ("invite", 0, 0, 0)
    assert [s.reason for s in report.skipped] == [
        "a cancellation of an interview that was never imported"
    ]


def test_options_for_another_kind_are_refused(deps):
    with pytest.raises(BadInput, match=r"^opportunity: expected a file of kind invite"):
        import_file(
            deps,
            ImportSource.from_bytes((DATA / "Connections.csv").read_bytes(), "c.csv"),
            options=ImportOptions(opportunity="x"),
        )


def test_the_candidate_is_known_by_their_address_in_any_case(deps):
    load(deps, "apple-invitation.ics")
    [interview] = show_opportunity(deps, "initech-regional-sales-director").opportunity.interviews
    assert [c.name for c in interview.contacts] == ["Aurélie Dubois", "Bill Lumbergh"]
    assert isinstance(deps.store.committed.candidate, Candidate)


def test_an_event_downloaded_without_a_method_is_published_and_an_all_day_one_has_no_time(deps):
    raw = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//zoom.us//iCalendar Event//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:zoom-123\r\nDTSTAMP:20261215T100000Z\r\n"
        b"DTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270106\r\n"
        b"SUMMARY:Onsite interview day at Hooli\r\n"
        b"ORGANIZER;CN=Zoom:mailto:no-reply@zoom.us\r\n"
        b"ATTENDEE;CN=Gavin Belson:mailto:gavin@hooli.example\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [found] = read_invitations(raw, "zoom.ics")
    event = found.value
    assert (event.start, event.minutes, event.organizer) == (date(2027, 1, 5), 0, None)
    assert event.domains == ("hooli.example",)
    report = import_file(deps, ImportSource.from_bytes(raw, "zoom.ics"))
    assert (report.kind, report.added) == ("invite", 1)
    [interview] = show_opportunity(deps, "hooli").opportunity.interviews
    assert (interview.date, interview.time, [c.name for c in interview.contacts]) == (
        date(2027, 1, 5),
        None,
        ["Gavin Belson"],
    )


# -- what the sweep of real files found ----------------------------------------------------------
def test_google_sequence_written_as_a_timestamp_is_read_and_a_later_version_moves_it(deps):
    """Google Calendar has written SEQUENCE as milliseconds since 1970, past the 32-bit range
    RFC 5545 sets: read, held at the largest SEQUENCE stored, and the next version still moves
    the interview."""
    [first] = invitations("google-timestamp-sequence.ics")
    assert first.sequence == 2**31 - 1
    assert counts(load(deps, "google-timestamp-sequence.ics")) == ("invite", 1, 0, 0)
    assert counts(load(deps, "google-timestamp-sequence.ics")) == ("invite", 0, 0, 1)
    assert counts(load(deps, "google-timestamp-sequence-moved.ics")) == ("invite", 0, 1, 0)
    [interview] = show_opportunity(deps, "hooli-account-executive").opportunity.interviews
    assert (interview.date, interview.time) == (date(2026, 12, 22), time(11, 0))


def test_a_sequence_of_thousands_of_digits_is_held_at_the_largest_too():
    """Past 4,300 digits Python's int() refuses a number: a SEQUENCE that long is still a whole
    number, held at the largest stored, not refused as "expected a whole number"."""
    raw = (DATA / "google-timestamp-sequence.ics").read_bytes()
    start = raw.index(b"SEQUENCE:") + len(b"SEQUENCE:")
    end = raw.index(b"\r\n", start)
    [event] = [
        r.value
        for r in read_invitations(raw[:start] + b"7" * 5000 + raw[end:], "long.ics")
        if isinstance(r, Found)
    ]
    assert event.sequence == 2**31 - 1


def test_white_space_after_values_and_a_vendor_prefixed_zone_are_read_without_a_warning():
    """PHP iCalendar writes "DURATION:PT45M " and "/softwarestudio.org/…/America/Chicago"; the
    warning icalendar gives for that zone does not reach the user's terminal."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [event] = invitations("php-calendar-trailing-spaces.ics")
    assert [str(w.message) for w in caught] == []
    assert (event.start, event.minutes, event.location) == (
        datetime(2026, 12, 18, 9, 0, tzinfo=CHICAGO),
        45,
        "4120 Freidrich Lane, Austin",
    )
    assert event.uid == "20261218T090000-initech-interview@webcal.initech.example"


def test_a_saved_message_with_blank_lines_before_its_headers_is_a_message():
    raw = (DATA / "saved-with-blank-lines.eml").read_bytes()
    assert InviteReader().sniff(raw[:4096], "saved.eml")
    [event] = invitations("saved-with-blank-lines.eml")
    assert event.organizer == Attendee("Bill Lumbergh", "bill@initech.example")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "DTSTART:20261221T160000Z",
            "DTSTART:20261221T160000Z\r\nDTSTART:20261221T170000Z",
        ),
        ("METHOD:REQUEST", "METHOD:XYZ"),
    ],
)
def test_two_starts_or_an_unknown_method_say_so_plainly(change, message):
    raw = (DATA / "google-timestamp-sequence.ics").read_bytes()
    with pytest.raises(BadInput) as error:
        read_invitations(raw.replace(change.encode(), message.encode()), "x.ics")
    assert str(error.value) in (
        "x.ics: DTSTART: expected one, the event has 2",
        "x.ics: METHOD: expected an invitation (REQUEST, PUBLISH) or a cancellation (CANCEL), "
        "got XYZ",
    )


def test_an_event_with_no_one_but_the_candidate_is_skipped_saying_why(deps):
    """A calendar's own event (exported from Apple Calendar, no ORGANIZER, no ATTENDEE) is no
    invitation: skipped with a reason a person reads, and nothing is made."""
    report = load(deps, "calendar-own-event.ics")
    assert counts(report) == ("invite", 0, 0, 0)
    assert [(s.where, s.reason) for s in report.skipped] == [
        (
            "calendar-own-event.ics",
            "no one to meet: the event has no ORGANIZER or ATTENDEE besides you (an interview "
            "invitation names who you meet)",
        )
    ]
    assert plan_touches(deps) == []


def test_a_call_given_by_rfc_7986_conference_properties_is_the_place_the_video_link_first():
    [event] = invitations("conference-property.ics")
    assert event.location == "https://meet.vandelay.example/j/918273"
    assert event.minutes == 60


def test_icloud_gives_a_relay_address_and_the_real_one_in_an_email_parameter(deps):
    """iCloud writes the organizer as mailto:2_…@imip.me.com with EMAIL=the person's address:
    the person is known by their own address, once, and Apple's relay names no company."""
    [event] = invitations("icloud-invitation.ics")
    assert event.organizer == Attendee("Rita Okafor", "rita.okafor@icloud.com")
    assert event.domains == ("example.com", "soylent.example")  # the candidate left later
    load(deps, "icloud-invitation.ics")
    [opportunity] = [o for o in deps.store.committed.opportunities.values()]
    [interview] = opportunity.interviews
    assert opportunity.company == "Soylent"
    assert [(c.name, c.email) for c in interview.contacts] == [
        ("Rita Okafor", "rita.okafor@icloud.com"),
        ("Dev Patel", "dev.patel@soylent.example"),
    ]


def test_an_exchange_online_tenant_domain_names_the_company_not_microsoft():
    assert company_from_domain("initrode.onmicrosoft.com") == "Initrode"
    assert company_from_domain("mail.initrode.onmicrosoft.com") == "Initrode"
    [event] = invitations("exchange-online-tenant.ics")
    assert event.domains == ("initrode.onmicrosoft.com", "example.com")


def test_exchange_2010_with_a_blank_time_zone_name_reads_by_its_vtimezone():
    """Exchange 2010 has written its zone as `TZID:` with no name, and `DTSTART;TZID=:` (ical4j's
    samples keep one such invitation): the whole file was refused ("mandatory TZID not found");
    the VTIMEZONE it defines (here UTC's offsets) says when the interview is."""
    (invitation,) = invitations("exchange-blank-tzid.ics")
    assert invitation.start.utcoffset() == timedelta(0)
    assert (invitation.start.replace(tzinfo=None), invitation.minutes) == (
        datetime(2026, 12, 18, 9, 0),
        60,
    )
    assert [a.email for a in invitation.attendees] == [
        "thandiwe.mokoena@karoo-mining.example",
        "sam.ortiz@example.com",
        "pieter.vanwyk@karoo-mining.example",
    ]


def test_a_file_with_one_calendar_per_event_reads_every_event():
    """ownCloud's calendar exported each event in a VCALENDAR of its own, one after the other
    (nextcloud/calendar issue 336; ical4j's samples keep such files): the file was refused as
    'multiple components where only one is allowed'; each event is an invitation."""
    found = invitations("owncloud-calendar-per-event.ics")
    vienna = ZoneInfo("Europe/Vienna")
    assert [(i.uid, i.start, i.minutes) for i in found] == [
        ("a81f3c92d4", datetime(2026, 12, 9, 10, 0, tzinfo=vienna), 45),
        ("b5520e17f0", datetime(2026, 12, 16, 14, 0, tzinfo=vienna), 60),
    ]


def test_a_name_that_only_says_there_is_none_is_no_name_the_address_gives_it(deps):
    """Scheduling tools fill a CN they lack with a word for "no name" ("Unknown", "No Name",
    "Unknown attendee 3", a script's "undefined"): nobody is called that; the address names the
    person, as when there is no CN at all. An attendee with neither is nobody."""
    [event] = invitations("scheduler-placeholder-names.ics")
    assert [(a.name, a.email) for a in event.people] == [
        ("Priya Natarajan", "priya.natarajan@brightwave.example"),
        ("", "m.keller@brightwave.example"),
        ("", "jonas.osei@brightwave.example"),
        ("", "a.lindqvist@brightwave.example"),
        ("", "tomas.ferreira@brightwave.example"),
        ("Sam Ortiz", "sam.ortiz@example.com"),
    ]
    report = load(deps, "scheduler-placeholder-names.ics")
    assert counts(report) == ("invite", 1, 0, 0)
    [interview] = show_opportunity(
        deps, "brightwave-customer-success-manager"
    ).opportunity.interviews
    assert [c.name for c in interview.contacts] == [
        "Priya Natarajan",
        "M Keller",
        "Jonas Osei",
        "A Lindqvist",
        "Tomas Ferreira",
    ]


def test_an_answer_beside_the_invitation_is_left_out_and_an_answer_alone_is_refused(deps):
    """A recruiter forwards the invitation with a colleague's acceptance attached (Outlook:
    the REQUEST as a text/calendar part, the "Accepted:" message with its METHOD:REPLY as an
    attached message): the invitation comes in, the answer is left out saying why. A file of
    answers only is still no invitation."""
    records = read_invitations((DATA / "outlook-forward-with-reply.eml").read_bytes(), "fw.eml")
    assert [(type(r).__name__, r.where) for r in records] == [
        ("Found", "fw.eml (text/calendar)"),
        ("Skip", "fw.eml (text/calendar)"),
    ]
    assert records[1].reason == (
        "METHOD:REPLY: an answer to an invitation (someone accepting or declining), not one"
    )
    report = load(deps, "outlook-forward-with-reply.eml")
    assert counts(report) == ("invite", 1, 0, 0)
    [interview] = show_opportunity(deps, "thamesford-partnerships-manager").opportunity.interviews
    assert [c.name for c in interview.contacts] == ["Harriet Okonjo", "Graham Pell"]
    raw = (DATA / "outlook-forward-with-reply.eml").read_bytes()
    answer_only = raw.replace(b"method=REQUEST", b"method=REPLY")
    answer_only = answer_only.replace(
        raw[raw.index(b"Content-Transfer-Encoding: base64\r\n\r\n") + 37 :].split(b"\r\n\r\n")[0],
        base64.b64encode(b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"),
    )
    with pytest.raises(BadInput) as refused:
        read_invitations(answer_only, "fw.eml")
    assert str(refused.value) == (
        "fw.eml (text/calendar): METHOD: expected an invitation (REQUEST, PUBLISH) or a "
        "cancellation (CANCEL), got REPLY (an answer to an invitation, not one)"
    )


def test_an_answer_among_the_calendars_of_one_file_is_left_out_by_its_number():
    """An iTIP inbox or a calendar export holding several VCALENDARs: the one that answers
    (METHOD:REPLY) is named by its place in the file and left out; the others come in."""
    text = (DATA / "owncloud-calendar-per-event.ics").read_text("utf-8")
    second = text.index("BEGIN:VCALENDAR", 10)
    text = text[:second] + text[second:].replace("VERSION:2.0", "VERSION:2.0\nMETHOD:REPLY", 1)
    records = read_invitations(text.encode(), "x.ics")
    assert [(type(r).__name__, r.where) for r in records] == [
        ("Skip", "x.ics calendar 2"),
        ("Found", "x.ics"),
    ]


def test_an_exchange_colleague_addressed_by_directory_name_is_met_by_name(deps):
    """Exchange addresses a colleague of its own organisation by the directory's X.500 name
    (`MAILTO:/O=EXCHANGELABS/OU=…/CN=RECIPIENTS/CN=…`), not a mail address: that person is met,
    known by the CN; the invitation is not lost for it. A room given with an empty address is
    nobody, as before."""
    [event] = invitations("exchange-x500-attendee.ics")
    assert [(a.name, a.email) for a in event.people] == [
        ("Katrin Vogel", "katrin.vogel@rheinwerk-logistik.example"),
        ("Jens Albrecht", ""),
        ("Sam Ortiz", "sam.ortiz@example.com"),
    ]
    report = load(deps, "exchange-x500-attendee.ics")
    assert counts(report) == ("invite", 1, 0, 0)
    [opportunity] = [
        view.opportunity for view in [show_opportunity(deps, "rheinwerk-logistik-disponent-m-w-d")]
    ]
    [interview] = opportunity.interviews
    assert [(c.name, c.email) for c in interview.contacts] == [
        ("Katrin Vogel", "katrin.vogel@rheinwerk-logistik.example"),
        ("Jens Albrecht", ""),
    ]


def test_an_address_that_is_no_mail_address_leaves_out_that_attendee_only():
    """Google's birthdays calendar gives its one attendee as `…@virtual`: no one to write to,
    so no one met (the event is then skipped as having no one to meet, not refused for a field
    of the dossier)."""
    text = (DATA / "google-timestamp-sequence.ics").read_text("utf-8")
    records = read_invitations(
        text.replace("priya.raman@hooli.example", "4dhmurjkc5hn8@virtual").encode(), "x.ics"
    )
    [event] = [r.value for r in records if isinstance(r, Found)]
    assert [a.email for a in event.people] == ["sam.ortiz@example.com"]


def test_without_the_candidates_address_two_employers_invitations_stay_apart():
    """Before the profile has an address, the candidate is one more attendee on every
    invitation: their own mail domain must not join one employer's interview to another's.
    The opportunity is the one whose people share the organizer's domain (DESIGN), only."""
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2026, 12, 16, 15, 0, tzinfo=UTC),
        readers=bootstrap.readers,
    )
    assert counts(load(deps, "exchange-x500-attendee.ics")) == ("invite", 1, 0, 0)
    assert counts(load(deps, "outlook-forward-with-reply.eml")) == ("invite", 1, 0, 0)
    [first] = show_opportunity(deps, "rheinwerk-logistik-disponent-m-w-d").opportunity.interviews
    [second] = show_opportunity(deps, "thamesford-partnerships-manager").opportunity.interviews
    assert [c.name for c in first.contacts] == ["Katrin Vogel", "Jens Albrecht", "Sam Ortiz"]
    assert [c.name for c in second.contacts] == ["Harriet Okonjo", "Graham Pell", "Sam Ortiz"]


def test_a_shared_calendar_that_organizes_is_no_one_met(deps):
    """Google sends an invitation made on a team's shared calendar with that calendar as the
    ORGANIZER (`c_…@group.calendar.google.com`, its CN the calendar's name), and books a room
    as an attendee (`…@resource.calendar.google.com`): addresses of calendars, not of anyone to
    thank. Only the interviewer is met."""
    [event] = invitations("google-group-calendar-organizer.ics")
    assert [(a.name, a.email) for a in event.people] == [
        ("Ingrid Solberg", "ingrid.solberg@nordlicht.example"),
        ("sam.ortiz@example.com", "sam.ortiz@example.com"),  # the candidate, left out below
    ]
    report = load(deps, "google-group-calendar-organizer.ics")
    assert counts(report) == ("invite", 1, 0, 0)
    [summary] = bootstrap_summaries(deps)
    [interview] = show_opportunity(deps, summary).opportunity.interviews
    assert [c.name for c in interview.contacts] == ["Ingrid Solberg"]
    assert counts(load(deps, "google-group-calendar-organizer.ics")) == ("invite", 0, 0, 1)


def bootstrap_summaries(deps) -> list[str]:
    with deps.store.unit_of_work(readonly=True) as uow:
        return uow.opportunity_ids()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Probe//EN\r\n{}END:VCALENDAR\r\n",
            "hours.ics: expected an event (VEVENT) in the calendar, found only office hours "
            "(VAVAILABILITY)",
        ),
        (
            "{}",
            "hours.ics: expected an iCalendar file starting with BEGIN:VCALENDAR",
        ),
    ],
)
def test_office_hours_published_as_availability_are_a_calendar_without_an_event(
    deps, text, message
):
    """RFC 7953's VAVAILABILITY (the hours someone can be booked, as a scheduling tool publishes
    them) is a calendar's component: in a calendar or alone, it is named as what it is, not read
    as a spreadsheet of unknown columns."""
    hours = (
        "BEGIN:VAVAILABILITY\r\nORGANIZER:mailto:hiring@harbour.example\r\nUID:hours-1\r\n"
        "DTSTAMP:20261201T090000Z\r\nBEGIN:AVAILABLE\r\nUID:hours-1-a\r\n"
        "DTSTAMP:20261201T090000Z\r\nDTSTART:20261207T090000Z\r\nDTEND:20261207T120000Z\r\n"
        "END:AVAILABLE\r\nEND:VAVAILABILITY\r\n"
    )
    source = ImportSource.from_bytes(text.format(hours).encode(), "hours.ics")
    with pytest.raises(BadInput) as raised:
        import_file(deps, source)
    assert raised.value.message.startswith(message)


WIDE_FORMS = [
    ("as written (UTF-16 LE, a mark)", lambda text: b"\xff\xfe" + text.encode("utf-16-le")),
    ("UTF-16 BE, byte-order mark", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
    ("UTF-16 LE, no byte-order mark", lambda text: text.encode("utf-16-le")),
    ("UTF-8", lambda text: text.encode("utf-8")),
]


@pytest.mark.parametrize(("form", "encode"), WIDE_FORMS, ids=[f for f, _ in WIDE_FORMS])
def test_a_calendar_written_in_utf16_is_read_as_the_same_invitation(deps, form, encode):
    """Windows Calendar (Vista's, `PRODID:-//Microsoft Corporation//Windows Calendar 1.0//EN`)
    saves .ics files in UTF-16 with a byte-order mark (ical.net's tests keep one): the file was
    refused as "expected UTF-8 JSON, found a byte that is not UTF-8 at offset 0". In every
    UTF-16 form, as in UTF-8, it is the same invitation, accents and zone kept."""
    text = (DATA / "windows-calendar-utf16.ics").read_bytes()[2:].decode("utf-16-le")
    source = ImportSource.from_bytes(encode(text), "Entretien.ics")
    report = import_file(deps, source)
    assert counts(report) == ("invite", 1, 0, 0)
    again = import_file(deps, ImportSource.from_bytes(encode(text), "Entretien.ics"))
    assert counts(again) == ("invite", 0, 0, 1)
    [event] = read_invitations(encode(text), "Entretien.ics")
    assert isinstance(event, Found)
    invitation = event.value
    assert invitation.start == datetime(2026, 12, 10, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert invitation.minutes == 45
    assert invitation.summary == "Entretien – Responsable grands comptes"
    assert invitation.location == "Siège, 12 rue de la Boétie, Paris"
    assert [(a.name, a.email) for a in invitation.people] == [
        ("Hélène Lefèvre", "helene.lefevre@societe-generale-conseil.example"),
        ("Sam Ortiz", "sam.ortiz@example.com"),
        ("François Nguyễn", "francois.nguyen@societe-generale-conseil.example"),
    ]


def test_values_in_quoted_printable_or_base64_are_read_decoded():
    """Calendars written by vCalendar 1.0's habits (Drupal's iCal export, as ical.net's tests
    keep one; old phones) give `ENCODING=QUOTED-PRINTABLE` values, with soft line breaks (`=` at
    a line's end) and a `CHARSET`, and `ENCODING=BASE64` text: the whole file was refused
    ("Content line could not be parsed into parts"), and a summary without a soft break would
    have named the role "Entretien =C3=A9quipe". Each value is decoded in its charset; a plain
    value ending in `=` (a URL's query) is no soft break."""
    [invitation] = invitations("drupal-quoted-printable.ics")
    assert invitation.summary == "Entretien équipe ventes – Lyon"
    assert invitation.location == "Siège, 3 place Bellecour, Lyon"
    assert invitation.sequence == 2
    assert invitation.start == datetime(2026, 12, 10, 14, 0, tzinfo=UTC)
    assert [(a.name, a.email) for a in invitation.people] == [
        ("Amélie Rousseau", "amelie.rousseau@lumiere-conseil.example"),
        ("Sam Ortiz", "sam.ortiz@example.com"),
    ]


def _request(stamp: str, start: str, sequence: int = 1, uid: str = "move-1@acme.example") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:{sequence}\r\nDTSTAMP:{stamp}\r\n"
        f"DTSTART:{start}\r\nDURATION:PT45M\r\nSUMMARY:Interview\r\n"
        "ORGANIZER;CN=Dana Reyes:mailto:dana@acme.example\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.mark.parametrize(
    ("calendars", "expected"),
    [
        # moved without a new SEQUENCE, the later message last (RFC 2446's sample iTIP inbox)
        (
            [("20261201T090000Z", "20261210T150000Z"), ("20261201T093000Z", "20261210T160000Z")],
            [("move-1@acme.example", datetime(2026, 12, 10, 16, 0, tzinfo=UTC))],
        ),
        # the later message first: it still wins
        (
            [("20261201T093000Z", "20261210T160000Z"), ("20261201T090000Z", "20261210T150000Z")],
            [("move-1@acme.example", datetime(2026, 12, 10, 16, 0, tzinfo=UTC))],
        ),
        # near miss: the same DTSTAMP twice keeps the first, as before
        (
            [("20261201T090000Z", "20261210T150000Z"), ("20261201T090000Z", "20261210T160000Z")],
            [("move-1@acme.example", datetime(2026, 12, 10, 15, 0, tzinfo=UTC))],
        ),
    ],
)
def test_of_two_requests_of_one_sequence_the_later_stamped_is_the_interview(calendars, expected):
    """RFC 5546 (2.1.5): of two messages of one UID and one SEQUENCE, the later DTSTAMP is the
    newer. A file holding both (ical4j's iTIP inbox `incoming.ics`: a REQUEST moved an hour
    without a new SEQUENCE) kept the first one read."""
    raw = "".join(_request(stamp, start) for stamp, start in calendars).encode()
    found = [r.value for r in read_invitations(raw, "inbox.ics") if isinstance(r, Found)]
    assert [(i.uid, i.start) for i in found] == expected


def test_a_higher_sequence_wins_over_a_later_stamp():
    raw = (
        _request("20261201T090000Z", "20261210T150000Z", sequence=2)
        + _request("20261201T093000Z", "20261210T160000Z", sequence=1)
    ).encode()
    found = [r.value for r in read_invitations(raw, "inbox.ics") if isinstance(r, Found)]
    assert [(i.sequence, i.start) for i in found] == [
        (2, datetime(2026, 12, 10, 15, 0, tzinfo=UTC))
    ]


# -- rounds follow the days ----------------------------------------------------------------------
def _invite(uid: str, day: str, method: str = "REQUEST", sequence: int = 0) -> ImportSource:
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            f"METHOD:{method}",
            "BEGIN:VEVENT",
            f"UID:{uid}@google.com",
            f"SEQUENCE:{sequence}",
            "DTSTAMP:20261215T120000Z",
            f"DTSTART:{day}T160000Z",
            f"DTEND:{day}T170000Z",
            "SUMMARY:Interview: Account Executive at Initech",
            "ORGANIZER;CN=Lena Park:mailto:lena.park@initech.example",
            "ATTENDEE;CN=Lena Park;PARTSTAT=ACCEPTED:mailto:lena.park@initech.example",
            "ATTENDEE;CN=Sam Ortiz;PARTSTAT=NEEDS-ACTION:mailto:sam.ortiz@example.com",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    return ImportSource.from_bytes(text.encode(), f"{uid}.ics")


def _rounds(deps) -> list[tuple[date, int]]:
    [oid] = deps.store.committed.opportunities
    return sorted((iv.date, iv.round) for iv in show_opportunity(deps, oid).opportunity.interviews)


def test_an_invitation_to_an_earlier_day_makes_the_interviews_after_it_later_rounds(deps):
    # The second round's invitation came first; the first round's, dated before it, second.
    import_file(deps, _invite("second", "20270120"))
    import_file(deps, _invite("first", "20270112"))
    assert _rounds(deps) == [
        (date(2027, 1, 12), 1),
        (date(2027, 1, 20), 2),
    ]
    # Moved past the other, the first becomes the second round; cancelled, the other is first.
    import_file(deps, _invite("first", "20270127", sequence=1))
    assert _rounds(deps) == [
        (date(2027, 1, 20), 1),
        (date(2027, 1, 27), 2),
    ]
    import_file(deps, _invite("first", "20270127", "CANCEL", sequence=2))
    assert _rounds(deps) == [(date(2027, 1, 20), 1)]


def test_rounds_the_user_set_are_kept_when_an_earlier_invitation_comes(deps):
    import_file(deps, _invite("third", "20270120"))
    [oid] = deps.store.committed.opportunities
    opportunity = deps.store.committed.opportunities[oid]
    [interview] = opportunity.interviews
    opportunity.interviews[0] = interview.__class__(**{**_fields(interview), "round": 3})
    import_file(deps, _invite("first", "20270112"))
    assert _rounds(deps) == [
        (date(2027, 1, 12), 1),
        (date(2027, 1, 20), 3),
    ]
