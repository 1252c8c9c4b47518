"""Getting the search in from the browser (Debian's Chromium, driven by Playwright): a file dropped
on the Import page, the dry run, the confirmation; then a known person offered on the capture
form, their title and email filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_web_browser import VIEWPORTS, browser, server, shot  # noqa: F401 - the fixtures

IMPORTS = Path(__file__).parents[1] / "data" / "imports"


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_dropped_file_is_previewed_then_imported_and_its_people_are_offered(
    server,  # noqa: F811
    browser,  # noqa: F811
    size,
):
    page = browser.new_page(viewport=VIEWPORTS[size])
    page.goto(server + "/transfer")
    content = (IMPORTS / "apple-contacts.vcf").read_text()
    dropped = page.evaluate_handle(
        """(text) => {
            const data = new DataTransfer();
            data.items.add(new File([text], "contacts.vcf", {type: "text/vcard"}));
            return data;
        }""",
        content,
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": dropped})
    assert page.locator("#file-name").inner_text() == "contacts.vcf"
    page.get_by_role("button", name="See what will change").click()
    page.locator("#preview").wait_for()
    shot(page, f"{size}-import-preview")
    assert "contacts.vcf is contacts (vCard)" in page.locator("#preview").inner_text()
    assert page.get_by_text("added Aurélie Dubois (Initech)").count() == 1
    page.get_by_role("button", name="Import it").click()
    page.get_by_text("2 added, 1 updated, 0 unchanged.").wait_for()
    shot(page, f"{size}-import-done")

    page.goto(server + "/people")
    shot(page, f"{size}-people")
    assert page.get_by_role("cell", name="Aurélie Dubois").count() == 1

    page.goto(server + "/capture")
    name = page.locator("#people-0-name")
    name.press_sequentially("Auré")
    page.locator("#known-people-0 option").first.wait_for(state="attached")
    name.fill("Aurélie Dubois")
    assert page.locator("#people-0-title").input_value() == "VP Sales"
    assert page.locator("#people-0-email").input_value() == "aurelie.dubois@initech.example"
    assert page.locator("#company").input_value() == "Initech"
    shot(page, f"{size}-capture-known-person")
    page.close()


def test_a_file_chosen_the_usual_way_and_a_bad_one_is_a_clear_page(server, browser):  # noqa: F811
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(server + "/transfer")
    page.set_input_files("#file", str(IMPORTS / "truncated.ics"))
    page.get_by_role("button", name="See what will change").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "truncated.ics: expected END:VEVENT" in alert.inner_text()
    page.set_input_files("#file", str(IMPORTS / "huntr-jobs.csv"))
    page.get_by_role("button", name="See what will change").click()
    page.locator("#preview").wait_for()
    assert "5 to add, 0 to update" in page.locator("#preview").inner_text()
    page.get_by_role("button", name="Import it").click()
    page.get_by_text("5 added, 0 updated, 0 unchanged.").wait_for()
    page.goto(server + "/pipeline")
    assert page.get_by_role("heading", name="Saved").count() == 1
    page.close()


def test_long_file_names_and_long_words_stay_inside_a_phone_screen(server, browser, tmp_path):  # noqa: F811
    """A phone's export is named by the phone (long, with underscores and no space) and German
    company names are single long words: the preview and the report wrap them instead of making
    the page scroll sideways."""
    exported = tmp_path / "Contacts_exported_2026-11-30_08-15-00_from_Pixel_8_Pro_full_backup.vcf"
    exported.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anneliese Brückner\r\n"
        "ORG:Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft\r\n"
        "EMAIL:anneliese.brueckner@donaudampfschifffahrtselektrizitaeten.example\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(server + "/transfer")
    page.set_input_files("#file", str(exported))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="See what will change").click()
    page.locator("#preview").wait_for()
    shot(page, "phone-import-long-words-preview")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Import it").click()
    page.get_by_text("1 added, 0 updated, 0 unchanged.").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.close()


BAD_FILES = [
    (
        "photo-only.vcf",
        "photo-only.vcf: expected vCards with a name or an email address, none could be imported",
    ),
    (
        "todo-and-journal.ics",
        "todo-and-journal.ics: expected an event (VEVENT) in the calendar, found only a to-do "
        "(VTODO) and a journal entry (VJOURNAL)",
    ),
    ("repeated-column.csv", "repeated-column.csv: the column 'Company' is there twice"),
]


def test_a_new_users_bad_files_are_clear_pages_and_excels_unicode_text_imports(
    server,  # noqa: F811
    browser,  # noqa: F811
    tmp_path,
):
    """Files a new user might pick: each bad one is a clear alert naming it and what was
    expected, nothing imported; Excel's "Unicode text" (UTF-16 with a BOM, tabs) is read."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(server + "/transfer")
    empty = tmp_path / "Applications.csv"
    empty.write_bytes(b"")
    cases = [*((str(IMPORTS / name), said) for name, said in BAD_FILES)]
    cases.append(
        (str(empty), "Applications.csv: expected a CSV export with a header row, the file")
    )
    for path, said in cases:
        page.set_input_files("#file", path)
        page.get_by_role("button", name="See what will change").click()
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert said in alert.inner_text(), alert.inner_text()
        assert page.locator("#preview").count() == 0
    shot(page, "phone-import-bad-file")
    page.set_input_files("#file", str(IMPORTS / "excel-unicode-text.txt"))
    page.get_by_role("button", name="See what will change").click()
    page.locator("#preview").wait_for()
    assert "3 to add, 0 to update" in page.locator("#preview").inner_text()
    page.get_by_role("button", name="Import it").click()
    page.get_by_text("3 added, 0 updated, 0 unchanged.").wait_for()
    page.goto(server + "/pipeline")
    assert page.get_by_text("Østergaard A/S").count() >= 1

    photo = tmp_path / "IMG_0412.jpg"
    photo.write_bytes(b"")
    page.goto(server + "/capture/card")
    page.set_input_files("#photo", str(photo))
    page.get_by_role("button", name="Read the card").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "photo: expected a JPEG, PNG or HEIC photo, the file is empty" in alert.inner_text()
    page.close()
