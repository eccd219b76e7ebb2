"""What `totals` says (台账格式 §5), as frozen dataclasses: money is Decimal, rates are
Decimal rounded half up to 4 places; `to_dict()` gives 台账格式 §5's JSON exactly.

Computed by `unionxl.figures.compute`; the only source of every figure any output
shows (terminal, 汇总.xlsx, the Excel sheets, every report): outputs format, they never
count. Besides the figures of the JSON, a part may carry the named lists a document
prints (donors of a campaign, the gifts of a distribution list, the honours): those are
computed here too, so a list and its count can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from unionxl.model.schema import ACCOUNT_KINDS
from unionxl.model.values import money_text

ZERO = Decimal("0.00")
RATE_PLACES = Decimal("0.0001")
INCOME, EXPENSE = ACCOUNT_KINDS  # 收入, 支出


def rate(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole rounded half up to 4 places; None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def rate_json(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class RowRef:
    """Where a figure comes from: one row of one sheet (for the work report's trace)."""

    file: str
    sheet: str
    row: int  # 1-based Excel row


MAX_RUNS = 10  # a trace lists at most this many runs of rows; beyond, only count and span


@dataclass(frozen=True)
class Rows:
    """The rows of one sheet a figure is counted from, for the work report's trace.

    Kept as runs of consecutive Excel rows (first, last) when there are at most
    `MAX_RUNS` of them; a more scattered set (the 节日慰问 rows among all the others)
    keeps only its count and its first and last row, so a 300,000-row register costs
    no more than a small one.
    """

    file: str
    sheet: str
    count: int
    first: int | None = None
    last: int | None = None
    runs: tuple[tuple[int, int], ...] | None = ()  # None: too many runs to list

    @classmethod
    def of(cls, file: str, sheet: str, numbers: list[int]) -> Rows:
        """From Excel row numbers in sheet order (strictly increasing)."""
        if not numbers:
            return cls(file, sheet, 0)
        first, last = numbers[0], numbers[-1]
        if last - first + 1 == len(numbers):  # one block: no need to look at each row
            return cls(file, sheet, len(numbers), first, last, ((first, last),))
        runs: list[tuple[int, int]] = []
        start = previous = first
        for number in numbers[1:]:
            if number != previous + 1:
                runs.append((start, previous))
                if len(runs) >= MAX_RUNS:
                    return cls(file, sheet, len(numbers), first, last, None)
                start = number
            previous = number
        runs.append((start, previous))
        return cls(file, sheet, len(numbers), first, last, tuple(runs))


def rows_of(refs: Iterable[RowRef]) -> tuple[Rows, ...]:
    """Row references gathered per sheet (in first-seen order), as `Rows`."""
    per_sheet: dict[tuple[str, str], list[int]] = {}
    for ref in refs:
        per_sheet.setdefault((ref.file, ref.sheet), []).append(ref.row)
    return tuple(Rows.of(f, s, sorted(n)) for (f, s), n in per_sheet.items())


def merge_rows(parts: Iterable[Rows | None]) -> tuple[Rows, ...]:
    """Disjoint row sets of the same sheets put together, one `Rows` per sheet."""
    per_sheet: dict[tuple[str, str], list[Rows]] = {}
    for part in parts:
        if part is not None and part.count:
            per_sheet.setdefault((part.file, part.sheet), []).append(part)
    merged = []
    for (file, sheet), group in per_sheet.items():
        total = sum(r.count for r in group)
        first = min(r.first for r in group if r.first is not None)
        last = max(r.last for r in group if r.last is not None)
        runs: list[tuple[int, int]] | None = []
        for r in group:
            if r.runs is None or runs is None:
                runs = None
            else:
                runs.extend(r.runs)
        if last - first + 1 == total:  # the parts fill one block
            runs = [(first, last)]
        elif runs is not None:
            runs = coalesce(sorted(runs))
        if runs is None or len(runs) > MAX_RUNS:
            merged.append(Rows(file, sheet, total, first, last, None))
        else:
            merged.append(Rows(file, sheet, total, first, last, tuple(runs)))
    return tuple(merged)


def coalesce(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted runs with the touching ones joined: (2, 5), (6, 9) → (2, 9)."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a == out[-1][1] + 1:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@dataclass(frozen=True)
class BudgetLine:
    """One 科目 of 预算执行. `actual` includes the 科目 below it (roll-up)."""

    account: str
    kind: str  # 收入 / 支出
    budget: Decimal  # 0 when the 科目 has no 预算 row
    actual: Decimal  # own journal rows + those of every 科目 below it
    own_actual: Decimal  # journal rows booked to this 科目 itself
    budgeted: bool  # has a 预算 row
    parent: str | None = None  # the line this one rolls up into (None: top level)
    depth: int = 0  # 0 top level, 1 under a parent, …
    explanation: str = ""  # 预算's 说明 (the office's words on a deviation); not in the JSON

    @property
    def rate(self) -> Decimal | None:
        return rate(self.actual, self.budget)

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.actual

    def to_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "kind": self.kind,
            "budget": money_text(self.budget),
            "actual": money_text(self.actual),
            "rate": rate_json(self.rate),
            "remaining": money_text(self.remaining),
        }


@dataclass(frozen=True)
class Subtotal:
    """收入合计 / 支出合计 over the top-level lines of one kind."""

    kind: str
    budget: Decimal
    actual: Decimal

    @property
    def rate(self) -> Decimal | None:
        return rate(self.actual, self.budget)

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.actual


@dataclass(frozen=True)
class Budget:
    lines: tuple[BudgetLine, ...]  # tree order: each parent followed by its children
    income_total: Decimal  # the journal's 收入 column
    expense_total: Decimal  # the journal's 支出 column
    opening_balance: Decimal | None  # 设置 上年结余
    income_rows: Rows | None = None  # journal rows with a 收入 amount
    expense_rows: Rows | None = None  # journal rows with a 支出 amount

    @property
    def closing_balance(self) -> Decimal | None:
        if self.opening_balance is None:
            return None
        return self.opening_balance + self.income_total - self.expense_total

    @property
    def top_lines(self) -> tuple[BudgetLine, ...]:
        return tuple(line for line in self.lines if line.parent is None)

    def lines_of(self, kind: str) -> tuple[BudgetLine, ...]:
        return tuple(line for line in self.lines if line.kind == kind)

    @property
    def income_lines(self) -> tuple[BudgetLine, ...]:
        return self.lines_of(INCOME)

    @property
    def expense_lines(self) -> tuple[BudgetLine, ...]:
        return self.lines_of(EXPENSE)

    def children(self, account: str) -> tuple[BudgetLine, ...]:
        return tuple(line for line in self.lines if line.parent == account)

    def line(self, account: str) -> BudgetLine | None:
        return next((line for line in self.lines if line.account == account), None)

    def subtotal(self, kind: str) -> Subtotal:
        top = [line for line in self.top_lines if line.kind == kind]
        return Subtotal(
            kind, sum((x.budget for x in top), ZERO), sum((x.actual for x in top), ZERO)
        )

    @property
    def income(self) -> Subtotal:
        return self.subtotal(INCOME)

    @property
    def expense(self) -> Subtotal:
        return self.subtotal(EXPENSE)

    @property
    def unassigned_income(self) -> Decimal:
        """Journal 收入 not in any line (blank 科目, or on a 支出 科目's row)."""
        return self.income_total - self.income.actual

    @property
    def unassigned_expense(self) -> Decimal:
        return self.expense_total - self.expense.actual

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [line.to_dict() for line in self.lines],
            "income_total": money_text(self.income_total),
            "expense_total": money_text(self.expense_total),
            "opening_balance": money_text(self.opening_balance),
            "closing_balance": money_text(self.closing_balance),
        }


@dataclass(frozen=True)
class Campaign:
    campaign: str
    amount: Decimal  # sum of its 捐款明细 rows
    donors: int  # distinct donors (by 工号, else 姓名)
    received: Decimal | None  # 到账金额; None when blank
    rows: int = 0  # donation rows
    start: dt.date | None = None
    end: dt.date | None = None
    listed: bool = True  # has a row in 捐款活动
    donation_rows: Rows | None = None  # its 捐款明细 rows

    @property
    def reconciled(self) -> bool:
        return self.received is not None and self.received == self.amount

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaign": self.campaign,
            "amount": money_text(self.amount),
            "donors": self.donors,
            "received": money_text(self.received),
            "reconciled": self.reconciled,
        }


@dataclass(frozen=True)
class DepartmentDonation:
    campaign: str
    department: str | None  # None: donor with no known 部门
    amount: Decimal
    donors: int
    members: int  # roster members of the 部门 with 状态 在职

    @property
    def participation(self) -> Decimal | None:
        return rate(self.donors, self.members)

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaign": self.campaign,
            "department": self.department,
            "amount": money_text(self.amount),
            "donors": self.donors,
            "members": self.members,
            "participation": rate_json(self.participation),
        }


@dataclass(frozen=True)
class Donor:
    """One donor of a campaign (rows by the same 工号, else 姓名, added up)."""

    name: str
    department: str | None
    amount: Decimal


@dataclass(frozen=True)
class Donations:
    campaigns: tuple[Campaign, ...]
    departments: tuple[DepartmentDonation, ...]
    donors: dict[str, tuple[Donor, ...]] = field(default_factory=dict)  # campaign -> sheet order

    @property
    def amount(self) -> Decimal:
        return sum((c.amount for c in self.campaigns), ZERO)

    def campaign(self, name: str) -> Campaign | None:
        return next((c for c in self.campaigns if c.campaign == name), None)

    def departments_of(self, campaign: str) -> tuple[DepartmentDonation, ...]:
        return tuple(d for d in self.departments if d.campaign == campaign)

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaigns": [c.to_dict() for c in self.campaigns],
            "departments": [d.to_dict() for d in self.departments],
        }


@dataclass(frozen=True)
class VisitType:
    type: str
    count: int  # rows
    members: int  # distinct 工号
    amount: Decimal
    rows: Rows | None = None  # the register's rows of this 类型

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "count": self.count,
            "members": self.members,
            "amount": money_text(self.amount),
        }


@dataclass(frozen=True)
class Gift:
    """One row of 慰问登记, as a distribution list prints it."""

    date: dt.date | None
    type: str
    name: str  # the row's 姓名, else the roster's
    department: str | None  # the roster's 部门
    form: str  # 形式 as typed ("" when blank)
    amount: Decimal | None
    reason: str  # 事由 ("" when blank)
    excel_row: int = 0


@dataclass(frozen=True)
class Visits:
    by_type: tuple[VisitType, ...]
    members: int = 0  # distinct 工号 over all types
    gifts: tuple[Gift, ...] = ()  # every row with a 类型, in sheet order

    @property
    def count(self) -> int:
        return sum(v.count for v in self.by_type)

    @property
    def amount(self) -> Decimal:
        return sum((v.amount for v in self.by_type), ZERO)

    def to_dict(self) -> dict[str, Any]:
        return {"by_type": [v.to_dict() for v in self.by_type]}


@dataclass(frozen=True)
class Proposals:
    collected: int  # all rows
    accepted: int  # 立案 + 转意见建议
    filed: int  # 立案
    answered: int  # with 答复日期
    satisfied: int  # 满意度 满意
    rejected: int = 0  # 不予立案
    withdrawn: int = 0  # 撤回
    filed_answered: int = 0  # 立案 with 答复日期
    filed_grades: tuple[tuple[str, int], ...] = ()  # 满意度 of the 立案 ones: (grade, count)
    rows: Rows | None = None  # every row (collected)
    result_rows: tuple[tuple[str, Rows], ...] = ()  # per 审查结果, first-seen order
    filed_grade_rows: tuple[tuple[str, Rows], ...] = ()  # per 满意度 of the 立案 ones
    filed_answered_rows: Rows | None = None

    def filed_grade(self, grade: str) -> int:
        return dict(self.filed_grades).get(grade, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "collected": self.collected,
            "accepted": self.accepted,
            "filed": self.filed,
            "answered": self.answered,
            "satisfied": self.satisfied,
        }


@dataclass(frozen=True)
class AwardLevel:
    level: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "count": self.count}


@dataclass(frozen=True)
class Honour:
    level: str | None
    honour: str | None  # None: the row's 荣誉 is blank (check reports it)
    subject: str  # 获奖对象
    subject_type: str | None  # 个人 / 集体 / 家庭
    ref: RowRef | None = None


@dataclass(frozen=True)
class Awards:
    by_level: tuple[AwardLevel, ...]  # 国家级, 省级, 市级, 校级
    honours: tuple[Honour, ...] = ()  # every counted row, in sheet order
    by_subject: tuple[AwardSubject, ...] | None = None  # None until computed (part two)

    @property
    def count(self) -> int:
        return sum(a.count for a in self.by_level)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"by_level": [a.to_dict() for a in self.by_level]}
        if self.by_subject is not None:
            result["by_subject"] = [a.to_dict() for a in self.by_subject]
        return result


CURRENT_STATUSES = ("在职", "退休", "离休")  # still members (调离, 去世 are not)


# --- part two (台账格式 §5b) ------------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    departments: int  # rows of 部门
    elected: int  # rows whose 换届日期 falls in the report period
    elected_rows: tuple[RowRef, ...] = ()
    rows: Rows | None = None  # every 部门 row

    def to_dict(self) -> dict[str, Any]:
        return {"departments": self.departments, "elected": self.elected}


@dataclass(frozen=True)
class Event:
    """One 活动 row counted in the report period, with what its 活动参与 rows say."""

    number: str  # 编号
    name: str
    type: str
    series: str | None
    start: dt.date | None
    end: dt.date | None
    participants: int  # 参加/参赛 rows, else its 参与人数
    winners: int
    amount: Decimal  # 支出
    ref: RowRef | None = None
    target: str | None = None  # 对象 as typed (在职, 退休, 全部; None when blank)
    participant_rows: Rows | None = None  # its 活动参与 rows counted (None: 参与人数 used)
    winner_rows: Rows | None = None


@dataclass(frozen=True)
class ActivityType:
    type: str
    events: int
    participants: int
    winners: int
    amount: Decimal

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "events": self.events,
            "participants": self.participants,
            "winners": self.winners,
            "amount": money_text(self.amount),
        }


@dataclass(frozen=True)
class Series:
    series: str
    events: int
    participants: int

    def to_dict(self) -> dict[str, Any]:
        return {"series": self.series, "events": self.events, "participants": self.participants}


@dataclass(frozen=True)
class Activities:
    by_type: tuple[ActivityType, ...]
    series: tuple[Series, ...]
    events: tuple[Event, ...] = ()  # every counted event, in sheet order

    def events_of(self, *, type: str | None = None, series: str | None = None) -> tuple[Event, ...]:
        return tuple(
            e
            for e in self.events
            if (type is None or e.type == type) and (series is None or e.series == series)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "by_type": [t.to_dict() for t in self.by_type],
            "series": [x.to_dict() for x in self.series],
        }


@dataclass(frozen=True)
class MutualAid:
    enrolled: int  # distinct 工号 in 参保 rows whose period overlaps 年度
    premium: Decimal  # Σ 个人缴费
    subsidy: Decimal  # Σ 工会补贴
    claims: int  # 理赔 rows
    approved: Decimal  # Σ 核定金额
    enrolment_rows: Rows | None = None  # the 参保 rows counted
    claim_rows: Rows | None = None  # every 理赔 row

    def to_dict(self) -> dict[str, Any]:
        return {
            "enrolled": self.enrolled,
            "premium": money_text(self.premium),
            "subsidy": money_text(self.subsidy),
            "claims": self.claims,
            "approved": money_text(self.approved),
        }


@dataclass(frozen=True)
class Dues:
    due: Decimal  # Σ 应缴 (computed where blank)
    paid: Decimal  # Σ 实缴
    ledger: Decimal | None  # Σ 收入 of 科目 会费收入 (None: no 收支明细)
    rows: Rows | None = None  # every 会费 row

    @property
    def reconciled(self) -> bool:
        return self.ledger is not None and self.paid == self.ledger

    def to_dict(self) -> dict[str, Any]:
        return {
            "due": money_text(self.due),
            "paid": money_text(self.paid),
            "ledger": money_text(self.ledger),
            "reconciled": self.reconciled,
        }


@dataclass(frozen=True)
class AwardSubject:
    level: str
    subject: str  # 对象类型: 个人 / 集体 / 家庭
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "subject": self.subject, "count": self.count}


@dataclass(frozen=True)
class DepartmentMembers:
    department: str | None  # None: 部门 blank
    by_status: tuple[tuple[str, int], ...]  # current statuses only

    @property
    def count(self) -> int:
        return sum(n for _, n in self.by_status)

    def of(self, status: str) -> int:
        return dict(self.by_status).get(status, 0)


@dataclass(frozen=True)
class Members:
    """The roster (台账格式 §5b): every 会员 row by 状态."""

    by_status: tuple[tuple[str, int], ...]  # in first-seen order
    women: int  # 性别 女 among 在职, 退休, 离休
    joined: int  # 入会日期 within 年度
    by_department: tuple[DepartmentMembers, ...] = ()  # 部门 sheet order, then roster order
    any_gender: bool = False  # the roster records 性别 at all
    status_rows: tuple[tuple[str, Rows], ...] = ()  # per 状态, as by_status
    women_rows: Rows | None = None
    joined_rows: Rows | None = None

    def of(self, status: str) -> int:
        return dict(self.by_status).get(status, 0)

    @property
    def current(self) -> int:
        return sum(self.of(s) for s in CURRENT_STATUSES)

    def to_dict(self) -> dict[str, Any]:
        return {
            "by_status": [{"status": s, "count": n} for s, n in self.by_status],
            "women": self.women,
            "joined": self.joined,
        }


@dataclass(frozen=True)
class DelegateTerm:
    term: str  # 届次 as typed (二届)
    count: int  # rows of that 届
    rows: Rows | None = None


@dataclass(frozen=True)
class Delegates:
    """The 代表 table per 届 (first-seen order). Not part of `totals --json`."""

    terms: tuple[DelegateTerm, ...]

    @property
    def current(self) -> DelegateTerm | None:
        """The 届 listed last: the one now sitting."""
        return self.terms[-1] if self.terms else None


@dataclass(frozen=True)
class Totals:
    """Every figure of 台账格式 §5 (None where the office keeps no such table)."""

    year: int | None
    budget: Budget | None
    donations: Donations | None
    visits: Visits | None
    proposals: Proposals | None
    awards: Awards | None
    members: Members | None = None
    organisation: Organisation | None = None
    activities: Activities | None = None
    retiree_visits: Visits | None = None
    mutual_aid: MutualAid | None = None
    dues: Dues | None = None
    delegates: Delegates | None = None  # not in to_dict (no §5b key)
    report_period: tuple[dt.date, dt.date] | None = None
    unit_name: str = ""
    folder: Path | None = None  # the office folder the figures come from
    files: tuple[str, ...] = field(default=())  # its workbooks that were read

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `unionxl totals --json` prints."""
        return {
            "year": self.year,
            "budget": _dict(self.budget),
            "donations": _dict(self.donations),
            "visits": _dict(self.visits),
            "proposals": _dict(self.proposals),
            "awards": _dict(self.awards),
            # part two (台账格式 §5b)
            "members": _dict(self.members),
            "organisation": _dict(self.organisation),
            "activities": _dict(self.activities),
            "retiree_visits": _dict(self.retiree_visits),
            "mutual_aid": _dict(self.mutual_aid),
            "dues": _dict(self.dues),
        }


def _dict(part: Any) -> dict[str, Any] | None:
    return None if part is None else part.to_dict()
