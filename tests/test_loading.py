"""Reading real-looking sheets: title rows, aliases, odd values, odd files."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import ID_MALE, cells, clean_tables, write_office

import unionxl
from unionxl.model.errors import UnionxlError
from unionxl.model.values import BadValue, parse_date, parse_money


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_header_below_merged_title_and_blank_rows_with_aliases(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = " 会员名册\u3000"  # sheet alias with half- and full-width spaces
    ws["A1"] = "闽东师范学院工会会员名册"
    ws.merge_cells("A1:I1")
    ws.append([])  # row 2 blank
    ws.append(
        [
            "职工号*",
            "姓\u3000名",
            "性别",
            "身份证号码",
            "出生日期",
            "二级工会",
            "入会日期",
            "状态",
            "联系电话",
        ]
    )
    ws.append(
        [1990001, "张三", "男", ID_MALE, "1985年3月12日", "数理学院", 40000, "在职", 13812345678]
    )
    ws.append([])
    ws.append(["01990002", "李四 ", "女", None, "1990/1/1", "数理学院", "2015.7.1", "退休", None])
    ws.append(["合计", None, None, None, None, None, None, None, None])
    book.save(tmp_path / "名册.xlsx")
    office = unionxl.load(tmp_path)
    table = office.table("会员")
    assert (table.sheet, table.header_row) == (" 会员名册\u3000", 3)
    assert [r.excel_row for r in table] == [4, 6]
    first, second = table.rows
    assert first["工号"] == "1990001" and second["工号"] == "01990002"
    assert first["出生日期"] == dt.date(1985, 3, 12) and second["出生日期"] == dt.date(1990, 1, 1)
    assert first["入会日期"] == dt.date(2009, 7, 6)  # Excel serial 40000
    assert second["入会日期"] == dt.date(2015, 7, 1)
    assert first["手机"] == "13812345678"
    report = office.check()
    assert cells(report) == [
        ("名册.xlsx", None, None, "settings.year.missing", "warning"),  # no 设置: say so
        ("名册.xlsx", " 会员名册\u3000", "B6", "value.spaces", "warning"),
    ]


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2023-07-11", dt.date(2023, 7, 11)),
        ("2023/7/11", dt.date(2023, 7, 11)),
        ("2023.7.11", dt.date(2023, 7, 11)),
        ("2023年7月11日", dt.date(2023, 7, 11)),
        ("２０２３年７月１１日", dt.date(2023, 7, 11)),
        (45118.0, dt.date(2023, 7, 11)),
        (dt.datetime(2023, 7, 11, 0, 0), dt.date(2023, 7, 11)),
    ],
)
def test_date_forms(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["2023-02-30", "下周一", "7/11"])
def test_bad_dates(raw):
    with pytest.raises(BadValue):
        parse_date(raw)


@pytest.mark.parametrize(
    "raw,expected",
    [
        (274.65999999999997, Decimal("274.66")),
        ("1,234.50", Decimal("1234.50")),
        ("￥１２３", Decimal("123")),
        ("¥ 88.8", Decimal("88.8")),
        (117228, Decimal("117228")),
        (0.1 + 0.2, Decimal("0.3")),
    ],
)
def test_money_forms(raw, expected):
    assert parse_money(raw) == expected


@pytest.mark.parametrize("raw", ["12.345", "一百元", "1.2.3", True])
def test_bad_money(raw):
    with pytest.raises(BadValue):
        parse_money(raw)


def test_formula_without_cached_value_is_an_error_not_zero(tmp_path, make_office):
    tables = clean_tables()
    tables["捐款明细"][1][1][4] = "=50+50"  # openpyxl saves formulas without a cached value
    folder = make_office(tables)
    report = unionxl.check(folder)
    assert ("捐款.xlsx", "捐款明细", "E2", "value.formula_no_cache", "error") in cells(report)
    (finding,) = [f for f in report.findings if f.rule == "value.formula_no_cache"]
    assert "保存" in finding.message
    # and it is not counted as an empty required cell nor as 0 in the reconciliation sum
    assert not [f for f in report.findings if f.rule == "value.required"]


def test_excel_error_value_is_reported(tmp_path, make_office):
    folder = make_office()
    path = folder / "获奖.xlsx"
    # Put an error value (#N/A with a cached formula) into 获奖!C2 by editing the XML.
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode()
    start = xml.index('<c r="C2"')
    end = xml.index("</c>", start) + 4
    parts[sheet] = (xml[:start] + '<c r="C2" t="e"><f>NA()</f><v>#N/A</v></c>' + xml[end:]).encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    report = unionxl.check(folder)
    assert cells(report) == [("获奖.xlsx", "获奖", "C2", "value.error", "error")]


def test_owner_file_means_open_workbook(make_office):
    folder = make_office()
    (folder / "~$会员名册.xlsx").write_bytes(b"\x00owner")
    report = unionxl.check(folder)
    assert cells(report) == [("会员名册.xlsx", None, None, "file.open", "warning")]
    assert "最后一次保存" in report.findings[0].message
    assert report.exit_code == 0 and report.files == 6


def test_hidden_sheet_is_still_read(make_office, tmp_path):
    folder = make_office()
    book = openpyxl.load_workbook(folder / "获奖.xlsx")
    book["获奖"].sheet_state = "hidden"
    book.create_sheet("封面")
    book.save(folder / "获奖.xlsx")
    assert len(unionxl.load(folder).table("获奖")) == 1


def test_table_found_twice_names_both(make_office):
    tables = clean_tables()
    tables["获奖 "] = ("获奖2.xlsx", tables["获奖"][1])
    report = unionxl.check(make_office(tables))
    (f,) = report.findings
    assert (f.rule, f.file, f.sheet, f.severity) == (
        "table.duplicate",
        "获奖2.xlsx",
        "获奖 ",
        "error",
    )
    assert "获奖.xlsx" in f.message and "获奖2.xlsx" in f.message


def test_missing_and_doubled_columns(make_office):
    tables = clean_tables()
    tables["提案"][1][0][2] = "提议人"  # 提案人 missing
    tables["获奖"][1][0].append("级别")
    tables["获奖"][1][1].append("省级")
    report = unionxl.check(make_office(tables))
    assert sorted(cells(report), key=str) == sorted(
        [
            ("提案.xlsx", "提案", None, "table.missing_column", "error"),
            ("获奖.xlsx", "获奖", "F1", "table.duplicate_column", "error"),
        ],
        key=str,
    )
    missing = next(f for f in report.findings if f.rule == "table.missing_column")
    assert missing.row == 1 and "提案人" in missing.message


def test_unreadable_and_non_excel_files(make_office, capsys):
    folder = make_office()
    (folder / "坏文件.xlsx").write_text("这不是工作簿")
    (folder / "说明.docx").write_bytes(b"PK")  # not a workbook suffix: ignored
    (folder / "备注.txt").write_text("hello")
    report = unionxl.check(folder)
    assert report.exit_code == 2
    assert report.files == 6  # the other workbooks were still read
    assert len(report.unreadable) == 1 and report.unreadable[0].startswith("坏文件.xlsx：")
    assert "\n" not in report.unreadable[0]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(UnionxlError, match="找不到文件夹"):
        unionxl.check(tmp_path / "没有")


def test_office_files_are_only_read(make_office):
    folder = make_office()
    (folder / "~$会员名册.xlsx").write_bytes(b"owner")
    before = digest(folder)
    office = unionxl.load(folder)
    office.check()
    assert digest(folder) == before


def test_numbers_stored_ids_and_numeric_text(make_office):
    tables = clean_tables()
    tables["会员"][1][1][0] = 101.0  # 工号 typed as a number
    tables["捐款明细"][1][1][1] = "101"
    tables["捐款明细"][1][1][4] = "１００"  # full-width digits
    tables["慰问登记"][1][1][1] = 101
    tables["慰问登记"][1][2][1] = "101"
    report = unionxl.check(make_office(tables))
    assert report.findings == []


def test_report_survives_when_tables_are_absent(tmp_path):
    folder = write_office(
        tmp_path / "o", {"获奖": ("获奖.xlsx", [["荣誉", "级别", "获奖对象"], ["x", "全国", "y"]])}
    )
    report = unionxl.check(folder)
    assert [f.rule for f in report.findings] == ["settings.year.missing"]  # no 年度: say so
    assert unionxl.load(folder).table("获奖").rows[0]["级别"] == "国家级"


def test_folder_without_workbooks_is_a_clear_error(tmp_path):
    (tmp_path / "说明.txt").write_text("x")
    with pytest.raises(UnionxlError, match="没有 Excel 工作簿"):
        unionxl.check(tmp_path)


def test_workbook_without_known_tables_is_said(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(tmp_path / "随便.xlsx")
    report = unionxl.check(tmp_path)
    assert cells(report) == [("随便.xlsx", None, None, "folder.no_tables", "warning")]


def test_cells_and_rows_of_only_spaces_are_blank(make_office):
    tables = clean_tables()
    tables["会员"][1][1][1] = "\u3000 "  # 姓名 of only spaces: empty, not a name
    tables["会员"][1][2][7] = "  "  # 状态 of only spaces: empty, not a wrong choice
    tables["提案"][1].append(["  ", "\u3000", None, None, " ", None, None, None])
    report = unionxl.check(make_office(tables))
    assert cells(report) == [
        ("会员名册.xlsx", "会员", "B2", "value.required", "error"),
        ("会员名册.xlsx", "会员", "H3", "value.required", "error"),
    ]
