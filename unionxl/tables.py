"""Typed tables that remember where every value sits in Excel.

`Table.finding` is the only place that turns a row and a column name into an Excel
row number and column letters: rules never count rows themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .findings import ERROR, Finding, column_letter, value_text
from .schema import TableSpec

_UNSET: Any = object()


@dataclass
class Row:
    excel_row: int  # 1-based, as Excel shows it
    values: dict[str, Any]  # column -> typed value; None when blank or unreadable
    raw: dict[str, Any]  # column -> the cell as read (None when blank)
    bad: set[str] = field(default_factory=set)  # columns whose cell could not be read

    def __getitem__(self, column: str) -> Any:
        return self.values.get(column)

    def is_empty(self, column: str) -> bool:
        """Blank in the sheet (not merely unreadable)."""
        return self.raw.get(column) is None and column not in self.bad

    def get(self, column: str, default: Any = None) -> Any:
        value = self.values.get(column)
        return default if value is None else value


@dataclass
class Table:
    spec: TableSpec
    file: str  # path relative to the office folder, as links and messages show it
    sheet: str
    header_row: int  # 1-based Excel row of the header
    columns: dict[str, int]  # canonical column -> 0-based column index
    rows: list[Row] = field(default_factory=list)
    # Findings the loader made while reading cells (wrong type, formula without value).
    load_findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spec.name

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, column: str) -> bool:
        return column in self.columns

    def finding(
        self,
        row: Row | None,
        column: str | None,
        rule: str,
        message: str,
        *,
        severity: str = ERROR,
        value: Any = _UNSET,
    ) -> Finding:
        """A finding at `row`/`column` (header row when `row` is None)."""
        letters = None
        if column is not None and column in self.columns:
            letters = column_letter(self.columns[column])
        if value is _UNSET:
            value = row.raw.get(column) if (row is not None and column is not None) else None
        col_spec = next((c for c in self.spec.columns if c.name == column), None)
        return Finding(
            severity=severity,
            rule=rule,
            message=message,
            file=self.file,
            sheet=self.sheet,
            row=row.excel_row if row is not None else self.header_row,
            column=letters,
            field=column,
            value=value_text(value),
            sensitive=bool(col_spec and col_spec.sensitive),
        )

    def to_dataframe(self):  # pragma: no cover - convenience for analysts
        """The typed rows as a pandas DataFrame (with an `Excel行` column)."""
        import pandas as pd

        return pd.DataFrame(
            [{"Excel行": r.excel_row, **r.values} for r in self.rows],
            columns=["Excel行", *self.columns],
        )
