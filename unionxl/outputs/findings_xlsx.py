"""Findings as a new results workbook (校验结果.xlsx), one row per finding, each with a
working link to the offending cell of the office workbook.

Links are relative to the results file, so the office folder can be moved or copied as
a whole. Written with XlsxWriter (a new file); never touches an office workbook.
"""

from __future__ import annotations

import os
from pathlib import Path

from unionxl.checks.run import CheckReport
from unionxl.outputs.atomic import write_atomically
from unionxl.outputs.findings_text import SEVERITY
from unionxl.outputs.sheet_layout import print_setup
from unionxl.outputs.targets import output_target

RESULTS_NAME = "校验结果.xlsx"  # the one name the loader skips in an office folder
HEADERS = ("级别", "文件", "工作表", "单元格", "字段", "值", "问题说明", "规则")
WIDTHS = (8, 18, 12, 10, 12, 24, 70, 28)


def link_target(
    office: Path, results_dir: Path, file: str, sheet: str | None, cell: str | None
) -> str:
    """`external:` address XlsxWriter writes as a relative link: '..\\台账\\会员名册.xlsx#'会员'!E17'."""
    relative = os.path.relpath(office / file, results_dir)
    address = relative
    if sheet:
        quoted = sheet.replace("'", "''")
        address += f"#'{quoted}'!{cell or 'A1'}"
    return "external:" + address


def write_results(report: CheckReport, office: Path, target: Path) -> Path:
    import xlsxwriter

    target = output_target(target, own_name=RESULTS_NAME, office_folder=Path(office))

    def write(temp: Path) -> None:
        book = xlsxwriter.Workbook(
            str(temp),
            # Office text stays text: "=1+1", "=HYPERLINK(…)" or a file named "=1+2.xlsx"
            # must never become a live formula (formula injection).
            {"strings_to_urls": False, "strings_to_formulas": False, "strings_to_numbers": False},
        )
        sheet = book.add_worksheet("校验结果")
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        error = book.add_format({"font_color": "#C00000", "bold": True})
        warning = book.add_format({"font_color": "#9C5700"})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        for col, (name, w) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
            sheet.write_string(0, col, name, bold)
            sheet.set_column(col, col, w, wrap if name == "问题说明" else None)
        unreadable = report.unreadable_files
        for r, f in enumerate(report.findings, start=1):
            sheet.write_string(
                r, 0, SEVERITY.get(f.severity, f.severity), error if f.is_error else warning
            )
            sheet.write_string(r, 1, f.file or "")
            sheet.write_string(r, 2, f.sheet or "")
            if f.file and f.file not in unreadable:
                label = f.cell or (f"第{f.row}行" if f.row else "打开")
                sheet.write_url(
                    r, 3, link_target(office, target.parent, f.file, f.sheet, f.cell), string=label
                )
            sheet.write_string(r, 4, f.field or "")
            sheet.write_string(r, 5, f.shown_value() or "")
            sheet.write_string(r, 6, f.message)
            sheet.write_string(r, 7, f.rule)
        last = len(report.findings)
        sheet.autofilter(0, 0, max(last, 1), len(HEADERS) - 1)
        sheet.freeze_panes(1, 0)
        print_setup(sheet)
        summary = book.add_worksheet("说明")
        summary.set_column(0, 0, 80)
        summary.write_string(
            0,
            0,
            f"共 {report.errors} 个错误，{report.warnings} 个警告；{report.files} 个工作簿，{report.rows} 行。",
        )
        summary.write_string(
            1,
            0,
            "点击“单元格”列的链接可直接打开台账工作簿中的该单元格。本文件由 unionxl 生成，可以删除后重新生成。",
        )
        book.close()

    return write_atomically(target, write)
