"""`unionxl map`: the proposed 字段对照.xlsx (a new file, never an office workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unionxl.outputs.atomic import write_atomically
from unionxl.outputs.targets import output_target

MAP_NAME = "字段对照.xlsx"
COLUMNS = ("表", "工作表", "本单位列名", "标准列名", "把握")


def write_mapping(rows: list[dict[str, Any]], office: Path, target: Path) -> Path:
    import xlsxwriter

    from unionxl.model.errors import UnionxlError

    target = output_target(target, own_name=MAP_NAME, office_folder=Path(office))
    if target.exists():
        raise UnionxlError(
            f"{target} 已存在，不会覆盖（它可能是已确认的对照表）；请先移走或另给 --output"
        )

    def write(temp: Path) -> None:
        book = xlsxwriter.Workbook(str(temp))
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        sheet = book.add_worksheet("字段对照")
        for c, name in enumerate(COLUMNS):
            sheet.write(0, c, name, bold)
        for r, row in enumerate(rows, start=1):
            for c, name in enumerate(COLUMNS):
                sheet.write_string(r, c, str(row.get(name, "")))
        sheet.set_column(0, 3, 16)
        sheet.set_column(4, 4, 48)
        sheet.freeze_panes(1, 0)
        values = book.add_worksheet("值对照")
        for c, name in enumerate(("表", "列", "本单位值", "标准值")):
            values.write(0, c, name, bold)
        values.set_column(0, 3, 16)
        book.close()

    return write_atomically(target, write)
