"""台账 in the office's own templates: every row, the office's extra columns, masked
personal data, a misspelt column named (台账格式 §1b kept columns, §6)."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from test_report_doctor import messages, template

import unionxl
from unionxl.model.errors import UnionxlError

DAY = dt.date(2024, 1, 15)


def with_extra_columns(office_tables):
    rows = office_tables["会员"][1]
    rows[0] += ["民族", "政治面貌"]
    for i, row in enumerate(rows[1:]):
        row += ["汉族" if i % 2 == 0 else "畲族", "中共党员"]
    return office_tables


def roster_template(path, column: str = "民族"):
    doc = Document()
    doc.add_paragraph("会员名册")
    table = doc.add_table(rows=4, cols=4)
    table.cell(0, 0).text = "姓名"
    table.cell(1, 0).text = "{%tr for 人 in 台账.会员 %}"
    for c, text in enumerate(["{{ 人.姓名 }}", f"{{{{ 人.{column} }}}}", "{{ 人.身份证号 }}"]):
        table.cell(2, c).text = text
    table.cell(2, 3).text = "{{ 人.手机 }}第{{ 人.行号 }}行"
    table.cell(3, 0).text = "{%tr endfor %}"
    doc.save(str(path))
    return path


def test_office_template_lists_rows_with_extra_columns_and_masked_ids(
    make_office, office_tables, tmp_path
):
    folder = make_office(with_extra_columns(office_tables))
    own = tmp_path / "own"
    own.mkdir()
    roster_template(own / "会员名册.docx")
    assert messages(own / "会员名册.docx") == []
    office = unionxl.load(folder)
    result = office.report(tmp_path / "out", templates=own, only=["会员名册"], date=DAY)
    (written,) = result.written
    rows = [[c.text for c in r.cells] for r in Document(str(written)).tables[0].rows[1:]]
    members = office.data.tables["会员"].rows
    assert [r[0] for r in rows] == [m["姓名"] for m in members]
    assert [r[1] for r in rows] == ["汉族" if i % 2 == 0 else "畲族" for i in range(len(members))]
    for shown, member in zip(rows, members, strict=True):
        idcard = member["身份证号"]
        assert shown[2] == idcard[:6] + "*" * 8 + idcard[-4:]
        assert idcard not in shown[2]
        assert member["手机"] not in shown[3] and shown[3].endswith(f"第{member.excel_row}行")


def test_a_misspelt_column_is_said_at_render(make_office, office_tables, tmp_path):
    folder = make_office(with_extra_columns(office_tables))
    own = tmp_path / "own"
    own.mkdir()
    roster_template(own / "会员名册.docx", column="民组")
    with pytest.raises(UnionxlError) as caught:
        unionxl.load(folder).report(tmp_path / "out", templates=own, only=["会员名册"], date=DAY)
    assert "会员名册.docx" in str(caught.value) and "民组" in str(caught.value)
    assert not (tmp_path / "out" / "会员名册.docx").exists()


def test_a_standard_column_the_office_lacks_prints_empty(make_office, tmp_path):
    folder = make_office()
    own = tmp_path / "own"
    own.mkdir()
    template(
        own / "提案表.docx",
        "{%p for 案 in 台账.提案 %}",
        "{{ 案.案由 }}|{{ 案.附议人 }}|",
        "{%p endfor %}",
    )
    office = unionxl.load(folder)
    (written,) = office.report(tmp_path / "out", templates=own, only=["提案表"], date=DAY).written
    lines = [p.text for p in Document(str(written)).paragraphs if "|" in p.text]
    proposals = office.data.tables["提案"].rows
    assert lines == [f"{p['案由']}|{p['附议人'] or ''}|" for p in proposals]
