"""Typed tables that remember where every value sits in Excel.

`Table.finding` is the only place that turns a row and a column name into an Excel
row number and column letters: rules never count rows themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


class Columns(dict):
    """A table's cells, column by column: column -> typed values (a list, one per row),
    `raw`: column -> the cells as read (None when blank), `bad`: row index -> columns
    whose cell could not be read. Rows are views of one index of it (`Row`).

    A text column whose every cell reads as itself keeps one list for both (typed is raw):
    writing a typed value first gives the column a list of its own (`Row.__setitem__`).
    """

    __slots__ = ("raw", "bad", "size")
    raw: dict[str, list[Any]]
    bad: dict[int, frozenset[str]]
    size: int  # rows

    @classmethod
    def of(cls, typed: dict[str, list[Any]], raw: dict[str, list[Any]], size: int) -> Columns:
        store = cls(typed)
        store.raw, store.bad, store.size = raw, {}, size
        return store

    def __missing__(self, column: str) -> _Blank:
        return BLANK


class _Blank:
    """The column a table does not have: every row reads None there."""

    __slots__ = ()

    def __getitem__(self, index: int) -> None:
        return None


BLANK = _Blank()


class Row(Mapping[str, Any]):
    """One data row: column -> typed value (None when blank or unreadable).

    A column the sheet does not have also reads as None, so rules need not ask.
    A view of one index of its table's `Columns`, so a value is held once, in its
    column: at 300k members a dict and a tuple of cells per row were a third of the
    memory. `Row.at` builds one by hand.
    """

    __slots__ = ("_s", "_i", "excel_row")
    excel_row: int  # 1-based, as Excel shows it

    def __init__(self, store: Columns, index: int, excel_row: int) -> None:
        self._s = store
        self._i = index
        self.excel_row = excel_row

    @classmethod
    def at(
        cls, excel_row: int, values: dict[str, Any] | None = None, raw: dict[str, Any] | None = None
    ) -> Row:
        typed = {k: [v] for k, v in (values or {}).items()}
        store = Columns.of(typed, {k: [v] for k, v in (raw or {}).items()}, 1)
        return cls(store, 0, excel_row)

    # The hot path of every rule: one dict look-up and one list index.
    def __getitem__(self, column: str) -> Any:
        return self._s[column][self._i]

    def get(self, column: str, default: Any = None) -> Any:
        values = self._s.get(column)
        return default if values is None else values[self._i]

    def __contains__(self, column: object) -> bool:
        return column in self._s

    def __iter__(self) -> Iterator[str]:
        return iter(self._s)

    def __len__(self) -> int:
        return len(self._s)

    def __setitem__(self, column: str, value: Any) -> None:
        store = self._s
        values = store.get(column)
        if values is None:  # a column the sheet did not have (收入 from 金额 and 方向)
            store[column] = values = [None] * store.size
        else:
            shared = values is store.raw.get(column)
            if shared:  # one list with the cells as read: the column gets its own
                store[column] = values = values.copy()
        values[self._i] = value

    def __repr__(self) -> str:
        return f"Row({self.excel_row}, {dict(self)!r})"

    def cell(self, column: str) -> Any:
        """The cell in `column` as read (None when blank, or a column the sheet lacks)."""
        cells = self._s.raw.get(column)
        return None if cells is None else cells[self._i]

    @property
    def names(self) -> tuple[str, ...]:
        """The columns read from the sheet, in `cells` order."""
        return tuple(self._s.raw)

    @property
    def cells(self) -> tuple[Any, ...]:
        """The cells as read, in `names` order (None when blank)."""
        i = self._i
        return tuple([cells[i] for cells in self._s.raw.values()])

    @property
    def raw(self) -> dict[str, Any]:
        """Column -> the cell as read (None when blank)."""
        i = self._i
        return {name: cells[i] for name, cells in self._s.raw.items()}

    @property
    def values(self) -> Row:  # type: ignore[override]
        """The typed values (the row itself), for readers who prefer to say so."""
        return self

    @property
    def bad(self) -> frozenset[str]:
        """Columns whose cell could not be read."""
        return self._s.bad.get(self._i, NO_BAD)

    @bad.setter
    def bad(self, columns: frozenset[str]) -> None:
        self._s.bad[self._i] = columns

    def mark_bad(self, column: str) -> None:
        self.bad = self.bad | {column}

    def clear(self, column: str) -> None:
        """Forget a cell that cannot be trusted (typed and raw become None)."""
        self[column] = None
        cells = self._s.raw.get(column)
        if cells is not None:
            cells[self._i] = None
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
    # The rows' own Columns (typed) and its `raw`, when the rows are exactly its rows in
    # order (None when the loader skipped or added rows): whole-column rules read them.
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
        if self.raw_columns is not None and column in self.raw_columns:
            return self.raw_columns[column]
        return [r.cell(column) for r in self.rows]

    def column_values(self, column: str) -> list[Any]:
        """Every row's typed value in `column`, in row order."""
        if self.typed_columns is not None and column in self.typed_columns:
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
            value = row.cell(column) if (row is not None and column is not None) else None
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
        return cell_text(row.cell(name)) if name is not None else None

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
