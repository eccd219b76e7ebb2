"""The thin xlwings adapter: put `SheetPlan`s and the status line into the control workbook.

It uses only these xlwings calls (the tests hold a stand-in with exactly these, and
check that each exists on xlwings' public classes and in its Windows engine):

    book.sheets (iterate, [name], .add(name, after=)), book.app, book.fullname
    sheet.name, sheet.delete(), sheet.activate(), sheet.range(address), sheet.tables.add()
    range.value, range.formula, range.number_format, range.column_width,
    range.font.bold, range.font.color
    app.alert(), app.screen_updating

Deliberately not used: `name in book.sheets` (the Windows engine has no `__contains__`
for sheets), `sheet.freeze_panes` (not implemented by the Windows engine), `.api` (raw COM).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from unionxl.excel import layout as L
from unionxl.excel.results import SheetPlan

TITLE = "unionxl"
TABLE_STYLE = "TableStyleMedium2"


def sheet_names(book: Any) -> list[str]:
    return [sheet.name for sheet in book.sheets]


def replace_sheet(book: Any, plan: SheetPlan, *, after: str) -> Any:
    """Delete the sheet called `plan.name` (if any) and write it anew after `after`."""
    names = sheet_names(book)
    if plan.name in names:
        book.sheets[plan.name].delete()
    anchor = after if after in names and after != plan.name else L.CONTROL_SHEET
    sheet = book.sheets.add(plan.name, after=book.sheets[anchor])
    for address in plan.text_ranges:
        sheet.range(address).number_format = "@"
    if plan.values:
        sheet.range("A1").value = plan.values
    for address, formulas in plan.formulas:
        sheet.range(address).formula = formulas
    for address, number_format in plan.number_formats:
        sheet.range(address).number_format = number_format
    for address in plan.bold:
        sheet.range(address).font.bold = True
    for address, color in plan.font_colors:
        sheet.range(address).font.color = color
    for address, width in plan.widths:
        sheet.range(address).column_width = width
    if plan.table:
        sheet.tables.add(
            source=sheet.range(plan.table), name=plan.table_name, table_style_name=TABLE_STYLE
        )
    return sheet


def read_cell(book: Any, sheet: str, address: str) -> Any:
    return book.sheets[sheet].range(address).value


def write_status(book: Any, text: str) -> None:
    book.sheets[L.CONTROL_SHEET].range(L.STATUS_CELL).value = text


def activate(book: Any, sheet: str) -> None:
    book.sheets[sheet].activate()


def alert(book: Any, message: str, *, critical: bool = False) -> None:
    """A message box in Excel (MsgBox): the user reads it and clicks OK."""
    book.app.alert(message, title=TITLE, mode="critical" if critical else "info")


@contextlib.contextmanager
def screen_frozen(book: Any) -> Iterator[None]:
    """Excel does not repaint while many cells are written (much faster), then does."""
    app = book.app
    app.screen_updating = False
    try:
        yield
    finally:
        app.screen_updating = True
