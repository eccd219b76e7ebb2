"""慰问 rules (台账格式 §3): who, how much, how often, when, in what form."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache, partial
from itertools import compress, count
from operator import and_, is_not
from typing import Any

from unionxl.checks.rules.helpers import any_negative, rows_in, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.festivals import STATUTORY, is_festival_kind, named_festival, next_festival
from unionxl.model.findings import ERROR, WARNING, Finding
from unionxl.model.tables import Row, Table

FESTIVAL_WINDOW_DAYS = 30
RETIRED = ("退休", "离休")
is_not_none = partial(is_not, None)


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("慰问登记")
    if table is None:
        return
    standards = office.policy.visit_standards
    members = office.members if office.table("会员") is not None else None
    # 800k rows at 300k members: each test is asked of the distinct values (a member's
    # 工号 and 姓名, a 类型 and its 金额 repeat all year), then only the rows holding a
    # failing one are visited (rows_in, in C). Findings come rule by rule, each in row
    # order; the report sorts them by cell.
    rows = table.rows
    kinds, numbers, names, days, forms, amounts = map(
        table.column_values, ("类型", "工号", "姓名", "日期", "形式", "金额")
    )
    if members is not None:
        unknown = {n for n in set(numbers) if n and members.get(n) is None}
        for i in rows_in(unknown, numbers):
            yield from check_member(table, rows[i], members, None)
        misnamed = {
            (number, name)
            for number, name in set(zip(numbers, names))
            if number and name and (member := members.get(number)) is not None
            if member["姓名"] and name != member["姓名"]
        }
        for i in rows_in(misnamed, zip(numbers, names)):
            yield from check_member(table, rows[i], members, members[numbers[i]])
    year = office.year
    if year is not None:
        outside = {day for day in set(days) if day is not None and day.year != year}
        for i in rows_in(outside, days):
            yield table.finding(
                rows[i], "日期", "visit.date.year", f"日期 {days[i]} 不在 {year} 年度内"
            )
    if standards is not None:
        unlisted = {kind for kind in set(kinds) if kind and kind not in standards}
        for i in rows_in(unlisted, kinds):
            yield table.finding(
                rows[i],
                "类型",
                "visit.type.unknown",
                f"慰问类型“{kinds[i]}”不在“慰问标准”表中，请按标准中的名称填写",
            )
        yield from check_standards(table, standards, members, office.policy.visit_cap_basis)
    forbidden = office.policy.words("节日禁止形式")
    festive = {
        key: problems
        for key in set(zip(kinds, forms, days))
        if key[0] and is_festival_kind(key[0])
        if (problems := festival_problems(key[0], key[1] or "", key[2], forbidden))
    }
    for i in rows_in(festive, zip(kinds, forms, days)):
        for column, rule, message, severity in festive[kinds[i], forms[i], days[i]]:
            yield table.finding(rows[i], column, rule, message, severity=severity)
    yield from check_yearly_caps(table, standards or {}, office.policy.visit_cap_basis)
    yield from check_birthdays(table)


def check_standards(
    table: Table,
    standards: dict[str, Row],
    members: dict[str, Row] | None,
    basis_of: Callable[[str], str | None],
) -> Iterator[Finding]:
    """The rows check_standard would find something in: an amount over its 类型's
    每次上限, or a member whose 状态 the 类型 is not for (each distinct pair asked once)."""
    kinds, numbers, amounts = map(table.column_values, ("类型", "工号", "金额"))
    each = {k: s["每次上限"] for k, s in standards.items() if s["每次上限"] is not None}
    over = {
        (kind, amount)
        for kind, amount in set(zip(kinds, amounts))
        if amount is not None and kind in each and amount > each[kind]
    }
    flagged = set(rows_in(over, zip(kinds, amounts)))
    target = {k: s["对象"] for k, s in standards.items() if s["对象"] not in (None, "全部")}
    if members is not None and target:
        distinct = set(numbers) - {None, ""}
        for who in set(target.values()):  # 在职, 退休: the members each 类型 is not for
            not_for = {
                n
                for n in distinct
                if (member := members.get(n)) is not None and wrong_target(who, member["状态"])
            }
            if not_for:
                of_kind = {k for k, t in target.items() if t == who}
                pairs = map(
                    and_, map(of_kind.__contains__, kinds), map(not_for.__contains__, numbers)
                )
                flagged.update(compress(count(), pairs))
    rows = table.rows
    for i in sorted(flagged):
        number = numbers[i]
        member = members.get(number) if members is not None and number else None
        yield from check_standard(table, rows[i], standards[kinds[i]], member, basis_of)


def wrong_target(target: str, status: str | None) -> bool:
    """Whether a 类型 for `target` (在职 or 退休) members may not go to one of `status`."""
    return bool(status) and (
        (target == "在职" and status != "在职") or (target == "退休" and status not in RETIRED)
    )


def check_member(table: Table, row: Row, members, member) -> Iterator[Finding]:
    if members is None or not row["工号"]:
        return
    if member is None:
        yield table.finding(
            row, "工号", "visit.member.unknown", f"工号 {row['工号']} 不在会员名册中"
        )
    elif row["姓名"] and member["姓名"] and row["姓名"] != member["姓名"]:
        yield table.finding(
            row,
            "姓名",
            "visit.member.name",
            f"姓名“{row['姓名']}”与会员名册中工号 {row['工号']} 的“{member['姓名']}”不一致",
        )


def check_standard(
    table: Table,
    row: Row,
    standard: Row,
    member: Row | None,
    basis_of: Callable[[str], str | None] = lambda kind: None,
) -> Iterator[Finding]:
    amount, cap = row["金额"], standard["每次上限"]
    if amount is not None and cap is not None and amount > cap:
        yield table.finding(
            row,
            "金额",
            "visit.cap.each",
            f"{row['类型']}每次不超过 {yuan(cap)}，这里是 {yuan(amount)}",
            basis=basis_of(row["类型"]),
        )
    target = standard["对象"] or "全部"
    status = member["状态"] if member is not None else None
    if target != "全部" and wrong_target(target, status):
        yield table.finding(
            row,
            "类型",
            "visit.target",
            f"{row['类型']}的对象是{target}会员，而{row['姓名'] or row['工号']}的状态是{status}",
        )


@cache
def festival_problems(
    kind: str, form: str, day: dt.date | None, forbidden: tuple[str, ...]
) -> tuple[tuple[str, str, str, str], ...]:
    """(column, rule, message, severity) for a festival 慰问; cached, as a year has few
    distinct (类型, 形式, 日期) triples."""
    problems = []
    bad = next((f for f in forbidden if f in form), None)
    if bad:
        problems.append(
            (
                "形式",
                "visit.festival.form",
                f"节日慰问不得发放{bad}（只能发放少量慰问品），请改为慰问品",
                ERROR,
            )
        )
    festival = named_festival(kind)
    if day is not None and next_festival(day, FESTIVAL_WINDOW_DAYS, festival) is None:
        which = festival or "、".join(STATUTORY)
        problems.append(
            (
                "日期",
                "visit.festival.date",
                f"节日慰问应在节日（{which}）前 {FESTIVAL_WINDOW_DAYS} 天内发放，{day} 不在此期间",
                WARNING,
            )
        )
    return tuple(problems)


def check_yearly_caps(
    table: Table,
    standards: dict[str, Row],
    basis_of: Callable[[str], str | None] = lambda kind: None,
) -> Iterator[Finding]:
    """Flag the rows that take a member's yearly total of a 类型 beyond its cap.

    First one pass of sums per (工号, 类型, year); only the few groups over their cap
    are then walked in date order to find the row that crosses it (and any after), all
    groups when an amount is negative (a total may cross the cap and come back).
    """
    caps = {k: s["每人每年上限"] for k, s in standards.items() if s["每人每年上限"] is not None}
    if not caps:
        return

    kinds, numbers, amounts, days = map(table.column_values, ("类型", "工号", "金额", "日期"))
    # Which rows count, and their (工号, 类型, year), built in C; the sums alone in Python.
    year_of = {day: day.year for day in set(days) if day is not None}
    counted = list(
        map(all, zip(map(caps.__contains__, kinds), numbers, map(is_not_none, amounts), days))
    )
    keys: list[Any] = [
        key if counts else None
        for key, counts in zip(zip(numbers, kinds, map(year_of.get, days)), counted)
    ]
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for key, amount in compress(zip(keys, amounts), counted):
        totals[key] += amount
    over = {key for key, total in totals.items() if total > caps[key[1]]}
    if any_negative(amounts):
        over = set(totals)  # a refund can bring a total back under after crossing it
    if not over:
        return
    rows = table.rows
    crossing = sorted(
        ((rows[i], keys[i]) for i in rows_in(over, keys)),
        key=lambda pair: (pair[0]["日期"], pair[0].excel_row),
    )
    running: dict[tuple, Decimal] = defaultdict(Decimal)
    for row, key in crossing:
        running[key] += row["金额"]
        cap = caps[key[1]]
        if running[key] > cap:
            yield table.finding(
                row,
                "金额",
                "visit.cap.year",
                f"{row['姓名'] or row['工号']} {key[2]} 年{key[1]}累计 {yuan(running[key])}，"
                f"超过每人每年上限 {yuan(cap)}",
                basis=basis_of(key[1]),
            )


def check_birthdays(table: Table) -> Iterator[Finding]:
    first: dict[tuple, int] = {}
    kinds, numbers, days = map(table.column_values, ("类型", "工号", "日期"))
    for row, kind, number, day in zip(table.rows, kinds, numbers, days):
        if not (kind and "生日" in kind and number and day):
            continue
        key = (number, day.year)
        seen = first.setdefault(key, row.excel_row)
        if seen != row.excel_row:
            yield table.finding(
                row,
                "类型",
                "visit.birthday.repeat",
                f"{row['姓名'] or row['工号']} {row['日期'].year} 年已领过生日慰问（第 {seen} 行），每年只能一次",
            )
