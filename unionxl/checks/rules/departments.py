"""部门 rules (台账格式 §3b): the chair of each 二级工会 and its term (换届)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from unionxl.checks.rules.helpers import add_years, roster
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding

DEFAULT_TERM_YEARS = 5  # 届期 left blank (台账格式 §2)


def check(office: OfficeData, today: dt.date | None = None) -> Iterator[Finding]:
    table = office.table("部门")
    if table is None:
        return
    today = today or dt.date.today()
    members = roster(office)
    year = office.year
    for row in table:
        chair, department = row["主席"], row["部门"]
        if chair and members is not None:
            member = members.get(chair)
            if member is None:
                problem = "不在会员名册中"
            elif member["状态"] != "在职":
                problem = f"的状态是{member['状态']}，主席应为在职会员"
            elif department and member["部门"] != department:
                problem = f"（{member['姓名']}）属于“{member['部门']}”，不是本部门的会员"
            else:
                problem = ""
            if problem:
                yield table.finding(
                    row, "主席", "department.chair", f"{department or ''}主席工号 {chair}{problem}"
                )
        elected = row["换届日期"]
        if elected is None:
            continue
        if elected > today:
            yield table.finding(
                row,
                "换届日期",
                "department.election.future",
                f"换届日期 {elected} 在今天（{today}）之后，请核对",
            )
        term = row["届期"] or DEFAULT_TERM_YEARS
        if year is not None and term > 0:
            expires = add_years(elected, term)
            if expires < dt.date(year, 12, 31):
                yield table.finding(
                    row,
                    "换届日期",
                    "department.term.expired",
                    f"{department or '该部门'} {elected} 换届，届期 {term} 年，已于 {expires} 届满，"
                    "应及时换届",
                    severity=WARNING,
                )
