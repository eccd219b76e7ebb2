"""慰问 rules (台账格式 §3): who, how much, how often, when, in what form."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache

from unionxl.checks.rules.helpers import any_negative, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.festivals import STATUTORY, is_festival_kind, named_festival, next_festival
from unionxl.model.findings import ERROR, WARNING, Finding
from unionxl.model.tables import Row, Table

FESTIVAL_WINDOW_DAYS = 30
RETIRED = ("退休", "离休")


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("慰问登记")
    if table is None:
        return
    has_standards = office.policy.visit_standards is not None
    standards = office.policy.visit_standards or {}
    forbidden = office.policy.words("节日禁止形式")
    members = office.members if office.table("会员") is not None else None
    year = office.year
    # 800k rows at 300k members: each check is guarded by a cheap test, so the
    # common, correct row costs a few look-ups and no generator (cells come from the
    # columns, zipped: no row look-up).
    limits = {k: (s["每次上限"], s["对象"]) for k, s in standards.items()}
    columns = map(table.column_values, ("类型", "工号", "姓名", "日期", "形式"))
    for row, kind, number, name, day, form in zip(table.rows, *columns):
        member = members.get(number) if members is not None and number else None
        if members is not None and number:
            if member is None:
                yield from check_member(table, row, members, member)
            elif name:
                known = member["姓名"]
                if known and name != known:
                    yield from check_member(table, row, members, member)
        if year is not None and day is not None and day.year != year:
            yield table.finding(row, "日期", "visit.date.year", f"日期 {day} 不在 {year} 年度内")
        if not kind:
            continue
        standard = standards.get(kind)
        if has_standards and standard is None:
            yield table.finding(
                row,
                "类型",
                "visit.type.unknown",
                f"慰问类型“{kind}”不在“慰问标准”表中，请按标准中的名称填写",
            )
        if standard is not None:
            each, target = limits[kind]
            if each is not None or (member is not None and target not in (None, "全部")):
                yield from check_standard(
                    table, row, standard, member, office.policy.visit_cap_basis
                )
        if is_festival_kind(kind):
            for column, rule, message, severity in festival_problems(
                kind, form or "", day, forbidden
            ):
                yield table.finding(row, column, rule, message, severity=severity)
    yield from check_yearly_caps(table, standards, office.policy.visit_cap_basis)
    yield from check_birthdays(table)


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
    if status and target != "全部":
        wrong = (target == "在职" and status != "在职") or (
            target == "退休" and status not in RETIRED
        )
        if wrong:
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

    columns = map(table.column_values, ("类型", "工号", "金额", "日期"))
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    keys: list[tuple | None] = []
    for kind, number, amount, day in zip(*columns):
        if kind not in caps or not number or amount is None or day is None:
            keys.append(None)
            continue
        key = (number, kind, day.year)
        keys.append(key)
        totals[key] += amount
    over = {key for key, total in totals.items() if total > caps[key[1]]}
    if any_negative(table.column_values("金额")):
        over = set(totals)  # a refund can bring a total back under after crossing it
    if not over:
        return
    crossing = sorted(
        ((row, key) for row, key in zip(table.rows, keys) if key in over),
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
