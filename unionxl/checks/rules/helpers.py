"""Small pieces several rule modules share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from unionxl.model.findings import ERROR, Finding
from unionxl.model.tables import Row, Table


def repeats(
    table: Table,
    key: Callable[[Row], Any],
    rule: str,
    message: Callable[[Row, int], str],
    *,
    column: str,
    severity: str = ERROR,
) -> Iterator[Finding]:
    """A finding at every repeat of `key` after its first occurrence, naming that row."""
    first: dict[Any, int] = {}
    for row in table:
        k = key(row)
        if k is None:
            continue
        seen = first.setdefault(k, row.excel_row)
        if seen != row.excel_row:
            yield table.finding(row, column, rule, message(row, seen), severity=severity)


def yuan(amount: Any) -> str:
    """Decimal -> '1,234.50 元' for messages."""
    return f"{amount:,.2f} 元"
