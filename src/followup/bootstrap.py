"""Wires the real adapters into the services: which database, which calendars, which policies.

Chosen in one place: `--database`, else `FOLLOWUP_DATABASE`, else a SQLite file in the user's data
folder. Nothing connects here; the first unit of work does. Each adapter is imported when a use
case first needs it, so a command loads only what it uses (`followup agenda` loads no policy,
holiday, template or folder library: tests/unit/test_layers.py).
"""

from __future__ import annotations

import os
import sys

from followup.domain.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from pathlib import Path
    from typing import Any, TypeVar

    from followup.domain.calendar import BusinessCalendar
    from followup.domain.cards import BusinessCard
    from followup.domain.letters.check import LetterChecker
    from followup.domain.model import Candidate
    from followup.domain.policy import Policy
    from followup.domain.replies.classify import ReplyClassifier
    from followup.services.dependencies import CardReader, Dependencies, Passwords, Renderer
    from followup.services.ports import Locks, Reader
    from followup.services.storage import Store

    T = TypeVar("T")

APP_NAME = "followup"


def data_dir() -> Path:
    from pathlib import Path

    return Path(data_folder())


def data_folder() -> str:
    """data_dir() as a string, found without pathlib: where the default database lives."""
    return xdg_folder("XDG_DATA_HOME", ".local/share") or _platform_folder("user_data_dir")


def xdg_folder(variable: str, default: str) -> str | None:
    """The user's folder of a kind on Linux, by the XDG Base Directory Specification (the
    variable when it holds an absolute path, else its default under an absolute HOME), as
    platformdirs finds it there (tests/unit/test_bootstrap_folders.py holds the two together).
    None elsewhere, or without an absolute HOME: platformdirs decides. What the check of one
    letter reads first, without platformdirs' imports (pathlib, tempfile: a tenth of its
    start-up)."""
    if sys.platform != "linux" or os.environ.get("ANDROID_DATA"):
        return None
    base = os.environ.get(variable, "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, default)
    return os.path.join(base, APP_NAME)


def _platform_folder(kind: str) -> str:
    import platformdirs

    folder: str = getattr(platformdirs, kind)(APP_NAME, appauthor=False)
    return folder


def config_dir() -> Path:
    from pathlib import Path

    return Path(config_folder())


def config_folder() -> str:
    """config_dir() as a string, found without pathlib (which loads urllib.parse): what the
    check of one letter reads."""
    override = os.environ.get("FOLLOWUP_CONFIG")
    if override:
        return os.path.expanduser(override)
    return xdg_folder("XDG_CONFIG_HOME", ".config") or _platform_folder("user_config_dir")


def cache_dir() -> Path:
    """Where what can be made again is kept (the check's rules, read; its word list):
    `FOLLOWUP_CACHE`, else beside `FOLLOWUP_CONFIG` when that is set, else the user's cache
    folder."""
    from pathlib import Path

    return Path(cache_folder())


def cache_folder() -> str:
    """cache_dir() as a string, found without pathlib (which loads urllib.parse): what the
    check of one letter reads before anything else."""
    override = os.environ.get("FOLLOWUP_CACHE")
    if override:
        return os.path.expanduser(override)
    config = os.environ.get("FOLLOWUP_CONFIG")
    if config:
        return os.path.join(os.path.expanduser(config), "cache")
    return xdg_folder("XDG_CACHE_HOME", ".cache") or _platform_folder("user_cache_dir")


def database_location(explicit: str | None = None) -> str:
    chosen = explicit or os.environ.get("FOLLOWUP_DATABASE")
    if chosen:
        return chosen
    folder = data_folder()
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, "followup.sqlite3")


def is_server(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def open_store(location: str, user: str | None = None, roles: tuple[str, ...] = ()) -> Store:
    """The store at `location`: a SQLite file (one person's), or a PostgreSQL URL (a shared
    server, acting as the account `user` names, which must have one of `roles`)."""
    if is_server(location):
        from followup.adapters.storage.postgres.store import PostgresStore

        return PostgresStore(location, user, roles=roles or ("candidate",))
    if "://" in location:
        raise BadInput(
            f"--database: expected a SQLite file path or a postgresql:// URL, got {location!r}"
        )
    if user:
        raise BadInput(
            "--user: a SQLite file holds one person's data; --user is for a postgresql:// database",
            "--user",
        )
    from followup.adapters.storage.sqlite.store import SqliteStore

    return SqliteStore(os.path.expanduser(location), plan=_plan_after_migration)


def _plan_after_migration(opportunity: Any, candidate: Any) -> Any:
    """How a migration that makes two opportunities one plans it again: DESIGN's rules with the
    user's policies and calendar, as every use case plans (adapters/storage/refold.py)."""
    from followup.adapters.storage.refold import planner

    return planner(_Policies().get, _calendar_for)(opportunity, candidate)


def migrate_database(database: str | None, app_role: str) -> list[str]:
    """Bring the schema up to date: PostgreSQL's as its owner, granting `app_role`; SQLite's as
    opening it does."""
    location = database_location(database)
    if is_server(location):
        from followup.adapters.storage.postgres.store import PostgresStore

        return PostgresStore(location).migrate(app_role, plan=_plan_after_migration)
    from followup.adapters.storage.sqlite.store import SqliteStore

    return SqliteStore(os.path.expanduser(location), plan=_plan_after_migration).migrate()


def acting_user(explicit: str | None, location: str) -> str | None:
    """`--user`, else FOLLOWUP_USER on a shared server (where SQLite ignores the variable)."""
    if explicit:
        return explicit
    return os.environ.get("FOLLOWUP_USER") or None if is_server(location) else None


def dependencies(
    database: str | None = None, user: str | None = None, roles: tuple[str, ...] = ()
) -> Dependencies:
    def checker() -> LetterChecker:
        from followup.adapters.check_rules import build_checker

        return build_checker(os.path.join(config_folder(), "check"), cache=cache_folder())

    def renderer() -> Renderer:
        from followup.adapters.templates import TemplateRenderer

        return TemplateRenderer(config_dir() / "templates")

    def classifier() -> ReplyClassifier:
        from followup.adapters.reply_rules import build_classifier

        return build_classifier(config_dir() / "replies")

    def mail_sign_in() -> str | None:
        from followup.adapters.mail.oauth2_store import sign_in_needed

        return sign_in_needed(config_dir())

    def card_reader() -> CardReader:
        from followup.adapters.cards.reader import read_card

        here = locale_region()

        def read(photo: bytes, region: str | None = None, field: str = "PHOTO") -> BusinessCard:
            # a user who has not said their country: their locale's (see locale_region)
            return read_card(photo, region or here, field)

        return read

    def passwords() -> Passwords:
        from followup.adapters.auth.passwords import Argon2Passwords

        return Argon2Passwords()

    from followup.services.dependencies import Dependencies

    store = store_for(database, user, roles)
    return Dependencies(
        store=store,
        calendars=_calendar_for,
        policies=_Policies(),
        checker=_once(checker),
        renderer=_once(renderer),
        readers=readers,
        lock=_locks(store),
        classifier=_once(classifier),
        mail_sign_in=mail_sign_in,
        card_reader=_once(card_reader),
        passwords=_once(passwords),
        check_email=_check_email,
    )


def locale_region(environ: dict[str, str] | None = None) -> str | None:
    """The country of the user's locale (LC_ALL, LC_MESSAGES or LANG: "en_US.UTF-8" is US):
    the country of numbers written without `+` on the cards of a user who has not said theirs,
    as most cards one collects are of one's own country. None for the C or POSIX locale, none
    set, or a country no phone numbers are known for."""
    import re

    env = dict(os.environ) if environ is None else environ
    said = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    found = re.match(r"[a-z]{2,3}_([A-Z]{2})\b", said)
    if found is None:
        return None
    import phonenumbers

    return found.group(1) if found.group(1) in phonenumbers.SUPPORTED_REGIONS else None


def _check_email(value: str, field: str) -> None:
    from followup.adapters.email_address import check_email

    check_email(value, field)


def web_app(
    deps: Dependencies,
    host: str = "127.0.0.1",
    port: int = 8765,
    allowed_hosts: tuple[str, ...] = (),
    public_url: str | None = None,
) -> Any:
    """The web interface over these dependencies (`followup serve`): the CLI and the web never
    import each other; this composition root knows both. Behind its guard (web/security.py),
    which serves only the names given and refuses, in one line, a host beyond loopback while
    there is no login."""
    from followup.web.app import WebConfig, create_app

    config = WebConfig(host, port, allowed_hosts, public_url)
    return create_app(deps, config)


def readers() -> tuple[Reader, ...]:
    """The kinds of file `followup import` reads, in the order they are tried; the dossier
    last, as it takes whatever no other kind claims (services/imports.py). The applications
    reader claims any CSV the others do not (to ask for --mapping when it is not a layout
    Followup knows)."""
    from followup.adapters.files.dossier import DossierReader
    from followup.adapters.files.invite import InviteReader
    from followup.adapters.files.tables import TableReader
    from followup.adapters.files.vcard import VcardReader

    return (
        InviteReader(),
        VcardReader(),
        TableReader("linkedin"),
        TableReader("google"),
        TableReader("applications"),
        DossierReader(),
    )


def _calendar_for(candidate: Candidate) -> BusinessCalendar:
    from followup.adapters.holidays import calendar_for

    return calendar_for(candidate)


class _Policies:
    """The policy book (shipped policies and the user's own), read when first asked."""

    def __init__(self) -> None:
        self._book: Any = None

    def _get(self) -> Any:
        if self._book is None:
            from followup.adapters.policies import PolicyBook

            self._book = PolicyBook(config_dir() / "policies")
        return self._book

    def get(self, name: str, field: str = "policy") -> Policy:
        policy: Policy = self._get().get(name, field)
        return policy

    def names(self) -> list[str]:
        names: list[str] = self._get().names()
        return names


def _locks(store: Store) -> Locks:
    """A file lock beside a SQLite file; within the process otherwise."""
    from followup.adapters.storage.sqlite.store import SqliteStore

    if not isinstance(store, SqliteStore) or store.location == ":memory:":
        from followup.services.ports import process_lock

        return process_lock
    location = store.location

    def lock(name: str, busy: str) -> AbstractContextManager[None]:
        from followup.adapters.locks import file_locks

        return file_locks(location)(name, busy)

    return lock


def store_for(database: str | None, user: str | None = None, roles: tuple[str, ...] = ()) -> Store:
    location = database_location(database)
    return open_store(location, acting_user(user, location), roles)


def _once(factory: Callable[[], T]) -> Callable[[], T]:
    """Build on first use, then reuse."""
    made: list[T] = []

    def get() -> T:
        if not made:
            made.append(factory())
        return made[0]

    return get
