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
from unionxl.reports.sections.visit_sheets import visit_vars
from unionxl.reports.sections.work_report import proposal_sentence, work_report_vars
from unionxl.reports.sections.work_report_draft import work_draft_vars

if TYPE_CHECKING:
    from unionxl.figures.model import Totals
    from unionxl.policy.policy import Policy

__all__ = ["Chart", "Options", "build_context", "proposal_sentence"]


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
        V.VISITS.name: lambda: visit_vars(totals.visits, totals.members, totals.year),
        V.WORK_DRAFT.name: lambda: work_draft_vars(totals, policy),
    }
    for name, build in builders.items():
        if name in wanted:
            context.update(build())
    return context
