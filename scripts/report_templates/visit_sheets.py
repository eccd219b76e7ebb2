"""The 慰问发放表 template: one 签收表 per 部门 per distribution, one after the other.

The tables flow on (no page break per table: a 部门's birthday list of five rows shares a
page with the next). Each table's title and heading line keep with the table, the header
row repeats on every page, no row splits across a page, and the 合计 row keeps with the
大写 line and the signature line below it.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from scripts.report_templates.kit import (
    FANGSONG,
    HEITI,
    TABLE_SIZE,
    XIAOBIAOSONG,
    paragraph_style,
    table,
    tag,
)

S_SHEET_TITLE, S_SHEET_LINE, S_SHEET_SIGN = "签收表标题", "签收表说明", "签收表落款"
S_SHEET_HEAD = "签收表表头"
# 序号, 姓名, 金额, 发放日期, 领取人/关系 (family or proxy writes here), 签收, 签收日期
WIDTHS = (12, 22, 28, 24, 26, 24, 20)
ROW_HEIGHT = 8  # mm: room for a signature


def visit_sheets(doc) -> None:
    sheet_styles(doc)
    tag(doc, "{%p for 表 in 发放表 %}")
    doc.add_paragraph("{{ 单位名称 }}{{ 表.标题 }}", style=S_SHEET_TITLE)
    doc.add_paragraph("部门：{{ 表.部门 }}　　事由：{{ 表.事由 }}", style=S_SHEET_LINE)
    table(
        doc,
        WIDTHS,
        ("序号", "姓名", "{{ 表.金额列 }}", "发放日期", "领取人/关系", "签收", "签收日期"),
        "行 in 表.行",
        ("{{ 行.序号 }}", "{{ 行.姓名 }}", "{{ 行.金额物品 }}", "{{ 行.发放日期 }}", "", "", ""),
        [("合计{{ 表.人次 }}人", "", "{{ 表.合计金额 }}", "", "", "", "")],
        (False, False, True, False, False, False, False),
        row_height=ROW_HEIGHT,
    )
    rows = doc.tables[-1].rows
    header, data, total = rows[0], rows[2], rows[-1]
    for row in (header, data, total):
        cant_split(row)
    for row in (header, total):  # the header with the first row, 合计 with the 大写 line
        keep_with_next(row)
    for cell in header.cells:  # 五号: every heading on one line
        cell.paragraphs[0].style = doc.styles[S_SHEET_HEAD]
    total.height = Mm(ROW_HEIGHT)
    total.cells[0].merge(total.cells[1])  # "合计95人" across 序号 and 姓名
    first = total.cells[0].paragraphs
    for extra in first[1:]:
        extra._p.getparent().remove(extra._p)
    doc.add_paragraph("合计金额（大写）：人民币{{ 表.合计大写 }}", style=S_SHEET_LINE)
    doc.add_paragraph("经办人：　　　　　　　　　　审核人：", style=S_SHEET_SIGN)
    tag(doc, "{%p endfor %}")


def sheet_styles(doc) -> None:
    paragraph_style(
        doc,
        S_SHEET_TITLE,
        font=XIAOBIAOSONG,
        size=Pt(16),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        line=None,
        keep_with_next=True,
    )
    pf = doc.styles[S_SHEET_TITLE].paragraph_format
    pf.space_before, pf.space_after = Pt(12), Pt(6)
    paragraph_style(
        doc,
        S_SHEET_HEAD,
        font=HEITI,
        size=Pt(10.5),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        line=None,
        keep_with_next=True,
    )
    paragraph_style(
        doc,
        S_SHEET_LINE,
        font=FANGSONG,
        size=TABLE_SIZE,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        line=None,
        keep_with_next=True,
    )
    doc.styles[S_SHEET_LINE].paragraph_format.space_after = Pt(3)
    paragraph_style(
        doc, S_SHEET_SIGN, font=FANGSONG, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT, line=None
    )
    doc.styles[S_SHEET_SIGN].paragraph_format.space_before = Pt(9)


def cant_split(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    trPr.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader")


def keep_with_next(row) -> None:
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True
