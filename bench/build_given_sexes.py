"""Build the wrong-name rule's `female_given` and `male_given` lists in
`src/followup/checks/rules.json`: given names borne, in the English-speaking world, by women
(or by men) only, or at least RATIO times as often as by the other sex, so that a title of the
other sex before the recipient's own name ("Dear Mr. Campbell" to Andrea Campbell) is told.

Source: the US Census Bureau's 1990 lists of frequently occurring first names by sex (a work of
the US government, in the public domain), as the `names` package (MIT) ships them:
`names/dist.female.first` and `names/dist.male.first`, each line a name and its share of the
people counted in percent. Nothing is downloaded at run time; to rebuild:

    .venv/bin/pip download names==0.3.0 --no-deps -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python bench/build_given_sexes.py /tmp/names/names-0.3.0/names

The two lines of rules.json are rewritten in place, sorted, so a rebuild changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

RATIO = 10.0
RULES = Path(__file__).parent.parent / "src" / "followup" / "checks" / "rules.json"


def shares(path: Path) -> dict[str, float]:
    """Each name of a Census list (lowercase) and its share in percent."""
    found: dict[str, float] = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0].lower()] = float(parts[1])
    return found


def main() -> None:
    folder = Path(sys.argv[1])
    female = shares(folder / "dist.female.first")
    male = shares(folder / "dist.male.first")

    def of(one: dict[str, float], other: dict[str, float]) -> list[str]:
        # a name on one list only is of that sex (the lists stop at a share of 0.001%); on both,
        # where one sex bears it RATIO times as often
        return sorted(
            n
            for n, share in one.items()
            if len(n) >= 3 and n.isalpha() and (n not in other or share >= RATIO * other[n])
        )

    text = RULES.read_text()
    for key, names in (("female_given", of(female, male)), ("male_given", of(male, female))):
        line = f'    "{key}": {json.dumps(names)},'
        pattern = re.compile(rf'^    "{key}": \[.*\],$', re.MULTILINE)
        if not pattern.search(text):
            sys.exit(f"rules.json has no line for {key} in wrong-name")
        text = pattern.sub(lambda _: line, text)  # noqa: B023
    RULES.write_text(text)
    json.loads(text)


if __name__ == "__main__":
    main()
