"""The façade: `unionxl.load(folder)` reads an office folder once and offers check,
totals and report over the same tables. Everything below it takes the plain loaded
office (`OfficeData`) and never imports this module.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unionxl.data.office_data import Account, OfficeData
from unionxl.loading.folder import gc_paused, load_folder
from unionxl.model.errors import UnionxlError
from unionxl.model.findings import Finding
from unionxl.model.tables import Row, Table
from unionxl.policy.policy import Policy

if TYPE_CHECKING:
    from unionxl.checks.run import CheckReport
    from unionxl.figures.model import Totals
    from unionxl.reading.folder_reader import FolderReader
    from unionxl.reports.make import ReportResult

__all__ = ["Account", "Office", "load"]


class Office:
    """An office folder, read once. Build it with `unionxl.load(folder)`."""

    def __init__(self, data: OfficeData) -> None:
        self.data = data
        self._check: CheckReport | None = None
        self._totals: Totals | None = None

    @classmethod
    def from_folder(
        cls, folder: str | Path, *, year: int | None = None, reader: FolderReader | None = None
    ) -> Office:
        return cls(load_folder(folder, year=year, reader=reader))

    # --- what the office holds (read-only views of the data) ---------------------------
    @property
    def folder(self) -> Path:
        return self.data.folder

    @property
    def tables(self) -> dict[str, Table]:
        return self.data.tables

    @property
    def files(self) -> list[str]:
        return self.data.files

    @property
    def load_findings(self) -> list[Finding]:
        return self.data.load_findings

    @property
    def unreadable(self) -> list[str]:
        return self.data.unreadable

    @property
    def policy(self) -> Policy:
        return self.data.policy

    def table(self, name: str) -> Table | None:
        """The table called `name` (台账格式 §2), or None when the office does not keep it."""
        return self.data.table(name)

    @property
    def row_count(self) -> int:
        return self.data.row_count

    @property
    def year(self) -> int | None:
        return self.data.year

    @property
    def unit_name(self) -> str:
        return self.data.unit_name

    @property
    def opening_balance(self) -> Decimal | None:
        return self.data.opening_balance

    @property
    def min_seconders(self) -> int:
        return self.data.min_seconders

    @property
    def members(self) -> dict[str, Row]:
        return self.data.members

    @property
    def accounts(self) -> dict[str, Account]:
        return self.data.accounts

    # --- what the office wants -------------------------------------------------------
    def check(self) -> CheckReport:
        """Every finding (computed once: the tables do not change after loading)."""
        if self._check is None:
            with gc_paused():
                from unionxl.checks.run import check_office  # only what check needs

                self._check = check_office(self.data)
        return self._check

    def totals(self) -> Totals:
        """Every figure the office reports (computed once, like `check`)."""
        if self._totals is None:
            with gc_paused():
                from unionxl.figures.compute import compute_totals  # only what totals needs

                self._totals = compute_totals(self.data)
        return self._totals

    def report(
        self, out: str | Path, *, previous: str | Path | Office | None = None, **options: Any
    ) -> ReportResult:
        """Fill the Word templates into `out` (options as `unionxl.reports.make_reports`:
        `date=` the 成文日期, `named=`, `force=`, …). `previous`: last year's office (its
        folder, or an Office), whose 决算 the 决算报告 shows beside this year's."""
        from unionxl.reports.make import make_reports

        last_year = None
        if previous is not None:
            office = previous if isinstance(previous, Office) else load(previous)
            if office.folder.resolve() == self.folder.resolve():
                raise UnionxlError("--previous 给的是本年的台账文件夹：请给出上一年度的台账文件夹")
            last_year = office.totals()
        return make_reports(
            self.check(),
            self.totals(),
            self.policy,
            out,
            previous=last_year,
            data=self.data,
            **options,
        )


def load(
    folder: str | Path, *, year: int | None = None, reader: FolderReader | None = None
) -> Office:
    """Read an office folder once (raises UnionxlError when it cannot be read).
    `reader`: an open FolderReader of `folder`, already reading its workbooks."""
    return Office.from_folder(folder, year=year, reader=reader)
