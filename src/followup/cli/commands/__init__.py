"""The commands, one module per subject; each module's `register(sub)` adds its commands.

The order of MODULES is the order of `followup --help`. COMMANDS says which module has each
command (which modules, for a group several add to), so that running one builds the parser of
those modules only (start-up: argparse building every command costs more than the agenda
itself). A command missing here still works, through the whole parser;
tests/e2e/test_cli_contract.py checks the table is complete.
"""

MODULES = (
    "plan",
    "record",
    "notes",
    "cards",
    "people",
    "transfer",
    "letters",
    "mail",
    "mail_auth",
    "replies",
    "progress",
    "server",
    "accounts",
)
COMMANDS = {
    "agenda": "plan",
    "plan": "plan",
    "list": "plan",
    "show": "plan",
    "policies": "plan",
    "calendar": "plan",
    "add-opportunity": "record",
    "add-interview": "record",
    "set-timeline": "record",
    "log": "record",
    "unlog": "record",
    "snooze": "record",
    "profile": "record",
    "note": "notes",
    "card": "cards",
    "people": "people",
    "import": "transfer",
    "export": "transfer",
    "demo": "transfer",
    "draft": "letters",
    "check": "letters",
    "approve": "mail",
    "outbox": "mail",
    "digest": "mail",
    "send": "mail",
    "inbox": "mail replies",  # a group: each module adds its own commands to it
    "mail": "mail_auth",
    "stats": "progress",
    "serve": "server",
    "db": "accounts",
    "users": "accounts",
    "grant": "accounts",
    "revoke": "accounts",
}
