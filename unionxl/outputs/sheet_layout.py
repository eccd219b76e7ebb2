"""Page set-up shared by the new workbooks unionxl writes (校验结果.xlsx, 汇总.xlsx)."""

from __future__ import annotations

from typing import Any

A4 = 9  # XlsxWriter's paper index


def print_setup(sheet: Any) -> None:
    """Printed on A4 landscape, one page wide, the header row on every page."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
