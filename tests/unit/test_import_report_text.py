"""What an import says it skipped: each reason once, with how many records it holds for and the
first few named, and the true count past the records the report lists."""

from __future__ import annotations

from followup.cli.capture import import_report
from followup.services.ports import ImportReport, Skipped

NO_ONE = "no one to meet: the event has no ORGANIZER or ATTENDEE besides you"


def test_a_reason_shared_by_many_records_is_one_line_naming_the_first_few():
    skipped = tuple(Skipped(f"holidays.ics event {n}", NO_ONE) for n in range(1, 201))
    report = ImportReport("invite", skipped=(*skipped, Skipped("…", "56 more skipped, not listed")))
    assert import_report(report) == (
        "Imported 0 invitations: 0 added, 0 updated, 0 unchanged; 256 skipped.\n"
        f"  skipped 200 in holidays.ics (event 1, event 2, event 3, …): {NO_ONE}\n"
        "  … and 56 more skipped"
    )


def test_reasons_of_one_record_each_are_listed_as_they_were():
    report = ImportReport(
        "vcard",
        added=2,
        skipped=(
            Skipped("card 4 (line 32)", "no name and no email address"),
            Skipped("card 9 (line 70)", "a group of contacts (KIND:group), not a person"),
            Skipped("card 12 (line 95)", "no name and no email address"),
        ),
    )
    assert import_report(report) == (
        "Imported 2 people from vCards: 2 added, 0 updated, 0 unchanged; 3 skipped.\n"
        "  skipped 2 (card 4 (line 32), card 12 (line 95)): no name and no email address\n"
        "  skipped card 9 (line 70): a group of contacts (KIND:group), not a person"
    )
