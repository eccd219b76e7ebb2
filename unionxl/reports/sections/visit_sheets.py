"""慰问发放表: one 签收表 per 部门 per distribution, from the 慰问 figures (`Visits.gifts`).

A distribution is what the office hands out in one go:

- a festival occasion: a festival kind of 慰问 (its 类型 names 节日 or a festival) belongs to
  the festival its 类型 or 事由 names, else to the first statutory festival within 30 days
  after its date (the festival rule of 台账格式 §3); 端午 2023 is one distribution even when
  its rows fall in May and June;
- a 生日 month: a 类型 naming 生日, by the month of its date;
- any other 类型 (住院, 生育, 去世, 退休 …), one-off visits: one distribution per 类型 and year.

Tables come in distribution order (by their first date), and within one distribution in
部门 order (the 部门 sheet, then the roster); rows by date, then in register order. The
事由 and, when all rows share it, the 形式 go in the heading, not in every row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from unionxl.model.festivals import is_festival_kind, named_festival, next_festival
from unionxl.outputs import terms as T
from unionxl.reports.fmt import ZERO, money, upper
from unionxl.reports.long_rows import LongRows

if TYPE_CHECKING:
    from unionxl.figures.model import Gift, Members, Visits

FESTIVAL_WINDOW_DAYS = 30  # as the festival rule: given at most 30 days before
FESTIVAL_TITLES = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明节",
    "劳动节": "劳动节",
    "端午": "端午节",
    "中秋": "中秋节",
    "国庆": "国庆节",
}
NOT_IN_ROSTER = "（不在会员名册中）"
REASONS_SHOWN = 3  # more distinct 事由 than this: the heading names the 类型 instead


@dataclass(frozen=True, order=True)
class Distribution:
    """One hand-out: its first date orders it; `title` names it."""

    first: dt.date
    kind_rank: int
    title: str


def distribution_key(gift: Gift, year: int | None) -> tuple[str, int | None, str]:
    """(what, year, month-or-festival) identifying the distribution of `gift`."""
    day = gift.date
    if is_festival_kind(gift.type):
        festival = named_festival(gift.type) or named_festival(gift.reason)
        found = next_festival(day, FESTIVAL_WINDOW_DAYS, festival) if day else None
        if found is not None:
            name, date = found
            return ("节日", date.year, name)
        if festival is not None:
            return ("节日", day.year if day else year, festival)
        return (gift.type, day.year if day else year, f"{day.month}月" if day else "")
    if "生日" in gift.type and day is not None:
        return (gift.type, day.year, f"{day.month}月")
    return (gift.type, day.year if day else year, "")


def title_of(key: tuple[str, int | None, str], kind: str) -> str:
    what, year, part = key
    prefix = f"{year}年" if year else ""
    if what == "节日":
        return f"{prefix}{FESTIVAL_TITLES.get(part, part)}慰问发放签收表"
    return f"{prefix}{part}{kind}发放签收表"


def visit_vars(visits: Visits | None, members: Members | None, year: int | None) -> dict[str, Any]:
    gifts = visits.gifts if visits else ()
    kinds = {v.type: i for i, v in enumerate(visits.by_type)} if visits else {}
    order = {d.department: i for i, d in enumerate(members.by_department)} if members else {}
    groups: dict[tuple[str, int | None, str], dict[str | None, list[Gift]]] = {}
    firsts: dict[tuple[str, int | None, str], dt.date] = {}
    ranks: dict[tuple[str, int | None, str], int] = {}
    for gift in gifts:
        key = distribution_key(gift, year)
        groups.setdefault(key, {}).setdefault(gift.department, []).append(gift)
        if gift.date and (key not in firsts or gift.date < firsts[key]):
            firsts[key] = gift.date
        ranks.setdefault(key, kinds.get(gift.type, len(kinds)))
    last = dt.date.max
    tables = []
    for key in sorted(groups, key=lambda k: (firsts.get(k, last), ranks[k], k[2])):
        per_department = groups[key]
        kind = per_department[next(iter(per_department))][0].type
        title = title_of(key, kind)
        for department in sorted(per_department, key=lambda d: department_rank(d, order)):
            tables.append(sheet(title, department, per_department[department]))
    return {"发放表": tables}


def department_rank(department: str | None, order: dict[str | None, int]) -> tuple:
    if department is None:
        return (2, 0, "")
    return (0, order[department], "") if department in order else (1, 0, department)


def sheet(title: str, department: str | None, gifts: Sequence[Gift]) -> dict[str, Any]:
    """One 签收表: heading, rows, totals."""
    gifts = sorted(gifts, key=lambda g: g.date or dt.date.max)  # stable: register order
    forms = {g.form for g in gifts}
    form = forms.pop() if len(forms) == 1 else ""
    total = sum((g.amount or ZERO for g in gifts), ZERO)
    return {
        "标题": title,
        "部门": T.department(department) if department is not None else NOT_IN_ROSTER,
        "事由": reasons(gifts),
        "类型": gifts[0].type,
        "形式": form,
        "金额列": f"{form}（元）" if form else "金额/物品（元）",
        "行": LongRows(line(i, g, form) for i, g in enumerate(gifts, 1)),
        "人次": len(gifts),
        "合计金额": money(total),
        "合计大写": upper(total),
    }


def reasons(gifts: Sequence[Gift]) -> str:
    """The 事由 of the table: the one all rows share, a short list, else the 类型."""
    distinct = list(dict.fromkeys(g.reason for g in gifts if g.reason))
    if not distinct or len(distinct) > REASONS_SHOWN:
        return gifts[0].type
    return "；".join(distinct)


def line(index: int, gift: Gift, form: str) -> dict[str, Any]:
    amount = money(gift.amount) if gift.amount is not None else ""
    shown = amount if form or not gift.form else f"{gift.form} {amount}"
    return {
        "序号": index,
        "姓名": gift.name,
        "金额物品": shown,
        "发放日期": gift.date.isoformat() if gift.date else "",
        "事由": gift.reason or gift.type,
        "形式": gift.form,
    }
