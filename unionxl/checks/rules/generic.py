"""Rules every table obeys (台账格式 §3, first paragraph)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat
from operator import ne
from typing import Any

from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding
from unionxl.model.schema import Kind
from unionxl.model.tables import Table
from unionxl.model.values import SPACES, is_none


def check(office: OfficeData) -> Iterator[Finding]:
    for table in office.tables.values():
        yield from check_table(table)


def check_table(table: Table) -> Iterator[Finding]:
    """Column by column: most columns of most sheets have nothing to say."""
    if not table.rows:
        return
    rows = table.rows
    for column in table.spec.columns:
        name = column.name
        if name not in table.columns:
            continue
        cells = table.column_cells(name)
        if column.required and not column.blank_ok:
            typed = table.column_values(name)
            if any(map(is_none, typed)):  # blank, only spaces, or unreadable (said)
                for row, value in zip(rows, typed):
                    if value is None and name not in row.bad:
                        yield table.finding(row, name, "value.required", f"{name}不能为空")
        # Distinct values first (a set is built in C); rows only when one is wrong.
        if column.kind is Kind.MONEY and any(
            v < 0 for v in set(table.column_values(name)) - {None}
        ):
            for row in rows:
                amount = row[name]
                if amount is not None and amount < 0:
                    yield table.finding(row, name, "value.negative", f"{name}不能为负数：{amount}")
        if column.kind in (Kind.KEY, Kind.CODE) and padded(set(cells)):
            for row, raw in zip(rows, cells):
                if type(raw) is str and raw != raw.strip(SPACES) != "":
                    yield table.finding(
                        row,
                        name,
                        "value.spaces",
                        f"{name}“{raw}”前后有空格（或全角空格），请删除，否则可能与名册对不上",
                        severity=WARNING,
                    )
    yield from repeated_rows(table)


def padded(cells: set[Any]) -> bool:
    """Whether a text cell has spaces around it (asked in C: the common answer is no)."""
    texts = [cell for cell in cells if type(cell) is str]
    if not any(map(ne, texts, map(str.strip, texts, repeat(SPACES)))):
        return False
    return any(v != v.strip(SPACES) != "" for v in texts)


def repeated_rows(table: Table) -> Iterator[Finding]:
    names = table.rows[0].names
    if len(set(map(hash, signatures(table, names)))) == len(table.rows):
        return  # the common case, decided in C: no two rows alike (the set holds only ints)
    first_seen: dict[tuple, int] = {}
    for row, signature in zip(table.rows, signatures(table, names)):
        first = first_seen.setdefault(signature, row.excel_row)
        if first != row.excel_row:
            yield table.finding(
                row,
                None,
                "row.duplicate",
                f"整行与第 {first} 行完全相同，是否重复录入？",
                severity=WARNING,
                value=None,
            )


def signatures(table: Table, names: tuple[str, ...]) -> Iterator[tuple]:
    """Each row's cells as read, as one tuple (made as asked, from the columns when the
    table has them: a tuple per row held at once is 100 bytes a row)."""
    if table.raw_columns is not None:
        return zip(*(table.raw_columns[name] for name in names))
    return (r.cells for r in table.rows)
