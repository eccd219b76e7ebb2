"""Totals as readable tables for a terminal (Chinese).

Fixed text uses only characters a GBK console (Windows, code page 936) can show: no
✓/✗, no box drawing. Columns are aligned by display width (a CJK character takes two
columns), so 科目 names line up with the figures beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from unionxl.figures.model import EXPENSE, INCOME, Budget, Campaign, Donations, Totals, Visits
from unionxl.outputs import terms as T
from unionxl.outputs.textwidth import LEFT, RIGHT, display_width, pad

GAP = "  "
INDENT = "  "  # per roll-up level
NONE = "-"


def table(
    header: Sequence[str], rows: Sequence[Sequence[str] | None], aligns: Sequence[str]
) -> list[str]:
    """Lines of an aligned table; a row that is None draws a rule."""
    widths = [display_width(h) for h in header]
    for row in rows:
        if row is None:
            continue
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    rule = "-" * (sum(widths) + len(GAP) * (len(widths) - 1))

    def line(cells: Sequence[str]) -> str:
        return GAP.join(
            pad(c, w, a) for c, w, a in zip(cells, widths, aligns, strict=True)
        ).rstrip()

    out = [line(header), rule]
    out += [rule if row is None else line(row) for row in rows]
    return out


def yuan(amount: Decimal | None) -> str:
    """1234.5 -> '1,234.50'; None -> '-'."""
    return NONE if amount is None else f"{amount:,.2f}"


def percent(value: Decimal | None) -> str:
    return NONE if value is None else f"{value * 100:.2f}%"


def render_totals(
    totals: Totals, *, errors: int = 0, warnings: int = 0, notes: Sequence[str] = ()
) -> str:
    """The terminal view of `totals`; `errors`/`warnings` come from `check`."""
    year = f"{totals.year} 年度" if totals.year is not None else "（年度未设置）"
    title = f"{totals.unit_name} {year}汇总".strip()
    out = [title, "=" * display_width(title)]
    if errors:
        out.append(
            f"注意：校验发现 {errors} 个错误"
            + (f"、{warnings} 个警告" if warnings else "")
            + "。以下数字按表中现有数据计算，请运行 unionxl check 查看并修正。"
        )
    out += [f"注意：{n}" for n in notes]
    sections = [
        ("一、预算执行", budget_lines(totals.budget) if totals.budget else None, "预算或收支明细"),
        ("二、捐款活动", campaign_lines(totals.donations) if totals.donations else None, "捐款"),
        ("三、部门参与", department_lines(totals.donations) if totals.donations else None, "捐款"),
        ("四、慰问", visit_lines(totals.visits) if totals.visits else None, "慰问登记"),
        ("五、提案", proposal_lines(totals), "提案"),
        ("六、获奖", award_lines(totals), "获奖"),
    ]
    for heading, lines, source in sections:
        out += ["", heading]
        out += lines if lines is not None else [f"（台账中没有“{source}”表）"]
    # part two (台账格式 §5b): a section only for the registers the office keeps
    numbers = ("七", "八", "九", "十", "十一", "十二", "十三", "十四")
    extra = [(title, lines) for title, lines in part_two_sections(totals) if lines]
    for number, (title, body) in zip(numbers, extra, strict=False):
        out += ["", f"{number}、{title}", *body]
    return "\n".join(out) + "\n"


def part_two_sections(totals: Totals) -> list[tuple[str, list[str] | None]]:
    period = totals.report_period
    during = f"（{T.REPORT_PERIOD} {period[0]} 至 {period[1]}）" if period else ""
    sections: list[tuple[str, list[str] | None]] = []
    m = totals.members
    if m is not None:
        rows: list[Sequence[str] | None] = [[s, str(n)] for s, n in m.by_status]
        rows += [None, [T.WOMEN, str(m.women)], [T.JOINED, str(m.joined)]]
        sections.append((T.MEMBERS_HEADING, table([T.STATUS, T.HEADCOUNT], rows, [LEFT, RIGHT])))
    o = totals.organisation
    if o is not None:
        sections.append(
            (
                T.ORGANISATION_HEADING,
                table(
                    ["项目", "个数"],
                    [[T.DEPARTMENTS, str(o.departments)], [T.ELECTED, str(o.elected)]],
                    [LEFT, RIGHT],
                ),
            )
        )
    a = totals.activities
    if a is not None:
        lines = table(
            [T.ACTIVITY_TYPE, T.EVENTS, T.PARTICIPANTS, T.WINNERS, T.SPENT],
            [
                [t.type, str(t.events), str(t.participants), str(t.winners), yuan(t.amount)]
                for t in a.by_type
            ],
            [LEFT, RIGHT, RIGHT, RIGHT, RIGHT],
        )
        if a.series:
            lines += ["", T.SERIES_HEADING] + table(
                [T.SERIES, T.EVENTS, T.PARTICIPANTS],
                [[x.series, str(x.events), str(x.participants)] for x in a.series],
                [LEFT, RIGHT, RIGHT],
            )
        sections.append((T.ACTIVITIES_HEADING + during, lines))
    r = totals.retiree_visits
    if r is not None:
        sections.append((T.RETIREE_VISITS_HEADING, visit_lines(r)))
    aid = totals.mutual_aid
    if aid is not None:
        rows = [
            [T.ENROLLED, str(aid.enrolled)],
            [T.PREMIUM, yuan(aid.premium)],
            [T.SUBSIDY, yuan(aid.subsidy)],
            [T.CLAIMS, str(aid.claims)],
            [T.APPROVED, yuan(aid.approved)],
        ]
        sections.append((T.MUTUAL_AID_HEADING, table(["项目", "数值"], rows, [LEFT, RIGHT])))
    d = totals.dues
    if d is not None:
        rows = [
            [T.DUES_DUE, yuan(d.due)],
            [T.DUES_PAID, yuan(d.paid)],
            [T.DUES_LEDGER, yuan(d.ledger)],
            [T.RECONCILED, T.YES if d.reconciled else T.NO],
        ]
        sections.append((T.DUES_HEADING, table(["项目", "金额"], rows, [LEFT, RIGHT])))
    aw = totals.awards
    if aw is not None and aw.by_subject:
        sections.append(
            (
                T.AWARD_SUBJECTS_HEADING + during,
                table(
                    [T.LEVEL, T.SUBJECT, T.COUNT],
                    [[x.level, x.subject, str(x.count)] for x in aw.by_subject],
                    [LEFT, LEFT, RIGHT],
                ),
            )
        )
    return sections


def budget_lines(budget: Budget) -> list[str]:
    rows: list[Sequence[str] | None] = []
    for kind in (INCOME, EXPENSE):
        lines = budget.lines_of(kind)
        for line in lines:
            rows.append(
                [
                    INDENT * line.depth + line.account,
                    yuan(line.budget) if line.budgeted else NONE,
                    yuan(line.actual),
                    percent(line.rate),
                    yuan(line.remaining),
                ]
            )
        sub = budget.subtotal(kind)
        rows.append(
            [
                f"{kind}合计",
                yuan(sub.budget),
                yuan(sub.actual),
                percent(sub.rate),
                yuan(sub.remaining),
            ]
        )
        rows.append(None)
    rows.pop()
    out = table(
        [T.ACCOUNT, T.BUDGET, T.ACTUAL, T.RATE, T.REMAINING],
        rows,
        [LEFT, RIGHT, RIGHT, RIGHT, RIGHT],
    )
    balance = [
        [
            T.OPENING,
            "未填写（设置表“上年结余”）"
            if budget.opening_balance is None
            else yuan(budget.opening_balance),
        ],
        [T.INCOME_TOTAL, yuan(budget.income_total)],
        [T.EXPENSE_TOTAL, yuan(budget.expense_total)],
        [T.CLOSING, NONE if budget.closing_balance is None else yuan(budget.closing_balance)],
    ]
    width = max(display_width(b[1]) for b in balance)
    out.append("")
    out += [f"{label}{GAP}{pad(value, width, RIGHT)}" for label, value in balance]
    if budget.unassigned_income or budget.unassigned_expense:
        out.append(
            f"注意：收支明细中有收入 {yuan(budget.unassigned_income)}、支出 {yuan(budget.unassigned_expense)} "
            "未计入任何科目（科目为空，或金额填在与科目类别不符的一栏）"
        )
    return out


def reconciliation(campaign: Campaign) -> str:
    if campaign.received is None:
        return "未填到账"
    return "相符" if campaign.reconciled else "不符"


def campaign_lines(donations: Donations) -> list[str]:
    if not donations.campaigns:
        return ["（没有捐款记录）"]
    rows = [
        [c.campaign, yuan(c.amount), str(c.donors), yuan(c.received), reconciliation(c)]
        for c in donations.campaigns
    ]
    return table(
        [T.CAMPAIGN, "捐款金额", T.DONORS, "到账金额", "对账"],
        rows,
        [LEFT, RIGHT, RIGHT, RIGHT, LEFT],
    )


def department_lines(donations: Donations) -> list[str]:
    if not donations.departments:
        return ["（没有捐款记录）"]
    rows = [
        [
            d.campaign,
            T.department(d.department),
            yuan(d.amount),
            str(d.donors),
            str(d.members),
            percent(d.participation),
        ]
        for d in donations.departments
    ]
    return table(
        [T.CAMPAIGN, "部门", "捐款金额", T.DONORS, "在职会员", T.PARTICIPATION],
        rows,
        [LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT],
    )


def visit_lines(visits: Visits) -> list[str]:
    if not visits.by_type:
        return ["（没有慰问记录）"]
    rows: list[Sequence[str] | None] = [
        [v.type, str(v.count), str(v.members), yuan(v.amount)] for v in visits.by_type
    ]
    rows += [None, ["合计", str(visits.count), str(visits.members), yuan(visits.amount)]]
    return table(["类型", "次数", "人数", "金额"], rows, [LEFT, RIGHT, RIGHT, RIGHT])


def proposal_lines(totals: Totals) -> list[str] | None:
    p = totals.proposals
    if p is None:
        return None
    rows = [
        [T.COLLECTED, str(p.collected)],
        [T.ACCEPTED, str(p.accepted)],
        [T.FILED, str(p.filed)],
        [T.ANSWERED, str(p.answered)],
        [T.SATISFIED, str(p.satisfied)],
    ]
    return table(["项目", "件数"], rows, [LEFT, RIGHT])


def award_lines(totals: Totals) -> list[str] | None:
    a = totals.awards
    if a is None:
        return None
    rows: list[Sequence[str] | None] = [[x.level, str(x.count)] for x in a.by_level]
    rows += [None, ["合计", str(a.count)]]
    return table(["级别", "项数"], rows, [LEFT, RIGHT])
