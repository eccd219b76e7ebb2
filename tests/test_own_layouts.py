"""Offices that keep their workbooks their own way (台账格式 §1b, issue 9).

Each folder below imitates how a kind of real system writes its export or import
template — sheet names, header text and order, value formats — and must be read table
by table, or unionxl must say which sheet it could not place and how to map it.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import ID_FEMALE, ID_MALE, cells

import unionxl
from unionxl.model.schema import MEMBERS
from unionxl.model.values import Month, parse_year_month

BAD_CHECKSUM = ID_MALE[:-1] + "9"  # 350902198503121239: wrong check digit


def about_data(report) -> list:
    """The findings about the data: without the folder-wide "no 年度" warning, since
    these exports carry no 设置 sheet (that warning is tested in test_edges_cli)."""
    return [f for f in report.findings if f.rule != "settings.year.missing"]


def write(folder: Path, books: list[tuple[str, str, list[list[Any]]]]) -> Path:
    """books: (file, sheet, rows) — several sheets may share a file or a name."""
    folder.mkdir(parents=True, exist_ok=True)
    opened: dict[str, openpyxl.Workbook] = {}
    for file, sheet, rows in books:
        book = opened.get(file)
        if book is None:
            book = opened[file] = openpyxl.Workbook()
            book.remove(book.active)
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(list(row))
    for file, book in opened.items():
        book.save(folder / file)
    return folder


def read_as(report) -> dict[str, tuple[str, str, str]]:
    return {s["table"]: (s["file"], s["sheet"], s["how"]) for s in report.sheets}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unionxl", *args], capture_output=True, text=True, encoding="utf-8"
    )


# --- 1. a provincial federation's 会员实名制 registration system export ----------------------
# Sheet "Sheet1" under a merged title row; 会员姓名, 会员号, 证件编号, 出生年月 as 1985.03,
# 工作单位, 入会时间 as 2010-09, 会员状态, 联系方式; extra 民族/政治面貌 columns; `--` for none.
FEDERATION = [
    ["测试学院工会会员信息登记表"],
    [
        "序号",
        "会员姓名",
        "会员号",
        "性别",
        "民族",
        "证件编号",
        "出生年月",
        "工作单位",
        "入会时间",
        "会员状态",
        "政治面貌",
        "联系方式",
    ],
    [
        1,
        "张三",
        "0101",
        "男",
        "汉族",
        ID_MALE,
        "1985.03",
        "数理学院",
        "2010-09",
        "在职",
        "中共党员",
        "13812345678",
    ],
    [
        2,
        "李四",
        "0102",
        "女",
        "畲族",
        ID_FEMALE,
        "1990年1月",
        "机关",
        "2015.07",
        "退休",
        "群众",
        "--",
    ],
]


def test_federation_registration_export_is_read_as_the_roster(tmp_path):
    folder = write(tmp_path / "o", [("会员信息.xlsx", "Sheet1", FEDERATION)])
    office = unionxl.load(folder)
    report = office.check()
    assert read_as(report) == {"会员": ("会员信息.xlsx", "Sheet1", "content")}
    assert about_data(report) == []
    assert report.exit_code == 0
    members = office.table("会员")
    assert members.header_row == 2
    first, second = members.rows
    assert first["出生日期"] == Month(1985, 3) and first["出生日期"].is_month
    assert str(first["入会日期"]) == "2010-09"
    assert second["手机"] is None  # `--` is blank
    assert second["出生日期"] == dt.date(1990, 1, 1)


# --- 2. an HR system's member export, saved by WPS ---------------------------------------
# Sheet "sheet1"; headers with a line break and a trailing *, 所在\n部门, 人员状态 values as the
# HR system writes them (在职/已退休), 身份证号码; extra 学历/用工形式 columns.
HR_HEADER = [
    "工号*",
    "姓名*",
    "性别",
    "身份证\n号码",
    "所在\n部门*",
    "人员状态*",
    "学历",
    "用工形式",
    "手机号码",
]


def hr_rows(*rows: list[Any]) -> list[list[Any]]:
    return [HR_HEADER, *rows]


def test_hr_export_saved_by_wps_is_read(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "人事导出.xlsx",
                "sheet1",
                hr_rows(
                    [
                        "0101",
                        "张三",
                        "男",
                        ID_MALE,
                        "数理学院",
                        "在职",
                        "博士研究生",
                        "事业编制",
                        "13812345678",
                    ],
                    ["0102", "李四", "女", ID_FEMALE, "机关", "已退休", "本科", "人事代理", "/"],
                ),
            )
        ],
    )
    report = unionxl.check(folder)
    assert read_as(report)["会员"] == ("人事导出.xlsx", "sheet1", "content")
    assert about_data(report) == []


# --- the same planted defects, whatever the headers ----------------------------------------
def planted(header_style: str) -> list[list[Any]]:
    rows = [
        ["0101", "张三", "男", ID_MALE, "数理学院", "在职"],
        ["0102", "李四", "女", BAD_CHECKSUM[:-2] + "28", "机关", "在职"],  # sex wrong etc.
        ["0101", "王五", "男", BAD_CHECKSUM, "机关", "在职"],  # duplicate 工号, bad check digit
        ["0104", "赵六", "女", ID_FEMALE, "机关", "出国"],  # not a status
    ]
    if header_style == "unionxl":
        header = ["工号", "姓名", "性别", "身份证号", "部门", "状态"]
    else:  # an ERP's 工会会员 import template: * before required names, its own words
        header = ["*员工编号", "*员工姓名", "性别", "身份证件号码", "*所属部门", "*人员状态"]
    return [header, *rows]


@pytest.mark.parametrize("style", ["unionxl", "erp"])
def test_same_defects_found_under_real_headers(tmp_path, style):
    sheet = "会员" if style == "unionxl" else "员工导入模板"
    folder = write(tmp_path / style, [("会员.xlsx", sheet, planted(style))])
    report = unionxl.check(folder)
    found = sorted((f.cell, f.rule) for f in about_data(report))
    assert found == [
        ("A4", "member.id.duplicate"),
        ("D3", "member.idcard.checksum"),
        ("D4", "member.idcard.checksum"),
        ("F5", "value.type"),
    ]


def test_planted_defects_identical_in_both_layouts(tmp_path):
    results = []
    for style, sheet in (("unionxl", "会员"), ("erp", "员工导入模板")):
        folder = write(tmp_path / style, [("会员.xlsx", sheet, planted(style))])
        report = unionxl.check(folder)
        results.append(sorted((f.cell, f.rule, f.severity) for f in about_data(report)))
    assert results[0] == results[1]
    assert len(results[0]) >= 4


# --- 3. a school union finance system: 记账查询 and 慰问查询 --------------------------------
# 记账日期, 凭证字号, 会计科目, 记账事项, 收入金额, 支出金额, 经办人; 慰问日期, 被慰问人,
# 慰问类型, 慰问金额（元）, 慰问形式. The roster is unionxl's own.
def finance_books() -> list[tuple[str, str, list[list[Any]]]]:
    return [
        (
            "会员名册.xlsx",
            "会员",
            [
                ["工号", "姓名", "性别", "身份证号", "部门", "状态"],
                ["0101", "张三", "男", ID_MALE, "数理学院", "在职"],
                ["0102", "李四", "女", ID_FEMALE, "机关", "退休"],
            ],
        ),
        ("财务导出.xlsx", "设置", [["项目", "值"], ["年度", 2023]]),
        (
            "财务导出.xlsx",
            "记账查询",
            [
                ["记账日期", "凭证字号", "会计科目", "记账事项", "收入金额", "支出金额", "经办人"],
                [dt.date(2023, 3, 1), "记-1", "会费收入", "收会费", 500, "", "王会计"],
                [dt.date(2023, 4, 1), "记-2", "职工服务支出", "慰问", "", 300, "王会计"],
            ],
        ),
        (
            "财务导出.xlsx",
            "慰问查询",
            [
                ["慰问日期", "工号", "被慰问人", "慰问类型", "慰问金额（元）", "慰问形式"],
                [dt.date(2023, 4, 1), "0101", "张三", "住院慰问", 800, "慰问金"],  # over 500
            ],
        ),
    ]


def test_finance_system_exports_are_read_and_checked(tmp_path):
    books = finance_books()
    books.append(("财务导出.xlsx", "慰问标准", [["类型", "每次上限"], ["住院慰问", 500]]))
    folder = write(tmp_path / "o", books)
    office = unionxl.load(folder)
    report = office.check()
    how = read_as(report)
    assert how["收支明细"] == ("财务导出.xlsx", "记账查询", "content")
    assert how["慰问登记"] == ("财务导出.xlsx", "慰问查询", "content")
    assert how["会员"][2] == "name"
    assert cells(report) == [("财务导出.xlsx", "慰问查询", "E2", "visit.cap.each", "error")]
    ledger = office.table("收支明细")
    assert [r["收入"] for r in ledger] == [Decimal(500), None]
    assert [r["支出"] for r in ledger] == [None, Decimal(300)]


# --- 4. a 教代会 proposal system: 正式提案 -------------------------------------------------
# 提案编号, 提案标题, 第一提案人, 立案情况 (单独立案/合并立案/不予立案), 主办单位, 答复时间,
# 满意程度; a header with its own value list.
def test_proposal_system_export_is_read_with_its_values(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "提案系统.xlsx",
                "正式提案",
                [
                    [
                        "提案编号",
                        "提案标题",
                        "第一提案人",
                        "附议人数",
                        "立案情况",
                        "主办单位",
                        "答复时间",
                        "满意程度",
                    ],
                    [
                        "T1",
                        "改善食堂",
                        "张三",
                        3,
                        "单独立案",
                        "后勤处",
                        dt.date(2023, 5, 1),
                        "满意",
                    ],
                    ["T2", "增设车棚", "李四", 2, "合并立案", "", "", ""],  # 立案 without 承办
                    ["T3", "涨工资", "王五", 0, "不予立案", "", "", ""],
                ],
            )
        ],
    )
    office = unionxl.load(folder)
    report = office.check()
    assert read_as(report)["提案"] == ("提案系统.xlsx", "正式提案", "content")
    assert [r["审查结果"] for r in office.table("提案")] == ["立案", "立案", "不予立案"]
    assert [(f.cell, f.rule) for f in about_data(report)] == [("F3", "proposal.filed.department")]


def test_header_with_its_value_list_and_line_break(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "提案.xlsx",
                "提案",
                [
                    [
                        "编号*",
                        "案由*",
                        "提案人*",
                        "审查结果（立案、转意见建议、不予立案、撤回）",
                        "承办\n部门",
                    ],
                    ["T1", "改善食堂", "张三", "立案", "后勤处"],
                ],
            )
        ],
    )
    office = unionxl.load(folder)
    assert office.table("提案").has("承办部门")
    assert about_data(office.check()) == []


# --- 5. a budget kept in 万元 (财务处 style) and a column in 千元 -------------------------
def test_budget_in_wan_yuan_is_converted_exactly(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "预算表.xlsx",
                "2023年预算",
                [
                    ["预算科目", "收支类别", "预算金额（万元）"],
                    ["会费收入", "收入", 1.2345],
                    ["职工服务支出", "支出", "0.03"],
                ],
            )
        ],
    )
    office = unionxl.load(folder)
    assert [r["预算数"] for r in office.table("预算")] == [Decimal("12345"), Decimal("300")]
    assert about_data(office.check()) == []


def test_other_unit_is_refused_not_stripped(tmp_path):
    folder = write(
        tmp_path / "o",
        [("预算.xlsx", "预算", [["科目", "类别", "预算数（千元）"], ["会费收入", "收入", 5]])],
    )
    report = unionxl.check(folder)
    rules = [(f.cell, f.rule) for f in about_data(report)]
    assert ("C1", "table.header_unit") in rules
    unit = next(f for f in about_data(report) if f.rule == "table.header_unit")
    assert "千元" in unit.message
    assert not unionxl.load(folder).table("预算").has("预算数")  # not read as yuan


# --- 6. a county union's forms kept as one workbook with notes and a typo ------------------
# Sheets named with the year in brackets (会员（2023）), a 填表说明 page, an unrelated sheet
# (车辆登记), and a register whose header lacks a required column.
def test_county_workbook_bracketed_names_unused_sheets_warned(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            ("县总工会.xlsx", "填表说明", [["请按要求填写"]]),
            (
                "县总工会.xlsx",
                "会员（2023）",
                [["工号", "姓名", "部门", "状态"], ["0101", "张三", "数理学院", "在职"]],
            ),
            ("县总工会.xlsx", "车辆登记", [["序号", "车牌号", "里程"], [1, "闽J12345", 100]]),
            (
                "县总工会.xlsx",
                "慰问情况",
                [["慰问日期", "被慰问人", "慰问金额"], [dt.date(2023, 1, 5), "张三", 100]],
            ),
        ],
    )
    report = unionxl.check(folder)
    assert read_as(report) == {"会员": ("县总工会.xlsx", "会员（2023）", "name")}
    unused = {u["sheet"]: u["reason"] for u in report.unused}
    assert set(unused) == {"填表说明", "车辆登记", "慰问情况"}
    assert "慰问登记" in unused["慰问情况"] and "类型" in unused["慰问情况"]
    assert "字段对照" in unused["慰问情况"]
    warned = {f.sheet for f in about_data(report) if f.rule == "folder.unused_sheet"}
    assert warned == {"车辆登记", "慰问情况"}  # a 说明 page is not worth a warning
    assert report.exit_code == 0


def test_unrelated_workbooks_exit_2_with_one_line(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            ("车辆.xlsx", "Sheet1", [["序号", "车牌号", "里程"], [1, "闽J12345", 100]]),
            ("课表.xlsx", "Sheet1", [["节次", "星期一", "星期二"], [1, "数学", "语文"]]),
        ],
    )
    done = run_cli("check", str(folder))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "没有认出任何台账表" in lines[0] and "车牌号" in lines[0]
    done = run_cli("check", str(folder), "--json")
    assert done.returncode == 2
    data = json.loads(done.stdout)
    assert data["sheets"] == []
    assert {u["file"] for u in data["unused"]} == {"车辆.xlsx", "课表.xlsx"}


def test_check_json_says_which_sheet_was_read_as_which_table(tmp_path):
    folder = write(
        tmp_path / "o", [("会员信息.xlsx", "Sheet1", FEDERATION), ("会员信息.xlsx", "Sheet2", [])]
    )
    done = run_cli("check", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["sheets"] == [
        {"file": "会员信息.xlsx", "sheet": "Sheet1", "table": "会员", "how": "content"}
    ]
    assert data["unused"] == [{"file": "会员信息.xlsx", "sheet": "Sheet2", "reason": "空白工作表"}]
    text = run_cli("check", str(folder)).stdout
    assert "会员 ← 会员信息.xlsx · Sheet1（按表头识别）" in text


def test_standard_folder_reports_every_table_by_name(make_office):
    report = unionxl.check(make_office())
    assert report.sheets and all(s["how"] == "name" for s in report.sheets)
    assert report.unused == []


# --- values -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, month",
    [
        ("1977.06", (1977, 6)),
        ("2002-06", (2002, 6)),
        ("1977年6月", (1977, 6)),
        (1977.06, (1977, 6)),
        ("2002/6", (2002, 6)),
    ],
)
def test_year_month_is_a_month(text, month):
    got = parse_year_month(text)
    assert got is not None and (got.year, got.month) == month and got.is_month


def test_year_month_only_where_a_month_is_enough(tmp_path):
    assert MEMBERS.column("出生日期").month_ok and MEMBERS.column("入会日期").month_ok
    folder = write(
        tmp_path / "o",
        [
            ("经费.xlsx", "设置", [["项目", "值"], ["年度", 2023]]),
            (
                "经费.xlsx",
                "收支明细",
                [
                    ["日期", "凭证号", "科目", "摘要", "收入"],
                    ["2023.03", "1", "会费收入", "会费", 10],
                ],
            ),
        ],
    )
    report = unionxl.check(folder)
    assert ("A2", "value.type") in [(f.cell, f.rule) for f in about_data(report)]


def test_month_birth_agrees_with_idcard_and_join_month_checked(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "会员.xlsx",
                "会员",
                [
                    ["工号", "姓名", "性别", "身份证号", "出生日期", "部门", "入会日期", "状态"],
                    ["0101", "张三", "男", ID_MALE, "1985.03", "机关", "1985.04", "在职"],  # at 0
                    ["0102", "李四", "女", ID_FEMALE, "1990.02", "机关", "2015.07", "在职"],
                ],
            )
        ],
    )
    found = [(f.cell, f.rule) for f in unionxl.check(folder).findings]
    assert ("G2", "member.join_date") in found
    assert ("D3", "member.idcard.birthdate") in found
    assert not any((c or "").endswith("2") and r == "member.idcard.birthdate" for c, r in found)


# --- a cash book kept under the 2009 chart, with code prefixes (a 基层工会 ledger program) --
def test_old_chart_names_and_code_prefixes_are_todays_accounts(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            ("经费.xlsx", "设置", [["项目", "值"], ["年度", 2023]]),
            (
                "经费.xlsx",
                "明细账",
                [
                    ["日期", "凭证号", "科目", "摘要", "收入", "支出"],
                    [dt.date(2023, 1, 3), "1", "上级工会补助收入", "补助", 1000, ""],
                    [dt.date(2023, 1, 4), "2", "1.4 职工集体福利支出", "春节慰问品", "", 200],
                    [dt.date(2023, 1, 5), "3", "501 职工活动支出", "羽毛球赛", "", 100],
                    [dt.date(2023, 1, 6), "4", "困难职工帮扶费", "帮扶", "", 50],
                    [dt.date(2023, 1, 7), "5", "送温暖费", "送温暖", "", 50],
                    [dt.date(2023, 1, 8), "6", "培训费", "培训", "", 30],
                    [dt.date(2023, 1, 9), "7", "不存在的科目", "？", "", 1],
                ],
            ),
        ],
    )
    office = unionxl.load(folder)
    assert [r["科目"] for r in office.table("收支明细")] == [
        "上级补助收入",
        "会员活动支出",
        "职工活动支出",
        "维权支出",
        "维权支出",
        "业务支出",
        "不存在的科目",
    ]
    found = [(f.cell, f.rule) for f in about_data(office.check())]
    assert found == [("C8", "ledger.account.unknown")]


def test_unknown_columns_are_kept_on_the_table(tmp_path):
    folder = write(tmp_path / "o", [("会员信息.xlsx", "Sheet1", FEDERATION)])
    members = unionxl.load(folder).table("会员")
    assert set(members.extra_columns) == {"序号", "民族", "政治面貌"}
    first, second = members.rows
    assert members.extra(first) == {"序号": 1, "民族": "汉族", "政治面貌": "中共党员"}
    assert members.extra(second)["民族"] == "畲族"


# --- a small union without 工号 (a retiree hardship-aid / 慰问 system) ---------------------
# The roster has only 身份证号; the 慰问 list names people by 姓名 (and 部门), one by 证件号码.
def test_registers_without_worker_number_are_matched_to_the_roster(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "名册.xlsx",
                "会员名册",
                [
                    ["姓名", "性别", "身份证号码", "所在单位", "人员状态"],
                    ["张三", "男", ID_MALE, "数理学院", "退休"],
                    ["李四", "女", ID_FEMALE, "机关", "退休"],
                    ["王五", "男", "350902198001011237", "机关", "退休"],
                    ["王五", "男", "350902198101011238", "数理学院", "退休"],
                ],
            ),
            (
                "慰问.xlsx",
                "慰问查询",
                [
                    ["慰问日期", "被慰问人", "所属部门", "慰问类型", "慰问金额"],
                    [dt.date(2023, 1, 5), "张三", "", "住院慰问", 300],
                    [dt.date(2023, 1, 6), "王五", "", "住院慰问", 300],  # two 王五
                    [dt.date(2023, 1, 7), "赵六", "", "住院慰问", 300],  # not in the roster
                ],
            ),
        ],
    )
    office = unionxl.load(folder)
    report = office.check()
    assert {s["table"]: s["how"] for s in report.sheets} == {"会员": "name", "慰问登记": "content"}
    visits = office.table("慰问登记")
    assert visits.rows[0]["工号"] == ID_MALE  # the roster's key is its 身份证号
    found = [(f.cell, f.rule) for f in about_data(report) if f.rule.startswith("member.match")]
    assert found == [("B3", "member.match.ambiguous"), ("B4", "member.match.unknown")]
    assert "2 个“王五”" in next(f.message for f in about_data(report) if f.cell == "B3")


def test_register_with_idcard_column_is_matched_by_it(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "名册.xlsx",
                "会员",
                [
                    ["工号", "姓名", "身份证号", "部门", "状态"],
                    ["0101", "张三", ID_MALE, "机关", "在职"],
                    ["0102", "张三", ID_FEMALE, "机关", "在职"],
                ],
            ),
            (
                "慰问.xlsx",
                "慰问登记",
                [
                    ["日期", "证件号码", "姓名", "类型", "金额"],
                    [dt.date(2023, 1, 5), ID_FEMALE, "张三", "住院慰问", 300],
                    [dt.date(2023, 1, 6), BAD_CHECKSUM, "张三", "住院慰问", 300],
                ],
            ),
        ],
    )
    office = unionxl.load(folder)
    assert office.table("慰问登记").rows[0]["工号"] == "0102"
    found = [
        (f.cell, f.rule) for f in about_data(office.check()) if f.rule.startswith("member.match")
    ]
    assert found == [("C3", "member.match.unknown")]


# --- any layout, with the office's own 字段对照 and 值对照 ---------------------------------
def test_field_and_value_map_read_any_layout(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "人员.xlsx",
                "Sheet1",
                [
                    ["人员代码", "人员名称", "科室", "在岗情况"],
                    ["0101", "张三", "机关", "在岗"],
                    ["0102", "李四", "机关", "出国"],
                ],
            ),
            (
                "对照.xlsx",
                "字段对照",
                [
                    ["表", "工作表", "本单位列名", "标准列名"],
                    ["会员", "Sheet1", "人员代码", "工号"],
                    ["会员", "Sheet1", "人员名称", "姓名"],
                    ["会员", "Sheet1", "科室", "部门"],
                    ["会员", "Sheet1", "在岗情况", "状态"],
                    ["会员", "", "工号码", "工号码"],
                ],
            ),
            (
                "对照.xlsx",
                "值对照",
                [["表", "列", "本单位值", "标准值"], ["会员", "状态", "在岗", "在职"]],
            ),
        ],
    )
    office = unionxl.load(folder)
    report = office.check()
    assert {s["table"]: s["how"] for s in report.sheets}["会员"] == "mapping"
    assert [r["状态"] for r in office.table("会员")] == ["在职", None]
    assert report.unused == []
    found = [(f.file, f.sheet, f.cell, f.rule) for f in about_data(report)]
    assert found == [
        ("人员.xlsx", "Sheet1", "D3", "value.type"),
        ("对照.xlsx", "字段对照", "D6", "table.mapping"),
    ]


def test_map_writes_a_draft_that_is_then_read_as_the_mapping(tmp_path):
    folder = write(
        tmp_path / "o",
        [
            (
                "人员.xlsx",
                "Sheet1",
                [
                    ["会员姓名", "会员号", "工作单位", "会籍", "民族"],
                    ["张三", "0101", "机关", "在职", "汉族"],
                ],
            )
        ],
    )
    draft = tmp_path / "字段对照.xlsx"
    done = run_cli("map", str(folder), "--output", str(draft))
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(draft)["字段对照"]
    rows = [tuple(c.value or "" for c in r[:4]) for r in sheet.iter_rows(min_row=2)]
    assert ("会员", "Sheet1", "会员姓名", "姓名") in rows
    assert ("会员", "Sheet1", "会籍", "") in rows  # not recognised: left for the clerk
    assert unionxl.load(folder).table("会员") is None  # 状态 missing: not read yet
    book = openpyxl.load_workbook(draft)  # the clerk fills in 会籍 -> 状态
    ws = book["字段对照"]
    for r in ws.iter_rows(min_row=2):
        if r[2].value == "会籍":
            r[3].value = "状态"
    book.save(folder / "字段对照.xlsx")
    office = unionxl.load(folder)
    assert [r["状态"] for r in office.table("会员")] == ["在职"]
    assert about_data(office.check()) == []  # the 民族 row left blank is no error
    assert run_cli("map", str(folder), "--output", str(draft)).returncode == 2  # no overwrite


# --- cash books: one 金额 column with a direction, or 借方/贷方 (日记账 exports) -------------
@pytest.mark.parametrize(
    "header, first, second",
    [
        (["日期", "凭证号", "科目", "摘要", "收支", "金额"], ["收", 1000], ["支", 200]),
        (["日期", "凭证号", "科目", "摘要", "借贷", "金额"], ["借", 1000], ["贷", 200]),
        (["日期", "凭证号", "科目", "摘要", "借方金额", "贷方金额"], [1000, ""], ["", 200]),
    ],
)
def test_cash_book_with_direction_or_debit_credit(tmp_path, header, first, second):
    folder = write(
        tmp_path / "o",
        [
            ("经费.xlsx", "设置", [["项目", "值"], ["年度", 2023]]),
            (
                "经费.xlsx",
                "收支明细",
                [
                    header,
                    [dt.date(2023, 1, 3), "1", "会费收入", "会费", *first],
                    [dt.date(2023, 1, 4), "2", "职工服务支出", "服务", *second],
                ],
            ),
        ],
    )
    office = unionxl.load(folder)
    ledger = office.table("收支明细")
    assert [(r["收入"], r["支出"]) for r in ledger] == [(Decimal(1000), None), (None, Decimal(200))]
    assert about_data(office.check()) == []
