"""Terminal display width: a CJK character takes two columns, a combining mark none."""

from __future__ import annotations

import unicodedata

LEFT, RIGHT = "<", ">"


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide/full-width count 2."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, align: str = LEFT) -> str:
    """`text` filled with spaces to `width` display columns."""
    fill = " " * max(0, width - display_width(text))
    return text + fill if align == LEFT else fill + text
