"""The office-folder format page (docs/台账格式.md), for clerks, in Chinese.

The page is prose written by hand plus blocks generated from the code that decides —
the schema (tables, columns, aliases, lists), the rule catalog and the policy table —
between markers `<!-- 生成:NAME -->` … `<!-- /生成 -->`. `make docs` (this module)
rewrites the blocks; a test fails when the page has drifted from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from unionxl.checks.catalog import RULES
from unionxl.model.schema import TABLES, Column, TableSpec
from unionxl.outputs.blank import KIND_TEXT, column_notes
from unionxl.policy import packs
from unionxl.policy.keys import SETTING_KEYS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "台账格式.md"
BLOCK = re.compile(r"(<!-- 生成:(\w+) -->\n)(.*?)(<!-- /生成 -->)", re.S)
SEVERITY = {"error": "错误", "warning": "警告"}


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_block(spec: TableSpec) -> list[str]:
    names = "、".join(f"`{n}`" for n in spec.names)
    out = [f"### {spec.name}", "", f"{spec.description}。工作表名：{names}。", ""]
    out += ["| 列 | 必填 | 填写说明 |", "|---|---|---|"]
    for column in spec.columns:
        out.append(
            f"| {column_name(column)} | {'是' if column.required else ''} | {cell(column_notes(spec, column))} |"
        )
    return [*out, ""]


def column_name(column: Column) -> str:
    return f"`{column.name}`"


def tables() -> list[str]:
    out: list[str] = []
    for spec in TABLES:
        out += table_block(spec)
    return out


def kinds() -> list[str]:
    out = ["| 类型 | 怎样填写 |", "|---|---|"]
    out += [f"| {kind.value} | {text} |" for kind, text in KIND_TEXT.items()]
    return [*out, ""]


def rules() -> list[str]:
    out = ["| 代码 | 表 | 级别 | 规则 | 提示示例 |", "|---|---|---|---|---|"]
    for r in RULES:
        out.append(
            f"| `{r.code}` | {r.table or '任意表'} | {SEVERITY[r.severity]} | {r.name} | {cell(r.example)} |"
        )
    return [*out, ""]


def settings() -> list[str]:
    out = ["| 项目 | 含义 | 不填时 | 依据（默认值的出处） | 用于 |", "|---|---|---|---|---|"]
    for key in SETTING_KEYS:
        out.append(
            f"| `{key.key}` | {cell(key.meaning)}；应填{cell(key.expected)} | {key.default_text} "
            f"| {cell(key.basis or '')} | {key.used_by} |"
        )
    return [*out, ""]


def caps() -> list[str]:
    out = ["| 类型 | 每次上限（元） | 每人每年上限（元） | 对象 | 依据 |", "|---|---|---|---|---|"]
    for c in packs.VISIT_CAPS:
        out.append(
            f"| {c.type} | {c.per_visit or ''} | {c.per_year or ''} | {c.target} | {c.basis} |"
        )
    return [*out, ""]


def words() -> list[str]:
    out = ["| 类别 | 内置词 | 含义 | 依据 |", "|---|---|---|---|"]
    for w in packs.WORD_LISTS:
        out.append(f"| {w.category} | {'、'.join(w.words)} | {cell(w.meaning)} | {cell(w.basis)} |")
    return [*out, ""]


def chart() -> list[str]:
    out = ["| 科目 | 类别 | 上级科目 |", "|---|---|---|"]
    out += [f"| {n} | {k} | {p or ''} |" for n, k, p in packs.BUILTIN_ACCOUNTS]
    return [*out, ""]


BLOCKS = {
    "表": tables,
    "类型": kinds,
    "规则": rules,
    "设置": settings,
    "慰问标准": caps,
    "词表": words,
    "科目": chart,
}


def render(text: str) -> str:
    """`text` with every generated block written anew."""

    def replace(match: re.Match[str]) -> str:
        make = BLOCKS.get(match.group(2))
        if make is None:
            return match.group(0)
        return match.group(1) + "\n".join(make()) + "\n" + match.group(4)

    return BLOCK.sub(replace, text)


def main() -> int:
    text = PAGE.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        PAGE.write_text(new, encoding="utf-8")
        print(f"已更新 {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
