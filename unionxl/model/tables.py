"""Typed tables that remember where every value sits in Excel.

`Table.finding` is the only place that turns a row and a column name into an Excel
row number and column letters: rules never count rows themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from unionxl.model.findings import ERROR, Finding, column_letter
from unionxl.model.schema import TableSpec
from unionxl.model.values import clean_text

_UNSET: Any = object()

# The column that tells a clerk which row a finding is about (the first the table has):
# 会员, 捐款明细, 慰问登记 … by 姓名, 收支明细 by 摘要, 提案 by 案由, 活动 by 名称.
CONTEXT_COLUMNS = (
    "姓名",
    "摘要",
    "案由",
    "名称",
    "获奖对象",
    "活动",
    "科目",
    "部门",
    "项目",
    "类型",
)


class Row(dict):
    """One data row: a dict of column -> typed value (None when blank or unreadable).

    A column the sheet does not have also reads as None, so rules need not ask.
    The cells as read are kept as one tuple (`cells`, in `names` order) and turned into
    a dict only when asked (`raw`): at 300k members that saves a dict per row.
    Built in bulk by the loader (`Row(pairs)` then attributes), hence no __init__.
    """

    __slots__ = ("excel_row", "names", "cells", "bad")
    excel_row: int  # 1-based, as Excel shows it
    names: tuple[str, ...]  # the table's columns, shared by all its rows
    cells: tuple[Any, ...]  # the cells as read, None when blank
    bad: frozenset[str]  # columns whose cell could not be read

    @classmethod
    def at(
        cls, excel_row: int, values: dict[str, Any] | None = None, raw: dict[str, Any] | None = None
    ) -> Row:
        row = cls(values or ())
        row.excel_row = excel_row
        row.names = tuple(raw or ())
        row.cells = tuple((raw or {}).values())
        return row

    def __getattr__(self, name: str) -> Any:
        if name == "bad":  # most rows never get one: no set allocated for them
            return NO_BAD
        raise AttributeError(name)

    def __missing__(self, column: str) -> None:
        return None

    def __repr__(self) -> str:
        return f"Row({self.excel_row}, {dict.__repr__(self)})"

    @property
    def raw(self) -> dict[str, Any]:
        """Column -> the cell as read (None when blank)."""
        return dict(zip(self.names, self.cells))

    @property
    def values(self) -> Row:  # type: ignore[override]
        """The typed values (the row itself), for readers who prefer to say so."""
        return self

    def mark_bad(self, column: str) -> None:
        self.bad = self.bad | {column}

    def clear(self, column: str) -> None:  # type: ignore[override]
        """Forget a cell that cannot be trusted (typed and raw become None)."""
        self[column] = None
        if column in self.names:
            i = self.names.index(column)
            self.cells = self.cells[:i] + (None,) + self.cells[i + 1 :]
        self.mark_bad(column)

    def is_empty(self, column: str) -> bool:
        """Blank in the sheet (not merely unreadable)."""
        return self.get(column) is None and column not in self.bad


NO_BAD: frozenset[str] = frozenset()


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
    # The same cells column by column, as the loader built them (None when rows were
    # patched afterwards); lets whole-column rules skip re-transposing 1M rows.
    raw_columns: dict[str, list[Any]] | None = None
    typed_columns: dict[str, list[Any]] | None = None
    # Columns the sheet has that the table does not know (民族, 政治面貌, 学历 …), kept
    # as read: header as written -> {Excel row -> cell}. Empty for a standard sheet.
    extra_columns: dict[str, dict[int, Any]] = field(default_factory=dict)

    def extra(self, row: Row) -> dict[str, Any]:
        """The row's cells in the columns the table does not know: {"民族": "汉族", …}."""
        return {name: cells.get(row.excel_row) for name, cells in self.extra_columns.items()}

    def column_cells(self, column: str) -> list[Any] | tuple[Any, ...]:
        """Every row's cell as read in `column` (None when blank), in row order."""
        if self.raw_columns is not None:
            return self.raw_columns[column]
        i = self.rows[0].names.index(column) if self.rows else 0
        return [r.cells[i] for r in self.rows]

    def column_values(self, column: str) -> list[Any]:
        """Every row's typed value in `column`, in row order."""
        if self.typed_columns is not None:
            return self.typed_columns[column]
        return [r.get(column) for r in self.rows]

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
        basis: str | None = None,
    ) -> Finding:
        """A finding at `row`/`column` (header row when `row` is None). With `basis` (the
        document a policy value stands on) the message names it: “…（依据：闽工〔2018〕158号）”."""
        letters = None
        if column is not None and column in self.columns:
            letters = column_letter(self.columns[column])
        if value is _UNSET:
            value = row.raw.get(column) if (row is not None and column is not None) else None
        col_spec = next((c for c in self.spec.columns if c.name == column), None)
        context = self.context_of(row) if row is not None else None
        if basis and basis not in message:
            message = f"{message}（依据：{basis}）"
        return Finding(
            severity=severity,
            rule=rule,
            message=message,
            file=self.file,
            sheet=self.sheet,
            row=row.excel_row if row is not None else self.header_row,
            column=letters,
            field=column,
            value=cell_text(value),
            sensitive=bool(col_spec and col_spec.sensitive),
            basis=basis or None,
            context=context,
        )

    def context_of(self, row: Row) -> str | None:
        """The row's 姓名 (摘要, 案由 …) as written, None when the table has none or it is blank."""
        name = next((c for c in CONTEXT_COLUMNS if c in self.columns), None)
        if name is None or name not in row.names:
            return None
        return cell_text(row.cells[row.names.index(name)])

    def to_dataframe(self):  # pragma: no cover - convenience for analysts
        """The typed rows as a pandas DataFrame (with an `Excel行` column)."""
        import pandas as pd

        return pd.DataFrame(
            [{"Excel行": r.excel_row, **r.values} for r in self.rows],
            columns=["Excel行", *self.columns],
        )


def cell_text(value: Any) -> str | None:
    """A cell as the text the user typed, for `Finding.value` (None when blank)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return clean_text(value)
