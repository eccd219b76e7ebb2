"""慰问发放表: the signed distribution lists, from the 慰问 figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from unionxl.figures.model import Gift
from unionxl.reports.fmt import ZERO, money, month_cn, upper

if TYPE_CHECKING:
    from unionxl.figures.model import Visits

GOODS = ("慰问品", "实物")


def visit_vars(visits: Visits | None) -> dict[str, Any]:
    groups: dict[tuple[dt.date, str], list[Gift]] = defaultdict(list)
    kinds: dict[str, int] = {}
    for gift in visits.gifts if visits else ():
        if gift.date:
            kinds.setdefault(gift.type, len(kinds))
            groups[(gift.date.replace(day=1), gift.type)].append(gift)
    tables = []
    for month, kind in sorted(groups, key=lambda k: (k[0], kinds[k[1]])):
        gifts = sorted(groups[(month, kind)], key=lambda g: g.date or month)
        total = sum((g.amount or ZERO for g in gifts), ZERO)
        tables.append(
            {
                "标题": f"{month_cn(month)}{kind}发放签收表",
                "类型": kind,
                "月份": month_cn(month),
                "行": [visit_line(i, g) for i, g in enumerate(gifts, 1)],
                "人次": len(gifts),
                "合计金额": money(total),
                "合计大写": upper(total),
            }
        )
    return {"发放表": tables}


def visit_line(index: int, gift: Gift) -> dict[str, Any]:
    amount = money(gift.amount)
    return {
        "序号": index,
        "姓名": gift.name,
        "部门": gift.department or "",
        "事由": gift.reason or gift.type,
        "金额物品": f"{gift.form} {amount}" if gift.form in GOODS else amount,
    }
