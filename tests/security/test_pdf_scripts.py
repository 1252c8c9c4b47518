"""The printable letter prints every name: Hebrew, Arabic, emoji — or refuses in one line naming
the characters it cannot print, never drops them without a word."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from followup.adapters.files import letter_formats
from followup.adapters.files.letter_formats import to_pdf
from followup.domain.errors import BadInput
from followup.domain.letters.context import LetterContext
from followup.domain.model import Candidate, Contact
from followup.services.letters import Draft

NOTO = Path("/usr/share/fonts/truetype/noto")


def draft(name: str, body: str = "Thank you for your time.") -> Draft:
    sender = Candidate(name="Sam Ortiz", email="sam@example.com", phone="+1 312 555 0100")
    recipient = Contact(name, "Manager", "x@acme.example")
    context = LetterContext(kind="thank_you", recipient=name, company="Acme Corp")
    return Draft(
        "thank_you",
        "Thanks",
        f"Dear {name},\n\n{body}\n\nSam Ortiz\n",
        sender,
        recipient,
        "Acme Corp",
        context,
    )


def _text(pdf: bytes, folder: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext: apt-get install poppler-utils")
    path = folder / "letter.pdf"
    path.write_bytes(pdf)
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return run.stdout


@pytest.mark.parametrize(
    "name",
    ["דנה רייס", "دانة ريس", "Dana 🎉 Reyes", "Zoë Ångström-Łukasz", "Δανάη Ρέις", "李娜"],
)
def test_a_name_in_any_script_is_printed(tmp_path, name):
    if not (NOTO / "NotoColorEmoji.ttf").is_file():
        pytest.skip("needs fonts-noto-core and fonts-noto-color-emoji: apt-get install them")
    text = _text(to_pdf(draft(name), date(2026, 12, 28)), tmp_path)
    for word in name.split():
        assert word in text or word[::-1] in text, (word, text)


def test_a_character_no_font_has_is_refused_by_name(tmp_path):
    with pytest.raises(BadInput) as caught:
        to_pdf(draft("Dana \U000f0001 Reyes"), date(2026, 12, 28))
    assert str(caught.value) == (
        "pdf: no font on this computer prints U+F0001; install fonts-noto-core and "
        "fonts-noto-color-emoji, or send the letter as text or .eml"
    )


def test_without_any_unicode_font_a_hebrew_name_is_refused_not_dropped(monkeypatch):
    monkeypatch.setattr(letter_formats, "_FONT_FOLDERS", ())
    with pytest.raises(BadInput) as caught:
        to_pdf(draft("דנה"), date(2026, 12, 28))
    assert str(caught.value).startswith("pdf: no font on this computer prints 'ד' (U+05D3)")


def test_typographic_quotes_still_print_with_the_core_font(monkeypatch, tmp_path):
    monkeypatch.setattr(letter_formats, "_FONT_FOLDERS", ())
    letter = replace(draft("Dana Reyes"), body="Dear Dana,\n\n“Thanks” — it’s done.\n\nSam Ortiz\n")
    text = _text(to_pdf(letter, date(2026, 12, 28)), tmp_path)
    assert '"Thanks" - it\'s done.' in text
