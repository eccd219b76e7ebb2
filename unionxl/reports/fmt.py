"""How figures are written in reports: money with separators, rates, dates (GB/T 9704)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from unionxl.reports.rmb import rmb_upper

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def dec(value: Decimal | str | int | None) -> Decimal:
    """A totals value ("117228.00", Decimal, None) as Decimal (None → 0)."""
    if value is None:
        return ZERO
    return value if isinstance(value, Decimal) else Decimal(str(value))


@lru_cache(maxsize=4096)  # a 慰问发放表 writes 15,000 amounts, a few dozen distinct
def money(value: Decimal | str | int | None) -> str:
    """117228 → "117,228.00" (thousands separators, always two decimals). Equal values
    write the same text (Decimal("450") and 450 both give "450.00"), so caching is exact."""
    return f"{dec(value).quantize(CENT, ROUND_HALF_UP):,.2f}"


def upper(value: Decimal | str | int | None) -> str:
    """人民币大写 of a totals value."""
    return rmb_upper(dec(value).quantize(CENT, ROUND_HALF_UP))


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """part ÷ whole as a percentage rounded to 0.01 (None when whole is 0)."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(CENT, ROUND_HALF_UP)


def percent(value: Decimal | None) -> str:
    """93.005 → "93.01%"; None → "—"."""
    return "—" if value is None else f"{value:.2f}%"


def date_cn(day: dt.date) -> str:
    """2024-01-05 → "2024年1月5日" (GB/T 9704: Arabic numerals, no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月"


def period_cn(start: dt.date | None, end: dt.date | None) -> str:
    """ "2023年5月1日至5月31日"; one date alone; "" when neither is known."""
    if start and end:
        if start == end:
            return date_cn(start)
        tail = date_cn(end) if end.year != start.year else f"{end.month}月{end.day}日"
        return f"{date_cn(start)}至{tail}"
    if start:
        return f"{date_cn(start)}起"
    if end:
        return f"{date_cn(end)}前"
    return ""
