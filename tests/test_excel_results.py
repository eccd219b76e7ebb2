"""What the button writes, as plain data: rows, links, formats, the status line."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath, PureWindowsPath

from unionxl.excel import results as R
from unionxl.model.findings import ERROR, WARNING, Finding

OFFICE = PureWindowsPath("D:/工会/2023台账")


def finding(**kw) -> Finding:
    base = {
        "severity": ERROR,
        "rule": "member.idcard.checksum",
        "message": "身份证号校验位错误：应为 5",
    }
    return Finding(**{**base, **kw})


ID_ERROR = finding(
    file="会员名册.xlsx",
    sheet="会员",
    row=17,
    column="E",
    field="身份证号",
    value="35090219850312123X",
    sensitive=True,
)


def test_link_to_a_cell_of_another_workbook():
    assert R.link_formula(OFFICE, ID_ERROR) == (
        '=HYPERLINK("[D:\\工会\\2023台账\\会员名册.xlsx]\'会员\'!E17","E17")'
    )


def test_link_quotes_sheet_names_and_strings():
    f = finding(file='a"b.xlsx', sheet="O'Brien 表", row=3, column="B")
    assert R.link_formula(PurePosixPath("/data"), f) == (
        '=HYPERLINK("[/data/a""b.xlsx]\'O\'\'Brien 表\'!B3","B3")'
    )


def test_link_to_a_row_a_table_and_a_file():
    row = finding(file="慰问.xlsx", sheet="慰问登记", row=9, rule="row.duplicate")
    whole_file = finding(file="慰问.xlsx", rule="file.open", severity=WARNING)
    assert R.link_formula(OFFICE, row) == (
        '=HYPERLINK("[D:\\工会\\2023台账\\慰问.xlsx]\'慰问登记\'!A9","第9行")'
    )
    assert R.link_formula(OFFICE, whole_file) == (
        '=HYPERLINK("D:\\工会\\2023台账\\慰问.xlsx","打开文件")'
    )


def test_link_falls_back_when_excel_could_not_follow_it():
    brackets = PureWindowsPath("D:/[2023]台账")
    both = PureWindowsPath("D:/[2023]#台账")
    assert R.link_location(brackets, ID_ERROR) == "D:\\[2023]台账\\会员名册.xlsx#'会员'!E17"
    assert R.link_formula(both, ID_ERROR) == "E17"
    deep = PureWindowsPath("D:/" + "很长的文件夹名" * 40)
    assert R.link_formula(deep, ID_ERROR) == "E17"  # HYPERLINK takes at most 255 characters
    unreadable = finding(file="坏.xlsx", rule="file.unreadable", message="无法读取")
    assert R.link_formula(OFFICE, unreadable) == "打开文件"


def test_findings_plan_errors_first_masked_with_links_and_filters():
    warning = finding(
        severity=WARNING,
        rule="member.phone",
        file="会员名册.xlsx",
        sheet="会员",
        row=3,
        column="I",
        field="手机",
        value="13812345678",
        sensitive=True,
        message="手机号应为 11 位",
    )
    error2 = finding(
        file="经费.xlsx",
        sheet="收支明细",
        row=5,
        column="E",
        field="收入",
        value="1.234",
        rule="value.decimals",
        message="金额最多两位小数",
    )
    plan = R.findings_plan([warning, error2, ID_ERROR], OFFICE)
    assert plan.name == "校验结果"
    assert plan.values == [
        ["级别", "文件", "工作表", "单元格", "字段", "值", "问题说明", "规则"],
        [
            "错误",
            "会员名册.xlsx",
            "会员",
            None,
            "身份证号",
            "350902********123X",
            "身份证号校验位错误：应为 5",
            "member.idcard.checksum",
        ],
        [
            "错误",
            "经费.xlsx",
            "收支明细",
            None,
            "收入",
            "1.234",
            "金额最多两位小数",
            "value.decimals",
        ],
        [
            "警告",
            "会员名册.xlsx",
            "会员",
            None,
            "手机",
            "138****5678",
            "手机号应为 11 位",
            "member.phone",
        ],
    ]
    assert [
        (address, [row[0].rsplit(",", 1)[1] for row in links]) for address, links in plan.formulas
    ] == [("D2:D4", ['"E17")', '"E5")', '"I3")'])]
    assert plan.text_ranges == ("A:C", "E:H")
    assert plan.font_colors == (("A2:A3", R.ERROR_COLOR), ("A4:A4", R.WARNING_COLOR))
    assert plan.table == "A1:H4" and plan.table_name == "unionxl_findings"
    assert plan.bold == ("A1:H1",)


def test_findings_plan_without_findings_says_so():
    plan = R.findings_plan([], OFFICE)
    assert plan.values[1] == [None, None, None, None, None, None, "未发现问题", None]
    assert plan.formulas == () and plan.font_colors == () and plan.table == "A1:H2"


def test_findings_plan_notes_what_the_cap_left_out():
    plan = R.findings_plan(
        [ID_ERROR], OFFICE, capped={("会员名册.xlsx/会员", "value.required"): 12}
    )
    assert plan.values[-1][6].startswith(
        "会员名册.xlsx/会员 的“value.required”问题超过上限，另有 12 条未列出"
    )
    assert plan.formulas[0][0] == "D2:D3"


SPEC_TOTALS = {
    "year": 2023,
    "budget": {
        "lines": [
            {
                "account": "职工服务支出",
                "kind": "支出",
                "budget": "100000.00",
                "actual": "93000.50",
                "rate": 0.93,
                "remaining": "6999.50",
            },
            {
                "account": "其他收入",
                "kind": "收入",
                "budget": "0.00",
                "actual": "12.34",
                "rate": None,
                "remaining": "-12.34",
            },
        ],
        "income_total": "12.34",
        "expense_total": "93000.50",
        "opening_balance": None,
        "closing_balance": None,
    },
    "donations": {
        "campaigns": [
            {
                "campaign": "慈善一日捐",
                "amount": "117228.00",
                "donors": 812,
                "received": "117228.00",
                "reconciled": True,
            },
            {
                "campaign": "母亲健康1+1",
                "amount": "50.00",
                "donors": 1,
                "received": None,
                "reconciled": False,
            },
        ],
        "departments": [
            {
                "campaign": "慈善一日捐",
                "department": "数理学院",
                "amount": "6000.00",
                "donors": 60,
                "members": 71,
                "participation": 0.8451,
            },
            {
                "campaign": "慈善一日捐",
                "department": None,
                "amount": "10.00",
                "donors": 1,
                "members": 0,
                "participation": None,
            },
        ],
    },
    "visits": {
        "by_type": [{"type": "生日慰问", "count": 2900, "members": 2900, "amount": "870000.00"}]
    },
    "proposals": {"collected": 30, "accepted": 28, "filed": 4, "answered": 4, "satisfied": 4},
    "awards": None,
}


def test_summary_plan_blocks():
    plan = R.summary_plan(SPEC_TOTALS, unit="测试学院工会", when="2024-03-01 10:32")
    rows = [[v for v in row if v is not None] for row in plan.values]
    assert rows == [
        ["测试学院工会 2023 年度 汇总"],
        ["数据来自台账最后保存的内容；生成于 2024-03-01 10:32"],
        [],
        ["一、经费预算执行"],
        ["科目", "类别", "预算数", "决算数", "执行率", "差额（预算－决算）"],
        ["职工服务支出", "支出", 100000.0, 93000.5, 0.93, 6999.5],
        ["其他收入", "收入", 0.0, 12.34, -12.34],
        [],
        ["项目", "金额"],
        ["本年收入", 12.34],
        ["本年支出", 93000.5],
        ["上年结余"],
        ["年末结余"],
        [],
        ["二、捐款"],
        ["活动", "捐款金额", "捐款人数", "到账金额", "对账"],
        ["慈善一日捐", 117228.0, 812, 117228.0, "相符"],
        ["母亲健康1+1", 50.0, 1, "未填到账"],
        [],
        ["活动", "部门", "捐款金额", "捐款人数", "在职会员", "参与率"],
        ["慈善一日捐", "数理学院", 6000.0, 60, 71, 0.8451],
        ["慈善一日捐", "（未填部门）", 10.0, 1, 0],
        [],
        ["三、慰问"],
        ["类型", "次数", "人数", "金额"],
        ["生日慰问", 2900, 2900, 870000.0],
        [],
        ["四、提案"],
        ["项目", "件数"],
        ["征集提案", 30],
        ["确定提案（立案及转意见建议）", 28],
        ["正式立案", 4],
        ["已答复", 4],
        ["满意", 4],
        [],
        ["五、获奖"],
        ["（台账中没有“获奖”表）"],
    ]
    assert {len(row) for row in plan.values} == {6}  # rectangular for one bulk write
    formats = dict(plan.number_formats)
    assert formats["C6:C7"] == "#,##0.00" and formats["E6:E7"] == "0.00%"
    assert formats["F21:F22"] == "0.00%" and formats["B10:B13"] == "#,##0.00"
    assert "A6:A7" in plan.text_ranges and "B21:B22" in plan.text_ranges
    assert "A4" in plan.bold and "A5:F5" in plan.bold


def test_summary_plan_of_an_empty_office():
    empty = {
        "year": None,
        "budget": None,
        "donations": None,
        "visits": {"by_type": []},
        "proposals": None,
        "awards": None,
    }
    rows = [[v for v in row if v is not None] for row in R.summary_plan(empty).values]
    assert rows[0] == ["汇总"]
    assert ["（台账中没有“预算”表）"] in rows and ["（无）"] in rows


def test_status_line():
    started = dt.datetime(2024, 3, 1, 10, 32, 5)
    outcome = R.Outcome(
        "全部",
        errors=2,
        warnings=1,
        files=4,
        rows=310,
        totals=True,
        notice="台账中有 2 个错误，没有生成报告。",
    )
    assert R.status_text(outcome, started, 1.234) == (
        "2024-03-01 10:32　全部：2 个错误，1 个警告（4 个工作簿，310 行）；汇总已更新；"
        "台账中有 2 个错误，没有生成报告；用时 1.2 秒"
    )
    done = R.Outcome(
        "生成报告",
        errors=0,
        warnings=0,
        files=4,
        rows=310,
        reports=("a.docx", "b.docx"),
        reports_dir="D:\\工会\\报告",
    )
    assert R.status_text(done, started, 3.0).endswith("报告 2 份 → D:\\工会\\报告；用时 3.0 秒")
    assert (
        R.failure_text("校验", "找不到文件夹：X", started)
        == "2024-03-01 10:32　校验：未完成。找不到文件夹：X"
    )
