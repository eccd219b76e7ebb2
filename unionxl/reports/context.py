"""Each template's variables, built from `Totals` and the office's `Policy` (台账格式 §5, §8).

Every figure and every named list comes from `Totals` (the one figures model), so a
report says exactly what `unionxl totals` says; the policy gives only settings (公示天数,
联系人 …). Nothing here reads a table. Every value is plain text, a number, a list or a
dict, as `variables.py` documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from unionxl.reports import variables as V
from unionxl.reports.fmt import date_cn
from unionxl.reports.options import Chart, Options
from unionxl.reports.sections.budget import budget_vars
from unionxl.reports.sections.donations import donation_vars
from unionxl.reports.sections.registers import register_vars
from unionxl.reports.sections.visit_sheets import visit_vars
from unionxl.reports.sections.work_report import proposal_sentence, work_report_vars
from unionxl.reports.sections.work_report_draft import work_draft_vars

if TYPE_CHECKING:
    from unionxl.data.office_data import OfficeData
    from unionxl.figures.model import Totals
    from unionxl.policy.policy import Policy

__all__ = ["Chart", "Options", "build_context", "document_date", "proposal_sentence"]


def build_context(
    totals: Totals,
    policy: Policy,
    options: Options,
    sections: set[str] | None = None,
    data: OfficeData | None = None,
) -> dict[str, Any]:
    """Every variable of `sections` (section names of variables.py; default all).
    `data` (the loaded tables) feeds only 台账, the rows for the office's own templates."""
    wanted = set(sections or [s.name for s in V.SECTIONS]) | {V.COMMON.name}
    dated = document_date(totals.year, policy, options)
    union = union_name(totals.unit_name)
    context: dict[str, Any] = {
        "单位名称": totals.unit_name,
        "工会名称": union,
        "年度": totals.year,
        "成文日期": date_cn(dated),
        "校验提示": f"数据校验存在 {options.errors} 个错误，本报告仅供核对"
        if options.errors
        else "",
    }
    builders = {
        V.BUDGET.name: lambda: budget_vars(totals.budget, policy, options, union),
        V.DONATIONS.name: lambda: donation_vars(policy, totals.donations, options, dated, union),
        V.WORK_REPORT.name: lambda: work_report_vars(totals),
        V.VISITS.name: lambda: visit_vars(totals.visits, totals.members, totals.year),
        V.WORK_DRAFT.name: lambda: work_draft_vars(totals, policy),
        V.REGISTERS.name: lambda: register_vars(data),
    }
    for name, build in builders.items():
        if name in wanted:
            context.update(build())
    return context


def document_date(year: int | None, policy: Policy, options: Options) -> dt.date:
    """The 成文日期: --date, else 设置's 成文日期, else today — and then, on a past year's
    report, a note that says so and how to set it."""
    if options.date is not None:
        return options.date
    written = policy.value("成文日期")
    if written is not None:
        return written
    today = options.today or dt.date.today()
    if year is not None and year < today.year:
        options.notes.append(
            f"成文日期按今天（{date_cn(today)}）填写，而报告是 {year} 年度的："
            "请在“设置”表填写“成文日期”，或运行时加 --date 年-月-日"
        )
    return today


def union_name(unit: str) -> str:
    """The union as a document names it: 单位名称, with 工会 added when it is not there
    (闽东师范学院 → 闽东师范学院工会; 闽东师范学院工会 stays as it is)."""
    unit = unit.strip()
    if not unit or unit.endswith(("工会", "工会委员会")):
        return unit
    return f"{unit}工会"
