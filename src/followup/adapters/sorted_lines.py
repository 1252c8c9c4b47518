"""A look-up in a file of sorted lines held as bytes or mapped into memory (the spelling rule's
word list, the wrong-company rule's place names): halving touches a few pages of it, where
reading and splitting the lines would cost tens of milliseconds."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    import mmap


def holds_line(table: mmap.mmap | bytes, key: bytes) -> bool:
    """Is `key` a whole line of `table`, whose lines are sorted and split by line breaks?"""
    low, high = 0, len(table)  # the line sought starts in [low, high)
    while low < high:
        middle = (low + high) // 2
        start = table.rfind(b"\n", 0, middle) + 1  # the start of the line that holds middle
        end = table.find(b"\n", start)
        if end < 0:
            end = len(table)
        found = table[start:end]
        if found == key:
            return True
        if found < key:
            low = end + 1
        else:
            high = start
    return False
