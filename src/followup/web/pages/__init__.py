"""The pages, one module per subject; each has its `routes`."""

MODULES = (
    "today",
    "pipeline",
    "progress",
    "opportunity",
    "capture",
    "cards",
    "people",
    "letters",
    "settings",
    "transfer",
    "replies",
    "account",
    "coach",
)
