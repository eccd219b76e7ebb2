"""经费收支决算报告: budget lines, totals and the chart (台账格式 §5 经费)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unionxl.outputs import terms as T
from unionxl.reports.fmt import ZERO, money, percent, ratio, upper
from unionxl.reports.options import Chart, Options

if TYPE_CHECKING:
    from unionxl.figures.model import Budget

DEVIATION = Decimal(10)  # percent: lines off budget by more than this need a note
INDENT = "\u3000\u3000"  # per level below the top


def budget_vars(budget: Budget | None, options: Options) -> dict[str, Any]:
    result: dict[str, Any] = {"偏差阈值": f"{DEVIATION:.0f}%", "需说明": []}
    chart: dict[str, list[tuple[str, Decimal, Decimal]]] = {"收入": [], "支出": []}
    for kind, key in (("收入", "收入行"), ("支出", "支出行")):
        rows = []
        lines = budget.lines_of(kind) if budget else ()
        for line in lines:
            rate = ratio(line.actual, line.budget)
            note = deviation(line.actual, rate)
            rows.append(
                line_row(INDENT * line.depth + line.account, line.budget, line.actual, note)
            )
            if note:
                result["需说明"].append(
                    {
                        "科目": line.account,
                        "类别": kind,
                        "预算数": money(line.budget),
                        "决算数": money(line.actual),
                        "执行率": percent(rate),
                        "情况": note,
                    }
                )
            if line.parent is None and (line.budget or line.actual):
                chart[kind].append((line.account, line.budget, line.actual))
        planned = budget.subtotal(kind).budget if budget else ZERO
        total = (
            (budget.income_total if kind == "收入" else budget.expense_total) if budget else ZERO
        )
        left = (
            (budget.unassigned_income if kind == "收入" else budget.unassigned_expense)
            if budget
            else ZERO
        )
        if left:  # journal rows without a (matching) 科目: shown so the table adds up
            rows.append(line_row(T.UNASSIGNED, ZERO, left, ""))
        result[key] = rows
        result[f"{kind}合计"] = {
            "预算数": money(planned),
            "决算数": money(total),
            "执行率": percent(ratio(total, planned)),
            "差额": money(T.remaining(planned, total)),
        }
    opening = budget.opening_balance if budget else None
    if budget and opening is None:
        options.notes.append("“设置”表没有上年结余，决算报告按 0 计算")
    opening = opening or ZERO
    income = budget.income_total if budget else ZERO
    expense = budget.expense_total if budget else ZERO
    closing = opening + income - expense
    for name, value in (
        ("上年结余", opening),
        ("本年收入", income),
        ("本年支出", expense),
        ("年末结余", closing),
    ):
        result[name] = money(value)
        result[f"{name}大写"] = upper(value)
    result["图表"] = Chart(chart["收入"], chart["支出"])
    return result


def line_row(name: str, planned: Decimal, actual: Decimal, note: str) -> dict[str, str]:
    return {
        "科目": name,
        "预算数": money(planned),
        "决算数": money(actual),
        "执行率": percent(ratio(actual, planned)),
        "差额": money(T.remaining(planned, actual)),
        "标记": "※" if note else "",
    }


def deviation(actual: Decimal, rate: Decimal | None) -> str:
    """Why a line needs a note ("" when within ±DEVIATION %)."""
    if rate is None:
        return "无预算" if actual else ""
    off = rate - 100
    if abs(off) <= DEVIATION:
        return ""
    if not actual:
        return "未执行"
    return f"{'超出' if off > 0 else '低于'}预算 {abs(off):.2f}%"
