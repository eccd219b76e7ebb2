"""Statutory festival dates (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) for a year.

Lunar festivals and 清明 (a solar term) come from the lunar-python calendar library,
never from a hand-typed table: for 1950–2100 as written down from it by
scripts/make_festival_table.py (festival_table.py, compared with the library year by year
in the tests), for any other year from the library itself.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

STATUTORY = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆")
# Words in a 慰问 类型 that name a festival, mapped to the statutory one they mean.
FESTIVAL_WORDS = {
    "元旦": "元旦",
    "春节": "春节",
    "新春": "春节",
    "清明": "清明",
    "劳动节": "劳动节",
    "五一": "劳动节",
    "端午": "端午",
    "中秋": "中秋",
    "国庆": "国庆",
}


LUNAR_KINDS = ("春节", "清明", "端午", "中秋")  # the festivals whose date moves


def calendar_dates(year: int) -> tuple[dt.date, ...]:
    """春节, 清明, 端午 and 中秋 of `year`, from lunar-python."""
    from lunar_python import Lunar

    def lunar(month: int, day: int) -> dt.date:
        solar = Lunar.fromYmd(year, month, day).getSolar()
        return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())

    qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    qingming_date = dt.date(qingming.getYear(), qingming.getMonth(), qingming.getDay())
    return lunar(1, 1), qingming_date, lunar(5, 5), lunar(8, 15)


def moving_dates(year: int) -> tuple[dt.date, ...]:
    from unionxl.model.festival_table import DATES

    if year in DATES:
        return tuple(dt.date(year, month, day) for month, day in DATES[year])
    return calendar_dates(year)


@cache
def festivals(year: int) -> dict[str, dt.date]:
    spring, qingming, dragon_boat, mid_autumn = moving_dates(year)
    return {
        "元旦": dt.date(year, 1, 1),
        "春节": spring,
        "清明": qingming,
        "劳动节": dt.date(year, 5, 1),
        "端午": dragon_boat,
        "中秋": mid_autumn,
        "国庆": dt.date(year, 10, 1),
    }


@cache
def named_festival(visit_type: str) -> str | None:
    """The statutory festival a 慰问 类型 names ('春节慰问' -> '春节'), if any."""
    for word, festival in FESTIVAL_WORDS.items():
        if word in visit_type:
            return festival
    return None


@cache
def is_festival_kind(visit_type: str) -> bool:
    return "节日" in visit_type or named_festival(visit_type) is not None


@cache
def next_festival(
    day: dt.date, within_days: int, only: str | None = None
) -> tuple[str, dt.date] | None:
    """The first statutory festival (or `only`) on or after `day`, at most `within_days` away."""
    candidates = []
    for year in (day.year, day.year + 1):
        for name, date in festivals(year).items():
            if (only is None or name == only) and 0 <= (date - day).days <= within_days:
                candidates.append((date, name))
    if not candidates:
        return None
    date, name = min(candidates)
    return name, date
