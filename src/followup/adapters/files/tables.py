"""CSV files from other tools, read row by row: LinkedIn's and Google's exports, job trackers'.

A file is recognised by its header, compared with the column names the tools write
(`imports/headers.json`); a notes preamble before the header (LinkedIn's Connections.csv) is
passed over. The separator is a comma, a semicolon or a tab: `csv.Sniffer` proposes one, and
the one that makes the header a known layout, or splits the first rows evenly into the most
columns, wins. Rows are read one at a time from `DecodedLines`, so memory stays flat whatever
the file's size.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib import resources
from typing import Any

from followup.adapters.files.dates import DateReader, NoSuchDate, Order, file_order
from followup.adapters.files.text_lines import DecodedLines, check_size, refuse_binary
from followup.domain.application import APPLICATION_FIELDS, Application
from followup.domain.errors import BadInput, InvalidField
from followup.domain.folding import fold
from followup.domain.people import Person, name_from_address, phone_to_call
from followup.domain.records import Found, Skip
from followup.services.ports import ImportOptions, ImportSource, Progress

DELIMITERS = (",", ";", "\t")
LOOK_AHEAD = 30  # lines read to find the header and the separator
MULTI = re.compile(r"\s*:::\s*")  # Google's several values in one cell


def norm(header: str) -> str:
    """A column name as compared: folded, punctuation dropped ('E-mail 1 - Value' → 'e mail 1
    value')."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(header)).split())


@cache
def _data(name: str) -> Any:
    return json.loads((resources.files("followup.imports") / name).read_text("utf-8"))


@dataclass
class Table:
    source: str
    kind: str  # linkedin, google or applications
    layout: str  # what the file was recognised as, for messages
    header: list[str]
    delimiter: str
    rows: Iterator[tuple[int, list[str]]]  # (line number, cells)
    columns: dict[str, list[int]] = field(default_factory=dict)  # our field → its columns
    stage: str = ""  # the stage every row has (LinkedIn's saved and applied jobs)

    def cell(self, row: list[str], name: str) -> str:
        return self.cell_and_column(row, name)[0]

    def cell_and_column(self, row: list[str], name: str) -> tuple[str, str]:
        """The field's first value in the row, and the name of the column it is in."""
        for index in self.columns.get(name, []):
            if index < len(row) and row[index].strip():
                return row[index].strip(), self.header[index].strip()
        return "", ""

    @cached_property
    def names(self) -> list[str]:
        return [norm(h) for h in self.header]

    def labelled(self, row: list[str], name: str) -> list[tuple[str, str]]:
        """Every value of the field's columns with what the file says it is: Google's numbered
        columns carry it beside them (`Phone 2 - Type` or `Phone 2 - Label` for `Phone 2 -
        Value`, `* Mobile` for the primary one); `:::` multi-values share it."""
        names = self.names
        found = []
        for index in self.columns.get(name, []):
            if index >= len(row):
                continue
            label = ""
            if names[index].endswith(" value"):
                stem = names[index][: -len("value")]
                beside = [i for i, n in enumerate(names) if n in (stem + "type", stem + "label")]
                if beside and beside[0] < len(row):
                    label = row[beside[0]].strip()
            found += [(label, v) for v in MULTI.split(row[index].strip()) if v]
        return found

    def cells(self, row: list[str], name: str) -> list[str]:
        """Every value of the field's columns, Google's `:::` multi-values split."""
        found = []
        for index in self.columns.get(name, []):
            if index < len(row):
                found += [v for v in MULTI.split(row[index].strip()) if v]
        return found


# -- recognising a table ---------------------------------------------------------------------
def open_table(
    lines: DecodedLines, kind: str | None = None, mapping: dict[str, str] | None = None
) -> Table:
    """Find the header, the separator and the layout; the rows follow lazily."""
    ahead: list[tuple[int, str]] = []
    for text in lines:
        ahead.append((lines.number, text))
        if len(ahead) >= LOOK_AHEAD:
            break
    source = lines.source
    if not any(text.strip() for _, text in ahead):
        raise BadInput(f"{source}: expected a CSV file with a header row, the file is empty")
    best: tuple[int, str, list[str], tuple[str, str, dict[str, list[int]], str]] | None = None
    for index, (_, text) in enumerate(ahead):
        if not text.strip():
            continue
        for delimiter in DELIMITERS:
            header = _cells(text, delimiter)
            if len(header) < 2:
                continue
            found = _layout(header, kind, mapping, source)
            if found is not None:
                best = (index, delimiter, header, found)
                break
        if best is not None:
            break
        if mapping is None and kind in (None, "applications"):
            _refuse_address_book(text, source)
    if best is None:
        # the header is the first row that names a column: a spreadsheet's empty first rows
        # are separators alone (`,,`)
        filled = [i for i, (_, text) in enumerate(ahead) if text.strip(" \t\r\n,;|")]
        index = (filled or [next(i for i, (_, text) in enumerate(ahead) if text.strip())])[0]
        delimiter = _sniff([text for _, text in ahead[index:]])
        header = _cells(ahead[index][1], delimiter)
        shown = ", ".join(h.strip() for h in header[:12] if h.strip())
        shown = " ".join((shown or ahead[index][1][:60]).split())  # one line, whatever it holds
        wanted = {
            "linkedin": "LinkedIn's Connections.csv (First Name, Last Name, … Connected On)",
            "google": "a Google Contacts CSV (First Name, Last Name, E-mail 1 - Value, …)",
        }.get(kind or "", "")
        if wanted:
            raise BadInput(f"{source}: expected {wanted}, the columns are: {shown}")
        raise BadInput(
            f"{source}: the columns ({shown}) are not a layout Followup knows: give --mapping "
            "FILE, a JSON object from Followup's fields (company, role, applied, url, stage, "
            "notes) to your column names"
        )
    index, delimiter, header, (found_kind, layout, columns, stage) = best
    _refuse_repeats(header, columns, source)
    start_line = ahead[index][0]
    rest = itertools.chain((text for _, text in ahead[index + 1 :]), lines)
    return Table(
        source=source,
        kind=found_kind,
        layout=layout,
        header=header,
        delimiter=delimiter,
        rows=_rows(rest, delimiter, start_line, source),
        columns=columns,
        stage=stage,
    )


def _refuse_repeats(header: list[str], columns: dict[str, list[int]], source: str) -> None:
    """A column the import reads, named twice ("Company" as the first and the third column): which
    one is the company cannot be told, so it is said rather than guessed."""
    names = [norm(h) for h in header]
    for indexes in columns.values():
        seen: dict[str, int] = {}
        for index in indexes:
            if names[index] in seen:
                first = seen[names[index]]
                raise BadInput(
                    f"{source}: the column {header[index].strip()!r} is there twice (columns "
                    f"{first + 1} and {index + 1}): expected each column once; rename or remove "
                    "one of them"
                )
            seen[names[index]] = index


def _cells(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        return []


def _sniff(sample: list[str]) -> str:
    """The separator that splits the first rows evenly into the most columns (the Sniffer's
    guess first among equals)."""
    text = "".join(sample)
    try:
        guess = csv.Sniffer().sniff(text, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        guess = ","

    def score(delimiter: str) -> tuple[int, int, int]:
        try:
            read = list(csv.reader(sample, delimiter=delimiter))
        except csv.Error:  # not this separator's rows (a line break in an unquoted cell)
            return (0, 0, 0)
        rows = [r for r in read if any(c.strip() for c in r)]
        if not rows:
            return (0, 0, 0)
        width = len(rows[0])
        even = sum(1 for r in rows if len(r) == width)
        return (int(width > 1), even * width, int(delimiter == guess))

    return max(DELIMITERS, key=score)


class _Record:
    """The lines the csv reader takes, kept until the record they make is read: the last one is
    looked at again when the file ends."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _Record:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        return line


def _ends_inside_quotes(text: str, delimiter: str) -> bool:
    """Whether a record's text ends inside a quoted cell: the csv module closes such a cell at
    the end of the file without a word, unless it is strict."""
    if '"' not in text:
        return False
    try:
        for _ in csv.reader(io.StringIO(text), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _rows(
    lines: Iterator[str], delimiter: str, header_line: int, source: str
) -> Iterator[tuple[int, list[str]]]:
    record = _Record(lines)
    reader = csv.reader(record, delimiter=delimiter)
    last: list[str] = []  # the lines of the record last read, and where it starts
    last_start = start = header_line + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if last and _ends_inside_quotes("".join(last), delimiter):
                raise BadInput(
                    f"{source}: line {last_start}: expected the closing quote of a quoted cell, "
                    "the file ends inside it: it is cut short (truncated)"
                ) from None
            return
        except csv.Error as error:
            raise BadInput(
                f"{source}: line {header_line + reader.line_num}: expected a CSV row, {error}"
            ) from None
        last, record.taken = record.taken, []
        last_start, start = start, header_line + reader.line_num + 1
        if any(cell.strip() for cell in row):
            yield header_line + reader.line_num, row


def _layout(
    header: list[str], kind: str | None, mapping: dict[str, str] | None, source: str
) -> tuple[str, str, dict[str, list[int]], str] | None:
    """(kind, layout name, columns, fixed stage) for a header, or None."""
    names = [norm(h) for h in header]
    if mapping is not None:
        return "applications", "your --mapping", _mapped(header, mapping), ""
    people = _data("headers.json")["people"]
    for people_kind in ("linkedin", "google"):
        if kind not in (None, people_kind):
            continue
        spec = people[people_kind]
        groups = spec.get("detect_any") or [spec["detect"]]
        if any(all(_find(names, c) for c in group) for group in groups):
            columns = {f: _find_all(names, *syn) for f, syn in spec["fields"].items()}
            return people_kind, spec["name"], columns, ""
    if kind not in (None, "applications"):
        return None
    spec = _data("headers.json")["applications"]
    columns = {f: _find(names, *syn) for f, syn in spec["synonyms"].items()}
    for layout in spec["layouts"]:
        if all(_find(names, c) for c in layout["detect"]):
            return "applications", layout["name"], columns, layout["stage"]
    if columns["company"] and columns["role"] and not _address_book(names, columns):
        return "applications", "a job tracker's export", columns, ""
    return None


# A person's name and mail address as address books head their columns, the words apart or run
# together and plural as LinkedIn's Contacts.csv writes them (FirstName, Emails).
_PERSON_NAME = {
    *("first name", "given name", "last name", "family name", "display name"),
    *("firstname", "givenname", "lastname", "familyname", "displayname"),
}
_EMAIL = re.compile(r"(?:\w+ )*e ?mails?(?: \w+)*")


def _refuse_address_book(text: str, source: str) -> None:
    """An address book's header that is no layout Followup reads: said at once, before a data
    row below it is taken for a header."""
    for delimiter in DELIMITERS:
        header = _cells(text, delimiter)
        names = [norm(h) for h in header]
        emails = [n for n in names if _EMAIL.fullmatch(n)]
        if (
            len(header) > 1
            and emails
            and (any(n in _PERSON_NAME for n in names) or len(emails) == len(names))
        ):
            shown = ", ".join(h.strip() for h in header[:8] if h.strip())
            raise BadInput(
                f"{source}: the columns ({shown}, …) are an address book's that Followup does "
                "not read as CSV: export the contacts as vCard (.vcf) and import that file"
            )


def _address_book(names: list[str], columns: dict[str, list[int]]) -> bool:
    """An address book's columns (a person's name and an e-mail address, nothing of an
    application): Thunderbird's or Outlook's contacts, whose Company and Job Title are no
    job applied for."""
    return (
        any(n in _PERSON_NAME for n in names)
        and any(_EMAIL.fullmatch(n) for n in names)
        and not (columns["applied"] or columns["stage"])
    )


def _find(names: list[str], *synonyms: str) -> list[int]:
    """The columns called by the first synonym any column has (a synonym with `\\d` is a
    pattern: Google's numbered columns)."""
    for synonym in synonyms:
        if "\\" in synonym:
            pattern = re.compile(synonym)
            found = [i for i, n in enumerate(names) if pattern.fullmatch(n)]
        else:
            found = [i for i, n in enumerate(names) if n == synonym]
        if found:
            return found
    return []


def _find_all(names: list[str], *synonyms: str) -> list[int]:
    """The columns called by any of the synonyms, the first synonym's first: a person's phone is
    the mobile phone, else the business phone, else … (the first cell not empty wins)."""
    found: list[int] = []
    for synonym in synonyms:
        found += [i for i in _find(names, synonym) if i not in found]
    return found


def _mapped(header: list[str], mapping: dict[str, str]) -> dict[str, list[int]]:
    names = [norm(h) for h in header]
    columns: dict[str, list[int]] = {}
    for ours, theirs in mapping.items():
        exact = [i for i, h in enumerate(header) if h.strip() == theirs.strip()]
        found = exact or [i for i, n in enumerate(names) if n == norm(theirs)]
        if not found:
            shown = ", ".join(h.strip() for h in header[:12])
            raise InvalidField(f"--mapping {ours}", f"one of the file's columns ({shown})", theirs)
        columns[ours] = found  # a name given twice is said (open_table), not guessed
    return columns


def parse_mapping(text: str, source: str) -> dict[str, str]:
    """A --mapping file: a JSON object from our field names to the file's column names."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"--mapping: expected JSON, {error.msg} at line {error.lineno}") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InvalidField("--mapping", 'a JSON object like {"company": "Firm", "role": "Job"}')
    unknown = sorted(set(data) - set(APPLICATION_FIELDS))
    if unknown:
        raise InvalidField("--mapping", f"fields among {', '.join(APPLICATION_FIELDS)}", unknown[0])
    if "company" not in data:
        raise InvalidField("--mapping", 'a "company" column (every row needs the company)')
    return data


# -- rows into records -------------------------------------------------------------------------
def read_people(table: Table) -> Iterator[Found[Person] | Skip]:
    for line, row in table.rows:
        where = f"line {line}"
        emails = table.cells(row, "email")
        name = table.cell(row, "full") or " ".join(
            v for v in (table.cell(row, k) for k in ("first", "middle", "last")) if v
        )
        name = name or table.cell(row, "nickname") or table.cell(row, "company")
        if not name and emails:
            name = name_from_address(emails[0])
        if not name:
            yield Skip(where, "no name and no email address")
            continue
        # The primary number first (Google marks its label with "* "), then in the file's order.
        phones = sorted(table.labelled(row, "phone"), key=lambda p: not p[0].startswith("*"))
        urls = table.cells(row, "url")
        yield Found(
            where,
            Person(
                name=name,
                title=table.cell(row, "title"),
                company=table.cell(row, "company"),
                email=emails[0] if emails else "",
                phone=phone_to_call(([label], number) for label, number in phones),
                url=urls[0] if urls else "",
                source=table.kind,
                other_emails=tuple(emails[1:]),
            ),
        )


DATE_FIELDS = ("applied", "stage_date")


def date_order(
    table: Table, dates: Iterable[str] | None = None, country: str | None = None
) -> Order:
    """Whether the file's dates are day first, and why, for the whole file (never row by row):
    from its own dates (`dates`, all of them), else as the tool that wrote it documents, else
    as the candidate's country writes dates (imports/date_order.json names its sources), else
    day first when separated by semicolons (Excel in most of Europe), month first otherwise."""
    found = file_order(dates) if dates is not None else None
    if found is not None:
        day_first, shown = found
        said = "day" if day_first else "month"
        return day_first, f"{said} first, as {shown!r} in this file shows"
    data = _data("date_order.json")
    tool = data["tools"].get(table.layout)
    if tool is not None:
        day_first = tool == "day_first"
        return day_first, f"{'day' if day_first else 'month'} first, as {table.layout} writes them"
    if country:
        day_first = country.upper() not in data["month_first"]
        return day_first, (
            f"{'day' if day_first else 'month'} first, as dates are written in the candidate's "
            f"country ({country.upper()})"
        )
    if table.delimiter == ";":
        return True, "day first, as spreadsheets separated by semicolons write them"
    return False, "month first: neither the file nor the profile's country says otherwise"


def read_applications(
    table: Table, order: Callable[[], Order] | None = None
) -> Iterator[Found[Application] | Skip]:
    """The applications of a table; `order` says how its dates read (asked once, the first time
    a date reads both ways), by default `date_order` without the file's other dates."""
    dates = DateReader(order or (lambda: date_order(table)))

    def read(line: int, row: list[str], name: str) -> tuple[str, date | None]:
        text, column = table.cell_and_column(row, name)
        try:
            return text, dates.read(text)
        except NoSuchDate as error:
            raise BadInput(
                f"{table.source}: line {line}, column {column!r}: {text!r} is no date ({error}); "
                "nothing was imported"
            ) from None

    for line, row in table.rows:
        where = f"line {line}"
        company = table.cell(row, "company")
        if not company:
            yield Skip(where, "no company: a row needs the company's name")
            continue
        said = table.cell(row, "stage")
        stage = stage_of(said) if said else table.stage
        if said and stage is None:
            yield Skip(
                f"{where} stage",
                f"{said!r} is not a stage Followup knows (imports/stages.json); the row was "
                "imported without it",
            )
        applied_text, applied = read(line, row, "applied")
        if applied_text and applied is None:
            yield Skip(
                f"{where} applied",
                f"{applied_text!r} is not a date Followup can read; the row was imported "
                "without it",
            )
        yield Found(
            where,
            Application(
                company=company,
                role=table.cell(row, "role"),
                applied=applied,
                url=table.cell(row, "url"),
                stage=stage or "",
                notes=table.cell(row, "notes")[:10_000],
                stage_date=read(line, row, "stage_date")[1],
            ),
        )


@cache
def _stage_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (stage, re.compile(r"\b(?:" + "|".join(re.escape(norm(w)) for w in words) + r")\b"))
        for stage, words in _data("stages.json")["stages"]
    ]


def stage_of(word: str) -> str | None:
    """Our stage (or decision) for another tool's stage word; None for a word not known."""
    text = norm(word)
    for stage, pattern in _stage_patterns():
        if pattern.search(text):
            return stage
    return None


# -- as readers of `followup import` -------------------------------------------------------------
class TableReader:
    """`linkedin`, `google` or `applications`: a CSV recognised by its header."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def sniff(self, head: bytes, name: str) -> bool:
        import io

        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")  # a BOM too: Notepad writes one
        if text[:1] in (b"{", b"[") or not text or _wide_json(text):
            return False  # JSON: a dossier (which says so when it is not UTF-8)
        whole = head if len(head) < 64 * 1024 else head[: head.rfind(b"\n") + 1]
        try:
            table = open_table(DecodedLines(io.BytesIO(whole), name))
        except BadInput:
            # Not a layout Followup knows: the applications reader takes a CSV (to ask for
            # --mapping) and a binary file (to say what it is); plain text goes to the dossier.
            return self.kind == "applications" and (_binary(head, name) or _delimited(whole))
        return table.kind == self.kind

    def read(
        self, source: ImportSource, progress: Progress, options: ImportOptions
    ) -> Iterator[Any]:
        check_size(source.size, source.name)
        with source.open() as stream:
            lines = DecodedLines(stream, source.name, progress=progress)
            table = open_table(lines, self.kind, options.mapping)
            if table.kind == "applications":

                def order() -> Order:  # a second pass over the file's dates, when needed
                    return date_order(table, self._dates(source, options), options.country)

                yield from read_applications(table, order)
            else:
                yield from read_people(table)

    def _dates(self, source: ImportSource, options: ImportOptions) -> Iterator[str]:
        """Every date the file holds, read from its start again (columns only, nothing kept)."""
        with source.open() as stream:
            table = open_table(DecodedLines(stream, source.name), self.kind, options.mapping)
            indexes = [i for name in DATE_FIELDS for i in table.columns.get(name, [])]
            for _, row in table.rows:
                for index in indexes:
                    if index < len(row):
                        yield row[index]


def _wide_json(head: bytes) -> bool:
    """JSON saved as UTF-16 (with its BOM), which the dossier reader refuses as not UTF-8."""
    if head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return False
    return head[:64].decode("utf-16", errors="ignore").lstrip()[:1] in ("{", "[")


def _binary(head: bytes, name: str) -> bool:
    try:
        refuse_binary(head, name)
    except BadInput:
        return True
    return False


def _delimited(head: bytes) -> bool:
    """Whether one of the first lines of text splits into columns by a comma, a semicolon or a
    tab (a preamble may come before the header)."""
    lines = [raw.decode("utf-8", errors="replace").strip() for raw in head.splitlines()[:10]]
    return any(len(_cells(line, d)) >= 2 for line in lines if line for d in DELIMITERS)
