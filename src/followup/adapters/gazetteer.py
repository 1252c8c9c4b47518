"""Place names for the wrong-company rule: is a company's first word ("Kisumu" of "Kisumu
Agritech") the name of a real place? Looked up in `checks/places.txt` (built by
bench/build_places.py from GeoNames, CC BY 4.0, and ISO 3166-2), only when a letter names a
company's first words without the rest of its name.

The file (500,000 names, sorted, one a line) is mapped into memory, not read: a look-up halves
it about twenty times and touches a few of its pages, so the first costs well under a
millisecond where reading and splitting the names would cost tens; each answer is kept."""

from __future__ import annotations

import os

from followup.adapters.sorted_lines import holds_line
from followup.domain.letters.context import fold_accents

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    import mmap

# a path as a string: pathlib is 2 ms of the check's start-up
PLACES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "checks", "places.txt")


class Gazetteer:
    """Whether words name a place, folded as the check folds a company's words."""

    def __init__(self, path: str | os.PathLike[str] = PLACES) -> None:
        self._path = path
        self._names: mmap.mmap | bytes | None = None
        self._known: dict[str, bool] = {}

    def knows(self, words: str) -> bool:
        """Are these words ("Tromsø", "kota  kinabalu") a place's name, in any case, with or
        without their accents?"""
        key = " ".join(fold_accents(words.lower()).replace("_", " ").replace("-", " ").split())
        found = self._known.get(key)
        if found is None:
            found = len(key) >= 4 and holds_line(self._open(), key.encode("utf-8"))
            self._known[key] = found
        return found

    def _open(self) -> mmap.mmap | bytes:
        if self._names is None:
            import mmap  # only for a letter that needs it

            with open(self._path, "rb") as file:
                try:
                    self._names = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
                except (OSError, ValueError):  # a file system that maps nothing, or no names
                    self._names = file.read()
        return self._names
