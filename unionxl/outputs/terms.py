"""The one vocabulary of every renderer: the words for each figure, how money and rates
are written, and which way a difference runs.

The terminal, 汇总.xlsx, the Excel 汇总 sheet and the Word reports all take their labels
from here, so a clerk who compares two of them reads the same word for the same figure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

# --- budget ------------------------------------------------------------------------------
ACCOUNT = "科目"
BUDGET = "预算数"
ACTUAL = "决算数"
RATE = "执行率"
# 差额 has one meaning everywhere: 预算数 − 决算数 (what is left of the budget; negative
# when it was overspent, or when income beat its budget). The label says which way.
REMAINING = "差额（预算－决算）"
OPENING = "上年结余"
INCOME_TOTAL = "本年收入"
EXPENSE_TOTAL = "本年支出"
CLOSING = "年末结余"
UNASSIGNED = "未列入科目"

# --- donations, visits, proposals, awards ------------------------------------------------
UNKNOWN_DEPARTMENT = "（未填部门）"
CAMPAIGN = "活动"
DONORS = "捐款人数"
PARTICIPATION = "参与率"
COLLECTED = "征集提案"
ACCEPTED = "确定提案（立案及转意见建议）"
FILED = "正式立案"
ANSWERED = "已答复"
SATISFIED = "满意"
UNIT_YUAN = "单位：元"


def remaining(budget: Decimal, actual: Decimal) -> Decimal:
    """The 差额 of REMAINING: budget − actual."""
    return budget - actual


def money(value: Decimal | None, *, none: str = "-") -> str:
    """117228 → "117,228.00" (thousands separators, always two decimals)."""
    if value is None:
        return none
    return f"{Decimal(value).quantize(CENT, ROUND_HALF_UP):,.2f}"


def department(name: str | None) -> str:
    return name if name else UNKNOWN_DEPARTMENT
