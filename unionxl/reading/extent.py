"""How far a sheet's cells reach, measured from its XML before calamine reads it.

Calamine builds the whole rectangle from A1 to the farthest cell: one stray value at
XFD1048576, or a `<c r="A4000000000">` written by some program, asks for hundreds of
gigabytes and the Rust allocator aborts the process (nothing Python can catch). The
sheet's <dimension> may say anything, so the cell references themselves are measured.

Cheap first: one regex search proves that every cell and row reference is short (at most
two letters and four digits, or one letter and six digits: a rectangle of at most ~26
million cells); the same search notes whether the sheet holds a formula at all (the
formula pass of scan.py runs only then). Only a sheet where it finds something else — a
longer reference, a cell without one — is measured exactly, the way calamine places
cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384  # XFD
# The largest rectangle calamine is given (~1 GiB once Python holds it); a larger one is
# read cell by cell (reading/xlsx_stream.py).
MAX_RECTANGLE = 30_000_000

# For the cheap proof the XML is translated first: every capital letter to A, every digit
# to 9, and ':' to '<' (so a prefixed <x:c r=…> shows as <c r=…> and is checked too).
SHAPES = bytes(
    65 if 65 <= b <= 90 else 57 if 48 <= b <= 57 else 60 if b == 58 else b for b in range(256)
)
LAST_ROW = re.compile(rb'<row r="(9+)"')
PIECE = 256 << 10
_PATTERNS: dict[tuple[int, int], re.Pattern[bytes]] = {}


def odd_cell(letters: int, digits: int) -> re.Pattern[bytes]:
    """A cell whose reference is missing, not first, or longer than allowed. (Rows need
    no look: calamine places a row only by its cells, and a cell without r is odd.)"""
    key = (letters, digits)
    if key not in _PATTERNS:
        _PATTERNS[key] = re.compile(rb'<c(?! r="A{1,%d}9{1,%d}")[\s>/]' % (letters, digits))
    return _PATTERNS[key]


@dataclass
class Survey:
    short: bool  # every reference is short: the rectangle is small
    formulas: bool  # a formula or an error value somewhere (worth the formula pass)


ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)((?:\s[^>]*?)?)(/?)>")
CELL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c>")
# What makes calamine keep a cell: a value with text, or an inline string (even empty).
HAS_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v>[^<]|is[\s>/])")
REF_ATTR = re.compile(rb'\sr="([^"]*)"')
REF = re.compile(rb"([A-Za-z]*)([0-9]*)")


@dataclass
class Extent:
    rows: int  # 1 + the last row holding a cell (what calamine's rectangle spans from A1)
    columns: int
    cells: int
    outside: int = 0  # cells beyond Excel's 1,048,576 rows or XFD
    first_outside: str = ""
    farthest: str = ""  # the cell farthest down (then right)

    @property
    def rectangle(self) -> int:
        return self.rows * self.columns

    @property
    def needs_streaming(self) -> bool:
        return self.outside > 0 or self.rectangle > MAX_RECTANGLE


def survey(xml: bytes, pause: Callable[[], None] | None = None) -> Survey:
    """Whether every reference in the sheet is short enough that its rectangle is at most
    ~26 million cells — two letters and four digits (when the last row has at most four
    digits), or one letter and six — and whether it holds any formula or error value.

    One translation and one regex search, 256 KiB at a time (until a long reference is
    found); `pause()` runs between the pieces (the scanner yields to calamine there)."""
    at = xml.rfind(b'<row r="')
    last = LAST_ROW.match(xml[at : at + 32].translate(SHAPES)) if at >= 0 else None
    digits = len(last.group(1)) if last else 4
    short = digits <= 6
    letters, digits = (2 if digits <= 4 else 1), max(digits, 4)
    odd = odd_cell(letters, digits)
    start = 0
    while short and start < len(xml):
        # Overlapping pieces: a cell cut at a piece's end is judged in the next.
        found = odd.search(xml[start : start + PIECE + 64].translate(SHAPES))
        short = found is None or found.start() >= PIECE
        start += PIECE
        if pause is not None:
            pause()
    return Survey(short, holds_formula(xml))


def holds_formula(xml: bytes) -> bool:
    """Whether the sheet holds `f>` (the end of <f>…</f>, <x:f>…</x:f>) or an error value
    (t="e"): worth the formula pass. An 'f' is rare in a sheet's XML, so its places are
    found by memchr and looked at one by one: `b"f>" in xml` stops at every '>' and
    took a third of the survey. The same answer either way."""
    at, looked = xml.find(b"f"), 0
    while at >= 0:
        if xml[at + 1 : at + 2] == b">":
            return True
        looked += 1
        if looked == 1000:  # a sheet of text full of f's: the plain search
            return b"f>" in xml[at:] or b't="e"' in xml
        at = xml.find(b"f", at + 1)
    return b't="e"' in xml


def column_number(letters: bytes) -> int:
    """1-based column of Excel letters (A -> 1, XFD -> 16384)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def address(row: int, column: int) -> str:
    """Excel address of a 0-based (row, column): (0, 0) -> A1."""
    letters, n = "", column + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def has_value(xml: bytes, start: int) -> bool:
    end = CELL_END.search(xml, start)
    body = xml[start : end.start() if end else len(xml)]
    return HAS_VALUE.search(body) is not None


def measure(xml: bytes) -> Extent:
    """The sheet's extent, placing cells as calamine does: by their r attribute, else
    after the previous cell of the row (and a row without r after the previous row)."""
    rows = columns = cells = outside = 0
    first_outside = farthest = ""
    far = (-1, -1)
    row = -1
    col = -1
    for m in ELEMENT.finditer(xml):
        ref = REF_ATTR.search(m.group(2))
        if m.group(1) == b"row":
            row = int(ref.group(1)) - 1 if ref and ref.group(1).isdigit() else row + 1
            col = -1
            continue
        if ref is not None:
            parts = REF.fullmatch(ref.group(1))
            if parts is None or not parts.group(1) or not parts.group(2):
                col += 1  # an unreadable reference: calamine refuses the sheet itself
            else:
                col = column_number(parts.group(1)) - 1
                row = int(parts.group(2)) - 1
        else:
            col += 1
        if m.group(3) or not has_value(xml, m.end()):
            continue  # no value: calamine does not place it
        cells += 1
        here = (max(row, 0), max(col, 0))
        if here[0] >= EXCEL_ROWS or here[1] >= EXCEL_COLUMNS:
            outside += 1
            if not first_outside:
                first_outside = address(*here)
            continue
        rows = max(rows, here[0] + 1)
        columns = max(columns, here[1] + 1)
        if here > far:
            far = here
            farthest = address(*here)
    return Extent(rows, columns, cells, outside, first_outside, farthest)
