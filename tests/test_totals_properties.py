"""Property tests: totals add up whatever the row order; money survives xlsx exactly."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from conftest import write_office
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unionxl
from unionxl.figures.compute import Totals, compute_totals
from unionxl.model.values import money_text

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# (科目, 类别) from the built-in chart: parents, their children, and plain accounts.
ACCOUNTS = [
    ("会费收入", "收入"),
    ("上级补助收入", "收入"),
    ("职工活动支出", "支出"),
    ("会员活动支出", "支出"),
    ("文体活动支出", "支出"),
    ("职工服务支出", "支出"),
    ("维权支出", "支出"),
]
CAMPAIGNS = ["慈善一日捐", "母亲健康1+1"]
ROSTER = [
    ("0101", "张三", "数理学院", "在职"),
    ("0102", "李四", "数理学院", "退休"),
    ("0103", "王五", "机关", "在职"),
    ("0104", "赵六", "机关", "在职"),
]
# Donors: members (by 工号) and non-members (no 工号; by 姓名, maybe a 部门).
DONORS = [(n, name, dept) for n, name, dept, _ in ROSTER] + [
    (None, "校友甲", "校友会"),
    (None, "热心人", None),
]

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
ledger_entries = st.lists(st.tuples(st.sampled_from(ACCOUNTS), money), max_size=15)
budget_entries = st.dictionaries(st.sampled_from([a for a, _ in ACCOUNTS]), money, max_size=5)
donation_entries = st.lists(
    st.tuples(st.sampled_from(CAMPAIGNS), st.sampled_from(DONORS), money), max_size=15
)


def office_tables(budget, ledger, donations) -> dict:
    kinds = dict(ACCOUNTS)
    return {
        "设置": ("经费.xlsx", [["项目", "值"], ["年度", 2023], ["上年结余", "1234.56"]]),
        "会员": (
            "会员名册.xlsx",
            [["工号", "姓名", "部门", "状态"], *[list(m) for m in ROSTER]],
        ),
        "预算": (
            "经费.xlsx",
            [["科目", "类别", "预算数"], *[[a, kinds[a], float(x)] for a, x in budget.items()]],
        ),
        "收支明细": (
            "经费.xlsx",
            [
                ["日期", "凭证号", "科目", "摘要", "收入", "支出"],
                *[
                    [
                        dt.date(2023, 3, 1),
                        f"{i:03}",
                        a,
                        "摘要",
                        float(x) if k == "收入" else None,
                        float(x) if k == "支出" else None,
                    ]
                    for i, ((a, k), x) in enumerate(ledger)
                ],
            ],
        ),
        "捐款活动": ("捐款.xlsx", [["活动", "到账金额"], [CAMPAIGNS[0], None], [CAMPAIGNS[1], 0]]),
        "捐款明细": (
            "捐款.xlsx",
            [
                ["活动", "工号", "姓名", "部门", "金额"],
                *[[c, n, name, dept, float(x)] for c, (n, name, dept), x in donations],
            ],
        ),
    }


def totals_for(tables: dict) -> Totals:
    with tempfile.TemporaryDirectory() as tmp:
        return compute_totals(unionxl.load(write_office(Path(tmp) / "office", tables)))


def shuffled(tables: dict, sheet: str, order: list[int]) -> dict:
    file, rows = tables[sheet]
    body = rows[1:]
    return {**tables, sheet: (file, [rows[0], *[body[i] for i in order]])}


@SETTINGS
@given(budget=budget_entries, ledger=ledger_entries, donations=donation_entries, data=st.data())
def test_totals_add_up_whatever_the_row_order(budget, ledger, donations, data):
    tables = office_tables(budget, ledger, donations)
    ledger_order = data.draw(st.permutations(range(len(ledger))))
    donation_order = data.draw(st.permutations(range(len(donations))))
    mixed = shuffled(shuffled(tables, "收支明细", ledger_order), "捐款明细", donation_order)

    totals = totals_for(tables)
    assert totals_for(mixed).to_dict() == totals.to_dict()

    b = totals.budget
    income = sum((x for (_, k), x in ledger if k == "收入"), Decimal(0))
    expense = sum((x for (_, k), x in ledger if k == "支出"), Decimal(0))
    assert b.income_total == income and b.expense_total == expense
    # The top-level lines add up to the journal; the roll-up is not counted twice.
    assert sum((x.actual for x in b.top_lines if x.kind == "收入"), Decimal(0)) == income
    assert sum((x.actual for x in b.top_lines if x.kind == "支出"), Decimal(0)) == expense
    assert b.unassigned_income == b.unassigned_expense == 0
    assert b.closing_balance == Decimal("1234.56") + income - expense
    for line in b.lines:
        assert line.actual == line.own_actual + sum(
            (c.actual for c in b.children(line.account)), Decimal(0)
        )
        assert line.remaining == line.budget - line.actual
    assert {x.account for x in b.lines} == set(budget) | {a for (a, _), _ in ledger}
    assert sum((x.budget for x in b.lines), Decimal(0)) == sum(budget.values(), Decimal(0))

    d = totals.donations
    for campaign in d.campaigns:
        rows = [(donor, x) for c, donor, x in donations if c == campaign.campaign]
        departments = d.departments_of(campaign.campaign)
        assert campaign.amount == sum((x for _, x in rows), Decimal(0))
        assert campaign.amount == sum((x.amount for x in departments), Decimal(0))
        assert campaign.donors == len({n or name for (n, name, _), _ in rows})
        assert campaign.donors == sum(x.donors for x in departments)  # a donor has one 部门
        assert campaign.reconciled == (campaign.received == campaign.amount)
    assert d.amount == sum((x for _, _, x in donations), Decimal(0))


amounts = st.lists(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999999.99"), places=2),
    min_size=1,
    max_size=20,
)


@SETTINGS
@given(amounts=amounts)
def test_money_survives_a_round_trip_through_xlsx(amounts):
    ledger = [
        [dt.date(2023, 3, 1), f"{i:03}", "职工服务支出", "摘要", None, float(x)]
        for i, x in enumerate(amounts)
    ]
    tables = {
        "收支明细": ("经费.xlsx", [["日期", "凭证号", "科目", "摘要", "收入", "支出"], *ledger])
    }
    with tempfile.TemporaryDirectory() as tmp:
        office = unionxl.load(write_office(Path(tmp) / "office", tables))
        read = [row["支出"] for row in office.table("收支明细")]
        totals = compute_totals(office)
    assert read == amounts
    assert all(isinstance(x, Decimal) for x in read)
    assert [money_text(x) for x in read] == [money_text(x) for x in amounts]
    assert totals.budget.expense_total == sum(amounts, Decimal(0))
    assert totals.to_dict()["budget"]["expense_total"] == money_text(sum(amounts, Decimal(0)))
