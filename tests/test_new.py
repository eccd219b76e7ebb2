"""`unionxl new`: blank office workbooks that `check` accepts and Excel keeps clean."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

import unionxl
from tests.conftest import clean_tables
from unionxl import UnionxlError
from unionxl.cli import main as cli_main
from unionxl.model.schema import BY_NAME, TABLES, Kind
from unionxl.outputs.blank import ALLOWED_FORMS, WORKBOOKS, create_office
from unionxl.policy import packs
from unionxl.policy.keys import SETTING_KEYS

LAST = 1048576


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("blank") / "2023台账"
    create_office(folder, year=2023, unit="测试学院工会")
    return folder


def sheet_of(folder: Path, table: str):
    file = next(f for f, tables in WORKBOOKS.items() if table in tables)
    return openpyxl.load_workbook(folder / file)[table]


def validations(sheet) -> dict[str, object]:
    """First column letter of each validation -> the validation."""
    return {
        str(dv.sqref).split(":")[0].rstrip("0123456789"): dv
        for dv in sheet.data_validations.dataValidation
    }


def column_format(sheet, index: int) -> str:
    """The number format of a whole column (XlsxWriter groups alike columns in one <col>)."""
    for dim in sheet.column_dimensions.values():
        if dim.min <= index <= dim.max:
            return dim.number_format
    return "General"


def test_every_table_is_in_exactly_one_workbook():
    placed = [t for tables in WORKBOOKS.values() for t in tables]
    assert sorted(placed) == sorted(t.name for t in TABLES)


def test_blank_office_passes_check_with_no_finding(blank):
    report = unionxl.check(blank)
    assert report.findings == []
    assert report.files == len(WORKBOOKS)
    assert sorted(p.name for p in blank.iterdir()) == sorted(WORKBOOKS)


def test_headers_follow_the_schema(blank):
    for spec in TABLES:
        sheet = sheet_of(blank, spec.name)
        header = [c.value for c in sheet[1]]
        assert header == [c.name + ("*" if c.required else "") for c in spec.columns]
        assert sheet.freeze_panes == "A2"
        assert all(c.font.b for c in sheet[1])


def test_every_choice_column_refuses_other_values(blank):
    seen = 0
    for spec in TABLES:
        sheet = sheet_of(blank, spec.name)
        found = validations(sheet)
        for i, column in enumerate(spec.columns):
            if column.kind is not Kind.CHOICE:
                continue
            letter = openpyxl.utils.get_column_letter(i + 1)
            dv = found[letter]
            assert dv.type == "list"
            assert dv.formula1 == '"' + ",".join(column.choices) + '"'
            assert dv.showErrorMessage is True
            assert dv.errorStyle in (None, "stop")  # absent means "stop" (refuse)
            assert str(dv.sqref) == f"{letter}2:{letter}{LAST}"
            seen += 1
    # 性别 状态 类别×2 对象 审查结果 满意度 级别 对象类型; part two: 活动 类型 对象, 角色, 走访 类型
    assert seen == 13


def test_visit_form_and_lists_from_other_sheets_warn(blank):
    form = validations(sheet_of(blank, "慰问登记"))["F"]
    assert form.type == "list" and form.formula1 == '"' + ",".join(ALLOWED_FORMS) + '"'
    assert form.errorStyle == "warning"
    department = validations(sheet_of(blank, "会员"))["F"]
    assert department.formula1 == "'部门'!$A$2:$A$2001" and department.errorStyle == "warning"
    kind = validations(sheet_of(blank, "慰问登记"))["D"]
    assert kind.formula1 == "'慰问标准'!$A$2:$A$2001"


def test_formats_keep_identifiers_as_text_and_money_exact(blank):
    for spec in TABLES:
        sheet = sheet_of(blank, spec.name)
        found = validations(sheet)
        for i, column in enumerate(spec.columns):
            letter = openpyxl.utils.get_column_letter(i + 1)
            fmt = column_format(sheet, i + 1)
            if column.kind in (Kind.CODE, Kind.IDCARD, Kind.PHONE):
                assert fmt == "@", (spec.name, column.name)
            elif column.kind is Kind.DATE:
                assert fmt == "yyyy-mm-dd"
                assert found[letter].type == "date"
            elif column.kind is Kind.MONEY:
                assert fmt == "#,##0.00", (spec.name, column.name)
                dv = found[letter]
                assert (dv.type, dv.operator, dv.formula1) == ("decimal", "greaterThanOrEqual", "0")


def test_prefilled_settings_chart_and_caps(blank):
    settings = [[c.value for c in row] for row in sheet_of(blank, "设置").iter_rows(min_row=2)]
    assert [row[:2] for row in settings[:4]] == [
        ["单位名称", "测试学院工会"],
        ["年度", 2023],
        ["上年结余", 0],
        ["提案附议最少人数", "2"],
    ]
    # the blank 设置 sheet offers exactly the keys of the policy table, each explained
    assert [row[0] for row in settings] == [k.key for k in SETTING_KEYS]
    assert all(row[3] for row in settings)
    caps = [tuple(c.value for c in row) for row in sheet_of(blank, "慰问标准").iter_rows(min_row=2)]
    assert caps == [(c.type, c.per_visit, c.per_year, c.target, c.basis) for c in packs.VISIT_CAPS]
    assert ("节日慰问", None, 1300, "全部", "闽工〔2018〕158号") in caps
    words = [
        tuple(c.value for c in row)[:2] for row in sheet_of(blank, "词表").iter_rows(min_row=2)
    ]
    assert ("八项规定", "购物卡") in words and ("节日禁止形式", "现金") in words
    office = unionxl.load(blank)
    assert office.year == 2023 and office.unit_name == "测试学院工会"
    assert "会员活动支出" in office.accounts


def test_notes_sheet_explains_every_column(blank):
    for file, tables in WORKBOOKS.items():
        notes = openpyxl.load_workbook(blank / file)["说明"]
        text = "\n".join(str(c.value) for row in notes.iter_rows() for c in row if c.value)
        for name in tables:
            assert f"“{name}”表：{BY_NAME[name].description}" in text
            for column in BY_NAME[name].columns:
                assert column.name in text
                if column.hint:
                    assert column.hint in text


def test_filled_in_blank_office_still_checks_clean(blank, tmp_path):
    """Rows typed into the blank workbooks (here by openpyxl, on a copy) read as intended."""
    folder = tmp_path / "office"
    shutil.copytree(blank, folder)
    book = openpyxl.load_workbook(folder / "会员名册.xlsx")
    for department in clean_tables()["部门"][1][1:]:
        book["部门"].append(department)
    for member in clean_tables()["会员"][1][1:]:  # the test office's two members
        book["会员"].append(member)
    book.save(folder / "会员名册.xlsx")
    assert unionxl.check(folder).findings == []
    assert sorted(unionxl.load(folder).members) == ["0101", "0102"]


def test_refuses_to_overwrite(blank, tmp_path):
    folder = tmp_path / "office"
    create_office(folder)
    (folder / "会员名册.xlsx").write_bytes(b"the office's own data")
    with pytest.raises(UnionxlError, match="不会覆盖已有台账"):
        create_office(folder)
    assert (folder / "会员名册.xlsx").read_bytes() == b"the office's own data"


def test_defaults_and_cli(tmp_path, capsys):
    folder = tmp_path / "新台账"
    assert cli_main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert all(f"已生成 {folder / name}" in out for name in WORKBOOKS)
    settings = dict(
        row[:2] for row in sheet_of(folder, "设置").iter_rows(min_row=2, values_only=True)
    )
    assert settings["年度"] == dt.date.today().year and settings["单位名称"] == "（请填写单位名称）"
    assert cli_main(["new", str(folder)]) == 2
    assert "不会覆盖" in capsys.readouterr().err
