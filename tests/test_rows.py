"""Rows are views of their table's columns (model/tables.py): read, written and built
by hand as the loader, the rules and the reports use them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionxl.loading import office_from_rows
from unionxl.model.tables import Row

MEMBERS = [
    {"工号": "0101", "姓名": "张三", "部门": "数理学院", "状态": "在职", "入会日期": "2010-09-01"},
    {"工号": "0102", "姓名": "李四", "部门": "机关", "状态": "退休", "入会日期": "2015-07-01"},
]


def members():
    return office_from_rows({"会员": MEMBERS}).tables["会员"]


def test_a_row_reads_its_table_columns():
    table = members()
    first, second = table.rows
    assert (first.excel_row, second.excel_row) == (2, 3)
    assert first["姓名"] == "张三" and second["姓名"] == "李四"
    assert first["入会日期"] == dt.date(2010, 9, 1)  # typed
    assert first.cell("入会日期") == "2010-09-01"  # as read
    assert first["手机"] is None and first.get("手机", "无") == "无"  # a column it lacks
    assert "姓名" in first and "手机" not in first
    assert list(first) == list(table.columns) == list(first.names)
    assert dict(first) == {
        "工号": "0101",
        "姓名": "张三",
        "部门": "数理学院",
        "状态": "在职",
        "入会日期": dt.date(2010, 9, 1),
    }
    assert first.raw["入会日期"] == "2010-09-01"
    assert first.cells == ("0101", "张三", "数理学院", "在职", "2010-09-01")
    assert first.values is first and first.bad == frozenset()
    assert table.column_values("姓名") == ["张三", "李四"]


def test_text_read_as_written_is_one_list_for_typed_and_raw():
    table = members()
    assert table.typed_columns is not None and table.raw_columns is not None
    assert table.typed_columns["姓名"] is table.raw_columns["姓名"]
    assert table.typed_columns["入会日期"] is not table.raw_columns["入会日期"]


def test_writing_a_row_writes_its_column_and_keeps_the_cell_as_read():
    table = members()
    first, second = table.rows
    first["姓名"] = "王五"  # as a 值对照 does
    assert first["姓名"] == "王五" and second["姓名"] == "李四"
    assert table.column_values("姓名") == ["王五", "李四"]
    assert first.cell("姓名") == "张三" and table.column_cells("姓名") == ["张三", "李四"]


def test_a_column_the_sheet_lacks_can_be_written():
    table = members()
    first, second = table.rows
    first["收入"] = Decimal("12.50")  # as 金额 and 方向 become 收入
    assert first["收入"] == Decimal("12.50") and second["收入"] is None
    assert table.column_values("收入") == [Decimal("12.50"), None]
    assert first.cell("收入") is None


def test_clear_and_bad_are_of_one_row():
    table = members()
    first, second = table.rows
    first.clear("部门")
    assert first["部门"] is None and first.cell("部门") is None
    assert first.bad == {"部门"} and second.bad == frozenset()
    assert not first.is_empty("部门")  # unreadable, not blank
    assert second["部门"] == "机关" and second.cell("部门") == "机关"


def test_a_row_built_by_hand():
    row = Row.at(7, {"金额": Decimal("5")}, {"金额": "5元"})
    assert row.excel_row == 7 and row["金额"] == Decimal("5") and row["姓名"] is None
    assert row.cell("金额") == "5元" and row.names == ("金额",) and row.cells == ("5元",)
    row.mark_bad("金额")
    assert row.bad == {"金额"}
    assert repr(row) == "Row(7, {'金额': Decimal('5')})"
    assert Row.at(3).cells == () and dict(Row.at(3)) == {}
