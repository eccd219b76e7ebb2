"""Small pieces several rule modules share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Iterable, Iterator
from itertools import compress, count
from typing import Any

from unionxl.model.findings import ERROR, Finding
from unionxl.model.tables import Row, Table
from unionxl.model.values import is_none


def repeats(
    table: Table,
    key: str | tuple[str, str] | Callable[[Row], Any],
    rule: str,
    message: Callable[[Row, int], str],
    *,
    column: str,
    severity: str = ERROR,
) -> Iterator[Finding]:
    """A finding at every repeat of `key` after its first occurrence, naming that row.

    `key`: a column, a pair of columns (the key when both are filled) or a function of
    the row (None: no key). Columns are read whole, without a look-up per row."""
    rows = table.rows
    if isinstance(key, str):
        keys = table.column_values(key)
    elif isinstance(key, tuple):
        first_cells, second_cells = map(table.column_values, key)
        if all(first_cells) and all(second_cells):  # every key whole: the pairs, in C
            keys = list(zip(first_cells, second_cells))
        else:
            keys = [(a, b) if a and b else None for a, b in zip(first_cells, second_cells)]
    else:
        keys = list(map(key, rows))
    distinct = set(keys)
    if len(distinct) - (None in distinct) == len(keys) - sum(map(is_none, keys)):
        return  # no key twice: the common case, decided in C
    first: dict[Any, int] = {}
    for row, k in zip(rows, keys):
        if k is None:
            continue
        seen = first.setdefault(k, row.excel_row)
        if seen != row.excel_row:
            yield table.finding(row, column, rule, message(row, seen), severity=severity)


def rows_in(wrong: Container[Any], values: Iterable[Any]) -> Iterator[int]:
    """The indices of the rows whose value (one per row, in row order) is in `wrong`:
    asked in C, so a rule visits only its wrong rows."""
    return compress(count(), map(wrong.__contains__, values))


def any_negative(values: Iterable[Any]) -> bool:
    """Whether a column of amounts holds a negative one (each distinct amount once)."""
    return any(amount < 0 for amount in set(values) - {None})


def yuan(amount: Any) -> str:
    """Decimal -> '1,234.50 元' for messages."""
    return f"{amount:,.2f} 元"


RETIRED = ("退休", "离休")  # 对象 退休 covers 离休 members too (台账格式 §3b)


def fits_target(target: str | None, status: str | None) -> bool:
    """Whether a member of roster 状态 `status` fits an 对象 of 在职 / 退休 / 全部."""
    if not target or target == "全部" or not status:
        return True
    if target == "退休":
        return status in RETIRED
    return status == target


def check_member(
    table: Table, row: Row, members: dict[str, Row] | None, unknown: str, misnamed: str
) -> Iterator[Finding]:
    """Rule `unknown` (工号 not in 会员) and rule `misnamed` (姓名 differs from the
    roster's); nothing when the office keeps no 会员 table or the 工号 is blank."""
    number = row["工号"]
    if members is None or not number:
        return
    member = members.get(number)
    if member is None:
        yield table.finding(row, "工号", unknown, f"工号 {number} 不在会员名册中")
    elif row["姓名"] and member["姓名"] and row["姓名"] != member["姓名"]:
        yield table.finding(
            row,
            "姓名",
            misnamed,
            f"姓名“{row['姓名']}”与会员名册中工号 {number} 的“{member['姓名']}”不一致",
        )


def roster(office: Any) -> dict[str, Row] | None:
    """工号 -> roster row, or None when the office keeps no 会员 table (nothing to check)."""
    return office.members if office.table("会员") is not None else None


def add_years(day: Any, years: int) -> Any:
    """The same day `years` later (29 February becomes 28 February); past the calendar's
    end (a 届期 typed as 1e12) the last day there is, which no check date reaches."""
    year = day.year + years
    if not 1 <= year <= dt.MAXYEAR:
        return type(day).max if year > dt.MAXYEAR else type(day).min
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)
