"""会费 rules (台账格式 §3b): who pays, how much, and that the year's dues reach the ledger."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from unionxl.checks.rules.helpers import repeats, roster, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding
from unionxl.model.values import dues_for
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
    paid_in_year = ZERO
    columns = list(map(table.column_values, ("工号", "月份", "工资基数", "应缴", "实缴")))
    # Each distinct wage once (a member's repeats every month); None -> None.
    expected_of = {w: dues_for(w, ratio) for w in set(columns[2]) - {None}}
    for row, number, month, wage, due, paid in zip(table.rows, *columns):
        if members is not None and number and number not in members:
            yield table.finding(row, "工号", "dues.member.unknown", f"工号 {number} 不在会员名册中")
        if year is not None and month is not None and month.year != year:
            yield table.finding(
                row, "月份", "dues.month.year", f"月份 {month_text(month)} 不在 {year} 年度内"
            )
        expected = expected_of.get(wage)
        if due is not None and expected is not None and due != expected:
            yield table.finding(
                row,
                "应缴",
                "dues.due",
                f"应缴 {yuan(due)} 不对：工资基数 {yuan(wage)}（不足 10 元部分不计）"
                f"× 会费比例 {ratio_percent(ratio)} 应为 {yuan(expected)}",
                basis=basis,
            )
        owed = due if due is not None else expected
        if paid is not None and owed is not None and paid != owed:
            yield table.finding(
                row,
                "实缴",
                "dues.paid",
                f"实缴 {yuan(paid)} 与应缴 {yuan(owed)} 不符",
                severity=WARNING,
            )
        if paid is not None and (year is None or (month is not None and month.year == year)):
            paid_in_year += paid
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
