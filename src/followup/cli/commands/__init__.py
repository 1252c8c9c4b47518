"""The commands, one module per subject; each module's `register(sub)` adds its commands.

The order here is the order of `followup --help`.
"""

MODULES = (
    "plan",
    "record",
    "cards",
    "transfer",
    "letters",
    "mail",
    "mail_auth",
    "replies",
    "progress",
    "server",
)
