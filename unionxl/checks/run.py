"""`check`: every finding about an office folder, as one report (台账格式 §4).

Counts are always true: at most MAX_PER_RULE findings of one rule in one sheet are kept
(one broken column must not bury everything else), but `errors` and `warnings` count
every finding, and `left_out` (JSON `capped`) says what was not listed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from unionxl.checks.rules import run_rules
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import ERROR, MAX_PER_RULE, WARNING, Finding, sort_key

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2

# Rules that say "this date is not in the 年度" (one per dated register).
YEAR_RULE_SUFFIX = (".date.year", ".month.year")


@dataclass(frozen=True)
class LeftOut:
    """Findings of one rule in one sheet beyond MAX_PER_RULE: counted, not listed."""

    file: str | None
    sheet: str | None
    rule: str
    severity: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "rule": self.rule, "left_out": self.count}


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]  # the findings listed (at most MAX_PER_RULE per rule and sheet)
    files: int
    rows: int
    unreadable: list[str] = field(default_factory=list)  # one line per workbook not read
    left_out: list[LeftOut] = field(default_factory=list)
    # Which sheet was read as which table, and the sheets not used (台账格式 §1b).
    sheets: list[dict[str, Any]] = field(default_factory=list)
    unused: list[dict[str, Any]] = field(default_factory=list)
    # The office it is about, for the title of 校验结果.xlsx (not in the JSON).
    unit_name: str = ""
    year: int | None = None

    @property
    def capped(self) -> dict[tuple[str, str], int]:
        """("file/sheet", rule) -> findings left out (the terminal's and Excel's notes)."""
        return {(f"{c.file}/{c.sheet}", c.rule): c.count for c in self.left_out}

    @property
    def errors(self) -> int:
        """Every error found, listed or left out."""
        listed = sum(1 for f in self.findings if f.is_error)
        return listed + sum(c.count for c in self.left_out if c.severity == ERROR)

    @property
    def warnings(self) -> int:
        """Every warning found, listed or left out."""
        listed = sum(1 for f in self.findings if not f.is_error)
        return listed + sum(c.count for c in self.left_out if c.severity != ERROR)

    @property
    def unreadable_files(self) -> set[str]:
        """Workbooks that could not be read (nothing in them to link to)."""
        return {f.file for f in self.findings if f.rule == "file.unreadable" and f.file}

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        return EXIT_ERRORS if self.errors else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `unionxl check --json` prints (`capped` only when something was)."""
        out: dict[str, Any] = {
            "findings": [f.to_dict() for f in self.findings],
            "summary": {
                "errors": self.errors,
                "warnings": self.warnings,
                "files": self.files,
                "rows": self.rows,
            },
            "sheets": [{k: s[k] for k in ("file", "sheet", "table", "how")} for s in self.sheets],
            "unused": [{k: u[k] for k in ("file", "sheet", "reason")} for u in self.unused],
        }
        if self.left_out:
            out["capped"] = [c.to_dict() for c in self.left_out]
        return out


def check_office(office: OfficeData) -> CheckReport:
    found = list(office.load_findings)
    found.extend(office.policy.findings)
    for table in office.tables.values():
        found.extend(table.load_findings)
    found.extend(run_rules(office))
    found = year_matches_nothing(office, found)
    found.extend(office_level(office, found))
    findings, left_out = cap(found)
    findings.sort(key=sort_key)
    return CheckReport(
        findings,
        len(office.files),
        office.row_count,
        [*office.unreadable, *([office.no_tables] if office.no_tables else [])],
        left_out,
        list(office.sheets),
        list(office.unused),
        office.unit_name or "",
        office.year,
    )


def cap(findings: list[Finding]) -> tuple[list[Finding], list[LeftOut]]:
    """Keep at most MAX_PER_RULE findings per (file, sheet, rule); count what was left out."""
    seen: Counter[tuple[str | None, str | None, str]] = Counter()
    over: Counter[tuple[str | None, str | None, str, str]] = Counter()
    kept = []
    for f in findings:
        key = (f.file, f.sheet, f.rule)
        seen[key] += 1
        if seen[key] <= MAX_PER_RULE:
            kept.append(f)
        else:
            over[(f.file, f.sheet, f.rule, f.severity)] += 1
    left_out = [LeftOut(file, sheet, rule, sev, n) for (file, sheet, rule, sev), n in over.items()]
    return kept, left_out


def year_matches_nothing(office: OfficeData, findings: list[Finding]) -> list[Finding]:
    """A 年度 (from --year or 设置) that no dated row lies in is one finding, not one per row."""
    year = office.year
    off_year = [f for f in findings if f.rule.endswith(YEAR_RULE_SUFFIX)]
    if year is None or len(off_year) < 2:
        return findings
    years: Counter[int] = Counter()
    for table in office.tables.values():
        if "日期" not in table.columns:
            continue
        for row in table.rows:
            day = row["日期"]
            if isinstance(day, dt.date):
                years[day.year] += 1
    if years[year]:
        return findings
    common = "、".join(f"{y} 年" for y, _ in years.most_common(3))
    summary = Finding(
        severity=ERROR,
        rule="settings.year.nothing",
        message=(
            f"年度 {year} 与台账不符：{len(off_year):,} 行的日期没有一行在 {year} 年内"
            f"（台账中的日期在 {common}）；请检查运行时的 --year 或“设置”表的“年度”"
        ),
        value=str(year),
    )
    return [f for f in findings if not f.rule.endswith(YEAR_RULE_SUFFIX)] + [summary]


def office_level(office: OfficeData, findings: list[Finding]) -> list[Finding]:
    """What the office as a whole lacks for totals and reports."""
    out = []
    settings = office.table("设置")
    if (
        office.year is None
        and office.tables
        and not any(f.rule == "settings.year.missing" for f in findings)
    ):
        where = settings or next(iter(office.tables.values()))
        out.append(
            Finding(
                severity=WARNING,
                rule="settings.year.missing",
                message="没有设置年度：请在“设置”表中填写“年度”（或运行时加 --year）；"
                "汇总和报告都需要年度",
                file=where.file,
                sheet=where.sheet if where is settings else None,
            )
        )
    unit = office.unit_name or ""
    if "请填写" in unit and settings is not None:
        row = next((r for r in settings.rows if r["项目"] == "单位名称"), None)
        out.append(
            settings.finding(
                row,
                "值" if row is not None else None,
                "settings.unit.placeholder",
                f"单位名称还是“{unit}”：请在“设置”表填写本单位的名称（报告的标题和落款用它）",
                severity=WARNING,
            )
        )
    return out
