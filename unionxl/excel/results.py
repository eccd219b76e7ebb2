"""What the button writes into `unionxl.xlsm`, computed as plain data (no xlwings).

`writer` turns a `SheetPlan` into a handful of xlwings calls; everything that decides
rows, links, formats and colours lives here and is tested without Excel.

Links to the office workbook are `HYPERLINK` formulas with Excel's documented form for a
cell of another workbook, `=HYPERLINK("[D:\\工会\\2023台账\\会员名册.xlsx]'会员'!E17","E17")`:

- one formula per row, written for the whole column in a single call (an
  `add_hyperlink` per finding is one COM round trip each: thousands of findings would
  take minutes);
- the path is absolute: the control workbook may sit in another folder than the office
  (its folder is read from a cell), a relative link inside brackets is not documented,
  and the links are rebuilt on every click, so moving the folder costs nothing;
- a `#` link (`会员名册.xlsx#'会员'!E17`) is the fallback when the path holds `[` or `]`;
  with `#` in the path too, or a link longer than HYPERLINK's 255 characters, the
  cell shows its address as plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from unionxl.excel import layout as L
from unionxl.model.findings import Finding, column_letter, sort_key
from unionxl.outputs import terms as T

SEVERITY = {"error": "错误", "warning": "警告"}
ERROR_COLOR = "#C00000"
WARNING_COLOR = "#9C5700"
MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.00%"
MAX_LINK = 255  # Excel: HYPERLINK's link_location is at most 255 characters

FINDING_HEADERS = ("级别", "文件", "工作表", "单元格", "字段", "值", "问题说明", "规则")
FINDING_WIDTHS = (7, 18, 12, 10, 12, 22, 70, 26)
LINK_COLUMN = "D"
FINDINGS_TABLE = "unionxl_findings"  # Excel table names: ASCII is safe everywhere


@dataclass(frozen=True)
class SheetPlan:
    """One results sheet: values from A1, then formats, links and the filter table."""

    name: str
    values: list[list[Any]]  # rectangular, from A1; None = empty cell
    text_ranges: tuple[str, ...] = ()  # '@' *before* the values: Excel keeps '0101' as typed
    formulas: tuple[tuple[str, list[list[str]]], ...] = ()  # (range, one column) after values
    number_formats: tuple[tuple[str, str], ...] = ()  # (range, format) after values
    bold: tuple[str, ...] = ()
    font_colors: tuple[tuple[str, str], ...] = ()  # (range, '#RRGGBB')
    widths: tuple[tuple[str, float], ...] = ()  # (column range 'A:A', width in characters)
    table: str | None = None  # range made an Excel table: filter buttons on its header
    table_name: str | None = None

    @property
    def size(self) -> tuple[int, int]:
        return len(self.values), len(self.values[0]) if self.values else 0


def col(index: int) -> str:
    """0-based column index -> letters."""
    return column_letter(index)


# --- 校验结果 ------------------------------------------------------------------------


def quote_sheet(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def formula_text(text: str) -> str:
    """A string literal inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def link_label(f: Finding) -> str:
    if f.cell:
        return f.cell
    if f.row:
        return f"第{f.row}行"
    return "打开文件"


def link_location(folder: PurePath, f: Finding) -> str | None:
    """Where a click should go, as HYPERLINK's first argument (None: no usable link)."""
    if not f.file:
        return None
    path = str(folder / f.file)
    if not f.sheet:
        link = path
    else:
        place = quote_sheet(f.sheet) + "!" + (f.cell or f"A{f.row or 1}")
        if "[" not in path and "]" not in path:
            link = f"[{path}]{place}"
        elif "#" not in path:
            link = f"{path}#{place}"
        else:
            return None
    return link if len(link) <= MAX_LINK else None


def link_formula(folder: PurePath, f: Finding) -> str:
    """The link cell: a HYPERLINK formula, or the address as plain text."""
    label = link_label(f)
    if f.rule == "file.unreadable":
        return label
    location = link_location(folder, f)
    if location is None:
        return label
    return f"=HYPERLINK({formula_text(location)},{formula_text(label)})"


def finding_row(f: Finding) -> list[Any]:
    """One row of 校验结果 (the link column is filled by `link_formula`)."""
    return [
        SEVERITY.get(f.severity, f.severity),
        f.file,
        f.sheet,
        None,
        f.field,
        f.shown_value(),
        f.message,
        f.rule,
    ]


def findings_plan(
    findings: Sequence[Finding],
    folder: PurePath,
    *,
    capped: dict[tuple[str, str], int] | None = None,
) -> SheetPlan:
    """The 校验结果 sheet: errors first, a link per finding, filters on."""
    ordered = sorted(findings, key=sort_key)
    values: list[list[Any]] = [list(FINDING_HEADERS)]
    links: list[list[str]] = []
    for f in ordered:
        values.append(finding_row(f))
        links.append([link_formula(folder, f)])
    for (where, rule), left_out in sorted((capped or {}).items()):
        note = f"{where} 的“{rule}”问题超过上限，另有 {left_out} 条未列出；改正上面的问题后再校验"
        values.append([None, None, None, None, None, None, note, rule])
        links.append([""])
    if len(values) == 1:
        values.append([None, None, None, None, None, None, "未发现问题", None])
    last = len(values)
    width = len(FINDING_HEADERS)
    errors = sum(1 for f in ordered if f.is_error)
    warnings = len(ordered) - errors
    colors = []
    if errors:
        colors.append((f"A2:A{errors + 1}", ERROR_COLOR))
    if warnings:
        colors.append((f"A{errors + 2}:A{errors + warnings + 1}", WARNING_COLOR))
    formulas = ((f"{LINK_COLUMN}2:{LINK_COLUMN}{len(links) + 1}", links),) if links else ()
    return SheetPlan(
        name=L.FINDINGS_SHEET,
        values=values,
        text_ranges=("A:C", "E:H"),
        formulas=formulas,
        bold=(f"A1:{col(width - 1)}1",),
        font_colors=tuple(colors),
        widths=tuple((f"{col(i)}:{col(i)}", w) for i, w in enumerate(FINDING_WIDTHS)),
        table=f"A1:{col(width - 1)}{last}",
        table_name=FINDINGS_TABLE,
    )


# --- 汇总 ------------------------------------------------------------------------------

TEXT, MONEY, INT, RATE = "text", "money", "int", "rate"
SUMMARY_WIDTHS = (24, 18, 14, 14, 14, 12)


def money(value: str | None) -> float | None:
    """A 台账格式 §5 money string as the number Excel keeps (shown with two decimals)."""
    return None if value is None else float(Decimal(value))


@dataclass
class _Grid:
    """Rows stacked from A1, remembering which cells are text, money, rates, bold."""

    rows: list[list[Any]] = field(default_factory=list)
    kinds: dict[str, list[str]] = field(default_factory=dict)  # kind -> ranges
    bold: list[str] = field(default_factory=list)

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def title(self, text: str) -> None:
        if self.rows:
            self.rows.append([])
        self.bold.append(f"A{self.next_row}")
        self.rows.append([text])

    def table(
        self, header: Sequence[str], kinds: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        self.bold.append(f"A{self.next_row}:{col(len(header) - 1)}{self.next_row}")
        self.rows.append(list(header))
        first = self.next_row
        for row in rows:
            self.rows.append(list(row))
        last = self.next_row - 1
        if last < first:
            self.rows.append(["（无）"])
            return
        for i, kind in enumerate(kinds):
            letter = col(i)
            self.kinds.setdefault(kind, []).append(f"{letter}{first}:{letter}{last}")

    def absent(self, table: str) -> None:
        self.rows.append([f"（台账中没有“{table}”表）"])

    def plan(self, name: str) -> SheetPlan:
        width = max(len(r) for r in self.rows)
        values = [r + [None] * (width - len(r)) for r in self.rows]
        return SheetPlan(
            name=name,
            values=values,
            text_ranges=tuple(self.kinds.get(TEXT, ())),
            number_formats=tuple(
                [(r, MONEY_FORMAT) for r in self.kinds.get(MONEY, ())]
                + [(r, RATE_FORMAT) for r in self.kinds.get(RATE, ())]
                + [(r, "0") for r in self.kinds.get(INT, ())]
            ),
            bold=tuple(self.bold),
            widths=tuple((f"{col(i)}:{col(i)}", w) for i, w in enumerate(SUMMARY_WIDTHS[:width])),
        )


def summary_plan(totals: dict[str, Any], *, unit: str = "", when: str = "") -> SheetPlan:
    """The 汇总 sheet from `Totals.to_dict()` (台账格式 §5), one block per area."""
    grid = _Grid()
    year = totals.get("year")
    heading = " ".join(p for p in (unit, f"{year} 年度" if year else "", "汇总") if p)
    grid.bold.append("A1")
    grid.rows.append([heading])
    if when:
        grid.rows.append([f"数据来自台账最后保存的内容；生成于 {when}"])

    budget = totals.get("budget")
    grid.title("一、经费预算执行")
    if budget is None:
        grid.absent("预算")
    else:
        grid.table(
            (T.ACCOUNT, "类别", T.BUDGET, T.ACTUAL, T.RATE, T.REMAINING),
            (TEXT, TEXT, MONEY, MONEY, RATE, MONEY),
            (
                (
                    line["account"],
                    line["kind"],
                    money(line["budget"]),
                    money(line["actual"]),
                    line["rate"],
                    money(line["remaining"]),
                )
                for line in budget["lines"]
            ),
        )
        grid.rows.append([])
        grid.table(
            ("项目", "金额"),
            (TEXT, MONEY),
            (
                (T.INCOME_TOTAL, money(budget["income_total"])),
                (T.EXPENSE_TOTAL, money(budget["expense_total"])),
                (T.OPENING, money(budget["opening_balance"])),
                (T.CLOSING, money(budget["closing_balance"])),
            ),
        )

    donations = totals.get("donations")
    grid.title("二、捐款")
    if donations is None:
        grid.absent("捐款明细")
    else:
        grid.table(
            (T.CAMPAIGN, "捐款金额", T.DONORS, "到账金额", "对账"),
            (TEXT, MONEY, INT, MONEY, TEXT),
            (
                (
                    c["campaign"],
                    money(c["amount"]),
                    c["donors"],
                    money(c["received"]),
                    reconciled_text(c),
                )
                for c in donations["campaigns"]
            ),
        )
        grid.rows.append([])
        grid.table(
            (T.CAMPAIGN, "部门", "捐款金额", T.DONORS, "在职会员", T.PARTICIPATION),
            (TEXT, TEXT, MONEY, INT, INT, RATE),
            (
                (
                    d["campaign"],
                    T.department(d["department"]),
                    money(d["amount"]),
                    d["donors"],
                    d["members"],
                    d["participation"],
                )
                for d in donations["departments"]
            ),
        )

    visits = totals.get("visits")
    grid.title("三、慰问")
    if visits is None:
        grid.absent("慰问登记")
    else:
        grid.table(
            ("类型", "次数", "人数", "金额"),
            (TEXT, INT, INT, MONEY),
            ((v["type"], v["count"], v["members"], money(v["amount"])) for v in visits["by_type"]),
        )

    proposals = totals.get("proposals")
    grid.title("四、提案")
    if proposals is None:
        grid.absent("提案")
    else:
        grid.table(
            ("项目", "件数"),
            (TEXT, INT),
            (
                (T.COLLECTED, proposals["collected"]),
                (T.ACCEPTED, proposals["accepted"]),
                (T.FILED, proposals["filed"]),
                (T.ANSWERED, proposals["answered"]),
                (T.SATISFIED, proposals["satisfied"]),
            ),
        )

    awards = totals.get("awards")
    grid.title("五、获奖")
    if awards is None:
        grid.absent("获奖")
    else:
        grid.table(
            ("级别", "项数"), (TEXT, INT), ((a["level"], a["count"]) for a in awards["by_level"])
        )
    part_two_summary(grid, totals)
    return grid.plan(L.SUMMARY_SHEET)


def part_two_summary(grid: _Grid, totals: dict[str, Any]) -> None:
    """台账格式 §5b figures, one block per register the office keeps (none: nothing)."""
    numbers = iter(("六", "七", "八", "九", "十", "十一", "十二", "十三"))
    members = totals.get("members")
    if members is not None:
        grid.title(f"{next(numbers)}、{T.MEMBERS_HEADING}")
        grid.table(
            (T.STATUS, T.HEADCOUNT),
            (TEXT, INT),
            [(x["status"], x["count"]) for x in members["by_status"]]
            + [(T.WOMEN, members["women"]), (T.JOINED, members["joined"])],
        )
    organisation = totals.get("organisation")
    if organisation is not None:
        grid.title(f"{next(numbers)}、{T.ORGANISATION_HEADING}")
        grid.table(
            ("项目", "个数"),
            (TEXT, INT),
            (
                (T.DEPARTMENTS, organisation["departments"]),
                (T.ELECTED, organisation["elected"]),
            ),
        )
    activities = totals.get("activities")
    if activities is not None:
        grid.title(f"{next(numbers)}、{T.ACTIVITIES_HEADING}")
        grid.table(
            (T.ACTIVITY_TYPE, T.EVENTS, T.PARTICIPANTS, T.WINNERS, T.SPENT),
            (TEXT, INT, INT, INT, MONEY),
            (
                (t["type"], t["events"], t["participants"], t["winners"], money(t["amount"]))
                for t in activities["by_type"]
            ),
        )
        if activities["series"]:
            grid.table(
                (T.SERIES, T.EVENTS, T.PARTICIPANTS),
                (TEXT, INT, INT),
                ((x["series"], x["events"], x["participants"]) for x in activities["series"]),
            )
    retirees = totals.get("retiree_visits")
    if retirees is not None:
        grid.title(f"{next(numbers)}、{T.RETIREE_VISITS_HEADING}")
        grid.table(
            ("类型", "次数", "人数", "金额"),
            (TEXT, INT, INT, MONEY),
            (
                (v["type"], v["count"], v["members"], money(v["amount"]))
                for v in retirees["by_type"]
            ),
        )
    aid = totals.get("mutual_aid")
    if aid is not None:
        grid.title(f"{next(numbers)}、{T.MUTUAL_AID_HEADING}")
        grid.table(
            (T.ENROLLED, T.PREMIUM, T.SUBSIDY, T.CLAIMS, T.APPROVED),
            (INT, MONEY, MONEY, INT, MONEY),
            [
                (
                    aid["enrolled"],
                    money(aid["premium"]),
                    money(aid["subsidy"]),
                    aid["claims"],
                    money(aid["approved"]),
                )
            ],
        )
    dues = totals.get("dues")
    if dues is not None:
        grid.title(f"{next(numbers)}、{T.DUES_HEADING}")
        grid.table(
            (T.DUES_DUE, T.DUES_PAID, T.DUES_LEDGER, T.RECONCILED),
            (MONEY, MONEY, MONEY, TEXT),
            [
                (
                    money(dues["due"]),
                    money(dues["paid"]),
                    money(dues["ledger"]),
                    T.YES if dues["reconciled"] else T.NO,
                )
            ],
        )
    awards = totals.get("awards")
    if awards is not None and awards.get("by_subject"):
        grid.title(f"{next(numbers)}、{T.AWARD_SUBJECTS_HEADING}")
        grid.table(
            (T.LEVEL, T.SUBJECT, T.COUNT),
            (TEXT, TEXT, INT),
            ((x["level"], x["subject"], x["count"]) for x in awards["by_subject"]),
        )


def reconciled_text(campaign: dict[str, Any]) -> str:
    if campaign.get("received") is None:
        return "未填到账"
    return "相符" if campaign.get("reconciled") else "不符"


# --- status line -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one click did, for the status line and the message box."""

    action: str
    errors: int | None = None  # None: no check was run
    warnings: int | None = None
    files: int | None = None
    rows: int | None = None
    totals: bool = False  # 汇总 sheet written
    reports: tuple[str, ...] = ()  # report files written
    reports_dir: str | None = None
    notice: str | None = None  # an expected problem to show in a message box
    remarks: tuple[str, ...] = ()  # from the reports: skipped templates, notes


def status_text(outcome: Outcome, started: dt.datetime, seconds: float) -> str:
    """The control sheet's status line, e.g. '2024-03-01 10:32　全部：2 个错误 …'."""
    parts = []
    if outcome.errors is not None:
        parts.append(f"{outcome.errors} 个错误，{outcome.warnings} 个警告")
        if outcome.files is not None:
            parts[-1] += f"（{outcome.files} 个工作簿，{outcome.rows} 行）"
    if outcome.totals:
        parts.append("汇总已更新")
    if outcome.reports:
        parts.append(f"报告 {len(outcome.reports)} 份 → {outcome.reports_dir}")
    elif outcome.notice:
        parts.append(outcome.notice.replace("\n\n", "；").rstrip("。"))
    parts.append(f"用时 {seconds:.1f} 秒")
    return f"{started:%Y-%m-%d %H:%M}　{outcome.action}：" + "；".join(parts)


def failure_text(action: str, reason: str, started: dt.datetime) -> str:
    return f"{started:%Y-%m-%d %H:%M}　{action}：未完成。{reason}"
