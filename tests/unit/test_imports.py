"""Importing a file through the one use case: the kind found from the content, the dossier read
in two streamed passes with the same results and the same errors as reading it whole, dry runs,
and all-or-nothing."""

from __future__ import annotations

import copy
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup import bootstrap
from followup.adapters.files.dossier import DossierReader, parse_dossier, read_dossier_text
from followup.adapters.files.json_stream import ARRAY_START, NotStreamable, members
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.errors import BadInput, FollowupError, InvalidField
from followup.services.dependencies import Dependencies
from followup.services.imports import import_file
from followup.services.planning import plan_touches
from followup.services.ports import ImportSource, NoProgress

from ..fakes import FakeStore, fake_deps

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())


@pytest.fixture
def deps() -> Dependencies:
    return fake_deps(datetime(2027, 1, 21, 15, 0, tzinfo=UTC))


def source(data: object, name: str = "dossier.json") -> ImportSource:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return ImportSource.from_bytes(raw, name)


def plan_of(deps):
    return [
        (r.touch.opportunity, r.touch.step, r.touch.contact, r.touch.due, r.touch.status)
        for r in plan_touches(deps)
    ]


def many(n: int) -> dict:
    dossier = copy.deepcopy(WORKED)
    first = dossier["opportunities"][0]
    dossier["opportunities"] = [dict(copy.deepcopy(first), id=f"acme-{i}") for i in range(n)]
    return dossier


def test_a_dossier_file_imports_and_reports_what_it_did(deps):
    report = import_file(deps, source(WORKED))
    assert (report.kind, report.read, report.added, report.updated, report.unchanged) == (
        "dossier",
        1,
        1,
        0,
        0,
    )
    assert report.touches == 13 and report.candidate_changed and not report.dry_run
    again = import_file(deps, source(WORKED))
    assert (again.added, again.updated, again.unchanged, again.touches) == (0, 0, 1, 0)


def test_the_streamed_import_stores_exactly_what_reading_it_whole_stores(deps):
    dossier = many(40)
    dossier["opportunities"][7]["policy"] = "etiquette"
    import_file(deps, source(dossier))
    whole = Dependencies(FakeStore(), calendar_for, PolicyBook(None))
    from followup.services.dossier import import_dossier

    import_dossier(whole, parse_dossier(dossier))
    assert deps.store.committed.opportunities == whole.store.committed.opportunities
    assert plan_of(deps) == plan_of(whole)


def test_the_candidate_counts_wherever_it_is_in_the_file(deps):
    # the candidate after the opportunities: its calendar (Illinois) and default policy apply
    dossier = {"opportunities": WORKED["opportunities"], "candidate": WORKED["candidate"]}
    text = json.dumps(dossier).encode()
    assert text.index(b'"candidate"') > text.index(b'"opportunities"')
    import_file(deps, source(text))
    first = Dependencies(FakeStore(), calendar_for, PolicyBook(None), readers=bootstrap.readers)
    import_file(first, source(WORKED))
    assert plan_of(deps) == plan_of(first)


def test_a_json_error_late_in_the_file_comes_before_a_field_error_early_in_it(deps):
    bad = many(3)
    bad["opportunities"][0]["interviews"][0]["date"] = "2027-02-30"
    text = json.dumps(bad).encode()[:-3]  # cut off the end
    with pytest.raises(BadInput, match=r"^dossier\.json: expected JSON, Expecting"):
        import_file(deps, source(text))
    assert deps.store.commits == 0


def test_the_first_field_error_is_the_one_reading_it_whole_gives(deps):
    bad = many(3)
    bad["opportunities"][1]["interviews"][0]["date"] = "2027-02-30"
    bad["opportunities"][2]["company"] = ""
    bad["candidate"]["name"] = ""
    cases = [
        bad,  # the candidate's error comes first, though it is listed first anyway
        {"opportunities": bad["opportunities"], "candidate": bad["candidate"]},
        {"opportunities": bad["opportunities"]},
        {"opportunities": [bad["opportunities"][0], bad["opportunities"][0]]},
        {"opportunities": {"id": "x"}},
        {"opportunities": [1]},
    ]
    for dossier in cases:
        with pytest.raises(FollowupError) as whole:
            parse_dossier(dossier)
        with pytest.raises(FollowupError) as streamed:
            import_file(deps, source(dossier))
        assert str(streamed.value) == str(whole.value)
    assert deps.store.commits == 0


def test_a_merge_error_late_in_the_file_undoes_every_opportunity_before_it(deps):
    import_file(deps, source(WORKED))
    before = copy.deepcopy(deps.store.committed)
    bad = many(5)
    bad["opportunities"][4]["events"][0]["contact"] = "Nobody Here"
    with pytest.raises(InvalidField, match=r"^opportunities\[4\]\.events\[0\]\.contact: "):
        import_file(deps, source(bad))
    assert deps.store.committed == before


def test_a_dry_run_reports_and_changes_nothing(deps):
    report = import_file(deps, source(many(3)), dry_run=True)
    assert (report.added, report.dry_run) == (3, True)
    assert deps.store.commits == 0 and deps.store.committed.opportunities == {}


def test_the_kind_can_be_named_and_must_exist(deps):
    assert import_file(deps, source(WORKED), kind="dossier").added == 1
    with pytest.raises(
        InvalidField,
        match=r"^kind: expected one of invite, vcard, linkedin, google, applications, dossier, "
        r"got 'spreadsheet'$",
    ):
        import_file(deps, source(WORKED), kind="spreadsheet")


def test_a_file_no_reader_claims_is_read_as_a_dossier_and_refused_as_one(deps):
    """Text that is no JSON either (a one-column list of addresses, a note) is told what
    Followup imports; a JSON file that is broken is told where."""
    with pytest.raises(BadInput) as refused:
        import_file(deps, source(b"Primary Email\ntest1@domain.example\n", "emails.csv"))
    assert str(refused.value) == (
        "emails.csv: expected a file Followup imports (an invitation .ics or .eml, vCards, a "
        "CSV with a header row and a separator, or a JSON dossier), this one starts "
        "'Primary Email'"
    )
    with pytest.raises(BadInput, match=r"^notes\.json: expected JSON, Expecting value"):
        import_file(deps, source(b'{"opportunities": [', "notes.json"))
    with pytest.raises(BadInput, match=r"^empty\.json: expected a JSON dossier, the file is empty"):
        import_file(deps, source(b"", "empty.json"))


def test_the_dossier_reader_claims_a_json_object_only():
    reader = DossierReader()
    assert reader.sniff(b'\xef\xbb\xbf\n  {"opportunities": []}', "x.txt")
    assert not reader.sniff(b"BEGIN:VCALENDAR\r\n", "invite.ics")
    assert not reader.sniff(b"[1, 2]", "x.json")


def test_the_stream_reads_members_and_array_elements_in_file_order():
    text = b'\xef\xbb\xbf{"a": 1.5e3, "opportunities": [{"id": "x"}, [2]], "z": null}'
    found = list(members(io.BytesIO(text), "opportunities", lambda n: None))
    assert found == [
        ("a", 1500.0),
        ("opportunities", ARRAY_START),
        ("opportunities", {"id": "x"}),
        ("opportunities", [2]),
        ("z", None),
    ]


@pytest.mark.parametrize(
    "text",
    [b"", b"[]", b'{"a": 1} 2', b'{"a": 1, "a": 2}', b'{"a" 1}', b'{"o": [1 2]}', b"{\xff}"],
)
def test_the_stream_gives_up_on_what_json_loads_would_refuse_or_read_otherwise(text):
    with pytest.raises(NotStreamable):
        list(members(io.BytesIO(text), "o", lambda n: None))


def test_values_that_cross_the_read_window_are_read_whole(monkeypatch):
    import followup.adapters.files.json_stream as stream

    monkeypatch.setattr(stream, "CHUNK", 7)
    items = [{"name": "Zoë " * 9, "n": 123456789}, 9876543210, "é" * 20]
    text = json.dumps({"before": 12345678901234, "o": items}).encode()
    read: list[int] = []
    found = list(members(io.BytesIO(text), "o", read.append))
    assert found == [("before", 12345678901234), ("o", ARRAY_START), *(("o", i) for i in items)]
    assert sum(read) == len(text) and len(read) > 10  # read in many small pieces


def test_reading_whole_and_streamed_agree_on_the_worked_example():
    raw = json.dumps(WORKED).encode()
    streamed = DossierReader().read(ImportSource.from_bytes(raw, "w.json"), NoProgress())
    whole = parse_dossier(read_dossier_text(raw, "w.json"))
    assert streamed.candidate == whole.candidate and streamed.count == whole.count == 1
    assert list(streamed.entries()) == list(whole.entries())


def test_a_number_of_thousands_of_digits_is_one_clear_line_not_a_crash(deps):
    """Python refuses to turn more than 4,300 digits into an int: the streamed reader must give
    up on it like on any JSON it cannot stream, so reading it whole names the problem."""
    opportunity = copy.deepcopy(WORKED["opportunities"][0])
    text = json.dumps({"opportunities": [opportunity]}).replace(
        '"round": 1', '"round": ' + "7" * 5000
    )
    with pytest.raises(BadInput, match=r"^big\.json: expected JSON with numbers of sane size"):
        import_file(deps, source(text.encode(), "big.json"))
    assert deps.store.commits == 0


def test_a_dossier_saved_with_a_byte_order_mark_is_still_a_dossier(deps):
    """Windows' Notepad starts a UTF-8 file with a BOM; the CSV readers must not claim it."""
    raw = b"\xef\xbb\xbf" + json.dumps(WORKED).encode()
    report = import_file(deps, source(raw, "dossier.json"))
    assert (report.kind, report.added) == ("dossier", 1)


def test_a_dossier_in_utf16_is_told_to_be_utf8_not_to_give_a_column_mapping(deps):
    raw = json.dumps(WORKED).encode("utf-16")
    with pytest.raises(BadInput) as refused:
        import_file(deps, source(raw, "wide.json"))
    assert str(refused.value) == (
        "wide.json: expected UTF-8 JSON, found a byte that is not UTF-8 at offset 0"
    )


@pytest.mark.parametrize(
    ("raw", "name", "kind"),
    [
        (json.dumps(WORKED).encode(), "dossier.json", "dossier"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo Bloggs\r\nEND:VCARD\r\n", "jo.vcf", "vcard"),
    ],
)
def test_a_column_mapping_given_with_a_file_that_is_no_csv_says_what_the_file_is(
    deps, raw, name, kind
):
    from followup.services.ports import ImportOptions

    with pytest.raises(InvalidField) as refused:
        import_file(deps, source(raw, name), options=ImportOptions(mapping={"company": "Firm"}))
    assert str(refused.value) == (
        f"mapping: expected a file of kind applications ({name} is {kind})"
    )
    assert deps.store.commits == 0


def test_a_column_mapping_still_reads_any_csv_as_applications(deps):
    from followup.services.ports import ImportOptions

    raw = b"Firm;Job;When\nHooli;Sales Lead;2026-10-01\n"
    mapping = {"company": "Firm", "role": "Job", "applied": "When"}
    report = import_file(deps, source(raw, "mine.csv"), options=ImportOptions(mapping=mapping))
    assert (report.kind, report.added) == ("applications", 1)


def test_a_candidate_without_a_name_round_trips_through_export_and_import(deps):
    """`followup profile --timezone …` alone stores a candidate with no name; its export must
    import again (a dossier Followup writes is one Followup reads)."""
    from followup.adapters.json_shapes import dossier_json
    from followup.services.dossier import export_dossier
    from followup.services.recording import update_profile

    update_profile(deps, timezone="Europe/Lisbon", country="PT")
    import_file(deps, source({"opportunities": WORKED["opportunities"]}))
    exported = dossier_json(*export_dossier(deps)).encode()
    again = Dependencies(
        FakeStore(), calendar_for, PolicyBook(None), clock=deps.clock, readers=bootstrap.readers
    )
    assert import_file(again, source(exported, "backup.json")).added == 1
    assert again.store.committed.candidate == deps.store.committed.candidate


@pytest.mark.parametrize(
    "raw", [b"", b"\xef\xbb\xbf\r\n  \n", b"\xff\xfe", "\ufeff\r\n".encode("utf-16-le")]
)
def test_an_empty_file_says_it_is_empty_not_which_kind_it_failed_to_be(deps, raw):
    """An empty `.ics` (ical4j's samples hold one) was read as the kind that takes what no other
    claims, and the line spoke of a JSON dossier."""
    with pytest.raises(BadInput) as error:
        import_file(deps, ImportSource.from_bytes(raw, "Day.ics"))
    assert str(error.value) == (
        "Day.ics: expected an invitation (BEGIN:VCALENDAR … END:VCALENDAR), the file is empty"
    )
