"""What the button in `unionxl.xlsm` runs: `unionxl.main()` -> `main()` here.

    book = xw.Book.caller()   # the control workbook, over COM
    read the control sheet    # action, office folder, year
    call the library          # load once; check; totals; reports
    hand plans to `writer`    # 校验结果, 汇总, the status line

A problem the user can fix (folder missing, workbook unreadable, data errors before
生成报告) becomes a Chinese message box. Anything else is a bug: it propagates, and
xlwings shows its traceback in a pop-up, which is what a bug report needs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unionxl.excel import layout as L
from unionxl.excel import writer
from unionxl.excel.results import (
    Outcome,
    SheetPlan,
    failure_text,
    findings_plan,
    status_text,
    summary_plan,
)
from unionxl.model.errors import UnionxlError

if TYPE_CHECKING:
    from unionxl.office import Office


@dataclass(frozen=True)
class Request:
    action: str
    folder: Path
    year: int | None


def main() -> None:
    """Entry point of the Excel button (imports xlwings only here)."""
    import xlwings as xw

    run(xw.Book.caller())


def run(
    book: Any,
    *,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    clock: Callable[[], float] = time.perf_counter,
) -> Outcome | None:
    """Read the control sheet of `book`, do what it asks, write the results back."""
    started, t0 = now(), clock()
    action = L.DEFAULT_ACTION
    try:
        request = read_request(book)
        action = request.action
        outcome, plans = perform(request, when=f"{started:%Y-%m-%d %H:%M}")
    except UnionxlError as e:
        writer.write_status(book, failure_text(action, str(e), started))
        writer.alert(book, str(e), critical=True)
        return None
    with writer.screen_frozen(book):
        after = L.CONTROL_SHEET
        for plan in plans:
            writer.replace_sheet(book, plan, after=after)
            after = plan.name
        writer.write_status(book, status_text(outcome, started, clock() - t0))
        writer.activate(book, sheet_to_show(outcome))
    if outcome.notice:
        writer.alert(book, outcome.notice, critical=True)
    elif outcome.reports:
        message = f"已生成 {len(outcome.reports)} 份报告，在 {outcome.reports_dir}"
        writer.alert(book, "\n\n".join([message, *outcome.remarks]))
    return outcome


# --- the control sheet ------------------------------------------------------------------


def read_request(book: Any) -> Request:
    if L.CONTROL_SHEET not in writer.sheet_names(book):
        raise UnionxlError(f"找不到“{L.CONTROL_SHEET}”表：请不要给它改名，或重新运行 unionxl excel")
    return Request(
        action=parse_action(writer.read_cell(book, L.CONTROL_SHEET, L.ACTION_CELL)),
        folder=resolve_folder(
            writer.read_cell(book, L.CONTROL_SHEET, L.FOLDER_CELL), book.fullname
        ),
        year=parse_year(writer.read_cell(book, L.CONTROL_SHEET, L.YEAR_CELL)),
    )


def parse_action(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        return L.DEFAULT_ACTION
    if text not in L.ACTIONS:
        raise UnionxlError(f"“要做什么”只能选：{'、'.join(L.ACTIONS)}（现在是“{text}”）")
    return text


def parse_year(value: Any) -> int | None:
    """Blank -> None (设置's 年度); 2023, 2023.0, '2023', '2023年' -> 2023."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().removesuffix("年")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or number != number.to_integral_value() or not 1900 < number < 2200:
        raise UnionxlError(f"“年度”应为四位数字，如 2023，或留空（现在是“{value}”）")
    return int(number)


def resolve_folder(value: Any, workbook: str) -> Path:
    """The office folder: the cell's path, or (blank) the control workbook's folder.

    A relative path is taken from the control workbook's folder (Python itself runs in
    its own installation folder, where a relative path would lead nowhere useful).
    """
    text = "" if value is None else str(value).strip().strip('"“”').strip()
    folder = Path(text) if text else None
    if folder is not None and folder.is_absolute():
        return folder
    if "://" in workbook:
        raise UnionxlError(
            "本文件保存在 OneDrive/SharePoint 网址上，无法确定台账文件夹："
            "请在“台账文件夹”中填写本机的完整路径，如 D:\\工会\\2023台账"
        )
    here = Path(workbook).parent
    return here / folder if folder is not None else here


# --- doing it ---------------------------------------------------------------------------


def perform(request: Request, *, when: str = "") -> tuple[Outcome, list[SheetPlan]]:
    """Load the office once and do what was asked; data problems come back in the Outcome."""
    from unionxl.office import load
    from unionxl.reports.make import unused_folder

    office = load(request.folder, year=request.year)  # UnionxlError: folder missing
    report = office.check()
    plans = [findings_plan(report.findings, office.folder, capped=report.capped)]
    notices = []
    if report.unreadable:
        notices.append("有工作簿无法读取：" + "；".join(report.unreadable))
    totals_written = False
    if request.action in (L.TOTALS, L.ALL) and not report.unreadable:
        try:
            totals = office.totals()
        except UnionxlError as e:
            notices.append(f"汇总没有完成：{e}")
        else:
            plans.append(summary_plan(totals.to_dict(), unit=office.unit_name, when=when))
            totals_written = True
    files: tuple[str, ...] = ()
    remarks: list[str] = []
    out_dir = unused_folder(office.folder / L.REPORTS_FOLDER)
    if request.action in (L.REPORTS, L.ALL):
        if report.errors or report.unreadable:
            notices.append(
                f"台账中有 {report.errors} 个错误，没有生成报告。"
                f"请按“{L.FINDINGS_SHEET}”表改正台账并保存，再点按钮。"
            )
        else:
            try:
                written, remarks = make_reports(office, out_dir)
            except UnionxlError as e:
                notices.append(f"报告没有生成：{e}")
            else:
                files = tuple(str(p) for p in written)
                if not files:
                    notices.append("没有生成报告：" + ("；".join(remarks) or "没有可用的模板"))
    outcome = Outcome(
        action=request.action,
        errors=report.errors,
        warnings=report.warnings,
        files=report.files,
        rows=report.rows,
        totals=totals_written,
        reports=files,
        reports_dir=str(out_dir) if files else None,
        notice="\n\n".join(notices) or None,
        remarks=tuple(remarks),
    )
    return outcome, plans


def make_reports(office: Office, out_dir: Path) -> tuple[list[Path], list[str]]:
    """The one call for reports: (files written, remarks for the user)."""
    result = office.report(out_dir)
    return list(result.written), [*result.skipped, *result.notes]


def sheet_to_show(outcome: Outcome) -> str:
    """After a click, show what the user needs next."""
    if outcome.errors or outcome.action == L.CHECK:
        return L.FINDINGS_SHEET
    if outcome.totals and outcome.action in (L.TOTALS, L.ALL):
        return L.SUMMARY_SHEET
    return L.CONTROL_SHEET
