"""Wires the real adapters into the services: which database, which calendars, which policies.

Chosen in one place: `--database`, else `FOLLOWUP_DATABASE`, else a SQLite file in the user's data
folder. Nothing connects here; the first unit of work does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from followup.domain.errors import BadInput
from followup.services.dependencies import CardReader, Dependencies, Renderer
from followup.services.ports import Locks, Reader, process_lock

if TYPE_CHECKING:
    from followup.domain.letters.check import LetterChecker
    from followup.domain.replies.classify import ReplyClassifier
from followup.services.storage import Store

APP_NAME = "followup"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    override = os.environ.get("FOLLOWUP_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def database_location(explicit: str | None = None) -> str:
    chosen = explicit or os.environ.get("FOLLOWUP_DATABASE")
    if chosen:
        return chosen
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "followup.sqlite3")


def open_store(location: str) -> Store:
    if location.startswith(("postgresql://", "postgres://")):
        raise BadInput(
            "--database: PostgreSQL is not supported by this version yet; expected a SQLite file "
            "path"
        )
    if "://" in location:
        raise BadInput(
            f"--database: expected a SQLite file path or a postgresql:// URL, got {location!r}"
        )
    from followup.adapters.storage.sqlite.store import SqliteStore

    return SqliteStore(Path(location).expanduser())


def dependencies(database: str | None = None) -> Dependencies:
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook

    config = config_dir()

    def checker() -> LetterChecker:
        from followup.adapters.check_rules import build_checker

        return build_checker(config / "check")

    def renderer() -> Renderer:
        from followup.adapters.templates import TemplateRenderer

        return TemplateRenderer(config / "templates")

    def classifier() -> ReplyClassifier:
        from followup.adapters.reply_rules import build_classifier

        return build_classifier(config / "replies")

    def mail_sign_in() -> str | None:
        from followup.adapters.mail.oauth2_store import sign_in_needed

        return sign_in_needed(config)
    def card_reader() -> CardReader:
        from followup.adapters.cards.reader import read_card

        return read_card

    location = database_location(database)
    store = open_store(location)

    return Dependencies(
        store=store,
        calendars=calendar_for,
        policies=PolicyBook(config / "policies"),
        checker=_once(checker),
        renderer=_once(renderer),
        readers=readers,
        lock=_locks(store),
        classifier=_once(classifier),
        mail_sign_in=mail_sign_in,
        card_reader=_once(card_reader),
    )


def readers() -> tuple[Reader, ...]:
    """The kinds of file `followup import` reads, in the order they are tried; the dossier
    last, as it takes whatever no other kind claims (services/imports.py)."""
    from followup.adapters.files.dossier import DossierReader

    return (DossierReader(),)


def _locks(store: Store) -> Locks:
    from followup.adapters.storage.sqlite.store import SqliteStore

    if isinstance(store, SqliteStore) and store.location != ":memory:":
        from followup.adapters.locks import file_locks

        return file_locks(store.location)
    return process_lock


T = TypeVar("T")


def _once(factory: Callable[[], T]) -> Callable[[], T]:
    """Build on first use, then reuse."""
    made: list[T] = []

    def get() -> T:
        if not made:
            made.append(factory())
        return made[0]

    return get
