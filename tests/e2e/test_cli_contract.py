"""DESIGN's command-line contract: the JSON fields, the statuses, the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from followup.cli.main import build_parser

from .conftest import DATA


def test_plan_json_is_the_worked_example_byte_for_byte(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    result = cli("plan", "--json")
    assert result.code == 0
    assert result.out == (DATA / "acme.plan.json").read_text()


def test_plan_json_has_exactly_the_contract_fields(cli):
    cli("import", str(DATA / "acme.json"))
    touches = json.loads(cli("plan", "--opportunity", "acme-ae", "--json").out)
    assert {tuple(t) for t in touches} == {
        ("opportunity", "contact", "step", "channel", "due", "status", "reason")
    }
    assert {t["status"] for t in touches} == {"done", "cancelled", "planned"}


def test_import_reports_and_is_idempotent(cli):
    first = cli("import", str(DATA / "acme.json"))
    assert first.out == (
        "Imported 1 opportunity: 1 added, 0 updated, 0 unchanged; 13 touches planned.\n"
    )
    before = cli.dump()
    second = cli("import", str(DATA / "acme.json"))
    assert second.out == (
        "Imported 1 opportunity: 0 added, 0 updated, 1 unchanged; 0 touches planned.\n"
    )
    assert cli.dump() == before


def test_export_then_import_into_a_new_database_gives_the_same_plan(cli, tmp_path, monkeypatch):
    cli("import", str(DATA / "acme.json"))
    exported = tmp_path / "export.json"
    assert cli("export", "-o", str(exported)).code == 0
    plan = cli("plan", "--json").out
    monkeypatch.setenv("FOLLOWUP_DATABASE", str(tmp_path / "other.sqlite3"))
    assert cli("import", str(exported)).code == 0
    assert cli("plan", "--json").out == plan
    assert json.loads(cli("export").out) == json.loads(exported.read_text())


def test_agenda_says_what_to_do_in_plain_words(cli):
    cli("import", str(DATA / "acme-first.json"))
    assert cli("agenda", "--on", "2026-12-29").out == (
        "Agenda for Tuesday 29 December 2026\n"
        "\n"
        "Overdue\n"
        "  Send thank-you to Lee Park (Acme Corp) — due Mon 28 Dec, 1 day overdue\n"
        "\n"
        "Next\n"
        "  Call Dana Reyes (Acme Corp) — due Thu 31 Dec, 2 days left\n"
        "  Send follow-up letter to Dana Reyes (Acme Corp) — due Tue 5 Jan, 7 days left\n"
    )


def test_agenda_shows_what_is_due_today_and_how_many_more(cli):
    cli("import", str(DATA / "acme-first.json"))
    assert cli("agenda", "--on", "2027-01-29", "--limit", "1").out == (
        "Agenda for Friday 29 January 2027\n"
        "\n"
        "Overdue\n"
        "  Send thank-you to Lee Park (Acme Corp) — due Mon 28 Dec, 32 days overdue\n"
        "  … and 2 more\n"
        "\n"
        "Today\n"
        "  Send final letter to Dana Reyes (Acme Corp) — due today\n"
        "    first, what is new since the interview? A sales course or other interviews:\n"
        '    `followup profile --course "…"` or `--other-interviews N`; the letter leads with it\n'
        "  … and 1 more\n"
    )


def test_with_news_on_the_resume_the_agenda_no_longer_asks_for_it(cli):
    cli("import", str(DATA / "acme-first.json"))
    assert cli("profile", "--course", "a course in solution selling").code == 0
    out = cli("agenda", "--on", "2027-01-29", "--limit", "1").out
    assert "what is new since the interview" not in out
    assert "  Send final letter to Dana Reyes (Acme Corp) — due today\n" in out


def test_agenda_when_the_week_is_empty_shows_the_next_touch_however_far(cli):
    cli("import", str(DATA / "acme.json"))
    assert cli("agenda", "--on", "2027-01-25").out == (
        "Agenda for Monday 25 January 2027\n"
        "\n"
        "Overdue\n"
        "  Send stay-in-touch to Dana Reyes (Acme Corp) — due Fri 22 Jan, 3 days overdue\n"
        "\n"
        "Next\n"
        "  Check in with Dana Reyes (Acme Corp) — due Thu 22 Apr, 87 days left\n"
    )


def test_agenda_json_lists_overdue_today_and_next(cli):
    cli("import", str(DATA / "acme.json"))
    result = json.loads(cli("agenda", "--on", "2027-01-21", "--json").out)
    assert result["on"] == "2027-01-21"
    assert result["overdue"] == [] and result["today"] == []
    assert [(t["step"], t["contact"], t["due"], t["company"]) for t in result["next"]] == [
        ("stay_in_touch", "Dana Reyes", "2027-01-22", "Acme Corp")
    ]


def test_recording_by_hand_gives_the_same_plan_as_the_dossier(cli, tmp_path, monkeypatch):
    cli("import", str(DATA / "acme.json"))
    expected = cli("plan", "--json").out
    monkeypatch.setenv("FOLLOWUP_DATABASE", str(tmp_path / "by-hand.sqlite3"))
    steps = [
        (
            "profile",
            "--name",
            "Sam Ortiz",
            "--timezone",
            "America/Chicago",
            "--country",
            "us",
            "--subdivision",
            "il",
        ),
        ("add-opportunity", "acme-ae", "--company", "Acme Corp", "--role", "Account Executive"),
        (
            "add-interview",
            "acme-ae",
            "--id",
            "acme-1",
            "--date",
            "2026-12-23",
            "--person",
            "Dana Reyes; title=Regional Sales Manager; email=dana@acme.example; minutes=45; "
            "decision-maker; topics=new Midwest territories, CRM adoption",
            "--person",
            "Lee Park; title=HR Generalist; email=lee@acme.example; minutes=10",
        ),
        (
            "set-timeline",
            "acme-ae",
            "--preliminary-deadline",
            "2027-01-08",
            "--second-round-deadline",
            "2027-01-22",
        ),
        (
            "log",
            "acme-ae",
            "done",
            "--date",
            "2026-12-24",
            "--step",
            "thank_you",
            "--contact",
            "Dana Reyes",
        ),
        (
            "log",
            "acme-ae",
            "reply",
            "--date",
            "2027-01-04",
            "--time",
            "16:30",
            "--contact",
            "dana reyes",
        ),
        ("log", "acme-ae", "rejected", "--date", "2027-01-20"),
    ]
    for argv in steps:
        result = cli(*argv)
        assert result.code == 0, (argv, result.err)
    assert cli("plan", "--json").out == expected


def test_list_and_show(cli):
    cli("import", str(DATA / "acme.json"))
    listed = json.loads(cli("list", "--json").out)
    assert listed == [
        {
            "id": "acme-ae",
            "company": "Acme Corp",
            "role": "Account Executive",
            "policy": "persistent",
            "stage": "closed",
            "next": {
                "opportunity": "acme-ae",
                "contact": "Dana Reyes",
                "step": "stay_in_touch",
                "channel": "email",
                "due": "2027-01-22",
                "status": "planned",
                "reason": None,
            },
        }
    ]
    shown = cli("show", "acme-ae")
    assert shown.code == 0
    assert "Dana Reyes — Regional Sales Manager · 45 min · decision maker" in shown.out
    assert "departs from 003:" in shown.out
    view = json.loads(cli("show", "acme-ae", "--json").out)
    assert len(view["plan"]) == 13 and view["events"][1]["time"] == "16:30"


def test_demo_runs_on_a_throwaway_database(cli):
    before = cli.dump()
    result = cli("demo")
    assert result.code == 0, result.err
    assert "Send thank-you to Lee Park (Acme Corp)" in result.out
    assert "No findings: the thank-you letter is ready to go." in result.out
    assert "[wrong-name] addresses Priya, but the letter is for Dana Reyes" in result.out
    assert cli.dump() == before  # the user's database is untouched


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.code == 0
    assert result.out.startswith(f"usage: followup {command}")
    description = result.out.split("\n\n")[1]
    assert len(description.strip()) > 20


def test_the_console_script_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "followup", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "followup 0.1.0\n")


def test_the_streamed_plan_json_is_what_json_dumps_would_write(cli):
    from followup.adapters.json_shapes import dumps, plan_json, touch_dict
    from followup.domain.model import Touch

    tricky = [
        Touch(
            'o"1',
            "Zoë \\ Ng",
            "reply",
            "email",
            __import__("datetime").date(2027, 1, 4),
            "cancelled",
            "cancelled by the reply from Zoë of 2027-01-04",
        )
    ]
    assert "".join(plan_json(tricky)) == dumps([touch_dict(t) for t in tricky])
    assert "".join(plan_json([])) == dumps([])
    plain = Touch("o1", "Ann\tLee\u2028", "call", "phone", tricky[0].due)  # no reason: null
    many = [tricky[0], plain] * 3 + [plain]
    for batch in (1, 2, 3, 7, 1000):  # the pieces join up whatever their size
        assert "".join(plan_json(many, batch)) == dumps([touch_dict(t) for t in many])


def test_snooze_moves_a_touch_on_the_agenda_and_says_why(cli, monkeypatch):
    import followup.services.dependencies as context

    cli("import", str(DATA / "acme-first.json"))
    monkeypatch.setattr(
        context,
        "_utc_now",
        lambda: __import__("datetime").datetime(
            2026, 12, 29, 15, 0, tzinfo=__import__("datetime").UTC
        ),
    )
    result = cli(
        "snooze",
        "acme-ae",
        "--step",
        "call",
        "--contact",
        "Dana Reyes",
        "--due",
        "2026-12-31",
        "--until",
        "2027-01-07",
        "--reason",
        "back from leave on the 7th",
    )
    assert (result.code, result.err) == (0, "")
    lines = cli("agenda", "--on", "2027-01-07").out.splitlines()
    today = lines[lines.index("Today") + 1 :]
    assert today[0] == "  Call Dana Reyes (Acme Corp) — due Thu 31 Dec, snoozed to Thu 7 Jan"
    day_before = cli("agenda", "--on", "2027-01-06").out
    overdue = day_before.split("Next")[0]
    assert "Call Dana Reyes" not in overdue  # put off: not overdue any more
    assert "  Call Dana Reyes (Acme Corp) — due Thu 31 Dec, snoozed to Thu 7 Jan" in day_before


def _choices(parser) -> set[str]:
    sub = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    return set(sub.choices)


def test_each_command_is_listed_with_the_module_that_has_it():
    from followup.cli.commands import COMMANDS, MODULES

    found: dict[str, list[str]] = {}
    for module in MODULES:
        for name in _choices(build_parser(module)):
            found.setdefault(name, []).append(module)
    assert {name: " ".join(modules) for name, modules in found.items()} == COMMANDS


@pytest.mark.parametrize(
    "argv",
    [
        ["agenda"],
        ["agenda", "--json"],
        ["--database", "x.db", "agenda", "--on", "2027-01-04", "--limit", "3"],
        ["agenda", "--on=2027-01-04", "--limit=0", "--json"],
        ["--database=x.db", "agenda", "--limit", "2"],
    ],
)
def test_the_agenda_read_without_argparse_reads_as_argparse_does(argv):
    from followup.cli.main import _fast_agenda

    fast = vars(_fast_agenda(argv))
    slow = vars(build_parser().parse_args(argv))
    assert fast == {key: slow[key] for key in fast}
    assert fast["handler"] is slow["handler"]


@pytest.mark.parametrize(
    "argv",
    [
        ["agenda", "--help"],
        ["agenda", "--on", "2027-02-30"],
        ["agenda", "--on", "tomorrow"],
        ["agenda", "--lim", "3"],
        ["agenda", "--limit", "many"],
        ["agenda", "--limit", "-2"],
        ["agenda", "extra"],
        ["agenda", "--on"],
        ["--version"],
        ["plan", "agenda"],
        [],
    ],
)
def test_anything_else_is_left_to_argparse_and_its_messages(argv):
    from followup.cli.main import _fast_agenda

    assert _fast_agenda(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "letter.txt", "--opportunity", "acme-ae", "--to", "Dana Reyes"],
        ["check", "--to", "Dana Reyes", "-", "--opportunity=acme-ae", "--json"],
        [
            "--database",
            "x.db",
            "--user=a@b.example",
            "check",
            "l.txt",
            "--to",
            "",
            "--opportunity",
            "o",
        ],
        [
            "--user",
            "a@b.example",
            "check",
            "--kind",
            "final",
            "--opportunity",
            "o",
            "--to",
            "N",
            "f",
        ],
        ["check", "f", "--opportunity", "o", "--to", "N", "--kind=call", "--json", "--json"],
        ["check", "check", "--opportunity", "o", "--to", "first", "--to", "second"],
    ],
)
def test_the_check_read_without_argparse_reads_as_argparse_does(argv):
    from followup.cli.main import _fast_check

    fast = vars(_fast_check(argv))
    slow = vars(build_parser().parse_args(argv))
    assert fast == {key: slow[key] for key in fast}
    assert fast["handler"] is slow["handler"]
    assert set(slow) - set(fast) == {"command_parser"}


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--help"],
        ["check", "f", "--opportunity", "o"],
        ["check", "--opportunity", "o", "--to", "N"],
        ["check", "f", "g", "--opportunity", "o", "--to", "N"],
        ["check", "f", "--opp", "o", "--to", "N"],
        ["check", "f", "--opportunity", "o", "--to", "-N"],
        ["check", "f", "--opportunity", "o", "--to"],
        ["check", "f", "--opportunity", "o", "--to", "N", "--kind", "postcard"],
        ["check", "f", "--opportunity", "o", "--to", "N", "--json=yes"],
        ["check", "f", "--opportunity", "o", "--to", "N", "--database", "x.db"],
        ["--json", "check", "f", "--opportunity", "o", "--to", "N"],
        ["check", "f", "--opportunity", "o", "--to", "N", "--"],
        ["draft", "--opportunity", "o", "--to", "N"],
        [],
    ],
)
def test_any_other_check_is_left_to_argparse_and_its_messages(argv):
    from followup.cli.main import _fast_check

    assert _fast_check(argv) is None


def test_an_error_in_an_agenda_read_without_argparse_names_the_option(cli):
    result = cli("--database", "/no/such/folder/f.sqlite3", "agenda")
    assert (result.code, result.err) == (
        2,
        "followup: error: --database: expected a file in an existing folder, "
        "'/no/such/folder' does not exist\n",
    )
