"""Rules every table obeys (SPEC §3, first paragraph)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..findings import WARNING, Finding
from ..schema import Kind
from ..tables import Table
from ..values import SPACES

if TYPE_CHECKING:
    from ..office import Office


def check(office: Office) -> Iterator[Finding]:
    for table in office.tables.values():
        yield from check_table(table)


def check_table(table: Table) -> Iterator[Finding]:
    required = [c.name for c in table.spec.required if c.name in table.columns]
    money = [c.name for c in table.spec.columns if c.kind is Kind.MONEY and c.name in table.columns]
    keys = [
        c.name
        for c in table.spec.columns
        if c.kind in (Kind.KEY, Kind.CODE) and c.name in table.columns
    ]
    first_seen: dict[tuple, int] = {}
    for row in table:
        raw_values = row.raw
        for name in required:
            if raw_values[name] is None and name not in row.bad:
                yield table.finding(row, name, "value.required", f"{name}不能为空")
        for name in money:
            amount = row[name]
            if amount is not None and amount < 0:
                yield table.finding(row, name, "value.negative", f"{name}不能为负数：{amount}")
        for name in keys:
            raw = raw_values[name]
            if type(raw) is str and raw != raw.strip(SPACES):
                yield table.finding(
                    row,
                    name,
                    "value.spaces",
                    f"{name}“{raw}”前后有空格（或全角空格），请删除，否则可能与名册对不上",
                    severity=WARNING,
                )
        signature = tuple(raw_values.values())
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
