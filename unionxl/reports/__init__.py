"""Word reports from docx templates (台账格式 §6): `make_reports(office, out)`.

Modules: `variables` (every template variable, documented), `context` (their values
from an Office and its totals), `doctor` (what is wrong with a template, in Chinese),
`render` (docxtpl, sandboxed and autoescaped, atomic write), `chart`, `pdf`, `rmb`
(人民币大写), `docs` (templates/README.md from `variables`).
"""

from __future__ import annotations

from unionxl.reports.doctor import Problem, TemplateInfo
from unionxl.reports.make import (
    BUILTIN,
    DataHasErrors,
    ReportResult,
    TemplateProblems,
    check_templates,
    find_templates,
    make_reports,
)
from unionxl.reports.rmb import rmb_upper

__all__ = [
    "BUILTIN",
    "DataHasErrors",
    "Problem",
    "ReportResult",
    "TemplateInfo",
    "TemplateProblems",
    "check_templates",
    "find_templates",
    "make_reports",
    "rmb_upper",
]
