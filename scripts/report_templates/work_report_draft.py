"""The 工作报告（数据稿） template: 一、工作总结 theme by theme, then 附：数据来源.

What the draft is, and that the narrative is the office's to write, is said once, in a
Word comment on the title (comments do not print and do not go into the PDF), never in
the text itself.
"""

from __future__ import annotations

import copy

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from scripts.report_templates.kit import (
    BODY,
    FANGSONG,
    HEITI,
    S_TITLE,
    TABLE_SIZE,
    add_font_fallbacks,
    heading,
    page_break,
    para,
    paragraph_style,
    table,
    tag,
)
from scripts.report_templates.visit_sheets import cant_split, keep_with_next

KAITI = "楷体_GB2312"
S_SUBHEADING, S_APPENDIX, S_NOTE = "二级标题", "附录标题", "附注"
S_SMALL, S_SMALL_HEAD = "附表文字", "附表表头"
SMALL = Pt(10.5)  # 五号
NOTE = (
    "这是由 unionxl 从本单位台账生成的工作报告数据稿：正文只写台账中有据可查的数字，"
    "每项工作一段；工作的做法、成效和下一年度的工作思路由工会办公室补写，可在各段前后直接插入。"
    "每个数字来自哪张表的哪几行，见文末“附：数据来源”。"
    "金额按“设置”表“金额写法”写作元或万元。台账中没有的项目，正文不写。"
)


def work_report_draft(doc) -> None:
    draft_styles(doc)
    title = doc.add_paragraph(style=S_TITLE)
    runs = [title.add_run("{{ 单位名称 }}{{ 年度 }}年度工作报告")]
    note = doc.add_comment(runs, text=NOTE, author="unionxl", initials="U")
    note._comment_elm.attrib.pop(qn("w:date"), None)  # same bytes every build
    heading(doc, "一、工作总结")
    tag(doc, "{%p for 部分 in 工作总结 %}")
    para(doc, "{{ 部分.标题 }}", S_SUBHEADING)
    tag(doc, "{%p for 段 in 部分.段落 %}")
    para(doc, "{{ 段 }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    page_break(doc)
    para(doc, "附：数据来源", S_APPENDIX)
    para(doc, "{{ 统计口径 }}", S_NOTE)
    sources_table(doc)


def sources_table(doc) -> None:
    """序号 | 数字 | 含义 | 来源, with a row naming the 部分 before its first figure."""
    table(
        doc,
        (10, 26, 40, 80),
        ("序号", "数字", "含义", "来源（工作簿、工作表、行）"),
        "行 in 数据来源",
        ("{{ 行.序号 }}", "{{ 行.数字 }}", "{{ 行.含义 }}", "{{ 行.来源 }}"),
    )
    t = doc.tables[-1]
    header, loop, data = t.rows[0], t.rows[1], t.rows[2]
    for row in (header, data):
        cant_split(row)
        for cell in row.cells:  # 五号: the appendix is a reference list, not the text
            cell.paragraphs[0].style = doc.styles[S_SMALL_HEAD if row is header else S_SMALL]
    for cell in data.cells[2:]:  # 含义 and 来源 read as text: left-aligned
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    # {%tr if 行.首行 %} · a merged row with the 部分 · {%tr endif %}, before the data row
    for text in ("{%tr if 行.首行 %}", "{{ 行.部分 }}", "{%tr endif %}"):
        row = copy.deepcopy(loop._tr if text.startswith("{%") else data._tr)
        data._tr.addprevious(row)
    opening, group, closing = t.rows[2], t.rows[3], t.rows[4]
    for row, text in ((opening, "{%tr if 行.首行 %}"), (closing, "{%tr endif %}")):
        row.cells[0].paragraphs[0].runs[0].text = text
    merged = group.cells[0].merge(group.cells[-1])
    for p in merged.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    paragraph = merged.paragraphs[0]
    for run in paragraph.runs:
        run.text = ""
    paragraph.runs[0].text = "{{ 行.部分 }}"
    paragraph.style = doc.styles[S_SMALL_HEAD]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    keep_with_next(group)


def draft_styles(doc) -> None:
    add_font_fallbacks(doc, {KAITI: "楷体"})  # newer Windows has 楷体, not 楷体_GB2312
    paragraph_style(
        doc, S_SUBHEADING, font=KAITI, size=BODY, first_line_chars=200, keep_with_next=True
    )
    paragraph_style(doc, S_APPENDIX, font=HEITI, size=BODY, keep_with_next=True)
    paragraph_style(
        doc,
        S_NOTE,
        font=FANGSONG,
        size=TABLE_SIZE,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        line=None,
        keep_with_next=True,
    )
    pf = doc.styles[S_NOTE].paragraph_format
    pf.space_before, pf.space_after = Pt(6), Pt(6)
    for name, font in ((S_SMALL, FANGSONG), (S_SMALL_HEAD, HEITI)):
        paragraph_style(
            doc, name, font=font, size=SMALL, align=WD_ALIGN_PARAGRAPH.CENTER, line=None
        )
