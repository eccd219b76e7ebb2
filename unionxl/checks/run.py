"""`check`: every finding about an office folder, as one report (台账格式 §4)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from unionxl.checks.rules import run_rules
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import MAX_PER_RULE, Finding, sort_key

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]
    files: int
    rows: int
    unreadable: list[str] = field(default_factory=list)  # one line per workbook not read
    capped: dict[tuple[str, str], int] = field(default_factory=dict)  # (sheet, rule) -> left out
    # Which sheet was read as which table, and the sheets not used (台账格式 §1b).
    sheets: list[dict[str, Any]] = field(default_factory=list)
    unused: list[dict[str, Any]] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

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
        """Exactly what `unionxl check --json` prints."""
        return {
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


def check_office(office: OfficeData) -> CheckReport:
    found = list(office.load_findings)
    found.extend(office.policy.findings)
    for table in office.tables.values():
        found.extend(table.load_findings)
    found.extend(run_rules(office))
    findings, capped = cap(found)
    findings.sort(key=sort_key)
    return CheckReport(
        findings,
        len(office.files),
        office.row_count,
        [*office.unreadable, *([office.no_tables] if office.no_tables else [])],
        capped,
        list(office.sheets),
        list(office.unused),
    )


def cap(findings: list[Finding]) -> tuple[list[Finding], dict[tuple[str, str], int]]:
    """Keep at most MAX_PER_RULE findings per (sheet, rule); count what was left out."""
    seen: Counter[tuple[str, str]] = Counter()
    kept = []
    for f in findings:
        key = (f"{f.file}/{f.sheet}", f.rule)
        seen[key] += 1
        if seen[key] <= MAX_PER_RULE:
            kept.append(f)
    over = {k: n - MAX_PER_RULE for k, n in seen.items() if n > MAX_PER_RULE}
    return kept, over
