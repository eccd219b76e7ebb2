"""医疗互助参保 and 医疗互助理赔 rules (台账格式 §3b)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Iterator

from unionxl.checks.rules.helpers import check_member, repeats, roster, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import Finding
from unionxl.model.tables import Row, Table

Period = tuple[dt.date, dt.date, int]  # start, end, Excel row


def check(office: OfficeData) -> Iterator[Finding]:
    periods = yield from check_enrolment(office)
    yield from check_claims(office, periods)


def check_enrolment(
    office: OfficeData,
) -> Generator[Finding, None, dict[tuple[str, str], list[Period]] | None]:
    table = office.table("医疗互助参保")
    if table is None:
        return None
    members = roster(office)
    periods: dict[tuple[str, str], list[Period]] = {}
    for row in table:
        yield from check_member(
            table, row, members, "mutual.enrol.member.unknown", "mutual.enrol.member.name"
        )
        start, end = row["开始日期"], row["结束日期"]
        if start is not None and end is not None and end < start:
            yield table.finding(
                row, "结束日期", "mutual.enrol.date.order", f"结束日期 {end} 早于开始日期 {start}"
            )
            continue
        number, plan = row["工号"], row["计划"]
        if not (number and plan and start and end):
            continue
        earlier = periods.setdefault((number, plan), [])
        clash = next((p for p in earlier if start <= p[1] and p[0] <= end), None)
        if clash is not None:
            yield table.finding(
                row,
                "开始日期",
                "mutual.enrol.overlap",
                f"工号 {number} 的“{plan}”参保期 {start} 至 {end} 与第 {clash[2]} 行的"
                f" {clash[0]} 至 {clash[1]} 重叠，是否重复参保？",
            )
        earlier.append((start, end, row.excel_row))
    return periods


def check_claims(
    office: OfficeData, periods: dict[tuple[str, str], list[Period]] | None
) -> Iterator[Finding]:
    table = office.table("医疗互助理赔")
    if table is None:
        return
    members = roster(office)
    inclusive = bool(office.policy.value("住院天数含入院当日"))
    basis = office.policy.basis("住院天数含入院当日")
    yield from repeats(
        table,
        "编号",
        "mutual.claim.id.duplicate",
        lambda r, first: f"理赔编号 {r['编号']} 重复，与第 {first} 行相同",
        column="编号",
    )
    for row in table:
        yield from check_member(
            table, row, members, "mutual.claim.member.unknown", "mutual.claim.member.name"
        )
        yield from check_claim(table, row, periods, inclusive, basis)


def check_claim(
    table: Table,
    row: Row,
    periods: dict[tuple[str, str], list[Period]] | None,
    inclusive: bool,
    basis: str | None,
) -> Iterator[Finding]:
    admitted, discharged = row["入院日期"], row["出院日期"]
    if admitted is not None and discharged is not None:
        if discharged < admitted:
            yield table.finding(
                row,
                "出院日期",
                "mutual.claim.date.order",
                f"出院日期 {discharged} 早于入院日期 {admitted}",
            )
        elif row["住院天数"] is not None:
            expected = (discharged - admitted).days + (1 if inclusive else 0)
            if row["住院天数"] != expected:
                how = "含入院当日" if inclusive else "不含入院当日"
                yield table.finding(
                    row,
                    "住院天数",
                    "mutual.claim.days",
                    f"住院天数填的是 {row['住院天数']}，按 {admitted} 入院、{discharged} 出院"
                    f"（{how}）应为 {expected} 天",
                    basis=basis if inclusive else None,
                )
    number, plan = row["工号"], row["计划"]
    if periods is not None and number and plan and admitted is not None:
        held = periods.get((number, plan), [])
        if not any(p[0] <= admitted <= p[1] for p in held):
            yield table.finding(
                row,
                "入院日期",
                "mutual.claim.enrolment",
                f"工号 {number} 在入院日期 {admitted} 没有“{plan}”的参保记录（见“医疗互助参保”表）",
            )
    approved, own = row["核定金额"], row["个人自付"]
    if approved is not None and own is not None and approved > own:
        yield table.finding(
            row,
            "核定金额",
            "mutual.claim.approved",
            f"核定金额 {yuan(approved)} 超过个人自付 {yuan(own)}",
        )
