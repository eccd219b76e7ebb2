"""`unionxl new FOLDER`: blank office workbooks laid out as the schema says (台账格式 §2).

Everything comes from `schema.py`: sheet names, headers (required ones marked `*`, which
the loader ignores), column kinds and lists. Each column gets what keeps a clerk's input
readable by `unionxl check`:

- lists (状态, 性别, 类别, …): a dropdown that refuses anything else (Excel's "stop");
- lists kept in another sheet of the same workbook (部门, 科目, 活动, 慰问类型) and
  慰问登记.形式: a dropdown that warns but lets a new value through, because the
  check reports it better than a refusal would;
- 工号, 身份证号, 手机, 编号, 凭证号, 编码: text cells ('@'), so Excel cannot turn
  '0101' into 101 or an ID number into 3.50902E+17;
- dates: date format and a date validation; money: '#,##0.00' and a decimal ≥ 0 validation;
- a bold, frozen header with filters; widths; a 说明 sheet per workbook.

`设置` is pre-filled with its keys, `科目` with the built-in chart, `慰问标准` with the
Fujian 2018 caps (闽工〔2018〕158号): data the office edits, never code. Existing files
are never overwritten: an office workbook holds the office's data.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unionxl.model.errors import UnionxlError
from unionxl.model.findings import column_letter
from unionxl.model.schema import BY_NAME, MUTUAL_AID_PLANS, Column, Kind, TableSpec
from unionxl.outputs.atomic import write_atomically
from unionxl.policy import packs
from unionxl.policy.keys import SETTING_KEYS

# Workbook -> the tables it holds (every table of the schema exactly once).
WORKBOOKS: dict[str, tuple[str, ...]] = {
    "经费.xlsx": ("设置", "词表", "科目", "预算", "收支明细"),
    "会员名册.xlsx": ("部门", "会员"),
    "捐款.xlsx": ("捐款活动", "捐款明细"),
    "慰问.xlsx": ("慰问标准", "慰问登记"),
    "提案.xlsx": ("提案",),
    "获奖.xlsx": ("获奖",),
    # part two (台账格式 §2b)
    "活动.xlsx": ("活动", "活动参与"),
    "离退休走访.xlsx": ("走访",),
    "医疗互助.xlsx": ("医疗互助参保", "医疗互助理赔"),
    "会费.xlsx": ("会费",),
    "代表.xlsx": ("代表",),
}
NOTES_SHEET = "说明"
LAST_ROW = 1_048_575  # 0-based last row of a sheet: validations cover the whole column
LIST_ROWS = 2000  # rows of a list kept in another sheet that a dropdown offers

UNIT_PLACEHOLDER = "（请填写单位名称）"

FUND_SOURCES = ("工会经费", "行政经费", "上级补助")
FORBIDDEN_FOR_FESTIVALS = packs.WORDS["节日禁止形式"].words
ALLOWED_FORMS = tuple(f for f in packs.VISIT_FORMS if f not in FORBIDDEN_FOR_FESTIVALS)

# (table, column) -> (table, column) whose values a dropdown offers (same workbook).
LISTS_FROM: dict[tuple[str, str], tuple[str, str]] = {
    ("会员", "部门"): ("部门", "部门"),
    ("科目", "上级科目"): ("科目", "科目"),
    ("预算", "科目"): ("科目", "科目"),
    ("收支明细", "科目"): ("科目", "科目"),
    ("捐款明细", "活动"): ("捐款活动", "活动"),
    ("慰问登记", "类型"): ("慰问标准", "类型"),
    ("活动参与", "活动编号"): ("活动", "编号"),
}
# Free-text columns with suggested values (warn, do not refuse).
SUGGESTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    # only the forms every kind allows (festival gifts may not be cash or cards)
    ("慰问登记", "形式"): ALLOWED_FORMS,
    ("设置", "项目"): tuple(k.key for k in SETTING_KEYS),
    ("词表", "类别"): tuple(w.category for w in packs.WORD_LISTS),
    ("医疗互助参保", "计划"): MUTUAL_AID_PLANS,
    ("医疗互助理赔", "计划"): MUTUAL_AID_PLANS,
    ("慰问登记", "资金来源"): FUND_SOURCES,
    ("走访", "资金来源"): FUND_SOURCES,
}

KIND_TEXT = {
    Kind.TEXT: "文字",
    Kind.KEY: "文字（前后不要留空格）",
    Kind.CODE: "编号，按文本录入（保留前导 0）",
    Kind.IDCARD: "身份证号，按文本录入",
    Kind.PHONE: "手机号",
    Kind.DATE: "日期，如 2023-07-11",
    Kind.MONEY: "金额（元），最多两位小数，不能为负数",
    Kind.INT: "整数",
    Kind.CHOICE: "从下拉列表中选择",
    Kind.MONTH: "月份，如 2023-01 或 2023年1月",
}
WIDTHS = {
    Kind.TEXT: 30,
    Kind.KEY: 16,
    Kind.CODE: 12,
    Kind.IDCARD: 22,
    Kind.PHONE: 14,
    Kind.DATE: 12,
    Kind.MONEY: 14,
    Kind.INT: 10,
    Kind.CHOICE: 12,
    Kind.MONTH: 10,
}
TEXT_KINDS = (Kind.CODE, Kind.IDCARD, Kind.PHONE)


def create_office(
    folder: str | Path,
    *,
    year: int | None = None,
    unit: str | None = None,
) -> list[Path]:
    """Write the blank workbooks into `folder` (created if missing); return their paths."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UnionxlError(f"{folder} 不是文件夹")
    targets = [folder / name for name in WORKBOOKS]
    existing = [p.name for p in targets if p.exists()]
    if existing:
        raise UnionxlError(
            f"{folder} 中已有 {'、'.join(existing)}：不会覆盖已有台账。"
            "请指定一个新的文件夹，或先把这些文件移走"
        )
    folder.mkdir(parents=True, exist_ok=True)
    settings = settings_rows(year or dt.date.today().year, unit or UNIT_PLACEHOLDER)
    prefilled: dict[str, list[list[Any]]] = {
        "设置": settings,
        "科目": [[None, name, kind, parent] for name, kind, parent in packs.BUILTIN_ACCOUNTS],
        "慰问标准": visit_cap_rows(),
        "词表": [[w.category, word, w.basis] for w in packs.WORD_LISTS for word in w.words],
    }
    written = []
    for target in targets:
        tables = [BY_NAME[name] for name in WORKBOOKS[target.name]]
        written.append(
            write_atomically(
                target, functools.partial(write_workbook, tables=tables, prefilled=prefilled)
            )
        )
    return written


def settings_rows(year: int, unit: str) -> list[list[Any]]:
    """Every 设置 key (policy/keys.py), with its example value, basis and meaning."""
    filled: dict[str, Any] = {"单位名称": unit, "年度": year, "上年结余": 0}
    rows = []
    for key in SETTING_KEYS:
        value = filled.get(key.key, key.example or None)
        note = key.meaning + (
            "" if key.default_text == "（无）" else f"；不填时为 {key.default_text}"
        )
        rows.append([key.key, value, key.basis if value is not None else None, note])
    return rows


def caps_note() -> str:
    """The 说明 line under 慰问标准, written from the same pack as the sheet."""
    caps = "，".join(
        f"{c.type}{'每次 ' + str(c.per_visit) if c.per_visit else ''}"
        f"{'、' if c.per_visit and c.per_year else ''}"
        f"{'每人每年 ' + str(c.per_year) if c.per_year else ''} 元"
        for c in packs.VISIT_CAPS
    )
    return (
        f"“慰问标准”已按 {packs.FUJIAN_2018} 填写（{caps}）。请按本省、本校现行文件修改，"
        "并在“依据”列写明文件。"
    )


def visit_cap_rows() -> list[list[Any]]:
    return [[c.type, c.per_visit, c.per_year, c.target, c.basis] for c in packs.VISIT_CAPS]


def header_text(column: Column) -> str:
    return column.name + ("*" if column.required else "")


def write_workbook(
    path: Path, tables: Sequence[TableSpec], prefilled: dict[str, list[list[Any]]]
) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties({"title": "工会台账", "comments": "由 unionxl new 生成"})
    formats = Formats(book)
    for spec in tables:
        write_table(book.add_worksheet(spec.name), spec, formats, prefilled.get(spec.name, []))
    write_notes(book.add_worksheet(NOTES_SHEET), tables, formats)
    book.close()


class Formats:
    def __init__(self, book: Any) -> None:
        f = book.add_format
        self.header = f(
            {
                "bold": True,
                "bg_color": "#DDEBF7",
                "border": 1,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.required = f(
            {
                "bold": True,
                "bg_color": "#BDD7EE",
                "border": 1,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.text = f({"num_format": "@"})
        self.date = f({"num_format": "yyyy-mm-dd"})
        self.month = f({"num_format": "yyyy-mm"})
        self.money = f({"num_format": "#,##0.00"})
        self.int = f({"num_format": "0"})
        self.wrap = f({"text_wrap": True, "valign": "top"})
        self.title = f({"bold": True, "font_size": 14})
        self.section = f({"bold": True, "font_size": 12, "bg_color": "#DDEBF7"})
        self.bold = f({"bold": True})

    def for_kind(self, kind: Kind) -> Any:
        if kind in TEXT_KINDS:
            return self.text
        return {
            Kind.DATE: self.date,
            Kind.MONTH: self.month,
            Kind.MONEY: self.money,
            Kind.INT: self.int,
        }.get(kind)


def write_table(sheet: Any, spec: TableSpec, formats: Formats, rows: list[list[Any]]) -> None:
    for c, column in enumerate(spec.columns):
        width = max(WIDTHS[column.kind], len(column.name) * 2 + 4)
        sheet.set_column(c, c, width, formats.for_kind(column.kind))
        sheet.write_string(
            0, c, header_text(column), formats.required if column.required else formats.header
        )
        validation = validation_for(spec, column)
        if validation:
            sheet.data_validation(1, c, LAST_ROW, c, validation)
    sheet.set_row(0, 22)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(spec.columns) - 1)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            column = spec.columns[c]
            if isinstance(value, str):
                sheet.write_string(r, c, value, formats.for_kind(column.kind))
            else:
                fmt = formats.money if spec.name == "设置" and row[0] == "上年结余" else None
                sheet.write_number(r, c, value, fmt or formats.for_kind(column.kind))


def list_source(table: str, column: str) -> str:
    """`='部门'!$A$2:$A$2001`: the cells of `table`.`column` below its header."""
    spec = BY_NAME[table]
    index = [c.name for c in spec.columns].index(column)
    letter = column_letter(index)
    return f"='{table}'!${letter}$2:${letter}${LIST_ROWS + 1}"


def validation_for(spec: TableSpec, column: Column) -> dict[str, Any] | None:
    """The data validation of a column (None: free text)."""
    name = column.name
    hint = column.hint
    if column.kind is Kind.CHOICE:
        choices = "、".join(column.choices)
        return {
            "validate": "list",
            "source": list(column.choices),
            "input_title": name,
            "input_message": clip(f"从下拉列表中选择：{choices}"),
            "error_title": f"{name}不在列表中",
            "error_message": clip(f"{name}只能是：{choices}"),
        }
    if (spec.name, name) in LISTS_FROM:
        table, source_column = LISTS_FROM[(spec.name, name)]
        return {
            "validate": "list",
            "source": list_source(table, source_column),
            "error_type": "warning",
            "input_title": name,
            "input_message": clip(hint or f"从“{table}”表中选择"),
            "error_title": f"“{table}”表中没有这个{source_column}",
            "error_message": clip(
                f"“{table}”表中没有这个{source_column}。先在“{table}”表中添加，或点“否”重新选择。"
            ),
        }
    if (spec.name, name) in SUGGESTIONS:
        values = SUGGESTIONS[(spec.name, name)]
        return {
            "validate": "list",
            "source": list(values),
            "error_type": "warning",
            "input_title": name,
            "input_message": clip(hint or "可从下拉列表中选择"),
            "error_title": f"{name}不在建议的列表中",
            "error_message": clip(f"建议填写：{'、'.join(values)}。仍要使用输入的内容吗？"),
        }
    if column.kind is Kind.DATE:
        return {
            "validate": "date",
            "criteria": "between",
            "minimum": dt.date(1900, 1, 1),
            "maximum": dt.date(2100, 12, 31),
            "error_title": f"{name}应为日期",
            "error_message": "请输入日期，如 2023-07-11 或 2023/7/11",
        }
    if column.kind is Kind.MONEY:
        return {
            "validate": "decimal",
            "criteria": ">=",
            "value": 0,
            "input_title": name,
            "input_message": clip(hint or "金额（元），最多两位小数"),
            "error_title": f"{name}应为金额",
            "error_message": "请输入不小于 0 的金额（元），如 1300 或 257.50",
        }
    if column.kind is Kind.INT:
        low, high = (1949, 2100) if name == "年度" else (0, 1_000_000)
        return {
            "validate": "integer",
            "criteria": "between",
            "minimum": low,
            "maximum": high,
            "error_title": f"{name}应为整数",
            "error_message": f"请输入 {low} 到 {high} 之间的整数",
        }
    if column.kind is Kind.IDCARD:
        return {
            "validate": "length",
            "criteria": "between",
            "minimum": 15,
            "maximum": 18,
            "input_title": name,
            "input_message": clip(hint),
            "error_title": "身份证号位数不对",
            "error_message": "身份证号应为 18 位（旧证 15 位），请按文本录入",
        }
    return None


def clip(text: str, limit: int = 255) -> str:
    """Excel refuses validation messages longer than 255 characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def column_notes(spec: TableSpec, column: Column) -> str:
    parts = [KIND_TEXT[column.kind]]
    if column.choices:
        parts.append("可选：" + "、".join(column.choices))
    if (spec.name, column.name) in LISTS_FROM:
        table, source = LISTS_FROM[(spec.name, column.name)]
        parts.append(f"应与“{table}”表的{source}一致")
    if column.hint:
        parts.append(column.hint)
    if column.aliases:
        parts.append("表头也可写作：" + "、".join(column.aliases))
    if column.sensitive:
        parts.append("个人信息：公开材料中会隐去部分号码")
    return "；".join(parts)


def write_notes(sheet: Any, tables: Sequence[TableSpec], formats: Formats) -> None:
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 8)
    sheet.set_column(2, 2, 90, formats.wrap)
    sheet.write(0, 0, "填写说明", formats.title)
    lines = (
        "本工作簿由 unionxl new 生成。工作表名和表头请不要修改（unionxl 按名字找表）；"
        "可以在右边增加其他列，unionxl 会忽略它们。",
        "带 * 的列必须填写。每行一条记录，中间不要留空行，不要合并单元格；合计行可以不写，unionxl 会自己计算。",
        "工号、身份证号、手机号等列已设为文本格式，直接输入即可，不会丢失前导 0 或末几位。",
        "有下拉箭头的列请从列表中选择。改完请保存，再用 unionxl 校验。",
    )
    row = 1
    for line in lines:
        sheet.merge_range(row, 0, row, 2, line, formats.wrap)
        sheet.set_row(row, 30)
        row += 1
    for spec in tables:
        row += 1
        sheet.merge_range(row, 0, row, 2, f"“{spec.name}”表：{spec.description}", formats.section)
        row += 1
        for c, title in enumerate(("列", "必填", "填写说明")):
            sheet.write(row, c, title, formats.bold)
        row += 1
        for column in spec.columns:
            sheet.write_string(row, 0, column.name)
            sheet.write_string(row, 1, "是" if column.required else "")
            sheet.write_string(row, 2, column_notes(spec, column))
            row += 1
    if any(spec.name == "慰问标准" for spec in tables):
        row += 1
        sheet.merge_range(
            row,
            0,
            row,
            2,
            caps_note(),
            formats.wrap,
        )
        sheet.set_row(row, 45)
