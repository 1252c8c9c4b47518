"""English given names and their nicknames, from the `nicknames` package (a hand-curated table,
Apache-2.0: "Peggy" for Margaret, "Hank" for Henry). The wrong-name rule asks it whether a name
a letter addresses is a short form of the recipient's; the table (some 2,700 pairs) is read
when first asked, once, and only for a name that is none of the recipient's by its letters."""

from __future__ import annotations


class Nicknames:
    """The names linked to a name by one step of the table, read once when first asked for."""

    def __init__(self) -> None:
        self._links: dict[str, frozenset[str]] | None = None

    def linked(self, name: str) -> frozenset[str]:
        """The names of which `name` (lowercase) is a nickname, and its own nicknames; empty
        where the package is missing."""
        if self._links is None:
            self._links = _read()
        return self._links.get(name, frozenset())


def _read() -> dict[str, frozenset[str]]:
    try:
        from nicknames import NickNamer
    except ImportError:  # (a dependency; the check still runs without it)
        return {}
    namer = NickNamer()
    links: dict[str, set[str]] = {}
    for table in (namer.nickname_lookup, namer.canonical_lookup):
        for name, others in table.items():
            links.setdefault(name, set()).update(others)
    return {name: frozenset(others) for name, others in links.items()}
