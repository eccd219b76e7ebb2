"""The 慰问发放表 template."""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm

from scripts.report_templates.kit import (
    S_PLAIN,
    TYPE_AREA,
    page_break,
    para,
    table,
    tag,
    title,
)


def visit_sheets(doc) -> None:
    tag(doc, "{%p for 表 in 发放表 %}")
    title(doc, "{{ 表.标题 }}")
    line = doc.add_paragraph("发放单位：{{ 单位名称 }}\t金额单位：元", style=S_PLAIN)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(TYPE_AREA), WD_TAB_ALIGNMENT.RIGHT)
    table(
        doc,
        (13, 20, 36, 41, 26, 20),
        ("序号", "姓名", "部门", "事由", "金额/物品", "签收"),
        "行 in 表.行",
        (
            "{{ 行.序号 }}",
            "{{ 行.姓名 }}",
            "{{ 行.部门 }}",
            "{{ 行.事由 }}",
            "{{ 行.金额物品 }}",
            "",
        ),
        [("合计", "{{ 表.人次 }}人次", "", "", "{{ 表.合计金额 }}", "")],
        (False, False, False, False, True, False),
        row_height=10,
    )
    para(doc, "合计金额（大写）：人民币{{ 表.合计大写 }}", S_PLAIN)
    para(doc, "")
    para(doc, "经办人：　　　　　　　审核人：　　　　　　　负责人：", S_PLAIN)
    tag(doc, "{%p if not loop.last %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
