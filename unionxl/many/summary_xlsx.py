"""The federation's 汇总.xlsx: one row per office with its headline figures, then 合计.

Office text (folder names, reasons) is written as text, never as a formula; money is
summed as Decimal and written as numbers with two decimals.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from unionxl.outputs.atomic import write_atomically

# (header, how to get it from one office's totals dict, is money)
COLUMNS: list[tuple[str, Any, bool]] = [
    ("年度", lambda t: t.get("year"), False),
    ("上年结余", lambda t: (t.get("budget") or {}).get("opening_balance"), True),
    ("本年收入", lambda t: (t.get("budget") or {}).get("income_total"), True),
    ("本年支出", lambda t: (t.get("budget") or {}).get("expense_total"), True),
    ("年末结余", lambda t: (t.get("budget") or {}).get("closing_balance"), True),
    (
        "捐款金额",
        lambda t: money_sum(c["amount"] for c in (t.get("donations") or {}).get("campaigns", [])),
        True,
    ),
    (
        "慰问人次",
        lambda t: count_sum(v["count"] for v in (t.get("visits") or {}).get("by_type", [])),
        False,
    ),
    (
        "慰问金额",
        lambda t: money_sum(v["amount"] for v in (t.get("visits") or {}).get("by_type", [])),
        True,
    ),
    ("提案征集", lambda t: (t.get("proposals") or {}).get("collected"), False),
    ("提案立案", lambda t: (t.get("proposals") or {}).get("filed"), False),
]
SUMMED = {name for name, _, _ in COLUMNS if name != "年度"}


def money_sum(values: Any) -> str | None:
    items = [Decimal(v) for v in values if v is not None]
    return f"{sum(items, Decimal(0)):.2f}" if items else None


def count_sum(values: Any) -> int | None:
    items = [v for v in values if v is not None]
    return sum(items) if items else None


def headline(totals: dict[str, Any] | None) -> dict[str, Any]:
    """One office's headline figures (None where its table is absent)."""
    if not totals:
        return {name: None for name, _, _ in COLUMNS}
    return {name: get(totals) for name, get, _ in COLUMNS}


def total_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"年度": None}
    for name, _, money in COLUMNS:
        if name not in SUMMED:
            continue
        values = [r[name] for r in rows if r.get(name) is not None]
        out[name] = money_sum(values) if money else count_sum(values)
    return out


def write_summary(results: list[dict[str, Any]], target: Path) -> Path:
    import xlsxwriter

    rows = [headline(r.get("totals")) for r in results]

    def write(temp: Path) -> None:
        book = xlsxwriter.Workbook(
            str(temp), {"strings_to_formulas": False, "strings_to_urls": False}
        )
        book.set_properties({"title": "各单位汇总", "author": "unionxl"})
        sheet = book.add_worksheet("各单位汇总")
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        money = book.add_format({"num_format": "#,##0.00"})
        total_money = book.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
        total = book.add_format({"bold": True, "top": 1})
        headers = ["单位（文件夹）", *(name for name, _, _ in COLUMNS), "说明"]
        for col, name in enumerate(headers):
            sheet.write_string(0, col, name, bold)
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, len(COLUMNS), 13)
        sheet.set_column(len(COLUMNS) + 1, len(COLUMNS) + 1, 50)
        for r, (result, figures) in enumerate(zip(results, rows), start=1):
            sheet.write_string(r, 0, str(result["folder"]))
            cells(sheet, r, figures, money)
            if result.get("reason"):
                sheet.write_string(r, len(COLUMNS) + 1, str(result["reason"]))
        last = len(results) + 1
        sheet.write_string(last, 0, "合计", total)
        cells(sheet, last, total_row(rows), total_money, total)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, len(results), len(headers) - 1)
        book.close()

    return write_atomically(target, write)


def cells(sheet: Any, r: int, figures: dict[str, Any], money: Any, plain: Any = None) -> None:
    for col, (name, _, is_money) in enumerate(COLUMNS, start=1):
        value = figures.get(name)
        if value is None:
            sheet.write_blank(r, col, None, plain)
        elif is_money:
            sheet.write_number(r, col, float(Decimal(value)), money)
        else:
            sheet.write_number(r, col, value, plain)
