"""What reading gives: each sheet's values at their Excel positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionxl.model.findings import Finding


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]  # rows[0][0] is cell A1; '' for empty (rows may differ in length)
    hidden: bool = False
    # (0-based row, 0-based col) -> None for "formula without cached value",
    # or the error text ('#DIV/0!') for a cell holding an error value.
    bad_cells: dict[tuple[int, int], str | None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # what reading noticed


@dataclass
class RawWorkbook:
    path: Path
    sheets: list[RawSheet]
    findings: list[Finding] = field(default_factory=list)  # of the workbook and its sheets
