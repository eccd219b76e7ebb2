"""What the window's buttons do. Runs on a worker thread: no tkinter here.

Only the public library API (`unionxl.load`, `.check()`, `.totals()`, `unionxl.report`)
and the same writers `unionxl check --output` and `unionxl totals --output` use.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import unionxl

from .state import Outputs

if TYPE_CHECKING:
    from unionxl.model.findings import Finding

CHECK, TOTALS, REPORTS, ALL = "校验", "汇总", "生成报告", "全部"
ACTIONS = (CHECK, TOTALS, REPORTS, ALL)


@dataclass
class RunResult:
    """Everything the window shows after a run (built on the worker, read on the Tk thread)."""

    action: str
    folder: Path
    findings: list[Finding] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    files: int = 0
    rows: int = 0
    written: list[Path] = field(default_factory=list)  # 校验结果.xlsx, 汇总.xlsx, reports
    reports: list[Path] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # problems the clerk can fix
    remarks: list[str] = field(default_factory=list)  # e.g. reports skipped for lack of data
    failure: str | None = None  # UnionxlError: the run could not happen at all
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        """The status line after a run."""
        if self.failure:
            return f"{self.action}：未完成。{self.failure}"
        parts = [
            f"{self.action}：{self.errors} 个错误，{self.warnings} 个警告"
            f"（{self.files} 个工作簿，{self.rows:,} 行）"
        ]
        if self.reports:
            parts.append(f"报告 {len(self.reports)} 份")
        return "；".join(parts) + f"；用时 {self.seconds:.1f} 秒"


def perform(
    action: str, folder: Path, progress: Callable[[str], None] = lambda text: None
) -> RunResult:
    """Load the office once, do `action`, write the output files; never raises UnionxlError."""
    if action not in ACTIONS:
        raise ValueError(action)
    started = time.perf_counter()
    result = RunResult(action, Path(folder))
    try:
        _perform(result, progress)
    except unionxl.UnionxlError as e:
        result.failure = str(e)
    result.seconds = time.perf_counter() - started
    return result


def _perform(result: RunResult, progress: Callable[[str], None]) -> None:
    from unionxl.outputs.findings_xlsx import write_results
    from unionxl.outputs.totals_xlsx import write_totals_xlsx
    from unionxl.reports.make import unused_folder

    outputs = Outputs.of(result.folder)
    progress("正在读取台账…")
    office = unionxl.load(result.folder)
    progress("正在校验…")
    report = office.check()
    result.findings = list(report.findings)
    result.errors, result.warnings = report.errors, report.warnings
    result.files, result.rows = report.files, report.rows
    if report.unreadable:
        result.notices.append("有工作簿无法读取：" + "；".join(report.unreadable))
    progress(f"正在写入 {outputs.results.name}…")
    # Every run refreshes 校验结果.xlsx, so the file the button opens matches the list;
    # if it is open in WPS/Excel (Windows refuses), the list is still shown.
    try:
        result.written.append(write_results(report, office.folder, outputs.results))
    except unionxl.UnionxlError as e:
        result.notices.append(str(e))

    if result.action in (TOTALS, ALL):
        if report.unreadable:
            result.notices.append("有工作簿无法读取，没有汇总。")
        else:
            progress("正在汇总…")
            try:
                result.written.append(write_totals_xlsx(office.totals(), outputs.totals))
            except unionxl.UnionxlError as e:
                result.notices.append(f"汇总没有完成：{e}")

    if result.action in (REPORTS, ALL):
        if report.errors or report.unreadable:
            result.notices.append(
                f"台账中有 {report.errors + len(report.unreadable)} 个错误，没有生成报告。"
                "请按列表改正台账并保存，再点“生成报告”。"
            )
        else:
            progress("正在生成报告…")
            try:
                made = unionxl.report(result.folder, out=unused_folder(outputs.reports))
            except unionxl.UnionxlError as e:
                result.notices.append(f"报告没有生成：{e}")
            else:
                result.reports = list(made.written)
                result.written.extend(made.written)
                result.remarks.extend([*made.skipped, *made.notes])
                if not made.written:
                    result.notices.append(
                        "没有生成报告：" + ("；".join(result.remarks) or "没有可用的模板")
                    )
