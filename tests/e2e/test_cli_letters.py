"""`followup draft` and `followup check` as DESIGN's contract says."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import time
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from ..system import require_program, require_shared
from .conftest import DATA


@pytest.fixture
def acme(cli):
    dossier = json.loads((DATA / "acme-first.json").read_text())
    dossier["opportunities"][0]["interviews"][0]["contacts"][1]["name"] = "Zoë Ünal"
    dossier["opportunities"][0]["events"] = []
    path = cli.folder / "acme.json"
    path.write_text(json.dumps(dossier))
    assert cli("import", str(path)).code == 0
    return cli


def test_draft_prints_the_letter_with_its_subject(acme):
    result = acme("draft", "--opportunity", "acme-ae", "--to", "Dana Reyes", "--kind", "thank_you")
    assert result.code == 0
    assert result.out.startswith(
        "Subject: Our conversation on December 23 about the Account Executive position\n\n"
        "Dear Dana,\n\nThank you for meeting with me on December 23"
    )


def test_draft_warns_on_standard_error_when_the_kind_is_not_in_the_persons_plan(acme):
    result = acme("draft", "--opportunity", "acme-ae", "--to", "Dana Reyes", "--kind", "reply")
    assert result.code == 0 and result.out.startswith("Subject: Re: ")
    assert result.err == (
        "warning: no reply is planned for Dana Reyes under the persistent policy; make sure it "
        "is wanted before it goes out\n"
    )


def test_draft_check_reports_nothing_for_a_shipped_draft(acme):
    result = acme("draft", "--opportunity", "acme-ae", "--to", "Zoë Ünal", "--check")
    assert (result.code, result.err) == (0, "")


def test_eml_is_an_rfc_5322_message_with_encoded_names(acme, tmp_path):
    out = tmp_path / "letter.eml"
    result = acme(
        "draft", "--opportunity", "acme-ae", "--to", "Zoë Ünal", "--format", "eml", "-o", str(out)
    )
    assert result.code == 0
    raw = out.read_bytes()
    assert raw.isascii()  # every header encoded, the body quoted-printable
    assert b"To: =?utf-8?" in raw
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["From"] == "Sam Ortiz <sam@example.com>"
    assert message["To"] == "Zoë Ünal <lee@acme.example>"
    assert message["Subject"] == "With thanks for December 23"
    assert message["Message-ID"].endswith("@example.com>")
    assert message["Date"].datetime is not None
    assert message.get_content().startswith("Dear Zoë,\n")


def test_mailto_opens_the_mail_client_with_the_letter(acme):
    result = acme("draft", "--opportunity", "acme-ae", "--to", "Dana Reyes", "--format", "mailto")
    link = urlsplit(result.out.strip())
    assert (link.scheme, unquote(link.path)) == ("mailto", "dana@acme.example")
    query = parse_qs(link.query)
    assert query["subject"] == [
        "Our conversation on December 23 about the Account Executive position"
    ]
    assert query["body"][0].startswith("Dear Dana,\r\n\r\nThank you for meeting with me")


def test_pdf_is_a_printable_letter(acme, tmp_path):
    out = tmp_path / "letter.pdf"
    result = acme(
        "draft",
        "--opportunity",
        "acme-ae",
        "--to",
        "Zoë Ünal",
        "--kind",
        "thank_you",
        "--format",
        "pdf",
        "-o",
        str(out),
    )
    assert result.code == 0
    assert out.read_bytes().startswith(b"%PDF-")
    require_program("pdftotext", apt="poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zoë Ünal" in text and "Acme Corp" in text and "Sam Ortiz" in text
    assert "Dear Zoë," in text


def test_eml_needs_the_recipients_address(acme, tmp_path):
    dossier = json.loads((DATA / "acme-first.json").read_text())
    del dossier["opportunities"][0]["interviews"][0]["contacts"][1]["email"]
    dossier["opportunities"][0]["id"] = "no-mail"
    path = tmp_path / "no-mail.json"
    path.write_text(json.dumps(dossier))
    acme("import", str(path))
    result = acme("draft", "--opportunity", "no-mail", "--to", "Lee Park", "--format", "eml")
    assert (result.code, result.err) == (
        2,
        "followup: error: --to: expected an email address for Lee Park; add one first\n",
    )


# -- check ---------------------------------------------------------------------------------------
@pytest.fixture
def corpus(cli):
    folder = require_shared("corpus/letters")
    assert cli("import", str(folder / "context.json")).code == 0
    return cli


def _case(case_id):
    cases = json.loads((require_shared("corpus/letters") / "cases.json").read_text())
    return next(c for c in cases if c["id"] == case_id)


def test_check_json_is_the_contract(corpus, tmp_path):
    case = _case("d23")
    letter = tmp_path / "letter.txt"
    letter.write_text(case["text"])
    result = corpus(
        "check",
        str(letter),
        "--opportunity",
        "contoso",
        "--to",
        "Grace Kim",
        "--kind",
        "thank_you",
        "--json",
    )
    assert result.code == 1
    found = json.loads(result.out)
    assert list(found) == ["findings"]
    assert [list(f) for f in found["findings"]] == [["rule", "message", "start", "end"]] * 2
    assert [(f["rule"], case["text"][f["start"] : f["end"]]) for f in found["findings"]] == [
        ("placeholder", "(Company Name)"),
        ("missing-contact", ""),
    ]


def test_check_exits_0_when_there_is_nothing_to_report(corpus, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(_case("d01")["text"])
    result = corpus(
        "check",
        str(letter),
        "--opportunity",
        "northwind",
        "--to",
        "Helen Brooks",
        "--kind",
        "thank_you",
        "--json",
    )
    assert (result.code, json.loads(result.out)) == (0, {"findings": []})
    human = corpus("check", str(letter), "--opportunity", "northwind", "--to", "Helen Brooks")
    assert human.out == "No findings: the thank-you letter is ready to go.\n"


def test_check_in_words_shows_each_finding_with_its_line(corpus, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(_case("d17")["text"])
    result = corpus(
        "check", str(letter), "--opportunity", "contoso", "--to", "Grace Kim", "--kind", "thank_you"
    )
    assert result.code == 1
    assert result.out.splitlines() == [
        "2 findings in the thank-you letter:",
        "  line 3: [asks-decision] asks for the decision; wait for it to be offered: Is there "
        "any update on your hiring decision? (article 003)",
        "      “Is there any update on your hiring decision?”",
        "  line 3: [asks-decision] asks for the decision; wait for it to be offered: Did I get "
        "the position? (article 003)",
        "      “Did I get the position?”",
    ]


def test_user_rules_extend_the_shipped_ones(corpus, tmp_path, monkeypatch):
    config = tmp_path / "config" / "check"
    config.mkdir(parents=True)
    (config / "rules.json").write_text(json.dumps({"needy": {"patterns": ["\\bpretty please\\b"]}}))
    letter = tmp_path / "letter.txt"
    letter.write_text(
        _case("d01")["text"].replace("Sincerely", "Pretty please consider me.\n\nSincerely")
    )
    result = corpus(
        "check", str(letter), "--opportunity", "northwind", "--to", "Helen Brooks", "--json"
    )
    assert [f["rule"] for f in json.loads(result.out)["findings"]] == ["needy"]


BAD_LETTERS = [
    ("empty", b"", "expected a letter, the file is empty"),
    ("blank", b"  \n\n ", "expected a letter, the file is empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00", "expected a text file, this one is binary"),
    (
        "latin-1",
        "Dear Zoë".encode("latin-1"),
        "expected UTF-8 text, found a byte that is not UTF-8 at offset 7",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), BAD_LETTERS, ids=[b[0] for b in BAD_LETTERS]
)
def test_a_bad_letter_file_is_one_clear_line(corpus, tmp_path, name, content, message):
    letter = tmp_path / name
    letter.write_bytes(content)
    result = corpus("check", str(letter), "--opportunity", "northwind", "--to", "Helen Brooks")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"followup: error: {letter}: {message}\n"


def test_a_ten_megabyte_file_is_refused_quickly(corpus, tmp_path):
    letter = tmp_path / "huge.txt"
    letter.write_bytes(b"Thank you for your time. " * 400_000)
    started = time.process_time()  # the work done, not the wait for a busy processor
    result = corpus("check", str(letter), "--opportunity", "northwind", "--to", "Helen Brooks")
    assert time.process_time() - started < 2
    assert result.code == 2
    assert result.err == (
        f"followup: error: {letter}: expected a letter of at most 1 MB, the file is larger\n"
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ("--opportunity", "nope", "--to", "Helen Brooks"),
            "--opportunity: no opportunity 'nope' (known: northwind, contoso, fabrikam)",
        ),
        (
            ("--opportunity", "northwind", "--to", "Grace Kim"),
            "--to: no person 'Grace Kim' (known: Helen Brooks, Omar Haddad)",
        ),
    ],
)
def test_unknown_opportunity_or_recipient_is_named(corpus, tmp_path, argv, error):
    letter = tmp_path / "letter.txt"
    letter.write_text(_case("d01")["text"])
    result = corpus("check", str(letter), *argv)
    assert (result.code, result.err) == (2, f"followup: error: {error}\n")


def test_unknown_kind_is_refused_by_the_parser(corpus, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Hello")
    result = corpus(
        "check", str(letter), "--opportunity", "northwind", "--to", "Helen Brooks", "--kind", "poem"
    )
    assert result.code == 2
    assert result.err.startswith("followup check: error: argument --kind: invalid choice: 'poem'")
