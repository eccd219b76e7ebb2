"""Excel number formats and serial numbers: which formats show a date, and the Python
value of a serial under one — as python-calamine gives them (a date for a whole day, a
datetime with a time of day, a time below one day, a timedelta for [h]:mm durations).

Used by the readers of our own (reading/xlsx_stream.py) so that a sheet they read holds
the same values calamine would have given.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# Built-in format ids that show dates or times (ECMA-376 §18.8.30, and the CJK ones).
DATE_FORMAT_IDS = frozenset(
    (*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59), *range(71, 82))
)
DURATION_FORMAT_IDS = frozenset((46,))  # [h]:mm:ss

# Quoted text, escaped characters and [colour]/[$-locale] brackets say nothing of dates.
_NOT_FORMAT = re.compile(r'"[^"]*"|\\.|\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]', re.I)
_DATE_LETTERS = re.compile(r"[ymdhse]|aaa|上午|下午|年|月|日", re.I)
_DURATION = re.compile(r"\[(?:h+|m+|s+)\]", re.I)

EPOCH_1900 = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)


def format_kind(code: str) -> str | None:
    """'date' or 'duration' for a format code that shows one, else None."""
    if _DURATION.search(code):
        return "duration"
    bare = _NOT_FORMAT.sub("", code.split(";")[0])
    if bare.lower() in ("general", "@"):
        return None
    return "date" if _DATE_LETTERS.search(bare) else None


def id_kind(format_id: int, custom: dict[int, str]) -> str | None:
    if format_id in custom:
        return format_kind(custom[format_id])
    if format_id in DURATION_FORMAT_IDS:
        return "duration"
    return "date" if format_id in DATE_FORMAT_IDS else None


def serial_value(serial: float, kind: str, date1904: bool = False) -> Any:
    """The date, datetime, time or timedelta a serial number shows (the float when it
    is out of any calendar: negative, or beyond year 9999)."""
    if kind == "duration":
        return dt.timedelta(days=serial)
    if serial < 0 or serial > 2_958_465:
        return serial
    time_only = serial < 1
    if not date1904 and serial < 60:
        serial += 1  # Excel's 1900 counts a 29 February that never was: before it, one more
    moment = (EPOCH_1904 if date1904 else EPOCH_1900) + dt.timedelta(days=serial)
    # Round to the millisecond, as Excel shows it (a serial is a float).
    micro = round(moment.microsecond / 1000) * 1000
    moment = moment.replace(microsecond=0) + dt.timedelta(microseconds=micro)
    if time_only:
        return moment.time()
    if moment.time() == dt.time(0):
        return moment.date()
    return moment
