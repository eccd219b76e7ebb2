"""会费 rules (台账格式 §3b): who pays, how much, and that the year's dues reach the ledger."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from itertools import compress, filterfalse
from typing import Any

from unionxl.checks.rules.helpers import repeats, roster, rows_in, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding
from unionxl.model.values import dues_for, is_none
from unionxl.policy.packs import DUES_ACCOUNT

ZERO = Decimal("0.00")


def month_text(month) -> str:
    return f"{month.year}年{month.month}月"


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("会费")
    if table is None:
        return
    policy = office.policy
    ratio: Fraction = policy.value("会费比例")
    basis = policy.basis("会费比例")
    members = roster(office)
    year = office.year
    numbers, months, wages, dues, paids = map(
        table.column_values, ("工号", "月份", "工资基数", "应缴", "实缴")
    )
    rows = table.rows
    # Each test on the distinct values first (a 会费 sheet repeats each member twelve
    # times, 3.5 million rows at 300k members); rows are visited only where one fails.
    if members is not None:
        unknown = set(numbers) - members.keys() - {None, ""}
        for i in rows_in(unknown, numbers):
            yield table.finding(
                rows[i], "工号", "dues.member.unknown", f"工号 {numbers[i]} 不在会员名册中"
            )
    distinct_months = set(months) - {None}
    if year is not None:
        outside = {m for m in distinct_months if m.year != year}
        for i in rows_in(outside, months):
            yield table.finding(
                rows[i],
                "月份",
                "dues.month.year",
                f"月份 {month_text(months[i])} 不在 {year} 年度内",
            )
    # Each distinct wage once (a member's repeats every month); None -> None.
    expected_of = {w: dues_for(w, ratio) for w in set(wages) - {None}}
    wrong_due = {
        (wage, due)
        for wage, due in set(zip(wages, dues))
        if due is not None and expected_of.get(wage) not in (None, due)
    }
    for i in rows_in(wrong_due, zip(wages, dues)):
        wage, due, expected = wages[i], dues[i], expected_of[wages[i]]
        yield table.finding(
            rows[i],
            "应缴",
            "dues.due",
            f"应缴 {yuan(due)} 不对：工资基数 {yuan(wage)}（不足 10 元部分不计）"
            f"× 会费比例 {ratio_percent(ratio)} 应为 {yuan(expected)}",
            basis=basis,
        )
    wrong_paid = {
        (wage, due, paid)
        for wage, due, paid in set(zip(wages, dues, paids))
        if paid is not None
        and (owed := due if due is not None else expected_of.get(wage)) is not None
        and paid != owed
    }
    for i in rows_in(wrong_paid, zip(wages, dues, paids)):
        due = dues[i]
        owed = due if due is not None else expected_of[wages[i]]
        yield table.finding(
            rows[i],
            "实缴",
            "dues.paid",
            f"实缴 {yuan(paids[i])} 与应缴 {yuan(owed)} 不符",
            severity=WARNING,
        )
    in_year: Iterable[Any] = paids
    if year is not None:
        months_in_year = {m for m in distinct_months if m.year == year}
        in_year = compress(paids, map(months_in_year.__contains__, months))
    paid_in_year = sum(filterfalse(is_none, in_year), ZERO)
    yield from repeats(
        table,
        ("工号", "月份"),
        "dues.duplicate",
        lambda r, first: (
            f"工号 {r['工号']} {month_text(r['月份'])}的会费重复登记（第 {first} 行已有）"
        ),
        column="工号",
    )
    journal = office.table("收支明细")
    if journal is None or not len(table):
        return
    booked = ZERO
    for row in journal:
        day = row["日期"]
        if row["科目"] == DUES_ACCOUNT and row["收入"] is not None:
            if year is None or (day is not None and day.year == year):
                booked += row["收入"]
    if booked != paid_in_year:
        which = f"{year} 年" if year is not None else "全年"
        yield table.finding(
            None,
            None,
            "dues.ledger",
            f"{which}会费实缴合计 {yuan(paid_in_year)}，与收支明细中“{DUES_ACCOUNT}”"
            f" {yuan(booked)} 不符（相差 {yuan(paid_in_year - booked)}）",
            severity=WARNING,
        )


def ratio_percent(ratio: Fraction) -> str:
    return f"{Decimal(ratio.numerator) / Decimal(ratio.denominator) * 100:.4g}%"
