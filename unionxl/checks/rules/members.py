"""会员 rules (台账格式 §3): 工号, 身份证号, 部门, 入会日期, 手机."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from unionxl.checks.rules.helpers import repeats
from unionxl.data.office_data import OfficeData
from unionxl.model import idcard
from unionxl.model.findings import WARNING, Finding
from unionxl.model.tables import Row, Table

PHONE = re.compile(r"^1\d{10}$")


def check(office: OfficeData, today: dt.date | None = None) -> Iterator[Finding]:
    table = office.table("会员")
    if table is None:
        return
    today = today or dt.date.today()
    yield from repeats(
        table,
        "工号",
        "member.id.duplicate",
        lambda r, first: f"工号 {r['工号']} 重复，与第 {first} 行相同；工号必须唯一",
        column="工号",
    )
    yield from repeats(
        table,
        lambda r: r["身份证号"] if r["身份证号"] and len(r["身份证号"]) in (15, 18) else None,
        "member.idcard.duplicate",
        lambda r, first: f"身份证号与第 {first} 行重复，同一人不应登记两次",
        column="身份证号",
    )
    departments = department_names(office)
    columns = map(table.column_values, ("身份证号", "出生日期", "性别", "部门", "入会日期", "手机"))
    for row, number, born, sex, department, joined, phone in zip(table.rows, *columns):
        if number and not idcard.is_consistent(number, born, sex):
            yield from check_idcard(table, row)
        if departments is not None and department and department not in departments:
            yield table.finding(
                row,
                "部门",
                "member.department.unknown",
                f"部门“{department}”不在“部门”表中，请核对名称或在“部门”表中补充",
            )
        if joined is not None:
            yield from check_join_date(table, row, today)
        if phone and not PHONE.match(phone):
            yield table.finding(
                row, "手机", "member.phone", "手机号应为 1 开头的 11 位数字", severity=WARNING
            )


def department_names(office: OfficeData) -> set[str] | None:
    table = office.table("部门")
    if table is None or not table.has("部门"):
        return None
    return {r["部门"] for r in table if r["部门"]}


def birth_of(row: Row) -> dt.date | None:
    if row["出生日期"]:
        return row["出生日期"]
    number = row["身份证号"]
    return idcard.birth_date(number) if number and len(number) in (15, 18) else None


def check_idcard(table: Table, row: Row) -> Iterator[Finding]:
    number = row["身份证号"]
    if not number:
        return
    if idcard.SHAPE_15.match(number):
        yield table.finding(
            row,
            "身份证号",
            "member.idcard.old",
            "这是 15 位旧身份证号，请更新为 18 位号码",
            severity=WARNING,
        )
        return
    if not idcard.SHAPE_18.match(number):
        yield table.finding(
            row,
            "身份证号",
            "member.idcard.format",
            f"身份证号应为 18 位（17 位数字加 1 位数字或 X），现在是 {len(number)} 位",
        )
        return
    if number[:2] not in idcard.PROVINCES:
        yield table.finding(
            row,
            "身份证号",
            "member.idcard.province",
            f"身份证号前两位“{number[:2]}”不是有效的省级行政区代码",
        )
    expected = idcard.check_digit(number[:17])
    if number[17] != expected:
        yield table.finding(
            row, "身份证号", "member.idcard.checksum", f"身份证号校验位错误：应为 {expected}"
        )
    born = idcard.birth_date(number)
    if born is None:
        yield table.finding(
            row, "身份证号", "member.idcard.birthdate", "身份证号中的出生日期不是有效日期"
        )
    elif row["出生日期"] and row["出生日期"] != born:
        yield table.finding(
            row,
            "身份证号",
            "member.idcard.birthdate",
            f"身份证号中的出生日期 {born} 与“出生日期”列的 {row['出生日期']} 不一致",
        )
    if row["性别"] and row["性别"] != idcard.sex(number):
        yield table.finding(
            row,
            "身份证号",
            "member.idcard.gender",
            f"身份证号第 17 位表示{idcard.sex(number)}性，与性别“{row['性别']}”不符",
        )


def check_join_date(table: Table, row: Row, today: dt.date) -> Iterator[Finding]:
    joined = row["入会日期"]
    if joined is None:
        return
    if joined > today:
        yield table.finding(
            row, "入会日期", "member.join_date", f"入会日期 {joined} 晚于今天，请核对"
        )
        return
    born = birth_of(row)
    if born is None:
        return
    try:
        sixteen = born.replace(year=born.year + 16)
    except ValueError:  # born on 29 February
        sixteen = dt.date(born.year + 16, 3, 1)
    if getattr(joined, "is_month", False):
        joined = joined.last_day()  # a month only: any day of it may be the day
    if joined < sixteen:
        yield table.finding(
            row,
            "入会日期",
            "member.join_date",
            f"入会日期 {joined} 早于年满 16 周岁（{sixteen}），请核对",
        )
