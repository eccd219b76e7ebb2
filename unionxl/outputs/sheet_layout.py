"""Printable layout shared by the new workbooks unionxl writes (校验结果.xlsx, 汇总.xlsx).

Every sheet reads as a finished table when printed: a title row (单位名称, 年度, what the
sheet shows) merged across the table, a note row ("金额单位：元", the check's date),
the header row, then the data. On paper: A4 (landscape when the table is wide), one page
wide, the header row repeated on every page, the unit and title in the page header and
"第 1 页，共 3 页" in the footer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from unionxl.outputs.textwidth import display_width

A4 = 9  # XlsxWriter's paper index
TITLE_ROW, NOTE_ROW, HEADER_ROW = 0, 1, 2
FIRST_DATA_ROW = HEADER_ROW + 1
# Column widths (Excel's character units) that still print legibly on portrait A4.
PORTRAIT_WIDTH = 95
TITLE_SIZE, BODY_SIZE = 16, 11
# Points: room for CJK glyphs, which sit taller than Latin ones in an 11 pt row.
HEADER_HEIGHT, ROW_HEIGHT = 21, 16.5
FOOTER = "&C第 &P 页，共 &N 页"


def heading_text(unit: str, year: int | None, subject: str) -> str:
    """The title of a sheet: "测试学院工会 2023 年度预算执行情况"."""
    parts = [unit.strip(), f"{year} 年度{subject}" if year else subject]
    return " ".join(p for p in parts if p)


def page_text(text: str) -> str:
    """`text` safe inside an Excel page header ("&" starts a code there)."""
    return text.replace("&", "&&")


def title_format(book: Any) -> Any:
    return book.add_format(
        {"bold": True, "font_size": TITLE_SIZE, "align": "center", "valign": "vcenter"}
    )


def write_title(sheet: Any, fmt: Any, title: str, columns: int) -> None:
    """The title row, merged across the table's `columns`."""
    sheet.set_row(TITLE_ROW, TITLE_SIZE * 2)
    if columns > 1:
        sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, columns - 1, title, fmt)
    else:
        sheet.write_string(TITLE_ROW, 0, title, fmt)


def fit_title(widths: list[float], title: str) -> list[float]:
    """`widths` grown evenly, when the table is narrower than its title, so that the title
    (merged across the table, in a larger size) is not cut off."""
    needed = display_width(title) * TITLE_SIZE / BODY_SIZE + 2
    total = sum(widths)
    if total >= needed or not widths:
        return widths
    return [w * needed / total for w in widths]


def is_wide(widths: Sequence[float]) -> bool:
    return sum(widths) > PORTRAIT_WIDTH


def print_setup(
    sheet: Any,
    *,
    wide: bool = True,
    unit: str = "",
    title: str = "",
    header_row: int = HEADER_ROW,
    one_page: bool = False,
) -> None:
    """A4 (landscape when `wide`), one page wide (and tall when `one_page`: a short table
    is shrunk a little rather than leave its last rows alone on a page), `header_row` on
    every page, the unit and title in the page header, page numbers in the footer;
    frozen below the header."""
    sheet.set_row(header_row, HEADER_HEIGHT)
    sheet.set_paper(A4)
    if wide:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 1 if one_page else 0)
    sheet.repeat_rows(header_row)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5, top=0.8, bottom=0.7)
    sheet.set_header(f"&L{page_text(unit)}&R{page_text(title)}")
    sheet.set_footer(FOOTER)
    sheet.freeze_panes(header_row + 1, 0)


def wrapped_height(texts: Sequence[tuple[str, float]]) -> float:
    """Row height that shows every (text, column width) pair wrapped in full (Excel and
    LibreOffice do not grow a row for wrapped text they did not lay out themselves)."""
    lines = max((math.ceil(display_width(t) / max(w, 1)) for t, w in texts if t), default=1)
    return ROW_HEIGHT * max(lines, 1)
