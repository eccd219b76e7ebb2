"""Totals (台账格式 §5): every figure the office reports, exact to the fen.

One pass over each table, dicts only. Money is `Decimal` from the cell to the result
(the result types live in `totals_model`); `Totals.to_dict()` is exactly what
`unionxl totals --json` prints.

Totals are computed from the rows as they are: a cell that could not be read is None and
is skipped; `check` says what is wrong. Decisions where 台账格式 §5 is silent:

- A key is null when the tables it is computed from are absent: `budget` needs 预算 or
  收支明细, `donations` needs 捐款活动 or 捐款明细, `visits` 慰问登记, `proposals` 提案,
  `awards` 获奖. With 预算 but no 收支明细 every actual is "0.00".
- `opening_balance` is null when 设置 has no readable 上年结余, and then
  `closing_balance` is null too (a balance is not guessed from a missing figure).
- Two-level (or deeper) 科目 roll up: a line's actual is its own journal rows plus those
  of every 科目 below it (same 类别). A parent's 预算数 is read as the budget of the
  whole group. Lines are ordered 收入 then 支出; within a kind by 预算 row order, then
  chart order, then name; each line is followed by the lines below it.
- A 科目 repeated in 预算 gives one line whose budget is the sum of its rows.
- income_total / expense_total are the journal's 收入 / 支出 columns summed over every row.
  They equal the sum of the top-level lines when every row names a 科目 and puts its
  amount on that 科目's side; `Budget.unassigned_income/expense` hold any difference.
- A row whose required grouping key is blank (预算/收支明细 科目, 捐款明细 活动, 慰问登记
  类型) is left out of the breakdown (check reports it). A donor with no known 部门 (no
  roster match, 部门 blank: allowed for a non-member) is grouped under department null.
- donations.departments lists, per campaign, the departments that have donors, in 部门
  sheet order, then roster order, then by name (null last).
- A campaign repeated in 捐款活动 gives one campaign whose 到账金额 is the sum of the
  filled cells. Campaigns seen only in 捐款明细 follow the sheet's, by name.
- visits.by_type: 慰问标准 order, then other types by name.
- awards.by_level: always the four levels 国家级, 省级, 市级, 校级, counts may be 0.
  Rows are counted whatever their 年度, but only when their 日期 is in the report period
  or blank (台账格式 §5b; see figures/part_two.py).
- Rates round half up to 4 places.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from unionxl.data.office_data import Account, OfficeData
from unionxl.figures import part_two
from unionxl.figures.model import (
    CURRENT_STATUSES,
    EXPENSE,
    INCOME,
    ZERO,
    Awards,
    Budget,
    BudgetLine,
    Campaign,
    DepartmentDonation,
    DepartmentMembers,
    Donations,
    Donor,
    Gift,
    Members,
    Proposals,
    Rows,
    Totals,
    Visits,
    VisitType,
)
from unionxl.model.errors import UnionxlError
from unionxl.model.schema import ACCOUNT_KINDS
from unionxl.model.tables import Table

__all__ = ["Totals", "compute_totals"]

ACCEPTED_RESULTS = ("立案", "转意见建议")
IN_SERVICE = "在职"


# --- computation ----------------------------------------------------------------------


def compute_totals(office: OfficeData) -> Totals:
    """All totals of `office` (raises UnionxlError when a workbook could not be read)."""
    if office.unreadable:
        reasons = "；".join(office.unreadable)
        raise UnionxlError(f"有工作簿无法读取，汇总会缺少其中的数据：{reasons}")
    return Totals(
        year=office.year,
        budget=budget_totals(office),
        donations=donation_totals(office),
        visits=visit_totals(office),
        proposals=proposal_totals(office),
        awards=award_totals(office),
        members=member_totals(office),
        organisation=part_two.organisation_totals(office),
        activities=part_two.activity_totals(office),
        retiree_visits=part_two.retiree_visit_totals(office),
        mutual_aid=part_two.mutual_aid_totals(office),
        dues=part_two.dues_totals(office),
        delegates=part_two.delegate_totals(office),
        report_period=office.policy.report_period,
        unit_name=office.unit_name,
        folder=office.folder,
        files=tuple(office.files),
    )


def _add(sums: dict[Any, Decimal], key: Any, amount: Decimal) -> None:
    sums[key] = sums.get(key, ZERO) + amount


def rows_in(table: Table | None, numbers: list[int]) -> Rows | None:
    """The Excel rows `numbers` of `table`, for a figure's trace (None without the table)."""
    return None if table is None else Rows.of(table.file, table.sheet, numbers)


def rows_per(table: Table, numbers: dict[Any, list[int]]) -> tuple[tuple[Any, Rows], ...]:
    return tuple((key, Rows.of(table.file, table.sheet, n)) for key, n in numbers.items())


def budget_totals(office: OfficeData) -> Budget | None:
    budget_table, ledger = office.table("预算"), office.table("收支明细")
    if budget_table is None and ledger is None:
        return None
    accounts = office.accounts

    budgets: dict[str, Decimal] = {}  # 科目 -> 预算数 (summed over repeats)
    budget_kinds: dict[str, str | None] = {}
    explanations: dict[str, list[str]] = {}  # 科目 -> 说明 (the optional column)
    for row in budget_table or ():
        name = row["科目"]
        if not name:
            continue
        if name not in budgets:
            budgets[name] = ZERO
            budget_kinds[name] = row["类别"]
        if row["预算数"] is not None:
            budgets[name] += row["预算数"]
        note = (row["说明"] or "").strip()
        if note:
            explanations.setdefault(name, []).append(note)

    income_total = expense_total = ZERO
    income: dict[str, Decimal] = {}  # 科目 -> own 收入
    expense: dict[str, Decimal] = {}  # 科目 -> own 支出
    income_rows: list[int] = []
    expense_rows: list[int] = []
    for row in ledger or ():
        name, got, paid = row["科目"], row["收入"], row["支出"]
        if got is not None:
            income_total += got
            income_rows.append(row.excel_row)
            if name:
                _add(income, name, got)
        if paid is not None:
            expense_total += paid
            expense_rows.append(row.excel_row)
            if name:
                _add(expense, name, paid)

    def kind_of(name: str) -> str:
        if name in accounts:
            return accounts[name].kind
        if budget_kinds.get(name) in ACCOUNT_KINDS:
            return budget_kinds[name]  # type: ignore[return-value]
        if name in income and income[name] >= expense.get(name, ZERO):
            return INCOME
        return EXPENSE

    kinds: dict[str, str] = {}
    own: dict[str, Decimal] = {}
    for name in [*budgets, *income, *expense]:
        if name in kinds:
            continue
        kind = kinds[name] = kind_of(name)
        side = income if kind == INCOME else expense
        if name in side:
            own[name] = side[name]
    lined = set(budgets) | set(own)  # 科目 that get a line

    rolled: dict[str, Decimal] = dict.fromkeys(lined, ZERO)
    parent_line: dict[str, str | None] = {}
    for name in lined:
        chain = ancestors(name, kinds[name], accounts)
        parent_line[name] = next((a for a in chain if a in lined), None)
        amount = own.get(name)
        if amount is not None:
            rolled[name] += amount
            for a in chain:
                if a in lined:
                    rolled[a] += amount

    chart_rank = {name: i for i, name in enumerate(accounts)}
    budget_rank = {name: i for i, name in enumerate(budgets)}

    def sort_key(name: str) -> tuple:
        kind_rank = ACCOUNT_KINDS.index(kinds[name])
        if name in budget_rank:
            return (kind_rank, 0, budget_rank[name], "")
        if name in chart_rank:
            return (kind_rank, 1, chart_rank[name], "")
        return (kind_rank, 2, 0, name)

    children: dict[str | None, list[str]] = {}
    for name in sorted(lined, key=sort_key):
        children.setdefault(parent_line[name], []).append(name)

    lines: list[BudgetLine] = []

    def emit(parent: str | None, depth: int) -> None:
        for name in children.get(parent, ()):
            lines.append(
                BudgetLine(
                    account=name,
                    kind=kinds[name],
                    budget=budgets.get(name, ZERO),
                    actual=rolled[name],
                    own_actual=own.get(name, ZERO),
                    budgeted=name in budgets,
                    parent=parent,
                    depth=depth,
                    explanation="；".join(explanations.get(name, ())),
                )
            )
            emit(name, depth + 1)

    emit(None, 0)
    return Budget(
        tuple(lines),
        income_total,
        expense_total,
        office.opening_balance,
        rows_in(ledger, income_rows),
        rows_in(ledger, expense_rows),
    )


def ancestors(name: str, kind: str, accounts: dict[str, Account]) -> list[str]:
    """The 科目 above `name` in the chart, nearest first (same 类别 only, no cycles)."""
    chain: list[str] = []
    seen = {name}
    account = accounts.get(name)
    while account is not None and account.parent and account.parent not in seen:
        parent = accounts.get(account.parent)
        if parent is None or parent.kind != kind:
            break
        chain.append(parent.name)
        seen.add(parent.name)
        account = parent
    return chain


def donor_key(row: Any) -> tuple[str, str] | None:
    if row["工号"]:
        return ("工号", row["工号"])
    if row["姓名"]:
        return ("姓名", row["姓名"])
    return None


def donation_totals(office: OfficeData) -> Donations | None:
    listed_table, rows_table = office.table("捐款活动"), office.table("捐款明细")
    if listed_table is None and rows_table is None:
        return None

    listed: dict[str, dict[str, Any]] = {}
    for row in listed_table or ():
        name = row["活动"]
        if not name:
            continue
        info = listed.setdefault(name, {"received": None, "start": None, "end": None})
        if row["到账金额"] is not None:
            info["received"] = (info["received"] or ZERO) + row["到账金额"]
        info["start"] = info["start"] or row["开始日期"]
        info["end"] = info["end"] or row["结束日期"]

    members = office.members
    amounts: dict[str, Decimal] = {}
    rows: dict[str, int] = {}
    numbers: dict[str, list[int]] = {}  # campaign -> its Excel rows
    donors: dict[str, set] = {}
    dept_amounts: dict[tuple[str, str | None], Decimal] = {}
    dept_donors: dict[tuple[str, str | None], set] = {}
    people: dict[str, dict[Any, list[Any]]] = {}  # campaign -> donor -> [name, 部门, amount]
    for row in rows_table or ():
        name = row["活动"]
        if not name:
            continue
        if row["金额"] is not None:
            _add(amounts, name, row["金额"])
        rows[name] = rows.get(name, 0) + 1
        numbers.setdefault(name, []).append(row.excel_row)
        member = members.get(row["工号"]) if row["工号"] else None
        department = (member["部门"] if member is not None else None) or row["部门"]
        key = (name, department)
        if row["金额"] is not None:
            _add(dept_amounts, key, row["金额"])
        donor = donor_key(row)
        donors.setdefault(name, set())
        dept_donors.setdefault(key, set())
        if donor is not None:
            donors[name].add(donor)
            dept_donors[key].add(donor)
            if row["金额"] is not None:
                person = people.setdefault(name, {}).get(donor)
                if person is None:
                    shown = (member["姓名"] if member is not None else None) or row["姓名"] or ""
                    people[name][donor] = [shown, department, row["金额"]]
                else:
                    person[2] += row["金额"]

    names = [*listed, *sorted(n for n in rows if n not in listed)]
    campaigns = tuple(
        Campaign(
            campaign=name,
            amount=amounts.get(name, ZERO),
            donors=len(donors.get(name, ())),
            received=listed[name]["received"] if name in listed else None,
            rows=rows.get(name, 0),
            start=listed[name]["start"] if name in listed else None,
            end=listed[name]["end"] if name in listed else None,
            listed=name in listed,
            donation_rows=rows_in(rows_table, numbers.get(name, [])),
        )
        for name in names
    )

    in_service, order = department_members(office)
    departments = []
    for name in names:
        keys = [d for (c, d) in dept_donors if c == name]
        keys.sort(key=lambda d: (3, 0, "") if d is None else (*order.get(d, (2, 0)), d))
        for d in keys:
            departments.append(
                DepartmentDonation(
                    campaign=name,
                    department=d,
                    amount=dept_amounts.get((name, d), ZERO),
                    donors=len(dept_donors[(name, d)]),
                    members=in_service.get(d, 0) if d is not None else 0,
                )
            )
    lists = {
        name: tuple(Donor(n, d, a) for n, d, a in per_donor.values())
        for name, per_donor in people.items()
    }
    return Donations(campaigns, tuple(departments), lists)


def department_members(office: OfficeData) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """(部门 -> members 在职, 部门 -> sort rank: 部门 sheet order, then roster order)."""
    order: dict[str, tuple[int, int]] = {}
    for i, row in enumerate(office.table("部门") or ()):
        if row["部门"] and row["部门"] not in order:
            order[row["部门"]] = (0, i)
    counts: dict[str, int] = {}
    for i, member in enumerate(office.members.values()):
        department = member["部门"]
        if not department:
            continue
        order.setdefault(department, (1, i))
        if member["状态"] == IN_SERVICE:
            counts[department] = counts.get(department, 0) + 1
    return counts, order


def visit_totals(office: OfficeData) -> Visits | None:
    table = office.table("慰问登记")
    if table is None:
        return None
    counts: dict[str, int] = {}
    amounts: dict[str, Decimal] = {}
    members: dict[str, set[str]] = {}
    numbers: dict[str, list[int]] = {}
    roster = office.members
    gifts = []
    # The hot loop of a big office: the cells come from the columns, zipped.
    columns = map(table.column_values, ("类型", "工号", "日期", "姓名", "形式", "金额", "事由"))
    for row, kind, number, day, name, form, amount, reason in zip(table.rows, *columns):
        if not kind:
            continue
        member = roster.get(number or "")
        gifts.append(
            Gift(
                day,
                kind,
                name or (member["姓名"] if member is not None else "") or "",
                member["部门"] if member is not None else None,
                form or "",
                amount,
                reason or "",
                row.excel_row,
            )
        )
        if kind not in counts:
            counts[kind] = 0
            amounts[kind] = ZERO
            members[kind] = set()
            numbers[kind] = []
        counts[kind] += 1
        numbers[kind].append(row.excel_row)
        if amount is not None:
            amounts[kind] += amount
        if number:
            members[kind].add(number)
    standard = list(office.policy.visit_standards or ())
    ordered = [k for k in standard if k in counts]
    ordered += sorted(k for k in counts if k not in ordered)
    by_type = tuple(
        VisitType(k, counts[k], len(members[k]), amounts[k], rows_in(table, numbers[k]))
        for k in ordered
    )
    return Visits(by_type, len(set().union(*members.values())), tuple(gifts))


def proposal_totals(office: OfficeData) -> Proposals | None:
    table = office.table("提案")
    if table is None:
        return None
    results: dict[str | None, int] = {}
    answered = satisfied = filed_answered = 0
    filed_grades: dict[str, int] = {}
    result_rows: dict[str, list[int]] = {}
    grade_rows: dict[str, list[int]] = {}
    answered_rows: list[int] = []
    for row in table:
        result = row["审查结果"]
        results[result] = results.get(result, 0) + 1
        if result:
            result_rows.setdefault(result, []).append(row.excel_row)
        answered += row["答复日期"] is not None
        satisfied += row["满意度"] == "满意"
        if result == "立案":
            if row["答复日期"] is not None:
                filed_answered += 1
                answered_rows.append(row.excel_row)
            if row["满意度"]:
                filed_grades[row["满意度"]] = filed_grades.get(row["满意度"], 0) + 1
                grade_rows.setdefault(row["满意度"], []).append(row.excel_row)
    return Proposals(
        collected=len(table),
        accepted=sum(results.get(r, 0) for r in ACCEPTED_RESULTS),
        filed=results.get("立案", 0),
        answered=answered,
        satisfied=satisfied,
        rejected=results.get("不予立案", 0),
        withdrawn=results.get("撤回", 0),
        filed_answered=filed_answered,
        filed_grades=tuple(filed_grades.items()),
        rows=rows_in(table, [row.excel_row for row in table]),
        result_rows=rows_per(table, result_rows),
        filed_grade_rows=rows_per(table, grade_rows),
        filed_answered_rows=rows_in(table, answered_rows),
    )


def award_totals(office: OfficeData) -> Awards | None:
    """Awards in the report period, by level and by subject (台账格式 §5b)."""
    return part_two.award_totals(office)


def member_totals(office: OfficeData) -> Members | None:
    """The roster by 状态 (every row), women among current members, joined this 年度,
    and the current members of each 部门."""
    table = office.table("会员")
    if table is None:
        return None
    year = office.year
    by_status: dict[str, int] = {}
    women = joined = 0
    per_department: dict[str | None, dict[str, int]] = {}
    any_gender = False
    status_rows: dict[str, list[int]] = {}
    women_rows: list[int] = []
    joined_rows: list[int] = []
    for row in table:
        status = row["状态"]
        if status:
            by_status[status] = by_status.get(status, 0) + 1
            status_rows.setdefault(status, []).append(row.excel_row)
        joined_on = row["入会日期"]
        if year is not None and joined_on is not None and joined_on.year == year:
            joined += 1
            joined_rows.append(row.excel_row)
        if status in CURRENT_STATUSES:
            any_gender = any_gender or bool(row["性别"])
            if row["性别"] == "女":
                women += 1
                women_rows.append(row.excel_row)
            counts = per_department.setdefault(row["部门"], {})
            counts[status] = counts.get(status, 0) + 1
    _, order = department_members(office)
    departments = sorted(
        per_department,
        key=lambda d: (3, 0, "") if d is None else (*order.get(d, (2, 0)), d),
    )
    return Members(
        tuple(by_status.items()),
        women,
        joined,
        tuple(DepartmentMembers(d, tuple(per_department[d].items())) for d in departments),
        any_gender,
        rows_per(table, status_rows),
        rows_in(table, women_rows),
        rows_in(table, joined_rows),
    )


def count_by(keys: Iterable[Any]) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts
