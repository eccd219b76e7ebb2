"""A big sheet is handed to the loader unbuilt and typed a chunk of rows at a time
(reading/raw.py RawSheet.source, loading/folder.py gather_columns): every finding and
figure is the same as when the sheet is read whole, whatever the chunk size."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

import unionxl
from unionxl.loading import folder as loader
from unionxl.reading import workbook as reader
from unionxl.reading.workbook import read_workbook


def make_office(folder: Path) -> Path:
    """A 会员 and a 慰问登记 with what chunking could get wrong: blank and 合计 rows in
    the data, a cell of only spaces, an unreadable date, a repeated row, an extra column,
    numbers and text in one 工号 column, and a bool among the amounts."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "会员"
    sheet.append(["工号", "姓名", "性别", "部门", "入会日期", "状态", "备注"])
    for i in range(40):
        number = 1000 + i if i % 7 == 0 else f"{1000 + i}"
        sheet.append(
            [
                number,
                f"会员{i}",
                "女" if i % 2 else "男",
                "机关",
                dt.date(2015, 3, 1),
                "在职",
                f"注{i}",
            ]
        )
    sheet.append([])  # a blank row in the data
    sheet.append(["1050", "会员50", "男", "机关", "2023-13-40", "在职", None])  # bad date
    sheet.append(["1051", "会员51", "  ", "机关", dt.date(2016, 1, 1), "在职", None])
    sheet.append(["1051", "会员51", "  ", "机关", dt.date(2016, 1, 1), "在职", None])
    visits = book.create_sheet("慰问登记")
    visits.append(["日期", "工号", "姓名", "类型", "金额", "形式"])
    for i in range(30):
        amount = True if i == 11 else (300 if i % 3 else "500.5")
        visits.append(
            [dt.date(2023, 9, 20), f"{1000 + i}", f"会员{i}", "中秋慰问", amount, "慰问品"]
        )
    visits.append(["合计", None, None, None, 9000, None])
    visits.append([dt.date(2023, 9, 21), "9999", "无名", "中秋慰问", 300, "现金"])
    office = folder / "office"
    office.mkdir()
    book.save(office / "台账.xlsx")
    settings = openpyxl.Workbook()
    settings.active.title = "设置"
    settings.active.append(["项目", "值"])
    settings.active.append(["年度", 2023])
    settings.save(office / "设置.xlsx")
    return office


def outputs(office: Path) -> tuple[str, str]:
    loaded = unionxl.load(office)
    check = json.dumps(loaded.check().to_dict(), ensure_ascii=False, sort_keys=True)
    totals = json.dumps(loaded.totals().to_dict(), ensure_ascii=False, sort_keys=True, default=str)
    return check, totals


@pytest.mark.parametrize("chunk", [1, 4, 65_536])
def test_streamed_sheets_read_as_whole(tmp_path: Path, monkeypatch, chunk: int) -> None:
    office = make_office(tmp_path)
    whole = outputs(office)
    planted = {"member.id.duplicate", "row.duplicate", "value.type", "visit.member.unknown"}
    assert planted <= {f["rule"] for f in json.loads(whole[0])["findings"]}
    monkeypatch.setattr(reader, "STREAM_CELLS", 0)  # every sheet streamed
    monkeypatch.setattr(loader, "CHUNK_ROWS", chunk)
    book = read_workbook(office / "台账.xlsx")
    assert all(s.source is not None for s in book.sheets)
    assert outputs(office) == whole


def test_big_sheet_is_streamed_and_small_is_not(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    book = read_workbook(office / "台账.xlsx")
    assert all(s.source is None for s in book.sheets)  # small: read whole
    big = openpyxl.Workbook()
    big.active.title = "会员"
    big.active.append(["工号", "姓名", "性别", "部门", "入会日期", "状态"])
    rows = reader.STREAM_CELLS // 6 + 10
    for i in range(rows):
        big.active.append([str(i), "某", "男", "机关", None, "在职"])
    big.save(tmp_path / "big.xlsx")
    sheet = read_workbook(tmp_path / "big.xlsx").sheets[0]
    assert sheet.source is not None
    assert sheet.head[0][0] == "工号" and len(sheet.head) == 10
    assert sum(1 for _ in sheet.iter_rows()) == rows + 1


def test_sheet_not_at_a1_is_read_whole(tmp_path: Path, monkeypatch) -> None:
    """calamine's iter_rows starts at the first cell it holds: such a sheet is built
    whole (to_python pads it to A1), so cells keep their Excel positions."""
    book = openpyxl.Workbook()
    book.active["C3"] = "工号"
    book.active["C4"] = "1001"
    book.save(tmp_path / "off.xlsx")
    monkeypatch.setattr(reader, "STREAM_CELLS", 0)
    sheet = read_workbook(tmp_path / "off.xlsx").sheets[0]
    assert sheet.source is None
    assert sheet.rows[2][2] == "工号" and sheet.rows[3][2] == "1001"
