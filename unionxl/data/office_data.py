"""`OfficeData`: the loaded office — its tables, its policy, the roster and the chart of
accounts — as a plain object. It never touches a file: `unionxl.loading` builds it from
a folder of workbooks or from rows in memory, and the rules and totals take it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from unionxl.model.findings import Finding
from unionxl.model.tables import Row, Table
from unionxl.policy.packs import BUILTIN_ACCOUNTS
from unionxl.policy.policy import Policy, build_policy


@dataclass(frozen=True)
class Account:
    name: str
    kind: str  # 收入 / 支出
    parent: str | None = None


@dataclass
class OfficeData:
    folder: Path
    tables: dict[str, Table] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # workbooks read, relative paths
    load_findings: list[Finding] = field(default_factory=list)  # file and table level
    unreadable: list[str] = field(default_factory=list)  # one line per workbook not read
    year_override: int | None = None  # --year
    # Which sheet was read as which table: {"file", "sheet", "table", "how"} with how
    # "name" (its sheet name), "content" (its header row) or "mapping" (字段对照).
    sheets: list[dict[str, Any]] = field(default_factory=list)
    # Sheets not used and why: {"file", "sheet", "reason"}.
    unused: list[dict[str, Any]] = field(default_factory=list)
    # Set when the folder's workbooks hold no table unionxl recognises: the one line
    # `check` says before exiting 2.
    no_tables: str | None = None

    # --- tables -----------------------------------------------------------------------
    def table(self, name: str) -> Table | None:
        """The table called `name` (台账格式 §2), or None when the office does not keep it."""
        return self.tables.get(name)

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables.values())

    # --- policy (设置, 慰问标准, 词表) ------------------------------------------------------
    @cached_property
    def policy(self) -> Policy:
        return build_policy(
            self.table("设置"), self.table("慰问标准"), self.table("词表"), year=self.year_override
        )

    @property
    def year(self) -> int | None:
        return self.policy.year

    @property
    def unit_name(self) -> str:
        return self.policy.unit_name

    @property
    def opening_balance(self) -> Decimal | None:
        return self.policy.value("上年结余")

    @property
    def min_seconders(self) -> int:
        return self.policy.value("提案附议最少人数")

    # --- shared look-ups ----------------------------------------------------------------
    @cached_property
    def members(self) -> dict[str, Row]:
        """工号 -> the member's first row in 会员 (身份证号 -> row when the roster keeps no
        工号, 台账格式 §1b; registers are then matched by the loader on that key)."""
        table = self.table("会员")
        result: dict[str, Row] = {}
        if table is not None:
            column = "工号" if table.has("工号") or not table.has("身份证号") else "身份证号"
            for key, row in zip(table.column_values(column), table.rows):
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
