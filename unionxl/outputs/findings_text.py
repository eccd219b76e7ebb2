"""Findings as a readable table for a terminal (grouped by file and sheet, errors first)."""

from __future__ import annotations

from itertools import groupby

from unionxl.checks.run import CheckReport
from unionxl.model.findings import Finding, sort_key
from unionxl.outputs.textwidth import pad

SEVERITY = {"error": "错误", "warning": "警告"}


def render(report: CheckReport, folder: str) -> str:
    # What could not be read is said once, on stderr, by the command (never twice).
    lines = [f"校验 {folder}：{report.files} 个工作簿，{report.rows:,} 行数据", ""]
    lines.extend(sheet_lines(report))

    def place(f: Finding) -> tuple[str, str]:
        return (f.file or "", f.sheet or "")

    unreadable = report.unreadable_files
    groups = [
        (key, list(items)) for key, items in groupby(sorted(report.findings, key=place), key=place)
    ]
    groups.sort(key=lambda g: (0 if any(f.is_error for f in g[1]) else 1, g[0]))
    for (file, sheet), items in groups:
        if file in unreadable and not sheet:
            continue  # said on stderr
        lines.append(f"{file} · {sheet}" if sheet else file)
        items.sort(key=sort_key)  # errors first, then as the sheet reads
        for f in items:
            where = f.cell or (f"第 {f.row} 行" if f.row else "")
            lines.append(f"  {SEVERITY.get(f.severity, f.severity)}  {pad(where, 8)}{line_text(f)}")
        lines.append("")
    for (sheet, rule), count in report.capped.items():
        lines.append(f"（{sheet} 的 {rule} 另有 {count} 条同类问题未列出）")
    if not report.findings:
        lines.append("没有发现问题。")
    lines.append(f"共 {report.errors} 个错误，{report.warnings} 个警告。")
    return "\n".join(lines)


def line_text(f: Finding) -> str:
    value = f.shown_value()
    shown = f"（值：{value}）" if value is not None and value not in f.message else ""
    return f"{f.message}{shown}  [{f.rule}]"


HOW = {"name": "按表名", "content": "按表头识别", "mapping": "按字段对照"}


def sheet_lines(report: CheckReport) -> list[str]:
    """Which sheet was read as which table — said when any was not found by its name —
    and every sheet not used, with why (台账格式 §1b)."""
    lines = []
    if any(s["how"] != "name" for s in report.sheets):
        lines.append("读取的表：")
        for s in report.sheets:
            lines.append(
                f"  {s['table']} ← {s['file']} · {s['sheet']}（{HOW.get(s['how'], s['how'])}）"
            )
    shown = [u for u in report.unused if not u.get("quiet")]
    if shown:
        lines.append("未使用的工作表：")
        for u in shown:
            lines.append(f"  {u['file']} · {u['sheet']}：{u['reason']}")
    if lines:
        lines.append("")
    return lines
