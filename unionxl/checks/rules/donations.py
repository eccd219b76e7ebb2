"""捐款 rules (台账格式 §3). Giving is voluntary: never flag a small amount."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from unionxl.checks.rules.helpers import repeats, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("捐款明细")
    if table is None:
        return
    campaigns = {r["活动"]: r for r in office.table("捐款活动") or () if r["活动"]}
    has_campaigns = office.table("捐款活动") is not None
    members = office.members if office.table("会员") is not None else None
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in table:
        name = row["活动"]
        if name and has_campaigns and name not in campaigns:
            yield table.finding(
                row,
                "活动",
                "donation.campaign.unknown",
                f"活动“{name}”不在“捐款活动”表中，请核对名称",
            )
        amount = row["金额"]
        if amount is not None:
            if name:
                sums[name] += amount
            if amount == 0:
                yield table.finding(row, "金额", "donation.amount", "捐款金额应大于 0")
        yield from check_donor(table, row, members)
        campaign = campaigns.get(name)
        day = row["日期"]
        if campaign is not None and day is not None:
            start, end = campaign["开始日期"], campaign["结束日期"]
            if (start and day < start) or (end and day > end):
                yield table.finding(
                    row,
                    "日期",
                    "donation.date",
                    f"捐款日期 {day} 不在活动“{name}”的时间（{start or '…'} 至 {end or '…'}）内",
                    severity=WARNING,
                )
    yield from repeats(
        table,
        ("活动", "工号"),
        "donation.duplicate",
        lambda r, first: (
            f"工号 {r['工号']} 在“{r['活动']}”中捐了两次（第 {first} 行已有），是否重复录入？"
        ),
        column="工号",
        severity=WARNING,
    )
    yield from check_received(office, sums)


def check_donor(table, row, members) -> Iterator[Finding]:
    number = row["工号"]
    if members is None or not number:
        return
    member = members.get(number)
    if member is None:
        yield table.finding(
            row,
            "工号",
            "donation.member.unknown",
            f"工号 {number} 不在会员名册中，请核对（非会员捐款请留空工号）",
        )
    elif row["姓名"] and member["姓名"] and row["姓名"] != member["姓名"]:
        yield table.finding(
            row,
            "姓名",
            "donation.member.name",
            f"姓名“{row['姓名']}”与会员名册中工号 {number} 的“{member['姓名']}”不一致",
        )


def check_received(office: OfficeData, sums: dict[str, Decimal]) -> Iterator[Finding]:
    table = office.table("捐款活动")
    if table is None:
        return
    for row in table:
        received = row["到账金额"]
        if received is None or not row["活动"]:
            continue
        total = sums.get(row["活动"], Decimal(0))
        if received != total:
            yield table.finding(
                row,
                "到账金额",
                "donation.received.mismatch",
                f"到账金额 {yuan(received)} 与捐款明细合计 {yuan(total)} 不符"
                f"（相差 {yuan(received - total)}），请核对银行到账或明细",
            )
