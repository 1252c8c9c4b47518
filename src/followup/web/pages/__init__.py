"""The pages, one module per subject; each has its `routes`."""

MODULES = (
    "today",
    "pipeline",
    "progress",
    "opportunity",
    "capture",
    "cards",
    "letters",
    "settings",
    "transfer",
    "replies",
)
