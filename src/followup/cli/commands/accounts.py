"""The shared server: its database, its accounts, and coaches' access."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, date_arg, deps, group

if TYPE_CHECKING:
    from followup.cli.args import Subcommands
    from followup.services.dependencies import Dependencies


def _password() -> str:
    """The password: typed twice at a terminal, else the first line of standard input."""
    import sys

    from followup.domain.errors import InvalidField

    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != first:
            raise InvalidField("password", "the same password twice")
        return first
    line = sys.stdin.readline()
    return line[:-1] if line.endswith("\n") else line


def _admin(args: argparse.Namespace) -> Dependencies:
    """The services for managing accounts: run by whoever holds the database's credentials, or,
    acting as an account (--user), by an admin only."""
    from followup.services.accounts import acting_account

    found = deps(args)
    user = found_user(args)
    if user:
        acting_account(found, user, role="admin")
    return found


def cmd_users_add(args: argparse.Namespace) -> int:
    """Add an account to a shared server: a candidate (owns their search), a coach (reads the
    candidates who grant access, comments, never sends or edits) or an admin (manages
    accounts, reads no one's letters). The password is read from standard input."""
    from followup.services.accounts import add_user

    account = add_user(_admin(args), args.email, args.role, _password())
    print(f"Added {account.role} {account.email}.")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    """Every account of the shared server, with its role and whether it is disabled."""
    from followup.services.accounts import list_users

    accounts = list_users(_admin(args))
    if args.json:
        from followup.adapters.json_shapes import account_dict, dumps

        print(dumps([account_dict(a) for a in accounts]))
        return 0
    if not accounts:
        print("No accounts yet. Add one with `followup users add EMAIL --role admin`.")
    for a in accounts:
        state = "disabled" if a.disabled else f"{a.sessions} session(s)"
        print(f"{a.email:<32} {a.role:<9} {state}")
    return 0


def cmd_users_disable(args: argparse.Namespace) -> int:
    """Disable an account: it can no longer sign in, and its sessions end at once."""
    from followup.services.accounts import disable_user

    account = disable_user(_admin(args), args.email)
    print(f"Disabled {account.email}; its sessions have ended.")
    return 0


def cmd_users_password(args: argparse.Namespace) -> int:
    """Set an account's password (read from standard input); its sessions end."""
    from followup.services.accounts import set_password

    account = set_password(_admin(args), args.email, _password())
    print(f"New password set for {account.email}; its sessions have ended.")
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    """Let a coach read your search (the candidate --user names) and comment on it, until the
    end of --until or until you revoke it. A coach never sends, edits or approves."""
    from followup.services.accounts import acting_account, grant_access
    from followup.services.recording import get_profile

    found = deps(args)
    me = acting_account(found, found_user(args))
    today = found.today(get_profile(found))
    grant = grant_access(found, me, args.coach, args.until, today)
    until = f"until the end of {grant.until:%a %d %b %Y}" if grant.until else "until you revoke it"
    print(f"{grant.coach} can read your search {until}.")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    """End a coach's access to your search at once."""
    from followup.services.accounts import acting_account, revoke_access

    found = deps(args)
    revoke_access(found, acting_account(found, found_user(args)), args.coach)
    print(f"{args.coach.strip().lower()} can no longer read your search.")
    return 0


def found_user(args: argparse.Namespace) -> str | None:
    import os

    return getattr(args, "user", None) or os.environ.get("FOLLOWUP_USER") or None


def cmd_db_migrate(args: argparse.Namespace) -> int:
    """Bring the database's schema up to date. On PostgreSQL run it as the owner of the
    database (its URL in --database), naming the role the application connects as, which it
    grants what it needs; a SQLite file is brought up to date by itself whenever it is opened."""
    from followup import bootstrap

    applied = bootstrap.migrate_database(args.database, args.app_role)
    if applied:
        print(f"Applied {len(applied)} migration(s): {', '.join(applied)}.")
    else:
        print("The database is up to date.")
    return 0


def register(sub: Subcommands) -> None:
    from followup.services.office import ROLES

    users = group(sub, "users", "The accounts of a shared server (a postgresql:// database).")
    p = command(users, "add", cmd_users_add)
    p.prog = "followup users add"
    p.add_argument("email", metavar="EMAIL")
    p.add_argument("--role", required=True, choices=ROLES, help="what the account may do")
    p = command(users, "list", cmd_users_list)
    p.prog = "followup users list"
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = command(users, "disable", cmd_users_disable)
    p.prog = "followup users disable"
    p.add_argument("email", metavar="EMAIL")
    p = command(users, "password", cmd_users_password)
    p.prog = "followup users password"
    p.add_argument("email", metavar="EMAIL")

    p = command(sub, "grant", cmd_grant)
    p.add_argument("coach", metavar="COACH_EMAIL", help="the coach's account")
    p.add_argument("--until", type=date_arg, metavar="DATE", help="the last day of access")
    p = command(sub, "revoke", cmd_revoke)
    p.add_argument("coach", metavar="COACH_EMAIL", help="the coach's account")

    db = group(sub, "db", "The database itself: bring its schema up to date (`db migrate`).")
    p = command(db, "migrate", cmd_db_migrate)
    p.prog = "followup db migrate"
    p.add_argument(
        "--app-role",
        default="followup_app",
        metavar="ROLE",
        help="PostgreSQL: the role the application connects as (default followup_app)",
    )
