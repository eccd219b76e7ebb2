"""Totals (台账格式 §5): exact figures from offices built in code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import clean_tables

import unionxl
from unionxl.figures.compute import compute_totals
from unionxl.model.errors import UnionxlError
from unionxl.outputs.textwidth import display_width, pad
from unionxl.outputs.totals_text import render_totals, table

D = Decimal
LEDGER_HEADER = ["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人"]

PART_TWO = ("members", "organisation", "activities", "retiree_visits", "mutual_aid", "dues")
PART_TWO_ABSENT = dict.fromkeys(PART_TWO[2:])

CLEAN_TOTALS = {
    "year": 2023,
    "budget": {
        "lines": [
            {
                "account": "会费收入",
                "kind": "收入",
                "budget": "500.00",
                "actual": "400.00",
                "rate": 0.8,
                "remaining": "100.00",
            },
            {
                "account": "职工服务支出",
                "kind": "支出",
                "budget": "300.00",
                "actual": "250.50",
                "rate": 0.835,
                "remaining": "49.50",
            },
        ],
        "income_total": "400.00",
        "expense_total": "250.50",
        "opening_balance": "1000.00",
        "closing_balance": "1149.50",
    },
    "donations": {
        "campaigns": [
            {
                "campaign": "慈善一日捐",
                "amount": "300.00",
                "donors": 2,
                "received": "300.00",
                "reconciled": True,
            }
        ],
        "departments": [
            {
                "campaign": "慈善一日捐",
                "department": "数理学院",
                "amount": "100.00",
                "donors": 1,
                "members": 1,
                "participation": 1.0,
            },
            # 李四 is 退休: 机关 has no member 在职.
            {
                "campaign": "慈善一日捐",
                "department": "机关",
                "amount": "200.00",
                "donors": 1,
                "members": 0,
                "participation": None,
            },
        ],
    },
    "visits": {
        "by_type": [
            {"type": "节日慰问", "count": 1, "members": 1, "amount": "500.00"},
            {"type": "生日慰问", "count": 1, "members": 1, "amount": "300.00"},
        ]
    },
    "proposals": {"collected": 2, "accepted": 2, "filed": 1, "answered": 1, "satisfied": 1},
    "awards": {
        "by_level": [
            {"level": "国家级", "count": 0},
            {"level": "省级", "count": 1},
            {"level": "市级", "count": 0},
            {"level": "校级", "count": 0},
        ],
        "by_subject": [{"level": "省级", "subject": "集体", "count": 1}],
    },
    # part two: the clean office keeps only the 部门 and 会员 tables of them
    "members": {
        "by_status": [{"status": "在职", "count": 1}, {"status": "退休", "count": 1}],
        "women": 1,  # 李四, 退休
        "joined": 0,  # joined 2010 and 2015, not in 2023
    },
    "organisation": {"departments": 2, "elected": 0},  # no 换届日期 column
    **PART_TWO_ABSENT,
}


def ledger_row(account, income=None, expense=None, voucher="100"):
    return [dt.date(2023, 6, 1), voucher, account, "摘要", income, expense, "王五"]


def totals_of(make_office, tables=None, **options):
    return compute_totals(unionxl.load(make_office(tables), **options))


def test_clean_office_exact(make_office):
    assert totals_of(make_office).to_dict() == CLEAN_TOTALS


def test_clean_office_attributes(make_office):
    totals = totals_of(make_office)
    budget = totals.budget
    assert totals.unit_name == "测试学院工会"
    assert budget.closing_balance == D("1149.50")
    assert budget.income.budget == D("500") and budget.income.actual == D("400")
    assert budget.expense.rate == D("0.8350")
    assert budget.unassigned_income == budget.unassigned_expense == 0
    assert budget.line("会费收入").remaining == D("100")
    assert totals.donations.amount == D("300")
    assert totals.donations.campaign("慈善一日捐").rows == 2
    assert totals.donations.campaign("慈善一日捐").start == dt.date(2023, 5, 1)
    assert (
        totals.visits.count == 2 and totals.visits.members == 1 and totals.visits.amount == D("800")
    )
    assert totals.awards.count == 1
    assert isinstance(budget.lines[0].actual, Decimal)


def test_roll_up_parent_includes_children(make_office):
    tables = clean_tables()
    tables["预算"][1].extend([["职工活动支出", "支出", 1000], ["会员活动支出", "支出", 400]])
    tables["收支明细"][1].extend(
        [
            ledger_row("会员活动支出", expense=300, voucher="003"),
            ledger_row("文体活动支出", expense=200, voucher="004"),  # no 预算 row
            ledger_row("职工活动支出", expense=50, voucher="005"),  # booked to the parent itself
        ]
    )
    budget = totals_of(make_office, tables).budget
    expense = [
        (x.account, x.parent, x.depth, x.budget, x.actual, x.own_actual)
        for x in budget.expense_lines
    ]
    assert expense == [
        ("职工服务支出", None, 0, D("300"), D("250.5"), D("250.5")),
        ("职工活动支出", None, 0, D("1000"), D("550"), D("50")),
        ("会员活动支出", "职工活动支出", 1, D("400"), D("300"), D("300")),
        ("文体活动支出", "职工活动支出", 1, D("0"), D("200"), D("200")),
    ]
    # Totals come from the journal, not from the lines: the roll-up is not counted twice.
    assert budget.expense_total == D("800.50")
    assert budget.expense.actual == D("800.50")
    assert budget.expense.budget == D("1300")  # top-level lines only
    d = budget.to_dict()
    assert d["expense_total"] == "800.50"
    assert d["closing_balance"] == "599.50"
    assert d["lines"][2] == {
        "account": "职工活动支出",
        "kind": "支出",
        "budget": "1000.00",
        "actual": "550.00",
        "rate": 0.55,
        "remaining": "450.00",
    }
    assert d["lines"][4] == {
        "account": "文体活动支出",
        "kind": "支出",
        "budget": "0.00",
        "actual": "200.00",
        "rate": None,
        "remaining": "-200.00",
    }
    assert [x.account for x in budget.children("职工活动支出")] == ["会员活动支出", "文体活动支出"]


def test_children_without_parent_line_stay_top_level(make_office):
    tables = clean_tables()
    tables["收支明细"][1].append(ledger_row("会员活动支出", expense=70, voucher="003"))
    budget = totals_of(make_office, tables).budget
    assert [(x.account, x.parent, x.depth) for x in budget.expense_lines] == [
        ("职工服务支出", None, 0),
        ("会员活动支出", None, 0),
    ]
    assert budget.line("职工活动支出") is None


def test_office_chart_with_parent_accounts(make_office):
    tables = clean_tables()
    tables["科目"] = (
        "经费.xlsx",
        [
            ["编码", "科目", "类别", "上级科目"],
            ["401", "会费收入", "收入", None],
            ["501", "活动支出", "支出", None],
            ["50101", "文体活动", "支出", "活动支出"],
            ["50102", "职工服务支出", "支出", "活动支出"],
        ],
    )
    tables["预算"][1].append(["活动支出", "支出", 1000])
    tables["收支明细"][1].append(ledger_row("文体活动", expense=100, voucher="003"))
    budget = totals_of(make_office, tables).budget
    assert [(x.account, x.depth, x.actual) for x in budget.expense_lines] == [
        ("活动支出", 0, D("350.5")),
        ("职工服务支出", 1, D("250.5")),
        ("文体活动", 1, D("100")),
    ]
    assert budget.expense.actual == budget.expense_total == D("350.50")


def test_account_in_ledger_without_budget(make_office):
    tables = clean_tables()
    tables["收支明细"][1].append(ledger_row("上级补助收入", income=2000, voucher="003"))
    lines = totals_of(make_office, tables).to_dict()["budget"]["lines"]
    assert lines[1] == {
        "account": "上级补助收入",
        "kind": "收入",
        "budget": "0.00",
        "actual": "2000.00",
        "rate": None,
        "remaining": "-2000.00",
    }
    assert [x["account"] for x in lines] == ["会费收入", "上级补助收入", "职工服务支出"]


def test_budget_line_without_spending(make_office):
    tables = clean_tables()
    tables["预算"][1].append(["维权支出", "支出", 800])
    line = totals_of(make_office, tables).to_dict()["budget"]["lines"][-1]
    assert line == {
        "account": "维权支出",
        "kind": "支出",
        "budget": "800.00",
        "actual": "0.00",
        "rate": 0.0,
        "remaining": "800.00",
    }


def test_unknown_account_and_wrong_side_are_in_totals(make_office):
    tables = clean_tables()
    tables["收支明细"][1].extend(
        [
            ledger_row("神秘支出", expense=10, voucher="003"),  # not in the chart
            ledger_row("会费收入", expense=20, voucher="004"),  # 支出 on a 收入 科目
            ledger_row(None, income=5, voucher="005"),  # 科目 blank
        ]
    )
    budget = totals_of(make_office, tables).budget
    assert [x.account for x in budget.lines] == ["会费收入", "职工服务支出", "神秘支出"]
    assert budget.line("神秘支出").kind == "支出"
    assert budget.expense_total == D("280.50")
    assert budget.income_total == D("405")
    assert budget.unassigned_expense == D("20")
    assert budget.unassigned_income == D("5")
    assert "未计入任何科目" in render_totals(totals_of(make_office, tables))


def test_repeated_budget_rows_are_summed(make_office):
    tables = clean_tables()
    tables["预算"][1].append(["职工服务支出", "支出", 100])
    budget = totals_of(make_office, tables).budget
    assert [(x.account, x.budget) for x in budget.lines] == [
        ("会费收入", D("500")),
        ("职工服务支出", D("400")),
    ]


def test_rate_rounds_half_up_to_four_places(make_office):
    tables = clean_tables()
    tables["预算"][1][2] = ["职工服务支出", "支出", 3]
    tables["收支明细"][1][2][5] = 2  # 2 / 3 = 0.66666…
    assert totals_of(make_office, tables).to_dict()["budget"]["lines"][1]["rate"] == 0.6667


def test_unreadable_amount_is_skipped(make_office):
    tables = clean_tables()
    tables["收支明细"][1].append(ledger_row("职工服务支出", expense="一百元", voucher="003"))
    office = unionxl.load(make_office(tables))
    assert compute_totals(office).budget.expense_total == D("250.50")
    assert office.check().errors >= 1


def test_no_opening_balance_gives_null_balances(make_office):
    tables = clean_tables()
    tables["设置"] = ("经费.xlsx", [["项目", "值"], ["年度", 2023]])
    budget = totals_of(make_office, tables).to_dict()["budget"]
    assert budget["opening_balance"] is None and budget["closing_balance"] is None
    assert budget["income_total"] == "400.00"


def test_absent_tables_are_null(make_office):
    tables = {"设置": clean_tables()["设置"]}
    assert totals_of(make_office, tables).to_dict() == {
        "year": 2023,
        "budget": None,
        "donations": None,
        "visits": None,
        "proposals": None,
        "awards": None,
        **dict.fromkeys(PART_TWO),
    }


def test_budget_without_journal_has_zero_actuals(make_office):
    tables = clean_tables()
    del tables["收支明细"]
    budget = totals_of(make_office, tables).to_dict()["budget"]
    assert [(x["account"], x["actual"], x["remaining"]) for x in budget["lines"]] == [
        ("会费收入", "0.00", "500.00"),
        ("职工服务支出", "0.00", "300.00"),
    ]
    assert budget["closing_balance"] == "1000.00"


NO_TABLES = {"说明": ("说明.xlsx", [["这个工作簿没有台账表"]])}


def test_office_without_any_known_table(make_office):
    totals = totals_of(make_office, NO_TABLES)
    assert totals.to_dict() == dict.fromkeys(
        ("year", "budget", "donations", "visits", "proposals", "awards", *PART_TWO)
    )
    assert "没有" in render_totals(totals)


def test_year_option_overrides_settings(make_office):
    assert totals_of(make_office, year=2024).year == 2024


def test_unreadable_workbook_stops_totals(make_office):
    folder = make_office()
    (folder / "坏文件.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(UnionxlError, match="坏文件.xlsx"):
        compute_totals(unionxl.load(folder))


# --- donations ------------------------------------------------------------------


def donation(campaign, number, name, department, amount):
    return [campaign, number, name, department, amount, dt.date(2023, 5, 12)]


def test_donation_department_from_roster_and_donor_identity(make_office):
    tables = clean_tables()
    tables["会员"][1].extend(
        [
            ["0103", "王五", "男", None, None, "数理学院", None, "在职", None],
            ["0104", "赵六", "女", None, None, "数理学院", None, "退休", None],
            ["0105", "钱七", "女", None, None, "机关", None, "调离", None],
        ]
    )
    tables["捐款明细"][1][1:] = [
        donation("慈善一日捐", "0101", "张三", "机关", 100),  # roster says 数理学院
        donation("慈善一日捐", "0101", "张三", "机关", 50),  # same donor again
        donation("慈善一日捐", "0104", "赵六", None, 20),  # retired: a donor, not a member 在职
        donation("慈善一日捐", None, "校友甲", "校友会", 30),  # not a member
        donation("慈善一日捐", None, "校友甲", "校友会", 30),  # same name, no 工号: one donor
        donation("慈善一日捐", None, "热心人", None, 70),  # department unknown
    ]
    donations = totals_of(make_office, tables).to_dict()["donations"]
    assert donations["campaigns"] == [
        {
            "campaign": "慈善一日捐",
            "amount": "300.00",
            "donors": 4,
            "received": "300.00",
            "reconciled": True,
        }
    ]
    assert donations["departments"] == [
        {
            "campaign": "慈善一日捐",
            "department": "数理学院",
            "amount": "170.00",
            "donors": 2,
            "members": 2,
            "participation": 1.0,
        },
        {
            "campaign": "慈善一日捐",
            "department": "校友会",
            "amount": "60.00",
            "donors": 1,
            "members": 0,
            "participation": None,
        },
        {
            "campaign": "慈善一日捐",
            "department": None,
            "amount": "70.00",
            "donors": 1,
            "members": 0,
            "participation": None,
        },
    ]


def test_participation_counts_only_members_in_service(make_office):
    tables = clean_tables()
    tables["会员"][1].extend(
        [
            ["0103", "王五", "男", None, None, "数理学院", None, "在职", None],
            ["0104", "赵六", "女", None, None, "数理学院", None, "退休", None],
            ["0105", "孙八", "男", None, None, "数理学院", None, "在职", None],
        ]
    )
    department = totals_of(make_office, tables).donations.departments_of("慈善一日捐")[0]
    assert (department.department, department.donors, department.members) == ("数理学院", 1, 3)
    assert department.participation == D("0.3333")
    assert department.to_dict()["participation"] == 0.3333


def test_campaign_only_in_donation_rows_and_unreconciled(make_office):
    tables = clean_tables()
    tables["捐款活动"][1].append(["母亲健康1+1", None, None, None])  # 到账金额 blank
    tables["捐款明细"][1].extend(
        [
            donation("母亲健康1+1", "0102", "李四", "机关", 50),
            donation("助学捐款", "0101", "张三", "数理学院", 10),
        ]
    )
    tables["捐款活动"][1][1][3] = 299  # bank received less than donated
    campaigns = totals_of(make_office, tables).to_dict()["donations"]["campaigns"]
    assert campaigns == [
        {
            "campaign": "慈善一日捐",
            "amount": "300.00",
            "donors": 2,
            "received": "299.00",
            "reconciled": False,
        },
        {
            "campaign": "母亲健康1+1",
            "amount": "50.00",
            "donors": 1,
            "received": None,
            "reconciled": False,
        },
        {
            "campaign": "助学捐款",
            "amount": "10.00",
            "donors": 1,
            "received": None,
            "reconciled": False,
        },
    ]


def test_listed_campaign_without_donations(make_office):
    tables = clean_tables()
    tables["捐款活动"][1].append(["助学捐款", None, None, 0])
    campaign = totals_of(make_office, tables).donations.campaign("助学捐款")
    assert (campaign.amount, campaign.donors, campaign.received, campaign.reconciled) == (
        0,
        0,
        0,
        True,
    )


# --- visits, proposals, awards ---------------------------------------------------


def test_visits_by_type(make_office):
    tables = clean_tables()
    tables["慰问登记"][1].extend(
        [
            [dt.date(2023, 9, 20), "0101", "张三", "节日慰问", 400, "慰问品", "王五", "中秋"],
            [dt.date(2023, 9, 20), "0102", "李四", "节日慰问", 400.5, "慰问品", "王五", "中秋"],
            [dt.date(2023, 10, 1), "0102", "李四", "住院慰问", 500, "慰问金", "王五", "住院"],
        ]
    )
    assert totals_of(make_office, tables).to_dict()["visits"] == {
        "by_type": [
            {"type": "节日慰问", "count": 3, "members": 2, "amount": "1300.50"},
            {"type": "生日慰问", "count": 1, "members": 1, "amount": "300.00"},
            {
                "type": "住院慰问",
                "count": 1,
                "members": 1,
                "amount": "500.00",
            },  # not in 慰问标准: last
        ]
    }


def test_proposals_counts(make_office):
    tables = clean_tables()
    tables["提案"][1].extend(
        [
            ["2023-03", "关于食堂", "王五", 2, "立案", "后勤处", dt.date(2023, 7, 1), "基本满意"],
            ["2023-04", "关于宿舍", "赵六", 2, "不予立案", None, None, None],
            ["2023-05", "关于图书", "钱七", 2, "撤回", None, None, None],
        ]
    )
    proposals = totals_of(make_office, tables).proposals
    assert proposals.to_dict() == {
        "collected": 5,
        "accepted": 3,
        "filed": 2,
        "answered": 2,
        "satisfied": 1,
    }
    assert (proposals.rejected, proposals.withdrawn) == (1, 1)


def test_awards_all_levels_synonyms_counted(make_office):
    tables = clean_tables()
    tables["获奖"][1].extend(
        [
            [2023, "全国五一劳动奖章", "全国", "张三", "个人"],
            [2023, "三八红旗手", "省级", "李四", "个人"],
            [2023, "优秀工会积极分子", "校级", "王五", "个人"],
        ]
    )
    assert totals_of(make_office, tables).to_dict()["awards"] == {
        "by_level": [
            {"level": "国家级", "count": 1},
            {"level": "省级", "count": 2},
            {"level": "市级", "count": 0},
            {"level": "校级", "count": 1},
        ],
        "by_subject": [
            {"level": "国家级", "subject": "个人", "count": 1},
            {"level": "省级", "subject": "个人", "count": 1},
            {"level": "省级", "subject": "集体", "count": 1},
            {"level": "校级", "subject": "个人", "count": 1},
        ],
    }


# --- terminal text ---------------------------------------------------------------


def test_terminal_text_is_gbk_and_has_every_section(make_office):
    text = render_totals(totals_of(make_office))
    text.encode("gbk")  # fixed text must be GBK: raises UnicodeEncodeError otherwise
    for heading in (
        "预算执行",
        "捐款活动",
        "部门参与",
        "慰问",
        "提案",
        "获奖",
        "上年结余",
        "年末结余",
        "收入合计",
        "支出合计",
    ):
        assert heading in text
    assert "相符" in text
    assert "校验发现" not in text


def test_terminal_text_reports_errors_and_absent_tables(make_office):
    text = render_totals(totals_of(make_office, NO_TABLES), errors=3, warnings=1)
    assert "校验发现 3 个错误、1 个警告" in text
    assert "（台账中没有“提案”表）" in text


def test_terminal_budget_children_indented(make_office):
    tables = clean_tables()
    tables["预算"][1].append(["职工活动支出", "支出", 1000])
    tables["收支明细"][1].append(ledger_row("会员活动支出", expense=300, voucher="003"))
    lines = render_totals(totals_of(make_office, tables)).splitlines()
    parent = next(i for i, x in enumerate(lines) if x.startswith("职工活动支出"))
    assert lines[parent + 1].startswith("  会员活动支出")
    assert lines[parent].split()[1:3] == ["1,000.00", "300.00"]


def test_table_aligns_by_display_width():
    lines = table(
        ["科目", "金额"],
        [["会费收入", "1.00"], ["abc", "12,345.00"], None, ["合计", "x"]],
        ["<", ">"],
    )
    widths = {display_width(line) for line in lines}
    assert widths == {display_width("会费收入") + 2 + len("12,345.00")}
    assert display_width("慈善一日捐abc") == 13
    assert pad("数理", 6, ">") == "  数理"
