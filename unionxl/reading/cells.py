"""A sheet built cell by cell (by the readers of our own), in bounded memory.

Cells keep their real positions. A row holds only up to its last cell and every blank
row is one shared empty list, so memory follows the cells a sheet really has, not how
far they reach. Cells beyond Excel's 1,048,576 rows or column XFD are not data: they are
counted and said in one finding (sheet.out_of_range). A sheet so scattered that its rows
would hold more than MAX_CELLS cells is refused with one line.
"""

from __future__ import annotations

from typing import Any

from unionxl.model.errors import UnionxlError
from unionxl.model.findings import ERROR, Finding
from unionxl.reading.extent import EXCEL_COLUMNS, EXCEL_ROWS, address
from unionxl.reading.raw import RawSheet

MAX_CELLS = 20_000_000
EMPTY_ROW: list[Any] = []  # shared by every blank row: never written to


class SheetBuilder:
    def __init__(self, file: str, name: str) -> None:
        self.file, self.name = file, name
        self.rows: list[list[Any]] = []
        self.bad: dict[tuple[int, int], str | None] = {}
        self.held = 0
        self.outside = 0
        self.first_outside = ""
        self.far = (0, 0)

    def inside(self, row: int, col: int) -> bool:
        """False (and counted) for a cell Excel could not hold."""
        if 0 <= row < EXCEL_ROWS and 0 <= col < EXCEL_COLUMNS:
            return True
        self.outside += 1
        self.first_outside = self.first_outside or address(max(row, 0), max(col, 0))
        return False

    def add_row(self, row: int, cells: dict[int, Any]) -> None:
        """Cells (column -> value) of row `row` (0-based), all inside Excel's limits."""
        if not cells:
            return
        rows = self.rows
        if row >= len(rows):
            rows.extend([EMPTY_ROW] * (row + 1 - len(rows)))
        current = rows[row]
        width = max(max(cells) + 1, len(current))
        self.held += width - len(current)
        line = current + [""] * (width - len(current))
        for col, value in cells.items():
            line[col] = value
        rows[row] = line
        self.far = max(self.far, (row, max(cells)))
        if self.held > MAX_CELLS:
            raise UnionxlError(
                f"{self.file}：工作表“{self.name}”的单元格分布太散、离 A1 太远（如 {address(*self.far)}），"
                "无法读取。请删除远处无用的单元格（在 Excel 中按 Ctrl+End 可以找到）后保存"
            )

    def sheet(self, hidden: bool) -> RawSheet:
        sheet = RawSheet(self.name, self.rows, hidden, self.bad)
        if self.outside:
            sheet.findings.append(
                Finding(
                    ERROR,
                    "sheet.out_of_range",
                    f"工作表“{self.name}”有 {self.outside} 个单元格超出了 Excel 的范围（如 "
                    f"{self.first_outside}；Excel 最多 1048576 行、XFD 列），这些单元格未读取。"
                    "文件可能由其他程序生成或已损坏，请用 Excel 打开检查后另存",
                    file=self.file,
                    sheet=self.name,
                )
            )
        return sheet
