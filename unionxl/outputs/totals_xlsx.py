"""Write the totals as a new, printable workbook (`汇总.xlsx`) with XlsxWriter.

One sheet per area. Each sheet is a finished table (sheet_layout): a title row with the
单位名称, 年度 and subject, "金额单位：元" where money is shown, a header aligned like its
column, the rows, a bold 合计 row wherever a column sum means something (exact Decimal
sums, written as numbers), A4 page set-up with page header and numbered footer. Money as
real numbers ('#,##0.00'), rates as percentages. The file is written to a temporary name
in the target folder and then moved into place (`atomic`), so a half-written 汇总.xlsx
never exists. Never writes into an office workbook.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from unionxl.figures.model import EXPENSE, INCOME, ZERO, Totals, rate
from unionxl.model.errors import UnionxlError
from unionxl.outputs import terms as T
from unionxl.outputs.atomic import write_atomically
from unionxl.outputs.sheet_layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    NOTE_ROW,
    ROW_HEIGHT,
    fit_title,
    heading_text,
    is_wide,
    print_setup,
    title_format,
    write_title,
)
from unionxl.outputs.targets import output_target
from unionxl.outputs.textwidth import display_width

DEFAULT_NAME = "汇总.xlsx"
MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.00%"
MAX_WIDTH = 60
MIN_WIDTH = 8
SHORT_TEXT = 8  # display columns: a text column no wider is centred
ONE_PAGE_ROWS = 60  # a table this short is fitted to one page rather than split
TOTAL = "合计"

# A cell: (value, style) where style is one of the keys of `Styles`.
Cell = tuple[Any, str]
NUMBER_STYLES = ("int", "money", "rate")


@dataclass(frozen=True)
class Sheet:
    name: str  # the sheet tab (other code and tests read sheets by it)
    subject: str  # what the title row says it shows: "预算执行情况"
    header: list[str]
    rows: list[list[Cell]]

    def numeric(self, column: int) -> bool:
        """The column holds numbers."""
        return any(
            len(row) > column and row[column][1].endswith(NUMBER_STYLES) for row in self.rows
        )

    def alignment(self, column: int) -> str:
        """How the column and its header align: numbers right, short words (收入, 相符,
        集体) centred, other text left."""
        if self.numeric(column):
            return "right"
        texts = [self.header[column]] + [
            str(row[column][0]) for row in self.rows if len(row) > column and row[column][0]
        ]
        if column > 0 and len(texts) > 1 and max(map(display_width, texts)) <= SHORT_TEXT:
            return "center"
        return "left"

    @property
    def unit_note(self) -> str | None:
        """ "单位：元" when every number is money, "金额单位：元" beside counts, else None."""
        styles = {style for row in self.rows for _, style in row if style.endswith(NUMBER_STYLES)}
        if not any(s.endswith("money") for s in styles):
            return None
        return T.UNIT_YUAN if all(s.endswith("money") for s in styles) else "金额" + T.UNIT_YUAN


class Styles:
    """The workbook's cell formats, by name."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        header = {"bold": True, "top": 1, "bottom": 1, "bg_color": "#DDEBF7", "valign": "vcenter"}
        self.formats = {
            "title": title_format(book),
            "note": book.add_format({"align": "right"}),
            "header_left": book.add_format({**header, "align": "left"}),
            "header_center": book.add_format({**header, "align": "center"}),
            "header_right": book.add_format({**header, "align": "right"}),
            "text": book.add_format({}),
            "text_center": book.add_format({"align": "center"}),
            "text_right": book.add_format({"align": "right"}),
            "child": book.add_format({"indent": 1}),
            "child2": book.add_format({"indent": 2}),
            "int": book.add_format({"num_format": "0"}),
            "money": book.add_format({"num_format": MONEY_FORMAT}),
            "rate": book.add_format({"num_format": RATE_FORMAT}),
            "bold": book.add_format({"bold": True}),
            "bold_money": book.add_format({"bold": True, "num_format": MONEY_FORMAT}),
            # 合计 rows: bold under a rule
            "total": book.add_format({"bold": True, "top": 1}),
            "total_money": book.add_format({"bold": True, "top": 1, "num_format": MONEY_FORMAT}),
            "total_rate": book.add_format({"bold": True, "top": 1, "num_format": RATE_FORMAT}),
            "total_int": book.add_format({"bold": True, "top": 1, "num_format": "0"}),
            "absent": book.add_format({"italic": True, "font_color": "#7F7F7F"}),
        }

    def __getitem__(self, name: str) -> Any:
        return self.formats[name]


def write_totals_xlsx(totals: Totals, target: str | Path) -> Path:
    """Write `totals` to `target` (a new workbook, atomically); returns the path written."""
    path = output_target(
        target, own_name=DEFAULT_NAME, office_folder=totals.folder, office_files=totals.files
    )
    try:
        return write_atomically(path, lambda temp: build_workbook(totals, temp))
    except UnionxlError as e:
        if isinstance(e.__cause__, PermissionError):
            raise UnionxlError(f"{path.name} 正在被 Excel 打开，请关闭后重试") from e.__cause__
        raise
    except OSError as e:  # the folder cannot be written at all
        raise UnionxlError(f"无法在 {path.parent} 中保存 {path.name}：{e.strerror or e}") from e


def build_workbook(totals: Totals, path: Path) -> None:
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False}
    )
    title = heading_text(totals.unit_name, totals.year, "工会工作汇总")
    book.set_properties({"title": title, "author": "unionxl", "company": totals.unit_name})
    styles = Styles(book)
    for sheet in sheets(totals):
        write_sheet(book, styles, sheet, totals)
    try:
        book.close()
    except FileCreateError as e:
        raise UnionxlError(f"无法写入汇总文件：{e}") from e


def write_sheet(book: xlsxwriter.Workbook, styles: Styles, plan: Sheet, totals: Totals) -> None:
    sheet = book.add_worksheet(plan.name)
    title = heading_text(totals.unit_name, totals.year, plan.subject)
    columns = len(plan.header)
    write_title(sheet, styles["title"], title, columns)
    if plan.unit_note:
        sheet.write_string(NOTE_ROW, columns - 1, plan.unit_note, styles["note"])
    align = [plan.alignment(c) for c in range(columns)]
    for c, name in enumerate(plan.header):
        sheet.write_string(HEADER_ROW, c, name, styles[f"header_{align[c]}"])
    widths = [display_width(h) for h in plan.header]
    for r, row in enumerate(plan.rows, start=FIRST_DATA_ROW):
        for c, (value, style) in enumerate(row):
            if style == "text" and c < columns and align[c] != "left":
                style = f"text_{align[c]}"  # 相符 under a column of amounts, 收入 in 类别
            if value is None:
                sheet.write_blank(r, c, None, styles[style])
                continue
            if isinstance(value, Decimal | int) and not isinstance(value, bool):
                sheet.write_number(r, c, float(value), styles[style])
                shown = shown_number(value, style)
            else:
                sheet.write_string(r, c, str(value), styles[style])
                shown = str(value)
            if c < len(widths) and style != "absent":
                indent = 2 if style == "child" else 4 if style == "child2" else 0
                widths[c] = max(widths[c], display_width(shown) + indent)
    columns_wide = fit_title([min(MAX_WIDTH, max(MIN_WIDTH, w + 3.0)) for w in widths], title)
    for c, width in enumerate(columns_wide):
        sheet.set_column(c, c, width)
    sheet.set_default_row(ROW_HEIGHT)
    print_setup(
        sheet,
        wide=is_wide(columns_wide),
        unit=totals.unit_name,
        title=title,
        one_page=len(plan.rows) <= ONE_PAGE_ROWS,
    )


def shown_number(value: Decimal | int, style: str) -> str:
    """How Excel will show a number, to size its column."""
    if style.endswith("rate"):
        return f"{value * 100:.2f}%"
    if style.endswith("money"):
        return f"{value:,.2f}"
    return str(value)


def absent(source: str) -> list[list[Cell]]:
    return [[(f"台账中没有“{source}”表", "absent")]]


def column_sum(values: Iterable[Any]) -> Any:
    """The exact sum of a column's numbers; None when a cell is blank (a sum of what is
    filled in would read as the whole)."""
    items = list(values)
    if not items or any(v is None for v in items):
        return None
    return sum(items, ZERO if isinstance(items[0], Decimal) else 0)


def total_row(
    rows: Sequence[list[Cell]], label: list[Cell], summed: Sequence[int], width: int
) -> list[Cell]:
    """A bold 合计 row: `label` cells first, then the sums of the `summed` columns."""
    out: list[Cell] = [(value, "total") for value, _ in label]
    for c in range(len(label), width):
        if c not in summed:
            out.append((None, "total"))
            continue
        style = next((s for row in rows for v, s in row[c : c + 1] if v is not None), "int")
        out.append((column_sum(row[c][0] for row in rows), "total_" + style))
    return out


def sheets(totals: Totals) -> list[Sheet]:
    return [
        Sheet(
            "预算执行",
            "预算执行情况",
            [T.ACCOUNT, "类别", "上级科目", T.BUDGET, T.ACTUAL, T.RATE, T.REMAINING],
            budget_rows(totals),
        ),
        Sheet(
            "捐款活动",
            "捐款活动汇总",
            [T.CAMPAIGN, "捐款金额", T.DONORS, "到账金额", "对账"],
            campaign_rows(totals),
        ),
        Sheet(
            "部门参与",
            "捐款部门参与情况",
            [T.CAMPAIGN, "部门", "捐款金额", T.DONORS, "在职会员", T.PARTICIPATION],
            department_rows(totals),
        ),
        Sheet("慰问", "慰问汇总", ["类型", "次数", "人数", "金额"], visit_rows(totals)),
        Sheet("提案", "提案情况", ["项目", "件数"], proposal_rows(totals)),
        Sheet("获奖", "获奖级别统计", ["级别", "项数"], award_rows(totals)),
        *part_two_sheets(totals),
    ]


def part_two_sheets(totals: Totals) -> list[Sheet]:
    """Part two (台账格式 §5b): one sheet per register the office keeps."""
    out: list[Sheet] = []
    m = totals.members
    if m is not None:
        rows: list[list[Cell]] = [[(s, "text"), (n, "int")] for s, n in m.by_status]
        rows += [[(T.WOMEN, "text"), (m.women, "int")], [(T.JOINED, "text"), (m.joined, "int")]]
        out.append(Sheet(T.MEMBERS_HEADING, "会员情况", [T.STATUS, T.HEADCOUNT], rows))
    o = totals.organisation
    if o is not None:
        out.append(
            Sheet(
                T.ORGANISATION_HEADING,
                "二级工会情况",
                ["项目", "个数"],
                [
                    [(T.DEPARTMENTS, "text"), (o.departments, "int")],
                    [(T.ELECTED, "text"), (o.elected, "int")],
                ],
            )
        )
    a = totals.activities
    if a is not None:
        out.append(
            Sheet(
                T.ACTIVITIES_HEADING,
                "工会活动情况",
                [T.ACTIVITY_TYPE, T.EVENTS, T.PARTICIPANTS, T.WINNERS, T.SPENT],
                activity_rows(totals),
            )
        )
    r = totals.retiree_visits
    if r is not None:
        rows = [
            [(v.type, "text"), (v.count, "int"), (v.members, "int"), (v.amount, "money")]
            for v in r.by_type
        ]
        rows.append(
            [
                (TOTAL, "total"),
                (r.count, "total_int"),
                (r.members, "total_int"),
                (r.amount, "total_money"),
            ]
        )
        out.append(Sheet("离退休走访", "离退休走访情况", ["类型", "次数", "人数", "金额"], rows))
    aid = totals.mutual_aid
    if aid is not None:
        out.append(
            Sheet(
                "医疗互助",
                "职工医疗互助情况",
                ["项目", "数值"],
                [
                    [(T.ENROLLED, "text"), (aid.enrolled, "int")],
                    [(T.PREMIUM, "text"), (aid.premium, "money")],
                    [(T.SUBSIDY, "text"), (aid.subsidy, "money")],
                    [(T.CLAIMS, "text"), (aid.claims, "int")],
                    [(T.APPROVED, "text"), (aid.approved, "money")],
                ],
            )
        )
    d = totals.dues
    if d is not None:
        dues_rows: list[list[Cell]] = [
            [(T.DUES_DUE, "text"), (d.due, "money")],
            [(T.DUES_PAID, "text"), (d.paid, "money")],
        ]
        if d.ledger is not None:
            dues_rows.append([(T.DUES_LEDGER, "text"), (d.ledger, "money")])
        dues_rows.append([(T.RECONCILED, "text"), (T.YES if d.reconciled else T.NO, "text")])
        out.append(Sheet(T.DUES_HEADING, "会费收缴情况", ["项目", "金额"], dues_rows))
    aw = totals.awards
    if aw is not None and aw.by_subject:
        rows = [[(x.level, "text"), (x.subject, "text"), (x.count, "int")] for x in aw.by_subject]
        rows.append(total_row(rows, [(TOTAL, "total")], (2,), 3))
        out.append(Sheet("获奖对象", "获奖对象类型统计", [T.LEVEL, T.SUBJECT, T.COUNT], rows))
    return out


def activity_rows(totals: Totals) -> list[list[Cell]]:
    """One row per 类型 and their 合计, then the series (already counted in their 类型)."""
    a = totals.activities
    assert a is not None
    rows: list[list[Cell]] = [
        [
            (t.type, "text"),
            (t.events, "int"),
            (t.participants, "int"),
            (t.winners, "int"),
            (t.amount, "money"),
        ]
        for t in a.by_type
    ]
    if rows:
        rows.append(total_row(rows, [(TOTAL, "total")], (1, 2, 3, 4), 5))
    rows += [
        [(f"{T.SERIES}：{x.series}", "text"), (x.events, "int"), (x.participants, "int")]
        for x in a.series
    ]
    return rows


def budget_rows(totals: Totals) -> list[list[Cell]]:
    budget = totals.budget
    if budget is None:
        return absent("预算”或“收支明细")
    rows: list[list[Cell]] = []
    for line in budget.lines:
        style = "text" if line.depth == 0 else "child" if line.depth == 1 else "child2"
        rows.append(
            [
                (line.account, style),
                (line.kind, "text"),
                (line.parent, "text"),
                (line.budget, "money"),
                (line.actual, "money"),
                (line.rate, "rate"),
                (line.remaining, "money"),
            ]
        )
    rows.append([])
    for kind in (INCOME, EXPENSE):
        sub = budget.subtotal(kind)
        rows.append(
            [
                (f"{kind}合计", "total"),
                (kind, "total"),
                (None, "total"),
                (sub.budget, "total_money"),
                (sub.actual, "total_money"),
                (sub.rate, "total_rate"),
                (sub.remaining, "total_money"),
            ]
        )
    rows.append([])
    for label, amount in (
        (T.OPENING, budget.opening_balance),
        (T.INCOME_TOTAL, budget.income_total),
        (T.EXPENSE_TOTAL, budget.expense_total),
        (T.CLOSING, budget.closing_balance),
    ):
        rows.append(
            [
                (label, "bold"),
                (None, "text"),
                (None, "text"),
                (None, "text"),
                (amount, "bold_money"),
            ]
        )
    return rows


def campaign_rows(totals: Totals) -> list[list[Cell]]:
    if totals.donations is None:
        return absent("捐款活动")
    rows: list[list[Cell]] = []
    for c in totals.donations.campaigns:
        status = "未填到账" if c.received is None else "相符" if c.reconciled else "不符"
        rows.append(
            [
                (c.campaign, "text"),
                (c.amount, "money"),
                (c.donors, "int"),
                (c.received, "money"),
                (status, "text"),
            ]
        )
    if rows:
        # 捐款人数 is not summed: one person giving to two campaigns is one donor.
        rows.append(total_row(rows, [(TOTAL, "total")], (1, 3), 5))
    return rows


def department_rows(totals: Totals) -> list[list[Cell]]:
    """Each campaign's departments, then the campaign's 合计 (its 参与率: donors over the
    在职 members of the departments listed)."""
    donations = totals.donations
    if donations is None:
        return absent("捐款明细")
    rows: list[list[Cell]] = []
    for campaign in dict.fromkeys(d.campaign for d in donations.departments):
        block: list[list[Cell]] = [
            [
                (d.campaign, "text"),
                (T.department(d.department), "text"),
                (d.amount, "money"),
                (d.donors, "int"),
                (d.members, "int"),
                (d.participation, "rate"),
            ]
            for d in donations.departments_of(campaign)
        ]
        total = total_row(block, [(campaign, "total"), (TOTAL, "total")], (2, 3, 4), 6)
        total[5] = (rate(total[3][0], total[4][0]), "total_rate")
        rows += [*block, total]
    return rows


def visit_rows(totals: Totals) -> list[list[Cell]]:
    visits = totals.visits
    if visits is None:
        return absent("慰问登记")
    rows: list[list[Cell]] = [
        [(v.type, "text"), (v.count, "int"), (v.members, "int"), (v.amount, "money")]
        for v in visits.by_type
    ]
    rows.append(
        [
            (TOTAL, "total"),
            (visits.count, "total_int"),
            (visits.members, "total_int"),
            (visits.amount, "total_money"),
        ]
    )
    return rows


def proposal_rows(totals: Totals) -> list[list[Cell]]:
    p = totals.proposals
    if p is None:
        return absent("提案")
    return [
        [(T.COLLECTED, "text"), (p.collected, "int")],
        [(T.ACCEPTED, "text"), (p.accepted, "int")],
        [(T.FILED, "text"), (p.filed, "int")],
        [(T.ANSWERED, "text"), (p.answered, "int")],
        [(T.SATISFIED, "text"), (p.satisfied, "int")],
    ]


def award_rows(totals: Totals) -> list[list[Cell]]:
    a = totals.awards
    if a is None:
        return absent("获奖")
    rows: list[list[Cell]] = [[(x.level, "text"), (x.count, "int")] for x in a.by_level]
    rows.append([(TOTAL, "total"), (a.count, "total_int")])
    return rows
