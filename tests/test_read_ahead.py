"""Workbooks read ahead in threads come out as read one by one, each as soon as it is
read; the loader still joins them in the folder's order."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from unionxl.loading.folder import load_folder
from unionxl.model.errors import UnionxlError
from unionxl.reading.ahead import ReadAhead, read_order
from unionxl.reading.raw import RawWorkbook
from unionxl.reading.workbook import read_workbook


def make_folder(folder: Path) -> list[Path]:
    paths = []
    for i in range(5):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = f"表{i}"
        for r in range(50 * (i + 1)):
            sheet.append([f"{i}-{r}", r, r * 1.5])
        path = folder / f"{i}.xlsx"
        book.save(path)
        paths.append(path)
    broken = folder / "2b.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    return sorted([*paths, broken])


def read_all(paths: list[Path], limit: int) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    with ReadAhead(paths, limit) as books:
        for path, book in books:
            out.append((path.name, as_plain(path, book)))
    return out


def read_or_error(path: Path) -> RawWorkbook | UnionxlError:
    try:
        return read_workbook(path)
    except UnionxlError as e:
        return e


def as_plain(path: Path, book: RawWorkbook | UnionxlError) -> object:
    if isinstance(book, UnionxlError):
        return str(book)
    return [(s.name, s.rows) for s in book.sheets]


def test_read_ahead_gives_what_reading_one_by_one_gives(tmp_path: Path) -> None:
    paths = make_folder(tmp_path)
    ahead = read_all(paths, limit=1 << 30)
    one_by_one = [(p.name, as_plain(p, read_or_error(p))) for p in paths]
    assert sorted(ahead, key=str) == sorted(one_by_one, key=str)  # each once, the same
    broken = dict(ahead)["2b.xlsx"]
    assert isinstance(broken, str) and "2b.xlsx" in broken
    assert dict(ahead)["4.xlsx"][0][1][249] == ["4-249", 249, 373.5]


def test_a_small_workbook_is_typed_first_and_the_folder_order_still_rules(tmp_path: Path) -> None:
    # 1.xlsx is slow to read, 2.xlsx tiny: the loader gets 2 first, and yet the office is
    # as if read in name order (the 会员 of 1.xlsx is the one kept).
    big, small = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    for path, rows in ((big, 40_000), (small, 1)):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "会员"
        sheet.append(["工号", "姓名", "部门", "性别", "出生日期", "入会日期", "状态"])
        for r in range(rows):
            sheet.append([f"{r:06d}", f"员工{r}", "机关", "男", "1980-01-01", "2010-01-01", "在职"])
        book.save(path)
    assert read_order([big, small]) == [big, small]  # both are read at once, 1.xlsx first
    got = [name for name, _ in read_all([big, small], limit=1 << 30)]
    assert got == ["2.xlsx", "1.xlsx"]
    office = load_folder(tmp_path)
    assert office.files == ["1.xlsx", "2.xlsx"]
    assert office.tables["会员"].file == "1.xlsx" and len(office.tables["会员"].rows) == 40_000
    (twice,) = [f for f in office.load_findings if f.rule == "table.duplicate"]
    assert twice.file == "2.xlsx" and "本次使用 1.xlsx" in twice.message
