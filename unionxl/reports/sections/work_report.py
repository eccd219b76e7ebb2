"""工作报告数据: the sentences of the annual work report, from every register's figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from unionxl.figures.model import CURRENT_STATUSES
from unionxl.model.schema import AWARD_LEVELS
from unionxl.outputs import terms as T
from unionxl.reports.fmt import money

if TYPE_CHECKING:
    from unionxl.figures.model import Members, Totals, Visits


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
