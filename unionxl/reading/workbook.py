"""Read one workbook file: every sheet's values at their Excel positions.

Values come from python-calamine (fast, Rust) for .xlsx, .xlsm, .xlsb and .xls. Before
calamine is handed an .xlsx:

- its zip directory is checked for parts that would inflate absurdly (zipguard.py);
- each sheet's true extent is measured from its XML (extent.py, in the light pass of
  scan.py, which also finds formulas without a cached value and error cells): a sheet
  whose cells reach absurdly far is read cell by cell instead (xlsx_stream.py), since
  calamine would build the whole rectangle and abort.

A workbook calamine refuses whole because of an old macro or dialog sheet is read sheet
by sheet without them. An Excel 2003 XML spreadsheet (often named .xls) is read by
spreadsheet2003.py. Anything else that cannot be read ends in one Chinese line
(reasons.py).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from python_calamine import CalamineError, CalamineWorkbook

from unionxl.model.errors import UnionxlError
from unionxl.model.findings import WARNING, Finding
from unionxl.reading.extent import MAX_RECTANGLE, Extent
from unionxl.reading.package import Package, read_package
from unionxl.reading.raw import RawSheet, RawWorkbook
from unionxl.reading.reasons import ZIP, head, no_permission, unreadable_reason
from unionxl.reading.scan import Scan, Scanner
from unionxl.reading.zipguard import guard_archive

if TYPE_CHECKING:
    from unionxl.reading import xlsx_stream

__all__ = ["RawSheet", "RawWorkbook", "read_workbook"]

CALAMINE_ERRORS = (CalamineError, OSError, ValueError, OverflowError)
# A sheet of more cells than this is handed to the loader unbuilt (RawSheet.source) and
# read a chunk of rows at a time; only one starting at A1, since iter_rows starts at the
# first cell calamine holds where to_python pads up to A1.
STREAM_CELLS = 500_000


def read_workbook(path: Path, scan: Scan | None = None) -> RawWorkbook:
    """Read every worksheet of `path`; raises UnionxlError with a Chinese reason.

    `scan`: the path's light pass, from a Scanner already running (scan.py); without
    one, the pass runs beside calamine in a thread of its own."""
    if scan is None:
        with Scanner([path]) as scanner:
            found = scanner.scan_for(path)
            assert found is not None
            return read_workbook(path, found)
    if not os.access(path, os.R_OK):
        raise UnionxlError(no_permission(path))
    start = head(path)
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # XML, not zip or OLE
        from unionxl.reading import spreadsheet2003  # rare: imported only then

        if spreadsheet2003.is_spreadsheet_2003(start):
            return RawWorkbook(path, spreadsheet2003.read_spreadsheet_2003(path))
    package = None
    if start.startswith(ZIP):
        package = open_package(path)
    try:
        with scan.gate.opened():  # calamine releases the GIL: the scanner may run
            book = CalamineWorkbook.from_path(str(path))
    except CALAMINE_ERRORS as e:
        if package is not None and any(
            s.kind in ("macrosheet", "dialogsheet") for s in package.sheets
        ):
            return read_without_macro_sheets(path, package)
        raise UnionxlError(unreadable_reason(path, e)) from e
    findings: list[Finding] = []
    streamed: xlsx_stream.Context | None = None
    archive: zipfile.ZipFile | None = None
    sheets = []
    try:
        for meta in book.sheets_metadata:
            if "Chart" in str(meta.typ):
                continue
            hidden = "Visible" not in str(meta.visible)
            extent = scan.extent(meta.name) if package is not None else None
            if extent is not None and extent.needs_streaming and package is not None:
                if archive is None:
                    from unionxl.reading import xlsx_stream  # rare: imported only then

                    archive = zipfile.ZipFile(path)
                    streamed = xlsx_stream.Context(archive, package, path.name)
                assert streamed is not None
                part = next(s.path for s in package.sheets if s.name == meta.name)
                sheet = xlsx_stream.read_sheet(streamed, meta.name, part, hidden)
                if extent.rectangle > MAX_RECTANGLE:  # not only cells beyond Excel
                    findings.append(streamed_finding(path, meta.name, extent))
            else:
                with scan.gate.opened():
                    parsed = book.get_sheet_by_name(meta.name)
                if parsed.start == (0, 0) and parsed.height * parsed.width > STREAM_CELLS:
                    sheet = RawSheet(meta.name, hidden=hidden, source=parsed)
                else:
                    rows = parsed.to_python(skip_empty_area=False)
                    sheet = RawSheet(meta.name, rows, hidden)
            sheets.append(sheet)
    except CALAMINE_ERRORS as e:
        raise UnionxlError(unreadable_reason(path, e)) from e
    finally:
        book.close()
        if archive is not None:
            archive.close()
    bad = scan.bad_cells() if package is not None else {}
    for sheet in sheets:
        sheet.bad_cells = bad.get(sheet.name, sheet.bad_cells)
        findings.extend(sheet.findings)
    return RawWorkbook(path, sheets, findings)


def open_package(path: Path) -> Package | None:
    """The package's sheets, after the zip bomb check (None: not a zip calamine reads)."""
    try:
        with zipfile.ZipFile(path) as archive:
            guard_archive(path, archive)
            return read_package(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return None  # calamine says what is wrong with it


def streamed_finding(path: Path, sheet: str, extent: Extent) -> Finding:
    return Finding(
        WARNING,
        "sheet.far_cells",
        f"工作表“{sheet}”的单元格一直延伸到 {extent.farthest or '很远处'}，但只有 "
        f"{extent.cells:,} 个单元格有内容：已逐个单元格读取。远处的单元格如是误输入，请删除"
        "（在 Excel 中按 Ctrl+End 可以找到）",
        file=path.name,
        sheet=sheet,
    )


def read_without_macro_sheets(path: Path, package: Package) -> RawWorkbook:
    """Every worksheet of a workbook calamine refuses for its macro or dialog sheets."""
    from unionxl.reading import xlsx_stream  # rare: imported only then

    skipped = [s.name for s in package.sheets if s.kind in ("macrosheet", "dialogsheet")]
    with zipfile.ZipFile(path) as archive:
        context = xlsx_stream.Context(archive, package, path.name)
        sheets = [
            xlsx_stream.read_sheet(context, s.name, s.path, s.hidden)
            for s in package.sheets
            if s.kind == "worksheet" and s.path in archive.NameToInfo
        ]
    findings = [
        Finding(
            WARNING,
            "sheet.skipped",
            f"工作簿中的宏表或对话框表“{'”“'.join(skipped)}”（Excel 4.0 宏）不是数据，未读取；"
            "其余工作表已读取",
            file=path.name,
        )
    ]
    for sheet in sheets:
        findings.extend(sheet.findings)
    return RawWorkbook(path, sheets, findings)
