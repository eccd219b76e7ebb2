"""走访 rules (台账格式 §3b): visits to retired members (五必访)."""

from __future__ import annotations

from collections.abc import Iterator

from unionxl.checks.rules.helpers import RETIRED, check_member, roster
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import Finding


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("走访")
    if table is None:
        return
    members = roster(office)
    year = office.year
    for row in table:
        yield from check_member(
            table, row, members, "retiree.member.unknown", "retiree.member.name"
        )
        member = members.get(row["工号"]) if members is not None and row["工号"] else None
        if member is not None and member["状态"] and member["状态"] not in RETIRED:
            yield table.finding(
                row,
                "工号",
                "retiree.status",
                f"{row['姓名'] or row['工号']}在会员名册中的状态是{member['状态']}，"
                "走访登记只记离退休会员（退休或离休）",
            )
        day, closed = row["日期"], row["办结日期"]
        if year is not None and day is not None and day.year != year:
            yield table.finding(row, "日期", "retiree.date.year", f"日期 {day} 不在 {year} 年度内")
        if day is not None and closed is not None and closed < day:
            yield table.finding(
                row,
                "办结日期",
                "retiree.closed.order",
                f"办结日期 {closed} 早于走访日期 {day}",
            )
