"""Write the totals as a new, tidy workbook (`汇总.xlsx`) with XlsxWriter.

One sheet per area; money as real numbers ('#,##0.00'), rates as percentages, a bold
frozen header row. The file is written to a temporary name in the target folder and
then moved into place (`atomic`), so a half-written 汇总.xlsx never exists. Never writes into an
office workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from unionxl.figures.model import EXPENSE, INCOME, Totals
from unionxl.model.errors import UnionxlError
from unionxl.outputs import terms as T
from unionxl.outputs.atomic import write_atomically
from unionxl.outputs.sheet_layout import print_setup
from unionxl.outputs.targets import output_target
from unionxl.outputs.textwidth import display_width

DEFAULT_NAME = "汇总.xlsx"
MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.00%"
MAX_WIDTH = 60

# A cell: (value, style) where style is one of the keys of `Styles`.
Cell = tuple[Any, str]


class Styles:
    """The workbook's cell formats, by name."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.formats = {
            "header": book.add_format({"bold": True, "bottom": 1, "bg_color": "#DDEBF7"}),
            "text": book.add_format({}),
            "child": book.add_format({"indent": 1}),
            "child2": book.add_format({"indent": 2}),
            "int": book.add_format({"num_format": "0"}),
            "money": book.add_format({"num_format": MONEY_FORMAT}),
            "rate": book.add_format({"num_format": RATE_FORMAT}),
            "bold": book.add_format({"bold": True}),
            "bold_money": book.add_format({"bold": True, "num_format": MONEY_FORMAT}),
            "bold_rate": book.add_format({"bold": True, "num_format": RATE_FORMAT}),
            "bold_int": book.add_format({"bold": True, "num_format": "0"}),
            "note": book.add_format({"italic": True, "font_color": "#7F7F7F"}),
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
    book.set_properties({"title": "工会汇总", "author": "unionxl", "company": totals.unit_name})
    styles = Styles(book)
    for name, header, rows in sheets(totals):
        write_sheet(book, styles, name, header, rows)
    try:
        book.close()
    except FileCreateError as e:
        raise UnionxlError(f"无法写入汇总文件：{e}") from e


def write_sheet(
    book: xlsxwriter.Workbook,
    styles: Styles,
    name: str,
    header: Sequence[str],
    rows: list[list[Cell]],
) -> None:
    sheet = book.add_worksheet(name)
    widths = [display_width(h) for h in header]
    for c, title in enumerate(header):
        sheet.write_string(0, c, title, styles["header"])
    for r, row in enumerate(rows, start=1):
        for c, (value, style) in enumerate(row):
            if value is None:
                sheet.write_blank(r, c, None, styles[style])
                continue
            if isinstance(value, Decimal | int) and not isinstance(value, bool):
                sheet.write_number(r, c, float(value), styles[style])
                shown = shown_number(value, style)
            else:
                sheet.write_string(r, c, str(value), styles[style])
                shown = str(value)
            if c < len(widths):
                indent = 2 if style == "child" else 4 if style == "child2" else 0
                widths[c] = max(widths[c], display_width(shown) + indent)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, min(MAX_WIDTH, width + 2))
    sheet.freeze_panes(1, 0)
    print_setup(sheet)


def shown_number(value: Decimal | int, style: str) -> str:
    """How Excel will show a number, to size its column."""
    if style.endswith("rate"):
        return f"{value * 100:.2f}%"
    if style.endswith("money"):
        return f"{value:,.2f}"
    return str(value)


def absent(source: str) -> list[list[Cell]]:
    return [[(f"台账中没有“{source}”表", "note")]]


def sheets(totals: Totals) -> list[tuple[str, list[str], list[list[Cell]]]]:
    return [
        (
            "预算执行",
            [T.ACCOUNT, "类别", "上级科目", T.BUDGET, T.ACTUAL, T.RATE, T.REMAINING],
            budget_rows(totals),
        ),
        ("捐款活动", [T.CAMPAIGN, "捐款金额", T.DONORS, "到账金额", "对账"], campaign_rows(totals)),
        (
            "部门参与",
            [T.CAMPAIGN, "部门", "捐款金额", T.DONORS, "在职会员", T.PARTICIPATION],
            department_rows(totals),
        ),
        ("慰问", ["类型", "次数", "人数", "金额"], visit_rows(totals)),
        ("提案", ["项目", "件数"], proposal_rows(totals)),
        ("获奖", ["级别", "项数"], award_rows(totals)),
        *part_two_sheets(totals),
    ]


def part_two_sheets(totals: Totals) -> list[tuple[str, list[str], list[list[Cell]]]]:
    """Part two (台账格式 §5b): one sheet per register the office keeps."""
    out: list[tuple[str, list[str], list[list[Cell]]]] = []
    m = totals.members
    if m is not None:
        rows: list[list[Cell]] = [[(s, "text"), (n, "int")] for s, n in m.by_status]
        rows += [[(T.WOMEN, "text"), (m.women, "int")], [(T.JOINED, "text"), (m.joined, "int")]]
        out.append((T.MEMBERS_HEADING, [T.STATUS, T.HEADCOUNT], rows))
    o = totals.organisation
    if o is not None:
        out.append(
            (
                T.ORGANISATION_HEADING,
                ["项目", "个数"],
                [
                    [(T.DEPARTMENTS, "text"), (o.departments, "int")],
                    [(T.ELECTED, "text"), (o.elected, "int")],
                ],
            )
        )
    a = totals.activities
    if a is not None:
        rows = [
            [
                (t.type, "text"),
                (t.events, "int"),
                (t.participants, "int"),
                (t.winners, "int"),
                (t.amount, "money"),
            ]
            for t in a.by_type
        ]
        rows += [
            [(f"{T.SERIES}：{x.series}", "text"), (x.events, "int"), (x.participants, "int")]
            for x in a.series
        ]
        out.append(
            (
                T.ACTIVITIES_HEADING,
                [T.ACTIVITY_TYPE, T.EVENTS, T.PARTICIPANTS, T.WINNERS, T.SPENT],
                rows,
            )
        )
    r = totals.retiree_visits
    if r is not None:
        rows = [
            [(v.type, "text"), (v.count, "int"), (v.members, "int"), (v.amount, "money")]
            for v in r.by_type
        ]
        out.append(("离退休走访", ["类型", "次数", "人数", "金额"], rows))
    aid = totals.mutual_aid
    if aid is not None:
        out.append(
            (
                "医疗互助",
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
        out.append((T.DUES_HEADING, ["项目", "金额"], dues_rows))
    aw = totals.awards
    if aw is not None and aw.by_subject:
        out.append(
            (
                "获奖对象",
                [T.LEVEL, T.SUBJECT, T.COUNT],
                [[(x.level, "text"), (x.subject, "text"), (x.count, "int")] for x in aw.by_subject],
            )
        )
    return out


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
                (f"{kind}合计", "bold"),
                (kind, "bold"),
                (None, "bold"),
                (sub.budget, "bold_money"),
                (sub.actual, "bold_money"),
                (sub.rate, "bold_rate"),
                (sub.remaining, "bold_money"),
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
    return rows


def department_rows(totals: Totals) -> list[list[Cell]]:
    if totals.donations is None:
        return absent("捐款明细")
    return [
        [
            (d.campaign, "text"),
            (T.department(d.department), "text"),
            (d.amount, "money"),
            (d.donors, "int"),
            (d.members, "int"),
            (d.participation, "rate"),
        ]
        for d in totals.donations.departments
    ]


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
            ("合计", "bold"),
            (visits.count, "bold_int"),
            (visits.members, "bold_int"),
            (visits.amount, "bold_money"),
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
    rows.append([("合计", "bold"), (a.count, "bold_int")])
    return rows
