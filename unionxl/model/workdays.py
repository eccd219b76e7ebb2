"""Working days in mainland China: weekends and statutory holidays off, 调休 Saturdays on.

The State Council's yearly holiday notice comes from the lunar-python calendar library
(`HolidayUtil`, updated each year when the notice is published), never from a hand-typed
table. A year the library does not know yet counts Monday to Friday only, and
`known_year` says so, so that a document can tell the reader.
"""

from __future__ import annotations

import datetime as dt
from functools import cache


@cache
def _holidays(year: int) -> dict[dt.date, bool]:
    """Day -> True for a 调休 working day, False for a day off, of one year's notice."""
    from lunar_python.util import HolidayUtil

    return {
        dt.date.fromisoformat(h.getDay()): bool(h.isWork()) for h in HolidayUtil.getHolidays(year)
    }


def known_year(year: int) -> bool:
    """The library has the holiday notice of `year`."""
    return bool(_holidays(year))


def is_working_day(day: dt.date) -> bool:
    special = _holidays(day.year).get(day)
    if special is not None:
        return special
    return day.weekday() < 5


def last_working_day(start: dt.date, days: int) -> dt.date:
    """The day on which a period of `days` working days that begins on `start` ends
    (`start` counts when it is a working day)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    day, counted = start, 0
    while True:
        if is_working_day(day):
            counted += 1
            if counted == days:
                return day
        day += dt.timedelta(days=1)
