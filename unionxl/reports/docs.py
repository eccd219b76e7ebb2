"""templates/README.md, generated from `variables.py` and the built-in templates.

    python -m unionxl.reports.docs          # rewrite templates/README.md

A test compares the committed README with `readme_text()`, so the documentation of
the variables cannot drift from what the code supplies and the templates use.
"""

from __future__ import annotations

import sys
from pathlib import Path

from unionxl.reports import variables as V
from unionxl.reports.doctor import examine
from unionxl.reports.make import BUILTIN, NEEDS, docx_files

README = Path(__file__).resolve().parents[2] / "templates" / "README.md"

INTRO = """\
# 报告模板与变量

<!-- 本文件由 `python -m unionxl.reports.docs` 根据代码生成，请勿手改。 -->

`unionxl report 台账文件夹 --out 报告文件夹` 用这里的 Word 模板生成报告，每个模板一份 `.docx`
（加 `--pdf` 同时生成 PDF，需要安装 LibreOffice）。本文件夹的模板与程序内置的
`unionxl/templates/` 完全相同。

## 修改模板

1. 把要改的模板复制到自己的文件夹（如 `我的模板/捐款公示.docx`），在 Word 或 WPS 中修改文字、
   格式。文件名不变即替换同名的内置模板；新文件名则多生成一份报告，可使用下面所有变量。
2. 检查：`unionxl report --check-templates --templates 我的模板`，每个有问题的标签都会连同
   所在段落的文字列出。
3. 生成：`unionxl report 台账 --out 报告 --templates 我的模板`（生成前也会自动检查）。

## 标签写法

- `{{ 变量 }}` 填入一个值，如 `{{ 单位名称 }}`；列表中每一项的字段用半角点：`{{ 行.金额 }}`。
- `{%p for 项 in 列表 %}` … `{%p endfor %}`：各占一段，中间的段落每项重复一次；
  `{%p if 条件 %}` … `{%p else %}` … `{%p endif %}` 同理。
- 表格：在一行的第一个单元格写 `{%tr for 行 in 列表 %}`，下一行写字段，再下一行写
  `{%tr endfor %}`；这两行在生成的文档中会消失。
- 段内条件：`{% if 活动.期间 %}{{ 活动.期间 }}，{% endif %}`。
- 过滤器 `大写`：`{{ 活动.到账金额|大写 }}` 把金额写成人民币大写（模板中自己写“人民币”）。
- 一个标签要一次输入完；标签里用半角符号。Word 的修订或拼写检查标记可能把 `{` 和 `{`
  拆开，此时删掉整个标签，关闭修订后重新输入，再运行 `--check-templates`。

## 说明

- 下表中 `捐款活动[].名称` 指列表中每一项的“名称”：在 `{%p for 活动 in 捐款活动 %}` 之内
  写作 `{{ 活动.名称 }}`；`收入合计.预算数` 是一条记录中的一项，直接写 `{{ 收入合计.预算数 }}`。
- 金额都已写成文字，带千位分隔符和两位小数（`117,228.00`）；大写不带“人民币”。
- 没有预算/收支明细、捐款、慰问登记时，对应的内置报告不生成（会说明跳过的原因）。
- “设置”表中可以另加：`联系人`、`联系电话`（捐款公示的异议联系方式，未填时为空格线）、
  `公示天数`（默认 5）。
- 数据校验有错误时不生成报告；加 `--force` 仍生成，页脚注明“数据校验存在 N 个错误，
  本报告仅供核对”（变量 `校验提示`）。
- 捐款公示的个人名单只在加 `--named` 时出现，只有姓名和金额，从不含身份证号、手机。
"""


def readme_text() -> str:
    parts = [INTRO, "## 内置模板\n"]
    for path in docx_files(BUILTIN):
        info = examine(path)
        used = [name for name in V.VARIABLES if name in info.variables]
        parts.append(f"### {path.name}\n")
        keys, reason = NEEDS.get(path.stem, ((), ""))
        if keys:
            parts.append(f"{reason}时不生成。\n")
        parts.append("用到的变量：" + "、".join(f"`{name}`" for name in used) + "\n")
    parts.append("## 全部变量\n")
    for section in V.SECTIONS:
        parts.append(f"### {section.name}\n\n{section.doc}。\n")
        parts.append("| 变量 | 类型 | 说明 | 示例 |\n|---|---|---|---|")
        for var in section.variables:
            parts.extend(rows(var, var.name))
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def rows(var: V.Var, path: str) -> list[str]:
    example = (
        "" if var.kind in (V.LIST, V.RECORD) else f"`{var.example}`" if var.example != "" else ""
    )
    lines = [f"| `{path}` | {var.kind} | {var.doc} | {example} |"]
    for field in var.fields:
        child = f"{path}[].{field.name}" if var.kind == V.LIST else f"{path}.{field.name}"
        lines.extend(rows(field, child))
    return lines


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else README
    target.write_text(readme_text(), encoding="utf-8")
    print(f"已写入 {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
