"""Workbooks read ahead in threads come out in the folder's order, as read one by one."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from unionxl.model.errors import UnionxlError
from unionxl.reading.ahead import ReadAhead
from unionxl.reading.raw import RawWorkbook
from unionxl.reading.scan import Scanner


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
    with Scanner(paths) as scanner, ReadAhead(scanner, limit=limit) as books:
        for path, book in books:
            if isinstance(book, UnionxlError):
                out.append((path.name, str(book)))
            else:
                assert isinstance(book, RawWorkbook)
                out.append((path.name, [(s.name, s.rows) for s in book.sheets]))
    return out


def test_read_ahead_gives_what_reading_one_by_one_gives(tmp_path: Path) -> None:
    paths = make_folder(tmp_path)
    ahead = read_all(paths, limit=1 << 30)
    one_by_one = read_all(paths, limit=-1)  # nothing is small enough to read ahead
    assert [name for name, _ in ahead] == [p.name for p in paths]
    assert ahead == one_by_one
    broken = dict(ahead)["2b.xlsx"]
    assert isinstance(broken, str) and "2b.xlsx" in broken
    assert dict(ahead)["4.xlsx"][0][1][249] == ["4-249", 249, 373.5]
