"""姓氏笔画排序: names ordered as Chinese lists of people are (by the surname's strokes).

The stroke counts are Unihan's kTotalStrokes (see `stroke_table.py`). A name sorts by the
strokes of its first character (the surname), surnames of equal count stay together (by
code point), then by the strokes of the next characters: 王一 (4, 1) before 王五 (4, 4)
before 方乙 (4 strokes, but a different surname). A character the table lacks (a Latin
letter, a rare character of Extension B) sorts after every character it has.
"""

from __future__ import annotations

from functools import lru_cache

from unionxl.reports.stroke_table import COUNTS, DIGITS, FIRST, LAST

UNKNOWN = 99  # after any real count (the largest in the table is 52)
VALUE = {digit: n for n, digit in enumerate(DIGITS)}


@lru_cache(maxsize=8192)
def strokes(char: str) -> int:
    """kTotalStrokes of one character; UNKNOWN when the table has none."""
    point = ord(char)
    if FIRST <= point <= LAST:
        return VALUE[COUNTS[point - FIRST]] or UNKNOWN
    return UNKNOWN


def stroke_key(name: str) -> tuple[tuple[int, int], ...]:
    """Sort key: (strokes, code point) of each character, surname first."""
    return tuple((strokes(c), ord(c)) for c in name.strip())
