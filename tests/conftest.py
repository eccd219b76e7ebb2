"""Shared test helpers: build office workbooks in code (openpyxl in tmp_path)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

# A small, clean office: each table as (file, sheet, rows incl. header). Tests copy and
# change one thing, then assert exactly what `check` finds.
ID_MALE = "350902198503121233"  # valid GB 11643, born 1985-03-12, 17th digit odd (男)
ID_FEMALE = "350902199001010028"  # valid, born 1990-01-01, 17th digit even (女)

CLEAN: dict[str, tuple[str, list[list[Any]]]] = {
    "设置": (
        "经费.xlsx",
        [
            ["项目", "值"],
            ["单位名称", "测试学院工会"],
            ["年度", 2023],
            ["上年结余", 1000],
            ["提案附议最少人数", 2],
        ],
    ),
    "部门": ("会员名册.xlsx", [["部门", "类别"], ["数理学院", "学院"], ["机关", "机关"]]),
    "会员": (
        "会员名册.xlsx",
        [
            ["工号", "姓名", "性别", "身份证号", "出生日期", "部门", "入会日期", "状态", "手机"],
            [
                "0101",
                "张三",
                "男",
                ID_MALE,
                dt.date(1985, 3, 12),
                "数理学院",
                dt.date(2010, 9, 1),
                "在职",
                "13812345678",
            ],
            [
                "0102",
                "李四",
                "女",
                ID_FEMALE,
                dt.date(1990, 1, 1),
                "机关",
                dt.date(2015, 7, 1),
                "退休",
                "13912345678",
            ],
        ],
    ),
    "预算": (
        "经费.xlsx",
        [["科目", "类别", "预算数"], ["会费收入", "收入", 500], ["职工服务支出", "支出", 300]],
    ),
    "收支明细": (
        "经费.xlsx",
        [
            ["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人"],
            [dt.date(2023, 3, 1), "001", "会费收入", "3月会费", 400, None, "王五"],
            [dt.date(2023, 4, 1), "002", "职工服务支出", "职工之家水费", None, 250.5, "王五"],
        ],
    ),
    "捐款活动": (
        "捐款.xlsx",
        [
            ["活动", "开始日期", "结束日期", "到账金额"],
            ["慈善一日捐", dt.date(2023, 5, 1), dt.date(2023, 5, 31), 300],
        ],
    ),
    "捐款明细": (
        "捐款.xlsx",
        [
            ["活动", "工号", "姓名", "部门", "金额", "日期"],
            ["慈善一日捐", "0101", "张三", "数理学院", 100, dt.date(2023, 5, 10)],
            ["慈善一日捐", "0102", "李四", "机关", 200, dt.date(2023, 5, 11)],
        ],
    ),
    "慰问标准": (
        "慰问.xlsx",
        [
            ["类型", "每次上限", "每人每年上限", "对象"],
            ["节日慰问", None, 1300, "全部"],
            ["生日慰问", 300, 300, "在职"],
            ["退休慰问", 500, 500, "退休"],
        ],
    ),
    "慰问登记": (
        "慰问.xlsx",
        [
            ["日期", "工号", "姓名", "类型", "金额", "形式", "经办人", "事由"],
            [dt.date(2023, 1, 10), "0101", "张三", "节日慰问", 500, "慰问品", "王五", "春节慰问"],
            [dt.date(2023, 3, 12), "0101", "张三", "生日慰问", 300, "慰问品", "王五", "生日"],
        ],
    ),
    "提案": (
        "提案.xlsx",
        [
            ["编号", "案由", "提案人", "附议人数", "审查结果", "承办部门", "答复日期", "满意度"],
            [
                "2023-01",
                "关于改善食堂的建议",
                "张三",
                3,
                "立案",
                "后勤处",
                dt.date(2023, 6, 1),
                "满意",
            ],
            ["2023-02", "关于增加停车位的建议", "李四", 1, "转意见建议", None, None, None],
        ],
    ),
    "获奖": (
        "获奖.xlsx",
        [
            ["年度", "荣誉", "级别", "获奖对象", "对象类型"],
            [2023, "福建省模范职工之家", "省级", "测试学院工会", "集体"],
        ],
    ),
}


def write_office(folder: Path, tables: dict[str, tuple[str, list[list[Any]]]]) -> Path:
    """Write `tables` ({sheet: (file, rows)}) as workbooks in `folder`; return folder."""
    folder.mkdir(parents=True, exist_ok=True)
    books: dict[str, openpyxl.Workbook] = {}
    for sheet, (file, rows) in tables.items():
        book = books.get(file)
        if book is None:
            book = books[file] = openpyxl.Workbook()
            book.remove(book.active)
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(list(row))
    for file, book in books.items():
        book.save(folder / file)
    return folder


def clean_tables() -> dict[str, tuple[str, list[list[Any]]]]:
    """A deep copy of CLEAN that a test may change."""
    return {k: (f, [list(r) for r in rows]) for k, (f, rows) in CLEAN.items()}


def cells(report, rule: str | None = None) -> list[tuple]:
    """(file, sheet, cell, rule, severity) of every finding, optionally of one rule."""
    return [
        (f.file, f.sheet, f.cell, f.rule, f.severity)
        for f in report.findings
        if rule is None or f.rule == rule
    ]


@pytest.fixture
def office_tables() -> dict[str, tuple[str, list[list[Any]]]]:
    return clean_tables()


@pytest.fixture
def make_office(tmp_path: Path):
    """make_office(tables) -> folder with those workbooks (default: the clean office)."""

    def make(
        tables: dict[str, tuple[str, list[list[Any]]]] | None = None, name: str = "office"
    ) -> Path:
        return write_office(tmp_path / name, clean_tables() if tables is None else tables)

    return make


def rows_of(tables: dict, sheet: str) -> Sequence[list[Any]]:
    return tables[sheet][1]
