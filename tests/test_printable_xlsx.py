"""汇总.xlsx and 校验结果.xlsx as they print: title, 单位：元, aligned headers, 合计 rows,
page set-up; 校验结果 with rule names, the row's 姓名 and a visible "没有发现问题"."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import ID_MALE, clean_tables, write_office

import unionxl
from unionxl.checks.catalog import RULES
from unionxl.outputs.findings_xlsx import write_results
from unionxl.outputs.sheet_layout import PORTRAIT_WIDTH
from unionxl.outputs.textwidth import display_width
from unionxl.outputs.totals_xlsx import write_totals_xlsx

UNIT, YEAR = "测试学院工会", 2023
HEADER_ROW = 3  # title, note line, header (1-based, as openpyxl counts)
# Donations with fen amounts whose float sum is not exact (0.1 + 0.2 …).
GIFTS = [
    ("慈善一日捐", "0101", "张三", "数理学院", Decimal("100.10")),
    ("慈善一日捐", "0102", "李四", "机关", Decimal("200.20")),
    ("助学捐款", "0101", "张三", "数理学院", Decimal("0.10")),
    ("助学捐款", "0102", "李四", "机关", Decimal("0.20")),
    ("助学捐款", None, "王五", "机关", Decimal("1234.35")),
]


def office_with_gifts(tmp_path: Path) -> Path:
    tables = clean_tables()
    tables["捐款活动"][1].append(["助学捐款", dt.date(2023, 9, 1), dt.date(2023, 9, 30), None])
    tables["捐款明细"] = (
        "捐款.xlsx",
        [
            ["活动", "工号", "姓名", "部门", "金额", "日期"],
            *[[c, n, name, d, str(a), dt.date(2023, 9, 10)] for c, n, name, d, a in GIFTS],
        ],
    )
    return write_office(tmp_path / "office", tables)


def totals_book(tmp_path: Path) -> openpyxl.Workbook:
    totals = unionxl.load(office_with_gifts(tmp_path)).totals()
    return openpyxl.load_workbook(write_totals_xlsx(totals, tmp_path / "汇总.xlsx"))


def table(ws) -> list[tuple]:
    """The header row and the rows below it."""
    return list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))


def test_every_totals_sheet_has_a_title_unit_header_and_page_setup(tmp_path):
    book = totals_book(tmp_path)
    for ws in book.worksheets:
        title = ws["A1"].value
        assert title.startswith(f"{UNIT} {YEAR} 年度"), (ws.title, title)
        assert ws["A1"].font.b and ws["A1"].font.sz > 11
        width = ws.max_column
        if width > 1:
            assert f"A1:{openpyxl.utils.get_column_letter(width)}1" in {
                str(r) for r in ws.merged_cells.ranges
            }
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        # one page wide; these short tables one page tall too (no last rows alone on a page)
        assert (ws.page_setup.fitToWidth or 1) == 1 and (ws.page_setup.fitToHeight or 1) == 1
        assert ws.oddHeader.left.text == UNIT and ws.oddHeader.right.text == title
        assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
        # landscape exactly when the columns are too wide for portrait A4
        widths = sum(d.width for d in ws.column_dimensions.values())
        wide = widths > PORTRAIT_WIDTH
        assert ws.page_setup.orientation == ("landscape" if wide else "portrait"), ws.title
    assert book["提案"].page_setup.orientation == "portrait"


def test_a_narrow_table_is_widened_so_its_title_is_not_cut_off(tmp_path):
    book = totals_book(tmp_path)
    awards = book["获奖"]  # two short columns under a long title
    widths = sum(d.width for d in awards.column_dimensions.values())
    title = awards["A1"].value
    assert widths >= display_width(title) * 16 / 11


def test_money_sheets_say_the_unit_and_headers_align_with_their_columns(tmp_path):
    book = totals_book(tmp_path)
    donations = book["捐款活动"]
    assert donations.cell(2, donations.max_column).value == "金额单位：元"
    assert book["提案"].cell(2, 2).value is None  # counts only: no unit line
    header = list(donations.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW))[0]
    assert [c.value for c in header] == ["活动", "捐款金额", "捐款人数", "到账金额", "对账"]
    assert [c.alignment.horizontal for c in header] == ["left", "right", "right", "right", "center"]
    assert donations.cell(HEADER_ROW + 1, 5).value == "不符"  # 300 received of 300.30
    assert donations.cell(HEADER_ROW + 1, 5).alignment.horizontal == "center"  # like its header


def test_donation_totals_are_the_exact_sums_of_their_rows(tmp_path):
    book = totals_book(tmp_path)
    rows = table(book["捐款活动"])
    assert rows[-1][0] == "合计"
    assert Decimal(str(rows[-1][1])) == sum(a for *_, a in GIFTS)
    assert rows[-1][2] is None  # a donor of two campaigns is one donor: not summed
    assert rows[-1][3] is None  # 助学捐款 has no 到账金额: no partial sum
    assert book["捐款活动"].cell(HEADER_ROW + len(rows) - 1, 2).number_format == "#,##0.00"
    assert book["捐款活动"].cell(HEADER_ROW + len(rows) - 1, 1).font.b

    departments = table(book["部门参与"])[1:]
    for campaign in ("慈善一日捐", "助学捐款"):
        block = [r for r in departments if r[0] == campaign]
        detail, total = block[:-1], block[-1]
        assert total[1] == "合计"
        gifts = [g for g in GIFTS if g[0] == campaign]
        assert Decimal(str(total[2])) == sum(g[4] for g in gifts)
        assert total[3] == sum(r[3] for r in detail) == len(gifts)
        assert total[4] == sum(r[4] for r in detail)
    help_total = next(r for r in departments if r[:2] == ("助学捐款", "合计"))
    assert Decimal(str(help_total[2])) == Decimal("1234.65")


def test_visit_total_and_absent_tables(tmp_path):
    book = totals_book(tmp_path)
    visits = table(book["慰问"])
    assert visits[-1] == ("合计", 2, 1, 800)  # 500 + 300, one member
    only_settings = write_office(tmp_path / "bare", {"设置": clean_tables()["设置"]})
    totals = unionxl.load(only_settings).totals()
    bare = openpyxl.load_workbook(write_totals_xlsx(totals, tmp_path / "bare.xlsx"))
    assert table(bare["捐款活动"])[1:] == [("台账中没有“捐款活动”表", None, None, None, None)]


# --- 校验结果.xlsx ---------------------------------------------------------------------


def broken_office(tmp_path: Path) -> Path:
    tables = clean_tables()
    tables["会员"][1][1][3] = ID_MALE[:17] + "0"  # 张三's 身份证号: wrong check digit
    tables["收支明细"][1][2][3] = "购买购物卡"  # 摘要 naming a gift card
    return write_office(tmp_path / "office", tables)


def results_sheet(tmp_path: Path, folder: Path):
    report = unionxl.load(folder).check()
    checked = dt.datetime(2024, 3, 1, 10, 32)
    path = write_results(report, folder, tmp_path / "out" / "校验结果.xlsx", checked=checked)
    return report, openpyxl.load_workbook(path)["校验结果"]


def test_results_show_rule_names_and_the_row_they_are_about(tmp_path):
    report, ws = results_sheet(tmp_path, broken_office(tmp_path))
    assert ws["A1"].value == f"{UNIT} {YEAR} 年度台账校验结果"
    assert ws["A2"].value.startswith("校验时间：2024-03-01 10:32")
    assert f"共 {report.errors} 个错误，{report.warnings} 个警告" in ws["A2"].value
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == [
        "级别",
        "文件",
        "工作表",
        "单元格",
        "所在行",
        "字段",
        "值",
        "问题说明",
        "规则",
        "规则代码",
    ]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert len(rows) == len(report.findings)
    names = {r.code: r.name for r in RULES}
    for row in rows:
        assert row["规则"] == names[row["规则代码"]]
    checksum = next(r for r in rows if r["规则代码"] == "member.idcard.checksum")
    assert (checksum["工作表"], checksum["单元格"], checksum["所在行"]) == ("会员", "D2", "张三")
    card = next(r for r in rows if r["工作表"] == "收支明细")
    assert card["所在行"] == "购买购物卡"  # 收支明细 rows are told by their 摘要
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:")


def test_clean_office_says_nothing_was_found_on_the_same_sheet(tmp_path):
    folder = write_office(tmp_path / "office", clean_tables())
    report, ws = results_sheet(tmp_path, folder)
    assert report.errors == report.warnings == 0
    assert "共 0 个错误，0 个警告" in ws["A2"].value
    assert ws.cell(HEADER_ROW + 1, 1).value == "没有发现问题"
    assert f"A{HEADER_ROW + 1}:J{HEADER_ROW + 1}" in {str(r) for r in ws.merged_cells.ranges}


@pytest.mark.parametrize("flag", ["--json"])
def test_check_json_keeps_the_keys_of_spec_section_4(tmp_path, flag, capsys):
    from unionxl.cli import main

    folder = broken_office(tmp_path)
    assert main(["check", str(folder), flag]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    spec = {"severity", "rule", "file", "sheet", "row", "column", "cell", "field", "value"}
    for f in found:
        assert set(f) - {"basis"} == spec | {"message"}
