"""`Office`: an office folder loaded once, to check, total and report from the same tables."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unionxl.loading.folder import gc_paused, load_folder
from unionxl.model import values as V
from unionxl.model.findings import Finding
from unionxl.model.schema import BUILTIN_ACCOUNTS
from unionxl.model.tables import Row, Table

if TYPE_CHECKING:
    from unionxl.checks.run import CheckReport
    from unionxl.figures.model import Totals


@dataclass(frozen=True)
class Account:
    name: str
    kind: str  # 收入 / 支出
    parent: str | None = None


class Office:
    """The office's tables, read once. Build it with `unionxl.load(folder)`."""

    def __init__(self, folder: str | Path, *, year: int | None = None) -> None:
        loaded = load_folder(Path(folder))
        self.folder: Path = loaded.folder
        self.tables: dict[str, Table] = loaded.tables
        self.files: list[str] = loaded.files
        self.load_findings: list[Finding] = loaded.findings
        self.unreadable: list[str] = loaded.unreadable
        self._year = year
        self._check: CheckReport | None = None
        self._totals: Totals | None = None

    # --- tables -----------------------------------------------------------------
    def table(self, name: str) -> Table | None:
        """The table called `name` (SPEC §2), or None when the office does not keep it."""
        return self.tables.get(name)

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables.values())

    # --- settings (设置) ----------------------------------------------------------
    @cached_property
    def settings(self) -> dict[str, tuple[Row, Any]]:
        """项目 -> (row, raw 值) from the 设置 sheet."""
        table = self.table("设置")
        result: dict[str, tuple[Row, Any]] = {}
        if table is None:
            return result
        for row in table:
            key = row["项目"]
            if key and key not in result:
                result[key] = (row, row.raw.get("值"))
        return result

    def setting(self, key: str, parse: Any = None) -> Any:
        """A setting's value parsed with `parse` (None when absent or unreadable)."""
        if key not in self.settings:
            return None
        raw = self.settings[key][1]
        if V.is_blank(raw):
            return None
        try:
            return parse(raw) if parse else V.clean_text(raw).strip()
        except V.BadValue:
            return None

    @property
    def year(self) -> int | None:
        """The fiscal year: `--year`, else 设置's 年度."""
        if self._year is not None:
            return self._year
        return self.setting("年度", V.parse_int)

    @property
    def unit_name(self) -> str:
        return self.setting("单位名称") or ""

    @property
    def opening_balance(self) -> Decimal | None:
        return self.setting("上年结余", V.parse_money)

    @property
    def min_seconders(self) -> int:
        value = self.setting("提案附议最少人数", V.parse_int)
        return 2 if value is None else value

    # --- shared look-ups ------------------------------------------------------------
    @cached_property
    def members(self) -> dict[str, Row]:
        """工号 -> the member's first row in 会员."""
        table = self.table("会员")
        result: dict[str, Row] = {}
        if table is not None:
            for row in table:
                key = row["工号"]
                if key and key not in result:
                    result[key] = row
        return result

    @cached_property
    def accounts(self) -> dict[str, Account]:
        """The chart of accounts: the office's 科目 sheet, else the built-in chart."""
        table = self.table("科目")
        if table is None or not table.rows:
            return {n: Account(n, k, p) for n, k, p in BUILTIN_ACCOUNTS}
        result: dict[str, Account] = {}
        for row in table:
            name, kind = row["科目"], row["类别"]
            if name and kind and name not in result:
                result[name] = Account(name, kind, row["上级科目"])
        return result

    # --- what the office wants -------------------------------------------------------
    def check(self) -> CheckReport:
        """Every finding (computed once: the tables do not change after loading)."""
        from unionxl.checks.run import check_office

        if self._check is None:
            with gc_paused():
                self._check = check_office(self)
        return self._check

    def totals(self) -> Totals:
        """Every figure the office reports (computed once, like `check`)."""
        from unionxl.figures.compute import compute_totals

        if self._totals is None:
            with gc_paused():
                self._totals = compute_totals(self)
        return self._totals


def load(folder: str | Path, *, year: int | None = None) -> Office:
    """Read an office folder once (raises UnionxlError when the folder cannot be read)."""
    return Office(folder, year=year)
