"""What reading gives: each sheet's values at their Excel positions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from unionxl.model.findings import Finding

HEAD_ROWS = 10  # where a header is looked for (台账格式 §1)


class RowSource(Protocol):
    """A parsed sheet that hands out its rows one by one (python-calamine's sheet)."""

    def iter_rows(self) -> Iterator[list[Any]]: ...


class RawSheet:
    """One sheet's cells: `rows[0][0]` is A1, '' for empty (rows may differ in length).

    A big sheet comes as a `source` instead (its cells still in calamine's compact
    form): the loader walks its rows a chunk at a time (`iter_rows`), so the sheet never
    exists as millions of Python lists at once — at 300,000 members that is 770 MiB
    for the 慰问登记 alone. `rows` builds the lists only if something asks for all of them.
    """

    def __init__(
        self,
        name: str,
        rows: list[list[Any]] | None = None,
        hidden: bool = False,
        bad_cells: dict[tuple[int, int], str | None] | None = None,
        *,
        source: RowSource | None = None,
    ) -> None:
        assert (rows is None) != (source is None), "rows or a source, not both"
        self.name = name
        self._rows = rows
        self.source = source
        self.hidden = hidden
        # (0-based row, 0-based col) -> None for "formula without cached value",
        # or the error text ('#DIV/0!') for a cell holding an error value.
        self.bad_cells: dict[tuple[int, int], str | None] = bad_cells or {}
        self.findings: list[Finding] = []  # what reading noticed
        self._head: list[list[Any]] | None = None

    @property
    def rows(self) -> list[list[Any]]:
        if self._rows is None:
            assert self.source is not None
            self._rows = list(self.source.iter_rows())
            self.source = None
        return self._rows

    @property
    def head(self) -> list[list[Any]]:
        """The first HEAD_ROWS rows (the header is among them), without building the rest."""
        if self._rows is not None:
            return self._rows[:HEAD_ROWS]
        if self._head is None:
            assert self.source is not None
            self._head = list(islice(self.source.iter_rows(), HEAD_ROWS))
        return self._head

    def iter_rows(self) -> Iterator[list[Any]]:
        """Every row, in order, each built only as it is asked for."""
        if self._rows is not None:
            return iter(self._rows)
        assert self.source is not None
        return self.source.iter_rows()


@dataclass
class RawWorkbook:
    path: Path
    sheets: list[RawSheet]
    findings: list[Finding] = field(default_factory=list)  # of the workbook and its sheets
