"""捐款公示 read back with python-docx: 公示期 in working days, sentences only for the keys
the office set, the named list by 部门 in 姓氏笔画 order, one page per campaign."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import clean_tables
from docx import Document
from docx.oxml.ns import qn
from test_report import document_text

import unionxl
from unionxl.model.workdays import is_working_day, last_working_day
from unionxl.reports import pdf

NOTICE = "捐款公示"
DATED = dt.date(2023, 6, 30)  # a Friday
# 数理学院: 丁 2 strokes, 马 3, 王 4, 张 7, 林 8; 机关: 方 4, 白 5, 李 7 (counted by hand)
DONORS = (  # 机关 first: the list follows the 部门 table (数理学院, 机关), not entry order
    ("0102", "李四", "机关", 200),
    (None, "王一", "数理学院", 10),
    (None, "林三", "数理学院", 30),
    (None, "丁二", "数理学院", 20),
    (None, "白六", "机关", 60),
    ("0101", "张三", "数理学院", 100),
    (None, "马四", "数理学院", 40),
    (None, "方五", "机关", 50),
)
BY_STROKES = {
    "数理学院": ["丁二", "马四", "王一", "张三", "林三"],
    "机关": ["方五", "白六", "李四"],
}


def notice_tables(**settings) -> dict:
    tables = clean_tables()
    rows = tables["捐款明细"][1]
    rows[1:] = [
        ["慈善一日捐", no, name, dept, amount, dt.date(2023, 5, 10)]
        for no, name, dept, amount in DONORS
    ]
    tables["捐款活动"][1][1][3] = sum(d[3] for d in DONORS)
    for key, value in settings.items():
        tables["设置"][1].append([key, value])
    return tables


def render(make_office, tmp_path, tables, name="out", **options) -> tuple[object, Path]:
    office = unionxl.load(make_office(tables, name=f"office-{name}"))
    office.report(tmp_path / name, only=[NOTICE], date=DATED, force=True, **options)
    return office, tmp_path / name / f"{NOTICE}.docx"


def test_公示期_is_five_working_days_from_the_成文日期(make_office, tmp_path):
    _, path = render(make_office, tmp_path, notice_tables())
    # Fri 30 June, then Mon 3 … Thu 6 July
    assert "公示期为5个工作日（2023年6月30日至7月6日）" in document_text(path)


def test_公示期_skips_国庆_and_counts_the_调休_weekend(make_office, tmp_path):
    """2023: 29 Sept – 6 Oct off (中秋, 国庆), Sat 7 and Sun 8 Oct worked (调休)."""
    _, path = render(make_office, tmp_path, notice_tables(公示开始=dt.date(2023, 9, 28)))
    assert "公示期为5个工作日（2023年9月28日至10月10日）" in document_text(path)
    tables = notice_tables(公示开始=dt.date(2023, 9, 28), 公示天数=3)
    _, path = render(make_office, tmp_path, tables, "three")
    assert "公示期为3个工作日（2023年9月28日至10月8日）" in document_text(path)


def test_working_days_of_2023():
    assert not is_working_day(dt.date(2023, 10, 2))  # a Monday in 国庆
    assert is_working_day(dt.date(2023, 10, 7))  # a 调休 Saturday
    assert not is_working_day(dt.date(2023, 7, 1))  # an ordinary Saturday
    assert last_working_day(dt.date(2023, 9, 30), 1) == dt.date(2023, 10, 7)
    assert last_working_day(dt.date(2023, 1, 20), 2) == dt.date(2023, 1, 28)  # 春节, 调休 Sat


def test_a_key_left_out_leaves_its_sentence_out(make_office, tmp_path):
    _, path = render(make_office, tmp_path, notice_tables())
    text = document_text(path)
    for word in ("联系人", "联系电话", "监督电话", "款项去向"):
        assert word not in text
    assert "＿" not in text and "____" not in text
    assert "如有异议，请在公示期内向测试学院工会反映。" in text

    tables = notice_tables(
        联系人="王老师",
        联系电话="0593-1234567",
        监督电话="0593-7654321",
        款项去向="已全额汇入市慈善总会账户",
    )
    _, path = render(make_office, tmp_path, tables, "all")
    text = document_text(path)
    assert "反映（联系人：王老师，联系电话：0593-1234567）。" in text
    assert "款项去向：已全额汇入市慈善总会账户。" in text
    assert "监督电话：0593-7654321。" in text

    _, path = render(make_office, tmp_path, notice_tables(联系电话="0593-1234567"), "phone")
    text = document_text(path)
    assert "反映（联系电话：0593-1234567）。" in text and "联系人" not in text


def test_department_figures_are_the_totals_figures(make_office, tmp_path):
    office, path = render(make_office, tmp_path, notice_tables())
    donations = office.totals().donations
    campaign = donations.campaign("慈善一日捐")
    rows = [[c.text for c in r.cells] for t in Document(str(path)).tables for r in t.rows]
    for d in donations.departments_of("慈善一日捐"):
        share = (d.amount * 100 / campaign.amount).quantize(campaign.amount.__class__("0.01"))
        assert [d.department, str(d.donors), f"{d.amount:,.2f}", f"{share:.2f}%"] in rows
    assert ["总计", str(campaign.donors), f"{campaign.amount:,.2f}", "100.00%"] in rows
    assert campaign.donors == len(DONORS)


def named_tables(path: Path) -> dict[str, list[str]]:
    """部门 -> names, from the 附件 tables (first row: "部门（N人）")."""
    groups = {}
    for t in Document(str(path)).tables[1:]:
        head = t.rows[0].cells[0].text
        m = re.fullmatch(r"(.+)（(\d+)人）", head)
        assert m, head
        names = [c.text for r in t.rows[1:] for c in r.cells[0::2] if c.text]
        assert len(names) == int(m[2])
        groups[m[1]] = names
    return groups


def test_named_list_by_部门_in_stroke_order(make_office, tmp_path):
    _, path = render(make_office, tmp_path, notice_tables(), named=True)
    groups = named_tables(path)
    assert groups == BY_STROKES and list(groups) == ["数理学院", "机关"]
    text = document_text(path)
    assert "附件：“慈善一日捐”个人捐款名单" in text
    for secret in ("0101", "0102", "13812345678", "350902"):
        assert secret not in text
    _, plain = render(make_office, tmp_path, notice_tables(), "plain")
    assert "王一" not in document_text(plain) and "附件" not in document_text(plain)


def test_rows_never_split_and_the_end_of_each_table_stays_together(make_office, tmp_path):
    """No 总计 row alone on a page, no 部门 heading alone at a page's foot, no last page
    with one row of names: the rows and paragraphs that must go together keep with next."""
    _, path = render(make_office, tmp_path, notice_tables(), named=True)
    doc = Document(str(path))

    def keeps(row) -> bool:
        return all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)

    for t in doc.tables:
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in t.rows)
    summary, *lists = doc.tables
    assert [keeps(r) for r in summary.rows][-3:] == [True, True, True]  # 2 rows + 总计
    for t in lists:
        assert keeps(t.rows[0])  # the 部门 heading goes with its names
        assert all(keeps(r) for r in t.rows[-2:])
    closing = [p for p in doc.paragraphs if p.text.startswith(("公示期为", "特此公示"))]
    assert closing and all(p.paragraph_format.keep_with_next for p in closing)


def departments_office(count: int) -> dict:
    """`count` 部门 in all (the test office's two and more with long names, three donors
    each), every 设置 key of a notice set."""
    tables = notice_tables(
        联系人="王老师",
        联系电话="0593-1234567",
        监督电话="0593-7654321",
        款项去向="已全额汇入市慈善总会账户",
    )
    names = [f"第{i + 1}教学科研单位分工会" for i in range(count - 2)]
    tables["部门"][1].extend([n, "学院"] for n in names)
    tables["捐款明细"][1].extend(
        ["慈善一日捐", None, f"{'赵钱孙'[j]}{i}", name, 100 + j, dt.date(2023, 5, 10)]
        for i, name in enumerate(names)
        for j in range(3)
    )
    tables["捐款活动"][1][1][3] = None
    return tables


@pytest.mark.skipif(
    pdf.find_soffice() is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice or poppler is not installed",
)
def test_each_campaign_fits_one_page(make_office, tmp_path):
    """A typical office (11 部门), one just too large for one column (13, set in two halves)
    and a large one (24): one page each, every closing sentence included."""
    paths = []
    for count in (11, 13, 24):
        _, path = render(make_office, tmp_path, departments_office(count), f"d{count}")
        paths.append(path.rename(path.with_name(f"{count}个部门.docx")))
    pdfs = pdf.convert(paths, tmp_path / "pdf")
    assert len(pdfs) == 3
    for made in pdfs:
        info = subprocess.run(["pdfinfo", str(made)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (made, info)
