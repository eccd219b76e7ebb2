"""慰问发放表: one 签收表 per 部门 per distribution, read back with python-docx."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import clean_tables, write_office
from docx import Document
from docx.oxml.ns import qn

import unionxl
from unionxl.reports import BUILTIN, long_rows
from unionxl.reports.rmb import rmb_upper

D = dt.date
NAME = "慰问发放表"
UNIT = "测试学院工会"
# (日期, 工号, 姓名, 类型, 金额, 形式, 事由): the register of the test office
VISITS = [
    (D(2023, 5, 30), "0101", "张三", "节日慰问", 200, "慰问品", "端午节慰问品（粽子）"),
    (D(2023, 6, 5), "0103", "王&五", "节日慰问", 200, "慰问品", "端午节慰问品（粽子）"),
    (D(2023, 6, 2), "0102", "李四", "节日慰问", 200, "慰问品", "端午节慰问品（粽子）"),
    (D(2023, 3, 12), "0101", "张三", "生日慰问", 300, "慰问品", "生日蛋糕"),
    (D(2023, 3, 20), "0104", "赵六", "生日慰问", 250, "慰问品", "生日蛋糕"),
    (D(2023, 4, 12), "0104", "赵六", "生日慰问", 250, "慰问品", "生日蛋糕"),
    (D(2023, 8, 1), "0102", "李四", "直系亲属去世慰问", 1000, "慰问金", "母亲病故"),
    (D(2023, 9, 9), "0104", "赵六", "直系亲属去世慰问", 1000, "慰问金", "父亲病故"),
]
# What the office hands out, worked out by hand: (title, 部门) -> 姓名 in date order.
# 端午 2023 fell on 22 June: the May and June rows are one distribution.
EXPECTED = {
    ("2023年3月生日慰问发放签收表", "数理学院"): ["张三"],
    ("2023年3月生日慰问发放签收表", "机关"): ["赵六"],
    ("2023年4月生日慰问发放签收表", "机关"): ["赵六"],
    ("2023年端午节慰问发放签收表", "数理学院"): ["张三", "王&五"],
    ("2023年端午节慰问发放签收表", "机关"): ["李四"],
    ("2023年直系亲属去世慰问发放签收表", "机关"): ["李四", "赵六"],
}


def visit_tables() -> dict:
    tables = clean_tables()
    members = tables["会员"][1]
    members.append(["0103", "王&五", "男", None, None, "数理学院", D(2012, 1, 1), "在职", None])
    members.append(["0104", "赵六", "女", None, None, "机关", D(2013, 1, 1), "在职", None])
    tables["慰问标准"][1].append(["直系亲属去世慰问", 1000, None, "全部"])
    register = tables["慰问登记"][1]
    del register[1:]
    for day, number, name, kind, amount, form, reason in VISITS:
        register.append([day, number, name, kind, amount, form, "王五", reason])
    return tables


@pytest.fixture(scope="module")
def sheet(tmp_path_factory) -> Path:
    folder = write_office(tmp_path_factory.mktemp("office"), visit_tables())
    result = unionxl.load(folder).report(folder.parent / "out", only=[NAME], force=True)
    return result.written[0]


def sheets(path: Path) -> list[tuple[str, str, list[list[str]]]]:
    """(title, heading line, rows) of every 签收表, in document order."""
    doc = Document(str(path))
    body = doc.element.body
    found, texts = [], []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            rows = [
                ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
                for tr in child.iter(qn("w:tr"))
            ]
            found.append((texts[-2], texts[-1], rows))
    return found


def title_and_department(title: str, line: str) -> tuple[str, str]:
    assert title.startswith(UNIT)
    department = line.split("部门：")[1].split("\u3000")[0]
    return title[len(UNIT) :], department


def test_one_table_per_department_per_distribution(sheet):
    found = {title_and_department(t, line): rows for t, line, rows in sheets(sheet)}
    assert len(found) == len(sheets(sheet))  # no (distribution, 部门) twice
    assert {key: [r[1] for r in rows[1:-1]] for key, rows in found.items()} == EXPECTED
    order = [title_and_department(t, line) for t, line, _ in sheets(sheet)]
    assert order == sorted(order, key=lambda k: (first_date(k[0]), k[1] != "数理学院"))


def first_date(title: str) -> dt.date:
    kinds = {"生日": "生日慰问", "端午": "节日慰问", "去世": "直系亲属去世慰问"}
    kind = next(v for k, v in kinds.items() if k in title)
    month = int(title.split("年")[1].split("月")[0]) if "月生日" in title else None
    return min(v[0] for v in VISITS if v[3] == kind and (month is None or v[0].month == month))


def test_rows_totals_and_heading(sheet):
    for title, line, rows in sheets(sheet):
        _, department = title_and_department(title, line)
        header, data, total = rows[0], rows[1:-1], rows[-1]
        listed = {(r[1], r[3]) for r in data}
        gifts = [v for v in VISITS if (v[2], v[0].isoformat()) in listed]
        assert len(gifts) == len(data)
        assert header[:2] == ["序号", "姓名"] and header[3:] == [
            "发放日期",
            "领取人/关系",
            "签收",
            "签收日期",
        ]
        for i, row in enumerate(data, 1):
            gift = next(v for v in gifts if v[2] == row[1] and v[0].isoformat() == row[3])
            assert row[0] == str(i)
            assert row[2].endswith(f"{Decimal(gift[4]):,.2f}")
            assert row[4:] == ["", "", ""]  # signature spaces, not placeholders
            assert gift[6] in line and gift[6] not in "".join(row)  # 事由 in the heading only
        amount = sum(Decimal(v[4]) for v in gifts)
        assert total[0] == f"合计{len(data)}人" and total[1] == f"{amount:,.2f}"
    text = document_text(sheet)
    assert "合计金额（大写）：人民币" + rmb_upper(Decimal(2000)) in text  # the 去世 table


def test_form_goes_to_the_column_heading_when_the_rows_share_it(sheet):
    for title, _, rows in sheets(sheet):
        if "去世" in title:
            assert rows[0][2] == "慰问金（元）" and rows[1][2] == "1,000.00"
        else:
            assert rows[0][2] == "慰问品（元）"


def document_text(path: Path) -> str:
    doc = Document(str(path))
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )


def test_rows_never_split_and_the_header_repeats(sheet):
    doc = Document(str(sheet))
    assert doc.tables
    for table in doc.tables:
        rows = table._tbl.findall(qn("w:tr"))
        first = rows[0].find(qn("w:trPr"))
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        for tr in rows:
            assert tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
        last_data = rows[-2]  # kept with the 合计 row
        assert all(
            p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
            for p in last_data.iter(qn("w:p"))
        )


def test_tables_flow_on_without_page_breaks_and_no_blank_to_fill(sheet):
    doc = Document(str(sheet))
    assert not doc.element.body.findall(".//" + qn("w:br"))  # no page break per table
    text = document_text(sheet)
    assert "__" not in text and "＿" not in text and "{{" not in text
    heading_styles = {p.style.name for p in doc.paragraphs if p.text.startswith(UNIT)}
    assert heading_styles == {"签收表标题"}
    assert doc.styles["签收表标题"].paragraph_format.keep_with_next
    assert doc.styles["签收表说明"].paragraph_format.keep_with_next


def test_an_edited_row_renders_the_ordinary_way_with_the_same_result(sheet, tmp_path):
    """An office template whose row uses loop.index is not the plain shape: it takes the
    ordinary docxtpl path, and says the same."""
    doc = Document(str(BUILTIN / f"{NAME}.docx"))
    cell = next(c for t in doc.tables for r in t.rows for c in r.cells if c.text == "{{ 行.序号 }}")
    cell.paragraphs[0].runs[0].text = "{{ loop.index }}"
    own = tmp_path / "模板"
    own.mkdir()
    doc.save(str(own / f"{NAME}.docx"))
    folder = write_office(tmp_path / "office", visit_tables())
    office = unionxl.load(folder)
    result = office.report(tmp_path / "out", only=[NAME], templates=own, force=True)
    assert sheets(result.written[0]) == sheets(sheet)


def test_the_plain_row_loop_is_the_fast_one(tmp_path):
    from docxtpl import DocxTemplate

    builtin = DocxTemplate(str(BUILTIN / f"{NAME}.docx"))
    builtin.init_docx()
    records = long_rows.LongRows([{"序号": 1, "姓名": "张三", "金额物品": "1", "发放日期": ""}])
    table = {"标题": "", "部门": "", "事由": "", "金额列": "", "行": records}
    context = {"单位名称": "", "发放表": [table], "校验提示": ""}
    planned = long_rows.plan(builtin, context)
    assert planned is not None and planned.lists == [records]
    doc = Document(str(BUILTIN / f"{NAME}.docx"))
    doc.add_paragraph("共{{ 发放表[0].行|length }}人")
    doc.save(str(tmp_path / "x.docx"))
    edited = DocxTemplate(str(tmp_path / "x.docx"))
    edited.init_docx()
    assert long_rows.plan(edited, context) is None


def test_a_long_list_is_numbered_through_and_its_last_row_kept_with_the_total(tmp_path):
    tables = visit_tables()
    register = tables["慰问登记"][1]
    del register[1:]
    for _ in range(3000):
        register.append([D(2023, 6, 5), "0101", "张三", "节日慰问", 1, "慰问品", "王五", "端午节"])
    folder = write_office(tmp_path / "office", tables)
    result = unionxl.load(folder).report(tmp_path / "out", only=[NAME], force=True)
    ((_, _, rows),) = sheets(result.written[0])
    assert [r[0] for r in rows[1:-1]] == [str(i) for i in range(1, 3001)]
    assert rows[-1][:2] == ["合计3000人", "3,000.00"]
