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


# --- part two (台账格式 §5b) -------------------------------------------------------------
MEMBERS_HEADING = "会员"
ORGANISATION_HEADING = "二级工会"
ACTIVITIES_HEADING = "工会活动"
SERIES_HEADING = "系列活动"
RETIREE_VISITS_HEADING = "离退休走访（五必访）"
MUTUAL_AID_HEADING = "职工医疗互助"
DUES_HEADING = "会费"
AWARD_SUBJECTS_HEADING = "获奖（按级别和对象类型）"
STATUS = "状态"
HEADCOUNT = "人数"
WOMEN = "女会员（在职及离退休）"
JOINED = "本年度新入会"
DEPARTMENTS = "二级工会数"
ELECTED = "报告期内换届"
ACTIVITY_TYPE = "类型"
SERIES = "系列"
EVENTS = "场次"
PARTICIPANTS = "参与人次"
WINNERS = "获奖人次"
SPENT = "支出"
ENROLLED = "参保人数"
PREMIUM = "个人缴费"
SUBSIDY = "工会补贴"
CLAIMS = "理赔件数"
APPROVED = "核定金额"
DUES_DUE = "应缴会费"
DUES_PAID = "实缴会费"
DUES_LEDGER = "收支明细中的会费收入"
RECONCILED = "是否相符"
LEVEL = "级别"
SUBJECT = "对象类型"
COUNT = "项数"
YES, NO = "相符", "不符"
REPORT_PERIOD = "报告期"
