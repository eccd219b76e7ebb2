"""An office built in memory from rows, read exactly as a workbook's sheet would be.

For tests and for programs that hold the office's data elsewhere::

    office = office_from_rows({
        "会员": [{"工号": "0001", "姓名": "张三", "部门": "数理学院", "状态": "在职"}],
        "设置": [{"项目": "年度", "值": 2023}],
    })

Each table's rows go through the same header matching and cell parsing as the
folder loader (a header row is made from the dicts' keys), so every finding names the
cell it would have in a sheet whose header is in row 1: the first data row is Excel row 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from unionxl.data.office_data import OfficeData
from unionxl.loading.accounts import read_as_chart
from unionxl.loading.folder import SHEET_NAMES, gc_paused, load_table, normalize_name
from unionxl.loading.people import match_members
from unionxl.model.errors import UnionxlError
from unionxl.reading.workbook import RawSheet

Rows = Iterable[Mapping[str, Any]] | Sequence[Sequence[Any]]


def office_from_rows(
    tables: Mapping[str, Rows],
    *,
    year: int | None = None,
    file: str = "内存.xlsx",
    folder: str | Path = ".",
) -> OfficeData:
    """`tables`: sheet name -> rows, each a dict (column -> cell) or, with a first row of
    headers, a list of lists. Cells are what a sheet would hold: text, numbers, dates."""
    office = OfficeData(Path(folder), files=[file], year_override=year)
    with gc_paused():
        for name, rows in tables.items():
            spec = SHEET_NAMES.get(normalize_name(name))
            if spec is None:
                raise UnionxlError(f"没有名为“{name}”的表")
            table = load_table(spec, file, RawSheet(name, as_grid(rows)), office.load_findings)
            if table is not None:
                office.tables[spec.name] = table
                office.sheets.append(
                    {"file": file, "sheet": name, "table": spec.name, "how": "name"}
                )
    read_as_chart(office.tables)
    match_members(office.tables)
    return office


def as_grid(rows: Rows) -> list[list[Any]]:
    """Rows as calamine gives them: a rectangle, '' for an empty cell."""
    listed: list[Any] = list(rows)
    if listed and isinstance(listed[0], Mapping):
        header: list[str] = []
        for row in listed:
            header.extend(k for k in row if k not in header)
        grid = [list(header)] + [[cell(row.get(h)) for h in header] for row in listed]
    else:
        grid = [[cell(v) for v in row] for row in listed]
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


def cell(value: Any) -> Any:
    return "" if value is None else value
