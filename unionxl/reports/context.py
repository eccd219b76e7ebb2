"""Each template's variables, built from `Totals` and the office's `Policy` (台账格式 §5, §8).

Every figure and every named list comes from `Totals` (the one figures model), so a
report says exactly what `unionxl totals` says; the policy gives only settings (公示天数,
联系人 …). Nothing here reads a table. Every value is plain text, a number, a list or a
dict, as `variables.py` documents them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unionxl.figures.model import CURRENT_STATUSES, Gift
from unionxl.model.schema import AWARD_LEVELS
from unionxl.outputs import terms as T
from unionxl.reports import variables as V
from unionxl.reports.fmt import ZERO, date_cn, money, month_cn, percent, period_cn, ratio, upper

if TYPE_CHECKING:
    from unionxl.figures.model import Budget, Donations, Members, Totals, Visits
    from unionxl.policy.policy import Policy

DEVIATION = Decimal(10)  # percent: lines off budget by more than this need a note
GOODS = ("慰问品", "实物")
INDENT = "\u3000\u3000"  # per level below the top
BLANK = "＿＿＿＿"


@dataclass(frozen=True)
class Chart:
    """A bar chart of budget vs actual, turned into an image by render.py."""

    income: list[tuple[str, Decimal, Decimal]]  # (科目, 预算数, 决算数)
    expense: list[tuple[str, Decimal, Decimal]]


@dataclass
class Options:
    named: bool = False  # 捐款公示 with the per-person list
    today: dt.date | None = None  # 成文日期 (default: today)
    errors: int = 0  # check errors, when rendering anyway with --force
    notes: list[str] = field(default_factory=list)  # what the user should know (stderr)


def build_context(
    totals: Totals, policy: Policy, options: Options, sections: set[str] | None = None
) -> dict[str, Any]:
    """Every variable of `sections` (section names of variables.py; default all)."""
    wanted = set(sections or [s.name for s in V.SECTIONS]) | {V.COMMON.name}
    today = options.today or dt.date.today()
    context: dict[str, Any] = {
        "单位名称": totals.unit_name,
        "年度": totals.year,
        "成文日期": date_cn(today),
        "校验提示": f"数据校验存在 {options.errors} 个错误，本报告仅供核对"
        if options.errors
        else "",
    }
    builders = {
        V.BUDGET.name: lambda: budget_vars(totals.budget, options),
        V.DONATIONS.name: lambda: donation_vars(policy, totals.donations, options, today),
        V.WORK_REPORT.name: lambda: work_report_vars(totals),
        V.VISITS.name: lambda: visit_vars(totals.visits),
    }
    for name, build in builders.items():
        if name in wanted:
            context.update(build())
    return context


# --- 经费 -------------------------------------------------------------------------------
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


# --- 捐款 -------------------------------------------------------------------------------
def donation_vars(
    policy: Policy, donations: Donations | None, options: Options, today: dt.date
) -> dict[str, Any]:
    days = policy.value("公示天数")
    campaigns = []
    names_by_campaign = donor_lists(donations) if options.named and donations else {}
    departments_of = donations.departments_of if donations is not None else lambda _: ()
    for campaign in donations.campaigns if donations is not None else ():
        names = names_by_campaign.get(campaign.campaign, [])
        campaigns.append(
            {
                "名称": campaign.campaign,
                "期间": period_cn(campaign.start, campaign.end),
                "人次": campaign.donors,
                "金额": money(campaign.amount),
                "金额大写": upper(campaign.amount),
                "到账金额": "" if campaign.received is None else money(campaign.received),
                "部门": [
                    {
                        "部门": T.department(d.department),
                        "人次": d.donors,
                        "金额": money(d.amount),
                        "占比": percent(ratio(d.amount, campaign.amount)),
                    }
                    for d in departments_of(campaign.campaign)
                ],
                "名单": names,
                "名单分栏": in_columns(names, 3),
            }
        )
    return {
        "捐款活动": campaigns,
        "公布名单": options.named,
        "公示天数": days,
        "公示开始": date_cn(today),
        "公示截止": date_cn(today + dt.timedelta(days=days - 1)),
        "联系人": policy.value("联系人") or BLANK,
        "联系电话": policy.value("联系电话") or BLANK,
    }


def donor_lists(donations: Donations) -> dict[str, list[dict[str, Any]]]:
    """Per campaign: 序号, 姓名, 金额 per donor, in sheet order.

    Nothing else about a person ever enters a public notice (no 工号, 身份证号, 手机).
    """
    return {
        campaign: [
            {"序号": i, "姓名": donor.name, "金额": money(donor.amount)}
            for i, donor in enumerate(people, 1)
        ]
        for campaign, people in donations.donors.items()
    }


def in_columns(people: list[dict[str, Any]], per_row: int) -> list[dict[str, str]]:
    rows = []
    for start in range(0, len(people), per_row):
        row = {}
        for i in range(per_row):
            person = people[start + i] if start + i < len(people) else None
            row[f"姓名{i + 1}"] = person["姓名"] if person else ""
            row[f"金额{i + 1}"] = person["金额"] if person else ""
        rows.append(row)
    return rows


# --- 工作报告 ---------------------------------------------------------------------------
def work_report_vars(totals: Totals) -> dict[str, Any]:
    result = member_vars(totals.members)
    result.update(proposal_vars(totals))
    result["捐款句"] = [
        f"组织“{c.campaign}”活动，{c.donors} 人次参加，捐款 {money(c.amount)} 元。"
        for c in (totals.donations.campaigns if totals.donations else ())
    ]
    result.update(visit_summary(totals.visits))
    result.update(award_vars(totals))
    budget = totals.budget
    if budget:
        closing = budget.closing_balance
        result["经费句"] = (
            f"全年经费收入 {money(budget.income_total)} 元，支出 {money(budget.expense_total)} 元"
            + (f"，年末结余 {money(closing)} 元。" if closing is not None else "。")
        )
    else:
        result["经费句"] = "（台账中没有预算和收支明细。）"
    return result


def member_vars(members: Members | None) -> dict[str, Any]:
    by_status = dict(members.by_status) if members else {}
    current = members.current if members else 0
    women = members.women if members else 0
    parts = [f"{s} {by_status[s]} 人" for s in CURRENT_STATUSES if by_status.get(s)]
    sentence = f"现有会员 {current} 人"
    if parts:
        sentence += "，其中" + "、".join(parts)
    if members and members.any_gender:
        sentence += f"，女会员 {women} 人"
    gone = [f"{s} {n} 人" for s, n in by_status.items() if s not in CURRENT_STATUSES]
    if gone:
        sentence += "；名册中另有" + "、".join(gone)
    return {
        "会员句": sentence + "。" if members and by_status else "（台账中没有会员名册。）",
        "会员总数": current,
        "女会员数": women,
        "会员按状态": [{"状态": s, "人数": n} for s, n in by_status.items()],
        "会员合计": {**{s: by_status.get(s, 0) for s in CURRENT_STATUSES}, "合计": current},
        "会员按部门": [
            {
                **{s: d.of(s) for s in CURRENT_STATUSES},
                "部门": T.department(d.department),
                "合计": d.count,
            }
            for d in (members.by_department if members else ())
        ],
    }


def proposal_vars(totals: Totals) -> dict[str, Any]:
    proposals = totals.proposals
    grades = dict(proposals.filed_grades) if proposals else {}
    figures = {
        "征集": proposals.collected if proposals else 0,
        "确定": proposals.accepted if proposals else 0,
        "立案": proposals.filed if proposals else 0,
        "立案已答复": proposals.filed_answered if proposals else 0,
        "立案满意": grades.get("满意", 0),
    }
    return {
        "提案": figures,
        "提案句": proposal_sentence(figures, grades) if proposals else "（台账中没有提案表。）",
    }


def proposal_sentence(figures: dict[str, int], grades: dict[str, int]) -> str:
    """征集提案 30 件，确定 28 件，正式立案 4 件，4 项立案提案均得到提案人“满意”回复。"""
    text = f"征集提案 {figures['征集']} 件，确定 {figures['确定']} 件，"
    filed = figures["立案"]
    if not filed:
        return text + "无正式立案提案。"
    text += f"正式立案 {filed} 件，"
    if grades.get("满意", 0) == filed:
        both = "均" if filed > 1 else ""
        return text + f"{filed} 项立案提案{both}得到提案人“满意”回复。"
    answered = figures["立案已答复"]
    if not answered:
        return text + "立案提案正在办理中。"
    text += f"已答复 {answered} 项"
    given = [f"“{g}” {grades[g]} 项" for g in ("满意", "基本满意", "不满意") if grades.get(g)]
    if given:
        text += "，提案人评价" + "、".join(given)
    if answered < filed:
        text += f"，另有 {filed - answered} 项正在办理"
    return text + "。"


def visit_summary(visits: Visits | None) -> dict[str, Any]:
    types = visits.by_type if visits else ()
    rows = [
        {"类型": t.type, "人次": t.count, "人数": t.members, "金额": money(t.amount)} for t in types
    ]
    if not visits:
        return {"慰问分类": rows, "慰问句": "（台账中没有慰问登记。）"}
    if not types:
        return {"慰问分类": rows, "慰问句": "本年度没有慰问记录。"}
    parts = "、".join(f"{t.type} {t.count} 人次 {money(t.amount)} 元" for t in types)
    return {
        "慰问分类": rows,
        "慰问句": f"全年开展慰问 {visits.count} 人次，发放 {money(visits.amount)} 元，其中{parts}。",
    }


def award_vars(totals: Totals) -> dict[str, Any]:
    awards = totals.awards
    honours: dict[str, dict[str, list[str]]] = {level: {} for level in AWARD_LEVELS}
    for entry in awards.honours if awards else ():
        if entry.level:
            named = honours.setdefault(entry.level, {})
            named.setdefault(entry.honour or "（荣誉名称未填）", []).append(entry.subject)
    counts = {a.level: a.count for a in awards.by_level} if awards else {}
    levels = [
        {
            "级别": level,
            "项数": counts.get(level, 0),
            "名单": "、".join(f"{h}（{'、'.join(who)}）" for h, who in honours[level].items()),
        }
        for level in honours
        if counts.get(level, 0)
    ]
    if awards is None:
        sentence = "（台账中没有获奖表。）"
    elif not levels:
        sentence = "本年度无获奖记录。"
    else:
        sentence = (
            "；".join(f"获{x['级别']}荣誉 {x['项数']} 项：{x['名单']}" for x in levels) + "。"
        )
    return {"获奖分级": levels, "获奖句": sentence}


# --- 慰问发放 ---------------------------------------------------------------------------
def visit_vars(visits: Visits | None) -> dict[str, Any]:
    groups: dict[tuple[dt.date, str], list[Gift]] = defaultdict(list)
    kinds: dict[str, int] = {}
    for gift in visits.gifts if visits else ():
        if gift.date:
            kinds.setdefault(gift.type, len(kinds))
            groups[(gift.date.replace(day=1), gift.type)].append(gift)
    tables = []
    for month, kind in sorted(groups, key=lambda k: (k[0], kinds[k[1]])):
        gifts = sorted(groups[(month, kind)], key=lambda g: g.date or month)
        total = sum((g.amount or ZERO for g in gifts), ZERO)
        tables.append(
            {
                "标题": f"{month_cn(month)}{kind}发放签收表",
                "类型": kind,
                "月份": month_cn(month),
                "行": [visit_line(i, g) for i, g in enumerate(gifts, 1)],
                "人次": len(gifts),
                "合计金额": money(total),
                "合计大写": upper(total),
            }
        )
    return {"发放表": tables}


def visit_line(index: int, gift: Gift) -> dict[str, Any]:
    amount = money(gift.amount)
    return {
        "序号": index,
        "姓名": gift.name,
        "部门": gift.department or "",
        "事由": gift.reason or gift.type,
        "金额物品": f"{gift.form} {amount}" if gift.form in GOODS else amount,
    }
