"""预算 and 收支明细 rules (台账格式 §3). The 设置 values are checked by the policy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from unionxl.checks.rules.helpers import repeats, yuan
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding


def check(office: OfficeData) -> Iterator[Finding]:
    yield from check_budget(office)
    yield from check_journal(office)


def check_budget(office: OfficeData) -> Iterator[Finding]:
    table = office.table("预算")
    if table is None:
        return
    accounts = office.accounts
    yield from repeats(
        table,
        "科目",
        "budget.account.duplicate",
        lambda r, first: f"科目“{r['科目']}”的预算重复，与第 {first} 行相同；每个科目只填一行",
        column="科目",
    )
    for row in table:
        name = row["科目"]
        if not name:
            continue
        account = accounts.get(name)
        if account is None:
            yield table.finding(
                row, "科目", "budget.account.unknown", unknown_account(name, office)
            )
        elif row["类别"] and row["类别"] != account.kind:
            yield table.finding(
                row, "类别", "budget.kind", f"科目“{name}”属于{account.kind}，不是{row['类别']}"
            )
    yield from check_overspending(office)


def unknown_account(name: str, office: OfficeData) -> str:
    source = "“科目”表" if office.table("科目") else "内置科目表（工会会计制度）"
    return f"科目“{name}”不在{source}中，请核对科目名称"


def check_overspending(office: OfficeData) -> Iterator[Finding]:
    budget, journal = office.table("预算"), office.table("收支明细")
    if budget is None or journal is None:
        return
    accounts = office.accounts
    spent: dict[str, Decimal] = defaultdict(Decimal)
    for row in journal:
        account = accounts.get(row["科目"] or "")
        if account is None or account.kind != "支出" or row["支出"] is None:
            continue
        spent[account.name] += row["支出"]
        if account.parent:
            spent[account.parent] += row["支出"]  # budgets roll up (台账格式 §2)
    for row in budget:
        account = accounts.get(row["科目"] or "")
        planned = row["预算数"]
        if account is None or account.kind != "支出" or planned is None:
            continue
        actual = spent.get(account.name, Decimal(0))
        if actual > planned:
            yield budget.finding(
                row,
                "预算数",
                "budget.overspent",
                f"“{account.name}”实际支出 {yuan(actual)}，超过预算 {yuan(planned)}"
                f"（超支 {yuan(actual - planned)}），需调整预算或说明原因",
                severity=WARNING,
            )


def check_journal(office: OfficeData) -> Iterator[Finding]:
    table = office.table("收支明细")
    if table is None:
        return
    year = office.year
    accounts = office.accounts
    campaigns = pass_through_words(office)
    for row in table:
        day = row["日期"]
        if year is not None and day is not None and day.year != year:
            yield table.finding(row, "日期", "ledger.date.year", f"日期 {day} 不在 {year} 年度内")
        income, expense = row["收入"], row["支出"]
        filled = [a for a in (income, expense) if a]
        if ("收入" in row.bad or "支出" in row.bad) and len(filled) < 2:
            pass  # the unreadable amount was already reported
        elif len(filled) != 1:
            column = "收入" if income else ("支出" if expense else "收入")
            what = "同时填了收入和支出" if len(filled) == 2 else "收入和支出都没有填写金额"
            yield table.finding(
                row, column, "ledger.amount.one_side", f"{what}：每笔只能填收入或支出之一"
            )
        name = row["科目"]
        account = accounts.get(name) if name else None
        if name and account is None:
            yield table.finding(
                row, "科目", "ledger.account.unknown", unknown_account(name, office)
            )
        elif account is not None and len(filled) == 1:
            side = "收入" if income else "支出"
            if side != account.kind:
                yield table.finding(
                    row,
                    side,
                    "ledger.account.side",
                    f"科目“{name}”是{account.kind}科目，金额却填在了“{side}”列",
                )
        summary = row["摘要"] or ""
        word = next((w for w in campaigns if w in summary), None)
        if word and filled:
            yield table.finding(
                row,
                "摘要",
                "ledger.passthrough",
                f"摘要提到“{word}”：代收代付的捐款、医疗互助款应记入其他应付款/代管经费，"
                "不应计入工会收入或支出",
                severity=WARNING,
            )
    if year is None and len(table):
        yield table.finding(
            None,
            None,
            "settings.year.missing",
            "没有设置年度：请在“设置”表中填写“年度”（或运行时加 --year），才能检查日期是否属于本年度",
            severity=WARNING,
        )


def pass_through_words(office: OfficeData) -> list[str]:
    words = list(office.policy.words("代管资金"))
    campaigns = office.table("捐款活动")
    if campaigns is not None:
        words += [r["活动"] for r in campaigns if r["活动"] and len(r["活动"]) >= 2]
    return words
