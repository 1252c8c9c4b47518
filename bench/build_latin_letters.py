"""Build `src/followup/domain/latin_letters.json`, the Latin letters that Unicode does not
decompose into a base letter and an accent, each with the ASCII letters it is written as
("ø" → "o", "æ" → "ae", "ß" → "ss", "ł" → "l", "đ" → "d", "þ" → "th", "œ" → "oe"): what the
domain's `fold` maps after NFKD has dropped the accents, so that "Østergaard" and "Ostergaard"
are one name (DESIGN: "case and accents folded").

Source: `anyascii` (ISC licence; https://github.com/anyascii/anyascii), which transliterates
each character by hand-checked tables. Only letters of the Latin script (and the modifier
letters written beside them, like "ʼ") are taken: a name in another script keeps its own
letters, since transliterating it would make different names one ("王" and "汪" are both
"Wang"). Written the same way each time: a rebuild with the same anyascii changes nothing.

Run: .venv/bin/python bench/build_latin_letters.py   (needs: pip install 'followup[folding]')
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from anyascii import anyascii  # type: ignore[import-untyped, unused-ignore]

OUT = Path(__file__).parent.parent / "src" / "followup" / "domain" / "latin_letters.json"


def bare(text: str) -> str:
    """NFKD with the combining marks dropped: what `fold` has before it looks letters up."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("LATIN ", "MODIFIER LETTER "))


def table() -> dict[str, str]:
    found: dict[str, str] = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not latin(char):
            continue
        for left in bare(char):
            if left.isascii() or left in found or not latin(left):
                continue
            ascii_form = anyascii(left)
            if ascii_form and ascii_form.isascii():
                found[left] = ascii_form.casefold()
    return dict(sorted(found.items()))


def main() -> None:
    letters = table()
    data = {
        "source": "anyascii (ISC), Latin and modifier letters that NFKD leaves non-ASCII; "
        "built by bench/build_latin_letters.py",
        "letters": letters,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(letters)} letters written to {OUT}")


if __name__ == "__main__":
    main()
