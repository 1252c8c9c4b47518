"""Which of the check's patterns can match a letter at all, told at once by RE2's sets.

A run of many letters reads each letter with the looser form of every pattern (see
domain/letters/loosen.py) in one pass of RE2's automaton per set of patterns, instead of asking
Python for each pattern the letter holds the words of: on letters of realistic length a few
patterns of some six hundred are left, where the words alone left seventy. Only those run.

The patterns go into sets of a few dozen: one automaton for all of them grows a state for nearly
every new stretch of text and stays slow on letters it has not seen; small ones stop growing.
Each set also holds the empty pattern, which matches every text: a pass that does not report it
failed (RE2 reports no match when its automaton runs out of memory), and the letter is then read
the plain way. A form RE2 refuses, or a set it cannot compile, leaves its patterns to be tried
on every letter as before.
"""

from __future__ import annotations

from typing import Any

GROUP = 40  # patterns in one set
MEMORY = 8 << 20  # bytes of automaton one set may keep (RE2's default)


class Re2Screen:
    def __init__(self, forms: list[bytes | None]) -> None:
        import importlib

        # google-re2, imported when a run of many letters first needs it (its stubs lack the
        # options' encodings)
        re2: Any = importlib.import_module("re2")
        options = re2.Options()
        options.encoding = re2.Options.Encoding.LATIN1  # one byte a character (as_bytes)
        options.max_mem = MEMORY
        options.log_errors = False
        self.refused: set[int] = set()
        self.sets: list[tuple[Any, list[int]]] = []
        numbers = [i for i, form in enumerate(forms) if form is not None]
        for start in range(0, len(numbers), GROUP):
            group = re2.Set.SearchSet(options)
            group.Add(b"")  # matches every text: its absence tells a failed pass
            members = [-1]
            for number in numbers[start : start + GROUP]:
                try:
                    group.Add(forms[number])
                except re2.error:
                    self.refused.add(number)
                    continue
                members.append(number)
            try:
                group.Compile()
            except re2.error:
                self.refused.update(members[1:])
                continue
            self.sets.append((group, members))

    def matching(self, data: bytes) -> list[int] | None:
        """The numbers of the forms that match somewhere in `data`; None when a pass failed."""
        found: list[int] = []
        for group, members in self.sets:
            matched = group.Match(data)
            if not matched or 0 not in matched:
                return None
            found += (members[i] for i in matched if i)
        return found


def make_screen(forms: list[bytes | None]) -> Re2Screen | None:
    """A screen for these forms, or None where RE2 is not installed (the check then reads
    every letter the plain way)."""
    try:
        return Re2Screen(forms)
    except ImportError:
        return None
