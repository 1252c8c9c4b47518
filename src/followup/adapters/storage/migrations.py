"""Numbered SQL migrations, shared by the SQL stores.

Each file `NNNN_name.sql` runs once, in order, inside one transaction together with the row in
`schema_migrations` that records it: a migration is either wholly applied or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file split into statements (`;` at the end of a line ends one; a trigger's body
        runs to its `END;`)."""
        parts, current = [], []
        for line in self.sql.splitlines():
            if line.strip().startswith("--"):
                continue
            current.append(line)
            text = "\n".join(current)
            in_trigger = "CREATE TRIGGER" in text.upper() and not text.rstrip().upper().endswith(
                "END;"
            )
            if line.rstrip().endswith(";") and not in_trigger:
                parts.append(text.strip())
                current = []
        tail = "\n".join(current).strip()
        if tail:
            parts.append(tail)
        return parts


def migration_names(package: str) -> list[str]:
    return sorted(
        entry.name[:-4]
        for entry in resources.files(package).iterdir()
        if entry.name.endswith(".sql") and entry.name[:4].isdigit()
    )


def load_migration(package: str, name: str) -> Migration:
    return Migration(name, (resources.files(package) / f"{name}.sql").read_text(encoding="utf-8"))
