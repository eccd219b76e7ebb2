"""科目 as offices write them, read as today's chart (台账格式 §1b).

A cash book or budget kept under the 2009 chart (`困难职工帮扶费`, `上级工会补助收入`) or
with code prefixes (`1.4 职工集体福利支出`, `501 职工活动支出`) names accounts the chart
does not hold. Each such name is read as the chart's: the code prefix dropped, then an
old name mapped by `policy.packs.OLD_ACCOUNTS`. A name that is still unknown stays as
written (the rules say so). Costs one set difference on a folder that uses the chart's names.
"""

from __future__ import annotations

import re

from unionxl.model.tables import Table
from unionxl.policy.packs import BUILTIN_ACCOUNTS, OLD_ACCOUNTS

CODE_PREFIX = re.compile(r"^[0-9０-９]+(?:[.．][0-9０-９]+)*[\s、.．:：_-]*")
ACCOUNT_TABLES = ("收支明细", "预算")


def chart_name(name: str, known: set[str]) -> str | None:
    """The chart's name for `name` (None when there is none)."""
    bare = CODE_PREFIX.sub("", name).strip() or name
    if bare in known:
        return bare
    new = OLD_ACCOUNTS.get(bare)
    if new is not None and new in known:
        return new
    return None


DIRECTION_HEADERS = ("方向", "收支方向", "收支", "借贷", "借贷方向", "收/支", "借/贷")
AMOUNT_HEADERS = ("金额", "发生额", "发生金额")
INCOME_WORDS = frozenset(("收", "收入", "借", "借方"))
SPENDING_WORDS = frozenset(("支", "支出", "贷", "贷方"))


def read_directions(tables: dict[str, Table]) -> None:
    """A cash book with one 金额 column and a direction column (收/支, 借/贷, 收入/支出):
    each amount goes to 收入 or 支出. An amount that cannot be read, or a direction that
    is neither, is a finding at that row."""
    from unionxl.model.values import BadValue, parse_money

    table = tables.get("收支明细")
    if table is None or table.has("收入") or table.has("支出"):
        return
    extra = {normalize(h): h for h in table.extra_columns}
    direction = next((extra[h] for h in DIRECTION_HEADERS if h in extra), None)
    amount = next((extra[h] for h in AMOUNT_HEADERS if h in extra), None)
    if direction is None or amount is None:
        return
    directions, amounts = table.extra_columns[direction], table.extra_columns[amount]
    for row in table.rows:
        side_text = str(directions.get(row.excel_row) or "").strip()
        value = amounts.get(row.excel_row)
        if value is None:
            continue
        try:
            money = parse_money(value)
        except BadValue as e:
            table.load_findings.append(table.finding(row, "摘要", e.rule, f"{amount}：{e}"))
            continue
        if side_text in INCOME_WORDS:
            row["收入"] = money
        elif side_text in SPENDING_WORDS:
            row["支出"] = money
        else:
            table.load_findings.append(
                table.finding(
                    row,
                    "摘要",
                    "value.type",
                    f"{direction}“{side_text}”应为 收/支（或 借/贷、收入/支出）",
                    value=side_text or None,
                )
            )


def normalize(header: str) -> str:
    return "".join(header.split()).strip("*＊")


def read_as_chart(tables: dict[str, Table]) -> None:
    """Rewrite, in place, the 科目 of 收支明细 and 预算 rows that the chart does not hold
    but that name one of its accounts in an old or coded form."""
    chart = tables.get("科目")
    if chart is not None and chart.rows:
        known = {r["科目"] for r in chart.rows if r["科目"]}
    else:
        known = {name for name, _, _ in BUILTIN_ACCOUNTS}
    for table_name in ACCOUNT_TABLES:
        table = tables.get(table_name)
        if table is None or not table.has("科目"):
            continue
        names = set(table.column_values("科目")) - known - {None}
        renames = {n: chart_name(n, known) for n in names}
        renames = {n: new for n, new in renames.items() if new is not None}
        if not renames:
            continue
        for row in table.rows:
            new = renames.get(row["科目"])
            if new is not None:
                row["科目"] = new  # into the column: column_values sees it too
