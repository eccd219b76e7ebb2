"""Registers that name a member without a 工号 (台账格式 §1b).

Small unions keep 慰问 or 捐款 lists by 身份证号 or only by name. Each row of a table whose
sheet has no 工号 column gets the member's key from the roster: by 身份证号 when the
register has one, else by 姓名 (and 部门, when both sheets keep it) when that names exactly
one member. An ambiguous or unknown name is a finding at the 姓名 cell. The roster itself
may lack 工号 when it has 身份证号: its key is then the 身份证号.

Runs only for sheets without a 工号 column: a standard folder pays nothing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from unionxl.loading.recognise import name_key
from unionxl.model.findings import ERROR
from unionxl.model.schema import MEMBERS
from unionxl.model.tables import Row, Table

IDCARD_HEADERS = frozenset(name_key(n) for n in MEMBERS.column("身份证号").names)


def idcards_of(table: Table) -> dict[int, Any] | None:
    """Excel row -> 身份证号 of a register that keeps one (as a column the table has or
    an extra column the sheet has)."""
    for header, cells in table.extra_columns.items():
        if name_key(header) in IDCARD_HEADERS:
            return {r: str(v).strip().upper() for r, v in cells.items() if v}
    return None


def match_members(tables: dict[str, Table]) -> None:
    roster = tables.get("会员")
    registers = [
        t
        for name, t in tables.items()
        if name != "会员" and not t.has("工号") and any(c.name == "工号" for c in t.spec.columns)
    ]
    if roster is None or not registers:
        return
    key_column = "工号" if roster.has("工号") or not roster.has("身份证号") else "身份证号"
    by_id: dict[str, str] = {}
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in roster:
        key = row[key_column]
        if not key:
            continue
        if row["身份证号"]:
            by_id.setdefault(row["身份证号"], key)
        if row["姓名"]:
            by_name[row["姓名"]].append(row)
    for table in registers:
        required = any(c.name == "工号" and c.required for c in table.spec.columns)
        idcards = idcards_of(table)
        for row in table:
            number = idcards.get(row.excel_row) if idcards is not None else None
            if number:
                key = by_id.get(number)
                if key is None:
                    table.load_findings.append(
                        table.finding(
                            row,
                            "姓名",
                            "member.match.unknown",
                            f"“{row['姓名'] or ''}”的身份证号不在会员名册中，请核对",
                        )
                    )
                else:
                    row["工号"] = key
                continue
            name = row["姓名"]
            if not name:
                continue
            found = by_name.get(name, [])
            if len(found) > 1 and table.has("部门") and row["部门"]:
                found = [m for m in found if m["部门"] == row["部门"]]
            if len(found) == 1:
                row["工号"] = found[0][key_column]
            elif found:
                places = "、".join(f"第 {m.excel_row} 行" for m in found[:5])
                table.load_findings.append(
                    table.finding(
                        row,
                        "姓名",
                        "member.match.ambiguous",
                        f"会员名册中有 {len(found)} 个“{name}”（{places}），这张表没有工号，"
                        "无法确定是哪一位：请加一列工号或身份证号",
                        severity=ERROR,
                    )
                )
            elif required:
                table.load_findings.append(
                    table.finding(
                        row, "姓名", "member.match.unknown", f"“{name}”不在会员名册中，请核对姓名"
                    )
                )
