"""`Policy`: the office's rules of the game, resolved once from its 设置, 慰问标准 and 词表
sheets over the built-in pack (`keys.py`, `packs.py`).

Rules, totals and reports ask the policy, never a sheet: `policy.value("纪念品上限")`,
`policy.words("八项规定")`. A value the office typed but that cannot be read is a finding
at its cell (and the default stands); a missing key takes its default. Every value
carries its source (`basis`): the office's 依据 column, else the built-in default's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from unionxl.model import values as V
from unionxl.model.findings import Finding
from unionxl.model.tables import Row, Table
from unionxl.policy import packs
from unionxl.policy.keys import KEYS, SETTING_KEYS, SettingKey, year_bounds

BASIS_COLUMN = "依据"


@dataclass(frozen=True)
class Setting:
    key: str
    value: Any  # parsed; None when unset and without default
    basis: str | None = None  # the document it stands on
    row: Row | None = None  # where the office set it (None: built-in default)
    raw: Any = None  # the cell as typed


@dataclass
class Policy:
    settings: dict[str, Setting] = field(default_factory=dict)
    # 类型 -> its 慰问标准 row, when the office keeps the sheet (None: no caps are checked)
    visit_standards: dict[str, Row] | None = None
    word_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    word_basis: dict[str, str | None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # values that could not be read
    year_override: int | None = None  # --year
    extra: dict[str, tuple[Row, Any]] = field(default_factory=dict)  # keys unionxl does not know

    # --- generic access -------------------------------------------------------------
    def value(self, key: str) -> Any:
        """The parsed value of a 设置 key (its default when unset or unreadable)."""
        setting = self.settings.get(key)
        return setting.value if setting is not None else None

    def basis(self, key: str) -> str | None:
        setting = self.settings.get(key)
        return setting.basis if setting is not None else None

    def is_set(self, key: str) -> bool:
        """The office typed a readable value for `key` (not merely a default)."""
        setting = self.settings.get(key)
        return setting is not None and setting.row is not None

    def words(self, category: str) -> tuple[str, ...]:
        return self.word_lists.get(category, ())

    # --- the keys everything needs ----------------------------------------------------
    @property
    def year(self) -> int | None:
        """The fiscal year: `--year`, else 设置's 年度."""
        return self.year_override if self.year_override is not None else self.value("年度")

    @property
    def unit_name(self) -> str:
        return self.value("单位名称") or ""

    @property
    def report_period(self) -> tuple[dt.date, dt.date] | None:
        """报告期开始 … 报告期结束, each defaulting to the 年度's first / last day."""
        start, end = self.value("报告期开始"), self.value("报告期结束")
        if self.year is not None:
            first, last = year_bounds(self.year)
            start, end = start or first, end or last
        if start is None or end is None:
            return None
        return start, end

    def visit_cap_basis(self, kind: str) -> str | None:
        row = (self.visit_standards or {}).get(kind)
        if row is None:
            return None
        text = row[BASIS_COLUMN]
        return V.clean_text(text).strip() if text else None


def build_policy(
    settings: Table | None,
    standards: Table | None,
    words: Table | None,
    *,
    year: int | None = None,
) -> Policy:
    policy = Policy(year_override=year)
    typed: dict[str, tuple[Row, Any]] = {}
    for row in settings or ():
        key = row["项目"]
        if key and key not in typed:
            typed[key] = (row, row.raw.get("值"))
    for spec in SETTING_KEYS:
        policy.settings[spec.key] = resolve(spec, typed.get(spec.key), settings, policy.findings)
    policy.extra = {k: v for k, v in typed.items() if k not in KEYS}

    if standards is not None:
        policy.visit_standards = {}
        for row in standards:
            if row["类型"] and row["类型"] not in policy.visit_standards:
                policy.visit_standards[row["类型"]] = row
    # 节日慰问每人每年上限 defaults to the 慰问标准 row named 节日慰问.
    festival = policy.settings["节日慰问每人每年上限"]
    standard = (policy.visit_standards or {}).get(packs.FESTIVAL_VISIT)
    if festival.value is None and standard is not None and standard["每人每年上限"] is not None:
        policy.settings[festival.key] = Setting(
            festival.key,
            standard["每人每年上限"],
            policy.visit_cap_basis(packs.FESTIVAL_VISIT),
        )

    office_words: dict[str, list[str]] = {}
    office_basis: dict[str, str | None] = {}
    for row in words or ():
        category, word = row["类别"], row["词"]
        if category and word:
            office_words.setdefault(category, []).append(word)
            office_basis.setdefault(category, row[BASIS_COLUMN] or None)
    for builtin in packs.WORD_LISTS:
        policy.word_lists[builtin.category] = tuple(builtin.words)
        policy.word_basis[builtin.category] = builtin.basis
    for category, listed in office_words.items():  # the office's rows replace the built-in
        policy.word_lists[category] = tuple(dict.fromkeys(listed))
        policy.word_basis[category] = office_basis.get(category)
    return policy


def resolve(
    spec: SettingKey,
    typed: tuple[Row, Any] | None,
    table: Table | None,
    findings: list[Finding],
) -> Setting:
    default = Setting(spec.key, spec.default, spec.basis if spec.default is not None else None)
    if typed is None:
        return default
    row, raw = typed
    if V.is_blank(raw):
        return default
    try:
        value = spec.parse(raw)
    except V.BadValue:
        if table is not None:
            findings.append(
                table.finding(
                    row,
                    "值",
                    "settings.value",
                    f"设置“{spec.key}”的值“{V.clean_text(raw)}”应为{spec.expected}"
                    + (f"（本次按默认值 {spec.default_text}）" if spec.default is not None else ""),
                )
            )
        return default
    basis = row[BASIS_COLUMN]
    return Setting(spec.key, value, V.clean_text(basis).strip() if basis else None, row, raw)
