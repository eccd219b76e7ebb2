"""Findings as a new, printable results workbook (校验结果.xlsx), one row per finding, each
with a working link to the offending cell of the office workbook.

The sheet reads on its own: a title with the 单位名称 and 年度, the check's time and
counts, then per finding where it is, which row (the row's 姓名, 摘要 or 案由), what is
wrong, and the rule by its Chinese name beside its code. A clean office gets a visible
"没有发现问题" line. Links are relative to the results file, so the office folder can be
moved or copied as a whole. Written with XlsxWriter (a new file); never touches an office
workbook. Office text stays text (see `write`).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from unionxl.checks.catalog import rule_name
from unionxl.checks.run import CheckReport
from unionxl.model.findings import Finding
from unionxl.outputs.atomic import write_atomically
from unionxl.outputs.findings_text import SEVERITY
from unionxl.outputs.sheet_layout import (
    A4,
    FIRST_DATA_ROW,
    HEADER_ROW,
    NOTE_ROW,
    heading_text,
    is_wide,
    print_setup,
    title_format,
    wrapped_height,
    write_title,
)
from unionxl.outputs.targets import output_target

RESULTS_NAME = "校验结果.xlsx"  # the one name the loader skips in an office folder
SHEET = "校验结果"
SUBJECT = "台账校验结果"
NOTHING_FOUND = "没有发现问题"
# (header, width); 所在行 is the row's 姓名 (摘要, 案由 …), 规则 the rule's Chinese name.
COLUMNS = (
    ("级别", 6),
    ("文件", 14),
    ("工作表", 10),
    ("单元格", 8),
    ("所在行", 12),
    ("字段", 10),
    ("值", 19),
    ("问题说明", 44),
    ("规则", 20),
    ("规则代码", 22),
)
HEADERS = tuple(name for name, _ in COLUMNS)
WIDTHS = tuple(width for _, width in COLUMNS)
WRAPPED = ("所在行", "值", "问题说明", "规则")


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


def counts_line(report: CheckReport, checked: dt.datetime) -> str:
    """ "校验时间：2024-03-01 10:32　共 1 个错误，2 个警告（4 个工作簿，310 行）"."""
    return (
        f"校验时间：{checked:%Y-%m-%d %H:%M}　共 {report.errors} 个错误，{report.warnings} 个警告"
        f"（{report.files} 个工作簿，{report.rows:,} 行）"
    )


def left_out_line(report: CheckReport) -> str | None:
    """What the list leaves out (more than MAX_PER_RULE of one rule in one sheet)."""
    if not report.left_out:
        return None
    parts = [
        f"{c.file or ''}“{c.sheet or ''}”{rule_name(c.rule) or c.rule} {c.count:,} 条"
        for c in report.left_out
    ]
    return "另有同类问题未逐条列出：" + "；".join(parts) + "（改正已列出的问题后重新校验即可看到）"


def write_results(
    report: CheckReport, office: Path, target: Path, *, checked: dt.datetime | None = None
) -> Path:
    """Write `report` as 校验结果.xlsx at `target` (atomically); returns the path written."""
    import xlsxwriter

    target = output_target(target, own_name=RESULTS_NAME, office_folder=Path(office))
    when = checked or dt.datetime.now()

    def write(temp: Path) -> None:
        book = xlsxwriter.Workbook(
            str(temp),
            # Office text stays text: "=1+1", "=HYPERLINK(…)" or a file named "=1+2.xlsx"
            # must never become a live formula (formula injection).
            {"strings_to_urls": False, "strings_to_formulas": False, "strings_to_numbers": False},
        )
        title = heading_text(report.unit_name, report.year, SUBJECT)
        book.set_properties({"title": title, "author": "unionxl", "company": report.unit_name})
        sheet = book.add_worksheet(SHEET)
        formats = Formats(book)
        write_title(sheet, formats.title, title, len(HEADERS))
        sheet.write_string(NOTE_ROW, 0, counts_line(report, when))
        for col, (name, width) in enumerate(COLUMNS):
            sheet.write_string(HEADER_ROW, col, name, formats.header)
            sheet.set_column(col, col, width, formats.wrap if name in WRAPPED else formats.top)
        row = FIRST_DATA_ROW
        for f in report.findings:
            write_finding(sheet, formats, row, f, report, office, target.parent)
            row += 1
        if not report.findings:
            last = len(HEADERS) - 1
            sheet.set_row(row, 30)
            sheet.merge_range(row, 0, row, last, NOTHING_FOUND, formats.nothing)
            row += 1
        sheet.autofilter(HEADER_ROW, 0, max(row - 1, FIRST_DATA_ROW), len(HEADERS) - 1)
        note = left_out_line(report)
        if note:
            sheet.write_string(row + 1, 0, note)
        print_setup(sheet, wide=is_wide(WIDTHS), unit=report.unit_name, title=title)
        write_notes(book, report, when)
        book.close()

    return write_atomically(target, write)


class Formats:
    """The results sheet's cell formats."""

    def __init__(self, book: Any) -> None:
        self.title = title_format(book)
        self.header = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "vcenter"}
        )
        self.error = book.add_format({"font_color": "#C00000", "bold": True, "valign": "top"})
        self.warning = book.add_format({"font_color": "#9C5700", "valign": "top"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.top = book.add_format({"valign": "top"})
        self.link = book.add_format({"font_color": "blue", "underline": 1, "valign": "top"})
        self.nothing = book.add_format(
            {
                "bold": True,
                "font_size": 14,
                "align": "center",
                "valign": "vcenter",
                "font_color": "#2E7D32",
            }
        )


def write_finding(
    sheet: Any,
    formats: Formats,
    r: int,
    f: Finding,
    report: CheckReport,
    office: Path,
    results_dir: Path,
) -> None:
    sheet.write_string(
        r, 0, SEVERITY.get(f.severity, f.severity), formats.error if f.is_error else formats.warning
    )
    sheet.write_string(r, 1, f.file or "")
    sheet.write_string(r, 2, f.sheet or "")
    if f.file and f.file not in report.unreadable_files:
        label = f.cell or (f"第{f.row}行" if f.row else "打开")
        sheet.write_url(
            r,
            3,
            link_target(office, results_dir, f.file, f.sheet, f.cell),
            formats.link,
            string=label,
        )
    texts = (
        f.context or "",
        f.field or "",
        f.shown_value() or "",
        f.message,
        rule_name(f.rule),
        f.rule,
    )
    for col, text in enumerate(texts, start=4):
        sheet.write_string(r, col, text)
    wrapped = [(t, WIDTHS[c]) for c, t in enumerate(texts, start=4) if HEADERS[c] in WRAPPED]
    sheet.set_row(r, wrapped_height(wrapped))


def write_notes(book: Any, report: CheckReport, when: dt.datetime) -> None:
    """The 说明 sheet: the counts again and how to use the links."""
    summary = book.add_worksheet("说明")
    summary.set_paper(A4)
    summary.set_column(0, 0, 80)
    summary.write_string(0, 0, counts_line(report, when))
    summary.write_string(
        1,
        0,
        "点击“单元格”列的链接可直接打开台账工作簿中的该单元格。本文件由 unionxl 生成，可以删除后重新生成。",
    )
