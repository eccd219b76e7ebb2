"""Totals of part two (台账格式 §5b): 部门 换届, 活动, 走访, 医疗互助, 会费, awards by subject,
and the 代表 per 届 (for the work report; no JSON key).

Decisions where 台账格式 §5b is silent (also on the format page):

- activities: an event is counted when its 开始日期 falls in the report period or is blank;
  its 活动参与 rows are matched by 活动编号 (rows of an event not counted are not counted).
  by_type follows the order of the 类型 list (文体活动 … 其他), types without events left out;
  series in first-seen sheet order.
- retiree_visits: as visits (§5) over 走访: by_type in the order of the 走访 类型 list.
- mutual_aid: premium and subsidy sum the 参保 rows whose period overlaps 年度 (all rows when
  no 年度); claims and approved count every 理赔 row.
- dues: due, paid over every 会费 row (rows as they are); ledger over every 收支明细 row of
  科目 会费收入 (null without 收支明细).
- awards: rows whose 日期 is in the report period or blank; by_subject per 级别 (国家级 …
  校级) and 对象类型 (个人, 集体, 家庭; a blank 对象类型 is left out of by_subject).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

from unionxl.data.office_data import OfficeData
from unionxl.figures.model import (
    ZERO,
    Activities,
    ActivityType,
    AwardLevel,
    Awards,
    AwardSubject,
    Delegates,
    DelegateTerm,
    Dues,
    Event,
    Honour,
    MutualAid,
    Organisation,
    RowRef,
    Rows,
    Series,
    Visits,
    VisitType,
)
from unionxl.model.schema import (
    ACTIVITY_TYPES,
    AWARD_LEVELS,
    AWARD_SUBJECTS,
    PARTICIPANT_ROLES,
    RETIREE_VISIT_TYPES,
)
from unionxl.model.tables import Row, Table
from unionxl.model.values import dues_for
from unionxl.policy.packs import DUES_ACCOUNT


def ref(table: Table, row: Row) -> RowRef:
    return RowRef(table.file, table.sheet, row.excel_row)


def rows_in(table: Table, numbers: list[int]) -> Rows:
    return Rows.of(table.file, table.sheet, numbers)


def in_period(day: dt.date | None, period: tuple[dt.date, dt.date] | None) -> bool:
    """A blank date counts (台账格式 §5b); without a period everything counts."""
    return day is None or period is None or period[0] <= day <= period[1]


def organisation_totals(office: OfficeData) -> Organisation | None:
    table = office.table("部门")
    if table is None:
        return None
    period = office.policy.report_period
    elected = tuple(
        ref(table, row)
        for row in table
        if row["换届日期"] is not None and period is not None and in_period(row["换届日期"], period)
    )
    every = rows_in(table, [row.excel_row for row in table])
    return Organisation(len(table), len(elected), elected, every)


def activity_totals(office: OfficeData) -> Activities | None:
    table = office.table("活动")
    if table is None:
        return None
    period = office.policy.report_period
    listed: dict[str, int] = {}
    won: dict[str, int] = {}
    joined = office.table("活动参与")
    listed_rows: dict[str, list[int]] = {}
    won_rows: dict[str, list[int]] = {}
    for row in joined or ():
        number = row["活动编号"]
        if not number or (row["角色"] or "参加") not in PARTICIPANT_ROLES:
            continue
        listed[number] = listed.get(number, 0) + 1
        listed_rows.setdefault(number, []).append(row.excel_row)
        prize = row["奖品金额"]
        winner = bool(row["名次"]) or (prize is not None and prize > 0)
        won[number] = won.get(number, 0) + winner
        if winner:
            won_rows.setdefault(number, []).append(row.excel_row)
    events = []
    for row in table:
        if not row["类型"] or not in_period(row["开始日期"], period):
            continue
        number = row["编号"] or ""
        participants = listed[number] if number in listed else (row["参与人数"] or 0)
        events.append(
            Event(
                number=number,
                name=row["名称"] or "",
                type=row["类型"],
                series=row["系列"],
                start=row["开始日期"],
                end=row["结束日期"],
                participants=participants,
                winners=won.get(number, 0),
                amount=row["支出"] if row["支出"] is not None else ZERO,
                ref=ref(table, row),
                target=row["对象"],
                participant_rows=rows_in(joined, listed_rows[number])
                if joined is not None and number in listed
                else None,
                winner_rows=rows_in(joined, won_rows.get(number, []))
                if joined is not None
                else None,
            )
        )
    by_type = []
    for kind in ACTIVITY_TYPES:
        of = [e for e in events if e.type == kind]
        if of:
            by_type.append(
                ActivityType(
                    kind,
                    len(of),
                    sum(e.participants for e in of),
                    sum(e.winners for e in of),
                    sum((e.amount for e in of), ZERO),
                )
            )
    names = list(dict.fromkeys(e.series for e in events if e.series))
    series = tuple(
        Series(
            name,
            len([e for e in events if e.series == name]),
            sum(e.participants for e in events if e.series == name),
        )
        for name in names
    )
    return Activities(tuple(by_type), series, tuple(events))


def retiree_visit_totals(office: OfficeData) -> Visits | None:
    table = office.table("走访")
    if table is None:
        return None
    counts: dict[str, int] = {}
    amounts: dict[str, Decimal] = {}
    members: dict[str, set[str]] = {}
    numbers: dict[str, list[int]] = {}
    for row in table:
        kind = row["类型"]
        if not kind:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        numbers.setdefault(kind, []).append(row.excel_row)
        amounts[kind] = amounts.get(kind, ZERO) + (row["金额"] or ZERO)
        members.setdefault(kind, set())
        if row["工号"]:
            members[kind].add(row["工号"])
    ordered = [k for k in RETIREE_VISIT_TYPES if k in counts]
    by_type = tuple(
        VisitType(k, counts[k], len(members[k]), amounts[k], rows_in(table, numbers[k]))
        for k in ordered
    )
    return Visits(by_type, len(set().union(*members.values())))


def mutual_aid_totals(office: OfficeData) -> MutualAid | None:
    enrolment, claims = office.table("医疗互助参保"), office.table("医疗互助理赔")
    if enrolment is None and claims is None:
        return None
    year = office.year
    enrolled: set[str] = set()
    premium = subsidy = approved = ZERO
    counted: list[int] = []
    for row in enrolment or ():
        start, end = row["开始日期"], row["结束日期"]
        if year is not None and (
            (start is not None and start.year > year) or (end is not None and end.year < year)
        ):
            continue
        counted.append(row.excel_row)
        if row["工号"]:
            enrolled.add(row["工号"])
        premium += row["个人缴费"] or ZERO
        subsidy += row["工会补贴"] or ZERO
    for row in claims or ():
        approved += row["核定金额"] or ZERO
    return MutualAid(
        len(enrolled),
        premium,
        subsidy,
        len(claims or ()),
        approved,
        None if enrolment is None else rows_in(enrolment, counted),
        None if claims is None else rows_in(claims, [row.excel_row for row in claims]),
    )


def dues_totals(office: OfficeData) -> Dues | None:
    table = office.table("会费")
    if table is None:
        return None
    ratio: Fraction = office.policy.value("会费比例")
    due = paid = ZERO
    for owed, wage, got in zip(*map(table.column_values, ("应缴", "工资基数", "实缴"))):
        if owed is not None:
            due += owed
        elif wage is not None:
            due += dues_for(wage, ratio)
        paid += got or ZERO
    journal = office.table("收支明细")
    ledger: Decimal | None = None
    if journal is not None:
        ledger = ZERO
        for row in journal:
            if row["科目"] == DUES_ACCOUNT and row["收入"] is not None:
                ledger += row["收入"]
    return Dues(due, paid, ledger, rows_in(table, [row.excel_row for row in table]))


def delegate_totals(office: OfficeData) -> Delegates | None:
    table = office.table("代表")
    if table is None:
        return None
    numbers: dict[str, list[int]] = {}
    for row in table:
        if row["届次"]:
            numbers.setdefault(row["届次"], []).append(row.excel_row)
    return Delegates(
        tuple(DelegateTerm(term, len(n), rows_in(table, n)) for term, n in numbers.items())
    )


def award_totals(office: OfficeData) -> Awards | None:
    table = office.table("获奖")
    if table is None:
        return None
    period = office.policy.report_period
    rows = [row for row in table if in_period(row["日期"], period)]
    levels: dict[Any, int] = {}
    subjects: dict[tuple[Any, Any], int] = {}
    for row in rows:
        levels[row["级别"]] = levels.get(row["级别"], 0) + 1
        key = (row["级别"], row["对象类型"])
        subjects[key] = subjects.get(key, 0) + 1
    honours = tuple(
        Honour(row["级别"], row["荣誉"], row["获奖对象"] or "", row["对象类型"], ref(table, row))
        for row in rows
    )
    by_subject = tuple(
        AwardSubject(level, subject, subjects[(level, subject)])
        for level in AWARD_LEVELS
        for subject in AWARD_SUBJECTS
        if (level, subject) in subjects
    )
    return Awards(
        tuple(AwardLevel(level, levels.get(level, 0)) for level in AWARD_LEVELS),
        honours,
        by_subject,
    )
