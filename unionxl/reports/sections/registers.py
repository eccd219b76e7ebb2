"""台账: the office's own rows, for the reports an office designs itself (台账格式 §1b, §6).

A 会员名册 printed with the office's 民族 and 政治面貌 columns, a list of this year's
提案 with their 承办部门: templates reach every row of every table the office keeps, with
the standard columns and the office's own extra columns, all as printable text. This is
the only report variable built from rows instead of `Totals`: it carries no figure, so
nothing here can disagree with `unionxl totals`.

Personal data never leaves masked: 身份证号 and 手机 print as 350902********1235 and
138****5678, in every template, public or not.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from unionxl.model.findings import mask
from unionxl.model.schema import Kind
from unionxl.reports import variables as V
from unionxl.reports.fmt import date_cn, money, month_cn

if TYPE_CHECKING:
    from unionxl.data.office_data import OfficeData
    from unionxl.model.tables import Table

ROW_NUMBER = "行号"  # the row's number in its Excel sheet, for a clerk to find it
PRIVATE = (Kind.IDCARD, Kind.PHONE)


class RegisterRow(dict):
    """One row as text. A column this office's sheet lacks reads as "" (its template
    may print a standard column the office does not keep); any other name is an error
    at render time, so a misspelt column in a template is said, not printed blank."""

    __slots__ = ("known",)
    known: frozenset[str]

    def __missing__(self, column: str) -> str:
        if column in self.known:
            return ""
        raise KeyError(column)


def register_vars(data: OfficeData | None) -> dict[str, Any]:
    tables = data.tables if data is not None else {}
    return {
        "台账": {
            name: rows_of(tables[name]) if name in tables else [] for name in V.REGISTER_TABLE_NAMES
        }
    }


def rows_of(table: Table) -> list[RegisterRow]:
    spec = table.spec
    standard = [c.name for c in spec.columns]
    private = {c.name for c in spec.columns if c.kind in PRIVATE}
    known = frozenset([ROW_NUMBER, *standard, *table.extra_columns])
    rows = []
    for row in table.rows:
        shown = RegisterRow()
        shown.known = known
        shown[ROW_NUMBER] = str(row.excel_row)
        for name in standard:
            value = row.get(name)
            text = printable(value)
            shown[name] = (mask(text) or "") if name in private else text
        for name, value in table.extra(row).items():
            shown.setdefault(name, printable(value))
        rows.append(shown)
    return rows


def printable(value: Any) -> str:
    """A cell as a document prints it: 2023年6月1日, 1977年6月, 1,234.50, 是/否."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if getattr(value, "is_month", False):
            return month_cn(value)
        return date_cn(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
