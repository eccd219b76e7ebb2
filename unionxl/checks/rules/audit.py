"""What inspections flag on the part-one tables (台账格式 §3b, “added”): festival gifts
split over several types to pass a yearly cap, gifts before joining, unsigned lists,
festival spending against income, 摘要 words for review, awards outside the period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from itertools import compress, count, repeat
from operator import itemgetter, lt
from typing import Any

from unionxl.checks.rules.helpers import any_negative, roster, rows_in, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.festivals import is_festival_kind
from unionxl.model.findings import WARNING, Finding
from unionxl.model.values import is_none

ZERO = Decimal("0.00")
NO_DAY_LATEST: dict[Any, dt.date] = {None: dt.date.max}  # map(NO_DAY_LATEST.get, days, days)
REVIEW_LISTS = (  # 词表 类别 -> (rule, what the words mean)
    ("八项规定", "ledger.eight_rules", "可能违反中央八项规定精神，请人工复核"),
    ("行政承担", "ledger.employer_cost", "这类费用应由单位行政承担，不应列支工会经费"),
)


def check(office: OfficeData) -> Iterator[Finding]:
    yield from check_visits(office)
    yield from check_journal(office)
    yield from check_awards(office)


def check_visits(office: OfficeData) -> Iterator[Finding]:
    table = office.table("慰问登记")
    if table is None:
        return
    policy = office.policy
    members = roster(office)
    cap = policy.value("节日慰问每人每年上限")
    cap_basis = policy.basis("节日慰问每人每年上限")
    year = office.year
    # Each test over whole columns first, in C; rows are visited only where one fails
    # (800k 慰问 rows at 300k members, nearly all correct).
    numbers, days, kinds, amounts, signatures = map(
        table.column_values, ("工号", "日期", "类型", "金额", "签收")
    )
    rows = table.rows
    if members:
        joined_of = {n: m["入会日期"] for n, m in members.items() if m["入会日期"] is not None}
        known_days: Iterator[Any] = map(NO_DAY_LATEST.get, days, days)  # None: after all
        joined = map(joined_of.get, numbers, repeat(dt.date.min))
        for i in compress(count(), map(lt, known_days, joined)):
            row, day = rows[i], days[i]
            yield table.finding(
                row,
                "日期",
                "visit.before_joining",
                f"慰问日期 {day} 早于{row['姓名'] or row['工号']}的入会日期 {joined_of[numbers[i]]}，"
                "入会前不能享受会员慰问",
            )
    if table.has("签收") and any(map(is_none, signatures)):
        for row, signature in zip(rows, signatures):
            if signature is None and row.is_empty("签收"):
                yield table.finding(
                    row, "签收", "visit.signature", "签收为空：发放名单每一行都要有领取人签收"
                )
    festival_kinds = {k for k in set(kinds) if k and is_festival_kind(k)}
    festival_rows = []
    year_totals: dict[tuple[str, int], Decimal] = {}  # (工号, year) -> festival total
    festival_total = ZERO
    for i in rows_in(festival_kinds, kinds):
        amount, day = amounts[i], days[i]
        if amount is None:
            continue
        if year is None or (day is not None and day.year == year):
            festival_total += amount
        if numbers[i] and day is not None:
            festival_rows.append((day, i, numbers[i], kinds[i], amount))
            key = (numbers[i], day.year)
            year_totals[key] = year_totals.get(key, ZERO) + amount
    if cap is not None:
        # A row that already crosses its own 类型's yearly cap is reported by
        # visit.cap.year: not twice for the same amount (same date order).
        own_caps = {
            kind: standard["每人每年上限"]
            for kind, standard in (policy.visit_standards or {}).items()
            if standard["每人每年上限"] is not None
        }
        running: dict[tuple[str, int], Decimal] = {}
        own: dict[tuple[str, str, int], Decimal] = {}
        # Only a member whose year's total passes the cap can pass it on the way (when
        # no amount is negative): the running sums are followed for those alone.
        over = {key for key, total in year_totals.items() if total > cap}
        if not any_negative(amounts):
            festival_rows = [r for r in festival_rows if (r[2], r[0].year) in over]
        # In date order (then row order), the cells taken from the columns above.
        for day, i, number, kind, amount in sorted(festival_rows, key=itemgetter(0, 1)):
            row = rows[i]
            key = (number, day.year)
            running[key] = running.get(key, ZERO) + amount
            kind_key = (number, kind, day.year)
            own[kind_key] = own.get(kind_key, ZERO) + amount
            own_cap = own_caps.get(kind)
            if own_cap is not None and own[kind_key] > own_cap:
                continue
            if running[key] > cap:
                yield table.finding(
                    row,
                    "金额",
                    "visit.festival.total",
                    f"{row['姓名'] or row['工号']} {key[1]} 年各节日慰问合计 {yuan(running[key])}，"
                    f"超过节日慰问每人每年上限 {yuan(cap)}",
                    basis=cap_basis,
                )
    ratio = policy.value("节日慰问占收入比例上限")
    journal = office.table("收支明细")
    if ratio is not None and journal is not None and festival_total:
        income = ZERO
        for row in journal:
            day = row["日期"]
            if row["收入"] is not None and (year is None or (day and day.year == year)):
                income += row["收入"]
        if Fraction(festival_total) > ratio * Fraction(income):
            yield table.finding(
                None,
                None,
                "visit.festival.income",
                f"全年节日慰问合计 {yuan(festival_total)}，超过当年经费收入 {yuan(income)} 的"
                f" {float(ratio) * 100:.4g}%",
                severity=WARNING,
                basis=policy.basis("节日慰问占收入比例上限"),
            )


def check_journal(office: OfficeData) -> Iterator[Finding]:
    table = office.table("收支明细")
    if table is None:
        return
    policy = office.policy
    lists = [
        (rule, meaning, policy.words(category), policy.word_basis.get(category))
        for category, rule, meaning in REVIEW_LISTS
    ]
    for row in table:
        summary = row["摘要"]
        if not summary:
            continue
        for rule, meaning, words, basis in lists:
            word = next((w for w in words if w in summary), None)
            if word is not None:
                yield table.finding(
                    row,
                    "摘要",
                    rule,
                    f"摘要含“{word}”：{meaning}",
                    severity=WARNING,
                    basis=basis,
                )


def check_awards(office: OfficeData) -> Iterator[Finding]:
    table = office.table("获奖")
    period = office.policy.report_period
    if table is None or period is None:
        return
    for row in table:
        day = row["日期"]
        if day is not None and not period[0] <= day <= period[1]:
            yield table.finding(
                row,
                "日期",
                "award.period",
                f"获奖日期 {day} 不在报告期（{period[0]} 至 {period[1]}）内，不计入统计",
                severity=WARNING,
            )
