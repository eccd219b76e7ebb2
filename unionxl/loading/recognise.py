"""Finding tables in the office's own layout (台账格式 §1b).

- Header text -> (the name to match, a unit): line breaks, spaces and `*` removed, a
  parenthesised hint or value list after the name dropped (`审查结果（立案、不予立案）`),
  a unit kept so the loader can honour it (`（元）` as is, `（万元）` ×10,000, others refused).
- A sheet whose name matches no table is matched by its header row: the table whose
  required columns are all there and which holds the most of its columns wins.

Only sheets whose name matches no table come here, so a folder laid out the standard
way pays nothing for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from unionxl.model import values as V
from unionxl.model.schema import TABLES, TableSpec

HEADER_SEARCH_ROWS = 10
# Money units a header may carry: the factor to yuan. Other units are refused (never
# stripped silently: an amount in 千元 read as 元 would be wrong by a thousand).
MONEY_UNITS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000)}
OTHER_UNITS = frozenset(
    ("千元", "百元", "十万元", "百万元", "亿元", "角", "分", "美元", "港元", "港币", "欧元")
)
_SPACES = re.compile(r"[\s\u3000]+")
_TRAILING_NOTE = re.compile(r"^(.+?)[（(【\[]([^（）()【】\[\]]*)[）)】\]]$")


def header_key(text: Any) -> tuple[str, str | None]:
    """`" 慰问金额\n（元）*"` -> ("慰问金额", "元"); `审查结果（立案、撤回）` -> ("审查结果", None)."""
    key = _SPACES.sub("", V.clean_text(text)).strip("*＊")
    unit = None
    m = _TRAILING_NOTE.match(key)
    if m:
        inner = m[2].removeprefix("单位：").removeprefix("单位:")
        if inner in MONEY_UNITS or inner in OTHER_UNITS:
            unit = inner
        key = m[1].strip("*＊")
    return key, unit


def missing_required(spec: TableSpec, present: Any) -> list[str]:
    """Required columns of `spec` not in `present` (台账格式 §1b: where 工号 names a member,
    a 身份证号 column serves instead, or 姓名 when it is unique in the roster; the roster
    itself may lack 工号 when it has 身份证号)."""
    missing = [c.name for c in spec.required if c.name not in present]
    if "工号" in missing:
        if spec.name == "会员":
            if "身份证号" in present:
                missing.remove("工号")
        elif "姓名" in present:
            missing.remove("工号")
    return missing


def name_key(text: Any) -> str:
    return header_key(text)[0]


@dataclass(frozen=True)
class Guess:
    """What a sheet's header row looks like to one table."""

    spec: TableSpec
    header_index: int  # 0-based row of the header
    matched: tuple[str, ...]  # canonical columns found
    missing: tuple[str, ...]  # required columns not found

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def score(self) -> float:
        """Share of the table's columns present, required ones counted twice."""
        total = sum(2 if c.required else 1 for c in self.spec.columns)
        got = sum(2 if c.required else 1 for c in self.spec.columns if c.name in self.matched)
        return got / total


_LOOKUPS: dict[str, dict[str, str]] = {
    t.name: {name_key(n): c.name for c in t.columns for n in c.names} for t in TABLES
}


def guess_tables(rows: list[list[Any]]) -> list[Guess]:
    """Every table the sheet's header (in its first 10 rows) could be, best first.

    A guess needs at least two of the table's columns on one row; complete guesses
    (every required column there) come before incomplete ones.
    """
    keys = [[name_key(c) for c in row if c not in ("", None)] for row in rows[:HEADER_SEARCH_ROWS]]
    guesses = []
    for spec in TABLES:
        lookup = _LOOKUPS[spec.name]
        best: Guess | None = None
        for r, row in enumerate(keys):
            matched = tuple(dict.fromkeys(lookup[k] for k in row if k in lookup))
            if len(matched) < 2:
                continue
            missing = tuple(missing_required(spec, matched))
            guess = Guess(spec, r, matched, missing)
            if best is None or (guess.complete, guess.score) > (best.complete, best.score):
                best = guess
        if best is not None:
            guesses.append(best)
    guesses.sort(key=lambda g: (not g.complete, -g.score, -len(g.matched)))
    return guesses


def header_preview(rows: list[list[Any]], limit: int = 6) -> str:
    """The first non-blank row's first cells, for a message: 序号、姓名、部门…"""
    for row in rows[:HEADER_SEARCH_ROWS]:
        cells = [name_key(c) for c in row if c not in ("", None)]
        if len(cells) >= 2:
            shown = "、".join(cells[:limit])
            return shown + ("…" if len(cells) > limit else "")
    return ""


def close_table(sheet_name: str) -> TableSpec | None:
    """A table whose name is one typo away from `sheet_name` (会圆名册, 收支明系)."""
    key = name_key(sheet_name)
    if len(key) < 2:
        return None
    for spec in TABLES:
        for name in spec.names:
            if len(name) >= 2 and _one_edit(key, name):
                return spec
    return None


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))
