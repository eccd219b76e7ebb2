"""提案 rules (台账格式 §3)."""

from __future__ import annotations

from collections.abc import Iterator

from unionxl.checks.rules.helpers import repeats
from unionxl.data.office_data import OfficeData
from unionxl.model.findings import WARNING, Finding


def check(office: OfficeData) -> Iterator[Finding]:
    table = office.table("提案")
    if table is None:
        return
    minimum = office.min_seconders
    yield from repeats(
        table,
        "编号",
        "proposal.id.duplicate",
        lambda r, first: f"提案编号 {r['编号']} 重复，与第 {first} 行相同",
        column="编号",
    )
    for row in table:
        filed = row["审查结果"] == "立案"
        if filed and row.is_empty("承办部门"):
            yield table.finding(
                row, "承办部门", "proposal.filed.department", "立案的提案必须填写承办部门"
            )
        if row["答复日期"] and row.is_empty("满意度"):
            yield table.finding(
                row,
                "满意度",
                "proposal.reply.satisfaction",
                "已答复的提案请填写提案人的满意度（满意、基本满意、不满意）",
                severity=WARNING,
            )
        seconders = row["附议人数"]
        if filed and seconders is not None and seconders < minimum:
            yield table.finding(
                row,
                "附议人数",
                "proposal.seconders",
                f"立案提案的附议人数为 {seconders}，少于规定的 {minimum} 人",
                severity=WARNING,
            )
